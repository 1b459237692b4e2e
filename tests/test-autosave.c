/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cairn-autosave.h"
#include "cairn-error.h"
#include "cairn-test-gui.h"

/* CairnAutosave, the one helper the conference, meeting and SCR editors
 * save their fields through: a field is saved after a pause in typing and
 * when the focus leaves it; a refused value stays marked with the store's
 * message; loaded text is neither saved nor undoable. The store here is a
 * list of what was saved, and a value of "refused" is refused. */

typedef struct
{
  GPtrArray *saves;   /* "field=text" */
  GPtrArray *signals; /* "saved field" / "failed field: message" */
} Store;

static gboolean
save (GtkWidget   *widget,
      const char  *text,
      gpointer     user_data,
      GError     **error)
{
  Store *store = user_data;
  const char *name = g_object_get_data (G_OBJECT (widget), "test-name");

  if (g_strcmp0 (text, "refused") == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, "%s: \"%s\" is not a date", name, text);
      return FALSE;
    }
  g_ptr_array_add (store->saves, g_strdup_printf ("%s=%s", name, text));
  return TRUE;
}

static void
saved_cb (CairnAutosave *autosave,
          GtkWidget     *widget,
          const char    *field,
          Store         *store)
{
  g_ptr_array_add (store->signals, g_strdup_printf ("saved %s", field));
}

static void
failed_cb (CairnAutosave *autosave,
           GtkWidget     *widget,
           const char    *field,
           const char    *message,
           Store         *store)
{
  g_ptr_array_add (store->signals, g_strdup_printf ("failed %s: %s", field, message));
}

typedef struct
{
  Store store;
  CairnAutosave *autosave;
  GtkWindow *window;
  GtkWidget *due;     /* a GtkEntry */
  GtkWidget *venue;   /* a GtkEntry */
  GtkWidget *notes;   /* a GtkTextView */
} Fixture;

static GtkWidget *
field (Fixture    *f,
       GtkWidget  *widget,
       const char *name)
{
  g_object_set_data_full (G_OBJECT (widget), "test-name", g_strdup (name), g_free);
  cairn_autosave_bind (f->autosave, widget, name, save, &f->store, NULL);
  return widget;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  f->store.saves = g_ptr_array_new_with_free_func (g_free);
  f->store.signals = g_ptr_array_new_with_free_func (g_free);
  f->autosave = cairn_autosave_new (GPOINTER_TO_UINT (data));
  g_signal_connect (f->autosave, "saved", G_CALLBACK (saved_cb), &f->store);
  g_signal_connect (f->autosave, "failed", G_CALLBACK (failed_cb), &f->store);
  f->window = GTK_WINDOW (gtk_window_new ());
  f->due = gtk_entry_new ();
  gtk_widget_set_tooltip_text (f->due, "YYYY-MM-DD");
  gtk_box_append (GTK_BOX (box), field (f, f->due, "Due"));
  gtk_box_append (GTK_BOX (box), field (f, gtk_entry_new (), "Venue"));
  f->venue = gtk_widget_get_last_child (box);
  gtk_box_append (GTK_BOX (box), field (f, gtk_text_view_new (), "Notes"));
  f->notes = gtk_widget_get_last_child (box);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  cairn_test_gui_wait (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->autosave);
  g_ptr_array_unref (f->store.saves);
  g_ptr_array_unref (f->store.signals);
}

static char *
joined (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  g_ptr_array_set_size (array, array->len - 1);
  return g_strjoinv ("|", (char **) array->pdata);
}

