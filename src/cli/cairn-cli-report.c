/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cairn-annual-report.h"
#include "cairn-anonymiser.h"
#include "cairn-chronology-report.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-minutes-report.h"
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

/* cairn-cli report minutes|outcome|board-minutes|agenda --db FILE --conference CF-… | --meeting BM-…
 *   -o FILE.pdf [--issue [--correction TEXT]] [--user NAME] */
static int
report_minutes_common (int                argc,
                       char             **argv,
                       const char        *name,
                       CairnDocumentKind  kind,
                       const char        *summary)
{
  gboolean conference = kind == CAIRN_DOCUMENT_OUTCOME || kind == CAIRN_DOCUMENT_MINUTES;
  g_autofree char *db = NULL;
  g_autofree char *ref_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *correction = NULL;
  g_autofree char *command = g_strdup_printf ("report %s", name);
  const char *flag = conference ? "--conference" : "--meeting";
  gboolean issue = FALSE;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { flag + 2, 0, 0, G_OPTION_ARG_STRING, &ref_text,
      conference ? N_("The conference, e.g. CF-2011-0042") : N_("The board meeting, e.g. BM-2012-03"), "REF" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE.pdf" },
    { "issue", 0, 0, G_OPTION_ARG_NONE, &issue,
      N_("Issue the next version, dated today, to the distribution list (else write a copy)"), NULL },
    { "correction", 0, 0, G_OPTION_ARG_STRING, &correction,
      N_("With --issue, what a second or later version corrects"), "TEXT" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (command, NULL, summary, entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  CairnRef ref;
  guint n_pages = 0;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (ref_text == NULL)
    return cairn_cli_usage_error (flag, conference ? _("a conference is required (e.g. CF-2011-0042)")
                                                   : _("a board meeting is required (e.g. BM-2012-03)"));
  if (!cairn_ref_parse (flag, ref_text, conference ? CAIRN_REF_CONFERENCE : CAIRN_REF_MEETING, &ref, &error))
    return cairn_cli_fail (error);
  if (output == NULL)
    return cairn_cli_usage_error ("-o", _("an output file is required"));
  if (correction != NULL && !issue)
    return cairn_cli_usage_error ("--correction", _("only with --issue"));
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;

  if (issue)
    {
      g_autoptr (CairnDocVersion) version = NULL;
      GDate today;

      if (!cairn_store_get_today_checked (store, &today, &error) ||
          (version = cairn_minutes_report_issue (store, kind, &ref, &today, correction, output, &error)) == NULL)
        return cairn_cli_fail (error);
      printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s version %d, %d page, sent to %u: %s\n",
                           "%s: %s version %d, %d pages, sent to %u: %s\n", version->n_pages),
              ref_text, cairn_document_kind_label (kind), version->version, version->n_pages,
              version->receipts->len, output);
      return CAIRN_EXIT_OK;
    }
  if (!cairn_minutes_report_write (store, kind, &ref, output, &n_pages, &error))
    return cairn_cli_fail (error);
  printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s, %u page: %s\n", "%s: %s, %u pages: %s\n", n_pages), ref_text,
          cairn_document_kind_label (kind), n_pages, output);
  return CAIRN_EXIT_OK;
}

static int
report_minutes (int    argc,
                char **argv)
{
  return report_minutes_common (
    argc, argv, "minutes", CAIRN_DOCUMENT_MINUTES,
    _("Writes the full minutes of a child protection conference as PDF: attendance, contributions, "
      "the family's views, strengths and risks, and each child's decision, with the distribution "
      "list; confidential on every page, marked draft until the chair approves them."));
}

static int
report_outcome (int    argc,
                char **argv)
{
  return report_minutes_common (
    argc, argv, "outcome", CAIRN_DOCUMENT_OUTCOME,
    _("Writes a child protection conference's outcome summary as PDF: each child's decision, "
      "category, lead social worker, core group, first core group and review dates, outline plan, "
      "contingency and dissent, with the distribution list; confidential on every page."));
}

static int
report_board_minutes (int    argc,
                      char **argv)
{
  return report_minutes_common (
    argc, argv, "board-minutes", CAIRN_DOCUMENT_BOARD_MINUTES,
    _("Writes the minutes of a board meeting as PDF: present, apologies and in attendance, numbered "
      "minutes running on from the previous meeting, RESOLVED blocks, action points, and the open "
      "action points carried forward from earlier meetings."));
}

