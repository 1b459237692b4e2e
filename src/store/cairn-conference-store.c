/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-conference-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-agency-store.h"
#include "cairn-audit-store.h"
#include "cairn-codes.h"
#include "cairn-conference-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-minutes-store-private.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

/* ---- Field tables -------------------------------------------------------- */

typedef enum
{
  KIND_TEXT,          /* text; "" stores NULL */
  KIND_STRING,        /* text of a NOT NULL column; "" stores "" */
  KIND_REQUIRED,      /* text that may not be blank */
  KIND_DATE,          /* "YYYY-MM-DD" or "" (NULL) */
  KIND_TIMESTAMP,     /* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM", required */
  KIND_PROFESSIONAL,  /* a professional's name, or "" (NULL) */
  KIND_TRISTATE,      /* "yes", "no", "" */
  KIND_DECISION,      /* a plan decision code, or "" */
  KIND_AGENCY,        /* an agency code, or "" */
  KIND_ATTENDANCE,    /* an attendance code */
  KIND_YES_NO,        /* "yes" or "no"; stored inverted (withhold_copy) */
} ValueKind;

typedef struct
{
  const char *label;
  ValueKind kind;
  const char *sql;    /* ?1 = row id, ?2 = value */
  const char *role;   /* for KIND_PROFESSIONAL: the role of a new professional */
} FieldInfo;

static const FieldInfo conference_fields[CAIRN_CONFERENCE_N_FIELDS] = {
  [CAIRN_CONFERENCE_FIELD_HELD_AT] = { N_("Date and time"), KIND_TIMESTAMP,
                                       "UPDATE conferences SET held_at = ?2 WHERE id = ?1" },
  [CAIRN_CONFERENCE_FIELD_VENUE] = { N_("Venue"), KIND_TEXT,
                                     "UPDATE conferences SET venue = ?2 WHERE id = ?1" },
  [CAIRN_CONFERENCE_FIELD_CHAIR] = { N_("Chair"), KIND_PROFESSIONAL,
                                     "UPDATE conferences SET chair_id = ?2 WHERE id = ?1",
                                     N_("Conference chair") },
  [CAIRN_CONFERENCE_FIELD_MINUTE_TAKER] = { N_("Minute taker"), KIND_TEXT,
                                            "UPDATE conferences SET minute_taker = ?2 WHERE id = ?1" },
  [CAIRN_CONFERENCE_FIELD_QUORATE_REASON] = { N_("Quorum reason"), KIND_TEXT,
                                              "UPDATE conferences SET quorate_reason = ?2 WHERE id = ?1" },
  [CAIRN_CONFERENCE_FIELD_PARENTS_VIEWS] = { N_("Parents' views"), KIND_TEXT,
                                             "UPDATE conferences SET parents_views = ?2 WHERE id = ?1" },
  [CAIRN_CONFERENCE_FIELD_CHILD_VIEWS] = { N_("Child's views"), KIND_TEXT,
                                           "UPDATE conferences SET child_views = ?2 WHERE id = ?1" },
  [CAIRN_CONFERENCE_FIELD_STRENGTHS] = { N_("Strengths and protective factors"), KIND_TEXT,
                                         "UPDATE conferences SET strengths = ?2 WHERE id = ?1" },
  [CAIRN_CONFERENCE_FIELD_RISKS] = { N_("Risks and vulnerabilities"), KIND_TEXT,
                                     "UPDATE conferences SET risks = ?2 WHERE id = ?1" },
};

static const FieldInfo subject_fields[CAIRN_SUBJECT_N_FIELDS] = {
  [CAIRN_SUBJECT_FIELD_LIKELY_SIGNIFICANT_HARM] = {
    N_("Likely significant harm"), KIND_TRISTATE,
    "UPDATE conference_subjects SET likely_significant_harm = ?2 WHERE id = ?1" },
  [CAIRN_SUBJECT_FIELD_PLAN_DECISION] = { N_("Decision"), KIND_DECISION,
                                          "UPDATE conference_subjects SET plan_decision = ?2 WHERE id = ?1" },
  [CAIRN_SUBJECT_FIELD_LEAD_WORKER] = { N_("Lead social worker"), KIND_PROFESSIONAL,
                                        "UPDATE conference_subjects SET lead_worker_id = ?2 WHERE id = ?1",
                                        N_("Social worker") },
  [CAIRN_SUBJECT_FIELD_LEAD_BODY] = { N_("Lead statutory body"), KIND_TEXT,
                                      "UPDATE conference_subjects SET lead_body = ?2 WHERE id = ?1" },
  [CAIRN_SUBJECT_FIELD_OUTLINE_PLAN] = { N_("Outline plan"), KIND_TEXT,
                                         "UPDATE conference_subjects SET outline_plan = ?2 WHERE id = ?1" },
  [CAIRN_SUBJECT_FIELD_CONTINGENCY_PLAN] = { N_("Contingency plan"), KIND_TEXT,
                                             "UPDATE conference_subjects SET contingency_plan = ?2 WHERE id = ?1" },
  [CAIRN_SUBJECT_FIELD_DISSENT] = { N_("Dissent"), KIND_TEXT,
                                    "UPDATE conference_subjects SET dissent = ?2 WHERE id = ?1" },
  [CAIRN_SUBJECT_FIELD_DISSENT_BY] = { N_("Dissented"), KIND_TEXT,
                                       "UPDATE conference_subjects SET dissent_by = ?2 WHERE id = ?1" },
  [CAIRN_SUBJECT_FIELD_FIRST_CORE_GROUP_ON] = {
    N_("First core group"), KIND_DATE,
    "UPDATE conference_subjects SET first_core_group_on = ?2 WHERE id = ?1" },
  [CAIRN_SUBJECT_FIELD_NEXT_REVIEW_ON] = { N_("Review conference"), KIND_DATE,
                                           "UPDATE conference_subjects SET next_review_on = ?2 WHERE id = ?1" },
};

static const FieldInfo attendee_fields[CAIRN_ATTENDEE_N_FIELDS] = {
  [CAIRN_ATTENDEE_FIELD_NAME] = { N_("Name"), KIND_REQUIRED,
                                  "UPDATE conference_attendees SET name = ?2 WHERE id = ?1" },
  [CAIRN_ATTENDEE_FIELD_ROLE] = { N_("Role"), KIND_STRING,
                                  "UPDATE conference_attendees SET role = ?2 WHERE id = ?1" },
  [CAIRN_ATTENDEE_FIELD_AGENCY] = { N_("Agency"), KIND_AGENCY,
                                    "UPDATE conference_attendees SET agency_id = ?2 WHERE id = ?1" },
  [CAIRN_ATTENDEE_FIELD_ATTENDANCE] = { N_("Attendance"), KIND_ATTENDANCE,
                                        "UPDATE conference_attendees SET attendance = ?2 WHERE id = ?1" },
  [CAIRN_ATTENDEE_FIELD_CONTRIBUTION] = { N_("Contribution"), KIND_TEXT,
                                          "UPDATE conference_attendees SET contribution = ?2 WHERE id = ?1" },
  [CAIRN_ATTENDEE_FIELD_COPY] = { N_("Copy of the minutes"), KIND_YES_NO,
                                  "UPDATE conference_attendees SET withhold_copy = ?2 WHERE id = ?1" },
};

static const FieldInfo core_group_fields[CAIRN_CORE_GROUP_N_FIELDS] = {
  [CAIRN_CORE_GROUP_FIELD_NAME] = { N_("Core group member"), KIND_STRING,
                                    "UPDATE conference_core_group SET name = ?2 WHERE id = ?1" },
  [CAIRN_CORE_GROUP_FIELD_ROLE] = { N_("Role"), KIND_STRING,
                                    "UPDATE conference_core_group SET role = ?2 WHERE id = ?1" },
  [CAIRN_CORE_GROUP_FIELD_AGENCY] = { N_("Agency"), KIND_STRING,
                                      "UPDATE conference_core_group SET agency = ?2 WHERE id = ?1" },
};

