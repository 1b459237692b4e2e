/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-calendar.h"
#include "cairn-date.h"
#include "cairn-error.h"

/*
 * The working-day calendar: Monday to Friday, less the England and Wales
 * bank holidays read from data/bank-holidays-england-wales.txt
 * (timescales-verified.md §4.3). Every day in the years the file covers is
 * indexed once on load, so adding or counting working days is two array
 * look-ups. A date outside those years is refused, never guessed.
 */

struct _CairnCalendar
{
  GObject parent_instance;

  char *path;
  int first_year;
  int last_year;
  guint32 first_julian;
  guint n_days;
  guint8 *working;        /* per day: 1 for a working day */
  gint32 *cumulative;     /* per day: working days from the first day to this one, inclusive */
  gint32 *holiday_index;  /* per day: index into holidays, or -1 */
  GArray *workdays;       /* guint32 julian day of each working day, in order */
  GArray *holidays;       /* CairnHoliday, in date order */
  GStringChunk *names;
};

G_DEFINE_FINAL_TYPE (CairnCalendar, cairn_calendar, G_TYPE_OBJECT)

static void
cairn_calendar_finalize (GObject *object)
{
  CairnCalendar *self = CAIRN_CALENDAR (object);

  g_free (self->path);
  g_free (self->working);
  g_free (self->cumulative);
  g_free (self->holiday_index);
  g_clear_pointer (&self->workdays, g_array_unref);
  g_clear_pointer (&self->holidays, g_array_unref);
  g_clear_pointer (&self->names, g_string_chunk_free);

  G_OBJECT_CLASS (cairn_calendar_parent_class)->finalize (object);
}

static void
cairn_calendar_class_init (CairnCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cairn_calendar_finalize;
}

static void
cairn_calendar_init (CairnCalendar *self)
{
  self->holidays = g_array_new (FALSE, FALSE, sizeof (CairnHoliday));
  self->workdays = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->names = g_string_chunk_new (1024);
}

static gboolean
line_error (GError    **error,
            const char *name,
            guint       line,
            const char *format,
            ...) G_GNUC_PRINTF (4, 5);

static gboolean
line_error (GError    **error,
            const char *name,
            guint       line,
            const char *format,
            ...)
{
  va_list args;
  g_autofree char *problem = NULL;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, "%s:%u: %s", name, line, problem);
  return FALSE;
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  return g_date_compare (&((const CairnHoliday *) a)->date, &((const CairnHoliday *) b)->date);
}

