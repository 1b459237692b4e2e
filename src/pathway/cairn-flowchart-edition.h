/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-edition.h"
#include "cairn-flowchart.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* The thin layer between the guidance editions and the flowchart: a chart
 * from an edition's nodes and edges, and a case's state on it from its
 * events and timers. */

CairnFlowchart *cairn_flowchart_new_from_edition (CairnEdition   *edition,
                                                  GError        **error);
CairnFlowCase  *cairn_flow_case_new_from_store   (CairnStore     *store,
                                                  CairnEdition   *edition,
                                                  gint64          child_number,
                                                  int             case_number,
                                                  CairnEdition  **edition_used,
                                                  GError        **error);

G_END_DECLS