static const FieldInfo plan_action_fields[CAIRN_PLAN_ACTION_N_FIELDS] = {
  [CAIRN_PLAN_ACTION_FIELD_ACTION] = { N_("Action"), KIND_STRING,
                                       "UPDATE conference_plan_actions SET action = ?2 WHERE id = ?1" },
  [CAIRN_PLAN_ACTION_FIELD_OWNER] = { N_("Who"), KIND_STRING,
                                      "UPDATE conference_plan_actions SET owner = ?2 WHERE id = ?1" },
  [CAIRN_PLAN_ACTION_FIELD_DUE_ON] = { N_("By when"), KIND_DATE,
                                       "UPDATE conference_plan_actions SET due_on = ?2 WHERE id = ?1" },
  [CAIRN_PLAN_ACTION_FIELD_DUE_TEXT] = { N_("How often"), KIND_STRING,
                                         "UPDATE conference_plan_actions SET due_text = ?2 WHERE id = ?1" },
};

const char *
cairn_conference_field_label (CairnConferenceField field)
{
  g_return_val_if_fail (field < CAIRN_CONFERENCE_N_FIELDS, NULL);
  return _(conference_fields[field].label);
}

const char *
cairn_subject_field_label (CairnSubjectField field)
{
  g_return_val_if_fail (field < CAIRN_SUBJECT_N_FIELDS, NULL);
  return _(subject_fields[field].label);
}

const char *
cairn_attendee_field_label (CairnAttendeeField field)
{
  g_return_val_if_fail (field < CAIRN_ATTENDEE_N_FIELDS, NULL);
  return _(attendee_fields[field].label);
}

/* ---- Helpers ------------------------------------------------------------- */

static char *
conference_ref (int year,
                int number)
{
  CairnRef ref = { .kind = CAIRN_REF_CONFERENCE, .year = year, .number = number };

  return cairn_ref_format (&ref);
}

typedef struct
{
  int year;
  int number;
  char *status;
  char *kind;
  char *held_at;
  char *correction_reason;
} ConferenceState;

static void
conference_state_clear (ConferenceState *state)
{
  g_clear_pointer (&state->status, g_free);
  g_clear_pointer (&state->kind, g_free);
  g_clear_pointer (&state->held_at, g_free);
  g_clear_pointer (&state->correction_reason, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ConferenceState, conference_state_clear)

static gboolean
load_state (CairnStore       *self,
            gint64            conference_id,
            ConferenceState  *state,
            GError          **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT year, number, status, kind, held_at, correction_reason FROM conferences WHERE id = ?1",
    error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conference_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      state->year = sqlite3_column_int (stmt, 0);
      state->number = sqlite3_column_int (stmt, 1);
      state->status = cairn_column_dup_text (stmt, 2);
      state->kind = cairn_column_dup_text (stmt, 3);
      state->held_at = cairn_column_dup_text (stmt, 4);
      state->correction_reason = cairn_column_dup_text (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                 _("Conference: no conference with id %" G_GINT64_FORMAT), conference_id);
  return found;
}

/* The signed-in user may record conferences and @conference_id is a draft. */
static gboolean
require_draft (CairnStore  *self,
               gint64       conference_id,
               GError     **error)
{
  g_auto (ConferenceState) state = { 0 };
  g_autofree char *ref = NULL;

  if (!cairn_store_require (self, CAIRN_ACTION_MANAGE_CONFERENCES, error) ||
      !load_state (self, conference_id, &state, error))
    return FALSE;
  if (g_strcmp0 (state.status, "draft") == 0)
    return TRUE;
  ref = conference_ref (state.year, state.number);
  if (g_strcmp0 (state.status, "issued") == 0)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                 _("%s: the minutes are issued; start a correction to change them"), ref);
  else
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                 _("%s: the minutes are approved by the chair; reopen them to change them"), ref);
  return FALSE;
}

/* A professional by name: the first stored with that name, else a new one
 * in the board's children's social care. */
static gint64
professional_by_name (CairnStore   *self,
                      const char   *label,
                      const char   *name,
                      const char   *role,
                      GError      **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT id FROM professionals WHERE name = ?1 ORDER BY id LIMIT 1", error);
  g_autoptr (CairnProfessional) p = NULL;
  g_autofree char *agency = NULL;
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  cairn_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id != 0)
    return id;

  stmt = cairn_store_prepare (
    self, "SELECT code FROM agencies WHERE kind = 'social_care' ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    agency = cairn_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (agency == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                   _("%s: no professional is called \"%s\", and the board has no children's social "
                     "care agency to add them to"),
                   label, name);
      return 0;
    }
  p = cairn_professional_new ();
  p->name = g_strdup (name);
  p->agency_code = g_steal_pointer (&agency);
  p->role = g_strdup (role ? _(role) : "");
  p->team = g_strdup ("");
  p->qualified_social_worker = g_strcmp0 (role, N_("Social worker")) == 0;
  if (!cairn_store_ensure_professional (self, p, &id, NULL, error))
    return 0;
  return id;
}

static gint64
agency_by_code (CairnStore  *self,
                const char  *label,
                const char  *code,
                GError     **error)
{
  gint64 id = 0;

  if (!cairn_store_find_agency (self, code, &id, error))
    return 0;
  if (id == 0)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: \"%s\" is not a known agency"),
                 label, code);
  return id;
}

/* Checks @value for a field of @info's kind and binds it as ?2 of @stmt. */
static gboolean
bind_value (CairnStore       *self,
            sqlite3_stmt     *stmt,
            const FieldInfo  *info,
            const char       *value,
            GError          **error)
{
  const char *label = _(info->label);
  gboolean empty = cairn_str_empty (value);

  switch (info->kind)
    {
    case KIND_TEXT:
    case KIND_STRING:
      if (!cairn_validate_text (label, value, error))
        return FALSE;
      if (info->kind == KIND_TEXT)
        cairn_bind_text_or_null (stmt, 2, value);
      else
        cairn_bind_text (stmt, 2, value);
      return TRUE;
    case KIND_REQUIRED:
      if (!cairn_validate_required (label, value, error))
        return FALSE;
      cairn_bind_text (stmt, 2, value);
      return TRUE;
    case KIND_DATE:
      {
        GDate date;
        if (!cairn_date_parse_optional (label, value, &date, error))
          return FALSE;
        cairn_bind_date (stmt, 2, &date);
        return TRUE;
      }
    case KIND_TIMESTAMP:
      {
        GDate date;
        int minute;
        if (!cairn_timestamp_parse (label, value, &date, &minute, error))
          return FALSE;
        cairn_bind_timestamp (stmt, 2, &date, minute);
        return TRUE;
      }
    case KIND_PROFESSIONAL:
      {
        g_autofree char *name = g_strstrip (g_strdup (value ? value : ""));
        gint64 id;
        if (*name == '\0')
          {
            sqlite3_bind_null (stmt, 2);
            return TRUE;
          }
        if (!cairn_validate_max_length (label, name, 200, error))
          return FALSE;
        id = professional_by_name (self, label, name, info->role, error);
        if (id == 0)
          return FALSE;
        sqlite3_bind_int64 (stmt, 2, id);
        return TRUE;
      }
    case KIND_TRISTATE:
      if (empty)
        sqlite3_bind_null (stmt, 2);
      else if (strcmp (value, "yes") == 0 || strcmp (value, "no") == 0)
        sqlite3_bind_int (stmt, 2, strcmp (value, "yes") == 0);
      else
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: \"%s\" is not yes or no"), label, value);
          return FALSE;
        }
      return TRUE;
    case KIND_DECISION:
      if (empty)
        {
          sqlite3_bind_null (stmt, 2);
          return TRUE;
        }
      if (!cairn_codes_contains (CAIRN_CODES_PLAN_DECISION, value))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: \"%s\" is not a decision (start, continue, end, none)"), label, value);
          return FALSE;
        }
      cairn_bind_text (stmt, 2, value);
      return TRUE;
    case KIND_AGENCY:
      {
        gint64 id;
        if (empty)
          {
            sqlite3_bind_null (stmt, 2);
            return TRUE;
          }
        id = agency_by_code (self, label, value, error);
        if (id == 0)
          return FALSE;
        sqlite3_bind_int64 (stmt, 2, id);
        return TRUE;
      }
    case KIND_ATTENDANCE:
      if (!cairn_codes_contains (CAIRN_CODES_ATTENDANCE, value) || g_strcmp0 (value, "in_attendance") == 0)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: \"%s\" is not an attendance (invited, present, apologies, report, "
                         "absent)"),
                       label, value ? value : "");
          return FALSE;
        }
      cairn_bind_text (stmt, 2, value);
      return TRUE;
    case KIND_YES_NO:
      if (g_strcmp0 (value, "yes") != 0 && g_strcmp0 (value, "no") != 0)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: \"%s\" is not yes or no"), label, value ? value : "");
          return FALSE;
        }
      sqlite3_bind_int (stmt, 2, strcmp (value, "yes") != 0);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* Keeps conferences.quorate from the attendance: at least the board's quorum
 * of agencies present, children's social care among them (the same rule as
 * cairn_conference_is_quorate()). */
