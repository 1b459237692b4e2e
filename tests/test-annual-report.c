/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "cairn-annual-report.h"
#include "cairn-annual-stats.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pdf-text.h"
#include "cairn-pdf-writer.h"
#include "cairn-test-annual.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"

/* The annual report of the hand-built board (cairn-test-annual.c), written
 * as PDF and read back with Poppler: the sections of each edition in order,
 * the figures in the PDF equal to the computed ones (and to the hand-worked
 * answers), the draft flag, the metadata, the CSV and the command line. */

static char *board_path;

static const char *
board (void)
{
  if (board_path == NULL)
    board_path = cairn_test_annual_fixture ("annual-report.cairn", FALSE);
  return board_path;
}

static CairnPathway *
pathway (void)
{
  static CairnPathway *p;
  g_autoptr (GError) error = NULL;

  if (p == NULL)
    p = cairn_pathway_get_default (&error);
  g_assert_no_error (error);
  return p;
}

static CairnAnnualReport *
load (CairnStore *store,
      int         year)
{
  g_autoptr (GError) error = NULL;
  CairnAnnualReport *report = cairn_annual_report_load (store, pathway (), year, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static char *last_pdf;

/* Writes @report and reads its text back from the file (kept in last_pdf). */
static CairnPdfText *
write_and_read (CairnAnnualReport *report,
                const char        *name,
                guint             *n_missing)
{
  g_autofree char *path = cairn_test_scratch_path (name);
  g_autoptr (GError) error = NULL;
  CairnAnnualExport result = { 0 };
  CairnPdfText *text;

  g_assert_true (cairn_annual_report_export (report, path, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_pages, >, 5);
  if (n_missing != NULL)
    *n_missing = result.missing->len;
  cairn_annual_export_clear (&result);
  text = cairn_pdf_text_extract_file (path, &error);
  g_assert_no_error (error);
  g_free (last_pdf);
  last_pdf = g_strdup (path);
  return text;
}

/* Every page's text, whitespace runs as one space. */
static char *
flat_text (CairnPdfText *text)
{
  GString *s = g_string_new (NULL);
  g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < text->pages->len; i++)
    g_string_append_printf (s, "%s\n", (char *) g_ptr_array_index (text->pages, i));
  joined = g_string_free (s, FALSE);
  return g_regex_replace_literal (space, joined, -1, 0, " ", 0, NULL);
}

/* poppler-glib 22.12 declares no g_autoptr for its types. */
typedef PopplerDocument TestPopplerDocument;
typedef PopplerPage TestPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPopplerPage, g_object_unref)

typedef struct
{
  double x1, x2, y;
  gunichar c;
} Glyph;

static int
compare_glyphs (gconstpointer a,
                gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  if (ga->y != gb->y)
    return ga->y < gb->y ? -1 : 1;
  return ga->x1 < gb->x1 ? -1 : ga->x1 > gb->x1;
}

/* The text of every page as it looks: one string per printed line, read
 * from the glyphs' positions (a table row is one line, its cells apart by
 * one space), whatever order Poppler's text extraction chose. Lines end
 * with "\n". */
static char *
layout_text (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TestPopplerDocument) doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (TestPopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
      PopplerRectangle *rects = NULL;
      guint n_rects = 0, k = 0;

      poppler_page_get_text_layout (page, &rects, &n_rects);
      for (const char *c = text; *c && k < n_rects; c = g_utf8_next_char (c), k++)
        {
          Glyph g = { rects[k].x1, rects[k].x2, round ((rects[k].y1 + rects[k].y2) / 2.0), g_utf8_get_char (c) };
          if (!g_unichar_isspace (g.c))
            g_array_append_val (glyphs, g);
        }
      g_free (rects);
      g_array_sort (glyphs, compare_glyphs);
      for (guint j = 0; j < glyphs->len; j++)
        {
          Glyph *g = &g_array_index (glyphs, Glyph, j);
          Glyph *prev = j > 0 ? &g_array_index (glyphs, Glyph, j - 1) : NULL;

          if (prev != NULL && fabs (prev->y - g->y) > 0.5)
            g_string_append_c (out, '\n');
          else if (prev != NULL && g->x1 - prev->x2 > 1.5)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, g->c);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Whether a printed line of @layout is exactly @line. */
static gboolean
has_line (const char *layout,
          const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);
  g_autofree char *padded = g_strdup_printf ("\n%s", layout);

  return strstr (padded, needle) != NULL;
}

/* Whether @flat holds a table row with these cells in order, with or
 * without space between them. */
static gboolean
has_row (const char *flat,
         const char *first,
         ...)
{
  GString *pattern = g_string_new (NULL);
  g_autoptr (GRegex) re = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (ap, const char *))
    {
      g_autofree char *escaped = g_regex_escape_string (cell, -1);
      if (pattern->len > 0)
        g_string_append (pattern, "\\s*");
      g_string_append (pattern, escaped);
    }
  va_end (ap);
  g_string_append (pattern, "(?![0-9])");
  re = g_regex_new (pattern->str, 0, 0, NULL);
  g_string_free (pattern, TRUE);
  return g_regex_match (re, flat, 0, NULL);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
fill_narratives (CairnAnnualReport *report)
{
  for (guint i = 0; i < cairn_annual_report_get_n_sections (report); i++)
    {
      const CairnAnnualSection *s = cairn_annual_report_get_section (report, i);
      g_autofree char *body = g_strdup_printf ("The Chair's assessment for %s.", s->code);
      cairn_annual_report_set_narrative (report, s->id, body);
    }
}

/* The outline holds every section of the edition, numbered, in order, then
 * the glossary and the appendix. */
static void
assert_sections_in_order (CairnPdfText      *text,
                          CairnAnnualReport *report,
                          const char *const *expected_titles)
{
  guint at = 0, n = 0;

  for (guint i = 0; expected_titles[i] != NULL; i++)
    {
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, expected_titles[i]);
      gboolean found = FALSE;

      for (; at < text->outline->len && !found; at++)
        found = g_strcmp0 (g_ptr_array_index (text->outline, at), heading) == 0;
      if (!found)
        g_error ("heading \"%s\" missing or out of order", heading);
      n++;
    }
  g_assert_cmpuint (n, ==, cairn_annual_report_get_n_sections (report));
  for (guint k = 0; k < 2; k++)
    {
      const char *tail = k == 0 ? "Glossary: how each figure is counted" : "Appendix: membership and attendance";
      gboolean found = FALSE;
      for (; at < text->outline->len && !found; at++)
        found = g_strcmp0 (g_ptr_array_index (text->outline, at), tail) == 0;
      g_assert_true (found);
    }
}

