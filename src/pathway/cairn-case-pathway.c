/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-case-pathway"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-ref.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"

/* Cases per query in a bulk pass: bounds the memory a pass holds. */
#define CHUNK_CASES 10000

/**
 * cairn_pathway_config_load:
 *
 * The board's pathway configuration from its database: the edition choice
 * (%CAIRN_SETTING_EDITION_CHOICE), edition settings
 * (`pathway.EDITION.icpc_clock_start`, `pathway.EDITION.start_day`) and
 * rule overrides. A malformed stored setting is an error naming its key.
 */
CairnPathwayConfig *
cairn_pathway_config_load (CairnPathway  *pathway,
                           CairnStore    *store,
                           GError       **error)
{
  g_autoptr (CairnPathwayConfig) config = cairn_pathway_config_new ();
  g_autoptr (GPtrArray) overrides = NULL;
  g_autofree char *choice = cairn_store_dup_setting (store, CAIRN_SETTING_EDITION_CHOICE);
  static const char *names[] = { "icpc_clock_start", "start_day" };

  if (choice != NULL && !cairn_pathway_config_set_choice (config, pathway, choice, error))
    return NULL;
  for (guint i = 0; i < cairn_pathway_get_n_editions (pathway); i++)
    {
      const char *id = cairn_edition_get_id (cairn_pathway_get_edition (pathway, i));
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *key = g_strdup_printf ("pathway.%s.%s", id, names[k]);
          g_autofree char *value = cairn_store_dup_setting (store, key);
          if (value != NULL &&
              !cairn_pathway_config_set_edition_setting (config, pathway, id, names[k], value, error))
            return NULL;
        }
    }
  overrides = cairn_store_list_rule_overrides (store, error);
  if (overrides == NULL)
    return NULL;
  for (guint i = 0; i < overrides->len; i++)
    cairn_pathway_config_add_override (config, g_ptr_array_index (overrides, i));
  return g_steal_pointer (&config);
}

static void
to_pathway_case (const CairnCasePathway *kase,
                 CairnPathwayCase       *out)
{
  out->opened_on = kase->opened_on;
  out->closed_on = kase->closed_on;
  out->edition = kase->edition;
}

/* The edition whose graph a case follows: chosen for its referral day. */
static CairnEdition *
case_edition (CairnPathway             *pathway,
              const CairnPathwayConfig *config,
              const CairnPathwayCase   *kase,
              const GDate              *today)
{
  return cairn_pathway_choose_edition (pathway, config, kase,
                                       cairn_date_is_set (&kase->opened_on) ? &kase->opened_on : today);
}

typedef struct
{
  CairnPathway *pathway;
  CairnPathwayConfig *config;
  CairnTimerPlan *plan;
  GDate today;
} Context;