static gboolean
update_quorate (CairnStore  *self,
                gint64       conference_id,
                GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "UPDATE conferences SET quorate = ("
    "  SELECT count(DISTINCT a.agency_id) >= max(1, coalesce((SELECT conference_quorum FROM board"
    "                                                         WHERE id = 1), 3))"
    "     AND coalesce(max(g.kind = 'social_care'), 0)"
    "  FROM conference_attendees a JOIN agencies g ON g.id = a.agency_id"
    "  WHERE a.conference_id = ?1 AND a.attendance = 'present')"
    " WHERE id = ?1",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conference_id);
  return cairn_store_step_done (self, stmt, error);
}

/* One field of one row, in its own transaction, on a draft conference. */
static gboolean
set_field (CairnStore       *self,
           gint64            conference_id,
           gint64            row_id,
           const FieldInfo  *info,
           const char       *value,
           gboolean          quorum,
           GError          **error)
{
  sqlite3_stmt *stmt;

  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, conference_id, error) ||
      (stmt = cairn_store_prepare (self, info->sql, error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (!bind_value (self, stmt, info, value, error))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      goto fail;
    }
  if (!cairn_store_step_done (self, stmt, error) ||
      (quorum && !update_quorate (self, conference_id, error)))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

gint64
cairn_store_find_conference (CairnStore  *self,
                             int          year,
                             int          number,
                             GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT id FROM conferences WHERE year = ?1 AND number = ?2", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_autofree char *ref = conference_ref (year, number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such conference"), ref);
    }
  return id;
}

/* ---- Setters ------------------------------------------------------------- */

gboolean
cairn_store_set_conference_field (CairnStore            *self,
                                  gint64                 conference_id,
                                  CairnConferenceField   field,
                                  const char            *value,
                                  GError               **error)
{
  g_return_val_if_fail (field < CAIRN_CONFERENCE_N_FIELDS, FALSE);
  return set_field (self, conference_id, conference_id, &conference_fields[field], value, FALSE,
                    error);
}

static const char subject_conference_sql[] =
  "SELECT conference_id FROM conference_subjects WHERE id = ?1";

gboolean
cairn_store_set_subject_field (CairnStore         *self,
                               gint64              subject_id,
                               CairnSubjectField   field,
                               const char         *value,
                               GError            **error)
{
  gint64 conference_id;

  g_return_val_if_fail (field < CAIRN_SUBJECT_N_FIELDS, FALSE);
  conference_id = cairn_store_row_owner (self, subject_conference_sql, subject_id, _("Child"), error);
  return conference_id != 0 &&
         set_field (self, conference_id, subject_id, &subject_fields[field], value, FALSE, error);
}

/**
 * cairn_store_set_subject_category:
 * @category: NEG, PHY, EMO or SAB
 * @on: whether the plan has this category
 */
gboolean
cairn_store_set_subject_category (CairnStore  *self,
                                  gint64       subject_id,
                                  const char  *category,
                                  gboolean     on,
                                  GError     **error)
{
  gint64 conference_id = cairn_store_row_owner (self, subject_conference_sql, subject_id, _("Child"), error);
  sqlite3_stmt *stmt;

  if (conference_id == 0)
    return FALSE;
  if (!cairn_codes_contains (CAIRN_CODES_CATEGORY, category) || g_strcmp0 (category, "MUL") == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Category: \"%s\" is not a category of abuse (NEG, PHY, EMO, SAB)"),
                   category ? category : "");
      return FALSE;
    }
  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, conference_id, error))
    goto fail;
  stmt = cairn_store_prepare (self,
                              on ? "INSERT OR IGNORE INTO conference_subject_categories (subject_id, category)"
                                   " VALUES (?1, ?2)"
                                 : "DELETE FROM conference_subject_categories"
                                   " WHERE subject_id = ?1 AND category = ?2",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  cairn_bind_text (stmt, 2, category);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

static const char attendee_conference_sql[] =
  "SELECT conference_id FROM conference_attendees WHERE id = ?1";

gboolean
cairn_store_add_conference_attendee (CairnStore     *self,
                                     gint64          conference_id,
                                     CairnAttendee  *attendee,
                                     GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 agency_id = 0;
  const char *attendance = attendee->attendance ? attendee->attendance : "invited";

  if (!cairn_validate_required (_("Name"), attendee->name, error) ||
      !cairn_validate_text (_("Role"), attendee->role, error) ||
      !cairn_validate_text (_("Contribution"), attendee->contribution, error))
    return FALSE;
  if (!cairn_codes_contains (CAIRN_CODES_ATTENDANCE, attendance))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Attendance: \"%s\" is not an attendance"),
                   attendance);
      return FALSE;
    }
  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, conference_id, error))
    goto fail;
  if (!cairn_str_empty (attendee->agency_code) &&
      (agency_id = agency_by_code (self, _("Agency"), attendee->agency_code, error)) == 0)
    goto fail;
  stmt = cairn_store_prepare (
    self,
    "INSERT INTO conference_attendees (conference_id, name, role, agency_id, attendance, contribution,"
    " withhold_copy) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, conference_id);
  cairn_bind_text (stmt, 2, attendee->name);
  cairn_bind_text (stmt, 3, attendee->role);
  if (agency_id != 0)
    sqlite3_bind_int64 (stmt, 4, agency_id);
  cairn_bind_text (stmt, 5, attendance);
  cairn_bind_text_or_null (stmt, 6, attendee->contribution);
  sqlite3_bind_int (stmt, 7, attendee->copy ? 0 : 1);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  attendee->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  if (!update_quorate (self, conference_id, error))
    goto fail;
  if (!cairn_store_commit (self, error))
    {
      attendee->id = 0;
      return FALSE;
    }
  return TRUE;

fail:
  cairn_store_rollback (self);
  attendee->id = 0;
  return FALSE;
}

gboolean
cairn_store_set_attendee_field (CairnStore          *self,
                                gint64               attendee_id,
                                CairnAttendeeField   field,
                                const char          *value,
                                GError             **error)
{
  gint64 conference_id;

  g_return_val_if_fail (field < CAIRN_ATTENDEE_N_FIELDS, FALSE);
  conference_id = cairn_store_row_owner (self, attendee_conference_sql, attendee_id, _("Attendee"), error);
  return conference_id != 0 &&
         set_field (self, conference_id, attendee_id, &attendee_fields[field], value,
                    field == CAIRN_ATTENDEE_FIELD_AGENCY || field == CAIRN_ATTENDEE_FIELD_ATTENDANCE,
                    error);
}

