/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-data.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pathway.h"
#include "cairn-store.h"
#include "cairn-test-utils.h"
#include "cairn-timescales.h"
#include "cairn-audit-store.h"
#include "cairn-user-store.h"

/* Guidance editions, due dates, edition choice, board overrides, transitions
 * and timers. Expected dates are worked out by hand against a printed 2010-
 * 2014 calendar and the bank holidays of timescales-verified.md §4.3; the
 * comments show the count. "Today" is fixed at 15 April 2011 unless a test
 * says otherwise. */

#define TODAY "2011-04-15"

static CairnPathway *
load_pathway (void)
{
  g_autoptr (GError) error = NULL;
  CairnPathway *pathway = cairn_pathway_get_default (&error);

  g_assert_no_error (error);
  return pathway;
}

static void
date_from (GDate      *date,
           const char *text)
{
  g_autoptr (GError) error = NULL;

  cairn_date_parse ("test", text, date, &error);
  g_assert_no_error (error);
}

/* ---- editions --------------------------------------------------------- */

static void
test_editions_load (void)
{
  g_autofree char *dir = g_build_filename (cairn_test_source_dir (), "data", "pathways", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (CairnPathway) pathway = load_pathway ();
  const char *name;
  guint n = 0;
  GDate day;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (CairnEdition) edition = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      edition = cairn_edition_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cairn_edition_get_n_nodes (edition), >, 20);
      g_assert_cmpuint (cairn_edition_get_n_edges (edition), >, 20);
      g_assert_cmpuint (cairn_edition_get_n_rules (edition), >, 20);
      n++;
    }
  g_assert_cmpuint (n, ==, 2);

  g_assert_cmpuint (cairn_pathway_get_n_editions (pathway), ==, 2);
  g_assert_cmpstr (cairn_edition_get_id (cairn_pathway_get_edition (pathway, 0)), ==, "wt2010");
  g_assert_cmpstr (cairn_edition_get_id (cairn_pathway_get_edition (pathway, 1)), ==, "wt2013");
  date_from (&day, "2010-04-01");
  g_assert_cmpint (g_date_compare (cairn_edition_get_in_force_from (cairn_pathway_get_edition (pathway, 0)),
                                   &day), ==, 0);
  date_from (&day, "2013-04-15");
  g_assert_cmpint (g_date_compare (cairn_edition_get_in_force_from (cairn_pathway_get_edition (pathway, 1)),
                                   &day), ==, 0);
}

/* Every rule of the register is in its edition, with its status and type:
 * a limit for the timers, none for the local settings. */
static void
test_editions_register (void)
{
  g_autoptr (CairnPathway) pathway = load_pathway ();
  CairnEdition *wt2010 = cairn_pathway_lookup_edition (pathway, "wt2010");
  CairnEdition *wt2013 = cairn_pathway_lookup_edition (pathway, "wt2013");
  const char *w10[] = { "W10-01", "W10-02", "W10-03a", "W10-03b", "W10-04", "W10-05", "W10-06",
                        "W10-07", "W10-08", "W10-09", "W10-10", "W10-11", "W10-12", "W10-13",
                        "W10-14", "W10-15", "W10-16", "W10-17", "W10-18", "W10-19", "W10-20",
                        "W10-21", "W10-22a", "W10-22b", "W10-23", "W10-24", "W10-25", "W10-26",
                        "W10-27", "W10-28", NULL };
  const CairnRule *r;
  const CairnRuleLimit *l;
  GDate d;

  for (guint i = 0; w10[i] != NULL; i++)
    g_assert_nonnull (cairn_edition_lookup_rule (wt2010, w10[i]));
  g_assert_cmpuint (cairn_edition_get_n_rules (wt2010), ==, g_strv_length ((char **) w10));
  for (int i = 1; i <= 22; i++)
    {
      g_autofree char *id = g_strdup_printf ("W13-%02d", i);
      g_assert_nonnull (cairn_edition_lookup_rule (wt2013, id));
    }
  g_assert_cmpuint (cairn_edition_get_n_rules (wt2013), ==, 22);

  r = cairn_edition_lookup_rule (wt2010, "W10-04");
  g_assert_cmpint (r->type, ==, CAIRN_RULE_TIMER);
  g_assert_cmpint (r->status, ==, CAIRN_RULE_VERIFIED);
  date_from (&d, "2010-03-31");
  l = cairn_rule_get_limit (r, &d);
  g_assert_cmpint (l->limit, ==, 7);
  g_assert_cmpint (l->unit, ==, CAIRN_UNIT_WORKING_DAYS);
  date_from (&d, "2010-04-01");
  l = cairn_rule_get_limit (r, &d);
  g_assert_cmpint (l->limit, ==, 10);

  /* No national limit: local settings, never a number. */
  for (const char *const *id = (const char *const[]){ "W10-03b", "W10-06", "W10-12", "W10-13",
                                                        "W10-14", "W10-15", "W10-17", NULL };
       *id; id++)
    {
      r = cairn_edition_lookup_rule (wt2010, *id);
      g_assert_cmpint (r->type, ==, CAIRN_RULE_LOCAL);
      g_assert_cmpuint (r->limits->len, ==, 0);
      g_assert_cmpint (r->status, ==, CAIRN_RULE_NOT_FOUND);
    }
  for (const char *const *id = (const char *const[]){ "W13-04", "W13-10", "W13-11", NULL }; *id; id++)
    {
      r = cairn_edition_lookup_rule (wt2013, *id);
      g_assert_cmpint (r->type, ==, CAIRN_RULE_LOCAL);
      g_assert_cmpuint (r->limits->len, ==, 0);
    }
  g_assert_cmpint (cairn_edition_lookup_rule (wt2010, "W10-07")->status, ==, CAIRN_RULE_PLAUSIBLE);
  g_assert_cmpint (cairn_edition_lookup_rule (wt2013, "W13-05")->status, ==, CAIRN_RULE_VERIFIED);
  g_assert_cmpint (cairn_edition_get_icpc_clock (wt2010), ==, CAIRN_ICPC_CLOCK_LAST_STRATEGY_DISCUSSION);
  g_assert_cmpint (cairn_edition_get_icpc_clock (wt2013), ==,
                   CAIRN_ICPC_CLOCK_FIRST_S47_STRATEGY_DISCUSSION);
  g_assert_cmpint (cairn_edition_get_start_day (wt2013), ==, CAIRN_START_DAY_0);
}

/* Each node names the events that place a case on it. */
static void
test_editions_nodes (void)
{
  g_autoptr (CairnPathway) pathway = load_pathway ();
  CairnEdition *wt2010 = cairn_pathway_lookup_edition (pathway, "wt2010");
  CairnEdition *wt2013 = cairn_pathway_lookup_edition (pathway, "wt2013");
  GPtrArray *nodes;

  nodes = cairn_edition_nodes_for_event (wt2010, "icpc");
  g_assert_cmpuint (nodes->len, ==, 1);
  g_assert_cmpstr (((CairnNode *) g_ptr_array_index (nodes, 0))->id, ==, "N20");
  nodes = cairn_edition_nodes_for_event (wt2013, "icpc");
  g_assert_cmpstr (((CairnNode *) g_ptr_array_index (nodes, 0))->id, ==, "N15");
  g_assert_cmpstr (cairn_edition_lookup_node (wt2013, "N15")->label, ==, "Initial child protection conference");
  g_assert_null (cairn_edition_nodes_for_event (wt2010, "note"));
}

static const char minimal_edition[] =
  "{\"format\": \"cairn-pathway\", \"version\": 1, \"id\": \"test\", \"title\": \"Test edition\","
  " \"short_title\": \"TEST\", \"reference\": \"test\", \"in_force_from\": \"2011-01-01\","
  " \"settings\": {\"icpc_clock_start\": \"last_strategy_discussion\", \"start_day\": \"day_0\"},"
  " \"nodes\": ["
  "  {\"id\": \"A\", \"label\": \"Referral\", \"kind\": \"start\", \"source\": \"s\", \"events\": [\"referral\"]},"
  "  {\"id\": \"B\", \"label\": \"Decision\", \"kind\": \"decision\", \"source\": \"s\"},"
  "  {\"id\": \"C\", \"label\": \"Closed\", \"kind\": \"end\", \"source\": \"s\", \"events\": [\"case_closed\"]}],"
  " \"edges\": ["
  "  {\"from\": \"A\", \"to\": \"B\", \"condition\": \"decide\"},"
  "  {\"from\": \"B\", \"to\": \"C\", \"condition\": \"close\"}],"
  " \"rules\": ["
  "  {\"id\": \"T-01\", \"title\": \"Decide\", \"type\": \"timer\", \"start\": [\"referral\"],"
  "   \"stop\": [\"referral_decision\"], \"limits\": [{\"limit\": 1, \"unit\": \"working_days\"}],"
  "   \"limit_text\": \"1 WD\", \"reference\": \"r\", \"status\": \"VERIFIED\", \"evidence\": \"e\"},"
  "  {\"id\": \"T-02\", \"title\": \"Local\", \"type\": \"local\", \"limit_text\": \"none\","
  "   \"reference\": \"r\", \"status\": \"NOT FOUND\", \"evidence\": \"e\"}]}";

