/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_SCR_LIST (cairn_scr_list_get_type ())

G_DECLARE_FINAL_TYPE (CairnScrList, cairn_scr_list, CAIRN, SCR_LIST, GtkWidget)

CairnScrList *cairn_scr_list_new        (void);
void          cairn_scr_list_set_store  (CairnScrList  *self,
                                         CairnStore    *store);
gboolean      cairn_scr_list_reload     (CairnScrList  *self,
                                         GError       **error);
guint         cairn_scr_list_get_n_reviews (CairnScrList *self);
void          cairn_scr_list_activate   (CairnScrList  *self,
                                         guint          position);

G_END_DECLS
