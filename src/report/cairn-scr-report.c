/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-scr-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pdf-writer.h"
#include "cairn-scr-report.h"
#include "cairn-scr-store.h"
#include "cairn-utils.h"

#define DRAFT_MARKING N_("DRAFT — RESTRICTED — NOT FOR PUBLICATION")

static char *
month_year (const GDate *date)
{
  g_autofree char *full = NULL;
  const char *space;

  if (!cairn_date_is_set (date))
    return g_strdup ("");
  /* "3 March 2011" → "March 2011": the day goes. */
  full = cairn_date_to_display (date);
  space = strchr (full, ' ');
  return g_strdup (space ? space + 1 : full);
}

/* Narrative text, anonymised; a note in its place when the panel has not written it. */
static void
add_narrative (CairnDocument   *doc,
               CairnAnonymiser *anon,
               const char      *text,
               const char      *missing)
{
  g_autofree char *clean = NULL;

  if (cairn_str_empty (text) || *g_strstrip ((clean = g_strdup (text))) == '\0')
    {
      CairnParagraph *p = cairn_document_add_styled_paragraph (doc, CAIRN_PARAGRAPH_SMALL);
      cairn_paragraph_add_run (p, CAIRN_RUN_ITALIC, missing);
      return;
    }
  g_free (clean);
  clean = cairn_anonymiser_apply (anon, text);
  cairn_document_add_text (doc, clean);
}

static void
add_labelled (CairnDocument *doc,
              const char    *label,
              const char    *value)
{
  CairnParagraph *p = cairn_document_add_paragraph (doc);

  cairn_paragraph_add_run (p, CAIRN_RUN_BOLD, label);
  cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, " ");
  cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, cairn_str_empty (value) ? _("not recorded") : value);
}

static void
add_introduction (CairnDocument   *doc,
                  const CairnScr  *scr,
                  CairnAnonymiser *anon)
{
  cairn_document_add_heading (doc, 1, cairn_scr_section_title (CAIRN_SCR_SECTION_INTRODUCTION));

  cairn_document_add_heading (doc, 2, _("The circumstances that led to this review"));
  add_narrative (doc, anon, scr->trigger_summary, _("The circumstances have not been recorded."));
  if (cairn_date_is_set (&scr->decision_on))
    {
      g_autofree char *when = month_year (&scr->decision_on);
      g_autofree char *text = g_strdup_printf (
        _("The Chair of the Local Safeguarding Children Board decided in %s that a serious case "
          "review should be held."), when);
      cairn_document_add_text (doc, text);
    }

  cairn_document_add_heading (doc, 2, _("The review process"));
  add_narrative (doc, anon, scr->sections[CAIRN_SCR_SECTION_INTRODUCTION],
                 _("The review process has not yet been described."));
  if (scr->imrs->len > 0)
    {
      CairnList *list;
      cairn_document_add_text (doc, _("Individual management reviews were provided by:"));
      list = cairn_document_add_list (doc, FALSE);
      for (guint i = 0; i < scr->imrs->len; i++)
        {
          const CairnScrImr *imr = g_ptr_array_index (scr->imrs, i);
          cairn_list_add_text_item (list, imr->agency_name ? imr->agency_name : imr->agency_code);
        }
    }

  cairn_document_add_heading (doc, 2, _("The review panel"));
  add_labelled (doc, _("LSCB Chair:"), scr->lscb_chair);
  add_labelled (doc, _("SCR Panel Chair:"), scr->panel_chair);
  add_labelled (doc, _("Overview report author:"), scr->overview_author);
  if (!cairn_str_empty (scr->independence_statement))
    {
      g_autofree char *statement = cairn_anonymiser_apply (anon, scr->independence_statement);
      CairnParagraph *p = cairn_document_add_styled_paragraph (doc, CAIRN_PARAGRAPH_QUOTE);
      cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, statement);
    }
  if (scr->panel->len > 0)
    {
      const double widths[] = { 1.2, 1.0 };
      const char *header[] = { _("Job title"), _("Employing organisation"), NULL };
      CairnTable *table;

      cairn_document_add_text (doc, _("The members of the review panel, by job title and employing "
                                      "organisation:"));
      table = cairn_document_add_table (doc, 2, widths, 1);
      cairn_table_add_row (table, header);
      for (guint i = 0; i < scr->panel->len; i++)
        {
          const CairnScrPanelMember *m = g_ptr_array_index (scr->panel, i);
          const char *row[] = { m->job_title, m->organisation, NULL };
          cairn_table_add_row (table, row);
        }
    }

  cairn_document_add_heading (doc, 2, _("Parallel processes"));
  add_narrative (doc, anon, scr->parallel_processes,
                 _("No parallel processes have been recorded."));

  cairn_document_add_heading (doc, 2, _("The involvement of the family"));
  add_narrative (doc, anon, scr->family_involvement,
                 _("The family's involvement in the review has not been recorded."));
}

