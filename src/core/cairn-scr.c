/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-scr"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-scr.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

/* Annex B, "Format of serious case review executive summary" (One Year On, L597–L621). */
static const struct
{
  const char *id;
  const char *title;
} sections[CAIRN_SCR_N_SECTIONS] = {
  [CAIRN_SCR_SECTION_INTRODUCTION] = { "introduction", N_("Introduction") },
  [CAIRN_SCR_SECTION_FACTS] = { "facts", N_("The facts / summary of events") },
  [CAIRN_SCR_SECTION_KEY_ISSUES] = { "key_issues", N_("Key issues or themes arising from the case") },
  [CAIRN_SCR_SECTION_LEARNING] = { "learning", N_("Priorities for learning and change") },
  [CAIRN_SCR_SECTION_RECOMMENDATIONS] = { "recommendations", N_("Recommendations and action plan") },
};

const char *
cairn_scr_section_id (CairnScrSection section)
{
  g_return_val_if_fail (section < CAIRN_SCR_N_SECTIONS, NULL);
  return sections[section].id;
}

const char *
cairn_scr_section_title (CairnScrSection section)
{
  g_return_val_if_fail (section < CAIRN_SCR_N_SECTIONS, NULL);
  return _(sections[section].title);
}

gboolean
cairn_scr_section_from_id (const char      *id,
                           CairnScrSection *out)
{
  for (int i = 0; i < CAIRN_SCR_N_SECTIONS; i++)
    if (g_strcmp0 (id, sections[i].id) == 0)
      {
        *out = (CairnScrSection) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cairn_scr_date_display_id (CairnScrDateDisplay display)
{
  return display == CAIRN_SCR_DATES_AGE ? "age" : "month_year";
}

gboolean
cairn_scr_date_display_parse (const char          *field,
                              const char          *text,
                              CairnScrDateDisplay *out,
                              GError             **error)
{
  if (g_strcmp0 (text, "age") == 0)
    *out = CAIRN_SCR_DATES_AGE;
  else if (g_strcmp0 (text, "month_year") == 0)
    *out = CAIRN_SCR_DATES_MONTH_YEAR;
  else
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" is not a date display (age, month_year)"), field,
                   text ? text : "");
      return FALSE;
    }
  return TRUE;
}

void
cairn_scr_summary_free (CairnScrSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->title);
  g_free (summary->stage);
  g_free (summary);
}

CairnScr *
cairn_scr_new (void)
{
  CairnScr *scr = g_new0 (CairnScr, 1);

  cairn_date_clear (&scr->incident_on);
  cairn_date_clear (&scr->notified_on);
  cairn_date_clear (&scr->decision_on);
  cairn_date_clear (&scr->scope_from);
  cairn_date_clear (&scr->scope_to);
  cairn_date_clear (&scr->completed_on);
  cairn_date_clear (&scr->sent_to_ofsted_on);
  cairn_date_clear (&scr->published_on);
  scr->panel = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_panel_member_free);
  scr->imrs = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_imr_free);
  scr->recommendations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_recommendation_free);
  scr->people = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_person_free);
  scr->events = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_event_free);
  scr->pseudonyms = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_pseudonym_free);
  scr->releases = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_release_free);
  scr->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_version_free);
  return scr;
}

void
cairn_scr_free (CairnScr *scr)
{
  if (scr == NULL)
    return;
  g_free (scr->title);
  g_free (scr->criterion);
  g_free (scr->trigger_summary);
  g_free (scr->decision);
  g_free (scr->stage);
  g_free (scr->lscb_chair);
  g_free (scr->panel_chair);
  g_free (scr->overview_author);
  g_free (scr->independence_statement);
  g_free (scr->parallel_processes);
  g_free (scr->family_involvement);
  g_free (scr->board_name);
  for (int i = 0; i < CAIRN_SCR_N_SECTIONS; i++)
    g_free (scr->sections[i]);
  g_ptr_array_unref (scr->panel);
  g_ptr_array_unref (scr->imrs);
  g_ptr_array_unref (scr->recommendations);
  g_ptr_array_unref (scr->people);
  g_ptr_array_unref (scr->events);
  g_ptr_array_unref (scr->pseudonyms);
  g_ptr_array_unref (scr->releases);
  g_ptr_array_unref (scr->versions);
  g_free (scr);
}

char *
cairn_scr_dup_ref (const CairnScr *scr)
{
  return g_strdup_printf ("SCR-%04d-%02d", scr->year, scr->number);
}

/* The child the review is about, or NULL. */
const CairnScrPerson *
cairn_scr_get_subject (const CairnScr *scr)
{
  for (guint i = 0; i < scr->people->len; i++)
    {
      const CairnScrPerson *p = g_ptr_array_index (scr->people, i);
      if (p->kind == CAIRN_SCR_PERSON_SUBJECT)
        return p;
    }
  return NULL;
}

static void
take_latest (GDate       *out,
             const GDate *date)
{
  if (cairn_date_is_set (date) && (!cairn_date_is_set (out) || g_date_compare (date, out) > 0))
    *out = *date;
}

