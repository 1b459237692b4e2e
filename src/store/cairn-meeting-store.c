/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-meeting-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-meeting-store.h"
#include "cairn-minutes-store-private.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

#define MAX_MEETINGS_A_YEAR 99

typedef enum
{
  KIND_TEXT,      /* "" stores NULL */
  KIND_STRING,    /* NOT NULL column */
  KIND_REQUIRED,  /* not blank */
  KIND_DATE,      /* "YYYY-MM-DD" or "" */
  KIND_DAY,       /* "YYYY-MM-DD", required */
  KIND_TIME,      /* "HH:MM" or "" */
  KIND_ATTENDANCE,
} ValueKind;

typedef struct
{
  const char *label;
  ValueKind kind;
  const char *sql;   /* ?1 = row id, ?2 = value */
} FieldInfo;

static const FieldInfo meeting_fields[CAIRN_MEETING_N_FIELDS] = {
  [CAIRN_MEETING_FIELD_HELD_ON] = { N_("Date"), KIND_DAY,
                                    "UPDATE board_meetings SET held_on = ?2 WHERE id = ?1" },
  [CAIRN_MEETING_FIELD_STARTS_AT] = { N_("Starts at"), KIND_TIME,
                                      "UPDATE board_meetings SET starts_at = ?2 WHERE id = ?1" },
  [CAIRN_MEETING_FIELD_ENDS_AT] = { N_("Closed at"), KIND_TIME,
                                    "UPDATE board_meetings SET ends_at = ?2 WHERE id = ?1" },
  [CAIRN_MEETING_FIELD_VENUE] = { N_("Venue"), KIND_TEXT,
                                  "UPDATE board_meetings SET venue = ?2 WHERE id = ?1" },
  [CAIRN_MEETING_FIELD_CHAIR] = { N_("Chair"), KIND_TEXT,
                                  "UPDATE board_meetings SET chair = ?2 WHERE id = ?1" },
};

static const FieldInfo attendee_fields[CAIRN_MEETING_ATTENDEE_N_FIELDS] = {
  [CAIRN_MEETING_ATTENDEE_FIELD_NAME] = { N_("Name"), KIND_REQUIRED,
                                          "UPDATE meeting_attendance SET name = ?2 WHERE id = ?1" },
  [CAIRN_MEETING_ATTENDEE_FIELD_ROLE] = { N_("Role"), KIND_STRING,
                                          "UPDATE meeting_attendance SET role = ?2 WHERE id = ?1" },
  [CAIRN_MEETING_ATTENDEE_FIELD_AGENCY] = { N_("Organisation"), KIND_STRING,
                                            "UPDATE meeting_attendance SET agency = ?2 WHERE id = ?1" },
  [CAIRN_MEETING_ATTENDEE_FIELD_ATTENDANCE] = { N_("Attendance"), KIND_ATTENDANCE,
                                                "UPDATE meeting_attendance SET attendance = ?2 WHERE id = ?1" },
};

static const FieldInfo agenda_fields[CAIRN_AGENDA_N_FIELDS] = {
  [CAIRN_AGENDA_FIELD_TITLE] = { N_("Title"), KIND_REQUIRED,
                                 "UPDATE agenda_items SET title = ?2 WHERE id = ?1" },
  [CAIRN_AGENDA_FIELD_PRESENTER] = { N_("Presenter"), KIND_STRING,
                                     "UPDATE agenda_items SET presenter = ?2 WHERE id = ?1" },
  [CAIRN_AGENDA_FIELD_PURPOSE] = { N_("Purpose"), KIND_STRING,
                                   "UPDATE agenda_items SET purpose = ?2 WHERE id = ?1" },
  [CAIRN_AGENDA_FIELD_PAGES] = { N_("Pages"), KIND_STRING,
                                 "UPDATE agenda_items SET pages = ?2 WHERE id = ?1" },
  [CAIRN_AGENDA_FIELD_MINUTES] = { N_("Minutes"), KIND_STRING,
                                   "UPDATE agenda_items SET minutes = ?2 WHERE id = ?1" },
};

static const FieldInfo action_fields[CAIRN_ACTION_POINT_N_FIELDS] = {
  [CAIRN_ACTION_POINT_FIELD_ACTION] = { N_("Action"), KIND_STRING,
                                        "UPDATE action_points SET action = ?2 WHERE id = ?1" },
  [CAIRN_ACTION_POINT_FIELD_OWNER] = { N_("Owner"), KIND_STRING,
                                       "UPDATE action_points SET owner = ?2 WHERE id = ?1" },
  [CAIRN_ACTION_POINT_FIELD_DUE_ON] = { N_("Due"), KIND_DATE,
                                        "UPDATE action_points SET due_on = ?2 WHERE id = ?1" },
  [CAIRN_ACTION_POINT_FIELD_STATUS] = { N_("Status"), KIND_STRING, NULL },
};

const char *
cairn_meeting_field_label (CairnMeetingField field)
{
  g_return_val_if_fail (field < CAIRN_MEETING_N_FIELDS, NULL);
  return _(meeting_fields[field].label);
}

const char *
cairn_agenda_field_label (CairnAgendaField field)
{
  g_return_val_if_fail (field < CAIRN_AGENDA_N_FIELDS, NULL);
  return _(agenda_fields[field].label);
}

/* ---- Helpers ------------------------------------------------------------- */

static char *
meeting_ref (int year,
             int number)
{
  CairnRef ref = { .kind = CAIRN_REF_MEETING, .year = year, .number = number };

  return cairn_ref_format (&ref);
}

typedef struct
{
  int year;
  int number;
  char *status;
  GDate held_on;
  char *correction_reason;
} MeetingState;

static void
meeting_state_clear (MeetingState *state)
{
  g_clear_pointer (&state->status, g_free);
  g_clear_pointer (&state->correction_reason, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MeetingState, meeting_state_clear)

static gboolean
load_state (CairnStore    *self,
            gint64         meeting_id,
            MeetingState  *state,
            GError       **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT year, number, status, held_on, correction_reason FROM board_meetings WHERE id = ?1",
    error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      state->year = sqlite3_column_int (stmt, 0);
      state->number = sqlite3_column_int (stmt, 1);
      state->status = cairn_column_dup_text (stmt, 2);
      cairn_column_date (stmt, 3, &state->held_on);
      state->correction_reason = cairn_column_dup_text (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                 _("Meeting: no board meeting with id %" G_GINT64_FORMAT), meeting_id);
  return found;
}

static gboolean
require_draft (CairnStore  *self,
               gint64       meeting_id,
               GError     **error)
{
  g_auto (MeetingState) state = { 0 };
  g_autofree char *ref = NULL;

  if (!cairn_store_require (self, CAIRN_ACTION_EDIT_MEETINGS, error) ||
      !load_state (self, meeting_id, &state, error))
    return FALSE;
  if (g_strcmp0 (state.status, "draft") == 0)
    return TRUE;
  ref = meeting_ref (state.year, state.number);
  if (g_strcmp0 (state.status, "issued") == 0)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                 _("%s: the minutes are issued; start a correction to change them"), ref);
  else
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                 _("%s: the minutes are approved; reopen them to change them"), ref);
  return FALSE;
}

