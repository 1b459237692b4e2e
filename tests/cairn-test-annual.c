/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cairn-annual-store.h"
#include "cairn-date.h"
#include "cairn-store-private.h"
#include "cairn-test-annual.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"

/*
 * The case records, written as rows (the census import and the app write
 * the same tables). Child N has case ids N01, N02 …; only the children of
 * the referral tests have referral rows, so that every count stays small
 * enough to check by hand. Working days: England and Wales, with Good Friday
 * 2 April and Easter Monday 5 April 2010; Good Friday 22 April, Easter Monday
 * 25 April, the royal wedding 29 April, 2 May, 30 May, 26 and 27 December
 * 2011; 2 January 2012.
 */
static const char fixture_sql[] =
  "INSERT INTO board (id, name, area, child_population) VALUES (1, '" FIX_ANNUAL_BOARD "', 'Testshire', 18000);"
  "INSERT INTO agencies (id, code, name, kind) VALUES"
  " (1, 'CSC', 'Testshire Children''s Social Care', 'social_care'),"
  " (2, 'POL', 'Testshire Police', 'police'),"
  " (3, 'HLT', 'Testshire Health Trust', 'health');"

  /* Children 1 to 27. */
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 27)"
  " INSERT INTO children (id, number, given_name, family_name, date_of_birth)"
  " SELECT i, i, 'Child', 'Testchild' || i, '2005-01-01' FROM n;"

  "INSERT INTO cases (id, child_id, number, opened_on, initial_cpc_on) VALUES"
  " (101, 1, 1, '2010-06-15', NULL), (102, 1, 2, '2011-04-01', NULL),"
  " (201, 2, 1, '2011-03-30', NULL), (202, 2, 2, '2012-03-31', NULL),"
  " (301, 3, 1, '2012-04-01', NULL), (401, 4, 1, '2011-03-31', NULL),"
  " (501, 5, 1, '2011-09-12', NULL), (502, 5, 2, '2012-02-01', NULL),"
  " (601, 6, 1, '2010-03-25', NULL), (701, 7, 1, '2010-04-01', NULL), (801, 8, 1, '2010-03-31', NULL),"
  " (901, 9, 1, '2011-04-18', NULL), (1001, 10, 1, '2011-04-18', NULL), (1101, 11, 1, '2011-04-18', NULL),"
  " (1301, 13, 1, '2013-04-16', NULL), (1401, 14, 1, '2013-04-10', NULL), (1501, 15, 1, '2013-04-16', NULL),"
  " (1601, 16, 1, '2011-10-20', NULL), (1701, 17, 1, '2011-11-25', '2011-12-01'),"
  " (1801, 18, 1, '2011-12-15', NULL), (1901, 19, 1, '2011-12-15', NULL),"
  " (2001, 20, 1, '2008-04-01', NULL), (2002, 20, 2, '2011-05-20', NULL),"
  " (2101, 21, 1, '2009-05-01', NULL), (2201, 22, 1, '2009-05-01', NULL),"
  " (2401, 24, 1, '2010-08-01', NULL), (2501, 25, 1, '2012-03-01', NULL),"
  " (2601, 26, 1, '2011-04-20', NULL), (2602, 26, 2, '2011-06-15', NULL),"
  " (2701, 27, 1, '2011-08-01', NULL);"

  /* Referrals. 2011-12: 102 (1 April, schools; child 1 was referred on
   * 15 June 2010, within 12 months: a re-referral), 202 (31 March 2012,
   * police; child 2's last referral was 30 March 2011, one day more than
   * 12 months before: not a re-referral), 501 and 502 (schools; 502 is a
   * re-referral of child 5) = 4 referrals (3 schools, 1 police), 2
   * re-referrals. 2010-11: 101, 201, 401 (31 March 2011, 17:00) = 3 (2
   * police, 1 schools), none a re-referral. 2012-13: 301 (1 April 2012, 00:05). */
  "INSERT INTO referrals (case_id, received_at, source_code) VALUES"
  " (102, '2011-04-01T09:00', '2A'), (101, '2010-06-15', '6'), (202, '2012-03-31T23:30', '6'),"
  " (201, '2011-03-30', '6'), (301, '2012-04-01T00:05', '3A'), (401, '2011-03-31T17:00', '2A'),"
  " (501, '2011-09-12', '2A'), (502, '2012-02-01', '2A');"

  /* Assessments, by the day they were authorised.
   * 2010-11, initial (from the referral): 601 referred 25 March 2010, 7
   * working days (before 1 April 2010): due 7 April (Easter) — done 7 April,
   * in time; 701 referred 1 April 2010, 10 working days: due 19 April — done
   * 19 April, in time; 801 referred 31 March 2010, 7 working days: due
   * 13 April — done 14 April, late (it would have been in time with 10).
   * = 3 initial, 2 in time.
   * 2011-12, initial: 901, 1001, 1101 referred Monday 18 April 2011; 10
   * working days past Easter and the royal wedding: due Friday 6 May (Monday
   * 2 May without the holidays). 901 done 6 May, in time; 1001 done 9 May,
   * late; 1101 done Saturday 7 May, after the due date, late. = 3, 1 in time.
   * Core (from its start, 35 working days): 901 and 1001 started 9 May 2011,
   * due 28 June: 901 done 28 June, in time; 1001 done 29 June, late. = 2, 1.
   * 2012-13: 301 (authorised 2 April 2012).
   * 2013-14: 1401 initial, referred 10 April 2013 (before WT2013): 10
   * working days, due 24 April — done 24 April, in time; 1301 and 1501
   * single assessments, referred 16 April 2013 (WT2013): 45 working days, due
   * 20 June — 1301 done 20 June, in time; 1501 done 21 June, late. */
  "INSERT INTO assessments (case_id, kind, started_on, authorised_on) VALUES"
  " (601, 'initial', '2010-03-25', '2010-04-07'), (701, 'initial', '2010-04-01', '2010-04-19'),"
  " (801, 'initial', '2010-03-31', '2010-04-14'),"
  " (901, 'initial', '2011-04-18', '2011-05-06'), (1001, 'initial', '2011-04-18', '2011-05-09'),"
  " (1101, 'initial', '2011-04-18', '2011-05-07'),"
  " (901, 'core', '2011-05-09', '2011-06-28'), (1001, 'core', '2011-05-09', '2011-06-29'),"
  " (301, 'initial', '2012-04-01', '2012-04-02'), (1601, 'single', '2011-10-20', NULL),"
  " (1401, 'initial', '2013-04-10', '2013-04-24'),"
  " (1301, 'single', '2013-04-16', '2013-06-20'), (1501, 'single', '2013-04-16', '2013-06-21');"

  "INSERT INTO strategy_discussions (id, case_id, held_at, s47_decision) VALUES"
  " (1, 102, '2011-04-04T10:00', 'joint'), (2, 501, '2011-09-13T11:00', 'single'),"
  " (3, 501, '2011-09-20T11:00', 'single'), (4, 1801, '2011-12-20T14:00', 'joint');"

  /* Section 47 enquiries started in 2011-12: 102, 501, 1601, 1801 and 502
   * (31 March 2012) = 5; 202's started 2 April 2012. */
  "INSERT INTO s47_enquiries (case_id, strategy_discussion_id, started_on, icpc_on) VALUES"
  " (102, 1, '2011-04-05', '2011-04-27'), (501, 2, '2011-09-13', '2011-10-05'),"
  " (1601, NULL, '2011-11-01', '2011-11-21'), (1801, 4, '2011-12-20', NULL),"
  " (502, NULL, '2012-03-31', NULL), (202, NULL, '2012-04-02', NULL);"

  /* Initial conferences in 2011-12, one per child: 102 on 27 April 2011
   * (recorded on the enquiry and as a conference: counted once); 501 on
   * 5 October; 1601 on 21 November; 1701 on 1 December (a transfer-in,
   * recorded at case level, no clock); 1801 and 1901 on 10 January 2012
   * (one conference for two children; 1901 has no strategy discussion or
   * enquiry recorded: no clock). = 6, 4 with a clock.
   * 15 working days: 102 from 4 April 2011, due 27 April (Easter) — in
   * time (25 April without the holidays); 501 from the last discussion,
   * 20 September (WT2010's setting), due 11 October — in time, but from the
   * discussion that initiated the enquiry, 13 September, due 4 October —
   * late; 1601 from the enquiry's start, 1 November (no discussion
   * recorded), due 22 November — in time; 1801 from 20 December, due
   * 13 January 2012 (Christmas and New Year) — in time. = 4 in time (3 with
   * the first discussion). */
  "INSERT INTO conferences (id, year, number, kind, held_at) VALUES"
  " (1, 2011, 1, 'initial', '2011-04-27T10:00'), (2, 2011, 2, 'initial', '2012-01-10T10:00');"
  "INSERT INTO conference_subjects (conference_id, case_id, plan_decision) VALUES"
  " (1, 102, 'start'), (2, 1801, 'start'), (2, 1901, 'start');"

  /* Plans. Started in 2011-12 (by the category at the start): 1 NEG, 2 MUL
   * with neglect and emotional abuse (multiple), 3 PHY recorded with sexual
   * abuse too (more than one category: multiple), 4 MUL only (multiple,
   * unspecified; one previous plan), 5 SAB, 6 EMO, 8 NEG (became multiple
   * later; child 20's second plan), 12 PHY (31 March 2012), 13 NEG and 14
   * EMO (child 26, two cases: 14 is a second plan), 15 NEG = 11: neglect 4,
   * physical 1, emotional 2, sexual 1, multiple 2, multiple unspecified 1;
   * second or later 3.
   * Ended in 2011-12 (by the latest category): 8 on 15 February 2012
   * (multiple), 9 on 10 June 2011 after exactly two years (emotional), 10 on
   * 10 June 2011 one day short of two years (neglect) = 3, 1 of two years or
   * more. Ended in 2010-11: 7 (neglect) and 11 on 31 March 2011 (physical).
   * On a plan at 31 March 2012, a child once: child 1 (neglect; ends
   * 1 April), 27 (neglect), 25 (physical), 19 (emotional), 18 (sexual), 5,
   * 16 and 26 (two plans of different categories) multiple, 17 multiple
   * unspecified = 9. At 31 March 2011: 21 (emotional), 22 (neglect) = 2 (11
   * ended that day). */
  "INSERT INTO cp_plans (id, case_id, started_on, ended_on, initial_category, latest_category,"
  " previous_plans) VALUES"
  " (1, 102, '2011-04-27', '2012-04-01', 'NEG', 'NEG', 0),"
  " (2, 501, '2011-10-05', NULL, 'MUL', 'MUL', 0),"
  " (3, 1601, '2011-11-21', NULL, 'PHY', 'PHY', 0),"
  " (4, 1701, '2011-12-01', NULL, 'MUL', 'MUL', 1),"
  " (5, 1801, '2012-01-10', NULL, 'SAB', 'SAB', 0),"
  " (6, 1901, '2012-01-10', NULL, 'EMO', 'EMO', 0),"
  " (7, 2001, '2008-05-01', '2010-06-30', 'NEG', 'NEG', 0),"
  " (8, 2002, '2011-06-01', '2012-02-15', 'NEG', 'MUL', 0),"
  " (9, 2101, '2009-06-10', '2011-06-10', 'EMO', 'EMO', 0),"
  " (10, 2201, '2009-06-11', '2011-06-10', 'NEG', 'NEG', 0),"
  " (11, 2401, '2010-09-01', '2011-03-31', 'PHY', 'PHY', 0),"
  " (12, 2501, '2012-03-31', NULL, 'PHY', 'PHY', 0),"
  " (13, 2601, '2011-05-01', NULL, 'NEG', 'NEG', 0),"
  " (14, 2602, '2011-07-01', NULL, 'EMO', 'EMO', 0),"
  " (15, 2701, '2011-08-31', NULL, 'NEG', 'NEG', 0);"
  "INSERT INTO cp_plan_categories (plan_id, category) VALUES"
  " (1, 'NEG'), (2, 'NEG'), (2, 'EMO'), (3, 'PHY'), (3, 'SAB'), (5, 'SAB'), (6, 'EMO'),"
  " (7, 'NEG'), (8, 'NEG'), (8, 'PHY'), (9, 'EMO'), (10, 'NEG'), (11, 'PHY'), (12, 'PHY'),"
  " (13, 'NEG'), (14, 'EMO'), (15, 'NEG');"

  /* Review conferences, for 31 March 2012. A plan counts when its first
   * review was due by then (3 months from its start). Plan 1 (27 April 2011):
   * due 27 July, held 27 July; due 27 January, held 20 January; next due
   * 20 July: on time. Plan 2 (5 October): due 5 January, held 6 January:
   * late. Plan 3 (21 November): due 21 February, none held: late. Plan 4
   * (1 December): due 1 March, held 28 February; next due 28 August: on
   * time. Plans 13 (1 May: due 1 August, held 29 July; due 29 January, held
   * 30 January: late) and 14 (1 July: due 1 October, held 30 September; due
   * 30 March, none held by 31 March: late), the same child. Plan 15
   * (31 August): due 30 November (the end of a shorter month), held
   * 1 December: late. Plans 5, 6 and 12 were not due yet. Children: 1, 5,
   * 16, 17, 26, 27 = 6, on time: 1 and 17 = 2. */
  "INSERT INTO cp_reviews (plan_id, review_on) VALUES"
  " (1, '2011-07-27'), (1, '2012-01-20'), (2, '2012-01-06'), (4, '2012-02-28'),"
  " (13, '2011-07-29'), (13, '2012-01-30'), (14, '2011-09-30'), (15, '2011-12-01');"

  /* Visits. 2011-12: child 1 seen twice, alone once; child 5 seen, not
   * alone; child 16 seen alone on 31 March 2012 at 16:00; child 19 not seen.
   * = 3 seen, 2 alone. Child 18's visit on 1 April 2012 is 2012-13; child
   * 4's on 31 March 2011 is 2010-11 (seen alone). */
  "INSERT INTO events (case_id, kind, occurred_at, child_seen, seen_alone) VALUES"
  " (102, 'home_visit', '2011-05-01T10:00', 1, 0), (102, 'home_visit', '2011-06-01T10:00', 1, 1),"
  " (501, 'home_visit', '2011-10-10T10:00', 1, 0), (1601, 'home_visit', '2012-03-31T16:00', 1, 1),"
  " (1801, 'home_visit', '2012-04-01T09:00', 1, 1), (1901, 'home_visit', '2011-12-20T10:00', 0, NULL),"
  " (401, 'home_visit', '2011-03-31T18:00', 1, 1);"

  /* Serious case reviews. SCR-2010-01: notified 20 April 2010, held from
   * 1 May 2010, completed 15 December 2010 (due 1 November: late).
   * SCR-2011-01: notified 10 May 2011, held from 1 June 2011, completed
   * 30 November 2011 (due 1 December: in time). SCR-2011-02: notified
   * 1 February 2012, held from 20 February 2012, in progress. SCR-2012-01:
   * notified 25 March 2012, considered, no decision yet.
   * 2011-12: considered 3, started 2, completed 1 (in time).
   * 2010-11: considered 1, started 1, completed 1 (late). */
  "INSERT INTO scrs (id, year, number, title, notified_on, decision, decision_on, stage, completed_on) VALUES"
  " (1, 2010, 1, 'Child X', '2010-04-20', 'hold', '2010-05-01', 'completed', '2010-12-15'),"
  " (2, 2011, 1, 'Child Y', '2011-05-10', 'hold', '2011-06-01', 'completed', '2011-11-30'),"
  " (3, 2011, 2, 'Child Z', '2012-02-01', 'hold', '2012-02-20', 'in_progress', NULL),"
  " (4, 2012, 1, 'Child W', '2012-03-25', NULL, NULL, 'considered', NULL);"
  "INSERT INTO scr_recommendations (id, scr_id, number, body) VALUES"
  " (1, 1, 1, 'Referral pathways'), (2, 2, 1, 'Neglect'), (3, 2, 2, 'Pre-birth planning'),"
  " (4, 3, 1, 'Immediate learning');"
  /* At 31 March 2012: AR10 (SCR-2011-01): action 3 complete (15 March),
   * action 4 in progress but due 28 February: overdue, action 5 not started
   * (its completion on 10 April 2012 is after the year). AR11 (SCR-2010-01):
   * action 1 was in progress on 31 March 2011 (outstanding) and complete by
   * 31 March 2012; action 2 was complete before the year (not listed). AR12
   * (SCR-2011-02): action 6 in progress. = complete 2, in progress 1, not
   * started 1, overdue 1.
   * At 31 March 2011: AR10 (SCR-2010-01): action 1 in progress, due
   * 1 March 2011: overdue; action 2 complete. = complete 1, overdue 1. */
  "INSERT INTO scr_actions (id, recommendation_id, action, responsible, due_on, status, completed_on) VALUES"
  " (1, 1, 'Audit the referral pathways', 'Head of Service', '2011-03-01', 'complete', '2011-06-01'),"
  " (2, 1, 'Refresh threshold training', 'Training Manager', '2011-01-31', 'complete', '2011-01-20'),"
  " (3, 2, 'Revise the neglect toolkit', 'Board Manager', '2012-01-31', 'complete', '2012-03-15'),"
  " (4, 2, 'Review health visitor caseloads', 'Health Trust', '2012-02-28', 'in_progress', NULL),"
  " (5, 3, 'Audit pre-birth plans', 'Quality Sub-group', '2012-06-30', 'complete', '2012-04-10'),"
  " (6, 4, 'Publish a learning briefing', 'Board Manager', '2012-09-30', 'in_progress', NULL);"
  "INSERT INTO scr_action_history (action_id, as_of, status, progress) VALUES"
  " (1, '2011-02-01', 'in_progress', 'Audit under way'), (1, '2011-06-01', 'complete', 'Audit reported'),"
  " (2, '2011-01-20', 'complete', 'Training refreshed'),"
  " (3, '2011-12-15', 'in_progress', 'Draft toolkit'), (3, '2012-03-15', 'complete', 'Toolkit issued'),"
  " (4, '2011-12-15', 'in_progress', 'Review started'),"
  " (5, '2012-04-10', 'complete', 'Audit done'),"
  " (6, '2012-03-20', 'in_progress', 'Briefing drafted');"

  /* Board meetings: two in 2011-12, one in 2012-13. Ann Chairwood (chair)
   * attended both; Bob Bluelight (police, joined 1 September 2011) sent
   * apologies to the one held while he was a member; Carol Layfield (lay
   * member, left 1 August 2011) attended the one held while she was one. */
  "INSERT INTO board_members (id, name, role, agency_id, lay_member, joined_on, left_on) VALUES"
  " (1, 'Ann Chairwood', 'Independent Chair', NULL, 0, '2009-01-01', NULL),"
  " (2, 'Bob Bluelight', 'Superintendent', 2, 0, '2011-09-01', NULL),"
  " (3, 'Carol Layfield', 'Parent', NULL, 1, '2010-01-01', '2011-08-01');"
  "INSERT INTO board_meetings (id, year, number, held_on) VALUES"
  " (1, 2011, 1, '2011-06-15'), (2, 2011, 2, '2011-10-12'), (3, 2012, 1, '2012-04-12');"
  "INSERT INTO meeting_attendance (meeting_id, name, attendance) VALUES"
  " (1, 'Ann Chairwood', 'present'), (1, 'Carol Layfield', 'present'),"
  " (2, 'Ann Chairwood', 'present'), (2, 'Bob Bluelight', 'apologies'),"
  " (3, 'Ann Chairwood', 'present');";

