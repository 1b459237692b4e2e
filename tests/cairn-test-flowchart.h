/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-flowchart.h"

G_BEGIN_DECLS

/* The Working Together 2010 pathway exactly as working-together-2010.md §11
 * tabulates it (grouped edges included), for the flowchart tests and the
 * benchmark. Synthetic case states go with it. */

CairnFlowchart *cairn_test_wt2010_chart (void);
CairnFlowCase  *cairn_test_wt2010_case  (void);

G_END_DECLS