static gboolean
bind_value (sqlite3_stmt     *stmt,
            const FieldInfo  *info,
            const char       *value,
            GError          **error)
{
  const char *label = _(info->label);

  switch (info->kind)
    {
    case KIND_TEXT:
      if (!cairn_validate_text (label, value, error))
        return FALSE;
      cairn_bind_text_or_null (stmt, 2, value);
      return TRUE;
    case KIND_STRING:
      if (!cairn_validate_text (label, value, error))
        return FALSE;
      cairn_bind_text (stmt, 2, value);
      return TRUE;
    case KIND_REQUIRED:
      if (!cairn_validate_required (label, value, error))
        return FALSE;
      cairn_bind_text (stmt, 2, value);
      return TRUE;
    case KIND_DATE:
    case KIND_DAY:
      {
        GDate date;
        if (info->kind == KIND_DAY ? !cairn_date_parse (label, value, &date, error)
                                   : !cairn_date_parse_optional (label, value, &date, error))
          return FALSE;
        cairn_bind_date (stmt, 2, &date);
        return TRUE;
      }
    case KIND_TIME:
      {
        unsigned hh = 0, mm = 0;
        char tail;
        if (cairn_str_empty (value))
          {
            sqlite3_bind_null (stmt, 2);
            return TRUE;
          }
        if (strlen (value) != 5 || sscanf (value, "%2u:%2u%c", &hh, &mm, &tail) != 2 || hh > 23 ||
            mm > 59 || !g_ascii_isdigit (value[0]) || !g_ascii_isdigit (value[3]))
          {
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: \"%s\" is not a time (HH:MM)"),
                         label, value);
            return FALSE;
          }
        cairn_bind_text (stmt, 2, value);
        return TRUE;
      }
    case KIND_ATTENDANCE:
      if (g_strcmp0 (value, "present") != 0 && g_strcmp0 (value, "apologies") != 0 &&
          g_strcmp0 (value, "in_attendance") != 0 && g_strcmp0 (value, "absent") != 0)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: \"%s\" is not an attendance (present, apologies, in_attendance, absent)"),
                       label, value ? value : "");
          return FALSE;
        }
      cairn_bind_text (stmt, 2, value);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* ---- Minute numbers ------------------------------------------------------ */

int
cairn_store_get_minutes_restart (CairnStore *self)
{
  g_autofree char *value = cairn_store_dup_setting (self, CAIRN_SETTING_MINUTES_RESTART);
  int month = CAIRN_MINUTES_RESTART_DEFAULT;

  if (value != NULL && !cairn_minutes_restart_parse (CAIRN_SETTING_MINUTES_RESTART, value, &month, NULL))
    month = CAIRN_MINUTES_RESTART_DEFAULT;
  return month;
}

typedef struct
{
  gint64 id;
  int year;
  int number;
  GDate held_on;
  gboolean draft;
} MeetingRow;

typedef struct
{
  gint64 id;
  int minute_number;
} ItemRow;

/* Numbers the minutes of every draft meeting, in date order: on from the
 * previous meeting's last minute, from 1 at the start of each numbering
 * period. Approved and issued minutes keep their numbers and the count
 * continues from them; a draft whose items would reach into the numbers of
 * a later approved meeting of the same period is refused. */
static gboolean
renumber (CairnStore  *self,
          GError     **error)
{
  int restart = cairn_store_get_minutes_restart (self);
  g_autoptr (GArray) meetings = g_array_new (FALSE, TRUE, sizeof (MeetingRow));
  g_autoptr (GArray) items = g_array_new (FALSE, TRUE, sizeof (ItemRow));
  sqlite3_stmt *stmt;
  GDate period;
  int counter = 0;
  gboolean draft_before = FALSE;
  MeetingRow last_draft = { 0 };

  cairn_date_clear (&period);
  stmt = cairn_store_prepare (
    self, "SELECT id, year, number, held_on, status = 'draft' FROM board_meetings ORDER BY held_on, id",
    error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      MeetingRow m = { 0 };
      m.id = sqlite3_column_int64 (stmt, 0);
      m.year = sqlite3_column_int (stmt, 1);
      m.number = sqlite3_column_int (stmt, 2);
      cairn_column_date (stmt, 3, &m.held_on);
      m.draft = sqlite3_column_int (stmt, 4);
      g_array_append_val (meetings, m);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < meetings->len; i++)
    {
      const MeetingRow *m = &g_array_index (meetings, MeetingRow, i);
      GDate start;

      cairn_minutes_period_start (restart, &m->held_on, &start);
      if (i == 0 || (cairn_date_is_set (&start) &&
                     (!cairn_date_is_set (&period) || g_date_compare (&start, &period) != 0)))
        {
          counter = 0;
          draft_before = FALSE;
          period = start;
        }

      g_array_set_size (items, 0);
      stmt = cairn_store_prepare (
        self, "SELECT id, coalesce(minute_number, 0) FROM agenda_items WHERE meeting_id = ?1"
              " ORDER BY item, sub_item",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, m->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          ItemRow r = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };
          g_array_append_val (items, r);
        }
      sqlite3_reset (stmt);

      if (m->draft)
        {
          for (guint k = 0; k < items->len; k++)
            {
              ItemRow *r = &g_array_index (items, ItemRow, k);
              if (r->minute_number == ++counter)
                continue;
              stmt = cairn_store_prepare (self, "UPDATE agenda_items SET minute_number = ?2 WHERE id = ?1",
                                          error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, r->id);
              sqlite3_bind_int (stmt, 2, counter);
              if (!cairn_store_step_done (self, stmt, error))
                return FALSE;
            }
          draft_before = TRUE;
          last_draft = *m;
          continue;
        }
      for (guint k = 0; k < items->len; k++)
        {
          const ItemRow *r = &g_array_index (items, ItemRow, k);
          if (r->minute_number <= 0)
            {
              counter++;
              continue;
            }
          if (k == 0 && draft_before && r->minute_number <= counter)
            {
              g_autofree char *ref = meeting_ref (m->year, m->number);
              g_autofree char *draft = meeting_ref (last_draft.year, last_draft.number);
              g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                           _("Minutes: %s is approved and numbers its minutes from %d; the minutes of "
                             "%s before it would run to %d"),
                           ref, r->minute_number, draft, counter);
              return FALSE;
            }
          counter = r->minute_number;
        }
    }
  return TRUE;
}

/**
 * cairn_store_set_minutes_restart:
 * @month: 0 never to restart; 1 to 12 to start again at 1 at the first
 *   meeting on or after the 1st of that month each year
 *
 * Sets when the board's minute numbers restart, and renumbers the draft
 * meetings, in one transaction.
 */
