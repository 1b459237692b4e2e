/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are GDate values; an unset date is one for which g_date_valid() is
 * FALSE (use cairn_date_clear()). Text forms are "YYYY-MM-DD" for dates and
 * "YYYY-MM-DDTHH:MM" for times (../shared/CLI.md). */

#define CAIRN_NO_TIME (-1)

void      cairn_date_clear            (GDate       *date);
gboolean  cairn_date_is_set           (const GDate *date);
gboolean  cairn_date_parse            (const char  *field,
                                       const char  *text,
                                       GDate       *out,
                                       GError     **error);
gboolean  cairn_date_parse_optional   (const char  *field,
                                       const char  *text,
                                       GDate       *out,
                                       GError     **error);
gboolean  cairn_timestamp_parse       (const char  *field,
                                       const char  *text,
                                       GDate       *date,
                                       int         *minute_of_day,
                                       GError     **error);
char     *cairn_date_to_string        (const GDate *date);
void      cairn_date_format_into      (const GDate *date,
                                       char         buf[11]);
char     *cairn_timestamp_to_string   (const GDate *date,
                                       int          minute_of_day);
char     *cairn_date_to_display       (const GDate *date);
int       cairn_date_compare          (const GDate *a,
                                       const GDate *b);
gboolean  cairn_date_check_not_after  (const char  *field,
                                       const GDate *date,
                                       const GDate *today,
                                       GError     **error);
int       cairn_date_days_between     (const GDate *from,
                                       const GDate *to);
void      cairn_date_set_ymd          (GDate       *date,
                                       int          year,
                                       int          month,
                                       int          day);
int       cairn_date_age_years        (const GDate *birth,
                                       const GDate *on);

gboolean  cairn_today_from_env        (GDate       *out,
                                       GError     **error);
void      cairn_today                 (GDate       *out);

gboolean  cairn_year_parse            (const char  *field,
                                       const char  *text,
                                       int         *start_year,
                                       GError     **error);
gboolean  cairn_year_range_parse      (const char  *field,
                                       const char  *text,
                                       int         *first_start_year,
                                       int         *last_start_year,
                                       GError     **error);
char     *cairn_year_to_string        (int          start_year);
void      cairn_year_bounds           (int          start_year,
                                       GDate       *first_day,
                                       GDate       *last_day);
int       cairn_year_of_date          (const GDate *date);

G_END_DECLS