static void
test_sections_2010 (void)
{
  /* AR1–AR13 in order under Working Together 2010, after the opening section. */
  static const char *const titles[] = {
    "About this report", "The effectiveness of local arrangements", "The local safeguarding context",
    "Achievements and progress", "The challenges that remain", "How the Board's functions are discharged",
    "Policies and procedures, including safe recruitment", "Single and inter-agency training",
    "Lessons from child death reviews", "Progress on priority issues",
    "Serious case reviews completed during the year", "Actions outstanding from earlier serious case reviews",
    "Serious case reviews not yet completed", "Challenge to the Children's Trust Board",
    "Budget and partner contributions", NULL
  };
  static const char *const codes[] = { "AR1", "AR2", "AR3", "AR4", "AR5", "AR6", "AR7", "AR8", "AR9",
                                       "AR10", "AR11", "AR12", "AR13", NULL };
  g_autoptr (CairnStore) store = cairn_test_annual_open (board (), NULL);
  g_autoptr (CairnAnnualReport) report = load (store, 2012);
  g_autoptr (CairnPdfText) text = NULL;
  guint c = 0;

  g_assert_cmpstr (cairn_annual_report_get_edition_id (report), ==, "wt2010");
  for (guint i = 0; i < cairn_annual_report_get_n_sections (report); i++)
    if (codes[c] != NULL && g_strcmp0 (cairn_annual_report_get_section (report, i)->code, codes[c]) == 0)
      c++;
  g_assert_null (codes[c]);
  text = write_and_read (report, "sections-2010.pdf", NULL);
  assert_sections_in_order (text, report, titles);
}

static void
test_sections_2013 (void)
{
  static const char *const titles[] = {
    "About this report", "The effectiveness of local arrangements", "The local safeguarding context",
    "Achievements and progress", "The challenges that remain", "Weaknesses, their causes and the action taken",
    "How the Board's functions are discharged", "Policies and procedures, including safe recruitment",
    "Single and inter-agency training", "Lessons from child death reviews", "Progress on priority issues",
    "Serious case reviews completed during the year", "Actions outstanding from earlier serious case reviews",
    "Serious case reviews not yet completed", "Lessons from reviews", "Challenge to the Children's Trust Board",
    "Contributions from partner agencies", "What the Board spent", NULL
  };
  g_autoptr (CairnStore) store = cairn_test_annual_open (board (), NULL);
  g_autoptr (CairnAnnualReport) report = load (store, 2013);
  g_autoptr (CairnPdfText) text = NULL;
  g_autofree char *flat = NULL;

  g_assert_cmpstr (cairn_annual_report_get_edition_id (report), ==, "wt2013");
  text = write_and_read (report, "sections-2013.pdf", NULL);
  assert_sections_in_order (text, report, titles);
  flat = flat_text (text);
  /* The 2013 recipients, none sent yet (Poppler may run a row's cells together). */
  g_assert_true (has_row (flat, "Children's Trust Board", "—", "not yet", NULL));
  g_assert_true (has_row (flat, "Chief Executive of the council", "—", "not yet", NULL));
  g_assert_true (has_row (flat, "Leader of the Council", "—", "not yet", NULL));
  g_assert_true (has_row (flat, "Police and Crime Commissioner", "—", "not yet", NULL));
  g_assert_true (has_row (flat, "Chair of the Health and Wellbeing Board", "—", "not yet", NULL));
  g_assert_nonnull (strstr (flat, "Working Together to Safeguard Children 2013"));
}

