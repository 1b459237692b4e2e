/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cairn-test-utils.h"

/* cairn-cli cin validate: exit statuses, the table, the JSON, the errors.
 * The fixtures are synthetic: valid-2023-24.xml breaks no rule;
 * failures-2022-23.xml breaks 2887Q (seven disability codes), 8608 (C1's
 * assessment authorised before it started, line 37) and 8585Q (F1 closed RC2
 * without a date of death, episode at line 79). */

static char *
fixture (const char *name)
{
  return g_build_filename (cairn_test_source_dir (), "tests", "fixtures", "cin", name, NULL);
}

static void
test_valid (void)
{
  g_autofree char *path = fixture ("valid-2023-24.xml");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "cin", "validate", path, NULL), ==, 0);
  expected = g_strdup_printf ("%s: valid under the 2023-24 rules (2 children, census period "
                              "2023-04-01 to 2024-03-31)\n", path);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
}

static void
test_failures_table (void)
{
  g_autofree char *path = fixture ("failures-2022-23.xml");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "cin", "validate", path, NULL), ==, 1);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "RULE\tTYPE\tCHILD\tEPISODE\tLINE\tFIELDS\tMESSAGE");
  g_assert_cmpstr (lines[1], ==,
                   "2887Q\tquery\t-\t-\t-\tDisability\tPlease check and either amend or provide a reason: "
                   "Less than 8 disability codes have been used in your return");
  g_assert_cmpstr (lines[2], ==,
                   "8608\terror\tC1\t1\t37\tAssessmentActualStartDate,AssessmentAuthorisationDate\t"
                   "Assessment Start Date cannot be later than its End Date");
  g_assert_cmpstr (lines[3], ==,
                   "8585Q\tquery\tF1\t1\t79\tReasonForClosure,PersonDeathDate\tPlease check and either "
                   "amend or provide a reason: CIN episode shows Died as the Closure Reason, however "
                   "child has no recorded Date of Death");
  g_assert_cmpstr (lines[4], ==, "");
  g_assert_true (g_str_has_suffix (lines[5], ": 1 error and 2 queries under the 2022-23 rules (2 children, "
                                              "census period 2022-04-01 to 2023-03-31)"));
  g_assert_null (lines[6] ? (*lines[6] ? lines[6] : NULL) : NULL);
}

static JsonArray *
parse_array (JsonParser *parser,
             const char *text)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_node_get_array (json_parser_get_root (parser));
}

static void
test_failures_json (void)
{
  g_autofree char *path = fixture ("failures-2022-23.xml");
  g_autofree char *out = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *array;
  JsonObject *o;
  JsonArray *fields;

  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "cin", "validate", "--json", path, NULL), ==, 1);
  array = parse_array (parser, out);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);

  o = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "2887Q");
  g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "query");
  g_assert_true (json_object_get_null_member (o, "child"));
  fields = json_object_get_array_member (o, "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (fields, 0), ==, "Disability");

  o = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "8608");
  g_assert_cmpstr (json_object_get_string_member (o, "child"), ==, "C1");
  g_assert_cmpint (json_object_get_int_member (o, "episode"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "line"), ==, 37);
  g_assert_cmpstr (json_object_get_string_member (o, "message"), ==,
                   "Assessment Start Date cannot be later than its End Date");
  fields = json_object_get_array_member (o, "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (fields, 0), ==, "AssessmentActualStartDate");
  g_assert_cmpstr (json_array_get_string_element (fields, 1), ==, "AssessmentAuthorisationDate");

  o = json_array_get_object_element (array, 2);
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "8585Q");
  g_assert_cmpstr (json_object_get_string_member (o, "child"), ==, "F1");
  g_assert_cmpint (json_object_get_int_member (o, "line"), ==, 79);
}

static void
test_valid_json (void)
{
  g_autofree char *path = fixture ("valid-2023-24.xml");
  g_autofree char *out = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "cin", "validate", path, "--json", NULL), ==, 0);
  g_assert_cmpuint (json_array_get_length (parse_array (parser, out)), ==, 0);
}

/* --year names the rule set; the period still comes from ReferenceDate, and
 * the mismatch is rule 100's finding. */
