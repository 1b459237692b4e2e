/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <poppler.h>
#include <string.h>

#include "cairn-audit-store.h"
#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-flowchart-edition.h"
#include "cairn-flowchart-layout.h"
#include "cairn-flowchart-render.h"
#include "cairn-test-flowchart.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"

/* poppler-glib 22.12 has no g_autoptr for its types. */
typedef PopplerDocument CairnTestPopplerDocument;
typedef PopplerPage CairnTestPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnTestPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnTestPopplerPage, g_object_unref)

/* Geometry checks: what a reader would notice. */

static gboolean
interiors_overlap (const CairnFlowRect *a,
                   const CairnFlowRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
         b->y < a->y + a->height && a->width > 0 && a->height > 0 && b->width > 0 && b->height > 0;
}

/* Does the segment pass through the rectangle's interior (shrunk by @inset)? */
static gboolean
segment_hits_rect (const CairnFlowPoint *a,
                   const CairnFlowPoint *b,
                   const CairnFlowRect  *r,
                   double                inset)
{
  double x0 = r->x + inset, y0 = r->y + inset, x1 = r->x + r->width - inset, y1 = r->y + r->height - inset;
  double t0 = 0, t1 = 1, dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy }, q[4] = { a->x - x0, x1 - a->x, a->y - y0, y1 - a->y };

  if (x1 <= x0 || y1 <= y0)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      double t;
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }
  return t1 - t0 > 1e-9;
}

