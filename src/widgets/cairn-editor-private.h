/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the conference and meeting editors only: the small pieces both build
 * their forms from. */

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget   *cairn_editor_header_label  (const char         *text);
GtkEntry    *cairn_editor_row_entry     (const char         *accessible_name,
                                         int                 width_chars,
                                         gboolean            expand);
GtkDropDown *cairn_editor_dropdown      (const char * const *labels,
                                         guint               n,
                                         guint               selected,
                                         const char         *accessible_name);
void         cairn_editor_clear_grid    (GtkGrid            *grid);
GtkTextView *cairn_editor_text_area     (void);
GtkWidget   *cairn_editor_field_label   (const char         *mnemonic,
                                         GtkWidget          *target);
GtkWidget   *cairn_editor_labelled_area (const char         *mnemonic,
                                         GtkTextView        *view);
void         cairn_editor_focus_last_row (GtkGrid           *grid);

G_END_DECLS
