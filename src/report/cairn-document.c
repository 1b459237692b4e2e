/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-document-private.h"
#include "cairn-utils.h"

static CairnParagraph *
paragraph_new (CairnParagraphStyle style)
{
  CairnParagraph *p = g_new0 (CairnParagraph, 1);

  p->style = style;
  p->runs = g_array_new (FALSE, FALSE, sizeof (CairnRun));
  return p;
}

static void
paragraph_free (CairnParagraph *p)
{
  if (p == NULL)
    return;
  for (guint i = 0; i < p->runs->len; i++)
    g_free (g_array_index (p->runs, CairnRun, i).text);
  g_array_unref (p->runs);
  g_free (p);
}

static void
block_free (CairnBlock *b)
{
  g_free (b->text);
  g_strfreev (b->lines);
  paragraph_free (b->paragraph);
  if (b->list != NULL)
    {
      g_ptr_array_unref (b->list->items);
      g_free (b->list);
    }
  if (b->table != NULL)
    {
      g_free (b->table->widths);
      g_ptr_array_unref (b->table->cells);
      g_free (b->table);
    }
  g_clear_pointer (&b->chart, cairn_chart_unref);
  g_free (b);
}

static CairnBlock *
add_block (CairnDocument  *self,
           CairnBlockKind  kind)
{
  CairnBlock *b = g_new0 (CairnBlock, 1);

  b->kind = kind;
  g_ptr_array_add (self->blocks, b);
  return b;
}

/**
 * cairn_document_new:
 * @title: the document title: on the title page, in the running header
 *   and in the PDF metadata
 */
CairnDocument *
cairn_document_new (const char *title)
{
  CairnDocument *self = g_new0 (CairnDocument, 1);

  self->ref_count = 1;
  self->title = g_strdup (title ? title : "");
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return self;
}

CairnDocument *
cairn_document_ref (CairnDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
cairn_document_unref (CairnDocument *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->keywords);
  g_free (self->header_text);
  g_free (self->footer_text);
  g_free (self->marking);
  g_clear_pointer (&self->creation_date, g_date_time_unref);
  g_ptr_array_unref (self->blocks);
  g_free (self);
}

const char *
cairn_document_get_title (CairnDocument *self)
{
  return self->title;
}

void
cairn_document_set_subtitle (CairnDocument *self,
                             const char    *subtitle)
{
  cairn_set_str (&self->subtitle, subtitle);
}

void
cairn_document_set_author (CairnDocument *self,
                           const char    *author)
{
  cairn_set_str (&self->author, author);
}

void
cairn_document_set_subject (CairnDocument *self,
                            const char    *subject)
{
  cairn_set_str (&self->subject, subject);
}

void
cairn_document_set_keywords (CairnDocument *self,
                             const char    *keywords)
{
  cairn_set_str (&self->keywords, keywords);
}

/**
 * cairn_document_set_creation_date:
 * @date: (nullable): the date the document is "as of"
 *
 * The creation date in the PDF metadata. Take it from the data the
 * document reports on, so the same data always gives the same bytes;
 * without one the PDF carries no creation date (never the wall clock).
 */
void
cairn_document_set_creation_date (CairnDocument *self,
                                  GDateTime     *date)
{
  g_clear_pointer (&self->creation_date, g_date_time_unref);
  if (date != NULL)
    self->creation_date = g_date_time_ref (date);
}

/* The running header at the top of every page but the title page; the title by default. */
void
cairn_document_set_header_text (CairnDocument *self,
                                const char    *text)
{
  cairn_set_str (&self->header_text, text);
}

/* Text at the left of the footer; "Page N of M" is always on the right. */
void
cairn_document_set_footer_text (CairnDocument *self,
                                const char    *text)
{
  cairn_set_str (&self->footer_text, text);
}

/**
 * cairn_document_set_protective_marking:
 * @marking: (nullable): e.g. "RESTRICTED: NOT FOR PUBLICATION", or %NULL
 *   for a document that may be published
 *
 * A marking printed at the top and foot of every page.
 */
