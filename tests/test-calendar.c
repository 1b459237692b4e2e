/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cairn-calendar.h"
#include "cairn-data.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-test-utils.h"

/* The working-day calendar. Every expected date below was worked out by hand
 * from a printed calendar and timescales-verified.md §4.3, never by calling
 * the code under test. */

/* timescales-verified.md §4.3, row by row as printed there. */
static const struct
{
  int year;
  const char *days;
} register_table[] = {
  { 2000, "3 Jan [s], 21 Apr, 24 Apr, 1 May, 29 May, 28 Aug, 25 Dec, 26 Dec" },
  { 2001, "1 Jan, 13 Apr, 16 Apr, 7 May, 28 May, 27 Aug, 25 Dec, 26 Dec" },
  { 2002, "1 Jan, 29 Mar, 1 Apr, 6 May, 3 Jun [x], 4 Jun [m], 26 Aug, 25 Dec, 26 Dec" },
  { 2003, "1 Jan, 18 Apr, 21 Apr, 5 May, 26 May, 25 Aug, 25 Dec, 26 Dec" },
  { 2004, "1 Jan, 9 Apr, 12 Apr, 3 May, 31 May, 30 Aug, 27 Dec [s], 28 Dec [s]" },
  { 2005, "3 Jan [s], 25 Mar, 28 Mar, 2 May, 30 May, 29 Aug, 26 Dec, 27 Dec [s]" },
  { 2006, "2 Jan [s], 14 Apr, 17 Apr, 1 May, 29 May, 28 Aug, 25 Dec, 26 Dec" },
  { 2007, "1 Jan, 6 Apr, 9 Apr, 7 May, 28 May, 27 Aug, 25 Dec, 26 Dec" },
  { 2008, "1 Jan, 21 Mar, 24 Mar, 5 May, 26 May, 25 Aug, 25 Dec, 26 Dec" },
  { 2009, "1 Jan, 10 Apr, 13 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec [s]" },
  { 2010, "1 Jan, 2 Apr, 5 Apr, 3 May, 31 May, 30 Aug, 27 Dec [s], 28 Dec [s]" },
  { 2011, "3 Jan [s], 22 Apr, 25 Apr, 29 Apr [x], 2 May, 30 May, 29 Aug, 26 Dec, 27 Dec [s]" },
  { 2012, "2 Jan [s], 6 Apr, 9 Apr, 7 May, 4 Jun [m], 5 Jun [x], 27 Aug, 25 Dec, 26 Dec" },
  { 2013, "1 Jan, 29 Mar, 1 Apr, 6 May, 27 May, 26 Aug, 25 Dec, 26 Dec" },
  { 2014, "1 Jan, 18 Apr, 21 Apr, 5 May, 26 May, 25 Aug, 25 Dec, 26 Dec" },
  { 2015, "1 Jan, 3 Apr, 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec [s]" },
  { 2016, "1 Jan, 25 Mar, 28 Mar, 2 May, 30 May, 29 Aug, 26 Dec, 27 Dec [s]" },
  { 2017, "2 Jan [s], 14 Apr, 17 Apr, 1 May, 29 May, 28 Aug, 25 Dec, 26 Dec" },
  { 2018, "1 Jan, 30 Mar, 2 Apr, 7 May, 28 May, 27 Aug, 25 Dec, 26 Dec" },
  { 2019, "1 Jan, 19 Apr, 22 Apr, 6 May, 27 May, 26 Aug, 25 Dec, 26 Dec" },
  { 2020, "1 Jan, 10 Apr, 13 Apr, 8 May [m], 25 May, 31 Aug, 25 Dec, 28 Dec [s]" },
  { 2021, "1 Jan, 2 Apr, 5 Apr, 3 May, 31 May, 30 Aug, 27 Dec [s], 28 Dec [s]" },
  { 2022, "3 Jan [s], 15 Apr, 18 Apr, 2 May, 2 Jun [m], 3 Jun [x], 29 Aug, 19 Sep [x], 26 Dec, 27 Dec [s]" },
  { 2023, "2 Jan [s], 7 Apr, 10 Apr, 1 May, 8 May [x], 29 May, 28 Aug, 25 Dec, 26 Dec" },
  { 2024, "1 Jan, 29 Mar, 1 Apr, 6 May, 27 May, 26 Aug, 25 Dec, 26 Dec" },
  { 2025, "1 Jan, 18 Apr, 21 Apr, 5 May, 26 May, 25 Aug, 25 Dec, 26 Dec" },
  { 2026, "1 Jan, 3 Apr, 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec [s]" },
  { 2027, "1 Jan, 26 Mar, 29 Mar, 3 May, 31 May, 30 Aug, 27 Dec [s], 28 Dec [s]" },
  { 2028, "3 Jan [s], 14 Apr, 17 Apr, 1 May, 29 May, 28 Aug, 25 Dec, 26 Dec" },
  { 2029, "1 Jan, 30 Mar, 2 Apr, 7 May, 28 May, 27 Aug, 25 Dec, 26 Dec" },
  { 2030, "1 Jan, 19 Apr, 22 Apr, 6 May, 27 May, 26 Aug, 25 Dec, 26 Dec" },
};

