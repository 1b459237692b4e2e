/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-flowchart"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-flowchart.h"
#include "cairn-utils.h"

static const char *kind_names[] = { "start", "step", "decision", "end" };

const char *
cairn_flow_node_kind_to_string (CairnFlowNodeKind kind)
{
  g_return_val_if_fail (kind <= CAIRN_FLOW_NODE_END, NULL);
  return kind_names[kind];
}

gboolean
cairn_flow_node_kind_from_string (const char        *text,
                                  CairnFlowNodeKind *out)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out = (CairnFlowNodeKind) i;
        return TRUE;
      }
  return FALSE;
}

/* For people (legends, accessible descriptions). */
const char *
cairn_flow_node_kind_describe (CairnFlowNodeKind kind)
{
  switch (kind)
    {
    case CAIRN_FLOW_NODE_START:
      return _("Start");
    case CAIRN_FLOW_NODE_STEP:
      return _("Step");
    case CAIRN_FLOW_NODE_DECISION:
      return _("Decision");
    case CAIRN_FLOW_NODE_END:
      return _("End");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * CairnFlowchart:
 *
 * A directed graph of flowchart nodes, in the order they were added (the
 * order is an input to the layout, which is deterministic).
 */
struct _CairnFlowchart
{
  GObject parent_instance;

  char *title;
  GArray *nodes;          /* CairnFlowNode */
  GArray *edges;          /* CairnFlowEdge */
  GHashTable *index;      /* id → index + 1 */
};

G_DEFINE_FINAL_TYPE (CairnFlowchart, cairn_flowchart, G_TYPE_OBJECT)

static void
node_clear (gpointer data)
{
  CairnFlowNode *node = data;

  g_free (node->id);
  g_free (node->label);
  g_free (node->guidance);
  g_free (node->source);
}

static void
edge_clear (gpointer data)
{
  CairnFlowEdge *edge = data;

  g_free (edge->condition);
  g_free (edge->timescale);
}

static void
cairn_flowchart_finalize (GObject *object)
{
  CairnFlowchart *self = CAIRN_FLOWCHART (object);

  g_free (self->title);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_hash_table_unref (self->index);
  G_OBJECT_CLASS (cairn_flowchart_parent_class)->finalize (object);
}

static void
cairn_flowchart_class_init (CairnFlowchartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cairn_flowchart_finalize;
}

static void
cairn_flowchart_init (CairnFlowchart *self)
{
  self->nodes = g_array_new (FALSE, TRUE, sizeof (CairnFlowNode));
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (CairnFlowEdge));
  g_array_set_clear_func (self->edges, edge_clear);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
}

CairnFlowchart *
cairn_flowchart_new (const char *title)
{
  CairnFlowchart *self = g_object_new (CAIRN_TYPE_FLOWCHART, NULL);

  self->title = g_strdup (title ? title : "");
  return self;
}

const char *
cairn_flowchart_get_title (CairnFlowchart *self)
{
  g_return_val_if_fail (CAIRN_IS_FLOWCHART (self), NULL);
  return self->title;
}

/* Text that is set and not only white space, stripped; else NULL. */
static char *
dup_text (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* Node ids are what the grouped edge form names, so they cannot hold its
 * punctuation. */
static gboolean
valid_id (const char *id)
{
  if (cairn_str_empty (id) || !g_utf8_validate (id, -1, NULL))
    return FALSE;
  for (const char *p = id; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || strchr ("/,()<>-;\"", (int) c) != NULL || c == 0x2192 ||
          c == 0x2026)
        return FALSE;
    }
  return TRUE;
}

/**
 * cairn_flowchart_add_node:
 * @guidance: (nullable): what the guidance says happens here
 * @source: (nullable): where it says it
 *
 * Adds a node. Refuses an empty or duplicate id, an id holding white space
 * or the punctuation of the grouped edge form, and an empty label.
 */
gboolean
cairn_flowchart_add_node (CairnFlowchart    *self,
                          const char        *id,
                          const char        *label,
                          CairnFlowNodeKind  kind,
                          const char        *guidance,
                          const char        *source,
                          GError           **error)
{
  CairnFlowNode node = { NULL };
  g_autofree char *text = dup_text (label);

  g_return_val_if_fail (CAIRN_IS_FLOWCHART (self), FALSE);
  g_return_val_if_fail (kind <= CAIRN_FLOW_NODE_END, FALSE);

  if (!valid_id (id))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Node: \"%s\" is not a node id (no spaces, slashes, commas, brackets or arrows)"),
                   id ? id : "");
      return FALSE;
    }
  if (g_hash_table_contains (self->index, id))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS, _("Node: \"%s\" is already in the chart"), id);
      return FALSE;
    }
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Label: node %s has no label"), id);
      return FALSE;
    }
  node.id = g_strdup (id);
  node.label = g_steal_pointer (&text);
  node.kind = kind;
  node.guidance = dup_text (guidance);
  node.source = dup_text (source);
  g_array_append_val (self->nodes, node);
  g_hash_table_insert (self->index, node.id, GUINT_TO_POINTER (self->nodes->len));
  return TRUE;
}

