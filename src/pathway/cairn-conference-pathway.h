/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-conference.h"
#include "cairn-pathway.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* A conference on the pathway: the dates it sets (the first core group
 * within 10 working days, the first review within 3 months, later reviews
 * within 6), computed with the board's calendar, edition choice and rule
 * overrides, never hard-coded; and its approval, which records the
 * conference and the plan decisions as pathway events so that every
 * child's timers follow. */

gboolean   cairn_conference_compute_dates (CairnStore       *store,
                                           CairnConference  *conference,
                                           GError          **error);
gboolean   cairn_conference_approve       (CairnStore       *store,
                                           int               year,
                                           int               number,
                                           GError          **error);
const char *cairn_conference_event_kind   (const CairnConference        *conference,
                                           const CairnConferenceSubject *subject);

G_END_DECLS
