/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-rule-override"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-rule-override.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

CairnRuleOverride *
cairn_rule_override_new (void)
{
  CairnRuleOverride *o = g_new0 (CairnRuleOverride, 1);

  cairn_date_clear (&o->effective_from);
  cairn_date_clear (&o->recorded_on);
  return o;
}

CairnRuleOverride *
cairn_rule_override_copy (const CairnRuleOverride *override)
{
  CairnRuleOverride *o = g_new0 (CairnRuleOverride, 1);

  *o = *override;
  o->edition = g_strdup (override->edition);
  o->rule_id = g_strdup (override->rule_id);
  o->title = g_strdup (override->title);
  o->unit = g_strdup (override->unit);
  o->start = g_strdupv (override->start);
  o->stop = g_strdupv (override->stop);
  o->source = g_strdup (override->source);
  o->recorded_by = g_strdup (override->recorded_by);
  o->notes = g_strdup (override->notes);
  return o;
}

void
cairn_rule_override_free (CairnRuleOverride *override)
{
  if (override == NULL)
    return;
  g_free (override->edition);
  g_free (override->rule_id);
  g_free (override->title);
  g_free (override->unit);
  g_strfreev (override->start);
  g_strfreev (override->stop);
  g_free (override->source);
  g_free (override->recorded_by);
  g_free (override->notes);
  g_free (override);
}

static gboolean
check_kinds (const char  *field,
             char       **kinds,
             GError     **error)
{
  if (kinds == NULL)
    return TRUE;
  if (kinds[0] == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: at least one event is required"),
                   field);
      return FALSE;
    }
  for (guint i = 0; kinds[i] != NULL; i++)
    if (!cairn_codes_check (CAIRN_CODES_EVENT_KIND, field, kinds[i], error))
      return FALSE;
  return TRUE;
}

/**
 * cairn_rule_override_validate:
 *
 * Checks what can be checked without the editions: the names, the date,
 * the limit and unit, the event kinds, and that the source is given (every
 * board rule says where it comes from). The pathway checks the edition and
 * rule exist.
 */
gboolean
cairn_rule_override_validate (const CairnRuleOverride *o,
                              GError                 **error)
{
  static const char *units[] = { "working_days", "hours", "calendar_days", "calendar_months",
                                 "days_beginning_with", NULL };

  if (!cairn_validate_required (_("Edition"), o->edition, error) ||
      !cairn_validate_required (_("Rule"), o->rule_id, error) ||
      !cairn_validate_max_length (_("Rule"), o->rule_id, 40, error) ||
      !cairn_validate_required (_("Source"), o->source, error) ||
      !cairn_validate_text (_("Source"), o->source, error) ||
      !cairn_validate_text (_("Notes"), o->notes, error) ||
      !cairn_validate_max_length (_("Title"), o->title, 200, error))
    return FALSE;
  if (!cairn_date_is_set (&o->effective_from))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Effective from: a date is required"));
      return FALSE;
    }
  if (o->limit < 0 || o->limit > 10000)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Limit: %d is not between 0 (no limit) and 10000"), o->limit);
      return FALSE;
    }
  if (o->limit > 0 && !g_strv_contains (units, o->unit ? o->unit : ""))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Unit: \"%s\" is not a unit (working_days, hours, calendar_days, "
                     "calendar_months, days_beginning_with)"),
                   o->unit ? o->unit : "");
      return FALSE;
    }
  if (o->limit == 0 && !cairn_str_empty (o->unit))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Unit: \"%s\" given without a limit"), o->unit);
      return FALSE;
    }
  return check_kinds (_("Start"), o->start, error) && check_kinds (_("Stop"), o->stop, error);
}
