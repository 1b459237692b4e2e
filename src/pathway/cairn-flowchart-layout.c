/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-flowchart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cairn-date.h"
#include "cairn-flowchart-layout.h"

/* Every distance is in the units the measure callback returns (pixels at
 * 96 dpi for cairn-flowchart-render.h). */
#define RANK_LEN 2          /* minimum rank difference of an edge: a rank between for its label */
#define NODE_SEP 36.0       /* between two boxes in a rank */
#define MIXED_SEP 18.0      /* between a box and an edge passing it */
#define EDGE_SEP 14.0       /* between two edges passing through a rank */
#define LABEL_GAP 6.0       /* between an edge and its label */
#define PAD_X 14.0
#define PAD_Y 10.0
#define STATUS_GAP 6.0
#define TEXT_GAP 2.0        /* between a condition and its timescale */
#define TRACK_SEP 12.0      /* between horizontal edge segments in a channel */
#define MIN_CHANNEL 30.0
#define PORT_MIN 14.0       /* between two edges leaving or entering one side of a box */
#define PORT_MAX 28.0
#define MARGIN 24.0
#define DIAMOND_T 0.4       /* where the text's corners touch the diamond's sides */
#define WRAP_STEP 170.0
#define WRAP_DECISION 140.0
#define WRAP_TERMINAL 160.0
#define WRAP_EDGE 190.0
#define LEGEND_SWATCH_W 34.0
#define LEGEND_SWATCH_H 20.0
#define LEGEND_MIN_WIDTH 640.0
#define MAX_ORDER_ITER 24
#define JOG_MAX 24.0       /* jogs up to this long are removed when there is room */

typedef struct
{
  int rank;
  double left;     /* extents from the anchor x */
  double right;
  double height;
  int node;        /* the chart node, or -1 for a point an edge passes through */
  int edge;        /* for those points: the edge */
  gboolean label;  /* the point carries its edge's label */
  double x;
  int pos;
} VNode;

typedef struct
{
  int upper;
  int lower;
  int edge;
  double weight;      /* how much a slanted segment costs: 1 box–box, 2 box–edge, 8 edge–edge */
  double off_upper;   /* port offsets from the anchors */
  double off_lower;
  gboolean straight;
  int track;
} Seg;

typedef struct
{
  CairnFlowchart *chart;
  CairnFlowCase *kase;
  CairnFlowMeasureFunc measure;
  gpointer measure_data;

  guint n;          /* chart nodes */
  guint m;          /* chart edges */
  GArray *texts;    /* CairnFlowText */
  CairnFlowNodeBox *boxes;
  int *label_text;  /* per edge: condition text or -1 */
  int *time_text;   /* per edge: timescale text or -1 */
  double *label_w;  /* per edge: label block size */
  double *label_h;
  double *text_w;   /* per node: content block */
  double *text_h;
  gboolean *rev;    /* per edge: reversed for layering */
  guint n_reversed;
  int *rank;        /* per node */
  int n_ranks;

  GArray *vnodes;   /* VNode; the first n are the chart nodes */
  GArray *segs;     /* Seg */
  GArray **chains;  /* per edge: vnode indices from upper to lower end */
  GArray **layers;  /* per rank: vnode indices in order */
  int *up_start;    /* CSR adjacency: segments above and below each vnode */
  int *up_list;
  int *down_start;
  int *down_list;
  int *up_nb;       /* the vnode at the other end of up_list[j] */
  int *down_nb;
  GArray **gap_segs;  /* per rank r: segments between r and r + 1 */

  double *band_top;
  double *band_h;
  double *channel_top;
  double *channel_h;
  double graph_w;
  double graph_h;
} Ctx;

#define VN(c, i) (&g_array_index ((c)->vnodes, VNode, (i)))
#define SEG(c, i) (&g_array_index ((c)->segs, Seg, (i)))

/* Texts */

static int
add_text (Ctx               *c,
          CairnFlowTextStyle style,
          const char        *text,
          double             wrap_width,
          int                node,
          int                edge)
{
  CairnFlowText t = { 0 };
  double w = 0, h = 0;

  c->measure (style, text, wrap_width, &w, &h, c->measure_data);
  t.style = style;
  t.text = g_strdup (text);
  t.wrap_width = wrap_width;
  t.rect.width = ceil (w);
  t.rect.height = ceil (h);
  t.node = node;
  t.edge = edge;
  g_array_append_val (c->texts, t);
  return (int) c->texts->len - 1;
}

#define TEXT(c, i) (&g_array_index ((c)->texts, CairnFlowText, (i)))

static double
wrap_for (CairnFlowNodeKind kind)
{
  switch (kind)
    {
    case CAIRN_FLOW_NODE_DECISION:
      return WRAP_DECISION;
    case CAIRN_FLOW_NODE_START:
    case CAIRN_FLOW_NODE_END:
      return WRAP_TERMINAL;
    case CAIRN_FLOW_NODE_STEP:
    default:
      return WRAP_STEP;
    }
}

/* Measures every label and sizes every box to hold its text. */
static void
measure_all (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      const CairnFlowNode *node = cairn_flowchart_get_node (c->chart, i);
      CairnFlowNodeBox *box = &c->boxes[i];
      const CairnFlowNodeState *state = c->kase ? cairn_flow_case_lookup_state (c->kase, node->id) : NULL;
      g_autofree char *status = c->kase ? cairn_flow_case_describe (c->kase, node->id) : NULL;
      double wrap = wrap_for (node->kind);
      CairnFlowText *t;
      double cw, ch;

      box->kind = node->kind;
      box->label = add_text (c, CAIRN_FLOW_TEXT_NODE, node->label, wrap, (int) i, -1);
      box->status = status ? add_text (c, CAIRN_FLOW_TEXT_STATUS, status, wrap, (int) i, -1) : -1;
      if (state)
        {
          box->progress = state->progress;
          box->deadline = state->deadline;
        }
      t = TEXT (c, box->label);
      cw = t->rect.width;
      ch = t->rect.height;
      if (box->status >= 0)
        {
          CairnFlowText *s = TEXT (c, box->status);
          cw = MAX (cw, s->rect.width);
          ch += STATUS_GAP + s->rect.height;
        }
      c->text_w[i] = cw;
      c->text_h[i] = ch;
      switch (node->kind)
        {
        case CAIRN_FLOW_NODE_DECISION:
          box->box.width = ceil ((cw + 8) / (1 - DIAMOND_T));
          box->box.height = ceil ((ch + 8) / DIAMOND_T);
          break;
        case CAIRN_FLOW_NODE_START:
        case CAIRN_FLOW_NODE_END:
          box->box.height = ceil (ch + 2 * PAD_Y);
          box->box.width = ceil (cw + 2 * PAD_X + box->box.height);
          break;
        case CAIRN_FLOW_NODE_STEP:
        default:
          box->box.width = ceil (MAX (cw + 2 * PAD_X, 90));
          box->box.height = ceil (ch + 2 * PAD_Y);
          break;
        }
    }

  for (guint e = 0; e < c->m; e++)
    {
      const CairnFlowEdge *edge = cairn_flowchart_get_edge (c->chart, e);
      double w = 0, h = 0;

      c->label_text[e] = edge->condition
                           ? add_text (c, CAIRN_FLOW_TEXT_CONDITION, edge->condition, WRAP_EDGE, -1, (int) e)
                           : -1;
      c->time_text[e] = edge->timescale
                          ? add_text (c, CAIRN_FLOW_TEXT_TIMESCALE, edge->timescale, WRAP_EDGE, -1, (int) e)
                          : -1;
      if (c->label_text[e] >= 0)
        {
          w = TEXT (c, c->label_text[e])->rect.width;
          h = TEXT (c, c->label_text[e])->rect.height;
        }
      if (c->time_text[e] >= 0)
        {
          CairnFlowText *t = TEXT (c, c->time_text[e]);
          w = MAX (w, t->rect.width);
          h += (h > 0 ? TEXT_GAP : 0) + t->rect.height;
        }
      c->label_w[e] = w;
      c->label_h[e] = h;
    }
}

/* 1. Cycles: a linear order of the nodes with few edges pointing backwards;
 * those edges are reversed for layering (and drawn pointing up). */

static guint
count_backward (Ctx       *c,
                const int *pos)
{
  guint n = 0;

  for (guint e = 0; e < c->m; e++)
    {
      const CairnFlowEdge *edge = cairn_flowchart_get_edge (c->chart, e);
      if (pos[edge->to] < pos[edge->from])
        n++;
    }
  return n;
}

/* Depth-first from the start nodes, then the sources, then the rest, in
 * the chart's order; reverse postorder. */
static void
order_dfs (Ctx *c,
           int *pos)
{
  g_autofree int *post = g_new (int, c->n);
  g_autofree gboolean *seen = g_new0 (gboolean, c->n);
  g_autofree int *indeg = g_new0 (int, c->n);
  g_autofree int *stack = g_new (int, c->n);
  g_autofree guint *next_edge = g_new0 (guint, c->n);
  g_autoptr (GArray) roots = g_array_new (FALSE, FALSE, sizeof (int));
  int n_post = 0;

  for (guint e = 0; e < c->m; e++)
    indeg[cairn_flowchart_get_edge (c->chart, e)->to]++;
  for (guint i = 0; i < c->n; i++)
    if (cairn_flowchart_get_node (c->chart, i)->kind == CAIRN_FLOW_NODE_START)
      g_array_append_val (roots, i);
  for (guint i = 0; i < c->n; i++)
    if (indeg[i] == 0 && cairn_flowchart_get_node (c->chart, i)->kind != CAIRN_FLOW_NODE_START)
      g_array_append_val (roots, i);
  for (guint i = 0; i < c->n; i++)
    g_array_append_val (roots, i);

  for (guint r = 0; r < roots->len; r++)
    {
      int root = g_array_index (roots, int, r);
      int top = 0;

      if (seen[root])
        continue;
      seen[root] = TRUE;
      stack[top++] = root;
      while (top > 0)
        {
          int v = stack[top - 1];
          gboolean pushed = FALSE;

          while (next_edge[v] < c->m)
            {
              const CairnFlowEdge *edge = cairn_flowchart_get_edge (c->chart, next_edge[v]++);
              if ((int) edge->from == v && !seen[edge->to])
                {
                  seen[edge->to] = TRUE;
                  stack[top++] = (int) edge->to;
                  pushed = TRUE;
                  break;
                }
            }
          if (!pushed)
            {
              post[n_post++] = v;
              top--;
            }
        }
    }
  for (int i = 0; i < n_post; i++)
    pos[post[n_post - 1 - i]] = i;
}

/* Whether every node that can be reached from a start (or, without start
 * nodes, from a node nothing points to) is still reached when the edges
 * that point backwards in @pos are turned round: the chart then reads from
 * its starts down. */