/* "LABEL PREVIOUS THIS" as the year-on-year tables print them. */
static void
assert_row (const char            *layout,
            const char            *figure_id,
            const CairnAnnualYear *before,
            const CairnAnnualYear *now,
            const char            *expected_before,
            const char            *expected_now)
{
  g_autofree char *a = cairn_annual_figure_format (figure_id, before);
  g_autofree char *b = cairn_annual_figure_format (figure_id, now);
  const CairnAnnualFigureInfo *infos;
  const char *label = NULL;
  g_autofree char *row = NULL;
  guint n;

  infos = cairn_annual_figures (&n);
  for (guint i = 0; i < n; i++)
    if (strcmp (infos[i].id, figure_id) == 0)
      label = infos[i].label;
  g_assert_nonnull (label);
  /* The computed figures are the hand-worked ones … */
  g_test_message ("%s: %s, %s", figure_id, a, b);
  g_assert_cmpstr (a, ==, expected_before);
  g_assert_cmpstr (b, ==, expected_now);
  /* … and the PDF shows them, in a row of its own. */
  row = g_strdup_printf ("\n%s %s %s ", label, a, b);
  if (strstr (layout, row) == NULL)
    g_error ("the PDF has no row \"%s\"", row + 1);
}

static void
test_figures_in_pdf (void)
{
  g_autoptr (CairnStore) store = cairn_test_annual_open (board (), NULL);
  g_autoptr (CairnAnnualReport) report = load (store, 2011);
  g_autoptr (CairnPdfText) text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *layout = NULL;
  const CairnAnnualYear *now = cairn_annual_report_get_stats (report, 2011);
  const CairnAnnualYear *before = cairn_annual_report_get_stats (report, 2010);

  /* Child 20's first case was opened in 2008-09: four years before are shown. */
  g_assert_cmpint (cairn_annual_report_get_first_year (report), ==, 2008);
  text = write_and_read (report, "figures.pdf", NULL);
  flat = flat_text (text);
  layout = layout_text (last_pdf);

  assert_row (layout, "child_population", before, now, "18,000", "20,000");
  assert_row (layout, "contacts", before, now, "—", "65");
  assert_row (layout, "referrals", before, now, "3", "4");
  assert_row (layout, "referrals_rate", before, now, "1.7", "2.0");
  assert_row (layout, "re_referrals", before, now, "0", "2");
  assert_row (layout, "re_referrals_share", before, now, "0.0%", "50.0%");
  assert_row (layout, "initial_assessments", before, now, "3", "3");
  assert_row (layout, "initial_within_share", before, now, "66.7%", "33.3%");
  assert_row (layout, "core_within_share", before, now, "—", "50.0%");
  assert_row (layout, "s47_enquiries", before, now, "0", "5");
  assert_row (layout, "icpcs", before, now, "0", "6");
  assert_row (layout, "icpc_within_share", before, now, "—", "100.0%");
  assert_row (layout, "plans_started", before, now, "1", "11");
  assert_row (layout, "plans_second", before, now, "0", "3");
  assert_row (layout, "plans_ended", before, now, "2", "3");
  assert_row (layout, "plans_two_years", before, now, "1", "1");
  assert_row (layout, "children_on_plans", before, now, "2", "9");
  assert_row (layout, "children_on_plans_rate", before, now, "1.1", "4.5");
  assert_row (layout, "reviews_due", before, now, "2", "6");
  assert_row (layout, "reviews_on_time_share", before, now, "0.0%", "33.3%");
  assert_row (layout, "children_seen_alone", before, now, "1", "2");
  assert_row (layout, "scrs_considered", before, now, "1", "3");
  assert_row (layout, "scrs_completed_within_share", before, now, "0.0%", "100.0%");
  assert_row (layout, "scr_actions_overdue", before, now, "1", "1");
  assert_row (layout, "child_deaths_reviewed", before, now, "—", "4");
  assert_row (layout, "private_fostering_notifications", before, now, "—", "7");
  assert_row (layout, "training_attendees", before, now, "—", "110");
  assert_row (layout, "contributions", before, now, "—", "£80,000");
  assert_row (layout, "spending", before, now, "—", "£40,000");

  /* By category, a child once: started and at 31 March for both years. */
  g_assert_true (has_line (layout, "Neglect 0 4 1 2"));
  g_assert_true (has_line (layout, "Multiple 0 2 0 3"));
  g_assert_true (has_line (layout, "Multiple, unspecified 0 1 0 1"));
  g_assert_true (has_line (layout, "Total 1 11 2 9"));
  /* By source. */
  g_assert_true (has_line (layout, "Schools (2A) 1 3"));
  g_assert_true (has_line (layout, "Police (6) 2 1"));
  /* AR10–AR12 as they stood on 31 March 2012. */
  g_assert_true (has_row (flat, "Review health visitor caseloads", "Health Trust", "February 2012", "In progress, overdue", "Review started", NULL));
  g_assert_true (has_row (flat, "Audit the referral pathways", "Head of Service", "March 2011", "In progress", "Complete", NULL));
  g_assert_true (has_row (flat, "Publish a learning briefing", "Board Manager", "September 2012", "In progress", NULL));
  /* AR9, the appendix. */
  g_assert_nonnull (strstr (flat, "1. Child sexual exploitation"));
  g_assert_true (has_line (layout, "Bob Bluelight Testshire Police Superintendent 0 of 1"));
  g_assert_true (has_line (layout, "Carol Layfield Parent (lay member) 1 of 1"));
  /* The glossary defines what is counted. */
  g_assert_nonnull (strstr (flat, "Re-referrals within 12 months. Referrals in the year of a child"));
}

