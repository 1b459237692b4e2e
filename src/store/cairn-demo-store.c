/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-demo-store"

#include "config.h"

#include <string.h>

#include "cairn-audit-store.h"
#include "cairn-date.h"
#include "cairn-demo-store.h"
#include "cairn-error.h"
#include "cairn-store-private.h"

/* Conferences are written in the order the generator meets them (family by
 * family), not in date order. They get temporary numbers above this, and
 * cairn_demo_writer_number_conferences() numbers each year's conferences
 * 1, 2, 3 … in date order, as a board would have numbered them as they
 * were held. */
#define TEMP_CONFERENCE_NUMBER 1000000000

typedef enum
{
  STMT_SETTING,
  STMT_BOARD,
  STMT_AGENCY,
  STMT_PROFESSIONAL,
  STMT_BOARD_MEMBER,
  STMT_CHILD,
  STMT_DISABILITY,
  STMT_PERSON,
  STMT_RELATIONSHIP,
  STMT_CHILD_LINK,
  STMT_EXTERNAL_LINK,
  STMT_CASE,
  STMT_REFERRAL,
  STMT_ASSESSMENT,
  STMT_ASSESSMENT_FACTOR,
  STMT_CIN_PLAN,
  STMT_STRATEGY,
  STMT_S47,
  STMT_LEGAL_ORDER,
  STMT_CONFERENCE,
  STMT_CONFERENCE_SUBJECT,
  STMT_SUBJECT_CATEGORY,
  STMT_ATTENDEE,
  STMT_PLAN,
  STMT_PLAN_CATEGORY,
  STMT_PLAN_REVIEW,
  STMT_CORE_GROUP_MEMBER,
  STMT_CORE_GROUP_MEETING,
  STMT_EVENT,
  STMT_SCR,
  STMT_SCR_PANEL_MEMBER,
  STMT_SCR_IMR,
  STMT_SCR_SECTION,
  STMT_SCR_RECOMMENDATION,
  STMT_SCR_ACTION,
  STMT_SCR_ACTION_HISTORY,
  STMT_SCR_PSEUDONYM,
  STMT_SCR_RELEASE,
  STMT_MEETING,
  STMT_MEETING_ATTENDANCE,
  STMT_AGENDA_ITEM,
  STMT_RESOLUTION,
  STMT_ACTION_POINT,
  STMT_CONFERENCE_CORE_GROUP,
  STMT_PLAN_ACTION,
  STMT_ACTION_UPDATE,
  STMT_CHILD_POPULATION,
  STMT_CONTACTS,
  STMT_CHILD_DEATHS,
  STMT_PRIVATE_FOSTERING,
  STMT_TRAINING,
  STMT_CONTRIBUTION,
  STMT_SPENDING,
  STMT_PRIORITY,
  STMT_RECIPIENT,
  STMT_NARRATIVE,
  N_STMTS
} Stmt;

