/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-data"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-data.h"
#include "cairn-error.h"

/**
 * cairn_data_find_file:
 * @relative_path: a path under the data directory, such as
 *   "bank-holidays-england-wales.txt" or "pathways"
 *
 * The one place that decides where data files are read from:
 *
 * 1. `CAIRN_DATA_DIR`, when set and not empty: only that directory is
 *    searched, so a board (or a test) can run on its own copy of the files;
 * 2. the installed directory, `CAIRN_PKGDATADIR` (`$prefix/share/cairn`);
 * 3. the source tree's `data/` (`CAIRN_SOURCE_DATADIR`), so that Cairn runs
 *    from the build directory before it is installed.
 *
 * Returns: (transfer full): the path of the first match (file or directory),
 *   or %NULL with @error naming the path and every directory searched.
 */
char *
cairn_data_find_file (const char  *relative_path,
                      GError     **error)
{
  const char *env = g_getenv ("CAIRN_DATA_DIR");
  const char *dirs[] = { CAIRN_PKGDATADIR, CAIRN_SOURCE_DATADIR };
  g_autoptr (GString) searched = g_string_new (NULL);

  g_return_val_if_fail (relative_path != NULL, NULL);

  if (env != NULL && *env != '\0')
    {
      char *path = g_build_filename (env, relative_path, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO,
                   _("%s: not found in CAIRN_DATA_DIR (%s)"), relative_path, env);
      g_free (path);
      return NULL;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      char *path = g_build_filename (dirs[i], relative_path, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
      g_string_append_printf (searched, "%s%s", i ? ", " : "", dirs[i]);
    }
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("%s: not found (searched %s)"),
               relative_path, searched->str);
  return NULL;
}
