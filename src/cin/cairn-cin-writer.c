/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cin"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cairn-cin-census.h"
#include "cairn-date.h"
#include "cairn-error.h"

/* The census as XML (cin-census.md §2). Children are written one at a time
 * into a small buffer that is flushed to the stream, so a return of any
 * size takes little memory. */

static void
indent (GString *s,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (s, "  ");
}

static void
text_element (GString    *s,
              guint       depth,
              const char *name,
              const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  indent (s, depth);
  g_string_append_printf (s, "<%s>%s</%s>\n", name, escaped, name);
}

static void
date_element (GString     *s,
              guint        depth,
              const char  *name,
              const GDate *date)
{
  char buf[11];

  if (!cairn_date_is_set (date))
    return;
  cairn_date_format_into (date, buf);
  indent (s, depth);
  g_string_append_printf (s, "<%s>%s</%s>\n", name, buf, name);
}

static void
open_element (GString    *s,
              guint       depth,
              const char *name)
{
  indent (s, depth);
  g_string_append_printf (s, "<%s>\n", name);
}

static void
close_element (GString    *s,
               guint       depth,
               const char *name)
{
  indent (s, depth);
  g_string_append_printf (s, "</%s>\n", name);
}

static void
write_plan (GString                      *s,
            guint                         d,
            const CairnCinProtectionPlan *p)
{
  open_element (s, d, "ChildProtectionPlans");
  date_element (s, d + 1, "CPPstartDate", &p->start_date);
  date_element (s, d + 1, "CPPendDate", &p->end_date);
  text_element (s, d + 1, "InitialCategoryOfAbuse", p->initial_category);
  text_element (s, d + 1, "LatestCategoryOfAbuse", p->latest_category);
  text_element (s, d + 1, "NumberOfPreviousCPP", p->previous_plans);
  for (guint r = 0; r < p->n_reviews; r++)
    {
      open_element (s, d + 1, "Reviews");
      date_element (s, d + 2, "CPPreviewDate", &p->reviews[r].date);
      close_element (s, d + 1, "Reviews");
    }
  close_element (s, d, "ChildProtectionPlans");
}

static void
write_episode (GString               *s,
               guint                  d,
               const CairnCinEpisode *ep)
{
  open_element (s, d, "CINdetails");
  d++;
  date_element (s, d, "CINreferralDate", &ep->referral_date);
  text_element (s, d, "ReferralSource", ep->referral_source);
  text_element (s, d, "PrimaryNeedCode", ep->primary_need);
  date_element (s, d, "CINclosureDate", &ep->closure_date);
  text_element (s, d, "ReasonForClosure", ep->closure_reason);
  date_element (s, d, "DateOfInitialCPC", &ep->initial_cpc_date);
  text_element (s, d, "ReferralNFA", ep->referral_nfa);
  for (guint i = 0; i < ep->n_assessments; i++)
    {
      const CairnCinAssessment *a = &ep->assessments[i];

      open_element (s, d, "Assessments");
      date_element (s, d + 1, "AssessmentActualStartDate", &a->start_date);
      date_element (s, d + 1, "AssessmentInternalReviewDate", &a->internal_review_date);
      date_element (s, d + 1, "AssessmentAuthorisationDate", &a->authorisation_date);
      if (a->n_factors > 0 || a->has_factors_element)
        {
          open_element (s, d + 1, "FactorsIdentifiedAtAssessment");
          for (guint f = 0; f < a->n_factors; f++)
            text_element (s, d + 2, "AssessmentFactors", a->factors[f]);
          close_element (s, d + 1, "FactorsIdentifiedAtAssessment");
        }
      close_element (s, d, "Assessments");
    }
  for (guint i = 0; i < ep->n_cin_plans; i++)
    {
      open_element (s, d, "CINPlanDates");
      date_element (s, d + 1, "CINPlanStartDate", &ep->cin_plans[i].start_date);
      date_element (s, d + 1, "CINPlanEndDate", &ep->cin_plans[i].end_date);
      close_element (s, d, "CINPlanDates");
    }
  for (guint i = 0; i < ep->n_section47s; i++)
    {
      const CairnCinSection47 *x = &ep->section47s[i];

      open_element (s, d, "Section47");
      date_element (s, d + 1, "S47ActualStartDate", &x->start_date);
      date_element (s, d + 1, "InitialCPCtarget", &x->initial_cpc_target);
      date_element (s, d + 1, "DateOfInitialCPC", &x->initial_cpc_date);
      text_element (s, d + 1, "ICPCnotRequired", x->icpc_not_required);
      close_element (s, d, "Section47");
    }
  for (guint i = 0; i < ep->n_protection_plans; i++)
    write_plan (s, d, &ep->protection_plans[i]);
  for (guint i = 0; i < ep->n_pre_proceedings; i++)
    {
      const CairnCinPreProceedings *pp = &ep->pre_proceedings[i];

      open_element (s, d, "PreProceedingsandFGDM");
      date_element (s, d + 1, "PPStartDate", &pp->start_date);
      date_element (s, d + 1, "LBPSentDate", &pp->letter_before_proceedings);
      text_element (s, d + 1, "FGDMMeetingOffer", pp->fgdm_meeting_offer);
      text_element (s, d + 1, "FGDMMeetingFac", pp->fgdm_meeting_facilitated);
      date_element (s, d + 1, "InitialPPMeetingDate", &pp->initial_meeting_date);
      text_element (s, d + 1, "ReviewMeetingsCount", pp->review_meetings);
      date_element (s, d + 1, "StepDecisionDate", &pp->step_decision_date);
      text_element (s, d + 1, "PPOutcome", pp->outcome);
      date_element (s, d + 1, "CourtAppDate", &pp->court_application_date);
      date_element (s, d + 1, "LetterInitCPDate", &pp->letter_initial_cp_date);
      close_element (s, d, "PreProceedingsandFGDM");
    }
  close_element (s, d - 1, "CINdetails");
}