static const char *const statements[N_STMTS] = {
  [STMT_SETTING] = "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  [STMT_BOARD] = "INSERT INTO board (id, name, area, la_code, child_population, conference_quorum)"
                 " VALUES (1, ?1, ?2, ?3, ?4, ?5)",
  [STMT_AGENCY] = "INSERT INTO agencies (code, name, kind) VALUES (?1, ?2, ?3)",
  [STMT_PROFESSIONAL] = "INSERT INTO professionals (name, role, agency_id, team,"
                        " qualified_social_worker) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_BOARD_MEMBER] = "INSERT INTO board_members (name, role, agency_id, lay_member, joined_on,"
                        " left_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_CHILD] =
    "INSERT INTO children (number, given_name, family_name, other_names, aliases, date_of_birth,"
    " expected_birth_date, date_of_death, sex, ethnicity, religion, first_language,"
    " interpreter_needed, nhs_number, la_child_id, upn, former_upn, upn_unknown, address, postcode,"
    " school, gp, legal_status, looked_after, transferred_in)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
    " ?20, ?21, ?22, ?23, ?24, ?25)",
  [STMT_DISABILITY] = "INSERT INTO child_disabilities (child_id, code) VALUES (?1, ?2)",
  [STMT_PERSON] = "INSERT INTO people (given_name, family_name, aliases, date_of_birth, sex, address,"
                  " postcode, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_RELATIONSHIP] = "INSERT INTO relationships (child_id, person_id, relationship,"
                        " parental_responsibility, lives_with_child, poses_risk, notes)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_CHILD_LINK] = "INSERT INTO child_links (child_id, other_child_id, relationship)"
                      " VALUES (?1, ?2, ?3)",
  [STMT_EXTERNAL_LINK] = "INSERT INTO external_child_links (child_id, other_reference,"
                         " other_given_name, other_family_name, other_date_of_birth, relationship)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_CASE] = "INSERT INTO cases (child_id, number, opened_on, closed_on, closure_reason,"
                " lead_worker_id, team, initial_cpc_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_REFERRAL] = "INSERT INTO referrals (case_id, received_at, channel, source_code,"
                    " source_agency_id, referrer_name, concern, primary_need_code, decision,"
                    " decided_at, nfa) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [STMT_ASSESSMENT] = "INSERT INTO assessments (case_id, kind, started_on, internal_review_on,"
                      " authorised_on, social_worker_id, child_seen, outcome)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_ASSESSMENT_FACTOR] = "INSERT INTO assessment_factors (assessment_id, code) VALUES (?1, ?2)",
  [STMT_CIN_PLAN] = "INSERT INTO cin_plans (case_id, started_on, ended_on) VALUES (?1, ?2, ?3)",
  [STMT_STRATEGY] = "INSERT INTO strategy_discussions (case_id, held_at, format, s47_decision,"
                    " criminal_investigation, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_S47] = "INSERT INTO s47_enquiries (case_id, strategy_discussion_id, started_on,"
               " completed_on, icpc_target_on, icpc_on, icpc_not_required, outcome)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_LEGAL_ORDER] = "INSERT INTO legal_orders (case_id, kind, started_at, ended_at, court)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_CONFERENCE] =
    "INSERT INTO conferences (year, number, kind, held_at, venue, chair_id, minute_taker, quorate,"
    " quorate_reason, status, parents_views, child_views, strengths, risks)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
  [STMT_CONFERENCE_SUBJECT] =
    "INSERT INTO conference_subjects (conference_id, case_id, likely_significant_harm,"
    " plan_decision, lead_worker_id, outline_plan, contingency_plan, dissent, next_review_on)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_SUBJECT_CATEGORY] = "INSERT INTO conference_subject_categories (subject_id, category)"
                            " VALUES (?1, ?2)",
  [STMT_ATTENDEE] = "INSERT INTO conference_attendees (conference_id, name, role, agency_id,"
                    " attendance, contribution) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_PLAN] = "INSERT INTO cp_plans (case_id, started_on, ended_on, end_reason, initial_category,"
                " latest_category, previous_plans, lead_worker_id, contingency_plan)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_PLAN_CATEGORY] = "INSERT INTO cp_plan_categories (plan_id, category) VALUES (?1, ?2)",
  [STMT_PLAN_REVIEW] = "INSERT INTO cp_reviews (plan_id, review_on) VALUES (?1, ?2)",
  [STMT_CORE_GROUP_MEMBER] = "INSERT INTO core_group_members (plan_id, professional_id)"
                             " VALUES (?1, ?2)",
  [STMT_CORE_GROUP_MEETING] = "INSERT INTO core_group_meetings (plan_id, held_on, notes)"
                              " VALUES (?1, ?2, ?3)",
  [STMT_EVENT] = "INSERT INTO events (case_id, kind, occurred_at, planned, outcome, recorded_by,"
                 " child_seen, seen_alone, not_seen_alone_reason, notes, exception_reason,"
                 " late_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  [STMT_SCR] =
    "INSERT INTO scrs (year, number, child_id, title, criterion, trigger_summary, incident_on,"
    " notified_on, decision, decision_on, stage, lscb_chair, panel_chair, overview_author,"
    " independence_statement, parallel_processes, family_involvement, scope_from, scope_to,"
    " completed_on, sent_to_ofsted_on, published_on, date_display)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
    " ?20, ?21, ?22, coalesce (?23, 'month_year'))",
  [STMT_SCR_PANEL_MEMBER] = "INSERT INTO scr_panel_members (scr_id, name, job_title, organisation)"
                            " VALUES (?1, ?2, ?3, ?4)",
  [STMT_SCR_IMR] = "INSERT INTO scr_imrs (scr_id, agency_id, author, received_on)"
                   " VALUES (?1, ?2, ?3, ?4)",
  [STMT_SCR_SECTION] = "INSERT INTO scr_sections (scr_id, section, body) VALUES (?1, ?2, ?3)",
  [STMT_SCR_RECOMMENDATION] = "INSERT INTO scr_recommendations (scr_id, number, body, source)"
                              " VALUES (?1, ?2, ?3, ?4)",
  [STMT_SCR_ACTION] = "INSERT INTO scr_actions (recommendation_id, action, agencies, responsible,"
                      " monitored_by, due_on, status, progress, completed_on, evaluation)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [STMT_SCR_ACTION_HISTORY] = "INSERT INTO scr_action_history (action_id, as_of, status, progress)"
                              " VALUES (?1, ?2, ?3, ?4)",
  [STMT_SCR_PSEUDONYM] = "INSERT INTO scr_pseudonyms (scr_id, subject_key, pseudonym)"
                         " VALUES (?1, ?2, ?3)",
  [STMT_SCR_RELEASE] = "INSERT INTO scr_releases (scr_id, word, panel_member_id, reason, released_on)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_MEETING] = "INSERT INTO board_meetings (year, number, held_on, venue, chair, status, starts_at,"
                   " ends_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_MEETING_ATTENDANCE] = "INSERT INTO meeting_attendance (meeting_id, name, role, agency,"
                              " attendance) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_AGENDA_ITEM] = "INSERT INTO agenda_items (meeting_id, item, sub_item, title, presenter,"
                       " purpose, pages, minute_number, minutes, standing)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [STMT_RESOLUTION] = "INSERT INTO resolutions (agenda_item_id, body) VALUES (?1, ?2)",
  [STMT_ACTION_POINT] = "INSERT INTO action_points (agenda_item_id, action, owner, due_on, status,"
                        " closed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  /* The core group a conference named, by name, from the professionals it chose. */
  [STMT_CONFERENCE_CORE_GROUP] = "INSERT INTO conference_core_group (subject_id, name, role, agency)"
                                 " SELECT ?1, p.name, p.role, a.name FROM professionals p"
                                 " JOIN agencies a ON a.id = p.agency_id WHERE p.id = ?2",
  [STMT_PLAN_ACTION] = "INSERT INTO conference_plan_actions (subject_id, action, owner, due_on, due_text)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_ACTION_UPDATE] = "INSERT INTO action_point_updates (action_id, meeting_id, note) VALUES (?1, ?2, ?3)",
  [STMT_CHILD_POPULATION] = "INSERT INTO child_population (year, children, source) VALUES (?1, ?2, ?3)",
  [STMT_CONTACTS] = "INSERT INTO contacts (year, source_code, contacts) VALUES (?1, ?2, ?3)",
  [STMT_CHILD_DEATHS] = "INSERT INTO child_death_reviews (year, notified, reviewed, unexpected, modifiable)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_PRIVATE_FOSTERING] = "INSERT INTO private_fostering (year, notifications, arrangements)"
                             " VALUES (?1, ?2, ?3)",
  [STMT_TRAINING] = "INSERT INTO training_courses (year, title, multi_agency, sessions, attendees)"
                    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_CONTRIBUTION] = "INSERT INTO partner_contributions (year, agency_id, amount_pence, in_kind)"
                        " VALUES (?1, ?2, ?3, ?4)",
  [STMT_SPENDING] = "INSERT INTO board_spending (year, category, amount_pence, notes) VALUES (?1, ?2, ?3, ?4)",
  [STMT_PRIORITY] = "INSERT INTO priority_issues (year, position, title, progress) VALUES (?1, ?2, ?3, ?4)",
  [STMT_RECIPIENT] = "INSERT INTO report_recipients (year, recipient, name, sent_on) VALUES (?1, ?2, ?3, ?4)",
  [STMT_NARRATIVE] = "INSERT INTO annual_narratives (year, section, body) VALUES (?1, ?2, ?3)",
};

static const char renumber_conferences[] =
  "UPDATE conferences SET number = ranked.n"
  " FROM (SELECT id, row_number () OVER (PARTITION BY year ORDER BY held_at, id) AS n"
  "       FROM conferences) AS ranked"
  " WHERE conferences.id = ranked.id";

#define MAX_PARAMS 32

struct _CairnDemoWriter
{
  CairnStore *store;
  sqlite3 *db;
  sqlite3_stmt *stmts[N_STMTS];
  /* Dates and times are formatted here, one buffer per parameter, and
   * bound without a copy: they stay put until the statement has run. */
  char text[MAX_PARAMS][17];
  GError *error;
  gint64 n_conferences;
  gboolean in_transaction;
};

CairnDemoWriter *
cairn_demo_writer_new (CairnStore  *store,
                       GError     **error)
{
  CairnDemoWriter *self = g_new0 (CairnDemoWriter, 1);

  self->store = g_object_ref (store);
  self->db = cairn_store_get_db (store);
  /* Prepared once; the store's cache owns them. */
  for (int i = 0; i < N_STMTS; i++)
    if ((self->stmts[i] = cairn_store_prepare (store, statements[i], error)) == NULL)
      {
        cairn_demo_writer_free (self);
        return NULL;
      }
  return self;
}

void
cairn_demo_writer_free (CairnDemoWriter *self)
{
  if (self == NULL)
    return;
  if (self->in_transaction)
    cairn_demo_writer_rollback (self);
  g_clear_error (&self->error);
  g_clear_object (&self->store);
  g_free (self);
}

/**
 * cairn_demo_writer_begin:
 *
 * Prepares the connection for one large transaction and starts it
 * (BEGIN IMMEDIATE). Until cairn_demo_writer_commit() nothing the
 * generator writes is visible, and a process killed half way leaves the
 * database as it was before (the store's migrations, no records).
 */
gboolean
cairn_demo_writer_begin (CairnDemoWriter  *self,
                         GError          **error)
{
  /* A fresh file: a rollback journal holds only the pages the transaction
   * overwrites, which for a new database is almost nothing, so the pages
   * are written once, straight into the file. In WAL mode each page would
   * be written twice: into the WAL, then checkpointed into the file.
   * SIGKILL and power loss still roll the whole transaction back (the hot
   * journal is replayed on the next open), so crash safety is unchanged;
   * WAL is restored after the commit. A 256 MiB page cache keeps the index
   * B-trees (NHS numbers, events by case) in memory. Temporary files stay
   * on disk: the finishing work (the pathway's summaries, the accounts)
   * runs in savepoints, whose sub-journal then holds every page it touches,
   * and SQLite's in-memory journal seeks from its start on every access. */
  if (!cairn_store_exec (self->store,
                         "PRAGMA journal_mode = DELETE;"
                         "PRAGMA cache_size = -262144",
                         error))
    return FALSE;
  if (!cairn_store_begin (self->store, error))
    return FALSE;
  self->in_transaction = TRUE;
  /* The row triggers go for the transaction (cairn_store_drop_row_triggers()). */
  if (!cairn_store_drop_row_triggers (self->store, error))
    {
      cairn_demo_writer_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
cairn_demo_writer_check (CairnDemoWriter  *self,
                         GError          **error)
{
  if (self->error == NULL)
    return TRUE;
  if (error != NULL)
    *error = g_error_copy (self->error);
  return FALSE;
}

static void
restore_pragmas (CairnDemoWriter *self)
{
  sqlite3_exec (self->db, "PRAGMA cache_size = -2000; PRAGMA journal_mode = WAL", NULL, NULL, NULL);
}

/* Numbers the conferences CF-YYYY-0001 … in date order within each year. */
gboolean
cairn_demo_writer_number_conferences (CairnDemoWriter  *self,
                                      GError          **error)
{
  return cairn_demo_writer_check (self, error) &&
         cairn_store_exec (self->store, renumber_conferences, error);
}

/* Puts back the row triggers drop_row_triggers() took away. */
gboolean
cairn_demo_writer_restore_triggers (CairnDemoWriter  *self,
                                    GError          **error)
{
  return cairn_demo_writer_check (self, error) && cairn_store_restore_row_triggers (self->store, error);
}

gboolean
cairn_demo_writer_commit (CairnDemoWriter  *self,
                          GError          **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!cairn_demo_writer_check (self, error))
    {
      cairn_demo_writer_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  if (!cairn_store_commit (self->store, error))
    {
      restore_pragmas (self);
      return FALSE;
    }
  restore_pragmas (self);
  return TRUE;
}

void
cairn_demo_writer_rollback (CairnDemoWriter *self)
{
  if (!self->in_transaction)
    return;
  self->in_transaction = FALSE;
  cairn_store_rollback (self->store);
  restore_pragmas (self);
}

/* Binding. Strings are borrowed for the call (the statement is stepped and
 * reset before the insert function returns), so SQLITE_STATIC is safe; so
 * are the writer's per-parameter date buffers. */

static inline void
bind_text (sqlite3_stmt *stmt,
           int           idx,
           const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, value, -1, SQLITE_STATIC);
}

static inline void
bind_id (sqlite3_stmt *stmt,
         int           idx,
         gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, id);
}

static inline void
bind_bool (sqlite3_stmt *stmt,
           int           idx,
           gboolean      value)
{
  sqlite3_bind_int (stmt, idx, value ? 1 : 0);
}

static inline void
format_day (CairnDemoDay day,
            char         buf[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  cairn_date_format_into (&date, buf);
}

static void
bind_day_buf (sqlite3_stmt *stmt,
              int           idx,
              CairnDemoDay  day,
              char          buf[17])
{
  if (day == 0)
    {
      sqlite3_bind_null (stmt, idx);
      return;
    }
  format_day (day, buf);
  sqlite3_bind_text (stmt, idx, buf, 10, SQLITE_STATIC);
}

/* "YYYY-MM-DDTHH:MM", or the date alone for CAIRN_NO_TIME. */
static void
bind_time_buf (sqlite3_stmt *stmt,
               int           idx,
               CairnDemoDay  day,
               int           minute,
               char          buf[17])
{
  if (day == 0)
    {
      sqlite3_bind_null (stmt, idx);
      return;
    }
  format_day (day, buf);
  if (minute == CAIRN_NO_TIME)
    {
      sqlite3_bind_text (stmt, idx, buf, 10, SQLITE_STATIC);
      return;
    }
  g_assert (minute >= 0 && minute < 24 * 60);
  buf[10] = 'T';
  buf[11] = '0' + minute / 600;
  buf[12] = '0' + minute / 60 % 10;
  buf[13] = ':';
  buf[14] = '0' + minute % 60 / 10;
  buf[15] = '0' + minute % 10;
  buf[16] = '\0';
  sqlite3_bind_text (stmt, idx, buf, 16, SQLITE_STATIC);
}

#define bind_day(stmt, idx, day) bind_day_buf ((stmt), (idx), (day), self->text[(idx)])
#define bind_time(stmt, idx, day, minute) \
  bind_time_buf ((stmt), (idx), (day), (minute), self->text[(idx)])

static inline sqlite3_stmt *
start (CairnDemoWriter *self,
       Stmt             which)
{
  return self->error == NULL ? self->stmts[which] : NULL;
}

static gint64
run (CairnDemoWriter *self,
     sqlite3_stmt    *stmt,
     Stmt             which)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self->store, &self->error, cairn_store_get_path (self->store));
      g_prefix_error (&self->error, "%.40s: ", statements[which]);
      return 0;
    }
  return sqlite3_last_insert_rowid (self->db);
}

#define START(which)                                \
  sqlite3_stmt *stmt = start (self, which);         \
  const Stmt stmt_kind = which;                     \
  if (stmt == NULL)                                 \
    return 0

#define START_VOID(which)                           \
  sqlite3_stmt *stmt = start (self, which);         \
  const Stmt stmt_kind = which;                     \
  if (stmt == NULL)                                 \
    return

#define RUN() run (self, stmt, stmt_kind)

void
cairn_demo_add_setting (CairnDemoWriter *self,
                        const char      *key,
                        const char      *value)
{
  START_VOID (STMT_SETTING);
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, value);
  RUN ();
}

void
cairn_demo_add_board (CairnDemoWriter      *self,
                      const CairnDemoBoard *r)
{
  START_VOID (STMT_BOARD);
  bind_text (stmt, 1, r->name);
  bind_text (stmt, 2, r->area);
  bind_text (stmt, 3, r->la_code);
  sqlite3_bind_int64 (stmt, 4, r->child_population);
  sqlite3_bind_int (stmt, 5, r->conference_quorum);
  RUN ();
}

gint64
cairn_demo_add_agency (CairnDemoWriter *self,
                       const char      *code,
                       const char      *name,
                       const char      *kind)
{
  START (STMT_AGENCY);
  bind_text (stmt, 1, code);
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, kind);
  return RUN ();
}

gint64
cairn_demo_add_professional (CairnDemoWriter             *self,
                             const CairnDemoProfessional *r)
{
  START (STMT_PROFESSIONAL);
  bind_text (stmt, 1, r->name);
  bind_text (stmt, 2, r->role ? r->role : "");
  bind_id (stmt, 3, r->agency_id);
  bind_text (stmt, 4, r->team ? r->team : "");
  bind_bool (stmt, 5, r->qualified_social_worker);
  return RUN ();
}

gint64
cairn_demo_add_board_member (CairnDemoWriter            *self,
                             const CairnDemoBoardMember *r)
{
  START (STMT_BOARD_MEMBER);
  bind_text (stmt, 1, r->name);
  bind_text (stmt, 2, r->role ? r->role : "");
  bind_id (stmt, 3, r->agency_id);
  bind_bool (stmt, 4, r->lay_member);
  bind_day (stmt, 5, r->joined_on);
  bind_day (stmt, 6, r->left_on);
  return RUN ();
}

gint64
cairn_demo_add_child (CairnDemoWriter      *self,
                      const CairnDemoChild *r)
{
  START (STMT_CHILD);
  sqlite3_bind_int64 (stmt, 1, r->number);
  bind_text (stmt, 2, r->given_name ? r->given_name : "");
  bind_text (stmt, 3, r->family_name);
  bind_text (stmt, 4, r->other_names ? r->other_names : "");
  bind_text (stmt, 5, r->aliases ? r->aliases : "");
  bind_day (stmt, 6, r->date_of_birth);
  bind_day (stmt, 7, r->expected_birth_date);
  bind_day (stmt, 8, r->date_of_death);
  bind_text (stmt, 9, r->sex);
  bind_text (stmt, 10, r->ethnicity);
  bind_text (stmt, 11, r->religion);
  bind_text (stmt, 12, r->first_language);
  bind_bool (stmt, 13, r->interpreter_needed);
  bind_text (stmt, 14, r->nhs_number);
  bind_text (stmt, 15, r->la_child_id);
  bind_text (stmt, 16, r->upn);
  bind_text (stmt, 17, r->former_upn);
  bind_text (stmt, 18, r->upn_unknown);
  bind_text (stmt, 19, r->address);
  bind_text (stmt, 20, r->postcode);
  bind_text (stmt, 21, r->school);
  bind_text (stmt, 22, r->gp);
  bind_text (stmt, 23, r->legal_status);
  bind_bool (stmt, 24, r->looked_after);
  bind_bool (stmt, 25, r->transferred_in);
  return RUN ();
}

void
cairn_demo_add_disability (CairnDemoWriter *self,
                           gint64           child_id,
                           const char      *code)
{
  START_VOID (STMT_DISABILITY);
  sqlite3_bind_int64 (stmt, 1, child_id);
  bind_text (stmt, 2, code);
  RUN ();
}

gint64
cairn_demo_add_person (CairnDemoWriter       *self,
                       const CairnDemoPerson *r)
{
  START (STMT_PERSON);
  bind_text (stmt, 1, r->given_name ? r->given_name : "");
  bind_text (stmt, 2, r->family_name);
  bind_text (stmt, 3, r->aliases ? r->aliases : "");
  bind_day (stmt, 4, r->date_of_birth);
  bind_text (stmt, 5, r->sex);
  bind_text (stmt, 6, r->address);
  bind_text (stmt, 7, r->postcode);
  bind_text (stmt, 8, r->phone);
  return RUN ();
}

void
cairn_demo_add_relationship (CairnDemoWriter             *self,
                             const CairnDemoRelationship *r)
{
  START_VOID (STMT_RELATIONSHIP);
  sqlite3_bind_int64 (stmt, 1, r->child_id);
  sqlite3_bind_int64 (stmt, 2, r->person_id);
  bind_text (stmt, 3, r->relationship);
  bind_bool (stmt, 4, r->parental_responsibility);
  bind_bool (stmt, 5, r->lives_with_child);
  bind_bool (stmt, 6, r->poses_risk);
  bind_text (stmt, 7, r->notes);
  RUN ();
}

void
cairn_demo_add_child_link (CairnDemoWriter *self,
                           gint64           child_id,
                           gint64           other_child_id,
                           const char      *relationship)
{
  START_VOID (STMT_CHILD_LINK);
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, other_child_id);
  bind_text (stmt, 3, relationship);
  RUN ();
}

void
cairn_demo_add_external_link (CairnDemoWriter *self,
                              gint64           child_id,
                              const char      *other_reference,
                              const char      *other_given_name,
                              const char      *other_family_name,
                              CairnDemoDay     other_date_of_birth,
                              const char      *relationship)
{
  START_VOID (STMT_EXTERNAL_LINK);
  sqlite3_bind_int64 (stmt, 1, child_id);
  bind_text (stmt, 2, other_reference);
  bind_text (stmt, 3, other_given_name ? other_given_name : "");
  bind_text (stmt, 4, other_family_name);
  bind_day (stmt, 5, other_date_of_birth);
  bind_text (stmt, 6, relationship);
  RUN ();
}

gint64
cairn_demo_add_case (CairnDemoWriter     *self,
                     const CairnDemoCase *r)
{
  START (STMT_CASE);
  sqlite3_bind_int64 (stmt, 1, r->child_id);
  sqlite3_bind_int (stmt, 2, r->number);
  bind_day (stmt, 3, r->opened_on);
  bind_day (stmt, 4, r->closed_on);
  bind_text (stmt, 5, r->closure_reason);
  bind_id (stmt, 6, r->lead_worker_id);
  bind_text (stmt, 7, r->team ? r->team : "");
  bind_day (stmt, 8, r->initial_cpc_on);
  return RUN ();
}

gint64
cairn_demo_add_referral (CairnDemoWriter         *self,
                         const CairnDemoReferral *r)
{
  START (STMT_REFERRAL);
  sqlite3_bind_int64 (stmt, 1, r->case_id);
  bind_time (stmt, 2, r->received_on, r->received_minute);
  bind_text (stmt, 3, r->channel);
  bind_text (stmt, 4, r->source_code);
  bind_id (stmt, 5, r->source_agency_id);
  bind_text (stmt, 6, r->referrer_name);
  bind_text (stmt, 7, r->concern);
  bind_text (stmt, 8, r->primary_need_code);
  bind_text (stmt, 9, r->decision);
  bind_time (stmt, 10, r->decided_on, r->decided_minute);
  bind_bool (stmt, 11, r->nfa);
  return RUN ();
}

gint64
cairn_demo_add_assessment (CairnDemoWriter           *self,
                           const CairnDemoAssessment *r)
{
  START (STMT_ASSESSMENT);
  sqlite3_bind_int64 (stmt, 1, r->case_id);
  bind_text (stmt, 2, r->kind);
  bind_day (stmt, 3, r->started_on);
  bind_day (stmt, 4, r->internal_review_on);
  bind_day (stmt, 5, r->authorised_on);
  bind_id (stmt, 6, r->social_worker_id);
  cairn_bind_tristate (stmt, 7, r->child_seen);
  bind_text (stmt, 8, r->outcome);
  return RUN ();
}

void
cairn_demo_add_assessment_factor (CairnDemoWriter *self,
                                  gint64           assessment_id,
                                  const char      *code)
{
  START_VOID (STMT_ASSESSMENT_FACTOR);
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  bind_text (stmt, 2, code);
  RUN ();
}

gint64
cairn_demo_add_cin_plan (CairnDemoWriter *self,
                         gint64           case_id,
                         CairnDemoDay     started_on,
                         CairnDemoDay     ended_on)
{
  START (STMT_CIN_PLAN);
  sqlite3_bind_int64 (stmt, 1, case_id);
  bind_day (stmt, 2, started_on);
  bind_day (stmt, 3, ended_on);
  return RUN ();
}

gint64
cairn_demo_add_strategy (CairnDemoWriter         *self,
                         const CairnDemoStrategy *r)
{
  START (STMT_STRATEGY);
  sqlite3_bind_int64 (stmt, 1, r->case_id);
  bind_time (stmt, 2, r->held_on, r->held_minute);
  bind_text (stmt, 3, r->format);
  bind_text (stmt, 4, r->s47_decision);
  bind_bool (stmt, 5, r->criminal_investigation);
  bind_text (stmt, 6, r->notes);
  return RUN ();
}

gint64
cairn_demo_add_s47 (CairnDemoWriter    *self,
                    const CairnDemoS47 *r)
{
  START (STMT_S47);
  sqlite3_bind_int64 (stmt, 1, r->case_id);
  bind_id (stmt, 2, r->strategy_discussion_id);
  bind_day (stmt, 3, r->started_on);
  bind_day (stmt, 4, r->completed_on);
  bind_day (stmt, 5, r->icpc_target_on);
  bind_day (stmt, 6, r->icpc_on);
  bind_bool (stmt, 7, r->icpc_not_required);
  bind_text (stmt, 8, r->outcome);
  return RUN ();
}

gint64
cairn_demo_add_legal_order (CairnDemoWriter           *self,
                            const CairnDemoLegalOrder *r)
{
  START (STMT_LEGAL_ORDER);
  sqlite3_bind_int64 (stmt, 1, r->case_id);
  bind_text (stmt, 2, r->kind);
  bind_time (stmt, 3, r->started_on, r->started_minute);
  bind_time (stmt, 4, r->ended_on, r->ended_minute);
  bind_text (stmt, 5, r->court);
  return RUN ();
}

gint64
cairn_demo_add_conference (CairnDemoWriter           *self,
                           const CairnDemoConference *r)
{
  START (STMT_CONFERENCE);
  sqlite3_bind_int (stmt, 1, r->year);
  sqlite3_bind_int64 (stmt, 2, TEMP_CONFERENCE_NUMBER + ++self->n_conferences);
  bind_text (stmt, 3, r->kind);
  bind_time (stmt, 4, r->held_on, r->held_minute);
  bind_text (stmt, 5, r->venue);
  bind_id (stmt, 6, r->chair_id);
  bind_text (stmt, 7, r->minute_taker);
  cairn_bind_tristate (stmt, 8, r->quorate);
  bind_text (stmt, 9, r->quorate_reason);
  bind_text (stmt, 10, r->status);
  bind_text (stmt, 11, r->parents_views);
  bind_text (stmt, 12, r->child_views);
  bind_text (stmt, 13, r->strengths);
  bind_text (stmt, 14, r->risks);
  return RUN ();
}

gint64
cairn_demo_add_conference_subject (CairnDemoWriter                  *self,
                                   const CairnDemoConferenceSubject *r)
{
  START (STMT_CONFERENCE_SUBJECT);
  sqlite3_bind_int64 (stmt, 1, r->conference_id);
  sqlite3_bind_int64 (stmt, 2, r->case_id);
  cairn_bind_tristate (stmt, 3, r->likely_significant_harm);
  bind_text (stmt, 4, r->plan_decision);
  bind_id (stmt, 5, r->lead_worker_id);
  bind_text (stmt, 6, r->outline_plan);
  bind_text (stmt, 7, r->contingency_plan);
  bind_text (stmt, 8, r->dissent);
  bind_day (stmt, 9, r->next_review_on);
  return RUN ();
}

void
cairn_demo_add_subject_category (CairnDemoWriter *self,
                                 gint64           subject_id,
                                 const char      *category)
{
  START_VOID (STMT_SUBJECT_CATEGORY);
  sqlite3_bind_int64 (stmt, 1, subject_id);
  bind_text (stmt, 2, category);
  RUN ();
}

void
cairn_demo_add_attendee (CairnDemoWriter         *self,
                         const CairnDemoAttendee *r)
{
  START_VOID (STMT_ATTENDEE);
  sqlite3_bind_int64 (stmt, 1, r->conference_id);
  bind_text (stmt, 2, r->name);
  bind_text (stmt, 3, r->role ? r->role : "");
  bind_id (stmt, 4, r->agency_id);
  bind_text (stmt, 5, r->attendance);
  bind_text (stmt, 6, r->contribution);
  RUN ();
}

gint64
cairn_demo_add_plan (CairnDemoWriter     *self,
                     const CairnDemoPlan *r)
{
  START (STMT_PLAN);
  sqlite3_bind_int64 (stmt, 1, r->case_id);
  bind_day (stmt, 2, r->started_on);
  bind_day (stmt, 3, r->ended_on);
  bind_text (stmt, 4, r->end_reason);
  bind_text (stmt, 5, r->initial_category);
  bind_text (stmt, 6, r->latest_category);
  sqlite3_bind_int (stmt, 7, r->previous_plans);
  bind_id (stmt, 8, r->lead_worker_id);
  bind_text (stmt, 9, r->contingency_plan);
  return RUN ();
}

void
cairn_demo_add_plan_category (CairnDemoWriter *self,
                              gint64           plan_id,
                              const char      *category)
{
  START_VOID (STMT_PLAN_CATEGORY);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  bind_text (stmt, 2, category);
  RUN ();
}

void
cairn_demo_add_plan_review (CairnDemoWriter *self,
                            gint64           plan_id,
                            CairnDemoDay     review_on)
{
  START_VOID (STMT_PLAN_REVIEW);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  bind_day (stmt, 2, review_on);
  RUN ();
}

void
cairn_demo_add_core_group_member (CairnDemoWriter *self,
                                  gint64           plan_id,
                                  gint64           professional_id)
{
  START_VOID (STMT_CORE_GROUP_MEMBER);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, professional_id);
  RUN ();
}

void
cairn_demo_add_core_group_meeting (CairnDemoWriter *self,
                                   gint64           plan_id,
                                   CairnDemoDay     held_on,
                                   const char      *notes)
{
  START_VOID (STMT_CORE_GROUP_MEETING);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  bind_day (stmt, 2, held_on);
  bind_text (stmt, 3, notes);
  RUN ();
}

void
cairn_demo_add_event (CairnDemoWriter      *self,
                      const CairnDemoEvent *r)
{
  START_VOID (STMT_EVENT);
  sqlite3_bind_int64 (stmt, 1, r->case_id);
  bind_text (stmt, 2, r->kind);
  bind_time (stmt, 3, r->day, r->minute);
  bind_bool (stmt, 4, r->planned);
  bind_text (stmt, 5, r->outcome);
  bind_text (stmt, 6, r->recorded_by);
  cairn_bind_tristate (stmt, 7, r->child_seen);
  cairn_bind_tristate (stmt, 8, r->seen_alone);
  bind_text (stmt, 9, r->not_seen_alone_reason);
  bind_text (stmt, 10, r->notes);
  bind_text (stmt, 11, r->exception_reason);
  bind_text (stmt, 12, r->late_reason);
  RUN ();
}

gint64
cairn_demo_add_scr (CairnDemoWriter    *self,
                    const CairnDemoScr *r)
{
  START (STMT_SCR);
  sqlite3_bind_int (stmt, 1, r->year);
  sqlite3_bind_int (stmt, 2, r->number);
  bind_id (stmt, 3, r->child_id);
  bind_text (stmt, 4, r->title ? r->title : "");
  bind_text (stmt, 5, r->criterion);
  bind_text (stmt, 6, r->trigger_summary);
  bind_day (stmt, 7, r->incident_on);
  bind_day (stmt, 8, r->notified_on);
  bind_text (stmt, 9, r->decision);
  bind_day (stmt, 10, r->decision_on);
  bind_text (stmt, 11, r->stage);
  bind_text (stmt, 12, r->lscb_chair);
  bind_text (stmt, 13, r->panel_chair);
  bind_text (stmt, 14, r->overview_author);
  bind_text (stmt, 15, r->independence_statement);
  bind_text (stmt, 16, r->parallel_processes);
  bind_text (stmt, 17, r->family_involvement);
  bind_day (stmt, 18, r->scope_from);
  bind_day (stmt, 19, r->scope_to);
  bind_day (stmt, 20, r->completed_on);
  bind_day (stmt, 21, r->sent_to_ofsted_on);
  bind_day (stmt, 22, r->published_on);
  bind_text (stmt, 23, r->date_display);
  return RUN ();
}

gint64
cairn_demo_add_scr_panel_member (CairnDemoWriter *self,
                                 gint64           scr_id,
                                 const char      *name,
                                 const char      *job_title,
                                 const char      *organisation)
{
  START (STMT_SCR_PANEL_MEMBER);
  sqlite3_bind_int64 (stmt, 1, scr_id);
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, job_title);
  bind_text (stmt, 4, organisation);
  return RUN ();
}

void
cairn_demo_add_scr_pseudonym (CairnDemoWriter *self,
                              gint64           scr_id,
                              const char      *subject_key,
                              const char      *pseudonym)
{
  START_VOID (STMT_SCR_PSEUDONYM);
  sqlite3_bind_int64 (stmt, 1, scr_id);
  bind_text (stmt, 2, subject_key);
  bind_text (stmt, 3, pseudonym);
  RUN ();
}

/* @word as the leak check compares it: one word, case-folded. */
void
cairn_demo_add_scr_release (CairnDemoWriter *self,
                            gint64           scr_id,
                            const char      *word,
                            gint64           panel_member_id,
                            const char      *reason,
                            CairnDemoDay     released_on)
{
  g_autofree char *normal = g_utf8_normalize (word, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normal, -1);
  START_VOID (STMT_SCR_RELEASE);
  sqlite3_bind_int64 (stmt, 1, scr_id);
  bind_text (stmt, 2, folded);
  sqlite3_bind_int64 (stmt, 3, panel_member_id);
  bind_text (stmt, 4, reason);
  bind_day (stmt, 5, released_on);
  RUN ();
}

void
cairn_demo_add_scr_imr (CairnDemoWriter *self,
                        gint64           scr_id,
                        gint64           agency_id,
                        const char      *author,
                        CairnDemoDay     received_on)
{
  START_VOID (STMT_SCR_IMR);
  sqlite3_bind_int64 (stmt, 1, scr_id);
  bind_id (stmt, 2, agency_id);
  bind_text (stmt, 3, author);
  bind_day (stmt, 4, received_on);
  RUN ();
}

void
cairn_demo_add_scr_section (CairnDemoWriter *self,
                            gint64           scr_id,
                            const char      *section,
                            const char      *body)
{
  START_VOID (STMT_SCR_SECTION);
  sqlite3_bind_int64 (stmt, 1, scr_id);
  bind_text (stmt, 2, section);
  bind_text (stmt, 3, body);
  RUN ();
}

gint64
cairn_demo_add_scr_recommendation (CairnDemoWriter *self,
                                   gint64           scr_id,
                                   int              number,
                                   const char      *body,
                                   const char      *source)
{
  START (STMT_SCR_RECOMMENDATION);
  sqlite3_bind_int64 (stmt, 1, scr_id);
  sqlite3_bind_int (stmt, 2, number);
  bind_text (stmt, 3, body);
  bind_text (stmt, 4, source);
  return RUN ();
}

gint64
cairn_demo_add_scr_action (CairnDemoWriter          *self,
                           const CairnDemoScrAction *r)
{
  START (STMT_SCR_ACTION);
  sqlite3_bind_int64 (stmt, 1, r->recommendation_id);
  bind_text (stmt, 2, r->action);
  bind_text (stmt, 3, r->agencies ? r->agencies : "");
  bind_text (stmt, 4, r->responsible ? r->responsible : "");
  bind_text (stmt, 5, r->monitored_by ? r->monitored_by : "");
  bind_day (stmt, 6, r->due_on);
  bind_text (stmt, 7, r->status);
  bind_text (stmt, 8, r->progress ? r->progress : "");
  bind_day (stmt, 9, r->completed_on);
  bind_text (stmt, 10, r->evaluation ? r->evaluation : "");
  return RUN ();
}

void
cairn_demo_add_scr_action_history (CairnDemoWriter *self,
                                   gint64           action_id,
                                   CairnDemoDay     as_of,
                                   const char      *status,
                                   const char      *progress)
{
  START_VOID (STMT_SCR_ACTION_HISTORY);
  sqlite3_bind_int64 (stmt, 1, action_id);
  bind_day (stmt, 2, as_of);
  bind_text (stmt, 3, status);
  bind_text (stmt, 4, progress ? progress : "");
  RUN ();
}

gint64
cairn_demo_add_meeting (CairnDemoWriter *self,
                        int              year,
                        int              number,
                        CairnDemoDay     held_on,
                        const char      *venue,
                        const char      *chair,
                        const char      *status,
                        const char      *starts_at,
                        const char      *ends_at)
{
  START (STMT_MEETING);
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, number);
  bind_day (stmt, 3, held_on);
  bind_text (stmt, 4, venue);
  bind_text (stmt, 5, chair);
  bind_text (stmt, 6, status);
  bind_text (stmt, 7, starts_at);
  bind_text (stmt, 8, ends_at);
  return RUN ();
}

