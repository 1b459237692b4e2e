/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-annual-store.h"
#include "cairn-pathway.h"

G_BEGIN_DECLS

/* What the annual statistics count against, from the pathway: the working
 * days of the England and Wales calendar, the guidance editions with the
 * board's choice of edition and edition settings, and each timeliness
 * clock's limits (the edition's rules, with their dated changes such as the
 * initial assessment's 7 → 10 working days on 1 April 2010, and the board's
 * overrides from their effective dates).
 *
 * Which rule measures which clock is read from the editions, not named
 * here: the rule whose clock stops at the event that completes the step
 * (initial_assessment_complete, core_assessment_complete,
 * assessment_complete, icpc, review_conference, scr_completed). */

CairnAnnualRules *cairn_annual_rules_new        (CairnPathway             *pathway,
                                                 const CairnPathwayConfig *config,
                                                 GError                  **error);

CairnEdition     *cairn_annual_year_edition     (CairnPathway             *pathway,
                                                 const CairnPathwayConfig *config,
                                                 int                       year);

GPtrArray        *cairn_annual_compute_stats    (CairnStore               *store,
                                                 CairnPathway             *pathway,
                                                 int                       first_year,
                                                 int                       last_year,
                                                 GCancellable             *cancellable,
                                                 GError                  **error);

G_END_DECLS
