/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cairn-anonymiser.h"
#include "cairn-document.h"
#include "cairn-scr.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* The executive summary of a serious case review, heading by heading as
 * Annex B of "One Year On" sets out (Introduction; The facts / summary of
 * events; Key issues or themes arising from the case; Priorities for
 * learning and change; Recommendations and action plan), anonymised, with
 * the three named officers, the panel by job title and organisation, the
 * independence statement and the whole action plan. */

/**
 * CairnScrReportOptions:
 * @publishable: a version meant for publication: no protective marking
 * @version: the version number printed on the title page (0: none)
 * @creation_date: (nullable): the PDF's creation date; when %NULL, the
 *   latest date of the review's own record (cairn_scr_get_as_of())
 */
typedef struct
{
  gboolean publishable;
  int version;
  GDateTime *creation_date;
} CairnScrReportOptions;

CairnDocument *cairn_scr_report_build (const CairnScr               *scr,
                                       CairnAnonymiser              *anon,
                                       const CairnScrReportOptions  *options);

/**
 * CairnScrExport:
 * @version: the version recorded
 * @publishable: whether it passed the publication check
 * @n_pages: pages written
 * @sha256: the SHA-256 of the file, in hex
 * @leaks: (element-type CairnLeak): when publication was refused, what was found
 */
typedef struct
{
  int version;
  gboolean publishable;
  guint n_pages;
  char *sha256;
  GPtrArray *leaks;
} CairnScrExport;

gboolean       cairn_scr_report_export (CairnStore      *store,
                                        int              year,
                                        int              number,
                                        gboolean         publishable,
                                        const char      *path,
                                        CairnScrExport  *result,
                                        GError         **error);
void           cairn_scr_export_clear  (CairnScrExport  *result);

G_END_DECLS
