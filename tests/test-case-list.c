/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cairn-case-list.h"
#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-test-utils.h"
#include "cairn-view-store.h"

#define N_CHILDREN 350

static const char *given[] = { "Amelia", "Ben", "Chloe", "Daniel", "Ella", "Finn", "Grace" };
static const char *family[] = { "Archer", "Brook", "Cole", "Dale", "Ember", "Frost" };
static const char *teams[] = { "East", "West", "North" };

static CairnStore *store;

static CairnStore *
build_board (void)
{
  g_autofree char *path = cairn_test_scratch_path ("cases.cairn");
  g_autoptr (GError) error = NULL;
  CairnStore *s = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  guint n_cases, n_failed;

  g_assert_no_error (error);
  g_setenv ("CAIRN_TODAY", "2012-06-01", TRUE);
  g_assert_true (cairn_store_begin (s, &error));
  for (int i = 0; i < N_CHILDREN; i++)
    {
      g_autoptr (CairnChild) child = cairn_child_new ();
      g_autoptr (CairnReferral) referral = cairn_referral_new ();
      int case_number;

      child->given_name = g_strdup (given[i % G_N_ELEMENTS (given)]);
      child->family_name = g_strdup_printf ("%s%03d", family[i % G_N_ELEMENTS (family)], i);
      cairn_date_set_ymd (&child->date_of_birth, 2000 + i % 11, 1 + i % 12, 1 + i % 28);
      if (i == 6)
        child->nhs_number = g_strdup ("9434765919");
      g_assert_true (cairn_store_add_child (s, child, &error));
      g_assert_no_error (error);
      /* One referral in four arrives today: its first timers are still running. */
      if (i % 4 == 0)
        cairn_date_set_ymd (&referral->received_on, 2012, 6, 1);
      else
        cairn_date_set_ymd (&referral->received_on, 2012, 1 + i % 5, 2 + i % 20);
      referral->concern = g_strdup (i == 42 ? "Neighbour heard shouting about a trampoline" : "Concern");
      case_number = cairn_store_open_case (s, child->number, referral, &error);
      g_assert_no_error (error);
      g_assert_true (cairn_store_assign_case (s, child->number, case_number, teams[i % 3], &error));
      g_assert_no_error (error);
    }
  g_assert_true (cairn_store_commit (s, &error));
  g_assert_true (cairn_pathway_refresh_all_summaries (s, &n_cases, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_cases, ==, N_CHILDREN);
  return s;
}

/* Every row of the list, in its order, as "name|ref". */
static GPtrArray *
read_all (CairnCaseList *list)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CairnCaseRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_true (cairn_case_row_is_loaded (row));
      g_ptr_array_add (rows, g_strdup_printf ("%s|%s", cairn_case_row_get_name (row),
                                              cairn_case_row_get_ref (row)));
    }
  return rows;
}

static CairnCaseList *
list_with (CairnCaseFilter *filter)
{
  g_autoptr (GError) error = NULL;
  CairnCaseList *list = cairn_case_list_new (store);

  g_assert_true (cairn_case_list_set_filter (list, filter, &error));
  g_assert_no_error (error);
  return list;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *x = *(const char **) a, *y = *(const char **) b;
  g_autofree char *kx = NULL, *ky = NULL;
  const char *sx = strchr (x, ' '), *sy = strchr (y, ' ');

  /* name_key is "family given": compare the family name first. */
  kx = g_ascii_strdown (sx + 1, -1);
  ky = g_ascii_strdown (sy + 1, -1);
  return strcmp (kx, ky);
}

