/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-calendar.h"
#include "cairn-case-list.h"
#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_CASE_TABLE (cairn_case_table_get_type ())

G_DECLARE_FINAL_TYPE (CairnCaseTable, cairn_case_table, CAIRN, CASE_TABLE, GtkWidget)

typedef char *(*CairnStageLabelFunc) (const char *edition,
                                      const char *stage,
                                      gpointer    user_data);

void           cairn_case_table_set_store        (CairnCaseTable      *self,
                                                  CairnStore          *store);
CairnCaseList *cairn_case_table_get_model        (CairnCaseTable      *self);
void           cairn_case_table_set_stage_labels (CairnCaseTable      *self,
                                                  CairnStageLabelFunc  func,
                                                  gpointer             user_data);
void           cairn_case_table_set_calendar     (CairnCaseTable      *self,
                                                  CairnCalendar       *calendar);
void           cairn_case_table_focus_search     (CairnCaseTable      *self);
void           cairn_case_table_reload           (CairnCaseTable      *self);
guint          cairn_case_table_get_n_cases      (CairnCaseTable      *self);

G_END_DECLS