static void
entered_figures (CairnStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_priority_issue_free);
  CairnTrainingCourse course = { 0 };
  CairnPriorityIssue *issue;
  GDate sent;

  /* 2011-12: 20,000 children; contacts 40 from schools and 25 from the
   * police; 5 deaths notified, 4 reviewed (2 unexpected, 1 with modifiable
   * factors); 7 private fostering notifications (3 arrangements); two
   * courses (6 sessions, 110 attendees); contributions £60,000 + £20,000;
   * spending £5,000 + £25,000 + £10,000. 2010-11 has the board's own figure
   * (18,000) for its population and nothing else. */
  g_assert_true (cairn_store_set_child_population (store, 2011, 20000, "ONS mid-2011 estimate", &error));
  g_assert_true (cairn_store_set_contacts (store, 2011, "2A", 40, &error));
  g_assert_true (cairn_store_set_contacts (store, 2011, "6", 25, &error));
  g_assert_true (cairn_store_set_child_death_reviews (store, 2011, 5, 4, 2, 1, &error));
  g_assert_true (cairn_store_set_private_fostering (store, 2011, 7, 3, &error));
  course.title = (char *) "Working Together: multi-agency safeguarding";
  course.multi_agency = TRUE;
  course.sessions = 4;
  course.attendees = 80;
  g_assert_true (cairn_store_add_training_course (store, 2011, &course, &error));
  course.title = (char *) "Safer recruitment";
  course.multi_agency = FALSE;
  course.sessions = 2;
  course.attendees = 30;
  g_assert_true (cairn_store_add_training_course (store, 2011, &course, &error));
  g_assert_true (cairn_store_set_contribution (store, 2011, "CSC", 6000000, NULL, &error));
  g_assert_true (cairn_store_set_contribution (store, 2011, "POL", 2000000, "Meeting rooms", &error));
  g_assert_true (cairn_store_set_spending (store, 2011, CAIRN_SPENDING_CHILD_DEATH_REVIEWS, 500000, NULL, &error));
  g_assert_true (cairn_store_set_spending (store, 2011, CAIRN_SPENDING_CASE_REVIEWS, 2500000, NULL, &error));
  g_assert_true (cairn_store_set_spending (store, 2011, CAIRN_SPENDING_TRAINING, 1000000, NULL, &error));
  issue = g_new0 (CairnPriorityIssue, 1);
  issue->title = g_strdup ("Child sexual exploitation");
  issue->progress = g_strdup ("A multi-agency exploitation panel met monthly from September.");
  g_ptr_array_add (issues, issue);
  issue = g_new0 (CairnPriorityIssue, 1);
  issue->title = g_strdup ("Domestic violence");
  issue->progress = g_strdup ("");
  g_ptr_array_add (issues, issue);
  g_assert_true (cairn_store_set_priority_issues (store, 2011, issues, &error));
  cairn_date_set_ymd (&sent, 2012, 6, 20);
  g_assert_true (cairn_store_set_recipient (store, 2011, CAIRN_RECIPIENT_CHILDRENS_TRUST_BOARD,
                                            "Testshire Children's Trust Board", &sent, &error));
  g_assert_no_error (error);
}

