/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cairn-test-gui.h"

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds: frames are drawn, lists fill. */
void
cairn_test_gui_wait (guint ms)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop, loop);
  g_main_loop_run (loop);
}

/* Runs the main loop until @done returns TRUE or @timeout_ms pass. */
gboolean
cairn_test_gui_wait_for (gboolean (*done) (gpointer data),
                         gpointer  data,
                         guint     timeout_ms)
{
  for (guint waited = 0; waited < timeout_ms; waited += 20)
    {
      if (done (data))
        return TRUE;
      cairn_test_gui_wait (20);
    }
  return done (data);
}

/* A label showing @text: mapped, or (in a dialog Xvfb may not have mapped
 * yet) visible with all its ancestors. */
GtkWidget *
cairn_test_gui_find_label (GtkWidget  *root,
                           const char *text,
                           gboolean    mapped)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0 &&
      (mapped ? gtk_widget_get_mapped (root) : gtk_widget_is_visible (root)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = cairn_test_gui_find_label (c, text, mapped);
      if (found)
        return found;
    }
  return NULL;
}

/* A mapped label whose text contains @text. */
GtkWidget *
cairn_test_gui_find_label_containing (GtkWidget  *root,
                                      const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = cairn_test_gui_find_label_containing (c, text);
      if (found)
        return found;
    }
  return NULL;
}

/* The @nth widget of @type under @root, breadth first. */
GtkWidget *
cairn_test_gui_find_type (GtkWidget *root,
                          GType      type,
                          int        nth)
{
  int seen = 0;
  g_autoptr (GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, root);
  while (queue->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (queue, 0);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && seen++ == nth)
        return w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (queue, c);
    }
  return NULL;
}

/* A button whose label (with or without its mnemonic underscore) is @label. */
GtkWidget *
cairn_test_gui_find_button (GtkWidget  *root,
                            const char *label)
{
  if (GTK_IS_BUTTON (root))
    {
      const char *l = gtk_button_get_label (GTK_BUTTON (root));
      if (l != NULL)
        {
          g_autoptr (GString) plain = g_string_new (l);
          g_string_replace (plain, "_", "", 0);
          if (g_strcmp0 (l, label) == 0 || g_strcmp0 (plain->str, label) == 0)
            return root;
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = cairn_test_gui_find_button (c, label);
      if (found)
        return found;
    }
  return NULL;
}
