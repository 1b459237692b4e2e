/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_CIN_IMPORT_DIALOG (cairn_cin_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CairnCinImportDialog, cairn_cin_import_dialog, CAIRN, CIN_IMPORT_DIALOG, AdwWindow)

/* Imports @file (a CIN census the user chose) into @store's database in a
 * worker thread as soon as it is shown: a progress bar and Cancel while it
 * runs, then the summary (added, updated, unchanged, skipped) and the DfE
 * rule failures, filterable by rule. Activating a failure emits
 * ::case-activated with the reference of the child's case (C-000123/2). */
CairnCinImportDialog *cairn_cin_import_dialog_new  (GtkWindow            *parent,
                                                    CairnStore           *store,
                                                    GFile                *file);
gboolean              cairn_cin_import_dialog_is_done (CairnCinImportDialog *self);

G_END_DECLS