static gboolean
parse_year (const char *text,
            int        *out)
{
  char *end = NULL;
  gint64 v = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0' || v < 1900 || v > 2999)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
parse (CairnCalendar *self,
       const char    *name,
       const char    *text,
       GError       **error)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean have_covers = FALSE;
  guint covers_line = 0;
  GDate first, last;

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[n]));
      g_auto (GStrv) fields = NULL;
      CairnHoliday h = { 0 };
      g_autoptr (GError) date_error = NULL;

      if (*line == '\0' || *line == '#')
        continue;
      fields = g_strsplit (line, "\t", 3);
      if (g_strcmp0 (fields[0], "covers") == 0)
        {
          if (have_covers)
            return line_error (error, name, n + 1, _("a second \"covers\" line (the first is line %u)"),
                               covers_line);
          if (g_strv_length (fields) != 3 || strchr (fields[2], '\t') != NULL ||
              !parse_year (fields[1], &self->first_year) || !parse_year (fields[2], &self->last_year) ||
              self->last_year < self->first_year)
            return line_error (error, name, n + 1,
                               _("\"%s\" is not \"covers<TAB>FIRST-YEAR<TAB>LAST-YEAR\""), line);
          have_covers = TRUE;
          covers_line = n + 1;
          continue;
        }
      if (g_strv_length (fields) != 3 || *g_strstrip (fields[2]) == '\0')
        return line_error (error, name, n + 1,
                           _("\"%s\" is not \"YYYY-MM-DD<TAB>MARK<TAB>NAME\""), line);
      if (!cairn_date_parse ("date", fields[0], &h.date, &date_error))
        return line_error (error, name, n + 1, _("\"%s\" is not a date (YYYY-MM-DD)"), fields[0]);
      if (strcmp (fields[1], "-") == 0)
        h.mark = CAIRN_HOLIDAY_USUAL;
      else if (strcmp (fields[1], "s") == 0)
        h.mark = CAIRN_HOLIDAY_SUBSTITUTE;
      else if (strcmp (fields[1], "m") == 0)
        h.mark = CAIRN_HOLIDAY_MOVED;
      else if (strcmp (fields[1], "x") == 0)
        h.mark = CAIRN_HOLIDAY_ONE_OFF;
      else
        return line_error (error, name, n + 1,
                           _("\"%s\" is not a mark (- usual, s substitute, m moved, x one-off)"),
                           fields[1]);
      if (g_date_get_weekday (&h.date) >= G_DATE_SATURDAY)
        return line_error (error, name, n + 1, _("%s is a %s: a bank holiday is a weekday"),
                           fields[0],
                           g_date_get_weekday (&h.date) == G_DATE_SATURDAY ? _("Saturday")
                                                                            : _("Sunday"));
      h.name = g_string_chunk_insert (self->names, fields[2]);
      g_array_append_val (self->holidays, h);
    }

  if (!have_covers)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: no \"covers<TAB>FIRST-YEAR<TAB>LAST-YEAR\" line"), name);
      return FALSE;
    }

  g_array_sort (self->holidays, compare_holidays);
  cairn_date_set_ymd (&first, self->first_year, 1, 1);
  cairn_date_set_ymd (&last, self->last_year, 12, 31);
  for (guint i = 0; i < self->holidays->len; i++)
    {
      const CairnHoliday *h = &g_array_index (self->holidays, CairnHoliday, i);
      char buf[11];

      cairn_date_format_into (&h->date, buf);
      if (g_date_compare (&h->date, &first) < 0 || g_date_compare (&h->date, &last) > 0)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: %s is outside the years the file covers (%d to %d)"), name, buf,
                       self->first_year, self->last_year);
          return FALSE;
        }
      if (i > 0 && g_date_compare (&h->date, &g_array_index (self->holidays, CairnHoliday, i - 1).date) == 0)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: %s is listed twice"), name, buf);
          return FALSE;
        }
    }

  /* Index every day once. */
  self->first_julian = g_date_get_julian (&first);
  self->n_days = g_date_get_julian (&last) - self->first_julian + 1;
  self->working = g_new0 (guint8, self->n_days);
  self->cumulative = g_new0 (gint32, self->n_days);
  self->holiday_index = g_new (gint32, self->n_days);
  for (guint i = 0; i < self->n_days; i++)
    {
      /* Julian day 1 (1 January of year 1) was a Monday. */
      guint weekday = (self->first_julian + i - 1) % 7; /* 0 Monday … 6 Sunday */
      self->working[i] = weekday < 5;
      self->holiday_index[i] = -1;
    }
  for (guint i = 0; i < self->holidays->len; i++)
    {
      guint day = g_date_get_julian (&g_array_index (self->holidays, CairnHoliday, i).date) -
                  self->first_julian;
      self->working[day] = 0;
      self->holiday_index[day] = i;
    }
  for (guint i = 0; i < self->n_days; i++)
    {
      self->cumulative[i] = (i ? self->cumulative[i - 1] : 0) + self->working[i];
      if (self->working[i])
        {
          guint32 julian = self->first_julian + i;
          g_array_append_val (self->workdays, julian);
        }
    }
  return TRUE;
}

/**
 * cairn_calendar_new_from_data:
 * @name: the file name, for error messages
 * @text: the contents of a bank holiday file
 *
 * Parses a bank holiday list: comment lines start with `#`; one line
 * `covers<TAB>FIRST-YEAR<TAB>LAST-YEAR` gives the years the list is complete
 * for; every other line is `YYYY-MM-DD<TAB>MARK<TAB>NAME`. Errors name the
 * file and line.
 */
CairnCalendar *
cairn_calendar_new_from_data (const char  *name,
                              const char  *text,
                              GError     **error)
{
  g_autoptr (CairnCalendar) self = g_object_new (CAIRN_TYPE_CALENDAR, NULL);

  g_return_val_if_fail (name != NULL && text != NULL, NULL);

  self->path = g_strdup (name);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: is not UTF-8 text"), name);
      return NULL;
    }
  if (!parse (self, name, text, error))
    return NULL;
  return g_steal_pointer (&self);
}

CairnCalendar *
cairn_calendar_new_from_file (const char  *path,
                              GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!g_file_get_contents (path, &text, NULL, &local_error))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, local_error->message);
      return NULL;
    }
  return cairn_calendar_new_from_data (path, text, error);
}

const char *
cairn_calendar_get_path (CairnCalendar *self)
{
  g_return_val_if_fail (CAIRN_IS_CALENDAR (self), NULL);
  return self->path;
}

int
cairn_calendar_get_first_year (CairnCalendar *self)
{
  g_return_val_if_fail (CAIRN_IS_CALENDAR (self), 0);
  return self->first_year;
}