static gboolean
keeps_starts_on_top (Ctx       *c,
                     const int *pos)
{
  g_autofree gboolean *all = g_new0 (gboolean, c->n);
  g_autofree gboolean *fwd = g_new0 (gboolean, c->n);
  g_autofree int *stack = g_new (int, c->n * 2 + 1);
  g_autofree gboolean *has_in = g_new0 (gboolean, c->n);
  gboolean any_start = FALSE;

  for (guint e = 0; e < c->m; e++)
    has_in[cairn_flowchart_get_edge (c->chart, e)->to] = TRUE;
  for (guint i = 0; i < c->n; i++)
    any_start |= cairn_flowchart_get_node (c->chart, i)->kind == CAIRN_FLOW_NODE_START;
  for (int pass = 0; pass < 2; pass++)
    {
      gboolean *seen = pass ? fwd : all;
      int top = 0;

      for (guint i = 0; i < c->n; i++)
        if (any_start ? cairn_flowchart_get_node (c->chart, i)->kind == CAIRN_FLOW_NODE_START : !has_in[i])
          {
            seen[i] = TRUE;
            stack[top++] = (int) i;
          }
      while (top > 0)
        {
          int v = stack[--top];
          for (guint e = 0; e < c->m; e++)
            {
              const CairnFlowEdge *edge = cairn_flowchart_get_edge (c->chart, e);
              if ((int) edge->from != v || seen[edge->to])
                continue;
              if (pass == 1 && pos[edge->to] < pos[edge->from])
                continue;
              seen[edge->to] = TRUE;
              stack[top++] = (int) edge->to;
            }
        }
    }
  for (guint i = 0; i < c->n; i++)
    if (all[i] && !fwd[i])
      return FALSE;
  return TRUE;
}

/* Moves single nodes to the place in the order where the fewest of their
 * edges point backwards, until no move helps. Nodes reached at any time
 * stay put: they belong where the chart first leads to them. */
static void
sift (Ctx *c,
      int *pos,
      gboolean keep_starts)
{
  g_autofree int *seq = g_new (int, c->n);
  g_autofree int *cost_delta = g_new (int, c->n);

  for (guint i = 0; i < c->n; i++)
    seq[pos[i]] = (int) i;

  for (int pass = 0; pass < 12; pass++)
    {
      gboolean moved = FALSE;

      for (guint v = 0; v < c->n; v++)
        {
          int cost, cur_cost = 0, best_cost, best_slot;
          int slot = 0;

          if (cairn_flowchart_get_node (c->chart, v)->any_time)
            continue;

          /* delta[w]: how the cost changes when v moves from before w to after it. */
          memset (cost_delta, 0, sizeof (int) * c->n);
          cost = 0;
          for (guint e = 0; e < c->m; e++)
            {
              const CairnFlowEdge *edge = cairn_flowchart_get_edge (c->chart, e);
              if (edge->to == v)
                {
                  cost++;  /* v first: every incoming edge points back */
                  cost_delta[edge->from]--;
                }
              else if (edge->from == v)
                cost_delta[edge->to]++;
            }
          /* Slots 0..n-1 among the other nodes in order. */
          best_cost = cost;
          best_slot = 0;
          for (guint i = 0; i < c->n; i++)
            {
              int w = seq[i];
              if (w == (int) v)
                {
                  cur_cost = cost;
                  continue;
                }
              cost += cost_delta[w];
              slot++;
              if (cost < best_cost)
                best_cost = cost, best_slot = slot;
            }
          if (best_cost < cur_cost)
            {
              /* Rebuild the sequence with v in its new slot. */
              g_autofree int *next = g_new (int, c->n);
              g_autofree int *old_pos = g_memdup2 (pos, sizeof (int) * c->n);
              int k = 0, s = 0;
              for (guint i = 0; i < c->n; i++)
                {
                  if (seq[i] == (int) v)
                    continue;
                  if (s == best_slot)
                    next[k++] = (int) v;
                  next[k++] = seq[i];
                  s++;
                }
              if (k < (int) c->n)
                next[k++] = (int) v;
              for (guint i = 0; i < c->n; i++)
                pos[next[i]] = (int) i;
              /* Never at the price of cutting stages off from the starts. */
              if (keep_starts && !keeps_starts_on_top (c, pos))
                {
                  memcpy (pos, old_pos, sizeof (int) * c->n);
                  continue;
                }
              memcpy (seq, next, sizeof (int) * c->n);
              moved = TRUE;
            }
        }
      if (!moved)
        break;
    }
}

/* The order that decides which edges point back up: of four candidates
 * (the chart's own order and depth-first order from the starts, each as it
 * is and improved by sifting), the one with the fewest backward edges that
 * keeps every stage reachable from the starts going down. Fewest alone is
 * not enough: reversing "strategy discussion → start s47?" breaks every
 * loop of the WT2010 pathway with one edge but turns the chart upside down.
 * Ties go to the chart's order: authors list stages in the order they come,
 * as the guidance's tables do. */
static void
break_cycles (Ctx *c)
{
  int *cand[4];
  int best = -1;
  guint best_n = G_MAXUINT;

  for (int k = 0; k < 4; k++)
    cand[k] = g_new (int, MAX (c->n, 1));
  for (guint i = 0; i < c->n; i++)
    cand[0][i] = cand[2][i] = (int) i;
  sift (c, cand[0], keeps_starts_on_top (c, cand[0]));
  order_dfs (c, cand[1]);
  memcpy (cand[3], cand[1], sizeof (int) * c->n);
  sift (c, cand[1], TRUE);

  for (int pass = 0; pass < 2 && best < 0; pass++)
    for (int k = 0; k < 4; k++)
      {
        guint n = count_backward (c, cand[k]);
        if (n < best_n && (pass == 1 || keeps_starts_on_top (c, cand[k])))
          {
            best = k;
            best_n = n;
          }
      }

  c->n_reversed = 0;
  for (guint e = 0; e < c->m; e++)
    {
      const CairnFlowEdge *edge = cairn_flowchart_get_edge (c->chart, e);
      c->rev[e] = cand[best][edge->to] < cand[best][edge->from];
      if (c->rev[e])
        c->n_reversed++;
    }
  for (int k = 0; k < 4; k++)
    g_free (cand[k]);
}

static guint
upper_of (Ctx  *c,
          guint e)
{
  const CairnFlowEdge *edge = cairn_flowchart_get_edge (c->chart, e);
  return c->rev[e] ? edge->to : edge->from;
}

static guint
lower_of (Ctx  *c,
          guint e)
{
  const CairnFlowEdge *edge = cairn_flowchart_get_edge (c->chart, e);
  return c->rev[e] ? edge->from : edge->to;
}

/* Network simplex (Gansner, Koutsofios, North and Vo, 1993): integer
 * values for the nodes of a directed acyclic graph minimising
 * Σ weight × (value(head) − value(tail)) subject to value(head) −
 * value(tail) ≥ minlen for every edge. Ranks use it with minlen 2, weight
 * 1; x coordinates use it on an auxiliary graph (section 6). Cut values are
 * computed bottom-up over the tree in O(E) per pivot. */

typedef struct
{
  int t;
  int h;
  int minlen;
  int weight;
} NsEdge;

typedef struct
{
  int k;
  int ne;
  const NsEdge *e;
  int *value;
  int *inc_start;
  int *inc;
  gboolean *tree;
  int *par;        /* tree edge to the parent, -1 for the root */
  int *low;
  int *lim;
  int *cut;
  int *stack;
  int *post;       /* nodes in postorder */
  guint *next;
} Ns;

static int
ns_slack (const Ns *ns,
          int       i)
{
  return ns->value[ns->e[i].h] - ns->value[ns->e[i].t] - ns->e[i].minlen;
}

static int
ns_other (const Ns *ns,
          int       i,
          int       v)
{
  return ns->e[i].t == v ? ns->e[i].h : ns->e[i].t;
}

static gboolean
ns_in_sub (const Ns *ns,
           int       root,
           int       v)
{
  return ns->low[root] <= ns->lim[v] && ns->lim[v] <= ns->lim[root];
}

/* Postorder numbers (lim, and low the least in the subtree), parents and
 * the nodes in postorder for the subtree of @root, numbered from @start
 * (the whole tree: root 0, start 0). */
static void
ns_number_from (Ns  *ns,
                int  root,
                int  par,
                int  start)
{
  int top = 0, n = start;

  ns->par[root] = par;
  ns->next[root] = (guint) ns->inc_start[root];
  ns->low[root] = G_MAXINT;
  ns->stack[top++] = root;
  while (top > 0)
    {
      int v = ns->stack[top - 1];
      gboolean pushed = FALSE;

      while ((int) ns->next[v] < ns->inc_start[v + 1])
        {
          int i = ns->inc[ns->next[v]++];
          int w = ns_other (ns, i, v);
          if (ns->tree[i] && i != ns->par[v])
            {
              ns->par[w] = i;
              ns->next[w] = (guint) ns->inc_start[w];
              ns->low[w] = G_MAXINT;
              ns->stack[top++] = w;
              pushed = TRUE;
              break;
            }
        }
      if (!pushed)
        {
          ns->lim[v] = n;
          ns->post[n++] = v;
          ns->low[v] = MIN (ns->low[v], ns->lim[v]);
          top--;
          if (top > 0)
            ns->low[ns->stack[top - 1]] = MIN (ns->low[ns->stack[top - 1]], ns->low[v]);
        }
    }
}

static void
ns_number (Ns *ns)
{
  ns_number_from (ns, 0, -1, 0);
}

/* Gansner's update: cut values change only on the tree path between the
 * ends of the entering edge; walks up from @v until the subtree holds @w,
 * returns where it stopped (the lowest common ancestor). */
static int
ns_tree_update (Ns      *ns,
                int      v,
                int      w,
                int      cutvalue,
                gboolean dir)
{
  while (!ns_in_sub (ns, v, w))
    {
      int e = ns->par[v];
      gboolean d = v == ns->e[e].t ? dir : !dir;
      ns->cut[e] += d ? cutvalue : -cutvalue;
      v = ns->lim[ns->e[e].t] > ns->lim[ns->e[e].h] ? ns->e[e].t : ns->e[e].h;
    }
  return v;
}

/* dot's x_val: what edge @i, incident to @v, adds to the cut value of the
 * tree edge above @v. */
static int
ns_x_val (const Ns *ns,
          int       i,
          int       v,
          int       dir)
{
  int other = ns_other (ns, i, v), rv, d;
  gboolean outside = !ns_in_sub (ns, v, other);

  if (outside)
    rv = ns->e[i].weight;
  else
    rv = (ns->tree[i] ? ns->cut[i] : 0) - ns->e[i].weight;
  if (dir > 0)
    d = ns->e[i].h == v ? 1 : -1;
  else
    d = ns->e[i].t == v ? 1 : -1;
  if (outside)
    d = -d;
  return d < 0 ? -rv : rv;
}

static void
ns_cut_values (Ns *ns)
{
  for (int n = 0; n < ns->k; n++)
    {
      int v = ns->post[n], f = ns->par[v], dir, sum = 0;

      if (f < 0)
        continue;
      dir = ns->e[f].t == v ? 1 : -1;
      for (int j = ns->inc_start[v]; j < ns->inc_start[v + 1]; j++)
        if (ns->inc[j] != f)
          sum += ns_x_val (ns, ns->inc[j], v, dir);
      /* The edge itself: its far end is outside v's subtree. */
      sum += ns_x_val (ns, f, v, dir);
      ns->cut[f] = sum;
    }
}

/* @value: in: a feasible start when @feasible_start (a good one saves
 * pivots), else ignored; out: the optimum, the least value 0. The graph
 * must be connected and acyclic. */
