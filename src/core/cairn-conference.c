/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-conference"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-codes.h"
#include "cairn-conference.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-ref.h"
#include "cairn-utils.h"

static const struct
{
  const char *id;
  const char *label;
} document_kinds[] = {
  [CAIRN_DOCUMENT_OUTCOME] = { "outcome", N_("Outcome summary") },
  [CAIRN_DOCUMENT_MINUTES] = { "minutes", N_("Minutes") },
  [CAIRN_DOCUMENT_AGENDA] = { "agenda", N_("Agenda") },
  [CAIRN_DOCUMENT_BOARD_MINUTES] = { "board_minutes", N_("Board minutes") },
};

const char *
cairn_document_kind_id (CairnDocumentKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (document_kinds), NULL);
  return document_kinds[kind].id;
}

const char *
cairn_document_kind_label (CairnDocumentKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (document_kinds), NULL);
  return _(document_kinds[kind].label);
}

gboolean
cairn_document_kind_from_id (const char        *id,
                             CairnDocumentKind *out)
{
  for (gsize i = 0; i < G_N_ELEMENTS (document_kinds); i++)
    if (g_strcmp0 (id, document_kinds[i].id) == 0)
      {
        *out = (CairnDocumentKind) i;
        return TRUE;
      }
  return FALSE;
}

CairnAttendee *
cairn_attendee_new (void)
{
  CairnAttendee *a = g_new0 (CairnAttendee, 1);

  a->copy = TRUE;
  return a;
}

void
cairn_attendee_free (CairnAttendee *a)
{
  if (a == NULL)
    return;
  g_free (a->name);
  g_free (a->role);
  g_free (a->agency_code);
  g_free (a->agency_name);
  g_free (a->agency_kind);
  g_free (a->attendance);
  g_free (a->contribution);
  g_free (a);
}

CairnCoreGroupMember *
cairn_core_group_member_new (void)
{
  return g_new0 (CairnCoreGroupMember, 1);
}

void
cairn_core_group_member_free (CairnCoreGroupMember *m)
{
  if (m == NULL)
    return;
  g_free (m->name);
  g_free (m->role);
  g_free (m->agency);
  g_free (m);
}

CairnPlanAction *
cairn_plan_action_new (void)
{
  CairnPlanAction *a = g_new0 (CairnPlanAction, 1);

  cairn_date_clear (&a->due_on);
  return a;
}

void
cairn_plan_action_free (CairnPlanAction *a)
{
  if (a == NULL)
    return;
  g_free (a->action);
  g_free (a->owner);
  g_free (a->due_text);
  g_free (a);
}

CairnConferenceSubject *
cairn_conference_subject_new (void)
{
  CairnConferenceSubject *s = g_new0 (CairnConferenceSubject, 1);

  s->likely_significant_harm = -1;
  cairn_date_clear (&s->date_of_birth);
  cairn_date_clear (&s->expected_birth_date);
  cairn_date_clear (&s->first_core_group_on);
  cairn_date_clear (&s->next_review_on);
  cairn_date_clear (&s->core_group_due);
  cairn_date_clear (&s->review_due);
  s->categories = g_ptr_array_new_with_free_func (g_free);
  s->core_group = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_core_group_member_free);
  s->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_plan_action_free);
  return s;
}

void
cairn_conference_subject_free (CairnConferenceSubject *s)
{
  if (s == NULL)
    return;
  g_free (s->child_name);
  g_free (s->sex);
  g_free (s->plan_decision);
  g_ptr_array_unref (s->categories);
  g_free (s->lead_worker);
  g_free (s->lead_worker_agency);
  g_free (s->lead_body);
  g_free (s->outline_plan);
  g_free (s->contingency_plan);
  g_free (s->dissent);
  g_free (s->dissent_by);
  g_ptr_array_unref (s->core_group);
  g_ptr_array_unref (s->actions);
  g_free (s->edition);
  g_free (s->core_group_rule);
  g_free (s->core_group_source);
  g_free (s->review_rule);
  g_free (s->review_source);
  g_free (s);
}

CairnReceipt *
cairn_receipt_new (void)
{
  CairnReceipt *r = g_new0 (CairnReceipt, 1);

  cairn_date_clear (&r->sent_on);
  return r;
}

void
cairn_receipt_free (CairnReceipt *r)
{
  if (r == NULL)
    return;
  g_free (r->name);
  g_free (r->role);
  g_free (r->agency);
  g_free (r->method);
  g_free (r);
}