static void
test_draft_flag (void)
{
  g_autoptr (CairnStore) store = cairn_test_annual_open (board (), NULL);
  g_autoptr (CairnAnnualReport) report = load (store, 2011);
  g_autoptr (GPtrArray) missing = cairn_annual_report_list_missing (report);
  g_autoptr (CairnPdfText) draft = NULL;
  g_autoptr (CairnPdfText) done = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *flat_done = NULL;
  g_autofree char *marking = NULL;
  guint n_missing = 0;

  /* Ten sections need the Chair's narrative under WT2010 (AR1–AR9, AR13);
   * two are written and one holds only spaces: eight are flagged. */
  cairn_annual_report_set_narrative (report, "ar1", "Local arrangements are effective.");
  cairn_annual_report_set_narrative (report, "ar3", "  \n ");
  cairn_annual_report_set_narrative (report, "ar13", "The Board challenged the Trust on early help.");
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = cairn_annual_report_list_missing (report);
  g_assert_cmpuint (missing->len, ==, 8);
  g_assert_cmpstr (((CairnAnnualSection *) g_ptr_array_index (missing, 0))->code, ==, "AR2");
  g_assert_cmpstr (((CairnAnnualSection *) g_ptr_array_index (missing, 1))->code, ==, "AR3");

  draft = write_and_read (report, "draft.pdf", &n_missing);
  g_assert_cmpuint (n_missing, ==, 8);
  flat = flat_text (draft);
  g_assert_cmpuint (count_occurrences (flat, "DRAFT: the Chair's assessment for this section has not been written."),
                    ==, 8);
  /* Every page carries the marking. */
  marking = g_strdup ("DRAFT — 8 REQUIRED SECTIONS WITHOUT NARRATIVE — NOT FOR PUBLICATION");
  for (guint i = 0; i < draft->pages->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (draft->pages, i), marking));
  g_assert_nonnull (strstr (flat, "Local arrangements are effective."));

  /* With every narrative written, no flag and no marking. */
  fill_narratives (report);
  done = write_and_read (report, "done.pdf", &n_missing);
  g_assert_cmpuint (n_missing, ==, 0);
  flat_done = flat_text (done);
  g_assert_null (strstr (flat_done, "DRAFT"));
  g_assert_nonnull (strstr (flat_done, "The Chair's assessment for AR7."));
}

static void
test_metadata (void)
{
  g_autoptr (CairnStore) store = cairn_test_annual_open (board (), NULL);
  g_autoptr (CairnAnnualReport) report = load (store, 2011);
  g_autoptr (CairnPdfText) text = write_and_read (report, "metadata.pdf", NULL);

  g_assert_cmpstr (text->title, ==, FIX_ANNUAL_BOARD " — Annual Report 2011-12");
  g_assert_cmpstr (text->author, ==, FIX_ANNUAL_BOARD);
  g_assert_nonnull (strstr (text->subject, "Children Act 2004 s14A"));
  g_assert_nonnull (strstr (text->keywords, "2011-12"));
  g_assert_cmpint (text->creation_date, >, 0);
  g_assert_nonnull (strstr (g_ptr_array_index (text->pages, 1), "Contents"));
}

/* The same database gives the same bytes. */
static void
test_deterministic (void)
{
  g_autoptr (CairnStore) store = cairn_test_annual_open (board (), NULL);
  g_autoptr (CairnAnnualReport) report = load (store, 2011);
  g_autoptr (CairnDocument) a = cairn_annual_report_build (report);
  g_autoptr (CairnDocument) b = cairn_annual_report_build (report);
  g_autoptr (GBytes) pa = cairn_document_render_pdf (a, NULL, NULL, NULL);
  g_autoptr (GBytes) pb = cairn_document_render_pdf (b, NULL, NULL, NULL);

  g_assert_true (g_bytes_equal (pa, pb));
}