static void
network_simplex (int           k,
                 const NsEdge *edges,
                 int           ne,
                 int          *value,
                 gboolean      feasible_start,
                 int           max_iter)
{
  Ns ns = { 0 };
  g_autofree int *indeg = g_new0 (int, k);
  g_autofree gboolean *in_tree = g_new0 (gboolean, k);
  int qh = 0, qt = 0, size, last_leave = -1, min = G_MAXINT;

  if (!feasible_start || ne == 0 || k < 2)
    for (int v = 0; v < k; v++)
      value[v] = 0;
  if (ne == 0 || k < 2)
    return;

  ns.k = k;
  ns.ne = ne;
  ns.e = edges;
  ns.value = value;
  ns.inc_start = g_new0 (int, k + 1);
  ns.inc = g_new (int, 2 * ne);
  ns.tree = g_new0 (gboolean, ne);
  ns.par = g_new (int, k);
  ns.low = g_new (int, k);
  ns.lim = g_new (int, k);
  ns.cut = g_new0 (int, ne);
  ns.stack = g_new (int, k);
  ns.post = g_new (int, k);
  ns.next = g_new (guint, k);

  for (int i = 0; i < ne; i++)
    {
      ns.inc_start[edges[i].t + 1]++;
      ns.inc_start[edges[i].h + 1]++;
    }
  for (int v = 0; v < k; v++)
    ns.inc_start[v + 1] += ns.inc_start[v];
  {
    g_autofree int *fill = g_memdup2 (ns.inc_start, sizeof (int) * (gsize) k);
    for (int i = 0; i < ne; i++)
      {
        ns.inc[fill[edges[i].t]++] = i;
        ns.inc[fill[edges[i].h]++] = i;
      }
  }

  /* Else a feasible start: longest paths from the sources. */
  for (int i = 0; i < ne; i++)
    indeg[edges[i].h]++;
  for (int v = 0; v < k && !feasible_start; v++)
    if (indeg[v] == 0)
      ns.stack[qt++] = v;
  while (qh < qt)
    {
      int v = ns.stack[qh++];
      for (int j = ns.inc_start[v]; j < ns.inc_start[v + 1]; j++)
        {
          const NsEdge *e = &edges[ns.inc[j]];
          if (e->t != v)
            continue;
          value[e->h] = MAX (value[e->h], value[v] + e->minlen);
          if (--indeg[e->h] == 0)
            ns.stack[qt++] = e->h;
        }
    }

  /* A tight spanning tree: grow along tight edges; when stuck, shift the
   * tree to make the least slack edge leaving it tight. */
  in_tree[0] = TRUE;
  size = 1;
  qh = 0;
  qt = 0;
  ns.stack[qt++] = 0;
  for (;;)
    {
      int best = -1, delta;

      while (qh < qt)
        {
          int v = ns.stack[qh++];
          for (int j = ns.inc_start[v]; j < ns.inc_start[v + 1]; j++)
            {
              int i = ns.inc[j], w = ns_other (&ns, i, v);
              if (!in_tree[w] && ns_slack (&ns, i) == 0)
                {
                  in_tree[w] = TRUE;
                  ns.tree[i] = TRUE;
                  size++;
                  ns.stack[qt++] = w;
                }
            }
        }
      if (size == k)
        break;
      for (int i = 0; i < ne; i++)
        if (in_tree[edges[i].t] != in_tree[edges[i].h] &&
            (best < 0 || ns_slack (&ns, i) < ns_slack (&ns, best)))
          best = i;
      g_assert (best >= 0);
      delta = ns_slack (&ns, best);
      if (in_tree[edges[best].h])
        delta = -delta;
      for (int v = 0; v < k; v++)
        if (in_tree[v])
          value[v] += delta;
      /* Search again from every tree node. */
      qh = 0;
      qt = 0;
      for (int v = 0; v < k; v++)
        if (in_tree[v])
          ns.stack[qt++] = v;
    }

  ns_number (&ns);
  ns_cut_values (&ns);
  for (int iter = 0; iter < max_iter; iter++)
    {
      int leave = -1, enter = -1, child;
      gboolean child_is_tail;

      for (int j = 1; j <= ne; j++)
        {
          int i = (last_leave + j) % ne;
          if (ns.tree[i] && ns.cut[i] < 0)
            {
              leave = i;
              break;
            }
        }
      if (leave < 0)
        break;
      last_leave = leave;

      child = ns.par[edges[leave].t] == leave ? edges[leave].t : edges[leave].h;
      child_is_tail = child == edges[leave].t;
      /* Entering candidates cross the cut: every one has an end in the
       * subtree below the leaving edge, so only its nodes' edges are seen. */
      for (int k = ns.low[child]; k <= ns.lim[child]; k++)
        {
          int v = ns.post[k];
          for (int j = ns.inc_start[v]; j < ns.inc_start[v + 1]; j++)
            {
              int i = ns.inc[j];
              gboolean a, b;
              if (ns.tree[i])
                continue;
              a = ns_in_sub (&ns, child, edges[i].t);
              b = ns_in_sub (&ns, child, edges[i].h);
              /* from the head component into the tail component */
              if (child_is_tail ? (!a && b) : (a && !b))
                if (enter < 0 || ns_slack (&ns, i) < ns_slack (&ns, enter) ||
                    (ns_slack (&ns, i) == ns_slack (&ns, enter) && i < enter))
                  enter = i;
            }
        }
      if (enter < 0)
        break;
      /* Move the leaving edge's subtree so the entering edge is tight. */
      {
        int delta = ns_slack (&ns, enter), cutvalue = ns.cut[leave], lca;
        if (child_is_tail)
          delta = -delta;
        for (int n = ns.low[child]; n <= ns.lim[child]; n++)
          value[ns.post[n]] += delta;
        lca = ns_tree_update (&ns, edges[enter].t, edges[enter].h, cutvalue, TRUE);
        if (ns_tree_update (&ns, edges[enter].h, edges[enter].t, cutvalue, FALSE) != lca)
          g_assert_not_reached ();
        ns.cut[enter] = -cutvalue;
        ns.cut[leave] = 0;
        ns.tree[leave] = FALSE;
        ns.tree[enter] = TRUE;
        ns_number_from (&ns, lca, ns.par[lca], ns.low[lca]);
      }
    }

  for (int v = 0; v < k; v++)
    min = MIN (min, value[v]);
  for (int v = 0; v < k; v++)
    value[v] -= min;

  g_free (ns.inc_start);
  g_free (ns.inc);
  g_free (ns.tree);
  g_free (ns.par);
  g_free (ns.low);
  g_free (ns.lim);
  g_free (ns.cut);
  g_free (ns.stack);
  g_free (ns.post);
  g_free (ns.next);
}

static void
assign_ranks (Ctx *c)
{
  g_autofree int *comp = g_new (int, c->n);
  g_autofree int *local = g_new (int, c->n);
  g_autofree int *stack = g_new (int, c->n);
  int n_comp = 0;

  for (guint i = 0; i < c->n; i++)
    comp[i] = -1;
  for (guint i = 0; i < c->n; i++)
    {
      int top = 0;
      if (comp[i] >= 0)
        continue;
      comp[i] = n_comp;
      stack[top++] = (int) i;
      while (top > 0)
        {
          int v = stack[--top];
          for (guint e = 0; e < c->m; e++)
            {
              const CairnFlowEdge *edge = cairn_flowchart_get_edge (c->chart, e);
              int w = -1;
              if ((int) edge->from == v)
                w = (int) edge->to;
              else if ((int) edge->to == v)
                w = (int) edge->from;
              if (w >= 0 && comp[w] < 0)
                {
                  comp[w] = n_comp;
                  stack[top++] = w;
                }
            }
        }
      n_comp++;
    }

  for (int k = 0; k < n_comp; k++)
    {
      g_autoptr (GArray) members = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (NsEdge));
      g_autofree int *r = NULL;

      for (guint i = 0; i < c->n; i++)
        if (comp[i] == k)
          {
            local[i] = (int) members->len;
            g_array_append_val (members, i);
          }
      for (guint e = 0; e < c->m; e++)
        if (comp[upper_of (c, e)] == k)
          {
            NsEdge ne = { local[upper_of (c, e)], local[lower_of (c, e)], RANK_LEN, 1 };
            g_array_append_val (edges, ne);
          }
      r = g_new (int, members->len);
      network_simplex ((int) members->len, (NsEdge *) edges->data, (int) edges->len, r, FALSE,
                       20 * (int) members->len + 100);
      for (guint j = 0; j < members->len; j++)
        c->rank[g_array_index (members, int, j)] = r[j];
    }

  c->n_ranks = 1;
  for (guint i = 0; i < c->n; i++)
    c->n_ranks = MAX (c->n_ranks, c->rank[i] + 1);
}

/* 3. The proper layered graph: every edge cut into segments between
 * neighbouring ranks, with a point in each rank it crosses; its label rides
 * on the point nearest its source. */

static int
add_vnode (Ctx  *c,
           int   rank,
           int   edge,
           gboolean label)
{
  VNode v = { 0 };

  v.rank = rank;
  v.node = -1;
  v.edge = edge;
  v.label = label;
  if (label)
    {
      v.left = 0;
      v.right = LABEL_GAP + c->label_w[edge];
      v.height = c->label_h[edge];
    }
  g_array_append_val (c->vnodes, v);
  return (int) c->vnodes->len - 1;
}

static void
build_layers (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      VNode v = { 0 };
      v.rank = c->rank[i];
      v.node = (int) i;
      v.edge = -1;
      v.left = c->boxes[i].box.width / 2;
      v.right = c->boxes[i].box.width / 2;
      v.height = c->boxes[i].box.height;
      g_array_append_val (c->vnodes, v);
    }

  for (guint e = 0; e < c->m; e++)
    {
      int u = (int) upper_of (c, e), l = (int) lower_of (c, e);
      int ru = c->rank[u], rl = c->rank[l];
      gboolean has_label = c->label_h[e] > 0;
      int label_rank = c->rev[e] ? rl - 1 : ru + 1;
      int prev = u;

      c->chains[e] = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (c->chains[e], u);
      for (int r = ru + 1; r <= rl; r++)
        {
          int v = r == rl ? l : add_vnode (c, r, (int) e, has_label && r == label_rank);
          Seg s = { 0 };
          s.upper = prev;
          s.lower = v;
          s.edge = (int) e;
          s.track = -1;
          s.weight = (prev < (int) c->n) + (v < (int) c->n) == 2 ? 1 : (prev < (int) c->n) + (v < (int) c->n) == 1 ? 2 : 8;
          g_array_append_val (c->segs, s);
          g_array_append_val (c->chains[e], v);
          prev = v;
        }
    }

  /* Adjacency. */
  {
    guint nv = c->vnodes->len, ns = c->segs->len;
    g_autofree int *fill_up = NULL;
    g_autofree int *fill_down = NULL;

    c->up_start = g_new0 (int, nv + 1);
    c->down_start = g_new0 (int, nv + 1);
    c->up_list = g_new (int, MAX (ns, 1));
    c->down_list = g_new (int, MAX (ns, 1));
    for (guint s = 0; s < ns; s++)
      {
        c->down_start[SEG (c, s)->upper + 1]++;
        c->up_start[SEG (c, s)->lower + 1]++;
      }
    for (guint v = 0; v < nv; v++)
      {
        c->down_start[v + 1] += c->down_start[v];
        c->up_start[v + 1] += c->up_start[v];
      }
    fill_up = g_memdup2 (c->up_start, sizeof (int) * nv);
    fill_down = g_memdup2 (c->down_start, sizeof (int) * nv);
    for (guint s = 0; s < ns; s++)
      {
        c->down_list[fill_down[SEG (c, s)->upper]++] = (int) s;
        c->up_list[fill_up[SEG (c, s)->lower]++] = (int) s;
      }
    c->up_nb = g_new (int, MAX (ns, 1));
    c->down_nb = g_new (int, MAX (ns, 1));
    for (guint j = 0; j < ns; j++)
      {
        c->up_nb[j] = SEG (c, c->up_list[j])->upper;
        c->down_nb[j] = SEG (c, c->down_list[j])->lower;
      }
  }

  c->layers = g_new0 (GArray *, c->n_ranks);
  c->gap_segs = g_new0 (GArray *, c->n_ranks);
  for (int r = 0; r < c->n_ranks; r++)
    {
      c->layers[r] = g_array_new (FALSE, FALSE, sizeof (int));
      c->gap_segs[r] = g_array_new (FALSE, FALSE, sizeof (int));
    }
  for (guint s = 0; s < c->segs->len; s++)
    {
      int r = VN (c, SEG (c, s)->upper)->rank;
      g_array_append_val (c->gap_segs[r], s);
    }
}

