/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-conference-pathway"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-codes.h"
#include "cairn-conference-pathway.h"
#include "cairn-conference-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-utils.h"

/**
 * cairn_conference_event_kind:
 *
 * The pathway event a conference is for one child: an initial conference
 * before the child is born is a pre-birth conference (and a pre-birth
 * conference after the birth an initial one).
 */
const char *
cairn_conference_event_kind (const CairnConference        *conference,
                             const CairnConferenceSubject *subject)
{
  gboolean unborn;

  if (g_strcmp0 (conference->kind, "review") == 0)
    return "review_conference";
  if (g_strcmp0 (conference->kind, "transfer_in") == 0)
    return "transfer_in_conference";
  unborn = cairn_date_is_set (&subject->date_of_birth)
             ? g_date_compare (&subject->date_of_birth, &conference->held_on) > 0
             : cairn_date_is_set (&subject->expected_birth_date);
  return unborn ? "pre_birth_conference" : "icpc";
}

/* The edition's timer rule started by @start and stopped by @stop. */
static const CairnRule *
find_rule (CairnEdition *edition,
           const char   *start,
           const char   *stop)
{
  for (guint i = 0; i < cairn_edition_get_n_rules (edition); i++)
    {
      const CairnRule *rule = cairn_edition_get_rule (edition, i);
      if (rule->type == CAIRN_RULE_TIMER && rule->start && rule->stop &&
          g_strv_contains ((const char * const *) rule->start, start) &&
          g_strv_contains ((const char * const *) rule->stop, stop))
        return rule;
    }
  return NULL;
}

/* The due date of @rule from @from, or unset when the board has set no
 * limit for it; other failures are errors. */
