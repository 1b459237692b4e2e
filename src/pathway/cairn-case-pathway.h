/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-pathway-store.h"
#include "cairn-pathway.h"
#include "cairn-store.h"
#include "cairn-timescales.h"

G_BEGIN_DECLS

/* The pathway applied to a board's database: recording events with the
 * transition check, timers for a case, where a case stands, the per-case
 * summary columns, and the board's settings and rule overrides. Widgets,
 * the CLI and the demo generator call these; none of them writes SQL. */

CairnPathwayConfig *cairn_pathway_config_load          (CairnPathway        *pathway,
                                                        CairnStore          *store,
                                                        GError             **error);

gboolean    cairn_pathway_check_event                  (CairnStore          *store,
                                                        gint64               child_number,
                                                        int                  case_number,
                                                        const CairnEvent    *event,
                                                        GPtrArray          **late_timers,
                                                        GError             **error);
gboolean    cairn_pathway_record_event                 (CairnStore          *store,
                                                        gint64               child_number,
                                                        int                  case_number,
                                                        CairnEvent          *event,
                                                        GError             **error);

gboolean    cairn_pathway_delete_event                 (CairnStore          *store,
                                                        gint64               child_number,
                                                        int                  case_number,
                                                        gint64               event_id,
                                                        GError             **error);
GPtrArray  *cairn_pathway_allowed_kinds                (CairnStore          *store,
                                                        gint64               child_number,
                                                        int                  case_number,
                                                        const GDate         *date,
                                                        GError             **error);
GPtrArray  *cairn_pathway_case_timers                  (CairnStore          *store,
                                                        gint64               child_number,
                                                        int                  case_number,
                                                        GError             **error);
gboolean    cairn_pathway_case_stage                   (CairnStore          *store,
                                                        gint64               child_number,
                                                        int                  case_number,
                                                        CairnEdition       **edition,
                                                        const CairnNode    **node,
                                                        GError             **error);

/**
 * CairnCaseTimersFunc:
 * @timers: (element-type CairnTimer): the case's timers
 *
 * Returns: %FALSE to stop, with @error set when something failed
 */
typedef gboolean (*CairnCaseTimersFunc) (const CairnCasePathway  *kase,
                                         GPtrArray               *timers,
                                         gpointer                 user_data,
                                         GError                 **error);

gboolean    cairn_pathway_foreach_case_timers          (CairnStore          *store,
                                                        gint64               child_number,
                                                        int                  case_number,
                                                        CairnCaseTimersFunc  func,
                                                        gpointer             user_data,
                                                        GError             **error);

gboolean    cairn_pathway_refresh_case_summary         (CairnStore          *store,
                                                        gint64               child_number,
                                                        int                  case_number,
                                                        GError             **error);
gboolean    cairn_pathway_refresh_child_summaries      (CairnStore          *store,
                                                        gint64               child_number,
                                                        GError             **error);
gboolean    cairn_pathway_refresh_all_summaries        (CairnStore          *store,
                                                        guint               *n_cases,
                                                        guint               *n_failed,
                                                        GError             **error);
gboolean    cairn_pathway_restamp_summaries            (CairnStore          *store,
                                                        GError             **error);

gboolean    cairn_pathway_set_case_edition             (CairnStore          *store,
                                                        gint64               child_number,
                                                        int                  case_number,
                                                        const char          *edition,
                                                        const char          *reason,
                                                        GError             **error);
gboolean    cairn_pathway_set_board_setting            (CairnStore          *store,
                                                        const char          *key,
                                                        const char          *value,
                                                        GError             **error);
gboolean    cairn_pathway_add_rule_override            (CairnStore          *store,
                                                        CairnRuleOverride   *override,
                                                        GError             **error);

G_END_DECLS
