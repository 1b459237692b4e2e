/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-document.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_SCR_PREVIEW (cairn_scr_preview_get_type ())

G_DECLARE_FINAL_TYPE (CairnScrPreview, cairn_scr_preview, CAIRN, SCR_PREVIEW, GtkWidget)

CairnScrPreview *cairn_scr_preview_new            (void);
void             cairn_scr_preview_set_document   (CairnScrPreview *self,
                                                   CairnDocument   *doc);
void             cairn_scr_preview_clear          (CairnScrPreview *self,
                                                   const char      *message);
GBytes          *cairn_scr_preview_get_pdf        (CairnScrPreview *self);
int              cairn_scr_preview_get_n_pages    (CairnScrPreview *self);
int              cairn_scr_preview_get_page       (CairnScrPreview *self);
void             cairn_scr_preview_set_page       (CairnScrPreview *self,
                                                   int              page);
gboolean         cairn_scr_preview_is_busy        (CairnScrPreview *self);
GdkPaintable    *cairn_scr_preview_get_paintable  (CairnScrPreview *self);

G_END_DECLS
