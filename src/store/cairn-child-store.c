/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-child-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-child-store.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-ref.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"
#include "cairn-validate.h"

gint64
cairn_store_child_id (CairnStore  *self,
                      gint64       number,
                      GError     **error)
{
  gint64 id;

  if (!cairn_store_lookup_id (self, "SELECT id FROM children WHERE number = ?", number, &id, error))
    return 0;
  if (id == 0)
    {
      g_autofree char *ref = cairn_child_ref_format (number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such child"), ref);
    }
  return id;
}

static gint64
case_id_for_numbers (CairnStore  *self,
                     gint64       child_number,
                     int          case_number,
                     GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT cases.id FROM cases JOIN children ON children.id = cases.child_id "
          "WHERE children.number = ?1 AND cases.number = ?2", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, child_number);
  sqlite3_bind_int (stmt, 2, case_number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_autofree char *ref = cairn_case_ref_format (child_number, case_number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such case"), ref);
    }
  return id;
}

/**
 * cairn_store_add_child:
 *
 * Validates @child and stores it with its disabilities in one transaction.
 * A child with number 0 gets the next free number, written back into
 * @child. On failure the database is unchanged.
 */
gboolean
cairn_store_add_child (CairnStore  *self,
                       CairnChild  *child,
                       GError     **error)
{
  GDate today;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!cairn_store_require (self, CAIRN_ACTION_EDIT_CASE, error) ||
      !cairn_store_get_today_checked (self, &today, error) ||
      !cairn_child_validate (child, &today, error))
    return FALSE;
  if (!cairn_store_begin (self, error))
    return FALSE;

  if (child->number == 0)
    {
      stmt = cairn_store_prepare (self, "SELECT coalesce(max(number), 0) + 1 FROM children", error);
      if (stmt == NULL)
        goto fail;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        child->number = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  stmt = cairn_store_prepare (
    self,
    "INSERT INTO children (number, given_name, family_name, other_names, aliases, date_of_birth,"
    " expected_birth_date, date_of_death, sex, gender_current, ethnicity, religion, first_language,"
    " interpreter_needed, nhs_number, la_child_id, upn, former_upn, upn_unknown, address, postcode,"
    " school, gp, legal_status, looked_after, transferred_in)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
    " ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, child->number);
  cairn_bind_text (stmt, 2, child->given_name);
  cairn_bind_text (stmt, 3, child->family_name);
  cairn_bind_text (stmt, 4, child->other_names);
  cairn_bind_text (stmt, 5, child->aliases);
  cairn_bind_date (stmt, 6, &child->date_of_birth);
  cairn_bind_date (stmt, 7, &child->expected_birth_date);
  cairn_bind_date (stmt, 8, &child->date_of_death);
  cairn_bind_text (stmt, 9, child->sex);
  cairn_bind_text_or_null (stmt, 10, child->gender_current);
  cairn_bind_text_or_null (stmt, 11, child->ethnicity);
  cairn_bind_text_or_null (stmt, 12, child->religion);
  cairn_bind_text_or_null (stmt, 13, child->first_language);
  sqlite3_bind_int (stmt, 14, child->interpreter_needed ? 1 : 0);
  cairn_bind_text_or_null (stmt, 15, child->nhs_number);
  cairn_bind_text_or_null (stmt, 16, child->la_child_id);
  cairn_bind_text_or_null (stmt, 17, child->upn);
  cairn_bind_text_or_null (stmt, 18, child->former_upn);
  cairn_bind_text_or_null (stmt, 19, child->upn_unknown);
  cairn_bind_text_or_null (stmt, 20, child->address);
  cairn_bind_text_or_null (stmt, 21, child->postcode);
  cairn_bind_text_or_null (stmt, 22, child->school);
  cairn_bind_text_or_null (stmt, 23, child->gp);
  cairn_bind_text_or_null (stmt, 24, child->legal_status);
  sqlite3_bind_int (stmt, 25, child->looked_after ? 1 : 0);
  sqlite3_bind_int (stmt, 26, child->transferred_in ? 1 : 0);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (cairn_store_get_db (self));

  for (guint i = 0; i < child->disabilities->len; i++)
    {
      stmt = cairn_store_prepare (self,
                                  "INSERT INTO child_disabilities (child_id, code) VALUES (?1, ?2)",
                                  error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      cairn_bind_text (stmt, 2, g_ptr_array_index (child->disabilities, i));
      if (!cairn_store_step_done (self, stmt, error))
        goto fail;
    }

  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

CairnChild *
cairn_store_get_child (CairnStore  *self,
                       gint64       number,
                       GError     **error)
{
  g_autoptr (CairnChild) child = NULL;
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT id, given_name, family_name, other_names, aliases, date_of_birth, expected_birth_date,"
    " date_of_death, sex, gender_current, ethnicity, religion, first_language, interpreter_needed,"
    " nhs_number, la_child_id, upn, former_upn, upn_unknown, address, postcode, school, gp,"
    " legal_status, looked_after, transferred_in FROM children WHERE number = ?",
    error);
  gint64 id;

  if (stmt == NULL || !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *ref = cairn_child_ref_format (number);
      sqlite3_reset (stmt);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such child"), ref);
      return NULL;
    }
  child = cairn_child_new ();
  child->number = number;
  id = sqlite3_column_int64 (stmt, 0);
  child->given_name = cairn_column_dup_text (stmt, 1);
  child->family_name = cairn_column_dup_text (stmt, 2);
  child->other_names = cairn_column_dup_text (stmt, 3);
  child->aliases = cairn_column_dup_text (stmt, 4);
  cairn_column_date (stmt, 5, &child->date_of_birth);
  cairn_column_date (stmt, 6, &child->expected_birth_date);
  cairn_column_date (stmt, 7, &child->date_of_death);
  g_free (child->sex);
  child->sex = cairn_column_dup_text (stmt, 8);
  child->gender_current = cairn_column_dup_text (stmt, 9);
  child->ethnicity = cairn_column_dup_text (stmt, 10);
  child->religion = cairn_column_dup_text (stmt, 11);
  child->first_language = cairn_column_dup_text (stmt, 12);
  child->interpreter_needed = sqlite3_column_int (stmt, 13);
  child->nhs_number = cairn_column_dup_text (stmt, 14);
  child->la_child_id = cairn_column_dup_text (stmt, 15);
  child->upn = cairn_column_dup_text (stmt, 16);
  child->former_upn = cairn_column_dup_text (stmt, 17);
  child->upn_unknown = cairn_column_dup_text (stmt, 18);
  child->address = cairn_column_dup_text (stmt, 19);
  child->postcode = cairn_column_dup_text (stmt, 20);
  child->school = cairn_column_dup_text (stmt, 21);
  child->gp = cairn_column_dup_text (stmt, 22);
  child->legal_status = cairn_column_dup_text (stmt, 23);
  child->looked_after = sqlite3_column_int (stmt, 24);
  child->transferred_in = sqlite3_column_int (stmt, 25);
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self, "SELECT code FROM child_disabilities WHERE child_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (child->disabilities, cairn_column_dup_text (stmt, 0));
  sqlite3_reset (stmt);

  return g_steal_pointer (&child);
}

gint64
cairn_store_count_children (CairnStore *self)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "SELECT count(*) FROM children", NULL);
  gint64 n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

/**
 * cairn_store_open_case:
 *
 * Opens a new case (episode) for a child with its referral, and records
 * the referral in the chronology. Returns the case number, or 0 on error
 * (the database is then unchanged).
 */
int
cairn_store_open_case (CairnStore     *self,
                       gint64          child_number,
                       CairnReferral  *referral,
                       GError        **error)
{
  g_autoptr (CairnChild) child = NULL;
  GDate today;
  sqlite3_stmt *stmt;
  gint64 child_id, case_id, agency_id = 0;
  int case_number = 0;

  if (!cairn_store_require_case (self, CAIRN_ACTION_EDIT_CASE, child_number, 0, error) ||
      !cairn_store_get_today_checked (self, &today, error))
    return 0;
  child = cairn_store_get_child (self, child_number, error);
  if (child == NULL || !cairn_referral_validate (referral, child, &today, error))
    return 0;
  child_id = cairn_store_child_id (self, child_number, error);
  if (child_id == 0 || !cairn_store_begin (self, error))
    return 0;

  if (referral->source_agency != NULL && *referral->source_agency != '\0')
    {
      stmt = cairn_store_prepare (self, "SELECT id FROM agencies WHERE code = ?", error);
      if (stmt == NULL)
        goto fail;
      cairn_bind_text (stmt, 1, referral->source_agency);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        agency_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (agency_id == 0)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("Referring agency: \"%s\" is not known"),
                       referral->source_agency);
          goto fail;
        }
    }

  stmt = cairn_store_prepare (
    self, "SELECT coalesce(max(number), 0) + 1 FROM cases WHERE child_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, child_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    case_number = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self, "INSERT INTO cases (child_id, number, opened_on) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int (stmt, 2, case_number);
  cairn_bind_date (stmt, 3, &referral->received_on);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  case_id = sqlite3_last_insert_rowid (cairn_store_get_db (self));

  stmt = cairn_store_prepare (
    self,
    "INSERT INTO referrals (case_id, received_at, channel, source_code, source_agency_id,"
    " referrer_name, concern, primary_need_code, decision, nfa)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_timestamp (stmt, 2, &referral->received_on, referral->received_minute);
  cairn_bind_text_or_null (stmt, 3, referral->channel);
  cairn_bind_text_or_null (stmt, 4, referral->source_code);
  if (agency_id)
    sqlite3_bind_int64 (stmt, 5, agency_id);
  cairn_bind_text_or_null (stmt, 6, referral->referrer_name);
  cairn_bind_text_or_null (stmt, 7, referral->concern);
  cairn_bind_text_or_null (stmt, 8, referral->primary_need_code);
  cairn_bind_text_or_null (stmt, 9, referral->decision);
  sqlite3_bind_int (stmt, 10, referral->nfa ? 1 : 0);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;

  stmt = cairn_store_prepare (
    self, "INSERT INTO events (case_id, kind, occurred_at, notes) VALUES (?1, 'referral', ?2, ?3)",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_timestamp (stmt, 2, &referral->received_on, referral->received_minute);
  cairn_bind_text_or_null (stmt, 3, referral->concern);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;

  if (!cairn_store_commit (self, error))
    return 0;
  return case_number;

fail:
  cairn_store_rollback (self);
  return 0;
}

/**
 * cairn_store_assign_case:
 *
 * Gives a case to a team (whose practitioners may then change it).
 */
gboolean
cairn_store_assign_case (CairnStore  *self,
                         gint64       child_number,
                         int          case_number,
                         const char  *team,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 case_id;

  if (!cairn_store_require_case (self, CAIRN_ACTION_EDIT_CASE, child_number, case_number, error))
    return FALSE;
  if (!cairn_validate_max_length (_("Team"), team, 200, error))
    return FALSE;
  case_id = case_id_for_numbers (self, child_number, case_number, error);
  if (case_id == 0)
    return FALSE;
  stmt = cairn_store_prepare (self, "UPDATE cases SET team = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_text (stmt, 2, team);
  return cairn_store_step_done (self, stmt, error);
}

/**
 * cairn_store_add_event:
 *
 * Validates and records one event in a case's chronology; sets @event's id.
 */
gboolean
cairn_store_add_event (CairnStore  *self,
                       gint64       child_number,
                       int          case_number,
                       CairnEvent  *event,
                       GError     **error)
{
  GDate today;
  sqlite3_stmt *stmt;
  gint64 case_id;

  if (!cairn_store_require_case (self, CAIRN_ACTION_EDIT_CASE, child_number, case_number, error) ||
      !cairn_store_get_today_checked (self, &today, error) ||
      !cairn_event_validate (event, &today, error))
    return FALSE;
  case_id = case_id_for_numbers (self, child_number, case_number, error);
  if (case_id == 0)
    return FALSE;

  stmt = cairn_store_prepare (
    self,
    "INSERT INTO events (case_id, kind, occurred_at, planned, outcome, recorded_by, child_seen,"
    " seen_alone, not_seen_alone_reason, notes, exception_reason, late_reason)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_text (stmt, 2, event->kind);
  cairn_bind_timestamp (stmt, 3, &event->date, event->minute);
  sqlite3_bind_int (stmt, 4, event->planned ? 1 : 0);
  cairn_bind_text_or_null (stmt, 5, event->outcome);
  cairn_bind_text_or_null (stmt, 6, event->recorded_by);
  cairn_bind_tristate (stmt, 7, event->child_seen);
  cairn_bind_tristate (stmt, 8, event->seen_alone);
  cairn_bind_text_or_null (stmt, 9, event->not_seen_alone_reason);
  cairn_bind_text_or_null (stmt, 10, event->notes);
  cairn_bind_text_or_null (stmt, 11, event->exception_reason);
  cairn_bind_text_or_null (stmt, 12, event->late_reason);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  event->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  return TRUE;
}

/**
 * cairn_store_delete_event:
 *
 * Removes one event from a case's chronology (an undone entry). The audit
 * trail keeps what it held.
 */
gboolean
cairn_store_delete_event (CairnStore  *self,
                          gint64       child_number,
                          int          case_number,
                          gint64       event_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 case_id;

  if (!cairn_store_require_case (self, CAIRN_ACTION_EDIT_CASE, child_number, case_number, error))
    return FALSE;
  case_id = case_id_for_numbers (self, child_number, case_number, error);
  if (case_id == 0)
    return FALSE;
  stmt = cairn_store_prepare (self, "DELETE FROM events WHERE id = ?1 AND case_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (cairn_store_get_db (self)) == 0)
    {
      g_autofree char *ref = cairn_case_ref_format (child_number, case_number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: has no event %" G_GINT64_FORMAT),
                   ref, event_id);
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_store_list_events:
 *
 * Returns: (transfer full) (element-type CairnEvent): the case's events in date order
 */
GPtrArray *
cairn_store_list_events (CairnStore  *self,
                         gint64       child_number,
                         int          case_number,
                         GError     **error)
{
  g_autoptr (GPtrArray) events = NULL;
  sqlite3_stmt *stmt;
  gint64 case_id;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  case_id = case_id_for_numbers (self, child_number, case_number, error);
  if (case_id == 0)
    return NULL;
  stmt = cairn_store_prepare (
    self,
    "SELECT id, kind, occurred_at, planned, outcome, recorded_by, child_seen, seen_alone,"
    " not_seen_alone_reason, notes, exception_reason, late_reason FROM events"
    " WHERE case_id = ? ORDER BY occurred_at, id",
    error);
  if (stmt == NULL)
    return NULL;
  events = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_event_free);
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnEvent *e = cairn_event_new ();
      e->id = sqlite3_column_int64 (stmt, 0);
      e->kind = cairn_column_dup_text (stmt, 1);
      cairn_column_timestamp (stmt, 2, &e->date, &e->minute);
      e->planned = sqlite3_column_int (stmt, 3);
      e->outcome = cairn_column_dup_text (stmt, 4);
      e->recorded_by = cairn_column_dup_text (stmt, 5);
      e->child_seen = cairn_column_tristate (stmt, 6);
      e->seen_alone = cairn_column_tristate (stmt, 7);
      e->not_seen_alone_reason = cairn_column_dup_text (stmt, 8);
      e->notes = cairn_column_dup_text (stmt, 9);
      e->exception_reason = cairn_column_dup_text (stmt, 10);
      e->late_reason = cairn_column_dup_text (stmt, 11);
      g_ptr_array_add (events, e);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&events);
}

/**
 * cairn_store_list_refs:
 *
 * Calls @func with the reference and a one-line title of every record of
 * @kind, in reference order; stops early when @func returns %FALSE.
 */
gboolean
cairn_store_list_refs (CairnStore     *self,
                       CairnListKind   kind,
                       CairnListFunc   func,
                       gpointer        user_data,
                       GError        **error)
{
  static const char *queries[] = {
    [CAIRN_LIST_CHILDREN] =
      "SELECT printf('C-%06d', number),"
      " trim(CASE given_name WHEN '' THEN 'Unborn' ELSE given_name END || ' ' || family_name)"
      " || ' (' || coalesce('born ' || date_of_birth, 'due ' || expected_birth_date) || ')'"
      " FROM children ORDER BY number",
    [CAIRN_LIST_CASES] =
      "SELECT printf('C-%06d/%d', children.number, cases.number),"
      " trim(CASE given_name WHEN '' THEN 'Unborn' ELSE given_name END || ' ' || family_name)"
      " || ', opened ' || cases.opened_on || coalesce(', closed ' || cases.closed_on, '')"
      " FROM cases JOIN children ON children.id = cases.child_id"
      " ORDER BY children.number, cases.number",
    [CAIRN_LIST_CONFERENCES] =
      "SELECT printf('CF-%04d-%04d', year, number), kind || ' conference, ' || held_at"
      " FROM conferences ORDER BY year, number",
    [CAIRN_LIST_SCRS] =
      "SELECT printf('SCR-%04d-%02d', year, number), title || ' (' || stage || ')'"
      " FROM scrs ORDER BY year, number",
    [CAIRN_LIST_MEETINGS] =
      "SELECT printf('BM-%04d-%02d', year, number), 'Board meeting, ' || held_on"
      " FROM board_meetings ORDER BY year, number",
  };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (kind <= CAIRN_LIST_MEETINGS, FALSE);
  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return FALSE;
  stmt = cairn_store_prepare (self, queries[kind], error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (cairn_column_text (stmt, 0), cairn_column_text (stmt, 1), user_data))
      {
        rc = SQLITE_DONE;
        break;
      }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

/* "Review child protection conference · 26 March 2014 09:30 · C-001335/2 · draft" */
static char *
recent_label (CairnListKind  kind,
              const char    *what,
              const char    *when,
              const char    *status,
              const char    *subjects)
{
  GString *label = g_string_new (NULL);
  g_autofree char *date = NULL;
  GDate day;

  if (kind == CAIRN_LIST_CONFERENCES)
    {
      const char *kind_label = cairn_codes_label (CAIRN_CODES_CONFERENCE_KIND, what);

      g_string_append (label, kind_label ? kind_label : what);
    }
  else
    g_string_append (label, _("Board meeting"));
  g_date_clear (&day, 1);
  if (when != NULL && strlen (when) >= 10)
    {
      g_autofree char *ymd = g_strndup (when, 10);

      if (cairn_date_parse ("held", ymd, &day, NULL))
        date = cairn_date_to_display (&day);
    }
  g_string_append_printf (label, " · %s", date ? date : (when ? when : ""));
  if (when != NULL && strlen (when) >= 16 && when[10] == 'T')
    g_string_append_printf (label, " %.5s", when + 11);
  if (subjects != NULL && *subjects)
    g_string_append_printf (label, " · %s", subjects);
  if (status != NULL)
    {
      const char *status_label = cairn_codes_label (CAIRN_CODES_CONFERENCE_STATUS, status);

      g_string_append_printf (label, " · %s", status_label ? status_label : status);
    }
  return g_string_free (label, FALSE);
}

/**
 * cairn_store_list_recent_refs:
 * @kind: %CAIRN_LIST_CONFERENCES or %CAIRN_LIST_MEETINGS
 * @limit: at most this many, newest first
 *
 * As cairn_store_list_refs(), newest first, for the app's lists of recent
 * conferences and meetings (a national board has hundreds of thousands);
 * each title says what, when, whose cases and how far the minutes have got.
 */
gboolean
cairn_store_list_recent_refs (CairnStore     *self,
                              CairnListKind   kind,
                              guint           limit,
                              CairnListFunc   func,
                              gpointer        user_data,
                              GError        **error)
{
  static const char conferences[] =
    "SELECT printf('CF-%04d-%04d', c.year, c.number), c.kind, c.held_at, c.status,"
    " (SELECT group_concat(ref, ', ') FROM"
    "   (SELECT printf('C-%06d/%d', ch.number, cs.number) AS ref"
    "    FROM conference_subjects s JOIN cases cs ON cs.id = s.case_id"
    "    JOIN children ch ON ch.id = cs.child_id"
    "    WHERE s.conference_id = c.id ORDER BY ch.number, cs.number))"
    " FROM conferences c ORDER BY c.held_at DESC, c.year DESC, c.number DESC LIMIT ?";
  static const char meetings[] =
    "SELECT printf('BM-%04d-%02d', year, number), NULL, held_on, status, NULL"
    " FROM board_meetings ORDER BY held_on DESC, year DESC, number DESC LIMIT ?";
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (kind == CAIRN_LIST_CONFERENCES || kind == CAIRN_LIST_MEETINGS, FALSE);
  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return FALSE;
  stmt = cairn_store_prepare (self, kind == CAIRN_LIST_CONFERENCES ? conferences : meetings, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *label = recent_label (kind, cairn_column_text (stmt, 1), cairn_column_text (stmt, 2),
                                             cairn_column_text (stmt, 3), cairn_column_text (stmt, 4));

      if (!func (cairn_column_text (stmt, 0), label, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}