#define assert_saves(f, expected) \
  G_STMT_START { \
    g_autofree char *got_ = joined ((f)->store.saves); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

#define assert_signals(f, expected) \
  G_STMT_START { \
    g_autofree char *got_ = joined ((f)->store.signals); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static gboolean
has_saves (gpointer data)
{
  return ((Fixture *) data)->store.saves->len > 0;
}

/* Typing is saved once, a pause after the last change, not at each keystroke. */
static void
test_debounced (Fixture       *f,
                gconstpointer  data)
{
  gtk_editable_set_text (GTK_EDITABLE (f->venue), "Civic");
  gtk_editable_set_text (GTK_EDITABLE (f->venue), "Civic Centre");
  assert_saves (f, "");
  g_assert_true (cairn_test_gui_wait_for (has_saves, f, 5000));
  cairn_test_gui_wait (300);
  assert_saves (f, "Venue=Civic Centre");
  assert_signals (f, "saved Venue");
}

/* Leaving a field saves it at once (the pause here is ten minutes). */
static void
test_focus_out (Fixture       *f,
                gconstpointer  data)
{
  gtk_widget_grab_focus (f->venue);
  cairn_test_gui_wait (50);
  gtk_editable_set_text (GTK_EDITABLE (f->venue), "Civic Centre");
  assert_saves (f, "");
  gtk_widget_grab_focus (f->due);
  cairn_test_gui_wait (50);
  assert_saves (f, "Venue=Civic Centre");
}

/* A refused value stays as typed, marked with the store's message; the
 * flush that precedes printing fails with it. Typing it back to what is
 * stored takes the mark away without a save; the field's own tooltip
 * comes back. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  cairn_autosave_set_text (f->autosave, f->due, "2013-03-31");
  gtk_editable_set_text (GTK_EDITABLE (f->due), "refused");
  gtk_editable_set_text (GTK_EDITABLE (f->venue), "Civic Centre");
  g_assert_false (cairn_autosave_flush (f->autosave, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Due: \"refused\" is not a date");
  g_clear_error (&error);
  /* The other field was saved all the same. */
  assert_saves (f, "Venue=Civic Centre");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->due)), ==, "refused");
  g_assert_true (gtk_widget_has_css_class (f->due, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (f->due), ==, "Due: \"refused\" is not a date");

  /* Still refused at the next flush, and said again. */
  g_assert_false (cairn_autosave_flush (f->autosave, NULL));
  assert_signals (f, "failed Due: Due: \"refused\" is not a date|saved Venue|"
                     "failed Due: Due: \"refused\" is not a date");

  gtk_editable_set_text (GTK_EDITABLE (f->due), "2013-03-31");
  g_assert_true (cairn_autosave_flush (f->autosave, &error));
  g_assert_no_error (error);
  assert_saves (f, "Venue=Civic Centre");
  g_assert_false (gtk_widget_has_css_class (f->due, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (f->due), ==, "YYYY-MM-DD");

  /* A corrected value is saved and unmarked. */
  gtk_editable_set_text (GTK_EDITABLE (f->due), "refused");
  g_assert_false (cairn_autosave_flush (f->autosave, NULL));
  g_assert_true (gtk_widget_has_css_class (f->due, "error"));
  gtk_editable_set_text (GTK_EDITABLE (f->due), "2013-04-30");
  g_assert_true (cairn_autosave_flush (f->autosave, NULL));
  assert_saves (f, "Venue=Civic Centre|Due=2013-04-30");
  g_assert_false (gtk_widget_has_css_class (f->due, "error"));
}

/* Loaded text is not saved and cannot be undone; typing can, and the undo
 * is saved like any change. */
static void
test_load_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->notes));
  GtkTextIter end;

  cairn_autosave_set_text (f->autosave, f->notes, "Seen at home.");
  cairn_autosave_set_text (f->autosave, f->venue, "Civic Centre");
  g_assert_true (cairn_autosave_flush (f->autosave, NULL));
  assert_saves (f, "");
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, " Seen at school.", -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  g_assert_true (cairn_autosave_flush (f->autosave, NULL));
  assert_saves (f, "Notes=Seen at home. Seen at school.");

  gtk_text_buffer_undo (buffer);
  g_assert_true (cairn_autosave_flush (f->autosave, NULL));
  assert_saves (f, "Notes=Seen at home. Seen at school.|Notes=Seen at home.");
}

/* Read only: the text can still be selected, not changed. */
static void
test_editable (Fixture       *f,
               gconstpointer  data)
{
  cairn_autosave_set_editable (f->autosave, FALSE);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (f->due)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (f->notes)));
  g_assert_true (gtk_widget_get_sensitive (f->due));
  cairn_autosave_set_field_editable (f->autosave, f->notes, TRUE);
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (f->notes)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (f->venue)));
}

/* Once the helper is gone, its fields stop saving (and nothing crashes). */
static void
test_owner_gone (Fixture       *f,
                 gconstpointer  data)
{
  gtk_editable_set_text (GTK_EDITABLE (f->venue), "Civic Centre");
  g_clear_object (&f->autosave);
  gtk_editable_set_text (GTK_EDITABLE (f->venue), "Town Hall");
  gtk_widget_grab_focus (f->venue);
  gtk_widget_grab_focus (f->due);
  cairn_test_gui_wait (200);
  assert_saves (f, "");
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/cairn/gui/autosave/debounced", Fixture, GUINT_TO_POINTER (50), fixture_set_up, test_debounced,
              fixture_tear_down);
  g_test_add ("/cairn/gui/autosave/focus-out", Fixture, GUINT_TO_POINTER (600000), fixture_set_up,
              test_focus_out, fixture_tear_down);
  g_test_add ("/cairn/gui/autosave/refused", Fixture, GUINT_TO_POINTER (600000), fixture_set_up, test_refused,
              fixture_tear_down);
  g_test_add ("/cairn/gui/autosave/load-and-undo", Fixture, GUINT_TO_POINTER (600000), fixture_set_up,
              test_load_and_undo, fixture_tear_down);
  g_test_add ("/cairn/gui/autosave/editable", Fixture, GUINT_TO_POINTER (600000), fixture_set_up, test_editable,
              fixture_tear_down);
  g_test_add ("/cairn/gui/autosave/owner-gone", Fixture, GUINT_TO_POINTER (50), fixture_set_up, test_owner_gone,
              fixture_tear_down);
  return g_test_run ();
}
