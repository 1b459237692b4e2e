/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cairn-annual-figures.h"
#include "cairn-annual-store.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-date.h"

/* cairn-cli annual set|show: the figures the board enters for a reporting
 * year (cairn-annual-figures.h), the CLI face of the Board Figures dialog. */

static int annual_set (int argc, char **argv);
static int annual_show (int argc, char **argv);
static int annual_training (int argc, char **argv);
static int annual_add_training (int argc, char **argv);
static int annual_remove_training (int argc, char **argv);

static const CairnCliCommand annual_commands[] = {
  { "show", N_("Print the figures the board entered for a year"), annual_show },
  { "set", N_("Enter or change one of the board's figures for a year"), annual_set },
  { "training", N_("List the training courses delivered in a year"), annual_training },
  { "add-training", N_("Record a training course delivered in a year"), annual_add_training },
  { "remove-training", N_("Remove a training course recorded by mistake"), annual_remove_training },
};

static void
print_annual_help (FILE *out)
{
  fprintf (out, _("Usage: cairn-cli annual SUBCOMMAND --db FILE --year YYYY-YY [FIELD VALUE]\n\n"));
  fprintf (out, _("The figures of the annual report that are not case events. Subcommands:\n"));
  for (gsize i = 0; i < G_N_ELEMENTS (annual_commands); i++)
    fprintf (out, "  %-18s %s\n", annual_commands[i].name, _(annual_commands[i].summary));
  fprintf (out, _("\n`cairn-cli annual SUBCOMMAND --help` describes a subcommand.\n"));
}

int
cairn_cli_annual (int    argc,
                  char **argv)
{
  if (argc < 2)
    {
      print_annual_help (stderr);
      return CAIRN_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_annual_help (stdout);
      return CAIRN_EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (annual_commands); i++)
    if (strcmp (argv[1], annual_commands[i].name) == 0)
      return annual_commands[i].func (argc - 1, argv + 1);
  return cairn_cli_usage_error (argv[1], _("unknown annual subcommand (see cairn-cli annual --help)"));
}

typedef struct
{
  char *db;
  char *year_text;
  CairnCliLogin login;
} AnnualOptions;

static void
annual_options_clear (AnnualOptions *o)
{
  g_free (o->db);
  g_free (o->year_text);
  cairn_cli_login_clear (&o->login);
}

/* Parses the shared options, then opens and signs in. */
static CairnStore *
annual_open (const char    *command,
             const char    *parameter,
             const char    *summary,
             AnnualOptions *o,
             int           *argc,
             char        ***argv,
             int            n_args,
             int           *year,
             int           *status)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o->db, N_("The board's database"), "FILE" },
    { "year", 0, 0, G_OPTION_ARG_STRING, &o->year_text, N_("The reporting year, e.g. 2013-14"), "YYYY-YY" },
    CAIRN_CLI_LOGIN_ENTRIES (o->login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (command, parameter, summary, entries);
  g_autoptr (GError) error = NULL;

  if (!cairn_cli_parse (context, argc, argv, status))
    return NULL;
  /* `set … population -- -5`: the "--" that lets a value start with "-". */
  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], sizeof (char *) * (gsize) (*argc - i));
        (*argc)--;
        break;
      }
  if (*argc > n_args + 1)
    {
      *status = cairn_cli_usage_error ((*argv)[n_args + 1], _("unexpected argument"));
      return NULL;
    }
  if (*argc < n_args + 1)
    {
      *status = cairn_cli_usage_error (command, _("%s required (see cairn-cli %s --help)"), parameter, command);
      return NULL;
    }
  if (o->year_text == NULL)
    {
      *status = cairn_cli_usage_error ("--year", _("a reporting year is required (e.g. 2013-14)"));
      return NULL;
    }
  if (!cairn_year_parse ("--year", o->year_text, year, &error))
    {
      *status = cairn_cli_fail (error);
      return NULL;
    }
  return cairn_cli_open_store_as (o->db, &o->login, status);
}

/* cairn-cli annual show --db FILE --year 2013-14 [--user NAME] */
static int
annual_show (int    argc,
             char **argv)
{
  AnnualOptions o = { NULL, NULL, CAIRN_CLI_LOGIN_INIT };
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GPtrArray) figures = NULL;
  g_autoptr (GError) error = NULL;
  int status = CAIRN_EXIT_OK;
  int year = 0;

  store = annual_open ("annual show", NULL,
                       _("Prints the figures the board entered for a reporting year (child population, "
                         "contacts by source, child deaths, private fostering, spending, partner "
                         "contributions, the days the report was sent), one `field<TAB>value` line each "
                         "after a header; the value is empty when nothing is entered. The field names are "
                         "those `cairn-cli annual set` takes; money is in pounds."),
                       &o, &argc, &argv, 0, &year, &status);
  if (store == NULL)
    {
      annual_options_clear (&o);
      return status;
    }
  annual_options_clear (&o);
  if ((figures = cairn_annual_figures_list (store, year, &error)) == NULL)
    return cairn_cli_fail (error);
  printf ("field\tvalue\n");
  for (guint i = 0; i < figures->len; i++)
    {
      CairnAnnualFigure *f = g_ptr_array_index (figures, i);
      printf ("%s\t%s\n", f->field, f->value);
    }
  return CAIRN_EXIT_OK;
}

