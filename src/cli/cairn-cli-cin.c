/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cairn-cin-rules.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-date.h"

/* cairn-cli cin SUBCOMMAND: the DfE Children in Need census. Each subcommand
 * is one line in the table below (import and export come with the importer). */

static int cin_validate (int argc, char **argv);

static const CairnCliCommand cin_commands[] = {
  { "validate", N_("Check a census return against the DfE rules of its year"), cin_validate },
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
