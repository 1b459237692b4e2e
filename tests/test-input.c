/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Input people really give: each is refused with a clear message or stored,
 * listed and read back exactly. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-store.h"
#include "cairn-test-utils.h"

static CairnStore *
new_store (void)
{
  g_autofree char *path = cairn_test_scratch_path ("input.cairn");
  g_autoptr (GError) error = NULL;
  CairnStore *store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);

  g_assert_no_error (error);
  return store;
}

static gboolean
add (CairnStore  *store,
     const char  *given,
     const char  *family,
     const char  *dob,
     GError     **error)
{
  g_autoptr (CairnChild) child = cairn_child_new ();

  child->given_name = g_strdup (given);
  child->family_name = g_strdup (family);
  if (!cairn_date_parse ("Date of birth", dob, &child->date_of_birth, error))
    return FALSE;
  return cairn_store_add_child (store, child, error);
}

static void
test_names_round_trip (void)
{
  g_autoptr (CairnStore) store = new_store ();
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *long_name = NULL;
  GString *expected = g_string_new ("");
  static const struct
  {
    const char *given;
    const char *family;
  } names[] = {
    { "Łukasz", "Wiśniewski" },
    { "芳", "王" },
    { "Σοφία", "Παπαδοπούλου" },
    { "محمد", "الأحمد" },                      /* right to left */
    { "Zoë 🙂", "O'Brien-Ní Bhriain" },
    { "Robert'); DROP TABLE children;--", "Tables" }, /* SQL metacharacters */
    { "Line\tTab", "Percent %s %d" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (CairnChild) back = NULL;
      g_assert_true (add (store, names[i].given, names[i].family, "2009-01-02", &error));
      g_assert_no_error (error);
      back = cairn_store_get_child (store, (gint64) i + 1, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back->given_name, ==, names[i].given);
      g_assert_cmpstr (back->family_name, ==, names[i].family);
      g_string_append_printf (expected, "C-%06d\t%s %s (born 2009-01-02)\n", (int) i + 1,
                              names[i].given, names[i].family);
    }

  /* A 200-character family name is stored whole; 201 is refused, saying why. */
  long_name = g_strnfill (200, 'a');
  g_assert_true (add (store, "Long", long_name, "2009-01-02", &error));
  g_string_append_printf (expected, "C-%06d\tLong %s (born 2009-01-02)\n", 8, long_name);
  g_free (long_name);
  long_name = g_strnfill (201, 'a');
  g_assert_false (add (store, "Longer", long_name, "2009-01-02", &error));
  g_assert_cmpstr (error->message, ==, "Family name: is longer than 200 characters");
  g_clear_error (&error);

  /* Listed back exactly, through the command line too. */
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "list", "children", "--db",
                                       cairn_store_get_path (store), NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected->str);
  g_string_free (expected, TRUE);
}

static void
test_bad_values (void)
{
  g_autoptr (CairnStore) store = new_store ();
  g_autoptr (GError) error = NULL;

  g_assert_false (add (store, "Amelia", "Testperson", "2011-02-30", &error));
  g_assert_cmpstr (error->message, ==, "Date of birth: \"2011-02-30\" is not a date (YYYY-MM-DD)");
  g_clear_error (&error);
  g_assert_false (add (store, "Amelia", "Testperson", "30/02/2011", &error));
  g_assert_cmpstr (error->message, ==, "Date of birth: \"30/02/2011\" is not a date (YYYY-MM-DD)");
  g_clear_error (&error);
  g_assert_false (add (store, "Amelia", "", "2011-02-03", &error));
  g_assert_cmpstr (error->message, ==, "Family name: is required");
  g_clear_error (&error);
  g_assert_false (add (store, "Amelia", " \t ", "2011-02-03", &error));
  g_assert_cmpstr (error->message, ==, "Family name: is required");
  g_clear_error (&error);
  g_assert_false (add (store, "Amelia", "Test\xff\xfeperson", "2011-02-03", &error));
  g_assert_cmpstr (error->message, ==, "Family name: the text is not valid UTF-8");
  g_clear_error (&error);
  g_assert_cmpint (cairn_store_count_children (store), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/input/names-round-trip", test_names_round_trip);
  g_test_add_func ("/cairn/input/bad-values", test_bad_values);

  return g_test_run ();
}
