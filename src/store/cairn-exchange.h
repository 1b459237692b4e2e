/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cairn-store.h"

G_BEGIN_DECLS

/* The case exchange format (../shared/CLI.md): one child's whole record as
 * one JSON document, {"format": "cairn-child", "version": 1, …}. */

#define CAIRN_EXCHANGE_FORMAT "cairn-child"
#define CAIRN_EXCHANGE_VERSION 1

/**
 * CairnImportFlags:
 * @CAIRN_IMPORT_DEFAULT: refuse a child who is already in the database
 * @CAIRN_IMPORT_REPLACE: replace that child's whole record instead
 */
typedef enum
{
  CAIRN_IMPORT_DEFAULT = 0,
  CAIRN_IMPORT_REPLACE = 1 << 0,
} CairnImportFlags;

JsonNode *cairn_store_export_child (CairnStore        *self,
                                    gint64             child_number,
                                    GError           **error);
gboolean  cairn_store_import_child (CairnStore        *self,
                                    JsonNode          *document,
                                    CairnImportFlags   flags,
                                    gint64            *child_number,
                                    gboolean          *replaced,
                                    GError           **error);
gboolean  cairn_store_import_child_data (CairnStore   *self,
                                         const char   *name,
                                         const char   *data,
                                         gssize        length,
                                         CairnImportFlags flags,
                                         gint64       *child_number,
                                         gboolean     *replaced,
                                         GError      **error);

char     *cairn_exchange_to_data   (JsonNode          *document,
                                    gsize             *length);
JsonNode *cairn_exchange_parse     (const char        *name,
                                    const char        *data,
                                    gssize             length,
                                    GError           **error);

G_END_DECLS