void
cairn_demo_add_meeting_attendance (CairnDemoWriter *self,
                                   gint64           meeting_id,
                                   const char      *name,
                                   const char      *role,
                                   const char      *agency,
                                   const char      *attendance)
{
  START_VOID (STMT_MEETING_ATTENDANCE);
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, role ? role : "");
  bind_text (stmt, 4, agency ? agency : "");
  bind_text (stmt, 5, attendance);
  RUN ();
}

gint64
cairn_demo_add_agenda_item (CairnDemoWriter           *self,
                            const CairnDemoAgendaItem *r)
{
  START (STMT_AGENDA_ITEM);
  sqlite3_bind_int64 (stmt, 1, r->meeting_id);
  sqlite3_bind_int (stmt, 2, r->item);
  sqlite3_bind_int (stmt, 3, r->sub_item);
  bind_text (stmt, 4, r->title);
  bind_text (stmt, 5, r->presenter ? r->presenter : "");
  bind_text (stmt, 6, r->purpose ? r->purpose : "");
  bind_text (stmt, 7, r->pages ? r->pages : "");
  if (r->minute_number > 0)
    sqlite3_bind_int (stmt, 8, r->minute_number);
  else
    sqlite3_bind_null (stmt, 8);
  bind_text (stmt, 9, r->minutes ? r->minutes : "");
  bind_text (stmt, 10, r->standing);
  return RUN ();
}

