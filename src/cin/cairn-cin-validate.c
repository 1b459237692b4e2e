/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cin"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-calendar.h"
#include "cairn-cin-rules-private.h"
#include "cairn-data.h"
#include "cairn-date.h"
#include "cairn-error.h"

/* The validator: picks the rule set, works out the census period and the
 * working-day cut-offs (cin-census.md §6), runs every rule of the set over
 * the return and each child, and collects the findings. */

gboolean
cairn_cin_rule_set_exists (int year)
{
  return year >= CAIRN_CIN_FIRST_YEAR && year <= CAIRN_CIN_LAST_YEAR;
}

gboolean
cairn_cin_rule_in_set (const CairnCinRule *rule,
                       int                 year)
{
  return year >= rule->first_year && (rule->last_year == 0 || year <= rule->last_year);
}

/* "2023-24" for the collection year 2024. */
char *
cairn_cin_year_name (int year)
{
  return cairn_year_to_string (year - 1);
}

/* Parses a census year written "2023-24" into its collection year (2024). */
gboolean
cairn_cin_year_parse (const char  *field,
                      const char  *text,
                      int         *year,
                      GError     **error)
{
  int start_year;

  if (!cairn_year_parse (field, text, &start_year, error))
    return FALSE;
  *year = start_year + 1;
  return TRUE;
}

/*
 * The working-day offset of the CIN validator (cin-census.md §6), with the
 * semantics of a pandas business-day offset:
 *   @days == 0: @date itself when it is a working day, else the next one
 *               (a non-working day rolls forward);
 *   @days < 0:  -@days working days before @date; when @date is not a
 *               working day, the first step lands on the working day before it.
 * The rules ask for "n working days" and the validator offsets by n − 1, so
 * callers pass −(n − 1).
 *
 * Working days are England and Wales working days: Monday to Friday less the
 * bank holidays of the board's calendar (data/bank-holidays-england-wales.txt).
 */
static gboolean
is_working_day (CairnCalendar *calendar,
                const GDate   *date)
{
  gboolean working;

  if (calendar != NULL && cairn_calendar_is_working_day (calendar, date, &working, NULL))
    return working;
  /* Outside the calendar's years (2000–2030): weekdays only. */
  return g_date_get_weekday (date) < G_DATE_SATURDAY;
}

static void
working_day_shift (CairnCalendar *calendar,
                   const GDate   *date,
                   int            days,
                   GDate         *out)
{
  *out = *date;
  if (days == 0)
    {
      while (!is_working_day (calendar, out))
        g_date_add_days (out, 1);
    }
  else
    {
      int steps = -days;

      if (!is_working_day (calendar, out))
        {
          while (!is_working_day (calendar, out))
            g_date_subtract_days (out, 1);
          steps--;
        }
      while (steps > 0)
        {
          g_date_subtract_days (out, 1);
          if (is_working_day (calendar, out))
            steps--;
        }
    }
  (void) g_date_get_julian (out);
}

void
cairn_cin_check_report (CairnCinCheck       *check,
                        const CairnCinChild *child,
                        guint                episode,
                        guint                line,
                        const char * const  *fields)
{
  CairnCinFinding finding = {
    check->rule, child, episode, line, fields ? fields : check->rule->fields,
  };

  g_array_append_val (check->findings, finding);
}

static GHashTable *
count_values (const CairnCinCensus *census,
              gsize                 offset)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < census->n_children; i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, &census->children[i], offset);

      if (value != NULL)
        g_hash_table_insert (counts, (gpointer) value,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, value)) + 1));
    }
  return counts;
}

/**
 * cairn_cin_validate:
 * @year: the rule set's collection year (2024 for 2023-24), or 0 for the
 *   header's Year
 *
 * Runs the rule set of @year over @census. The census period always comes
 * from ReferenceDate, whatever @year says (a mismatch is rule 100's finding);
 * only a return without ReferenceDate is checked against 31 March of @year,
 * and the report says so. Fails only when there is no rule set to run.
 */
