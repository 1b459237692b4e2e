/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-seal.h"
#include "cairn-store.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"

#define PASSPHRASE "a long backup passphrase"
#define CHAIR_PASSWORD "chair-password-1"

static void
add_child (CairnStore *store,
           const char *given)
{
  g_autoptr (CairnChild) child = cairn_child_new ();
  g_autoptr (GError) error = NULL;

  child->given_name = g_strdup (given);
  child->family_name = g_strdup ("Testperson");
  cairn_date_parse ("dob", "2008-05-14", &child->date_of_birth, NULL);
  g_assert_true (cairn_store_add_child (store, child, &error));
  g_assert_no_error (error);
}

static char *
make_board (const char *name,
            gboolean    accounts)
{
  char *path = cairn_test_scratch_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store =
    cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);

  g_assert_no_error (error);
  add_child (store, "Amelia");
  if (accounts)
    {
      g_assert_true (cairn_store_add_user (store, "chair", NULL, CAIRN_ROLE_CHAIR, "", CHAIR_PASSWORD, &error));
      g_assert_true (cairn_store_login (store, "chair", CHAIR_PASSWORD, &error));
      g_assert_true (cairn_store_add_user (store, "east", NULL, CAIRN_ROLE_PRACTITIONER, "East", "practitioner-pw", &error));
      g_assert_no_error (error);
    }
  return path;
}