/**
 * cairn_scr_get_as_of:
 *
 * The latest date the review's own record holds (decision, completion,
 * Ofsted, publication, action progress): the date its documents carry, so
 * that the same record always gives the same file. Unset when the record
 * holds no date.
 */
void
cairn_scr_get_as_of (const CairnScr *scr,
                     GDate          *out)
{
  cairn_date_clear (out);
  take_latest (out, &scr->notified_on);
  take_latest (out, &scr->decision_on);
  take_latest (out, &scr->completed_on);
  take_latest (out, &scr->sent_to_ofsted_on);
  take_latest (out, &scr->published_on);
  for (guint i = 0; i < scr->recommendations->len; i++)
    {
      CairnScrRecommendation *rec = g_ptr_array_index (scr->recommendations, i);
      for (guint j = 0; j < rec->actions->len; j++)
        {
          CairnScrAction *action = g_ptr_array_index (rec->actions, j);
          take_latest (out, &action->completed_on);
          for (guint k = 0; k < action->history->len; k++)
            take_latest (out, &((CairnScrActionHistory *) g_ptr_array_index (action->history, k))->as_of);
        }
    }
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (cairn_str_empty (a) || cairn_str_empty (b))
    return FALSE;
  ta = g_strstrip (g_strdup (a));
  tb = g_strstrip (g_strdup (b));
  fa = g_utf8_casefold (ta, -1);
  fb = g_utf8_casefold (tb, -1);
  return strcmp (fa, fb) == 0;
}

/* TRUE for the three officers Annex B names: LSCB Chair, SCR Panel Chair, overview author. */
gboolean
cairn_scr_is_named_officer (const CairnScr *scr,
                            const char     *name)
{
  return same_name (name, scr->lscb_chair) || same_name (name, scr->panel_chair) ||
         same_name (name, scr->overview_author);
}

const CairnScrPanelMember *
cairn_scr_find_panel_member (const CairnScr *scr,
                             gint64          id)
{
  for (guint i = 0; i < scr->panel->len; i++)
    {
      const CairnScrPanelMember *m = g_ptr_array_index (scr->panel, i);
      if (m->id == id)
        return m;
    }
  return NULL;
}

CairnScrPanelMember *
cairn_scr_panel_member_new (void)
{
  return g_new0 (CairnScrPanelMember, 1);
}

void
cairn_scr_panel_member_free (CairnScrPanelMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->job_title);
  g_free (member->organisation);
  g_free (member);
}

CairnScrImr *
cairn_scr_imr_new (void)
{
  CairnScrImr *imr = g_new0 (CairnScrImr, 1);

  cairn_date_clear (&imr->received_on);
  return imr;
}

void
cairn_scr_imr_free (CairnScrImr *imr)
{
  if (imr == NULL)
    return;
  g_free (imr->agency_code);
  g_free (imr->agency_name);
  g_free (imr->author);
  g_free (imr);
}

CairnScrRecommendation *
cairn_scr_recommendation_new (void)
{
  CairnScrRecommendation *rec = g_new0 (CairnScrRecommendation, 1);

  rec->source = g_strdup ("overview");
  rec->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_action_free);
  return rec;
}

void
cairn_scr_recommendation_free (CairnScrRecommendation *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->body);
  g_free (rec->source);
  g_ptr_array_unref (rec->actions);
  g_free (rec);
}

CairnScrAction *
cairn_scr_action_new (void)
{
  CairnScrAction *action = g_new0 (CairnScrAction, 1);

  cairn_date_clear (&action->due_on);
  cairn_date_clear (&action->completed_on);
  action->status = g_strdup ("not_started");
  action->history = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_action_history_free);
  return action;
}

/* A deep copy, history included: for an editor to change and save, keeping the original on refusal. */
CairnScrAction *
cairn_scr_action_copy (const CairnScrAction *action)
{
  CairnScrAction *copy = cairn_scr_action_new ();

  copy->id = action->id;
  copy->action = g_strdup (action->action);
  copy->agencies = g_strdup (action->agencies);
  copy->responsible = g_strdup (action->responsible);
  copy->monitored_by = g_strdup (action->monitored_by);
  copy->due_on = action->due_on;
  cairn_set_str (&copy->status, action->status);
  copy->progress = g_strdup (action->progress);
  copy->completed_on = action->completed_on;
  copy->evaluation = g_strdup (action->evaluation);
  for (guint i = 0; i < action->history->len; i++)
    {
      const CairnScrActionHistory *h = g_ptr_array_index (action->history, i);
      CairnScrActionHistory *c = cairn_scr_action_history_new ();
      c->as_of = h->as_of;
      c->status = g_strdup (h->status);
      c->progress = g_strdup (h->progress);
      g_ptr_array_add (copy->history, c);
    }
  return copy;
}

