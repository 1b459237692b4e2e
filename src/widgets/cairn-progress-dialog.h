/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAIRN_TYPE_PROGRESS_DIALOG (cairn_progress_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CairnProgressDialog, cairn_progress_dialog, CAIRN, PROGRESS_DIALOG, AdwWindow)

CairnProgressDialog *cairn_progress_dialog_new             (GtkWindow           *parent,
                                                            const char          *title);
GCancellable        *cairn_progress_dialog_get_cancellable (CairnProgressDialog *self);
void                 cairn_progress_dialog_set_fraction    (CairnProgressDialog *self,
                                                            double               fraction);
void                 cairn_progress_report_from_thread     (double               fraction,
                                                            gpointer             dialog);

G_END_DECLS
