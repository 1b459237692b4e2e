/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cairn-annual-stats.h"
#include "cairn-annual-store.h"
#include "cairn-audit-store.h"
#include "cairn-case-pathway.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-store-private.h"
#include "cairn-test-annual.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"

/* The statistics of the hand-built board (cairn-test-annual.c, where each
 * answer is worked out beside its rows), computed by the store's SQL. The
 * expected figures below are those hand-worked answers, not a second run of
 * the same SQL. */

static char *board_path;

static const char *
board (void)
{
  if (board_path == NULL)
    board_path = cairn_test_annual_fixture ("annual.cairn", FALSE);
  return board_path;
}

static CairnPathway *
pathway (void)
{
  static CairnPathway *p;
  g_autoptr (GError) error = NULL;

  if (p == NULL)
    p = cairn_pathway_get_default (&error);
  g_assert_no_error (error);
  return p;
}

/* The statistics of 2009-10 to 2013-14 of @path. */
static GPtrArray *
stats_of (const char *path)
{
  g_autoptr (CairnStore) store = cairn_test_annual_open (path, NULL);
  g_autoptr (GError) error = NULL;
  GPtrArray *years = cairn_annual_compute_stats (store, pathway (), 2009, 2013, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (years);
  g_assert_cmpuint (years->len, ==, 5);
  return years;
}

static const CairnAnnualYear *
year (GPtrArray *years,
      int        y)
{
  const CairnAnnualYear *out = g_ptr_array_index (years, y - 2009);

  g_assert_cmpint (out->year, ==, y);
  return out;
}

static gint64
source_count (GPtrArray  *list,
              const char *code)
{
  for (guint i = 0; i < list->len; i++)
    {
      CairnAnnualSourceCount *c = g_ptr_array_index (list, i);
      if (g_strcmp0 (c->code, code) == 0)
        return c->count;
    }
  return 0;
}

static void
assert_timely (const CairnAnnualTimely *t,
               gint64                   total,
               gint64                   with_limit,
               gint64                   within)
{
  g_assert_cmpint (t->total, ==, total);
  g_assert_cmpint (t->with_limit, ==, with_limit);
  g_assert_cmpint (t->within, ==, within);
}

static void
test_referrals (void)
{
  g_autoptr (GPtrArray) years = stats_of (board ());
  const CairnAnnualYear *y11 = year (years, 2011), *y10 = year (years, 2010), *y12 = year (years, 2012);

  /* 1 April 2011 09:00 and 31 March 2012 23:30 are in 2011-12; 31 March
   * 2011 17:00 is in 2010-11 and 1 April 2012 00:05 in 2012-13. */
  g_assert_cmpint (y11->referrals, ==, 4);
  g_assert_cmpint (source_count (y11->referrals_by_source, "2A"), ==, 3);
  g_assert_cmpint (source_count (y11->referrals_by_source, "6"), ==, 1);
  g_assert_cmpuint (y11->referrals_by_source->len, ==, 2);
  g_assert_cmpint (y11->re_referrals, ==, 2);
  g_assert_cmpint (y10->referrals, ==, 3);
  g_assert_cmpint (source_count (y10->referrals_by_source, "6"), ==, 2);
  g_assert_cmpint (y10->re_referrals, ==, 0);
  g_assert_cmpint (y12->referrals, ==, 1);
  g_assert_cmpint (year (years, 2009)->referrals, ==, 0);

  /* Contacts and population are the board's own figures. */
  g_assert_cmpint (y11->contacts, ==, 65);
  g_assert_cmpint (source_count (y11->contacts_by_source, "2A"), ==, 40);
  g_assert_cmpint (y10->contacts, ==, -1);
  g_assert_cmpint (y11->child_population, ==, 20000);
  g_assert_false (y11->population_is_board_figure);
  g_assert_cmpint (y10->child_population, ==, 18000);
  g_assert_true (y10->population_is_board_figure);
}

static void
test_assessments (void)
{
  g_autoptr (GPtrArray) years = stats_of (board ());

  /* 7 working days before 1 April 2010, 10 from then; Easter 2010. */
  assert_timely (&year (years, 2010)->initial_assessments, 3, 3, 2);
  assert_timely (&year (years, 2009)->initial_assessments, 0, 0, 0);
  /* Easter, the royal wedding and May Day 2011; a Saturday after the due date. */
  assert_timely (&year (years, 2011)->initial_assessments, 3, 3, 1);
  assert_timely (&year (years, 2011)->core_assessments, 2, 2, 1);
  assert_timely (&year (years, 2011)->single_assessments, 0, 0, 0);
  assert_timely (&year (years, 2012)->initial_assessments, 1, 1, 1);
  /* 2013-14: an initial assessment from a referral before 15 April 2013
   * (WT2010, 10 days) and two single assessments (WT2013, 45 days). */
  assert_timely (&year (years, 2013)->initial_assessments, 1, 1, 1);
  assert_timely (&year (years, 2013)->single_assessments, 2, 2, 1);
  assert_timely (&year (years, 2013)->core_assessments, 0, 0, 0);
}

/* A board that kept 7 working days after 1 April 2010 (as Coventry did)
 * gets 701, done on the 12th working day, counted late. */
static void
test_assessments_board_override (void)
{
  g_autofree char *path = cairn_test_annual_fixture ("annual-override.cairn", FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) years = NULL;

  {
    g_autoptr (CairnStore) store = cairn_test_annual_open (path, NULL);
    g_autoptr (CairnRuleOverride) o = cairn_rule_override_new ();

    o->edition = g_strdup ("wt2010");
    o->rule_id = g_strdup ("W10-04");
    cairn_date_set_ymd (&o->effective_from, 2010, 4, 1);
    o->limit = 7;
    o->unit = g_strdup ("working_days");
    o->source = g_strdup ("Local procedure: the 7-day limit is kept");
    cairn_date_set_ymd (&o->recorded_on, 2010, 3, 20);
    g_assert_true (cairn_pathway_add_rule_override (store, o, &error));
    g_assert_no_error (error);
  }
  years = stats_of (path);
  assert_timely (&year (years, 2010)->initial_assessments, 3, 3, 1);
  /* 901 (due 4 May with 7 days) is late too now. */
  assert_timely (&year (years, 2011)->initial_assessments, 3, 3, 0);
}

static void
test_enquiries_and_conferences (void)
{
  g_autoptr (GPtrArray) years = stats_of (board ());

  g_assert_cmpint (year (years, 2011)->s47_enquiries, ==, 5);
  g_assert_cmpint (year (years, 2012)->s47_enquiries, ==, 1);
  assert_timely (&year (years, 2011)->icpcs, 6, 4, 4);
  assert_timely (&year (years, 2010)->icpcs, 0, 0, 0);
}

/* With the WT2010 clock set to start at the discussion that initiated the
 * enquiries, child 5's conference (due 4 October) is late. */
static void
test_conferences_clock_setting (void)
{
  g_autofree char *path = cairn_test_annual_fixture ("annual-icpc.cairn", FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) years = NULL;

  {
    g_autoptr (CairnStore) store = cairn_test_annual_open (path, NULL);
    g_assert_true (cairn_pathway_set_board_setting (store, "pathway.wt2010.icpc_clock_start",
                                                    "first_s47_strategy_discussion", &error));
    g_assert_no_error (error);
  }
  years = stats_of (path);
  assert_timely (&year (years, 2011)->icpcs, 6, 4, 3);
}

static void
test_plans (void)
{
  g_autoptr (GPtrArray) years = stats_of (board ());
  const CairnAnnualYear *y = year (years, 2011);
  const gint64 started[] = { 4, 1, 2, 1, 2, 1 };
  const gint64 ended[] = { 1, 0, 1, 0, 1, 0 };
  const gint64 on_plans[] = { 2, 1, 1, 1, 3, 1 };

  g_assert_cmpint (y->plans_started, ==, 11);
  g_assert_cmpint (y->plans_second_or_later, ==, 3);
  g_assert_cmpint (y->plans_ended, ==, 3);
  g_assert_cmpint (y->plans_ended_two_years, ==, 1);
  g_assert_cmpint (y->children_on_plans, ==, 9);
  for (int c = 0; c < CAIRN_ANNUAL_N_CATEGORIES; c++)
    {
      g_test_message ("category %s", cairn_annual_category_label (c));
      g_assert_cmpint (y->plans_started_by[c], ==, started[c]);
      g_assert_cmpint (y->plans_ended_by[c], ==, ended[c]);
      g_assert_cmpint (y->children_on_plans_by[c], ==, on_plans[c]);
    }
  /* 31 March 2011: a plan ended that day is not counted. */
  g_assert_cmpint (year (years, 2010)->children_on_plans, ==, 2);
  g_assert_cmpint (year (years, 2010)->children_on_plans_by[CAIRN_ANNUAL_NEGLECT], ==, 1);
  g_assert_cmpint (year (years, 2010)->children_on_plans_by[CAIRN_ANNUAL_EMOTIONAL], ==, 1);
  g_assert_cmpint (year (years, 2010)->plans_ended, ==, 2);
}

static void
test_reviews (void)
{
  g_autoptr (GPtrArray) years = stats_of (board ());

  g_assert_cmpint (year (years, 2011)->reviews_due, ==, 6);
  g_assert_cmpint (year (years, 2011)->reviews_on_time, ==, 2);
  /* 31 March 2011: children 21 and 22, on plans since June 2009 with no
   * review recorded. */
  g_assert_cmpint (year (years, 2010)->reviews_due, ==, 2);
  g_assert_cmpint (year (years, 2010)->reviews_on_time, ==, 0);
}

static void
test_seen_alone (void)
{
  g_autoptr (GPtrArray) years = stats_of (board ());

  g_assert_cmpint (year (years, 2011)->children_seen, ==, 3);
  g_assert_cmpint (year (years, 2011)->children_seen_alone, ==, 2);
  g_assert_cmpint (year (years, 2010)->children_seen, ==, 1);
  g_assert_cmpint (year (years, 2010)->children_seen_alone, ==, 1);
  g_assert_cmpint (year (years, 2012)->children_seen, ==, 1);
}

static void
test_scrs (void)
{
  g_autoptr (GPtrArray) years = stats_of (board ());
  const CairnAnnualYear *y11 = year (years, 2011), *y10 = year (years, 2010);

  g_assert_cmpint (y11->scrs_considered, ==, 3);
  g_assert_cmpint (y11->scrs_started, ==, 2);
  assert_timely (&y11->scrs_completed, 1, 1, 1);
  g_assert_cmpint (y11->scr_actions[CAIRN_ANNUAL_ACTION_COMPLETE], ==, 2);
  g_assert_cmpint (y11->scr_actions[CAIRN_ANNUAL_ACTION_IN_PROGRESS], ==, 1);
  g_assert_cmpint (y11->scr_actions[CAIRN_ANNUAL_ACTION_NOT_STARTED], ==, 1);
  g_assert_cmpint (y11->scr_actions[CAIRN_ANNUAL_ACTION_OVERDUE], ==, 1);

  g_assert_cmpint (y10->scrs_considered, ==, 1);
  g_assert_cmpint (y10->scrs_started, ==, 1);
  assert_timely (&y10->scrs_completed, 1, 1, 0);
  g_assert_cmpint (y10->scr_actions[CAIRN_ANNUAL_ACTION_COMPLETE], ==, 1);
  g_assert_cmpint (y10->scr_actions[CAIRN_ANNUAL_ACTION_OVERDUE], ==, 1);
  g_assert_cmpint (y10->scr_actions[CAIRN_ANNUAL_ACTION_IN_PROGRESS], ==, 0);
}

static void
test_scr_actions_as_at (void)
{
  g_autoptr (CairnStore) store = cairn_test_annual_open (board (), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = cairn_store_list_annual_scr_actions (store, 2011, &error);
  const struct
  {
    CairnAnnualScrGroup group;
    int scr_year, scr_number;
    gint64 action_id;
    const char *status;
    CairnAnnualActionState state;
  } expected[] = {
    { CAIRN_ANNUAL_SCR_COMPLETED, 2011, 1, 3, "complete", CAIRN_ANNUAL_ACTION_COMPLETE },
    { CAIRN_ANNUAL_SCR_COMPLETED, 2011, 1, 4, "in_progress", CAIRN_ANNUAL_ACTION_OVERDUE },
    { CAIRN_ANNUAL_SCR_COMPLETED, 2011, 1, 5, "not_started", CAIRN_ANNUAL_ACTION_NOT_STARTED },
    { CAIRN_ANNUAL_SCR_EARLIER, 2010, 1, 1, "complete", CAIRN_ANNUAL_ACTION_COMPLETE },
    { CAIRN_ANNUAL_SCR_IN_PROGRESS, 2011, 2, 6, "in_progress", CAIRN_ANNUAL_ACTION_IN_PROGRESS },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, G_N_ELEMENTS (expected));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CairnAnnualScrAction *a = g_ptr_array_index (actions, i);
      g_assert_cmpint (a->group, ==, expected[i].group);
      g_assert_cmpint (a->scr_year, ==, expected[i].scr_year);
      g_assert_cmpint (a->scr_number, ==, expected[i].scr_number);
      g_assert_cmpint (a->action_id, ==, expected[i].action_id);
      g_assert_cmpstr (a->status, ==, expected[i].status);
      g_assert_cmpint (a->state, ==, expected[i].state);
    }
  /* AR11 shows where the action stood at the start of the year too. */
  g_assert_cmpstr (((CairnAnnualScrAction *) g_ptr_array_index (actions, 3))->start_status, ==,
                   "in_progress");
  g_assert_cmpstr (((CairnAnnualScrAction *) g_ptr_array_index (actions, 1))->progress, ==,
                   "Review started");
}

static void
test_entered_figures (void)
{
  g_autoptr (GPtrArray) years = stats_of (board ());
  const CairnAnnualYear *y = year (years, 2011), *y10 = year (years, 2010);

  g_assert_cmpint (y->child_deaths_notified, ==, 5);
  g_assert_cmpint (y->child_deaths_reviewed, ==, 4);
  g_assert_cmpint (y->child_deaths_unexpected, ==, 2);
  g_assert_cmpint (y->child_deaths_modifiable, ==, 1);
  g_assert_cmpint (y->private_fostering_notifications, ==, 7);
  g_assert_cmpint (y->private_fostering_arrangements, ==, 3);
  g_assert_cmpint (y->training_courses, ==, 2);
  g_assert_cmpint (y->training_sessions, ==, 6);
  g_assert_cmpint (y->training_attendees, ==, 110);
  g_assert_cmpint (y->contributions_pence, ==, 8000000);
  g_assert_cmpint (y->spending_pence, ==, 4000000);
  g_assert_cmpint (y->board_meetings, ==, 2);
  g_assert_cmpint (y10->child_deaths_reviewed, ==, -1);
  g_assert_cmpint (y10->private_fostering_notifications, ==, -1);
  g_assert_cmpint (y10->training_courses, ==, -1);
  g_assert_cmpint (y10->contributions_pence, ==, -1);
}

static void
test_members (void)
{
  g_autoptr (CairnStore) store = cairn_test_annual_open (board (), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = cairn_store_list_annual_members (store, 2011, &error);
  g_autoptr (GPtrArray) meetings = cairn_store_list_annual_meetings (store, 2011, &error);
  CairnAnnualMember *m;

  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 3);
  /* Ordered: board members by agency and name, lay members last. */
  m = g_ptr_array_index (members, 0);
  g_assert_cmpstr (m->name, ==, "Ann Chairwood");
  g_assert_cmpint (m->meetings, ==, 2);
  g_assert_cmpint (m->attended, ==, 2);
  m = g_ptr_array_index (members, 1);
  g_assert_cmpstr (m->name, ==, "Bob Bluelight");
  g_assert_cmpstr (m->agency, ==, "Testshire Police");
  g_assert_cmpint (m->meetings, ==, 1);
  g_assert_cmpint (m->attended, ==, 0);
  m = g_ptr_array_index (members, 2);
  g_assert_cmpstr (m->name, ==, "Carol Layfield");
  g_assert_true (m->lay_member);
  g_assert_cmpint (m->meetings, ==, 1);
  g_assert_cmpint (m->attended, ==, 1);

  g_assert_cmpuint (meetings->len, ==, 2);
  g_assert_cmpint (((CairnAnnualMeeting *) g_ptr_array_index (meetings, 0))->present, ==, 2);
  g_assert_cmpint (((CairnAnnualMeeting *) g_ptr_array_index (meetings, 1))->present, ==, 1);
}

static gint64
sql_int (CairnStore *store,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (cairn_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
sql_exec (CairnStore *store,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (cairn_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static const CairnAnnualYear *
compute_into (CairnStore  *store,
              GPtrArray  **out,
              int          y)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (out, g_ptr_array_unref);
  *out = cairn_annual_compute_stats (store, pathway (), 2009, 2013, NULL, &error);
  g_assert_no_error (error);
  return year (*out, y);
}

/* Years are kept once counted; a change to a record dated in a year makes
 * that year and the later ones be counted again, the earlier ones not. */
static void
test_stats_cache (void)
{
  g_autofree char *path = cairn_test_annual_fixture ("annual-cache.cairn", FALSE);
  g_autoptr (CairnStore) store = cairn_test_annual_open (path, NULL);
  g_autoptr (GPtrArray) years = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (sql_int (store, "SELECT dirty_from FROM annual_stats_state"), ==, 0);
  g_assert_cmpint (compute_into (store, &years, 2011)->referrals, ==, 4);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM annual_stats_cache"), ==, 5);
  g_assert_cmpint (sql_int (store, "SELECT dirty_from FROM annual_stats_state"), ==, 9999);

  /* A referral on 2 April 2011: 2011-12 onwards are to be counted again. */
  sql_exec (store, "INSERT INTO referrals (case_id, received_at, source_code) VALUES (901, '2011-04-02', '4')");
  g_assert_cmpint (sql_int (store, "SELECT dirty_from FROM annual_stats_state"), ==, 2011);
  g_assert_cmpint (compute_into (store, &years, 2011)->referrals, ==, 5);
  g_assert_cmpint (year (years, 2010)->referrals, ==, 3);
  g_assert_cmpint (sql_int (store, "SELECT dirty_from FROM annual_stats_state"), ==, 9999);

  /* The cache is what is read: a write that bypasses the triggers (a bulk
   * write) is not seen until the years are marked again, as
   * cairn_store_end_bulk() does. */
  cairn_store_set_index_live (store, FALSE);
  sql_exec (store, "INSERT INTO referrals (case_id, received_at, source_code) VALUES (2101, '2009-05-02', '4')");
  cairn_store_set_index_live (store, TRUE);
  g_assert_cmpint (compute_into (store, &years, 2009)->referrals, ==, 0);
  g_assert_true (cairn_store_annual_invalidate (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (compute_into (store, &years, 2009)->referrals, ==, 1);
  g_assert_cmpint (year (years, 2011)->referrals, ==, 5);

  /* A plan's category changed (to physical abuse, its recorded category
   * being neglect: more than one, so multiple): the year the plan started,
   * and later ones, are counted again. */
  sql_exec (store, "UPDATE cp_plans SET latest_category = 'PHY' WHERE id = 15");
  g_assert_cmpint (sql_int (store, "SELECT dirty_from FROM annual_stats_state"), ==, 2011);
  g_assert_cmpint (compute_into (store, &years, 2011)->children_on_plans_by[CAIRN_ANNUAL_MULTIPLE], ==, 4);
  g_assert_cmpint (year (years, 2011)->children_on_plans_by[CAIRN_ANNUAL_NEGLECT], ==, 1);

  /* Other rules (another limit): every year is counted again. */
  {
    g_autoptr (CairnRuleOverride) o = cairn_rule_override_new ();
    o->edition = g_strdup ("wt2010");
    o->rule_id = g_strdup ("W10-04");
    cairn_date_set_ymd (&o->effective_from, 2010, 4, 1);
    o->limit = 7;
    o->unit = g_strdup ("working_days");
    o->source = g_strdup ("Local procedure");
    cairn_date_set_ymd (&o->recorded_on, 2010, 3, 20);
    g_assert_true (cairn_pathway_add_rule_override (store, o, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (compute_into (store, &years, 2010)->initial_assessments.within, ==, 1);
}

static void
test_edition_of_year (void)
{
  g_assert_cmpstr (cairn_edition_get_id (cairn_annual_year_edition (pathway (), NULL, 2009)), ==, "wt2010");
  g_assert_cmpstr (cairn_edition_get_id (cairn_annual_year_edition (pathway (), NULL, 2012)), ==, "wt2010");
  g_assert_cmpstr (cairn_edition_get_id (cairn_annual_year_edition (pathway (), NULL, 2013)), ==, "wt2013");
}

/* ---- The store: permissions, validation, narratives ---------------------- */

static char *accounts_path;

static gint64
count_audit_entries (CairnStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (cairn_store_get_db (store), "SELECT count(*) FROM audit_log", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static CairnStore *
open_as (const char *user)
{
  if (accounts_path == NULL)
    accounts_path = cairn_test_annual_fixture ("annual-accounts.cairn", TRUE);
  return cairn_test_annual_open (accounts_path, user);
}

static void
test_narratives (void)
{
  g_autoptr (CairnStore) store = open_as ("manager");
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) all = NULL;
  g_autofree char *body = NULL;
  gint64 before, after;

  g_assert_true (cairn_store_set_annual_narrative (store, 2011, "ar1", "Arrangements are effective.", &error));
  g_assert_no_error (error);
  body = cairn_store_dup_annual_narrative (store, 2011, "ar1", &error);
  g_assert_cmpstr (body, ==, "Arrangements are effective.");
  g_clear_pointer (&body, g_free);
  body = cairn_store_dup_annual_narrative (store, 2010, "ar1", &error);
  g_assert_cmpstr (body, ==, "");

  /* Saving the same text again writes nothing to the audit trail. */
  before = count_audit_entries (store);
  g_assert_true (cairn_store_set_annual_narrative (store, 2011, "ar1", "Arrangements are effective.", &error));
  after = count_audit_entries (store);
  g_assert_cmpint (before, ==, after);

  all = cairn_store_get_annual_narratives (store, 2011, &error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 1);
  g_assert_true (cairn_store_set_annual_narrative (store, 2011, "ar1", "", &error));
  g_clear_pointer (&body, g_free);
  body = cairn_store_dup_annual_narrative (store, 2011, "ar1", &error);
  g_assert_cmpstr (body, ==, "");
  g_assert_no_error (error);
}

static void
test_permissions (void)
{
  g_autoptr (GError) error = NULL;

  {
    /* A practitioner may read the report's figures but change none. */
    g_autoptr (CairnStore) store = open_as ("practitioner");
    g_autoptr (GPtrArray) courses = cairn_store_list_training_courses (store, 2011, &error);
    g_autofree char *body = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (courses->len, ==, 2);
    g_assert_false (cairn_store_set_annual_narrative (store, 2011, "ar3", "Not mine to write", &error));
    g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
    g_clear_error (&error);
    g_assert_false (cairn_store_set_contacts (store, 2011, "2A", 1, &error));
    g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
    g_clear_error (&error);
    body = cairn_store_dup_annual_narrative (store, 2011, "ar3", &error);
    g_assert_cmpstr (body, ==, "");
  }
  {
    /* An auditor reads everything and changes nothing: a refused list of
     * priorities leaves the year's list as it was. */
    g_autoptr (CairnStore) store = open_as ("auditor");
    g_autoptr (GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_priority_issue_free);
    g_autoptr (GPtrArray) now = NULL;
    CairnPriorityIssue *issue = g_new0 (CairnPriorityIssue, 1);

    issue->title = g_strdup ("Gangs");
    g_ptr_array_add (issues, issue);
    g_assert_false (cairn_store_set_priority_issues (store, 2011, issues, &error));
    g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
    g_clear_error (&error);
    now = cairn_store_list_priority_issues (store, 2011, &error);
    g_assert_cmpuint (now->len, ==, 2);
    g_assert_cmpstr (((CairnPriorityIssue *) g_ptr_array_index (now, 0))->title, ==,
                     "Child sexual exploitation");
  }
}

static void
test_validation (void)
{
  g_autoptr (CairnStore) store = open_as ("chair");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_priority_issue_free);
  g_autoptr (GPtrArray) now = NULL;
  CairnPriorityIssue *issue;
  GDate early;

  g_assert_false (cairn_store_set_contacts (store, 2011, "ZZ", 3, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ZZ"));
  g_clear_error (&error);
  g_assert_false (cairn_store_set_child_population (store, 2011, -5, NULL, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "-5"));
  g_clear_error (&error);
  g_assert_false (cairn_store_set_contribution (store, 2011, "NOPE", 100, NULL, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cairn_store_set_annual_narrative (store, 1850, "ar1", "Too early", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cairn_store_set_annual_narrative (store, 2011, "ar1; DROP", "x", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);
  cairn_date_set_ymd (&early, 2012, 3, 30);
  g_assert_false (cairn_store_set_recipient (store, 2011, CAIRN_RECIPIENT_CHIEF_EXECUTIVE, "Jo", &early,
                                             &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2012-03-30"));
  g_clear_error (&error);
  /* Nor in the future. */
  cairn_store_get_today (store, &early);
  g_date_add_days (&early, 1);
  g_assert_false (cairn_store_set_recipient (store, 2011, CAIRN_RECIPIENT_CHIEF_EXECUTIVE, "Jo", &early,
                                             &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Sent on: "));
  g_assert_nonnull (strstr (error->message, "is after today"));
  g_clear_error (&error);

  /* A list with the same issue twice is refused whole. */
  issue = g_new0 (CairnPriorityIssue, 1);
  issue->title = g_strdup ("Trafficking");
  g_ptr_array_add (issues, issue);
  issue = g_new0 (CairnPriorityIssue, 1);
  issue->title = g_strdup (" Trafficking ");
  g_ptr_array_add (issues, issue);
  g_assert_false (cairn_store_set_priority_issues (store, 2011, issues, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS);
  g_clear_error (&error);
  now = cairn_store_list_priority_issues (store, 2011, &error);
  g_assert_cmpuint (now->len, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/annual/stats/referrals", test_referrals);
  g_test_add_func ("/cairn/annual/stats/assessments", test_assessments);
  g_test_add_func ("/cairn/annual/stats/assessments-board-override", test_assessments_board_override);
  g_test_add_func ("/cairn/annual/stats/enquiries-and-conferences", test_enquiries_and_conferences);
  g_test_add_func ("/cairn/annual/stats/conference-clock-setting", test_conferences_clock_setting);
  g_test_add_func ("/cairn/annual/stats/plans", test_plans);
  g_test_add_func ("/cairn/annual/stats/reviews", test_reviews);
  g_test_add_func ("/cairn/annual/stats/seen-alone", test_seen_alone);
  g_test_add_func ("/cairn/annual/stats/scrs", test_scrs);
  g_test_add_func ("/cairn/annual/stats/scr-actions-as-at", test_scr_actions_as_at);
  g_test_add_func ("/cairn/annual/stats/entered-figures", test_entered_figures);
  g_test_add_func ("/cairn/annual/stats/members", test_members);
  g_test_add_func ("/cairn/annual/edition-of-year", test_edition_of_year);
  g_test_add_func ("/cairn/annual/stats/cache", test_stats_cache);
  g_test_add_func ("/cairn/annual/store/narratives", test_narratives);
  g_test_add_func ("/cairn/annual/store/permissions", test_permissions);
  g_test_add_func ("/cairn/annual/store/validation", test_validation);
  return g_test_run ();
}
