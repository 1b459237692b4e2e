/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "cairn-conference-pathway.h"
#include "cairn-conference-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-meeting-store.h"
#include "cairn-minutes-report.h"
#include "cairn-pdf-text.h"
#include "cairn-test-minutes.h"
#include "cairn-test-utils.h"

/* The conference outcome summary and minutes, and the board agenda and
 * minutes, written as PDF and read back with Poppler: what a reader of the
 * paper would look for. */

#define TODAY "2014-06-30"

/* The text of every page, with runs of white space made one space (table
 * cells and wrapped lines come out on separate lines). */
static GPtrArray *
pages_of (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnPdfText) text = cairn_pdf_text_extract_file (path, &error);
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < text->pages->len; i++)
    {
      g_auto (GStrv) words = g_strsplit_set (g_ptr_array_index (text->pages, i), " \n\t\r", -1);
      GString *s = g_string_new (NULL);
      for (guint w = 0; words[w]; w++)
        if (*words[w])
          g_string_append_printf (s, "%s%s", s->len ? " " : "", words[w]);
      g_ptr_array_add (pages, g_string_free (s, FALSE));
    }
  return pages;
}

static char *
all_text (GPtrArray *pages)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < pages->len; i++)
    g_string_append_printf (s, "%s ", (char *) g_ptr_array_index (pages, i));
  return g_string_free (s, FALSE);
}

/* Poppler runs the cells of a table row together ("QuorateYes"), so texts
 * are compared without their white space. */
