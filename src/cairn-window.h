/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-application.h"
#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_WINDOW (cairn_window_get_type ())

G_DECLARE_FINAL_TYPE (CairnWindow, cairn_window, CAIRN, WINDOW, AdwApplicationWindow)

CairnWindow *cairn_window_new        (CairnApplication *application);
CairnStore  *cairn_window_get_store  (CairnWindow      *self);
gboolean     cairn_window_open_file  (CairnWindow      *self,
                                      GFile            *file);
void         cairn_window_show_toast (CairnWindow      *self,
                                      const char       *message);
GtkWidget   *cairn_window_import_census (CairnWindow   *self,
                                         GFile         *file);

G_END_DECLS
