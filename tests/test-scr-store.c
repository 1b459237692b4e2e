/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-scr-report.h"
#include "cairn-scr-store.h"
#include "cairn-user-store.h"
#include "cairn-test-scr.h"
#include "cairn-test-utils.h"

static const CairnScrPerson *
person_named (const CairnScr *scr,
              const char     *given)
{
  for (guint i = 0; i < scr->people->len; i++)
    {
      const CairnScrPerson *p = g_ptr_array_index (scr->people, i);
      if (g_strcmp0 (p->given_name, given) == 0)
        return p;
    }
  return NULL;
}

/* A review reads back with everything the panel recorded. */
static void
test_roundtrip (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("roundtrip.cairn", NULL, &fx);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = cairn_store_get_scr (store, 2012, 1, &error);
  CairnScrRecommendation *rec;
  CairnScrAction *action;
  g_autofree char *ref = NULL;

  g_assert_no_error (error);
  ref = cairn_scr_dup_ref (scr);
  g_assert_cmpstr (ref, ==, "SCR-2012-01");
  g_assert_cmpstr (scr->board_name, ==, FIX_BOARD);
  g_assert_cmpstr (scr->lscb_chair, ==, FIX_LSCB_CHAIR);
  g_assert_cmpstr (scr->panel_chair, ==, FIX_PANEL_CHAIR);
  g_assert_cmpstr (scr->overview_author, ==, FIX_AUTHOR);
  g_assert_cmpint (scr->child_number, ==, fx.child_number);
  g_assert_cmpint (scr->date_display, ==, CAIRN_SCR_DATES_MONTH_YEAR);
  for (int s = 0; s < CAIRN_SCR_N_SECTIONS; s++)
    g_assert_false (scr->sections[s] == NULL || *scr->sections[s] == '\0');
  g_assert_cmpuint (scr->panel->len, ==, 4);
  g_assert_cmpstr (((CairnScrPanelMember *) g_ptr_array_index (scr->panel, 1))->job_title, ==,
                   FIX_MEMBER_TITLE);
  g_assert_cmpuint (scr->imrs->len, ==, 3);
  g_assert_cmpstr (((CairnScrImr *) g_ptr_array_index (scr->imrs, 0))->agency_name, ==,
                   "Northbridge Children's Social Care");
  g_assert_cmpuint (scr->recommendations->len, ==, 3);
  rec = g_ptr_array_index (scr->recommendations, 0);
  g_assert_cmpint (rec->number, ==, 1);
  g_assert_cmpuint (rec->actions->len, ==, 2);
  action = g_ptr_array_index (rec->actions, 0);
  g_assert_cmpstr (action->status, ==, "complete");
  g_assert_cmpint (g_date_get_month (&action->completed_on), ==, 11);
  g_assert_cmpstr (action->monitored_by, ==, "SCR sub-committee, quarterly report");
  g_assert_cmpstr (action->evaluation, ==, "Audit of 30 referrals in 2013.");
  {
    GDate as_of;
    cairn_scr_get_as_of (scr, &as_of);
    /* The latest date in the review's own record: an action completed in November 2012. */
    g_assert_cmpint (g_date_get_year (&as_of), ==, 2012);
    g_assert_cmpint (g_date_get_month (&as_of), ==, 11);
  }
  cairn_test_scr_clear (&fx);
}

/* Everyone linked to the case: the child, siblings either way round, relatives,
 * professionals on the cases, names typed in referrals and events, and the panel. */