/* 4. Order within ranks: depth-first initial order, then weighted median
 * sweeps and transposition of neighbours, keeping the best order seen. */

static void
set_positions (Ctx *c)
{
  for (int r = 0; r < c->n_ranks; r++)
    for (guint i = 0; i < c->layers[r]->len; i++)
      VN (c, g_array_index (c->layers[r], int, i))->pos = (int) i;
}

static void
initial_order (Ctx *c,
               int  variant)
{
  gboolean breadth_first = variant % 2 == 1, reversed = variant >= 2;
  guint nv = c->vnodes->len;
  g_autofree gboolean *seen = g_new0 (gboolean, nv);
  g_autofree int *stack = g_new (int, nv);
  g_autofree int *roots = g_new (int, nv);
  guint n_roots = 0;

  for (int r = 0; r < c->n_ranks; r++)
    g_array_set_size (c->layers[r], 0);
  for (int r = 0; r < c->n_ranks; r++)
    for (guint v = 0; v < c->n; v++)
      if (VN (c, v)->rank == r)
        roots[n_roots++] = (int) v;

  for (guint i = 0; i < n_roots; i++)
    {
      int top = 0, head = 0;

      if (seen[roots[i]])
        continue;
      seen[roots[i]] = TRUE;
      stack[top++] = roots[i];
      while (breadth_first ? head < top : top > 0)
        {
          int v = breadth_first ? stack[head++] : stack[--top];
          g_array_append_val (c->layers[VN (c, v)->rank], v);
          /* Depth first pushes children in reverse so the first edge comes out first. */
          for (int k = 0; k < c->down_start[v + 1] - c->down_start[v]; k++)
            {
              /* Children in edge order (reversed for the variants that look from the other side). */
              int n = c->down_start[v + 1] - c->down_start[v];
              int j = c->down_start[v] + (breadth_first != reversed ? k : n - 1 - k);
              int w = SEG (c, c->down_list[j])->lower;
              if (!seen[w])
                seen[w] = TRUE, stack[top++] = w;
            }
        }
    }
  /* Points reached only from below (none in a proper layered graph, but be safe). */
  for (guint v = 0; v < nv; v++)
    if (!seen[v])
      g_array_append_val (c->layers[VN (c, v)->rank], v);
  set_positions (c);
}

static guint
crossings_between (Ctx *c,
                   int  r)
{
  GArray *segs = c->gap_segs[r];
  int pu[256], pl[256];
  g_autofree int *heap = NULL;
  int *u = pu, *l = pl;
  guint n = 0;

  if (segs->len > 256)
    {
      heap = g_new (int, 2 * segs->len);
      u = heap;
      l = heap + segs->len;
    }
  for (guint i = 0; i < segs->len; i++)
    {
      Seg *a = SEG (c, g_array_index (segs, int, i));
      u[i] = VN (c, a->upper)->pos;
      l[i] = VN (c, a->lower)->pos;
    }
  for (guint i = 0; i < segs->len; i++)
    for (guint j = i + 1; j < segs->len; j++)
      n += (u[i] - u[j]) * (l[i] - l[j]) < 0;
  return n;
}