/**
 * cairn_flowchart_set_any_time:
 *
 * Marks a node that a case may reach from any stage (emergency action,
 * closure). The layout keeps it where the chart lists it rather than below
 * the last stage that can lead to it, so the edges from later stages point
 * back up to it.
 *
 * Returns: %FALSE when @id is not a node of the chart
 */
gboolean
cairn_flowchart_set_any_time (CairnFlowchart *self,
                              const char     *id,
                              gboolean        any_time)
{
  int i = cairn_flowchart_lookup_node (self, id);

  if (i < 0)
    return FALSE;
  g_array_index (self->nodes, CairnFlowNode, i).any_time = any_time;
  return TRUE;
}

int
cairn_flowchart_lookup_node (CairnFlowchart *self,
                             const char     *id)
{
  g_return_val_if_fail (CAIRN_IS_FLOWCHART (self), -1);
  if (id == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->index, id)) - 1;
}

/**
 * cairn_flowchart_add_edge:
 * @condition: (nullable): when the case takes this edge
 * @timescale: (nullable): the timescale or note that goes with it
 *
 * Adds an edge between two nodes already in the chart. Parallel edges (the
 * same two nodes, another condition) are allowed; an edge from a node to
 * itself is refused.
 */
gboolean
cairn_flowchart_add_edge (CairnFlowchart  *self,
                          const char      *from,
                          const char      *to,
                          const char      *condition,
                          const char      *timescale,
                          GError         **error)
{
  int a = cairn_flowchart_lookup_node (self, from);
  int b = cairn_flowchart_lookup_node (self, to);
  CairnFlowEdge edge;

  g_return_val_if_fail (CAIRN_IS_FLOWCHART (self), FALSE);

  if (a < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("From: \"%s\" is not a node of the chart"),
                   from ? from : "");
      return FALSE;
    }
  if (b < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("To: \"%s\" is not a node of the chart"),
                   to ? to : "");
      return FALSE;
    }
  if (a == b)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("To: an edge from %s to itself"), from);
      return FALSE;
    }
  edge.from = (guint) a;
  edge.to = (guint) b;
  edge.condition = dup_text (condition);
  edge.timescale = dup_text (timescale);
  g_array_append_val (self->edges, edge);
  return TRUE;
}

/**
 * cairn_flowchart_parse_group:
 * @field: names the text in errors
 * @text: one node id, or several in the grouped forms the guidance notes
 *   use: "N13 / N16 / N26", "(N06, N09, N17)", "N06, N09 and N17"
 *
 * Returns: (transfer full): the ids in order, or %NULL with @error set
 */
