/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cairn-case-list.h"
#include "cairn-cin-rules.h"
#include "cairn-cin-store.h"
#include "cairn-demo.h"
#include "cairn-error.h"
#include "cairn-store.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"

/* The CIN census into and out of a board's database: a return exported
 * from a demo board passes the DfE rules; importing it into an empty board
 * and exporting again gives the same file byte for byte; importing it
 * twice changes nothing; a later year's file updates the same children; a
 * plan received only as MUL keeps no specific category; a file that cannot
 * be read, and a cancelled import, leave the database as it was. The
 * database is read back with the sqlite3 shell (a peer, not our code). */

static char *
sqlite (const char *db,
        const char *sql)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "sqlite3", db, sql, NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sqlite3 %s \"%s\": %s", db, sql, err);
  g_strchomp (out);
  return g_steal_pointer (&out);
}

/* Every row of the records, without the import log and the audit trail. */
static char *
records (const char *db)
{
  g_autofree char *dump = sqlite (db, ".dump");
  g_auto (GStrv) lines = g_strsplit (dump, "\n", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "INSERT INTO audit_log") &&
        !g_str_has_prefix (lines[i], "INSERT INTO cin_imports"))
      g_string_append_printf (s, "%s\n", lines[i]);
  return g_string_free (s, FALSE);
}

/* The case navigator's index and search index after an import are what a
 * rebuild from the records gives (the import indexes only the cases it
 * added and the children it changed). */
static void
assert_index_current (CairnStore *store,
                      const char *path)
{
  const char *sql = "SELECT 'index', * FROM case_index ORDER BY case_id;"
                    " SELECT 'search', rowid, names, ids, notes FROM case_search ORDER BY rowid";
  g_autofree char *imported = sqlite (path, sql);
  g_autofree char *rebuilt = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cairn_store_rebuild_case_index (store, &error));
  g_assert_no_error (error);
  rebuilt = sqlite (path, sql);
  g_assert_nonnull (strstr (imported, "search|"));
  g_assert_cmpstr (imported, ==, rebuilt);
}