static void
add_facts (CairnDocument   *doc,
           const CairnScr  *scr,
           CairnAnonymiser *anon)
{
  cairn_document_add_heading (doc, 1, cairn_scr_section_title (CAIRN_SCR_SECTION_FACTS));
  add_narrative (doc, anon, scr->sections[CAIRN_SCR_SECTION_FACTS],
                 _("The summary of events has not yet been written."));

  if (scr->events->len > 0)
    {
      const double widths[] = { 1.0, 3.0 };
      const char *header[] = { scr->date_display == CAIRN_SCR_DATES_AGE ? _("When (age of the child)")
                                                                          : _("When"),
                               _("Agency involvement"), NULL };
      CairnTable *table;

      g_autofree char *period = NULL;
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));

      cairn_document_add_heading (doc, 2, _("Summary of agency involvement"));
      table = cairn_document_add_table (doc, 2, widths, 1);
      cairn_table_add_row (table, header);
      /* A précis: one row per month (or age), each kind of involvement once with how often. */
      for (guint i = 0; i <= scr->events->len; i++)
        {
          const CairnScrEvent *e = i < scr->events->len ? g_ptr_array_index (scr->events, i) : NULL;
          g_autofree char *when = e ? cairn_anonymiser_format_date (anon, &e->date) : NULL;
          g_autofree char *what = NULL;
          guint k;

          if (period != NULL && g_strcmp0 (when, period) != 0)
            {
              GString *cell = g_string_new (NULL);
              const char *row[] = { period, NULL, NULL };
              for (k = 0; k < items->len; k++)
                {
                  guint n = g_array_index (counts, guint, k);
                  g_string_append_printf (cell, "%s%s", k ? "; " : "", (char *) g_ptr_array_index (items, k));
                  if (n > 1)
                    g_string_append_printf (cell, " (×%u)", n);
                }
              row[1] = cell->str;
              cairn_table_add_row (table, row);
              g_string_free (cell, TRUE);
              g_ptr_array_set_size (items, 0);
              g_array_set_size (counts, 0);
            }
          if (e == NULL)
            break;
          g_free (period);
          period = g_strdup (when);
          {
            const char *label = cairn_codes_label (CAIRN_CODES_EVENT_KIND, e->kind);
            g_autofree char *outcome = cairn_str_empty (e->outcome) ? NULL
                                                                   : cairn_anonymiser_apply (anon, e->outcome);
            what = outcome ? g_strdup_printf ("%s: %s", label ? label : e->kind, outcome)
                           : g_strdup (label ? label : e->kind);
          }
          for (k = 0; k < items->len; k++)
            if (strcmp (g_ptr_array_index (items, k), what) == 0)
              break;
          if (k == items->len)
            {
              guint one = 1;
              g_ptr_array_add (items, g_steal_pointer (&what));
              g_array_append_val (counts, one);
            }
          else
            g_array_index (counts, guint, k)++;
        }
    }
}