/**
 * cairn_test_annual_fixture:
 *
 * Writes the board to a new database under the scratch directory.
 *
 * Returns: (transfer full): its path
 */
char *
cairn_test_annual_fixture (const char *name,
                           gboolean    accounts)
{
  char *path = cairn_test_scratch_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE,
                                                   &error);
  char *errmsg = NULL;

  g_assert_no_error (error);
  if (sqlite3_exec (cairn_store_get_db (store), fixture_sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("fixture: %s", errmsg);
  if (accounts)
    {
      static const struct
      {
        const char *name;
        CairnRole role;
        const char *team;
      } users[] = {
        { "chair", CAIRN_ROLE_CHAIR, "" },
        { "manager", CAIRN_ROLE_BUSINESS_MANAGER, "" },
        { "practitioner", CAIRN_ROLE_PRACTITIONER, "East" },
        { "auditor", CAIRN_ROLE_AUDITOR, "" },
      };
      for (gsize i = 0; i < G_N_ELEMENTS (users); i++)
        {
          g_assert_true (cairn_store_add_user (store, users[i].name, users[i].name, users[i].role,
                                               users[i].team, FIX_ANNUAL_PASSWORD, &error));
          g_assert_no_error (error);
          if (i == 0)
            {
              g_assert_true (cairn_store_login (store, "chair", FIX_ANNUAL_PASSWORD, &error));
              g_assert_no_error (error);
            }
        }
    }
  entered_figures (store);
  return path;
}

/* Opens the fixture, signed in as @user when not %NULL. */
CairnStore *
cairn_test_annual_open (const char *path,
                        const char *user)
{
  g_autoptr (GError) error = NULL;
  CairnStore *store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  if (user != NULL)
    {
      g_assert_true (cairn_store_login (store, user, FIX_ANNUAL_PASSWORD, &error));
      g_assert_no_error (error);
    }
  return store;
}
