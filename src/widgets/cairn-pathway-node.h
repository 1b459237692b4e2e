/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cairn-flowchart.h"

G_BEGIN_DECLS

/* One node of a CairnPathwayView: an invisible, focusable child placed over
 * the node's shape, so that each node is an accessible object (a button
 * with the node's label and a description of its state and guidance), takes
 * keyboard focus, shows the guidance as a tooltip and takes clicks only
 * inside its shape. The canvas draws everything. Internal to the view. */

#define CAIRN_TYPE_PATHWAY_NODE (cairn_pathway_node_get_type ())

G_DECLARE_FINAL_TYPE (CairnPathwayNode, cairn_pathway_node, CAIRN, PATHWAY_NODE, GtkWidget)

CairnPathwayNode *cairn_pathway_node_new       (guint              index,
                                                CairnFlowNodeKind  kind);
guint             cairn_pathway_node_get_index (CairnPathwayNode  *self);
void              cairn_pathway_node_describe  (CairnPathwayNode  *self,
                                                const char        *label,
                                                const char        *description,
                                                const char        *tooltip_markup);

G_END_DECLS