void
cairn_demo_add_resolution (CairnDemoWriter *self,
                           gint64           agenda_item_id,
                           const char      *body)
{
  START_VOID (STMT_RESOLUTION);
  sqlite3_bind_int64 (stmt, 1, agenda_item_id);
  bind_text (stmt, 2, body);
  RUN ();
}

gint64
cairn_demo_add_action_point (CairnDemoWriter            *self,
                             const CairnDemoActionPoint *r)
{
  START (STMT_ACTION_POINT);
  sqlite3_bind_int64 (stmt, 1, r->agenda_item_id);
  bind_text (stmt, 2, r->action);
  bind_text (stmt, 3, r->owner ? r->owner : "");
  bind_day (stmt, 4, r->due_on);
  bind_text (stmt, 5, r->status);
  bind_day (stmt, 6, r->closed_on);
  return RUN ();
}

void
cairn_demo_add_action_update (CairnDemoWriter *self,
                              gint64           action_id,
                              gint64           meeting_id,
                              const char      *note)
{
  START_VOID (STMT_ACTION_UPDATE);
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  bind_text (stmt, 3, note);
  RUN ();
}

void
cairn_demo_add_conference_core_group (CairnDemoWriter *self,
                                      gint64           subject_id,
                                      gint64           professional_id)
{
  START_VOID (STMT_CONFERENCE_CORE_GROUP);
  sqlite3_bind_int64 (stmt, 1, subject_id);
  sqlite3_bind_int64 (stmt, 2, professional_id);
  RUN ();
}

