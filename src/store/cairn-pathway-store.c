/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-pathway-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pathway-store.h"
#include "cairn-ref.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"

void
cairn_case_pathway_clear (CairnCasePathway *kase)
{
  g_clear_pointer (&kase->edition, g_free);
  g_clear_pointer (&kase->edition_reason, g_free);
}

void
cairn_case_summary_init (CairnCaseSummary *summary)
{
  memset (summary, 0, sizeof *summary);
  cairn_date_clear (&summary->next_due_on);
  cairn_date_clear (&summary->summary_on);
}

void
cairn_case_summary_clear (CairnCaseSummary *summary)
{
  g_clear_pointer (&summary->current_stage, g_free);
  g_clear_pointer (&summary->current_edition, g_free);
  g_clear_pointer (&summary->next_rule, g_free);
  cairn_case_summary_init (summary);
}

static void
read_case_columns (sqlite3_stmt     *stmt,
                   CairnCasePathway *out)
{
  out->case_id = sqlite3_column_int64 (stmt, 0);
  out->child_number = sqlite3_column_int64 (stmt, 1);
  out->case_number = sqlite3_column_int (stmt, 2);
  cairn_column_date (stmt, 3, &out->opened_on);
  cairn_column_date (stmt, 4, &out->closed_on);
  out->edition = cairn_column_dup_text (stmt, 5);
  out->edition_reason = cairn_column_dup_text (stmt, 6);
}

/**
 * cairn_store_get_case_pathway:
 *
 * The case's id, dates and edition override; %CAIRN_ERROR_NOT_FOUND names
 * the reference when there is no such case.
 */
gboolean
cairn_store_get_case_pathway (CairnStore        *self,
                              gint64             child_number,
                              int                case_number,
                              CairnCasePathway  *out,
                              GError           **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT cases.id, children.number, cases.number, cases.opened_on, cases.closed_on,"
    " cases.edition, cases.edition_reason"
    " FROM cases JOIN children ON children.id = cases.child_id"
    " WHERE children.number = ?1 AND cases.number = ?2",
    error);
  gboolean found = FALSE;

  memset (out, 0, sizeof *out);
  cairn_date_clear (&out->opened_on);
  cairn_date_clear (&out->closed_on);
  if (stmt == NULL || !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, child_number);
  sqlite3_bind_int (stmt, 2, case_number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      read_case_columns (stmt, out);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_autofree char *ref = cairn_case_ref_format (child_number, case_number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such case"), ref);
    }
  return found;
}

gint64
cairn_store_get_max_case_id (CairnStore  *self,
                             GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "SELECT coalesce(max(id), 0) FROM cases", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * cairn_store_list_child_case_ids:
 *
 * Returns: (transfer full) (element-type gint64): the row ids of a child's
 *   cases, in case order (empty for an unknown child)
 */
GArray *
cairn_store_list_child_case_ids (CairnStore  *self,
                                 gint64       child_number,
                                 GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT cases.id FROM cases JOIN children ON children.id = cases.child_id"
    " WHERE children.number = ?1 ORDER BY cases.number",
    error);
  g_autoptr (GArray) ids = NULL;
  int rc;

  if (stmt == NULL || !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, child_number);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * cairn_store_foreach_case_events:
 * @first_case_id: the first case (by its row id) to read
 * @last_case_id: the last
 *
 * Calls @func once for each case whose id is in the range, in id order,
 * with its events in date order (only the fields the pathway needs: id,
 * kind, date and time, planned, late and exception reasons). One query
 * reads the whole range, so a bulk refresh reads the events table once.
 */
gboolean
cairn_store_foreach_case_events (CairnStore           *self,
                                 gint64                first_case_id,
                                 gint64                last_case_id,
                                 CairnCaseEventsFunc   func,
                                 gpointer              user_data,
                                 GError              **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT cases.id, children.number, cases.number, cases.opened_on, cases.closed_on,"
    " cases.edition, cases.edition_reason,"
    " events.id, events.kind, events.occurred_at, events.planned, events.late_reason,"
    " events.exception_reason"
    " FROM cases JOIN children ON children.id = cases.child_id"
    " LEFT JOIN events ON events.case_id = cases.id"
    " WHERE cases.id BETWEEN ?1 AND ?2"
    " ORDER BY cases.id, events.occurred_at, events.id",
    error);
  CairnCasePathway kase = { 0 };
  g_autoptr (GPtrArray) events = NULL;
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL || !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first_case_id);
  sqlite3_bind_int64 (stmt, 2, last_case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (stmt, 0);

      if (events == NULL || case_id != kase.case_id)
        {
          if (events != NULL)
            {
              ok = func (&kase, events, user_data, error);
              g_clear_pointer (&events, g_ptr_array_unref);
              cairn_case_pathway_clear (&kase);
              if (!ok)
                break;
            }
          read_case_columns (stmt, &kase);
          events = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_event_free);
        }
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        {
          CairnEvent *e = cairn_event_new ();
          e->id = sqlite3_column_int64 (stmt, 7);
          e->kind = cairn_column_dup_text (stmt, 8);
          cairn_column_timestamp (stmt, 9, &e->date, &e->minute);
          e->planned = sqlite3_column_int (stmt, 10);
          e->late_reason = cairn_column_dup_text (stmt, 11);
          e->exception_reason = cairn_column_dup_text (stmt, 12);
          g_ptr_array_add (events, e);
        }
    }
  if (ok && rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      ok = FALSE;
    }
  sqlite3_reset (stmt);
  if (ok && events != NULL)
    ok = func (&kase, events, user_data, error);
  cairn_case_pathway_clear (&kase);
  return ok;
}

