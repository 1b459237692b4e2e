/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cairn-application.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-demo.h"
#include "cairn-annual-report-editor.h"
#include "cairn-cin-census.h"
#include "cairn-cin-import-dialog.h"
#include "cairn-cin-store.h"
#include "cairn-case-page.h"
#include "cairn-conference-editor.h"
#include "cairn-meeting-editor.h"
#include "cairn-login-dialog.h"
#include "cairn-test-gui.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"
#include "cairn-window.h"

static void
wait_idle (void)
{
  cairn_test_gui_wait (300);
}

static GtkWidget *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  return cairn_test_gui_find_label (root, text, TRUE);
}

static char *
make_db (void)
{
  char *path = cairn_test_scratch_path ("window.cairn");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store =
    cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_autoptr (CairnChild) child = cairn_child_new ();
  g_autoptr (CairnReferral) referral = cairn_referral_new ();

  g_assert_no_error (error);
  g_assert_true (cairn_store_set_board (store, "Testshire Safeguarding Children Board", "Testshire", NULL));
  child->given_name = g_strdup ("Amelia");
  child->family_name = g_strdup ("Testperson");
  cairn_date_parse ("dob", "2008-05-14", &child->date_of_birth, NULL);
  g_assert_true (cairn_store_add_child (store, child, &error));
  cairn_date_parse ("d", "2011-03-01", &referral->received_on, NULL);
  g_assert_cmpint (cairn_store_open_case (store, 1, referral, &error), ==, 1);
  return path;
}

static void
test_window_opens_database (void)
{
  g_autofree char *path = make_db ();
  g_autoptr (CairnApplication) app = cairn_application_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CairnWindow *window;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = cairn_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cairn_window_open_file (window, file));
  wait_idle ();

  g_assert_nonnull (cairn_window_get_store (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Testshire Safeguarding Children Board");
  /* The case shows in the table, with its reference. */
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Amelia Testperson"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "C-000001/1"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "1 case"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static void
test_window_bad_file_keeps_state (void)
{
  g_autofree char *junk = cairn_test_scratch_path ("junk.cairn");
  g_autoptr (CairnApplication) app = cairn_application_new ();
  g_autoptr (GFile) file = NULL;
  CairnWindow *window;

  g_assert_true (g_file_set_contents (junk, "not a database", -1, NULL));
  file = g_file_new_for_path (junk);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = cairn_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (cairn_window_open_file (window, file));
  g_assert_null (cairn_window_get_store (window));
  wait_idle ();
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static char *
make_board_with_accounts (gboolean demo)
{
  char *path = cairn_test_scratch_path (demo ? "demo-login.cairn" : "login.cairn");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store =
    cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_autoptr (CairnChild) child = cairn_child_new ();

  g_assert_no_error (error);
  child->given_name = g_strdup ("Amelia");
  child->family_name = g_strdup ("Testperson");
  cairn_date_parse ("dob", "2008-05-14", &child->date_of_birth, NULL);
  g_assert_true (cairn_store_add_child (store, child, &error));
  {
    g_autoptr (CairnReferral) referral = cairn_referral_new ();
    cairn_date_parse ("d", "2011-03-01", &referral->received_on, NULL);
    g_assert_cmpint (cairn_store_open_case (store, child->number, referral, &error), ==, 1);
  }
  if (demo)
    g_assert_true (cairn_store_add_demo_accounts (store, &error));
  else
    g_assert_true (cairn_store_add_user (store, "chair", "Testshire Chair", CAIRN_ROLE_CHAIR, "",
                                         "chair-password-1", &error));
  g_assert_no_error (error);
  return path;
}

static CairnLoginDialog *
find_login_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (CAIRN_IS_LOGIN_DIALOG (w))
        return CAIRN_LOGIN_DIALOG (w);
    }
  return NULL;
}


static void
test_window_sign_in (void)
{
  g_autofree char *path = make_board_with_accounts (FALSE);
  g_autoptr (CairnApplication) app = cairn_application_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CairnWindow *window;
  CairnLoginDialog *dialog;
  GtkWidget *name_row, *password_row, *accept;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = cairn_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cairn_window_open_file (window, file));
  wait_idle ();

  /* Locked until someone signs in: no child's name on screen. */
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Sign In to See This Board's Records"));
  g_assert_null (cairn_test_gui_find_label_containing (GTK_WIDGET (window), "Amelia"));
  dialog = find_login_dialog ();
  g_assert_nonnull (dialog);

  name_row = cairn_test_gui_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0);
  password_row = cairn_test_gui_find_type (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "chair");

  /* A wrong password: the dialog stays and says so. */
  gtk_editable_set_text (GTK_EDITABLE (password_row), "wrong-password");
  accept = cairn_test_gui_find_type (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (accept)), ==, "_Sign In");
  g_signal_emit_by_name (accept, "clicked");
  wait_idle ();
  g_assert_nonnull (cairn_test_gui_find_label (GTK_WIDGET (dialog), "login: the user name or password is wrong", FALSE));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password_row)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (password_row), "chair-password-1");
  g_signal_emit_by_name (accept, "clicked");
  wait_idle ();
  g_assert_null (find_login_dialog ());
  /* Who is signed in shows in the header; its popover says the role. */
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Testshire Chair"));
  g_assert_nonnull (cairn_test_gui_find_label (GTK_WIDGET (window), "Signed in as Testshire Chair (LSCB chair)", FALSE));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "1 case"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Amelia Testperson"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static void
