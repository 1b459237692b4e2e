/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cairn-cin-rules.h"
#include "cairn-cin-store.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-date.h"
#include "cairn-error.h"

/* cairn-cli cin SUBCOMMAND: the DfE Children in Need census. Each subcommand
 * is one line in the table below. */

static int cin_validate (int argc, char **argv);
static int cin_import (int argc, char **argv);
static int cin_export (int argc, char **argv);

static const CairnCliCommand cin_commands[] = {
  { "validate", N_("Check a census return against the DfE rules of its year"), cin_validate },
  { "import", N_("Bring a census return into a board's database"), cin_import },
  { "export", N_("Write a board's census return for a year"), cin_export },
};

static void
print_cin_help (FILE *out)
{
  fprintf (out, _("Usage: cairn-cli cin SUBCOMMAND [--flag VALUE …] FILE\n\n"));
  fprintf (out, _("The DfE Children in Need census return (XML). Subcommands:\n"));
  for (gsize i = 0; i < G_N_ELEMENTS (cin_commands); i++)
    fprintf (out, "  %-18s %s\n", cin_commands[i].name, _(cin_commands[i].summary));
  fprintf (out, _("\n`cairn-cli cin SUBCOMMAND --help` describes a subcommand.\n"));
}

int
cairn_cli_cin (int    argc,
               char **argv)
{
  if (argc < 2)
    {
      print_cin_help (stderr);
      return CAIRN_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_cin_help (stdout);
      return CAIRN_EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (cin_commands); i++)
    if (strcmp (argv[1], cin_commands[i].name) == 0)
      return cin_commands[i].func (argc - 1, argv + 1);
  return cairn_cli_usage_error (argv[1], _("unknown cin subcommand (see cairn-cli cin --help)"));
}

static char *
fields_text (const char * const *fields)
{
  return g_strjoinv (",", (char **) fields);
}

static void
print_table (const CairnCinReport *report)
{
  printf ("RULE\tTYPE\tCHILD\tEPISODE\tLINE\tFIELDS\tMESSAGE\n");
  for (guint i = 0; i < report->n_findings; i++)
    {
      const CairnCinFinding *f = &report->findings[i];
      g_autofree char *fields = fields_text (f->fields);
      g_autofree char *episode = f->episode ? g_strdup_printf ("%u", f->episode) : g_strdup ("-");
      g_autofree char *line = f->line ? g_strdup_printf ("%u", f->line) : g_strdup ("-");
      const char *child = "-";

      if (f->child != NULL)
        child = f->child->la_child_id ? f->child->la_child_id : _("(no LAchildID)");
      printf ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f->rule->code,
              f->rule->type == CAIRN_CIN_RULE_QUERY ? "query" : "error", child, episode, line,
              fields, f->rule->message);
    }
}

