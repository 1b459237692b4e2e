/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "cairn-application.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-test-utils.h"
#include "cairn-window.h"

static void
wait_idle (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_with_text (c, text);
      if (found)
        return found;
    }
  return NULL;
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
  /* The case shows in the sidebar list. */
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Amelia Testperson, opened 2011-03-01"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "1 child"));

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

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cairn/gui/window/opens-database", test_window_opens_database);
  g_test_add_func ("/cairn/gui/window/bad-file", test_window_bad_file_keeps_state);

  return g_test_run ();
}