static const char *
status_label (const char *status)
{
  const char *label = cairn_codes_label (CAIRN_CODES_SCR_ACTION_STATUS, status);

  return label ? label : status;
}

static void
add_recommendations (CairnDocument   *doc,
                     const CairnScr  *scr,
                     CairnAnonymiser *anon)
{
  const double widths[] = { 1.4, 1.6, 1.0, 1.0, 1.2, 0.85, 0.85, 1.35, 1.3 };
  const char *header[] = { _("Recommendation"), _("Action"), _("Agencies"), _("Who is responsible"),
                           _("How monitored and by whom"), _("Due"), _("Status"), _("Progress"),
                           _("Evaluation of impact"), NULL };
  CairnTable *table;

  cairn_document_add_heading (doc, 1, cairn_scr_section_title (CAIRN_SCR_SECTION_RECOMMENDATIONS));
  add_narrative (doc, anon, scr->sections[CAIRN_SCR_SECTION_RECOMMENDATIONS],
                 _("The introduction to the recommendations has not yet been written."));

  cairn_document_add_heading (doc, 2, _("Recommendations"));
  if (scr->recommendations->len == 0)
    add_narrative (doc, anon, NULL, _("No recommendations have been recorded."));
  else
    {
      CairnList *list = cairn_document_add_list (doc, TRUE);
      for (guint i = 0; i < scr->recommendations->len; i++)
        {
          const CairnScrRecommendation *rec = g_ptr_array_index (scr->recommendations, i);
          g_autofree char *body = cairn_anonymiser_apply (anon, rec->body);
          cairn_list_add_text_item (list, body);
        }
    }

  if (scr->recommendations->len == 0)
    {
      cairn_document_add_heading (doc, 2, _("Action plan"));
      add_narrative (doc, anon, NULL, _("No action plan has been recorded yet."));
      return;
    }
  /* The action plan is wide: it has landscape pages of its own. */
  cairn_document_add_orientation_break (doc, CAIRN_ORIENTATION_LANDSCAPE);
  cairn_document_add_heading (doc, 2, _("Action plan"));
  cairn_document_add_text (doc, _("The action plan, with the agencies each recommendation concerns, "
                                  "who is responsible for it, how its progress is monitored and by "
                                  "whom, the progress made so far (completed actions included) and "
                                  "how the impact of the changes will be evaluated."));
  table = cairn_document_add_table (doc, G_N_ELEMENTS (widths), widths, 1);
  cairn_table_add_row (table, header);
  for (guint i = 0; i < scr->recommendations->len; i++)
    {
      const CairnScrRecommendation *rec = g_ptr_array_index (scr->recommendations, i);
      g_autofree char *body = cairn_anonymiser_apply (anon, rec->body);
      g_autofree char *first = g_strdup_printf ("%d. %s", rec->number, body);
      g_autofree char *again = g_strdup_printf (_("%d (continued)"), rec->number);

      if (rec->actions->len == 0)
        {
          const char *row[] = { first, _("No action recorded yet"), "", "", "", "", "", "", "", NULL };
          cairn_table_add_row (table, row);
          continue;
        }
      for (guint j = 0; j < rec->actions->len; j++)
        {
          const CairnScrAction *a = g_ptr_array_index (rec->actions, j);
          g_autofree char *action = cairn_anonymiser_apply (anon, a->action);
          g_autofree char *agencies = cairn_anonymiser_apply (anon, a->agencies);
          g_autofree char *responsible = cairn_anonymiser_apply (anon, a->responsible);
          g_autofree char *monitored = cairn_anonymiser_apply (anon, a->monitored_by);
          g_autofree char *due = month_year (&a->due_on);
          g_autofree char *done = month_year (&a->completed_on);
          g_autofree char *status = cairn_date_is_set (&a->completed_on)
                                      ? g_strdup_printf ("%s (%s)", status_label (a->status), done)
                                      : g_strdup (status_label (a->status));
          g_autofree char *progress = cairn_anonymiser_apply (anon, a->progress);
          g_autofree char *evaluation = cairn_anonymiser_apply (anon, a->evaluation);
          const char *row[] = { j == 0 ? first : again, action, agencies, responsible, monitored,
                                due, status, progress, evaluation, NULL };
          cairn_table_add_row (table, row);
        }
    }
}