static CairnCalendar *
load_calendar (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = cairn_data_find_file (CAIRN_CALENDAR_FILE, &error);
  CairnCalendar *calendar;

  g_assert_no_error (error);
  calendar = cairn_calendar_new_from_file (path, &error);
  g_assert_no_error (error);
  return calendar;
}

static void
date_from (GDate      *date,
           const char *text)
{
  g_autoptr (GError) error = NULL;

  cairn_date_parse ("test", text, date, &error);
  g_assert_no_error (error);
}

static char *
add_wd (CairnCalendar *calendar,
        const char    *from,
        int            n)
{
  g_autoptr (GError) error = NULL;
  GDate d, out;

  date_from (&d, from);
  g_assert_true (cairn_calendar_add_working_days (calendar, &d, n, &out, &error));
  g_assert_no_error (error);
  return cairn_date_to_string (&out);
}

#define assert_add_wd(cal, from, n, expected)                                                      \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *got_ = add_wd ((cal), (from), (n));                                           \
    g_assert_cmpstr (got_, ==, (expected));                                                        \
  }                                                                                                \
  G_STMT_END

static gboolean
is_working (CairnCalendar *calendar,
            const char    *text)
{
  g_autoptr (GError) error = NULL;
  gboolean working = FALSE;
  GDate d;

  date_from (&d, text);
  g_assert_true (cairn_calendar_is_working_day (calendar, &d, &working, &error));
  g_assert_no_error (error);
  return working;
}

/* Every date of §4.3, and no other: the file lists exactly the register's
 * days for each year, and each of them is not a working day. */
