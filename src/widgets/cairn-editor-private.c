/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-editor"

#include "config.h"

#include "cairn-editor-private.h"

/* A column heading over rows of fields. */
GtkWidget *
cairn_editor_header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* An entry in a row of fields: its column heading is its accessible name. */
GtkEntry *
cairn_editor_row_entry (const char *accessible_name,
                        int         width_chars,
                        gboolean    expand)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_hexpand (entry, expand);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return GTK_ENTRY (entry);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, ellipsize ? gtk_string_object_get_string (string) : NULL);
}

static GtkListItemFactory *
label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GINT_TO_POINTER (ellipsize));
  return factory;
}

/* A choice among @labels; the chosen one is shortened to fit a row of fields
 * (in full in its tooltip and in the list). */
GtkDropDown *
cairn_editor_dropdown (const char * const *labels,
                       guint               n,
                       guint               selected,
                       const char         *accessible_name)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  g_autoptr (GtkListItemFactory) button_factory = label_factory (TRUE);
  g_autoptr (GtkListItemFactory) list_factory = label_factory (FALSE);
  GtkWidget *dropdown;

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, labels[i]);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (list), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), list_factory);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return GTK_DROP_DOWN (dropdown);
}

void
cairn_editor_clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* A multi-line field that Tab leaves (Ctrl+Tab would insert a tab). */
GtkTextView *
cairn_editor_text_area (void)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 56);
  gtk_widget_add_css_class (view, "card");
  return GTK_TEXT_VIEW (view);
}

GtkWidget *
cairn_editor_field_label (const char *mnemonic,
                          GtkWidget  *target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  return label;
}

GtkWidget *
cairn_editor_labelled_area (const char  *mnemonic,
                            GtkTextView *view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (view));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  return box;
}

/* Focuses the first field of a grid's last row (a row just added), its text selected. */
void
cairn_editor_focus_last_row (GtkGrid *grid)
{
  int rows = 0;
  GtkWidget *first;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (grid)); c; c = gtk_widget_get_next_sibling (c))
    {
      int row;
      gtk_grid_query_child (grid, c, NULL, &row, NULL, NULL);
      rows = MAX (rows, row);
    }
  if (rows == 0 || (first = gtk_grid_get_child_at (grid, 0, rows)) == NULL)
    return;
  gtk_widget_grab_focus (first);
  if (GTK_IS_EDITABLE (first))
    gtk_editable_select_region (GTK_EDITABLE (first), 0, -1);
}
