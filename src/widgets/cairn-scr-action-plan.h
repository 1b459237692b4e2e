/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-scr.h"
#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_SCR_ACTION_PLAN (cairn_scr_action_plan_get_type ())

G_DECLARE_FINAL_TYPE (CairnScrActionPlan, cairn_scr_action_plan, CAIRN, SCR_ACTION_PLAN, GtkWidget)

CairnScrActionPlan *cairn_scr_action_plan_new        (void);
void                cairn_scr_action_plan_set_review (CairnScrActionPlan *self,
                                                      CairnStore         *store,
                                                      CairnScr           *scr,
                                                      gboolean            editable);
gboolean            cairn_scr_action_plan_flush      (CairnScrActionPlan *self,
                                                      GError            **error);

G_END_DECLS
