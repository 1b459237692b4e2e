/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cairn-case.h"
#include "cairn-child.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-ref.h"
#include "cairn-validate.h"

static GDate
date (const char *text)
{
  GDate d;
  g_autoptr (GError) error = NULL;

  g_assert_true (cairn_date_parse ("test", text, &d, &error));
  g_assert_no_error (error);
  return d;
}

static void
test_date_parse (void)
{
  GDate d;
  int minute;
  g_autoptr (GError) error = NULL;
  g_autofree char *s = NULL;

  g_assert_true (cairn_date_parse ("--from", "2012-02-29", &d, NULL));
  s = cairn_date_to_string (&d);
  g_assert_cmpstr (s, ==, "2012-02-29");

  g_assert_false (cairn_date_parse ("--from", "2011-02-30", &d, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "--from: \"2011-02-30\" is not a date (YYYY-MM-DD)");
  g_clear_error (&error);

  g_assert_false (cairn_date_parse ("--from", "2011-2-3", &d, &error));
  g_assert_nonnull (strstr (error->message, "\"2011-2-3\""));
  g_clear_error (&error);
  g_assert_false (cairn_date_parse ("--from", "2011-13-01", &d, NULL));
  g_assert_false (cairn_date_parse ("--from", "2011-01-01x", &d, NULL));
  g_assert_false (cairn_date_parse ("Date", "", &d, &error));
  g_assert_cmpstr (error->message, ==, "Date: a date is required");
  g_clear_error (&error);

  g_assert_true (cairn_timestamp_parse ("at", "2011-03-04T09:30", &d, &minute, NULL));
  g_assert_cmpint (minute, ==, 9 * 60 + 30);
  g_assert_true (cairn_timestamp_parse ("at", "2011-03-04", &d, &minute, NULL));
  g_assert_cmpint (minute, ==, CAIRN_NO_TIME);
  g_assert_false (cairn_timestamp_parse ("at", "2011-03-04T24:00", &d, &minute, &error));
  g_assert_nonnull (strstr (error->message, "is not a date and time"));
}

/* A date after today is refused, naming the field and both dates; today
 * itself, an unset date and a check without a today pass. */
static void
test_date_not_after (void)
{
  GDate today, d, unset;
  g_autoptr (GError) error = NULL;

  cairn_date_set_ymd (&today, 2012, 6, 1);
  cairn_date_clear (&unset);
  cairn_date_set_ymd (&d, 2012, 6, 2);
  g_assert_false (cairn_date_check_not_after ("Date of review", &d, &today, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Date of review: 2012-06-02 is after today (2012-06-01)");
  g_clear_error (&error);
  g_assert_true (cairn_date_check_not_after ("Date of review", &d, NULL, &error));
  g_assert_true (cairn_date_check_not_after ("Date of review", &unset, &today, &error));
  g_assert_true (cairn_date_check_not_after ("Date of review", &today, &today, &error));
  g_assert_no_error (error);
}

static void
test_date_today (void)
{
  GDate d;
  g_autoptr (GError) error = NULL;
  g_autofree char *s = NULL;

  g_setenv ("CAIRN_TODAY", "2012-06-01", TRUE);
  g_assert_true (cairn_today_from_env (&d, NULL));
  s = cairn_date_to_string (&d);
  g_assert_cmpstr (s, ==, "2012-06-01");

  g_setenv ("CAIRN_TODAY", "1 June 2012", TRUE);
  g_assert_false (cairn_today_from_env (&d, &error));
  g_assert_cmpstr (error->message, ==, "CAIRN_TODAY: \"1 June 2012\" is not a date (YYYY-MM-DD)");
  g_unsetenv ("CAIRN_TODAY");
}

static void
test_years (void)
{
  int first, last;
  GDate a, b;
  g_autoptr (GError) error = NULL;
  g_autofree char *s = NULL;

  g_assert_true (cairn_year_parse ("--year", "2011-12", &first, NULL));
  g_assert_cmpint (first, ==, 2011);
  cairn_year_bounds (first, &a, &b);
  s = cairn_date_to_string (&b);
  g_assert_cmpstr (s, ==, "2012-03-31");
  g_assert_false (cairn_year_parse ("--year", "2011-13", &first, &error));
  g_assert_cmpstr (error->message, ==,
                   "--year: \"2011-13\" is not a reporting year (YYYY-YY, for example 2011-12)");
  g_assert_true (cairn_year_range_parse ("--years", "2009-10..2013-14", &first, &last, NULL));
  g_assert_cmpint (first, ==, 2009);
  g_assert_cmpint (last, ==, 2013);
  g_assert_false (cairn_year_range_parse ("--years", "2013-14..2009-10", &first, &last, NULL));

  a = date ("2012-03-31");
  g_assert_cmpint (cairn_year_of_date (&a), ==, 2011);
  a = date ("2012-04-01");
  g_assert_cmpint (cairn_year_of_date (&a), ==, 2012);
}

static void
test_nhs_number (void)
{
  g_autoptr (GError) error = NULL;

  /* 943 476 5919 is the NHS's published example of a valid number. */
  g_assert_true (cairn_nhs_number_validate ("NHS number", "9434765919", NULL));
  g_assert_true (cairn_nhs_number_validate ("NHS number", "943 476 5919", NULL));
  g_assert_false (cairn_nhs_number_validate ("NHS number", "9434765918", &error));
  g_assert_cmpstr (error->message, ==, "NHS number: \"9434765918\" fails the NHS number check digit");
  g_clear_error (&error);
  g_assert_false (cairn_nhs_number_validate ("NHS number", "94347659", &error));
  g_assert_cmpstr (error->message, ==, "NHS number: \"94347659\" is not an NHS number (10 digits)");
  g_clear_error (&error);
  g_assert_false (cairn_nhs_number_validate ("NHS number", "94347659AB", NULL));
  /* A remainder giving check digit 10 has no valid number. */
  g_assert_cmpint (cairn_nhs_number_check_digit ("999000000"), ==, 'X');
}

static void
test_refs (void)
{
  CairnRef ref;
  g_autoptr (GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  g_assert_true (cairn_ref_parse ("--case", "C-000123/2", CAIRN_REF_CASE, &ref, NULL));
  g_assert_cmpint (ref.number, ==, 123);
  g_assert_cmpint (ref.case_number, ==, 2);
  a = cairn_ref_format (&ref);
  g_assert_cmpstr (a, ==, "C-000123/2");

  g_assert_true (cairn_ref_parse ("--child", "C-000123", CAIRN_REF_CHILD, &ref, NULL));
  b = cairn_ref_format (&ref);
  g_assert_cmpstr (b, ==, "C-000123");

  g_assert_true (cairn_ref_parse ("--conference", "CF-2011-0042", CAIRN_REF_CONFERENCE, &ref, NULL));
  g_assert_cmpint (ref.year, ==, 2011);
  g_assert_cmpint (ref.number, ==, 42);
  c = cairn_ref_format (&ref);
  g_assert_cmpstr (c, ==, "CF-2011-0042");

  g_assert_true (cairn_ref_parse ("--scr", "SCR-2011-01", CAIRN_REF_SCR, &ref, NULL));
  d = cairn_ref_format (&ref);
  g_assert_cmpstr (d, ==, "SCR-2011-01");

  g_assert_false (cairn_ref_parse ("--child", "123", CAIRN_REF_CHILD, &ref, &error));
  g_assert_cmpstr (error->message, ==, "--child: \"123\" is not a reference of the form C-000123");
  g_clear_error (&error);
  g_assert_false (cairn_ref_parse ("--case", "C-000000/1", CAIRN_REF_CASE, &ref, NULL));
  /* A millionth child has seven digits; padding beyond six is refused. */
  g_assert_true (cairn_ref_parse ("--child", "C-1000000", CAIRN_REF_CHILD, &ref, NULL));
  g_assert_cmpint (ref.number, ==, 1000000);
  g_assert_false (cairn_ref_parse ("--child", "C-0000123", CAIRN_REF_CHILD, &ref, NULL));
  g_assert_false (cairn_ref_parse ("--case", "C-00012/1", CAIRN_REF_CASE, &ref, NULL));
  g_assert_false (cairn_ref_parse ("--meeting", "BM-2012-3", CAIRN_REF_MEETING, &ref, NULL));
}

static CairnChild *
valid_child (void)
{
  CairnChild *child = cairn_child_new ();

  child->given_name = g_strdup ("Amelia");
  child->family_name = g_strdup ("Testperson");
  child->date_of_birth = date ("2008-05-14");
  g_free (child->sex);
  child->sex = g_strdup ("F");
  return child;
}

static void
test_child_validation (void)
{
  GDate today = date ("2012-06-01");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnChild) child = valid_child ();

  g_assert_true (cairn_child_validate (child, &today, &error));
  g_assert_no_error (error);

  /* Family name required. */
  g_clear_pointer (&child->family_name, g_free);
  child->family_name = g_strdup ("  ");
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Family name: is required");
  g_clear_error (&error);
  g_free (child->family_name);
  child->family_name = g_strdup ("Testperson");

  /* Birth in the future. */
  child->date_of_birth = date ("2012-06-02");
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Date of birth: 2012-06-02 is after today (2012-06-01)");
  g_clear_error (&error);

  /* Neither birth nor expected birth. */
  cairn_date_clear (&child->date_of_birth);
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==,
                   "Date of birth: a date of birth or an expected date of birth is required");
  g_clear_error (&error);

  /* Unborn: an expected date in the future is fine. */
  child->expected_birth_date = date ("2012-09-01");
  g_assert_true (cairn_child_validate (child, &today, NULL));
  g_assert_true (cairn_child_is_unborn (child));
  child->date_of_birth = date ("2008-05-14");

  /* Death before birth. */
  child->date_of_death = date ("2008-05-13");
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Date of death: 2008-05-13 is before the date of birth (2008-05-14)");
  g_clear_error (&error);
  cairn_date_clear (&child->date_of_death);

  /* Bad NHS number. */
  child->nhs_number = g_strdup ("9434765918");
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==, "NHS number: \"9434765918\" fails the NHS number check digit");
  g_clear_error (&error);
  g_free (child->nhs_number);
  child->nhs_number = g_strdup ("943 476 5919");
  g_assert_true (cairn_child_validate (child, &today, NULL));
  g_assert_cmpstr (child->nhs_number, ==, "9434765919");

  /* Enumerations. */
  g_free (child->sex);
  child->sex = g_strdup ("X");
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Sex: \"X\" is not a known code");
  g_clear_error (&error);
  g_free (child->sex);
  child->sex = g_strdup ("M");

  child->ethnicity = g_strdup ("WXYZ");
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Ethnicity: \"WXYZ\" is not a known code");
  g_clear_error (&error);
  g_free (child->ethnicity);
  child->ethnicity = g_strdup ("WBRI");

  g_ptr_array_add (child->disabilities, g_strdup ("NONE"));
  g_ptr_array_add (child->disabilities, g_strdup ("MOB"));
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Disability: \"NONE\" cannot be recorded with other disabilities");
  g_clear_error (&error);
  g_ptr_array_remove_index (child->disabilities, 0);
  g_ptr_array_add (child->disabilities, g_strdup ("WINGS"));
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Disability: \"WINGS\" is not a known code");
  g_clear_error (&error);
  g_ptr_array_set_size (child->disabilities, 1);

  /* UPN: A + 11 digits + check; a wrong check letter is refused. */
  child->upn = g_strdup ("B201234567890");
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==, "UPN: \"B201234567890\" has the wrong check letter");
  g_clear_error (&error);
  child->upn[0] = cairn_upn_check_letter (child->upn);
  g_assert_true (cairn_child_validate (child, &today, &error));
  g_assert_no_error (error);
  child->upn_unknown = g_strdup ("UN9");
  g_assert_false (cairn_child_validate (child, &today, &error));
  g_assert_cmpstr (error->message, ==, "UPN unknown reason: \"UN9\" is not a known code");
}

