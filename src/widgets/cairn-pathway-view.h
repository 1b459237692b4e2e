/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cairn-flowchart.h"

G_BEGIN_DECLS

/* The process view: a pathway flowchart that can be zoomed (ctrl+scroll,
 * pinch, ctrl+plus/minus, ctrl+0 to fit, ctrl+1 for actual size) and
 * panned (drag, scroll bars), with the guidance as tooltips, one accessible
 * and focusable object per node (Tab in reading order, arrow keys between
 * ranks), light, dark and high-contrast colours following the style
 * manager. Without a case it is the reference map of the process; with
 * one, it shows where the case stands. Activating a node (click, Enter)
 * selects it and emits ::node-activated with the node id. */

#define CAIRN_TYPE_PATHWAY_VIEW (cairn_pathway_view_get_type ())

G_DECLARE_FINAL_TYPE (CairnPathwayView, cairn_pathway_view, CAIRN, PATHWAY_VIEW, GtkWidget)

GtkWidget      *cairn_pathway_view_new          (void);
void            cairn_pathway_view_set_chart    (CairnPathwayView *self,
                                                 CairnFlowchart   *chart);
CairnFlowchart *cairn_pathway_view_get_chart    (CairnPathwayView *self);
void            cairn_pathway_view_set_case     (CairnPathwayView *self,
                                                 CairnFlowCase    *kase);
CairnFlowCase  *cairn_pathway_view_get_case     (CairnPathwayView *self);
const char     *cairn_pathway_view_get_selected (CairnPathwayView *self);
void            cairn_pathway_view_select       (CairnPathwayView *self,
                                                 const char       *node_id);
double          cairn_pathway_view_get_zoom     (CairnPathwayView *self);
void            cairn_pathway_view_set_zoom     (CairnPathwayView *self,
                                                 double            zoom);
void            cairn_pathway_view_zoom_to_fit  (CairnPathwayView *self);

G_END_DECLS
