/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the test programs: a scratch directory per test program,
 * removed at exit, and the path of the built cairn-cli. */

const char *cairn_test_scratch_dir (void);
char       *cairn_test_scratch_path (const char *name);
const char *cairn_test_cli_path    (void);
const char *cairn_test_source_dir  (void);
int         cairn_test_run_cli     (char      **out,
                                    char      **err,
                                    const char *first_arg,
                                    ...) G_GNUC_NULL_TERMINATED;
int         cairn_test_run_cli_input (const char  *input,
                                      char       **out,
                                      char       **err,
                                      const char * const *argv);
int         cairn_test_run_cli_env (const char * const *env,
                                    char      **out,
                                    char      **err,
                                    const char * const *argv);

/* Returns TRUE to kill the process now; @elapsed_us since it started. */
typedef gboolean (*CairnTestKillWhen) (gint64   elapsed_us,
                                       gpointer user_data);

gboolean    cairn_test_kill_cli_when (const char * const *argv,
                                      CairnTestKillWhen   when,
                                      gpointer            user_data);

G_END_DECLS
