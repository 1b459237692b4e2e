/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "cairn-document.h"
#include "cairn-error.h"
#include "cairn-pdf-preview.h"
#include "cairn-pdf-text.h"
#include "cairn-pdf-writer.h"
#include "cairn-scr-report.h"
#include "cairn-scr-store.h"
#include "cairn-test-scr.h"
#include "cairn-test-utils.h"

/* poppler-glib 22.12 declares no g_autoptr for its types. */
typedef PopplerDocument TestPopplerDocument;
typedef PopplerPage TestPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPopplerPage, g_object_unref)

#define MM (72.0 / 25.4)
#define LOREM                                                                                      \
  "Agencies met to share what they knew about the family and agreed a plan of visits, with the " \
  "school and the health visitor reporting any change to the social worker within a day."

/* Opens a written PDF with Poppler, through a file URI from an absolute path. */
static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autoptr (GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
page_text (PopplerDocument *doc,
           int              index)
{
  g_autoptr (TestPopplerPage) page = poppler_document_get_page (doc, index);

  return poppler_page_get_text (page);
}

/* All page texts joined, with page separators. */
static char *
all_text (PopplerDocument *doc)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *t = page_text (doc, i);
      g_string_append_printf (s, "%s\f", t);
    }
  return g_string_free (s, FALSE);
}

/* The first page (from 0) at or after @from whose text matches @pattern, or -1. */
static int
find_page_re (PopplerDocument *doc,
              const char      *pattern,
              int              from)
{
  g_autoptr (GRegex) re = g_regex_new (pattern, 0, 0, NULL);

  for (int i = from; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *t = page_text (doc, i);
      if (g_regex_match (re, t, 0, NULL))
        return i;
    }
  return -1;
}

/* The first page (from 0) at or after @from whose text contains @needle, or -1. */
static int
find_page (PopplerDocument *doc,
           const char      *needle,
           int              from)
{
  for (int i = from; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *t = page_text (doc, i);
      if (strstr (t, needle) != NULL)
        return i;
    }
  return -1;
}

typedef struct
{
  double x, x2, y;
  gunichar c;
} Glyph;

static int
by_line_then_x (gconstpointer a,
                gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  if (fabs (ga->y - gb->y) > 2.0)
    return ga->y < gb->y ? -1 : 1;
  return ga->x < gb->x ? -1 : ga->x > gb->x ? 1 : 0;
}

/* The page's lines as they look (glyphs grouped by height, left to right), from
 * Poppler's per-character layout: a contents line reads "Heading 3". */