gboolean
cairn_store_set_minutes_restart (CairnStore  *self,
                                 int          month,
                                 GError     **error)
{
  g_autofree char *value = NULL;

  if (!cairn_store_require (self, CAIRN_ACTION_EDIT_MEETINGS, error))
    return FALSE;
  if (month < 0 || month > 12)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Minute numbering: %d is neither 0 (never restart) nor a month from 1 to 12"), month);
      return FALSE;
    }
  value = month == 0 ? g_strdup ("never") : g_strdup_printf ("%d", month);
  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!cairn_store_set_setting (self, CAIRN_SETTING_MINUTES_RESTART, value, error) ||
      !renumber (self, error))
    {
      cairn_store_rollback (self);
      return FALSE;
    }
  return cairn_store_commit (self, error);
}

/* ---- Generic field changes ---------------------------------------------- */

static gboolean
set_field (CairnStore       *self,
           gint64            meeting_id,
           gint64            row_id,
           const FieldInfo  *info,
           const char       *value,
           gboolean          renumbers,
           GError          **error)
{
  sqlite3_stmt *stmt;

  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, meeting_id, error) || (stmt = cairn_store_prepare (self, info->sql, error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (!bind_value (stmt, info, value, error))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      goto fail;
    }
  if (!cairn_store_step_done (self, stmt, error) || (renumbers && !renumber (self, error)))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

static gboolean
exec_id (CairnStore  *self,
         const char  *sql,
         gint64       a,
         GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  return cairn_store_step_done (self, stmt, error);
}

static gboolean
exec_id_int (CairnStore  *self,
             const char  *sql,
             gint64       a,
             int          b,
             GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int (stmt, 2, b);
  return cairn_store_step_done (self, stmt, error);
}

static gboolean
remove_row (CairnStore  *self,
            gint64       meeting_id,
            const char  *sql,
            gint64       row_id,
            GError     **error)
{
  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, meeting_id, error) || !exec_id (self, sql, row_id, error))
    {
      cairn_store_rollback (self);
      return FALSE;
    }
  return cairn_store_commit (self, error);
}

gint64
cairn_store_find_meeting (CairnStore  *self,
                          int          year,
                          int          number,
                          GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT id FROM board_meetings WHERE year = ?1 AND number = ?2", error);
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
      g_autofree char *ref = meeting_ref (year, number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such board meeting"), ref);
    }
  return id;
}

gboolean
cairn_store_set_meeting_field (CairnStore         *self,
                               gint64              meeting_id,
                               CairnMeetingField   field,
                               const char         *value,
                               GError            **error)
{
  g_return_val_if_fail (field < CAIRN_MEETING_N_FIELDS, FALSE);
  return set_field (self, meeting_id, meeting_id, &meeting_fields[field], value,
                    field == CAIRN_MEETING_FIELD_HELD_ON, error);
}

static const char attendee_meeting_sql[] = "SELECT meeting_id FROM meeting_attendance WHERE id = ?1";
static const char item_meeting_sql[] = "SELECT meeting_id FROM agenda_items WHERE id = ?1";
static const char resolution_meeting_sql[] =
  "SELECT i.meeting_id FROM resolutions r JOIN agenda_items i ON i.id = r.agenda_item_id WHERE r.id = ?1";
static const char action_meeting_sql[] =
  "SELECT i.meeting_id FROM action_points a JOIN agenda_items i ON i.id = a.agenda_item_id WHERE a.id = ?1";

gboolean
cairn_store_add_meeting_attendee (CairnStore            *self,
                                  gint64                 meeting_id,
                                  CairnMeetingAttendee  *attendee,
                                  GError               **error)
{
  sqlite3_stmt *stmt;
  const char *attendance = attendee->attendance ? attendee->attendance : "present";
  FieldInfo check = attendee_fields[CAIRN_MEETING_ATTENDEE_FIELD_ATTENDANCE];

  if (!cairn_validate_required (_("Name"), attendee->name, error) ||
      !cairn_validate_text (_("Role"), attendee->role, error) ||
      !cairn_validate_text (_("Organisation"), attendee->agency, error) ||
      !cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, meeting_id, error))
    goto fail;
  stmt = cairn_store_prepare (
    self,
    "INSERT INTO meeting_attendance (meeting_id, name, role, agency, attendance)"
    " VALUES (?1, ?3, ?4, ?5, ?2)",
    error);
  if (stmt == NULL)
    goto fail;
  if (!bind_value (stmt, &check, attendance, error))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      goto fail;
    }
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  cairn_bind_text (stmt, 3, attendee->name);
  cairn_bind_text (stmt, 4, attendee->role);
  cairn_bind_text (stmt, 5, attendee->agency);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  attendee->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  if (!cairn_store_commit (self, error))
    {
      attendee->id = 0;
      return FALSE;
    }
  return TRUE;

fail:
  cairn_store_rollback (self);
  return FALSE;
}

gboolean
cairn_store_set_meeting_attendee_field (CairnStore                 *self,
                                        gint64                      attendee_id,
                                        CairnMeetingAttendeeField   field,
                                        const char                 *value,
                                        GError                    **error)
{
  gint64 meeting_id;

  g_return_val_if_fail (field < CAIRN_MEETING_ATTENDEE_N_FIELDS, FALSE);
  meeting_id = cairn_store_row_owner (self, attendee_meeting_sql, attendee_id, _("Attendee"), error);
  return meeting_id != 0 &&
         set_field (self, meeting_id, attendee_id, &attendee_fields[field], value, FALSE, error);
}

gboolean
cairn_store_remove_meeting_attendee (CairnStore  *self,
                                     gint64       attendee_id,
                                     GError     **error)
{
  gint64 meeting_id = cairn_store_row_owner (self, attendee_meeting_sql, attendee_id, _("Attendee"), error);

  return meeting_id != 0 &&
         remove_row (self, meeting_id, "DELETE FROM meeting_attendance WHERE id = ?1", attendee_id, error);
}

/* ---- The agenda ---------------------------------------------------------- */

typedef struct
{
  gint64 meeting_id;
  int item;
  int sub_item;
  char *standing;
} ItemPlace;

static gboolean
item_place (CairnStore  *self,
            gint64       item_id,
            ItemPlace   *out,
            GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT meeting_id, item, sub_item, standing FROM agenda_items WHERE id = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      out->meeting_id = sqlite3_column_int64 (stmt, 0);
      out->item = sqlite3_column_int (stmt, 1);
      out->sub_item = sqlite3_column_int (stmt, 2);
      out->standing = cairn_column_dup_text (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                 _("Agenda item: no item with id %" G_GINT64_FORMAT), item_id);
  return found;
}

