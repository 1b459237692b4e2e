/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers for the gui suite: let GTK lay out and draw, and find what a
 * user would see. */

void       cairn_test_gui_wait            (guint       ms);
gboolean   cairn_test_gui_wait_for        (gboolean  (*done) (gpointer data),
                                           gpointer    data,
                                           guint       timeout_ms);
GtkWidget *cairn_test_gui_find_label      (GtkWidget  *root,
                                           const char *text,
                                           gboolean    mapped);
GtkWidget *cairn_test_gui_find_label_containing (GtkWidget  *root,
                                                 const char *text);
GtkWidget *cairn_test_gui_find_type       (GtkWidget  *root,
                                           GType       type,
                                           int         nth);
GtkWidget *cairn_test_gui_find_button     (GtkWidget  *root,
                                           const char *label);

G_END_DECLS