static GDateTime *
as_of_datetime (const CairnScr *scr)
{
  GDate as_of;

  cairn_scr_get_as_of (scr, &as_of);
  if (!cairn_date_is_set (&as_of))
    return NULL;
  return g_date_time_new_utc (g_date_get_year (&as_of), g_date_get_month (&as_of),
                              g_date_get_day (&as_of), 0, 0, 0);
}

/**
 * cairn_scr_report_build:
 *
 * Builds the executive summary of @scr as a document, every narrative
 * passed through @anon. Nothing is checked here: see
 * cairn_scr_report_export().
 *
 * Returns: (transfer full): the document
 */
CairnDocument *
cairn_scr_report_build (const CairnScr              *scr,
                        CairnAnonymiser             *anon,
                        const CairnScrReportOptions *options)
{
  const char *child = cairn_anonymiser_get_subject_pseudonym (anon);
  const char *board = cairn_str_empty (scr->board_name) ? _("Local Safeguarding Children Board")
                                                        : scr->board_name;
  g_autofree char *title = g_strdup_printf (_("Serious Case Review: %s"), child);
  g_autofree char *doc_title = g_strdup_printf (_("Serious Case Review: %s — Executive Summary"), child);
  g_autofree char *ref = cairn_scr_dup_ref (scr);
  g_autofree char *keywords = g_strdup_printf (_("serious case review; executive summary; %s; %s"),
                                               ref, board);
  g_autofree char *header = g_strdup_printf ("%s — %s", board, doc_title);
  g_autoptr (GDateTime) created = NULL;
  g_autofree char *version_line = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *author_line = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  CairnDocument *doc;
  GDate as_of;

  doc = cairn_document_new (doc_title);
  cairn_document_set_subtitle (doc, _("Executive summary"));
  cairn_document_set_author (doc, board);
  cairn_document_set_subject (doc, _("Executive summary of a serious case review (Working Together "
                                     "to Safeguard Children 2010, chapter 8; Annex B format)"));
  cairn_document_set_keywords (doc, keywords);
  cairn_document_set_header_text (doc, header);
  cairn_document_set_footer_text (doc, ref);
  created = options && options->creation_date ? g_date_time_ref (options->creation_date)
                                              : as_of_datetime (scr);
  cairn_document_set_creation_date (doc, created);
  if (options == NULL || !options->publishable)
    cairn_document_set_protective_marking (doc, _(DRAFT_MARKING));

  g_ptr_array_add (lines, g_strdup (board));
  if (!cairn_str_empty (scr->overview_author))
    {
      author_line = g_strdup_printf (_("Overview report author: %s"), scr->overview_author);
      g_ptr_array_add (lines, g_strdup (author_line));
    }
  cairn_scr_get_as_of (scr, &as_of);
  if (cairn_date_is_set (&as_of))
    {
      date_line = month_year (&as_of);
      g_ptr_array_add (lines, g_strdup (date_line));
    }
  if (options && options->version > 0)
    {
      version_line = options->publishable
                       ? g_strdup_printf (_("Version %d, for publication"), options->version)
                       : g_strdup_printf (_("Version %d, draft"), options->version);
      g_ptr_array_add (lines, g_strdup (version_line));
    }
  g_ptr_array_add (lines, NULL);
  cairn_document_add_title_page (doc, title, (const char * const *) lines->pdata);
  g_ptr_array_unref (lines);
  cairn_document_add_contents (doc);

  add_introduction (doc, scr, anon);
  add_facts (doc, scr, anon);
  cairn_document_add_heading (doc, 1, cairn_scr_section_title (CAIRN_SCR_SECTION_KEY_ISSUES));
  add_narrative (doc, anon, scr->sections[CAIRN_SCR_SECTION_KEY_ISSUES],
                 _("The key issues have not yet been written."));
  cairn_document_add_heading (doc, 1, cairn_scr_section_title (CAIRN_SCR_SECTION_LEARNING));
  add_narrative (doc, anon, scr->sections[CAIRN_SCR_SECTION_LEARNING],
                 _("The priorities for learning and change have not yet been written."));
  add_recommendations (doc, scr, anon);
  return doc;
}

