/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cin-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cairn-annual-store.h"
#include "cairn-audit-store.h"
#include "cairn-case-list.h"
#include "cairn-cin-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-ref.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"

/* Census import and export (cairn-cin-store.h). Every value is compared and
 * bound as text: SQLite's column affinity turns "1" into 1 in an INTEGER
 * column, and a number reads back as the same text. */

#define MAX_VALUES 11
#define EVENT_SOURCE "CIN census"

void
cairn_cin_import_summary_free (CairnCinImportSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->skips, g_ptr_array_unref);
  g_free (summary);
}

static void
skip_free (gpointer data)
{
  CairnCinSkip *skip = data;

  g_free (skip->la_child_id);
  g_free (skip->message);
  g_free (skip);
}

/* Values ------------------------------------------------------------------ */

typedef struct
{
  const char *v[MAX_VALUES];
  char buf[MAX_VALUES][24];
} Values;

static void
set_text (Values     *values,
          guint       i,
          const char *text)
{
  values->v[i] = text;
}

static void
set_date (Values      *values,
          guint        i,
          const GDate *date)
{
  if (!cairn_date_is_set (date))
    {
      values->v[i] = NULL;
      return;
    }
  cairn_date_format_into (date, values->buf[i]);
  values->v[i] = values->buf[i];
}

static void
set_int (Values *values,
         guint   i,
         gint64  n)
{
  g_snprintf (values->buf[i], sizeof values->buf[i], "%" G_GINT64_FORMAT, n);
  values->v[i] = values->buf[i];
}

static void
bind_values (sqlite3_stmt *stmt,
             int           first,
             const Values *values,
             guint         n)
{
  for (guint i = 0; i < n; i++)
    cairn_bind_text_or_null (stmt, first + (int) i, values->v[i]);
}

static gboolean
values_equal (sqlite3_stmt *stmt,
              int           first_col,
              const Values *values,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, first_col + (int) i), values->v[i]) != 0)
      return FALSE;
  return TRUE;
}

/* The import ------------------------------------------------------------- */

typedef struct
{
  CairnStore *store;
  sqlite3 *db;
  const CairnCinCensus *census;
  CairnCinImportSummary *summary;
  gint64 next_child_number;
  const CairnCinChild *child;   /* the child being imported */
  gboolean changed;             /* something of theirs changed */
  GHashTable *events;           /* "kind date" of the current case's events */
  gint64 events_case;
  GArray *changed_children;     /* ids of children already stored that changed */
} Import;

static void
add_skip (Import     *imp,
          guint       line,
          gboolean    whole_child,
          const char *format,
          ...) G_GNUC_PRINTF (4, 5);

static void
add_skip (Import     *imp,
          guint       line,
          gboolean    whole_child,
          const char *format,
          ...)
{
  CairnCinSkip *skip = g_new0 (CairnCinSkip, 1);
  va_list args;

  va_start (args, format);
  skip->message = g_strdup_vprintf (format, args);
  va_end (args);
  skip->line = line;
  skip->child_skipped = whole_child;
  skip->la_child_id = g_strdup (imp->child ? imp->child->la_child_id : NULL);
  g_ptr_array_add (imp->summary->skips, skip);
}

static sqlite3_stmt *
prepare (Import      *imp,
         const char  *sql,
         GError     **error)
{
  return cairn_store_prepare (imp->store, sql, error);
}

static gboolean
step_done (Import        *imp,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  return cairn_store_step_done (imp->store, stmt, error);
}

/* Sets of codes under one parent (disabilities, factors, specific
 * categories): the stored set becomes @codes; order is kept for new rows. */
typedef struct
{
  const char *select_sql;
  const char *delete_sql;
  const char *insert_sql;
} CodeSet;

static const CodeSet disability_set = {
  "SELECT code FROM child_disabilities WHERE child_id = ?1 ORDER BY id",
  "DELETE FROM child_disabilities WHERE child_id = ?1 AND code = ?2",
  "INSERT OR IGNORE INTO child_disabilities (child_id, code) VALUES (?1, ?2)",
};

static const CodeSet factor_set = {
  "SELECT code FROM assessment_factors WHERE assessment_id = ?1 ORDER BY id",
  "DELETE FROM assessment_factors WHERE assessment_id = ?1 AND code = ?2",
  "INSERT OR IGNORE INTO assessment_factors (assessment_id, code) VALUES (?1, ?2)",
};

static const CodeSet category_set = {
  "SELECT category FROM cp_plan_categories WHERE plan_id = ?1 ORDER BY id",
  "DELETE FROM cp_plan_categories WHERE plan_id = ?1 AND category = ?2",
  "INSERT OR IGNORE INTO cp_plan_categories (plan_id, category) VALUES (?1, ?2)",
};

static gboolean
strv_has (const char * const *codes,
          guint               n,
          const char         *code)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