CairnDocVersion *
cairn_doc_version_new (void)
{
  CairnDocVersion *v = g_new0 (CairnDocVersion, 1);

  cairn_date_clear (&v->issued_on);
  v->receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_receipt_free);
  return v;
}

void
cairn_doc_version_free (CairnDocVersion *v)
{
  if (v == NULL)
    return;
  g_free (v->issued_by);
  g_free (v->correction);
  g_free (v->sha256);
  g_ptr_array_unref (v->receipts);
  g_free (v);
}

CairnConference *
cairn_conference_new (void)
{
  CairnConference *c = g_new0 (CairnConference, 1);

  cairn_date_clear (&c->held_on);
  c->held_minute = CAIRN_NO_TIME;
  c->quorate = -1;
  c->board_quorum = 3;
  c->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_attendee_free);
  c->subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_conference_subject_free);
  c->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_doc_version_free);
  return c;
}

void
cairn_conference_free (CairnConference *c)
{
  if (c == NULL)
    return;
  g_free (c->kind);
  g_free (c->venue);
  g_free (c->chair);
  g_free (c->chair_agency);
  g_free (c->minute_taker);
  g_free (c->quorate_reason);
  g_free (c->status);
  g_free (c->parents_views);
  g_free (c->child_views);
  g_free (c->strengths);
  g_free (c->risks);
  g_free (c->correction_reason);
  g_free (c->board_name);
  g_ptr_array_unref (c->attendees);
  g_ptr_array_unref (c->subjects);
  g_ptr_array_unref (c->versions);
  g_free (c);
}

char *
cairn_conference_dup_ref (const CairnConference *conference)
{
  CairnRef ref = { .kind = CAIRN_REF_CONFERENCE, .year = conference->year,
                   .number = conference->number };

  return cairn_ref_format (&ref);
}

/* Whether the decision is a child protection plan (made or kept). */
gboolean
cairn_conference_subject_has_plan (const CairnConferenceSubject *subject)
{
  return g_strcmp0 (subject->plan_decision, "start") == 0 ||
         g_strcmp0 (subject->plan_decision, "continue") == 0;
}

/* "Amelia Testperson (C-000123/1)": how messages and documents name a child. */
char *
cairn_conference_subject_dup_name (const CairnConferenceSubject *subject)
{
  g_autofree char *ref = cairn_case_ref_format (subject->child_number, subject->case_number);

  if (cairn_str_empty (subject->child_name))
    return g_steal_pointer (&ref);
  return g_strdup_printf ("%s (%s)", subject->child_name, ref);
}

/* The categories as people read them: "Neglect; Emotional abuse". */
char *
cairn_conference_subject_dup_categories_text (const CairnConferenceSubject *subject)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < subject->categories->len; i++)
    g_string_append_printf (s, "%s%s", i ? "; " : "",
                            cairn_codes_label (CAIRN_CODES_CATEGORY,
                                               g_ptr_array_index (subject->categories, i)));
  return g_string_free (s, FALSE);
}

/**
 * cairn_conference_is_quorate:
 * @n_agencies: (out) (optional): how many agencies had someone present
 * @social_care_present: (out) (optional): whether children's social care did
 *
 * Whether the conference is quorate against the board's setting: at least
 * @conference->board_quorum agencies present, children's social care among
 * them (timescales-verified.md note 3.11; W10-25).
 */
gboolean
cairn_conference_is_quorate (const CairnConference *conference,
                             guint                 *n_agencies,
                             gboolean              *social_care_present)
{
  g_autoptr (GHashTable) agencies = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean social_care = FALSE;

  for (guint i = 0; i < conference->attendees->len; i++)
    {
      const CairnAttendee *a = g_ptr_array_index (conference->attendees, i);

      if (a->agency_code == NULL || g_strcmp0 (a->attendance, "present") != 0)
        continue;
      g_hash_table_add (agencies, a->agency_code);
      social_care |= g_strcmp0 (a->agency_kind, "social_care") == 0;
    }
  if (n_agencies)
    *n_agencies = g_hash_table_size (agencies);
  if (social_care_present)
    *social_care_present = social_care;
  return social_care && g_hash_table_size (agencies) >= (guint) MAX (conference->board_quorum, 1);
}

/**
 * cairn_conference_validate_subject:
 *
 * What a decision about one child needs before it is final: the decision
 * itself; for a plan, the judgement of likely significant harm, at least
 * one category, and a lead social worker; for dissent, who dissented.
 * Every message names the field and the child.
 */
