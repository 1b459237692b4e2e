/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "cairn-application.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
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
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Signed in as Testshire Chair (LSCB chair)"));
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
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Signed in as Demo LSCB Chair (LSCB chair)"));
  g_assert_true (cairn_store_is_signed_in (cairn_window_get_store (window)));

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

  return g_test_run ();
}