GStrv
cairn_flowchart_parse_group (const char  *field,
                             const char  *text,
                             GError     **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *copy = NULL;
  g_auto (GStrv) parts = NULL;
  char *s;
  gsize len;
  guint n = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: no node named"), field);
      return NULL;
    }
  copy = g_strstrip (g_strdup (text));
  s = copy;
  len = strlen (s);
  if (len >= 2 && s[0] == '(' && s[len - 1] == ')')
    {
      s[len - 1] = '\0';
      s++;
    }
  if (strstr (s, "\xe2\x80\xa6") != NULL || strstr (s, "...") != NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" leaves nodes out (…); name every node"), field, text);
      return NULL;
    }
  parts = g_regex_split_simple ("\\s*(?:/|,|\\band\\b)\\s*", s, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *id = g_strstrip (parts[i]);
      if (*id == '\0')
        continue;
      if (!valid_id (id))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: \"%s\" is not a node id"), field, id);
          return NULL;
        }
      g_strv_builder_add (builder, id);
      n++;
    }
  if (n == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: \"%s\" names no node"), field, text);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/**
 * cairn_flowchart_add_edges:
 * @spec: "FROM → TO" (or "->"), each side one node or a group
 *   (cairn_flowchart_parse_group()): "N13 / N16 / N26 → N34",
 *   "(N06, N09, N17, N21, N28) → N32"
 *
 * Adds one edge for every pair of a node on the left and a node on the
 * right, all with the same condition and timescale. Adds nothing when any
 * node is unknown.
 *
 * Returns: the number of edges added, or -1 with @error set
 */
int
cairn_flowchart_add_edges (CairnFlowchart  *self,
                           const char      *spec,
                           const char      *condition,
                           const char      *timescale,
                           GError         **error)
{
  g_auto (GStrv) from = NULL;
  g_auto (GStrv) to = NULL;
  g_autofree char *left = NULL;
  const char *arrow;
  gsize arrow_len;
  int n = 0;

  g_return_val_if_fail (CAIRN_IS_FLOWCHART (self), -1);

  if (spec != NULL && (arrow = strstr (spec, "\xe2\x86\x92")) != NULL)
    arrow_len = 3;
  else if (spec != NULL && (arrow = strstr (spec, "->")) != NULL)
    arrow_len = 2;
  else
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Edge: \"%s\" has no arrow (→ or ->)"),
                   spec ? spec : "");
      return -1;
    }
  left = g_strndup (spec, (gsize) (arrow - spec));
  if ((from = cairn_flowchart_parse_group (_("From"), left, error)) == NULL ||
      (to = cairn_flowchart_parse_group (_("To"), arrow + arrow_len, error)) == NULL)
    return -1;

  /* Check every pair first, so that a refused group adds nothing. */
  for (guint i = 0; from[i]; i++)
    for (guint j = 0; to[j]; j++)
      if (cairn_flowchart_lookup_node (self, from[i]) < 0 || cairn_flowchart_lookup_node (self, to[j]) < 0 ||
          strcmp (from[i], to[j]) == 0)
        {
          /* add_edge refuses it, with its own message. */
          cairn_flowchart_add_edge (self, from[i], to[j], condition, timescale, error);
          return -1;
        }
  for (guint i = 0; from[i]; i++)
    for (guint j = 0; to[j]; j++)
      {
        cairn_flowchart_add_edge (self, from[i], to[j], condition, timescale, NULL);
        n++;
      }
  return n;
}

guint
cairn_flowchart_get_n_nodes (CairnFlowchart *self)
{
  g_return_val_if_fail (CAIRN_IS_FLOWCHART (self), 0);
  return self->nodes->len;
}