static void
context_clear (Context *ctx)
{
  g_clear_pointer (&ctx->plan, cairn_timer_plan_free);
  g_clear_object (&ctx->pathway);
  g_clear_pointer (&ctx->config, cairn_pathway_config_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

static gboolean
context_init (Context     *ctx,
              CairnStore  *store,
              GError     **error)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->pathway = cairn_pathway_get_default (error);
  if (ctx->pathway == NULL)
    return FALSE;
  ctx->config = cairn_pathway_config_load (ctx->pathway, store, error);
  if (ctx->config == NULL)
    return FALSE;
  ctx->plan = cairn_timer_plan_new (ctx->pathway, ctx->config);
  return cairn_store_get_today_checked (store, &ctx->today, error);
}

/* Inserts a copy of @event among @events at its place in date order (after
 * events of the same day and time) and returns the copy. */
static CairnEvent *
insert_copy (GPtrArray        *events,
             const CairnEvent *event)
{
  CairnEvent *copy = cairn_event_copy (event);
  guint n = 0;

  copy->id = G_MAXINT64;
  while (n < events->len)
    {
      const CairnEvent *e = g_ptr_array_index (events, n);
      int c = g_date_compare (&e->date, &event->date);
      if (c > 0 || (c == 0 && e->minute > event->minute))
        break;
      n++;
    }
  g_ptr_array_insert (events, n, copy);
  return copy;
}

/**
 * cairn_pathway_check_event:
 * @late_timers: (out) (optional) (element-type CairnTimer): the timers this
 *   event would stop after their due date, so that the interface can ask
 *   for the reason (WT2013 ¶57); empty when none
 *
 * Everything cairn_pathway_record_event() checks, without recording: the
 * event is valid, and follows from where the case stands (or carries an
 * exception reason).
 */
gboolean
cairn_pathway_check_event (CairnStore        *store,
                           gint64             child_number,
                           int                case_number,
                           const CairnEvent  *event,
                           GPtrArray        **late_timers,
                           GError           **error)
{
  g_auto (Context) ctx = { 0 };
  g_auto (CairnCasePathway) kase = { 0 };
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (CairnEvent) copy = cairn_event_copy (event);
  CairnPathwayCase pcase;

  if (late_timers != NULL)
    *late_timers = NULL;
  if (!context_init (&ctx, store, error) ||
      !cairn_store_get_case_pathway (store, child_number, case_number, &kase, error) ||
      !cairn_event_validate (copy, &ctx.today, error))
    return FALSE;
  events = cairn_store_list_events (store, child_number, case_number, error);
  if (events == NULL)
    return FALSE;
  to_pathway_case (&kase, &pcase);
  if (!cairn_pathway_check_transition (case_edition (ctx.pathway, ctx.config, &pcase, &ctx.today),
                                       events, event, error))
    return FALSE;

  if (late_timers != NULL)
    {
      g_autoptr (GPtrArray) timers = NULL;
      GPtrArray *late = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_timer_free);

      insert_copy (events, event);
      timers = cairn_timer_plan_compute (ctx.plan, &pcase, events, &ctx.today, TRUE, error);
      if (timers == NULL)
        {
          g_ptr_array_unref (late);
          return FALSE;
        }
      for (guint i = timers->len; i > 0; i--)
        {
          CairnTimer *t = g_ptr_array_index (timers, i - 1);
          if (t->stop_event_id == G_MAXINT64 && t->status == CAIRN_TIMER_MISSED)
            g_ptr_array_add (late, g_ptr_array_steal_index (timers, i - 1));
        }
      *late_timers = late;
    }
  return TRUE;
}

static gboolean
summarise (Context                *ctx,
           const CairnCasePathway *kase,
           GPtrArray              *events,
           CairnCaseSummary       *out,
           GError                **error)
{
  CairnPathwayCase pcase;
  CairnEdition *edition;
  const CairnNode *node;
  g_autoptr (GPtrArray) timers = NULL;
  const CairnTimer *next = NULL;

  cairn_case_summary_init (out);
  to_pathway_case (kase, &pcase);
  timers = cairn_timer_plan_compute (ctx->plan, &pcase, events, &ctx->today, FALSE, error);
  if (timers == NULL)
    return FALSE;
  edition = case_edition (ctx->pathway, ctx->config, &pcase, &ctx->today);
  node = cairn_pathway_locate (edition, events, events->len);
  out->current_stage = node ? g_strdup (node->id) : NULL;
  out->current_edition = g_strdup (cairn_edition_get_id (edition));
  for (guint i = 0; i < timers->len; i++)
    {
      const CairnTimer *t = g_ptr_array_index (timers, i);
      if (t->open && (next == NULL || g_date_compare (&t->due, &next->due) < 0))
        next = t;
    }
  if (next != NULL)
    {
      out->next_due_on = next->due;
      out->next_rule = g_strdup (next->rule_id);
      out->timer_status = g_date_compare (&next->due, &ctx->today) < 0 ? "overdue" : "running";
    }
  out->summary_on = ctx->today;
  return TRUE;
}

typedef struct
{
  gint64 case_id;
  CairnCaseSummary summary;
} Pending;

