/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a fuzz target over its seed corpus and every crash ever found
 * (tests/fuzz/regressions/TARGET), without libFuzzer: the regression tests
 * of the unit suite, under gcc and under ./test.sh --sanitize. */
#include "config.h"

#include <glib.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static int
replay_path (const char *path)
{
  int n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        n += replay_path (g_ptr_array_index (names, i));
    }
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *data = NULL;
      gsize len;
      g_autoptr (GError) error = NULL;

      if (!g_file_get_contents (path, &data, &len, &error))
        g_error ("%s", error->message);
      LLVMFuzzerTestOneInput ((const guint8 *) data, len);
      n = 1;
    }
  return n;
}

int
main (int    argc,
      char **argv)
{
  int n = 0;

  for (int i = 1; i < argc; i++)
    n += replay_path (argv[i]);
  printf ("1..1\nok 1 - %d inputs replayed\n", n);
  return 0;
}
