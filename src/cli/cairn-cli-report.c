/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cairn-anonymiser.h"
#include "cairn-chronology-report.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-error.h"
#include "cairn-ref.h"
#include "cairn-scr-report.h"

/* cairn-cli report scr --db FILE --scr SCR-YYYY-NN [--publishable] -o FILE.pdf [--user NAME] */
static int
report_scr (int    argc,
            char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *scr_text = NULL;
  g_autofree char *output = NULL;
  gboolean publishable = FALSE;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "scr", 0, 0, G_OPTION_ARG_STRING, &scr_text, N_("The review, e.g. SCR-2011-01"), "REF" },
    { "publishable", 0, 0, G_OPTION_ARG_NONE, &publishable,
      N_("Write a version for publication: refused (status 3) while any identifier remains"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE.pdf" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "report scr", NULL,
    _("Writes the executive summary of a serious case review as PDF, heading by heading as "
      "Annex B sets out, anonymised. Each export is recorded as a numbered version. With "
      "--publishable the text of the written file is checked for every name, alias, date of "
      "birth, address, school and NHS number of everyone linked to the case; any that remains "
      "refuses publication (status 3), lists where it is, and writes nothing."),
    entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  CairnScrExport result = { 0 };
  CairnRef ref;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (scr_text == NULL)
    return cairn_cli_usage_error ("--scr", _("a review is required (e.g. SCR-2011-01)"));
  if (!cairn_ref_parse ("--scr", scr_text, CAIRN_REF_SCR, &ref, &error))
    return cairn_cli_fail (error);
  if (output == NULL)
    return cairn_cli_usage_error ("-o", _("an output file is required"));
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;

  if (!cairn_scr_report_export (store, ref.year, (int) ref.number, publishable, output, &result,
                                &error))
    {
      status = cairn_cli_fail (error);
      for (guint i = 0; result.leaks && i < result.leaks->len; i++)
        {
          g_autofree char *line = cairn_leak_to_string (g_ptr_array_index (result.leaks, i));
          g_strdelimit (line, "\n\r", ' ');
          fprintf (stderr, "  %s\n", line);
        }
      cairn_scr_export_clear (&result);
      return status;
    }
  printf (_("%s: version %d (%s), %u pages, SHA-256 %s: %s\n"), scr_text, result.version,
          result.publishable ? _("publishable") : _("draft"), result.n_pages, result.sha256, output);
  cairn_scr_export_clear (&result);
  return CAIRN_EXIT_OK;
}

/* cairn-cli report chronology --db FILE --case C-000123/1 -o FILE.pdf [--user NAME] */
static int
report_chronology (int    argc,
                   char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *case_text = NULL;
  g_autofree char *output = NULL;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_text, N_("The case, e.g. C-000123/1"), "REF" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE.pdf" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "report chronology", NULL,
    _("Writes a case's chronology of significant events as PDF, marked OFFICIAL-SENSITIVE "
      "on every page: every event with who recorded it and whether the child was seen alone, "
      "then the case's timescales."),
    entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  CairnRef ref;
  guint n_pages = 0;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (!cairn_ref_parse ("--case", case_text, CAIRN_REF_CASE, &ref, &error))
    return cairn_cli_fail (error);
  if (ref.case_number == 0)
    return cairn_cli_usage_error ("--case", _("\"%s\" names a child, not a case (e.g. %s/1)"),
                                  case_text, case_text);
  if (output == NULL)
    return cairn_cli_usage_error ("-o", _("an output file is required"));
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;
  if (!cairn_chronology_report_write (store, ref.number, ref.case_number, output, &n_pages, &error))
    return cairn_cli_fail (error);
  printf (g_dngettext (GETTEXT_PACKAGE, "%s: chronology, %u page: %s\n",
                       "%s: chronology, %u pages: %s\n", n_pages),
          case_text, n_pages, output);
  return CAIRN_EXIT_OK;
}

/* Reports the `report` command writes; later issues add annual, minutes, outcome,
 * board-minutes and agenda here. */
static const CairnCliCommand reports[] = {
  { "scr", N_("A serious case review's executive summary (Annex B), anonymised"), report_scr },
  { "chronology", N_("A case's chronology of significant events"), report_chronology },
};

static void
print_report_help (FILE *out)
{
  fprintf (out, _("Usage: cairn-cli report REPORT [--flag VALUE …]\n\nWrites a report as PDF. Reports:\n"));
  for (gsize i = 0; i < G_N_ELEMENTS (reports); i++)
    fprintf (out, "  %-18s %s\n", reports[i].name, _(reports[i].summary));
  fprintf (out, _("\n`cairn-cli report REPORT --help` describes one.\n"));
}

/* cairn-cli report REPORT …: dispatches to the report named. */
int
cairn_cli_report (int    argc,
                  char **argv)
{
  g_autoptr (GString) names = g_string_new (NULL);

  if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      print_report_help (stdout);
      return CAIRN_EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      if (argc >= 2 && strcmp (argv[1], reports[i].name) == 0)
        return reports[i].func (argc - 1, argv + 1);
      g_string_append_printf (names, "%s%s", i ? ", " : "", reports[i].name);
    }
  if (argc < 2)
    return cairn_cli_usage_error ("report", _("name a report (%s)"), names->str);
  return cairn_cli_usage_error (argv[1], _("not a report (%s)"), names->str);
}