void
cairn_document_set_protective_marking (CairnDocument *self,
                                       const char    *marking)
{
  cairn_set_str (&self->marking, cairn_str_empty (marking) ? NULL : marking);
}

const char *
cairn_document_get_protective_marking (CairnDocument *self)
{
  return self->marking;
}

/**
 * cairn_document_add_title_page:
 * @heading: (nullable): the large text; the document title when %NULL
 * @lines: (nullable) (array zero-terminated=1): further lines (organisation,
 *   date, version)
 *
 * A title page, followed by a page break. It has no running header.
 */
void
cairn_document_add_title_page (CairnDocument      *self,
                               const char         *heading,
                               const char * const *lines)
{
  CairnBlock *b = add_block (self, CAIRN_BLOCK_TITLE_PAGE);

  b->text = g_strdup (heading ? heading : self->title);
  b->lines = g_strdupv ((char **) lines);
}

/* A contents page listing level 1 and 2 headings with their page numbers, linked. */
void
cairn_document_add_contents (CairnDocument *self)
{
  add_block (self, CAIRN_BLOCK_CONTENTS);
}

/* A heading (level 1–3): in the contents (1–2), the PDF outline, and never alone at a page foot. */
void
cairn_document_add_heading (CairnDocument *self,
                            int            level,
                            const char    *text)
{
  CairnBlock *b = add_block (self, CAIRN_BLOCK_HEADING);

  b->level = CLAMP (level, 1, 3);
  b->text = g_strdup (text ? text : "");
}

CairnParagraph *
cairn_document_add_styled_paragraph (CairnDocument       *self,
                                     CairnParagraphStyle  style)
{
  CairnBlock *b = add_block (self, CAIRN_BLOCK_PARAGRAPH);

  b->paragraph = paragraph_new (style);
  return b->paragraph;
}

CairnParagraph *
cairn_document_add_paragraph (CairnDocument *self)
{
  return cairn_document_add_styled_paragraph (self, CAIRN_PARAGRAPH_BODY);
}

/* Lines "1. …", "2. …", … numbered from 1 in order (a numbered list typed as text). */
static gboolean
numbered_lines (char **lines)
{
  for (guint j = 0; lines[j]; j++)
    {
      char *end = NULL;
      guint64 n = g_ascii_strtoull (g_strchug (lines[j]), &end, 10);
      if (end == lines[j] || n != j + 1 || (*end != '.' && *end != ')') || end[1] != ' ')
        return FALSE;
    }
  return TRUE;
}

/**
 * cairn_document_add_text:
 *
 * Adds plain text: each blank-line-separated part becomes a paragraph;
 * single newlines are line breaks. Lines starting "- " or "* " become a
 * bulleted list, and lines "1. ", "2. ", … a numbered list.
 */
void
cairn_document_add_text (CairnDocument *self,
                         const char    *text)
{
  g_auto (GStrv) parts = NULL;

  if (cairn_str_empty (text))
    return;
  parts = g_regex_split_simple ("\\n[ \\t]*\\n", text, 0, 0);
  for (guint i = 0; parts[i]; i++)
    {
      g_auto (GStrv) lines = NULL;
      gboolean all_bullets = TRUE;
      char *part = g_strstrip (parts[i]);

      if (*part == '\0')
        continue;
      lines = g_strsplit (part, "\n", -1);
      for (guint j = 0; lines[j]; j++)
        if (!g_str_has_prefix (g_strchug (lines[j]), "- ") && !g_str_has_prefix (lines[j], "* "))
          all_bullets = FALSE;
      if (all_bullets)
        {
          CairnList *list = cairn_document_add_list (self, FALSE);
          for (guint j = 0; lines[j]; j++)
            cairn_list_add_text_item (list, g_strstrip (lines[j] + 2));
        }
      else if (g_strv_length (lines) > 1 && numbered_lines (lines))
        {
          CairnList *list = cairn_document_add_list (self, TRUE);
          for (guint j = 0; lines[j]; j++)
            cairn_list_add_text_item (list, g_strstrip (strchr (lines[j], ' ')));
        }
      else
        cairn_paragraph_add_run (cairn_document_add_paragraph (self), CAIRN_RUN_PLAIN, part);
    }
}

