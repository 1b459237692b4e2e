/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cairn-case-pathway.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-error.h"
#include "cairn-exchange.h"
#include "cairn-password.h"
#include "cairn-ref.h"
#include "cairn-seal.h"

/* What a sealed child export says it holds (cairn-seal.h). */
#define CHILD_SEAL_KIND "cairn-child"

/* cairn-cli export --db FILE --child C-000123 [-o FILE.json]: one child's
 * whole record in the case exchange format (../shared/CLI.md). */
int
cairn_cli_export (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *child = NULL;
  g_autofree char *output = NULL;
  gboolean encrypt = FALSE;
  int passphrase_fd = -1;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, N_("The child, by reference"), "C-000123" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the JSON (- for standard output, the default)"), "FILE.json" },
    { "encrypt", 0, 0, G_OPTION_ARG_NONE, &encrypt,
      N_("Encrypt the file with a passphrase, as backups are (needs -o)"), NULL },
    { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &passphrase_fd,
      N_("Read the passphrase from this file descriptor (else the terminal)"), "N" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "export", NULL,
    _("Writes one child's whole record (child, household, links, cases with every referral, "
      "event, assessment, enquiry, conference, plan and review) as one JSON document, "
      "{\"format\": \"cairn-child\", \"version\": 1, …}. The file is readable by its owner only; "
      "the audit trail records the export. With --encrypt the JSON is sealed with a passphrase "
      "(Argon2id and XChaCha20-Poly1305, as backups are) for sending to another board; "
      "`cairn-cli import` asks for the passphrase."),
    entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *canonical = NULL;
  int status = CAIRN_EXIT_OK;
  CairnRef ref;
  gsize length;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (child == NULL)
    return cairn_cli_usage_error ("--child", _("a child's reference is required (for example C-000123)"));
  if (encrypt && (output == NULL || strcmp (output, "-") == 0))
    return cairn_cli_usage_error ("--encrypt", _("name the file to write with -o"));
  if (!encrypt && passphrase_fd >= 0)
    return cairn_cli_usage_error ("--passphrase-fd", _("only with --encrypt"));
  if (!cairn_ref_parse ("--child", child, CAIRN_REF_CHILD, &ref, &error))
    return cairn_cli_fail (error);
  canonical = cairn_child_ref_format (ref.number);
  if (strcmp (canonical, child) != 0)
    return cairn_cli_usage_error ("--child", _("\"%s\" is not a reference of the form %s"), child,
                                  "C-000123");
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;

  document = cairn_store_export_child (store, ref.number, &error);
  if (document == NULL)
    {
      if (g_error_matches (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND))
        g_prefix_error (&error, "--child: ");
      return cairn_cli_fail (error);
    }
  data = cairn_exchange_to_data (document, &length);
  if (encrypt)
    {
      char *passphrase = cairn_cli_read_passphrase (passphrase_fd, TRUE, &status);
      gboolean ok;

      if (passphrase == NULL)
        return status;
      ok = cairn_seal_write_all (output, CHILD_SEAL_KIND, passphrase, data, length, &error);
      cairn_password_free (passphrase);
      if (!ok)
        return cairn_cli_fail (error);
      return CAIRN_EXIT_OK;
    }
  if (!cairn_cli_write_file (output ? output : "-", data, length, &status))
    return status;
  return CAIRN_EXIT_OK;
}

static char *
read_input (const char  *path,
            gsize       *length,
            GError     **error)
{
  g_autoptr (GError) local = NULL;
  char *contents = NULL;

  if (strcmp (path, "-") == 0)
    {
      GString *s = g_string_new (NULL);
      char buf[65536];
      size_t n;

      while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
        g_string_append_len (s, buf, (gssize) n);
      if (ferror (stdin))
        {
          g_string_free (s, TRUE);
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("-: cannot read standard input"));
          return NULL;
        }
      *length = s->len;
      return g_string_free (s, FALSE);
    }
  if (!g_file_get_contents (path, &contents, length, &local))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("%s: cannot read (%s)"), path,
                   g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? _("no such file")
                                                                             : local->message);
      return NULL;
    }
  return contents;
}

/* cairn-cli import --db FILE [--replace] FILE.json */
int
cairn_cli_import (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  gboolean replace = FALSE;
  int passphrase_fd = -1;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the record of a child who is already in the database"), NULL },
    { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &passphrase_fd,
      N_("Read an encrypted file's passphrase from this file descriptor (else the terminal)"), "N" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "import", "FILE.json",
    _("Reads one child's whole record written by `cairn-cli export` (- reads standard input). "
      "Agencies and professionals are matched by code and by name and agency, people by name "
      "and date of birth (never without one), conferences by reference; what is missing is "
      "added. A link to a child who is not in the database keeps that child's reference and "
      "name, and becomes a link when they are imported. A child already "
      "in the database (same reference, NHS number or LA child ID) is refused unless --replace. "
      "Everything is checked first: on any error nothing is written. The audit trail records "
      "the import as one entry with the file's SHA-256. A file written with `export --encrypt` "
      "is opened with its passphrase: a wrong one is refused (status 4), a damaged file too "
      "(status 2)."),
    entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *ref = NULL;
  int status = CAIRN_EXIT_OK;
  gint64 number = 0;
  gboolean replaced = FALSE;
  gsize length = 0;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cairn_cli_usage_error ("import", _("name the JSON file to import"));
  if (argc > 2)
    return cairn_cli_usage_error (argv[2], _("unexpected argument"));
  if (strcmp (argv[1], "-") == 0 && login.password_fd == 0)
    return cairn_cli_usage_error ("-", _("standard input carries the password (--password-fd 0); "
                                         "name the JSON file"));
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;
  if (strcmp (argv[1], "-") != 0 && cairn_seal_file_is_sealed (argv[1]))
    {
      char *passphrase = cairn_cli_read_passphrase (passphrase_fd, FALSE, &status);
      g_autoptr (GBytes) bytes = NULL;

      if (passphrase == NULL)
        return status;
      bytes = cairn_seal_read_all (argv[1], CHILD_SEAL_KIND, passphrase, &error);
      cairn_password_free (passphrase);
      if (bytes == NULL)
        return cairn_cli_fail (error);
      data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);
    }
  else if ((data = read_input (argv[1], &length, &error)) == NULL)
    return cairn_cli_fail (error);

  if (!cairn_store_import_child_data (store, argv[1], data, (gssize) length,
                                      replace ? CAIRN_IMPORT_REPLACE : CAIRN_IMPORT_DEFAULT, &number,
                                      &replaced, &error))
    {
      if (g_error_matches (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS))
        {
          g_autofree char *message = g_strdup_printf (_("%s (use --replace to replace that child's record)"),
                                                      error->message);
          g_free (error->message);
          error->message = g_steal_pointer (&message);
        }
      return cairn_cli_fail (error);
    }
  ref = cairn_child_ref_format (number);
  /* The cases' stage and due-date summaries are not part of the exchange
   * format: they follow from the events, under this board's rules. */
  if (!cairn_pathway_refresh_child_summaries (store, number, &error))
    {
      fprintf (stderr, "cairn-cli: warning: %s: %s\n", ref, error->message);
      g_clear_error (&error);
    }
  printf (replaced ? _("%s: replaced\n") : _("%s: imported\n"), ref);
  return CAIRN_EXIT_OK;
}
