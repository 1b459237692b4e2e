/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-timescales"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-timescales.h"

/*
 * The timescale engine: from a case's events, every clock a rule starts,
 * with its due date and status as of today.
 *
 * For each rule that can start a clock in an edition (a national timer, or
 * a rule the board set a limit for), and each way it applies over time (the
 * edition's rule, then each board override from its effective date):
 *
 * - the clock starts at the rule's start event: the first one, each one
 *   (later reviews), or for the ICPC the strategy discussion the edition
 *   setting names (timescales-verified.md note 3.3);
 * - the clock belongs to the edition chosen for its start day (§3.5; for the
 *   ICPC, the day of the strategy discussion that initiated section 47
 *   enquiries, so that both wordings agree on one edition);
 * - the first stop event after the start closes it: met by the due date,
 *   else missed, with the late reason recorded on that event;
 * - a cancel event first (the case went another way), or the case closing,
 *   makes it not applicable when that happened by the due date, missed
 *   when after;
 * - a rule that requires an event (a core group requires a plan) is not
 *   applicable without one;
 * - otherwise it is open: running until its due date, missed (overdue) after.
 *
 * Planned events (appointments) never start or stop a clock.
 */

const char *
cairn_timer_status_to_string (CairnTimerStatus status)
{
  switch (status)
    {
    case CAIRN_TIMER_RUNNING:
      return "running";
    case CAIRN_TIMER_MET:
      return "met";
    case CAIRN_TIMER_MISSED:
      return "missed";
    case CAIRN_TIMER_NOT_APPLICABLE:
    default:
      return "not_applicable";
    }
}

void
cairn_timer_free (CairnTimer *timer)
{
  if (timer == NULL)
    return;
  g_free (timer->rule_id);
  g_free (timer->title);
  g_free (timer->edition);
  g_free (timer->node);
  g_free (timer->start_kind);
  g_free (timer->stop_kind);
  g_free (timer->late_reason);
  g_free (timer->source);
  g_free (timer->rule_status);
  g_free (timer);
}

static gboolean
kind_in (const char         *kind,
         const char * const *kinds)
{
  return kinds != NULL && kind != NULL && g_strv_contains (kinds, kind);
}

static const CairnEvent *
event_at (GPtrArray *events,
          int        i)
{
  return g_ptr_array_index (events, i);
}

/* The first unplanned event after index @after whose kind is in @kinds. */
static int
find_after (GPtrArray          *events,
            int                 after,
            const char * const *kinds,
            gboolean            or_closed)
{
  for (guint i = after + 1; i < events->len; i++)
    {
      const CairnEvent *e = g_ptr_array_index (events, i);
      if (!e->planned && (kind_in (e->kind, kinds) || (or_closed && g_strcmp0 (e->kind, "case_closed") == 0)))
        return i;
    }
  return -1;
}

/* Whether something that happened at @date/@minute was after the due time. */
static gboolean
later_than_due (const GDate *date,
                int          minute,
                const GDate *due,
                int          due_minute)
{
  int c = g_date_compare (date, due);

  if (c != 0 || due_minute == CAIRN_NO_TIME || minute == CAIRN_NO_TIME)
    return c > 0;
  return minute > due_minute;
}

static void
set_days (CairnCalendar *calendar,
          CairnTimer    *timer,
          const GDate   *from)
{
  timer->has_days = cairn_calendar_count_working_days (calendar, from, &timer->due, &timer->days, NULL);
}