static GStrv
visual_lines (PopplerDocument *doc,
              int              index)
{
  g_autoptr (TestPopplerPage) page = poppler_document_get_page (doc, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  g_autoptr (GStrvBuilder) lines = g_strv_builder_new ();
  GString *line = NULL;
  guint n = 0, i = 0;
  double last_y = -100, last_x2 = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  for (const char *p = text; *p && i < n; p = g_utf8_next_char (p), i++)
    {
      Glyph g = { rects[i].x1, rects[i].x2, (rects[i].y1 + rects[i].y2) / 2, g_utf8_get_char (p) };
      if (g.c != '\n')
        g_array_append_val (glyphs, g);
    }
  g_array_sort (glyphs, by_line_then_x);
  for (i = 0; i < glyphs->len; i++)
    {
      Glyph *g = &g_array_index (glyphs, Glyph, i);
      if (line == NULL || fabs (g->y - last_y) > 2.0)
        {
          if (line)
            g_strv_builder_add (lines, line->str), g_string_free (line, TRUE);
          line = g_string_new (NULL);
          last_y = g->y;
        }
      else if (g->x - last_x2 > 2.0 && line->len > 0 && line->str[line->len - 1] != ' ' && g->c != ' ')
        g_string_append_c (line, ' ');
      g_string_append_unichar (line, g->c);
      last_x2 = g->x2;
    }
  if (line)
    g_strv_builder_add (lines, line->str), g_string_free (line, TRUE);
  return g_strv_builder_end (lines);
}

static char *
write_doc (CairnDocument *doc,
           const char    *name,
           guint         *n_pages)
{
  g_autofree char *path = cairn_test_scratch_path (name);
  g_autoptr (GError) error = NULL;

  g_assert_true (cairn_document_write_pdf (doc, path, n_pages, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static CairnDocument *
sample_document (void)
{
  CairnDocument *doc = cairn_document_new ("Test report: layout");
  g_autoptr (GDateTime) date = g_date_time_new_utc (2012, 3, 31, 0, 0, 0);
  const char *lines[] = { "Northbridge LSCB", "March 2012", NULL };

  cairn_document_set_author (doc, "Northbridge LSCB");
  cairn_document_set_subject (doc, "A test of the layout");
  cairn_document_set_keywords (doc, "layout; test");
  cairn_document_set_creation_date (doc, date);
  cairn_document_add_title_page (doc, NULL, lines);
  cairn_document_add_contents (doc);
  for (int s = 1; s <= 6; s++)
    {
      g_autofree char *heading = g_strdup_printf ("Section number %d", s);
      cairn_document_add_heading (doc, 1, heading);
      for (int k = 0; k < 5 + s; k++)
        cairn_document_add_text (doc, LOREM " " LOREM);
      cairn_document_add_heading (doc, 2, "A subsection");
      cairn_document_add_text (doc, LOREM);
    }
  return doc;
}

static void
test_metadata (void)
{
  g_autoptr (CairnDocument) doc = sample_document ();
  guint n_pages = 0;
  g_autofree char *path = write_doc (doc, "metadata.pdf", &n_pages);
  g_autoptr (TestPopplerDocument) pdf = open_pdf (path);
  g_autofree char *title = poppler_document_get_title (pdf);
  g_autofree char *author = poppler_document_get_author (pdf);
  g_autofree char *subject = poppler_document_get_subject (pdf);
  g_autofree char *keywords = poppler_document_get_keywords (pdf);
  g_autoptr (GDateTime) created = g_date_time_new_from_unix_utc (poppler_document_get_creation_date (pdf));

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) n_pages);
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpstr (title, ==, "Test report: layout");
  g_assert_cmpstr (author, ==, "Northbridge LSCB");
  g_assert_cmpstr (subject, ==, "A test of the layout");
  g_assert_cmpstr (keywords, ==, "layout; test");
  g_assert_cmpint (g_date_time_get_year (created), ==, 2012);
  g_assert_cmpint (g_date_time_get_month (created), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (created), ==, 31);

  /* Every page is A4 and says which page of how many it is. */
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr (TestPopplerPage) page = poppler_document_get_page (pdf, (int) i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      double w, h;
      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat (fabs (w - 210 * MM), <, 1);
      g_assert_cmpfloat (fabs (h - 297 * MM), <, 1);
      g_assert_nonnull (strstr (text, footer));
      /* The running header is on every page but the title page. */
      if (i > 0)
        g_assert_nonnull (strstr (text, "Test report: layout"));
    }
}

/* The same document gives the same bytes (no clock in the file); without a date, no date. */
static void
test_reproducible (void)
{
  g_autoptr (CairnDocument) doc = sample_document ();
  g_autoptr (CairnDocument) undated = cairn_document_new ("Undated");
  g_autoptr (GBytes) a = cairn_document_render_pdf (doc, NULL, NULL, NULL);
  g_autoptr (GBytes) b = cairn_document_render_pdf (doc, NULL, NULL, NULL);
  g_autoptr (GBytes) c = NULL;
  g_autoptr (TestPopplerDocument) pdf = NULL;

  g_assert_nonnull (a);
  g_assert_true (g_bytes_equal (a, b));
  cairn_document_add_text (undated, "No date here.");
  c = cairn_document_render_pdf (undated, NULL, NULL, NULL);
  pdf = poppler_document_new_from_bytes (c, NULL, NULL);
  g_assert_cmpint (poppler_document_get_creation_date (pdf), ==, -1);
}

static void
test_fonts_embedded (void)
{
  g_autoptr (CairnDocument) doc = sample_document ();
  g_autofree char *path = write_doc (doc, "fonts.pdf", NULL);
  g_autoptr (TestPopplerDocument) pdf = open_pdf (path);
  PopplerFontInfo *info = poppler_font_info_new (pdf);
  PopplerFontsIter *iter = NULL;
  int n_fonts = 0;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (pdf), &iter));
  g_assert_nonnull (iter);
  do
    {
      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      g_assert_true (poppler_fonts_iter_is_subset (iter));
      g_assert_nonnull (strstr (poppler_fonts_iter_get_name (iter), "DejaVu"));
      n_fonts++;
    }
  while (poppler_fonts_iter_next (iter));
  g_assert_cmpint (n_fonts, >=, 2); /* regular and bold */
  poppler_fonts_iter_free (iter);
  poppler_font_info_free (info);
}

/* The contents page lists each heading with the page it is really on, and links to it. */
static void
test_contents_pages (void)
{
  g_autoptr (CairnDocument) doc = sample_document ();
  g_autofree char *path = write_doc (doc, "contents.pdf", NULL);
  g_autoptr (TestPopplerDocument) pdf = open_pdf (path);
  int contents = find_page (pdf, "Contents", 0);
  g_auto (GStrv) lines = NULL;
  g_autoptr (TestPopplerPage) page = NULL;
  GList *links;
  int checked = 0, n_links = 0;

  g_assert_cmpint (contents, ==, 1);
  lines = visual_lines (pdf, contents);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr (GMatchInfo) m = NULL;
      g_autoptr (GRegex) re = g_regex_new ("^(Section number \\d)\\s+(\\d+)$", 0, 0, NULL);
      if (g_regex_match (re, g_strstrip (lines[i]), 0, &m))
        {
          g_autofree char *heading = g_match_info_fetch (m, 1);
          g_autofree char *number = g_match_info_fetch (m, 2);
          int real = find_page (pdf, heading, contents + 1);
          g_assert_cmpint (real, >, contents);
          g_assert_cmpint (atoi (number), ==, real + 1);
          checked++;
        }
    }
  g_assert_cmpint (checked, ==, 6);

  /* Each entry links to a destination on its heading's page. */
  page = poppler_document_get_page (pdf, contents);
  links = poppler_page_get_link_mapping (page);
  for (GList *l = links; l; l = l->next)
    {
      PopplerLinkMapping *map = l->data;
      PopplerDest *dest = NULL;
      if (map->action->type != POPPLER_ACTION_GOTO_DEST)
        continue;
      dest = map->action->goto_dest.dest;
      if (dest->type == POPPLER_DEST_NAMED)
        {
          PopplerDest *found = poppler_document_find_dest (pdf, dest->named_dest);
          g_assert_nonnull (found);
          g_assert_cmpint (found->page_num, >, contents + 1);
          poppler_dest_free (found);
        }
      else
        g_assert_cmpint (dest->page_num, >, contents + 1);
      n_links++;
    }
  poppler_page_free_link_mapping (links);
  g_assert_cmpint (n_links, ==, 12);
}

