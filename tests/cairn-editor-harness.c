/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "cairn-conference-editor.h"
#include "cairn-document-preview.h"
#include "cairn-meeting-editor.h"
#include "cairn-user-store.h"

/* The conference or meeting editor alone in a window, on a board's
 * database, for the GUI tests (which type into it and kill it) and for
 * screenshots:
 *
 *   cairn-editor-harness --db FILE --conference CF-2011-0001 [--focus venue_entry]
 *                        [--delay MS] [--page N] [--document N] [--size WxH]
 *
 * It prints "ready" once the editor is shown with the focus where asked,
 * "saved FIELD" after each save, and "rendered" whenever the preview shows
 * a page, each on its own line. A demo database's chair is signed in. */

static void
on_saved (GtkWidget  *editor,
          const char *field,
          gpointer    user_data)
{
  printf ("saved %s\n", field);
  fflush (stdout);
}

static void
on_rendered (CairnDocumentPreview *preview,
             gpointer              user_data)
{
  printf ("rendered\n");
  fflush (stdout);
}

typedef struct
{
  GtkWidget *editor;
  GType type;
  char *focus;
} Ready;

static gboolean
announce (gpointer data)
{
  Ready *ready = data;

  if (ready->focus != NULL)
    {
      GtkWidget *target = GTK_WIDGET (gtk_widget_get_template_child (ready->editor, ready->type, ready->focus));
      if (target == NULL)
        {
          fprintf (stderr, "cairn-editor-harness: --focus: no field \"%s\"\n", ready->focus);
          exit (2);
        }
      gtk_widget_grab_focus (target);
      if (GTK_IS_EDITABLE (target))
        gtk_editable_select_region (GTK_EDITABLE (target), 0, -1);
    }
  printf ("ready\n");
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

static void
on_map (GtkWidget *window,
        Ready     *ready)
{
  g_timeout_add (300, announce, ready);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *conference = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *size = NULL;
  int delay = 0, page = 0, document = -1;
  Ready ready = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The board's database", "FILE" },
    { "conference", 0, 0, G_OPTION_ARG_STRING, &conference, "A conference", "CF-YYYY-NNNN" },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, "A board meeting", "BM-YYYY-NN" },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &ready.focus, "The field to start in (a template child id)", "ID" },
    { "delay", 0, 0, G_OPTION_ARG_INT, &delay, "Autosave delay after typing", "MS" },
    { "page", 0, 0, G_OPTION_ARG_INT, &page, "The child's page to show", "N" },
    { "document", 0, 0, G_OPTION_ARG_INT, &document, "The document to preview (0 or 1)", "N" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Window size", "WxH" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  GtkWidget *window;
  GtkWidget *editor;
  CairnDocumentPreview *preview;
  int width = 1360, height = 900;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL ||
      (conference == NULL) == (meeting == NULL))
    {
      fprintf (stderr, "cairn-editor-harness: %s\n", error ? error->message : "--db and one of --conference, --meeting");
      return 2;
    }
  if (size != NULL)
    sscanf (size, "%dx%d", &width, &height);

  adw_init ();
  store = cairn_store_open (db, CAIRN_STORE_OPEN_EXISTING, &error);
  if (store == NULL || (cairn_store_is_demo (store) && !cairn_store_login_demo (store, &error)))
    {
      fprintf (stderr, "cairn-editor-harness: %s\n", error->message);
      return 2;
    }

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Cairn editor harness");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (conference != NULL)
    {
      editor = GTK_WIDGET (cairn_conference_editor_new ());
      ready.type = CAIRN_TYPE_CONFERENCE_EDITOR;
      cairn_conference_editor_set_store (CAIRN_CONFERENCE_EDITOR (editor), store);
      if (delay > 0)
        cairn_conference_editor_set_autosave_delay (CAIRN_CONFERENCE_EDITOR (editor), (guint) delay);
      ok = cairn_conference_editor_open (CAIRN_CONFERENCE_EDITOR (editor), conference, &error);
      if (ok && page > 0)
        gtk_notebook_set_current_page (GTK_NOTEBOOK (gtk_widget_get_template_child (editor, ready.type,
                                                                                     "children_notebook")),
                                       page);
    }
  else
    {
      editor = GTK_WIDGET (cairn_meeting_editor_new ());
      ready.type = CAIRN_TYPE_MEETING_EDITOR;
      cairn_meeting_editor_set_store (CAIRN_MEETING_EDITOR (editor), store);
      if (delay > 0)
        cairn_meeting_editor_set_autosave_delay (CAIRN_MEETING_EDITOR (editor), (guint) delay);
      ok = cairn_meeting_editor_open (CAIRN_MEETING_EDITOR (editor), meeting, &error);
    }
  if (!ok)
    {
      fprintf (stderr, "cairn-editor-harness: %s\n", error->message);
      return 2;
    }
  ready.editor = editor;
  if (document >= 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (editor, ready.type,
                                                                              "document_dropdown")),
                                (guint) document);
  preview = CAIRN_DOCUMENT_PREVIEW (gtk_widget_get_template_child (editor, ready.type, "preview"));
  g_signal_connect (preview, "rendered", G_CALLBACK (on_rendered), NULL);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), NULL);
  g_signal_connect (window, "map", G_CALLBACK (on_map), &ready);
  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_present (GTK_WINDOW (window));

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
