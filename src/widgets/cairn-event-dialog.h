/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_EVENT_DIALOG (cairn_event_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CairnEventDialog, cairn_event_dialog, CAIRN, EVENT_DIALOG, AdwWindow)

CairnEventDialog *cairn_event_dialog_new (GtkWindow  *parent,
                                          CairnStore *store,
                                          gint64      child_number,
                                          int         case_number);

G_END_DECLS