static void
test_linked_people (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("people.cairn", NULL, &fx);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = cairn_store_get_scr (store, 2012, 1, &error);
  const CairnScrPerson *p;

  g_assert_no_error (error);
  p = cairn_scr_get_subject (scr);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->given_name, ==, FIX_CHILD_GIVEN);
  g_assert_cmpstr (p->aliases, ==, FIX_CHILD_ALIAS);
  g_assert_cmpstr (p->school, ==, FIX_SCHOOL);
  g_assert_cmpstr (p->nhs_number, ==, fx.child_nhs);
  g_assert_cmpstr (p->upn, ==, fx.child_upn);
  g_assert_cmpstr (p->address, ==, FIX_ADDRESS);
  g_assert_cmpstr (p->postcode, ==, FIX_POSTCODE);
  /* The sibling was linked from the sibling's side. */
  p = person_named (scr, FIX_SIBLING_GIVEN);
  g_assert_nonnull (p);
  g_assert_cmpint (p->kind, ==, CAIRN_SCR_PERSON_SIBLING);
  p = person_named (scr, "Karen");
  g_assert_cmpint (p->kind, ==, CAIRN_SCR_PERSON_ADULT);
  g_assert_cmpstr (p->relationship, ==, "mother");
  g_assert_true (p->lives_with_child);
  p = person_named (scr, FIX_FATHER_GIVEN);
  g_assert_cmpstr (p->aliases, ==, FIX_FATHER_ALIAS);
  g_assert_false (p->lives_with_child);
  g_assert_nonnull (person_named (scr, FIX_PARTNER_GIVEN));
  p = person_named (scr, "Priya");
  g_assert_cmpint (p->kind, ==, CAIRN_SCR_PERSON_PROFESSIONAL);
  g_assert_cmpstr (p->family_name, ==, "Natarajan");
  g_assert_cmpstr (p->role, ==, "Social Worker");
  g_assert_cmpstr (p->agency, ==, "Northbridge Children's Social Care");
  p = person_named (scr, "Gwen");
  g_assert_cmpstr (p->family_name, ==, "Tallis");
  g_assert_cmpstr (p->agency, ==, "Northbridge Community Health");
  p = person_named (scr, "Sian");
  g_assert_cmpint (p->kind, ==, CAIRN_SCR_PERSON_PROFESSIONAL);
  g_assert_cmpstr (p->family_name, ==, "Hollis");
  /* Panel members other than the three named officers are identifiers too. */
  p = person_named (scr, "Tom");
  g_assert_cmpint (p->kind, ==, CAIRN_SCR_PERSON_PANEL);
  g_assert_cmpstr (p->role, ==, FIX_MEMBER_TITLE);
  g_assert_null (person_named (scr, "Howard"));
  /* The subject's chronology within the review's scope. */
  g_assert_cmpuint (scr->events->len, ==, 3);
  g_assert_cmpstr (((CairnScrEvent *) g_ptr_array_index (scr->events, 0))->kind, ==, "referral");
  cairn_test_scr_clear (&fx);
}

static void
test_unknown (void)
{
  g_autofree char *path = cairn_test_scratch_path ("empty.cairn");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_autoptr (CairnScr) scr = NULL;

  scr = cairn_store_get_scr (store, 2011, 7, &error);
  g_assert_null (scr);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "SCR-2011-07: no such serious case review");
}