static gboolean
compute_variant (CairnPathway             *self,
                 const CairnPathwayConfig *config,
                 const CairnPathwayCase   *kase,
                 CairnEdition             *edition,
                 const CairnRuleVariant   *v,
                 GPtrArray                *events,
                 const GDate              *today,
                 GPtrArray                *out,
                 GError                  **error)
{
  g_autoptr (GArray) anchors = g_array_new (FALSE, FALSE, sizeof (int));
  CairnCalendar *calendar = cairn_pathway_get_calendar (self);
  CairnStartDay start_day = cairn_pathway_config_get_start_day (config, edition);
  gboolean requires_ok = v->requires == NULL || v->requires[0] == NULL;
  int first_start = -1;

  for (guint i = 0; i < events->len; i++)
    {
      const CairnEvent *e = g_ptr_array_index (events, i);
      int index = i;

      if (e->planned)
        continue;
      if (kind_in (e->kind, v->requires))
        requires_ok = TRUE;
      if (!kind_in (e->kind, v->start))
        continue;
      if (first_start < 0)
        first_start = i;
      if (v->anchor == CAIRN_ANCHOR_EACH)
        g_array_append_val (anchors, index);
    }
  if (first_start < 0)
    return TRUE;

  if (v->anchor == CAIRN_ANCHOR_FIRST)
    g_array_append_val (anchors, first_start);
  else if (v->anchor == CAIRN_ANCHOR_ICPC_CLOCK)
    {
      int initiating = first_start, chosen;
      int requires_at = find_after (events, -1, v->requires, FALSE);

      /* The strategy discussion at which s47 enquiries were initiated: the
       * last one at or before the start of the enquiries. */
      for (int i = first_start; requires_at >= 0 && i < requires_at; i++)
        if (!event_at (events, i)->planned && kind_in (event_at (events, i)->kind, v->start))
          initiating = i;
      if (cairn_pathway_choose_edition (self, config, kase, &event_at (events, initiating)->date) !=
          edition)
        return TRUE;
      chosen = initiating;
      if (cairn_pathway_config_get_icpc_clock (config, edition) ==
          CAIRN_ICPC_CLOCK_LAST_STRATEGY_DISCUSSION)
        {
          int stop = find_after (events, first_start, v->stop, FALSE);
          int end = stop >= 0 ? stop : (int) events->len;
          for (int i = first_start; i < end; i++)
            if (!event_at (events, i)->planned && kind_in (event_at (events, i)->kind, v->start))
              chosen = i;
        }
      g_array_append_val (anchors, chosen);
    }

  for (guint k = 0; k < anchors->len; k++)
    {
      int a = g_array_index (anchors, int, k);
      const CairnEvent *start = g_ptr_array_index (events, a);
      g_autoptr (CairnTimer) timer = NULL;
      int limit, stop, cancel;
      CairnUnit unit;
      const CairnEvent *done = NULL;
      gboolean closed_first = FALSE;

      if (v->anchor != CAIRN_ANCHOR_ICPC_CLOCK &&
          cairn_pathway_choose_edition (self, config, kase, &start->date) != edition)
        continue;
      if ((cairn_date_is_set (&v->from) && g_date_compare (&start->date, &v->from) < 0) ||
          (cairn_date_is_set (&v->until) && g_date_compare (&start->date, &v->until) >= 0))
        continue;
      if (!cairn_pathway_variant_limit (v, &start->date, &limit, &unit))
        continue;

      timer = g_new0 (CairnTimer, 1);
      timer->rule_id = g_strdup (v->id);
      timer->title = g_strdup (v->title);
      timer->edition = g_strdup (cairn_edition_get_id (edition));
      timer->node = g_strdup (v->node);
      timer->start_kind = g_strdup (start->kind);
      timer->start_event_id = start->id;
      timer->start_date = start->date;
      timer->start_minute = start->minute;
      timer->limit = limit;
      timer->unit = unit;
      timer->source = cairn_pathway_variant_source (edition, v);
      timer->rule_status = g_strdup (v->override ? "LOCAL" : cairn_rule_status_to_string (v->rule->status));
      timer->board_rule = v->override != NULL;
      cairn_date_clear (&timer->stop_date);
      timer->stop_minute = CAIRN_NO_TIME;
      if (!cairn_pathway_compute_due (self, start_day, limit, unit, &start->date, start->minute,
                                      &timer->due, &timer->due_minute, error))
        {
          g_prefix_error (error, "%s: ", v->id);
          return FALSE;
        }

      stop = find_after (events, a, v->stop, FALSE);
      cancel = find_after (events, a, v->cancel, TRUE);
      if (stop >= 0 && (cancel < 0 || stop < cancel))
        done = g_ptr_array_index (events, stop);
      else if (cancel >= 0)
        done = g_ptr_array_index (events, cancel);
      /* A case closed without a closing event: the closure ends the clock
       * at the end of that day. */
      if (kase != NULL && cairn_date_is_set (&kase->closed_on) &&
          g_date_compare (&kase->closed_on, &start->date) >= 0 &&
          (done == NULL || g_date_compare (&done->date, &kase->closed_on) > 0))
        {
          done = NULL;
          closed_first = TRUE;
        }

      if (!requires_ok)
        timer->status = CAIRN_TIMER_NOT_APPLICABLE;
      else if (done != NULL && stop >= 0 && done == g_ptr_array_index (events, stop))
        {
          timer->stop_kind = g_strdup (done->kind);
          timer->stop_event_id = done->id;
          timer->stop_date = done->date;
          timer->stop_minute = done->minute;
          timer->status = later_than_due (&done->date, done->minute, &timer->due, timer->due_minute)
                            ? CAIRN_TIMER_MISSED
                            : CAIRN_TIMER_MET;
          timer->late_reason = g_strdup (done->late_reason);
          set_days (calendar, timer, &done->date);
        }
      else if (done != NULL || closed_first)
        {
          const GDate *when = done ? &done->date : &kase->closed_on;
          int minute = done ? done->minute : 24 * 60 - 1;

          if (later_than_due (when, minute, &timer->due, timer->due_minute))
            {
              timer->status = CAIRN_TIMER_MISSED;
              timer->stop_kind = g_strdup (done ? done->kind : "case_closed");
              timer->stop_event_id = done ? done->id : 0;
              timer->stop_date = *when;
              timer->stop_minute = done ? done->minute : CAIRN_NO_TIME;
              timer->late_reason = g_strdup (done ? done->late_reason : NULL);
              set_days (calendar, timer, when);
            }
          else
            timer->status = CAIRN_TIMER_NOT_APPLICABLE;
        }
      else
        {
          timer->open = TRUE;
          timer->status = g_date_compare (today, &timer->due) > 0 ? CAIRN_TIMER_MISSED
                                                                  : CAIRN_TIMER_RUNNING;
          set_days (calendar, timer, today);
        }
      g_ptr_array_add (out, g_steal_pointer (&timer));
    }
  return TRUE;
}