static guint
total_crossings (Ctx *c)
{
  guint n = 0;

  for (int r = 0; r + 1 < c->n_ranks; r++)
    n += crossings_between (c, r);
  return n;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median_value (Ctx     *c,
              int      v,
              gboolean from_above)
{
  int start = from_above ? c->up_start[v] : c->down_start[v];
  int end = from_above ? c->up_start[v + 1] : c->down_start[v + 1];
  int *list = from_above ? c->up_list : c->down_list;
  int n = end - start;
  double p[64];
  g_autofree double *big = NULL;
  double *pp = p, left, right;
  int mid;

  if (n == 0)
    return -1;
  if (n > 64)
    pp = big = g_new (double, n);
  for (int j = 0; j < n; j++)
    {
      Seg *s = SEG (c, list[start + j]);
      pp[j] = VN (c, from_above ? s->upper : s->lower)->pos;
    }
  qsort (pp, (gsize) n, sizeof (double), compare_double);
  mid = n / 2;
  if (n % 2 == 1)
    return pp[mid];
  if (n == 2)
    return (pp[0] + pp[1]) / 2;
  left = pp[mid - 1] - pp[0];
  right = pp[n - 1] - pp[mid];
  if (left + right == 0)
    return (pp[mid - 1] + pp[mid]) / 2;
  return (pp[mid - 1] * right + pp[mid] * left) / (left + right);
}

typedef struct
{
  int v;
  double key;
  int pos;
} Sortable;

static int
compare_sortable (gconstpointer a,
                  gconstpointer b)
{
  const Sortable *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->pos - y->pos;
}

static void
reorder_rank (Ctx     *c,
              int      r,
              gboolean from_above,
              gboolean reverse)
{
  GArray *layer = c->layers[r];
  guint n = layer->len, k = 0, next = 0;
  g_autofree Sortable *items = g_new (Sortable, MAX (n, 1));
  g_autofree gboolean *fixed = g_new0 (gboolean, MAX (n, 1));
  g_autofree int *order = g_new (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      int v = g_array_index (layer, int, i);
      double med = median_value (c, v, from_above);
      if (med < 0)
        fixed[i] = TRUE;
      else
        items[k++] = (Sortable) { v, med, reverse ? -(int) i : (int) i };
    }
  /* Ties keep their order, or on reverse passes swap (as dot does). */
  qsort (items, k, sizeof (Sortable), compare_sortable);
  for (guint i = 0; i < n; i++)
    order[i] = fixed[i] ? g_array_index (layer, int, i) : items[next++].v;
  for (guint i = 0; i < n; i++)
    {
      g_array_index (layer, int, i) = order[i];
      VN (c, order[i])->pos = (int) i;
    }
}

/* The crossings among the segments of v and w (with the ranks above and
 * below) with v left of w (@vw) and with w left of v (@wv), in one pass:
 * segments that share a far end cross neither way. */
static void
pair_both (Ctx   *c,
           int    v,
           int    w,
           guint *vw,
           guint *wv)
{
  guint a = 0, b = 0;

  for (int i = c->up_start[v]; i < c->up_start[v + 1]; i++)
    {
      int p = VN (c, c->up_nb[i])->pos;
      for (int j = c->up_start[w]; j < c->up_start[w + 1]; j++)
        {
          int q = VN (c, c->up_nb[j])->pos;
          a += p > q;
          b += q > p;
        }
    }
  for (int i = c->down_start[v]; i < c->down_start[v + 1]; i++)
    {
      int p = VN (c, c->down_nb[i])->pos;
      for (int j = c->down_start[w]; j < c->down_start[w + 1]; j++)
        {
          int q = VN (c, c->down_nb[j])->pos;
          a += p > q;
          b += q > p;
        }
    }
  *vw = a;
  *wv = b;
}

/* Swaps neighbours while that removes crossings. With @equal, pairs that
 * cross as much either way (and do cross) swap too, as dot does on
 * alternate passes to get out of plateaus; the passes still stop when no
 * swap removes a crossing. */
static void
transpose (Ctx     *c,
           gboolean equal)
{
  for (int pass = 0; pass < 64; pass++)
    {
      guint gained = 0;

      for (int r = 0; r < c->n_ranks; r++)
        {
          GArray *layer = c->layers[r];
          for (guint i = 0; i + 1 < layer->len; i++)
            {
              int v = g_array_index (layer, int, i), w = g_array_index (layer, int, i + 1);
              guint c0, c1;
              pair_both (c, v, w, &c0, &c1);
              if (c1 < c0 || (equal && c0 > 0 && c1 == c0))
                {
                  g_array_index (layer, int, i) = w;
                  g_array_index (layer, int, i + 1) = v;
                  VN (c, w)->pos = (int) i;
                  VN (c, v)->pos = (int) i + 1;
                  gained += c0 - c1;
                }
            }
        }
      if (gained == 0)
        break;
    }
}

/* Sifting: each point in turn goes to the place in its rank where it
 * crosses fewest segments (moving v right past w changes the crossings by
 * pair(w, v) - pair(v, w)). */
static gboolean
sift_ranks (Ctx *c)
{
  gboolean improved = FALSE;

  for (int r = 0; r < c->n_ranks; r++)
    {
      GArray *layer = c->layers[r];
      guint n = layer->len;
      g_autofree int *snapshot = g_memdup2 (layer->data, sizeof (int) * MAX (n, 1));

      for (guint k = 0; k < n; k++)
        {
          int v = snapshot[k], from = VN (c, v)->pos, best_pos = 0, cost = 0, best_cost, here = 0;
          g_autofree int *others = g_new (int, MAX (n, 1));
          guint m = 0;

          for (guint i = 0; i < n; i++)
            if (g_array_index (layer, int, i) != v)
              others[m++] = g_array_index (layer, int, i);
          /* cost relative to v leftmost */
          best_cost = 0;
          for (guint i = 0; i < m; i++)
            {
              guint vw, wv;
              pair_both (c, v, others[i], &vw, &wv);
              cost += (int) wv - (int) vw;
              if ((int) i + 1 == from)
                here = cost;
              if (cost < best_cost)
                best_cost = cost, best_pos = (int) i + 1;
            }
          if (from == 0)
            here = 0;
          if (best_cost >= here)
            continue;
          /* Rebuild the rank with v at best_pos. */
          for (guint i = 0, j = 0; i < n; i++)
            g_array_index (layer, int, i) = (int) i == best_pos ? v : others[j++];
          for (guint i = 0; i < n; i++)
            VN (c, g_array_index (layer, int, i))->pos = (int) i;
          improved = TRUE;
        }
    }
  return improved;
}

/* Moves vnode @v to index @to of its rank. */
static void
move_in_rank (Ctx *c,
              int  v,
              int  to)
{
  GArray *layer = c->layers[VN (c, v)->rank];
  int from = VN (c, v)->pos;

  if (from == to)
    return;
  g_array_remove_index (layer, (guint) from);
  g_array_insert_val (layer, (guint) to, v);
  for (guint i = (guint) MIN (from, to); i <= (guint) MAX (from, to); i++)
    VN (c, g_array_index (layer, int, i))->pos = (int) i;
}

/* Whole long edges at once: a long edge's points are single steps for the
 * other heuristics, which cannot see that moving every one of them to the
 * other side of the chart removes crossings. Tries each long edge at the
 * far left and far right of every rank it passes, keeping what helps. */
static gboolean
sift_chains (Ctx   *c,
             guint *crossings)
{
  gboolean improved = FALSE;

  for (guint e = 0; e < c->m; e++)
    {
      GArray *chain = c->chains[e];
      guint n_dummies = chain->len - 2;
      g_autofree int *old_pos = NULL;

      if (n_dummies < 3)
        continue;
      old_pos = g_new (int, n_dummies);
      for (guint k = 0; k < n_dummies; k++)
        old_pos[k] = VN (c, g_array_index (chain, int, k + 1))->pos;
      /* Far left, far right, one step left, one step right. */
      for (int move = 0; move < 4; move++)
        {
          guint n;
          for (guint k = 0; k < n_dummies; k++)
            {
              int v = g_array_index (chain, int, k + 1), last = (int) c->layers[VN (c, v)->rank]->len - 1;
              int to = move == 0 ? 0 : move == 1 ? last : CLAMP (VN (c, v)->pos + (move == 2 ? -1 : 1), 0, last);
              move_in_rank (c, v, to);
            }
          n = total_crossings (c);
          if (n < *crossings)
            {
              *crossings = n;
              improved = TRUE;
              for (guint k = 0; k < n_dummies; k++)
                old_pos[k] = VN (c, g_array_index (chain, int, k + 1))->pos;
              if (move >= 2)
                move -= 1;  /* keep stepping the same way */
            }
          else
            for (guint k = n_dummies; k-- > 0;)
              move_in_rank (c, g_array_index (chain, int, k + 1), old_pos[k]);
        }
    }
  return improved;
}

static guint
crossings_near (Ctx *c,
                int  r)
{
  guint n = 0;

  for (int g = MAX (0, r - 2); g <= MIN (c->n_ranks - 2, r + 1); g++)
    n += crossings_between (c, g);
  return n;
}

/* Two neighbours swapped together with a re-sort of the ranks above and
 * below them: a step the single-rank heuristics cannot take (two edges
 * that cross just under a decision, fixed only by swapping both the boxes
 * and the points above them). */
static gboolean
swap_and_repair (Ctx *c)
{
  gboolean improved = FALSE;

  for (int r = 0; r < c->n_ranks; r++)
    {
      GArray *layer = c->layers[r];
      for (guint i = 0; i + 1 < layer->len; i++)
        {
          int lo = MAX (0, r - 1), hi = MIN (c->n_ranks - 1, r + 1);
          guint before = crossings_near (c, r), after;
          int *saved[3] = { NULL, NULL, NULL };
          int v = g_array_index (layer, int, i), w = g_array_index (layer, int, i + 1);

          for (int k = lo; k <= hi; k++)
            saved[k - lo] = g_memdup2 (c->layers[k]->data, sizeof (int) * MAX (c->layers[k]->len, 1));
          g_array_index (layer, int, i) = w;
          g_array_index (layer, int, i + 1) = v;
          VN (c, w)->pos = (int) i;
          VN (c, v)->pos = (int) i + 1;
          if (r > 0)
            reorder_rank (c, r - 1, FALSE, FALSE);
          if (r + 1 < c->n_ranks)
            reorder_rank (c, r + 1, TRUE, FALSE);
          after = crossings_near (c, r);
          if (after < before)
            improved = TRUE;
          else
            for (int k = lo; k <= hi; k++)
              {
                memcpy (c->layers[k]->data, saved[k - lo], sizeof (int) * c->layers[k]->len);
                for (guint j = 0; j < c->layers[k]->len; j++)
                  VN (c, g_array_index (c->layers[k], int, j))->pos = (int) j;
              }
          for (int k = 0; k < 3; k++)
            g_free (saved[k]);
        }
    }
  return improved;
}

static int **
save_order (Ctx *c)
{
  int **saved = g_new (int *, c->n_ranks);

  for (int r = 0; r < c->n_ranks; r++)
    saved[r] = g_memdup2 (c->layers[r]->data, sizeof (int) * MAX (c->layers[r]->len, 1));
  return saved;
}

static void
restore_order (Ctx  *c,
               int **saved)
{
  for (int r = 0; r < c->n_ranks; r++)
    memcpy (c->layers[r]->data, saved[r], sizeof (int) * c->layers[r]->len);
  set_positions (c);
}

static void
free_order (Ctx  *c,
            int **saved)
{
  for (int r = 0; r < c->n_ranks; r++)
    g_free (saved[r]);
  g_free (saved);
}

static guint
improve_order (Ctx *c,
               int  max_iter)
{
  int **best = save_order (c);
  guint best_n = total_crossings (c);
  int stall = 0;

  for (int iter = 0; iter < max_iter && best_n > 0 && stall < 8; iter++)
    {
      guint n;
      gboolean reverse = iter % 4 < 2;
      if (iter % 2 == 0)
        for (int r = 1; r < c->n_ranks; r++)
          reorder_rank (c, r, TRUE, reverse);
      else
        for (int r = c->n_ranks - 2; r >= 0; r--)
          reorder_rank (c, r, FALSE, reverse);
      transpose (c, !reverse);
      for (int pass = 0; pass < 8 && sift_ranks (c); pass++)
        transpose (c, FALSE);
      n = total_crossings (c);
      /* Equal counts move the best along a plateau (as dot does). */
      if (n <= best_n)
        {
          free_order (c, best);
          best = save_order (c);
          stall = n < best_n ? 0 : stall + 1;
          best_n = n;
        }
      else
        stall++;
    }
  restore_order (c, best);
  free_order (c, best);
  return best_n;
}

/* Four starts (depth first and breadth first from the top, taking edges
 * in the chart's order and in reverse), each improved briefly; then the
 * best improved at length. */
static void
order_ranks (Ctx *c)
{
  int **best = NULL;
  guint best_n = G_MAXUINT;

  for (int variant = 0; variant < 4 && best_n > 0; variant++)
    {
      guint n;
      initial_order (c, variant);
      transpose (c, FALSE);
      n = improve_order (c, 8);
      if (n < best_n)
        {
          if (best)
            free_order (c, best);
          best = save_order (c);
          best_n = n;
        }
    }
  restore_order (c, best);
  free_order (c, best);
  if (best_n > 0)
    best_n = improve_order (c, MAX_ORDER_ITER);
  for (int round = 0; round < 8 && best_n > 0; round++)
    {
      gboolean chains = sift_chains (c, &best_n);
      gboolean swaps = swap_and_repair (c);
      if (!chains && !swaps)
        break;
      transpose (c, FALSE);
      best_n = total_crossings (c);
    }
}

/* 5. Ports: where each segment leaves or enters a box, in the order of
 * the other ends so that edges do not cross at the box. */

/* How far from the centre ports may go on the top or bottom of a box. */
static double
port_reach (const CairnFlowNodeBox *box)
{
  switch (box->kind)
    {
    case CAIRN_FLOW_NODE_DECISION:
      return box->box.width / 4;
    case CAIRN_FLOW_NODE_START:
    case CAIRN_FLOW_NODE_END:
      return MAX (0, (box->box.width - box->box.height) / 2);
    case CAIRN_FLOW_NODE_STEP:
    default:
      return MAX (0, box->box.width / 2 - 10);
    }
}

/* Widens boxes with many edges on one side so their ports fit. */
static void
widen_for_ports (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      int n_up = c->up_start[i + 1] - c->up_start[i];
      int n_down = c->down_start[i + 1] - c->down_start[i];
      int most = MAX (n_up, n_down);
      CairnFlowNodeBox *box = &c->boxes[i];
      double need = (most - 1) * PORT_MIN / 2, reach = port_reach (box);

      if (most < 2 || reach >= need)
        continue;
      switch (box->kind)
        {
        case CAIRN_FLOW_NODE_DECISION:
          box->box.width = ceil (need * 4);
          break;
        case CAIRN_FLOW_NODE_START:
        case CAIRN_FLOW_NODE_END:
          box->box.width = ceil (2 * need + box->box.height);
          break;
        case CAIRN_FLOW_NODE_STEP:
        default:
          box->box.width = ceil (2 * need + 20);
          break;
        }
      VN (c, i)->left = VN (c, i)->right = box->box.width / 2;
    }
}

static void
assign_ports_side (Ctx     *c,
                   int      v,
                   gboolean top)
{
  int start = top ? c->up_start[v] : c->down_start[v];
  int end = top ? c->up_start[v + 1] : c->down_start[v + 1];
  int *list = top ? c->up_list : c->down_list;
  int n = end - start;
  g_autofree Sortable *items = NULL;
  double spacing;

  if (n == 0)
    return;
  items = g_new (Sortable, n);
  for (int j = 0; j < n; j++)
    {
      Seg *s = SEG (c, list[start + j]);
      VNode *far = VN (c, top ? s->upper : s->lower);
      items[j] = (Sortable) { list[start + j], far->pos + s->edge * 1e-6, j };
    }
  qsort (items, (gsize) n, sizeof (Sortable), compare_sortable);
  spacing = n > 1 ? CLAMP (floor (2 * port_reach (&c->boxes[v]) / (n - 1) / 2) * 2, PORT_MIN, PORT_MAX) : 0;
  for (int j = 0; j < n; j++)
    {
      Seg *s = SEG (c, items[j].v);
      double off = (j - (n - 1) / 2.0) * spacing;
      if (top)
        s->off_lower = off;
      else
        s->off_upper = off;
    }
}

static void
assign_ports (Ctx *c)
{
  for (guint v = 0; v < c->n; v++)
    {
      assign_ports_side (c, (int) v, TRUE);
      assign_ports_side (c, (int) v, FALSE);
    }
}

/* 6. x coordinates: minimise Σ weight × (horizontal length of a segment)²
 * subject to the order and separation in each rank, by block coordinate
 * descent (each rank in turn is an isotonic regression, solved exactly by
 * pooling adjacent violators), then make nearly straight chains straight. */

static double
separation (const VNode *a,
            const VNode *b)
{
  gboolean ra = a->node >= 0, rb = b->node >= 0;
  double gap = (ra && rb) ? NODE_SEP : (ra || rb) ? MIXED_SEP : EDGE_SEP;

  return a->right + b->left + gap;
}

/* dot's x coordinates: network simplex on an auxiliary graph with a node
 * for each segment pulling its two ends together (weight 1 between boxes,
 * 2 between a box and an edge point, 8 between two edge points, so long
 * edges run straight), and an edge between neighbours in a rank holding
 * them their separation apart. The optimum minimises the weighted sum of
 * horizontal segment lengths, measured between the ports the segments
 * use. */
/* A start for the simplex: a few rounds of moving each rank, as a whole,
 * to the least squares fit of its segments' other ends under its
 * separations (an isotonic regression, solved exactly by pooling adjacent
 * violators), then rounded. */
