/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CAIRN_TYPE_TEXT_AREA (cairn_text_area_get_type ())

G_DECLARE_FINAL_TYPE (CairnTextArea, cairn_text_area, CAIRN, TEXT_AREA, GtkTextView)

GtkWidget *cairn_text_area_new (void);

G_END_DECLS
