/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-pathway-node"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-flowchart-layout.h"
#include "cairn-pathway-node.h"

struct _CairnPathwayNode
{
  GtkWidget parent_instance;

  guint index;
  CairnFlowNodeKind kind;
};

G_DEFINE_FINAL_TYPE (CairnPathwayNode, cairn_pathway_node, GTK_TYPE_WIDGET)

enum
{
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Clicks and the pointer count only inside the drawn shape (a diamond's
 * corners belong to whatever is behind them). */
static gboolean
cairn_pathway_node_contains (GtkWidget *widget,
                             double     x,
                             double     y)
{
  CairnPathwayNode *self = CAIRN_PATHWAY_NODE (widget);
  CairnFlowRect box = { 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget) };

  return cairn_flow_shape_contains (self->kind, &box, x, y);
}

static void
cairn_pathway_node_class_init (CairnPathwayNodeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->contains = cairn_pathway_node_contains;

  /**
   * CairnPathwayNode::activate:
   *
   * The node was clicked, or Enter or Space pressed on it.
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "pathwaynode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
released (GtkGestureClick  *gesture,
          int               n_press,
          double            x,
          double            y,
          CairnPathwayNode *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
cairn_pathway_node_init (CairnPathwayNode *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

CairnPathwayNode *
cairn_pathway_node_new (guint             index,
                        CairnFlowNodeKind kind)
{
  CairnPathwayNode *self = g_object_new (CAIRN_TYPE_PATHWAY_NODE, NULL);

  self->index = index;
  self->kind = kind;
  return self;
}

guint
cairn_pathway_node_get_index (CairnPathwayNode *self)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY_NODE (self), 0);
  return self->index;
}

/**
 * cairn_pathway_node_describe:
 * @label: what assistive technologies announce: the node's label
 * @description: its kind, its state for the case, the guidance and source
 * @tooltip_markup: (nullable): the tooltip
 */
void
cairn_pathway_node_describe (CairnPathwayNode *self,
                             const char       *label,
                             const char       *description,
                             const char       *tooltip_markup)
{
  g_return_if_fail (CAIRN_IS_PATHWAY_NODE (self));

  /* The tooltip first: GTK makes a tooltip the accessible description,
   * and the description wanted here is plainer. */
  gtk_widget_set_tooltip_markup (GTK_WIDGET (self), tooltip_markup);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}