static void
expect_broken (const char *find,
               const char *replace,
               const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnEdition) edition = NULL;
  g_autoptr (GString) text = g_string_new (minimal_edition);

  if (find != NULL)
    g_assert_cmpuint (g_string_replace (text, find, replace, 1), ==, 1);
  edition = cairn_edition_new_from_data ("broken.json", text->str, -1, &error);
  g_assert_null (edition);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  if (strstr (error->message, message) == NULL)
    g_error ("expected \"%s\" in \"%s\"", message, error->message);
}

static void
test_editions_broken (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnEdition) ok = cairn_edition_new_from_data ("ok.json", minimal_edition, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ok);

  expect_broken ("\"to\": \"C\"", "\"to\": \"Z\"",
                 "broken.json: edges[1] (B → Z): to: \"Z\" is not a node");
  expect_broken ("\"from\": \"A\"", "\"from\": \"Q\"",
                 "broken.json: edges[0] (Q → B): from: \"Q\" is not a node");
  expect_broken ("{\"from\": \"B\", \"to\": \"C\", \"condition\": \"close\"}",
                 "{\"from\": \"B\", \"to\": \"B\", \"condition\": \"loop\"}",
                 "broken.json: nodes[C]: unreachable");
  expect_broken ("\"kind\": \"start\"", "\"kind\": \"step\"", "broken.json: nodes: no start node");
  expect_broken ("\"kind\": \"end\"", "\"kind\": \"finish\"",
                 "broken.json: nodes[C]: kind: \"finish\" is not start, step, decision or end");
  expect_broken ("\"unit\": \"working_days\"", "\"unit\": \"fortnights\"",
                 "broken.json: rules[T-01].limits[0]: unit: \"fortnights\" is not a unit");
  expect_broken ("\"id\": \"B\"", "\"id\": \"A\"", "broken.json: nodes[A]: duplicate id");
  expect_broken ("\"id\": \"T-02\"", "\"id\": \"T-01\"", "broken.json: rules[T-01]: duplicate id");
  expect_broken ("\"2011-01-01\"", "\"2011-02-30\"",
                 "broken.json: edition: in_force_from: \"2011-02-30\" is not a date");
  expect_broken ("{\"limit\": 1, \"unit\": \"working_days\"}",
                 "{\"limit\": 1, \"unit\": \"working_days\"}, {\"from\": \"2012-13-01\", \"limit\": 2,"
                 " \"unit\": \"working_days\"}",
                 "broken.json: rules[T-01].limits[1]: from: \"2012-13-01\" is not a date");
  expect_broken ("\"stop\": [\"referral_decision\"]", "\"stop\": [\"referal_decision\"]",
                 "broken.json: rules[T-01]: stop: \"referal_decision\" is not an event kind");
  expect_broken ("\"stop\": [\"referral_decision\"]", "\"stpo\": [\"referral_decision\"]",
                 "broken.json: rules[T-01]: unknown member \"stpo\"");
  expect_broken ("\"limits\": [{\"limit\": 1, \"unit\": \"working_days\"}],", "",
                 "broken.json: rules[T-01]: limits: a timer needs at least one limit");
  expect_broken ("\"type\": \"local\",",
                 "\"type\": \"local\", \"limits\": [{\"limit\": 5, \"unit\": \"working_days\"}],",
                 "broken.json: rules[T-02]: limits: a local rule has no national limit");
  expect_broken ("\"status\": \"VERIFIED\"", "\"status\": \"PROBABLE\"",
                 "broken.json: rules[T-01]: status: \"PROBABLE\" is not VERIFIED, PLAUSIBLE or NOT FOUND");
  expect_broken ("\"format\": \"cairn-pathway\", ", "\"format\": \"cairn-pathway\", ,",
                 "broken.json: ");
}

/* A broken edition file in the data directory stops the pathway loading,
 * and the CLI says which file and item. */
static void
test_editions_broken_cli (void)
{
  g_autofree char *dir = cairn_test_scratch_path ("broken-data");
  g_autofree char *pathways = g_build_filename (dir, "pathways", NULL);
  g_autofree char *src = g_build_filename (cairn_test_source_dir (), "data", NULL);
  g_autofree char *holidays = NULL;
  g_autofree char *target = NULL;
  g_autofree char *edition = NULL;
  g_autofree char *err = NULL;
  g_autofree char *env_entry = g_strconcat ("CAIRN_DATA_DIR=", dir, NULL);
  g_autoptr (GString) text = g_string_new (minimal_edition);
  const char *env[] = { env_entry, NULL };
  const char *argv[] = { "due-date", "--edition", "test", "--rule", "T-01", "--from", "2011-03-01", NULL };

  g_assert_cmpint (g_mkdir_with_parents (pathways, 0700), ==, 0);
  holidays = g_build_filename (src, "bank-holidays-england-wales.txt", NULL);
  g_assert_true (g_file_get_contents (holidays, &edition, NULL, NULL));
  target = g_build_filename (dir, "bank-holidays-england-wales.txt", NULL);
  g_assert_true (g_file_set_contents (target, edition, -1, NULL));
  g_clear_pointer (&target, g_free);
  target = g_build_filename (pathways, "test.json", NULL);
  g_string_replace (text, "\"to\": \"C\"", "\"to\": \"Z\"", 1);
  g_assert_true (g_file_set_contents (target, text->str, -1, NULL));

  g_assert_cmpint (cairn_test_run_cli_env (env, NULL, &err, argv), ==, 2);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: "));
  g_assert_nonnull (strstr (err, "test.json: edges[1] (B → Z): to: \"Z\" is not a node"));
}

/* ---- due dates -------------------------------------------------------- */

static char *
due (CairnPathway             *pathway,
     const CairnPathwayConfig *config,
     const char               *edition,
     const char               *rule,
     const char               *from)
{
  g_autoptr (GError) error = NULL;
  GDate d, out;
  int minute, out_minute;

  g_assert_true (cairn_timestamp_parse ("test", from, &d, &minute, &error));
  if (!cairn_pathway_due_date (pathway, config, edition, rule, &d, minute, &out, &out_minute, NULL,
                               &error))
    return g_strdup_printf ("error: %s", error->message);
  return cairn_timestamp_to_string (&out, out_minute);
}

#define assert_due(pathway, config, edition, rule, from, expected)                                 \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *got_ = due ((pathway), (config), (edition), (rule), (from));                  \
    g_assert_cmpstr (got_, ==, (expected));                                                        \
  }                                                                                                \
  G_STMT_END

/* W10-04: 7 working days for referrals before 1 April 2010, 10 from that day. */
static void
test_due_initial_assessment_change (void)
{
  g_autoptr (CairnPathway) pathway = load_pathway ();

  /* Wed 31 Mar 2010 + 7: Thu 1 Apr, (Good Friday, Easter Monday), 6, 7, 8, 9, 12, 13 Apr. */
  assert_due (pathway, NULL, "wt2010", "W10-04", "2010-03-31", "2010-04-13");
  /* Thu 1 Apr 2010 + 10: 6, 7, 8, 9, 12, 13, 14, 15, 16, 19 Apr. */
  assert_due (pathway, NULL, "wt2010", "W10-04", "2010-04-01", "2010-04-19");
  /* Fri 19 Mar 2010 + 7: 22, 23, 24, 25, 26, 29, 30 Mar. */
  assert_due (pathway, NULL, "wt2010", "W10-04", "2010-03-19", "2010-03-30");
}

static void
test_due_units (void)
{
  g_autoptr (CairnPathway) pathway = load_pathway ();
  g_autoptr (CairnPathwayConfig) config = cairn_pathway_config_new ();
  g_autoptr (GError) error = NULL;

  /* 35 working days from Wed 16 Mar 2011, across Easter, the royal wedding
   * and the early May holiday: 17, 18, 21-25, 28-31 Mar (11), 1, 4-8, 11-15,
   * 18-21 Apr (26), 26-28 Apr (29), 3-6, 9, 10 May (35). */
  assert_due (pathway, NULL, "wt2010", "W10-05", "2011-03-16", "2011-05-10");
  /* Child assessment order: 7 days beginning with Tue 1 Mar 2011. */
  assert_due (pathway, NULL, "wt2010", "W10-20", "2011-03-01", "2011-03-07");
  /* Police protection: 72 hours, across the start of British Summer Time. */
  assert_due (pathway, NULL, "wt2013", "W13-20", "2013-03-30T10:00", "2013-04-02T11:00");
  assert_due (pathway, NULL, "wt2010", "W10-18", "2011-07-01T22:15", "2011-07-04T22:15");
  /* 48 hours from 16:00 on Fri 25 Mar 2011; the clocks go forward on the 27th. */
  assert_due (pathway, NULL, "wt2010", "W10-02", "2011-03-25T16:00", "2011-03-27T17:00");
  /* Months at month ends. */
  assert_due (pathway, NULL, "wt2013", "W13-07", "2013-05-31", "2013-08-31");
  assert_due (pathway, NULL, "wt2010", "W10-09", "2011-01-31", "2011-04-30");
  assert_due (pathway, NULL, "wt2013", "W13-08", "2013-08-31", "2014-02-28");
  assert_due (pathway, NULL, "wt2013", "W13-13", "2016-01-31", "2016-02-29");
  assert_due (pathway, NULL, "wt2010", "W10-10", "2011-08-31", "2012-02-29");
  /* SCR: 4 months before the revised Chapter 8, 6 after. */
  assert_due (pathway, NULL, "wt2010", "W10-16", "2009-11-30", "2010-03-30");
  assert_due (pathway, NULL, "wt2010", "W10-16", "2010-08-31", "2011-02-28");
  /* WT2013 one assessment: 45 working days from Mon 15 Apr 2013 (early May
   * and spring holidays on 6 and 27 May) is Wed 19 Jun 2013. */
  assert_due (pathway, NULL, "wt2013", "W13-02", "2013-04-15", "2013-06-19");
  /* ICPC 15 working days from Fri 1 Apr 2011: 4-8, 11-15, 18-21, 26 Apr. */
  assert_due (pathway, NULL, "wt2010", "W10-07", "2011-04-01", "2011-04-26");

  /* The board counts the start day as day 1 when it is a working day. */
  g_assert_true (cairn_pathway_config_set_edition_setting (config, pathway, "wt2010", "start_day",
                                                           "day_1", &error));
  g_assert_no_error (error);
  /* Tue 1 Mar 2011 is day 1: 1-4 (4), 7-11 (9), 14 Mar (10). */
  assert_due (pathway, config, "wt2010", "W10-04", "2011-03-01", "2011-03-14");
  /* A Saturday start is unchanged: the first working day after it is day 1. */
  assert_due (pathway, config, "wt2010", "W10-04", "2011-03-05", "2011-03-18");
  assert_due (pathway, NULL, "wt2010", "W10-04", "2011-03-05", "2011-03-18");
}

