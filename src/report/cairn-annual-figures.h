/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-annual-store.h"

G_BEGIN_DECLS

/* The figures the board enters for a reporting year (those that are not
 * case events), one text value each, named as `cairn-cli annual` names
 * them ("population", "contacts-1A", "child-deaths", "spending-training",
 * "contribution-LA", "sent-chief_executive" …). The Board Figures dialog
 * and the CLI both read and change them here, so that a value is parsed,
 * refused and stored the same way in both. */

typedef enum
{
  CAIRN_FIGURE_COUNT,           /* a whole number, 0 or more */
  CAIRN_FIGURE_MONEY,           /* pounds, "12500" or "£12,500.50" */
  CAIRN_FIGURE_DATE,            /* YYYY-MM-DD */
} CairnFigureKind;

typedef struct
{
  char *field;                  /* the name the CLI takes */
  char *group;                  /* the group it is shown in (translated) */
  char *label;                  /* what it is (translated) */
  CairnFigureKind kind;
  char *value;                  /* "" when nothing is entered */
} CairnAnnualFigure;

void       cairn_annual_figure_free  (CairnAnnualFigure *figure);

GPtrArray *cairn_annual_figures_list (CairnStore        *store,
                                      int                year,
                                      GError           **error);
gboolean   cairn_annual_figure_set   (CairnStore        *store,
                                      int                year,
                                      const char        *field,
                                      const char        *text,
                                      GError           **error);

gboolean   cairn_annual_parse_count  (const char        *label,
                                      const char        *text,
                                      gint64            *out,
                                      GError           **error);
gboolean   cairn_annual_training_add (CairnStore        *store,
                                      int                year,
                                      const char        *title,
                                      const char        *sessions_text,
                                      const char        *attendees_text,
                                      gboolean           multi_agency,
                                      gint64            *id,
                                      GError           **error);

G_END_DECLS
