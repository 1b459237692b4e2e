/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cairn-flowchart-layout.h"
#include "cairn-flowchart-render.h"
#include "cairn-pathway-view.h"
#include "cairn-test-flowchart.h"

static gboolean
done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Long enough for a few frames: allocation follows the frame clock. */
static void
wait_idle (void)
{
  gboolean over = FALSE;

  g_timeout_add (150, done, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  GtkWidget *window;
  CairnPathwayView *view;
  CairnFlowchart *chart;
  CairnFlowCase *kase;
  CairnFlowLayout *layout;  /* the same layout, computed independently */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (CairnFlowPainter) painter = cairn_flow_painter_new ();

  f->chart = cairn_test_wt2010_chart ();
  f->kase = cairn_test_wt2010_case ();
  f->layout = cairn_flow_painter_layout (painter, f->chart, f->kase);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  f->view = CAIRN_PATHWAY_VIEW (cairn_pathway_view_new ());
  cairn_pathway_view_set_chart (f->view, f->chart);
  cairn_pathway_view_set_case (f->view, f->kase);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_idle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_idle ();
  g_clear_object (&f->chart);
  g_clear_object (&f->kase);
  g_clear_pointer (&f->layout, cairn_flow_layout_unref);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static GtkAccessible *
focused (Fixture *f)
{
  GtkWidget *w = gtk_root_get_focus (GTK_ROOT (f->window));

  g_assert_nonnull (w);
  g_assert_true (GTK_IS_ACCESSIBLE (w));
  return GTK_ACCESSIBLE (w);
}

static void
assert_label (GtkAccessible *accessible,
              const char    *label)
{
  g_autofree char *problem = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  if (problem)
    g_error ("accessible label: %s (wanted \"%s\")", problem, label);
}

static const char *
label_of (Fixture *f,
          guint    node)
{
  return cairn_flowchart_get_node (f->chart, node)->label;
}

/* The nearest node in the next rank down, as the view should find it. */
static guint
below (Fixture *f,
       guint    from)
{
  const CairnFlowNodeBox *b = &f->layout->nodes[from];
  int rank = G_MAXINT;
  guint best = from;
  double best_d = G_MAXDOUBLE;

  for (guint i = 0; i < f->layout->n_nodes; i++)
    if (f->layout->nodes[i].rank > b->rank)
      rank = MIN (rank, f->layout->nodes[i].rank);
  for (guint i = 0; i < f->layout->n_nodes; i++)
    {
      const CairnFlowNodeBox *o = &f->layout->nodes[i];
      double d = ABS (o->box.x + o->box.width / 2 - (b->box.x + b->box.width / 2));
      if (o->rank == rank && d < best_d)
        best_d = d, best = i;
    }
  return best;
}

static void
on_activated (CairnPathwayView *view,
              const char       *id,
              char            **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_view_keyboard (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree guint *order = cairn_flow_layout_reading_order (f->layout);
  g_autofree char *activated = NULL;
  GtkAccessible *node;
  guint here, there;

  /* Focus enters at the start of the pathway. */
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  wait_idle ();
  node = focused (f);
  assert_label (node, "Concern about a child's welfare");
  gtk_test_accessible_assert_role (node, GTK_ACCESSIBLE_ROLE_BUTTON);

  /* Tab follows reading order. */
  g_signal_emit_by_name (f->window, "move-focus", GTK_DIR_TAB_FORWARD);
  wait_idle ();
  assert_label (focused (f), label_of (f, order[1]));
  g_signal_emit_by_name (f->window, "move-focus", GTK_DIR_TAB_FORWARD);
  wait_idle ();
  assert_label (focused (f), label_of (f, order[2]));
  here = order[2];

  /* Down goes to the nearest node in the next rank. */
  there = below (f, here);
  g_assert_cmpuint (there, !=, here);
  g_signal_emit_by_name (f->window, "move-focus", GTK_DIR_DOWN);
  wait_idle ();
  assert_label (focused (f), label_of (f, there));
  g_signal_emit_by_name (f->window, "move-focus", GTK_DIR_UP);
  wait_idle ();
  g_assert_cmpint (f->layout->nodes[there].rank, >, 0);

  /* Shift+Tab goes back. */
  g_signal_emit_by_name (f->window, "move-focus", GTK_DIR_TAB_BACKWARD);
  wait_idle ();
  node = focused (f);

  /* Enter (the node's activate signal) selects it and says which. */
  g_signal_connect (f->view, "node-activated", G_CALLBACK (on_activated), &activated);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (node)));
  wait_idle ();
  g_assert_nonnull (activated);
  g_assert_cmpstr (cairn_pathway_view_get_selected (f->view), ==, activated);
  g_assert_cmpstr (label_of (f, (guint) cairn_flowchart_lookup_node (f->chart, activated)), !=, NULL);
  gtk_test_accessible_assert_state (node, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
}

static void
test_view_descriptions (Fixture       *f,
                        gconstpointer  data)
{
  int n16 = cairn_flowchart_lookup_node (f->chart, "N16");
  const CairnFlowNode *node = cairn_flowchart_get_node (f->chart, (guint) n16);
  g_autofree char *want = g_strdup_printf ("Step N16. ▶ Current stage;⚠ 4 working days late (due 29 March 2011). %s "
                                           "Source: working-together-2010.md §11.1.",
                                           node->guidance);
  g_autofree char *problem = NULL;
  GtkWidget *w;

  /* Select from the API: focus it by keyboard from the selection. */
  cairn_pathway_view_select (f->view, "N16");
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  wait_idle ();
  w = GTK_WIDGET (focused (f));
  assert_label (GTK_ACCESSIBLE (w), node->label);
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, want);
  if (problem)
    g_error ("accessible description: %s", problem);
  /* The tooltip carries the guidance and where it comes from. */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_markup (w), "core ≤ 35 WD [GK]; GR 3.26"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_markup (w), "<i>Source: working-together-2010.md §11.1</i>"));
  /* The focused node is inside the view (scrolled to). */
  {
    graphene_rect_t bounds;
    g_assert_true (gtk_widget_compute_bounds (w, GTK_WIDGET (f->view), &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (f->view)));
  }
}

