/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cairn-store.h"

G_BEGIN_DECLS

/* A small hand-built board for the annual report tests: 27 children whose
 * referrals, assessments, enquiries, conferences, plans, reviews and visits
 * sit on the year boundaries (31 March / 1 April), around bank holidays
 * (Easter and the royal wedding of 2011, Christmas 2011), on both sides of
 * 1 April 2010 (initial assessments: 7 then 10 working days) and of
 * 15 April 2013 (Working Together 2013); plans with one category, several,
 * and MUL only; four serious case reviews with dated action histories; three
 * board meetings; and the figures the board enters. Every answer is worked
 * out by hand in cairn-test-annual.c beside the rows it comes from. Made-up
 * names only; no NHS numbers. */

#define FIX_ANNUAL_BOARD "Testshire Local Safeguarding Children Board"
#define FIX_ANNUAL_PASSWORD "correct horse battery"

/* Accounts when asked for: "chair", "manager" (business manager),
 * "practitioner" (team East) and "auditor", all with FIX_ANNUAL_PASSWORD. */
char       *cairn_test_annual_fixture (const char *name,
                                       gboolean    accounts);
CairnStore *cairn_test_annual_open    (const char *path,
                                       const char *user);

G_END_DECLS
