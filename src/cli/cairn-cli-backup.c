/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cairn-backup.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-error.h"
#include "cairn-password.h"
#include "cairn-seal.h"
#include "cairn-user-store.h"

/* The passphrase from --passphrase-fd N, or asked on the terminal (twice when @confirm). */
char *
cairn_cli_read_passphrase (int       fd,
                           gboolean  confirm,
                           int      *status)
{
  g_autoptr (GError) error = NULL;
  char *passphrase;

  if (fd >= 0)
    passphrase = cairn_password_read_fd (fd, &error);
  else
    {
      passphrase = cairn_password_read_terminal (_("Passphrase: "), &error);
      if (passphrase != NULL && confirm)
        {
          char *again = cairn_password_read_terminal (_("Passphrase again: "), &error);
          gboolean same = again != NULL && strcmp (again, passphrase) == 0;
          cairn_password_free (again);
          if (!same)
            {
              cairn_password_free (passphrase);
              *status = cairn_cli_usage_error ("Passphrase", _("the two passphrases differ"));
              return NULL;
            }
        }
    }
  if (passphrase == NULL)
    *status = cairn_cli_fail (error);
  return passphrase;
}

/* cairn-cli backup --db FILE -o BACKUP [--passphrase-fd N] */
int
cairn_cli_backup (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL, *output = NULL;
  int passphrase_fd = -1;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The backup file to write"), "BACKUP" },
    { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &passphrase_fd,
      N_("Read the passphrase from this file descriptor (else the terminal)"), "N" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "backup", NULL,
    _("Writes an encrypted backup of a board's database and its audit sidecar, using SQLite's "
      "online backup (the board can keep working). The key is derived from a passphrase of at "
      "least 12 characters with Argon2id."),
    entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  char *passphrase;
  gboolean ok;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (output == NULL)
    return cairn_cli_usage_error ("-o", _("a backup file to write is required"));
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;
  if (!cairn_store_require (store, CAIRN_ACTION_BACKUP, &error))
    return cairn_cli_fail (error);
  if ((passphrase = cairn_cli_read_passphrase (passphrase_fd, TRUE, &status)) == NULL)
    return status;
  ok = cairn_store_backup (store, output, passphrase, NULL, NULL, NULL, &error);
  cairn_password_free (passphrase);
  if (!ok)
    return cairn_cli_fail (error);
  printf (_("Wrote the encrypted backup %s\n"), output);
  return CAIRN_EXIT_OK;
}

/* cairn-cli restore BACKUP --db FILE [--passphrase-fd N] */
int
cairn_cli_restore (int    argc,
                   char **argv)
{
  g_autofree char *db = NULL;
  int passphrase_fd = -1;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The database to replace (or create)"), "FILE" },
    { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &passphrase_fd,
      N_("Read the passphrase from this file descriptor (else the terminal)"), "N" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "restore", "BACKUP",
    _("Restores a board's database from an encrypted backup. The whole backup is checked first "
      "(passphrase, every byte, the database's integrity and audit trail); nothing is replaced "
      "unless it passes. Replacing an existing database needs the right to restore on it."),
    entries);
  g_autoptr (GError) error = NULL;
  char *passphrase;
  gboolean ok;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cairn_cli_usage_error ("restore", _("name one backup file"));
  if (db == NULL)
    return cairn_cli_usage_error ("--db", _("a database file is required"));
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    return cairn_cli_usage_error (argv[1], _("no such backup file"));
  if (g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_autoptr (CairnStore) existing = cairn_cli_open_store_as (db, &login, &status);
      if (existing == NULL)
        return status;
      if (!cairn_store_require (existing, CAIRN_ACTION_BACKUP, &error))
        return cairn_cli_fail (error);
    }
  if ((passphrase = cairn_cli_read_passphrase (passphrase_fd, FALSE, &status)) == NULL)
    return status;
  ok = cairn_backup_restore (argv[1], db, passphrase, &error);
  cairn_password_free (passphrase);
  if (!ok)
    return cairn_cli_fail (error);
  printf (_("Restored %s from %s\n"), db, argv[1]);
  return CAIRN_EXIT_OK;
}
