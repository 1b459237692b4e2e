/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stable references for records a user can name (../shared/CLI.md). */

typedef enum
{
  CAIRN_REF_CHILD,       /* C-000123 */
  CAIRN_REF_CASE,        /* C-000123/2 */
  CAIRN_REF_CONFERENCE,  /* CF-2011-0042 */
  CAIRN_REF_SCR,         /* SCR-2011-01 */
  CAIRN_REF_MEETING,     /* BM-2012-03 */
} CairnRefKind;

typedef struct
{
  CairnRefKind kind;
  gint64 number;      /* child number, or the number within the year */
  int year;           /* conferences, SCRs, meetings */
  int case_number;    /* cases */
} CairnRef;

gboolean  cairn_ref_parse          (const char    *field,
                                    const char    *text,
                                    CairnRefKind   kind,
                                    CairnRef      *out,
                                    GError       **error);
char     *cairn_ref_format         (const CairnRef *ref);
char     *cairn_child_ref_format   (gint64          child_number);
char     *cairn_case_ref_format    (gint64          child_number,
                                    int             case_number);

G_END_DECLS