static void
test_count_and_pages (void)
{
  g_autoptr (CairnCaseFilter) filter = cairn_case_filter_new ();
  g_autoptr (CairnCaseList) list = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) sorted = NULL;

  filter->sort = CAIRN_CASE_SORT_NAME;
  list = list_with (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CHILDREN);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CAIRN_TYPE_CASE_ROW);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_CHILDREN));

  /* Read in order, across page boundaries (100 rows a page): the same as sorting by name. */
  rows = read_all (list);
  sorted = g_ptr_array_copy (rows, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (sorted, g_free);
  g_ptr_array_sort (sorted, compare_names);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (g_ptr_array_index (rows, i), ==, g_ptr_array_index (sorted, i));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, 0), "Amelia Archer000|"));
}

static void
test_jump (void)
{
  g_autoptr (CairnCaseFilter) filter = cairn_case_filter_new ();
  g_autoptr (CairnCaseList) sequential = NULL;
  g_autoptr (CairnCaseList) jumping = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (CairnCaseRow) early = NULL;
  g_autoptr (CairnCaseRow) row = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  filter->sort = CAIRN_CASE_SORT_REF;
  filter->descending = TRUE;
  sequential = list_with (filter);
  rows = read_all (sequential);

  /* A far row before its page can be reached: a placeholder… */
  jumping = list_with (filter);
  early = g_list_model_get_item (G_LIST_MODEL (jumping), 301);
  g_assert_false (cairn_case_row_is_loaded (early));
  /* …then, with the anchors, the right row straight away. */
  g_assert_true (cairn_case_list_ensure_anchors (jumping, &error));
  g_assert_no_error (error);
  row = g_list_model_get_item (G_LIST_MODEL (jumping), 301);
  g_assert_true (cairn_case_row_is_loaded (row));
  text = g_strdup_printf ("%s|%s", cairn_case_row_get_name (row), cairn_case_row_get_ref (row));
  g_assert_cmpstr (text, ==, g_ptr_array_index (rows, 301));
  /* Descending by reference: the last child first. */
  g_assert_true (g_str_has_suffix (g_ptr_array_index (rows, 0), "|C-000350/1"));
}