/* Runs @stmt with the audit trail's row capture off: the summary columns
 * are a cache computed from the events, which are audited themselves, and
 * a bulk refresh must not write one audit entry per case. */
static gboolean
step_uncaptured (CairnStore    *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  gboolean capture = cairn_store_get_audit_capture (self);
  gboolean ok;

  cairn_store_set_audit_capture (self, FALSE);
  ok = cairn_store_step_done (self, stmt, error);
  cairn_store_set_audit_capture (self, capture);
  return ok;
}

/**
 * cairn_store_set_case_summary:
 *
 * Writes one case's summary columns. They are derived from the case's
 * events (which the audit trail records), so writing them is not audited.
 */
gboolean
cairn_store_set_case_summary (CairnStore              *self,
                              gint64                   case_id,
                              const CairnCaseSummary  *summary,
                              GError                 **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "UPDATE cases SET current_stage = ?2, current_edition = ?3, next_due_on = ?4,"
    " next_rule = ?5, timer_status = ?6, summary_on = ?7 WHERE id = ?1",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_text_or_null (stmt, 2, summary->current_stage);
  cairn_bind_text_or_null (stmt, 3, summary->current_edition);
  cairn_bind_date (stmt, 4, &summary->next_due_on);
  cairn_bind_text_or_null (stmt, 5, summary->next_rule);
  cairn_bind_text_or_null (stmt, 6, summary->timer_status);
  cairn_bind_date (stmt, 7, &summary->summary_on);
  return step_uncaptured (self, stmt, error);
}

gboolean
cairn_store_get_case_summary (CairnStore        *self,
                              gint64             child_number,
                              int                case_number,
                              CairnCaseSummary  *out,
                              GError           **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT cases.current_stage, cases.current_edition, cases.next_due_on, cases.next_rule,"
    " cases.timer_status, cases.summary_on"
    " FROM cases JOIN children ON children.id = cases.child_id"
    " WHERE children.number = ?1 AND cases.number = ?2",
    error);
  gboolean found = FALSE;

  cairn_case_summary_init (out);
  if (stmt == NULL || !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, child_number);
  sqlite3_bind_int (stmt, 2, case_number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *status = cairn_column_text (stmt, 4);

      out->current_stage = cairn_column_dup_text (stmt, 0);
      out->current_edition = cairn_column_dup_text (stmt, 1);
      cairn_column_date (stmt, 2, &out->next_due_on);
      out->next_rule = cairn_column_dup_text (stmt, 3);
      out->timer_status = g_strcmp0 (status, "overdue") == 0   ? "overdue"
                          : g_strcmp0 (status, "running") == 0 ? "running"
                                                               : NULL;
      cairn_column_date (stmt, 5, &out->summary_on);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_autofree char *ref = cairn_case_ref_format (child_number, case_number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such case"), ref);
    }
  return found;
}

/**
 * cairn_store_restamp_case_summaries:
 *
 * Brings every summary's timer_status up to @today without recomputing a
 * timer: next_due_on is the earliest open due date, so a case has an
 * overdue timer exactly when next_due_on is before @today. One UPDATE.
 */
gboolean
cairn_store_restamp_case_summaries (CairnStore   *self,
                                    const GDate  *today,
                                    GError      **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "UPDATE cases SET timer_status = CASE WHEN next_due_on < ?1 THEN 'overdue' ELSE 'running' END,"
    " summary_on = ?1"
    " WHERE next_due_on IS NOT NULL AND (summary_on IS NULL OR summary_on <> ?1)",
    error);

  if (stmt == NULL)
    return FALSE;
  cairn_bind_date (stmt, 1, today);
  return step_uncaptured (self, stmt, error);
}

/* Sets (or with %NULL clears) the edition one case follows, with the
 * reason; the caller checks the edition exists. Audited. */
