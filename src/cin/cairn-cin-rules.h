/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cairn-cin-census.h"

G_BEGIN_DECLS

/* The DfE CIN census validation rules (cin-census.md §7, §8) and the
 * validator that runs them. Rule sets are named by collection year (the
 * header's Year): 2023 is the 2022-23 census, whose ReferenceDate is
 * 31 March 2023. */

#define CAIRN_CIN_FIRST_YEAR 2023 /* 2022-23 */
#define CAIRN_CIN_LAST_YEAR 2026  /* 2025-26 */

typedef enum
{
  CAIRN_CIN_RULE_ERROR,
  CAIRN_CIN_RULE_QUERY, /* codes ending in Q: the authority may explain it */
} CairnCinRuleType;

typedef struct _CairnCinCheck CairnCinCheck;

typedef void (*CairnCinChildRuleFunc)  (CairnCinCheck       *check,
                                        const CairnCinChild *child);
typedef void (*CairnCinReturnRuleFunc) (CairnCinCheck       *check);

/**
 * CairnCinRule:
 * @code: the DfE code ("8820", "8770Q")
 * @first_year: the first rule set (collection year) with this version
 * @last_year: the last one, or 0 while in force
 * @table: the module the DfE files the rule under
 * @message: the DfE message, exactly
 * @fields: the elements the rule reads, NULL-terminated
 * @child_func: checks one child (child-level rules), or %NULL
 * @return_func: checks the whole return (return-level rules), or %NULL
 * @source: the validator file the rule follows (cin-census.md §8)
 *
 * One version of one rule. A code has one entry per version (4180, 8750,
 * 2886Q and 8770Q changed in 2024-25); a rule set is every entry whose years
 * include it (§7: a set inherits the previous set's rules).
 */
typedef struct
{
  const char *code;
  int first_year;
  int last_year;
  CairnCinRuleType type;
  const char *table;
  const char *message;
  const char *fields[8];
  CairnCinChildRuleFunc child_func;
  CairnCinReturnRuleFunc return_func;
  const char *source;
} CairnCinRule;

/**
 * CairnCinFinding:
 * @child: the child, or %NULL for a return-level (header) rule
 * @episode: the 1-based CINdetails number, or 0
 * @line: the line of the element found wanting, or 0
 * @fields: the element names involved, NULL-terminated
 */
typedef struct
{
  const CairnCinRule *rule;
  const CairnCinChild *child;
  guint episode;
  guint line;
  const char * const *fields;
} CairnCinFinding;

typedef struct
{
  int year;                       /* the rule set used */
  GDate reference_date;           /* the census date the period comes from */
  gboolean reference_date_assumed; /* ReferenceDate missing: 31 March of @year used */
  GDate period_start;
  GDate period_end;
  CairnCinFinding *findings;      /* return-level first, then by child in file order */
  guint n_findings;
  guint n_errors;
  guint n_queries;
} CairnCinReport;

const CairnCinRule *cairn_cin_rules             (guint                *n_rules);
gboolean            cairn_cin_rule_in_set       (const CairnCinRule   *rule,
                                                 int                   year);
gboolean            cairn_cin_rule_set_exists   (int                   year);
char               *cairn_cin_year_name         (int                   year);
gboolean            cairn_cin_year_parse        (const char           *field,
                                                 const char           *text,
                                                 int                  *year,
                                                 GError              **error);

CairnCinReport     *cairn_cin_validate          (const CairnCinCensus *census,
                                                 int                   year,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void                cairn_cin_report_free       (CairnCinReport       *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnCinReport, cairn_cin_report_free)

G_END_DECLS