static void
test_register_list (void)
{
  g_autoptr (CairnCalendar) calendar = load_calendar ();
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  guint total = 0;

  g_assert_cmpint (cairn_calendar_get_first_year (calendar), ==, 2000);
  g_assert_cmpint (cairn_calendar_get_last_year (calendar), ==, 2030);
  g_assert_cmpuint (G_N_ELEMENTS (register_table), ==, 31);
  for (gsize i = 0; i < G_N_ELEMENTS (register_table); i++)
    {
      g_auto (GStrv) items = g_strsplit (register_table[i].days, ", ", -1);
      g_autoptr (GArray) listed = cairn_calendar_list_holidays (calendar, register_table[i].year);
      guint n = g_strv_length (items);

      g_assert_cmpint (register_table[i].year, ==, 2000 + (int) i);
      g_assert_cmpuint (listed->len, ==, n);
      for (guint k = 0; k < n; k++)
        {
          g_auto (GStrv) parts = g_strsplit (items[k], " ", 3);
          const CairnHoliday *h = &g_array_index (listed, CairnHoliday, k);
          int month = 0;
          char buf[11];
          CairnHolidayMark mark = CAIRN_HOLIDAY_USUAL;

          for (int m = 0; m < 12; m++)
            if (g_strcmp0 (parts[1], months[m]) == 0)
              month = m + 1;
          g_assert_cmpint (month, >, 0);
          if (g_strcmp0 (parts[2], "[s]") == 0)
            mark = CAIRN_HOLIDAY_SUBSTITUTE;
          else if (g_strcmp0 (parts[2], "[m]") == 0)
            mark = CAIRN_HOLIDAY_MOVED;
          else if (g_strcmp0 (parts[2], "[x]") == 0)
            mark = CAIRN_HOLIDAY_ONE_OFF;
          g_assert_cmpint (g_date_get_year (&h->date), ==, register_table[i].year);
          g_assert_cmpint (g_date_get_month (&h->date), ==, month);
          g_assert_cmpint (g_date_get_day (&h->date), ==, atoi (parts[0]));
          g_assert_cmpint (h->mark, ==, mark);
          cairn_date_format_into (&h->date, buf);
          g_assert_false (is_working (calendar, buf));
          total++;
        }
    }
  /* Eight a year; nine in 2002, 2011, 2012 and 2023; ten in 2022. */
  g_assert_cmpuint (total, ==, 31 * 8 + 4 + 2);
}

/* The test cases §4.3 names. */
static void
test_register_cases (void)
{
  g_autoptr (CairnCalendar) calendar = load_calendar ();

  g_assert_true (is_working (calendar, "2002-05-27"));
  g_assert_false (is_working (calendar, "2002-06-04"));
  g_assert_false (is_working (calendar, "2011-04-29"));
  g_assert_false (is_working (calendar, "2012-06-05"));
  g_assert_false (is_working (calendar, "2020-05-08"));
  g_assert_false (is_working (calendar, "2022-06-02"));
  g_assert_false (is_working (calendar, "2022-09-19"));
  g_assert_true (is_working (calendar, "2020-05-04"));
  g_assert_true (is_working (calendar, "2022-05-30"));
  /* Weekends are never working days. */
  g_assert_false (is_working (calendar, "2011-03-05"));
  g_assert_false (is_working (calendar, "2011-03-06"));
  g_assert_true (is_working (calendar, "2011-03-07"));
}

/* 2011 began on a Saturday: 52 weeks and a day, 260 weekdays, 9 holidays. */
static void
test_count_year (void)
{
  g_autoptr (CairnCalendar) calendar = load_calendar ();
  g_autoptr (GError) error = NULL;
  GDate a, b;
  int n = 0;

  date_from (&a, "2010-12-31");
  date_from (&b, "2011-12-31");
  g_assert_true (cairn_calendar_count_working_days (calendar, &a, &b, &n, &error));
  g_assert_cmpint (n, ==, 251);
  g_assert_true (cairn_calendar_count_working_days (calendar, &b, &a, &n, &error));
  g_assert_cmpint (n, ==, -251);
  /* Remaining on the due date is 0; the next working day is 1 overdue. */
  date_from (&a, "2011-04-21");
  date_from (&b, "2011-04-26");
  g_assert_true (cairn_calendar_count_working_days (calendar, &a, &b, &n, &error));
  g_assert_cmpint (n, ==, 1);
  g_assert_true (cairn_calendar_count_working_days (calendar, &b, &b, &n, &error));
  g_assert_cmpint (n, ==, 0);
}