static void
test_view_zoom (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmpfloat (cairn_pathway_view_get_zoom (f->view), ==, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pathway.zoom-in", NULL);
  wait_idle ();
  g_assert_cmpfloat (cairn_pathway_view_get_zoom (f->view), ==, 1.25);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pathway.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pathway.zoom-out", NULL);
  wait_idle ();
  g_assert_cmpfloat (cairn_pathway_view_get_zoom (f->view), ==, 0.8);
  /* Fit: the whole pathway in the window. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pathway.zoom-fit", NULL);
  wait_idle ();
  g_assert_cmpfloat (f->layout->height * cairn_pathway_view_get_zoom (f->view), <=, 700);
  g_assert_cmpfloat (f->layout->width * cairn_pathway_view_get_zoom (f->view), <=, 900);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pathway.zoom-reset", NULL);
  wait_idle ();
  g_assert_cmpfloat (cairn_pathway_view_get_zoom (f->view), ==, 1.0);
}

/* The colour of the chart's background, drawn as it is on screen. */
static guint32
corner_pixel (Fixture *f)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (GTK_WIDGET (f->view));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (f->view)));
  guint32 pixel[4 * 4];

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (f->view)),
                          gtk_widget_get_height (GTK_WIDGET (f->view)));
  node = gtk_snapshot_free_to_node (snapshot);
  /* Inside the chart's top margin, left of the title: background only. */
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (8, 8, 4, 4));
  gdk_texture_download (texture, (guchar *) pixel, 16);
  g_object_unref (paintable);
  return pixel[5] & 0xffffff;
}

static void
test_view_dark (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmphex (corner_pixel (f), ==, 0xffffff);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_idle ();
  g_assert_cmphex (corner_pixel (f), ==, 0x242424);
}

static void
test_view_reference_map (Fixture       *f,
                         gconstpointer  data)
{
  GtkAccessible *node;
  g_autofree char *problem = NULL;

  /* Without a case: the same nodes, no state in their descriptions; the
   * selection stays on its node. */
  cairn_pathway_view_select (f->view, "N16");
  cairn_pathway_view_set_case (f->view, NULL);
  wait_idle ();
  g_assert_cmpstr (cairn_pathway_view_get_selected (f->view), ==, "N16");
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  wait_idle ();
  node = focused (f);
  problem = gtk_test_accessible_check_property (
    node, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
    "Step N16. core ≤ 35 WD [GK]; GR 3.26 Source: working-together-2010.md §11.1.");
  if (problem)
    g_error ("accessible description: %s", problem);
}

int
main (int    argc,
      char **argv)
{
  /* GTK's test accessibility backend keeps what each widget tells
   * assistive technologies, so the test can read it back (the suite runs
   * with GTK_A11Y=none, which keeps nothing). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/cairn/gui/pathway-view/keyboard", Fixture, NULL, fixture_set_up, test_view_keyboard,
              fixture_tear_down);
  g_test_add ("/cairn/gui/pathway-view/descriptions", Fixture, NULL, fixture_set_up, test_view_descriptions,
              fixture_tear_down);
  g_test_add ("/cairn/gui/pathway-view/zoom", Fixture, NULL, fixture_set_up, test_view_zoom, fixture_tear_down);
  g_test_add ("/cairn/gui/pathway-view/dark", Fixture, NULL, fixture_set_up, test_view_dark, fixture_tear_down);
  g_test_add ("/cairn/gui/pathway-view/reference-map", Fixture, NULL, fixture_set_up, test_view_reference_map,
              fixture_tear_down);
  return g_test_run ();
}
