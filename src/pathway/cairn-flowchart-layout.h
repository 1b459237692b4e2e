/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-flowchart.h"

G_BEGIN_DECLS

/* A layered (Sugiyama) layout of a #CairnFlowchart, computed from the graph
 * alone: back edges reversed (fewest possible, so loops such as the review
 * cycle point back up), ranks by network simplex, crossings reduced by
 * median sweeps and transposition, x coordinates by least squares under
 * separation constraints, orthogonal edge routes through the channels
 * between ranks, edge labels placed in the ranks as items of their own so
 * that they never touch a box, an edge or another label. Text is measured by
 * a callback (cairn-flowchart-render.h measures with Pango), so this file
 * needs no Cairo. The same input always gives the same coordinates. */

typedef enum
{
  CAIRN_FLOW_TEXT_TITLE,
  CAIRN_FLOW_TEXT_SUBTITLE,
  CAIRN_FLOW_TEXT_NODE,
  CAIRN_FLOW_TEXT_STATUS,
  CAIRN_FLOW_TEXT_CONDITION,
  CAIRN_FLOW_TEXT_TIMESCALE,
  CAIRN_FLOW_TEXT_LEGEND,
  CAIRN_FLOW_N_TEXT_STYLES,
} CairnFlowTextStyle;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CairnFlowRect;

typedef struct
{
  double x;
  double y;
} CairnFlowPoint;

/**
 * CairnFlowMeasureFunc:
 * @wrap_width: the width to wrap at, or 0 for one line
 * @width: (out): the width the text needs (never more than @wrap_width
 *   unless one word is wider)
 * @height: (out): its height
 *
 * Measures @text as it will be drawn in @style.
 */
typedef void (*CairnFlowMeasureFunc) (CairnFlowTextStyle  style,
                                      const char         *text,
                                      double              wrap_width,
                                      double             *width,
                                      double             *height,
                                      gpointer            user_data);

/**
 * CairnFlowText:
 * @node: the node it labels, or -1
 * @edge: the edge it labels, or -1
 *
 * One block of text and the rectangle it is drawn in (at @wrap_width).
 */
typedef struct
{
  CairnFlowTextStyle style;
  char *text;
  double wrap_width;
  CairnFlowRect rect;
  int node;
  int edge;
} CairnFlowText;

/**
 * CairnFlowNodeBox:
 * @box: the bounding box of the shape
 * @label: index of the label in the layout's texts
 * @status: index of the case state text, or -1
 */
typedef struct
{
  CairnFlowNodeKind kind;
  CairnFlowRect box;
  int rank;
  int label;
  int status;
  CairnFlowProgress progress;
  CairnFlowDeadline deadline;
} CairnFlowNodeBox;

/**
 * CairnFlowRoute:
 * @points: the polyline from the source's outline to the target's (the
 *   arrowhead goes at the last point)
 * @back: the edge points back up the chart (a loop)
 * @condition: index of the condition text, or -1
 * @timescale: index of the timescale text, or -1
 * @label: the rectangle holding both texts (empty without them)
 */
typedef struct
{
  CairnFlowPoint *points;
  guint n_points;
  gboolean back;
  int condition;
  int timescale;
  CairnFlowRect label;
} CairnFlowRoute;

typedef enum
{
  CAIRN_FLOW_LEGEND_START,
  CAIRN_FLOW_LEGEND_STEP,
  CAIRN_FLOW_LEGEND_DECISION,
  CAIRN_FLOW_LEGEND_END,
  CAIRN_FLOW_LEGEND_BACK_EDGE,
  CAIRN_FLOW_LEGEND_PASSED,
  CAIRN_FLOW_LEGEND_CURRENT,
  CAIRN_FLOW_LEGEND_DUE,
  CAIRN_FLOW_LEGEND_LATE,
} CairnFlowLegendKind;

typedef struct
{
  CairnFlowLegendKind kind;
  CairnFlowRect swatch;
  int text;
} CairnFlowLegendItem;

/**
 * CairnFlowLayout:
 * @nodes: one per chart node, in the chart's order
 * @routes: one per chart edge, in the chart's order
 * @texts: every text block (title, subtitle, node labels and states, edge
 *   conditions and timescales, legend)
 * @title: index of the title text
 * @subtitle: index of the subtitle text
 * @has_case: the layout shows a case's state
 * @n_reversed: how many edges point back up
 *
 * Read-only; shared by reference.
 */
typedef struct
{
  double width;
  double height;
  CairnFlowNodeBox *nodes;
  guint n_nodes;
  CairnFlowRoute *routes;
  guint n_routes;
  CairnFlowText *texts;
  guint n_texts;
  CairnFlowLegendItem *legend;
  guint n_legend;
  int title;
  int subtitle;
  gboolean has_case;
  guint n_ranks;
  guint n_reversed;
} CairnFlowLayout;

GType            cairn_flow_layout_get_type        (void) G_GNUC_CONST;
#define CAIRN_TYPE_FLOW_LAYOUT (cairn_flow_layout_get_type ())

CairnFlowLayout *cairn_flow_layout_compute         (CairnFlowchart        *chart,
                                                    CairnFlowCase         *kase,
                                                    CairnFlowMeasureFunc   measure,
                                                    gpointer               user_data);
CairnFlowLayout *cairn_flow_layout_ref             (CairnFlowLayout       *layout);
void             cairn_flow_layout_unref           (CairnFlowLayout       *layout);

int              cairn_flow_layout_node_at         (const CairnFlowLayout *layout,
                                                    double                 x,
                                                    double                 y);
guint           *cairn_flow_layout_reading_order   (const CairnFlowLayout *layout);
guint            cairn_flow_layout_count_crossings (const CairnFlowLayout *layout);

gboolean         cairn_flow_shape_contains         (CairnFlowNodeKind      kind,
                                                    const CairnFlowRect   *box,
                                                    double                 x,
                                                    double                 y);

guint            cairn_flow_count_crossings        (const CairnFlowPoint * const *lines,
                                                    const guint           *n_points,
                                                    guint                  n_lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnFlowLayout, cairn_flow_layout_unref)

G_END_DECLS
