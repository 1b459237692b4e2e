/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-scr.h"
#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_SCR_LEAKS_DIALOG (cairn_scr_leaks_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CairnScrLeaksDialog, cairn_scr_leaks_dialog, CAIRN, SCR_LEAKS_DIALOG, AdwWindow)

CairnScrLeaksDialog *cairn_scr_leaks_dialog_new (GtkWindow      *parent,
                                                 CairnStore     *store,
                                                 const CairnScr *scr,
                                                 GPtrArray      *leaks,
                                                 gboolean        may_release);

G_END_DECLS