static char *
dump (const char *path)
{
  const char *argv[] = { "sqlite3", path, ".dump", NULL };
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static int
cli (const char  *input,
     char       **out,
     char       **err,
     ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list ap;
  const char *arg;

  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  return cairn_test_run_cli_input (input, out, err, (const char * const *) argv->pdata);
}

static void
test_round_trip (void)
{
  g_autofree char *db = make_board ("board.cairn", FALSE);
  g_autofree char *backup = cairn_test_scratch_path ("board.cairn-backup");
  g_autofree char *restored = cairn_test_scratch_path ("restored.cairn");
  g_autofree char *out = NULL, *err = NULL, *list = NULL, *check = NULL, *bytes = NULL;
  gsize len;
  struct stat st;

  g_unlink (restored);
  g_assert_cmpint (cli (PASSPHRASE "\n", &out, &err, "backup", "--db", db, "-o", backup,
                        "--passphrase-fd", "0", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Nothing of the database is readable in the backup. */
  g_assert_true (g_file_get_contents (backup, &bytes, &len, NULL));
  g_assert_null (g_strstr_len (bytes, len, "Amelia"));
  g_assert_null (g_strstr_len (bytes, len, "SQLite format"));
  g_assert_true (cairn_seal_file_is_sealed (backup));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (PASSPHRASE "\n", &out, &err, "restore", backup, "--db", restored,
                        "--passphrase-fd", "0", NULL), ==, 0);
  g_assert_cmpint (cairn_test_run_cli (&list, NULL, "list", "children", "--db", restored, NULL), ==, 0);
  g_assert_cmpstr (list, ==, "C-000001\tAmelia Testperson (born 2008-05-14)\n");
  g_assert_cmpint (cairn_test_run_cli (&check, NULL, "check", "--db", restored, NULL), ==, 0);
  g_assert_cmpint (g_stat (restored, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_restore_replaces_and_refuses (void)
{
  g_autofree char *db = make_board ("live.cairn", FALSE);
  g_autofree char *backup = cairn_test_scratch_path ("live.cairn-backup");
  g_autofree char *damaged = cairn_test_scratch_path ("damaged.cairn-backup");
  g_autofree char *truncated = cairn_test_scratch_path ("truncated.cairn-backup");
  g_autofree char *not_backup = cairn_test_scratch_path ("not-a-backup");
  g_autofree char *before = NULL, *after = NULL, *err = NULL, *list = NULL, *bytes = NULL;
  gsize len;

  g_assert_cmpint (cli (PASSPHRASE "\n", NULL, NULL, "backup", "--db", db, "-o", backup,
                        "--passphrase-fd", "0", NULL), ==, 0);
  /* Work after the backup… */
  {
    g_autoptr (CairnStore) store = cairn_store_open (db, CAIRN_STORE_OPEN_EXISTING, NULL);
    add_child (store, "Bella");
  }
  before = dump (db);

  /* A wrong passphrase: exit 4, nothing replaced. */
  g_assert_cmpint (cli ("not the passphrase at all\n", NULL, &err, "restore", backup, "--db", db,
                        "--passphrase-fd", "0", NULL), ==, 4);
  g_assert_nonnull (strstr (err, "it is not the passphrase"));
  g_clear_pointer (&err, g_free);

  /* A changed byte in the middle: exit 2, nothing replaced. */
  g_assert_true (g_file_get_contents (backup, &bytes, &len, NULL));
  bytes[len / 2] ^= 0x40;
  g_assert_true (g_file_set_contents (damaged, bytes, len, NULL));
  bytes[len / 2] ^= 0x40;
  g_assert_cmpint (cli (PASSPHRASE "\n", NULL, &err, "restore", damaged, "--db", db,
                        "--passphrase-fd", "0", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "the file is damaged"));
  g_clear_pointer (&err, g_free);

  /* Cut short. */
  g_assert_true (g_file_set_contents (truncated, bytes, len - 100, NULL));
  g_assert_cmpint (cli (PASSPHRASE "\n", NULL, &err, "restore", truncated, "--db", db,
                        "--passphrase-fd", "0", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "cut short"));
  g_clear_pointer (&err, g_free);

  /* Not a backup at all. */
  g_assert_true (g_file_set_contents (not_backup, "hello", -1, NULL));
  g_assert_cmpint (cli (PASSPHRASE "\n", NULL, &err, "restore", not_backup, "--db", db,
                        "--passphrase-fd", "0", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "is not a sealed Cairn file"));
  g_clear_pointer (&err, g_free);

  after = dump (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cairn_test_run_cli (&list, NULL, "list", "children", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (list, "Bella"));
  g_clear_pointer (&list, g_free);

  /* The right passphrase: the database is as it was at the backup. */
  g_assert_cmpint (cli (PASSPHRASE "\n", NULL, NULL, "restore", backup, "--db", db,
                        "--passphrase-fd", "0", NULL), ==, 0);
  g_assert_cmpint (cairn_test_run_cli (&list, NULL, "list", "children", "--db", db, NULL), ==, 0);
  g_assert_cmpstr (list, ==, "C-000001\tAmelia Testperson (born 2008-05-14)\n");
}

static void
test_backup_needs_the_right (void)
{
  g_autofree char *db = make_board ("accounts.cairn", TRUE);
  g_autofree char *backup = cairn_test_scratch_path ("accounts.cairn-backup");
  g_autofree char *err = NULL;
  g_autofree char *check = NULL;

  g_assert_cmpint (cli ("practitioner-pw\n" PASSPHRASE "\n", NULL, &err, "backup", "--db", db, "-o",
                        backup, "--user", "east", "--password-fd", "0", "--passphrase-fd", "0", NULL), ==, 4);
  g_assert_cmpstr (err, ==, "cairn-cli: back up or restore the database: east (practitioner) may not "
                            "back up or restore the database\n");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (CHAIR_PASSWORD "\n" PASSPHRASE "\n", NULL, &err, "backup", "--db", db, "-o",
                        backup, "--user", "chair", "--password-fd", "0", "--passphrase-fd", "0", NULL), ==, 0);
  g_assert_null (strstr (err, PASSPHRASE));

  /* The restored copy carries the audit sidecar: its chain checks out. */
  {
    g_autofree char *copy = cairn_test_scratch_path ("accounts-copy.cairn");
    g_unlink (copy);
    g_assert_cmpint (cli (PASSPHRASE "\n", NULL, NULL, "restore", backup, "--db", copy,
                          "--passphrase-fd", "0", NULL), ==, 0);
    g_assert_cmpint (cairn_test_run_cli (&check, NULL, "check", "--db", copy, NULL), ==, 0);
  }
}

static void
test_short_passphrase (void)
{
  g_autofree char *db = make_board ("short.cairn", FALSE);
  g_autofree char *backup = cairn_test_scratch_path ("short.cairn-backup");
  g_autofree char *err = NULL;

  g_assert_cmpint (cli ("short\n", NULL, &err, "backup", "--db", db, "-o", backup,
                        "--passphrase-fd", "0", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: Passphrase: must be at least 12 characters long\n");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_permission_warning (void)
{
  g_autofree char *db = make_board ("open.cairn", FALSE);
  g_autofree char *err = NULL;

  g_assert_cmpint (g_chmod (db, 0644), ==, 0);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "list", "children", "--db", db, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: warning: "));
  g_assert_nonnull (strstr (err, "can be read by other users of this computer (mode 0644)"));
}

/* A child's record sent to another board: sealed with a passphrase, nothing
 * of it readable in the file, imported with the passphrase; a wrong one is
 * refused with status 4 and the receiving board is unchanged. */
static void
test_sealed_child_export (void)
{
  g_autofree char *db = make_board ("sender.cairn", FALSE);
  g_autofree char *receiver = make_board ("receiver.cairn", FALSE);
  g_autofree char *sealed = cairn_test_scratch_path ("child.cairn-sealed");
  g_autofree char *damaged = cairn_test_scratch_path ("child-damaged.cairn-sealed");
  g_autofree char *out = NULL, *err = NULL, *bytes = NULL, *before = NULL, *after = NULL, *list = NULL;
  gsize len;
  struct stat st;

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CairnStore) store = cairn_store_open (db, CAIRN_STORE_OPEN_EXISTING, &error);
    g_autoptr (CairnChild) child = cairn_child_new ();

    g_assert_no_error (error);
    child->given_name = g_strdup ("Zainab");
    child->family_name = g_strdup ("Sealedperson");
    cairn_date_parse ("dob", "2010-02-03", &child->date_of_birth, NULL);
    g_assert_true (cairn_store_add_child (store, child, &error));
    g_assert_cmpint (child->number, ==, 2);
  }

  /* --encrypt needs a file to write. */
  g_assert_cmpint (cli (PASSPHRASE "\n", NULL, &err, "export", "--db", db, "--child", "C-000002",
                        "--encrypt", "--passphrase-fd", "0", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--encrypt: "));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (PASSPHRASE "\n", &out, &err, "export", "--db", db, "--child", "C-000002",
                        "-o", sealed, "--encrypt", "--passphrase-fd", "0", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (g_stat (sealed, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (sealed, &bytes, &len, NULL));
  g_assert_true (cairn_seal_file_is_sealed (sealed));
  g_assert_null (g_strstr_len (bytes, len, "Zainab"));
  g_assert_null (g_strstr_len (bytes, len, "Sealedperson"));
  g_assert_null (g_strstr_len (bytes, len, "cairn-child\", \"version"));
  g_clear_pointer (&err, g_free);

  /* A wrong passphrase, then a damaged file: refused, nothing written. */
  before = dump (receiver);
  g_assert_cmpint (cli ("not the passphrase at all\n", NULL, &err, "import", "--db", receiver, sealed,
                        "--passphrase-fd", "0", NULL), ==, 4);
  g_assert_nonnull (strstr (err, "it is not the passphrase"));
  g_clear_pointer (&err, g_free);
  bytes[len - 5] ^= 0x20;
  g_assert_true (g_file_set_contents (damaged, bytes, (gssize) len, NULL));
  g_assert_cmpint (cli (PASSPHRASE "\n", NULL, &err, "import", "--db", receiver, damaged,
                        "--passphrase-fd", "0", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  after = dump (receiver);
  g_assert_cmpstr (before, ==, after);

  /* The right passphrase: the child is on the receiving board. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (PASSPHRASE "\n", &out, &err, "import", "--db", receiver, sealed,
                        "--passphrase-fd", "0", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "C-000002: imported\n");
  g_assert_cmpint (cairn_test_run_cli (&list, NULL, "list", "children", "--db", receiver, NULL), ==, 0);
  g_assert_nonnull (strstr (list, "C-000002\tZainab Sealedperson (born 2010-02-03)\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/backup/round-trip", test_round_trip);
  g_test_add_func ("/cairn/backup/sealed-child-export", test_sealed_child_export);
  g_test_add_func ("/cairn/backup/restore-replaces-and-refuses", test_restore_replaces_and_refuses);
  g_test_add_func ("/cairn/backup/needs-the-right", test_backup_needs_the_right);
  g_test_add_func ("/cairn/backup/short-passphrase", test_short_passphrase);
  g_test_add_func ("/cairn/backup/permission-warning", test_permission_warning);

  return g_test_run ();
}
