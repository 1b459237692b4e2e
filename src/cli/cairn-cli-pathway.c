/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cairn-calendar.h"
#include "cairn-case-pathway.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-data.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-ref.h"

#define MAX_WORKING_DAYS 1000

/* Prints @error, naming the flag a library field stands for ("From: …"
 * becomes "--from: …"). */
static int
fail_with_flags (const GError *error)
{
  static const struct
  {
    const char *field;
    const char *flag;
  } names[] = {
    { "From: ", "--from: " },
    { "Edition: ", "--edition: " },
    { "Rule: ", "--rule: " },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_has_prefix (error->message, names[i].field))
      {
        g_autoptr (GError) renamed = g_error_new (error->domain, error->code, "%s%s", names[i].flag,
                                                  error->message + strlen (names[i].field));
        return cairn_cli_fail (renamed);
      }
  return cairn_cli_fail (error);
}

/* cairn-cli add-working-days --from DATE --days N */
int
cairn_cli_add_working_days (int    argc,
                            char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *days_text = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The day to count from (it never counts itself)"),
      "YYYY-MM-DD" },
    { "days", 0, 0, G_OPTION_ARG_STRING, &days_text, N_("How many working days to add, 0 to 1000"), "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "add-working-days", NULL,
    _("Prints the Nth working day after DATE, as YYYY-MM-DD. Working days are Monday to Friday "
      "less the England and Wales bank holidays. DATE itself never counts; with N = 0 the answer "
      "is DATE when it is a working day, else the next working day."),
    entries);
  g_autoptr (CairnCalendar) calendar = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  GDate from, out;
  char buf[11];
  guint64 days;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (!cairn_date_parse ("--from", from_text, &from, &error))
    return cairn_cli_fail (error);
  if (days_text == NULL)
    return cairn_cli_usage_error ("--days", _("a number of working days is required"));
  if (!g_ascii_string_to_unsigned (days_text, 10, 0, MAX_WORKING_DAYS, &days, NULL) ||
      !g_ascii_isdigit (days_text[0]))
    return cairn_cli_usage_error ("--days", _("\"%s\" is not a whole number from 0 to %d"),
                                  days_text, MAX_WORKING_DAYS);

  path = cairn_data_find_file (CAIRN_CALENDAR_FILE, &error);
  if (path == NULL || (calendar = cairn_calendar_new_from_file (path, &error)) == NULL ||
      !cairn_calendar_add_working_days (calendar, &from, (int) days, &out, &error))
    return fail_with_flags (error);
  cairn_date_format_into (&out, buf);
  printf ("%s\n", buf);
  return CAIRN_EXIT_OK;
}

static char *
edition_ids (CairnPathway *pathway)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cairn_pathway_get_n_editions (pathway); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "",
                            cairn_edition_get_id (cairn_pathway_get_edition (pathway, i)));
  return g_string_free (s, FALSE);
}

/* cairn-cli due-date --edition ID --rule RULE --from DATE [--db FILE] [--json] */
int
cairn_cli_due_date (int    argc,
                    char **argv)
{
  g_autofree char *edition_id = NULL;
  g_autofree char *rule_id = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *db = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "edition", 0, 0, G_OPTION_ARG_STRING, &edition_id, N_("The guidance edition (wt2010, wt2013)"), "ID" },
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule_id, N_("The rule, such as W10-04"), "RULE-ID" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The day the clock starts; a date and time for hour rules"), "DATE" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Apply this board's rule overrides and settings"), "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document with the rule's source"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "due-date", NULL,
    _("Prints the due date of one rule for a clock starting on DATE: YYYY-MM-DD for day, "
      "working-day and month rules, YYYY-MM-DDTHH:MM for hour rules (then --from takes a time "
      "too). A rule with no national limit exits 2 saying so."),
    entries);
  g_autoptr (CairnPathway) pathway = NULL;
  g_autoptr (CairnPathwayConfig) config = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *due_text = NULL;
  g_autoptr (GArray) variants = NULL;
  CairnEdition *edition;
  GDate from, due;
  int from_minute, due_minute;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (edition_id == NULL)
    return cairn_cli_usage_error ("--edition", _("an edition is required (wt2010, wt2013)"));
  if (rule_id == NULL)
    return cairn_cli_usage_error ("--rule", _("a rule is required (for example W10-04)"));
  if (!cairn_timestamp_parse ("--from", from_text, &from, &from_minute, &error))
    return cairn_cli_fail (error);

  pathway = cairn_pathway_get_default (&error);
  if (pathway == NULL)
    return cairn_cli_fail (error);
  edition = cairn_pathway_lookup_edition (pathway, edition_id);
  if (edition == NULL)
    {
      g_autofree char *ids = edition_ids (pathway);
      return cairn_cli_usage_error ("--edition", _("\"%s\" is not a guidance edition (%s)"),
                                    edition_id, ids);
    }
  if (db != NULL)
    {
      if ((store = cairn_cli_open_store (db, &status)) == NULL)
        return status;
      config = cairn_pathway_config_load (pathway, store, &error);
      if (config == NULL)
        return cairn_cli_fail (error);
    }
  variants = cairn_pathway_rule_variants (pathway, config, edition, rule_id);
  if (variants->len == 0)
    return cairn_cli_usage_error ("--rule", _("\"%s\" is not a rule of %s"), rule_id,
                                  cairn_edition_get_short_title (edition));
  if (!cairn_pathway_due_date (pathway, config, edition_id, rule_id, &from, from_minute, &due,
                               &due_minute, &source, &error))
    return fail_with_flags (error);

  due_text = cairn_timestamp_to_string (&due, due_minute);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *from_out = cairn_timestamp_to_string (&from, from_minute);
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "edition");
      json_builder_add_string_value (builder, edition_id);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, rule_id);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, from_out);
      json_builder_set_member_name (builder, "due");
      json_builder_add_string_value (builder, due_text);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, source);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
    }
  else
    printf ("%s\n", due_text);
  return CAIRN_EXIT_OK;
}