/* cairn-cli annual set --db FILE --year 2013-14 FIELD VALUE [--user NAME] */
static int
annual_set (int    argc,
            char **argv)
{
  AnnualOptions o = { NULL, NULL, CAIRN_CLI_LOGIN_INIT };
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status = CAIRN_EXIT_OK;
  int year = 0;

  store = annual_open ("annual set", "FIELD VALUE",
                       _("Enters or changes one figure the board enters for a reporting year, e.g. "
                         "`population 52000`, `child-deaths 9`, `private-fostering 12`, `contacts-1A 340`, "
                         "`spending-training 12500.00`, `sent-chief_executive 2014-06-30`; an empty VALUE "
                         "removes the figure. `cairn-cli annual show` lists the fields. A refused value "
                         "(not a number, below 0, a day after today) changes nothing and exits with "
                         "status 2."),
                       &o, &argc, &argv, 2, &year, &status);
  annual_options_clear (&o);
  if (store == NULL)
    return status;
  if (!cairn_annual_figure_set (store, year, argv[1], argv[2], &error))
    return cairn_cli_fail (error);
  return CAIRN_EXIT_OK;
}

/* cairn-cli annual training --db FILE --year 2013-14 */
static int
annual_training (int    argc,
                 char **argv)
{
  AnnualOptions o = { NULL, NULL, CAIRN_CLI_LOGIN_INIT };
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GPtrArray) courses = NULL;
  g_autoptr (GError) error = NULL;
  int status = CAIRN_EXIT_OK;
  int year = 0;

  store = annual_open ("annual training", NULL,
                       _("Lists the training courses delivered in a reporting year, one "
                         "`id<TAB>title<TAB>agencies<TAB>sessions<TAB>attendees` line each after a header; "
                         "the annual report counts them."),
                       &o, &argc, &argv, 0, &year, &status);
  annual_options_clear (&o);
  if (store == NULL)
    return status;
  if ((courses = cairn_store_list_training_courses (store, year, &error)) == NULL)
    return cairn_cli_fail (error);
  printf ("id\ttitle\tagencies\tsessions\tattendees\n");
  for (guint i = 0; i < courses->len; i++)
    {
      CairnTrainingCourse *c = g_ptr_array_index (courses, i);
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\t%d\n", c->id, c->title,
              c->multi_agency ? "multi-agency" : "single-agency", c->sessions, c->attendees);
    }
  return CAIRN_EXIT_OK;
}

/* cairn-cli annual add-training --db FILE --year 2013-14 TITLE SESSIONS ATTENDEES multi-agency|single-agency */
static int
annual_add_training (int    argc,
                     char **argv)
{
  AnnualOptions o = { NULL, NULL, CAIRN_CLI_LOGIN_INIT };
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status = CAIRN_EXIT_OK;
  int year = 0;
  gint64 id = 0;
  gboolean multi;

  store = annual_open ("annual add-training", "TITLE SESSIONS ATTENDEES multi-agency|single-agency",
                       _("Records a training course the board delivered in a reporting year: its title, "
                         "how many sessions were run and how many people attended, and whether it was "
                         "multi-agency. Prints the course's id (for remove-training)."),
                       &o, &argc, &argv, 4, &year, &status);
  annual_options_clear (&o);
  if (store == NULL)
    return status;
  if (strcmp (argv[4], "multi-agency") != 0 && strcmp (argv[4], "single-agency") != 0)
    return cairn_cli_usage_error (argv[4], _("say multi-agency or single-agency"));
  multi = strcmp (argv[4], "multi-agency") == 0;
  if (!cairn_annual_training_add (store, year, argv[1], argv[2], argv[3], multi, &id, &error))
    return cairn_cli_fail (error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  return CAIRN_EXIT_OK;
}

/* cairn-cli annual remove-training --db FILE --year 2013-14 ID */
static int
annual_remove_training (int    argc,
                        char **argv)
{
  AnnualOptions o = { NULL, NULL, CAIRN_CLI_LOGIN_INIT };
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status = CAIRN_EXIT_OK;
  int year = 0;
  gint64 id;

  store = annual_open ("annual remove-training", "ID",
                       _("Removes a training course recorded by mistake, by the id "
                         "`cairn-cli annual training` lists."),
                       &o, &argc, &argv, 1, &year, &status);
  annual_options_clear (&o);
  if (store == NULL)
    return status;
  if (!cairn_annual_parse_count ("ID", argv[1], &id, &error))
    return cairn_cli_fail (error);
  if (id < 0)
    return cairn_cli_usage_error ("ID", _("a course's id is required"));
  if (!cairn_store_remove_training_course (store, year, id, &error))
    return cairn_cli_fail (error);
  return CAIRN_EXIT_OK;
}