static void
test_csv (void)
{
  g_autoptr (CairnStore) store = cairn_test_annual_open (board (), NULL);
  g_autoptr (CairnAnnualReport) report = load (store, 2011);
  g_autofree char *dir = cairn_test_scratch_path ("csv");
  g_autofree char *figures = g_build_filename (dir, "annual-2011-12-figures.csv", NULL);
  g_autofree char *actions = g_build_filename (dir, "annual-2011-12-scr-actions.csv", NULL);
  g_autofree char *a = NULL, *c = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cairn_annual_report_write_csv (report, dir, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (figures, &a, NULL, NULL));
  g_assert_true (g_str_has_prefix (a, "year,figure,breakdown,value,label\r\n"));
  g_assert_nonnull (strstr (a, "\r\n2011-12,referrals,,4,Referrals\r\n"));
  g_assert_nonnull (strstr (a, "\r\n2010-11,referrals,,3,Referrals\r\n"));
  g_assert_nonnull (strstr (a, "\r\n2011-12,icpc_within_share,,100.0,"));
  g_assert_nonnull (strstr (a, "\r\n2010-11,contacts,,,Contacts\r\n"));
  g_assert_nonnull (strstr (a, "\r\n2011-12,children_on_plans_multiple_unspecified,,1,"));
  g_assert_nonnull (strstr (a, "\r\n2011-12,contributions,,80000.00,"));
  g_assert_nonnull (strstr (a, "\r\n2011-12,referrals_by_source,2A,3,Schools\r\n"));
  g_assert_nonnull (strstr (a, "\r\n2011-12,contacts_by_source,6,25,Police\r\n"));
  g_assert_true (g_file_get_contents (actions, &c, NULL, NULL));
  g_assert_nonnull (strstr (c, "\r\nAR10,SCR-2011-01,1,Review health visitor caseloads,Health Trust,2012-02-28,"
                               "not_started,in_progress,overdue,Review started\r\n"));
  g_assert_nonnull (strstr (c, "\r\nAR11,SCR-2010-01,1,Audit the referral pathways,Head of Service,2011-03-01,"
                               "in_progress,complete,complete,Audit reported\r\n"));
}

/* A business manager may write the report but not read the reviews'
 * drafts: the actions' text is withheld, their counts are not. */
static void
test_scr_text_withheld (void)
{
  g_autofree char *path = cairn_test_annual_fixture ("annual-withheld.cairn", TRUE);
  g_autoptr (CairnStore) store = cairn_test_annual_open (path, "manager");
  g_autoptr (CairnAnnualReport) report = load (store, 2011);
  g_autoptr (CairnPdfText) text = write_and_read (report, "withheld.pdf", NULL);
  g_autofree char *flat = flat_text (text);

  g_assert_null (strstr (flat, "Review health visitor caseloads"));
  g_assert_nonnull (strstr (flat, "Recommendation 1: action withheld"));
  g_assert_nonnull (strstr (flat, "The text of the actions is shown only to those who may read the reviews."));
  g_autofree char *layout = layout_text (last_pdf);
  g_assert_true (has_line (layout, "Review actions overdue at 31 March 1 1 no change"));
}