gboolean
cairn_store_set_case_edition (CairnStore  *self,
                              gint64       child_number,
                              int          case_number,
                              const char  *edition,
                              const char  *reason,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  g_auto (CairnCasePathway) kase = { 0 };

  if (!cairn_store_require_case (self, CAIRN_ACTION_EDIT_CASE, child_number, case_number, error) ||
      !cairn_store_get_case_pathway (self, child_number, case_number, &kase, error))
    return FALSE;
  stmt = cairn_store_prepare (self, "UPDATE cases SET edition = ?2, edition_reason = ?3 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, kase.case_id);
  cairn_bind_text_or_null (stmt, 2, edition);
  cairn_bind_text_or_null (stmt, 3, edition ? reason : NULL);
  return cairn_store_step_done (self, stmt, error);
}

static char *
join_kinds (char **kinds)
{
  return kinds ? g_strjoinv (",", kinds) : NULL;
}

static char **
split_kinds (const char *text)
{
  return text ? g_strsplit (text, ",", -1) : NULL;
}

/**
 * cairn_store_list_rule_overrides:
 *
 * Returns: (transfer full) (element-type CairnRuleOverride): every override,
 *   by edition, rule and effective date
 */
GPtrArray *
cairn_store_list_rule_overrides (CairnStore  *self,
                                 GError     **error)
{
  g_autoptr (GPtrArray) list = NULL;
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT id, edition, rule_id, effective_from, title, limit_value, unit, start_kinds,"
    " stop_kinds, source, recorded_on, recorded_by, notes FROM rule_overrides"
    " ORDER BY edition, rule_id, effective_from",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_rule_override_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnRuleOverride *o = cairn_rule_override_new ();
      o->id = sqlite3_column_int64 (stmt, 0);
      o->edition = cairn_column_dup_text (stmt, 1);
      o->rule_id = cairn_column_dup_text (stmt, 2);
      cairn_column_date (stmt, 3, &o->effective_from);
      o->title = cairn_column_dup_text (stmt, 4);
      o->limit = sqlite3_column_int (stmt, 5);
      o->unit = cairn_column_dup_text (stmt, 6);
      o->start = split_kinds (cairn_column_text (stmt, 7));
      o->stop = split_kinds (cairn_column_text (stmt, 8));
      o->source = cairn_column_dup_text (stmt, 9);
      cairn_column_date (stmt, 10, &o->recorded_on);
      o->recorded_by = cairn_column_dup_text (stmt, 11);
      o->notes = cairn_column_dup_text (stmt, 12);
      g_ptr_array_add (list, o);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Stores @override (validated by the caller) and sets its id. A second
 * override for the same edition, rule and date is refused. */
gboolean
cairn_store_add_rule_override (CairnStore         *self,
                               CairnRuleOverride  *override,
                               GError            **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "INSERT INTO rule_overrides (edition, rule_id, effective_from, title, limit_value, unit,"
    " start_kinds, stop_kinds, source, recorded_on, recorded_by, notes)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    error);
  g_autofree char *start = join_kinds (override->start);
  g_autofree char *stop = join_kinds (override->stop);

  if (stmt == NULL || !cairn_store_require (self, CAIRN_ACTION_EDIT_SETTINGS, error))
    return FALSE;
  cairn_bind_text (stmt, 1, override->edition);
  cairn_bind_text (stmt, 2, override->rule_id);
  cairn_bind_date (stmt, 3, &override->effective_from);
  cairn_bind_text_or_null (stmt, 4, override->title);
  sqlite3_bind_int (stmt, 5, override->limit);
  cairn_bind_text_or_null (stmt, 6, override->limit > 0 ? override->unit : NULL);
  cairn_bind_text_or_null (stmt, 7, start);
  cairn_bind_text_or_null (stmt, 8, stop);
  cairn_bind_text (stmt, 9, override->source);
  cairn_bind_date (stmt, 10, &override->recorded_on);
  cairn_bind_text_or_null (stmt, 11, override->recorded_by);
  cairn_bind_text_or_null (stmt, 12, override->notes);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int code = sqlite3_extended_errcode (cairn_store_get_db (self));
      char buf[11];

      sqlite3_reset (stmt);
      cairn_date_format_into (&override->effective_from, buf);
      if (code == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS,
                     _("Rule: %s (%s) already has a board setting from %s"), override->rule_id,
                     override->edition, buf);
      else
        cairn_store_set_db_error (self, error, _("Rule"));
      return FALSE;
    }
  sqlite3_reset (stmt);
  override->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  return TRUE;
}

gboolean
cairn_store_delete_rule_override (CairnStore  *self,
                                  gint64       id,
                                  GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "DELETE FROM rule_overrides WHERE id = ?1", error);

  if (stmt == NULL || !cairn_store_require (self, CAIRN_ACTION_EDIT_SETTINGS, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (cairn_store_get_db (self)) == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("Rule setting: %" G_GINT64_FORMAT
                                                                " does not exist"), id);
      return FALSE;
    }
  return TRUE;
}
