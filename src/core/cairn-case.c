/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-case"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-case.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

CairnReferral *
cairn_referral_new (void)
{
  CairnReferral *referral = g_new0 (CairnReferral, 1);

  cairn_date_clear (&referral->received_on);
  referral->received_minute = CAIRN_NO_TIME;
  return referral;
}

void
cairn_referral_free (CairnReferral *referral)
{
  if (referral == NULL)
    return;
  g_free (referral->channel);
  g_free (referral->source_code);
  g_free (referral->source_agency);
  g_free (referral->referrer_name);
  g_free (referral->concern);
  g_free (referral->primary_need_code);
  g_free (referral->decision);
  g_free (referral);
}

/**
 * cairn_referral_validate:
 * @child: the child referred, for the pre-birth limit
 *
 * A referral needs a date that is not after today and at most
 * %CAIRN_MAX_PRE_BIRTH_REFERRAL_DAYS days before the child's date of birth
 * (or expected date of birth); codes must be known.
 */
gboolean
cairn_referral_validate (CairnReferral    *referral,
                         const CairnChild *child,
                         const GDate      *today,
                         GError          **error)
{
  const GDate *birth = child ? cairn_child_get_birth_or_expected (child) : NULL;

  if (!cairn_date_is_set (&referral->received_on))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Referral date: a date is required"));
      return FALSE;
    }
  if (!cairn_date_check_not_after (_("Referral date"), &referral->received_on, today, error))
    return FALSE;
  if (birth != NULL && cairn_date_is_set (birth) &&
      g_date_days_between (&referral->received_on, birth) > CAIRN_MAX_PRE_BIRTH_REFERRAL_DAYS)
    {
      g_autofree char *r = cairn_date_to_string (&referral->received_on);
      g_autofree char *b = cairn_date_to_string (birth);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Referral date: %s is %d days before the %s %s (at most %d days are allowed)"), r,
                   g_date_days_between (&referral->received_on, birth),
                   cairn_date_is_set (&child->date_of_birth) ? _("date of birth")
                                                             : _("expected date of birth"),
                   b, CAIRN_MAX_PRE_BIRTH_REFERRAL_DAYS);
      return FALSE;
    }
  if (!cairn_str_empty (referral->source_code) &&
      !cairn_codes_check (CAIRN_CODES_REFERRAL_SOURCE, _("Referral source"), referral->source_code,
                          error))
    return FALSE;
  if (!cairn_str_empty (referral->primary_need_code) &&
      !cairn_codes_check (CAIRN_CODES_PRIMARY_NEED, _("Primary need"), referral->primary_need_code,
                          error))
    return FALSE;
  if (!cairn_str_empty (referral->decision) &&
      !cairn_codes_check (CAIRN_CODES_REFERRAL_DECISION, _("Decision"), referral->decision, error))
    return FALSE;
  return cairn_validate_text (_("Concern"), referral->concern, error) &&
         cairn_validate_max_length (_("Referrer"), referral->referrer_name, 200, error);
}

CairnEvent *
cairn_event_new (void)
{
  CairnEvent *event = g_new0 (CairnEvent, 1);

  cairn_date_clear (&event->date);
  event->minute = CAIRN_NO_TIME;
  event->child_seen = -1;
  event->seen_alone = -1;
  return event;
}

CairnEvent *
cairn_event_copy (const CairnEvent *event)
{
  CairnEvent *copy = g_new0 (CairnEvent, 1);

  *copy = *event;
  copy->kind = g_strdup (event->kind);
  copy->outcome = g_strdup (event->outcome);
  copy->recorded_by = g_strdup (event->recorded_by);
  copy->not_seen_alone_reason = g_strdup (event->not_seen_alone_reason);
  copy->notes = g_strdup (event->notes);
  copy->exception_reason = g_strdup (event->exception_reason);
  copy->late_reason = g_strdup (event->late_reason);
  return copy;
}

void
cairn_event_free (CairnEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->outcome);
  g_free (event->recorded_by);
  g_free (event->not_seen_alone_reason);
  g_free (event->notes);
  g_free (event->exception_reason);
  g_free (event->late_reason);
  g_free (event);
}

/**
 * cairn_event_validate:
 *
 * An event needs a known kind and a date; it may not be after today unless
 * it is planned. A child seen alone must have been seen.
 */
gboolean
cairn_event_validate (CairnEvent  *event,
                      const GDate *today,
                      GError     **error)
{
  if (cairn_str_empty (event->kind))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Event: what happened is required"));
      return FALSE;
    }
  if (!cairn_codes_check (CAIRN_CODES_EVENT_KIND, _("Event"), event->kind, error))
    return FALSE;
  if (!cairn_date_is_set (&event->date))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Date: a date is required"));
      return FALSE;
    }
  if (event->minute != CAIRN_NO_TIME && (event->minute < 0 || event->minute >= 24 * 60))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Time: %d is not a time of day"),
                   event->minute);
      return FALSE;
    }
  if (!event->planned && !cairn_date_check_not_after (_("Date"), &event->date, today, error))
    return FALSE;
  if (event->seen_alone == 1 && event->child_seen == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Seen alone: the child cannot be seen alone without being seen"));
      return FALSE;
    }
  return cairn_validate_text (_("Outcome"), event->outcome, error) &&
         cairn_validate_text (_("Notes"), event->notes, error) &&
         cairn_validate_text (_("Reason"), event->not_seen_alone_reason, error) &&
         cairn_validate_text (_("Exception reason"), event->exception_reason, error) &&
         cairn_validate_text (_("Reason for delay"), event->late_reason, error) &&
         cairn_validate_max_length (_("Recorded by"), event->recorded_by, 200, error);
}
