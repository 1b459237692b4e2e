/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CairnRuleOverride:
 * @edition: the guidance edition it applies to ("wt2010")
 * @rule_id: a rule of that edition, or the id of a new local rule
 * @effective_from: it applies to clocks that start on or after this date
 * @title: what the rule is; required for a new local rule
 * @limit: the board's limit, or 0 to switch the timer off
 * @unit: "working_days", "hours", "calendar_days", "calendar_months" or
 *   "days_beginning_with"; %NULL when @limit is 0
 * @start: (nullable): event kinds that start the clock; %NULL keeps the edition's
 * @stop: (nullable): event kinds that stop it; %NULL keeps the edition's
 * @source: where the board's rule comes from (its procedures, a minute)
 *
 * A board's correction of a national rule, or a local rule of its own
 * (timescales-verified.md note 3.4: local procedures may be stricter).
 * Stored in the board's database, so no new version of Cairn is needed.
 */
typedef struct
{
  gint64 id;
  char *edition;
  char *rule_id;
  GDate effective_from;
  char *title;
  int limit;
  char *unit;
  char **start;
  char **stop;
  char *source;
  GDate recorded_on;
  char *recorded_by;
  char *notes;
} CairnRuleOverride;

CairnRuleOverride *cairn_rule_override_new      (void);
CairnRuleOverride *cairn_rule_override_copy     (const CairnRuleOverride *override);
void               cairn_rule_override_free     (CairnRuleOverride       *override);
gboolean           cairn_rule_override_validate (const CairnRuleOverride *override,
                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnRuleOverride, cairn_rule_override_free)

G_END_DECLS