static void
test_add_working_days (void)
{
  g_autoptr (CairnCalendar) calendar = load_calendar ();

  /* W10-04 either side of 1 April 2010 (Good Friday 2 April, Easter Monday 5 April). */
  assert_add_wd (calendar, "2010-03-31", 7, "2010-04-13");
  assert_add_wd (calendar, "2010-04-01", 10, "2010-04-19");
  /* Easter and the royal wedding, 2011. */
  assert_add_wd (calendar, "2011-04-21", 1, "2011-04-26");
  assert_add_wd (calendar, "2011-04-21", 3, "2011-04-28");
  assert_add_wd (calendar, "2011-04-21", 4, "2011-05-03");
  /* Christmas on a Saturday: 27 and 28 December 2010 are substitute days. */
  assert_add_wd (calendar, "2010-12-24", 1, "2010-12-29");
  /* The 2002 move: 27 May a working day, 3 and 4 June holidays. */
  assert_add_wd (calendar, "2002-05-24", 1, "2002-05-27");
  assert_add_wd (calendar, "2002-05-31", 1, "2002-06-05");
  /* 2012 jubilee, 2020 VE Day, 2022 jubilee and state funeral, 2023 coronation. */
  assert_add_wd (calendar, "2012-06-01", 1, "2012-06-06");
  assert_add_wd (calendar, "2020-05-01", 1, "2020-05-04");
  assert_add_wd (calendar, "2020-05-07", 1, "2020-05-11");
  assert_add_wd (calendar, "2022-05-27", 1, "2022-05-30");
  assert_add_wd (calendar, "2022-06-01", 1, "2022-06-06");
  assert_add_wd (calendar, "2022-09-16", 1, "2022-09-20");
  assert_add_wd (calendar, "2023-05-05", 1, "2023-05-09");
  /* A Saturday start: the first working day after it is day 1. */
  assert_add_wd (calendar, "2011-03-05", 1, "2011-03-07");
  assert_add_wd (calendar, "2011-03-05", 2, "2011-03-08");
  /* N = 0: the day itself when a working day, else the next one. */
  assert_add_wd (calendar, "2011-03-07", 0, "2011-03-07");
  assert_add_wd (calendar, "2011-03-05", 0, "2011-03-07");
  assert_add_wd (calendar, "2011-04-29", 0, "2011-05-03");
  /* Across a year end: New Year's Day 2011 was a Saturday (3 January substitute). */
  assert_add_wd (calendar, "2010-12-29", 3, "2011-01-04");
}

static void
test_outside_range (void)
{
  g_autoptr (CairnCalendar) calendar = load_calendar ();
  g_autoptr (GError) error = NULL;
  GDate d, out;

  date_from (&d, "2030-12-20");
  g_assert_false (cairn_calendar_add_working_days (calendar, &d, 10, &out, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "outside the bank holiday calendar (2000 to 2030"));
  g_clear_error (&error);
  date_from (&d, "1999-12-31");
  g_assert_false (cairn_calendar_add_working_days (calendar, &d, 1, &out, &error));
  g_assert_nonnull (strstr (error->message, "1999-12-31 is outside the bank holiday calendar"));
  g_clear_error (&error);
  date_from (&d, "2030-12-20");
  g_assert_false (cairn_calendar_add_working_days (calendar, &d, -1, &out, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
}

static char *
add_months (const char *from,
            int         n)
{
  GDate d, out;

  date_from (&d, from);
  cairn_date_add_calendar_months (&d, n, &out);
  return cairn_date_to_string (&out);
}

#define assert_add_months(from, n, expected)                                                       \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *got_ = add_months ((from), (n));                                              \
    g_assert_cmpstr (got_, ==, (expected));                                                        \
  }                                                                                                \
  G_STMT_END

/* Calendar months keep the day of the month, or take the last day of a
 * shorter month. */
static void
test_months (void)
{
  assert_add_months ("2011-01-31", 1, "2011-02-28");
  assert_add_months ("2012-01-31", 1, "2012-02-29");
  assert_add_months ("2011-08-31", 3, "2011-11-30");
  assert_add_months ("2011-12-31", 2, "2012-02-29");
  assert_add_months ("2010-12-31", 2, "2011-02-28");
  assert_add_months ("2011-03-31", 6, "2011-09-30");
  assert_add_months ("2011-11-30", 3, "2012-02-29");
  assert_add_months ("2011-05-15", 3, "2011-08-15");
  assert_add_months ("2011-10-31", 6, "2012-04-30");
  assert_add_months ("2012-02-29", 12, "2013-02-28");
}

static char *
add_hours (const char *from,
           int         hours)
{
  g_autoptr (GError) error = NULL;
  GDate d, out;
  int minute, out_minute;

  g_assert_true (cairn_timestamp_parse ("test", from, &d, &minute, &error));
  cairn_time_add_hours_uk (&d, minute, hours, &out, &out_minute);
  return cairn_timestamp_to_string (&out, out_minute);
}

#define assert_add_hours(from, n, expected)                                                        \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *got_ = add_hours ((from), (n));                                               \
    g_assert_cmpstr (got_, ==, (expected));                                                        \
  }                                                                                                \
  G_STMT_END