static void
collect_outline (PopplerIndexIter *iter,
                 GPtrArray        *titles)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);
      g_ptr_array_add (titles, g_strdup (action->any.title));
      poppler_action_free (action);
      if (child)
        {
          collect_outline (child, titles);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static void
test_outline (void)
{
  g_autoptr (CairnDocument) doc = sample_document ();
  g_autofree char *path = write_doc (doc, "outline.pdf", NULL);
  g_autoptr (TestPopplerDocument) pdf = open_pdf (path);
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  PopplerIndexIter *iter = poppler_index_iter_new (pdf);

  g_assert_nonnull (iter);
  collect_outline (iter, titles);
  poppler_index_iter_free (iter);
  /* Contents, then each section with its subsection nested under it. */
  g_assert_cmpuint (titles->len, ==, 13);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Contents");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "Section number 1");
  g_assert_cmpstr (g_ptr_array_index (titles, 2), ==, "A subsection");
}

static CairnDocument *
long_table_document (const char *tall_word)
{
  CairnDocument *doc = cairn_document_new ("Tables");
  const double widths[] = { 1, 3, 1 };
  const char *header[] = { "Number", "Description header", "State", NULL };
  CairnTable *table;

  cairn_document_add_heading (doc, 1, "A long table");
  table = cairn_document_add_table (doc, 3, widths, 1);
  cairn_table_add_row (table, header);
  for (int r = 1; r <= 90; r++)
    {
      g_autofree char *num = g_strdup_printf ("Row %d", r);
      g_autofree char *desc = g_strdup_printf ("First line of row %d\nSecond line of row %d\nThird line of row %d", r, r, r);
      const char *row[] = { num, desc, r == 45 && tall_word ? tall_word : "Open", NULL };
      cairn_table_add_row (table, row);
    }
  return doc;
}

/* A table across pages repeats its header on each and never splits a row. */
static void
test_table_pages (void)
{
  g_autoptr (CairnDocument) doc = long_table_document (NULL);
  guint n_pages = 0;
  g_autofree char *path = write_doc (doc, "table.pdf", &n_pages);
  g_autoptr (TestPopplerDocument) pdf = open_pdf (path);

  g_assert_cmpuint (n_pages, >=, 3);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = page_text (pdf, (int) i);
      g_assert_nonnull (strstr (text, "Description header"));
    }
  for (int r = 1; r <= 90; r++)
    {
      g_autofree char *first = g_strdup_printf ("First line of row %d(?!\\d)", r);
      g_autofree char *third = g_strdup_printf ("Third line of row %d(?!\\d)", r);
      int p1 = find_page_re (pdf, first, 0);
      int p3 = find_page_re (pdf, third, 0);
      g_assert_cmpint (p1, >=, 0);
      g_assert_cmpint (p1, ==, p3);
    }
}

/* A word longer than its column breaks inside the column instead of running off. */
static void
test_long_word_wraps (void)
{
  const char *word = "Supercalifragilisticexpialidociouslyunbreakableword";
  g_autoptr (CairnDocument) doc = long_table_document (word);
  g_autofree char *path = NULL;
  g_autoptr (TestPopplerDocument) pdf = NULL;
  int page;
  g_autofree char *text = NULL;
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  g_autoptr (TestPopplerPage) p = NULL;
  double w, h;

  cairn_document_add_text (doc, "A paragraph with an overlong token: "
                                "0123456789012345678901234567890123456789012345678901234567890123456789"
                                "0123456789012345678901234567890123456789 and more words after it.");
  path = write_doc (doc, "longword.pdf", NULL);
  pdf = open_pdf (path);
  page = find_page_re (pdf, "Row 45(?!\\d)", 0);
  g_assert_cmpint (page, >=, 0);
  text = page_text (pdf, page);
  /* Broken over lines, so not found whole on one line… */
  g_assert_null (strstr (text, word));
  /* …but all there once the lines are joined. */
  {
    g_autoptr (GRegex) re = g_regex_new ("-?\\n", 0, 0, NULL);
    g_autofree char *joined = g_regex_replace_literal (re, text, -1, 0, "", 0, NULL);
    g_assert_nonnull (strstr (joined, "Supercalifragilistic"));
    g_assert_nonnull (strstr (joined, "unbreakableword"));
  }
  /* And no character of any page lies outside the page's text area. */
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      p = poppler_document_get_page (pdf, i);
      poppler_page_get_size (p, &w, &h);
      g_assert_true (poppler_page_get_text_layout (p, &rects, &n_rects));
      for (guint k = 0; k < n_rects; k++)
        {
          g_assert_cmpfloat (rects[k].x1, >=, 20 * MM);
          g_assert_cmpfloat (rects[k].x2, <=, w - 20 * MM);
        }
      g_free (rects);
      g_clear_object (&p);
    }
}

static int
heading_page (int      fill,
              gboolean with_text,
              int     *text_page)
{
  g_autoptr (CairnDocument) doc = cairn_document_new ("Headings");
  g_autofree char *path = NULL;
  g_autoptr (TestPopplerDocument) pdf = NULL;

  for (int i = 0; i < fill; i++)
    cairn_document_add_text (doc, "Filler line.");
  cairn_document_add_heading (doc, 1, "The kept heading");
  if (with_text)
    cairn_document_add_text (doc, "Following paragraph " LOREM " " LOREM);
  path = write_doc (doc, "heading.pdf", NULL);
  pdf = open_pdf (path);
  if (text_page)
    *text_page = find_page (pdf, "Following paragraph", 0);
  return find_page (pdf, "The kept heading", 0);
}