static void
fit_rank (Ctx *c,
          int  r)
{
  GArray *layer = c->layers[r];
  guint n = layer->len, nb = 0, i = 0;
  g_autofree double *target = g_new (double, MAX (n, 1));
  g_autofree double *weight = g_new (double, MAX (n, 1));
  g_autofree double *offset = g_new (double, MAX (n, 1));
  g_autofree double *bw = g_new (double, MAX (n, 1));
  g_autofree double *bsum = g_new (double, MAX (n, 1));
  g_autofree guint *bcount = g_new (guint, MAX (n, 1));

  for (guint k = 0; k < n; k++)
    {
      int v = g_array_index (layer, int, k);
      VNode *vn = VN (c, v);
      double sw = 0, sx = 0;

      for (int j = c->up_start[v]; j < c->up_start[v + 1]; j++)
        {
          Seg *sg = SEG (c, c->up_list[j]);
          sw += sg->weight;
          sx += sg->weight * (VN (c, sg->upper)->x + sg->off_upper - sg->off_lower);
        }
      for (int j = c->down_start[v]; j < c->down_start[v + 1]; j++)
        {
          Seg *sg = SEG (c, c->down_list[j]);
          sw += sg->weight;
          sx += sg->weight * (VN (c, sg->lower)->x + sg->off_lower - sg->off_upper);
        }
      if (sw == 0)
        {
          sw = 0.01;
          sx = 0.01 * vn->x;
        }
      weight[k] = sw;
      offset[k] = k == 0 ? 0 : offset[k - 1] + ceil (separation (VN (c, g_array_index (layer, int, k - 1)), vn) - 1e-9);
      target[k] = sx / sw - offset[k];
    }
  for (guint k = 0; k < n; k++)
    {
      bw[nb] = weight[k];
      bsum[nb] = weight[k] * target[k];
      bcount[nb] = 1;
      nb++;
      while (nb > 1 && bsum[nb - 2] / bw[nb - 2] > bsum[nb - 1] / bw[nb - 1])
        {
          bw[nb - 2] += bw[nb - 1];
          bsum[nb - 2] += bsum[nb - 1];
          bcount[nb - 2] += bcount[nb - 1];
          nb--;
        }
    }
  /* Rounding the block keeps the integer separations. */
  for (guint b = 0; b < nb; b++)
    for (guint k = 0; k < bcount[b]; k++, i++)
      VN (c, g_array_index (layer, int, i))->x = round (bsum[b] / bw[b]) + offset[i];
}

static void
assign_x_simplex (Ctx *c)
{
  guint nv = c->vnodes->len, ns = c->segs->len;
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (NsEdge));
  g_autofree int *value = g_new0 (int, nv + ns);

  for (guint k = 0; k < ns; k++)
    {
      Seg *sg = SEG (c, k);
      int ou = (int) sg->off_upper, ol = (int) sg->off_lower, base = MAX (ou, ol);
      int weight = (int) sg->weight;
      NsEdge a = { (int) (nv + k), sg->upper, base - ou, weight };
      NsEdge b = { (int) (nv + k), sg->lower, base - ol, weight };
      g_array_append_val (edges, a);
      g_array_append_val (edges, b);
    }
  for (int r = 0; r < c->n_ranks; r++)
    for (guint i = 1; i < c->layers[r]->len; i++)
      {
        int a = g_array_index (c->layers[r], int, i - 1), b = g_array_index (c->layers[r], int, i);
        NsEdge e = { a, b, (int) ceil (separation (VN (c, a), VN (c, b)) - 1e-9), 0 };
        g_array_append_val (edges, e);
      }
  for (int r = 0; r < c->n_ranks; r++)
    {
      double x = 0;
      for (guint i = 0; i < c->layers[r]->len; i++)
        {
          VNode *v = VN (c, g_array_index (c->layers[r], int, i));
          if (i > 0)
            x += ceil (separation (VN (c, g_array_index (c->layers[r], int, i - 1)), v) - 1e-9);
          v->x = x;
        }
    }
  for (int round = 0; round < 6; round++)
    {
      if (round % 2 == 0)
        for (int r = 0; r < c->n_ranks; r++)
          fit_rank (c, r);
      else
        for (int r = c->n_ranks - 1; r >= 0; r--)
          fit_rank (c, r);
    }
  for (guint v = 0; v < nv; v++)
    value[v] = (int) VN (c, v)->x;
  for (guint k = 0; k < ns; k++)
    {
      const NsEdge *a = &g_array_index (edges, NsEdge, 2 * k), *b = &g_array_index (edges, NsEdge, 2 * k + 1);
      value[nv + k] = MIN (value[a->h] - a->minlen, value[b->h] - b->minlen);
    }
  network_simplex ((int) (nv + ns), (NsEdge *) edges->data, (int) edges->len, value, TRUE,
                   50 * (int) (nv + ns) + 200);
  for (guint v = 0; v < nv; v++)
    VN (c, v)->x = value[v];
}

static int
find_root (int *parent,
           int  v)
{
  while (parent[v] != v)
    v = parent[v] = parent[parent[v]];
  return v;
}

/* Whether moving every vnode of group @g by @shift keeps each clear of its
 * neighbours in its rank that stay where they are. */
static gboolean
can_shift (Ctx       *c,
           const int *group,
           int        g,
           double     shift)
{
  for (guint v = 0; v < c->vnodes->len; v++)
    {
      VNode *vn = VN (c, v);
      GArray *layer = c->layers[vn->rank];
      if (group[v] != g)
        continue;
      if (vn->pos > 0)
        {
          int a = g_array_index (layer, int, vn->pos - 1);
          if (group[a] != g && vn->x + shift - VN (c, a)->x < separation (VN (c, a), vn) - 1e-6)
            return FALSE;
        }
      if (vn->pos + 1 < (int) layer->len)
        {
          int b = g_array_index (layer, int, vn->pos + 1);
          if (group[b] != g && VN (c, b)->x - vn->x - shift < separation (vn, VN (c, b)) - 1e-6)
            return FALSE;
        }
    }
  return TRUE;
}

/* Removes small jogs the optimum leaves (a few pixels where a box could
 * not quite line up): moves the straight run on one side of the jog into
 * line when its ranks have room. */
static void
snap_jogs (Ctx *c)
{
  guint nv = c->vnodes->len;
  g_autofree int *parent = g_new (int, nv);
  g_autofree int *group = g_new (int, nv);
  g_autofree int *size = g_new (int, nv);

  for (guint round = 0; round < 4 * c->segs->len + 4; round++)
    {
      gboolean moved = FALSE;

      for (guint v = 0; v < nv; v++)
        {
          parent[v] = (int) v;
          size[v] = 0;
        }
      for (guint k = 0; k < c->segs->len; k++)
        {
          Seg *s = SEG (c, k);
          double d = VN (c, s->upper)->x + s->off_upper - VN (c, s->lower)->x - s->off_lower;
          if (fabs (d) < 1e-6)
            parent[find_root (parent, s->upper)] = find_root (parent, s->lower);
        }
      for (guint v = 0; v < nv; v++)
        {
          group[v] = find_root (parent, (int) v);
          size[group[v]]++;
        }
      for (guint k = 0; k < c->segs->len && !moved; k++)
        {
          Seg *s = SEG (c, k);
          double d = VN (c, s->upper)->x + s->off_upper - VN (c, s->lower)->x - s->off_lower;
          int gu = group[s->upper], gl = group[s->lower];
          int first = size[gl] <= size[gu] ? gl : gu, second = first == gl ? gu : gl;
          double shift_first = first == gl ? d : -d;

          if (fabs (d) < 1e-6 || fabs (d) > JOG_MAX || gu == gl)
            continue;
          if (can_shift (c, group, first, shift_first))
            {
              for (guint v = 0; v < nv; v++)
                if (group[v] == first)
                  VN (c, v)->x += shift_first;
              moved = TRUE;
            }
          else if (can_shift (c, group, second, -shift_first))
            {
              for (guint v = 0; v < nv; v++)
                if (group[v] == second)
                  VN (c, v)->x -= shift_first;
              moved = TRUE;
            }
        }
      if (!moved)
        break;
    }
}

static void
assign_x (Ctx *c)
{
  double min = G_MAXDOUBLE, max = -G_MAXDOUBLE;

  assign_x_simplex (c);
  snap_jogs (c);

  for (guint v = 0; v < c->vnodes->len; v++)
    {
      min = MIN (min, VN (c, v)->x - VN (c, v)->left);
      max = MAX (max, VN (c, v)->x + VN (c, v)->right);
    }
  for (guint v = 0; v < c->vnodes->len; v++)
    VN (c, v)->x -= min;
  c->graph_w = max - min;
}

/* 7. y coordinates and channels: each rank is a band as tall as its
 * tallest item; between two bands a channel holds the horizontal parts of
 * the segments, each on a track ordered so verticals cross as few
 * horizontals as possible. */

typedef struct
{
  int seg;
  double xt;
  double xb;
  double lo;
  double hi;
} Horiz;

static gboolean
inside (double x,
        const Horiz *h)
{
  return x > h->lo - 0.5 && x < h->hi + 0.5;
}

static int
assign_tracks (Ctx *c,
               int  r)
{
  GArray *segs = c->gap_segs[r];
  g_autoptr (GArray) hs = g_array_new (FALSE, FALSE, sizeof (Horiz));
  guint n, placed = 0;
  g_autofree int *indeg = NULL;
  g_autofree gboolean *before = NULL;  /* before[a * n + b]: a goes above b */
  g_autofree gboolean *used = NULL;
  g_autofree int *seq = NULL;
  int n_tracks = 0;

  for (guint i = 0; i < segs->len; i++)
    {
      Seg *s = SEG (c, g_array_index (segs, int, i));
      Horiz h;
      h.seg = g_array_index (segs, int, i);
      h.xt = VN (c, s->upper)->x + s->off_upper;
      h.xb = VN (c, s->lower)->x + s->off_lower;
      s->track = -1;
      if (fabs (h.xt - h.xb) < 0.01)
        {
          s->straight = TRUE;
          continue;
        }
      s->straight = FALSE;
      h.lo = MIN (h.xt, h.xb);
      h.hi = MAX (h.xt, h.xb);
      g_array_append_val (hs, h);
    }
  n = hs->len;
  if (n == 0)
    return 0;

  indeg = g_new0 (int, n);
  before = g_new0 (gboolean, n * n);
  used = g_new0 (gboolean, n);
  seq = g_new (int, n);
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        Horiz *A = &g_array_index (hs, Horiz, a), *B = &g_array_index (hs, Horiz, b);
        int a_above = 0, b_above = 0;

        if (A->lo > B->hi + TRACK_SEP || B->lo > A->hi + TRACK_SEP)
          continue;
        /* A above B: A's drop to the bottom and B's rise from the top cross the other's horizontal. */
        a_above += inside (A->xb, B) + inside (B->xt, A);
        b_above += inside (B->xb, A) + inside (A->xt, B);
        if (fabs (A->xt - B->xb) < 1)
          b_above += 10;  /* the two verticals would overlap */
        if (fabs (B->xt - A->xb) < 1)
          a_above += 10;
        if (a_above < b_above)
          before[a * n + b] = TRUE, indeg[b]++;
        else if (b_above < a_above)
          before[b * n + a] = TRUE, indeg[a]++;
      }

  /* Topological order, leftmost first; a cycle is broken at the fewest constraints. */
  while (placed < n)
    {
      int pick = -1;
      for (guint a = 0; a < n; a++)
        if (!used[a] && (pick < 0 || indeg[a] < indeg[pick] ||
                         (indeg[a] == indeg[pick] &&
                          g_array_index (hs, Horiz, a).lo < g_array_index (hs, Horiz, pick).lo)))
          pick = (int) a;
      used[pick] = TRUE;
      seq[placed++] = pick;
      for (guint b = 0; b < n; b++)
        if (before[(guint) pick * n + b])
          indeg[b]--;
    }

  for (guint k = 0; k < n; k++)
    {
      Horiz *A = &g_array_index (hs, Horiz, seq[k]);
      int track = 0;
      for (guint j = 0; j < k; j++)
        {
          Horiz *B = &g_array_index (hs, Horiz, seq[j]);
          if (A->lo > B->hi + TRACK_SEP || B->lo > A->hi + TRACK_SEP)
            continue;
          track = MAX (track, SEG (c, B->seg)->track + 1);
        }
      SEG (c, A->seg)->track = track;
      n_tracks = MAX (n_tracks, track + 1);
    }
  return n_tracks;
}

