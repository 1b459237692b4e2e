/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-store.h"
#include "cairn-test-utils.h"

/* The whole database as text, through the sqlite3 shell (a peer, not our code). */
static char *
dump (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "sqlite3", path, ".dump", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static CairnStore *
new_store (const char *name)
{
  g_autofree char *path = cairn_test_scratch_path (name);
  g_autoptr (GError) error = NULL;
  CairnStore *store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);

  g_assert_no_error (error);
  return store;
}

static CairnChild *
make_child (const char *given,
            const char *dob)
{
  CairnChild *child = cairn_child_new ();

  child->given_name = g_strdup (given);
  child->family_name = g_strdup ("Testperson");
  g_assert_true (cairn_date_parse ("dob", dob, &child->date_of_birth, NULL));
  return child;
}

static void
test_migrate_empty (void)
{
  g_autoptr (CairnStore) store = new_store ("empty.cairn");
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  struct stat st;

  g_assert_cmpuint (cairn_store_get_schema_version (store), ==, cairn_store_get_latest_version ());
  g_assert_cmpuint (cairn_store_get_latest_version (), >=, 1);
  g_assert_true (cairn_store_check (store, problems, NULL));
  g_assert_cmpuint (problems->len, ==, 0);

  /* Readable by the owner only. */
  g_assert_cmpint (g_stat (cairn_store_get_path (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* A database saved by schema version 1 (tests/fixtures/schema-v1.sql) opens,
 * migrates to the latest version, and keeps its records. */
static void
test_migrate_fixture (void)
{
  g_autofree char *fixture = g_build_filename (cairn_test_source_dir (), "tests", "fixtures",
                                               "schema-v1.sql", NULL);
  g_autofree char *path = cairn_test_scratch_path ("v1.cairn");
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (CairnChild) child = NULL;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_unlink (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cairn_store_get_schema_version (store), ==, cairn_store_get_latest_version ());
  child = cairn_store_get_child (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (child->given_name, ==, "Fixture");
  g_assert_cmpstr (child->nhs_number, ==, "9990000018");
}

static void
test_newer_refused (void)
{
  g_autofree char *path = cairn_test_scratch_path ("newer.cairn");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pragma = NULL;
  CairnStore *store;
  sqlite3 *db;

  store = new_store ("newer.cairn");
  g_object_unref (store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  pragma = g_strdup_printf ("PRAGMA user_version = %u", cairn_store_get_latest_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = dump (path);
  store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Cairn"));
  after = dump (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_errors (void)
{
  g_autofree char *missing = cairn_test_scratch_path ("missing.cairn");
  g_autofree char *text = cairn_test_scratch_path ("text.cairn");
  g_autofree char *other = cairn_test_scratch_path ("other.sqlite");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autofree char *message = NULL;
  sqlite3 *db;

  store = cairn_store_open (missing, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND);
  message = g_strdup_printf ("%s: no such database file", missing);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "hello, this is not a database\n", -1, NULL));
  store = cairn_store_open (text, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "is not a Cairn database"));
  g_clear_error (&error);

  /* Another application's SQLite file is not touched. */
  g_unlink (other);
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = cairn_store_open (other, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Creating refuses an existing file unless forced. */
  store = cairn_store_open (text, CAIRN_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "already exists"));
}

static void
test_child_round_trip (void)
{
  g_autoptr (CairnStore) store = new_store ("child.cairn");
  g_autoptr (CairnChild) child = make_child ("Amelia", "2008-05-14");
  g_autoptr (CairnChild) back = NULL;
  g_autoptr (GError) error = NULL;

  child->nhs_number = g_strdup ("999 000 0018");
  g_ptr_array_add (child->disabilities, g_strdup ("HEAR"));
  g_assert_true (cairn_store_add_child (store, child, &error));
  g_assert_no_error (error);
  g_assert_cmpint (child->number, ==, 1);

  back = cairn_store_get_child (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->given_name, ==, "Amelia");
  g_assert_cmpstr (back->nhs_number, ==, "9990000018");
  g_assert_cmpuint (back->disabilities->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (back->disabilities, 0), ==, "HEAR");
  g_assert_cmpint (cairn_store_count_children (store), ==, 1);

  g_assert_null (cairn_store_get_child (store, 2, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "C-000002: no such child");
}

/* A refused change leaves the database exactly as it was. */
static void
test_refused_change_leaves_no_trace (void)
{
  g_autoptr (CairnStore) store = new_store ("refuse.cairn");
  g_autoptr (CairnChild) first = make_child ("Amelia", "2008-05-14");
  g_autoptr (CairnChild) clash = make_child ("Bella", "2009-01-02");
  g_autoptr (CairnChild) invalid = make_child ("Cara", "2009-01-02");
  g_autoptr (CairnReferral) referral = cairn_referral_new ();
  g_autoptr (CairnEvent) event = cairn_event_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *path = cairn_store_get_path (store);

  g_setenv ("CAIRN_TODAY", "2012-06-01", TRUE);
  first->nhs_number = g_strdup ("9990000018");
  g_assert_true (cairn_store_add_child (store, first, &error));
  g_assert_no_error (error);
  before = dump (path);

  /* Same NHS number: refused by the database's constraint. */
  clash->nhs_number = g_strdup ("9990000018");
  g_assert_false (cairn_store_add_child (store, clash, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);

  /* Invalid value: refused before anything is written. */
  invalid->nhs_number = g_strdup ("1234");
  g_assert_false (cairn_store_add_child (store, invalid, &error));
  g_assert_cmpstr (error->message, ==, "NHS number: \"1234\" is not an NHS number (10 digits)");
  g_clear_error (&error);

  /* A case whose referring agency is unknown: refused inside the transaction. */
  g_assert_true (cairn_date_parse ("d", "2012-01-10", &referral->received_on, NULL));
  referral->source_agency = g_strdup ("NOSUCH");
  g_assert_cmpint (cairn_store_open_case (store, 1, referral, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "Referring agency: \"NOSUCH\" is not known");
  g_clear_error (&error);

  /* An event in the future. */
  event->kind = g_strdup ("home_visit");
  g_assert_true (cairn_date_parse ("d", "2012-07-01", &event->date, NULL));
  g_assert_false (cairn_store_add_event (store, 1, 1, event, &error));
  g_assert_cmpstr (error->message, ==, "Date: 2012-07-01 is after today (2012-06-01)");
  g_clear_error (&error);

  after = dump (path);
  g_assert_cmpstr (before, ==, after);
  g_unsetenv ("CAIRN_TODAY");
}

static void
test_case_and_events (void)
{
  g_autoptr (CairnStore) store = new_store ("case.cairn");
  g_autoptr (CairnChild) child = make_child ("Amelia", "2008-05-14");
  g_autoptr (CairnReferral) referral = cairn_referral_new ();
  g_autoptr (CairnEvent) event = cairn_event_new ();
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  CairnEvent *e;

  g_setenv ("CAIRN_TODAY", "2012-06-01", TRUE);
  g_assert_true (cairn_store_add_child (store, child, &error));
  g_assert_true (cairn_date_parse ("d", "2012-01-10", &referral->received_on, NULL));
  referral->source_code = g_strdup ("2A");
  g_assert_cmpint (cairn_store_open_case (store, 1, referral, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (cairn_store_open_case (store, 1, referral, &error), ==, 2);

  event->kind = g_strdup ("home_visit");
  g_assert_true (cairn_date_parse ("d", "2012-01-12", &event->date, NULL));
  event->minute = 14 * 60;
  event->child_seen = 1;
  event->seen_alone = 0;
  event->not_seen_alone_reason = g_strdup ("Child asked for her mother to stay");
  g_assert_true (cairn_store_add_event (store, 1, 1, event, &error));
  g_assert_no_error (error);

  events = cairn_store_list_events (store, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  e = g_ptr_array_index (events, 0);
  g_assert_cmpstr (e->kind, ==, "referral");
  e = g_ptr_array_index (events, 1);
  g_assert_cmpstr (e->kind, ==, "home_visit");
  g_assert_cmpint (e->minute, ==, 14 * 60);
  g_assert_cmpint (e->seen_alone, ==, 0);
  g_assert_cmpstr (e->not_seen_alone_reason, ==, "Child asked for her mother to stay");

  g_assert_null (cairn_store_list_events (store, 1, 3, &error));
  g_assert_cmpstr (error->message, ==, "C-000001/3: no such case");
  g_unsetenv ("CAIRN_TODAY");
}

static void
test_today_as_of (void)
{
  g_autoptr (CairnStore) store = new_store ("asof.cairn");
  GDate today;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_unsetenv ("CAIRN_TODAY");
  g_assert_true (cairn_store_set_setting (store, "as_of", "2013-03-31", NULL));
  cairn_store_get_today (store, &today);
  a = cairn_date_to_string (&today);
  g_assert_cmpstr (a, ==, "2013-03-31");

  /* CAIRN_TODAY wins over the database's own date. */
  g_setenv ("CAIRN_TODAY", "2011-01-01", TRUE);
  cairn_store_get_today (store, &today);
  b = cairn_date_to_string (&today);
  g_assert_cmpstr (b, ==, "2011-01-01");
  g_unsetenv ("CAIRN_TODAY");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/store/migrate/empty", test_migrate_empty);
  g_test_add_func ("/cairn/store/migrate/fixture-v1", test_migrate_fixture);
  g_test_add_func ("/cairn/store/migrate/newer-refused", test_newer_refused);
  g_test_add_func ("/cairn/store/open-errors", test_open_errors);
  g_test_add_func ("/cairn/store/child/round-trip", test_child_round_trip);
  g_test_add_func ("/cairn/store/refused-change-leaves-no-trace", test_refused_change_leaves_no_trace);
  g_test_add_func ("/cairn/store/case-and-events", test_case_and_events);
  g_test_add_func ("/cairn/store/today-as-of", test_today_as_of);

  return g_test_run ();
}
