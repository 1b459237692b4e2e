/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CAIRN_TYPE_STORE (cairn_store_get_type ())

G_DECLARE_FINAL_TYPE (CairnStore, cairn_store, CAIRN, STORE, GObject)

/**
 * CairnStoreOpenFlags:
 * @CAIRN_STORE_OPEN_EXISTING: open a database that exists
 * @CAIRN_STORE_OPEN_CREATE: create a new database; refuse an existing file
 * @CAIRN_STORE_OPEN_FORCE: with @CAIRN_STORE_OPEN_CREATE, replace an existing file
 * @CAIRN_STORE_OPEN_READ_ONLY: open read-only (no migration is applied)
 */
typedef enum
{
  CAIRN_STORE_OPEN_EXISTING = 0,
  CAIRN_STORE_OPEN_CREATE = 1 << 0,
  CAIRN_STORE_OPEN_FORCE = 1 << 1,
  CAIRN_STORE_OPEN_READ_ONLY = 1 << 2,
} CairnStoreOpenFlags;

CairnStore *cairn_store_open               (const char           *path,
                                            CairnStoreOpenFlags   flags,
                                            GError              **error);
CairnStore *cairn_store_open_worker        (CairnStore           *self,
                                            GError              **error);
const char *cairn_store_get_path           (CairnStore           *self);
const char *cairn_store_get_warning        (CairnStore           *self);
guint       cairn_store_get_schema_version (CairnStore           *self);
guint       cairn_store_get_latest_version (void);

gboolean    cairn_store_begin              (CairnStore           *self,
                                            GError              **error);
gboolean    cairn_store_begin_read         (CairnStore           *self,
                                            GError              **error);
gboolean    cairn_store_commit             (CairnStore           *self,
                                            GError              **error);
void        cairn_store_rollback           (CairnStore           *self);

gboolean    cairn_store_set_durable        (CairnStore           *self,
                                            gboolean              durable,
                                            GError              **error);

char       *cairn_store_dup_setting        (CairnStore           *self,
                                            const char           *key);
gboolean    cairn_store_set_setting        (CairnStore           *self,
                                            const char           *key,
                                            const char           *value,
                                            GError              **error);
void        cairn_store_get_today          (CairnStore           *self,
                                            GDate                *today);
gboolean    cairn_store_get_today_checked  (CairnStore           *self,
                                            GDate                *today,
                                            GError              **error);

gboolean    cairn_store_check              (CairnStore           *self,
                                            GPtrArray            *problems,
                                            GError              **error);
gboolean    cairn_store_quick_check        (CairnStore           *self,
                                            gint64                audit_from_id,
                                            gint64               *audit_head_id,
                                            GPtrArray            *problems,
                                            GError              **error);
gboolean    cairn_store_set_board          (CairnStore           *self,
                                            const char           *name,
                                            const char           *area,
                                            GError              **error);
char       *cairn_store_dup_board_name     (CairnStore           *self);

G_END_DECLS