static void
test_cli (void)
{
  g_autofree char *path = cairn_test_annual_fixture ("annual-cli.cairn", TRUE);
  g_autofree char *out = cairn_test_scratch_path ("cli.pdf");
  g_autofree char *csv = cairn_test_scratch_path ("cli-csv");
  g_autofree char *csv_file = g_build_filename (csv, "annual-2011-12-figures.csv", NULL);
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;

  /* A board with accounts needs a login. */
  {
    const char *argv[] = { "report", "annual", "--db", path, "--year", "2011-12", "-o", out, NULL };
    g_assert_cmpint (cairn_test_run_cli_input (NULL, NULL, &stderr_text, argv), ==, 4);
    g_assert_cmpstr (stderr_text, ==, "cairn-cli: --user: this board's records need a login (--user NAME)\n");
    g_clear_pointer (&stderr_text, g_free);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  /* Wrong password. */
  {
    const char *argv[] = { "report", "annual", "--db", path, "--year", "2011-12", "-o", out,
                           "--user", "chair", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input ("not the password\n", NULL, &stderr_text, argv), ==, 4);
    g_clear_pointer (&stderr_text, g_free);
  }
  /* Usage errors. */
  {
    const char *argv[] = { "report", "annual", "--db", path, "--year", "2011-13", "-o", out,
                           "--user", "chair", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input (FIX_ANNUAL_PASSWORD "\n", NULL, &stderr_text, argv), ==, 2);
    g_assert_cmpstr (stderr_text, ==,
                     "cairn-cli: --year: \"2011-13\" is not a reporting year (YYYY-YY, for example 2011-12)\n");
    g_clear_pointer (&stderr_text, g_free);
  }
  {
    const char *argv[] = { "report", "annual", "--db", path, "-o", out, NULL };
    g_assert_cmpint (cairn_test_run_cli_input (NULL, NULL, &stderr_text, argv), ==, 2);
    g_assert_true (g_str_has_prefix (stderr_text, "cairn-cli: --year: "));
    g_clear_pointer (&stderr_text, g_free);
  }
  /* A year that has not started on the day the command runs. */
  {
    const char *argv[] = { "report", "annual", "--db", path, "--year", "2012-13", "-o", out,
                           "--user", "chair", "--password-fd", "0", NULL };
    g_setenv ("CAIRN_TODAY", "2012-03-31", TRUE);
    g_assert_cmpint (cairn_test_run_cli_input (FIX_ANNUAL_PASSWORD "\n", NULL, &stderr_text, argv), ==, 2);
    g_setenv ("CAIRN_TODAY", "", TRUE);
    g_assert_cmpstr (stderr_text, ==, "cairn-cli: --year: \"2012-13\" has not started yet\n");
    g_clear_pointer (&stderr_text, g_free);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  /* A draft: written, the missing sections listed, status 1. */
  {
    const char *argv[] = { "report", "annual", "--db", path, "--year", "2011-12", "-o", out, "--csv", csv,
                           "--user", "manager", "--password-fd", "0", NULL };
    g_auto (GStrv) lines = NULL;
    g_assert_cmpint (cairn_test_run_cli_input (FIX_ANNUAL_PASSWORD "\n", &stdout_text, &stderr_text, argv), ==, 1);
    lines = g_strsplit (stdout_text, "\n", -1);
    g_assert_cmpstr (lines[0], ==, "section\ttitle\tproblem");
    g_assert_cmpstr (lines[1], ==, "AR1\tThe effectiveness of local arrangements\tno narrative: written as a flagged draft");
    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 10 + 1);
    g_assert_cmpstr (lines[10], ==, "AR13\tChallenge to the Children's Trust Board\tno narrative: written as a flagged draft");
    g_assert_nonnull (strstr (stderr_text, "written as a draft: 10 required sections have no narrative"));
    g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (csv_file, G_FILE_TEST_IS_REGULAR));
    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
  }
  /* Every required narrative written: status 0. */
  {
    g_autoptr (CairnStore) store = cairn_test_annual_open (path, "manager");
    g_autoptr (GError) error = NULL;
    guint n;
    const CairnAnnualSection *sections = cairn_annual_sections_for_edition ("wt2010", &n);

    for (guint i = 0; i < n; i++)
      g_assert_true (cairn_store_set_annual_narrative (store, 2011, sections[i].id, "Written.", &error));
    g_assert_no_error (error);
  }
  {
    const char *argv[] = { "report", "annual", "--db", path, "--year", "2011-12", "-o", out,
                           "--user", "chair", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input (FIX_ANNUAL_PASSWORD "\n", &stdout_text, &stderr_text, argv), ==, 0);
    g_assert_cmpstr (stderr_text, ==, "");
    g_assert_true (g_str_has_prefix (stdout_text, "Annual report 2011-12 (Working Together to Safeguard Children 2010), "));
  }
}

/* The demo board's latest year makes a whole report: every section
 * written, every figure the Board enters present, the year before beside it. */
static void
test_demo_latest_year (void)
{
  g_autofree char *db = cairn_test_scratch_path ("annual-demo.cairn");
  g_autofree char *out = cairn_test_scratch_path ("annual-demo.pdf");
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  g_autoptr (CairnPdfText) text = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *flat = NULL;

  g_assert_cmpint (cairn_test_run_cli (NULL, NULL, "demo", "--db", db, "--children", "400", NULL), ==, 0);
  {
    /* The latest year that has ended by the demo's as-of day, 31 March 2014. */
    const char *argv[] = { "report", "annual", "--db", db, "--year", "latest", "-o", out,
                           "--user", "demo-chair", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input ("cairn-demo-password\n", &stdout_text, &stderr_text, argv), ==, 0);
  }
  g_assert_true (g_str_has_prefix (stdout_text, "Annual report 2013-14 (Working Together to Safeguard Children 2013), "));
  g_assert_cmpstr (stderr_text, ==, "");
  text = cairn_pdf_text_extract_file (out, &error);
  g_assert_no_error (error);
  flat = flat_text (text);
  g_assert_null (strstr (flat, "DRAFT"));
  g_assert_nonnull (strstr (flat, "Working Together to Safeguard Children 2013"));
  g_assert_nonnull (strstr (flat, "Cairnside"));
  /* Figures the Board enters, for both years. */
  g_assert_false (has_row (flat, "Contacts", "—", NULL));
  g_assert_false (has_row (flat, "Child deaths reviewed", "—", NULL));
  g_assert_false (has_row (flat, "Private fostering notifications", "—", NULL));
  g_assert_false (has_row (flat, "Training courses delivered", "—", NULL));
  g_assert_false (has_row (flat, "Contributions from partner agencies", "—", NULL));
  g_assert_nonnull (strstr (flat, "1. Child sexual exploitation"));
  g_assert_nonnull (strstr (flat, "Chief Executive of the council"));
  /* The demo's lay members are "Lay Member": said once in the appendix. */
  g_assert_nonnull (strstr (flat, "Lay Member"));
  g_assert_null (strstr (flat, "Lay Member (lay member)"));
}