/* Deletes one row (?1) of a draft conference in a transaction. */
static gboolean
remove_row (CairnStore  *self,
            gint64       conference_id,
            const char  *sql,
            gint64       row_id,
            gboolean     quorum,
            GError     **error)
{
  sqlite3_stmt *stmt;

  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, conference_id, error) ||
      (stmt = cairn_store_prepare (self, sql, error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (!cairn_store_step_done (self, stmt, error) ||
      (quorum && !update_quorate (self, conference_id, error)))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

gboolean
cairn_store_remove_conference_attendee (CairnStore  *self,
                                        gint64       attendee_id,
                                        GError     **error)
{
  gint64 conference_id = cairn_store_row_owner (self, attendee_conference_sql, attendee_id,
                                                _("Attendee"), error);

  return conference_id != 0 &&
         remove_row (self, conference_id, "DELETE FROM conference_attendees WHERE id = ?1", attendee_id,
                     TRUE, error);
}

static const char core_group_conference_sql[] =
  "SELECT s.conference_id FROM conference_core_group g"
  " JOIN conference_subjects s ON s.id = g.subject_id WHERE g.id = ?1";

gboolean
cairn_store_add_core_group_member (CairnStore            *self,
                                   gint64                 subject_id,
                                   CairnCoreGroupMember  *member,
                                   GError               **error)
{
  gint64 conference_id = cairn_store_row_owner (self, subject_conference_sql, subject_id, _("Child"), error);
  sqlite3_stmt *stmt;

  if (conference_id == 0 || !cairn_validate_text (_("Core group member"), member->name, error) ||
      !cairn_validate_text (_("Role"), member->role, error) ||
      !cairn_validate_text (_("Agency"), member->agency, error) || !cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, conference_id, error))
    goto fail;
  stmt = cairn_store_prepare (
    self, "INSERT INTO conference_core_group (subject_id, name, role, agency) VALUES (?1, ?2, ?3, ?4)",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  cairn_bind_text (stmt, 2, member->name);
  cairn_bind_text (stmt, 3, member->role);
  cairn_bind_text (stmt, 4, member->agency);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  member->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  if (!cairn_store_commit (self, error))
    {
      member->id = 0;
      return FALSE;
    }
  return TRUE;

fail:
  cairn_store_rollback (self);
  return FALSE;
}

gboolean
cairn_store_set_core_group_field (CairnStore           *self,
                                  gint64                member_id,
                                  CairnCoreGroupField   field,
                                  const char           *value,
                                  GError              **error)
{
  gint64 conference_id;

  g_return_val_if_fail (field < CAIRN_CORE_GROUP_N_FIELDS, FALSE);
  conference_id = cairn_store_row_owner (self, core_group_conference_sql, member_id, _("Core group member"),
                                 error);
  return conference_id != 0 &&
         set_field (self, conference_id, member_id, &core_group_fields[field], value, FALSE, error);
}

gboolean
cairn_store_remove_core_group_member (CairnStore  *self,
                                      gint64       member_id,
                                      GError     **error)
{
  gint64 conference_id = cairn_store_row_owner (self, core_group_conference_sql, member_id,
                                        _("Core group member"), error);

  return conference_id != 0 &&
         remove_row (self, conference_id, "DELETE FROM conference_core_group WHERE id = ?1", member_id,
                     FALSE, error);
}

static const char plan_action_conference_sql[] =
  "SELECT s.conference_id FROM conference_plan_actions p"
  " JOIN conference_subjects s ON s.id = p.subject_id WHERE p.id = ?1";

gboolean
cairn_store_add_plan_action (CairnStore       *self,
                             gint64            subject_id,
                             CairnPlanAction  *action,
                             GError          **error)
{
  gint64 conference_id = cairn_store_row_owner (self, subject_conference_sql, subject_id, _("Child"), error);
  sqlite3_stmt *stmt;

  if (conference_id == 0 || !cairn_validate_text (_("Action"), action->action, error) ||
      !cairn_validate_text (_("Who"), action->owner, error) ||
      !cairn_validate_text (_("How often"), action->due_text, error) || !cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, conference_id, error))
    goto fail;
  stmt = cairn_store_prepare (
    self,
    "INSERT INTO conference_plan_actions (subject_id, action, owner, due_on, due_text)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  cairn_bind_text (stmt, 2, action->action);
  cairn_bind_text (stmt, 3, action->owner);
  cairn_bind_date (stmt, 4, &action->due_on);
  cairn_bind_text (stmt, 5, action->due_text);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  action->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  if (!cairn_store_commit (self, error))
    {
      action->id = 0;
      return FALSE;
    }
  return TRUE;

fail:
  cairn_store_rollback (self);
  return FALSE;
}

gboolean
cairn_store_set_plan_action_field (CairnStore            *self,
                                   gint64                 action_id,
                                   CairnPlanActionField   field,
                                   const char            *value,
                                   GError               **error)
{
  gint64 conference_id;

  g_return_val_if_fail (field < CAIRN_PLAN_ACTION_N_FIELDS, FALSE);
  conference_id = cairn_store_row_owner (self, plan_action_conference_sql, action_id, _("Action"), error);
  return conference_id != 0 &&
         set_field (self, conference_id, action_id, &plan_action_fields[field], value, FALSE, error);
}

gboolean
cairn_store_remove_plan_action (CairnStore  *self,
                                gint64       action_id,
                                GError     **error)
{
  gint64 conference_id = cairn_store_row_owner (self, plan_action_conference_sql, action_id,
                                                _("Action"), error);

  return conference_id != 0 &&
         remove_row (self, conference_id, "DELETE FROM conference_plan_actions WHERE id = ?1", action_id,
                     FALSE, error);
}

/* ---- Creating a conference ----------------------------------------------- */

static gint64
case_id_of (CairnStore      *self,
            const CairnRef  *ref,
            gint64          *child_id,
            GError         **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT cases.id, children.id FROM cases JOIN children ON children.id = cases.child_id"
    " WHERE children.number = ?1 AND cases.number = ?2",
    error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, ref->number);
  sqlite3_bind_int (stmt, 2, ref->case_number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *child_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_autofree char *text = cairn_case_ref_format (ref->number, ref->case_number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such case"), text);
    }
  return id;
}

/* The latest conference before @held_at that @case_id was a subject of, and
 * that subject row; 0 when there is none. */
static gint64
previous_subject (CairnStore  *self,
                  gint64       case_id,
                  const char  *held_at,
                  gint64       except_conference,
                  gint64      *conference_id,
                  char       **conference_held_at)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT s.id, c.id, c.held_at FROM conference_subjects s JOIN conferences c ON c.id = s.conference_id"
    " WHERE s.case_id = ?1 AND c.held_at < ?2 AND c.id <> ?3 ORDER BY c.held_at DESC, c.id DESC LIMIT 1",
    NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_text (stmt, 2, held_at);
  sqlite3_bind_int64 (stmt, 3, except_conference);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (conference_id)
        *conference_id = sqlite3_column_int64 (stmt, 1);
      if (conference_held_at)
        *conference_held_at = cairn_column_dup_text (stmt, 2);
    }
  sqlite3_reset (stmt);
  return id;
}

static gboolean
exec_2 (CairnStore  *self,
        const char  *sql,
        gint64       a,
        gint64       b,
        GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return cairn_store_step_done (self, stmt, error);
}

/**
 * cairn_store_create_conference:
 * @kind: initial, pre_birth, review or transfer_in
 * @held_minute: the start time, or %CAIRN_NO_TIME
 * @cases: the case of each child the conference is about (a sibling group
 *   has one per child)
 * @out: (out): the new conference's reference (CF-YYYY-NNNN, numbered in
 *   the year it is held)
 *
 * Opens a draft conference. To make the chair's work faster, the invitation
 * list starts as the attendance of the children's last conference (everyone
 * invited again), each child's lead social worker as the case's, and for a
 * review, each child's categories, lead statutory body and core group as
 * the last conference decided them. All in one transaction.
 */
