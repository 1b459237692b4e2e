/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-annual-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-annual-stats.h"
#include "cairn-case-pathway.h"
#include "cairn-date.h"
#include "cairn-error.h"

/*
 * Why the limits go to SQLite rather than due dates into the tables: a due
 * date depends on the edition the board chose, its edition settings, its
 * overrides (each from an effective date) and the bank holiday calendar,
 * which a board may edit; stored due dates would go stale with any of
 * them. Instead the statistics take the calendar (one row per day with the
 * running count of working days) and the limits as they stand when the
 * report is drawn up, and SQLite does the arithmetic over every case in
 * one pass (cairn-annual-store.c).
 */

static gboolean
has_kind (const char * const *kinds,
          const char         *kind)
{
  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    if (strcmp (kinds[i], kind) == 0)
      return TRUE;
  return FALSE;
}

/* Which clock a rule measures, from the events that start and stop it. */
static gboolean
classify (const CairnRuleVariant *v,
          CairnAnnualClock       *out)
{
  if (has_kind (v->stop, "initial_assessment_complete"))
    *out = CAIRN_ANNUAL_CLOCK_INITIAL_ASSESSMENT;
  else if (has_kind (v->stop, "core_assessment_complete"))
    *out = CAIRN_ANNUAL_CLOCK_CORE_ASSESSMENT;
  else if (has_kind (v->stop, "assessment_complete"))
    *out = CAIRN_ANNUAL_CLOCK_SINGLE_ASSESSMENT;
  else if (has_kind (v->stop, "icpc") && has_kind (v->start, "strategy_discussion"))
    *out = CAIRN_ANNUAL_CLOCK_ICPC;
  else if (has_kind (v->stop, "review_conference") && has_kind (v->start, "icpc"))
    *out = CAIRN_ANNUAL_CLOCK_FIRST_REVIEW;
  else if (has_kind (v->stop, "review_conference") && has_kind (v->start, "review_conference"))
    *out = CAIRN_ANNUAL_CLOCK_LATER_REVIEW;
  else if (has_kind (v->stop, "scr_completed"))
    *out = CAIRN_ANNUAL_CLOCK_SCR_COMPLETION;
  else
    return FALSE;
  return TRUE;
}

static void
add_limit (CairnAnnualRules *rules,
           CairnAnnualClock  clock,
           CairnEdition     *edition,
           const char       *rule_id,
           const GDate      *from,
           const GDate      *until,
           int               limit,
           CairnUnit         unit,
           gboolean          start_day_1)
{
  CairnAnnualLimit l = { 0 };

  /* The statistics count working days and calendar months; no clock they
   * measure is set in other units. */
  if (limit <= 0 || (unit != CAIRN_UNIT_WORKING_DAYS && unit != CAIRN_UNIT_CALENDAR_MONTHS))
    return;
  if (cairn_date_is_set (from) && cairn_date_is_set (until) && g_date_compare (from, until) >= 0)
    return;
  l.clock = clock;
  l.edition = g_strdup (cairn_edition_get_id (edition));
  l.rule_id = g_strdup (rule_id);
  l.from = *from;
  l.until = *until;
  l.limit = limit;
  l.months = unit == CAIRN_UNIT_CALENDAR_MONTHS;
  l.start_day_1 = start_day_1;
  g_array_append_val (rules->limits, l);
}

/* The later of two starts (unset is the beginning of time). */
static void
later_start (const GDate *a,
             const GDate *b,
             GDate       *out)
{
  if (!cairn_date_is_set (a))
    *out = *b;
  else if (!cairn_date_is_set (b))
    *out = *a;
  else
    *out = g_date_compare (a, b) >= 0 ? *a : *b;
}

/* The earlier of two ends (unset is no end). */
static void
earlier_end (const GDate *a,
             const GDate *b,
             GDate       *out)
{
  if (!cairn_date_is_set (a))
    *out = *b;
  else if (!cairn_date_is_set (b))
    *out = *a;
  else
    *out = g_date_compare (a, b) <= 0 ? *a : *b;
}

/* One variant's limits, split at the dates the edition's own limits change. */
static void
add_variant (CairnAnnualRules       *rules,
             CairnAnnualClock        clock,
             CairnEdition           *edition,
             const CairnRuleVariant *v,
             gboolean                start_day_1)
{
  if (v->override != NULL || v->rule == NULL)
    {
      int limit;
      CairnUnit unit;

      if (cairn_pathway_variant_limit (v, &v->from, &limit, &unit))
        add_limit (rules, clock, edition, v->id, &v->from, &v->until, limit, unit, start_day_1);
      return;
    }
  if (v->rule->type != CAIRN_RULE_TIMER || !v->rule->computed)
    return;
  for (guint i = 0; i < v->rule->limits->len; i++)
    {
      const CairnRuleLimit *l = &g_array_index (v->rule->limits, CairnRuleLimit, i);
      GDate next, from, until;

      cairn_date_clear (&next);
      if (i + 1 < v->rule->limits->len)
        next = g_array_index (v->rule->limits, CairnRuleLimit, i + 1).from;
      later_start (&v->from, &l->from, &from);
      earlier_end (&v->until, &next, &until);
      add_limit (rules, clock, edition, v->id, &from, &until, l->limit, l->unit, start_day_1);
    }
}