static int
report_agenda (int    argc,
               char **argv)
{
  return report_minutes_common (
    argc, argv, "agenda", CAIRN_DOCUMENT_AGENDA,
    _("Writes the agenda of a board meeting as PDF: item and sub-item, title and presenter, purpose "
      "and pages."));
}

/* cairn-cli report annual --db FILE --year 2011-12 -o FILE.pdf [--csv DIR] [--user NAME] */
static int
report_annual (int    argc,
               char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *csv = NULL;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The reporting year, e.g. 2011-12, or latest: the last year that has ended"), "YYYY-YY" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "FILE.pdf" },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Also write the figures as CSV for analysts into this folder"), "DIR" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "report annual", NULL,
    _("Writes the Board's annual report for a reporting year (1 April to 31 March) as PDF: the "
      "sections the guidance of that year requires, in order, with the figures drawn from the "
      "Board's records beside the year before, charts of up to five years, the serious case review "
      "actions as they stood on 31 March, a glossary and the membership and attendance. A required "
      "section left without narrative is written as a visibly flagged draft; the command then lists "
      "those sections and exits with status 1."),
    entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (CairnPathway) pathway = NULL;
  g_autoptr (CairnAnnualReport) report = NULL;
  g_autoptr (GError) error = NULL;
  CairnAnnualExport result = { 0 };
  int status = CAIRN_EXIT_OK;
  int year;
  GDate today, first;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (year_text == NULL)
    return cairn_cli_usage_error ("--year", _("a reporting year is required (e.g. 2011-12)"));
  if (g_strcmp0 (year_text, "latest") != 0 && !cairn_year_parse ("--year", year_text, &year, &error))
    return cairn_cli_fail (error);
  if (output == NULL)
    return cairn_cli_usage_error ("-o", _("an output file is required"));
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;
  if (!cairn_store_get_today_checked (store, &today, &error))
    return cairn_cli_fail (error);
  if (g_strcmp0 (year_text, "latest") == 0)
    {
      /* The last year that has ended by today (the board's as-of day for a demo). */
      GDate last;
      year = cairn_year_of_date (&today);
      cairn_year_bounds (year, NULL, &last);
      if (g_date_compare (&today, &last) < 0)
        year--;
      g_free (year_text);
      year_text = cairn_year_to_string (year);
    }
  cairn_year_bounds (year, &first, NULL);
  if (g_date_compare (&first, &today) > 0)
    return cairn_cli_usage_error ("--year", _("\"%s\" has not started yet"), year_text);
  if ((pathway = cairn_pathway_get_default (&error)) == NULL ||
      (report = cairn_annual_report_load (store, pathway, year, NULL, &error)) == NULL ||
      !cairn_annual_report_export (report, output, csv, &result, &error))
    {
      cairn_annual_export_clear (&result);
      return cairn_cli_fail (error);
    }
  if (result.missing->len > 0)
    {
      printf ("section\ttitle\tproblem\n");
      for (guint i = 0; i < result.missing->len; i++)
        {
          const CairnAnnualSection *s = g_ptr_array_index (result.missing, i);
          printf ("%s\t%s\t%s\n", s->code, _(s->title), _("no narrative: written as a flagged draft"));
        }
      fprintf (stderr,
               g_dngettext (GETTEXT_PACKAGE,
                            "cairn-cli: %s: written as a draft: %u required section has no narrative\n",
                            "cairn-cli: %s: written as a draft: %u required sections have no narrative\n",
                            result.missing->len),
               output, result.missing->len);
      cairn_annual_export_clear (&result);
      return CAIRN_EXIT_FINDINGS;
    }
  printf (_("Annual report %s (%s), %u pages: %s\n"), year_text,
          cairn_annual_report_get_edition_title (report), result.n_pages, output);
  cairn_annual_export_clear (&result);
  return CAIRN_EXIT_OK;
}

/* Reports the `report` command writes. */
static const CairnCliCommand reports[] = {
  { "scr", N_("A serious case review's executive summary (Annex B), anonymised"), report_scr },
  { "chronology", N_("A case's chronology of significant events"), report_chronology },
  { "outcome", N_("A child protection conference's outcome summary"), report_outcome },
  { "minutes", N_("A child protection conference's full minutes"), report_minutes },
  { "agenda", N_("A board meeting's agenda"), report_agenda },
  { "board-minutes", N_("A board meeting's minutes"), report_board_minutes },
  { "annual", N_("The Board's annual report for a reporting year, with its figures"), report_annual },
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
