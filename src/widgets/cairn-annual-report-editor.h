/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-annual-figures-dialog.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* The chair's editor of the annual report: a year picker, the sections the
 * year's edition requires (those still without a narrative flagged), the
 * narrative of the chosen section (saved in the database as it is typed),
 * and beside it a live preview of the PDF, rendered off the main thread;
 * an Export button writes the PDF. */

#define CAIRN_TYPE_ANNUAL_REPORT_EDITOR (cairn_annual_report_editor_get_type ())

G_DECLARE_FINAL_TYPE (CairnAnnualReportEditor, cairn_annual_report_editor, CAIRN, ANNUAL_REPORT_EDITOR,
                      GtkWidget)

GtkWidget  *cairn_annual_report_editor_new             (void);
void        cairn_annual_report_editor_set_store       (CairnAnnualReportEditor *self,
                                                        CairnStore              *store);
CairnStore *cairn_annual_report_editor_get_store       (CairnAnnualReportEditor *self);
void        cairn_annual_report_editor_set_year        (CairnAnnualReportEditor *self,
                                                        int                      year);
int         cairn_annual_report_editor_get_year        (CairnAnnualReportEditor *self);
gboolean    cairn_annual_report_editor_get_busy        (CairnAnnualReportEditor *self);
guint       cairn_annual_report_editor_get_n_missing   (CairnAnnualReportEditor *self);
int         cairn_annual_report_editor_get_n_pages     (CairnAnnualReportEditor *self);
gboolean    cairn_annual_report_editor_select_section  (CairnAnnualReportEditor *self,
                                                        const char              *section_id);
gboolean    cairn_annual_report_editor_save            (CairnAnnualReportEditor *self,
                                                        GError                 **error);
void        cairn_annual_report_editor_export_async    (CairnAnnualReportEditor *self,
                                                        GFile                   *file,
                                                        GCancellable            *cancellable,
                                                        GAsyncReadyCallback      callback,
                                                        gpointer                 user_data);
gboolean    cairn_annual_report_editor_export_finish   (CairnAnnualReportEditor *self,
                                                        GAsyncResult            *result,
                                                        GError                 **error);

CairnAnnualFiguresDialog *cairn_annual_report_editor_get_figures_dialog (CairnAnnualReportEditor *self);

G_END_DECLS
