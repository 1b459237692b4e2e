/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case navigator in the real window under Xvfb: search, sort, open a
 * case, record an event and see its timer change, and a refused date. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cairn-application.h"
#include "cairn-case-list.h"
#include "cairn-case-page.h"
#include "cairn-case-pathway.h"
#include "cairn-case-table.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-event-dialog.h"
#include "cairn-test-gui.h"
#include "cairn-test-utils.h"
#include "cairn-window.h"

#define N_CHILDREN 60

static const char *given[] = { "Amelia", "Ben", "Chloe", "Daniel", "Ella" };

static char *
make_board (void)
{
  char *path = cairn_test_scratch_path ("navigator.cairn");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store =
    cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  guint n, failed;

  g_assert_no_error (error);
  g_assert_true (cairn_store_set_board (store, "Testshire Safeguarding Children Board", "Testshire", NULL));
  g_assert_true (cairn_store_begin (store, NULL));
  for (int i = 0; i < N_CHILDREN; i++)
    {
      g_autoptr (CairnChild) child = cairn_child_new ();
      g_autoptr (CairnReferral) referral = cairn_referral_new ();
      child->given_name = g_strdup (given[i % G_N_ELEMENTS (given)]);
      child->family_name = g_strdup_printf ("Test%02d", i);
      cairn_date_set_ymd (&child->date_of_birth, 2004 + i % 8, 3, 1 + i % 27);
      g_assert_true (cairn_store_add_child (store, child, &error));
      cairn_date_set_ymd (&referral->received_on, 2012, 5, 1 + i % 28);
      g_assert_cmpint (cairn_store_open_case (store, child->number, referral, &error), ==, 1);
      g_assert_true (cairn_store_assign_case (store, child->number, 1, i % 2 ? "East" : "West", &error));
    }
  g_assert_true (cairn_store_commit (store, &error));
  g_assert_true (cairn_pathway_refresh_all_summaries (store, &n, &failed, &error));
  g_assert_no_error (error);
  return path;
}

typedef struct
{
  CairnWindow *window;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *w = data;

  return cairn_test_gui_find_label (GTK_WIDGET (w->window), w->text, TRUE) != NULL;
}

static void
assert_label_soon (CairnWindow *window,
                   const char  *text)
{
  LabelWait w = { window, text };

  if (!cairn_test_gui_wait_for (label_shown, &w, 3000))
    g_error ("no label \"%s\" on screen", text);
}

static CairnEventDialog *
find_event_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (CAIRN_IS_EVENT_DIALOG (w))
        return CAIRN_EVENT_DIALOG (w);
    }
  return NULL;
}

/* The AdwEntryRow or AdwComboRow titled @title in @root. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, title);
      if (found)
        return found;
    }
  return NULL;
}

static void
select_kind (GtkWidget  *combo,
             const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) s = g_list_model_get_item (model, i);
      if (g_strcmp0 (gtk_string_object_get_string (s), label) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
          return;
        }
    }
  g_error ("the event list does not offer \"%s\"", label);
}

static void
test_navigator (void)
{
  g_autofree char *path = make_board ();
  g_autoptr (CairnApplication) app = cairn_application_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CairnWindow *window;
  CairnCaseTable *table;
  CairnCaseList *model;
  GtkWidget *search, *view, *dialog_widget, *date_row, *error_label;
  CairnEventDialog *dialog;
  g_autoptr (CairnCaseRow) first = NULL;
  g_autofree char *first_name = NULL;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = cairn_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cairn_window_open_file (window, file));
  assert_label_soon (window, "60 cases");

  table = CAIRN_CASE_TABLE (cairn_test_gui_find_type (GTK_WIDGET (window), CAIRN_TYPE_CASE_TABLE, 0));
  model = cairn_case_table_get_model (table);

  /* Type a search: the count narrows. */
  search = cairn_test_gui_find_type (GTK_WIDGET (table), GTK_TYPE_SEARCH_ENTRY, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "Ella");
  assert_label_soon (window, "12 cases match");
  gtk_editable_set_text (GTK_EDITABLE (search), "Ella Test04");
  assert_label_soon (window, "1 case matches");
  gtk_editable_set_text (GTK_EDITABLE (search), "nobody by this name");
  assert_label_soon (window, "No case matches the search “nobody by this name”.");
  g_signal_emit_by_name (cairn_test_gui_find_button (GTK_WIDGET (table), "Clear Search and Filters"), "clicked");
  assert_label_soon (window, "60 cases");

  /* Sort by child, descending: the last name first. */
  view = cairn_test_gui_find_type (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW, 0);
  {
    g_autoptr (GtkColumnViewColumn) child_column =
      g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view)), 0);
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), child_column, GTK_SORT_DESCENDING);
  }
  cairn_test_gui_wait (200);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (cairn_case_row_get_name (first), ==, "Ella Test59");
  assert_label_soon (window, "Ella Test59");

  /* Open the first case. */
  g_signal_emit_by_name (view, "activate", 0);
  assert_label_soon (window, "C-000060/1");
  /* Its referral's response decision is overdue (1 working day, W10-01). */
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (window), "OVERDUE: due 8 May 2012"));
  g_assert_nonnull (cairn_test_gui_find_label (GTK_WIDGET (window),
                                               "LA children's social care decides the type of response to a referral",
                                               TRUE));

  /* Add an event with an impossible date: refused, naming the field. */
  gtk_widget_activate_action (GTK_WIDGET (cairn_test_gui_find_type (GTK_WIDGET (window), CAIRN_TYPE_CASE_PAGE, 0)),
                              "case.add-event", NULL);
  cairn_test_gui_wait (200);
  dialog = find_event_dialog ();
  g_assert_nonnull (dialog);
  dialog_widget = GTK_WIDGET (dialog);
  select_kind (find_row (dialog_widget, "Event"), "Decision on referral");
  date_row = find_row (dialog_widget, "Date (YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2012-02-30");
  g_signal_emit_by_name (cairn_test_gui_find_button (dialog_widget, "Record"), "clicked");
  cairn_test_gui_wait (100);
  error_label = cairn_test_gui_find_label (dialog_widget, "Date: \"2012-02-30\" is not a date (YYYY-MM-DD)", FALSE);
  g_assert_nonnull (error_label);
  g_assert_true (find_event_dialog () == dialog);

  /* A good date: recorded, late (ask for the reason once), and the timer is met… late. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2012-06-01");
  g_signal_emit_by_name (cairn_test_gui_find_button (dialog_widget, "Record"), "clicked");
  cairn_test_gui_wait (100);
  if (find_event_dialog () != NULL)
    {
      GtkWidget *late = find_row (dialog_widget, "Reason for the delay");
      g_assert_true (gtk_widget_get_visible (late));
      gtk_editable_set_text (GTK_EDITABLE (late), "Duty team short-staffed over half term");
      g_signal_emit_by_name (cairn_test_gui_find_button (dialog_widget, "Record"), "clicked");
      cairn_test_gui_wait (200);
    }
  g_assert_null (find_event_dialog ());
  assert_label_soon (window, "Decision on referral");
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (window), "Missed: due"));
  g_assert_nonnull (cairn_test_gui_find_label_containing (GTK_WIDGET (window), "Duty team short-staffed over half term"));

  /* Undo takes it away again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  cairn_test_gui_wait (200);
  g_assert_null (cairn_test_gui_find_label (GTK_WIDGET (window), "Decision on referral", TRUE));

  first_name = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  cairn_test_gui_wait (100);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("CAIRN_TODAY", "2012-06-01", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cairn/gui/navigator/search-sort-open-record", test_navigator);

  return g_test_run ();
}