static gint64
count (CairnStore *store,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  /* A second connection, as a peer would read the file. */
  g_assert_cmpint (sqlite3_open_v2 (cairn_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A review with an invalid action is refused whole: nothing of it is stored. */
static void
test_refused_unchanged (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("refused.cairn", NULL, &fx);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = cairn_scr_new ();
  CairnScrRecommendation *rec = cairn_scr_recommendation_new ();
  CairnScrAction *action = cairn_scr_action_new ();
  CairnScrPanelMember *m = cairn_scr_panel_member_new ();
  gint64 scrs = count (store, "scrs"), members = count (store, "scr_panel_members");

  scr->year = 2012;
  scr->title = g_strdup ("Second review");
  m->name = g_strdup ("Pat Doe");
  m->job_title = g_strdup ("Named Nurse");
  m->organisation = g_strdup ("Northbridge Community Health");
  g_ptr_array_add (scr->panel, m);
  rec->body = g_strdup ("Do better.");
  action->action = g_strdup ("An action");
  g_free (action->status);
  action->status = g_strdup ("complete"); /* but no completion date */
  g_ptr_array_add (rec->actions, action);
  g_ptr_array_add (scr->recommendations, rec);

  g_assert_false (cairn_store_add_scr (store, scr, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Completed on: a complete action needs the date it was completed");
  g_assert_cmpint (count (store, "scrs"), ==, scrs);
  g_assert_cmpint (count (store, "scr_panel_members"), ==, members);
  g_clear_error (&error);

  /* With the date it goes in, as the next review of the year. */
  cairn_date_set_ymd (&action->completed_on, 2012, 12, 1);
  g_assert_true (cairn_store_add_scr (store, scr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scr->number, ==, 2);
  g_assert_cmpint (count (store, "scrs"), ==, scrs + 1);

  /* The same number again is refused. */
  scr->number = 2;
  g_assert_false (cairn_store_add_scr (store, scr, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "SCR-2012-02: the review already exists");
  cairn_test_scr_clear (&fx);
}

/* Updating an action records its status as it stood on the day. */
static void
test_action_history (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("history.cairn", NULL, &fx);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = cairn_store_get_scr (store, 2012, 1, &error);
  g_autoptr (CairnScr) again = NULL;
  CairnScrRecommendation *rec = g_ptr_array_index (scr->recommendations, 1);
  CairnScrAction *action = g_ptr_array_index (rec->actions, 0);
  CairnScrAction *updated;
  GDate as_of;

  g_free (action->status);
  action->status = g_strdup ("in_progress");
  g_free (action->progress);
  action->progress = g_strdup ("Draft guidance written.");
  cairn_date_set_ymd (&as_of, 2013, 3, 31);
  g_assert_true (cairn_store_update_scr_action (store, action, &as_of, &error));
  g_assert_no_error (error);
  again = cairn_store_get_scr (store, 2012, 1, &error);
  updated = g_ptr_array_index (((CairnScrRecommendation *) g_ptr_array_index (again->recommendations, 1))->actions, 0);
  g_assert_cmpstr (updated->status, ==, "in_progress");
  g_assert_cmpuint (updated->history->len, ==, 1);
  g_assert_cmpstr (((CairnScrActionHistory *) g_ptr_array_index (updated->history, 0))->progress, ==,
                   "Draft guidance written.");

  /* Saved again the same day: that day's entry now says what was saved last. */
  g_free (action->progress);
  action->progress = g_strdup ("Draft guidance sent to head teachers.");
  g_assert_true (cairn_store_update_scr_action (store, action, &as_of, &error));
  g_assert_no_error (error);
  g_clear_pointer (&again, cairn_scr_free);
  again = cairn_store_get_scr (store, 2012, 1, &error);
  updated = g_ptr_array_index (((CairnScrRecommendation *) g_ptr_array_index (again->recommendations, 1))->actions, 0);
  g_assert_cmpuint (updated->history->len, ==, 1);
  g_assert_cmpstr (((CairnScrActionHistory *) g_ptr_array_index (updated->history, 0))->progress, ==,
                   "Draft guidance sent to head teachers.");

  /* Another day adds an entry; the earlier one stays as it stood. */
  cairn_date_set_ymd (&as_of, 2013, 4, 15);
  g_assert_true (cairn_store_update_scr_action (store, action, &as_of, &error));
  g_clear_pointer (&again, cairn_scr_free);
  again = cairn_store_get_scr (store, 2012, 1, &error);
  updated = g_ptr_array_index (((CairnScrRecommendation *) g_ptr_array_index (again->recommendations, 1))->actions, 0);
  g_assert_cmpuint (updated->history->len, ==, 2);
  g_assert_cmpint (g_date_get_month (&((CairnScrActionHistory *) g_ptr_array_index (updated->history, 0))->as_of),
                   ==, 3);

  /* A status the code list does not know is refused. */
  g_free (action->status);
  action->status = g_strdup ("finished");
  g_assert_false (cairn_store_update_scr_action (store, action, &as_of, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  cairn_test_scr_clear (&fx);
}

/* Versions: numbered, signed off once, and only a publishable signed-off one is published. */
static void
test_versions (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("versions.cairn", NULL, &fx);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScrVersion) draft = cairn_scr_version_new ();
  g_autoptr (CairnScrVersion) final = cairn_scr_version_new ();
  g_autoptr (CairnScr) scr = NULL;
  CairnScrVersion *v;
  GDate on;

  cairn_date_set_ymd (&on, 2012, 9, 1);
  draft->created_on = on;
  draft->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "draft", -1);
  draft->file_name = g_strdup ("draft.pdf");
  g_assert_true (cairn_store_add_scr_version (store, fx.scr_id, draft, &error));
  g_assert_cmpint (draft->version, ==, 1);
  final->created_on = on;
  final->publishable = TRUE;
  final->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "final", -1);
  g_assert_true (cairn_store_add_scr_version (store, fx.scr_id, final, &error));
  g_assert_cmpint (final->version, ==, 2);
  g_assert_cmpint (cairn_store_next_scr_version (store, fx.scr_id, &error), ==, 3);

  /* Not signed off: cannot go to Ofsted or be published. */
  g_assert_false (cairn_store_record_scr_version_published (store, fx.scr_id, 2, &on, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Version: 2 has not been signed off by the panel");
  g_clear_error (&error);

  g_assert_true (cairn_store_sign_off_scr_version (store, fx.scr_id, 1, FIX_PANEL_CHAIR, &on, &error));
  g_assert_true (cairn_store_sign_off_scr_version (store, fx.scr_id, 2, FIX_PANEL_CHAIR, &on, &error));
  g_assert_no_error (error);
  g_assert_false (cairn_store_sign_off_scr_version (store, fx.scr_id, 2, FIX_PANEL_CHAIR, &on, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);

  /* A draft that did not pass the check is never published. */
  g_assert_false (cairn_store_record_scr_version_published (store, fx.scr_id, 1, &on, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_PUBLICATION_REFUSED);
  g_clear_error (&error);

  cairn_date_set_ymd (&on, 2012, 9, 14);
  g_assert_true (cairn_store_record_scr_version_sent_to_ofsted (store, fx.scr_id, 2, &on, &error));
  cairn_date_set_ymd (&on, 2012, 10, 2);
  g_assert_true (cairn_store_record_scr_version_published (store, fx.scr_id, 2, &on, &error));
  g_assert_no_error (error);
  g_assert_false (cairn_store_sign_off_scr_version (store, fx.scr_id, 7, "Someone", &on, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  scr = cairn_store_get_scr (store, 2012, 1, &error);
  g_assert_cmpuint (scr->versions->len, ==, 2);
  v = g_ptr_array_index (scr->versions, 1);
  g_assert_cmpstr (v->signed_off_by, ==, FIX_PANEL_CHAIR);
  g_assert_cmpint (g_date_get_day (&v->sent_to_ofsted_on), ==, 14);
  g_assert_cmpint (g_date_get_month (&v->published_on), ==, 10);
  /* The review's own dates follow the version that went. */
  g_assert_cmpint (g_date_get_day (&scr->sent_to_ofsted_on), ==, 14);
  g_assert_cmpint (g_date_get_month (&scr->published_on), ==, 10);
  cairn_test_scr_clear (&fx);
}

static void
test_pseudonym_store (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("pseudo.cairn", NULL, &fx);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = NULL;

  g_assert_true (cairn_store_set_scr_pseudonym (store, fx.scr_id, "person:1", "Child X's mother", &error));
  g_assert_false (cairn_store_set_scr_pseudonym (store, fx.scr_id, "person:2", "Child X's mother", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "Pseudonym: \"Child X's mother\" is already used in this review");
  g_clear_error (&error);
  g_assert_false (cairn_store_set_scr_pseudonym (store, fx.scr_id, "person:2", "   ", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);
  scr = cairn_store_get_scr (store, 2012, 1, &error);
  g_assert_cmpuint (scr->pseudonyms->len, ==, 1);
  g_assert_cmpstr (((CairnScrPseudonym *) g_ptr_array_index (scr->pseudonyms, 0))->pseudonym, ==,
                   "Child X's mother");
  cairn_test_scr_clear (&fx);
}

/* A version 1 database (tests/fixtures/schema-v1.sql) gains the SCR tables of migration 2. */
static void
test_migration (void)
{
  g_autofree char *fixture = g_build_filename (cairn_test_source_dir (), "tests", "fixtures",
                                               "schema-v1.sql", NULL);
  g_autofree char *path = cairn_test_scratch_path ("v1-scr.cairn");
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cairn_store_get_schema_version (store), >=, 2);
  g_assert_cmpint (count (store, "scr_versions"), ==, 0);
  g_assert_cmpint (count (store, "scr_pseudonyms"), ==, 0);
  g_assert_cmpint (count (store, "scr_releases"), ==, 0);
}

/* Who may read, change, release and publish: as the roles allow, panel members on their own panel. */
static void
test_permissions (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("perms.cairn", NULL, &fx);
  g_autofree char *draft = cairn_test_scratch_path ("perms-draft.pdf");
  g_autofree char *final = cairn_test_scratch_path ("perms-final.pdf");
  g_autoptr (GError) error = NULL;
  CairnScrExport result = { 0 };
  CairnScr *scr;
  GDate on;

  cairn_date_set_ymd (&on, 2012, 9, 3);
  cairn_test_scr_add_accounts (store);

  /* Nobody signed in. */
  g_assert_null (cairn_store_get_scr (store, 2012, 1, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  cairn_test_scr_login (store, "practitioner");
  g_assert_null (cairn_store_get_scr (store, 2012, 1, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "read a serious case review draft: practitioner (practitioner) may "
                                       "not read a serious case review draft SCR-2012-01");
  g_clear_error (&error);

  cairn_test_scr_login (store, "outsider");
  g_assert_false (cairn_scr_report_export (store, 2012, 1, FALSE, draft, &result, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "they are not on its panel"));
  g_clear_error (&error);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  /* The auditor reads drafts but neither changes nor publishes. */
  cairn_test_scr_login (store, "auditor");
  g_assert_true (cairn_scr_report_export (store, 2012, 1, FALSE, draft, &result, &error));
  g_assert_no_error (error);
  cairn_scr_export_clear (&result);
  g_assert_false (cairn_scr_report_export (store, 2012, 1, TRUE, final, &result, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (g_file_test (final, G_FILE_TEST_EXISTS));
  g_assert_false (cairn_store_set_scr_section (store, fx.scr_id, CAIRN_SCR_SECTION_FACTS, "New", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (cairn_store_release_scr_word (store, fx.scr_id, "may", fx.member_id, "verb", &on, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* A member of this review's panel edits, releases and writes the publishable version. */
  cairn_test_scr_login (store, "panel");
  scr = cairn_store_get_scr (store, 2012, 1, &error);
  g_assert_no_error (error);
  cairn_scr_free (scr);
  g_assert_true (cairn_store_set_scr_date_display (store, fx.scr_id, CAIRN_SCR_DATES_AGE, &error));
  g_assert_true (cairn_store_release_scr_word (store, fx.scr_id, "may", fx.member_id, "verb", &on, &error));
  g_assert_no_error (error);
  g_assert_true (cairn_scr_report_export (store, 2012, 1, TRUE, final, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.version, ==, 2);
  cairn_scr_export_clear (&result);
  cairn_test_scr_clear (&fx);
}

/* The list of reviews: everyone who views the board's records sees it, and
 * which drafts they may open. */
static void
test_list (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("list.cairn", NULL, &fx);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (CairnScr) second = cairn_scr_new ();
  CairnScrSummary *s;

  second->year = 2012;
  second->title = g_strdup ("Review after a death in custody");
  g_assert_true (cairn_store_add_scr (store, second, &error));
  g_assert_no_error (error);
  cairn_test_scr_add_accounts (store);

  cairn_test_scr_login (store, "panel");
  list = cairn_store_list_scrs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpint (s->year, ==, 2012);
  g_assert_cmpint (s->number, ==, 1);
  g_assert_cmpstr (s->title, ==, "Review after serious injury");
  g_assert_cmpstr (s->stage, ==, "completed");
  g_assert_true (s->readable);
  s = g_ptr_array_index (list, 1);
  g_assert_cmpint (s->number, ==, 2);
  g_assert_cmpstr (s->stage, ==, "considered");
  g_assert_false (s->readable);
  g_clear_pointer (&list, g_ptr_array_unref);

  cairn_test_scr_login (store, "practitioner");
  list = cairn_store_list_scrs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_false (((CairnScrSummary *) g_ptr_array_index (list, 0))->readable);
  g_clear_pointer (&list, g_ptr_array_unref);

  cairn_store_logout (store);
  g_assert_null (cairn_store_list_scrs (store, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  cairn_test_scr_clear (&fx);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/scr-store/roundtrip", test_roundtrip);
  g_test_add_func ("/cairn/scr-store/linked-people", test_linked_people);
  g_test_add_func ("/cairn/scr-store/unknown", test_unknown);
  g_test_add_func ("/cairn/scr-store/refused-unchanged", test_refused_unchanged);
  g_test_add_func ("/cairn/scr-store/action-history", test_action_history);
  g_test_add_func ("/cairn/scr-store/versions", test_versions);
  g_test_add_func ("/cairn/scr-store/pseudonyms", test_pseudonym_store);
  g_test_add_func ("/cairn/scr-store/migration", test_migration);
  g_test_add_func ("/cairn/scr-store/permissions", test_permissions);
  g_test_add_func ("/cairn/scr-store/list", test_list);

  return g_test_run ();
}
