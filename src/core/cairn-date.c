/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-date"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-date.h"
#include "cairn-error.h"

void
cairn_date_clear (GDate *date)
{
  g_date_clear (date, 1);
}

gboolean
cairn_date_is_set (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

static gboolean
parse_digits (const char *s,
              int         n,
              int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

static gboolean
parse_ymd (const char *text,
           GDate      *out)
{
  int y, m, d;

  if (strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) || !parse_digits (text + 8, 2, &d))
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

/**
 * cairn_date_parse:
 * @field: the name of the field, used in the error message
 * @text: "YYYY-MM-DD"
 *
 * Parses a calendar date strictly: 2011-02-30 and 2011-2-3 are refused.
 */
gboolean
cairn_date_parse (const char  *field,
                  const char  *text,
                  GDate       *out,
                  GError     **error)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: a date is required"), field);
      return FALSE;
    }
  if (strlen (text) != 10 || !parse_ymd (text, out))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: \"%s\" is not a date (YYYY-MM-DD)"),
                   field, text);
      return FALSE;
    }
  return TRUE;
}

/* As cairn_date_parse(), but NULL or "" leaves @out unset and succeeds. */
gboolean
cairn_date_parse_optional (const char  *field,
                           const char  *text,
                           GDate       *out,
                           GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      cairn_date_clear (out);
      return TRUE;
    }
  return cairn_date_parse (field, text, out, error);
}

/**
 * cairn_timestamp_parse:
 * @minute_of_day: (out): minutes after midnight, or %CAIRN_NO_TIME for a plain date
 *
 * Accepts "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM".
 */
gboolean
cairn_timestamp_parse (const char  *field,
                       const char  *text,
                       GDate       *date,
                       int         *minute_of_day,
                       GError     **error)
{
  int hh, mm;

  if (text != NULL && strlen (text) == 10)
    {
      *minute_of_day = CAIRN_NO_TIME;
      return cairn_date_parse (field, text, date, error);
    }
  if (text == NULL || *text == '\0')
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: a date is required"), field);
      return FALSE;
    }
  if (strlen (text) != 16 || text[10] != 'T' || text[13] != ':' || !parse_ymd (text, date) ||
      !parse_digits (text + 11, 2, &hh) || !parse_digits (text + 14, 2, &mm) || hh > 23 || mm > 59)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" is not a date and time (YYYY-MM-DDTHH:MM)"), field, text);
      return FALSE;
    }
  *minute_of_day = hh * 60 + mm;
  return TRUE;
}

void
cairn_date_format_into (const GDate *date,
                        char         buf[11])
{
  if (!cairn_date_is_set (date))
    {
      buf[0] = '\0';
      return;
    }
  unsigned y = g_date_get_year (date) % 10000u;
  unsigned m = g_date_get_month (date);
  unsigned d = g_date_get_day (date);

  buf[0] = '0' + y / 1000;
  buf[1] = '0' + y / 100 % 10;
  buf[2] = '0' + y / 10 % 10;
  buf[3] = '0' + y % 10;
  buf[4] = '-';
  buf[5] = '0' + m / 10;
  buf[6] = '0' + m % 10;
  buf[7] = '-';
  buf[8] = '0' + d / 10;
  buf[9] = '0' + d % 10;
  buf[10] = '\0';
}

/* Returns "YYYY-MM-DD", or NULL for an unset date. */
char *
cairn_date_to_string (const GDate *date)
{
  char buf[11];

  if (!cairn_date_is_set (date))
    return NULL;
  cairn_date_format_into (date, buf);
  return g_strdup (buf);
}

char *
cairn_timestamp_to_string (const GDate *date,
                           int          minute_of_day)
{
  char buf[11];

  if (!cairn_date_is_set (date))
    return NULL;
  cairn_date_format_into (date, buf);
  if (minute_of_day == CAIRN_NO_TIME)
    return g_strdup (buf);
  return g_strdup_printf ("%sT%02d:%02d", buf, minute_of_day / 60, minute_of_day % 60);
}

/* "3 March 2011", for documents and the interface. */
char *
cairn_date_to_display (const GDate *date)
{
  static const char *months[] = { NULL, N_("January"), N_("February"), N_("March"), N_("April"),
                                  N_("May"), N_("June"), N_("July"), N_("August"),
                                  N_("September"), N_("October"), N_("November"), N_("December") };

  if (!cairn_date_is_set (date))
    return g_strdup ("");
  return g_strdup_printf ("%u %s %u", (unsigned) g_date_get_day (date),
                          _(months[g_date_get_month (date)]), (unsigned) g_date_get_year (date));
}

