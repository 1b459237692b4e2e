/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For src/store only: what the conference and meeting stores share about
 * issued versions of documents (document_versions, document_receipts) and
 * taking approved minutes back to draft. */

#include "cairn-conference.h"
#include "cairn-store.h"

G_BEGIN_DECLS

gboolean cairn_store_insert_document_version (CairnStore      *self,
                                              gint64           conference_id,
                                              gint64           meeting_id,
                                              CairnDocVersion *version,
                                              const char      *pending_correction,
                                              const char      *ref,
                                              GError         **error);
gboolean cairn_store_load_meeting_versions   (CairnStore      *self,
                                              gint64           meeting_id,
                                              GPtrArray       *versions,
                                              GError         **error);
gboolean cairn_store_reopen_minutes          (CairnStore      *self,
                                              const char      *sql,
                                              gint64           id,
                                              const char      *ref,
                                              const char      *status,
                                              const char      *correction,
                                              GError         **error);

G_END_DECLS