typedef struct
{
  Context *ctx;
  GArray *pending;   /* Pending */
  gboolean bulk;     /* a case that fails is counted, not fatal */
  guint n_cases;
  guint n_failed;
  GError *first_failure;
} RefreshData;

static void
pending_clear (gpointer data)
{
  cairn_case_summary_clear (&((Pending *) data)->summary);
}

static gboolean
refresh_one (const CairnCasePathway  *kase,
             GPtrArray               *events,
             gpointer                 user_data,
             GError                 **error)
{
  RefreshData *data = user_data;
  g_autoptr (GError) local_error = NULL;
  Pending p = { kase->case_id };

  if (!summarise (data->ctx, kase, events, &p.summary, &local_error))
    {
      g_autofree char *ref = cairn_case_ref_format (kase->child_number, kase->case_number);

      g_prefix_error (&local_error, "%s: ", ref);
      if (!data->bulk)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      data->n_failed++;
      if (data->first_failure == NULL)
        data->first_failure = g_steal_pointer (&local_error);
      cairn_case_summary_init (&p.summary);
    }
  g_array_append_val (data->pending, p);
  data->n_cases++;
  return TRUE;
}

/* Summarises the cases with ids in [@first, @last], then writes them (after
 * the read has finished, never while it runs). */
static gboolean
refresh_range (CairnStore   *store,
               RefreshData  *data,
               gint64        first,
               gint64        last,
               GError      **error)
{
  if (!cairn_store_foreach_case_events (store, first, last, refresh_one, data, error))
    return FALSE;
  for (guint i = 0; i < data->pending->len; i++)
    {
      Pending *p = &g_array_index (data->pending, Pending, i);
      if (!cairn_store_set_case_summary (store, p->case_id, &p->summary, error))
        return FALSE;
    }
  g_array_set_size (data->pending, 0);
  return TRUE;
}

static RefreshData *
refresh_data_new (Context  *ctx,
                  gboolean  bulk)
{
  RefreshData *data = g_new0 (RefreshData, 1);

  data->ctx = ctx;
  data->bulk = bulk;
  data->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_array_set_clear_func (data->pending, pending_clear);
  return data;
}

static void
refresh_data_free (RefreshData *data)
{
  g_array_unref (data->pending);
  g_clear_error (&data->first_failure);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RefreshData, refresh_data_free)

static gboolean
refresh_case_id (CairnStore  *store,
                 Context     *ctx,
                 gint64       case_id,
                 GError     **error)
{
  g_autoptr (RefreshData) data = refresh_data_new (ctx, FALSE);

  return refresh_range (store, data, case_id, case_id, error);
}

/**
 * cairn_pathway_refresh_case_summary:
 *
 * Recomputes one case's summary columns (stage, next due date and rule,
 * timer status). Called after any change to the case's events; the
 * functions here that change events call it themselves.
 */
gboolean
cairn_pathway_refresh_case_summary (CairnStore  *store,
                                    gint64       child_number,
                                    int          case_number,
                                    GError     **error)
{
  g_auto (Context) ctx = { 0 };
  g_auto (CairnCasePathway) kase = { 0 };

  return context_init (&ctx, store, error) &&
         cairn_store_get_case_pathway (store, child_number, case_number, &kase, error) &&
         refresh_case_id (store, &ctx, kase.case_id, error);
}

/**
 * cairn_pathway_refresh_child_summaries:
 *
 * Recomputes the summaries of every case of one child, in one transaction:
 * after a child's record is imported or replaced.
 */
gboolean
cairn_pathway_refresh_child_summaries (CairnStore  *store,
                                       gint64       child_number,
                                       GError     **error)
{
  g_auto (Context) ctx = { 0 };
  g_autoptr (GArray) ids = NULL;

  if (!context_init (&ctx, store, error))
    return FALSE;
  ids = cairn_store_list_child_case_ids (store, child_number, error);
  if (ids == NULL || !cairn_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!refresh_case_id (store, &ctx, g_array_index (ids, gint64, i), error))
      {
        cairn_store_rollback (store);
        return FALSE;
      }
  return cairn_store_commit (store, error);
}