static char *
squash (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
assert_has (const char *text,
            const char *needle)
{
  g_autofree char *t = squash (text);
  g_autofree char *n = squash (needle);

  if (strstr (t, n) == NULL)
    g_error ("\"%s\" is not in the document:\n%s", needle, text);
}

/* @a comes before @b in @text. */
static void
assert_order (const char *text,
              const char *a,
              const char *b)
{
  g_autofree char *t = squash (text);
  g_autofree char *sa = squash (a);
  g_autofree char *sb = squash (b);
  const char *pa = strstr (t, sa);
  const char *pb = pa ? strstr (pa, sb) : NULL;

  if (pa == NULL || pb == NULL)
    g_error ("\"%s\" then \"%s\" not found in order in:\n%s", a, b, text);
}

static const char *
squash_tmp (const char *text)
{
  static char *last;

  g_free (last);
  last = squash (text);
  return last;
}

static void
assert_every_page (GPtrArray  *pages,
                   const char *needle)
{
  g_autofree char *n = squash (needle);

  g_assert_cmpuint (pages->len, >, 0);
  for (guint i = 0; i < pages->len; i++)
    if (strstr (squash_tmp (g_ptr_array_index (pages, i)), n) == NULL)
      g_error ("page %u of %u has no \"%s\": %s", i + 1, pages->len, needle,
               (char *) g_ptr_array_index (pages, i));
}

/* Where @text first is on the page: the top of its box, from the top of the
 * page, and the page; FALSE when it is nowhere. Poppler's reading order runs
 * table columns and headings together, so where a thing is on the page is
 * what shows which section or row it is in. */
static gboolean
locate (const char *path,
        const char *text,
        double      below,
        int        *page_out,
        double     *top_out)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  gboolean found = FALSE;

  g_assert_nonnull (doc);
  for (int i = 0; i < poppler_document_get_n_pages (doc) && !found; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      GList *hits = poppler_page_find_text_with_options (page, text, POPPLER_FIND_CASE_SENSITIVE);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      for (GList *l = hits; l && !found; l = l->next)
        {
          PopplerRectangle *r = l->data;
          double top = h - MAX (r->y1, r->y2);
          if (i > *page_out || (i == *page_out && top > below))
            {
              *page_out = i;
              *top_out = top;
              found = TRUE;
            }
        }
      g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return found;
}

/* @text is under the heading @section, before the heading @next. */
static void
assert_in_section (const char *path,
                   const char *section,
                   const char *text,
                   const char *next)
{
  int sp = 0, tp, np;
  double st = -1, tt, nt;

  if (!locate (path, section, -1, &sp, &st))
    g_error ("no \"%s\" in %s", section, path);
  tp = sp;
  np = sp;
  if (!locate (path, text, st, &tp, &tt))
    g_error ("no \"%s\" after \"%s\" in %s", text, section, path);
  if (!locate (path, next, st, &np, &nt))
    g_error ("no \"%s\" after \"%s\" in %s", next, section, path);
  if (tp > np || (tp == np && tt >= nt))
    g_error ("\"%s\" is not between \"%s\" and \"%s\" in %s", text, section, next, path);
}

/* @a and @b are on one line (the same row of a table). */
static void
assert_same_row (const char *path,
                 const char *a,
                 const char *b)
{
  int pa = 0, pb = 0;
  double ta, tb;

  g_assert_true (locate (path, a, -1, &pa, &ta));
  pb = pa;
  g_assert_true (locate (path, b, ta - 3, &pb, &tb));
  if (pa != pb || ABS (ta - tb) > 2.0)
    g_error ("\"%s\" (page %d, %.1f pt) and \"%s\" (page %d, %.1f pt) are not on one row", a, pa + 1, ta,
             b, pb + 1, tb);
}

static char *
write_doc (CairnStore        *store,
           CairnDocumentKind  kind,
           const CairnRef    *ref,
           const char        *name)
{
  g_autoptr (GError) error = NULL;
  char *path = cairn_test_scratch_path (name);
  guint n_pages = 0;

  g_assert_true (cairn_minutes_report_write (store, kind, ref, path, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >, 0);
  return path;
}

static void
test_outcome (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("outcome.cairn", &fix);
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  cairn_test_minutes_conference (store, &fix, TRUE);
  path = write_doc (store, CAIRN_DOCUMENT_OUTCOME, &fix.conference, "outcome.pdf");
  pages = pages_of (path);
  text = all_text (pages);

  assert_every_page (pages, "CONFIDENTIAL");
  assert_every_page (pages, "CF-2011-0001");
  assert_has (text, "Initial child protection conference: outcome");
  assert_has (text, "Wednesday 20 April 2011, 10.00 am");
  assert_has (text, "Quorate Yes: 3 agencies present");
  /* Amelia's decision, then Ben's. */
  assert_order (text, "Amelia Testperson (C-000001/1)", "Ben Testperson (C-000002/1)");
  assert_has (text, "Likely to suffer significant harm Yes");
  assert_has (text, "Decision Child protection plan started");
  assert_has (text, "Category Neglect; Emotional abuse");
  assert_has (text, "Lead social worker " FIX_SOCIAL_WORKER " (Testshire Children's Social Care)");
  assert_has (text, "First core group by 10 May 2011 (WT2010 W10-08: within 10 working days)");
  assert_has (text, "Review conference by 20 July 2011 (WT2010 W10-09: within 3 months)");
  assert_has (text, FIX_TEACHER ", Designated safeguarding lead (Oakfield Primary School)");
  assert_has (text, "Action Who By when");
  assert_has (text, "Refer Kerry to the domestic abuse service " FIX_SOCIAL_WORKER " 29 April 2011");
  assert_has (text, "Free school breakfast club place " FIX_TEACHER " From the start of next term");
  assert_has (text, FIX_CONTINGENCY);
  assert_has (text, FIX_POLICE " dissented from the decision: " FIX_DISSENT);
  assert_has (text, "Decision No child protection plan");
  assert_has (text, "A child in need plan: health visitor weekly to weigh Ben.");
  assert_order (text, "Distribution", FIX_SOCIAL_WORKER);
  assert_order (text, "This outcome summary is sent to:", FIX_MOTHER " Mother Family");
  assert_has (text, FIX_FATHER " Father Family");
  assert_has (text, "(copy, not an issued version)");

  /* Confidential: readable by its owner only, and its writing is in the audit trail. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  cairn_test_minutes_clear (&fix);
}

static void
test_minutes (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("minutes.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *issued = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (GPtrArray) issued_pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *issued_text = NULL;
  g_autoptr (CairnDocVersion) v1 = NULL;
  g_autoptr (CairnDocVersion) v2 = NULL;
  GDate day;

  cairn_test_minutes_conference (store, &fix, TRUE);
  draft = write_doc (store, CAIRN_DOCUMENT_MINUTES, &fix.conference, "minutes-draft.pdf");
  pages = pages_of (draft);
  text = all_text (pages);

  assert_every_page (pages, "DRAFT, NOT YET APPROVED BY THE CHAIR");
  assert_has (text, "Purpose of the conference");
  /* Attendance: each person in their section, on one row with their role and agency. */
  assert_in_section (draft, "Present", FIX_SOCIAL_WORKER, "Apologies");
  assert_in_section (draft, "Present", FIX_HEALTH_VISITOR, "Apologies");
  assert_in_section (draft, "Present", FIX_MOTHER, "Apologies");
  assert_in_section (draft, "Apologies", FIX_TEACHER, "Information shared");
  assert_in_section (draft, "Apologies", FIX_FATHER, "Information shared");
  assert_same_row (draft, FIX_TEACHER, "Oakfield Primary School");
  assert_in_section (draft, "Apologies", "(written report received)", "Information shared");
  assert_same_row (draft, FIX_SOCIAL_WORKER, "Testshire Children's Social Care");
  assert_order (text, "Information shared", FIX_POLICE " (Detective constable, Testshire Police): Three domestic incidents");
  assert_has (text, FIX_TEACHER " (Designated safeguarding lead, Oakfield Primary School), written report: "
                    "Amelia often arrives hungry.");
  assert_has (text, "The parents' and carers' views Kerry accepted the concerns");
  assert_has (text, "The children's views Amelia told her teacher");
  assert_has (text, "Strengths and protective factors Kerry is warm");
  assert_has (text, "Risks and vulnerabilities Domestic abuse");
  assert_has (text, "Category Neglect; Emotional abuse");
  assert_has (text, "First core group by 10 May 2011");
  assert_has (text, FIX_POLICE " dissented from the decision");
  assert_has (text, "This record is sent to:");

  /* Approved and issued: no draft marking; version 2 shows what it corrected. */
  g_assert_true (cairn_date_parse ("d", "2011-05-04", &day, NULL));
  g_assert_true (cairn_conference_approve (store, fix.conference.year, (int) fix.conference.number, &error));
  g_assert_no_error (error);
  issued = cairn_test_scratch_path ("minutes-v1.pdf");
  v1 = cairn_minutes_report_issue (store, CAIRN_DOCUMENT_MINUTES, &fix.conference, &day, NULL, issued, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v1->version, ==, 1);
  g_assert_cmpuint (v1->receipts->len, ==, 6);
  g_assert_true (cairn_store_reopen_conference (store, fix.conference_id, "The venue was wrong", &error));
  g_assert_true (cairn_conference_approve (store, fix.conference.year, (int) fix.conference.number, &error));
  g_assert_true (cairn_date_parse ("d", "2011-05-09", &day, NULL));
  g_clear_pointer (&issued, g_free);
  issued = cairn_test_scratch_path ("minutes-v2.pdf");
  v2 = cairn_minutes_report_issue (store, CAIRN_DOCUMENT_MINUTES, &fix.conference, &day, NULL, issued, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2->version, ==, 2);
  issued_pages = pages_of (issued);
  issued_text = all_text (issued_pages);
  assert_every_page (issued_pages, "CONFIDENTIAL");
  g_assert_null (strstr (issued_text, "DRAFT"));
  assert_every_page (issued_pages, "Minutes, version 2, issued 9 May 2011");
  assert_in_section (issued, "Versions", "4 May 2011", "Distribution");
  assert_same_row (issued, "The venue was wrong", "9 May 2011");
  g_assert_null (strstr (issued_text, "Being corrected"));
  cairn_test_minutes_clear (&fix);
}

/* Issuing the outcome is refused, and no file is left, while a plan has no category. */
static void
test_issue_refused (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("refused.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cairn_test_scratch_path ("refused.pdf");
  g_autoptr (CairnDocVersion) v = NULL;
  GDate day;

  cairn_test_minutes_conference (store, &fix, TRUE);
  g_assert_true (cairn_store_set_subject_category (store, fix.amelia_subject, "NEG", FALSE, &error));
  g_assert_true (cairn_store_set_subject_category (store, fix.amelia_subject, "EMO", FALSE, &error));
  g_assert_true (cairn_date_parse ("d", FIX_CONFERENCE_DAY, &day, NULL));
  v = cairn_minutes_report_issue (store, CAIRN_DOCUMENT_OUTCOME, &fix.conference, &day, NULL, path, &error);
  g_assert_null (v);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Category: a child protection plan for Amelia Testperson (C-000001/1)"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  cairn_test_minutes_clear (&fix);
}

static CairnRef
meeting (CairnStore *store,
         const char *day)
{
  g_autoptr (GError) error = NULL;
  CairnRef ref;
  GDate d;

  g_assert_true (cairn_date_parse ("d", day, &d, NULL));
  g_assert_true (cairn_store_create_meeting (store, &d, &ref, &error));
  g_assert_no_error (error);
  return ref;
}

static CairnMeeting *
get (CairnStore *store,
     CairnRef    ref)
{
  g_autoptr (GError) error = NULL;
  CairnMeeting *m = cairn_store_get_meeting (store, ref.year, (int) ref.number, &error);

  g_assert_no_error (error);
  return m;
}

/* Two meetings: the first agrees an action; the second has an agenda with
 * sub-items, presenters, purposes and pages, apologies, a resolution, and
 * the first's action carried forward. */
static void
two_meetings (CairnStore *store,
              CairnRef   *first,
              CairnRef   *second)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnMeeting) m1 = NULL;
  g_autoptr (CairnMeeting) m2 = NULL;
  g_autoptr (CairnAgendaItem) report = cairn_agenda_item_new ();
  g_autoptr (CairnAgendaItem) sub = cairn_agenda_item_new ();
  g_autoptr (CairnAgendaItem) plan = cairn_agenda_item_new ();
  g_autoptr (CairnActionPoint) action = cairn_action_point_new ();
  g_autoptr (CairnResolution) r1 = cairn_resolution_new ();
  g_autoptr (CairnResolution) r2 = cairn_resolution_new ();
  g_autoptr (CairnMeetingAttendee) a = cairn_meeting_attendee_new ();
  g_autoptr (CairnMeetingAttendee) b = cairn_meeting_attendee_new ();
  g_autoptr (CairnMeetingAttendee) c = cairn_meeting_attendee_new ();

  *first = meeting (store, "2013-02-14");
  m1 = get (store, *first);
  plan->title = g_strdup ("Business plan");
  g_assert_true (cairn_store_add_agenda_item (store, m1->id, 0, FALSE, plan, &error));
  action->action = g_strdup ("Publish the business plan");
  action->owner = g_strdup ("Andrea Brownlow");
  g_assert_true (cairn_date_parse ("d", "2013-03-29", &action->due_on, NULL));
  g_assert_true (cairn_store_add_action_point (store, plan->id, action, &error));
  g_assert_no_error (error);

  *second = meeting (store, "2013-04-17");
  m2 = get (store, *second);
  g_assert_true (cairn_store_set_meeting_field (store, m2->id, CAIRN_MEETING_FIELD_STARTS_AT, "14:00", &error));
  g_assert_true (cairn_store_set_meeting_field (store, m2->id, CAIRN_MEETING_FIELD_ENDS_AT, "16:40", &error));
  g_assert_true (cairn_store_set_meeting_field (store, m2->id, CAIRN_MEETING_FIELD_VENUE, "The Showroom, Testshire",
                                                &error));
  g_assert_true (cairn_store_set_meeting_field (store, m2->id, CAIRN_MEETING_FIELD_CHAIR, "Debra Barnsley", &error));
  a->name = g_strdup ("Debra Barnsley");
  a->agency = g_strdup ("Testshire County Council");
  a->attendance = g_strdup ("present");
  b->name = g_strdup ("Chris Cookson");
  b->agency = g_strdup ("Testshire LSCB");
  b->attendance = g_strdup ("apologies");
  c->name = g_strdup ("Julia Churchill");
  c->agency = g_strdup ("Jobcentre Plus");
  c->attendance = g_strdup ("in_attendance");
  g_assert_true (cairn_store_add_meeting_attendee (store, m2->id, a, &error));
  g_assert_true (cairn_store_add_meeting_attendee (store, m2->id, b, &error));
  g_assert_true (cairn_store_add_meeting_attendee (store, m2->id, c, &error));
  report->title = g_strdup ("Action group updates");
  report->presenter = g_strdup ("Kerry Mitchellson");
  report->purpose = g_strdup ("For information");
  g_assert_true (cairn_store_add_agenda_item (store, m2->id, 0, FALSE, report, &error));
  sub->title = g_strdup ("Participation action group");
  sub->pages = g_strdup ("9 - 32");
  sub->minutes = g_strdup ("The Partnership received an update on participation.");
  g_assert_true (cairn_store_add_agenda_item (store, m2->id, report->id, TRUE, sub, &error));
  r1->body = g_strdup ("That the update be noted.");
  r2->body = g_strdup ("That the presentation be circulated following the meeting.");
  g_assert_true (cairn_store_add_resolution (store, sub->id, r1, &error));
  g_assert_true (cairn_store_add_resolution (store, sub->id, r2, &error));
  g_assert_no_error (error);
}

static void
test_agenda (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("agenda.cairn", &fix);
  CairnRef first, second;
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autofree char *text = NULL;

  two_meetings (store, &first, &second);
  path = write_doc (store, CAIRN_DOCUMENT_AGENDA, &second, "agenda.pdf");
  pages = pages_of (path);
  text = all_text (pages);
  assert_has (text, FIX_BOARD);
  assert_has (text, "MEETING DATE: Wednesday 17 April 2013");
  assert_has (text, "MEETING TIME: 2.00 pm");
  assert_has (text, "LOCATION: The Showroom, Testshire");
  assert_same_row (path, "Item", "Pages");
  assert_has (text, "1 Apologies for absence");
  assert_has (text, "2 Minutes of the previous meeting and action points For decision");
  assert_has (text, "3 Action group updates (Kerry Mitchellson) For information");
  assert_has (text, "3a Participation action group");
  assert_same_row (path, "Participation action group", "9 - 32");
  assert_same_row (path, "3a", "Participation action group");
  assert_has (text, "4 Any other business");
  assert_has (text, "Not yet distributed");
  assert_every_page (pages, "BM-2013-02");
  cairn_test_minutes_clear (&fix);
}

static void
test_board_minutes (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("board-minutes.cairn", &fix);
  g_autoptr (GError) error = NULL;
  CairnRef first, second;
  g_autofree char *path = NULL;
  g_autofree char *approved = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (GPtrArray) approved_pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *approved_text = NULL;

  two_meetings (store, &first, &second);
  path = write_doc (store, CAIRN_DOCUMENT_BOARD_MINUTES, &second, "board-minutes.pdf");
  pages = pages_of (path);
  text = all_text (pages);

  assert_every_page (pages, "DRAFT — subject to approval by the Board");
  assert_has (text, "TESTSHIRE SAFEGUARDING CHILDREN BOARD — 17 April 2013");
  assert_has (text, "Minutes of the meeting held on 17 April 2013 at 2.00 pm, The Showroom, Testshire.");
  assert_has (text, "PRESENT: Debra Barnsley (Chairman)");
  assert_has (text, "Also in attendance: Julia Churchill (Jobcentre Plus)");
  assert_has (text, "Apologies: Chris Cookson (Testshire LSCB)");
  /* The first meeting had minutes 1 to 3; these run on from 4 (new April numbering: 17 April). */
  assert_has (text, "1. APOLOGIES FOR ABSENCE Apologies for absence were received from Chris Cookson (Testshire LSCB).");
  assert_has (text, "2. MINUTES OF THE PREVIOUS MEETING AND ACTION POINTS HELD ON 14 FEBRUARY 2013");
  assert_same_row (path, "Publish the business plan", "BM-2013-01");
  assert_same_row (path, "Publish the business plan", "29 March 2013");
  assert_same_row (path, "Publish the business plan", "Open");
  assert_in_section (path, "2. MINUTES OF THE PREVIOUS MEETING", "Publish the business plan", "3. ACTION GROUP UPDATES");
  assert_has (text, "RESOLVED That the minutes of the meeting held on 14 February 2013 be confirmed and agreed as a correct record.");
  assert_has (text, "3. ACTION GROUP UPDATES");
  assert_has (text, "4. (3a) PARTICIPATION ACTION GROUP The Partnership received an update on participation. RESOLVED "
                    "1. That the update be noted. 2. That the presentation be circulated following the meeting.");
  assert_has (text, "5. ANY OTHER BUSINESS No items of any other business were raised for consideration.");
  assert_has (text, "The meeting closed at 4.40 pm.");

  /* With numbering never restarting, the same meeting runs on from the first's three minutes. */
  g_assert_true (cairn_store_set_minutes_restart (store, 0, &error));
  {
    g_autoptr (CairnMeeting) m = get (store, second);
    g_assert_true (cairn_store_approve_meeting (store, m->id, &error));
    g_assert_no_error (error);
  }
  approved = write_doc (store, CAIRN_DOCUMENT_BOARD_MINUTES, &second, "board-minutes-approved.pdf");
  approved_pages = pages_of (approved);
  approved_text = all_text (approved_pages);
  g_assert_null (strstr (approved_text, "DRAFT"));
  assert_has (approved_text, "4. APOLOGIES FOR ABSENCE");
  assert_has (approved_text, "8. ANY OTHER BUSINESS");
  cairn_test_minutes_clear (&fix);
}

/* cairn-cli report outcome|minutes|agenda|board-minutes (../shared/CLI.md). */
static void
test_cli (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("cli.cairn", &fix);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pdf = cairn_test_scratch_path ("cli-outcome.pdf");
  g_autofree char *minutes = cairn_test_scratch_path ("cli-minutes.pdf");
  g_autofree char *agenda = cairn_test_scratch_path ("cli-agenda.pdf");
  CairnRef first, second;

  cairn_test_minutes_conference (store, &fix, TRUE);
  two_meetings (store, &first, &second);
  g_clear_object (&store);

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "report", "outcome", "--db", fix.db_path, "--conference",
                                       "CF-2011-0001", "-o", pdf, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "CF-2011-0001: Outcome summary, "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "report", "minutes", "--db", fix.db_path, "--conference",
                                       "CF-2011-0001", "--issue", "-o", minutes, NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: Minutes: CF-2011-0001 must be approved by the chair before they are issued\n");
  g_assert_false (g_file_test (minutes, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "report", "outcome", "--db", fix.db_path, "--conference",
                                       "CF-2011-0001", "--issue", "-o", pdf, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "CF-2011-0001: Outcome summary version 1, "));
  g_assert_nonnull (strstr (out, " pages, sent to 6: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "report", "minutes", "--db", fix.db_path, "--conference",
                                       "CF-2011-07", "-o", minutes, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: --conference: \"CF-2011-07\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "report", "board-minutes", "--db", fix.db_path, "--meeting",
                                       "BM-2013-09", "-o", minutes, NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: BM-2013-09: no such board meeting\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "report", "agenda", "--db", fix.db_path, "--meeting",
                                       "BM-2013-02", "--issue", "-o", agenda, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "BM-2013-02: Agenda version 1, 1 page, sent to "));
  {
    g_autoptr (GPtrArray) pages = pages_of (agenda);
    g_autofree char *text = all_text (pages);
    assert_has (text, "Distributed on 30 June 2014");
  }
  cairn_test_minutes_clear (&fix);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("CAIRN_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/minutes/report/outcome", test_outcome);
  g_test_add_func ("/cairn/minutes/report/minutes", test_minutes);
  g_test_add_func ("/cairn/minutes/report/issue-refused", test_issue_refused);
  g_test_add_func ("/cairn/minutes/report/agenda", test_agenda);
  g_test_add_func ("/cairn/minutes/report/board-minutes", test_board_minutes);
  g_test_add_func ("/cairn/minutes/report/cli", test_cli);
  return g_test_run ();
}
