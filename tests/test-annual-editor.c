/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chair's annual report editor under Xvfb: the year's sections with
 * their flags, typing saved to the database, the live preview, the year
 * picker across editions, export, and a role that may only read. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cairn-annual-figures-dialog.h"
#include "cairn-annual-report-editor.h"
#include "cairn-annual-store.h"
#include "cairn-error.h"
#include "cairn-test-annual.h"
#include "cairn-test-gui.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"

static char *board_path;

/* One board for every test, with accounts (made once: hashing is slow);
 * each test writes only its own year's narratives. */
static const char *
board (void)
{
  if (board_path == NULL)
    board_path = cairn_test_annual_fixture ("annual-editor.cairn", TRUE);
  return board_path;
}

typedef struct
{
  GtkWindow *window;
  CairnAnnualReportEditor *editor;
  CairnStore *store;
} Fixture;

static gboolean
ready (gpointer data)
{
  CairnAnnualReportEditor *editor = data;

  return !cairn_annual_report_editor_get_busy (editor) && cairn_annual_report_editor_get_n_pages (editor) > 0;
}

static void
open_editor (Fixture    *fx,
             const char *user,
             const char *today)
{
  g_setenv ("CAIRN_TODAY", today, TRUE);
  fx->store = cairn_test_annual_open (board (), user);
  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 1200, 800);
  fx->editor = CAIRN_ANNUAL_REPORT_EDITOR (cairn_annual_report_editor_new ());
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->editor));
  gtk_window_present (fx->window);
  cairn_annual_report_editor_set_store (fx->editor, fx->store);
  g_assert_true (cairn_test_gui_wait_for (ready, fx->editor, 20000));
}

static void
close_editor (Fixture *fx)
{
  gtk_window_destroy (fx->window);
  cairn_test_gui_wait (50);
  g_clear_object (&fx->store);
  g_setenv ("CAIRN_TODAY", "", TRUE);
}

/* With ANNUAL_SHOT=FILE.png, saves what the editor shows, for a person to look at. */
static void
maybe_screenshot (GtkWidget *widget)
{
  const char *path = g_getenv ("ANNUAL_SHOT");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer;

  if (path == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  gdk_texture_save_to_png (texture, path);
}

static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  guint n = GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
            g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += count_labels (c, text);
  return n;
}

static GtkTextView *
narrative_view (Fixture *fx)
{
  return GTK_TEXT_VIEW (cairn_test_gui_find_type (GTK_WIDGET (fx->editor), GTK_TYPE_TEXT_VIEW, 0));
}

static char *
saved_narrative (int         year,
                 const char *section)
{
  g_autoptr (CairnStore) store = cairn_test_annual_open (board (), "chair");
  g_autoptr (GError) error = NULL;
  char *body = cairn_store_dup_annual_narrative (store, year, section, &error);

  g_assert_no_error (error);
  return body;
}

typedef struct
{
  int year;
  const char *section;
  const char *text;
} SavedWait;

static gboolean
is_saved (gpointer data)
{
  SavedWait *w = data;
  g_autofree char *body = saved_narrative (w->year, w->section);

  return g_strcmp0 (body, w->text) == 0;
}