static int
compare_timers (gconstpointer a,
                gconstpointer b)
{
  const CairnTimer *ta = *(const CairnTimer **) a;
  const CairnTimer *tb = *(const CairnTimer **) b;
  int c = g_date_compare (&ta->start_date, &tb->start_date);

  if (c == 0)
    c = (ta->start_minute > tb->start_minute) - (ta->start_minute < tb->start_minute);
  if (c == 0)
    c = strcmp (ta->rule_id, tb->rule_id);
  return c;
}

/**
 * cairn_pathway_compute_timers:
 * @config: (nullable): the board's configuration, or %NULL for the national rules
 * @kase: (nullable): the case's dates and edition
 * @events: (element-type CairnEvent): the case's events in date order
 * @today: the day "remaining" and "overdue" are counted from
 *
 * Returns: (transfer full) (element-type CairnTimer): every timer the
 *   events start, by start date; %NULL when a due date cannot be computed
 *   (a date outside the bank holiday calendar)
 */
GPtrArray *
cairn_pathway_compute_timers (CairnPathway             *self,
                              const CairnPathwayConfig *config,
                              const CairnPathwayCase   *kase,
                              GPtrArray                *events,
                              const GDate              *today,
                              GError                  **error)
{
  g_autoptr (GPtrArray) timers = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_timer_free);

  g_return_val_if_fail (CAIRN_IS_PATHWAY (self), NULL);

  for (guint e = 0; e < cairn_pathway_get_n_editions (self); e++)
    {
      CairnEdition *edition = cairn_pathway_get_edition (self, e);
      g_autoptr (GPtrArray) ids = cairn_pathway_timer_rule_ids (self, config, edition);

      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr (GArray) variants =
            cairn_pathway_rule_variants (self, config, edition, g_ptr_array_index (ids, i));

          for (guint k = 0; k < variants->len; k++)
            if (!compute_variant (self, config, kase, edition,
                                  &g_array_index (variants, CairnRuleVariant, k), events, today,
                                  timers, error))
              return NULL;
        }
    }
  g_ptr_array_sort (timers, compare_timers);
  return g_steal_pointer (&timers);
}