static int
query_int_2 (CairnStore  *self,
             const char  *sql,
             gint64       a,
             int          b)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, sql, NULL);
  int value = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int (stmt, 2, b);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Items numbered above @after move down one (to make room after it). */
static gboolean
shift_items (CairnStore  *self,
             gint64       meeting_id,
             int          after,
             int          by,
             GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "UPDATE agenda_items SET item = -(item + ?3) WHERE meeting_id = ?1 AND item > ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int (stmt, 2, after);
  sqlite3_bind_int (stmt, 3, by);
  return cairn_store_step_done (self, stmt, error) &&
         exec_id (self, "UPDATE agenda_items SET item = -item WHERE meeting_id = ?1 AND item < 0",
                  meeting_id, error);
}

static gboolean
shift_sub_items (CairnStore  *self,
                 gint64       meeting_id,
                 int          item,
                 int          after,
                 int          by,
                 GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "UPDATE agenda_items SET sub_item = -(sub_item + ?4) WHERE meeting_id = ?1 AND item = ?2"
    " AND sub_item > ?3",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int (stmt, 2, item);
  sqlite3_bind_int (stmt, 3, after);
  sqlite3_bind_int (stmt, 4, by);
  return cairn_store_step_done (self, stmt, error) &&
         exec_id (self, "UPDATE agenda_items SET sub_item = -sub_item WHERE meeting_id = ?1 AND sub_item < 0",
                  meeting_id, error);
}

static gboolean
insert_item (CairnStore       *self,
             gint64            meeting_id,
             int               item,
             int               sub_item,
             CairnAgendaItem  *agenda_item,
             GError          **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "INSERT INTO agenda_items (meeting_id, item, sub_item, title, presenter, purpose, pages, minutes,"
    " standing) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int (stmt, 2, item);
  sqlite3_bind_int (stmt, 3, sub_item);
  cairn_bind_text (stmt, 4, agenda_item->title);
  cairn_bind_text (stmt, 5, agenda_item->presenter);
  cairn_bind_text (stmt, 6, agenda_item->purpose);
  cairn_bind_text (stmt, 7, agenda_item->pages);
  cairn_bind_text (stmt, 8, agenda_item->minutes);
  cairn_bind_text_or_null (stmt, 9, agenda_item->standing);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  agenda_item->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  agenda_item->item = item;
  agenda_item->sub_item = sub_item;
  return TRUE;
}

/**
 * cairn_store_add_agenda_item:
 * @after_item_id: the item to add it after, or 0 for the end of the agenda
 *   (before the closing standing items: any other business, date of the
 *   next meeting)
 * @sub_item: add a sub-item (5a, 5b …) of the item @after_item_id is or
 *   belongs to, after it
 * @item: the title (required), presenter, purpose, pages and minutes; its
 *   id, item and sub-item numbers are set
 *
 * Adds an agenda item, numbers the items that follow on, and renumbers the
 * minutes, in one transaction.
 */
gboolean
cairn_store_add_agenda_item (CairnStore       *self,
                             gint64            meeting_id,
                             gint64            after_item_id,
                             gboolean          sub_item,
                             CairnAgendaItem  *item,
                             GError          **error)
{
  ItemPlace after = { 0 };
  int number, sub = 0;

  if (!cairn_validate_required (_("Title"), item->title, error) ||
      !cairn_validate_text (_("Minutes"), item->minutes, error) ||
      !cairn_validate_text (_("Presenter"), item->presenter, error) ||
      !cairn_validate_text (_("Purpose"), item->purpose, error) ||
      !cairn_validate_text (_("Pages"), item->pages, error))
    return FALSE;
  if (sub_item && after_item_id == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Agenda item: a sub-item belongs to an item; choose which"));
      return FALSE;
    }
  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, meeting_id, error))
    goto fail;
  if (after_item_id != 0)
    {
      if (!item_place (self, after_item_id, &after, error))
        goto fail;
      if (after.meeting_id != meeting_id)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Agenda item: item %" G_GINT64_FORMAT " is on another meeting's agenda"),
                       after_item_id);
          goto fail;
        }
    }
  if (sub_item)
    {
      number = after.item;
      sub = after.sub_item + 1;
      if (!shift_sub_items (self, meeting_id, number, after.sub_item, 1, error))
        goto fail;
    }
  else
    {
      if (after_item_id != 0)
        number = after.item + 1;
      else
        {
          /* Before the closing items; else at the end. */
          int closing = query_int_2 (self,
                                     "SELECT coalesce(min(item), 0) FROM agenda_items WHERE meeting_id = ?1"
                                     " AND ?2 = ?2 AND item > (SELECT coalesce(max(item), 0) FROM agenda_items"
                                     "  WHERE meeting_id = ?1 AND coalesce(standing, '') NOT IN"
                                     "  ('aob', 'next_meeting'))",
                                     meeting_id, 0);
          number = closing > 0 ? closing
                               : query_int_2 (self, "SELECT coalesce(max(item), 0) + 1 FROM agenda_items"
                                                    " WHERE meeting_id = ?1 AND ?2 = ?2",
                                              meeting_id, 0);
        }
      if (!shift_items (self, meeting_id, number - 1, 1, error))
        goto fail;
    }
  g_clear_pointer (&item->standing, g_free);
  if (!insert_item (self, meeting_id, number, sub, item, error) || !renumber (self, error))
    goto fail;
  g_free (after.standing);
  return cairn_store_commit (self, error);

fail:
  g_free (after.standing);
  cairn_store_rollback (self);
  item->id = 0;
  return FALSE;
}

gboolean
cairn_store_set_agenda_field (CairnStore        *self,
                              gint64             item_id,
                              CairnAgendaField   field,
                              const char        *value,
                              GError           **error)
{
  gint64 meeting_id;

  g_return_val_if_fail (field < CAIRN_AGENDA_N_FIELDS, FALSE);
  meeting_id = cairn_store_row_owner (self, item_meeting_sql, item_id, _("Agenda item"), error);
  return meeting_id != 0 && set_field (self, meeting_id, item_id, &agenda_fields[field], value, FALSE, error);
}

/**
 * cairn_store_move_agenda_item:
 * @direction: -1 up, +1 down
 *
 * Swaps an item (with its sub-items) with the item before or after it, or a
 * sub-item with its neighbour under the same item, and renumbers the
 * minutes. At either end nothing moves.
 */
