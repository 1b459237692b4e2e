/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cairn-audit-store.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-store-private.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"

#define CHAIR_PASSWORD "chair-password-1"
#define PASSWORD "correct horse battery"

/* A fake clock for lock-out tests, in microseconds. */
static gint64 fake_now = G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC;

static gint64
fake_clock (void)
{
  return fake_now;
}

static void
sqlite_shell (const char *db,
              const char *sql)
{
  const char *argv[] = { "sqlite3", db, sql, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sqlite3 %s: %s", sql, err);
}

/* A board with a chair, one account of every other role, and two cases:
 * C-000001/1 for team East, C-000002/1 for team West. */
static CairnStore *build_board (const char *name);

/* Every test starts from a copy of one board built once (hashing passwords
 * with Argon2id is deliberately slow). */
static CairnStore *
make_board (const char *name)
{
  static char *template_path;
  g_autofree char *path = cairn_test_scratch_path (name);
  g_autofree char *side = g_strconcat (path, ".audit-head", NULL);
  g_autofree char *template_side = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  CairnStore *store;
  gsize len;

  if (template_path == NULL)
    {
      g_autoptr (CairnStore) t = build_board ("template.cairn");
      template_path = g_strdup (cairn_store_get_path (t));
    }
  template_side = g_strconcat (template_path, ".audit-head", NULL);
  {
    g_autofree char *sql = g_strdup_printf ("VACUUM INTO '%s'", path);
    g_unlink (path);
    sqlite_shell (template_path, sql);
  }
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (g_file_get_contents (template_side, &contents, &len, NULL));
  g_assert_true (g_file_set_contents_full (side, contents, len, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  cairn_store_set_now_func (store, fake_clock);
  return store;
}

static CairnStore *
build_board (const char *name)
{
  g_autofree char *path = cairn_test_scratch_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  static const struct
  {
    const char *name;
    CairnRole role;
    const char *team;
  } users[] = {
    { "bm", CAIRN_ROLE_BUSINESS_MANAGER, "" },
    { "cc", CAIRN_ROLE_CONFERENCE_CHAIR, "" },
    { "panel", CAIRN_ROLE_SCR_PANEL, "" },
    { "outsider", CAIRN_ROLE_SCR_PANEL, "" },
    { "east", CAIRN_ROLE_PRACTITIONER, "East" },
    { "auditor", CAIRN_ROLE_AUDITOR, "" },
  };

  g_unlink (path);
  store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_assert_no_error (error);
  cairn_store_set_now_func (store, fake_clock);

  /* First run: no accounts, anything goes; the first account must be a chair's. */
  g_assert_false (cairn_store_add_user (store, "early", NULL, CAIRN_ROLE_PRACTITIONER, "East", PASSWORD, &error));
  g_assert_cmpstr (error->message, ==, "Role: the first account must be the LSCB chair's, not a practitioner's");
  g_clear_error (&error);
  g_assert_true (cairn_store_add_user (store, "chair", "Demo Chair", CAIRN_ROLE_CHAIR, "", CHAIR_PASSWORD, &error));
  g_assert_no_error (error);

  /* Now a login is needed. */
  g_assert_false (cairn_store_add_user (store, "bm", NULL, CAIRN_ROLE_BUSINESS_MANAGER, "", PASSWORD, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_true (cairn_store_login (store, "chair", CHAIR_PASSWORD, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_assert_true (cairn_store_add_user (store, users[i].name, NULL, users[i].role, users[i].team, PASSWORD, &error));
      g_assert_no_error (error);
    }

  for (int i = 0; i < 2; i++)
    {
      g_autoptr (CairnChild) child = cairn_child_new ();
      g_autoptr (CairnReferral) referral = cairn_referral_new ();
      child->given_name = g_strdup (i == 0 ? "Amelia" : "Bella");
      child->family_name = g_strdup ("Testperson");
      child->nhs_number = g_strdup (i == 0 ? "9990000018" : "9990000026");
      cairn_date_parse ("dob", "2008-05-14", &child->date_of_birth, NULL);
      g_assert_true (cairn_store_add_child (store, child, &error));
      cairn_date_parse ("d", "2011-03-01", &referral->received_on, NULL);
      g_assert_cmpint (cairn_store_open_case (store, child->number, referral, &error), ==, 1);
      g_assert_true (cairn_store_assign_case (store, child->number, 1, i == 0 ? "East" : "West", &error));
      g_assert_no_error (error);
    }
  cairn_store_logout (store);
  return g_steal_pointer (&store);
}

static gboolean
try_add_event (CairnStore  *store,
               gint64       child,
               GError     **error)
{
  g_autoptr (CairnEvent) event = cairn_event_new ();

  event->kind = g_strdup ("home_visit");
  cairn_date_parse ("d", "2011-03-05", &event->date, NULL);
  return cairn_store_add_event (store, child, 1, event, error);
}

static void
login (CairnStore *store,
       const char *name)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cairn_store_login (store, name, g_str_equal (name, "chair") ? CHAIR_PASSWORD : PASSWORD, &error));
  g_assert_no_error (error);
}

static void
test_roles_library (void)
{
  g_autoptr (CairnStore) store = make_board ("roles.cairn");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnChild) child = NULL;

  /* Nobody signed in: refused. */
  g_assert_null (cairn_store_get_child (store, 1, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Practitioner: own team's case yes, another team's no. */
  login (store, "east");
  g_assert_true (try_add_event (store, 1, &error));
  g_assert_no_error (error);
  g_assert_false (try_add_event (store, 2, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==,
                   "change a case: east (practitioner) may not change a case C-000002/1: it belongs "
                   "to team West, not East");
  g_clear_error (&error);
  child = cairn_store_get_child (store, 2, &error);
  g_assert_no_error (error);
  g_assert_false (cairn_store_set_board (store, "X", "Y", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (cairn_store_require_scr (store, CAIRN_ACTION_VIEW_SCR_DRAFT, 2011, 1, &error));
  g_clear_error (&error);

  /* Auditor: reads everything, changes nothing. */
  login (store, "auditor");
  g_assert_false (try_add_event (store, 1, &error));
  g_assert_cmpstr (error->message, ==, "change a case: auditor (auditor) may not change a case C-000001/1");
  g_clear_error (&error);
  g_assert_true (cairn_store_require (store, CAIRN_ACTION_VIEW_AUDIT, NULL));
  g_assert_true (cairn_store_require_scr (store, CAIRN_ACTION_VIEW_SCR_DRAFT, 2011, 1, NULL));
  g_assert_false (cairn_store_require_scr (store, CAIRN_ACTION_EDIT_SCR, 2011, 1, NULL));

  /* Conference chair: any team's case. */
  login (store, "cc");
  g_assert_true (try_add_event (store, 2, &error));
  g_assert_no_error (error);
  g_assert_false (cairn_store_require (store, CAIRN_ACTION_MANAGE_USERS, NULL));

  /* Business manager: board business, not cases. */
  login (store, "bm");
  g_assert_true (cairn_store_set_board (store, "Testshire Safeguarding Children Board", "Testshire", &error));
  g_assert_no_error (error);
  g_assert_false (try_add_event (store, 1, &error));
  g_assert_cmpstr (error->message, ==,
                   "change a case: bm (business manager) may not change a case C-000001/1");
  g_clear_error (&error);
  g_assert_false (cairn_store_require_scr (store, CAIRN_ACTION_VIEW_SCR_DRAFT, 2011, 1, NULL));
  g_assert_false (cairn_store_require (store, CAIRN_ACTION_VIEW_AUDIT, NULL));
}

static void
test_scr_panel_access (void)
{
  g_autoptr (CairnStore) store = make_board ("panel.cairn");
  g_autoptr (GError) error = NULL;

  /* An SCR to grant access to (the SCR store is another module's; one row
   * through the store's own connection is enough here). */
  login (store, "chair");
  g_assert_cmpint (sqlite3_exec (cairn_store_get_db (store),
                                 "INSERT INTO scrs (year, number, title) VALUES (2011, 1, 'Review of Child A')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (cairn_store_grant_scr_access (store, 2011, 1, "panel", &error));
  g_assert_no_error (error);
  g_assert_false (cairn_store_grant_scr_access (store, 2011, 2, "panel", &error));
  g_assert_cmpstr (error->message, ==, "SCR-2011-02: no such review, or no account named \"panel\"");
  g_clear_error (&error);

  login (store, "panel");
  g_assert_true (cairn_store_require_scr (store, CAIRN_ACTION_VIEW_SCR_DRAFT, 2011, 1, &error));
  g_assert_true (cairn_store_require_scr (store, CAIRN_ACTION_EDIT_SCR, 2011, 1, &error));
  g_assert_no_error (error);
  g_assert_false (try_add_event (store, 1, NULL));

  login (store, "outsider");
  g_assert_false (cairn_store_require_scr (store, CAIRN_ACTION_VIEW_SCR_DRAFT, 2011, 1, &error));
  g_assert_cmpstr (error->message, ==,
                   "read a serious case review draft: outsider (SCR panel member) may not read a "
                   "serious case review draft SCR-2011-01: they are not on its panel");
}

static void
test_lockout (void)
{
  g_autoptr (CairnStore) store = make_board ("lock.cairn");
  g_autoptr (GError) error = NULL;

  fake_now = G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC; /* 2023-11-14T22:13:20Z */
  for (int i = 1; i <= 2; i++)
    {
      g_assert_false (cairn_store_login (store, "east", "wrong password", &error));
      g_assert_cmpstr (error->message, ==, "login: the user name or password is wrong");
      g_clear_error (&error);
    }
  g_assert_false (cairn_store_login (store, "east", "wrong password", &error));
  g_assert_cmpstr (error->message, ==,
                   "login: the user name or password is wrong; the account east is locked until "
                   "2023-11-14T22:13:50Z");
  g_clear_error (&error);

  /* Locked: even the right password is refused. */
  fake_now += 29 * G_USEC_PER_SEC;
  g_assert_false (cairn_store_login (store, "east", PASSWORD, &error));
  g_assert_cmpstr (error->message, ==,
                   "login: the account east is locked until 2023-11-14T22:13:50Z after 3 failed attempts");
  g_clear_error (&error);
  g_assert_false (cairn_store_is_signed_in (store));

  /* After the delay, one more failure locks for twice as long. */
  fake_now += 2 * G_USEC_PER_SEC;
  g_assert_false (cairn_store_login (store, "east", "still wrong", &error));
  g_assert_nonnull (strstr (error->message, "locked until 2023-11-14T22:14:51Z"));
  g_clear_error (&error);

  fake_now += 61 * G_USEC_PER_SEC;
  g_assert_true (cairn_store_login (store, "east", PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cairn_store_get_user_name (store), ==, "east");

  /* The counter was reset by the good login. */
  cairn_store_logout (store);
  g_assert_false (cairn_store_login (store, "east", "wrong", NULL));
  g_assert_true (cairn_store_login (store, "east", PASSWORD, NULL));

  /* An unknown user gets the same answer as a wrong password. */
  g_assert_false (cairn_store_login (store, "nobody", PASSWORD, &error));
  g_assert_cmpstr (error->message, ==, "login: the user name or password is wrong");
}

static void
test_open_record_audited (void)
{
  g_autoptr (CairnStore) store = make_board ("open.cairn");
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  gboolean saw_open = FALSE, saw_insert = FALSE;

  login (store, "cc");
  g_assert_true (cairn_store_record_child_opened (store, 1, &error));
  g_assert_true (try_add_event (store, 1, &error));
  g_assert_no_error (error);
  entries = cairn_store_list_child_audit (store, 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      CairnAuditEntry *e = g_ptr_array_index (entries, i);
      if (g_str_equal (e->action, "open") && g_str_equal (e->user_name, "cc"))
        saw_open = TRUE;
      if (g_str_equal (e->action, "insert") && g_str_equal (e->entity, "events") &&
          g_str_equal (e->user_name, "cc") && strstr (e->after, "\"kind\":\"home_visit\"") != NULL)
        saw_insert = TRUE;
      /* Nothing about the other child. */
      g_assert_null (strstr (e->after ? e->after : "", "Bella"));
    }
  g_assert_true (saw_open);
  g_assert_true (saw_insert);
}

static int
check_db (const char *path,
          char      **out)
{
  return cairn_test_run_cli (out, NULL, "check", "--db", path, NULL);
}

static char *
tamper_copy (CairnStore *store,
             const char *name)
{
  /* A copy of the database and its sidecar, to tamper with. */
  g_autofree char *src = g_strdup (cairn_store_get_path (store));
  g_autofree char *src_side = g_strconcat (src, ".audit-head", NULL);
  char *dst = cairn_test_scratch_path (name);
  g_autofree char *dst_side = g_strconcat (dst, ".audit-head", NULL);
  g_autofree char *sql = g_strdup_printf ("VACUUM INTO '%s'", dst);
  g_autofree char *side = NULL;

  g_unlink (dst);
  sqlite_shell (src, sql);
  g_assert_cmpint (g_chmod (dst, 0600), ==, 0);
  g_assert_true (g_file_get_contents (src_side, &side, NULL, NULL));
  g_assert_true (g_file_set_contents_full (dst_side, side, -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  return dst;
}

#define UNGUARD "DROP TRIGGER cairn_audit_guard_update; DROP TRIGGER cairn_audit_guard_delete; "

static void
test_tamper_detected (void)
{
  g_autoptr (CairnStore) store = make_board ("tamper.cairn");
  g_autofree char *out = NULL;
  g_autofree char *clean = NULL, *altered = NULL, *deleted = NULL, *reordered = NULL,
                  *rewritten = NULL, *newest = NULL;
  g_autoptr (GError) error = NULL;

  login (store, "cc");
  for (int i = 0; i < 3; i++)
    g_assert_true (try_add_event (store, 1, &error));

  /* Untouched: check passes. */
  clean = tamper_copy (store, "clean.cairn");
  g_assert_cmpint (check_db (clean, &out), ==, 0);
  g_clear_pointer (&out, g_free);

  /* Guard triggers refuse changes through SQLite itself. */
  {
    g_autofree char *err = NULL;
    const char *argv[] = { "sqlite3", clean, "UPDATE audit_log SET user_name = 'x' WHERE id = 3", NULL };
    int status;
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err, &status, NULL);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "the audit trail cannot be changed"));
  }

  /* An altered entry. */
  altered = tamper_copy (store, "altered.cairn");
  sqlite_shell (altered, UNGUARD "UPDATE audit_log SET user_name = 'someone-else' WHERE id = 5");
  g_assert_cmpint (check_db (altered, &out), ==, 1);
  g_assert_nonnull (strstr (out, "audit: entry #5 "));
  g_assert_nonnull (strstr (out, "altered"));
  g_clear_pointer (&out, g_free);

  /* A deleted entry in the middle. */
  deleted = tamper_copy (store, "deleted.cairn");
  sqlite_shell (deleted, UNGUARD "DELETE FROM audit_log WHERE id = 4");
  g_assert_cmpint (check_db (deleted, &out), ==, 1);
  g_assert_nonnull (strstr (out, "audit: entry #5 does not follow"));
  g_clear_pointer (&out, g_free);

  /* Two entries swapped. */
  reordered = tamper_copy (store, "reordered.cairn");
  sqlite_shell (reordered, UNGUARD
                "UPDATE audit_log SET id = -1 WHERE id = 6; UPDATE audit_log SET id = 6 WHERE id = 7;"
                " UPDATE audit_log SET id = 7 WHERE id = -1;");
  g_assert_cmpint (check_db (reordered, &out), ==, 1);
  g_assert_nonnull (strstr (out, "audit: entry #6 "));
  g_clear_pointer (&out, g_free);

  /* The newest entry deleted, the sidecar kept. */
  newest = tamper_copy (store, "newest.cairn");
  sqlite_shell (newest, UNGUARD "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)");
  g_assert_cmpint (check_db (newest, &out), ==, 1);
  g_assert_nonnull (strstr (out, "audit: the newest entries were removed"));
  g_clear_pointer (&out, g_free);

  /* An entry altered and every later hash rewritten consistently, as
   * someone who knows the algorithm would: only the sidecar shows it. */
  rewritten = tamper_copy (store, "rewritten.cairn");
  {
    g_autoptr (CairnStore) raw = cairn_store_open (rewritten, CAIRN_STORE_OPEN_EXISTING, &error);
    sqlite3 *db;
    g_assert_no_error (error);
    db = cairn_store_get_db (raw);
    g_assert_cmpint (sqlite3_exec (db, UNGUARD
                                   "UPDATE audit_log SET user_name = 'someone-else' WHERE id = 5;"
                                   "UPDATE audit_log SET hash = NULL WHERE id >= 5;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    /* Re-seal from entry 5 on with the same function the triggers use. */
    for (int id = 5; id < 100; id++)
      {
        g_autofree char *sql = g_strdup_printf (
          "UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE id < %d ORDER BY id DESC LIMIT 1),"
          " hash = cairn_audit_hash(id, at, user_name, action, entity, entity_key, child_id, before, after, details,"
          " (SELECT hash FROM audit_log WHERE id < %d ORDER BY id DESC LIMIT 1)) WHERE id = %d", id, id, id);
        g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      }
  }
  g_assert_cmpint (check_db (rewritten, &out), ==, 1);
  g_assert_nonnull (strstr (out, "does not match the sidecar (the trail was rewritten)"));
}

static void
test_cli_login (void)
{
  g_autoptr (CairnStore) store = make_board ("cli.cairn");
  const char *db = cairn_store_get_path (store);
  g_autofree char *out = NULL, *err = NULL, *db_bytes = NULL, *side = NULL, *side_path = NULL;
  gsize db_len = 0;

  /* No --user: exit 4. */
  {
    const char *argv[] = { "list", "children", "--db", db, NULL };
    g_assert_cmpint (cairn_test_run_cli_input (NULL, &out, &err, argv), ==, 4);
    g_assert_cmpstr (err, ==, "cairn-cli: --user: this board's records need a login (--user NAME)\n");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  /* Wrong password: exit 4. */
  {
    const char *argv[] = { "list", "children", "--db", db, "--user", "chair", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input ("not-the-password\n", &out, &err, argv), ==, 4);
    g_assert_cmpstr (err, ==, "cairn-cli: login: the user name or password is wrong\n");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  /* Right password. */
  {
    const char *argv[] = { "list", "children", "--db", db, "--user", "chair", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input (CHAIR_PASSWORD "\n", &out, &err, argv), ==, 0);
    g_assert_nonnull (strstr (out, "C-000001\tAmelia Testperson"));
    g_assert_null (strstr (out, CHAIR_PASSWORD));
    g_assert_null (strstr (err, CHAIR_PASSWORD));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  /* A role refused: exit 4 naming the role and the action. */
  {
    const char *argv[] = { "user", "add", "--db", db, "--name", "new", "--role", "auditor",
                           "--new-password-fd", "0", "--user", "east", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input (PASSWORD "\n" PASSWORD "\n", &out, &err, argv), ==, 4);
    g_assert_cmpstr (err, ==, "cairn-cli: manage user accounts: east (practitioner) may not manage user accounts\n");
    g_assert_null (strstr (err, PASSWORD));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { "audit", "--db", db, "--child", "C-000001", "--user", "east", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input (PASSWORD "\n", &out, &err, argv), ==, 4);
    g_assert_nonnull (strstr (err, "east (practitioner) may not read the audit trail"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  /* The chair adds an account; the auditor reads a child's trail. */
  {
    const char *argv[] = { "user", "add", "--db", db, "--name", "new", "--role", "auditor",
                           "--new-password-fd", "0", "--user", "chair", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input (CHAIR_PASSWORD "\nnew-auditor-password\n", &out, &err, argv), ==, 0);
    g_assert_cmpstr (out, ==, "Added new (auditor)\n");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { "audit", "--db", db, "--child", "C-000001", "--user", "new", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input ("new-auditor-password\n", &out, &err, argv), ==, 0);
    g_assert_true (g_str_has_prefix (out, "at\tuser\taction\trecord\tdetails\n"));
    g_assert_nonnull (strstr (out, "\tchair\tinsert\tchildren "));
    g_assert_null (strstr (out, "new-auditor-password"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* No password anywhere in the database or the sidecar. */
  g_assert_true (g_file_get_contents (db, &db_bytes, &db_len, NULL));
  side_path = g_strconcat (db, ".audit-head", NULL);
  g_assert_true (g_file_get_contents (side_path, &side, NULL, NULL));
  {
    const char *secrets[] = { CHAIR_PASSWORD, PASSWORD, "new-auditor-password", "not-the-password" };
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *wal_bytes = NULL;
    gsize wal_len = 0;
    g_file_get_contents (wal, &wal_bytes, &wal_len, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS (secrets); i++)
      {
        g_assert_null (g_strstr_len (db_bytes, db_len, secrets[i]));
        g_assert_null (wal_bytes ? g_strstr_len (wal_bytes, wal_len, secrets[i]) : NULL);
        g_assert_null (strstr (side, secrets[i]));
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/accounts/roles/library", test_roles_library);
  g_test_add_func ("/cairn/accounts/roles/scr-panel", test_scr_panel_access);
  g_test_add_func ("/cairn/accounts/lockout", test_lockout);
  g_test_add_func ("/cairn/accounts/audit/open-record", test_open_record_audited);
  g_test_add_func ("/cairn/accounts/audit/tamper", test_tamper_detected);
  g_test_add_func ("/cairn/accounts/cli", test_cli_login);

  return g_test_run ();
}
