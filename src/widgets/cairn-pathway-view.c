/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-pathway-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cairn-pathway-canvas.h"
#include "cairn-pathway-node.h"
#include "cairn-pathway-view.h"

#define ZOOM_STEP 1.25

/**
 * CairnPathwayView:
 *
 * The referral-to-review pathway as a flowchart, on its own or with one
 * case's state; see cairn-pathway-view.h.
 */
struct _CairnPathwayView
{
  GtkWidget parent_instance;

  GtkWidget *overlay;
  GtkScrolledWindow *scroller;
  CairnPathwayCanvas *canvas;
  GtkButton *zoom_level;

  CairnFlowchart *chart;
  CairnFlowCase *kase;
  AdwStyleManager *style;
};

G_DEFINE_FINAL_TYPE (CairnPathwayView, cairn_pathway_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHART,
  PROP_CASE,
  PROP_SELECTED,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  NODE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_palette (CairnPathwayView *self)
{
  gboolean dark = adw_style_manager_get_dark (self->style);
  gboolean contrast = adw_style_manager_get_high_contrast (self->style);
  CairnFlowPaletteKind kind = contrast ? (dark ? CAIRN_FLOW_PALETTE_HIGH_CONTRAST_DARK : CAIRN_FLOW_PALETTE_HIGH_CONTRAST)
                                       : (dark ? CAIRN_FLOW_PALETTE_DARK : CAIRN_FLOW_PALETTE_LIGHT);

  cairn_pathway_canvas_set_palette (self->canvas, kind);
}

static void
canvas_node_activated (CairnPathwayView *self,
                       int               index)
{
  const CairnFlowNode *node = cairn_flowchart_get_node (self->chart, (guint) index);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_signal_emit (self, signals[NODE_ACTIVATED], 0, node->id);
}

static void
canvas_zoom_changed (CairnPathwayView *self)
{
  g_autofree char *text = g_strdup_printf (_("%d%%"), (int) round (cairn_pathway_canvas_get_zoom (self->canvas) * 100));

  gtk_button_set_label (self->zoom_level, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathway.zoom-in",
                                 cairn_pathway_canvas_get_zoom (self->canvas) < CAIRN_PATHWAY_ZOOM_MAX - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pathway.zoom-out",
                                 cairn_pathway_canvas_get_zoom (self->canvas) > CAIRN_PATHWAY_ZOOM_MIN + 1e-6);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Keyboard zoom keeps the middle of the view where it is. */
static void
zoom_centred (CairnPathwayView *self,
              double            zoom)
{
  GtkWidget *canvas = GTK_WIDGET (self->canvas);

  cairn_pathway_canvas_set_zoom (self->canvas, zoom, gtk_widget_get_width (canvas) / 2.0,
                                 gtk_widget_get_height (canvas) / 2.0);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  CairnPathwayView *self = CAIRN_PATHWAY_VIEW (widget);
  double zoom = cairn_pathway_canvas_get_zoom (self->canvas);

  if (g_str_equal (action, "pathway.zoom-in"))
    zoom_centred (self, zoom * ZOOM_STEP);
  else if (g_str_equal (action, "pathway.zoom-out"))
    zoom_centred (self, zoom / ZOOM_STEP);
  else if (g_str_equal (action, "pathway.zoom-reset"))
    zoom_centred (self, 1.0);
  else
    cairn_pathway_view_zoom_to_fit (self);
}

static void
cairn_pathway_view_dispose (GObject *object)
{
  CairnPathwayView *self = CAIRN_PATHWAY_VIEW (object);

  if (self->style)
    g_signal_handlers_disconnect_by_func (self->style, update_palette, self);
  self->style = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_PATHWAY_VIEW);
  g_clear_object (&self->chart);
  g_clear_object (&self->kase);
  G_OBJECT_CLASS (cairn_pathway_view_parent_class)->dispose (object);
}

static void
cairn_pathway_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CairnPathwayView *self = CAIRN_PATHWAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_SELECTED:
      g_value_set_string (value, cairn_pathway_view_get_selected (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, cairn_pathway_view_get_zoom (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cairn_pathway_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CairnPathwayView *self = CAIRN_PATHWAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      cairn_pathway_view_set_chart (self, g_value_get_object (value));
      break;
    case PROP_CASE:
      cairn_pathway_view_set_case (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      cairn_pathway_view_select (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      cairn_pathway_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
cairn_pathway_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CAIRN_PATHWAY_VIEW (widget)->canvas));
}

static void
cairn_pathway_view_class_init (CairnPathwayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct
  {
    guint key;
    const char *action;
  } keys[] = {
    { GDK_KEY_plus, "pathway.zoom-in" },
    { GDK_KEY_equal, "pathway.zoom-in" },
    { GDK_KEY_KP_Add, "pathway.zoom-in" },
    { GDK_KEY_minus, "pathway.zoom-out" },
    { GDK_KEY_KP_Subtract, "pathway.zoom-out" },
    { GDK_KEY_0, "pathway.zoom-fit" },
    { GDK_KEY_KP_0, "pathway.zoom-fit" },
    { GDK_KEY_1, "pathway.zoom-reset" },
    { GDK_KEY_KP_1, "pathway.zoom-reset" },
  };

  object_class->dispose = cairn_pathway_view_dispose;
  object_class->get_property = cairn_pathway_view_get_property;
  object_class->set_property = cairn_pathway_view_set_property;
  widget_class->grab_focus = cairn_pathway_view_grab_focus;

  properties[PROP_CHART] = g_param_spec_object ("chart", NULL, NULL, CAIRN_TYPE_FLOWCHART,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CASE] = g_param_spec_object ("case", NULL, NULL, CAIRN_TYPE_FLOW_CASE,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] = g_param_spec_string ("selected-node", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, CAIRN_PATHWAY_ZOOM_MIN, CAIRN_PATHWAY_ZOOM_MAX, 1.0,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CairnPathwayView::node-activated:
   * @node_id: the node's id ("N08")
   *
   * A node was clicked or activated from the keyboard; it is now selected.
   * The case page lists the child's events at that stage.
   */
  signals[NODE_ACTIVATED] = g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CAIRN_TYPE_PATHWAY_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-pathway-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnPathwayView, overlay);
  gtk_widget_class_bind_template_child (widget_class, CairnPathwayView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CairnPathwayView, canvas);
  gtk_widget_class_bind_template_child (widget_class, CairnPathwayView, zoom_level);
  gtk_widget_class_bind_template_callback (widget_class, canvas_node_activated);
  gtk_widget_class_bind_template_callback (widget_class, canvas_zoom_changed);

  gtk_widget_class_install_action (widget_class, "pathway.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pathway.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pathway.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pathway.zoom-fit", NULL, zoom_action);
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, GDK_CONTROL_MASK, keys[i].action, NULL);

  gtk_widget_class_set_css_name (widget_class, "pathwayview");
}

static void
cairn_pathway_view_init (CairnPathwayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->style = adw_style_manager_get_default ();
  g_signal_connect_swapped (self->style, "notify::dark", G_CALLBACK (update_palette), self);
  g_signal_connect_swapped (self->style, "notify::high-contrast", G_CALLBACK (update_palette), self);
  update_palette (self);
  canvas_zoom_changed (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pathway flowchart"), -1);
}

GtkWidget *
cairn_pathway_view_new (void)
{
  return g_object_new (CAIRN_TYPE_PATHWAY_VIEW, NULL);
}

static void
relayout (CairnPathwayView *self,
          const char       *selected)
{
  /* The selection follows the node (by id), not its place in the chart. */
  g_autofree char *keep = g_strdup (selected);

  cairn_pathway_canvas_set_chart (self->canvas, self->chart, self->kase);
  if (self->chart)
    cairn_pathway_canvas_select (self->canvas, cairn_flowchart_lookup_node (self->chart, keep));
  if (self->chart)
    {
      g_autofree char *label = g_strdup_printf (_("Pathway flowchart: %s"), cairn_flowchart_get_title (self->chart));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

/**
 * cairn_pathway_view_set_chart:
 * @chart: (nullable): the pathway to show
 *
 * Shows @chart (laid out here; the case, if any, stays).
 */
void
cairn_pathway_view_set_chart (CairnPathwayView *self,
                              CairnFlowchart   *chart)
{
  g_return_if_fail (CAIRN_IS_PATHWAY_VIEW (self));
  g_return_if_fail (chart == NULL || CAIRN_IS_FLOWCHART (chart));

  g_autofree char *selected = g_strdup (cairn_pathway_view_get_selected (self));

  if (!g_set_object (&self->chart, chart))
    return;
  relayout (self, selected);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

CairnFlowchart *
cairn_pathway_view_get_chart (CairnPathwayView *self)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY_VIEW (self), NULL);
  return self->chart;
}

/**
 * cairn_pathway_view_set_case:
 * @kase: (nullable): the case whose state to show, or %NULL for the
 *   reference map
 */
void
cairn_pathway_view_set_case (CairnPathwayView *self,
                             CairnFlowCase    *kase)
{
  g_return_if_fail (CAIRN_IS_PATHWAY_VIEW (self));
  g_return_if_fail (kase == NULL || CAIRN_IS_FLOW_CASE (kase));

  if (!g_set_object (&self->kase, kase))
    return;
  relayout (self, cairn_pathway_view_get_selected (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

CairnFlowCase *
cairn_pathway_view_get_case (CairnPathwayView *self)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY_VIEW (self), NULL);
  return self->kase;
}

/**
 * cairn_pathway_view_get_selected:
 *
 * Returns: (nullable): the id of the selected node
 */
const char *
cairn_pathway_view_get_selected (CairnPathwayView *self)
{
  int i;

  g_return_val_if_fail (CAIRN_IS_PATHWAY_VIEW (self), NULL);
  i = cairn_pathway_canvas_get_selected (self->canvas);
  return i >= 0 && self->chart ? cairn_flowchart_get_node (self->chart, (guint) i)->id : NULL;
}

/**
 * cairn_pathway_view_select:
 * @node_id: (nullable): the node to select (scrolled into view), or %NULL
 *
 * Selects a node without emitting ::node-activated.
 */
void
cairn_pathway_view_select (CairnPathwayView *self,
                           const char       *node_id)
{
  int i;

  g_return_if_fail (CAIRN_IS_PATHWAY_VIEW (self));
  i = self->chart ? cairn_flowchart_lookup_node (self->chart, node_id) : -1;
  if (i == cairn_pathway_canvas_get_selected (self->canvas))
    return;
  cairn_pathway_canvas_select (self->canvas, i);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

double
cairn_pathway_view_get_zoom (CairnPathwayView *self)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY_VIEW (self), 1.0);
  return cairn_pathway_canvas_get_zoom (self->canvas);
}

void
cairn_pathway_view_set_zoom (CairnPathwayView *self,
                             double            zoom)
{
  g_return_if_fail (CAIRN_IS_PATHWAY_VIEW (self));
  zoom_centred (self, zoom);
}

/* The whole chart in the window. */
void
cairn_pathway_view_zoom_to_fit (CairnPathwayView *self)
{
  g_return_if_fail (CAIRN_IS_PATHWAY_VIEW (self));
  cairn_pathway_canvas_set_zoom (self->canvas, cairn_pathway_canvas_fit_zoom (self->canvas), 0, 0);
}
