/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-timescales"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-codes.h"
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

/* Event kinds as bits: a rule's start, stop, cancel and requires lists and
 * each event's kind become masks, so that matching an event is one AND. */
typedef struct
{
  guint64 w[2];
} KindMask;

static int
kind_bit (const char *kind)
{
  static GHashTable *bits;
  static gsize once;
  gpointer v;

  if (g_once_init_enter (&once))
    {
      gsize n;
      const CairnCode *codes = cairn_codes_get (CAIRN_CODES_EVENT_KIND, &n);

      g_assert (n <= 128);
      bits = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize i = 0; i < n; i++)
        g_hash_table_insert (bits, (gpointer) codes[i].code, GSIZE_TO_POINTER (i + 1));
      g_once_init_leave (&once, 1);
    }
  v = kind ? g_hash_table_lookup (bits, kind) : NULL;
  return v ? (int) GPOINTER_TO_SIZE (v) - 1 : -1;
}

static KindMask
mask_of (const char * const *kinds)
{
  KindMask m = { { 0, 0 } };

  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      int b = kind_bit (kinds[i]);
      if (b >= 0)
        m.w[b / 64] |= G_GUINT64_CONSTANT (1) << (b % 64);
    }
  return m;
}

static gboolean
mask_has (const KindMask *m,
          int             bit)
{
  return bit >= 0 && (m->w[bit / 64] & (G_GUINT64_CONSTANT (1) << (bit % 64))) != 0;
}

static gboolean
mask_empty (const KindMask *m)
{
  return m->w[0] == 0 && m->w[1] == 0;
}

/* One rule as it applies over a period, ready to match against events. */
typedef struct
{
  CairnEdition *edition;
  CairnRuleVariant variant;
  KindMask start, stop, cancel, requires;
  char *source;
  const char *rule_status;
} PlanEntry;

struct _CairnTimerPlan
{
  CairnPathway *pathway;
  const CairnPathwayConfig *config;
  GArray *entries; /* PlanEntry */
  int case_closed_bit;
};

static void
plan_entry_clear (gpointer data)
{
  g_free (((PlanEntry *) data)->source);
}

/**
 * cairn_timer_plan_new:
 * @config: (nullable): the board's configuration; borrowed, it must outlive the plan
 *
 * Every rule that can start a clock for this board, prepared once so that
 * many cases can be computed quickly (a bulk refresh).
 */
CairnTimerPlan *
cairn_timer_plan_new (CairnPathway             *pathway,
                      const CairnPathwayConfig *config)
{
  CairnTimerPlan *plan = g_new0 (CairnTimerPlan, 1);

  plan->pathway = g_object_ref (pathway);
  plan->config = config;
  plan->entries = g_array_new (FALSE, TRUE, sizeof (PlanEntry));
  g_array_set_clear_func (plan->entries, plan_entry_clear);
  plan->case_closed_bit = kind_bit ("case_closed");
  for (guint e = 0; e < cairn_pathway_get_n_editions (pathway); e++)
    {
      CairnEdition *edition = cairn_pathway_get_edition (pathway, e);
      g_autoptr (GPtrArray) ids = cairn_pathway_timer_rule_ids (pathway, config, edition);

      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr (GArray) variants =
            cairn_pathway_rule_variants (pathway, config, edition, g_ptr_array_index (ids, i));

          for (guint k = 0; k < variants->len; k++)
            {
              PlanEntry entry = { 0 };

              entry.edition = edition;
              entry.variant = g_array_index (variants, CairnRuleVariant, k);
              entry.start = mask_of (entry.variant.start);
              entry.stop = mask_of (entry.variant.stop);
              entry.cancel = mask_of (entry.variant.cancel);
              entry.requires = mask_of (entry.variant.requires);
              entry.source = cairn_pathway_variant_source (edition, &entry.variant);
              entry.rule_status = entry.variant.override
                                    ? "LOCAL"
                                    : cairn_rule_status_to_string (entry.variant.rule->status);
              g_array_append_val (plan->entries, entry);
            }
        }
    }
  return plan;
}

void
cairn_timer_plan_free (CairnTimerPlan *plan)
{
  if (plan == NULL)
    return;
  g_object_unref (plan->pathway);
  g_array_unref (plan->entries);
  g_free (plan);
}

/* The first unplanned event after index @after whose kind is in @mask
 * (or that closes the case, with @or_closed). */
static int
find_after (GPtrArray      *events,
            const int      *bits,
            int             after,
            const KindMask *mask,
            int             closed_bit)
{
  for (guint i = after + 1; i < events->len; i++)
    if (!((const CairnEvent *) g_ptr_array_index (events, i))->planned &&
        (mask_has (mask, bits[i]) || (closed_bit >= 0 && bits[i] == closed_bit)))
      return i;
  return -1;
}