static void
test_sections_and_flags (void)
{
  Fixture fx = { 0 };
  GtkWidget *root;
  GtkPicture *preview;

  open_editor (&fx, "chair", "2012-06-30");
  root = GTK_WIDGET (fx.editor);
  /* The last year that has ended, under Working Together 2010. */
  g_assert_cmpint (cairn_annual_report_editor_get_year (fx.editor), ==, 2011);
  g_assert_nonnull (cairn_test_gui_find_label (root, "Working Together to Safeguard Children 2010", TRUE));
  g_assert_nonnull (cairn_test_gui_find_label (root, "1. About this report", TRUE));
  g_assert_nonnull (cairn_test_gui_find_label (root, "14. Challenge to the Children's Trust Board", TRUE));
  /* Ten sections need the chair's narrative; the first is open. */
  g_assert_cmpuint (count_labels (root, "Needs narrative"), ==, 10);
  g_assert_cmpuint (cairn_annual_report_editor_get_n_missing (fx.editor), ==, 10);
  g_assert_nonnull (cairn_test_gui_find_label_containing (root, "Draft: 10 required sections have no narrative"));
  g_assert_nonnull (cairn_test_gui_find_label (root, "2. The effectiveness of local arrangements", TRUE));
  g_assert_true (gtk_text_view_get_editable (narrative_view (&fx)));
  /* The preview shows a page of the PDF, laid out off the main thread. */
  preview = GTK_PICTURE (cairn_test_gui_find_type (root, GTK_TYPE_PICTURE, 0));
  g_assert_nonnull (gtk_picture_get_paintable (preview));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (preview)), >, 500);
  g_assert_cmpint (cairn_annual_report_editor_get_n_pages (fx.editor), >, 5);
  cairn_test_gui_wait (200);
  maybe_screenshot (GTK_WIDGET (fx.window));
  close_editor (&fx);
}

static void
test_typing_is_saved (void)
{
  Fixture fx = { 0 };
  GtkTextBuffer *buffer;
  GtkWidget *root;
  SavedWait w = { 2011, "ar1", "Local arrangements are effective." };

  open_editor (&fx, "chair", "2012-06-30");
  root = GTK_WIDGET (fx.editor);
  buffer = gtk_text_view_get_buffer (narrative_view (&fx));
  gtk_text_buffer_insert_at_cursor (buffer, w.text, -1);
  /* The flag goes at once; the database has the text once typing pauses. */
  g_assert_cmpuint (count_labels (root, "Needs narrative"), ==, 9);
  g_assert_cmpuint (count_labels (root, "Written"), ==, 1);
  g_assert_true (cairn_test_gui_wait_for (is_saved, &w, 5000));
  g_assert_nonnull (cairn_test_gui_find_label (root, "Saved", TRUE));
  g_assert_true (cairn_test_gui_wait_for (ready, fx.editor, 20000));

  /* Another section, and back: the text is still there. */
  g_assert_true (cairn_annual_report_editor_select_section (fx.editor, "ar13"));
  g_assert_nonnull (cairn_test_gui_find_label (root, "14. Challenge to the Children's Trust Board", TRUE));
  {
    g_autofree char *text = NULL;
    GtkTextIter a, b;
    gtk_text_buffer_get_bounds (buffer, &a, &b);
    text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
    g_assert_cmpstr (text, ==, "");
  }
  /* Text typed just before the editor goes is saved all the same. */
  gtk_text_buffer_insert_at_cursor (buffer, "The Board challenged the Trust.", -1);
  close_editor (&fx);
  {
    g_autofree char *body = saved_narrative (2011, "ar13");
    g_assert_cmpstr (body, ==, "The Board challenged the Trust.");
  }
}

static gboolean
page_label_past_first (gpointer data)
{
  GtkWidget *root = data;
  GtkWidget *label = cairn_test_gui_find_label_containing (root, "Page ");

  return label != NULL && !g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), "Page 1 of");
}

/* Choosing a section turns the preview to its page. */
static void
test_preview_follows_section (void)
{
  Fixture fx = { 0 };
  GtkWidget *root;

  open_editor (&fx, "chair", "2012-06-30");
  root = GTK_WIDGET (fx.editor);
  g_assert_true (cairn_annual_report_editor_select_section (fx.editor, "ar10"));
  g_assert_true (cairn_test_gui_wait_for (page_label_past_first, root, 10000));
  g_assert_true (cairn_test_gui_wait_for (ready, fx.editor, 20000));
  g_assert_true (gtk_widget_activate_action (root, "annual.previous-page", NULL));
  cairn_test_gui_wait_for (ready, fx.editor, 20000);
  close_editor (&fx);
}

static gboolean
edition_2013 (gpointer data)
{
  return cairn_test_gui_find_label (data, "Working Together to Safeguard Children 2013", TRUE) != NULL;
}