gboolean
cairn_store_create_conference (CairnStore      *self,
                               const char      *kind,
                               const GDate     *held_on,
                               int              held_minute,
                               const CairnRef  *cases,
                               guint            n_cases,
                               CairnRef        *out,
                               GError         **error)
{
  g_autofree gint64 *case_ids = NULL;
  g_autofree gint64 *child_ids = NULL;
  g_autofree char *held_at = NULL;
  gint64 conference_id, latest_conference = 0;
  g_autofree char *latest_held_at = NULL;
  sqlite3_stmt *stmt;
  int year, number = 0;

  if (!cairn_store_require (self, CAIRN_ACTION_MANAGE_CONFERENCES, error))
    return FALSE;
  if (!cairn_codes_contains (CAIRN_CODES_CONFERENCE_KIND, kind))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Kind: \"%s\" is not a kind of conference (initial, pre_birth, review, "
                     "transfer_in)"),
                   kind ? kind : "");
      return FALSE;
    }
  if (!cairn_date_is_set (held_on))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Date and time: a date is required"));
      return FALSE;
    }
  if (n_cases == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Children: a conference is about at least one child"));
      return FALSE;
    }
  held_at = cairn_timestamp_to_string (held_on, held_minute);
  year = g_date_get_year (held_on);
  case_ids = g_new0 (gint64, n_cases);
  child_ids = g_new0 (gint64, n_cases);

  if (!cairn_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_cases; i++)
    {
      if ((case_ids[i] = case_id_of (self, &cases[i], &child_ids[i], error)) == 0)
        goto fail;
      for (guint j = 0; j < i; j++)
        if (child_ids[j] == child_ids[i])
          {
            g_autofree char *child = cairn_child_ref_format (cases[i].number);
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                         _("Children: %s is named twice"), child);
            goto fail;
          }
    }

  stmt = cairn_store_prepare (self, "SELECT coalesce(max(number), 0) + 1 FROM conferences WHERE year = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    number = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (number > 9999)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Date and time: %d already has 9999 conferences"), year);
      goto fail;
    }

  stmt = cairn_store_prepare (
    self, "INSERT INTO conferences (year, number, kind, held_at, status) VALUES (?1, ?2, ?3, ?4, 'draft')",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, number);
  cairn_bind_text (stmt, 3, kind);
  cairn_bind_text (stmt, 4, held_at);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  conference_id = sqlite3_last_insert_rowid (cairn_store_get_db (self));

  for (guint i = 0; i < n_cases; i++)
    {
      gint64 previous, previous_conference = 0, subject_id;
      g_autofree char *previous_held_at = NULL;

      stmt = cairn_store_prepare (
        self,
        "INSERT INTO conference_subjects (conference_id, case_id, lead_worker_id)"
        " VALUES (?1, ?2, (SELECT lead_worker_id FROM cases WHERE id = ?2))",
        error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, conference_id);
      sqlite3_bind_int64 (stmt, 2, case_ids[i]);
      if (!cairn_store_step_done (self, stmt, error))
        goto fail;
      subject_id = sqlite3_last_insert_rowid (cairn_store_get_db (self));

      previous = previous_subject (self, case_ids[i], held_at, conference_id, &previous_conference,
                                   &previous_held_at);
      if (previous == 0)
        continue;
      if (latest_held_at == NULL || g_strcmp0 (previous_held_at, latest_held_at) > 0)
        {
          latest_conference = previous_conference;
          cairn_set_str (&latest_held_at, previous_held_at);
        }
      if (strcmp (kind, "review") != 0)
        continue;
      if (!exec_2 (self,
                   "UPDATE conference_subjects SET"
                   " lead_worker_id = coalesce((SELECT lead_worker_id FROM conference_subjects"
                   "                            WHERE id = ?2), lead_worker_id),"
                   " lead_body = (SELECT lead_body FROM conference_subjects WHERE id = ?2)"
                   " WHERE id = ?1",
                   subject_id, previous, error) ||
          !exec_2 (self,
                   "INSERT INTO conference_subject_categories (subject_id, category)"
                   " SELECT ?1, category FROM conference_subject_categories WHERE subject_id = ?2"
                   " ORDER BY id",
                   subject_id, previous, error) ||
          !exec_2 (self,
                   "INSERT INTO conference_core_group (subject_id, name, role, agency)"
                   " SELECT ?1, name, role, agency FROM conference_core_group WHERE subject_id = ?2"
                   " ORDER BY id",
                   subject_id, previous, error))
        goto fail;
    }
  if (latest_conference != 0 &&
      !exec_2 (self,
               "INSERT INTO conference_attendees (conference_id, name, role, agency_id, attendance,"
               " withhold_copy)"
               " SELECT ?1, name, role, agency_id, 'invited', withhold_copy FROM conference_attendees"
               " WHERE conference_id = ?2 ORDER BY id",
               conference_id, latest_conference, error))
    goto fail;
  if (!update_quorate (self, conference_id, error) || !cairn_store_commit (self, error))
    goto fail_no_rollback;

  out->kind = CAIRN_REF_CONFERENCE;
  out->year = year;
  out->number = number;
  out->case_number = 0;
  return TRUE;

fail:
  cairn_store_rollback (self);
fail_no_rollback:
  return FALSE;
}

/* ---- Reading a conference ------------------------------------------------ */

static void
column_tristate_or (sqlite3_stmt *stmt,
                    int           col,
                    int          *out)
{
  *out = cairn_column_tristate (stmt, col);
}

static char *
full_name (const char *given,
           const char *family)
{
  if (cairn_str_empty (given))
    return g_strdup (family ? family : "");
  return g_strdup_printf ("%s %s", given, family ? family : "");
}