gboolean
cairn_store_move_agenda_item (CairnStore  *self,
                              gint64       item_id,
                              int          direction,
                              GError     **error)
{
  ItemPlace place = { 0 };
  int other;
  gboolean ok = FALSE;

  g_return_val_if_fail (direction == -1 || direction == 1, FALSE);
  if (!item_place (self, item_id, &place, error))
    return FALSE;
  if (!cairn_store_begin (self, error))
    goto out;
  if (!require_draft (self, place.meeting_id, error))
    goto fail;
  if (place.sub_item == 0)
    {
      other = place.item + direction;
      if (other < 1 || query_int_2 (self, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1 AND item = ?2",
                                    place.meeting_id, other) == 0)
        {
          ok = cairn_store_commit (self, error);
          goto out;
        }
      if (!exec_id_int (self, "UPDATE agenda_items SET item = -1 WHERE meeting_id = ?1 AND item = ?2",
                        place.meeting_id, place.item, error) ||
          !exec_id_int (self, "UPDATE agenda_items SET item = -2 WHERE meeting_id = ?1 AND item = ?2",
                        place.meeting_id, other, error) ||
          !exec_id_int (self, "UPDATE agenda_items SET item = ?2 WHERE meeting_id = ?1 AND item = -1",
                        place.meeting_id, other, error) ||
          !exec_id_int (self, "UPDATE agenda_items SET item = ?2 WHERE meeting_id = ?1 AND item = -2",
                        place.meeting_id, place.item, error))
        goto fail;
    }
  else
    {
      sqlite3_stmt *stmt;
      other = place.sub_item + direction;
      stmt = cairn_store_prepare (
        self,
        "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1 AND item = ?2 AND sub_item = ?3", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, place.meeting_id);
      sqlite3_bind_int (stmt, 2, place.item);
      sqlite3_bind_int (stmt, 3, other);
      if (other < 1 || (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0))
        {
          sqlite3_reset (stmt);
          ok = cairn_store_commit (self, error);
          goto out;
        }
      sqlite3_reset (stmt);
      /* UNIQUE is checked row by row: swap through -1. */
      if (!exec_id_int (self, "UPDATE agenda_items SET sub_item = -1 WHERE id = ?1 AND ?2 = ?2", item_id,
                        0, error))
        goto fail;
      stmt = cairn_store_prepare (
        self, "UPDATE agenda_items SET sub_item = ?3 WHERE meeting_id = ?1 AND item = ?2 AND sub_item = ?4",
        error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, place.meeting_id);
      sqlite3_bind_int (stmt, 2, place.item);
      sqlite3_bind_int (stmt, 3, place.sub_item);
      sqlite3_bind_int (stmt, 4, other);
      if (!cairn_store_step_done (self, stmt, error) ||
          !exec_id_int (self, "UPDATE agenda_items SET sub_item = ?2 WHERE id = ?1", item_id, other, error))
        goto fail;
    }
  if (!renumber (self, error))
    goto fail;
  ok = cairn_store_commit (self, error);
  goto out;

fail:
  cairn_store_rollback (self);
out:
  g_free (place.standing);
  return ok;
}

/**
 * cairn_store_remove_agenda_item:
 *
 * Removes an item (an item with its sub-items) with its minutes,
 * resolutions and action points, closes the gap in the numbering, and
 * renumbers the minutes.
 */
gboolean
cairn_store_remove_agenda_item (CairnStore  *self,
                                gint64       item_id,
                                GError     **error)
{
  ItemPlace place = { 0 };
  gboolean ok = FALSE;

  if (!item_place (self, item_id, &place, error))
    return FALSE;
  if (!cairn_store_begin (self, error))
    goto out;
  if (!require_draft (self, place.meeting_id, error))
    goto fail;
  if (place.sub_item == 0)
    {
      if (!exec_id_int (self, "DELETE FROM agenda_items WHERE meeting_id = ?1 AND item = ?2",
                        place.meeting_id, place.item, error) ||
          !shift_items (self, place.meeting_id, place.item, -1, error))
        goto fail;
    }
  else if (!exec_id (self, "DELETE FROM agenda_items WHERE id = ?1", item_id, error) ||
           !shift_sub_items (self, place.meeting_id, place.item, place.sub_item, -1, error))
    goto fail;
  if (!renumber (self, error))
    goto fail;
  ok = cairn_store_commit (self, error);
  goto out;

fail:
  cairn_store_rollback (self);
out:
  g_free (place.standing);
  return ok;
}

