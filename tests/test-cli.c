/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-store.h"
#include "cairn-test-utils.h"

static char *
make_db (const char *name)
{
  char *path = cairn_test_scratch_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store =
    cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_autoptr (CairnChild) child = cairn_child_new ();
  g_autoptr (CairnReferral) referral = cairn_referral_new ();

  g_assert_no_error (error);
  child->given_name = g_strdup ("Amelia");
  child->family_name = g_strdup ("Testperson");
  cairn_date_parse ("dob", "2008-05-14", &child->date_of_birth, NULL);
  g_assert_true (cairn_store_add_child (store, child, &error));
  cairn_date_parse ("d", "2011-03-01", &referral->received_on, NULL);
  g_assert_cmpint (cairn_store_open_case (store, child->number, referral, &error), ==, 1);
  g_assert_no_error (error);
  return path;
}

static void
test_unknown_command (void)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "frobnicate", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: frobnicate: unknown command (see cairn-cli --help)\n");
}

static void
test_help (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "check"));
  g_assert_nonnull (strstr (out, "list"));
}

static void
test_unknown_flag (void)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "check", "--frob", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: "));
  g_assert_nonnull (strstr (err, "--frob"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
}

static void
test_missing_file (void)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "check", "--db", "/nonexistent/board.cairn", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: /nonexistent/board.cairn: no such database file\n");
}

static void
test_not_a_database (void)
{
  g_autofree char *path = cairn_test_scratch_path ("junk.cairn");
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (path, "{\"not\": \"sqlite\"}", -1, NULL));
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "list", "children", "--db", path, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "is not a Cairn database"));
}

static void
test_check_ok (void)
{
  g_autofree char *db = make_db ("check.cairn");
  g_autofree char *out = NULL;

  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "check", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, ": ok (schema "));
}

static void
test_list (void)
{
  g_autofree char *db = make_db ("list.cairn");
  g_autofree char *out = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *json = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "list", "children", "--db", db, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "C-000001\tAmelia Testperson (born 2008-05-14)\n");
  g_assert_cmpint (cairn_test_run_cli (&cases, NULL, "list", "cases", "--db", db, NULL), ==, 0);
  g_assert_cmpstr (cases, ==, "C-000001/1\tAmelia Testperson, opened 2011-03-01\n");
  g_assert_cmpint (cairn_test_run_cli (&json, NULL, "list", "children", "--json", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (json, "\"ref\" : \"C-000001\""));
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "list", "dogs", "--db", db, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: dogs: "));
}

static void
test_bad_today (void)
{
  g_autofree char *err = NULL;
  const char *env[] = { "CAIRN_TODAY=2011-02-30", NULL };
  const char *argv[] = { "check", "--db", "x", NULL };

  g_assert_cmpint (cairn_test_run_cli_env (env, NULL, &err, argv), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: CAIRN_TODAY: \"2011-02-30\" is not a date (YYYY-MM-DD)\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cairn/cli/help", test_help);
  g_test_add_func ("/cairn/cli/unknown-flag", test_unknown_flag);
  g_test_add_func ("/cairn/cli/missing-file", test_missing_file);
  g_test_add_func ("/cairn/cli/not-a-database", test_not_a_database);
  g_test_add_func ("/cairn/cli/check", test_check_ok);
  g_test_add_func ("/cairn/cli/list", test_list);
  g_test_add_func ("/cairn/cli/bad-today", test_bad_today);

  return g_test_run ();
}
