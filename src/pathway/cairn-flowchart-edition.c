/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-flowchart"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-flowchart-edition.h"
#include "cairn-ref.h"

static CairnFlowNodeKind
flow_kind (CairnNodeKind kind)
{
  switch (kind)
    {
    case CAIRN_NODE_START:
      return CAIRN_FLOW_NODE_START;
    case CAIRN_NODE_DECISION:
      return CAIRN_FLOW_NODE_DECISION;
    case CAIRN_NODE_END:
      return CAIRN_FLOW_NODE_END;
    case CAIRN_NODE_STEP:
    default:
      return CAIRN_FLOW_NODE_STEP;
    }
}

/**
 * cairn_flowchart_new_from_edition:
 *
 * The edition's pathway as a chart: its nodes with their guidance and
 * source, its edges with the condition and the note (the timescale) as
 * labels. An edge naming several nodes in the grouped form ("N13 / N16 /
 * N26") becomes one edge for each.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
CairnFlowchart *
cairn_flowchart_new_from_edition (CairnEdition  *edition,
                                  GError       **error)
{
  g_autoptr (CairnFlowchart) chart = NULL;

  g_return_val_if_fail (CAIRN_IS_EDITION (edition), NULL);

  chart = cairn_flowchart_new (cairn_edition_get_title (edition));
  for (guint i = 0; i < cairn_edition_get_n_nodes (edition); i++)
    {
      const CairnNode *node = cairn_edition_get_node (edition, i);
      if (!cairn_flowchart_add_node (chart, node->id, node->label, flow_kind (node->kind), node->guidance,
                                     node->source, error))
        return NULL;
      cairn_flowchart_set_any_time (chart, node->id, node->any_time);
    }
  for (guint i = 0; i < cairn_edition_get_n_edges (edition); i++)
    {
      const CairnEdge *edge = cairn_edition_get_edge (edition, i);
      g_autofree char *spec = g_strdup_printf ("%s → %s", edge->from, edge->to);
      if (cairn_flowchart_add_edges (chart, spec, edge->condition, edge->note, error) < 0)
        return NULL;
    }
  return g_steal_pointer (&chart);
}

/* How much a timer's state matters on a node: late and still open first. */
static int
timer_weight (const CairnFlowNodeState *s)
{
  if (s->deadline == CAIRN_FLOW_DEADLINE_LATE)
    return s->done ? 2 : 3;
  return s->deadline == CAIRN_FLOW_DEADLINE_DUE ? 1 : 0;
}

/**
 * cairn_flow_case_new_from_store:
 * @edition: (nullable): the edition to show the case on, or %NULL for the
 *   edition the board's settings choose for the case
 * @edition_used: (out) (transfer full) (optional): the edition shown
 *
 * A case's state for the chart, as of the board's today: every stage its
 * events have taken it through (parallel tracks included) is passed, the
 * stage it stands on is current, and each timer of that edition marks its
 * node: due (the date and the working days left) while it runs, late (how
 * many working days) when missed, whether the step is still to do or was
 * done late. Timers counted in hours, which have no working days, are left
 * out. Needs the right to view cases; records nothing.
 *
 * Returns: (transfer full): the state, or %NULL with @error set
 */
CairnFlowCase *
cairn_flow_case_new_from_store (CairnStore    *store,
                                CairnEdition  *edition,
                                gint64         child_number,
                                int            case_number,
                                CairnEdition **edition_used,
                                GError       **error)
{
  g_autoptr (CairnEdition) own = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) timers = NULL;
  g_autoptr (CairnFlowCase) kase = NULL;
  g_autofree char *ref = cairn_case_ref_format (child_number, case_number);
  g_autofree char *title = NULL;
  g_autofree CairnFlowNodeState *states = NULL;
  const CairnNode *stage = NULL;
  GDate today;
  guint n;

  if (edition == NULL)
    {
      if (!cairn_pathway_case_stage (store, child_number, case_number, &own, &stage, error))
        return NULL;
      edition = own;
    }
  if ((events = cairn_store_list_events (store, child_number, case_number, error)) == NULL ||
      (timers = cairn_pathway_case_timers (store, child_number, case_number, error)) == NULL)
    return NULL;
  cairn_store_get_today (store, &today);

  n = cairn_edition_get_n_nodes (edition);
  states = g_new0 (CairnFlowNodeState, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    cairn_date_clear (&states[i].due);

  /* Where the case stood after each event, and the parallel tracks it joined. */
  for (guint k = 1; k <= events->len; k++)
    {
      const CairnNode *node = cairn_pathway_locate (edition, events, k);
      const CairnEvent *event = g_ptr_array_index (events, k - 1);
      GPtrArray *tracks = event->planned ? NULL : cairn_edition_nodes_for_event (edition, event->kind);

      if (node)
        states[node->index].progress = CAIRN_FLOW_PROGRESS_PASSED;
      for (guint j = 0; tracks && j < tracks->len; j++)
        {
          const CairnNode *track = g_ptr_array_index (tracks, j);
          if (track->parallel)
            states[track->index].progress = CAIRN_FLOW_PROGRESS_PASSED;
        }
    }
  stage = cairn_pathway_locate (edition, events, events->len);
  if (stage)
    states[stage->index].progress = CAIRN_FLOW_PROGRESS_CURRENT;

  for (guint t = 0; t < timers->len; t++)
    {
      const CairnTimer *timer = g_ptr_array_index (timers, t);
      const CairnNode *node = cairn_edition_lookup_node (edition, timer->node);
      CairnFlowNodeState s = { 0 };
      CairnFlowNodeState *cur;

      if (node == NULL || g_strcmp0 (timer->edition, cairn_edition_get_id (edition)) != 0 || !timer->has_days)
        continue;
      s.due = timer->due;
      s.rule = timer->rule_id;
      if (timer->status == CAIRN_TIMER_RUNNING && timer->open)
        {
          s.deadline = CAIRN_FLOW_DEADLINE_DUE;
          s.working_days = MAX (0, timer->days);
        }
      else if (timer->status == CAIRN_TIMER_MISSED && timer->days < 0)
        {
          s.deadline = CAIRN_FLOW_DEADLINE_LATE;
          s.working_days = -timer->days;
          s.done = !timer->open;
        }
      else
        continue;
      cur = &states[node->index];
      /* One mark a node: the most pressing, then the earliest due. */
      if (timer_weight (&s) > timer_weight (cur) ||
          (timer_weight (&s) == timer_weight (cur) && g_date_compare (&s.due, &cur->due) < 0))
        {
          cur->deadline = s.deadline;
          cur->due = s.due;
          cur->working_days = s.working_days;
          cur->done = s.done;
          cur->rule = s.rule;
        }
    }

  title = g_strdup_printf (_("Case %s"), ref);
  kase = cairn_flow_case_new (title, &today);
  for (guint i = 0; i < n; i++)
    if ((states[i].progress != CAIRN_FLOW_PROGRESS_NONE || states[i].deadline != CAIRN_FLOW_DEADLINE_NONE) &&
        !cairn_flow_case_set_state (kase, cairn_edition_get_node (edition, i)->id, &states[i], error))
      return NULL;
  if (edition_used)
    *edition_used = g_object_ref (edition);
  return g_steal_pointer (&kase);
}