gboolean
cairn_store_add_resolution (CairnStore       *self,
                            gint64            item_id,
                            CairnResolution  *resolution,
                            GError          **error)
{
  gint64 meeting_id = cairn_store_row_owner (self, item_meeting_sql, item_id, _("Agenda item"), error);
  sqlite3_stmt *stmt;

  if (meeting_id == 0 || !cairn_validate_text (_("Resolved"), resolution->body, error) ||
      !cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, meeting_id, error) ||
      (stmt = cairn_store_prepare (self, "INSERT INTO resolutions (agenda_item_id, body) VALUES (?1, ?2)",
                                   error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, item_id);
  cairn_bind_text (stmt, 2, resolution->body);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  resolution->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

gboolean
cairn_store_set_resolution (CairnStore  *self,
                            gint64       resolution_id,
                            const char  *body,
                            GError     **error)
{
  static const FieldInfo info = { N_("Resolved"), KIND_STRING,
                                  "UPDATE resolutions SET body = ?2 WHERE id = ?1" };
  gint64 meeting_id = cairn_store_row_owner (self, resolution_meeting_sql, resolution_id,
                                             _("Resolution"), error);

  return meeting_id != 0 && set_field (self, meeting_id, resolution_id, &info, body, FALSE, error);
}

gboolean
cairn_store_remove_resolution (CairnStore  *self,
                               gint64       resolution_id,
                               GError     **error)
{
  gint64 meeting_id = cairn_store_row_owner (self, resolution_meeting_sql, resolution_id,
                                             _("Resolution"), error);

  return meeting_id != 0 &&
         remove_row (self, meeting_id, "DELETE FROM resolutions WHERE id = ?1", resolution_id, error);
}

gboolean
cairn_store_add_action_point (CairnStore        *self,
                              gint64             item_id,
                              CairnActionPoint  *action,
                              GError           **error)
{
  gint64 meeting_id = cairn_store_row_owner (self, item_meeting_sql, item_id, _("Agenda item"), error);
  sqlite3_stmt *stmt;
  const char *status = action->status ? action->status : "open";

  if (meeting_id == 0 || !cairn_validate_text (_("Action"), action->action, error) ||
      !cairn_validate_text (_("Owner"), action->owner, error) ||
      !cairn_codes_check (CAIRN_CODES_ACTION_STATUS, _("Status"), status, error) ||
      !cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, meeting_id, error) ||
      (stmt = cairn_store_prepare (self,
                                   "INSERT INTO action_points (agenda_item_id, action, owner, due_on, status)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5)",
                                   error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, item_id);
  cairn_bind_text (stmt, 2, action->action);
  cairn_bind_text (stmt, 3, action->owner);
  cairn_bind_date (stmt, 4, &action->due_on);
  cairn_bind_text (stmt, 5, status);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  action->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  action->id = 0;
  return FALSE;
}

/* The status of an action; closing it dates it @closed_on. */
static gboolean
set_action_status (CairnStore   *self,
                   gint64        action_id,
                   const char   *status,
                   const GDate  *closed_on,
                   GError      **error)
{
  sqlite3_stmt *stmt;

  if (!cairn_codes_check (CAIRN_CODES_ACTION_STATUS, _("Status"), status, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self,
    "UPDATE action_points SET status = ?2,"
    " closed_on = CASE WHEN ?2 = 'closed' THEN coalesce(closed_on, ?3) ELSE NULL END WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  cairn_bind_text (stmt, 2, status);
  cairn_bind_date (stmt, 3, closed_on);
  return cairn_store_step_done (self, stmt, error);
}

gboolean
cairn_store_set_action_point_field (CairnStore             *self,
                                    gint64                  action_id,
                                    CairnActionPointField   field,
                                    const char             *value,
                                    GError                **error)
{
  gint64 meeting_id;
  GDate today;

  g_return_val_if_fail (field < CAIRN_ACTION_POINT_N_FIELDS, FALSE);
  meeting_id = cairn_store_row_owner (self, action_meeting_sql, action_id, _("Action"), error);
  if (meeting_id == 0)
    return FALSE;
  if (field != CAIRN_ACTION_POINT_FIELD_STATUS)
    return set_field (self, meeting_id, action_id, &action_fields[field], value, FALSE, error);
  cairn_store_get_today (self, &today);
  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, meeting_id, error) || !set_action_status (self, action_id, value, &today, error))
    {
      cairn_store_rollback (self);
      return FALSE;
    }
  return cairn_store_commit (self, error);
}

gboolean
cairn_store_remove_action_point (CairnStore  *self,
                                 gint64       action_id,
                                 GError     **error)
{
  gint64 meeting_id = cairn_store_row_owner (self, action_meeting_sql, action_id, _("Action"), error);

  return meeting_id != 0 &&
         remove_row (self, meeting_id, "DELETE FROM action_points WHERE id = ?1", action_id, error);
}

/* ---- Actions carried forward ---------------------------------------------- */

static const char carried_sql[] =
  "SELECT a.id, a.action, a.owner, a.due_on, a.status, a.closed_on, m.year, m.number, m.held_on,"
  " i.minute_number, u.note"
  " FROM action_points a JOIN agenda_items i ON i.id = a.agenda_item_id"
  " JOIN board_meetings m ON m.id = i.meeting_id"
  " LEFT JOIN action_point_updates u ON u.action_id = a.id AND u.meeting_id = ?1"
  " WHERE (m.held_on < ?2 OR (m.held_on = ?2 AND m.id < ?1))"
  "   AND (a.closed_on >= ?2 OR (a.closed_on IS NULL AND a.status <> 'closed'))"
  " ORDER BY m.held_on, m.id, i.item, i.sub_item, a.id";

/* Whether @action_id was carried into meeting @meeting_id (open when it was held). */
static gboolean
require_carried (CairnStore    *self,
                 gint64         meeting_id,
                 gint64         action_id,
                 MeetingState  *state,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  if (!require_draft (self, meeting_id, error) || !load_state (self, meeting_id, state, error))
    return FALSE;
  stmt = cairn_store_prepare (self, carried_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  cairn_bind_date (stmt, 2, &state->held_on);
  while (!found && sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int64 (stmt, 0) == action_id;
  sqlite3_reset (stmt);
  if (!found)
    {
      g_autofree char *ref = meeting_ref (state->year, state->number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Action: action %" G_GINT64_FORMAT " was not open at an earlier meeting when %s "
                     "was held"),
                   action_id, ref);
    }
  return found;
}

gboolean
cairn_store_set_carried_action_status (CairnStore  *self,
                                       gint64       meeting_id,
                                       gint64       action_id,
                                       const char  *status,
                                       GError     **error)
{
  g_auto (MeetingState) state = { 0 };
  sqlite3_stmt *stmt;

  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_carried (self, meeting_id, action_id, &state, error))
    goto fail;
  /* Reopened at this meeting, or closed at it: dated this meeting. */
  stmt = cairn_store_prepare (self, "UPDATE action_points SET closed_on = NULL WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, action_id);
  if (!cairn_store_step_done (self, stmt, error) ||
      !set_action_status (self, action_id, status, &state.held_on, error))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

gboolean
cairn_store_set_carried_action_note (CairnStore  *self,
                                     gint64       meeting_id,
                                     gint64       action_id,
                                     const char  *note,
                                     GError     **error)
{
  g_auto (MeetingState) state = { 0 };
  sqlite3_stmt *stmt;

  if (!cairn_validate_text (_("Update"), note, error) || !cairn_store_begin (self, error))
    return FALSE;
  if (!require_carried (self, meeting_id, action_id, &state, error))
    goto fail;
  stmt = cairn_store_prepare (
    self,
    "INSERT INTO action_point_updates (action_id, meeting_id, note) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (action_id, meeting_id) DO UPDATE SET note = excluded.note",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  cairn_bind_text (stmt, 3, note);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

/* ---- Creating and reading a meeting ------------------------------------- */

/**
 * cairn_store_create_meeting:
 * @out: (out): the new meeting's reference (BM-YYYY-NN)
 *
 * Opens a draft board meeting on @held_on with the board's members as
 * present (else the previous meeting's attendance), the previous meeting's
 * chair, venue and start time, and the standing items: apologies, the
 * minutes of the previous meeting and action points (with the usual
 * resolution), and any other business. The minutes are numbered on from
 * the previous meeting. One transaction.
 */
gboolean
cairn_store_create_meeting (CairnStore   *self,
                            const GDate  *held_on,
                            CairnRef     *out,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  int year, number = 0, item = 0;
  gint64 meeting_id, previous = 0;
  GDate previous_on;
  g_autoptr (CairnAgendaItem) apologies = cairn_agenda_item_new ();
  g_autoptr (CairnAgendaItem) minutes = cairn_agenda_item_new ();
  g_autoptr (CairnAgendaItem) aob = cairn_agenda_item_new ();

  if (!cairn_store_require (self, CAIRN_ACTION_EDIT_MEETINGS, error))
    return FALSE;
  if (!cairn_date_is_set (held_on))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Date: a date is required"));
      return FALSE;
    }
  cairn_date_clear (&previous_on);
  year = g_date_get_year (held_on);
  if (!cairn_store_begin (self, error))
    return FALSE;
  stmt = cairn_store_prepare (self, "SELECT coalesce(max(number), 0) + 1 FROM board_meetings WHERE year = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    number = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (number > MAX_MEETINGS_A_YEAR)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Date: %d already has %d board meetings"),
                   year, MAX_MEETINGS_A_YEAR);
      goto fail;
    }
  stmt = cairn_store_prepare (
    self, "SELECT id, held_on FROM board_meetings WHERE held_on <= ?1 ORDER BY held_on DESC, id DESC LIMIT 1",
    error);
  if (stmt == NULL)
    goto fail;
  cairn_bind_date (stmt, 1, held_on);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      previous = sqlite3_column_int64 (stmt, 0);
      cairn_column_date (stmt, 1, &previous_on);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "INSERT INTO board_meetings (year, number, held_on, venue, chair, starts_at, status)"
    " VALUES (?1, ?2, ?3, (SELECT venue FROM board_meetings WHERE id = ?4),"
    " (SELECT chair FROM board_meetings WHERE id = ?4), (SELECT starts_at FROM board_meetings WHERE id = ?4),"
    " 'draft')",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, number);
  cairn_bind_date (stmt, 3, held_on);
  sqlite3_bind_int64 (stmt, 4, previous);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  meeting_id = sqlite3_last_insert_rowid (cairn_store_get_db (self));

  stmt = cairn_store_prepare (
    self,
    "INSERT INTO meeting_attendance (meeting_id, name, role, agency, attendance)"
    " SELECT ?1, b.name, b.role, coalesce(a.name, ''), 'present' FROM board_members b"
    " LEFT JOIN agencies a ON a.id = b.agency_id"
    " WHERE (b.joined_on IS NULL OR b.joined_on <= ?2) AND (b.left_on IS NULL OR b.left_on > ?2)"
    " ORDER BY b.id",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  cairn_bind_date (stmt, 2, held_on);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (cairn_store_get_db (self)) == 0 && previous != 0)
    {
      stmt = cairn_store_prepare (
        self,
        "INSERT INTO meeting_attendance (meeting_id, name, role, agency, attendance)"
        " SELECT ?1, name, role, agency,"
        "  CASE attendance WHEN 'in_attendance' THEN 'in_attendance' ELSE 'present' END"
        " FROM meeting_attendance WHERE meeting_id = ?2 ORDER BY id",
        error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_int64 (stmt, 2, previous);
      if (!cairn_store_step_done (self, stmt, error))
        goto fail;
    }

  apologies->title = g_strdup (_("Apologies for absence"));
  apologies->standing = g_strdup ("apologies");
  if (!insert_item (self, meeting_id, ++item, 0, apologies, error))
    goto fail;
  if (previous != 0)
    {
      g_autoptr (CairnResolution) r = cairn_resolution_new ();
      g_autofree char *when = cairn_date_to_display (&previous_on);

      minutes->title = g_strdup (_("Minutes of the previous meeting and action points"));
      minutes->standing = g_strdup ("previous_minutes");
      minutes->purpose = g_strdup (_("For decision"));
      if (!insert_item (self, meeting_id, ++item, 0, minutes, error))
        goto fail;
      r->body = g_strdup_printf (_("That the minutes of the meeting held on %s be confirmed and agreed "
                                   "as a correct record."),
                                 when);
      stmt = cairn_store_prepare (self, "INSERT INTO resolutions (agenda_item_id, body) VALUES (?1, ?2)",
                                  error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, minutes->id);
      cairn_bind_text (stmt, 2, r->body);
      if (!cairn_store_step_done (self, stmt, error))
        goto fail;
    }
  aob->title = g_strdup (_("Any other business"));
  aob->standing = g_strdup ("aob");
  if (!insert_item (self, meeting_id, ++item, 0, aob, error) || !renumber (self, error))
    goto fail;
  if (!cairn_store_commit (self, error))
    return FALSE;
  out->kind = CAIRN_REF_MEETING;
  out->year = year;
  out->number = number;
  out->case_number = 0;
  return TRUE;

fail:
  cairn_store_rollback (self);
  return FALSE;
}

static gboolean
load_items (CairnStore    *self,
            CairnMeeting  *m,
            GError       **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT id, item, sub_item, title, presenter, purpose, pages, coalesce(minute_number, 0), minutes,"
    " standing FROM agenda_items WHERE meeting_id = ?1 ORDER BY item, sub_item",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, m->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnAgendaItem *i = cairn_agenda_item_new ();
      i->id = sqlite3_column_int64 (stmt, 0);
      i->item = sqlite3_column_int (stmt, 1);
      i->sub_item = sqlite3_column_int (stmt, 2);
      i->title = cairn_column_dup_text (stmt, 3);
      i->presenter = cairn_column_dup_text (stmt, 4);
      i->purpose = cairn_column_dup_text (stmt, 5);
      i->pages = cairn_column_dup_text (stmt, 6);
      i->minute_number = sqlite3_column_int (stmt, 7);
      i->minutes = cairn_column_dup_text (stmt, 8);
      i->standing = cairn_column_dup_text (stmt, 9);
      g_ptr_array_add (m->items, i);
    }
  sqlite3_reset (stmt);

  for (guint k = 0; k < m->items->len; k++)
    {
      CairnAgendaItem *i = g_ptr_array_index (m->items, k);

      stmt = cairn_store_prepare (self, "SELECT id, body FROM resolutions WHERE agenda_item_id = ?1 ORDER BY id",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, i->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          CairnResolution *r = cairn_resolution_new ();
          r->id = sqlite3_column_int64 (stmt, 0);
          r->body = cairn_column_dup_text (stmt, 1);
          g_ptr_array_add (i->resolutions, r);
        }
      sqlite3_reset (stmt);

      stmt = cairn_store_prepare (
        self, "SELECT id, action, owner, due_on, status, closed_on FROM action_points"
              " WHERE agenda_item_id = ?1 ORDER BY id",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, i->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          CairnActionPoint *a = cairn_action_point_new ();
          a->id = sqlite3_column_int64 (stmt, 0);
          a->action = cairn_column_dup_text (stmt, 1);
          a->owner = cairn_column_dup_text (stmt, 2);
          cairn_column_date (stmt, 3, &a->due_on);
          a->status = cairn_column_dup_text (stmt, 4);
          cairn_column_date (stmt, 5, &a->closed_on);
          a->from_minute = i->minute_number;
          g_ptr_array_add (i->actions, a);
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/**
 * cairn_store_get_meeting:
 *
 * Reads BM-@year-@number with its attendance, agenda, minutes,
 * resolutions and action points, the action points of earlier meetings
 * still open when it was held (its matters arising), the previous meeting,
 * and its issued versions, in one read transaction.
 *
 * Returns: (transfer full): the meeting, or %NULL
 */
CairnMeeting *
cairn_store_get_meeting (CairnStore  *self,
                         int          year,
                         int          number,
                         GError     **error)
{
  g_autoptr (CairnMeeting) m = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error) || !cairn_store_begin_read (self, error))
    return NULL;
  stmt = cairn_store_prepare (
    self,
    "SELECT id, held_on, starts_at, ends_at, venue, chair, status, (SELECT name FROM board WHERE id = 1)"
    " FROM board_meetings WHERE year = ?1 AND number = ?2",
    error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *ref = meeting_ref (year, number);
      sqlite3_reset (stmt);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such board meeting"), ref);
      goto out;
    }
  m = cairn_meeting_new ();
  m->id = sqlite3_column_int64 (stmt, 0);
  m->year = year;
  m->number = number;
  cairn_column_date (stmt, 1, &m->held_on);
  m->starts_at = cairn_column_dup_text (stmt, 2);
  m->ends_at = cairn_column_dup_text (stmt, 3);
  m->venue = cairn_column_dup_text (stmt, 4);
  m->chair = cairn_column_dup_text (stmt, 5);
  m->status = cairn_column_dup_text (stmt, 6);
  m->board_name = cairn_column_dup_text (stmt, 7);
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "SELECT year, number, held_on FROM board_meetings WHERE held_on < ?1 OR (held_on = ?1 AND id < ?2)"
    " ORDER BY held_on DESC, id DESC LIMIT 1",
    error);
  if (stmt == NULL)
    goto out;
  cairn_bind_date (stmt, 1, &m->held_on);
  sqlite3_bind_int64 (stmt, 2, m->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      m->previous_ref = meeting_ref (sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1));
      cairn_column_date (stmt, 2, &m->previous_held_on);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self, "SELECT id, name, role, agency, attendance FROM meeting_attendance WHERE meeting_id = ?1 ORDER BY id",
    error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, m->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnMeetingAttendee *a = cairn_meeting_attendee_new ();
      a->id = sqlite3_column_int64 (stmt, 0);
      a->name = cairn_column_dup_text (stmt, 1);
      a->role = cairn_column_dup_text (stmt, 2);
      a->agency = cairn_column_dup_text (stmt, 3);
      a->attendance = cairn_column_dup_text (stmt, 4);
      g_ptr_array_add (m->attendance, a);
    }
  sqlite3_reset (stmt);

  if (!load_items (self, m, error))
    goto out;

  stmt = cairn_store_prepare (self, carried_sql, error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, m->id);
  cairn_bind_date (stmt, 2, &m->held_on);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnActionPoint *a = cairn_action_point_new ();
      a->id = sqlite3_column_int64 (stmt, 0);
      a->action = cairn_column_dup_text (stmt, 1);
      a->owner = cairn_column_dup_text (stmt, 2);
      cairn_column_date (stmt, 3, &a->due_on);
      a->status = cairn_column_dup_text (stmt, 4);
      cairn_column_date (stmt, 5, &a->closed_on);
      a->from_ref = meeting_ref (sqlite3_column_int (stmt, 6), sqlite3_column_int (stmt, 7));
      cairn_column_date (stmt, 8, &a->from_held_on);
      a->from_minute = sqlite3_column_int (stmt, 9);
      a->update = cairn_column_dup_text (stmt, 10);
      /* As this meeting saw it: closed later is still open here. */
      if (cairn_date_is_set (&a->closed_on) && g_date_compare (&a->closed_on, &m->held_on) > 0)
        cairn_set_str (&a->status, "open");
      g_ptr_array_add (m->carried, a);
    }
  sqlite3_reset (stmt);

  if (!cairn_store_load_meeting_versions (self, m->id, m->versions, error))
    goto out;
  ok = TRUE;

out:
  cairn_store_rollback (self);
  return ok ? g_steal_pointer (&m) : NULL;
}

/* ---- Status and versions ------------------------------------------------- */

gboolean
cairn_store_approve_meeting (CairnStore  *self,
                             gint64       meeting_id,
                             GError     **error)
{
  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!require_draft (self, meeting_id, error) ||
      !exec_id (self, "UPDATE board_meetings SET status = 'approved' WHERE id = ?1", meeting_id, error))
    {
      cairn_store_rollback (self);
      return FALSE;
    }
  return cairn_store_commit (self, error);
}