/* Does the segment enter the node's shape (not merely touch its outline)? */
static gboolean
segment_enters_shape (const CairnFlowPoint   *a,
                      const CairnFlowPoint   *b,
                      const CairnFlowNodeBox *node)
{
  CairnFlowRect inner = { node->box.x + 1, node->box.y + 1, node->box.width - 2, node->box.height - 2 };
  double len = hypot (b->x - a->x, b->y - a->y);
  int steps = MAX (2, (int) (len * 2));

  for (int i = 0; i <= steps; i++)
    {
      double t = (double) i / steps;
      if (cairn_flow_shape_contains (node->kind, &inner, a->x + t * (b->x - a->x), a->y + t * (b->y - a->y)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
on_outline (const CairnFlowNodeBox *node,
            const CairnFlowPoint   *p)
{
  CairnFlowRect outer = { node->box.x - 1, node->box.y - 1, node->box.width + 2, node->box.height + 2 };
  CairnFlowRect inner = { node->box.x + 1, node->box.y + 1, node->box.width - 2, node->box.height - 2 };

  return cairn_flow_shape_contains (node->kind, &outer, p->x, p->y) &&
         !cairn_flow_shape_contains (node->kind, &inner, p->x, p->y);
}

static const char *
describe_text (const CairnFlowLayout *l,
               guint                  i)
{
  return l->texts[i].text;
}

/* Every property the issue asks of a layout, asserted. */
static void
check_layout (CairnFlowchart        *chart,
              CairnFlowPainter      *painter,
              const CairnFlowLayout *l)
{
  g_assert_cmpuint (l->n_nodes, ==, cairn_flowchart_get_n_nodes (chart));
  g_assert_cmpuint (l->n_routes, ==, cairn_flowchart_get_n_edges (chart));

  /* No two boxes overlap; every box inside the page. */
  for (guint i = 0; i < l->n_nodes; i++)
    {
      const CairnFlowRect *a = &l->nodes[i].box;
      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, l->width);
      g_assert_cmpfloat (a->y + a->height, <=, l->height);
      for (guint j = i + 1; j < l->n_nodes; j++)
        if (interiors_overlap (a, &l->nodes[j].box))
          g_error ("boxes of %s and %s overlap", cairn_flowchart_get_node (chart, i)->id,
                   cairn_flowchart_get_node (chart, j)->id);
    }

  for (guint e = 0; e < l->n_routes; e++)
    {
      const CairnFlowRoute *r = &l->routes[e];
      const CairnFlowEdge *edge = cairn_flowchart_get_edge (chart, e);

      g_assert_cmpuint (r->n_points, >=, 2);
      /* From the source's outline to the target's. */
      if (!on_outline (&l->nodes[edge->from], &r->points[0]))
        g_error ("edge %u does not start on the outline of %s", e, cairn_flowchart_get_node (chart, edge->from)->id);
      if (!on_outline (&l->nodes[edge->to], &r->points[r->n_points - 1]))
        g_error ("edge %u does not end on the outline of %s", e, cairn_flowchart_get_node (chart, edge->to)->id);
      for (guint k = 0; k + 1 < r->n_points; k++)
        {
          const CairnFlowPoint *a = &r->points[k], *b = &r->points[k + 1];

          /* Orthogonal. */
          g_assert_true (fabs (a->x - b->x) < 1e-6 || fabs (a->y - b->y) < 1e-6);
          for (guint n = 0; n < l->n_nodes; n++)
            {
              gboolean own = n == edge->from || n == edge->to;
              if (own ? segment_enters_shape (a, b, &l->nodes[n]) : segment_hits_rect (a, b, &l->nodes[n].box, 0))
                g_error ("edge %s → %s crosses the box of %s", cairn_flowchart_get_node (chart, edge->from)->id,
                         cairn_flowchart_get_node (chart, edge->to)->id, cairn_flowchart_get_node (chart, n)->id);
            }
          /* No text sits on an edge. */
          for (guint t = 0; t < l->n_texts; t++)
            if (segment_hits_rect (a, b, &l->texts[t].rect, 0))
              g_error ("edge %u runs through the text \"%s\"", e, describe_text (l, t));
        }
      g_assert_true ((r->condition < 0 && r->timescale < 0) || r->label.width > 0);
    }

  for (guint t = 0; t < l->n_texts; t++)
    {
      const CairnFlowText *text = &l->texts[t];

      /* The ink of the text stays in the rectangle it was measured for. */
      if (!cairn_flow_painter_ink_fits (painter, l, t, 0.01))
        g_error ("the text \"%s\" is drawn outside its rectangle", text->text);
      g_assert_cmpfloat (text->rect.x + text->rect.width, <=, l->width);
      g_assert_cmpfloat (text->rect.y + text->rect.height, <=, l->height);

      if (text->node >= 0)
        {
          /* Inside its own shape, so never clipped by it. */
          const CairnFlowNodeBox *b = &l->nodes[text->node];
          double xs[2] = { text->rect.x, text->rect.x + text->rect.width };
          double ys[2] = { text->rect.y, text->rect.y + text->rect.height };
          for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
              if (!cairn_flow_shape_contains (b->kind, &b->box, xs[i], ys[j]))
                g_error ("the label \"%s\" does not fit its shape", text->text);
        }
      /* Never over another box. */
      for (guint n = 0; n < l->n_nodes; n++)
        if ((int) n != text->node && interiors_overlap (&text->rect, &l->nodes[n].box))
          g_error ("the text \"%s\" overlaps the box of %s", text->text, cairn_flowchart_get_node (chart, n)->id);
      /* Never over another text. */
      for (guint u = t + 1; u < l->n_texts; u++)
        if (interiors_overlap (&text->rect, &l->texts[u].rect))
          g_error ("the texts \"%s\" and \"%s\" overlap", text->text, l->texts[u].text);
      /* Nor over the legend's swatches. */
      for (guint k = 0; k < l->n_legend; k++)
        g_assert_false (interiors_overlap (&text->rect, &l->legend[k].swatch));
    }
  for (guint k = 0; k < l->n_legend; k++)
    for (guint n = 0; n < l->n_nodes; n++)
      g_assert_false (interiors_overlap (&l->legend[k].swatch, &l->nodes[n].box));
}

static void
assert_same_layout (const CairnFlowLayout *a,
                    const CairnFlowLayout *b)
{
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
  g_assert_cmpuint (a->n_nodes, ==, b->n_nodes);
  for (guint i = 0; i < a->n_nodes; i++)
    g_assert_true (memcmp (&a->nodes[i].box, &b->nodes[i].box, sizeof (CairnFlowRect)) == 0);
  for (guint i = 0; i < a->n_routes; i++)
    {
      g_assert_cmpuint (a->routes[i].n_points, ==, b->routes[i].n_points);
      g_assert_true (memcmp (a->routes[i].points, b->routes[i].points,
                             sizeof (CairnFlowPoint) * a->routes[i].n_points) == 0);
    }
  g_assert_cmpuint (a->n_texts, ==, b->n_texts);
  for (guint i = 0; i < a->n_texts; i++)
    g_assert_true (memcmp (&a->texts[i].rect, &b->texts[i].rect, sizeof (CairnFlowRect)) == 0);
}

/* Random graphs: back edges, parallel edges, long labels and long words. */

static const char *words[] = {
  "referral", "assessment", "strategy", "discussion", "conference", "child", "protection", "plan",
  "core", "group", "review", "within", "working", "days", "of", "the", "significant", "harm",
  "agency", "police", "health", "école", "Größe", "Ŵyneb", "Ελλάδα", "Москва", "s47", "CIN",
  "multi-agency-safeguarding-hub-notification-received", "Supercalifragilisticexpialidocious",
  "≤ 10 WD", "(GR 3.31)", "&", "<b>not markup</b>", "\"quoted\"",
};

static char *
random_text (GRand *rand,
             int    min_words,
             int    max_words)
{
  int n = g_rand_int_range (rand, min_words, max_words + 1);
  GString *out = g_string_new (NULL);

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (out, FALSE);
}

static CairnFlowchart *
random_chart (guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *title = g_strdup_printf ("Random pathway %u", seed);
  CairnFlowchart *chart = cairn_flowchart_new (title);
  int n = g_rand_int_range (rand, 3, 31);
  int m;

  for (int i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("R%02d", i);
      g_autofree char *label = random_text (rand, 1, 22);
      g_autofree char *guidance = random_text (rand, 0, 30);
      CairnFlowNodeKind kind = i == 0 ? CAIRN_FLOW_NODE_START : (CairnFlowNodeKind) g_rand_int_range (rand, 0, 4);
      g_assert_true (cairn_flowchart_add_node (chart, id, label, kind, guidance, "test", NULL));
    }
  /* A spine so most of it hangs together, then forward, back and parallel edges. */
  for (int i = 1; i < n; i++)
    {
      g_autofree char *from = g_strdup_printf ("R%02d", g_rand_int_range (rand, 0, i));
      g_autofree char *to = g_strdup_printf ("R%02d", i);
      g_autofree char *cond = g_rand_boolean (rand) ? random_text (rand, 1, 14) : NULL;
      g_autofree char *time = g_rand_int_range (rand, 0, 3) == 0 ? random_text (rand, 1, 12) : NULL;
      g_assert_true (cairn_flowchart_add_edge (chart, from, to, cond, time, NULL));
    }
  m = g_rand_int_range (rand, 0, n + 1);
  for (int k = 0; k < m; k++)
    {
      int a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);
      g_autofree char *from = g_strdup_printf ("R%02d", a);
      g_autofree char *to = g_strdup_printf ("R%02d", b);
      g_autofree char *cond = g_rand_boolean (rand) ? random_text (rand, 1, 10) : NULL;
      if (a == b)
        continue;
      g_assert_true (cairn_flowchart_add_edge (chart, from, to, cond, NULL, NULL));
      if (g_rand_int_range (rand, 0, 6) == 0)  /* the same two nodes, another condition */
        g_assert_true (cairn_flowchart_add_edge (chart, from, to, "another condition", NULL, NULL));
    }
  return chart;
}

static CairnFlowCase *
random_case (CairnFlowchart *chart,
             guint32         seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed * 7 + 1);
  GDate today;
  CairnFlowCase *kase;

  cairn_date_set_ymd (&today, 2012, 6, 1);
  kase = cairn_flow_case_new ("Case C-000001/1", &today);
  for (guint i = 0; i < cairn_flowchart_get_n_nodes (chart); i++)
    {
      CairnFlowNodeState state = { 0 };
      state.progress = (CairnFlowProgress) g_rand_int_range (rand, 0, 3);
      state.deadline = (CairnFlowDeadline) g_rand_int_range (rand, 0, 3);
      cairn_date_set_ymd (&state.due, 2012, 5, g_rand_int_range (rand, 1, 29));
      state.working_days = g_rand_int_range (rand, 1, 40);
      state.done = g_rand_boolean (rand);
      g_assert_true (cairn_flow_case_set_state (kase, cairn_flowchart_get_node (chart, i)->id, &state, NULL));
    }
  return kase;
}

static void
test_flowchart_random (void)
{
  g_autoptr (CairnFlowPainter) painter = cairn_flow_painter_new ();
  guint total_back = 0;

  for (guint32 seed = 1; seed <= 50; seed++)
    {
      g_autoptr (CairnFlowchart) chart = random_chart (seed);
      g_autoptr (CairnFlowCase) kase = seed % 2 ? random_case (chart, seed) : NULL;
      g_autoptr (CairnFlowLayout) layout = cairn_flow_painter_layout (painter, chart, kase);
      g_autoptr (CairnFlowPainter) fresh = cairn_flow_painter_new ();
      g_autoptr (CairnFlowLayout) again = cairn_flow_painter_layout (fresh, chart, kase);

      g_test_message ("seed %u: %u nodes, %u edges, %u back", seed, layout->n_nodes, layout->n_routes,
                      layout->n_reversed);
      check_layout (chart, painter, layout);
      /* The same input gives the same coordinates, with a fresh painter too. */
      assert_same_layout (layout, again);
      total_back += layout->n_reversed;
    }
  /* The generator did make loops. */
  g_assert_cmpuint (total_back, >, 20);
}

static void
test_flowchart_grouped_edges (void)
{
  g_autoptr (CairnFlowchart) chart = cairn_flowchart_new ("Groups");
  g_autoptr (GError) error = NULL;
  const char *ids[] = { "N06", "N09", "N13", "N16", "N17", "N21", "N26", "N28", "N32", "N34" };

  for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (cairn_flowchart_add_node (chart, ids[i], ids[i], CAIRN_FLOW_NODE_STEP, NULL, NULL, NULL));

  g_assert_cmpint (cairn_flowchart_add_edges (chart, "N13 / N16 / N26 → N34", "legal threshold met", "parallel track",
                                              &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (cairn_flowchart_add_edges (chart, "(N06, N09, N17, N21, N28) → N32", "professional disagreement",
                                              NULL, &error), ==, 5);
  g_assert_no_error (error);
  g_assert_cmpint (cairn_flowchart_add_edges (chart, "N06 -> N09", NULL, NULL, &error), ==, 1);
  g_assert_cmpuint (cairn_flowchart_get_n_edges (chart), ==, 9);
  /* In the order written, each with the shared condition. */
  g_assert_cmpstr (cairn_flowchart_get_node (chart, cairn_flowchart_get_edge (chart, 1)->from)->id, ==, "N16");
  g_assert_cmpstr (cairn_flowchart_get_node (chart, cairn_flowchart_get_edge (chart, 7)->from)->id, ==, "N28");
  g_assert_cmpstr (cairn_flowchart_get_edge (chart, 7)->condition, ==, "professional disagreement");
  g_assert_cmpstr (cairn_flowchart_get_edge (chart, 2)->timescale, ==, "parallel track");

  /* Refused groups add nothing and say why. */
  g_assert_cmpint (cairn_flowchart_add_edges (chart, "(N06, N09, …) → N32", NULL, NULL, &error), ==, -1);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name every node"));
  g_clear_error (&error);
  g_assert_cmpint (cairn_flowchart_add_edges (chart, "N06 / N99 → N32", NULL, NULL, &error), ==, -1);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "From: \"N99\" is not a node of the chart");
  g_clear_error (&error);
  g_assert_cmpint (cairn_flowchart_add_edges (chart, "N06 N32", NULL, NULL, &error), ==, -1);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cairn_flowchart_add_edges (chart, "N32 → N32", NULL, NULL, &error), ==, -1);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (cairn_flowchart_get_n_edges (chart), ==, 9);

  /* Ids that would break the grouped form are refused; so are duplicates and empty labels. */
  g_assert_false (cairn_flowchart_add_node (chart, "N 1", "x", CAIRN_FLOW_NODE_STEP, NULL, NULL, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cairn_flowchart_add_node (chart, "N06", "again", CAIRN_FLOW_NODE_STEP, NULL, NULL, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (cairn_flowchart_add_node (chart, "N40", "  ", CAIRN_FLOW_NODE_STEP, NULL, NULL, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Label: node N40 has no label");
}

static void
test_flowchart_case_words (void)
{
  g_autoptr (CairnFlowCase) kase = cairn_test_wt2010_case ();
  g_autoptr (GError) error = NULL;
  g_autofree char *late = cairn_flow_case_describe (kase, "N16");
  g_autofree char *done_late = cairn_flow_case_describe (kase, "N08");
  g_autofree char *due = cairn_flow_case_describe (kase, "N20");
  g_autofree char *passed = cairn_flow_case_describe (kase, "N14");
  g_autofree char *one = NULL;
  g_autofree char *today = NULL;
  CairnFlowNodeState state = { 0 };

  g_assert_cmpstr (late, ==, "▶ Current stage\n⚠ 4 working days late (due 29 March 2011)");
  g_assert_cmpstr (done_late, ==, "✓ Passed\n⚠ Done 12 working days late (due 15 March 2011)");
  g_assert_cmpstr (due, ==, "Due 8 April 2011: 4 working days left");
  g_assert_cmpstr (passed, ==, "✓ Passed");
  g_assert_null (cairn_flow_case_describe (kase, "N30"));

  state.deadline = CAIRN_FLOW_DEADLINE_DUE;
  cairn_date_set_ymd (&state.due, 2011, 4, 5);
  state.working_days = 1;
  g_assert_true (cairn_flow_case_set_state (kase, "N30", &state, NULL));
  one = cairn_flow_case_describe (kase, "N30");
  g_assert_cmpstr (one, ==, "Due 5 April 2011: 1 working day left");
  state.working_days = 0;
  g_assert_true (cairn_flow_case_set_state (kase, "N30", &state, NULL));
  today = cairn_flow_case_describe (kase, "N30");
  g_assert_cmpstr (today, ==, "Due today, 5 April 2011");

  /* Late is at least a day; a deadline has a date. */
  state.deadline = CAIRN_FLOW_DEADLINE_LATE;
  g_assert_false (cairn_flow_case_set_state (kase, "N30", &state, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Working days: node N30 is late by 0 working days; late is at least 1");
  g_clear_error (&error);
  cairn_date_clear (&state.due);
  state.deadline = CAIRN_FLOW_DEADLINE_DUE;
  g_assert_false (cairn_flow_case_set_state (kase, "N30", &state, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
}

/* The pathway of working-together-2010.md §11, exactly as tabulated. */
static void
test_flowchart_edition_like (void)
{
  g_autoptr (CairnFlowchart) chart = cairn_test_wt2010_chart ();
  g_autoptr (CairnFlowCase) kase = cairn_test_wt2010_case ();
  g_autoptr (CairnFlowPainter) painter = cairn_flow_painter_new ();
  g_autoptr (CairnFlowLayout) map = cairn_flow_painter_layout (painter, chart, NULL);
  g_autoptr (CairnFlowLayout) view = cairn_flow_painter_layout (painter, chart, kase);
  g_autofree guint *order = cairn_flow_layout_reading_order (map);
  int n01 = cairn_flowchart_lookup_node (chart, "N01"), n05 = cairn_flowchart_lookup_node (chart, "N05");
  int n26 = cairn_flowchart_lookup_node (chart, "N26"), n28 = cairn_flowchart_lookup_node (chart, "N28");
  int n14 = cairn_flowchart_lookup_node (chart, "N14"), n15 = cairn_flowchart_lookup_node (chart, "N15");
  int n32 = cairn_flowchart_lookup_node (chart, "N32");
  guint into_n32 = 0;

  g_assert_cmpuint (cairn_flowchart_get_n_nodes (chart), ==, 35);
  /* 54 rows, two of them grouped: 3 + 5 edges. */
  g_assert_cmpuint (cairn_flowchart_get_n_edges (chart), ==, 60 - 4);
  for (guint e = 0; e < cairn_flowchart_get_n_edges (chart); e++)
    into_n32 += cairn_flowchart_get_edge (chart, e)->to == (guint) n32;
  g_assert_cmpuint (into_n32, ==, 5);

  check_layout (chart, painter, map);
  check_layout (chart, painter, view);

  /* The concern starts the chart at the top; the review loop points back up;
   * the main line reads downwards. */
  g_assert_cmpint (map->nodes[n01].rank, ==, 0);
  g_assert_cmpuint (order[0], ==, (guint) n01);
  g_assert_cmpint (map->nodes[n05].rank, >, map->nodes[n01].rank);
  g_assert_cmpint (map->nodes[n15].rank, >, map->nodes[n14].rank);
  g_assert_cmpint (map->nodes[n28].rank, >, map->nodes[n26].rank);
  for (guint e = 0; e < cairn_flowchart_get_n_edges (chart); e++)
    {
      const CairnFlowEdge *edge = cairn_flowchart_get_edge (chart, e);
      const CairnFlowRoute *r = &map->routes[e];
      if (edge->from == (guint) n28 && edge->to == (guint) n26)
        {
          g_assert_true (r->back);
          /* It arrives from below. */
          g_assert_cmpfloat (r->points[r->n_points - 1].y, >, map->nodes[n26].box.y + map->nodes[n26].box.height / 2);
        }
      if (edge->from == (guint) n14 && edge->to == (guint) n15)
        g_assert_false (r->back);
    }
  g_assert_cmpuint (map->n_reversed, <=, 6);
  /* Fewer crossings than Graphviz's 5 on the same graph (tests/bench). */
  g_assert_cmpuint (cairn_flow_layout_count_crossings (map), <=, 5);

  /* The case view carries the state on the nodes and a legend for it. */
  g_assert_true (view->has_case);
  g_assert_cmpint (view->nodes[cairn_flowchart_lookup_node (chart, "N16")].deadline, ==, CAIRN_FLOW_DEADLINE_LATE);
  g_assert_cmpint (view->nodes[cairn_flowchart_lookup_node (chart, "N16")].progress, ==, CAIRN_FLOW_PROGRESS_CURRENT);
  g_assert_cmpuint (view->n_legend, >, map->n_legend);
  g_assert_cmpstr (view->texts[view->subtitle].text, ==, "Case C-000042/1, as of 4 April 2011");
  g_assert_cmpstr (map->texts[map->subtitle].text, ==, "Reference map: the process without a case");
}

/* Text without its white space: lines break at spaces. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

typedef struct
{
  gboolean in_text;
  GString *all;
} SvgText;

static void
svg_start (GMarkupParseContext *context,
           const char          *element,
           const char         **names,
           const char         **values,
           gpointer             data,
           GError             **error)
{
  ((SvgText *) data)->in_text = strcmp (element, "text") == 0;
}

static void
svg_end (GMarkupParseContext *context,
         const char          *element,
         gpointer             data,
         GError             **error)
{
  ((SvgText *) data)->in_text = FALSE;
}

static void
svg_chars (GMarkupParseContext *context,
           const char          *text,
           gsize                len,
           gpointer             data,
           GError             **error)
{
  SvgText *s = data;

  if (s->in_text)
    g_string_append_len (s->all, text, (gssize) len);
}

static void
test_flowchart_svg_text (void)
{
  g_autoptr (CairnFlowchart) chart = cairn_test_wt2010_chart ();
  g_autoptr (CairnFlowCase) kase = cairn_test_wt2010_case ();
  g_autoptr (CairnFlowPainter) painter = cairn_flow_painter_new ();
  g_autoptr (CairnFlowLayout) layout = cairn_flow_painter_layout (painter, chart, kase);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) svg = cairn_flow_painter_export (painter, layout, CAIRN_FLOW_FORMAT_SVG, 1, &error);
  static const GMarkupParser parser = { svg_start, svg_end, svg_chars, NULL, NULL };
  SvgText st = { FALSE, g_string_new (NULL) };
  g_autoptr (GMarkupParseContext) ctx = g_markup_parse_context_new (&parser, 0, &st, NULL);
  g_autofree char *all = NULL;
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (svg, &size);
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  /* Well-formed, and the labels are SVG text elements. */
  g_assert_true (g_markup_parse_context_parse (ctx, data, (gssize) size, &error));
  g_assert_true (g_markup_parse_context_end_parse (ctx, &error));
  g_assert_no_error (error);
  all = squeeze (st.all->str);
  g_string_free (st.all, TRUE);
  for (guint i = 0; i < cairn_flowchart_get_n_nodes (chart); i++)
    {
      g_autofree char *label = squeeze (cairn_flowchart_get_node (chart, i)->label);
      if (strstr (all, label) == NULL)
        g_error ("the SVG does not hold the label \"%s\" as text", cairn_flowchart_get_node (chart, i)->label);
    }
  g_assert_nonnull (strstr (all, "⚠4workingdayslate(due29March2011)"));
  g_assert_nonnull (strstr (all, "Due8April2011:4workingdaysleft"));
  g_assert_nonnull (strstr (all, "legalthresholdmet"));
  /* Numbers in the C locale. */
  g_assert_null (strstr (data, "font-size=\"13,"));
}

static void
test_flowchart_pdf_text (void)
{
  g_autoptr (CairnFlowchart) chart = cairn_test_wt2010_chart ();
  g_autoptr (CairnFlowCase) kase = cairn_test_wt2010_case ();
  g_autoptr (CairnFlowPainter) painter = cairn_flow_painter_new ();
  g_autoptr (CairnFlowLayout) layout = cairn_flow_painter_layout (painter, chart, kase);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = cairn_flow_painter_export (painter, layout, CAIRN_FLOW_FORMAT_PDF, 1, &error);
  g_autoptr (CairnTestPopplerDocument) doc = NULL;
  g_autoptr (CairnTestPopplerPage) page = NULL;
  double w, h;

  g_assert_no_error (error);
  doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &w, &h);
  /* 96 layout units to the inch. */
  g_assert_cmpfloat (fabs (w - layout->width * 0.75), <, 1);
  g_assert_cmpfloat (fabs (h - layout->height * 0.75), <, 1);

  /* Each node's label, read back from where its box is drawn. */
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const CairnFlowRect *r = &layout->texts[layout->nodes[i].label].rect;
      PopplerRectangle area = { r->x * 0.75 - 1, r->y * 0.75 - 1, (r->x + r->width) * 0.75 + 1,
                                (r->y + r->height) * 0.75 + 1 };
      g_autofree char *text = poppler_page_get_text_for_area (page, &area);
      g_autofree char *got = squeeze (text ? text : "");
      g_autofree char *want = squeeze (cairn_flowchart_get_node (chart, i)->label);
      if (strcmp (got, want) != 0)
        g_error ("PDF text at %s: \"%s\", not \"%s\"", cairn_flowchart_get_node (chart, i)->id, got, want);
    }
  {
    g_autofree char *text = poppler_page_get_text (page);
    g_autofree char *all = squeeze (text);
    g_assert_nonnull (strstr (all, "⚠Done12workingdayslate(due15March2011)"));
    g_assert_nonnull (strstr (all, "CaseC-000042/1,asof4April2011"));
  }
}

/* The PNG writer's own deflate: decoded by libpng (through Cairo), every
 * pixel equals a direct drawing. */
static void
test_flowchart_png_pixels (void)
{
  g_autoptr (CairnFlowchart) chart = cairn_test_wt2010_chart ();
  g_autoptr (CairnFlowCase) kase = cairn_test_wt2010_case ();
  g_autoptr (CairnFlowPainter) painter = cairn_flow_painter_new ();
  g_autoptr (CairnFlowLayout) layout = cairn_flow_painter_layout (painter, chart, kase);
  double scales[] = { 0.5, 1, 1.5 };

  for (gsize k = 0; k < G_N_ELEMENTS (scales); k++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) png = cairn_flow_painter_export (painter, layout, CAIRN_FLOW_FORMAT_PNG, scales[k], &error);
      g_autofree char *path = cairn_test_scratch_path ("chart.png");
      cairo_surface_t *decoded, *direct;
      cairo_t *cr;
      int w, h;

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), (gssize) g_bytes_get_size (png), NULL));
      decoded = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
      w = cairo_image_surface_get_width (decoded);
      h = cairo_image_surface_get_height (decoded);
      g_assert_cmpint (w, ==, (int) ceil (layout->width * scales[k]));
      g_assert_cmpint (h, ==, (int) ceil (layout->height * scales[k]));
      direct = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cr = cairo_create (direct);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scales[k], scales[k]);
      cairn_flow_painter_draw (painter, cr, layout, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (direct);
      for (int y = 0; y < h; y++)
        {
          const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (decoded) +
                                                y * cairo_image_surface_get_stride (decoded));
          const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (direct) +
                                                y * cairo_image_surface_get_stride (direct));
          for (int x = 0; x < w; x++)
            if ((a[x] & 0xffffff) != (b[x] & 0xffffff))
              g_error ("scale %g: pixel %d,%d is %06x, drawn %06x", scales[k], x, y, a[x] & 0xffffff,
                       b[x] & 0xffffff);
        }
      cairo_surface_destroy (decoded);
      cairo_surface_destroy (direct);
    }
}

static void
test_flowchart_crossings (void)
{
  CairnFlowPoint a[] = { { 0, 0 }, { 10, 0 }, { 10, 10 } };
  CairnFlowPoint b[] = { { 5, -5 }, { 5, 5 } };
  CairnFlowPoint c[] = { { 20, -5 }, { 20, 5 } };
  const CairnFlowPoint *lines[] = { a, b, c };
  guint n[] = { 3, 2, 2 };

  g_assert_cmpuint (cairn_flow_count_crossings (lines, n, 3), ==, 1);
}

static void
test_flowchart_dot (void)
{
  g_autoptr (CairnFlowchart) chart = cairn_test_wt2010_chart ();
  g_autofree char *dot = cairn_flowchart_to_dot (chart);

  g_assert_true (g_str_has_prefix (dot, "digraph pathway {"));
  g_assert_nonnull (strstr (dot, "\"N13\" -> \"N34\" [label=\"legal threshold met\\nparallel track\"];"));
  g_assert_nonnull (strstr (dot, "\"N21\" [label=\"Likely to suffer significant harm? (plan test)\", shape=diamond];"));
}

/* ---- editions, cases and cairn-cli pathway ------------------------------ */

/* An edition written by the test: a loop, and an emergency step that later
 * stages come back to (any_time). */
static const char test_edition[] =
  "{\"format\": \"cairn-pathway\", \"version\": 1, \"id\": \"test\", \"title\": \"Test edition\","
  " \"short_title\": \"TEST\", \"reference\": \"test\", \"in_force_from\": \"2011-01-01\","
  " \"settings\": {\"icpc_clock_start\": \"last_strategy_discussion\", \"start_day\": \"day_0\"},"
  " \"nodes\": ["
  "  {\"id\": \"A\", \"label\": \"Referral received by children's social care\", \"kind\": \"start\","
  "   \"source\": \"s\", \"events\": [\"referral\"]},"
  "  {\"id\": \"B\", \"label\": \"Decide the type of response within one working day\", \"kind\": \"decision\","
  "   \"guidance\": \"A manager decides.\", \"source\": \"test §1\"},"
  "  {\"id\": \"E\", \"label\": \"Emergency action\", \"kind\": \"step\", \"source\": \"s\", \"any_time\": true},"
  "  {\"id\": \"C\", \"label\": \"Plan carried out\", \"kind\": \"step\", \"source\": \"s\"},"
  "  {\"id\": \"D\", \"label\": \"Still needed?\", \"kind\": \"decision\", \"source\": \"s\"},"
  "  {\"id\": \"G\", \"label\": \"Review\", \"kind\": \"step\", \"source\": \"s\"},"
  "  {\"id\": \"F\", \"label\": \"Closed\", \"kind\": \"end\", \"source\": \"s\", \"events\": [\"case_closed\"]}],"
  " \"edges\": ["
  "  {\"from\": \"A\", \"to\": \"B\", \"condition\": \"referral received\", \"note\": \"decide within 1 working day\"},"
  "  {\"from\": \"B\", \"to\": \"E\", \"condition\": \"danger now\"},"
  "  {\"from\": \"B\", \"to\": \"C\", \"condition\": \"services\"},"
  "  {\"from\": \"E\", \"to\": \"C\", \"condition\": \"made safe\"},"
  "  {\"from\": \"C\", \"to\": \"D\", \"condition\": \"review due\"},"
  "  {\"from\": \"D\", \"to\": \"G\", \"condition\": \"yes\"},"
  "  {\"from\": \"G\", \"to\": \"C\", \"condition\": \"continue\", \"note\": \"next review within 6 months\"},"
  "  {\"from\": \"G\", \"to\": \"E\", \"condition\": \"new danger\"},"
  "  {\"from\": \"D\", \"to\": \"E\", \"condition\": \"new danger\"},"
  "  {\"from\": \"D\", \"to\": \"F\", \"condition\": \"no\"}],"
  " \"rules\": []}";

static void
test_flowchart_edition_file (void)
{
  g_autofree char *path = cairn_test_scratch_path ("test-edition.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnEdition) edition = NULL;
  g_autoptr (CairnFlowchart) chart = NULL;
  g_autoptr (CairnFlowPainter) painter = cairn_flow_painter_new ();
  g_autoptr (CairnFlowLayout) layout = NULL;
  g_autoptr (CairnFlowLayout) unpinned = NULL;
  int e, c, g;

  g_assert_true (g_file_set_contents (path, test_edition, -1, NULL));
  edition = cairn_edition_new_from_file (path, &error);
  g_assert_no_error (error);
  chart = cairn_flowchart_new_from_edition (edition, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cairn_flowchart_get_title (chart), ==, "Test edition");
  g_assert_cmpuint (cairn_flowchart_get_n_nodes (chart), ==, 7);
  g_assert_cmpuint (cairn_flowchart_get_n_edges (chart), ==, 10);
  g_assert_cmpint (cairn_flowchart_get_node (chart, 1)->kind, ==, CAIRN_FLOW_NODE_DECISION);
  g_assert_cmpstr (cairn_flowchart_get_node (chart, 1)->guidance, ==, "A manager decides.");
  g_assert_cmpstr (cairn_flowchart_get_node (chart, 1)->source, ==, "test §1");
  g_assert_cmpstr (cairn_flowchart_get_edge (chart, 0)->timescale, ==, "decide within 1 working day");

  layout = cairn_flow_painter_layout (painter, chart, NULL);
  check_layout (chart, painter, layout);
  e = cairn_flowchart_lookup_node (chart, "E");
  c = cairn_flowchart_lookup_node (chart, "C");
  g = cairn_flowchart_lookup_node (chart, "G");
  /* The emergency step stays where the decision first leads to it; the later
   * stages point back up to it. Without the mark it would sink below them. */
  g_assert_true (cairn_flowchart_get_node (chart, (guint) e)->any_time);
  g_assert_cmpint (layout->nodes[e].rank, <, layout->nodes[c].rank);
  cairn_flowchart_set_any_time (chart, "E", FALSE);
  unpinned = cairn_flow_painter_layout (painter, chart, NULL);
  g_assert_cmpint (unpinned->nodes[e].rank, >, unpinned->nodes[g].rank);
}

/* Both editions in data/pathways lay out cleanly and carry every label as text. */
static void
test_flowchart_editions (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnPathway) pathway = cairn_pathway_get_default (&error);
  g_autoptr (CairnFlowPainter) painter = cairn_flow_painter_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (cairn_pathway_get_n_editions (pathway), >=, 2);
  for (guint i = 0; i < cairn_pathway_get_n_editions (pathway); i++)
    {
      CairnEdition *edition = cairn_pathway_get_edition (pathway, i);
      g_autoptr (CairnFlowchart) chart = cairn_flowchart_new_from_edition (edition, &error);
      g_autoptr (CairnFlowLayout) layout = NULL;
      g_autoptr (GBytes) pdf = NULL;
      g_autoptr (CairnTestPopplerDocument) doc = NULL;
      g_autoptr (CairnTestPopplerPage) page = NULL;
      g_autofree char *text = NULL;
      g_autofree char *all = NULL;
      g_autofree char *title = squeeze (cairn_edition_get_title (edition));

      g_assert_no_error (error);
      layout = cairn_flow_painter_layout (painter, chart, NULL);
      check_layout (chart, painter, layout);
      /* The first start is at the top. */
      g_assert_cmpint (layout->nodes[0].rank, ==, 0);
      pdf = cairn_flow_painter_export (painter, layout, CAIRN_FLOW_FORMAT_PDF, 1, &error);
      g_assert_no_error (error);
      doc = poppler_document_new_from_bytes (pdf, NULL, &error);
      g_assert_no_error (error);
      page = poppler_document_get_page (doc, 0);
      text = poppler_page_get_text (page);
      all = squeeze (text);
      g_assert_nonnull (strstr (all, title));
      for (guint n = 0; n < layout->n_nodes; n++)
        {
          const CairnFlowRect *r = &layout->texts[layout->nodes[n].label].rect;
          PopplerRectangle area = { r->x * 0.75 - 1, r->y * 0.75 - 1, (r->x + r->width) * 0.75 + 1,
                                    (r->y + r->height) * 0.75 + 1 };
          g_autofree char *got_text = poppler_page_get_text_for_area (page, &area);
          g_autofree char *got = squeeze (got_text ? got_text : "");
          g_autofree char *want = squeeze (cairn_flowchart_get_node (chart, n)->label);
          if (strcmp (got, want) != 0)
            g_error ("%s: PDF text at %s: \"%s\", not \"%s\"", cairn_edition_get_id (edition),
                     cairn_flowchart_get_node (chart, n)->id, got, want);
        }
    }
}

#define CHAIR_PASSWORD "chair-password-1"

static void
add_event (CairnStore *store,
           gint64      child,
           int         n,
           const char *kind,
           const char *date)
{
  g_autoptr (CairnEvent) e = cairn_event_new ();
  g_autoptr (GError) error = NULL;

  e->kind = g_strdup (kind);
  g_assert_true (cairn_date_parse ("test", date, &e->date, NULL));
  e->minute = CAIRN_NO_TIME;
  g_assert_true (cairn_pathway_record_event (store, child, n, e, &error));
  g_assert_no_error (error);
}

/* A board with one synthetic case: referred 1 March 2011, initial
 * assessment finished late on 25 March, strategy discussion and s47
 * enquiries from 28 March; as of 6 April 2011. */
static char *
make_board (gint64 *child_out)
{
  char *path = cairn_test_scratch_path ("board.cairn");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_autoptr (CairnChild) child = cairn_child_new ();
  g_autoptr (CairnReferral) referral = cairn_referral_new ();
  int n;

  g_assert_no_error (error);
  g_assert_true (cairn_store_add_user (store, "chair", NULL, CAIRN_ROLE_CHAIR, "", CHAIR_PASSWORD, &error));
  g_assert_true (cairn_store_login (store, "chair", CHAIR_PASSWORD, &error));
  g_assert_no_error (error);
  child->given_name = g_strdup ("Alex");
  child->family_name = g_strdup ("Testperson");
  g_assert_true (cairn_date_parse ("dob", "2007-06-01", &child->date_of_birth, NULL));
  g_assert_true (cairn_store_add_child (store, child, &error));
  g_assert_true (cairn_date_parse ("d", "2011-03-01", &referral->received_on, NULL));
  referral->received_minute = CAIRN_NO_TIME;
  n = cairn_store_open_case (store, child->number, referral, &error);
  g_assert_no_error (error);
  add_event (store, child->number, n, "referral_decision", "2011-03-01");
  add_event (store, child->number, n, "initial_assessment_start", "2011-03-02");
  add_event (store, child->number, n, "initial_assessment_complete", "2011-03-25");
  add_event (store, child->number, n, "strategy_discussion", "2011-03-28");
  add_event (store, child->number, n, "s47_start", "2011-03-28");
  *child_out = child->number;
  return path;
}

static void
test_flowchart_case_from_store (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (CairnEdition) edition = NULL;
  g_autoptr (CairnFlowCase) kase = NULL;
  g_autoptr (CairnFlowchart) chart = NULL;
  g_autoptr (CairnFlowPainter) painter = cairn_flow_painter_new ();
  g_autoptr (CairnFlowLayout) layout = NULL;
  g_autofree char *path = NULL;
  g_autofree char *late = NULL;
  g_autofree char *due = NULL;
  g_autofree char *current = NULL;
  gint64 child;

  g_setenv ("CAIRN_TODAY", "2011-04-06", TRUE);
  path = make_board (&child);
  store = cairn_store_open (path, 0, &error);
  g_assert_no_error (error);

  /* Reading the case needs a login. */
  g_assert_null (cairn_flow_case_new_from_store (store, NULL, child, 1, NULL, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (cairn_store_login (store, "chair", CHAIR_PASSWORD, &error));

  kase = cairn_flow_case_new_from_store (store, NULL, child, 1, &edition, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cairn_edition_get_id (edition), ==, "wt2010");
  g_assert_cmpstr (cairn_flow_case_get_title (kase), ==, "Case C-000001/1");
  g_assert_cmpint (g_date_get_day (cairn_flow_case_get_today (kase)), ==, 6);
  g_assert_cmpint (cairn_flow_case_lookup_state (kase, "N05")->progress, ==, CAIRN_FLOW_PROGRESS_PASSED);
  g_assert_cmpint (cairn_flow_case_lookup_state (kase, "N14")->progress, ==, CAIRN_FLOW_PROGRESS_PASSED);
  current = cairn_flow_case_describe (kase, "N16");
  g_assert_cmpstr (current, ==, "▶ Current stage");
  /* Due 10 working days after 1 March (15 March), done 25 March. */
  late = cairn_flow_case_describe (kase, "N08");
  g_assert_cmpstr (late, ==, "✓ Passed\n⚠ Done 8 working days late (due 15 March 2011)");
  /* The conference: 15 working days after the strategy discussion. */
  due = cairn_flow_case_describe (kase, "N20");
  g_assert_cmpstr (due, ==, "Due 18 April 2011: 8 working days left");
  g_assert_null (cairn_flow_case_lookup_state (kase, "N27"));

  chart = cairn_flowchart_new_from_edition (edition, &error);
  g_assert_no_error (error);
  layout = cairn_flow_painter_layout (painter, chart, kase);
  check_layout (chart, painter, layout);
  g_unsetenv ("CAIRN_TODAY");
}

static void
test_flowchart_cli (void)
{
  g_autofree char *pdf = cairn_test_scratch_path ("map.pdf");
  g_autofree char *svg_path = cairn_test_scratch_path ("case.svg");
  g_autofree char *png = cairn_test_scratch_path ("map.png");
  g_autofree char *err = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *board = NULL;
  g_autofree char *all = NULL;
  g_autoptr (GError) error = NULL;
  gint64 child;
  const char *env[] = { "CAIRN_TODAY=2011-04-06", NULL };

  /* The reference map needs no database and no login. */
  g_assert_cmpint (cairn_test_run_cli (NULL, NULL, "pathway", "--edition", "wt2013", "--format", "pdf", "-o", pdf,
                                       NULL), ==, 0);
  {
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (CairnTestPopplerDocument) doc = NULL;
    g_autoptr (CairnTestPopplerPage) page = NULL;
    g_autofree char *text = NULL;
    g_autofree char *squeezed = NULL;
    gchar *contents;
    gsize len;

    g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
    bytes = g_bytes_new_take (contents, len);
    doc = poppler_document_new_from_bytes (bytes, NULL, &error);
    g_assert_no_error (error);
    page = poppler_document_get_page (doc, 0);
    text = poppler_page_get_text (page);
    squeezed = squeeze (text);
    g_assert_nonnull (strstr (squeezed, "WorkingTogethertoSafeguardChildren2013"));
    g_assert_nonnull (strstr (squeezed, "Initialchildprotectionconference"));
    g_assert_nonnull (strstr (squeezed, "Referencemap:theprocesswithoutacase"));
  }
  /* The format can come from the file name. */
  g_assert_cmpint (cairn_test_run_cli (NULL, NULL, "pathway", "--edition", "wt2010", "-o", png, NULL), ==, 0);
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), >, 1000);
    cairo_surface_destroy (image);
  }

  /* Refusals: one line, naming the flag, exit 2. */
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "pathway", "--edition", "wt2099", "-o", pdf, NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --edition: \"wt2099\" is not a guidance edition (wt2010, wt2013)\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "pathway", "--edition", "wt2010", "-o", "chart.txt", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --format: name one of pdf, svg, png\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "pathway", "--edition", "wt2010", "--format", "gif", "-o", pdf,
                                       NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --format: \"gif\" is not pdf, svg or png\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "pathway", "--case", "C-000001/1", "-o", pdf, NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --case: needs --db\n");
  g_clear_pointer (&err, g_free);

  /* A case: it needs a login, shows the case's state, and is recorded as opened. */
  board = make_board (&child);
  {
    const char *argv[] = { "pathway", "--db", board, "--case", "C-000001/1", "--format", "svg", "-o", svg_path, NULL };
    g_assert_cmpint (cairn_test_run_cli_env (env, NULL, &err, argv), ==, 4);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { "pathway", "--db", board, "--case", "C-000001/9", "--user", "chair", "--password-fd", "0",
                           "-o", svg_path, NULL };
    g_assert_cmpint (cairn_test_run_cli_input (CHAIR_PASSWORD "\n", NULL, &err, argv), ==, 2);
    g_assert_true (g_str_has_prefix (err, "cairn-cli: "));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { "pathway", "--db", board, "--case", "C-000001/1", "--user", "chair", "--password-fd", "0",
                           "--format", "svg", "-o", svg_path, NULL };
    g_setenv ("CAIRN_TODAY", "2011-04-06", TRUE);
    g_assert_cmpint (cairn_test_run_cli_input (CHAIR_PASSWORD "\n", NULL, NULL, argv), ==, 0);
    g_unsetenv ("CAIRN_TODAY");
  }
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  {
    static const GMarkupParser parser = { svg_start, svg_end, svg_chars, NULL, NULL };
    SvgText st = { FALSE, g_string_new (NULL) };
    g_autoptr (GMarkupParseContext) ctx = g_markup_parse_context_new (&parser, 0, &st, NULL);
    g_assert_true (g_markup_parse_context_parse (ctx, svg, -1, &error));
    g_assert_no_error (error);
    all = squeeze (st.all->str);
    g_string_free (st.all, TRUE);
  }
  g_assert_nonnull (strstr (all, "CaseC-000001/1,asof6April2011"));
  g_assert_nonnull (strstr (all, "⚠Done8workingdayslate(due15March2011)"));
  g_assert_nonnull (strstr (all, "Due18April2011:8workingdaysleft"));
  g_assert_nonnull (strstr (all, "▶Currentstage"));
  {
    g_autoptr (CairnStore) store = cairn_store_open (board, 0, &error);
    g_autoptr (GPtrArray) audit = NULL;
    guint opened = 0;
    g_assert_no_error (error);
    g_assert_true (cairn_store_login (store, "chair", CHAIR_PASSWORD, &error));
    audit = cairn_store_list_child_audit (store, child, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < audit->len; i++)
      opened += g_strcmp0 (((CairnAuditEntry *) g_ptr_array_index (audit, i))->action, "open") == 0;
    g_assert_cmpuint (opened, >=, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cairn/flowchart/grouped-edges", test_flowchart_grouped_edges);
  g_test_add_func ("/cairn/flowchart/case-words", test_flowchart_case_words);
  g_test_add_func ("/cairn/flowchart/edition-like", test_flowchart_edition_like);
  g_test_add_func ("/cairn/flowchart/random-graphs", test_flowchart_random);
  g_test_add_func ("/cairn/flowchart/svg-text", test_flowchart_svg_text);
  g_test_add_func ("/cairn/flowchart/pdf-text", test_flowchart_pdf_text);
  g_test_add_func ("/cairn/flowchart/png-pixels", test_flowchart_png_pixels);
  g_test_add_func ("/cairn/flowchart/crossings", test_flowchart_crossings);
  g_test_add_func ("/cairn/flowchart/dot", test_flowchart_dot);
  g_test_add_func ("/cairn/flowchart/edition-file", test_flowchart_edition_file);
  g_test_add_func ("/cairn/flowchart/editions", test_flowchart_editions);
  g_test_add_func ("/cairn/flowchart/case-from-store", test_flowchart_case_from_store);
  g_test_add_func ("/cairn/flowchart/cli", test_flowchart_cli);
  return g_test_run ();
}
