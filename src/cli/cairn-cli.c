/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-date.h"

static const CairnCliCommand commands[] = {
  { "demo", N_("Write a synthetic demo board into a new database"), cairn_cli_demo },
  { "check", N_("Check a database's integrity and schema version"), cairn_cli_check },
  { "cin", N_("Children in Need census: validate, import and export a DfE census return"), cairn_cli_cin },
  { "list", N_("List children, cases, conferences, SCRs or meetings"), cairn_cli_list },
  { "user", N_("Add accounts and put users on SCR panels"), cairn_cli_user },
  { "audit", N_("Show who opened and changed a child's record"), cairn_cli_audit },
  { "backup", N_("Write an encrypted backup of a database"), cairn_cli_backup },
  { "restore", N_("Restore a database from an encrypted backup"), cairn_cli_restore },
  { "export", N_("Write one child's whole record as JSON"), cairn_cli_export },
  { "import", N_("Read one child's whole record from JSON"), cairn_cli_import },
  { "add-working-days", N_("Add working days to a date (England and Wales)"), cairn_cli_add_working_days },
  { "due-date", N_("The due date of one timescale rule"), cairn_cli_due_date },
  { "due", N_("List the timescale timers of a board's cases"), cairn_cli_due },
  { "report", N_("Write a report as PDF (scr, chronology, outcome, minutes, agenda, board-minutes, annual)"), cairn_cli_report },
  { "annual", N_("Show or enter the figures of the annual report that are not case events"), cairn_cli_annual },
  { "pathway", N_("Draw the pathway as a flowchart, or where a case stands on it (PDF, SVG, PNG)"), cairn_cli_pathway },
};

static void
print_help (FILE *out)
{
  fprintf (out, _("Usage: cairn-cli COMMAND [SUBCOMMAND] [--flag VALUE …] [FILE …]\n\n"));
  fprintf (out, _("Cairn's headless commands. Commands:\n"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-18s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, _("\n`cairn-cli COMMAND --help` describes a command. Exit status: 0 done, 1 "
                  "problems found, 2 usage error or bad input, 3 publication refused, 4 not "
                  "allowed.\n"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  GDate today;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return CAIRN_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return CAIRN_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("cairn-cli %s\n", PACKAGE_VERSION);
      return CAIRN_EXIT_OK;
    }

  /* A malformed CAIRN_TODAY is an error for every command. */
  if (!cairn_today_from_env (&today, &error))
    return cairn_cli_fail (error);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (argc - 1, argv + 1);

  return cairn_cli_usage_error (argv[1], _("unknown command (see cairn-cli --help)"));
}