/* The year picker: 2013-14 follows Working Together 2013. */
static void
test_year_picker (void)
{
  Fixture fx = { 0 };
  GtkWidget *root;
  GtkDropDown *picker;
  GListModel *years;
  guint n;

  open_editor (&fx, "chair", "2014-06-30");
  root = GTK_WIDGET (fx.editor);
  g_assert_cmpint (cairn_annual_report_editor_get_year (fx.editor), ==, 2013);
  g_assert_true (cairn_test_gui_wait_for (edition_2013, root, 10000));
  g_assert_nonnull (cairn_test_gui_find_label (root, "6. Weaknesses, their causes and the action taken", TRUE));
  g_assert_nonnull (cairn_test_gui_find_label (root, "18. What the Board spent", TRUE));

  picker = GTK_DROP_DOWN (cairn_test_gui_find_type (root, GTK_TYPE_DROP_DOWN, 0));
  years = gtk_drop_down_get_model (picker);
  n = g_list_model_get_n_items (years);
  /* From the first case (2008-09) to the current year. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (years), 0), ==, "2008-09");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (years), n - 1), ==, "2014-15");
  gtk_drop_down_set_selected (picker, 3);
  g_assert_cmpint (cairn_annual_report_editor_get_year (fx.editor), ==, 2011);
  g_assert_true (cairn_test_gui_wait_for (ready, fx.editor, 20000));
  g_assert_nonnull (cairn_test_gui_find_label (root, "Working Together to Safeguard Children 2010", TRUE));
  g_assert_null (cairn_test_gui_find_label (root, "6. Weaknesses, their causes and the action taken", TRUE));
  close_editor (&fx);
}

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  gboolean *done = data;
  g_autoptr (GError) error = NULL;

  g_assert_true (cairn_annual_report_editor_export_finish (CAIRN_ANNUAL_REPORT_EDITOR (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_export (void)
{
  Fixture fx = { 0 };
  g_autofree char *path = cairn_test_scratch_path ("editor-export.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;

  open_editor (&fx, "chair", "2012-06-30");
  cairn_annual_report_editor_export_async (fx.editor, file, NULL, exported, &done);
  g_assert_true (cairn_test_gui_wait_for (flag_set, &done, 20000));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (fx.editor), "as a draft"));
  close_editor (&fx);
}

/* The Export button does not ask for the error: a refusal is said on the
 * status line all the same. */
static void
export_refused (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  gboolean *done = data;

  g_assert_false (cairn_annual_report_editor_export_finish (CAIRN_ANNUAL_REPORT_EDITOR (source), result, NULL));
  *done = TRUE;
}

static void
test_export_refused (void)
{
  Fixture fx = { 0 };
  g_autofree char *dir = cairn_test_scratch_path ("no-such-folder");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;

  open_editor (&fx, "chair", "2012-06-30");
  cairn_annual_report_editor_export_async (fx.editor, file, NULL, export_refused, &done);
  g_assert_true (cairn_test_gui_wait_for (flag_set, &done, 20000));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (fx.editor), "no-such-folder"));
  close_editor (&fx);
}

/* A practitioner may read the report but not write it. */
static void
test_read_only (void)
{
  Fixture fx = { 0 };

  open_editor (&fx, "practitioner", "2012-06-30");
  g_assert_false (gtk_text_view_get_editable (narrative_view (&fx)));
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (fx.editor), "Read only"));
  close_editor (&fx);
}

/* Board Figures…: the population typed in the dialog is in the database,
 * and the report is read again when the dialog closes; a value that is not
 * a number is refused, marked, and changes nothing. */