/* Keeps the fixture's reports for a person to look at:
 * ANNUAL_PDF_OUT=DIR test-annual-report -p /cairn/annual/report/keep */
static void
test_keep (void)
{
  const char *dir = g_getenv ("ANNUAL_PDF_OUT");
  g_autoptr (CairnStore) store = NULL;

  if (dir == NULL)
    {
      g_test_skip ("ANNUAL_PDF_OUT is not set");
      return;
    }
  store = cairn_test_annual_open (board (), NULL);
  for (int year = 2011; year <= 2013; year += 2)
    {
      g_autoptr (CairnAnnualReport) report = load (store, year);
      g_autoptr (GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("annual-%d.pdf", year);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      CairnAnnualExport result = { 0 };

      cairn_annual_report_set_narrative (report, "ar1", "Local arrangements are effective overall.\n\n"
                                                        "- Referrals rose by one.\n- Conferences were on time.");
      g_assert_true (cairn_annual_report_export (report, path, dir, &result, &error));
      g_assert_no_error (error);
      cairn_annual_export_clear (&result);
    }
}

/* The database as sqlite3 dumps it, without the audit trail (each login is
 * an entry there). */
static char *
dump_without_audit (const char *path)
{
  const char *argv[] = { "sqlite3", path, ".dump", NULL };
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  GString *kept = g_string_new (NULL);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "INSERT INTO audit_log"))
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

static int
figures_cli (const char  *user,
             char       **out,
             char       **err,
             const char  *path,
             const char  *subcommand,
             const char  *field,
             const char  *value)
{
  const char *argv[] = { "annual", subcommand, "--db", path, "--year", "2011-12", "--user", user,
                         "--password-fd", "0", field, value, NULL };

  return cairn_test_run_cli_input (FIX_ANNUAL_PASSWORD "\n", out, err, argv);
}

/* The value of FIELD in `annual show`'s output, or NULL. */
static char *
shown (const char *output,
       const char *field)
{
  g_auto (GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[i], "\t", 2);
      if (g_strv_length (cells) == 2 && strcmp (cells[0], field) == 0)
        return g_strdup (cells[1]);
    }
  return NULL;
}

/* cairn-cli annual set|show: a value set is shown back, and changes the
 * year's statistics; a refused value exits 2 and changes nothing. */