test_window_demo_session (void)
{
  g_autofree char *path = make_board_with_accounts (TRUE);
  g_autoptr (CairnApplication) app = cairn_application_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CairnWindow *window;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = cairn_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cairn_window_open_file (window, file));
  wait_idle ();

  /* No prompt: the demo chair is signed in, and the window says so. */
  g_assert_null (find_login_dialog ());
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Demo LSCB Chair"));
  g_assert_true (cairn_store_is_signed_in (cairn_window_get_store (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static GtkWidget *
find_visible_type (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_visible_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0 &&
      gtk_widget_get_ancestor (root, ADW_TYPE_HEADER_BAR) != NULL &&
      gtk_widget_get_ancestor (root, ADW_TYPE_VIEW_STACK) == NULL)
    {
      GtkWidget *stack_page = gtk_widget_get_ancestor (root, GTK_TYPE_STACK);

      if (stack_page == NULL || gtk_widget_get_mapped (stack_page))
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_action_button (c, action);
      if (found)
        return found;
    }
  return NULL;
}

/* The leaflet has slid back from the meeting editor. */
static gboolean
editor_gone (gpointer window)
{
  return find_visible_type (GTK_WIDGET (window), CAIRN_TYPE_MEETING_EDITOR) == NULL;
}

/* The board's other records: conferences and meetings listed newest first,
 * one opened from the list and by its reference, back to the list, and a
 * wrong reference refused with the field named. */
static void
test_window_board_pages (void)
{
  g_autofree char *path = cairn_test_scratch_path ("pages.cairn");
  g_autoptr (CairnApplication) app = cairn_application_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CairnDemoOptions options;
  CairnDemoSummary summary;
  CairnWindow *window;
  AdwViewStack *stack;
  GtkWidget *row, *editor, *entry, *back;

  {
    g_autoptr (CairnStore) store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
    g_assert_no_error (error);
    cairn_demo_options_init (&options);
    options.n_children = 120;
    g_assert_true (cairn_demo_write (store, &options, NULL, NULL, &summary, &error));
    g_assert_no_error (error);
  }

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = cairn_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cairn_window_open_file (window, file));
  wait_idle ();
  stack = ADW_VIEW_STACK (cairn_test_gui_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, 0));

  /* Board meetings: the demo's last meeting of 2013-14 heads the list. */
  adw_view_stack_set_visible_child_name (stack, "meetings");
  wait_idle ();
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Board Meetings"));
  row = find_visible_type (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "BM-2014-01");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Board meeting · "));
  g_signal_emit_by_name (row, "activate");
  wait_idle ();
  editor = find_visible_type (GTK_WIDGET (window), CAIRN_TYPE_MEETING_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (cairn_meeting_editor_get_ref (CAIRN_MEETING_EDITOR (editor)), ==, "BM-2014-01");
  back = find_action_button (GTK_WIDGET (window), "win.back");
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_mapped (back));
  g_signal_emit_by_name (back, "clicked");
  g_assert_true (cairn_test_gui_wait_for (editor_gone, window, 10000));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (gtk_widget_get_parent (editor))) != editor);
  g_assert_false (gtk_widget_get_mapped (back));

  /* Conferences: a wrong reference is refused naming the field; a right
   * one opens the conference. */
  adw_view_stack_set_visible_child_name (stack, "conferences");
  wait_idle ();
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Recent Conferences"));
  row = find_visible_type (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "CF-2014-"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "child protection conference · "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2014"));
  entry = find_visible_type (GTK_WIDGET (window), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "CF-20xx");
  g_signal_emit_by_name (entry, "activate");
  wait_idle ();
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (window), "Reference: "));
  g_assert_null (find_visible_type (GTK_WIDGET (window), CAIRN_TYPE_CONFERENCE_EDITOR));
  gtk_editable_set_text (GTK_EDITABLE (entry), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_signal_emit_by_name (entry, "activate");
  wait_idle ();
  editor = find_visible_type (GTK_WIDGET (window), CAIRN_TYPE_CONFERENCE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (cairn_conference_editor_get_ref (CAIRN_CONFERENCE_EDITOR (editor)), ==,
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  /* The annual report counts nothing until its page is shown. */
  {
    GtkWidget *annual = cairn_test_gui_find_type (GTK_WIDGET (window), CAIRN_TYPE_ANNUAL_REPORT_EDITOR, 0);

    g_assert_nonnull (annual);
    g_assert_null (cairn_annual_report_editor_get_store (CAIRN_ANNUAL_REPORT_EDITOR (annual)));
    adw_view_stack_set_visible_child_name (stack, "annual");
    wait_idle ();
    g_assert_true (cairn_annual_report_editor_get_store (CAIRN_ANNUAL_REPORT_EDITOR (annual)) ==
                   cairn_window_get_store (window));
    g_assert_cmpint (cairn_annual_report_editor_get_year (CAIRN_ANNUAL_REPORT_EDITOR (annual)), ==, 2012);
    g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Working Together to Safeguard Children 2010"));
  }

  /* Reviews: the demo's three. */
  adw_view_stack_set_visible_child_name (stack, "reviews");
  wait_idle ();
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "SCR-2013-01"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "In progress"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static gboolean
import_done (gpointer data)
{
  return cairn_cin_import_dialog_is_done (data);
}

/* File › Import CIN Census: a demo board's 2023-24 return read into an
 * empty board with the progress dialog; its summary says what was added,
 * the table shows the children once the dialog closes, and a failure
 * opens the child's case in the window. */
static void
test_window_census_import (void)
{
  g_autofree char *source = cairn_test_scratch_path ("census-source.cairn");
  g_autofree char *path = cairn_test_scratch_path ("census-board.cairn");
  g_autofree char *xml_path = cairn_test_scratch_path ("census-2024.xml");
  g_autoptr (CairnApplication) app = cairn_application_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) xml_file = g_file_new_for_path (xml_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnCinCensus) census = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *expected = NULL;
  CairnDemoOptions options;
  CairnCinImportDialog *dialog;
  CairnWindow *window;

  {
    g_autoptr (CairnStore) store = cairn_store_open (source, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
    g_assert_no_error (error);
    cairn_demo_options_init (&options);
    options.n_children = 80;
    g_assert_true (cairn_demo_options_set_years (&options, "--years", "2022-23..2023-24", &error));
    g_assert_true (cairn_demo_write (store, &options, NULL, NULL, NULL, &error));
    g_assert_true (cairn_store_login (store, CAIRN_DEMO_CHAIR, CAIRN_DEMO_PASSWORD, &error));
    census = cairn_store_export_cin_census (store, 2024, NULL, &error);
    g_assert_no_error (error);
    xml = cairn_cin_census_to_data (census, NULL);
    g_assert_true (g_file_set_contents (xml_path, xml, -1, NULL));
  }
  {
    g_autoptr (CairnStore) store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
    g_assert_no_error (error);
    g_assert_true (cairn_store_set_board (store, "Census Board", "", &error));
  }

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = cairn_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cairn_window_open_file (window, file));
  wait_idle ();
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "0 cases"));

  dialog = CAIRN_CIN_IMPORT_DIALOG (cairn_window_import_census (window, xml_file));
  g_assert_true (cairn_test_gui_wait_for (import_done, dialog, 60000));
  wait_idle ();
  g_assert_nonnull (cairn_test_gui_find_label (GTK_WIDGET (dialog), "2023-24 census imported", TRUE));
  expected = g_strdup_printf ("%u children: %u added, 0 updated, 0 unchanged, 0 skipped.",
                              census->n_children, census->n_children);
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (dialog), expected));
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (dialog), "under the DfE rules."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_idle ();

  /* The table has the imported children's cases now. */
  g_assert_null (find_label_with_text (GTK_WIDGET (window), "0 cases"));
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (window), " cases"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "C-000001/1"));
  /* A census carries no names: the council's identifier stands in. */
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (window), " (no name recorded)"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cairn/gui/window/opens-database", test_window_opens_database);
  g_test_add_func ("/cairn/gui/window/bad-file", test_window_bad_file_keeps_state);
  g_test_add_func ("/cairn/gui/window/sign-in", test_window_sign_in);
  g_test_add_func ("/cairn/gui/window/demo-session", test_window_demo_session);
  g_test_add_func ("/cairn/gui/window/board-pages", test_window_board_pages);
  g_test_add_func ("/cairn/gui/window/census-import", test_window_census_import);

  return g_test_run ();
}