static CairnStore *
empty_store (const char *name,
             char      **path)
{
  g_autoptr (GError) error = NULL;
  CairnStore *store;

  *path = cairn_test_scratch_path (name);
  store = cairn_store_open (*path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_assert_no_error (error);
  return store;
}

static CairnCinCensus *
read_census (const char *xml,
             const char *name)
{
  g_autoptr (GError) error = NULL;
  CairnCinCensus *census = cairn_cin_census_read_data (xml, strlen (xml), name, &error);

  g_assert_no_error (error);
  return census;
}

static CairnCinImportSummary *
import_xml (CairnStore *store,
            const char *xml)
{
  g_autoptr (CairnCinCensus) census = read_census (xml, "census.xml");
  g_autoptr (GError) error = NULL;
  CairnCinImportSummary *summary = cairn_store_import_cin_census (store, census, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static char *
export_xml (CairnStore *store,
            int         year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnCinCensus) census = cairn_store_export_cin_census (store, year, NULL, &error);

  g_assert_no_error (error);
  return cairn_cin_census_to_data (census, NULL);
}

/* A demo board of census-era years, and its 2023-24 return. */
static char *demo_return;
static char *demo_path;

static const char *
demo_census (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  CairnDemoOptions options;

  if (demo_return != NULL)
    return demo_return;
  cairn_demo_options_init (&options);
  options.n_children = 300;
  g_assert_true (cairn_demo_options_set_years (&options, "--years", "2021-22..2024-25", &error));
  demo_path = cairn_test_scratch_path ("demo.db");
  store = cairn_store_open (demo_path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_assert_no_error (error);
  g_assert_true (cairn_demo_write (store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cairn_store_login (store, CAIRN_DEMO_CHAIR, CAIRN_DEMO_PASSWORD, &error));
  g_assert_no_error (error);
  demo_return = export_xml (store, 2024);
  return demo_return;
}

static void
test_export_validates (void)
{
  g_autoptr (CairnCinCensus) census = read_census (demo_census (), "demo.xml");
  g_autoptr (CairnCinReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (census->n_children, >, 50);
  g_assert_cmpstr (census->year_text, ==, "2024");
  report = cairn_cin_validate (census, 0, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->n_findings; i++)
    if (report->findings[i].rule->type == CAIRN_CIN_RULE_ERROR)
      g_test_message ("%s %s", report->findings[i].rule->code,
                      report->findings[i].child ? report->findings[i].child->la_child_id : "-");
  g_assert_cmpuint (report->n_errors, ==, 0);
}

static void
test_round_trip (void)
{
  g_autofree char *path = NULL;
  g_autoptr (CairnStore) store = empty_store ("round-trip.db", &path);
  g_autoptr (CairnCinImportSummary) summary = NULL;
  g_autoptr (CairnCinCensus) census = read_census (demo_census (), "demo.xml");
  g_autofree char *again = NULL;

  summary = import_xml (store, demo_census ());
  g_assert_cmpuint (summary->added, ==, census->n_children);
  g_assert_cmpuint (summary->skipped, ==, 0);
  g_assert_cmpuint (summary->skips->len, ==, 0);
  assert_index_current (store, path);
  /* Every field of every child comes back as it went in. */
  again = export_xml (store, 2024);
  g_assert_cmpstr (again, ==, demo_census ());
}

static void
test_idempotent (void)
{
  g_autofree char *path = NULL;
  g_autoptr (CairnStore) store = empty_store ("idempotent.db", &path);
  g_autoptr (CairnCinImportSummary) first = import_xml (store, demo_census ());
  g_autoptr (CairnCinImportSummary) second = NULL;
  g_autofree char *before = records (path);
  g_autofree char *after = NULL;
  g_autofree char *imports = NULL;

  second = import_xml (store, demo_census ());
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->updated, ==, 0);
  g_assert_cmpuint (second->unchanged, ==, first->added);
  g_assert_cmpuint (second->cases_added, ==, 0);
  after = records (path);
  g_assert_cmpstr (after, ==, before);
  imports = sqlite (path, "SELECT year, children_added, children_unchanged FROM cin_imports ORDER BY id");
  g_assert_true (g_str_has_prefix (imports, "2024|"));
  g_assert_nonnull (strstr (imports, "\n2024|0|"));
}

#define HEADER(year, refdate)                                                                       \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message><Header><CollectionDetails>"               \
  "<Collection>CIN</Collection><Year>" year "</Year><ReferenceDate>" refdate "</ReferenceDate>"     \
  "</CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>test"         \
  "</SoftwareCode><Release>1</Release><SerialNo>1</SerialNo><DateTime>2024-05-01T10:00:00"          \
  "</DateTime></Source></Header><Children>\n"
#define FOOTER "</Children></Message>\n"

static const char census_2024[] =
  HEADER ("2024", "2024-03-31")
  "<Child><ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2015-02-03</PersonBirthDate>"
  "<GenderCurrent>2</GenderCurrent></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>"
  "<Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>\n"
  "<CINdetails><CINreferralDate>2023-06-01</CINreferralDate><ReferralSource>2A</ReferralSource>"
  "<PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>"
  "<Assessments><AssessmentActualStartDate>2023-06-02</AssessmentActualStartDate>"
  "<AssessmentAuthorisationDate>2023-07-10</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment>"
  "<AssessmentFactors>3B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>\n"
  "<Section47><S47ActualStartDate>2023-06-05</S47ActualStartDate><DateOfInitialCPC>2023-06-20"
  "</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>\n"
  "<ChildProtectionPlans><CPPstartDate>2023-06-20</CPPstartDate><InitialCategoryOfAbuse>MUL"
  "</InitialCategoryOfAbuse><LatestCategoryOfAbuse>MUL</LatestCategoryOfAbuse><NumberOfPreviousCPP>1"
  "</NumberOfPreviousCPP><Reviews><CPPreviewDate>2023-09-15</CPPreviewDate></Reviews></ChildProtectionPlans>\n"
  "</CINdetails></Child>\n"
  "<Child><ChildIdentifiers><LAchildID>B2</LAchildID><PersonBirthDate>2010-01-01</PersonBirthDate>"
  "<GenderCurrent>1</GenderCurrent></ChildIdentifiers><ChildCharacteristics><Ethnicity>AIND</Ethnicity>"
  "</ChildCharacteristics><CINdetails><CINreferralDate>2023-10-01</CINreferralDate>"
  "<ReferralSource>6</ReferralSource><ReferralNFA>false</ReferralNFA>"
  "<ChildProtectionPlans><CPPstartDate>2023-10-20</CPPstartDate><InitialCategoryOfAbuse>NEG"
  "</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0"
  "</NumberOfPreviousCPP></ChildProtectionPlans></CINdetails></Child>\n"
  "<Child><ChildIdentifiers><UPN>A201000000001</UPN></ChildIdentifiers></Child>\n"
  "<Child><ChildIdentifiers><LAchildID>N3</LAchildID></ChildIdentifiers></Child>\n"
  FOOTER;

/* The next year: A1's plan ends with its latest category still MUL and a
 * second review, and the episode closes; B2 is not in it. */
static const char census_2025[] =
  HEADER ("2025", "2025-03-31")
  "<Child><ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2015-02-03</PersonBirthDate>"
  "<Sex>F</Sex></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>"
  "<Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>\n"
  "<CINdetails><CINreferralDate>2023-06-01</CINreferralDate><ReferralSource>2A</ReferralSource>"
  "<PrimaryNeedCode>N1</PrimaryNeedCode><CINclosureDate>2024-09-30</CINclosureDate>"
  "<ReasonForClosure>RC7</ReasonForClosure><ReferralNFA>false</ReferralNFA>"
  "<ChildProtectionPlans><CPPstartDate>2023-06-20</CPPstartDate><CPPendDate>2024-06-20</CPPendDate>"
  "<InitialCategoryOfAbuse>MUL</InitialCategoryOfAbuse><LatestCategoryOfAbuse>MUL</LatestCategoryOfAbuse>"
  "<NumberOfPreviousCPP>1</NumberOfPreviousCPP><Reviews><CPPreviewDate>2023-09-15</CPPreviewDate></Reviews>"
  "<Reviews><CPPreviewDate>2024-03-14</CPPreviewDate></Reviews></ChildProtectionPlans>\n"
  "</CINdetails></Child>\n"
  FOOTER;

static void
test_later_year_and_mul (void)
{
  g_autofree char *path = NULL;
  g_autoptr (CairnStore) store = empty_store ("years.db", &path);
  g_autoptr (CairnCinImportSummary) first = import_xml (store, census_2024);
  g_autoptr (CairnCinImportSummary) second = NULL;
  g_autofree char *plans = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *child = NULL;
  g_autofree char *events = NULL;
  g_autofree char *dirty = NULL;
  const CairnCinSkip *skip;

  g_assert_cmpuint (first->total, ==, 4);
  g_assert_cmpuint (first->added, ==, 2);
  g_assert_cmpuint (first->skipped, ==, 2);
  skip = first->skips->pdata[0];
  g_assert_true (skip->child_skipped);
  g_assert_null (skip->la_child_id);
  g_assert_cmpstr (skip->message, ==, "LAchildID: missing; the child was not imported");
  skip = first->skips->pdata[1];
  g_assert_cmpstr (skip->la_child_id, ==, "N3");
  g_assert_cmpuint (skip->line, ==, 10);
  g_assert_true (g_str_has_prefix (skip->message, "PersonBirthDate: missing"));

  /* MUL stays "multiple, unspecified": no specific category is invented;
   * NEG is the plan's one category. */
  plans = sqlite (path, "SELECT ch.la_child_id, p.initial_category, p.latest_category, p.previous_plans,"
                        " (SELECT count(*) FROM cp_plan_categories k WHERE k.plan_id = p.id)"
                        " FROM cp_plans p JOIN cases c ON c.id = p.case_id JOIN children ch ON ch.id = c.child_id"
                        " ORDER BY ch.la_child_id");
  g_assert_cmpstr (plans, ==, "A1|MUL|MUL|1|0\nB2|NEG|NEG|0|1");
  categories = sqlite (path, "SELECT category FROM cp_plan_categories");
  g_assert_cmpstr (categories, ==, "NEG");
  child = sqlite (path, "SELECT number, sex, gender_current, date_of_birth, ethnicity,"
                        " (SELECT group_concat(code) FROM child_disabilities d WHERE d.child_id = children.id)"
                        " FROM children WHERE la_child_id = 'A1'");
  g_assert_cmpstr (child, ==, "1|F|2|2015-02-03|WBRI|NONE");
  events = sqlite (path, "SELECT group_concat(kind || ' ' || occurred_at, ', ') FROM (SELECT kind, occurred_at"
                         " FROM events e JOIN cases c ON c.id = e.case_id JOIN children ch ON ch.id = c.child_id"
                         " WHERE ch.la_child_id = 'A1' ORDER BY occurred_at, kind)");
  g_assert_cmpstr (events, ==, "referral 2023-06-01, assessment_start 2023-06-02, s47_start 2023-06-05, "
                               "cp_plan_start 2023-06-20, icpc 2023-06-20, assessment_complete 2023-07-10, "
                               "review_conference 2023-09-15");

  /* The next year's file updates the same child and case, and the annual
   * statistics counted before it are to be counted again. */
  g_free (sqlite (path, "UPDATE annual_stats_state SET dirty_from = 9999"));
  second = import_xml (store, census_2025);
  g_free (dirty);
  dirty = sqlite (path, "SELECT dirty_from FROM annual_stats_state");
  g_assert_cmpstr (dirty, ==, "0");
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->updated, ==, 1);
  g_assert_cmpuint (second->cases_added, ==, 0);
  g_assert_cmpuint (second->cases_updated, ==, 1);
  cases = sqlite (path, "SELECT ch.la_child_id, c.number, c.opened_on, c.closed_on, c.closure_reason, c.cin_year,"
                        " (SELECT count(*) FROM cp_reviews r JOIN cp_plans p ON p.id = r.plan_id WHERE p.case_id = c.id),"
                        " (SELECT ended_on FROM cp_plans p WHERE p.case_id = c.id)"
                        " FROM cases c JOIN children ch ON ch.id = c.child_id ORDER BY ch.la_child_id");
  g_assert_cmpstr (cases, ==, "A1|1|2023-06-01|2024-09-30|RC7|2025|2|2024-06-20\n"
                              "B2|1|2023-10-01|||2024|0|");
  /* A1's case is closed in the navigator too. */
  assert_index_current (store, path);
  g_clear_pointer (&categories, g_free);
  categories = sqlite (path, "SELECT count(*) FROM cp_plan_categories");
  g_assert_cmpstr (categories, ==, "1");
}

/* A file that cannot be read never reaches the database; the command says
 * where reading stopped. */
static void
test_bad_files (void)
{
  g_autofree char *path = NULL;
  g_autoptr (CairnStore) store = empty_store ("bad.db", &path);
  g_autoptr (CairnCinImportSummary) summary = import_xml (store, census_2024);
  g_autofree char *before = records (path);
  const char *files[] = { "truncated.xml", "not-a-census.xml", "doctype.xml", "year-2021-22.xml" };

  g_clear_object (&store);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = g_build_filename (cairn_test_source_dir (), "tests", "fixtures", "cin",
                                                files[i], NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_assert_cmpint (cairn_test_run_cli (&out, &err, "cin", "import", "--db", path, file, NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "cairn-cli: "));
      g_assert_nonnull (strstr (err, files[i]));
      if (i < 3)
        g_assert_nonnull (strstr (err, "line "));
      else
        g_assert_nonnull (strstr (err, "2022-23 to 2025-26"));
      g_assert_null (strchr (err, '\n') == err + strlen (err) - 1 ? NULL : "more than one line");
      after = records (path);
      g_assert_cmpstr (after, ==, before);
    }

  /* Another authority's return: LAchildIDs would match the wrong children. */
  {
    g_autofree char *other = cairn_test_scratch_path ("other-la.xml");
    g_autofree char *out = NULL, *err = NULL, *after = NULL;
    g_autofree char *xml = g_strdup (census_2024);
    char *lea = strstr (xml, "<LEA>201</LEA>");

    g_assert_nonnull (lea);
    memcpy (lea, "<LEA>202</LEA>", strlen ("<LEA>202</LEA>"));
    g_assert_true (g_file_set_contents (other, xml, -1, NULL));
    g_assert_cmpint (cairn_test_run_cli (&out, &err, "cin", "import", "--db", path, other, NULL), ==, 2);
    g_assert_true (g_str_has_prefix (err, "cairn-cli: "));
    g_assert_true (g_str_has_suffix (err, "other-la.xml: LEA: this census return is local authority 202's and "
                                          "this board's is 201; children are matched by LAchildID, which is "
                                          "unique only within one authority, so nothing was imported\n"));
    after = records (path);
    g_assert_cmpstr (after, ==, before);
  }

  /* A board starting from its census (--create): a bad file leaves no
   * database behind; a good one makes the board. */
  {
    g_autofree char *fresh = cairn_test_scratch_path ("fresh.cairn");
    g_autofree char *census = cairn_test_scratch_path ("fresh-census.xml");
    g_autofree char *bad = g_build_filename (cairn_test_source_dir (), "tests", "fixtures", "cin",
                                             "truncated.xml", NULL);
    g_autofree char *out = NULL;

    g_unlink (fresh);
    g_assert_cmpint (cairn_test_run_cli (NULL, NULL, "cin", "import", "--db", fresh, "--create", bad, NULL), ==, 2);
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_set_contents (census, census_2024, -1, NULL));
    g_assert_cmpint (cairn_test_run_cli (NULL, NULL, "cin", "import", "--db", fresh, census, NULL), ==, 2);
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
    g_assert_cmpint (cairn_test_run_cli (&out, NULL, "cin", "import", "--db", fresh, "--create", census, NULL), ==, 0);
    g_assert_nonnull (strstr (out, " added, "));
    g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }
}

static gboolean
stop_half_way (guint    done,
               guint    total,
               gpointer user_data)
{
  return done < total / 2;
}

/* Cancelled part way through: nothing of it is kept. */
static void
test_cancelled (void)
{
  g_autofree char *path = NULL;
  g_autoptr (CairnStore) store = empty_store ("cancel.db", &path);
  g_autoptr (CairnCinCensus) census = read_census (demo_census (), "demo.xml");
  g_autoptr (CairnCinImportSummary) summary = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = records (path);
  g_autofree char *after = NULL;

  summary = cairn_store_import_cin_census (store, census, NULL, stop_half_way, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (summary);
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  summary = cairn_store_import_cin_census (store, census, NULL, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = records (path);
  g_assert_cmpstr (after, ==, before);
}

/* Killing `cairn-cli cin import` (SIGKILL) ------------------------------- */

static gboolean
after_delay (gint64   elapsed_us,
             gpointer user_data)
{
  return elapsed_us >= *(gint64 *) user_data;
}

/* The write-ahead log has grown past a size: the import's transaction is
 * writing pages. */
typedef struct
{
  const char *wal;
  goffset size;
} WalGrown;

static gboolean
wal_grown (gint64   elapsed_us,
           gpointer user_data)
{
  WalGrown *grown = user_data;
  GStatBuf st;

  return g_stat (grown->wal, &st) == 0 && st.st_size >= grown->size;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

/* A board of a few thousand census children, as a demo board's return. */
static char *
large_census_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autofree char *db = cairn_test_scratch_path ("large-demo.db");
  g_autofree char *xml = NULL;
  char *file = cairn_test_scratch_path ("large-2024.xml");
  CairnDemoOptions options;

  cairn_demo_options_init (&options);
  options.n_children = 5000;
  g_assert_true (cairn_demo_options_set_years (&options, "--years", "2022-23..2023-24", &error));
  store = cairn_store_open (db, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_assert_no_error (error);
  g_assert_true (cairn_demo_write (store, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cairn_store_login (store, CAIRN_DEMO_CHAIR, CAIRN_DEMO_PASSWORD, &error));
  g_assert_no_error (error);
  xml = export_xml (store, 2024);
  g_assert_true (g_file_set_contents (file, xml, -1, NULL));
  return file;
}

/* A board holding census_2024's two children, imported and reported saved. */
static char *
saved_board (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr (CairnStore) store = empty_store (name, &path);
  g_autoptr (CairnCinImportSummary) summary = NULL;
  /* The same authority as the demo's return imported on top of it (LA
   * 001): another authority's is refused. */
  g_autofree char *xml = g_strdup (census_2024);
  char *lea = strstr (xml, "<LEA>201</LEA>");

  g_assert_nonnull (lea);
  memcpy (lea, "<LEA>001</LEA>", strlen ("<LEA>001</LEA>"));
  summary = import_xml (store, xml);
  g_assert_cmpuint (summary->added, ==, 2);
  return g_steal_pointer (&path);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* Puts back the board as saved_board() left it (closed: no WAL). */
static void
restore_board (const char *saved,
               const char *path)
{
  const char *suffixes[] = { "", ".audit-head" };
  const char *stale[] = { "-wal", "-shm" };

  for (gsize i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *file = g_strconcat (path, stale[i], NULL);
      g_unlink (file);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (saved, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (path, suffixes[i], NULL);
      copy_file (from, to);
    }
}

/* Killed at many points of a large import, the board passes `check` and
 * holds either everything it held before and nothing of the import, or all
 * of it; an import left to finish then gives the same board as one never
 * interrupted. Each kill starts again from the saved board. */
static void
test_killed (void)
{
#if defined(__SANITIZE_ADDRESS__)
  /* What this checks is the database's, not memory's: under ASan the
   * dozen imports take minutes, and `./test.sh` runs it unsanitized. */
  g_test_skip ("killing imports is checked by the unsanitized suite");
  return;
#endif

  g_autofree char *census = large_census_file ();
  g_autofree char *saved = saved_board ("killed-saved.db");
  g_autofree char *path = cairn_test_scratch_path ("killed.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = records (saved);
  g_autofree char *complete = NULL;
  g_autofree char *out = NULL;
  g_autofree char *final = NULL;
  const char *argv[] = { "cin", "import", "--db", path, census, NULL };
  /* Kills as the transaction's pages reach the write-ahead log (the cache
   * spills, then the commit), after the timed ones. */
  const goffset wal_sizes[] = { 32 << 10, 256 << 10, 1 << 20, 2 << 20, 3 << 20 };
  const guint n_timed = 9;
  guint n_before = 0, n_complete = 0, n_mid_write = 0;
  gint64 duration;
  gint64 t0;

  /* The same import, uninterrupted, on the same board: what "all of it"
   * is, and how long it takes here. */
  restore_board (saved, path);
  t0 = g_get_monotonic_time ();
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "cin", "import", "--db", path, census, NULL), ==, 0);
  duration = g_get_monotonic_time () - t0;
  g_assert_nonnull (strstr (out, "large-2024.xml: 2023-24 census, "));
  complete = records (path);
  g_assert_cmpstr (complete, !=, before);

  for (guint k = 0; k < n_timed + G_N_ELEMENTS (wal_sizes); k++)
    {
      g_autofree char *now = NULL;
      g_autofree char *check = NULL;
      gboolean killed;
      goffset wal_size;

      restore_board (saved, path);
      if (k < n_timed)
        {
          /* Evenly spaced over an uninterrupted run's time. */
          gint64 delay = duration * (k + 1) / (n_timed + 1);

          killed = cairn_test_kill_cli_when (argv, after_delay, &delay);
        }
      else
        {
          WalGrown grown = { wal, wal_sizes[k - n_timed] };

          killed = cairn_test_kill_cli_when (argv, wal_grown, &grown);
        }
      wal_size = file_size (wal);
      g_assert_cmpint (cairn_test_run_cli (&check, NULL, "check", "--db", path, NULL), ==, 0);
      g_assert_nonnull (strstr (check, ": ok (schema "));
      now = records (path);
      g_test_message ("kill %u: %s, WAL %" G_GOFFSET_FORMAT " bytes, %s", k, killed ? "killed" : "finished",
                      wal_size, g_strcmp0 (now, before) == 0 ? "nothing imported" : "all imported");
      if (g_strcmp0 (now, before) == 0)
        {
          /* Nothing of it: only a killed import leaves nothing. */
          g_assert_true (killed);
          n_before++;
          if (wal_size > 0)
            n_mid_write++;
        }
      else
        {
          g_assert_cmpstr (now, ==, complete);
          n_complete++;
        }
    }
  /* Some kills hit the transaction while it was writing. */
  g_assert_cmpuint (n_mid_write, >, 0);
  g_assert_cmpuint (n_before + n_complete, ==, n_timed + G_N_ELEMENTS (wal_sizes));

  /* Left to finish after a kill, the import gives the board it would have. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "cin", "import", "--db", path, census, NULL), ==, 0);
  final = records (path);
  g_assert_cmpstr (final, ==, complete);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "check", "--db", path, NULL), ==, 0);
}

/* The CLI: import prints its summary; export writes what validate accepts;
 * a finding's child leads to its case. */
static void
test_cli (void)
{
  g_autofree char *path = NULL;
  g_autoptr (CairnStore) store = empty_store ("cli.db", &path);
  g_autofree char *file = cairn_test_scratch_path ("cli-2024.xml");
  g_autofree char *exported = cairn_test_scratch_path ("cli-export.xml");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ref = NULL;
  g_autoptr (GError) error = NULL;
  GDate referral;

  g_assert_true (g_file_set_contents (file, census_2024, -1, NULL));
  g_clear_object (&store);
  g_assert_cmpint (cairn_test_run_cli (&out, &err, "cin", "import", "--db", path, file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "cli-2024.xml: 2023-24 census, 4 children: 2 added, 0 updated, 0 unchanged, "
                                 "2 skipped (2 cases added, 0 updated)\n"));
  g_assert_nonnull (strstr (out, ":10: N3: PersonBirthDate: missing"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (&out, &err, "cin", "export", "--db", path, "--year", "2023-24", "-o",
                                       exported, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* B2's own failures travel with it (no disability, no primary need, a
   * plan without a conference); the children that were skipped do not. */
  g_assert_cmpint (cairn_test_run_cli (&out, &err, "cin", "validate", exported, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "8610\terror\tB2\t1\t"));
  g_assert_null (strstr (out, "8590"));
  g_assert_null (strstr (out, "error\tA1"));
  g_assert_true (g_str_has_suffix (out, "under the 2023-24 rules (2 children, census period 2023-04-01 to 2024-03-31)\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (&out, &err, "cin", "export", "--db", path, "--year", "2019-20", NULL),
                   ==, 2);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: --year: "));

  store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_date_clear (&referral, 1);
  g_date_set_dmy (&referral, 1, 10, 2023);
  ref = cairn_store_dup_cin_case_ref (store, "B2", &referral, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ref, ==, "C-000002/1");
  g_clear_pointer (&ref, g_free);
  ref = cairn_store_dup_cin_case_ref (store, "ZZ", NULL, &error);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND);
  g_assert_null (ref);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_setenv ("CAIRN_TODAY", "2025-04-10", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cairn/cin-import/export-validates", test_export_validates);
  g_test_add_func ("/cairn/cin-import/round-trip", test_round_trip);
  g_test_add_func ("/cairn/cin-import/idempotent", test_idempotent);
  g_test_add_func ("/cairn/cin-import/later-year-and-mul", test_later_year_and_mul);
  g_test_add_func ("/cairn/cin-import/bad-files", test_bad_files);
  g_test_add_func ("/cairn/cin-import/cancelled", test_cancelled);
  g_test_add_func ("/cairn/cin-import/cli", test_cli);
  g_test_add_func ("/cairn/cin-import/killed", test_killed);
  status = g_test_run ();
  g_free (demo_return);
  g_free (demo_path);
  return status;
}
