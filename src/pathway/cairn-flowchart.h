/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A flowchart as a neutral graph: nodes (start, step, decision, end) with
 * their guidance text and where it comes from, and edges with a condition
 * and a timescale. It knows nothing of guidance editions or of a board's
 * database: cairn-flowchart-edition.h builds one from an edition, and
 * cairn-flowchart-layout.h lays it out. A #CairnFlowCase overlays one case's
 * state (passed, current, next due, late) on it. */

typedef enum
{
  CAIRN_FLOW_NODE_START,
  CAIRN_FLOW_NODE_STEP,
  CAIRN_FLOW_NODE_DECISION,
  CAIRN_FLOW_NODE_END,
} CairnFlowNodeKind;

const char *cairn_flow_node_kind_to_string   (CairnFlowNodeKind  kind);
gboolean    cairn_flow_node_kind_from_string (const char        *text,
                                              CairnFlowNodeKind *out);
const char *cairn_flow_node_kind_describe    (CairnFlowNodeKind  kind);

typedef struct
{
  char *id;
  char *label;
  CairnFlowNodeKind kind;
  char *guidance;   /* what the guidance says happens here, or NULL */
  char *source;     /* where it says it, or NULL */
  gboolean any_time; /* entered from many stages: it stays where the chart lists it */
} CairnFlowNode;

typedef struct
{
  guint from;       /* node indices */
  guint to;
  char *condition;  /* or NULL */
  char *timescale;  /* or NULL */
} CairnFlowEdge;

#define CAIRN_TYPE_FLOWCHART (cairn_flowchart_get_type ())

G_DECLARE_FINAL_TYPE (CairnFlowchart, cairn_flowchart, CAIRN, FLOWCHART, GObject)

CairnFlowchart      *cairn_flowchart_new            (const char      *title);
const char          *cairn_flowchart_get_title      (CairnFlowchart  *self);

gboolean             cairn_flowchart_add_node       (CairnFlowchart  *self,
                                                     const char      *id,
                                                     const char      *label,
                                                     CairnFlowNodeKind kind,
                                                     const char      *guidance,
                                                     const char      *source,
                                                     GError         **error);
gboolean             cairn_flowchart_set_any_time   (CairnFlowchart  *self,
                                                     const char      *id,
                                                     gboolean         any_time);
gboolean             cairn_flowchart_add_edge       (CairnFlowchart  *self,
                                                     const char      *from,
                                                     const char      *to,
                                                     const char      *condition,
                                                     const char      *timescale,
                                                     GError         **error);
int                  cairn_flowchart_add_edges      (CairnFlowchart  *self,
                                                     const char      *spec,
                                                     const char      *condition,
                                                     const char      *timescale,
                                                     GError         **error);
GStrv                cairn_flowchart_parse_group    (const char      *field,
                                                     const char      *text,
                                                     GError         **error);

guint                cairn_flowchart_get_n_nodes    (CairnFlowchart  *self);
const CairnFlowNode *cairn_flowchart_get_node       (CairnFlowchart  *self,
                                                     guint            i);
int                  cairn_flowchart_lookup_node    (CairnFlowchart  *self,
                                                     const char      *id);
guint                cairn_flowchart_get_n_edges    (CairnFlowchart  *self);
const CairnFlowEdge *cairn_flowchart_get_edge       (CairnFlowchart  *self,
                                                     guint            i);
char                *cairn_flowchart_to_dot         (CairnFlowchart  *self);

/**
 * CairnFlowProgress:
 * @CAIRN_FLOW_PROGRESS_NONE: not reached (or no case shown)
 * @CAIRN_FLOW_PROGRESS_PASSED: the case has been through this stage
 * @CAIRN_FLOW_PROGRESS_CURRENT: the case stands here now
 */
typedef enum
{
  CAIRN_FLOW_PROGRESS_NONE,
  CAIRN_FLOW_PROGRESS_PASSED,
  CAIRN_FLOW_PROGRESS_CURRENT,
} CairnFlowProgress;

/**
 * CairnFlowDeadline:
 * @CAIRN_FLOW_DEADLINE_NONE: no timescale to show
 * @CAIRN_FLOW_DEADLINE_DUE: the next deadline: its date and the working days left
 * @CAIRN_FLOW_DEADLINE_LATE: overdue, or done after its due date: how many working days late
 */
typedef enum
{
  CAIRN_FLOW_DEADLINE_NONE,
  CAIRN_FLOW_DEADLINE_DUE,
  CAIRN_FLOW_DEADLINE_LATE,
} CairnFlowDeadline;

/**
 * CairnFlowNodeState:
 * @working_days: for %CAIRN_FLOW_DEADLINE_DUE the working days left (0 on
 *   the due date); for %CAIRN_FLOW_DEADLINE_LATE how many working days late
 *   (at least 1)
 * @done: with %CAIRN_FLOW_DEADLINE_LATE: the step was done, late (else it is
 *   still not done)
 * @rule: the timescale rule behind the deadline ("W10-04"), or %NULL
 */
typedef struct
{
  CairnFlowProgress progress;
  CairnFlowDeadline deadline;
  GDate due;
  int working_days;
  gboolean done;
  const char *rule;
} CairnFlowNodeState;

#define CAIRN_TYPE_FLOW_CASE (cairn_flow_case_get_type ())

G_DECLARE_FINAL_TYPE (CairnFlowCase, cairn_flow_case, CAIRN, FLOW_CASE, GObject)

CairnFlowCase            *cairn_flow_case_new          (const char               *title,
                                                        const GDate              *today);
const char               *cairn_flow_case_get_title    (CairnFlowCase            *self);
const GDate              *cairn_flow_case_get_today    (CairnFlowCase            *self);
gboolean                  cairn_flow_case_set_state    (CairnFlowCase            *self,
                                                        const char               *node_id,
                                                        const CairnFlowNodeState *state,
                                                        GError                  **error);
const CairnFlowNodeState *cairn_flow_case_lookup_state (CairnFlowCase            *self,
                                                        const char               *node_id);
char                     *cairn_flow_case_describe     (CairnFlowCase            *self,
                                                        const char               *node_id);

G_END_DECLS
