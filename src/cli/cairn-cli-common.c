/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "cairn-cli-common.h"
#include "cairn-error.h"
#include "cairn-password.h"
#include "cairn-user-store.h"

int
cairn_cli_status_for (const GError *error)
{
  if (error == NULL)
    return CAIRN_EXIT_OK;
  if (error->domain == CAIRN_ERROR)
    {
      switch ((CairnError) error->code)
        {
        case CAIRN_ERROR_PUBLICATION_REFUSED:
          return CAIRN_EXIT_REFUSED;
        case CAIRN_ERROR_NOT_ALLOWED:
          return CAIRN_EXIT_NOT_ALLOWED;
        default:
          return CAIRN_EXIT_USAGE;
        }
    }
  return CAIRN_EXIT_USAGE;
}

/* Prints the one-line error of ../shared/CLI.md and returns its exit status. */
int
cairn_cli_fail (const GError *error)
{
  g_autofree char *valid = g_utf8_make_valid (error ? error->message : _("failed"), -1);
  GString *line = g_string_sized_new (strlen (valid));

  /* One line, always, and nothing a terminal would act on: a refused value
   * comes from a file or an argument, and may hold control characters. */
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n' || c == '\r' || c == '\t')
        g_string_append_c (line, ' ');
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        g_string_append_c (line, '?');
      else
        g_string_append_unichar (line, c);
    }
  fprintf (stderr, "cairn-cli: %s\n", line->str);
  g_string_free (line, TRUE);
  return cairn_cli_status_for (error);
}

int
cairn_cli_usage_error (const char *what,
                       const char *format,
                       ...)
{
  va_list args;
  g_autofree char *problem = NULL;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "cairn-cli: %s: %s\n", what, problem);
  return CAIRN_EXIT_USAGE;
}

GOptionContext *
cairn_cli_context_new (const char         *command,
                       const char         *parameter,
                       const char         *summary,
                       const GOptionEntry *entries)
{
  g_autofree char *usage = g_strdup_printf ("%s%s%s", command, parameter ? " " : "",
                                            parameter ? parameter : "");
  GOptionContext *context = g_option_context_new (usage);

  g_option_context_set_summary (context, summary);
  g_option_context_set_help_enabled (context, TRUE);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Parses options; on a bad option prints one line and sets @status to 2. */
gboolean
cairn_cli_parse (GOptionContext   *context,
                 int              *argc,
                 char           ***argv,
                 int              *status)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = cairn_cli_usage_error ((*argv)[0], "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Opens an existing database named by --db; prints the error and sets @status on failure. */
CairnStore *
cairn_cli_open_store (const char *db_path,
                      int        *status)
{
  g_autoptr (GError) error = NULL;
  CairnStore *store;

  if (db_path == NULL)
    {
      *status = cairn_cli_usage_error ("--db", _("a database file is required"));
      return NULL;
    }
  store = cairn_store_open (db_path, CAIRN_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    *status = cairn_cli_fail (error);
  else if (cairn_store_get_warning (store) != NULL)
    fprintf (stderr, "cairn-cli: warning: %s\n", cairn_store_get_warning (store));
  return store;
}

/* Writes @contents to @path ("-" for standard output). */
gboolean
cairn_cli_write_file (const char *path,
                      const char *contents,
                      gsize       length,
                      int        *status)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      if (fwrite (contents, 1, length, stdout) != length)
        {
          *status = cairn_cli_usage_error ("-o", _("cannot write to standard output"));
          return FALSE;
        }
      return TRUE;
    }
  /* A device or a pipe (-o /dev/null, -o /dev/stdout) is written to, never
   * replaced: the atomic write below would put a regular file in its place. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      FILE *f = g_fopen (path, "wb");
      gboolean ok = f != NULL && fwrite (contents, 1, length, f) == length;
      if (f != NULL && fclose (f) != 0)
        ok = FALSE;
      if (!ok)
        *status = cairn_cli_usage_error ("-o", _("%s: cannot be written"), path);
      return ok;
    }
  /* What cairn-cli writes is about children: readable by its owner only. */
  if (!g_file_set_contents_full (path, contents, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &error))
    {
      *status = cairn_cli_usage_error ("-o", "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

void
cairn_cli_login_clear (CairnCliLogin *login)
{
  g_clear_pointer (&login->user, g_free);
}

/**
 * cairn_cli_sign_in:
 *
 * Signs in as --user with the password from --password-fd or the
 * terminal. A database without accounts (a board being set up) needs no
 * login. Failures exit 4.
 */
gboolean
cairn_cli_sign_in (CairnStore    *store,
                   CairnCliLogin *login,
                   int           *status)
{
  g_autoptr (GError) error = NULL;
  char *password;
  gboolean ok;

  if (login->user == NULL)
    {
      if (cairn_store_count_users (store) == 0)
        return TRUE;
      fprintf (stderr, "cairn-cli: --user: %s\n", _("this board's records need a login (--user NAME)"));
      *status = CAIRN_EXIT_NOT_ALLOWED;
      return FALSE;
    }
  if (login->password_fd >= 0)
    password = cairn_password_read_fd (login->password_fd, &error);
  else
    {
      g_autofree char *prompt = g_strdup_printf (_("Password for %s: "), login->user);
      password = cairn_password_read_terminal (prompt, &error);
    }
  if (password == NULL)
    {
      *status = error->code == CAIRN_ERROR_NOT_ALLOWED ? CAIRN_EXIT_NOT_ALLOWED
                                                       : cairn_cli_status_for (error);
      fprintf (stderr, "cairn-cli: %s\n", error->message);
      return FALSE;
    }
  ok = cairn_store_login (store, login->user, password, &error);
  cairn_password_free (password);
  if (!ok)
    {
      *status = cairn_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

/* Opens --db and signs in as cairn_cli_sign_in() does. */
CairnStore *
cairn_cli_open_store_as (const char    *db_path,
                         CairnCliLogin *login,
                         int           *status)
{
  g_autoptr (CairnStore) store = cairn_cli_open_store (db_path, status);

  if (store == NULL || !cairn_cli_sign_in (store, login, status))
    return NULL;
  return g_steal_pointer (&store);
}