static void
test_due_refused (void)
{
  g_autoptr (CairnPathway) pathway = load_pathway ();

  assert_due (pathway, NULL, "wt2010", "W10-06", "2011-03-01",
              "error: W10-06: has no national limit (no fixed limit; \"as soon as possible\" after "
              "single-agency emergency action); it is a local setting for each board");
  assert_due (pathway, NULL, "wt2013", "W13-10", "2013-06-03",
              "error: W13-10: has no national limit (local protocol); it is a local setting for each board");
  assert_due (pathway, NULL, "wt2010", "W10-23", "2011-03-01",
              "error: W10-23: is not a timescale (Categories of abuse for a CP plan: physical, "
              "emotional, sexual abuse, neglect)");
  assert_due (pathway, NULL, "wt2010", "W10-99", "2011-03-01",
              "error: Rule: \"W10-99\" is not a rule of WT2010");
  assert_due (pathway, NULL, "wt2099", "W10-04", "2011-03-01",
              "error: Edition: \"wt2099\" is not a guidance edition");
  assert_due (pathway, NULL, "wt2010", "W10-18", "2011-03-01",
              "error: From: W10-18 counts 72 hours: a date and time is required (YYYY-MM-DDTHH:MM)");
  assert_due (pathway, NULL, "wt2010", "W10-04", "2011-03-01T09:00",
              "error: From: W10-04 counts 10 working days: a date without a time is required (YYYY-MM-DD)");
}

/* The edition in force on the day a clock starts: 14 April 2013 is WT2010,
 * 15 April 2013 WT2013; before 1 April 2010, the earliest edition. */
static void
test_edition_choice (void)
{
  g_autoptr (CairnPathway) pathway = load_pathway ();
  GDate d;

  date_from (&d, "2013-04-14");
  g_assert_cmpstr (cairn_edition_get_id (cairn_pathway_get_edition_in_force (pathway, &d)), ==, "wt2010");
  date_from (&d, "2013-04-15");
  g_assert_cmpstr (cairn_edition_get_id (cairn_pathway_get_edition_in_force (pathway, &d)), ==, "wt2013");
  date_from (&d, "2010-03-31");
  g_assert_cmpstr (cairn_edition_get_id (cairn_pathway_get_edition_in_force (pathway, &d)), ==, "wt2010");
  date_from (&d, "2010-04-01");
  g_assert_cmpstr (cairn_edition_get_id (cairn_pathway_get_edition_in_force (pathway, &d)), ==, "wt2010");
}

/* ---- a board's database ----------------------------------------------- */

static CairnStore *
new_store (const char *name)
{
  g_autofree char *path = cairn_test_scratch_path (name);
  g_autoptr (GError) error = NULL;
  CairnStore *store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
add_child (CairnStore *store)
{
  g_autoptr (CairnChild) child = cairn_child_new ();
  g_autoptr (GError) error = NULL;

  child->given_name = g_strdup ("Alex");
  child->family_name = g_strdup ("Testperson");
  date_from (&child->date_of_birth, "2007-06-01");
  g_assert_true (cairn_store_add_child (store, child, &error));
  g_assert_no_error (error);
  return child->number;
}

static int
open_case (CairnStore *store,
           gint64      child,
           const char *referral_date)
{
  g_autoptr (CairnReferral) referral = cairn_referral_new ();
  g_autoptr (GError) error = NULL;
  int n;

  g_assert_true (cairn_timestamp_parse ("test", referral_date, &referral->received_on,
                                        &referral->received_minute, &error));
  n = cairn_store_open_case (store, child, referral, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, >, 0);
  return n;
}

static CairnEvent *
make_event (const char *kind,
            const char *when)
{
  CairnEvent *e = cairn_event_new ();
  g_autoptr (GError) error = NULL;

  e->kind = g_strdup (kind);
  g_assert_true (cairn_timestamp_parse ("test", when, &e->date, &e->minute, &error));
  return e;
}

static gboolean
record (CairnStore  *store,
        gint64       child,
        int          case_number,
        const char  *kind,
        const char  *when,
        const char  *late_reason,
        const char  *exception_reason,
        GError     **error)
{
  g_autoptr (CairnEvent) e = make_event (kind, when);

  e->late_reason = g_strdup (late_reason);
  e->exception_reason = g_strdup (exception_reason);
  return cairn_pathway_record_event (store, child, case_number, e, error);
}

#define add(store, child, n, kind, when)                                                           \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autoptr (GError) e_ = NULL;                                                                  \
    gboolean ok_ = record ((store), (child), (n), (kind), (when), NULL, NULL, &e_);                \
    g_assert_no_error (e_);                                                                        \
    g_assert_true (ok_);                                                                           \
  }                                                                                                \
  G_STMT_END

static GPtrArray *
timers_of (CairnStore *store,
           gint64      child,
           int         case_number)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *timers = cairn_pathway_case_timers (store, child, case_number, &error);

  g_assert_no_error (error);
  g_assert_nonnull (timers);
  return timers;
}

static const CairnTimer *
find_timer (GPtrArray  *timers,
            const char *rule_id)
{
  for (guint i = 0; i < timers->len; i++)
    if (strcmp (((CairnTimer *) g_ptr_array_index (timers, i))->rule_id, rule_id) == 0)
      return g_ptr_array_index (timers, i);
  return NULL;
}

static void
assert_timer (GPtrArray       *timers,
              const char      *rule_id,
              const char      *edition,
              const char      *due_text,
              CairnTimerStatus status)
{
  const CairnTimer *t = find_timer (timers, rule_id);
  g_autofree char *got = NULL;

  if (t == NULL)
    g_error ("no timer %s", rule_id);
  got = cairn_timestamp_to_string (&t->due, t->due_minute);
  g_assert_cmpstr (t->edition, ==, edition);
  g_assert_cmpstr (got, ==, due_text);
  g_assert_cmpstr (cairn_timer_status_to_string (t->status), ==, cairn_timer_status_to_string (status));
}

static guint
count_events (CairnStore *store,
              gint64      child,
              int         case_number)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = cairn_store_list_events (store, child, case_number, &error);

  g_assert_no_error (error);
  return events->len;
}