void
cairn_paragraph_add_run (CairnParagraph *paragraph,
                         CairnRunStyle   style,
                         const char     *text)
{
  CairnRun run = { style, g_strdup (text ? text : "") };

  g_return_if_fail (paragraph != NULL);
  g_array_append_val (paragraph->runs, run);
}

char *
cairn_paragraph_dup_text (const CairnParagraph *paragraph)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < paragraph->runs->len; i++)
    g_string_append (s, g_array_index (paragraph->runs, CairnRun, i).text);
  return g_string_free (s, FALSE);
}

CairnList *
cairn_document_add_list (CairnDocument *self,
                         gboolean       numbered)
{
  CairnBlock *b = add_block (self, CAIRN_BLOCK_LIST);

  b->list = g_new0 (CairnList, 1);
  b->list->numbered = numbered;
  b->list->items = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
  return b->list;
}

CairnParagraph *
cairn_list_add_item (CairnList *list)
{
  CairnParagraph *p = paragraph_new (CAIRN_PARAGRAPH_BODY);

  g_ptr_array_add (list->items, p);
  return p;
}

void
cairn_list_add_text_item (CairnList  *list,
                          const char *text)
{
  cairn_paragraph_add_run (cairn_list_add_item (list), CAIRN_RUN_PLAIN, text);
}

/**
 * cairn_document_add_table:
 * @widths: (nullable) (array length=n_columns): relative column widths; equal when %NULL
 * @header_rows: how many of the first rows are headers, repeated on every page
 *
 * A table fills the text width. Rows are never split across pages (unless
 * one row is taller than a page), and header rows are repeated at the top
 * of each page the table continues on.
 */
CairnTable *
cairn_document_add_table (CairnDocument *self,
                          guint          n_columns,
                          const double  *widths,
                          guint          header_rows)
{
  CairnBlock *b = add_block (self, CAIRN_BLOCK_TABLE);
  double total = 0;

  g_return_val_if_fail (n_columns > 0, NULL);
  b->table = g_new0 (CairnTable, 1);
  b->table->n_columns = n_columns;
  b->table->header_rows = header_rows;
  b->table->widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      b->table->widths[i] = widths && widths[i] > 0 ? widths[i] : 1.0;
      total += b->table->widths[i];
    }
  for (guint i = 0; i < n_columns; i++)
    b->table->widths[i] /= total;
  b->table->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
  return b->table;
}

/* Adds a row of plain cells (%NULL entries and a short array give empty cells); returns its index. */
guint
cairn_table_add_row (CairnTable         *table,
                     const char * const *cells)
{
  guint row = table->cells->len / table->n_columns;
  gboolean ended = cells == NULL;

  for (guint i = 0; i < table->n_columns; i++)
    {
      CairnParagraph *p = paragraph_new (CAIRN_PARAGRAPH_BODY);
      if (!ended && cells[i] == NULL)
        ended = TRUE;
      if (!ended)
        cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, cells[i]);
      g_ptr_array_add (table->cells, p);
    }
  return row;
}

/* The cell's paragraph, to add styled runs to. */
CairnParagraph *
cairn_table_get_cell (CairnTable *table,
                      guint       row,
                      guint       column)
{
  g_return_val_if_fail (column < table->n_columns, NULL);
  g_return_val_if_fail (row * table->n_columns + column < table->cells->len, NULL);
  return g_ptr_array_index (table->cells, row * table->n_columns + column);
}

guint
cairn_table_get_n_rows (CairnTable *table)
{
  return table->cells->len / table->n_columns;
}

/**
 * cairn_document_add_figure:
 * @chart: (transfer none): the chart; the document keeps a reference
 * @height_mm: the chart's height; 0 for the default (80 mm)
 * @caption: (nullable): printed under it as "Figure N: caption"
 */