void
cairn_demo_add_plan_action (CairnDemoWriter *self,
                            gint64           subject_id,
                            const char      *action,
                            const char      *owner,
                            CairnDemoDay     due_on,
                            const char      *due_text)
{
  START_VOID (STMT_PLAN_ACTION);
  sqlite3_bind_int64 (stmt, 1, subject_id);
  bind_text (stmt, 2, action);
  bind_text (stmt, 3, owner ? owner : "");
  bind_day (stmt, 4, due_on);
  bind_text (stmt, 5, due_text ? due_text : "");
  RUN ();
}

/* ---- The annual report's own figures ------------------------------------ */

void
cairn_demo_add_child_population (CairnDemoWriter *self,
                                 int              year,
                                 gint64           children,
                                 const char      *source)
{
  START_VOID (STMT_CHILD_POPULATION);
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, children);
  bind_text (stmt, 3, source);
  RUN ();
}

void
cairn_demo_add_contacts (CairnDemoWriter *self,
                         int              year,
                         const char      *source_code,
                         gint64           contacts)
{
  START_VOID (STMT_CONTACTS);
  sqlite3_bind_int (stmt, 1, year);
  bind_text (stmt, 2, source_code);
  sqlite3_bind_int64 (stmt, 3, contacts);
  RUN ();
}

