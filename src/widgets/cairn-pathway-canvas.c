/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-pathway-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cairn-pathway-canvas.h"
#include "cairn-pathway-node.h"

#define DRAG_THRESHOLD 6.0
#define SCROLL_MARGIN 24.0

struct _CairnPathwayCanvas
{
  GtkWidget parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  CairnFlowchart *chart;
  CairnFlowCase *kase;
  CairnFlowPainter *painter;
  CairnFlowLayout *layout;
  GPtrArray *nodes;          /* CairnPathwayNode, by chart index */
  guint *order;              /* reading order */
  CairnFlowPaletteKind palette;
  double zoom;
  int selected;
  int hover;
  int focus;

  double pointer_x;
  double pointer_y;
  double zoom_at_pinch;
  double drag_h;
  double drag_v;
  gboolean panning;
  int pending_scroll;        /* a node to bring into view once allocated */
  GtkWidget *root;
};

enum
{
  PROP_0,
  PROP_ZOOM,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum
{
  NODE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (CairnPathwayCanvas, cairn_pathway_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static double
content_width (CairnPathwayCanvas *self)
{
  return self->layout ? self->layout->width * self->zoom : 0;
}

static double
content_height (CairnPathwayCanvas *self)
{
  return self->layout ? self->layout->height * self->zoom : 0;
}

static void
configure_adjustments (CairnPathwayCanvas *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  double cw = MAX (content_width (self), w), ch = MAX (content_height (self), h);

  if (self->hadjustment)
    gtk_adjustment_configure (self->hadjustment, CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, cw - w), 0,
                              cw, w * 0.1, w * 0.9, w);
  if (self->vadjustment)
    gtk_adjustment_configure (self->vadjustment, CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, ch - h), 0,
                              ch, h * 0.1, h * 0.9, h);
}

static double
hvalue (CairnPathwayCanvas *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (CairnPathwayCanvas *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
adjustment_changed (CairnPathwayCanvas *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (CairnPathwayCanvas  *self,
                GtkAdjustment      **slot,
                GtkAdjustment       *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_changed, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed), self);
  configure_adjustments (self);
}

/* Scrolls so node @i is in view: when it is not, it comes to the middle. */
static void
scroll_to_node (CairnPathwayCanvas *self,
                int                 i)
{
  const CairnFlowRect *b;
  double x0, y0, x1, y1, w, h;

  if (!self->layout || i < 0 || !self->hadjustment || !self->vadjustment)
    return;
  b = &self->layout->nodes[i].box;
  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (w <= 0 || h <= 0)
    {
      self->pending_scroll = i;
      return;
    }
  self->pending_scroll = -1;
  x0 = b->x * self->zoom - SCROLL_MARGIN;
  y0 = b->y * self->zoom - SCROLL_MARGIN;
  x1 = (b->x + b->width) * self->zoom + SCROLL_MARGIN;
  y1 = (b->y + b->height) * self->zoom + SCROLL_MARGIN;
  if (x0 < hvalue (self) || x1 > hvalue (self) + w)
    gtk_adjustment_set_value (self->hadjustment, x1 - x0 > w ? x0 : (x0 + x1 - w) / 2);
  if (y0 < vvalue (self) || y1 > vvalue (self) + h)
    gtk_adjustment_set_value (self->vadjustment, y1 - y0 > h ? y0 : (y0 + y1 - h) / 2);
}

static int
node_at (CairnPathwayCanvas *self,
         double              x,
         double              y)
{
  if (!self->layout)
    return -1;
  return cairn_flow_layout_node_at (self->layout, (x + hvalue (self)) / self->zoom, (y + vvalue (self)) / self->zoom);
}

static void
cairn_pathway_canvas_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  CairnPathwayCanvas *self = CAIRN_PATHWAY_CANVAS (widget);

  *minimum = 0;
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? content_width (self) : content_height (self));
}

static void
cairn_pathway_canvas_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  CairnPathwayCanvas *self = CAIRN_PATHWAY_CANVAS (widget);
  double hv, vv;

  configure_adjustments (self);
  if (self->pending_scroll >= 0 && width > 0 && height > 0)
    scroll_to_node (self, self->pending_scroll);
  hv = hvalue (self);
  vv = vvalue (self);
  for (guint i = 0; self->nodes && i < self->nodes->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (self->nodes, i);
      const CairnFlowRect *b = &self->layout->nodes[i].box;
      GtkAllocation a;
      int min;

      a.x = (int) floor (b->x * self->zoom - hv);
      a.y = (int) floor (b->y * self->zoom - vv);
      a.width = MAX (1, (int) ceil (b->width * self->zoom));
      a.height = MAX (1, (int) ceil (b->height * self->zoom));
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &a, -1);
    }
}