typedef struct
{
  gboolean overdue_only;
  GPtrArray *rows; /* Row */
} DueData;

typedef struct
{
  gint64 child_number;
  int case_number;
  guint order;
  char *line;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->line);
  g_free (row);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = *(const Row **) a;
  const Row *rb = *(const Row **) b;

  if (ra->child_number != rb->child_number)
    return ra->child_number < rb->child_number ? -1 : 1;
  if (ra->case_number != rb->case_number)
    return ra->case_number < rb->case_number ? -1 : 1;
  return (ra->order > rb->order) - (ra->order < rb->order);
}

static gboolean
collect_due_rows (const CairnCasePathway  *kase,
                  GPtrArray               *timers,
                  gpointer                 user_data,
                  GError                 **error)
{
  DueData *data = user_data;
  g_autofree char *ref = cairn_case_ref_format (kase->child_number, kase->case_number);

  for (guint i = 0; i < timers->len; i++)
    {
      const CairnTimer *t = g_ptr_array_index (timers, i);
      g_autofree char *start = NULL;
      g_autofree char *due = NULL;
      g_autofree char *days = NULL;
      Row *row;

      if (data->overdue_only && !(t->open && t->status == CAIRN_TIMER_MISSED))
        continue;
      start = cairn_timestamp_to_string (&t->start_date, t->unit == CAIRN_UNIT_HOURS ? t->start_minute
                                                                                     : CAIRN_NO_TIME);
      due = cairn_timestamp_to_string (&t->due, t->due_minute);
      days = t->has_days && t->status != CAIRN_TIMER_NOT_APPLICABLE ? g_strdup_printf ("%d", t->days)
                                                                     : g_strdup ("");
      row = g_new0 (Row, 1);
      row->child_number = kase->child_number;
      row->case_number = kase->case_number;
      row->order = data->rows->len;
      row->line = g_strdup_printf ("%s\t%s\t%s\t%s\t%s\t%s\t%s", ref, t->rule_id, t->edition, start,
                                   due, cairn_timer_status_to_string (t->status), days);
      g_ptr_array_add (data->rows, row);
    }
  return TRUE;
}

/* cairn-cli due --db FILE [--case REF] [--overdue] */
int
cairn_cli_due (int    argc,
               char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *case_text = NULL;
  gboolean overdue = FALSE;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_text, N_("Only this case"), "C-000123/2" },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only timers whose due date has passed with the step not yet recorded"), NULL },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "due", NULL,
    _("Lists the timescale timers of every case (or one) as of today, tab-separated with a "
      "header: case, rule, edition, start, due, status (running, met, missed, not_applicable), "
      "days (for an open timer the working days left, negative when overdue; for a closed one "
      "the working days to spare, negative when late)."),
    entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  DueData data = { 0 };
  CairnRef ref = { 0 };
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (case_text != NULL && !cairn_ref_parse ("--case", case_text, CAIRN_REF_CASE, &ref, &error))
    return cairn_cli_fail (error);
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;

  data.overdue_only = overdue;
  data.rows = g_ptr_array_new_with_free_func (row_free);
  if (!cairn_pathway_foreach_case_timers (store, case_text ? ref.number : 0, ref.case_number,
                                          collect_due_rows, &data, &error))
    {
      g_ptr_array_unref (data.rows);
      return cairn_cli_fail (error);
    }
  g_ptr_array_sort (data.rows, compare_rows);
  printf ("case\trule\tedition\tstart\tdue\tstatus\tdays\n");
  for (guint i = 0; i < data.rows->len; i++)
    printf ("%s\n", ((Row *) g_ptr_array_index (data.rows, i))->line);
  g_ptr_array_unref (data.rows);
  return CAIRN_EXIT_OK;
}