static void
test_filters (void)
{
  g_autoptr (CairnCaseFilter) filter = cairn_case_filter_new ();
  g_autoptr (CairnCaseList) list = NULL;
  g_autoptr (GPtrArray) values = NULL;
  guint n;

  filter->team = g_strdup ("West");
  list = list_with (filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, (N_CHILDREN + 1) / 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CairnCaseRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpstr (cairn_case_row_get_team (row), ==, "West");
    }

  values = cairn_store_list_case_values (store, "team", NULL);
  g_assert_cmpuint (values->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (values, 0), ==, "East");

  /* Overdue only: every row's next deadline is before today (2012-06-01). */
  g_clear_pointer (&filter->team, g_free);
  filter->overdue_only = TRUE;
  g_clear_object (&list);
  list = list_with (filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, N_CHILDREN);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CairnCaseRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_nonnull (cairn_case_row_get_next_due (row));
      g_assert_cmpstr (cairn_case_row_get_next_due (row), <, "2012-06-01");
    }

  /* Closed only: none yet. */
  filter->overdue_only = FALSE;
  filter->open_state = 0;
  g_clear_object (&list);
  list = list_with (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static guint
count_search (const char *search)
{
  g_autoptr (CairnCaseFilter) filter = cairn_case_filter_new ();
  g_autoptr (CairnCaseList) list = NULL;

  filter->search = g_strdup (search);
  list = list_with (filter);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_search (void)
{
  g_autoptr (CairnCaseFilter) filter = cairn_case_filter_new ();
  g_autoptr (CairnCaseList) list = NULL;
  g_autoptr (CairnCaseRow) row = NULL;

  /* A prefix of a given name: every Amelia (one child in seven). */
  g_assert_cmpuint (count_search ("Ame"), ==, (N_CHILDREN + 6) / 7);
  /* Given and family name prefixes together, any case, any accent. */
  g_assert_cmpuint (count_search ("amelia ARCHER000"), ==, 1);
  /* A case reference, a bare number, an NHS number in groups, words in the notes. */
  g_assert_cmpuint (count_search ("C-000007/1"), ==, 1);
  g_assert_cmpuint (count_search ("000007"), ==, 1);
  g_assert_cmpuint (count_search ("c000007"), ==, 1);
  g_assert_cmpuint (count_search ("C-000007"), ==, 1);
  /* Typing a reference: its first digits narrow by prefix. */
  g_assert_cmpuint (count_search ("C-00000"), ==, 9);
  g_assert_cmpuint (count_search ("943 476 5919"), ==, 1);
  g_assert_cmpuint (count_search ("trampoline"), ==, 1);
  g_assert_cmpuint (count_search ("nobody-called-this"), ==, 0);
  /* SQL and FTS syntax typed by a person is only text. */
  g_assert_cmpuint (count_search ("\" OR 1=1 --"), ==, 0);
  g_assert_cmpuint (count_search ("NEAR(amelia ben)"), ==, 0);

  filter->search = g_strdup ("C-000007");
  list = list_with (filter);
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cairn_case_row_get_ref (row), ==, "C-000007/1");
  g_assert_cmpstr (cairn_case_row_get_name (row), ==, "Grace Archer006");
}

static void
test_saved_filters (void)
{
  g_autoptr (CairnCaseFilter) filter = cairn_case_filter_new ();
  g_autoptr (CairnCaseFilter) back = NULL;
  g_autoptr (CairnCaseFilter) last = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *ref = NULL;

  filter->team = g_strdup ("East");
  filter->overdue_only = TRUE;
  filter->search = g_strdup ("Ella");
  filter->sort = CAIRN_CASE_SORT_WORKER;
  filter->descending = TRUE;
  g_assert_true (cairn_store_save_filter (store, "Monday list", filter, &error));
  g_assert_no_error (error);
  names = cairn_store_list_saved_filters (store, &error);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Monday list");
  back = cairn_store_load_saved_filter (store, "Monday list", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->team, ==, "East");
  g_assert_cmpstr (back->search, ==, "Ella");
  g_assert_true (back->overdue_only);
  g_assert_cmpint (back->sort, ==, CAIRN_CASE_SORT_WORKER);
  g_assert_true (back->descending);
  g_assert_false (cairn_store_save_filter (store, "  ", filter, &error));
  g_assert_cmpstr (error->message, ==, "Filter name: is required");
  g_clear_error (&error);

  g_assert_true (cairn_store_set_last_view (store, filter, "C-000002/1", &error));
  last = cairn_store_get_last_view (store, &ref);
  g_assert_cmpstr (last->search, ==, "Ella");
  g_assert_cmpstr (ref, ==, "C-000002/1");
}

static void
test_follows_changes (void)
{
  g_autoptr (CairnCaseFilter) filter = cairn_case_filter_new ();
  g_autoptr (CairnCaseList) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnCaseRow) row = NULL;

  /* A case given to another team moves between the team filters at once. */
  filter->team = g_strdup ("South");
  list = list_with (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (cairn_store_assign_case (store, 1, 1, "South", &error));
  g_assert_no_error (error);
  cairn_case_list_reload (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cairn_case_row_get_ref (row), ==, "C-000001/1");

  /* A rebuild gives the same index. */
  g_assert_true (cairn_store_rebuild_case_index (store, &error));
  g_assert_no_error (error);
  cairn_case_list_reload (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (count_search ("trampoline"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  store = build_board ();

  g_test_add_func ("/cairn/case-list/count-and-pages", test_count_and_pages);
  g_test_add_func ("/cairn/case-list/jump", test_jump);
  g_test_add_func ("/cairn/case-list/filters", test_filters);
  g_test_add_func ("/cairn/case-list/search", test_search);
  g_test_add_func ("/cairn/case-list/saved-filters", test_saved_filters);
  g_test_add_func ("/cairn/case-list/follows-changes", test_follows_changes);

  status = g_test_run ();
  g_clear_object (&store);
  return status;
}