CairnCinReport *
cairn_cin_validate (const CairnCinCensus *census,
                    int                   year,
                    GCancellable         *cancellable,
                    GError              **error)
{
  g_autoptr (CairnCinReport) report = NULL;
  g_autofree char *name = NULL;
  CairnCinCheck check = { 0 };
  const CairnCinRule *rules;
  guint n_rules;
  g_autoptr (GPtrArray) child_rules = g_ptr_array_new ();

  g_return_val_if_fail (census != NULL, NULL);

  if (year == 0)
    {
      year = census->year;
      if (year == 0)
        {
          if (census->year_text == NULL)
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                         _("Year: missing from the header; name the census year (for example "
                           "--year 2023-24)"));
          else
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                         _("Year: \"%s\" is not a year; name the census year (for example "
                           "--year 2023-24)"),
                         census->year_text);
          return NULL;
        }
      if (!cairn_cin_rule_set_exists (year))
        {
          name = cairn_cin_year_name (year);
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Year: %d (the %s census) has no rule set; Cairn has the rule sets "
                         "2022-23 to 2025-26"),
                       year, name);
          return NULL;
        }
    }
  else if (!cairn_cin_rule_set_exists (year))
    {
      name = cairn_cin_year_name (year);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("year: %s has no rule set; Cairn has the rule sets 2022-23 to 2025-26"), name);
      return NULL;
    }

  report = g_new0 (CairnCinReport, 1);
  report->year = year;
  if (cairn_date_is_set (&census->reference_date))
    report->reference_date = census->reference_date;
  else
    {
      cairn_date_set_ymd (&report->reference_date, year, 3, 31);
      report->reference_date_assumed = TRUE;
    }
  /* collection_start = ReferenceDate − 1 year + 1 day; collection_end = ReferenceDate. */
  report->period_end = report->reference_date;
  report->period_start = report->reference_date;
  g_date_subtract_years (&report->period_start, 1);
  g_date_add_days (&report->period_start, 1);
  (void) g_date_get_julian (&report->period_start);
  (void) g_date_get_julian (&report->period_end);

  check.census = census;
  check.year = year;
  check.reference_date = report->reference_date;
  check.period_start = report->period_start;
  check.period_end = report->period_end;
  {
    g_autofree char *path = cairn_data_find_file (CAIRN_CALENDAR_FILE, error);
    g_autoptr (CairnCalendar) calendar = path ? cairn_calendar_new_from_file (path, error) : NULL;

    if (calendar == NULL)
      {
        cairn_cin_report_free (report);
        return NULL;
      }
    working_day_shift (calendar, &check.period_start, -(1 - 1), &check.cutoff_8569);
    working_day_shift (calendar, &check.reference_date, -(45 - 1), &check.cutoff_8670);
    working_day_shift (calendar, &check.reference_date, -(15 - 1), &check.cutoff_8675);
  }
  check.child_ids = count_values (census, G_STRUCT_OFFSET (CairnCinChild, la_child_id));
  check.upns = count_values (census, G_STRUCT_OFFSET (CairnCinChild, upn));
  check.findings = g_array_new (FALSE, FALSE, sizeof (CairnCinFinding));

  rules = cairn_cin_rules (&n_rules);
  for (guint r = 0; r < n_rules; r++)
    {
      if (!cairn_cin_rule_in_set (&rules[r], year))
        continue;
      if (rules[r].return_func != NULL)
        {
          check.rule = &rules[r];
          rules[r].return_func (&check);
        }
      else
        g_ptr_array_add (child_rules, (gpointer) &rules[r]);
    }

  for (guint i = 0; i < census->n_children; i++)
    {
      const CairnCinChild *child = &census->children[i];

      if (i % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      for (guint r = 0; r < child_rules->len; r++)
        {
          check.rule = g_ptr_array_index (child_rules, r);
          check.rule->child_func (&check, child);
        }
    }

  g_hash_table_unref (check.child_ids);
  g_hash_table_unref (check.upns);
  {
    gsize n_findings;

    report->findings = (CairnCinFinding *) (gpointer) g_array_steal (check.findings, &n_findings);
    report->n_findings = (guint) n_findings;
    g_array_unref (check.findings);
  }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  for (guint i = 0; i < report->n_findings; i++)
    {
      if (report->findings[i].rule->type == CAIRN_CIN_RULE_QUERY)
        report->n_queries++;
      else
        report->n_errors++;
    }
  return g_steal_pointer (&report);
}

void
cairn_cin_report_free (CairnCinReport *report)
{
  if (report == NULL)
    return;
  g_free (report->findings);
  g_free (report);
}
