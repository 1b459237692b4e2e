/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-error.h"
#include "cairn-validate.h"

/* Names, notes and narratives: anything a person types. */
#define CAIRN_MAX_TEXT_CHARS 100000

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
cairn_validate_text (const char  *field,
                     const char  *value,
                     GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: the text is not valid UTF-8"),
                   field);
      return FALSE;
    }
  return cairn_validate_max_length (field, value, CAIRN_MAX_TEXT_CHARS, error);
}

gboolean
cairn_validate_required (const char  *field,
                         const char  *value,
                         GError     **error)
{
  if (is_blank (value))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: is required"), field);
      return FALSE;
    }
  return cairn_validate_text (field, value, error);
}

gboolean
cairn_validate_max_length (const char  *field,
                           const char  *value,
                           guint        max_chars,
                           GError     **error)
{
  if (value != NULL && g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: is longer than %u characters"), field, max_chars);
      return FALSE;
    }
  return TRUE;
}

/* Strips spaces and hyphens ("943 476 5919" → "9434765919"). */
char *
cairn_nhs_number_normalize (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; p && *p; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/* The Modulus 11 check digit for nine digits, or 'X' when none exists (10). */
char
cairn_nhs_number_check_digit (const char *nine_digits)
{
  int sum = 0, check;

  for (int i = 0; i < 9; i++)
    sum += (nine_digits[i] - '0') * (10 - i);
  check = 11 - (sum % 11);
  if (check == 11)
    check = 0;
  return check == 10 ? 'X' : (char) ('0' + check);
}

/**
 * cairn_nhs_number_validate:
 *
 * An NHS number is ten digits whose last is the Modulus 11 check digit of
 * the first nine. Spaces and hyphens between digit groups are allowed.
 */
gboolean
cairn_nhs_number_validate (const char  *field,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *digits = cairn_nhs_number_normalize (text);

  if (strlen (digits) != 10 || strspn (digits, "0123456789") != 10)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" is not an NHS number (10 digits)"), field, text ? text : "");
      return FALSE;
    }
  if (cairn_nhs_number_check_digit (digits) != digits[9])
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" fails the NHS number check digit"), field, text);
      return FALSE;
    }
  return TRUE;
}

/* The UPN check letter for characters 2–13 (cin-census.md §5.11). */
char
cairn_upn_check_letter (const char *upn)
{
  static const char letters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";
  int sum = 0;

  for (int i = 1; i < 13; i++)
    {
      int v;
      if (upn[i] >= '0' && upn[i] <= '9')
        v = upn[i] - '0';
      else
        v = 0;
      sum += v * (i + 1);
    }
  return letters[sum % 23];
}

/* Checks the shape of a Unique Pupil Number: 13 characters, a check letter,
 * 11 digits and a final digit or letter (not I, O or S). */
gboolean
cairn_upn_validate (const char  *field,
                    const char  *upn,
                    GError     **error)
{
  gboolean ok = upn != NULL && strlen (upn) == 13 && strspn (upn + 1, "0123456789") >= 11;

  if (ok)
    ok = g_ascii_isdigit (upn[12]) ||
         (g_ascii_isupper (upn[12]) && strchr ("IOS", upn[12]) == NULL);
  if (!ok)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" is not a UPN (a letter, 11 digits and a digit or letter)"), field,
                   upn ? upn : "");
      return FALSE;
    }
  if (g_ascii_isdigit (upn[12]) && cairn_upn_check_letter (upn) != upn[0])
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" has the wrong check letter"), field, upn);
      return FALSE;
    }
  return TRUE;
}
