/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cairn-pathway.h"

G_BEGIN_DECLS

/**
 * CairnTimerStatus:
 * @CAIRN_TIMER_RUNNING: the step is not done and its due date has not passed
 * @CAIRN_TIMER_MET: the step was done by its due date
 * @CAIRN_TIMER_MISSED: the step was done late, or is still not done and its
 *   due date has passed (then the timer is also open: overdue)
 * @CAIRN_TIMER_NOT_APPLICABLE: the clock started but the step is not needed
 *   (the case went another way before the due date, or a condition of the
 *   rule does not hold, such as a core group when no plan was made)
 */
typedef enum
{
  CAIRN_TIMER_RUNNING,
  CAIRN_TIMER_MET,
  CAIRN_TIMER_MISSED,
  CAIRN_TIMER_NOT_APPLICABLE,
} CairnTimerStatus;

const char *cairn_timer_status_to_string (CairnTimerStatus status);

/**
 * CairnTimer:
 * @rule_id: the rule (W10-04, or a board's own rule id)
 * @edition: the edition that set the limit ("wt2010")
 * @start_kind: the event that started the clock
 * @due_minute: the due time for hour limits, else %CAIRN_NO_TIME
 * @open: the step is not recorded yet (running, or missed and overdue)
 * @days: with @has_days: for an open timer, working days from today to the
 *   due date (0 on the due date, negative when overdue); for a closed one,
 *   working days from the step to the due date (negative when late)
 * @late_reason: the reason recorded with the late step (events.late_reason)
 * @source: where the limit comes from, for people
 * @board_rule: the limit is the board's, not the national one
 */
typedef struct
{
  char *rule_id;
  char *title;
  char *edition;
  char *node;
  char *start_kind;
  gint64 start_event_id;
  GDate start_date;
  int start_minute;
  int limit;
  CairnUnit unit;
  GDate due;
  int due_minute;
  CairnTimerStatus status;
  gboolean open;
  gboolean has_days;
  int days;
  char *stop_kind;
  gint64 stop_event_id;
  GDate stop_date;
  int stop_minute;
  char *late_reason;
  char *source;
  char *rule_status;
  gboolean board_rule;
} CairnTimer;

void        cairn_timer_free         (CairnTimer               *timer);
GPtrArray  *cairn_pathway_compute_timers (CairnPathway         *self,
                                      const CairnPathwayConfig *config,
                                      const CairnPathwayCase   *kase,
                                      GPtrArray                *events,
                                      const GDate              *today,
                                      GError                  **error);

/* A board's rules prepared once for computing many cases. */
typedef struct _CairnTimerPlan CairnTimerPlan;

CairnTimerPlan *cairn_timer_plan_new     (CairnPathway             *pathway,
                                          const CairnPathwayConfig *config);
void            cairn_timer_plan_free    (CairnTimerPlan           *plan);
GPtrArray      *cairn_timer_plan_compute (CairnTimerPlan           *plan,
                                          const CairnPathwayCase   *kase,
                                          GPtrArray                *events,
                                          const GDate              *today,
                                          gboolean                  with_text,
                                          GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnTimer, cairn_timer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnTimerPlan, cairn_timer_plan_free)

G_END_DECLS
