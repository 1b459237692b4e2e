/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cairn-store.h"

G_BEGIN_DECLS

/* Exit statuses fixed by ../shared/CLI.md. */
enum
{
  CAIRN_EXIT_OK = 0,
  CAIRN_EXIT_FINDINGS = 1,
  CAIRN_EXIT_USAGE = 2,
  CAIRN_EXIT_REFUSED = 3,
  CAIRN_EXIT_NOT_ALLOWED = 4,
};

typedef int (*CairnCliCommandFunc) (int    argc,
                                    char **argv);

typedef struct
{
  const char *name;
  const char *summary;
  CairnCliCommandFunc func;
} CairnCliCommand;

int         cairn_cli_fail            (const GError   *error);
int         cairn_cli_usage_error     (const char     *what,
                                       const char     *format,
                                       ...) G_GNUC_PRINTF (2, 3);
gboolean    cairn_cli_parse           (GOptionContext *context,
                                       int            *argc,
                                       char         ***argv,
                                       int            *status);
GOptionContext *cairn_cli_context_new (const char     *command,
                                       const char     *parameter,
                                       const char     *summary,
                                       const GOptionEntry *entries);
CairnStore *cairn_cli_open_store      (const char     *db_path,
                                       int            *status);

/* --user NAME and --password-fd N, for commands that read or change records. */
typedef struct
{
  char *user;
  int password_fd;
} CairnCliLogin;

#define CAIRN_CLI_LOGIN_INIT { NULL, -1 }
#define CAIRN_CLI_LOGIN_ENTRIES(login)                                                         \
  { "user", 0, 0, G_OPTION_ARG_STRING, &(login).user, N_("Sign in as this user"), "NAME" },    \
  { "password-fd", 0, 0, G_OPTION_ARG_INT, &(login).password_fd,                               \
    N_("Read the password from this file descriptor (else the terminal)"), "N" }

void        cairn_cli_login_clear     (CairnCliLogin  *login);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CairnCliLogin, cairn_cli_login_clear)
gboolean    cairn_cli_sign_in         (CairnStore     *store,
                                       CairnCliLogin  *login,
                                       int            *status);
CairnStore *cairn_cli_open_store_as   (const char     *db_path,
                                       CairnCliLogin  *login,
                                       int            *status);
int         cairn_cli_status_for      (const GError   *error);
gboolean    cairn_cli_write_file      (const char     *path,
                                       const char     *contents,
                                       gsize           length,
                                       int            *status);

char       *cairn_cli_read_passphrase (int             fd,
                                       gboolean        confirm,
                                       int            *status);

G_END_DECLS
