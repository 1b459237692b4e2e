/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cairn-case-pathway.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-date.h"
#include "cairn-demo.h"
#include "cairn-pathway-store.h"
#include "cairn-rule-override.h"
#include "cairn-error.h"

/* Inside the demo's transaction, once the records are written: the board's
 * own rule (its procedures make the acknowledgement of a referral a board
 * rule, with their own source), then every case's stage, next due date and
 * timer status as of the board's date, for the case navigator. A case the
 * pathway cannot summarise is a fault in the generator: refuse the board. */
static gboolean
finish_board (CairnStore  *store,
              gpointer     user_data,
              GError     **error)
{
  const CairnDemoOptions *options = user_data;
  g_autoptr (CairnRuleOverride) rule = cairn_rule_override_new ();
  guint n_cases = 0, n_failed = 0;

  rule->edition = g_strdup ("wt2010");
  rule->rule_id = g_strdup ("W10-03a");
  cairn_date_set_ymd (&rule->effective_from, 2008, 4, 1);
  rule->limit = 1;
  rule->unit = g_strdup ("working_days");
  rule->source = g_strdup ("Cairnside LSCB child protection procedures (2008), 4.1 Action on "
                           "receipt of referrals");
  rule->recorded_by = g_strdup ("LSCB Business Manager");
  rule->notes = g_strdup ("The national register has this rule as plausible only; the board's "
                          "procedures set it, so it is recorded as the board's rule.");
  cairn_demo_get_as_of (options, &rule->recorded_on);
  if (!cairn_rule_override_validate (rule, error) ||
      !cairn_store_add_rule_override (store, rule, error) ||
      !cairn_pathway_refresh_all_summaries (store, &n_cases, &n_failed, error))
    return FALSE;
  if (n_failed > 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("summaries: %u of %u cases could not be summarised"), n_failed, n_cases);
      return FALSE;
    }
  return TRUE;
}

/* cairn-cli demo --db FILE [--children N] [--seed S] [--years RANGE] [--force] */
int
cairn_cli_demo (int    argc,
                char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *children = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *years = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database to create"), "FILE" },
    { "children", 0, 0, G_OPTION_ARG_STRING, &children,
      N_("How many children (default 2000, at most 10000000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed,
      N_("Seed for the generator (default 20100401); the same seed gives the same database"),
      "S" },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years,
      N_("Reporting years covered (default 2009-10..2013-14)"), "RANGE" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "demo", NULL,
    _("Writes a synthetic board into a new database: agencies, staff, board members and "
      "meetings, children with their families and cases from referral to closure, conferences, "
      "child protection plans and serious case reviews. Nobody in it is real: names are "
      "invented and NHS numbers come from the 999 test range.\n\n"
      "The board is as of 31 March of the year the range ends (2014-03-31 for the default "
      "2009-10..2013-14). That date is stored in the database, and Cairn uses it as \"today\" "
      "for this board unless CAIRN_TODAY is set, so its timers read as they would have on that "
      "day.\n\n"
      "It has one account for each role, all with the password cairn-demo-password "
      "(demo-chair, demo-manager, demo-conference-chair, demo-panel, demo-practitioner, "
      "demo-auditor); the generation is one entry in its audit trail.\n\n"
      "The same options always write the same database, byte for byte. It is written in one "
      "transaction: if the command is interrupted, the file holds an empty board."),
    entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  CairnDemoOptions options;
  CairnDemoSummary summary;
  GDate as_of;
  char as_of_text[11];
  guint64 value;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (db == NULL)
    return cairn_cli_usage_error ("--db", _("a database file is required"));

  /* Every value is checked before the file is touched. */
  cairn_demo_options_init (&options);
  if (children != NULL)
    {
      if (!g_ascii_string_to_unsigned (children, 10, 1, CAIRN_DEMO_MAX_CHILDREN, &value, NULL))
        return cairn_cli_usage_error ("--children",
                                      _("\"%s\" is not a number of children (1 to %u)"),
                                      children, CAIRN_DEMO_MAX_CHILDREN);
      options.n_children = (guint) value;
    }
  if (seed != NULL)
    {
      if (!g_ascii_string_to_unsigned (seed, 10, 0, G_MAXUINT64, &value, NULL))
        return cairn_cli_usage_error ("--seed", _("\"%s\" is not a seed (a whole number from 0 "
                                                  "to 18446744073709551615)"),
                                      seed);
      options.seed = value;
    }
  if (years != NULL && !cairn_demo_options_set_years (&options, "--years", years, &error))
    return cairn_cli_fail (error);

  store = cairn_store_open (db, CAIRN_STORE_OPEN_CREATE | (force ? CAIRN_STORE_OPEN_FORCE : 0),
                            &error);
  if (store == NULL)
    return cairn_cli_fail (error);
  if (!cairn_demo_write (store, &options, finish_board, &options, &summary, &error))
    return cairn_cli_fail (error);

  cairn_demo_get_as_of (&options, &as_of);
  cairn_date_format_into (&as_of, as_of_text);
  printf (_("%s: demo board as of %s: %" G_GINT64_FORMAT " children, %" G_GINT64_FORMAT
            " cases (%" G_GINT64_FORMAT " open), %" G_GINT64_FORMAT " child protection plans (%"
            G_GINT64_FORMAT " open), %" G_GINT64_FORMAT " conferences, %" G_GINT64_FORMAT
            " serious case reviews, %" G_GINT64_FORMAT " board meetings, %" G_GINT64_FORMAT
            " events\n"),
          db, as_of_text, summary.children, summary.cases, summary.open_cases, summary.plans,
          summary.open_plans, summary.conferences, summary.scrs, summary.meetings,
          summary.events);
  return CAIRN_EXIT_OK;
}
