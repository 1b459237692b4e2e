/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-ref"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-error.h"
#include "cairn-ref.h"

static gboolean
take_digits (const char **p,
             int          n,
             gint64      *out)
{
  gint64 v = 0;

  for (int i = 0; i < n; i++)
    {
      char c = (*p)[i];
      if (c < '0' || c > '9')
        return FALSE;
      v = v * 10 + (c - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

static gboolean
take_number (const char **p,
             gint64      *out)
{
  gint64 v = 0;
  int n = 0;

  while ((*p)[n] >= '0' && (*p)[n] <= '9' && n < 9)
    {
      v = v * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n == 0)
    return FALSE;
  *p += n;
  *out = v;
  return TRUE;
}

static const char *
kind_example (CairnRefKind kind)
{
  switch (kind)
    {
    case CAIRN_REF_CHILD:
      return "C-000123";
    case CAIRN_REF_CASE:
      return "C-000123/2";
    case CAIRN_REF_CONFERENCE:
      return "CF-2011-0042";
    case CAIRN_REF_SCR:
      return "SCR-2011-01";
    case CAIRN_REF_MEETING:
      return "BM-2012-03";
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_year_ref (const char *text,
                const char *prefix,
                int         digits,
                CairnRef   *out)
{
  const char *p = text;
  gint64 year, number;

  if (!g_str_has_prefix (p, prefix))
    return FALSE;
  p += strlen (prefix);
  if (!take_digits (&p, 4, &year) || *p++ != '-' || !take_digits (&p, digits, &number) || *p != '\0')
    return FALSE;
  out->year = (int) year;
  out->number = number;
  return number > 0;
}

/**
 * cairn_ref_parse:
 * @kind: the kind of reference wanted; %CAIRN_REF_CHILD also accepts a case
 *   reference and %CAIRN_REF_CASE a bare child reference (case 0 = latest)
 */
gboolean
cairn_ref_parse (const char    *field,
                 const char    *text,
                 CairnRefKind   kind,
                 CairnRef      *out,
                 GError       **error)
{
  gboolean ok = FALSE;
  const char *p = text ? text : "";

  memset (out, 0, sizeof *out);
  out->kind = kind;

  switch (kind)
    {
    case CAIRN_REF_CHILD:
    case CAIRN_REF_CASE:
      if (p[0] == 'C' && p[1] == '-')
        {
          gsize n = strspn (p + 2, "0123456789");
          p += 2;
          /* Six digits, zero-padded; a board with a millionth child needs seven. */
          ok = n >= 6 && n <= 9 && (n == 6 || p[0] != '0') && take_digits (&p, (int) n, &out->number) &&
               out->number > 0;
          if (ok && *p == '/')
            {
              gint64 c;
              p++;
              ok = take_number (&p, &c) && c > 0;
              out->case_number = (int) c;
            }
          ok = ok && *p == '\0';
          if (ok && kind == CAIRN_REF_CHILD)
            out->case_number = 0;
        }
      break;

    case CAIRN_REF_CONFERENCE:
      ok = parse_year_ref (p, "CF-", 4, out);
      break;

    case CAIRN_REF_SCR:
      ok = parse_year_ref (p, "SCR-", 2, out);
      break;

    case CAIRN_REF_MEETING:
      ok = parse_year_ref (p, "BM-", 2, out);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                 _("%s: \"%s\" is not a reference of the form %s"), field, text ? text : "",
                 kind_example (kind));
  return ok;
}

char *
cairn_child_ref_format (gint64 child_number)
{
  return g_strdup_printf ("C-%06" G_GINT64_FORMAT, child_number);
}

char *
cairn_case_ref_format (gint64 child_number,
                       int    case_number)
{
  return g_strdup_printf ("C-%06" G_GINT64_FORMAT "/%d", child_number, case_number);
}

char *
cairn_ref_format (const CairnRef *ref)
{
  switch (ref->kind)
    {
    case CAIRN_REF_CHILD:
      return cairn_child_ref_format (ref->number);
    case CAIRN_REF_CASE:
      return cairn_case_ref_format (ref->number, ref->case_number);
    case CAIRN_REF_CONFERENCE:
      return g_strdup_printf ("CF-%04d-%04" G_GINT64_FORMAT, ref->year, ref->number);
    case CAIRN_REF_SCR:
      return g_strdup_printf ("SCR-%04d-%02" G_GINT64_FORMAT, ref->year, ref->number);
    case CAIRN_REF_MEETING:
      return g_strdup_printf ("BM-%04d-%02" G_GINT64_FORMAT, ref->year, ref->number);
    default:
      g_assert_not_reached ();
    }
}