void
cairn_demo_add_child_deaths (CairnDemoWriter *self,
                             int              year,
                             gint64           notified,
                             gint64           reviewed,
                             gint64           unexpected,
                             gint64           modifiable)
{
  START_VOID (STMT_CHILD_DEATHS);
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, notified);
  sqlite3_bind_int64 (stmt, 3, reviewed);
  sqlite3_bind_int64 (stmt, 4, unexpected);
  sqlite3_bind_int64 (stmt, 5, modifiable);
  RUN ();
}

void
cairn_demo_add_private_fostering (CairnDemoWriter *self,
                                  int              year,
                                  gint64           notifications,
                                  gint64           arrangements)
{
  START_VOID (STMT_PRIVATE_FOSTERING);
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, notifications);
  sqlite3_bind_int64 (stmt, 3, arrangements);
  RUN ();
}

void
cairn_demo_add_training (CairnDemoWriter *self,
                         int              year,
                         const char      *title,
                         gboolean         multi_agency,
                         int              sessions,
                         int              attendees)
{
  START_VOID (STMT_TRAINING);
  sqlite3_bind_int (stmt, 1, year);
  bind_text (stmt, 2, title);
  bind_bool (stmt, 3, multi_agency);
  sqlite3_bind_int (stmt, 4, sessions);
  sqlite3_bind_int (stmt, 5, attendees);
  RUN ();
}