static void
test_board_figures (void)
{
  Fixture fx = { 0 };
  CairnAnnualFiguresDialog *dialog;
  GtkWidget *population, *fostering;
  g_autoptr (CairnAnnualFigures) before = NULL;
  g_autoptr (CairnAnnualFigures) after = NULL;
  g_autoptr (GError) error = NULL;
  int year;

  open_editor (&fx, "chair", "2012-06-30");
  year = cairn_annual_report_editor_get_year (fx.editor);
  before = cairn_store_get_annual_figures (fx.store, year, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.editor), "annual.figures", NULL));
  dialog = cairn_annual_report_editor_get_figures_dialog (fx.editor);
  g_assert_nonnull (dialog);
  cairn_test_gui_wait (100);

  population = cairn_annual_figures_dialog_get_row (dialog, "population");
  fostering = cairn_annual_figures_dialog_get_row (dialog, "private-fostering");
  g_assert_nonnull (population);
  g_assert_nonnull (fostering);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (population)));
  /* With FIGURES_SHOT=FILE.png, saves what the dialog shows. */
  if (g_getenv ("FIGURES_SHOT") != NULL)
    {
      g_setenv ("ANNUAL_SHOT", g_getenv ("FIGURES_SHOT"), TRUE);
      cairn_test_gui_wait (300);
      maybe_screenshot (GTK_WIDGET (dialog));
      g_unsetenv ("ANNUAL_SHOT");
    }

  gtk_editable_set_text (GTK_EDITABLE (fostering), "twelve");
  g_assert_false (cairn_annual_figures_dialog_flush (dialog, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Private fostering notifications"));
  g_assert_true (gtk_widget_has_css_class (fostering, "error"));
  g_clear_error (&error);
  /* Typed back as it was: nothing left to save. */
  {
    g_autofree char *text = before->fostering_notifications < 0
                              ? g_strdup ("")
                              : g_strdup_printf ("%" G_GINT64_FORMAT, before->fostering_notifications);
    gtk_editable_set_text (GTK_EDITABLE (fostering), text);
  }

  g_assert_cmpint (before->child_population, !=, 23456);
  gtk_editable_set_text (GTK_EDITABLE (population), "23,456");
  gtk_window_close (GTK_WINDOW (dialog));
  cairn_test_gui_wait (100);
  g_assert_null (cairn_annual_report_editor_get_figures_dialog (fx.editor));
  g_assert_true (cairn_test_gui_wait_for (ready, fx.editor, 20000));

  after = cairn_store_get_annual_figures (fx.store, year, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->child_population, ==, 23456);
  g_assert_cmpint (after->fostering_notifications, ==, before->fostering_notifications);
  g_assert_cmpint (after->fostering_arrangements, ==, before->fostering_arrangements);

  /* Put the board back for the other tests. */
  g_assert_true (cairn_store_set_child_population (fx.store, year, before->child_population,
                                                   before->population_source, &error));
  close_editor (&fx);
}

/* A practitioner sees the figures but cannot change them. */
static void
test_board_figures_read_only (void)
{
  Fixture fx = { 0 };
  CairnAnnualFiguresDialog *dialog;
  GtkWidget *population;

  open_editor (&fx, "practitioner", "2012-06-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx.editor), "annual.figures", NULL));
  dialog = cairn_annual_report_editor_get_figures_dialog (fx.editor);
  g_assert_nonnull (dialog);
  population = cairn_annual_figures_dialog_get_row (dialog, "population");
  g_assert_nonnull (population);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (population)));
  gtk_window_close (GTK_WINDOW (dialog));
  cairn_test_gui_wait (50);
  /* The year is read again; let that finish before the board closes. */
  g_assert_true (cairn_test_gui_wait_for (ready, fx.editor, 20000));
  close_editor (&fx);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/cairn/annual/editor/sections-and-flags", test_sections_and_flags);
  g_test_add_func ("/cairn/annual/editor/typing-is-saved", test_typing_is_saved);
  g_test_add_func ("/cairn/annual/editor/preview-follows-section", test_preview_follows_section);
  g_test_add_func ("/cairn/annual/editor/year-picker", test_year_picker);
  g_test_add_func ("/cairn/annual/editor/export", test_export);
  g_test_add_func ("/cairn/annual/editor/export-refused", test_export_refused);
  g_test_add_func ("/cairn/annual/editor/read-only", test_read_only);
  g_test_add_func ("/cairn/annual/editor/board-figures", test_board_figures);
  g_test_add_func ("/cairn/annual/editor/board-figures-read-only", test_board_figures_read_only);
  return g_test_run ();
}