/* A heading that would fall at the foot of a page moves with its text to the next. */
static void
test_heading_not_alone (void)
{
  int moved = 0;

  for (int fill = 30; fill <= 42; fill++)
    {
      int text_page = -1;
      int with_text = heading_page (fill, TRUE, &text_page);
      int alone = heading_page (fill, FALSE, NULL);

      g_assert_cmpint (with_text, >=, 0);
      g_assert_cmpint (with_text, ==, text_page);
      /* It fitted on the first page by itself, but not with its first lines: it moved. */
      if (alone == 0 && with_text == 1)
        moved++;
    }
  g_assert_cmpint (moved, >, 0);
}

static void
test_marking (void)
{
  g_autoptr (CairnDocument) doc = sample_document ();
  g_autofree char *path = NULL;
  g_autoptr (TestPopplerDocument) pdf = NULL;
  g_autoptr (TestPopplerDocument) clean = NULL;

  path = write_doc (doc, "unmarked.pdf", NULL);
  clean = open_pdf (path);
  for (int i = 0; i < poppler_document_get_n_pages (clean); i++)
    {
      g_autofree char *text = page_text (clean, i);
      g_assert_null (strstr (text, "NOT FOR PUBLICATION"));
    }
  g_free (path);
  cairn_document_set_protective_marking (doc, "RESTRICTED: NOT FOR PUBLICATION");
  path = write_doc (doc, "marked.pdf", NULL);
  pdf = open_pdf (path);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = page_text (pdf, i);
      g_assert_nonnull (strstr (text, "RESTRICTED: NOT FOR PUBLICATION"));
    }
}

static void
test_landscape (void)
{
  g_autoptr (CairnDocument) doc = cairn_document_new ("Orientation");
  g_autofree char *path = NULL;
  g_autoptr (TestPopplerDocument) pdf = NULL;
  double w, h;

  cairn_document_add_text (doc, "Portrait page.");
  cairn_document_add_orientation_break (doc, CAIRN_ORIENTATION_LANDSCAPE);
  cairn_document_add_text (doc, "Landscape page.");
  cairn_document_add_orientation_break (doc, CAIRN_ORIENTATION_PORTRAIT);
  cairn_document_add_text (doc, "Portrait again.");
  path = write_doc (doc, "landscape.pdf", NULL);
  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (TestPopplerPage) page = poppler_document_get_page (pdf, i);
      poppler_page_get_size (page, &w, &h);
      g_assert_cmpint (w > h, ==, i == 1);
    }
}

static void
test_chart_labels (void)
{
  const CairnChartKind kinds[] = { CAIRN_CHART_BAR, CAIRN_CHART_STACKED_BAR, CAIRN_CHART_LINE };
  g_autoptr (CairnDocument) doc = cairn_document_new ("Charts");
  const char *years[] = { "2009-10", "2010-11", "2011-12", NULL };
  const double a[] = { 812, 904, 951 }, b[] = { 120, 98, 143 };
  g_autofree char *path = NULL;
  g_autoptr (TestPopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *title = g_strdup_printf ("Chart kind %d", (int) k);
      g_autoptr (CairnChart) chart = cairn_chart_new (kinds[k], title);
      cairn_chart_set_categories (chart, years);
      cairn_chart_set_axis_labels (chart, "Reporting year", "Number of children");
      cairn_chart_add_series (chart, "Referrals", a, 3);
      cairn_chart_add_series (chart, "Plans", b, 3);
      cairn_document_add_figure (doc, chart, 60, "A figure");
    }
  path = write_doc (doc, "charts.pdf", NULL);
  pdf = open_pdf (path);
  text = all_text (pdf);
  for (int k = 0; k < 3; k++)
    {
      g_autofree char *title = g_strdup_printf ("Chart kind %d", k);
      g_autofree char *caption = g_strdup_printf ("Figure %d: A figure", k + 1);
      g_assert_nonnull (strstr (text, title));
      g_assert_nonnull (strstr (text, caption));
    }
  g_assert_nonnull (strstr (text, "Reporting year"));
  g_assert_nonnull (strstr (text, "Referrals"));
  g_assert_nonnull (strstr (text, "Plans"));
  g_assert_nonnull (strstr (text, "2010-11"));
  /* The scale reaches past the largest value (951 → 1000). */
  g_assert_nonnull (strstr (text, "1000"));
}

static gboolean
has_ink (cairo_surface_t *surface)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (((guint32 *) (data + y * stride))[x] != 0xffffffff)
        n++;
  return n > 100;
}

static void
preview_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask **out = user_data;

  *out = g_object_ref (G_TASK (result));
}