/* Met, missed and running timers for one case, as of 15 April 2011. */
static void
test_timer_status (void)
{
  g_autoptr (CairnStore) store = new_store ("timers.cairn");
  gint64 child = add_child (store);
  int n = open_case (store, child, "2011-03-01");
  g_autoptr (GPtrArray) timers = NULL;
  g_autoptr (GError) error = NULL;
  const CairnTimer *t;
  CairnCaseSummary summary;

  add (store, child, n, "referral_by_phone", "2011-03-01T09:00");
  add (store, child, n, "referral_decision", "2011-03-01");
  g_assert_true (record (store, child, n, "referral_acknowledged", "2011-03-03",
                         "The duty inbox was not checked", NULL, &error));
  g_assert_no_error (error);
  add (store, child, n, "initial_assessment_start", "2011-03-02");
  add (store, child, n, "initial_assessment_complete", "2011-03-15");
  add (store, child, n, "core_assessment_start", "2011-03-16");
  add (store, child, n, "strategy_discussion", "2011-04-01");
  add (store, child, n, "s47_start", "2011-04-01");

  timers = timers_of (store, child, n);
  /* Decision on the referral day: due Wed 2 Mar, met one day early. */
  assert_timer (timers, "W10-01", "wt2010", "2011-03-02", CAIRN_TIMER_MET);
  g_assert_cmpint (find_timer (timers, "W10-01")->days, ==, 1);
  /* Acknowledged on Thu 3 Mar: one working day late, with its reason. */
  assert_timer (timers, "W10-03a", "wt2010", "2011-03-02", CAIRN_TIMER_MISSED);
  t = find_timer (timers, "W10-03a");
  g_assert_false (t->open);
  g_assert_cmpint (t->days, ==, -1);
  g_assert_cmpstr (t->late_reason, ==, "The duty inbox was not checked");
  /* Initial assessment completed on its due date. */
  assert_timer (timers, "W10-04", "wt2010", "2011-03-15", CAIRN_TIMER_MET);
  g_assert_cmpint (find_timer (timers, "W10-04")->days, ==, 0);
  g_assert_nonnull (strstr (find_timer (timers, "W10-04")->source, "WT2010 Ch.5; draft ¶5.37 (VERIFIED)"));
  /* Core assessment from 16 Mar: running until 10 May. */
  assert_timer (timers, "W10-05", "wt2010", "2011-05-10", CAIRN_TIMER_RUNNING);
  /* ICPC from the strategy discussion on Fri 1 Apr: due 26 Apr; on Fri 15 Apr
   * five working days remain (18, 19, 20, 21, 26 April). */
  assert_timer (timers, "W10-07", "wt2010", "2011-04-26", CAIRN_TIMER_RUNNING);
  t = find_timer (timers, "W10-07");
  g_assert_true (t->open);
  g_assert_cmpint (t->days, ==, 5);
  /* The telephone referral was never confirmed in writing: 48 hours from
   * 09:00 on 1 Mar, overdue by the 31 working days from 4 Mar to 15 Apr. */
  assert_timer (timers, "W10-02", "wt2010", "2011-03-03T09:00", CAIRN_TIMER_MISSED);
  t = find_timer (timers, "W10-02");
  g_assert_true (t->open);
  g_assert_cmpint (t->days, ==, -31);
  g_assert_null (find_timer (timers, "W10-08"));

  /* The summary the navigator sorts by. */
  g_assert_true (cairn_store_get_case_summary (store, child, n, &summary, &error));
  g_assert_cmpstr (summary.current_stage, ==, "N16");
  g_assert_cmpstr (summary.current_edition, ==, "wt2010");
  g_assert_cmpstr (summary.next_rule, ==, "W10-02");
  g_assert_cmpstr (summary.timer_status, ==, "overdue");
  cairn_case_summary_clear (&summary);
}

/* Not applicable: an initial assessment after a referral that ended in no
 * further action; a core group when the conference made no plan; a clock
 * stopped when the case closed, or missed when it closed too late. */
static void
test_timer_not_applicable (void)
{
  g_autoptr (CairnStore) store = new_store ("not-applicable.cairn");
  gint64 child = add_child (store);
  int a = open_case (store, child, "2011-03-01");
  int b = open_case (store, child, "2011-03-01");
  g_autoptr (GPtrArray) ta = NULL;
  g_autoptr (GPtrArray) tb = NULL;

  add (store, child, a, "nfa", "2011-03-02");
  ta = timers_of (store, child, a);
  assert_timer (ta, "W10-01", "wt2010", "2011-03-02", CAIRN_TIMER_MET);
  assert_timer (ta, "W10-04", "wt2010", "2011-03-15", CAIRN_TIMER_NOT_APPLICABLE);
  g_assert_false (find_timer (ta, "W10-04")->open);

  add (store, child, b, "referral_decision", "2011-03-01");
  add (store, child, b, "referral_acknowledged", "2011-03-01");
  add (store, child, b, "strategy_discussion", "2011-03-02");
  add (store, child, b, "s47_start", "2011-03-02");
  add (store, child, b, "icpc", "2011-03-18");
  add (store, child, b, "case_closed", "2011-03-25");
  tb = timers_of (store, child, b);
  /* ICPC 15 working days from Wed 2 Mar: 3, 4, 7-11, 14-18, 21, 22, 23 Mar; held on the 18th. */
  assert_timer (tb, "W10-07", "wt2010", "2011-03-23", CAIRN_TIMER_MET);
  /* No plan was made: no core group or review is due. */
  assert_timer (tb, "W10-08", "wt2010", "2011-04-01", CAIRN_TIMER_NOT_APPLICABLE);
  assert_timer (tb, "W10-09", "wt2010", "2011-06-18", CAIRN_TIMER_NOT_APPLICABLE);
  /* The initial assessment was never completed and the case closed on
   * 25 Mar, after its due date of 15 Mar: missed, not open. */
  assert_timer (tb, "W10-04", "wt2010", "2011-03-15", CAIRN_TIMER_MISSED);
  g_assert_false (find_timer (tb, "W10-04")->open);
  g_assert_cmpint (find_timer (tb, "W10-04")->days, ==, -8);
}

/* A plan's core group and reviews, and later reviews each from the last. */
static void
test_timer_plan (void)
{
  g_autoptr (CairnStore) store = new_store ("plan.cairn");
  gint64 child = add_child (store);
  int n = open_case (store, child, "2010-08-02");
  g_autoptr (GPtrArray) timers = NULL;
  guint reviews = 0;

  add (store, child, n, "strategy_discussion", "2010-08-03");
  add (store, child, n, "s47_start", "2010-08-03");
  add (store, child, n, "s47_complete", "2010-08-13");
  add (store, child, n, "icpc", "2010-08-31");
  add (store, child, n, "cp_plan_start", "2010-08-31");
  add (store, child, n, "core_group", "2010-09-15");
  add (store, child, n, "review_conference", "2010-11-30");
  add (store, child, n, "review_conference", "2011-04-01");
  timers = timers_of (store, child, n);

  /* ICPC: 15 working days from Tue 3 Aug 2010 (summer holiday Mon 30 Aug):
   * 4-6 (3), 9-13 (8), 16-20 (13), 23, 24 Aug (15). Held 31 Aug: missed by
   * four working days (25, 26, 27, 31 Aug). */
  assert_timer (timers, "W10-07", "wt2010", "2010-08-24", CAIRN_TIMER_MISSED);
  g_assert_cmpint (find_timer (timers, "W10-07")->days, ==, -4);
  /* Core group: 10 working days from Tue 31 Aug: 1-3 (3), 6-10 (8), 13, 14 Sep. */
  assert_timer (timers, "W10-08", "wt2010", "2010-09-14", CAIRN_TIMER_MISSED);
  /* First review within 3 months of 31 Aug: 30 Nov. */
  assert_timer (timers, "W10-09", "wt2010", "2010-11-30", CAIRN_TIMER_MET);
  /* Later reviews: 30 Nov + 6 months = 30 May 2011 (held 1 Apr, met);
   * 1 Apr + 6 months = 1 Oct 2011 (running). */
  for (guint i = 0; i < timers->len; i++)
    {
      const CairnTimer *t = g_ptr_array_index (timers, i);
      g_autofree char *d = cairn_date_to_string (&t->due);

      if (strcmp (t->rule_id, "W10-10") != 0)
        continue;
      if (reviews == 0)
        {
          g_assert_cmpstr (d, ==, "2011-05-30");
          g_assert_cmpint (t->status, ==, CAIRN_TIMER_MET);
        }
      else
        {
          g_assert_cmpstr (d, ==, "2011-10-01");
          g_assert_cmpint (t->status, ==, CAIRN_TIMER_RUNNING);
        }
      reviews++;
    }
  g_assert_cmpuint (reviews, ==, 2);
}

/* Which strategy discussion starts the ICPC clock: WT2010 counts from the
 * last one (edition setting), a board may choose the one at which s47
 * enquiries were initiated. */
