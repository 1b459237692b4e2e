/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CAIRN_CALENDAR_FILE "bank-holidays-england-wales.txt"

#define CAIRN_TYPE_CALENDAR (cairn_calendar_get_type ())

G_DECLARE_FINAL_TYPE (CairnCalendar, cairn_calendar, CAIRN, CALENDAR, GObject)

/**
 * CairnHolidayMark:
 * @CAIRN_HOLIDAY_USUAL: the day the holiday usually falls on
 * @CAIRN_HOLIDAY_SUBSTITUTE: a substitute for a holiday that fell at a weekend
 * @CAIRN_HOLIDAY_MOVED: a holiday moved by proclamation
 * @CAIRN_HOLIDAY_ONE_OFF: a one-off holiday
 */
typedef enum
{
  CAIRN_HOLIDAY_USUAL,
  CAIRN_HOLIDAY_SUBSTITUTE,
  CAIRN_HOLIDAY_MOVED,
  CAIRN_HOLIDAY_ONE_OFF,
} CairnHolidayMark;

typedef struct
{
  GDate date;
  CairnHolidayMark mark;
  const char *name;
} CairnHoliday;

CairnCalendar      *cairn_calendar_new_from_file         (const char          *path,
                                                          GError             **error);
CairnCalendar      *cairn_calendar_new_from_data         (const char          *name,
                                                          const char          *text,
                                                          GError             **error);
const char         *cairn_calendar_get_path              (CairnCalendar       *self);
int                 cairn_calendar_get_first_year        (CairnCalendar       *self);
int                 cairn_calendar_get_last_year         (CairnCalendar       *self);
gboolean            cairn_calendar_covers                (CairnCalendar       *self,
                                                          const GDate         *date);
const CairnHoliday *cairn_calendar_get_holiday           (CairnCalendar       *self,
                                                          const GDate         *date);
GArray             *cairn_calendar_list_holidays         (CairnCalendar       *self,
                                                          int                  year);
gboolean            cairn_calendar_is_working_day        (CairnCalendar       *self,
                                                          const GDate         *date,
                                                          gboolean            *is_working_day,
                                                          GError             **error);
gboolean            cairn_calendar_add_working_days      (CairnCalendar       *self,
                                                          const GDate         *from,
                                                          int                  n_days,
                                                          GDate               *out,
                                                          GError             **error);
gboolean            cairn_calendar_count_working_days    (CairnCalendar       *self,
                                                          const GDate         *from,
                                                          const GDate         *to,
                                                          int                 *out,
                                                          GError             **error);

/* Calendar arithmetic that needs no holiday list. */
void                cairn_date_add_calendar_days         (const GDate         *from,
                                                          int                  n_days,
                                                          GDate               *out);
void                cairn_date_add_calendar_months       (const GDate         *from,
                                                          int                  n_months,
                                                          GDate               *out);
void                cairn_time_add_hours_uk              (const GDate         *date,
                                                          int                  minute_of_day,
                                                          int                  n_hours,
                                                          GDate               *out_date,
                                                          int                 *out_minute);
gboolean            cairn_date_is_uk_summer_time         (const GDate         *date,
                                                          int                  minute_of_day);

G_END_DECLS
