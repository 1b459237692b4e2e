/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-view-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-annual-store.h"
#include "cairn-audit-store.h"
#include "cairn-error.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"
#include "cairn-validate.h"
#include "cairn-view-store.h"

static const char *
owner (CairnStore *self)
{
  const char *name = cairn_store_get_user_name (self);

  return name ? name : "";
}

/* Saves (or replaces) a named filter for the signed-in user. */
gboolean
cairn_store_save_filter (CairnStore             *self,
                         const char             *name,
                         const CairnCaseFilter  *filter,
                         GError                **error)
{
  g_autofree char *text = cairn_case_filter_to_string (filter);
  sqlite3_stmt *stmt;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error) ||
      !cairn_validate_required (_("Filter name"), name, error) ||
      !cairn_validate_max_length (_("Filter name"), name, 80, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self, "INSERT INTO saved_filters (user_name, name, filter) VALUES (?1, ?2, ?3)"
          " ON CONFLICT (user_name, name) DO UPDATE SET filter = excluded.filter", error);
  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, owner (self));
  cairn_bind_text (stmt, 2, name);
  cairn_bind_text (stmt, 3, text);
  return cairn_store_step_done (self, stmt, error);
}

/**
 * cairn_store_list_saved_filters:
 *
 * Returns: (transfer full) (element-type utf8): the signed-in user's saved
 *   filters' names, in alphabetical order
 */
GPtrArray *
cairn_store_list_saved_filters (CairnStore  *self,
                                GError     **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT name FROM saved_filters WHERE user_name = ? ORDER BY name COLLATE NOCASE", error);

  if (stmt == NULL)
    return NULL;
  cairn_bind_text (stmt, 1, owner (self));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, cairn_column_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_steal_pointer (&names);
}

CairnCaseFilter *
cairn_store_load_saved_filter (CairnStore  *self,
                               const char  *name,
                               GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT filter FROM saved_filters WHERE user_name = ?1 AND name = ?2", error);
  g_autofree char *text = NULL;

  if (stmt == NULL)
    return NULL;
  cairn_bind_text (stmt, 1, owner (self));
  cairn_bind_text (stmt, 2, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = cairn_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (text == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("Saved filter: \"%s\" does not exist"), name);
      return NULL;
    }
  return cairn_case_filter_from_string (text, error);
}

gboolean
cairn_store_delete_saved_filter (CairnStore  *self,
                                 const char  *name,
                                 GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "DELETE FROM saved_filters WHERE user_name = ?1 AND name = ?2", error);

  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, owner (self));
  cairn_bind_text (stmt, 2, name);
  return cairn_store_step_done (self, stmt, error);
}

/* Remembers what the signed-in user was looking at, to show it again next time. */
gboolean
cairn_store_set_last_view (CairnStore             *self,
                           const CairnCaseFilter  *filter,
                           const char             *case_ref,
                           GError                **error)
{
  g_autofree char *text = cairn_case_filter_to_string (filter);
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "INSERT INTO user_views (user_name, filter, case_ref) VALUES (?1, ?2, ?3)"
          " ON CONFLICT (user_name) DO UPDATE SET filter = excluded.filter, case_ref = excluded.case_ref",
    error);

  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, owner (self));
  cairn_bind_text (stmt, 2, text);
  cairn_bind_text_or_null (stmt, 3, case_ref);
  return cairn_store_step_done (self, stmt, error);
}

/* The last view, or %NULL when the user has none. */
CairnCaseFilter *
cairn_store_get_last_view (CairnStore  *self,
                           char       **case_ref)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT filter, case_ref FROM user_views WHERE user_name = ?", NULL);
  CairnCaseFilter *filter = NULL;

  if (case_ref)
    *case_ref = NULL;
  if (stmt == NULL)
    return NULL;
  cairn_bind_text (stmt, 1, owner (self));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      filter = cairn_case_filter_from_string (cairn_column_text (stmt, 0), NULL);
      if (case_ref)
        *case_ref = cairn_column_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  return filter;
}

/**
 * cairn_store_begin_bulk:
 * @timestamp: (nullable): see cairn_store_audit_begin_bulk()
 *
 * Starts bulk work (demo generation, an import): row changes are neither
 * audited one by one nor indexed one by one. cairn_store_end_bulk()
 * rebuilds the case index and writes one audit entry.
 */
void
cairn_store_begin_bulk (CairnStore *self,
                        const char *timestamp)
{
  cairn_store_audit_begin_bulk (self, timestamp);
  cairn_store_set_index_live (self, FALSE);
}

/* The audit trail's row triggers (cairn-audit-store.c), the case
 * navigator's index triggers (cairn-case-list.c) and the annual statistics
 * cache's (cairn-annual-store.c) do nothing during bulk work
 * (cairn_store_begin_bulk()), but SQLite still runs each one's WHEN test
 * for every row, and a table with triggers makes every INSERT or
 * UPDATE on it open a statement journal (each page it touches is copied
 * first; once a journal has spilled, into a temporary file). Bulk writers
 * (demo generation, a census import) drop them inside their transaction
 * and cairn_store_restore_row_triggers() reinstalls them from the schema
 * before the commit; a rollback or a killed process restores them with
 * everything else. The audit trail's own sealing and guard triggers stay.
 * What the triggers would have kept up the writer must then bring up to
 * date itself (the case index, the annual statistics' dirty year). */
gboolean
cairn_store_drop_row_triggers (CairnStore  *self,
                               GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name <> 'audit_log'"
    " AND (name LIKE 'cairn\\_audit\\_%' ESCAPE '\\' OR name LIKE 'cairn\\_index\\_%' ESCAPE '\\'"
    "      OR name LIKE 'cairn\\_annual\\_%' ESCAPE '\\')"
    " ORDER BY name",
    error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, cairn_column_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, "triggers");
      return FALSE;
    }
  for (guint i = 0; i < names->len; i++)
    {
      /* An identifier cannot be bound; %w quotes it. */
      char *sql = sqlite3_mprintf ("DROP TRIGGER \"%w\"", (const char *) g_ptr_array_index (names, i));
      gboolean ok = cairn_store_exec (self, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Puts back the row triggers cairn_store_drop_row_triggers() took away. */
gboolean
cairn_store_restore_row_triggers (CairnStore  *self,
                                  GError     **error)
{
  return cairn_store_audit_install_triggers (self, error) &&
         cairn_store_index_install_triggers (self, error) &&
         cairn_store_annual_install_triggers (self, error);
}

gboolean
cairn_store_end_bulk (CairnStore  *self,
                      const char  *action,
                      const char  *details,
                      GError     **error)
{
  cairn_store_set_index_live (self, TRUE);
  if (!cairn_store_rebuild_case_index (self, error) || !cairn_store_annual_invalidate (self, error))
    {
      cairn_store_audit_end_bulk (self, action, details, NULL);
      return FALSE;
    }
  return cairn_store_audit_end_bulk (self, action, details, error);
}
