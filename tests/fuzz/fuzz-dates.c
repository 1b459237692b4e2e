/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: everything that reads a date, a time, a year, a reference or
 * an NHS number from text a person typed or a file gave. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cairn-date.h"
#include "cairn-ref.h"
#include "cairn-validate.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  GDate d;
  int minute, first, last;
  CairnRef ref;

  if (cairn_date_parse ("fuzz", text, &d, NULL))
    {
      g_autofree char *back = cairn_date_to_string (&d);
      /* A date that parses prints back as the same text. */
      g_assert_cmpstr (back, ==, text);
    }
  if (cairn_timestamp_parse ("fuzz", text, &d, &minute, NULL))
    {
      g_autofree char *back = cairn_timestamp_to_string (&d, minute);
      g_assert_cmpstr (back, ==, text);
    }
  if (cairn_year_parse ("fuzz", text, &first, NULL))
    {
      g_autofree char *back = cairn_year_to_string (first);
      g_assert_cmpstr (back, ==, text);
    }
  cairn_year_range_parse ("fuzz", text, &first, &last, NULL);
  for (int kind = CAIRN_REF_CHILD; kind <= CAIRN_REF_MEETING; kind++)
    if (cairn_ref_parse ("fuzz", text, kind, &ref, NULL))
      {
        g_autofree char *back = cairn_ref_format (&ref);
        g_assert_nonnull (back);
      }
  cairn_nhs_number_validate ("fuzz", text, NULL);
  if (strlen (text) == 13)
    cairn_upn_validate ("fuzz", text, NULL);
  return 0;
}