static void
assign_y (Ctx *c)
{
  double y = 0;

  c->band_top = g_new0 (double, c->n_ranks);
  c->band_h = g_new0 (double, c->n_ranks);
  c->channel_top = g_new0 (double, c->n_ranks);
  c->channel_h = g_new0 (double, c->n_ranks);
  for (guint v = 0; v < c->vnodes->len; v++)
    c->band_h[VN (c, v)->rank] = MAX (c->band_h[VN (c, v)->rank], ceil (VN (c, v)->height));
  for (int r = 0; r < c->n_ranks; r++)
    {
      c->band_top[r] = y;
      y += c->band_h[r];
      if (r + 1 < c->n_ranks)
        {
          int n_tracks = assign_tracks (c, r);
          c->channel_top[r] = y;
          c->channel_h[r] = MAX (MIN_CHANNEL, (n_tracks + 1) * TRACK_SEP);
          y += c->channel_h[r];
        }
    }
  c->graph_h = y;
}

/* Where a vertical line at @x meets the top or bottom of a shape. */
static double
outline_y (const CairnFlowNodeBox *b,
           double                  x,
           gboolean                bottom)
{
  const CairnFlowRect *r = &b->box;
  double cx = r->x + r->width / 2, cy = r->y + r->height / 2;
  double dx = fabs (x - cx), dy;

  switch (b->kind)
    {
    case CAIRN_FLOW_NODE_DECISION:
      dy = r->height / 2 * MAX (0, 1 - dx / (r->width / 2));
      break;
    case CAIRN_FLOW_NODE_START:
    case CAIRN_FLOW_NODE_END:
      {
        double rad = r->height / 2, flat = r->width / 2 - rad;
        if (dx <= flat)
          dy = rad;
        else
          dy = sqrt (MAX (0, rad * rad - (dx - flat) * (dx - flat)));
      }
      break;
    case CAIRN_FLOW_NODE_STEP:
    default:
      dy = r->height / 2;
      break;
    }
  return bottom ? cy + dy : cy - dy;
}

static double
track_y (Ctx *c,
         int  r,
         int  track,
         int  n_tracks)
{
  double used = (n_tracks + 1) * TRACK_SEP;
  return c->channel_top[r] + (c->channel_h[r] - used) / 2 + (track + 1) * TRACK_SEP;
}

static void
push_point (GArray *pts,
            double  x,
            double  y)
{
  CairnFlowPoint p = { x, y };

  if (pts->len > 0)
    {
      CairnFlowPoint *last = &g_array_index (pts, CairnFlowPoint, pts->len - 1);
      if (fabs (last->x - x) < 1e-9 && fabs (last->y - y) < 1e-9)
        return;
      /* Drop the middle of three collinear points. */
      if (pts->len > 1)
        {
          CairnFlowPoint *prev = &g_array_index (pts, CairnFlowPoint, pts->len - 2);
          if ((fabs (prev->x - last->x) < 1e-9 && fabs (last->x - x) < 1e-9) ||
              (fabs (prev->y - last->y) < 1e-9 && fabs (last->y - y) < 1e-9))
            {
              *last = p;
              return;
            }
        }
    }
  g_array_append_val (pts, p);
}

/* 8. Header (title, subtitle, legend) above the graph. */

static double
place_header (Ctx              *c,
              double            width,
              GArray           *legend,
              int              *title,
              int              *subtitle)
{
  g_autofree char *sub = NULL;
  double y = MARGIN, x, row_h = 0;
  static const struct
  {
    CairnFlowLegendKind kind;
    const char *text;
  } items[] = {
    { CAIRN_FLOW_LEGEND_START, N_("Start") },
    { CAIRN_FLOW_LEGEND_STEP, N_("Step") },
    { CAIRN_FLOW_LEGEND_DECISION, N_("Decision") },
    { CAIRN_FLOW_LEGEND_END, N_("End") },
    { CAIRN_FLOW_LEGEND_BACK_EDGE, N_("Returns to an earlier stage") },
    { CAIRN_FLOW_LEGEND_PASSED, N_("Passed") },
    { CAIRN_FLOW_LEGEND_CURRENT, N_("Current stage") },
    { CAIRN_FLOW_LEGEND_DUE, N_("Next deadline: date and working days left") },
    { CAIRN_FLOW_LEGEND_LATE, N_("Late: how many working days") },
  };

  *title = add_text (c, CAIRN_FLOW_TEXT_TITLE, cairn_flowchart_get_title (c->chart), width, -1, -1);
  TEXT (c, *title)->rect.x = MARGIN;
  TEXT (c, *title)->rect.y = y;
  y += TEXT (c, *title)->rect.height + 4;

  if (c->kase)
    {
      const GDate *today = cairn_flow_case_get_today (c->kase);
      g_autofree char *date = cairn_date_to_display (today);
      sub = cairn_date_is_set (today)
              ? g_strdup_printf (_("%s, as of %s"), cairn_flow_case_get_title (c->kase), date)
              : g_strdup (cairn_flow_case_get_title (c->kase));
    }
  else
    sub = g_strdup (_("Reference map: the process without a case"));
  *subtitle = add_text (c, CAIRN_FLOW_TEXT_SUBTITLE, sub, width, -1, -1);
  TEXT (c, *subtitle)->rect.x = MARGIN;
  TEXT (c, *subtitle)->rect.y = y;
  y += TEXT (c, *subtitle)->rect.height + 12;

  x = MARGIN;
  for (gsize i = 0; i < G_N_ELEMENTS (items); i++)
    {
      CairnFlowLegendItem item;
      CairnFlowText *t;
      double w;

      if (items[i].kind >= CAIRN_FLOW_LEGEND_PASSED && c->kase == NULL)
        continue;
      if (items[i].kind == CAIRN_FLOW_LEGEND_BACK_EDGE && c->n_reversed == 0)
        continue;
      item.kind = items[i].kind;
      item.text = add_text (c, CAIRN_FLOW_TEXT_LEGEND, _(items[i].text), 0, -1, -1);
      t = TEXT (c, item.text);
      w = LEGEND_SWATCH_W + 6 + t->rect.width;
      if (x > MARGIN && x + w > MARGIN + width)
        {
          x = MARGIN;
          y += row_h + 8;
          row_h = 0;
        }
      row_h = MAX (row_h, MAX (LEGEND_SWATCH_H, t->rect.height));
      item.swatch = (CairnFlowRect) { x, y, LEGEND_SWATCH_W, LEGEND_SWATCH_H };
      t->rect.x = x + LEGEND_SWATCH_W + 6;
      t->rect.y = y + (LEGEND_SWATCH_H - t->rect.height) / 2;
      g_array_append_val (legend, item);
      x += w + 22;
    }
  /* Centre each swatch and text on its row. */
  y += row_h;
  return y + 22;
}

static void
ctx_clear (Ctx *c)
{
  if (c->chains)
    for (guint e = 0; e < c->m; e++)
      if (c->chains[e])
        g_array_unref (c->chains[e]);
  if (c->layers)
    for (int r = 0; r < c->n_ranks; r++)
      {
        g_array_unref (c->layers[r]);
        g_array_unref (c->gap_segs[r]);
      }
  g_free (c->chains);
  g_free (c->layers);
  g_free (c->gap_segs);
  g_free (c->label_text);
  g_free (c->time_text);
  g_free (c->label_w);
  g_free (c->label_h);
  g_free (c->text_w);
  g_free (c->text_h);
  g_free (c->rev);
  g_free (c->rank);
  g_free (c->up_start);
  g_free (c->up_list);
  g_free (c->down_start);
  g_free (c->down_list);
  g_free (c->up_nb);
  g_free (c->down_nb);
  g_free (c->band_top);
  g_free (c->band_h);
  g_free (c->channel_top);
  g_free (c->channel_h);
  if (c->vnodes)
    g_array_unref (c->vnodes);
  if (c->segs)
    g_array_unref (c->segs);
}

typedef struct
{
  CairnFlowLayout layout;
  gint ref_count;
} LayoutPrivate;

G_DEFINE_BOXED_TYPE (CairnFlowLayout, cairn_flow_layout, cairn_flow_layout_ref, cairn_flow_layout_unref)

CairnFlowLayout *
cairn_flow_layout_ref (CairnFlowLayout *layout)
{
  g_atomic_int_inc (&((LayoutPrivate *) layout)->ref_count);
  return layout;
}

void
cairn_flow_layout_unref (CairnFlowLayout *layout)
{
  LayoutPrivate *priv = (LayoutPrivate *) layout;

  if (!g_atomic_int_dec_and_test (&priv->ref_count))
    return;
  for (guint i = 0; i < layout->n_texts; i++)
    g_free (layout->texts[i].text);
  for (guint i = 0; i < layout->n_routes; i++)
    g_free (layout->routes[i].points);
  g_free (layout->texts);
  g_free (layout->routes);
  g_free (layout->nodes);
  g_free (layout->legend);
  g_free (priv);
}

/**
 * cairn_flow_layout_compute:
 * @kase: (nullable): a case whose state to show, or %NULL for the reference map
 * @measure: measures text as it will be drawn
 *
 * Lays out @chart. Deterministic: the same chart, case and measurements
 * give the same coordinates.
 *
 * Returns: (transfer full): the layout
 */