/* What Annex B requires of a summary before it can be published. */
static void
check_complete (const CairnScr *scr,
                GPtrArray      *problems)
{
  const struct
  {
    const char *value;
    const char *what;
  } required[] = {
    { scr->lscb_chair, N_("the name of the LSCB Chair") },
    { scr->panel_chair, N_("the name of the SCR Panel Chair") },
    { scr->overview_author, N_("the name of the overview report author") },
    { scr->independence_statement, N_("the statement of the independence of the panel chair and author") },
    { scr->trigger_summary, N_("the circumstances that led to the review") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    if (cairn_str_empty (required[i].value))
      g_ptr_array_add (problems, g_strdup_printf (_("%s is missing"), _(required[i].what)));
  for (int s = 0; s < CAIRN_SCR_N_SECTIONS; s++)
    if (cairn_str_empty (scr->sections[s]))
      g_ptr_array_add (problems, g_strdup_printf (_("the section “%s” is empty"),
                                                  cairn_scr_section_title (s)));
  if (scr->panel->len == 0)
    g_ptr_array_add (problems, g_strdup (_("no panel members are recorded")));
  if (scr->recommendations->len == 0)
    g_ptr_array_add (problems, g_strdup (_("no recommendations are recorded")));
  for (guint i = 0; i < scr->recommendations->len; i++)
    {
      const CairnScrRecommendation *rec = g_ptr_array_index (scr->recommendations, i);
      if (rec->actions->len == 0)
        g_ptr_array_add (problems, g_strdup_printf (_("recommendation %d has no action in the action plan"),
                                                    rec->number));
    }
}

void
cairn_scr_export_clear (CairnScrExport *result)
{
  g_clear_pointer (&result->sha256, g_free);
  g_clear_pointer (&result->leaks, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}

/* Leaks in the model that the file's text did not show (a word broken in a narrow cell). */
static void
merge_model_leaks (GPtrArray *leaks,
                   GPtrArray *model)
{
  for (guint i = 0; i < model->len; i++)
    {
      CairnLeak *m = g_ptr_array_index (model, i);
      gboolean known = FALSE;

      for (guint j = 0; j < leaks->len && !known; j++)
        known = strcmp (((CairnLeak *) g_ptr_array_index (leaks, j))->identifier, m->identifier) == 0;
      if (!known)
        g_ptr_array_add (leaks, g_ptr_array_steal_index (model, i--));
    }
}

static gboolean
write_temp (const char  *path,
            GBytes      *pdf,
            char       **tmp_out,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_unlink (tmp);
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, g_strerror (saved));
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  *tmp_out = g_steal_pointer (&tmp);
  return TRUE;
}

/**
 * cairn_scr_report_export:
 * @publishable: write a version for publication, which must pass the check
 * @path: where to write the PDF
 *
 * Writes the next numbered version of the executive summary of
 * SCR-@year-@number and records it (SHA-256 and page count). The PDF is
 * written to a temporary file beside @path first. For a publishable version
 * the text of that file is read back with Poppler and checked for every
 * identifier of everyone linked to the case; any that remains (and was not
 * released by a panel member) refuses publication with
 * %CAIRN_ERROR_PUBLICATION_REFUSED and the findings in @result->leaks; the
 * temporary file is removed and nothing is recorded. Only a file that passed
 * is renamed to @path.
 */
gboolean
cairn_scr_report_export (CairnStore      *store,
                         int              year,
                         int              number,
                         gboolean         publishable,
                         const char      *path,
                         CairnScrExport  *result,
                         GError         **error)
{
  g_autoptr (CairnScr) scr = NULL;
  g_autoptr (CairnAnonymiser) anon = NULL;
  g_autoptr (CairnDocument) doc = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GBytes) written = NULL;
  g_autoptr (CairnScrVersion) version = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *contents = NULL;
  CairnScrReportOptions options = { 0 };
  guint n_pages = 0;
  gsize len;
  GDate today;

  memset (result, 0, sizeof *result);
  if ((scr = cairn_store_get_scr (store, year, number, error)) == NULL ||
      !cairn_store_get_today_checked (store, &today, error))
    return FALSE;
  ref = cairn_scr_dup_ref (scr);

  if (publishable)
    {
      g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      check_complete (scr, problems);
      if (problems->len > 0)
        {
          g_autofree char *more = problems->len > 1
                                    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (and %u more problem)",
                                                                    " (and %u more problems)",
                                                                    problems->len - 1),
                                                       problems->len - 1)
                                    : g_strdup ("");
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: not ready for publication: %s%s"), ref,
                       (const char *) g_ptr_array_index (problems, 0), more);
          return FALSE;
        }
    }

  anon = cairn_anonymiser_new (scr);
  options.publishable = publishable;
  if ((options.version = cairn_store_next_scr_version (store, scr->id, error)) == 0)
    return FALSE;
  doc = cairn_scr_report_build (scr, anon, &options);
  if ((pdf = cairn_document_render_pdf (doc, &n_pages, NULL, error)) == NULL ||
      !write_temp (path, pdf, &tmp, error))
    return FALSE;

  /* What is checked is the file as written, read back from the disk. */
  if (!g_file_get_contents (tmp, &contents, &len, NULL))
    {
      g_unlink (tmp);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("%s: cannot read back the written file"), path);
      return FALSE;
    }
  written = g_bytes_new_take (g_steal_pointer (&contents), len);

  if (publishable)
    {
      g_autoptr (GPtrArray) leaks = cairn_anonymiser_check_pdf (anon, written, error);
      g_autoptr (GPtrArray) model = NULL;

      if (leaks == NULL)
        {
          g_unlink (tmp);
          return FALSE;
        }
      model = cairn_anonymiser_check_document (anon, doc);
      merge_model_leaks (leaks, model);
      if (leaks->len > 0)
        {
          g_unlink (tmp);
          result->leaks = g_steal_pointer (&leaks);
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_PUBLICATION_REFUSED,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s: publication refused: %u identifying detail remains in the summary",
                                    "%s: publication refused: %u identifying details remain in the summary",
                                    result->leaks->len),
                       ref, result->leaks->len);
          return FALSE;
        }
    }

  version = cairn_scr_version_new ();
  version->version = options.version;
  version->publishable = publishable;
  version->created_on = today;
  version->file_name = g_path_get_basename (path);
  version->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, written);
  version->n_pages = (int) n_pages;

  if (!cairn_store_begin (store, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (!cairn_store_add_scr_version (store, scr->id, version, error))
    {
      cairn_store_rollback (store);
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      cairn_store_rollback (store);
      g_unlink (tmp);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  if (!cairn_store_commit (store, error))
    {
      g_unlink (path);
      return FALSE;
    }

  result->version = version->version;
  result->publishable = publishable;
  result->n_pages = n_pages;
  result->sha256 = g_strdup (version->sha256);
  return TRUE;
}