gboolean
cairn_store_reopen_meeting (CairnStore  *self,
                            gint64       meeting_id,
                            const char  *correction,
                            GError     **error)
{
  g_auto (MeetingState) state = { 0 };
  g_autofree char *ref = NULL;

  if (!cairn_store_require (self, CAIRN_ACTION_EDIT_MEETINGS, error) ||
      !cairn_validate_text (_("Correction"), correction, error) || !cairn_store_begin (self, error))
    return FALSE;
  if (!load_state (self, meeting_id, &state, error))
    goto fail;
  ref = meeting_ref (state.year, state.number);
  if (!cairn_store_reopen_minutes (
        self, "UPDATE board_meetings SET status = 'draft', correction_reason = coalesce(?2, correction_reason)"
              " WHERE id = ?1",
        meeting_id, ref, state.status, correction, error))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

/**
 * cairn_store_add_meeting_version:
 * @version: the agenda or the board minutes, date of issue, SHA-256 and
 *   pages of the file; receipts as sent, or empty to send to everyone on
 *   the attendance list on the day of issue
 *
 * Records an issue of the agenda (any time) or the minutes (once approved;
 * the meeting becomes issued). A later version needs what it corrects.
 */
gboolean
cairn_store_add_meeting_version (CairnStore       *self,
                                 gint64            meeting_id,
                                 CairnDocVersion  *version,
                                 GError          **error)
{
  g_auto (MeetingState) state = { 0 };
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt;
  gboolean minutes = version->document == CAIRN_DOCUMENT_BOARD_MINUTES;

  g_return_val_if_fail (version->document == CAIRN_DOCUMENT_AGENDA || minutes, FALSE);
  if (!cairn_store_require (self, CAIRN_ACTION_EDIT_MEETINGS, error) || !cairn_store_begin (self, error))
    return FALSE;
  if (!load_state (self, meeting_id, &state, error))
    goto fail;
  ref = meeting_ref (state.year, state.number);
  if (minutes && g_strcmp0 (state.status, "approved") != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   g_strcmp0 (state.status, "issued") == 0
                     ? _("Minutes: %s are already issued; start a correction to issue a new version")
                     : _("Minutes: %s must be approved before they are issued"),
                   ref);
      goto fail;
    }
  if (version->receipts->len == 0)
    {
      stmt = cairn_store_prepare (
        self, "SELECT name, role, agency FROM meeting_attendance WHERE meeting_id = ?1 ORDER BY id", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          CairnReceipt *r = cairn_receipt_new ();
          r->name = cairn_column_dup_text (stmt, 0);
          r->role = cairn_column_dup_text (stmt, 1);
          r->agency = cairn_column_dup_text (stmt, 2);
          r->sent_on = version->issued_on;
          r->method = g_strdup ("email");
          g_ptr_array_add (version->receipts, r);
        }
      sqlite3_reset (stmt);
    }
  if (!cairn_store_insert_document_version (self, 0, meeting_id, version,
                                            minutes ? state.correction_reason : NULL, ref, error))
    goto fail;
  if (minutes && !exec_id (self, "UPDATE board_meetings SET status = 'issued', correction_reason = NULL"
                                 " WHERE id = ?1",
                           meeting_id, error))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  version->id = 0;
  version->version = 0;
  return FALSE;
}
