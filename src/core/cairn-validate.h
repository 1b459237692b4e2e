/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  cairn_validate_required     (const char  *field,
                                       const char  *value,
                                       GError     **error);
gboolean  cairn_validate_max_length   (const char  *field,
                                       const char  *value,
                                       guint        max_chars,
                                       GError     **error);
gboolean  cairn_validate_text         (const char  *field,
                                       const char  *value,
                                       GError     **error);
char     *cairn_nhs_number_normalize  (const char  *text);
gboolean  cairn_nhs_number_validate   (const char  *field,
                                       const char  *text,
                                       GError     **error);
char      cairn_nhs_number_check_digit (const char *nine_digits);
gboolean  cairn_upn_validate          (const char  *field,
                                       const char  *upn,
                                       GError     **error);
char      cairn_upn_check_letter      (const char  *upn);

G_END_DECLS