int
cairn_calendar_get_last_year (CairnCalendar *self)
{
  g_return_val_if_fail (CAIRN_IS_CALENDAR (self), 0);
  return self->last_year;
}

static gboolean
day_index (CairnCalendar *self,
           const GDate   *date,
           guint         *out)
{
  guint32 julian;

  if (!cairn_date_is_set (date))
    return FALSE;
  julian = g_date_get_julian (date);
  if (julian < self->first_julian || julian - self->first_julian >= self->n_days)
    return FALSE;
  *out = julian - self->first_julian;
  return TRUE;
}

gboolean
cairn_calendar_covers (CairnCalendar *self,
                       const GDate   *date)
{
  guint i;

  g_return_val_if_fail (CAIRN_IS_CALENDAR (self), FALSE);
  return day_index (self, date, &i);
}

static gboolean
outside (CairnCalendar *self,
         const GDate   *date,
         GError       **error)
{
  char buf[11];

  if (!cairn_date_is_set (date))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Date: a date is required"));
      return FALSE;
    }
  cairn_date_format_into (date, buf);
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
               _("Date: %s is outside the bank holiday calendar (%d to %d, %s)"), buf,
               self->first_year, self->last_year, self->path);
  return FALSE;
}

/* The holiday on @date, or %NULL; borrowed from the calendar. */
const CairnHoliday *
cairn_calendar_get_holiday (CairnCalendar *self,
                            const GDate   *date)
{
  guint i;

  g_return_val_if_fail (CAIRN_IS_CALENDAR (self), NULL);
  if (!day_index (self, date, &i) || self->holiday_index[i] < 0)
    return NULL;
  return &g_array_index (self->holidays, CairnHoliday, self->holiday_index[i]);
}

/**
 * cairn_calendar_list_holidays:
 *
 * Returns: (transfer full) (element-type CairnHoliday): the holidays in
 *   @year, in date order (names borrowed from the calendar)
 */
GArray *
cairn_calendar_list_holidays (CairnCalendar *self,
                              int            year)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (CairnHoliday));

  g_return_val_if_fail (CAIRN_IS_CALENDAR (self), out);
  for (guint i = 0; i < self->holidays->len; i++)
    {
      const CairnHoliday *h = &g_array_index (self->holidays, CairnHoliday, i);
      if (g_date_get_year (&h->date) == year)
        g_array_append_val (out, *h);
    }
  return out;
}

gboolean
cairn_calendar_is_working_day (CairnCalendar *self,
                               const GDate   *date,
                               gboolean      *is_working_day,
                               GError       **error)
{
  guint i;

  g_return_val_if_fail (CAIRN_IS_CALENDAR (self), FALSE);
  if (!day_index (self, date, &i))
    return outside (self, date, error);
  *is_working_day = self->working[i] != 0;
  return TRUE;
}

/**
 * cairn_calendar_add_working_days:
 * @n_days: 0 or more
 *
 * The @n_days-th working day after @from: @from itself never counts, so when
 * @from is not a working day the first working day after it is day 1. With
 * @n_days = 0 the result is @from when it is a working day, else the next
 * working day. This is timescales-verified.md note 3.1: "day X is day 0".
 * Fails when @from or the result is outside the calendar's years.
 */
gboolean
cairn_calendar_add_working_days (CairnCalendar *self,
                                 const GDate   *from,
                                 int            n_days,
                                 GDate         *out,
                                 GError       **error)
{
  guint i;
  gint64 k;

  g_return_val_if_fail (CAIRN_IS_CALENDAR (self), FALSE);
  if (n_days < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Days: %d is less than 0"), n_days);
      return FALSE;
    }
  if (!day_index (self, from, &i))
    return outside (self, from, error);

  /* workdays[k] is the (k + 1)-th working day; cumulative[i] working days
   * fall on or before @from. */
  if (n_days == 0 && self->working[i])
    k = (gint64) self->cumulative[i] - 1;
  else
    k = (gint64) self->cumulative[i] + (n_days == 0 ? 1 : n_days) - 1;
  if (k >= self->workdays->len)
    {
      GDate beyond;
      cairn_date_set_ymd (&beyond, self->last_year + 1, 1, 1);
      return outside (self, &beyond, error);
    }
  g_date_clear (out, 1);
  g_date_set_julian (out, g_array_index (self->workdays, guint32, k));
  return TRUE;
}

/**
 * cairn_calendar_count_working_days:
 * @out: (out): the working days after @from up to and including @to;
 *   negative (the working days after @to up to and including @from) when
 *   @to is before @from
 *
 * "Working days remaining": from today to a due date, 0 on the due date
 * itself, -1 on the first working day after it.
 */