static void
test_referral_validation (void)
{
  GDate today = date ("2012-06-01");
  g_autoptr (CairnChild) child = cairn_child_new ();
  g_autoptr (CairnReferral) referral = cairn_referral_new ();
  g_autoptr (GError) error = NULL;

  child->family_name = g_strdup ("Testperson");
  child->expected_birth_date = date ("2012-10-01");

  g_assert_false (cairn_referral_validate (referral, child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Referral date: a date is required");
  g_clear_error (&error);

  /* 280 days before the expected date is allowed; 281 is not. */
  referral->received_on = date ("2012-10-01");
  g_date_subtract_days (&referral->received_on, 280);
  g_assert_true (cairn_referral_validate (referral, child, &today, &error));
  g_assert_no_error (error);
  g_date_subtract_days (&referral->received_on, 1);
  g_assert_false (cairn_referral_validate (referral, child, &today, &error));
  g_assert_cmpstr (error->message, ==,
                   "Referral date: 2011-12-25 is 281 days before the expected date of birth "
                   "2012-10-01 (at most 280 days are allowed)");
  g_clear_error (&error);

  referral->received_on = date ("2012-06-02");
  g_assert_false (cairn_referral_validate (referral, child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Referral date: 2012-06-02 is after today (2012-06-01)");
  g_clear_error (&error);

  referral->received_on = date ("2012-05-01");
  referral->source_code = g_strdup ("11");
  g_assert_false (cairn_referral_validate (referral, child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Referral source: \"11\" is not a known code");
  g_clear_error (&error);
  g_free (referral->source_code);
  referral->source_code = g_strdup ("2A");
  referral->primary_need_code = g_strdup ("N10");
  g_assert_false (cairn_referral_validate (referral, child, &today, &error));
  g_assert_cmpstr (error->message, ==, "Primary need: \"N10\" is not a known code");
  g_clear_error (&error);
  g_free (referral->primary_need_code);
  referral->primary_need_code = g_strdup ("N1");
  g_assert_true (cairn_referral_validate (referral, child, &today, NULL));
}

static void
test_event_validation (void)
{
  GDate today = date ("2012-06-01");
  g_autoptr (CairnEvent) event = cairn_event_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (cairn_event_validate (event, &today, &error));
  g_assert_cmpstr (error->message, ==, "Event: what happened is required");
  g_clear_error (&error);

  event->kind = g_strdup ("teleportation");
  g_assert_false (cairn_event_validate (event, &today, &error));
  g_assert_cmpstr (error->message, ==, "Event: \"teleportation\" is not a known code");
  g_clear_error (&error);
  g_free (event->kind);
  event->kind = g_strdup ("home_visit");

  g_assert_false (cairn_event_validate (event, &today, &error));
  g_assert_cmpstr (error->message, ==, "Date: a date is required");
  g_clear_error (&error);

  event->date = date ("2012-06-05");
  g_assert_false (cairn_event_validate (event, &today, &error));
  g_assert_cmpstr (error->message, ==, "Date: 2012-06-05 is after today (2012-06-01)");
  g_clear_error (&error);
  event->planned = TRUE;
  g_assert_true (cairn_event_validate (event, &today, NULL));

  event->planned = FALSE;
  event->date = date ("2012-05-05");
  event->child_seen = 0;
  event->seen_alone = 1;
  g_assert_false (cairn_event_validate (event, &today, &error));
  g_assert_cmpstr (error->message, ==, "Seen alone: the child cannot be seen alone without being seen");
  g_clear_error (&error);
  event->child_seen = 1;
  g_assert_true (cairn_event_validate (event, &today, NULL));
}

static void
test_codes (void)
{
  gsize n;
  const CairnCode *codes = cairn_codes_get (CAIRN_CODES_CATEGORY, &n);

  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (codes[4].code, ==, "MUL");
  g_assert_cmpstr (cairn_codes_label (CAIRN_CODES_CATEGORY, "NEG"), ==, "Neglect");
  g_assert_true (cairn_codes_contains (CAIRN_CODES_REFERRAL_SOURCE, "10"));
  g_assert_false (cairn_codes_contains (CAIRN_CODES_REFERRAL_SOURCE, "11"));
}

/* What a child is called on screen: name, "Unborn" with the family name,
 * or, for a census record that carries no names, the council's ID. */
static void
test_child_display_name (void)
{
  g_autoptr (CairnChild) child = cairn_child_new ();
  g_autofree char *full = NULL, *unborn = NULL, *census = NULL, *nothing = NULL;

  child->given_name = g_strdup ("Amelia");
  child->family_name = g_strdup ("Testperson");
  full = cairn_child_dup_display_name (child);
  g_assert_cmpstr (full, ==, "Amelia Testperson");

  g_clear_pointer (&child->given_name, g_free);
  cairn_date_parse ("expected", "2014-06-01", &child->expected_birth_date, NULL);
  unborn = cairn_child_dup_display_name (child);
  g_assert_cmpstr (unborn, ==, "Unborn Testperson");

  g_clear_pointer (&child->family_name, g_free);
  child->la_child_id = g_strdup ("CS0000042");
  census = cairn_child_dup_display_name (child);
  g_assert_cmpstr (census, ==, "Child CS0000042 (no name recorded)");

  g_clear_pointer (&child->la_child_id, g_free);
  nothing = cairn_child_dup_display_name (child);
  g_assert_cmpstr (nothing, ==, "No name recorded");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/core/date/parse", test_date_parse);
  g_test_add_func ("/cairn/core/date/today", test_date_today);
  g_test_add_func ("/cairn/core/date/not-after", test_date_not_after);
  g_test_add_func ("/cairn/core/date/years", test_years);
  g_test_add_func ("/cairn/core/nhs-number", test_nhs_number);
  g_test_add_func ("/cairn/core/refs", test_refs);
  g_test_add_func ("/cairn/core/child-display-name", test_child_display_name);
  g_test_add_func ("/cairn/core/codes", test_codes);
  g_test_add_func ("/cairn/core/validate/child", test_child_validation);
  g_test_add_func ("/cairn/core/validate/referral", test_referral_validation);
  g_test_add_func ("/cairn/core/validate/event", test_event_validation);

  return g_test_run ();
}