int
cairn_date_compare (const GDate *a,
                    const GDate *b)
{
  return g_date_compare (a, b);
}

/**
 * cairn_date_check_not_after:
 * @field: the field's name, for the message
 * @date: the date to check; an unset date passes
 * @today: (nullable): today's date (see cairn_today()); %NULL checks nothing
 *
 * Refuses a date after @today: "Date of birth: 2012-06-02 is after today
 * (2012-06-01)".
 */
gboolean
cairn_date_check_not_after (const char  *field,
                            const GDate *date,
                            const GDate *today,
                            GError     **error)
{
  if (cairn_date_is_set (date) && today != NULL && g_date_compare (date, today) > 0)
    {
      g_autofree char *d = cairn_date_to_string (date);
      g_autofree char *t = cairn_date_to_string (today);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: %s is after today (%s)"), field, d,
                   t);
      return FALSE;
    }
  return TRUE;
}

int
cairn_date_days_between (const GDate *from,
                         const GDate *to)
{
  return g_date_days_between (from, to);
}

void
cairn_date_set_ymd (GDate *date,
                    int    year,
                    int    month,
                    int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* Completed years of age on @on. */
int
cairn_date_age_years (const GDate *birth,
                      const GDate *on)
{
  int age;

  if (!cairn_date_is_set (birth) || !cairn_date_is_set (on))
    return -1;
  age = g_date_get_year (on) - g_date_get_year (birth);
  if (g_date_get_month (on) < g_date_get_month (birth) ||
      (g_date_get_month (on) == g_date_get_month (birth) &&
       g_date_get_day (on) < g_date_get_day (birth)))
    age--;
  return age;
}

/**
 * cairn_today_from_env:
 *
 * Today as ../shared/CLI.md defines it: `CAIRN_TODAY` when set, else the
 * real local date. Fails when `CAIRN_TODAY` is not a date.
 */
gboolean
cairn_today_from_env (GDate   *out,
                      GError **error)
{
  const char *env = g_getenv ("CAIRN_TODAY");

  if (env != NULL && *env != '\0')
    return cairn_date_parse ("CAIRN_TODAY", env, out, error);

  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
  return TRUE;
}

/* Today; a malformed CAIRN_TODAY falls back to the real date. Callers that
 * can report errors use cairn_today_from_env(). */
void
cairn_today (GDate *out)
{
  if (!cairn_today_from_env (out, NULL))
    {
      g_date_clear (out, 1);
      g_date_set_time_t (out, time (NULL));
    }
}

/**
 * cairn_year_parse:
 * @start_year: (out): the calendar year in which the reporting year starts
 *
 * Parses a financial year "YYYY-YY" (2011-12 = 1 April 2011 to 31 March 2012).
 */
gboolean
cairn_year_parse (const char  *field,
                  const char  *text,
                  int         *start_year,
                  GError     **error)
{
  int y, yy;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' || !parse_digits (text, 4, &y) ||
      !parse_digits (text + 5, 2, &yy) || (y + 1) % 100 != yy || y < 1900)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" is not a reporting year (YYYY-YY, for example 2011-12)"), field,
                   text ? text : "");
      return FALSE;
    }
  *start_year = y;
  return TRUE;
}

gboolean
cairn_year_range_parse (const char  *field,
                        const char  *text,
                        int         *first_start_year,
                        int         *last_start_year,
                        GError     **error)
{
  const char *dots = text ? strstr (text, "..") : NULL;
  g_autofree char *first = NULL;

  if (dots == NULL)
    {
      if (!cairn_year_parse (field, text, first_start_year, error))
        return FALSE;
      *last_start_year = *first_start_year;
      return TRUE;
    }
  first = g_strndup (text, dots - text);
  if (!cairn_year_parse (field, first, first_start_year, error) ||
      !cairn_year_parse (field, dots + 2, last_start_year, error))
    return FALSE;
  if (*last_start_year < *first_start_year)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" ends before it starts"), field, text);
      return FALSE;
    }
  return TRUE;
}

char *
cairn_year_to_string (int start_year)
{
  return g_strdup_printf ("%04d-%02d", start_year, (start_year + 1) % 100);
}

void
cairn_year_bounds (int    start_year,
                   GDate *first_day,
                   GDate *last_day)
{
  if (first_day)
    cairn_date_set_ymd (first_day, start_year, 4, 1);
  if (last_day)
    cairn_date_set_ymd (last_day, start_year + 1, 3, 31);
}

/* The reporting year (by its start year) that contains @date. */
int
cairn_year_of_date (const GDate *date)
{
  int y = g_date_get_year (date);

  return g_date_get_month (date) >= 4 ? y : y - 1;
}