/**
 * cairn_pathway_refresh_all_summaries:
 * @n_cases: (out) (optional): how many cases were summarised
 * @n_failed: (out) (optional): how many could not be (their summary is
 *   cleared); the first such error is returned only when every case failed
 *
 * Recomputes every case's summary in one transaction, reading the events
 * table once in chunks of cases. The demo generator calls this at the end,
 * and the pathway calls it when the board changes a rule or setting.
 */
gboolean
cairn_pathway_refresh_all_summaries (CairnStore  *store,
                                     guint       *n_cases,
                                     guint       *n_failed,
                                     GError     **error)
{
  g_auto (Context) ctx = { 0 };
  g_autoptr (RefreshData) data = NULL;
  gboolean ok = TRUE;
  gint64 max_id;

  if (!context_init (&ctx, store, error))
    return FALSE;
  max_id = cairn_store_get_max_case_id (store, error);
  if (max_id < 0 || !cairn_store_begin (store, error))
    return FALSE;
  data = refresh_data_new (&ctx, TRUE);
  for (gint64 first = 1; ok && first <= max_id; first += CHUNK_CASES)
    ok = refresh_range (store, data, first, first + CHUNK_CASES - 1, error);
  if (ok && data->n_cases > 0 && data->n_failed == data->n_cases)
    {
      g_propagate_error (error, g_steal_pointer (&data->first_failure));
      ok = FALSE;
    }
  if (ok)
    ok = cairn_store_commit (store, error);
  else
    cairn_store_rollback (store);
  if (!ok)
    return FALSE;
  if (n_cases)
    *n_cases = data->n_cases;
  if (n_failed)
    *n_failed = data->n_failed;
  return TRUE;
}

/**
 * cairn_pathway_restamp_summaries:
 *
 * Brings every case's timer status up to today without recomputing timers
 * (an overdue timer is one whose next due date has passed). Call when the
 * app opens a database on a later day than its summaries were written.
 */
gboolean
cairn_pathway_restamp_summaries (CairnStore  *store,
                                 GError     **error)
{
  GDate today;

  return cairn_store_get_today_checked (store, &today, error) &&
         cairn_store_restamp_case_summaries (store, &today, error);
}

/**
 * cairn_pathway_record_event:
 *
 * Records an event in a case's chronology after checking it against the
 * edition's graph, and refreshes the case's summary, in one transaction.
 * An out-of-order event is refused (%CAIRN_ERROR_OUT_OF_ORDER, naming both
 * stages) unless @event carries an exception reason; a late step is never
 * refused (its reason goes in @event's late_reason).
 */
gboolean
cairn_pathway_record_event (CairnStore  *store,
                            gint64       child_number,
                            int          case_number,
                            CairnEvent  *event,
                            GError     **error)
{
  g_auto (Context) ctx = { 0 };
  g_auto (CairnCasePathway) kase = { 0 };

  if (!cairn_pathway_check_event (store, child_number, case_number, event, NULL, error) ||
      !context_init (&ctx, store, error) ||
      !cairn_store_get_case_pathway (store, child_number, case_number, &kase, error) ||
      !cairn_store_begin (store, error))
    return FALSE;
  if (!cairn_store_add_event (store, child_number, case_number, event, error) ||
      !refresh_case_id (store, &ctx, kase.case_id, error))
    {
      cairn_store_rollback (store);
      event->id = 0;
      return FALSE;
    }
  return cairn_store_commit (store, error);
}

/**
 * cairn_pathway_delete_event:
 *
 * Removes an event (to undo its recording) and refreshes the case's
 * summary, in one transaction.
 */