const CairnFlowNode *
cairn_flowchart_get_node (CairnFlowchart *self,
                          guint           i)
{
  g_return_val_if_fail (CAIRN_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (i < self->nodes->len, NULL);
  return &g_array_index (self->nodes, CairnFlowNode, i);
}

guint
cairn_flowchart_get_n_edges (CairnFlowchart *self)
{
  g_return_val_if_fail (CAIRN_IS_FLOWCHART (self), 0);
  return self->edges->len;
}

const CairnFlowEdge *
cairn_flowchart_get_edge (CairnFlowchart *self,
                          guint           i)
{
  g_return_val_if_fail (CAIRN_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (i < self->edges->len, NULL);
  return &g_array_index (self->edges, CairnFlowEdge, i);
}

static void
dot_quote (GString    *out,
           const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; p && *p; p++)
    {
      if (*p == '\n')
        {
          g_string_append (out, "\\n");  /* dot's centred line break */
          continue;
        }
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * cairn_flowchart_to_dot:
 *
 * The chart in Graphviz's DOT language, with the same shapes and labels
 * (edge labels are the condition and timescale on two lines), for
 * comparison with Graphviz.
 *
 * Returns: (transfer full): the DOT text
 */
char *
cairn_flowchart_to_dot (CairnFlowchart *self)
{
  static const char *shapes[] = { "box, style=rounded", "box", "diamond", "box, style=\"rounded,bold\"" };
  GString *out = g_string_new ("digraph pathway {\n");

  g_return_val_if_fail (CAIRN_IS_FLOWCHART (self), NULL);

  g_string_append (out, "  graph [fontname=\"DejaVu Sans\", fontsize=10, rankdir=TB];\n"
                        "  node [fontname=\"DejaVu Sans\", fontsize=10];\n"
                        "  edge [fontname=\"DejaVu Sans\", fontsize=8];\n");
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const CairnFlowNode *node = &g_array_index (self->nodes, CairnFlowNode, i);
      g_string_append (out, "  ");
      dot_quote (out, node->id);
      g_string_append (out, " [label=");
      dot_quote (out, node->label);
      g_string_append_printf (out, ", shape=%s];\n", shapes[node->kind]);
    }
  for (guint i = 0; i < self->edges->len; i++)
    {
      const CairnFlowEdge *edge = &g_array_index (self->edges, CairnFlowEdge, i);
      g_autofree char *label = g_strjoin ("\n", edge->condition ? edge->condition : "",
                                          edge->timescale ? edge->timescale : "", NULL);
      g_string_append (out, "  ");
      dot_quote (out, g_array_index (self->nodes, CairnFlowNode, edge->from).id);
      g_string_append (out, " -> ");
      dot_quote (out, g_array_index (self->nodes, CairnFlowNode, edge->to).id);
      if (edge->condition || edge->timescale)
        {
          g_strstrip (label);
          g_string_append (out, " [label=");
          dot_quote (out, label);
          g_string_append (out, "]");
        }
      g_string_append (out, ";\n");
    }
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

/**
 * CairnFlowCase:
 *
 * One case's state on a chart: which stages it has passed, where it stands,
 * the next deadline and anything late, as of a day.
 */
struct _CairnFlowCase
{
  GObject parent_instance;

  char *title;
  GDate today;
  GHashTable *states;   /* node id → State */
};

typedef struct
{
  CairnFlowNodeState state;
  char *rule;
} State;

G_DEFINE_FINAL_TYPE (CairnFlowCase, cairn_flow_case, G_TYPE_OBJECT)

static void
state_free (gpointer data)
{
  State *s = data;

  g_free (s->rule);
  g_free (s);
}

static void
cairn_flow_case_finalize (GObject *object)
{
  CairnFlowCase *self = CAIRN_FLOW_CASE (object);

  g_free (self->title);
  g_hash_table_unref (self->states);
  G_OBJECT_CLASS (cairn_flow_case_parent_class)->finalize (object);
}

static void
cairn_flow_case_class_init (CairnFlowCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cairn_flow_case_finalize;
}

static void
cairn_flow_case_init (CairnFlowCase *self)
{
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, state_free);
  cairn_date_clear (&self->today);
}

/**
 * cairn_flow_case_new:
 * @title: what the chart's heading says the case is ("C-000123/1")
 * @today: (nullable): the day the state is as of
 */
CairnFlowCase *
cairn_flow_case_new (const char  *title,
                     const GDate *today)
{
  CairnFlowCase *self = g_object_new (CAIRN_TYPE_FLOW_CASE, NULL);

  self->title = g_strdup (title ? title : "");
  if (today && cairn_date_is_set (today))
    self->today = *today;
  return self;
}

const char *
cairn_flow_case_get_title (CairnFlowCase *self)
{
  g_return_val_if_fail (CAIRN_IS_FLOW_CASE (self), NULL);
  return self->title;
}

const GDate *
cairn_flow_case_get_today (CairnFlowCase *self)
{
  g_return_val_if_fail (CAIRN_IS_FLOW_CASE (self), NULL);
  return &self->today;
}

/**
 * cairn_flow_case_set_state:
 *
 * Sets the state of one node (replacing any earlier state). A deadline
 * needs a due date; a late one is at least 1 working day late and a due one
 * has 0 or more working days left.
 */
gboolean
cairn_flow_case_set_state (CairnFlowCase            *self,
                           const char               *node_id,
                           const CairnFlowNodeState *state,
                           GError                  **error)
{
  State *s;

  g_return_val_if_fail (CAIRN_IS_FLOW_CASE (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!valid_id (node_id))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Node: \"%s\" is not a node id"),
                   node_id ? node_id : "");
      return FALSE;
    }
  if (state->progress > CAIRN_FLOW_PROGRESS_CURRENT || state->deadline > CAIRN_FLOW_DEADLINE_LATE)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("State: node %s has an unknown state"), node_id);
      return FALSE;
    }
  if (state->deadline != CAIRN_FLOW_DEADLINE_NONE && !cairn_date_is_set (&state->due))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Due: node %s has a deadline without a date"),
                   node_id);
      return FALSE;
    }
  if (state->deadline == CAIRN_FLOW_DEADLINE_LATE && state->working_days < 1)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Working days: node %s is late by %d working days; late is at least 1"), node_id,
                   state->working_days);
      return FALSE;
    }
  if (state->deadline == CAIRN_FLOW_DEADLINE_DUE && state->working_days < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Working days: node %s has %d working days left; a past due date is late"), node_id,
                   state->working_days);
      return FALSE;
    }
  s = g_new0 (State, 1);
  s->state = *state;
  s->rule = g_strdup (state->rule);
  s->state.rule = s->rule;
  g_hash_table_replace (self->states, g_strdup (node_id), s);
  return TRUE;
}