sync_codes (Import             *imp,
            const CodeSet      *set,
            gint64              parent_id,
            gboolean            parent_is_new,
            const char * const *codes,
            guint               n,
            GError            **error)
{
  g_autoptr (GPtrArray) stored = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!parent_is_new)
    {
      if ((stmt = prepare (imp, set->select_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, parent_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (stored, cairn_column_dup_text (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cairn_store_set_db_error (imp->store, error, "census import");
          return FALSE;
        }
      for (guint i = 0; i < stored->len; i++)
        if (!strv_has (codes, n, stored->pdata[i]))
          {
            if ((stmt = prepare (imp, set->delete_sql, error)) == NULL)
              return FALSE;
            sqlite3_bind_int64 (stmt, 1, parent_id);
            cairn_bind_text (stmt, 2, stored->pdata[i]);
            if (!step_done (imp, stmt, error))
              return FALSE;
            imp->changed = TRUE;
          }
    }
  for (guint i = 0; i < n; i++)
    {
      gboolean have = FALSE;

      if (codes[i] == NULL)
        continue;
      for (guint k = 0; k < stored->len && !have; k++)
        have = strcmp (stored->pdata[k], codes[i]) == 0;
      if (have)
        continue;
      if ((stmt = prepare (imp, set->insert_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, parent_id);
      cairn_bind_text (stmt, 2, codes[i]);
      if (!step_done (imp, stmt, error))
        return FALSE;
      if (sqlite3_changes (imp->db) > 0)
        imp->changed = TRUE;
      g_ptr_array_add (stored, g_strdup (codes[i]));
    }
  return TRUE;
}

/* Records under one case matched by a key date (cairn-cin-store.h). The
 * select lists id, key, then the values; the insert binds ?1 the case, ?2
 * the key and ?3… the values; the update binds ?1 the id and ?3… the values. */
typedef struct
{
  const char *select_sql;
  const char *insert_sql;
  const char *update_sql;
  guint n_values;
} Table;

typedef struct
{
  char key_buf[11];
  const char *key;
  Values values;
  gint64 id;
  gboolean is_new;
  gboolean keep;    /* FALSE: left out (already noted) */
} Want;

typedef struct
{
  gint64 id;
  char *key;
  gboolean used;
  gboolean equal;   /* filled per comparison */
} Stored;

static void
want_set_key (Want        *want,
              const GDate *date)
{
  if (cairn_date_is_set (date))
    {
      cairn_date_format_into (date, want->key_buf);
      want->key = want->key_buf;
    }
  else
    want->key = NULL;
}

static gboolean
sync_table (Import       *imp,
            const Table  *table,
            gint64        case_id,
            gboolean      case_is_new,
            Want         *wants,
            guint         n,
            GError      **error)
{
  g_autoptr (GArray) stored = g_array_new (FALSE, TRUE, sizeof (Stored));
  g_autofree gint64 *matched = g_new0 (gint64, n + 1);
  sqlite3_stmt *stmt;
  int rc;

  if (n == 0)
    return TRUE;
  if (!case_is_new)
    {
      /* First pass: which stored row each wanted record is, and whether
       * its values differ (the select's values are compared while the row
       * is current). */
      g_autofree gboolean *differs = g_new0 (gboolean, n + 1);

      if ((stmt = prepare (imp, table->select_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Stored s = { sqlite3_column_int64 (stmt, 0), cairn_column_dup_text (stmt, 1), FALSE, FALSE };

          for (guint i = 0; i < n; i++)
            if (wants[i].keep && matched[i] == 0 && g_strcmp0 (wants[i].key, s.key) == 0)
              {
                matched[i] = s.id;
                differs[i] = !values_equal (stmt, 2, &wants[i].values, table->n_values);
                s.used = TRUE;
                break;
              }
          g_array_append_val (stored, s);
        }
      sqlite3_reset (stmt);
      for (guint k = 0; k < stored->len; k++)
        g_free (g_array_index (stored, Stored, k).key);
      if (rc != SQLITE_DONE)
        {
          cairn_store_set_db_error (imp->store, error, "census import");
          return FALSE;
        }
      for (guint i = 0; i < n; i++)
        {
          if (!wants[i].keep || matched[i] == 0)
            continue;
          wants[i].id = matched[i];
          wants[i].is_new = FALSE;
          if (!differs[i])
            continue;
          if ((stmt = prepare (imp, table->update_sql, error)) == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, matched[i]);
          bind_values (stmt, 3, &wants[i].values, table->n_values);
          if (!step_done (imp, stmt, error))
            return FALSE;
          imp->changed = TRUE;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      if (!wants[i].keep || matched[i] != 0)
        continue;
      if ((stmt = prepare (imp, table->insert_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      cairn_bind_text_or_null (stmt, 2, wants[i].key);
      bind_values (stmt, 3, &wants[i].values, table->n_values);
      if (!step_done (imp, stmt, error))
        return FALSE;
      wants[i].id = sqlite3_last_insert_rowid (imp->db);
      wants[i].is_new = TRUE;
      imp->changed = TRUE;
    }
  return TRUE;
}

static const Table assessment_table = {
  "SELECT id, started_on, internal_review_on, authorised_on FROM assessments"
  " WHERE case_id = ?1 ORDER BY started_on, id",
  "INSERT INTO assessments (case_id, kind, started_on, internal_review_on, authorised_on)"
  " VALUES (?1, 'single', ?2, ?3, ?4)",
  "UPDATE assessments SET internal_review_on = ?3, authorised_on = ?4 WHERE id = ?1",
  2,
};

static const Table cin_plan_table = {
  "SELECT id, started_on, ended_on FROM cin_plans WHERE case_id = ?1 ORDER BY started_on, id",
  "INSERT INTO cin_plans (case_id, started_on, ended_on) VALUES (?1, ?2, ?3)",
  "UPDATE cin_plans SET ended_on = ?3 WHERE id = ?1",
  1,
};

static const Table s47_table = {
  "SELECT id, started_on, icpc_target_on, icpc_on, icpc_not_required, cin_year FROM s47_enquiries"
  " WHERE case_id = ?1 ORDER BY started_on, id",
  "INSERT INTO s47_enquiries (case_id, started_on, icpc_target_on, icpc_on, icpc_not_required, cin_year)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  "UPDATE s47_enquiries SET icpc_target_on = ?3, icpc_on = ?4, icpc_not_required = ?5, cin_year = ?6"
  " WHERE id = ?1",
  4,
};

static const Table cp_plan_table = {
  "SELECT id, started_on, ended_on, initial_category, latest_category, previous_plans FROM cp_plans"
  " WHERE case_id = ?1 ORDER BY started_on, id",
  "INSERT INTO cp_plans (case_id, started_on, ended_on, initial_category, latest_category,"
  " previous_plans) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  "UPDATE cp_plans SET ended_on = ?3, initial_category = ?4, latest_category = ?5,"
  " previous_plans = ?6 WHERE id = ?1",
  4,
};

static const Table pre_proceedings_table = {
  "SELECT id, started_on, letter_before_proceedings_on, fgdm_meeting_offer, fgdm_meeting_facilitated,"
  " initial_meeting_on, review_meetings, step_decision_on, outcome, court_application_on,"
  " letter_initial_cp_on FROM cin_pre_proceedings WHERE case_id = ?1 ORDER BY started_on, id",
  "INSERT INTO cin_pre_proceedings (case_id, started_on, letter_before_proceedings_on,"
  " fgdm_meeting_offer, fgdm_meeting_facilitated, initial_meeting_on, review_meetings,"
  " step_decision_on, outcome, court_application_on, letter_initial_cp_on)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  "UPDATE cin_pre_proceedings SET letter_before_proceedings_on = ?3, fgdm_meeting_offer = ?4,"
  " fgdm_meeting_facilitated = ?5, initial_meeting_on = ?6, review_meetings = ?7,"
  " step_decision_on = ?8, outcome = ?9, court_application_on = ?10, letter_initial_cp_on = ?11"
  " WHERE id = ?1",
  9,
};

/* Events: the chronology the pathway's timers run on. One event per kind
 * and day; an event already recorded (by the census or by hand) is never
 * added twice. */
static gboolean
load_events (Import    *imp,
             gint64     case_id,
             gboolean   case_is_new,
             GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_hash_table_remove_all (imp->events);
  imp->events_case = case_id;
  if (case_is_new)
    return TRUE;
  if ((stmt = prepare (imp, "SELECT kind || ' ' || substr(occurred_at, 1, 10) FROM events"
                            " WHERE case_id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (imp->events, cairn_column_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (imp->store, error, "census import");
      return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_event (Import      *imp,
              const char  *kind,
              const char  *day,
              GError     **error)
{
  char *key;
  sqlite3_stmt *stmt;

  if (day == NULL)
    return TRUE;
  key = g_strconcat (kind, " ", day, NULL);
  if (g_hash_table_contains (imp->events, key))
    {
      g_free (key);
      return TRUE;
    }
  g_hash_table_add (imp->events, key);
  if ((stmt = prepare (imp, "INSERT INTO events (case_id, kind, occurred_at, recorded_by)"
                            " VALUES (?1, ?2, ?3, '" EVENT_SOURCE "')", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, imp->events_case);
  cairn_bind_text (stmt, 2, kind);
  cairn_bind_text (stmt, 3, day);
  if (!step_done (imp, stmt, error))
    return FALSE;
  imp->changed = TRUE;
  return TRUE;
}

static gboolean
ensure_event_date (Import      *imp,
                   const char  *kind,
                   const GDate *date,
                   GError     **error)
{
  char buf[11];

  if (!cairn_date_is_set (date))
    return TRUE;
  cairn_date_format_into (date, buf);
  return ensure_event (imp, kind, buf, error);
}

static gboolean
is_category (const char *code)
{
  static const char *const codes[] = { "NEG", "PHY", "EMO", "SAB", "MUL" };

  for (gsize i = 0; code != NULL && i < G_N_ELEMENTS (codes); i++)
    if (strcmp (code, codes[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *
flag_value (CairnCinFlag flag)
{
  return flag == CAIRN_CIN_FLAG_TRUE ? "1" : "0";
}

static gboolean
import_reviews (Import                       *imp,
                gint64                        plan_id,
                gboolean                      plan_is_new,
                const CairnCinProtectionPlan *plan,
                GError                      **error)
{
  g_autoptr (GPtrArray) stored = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!plan_is_new && plan->n_reviews > 0)
    {
      if ((stmt = prepare (imp, "SELECT review_on FROM cp_reviews WHERE plan_id = ?1", error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plan_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (stored, cairn_column_dup_text (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cairn_store_set_db_error (imp->store, error, "census import");
          return FALSE;
        }
    }
  for (guint r = 0; r < plan->n_reviews; r++)
    {
      const CairnCinReview *review = &plan->reviews[r];
      char day[11];
      gboolean have = FALSE;

      if (!cairn_date_is_set (&review->date))
        {
          add_skip (imp, review->line, FALSE, _("CPPreviewDate: missing; the review was not kept"));
          continue;
        }
      cairn_date_format_into (&review->date, day);
      /* Matched as a multiset: two reviews on one day are two rows. */
      for (guint k = 0; k < stored->len && !have; k++)
        if (stored->pdata[k] != NULL && strcmp (stored->pdata[k], day) == 0)
          {
            g_free (stored->pdata[k]);
            stored->pdata[k] = NULL;
            have = TRUE;
          }
      if (!have)
        {
          if ((stmt = prepare (imp, "INSERT INTO cp_reviews (plan_id, review_on) VALUES (?1, ?2)",
                               error)) == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, plan_id);
          cairn_bind_text (stmt, 2, day);
          if (!step_done (imp, stmt, error))
            return FALSE;
          imp->changed = TRUE;
        }
      if (!ensure_event (imp, "review_conference", day, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_case_records (Import                *imp,
                     const CairnCinEpisode *ep,
                     gint64                 case_id,
                     gboolean               case_is_new,
                     GError               **error)
{
  g_autofree Want *wants = NULL;
  guint n;

  /* Assessments */
  n = ep->n_assessments;
  wants = g_new0 (Want, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const CairnCinAssessment *a = &ep->assessments[i];

      want_set_key (&wants[i], &a->start_date);
      wants[i].keep = wants[i].key != NULL;
      if (!wants[i].keep)
        add_skip (imp, a->line, FALSE, _("AssessmentActualStartDate: missing; the assessment was not kept"));
      set_date (&wants[i].values, 0, &a->internal_review_date);
      set_date (&wants[i].values, 1, &a->authorisation_date);
    }
  if (!sync_table (imp, &assessment_table, case_id, case_is_new, wants, n, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const CairnCinAssessment *a = &ep->assessments[i];

      if (!wants[i].keep)
        continue;
      if (!sync_codes (imp, &factor_set, wants[i].id, wants[i].is_new, a->factors, a->n_factors, error) ||
          !ensure_event (imp, "assessment_start", wants[i].key, error) ||
          !ensure_event_date (imp, "assessment_complete", &a->authorisation_date, error))
        return FALSE;
    }
  g_clear_pointer (&wants, g_free);

  /* CIN plans */
  n = ep->n_cin_plans;
  wants = g_new0 (Want, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const CairnCinPlan *p = &ep->cin_plans[i];

      want_set_key (&wants[i], &p->start_date);
      wants[i].keep = wants[i].key != NULL;
      if (!wants[i].keep)
        add_skip (imp, p->line, FALSE, _("CINPlanStartDate: missing; the CIN plan was not kept"));
      set_date (&wants[i].values, 0, &p->end_date);
    }
  if (!sync_table (imp, &cin_plan_table, case_id, case_is_new, wants, n, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (wants[i].keep &&
        (!ensure_event (imp, "cin_plan_start", wants[i].key, error) ||
         !ensure_event_date (imp, "cin_plan_end", &ep->cin_plans[i].end_date, error)))
      return FALSE;
  g_clear_pointer (&wants, g_free);

  /* Section 47 enquiries */
  n = ep->n_section47s;
  wants = g_new0 (Want, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const CairnCinSection47 *s = &ep->section47s[i];

      want_set_key (&wants[i], &s->start_date);
      wants[i].keep = wants[i].key != NULL;
      if (!wants[i].keep)
        add_skip (imp, s->line, FALSE, _("S47ActualStartDate: missing; the enquiry was not kept"));
      else if (s->icpc_not_required_flag == CAIRN_CIN_FLAG_MISSING ||
               s->icpc_not_required_flag == CAIRN_CIN_FLAG_INVALID)
        add_skip (imp, s->line, FALSE, _("ICPCnotRequired: \"%s\" is not true or false; kept as false"),
                  s->icpc_not_required ? s->icpc_not_required : "");
      set_date (&wants[i].values, 0, &s->initial_cpc_target);
      set_date (&wants[i].values, 1, &s->initial_cpc_date);
      set_text (&wants[i].values, 2, flag_value (s->icpc_not_required_flag));
      if (imp->census->year > 0)
        set_int (&wants[i].values, 3, imp->census->year);
    }
  if (!sync_table (imp, &s47_table, case_id, case_is_new, wants, n, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (wants[i].keep &&
        (!ensure_event (imp, "s47_start", wants[i].key, error) ||
         !ensure_event_date (imp, "icpc", &ep->section47s[i].initial_cpc_date, error)))
      return FALSE;
  g_clear_pointer (&wants, g_free);

  /* Child protection plans, their categories and reviews */
  n = ep->n_protection_plans;
  wants = g_new0 (Want, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const CairnCinProtectionPlan *p = &ep->protection_plans[i];

      want_set_key (&wants[i], &p->start_date);
      wants[i].keep = FALSE;
      if (wants[i].key == NULL)
        add_skip (imp, p->line, FALSE, _("CPPstartDate: missing; the plan was not kept"));
      else if (!is_category (p->initial_category))
        add_skip (imp, p->line, FALSE,
                  _("InitialCategoryOfAbuse: \"%s\" is not a category of abuse; the plan was not kept"),
                  p->initial_category ? p->initial_category : "");
      else if (!is_category (p->latest_category))
        add_skip (imp, p->line, FALSE,
                  _("LatestCategoryOfAbuse: \"%s\" is not a category of abuse; the plan was not kept"),
                  p->latest_category ? p->latest_category : "");
      else
        wants[i].keep = TRUE;
      if (wants[i].keep && p->n_previous_plans < 0)
        add_skip (imp, p->line, FALSE, _("NumberOfPreviousCPP: \"%s\" is not a number; kept as 0"),
                  p->previous_plans ? p->previous_plans : "");
      set_date (&wants[i].values, 0, &p->end_date);
      set_text (&wants[i].values, 1, p->initial_category);
      set_text (&wants[i].values, 2, p->latest_category);
      set_int (&wants[i].values, 3, MAX (p->n_previous_plans, 0));
    }
  if (!sync_table (imp, &cp_plan_table, case_id, case_is_new, wants, n, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const CairnCinProtectionPlan *p = &ep->protection_plans[i];

      if (!wants[i].keep)
        continue;
      /* A single latest category is the plan's one specific category; MUL
       * says only "more than one", so what is known (or nothing) stays. */
      if (strcmp (p->latest_category, "MUL") != 0)
        {
          const char *codes[1] = { p->latest_category };

          if (!sync_codes (imp, &category_set, wants[i].id, wants[i].is_new, codes, 1, error))
            return FALSE;
        }
      if (!ensure_event (imp, "cp_plan_start", wants[i].key, error) ||
          !ensure_event_date (imp, "cp_plan_end", &p->end_date, error) ||
          !import_reviews (imp, wants[i].id, wants[i].is_new, p, error))
        return FALSE;
    }
  g_clear_pointer (&wants, g_free);

  /* Pre-proceedings (2025-26), kept as read */
  n = ep->n_pre_proceedings;
  wants = g_new0 (Want, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const CairnCinPreProceedings *pp = &ep->pre_proceedings[i];
      Values *v = &wants[i].values;

      want_set_key (&wants[i], &pp->start_date);
      wants[i].keep = TRUE;
      set_date (v, 0, &pp->letter_before_proceedings);
      set_text (v, 1, pp->fgdm_meeting_offer);
      set_text (v, 2, pp->fgdm_meeting_facilitated);
      set_date (v, 3, &pp->initial_meeting_date);
      set_text (v, 4, pp->review_meetings);
      set_date (v, 5, &pp->step_decision_date);
      set_text (v, 6, pp->outcome);
      set_date (v, 7, &pp->court_application_date);
      set_date (v, 8, &pp->letter_initial_cp_date);
    }
  return sync_table (imp, &pre_proceedings_table, case_id, case_is_new, wants, n, error);
}

typedef struct
{
  gint64 id;
  int number;
  char *opened_on;
  gboolean used;
} StoredCase;

static void
stored_case_clear (gpointer data)
{
  g_free (((StoredCase *) data)->opened_on);
}

#define CASE_VALUES 3  /* closed_on, closure_reason, initial_cpc_on */
#define REFERRAL_VALUES 3 /* source_code, primary_need_code, nfa */

static gboolean
import_episode (Import                *imp,
                gint64                 child_id,
                guint                  episode_number,
                const CairnCinEpisode *ep,
                GArray                *cases,
                int                   *next_case_number,
                GError               **error)
{
  Values case_values = { { 0 } };
  Values referral_values = { { 0 } };
  char referral_day[11];
  StoredCase *match = NULL;
  sqlite3_stmt *stmt;
  gint64 case_id;
  gboolean case_is_new;
  int year = imp->census->year;

  if (!cairn_date_is_set (&ep->referral_date))
    {
      add_skip (imp, ep->line, FALSE, _("CINreferralDate: missing; the episode was not kept"));
      return TRUE;
    }
  if (ep->referral_nfa_flag == CAIRN_CIN_FLAG_MISSING || ep->referral_nfa_flag == CAIRN_CIN_FLAG_INVALID)
    add_skip (imp, ep->line, FALSE, _("ReferralNFA: \"%s\" is not true or false; kept as false"),
              ep->referral_nfa ? ep->referral_nfa : "");
  cairn_date_format_into (&ep->referral_date, referral_day);
  set_date (&case_values, 0, &ep->closure_date);
  set_text (&case_values, 1, ep->closure_reason);
  set_date (&case_values, 2, &ep->initial_cpc_date);
  set_text (&referral_values, 0, ep->referral_source);
  set_text (&referral_values, 1, ep->primary_need);
  set_text (&referral_values, 2, flag_value (ep->referral_nfa_flag));

  for (guint i = 0; i < cases->len && match == NULL; i++)
    {
      StoredCase *c = &g_array_index (cases, StoredCase, i);

      if (!c->used && strcmp (c->opened_on, referral_day) == 0)
        match = c;
    }

  if (match == NULL)
    {
      if ((stmt = prepare (imp, "INSERT INTO cases (child_id, number, opened_on, closed_on, closure_reason,"
                                " initial_cpc_on, cin_details_id, cin_year) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                                " ?7, ?8)", error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, child_id);
      sqlite3_bind_int (stmt, 2, (*next_case_number)++);
      cairn_bind_text (stmt, 3, referral_day);
      bind_values (stmt, 4, &case_values, CASE_VALUES);
      sqlite3_bind_int (stmt, 7, (int) episode_number);
      if (year > 0)
        sqlite3_bind_int (stmt, 8, year);
      else
        sqlite3_bind_null (stmt, 8);
      if (!step_done (imp, stmt, error))
        return FALSE;
      case_id = sqlite3_last_insert_rowid (imp->db);
      case_is_new = TRUE;
      imp->changed = TRUE;
      imp->summary->cases_added++;
    }
  else
    {
      gboolean case_changed = FALSE;
      int rc;

      match->used = TRUE;
      case_id = match->id;
      case_is_new = FALSE;
      if ((stmt = prepare (imp, "SELECT closed_on, closure_reason, initial_cpc_on, cin_details_id, cin_year"
                                " FROM cases WHERE id = ?1", error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          case_changed = !values_equal (stmt, 0, &case_values, CASE_VALUES);
          /* The episode's position in this census: bookkeeping, not a change. */
          if (sqlite3_column_int (stmt, 3) != (int) episode_number || sqlite3_column_int (stmt, 4) != year)
            rc = SQLITE_DONE + 1000;
        }
      sqlite3_reset (stmt);
      if (case_changed || rc == SQLITE_DONE + 1000)
        {
          if ((stmt = prepare (imp, "UPDATE cases SET closed_on = ?2, closure_reason = ?3, initial_cpc_on = ?4,"
                                    " cin_details_id = ?5, cin_year = ?6 WHERE id = ?1", error)) == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, case_id);
          bind_values (stmt, 2, &case_values, CASE_VALUES);
          sqlite3_bind_int (stmt, 5, (int) episode_number);
          if (year > 0)
            sqlite3_bind_int (stmt, 6, year);
          else
            sqlite3_bind_null (stmt, 6);
          if (!step_done (imp, stmt, error))
            return FALSE;
        }
      if (case_changed)
        {
          imp->changed = TRUE;
          imp->summary->cases_updated++;
        }
    }

  /* The referral that opened the episode: its first one. */
  {
    gint64 referral_id = 0;
    gboolean differs = FALSE;
    int rc;

    if (!case_is_new)
      {
        if ((stmt = prepare (imp, "SELECT id, source_code, primary_need_code, nfa FROM referrals"
                                  " WHERE case_id = ?1 ORDER BY received_at, id LIMIT 1", error)) == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, case_id);
        rc = sqlite3_step (stmt);
        if (rc == SQLITE_ROW)
          {
            referral_id = sqlite3_column_int64 (stmt, 0);
            differs = !values_equal (stmt, 1, &referral_values, REFERRAL_VALUES);
          }
        sqlite3_reset (stmt);
      }
    if (referral_id == 0)
      {
        if ((stmt = prepare (imp, "INSERT INTO referrals (case_id, received_at, source_code,"
                                  " primary_need_code, nfa) VALUES (?1, ?2, ?3, ?4, ?5)", error)) == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, case_id);
        cairn_bind_text (stmt, 2, referral_day);
        bind_values (stmt, 3, &referral_values, REFERRAL_VALUES);
        if (!step_done (imp, stmt, error))
          return FALSE;
        imp->changed = TRUE;
      }
    else if (differs)
      {
        if ((stmt = prepare (imp, "UPDATE referrals SET source_code = ?3, primary_need_code = ?4, nfa = ?5"
                                  " WHERE id = ?1", error)) == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, referral_id);
        bind_values (stmt, 3, &referral_values, REFERRAL_VALUES);
        if (!step_done (imp, stmt, error))
          return FALSE;
        imp->changed = TRUE;
      }
  }

  if (!load_events (imp, case_id, case_is_new, error) ||
      !ensure_event (imp, "referral", referral_day, error) ||
      (ep->referral_nfa_flag == CAIRN_CIN_FLAG_TRUE && !ensure_event (imp, "nfa", referral_day, error)) ||
      !import_case_records (imp, ep, case_id, case_is_new, error) ||
      !ensure_event_date (imp, "case_closed", &ep->closure_date, error))
    return FALSE;
  return TRUE;
}

#define CHILD_VALUES 9 /* upn … ethnicity, bound from ?3 */

static const char *
sex_from_gender (const char *gender)
{
  if (g_strcmp0 (gender, "1") == 0)
    return "M";
  if (g_strcmp0 (gender, "2") == 0)
    return "F";
  return NULL;
}

static gboolean
is_sex (const char *sex)
{
  return g_strcmp0 (sex, "M") == 0 || g_strcmp0 (sex, "F") == 0 || g_strcmp0 (sex, "U") == 0;
}

static gboolean
import_child (Import               *imp,
              const CairnCinChild  *child,
              GHashTable           *seen,
              GError              **error)
{
  Values values = { { 0 } };
  g_autoptr (GArray) cases = NULL;
  g_autofree char *stored_sex = NULL;
  g_autofree char *stored_gender = NULL;
  sqlite3_stmt *stmt;
  gint64 child_id = 0;
  gboolean is_new;
  gboolean differs = FALSE;
  int next_case_number = 1;
  const char *sex;
  int rc;

  imp->child = child;
  imp->changed = FALSE;
  if (child->la_child_id == NULL)
    {
      add_skip (imp, child->line, TRUE, _("LAchildID: missing; the child was not imported"));
      imp->summary->skipped++;
      return TRUE;
    }
  if (g_hash_table_contains (seen, child->la_child_id))
    {
      add_skip (imp, child->line, TRUE, _("LAchildID: \"%s\" appears twice (first at line %u); "
                                          "this one was not imported"),
                child->la_child_id, GPOINTER_TO_UINT (g_hash_table_lookup (seen, child->la_child_id)));
      imp->summary->skipped++;
      return TRUE;
    }
  g_hash_table_insert (seen, (gpointer) child->la_child_id, GUINT_TO_POINTER (child->line));
  if (!cairn_date_is_set (&child->birth_date) && !cairn_date_is_set (&child->expected_birth_date))
    {
      add_skip (imp, child->line, TRUE,
                _("PersonBirthDate: missing, and no ExpectedPersonBirthDate; the child was not imported"));
      imp->summary->skipped++;
      return TRUE;
    }

  if ((stmt = prepare (imp, "SELECT id, upn, former_upn, upn_unknown, date_of_birth, expected_birth_date,"
                            " date_of_death, sex, gender_current, ethnicity FROM children"
                            " WHERE la_child_id = ?1", error)) == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, child->la_child_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      child_id = sqlite3_column_int64 (stmt, 0);
      stored_sex = cairn_column_dup_text (stmt, 7);
      stored_gender = cairn_column_dup_text (stmt, 8);
    }
  /* Compared below, once the values are set; keep the row current. */
  is_new = child_id == 0;

  /* Sex from Sex (2024-25 on), else from GenderCurrent 1 or 2; otherwise
   * what Cairn holds stays (unknown for a new child). GenderCurrent is kept
   * as written when the file has it. */
  sex = NULL;
  if (child->sex != NULL)
    {
      if (is_sex (child->sex))
        sex = child->sex;
      else
        add_skip (imp, child->line, FALSE, _("Sex: \"%s\" is not M, F or U; not kept"), child->sex);
    }
  if (sex == NULL)
    sex = sex_from_gender (child->gender_current);
  if (sex == NULL)
    sex = stored_sex ? stored_sex : "U";

  set_text (&values, 0, child->upn);
  set_text (&values, 1, child->former_upn);
  set_text (&values, 2, child->upn_unknown);
  set_date (&values, 3, &child->birth_date);
  set_date (&values, 4, &child->expected_birth_date);
  set_date (&values, 5, &child->death_date);
  set_text (&values, 6, sex);
  set_text (&values, 7, child->gender_current ? child->gender_current : stored_gender);
  set_text (&values, 8, child->ethnicity);
  if (!is_new)
    differs = !values_equal (stmt, 1, &values, CHILD_VALUES);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (imp->store, error, "census import");
      return FALSE;
    }

  if (is_new)
    {
      if ((stmt = prepare (imp, "INSERT INTO children (number, family_name, la_child_id, upn, former_upn,"
                                " upn_unknown, date_of_birth, expected_birth_date, date_of_death, sex,"
                                " gender_current, ethnicity) VALUES (?1, '', ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                                " ?9, ?10, ?11)", error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, imp->next_child_number++);
      cairn_bind_text (stmt, 2, child->la_child_id);
      bind_values (stmt, 3, &values, CHILD_VALUES);
      if (!step_done (imp, stmt, error))
        return FALSE;
      child_id = sqlite3_last_insert_rowid (imp->db);
      imp->changed = TRUE;
    }
  else if (differs)
    {
      if ((stmt = prepare (imp, "UPDATE children SET upn = ?3, former_upn = ?4, upn_unknown = ?5,"
                                " date_of_birth = ?6, expected_birth_date = ?7, date_of_death = ?8,"
                                " sex = ?9, gender_current = ?10, ethnicity = ?11 WHERE id = ?1",
                           error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, child_id);
      bind_values (stmt, 3, &values, CHILD_VALUES);
      if (!step_done (imp, stmt, error))
        return FALSE;
      imp->changed = TRUE;
    }

  if (!sync_codes (imp, &disability_set, child_id, is_new, child->disabilities, child->n_disabilities,
                   error))
    return FALSE;

  cases = g_array_new (FALSE, TRUE, sizeof (StoredCase));
  g_array_set_clear_func (cases, stored_case_clear);
  if (!is_new)
    {
      if ((stmt = prepare (imp, "SELECT id, number, opened_on FROM cases WHERE child_id = ?1"
                                " ORDER BY opened_on, number", error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, child_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          StoredCase c = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                           cairn_column_dup_text (stmt, 2), FALSE };

          next_case_number = MAX (next_case_number, c.number + 1);
          g_array_append_val (cases, c);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cairn_store_set_db_error (imp->store, error, "census import");
          return FALSE;
        }
    }
  for (guint e = 0; e < child->n_episodes; e++)
    if (!import_episode (imp, child_id, e + 1, &child->episodes[e], cases, &next_case_number, error))
      return FALSE;
  if (child->n_unattached_plans > 0)
    add_skip (imp, child->unattached_plans[0].line, FALSE,
              _("ChildProtectionPlans: outside any CINdetails; not kept"));

  if (is_new)
    imp->summary->added++;
  else if (imp->changed)
    {
      imp->summary->updated++;
      g_array_append_val (imp->changed_children, child_id);
    }
  else
    imp->summary->unchanged++;
  return TRUE;
}

static gboolean
record_import (Import      *imp,
               const char  *sha256,
               GError     **error)
{
  const CairnCinCensus *c = imp->census;
  CairnCinImportSummary *s = imp->summary;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *user = cairn_store_get_user_name (imp->store);
  sqlite3_stmt *stmt;

  if ((stmt = prepare (imp, "INSERT INTO cin_imports (imported_at, imported_by, file_name, sha256, year,"
                            " reference_date, lea, software_code, release, serial_no, date_time,"
                            " children_added, children_updated, children_unchanged, children_skipped)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                       error)) == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, at);
  cairn_bind_text (stmt, 2, user ? user : "");
  cairn_bind_text (stmt, 3, c->name ? c->name : "");
  cairn_bind_text (stmt, 4, sha256 ? sha256 : "");
  if (c->year > 0)
    sqlite3_bind_int (stmt, 5, c->year);
  else
    sqlite3_bind_null (stmt, 5);
  cairn_bind_date (stmt, 6, &c->reference_date);
  cairn_bind_text_or_null (stmt, 7, c->lea);
  cairn_bind_text_or_null (stmt, 8, c->software_code);
  cairn_bind_text_or_null (stmt, 9, c->release);
  cairn_bind_text_or_null (stmt, 10, c->serial_no);
  cairn_bind_text_or_null (stmt, 11, c->date_time);
  sqlite3_bind_int (stmt, 12, (int) s->added);
  sqlite3_bind_int (stmt, 13, (int) s->updated);
  sqlite3_bind_int (stmt, 14, (int) s->unchanged);
  sqlite3_bind_int (stmt, 15, (int) s->skipped);
  return step_done (imp, stmt, error);
}

static char *
import_details (Import     *imp,
                const char *sha256)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  const CairnCinImportSummary *s = imp->summary;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "cin-census");
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, imp->census->name ? imp->census->name : "");
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, imp->census->year);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256 ? sha256 : "");
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, s->added);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, s->updated);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, s->unchanged);
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, s->skipped);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* The board's LA code, else the LEA of the census last imported; %NULL
 * when the board has neither (a new board). */
static gboolean
board_lea (CairnStore  *self,
           char       **out,
           GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "SELECT coalesce(nullif((SELECT la_code FROM board WHERE id = 1), ''),"
                                                  " (SELECT lea FROM cin_imports ORDER BY id DESC LIMIT 1))",
                                            error);
  int rc;

  *out = NULL;
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *out = g_strdup (cairn_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_store_import_cin_census:
 * @census: a census read with cairn_cin_census_read_file()
 * @sha256: (nullable): the SHA-256 of the file, for the audit trail
 * @progress: (nullable): called as children are imported
 * @cancellable: (nullable): cancels the import (nothing is then written)
 *
 * Maps every census field into Cairn's tables (cairn-cin-store.h for the
 * keys) in one transaction, with one audit entry and one row of
 * cin_imports. On any error, or when cancelled, the database is unchanged.
 * A census with failures of the DfE rules is imported as it is (validate it
 * first to show them); what cannot be stored at all is listed in the
 * summary's skips. Needs %CAIRN_ACTION_IMPORT.
 *
 * Returns: (transfer full): what was added, updated, unchanged and skipped,
 *   or %NULL with @error set
 */
CairnCinImportSummary *
cairn_store_import_cin_census (CairnStore                 *self,
                               const CairnCinCensus       *census,
                               const char                 *sha256,
                               CairnCinImportProgressFunc  progress,
                               gpointer                    user_data,
                               GCancellable               *cancellable,
                               GError                    **error)
{
  g_autoptr (CairnCinImportSummary) summary = g_new0 (CairnCinImportSummary, 1);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) changed_children = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 first_new_case = 1;
  Import imp = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  g_return_val_if_fail (CAIRN_IS_STORE (self), NULL);
  g_return_val_if_fail (census != NULL, NULL);

  if (!cairn_store_require (self, CAIRN_ACTION_IMPORT, error))
    return NULL;
  /* LAchildIDs are unique only within one authority: children of another
   * authority's return would be matched with this board's by mistake. */
  {
    g_autofree char *lea = NULL;

    if (!board_lea (self, &lea, error))
      return NULL;
    if (lea != NULL && census->lea != NULL && *census->lea != '\0' && strcmp (lea, census->lea) != 0)
      {
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                     _("LEA: this census return is local authority %s's and this board's is %s; "
                       "children are matched by LAchildID, which is unique only within one authority, "
                       "so nothing was imported"),
                     census->lea, lea);
        return NULL;
      }
  }
  summary->skips = g_ptr_array_new_with_free_func (skip_free);
  summary->total = census->n_children;
  imp.store = self;
  imp.db = cairn_store_get_db (self);
  imp.census = census;
  imp.summary = summary;
  imp.events = events;
  imp.changed_children = changed_children;

  if (!cairn_store_begin (self, error))
    return NULL;
  /* Bulk work (cairn_store_drop_row_triggers()): one audit entry for the
   * whole import, and the case index brought up to date once at the end,
   * for the cases added and the children changed. */
  cairn_store_audit_begin_bulk (self, NULL);
  ok = cairn_store_drop_row_triggers (self, error);

  if (ok && (stmt = prepare (&imp, "SELECT (SELECT coalesce(max(number), 0) + 1 FROM children),"
                                   " (SELECT coalesce(max(id), 0) + 1 FROM cases)", error)) == NULL)
    ok = FALSE;
  else if (ok)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          imp.next_child_number = sqlite3_column_int64 (stmt, 0);
          first_new_case = sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; ok && i < census->n_children; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      ok = import_child (&imp, &census->children[i], seen, error);
      if (ok && progress != NULL && ((i + 1) % 64 == 0 || i + 1 == census->n_children) &&
          !progress (i + 1, census->n_children, user_data))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("%s: import cancelled"),
                       census->name ? census->name : "census");
          ok = FALSE;
        }
    }
  imp.child = NULL;

  if (ok)
    ok = cairn_store_index_cases (self, first_new_case, changed_children, error);
  /* The annual statistics counted so far may no longer hold. */
  if (ok && (summary->added > 0 || summary->updated > 0))
    ok = cairn_store_annual_invalidate (self, error);
  if (ok)
    ok = cairn_store_restore_row_triggers (self, error);
  if (ok)
    ok = record_import (&imp, sha256, error);
  if (ok)
    {
      g_autofree char *details = import_details (&imp, sha256);

      ok = cairn_store_audit_end_bulk (self, "import_cin", details, error);
    }
  else
    cairn_store_audit_cancel_bulk (self);
  if (ok)
    ok = cairn_store_commit (self, error);
  else
    cairn_store_rollback (self);
  if (!ok)
    return NULL;
  return g_steal_pointer (&summary);
}

/* The export -------------------------------------------------------------- */

static const char *
chunk (CairnCinCensus *census,
       const char     *text)
{
  return text ? g_string_chunk_insert_const (census->strings, text) : NULL;
}

static const char *
column_chunk (CairnCinCensus *census,
              sqlite3_stmt   *stmt,
              int             col)
{
  return chunk (census, (const char *) sqlite3_column_text (stmt, col));
}

/* A date column, unset when it is after @end (not yet known on the census
 * date). */
static void
column_date_until (sqlite3_stmt *stmt,
                   int           col,
                   const GDate  *end,
                   GDate        *out)
{
  cairn_column_date (stmt, col, out);
  if (cairn_date_is_set (out) && g_date_compare (out, end) > 0)
    cairn_date_clear (out);
}

static const char **
split_codes (CairnCinCensus *census,
             const char     *joined,
             guint          *n)
{
  g_auto (GStrv) parts = NULL;
  const char **codes;
  guint count;

  *n = 0;
  if (joined == NULL || *joined == '\0')
    return NULL;
  parts = g_strsplit (joined, " ", -1);
  count = g_strv_length (parts);
  codes = g_new0 (const char *, count + 1);
  for (guint i = 0; i < count; i++)
    codes[i] = chunk (census, parts[i]);
  *n = count;
  return codes;
}

typedef struct
{
  CairnStore *store;
  CairnCinCensus *census;
  GDate start;
  GDate end;
  char start_text[11];
  char end_text[11];
} Export;

#define EXPORT_STEP(exp, stmt, rc, error)                                                          \
  G_STMT_START {                                                                                   \
    if ((rc) != SQLITE_DONE)                                                                       \
      {                                                                                            \
        cairn_store_set_db_error ((exp)->store, (error), "census export");                          \
        return FALSE;                                                                              \
      }                                                                                            \
  } G_STMT_END

static gboolean
export_episode (Export          *exp,
                gint64           case_id,
                CairnCinEpisode *ep,
                GError         **error)
{
  CairnCinCensus *census = exp->census;
  g_autoptr (GArray) assessments = g_array_new (FALSE, TRUE, sizeof (CairnCinAssessment));
  g_autoptr (GArray) cin_plans = g_array_new (FALSE, TRUE, sizeof (CairnCinPlan));
  g_autoptr (GArray) s47s = g_array_new (FALSE, TRUE, sizeof (CairnCinSection47));
  g_autoptr (GArray) plans = g_array_new (FALSE, TRUE, sizeof (CairnCinProtectionPlan));
  g_autoptr (GArray) pps = g_array_new (FALSE, TRUE, sizeof (CairnCinPreProceedings));
  sqlite3_stmt *stmt;
  int rc;

  /* Assessments going on or completed in the year. */
  if ((stmt = cairn_store_prepare (exp->store,
                                   "SELECT a.started_on, a.internal_review_on, a.authorised_on,"
                                   " (SELECT group_concat(code, ' ') FROM (SELECT code FROM assessment_factors f"
                                   "   WHERE f.assessment_id = a.id ORDER BY f.id))"
                                   " FROM assessments a WHERE a.case_id = ?1 AND a.started_on <= ?3"
                                   " AND (a.authorised_on IS NULL OR a.authorised_on >= ?2)"
                                   " ORDER BY a.started_on, a.id", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_text (stmt, 2, exp->start_text);
  cairn_bind_text (stmt, 3, exp->end_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnCinAssessment a = { 0 };

      cairn_column_date (stmt, 0, &a.start_date);
      column_date_until (stmt, 1, &exp->end, &a.internal_review_date);
      column_date_until (stmt, 2, &exp->end, &a.authorisation_date);
      /* Factors belong to a completed assessment (rule 8614). */
      if (cairn_date_is_set (&a.authorisation_date))
        a.factors = split_codes (census, (const char *) sqlite3_column_text (stmt, 3), &a.n_factors);
      a.has_factors_element = a.n_factors > 0;
      g_array_append_val (assessments, a);
    }
  sqlite3_reset (stmt);
  EXPORT_STEP (exp, stmt, rc, error);

  if ((stmt = cairn_store_prepare (exp->store,
                                   "SELECT started_on, ended_on FROM cin_plans WHERE case_id = ?1"
                                   " AND started_on <= ?3 AND (ended_on IS NULL OR ended_on >= ?2)"
                                   " ORDER BY started_on, id", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_text (stmt, 2, exp->start_text);
  cairn_bind_text (stmt, 3, exp->end_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnCinPlan p = { 0 };

      cairn_column_date (stmt, 0, &p.start_date);
      column_date_until (stmt, 1, &exp->end, &p.end_date);
      g_array_append_val (cin_plans, p);
    }
  sqlite3_reset (stmt);
  EXPORT_STEP (exp, stmt, rc, error);

  /* Enquiries started in the year, or still open (no conference yet) or
   * ending in it. */
  if ((stmt = cairn_store_prepare (exp->store,
                                   "SELECT started_on, icpc_target_on, icpc_on, icpc_not_required FROM s47_enquiries"
                                   " WHERE case_id = ?1 AND started_on <= ?3 AND (started_on >= ?2 OR icpc_on >= ?2"
                                   "  OR (icpc_on IS NULL AND (completed_on >= ?2 OR (completed_on IS NULL"
                                   "   AND (icpc_not_required = 0 OR cin_year = ?4)))))"
                                   " ORDER BY started_on, id", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_text (stmt, 2, exp->start_text);
  cairn_bind_text (stmt, 3, exp->end_text);
  sqlite3_bind_int (stmt, 4, exp->census->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnCinSection47 s = { 0 };

      cairn_column_date (stmt, 0, &s.start_date);
      cairn_column_date (stmt, 1, &s.initial_cpc_target);
      column_date_until (stmt, 2, &exp->end, &s.initial_cpc_date);
      s.icpc_not_required_flag = sqlite3_column_int (stmt, 3) ? CAIRN_CIN_FLAG_TRUE : CAIRN_CIN_FLAG_FALSE;
      s.icpc_not_required = s.icpc_not_required_flag == CAIRN_CIN_FLAG_TRUE ? "true" : "false";
      g_array_append_val (s47s, s);
    }
  sqlite3_reset (stmt);
  EXPORT_STEP (exp, stmt, rc, error);

  if ((stmt = cairn_store_prepare (exp->store,
                                   "SELECT p.started_on, p.ended_on, p.initial_category, p.latest_category,"
                                   " p.previous_plans, (SELECT group_concat(review_on, ' ') FROM"
                                   "  (SELECT review_on FROM cp_reviews r WHERE r.plan_id = p.id AND r.review_on <= ?3"
                                   "   ORDER BY r.review_on, r.id))"
                                   " FROM cp_plans p WHERE p.case_id = ?1 AND p.started_on <= ?3"
                                   " AND (p.ended_on IS NULL OR p.ended_on >= ?2) ORDER BY p.started_on, p.id",
                                   error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_text (stmt, 2, exp->start_text);
  cairn_bind_text (stmt, 3, exp->end_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnCinProtectionPlan p = { 0 };
      g_auto (GStrv) reviews = NULL;
      const char *joined = (const char *) sqlite3_column_text (stmt, 5);

      cairn_column_date (stmt, 0, &p.start_date);
      column_date_until (stmt, 1, &exp->end, &p.end_date);
      p.initial_category = column_chunk (census, stmt, 2);
      p.latest_category = column_chunk (census, stmt, 3);
      p.n_previous_plans = sqlite3_column_int (stmt, 4);
      p.previous_plans = column_chunk (census, stmt, 4);
      if (joined != NULL && *joined != '\0')
        {
          reviews = g_strsplit (joined, " ", -1);
          p.n_reviews = g_strv_length (reviews);
          p.reviews = g_new0 (CairnCinReview, p.n_reviews);
          for (guint r = 0; r < p.n_reviews; r++)
            cairn_date_parse ("CPPreviewDate", reviews[r], &p.reviews[r].date, NULL);
        }
      g_array_append_val (plans, p);
    }
  sqlite3_reset (stmt);
  EXPORT_STEP (exp, stmt, rc, error);

  if ((stmt = cairn_store_prepare (exp->store,
                                   "SELECT started_on, letter_before_proceedings_on, fgdm_meeting_offer,"
                                   " fgdm_meeting_facilitated, initial_meeting_on, review_meetings, step_decision_on,"
                                   " outcome, court_application_on, letter_initial_cp_on FROM cin_pre_proceedings"
                                   " WHERE case_id = ?1 AND (started_on IS NULL OR started_on <= ?3)"
                                   " ORDER BY started_on, id", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  cairn_bind_text (stmt, 3, exp->end_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnCinPreProceedings pp = { 0 };

      cairn_column_date (stmt, 0, &pp.start_date);
      cairn_column_date (stmt, 1, &pp.letter_before_proceedings);
      pp.fgdm_meeting_offer = column_chunk (census, stmt, 2);
      pp.fgdm_meeting_facilitated = column_chunk (census, stmt, 3);
      cairn_column_date (stmt, 4, &pp.initial_meeting_date);
      pp.review_meetings = column_chunk (census, stmt, 5);
      cairn_column_date (stmt, 6, &pp.step_decision_date);
      pp.outcome = column_chunk (census, stmt, 7);
      cairn_column_date (stmt, 8, &pp.court_application_date);
      cairn_column_date (stmt, 9, &pp.letter_initial_cp_date);
      g_array_append_val (pps, pp);
    }
  sqlite3_reset (stmt);
  EXPORT_STEP (exp, stmt, rc, error);

  ep->n_assessments = assessments->len;
  ep->assessments = ep->n_assessments ? (CairnCinAssessment *) g_array_free (g_steal_pointer (&assessments), FALSE) : NULL;
  ep->n_cin_plans = cin_plans->len;
  ep->cin_plans = ep->n_cin_plans ? (CairnCinPlan *) g_array_free (g_steal_pointer (&cin_plans), FALSE) : NULL;
  ep->n_section47s = s47s->len;
  ep->section47s = ep->n_section47s ? (CairnCinSection47 *) g_array_free (g_steal_pointer (&s47s), FALSE) : NULL;
  ep->n_protection_plans = plans->len;
  ep->protection_plans = ep->n_protection_plans ? (CairnCinProtectionPlan *) g_array_free (g_steal_pointer (&plans), FALSE) : NULL;
  ep->n_pre_proceedings = pps->len;
  ep->pre_proceedings = ep->n_pre_proceedings ? (CairnCinPreProceedings *) g_array_free (g_steal_pointer (&pps), FALSE) : NULL;
  return TRUE;
}

static gboolean
export_child (Export        *exp,
              gint64         child_id,
              CairnCinChild *child,
              GError       **error)
{
  g_autoptr (GArray) episodes = g_array_new (FALSE, TRUE, sizeof (CairnCinEpisode));
  g_autoptr (GArray) case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  /* Episodes open at any time in the year. */
  if ((stmt = cairn_store_prepare (exp->store,
                                   "SELECT c.id, c.opened_on, c.closed_on, c.closure_reason, c.initial_cpc_on,"
                                   " r.source_code, r.primary_need_code, r.nfa FROM cases c"
                                   " LEFT JOIN referrals r ON r.id = (SELECT id FROM referrals WHERE case_id = c.id"
                                   "  ORDER BY received_at, id LIMIT 1)"
                                   " WHERE c.child_id = ?1 AND c.opened_on <= ?3"
                                   " AND (c.closed_on IS NULL OR c.closed_on >= ?2)"
                                   " ORDER BY c.opened_on, c.number", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, child_id);
  cairn_bind_text (stmt, 2, exp->start_text);
  cairn_bind_text (stmt, 3, exp->end_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnCinEpisode ep = { 0 };
      gint64 id = sqlite3_column_int64 (stmt, 0);

      cairn_column_date (stmt, 1, &ep.referral_date);
      column_date_until (stmt, 2, &exp->end, &ep.closure_date);
      if (cairn_date_is_set (&ep.closure_date))
        ep.closure_reason = column_chunk (exp->census, stmt, 3);
      column_date_until (stmt, 4, &exp->end, &ep.initial_cpc_date);
      ep.referral_source = column_chunk (exp->census, stmt, 5);
      ep.primary_need = column_chunk (exp->census, stmt, 6);
      ep.referral_nfa_flag = sqlite3_column_int (stmt, 7) ? CAIRN_CIN_FLAG_TRUE : CAIRN_CIN_FLAG_FALSE;
      ep.referral_nfa = ep.referral_nfa_flag == CAIRN_CIN_FLAG_TRUE ? "true" : "false";
      g_array_append_val (episodes, ep);
      g_array_append_val (case_ids, id);
    }
  sqlite3_reset (stmt);
  EXPORT_STEP (exp, stmt, rc, error);

  child->n_episodes = episodes->len;
  child->episodes = (CairnCinEpisode *) g_array_free (g_steal_pointer (&episodes), FALSE);
  for (guint e = 0; e < child->n_episodes; e++)
    if (!export_episode (exp, g_array_index (case_ids, gint64, e), &child->episodes[e], error))
      return FALSE;
  return TRUE;
}

static const char *
gender_from_sex (const char *sex)
{
  if (g_strcmp0 (sex, "M") == 0)
    return "1";
  if (g_strcmp0 (sex, "F") == 0)
    return "2";
  return "9";
}

/**
 * cairn_store_export_cin_census:
 * @year: the collection year (2024 for the 2023-24 census)
 *
 * The census return for @year from Cairn's records: every child with an
 * episode open at any time from 1 April to 31 March, with the episodes,
 * assessments, plans and enquiries of that year as they stood on
 * 31 March (a date after it is not yet known: a case closed later is
 * returned open). Children without an LAchildID are returned under their
 * Cairn reference. The elements follow the rule set of @year (GenderCurrent
 * up to 2023-24, Sex from 2024-25). Needs %CAIRN_ACTION_EXPORT.
 *
 * Returns: (transfer full): the census, or %NULL with @error set
 */
CairnCinCensus *
cairn_store_export_cin_census (CairnStore    *self,
                               int            year,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr (CairnCinCensus) census = g_new0 (CairnCinCensus, 1);
  g_autoptr (GArray) children = g_array_new (FALSE, TRUE, sizeof (CairnCinChild));
  g_autoptr (GArray) child_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *year_text = g_strdup_printf ("%d", year);
  GDate today;
  char today_text[11];
  g_autofree char *date_time = NULL;
  Export exp = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (CAIRN_IS_STORE (self), NULL);

  if (!cairn_store_require (self, CAIRN_ACTION_EXPORT, error))
    return NULL;
  census->strings = g_string_chunk_new (64 * 1024);
  census->name = g_strdup ("export");
  exp.store = self;
  exp.census = census;
  cairn_date_set_ymd (&exp.start, year - 1, 4, 1);
  cairn_date_set_ymd (&exp.end, year, 3, 31);
  cairn_date_format_into (&exp.start, exp.start_text);
  cairn_date_format_into (&exp.end, exp.end_text);

  census->collection = chunk (census, "CIN");
  census->year_text = chunk (census, year_text);
  census->year = year;
  census->reference_date = exp.end;
  census->source_level = chunk (census, "L");
  census->software_code = chunk (census, "Cairn");
  census->release = chunk (census, PACKAGE_VERSION);
  census->serial_no = chunk (census, "1");
  /* The day of the export, as Cairn's "today" (CAIRN_TODAY, a demo's date). */
  if (!cairn_store_get_today_checked (self, &today, error))
    return NULL;
  cairn_date_format_into (&today, today_text);
  date_time = g_strconcat (today_text, "T00:00:00", NULL);
  census->date_time = chunk (census, date_time);

  if (!cairn_store_begin_read (self, error))
    return NULL;
  {
    g_autofree char *lea = NULL;

    if (!board_lea (self, &lea, error))
      ok = FALSE;
    else if (lea != NULL)
      census->lea = chunk (census, lea);
  }

  if (ok && (stmt = cairn_store_prepare (self,
                                         "SELECT ch.id, ch.number, ch.la_child_id, ch.upn, ch.former_upn, ch.upn_unknown,"
                                         " ch.date_of_birth, ch.expected_birth_date, ch.sex, ch.gender_current,"
                                         " ch.date_of_death, ch.ethnicity,"
                                         " (SELECT group_concat(code, ' ') FROM (SELECT code FROM child_disabilities d"
                                         "   WHERE d.child_id = ch.id ORDER BY d.id))"
                                         " FROM children ch WHERE EXISTS (SELECT 1 FROM cases c WHERE c.child_id = ch.id"
                                         "  AND c.opened_on <= ?2 AND (c.closed_on IS NULL OR c.closed_on >= ?1))"
                                         " ORDER BY ch.number", error)) == NULL)
    ok = FALSE;
  if (ok)
    {
      cairn_bind_text (stmt, 1, exp.start_text);
      cairn_bind_text (stmt, 2, exp.end_text);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          CairnCinChild child = { 0 };
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *la_child_id = (const char *) sqlite3_column_text (stmt, 2);
          const char *sex = (const char *) sqlite3_column_text (stmt, 8);
          gboolean unborn;

          if (la_child_id != NULL)
            child.la_child_id = chunk (census, la_child_id);
          else
            {
              g_autofree char *ref = cairn_child_ref_format (sqlite3_column_int64 (stmt, 1));
              child.la_child_id = chunk (census, ref);
            }
          child.upn = column_chunk (census, stmt, 3);
          child.former_upn = column_chunk (census, stmt, 4);
          child.upn_unknown = column_chunk (census, stmt, 5);
          /* Born after the census date: unborn on it. */
          column_date_until (stmt, 6, &exp.end, &child.birth_date);
          cairn_column_date (stmt, 7, &child.expected_birth_date);
          if (!cairn_date_is_set (&child.birth_date) && !cairn_date_is_set (&child.expected_birth_date))
            cairn_column_date (stmt, 6, &child.expected_birth_date);
          if (cairn_date_is_set (&child.birth_date))
            cairn_date_clear (&child.expected_birth_date);
          unborn = !cairn_date_is_set (&child.birth_date);
          if (year >= 2025)
            child.sex = chunk (census, unborn ? "U" : sex);
          else
            {
              const char *gender = (const char *) sqlite3_column_text (stmt, 9);

              if (unborn)
                gender = "0";
              else if (gender == NULL)
                gender = gender_from_sex (sex);
              child.gender_current = chunk (census, gender);
            }
          column_date_until (stmt, 10, &exp.end, &child.death_date);
          child.ethnicity = column_chunk (census, stmt, 11);
          child.disabilities = split_codes (census, (const char *) sqlite3_column_text (stmt, 12),
                                            &child.n_disabilities);
          child.has_disabilities_element = child.n_disabilities > 0;
          g_array_append_val (children, child);
          g_array_append_val (child_ids, id);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          cairn_store_set_db_error (self, error, "census export");
          ok = FALSE;
        }
    }
  census->n_children = children->len;
  census->children = (CairnCinChild *) g_array_free (g_steal_pointer (&children), FALSE);
  for (guint i = 0; ok && i < census->n_children; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = export_child (&exp, g_array_index (child_ids, gint64, i), &census->children[i], error);
    }
  cairn_store_rollback (self);
  if (!ok)
    return NULL;
  return g_steal_pointer (&census);
}

/**
 * cairn_store_dup_cin_case_ref:
 * @referral_date: (nullable): the episode's CINreferralDate, or %NULL for
 *   the child's latest case
 *
 * The reference of the case a census finding is about: the child with
 * @la_child_id and the case opened on @referral_date (C-000123/2), or the
 * child's reference when no such case is stored.
 *
 * Returns: (transfer full): the reference, or %NULL with @error set
 *   (%CAIRN_ERROR_NOT_FOUND when no child has that LAchildID)
 */
char *
cairn_store_dup_cin_case_ref (CairnStore  *self,
                              const char  *la_child_id,
                              const GDate *referral_date,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 child_number = 0;
  gint64 case_number = 0;
  char day[11] = "";
  int rc;

  g_return_val_if_fail (CAIRN_IS_STORE (self), NULL);

  if (la_child_id == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("LAchildID: missing"));
      return NULL;
    }
  if (referral_date != NULL && cairn_date_is_set (referral_date))
    cairn_date_format_into (referral_date, day);
  if ((stmt = cairn_store_prepare (self,
                                   "SELECT ch.number, (SELECT c.number FROM cases c WHERE c.child_id = ch.id"
                                   "  AND (?2 = '' OR c.opened_on = ?2) ORDER BY c.opened_on DESC, c.number DESC LIMIT 1)"
                                   " FROM children ch WHERE ch.la_child_id = ?1", error)) == NULL)
    return NULL;
  cairn_bind_text (stmt, 1, la_child_id);
  cairn_bind_text (stmt, 2, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      child_number = sqlite3_column_int64 (stmt, 0);
      case_number = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, "LAchildID");
      return NULL;
    }
  if (child_number == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("LAchildID: \"%s\" is not in the database"),
                   la_child_id);
      return NULL;
    }
  if (case_number > 0)
    return cairn_case_ref_format (child_number, (int) case_number);
  return cairn_child_ref_format (child_number);
}
