/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cairn-flowchart-render.h"

G_BEGIN_DECLS

/* The scrollable surface of a CairnPathwayView: draws the laid-out chart
 * with cairn_flow_painter_draw() at a zoom, places one CairnPathwayNode
 * over each node, and handles zoom (ctrl+scroll, pinch), panning by drag,
 * hover and keyboard focus order. Internal to the view. */

#define CAIRN_TYPE_PATHWAY_CANVAS (cairn_pathway_canvas_get_type ())

G_DECLARE_FINAL_TYPE (CairnPathwayCanvas, cairn_pathway_canvas, CAIRN, PATHWAY_CANVAS, GtkWidget)

#define CAIRN_PATHWAY_ZOOM_MIN 0.1
#define CAIRN_PATHWAY_ZOOM_MAX 4.0

void             cairn_pathway_canvas_set_chart    (CairnPathwayCanvas   *self,
                                                    CairnFlowchart       *chart,
                                                    CairnFlowCase        *kase);
const CairnFlowLayout *cairn_pathway_canvas_get_layout (CairnPathwayCanvas *self);
void             cairn_pathway_canvas_set_palette  (CairnPathwayCanvas   *self,
                                                    CairnFlowPaletteKind  palette);
double           cairn_pathway_canvas_get_zoom     (CairnPathwayCanvas   *self);
void             cairn_pathway_canvas_set_zoom     (CairnPathwayCanvas   *self,
                                                    double                zoom,
                                                    double                anchor_x,
                                                    double                anchor_y);
double           cairn_pathway_canvas_fit_zoom     (CairnPathwayCanvas   *self);
int              cairn_pathway_canvas_get_selected (CairnPathwayCanvas   *self);
void             cairn_pathway_canvas_select       (CairnPathwayCanvas   *self,
                                                    int                   node);
GtkWidget       *cairn_pathway_canvas_get_node_widget (CairnPathwayCanvas *self,
                                                    int                   node);

G_END_DECLS
