/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: importing a child's record from a JSON file someone sent.
 * Whatever the bytes, the import either refuses them or stores a record
 * that exports, imports over itself and exports again to the same bytes. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cairn-exchange.h"
#include "cairn-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *scratch;
static CairnStore *store;

static void
cleanup (void)
{
  g_autofree char *db = NULL;
  const char *suffixes[] = { "", "-wal", "-shm", ".audit-head" };

  g_clear_object (&store);
  if (scratch == NULL)
    return;
  db = g_build_filename (scratch, "fuzz.cairn", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
      g_unlink (path);
    }
  g_rmdir (scratch);
}

/* One database for the run: each input is imported over what earlier
 * inputs left, as a board's database is. */
static CairnStore *
get_store (void)
{
  if (store == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *db = NULL;

      g_setenv ("CAIRN_TODAY", "2012-06-01", TRUE);
      scratch = g_dir_make_tmp ("cairn-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      db = g_build_filename (scratch, "fuzz.cairn", NULL);
      store = cairn_store_open (db, CAIRN_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
      atexit (cleanup);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  CairnStore *self = get_store ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) second = NULL;
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  gsize first_length;
  gint64 number = 0;

  if (!cairn_store_import_child_data (self, "fuzz", (const char *) data, (gssize) size,
                                      CAIRN_IMPORT_REPLACE, &number, NULL, &error))
    {
      /* Refusals say what they refuse, in text (cairn-cli prints it on one line). */
      g_assert_nonnull (error);
      g_assert_true (*error->message != '\0');
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  first = cairn_store_export_child (self, number, &error);
  g_assert_no_error (error);
  first_data = cairn_exchange_to_data (first, &first_length);
  g_assert_true (cairn_store_import_child_data (self, "export", first_data, (gssize) first_length,
                                                CAIRN_IMPORT_REPLACE, NULL, NULL, &error));
  g_assert_no_error (error);
  second = cairn_store_export_child (self, number, &error);
  g_assert_no_error (error);
  second_data = cairn_exchange_to_data (second, NULL);
  g_assert_cmpstr (second_data, ==, first_data);
  return 0;
}