static void
test_preview (void)
{
  g_autoptr (CairnDocument) doc = sample_document ();
  g_autoptr (GBytes) pdf = cairn_document_render_pdf (doc, NULL, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  cairo_surface_t *surface;
  GTask *task = NULL;
  g_autofree char *png = cairn_test_scratch_path ("page.png");

  surface = cairn_pdf_render_page (pdf, 2, 1.0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (210 * MM));
  g_assert_true (has_ink (surface));
  cairo_surface_destroy (surface);

  /* Page sizes in points, for printing each page the right way round. */
  {
    double w = 0, h = 0;
    g_assert_true (cairn_pdf_get_page_size (pdf, 2, &w, &h, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (w, 210 * MM, 0.5);
    g_assert_cmpfloat_with_epsilon (h, 297 * MM, 0.5);
    g_assert_false (cairn_pdf_get_page_size (pdf, 99, &w, &h, &error));
    g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
    g_clear_error (&error);
  }

  surface = cairn_pdf_render_page (pdf, 99, 1.0, NULL, &error);
  g_assert_null (surface);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);

  /* Off the main thread. */
  cairn_pdf_render_page_async (pdf, 0, 0.5, NULL, preview_done, &task);
  while (task == NULL)
    g_main_context_iteration (NULL, TRUE);
  surface = cairn_pdf_render_page_finish (G_ASYNC_RESULT (task), &error);
  g_assert_no_error (error);
  g_assert_true (has_ink (surface));
  cairo_surface_destroy (surface);
  g_clear_object (&task);

  /* Cancelled before it ran: no image, the cancelled error. */
  g_cancellable_cancel (cancellable);
  cairn_pdf_render_page_async (pdf, 0, 0.5, cancellable, preview_done, &task);
  while (task == NULL)
    g_main_context_iteration (NULL, TRUE);
  surface = cairn_pdf_render_page_finish (G_ASYNC_RESULT (task), &error);
  g_assert_null (surface);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&task);

  g_assert_true (cairn_pdf_write_page_png (pdf, 0, 0.5, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = cairn_document_render_pdf_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_render_async (void)
{
  g_autoptr (CairnDocument) doc = sample_document ();
  g_autoptr (GBytes) sync = cairn_document_render_pdf (doc, NULL, NULL, NULL);
  GBytes *async = NULL;

  cairn_document_render_pdf_async (doc, NULL, render_done, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_bytes_equal (sync, async));
  g_bytes_unref (async);
}

/* ---- The SCR executive summary ------------------------------------------ */

static char *
export_summary (CairnStore   *store,
                CairnTestScr *fx,
                const char   *name,
                gboolean      publishable)
{
  g_autofree char *path = cairn_test_scratch_path (name);
  g_autoptr (GError) error = NULL;
  CairnScrExport result = { 0 };

  g_assert_true (cairn_scr_report_export (store, fx->year, fx->number, publishable, path, &result, &error));
  g_assert_no_error (error);
  g_assert_null (result.leaks);
  cairn_scr_export_clear (&result);
  return g_steal_pointer (&path);
}

static void
test_scr_annex_b (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("annexb.cairn", NULL, &fx);
  g_autofree char *path = export_summary (store, &fx, "annexb.pdf", TRUE);
  g_autoptr (TestPopplerDocument) pdf = open_pdf (path);
  g_autofree char *text = all_text (pdf);
  const char *headings[] = { "Introduction", "The facts / summary of events",
                             "Key issues or themes arising from the case",
                             "Priorities for learning and change", "Recommendations and action plan" };
  const char *after_contents = strstr (text, "\f") ? strstr (strstr (text, "\f") + 1, "\f") : NULL;
  const char *pos;
  int contents = find_page (pdf, "Contents", 0);

  g_assert_cmpint (contents, ==, 1);
  g_assert_nonnull (after_contents);
  /* The five Annex B headings, in order, after the contents page. */
  pos = after_contents;
  for (gsize i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\n", headings[i]);
      const char *found = strstr (pos, line);
      g_assert_nonnull (found);
      pos = found + strlen (line);
    }
  /* The three named officers, by name; the panel by title and organisation only. */
  g_assert_nonnull (strstr (text, FIX_LSCB_CHAIR));
  g_assert_nonnull (strstr (text, FIX_PANEL_CHAIR));
  g_assert_nonnull (strstr (text, FIX_AUTHOR));
  g_assert_nonnull (strstr (text, "LSCB Chair:"));
  g_assert_nonnull (strstr (text, "SCR Panel Chair:"));
  g_assert_nonnull (strstr (text, "Overview report author:"));
  g_assert_nonnull (strstr (text, FIX_MEMBER_TITLE));
  g_assert_nonnull (strstr (text, "Detective Inspector"));
  g_assert_null (strstr (text, FIX_MEMBER));
  g_assert_null (strstr (text, "Ferris"));
  g_assert_null (strstr (text, "Julia Wren"));
  g_assert_null (strstr (text, "Alan Moss"));
  g_assert_nonnull (strstr (text, "are independent of the Board"));
  /* The agency involvement is a précis: one row per month. */
  {
    g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *flat = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
    g_assert_nonnull (strstr (flat, "Referral received; Home visit: Child A seen with her mother"));
    g_assert_nonnull (strstr (flat, "April 2011"));
  }
  /* The child by pseudonym. */
  g_assert_nonnull (strstr (text, "Serious Case Review: Child A"));
  g_assert_null (strstr (text, FIX_CHILD_GIVEN));

  /* Metadata from the review's own record. */
  {
    g_autofree char *title = poppler_document_get_title (pdf);
    g_autofree char *author = poppler_document_get_author (pdf);
    g_autofree char *subject = poppler_document_get_subject (pdf);
    g_autofree char *keywords = poppler_document_get_keywords (pdf);
    g_autoptr (GDateTime) created =
      g_date_time_new_from_unix_utc (poppler_document_get_creation_date (pdf));
    g_autoptr (GError) error = NULL;
    g_autoptr (CairnScr) scr = cairn_store_get_scr (store, fx.year, fx.number, &error);
    CairnScrVersion *v = g_ptr_array_index (scr->versions, 0);

    g_assert_cmpstr (title, ==, "Serious Case Review: Child A — Executive Summary");
    g_assert_cmpstr (author, ==, FIX_BOARD);
    g_assert_nonnull (strstr (subject, "serious case review"));
    g_assert_nonnull (strstr (keywords, "SCR-2012-01"));
    /* The latest date in the record (an action completed on 30 November 2012), not the clock. */
    g_assert_cmpint (g_date_time_get_year (created), ==, 2012);
    g_assert_cmpint (g_date_time_get_month (created), ==, 11);
    g_assert_cmpint (g_date_time_get_day_of_month (created), ==, 30);
    g_assert_cmpint (v->n_pages, ==, poppler_document_get_n_pages (pdf));
    g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 5);
  }
  cairn_test_scr_clear (&fx);
}

/* The text of one table column on a page (the glyphs between the left edges of two header
 * words), line by line, joined with spaces. */
static char *
column_text (PopplerDocument *doc,
             int              index,
             const char      *header,
             const char      *next_header)
{
  g_autoptr (TestPopplerPage) page = poppler_document_get_page (doc, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GString *out = g_string_new (NULL);
  const char *a = strstr (text, header), *b = strstr (text, next_header);
  double left, right, last_y = -100, last_x2 = 0;
  guint n = 0, i = 0;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  left = rects[g_utf8_pointer_to_offset (text, a)].x1 - 0.5;
  right = rects[g_utf8_pointer_to_offset (text, b)].x1 - 0.5;
  for (const char *p = text; *p && i < n; p = g_utf8_next_char (p), i++)
    {
      Glyph g = { rects[i].x1, rects[i].x2, (rects[i].y1 + rects[i].y2) / 2, g_utf8_get_char (p) };
      if (g.c != '\n' && g.x >= left && g.x2 <= right)
        g_array_append_val (glyphs, g);
    }
  g_array_sort (glyphs, by_line_then_x);
  for (i = 0; i < glyphs->len; i++)
    {
      Glyph *g = &g_array_index (glyphs, Glyph, i);
      if ((fabs (g->y - last_y) > 2.0 || g->x - last_x2 > 2.0) && out->len > 0 &&
          out->str[out->len - 1] != ' ' && g->c != ' ')
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, g->c);
      last_y = g->y;
      last_x2 = g->x2;
    }
  return g_string_free (out, FALSE);
}

static void
test_scr_action_plan (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("actions.cairn", NULL, &fx);
  g_autofree char *path = export_summary (store, &fx, "actions.pdf", TRUE);
  g_autoptr (TestPopplerDocument) pdf = open_pdf (path);
  int page = find_page (pdf, "Action plan\n", 2);
  g_autofree char *text = NULL;
  g_autoptr (GRegex) join = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *flat = NULL;
  const char *columns[] = { "Recommendation", "Action", "Agencies", "Who is responsible",
                            "How monitored and by whom", "Due", "Status", "Progress",
                            "Evaluation of impact" };

  g_assert_cmpint (page, >, 1);
  text = page_text (pdf, page);
  flat = g_regex_replace_literal (join, text, -1, 0, " ", 0, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    g_assert_nonnull (strstr (flat, columns[i]));
  /* Landscape, for nine columns. */
  {
    g_autoptr (TestPopplerPage) p = poppler_document_get_page (pdf, page);
    double w, h;
    poppler_page_get_size (p, &w, &h);
    g_assert_cmpfloat (w, >, h);
  }
  /* Completed actions are included, with when they were completed. */
  {
    g_autofree char *status = column_text (pdf, page, "Status", "Progress");
    g_autofree char *progress = column_text (pdf, page, "Progress", "Evaluation");
    g_autofree char *monitoring = column_text (pdf, page, "How monitored", "Due");
    g_assert_nonnull (strstr (status, "Complete (November 2012)"));
    g_assert_nonnull (strstr (status, "Complete (October 2012)"));
    g_assert_nonnull (strstr (status, "In progress"));
    g_assert_nonnull (strstr (status, "Not started"));
    g_assert_nonnull (strstr (progress, "Protocol agreed and issued to all teams."));
    g_assert_nonnull (strstr (progress, "Four of six sessions delivered."));
    g_assert_nonnull (strstr (monitoring, "quarterly report"));
    g_assert_nonnull (strstr (monitoring, "Performance reports to the Board"));
  }
  cairn_test_scr_clear (&fx);
}

/* A clean summary passes, is recorded as a publishable version, and holds no identifier. */
static void
test_scr_clean_accepted (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("clean.cairn", NULL, &fx);
  g_autofree char *path = cairn_test_scratch_path ("clean.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = NULL;
  g_autoptr (TestPopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  CairnScrExport result = { 0 };
  CairnScrVersion *v;
  gsize len;
  const char *absent[] = { FIX_CHILD_GIVEN, FIX_CHILD_FAMILY, FIX_CHILD_ALIAS, FIX_SIBLING_GIVEN,
                           "Karen", FIX_FATHER_GIVEN, FIX_FATHER_FAMILY, FIX_FATHER_ALIAS,
                           FIX_PARTNER_FAMILY, "Oakfield", "Larch Close", FIX_POSTCODE, "Natarajan",
                           "Tallis", "14 March 2006", "2006-03-14" };

  g_assert_true (cairn_scr_report_export (store, fx.year, fx.number, TRUE, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.version, ==, 1);
  g_assert_true (result.publishable);

  pdf = open_pdf (path);
  text = all_text (pdf);
  for (gsize i = 0; i < G_N_ELEMENTS (absent); i++)
    if (strstr (text, absent[i]) != NULL)
      g_error ("“%s” is in the published summary", absent[i]);
  g_assert_null (strstr (text, fx.child_nhs + 3));
  g_assert_null (strstr (text, fx.child_upn));
  /* What the anonymiser put in their place. */
  g_assert_nonnull (strstr (text, "Child A"));
  g_assert_nonnull (strstr (text, "Sibling B"));
  g_assert_nonnull (strstr (text, "Mother"));
  g_assert_nonnull (strstr (text, "Father"));
  g_assert_null (strstr (text, "NOT FOR PUBLICATION"));

  /* The version is recorded with the file's SHA-256. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  g_assert_cmpstr (result.sha256, ==, sha);
  scr = cairn_store_get_scr (store, fx.year, fx.number, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scr->versions->len, ==, 1);
  v = g_ptr_array_index (scr->versions, 0);
  g_assert_cmpint (v->version, ==, 1);
  g_assert_true (v->publishable);
  g_assert_cmpstr (v->sha256, ==, sha);
  g_assert_cmpint (v->n_pages, ==, poppler_document_get_n_pages (pdf));
  g_assert_cmpstr (v->file_name, ==, "clean.pdf");
  cairn_scr_export_clear (&result);
  cairn_test_scr_clear (&fx);
}

static void
test_scr_draft (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("draft.cairn", NULL, &fx);
  g_autofree char *path = export_summary (store, &fx, "draft.pdf", FALSE);
  g_autofree char *again = export_summary (store, &fx, "draft2.pdf", FALSE);
  g_autoptr (TestPopplerDocument) pdf = open_pdf (path);
  g_autoptr (TestPopplerDocument) pdf2 = open_pdf (again);
  g_autofree char *first = page_text (pdf, 0);
  g_autofree char *second = page_text (pdf2, 0);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = page_text (pdf, i);
      g_assert_nonnull (strstr (text, "NOT FOR PUBLICATION"));
    }
  /* Each export is the next numbered version. */
  g_assert_nonnull (strstr (first, "Version 1, draft"));
  g_assert_nonnull (strstr (second, "Version 2, draft"));
  cairn_test_scr_clear (&fx);
}

/* ---- cairn-cli report scr ------------------------------------------------- */

static void
test_cli_scr (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("cli.cairn", NULL, &fx);
  g_autofree char *out = cairn_test_scratch_path ("cli.pdf");
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;

  g_clear_object (&store);
  g_assert_cmpint (cairn_test_run_cli (&stdout_text, &stderr_text, "report", "scr", "--db", fx.db_path,
                                       "--scr", "SCR-2012-01", "--publishable", "-o", out, NULL),
                   ==, 0);
  g_assert_cmpstr (stderr_text, ==, "");
  g_assert_nonnull (strstr (stdout_text, "version 1 (publishable)"));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&stderr_text, g_free);

  g_assert_cmpint (cairn_test_run_cli (NULL, &stderr_text, "report", "scr", "--db", fx.db_path,
                                       "--scr", "SCR-2012-09", "-o", out, NULL),
                   ==, 2);
  g_assert_cmpstr (stderr_text, ==, "cairn-cli: SCR-2012-09: no such serious case review\n");
  g_clear_pointer (&stderr_text, g_free);

  g_assert_cmpint (cairn_test_run_cli (NULL, &stderr_text, "report", "scr", "--db", fx.db_path,
                                       "--scr", "SCR-12", "-o", out, NULL),
                   ==, 2);
  g_assert_true (g_str_has_prefix (stderr_text, "cairn-cli: --scr: "));
  g_clear_pointer (&stderr_text, g_free);

  g_assert_cmpint (cairn_test_run_cli (NULL, &stderr_text, "report", "frob", NULL), ==, 2);
  g_assert_cmpstr (stderr_text, ==, "cairn-cli: frob: not a report (scr, chronology, outcome, minutes, agenda, board-minutes, annual)\n");
  g_clear_pointer (&stderr_text, g_free);
  g_clear_pointer (&stdout_text, g_free);

  g_assert_cmpint (cairn_test_run_cli (&stdout_text, NULL, "report", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (stdout_text, "scr"));
  cairn_test_scr_clear (&fx);
}

/* A name left in the narrative (typed in lower case, so not rewritten) refuses publication:
 * status 3, one line naming the problem, then one line per leak; no file is written. */
static void
test_cli_scr_refused (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("refused.cairn", NULL, &fx);
  g_autofree char *out = cairn_test_scratch_path ("refused.pdf");
  g_autofree char *stderr_text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = NULL;
  g_auto (GStrv) lines = NULL;
  GDir *dir;
  const char *name;

  g_assert_true (cairn_store_set_scr_section (
    store, fx.scr_id, CAIRN_SCR_SECTION_KEY_ISSUES,
    "Nobody asked amelia what life at home was like, and the rosewood household was not visited.",
    &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (cairn_test_run_cli (NULL, &stderr_text, "report", "scr", "--db", fx.db_path,
                                       "--scr", "SCR-2012-01", "--publishable", "-o", out, NULL),
                   ==, 3);
  lines = g_strsplit (stderr_text, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "cairn-cli: SCR-2012-01: publication refused: 2 identifying details remain in the summary");
  g_assert_nonnull (strstr (lines[1], "“amelia” (given name of Child A)"));
  g_assert_true (g_str_has_prefix (lines[1], "  page "));
  g_assert_nonnull (strstr (lines[2], "“rosewood” (family name of Child A)"));
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  /* No temporary file is left behind either. */
  dir = g_dir_open (cairn_test_scratch_dir (), 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".refused.pdf"));
  g_dir_close (dir);

  /* And nothing was recorded as a version. */
  store = cairn_store_open (fx.db_path, CAIRN_STORE_OPEN_EXISTING, &error);
  scr = cairn_store_get_scr (store, fx.year, fx.number, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scr->versions->len, ==, 0);

  /* The draft can still be written. */
  g_clear_pointer (&stderr_text, g_free);
  g_clear_object (&store);
  g_assert_cmpint (cairn_test_run_cli (NULL, &stderr_text, "report", "scr", "--db", fx.db_path,
                                       "--scr", "SCR-2012-01", "-o", out, NULL),
                   ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  cairn_test_scr_clear (&fx);
}

/* With accounts, the command signs in: a role that may not read reviews gets status 4. */
static void
test_cli_scr_login (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("cli-login.cairn", NULL, &fx);
  g_autofree char *out = cairn_test_scratch_path ("cli-login.pdf");
  g_autofree char *stderr_text = NULL;
  g_autofree char *stdout_text = NULL;

  cairn_test_scr_add_accounts (store);
  g_clear_object (&store);
  {
    const char *argv[] = { "report", "scr", "--db", fx.db_path, "--scr", "SCR-2012-01", "-o", out, NULL };
    g_assert_cmpint (cairn_test_run_cli_input (NULL, NULL, &stderr_text, argv), ==, 4);
    g_assert_cmpstr (stderr_text, ==, "cairn-cli: --user: this board's records need a login (--user NAME)\n");
    g_clear_pointer (&stderr_text, g_free);
  }
  {
    const char *argv[] = { "report", "scr", "--db", fx.db_path, "--scr", "SCR-2012-01", "-o", out,
                           "--user", "practitioner", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input (FIX_PASSWORD "\n", NULL, &stderr_text, argv), ==, 4);
    g_assert_true (g_str_has_prefix (stderr_text, "cairn-cli: read a serious case review draft: "));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    const char *argv[] = { "report", "scr", "--db", fx.db_path, "--scr", "SCR-2012-01", "--publishable",
                           "-o", out, "--user", "panel", "--password-fd", "0", NULL };
    g_assert_cmpint (cairn_test_run_cli_input (FIX_PASSWORD "\n", &stdout_text, NULL, argv), ==, 0);
    g_assert_nonnull (strstr (stdout_text, "(publishable)"));
  }
  cairn_test_scr_clear (&fx);
}

/* A review that lacks what Annex B requires is not published. */
static void
test_scr_incomplete (void)
{
  CairnTestScr fx;
  g_autoptr (CairnStore) store = cairn_test_scr_fixture ("incomplete.cairn", NULL, &fx);
  g_autofree char *out = cairn_test_scratch_path ("incomplete.pdf");
  g_autoptr (GError) error = NULL;
  CairnScrExport result = { 0 };

  g_assert_true (cairn_store_set_scr_section (store, fx.scr_id, CAIRN_SCR_SECTION_LEARNING, "", &error));
  g_assert_false (cairn_scr_report_export (store, fx.year, fx.number, TRUE, out, &result, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "SCR-2012-01: not ready for publication: the section “Priorities for learning and "
                   "change” is empty");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  cairn_test_scr_clear (&fx);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/report/document/metadata", test_metadata);
  g_test_add_func ("/cairn/report/document/reproducible", test_reproducible);
  g_test_add_func ("/cairn/report/document/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/cairn/report/document/contents-pages", test_contents_pages);
  g_test_add_func ("/cairn/report/document/outline", test_outline);
  g_test_add_func ("/cairn/report/document/table-pages", test_table_pages);
  g_test_add_func ("/cairn/report/document/long-word-wraps", test_long_word_wraps);
  g_test_add_func ("/cairn/report/document/heading-not-alone", test_heading_not_alone);
  g_test_add_func ("/cairn/report/document/marking", test_marking);
  g_test_add_func ("/cairn/report/document/landscape", test_landscape);
  g_test_add_func ("/cairn/report/chart/labels", test_chart_labels);
  g_test_add_func ("/cairn/report/preview/render-page", test_preview);
  g_test_add_func ("/cairn/report/preview/render-async", test_render_async);
  g_test_add_func ("/cairn/report/scr/annex-b", test_scr_annex_b);
  g_test_add_func ("/cairn/report/scr/action-plan", test_scr_action_plan);
  g_test_add_func ("/cairn/report/scr/clean-accepted", test_scr_clean_accepted);
  g_test_add_func ("/cairn/report/scr/draft", test_scr_draft);
  g_test_add_func ("/cairn/report/scr/incomplete", test_scr_incomplete);
  g_test_add_func ("/cairn/report/cli/scr", test_cli_scr);
  g_test_add_func ("/cairn/report/cli/scr-refused", test_cli_scr_refused);
  g_test_add_func ("/cairn/report/cli/scr-login", test_cli_scr_login);

  return g_test_run ();
}