void
cairn_scr_action_free (CairnScrAction *action)
{
  if (action == NULL)
    return;
  g_free (action->action);
  g_free (action->agencies);
  g_free (action->responsible);
  g_free (action->monitored_by);
  g_free (action->status);
  g_free (action->progress);
  g_free (action->evaluation);
  g_ptr_array_unref (action->history);
  g_free (action);
}

/**
 * cairn_scr_action_validate:
 *
 * An action needs its text and a known status; a complete action needs
 * the date it was completed, and only a complete one has such a date.
 */
gboolean
cairn_scr_action_validate (CairnScrAction  *action,
                           GError         **error)
{
  if (!cairn_validate_required (_("Action"), action->action, error) ||
      !cairn_validate_text (_("Agencies"), action->agencies, error) ||
      !cairn_validate_text (_("Responsible"), action->responsible, error) ||
      !cairn_validate_text (_("Monitored by"), action->monitored_by, error) ||
      !cairn_validate_text (_("Progress"), action->progress, error) ||
      !cairn_validate_text (_("Evaluation of impact"), action->evaluation, error) ||
      !cairn_codes_check (CAIRN_CODES_SCR_ACTION_STATUS, _("Status"), action->status, error))
    return FALSE;
  if (g_strcmp0 (action->status, "complete") == 0 && !cairn_date_is_set (&action->completed_on))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Completed on: a complete action needs the date it was completed"));
      return FALSE;
    }
  if (g_strcmp0 (action->status, "complete") != 0 && cairn_date_is_set (&action->completed_on))
    {
      g_autofree char *d = cairn_date_to_string (&action->completed_on);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Completed on: %s is set but the status is \"%s\", not complete"), d,
                   action->status);
      return FALSE;
    }
  return TRUE;
}

CairnScrActionHistory *
cairn_scr_action_history_new (void)
{
  CairnScrActionHistory *entry = g_new0 (CairnScrActionHistory, 1);

  cairn_date_clear (&entry->as_of);
  return entry;
}

void
cairn_scr_action_history_free (CairnScrActionHistory *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->status);
  g_free (entry->progress);
  g_free (entry);
}

CairnScrPerson *
cairn_scr_person_new (CairnScrPersonKind kind)
{
  CairnScrPerson *person = g_new0 (CairnScrPerson, 1);

  person->kind = kind;
  cairn_date_clear (&person->date_of_birth);
  return person;
}

void
cairn_scr_person_free (CairnScrPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->key);
  g_free (person->relationship);
  g_free (person->given_name);
  g_free (person->family_name);
  g_free (person->other_names);
  g_free (person->aliases);
  g_free (person->sex);
  g_free (person->address);
  g_free (person->postcode);
  g_free (person->school);
  g_free (person->nhs_number);
  g_free (person->upn);
  g_free (person->former_upn);
  g_free (person->la_child_id);
  g_free (person->phone);
  g_free (person->gp);
  g_free (person->role);
  g_free (person->agency);
  g_free (person);
}

/* "Given Other Family", as far as they are known. */
char *
cairn_scr_person_dup_name (const CairnScrPerson *person)
{
  GString *s = g_string_new (NULL);
  const char *parts[] = { person->given_name, person->other_names, person->family_name };

  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!cairn_str_empty (parts[i]))
      g_string_append_printf (s, "%s%s", s->len ? " " : "", parts[i]);
  return g_string_free (s, FALSE);
}

CairnScrEvent *
cairn_scr_event_new (void)
{
  CairnScrEvent *event = g_new0 (CairnScrEvent, 1);

  cairn_date_clear (&event->date);
  return event;
}

void
cairn_scr_event_free (CairnScrEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->outcome);
  g_free (event->notes);
  g_free (event);
}

CairnScrPseudonym *
cairn_scr_pseudonym_new (void)
{
  return g_new0 (CairnScrPseudonym, 1);
}

void
cairn_scr_pseudonym_free (CairnScrPseudonym *pseudonym)
{
  if (pseudonym == NULL)
    return;
  g_free (pseudonym->subject_key);
  g_free (pseudonym->pseudonym);
  g_free (pseudonym);
}

CairnScrRelease *
cairn_scr_release_new (void)
{
  CairnScrRelease *release = g_new0 (CairnScrRelease, 1);

  cairn_date_clear (&release->released_on);
  return release;
}

void
cairn_scr_release_free (CairnScrRelease *release)
{
  if (release == NULL)
    return;
  g_free (release->word);
  g_free (release->released_by);
  g_free (release->reason);
  g_free (release);
}

CairnScrVersion *
cairn_scr_version_new (void)
{
  CairnScrVersion *version = g_new0 (CairnScrVersion, 1);

  cairn_date_clear (&version->created_on);
  cairn_date_clear (&version->signed_off_on);
  cairn_date_clear (&version->sent_to_ofsted_on);
  cairn_date_clear (&version->published_on);
  return version;
}

void
cairn_scr_version_free (CairnScrVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->file_name);
  g_free (version->sha256);
  g_free (version->signed_off_by);
  g_free (version);
}
