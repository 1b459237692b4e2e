/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_CASE_PAGE (cairn_case_page_get_type ())

G_DECLARE_FINAL_TYPE (CairnCasePage, cairn_case_page, CAIRN, CASE_PAGE, GtkWidget)

gboolean    cairn_case_page_show_case        (CairnCasePage *self,
                                              CairnStore    *store,
                                              gint64         child_number,
                                              int            case_number,
                                              GError       **error);
const char *cairn_case_page_get_title        (CairnCasePage *self);
const char *cairn_case_page_get_ref          (CairnCasePage *self);
gint64      cairn_case_page_get_child_number (CairnCasePage *self);
int         cairn_case_page_get_case_number  (CairnCasePage *self);
gboolean    cairn_case_page_undo             (CairnCasePage *self,
                                              GError       **error);
gboolean    cairn_case_page_can_undo         (CairnCasePage *self);

G_END_DECLS
