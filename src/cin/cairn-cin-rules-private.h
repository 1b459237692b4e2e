/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-cin-rules.h"

G_BEGIN_DECLS

/* What every rule function sees: the census, the rule set's year, the census
 * period and the dates derived from it, and where findings go. */
struct _CairnCinCheck
{
  const CairnCinCensus *census;
  int year;
  GDate reference_date;
  GDate period_start;        /* ReferenceDate − 1 year + 1 day (§6) */
  GDate period_end;          /* ReferenceDate */
  GDate cutoff_8569;         /* period start − "1 working day", i.e. offset 0 (§6) */
  GDate cutoff_8670;         /* ReferenceDate − 45 working days, i.e. offset 44 (§6) */
  GDate cutoff_8675;         /* ReferenceDate − 15 working days, i.e. offset 14 (§6) */
  GHashTable *child_ids;     /* LAchildID → number of Child records with it */
  GHashTable *upns;          /* UPN → number of Child records with it */
  const CairnCinRule *rule;  /* the rule running */
  GArray *findings;
};

/* Reports the running rule against @child (NULL: the return), its @episode
 * (1-based, 0 for none) and the @line of the element; @fields NULL means the
 * rule's own list. */
void cairn_cin_check_report (CairnCinCheck        *check,
                             const CairnCinChild  *child,
                             guint                 episode,
                             guint                 line,
                             const char * const   *fields);

G_END_DECLS
