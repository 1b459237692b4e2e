/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-store.h"

G_BEGIN_DECLS

/**
 * CairnAuditEntry:
 *
 * One entry of the audit trail: who, when, what, and for changes the
 * values before and after (JSON objects of the row's columns).
 */
typedef struct
{
  gint64 id;
  char *at;           /* "YYYY-MM-DDTHH:MM:SSZ" */
  char *user_name;
  char *action;       /* insert, update, delete, open, login, login_failed, bulk, … */
  char *entity;       /* a table name, or what was opened */
  char *entity_key;
  char *before;
  char *after;
  char *details;
} CairnAuditEntry;

void        cairn_audit_entry_free             (CairnAuditEntry *entry);

gboolean    cairn_store_audit_register_functions (CairnStore  *self,
                                                  GError     **error);
gboolean    cairn_store_audit_install_triggers (CairnStore      *self,
                                                GError         **error);
gboolean    cairn_store_audit_sync_sidecar     (CairnStore      *self,
                                                GError         **error);
char       *cairn_store_dup_sidecar_path       (CairnStore      *self);

gboolean    cairn_store_audit_record           (CairnStore      *self,
                                                const char      *action,
                                                const char      *entity,
                                                const char      *entity_key,
                                                gint64           child_number,
                                                const char      *details,
                                                GError         **error);
gboolean    cairn_store_record_child_opened    (CairnStore      *self,
                                                gint64           child_number,
                                                GError         **error);

void        cairn_store_audit_begin_bulk       (CairnStore      *self,
                                                const char      *timestamp);
gboolean    cairn_store_audit_end_bulk         (CairnStore      *self,
                                                const char      *action,
                                                const char      *details,
                                                GError         **error);
gboolean    cairn_store_audit_end_bulk_for_child (CairnStore    *self,
                                                  const char    *action,
                                                  gint64         child_number,
                                                  const char    *details,
                                                  GError       **error);
void        cairn_store_audit_cancel_bulk      (CairnStore      *self);

GPtrArray  *cairn_store_list_child_audit       (CairnStore      *self,
                                                gint64           child_number,
                                                GError         **error);

gboolean    cairn_store_audit_verify           (CairnStore      *self,
                                                gint64           from_id,
                                                GPtrArray       *problems,
                                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnAuditEntry, cairn_audit_entry_free)

G_END_DECLS