static void
print_json (const CairnCinReport *report)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < report->n_findings; i++)
    {
      const CairnCinFinding *f = &report->findings[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, f->rule->code);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, f->rule->type == CAIRN_CIN_RULE_QUERY ? "query" : "error");
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, f->rule->message);
      json_builder_set_member_name (builder, "child");
      if (f->child != NULL && f->child->la_child_id != NULL)
        json_builder_add_string_value (builder, f->child->la_child_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "episode");
      if (f->episode > 0)
        json_builder_add_int_value (builder, f->episode);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "line");
      if (f->line > 0)
        json_builder_add_int_value (builder, f->line);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint k = 0; f->fields[k] != NULL; k++)
        json_builder_add_string_value (builder, f->fields[k]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/* cairn-cli cin validate FILE [--year 2023-24] [--json] */
static int
cin_validate (int    argc,
              char **argv)
{
  g_autofree char *year_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The census year whose rules apply (default: the header's Year)"), "2023-24" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON array, one object per failure"),
      NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cairn_cli_context_new ("cin validate", "FILE",
                           _("Checks a Children in Need census return against the DfE rules of "
                             "its census year: every failure with its rule code, message, child "
                             "(LAchildID) and the elements involved. The census period comes from "
                             "ReferenceDate. Exits 0 when valid, 1 with failures (errors or "
                             "queries), 2 when the file cannot be read or its year has no rule "
                             "set. Needs no database."),
                           entries);
  g_autoptr (CairnCinCensus) census = NULL;
  g_autoptr (CairnCinReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *year_name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  int status = CAIRN_EXIT_OK;
  int year = 0;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cairn_cli_usage_error ("cin validate", _("name the census file to check"));
  if (argc > 2)
    return cairn_cli_usage_error (argv[2], _("unexpected argument (one census file at a time)"));
  if (year_text != NULL)
    {
      if (!cairn_cin_year_parse ("--year", year_text, &year, &error))
        return cairn_cli_fail (error);
      if (!cairn_cin_rule_set_exists (year))
        return cairn_cli_usage_error ("--year", _("\"%s\" has no rule set; Cairn has the rule sets "
                                                  "2022-23 to 2025-26"),
                                      year_text);
    }

  census = cairn_cin_census_read_file (argv[1], NULL, NULL, NULL, &error);
  if (census == NULL)
    return cairn_cli_fail (error);
  report = cairn_cin_validate (census, year, NULL, &error);
  if (report == NULL)
    {
      g_prefix_error (&error, "%s: ", argv[1]);
      return cairn_cli_fail (error);
    }

  if (json)
    print_json (report);
  else
    {
      if (report->n_findings > 0)
        {
          print_table (report);
          printf ("\n");
        }
      for (guint i = 0; i < census->n_notes; i++)
        {
          const CairnCinNote *note = &census->notes[i];

          if (note->text != NULL)
            printf (_("%s:%u: note: %s \"%s\": %s\n"), census->name, note->line, note->element,
                    note->text, _(note->problem));
          else
            printf (_("%s:%u: note: %s %s\n"), census->name, note->line, note->element,
                    _(note->problem));
        }
      year_name = cairn_cin_year_name (report->year);
      start = cairn_date_to_string (&report->period_start);
      end = cairn_date_to_string (&report->period_end);
      if (report->reference_date_assumed)
        printf (_("%s: no ReferenceDate; the census period is taken as %s to %s\n"), census->name,
                start, end);
      if (report->n_findings == 0)
        printf (_("%s: valid under the %s rules (%u children, census period %s to %s)\n"),
                census->name, year_name, census->n_children, start, end);
      else
        {
          g_autofree char *errors = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", report->n_errors), report->n_errors);
          g_autofree char *queries = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u query", "%u queries", report->n_queries), report->n_queries);

          printf (_("%s: %s and %s under the %s rules (%u children, census period %s to %s)\n"),
                  census->name, errors, queries, year_name, census->n_children, start, end);
        }
    }
  return report->n_findings > 0 ? CAIRN_EXIT_FINDINGS : CAIRN_EXIT_OK;
}

/* cairn-cli cin import --db FILE census.xml */
static int
cin_import (int    argc,
            char **argv)
{
  g_autofree char *db = NULL;
  gboolean create = FALSE;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "create", 0, 0, G_OPTION_ARG_NONE, &create,
      N_("Create the database first if there is none (a board starting from its council's census)"), NULL },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cairn_cli_context_new ("cin import", "FILE",
                           _("Brings a Children in Need census return into the board's database: "
                             "children (by LAchildID), their episodes (by referral date), referrals, "
                             "assessments and factors, CIN plans, Section 47 enquiries, child protection "
                             "plans with their categories and reviews, closures, disabilities and "
                             "ethnicity, with the chronology events they imply. A child already in the "
                             "database is updated; importing the same file again changes nothing. A "
                             "category received only as MUL stays \"multiple, unspecified\". The file "
                             "is checked against the DfE rules of its year and imported as it is; the "
                             "failures are counted (cairn-cli cin validate lists them). Everything is "
                             "written in one transaction: a file that cannot be read changes nothing. "
                             "Prints what was added, updated, unchanged and skipped."),
                           entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (CairnCinCensus) census = NULL;
  g_autoptr (CairnCinReport) report = NULL;
  g_autoptr (CairnCinImportSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *year_name = NULL;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cairn_cli_usage_error ("cin import", _("name the census file to import"));
  if (argc > 2)
    return cairn_cli_usage_error (argv[2], _("unexpected argument (one census file at a time)"));
  if (db == NULL)
    return cairn_cli_usage_error ("--db", _("a database file is required"));

  census = cairn_cin_census_read_file (argv[1], NULL, NULL, NULL, &error);
  if (census == NULL)
    return cairn_cli_fail (error);
  if (!cairn_cin_rule_set_exists (census->year))
    return cairn_cli_usage_error (argv[1], _("Year \"%s\" is not a census year Cairn has rules for "
                                              "(2022-23 to 2025-26)"),
                                  census->year_text ? census->year_text : "");
  /* A new board only once the file has been read: a bad file leaves none. */
  if (create && !g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_autoptr (CairnStore) created = cairn_store_open (db, CAIRN_STORE_OPEN_CREATE, &error);

      if (created == NULL)
        return cairn_cli_fail (error);
    }
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;
  report = cairn_cin_validate (census, 0, NULL, &error);
  if (report == NULL)
    {
      g_prefix_error (&error, "%s: ", argv[1]);
      return cairn_cli_fail (error);
    }
  /* The audit entry names the file by its SHA-256. */
  if ((mapped = g_mapped_file_new (argv[1], FALSE, NULL)) != NULL)
    sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                          (const guchar *) g_mapped_file_get_contents (mapped),
                                          g_mapped_file_get_length (mapped));
  summary = cairn_store_import_cin_census (store, census, sha256, NULL, NULL, NULL, &error);
  if (summary == NULL)
    {
      g_prefix_error (&error, "%s: ", argv[1]);
      return cairn_cli_fail (error);
    }

  for (guint i = 0; i < summary->skips->len; i++)
    {
      const CairnCinSkip *skip = summary->skips->pdata[i];

      printf (_("%s:%u: %s%s%s\n"), census->name, skip->line, skip->la_child_id ? skip->la_child_id : "",
              skip->la_child_id ? ": " : "", skip->message);
    }
  year_name = cairn_cin_year_name (census->year);
  printf (_("%s: %s census, %u children: %u added, %u updated, %u unchanged, %u skipped "
            "(%u cases added, %u updated)\n"),
          census->name, year_name, summary->total, summary->added, summary->updated, summary->unchanged,
          summary->skipped, summary->cases_added, summary->cases_updated);
  if (report->n_findings > 0)
    printf (_("%s: %u errors and %u queries under the %s rules (cairn-cli cin validate lists them)\n"),
            census->name, report->n_errors, report->n_queries, year_name);
  return CAIRN_EXIT_OK;
}

/* cairn-cli cin export --db FILE --year 2023-24 [-o census.xml] */
static int
cin_export (int    argc,
            char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *output = NULL;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The census year"), "2023-24" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the XML (- for standard output, the default)"), "FILE.xml" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cairn_cli_context_new ("cin export", NULL,
                           _("Writes the board's Children in Need census return for a census year "
                             "(2023-24: 1 April 2023 to 31 March 2024): every child with an episode "
                             "open at any time in the year, with what happened in it as it stood on "
                             "31 March. The elements follow that year's rules (GenderCurrent up to "
                             "2023-24, Sex from 2024-25). The file is readable by its owner only."),
                           entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (CairnCinCensus) census = NULL;
  g_autoptr (GError) error = NULL;
  int status = CAIRN_EXIT_OK;
  int year = 0;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (year_text == NULL)
    return cairn_cli_usage_error ("--year", _("the census year is required (for example 2023-24)"));
  if (!cairn_cin_year_parse ("--year", year_text, &year, &error))
    return cairn_cli_fail (error);
  if (!cairn_cin_rule_set_exists (year))
    return cairn_cli_usage_error ("--year", _("\"%s\" has no rule set; Cairn has the rule sets "
                                              "2022-23 to 2025-26"),
                                  year_text);
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;
  census = cairn_store_export_cin_census (store, year, NULL, &error);
  if (census == NULL)
    return cairn_cli_fail (error);
  if (output == NULL || strcmp (output, "-") == 0)
    {
      gsize length;
      g_autofree char *data = cairn_cin_census_to_data (census, &length);

      return cairn_cli_write_file ("-", data, length, &status) ? CAIRN_EXIT_OK : status;
    }
  if (!cairn_cin_census_write_file (census, output, NULL, &error))
    {
      g_prefix_error (&error, "-o: ");
      return cairn_cli_fail (error);
    }
  return CAIRN_EXIT_OK;
}