static void
write_child (GString             *s,
             const CairnCinChild *child)
{
  const guint d = 2;

  open_element (s, d, "Child");
  open_element (s, d + 1, "ChildIdentifiers");
  text_element (s, d + 2, "LAchildID", child->la_child_id);
  text_element (s, d + 2, "UPN", child->upn);
  text_element (s, d + 2, "FormerUPN", child->former_upn);
  text_element (s, d + 2, "UPNunknown", child->upn_unknown);
  date_element (s, d + 2, "PersonBirthDate", &child->birth_date);
  date_element (s, d + 2, "ExpectedPersonBirthDate", &child->expected_birth_date);
  text_element (s, d + 2, "GenderCurrent", child->gender_current);
  text_element (s, d + 2, "Sex", child->sex);
  date_element (s, d + 2, "PersonDeathDate", &child->death_date);
  close_element (s, d + 1, "ChildIdentifiers");
  open_element (s, d + 1, "ChildCharacteristics");
  text_element (s, d + 2, "Ethnicity", child->ethnicity);
  if (child->n_disabilities > 0 || child->has_disabilities_element)
    {
      open_element (s, d + 2, "Disabilities");
      for (guint i = 0; i < child->n_disabilities; i++)
        text_element (s, d + 3, "Disability", child->disabilities[i]);
      close_element (s, d + 2, "Disabilities");
    }
  close_element (s, d + 1, "ChildCharacteristics");
  for (guint e = 0; e < child->n_episodes; e++)
    write_episode (s, d + 1, &child->episodes[e]);
  for (guint p = 0; p < child->n_unattached_plans; p++)
    write_plan (s, d + 1, &child->unattached_plans[p]);
  close_element (s, d, "Child");
}

static void
write_header (GString              *s,
              const CairnCinCensus *c)
{
  g_string_append (s, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message>\n");
  open_element (s, 1, "Header");
  open_element (s, 2, "CollectionDetails");
  text_element (s, 3, "Collection", c->collection);
  text_element (s, 3, "Year", c->year_text);
  date_element (s, 3, "ReferenceDate", &c->reference_date);
  close_element (s, 2, "CollectionDetails");
  open_element (s, 2, "Source");
  text_element (s, 3, "SourceLevel", c->source_level);
  text_element (s, 3, "LEA", c->lea);
  text_element (s, 3, "SoftwareCode", c->software_code);
  text_element (s, 3, "Release", c->release);
  text_element (s, 3, "SerialNo", c->serial_no);
  text_element (s, 3, "DateTime", c->date_time);
  close_element (s, 2, "Source");
  close_element (s, 1, "Header");
  open_element (s, 1, "Children");
}

#define FLUSH_SIZE (256 * 1024)

/**
 * cairn_cin_census_write:
 *
 * Writes @census as census XML to @stream (not closed).
 */
gboolean
cairn_cin_census_write (const CairnCinCensus  *census,
                        GOutputStream         *stream,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr (GString) s = g_string_sized_new (FLUSH_SIZE + 16 * 1024);

  write_header (s, census);
  for (guint i = 0; i < census->n_children; i++)
    {
      write_child (s, &census->children[i]);
      if (s->len >= FLUSH_SIZE)
        {
          if (!g_output_stream_write_all (stream, s->str, s->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (s, 0);
        }
    }
  close_element (s, 1, "Children");
  g_string_append (s, "</Message>\n");
  return g_output_stream_write_all (stream, s->str, s->len, NULL, cancellable, error);
}

/**
 * cairn_cin_census_write_file:
 *
 * Writes @census to @path, readable by its owner only, replacing the file
 * only once it is complete.
 */
gboolean
cairn_cin_census_write_file (const CairnCinCensus  *census,
                             const char            *path,
                             GCancellable          *cancellable,
                             GError               **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GError) local = NULL;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, &local);
  if (out == NULL ||
      !cairn_cin_census_write (census, G_OUTPUT_STREAM (out), cancellable, &local) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("%s: cannot be written: %s"), path,
                   local ? local->message : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_cin_census_to_data:
 *
 * Returns: (transfer full): the XML of @census
 */
char *
cairn_cin_census_to_data (const CairnCinCensus *census,
                          gsize                *length)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  char nul = '\0';

  cairn_cin_census_write (census, out, NULL, NULL);
  g_output_stream_write_all (out, &nul, 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  if (length != NULL)
    *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)) - 1;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}
