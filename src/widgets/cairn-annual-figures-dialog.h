/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_ANNUAL_FIGURES_DIALOG (cairn_annual_figures_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CairnAnnualFiguresDialog, cairn_annual_figures_dialog, CAIRN, ANNUAL_FIGURES_DIALOG,
                      AdwPreferencesWindow)

/* The figures the board enters for one reporting year (those of the annual
 * report that are not case events: child population, child deaths,
 * private fostering, contacts by source, spending, partner contributions,
 * the days the report was sent), each saved on its own as it is typed
 * (CairnAutosave). A refused value stays marked in its row, with the
 * store's message as a toast, and changes nothing. Read only for a role
 * that may not change the annual report. */
CairnAnnualFiguresDialog *cairn_annual_figures_dialog_new      (GtkWindow                *parent,
                                                                CairnStore               *store,
                                                                int                       year);
gboolean                  cairn_annual_figures_dialog_flush    (CairnAnnualFiguresDialog *self,
                                                                GError                  **error);
GtkWidget                *cairn_annual_figures_dialog_get_row  (CairnAnnualFiguresDialog *self,
                                                                const char               *field);

guint                     cairn_annual_figures_dialog_get_n_saved (CairnAnnualFiguresDialog *self);

G_END_DECLS