void
cairn_document_add_figure (CairnDocument *self,
                           CairnChart    *chart,
                           double         height_mm,
                           const char    *caption)
{
  CairnBlock *b = add_block (self, CAIRN_BLOCK_FIGURE);

  b->chart = cairn_chart_ref (chart);
  b->height_mm = height_mm > 0 ? height_mm : 80;
  b->text = g_strdup (caption);
}

void
cairn_document_add_page_break (CairnDocument *self)
{
  add_block (self, CAIRN_BLOCK_PAGE_BREAK);
}

/* A page break after which pages are @orientation (until the next such break). */
void
cairn_document_add_orientation_break (CairnDocument        *self,
                                      CairnPageOrientation  orientation)
{
  CairnBlock *b = add_block (self, CAIRN_BLOCK_PAGE_BREAK);

  b->orientation = orientation;
}

typedef struct
{
  CairnDocumentTextFunc func;
  gpointer user_data;
  const char *where;
} ChartTextData;

static void
chart_text (const char *text,
            gpointer    user_data)
{
  ChartTextData *d = user_data;

  d->func (text, d->where, d->user_data);
}

static void
paragraph_text (const CairnParagraph  *p,
                const char            *where,
                CairnDocumentTextFunc  func,
                gpointer               user_data)
{
  g_autofree char *text = cairn_paragraph_dup_text (p);

  func (text, where, user_data);
}

void
cairn_document_foreach_text (CairnDocument         *self,
                             CairnDocumentTextFunc  func,
                             gpointer               user_data)
{
  const char *section = NULL;
  const char *meta[][2] = {
    { self->title, N_("document title") },
    { self->subtitle, N_("document subtitle") },
    { self->author, N_("document author") },
    { self->subject, N_("document subject") },
    { self->keywords, N_("document keywords") },
    { self->header_text, N_("running header") },
    { self->footer_text, N_("running footer") },
    { self->marking, N_("protective marking") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (meta); i++)
    if (meta[i][0] != NULL)
      func (meta[i][0], _(meta[i][1]), user_data);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      CairnBlock *b = g_ptr_array_index (self->blocks, i);
      g_autofree char *where = NULL;

      switch (b->kind)
        {
        case CAIRN_BLOCK_TITLE_PAGE:
          func (b->text, _("title page"), user_data);
          for (guint j = 0; b->lines && b->lines[j]; j++)
            func (b->lines[j], _("title page"), user_data);
          break;
        case CAIRN_BLOCK_HEADING:
          section = b->text;
          func (b->text, _("heading"), user_data);
          break;
        case CAIRN_BLOCK_PARAGRAPH:
          where = g_strdup_printf (_("paragraph in “%s”"), section ? section : _("the start"));
          paragraph_text (b->paragraph, where, func, user_data);
          break;
        case CAIRN_BLOCK_LIST:
          where = g_strdup_printf (_("list in “%s”"), section ? section : _("the start"));
          for (guint j = 0; j < b->list->items->len; j++)
            paragraph_text (g_ptr_array_index (b->list->items, j), where, func, user_data);
          break;
        case CAIRN_BLOCK_TABLE:
          for (guint j = 0; j < b->table->cells->len; j++)
            {
              g_autofree char *cell_where =
                g_strdup_printf (_("table in “%s”, row %u, column %u"),
                                 section ? section : _("the start"),
                                 j / b->table->n_columns + 1, j % b->table->n_columns + 1);
              paragraph_text (g_ptr_array_index (b->table->cells, j), cell_where, func, user_data);
            }
          break;
        case CAIRN_BLOCK_FIGURE:
          {
            ChartTextData d = { func, user_data, NULL };
            where = g_strdup_printf (_("figure in “%s”"), section ? section : _("the start"));
            d.where = where;
            if (b->text)
              func (b->text, where, user_data);
            cairn_chart_foreach_text (b->chart, chart_text, &d);
          }
          break;
        case CAIRN_BLOCK_CONTENTS:
        case CAIRN_BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
}