CairnFlowLayout *
cairn_flow_layout_compute (CairnFlowchart       *chart,
                           CairnFlowCase        *kase,
                           CairnFlowMeasureFunc  measure,
                           gpointer              user_data)
{
  LayoutPrivate *priv = g_new0 (LayoutPrivate, 1);
  CairnFlowLayout *out = &priv->layout;
  g_autoptr (GArray) legend = g_array_new (FALSE, FALSE, sizeof (CairnFlowLegendItem));
  Ctx c = { 0 };
  double top;

  g_return_val_if_fail (CAIRN_IS_FLOWCHART (chart), NULL);
  g_return_val_if_fail (kase == NULL || CAIRN_IS_FLOW_CASE (kase), NULL);
  g_return_val_if_fail (measure != NULL, NULL);

  priv->ref_count = 1;
  c.chart = chart;
  c.kase = kase;
  c.measure = measure;
  c.measure_data = user_data;
  c.n = cairn_flowchart_get_n_nodes (chart);
  c.m = cairn_flowchart_get_n_edges (chart);
  c.texts = g_array_new (FALSE, TRUE, sizeof (CairnFlowText));
  c.boxes = g_new0 (CairnFlowNodeBox, MAX (c.n, 1));
  c.label_text = g_new (int, MAX (c.m, 1));
  c.time_text = g_new (int, MAX (c.m, 1));
  c.label_w = g_new0 (double, MAX (c.m, 1));
  c.label_h = g_new0 (double, MAX (c.m, 1));
  c.text_w = g_new0 (double, MAX (c.n, 1));
  c.text_h = g_new0 (double, MAX (c.n, 1));
  c.rev = g_new0 (gboolean, MAX (c.m, 1));
  c.rank = g_new0 (int, MAX (c.n, 1));
  c.vnodes = g_array_new (FALSE, TRUE, sizeof (VNode));
  c.segs = g_array_new (FALSE, TRUE, sizeof (Seg));
  c.chains = g_new0 (GArray *, MAX (c.m, 1));

  measure_all (&c);
  break_cycles (&c);
  assign_ranks (&c);
  build_layers (&c);
  widen_for_ports (&c);
  order_ranks (&c);
  assign_ports (&c);
  assign_x (&c);
  assign_y (&c);

  out->title = -1;
  top = place_header (&c, MAX (c.graph_w, LEGEND_MIN_WIDTH), legend, &out->title, &out->subtitle);

  /* Boxes and their texts. */
  for (guint i = 0; i < c.n; i++)
    {
      CairnFlowNodeBox *b = &c.boxes[i];
      VNode *v = VN (&c, i);
      double ty;

      b->rank = v->rank;
      b->box.x = MARGIN + v->x - b->box.width / 2;
      b->box.y = top + c.band_top[v->rank] + (c.band_h[v->rank] - b->box.height) / 2;
      ty = b->box.y + (b->box.height - c.text_h[i]) / 2;
      TEXT (&c, b->label)->rect.x = b->box.x + (b->box.width - TEXT (&c, b->label)->rect.width) / 2;
      TEXT (&c, b->label)->rect.y = ty;
      if (b->status >= 0)
        {
          CairnFlowText *s = TEXT (&c, b->status);
          s->rect.x = b->box.x + (b->box.width - s->rect.width) / 2;
          s->rect.y = ty + TEXT (&c, b->label)->rect.height + STATUS_GAP;
        }
    }

  /* Routes and edge labels. */
  out->routes = g_new0 (CairnFlowRoute, MAX (c.m, 1));
  for (guint e = 0; e < c.m; e++)
    {
      CairnFlowRoute *route = &out->routes[e];
      GArray *chain = c.chains[e];
      g_autoptr (GArray) pts = g_array_new (FALSE, FALSE, sizeof (CairnFlowPoint));
      int u = g_array_index (chain, int, 0);
      int seg_index = -1;

      route->back = c.rev[e];
      route->condition = c.label_text[e];
      route->timescale = c.time_text[e];

      for (guint k = 0; k + 1 < chain->len; k++)
        {
          int a = g_array_index (chain, int, k), b = g_array_index (chain, int, k + 1);
          VNode *va = VN (&c, a), *vb = VN (&c, b);
          Seg *s = NULL;
          double xt, xb;
          int r = va->rank;

          /* The segment of this edge between a and b. */
          for (int j = c.down_start[a]; j < c.down_start[a + 1]; j++)
            if (SEG (&c, c.down_list[j])->lower == b && SEG (&c, c.down_list[j])->edge == (int) e)
              seg_index = c.down_list[j];
          s = SEG (&c, seg_index);
          xt = MARGIN + va->x + s->off_upper;
          xb = MARGIN + vb->x + s->off_lower;
          if (k == 0)
            push_point (pts, xt, outline_y (&c.boxes[u], xt, TRUE));
          else
            push_point (pts, xt, top + c.band_top[r]);
          push_point (pts, xt, top + c.channel_top[r]);
          if (!s->straight)
            {
              int n_tracks = 0;
              for (guint j = 0; j < c.gap_segs[r]->len; j++)
                n_tracks = MAX (n_tracks, SEG (&c, g_array_index (c.gap_segs[r], int, j))->track + 1);
              push_point (pts, xt, top + track_y (&c, r, s->track, n_tracks));
              push_point (pts, xb, top + track_y (&c, r, s->track, n_tracks));
            }
          push_point (pts, xb, top + c.band_top[r + 1]);
          if (k + 1 == chain->len - 1)
            push_point (pts, xb, outline_y (&c.boxes[b], xb, FALSE));
          else
            {
              push_point (pts, xb, top + c.band_top[r + 1] + c.band_h[r + 1]);
              if (vb->label)
                {
                  double x = MARGIN + vb->x + LABEL_GAP;
                  double y = top + c.band_top[r + 1] + (c.band_h[r + 1] - c.label_h[e]) / 2;
                  route->label = (CairnFlowRect) { x, y, c.label_w[e], c.label_h[e] };
                  if (route->condition >= 0)
                    {
                      TEXT (&c, route->condition)->rect.x = x;
                      TEXT (&c, route->condition)->rect.y = y;
                      y += TEXT (&c, route->condition)->rect.height + TEXT_GAP;
                    }
                  if (route->timescale >= 0)
                    {
                      TEXT (&c, route->timescale)->rect.x = x;
                      TEXT (&c, route->timescale)->rect.y = y;
                    }
                }
            }
        }
      if (route->back)
        for (guint i = 0; i < pts->len / 2; i++)
          {
            CairnFlowPoint t = g_array_index (pts, CairnFlowPoint, i);
            g_array_index (pts, CairnFlowPoint, i) = g_array_index (pts, CairnFlowPoint, pts->len - 1 - i);
            g_array_index (pts, CairnFlowPoint, pts->len - 1 - i) = t;
          }
      route->n_points = pts->len;
      route->points = (CairnFlowPoint *) g_array_free (g_steal_pointer (&pts), FALSE);
    }

  out->width = ceil (2 * MARGIN + MAX (c.graph_w, LEGEND_MIN_WIDTH));
  for (guint i = 0; i < c.texts->len; i++)
    out->width = MAX (out->width, ceil (TEXT (&c, i)->rect.x + TEXT (&c, i)->rect.width + MARGIN));
  out->height = ceil (top + c.graph_h + MARGIN);
  out->n_nodes = c.n;
  out->nodes = g_steal_pointer (&c.boxes);
  out->n_routes = c.m;
  out->n_texts = c.texts->len;
  out->texts = (CairnFlowText *) g_array_free (g_steal_pointer (&c.texts), FALSE);
  out->n_legend = legend->len;
  out->legend = (CairnFlowLegendItem *) g_array_free (g_steal_pointer (&legend), FALSE);
  out->has_case = kase != NULL;
  out->n_ranks = (guint) c.n_ranks;
  out->n_reversed = c.n_reversed;
  ctx_clear (&c);
  return out;
}

gboolean
cairn_flow_shape_contains (CairnFlowNodeKind    kind,
                           const CairnFlowRect *box,
                           double               x,
                           double               y)
{
  double cx = box->x + box->width / 2, cy = box->y + box->height / 2;
  double dx = fabs (x - cx), dy = fabs (y - cy);

  if (dx > box->width / 2 || dy > box->height / 2)
    return FALSE;
  switch (kind)
    {
    case CAIRN_FLOW_NODE_DECISION:
      return dx / (box->width / 2) + dy / (box->height / 2) <= 1;
    case CAIRN_FLOW_NODE_START:
    case CAIRN_FLOW_NODE_END:
      {
        double rad = box->height / 2, flat = box->width / 2 - rad;
        return dx <= flat || (dx - flat) * (dx - flat) + dy * dy <= rad * rad;
      }
    case CAIRN_FLOW_NODE_STEP:
    default:
      return TRUE;
    }
}

/**
 * cairn_flow_layout_node_at:
 *
 * Returns: the node whose shape holds (@x, @y), or -1
 */
int
cairn_flow_layout_node_at (const CairnFlowLayout *layout,
                           double                 x,
                           double                 y)
{
  for (guint i = 0; i < layout->n_nodes; i++)
    if (cairn_flow_shape_contains (layout->nodes[i].kind, &layout->nodes[i].box, x, y))
      return (int) i;
  return -1;
}

static int
compare_reading (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const CairnFlowLayout *layout = data;
  const CairnFlowNodeBox *x = &layout->nodes[*(const guint *) a];
  const CairnFlowNodeBox *y = &layout->nodes[*(const guint *) b];

  if (x->rank != y->rank)
    return x->rank - y->rank;
  if (x->box.x != y->box.x)
    return x->box.x < y->box.x ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

/**
 * cairn_flow_layout_reading_order:
 *
 * The nodes in reading order: rank by rank from the top, left to right in
 * each rank (the order keyboard focus follows).
 *
 * Returns: (transfer full) (array length=layout->n_nodes): node indices
 */
guint *
cairn_flow_layout_reading_order (const CairnFlowLayout *layout)
{
  guint *order = g_new (guint, MAX (layout->n_nodes, 1));

  for (guint i = 0; i < layout->n_nodes; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) layout->n_nodes, sizeof (guint), compare_reading, (gpointer) layout);
  return order;
}

static gboolean
segments_cross (const CairnFlowPoint *a,
                const CairnFlowPoint *b,
                const CairnFlowPoint *c,
                const CairnFlowPoint *d,
                CairnFlowPoint       *at)
{
  double rx = b->x - a->x, ry = b->y - a->y, sx = d->x - c->x, sy = d->y - c->y;
  double den = rx * sy - ry * sx, t, u;

  if (fabs (den) < 1e-12)
    return FALSE;  /* parallel: overlapping collinear runs are not crossings */
  t = ((c->x - a->x) * sy - (c->y - a->y) * sx) / den;
  u = ((c->x - a->x) * ry - (c->y - a->y) * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1)
    return FALSE;
  at->x = a->x + t * rx;
  at->y = a->y + t * ry;
  return TRUE;
}

static gboolean
near_end (const CairnFlowPoint *line,
          guint                 n,
          const CairnFlowPoint *p)
{
  return hypot (line[0].x - p->x, line[0].y - p->y) < 2 || hypot (line[n - 1].x - p->x, line[n - 1].y - p->y) < 2;
}

/**
 * cairn_flow_count_crossings:
 * @lines: (array length=n_lines): polylines
 * @n_points: (array length=n_lines): their lengths
 *
 * Counts the points where two different polylines cross. Points where
 * both touch an end of theirs (edges meeting at a node) do not count, and
 * touching points closer than 2 units count once.
 */
guint
cairn_flow_count_crossings (const CairnFlowPoint * const *lines,
                            const guint                  *n_points,
                            guint                         n_lines)
{
  guint count = 0;

  for (guint i = 0; i < n_lines; i++)
    for (guint j = i + 1; j < n_lines; j++)
      {
        g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (CairnFlowPoint));
        for (guint a = 0; a + 1 < n_points[i]; a++)
          for (guint b = 0; b + 1 < n_points[j]; b++)
            {
              CairnFlowPoint at;
              gboolean dup = FALSE;
              if (!segments_cross (&lines[i][a], &lines[i][a + 1], &lines[j][b], &lines[j][b + 1], &at))
                continue;
              if (near_end (lines[i], n_points[i], &at) && near_end (lines[j], n_points[j], &at))
                continue;
              for (guint k = 0; k < seen->len && !dup; k++)
                dup = hypot (g_array_index (seen, CairnFlowPoint, k).x - at.x,
                             g_array_index (seen, CairnFlowPoint, k).y - at.y) < 2;
              if (dup)
                continue;
              g_array_append_val (seen, at);
              count++;
            }
      }
  return count;
}

guint
cairn_flow_layout_count_crossings (const CairnFlowLayout *layout)
{
  g_autofree const CairnFlowPoint **lines = g_new (const CairnFlowPoint *, MAX (layout->n_routes, 1));
  g_autofree guint *n = g_new (guint, MAX (layout->n_routes, 1));

  for (guint i = 0; i < layout->n_routes; i++)
    {
      lines[i] = layout->routes[i].points;
      n[i] = layout->routes[i].n_points;
    }
  return cairn_flow_count_crossings (lines, n, layout->n_routes);
}