static void
test_figures_cli (void)
{
  g_autofree char *path = cairn_test_annual_fixture ("annual-figures-cli.cairn", TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *value = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const struct
  {
    const char *field, *value, *message;
  } refused[] = {
    { "population", "many", "cairn-cli: Child population: \"many\" is not a whole number\n" },
    { "population", "-5", "cairn-cli: Child population: -5 is not a number of 0 or more\n" },
    { "private-fostering", "1.5", "cairn-cli: Private fostering notifications: \"1.5\" is not a whole number\n" },
    { "spending-training", "lots", "cairn-cli: Spending: \"lots\" is not an amount in pounds (e.g. 12500.00)\n" },
    { "sent-chief_executive", "2099-01-01", "cairn-cli: Sent on: 2099-01-01 is after today (2014-03-31)\n" },
    { "no-such-figure", "1", "cairn-cli: no-such-figure: not a figure the board enters (see cairn-cli annual show)\n" },
  };

  g_setenv ("CAIRN_TODAY", "2014-03-31", TRUE);
  g_assert_cmpint (figures_cli ("chair", NULL, &err, path, "set", "population", "52,000"), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (figures_cli ("chair", NULL, NULL, path, "set", "private-fostering", "12"), ==, 0);
  g_assert_cmpint (figures_cli ("chair", NULL, NULL, path, "set", "spending-training", "£1,250.5"), ==, 0);
  g_assert_cmpint (figures_cli ("chair", NULL, NULL, path, "set", "sent-chief_executive", "2013-06-30"), ==, 0);

  g_assert_cmpint (figures_cli ("chair", &out, &err, path, "show", NULL, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "field\tvalue\n"));
  value = shown (out, "population");
  g_assert_cmpstr (value, ==, "52000");
  g_clear_pointer (&value, g_free);
  value = shown (out, "private-fostering");
  g_assert_cmpstr (value, ==, "12");
  g_clear_pointer (&value, g_free);
  value = shown (out, "spending-training");
  g_assert_cmpstr (value, ==, "1250.50");
  g_clear_pointer (&value, g_free);
  value = shown (out, "sent-chief_executive");
  g_assert_cmpstr (value, ==, "2013-06-30");
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  before = dump_without_audit (path);
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      const char *argv[] = { "annual", "set", "--db", path, "--year", "2011-12", "--user", "chair",
                             "--password-fd", "0", "--", refused[i].field, refused[i].value, NULL };
      g_assert_cmpint (cairn_test_run_cli_input (FIX_ANNUAL_PASSWORD "\n", NULL, &err, argv), ==, 2);
      g_assert_cmpstr (err, ==, refused[i].message);
      g_clear_pointer (&err, g_free);
    }
  /* A role that may only read. */
  g_assert_cmpint (figures_cli ("practitioner", NULL, &err, path, "set", "population", "1"), ==, 4);
  g_clear_pointer (&err, g_free);
  after = dump_without_audit (path);
  g_assert_cmpstr (before, ==, after);

  /* Emptied: the figure is gone (the arrangements first: they need it). */
  g_assert_cmpint (figures_cli ("chair", NULL, NULL, path, "set", "private-fostering-arrangements", ""), ==, 0);
  g_assert_cmpint (figures_cli ("chair", NULL, NULL, path, "set", "private-fostering", ""), ==, 0);
  g_assert_cmpint (figures_cli ("chair", &out, NULL, path, "show", NULL, NULL), ==, 0);
  value = shown (out, "private-fostering");
  g_assert_cmpstr (value, ==, "");
  g_setenv ("CAIRN_TODAY", "", TRUE);
}

static int
training_cli (const char  *user,
              char       **out,
              char       **err,
              const char  *path,
              const char  *subcommand,
              const char  *a,
              const char  *b,
              const char  *c,
              const char  *d)
{
  const char *argv[] = { "annual", subcommand, "--db", path, "--year", "2011-12", "--user", user,
                         "--password-fd", "0", a, b, c, d, NULL };

  return cairn_test_run_cli_input (FIX_ANNUAL_PASSWORD "\n", out, err, argv);
}

/* cairn-cli annual training|add-training|remove-training: a course added
 * is listed and counted in the report's figures; bad values are refused
 * naming the field, changing nothing; removed, it is gone. */
static void
test_training_cli (void)
{
  g_autofree char *path = cairn_test_annual_fixture ("annual-training-cli.cairn", TRUE);
  g_autofree char *out = NULL, *err = NULL, *id = NULL, *list = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *line = NULL;

  g_setenv ("CAIRN_TODAY", "2014-03-31", TRUE);
  g_assert_cmpint (training_cli ("chair", &out, &err, path, "training", NULL, NULL, NULL, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "id\ttitle\tagencies\tsessions\tattendees\n"));
  g_assert_null (strstr (out, "Neglect toolkit"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (training_cli ("chair", &id, &err, path, "add-training", "Neglect toolkit", "4", "61",
                                 "multi-agency"), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_strchomp (id);
  g_assert_cmpint (training_cli ("chair", &list, NULL, path, "training", NULL, NULL, NULL, NULL), ==, 0);
  line = g_strdup_printf ("%s\tNeglect toolkit\tmulti-agency\t4\t61\n", id);
  g_assert_nonnull (strstr (list, line));
  g_clear_pointer (&err, g_free);

  before = dump_without_audit (path);
  g_assert_cmpint (training_cli ("chair", NULL, &err, path, "add-training", "X", "four", "61", "multi-agency"), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: Sessions: \"four\" is not a whole number\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (training_cli ("chair", NULL, &err, path, "add-training", "", "1", "1", "single-agency"), ==, 2);
  g_assert_true (g_str_has_prefix (err, "cairn-cli: Course: "));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (training_cli ("chair", NULL, &err, path, "add-training", "X", "1", "1", "both"), ==, 2);
  g_assert_cmpstr (err, ==, "cairn-cli: both: say multi-agency or single-agency\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (training_cli ("practitioner", NULL, &err, path, "add-training", "X", "1", "1",
                                 "single-agency"), ==, 4);
  g_clear_pointer (&err, g_free);
  after = dump_without_audit (path);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (training_cli ("chair", NULL, &err, path, "remove-training", id, NULL, NULL, NULL), ==, 0);
  g_clear_pointer (&list, g_free);
  g_assert_cmpint (training_cli ("chair", &list, NULL, path, "training", NULL, NULL, NULL, NULL), ==, 0);
  g_assert_null (strstr (list, "Neglect toolkit"));
  g_setenv ("CAIRN_TODAY", "", TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cairn/annual/report/sections-2010", test_sections_2010);
  g_test_add_func ("/cairn/annual/report/sections-2013", test_sections_2013);
  g_test_add_func ("/cairn/annual/report/figures-in-pdf", test_figures_in_pdf);
  g_test_add_func ("/cairn/annual/report/draft-flag", test_draft_flag);
  g_test_add_func ("/cairn/annual/report/metadata", test_metadata);
  g_test_add_func ("/cairn/annual/report/deterministic", test_deterministic);
  g_test_add_func ("/cairn/annual/report/csv", test_csv);
  g_test_add_func ("/cairn/annual/report/scr-text-withheld", test_scr_text_withheld);
  g_test_add_func ("/cairn/annual/cli/exit-statuses", test_cli);
  g_test_add_func ("/cairn/annual/cli/figures", test_figures_cli);
  g_test_add_func ("/cairn/annual/cli/training", test_training_cli);
  g_test_add_func ("/cairn/annual/report/demo-latest-year", test_demo_latest_year);
  g_test_add_func ("/cairn/annual/report/keep", test_keep);
  return g_test_run ();
}
