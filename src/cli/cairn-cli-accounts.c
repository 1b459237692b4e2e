/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cairn-audit-store.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-error.h"
#include "cairn-password.h"
#include "cairn-ref.h"
#include "cairn-user-store.h"

/* cairn-cli user add --db FILE --name NAME --role ROLE [--team T] [--display-name D]
 *   [--new-password-fd N] [--user ADMIN --password-fd M] */
static int
user_add (int    argc,
          char **argv)
{
  g_autofree char *db = NULL, *name = NULL, *role_text = NULL, *team = NULL, *display = NULL;
  int new_password_fd = -1;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The new account's user name"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text,
      N_("chair, business_manager, conference_chair, scr_panel, practitioner or auditor"), "ROLE" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("A practitioner's team"), "TEAM" },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display, N_("The name shown for the account"), "TEXT" },
    { "new-password-fd", 0, 0, G_OPTION_ARG_INT, &new_password_fd,
      N_("Read the new account's password from this file descriptor (else the terminal)"), "N" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "user add", NULL,
    _("Adds an account. The first account of a board must be the chair's and needs no login; "
      "later accounts need the right to manage accounts."),
    entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  CairnRole role;
  char *password;
  gboolean ok;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (name == NULL)
    return cairn_cli_usage_error ("--name", _("a user name is required"));
  if (!cairn_role_from_string (role_text, &role, &error))
    return cairn_cli_usage_error ("--role", "%s", error->message);
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;

  if (new_password_fd >= 0)
    password = cairn_password_read_fd (new_password_fd, &error);
  else
    {
      g_autofree char *prompt = g_strdup_printf (_("New password for %s: "), name);
      password = cairn_password_read_terminal (prompt, &error);
    }
  if (password == NULL)
    return cairn_cli_fail (error);
  ok = cairn_store_add_user (store, name, display, role, team, password, &error);
  cairn_password_free (password);
  if (!ok)
    return cairn_cli_fail (error);
  printf (_("Added %s (%s)\n"), name, cairn_role_label (role));
  return CAIRN_EXIT_OK;
}

/* cairn-cli user grant-scr --db FILE --scr SCR-YYYY-NN --name NAME */
static int
user_grant_scr (int    argc,
                char **argv)
{
  g_autofree char *db = NULL, *name = NULL, *scr = NULL;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "scr", 0, 0, G_OPTION_ARG_STRING, &scr, N_("The serious case review"), "SCR-YYYY-NN" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The panel member's user name"), "NAME" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "user grant-scr", NULL, _("Puts a user on a serious case review's panel."), entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  CairnRef ref;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (!cairn_ref_parse ("--scr", scr, CAIRN_REF_SCR, &ref, &error))
    return cairn_cli_fail (error);
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;
  if (!cairn_store_grant_scr_access (store, ref.year, (int) ref.number, name, &error))
    return cairn_cli_fail (error);
  return CAIRN_EXIT_OK;
}

int
cairn_cli_user (int    argc,
                char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0)
    {
      printf (_("Usage: cairn-cli user add|grant-scr --db FILE …\n"
                "  add        add an account (the first must be the chair's)\n"
                "  grant-scr  put a user on a serious case review's panel\n"));
      return argc < 2 ? CAIRN_EXIT_USAGE : CAIRN_EXIT_OK;
    }
  if (strcmp (argv[1], "add") == 0)
    return user_add (argc - 1, argv + 1);
  if (strcmp (argv[1], "grant-scr") == 0)
    return user_grant_scr (argc - 1, argv + 1);
  return cairn_cli_usage_error (argv[1], _("unknown subcommand of user (add, grant-scr)"));
}

/* cairn-cli audit --db FILE --child C-000123: who looked at a child's record and who changed what. */
int
cairn_cli_audit (int    argc,
                 char **argv)
{
  g_autofree char *db = NULL, *child = NULL;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, N_("The child"), "C-000123" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "audit", NULL,
    _("Prints a child's audit trail, tab-separated: when, who, what, which record, details."),
    entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries_found = NULL;
  CairnRef ref;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (!cairn_ref_parse ("--child", child, CAIRN_REF_CHILD, &ref, &error))
    return cairn_cli_fail (error);
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;
  if (!cairn_store_require (store, CAIRN_ACTION_VIEW_AUDIT, &error) ||
      (entries_found = cairn_store_list_child_audit (store, ref.number, &error)) == NULL)
    return cairn_cli_fail (error);
  printf ("at\tuser\taction\trecord\tdetails\n");
  for (guint i = 0; i < entries_found->len; i++)
    {
      CairnAuditEntry *e = g_ptr_array_index (entries_found, i);
      printf ("%s\t%s\t%s\t%s%s%s\t%s\n", e->at, e->user_name, e->action, e->entity,
              e->entity_key ? " " : "", e->entity_key ? e->entity_key : "",
              e->after ? e->after : e->details ? e->details : e->before ? e->before : "");
    }
  return CAIRN_EXIT_OK;
}
