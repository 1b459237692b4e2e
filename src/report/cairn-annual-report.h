/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cairn-annual-store.h"
#include "cairn-document.h"
#include "cairn-pathway.h"

G_BEGIN_DECLS

/* The LSCB annual report (Children Act 2004 s14A): the sections the
 * edition of the reporting year requires, in its order (Working Together
 * 2010 §3.5, AR1–AR13; from 2013-14 Working Together 2013 adds weaknesses
 * and their causes, lessons from reviews, partner contributions and the
 * board's spending, and more recipients), each with the chair's narrative
 * and the figures drawn from the board's data: tables of the year beside
 * the previous year, charts of up to five years, the serious case review
 * action tables as they stood on 31 March (AR10–AR12), a glossary of every
 * figure, and an appendix of membership and attendance. A required section
 * without narrative is written as a visibly flagged draft. */

/**
 * CairnAnnualSection:
 * @id: the key of its narrative (annual_narratives.section), stable
 * @code: how the guidance notes number the requirement ("AR1", "A5")
 * @title: the heading
 * @asks: what the guidance asks of the section, in a sentence
 * @source: where the guidance says so
 * @narrative_required: a report without this section's narrative is a draft
 */
typedef struct
{
  const char *id;
  const char *code;
  const char *title;
  const char *asks;
  const char *source;
  gboolean narrative_required;
} CairnAnnualSection;

typedef struct _CairnAnnualReport CairnAnnualReport;

CairnAnnualReport        *cairn_annual_report_load            (CairnStore         *store,
                                                               CairnPathway       *pathway,
                                                               int                 year,
                                                               GCancellable       *cancellable,
                                                               GError            **error);
CairnAnnualReport        *cairn_annual_report_ref             (CairnAnnualReport  *report);
void                      cairn_annual_report_unref           (CairnAnnualReport  *report);

int                       cairn_annual_report_get_year        (CairnAnnualReport  *report);
int                       cairn_annual_report_get_first_year  (CairnAnnualReport  *report);
const char               *cairn_annual_report_get_edition_id  (CairnAnnualReport  *report);
const char               *cairn_annual_report_get_edition_title (CairnAnnualReport *report);
const CairnAnnualYear    *cairn_annual_report_get_stats       (CairnAnnualReport  *report,
                                                               int                 year);
guint                     cairn_annual_report_get_n_sections  (CairnAnnualReport  *report);
const CairnAnnualSection *cairn_annual_report_get_section     (CairnAnnualReport  *report,
                                                               guint               i);
const char               *cairn_annual_report_get_narrative   (CairnAnnualReport  *report,
                                                               const char         *section_id);
void                      cairn_annual_report_set_narrative   (CairnAnnualReport  *report,
                                                               const char         *section_id,
                                                               const char         *body);
GPtrArray                *cairn_annual_report_list_missing    (CairnAnnualReport  *report);

CairnDocument            *cairn_annual_report_build           (CairnAnnualReport  *report);
gboolean                  cairn_annual_report_write_csv       (CairnAnnualReport  *report,
                                                               const char         *dir,
                                                               GError            **error);

const CairnAnnualSection *cairn_annual_sections_for_edition   (const char         *edition_id,
                                                               guint              *n_sections);

/**
 * CairnAnnualFigureInfo:
 * @id: the figure's id in the CSV ("referrals", "icpc_within_share")
 * @label: as the report's tables name it
 * @definition: what is counted, as the glossary says
 */
typedef struct
{
  const char *id;
  const char *label;
  const char *definition;
} CairnAnnualFigureInfo;

const CairnAnnualFigureInfo *cairn_annual_figures          (guint              *n_figures);
gboolean                  cairn_annual_figure_value           (const char         *figure_id,
                                                               const CairnAnnualYear *stats,
                                                               double             *value);
char                     *cairn_annual_figure_format          (const char         *figure_id,
                                                               const CairnAnnualYear *stats);

/**
 * CairnAnnualExport:
 * @n_pages: pages written
 * @missing: (element-type CairnAnnualSection): required sections written
 *   as flagged drafts for want of narrative (borrowed entries)
 */
typedef struct
{
  guint n_pages;
  GPtrArray *missing;
} CairnAnnualExport;

gboolean                  cairn_annual_report_export          (CairnAnnualReport  *report,
                                                               const char         *path,
                                                               const char         *csv_dir,
                                                               CairnAnnualExport  *result,
                                                               GError            **error);
void                      cairn_annual_export_clear           (CairnAnnualExport  *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnAnnualReport, cairn_annual_report_unref)

G_END_DECLS