static gboolean
load_versions (CairnStore  *self,
               GPtrArray   *versions,
               const char  *sql,
               gint64       owner_id,
               GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnDocVersion *v = cairn_doc_version_new ();
      v->id = sqlite3_column_int64 (stmt, 0);
      cairn_document_kind_from_id (cairn_column_text (stmt, 1), &v->document);
      v->version = sqlite3_column_int (stmt, 2);
      cairn_column_date (stmt, 3, &v->issued_on);
      v->issued_by = cairn_column_dup_text (stmt, 4);
      v->correction = cairn_column_dup_text (stmt, 5);
      v->sha256 = cairn_column_dup_text (stmt, 6);
      v->n_pages = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (versions, v);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  stmt = cairn_store_prepare (
    self, "SELECT id, name, role, agency, sent_on, method FROM document_receipts WHERE version_id = ?1"
          " ORDER BY id",
    error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < versions->len; i++)
    {
      CairnDocVersion *v = g_ptr_array_index (versions, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, v->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          CairnReceipt *r = cairn_receipt_new ();
          r->id = sqlite3_column_int64 (stmt, 0);
          r->name = cairn_column_dup_text (stmt, 1);
          r->role = cairn_column_dup_text (stmt, 2);
          r->agency = cairn_column_dup_text (stmt, 3);
          cairn_column_date (stmt, 4, &r->sent_on);
          r->method = cairn_column_dup_text (stmt, 5);
          g_ptr_array_add (v->receipts, r);
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* For cairn-meeting-store.c: the versions of a board meeting's documents. */
gboolean
cairn_store_load_meeting_versions (CairnStore  *self,
                                   gint64       meeting_id,
                                   GPtrArray   *versions,
                                   GError     **error)
{
  return load_versions (self, versions,
                        "SELECT id, document, version, issued_on, issued_by, correction, sha256, n_pages"
                        " FROM document_versions WHERE meeting_id = ?1 ORDER BY id",
                        meeting_id, error);
}

static gboolean
load_subject_details (CairnStore              *self,
                      CairnConferenceSubject  *s,
                      GError                 **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT category FROM conference_subject_categories WHERE subject_id = ?1"
    " ORDER BY CASE category WHEN 'NEG' THEN 1 WHEN 'PHY' THEN 2 WHEN 'EMO' THEN 3"
    " WHEN 'SAB' THEN 4 ELSE 5 END",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (s->categories, cairn_column_dup_text (stmt, 0));
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self, "SELECT id, name, role, agency FROM conference_core_group WHERE subject_id = ?1 ORDER BY id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnCoreGroupMember *m = cairn_core_group_member_new ();
      m->id = sqlite3_column_int64 (stmt, 0);
      m->name = cairn_column_dup_text (stmt, 1);
      m->role = cairn_column_dup_text (stmt, 2);
      m->agency = cairn_column_dup_text (stmt, 3);
      g_ptr_array_add (s->core_group, m);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "SELECT id, action, owner, due_on, due_text FROM conference_plan_actions WHERE subject_id = ?1"
    " ORDER BY id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnPlanAction *a = cairn_plan_action_new ();
      a->id = sqlite3_column_int64 (stmt, 0);
      a->action = cairn_column_dup_text (stmt, 1);
      a->owner = cairn_column_dup_text (stmt, 2);
      cairn_column_date (stmt, 3, &a->due_on);
      a->due_text = cairn_column_dup_text (stmt, 4);
      g_ptr_array_add (s->actions, a);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * cairn_store_get_conference:
 *
 * Reads CF-@year-@number with its attendance, each child's decision, the
 * issued versions and who received them, in one read transaction. The
 * computed dates are left unset (cairn_conference_compute_dates()).
 *
 * Returns: (transfer full): the conference, or %NULL
 */
CairnConference *
cairn_store_get_conference (CairnStore  *self,
                            int          year,
                            int          number,
                            GError     **error)
{
  g_autoptr (CairnConference) c = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error) ||
      !cairn_store_begin_read (self, error))
    return NULL;
  stmt = cairn_store_prepare (
    self,
    "SELECT c.id, c.kind, c.held_at, c.venue, p.name, g.name, c.minute_taker, c.quorate,"
    " c.quorate_reason, c.status, c.parents_views, c.child_views, c.strengths, c.risks,"
    " c.correction_reason, (SELECT name FROM board WHERE id = 1),"
    " coalesce((SELECT conference_quorum FROM board WHERE id = 1), 3)"
    " FROM conferences c LEFT JOIN professionals p ON p.id = c.chair_id"
    " LEFT JOIN agencies g ON g.id = p.agency_id WHERE c.year = ?1 AND c.number = ?2",
    error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *ref = conference_ref (year, number);
      sqlite3_reset (stmt);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such conference"), ref);
      goto out;
    }
  c = cairn_conference_new ();
  c->id = sqlite3_column_int64 (stmt, 0);
  c->year = year;
  c->number = number;
  c->kind = cairn_column_dup_text (stmt, 1);
  cairn_column_timestamp (stmt, 2, &c->held_on, &c->held_minute);
  c->venue = cairn_column_dup_text (stmt, 3);
  c->chair = cairn_column_dup_text (stmt, 4);
  c->chair_agency = cairn_column_dup_text (stmt, 5);
  c->minute_taker = cairn_column_dup_text (stmt, 6);
  column_tristate_or (stmt, 7, &c->quorate);
  c->quorate_reason = cairn_column_dup_text (stmt, 8);
  c->status = cairn_column_dup_text (stmt, 9);
  c->parents_views = cairn_column_dup_text (stmt, 10);
  c->child_views = cairn_column_dup_text (stmt, 11);
  c->strengths = cairn_column_dup_text (stmt, 12);
  c->risks = cairn_column_dup_text (stmt, 13);
  c->correction_reason = cairn_column_dup_text (stmt, 14);
  c->board_name = cairn_column_dup_text (stmt, 15);
  c->board_quorum = sqlite3_column_int (stmt, 16);
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "SELECT t.id, t.name, t.role, g.code, g.name, g.kind, t.attendance, t.contribution,"
    " t.withhold_copy FROM conference_attendees t LEFT JOIN agencies g ON g.id = t.agency_id"
    " WHERE t.conference_id = ?1 ORDER BY t.id",
    error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAttendee *a = cairn_attendee_new ();
      a->id = sqlite3_column_int64 (stmt, 0);
      a->name = cairn_column_dup_text (stmt, 1);
      a->role = cairn_column_dup_text (stmt, 2);
      a->agency_code = cairn_column_dup_text (stmt, 3);
      a->agency_name = cairn_column_dup_text (stmt, 4);
      a->agency_kind = cairn_column_dup_text (stmt, 5);
      a->attendance = cairn_column_dup_text (stmt, 6);
      a->contribution = cairn_column_dup_text (stmt, 7);
      a->copy = sqlite3_column_int (stmt, 8) == 0;
      g_ptr_array_add (c->attendees, a);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "SELECT s.id, ch.number, k.number, ch.given_name, ch.family_name, ch.date_of_birth,"
    " ch.expected_birth_date, ch.sex, s.likely_significant_harm, s.plan_decision, p.name, g.name,"
    " s.lead_body, s.outline_plan, s.contingency_plan, s.dissent, s.dissent_by,"
    " s.first_core_group_on, s.next_review_on"
    " FROM conference_subjects s JOIN cases k ON k.id = s.case_id"
    " JOIN children ch ON ch.id = k.child_id"
    " LEFT JOIN professionals p ON p.id = s.lead_worker_id LEFT JOIN agencies g ON g.id = p.agency_id"
    " WHERE s.conference_id = ?1"
    " ORDER BY coalesce(ch.date_of_birth, ch.expected_birth_date), ch.number",
    error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnConferenceSubject *s = cairn_conference_subject_new ();
      s->id = sqlite3_column_int64 (stmt, 0);
      s->child_number = sqlite3_column_int64 (stmt, 1);
      s->case_number = sqlite3_column_int (stmt, 2);
      s->child_name = full_name (cairn_column_text (stmt, 3), cairn_column_text (stmt, 4));
      cairn_column_date (stmt, 5, &s->date_of_birth);
      cairn_column_date (stmt, 6, &s->expected_birth_date);
      s->sex = cairn_column_dup_text (stmt, 7);
      column_tristate_or (stmt, 8, &s->likely_significant_harm);
      s->plan_decision = cairn_column_dup_text (stmt, 9);
      s->lead_worker = cairn_column_dup_text (stmt, 10);
      s->lead_worker_agency = cairn_column_dup_text (stmt, 11);
      s->lead_body = cairn_column_dup_text (stmt, 12);
      s->outline_plan = cairn_column_dup_text (stmt, 13);
      s->contingency_plan = cairn_column_dup_text (stmt, 14);
      s->dissent = cairn_column_dup_text (stmt, 15);
      s->dissent_by = cairn_column_dup_text (stmt, 16);
      cairn_column_date (stmt, 17, &s->first_core_group_on);
      cairn_column_date (stmt, 18, &s->next_review_on);
      g_ptr_array_add (c->subjects, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      goto out;
    }
  for (guint i = 0; i < c->subjects->len; i++)
    if (!load_subject_details (self, g_ptr_array_index (c->subjects, i), error))
      goto out;
  if (!load_versions (self, c->versions,
                      "SELECT id, document, version, issued_on, issued_by, correction, sha256, n_pages"
                      " FROM document_versions WHERE conference_id = ?1 ORDER BY id",
                      c->id, error))
    goto out;
  ok = TRUE;

out:
  cairn_store_rollback (self);
  return ok ? g_steal_pointer (&c) : NULL;
}

/* ---- Status and versions ------------------------------------------------- */

/**
 * cairn_store_approve_conference:
 *
 * The chair approves the draft: every child's decision must be complete
 * (cairn_conference_validate_decisions()), else nothing changes and the
 * error names the field. The pathway events and the plans are recorded by
 * cairn_conference_approve(), which calls this in its transaction.
 */
gboolean
cairn_store_approve_conference (CairnStore  *self,
                                gint64       conference_id,
                                GError     **error)
{
  g_auto (ConferenceState) state = { 0 };
  g_autoptr (CairnConference) c = NULL;
  sqlite3_stmt *stmt;

  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, conference_id, error) || !load_state (self, conference_id, &state, error) ||
      (c = cairn_store_get_conference (self, state.year, state.number, error)) == NULL ||
      !cairn_conference_validate_decisions (c, error))
    goto fail;
  stmt = cairn_store_prepare (self, "UPDATE conferences SET status = 'approved' WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, conference_id);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

/* Takes approved or issued minutes (@status, of record @id, called @ref)
 * back to draft, in the caller's transaction: @sql (?1 = @id, ?2 = the
 * correction or NULL) sets them to draft. Issued minutes need a
 * correction, kept for the next version. For cairn-meeting-store.c too. */
gboolean
cairn_store_reopen_minutes (CairnStore  *self,
                            const char  *sql,
                            gint64       id,
                            const char  *ref,
                            const char  *status,
                            const char  *correction,
                            GError     **error)
{
  gboolean issued = g_strcmp0 (status, "issued") == 0;
  sqlite3_stmt *stmt;

  if (g_strcmp0 (status, "draft") == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: is already a draft"), ref);
      return FALSE;
    }
  if (issued && cairn_str_empty (correction))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Correction: the minutes of %s are issued; say what is being corrected"), ref);
      return FALSE;
    }
  if ((stmt = cairn_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  cairn_bind_text_or_null (stmt, 2, issued ? correction : NULL);
  return cairn_store_step_done (self, stmt, error);
}

/**
 * cairn_store_reopen_conference:
 * @correction: (nullable): for issued minutes, what is being corrected
 *   (required then); the next issue is a new version with this reason
 *
 * Takes an approved or issued record back to draft.
 */
gboolean
cairn_store_reopen_conference (CairnStore  *self,
                               gint64       conference_id,
                               const char  *correction,
                               GError     **error)
{
  g_auto (ConferenceState) state = { 0 };
  g_autofree char *ref = NULL;

  if (!cairn_store_require (self, CAIRN_ACTION_MANAGE_CONFERENCES, error) ||
      !cairn_validate_text (_("Correction"), correction, error) || !cairn_store_begin (self, error))
    return FALSE;
  if (!load_state (self, conference_id, &state, error))
    goto fail;
  ref = conference_ref (state.year, state.number);
  if (!cairn_store_reopen_minutes (
        self, "UPDATE conferences SET status = 'draft', correction_reason = coalesce(?2, correction_reason)"
              " WHERE id = ?1",
        conference_id, ref, state.status, correction, error))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

/* Who issues a document: the signed-in user's display name. */
const char *
cairn_store_get_issuer_name (CairnStore *self)
{
  const char *name = cairn_store_get_user_display_name (self);

  if (cairn_str_empty (name))
    name = cairn_store_get_user_name (self);
  return cairn_str_empty (name) ? "system" : name;
}

static gboolean
insert_receipt (CairnStore    *self,
                gint64         version_id,
                CairnReceipt  *r,
                GError       **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "INSERT INTO document_receipts (version_id, name, role, agency, sent_on, method)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (version_id, name, role, agency) DO UPDATE SET sent_on = excluded.sent_on,"
    " method = excluded.method",
    error);

  if (stmt == NULL)
    return FALSE;
  if (!cairn_validate_required (_("Recipient"), r->name, error) ||
      !cairn_date_is_set (&r->sent_on))
    {
      if (error && *error == NULL)
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Sent on: a date is required"));
      return FALSE;
    }
  if (r->method != NULL && !cairn_codes_check (CAIRN_CODES_SEND_METHOD, _("Method"), r->method, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  cairn_bind_text (stmt, 2, r->name);
  cairn_bind_text (stmt, 3, r->role);
  cairn_bind_text (stmt, 4, r->agency);
  cairn_bind_date (stmt, 5, &r->sent_on);
  cairn_bind_text (stmt, 6, r->method ? r->method : "secure_email");
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  r->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  return TRUE;
}

/* Records @version of @document for a conference (conference_id) or a
 * meeting (meeting_id): numbers it, and adds its receipts. For
 * cairn-meeting-store.c too. */

gboolean
cairn_store_insert_document_version (CairnStore      *self,
                                     gint64           conference_id,
                                     gint64           meeting_id,
                                     CairnDocVersion *version,
                                     const char      *pending_correction,
                                     const char      *ref,
                                     GError         **error)
{
  sqlite3_stmt *stmt;
  const char *correction = !cairn_str_empty (version->correction) ? version->correction
                                                                   : pending_correction;
  int next = 0;

  if (!cairn_validate_text (_("Correction"), version->correction, error))
    return FALSE;
  if (version->sha256 == NULL || strlen (version->sha256) != 64 || !cairn_date_is_set (&version->issued_on))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: a version needs the date of issue and the SHA-256 of its file"), ref);
      return FALSE;
    }
  stmt = cairn_store_prepare (
    self,
    "SELECT coalesce(max(version), 0) + 1 FROM document_versions"
    " WHERE document = ?3 AND (conference_id = ?1 OR meeting_id = ?2)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conference_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  cairn_bind_text (stmt, 3, cairn_document_kind_id (version->document));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (next > 1 && cairn_str_empty (correction))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Correction: the %s of %s was issued as version %d; say what version %d "
                     "corrects"),
                   cairn_document_kind_label (version->document), ref, next - 1, next);
      return FALSE;
    }
  stmt = cairn_store_prepare (
    self,
    "INSERT INTO document_versions (conference_id, meeting_id, document, version, issued_on,"
    " issued_by, correction, sha256, n_pages) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    error);
  if (stmt == NULL)
    return FALSE;
  if (conference_id != 0)
    sqlite3_bind_int64 (stmt, 1, conference_id);
  if (meeting_id != 0)
    sqlite3_bind_int64 (stmt, 2, meeting_id);
  cairn_bind_text (stmt, 3, cairn_document_kind_id (version->document));
  sqlite3_bind_int (stmt, 4, next);
  cairn_bind_date (stmt, 5, &version->issued_on);
  cairn_bind_text (stmt, 6, version->issued_by ? version->issued_by : cairn_store_get_issuer_name (self));
  cairn_bind_text_or_null (stmt, 7, next > 1 ? correction : NULL);
  cairn_bind_text (stmt, 8, version->sha256);
  sqlite3_bind_int (stmt, 9, version->n_pages);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  version->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  version->version = next;
  if (version->issued_by == NULL)
    version->issued_by = g_strdup (cairn_store_get_issuer_name (self));
  if (next > 1 && version->correction == NULL)
    version->correction = g_strdup (correction);
  for (guint i = 0; i < version->receipts->len; i++)
    {
      CairnReceipt *r = g_ptr_array_index (version->receipts, i);
      if (!cairn_date_is_set (&r->sent_on))
        r->sent_on = version->issued_on;
      if (!insert_receipt (self, version->id, r, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * cairn_store_add_conference_version:
 * @version: the document (outcome or minutes), date of issue, SHA-256 and
 *   pages of the file; @version->receipts as sent, or empty to send to the
 *   conference's distribution list on the day of issue (the family by post,
 *   professionals by secure email)
 *
 * Records an issue of the outcome summary or the minutes. The decisions
 * must be complete; the minutes must be approved, and become issued. A
 * second or later version needs what it corrects: @version->correction, or
 * the reason the record was reopened with. Sets @version's number and id.
 */
gboolean
cairn_store_add_conference_version (CairnStore       *self,
                                    gint64            conference_id,
                                    CairnDocVersion  *version,
                                    GError          **error)
{
  g_auto (ConferenceState) state = { 0 };
  g_autoptr (CairnConference) c = NULL;
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (version->document == CAIRN_DOCUMENT_OUTCOME ||
                          version->document == CAIRN_DOCUMENT_MINUTES, FALSE);
  if (!cairn_store_require (self, CAIRN_ACTION_MANAGE_CONFERENCES, error) ||
      !cairn_store_begin (self, error))
    return FALSE;
  if (!load_state (self, conference_id, &state, error) ||
      (c = cairn_store_get_conference (self, state.year, state.number, error)) == NULL)
    goto fail;
  ref = conference_ref (state.year, state.number);
  if (version->document == CAIRN_DOCUMENT_MINUTES && g_strcmp0 (state.status, "approved") != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   g_strcmp0 (state.status, "issued") == 0
                     ? _("Minutes: %s are already issued; start a correction to issue a new version")
                     : _("Minutes: %s must be approved by the chair before they are issued"),
                   ref);
      goto fail;
    }
  if (!cairn_conference_validate_decisions (c, error))
    goto fail;
  if (version->receipts->len == 0)
    {
      g_autoptr (GPtrArray) list = cairn_conference_list_distribution (c);
      for (guint i = 0; i < list->len; i++)
        {
          const CairnAttendee *a = g_ptr_array_index (list, i);
          CairnReceipt *r = cairn_receipt_new ();
          r->name = g_strdup (a->name);
          r->role = g_strdup (a->role ? a->role : "");
          r->agency = g_strdup (a->agency_name ? a->agency_name : "");
          r->sent_on = version->issued_on;
          r->method = g_strdup (a->agency_code ? "secure_email" : "post");
          g_ptr_array_add (version->receipts, r);
        }
    }
  if (!cairn_store_insert_document_version (self, conference_id, 0, version,
                                            version->document == CAIRN_DOCUMENT_MINUTES
                                              ? state.correction_reason : NULL,
                                            ref, error))
    goto fail;
  if (version->document == CAIRN_DOCUMENT_MINUTES)
    {
      stmt = cairn_store_prepare (
        self, "UPDATE conferences SET status = 'issued', correction_reason = NULL WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, conference_id);
      if (!cairn_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!cairn_store_commit (self, error))
    {
      version->id = 0;
      return FALSE;
    }
  return TRUE;

fail:
  cairn_store_rollback (self);
  version->id = 0;
  version->version = 0;
  return FALSE;
}

/**
 * cairn_store_add_document_receipt:
 *
 * Records that someone received a version (a copy sent later, or sent again).
 */
gboolean
cairn_store_add_document_receipt (CairnStore    *self,
                                  gint64         version_id,
                                  CairnReceipt  *receipt,
                                  GError       **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT conference_id IS NOT NULL FROM document_versions WHERE id = ?1", error);
  int conference = -1;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    conference = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (conference < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                   _("Version: no version with id %" G_GINT64_FORMAT), version_id);
      return FALSE;
    }
  if (!cairn_store_require (self, conference ? CAIRN_ACTION_MANAGE_CONFERENCES : CAIRN_ACTION_EDIT_MEETINGS,
                            error) ||
      !cairn_store_begin (self, error))
    return FALSE;
  if (!insert_receipt (self, version_id, receipt, error))
    {
      cairn_store_rollback (self);
      return FALSE;
    }
  return cairn_store_commit (self, error);
}

/* ---- Plans from the decisions ------------------------------------------- */

static char *
plan_category (const CairnConferenceSubject *s)
{
  if (s->categories->len == 1)
    return g_strdup (g_ptr_array_index (s->categories, 0));
  return g_strdup ("MUL");
}

static gint64
lead_worker_id (CairnStore  *self,
                gint64       subject_id)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT lead_worker_id FROM conference_subjects WHERE id = ?1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
replace_plan_categories (CairnStore                   *self,
                         gint64                        plan_id,
                         const CairnConferenceSubject *s,
                         GError                      **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "DELETE FROM cp_plan_categories WHERE plan_id = ?1",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < s->categories->len; i++)
    {
      stmt = cairn_store_prepare (self, "INSERT INTO cp_plan_categories (plan_id, category) VALUES (?1, ?2)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      cairn_bind_text (stmt, 2, g_ptr_array_index (s->categories, i));
      if (!cairn_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The plan of the case open on @date (started on or before it, not ended before it). */
static gint64
open_plan (CairnStore  *self,
           gint64       child_number,
           int          case_number,
           const char  *date,
           GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT p.id FROM cp_plans p JOIN cases k ON k.id = p.case_id JOIN children ch ON ch.id = k.child_id"
    " WHERE ch.number = ?1 AND k.number = ?2 AND p.started_on <= ?3"
    " AND (p.ended_on IS NULL OR p.ended_on >= ?3) ORDER BY p.started_on DESC LIMIT 1",
    error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, child_number);
  sqlite3_bind_int (stmt, 2, case_number);
  cairn_bind_text (stmt, 3, date);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * cairn_store_apply_conference_plans:
 *
 * Keeps each child's child protection plan from the conference's decision:
 * a plan started (one category, or MUL with the specific ones beside it),
 * continued (its latest category, a review), or ended on the day of the
 * conference. Running it again changes nothing more. Call inside the
 * transaction that approves the conference.
 */
gboolean
cairn_store_apply_conference_plans (CairnStore  *self,
                                    gint64       conference_id,
                                    GError     **error)
{
  g_auto (ConferenceState) state = { 0 };
  g_autoptr (CairnConference) c = NULL;
  char day[11];

  if (!cairn_store_require (self, CAIRN_ACTION_MANAGE_CONFERENCES, error) ||
      !load_state (self, conference_id, &state, error) ||
      (c = cairn_store_get_conference (self, state.year, state.number, error)) == NULL)
    return FALSE;
  cairn_date_format_into (&c->held_on, day);
  if (!cairn_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < c->subjects->len; i++)
    {
      const CairnConferenceSubject *s = g_ptr_array_index (c->subjects, i);
      g_autofree char *category = plan_category (s);
      gint64 plan = open_plan (self, s->child_number, s->case_number, day, error);
      sqlite3_stmt *stmt;

      if (plan < 0)
        goto fail;
      if (g_strcmp0 (s->plan_decision, "start") == 0)
        {
          if (plan != 0)
            continue; /* already recorded (a plan that started on this day, or one running) */
          stmt = cairn_store_prepare (
            self,
            "INSERT INTO cp_plans (case_id, started_on, initial_category, latest_category,"
            " previous_plans, lead_worker_id, contingency_plan)"
            " SELECT k.id, ?3, ?4, ?4,"
            "  (SELECT count(*) FROM cp_plans p JOIN cases o ON o.id = p.case_id"
            "   WHERE o.child_id = k.child_id AND p.started_on < ?3), ?5, ?6"
            " FROM cases k JOIN children ch ON ch.id = k.child_id WHERE ch.number = ?1 AND k.number = ?2",
            error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, s->child_number);
          sqlite3_bind_int (stmt, 2, s->case_number);
          cairn_bind_text (stmt, 3, day);
          cairn_bind_text (stmt, 4, category);
          if (lead_worker_id (self, s->id) != 0)
            sqlite3_bind_int64 (stmt, 5, lead_worker_id (self, s->id));
          cairn_bind_text_or_null (stmt, 6, s->contingency_plan);
          if (!cairn_store_step_done (self, stmt, error) ||
              !replace_plan_categories (self, sqlite3_last_insert_rowid (cairn_store_get_db (self)), s,
                                        error))
            goto fail;
        }
      else if ((g_strcmp0 (s->plan_decision, "continue") == 0 ||
                g_strcmp0 (s->plan_decision, "end") == 0) && plan != 0)
        {
          gboolean ends = g_strcmp0 (s->plan_decision, "end") == 0;

          stmt = cairn_store_prepare (
            self,
            ends ? "UPDATE cp_plans SET ended_on = ?2, end_reason = coalesce(end_reason, ?3)"
                   " WHERE id = ?1"
                 : "UPDATE cp_plans SET latest_category = ?3, contingency_plan = coalesce(?4,"
                   " contingency_plan), lead_worker_id = coalesce(?5, lead_worker_id) WHERE id = ?1",
            error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, plan);
          if (ends)
            {
              cairn_bind_text (stmt, 2, day);
              cairn_bind_text (stmt, 3, _("The review conference judged that the child is no longer "
                                          "likely to suffer significant harm"));
            }
          else
            {
              gint64 lead = lead_worker_id (self, s->id);
              cairn_bind_text (stmt, 3, category);
              cairn_bind_text_or_null (stmt, 4, s->contingency_plan);
              if (lead != 0)
                sqlite3_bind_int64 (stmt, 5, lead);
            }
          if (!cairn_store_step_done (self, stmt, error) ||
              (!ends && !replace_plan_categories (self, plan, s, error)))
            goto fail;
          stmt = cairn_store_prepare (
            self,
            "INSERT INTO cp_reviews (plan_id, review_on) SELECT ?1, ?2"
            " WHERE NOT EXISTS (SELECT 1 FROM cp_reviews WHERE plan_id = ?1 AND review_on = ?2)",
            error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, plan);
          cairn_bind_text (stmt, 2, day);
          if (!cairn_store_step_done (self, stmt, error))
            goto fail;
        }
    }
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

/* ---- Lists and the access log -------------------------------------------- */

GPtrArray *
cairn_store_list_agencies (CairnStore  *self,
                           GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "SELECT code, name, kind FROM agencies ORDER BY name, code",
                                            error);
  GPtrArray *out;

  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_agency_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnAgency *a = cairn_agency_new ();
      a->code = cairn_column_dup_text (stmt, 0);
      a->name = cairn_column_dup_text (stmt, 1);
      a->kind = cairn_column_dup_text (stmt, 2);
      g_ptr_array_add (out, a);
    }
  sqlite3_reset (stmt);
  return out;
}

/**
 * cairn_store_record_conference_read:
 * @what: what was done ("minutes written to FILE", "opened in the editor")
 *
 * Conference records are confidential: each reading of one (a document
 * written, the editor opened) goes in the audit trail, once for each child.
 */
gboolean
cairn_store_record_conference_read (CairnStore             *self,
                                    const CairnConference  *conference,
                                    const char             *what,
                                    GError                **error)
{
  g_autofree char *ref = cairn_conference_dup_ref (conference);

  if (!cairn_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < conference->subjects->len; i++)
    {
      const CairnConferenceSubject *s = g_ptr_array_index (conference->subjects, i);
      if (!cairn_store_audit_record (self, "read", "conferences", ref, s->child_number, what, error))
        {
          cairn_store_rollback (self);
          return FALSE;
        }
    }
  return cairn_store_commit (self, error);
}