/* Hours are elapsed time in UK civil time: British Summer Time began at
 * 01:00 GMT on Sunday 27 March 2011 and ended at 01:00 GMT on Sunday
 * 30 October 2011. */
static void
test_hours (void)
{
  assert_add_hours ("2011-03-01T10:00", 72, "2011-03-04T10:00");
  assert_add_hours ("2011-03-26T10:00", 72, "2011-03-29T11:00");
  assert_add_hours ("2011-10-29T10:00", 72, "2011-11-01T09:00");
  assert_add_hours ("2011-03-27T00:30", 1, "2011-03-27T02:30");
  assert_add_hours ("2011-06-30T23:30", 1, "2011-07-01T00:30");
  assert_add_hours ("2011-12-31T22:00", 48, "2012-01-02T22:00");
}

static void
expect_bad_file (const char *text,
                 const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnCalendar) calendar = cairn_calendar_new_from_data ("holidays.txt", text, &error);

  g_assert_null (calendar);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  if (strstr (error->message, message) == NULL)
    g_error ("expected \"%s\" in \"%s\"", message, error->message);
}

static void
test_bad_file (void)
{
  expect_bad_file ("2011-04-29\tx\tWedding\n", "holidays.txt: no \"covers");
  expect_bad_file ("covers\t2011\t2011\n2011-04-30\t-\tSaturday\n",
                   "holidays.txt:2: 2011-04-30 is a Saturday");
  expect_bad_file ("covers\t2011\t2011\n# comment\n2011-02-30\t-\tNo such day\n",
                   "holidays.txt:3: \"2011-02-30\" is not a date");
  expect_bad_file ("covers\t2011\t2011\n2011-04-29\tq\tWedding\n",
                   "holidays.txt:2: \"q\" is not a mark");
  expect_bad_file ("covers\t2011\t2011\n2011-04-29\tx\n", "holidays.txt:2: ");
  expect_bad_file ("covers\t2011\t2011\n2011-04-29\tx\tA\n2011-04-29\tx\tB\n",
                   "holidays.txt: 2011-04-29 is listed twice");
  expect_bad_file ("covers\t2011\t2011\n2012-01-02\ts\tNew Year\n",
                   "holidays.txt: 2012-01-02 is outside the years the file covers (2011 to 2011)");
  expect_bad_file ("covers\t2012\t2011\n", "holidays.txt:1: ");
}

/* Copies the installed data (editions and calendar) into a scratch
 * directory that CAIRN_DATA_DIR can point at. */
static char *
copy_data_dir (const char *name)
{
  g_autofree char *dir = cairn_test_scratch_path (name);
  g_autofree char *pathways = g_build_filename (dir, "pathways", NULL);
  g_autofree char *source = g_build_filename (cairn_test_source_dir (), "data", NULL);
  const char *files[] = { "bank-holidays-england-wales.txt", "pathways/wt2010.json",
                          "pathways/wt2013.json" };

  g_assert_cmpint (g_mkdir_with_parents (pathways, 0700), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_build_filename (source, files[i], NULL);
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_autofree char *text = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &text, &length, NULL));
      g_assert_true (g_file_set_contents (to, text, length, NULL));
    }
  return g_steal_pointer (&dir);
}