gboolean
cairn_pathway_delete_event (CairnStore  *store,
                            gint64       child_number,
                            int          case_number,
                            gint64       event_id,
                            GError     **error)
{
  g_auto (Context) ctx = { 0 };
  g_auto (CairnCasePathway) kase = { 0 };

  if (!context_init (&ctx, store, error) ||
      !cairn_store_get_case_pathway (store, child_number, case_number, &kase, error) ||
      !cairn_store_begin (store, error))
    return FALSE;
  if (!cairn_store_delete_event (store, child_number, case_number, event_id, error) ||
      !refresh_case_id (store, &ctx, kase.case_id, error))
    {
      cairn_store_rollback (store);
      return FALSE;
    }
  return cairn_store_commit (store, error);
}

/**
 * cairn_pathway_allowed_kinds:
 * @date: the date the event would have
 *
 * Returns: (transfer full) (element-type utf8): the event kinds that may be
 *   recorded next on this case without an exception reason, in the order
 *   of the code list
 */
GPtrArray *
cairn_pathway_allowed_kinds (CairnStore   *store,
                             gint64        child_number,
                             int           case_number,
                             const GDate  *date,
                             GError      **error)
{
  g_autoptr (GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  gsize n;
  const CairnCode *codes = cairn_codes_get (CAIRN_CODES_EVENT_KIND, &n);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (CairnEvent) probe = cairn_event_new ();
      g_autoptr (GError) local = NULL;

      probe->kind = g_strdup (codes[i].code);
      probe->date = *date;
      probe->planned = TRUE; /* the date may be today or later: only the order matters here */
      if (cairn_pathway_check_event (store, child_number, case_number, probe, NULL, &local))
        g_ptr_array_add (kinds, g_strdup (codes[i].code));
      else if (!g_error_matches (local, CAIRN_ERROR, CAIRN_ERROR_OUT_OF_ORDER))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  return g_steal_pointer (&kinds);
}

typedef struct
{
  Context *ctx;
  CairnCaseTimersFunc func;
  gpointer user_data;
} TimersData;

static gboolean
timers_one (const CairnCasePathway  *kase,
            GPtrArray               *events,
            gpointer                 user_data,
            GError                 **error)
{
  TimersData *data = user_data;
  g_autoptr (GPtrArray) timers = NULL;
  CairnPathwayCase pcase;

  to_pathway_case (kase, &pcase);
  timers = cairn_timer_plan_compute (data->ctx->plan, &pcase, events, &data->ctx->today, TRUE, error);
  if (timers == NULL)
    {
      g_autofree char *ref = cairn_case_ref_format (kase->child_number, kase->case_number);
      g_prefix_error (error, "%s: ", ref);
      return FALSE;
    }
  return data->func (kase, timers, data->user_data, error);
}

/**
 * cairn_pathway_foreach_case_timers:
 * @child_number: a child's number, or 0 for every case
 * @case_number: with @child_number, one case
 *
 * Calls @func with each case's timers as of today, in case id order.
 */
gboolean
cairn_pathway_foreach_case_timers (CairnStore           *store,
                                   gint64                child_number,
                                   int                   case_number,
                                   CairnCaseTimersFunc   func,
                                   gpointer              user_data,
                                   GError              **error)
{
  g_auto (Context) ctx = { 0 };
  TimersData data = { &ctx, func, user_data };
  gint64 max_id;

  if (!context_init (&ctx, store, error))
    return FALSE;
  if (child_number > 0)
    {
      g_auto (CairnCasePathway) kase = { 0 };
      return cairn_store_get_case_pathway (store, child_number, case_number, &kase, error) &&
             cairn_store_foreach_case_events (store, kase.case_id, kase.case_id, timers_one, &data,
                                              error);
    }
  max_id = cairn_store_get_max_case_id (store, error);
  if (max_id < 0)
    return FALSE;
  for (gint64 first = 1; first <= max_id; first += CHUNK_CASES)
    if (!cairn_store_foreach_case_events (store, first, first + CHUNK_CASES - 1, timers_one, &data,
                                          error))
      return FALSE;
  return TRUE;
}

static gboolean
collect_timers (const CairnCasePathway  *kase,
                GPtrArray               *timers,
                gpointer                 user_data,
                GError                 **error)
{
  GPtrArray **out = user_data;

  *out = g_ptr_array_ref (timers);
  return TRUE;
}

/**
 * cairn_pathway_case_timers:
 *
 * Returns: (transfer full) (element-type CairnTimer): every timer of one
 *   case as of today, by start date
 */
GPtrArray *
cairn_pathway_case_timers (CairnStore  *store,
                           gint64       child_number,
                           int          case_number,
                           GError     **error)
{
  GPtrArray *timers = NULL;

  g_return_val_if_fail (child_number > 0, NULL);
  if (!cairn_pathway_foreach_case_timers (store, child_number, case_number, collect_timers, &timers,
                                          error))
    {
      g_clear_pointer (&timers, g_ptr_array_unref);
      return NULL;
    }
  return timers;
}

/**
 * cairn_pathway_case_stage:
 * @edition: (out) (transfer full): the edition whose graph the case follows
 * @node: (out) (transfer none) (nullable): the node it stands on (owned by
 *   @edition), or %NULL before any event with a stage
 *
 * Where a case stands.
 */
gboolean
cairn_pathway_case_stage (CairnStore       *store,
                          gint64            child_number,
                          int               case_number,
                          CairnEdition    **edition,
                          const CairnNode **node,
                          GError          **error)
{
  g_auto (Context) ctx = { 0 };
  g_auto (CairnCasePathway) kase = { 0 };
  g_autoptr (GPtrArray) events = NULL;
  CairnPathwayCase pcase;
  CairnEdition *e;

  if (!context_init (&ctx, store, error) ||
      !cairn_store_get_case_pathway (store, child_number, case_number, &kase, error))
    return FALSE;
  events = cairn_store_list_events (store, child_number, case_number, error);
  if (events == NULL)
    return FALSE;
  to_pathway_case (&kase, &pcase);
  e = case_edition (ctx.pathway, ctx.config, &pcase, &ctx.today);
  *node = cairn_pathway_locate (e, events, events->len);
  *edition = g_object_ref (e);
  return TRUE;
}

/**
 * cairn_pathway_set_case_edition:
 * @edition: (nullable): an edition id, or %NULL to follow the board's choice again
 * @reason: why this case follows another edition; required with @edition
 *
 * Overrides the edition for one case (every clock of the case then uses
 * it), records the reason, and refreshes the case's summary.
 */
gboolean
cairn_pathway_set_case_edition (CairnStore  *store,
                                gint64       child_number,
                                int          case_number,
                                const char  *edition,
                                const char  *reason,
                                GError     **error)
{
  g_auto (Context) ctx = { 0 };
  g_auto (CairnCasePathway) kase = { 0 };

  if (!context_init (&ctx, store, error) ||
      !cairn_store_get_case_pathway (store, child_number, case_number, &kase, error))
    return FALSE;
  if (edition != NULL && cairn_pathway_lookup_edition (ctx.pathway, edition) == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Edition: \"%s\" is not a guidance edition"), edition);
      return FALSE;
    }
  if (edition != NULL && cairn_str_empty (reason))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Reason: a reason is required to use %s for this case"), edition);
      return FALSE;
    }
  if (!cairn_store_begin (store, error))
    return FALSE;
  if (!cairn_store_set_case_edition (store, child_number, case_number, edition, reason, error) ||
      !refresh_case_id (store, &ctx, kase.case_id, error))
    {
      cairn_store_rollback (store);
      return FALSE;
    }
  return cairn_store_commit (store, error);
}