const CairnFlowNodeState *
cairn_flow_case_lookup_state (CairnFlowCase *self,
                              const char    *node_id)
{
  State *s;

  g_return_val_if_fail (CAIRN_IS_FLOW_CASE (self), NULL);
  s = node_id ? g_hash_table_lookup (self->states, node_id) : NULL;
  return s ? &s->state : NULL;
}

/**
 * cairn_flow_case_describe:
 *
 * The node's state in words, one line per fact, the same text the chart
 * draws in the node: "Current stage", "Due 15 March 2011: 4 working days
 * left", "12 working days late (due 3 March 2011)".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the node has
 *   no state
 */
char *
cairn_flow_case_describe (CairnFlowCase *self,
                          const char    *node_id)
{
  const CairnFlowNodeState *state = cairn_flow_case_lookup_state (self, node_id);
  g_autoptr (GString) out = NULL;
  g_autofree char *due = NULL;

  if (state == NULL)
    return NULL;
  out = g_string_new (NULL);
  switch (state->progress)
    {
    case CAIRN_FLOW_PROGRESS_PASSED:
      g_string_append (out, _("✓ Passed"));
      break;
    case CAIRN_FLOW_PROGRESS_CURRENT:
      g_string_append (out, _("▶ Current stage"));
      break;
    case CAIRN_FLOW_PROGRESS_NONE:
    default:
      break;
    }
  due = cairn_date_to_display (&state->due);
  if (state->deadline != CAIRN_FLOW_DEADLINE_NONE && out->len > 0)
    g_string_append_c (out, '\n');
  if (state->deadline == CAIRN_FLOW_DEADLINE_DUE)
    {
      if (state->working_days == 0)
        g_string_append_printf (out, _("Due today, %s"), due);
      else
        g_string_append_printf (out,
                                g_dngettext (GETTEXT_PACKAGE, "Due %s: %d working day left",
                                             "Due %s: %d working days left", (gulong) state->working_days),
                                due, state->working_days);
    }
  else if (state->deadline == CAIRN_FLOW_DEADLINE_LATE)
    {
      if (state->done)
        g_string_append_printf (out,
                                g_dngettext (GETTEXT_PACKAGE, "⚠ Done %d working day late (due %s)",
                                             "⚠ Done %d working days late (due %s)",
                                             (gulong) state->working_days),
                                state->working_days, due);
      else
        g_string_append_printf (out,
                                g_dngettext (GETTEXT_PACKAGE, "⚠ %d working day late (due %s)",
                                             "⚠ %d working days late (due %s)", (gulong) state->working_days),
                                state->working_days, due);
    }
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