static char *
cli_line (const char *data_dir,
          const char * const *argv,
          int                 expected_status)
{
  g_autofree char *env_entry = g_strconcat ("CAIRN_DATA_DIR=", data_dir, NULL);
  const char *env[] = { env_entry, NULL };
  char *out = NULL;

  g_assert_cmpint (cairn_test_run_cli_env (env, &out, NULL, argv), ==, expected_status);
  return out;
}

/* A board that learns of a new holiday edits its copy of the file: a due
 * date across that day moves. */
static void
test_edited_copy (void)
{
  g_autofree char *dir = copy_data_dir ("edited-data");
  g_autofree char *source = g_build_filename (cairn_test_source_dir (), "data", NULL);
  g_autofree char *file = g_build_filename (dir, "bank-holidays-england-wales.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  const char *add[] = { "add-working-days", "--from", "2011-03-07", "--days", "2", NULL };
  const char *due[] = { "due-date", "--edition", "wt2010", "--rule", "W10-04", "--from", "2011-03-01", NULL };
  g_autofree char *before_add = cli_line (source, add, 0);
  g_autofree char *before_due = cli_line (source, due, 0);
  g_autofree char *after_add = NULL;
  g_autofree char *after_due = NULL;

  /* Tuesday 8 March is day 1, Wednesday 9 March day 2. */
  g_assert_cmpstr (before_add, ==, "2011-03-09\n");
  /* Ten working days after Tuesday 1 March 2011. */
  g_assert_cmpstr (before_due, ==, "2011-03-15\n");

  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  edited = g_strconcat (text, "2011-03-09\tx\tA holiday added by the board\n", NULL);
  g_assert_true (g_file_set_contents (file, edited, -1, NULL));

  after_add = cli_line (dir, add, 0);
  after_due = cli_line (dir, due, 0);
  g_assert_cmpstr (after_add, ==, "2011-03-10\n");
  g_assert_cmpstr (after_due, ==, "2011-03-16\n");
}

static void
test_cli_add_working_days (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "add-working-days", "--from", "2010-12-24", "--days",
                                       "1", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "2010-12-29\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "add-working-days", "--from", "2011-03-05", "--days",
                                       "0", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "2011-03-07\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cairn_test_run_cli (&out, NULL, "add-working-days", "--from", "2011-03-07", "--days",
                                       "1000", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "2015-"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "add-working-days", "--from", "2011-02-30", "--days",
                                       "1", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "cairn-cli: --from: \"2011-02-30\" is not a date (YYYY-MM-DD)\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "add-working-days", "--from", "2011-03-01", "--days",
                                       "1001", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --days: \"1001\" is not a whole number from 0 to 1000\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "add-working-days", "--from", "2011-03-01", "--days",
                                       "-1", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --days: \"-1\" is not a whole number from 0 to 1000\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "add-working-days", "--from", "2011-03-01", "--days",
                                       "2x", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "add-working-days", "--from", "2011-03-01", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: --days: "));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "add-working-days", "--days", "3", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: --from: a date is required\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cairn_test_run_cli (NULL, &err, "add-working-days", "--from", "2030-12-20", "--days",
                                       "10", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "outside the bank holiday calendar"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/calendar/register-list", test_register_list);
  g_test_add_func ("/cairn/calendar/register-cases", test_register_cases);
  g_test_add_func ("/cairn/calendar/count-year", test_count_year);
  g_test_add_func ("/cairn/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/cairn/calendar/outside-range", test_outside_range);
  g_test_add_func ("/cairn/calendar/months", test_months);
  g_test_add_func ("/cairn/calendar/hours", test_hours);
  g_test_add_func ("/cairn/calendar/bad-file", test_bad_file);
  g_test_add_func ("/cairn/calendar/edited-copy", test_edited_copy);
  g_test_add_func ("/cairn/calendar/cli", test_cli_add_working_days);

  return g_test_run ();
}