static void
cairn_pathway_canvas_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CairnPathwayCanvas *self = CAIRN_PATHWAY_CANVAS (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  CairnFlowDrawOptions options = CAIRN_FLOW_DRAW_OPTIONS_INIT;
  CairnFlowRect clip;
  cairo_t *cr;

  if (!self->layout || w <= 0 || h <= 0)
    return;
  clip = (CairnFlowRect) { hvalue (self) / self->zoom, vvalue (self) / self->zoom, w / self->zoom, h / self->zoom };
  options.palette = cairn_flow_palette_get (self->palette);
  options.selected = self->selected;
  options.hover = self->hover;
  options.clip = &clip;
  if (self->focus >= 0 && gtk_widget_has_visible_focus (g_ptr_array_index (self->nodes, self->focus)))
    options.focus = self->focus;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_translate (cr, -hvalue (self), -vvalue (self));
  cairo_scale (cr, self->zoom, self->zoom);
  cairn_flow_painter_draw (self->painter, cr, self->layout, &options);
  cairo_destroy (cr);
}

/* Keyboard focus: Tab follows reading order (rank by rank, left to right)
 * and leaves at either end; the arrow keys move to the nearest node in the
 * rank above or below, or the neighbour in the same rank, and stay inside. */
static int
reading_position (CairnPathwayCanvas *self,
                  int                 node)
{
  for (guint i = 0; i < self->layout->n_nodes; i++)
    if ((int) self->order[i] == node)
      return (int) i;
  return -1;
}

static int
nearest_in_rank (CairnPathwayCanvas *self,
                 int                 from,
                 int                 direction)
{
  const CairnFlowNodeBox *b = &self->layout->nodes[from];
  double cx = b->box.x + b->box.width / 2;
  int rank = -1, best = -1;
  double best_d = G_MAXDOUBLE;

  /* The nearest rank holding a node in that direction. */
  for (guint i = 0; i < self->layout->n_nodes; i++)
    {
      int r = self->layout->nodes[i].rank;
      if ((direction > 0 ? r > b->rank : r < b->rank) && (rank < 0 || (direction > 0 ? r < rank : r > rank)))
        rank = r;
    }
  if (rank < 0)
    return -1;
  for (guint i = 0; i < self->layout->n_nodes; i++)
    {
      const CairnFlowNodeBox *o = &self->layout->nodes[i];
      double d = fabs (o->box.x + o->box.width / 2 - cx);
      if (o->rank == rank && d < best_d)
        best_d = d, best = (int) i;
    }
  return best;
}

static gboolean
cairn_pathway_canvas_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  CairnPathwayCanvas *self = CAIRN_PATHWAY_CANVAS (widget);
  GtkWidget *child = gtk_widget_get_focus_child (widget);
  int n, cur = -1, pos, next = -1;

  if (!self->layout || self->layout->n_nodes == 0)
    return FALSE;
  n = (int) self->layout->n_nodes;
  if (child && CAIRN_IS_PATHWAY_NODE (child) && gtk_widget_has_focus (child))
    cur = (int) cairn_pathway_node_get_index (CAIRN_PATHWAY_NODE (child));
  pos = cur >= 0 ? reading_position (self, cur) : -1;

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
      if (pos + 1 >= n)
        return FALSE;
      next = (int) self->order[pos + 1];
      break;
    case GTK_DIR_TAB_BACKWARD:
      if (pos == 0)
        return FALSE;
      next = (int) self->order[pos < 0 ? n - 1 : pos - 1];
      break;
    case GTK_DIR_DOWN:
    case GTK_DIR_UP:
      next = cur < 0 ? (int) self->order[0] : nearest_in_rank (self, cur, direction == GTK_DIR_DOWN ? 1 : -1);
      break;
    case GTK_DIR_RIGHT:
    case GTK_DIR_LEFT:
      if (cur < 0)
        next = (int) self->order[0];
      else
        {
          int p = pos + (direction == GTK_DIR_RIGHT ? 1 : -1);
          if (p >= 0 && p < n)
            next = (int) self->order[p];
        }
      break;
    default:
      break;
    }
  if (next < 0)
    {
      /* Arrows stop at the edge of the chart; keep the focus where it is. */
      if (cur >= 0)
        {
          gtk_widget_error_bell (widget);
          return TRUE;
        }
      return FALSE;
    }
  gtk_widget_grab_focus (g_ptr_array_index (self->nodes, next));
  return TRUE;
}

