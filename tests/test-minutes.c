/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-conference-pathway.h"
#include "cairn-conference-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-meeting-store.h"
#include "cairn-test-minutes.h"
#include "cairn-test-utils.h"
#include "cairn-timescales.h"
#include "cairn-user-store.h"

/* Conferences and board meetings through the store and the pathway: the
 * dates a conference sets (worked out by hand against the bank holidays of
 * timescales-verified.md §4.3), decisions refused without a category,
 * sibling groups, quorum, versions and corrections, minute numbering and
 * actions carried forward. "Today" is 30 June 2014. */

#define TODAY "2014-06-30"

static void
date_from (GDate      *date,
           const char *text)
{
  g_assert_true (cairn_date_parse ("test", text, date, NULL));
}

static char *
date_text (const GDate *date)
{
  return cairn_date_is_set (date) ? cairn_date_to_string (date) : g_strdup ("");
}

/* The whole database as SQL text, to show that a refused change changed nothing. */
static char *
dump (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "sqlite3", path, ".dump", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static CairnConference *
load (CairnStore             *store,
      const CairnTestMinutes *fix)
{
  g_autoptr (GError) error = NULL;
  CairnConference *c = cairn_store_get_conference (store, fix->conference.year,
                                                   (int) fix->conference.number, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

static CairnConferenceSubject *
subject (CairnConference *c,
         guint            i)
{
  return g_ptr_array_index (c->subjects, i);
}

/* A one-child conference of @kind on @day for Amelia, with its dates computed. */
static CairnConference *
dated_conference (CairnStore             *store,
                  const CairnTestMinutes *fix,
                  const char             *kind,
                  const char             *day)
{
  g_autoptr (GError) error = NULL;
  CairnRef cases[1] = { { CAIRN_REF_CASE, fix->amelia, 0, 1 } };
  CairnRef ref;
  GDate d;
  CairnConference *c;

  date_from (&d, day);
  g_assert_true (cairn_store_create_conference (store, kind, &d, CAIRN_NO_TIME, cases, 1, &ref, &error));
  g_assert_no_error (error);
  c = cairn_store_get_conference (store, ref.year, (int) ref.number, &error);
  g_assert_no_error (error);
  g_assert_true (cairn_conference_compute_dates (store, c, &error));
  g_assert_no_error (error);
  return c;
}

static void
assert_dates (CairnConference *c,
              const char      *edition,
              const char      *core_group,
              const char      *review)
{
  CairnConferenceSubject *s = subject (c, 0);
  g_autofree char *cg = date_text (&s->core_group_due);
  g_autofree char *rv = date_text (&s->review_due);

  g_assert_cmpstr (s->edition, ==, edition);
  g_assert_cmpstr (cg, ==, core_group ? core_group : "");
  g_assert_cmpstr (rv, ==, review);
}

/* WT2010: an initial conference on Wednesday 20 April 2011. Day 0 is the
 * conference; working days after it: Thu 21 (1); Good Friday 22 and Easter
 * Monday 25 are holidays; Tue 26 (2), Wed 27 (3), Thu 28 (4); the royal
 * wedding on Fri 29 and the early May holiday on Mon 2 May are holidays;
 * Tue 3 (5), Wed 4 (6), Thu 5 (7), Fri 6 (8), Mon 9 (9), Tue 10 May (10).
 * The first review is within 3 calendar months: 20 July 2011. */
static void
test_dates_wt2010 (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("dates-2010.cairn", &fix);
  g_autoptr (CairnConference) c = dated_conference (store, &fix, "initial", "2011-04-20");
  g_autoptr (CairnConference) r = dated_conference (store, &fix, "review", "2011-07-19");

  assert_dates (c, "WT2010", "2011-05-10", "2011-07-20");
  g_assert_cmpstr (subject (c, 0)->core_group_rule, ==, "W10-08");
  g_assert_cmpstr (subject (c, 0)->review_rule, ==, "W10-09");
  g_assert_cmpstr (subject (c, 0)->core_group_source, ==, "WT2010 Ch.5 (PLAUSIBLE)");
  g_assert_cmpstr (subject (r, 0)->review_rule, ==, "W10-10");
  /* A review sets the next review within 6 months and no core group. */
  assert_dates (r, "WT2010", NULL, "2012-01-19");
  cairn_test_minutes_clear (&fix);
}

/* WT2013: an initial conference on Wednesday 18 December 2013. Thu 19 (1),
 * Fri 20 (2), Mon 23 (3), Tue 24 (4); Christmas Day and Boxing Day are
 * holidays; Fri 27 (5), Mon 30 (6), Tue 31 (7); New Year's Day is a
 * holiday; Thu 2 (8), Fri 3 (9), Mon 6 January 2014 (10). Review by 18 March
 * 2014. One on Friday 29 November 2013 has its review on 28 February 2014
 * (29 February does not exist in 2014), and a pre-birth conference the
 * same rules. */
static void
test_dates_wt2013 (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("dates-2013.cairn", &fix);
  g_autoptr (CairnConference) c = dated_conference (store, &fix, "initial", "2013-12-18");
  g_autoptr (CairnConference) end_of_month = dated_conference (store, &fix, "initial", "2013-11-29");
  g_autoptr (CairnConference) review = dated_conference (store, &fix, "review", "2014-03-14");
  g_autoptr (CairnConference) before = dated_conference (store, &fix, "initial", "2013-04-12");

  assert_dates (c, "WT2013", "2014-01-06", "2014-03-18");
  g_assert_cmpstr (subject (c, 0)->core_group_rule, ==, "W13-06");
  g_assert_cmpstr (subject (c, 0)->review_rule, ==, "W13-07");
  g_assert_true (g_str_has_suffix (subject (c, 0)->review_source, "(VERIFIED)"));
  /* Fri 29 Nov: Mon 2 Dec (1) … Fri 13 Dec (10). */
  assert_dates (end_of_month, "WT2013", "2013-12-13", "2014-02-28");
  assert_dates (review, "WT2013", NULL, "2014-09-14");
  /* A conference on Friday 12 April 2013 is still under WT2010: Mon 15 (1) … Fri 26 April (10). */
  assert_dates (before, "WT2010", "2013-04-26", "2013-07-12");
  cairn_test_minutes_clear (&fix);
}

/* A plan without a category is refused when the chair approves, naming the
 * field and the child; nothing changes. With a category the approval
 * records the conference and the plan on the pathway, and the child's
 * first core group timer runs to the date the editor showed. */
static void
test_decision_needs_category (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("category.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnConference) c = NULL;
  g_autoptr (GPtrArray) timers = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const CairnTimer *core = NULL;

  cairn_test_minutes_conference (store, &fix, TRUE);
  g_assert_true (cairn_store_set_subject_category (store, fix.amelia_subject, "NEG", FALSE, &error));
  g_assert_true (cairn_store_set_subject_category (store, fix.amelia_subject, "EMO", FALSE, &error));
  g_assert_no_error (error);
  before = dump (fix.db_path);

  g_assert_false (cairn_conference_approve (store, fix.conference.year, (int) fix.conference.number, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Category: a child protection plan for Amelia Testperson (C-000001/1) needs at least "
                   "one category of abuse (neglect, physical, emotional or sexual abuse)");
  g_clear_error (&error);
  after = dump (fix.db_path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (cairn_store_set_subject_category (store, fix.amelia_subject, "NEG", TRUE, &error));
  g_assert_true (cairn_conference_approve (store, fix.conference.year, (int) fix.conference.number, &error));
  g_assert_no_error (error);
  c = load (store, &fix);
  g_assert_cmpstr (c->status, ==, "approved");

  timers = cairn_pathway_case_timers (store, fix.amelia, 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timers->len; i++)
    if (g_strcmp0 (((CairnTimer *) g_ptr_array_index (timers, i))->rule_id, "W10-08") == 0)
      core = g_ptr_array_index (timers, i);
  g_assert_nonnull (core);
  {
    g_autofree char *due = date_text (&core->due);
    g_assert_cmpstr (due, ==, "2011-05-10");
  }
  /* Approved records refuse changes until reopened. */
  g_assert_false (cairn_store_set_conference_field (store, c->id, CAIRN_CONFERENCE_FIELD_VENUE, "Elsewhere",
                                                    &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "CF-2011-0001: the minutes are approved by the chair; reopen them to change them");
  cairn_test_minutes_clear (&fix);
}

static gint64
count (CairnStore  *store,
       const char  *path,
       const char  *sql)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "sqlite3", path, sql, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               NULL, NULL));
  return g_ascii_strtoll (out, NULL, 10);
}

/* Siblings conferenced together get a decision each: Amelia a plan for
 * neglect and emotional abuse (counted as multiple), Ben none; each child's
 * chronology has the conference, only Amelia's the plan. */
static void
test_sibling_group (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("siblings.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnConference) c = NULL;
  g_autoptr (GPtrArray) amelia_events = NULL;
  g_autoptr (GPtrArray) ben_events = NULL;
  g_autofree char *categories = NULL;

  cairn_test_minutes_conference (store, &fix, TRUE);
  c = load (store, &fix);
  g_assert_cmpstr (subject (c, 0)->child_name, ==, "Amelia Testperson");
  g_assert_cmpstr (subject (c, 0)->plan_decision, ==, "start");
  categories = cairn_conference_subject_dup_categories_text (subject (c, 0));
  g_assert_cmpstr (categories, ==, "Neglect; Emotional abuse");
  g_assert_cmpstr (subject (c, 1)->child_name, ==, "Ben Testperson");
  g_assert_cmpstr (subject (c, 1)->plan_decision, ==, "none");
  g_assert_cmpuint (subject (c, 1)->categories->len, ==, 0);
  g_assert_cmpuint (c->attendees->len, ==, 6);

  g_assert_true (cairn_conference_approve (store, c->year, c->number, &error));
  g_assert_no_error (error);
  amelia_events = cairn_store_list_events (store, fix.amelia, 1, &error);
  ben_events = cairn_store_list_events (store, fix.ben, 1, &error);
  /* After the referral, the strategy discussion and the enquiries. */
  g_assert_cmpuint (amelia_events->len, ==, 5);
  g_assert_cmpstr (((CairnEvent *) g_ptr_array_index (amelia_events, 3))->kind, ==, "icpc");
  g_assert_cmpstr (((CairnEvent *) g_ptr_array_index (amelia_events, 3))->recorded_by, ==, FIX_CHAIR);
  g_assert_cmpstr (((CairnEvent *) g_ptr_array_index (amelia_events, 4))->kind, ==, "cp_plan_start");
  g_assert_cmpstr (((CairnEvent *) g_ptr_array_index (amelia_events, 4))->outcome, ==,
                   "Category: Neglect; Emotional abuse");
  g_assert_cmpuint (ben_events->len, ==, 4);
  g_assert_cmpstr (((CairnEvent *) g_ptr_array_index (ben_events, 3))->kind, ==, "icpc");
  g_assert_cmpint (count (store, fix.db_path, "SELECT count(*) FROM cp_plans WHERE initial_category = 'MUL'"),
                   ==, 1);
  g_assert_cmpint (count (store, fix.db_path, "SELECT count(*) FROM cp_plan_categories"), ==, 2);
  g_assert_cmpint (count (store, fix.db_path, "SELECT count(*) FROM cp_plans"), ==, 1);

  /* Approving again after a reopen adds nothing twice. */
  g_assert_true (cairn_store_reopen_conference (store, c->id, NULL, &error));
  g_assert_true (cairn_conference_approve (store, c->year, c->number, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, fix.db_path, "SELECT count(*) FROM cp_plans"), ==, 1);
  g_assert_cmpint (count (store, fix.db_path, "SELECT count(*) FROM events WHERE kind = 'icpc'"), ==, 2);
  cairn_test_minutes_clear (&fix);
}

/* Quorum follows the attendance against the board's setting; without it the
 * chair must say why the conference went ahead. */
static void
test_quorum (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("quorum.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnConference) c = NULL;
  g_autoptr (CairnConference) d = NULL;
  gint64 health;

  cairn_test_minutes_conference (store, &fix, TRUE);
  c = load (store, &fix);
  g_assert_cmpint (c->quorate, ==, 1);
  health = ((CairnAttendee *) g_ptr_array_index (c->attendees, 2))->id;
  g_assert_true (cairn_store_set_attendee_field (store, health, CAIRN_ATTENDEE_FIELD_ATTENDANCE, "apologies",
                                                 &error));
  g_assert_no_error (error);
  d = load (store, &fix);
  g_assert_cmpint (d->quorate, ==, 0);

  g_assert_false (cairn_conference_approve (store, d->year, d->number, &error));
  g_assert_cmpstr (error->message, ==,
                   "Quorum reason: 2 agencies were present and the board's quorum is 3, children's "
                   "social care among them; record why the conference went ahead");
  g_clear_error (&error);
  g_assert_true (cairn_store_set_conference_field (store, d->id, CAIRN_CONFERENCE_FIELD_QUORATE_REASON,
                                                   "The health visitor's written report was received.",
                                                   &error));
  g_assert_true (cairn_conference_approve (store, d->year, d->number, &error));
  g_assert_no_error (error);
  cairn_test_minutes_clear (&fix);
}

/* A refused value names the field and the value and changes nothing. */
static void
test_refused_unchanged (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("refused.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  cairn_test_minutes_conference (store, &fix, FALSE);
  before = dump (fix.db_path);
  g_assert_false (cairn_store_set_subject_field (store, fix.amelia_subject, CAIRN_SUBJECT_FIELD_NEXT_REVIEW_ON,
                                                 "2011-13-01", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Review conference: \"2011-13-01\""));
  g_clear_error (&error);
  g_assert_false (cairn_store_set_subject_field (store, fix.amelia_subject, CAIRN_SUBJECT_FIELD_PLAN_DECISION,
                                                 "maybe", &error));
  g_assert_cmpstr (error->message, ==, "Decision: \"maybe\" is not a decision (start, continue, end, none)");
  g_clear_error (&error);
  g_assert_false (cairn_store_set_subject_category (store, fix.amelia_subject, "MUL", TRUE, &error));
  g_clear_error (&error);
  g_assert_false (cairn_store_set_conference_field (store, fix.conference_id, CAIRN_CONFERENCE_FIELD_HELD_AT,
                                                    "", &error));
  g_assert_cmpstr (error->message, ==, "Date and time: a date is required");
  g_clear_error (&error);
  after = dump (fix.db_path);
  g_assert_cmpstr (before, ==, after);
  cairn_test_minutes_clear (&fix);
}

/* Draft → approved → issued; a correction after issue is version 2 with
 * its reason; the record shows who received which version and when. */
static void
test_versions (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("versions.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnDocVersion) outcome = cairn_doc_version_new ();
  g_autoptr (CairnDocVersion) v1 = cairn_doc_version_new ();
  g_autoptr (CairnDocVersion) v2 = cairn_doc_version_new ();
  g_autoptr (CairnConference) c = NULL;
  const char *sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  cairn_test_minutes_conference (store, &fix, TRUE);
  outcome->document = CAIRN_DOCUMENT_OUTCOME;
  date_from (&outcome->issued_on, "2011-04-20");
  outcome->sha256 = g_strdup (sha);
  g_assert_true (cairn_store_add_conference_version (store, fix.conference_id, outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome->version, ==, 1);

  v1->document = CAIRN_DOCUMENT_MINUTES;
  date_from (&v1->issued_on, "2011-05-04");
  v1->sha256 = g_strdup (sha);
  g_assert_false (cairn_store_add_conference_version (store, fix.conference_id, v1, &error));
  g_assert_cmpstr (error->message, ==, "Minutes: CF-2011-0001 must be approved by the chair before they are issued");
  g_clear_error (&error);
  g_assert_true (cairn_conference_approve (store, fix.conference.year, (int) fix.conference.number, &error));
  g_assert_true (cairn_store_add_conference_version (store, fix.conference_id, v1, &error));
  g_assert_no_error (error);

  g_assert_false (cairn_store_reopen_conference (store, fix.conference_id, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Correction: the minutes of CF-2011-0001 are issued; say what is being corrected");
  g_clear_error (&error);
  g_assert_true (cairn_store_reopen_conference (store, fix.conference_id,
                                                "Ben's health visitor's name was misspelt", &error));
  g_assert_true (cairn_store_set_conference_field (store, fix.conference_id, CAIRN_CONFERENCE_FIELD_VENUE,
                                                   "Testshire Civic Centre, Room 3", &error));
  g_assert_true (cairn_conference_approve (store, fix.conference.year, (int) fix.conference.number, &error));
  v2->document = CAIRN_DOCUMENT_MINUTES;
  date_from (&v2->issued_on, "2011-05-11");
  v2->sha256 = g_strdup (sha);
  g_assert_true (cairn_store_add_conference_version (store, fix.conference_id, v2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v2->version, ==, 2);

  c = load (store, &fix);
  g_assert_cmpstr (c->status, ==, "issued");
  g_assert_cmpuint (c->versions->len, ==, 3);
  {
    const CairnDocVersion *last = cairn_conference_latest_version (c, CAIRN_DOCUMENT_MINUTES);
    const CairnReceipt *mother = NULL;
    g_autofree char *sent = NULL;

    g_assert_cmpint (last->version, ==, 2);
    g_assert_cmpstr (last->correction, ==, "Ben's health visitor's name was misspelt");
    /* Everyone on the distribution list received it: the family by post. */
    g_assert_cmpuint (last->receipts->len, ==, 6);
    for (guint i = 0; i < last->receipts->len; i++)
      if (g_strcmp0 (((CairnReceipt *) g_ptr_array_index (last->receipts, i))->name, FIX_MOTHER) == 0)
        mother = g_ptr_array_index (last->receipts, i);
    g_assert_nonnull (mother);
    g_assert_cmpstr (mother->method, ==, "post");
    sent = date_text (&mother->sent_on);
    g_assert_cmpstr (sent, ==, "2011-05-11");
  }
  cairn_test_minutes_clear (&fix);
}

/* ---- Board meetings ----------------------------------------------------- */

static CairnRef
new_meeting (CairnStore *store,
             const char *day)
{
  g_autoptr (GError) error = NULL;
  CairnRef ref;
  GDate d;

  date_from (&d, day);
  g_assert_true (cairn_store_create_meeting (store, &d, &ref, &error));
  g_assert_no_error (error);
  return ref;
}

static CairnMeeting *
get_meeting (CairnStore *store,
             CairnRef    ref)
{
  g_autoptr (GError) error = NULL;
  CairnMeeting *m = cairn_store_get_meeting (store, ref.year, (int) ref.number, &error);

  g_assert_no_error (error);
  return m;
}

/* "1 Apologies for absence, 2 …": the minute numbers of a meeting's items. */
static char *
minute_numbers (CairnStore *store,
                CairnRef    ref)
{
  g_autoptr (CairnMeeting) m = get_meeting (store, ref);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < m->items->len; i++)
    {
      const CairnAgendaItem *item = g_ptr_array_index (m->items, i);
      g_autofree char *label = cairn_agenda_item_dup_label (item);
      g_string_append_printf (s, "%s%d=%s", i ? " " : "", item->minute_number, label);
    }
  return g_string_free (s, FALSE);
}

static gint64
add_item (CairnStore *store,
          CairnRef    ref,
          gint64      after,
          gboolean    sub,
          const char *title)
{
  g_autoptr (CairnMeeting) m = get_meeting (store, ref);
  g_autoptr (CairnAgendaItem) item = cairn_agenda_item_new ();
  g_autoptr (GError) error = NULL;

  item->title = g_strdup (title);
  g_assert_true (cairn_store_add_agenda_item (store, m->id, after, sub, item, &error));
  g_assert_no_error (error);
  return item->id;
}

/* Minute numbers run on across meetings and start again at 1 at the first
 * meeting of the board's numbering year (April here); the board can choose
 * never to restart. Approved minutes keep their numbers: a change that
 * would reach into them is refused. */
static void
test_minute_numbering (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("numbering.cairn", &fix);
  g_autoptr (GError) error = NULL;
  CairnRef feb, mar, may;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gint64 report;

  feb = new_meeting (store, "2012-02-14");
  mar = new_meeting (store, "2012-03-13");
  may = new_meeting (store, "2012-05-15");
  report = add_item (store, feb, 0, FALSE, "Performance report");
  add_item (store, feb, report, TRUE, "Referrals");
  add_item (store, feb, report, TRUE, "Conferences");

  a = minute_numbers (store, feb);
  b = minute_numbers (store, mar);
  c = minute_numbers (store, may);
  /* The sub-item added after the item comes first: 2a Conferences, then 2b Referrals. */
  g_assert_cmpstr (a, ==, "1=1 2=2 3=2a 4=2b 5=3");
  g_assert_cmpstr (b, ==, "6=1 7=2 8=3");
  g_assert_cmpstr (c, ==, "1=1 2=2 3=3");

  g_assert_true (cairn_store_set_minutes_restart (store, 0, &error));
  g_assert_no_error (error);
  d = minute_numbers (store, may);
  g_assert_cmpstr (d, ==, "9=1 10=2 11=3");

  /* Approve March; February may no longer grow into March's numbers. */
  {
    g_autoptr (CairnMeeting) m = get_meeting (store, mar);
    g_assert_true (cairn_store_approve_meeting (store, m->id, &error));
    g_assert_no_error (error);
  }
  before = dump (fix.db_path);
  {
    g_autoptr (CairnMeeting) m = get_meeting (store, feb);
    g_autoptr (CairnAgendaItem) item = cairn_agenda_item_new ();
    item->title = g_strdup ("Late item");
    g_assert_false (cairn_store_add_agenda_item (store, m->id, 0, FALSE, item, &error));
    g_assert_cmpstr (error->message, ==,
                     "Minutes: BM-2012-02 is approved and numbers its minutes from 6; the minutes of "
                     "BM-2012-01 before it would run to 6");
    g_clear_error (&error);
  }
  after = dump (fix.db_path);
  g_assert_cmpstr (before, ==, after);

  /* Removing an item closes the gap in the draft after the approved one. */
  e = minute_numbers (store, may);
  {
    g_autoptr (CairnMeeting) m = get_meeting (store, may);
    g_assert_true (cairn_store_remove_agenda_item (store, ((CairnAgendaItem *) g_ptr_array_index (m->items, 1))->id,
                                                   &error));
    g_assert_no_error (error);
  }
  f = minute_numbers (store, may);
  g_assert_cmpstr (e, ==, "9=1 10=2 11=3");
  g_assert_cmpstr (f, ==, "9=1 10=2");

  /* Reopened, approved minutes are a draft again; a draft is not reopened. */
  {
    g_autoptr (CairnMeeting) m = get_meeting (store, mar);
    g_assert_true (cairn_store_reopen_meeting (store, m->id, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (cairn_store_reopen_meeting (store, m->id, NULL, &error));
    g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "BM-2012-02: is already a draft");
    g_clear_error (&error);
  }
  {
    g_autoptr (CairnMeeting) m = get_meeting (store, mar);
    g_assert_cmpstr (m->status, ==, "draft");
  }
  cairn_test_minutes_clear (&fix);
}

static gint64
add_action (CairnStore *store,
            gint64      item_id,
            const char *text,
            const char *due)
{
  g_autoptr (CairnActionPoint) a = cairn_action_point_new ();
  g_autoptr (GError) error = NULL;

  a->action = g_strdup (text);
  a->owner = g_strdup ("Business manager");
  date_from (&a->due_on, due);
  g_assert_true (cairn_store_add_action_point (store, item_id, a, &error));
  g_assert_no_error (error);
  return a->id;
}

/* Open action points of earlier meetings appear in the next meeting's
 * matters arising; one closed there appears there (as done) and no later. */
static void
test_actions_carried_forward (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("actions.cairn", &fix);
  g_autoptr (GError) error = NULL;
  CairnRef first, second, third;
  gint64 item, publish, analyse;

  first = new_meeting (store, "2012-05-15");
  item = add_item (store, first, 0, FALSE, "Annual report");
  publish = add_action (store, item, "Publish the annual report", "2012-06-30");
  analyse = add_action (store, item, "Analyse repeat plans", "2012-07-01");
  second = new_meeting (store, "2012-07-17");
  third = new_meeting (store, "2012-10-16");

  {
    g_autoptr (CairnMeeting) m = get_meeting (store, second);
    g_assert_cmpuint (m->carried->len, ==, 2);
    g_assert_cmpstr (((CairnActionPoint *) g_ptr_array_index (m->carried, 0))->action, ==,
                     "Publish the annual report");
    g_assert_cmpstr (((CairnActionPoint *) g_ptr_array_index (m->carried, 0))->from_ref, ==, "BM-2012-01");
    g_assert_cmpint (((CairnActionPoint *) g_ptr_array_index (m->carried, 0))->from_minute, ==, 2);
    g_assert_true (cairn_store_set_carried_action_status (store, m->id, publish, "closed", &error));
    g_assert_true (cairn_store_set_carried_action_note (store, m->id, publish,
                                                        "Published on the website on 2 July.", &error));
    g_assert_no_error (error);
    /* An action that was not carried into this meeting is refused. */
    g_assert_false (cairn_store_set_carried_action_note (store, m->id, 999, "x", &error));
    g_clear_error (&error);
  }
  {
    g_autoptr (CairnMeeting) m = get_meeting (store, second);
    const CairnActionPoint *a = g_ptr_array_index (m->carried, 0);
    g_autofree char *closed = date_text (&a->closed_on);
    g_assert_cmpuint (m->carried->len, ==, 2);
    g_assert_cmpstr (a->status, ==, "closed");
    g_assert_cmpstr (closed, ==, "2012-07-17");
    g_assert_cmpstr (a->update, ==, "Published on the website on 2 July.");
  }
  {
    g_autoptr (CairnMeeting) m = get_meeting (store, third);
    g_assert_cmpuint (m->carried->len, ==, 1);
    g_assert_cmpint (((CairnActionPoint *) g_ptr_array_index (m->carried, 0))->id, ==, analyse);
    g_assert_null (((CairnActionPoint *) g_ptr_array_index (m->carried, 0))->update);
  }
  /* The minutes of the previous meeting item is standing, with its resolution. */
  {
    g_autoptr (CairnMeeting) m = get_meeting (store, second);
    const CairnAgendaItem *prev = cairn_meeting_find_standing (m, "previous_minutes");
    g_assert_nonnull (prev);
    g_assert_cmpstr (((CairnResolution *) g_ptr_array_index (prev->resolutions, 0))->body, ==,
                     "That the minutes of the meeting held on 15 May 2012 be confirmed and agreed as a "
                     "correct record.");
  }
  cairn_test_minutes_clear (&fix);
}

/* Only those whose role allows it change conferences and board meetings. */
static void
test_permissions (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("roles.cairn", &fix);
  g_autoptr (GError) error = NULL;
  GDate d;
  CairnRef ref;

  cairn_test_minutes_conference (store, &fix, FALSE);
  g_assert_true (cairn_store_add_user (store, "chair", "Chair", CAIRN_ROLE_CHAIR, "", "chair-password-1",
                                       &error));
  g_assert_true (cairn_store_login (store, "chair", "chair-password-1", &error));
  g_assert_true (cairn_store_add_user (store, "manager", "Manager", CAIRN_ROLE_BUSINESS_MANAGER, "",
                                       "manager-password-1", &error));
  g_assert_true (cairn_store_add_user (store, "cchair", "Conference chair", CAIRN_ROLE_CONFERENCE_CHAIR, "",
                                       "cchair-password-1", &error));
  g_assert_no_error (error);
  cairn_store_logout (store);
  g_assert_true (cairn_store_login (store, "manager", "manager-password-1", &error));
  g_assert_false (cairn_store_set_conference_field (store, fix.conference_id, CAIRN_CONFERENCE_FIELD_VENUE, "x",
                                                    &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  date_from (&d, "2012-05-15");
  g_assert_true (cairn_store_create_meeting (store, &d, &ref, &error));
  g_assert_no_error (error);
  cairn_store_logout (store);
  g_assert_true (cairn_store_login (store, "cchair", "cchair-password-1", &error));
  g_assert_false (cairn_store_create_meeting (store, &d, &ref, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (cairn_store_set_conference_field (store, fix.conference_id, CAIRN_CONFERENCE_FIELD_VENUE, "Room 4",
                                                   &error));
  g_assert_no_error (error);
  cairn_test_minutes_clear (&fix);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("CAIRN_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/minutes/dates/wt2010", test_dates_wt2010);
  g_test_add_func ("/cairn/minutes/dates/wt2013", test_dates_wt2013);
  g_test_add_func ("/cairn/minutes/decision/needs-category", test_decision_needs_category);
  g_test_add_func ("/cairn/minutes/decision/sibling-group", test_sibling_group);
  g_test_add_func ("/cairn/minutes/conference/quorum", test_quorum);
  g_test_add_func ("/cairn/minutes/conference/refused-unchanged", test_refused_unchanged);
  g_test_add_func ("/cairn/minutes/conference/versions", test_versions);
  g_test_add_func ("/cairn/minutes/conference/permissions", test_permissions);
  g_test_add_func ("/cairn/minutes/board/numbering", test_minute_numbering);
  g_test_add_func ("/cairn/minutes/board/carried-forward", test_actions_carried_forward);
  return g_test_run ();
}