/**
 * cairn_pathway_set_board_setting:
 * @key: %CAIRN_SETTING_EDITION_CHOICE, or `pathway.EDITION.icpc_clock_start`
 *   or `pathway.EDITION.start_day`
 * @value: (nullable): the value, or %NULL for the default
 *
 * Validates and stores a board's pathway setting, then refreshes every
 * case's summary (due dates may move).
 */
gboolean
cairn_pathway_set_board_setting (CairnStore  *store,
                                 const char  *key,
                                 const char  *value,
                                 GError     **error)
{
  g_autoptr (CairnPathway) pathway = cairn_pathway_get_default (error);
  g_autoptr (CairnPathwayConfig) check = cairn_pathway_config_new ();
  g_auto (GStrv) parts = NULL;

  if (pathway == NULL || !cairn_store_require (store, CAIRN_ACTION_EDIT_SETTINGS, error))
    return FALSE;
  parts = g_strsplit (key ? key : "", ".", 3);
  if (value != NULL)
    {
      if (g_strcmp0 (key, CAIRN_SETTING_EDITION_CHOICE) == 0)
        {
          if (!cairn_pathway_config_set_choice (check, pathway, value, error))
            return FALSE;
        }
      else if (g_strv_length (parts) == 3 && strcmp (parts[0], "pathway") == 0)
        {
          if (!cairn_pathway_config_set_edition_setting (check, pathway, parts[1], parts[2], value,
                                                         error))
            return FALSE;
        }
      else
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Setting: \"%s\" is not a pathway setting"), key ? key : "");
          return FALSE;
        }
    }
  if (!cairn_store_begin (store, error))
    return FALSE;
  if (!cairn_store_set_setting (store, key, value, error) ||
      !cairn_pathway_refresh_all_summaries (store, NULL, NULL, error))
    {
      cairn_store_rollback (store);
      return FALSE;
    }
  return cairn_store_commit (store, error);
}

