/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cairn-document.h"

G_BEGIN_DECLS

/* A live preview of a report: the document is laid out as PDF in a worker
 * thread and its pages rendered with Poppler (cairn-pdf-preview.h), as
 * Papers does; a newer document cancels the one being rendered. The same
 * PDF prints through GtkPrintOperation. */

#define CAIRN_TYPE_DOCUMENT_PREVIEW (cairn_document_preview_get_type ())

G_DECLARE_FINAL_TYPE (CairnDocumentPreview, cairn_document_preview, CAIRN, DOCUMENT_PREVIEW, GtkBox)

CairnDocumentPreview *cairn_document_preview_new          (void);
void                  cairn_document_preview_set_document (CairnDocumentPreview *self,
                                                           CairnDocument        *document);
GBytes               *cairn_document_preview_get_pdf      (CairnDocumentPreview *self);
int                   cairn_document_preview_get_n_pages  (CairnDocumentPreview *self);
int                   cairn_document_preview_get_page     (CairnDocumentPreview *self);
void                  cairn_document_preview_set_page     (CairnDocumentPreview *self,
                                                           int                   page);
gboolean              cairn_document_preview_is_busy      (CairnDocumentPreview *self);
GtkPrintOperationResult cairn_document_preview_print      (CairnDocumentPreview *self,
                                                           GtkWindow            *parent,
                                                           GtkPrintOperationAction action,
                                                           const char           *export_filename,
                                                           GError              **error);

G_END_DECLS