/**
 * cairn_annual_rules_new:
 * @config: (nullable): the board's configuration (cairn_pathway_config_load())
 *
 * Returns: (transfer full): the calendar, editions and limits the annual
 *   statistics count against
 */
CairnAnnualRules *
cairn_annual_rules_new (CairnPathway             *pathway,
                        const CairnPathwayConfig *config,
                        GError                  **error)
{
  g_autoptr (CairnAnnualRules) rules = cairn_annual_rules_alloc ();
  CairnCalendar *calendar = cairn_pathway_get_calendar (pathway);
  const char *fixed = NULL;
  GDate day, last;

  rules->by_referral = cairn_pathway_config_get_choice (config, &fixed) == CAIRN_EDITION_BY_REFERRAL;
  rules->fixed_edition = g_strdup (fixed);

  for (guint i = 0; i < cairn_pathway_get_n_editions (pathway); i++)
    {
      CairnEdition *edition = cairn_pathway_get_edition (pathway, i);
      CairnAnnualEdition e = { 0 };
      gboolean day_1 = cairn_pathway_config_get_start_day (config, edition) == CAIRN_START_DAY_1;
      g_autoptr (GPtrArray) ids = cairn_pathway_timer_rule_ids (pathway, config, edition);

      e.id = g_strdup (cairn_edition_get_id (edition));
      e.in_force_from = *cairn_edition_get_in_force_from (edition);
      e.icpc_last_discussion = cairn_pathway_config_get_icpc_clock (config, edition) ==
                               CAIRN_ICPC_CLOCK_LAST_STRATEGY_DISCUSSION;
      g_array_append_val (rules->editions, e);

      for (guint k = 0; k < ids->len; k++)
        {
          g_autoptr (GArray) variants = cairn_pathway_rule_variants (pathway, config, edition,
                                                                     g_ptr_array_index (ids, k));
          for (guint j = 0; j < variants->len; j++)
            {
              const CairnRuleVariant *v = &g_array_index (variants, CairnRuleVariant, j);
              CairnAnnualClock clock;

              if (classify (v, &clock))
                add_variant (rules, clock, edition, v, day_1);
            }
        }
    }

  cairn_date_set_ymd (&day, cairn_calendar_get_first_year (calendar), 1, 1);
  cairn_date_set_ymd (&last, cairn_calendar_get_last_year (calendar), 12, 31);
  rules->first_day = day;
  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      gboolean working = FALSE;
      guint8 w;

      if (!cairn_calendar_is_working_day (calendar, &day, &working, error))
        return NULL;
      w = working ? 1 : 0;
      g_array_append_val (rules->working, w);
    }
  return g_steal_pointer (&rules);
}

/**
 * cairn_annual_year_edition:
 * @year: the reporting year, by its start year
 *
 * The edition whose requirements the report for @year follows: the
 * board's fixed edition when it chose one, else the edition in force on
 * the last day of the year (so 2012-13 follows Working Together 2010 and
 * 2013-14 Working Together 2013, in force from 15 April 2013). A year that
 * ends before the first edition follows the first.
 *
 * Returns: (transfer none)
 */
CairnEdition *
cairn_annual_year_edition (CairnPathway             *pathway,
                           const CairnPathwayConfig *config,
                           int                       year)
{
  const char *fixed = NULL;
  GDate last;

  if (cairn_pathway_config_get_choice (config, &fixed) == CAIRN_EDITION_FIXED && fixed != NULL)
    {
      CairnEdition *edition = cairn_pathway_lookup_edition (pathway, fixed);
      if (edition != NULL)
        return edition;
    }
  cairn_year_bounds (year, NULL, &last);
  return cairn_pathway_get_edition_in_force (pathway, &last);
}

/**
 * cairn_annual_compute_stats:
 *
 * The statistics of each year from @first_year to @last_year, counted
 * against the board's pathway configuration.
 *
 * Returns: (transfer full) (element-type CairnAnnualYear)
 */
GPtrArray *
cairn_annual_compute_stats (CairnStore    *store,
                            CairnPathway  *pathway,
                            int            first_year,
                            int            last_year,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr (CairnPathwayConfig) config = cairn_pathway_config_load (pathway, store, error);
  g_autoptr (CairnAnnualRules) rules = NULL;

  if (config == NULL || (rules = cairn_annual_rules_new (pathway, config, error)) == NULL)
    return NULL;
  return cairn_store_compute_annual_stats (store, rules, first_year, last_year, cancellable, error);
}
