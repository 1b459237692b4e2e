/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cairn-test-utils.h"

static char *scratch_dir;

static void
remove_recursively (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_recursively (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (scratch_dir != NULL && g_getenv ("CAIRN_TEST_KEEP") == NULL)
    remove_recursively (scratch_dir);
}

const char *
cairn_test_scratch_dir (void)
{
  if (scratch_dir == NULL)
    {
      g_autoptr (GError) error = NULL;
      scratch_dir = g_dir_make_tmp ("cairn-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (cleanup);
    }
  return scratch_dir;
}

char *
cairn_test_scratch_path (const char *name)
{
  return g_build_filename (cairn_test_scratch_dir (), name, NULL);
}

const char *
cairn_test_cli_path (void)
{
  const char *path = g_getenv ("CAIRN_CLI");

  g_assert_nonnull (path);
  return path;
}

const char *
cairn_test_source_dir (void)
{
  const char *path = g_getenv ("CAIRN_SOURCE_ROOT");

  g_assert_nonnull (path);
  return path;
}

/**
 * cairn_test_run_cli_env:
 * @env: (nullable): extra "NAME=VALUE" entries, NULL-terminated
 *
 * Runs cairn-cli with @argv (not including the program) and returns its exit status.
 */
static int run_cli (const char * const *env, const char *input, char **out, char **err,
                    const char * const *argv);

int
cairn_test_run_cli_env (const char * const *env,
                        char              **out,
                        char              **err,
                        const char * const *argv)
{
  return run_cli (env, NULL, out, err, argv);
}

/* Runs cairn-cli with @input on its standard input (for --password-fd 0). */
int
cairn_test_run_cli_input (const char         *input,
                          char              **out,
                          char              **err,
                          const char * const *argv)
{
  return run_cli (NULL, input, out, err, argv);
}

static int
run_cli (const char * const *env,
         const char         *input,
         char              **out,
         char              **err,
         const char * const *argv)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stdout_buf = NULL;
  g_autofree char *stderr_buf = NULL;

  g_ptr_array_add (args, (gpointer) cairn_test_cli_path ());
  for (int i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (input ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0));
  for (int i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto (GStrv) kv = g_strsplit (env[i], "=", 2);
      if (kv[1] == NULL)
        g_subprocess_launcher_unsetenv (launcher, kv[0]);
      else
        g_subprocess_launcher_setenv (launcher, kv[0], kv[1], TRUE);
    }
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input, NULL, &stdout_buf, &stderr_buf, &error);
  g_assert_no_error (error);
  if (out)
    *out = g_steal_pointer (&stdout_buf);
  if (err)
    *err = g_steal_pointer (&stderr_buf);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

int
cairn_test_run_cli (char       **out,
                    char       **err,
                    const char  *first_arg,
                    ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list ap;
  const char *arg;

  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  return cairn_test_run_cli_env (NULL, out, err, (const char * const *) argv->pdata);
}

/**
 * cairn_test_kill_cli_when:
 * @argv: cairn-cli's arguments (without the program), %NULL-terminated
 * @when: called about every 10 ms with the time since the start; the
 *   process is killed (SIGKILL) as soon as it returns %TRUE
 *
 * Runs cairn-cli and kills it part way through, as a crash or a power cut
 * would stop it. Fails the test when neither has happened within a minute.
 *
 * Returns: %TRUE when the process was killed, %FALSE when it had finished
 *   by itself first
 */
gboolean
cairn_test_kill_cli_when (const char * const *argv,
                          CairnTestKillWhen   when,
                          gpointer            user_data)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 60 * G_USEC_PER_SEC;

  g_ptr_array_add (args, (gpointer) cairn_test_cli_path ());
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  proc = g_subprocess_newv ((const char * const *) args->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  /* The identifier goes once the process has finished (GLib's worker
   * thread reaps it). */
  while (g_subprocess_get_identifier (proc) != NULL && !when (g_get_monotonic_time () - start, user_data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10000);
    }
  g_subprocess_force_exit (proc);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_if_signaled (proc);
}