void
cairn_demo_add_contribution (CairnDemoWriter *self,
                             int              year,
                             gint64           agency_id,
                             gint64           amount_pence,
                             const char      *in_kind)
{
  START_VOID (STMT_CONTRIBUTION);
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, agency_id);
  sqlite3_bind_int64 (stmt, 3, amount_pence);
  bind_text (stmt, 4, in_kind ? in_kind : "");
  RUN ();
}

void
cairn_demo_add_spending (CairnDemoWriter *self,
                         int              year,
                         const char      *category,
                         gint64           amount_pence,
                         const char      *notes)
{
  START_VOID (STMT_SPENDING);
  sqlite3_bind_int (stmt, 1, year);
  bind_text (stmt, 2, category);
  sqlite3_bind_int64 (stmt, 3, amount_pence);
  bind_text (stmt, 4, notes ? notes : "");
  RUN ();
}

void
cairn_demo_add_priority (CairnDemoWriter *self,
                         int              year,
                         int              position,
                         const char      *title,
                         const char      *progress)
{
  START_VOID (STMT_PRIORITY);
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, position);
  bind_text (stmt, 3, title);
  bind_text (stmt, 4, progress ? progress : "");
  RUN ();
}

void
cairn_demo_add_recipient (CairnDemoWriter *self,
                          int              year,
                          const char      *recipient,
                          const char      *name,
                          CairnDemoDay     sent_on)
{
  START_VOID (STMT_RECIPIENT);
  sqlite3_bind_int (stmt, 1, year);
  bind_text (stmt, 2, recipient);
  bind_text (stmt, 3, name ? name : "");
  bind_day (stmt, 4, sent_on);
  RUN ();
}

void
cairn_demo_add_narrative (CairnDemoWriter *self,
                          int              year,
                          const char      *section,
                          const char      *body)
{
  START_VOID (STMT_NARRATIVE);
  sqlite3_bind_int (stmt, 1, year);
  bind_text (stmt, 2, section);
  bind_text (stmt, 3, body);
  RUN ();
}
