/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-scr-preview.h"
#include "cairn-scr-workspace.h"

G_BEGIN_DECLS

/* For the gui tests: the preview pane, and printing without the print
 * dialog (GTK_PRINT_OPERATION_ACTION_EXPORT writes a PDF). */
CairnScrPreview *cairn_scr_workspace_get_preview (CairnScrWorkspace        *self);
gboolean         cairn_scr_workspace_print_full  (CairnScrWorkspace        *self,
                                                  GtkPrintOperationAction   action,
                                                  const char               *export_path,
                                                  GError                  **error);

G_END_DECLS