static gboolean
cairn_pathway_canvas_grab_focus (GtkWidget *widget)
{
  CairnPathwayCanvas *self = CAIRN_PATHWAY_CANVAS (widget);
  int target;

  if (!self->layout || self->layout->n_nodes == 0)
    return FALSE;
  target = self->selected >= 0 ? self->selected : (int) self->order[0];
  return gtk_widget_grab_focus (g_ptr_array_index (self->nodes, target));
}

static void
node_focus_enter (GtkEventControllerFocus *controller,
                  CairnPathwayCanvas      *self)
{
  GtkWidget *node = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  self->focus = (int) cairn_pathway_node_get_index (CAIRN_PATHWAY_NODE (node));
  scroll_to_node (self, self->focus);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
node_focus_leave (GtkEventControllerFocus *controller,
                  CairnPathwayCanvas      *self)
{
  GtkWidget *node = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (self->focus == (int) cairn_pathway_node_get_index (CAIRN_PATHWAY_NODE (node)))
    self->focus = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
node_activated (CairnPathwayNode   *node,
                CairnPathwayCanvas *self)
{
  int i = (int) cairn_pathway_node_get_index (node);

  cairn_pathway_canvas_select (self, i);
  g_signal_emit (self, signals[NODE_ACTIVATED], 0, i);
}

static void
focus_visible_changed (CairnPathwayCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cairn_pathway_canvas_root (GtkWidget *widget)
{
  CairnPathwayCanvas *self = CAIRN_PATHWAY_CANVAS (widget);

  GTK_WIDGET_CLASS (cairn_pathway_canvas_parent_class)->root (widget);
  self->root = GTK_WIDGET (gtk_widget_get_root (widget));
  if (GTK_IS_WINDOW (self->root))
    g_signal_connect_swapped (self->root, "notify::focus-visible", G_CALLBACK (focus_visible_changed), self);
}

static void
cairn_pathway_canvas_unroot (GtkWidget *widget)
{
  CairnPathwayCanvas *self = CAIRN_PATHWAY_CANVAS (widget);

  if (self->root)
    g_signal_handlers_disconnect_by_func (self->root, focus_visible_changed, self);
  self->root = NULL;
  GTK_WIDGET_CLASS (cairn_pathway_canvas_parent_class)->unroot (widget);
}

/* Zoom: ctrl+scroll around the pointer, pinch around its centre. */
static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          CairnPathwayCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || !self->layout)
    return FALSE;
  cairn_pathway_canvas_set_zoom (self, self->zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
pinch_begin (GtkGesture         *gesture,
             GdkEventSequence   *sequence,
             CairnPathwayCanvas *self)
{
  self->zoom_at_pinch = self->zoom;
}

static void
pinch_changed (GtkGestureZoom     *gesture,
               double              scale,
               CairnPathwayCanvas *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = self->pointer_x, y = self->pointer_y;
  cairn_pathway_canvas_set_zoom (self, self->zoom_at_pinch * scale, x, y);
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        CairnPathwayCanvas       *self)
{
  int hover = node_at (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave (GtkEventControllerMotion *controller,
       CairnPathwayCanvas       *self)
{
  if (self->hover >= 0)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Pan by dragging (past a small threshold, so clicks still select). */
static void
drag_begin (GtkGestureDrag     *gesture,
            double              x,
            double              y,
            CairnPathwayCanvas *self)
{
  self->drag_h = hvalue (self);
  self->drag_v = vvalue (self);
  self->panning = FALSE;
}

static void
drag_update (GtkGestureDrag     *gesture,
             double              dx,
             double              dy,
             CairnPathwayCanvas *self)
{
  if (!self->panning && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  if (!self->panning)
    {
      self->panning = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, self->drag_h - dx);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, self->drag_v - dy);
}

static void
drag_end (GtkGestureDrag     *gesture,
          double              dx,
          double              dy,
          CairnPathwayCanvas *self)
{
  self->panning = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
clear_nodes (CairnPathwayCanvas *self)
{
  if (self->nodes)
    {
      for (guint i = 0; i < self->nodes->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->nodes, i));
      g_clear_pointer (&self->nodes, g_ptr_array_unref);
    }
  g_clear_pointer (&self->order, g_free);
}

static void
cairn_pathway_canvas_dispose (GObject *object)
{
  CairnPathwayCanvas *self = CAIRN_PATHWAY_CANVAS (object);

  clear_nodes (self);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->chart);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->layout, cairn_flow_layout_unref);
  g_clear_object (&self->painter);
  G_OBJECT_CLASS (cairn_pathway_canvas_parent_class)->dispose (object);
}

static void
cairn_pathway_canvas_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CairnPathwayCanvas *self = CAIRN_PATHWAY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cairn_pathway_canvas_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CairnPathwayCanvas *self = CAIRN_PATHWAY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      cairn_pathway_canvas_set_zoom (self, g_value_get_double (value), 0, 0);
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cairn_pathway_canvas_class_init (CairnPathwayCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_pathway_canvas_dispose;
  object_class->get_property = cairn_pathway_canvas_get_property;
  object_class->set_property = cairn_pathway_canvas_set_property;
  widget_class->measure = cairn_pathway_canvas_measure;
  widget_class->size_allocate = cairn_pathway_canvas_size_allocate;
  widget_class->snapshot = cairn_pathway_canvas_snapshot;
  widget_class->focus = cairn_pathway_canvas_focus;
  widget_class->grab_focus = cairn_pathway_canvas_grab_focus;
  widget_class->root = cairn_pathway_canvas_root;
  widget_class->unroot = cairn_pathway_canvas_unroot;

  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, CAIRN_PATHWAY_ZOOM_MIN, CAIRN_PATHWAY_ZOOM_MAX,
                                               1.0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                      G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * CairnPathwayCanvas::node-activated:
   * @index: the node's index in the chart
   */
  signals[NODE_ACTIVATED] = g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "pathwaycanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cairn_pathway_canvas_init (CairnPathwayCanvas *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *moves = gtk_event_controller_motion_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->zoom = 1.0;
  self->selected = self->hover = self->focus = self->pending_scroll = -1;
  self->painter = cairn_flow_painter_new ();
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (moves, "motion", G_CALLBACK (motion), self);
  g_signal_connect (moves, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), moves);
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

static char *
describe_node (CairnPathwayCanvas  *self,
               const CairnFlowNode *node,
               gboolean             markup)
{
  g_autofree char *state = self->kase ? cairn_flow_case_describe (self->kase, node->id) : NULL;
  GString *out = g_string_new (NULL);

  if (markup)
    {
      g_autofree char *label = g_markup_escape_text (node->label, -1);
      g_string_append_printf (out, "<b>%s</b> <small>(%s, %s)</small>", label,
                              cairn_flow_node_kind_describe (node->kind), node->id);
    }
  else
    g_string_append_printf (out, "%s %s.", cairn_flow_node_kind_describe (node->kind), node->id);
  if (state)
    {
      g_autofree char *escaped = markup ? g_markup_escape_text (state, -1) : g_strdup (state);
      g_strdelimit (escaped, "\n", markup ? '\n' : ';');
      g_string_append_printf (out, markup ? "\n%s" : " %s.", escaped);
    }
  if (node->guidance)
    {
      g_autofree char *escaped = markup ? g_markup_escape_text (node->guidance, -1) : g_strdup (node->guidance);
      g_string_append_printf (out, markup ? "\n\n%s" : " %s", escaped);
    }
  if (node->source)
    {
      g_autofree char *escaped = markup ? g_markup_escape_text (node->source, -1) : g_strdup (node->source);
      g_string_append_printf (out, markup ? _("\n<i>Source: %s</i>") : _(" Source: %s."), escaped);
    }
  return g_string_free (out, FALSE);
}

/**
 * cairn_pathway_canvas_set_chart:
 * @chart: (nullable): the chart
 * @kase: (nullable): the case to show on it
 */
void
cairn_pathway_canvas_set_chart (CairnPathwayCanvas *self,
                                CairnFlowchart     *chart,
                                CairnFlowCase      *kase)
{
  g_return_if_fail (CAIRN_IS_PATHWAY_CANVAS (self));

  g_set_object (&self->chart, chart);
  g_set_object (&self->kase, kase);
  clear_nodes (self);
  g_clear_pointer (&self->layout, cairn_flow_layout_unref);
  self->hover = self->focus = self->pending_scroll = self->selected = -1;
  if (chart)
    {
      self->layout = cairn_flow_painter_layout (self->painter, chart, kase);
      self->order = cairn_flow_layout_reading_order (self->layout);
      self->nodes = g_ptr_array_new ();
      g_ptr_array_set_size (self->nodes, (gint) self->layout->n_nodes);
      /* Children in reading order: the order assistive technologies list them. */
      for (guint k = 0; k < self->layout->n_nodes; k++)
        {
          guint i = self->order[k];
          const CairnFlowNode *node = cairn_flowchart_get_node (chart, i);
          CairnPathwayNode *w = cairn_pathway_node_new (i, node->kind);
          GtkEventController *focus = gtk_event_controller_focus_new ();
          g_autofree char *description = describe_node (self, node, FALSE);
          g_autofree char *tooltip = describe_node (self, node, TRUE);

          cairn_pathway_node_describe (w, node->label, description, tooltip);
          gtk_widget_set_cursor_from_name (GTK_WIDGET (w), "pointer");
          g_signal_connect (focus, "enter", G_CALLBACK (node_focus_enter), self);
          g_signal_connect (focus, "leave", G_CALLBACK (node_focus_leave), self);
          gtk_widget_add_controller (GTK_WIDGET (w), focus);
          g_signal_connect (w, "activate", G_CALLBACK (node_activated), self);
          gtk_widget_set_parent (GTK_WIDGET (w), GTK_WIDGET (self));
          g_ptr_array_index (self->nodes, i) = w;
        }
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const CairnFlowLayout *
cairn_pathway_canvas_get_layout (CairnPathwayCanvas *self)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY_CANVAS (self), NULL);
  return self->layout;
}

void
cairn_pathway_canvas_set_palette (CairnPathwayCanvas   *self,
                                  CairnFlowPaletteKind  palette)
{
  g_return_if_fail (CAIRN_IS_PATHWAY_CANVAS (self));
  if (self->palette == palette)
    return;
  self->palette = palette;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
cairn_pathway_canvas_get_zoom (CairnPathwayCanvas *self)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY_CANVAS (self), 1.0);
  return self->zoom;
}

/**
 * cairn_pathway_canvas_set_zoom:
 * @anchor_x: the point (in widget coordinates) that stays where it is
 */
void
cairn_pathway_canvas_set_zoom (CairnPathwayCanvas *self,
                               double              zoom,
                               double              anchor_x,
                               double              anchor_y)
{
  double old, h, v;

  g_return_if_fail (CAIRN_IS_PATHWAY_CANVAS (self));
  zoom = CLAMP (zoom, CAIRN_PATHWAY_ZOOM_MIN, CAIRN_PATHWAY_ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-9)
    return;
  old = self->zoom;
  h = (hvalue (self) + anchor_x) * zoom / old - anchor_x;
  v = (vvalue (self) + anchor_y) * zoom / old - anchor_y;
  self->zoom = zoom;
  configure_adjustments (self);
  if (self->hadjustment)
    gtk_adjustment_set_value (self->hadjustment, h);
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, v);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The zoom at which the whole chart fits the widget. */
double
cairn_pathway_canvas_fit_zoom (CairnPathwayCanvas *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_val_if_fail (CAIRN_IS_PATHWAY_CANVAS (self), 1.0);
  if (!self->layout || w <= 0 || h <= 0)
    return 1.0;
  return CLAMP (MIN (w / self->layout->width, h / self->layout->height), CAIRN_PATHWAY_ZOOM_MIN,
                CAIRN_PATHWAY_ZOOM_MAX);
}

int
cairn_pathway_canvas_get_selected (CairnPathwayCanvas *self)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY_CANVAS (self), -1);
  return self->selected;
}

void
cairn_pathway_canvas_select (CairnPathwayCanvas *self,
                             int                 node)
{
  g_return_if_fail (CAIRN_IS_PATHWAY_CANVAS (self));

  if (!self->layout || node >= (int) self->layout->n_nodes)
    node = -1;
  if (self->selected >= 0 && self->nodes)
    gtk_accessible_reset_state (g_ptr_array_index (self->nodes, self->selected), GTK_ACCESSIBLE_STATE_PRESSED);
  self->selected = node;
  if (node >= 0)
    {
      gtk_accessible_update_state (g_ptr_array_index (self->nodes, node), GTK_ACCESSIBLE_STATE_PRESSED,
                                   GTK_ACCESSIBLE_TRISTATE_TRUE, -1);
      scroll_to_node (self, node);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkWidget *
cairn_pathway_canvas_get_node_widget (CairnPathwayCanvas *self,
                                      int                 node)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY_CANVAS (self), NULL);
  if (!self->nodes || node < 0 || node >= (int) self->nodes->len)
    return NULL;
  return g_ptr_array_index (self->nodes, node);
}