static void
test_year_override (void)
{
  g_autofree char *path = fixture ("valid-2023-24.xml");
  g_autofree char *out = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *array;
  JsonObject *o;

  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "cin", "validate", "--year", "2024-25", "--json", path, NULL), ==, 1);
  array = parse_array (parser, out);
  /* Under the 2024-25 rules this GenderCurrent file lacks Sex: 100, 2886Q,
   * and 4180 for each child. */
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  o = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "100");
  g_assert_true (json_object_get_null_member (o, "child"));
  o = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "2886Q");
  o = json_array_get_object_element (array, 2);
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "4180");
  g_assert_cmpstr (json_object_get_string_member (o, "child"), ==, "C1");
  g_assert_cmpstr (json_object_get_string_member (o, "message"), ==, "Sex must be provided and equal M, F, or U");
  o = json_array_get_object_element (array, 3);
  g_assert_cmpstr (json_object_get_string_member (o, "child"), ==, "F1");

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "cin", "validate", "--year", "2023-24", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "valid under the 2023-24 rules"));
}

static void
test_bad_input (void)
{
  static const struct
  {
    const char *file;
    const char *problem;
  } cases[] = {
    { "doctype.xml", "line 2: a DOCTYPE declaration is refused: a CIN census has no DTD, and Cairn never expands entities" },
    { "truncated.xml", "line 33: the file ends inside <CINdetails>: it is truncated" },
    { "not-a-census.xml", "line 2: not a CIN census: the root element is <Report>, not <Message>" },
    { "year-2021-22.xml", "Year: 2022 (the 2021-22 census) has no rule set; Cairn has the rule sets 2022-23 to 2025-26" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *expected = g_strdup_printf ("cairn-cli: %s: %s\n", path, cases[i].problem);

      g_assert_cmpint (cairn_test_run_cli (&out, &err, "cin", "validate", path, NULL), ==, 2);
      g_assert_cmpstr (err, ==, expected);
      g_assert_cmpstr (out, ==, "");
    }
}

static void
test_usage (void)
{
  g_autofree char *path = fixture ("valid-2023-24.xml");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "cin", "validate", "/nonexistent/census.xml", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: /nonexistent/census.xml: no such file\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "cin", "validate", "--year", "2021-22", path, NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --year: \"2021-22\" has no rule set; Cairn has the rule sets 2022-23 to 2025-26\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "cin", "validate", "--year", "2024", path, NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --year: \"2024\" is not a reporting year (YYYY-YY, for example 2011-12)\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "cin", "validate", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: cin validate: name the census file to check\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "cin", "validate", path, path, NULL), ==, 2);
  g_assert_true (g_str_has_suffix (err, ": unexpected argument (one census file at a time)\n"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "cin", "frobnicate", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: frobnicate: unknown cin subcommand (see cairn-cli cin --help)\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "cin", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "validate"));

  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "cin", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "validate"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "cin"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "cin", "validate", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--year"));
}

/* Unreadable dates are noted under the table. */
static void
test_notes (void)
{
  g_autofree char *source = fixture ("valid-2023-24.xml");
  g_autofree char *path = cairn_test_scratch_path ("bad-date.xml");
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GString) xml = NULL;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  xml = g_string_new (text);
  g_assert_cmpuint (g_string_replace (xml, "<CPPendDate>2023-11-25<", "<CPPendDate>25/11/2023<", 0), ==, 1);
  g_assert_true (g_file_set_contents (path, xml->str, -1, NULL));
  /* Read as missing, the CP plan is open beside the open CIN plan. */
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "cin", "validate", path, NULL), ==, 1);
  expected = g_strdup_printf ("%s:53: note: CPPendDate \"25/11/2023\": not a date (YYYY-MM-DD); read as missing\n", path);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "\n4001\terror\tC1\t1\t"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/cin/cli/valid", test_valid);
  g_test_add_func ("/cairn/cin/cli/failures-table", test_failures_table);
  g_test_add_func ("/cairn/cin/cli/failures-json", test_failures_json);
  g_test_add_func ("/cairn/cin/cli/valid-json", test_valid_json);
  g_test_add_func ("/cairn/cin/cli/year-override", test_year_override);
  g_test_add_func ("/cairn/cin/cli/bad-input", test_bad_input);
  g_test_add_func ("/cairn/cin/cli/usage", test_usage);
  g_test_add_func ("/cairn/cin/cli/notes", test_notes);
  return g_test_run ();
}