gboolean
cairn_conference_validate_subject (const CairnConference        *conference,
                                   const CairnConferenceSubject *subject,
                                   GError                      **error)
{
  g_autofree char *name = cairn_conference_subject_dup_name (subject);

  if (cairn_str_empty (subject->plan_decision))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Decision: no decision is recorded for %s"), name);
      return FALSE;
    }
  if (!cairn_codes_contains (CAIRN_CODES_PLAN_DECISION, subject->plan_decision))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Decision: \"%s\" is not a decision (start, continue, end, none)"),
                   subject->plan_decision);
      return FALSE;
    }
  if (g_strcmp0 (subject->plan_decision, "start") == 0 && g_strcmp0 (conference->kind, "review") == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Decision: a review conference continues or ends a plan; %s cannot start one"),
                   name);
      return FALSE;
    }
  if (g_strcmp0 (subject->plan_decision, "continue") == 0 && g_strcmp0 (conference->kind, "review") != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Decision: only a review conference continues a plan; record \"start\" for %s"),
                   name);
      return FALSE;
    }
  if (cairn_conference_subject_has_plan (subject))
    {
      if (subject->likely_significant_harm != 1)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Likely significant harm: a child protection plan for %s needs the "
                         "conference's judgement that the child is likely to suffer significant "
                         "harm"),
                       name);
          return FALSE;
        }
      if (subject->categories->len == 0)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Category: a child protection plan for %s needs at least one category "
                         "of abuse (neglect, physical, emotional or sexual abuse)"),
                       name);
          return FALSE;
        }
      if (cairn_str_empty (subject->lead_worker))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Lead social worker: a child protection plan for %s needs a lead social "
                         "worker"),
                       name);
          return FALSE;
        }
    }
  for (guint i = 0; i < subject->categories->len; i++)
    {
      const char *code = g_ptr_array_index (subject->categories, i);
      if (!cairn_codes_contains (CAIRN_CODES_CATEGORY, code) || strcmp (code, "MUL") == 0)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Category: \"%s\" is not a category of abuse (NEG, PHY, EMO, SAB)"), code);
          return FALSE;
        }
    }
  if (!cairn_str_empty (subject->dissent) && cairn_str_empty (subject->dissent_by))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Dissented: name who dissented from the decision for %s"), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_conference_validate_decisions:
 *
 * What a conference needs before its outcome is issued or its minutes are
 * approved: a chair, every child's decision (above), and the reason the
 * chair went ahead when the conference was not quorate.
 */
gboolean
cairn_conference_validate_decisions (const CairnConference  *conference,
                                     GError                **error)
{
  g_autofree char *ref = cairn_conference_dup_ref (conference);
  guint n_agencies = 0;

  if (cairn_str_empty (conference->chair))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Chair: %s has no chair recorded"), ref);
      return FALSE;
    }
  if (conference->subjects->len == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Children: %s is about no child"), ref);
      return FALSE;
    }
  for (guint i = 0; i < conference->subjects->len; i++)
    if (!cairn_conference_validate_subject (conference, g_ptr_array_index (conference->subjects, i),
                                            error))
      return FALSE;
  if (!cairn_conference_is_quorate (conference, &n_agencies, NULL) &&
      cairn_str_empty (conference->quorate_reason))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Quorum reason: %u agency was present and the board's quorum is "
                                "%d, children's social care among them; record why the "
                                "conference went ahead",
                                "Quorum reason: %u agencies were present and the board's quorum is "
                                "%d, children's social care among them; record why the "
                                "conference went ahead",
                                n_agencies),
                   n_agencies, conference->board_quorum);
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_conference_list_distribution:
 *
 * Returns: (transfer container) (element-type CairnAttendee): the attendees
 *   who receive the outcome and the minutes, in attendance order
 */
GPtrArray *
cairn_conference_list_distribution (const CairnConference *conference)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < conference->attendees->len; i++)
    {
      CairnAttendee *a = g_ptr_array_index (conference->attendees, i);
      if (a->copy)
        g_ptr_array_add (out, a);
    }
  return out;
}

/**
 * cairn_conference_latest_version:
 *
 * Returns: (nullable): the newest issued version of @document, or %NULL
 */
const CairnDocVersion *
cairn_conference_latest_version (const CairnConference *conference,
                                 CairnDocumentKind      document)
{
  const CairnDocVersion *found = NULL;

  for (guint i = 0; i < conference->versions->len; i++)
    {
      const CairnDocVersion *v = g_ptr_array_index (conference->versions, i);
      if (v->document == document && (found == NULL || v->version > found->version))
        found = v;
    }
  return found;
}