static gboolean
due (CairnPathway              *pathway,
     const CairnPathwayConfig  *config,
     CairnEdition              *edition,
     const CairnRule           *rule,
     const GDate               *from,
     GDate                     *out,
     char                     **rule_id,
     char                     **source,
     GError                   **error)
{
  g_autoptr (GError) local = NULL;
  int minute;

  cairn_date_clear (out);
  g_clear_pointer (rule_id, g_free);
  g_clear_pointer (source, g_free);
  if (rule == NULL)
    return TRUE;
  *rule_id = g_strdup (rule->id);
  if (cairn_pathway_due_date (pathway, config, cairn_edition_get_id (edition), rule->id, from,
                              CAIRN_NO_TIME, out, &minute, source, &local))
    return TRUE;
  cairn_date_clear (out);
  if (g_error_matches (local, CAIRN_ERROR, CAIRN_ERROR_NO_LIMIT))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/**
 * cairn_conference_compute_dates:
 *
 * Sets each child's computed dates: for an initial, pre-birth or
 * transfer-in conference the latest date of the first core group (the
 * edition's rule from the conference to the core group: 10 working days)
 * and of the first review (3 months); for a review, of the next review
 * (6 months). The clock starts on the day of the conference and the
 * edition is the one the board's choice gives for that clock (the case's
 * own edition when it has one), so a conference on 12 April 2013 uses
 * WT2010 and one on 15 April 2013 WT2013.
 */
gboolean
cairn_conference_compute_dates (CairnStore       *store,
                                CairnConference  *conference,
                                GError          **error)
{
  g_autoptr (CairnPathway) pathway = cairn_pathway_get_default (error);
  g_autoptr (CairnPathwayConfig) config = NULL;

  if (pathway == NULL || (config = cairn_pathway_config_load (pathway, store, error)) == NULL)
    return FALSE;
  if (!cairn_date_is_set (&conference->held_on))
    return TRUE;
  for (guint i = 0; i < conference->subjects->len; i++)
    {
      CairnConferenceSubject *s = g_ptr_array_index (conference->subjects, i);
      g_auto (CairnCasePathway) kase = { 0 };
      CairnPathwayCase pcase = { 0 };
      CairnEdition *edition;
      const char *start = cairn_conference_event_kind (conference, s);
      gboolean review = strcmp (start, "review_conference") == 0;

      if (!cairn_store_get_case_pathway (store, s->child_number, s->case_number, &kase, error))
        return FALSE;
      pcase.opened_on = kase.opened_on;
      pcase.closed_on = kase.closed_on;
      pcase.edition = kase.edition;
      edition = cairn_pathway_choose_edition (pathway, config, &pcase, &conference->held_on);
      /* A transfer-in conference starts the plan's clocks in the receiving
       * area as an initial conference does. */
      if (strcmp (start, "transfer_in_conference") == 0)
        start = "icpc";
      cairn_set_str (&s->edition, cairn_edition_get_short_title (edition));
      if (!due (pathway, config, edition, review ? NULL : find_rule (edition, start, "core_group"),
                &conference->held_on, &s->core_group_due, &s->core_group_rule, &s->core_group_source,
                error) ||
          !due (pathway, config, edition, find_rule (edition, start, "review_conference"),
                &conference->held_on, &s->review_due, &s->review_rule, &s->review_source, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_event (GPtrArray   *events,
           const char  *kind,
           const GDate *date)
{
  for (guint i = 0; i < events->len; i++)
    {
      const CairnEvent *e = g_ptr_array_index (events, i);
      if (g_strcmp0 (e->kind, kind) == 0 && g_date_compare (&e->date, date) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
record (CairnStore                    *store,
        const CairnConference         *conference,
        const CairnConferenceSubject  *subject,
        GPtrArray                     *events,
        const char                    *kind,
        const char                    *outcome,
        GError                       **error)
{
  g_autoptr (CairnEvent) event = NULL;
  g_autofree char *name = NULL;

  if (has_event (events, kind, &conference->held_on))
    return TRUE;
  event = cairn_event_new ();
  event->kind = g_strdup (kind);
  event->date = conference->held_on;
  event->minute = conference->held_minute;
  event->recorded_by = g_strdup (conference->chair);
  event->outcome = g_strdup (outcome);
  if (cairn_pathway_record_event (store, subject->child_number, subject->case_number, event, error))
    return TRUE;
  name = cairn_conference_subject_dup_name (subject);
  g_prefix_error (error, "%s: ", name);
  return FALSE;
}

/**
 * cairn_conference_approve:
 *
 * The chair approves the draft record of CF-@year-@number: the decisions
 * must be complete (cairn_conference_validate_decisions()); each child's
 * plan is started, continued or ended; and the conference and the plan
 * decisions are recorded in each child's chronology through the pathway
 * (so timers start and stop), unless already there. All in one
 * transaction: if the pathway refuses an event (a step out of order) the
 * error names the child and nothing changes.
 */
gboolean
cairn_conference_approve (CairnStore  *store,
                          int          year,
                          int          number,
                          GError     **error)
{
  g_autoptr (CairnConference) conference = cairn_store_get_conference (store, year, number, error);

  if (conference == NULL || !cairn_store_begin (store, error))
    return FALSE;
  if (!cairn_store_approve_conference (store, conference->id, error) ||
      !cairn_store_apply_conference_plans (store, conference->id, error))
    goto fail;
  for (guint i = 0; i < conference->subjects->len; i++)
    {
      const CairnConferenceSubject *s = g_ptr_array_index (conference->subjects, i);
      g_autoptr (GPtrArray) events = cairn_store_list_events (store, s->child_number, s->case_number, error);
      const char *decision = cairn_codes_label (CAIRN_CODES_PLAN_DECISION, s->plan_decision);

      if (events == NULL ||
          !record (store, conference, s, events, cairn_conference_event_kind (conference, s), decision,
                   error))
        goto fail;
      if (g_strcmp0 (s->plan_decision, "start") == 0)
        {
          g_autofree char *categories = cairn_conference_subject_dup_categories_text (s);
          g_autofree char *outcome = g_strdup_printf (_("Category: %s"), categories);
          if (!record (store, conference, s, events, "cp_plan_start", outcome, error))
            goto fail;
        }
      else if (g_strcmp0 (s->plan_decision, "end") == 0 &&
               !record (store, conference, s, events, "cp_plan_end", decision, error))
        goto fail;
    }
  return cairn_store_commit (store, error);

fail:
  cairn_store_rollback (store);
  return FALSE;
}
