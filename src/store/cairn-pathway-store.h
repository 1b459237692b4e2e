/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-case.h"
#include "cairn-rule-override.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* What the pathway reads and writes: a case's dates and edition, its
 * events, the summary columns, and the board's rule overrides. */

typedef struct
{
  gint64 case_id;
  gint64 child_number;
  int case_number;
  GDate opened_on;
  GDate closed_on;
  char *edition;         /* the case's own edition, or NULL for the board's choice */
  char *edition_reason;
} CairnCasePathway;

void cairn_case_pathway_clear (CairnCasePathway *kase);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CairnCasePathway, cairn_case_pathway_clear)

/**
 * CairnCaseSummary:
 * @current_stage: the node the case stands on, or %NULL
 * @current_edition: the edition @current_stage belongs to
 * @next_due_on: the earliest due date of an open timer, or unset
 * @next_rule: that timer's rule id
 * @timer_status: "overdue" when an open timer is past its due date as of
 *   @summary_on, "running" when timers are open and none is overdue, or %NULL
 * @summary_on: the day the summary was computed for
 */
typedef struct
{
  char *current_stage;
  char *current_edition;
  GDate next_due_on;
  char *next_rule;
  const char *timer_status;
  GDate summary_on;
} CairnCaseSummary;

void cairn_case_summary_init  (CairnCaseSummary *summary);
void cairn_case_summary_clear (CairnCaseSummary *summary);

/**
 * CairnCaseEventsFunc:
 * @events: (element-type CairnEvent): the case's events in date order
 *
 * Returns: %FALSE to stop, with @error set when something failed
 */
typedef gboolean (*CairnCaseEventsFunc) (const CairnCasePathway  *kase,
                                         GPtrArray               *events,
                                         gpointer                 user_data,
                                         GError                 **error);

gboolean   cairn_store_get_case_pathway        (CairnStore               *self,
                                                gint64                    child_number,
                                                int                       case_number,
                                                CairnCasePathway         *out,
                                                GError                  **error);
gint64     cairn_store_get_max_case_id         (CairnStore               *self,
                                                GError                  **error);
GArray    *cairn_store_list_child_case_ids     (CairnStore               *self,
                                                gint64                    child_number,
                                                GError                  **error);
gboolean   cairn_store_foreach_case_events     (CairnStore               *self,
                                                gint64                    first_case_id,
                                                gint64                    last_case_id,
                                                CairnCaseEventsFunc       func,
                                                gpointer                  user_data,
                                                GError                  **error);
gboolean   cairn_store_set_case_summary        (CairnStore               *self,
                                                gint64                    case_id,
                                                const CairnCaseSummary   *summary,
                                                GError                  **error);
gboolean   cairn_store_get_case_summary        (CairnStore               *self,
                                                gint64                    child_number,
                                                int                       case_number,
                                                CairnCaseSummary         *out,
                                                GError                  **error);
gboolean   cairn_store_restamp_case_summaries  (CairnStore               *self,
                                                const GDate              *today,
                                                GError                  **error);
gboolean   cairn_store_set_case_edition        (CairnStore               *self,
                                                gint64                    child_number,
                                                int                       case_number,
                                                const char               *edition,
                                                const char               *reason,
                                                GError                  **error);

GPtrArray *cairn_store_list_rule_overrides     (CairnStore               *self,
                                                GError                  **error);
gboolean   cairn_store_add_rule_override       (CairnStore               *self,
                                                CairnRuleOverride        *override,
                                                GError                  **error);
gboolean   cairn_store_delete_rule_override    (CairnStore               *self,
                                                gint64                    id,
                                                GError                  **error);

G_END_DECLS
