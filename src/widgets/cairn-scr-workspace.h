/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_SCR_WORKSPACE (cairn_scr_workspace_get_type ())

G_DECLARE_FINAL_TYPE (CairnScrWorkspace, cairn_scr_workspace, CAIRN, SCR_WORKSPACE, GtkWidget)

CairnScrWorkspace *cairn_scr_workspace_new           (void);
void               cairn_scr_workspace_set_store     (CairnScrWorkspace   *self,
                                                      CairnStore          *store);
CairnStore        *cairn_scr_workspace_get_store     (CairnScrWorkspace   *self);
gboolean           cairn_scr_workspace_open          (CairnScrWorkspace   *self,
                                                      int                  year,
                                                      int                  number,
                                                      GError             **error);
void               cairn_scr_workspace_close         (CairnScrWorkspace   *self);
const char        *cairn_scr_workspace_get_reference (CairnScrWorkspace   *self);
const char        *cairn_scr_workspace_get_title     (CairnScrWorkspace   *self);
gboolean           cairn_scr_workspace_get_editable  (CairnScrWorkspace   *self);
gboolean           cairn_scr_workspace_save          (CairnScrWorkspace   *self,
                                                      GError             **error);

void               cairn_scr_workspace_export_async  (CairnScrWorkspace   *self,
                                                      gboolean             publishable,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
int                cairn_scr_workspace_export_finish (CairnScrWorkspace   *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
gboolean           cairn_scr_workspace_print         (CairnScrWorkspace   *self,
                                                      GError             **error);

G_END_DECLS