/**
 * cairn_pathway_add_rule_override:
 *
 * Records a board's correction of a rule, or a local rule of its own, with
 * its source and effective date, then refreshes every case's summary. The
 * edition must exist; a rule that is not a timescale cannot be given a
 * limit; a board's own rule needs a title, start and stop events and a limit.
 * Sets @override's id.
 */
gboolean
cairn_pathway_add_rule_override (CairnStore         *store,
                                 CairnRuleOverride  *override,
                                 GError            **error)
{
  g_autoptr (CairnPathway) pathway = NULL;
  CairnEdition *edition;
  const CairnRule *rule;

  if (!cairn_rule_override_validate (override, error))
    return FALSE;
  pathway = cairn_pathway_get_default (error);
  if (pathway == NULL)
    return FALSE;
  edition = cairn_pathway_lookup_edition (pathway, override->edition);
  if (edition == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Edition: \"%s\" is not a guidance edition"), override->edition);
      return FALSE;
    }
  rule = cairn_edition_lookup_rule (edition, override->rule_id);
  if (rule != NULL && rule->type == CAIRN_RULE_REFERENCE)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Rule: %s is not a timescale (%s)"), rule->id, rule->title);
      return FALSE;
    }
  if (rule == NULL && (cairn_str_empty (override->title) || override->start == NULL ||
                       override->stop == NULL || override->limit == 0))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Rule: \"%s\" is not a rule of %s; a board's own rule needs a title, start "
                     "and stop events and a limit"),
                   override->rule_id, cairn_edition_get_short_title (edition));
      return FALSE;
    }
  if (rule != NULL && override->limit > 0 &&
      ((override->start == NULL && g_strv_length (rule->start) == 0) ||
       (override->stop == NULL && g_strv_length (rule->stop) == 0)))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Start: %s names no events that start and stop its clock; give them"),
                   rule->id);
      return FALSE;
    }
  if (!cairn_date_is_set (&override->recorded_on))
    cairn_store_get_today (store, &override->recorded_on);

  if (!cairn_store_begin (store, error))
    return FALSE;
  if (!cairn_store_add_rule_override (store, override, error) ||
      !cairn_pathway_refresh_all_summaries (store, NULL, NULL, error))
    {
      cairn_store_rollback (store);
      override->id = 0;
      return FALSE;
    }
  return cairn_store_commit (store, error);
}