gboolean
cairn_calendar_count_working_days (CairnCalendar *self,
                                   const GDate   *from,
                                   const GDate   *to,
                                   int           *out,
                                   GError       **error)
{
  guint a, b;

  g_return_val_if_fail (CAIRN_IS_CALENDAR (self), FALSE);
  if (!day_index (self, from, &a))
    return outside (self, from, error);
  if (!day_index (self, to, &b))
    return outside (self, to, error);
  *out = self->cumulative[b] - self->cumulative[a];
  return TRUE;
}

void
cairn_date_add_calendar_days (const GDate *from,
                              int          n_days,
                              GDate       *out)
{
  *out = *from;
  if (n_days >= 0)
    g_date_add_days (out, n_days);
  else
    g_date_subtract_days (out, -n_days);
}

/**
 * cairn_date_add_calendar_months:
 *
 * Calendar months: the same day of the month @n_months later, or the last
 * day of that month when it is shorter (31 January + 1 month = 28 or
 * 29 February; 31 August + 3 months = 30 November). timescales-verified.md
 * note 3.1.
 */
void
cairn_date_add_calendar_months (const GDate *from,
                                int          n_months,
                                GDate       *out)
{
  int y = g_date_get_year (from);
  int m = g_date_get_month (from) - 1 + n_months;
  int d = g_date_get_day (from);
  int last;

  y += m >= 0 ? m / 12 : -((11 - m) / 12);
  m = ((m % 12) + 12) % 12 + 1;
  last = g_date_get_days_in_month (m, y);
  cairn_date_set_ymd (out, y, m, MIN (d, last));
}

/* The last Sunday of @month in @year, as a julian day. */
static guint32
last_sunday (int year,
             int month)
{
  GDate d;

  cairn_date_set_ymd (&d, year, month, g_date_get_days_in_month (month, year));
  while (g_date_get_weekday (&d) != G_DATE_SUNDAY)
    g_date_subtract_days (&d, 1);
  return g_date_get_julian (&d);
}

/* British Summer Time runs from 01:00 GMT on the last Sunday in March to
 * 01:00 GMT on the last Sunday in October (Summer Time Order 2002, and the
 * same rule since 1981 for the start and 1996 for the end). */
static gboolean
utc_is_summer_time (gint64 utc_minutes)
{
  guint32 julian = (guint32) (utc_minutes / 1440);
  GDate d;
  gint64 start, end;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  start = (gint64) last_sunday (g_date_get_year (&d), 3) * 1440 + 60;
  end = (gint64) last_sunday (g_date_get_year (&d), 10) * 1440 + 60;
  return utc_minutes >= start && utc_minutes < end;
}

/**
 * cairn_date_is_uk_summer_time:
 *
 * Whether a local (UK civil) time is in British Summer Time. The hour that
 * does not exist in March counts as GMT; the hour that happens twice in
 * October counts as its first (BST) occurrence.
 */
gboolean
cairn_date_is_uk_summer_time (const GDate *date,
                              int          minute_of_day)
{
  guint32 julian = g_date_get_julian (date);
  int year = g_date_get_year (date);
  guint32 start = last_sunday (year, 3), end = last_sunday (year, 10);

  if (minute_of_day < 0)
    minute_of_day = 0;
  if (julian < start || (julian == start && minute_of_day < 120))
    return FALSE;
  if (julian > end || (julian == end && minute_of_day >= 120))
    return FALSE;
  return TRUE;
}

/**
 * cairn_time_add_hours_uk:
 * @minute_of_day: minutes after local midnight; %CAIRN_NO_TIME counts as 00:00
 *
 * A wall-clock interval in UK civil time: 72 hours after 10:00 on Saturday
 * 26 March 2011 is 11:00 on Tuesday 29 March, because the clocks went
 * forward in between (timescales-verified.md note 3.1: hours are elapsed
 * time; working days play no part).
 */
void
cairn_time_add_hours_uk (const GDate *date,
                         int          minute_of_day,
                         int          n_hours,
                         GDate       *out_date,
                         int         *out_minute)
{
  gint64 local, utc;
  int minute = minute_of_day < 0 ? 0 : minute_of_day;

  local = (gint64) g_date_get_julian (date) * 1440 + minute;
  utc = local - (cairn_date_is_uk_summer_time (date, minute) ? 60 : 0);
  utc += (gint64) n_hours * 60;
  local = utc + (utc_is_summer_time (utc) ? 60 : 0);
  g_date_clear (out_date, 1);
  g_date_set_julian (out_date, (guint32) (local / 1440));
  *out_minute = (int) (local % 1440);
}