static const CairnEvent *
event_at (GPtrArray *events,
          int        i)
{
  return g_ptr_array_index (events, i);
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
compute_entry (CairnTimerPlan          *plan,
               const PlanEntry         *entry,
               const CairnPathwayCase  *kase,
               GPtrArray               *events,
               const int               *bits,
               const GDate             *today,
               gboolean                 with_text,
               GPtrArray               *out,
               GError                 **error)
{
  const CairnRuleVariant *v = &entry->variant;
  CairnEdition *edition = entry->edition;
  CairnPathway *self = plan->pathway;
  const CairnPathwayConfig *config = plan->config;
  CairnCalendar *calendar = cairn_pathway_get_calendar (self);
  int anchors_inline[8];
  g_autoptr (GArray) anchors_more = NULL;
  int *anchors = anchors_inline;
  guint n_anchors = 0;
  gboolean requires_ok = mask_empty (&entry->requires);
  int first_start = -1;

  for (guint i = 0; i < events->len; i++)
    {
      if (event_at (events, i)->planned)
        continue;
      if (mask_has (&entry->requires, bits[i]))
        requires_ok = TRUE;
      if (!mask_has (&entry->start, bits[i]))
        continue;
      if (first_start < 0)
        first_start = i;
      if (v->anchor == CAIRN_ANCHOR_EACH)
        {
          int index = i;
          if (anchors_more == NULL)
            anchors_more = g_array_new (FALSE, FALSE, sizeof (int));
          g_array_append_val (anchors_more, index);
        }
    }
  if (first_start < 0)
    return TRUE;

  if (v->anchor == CAIRN_ANCHOR_EACH)
    {
      anchors = (int *) anchors_more->data;
      n_anchors = anchors_more->len;
    }
  else if (v->anchor == CAIRN_ANCHOR_FIRST)
    anchors[n_anchors++] = first_start;
  else
    {
      int initiating = first_start, chosen;
      int requires_at = find_after (events, bits, -1, &entry->requires, -1);

      /* The strategy discussion at which s47 enquiries were initiated: the
       * last one at or before the start of the enquiries. */
      for (int i = first_start; requires_at >= 0 && i < requires_at; i++)
        if (!event_at (events, i)->planned && mask_has (&entry->start, bits[i]))
          initiating = i;
      if (cairn_pathway_choose_edition (self, config, kase, &event_at (events, initiating)->date) !=
          edition)
        return TRUE;
      chosen = initiating;
      if (cairn_pathway_config_get_icpc_clock (config, edition) ==
          CAIRN_ICPC_CLOCK_LAST_STRATEGY_DISCUSSION)
        {
          int stop = find_after (events, bits, first_start, &entry->stop, -1);
          int end = stop >= 0 ? stop : (int) events->len;
          for (int i = first_start; i < end; i++)
            if (!event_at (events, i)->planned && mask_has (&entry->start, bits[i]))
              chosen = i;
        }
      anchors[n_anchors++] = chosen;
    }

  for (guint k = 0; k < n_anchors; k++)
    {
      int a = anchors[k];
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
      timer->edition = g_strdup (cairn_edition_get_id (edition));
      if (with_text)
        {
          timer->title = g_strdup (v->title);
          timer->node = g_strdup (v->node);
          timer->start_kind = g_strdup (start->kind);
          timer->source = g_strdup (entry->source);
          timer->rule_status = g_strdup (entry->rule_status);
        }
      timer->start_event_id = start->id;
      timer->start_date = start->date;
      timer->start_minute = start->minute;
      timer->limit = limit;
      timer->unit = unit;
      timer->board_rule = v->override != NULL;
      cairn_date_clear (&timer->stop_date);
      timer->stop_minute = CAIRN_NO_TIME;
      if (!cairn_pathway_compute_due (self, cairn_pathway_config_get_start_day (config, edition), limit,
                                      unit, &start->date, start->minute, &timer->due,
                                      &timer->due_minute, error))
        {
          g_prefix_error (error, "%s: ", v->id);
          return FALSE;
        }

      stop = find_after (events, bits, a, &entry->stop, -1);
      cancel = find_after (events, bits, a, &entry->cancel, plan->case_closed_bit);
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
 * cairn_timer_plan_compute:
 * @with_text: fill in the titles, sources and kinds (a summary needs only
 *   the rule ids, dates and statuses)
 *
 * As cairn_pathway_compute_timers(), with a plan made once for many cases.
 */
GPtrArray *
cairn_timer_plan_compute (CairnTimerPlan          *plan,
                          const CairnPathwayCase  *kase,
                          GPtrArray               *events,
                          const GDate             *today,
                          gboolean                 with_text,
                          GError                 **error)
{
  g_autoptr (GPtrArray) timers = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_timer_free);
  int bits_inline[64];
  g_autofree int *bits_heap = NULL;
  int *bits = events->len <= G_N_ELEMENTS (bits_inline) ? bits_inline
                                                         : (bits_heap = g_new (int, events->len));

  for (guint i = 0; i < events->len; i++)
    bits[i] = kind_bit (((const CairnEvent *) g_ptr_array_index (events, i))->kind);
  for (guint k = 0; k < plan->entries->len; k++)
    if (!compute_entry (plan, &g_array_index (plan->entries, PlanEntry, k), kase, events, bits, today,
                        with_text, timers, error))
      return NULL;
  g_ptr_array_sort (timers, compare_timers);
  return g_steal_pointer (&timers);
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
  g_autoptr (CairnTimerPlan) plan = NULL;

  g_return_val_if_fail (CAIRN_IS_PATHWAY (self), NULL);
  plan = cairn_timer_plan_new (self, config);
  return cairn_timer_plan_compute (plan, kase, events, today, TRUE, error);
}