static void
test_icpc_clock (void)
{
  g_autoptr (CairnStore) store = new_store ("icpc-clock.cairn");
  g_autoptr (GError) error = NULL;
  gint64 child = add_child (store);
  int n = open_case (store, child, "2011-02-25");
  g_autoptr (GPtrArray) last = NULL;
  g_autoptr (GPtrArray) first = NULL;

  add (store, child, n, "strategy_discussion", "2011-03-01");
  add (store, child, n, "strategy_discussion", "2011-03-08");
  add (store, child, n, "s47_start", "2011-03-08");
  add (store, child, n, "strategy_discussion", "2011-03-15");
  add (store, child, n, "icpc", "2011-03-25");

  /* From Tue 15 Mar: 16-18 (3), 21-25 (8), 28-31 (12), 1 Apr (13), 4, 5 Apr. */
  last = timers_of (store, child, n);
  assert_timer (last, "W10-07", "wt2010", "2011-04-05", CAIRN_TIMER_MET);

  g_assert_true (cairn_pathway_set_board_setting (store, "pathway.wt2010.icpc_clock_start",
                                                  "first_s47_strategy_discussion", &error));
  g_assert_no_error (error);
  /* From Tue 8 Mar: 9-11 (3), 14-18 (8), 21-25 (13), 28, 29 Mar. */
  first = timers_of (store, child, n);
  assert_timer (first, "W10-07", "wt2010", "2011-03-29", CAIRN_TIMER_MET);

  g_assert_false (cairn_pathway_set_board_setting (store, "pathway.wt2010.icpc_clock_start",
                                                   "second_discussion", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
}

/* Each clock takes the edition in force on the day it starts: a case
 * referred on Sunday 14 April 2013 has a WT2010 initial assessment, one
 * referred on Monday 15 April the WT2013 assessment; a clock that starts
 * later in the first case is WT2013's. */
static void
test_edition_per_clock (void)
{
  g_autoptr (CairnStore) store = new_store ("edition-choice.cairn");
  g_autoptr (GError) error = NULL;
  gint64 child;
  int before, after;
  g_autoptr (GPtrArray) tb = NULL;
  g_autoptr (GPtrArray) ta = NULL;
  g_autoptr (GPtrArray) tr = NULL;
  g_autoptr (GPtrArray) tc = NULL;
  CairnCaseSummary summary;

  g_setenv ("CAIRN_TODAY", "2013-05-24", TRUE);
  child = add_child (store);
  before = open_case (store, child, "2013-04-14");
  after = open_case (store, child, "2013-04-15");
  add (store, child, before, "strategy_discussion", "2013-04-30");
  add (store, child, before, "s47_start", "2013-04-30");
  add (store, child, before, "icpc", "2013-05-20");
  add (store, child, before, "cp_plan_start", "2013-05-20");

  tb = timers_of (store, child, before);
  /* Sunday 14 April: Mon 15 is day 1 … Fri 26 is day 10. */
  assert_timer (tb, "W10-04", "wt2010", "2013-04-26", CAIRN_TIMER_MISSED);
  g_assert_null (find_timer (tb, "W13-02"));
  /* The strategy discussion of 30 April 2013 starts a WT2013 clock: 15
   * working days (6 May a holiday): 1-3 (3), 7-10 (7), 13-17 (12), 20-22 May. */
  assert_timer (tb, "W13-05", "wt2013", "2013-05-22", CAIRN_TIMER_MET);
  g_assert_null (find_timer (tb, "W10-07"));
  /* Core group: 10 working days from Mon 20 May (27 May a holiday):
   * 21-24 (4), 28-31 May (8), 3, 4 Jun. */
  assert_timer (tb, "W13-06", "wt2013", "2013-06-04", CAIRN_TIMER_RUNNING);

  ta = timers_of (store, child, after);
  assert_timer (ta, "W13-02", "wt2013", "2013-06-19", CAIRN_TIMER_RUNNING);
  assert_timer (ta, "W13-01", "wt2013", "2013-04-16", CAIRN_TIMER_MISSED);
  g_assert_null (find_timer (ta, "W10-04"));

  /* The board may choose the edition in force at referral for every clock. */
  g_assert_true (cairn_pathway_set_board_setting (store, CAIRN_SETTING_EDITION_CHOICE, "referral", &error));
  g_assert_no_error (error);
  tr = timers_of (store, child, before);
  assert_timer (tr, "W10-07", "wt2010", "2013-05-22", CAIRN_TIMER_MET);
  assert_timer (tr, "W10-08", "wt2010", "2013-06-04", CAIRN_TIMER_RUNNING);
  g_assert_null (find_timer (tr, "W13-06"));
  g_assert_true (cairn_pathway_set_board_setting (store, CAIRN_SETTING_EDITION_CHOICE, NULL, &error));

  /* A case can follow another edition, with a reason. */
  g_assert_false (cairn_pathway_set_case_edition (store, child, before, "wt2013", "", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Reason: "));
  g_clear_error (&error);
  g_assert_false (cairn_pathway_set_case_edition (store, child, before, "wt2099", "why", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cairn_pathway_set_case_edition (store, child, before, "wt2013",
                                                 "Transferred from an authority already working to WT2013",
                                                 &error));
  g_assert_no_error (error);
  tc = timers_of (store, child, before);
  /* 45 working days from Sunday 14 April: Monday 15 April is day 1, so one
   * working day before the 19 June of a referral on the 15th. */
  assert_timer (tc, "W13-02", "wt2013", "2013-06-18", CAIRN_TIMER_RUNNING);
  g_assert_null (find_timer (tc, "W10-04"));
  g_assert_true (cairn_store_get_case_summary (store, child, before, &summary, &error));
  g_assert_cmpstr (summary.current_edition, ==, "wt2013");
  g_assert_cmpstr (summary.current_stage, ==, "N18");
  cairn_case_summary_clear (&summary);

  g_setenv ("CAIRN_TODAY", TODAY, TRUE);
}

/* The worked example of timescales-verified.md §3.5, through the engine
 * alone (no database): an initial assessment begun on 10 April 2013 still
 * has 10 working days, a referral received on 16 April 2013 gets one
 * assessment of up to 45 working days from referral. */
static void
test_edition_register_example (void)
{
  g_autoptr (CairnPathway) pathway = load_pathway ();
  g_autoptr (GPtrArray) early_events = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_event_free);
  g_autoptr (GPtrArray) late_events = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_event_free);
  g_autoptr (GPtrArray) early = NULL;
  g_autoptr (GPtrArray) late = NULL;
  g_autoptr (GError) error = NULL;
  CairnPathwayCase kase = { 0 };
  GDate today;

  date_from (&today, "2013-04-30");
  cairn_date_clear (&kase.closed_on);
  date_from (&kase.opened_on, "2013-04-10");
  g_ptr_array_add (early_events, make_event ("referral", "2013-04-10"));
  g_ptr_array_add (early_events, make_event ("initial_assessment_start", "2013-04-10"));
  early = cairn_pathway_compute_timers (pathway, NULL, &kase, early_events, &today, &error);
  g_assert_no_error (error);
  /* Wed 10 Apr + 10: 11, 12, 15-19, 22, 23, 24 Apr. */
  assert_timer (early, "W10-04", "wt2010", "2013-04-24", CAIRN_TIMER_MISSED);
  g_assert_cmpint (find_timer (early, "W10-04")->limit, ==, 10);
  g_assert_null (find_timer (early, "W13-02"));

  date_from (&kase.opened_on, "2013-04-16");
  g_ptr_array_add (late_events, make_event ("referral", "2013-04-16"));
  g_ptr_array_add (late_events, make_event ("assessment_start", "2013-04-16"));
  late = cairn_pathway_compute_timers (pathway, NULL, &kase, late_events, &today, &error);
  g_assert_no_error (error);
  /* One working day after the 19 June of a referral on Monday 15 April. */
  assert_timer (late, "W13-02", "wt2013", "2013-06-20", CAIRN_TIMER_RUNNING);
  g_assert_cmpint (find_timer (late, "W13-02")->limit, ==, 45);
  g_assert_null (find_timer (late, "W10-04"));
  g_assert_null (find_timer (late, "W10-05"));
}

/* A clock that started before 1 April 2010 has the 7-day limit. */
static void
test_timer_before_2010 (void)
{
  g_autoptr (CairnStore) store = new_store ("before-2010.cairn");
  gint64 child = add_child (store);
  int a = open_case (store, child, "2010-03-31");
  int b = open_case (store, child, "2010-04-01");
  g_autoptr (GPtrArray) ta = timers_of (store, child, a);
  g_autoptr (GPtrArray) tb = timers_of (store, child, b);

  assert_timer (ta, "W10-04", "wt2010", "2010-04-13", CAIRN_TIMER_MISSED);
  g_assert_cmpint (find_timer (ta, "W10-04")->limit, ==, 7);
  assert_timer (tb, "W10-04", "wt2010", "2010-04-19", CAIRN_TIMER_MISSED);
  g_assert_cmpint (find_timer (tb, "W10-04")->limit, ==, 10);
}

/* A board override (Coventry kept 7 working days after 1 April 2010,
 * timescales-verified.md note 3.4) changes a due date and shows its source. */
static void
test_board_override (void)
{
  g_autoptr (CairnStore) store = new_store ("override.cairn");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnRuleOverride) o = cairn_rule_override_new ();
  g_autoptr (CairnRuleOverride) later = cairn_rule_override_new ();
  g_autoptr (CairnRuleOverride) own = cairn_rule_override_new ();
  g_autoptr (CairnRuleOverride) bad = cairn_rule_override_new ();
  g_autoptr (GPtrArray) national = NULL;
  g_autoptr (GPtrArray) board = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  const char *path = cairn_store_get_path (store);
  g_autofree char *out = NULL;
  g_autofree char *out_db = NULL;
  g_autofree char *json = NULL;
  gint64 child = add_child (store);
  int n = open_case (store, child, "2011-03-01");
  int m = open_case (store, child, "2010-03-01");
  CairnCaseSummary summary;
  const CairnTimer *t;

  national = timers_of (store, child, n);
  assert_timer (national, "W10-04", "wt2010", "2011-03-15", CAIRN_TIMER_MISSED);
  g_assert_false (find_timer (national, "W10-04")->board_rule);

  o->edition = g_strdup ("wt2010");
  o->rule_id = g_strdup ("W10-04");
  date_from (&o->effective_from, "2010-04-01");
  o->limit = 7;
  o->unit = g_strdup ("working_days");
  o->source = g_strdup ("Coventry LSCB procedures: the 7 working day maximum is retained");
  g_assert_true (cairn_pathway_add_rule_override (store, o, &error));
  g_assert_no_error (error);
  g_assert_cmpint (o->id, >, 0);

  /* Tue 1 Mar 2011 + 7: 2, 3, 4, 7, 8, 9, 10 Mar. */
  board = timers_of (store, child, n);
  assert_timer (board, "W10-04", "wt2010", "2011-03-10", CAIRN_TIMER_MISSED);
  t = find_timer (board, "W10-04");
  g_assert_true (t->board_rule);
  g_assert_cmpstr (t->rule_status, ==, "LOCAL");
  g_assert_cmpstr (t->source, ==,
                   "Coventry LSCB procedures: the 7 working day maximum is retained (board setting from 2010-04-01)");
  g_assert_true (cairn_store_get_case_summary (store, child, n, &summary, &error));
  g_assert_cmpstr (summary.next_rule, ==, "W10-01");
  cairn_case_summary_clear (&summary);
  /* A clock that started before the override keeps the national rule
   * (Mon 1 Mar 2010 + 7: 2-5, 8-10 Mar). */
  {
    g_autoptr (GPtrArray) tm = timers_of (store, child, m);
    assert_timer (tm, "W10-04", "wt2010", "2010-03-10", CAIRN_TIMER_MISSED);
    g_assert_false (find_timer (tm, "W10-04")->board_rule);
  }

  /* The CLI without the board's database gives the national date, with it the board's. */
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "due-date", "--edition", "wt2010", "--rule", "W10-04",
                                       "--from", "2011-03-01", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "2011-03-15\n");
  g_assert_cmpint (cairn_test_run_cli (&out_db, NULL, "due-date", "--edition", "wt2010", "--rule", "W10-04",
                                       "--from", "2011-03-01", "--db", path, NULL), ==, 0);
  g_assert_cmpstr (out_db, ==, "2011-03-10\n");
  g_assert_cmpint (cairn_test_run_cli (&json, NULL, "due-date", "--edition", "wt2010", "--rule", "W10-04",
                                       "--from", "2011-03-01", "--db", path, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (json, "\"due\" : \"2011-03-10\""));
  g_assert_nonnull (strstr (json, "Coventry LSCB procedures"));

  /* A later override applies from its own date. */
  later->edition = g_strdup ("wt2010");
  later->rule_id = g_strdup ("W10-04");
  date_from (&later->effective_from, "2011-03-01");
  later->limit = 0;
  later->source = g_strdup ("Board minute BM-2011-02: pilot without an initial assessment limit");
  g_assert_true (cairn_pathway_add_rule_override (store, later, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) tl = timers_of (store, child, n);
    g_assert_null (find_timer (tl, "W10-04"));
  }

  /* A board's own rule. */
  own->edition = g_strdup ("wt2010");
  own->rule_id = g_strdup ("LOCAL-01");
  own->title = g_strdup ("Child seen within 5 working days of referral");
  date_from (&own->effective_from, "2010-04-01");
  own->limit = 5;
  own->unit = g_strdup ("working_days");
  own->start = g_strsplit ("referral", ",", -1);
  own->stop = g_strsplit ("home_visit", ",", -1);
  own->source = g_strdup ("Local procedures 4.2");
  g_assert_true (cairn_pathway_add_rule_override (store, own, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) to = timers_of (store, child, n);
    /* Tue 1 Mar 2011 + 5: 2, 3, 4, 7, 8 Mar. */
    assert_timer (to, "LOCAL-01", "wt2010", "2011-03-08", CAIRN_TIMER_MISSED);
  }

  /* Refused: a rule that is not a timescale, an unknown edition, no source,
   * a duplicate date, an own rule without its events; the database keeps
   * only what was accepted. */
  bad->edition = g_strdup ("wt2010");
  bad->rule_id = g_strdup ("W10-23");
  date_from (&bad->effective_from, "2011-01-01");
  bad->limit = 3;
  bad->unit = g_strdup ("working_days");
  bad->source = g_strdup ("x");
  g_assert_false (cairn_pathway_add_rule_override (store, bad, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "W10-23 is not a timescale"));
  g_clear_error (&error);
  g_free (bad->rule_id);
  bad->rule_id = g_strdup ("W10-04");
  g_free (bad->edition);
  bad->edition = g_strdup ("wt2099");
  g_assert_false (cairn_pathway_add_rule_override (store, bad, &error));
  g_assert_nonnull (strstr (error->message, "\"wt2099\" is not a guidance edition"));
  g_clear_error (&error);
  g_free (bad->edition);
  bad->edition = g_strdup ("wt2010");
  g_clear_pointer (&bad->source, g_free);
  g_assert_false (cairn_pathway_add_rule_override (store, bad, &error));
  g_assert_nonnull (strstr (error->message, "Source: "));
  g_clear_error (&error);
  bad->source = g_strdup ("again");
  date_from (&bad->effective_from, "2010-04-01");
  g_assert_false (cairn_pathway_add_rule_override (store, bad, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (bad->rule_id);
  bad->rule_id = g_strdup ("LOCAL-02");
  g_assert_false (cairn_pathway_add_rule_override (store, bad, &error));
  g_assert_nonnull (strstr (error->message, "a board's own rule needs"));
  g_clear_error (&error);
  g_free (bad->rule_id);
  bad->rule_id = g_strdup ("W10-06");
  g_assert_false (cairn_pathway_add_rule_override (store, bad, &error));
  g_assert_nonnull (strstr (error->message, "W10-06 names no events"));
  g_clear_error (&error);

  stored = cairn_store_list_rule_overrides (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 3);
}

/* Out-of-order events are refused naming both stages, and recorded with a
 * reason for the exception; the refused attempt changes nothing. */
static void
test_transitions (void)
{
  g_autoptr (CairnStore) store = new_store ("transitions.cairn");
  g_autoptr (GError) error = NULL;
  gint64 child = add_child (store);
  int n = open_case (store, child, "2011-03-01");
  g_autoptr (CairnEdition) edition = NULL;
  const CairnNode *node = NULL;
  CairnCaseSummary summary;

  g_assert_false (record (store, child, n, "icpc", "2011-03-02", NULL, NULL, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_OUT_OF_ORDER);
  g_assert_cmpstr (error->message, ==,
                   "Event: \"Initial child protection conference\" (stage N20, Initial child "
                   "protection conference) does not follow stage N05, Referral to LA children's "
                   "social care (or police/NSPCC), where the case stands in Working Together to "
                   "Safeguard Children 2010; record a reason for the exception to go ahead");
  g_clear_error (&error);
  g_assert_cmpuint (count_events (store, child, n), ==, 1);

  g_assert_false (record (store, child, n, "core_group", "2011-03-02", NULL, "  ", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_OUT_OF_ORDER);
  g_clear_error (&error);
  g_assert_false (record (store, child, n, "review_conference", "2011-03-02", NULL, NULL, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_OUT_OF_ORDER);
  g_clear_error (&error);
  g_assert_cmpuint (count_events (store, child, n), ==, 1);

  /* In order: no reason needed. */
  add (store, child, n, "referral_decision", "2011-03-01");
  add (store, child, n, "initial_assessment_start", "2011-03-02");
  add (store, child, n, "home_visit", "2011-03-03");
  add (store, child, n, "strategy_discussion", "2011-03-04");
  g_assert_true (cairn_pathway_case_stage (store, child, n, &edition, &node, &error));
  g_assert_cmpstr (cairn_edition_get_id (edition), ==, "wt2010");
  g_assert_cmpstr (node->id, ==, "N14");
  g_clear_object (&edition);

  /* A conference without section 47 enquiries is an exception, recorded with its reason. */
  g_assert_false (record (store, child, n, "icpc", "2011-03-10", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "does not follow stage N14, Strategy discussion"));
  g_clear_error (&error);
  g_assert_true (record (store, child, n, "icpc", "2011-03-10", NULL,
                         "Enquiries were completed by the neighbouring authority", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (store, child, n), ==, 6);
  g_assert_true (cairn_store_get_case_summary (store, child, n, &summary, &error));
  g_assert_cmpstr (summary.current_stage, ==, "N20");
  cairn_case_summary_clear (&summary);

  /* Care proceedings are a parallel track; emergency action and closure
   * can happen at any stage. */
  add (store, child, n, "cp_plan_start", "2011-03-10");
  add (store, child, n, "care_proceedings", "2011-03-11");
  add (store, child, n, "core_group", "2011-03-14");
  g_assert_true (cairn_pathway_case_stage (store, child, n, &edition, &node, &error));
  g_assert_cmpstr (node->id, ==, "N26");
  g_clear_object (&edition);
  add (store, child, n, "police_protection", "2011-03-15T18:30");
  add (store, child, n, "case_closed", "2011-03-31");

  /* A backdated event is checked against the stage on its own date. */
  g_assert_false (record (store, child, n, "review_conference", "2011-03-09", NULL, NULL, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_OUT_OF_ORDER);
  g_assert_nonnull (strstr (error->message, "does not follow stage N14"));
  g_clear_error (&error);

  /* Late steps are never refused: the reason is kept with the timer. */
  g_assert_true (record (store, child, n, "initial_assessment_complete", "2011-03-31",
                         "Family unavailable", "Recorded after the conference", &error));
  g_assert_no_error (error);
}

/* The interface asks for a reason when a step completes a timer late. */
static void
test_check_late (void)
{
  g_autoptr (CairnStore) store = new_store ("late.cairn");
  g_autoptr (GError) error = NULL;
  gint64 child = add_child (store);
  int n = open_case (store, child, "2011-03-01");
  g_autoptr (CairnEvent) on_time = make_event ("referral_decision", "2011-03-02");
  g_autoptr (CairnEvent) late = make_event ("referral_decision", "2011-03-03");
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GPtrArray) some = NULL;

  g_assert_true (cairn_pathway_check_event (store, child, n, on_time, &none, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (cairn_pathway_check_event (store, child, n, late, &some, &error));
  g_assert_cmpuint (some->len, ==, 1);
  g_assert_cmpstr (((CairnTimer *) g_ptr_array_index (some, 0))->rule_id, ==, "W10-01");
  g_assert_cmpuint (count_events (store, child, n), ==, 1);
}

/* The summary columns for every case at once, and brought up to a later today. */
static void
test_summaries_bulk (void)
{
  g_autoptr (CairnStore) store = new_store ("bulk.cairn");
  g_autoptr (GError) error = NULL;
  gint64 child = add_child (store);
  guint n_cases = 0, n_failed = 0;
  CairnCaseSummary summary;

  for (int i = 0; i < 30; i++)
    {
      int n = open_case (store, child, "2011-04-11");
      if (i % 2 == 0)
        {
          g_autoptr (CairnEvent) e = make_event ("referral_decision", "2011-04-11");
          g_autoptr (CairnEvent) a = make_event ("referral_acknowledged", "2011-04-11");
          /* Straight to the store: the summary is refreshed in bulk below. */
          g_assert_true (cairn_store_add_event (store, child, n, e, &error));
          g_assert_true (cairn_store_add_event (store, child, n, a, &error));
        }
    }
  g_assert_true (cairn_pathway_refresh_all_summaries (store, &n_cases, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_cases, ==, 30);
  g_assert_cmpuint (n_failed, ==, 0);

  /* Case 1: decided and acknowledged; the initial assessment is due ten
   * working days after Mon 11 Apr 2011: 12-15, 18-21, (Good Friday, Easter
   * Monday) 26, 27 Apr. */
  g_assert_true (cairn_store_get_case_summary (store, child, 1, &summary, &error));
  g_assert_cmpstr (summary.current_stage, ==, "N06");
  g_assert_cmpstr (summary.next_rule, ==, "W10-04");
  g_assert_true (cairn_date_is_set (&summary.next_due_on));
  {
    g_autofree char *d = cairn_date_to_string (&summary.next_due_on);
    g_assert_cmpstr (d, ==, "2011-04-27");
  }
  g_assert_cmpstr (summary.timer_status, ==, "running");
  cairn_case_summary_clear (&summary);
  /* Case 2: the decision (due Tue 12 Apr) is overdue on Fri 15 Apr. */
  g_assert_true (cairn_store_get_case_summary (store, child, 2, &summary, &error));
  g_assert_cmpstr (summary.current_stage, ==, "N05");
  g_assert_cmpstr (summary.next_rule, ==, "W10-01");
  g_assert_cmpstr (summary.timer_status, ==, "overdue");
  cairn_case_summary_clear (&summary);

  /* Later, without recomputing: on 28 April case 1's assessment is overdue. */
  g_setenv ("CAIRN_TODAY", "2011-04-28", TRUE);
  g_assert_true (cairn_pathway_restamp_summaries (store, &error));
  g_assert_no_error (error);
  g_assert_true (cairn_store_get_case_summary (store, child, 1, &summary, &error));
  g_assert_cmpstr (summary.timer_status, ==, "overdue");
  {
    g_autofree char *d = cairn_date_to_string (&summary.summary_on);
    g_assert_cmpstr (d, ==, "2011-04-28");
  }
  cairn_case_summary_clear (&summary);
  g_setenv ("CAIRN_TODAY", TODAY, TRUE);
}

/* A database saved before the pathway existed (schema version 1) gains the
 * overrides table and summary columns, and its case a summary. */
static void
test_migrated_fixture (void)
{
  g_autofree char *fixture = g_build_filename (cairn_test_source_dir (), "tests", "fixtures",
                                               "schema-v1.sql", NULL);
  g_autofree char *path = cairn_test_scratch_path ("fixture-v1.cairn");
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GPtrArray) overrides = NULL;
  CairnCaseSummary summary;
  guint n_cases = 0;
  sqlite3 *db;

  g_setenv ("CAIRN_TODAY", "2011-05-20", TRUE);
  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  overrides = cairn_store_list_rule_overrides (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overrides->len, ==, 0);
  g_assert_true (cairn_pathway_refresh_all_summaries (store, &n_cases, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_cases, ==, 1);
  /* Referred on Sunday 1 May 2011; Monday 2 May was the early May holiday,
   * so the decision was due on Tuesday 3 May and is overdue on the 20th. */
  g_assert_true (cairn_store_get_case_summary (store, 1, 1, &summary, &error));
  g_assert_cmpstr (summary.current_stage, ==, "N05");
  g_assert_cmpstr (summary.next_rule, ==, "W10-01");
  {
    g_autofree char *d = cairn_date_to_string (&summary.next_due_on);
    g_assert_cmpstr (d, ==, "2011-05-03");
  }
  g_assert_cmpstr (summary.timer_status, ==, "overdue");
  cairn_case_summary_clear (&summary);
  g_setenv ("CAIRN_TODAY", TODAY, TRUE);
}

/* The summaries are not exchanged; an import computes them. */
static void
test_import_summaries (void)
{
  g_autoptr (CairnStore) from = new_store ("export-from.cairn");
  g_autoptr (CairnStore) to = new_store ("import-to.cairn");
  g_autofree char *from_path = g_strdup (cairn_store_get_path (from));
  g_autofree char *to_path = g_strdup (cairn_store_get_path (to));
  g_autofree char *json = cairn_test_scratch_path ("exchange.json");
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  gint64 child = add_child (from);
  int n = open_case (from, child, "2011-03-01");
  CairnCaseSummary summary;

  add (from, child, n, "referral_decision", "2011-03-01");
  add (from, child, n, "referral_acknowledged", "2011-03-01");
  g_clear_object (&from);
  g_clear_object (&to);
  g_assert_cmpint (cairn_test_run_cli (NULL, NULL, "export", "--db", from_path, "--child", "C-000001",
                                       "-o", json, NULL), ==, 0);
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "import", "--db", to_path, json, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "C-000001: imported\n");

  to = cairn_store_open (to_path, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (cairn_store_get_case_summary (to, 1, 1, &summary, &error));
  g_assert_cmpstr (summary.current_stage, ==, "N06");
  g_assert_cmpstr (summary.next_rule, ==, "W10-04");
  {
    g_autofree char *d = cairn_date_to_string (&summary.next_due_on);
    g_assert_cmpstr (d, ==, "2011-03-15");
  }
  g_assert_cmpstr (summary.timer_status, ==, "overdue");
  cairn_case_summary_clear (&summary);
}

#define CHAIR_PASSWORD "chair-password-1"
#define PASSWORD "correct horse battery"

/* The pathway obeys the board's accounts: a practitioner may not change the
 * board's rules, nor record in another team's case; the chair may. The
 * summary columns are a cache and write nothing to the audit trail, while
 * the event itself and the override are audited. */
static void
test_accounts (void)
{
  g_autoptr (CairnStore) store = new_store ("accounts.cairn");
  g_autofree char *path = g_strdup (cairn_store_get_path (store));
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnRuleOverride) o = cairn_rule_override_new ();
  g_autoptr (GPtrArray) audit = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 child = add_child (store);
  int n = open_case (store, child, "2011-03-01");
  guint events = 0, case_updates = 0;
  const char *argv_anon[] = { "due", "--db", path, NULL };
  const char *argv_chair[] = { "due", "--db", path, "--user", "chair", "--password-fd", "0", NULL };

  g_assert_true (cairn_store_add_user (store, "chair", NULL, CAIRN_ROLE_CHAIR, "", CHAIR_PASSWORD, &error));
  g_assert_true (cairn_store_login (store, "chair", CHAIR_PASSWORD, &error));
  g_assert_true (cairn_store_add_user (store, "east", NULL, CAIRN_ROLE_PRACTITIONER, "East", PASSWORD, &error));
  g_assert_no_error (error);
  cairn_store_logout (store);
  g_assert_true (cairn_store_login (store, "east", PASSWORD, &error));

  o->edition = g_strdup ("wt2010");
  o->rule_id = g_strdup ("W10-04");
  date_from (&o->effective_from, "2010-04-01");
  o->limit = 7;
  o->unit = g_strdup ("working_days");
  o->source = g_strdup ("Local procedures");
  g_assert_false (cairn_pathway_add_rule_override (store, o, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (cairn_pathway_set_board_setting (store, CAIRN_SETTING_EDITION_CHOICE, "referral", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (record (store, child, n, "referral_decision", "2011-03-01", NULL, NULL, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (cairn_pathway_set_case_edition (store, child, n, "wt2013", "a reason", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  /* Reading timers is allowed. */
  {
    g_autoptr (GPtrArray) timers = timers_of (store, child, n);
    assert_timer (timers, "W10-04", "wt2010", "2011-03-15", CAIRN_TIMER_MISSED);
  }

  cairn_store_logout (store);
  g_assert_true (cairn_store_login (store, "chair", CHAIR_PASSWORD, &error));
  add (store, child, n, "referral_decision", "2011-03-01");
  g_assert_true (cairn_pathway_add_rule_override (store, o, &error));
  g_assert_no_error (error);

  audit = cairn_store_list_child_audit (store, child, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      const CairnAuditEntry *e = g_ptr_array_index (audit, i);
      if (g_strcmp0 (e->entity, "events") == 0 && g_strcmp0 (e->action, "insert") == 0)
        events++;
      if (g_strcmp0 (e->entity, "cases") == 0 && g_strcmp0 (e->action, "update") == 0)
        case_updates++;
    }
  g_assert_cmpuint (events, >=, 1);
  g_assert_cmpuint (case_updates, ==, 0);
  {
    g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_assert_true (cairn_store_check (store, problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
  }
  g_clear_object (&store);

  /* The CLI needs a login for this board's timers. */
  g_assert_cmpint (cairn_test_run_cli_input (NULL, NULL, &err, argv_anon), ==, 4);
  g_assert_cmpstr (err, ==, "cairn-cli: --user: this board's records need a login (--user NAME)\n");
  g_assert_cmpint (cairn_test_run_cli_input (CHAIR_PASSWORD "\n", &out, NULL, argv_chair), ==, 0);
  g_assert_true (g_str_has_prefix (out, "case\trule\tedition\tstart\tdue\tstatus\tdays\n"));
  /* The chair's override is in force: 7 working days from Tue 1 Mar 2011. */
  g_assert_nonnull (strstr (out, "C-000001/1\tW10-04\twt2010\t2011-03-01\t2011-03-10\tmissed\t"));
}

/* cairn-cli due: the header, one case, the overdue ones. */
static void
test_cli_due (void)
{
  g_autoptr (CairnStore) store = new_store ("cli-due.cairn");
  g_autofree char *path = g_strdup (cairn_store_get_path (store));
  gint64 child = add_child (store);
  int a = open_case (store, child, "2011-03-01");
  int b = open_case (store, child, "2011-04-13");
  g_autofree char *all = NULL;
  g_autofree char *one = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *err = NULL;
  const char *env[] = { "CAIRN_TODAY=" TODAY, NULL };
  const char *argv_all[] = { "due", "--db", path, NULL };
  const char *argv_one[] = { "due", "--db", path, "--case", "C-000001/2", NULL };
  const char *argv_overdue[] = { "due", "--db", path, "--overdue", NULL };
  const char *argv_bad_case[] = { "due", "--db", path, "--case", "C-000001/9", NULL };
  const char *argv_bad_ref[] = { "due", "--db", path, "--case", "C-1", NULL };
  const char *argv_no_db[] = { "due", NULL };

  add (store, child, a, "referral_decision", "2011-03-01");
  add (store, child, a, "referral_acknowledged", "2011-03-01");
  add (store, child, a, "initial_assessment_start", "2011-03-01");
  add (store, child, a, "initial_assessment_complete", "2011-03-16");
  add (store, child, b, "referral_decision", "2011-04-13");
  g_clear_object (&store);

  /* Case 2, referred Wed 13 Apr 2011: decided the same day (due 14 Apr, one
   * to spare); never acknowledged (due 14 Apr, one working day overdue on
   * Fri 15 Apr); the initial assessment is due ten working days on: 14, 15,
   * 18-21, 26-28 Apr, (29 Apr and 2 May holidays) 3 May; 8 remain. */
  g_assert_cmpint (cairn_test_run_cli_env (env, &all, NULL, argv_all), ==, 0);
  g_assert_cmpstr (all, ==,
                   "case\trule\tedition\tstart\tdue\tstatus\tdays\n"
                   "C-000001/1\tW10-01\twt2010\t2011-03-01\t2011-03-02\tmet\t1\n"
                   "C-000001/1\tW10-03a\twt2010\t2011-03-01\t2011-03-02\tmet\t1\n"
                   "C-000001/1\tW10-04\twt2010\t2011-03-01\t2011-03-15\tmissed\t-1\n"
                   "C-000001/2\tW10-01\twt2010\t2011-04-13\t2011-04-14\tmet\t1\n"
                   "C-000001/2\tW10-03a\twt2010\t2011-04-13\t2011-04-14\tmissed\t-1\n"
                   "C-000001/2\tW10-04\twt2010\t2011-04-13\t2011-05-03\trunning\t8\n");
  g_assert_cmpint (cairn_test_run_cli_env (env, &one, NULL, argv_one), ==, 0);
  g_assert_true (g_str_has_prefix (one, "case\trule\tedition\tstart\tdue\tstatus\tdays\nC-000001/2\t"));
  g_assert_null (strstr (one, "C-000001/1"));
  /* Overdue: only a step not yet done whose due date has passed (the
   * assessment done late in case 1 is missed, not overdue). */
  g_assert_cmpint (cairn_test_run_cli_env (env, &overdue, NULL, argv_overdue), ==, 0);
  g_assert_cmpstr (overdue, ==,
                   "case\trule\tedition\tstart\tdue\tstatus\tdays\n"
                   "C-000001/2\tW10-03a\twt2010\t2011-04-13\t2011-04-14\tmissed\t-1\n");

  g_assert_cmpint (cairn_test_run_cli_env (env, NULL, &err, argv_bad_case), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: C-000001/9: no such case\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli_env (env, NULL, &err, argv_bad_ref), ==, 2);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: --case: "));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli_env (env, NULL, &err, argv_no_db), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --db: a database file is required\n");
}

/* cairn-cli due-date: dates, times, and the exit statuses. */
static void
test_cli_due_date (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "due-date", "--edition", "wt2010", "--rule", "W10-04",
                                       "--from", "2010-03-31", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "2010-04-13\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "due-date", "--edition", "wt2013", "--rule", "W13-20",
                                       "--from", "2013-10-26T20:00", NULL), ==, 0);
  /* British Summer Time ended at 01:00 GMT on Sunday 27 October 2013. */
  g_assert_cmpstr (out, ==, "2013-10-29T19:00\n");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "due-date", "--edition", "wt2013", "--rule", "W13-04",
                                       "--from", "2013-06-03", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "cairn-cli: W13-04: has no national limit"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "due-date", "--edition", "wt2015", "--rule", "W13-04",
                                       "--from", "2013-06-03", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --edition: \"wt2015\" is not a guidance edition (wt2010, wt2013)\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "due-date", "--edition", "wt2013", "--rule", "W10-04",
                                       "--from", "2013-06-03", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --rule: \"W10-04\" is not a rule of WT2013\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "due-date", "--edition", "wt2013", "--rule", "W13-02",
                                       "--from", "2013-06-31", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --from: \"2013-06-31\" is not a date (YYYY-MM-DD)\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "due-date", "--edition", "wt2013", "--rule", "W13-20",
                                       "--from", "2013-06-03", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --from: W13-20 counts 72 hours: a date and time is required "
                            "(YYYY-MM-DDTHH:MM)\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "due-date", "--edition", "wt2010", "--rule", "W10-19",
                                       "--from", "2011-06-03", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: W10-19: Cairn does not compute this due date: the court sets"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "due-date", "--rule", "W10-19", "--from", "2011-06-03",
                                       NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: --edition: "));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("CAIRN_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/pathway/editions/load", test_editions_load);
  g_test_add_func ("/cairn/pathway/editions/register", test_editions_register);
  g_test_add_func ("/cairn/pathway/editions/nodes", test_editions_nodes);
  g_test_add_func ("/cairn/pathway/editions/broken", test_editions_broken);
  g_test_add_func ("/cairn/pathway/editions/broken-cli", test_editions_broken_cli);
  g_test_add_func ("/cairn/pathway/due/initial-assessment-change", test_due_initial_assessment_change);
  g_test_add_func ("/cairn/pathway/due/units", test_due_units);
  g_test_add_func ("/cairn/pathway/due/refused", test_due_refused);
  g_test_add_func ("/cairn/pathway/edition-choice/in-force", test_edition_choice);
  g_test_add_func ("/cairn/pathway/edition-choice/per-clock", test_edition_per_clock);
  g_test_add_func ("/cairn/pathway/edition-choice/register-example", test_edition_register_example);
  g_test_add_func ("/cairn/pathway/timers/status", test_timer_status);
  g_test_add_func ("/cairn/pathway/timers/not-applicable", test_timer_not_applicable);
  g_test_add_func ("/cairn/pathway/timers/plan", test_timer_plan);
  g_test_add_func ("/cairn/pathway/timers/before-2010", test_timer_before_2010);
  g_test_add_func ("/cairn/pathway/timers/icpc-clock", test_icpc_clock);
  g_test_add_func ("/cairn/pathway/override", test_board_override);
  g_test_add_func ("/cairn/pathway/transitions", test_transitions);
  g_test_add_func ("/cairn/pathway/check-late", test_check_late);
  g_test_add_func ("/cairn/pathway/summaries", test_summaries_bulk);
  g_test_add_func ("/cairn/pathway/migrated-fixture", test_migrated_fixture);
  g_test_add_func ("/cairn/pathway/accounts", test_accounts);
  g_test_add_func ("/cairn/pathway/import-summaries", test_import_summaries);
  g_test_add_func ("/cairn/pathway/cli/due", test_cli_due);
  g_test_add_func ("/cairn/pathway/cli/due-date", test_cli_due_date);

  return g_test_run ();
}
