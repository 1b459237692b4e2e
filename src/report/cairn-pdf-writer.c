/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-pdf-writer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cairn-document-private.h"
#include "cairn-error.h"
#include "cairn-pdf-writer.h"
#include "cairn-utils.h"

/* Geometry, in points. */
#define MM (72.0 / 25.4)
#define A4_SHORT (210 * MM)
#define A4_LONG (297 * MM)
#define MARGIN_L (22 * MM)
#define MARGIN_R (22 * MM)
#define BODY_TOP (30 * MM)
#define EPSILON 0.01

/* Pages are A4 portrait, or landscape from an orientation break on (wide tables). */
static inline double
page_w (gboolean landscape)
{
  return landscape ? A4_LONG : A4_SHORT;
}

static inline double
page_h (gboolean landscape)
{
  return landscape ? A4_SHORT : A4_LONG;
}

/* Inside the layout pass, the geometry of the pages being laid out. */
#define PAGE_H page_h ((p)->landscape)
#define TEXT_W (page_w ((p)->landscape) - MARGIN_L - MARGIN_R)
#define BODY_BOTTOM (PAGE_H - 25 * MM)
#define BODY_H (BODY_BOTTOM - BODY_TOP)

#define FONT_FAMILY "DejaVu Sans"
#define BODY_SIZE 10.0
#define SMALL_SIZE 8.5
#define TABLE_SIZE 8.0
#define CELL_PAD 3.0
#define LIST_INDENT (7 * MM)
#define QUOTE_INDENT (10 * MM)
#define NOTICE_PAD (2.5 * MM)
/* An item's grey set to this draws in its rgb instead. */
#define NOTICE_COLOUR (-2.0)
#define CONTENTS_NUMBER_W (14 * MM)
#define PARAGRAPH_SPACE 6.0

static const double heading_size[] = { 0, 15.0, 12.0, 10.5 };
static const double heading_before[] = { 0, 14.0, 10.0, 8.0 };
static const double heading_after[] = { 0, 6.0, 4.0, 3.0 };

/* ---- Measured text ------------------------------------------------------ */

/* A laid-out text and the metrics of each of its lines, so that it can be
 * split across pages line by line. */
typedef struct
{
  PangoLayout *layout;
  int n_lines;
  PangoLayoutLine **lines;
  double *top;      /* logical top of each line, relative to the layout */
  double *height;
  double *baseline;
  double *x;
  double *width;
} Text;

static void
text_free (Text *t)
{
  g_object_unref (t->layout);
  g_free (t->lines);
  g_free (t->top);
  g_free (t->height);
  g_free (t->baseline);
  g_free (t->x);
  g_free (t->width);
  g_free (t);
}

static Text *
text_measure (PangoLayout *layout)
{
  Text *t = g_new0 (Text, 1);
  PangoLayoutIter *iter;
  int i = 0;

  t->layout = layout;
  t->n_lines = pango_layout_get_line_count (layout);
  t->lines = g_new (PangoLayoutLine *, t->n_lines);
  t->top = g_new (double, t->n_lines);
  t->height = g_new (double, t->n_lines);
  t->baseline = g_new (double, t->n_lines);
  t->x = g_new (double, t->n_lines);
  t->width = g_new (double, t->n_lines);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      t->lines[i] = pango_layout_iter_get_line_readonly (iter);
      t->top[i] = (double) logical.y / PANGO_SCALE;
      t->height[i] = (double) logical.height / PANGO_SCALE;
      t->x[i] = (double) logical.x / PANGO_SCALE;
      t->width[i] = (double) logical.width / PANGO_SCALE;
      t->baseline[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      i++;
    }
  while (i < t->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  t->n_lines = i;
  return t;
}

static double
lines_height (const Text *t,
              int         first,
              int         n)
{
  if (n <= 0)
    return 0;
  return t->top[first + n - 1] + t->height[first + n - 1] - t->top[first];
}

static double
text_height (const Text *t)
{
  return lines_height (t, 0, t->n_lines);
}

/* ---- Pages and what is on them ------------------------------------------ */

typedef enum
{
  ITEM_TEXT,
  ITEM_FILL,
  ITEM_FRAME,
  ITEM_RULE,
  ITEM_DOTS,
  ITEM_CHART,
  ITEM_DEST,
  ITEM_LINK,
  ITEM_OUTLINE,
} ItemKind;

typedef struct
{
  ItemKind kind;
  double x, y, w, h;
  Text *text;          /* borrowed from the pass */
  int first, n;
  double grey;
  double rgb[3];
  CairnChart *chart;   /* borrowed from the document */
  char *name;
  int level;
} Item;

typedef struct
{
  GPtrArray *items;
  gboolean title_page;
  gboolean landscape;
} Page;

static void
item_free (Item *item)
{
  g_free (item->name);
  g_free (item);
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

/* What a block was laid out into, kept so that a heading can measure what follows it. */
typedef struct
{
  Text *text;           /* headings, paragraphs, figure captions */
  GPtrArray *markers;   /* lists: the bullet or number of each item */
  GPtrArray *items;     /* lists: each item; tables: each cell; title page: each line */
  double *row_h;        /* tables */
} Prepared;

static void
prepared_free (Prepared *p)
{
  if (p == NULL)
    return;
  g_clear_pointer (&p->markers, g_ptr_array_unref);
  g_clear_pointer (&p->items, g_ptr_array_unref);
  g_free (p->row_h);
  g_free (p);
}

/* Layouts of the blocks, kept from one layout pass to the next: only the
 * contents page changes between them. */
typedef struct
{
  GPtrArray *texts;      /* Text: every layout made */
  GPtrArray *prepared;   /* Prepared, one per block (NULL until prepared) */
  guint figure_no;
} Shared;

typedef struct
{
  CairnDocument *doc;
  PangoContext *ctx;
  GPtrArray *texts;      /* borrowed from Shared */
  GPtrArray *pages;      /* Page */
  GPtrArray *prepared;   /* borrowed from Shared */
  Shared *shared;
  Page *page;
  double y;
  gboolean landscape;
  GArray *heading_pages; /* int per heading, in document order */
  GArray *known_pages;   /* the previous pass's heading pages, for the contents */
  guint heading_no;
} Pass;

static void
new_page (Pass *p)
{
  p->page = g_new0 (Page, 1);
  p->page->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  p->page->landscape = p->landscape;
  g_ptr_array_add (p->pages, p->page);
  p->y = BODY_TOP;
}

static gboolean
at_top (Pass *p)
{
  return p->y <= BODY_TOP + EPSILON;
}

static gboolean
page_is_empty (Pass *p)
{
  for (guint i = 0; i < p->page->items->len; i++)
    {
      Item *item = g_ptr_array_index (p->page->items, i);
      if (item->kind != ITEM_DEST && item->kind != ITEM_OUTLINE)
        return FALSE;
    }
  return TRUE;
}

static Item *
add_item (Pass     *p,
          ItemKind  kind,
          double    x,
          double    y,
          double    w,
          double    h)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->x = x;
  item->y = y;
  item->w = w;
  item->h = h;
  g_ptr_array_add (p->page->items, item);
  return item;
}

/* ---- Making layouts ------------------------------------------------------ */

static PangoLayout *
new_layout (Pass        *p,
            double       size,
            PangoWeight  weight,
            PangoStyle   style,
            double       width)
{
  PangoLayout *layout = pango_layout_new (p->ctx);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      /* Long words (a URL, a run of digits) break between characters rather than overflow. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static Text *
keep_text (Pass        *p,
           PangoLayout *layout)
{
  Text *t = text_measure (layout);

  g_ptr_array_add (p->texts, t);
  return t;
}

static Text *
plain_text (Pass        *p,
            const char  *text,
            double       size,
            PangoWeight  weight,
            PangoStyle   style,
            double       width,
            PangoAlignment align)
{
  PangoLayout *layout = new_layout (p, size, weight, style, width);

  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text ? text : "", -1);
  return keep_text (p, layout);
}

/* A paragraph's runs as one layout, with bold and italic as attributes (no markup to escape). */
static Text *
runs_text (Pass                 *p,
           const CairnParagraph *para,
           double                size,
           PangoWeight           weight,
           PangoStyle            style,
           double                width)
{
  PangoLayout *layout = new_layout (p, size, weight, style, width);
  PangoAttrList *attrs = pango_attr_list_new ();
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < para->runs->len; i++)
    {
      const CairnRun *run = &g_array_index (para->runs, CairnRun, i);
      guint start = s->len;

      g_string_append (s, run->text);
      if (run->style & CAIRN_RUN_BOLD)
        {
          PangoAttribute *a = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
          a->start_index = start;
          a->end_index = s->len;
          pango_attr_list_insert (attrs, a);
        }
      if (run->style & CAIRN_RUN_ITALIC)
        {
          PangoAttribute *a = pango_attr_style_new (PANGO_STYLE_ITALIC);
          a->start_index = start;
          a->end_index = s->len;
          pango_attr_list_insert (attrs, a);
        }
    }
  /* Trailing newlines would add empty lines. */
  while (s->len > 0 && s->str[s->len - 1] == '\n')
    g_string_truncate (s, s->len - 1);
  pango_layout_set_text (layout, s->str, (int) s->len);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  g_string_free (s, TRUE);
  return keep_text (p, layout);
}

/* ---- Placing ------------------------------------------------------------- */

static void
emit_lines (Pass  *p,
            Text  *t,
            int    first,
            int    n,
            double x,
            double y)
{
  Item *item = add_item (p, ITEM_TEXT, x, y, 0, lines_height (t, first, n));

  item->text = t;
  item->first = first;
  item->n = n;
}

/* Places @t at @x from the current position, splitting it between pages by
 * lines: never one line alone at the foot of a page or the top of the next.
 * @marker (a bullet) goes beside the first line. */
static void
place_text (Pass  *p,
            Text  *t,
            double x,
            Text  *marker,
            double marker_x)
{
  int i = 0;

  while (i < t->n_lines)
    {
      double avail = BODY_BOTTOM - p->y;
      int remaining = t->n_lines - i;
      int k = 0;

      while (k < remaining && lines_height (t, i, k + 1) <= avail + EPSILON)
        k++;
      if (k < remaining)
        {
          if (k == remaining - 1 && k >= 2)
            k--;
          if (i == 0 && k == 1 && remaining >= 2)
            k = 0;
        }
      if (k == 0)
        {
          if (at_top (p))
            k = 1; /* A line taller than a page: place it anyway. */
          else
            {
              new_page (p);
              continue;
            }
        }
      if (i == 0 && marker != NULL)
        emit_lines (p, marker, 0, marker->n_lines, marker_x, p->y + t->baseline[0] - t->top[0] -
                                                               marker->baseline[0] + marker->top[0]);
      emit_lines (p, t, i, k, x, p->y);
      p->y += lines_height (t, i, k);
      i += k;
      if (i < t->n_lines)
        new_page (p);
    }
}

static Prepared *prepare_block (Pass *p, guint index);

static double
table_header_height (CairnTable *table,
                     Prepared   *prep)
{
  double h = 0;

  for (guint r = 0; r < table->header_rows && r < cairn_table_get_n_rows (table); r++)
    h += prep->row_h[r];
  return h;
}

/* The height that must fit below a heading for it not to sit alone at the foot of a page. */
static double
keep_height (Pass  *p,
             guint  index,
             int    depth)
{
  CairnBlock *b;
  Prepared *prep;

  if (index >= p->doc->blocks->len || depth > 3)
    return 0;
  b = g_ptr_array_index (p->doc->blocks, index);
  prep = prepare_block (p, index);
  switch (b->kind)
    {
    case CAIRN_BLOCK_PARAGRAPH:
      return lines_height (prep->text, 0, MIN (2, prep->text->n_lines));
    case CAIRN_BLOCK_LIST:
      if (prep->items->len == 0)
        return 0;
      {
        Text *t = g_ptr_array_index (prep->items, 0);
        return lines_height (t, 0, MIN (2, t->n_lines));
      }
    case CAIRN_BLOCK_TABLE:
      {
        double h = table_header_height (b->table, prep);
        if (cairn_table_get_n_rows (b->table) > b->table->header_rows)
          h += prep->row_h[b->table->header_rows];
        return MIN (h, BODY_H / 2);
      }
    case CAIRN_BLOCK_FIGURE:
      return b->height_mm * MM + (prep->text ? text_height (prep->text) + 4 : 0);
    case CAIRN_BLOCK_HEADING:
      return heading_before[b->level] + text_height (prep->text) + heading_after[b->level] +
             keep_height (p, index + 1, depth + 1);
    case CAIRN_BLOCK_TITLE_PAGE:
    case CAIRN_BLOCK_CONTENTS:
    case CAIRN_BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static Prepared *
prepare_block (Pass  *p,
               guint  index)
{
  CairnBlock *b = g_ptr_array_index (p->doc->blocks, index);
  Prepared *prep = g_ptr_array_index (p->prepared, index);

  if (prep != NULL)
    return prep;
  prep = g_new0 (Prepared, 1);
  p->prepared->pdata[index] = prep;

  switch (b->kind)
    {
    case CAIRN_BLOCK_HEADING:
      prep->text = plain_text (p, b->text, heading_size[b->level], PANGO_WEIGHT_BOLD,
                               b->level == 3 ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL, TEXT_W,
                               PANGO_ALIGN_LEFT);
      break;
    case CAIRN_BLOCK_PARAGRAPH:
      switch (b->paragraph->style)
        {
        case CAIRN_PARAGRAPH_SMALL:
          prep->text = runs_text (p, b->paragraph, SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                                  PANGO_STYLE_NORMAL, TEXT_W);
          break;
        case CAIRN_PARAGRAPH_QUOTE:
          prep->text = runs_text (p, b->paragraph, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                  PANGO_STYLE_ITALIC, TEXT_W - 2 * QUOTE_INDENT);
          break;
        case CAIRN_PARAGRAPH_NOTICE:
          prep->text = runs_text (p, b->paragraph, BODY_SIZE, PANGO_WEIGHT_BOLD,
                                  PANGO_STYLE_NORMAL, TEXT_W - 2 * NOTICE_PAD);
          break;
        case CAIRN_PARAGRAPH_BODY:
        default:
          prep->text = runs_text (p, b->paragraph, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                  PANGO_STYLE_NORMAL, TEXT_W);
          break;
        }
      break;
    case CAIRN_BLOCK_LIST:
      prep->markers = g_ptr_array_new ();
      prep->items = g_ptr_array_new ();
      for (guint i = 0; i < b->list->items->len; i++)
        {
          g_autofree char *marker = b->list->numbered ? g_strdup_printf ("%u.", i + 1)
                                                      : g_strdup ("•");
          g_ptr_array_add (prep->markers, plain_text (p, marker, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                                      PANGO_STYLE_NORMAL, 0, PANGO_ALIGN_LEFT));
          g_ptr_array_add (prep->items, runs_text (p, g_ptr_array_index (b->list->items, i),
                                                   BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                                   PANGO_STYLE_NORMAL, TEXT_W - LIST_INDENT));
        }
      break;
    case CAIRN_BLOCK_TABLE:
      {
        CairnTable *table = b->table;
        guint n_rows = cairn_table_get_n_rows (table);

        prep->items = g_ptr_array_new ();
        prep->row_h = g_new0 (double, MAX (1, n_rows));
        for (guint i = 0; i < table->cells->len; i++)
          {
            guint row = i / table->n_columns, col = i % table->n_columns;
            double w = table->widths[col] * TEXT_W - 2 * CELL_PAD;
            Text *t = runs_text (p, g_ptr_array_index (table->cells, i), TABLE_SIZE,
                                 row < table->header_rows ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                 PANGO_STYLE_NORMAL, MAX (w, 4));
            g_ptr_array_add (prep->items, t);
            prep->row_h[row] = MAX (prep->row_h[row], text_height (t) + 2 * CELL_PAD);
          }
      }
      break;
    case CAIRN_BLOCK_FIGURE:
      {
        g_autofree char *caption = NULL;
        /* Figures are numbered in document order, so number them as they are prepared. */
        p->shared->figure_no++;
        caption = b->text ? g_strdup_printf (_("Figure %u: %s"), p->shared->figure_no, b->text)
                          : g_strdup_printf (_("Figure %u"), p->shared->figure_no);
        prep->text = plain_text (p, caption, SMALL_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
                                 TEXT_W, PANGO_ALIGN_CENTER);
      }
      break;
    case CAIRN_BLOCK_TITLE_PAGE:
    case CAIRN_BLOCK_CONTENTS:
    case CAIRN_BLOCK_PAGE_BREAK:
    default:
      break;
    }
  return prep;
}

static void
place_heading_text (Pass       *p,
                    int         level,
                    Text       *t,
                    const char *title,
                    const char *dest,
                    double      keep)
{
  Item *item;

  if (!at_top (p))
    p->y += heading_before[level];
  if (!at_top (p) && p->y + text_height (t) + heading_after[level] + keep > BODY_BOTTOM + EPSILON)
    new_page (p);
  item = add_item (p, ITEM_DEST, 0, p->y, 0, 0);
  item->name = g_strdup (dest);
  item = add_item (p, ITEM_OUTLINE, 0, p->y, 0, 0);
  item->name = g_strdup (title);
  item->level = level;
  item->rgb[0] = 0; /* unused */
  {
    Item *rule;
    place_text (p, t, MARGIN_L, NULL, 0);
    if (level == 1)
      {
        rule = add_item (p, ITEM_RULE, MARGIN_L, p->y + 1.5, TEXT_W, 0);
        rule->grey = 0.55;
        p->y += 1.5;
      }
  }
  p->y += heading_after[level];
}

static void
place_heading (Pass  *p,
               guint  index)
{
  CairnBlock *b = g_ptr_array_index (p->doc->blocks, index);
  Prepared *prep = prepare_block (p, index);
  g_autofree char *dest = g_strdup_printf ("section-%u", p->heading_no);
  double keep = keep_height (p, index + 1, 0);
  int page_no;

  place_heading_text (p, b->level, prep->text, b->text, dest, MIN (keep, BODY_H / 2));
  page_no = (int) p->pages->len;
  g_array_append_val (p->heading_pages, page_no);
  p->heading_no++;
}

static void
place_paragraph (Pass       *p,
                 CairnBlock *b,
                 Prepared   *prep)
{
  double x = MARGIN_L;

  if (b->paragraph->style == CAIRN_PARAGRAPH_NOTICE)
    {
      /* A notice stays whole in its box: on the next page when it does not fit. */
      double h = text_height (prep->text) + 2 * NOTICE_PAD;
      Item *item;
      guint first;

      if (!at_top (p) && p->y + h > BODY_BOTTOM + EPSILON)
        new_page (p);
      item = add_item (p, ITEM_FILL, MARGIN_L, p->y, TEXT_W, MIN (h, BODY_H));
      item->grey = NOTICE_COLOUR;
      item->rgb[0] = 1.0, item->rgb[1] = 0.93, item->rgb[2] = 0.93;
      p->y += NOTICE_PAD;
      first = p->page->items->len;
      place_text (p, prep->text, MARGIN_L + NOTICE_PAD, NULL, 0);
      for (guint i = first; i < p->page->items->len; i++)
        {
          Item *t = g_ptr_array_index (p->page->items, i);
          t->grey = NOTICE_COLOUR;
          t->rgb[0] = 0.62, t->rgb[1] = 0.0, t->rgb[2] = 0.0;
        }
      p->y += NOTICE_PAD;
      item = add_item (p, ITEM_FRAME, MARGIN_L, p->y - MIN (h, BODY_H), TEXT_W, MIN (h, BODY_H));
      item->grey = NOTICE_COLOUR;
      item->rgb[0] = 0.62, item->rgb[1] = 0.0, item->rgb[2] = 0.0;
      p->y += PARAGRAPH_SPACE;
      return;
    }
  if (b->paragraph->style == CAIRN_PARAGRAPH_QUOTE)
    x += QUOTE_INDENT;
  place_text (p, prep->text, x, NULL, 0);
  p->y += PARAGRAPH_SPACE;
}

static void
place_list (Pass     *p,
            Prepared *prep)
{
  for (guint i = 0; i < prep->items->len; i++)
    {
      place_text (p, g_ptr_array_index (prep->items, i), MARGIN_L + LIST_INDENT,
                  g_ptr_array_index (prep->markers, i), MARGIN_L + 1.5 * MM);
      p->y += i + 1 < prep->items->len ? 3.0 : PARAGRAPH_SPACE;
    }
}

/* One row (or a slice of one) at the current position: per column a background
 * for header rows, the cell's lines @start[c]..+@count[c], and a frame. */
static void
emit_row (Pass       *p,
          CairnTable *table,
          Prepared   *prep,
          guint       row,
          const int  *start,
          const int  *count,
          double      h)
{
  double x = MARGIN_L;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double w = table->widths[c] * TEXT_W;
      Text *t = g_ptr_array_index (prep->items, row * table->n_columns + c);
      Item *item;

      if (row < table->header_rows)
        {
          item = add_item (p, ITEM_FILL, x, p->y, w, h);
          item->grey = 0.88;
        }
      if (count[c] > 0)
        emit_lines (p, t, start[c], count[c], x + CELL_PAD, p->y + CELL_PAD);
      item = add_item (p, ITEM_FRAME, x, p->y, w, h);
      item->grey = 0.55;
      x += w;
    }
  p->y += h;
}

static void
emit_whole_row (Pass       *p,
                CairnTable *table,
                Prepared   *prep,
                guint       row)
{
  g_autofree int *start = g_new0 (int, table->n_columns);
  g_autofree int *count = g_new0 (int, table->n_columns);

  for (guint c = 0; c < table->n_columns; c++)
    count[c] = ((Text *) g_ptr_array_index (prep->items, row * table->n_columns + c))->n_lines;
  emit_row (p, table, prep, row, start, count, prep->row_h[row]);
}

static void
emit_header_rows (Pass       *p,
                  CairnTable *table,
                  Prepared   *prep)
{
  for (guint r = 0; r < table->header_rows && r < cairn_table_get_n_rows (table); r++)
    emit_whole_row (p, table, prep, r);
}

/* A row taller than a page: split it between pages line by line, repeating the header. */
static void
place_tall_row (Pass       *p,
                CairnTable *table,
                Prepared   *prep,
                guint       row)
{
  g_autofree int *start = g_new0 (int, table->n_columns);
  g_autofree int *count = g_new0 (int, table->n_columns);
  gboolean left = TRUE;

  while (left)
    {
      double avail = BODY_BOTTOM - p->y - 2 * CELL_PAD, h = 0;
      gboolean any = FALSE;

      left = FALSE;
      for (guint c = 0; c < table->n_columns; c++)
        {
          Text *t = g_ptr_array_index (prep->items, row * table->n_columns + c);
          int k = 0;
          while (start[c] + k < t->n_lines && lines_height (t, start[c], k + 1) <= avail + EPSILON)
            k++;
          count[c] = k;
          any |= k > 0;
          h = MAX (h, lines_height (t, start[c], k));
        }
      if (!any)
        {
          new_page (p);
          emit_header_rows (p, table, prep);
          left = TRUE;
          continue;
        }
      emit_row (p, table, prep, row, start, count, h + 2 * CELL_PAD);
      for (guint c = 0; c < table->n_columns; c++)
        {
          Text *t = g_ptr_array_index (prep->items, row * table->n_columns + c);
          start[c] += count[c];
          left |= start[c] < t->n_lines;
        }
      if (left)
        {
          new_page (p);
          emit_header_rows (p, table, prep);
        }
    }
}

static void
place_table (Pass       *p,
             CairnTable *table,
             Prepared   *prep)
{
  guint n_rows = cairn_table_get_n_rows (table);
  double header_h = table_header_height (table, prep);
  double first_h = n_rows > table->header_rows ? prep->row_h[table->header_rows] : 0;

  if (!at_top (p) && p->y + header_h + MIN (first_h, BODY_H / 2) > BODY_BOTTOM + EPSILON)
    new_page (p);
  emit_header_rows (p, table, prep);
  for (guint r = table->header_rows; r < n_rows; r++)
    {
      if (p->y + prep->row_h[r] > BODY_BOTTOM + EPSILON)
        {
          if (header_h + prep->row_h[r] <= BODY_H)
            {
              new_page (p);
              emit_header_rows (p, table, prep);
            }
          else
            {
              place_tall_row (p, table, prep, r);
              continue;
            }
        }
      emit_whole_row (p, table, prep, r);
    }
  p->y += PARAGRAPH_SPACE + 2;
}

static void
place_figure (Pass       *p,
              CairnBlock *b,
              Prepared   *prep)
{
  double h = b->height_mm * MM;
  double total = h + 4 + text_height (prep->text);
  Item *item;

  if (!at_top (p) && p->y + total > BODY_BOTTOM + EPSILON)
    new_page (p);
  item = add_item (p, ITEM_CHART, MARGIN_L, p->y, TEXT_W, h);
  item->chart = b->chart;
  p->y += h + 4;
  place_text (p, prep->text, MARGIN_L, NULL, 0);
  p->y += PARAGRAPH_SPACE + 4;
}

static void
place_title_page (Pass       *p,
                  CairnBlock *b)
{
  Item *item;
  Text *t;

  if (!page_is_empty (p))
    new_page (p);
  p->page->title_page = TRUE;
  p->y = PAGE_H * 0.28;
  item = add_item (p, ITEM_FILL, MARGIN_L, p->y, TEXT_W, 3);
  item->grey = -1; /* the accent colour */
  p->y += 14;
  t = plain_text (p, b->text, 24, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TEXT_W, PANGO_ALIGN_LEFT);
  place_text (p, t, MARGIN_L, NULL, 0);
  p->y += 10;
  if (!cairn_str_empty (p->doc->subtitle))
    {
      t = plain_text (p, p->doc->subtitle, 15, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, TEXT_W,
                      PANGO_ALIGN_LEFT);
      place_text (p, t, MARGIN_L, NULL, 0);
      p->y += 18;
    }
  for (guint i = 0; b->lines && b->lines[i]; i++)
    {
      t = plain_text (p, b->lines[i], 11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, TEXT_W,
                      PANGO_ALIGN_LEFT);
      place_text (p, t, MARGIN_L, NULL, 0);
      p->y += 4;
    }
  new_page (p);
}

static void
place_contents (Pass *p)
{
  guint heading = 0;
  Text *t;

  if (!page_is_empty (p))
    new_page (p);
  t = plain_text (p, _("Contents"), heading_size[1], PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, TEXT_W,
                  PANGO_ALIGN_LEFT);
  place_heading_text (p, 1, t, _("Contents"), "contents", 0);
  p->y += 4;

  for (guint i = 0; i < p->doc->blocks->len; i++)
    {
      CairnBlock *b = g_ptr_array_index (p->doc->blocks, i);
      g_autofree char *number = NULL;
      g_autofree char *dest = NULL;
      double indent, h;
      Text *title, *num;
      Item *item;
      int last;

      if (b->kind != CAIRN_BLOCK_HEADING)
        continue;
      dest = g_strdup_printf ("section-%u", heading);
      number = p->known_pages && heading < p->known_pages->len
                 ? g_strdup_printf ("%d", g_array_index (p->known_pages, int, heading))
                 : g_strdup ("0");
      heading++;
      if (b->level > 2)
        continue;
      indent = b->level == 1 ? 0 : 6 * MM;
      title = plain_text (p, b->text, BODY_SIZE, b->level == 1 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                          PANGO_STYLE_NORMAL, TEXT_W - CONTENTS_NUMBER_W - indent - 8 * MM,
                          PANGO_ALIGN_LEFT);
      num = plain_text (p, number, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                        CONTENTS_NUMBER_W, PANGO_ALIGN_RIGHT);
      h = text_height (title);
      if (b->level == 1)
        p->y += 3;
      if (p->y + h > BODY_BOTTOM + EPSILON)
        new_page (p);
      last = title->n_lines - 1;
      emit_lines (p, title, 0, title->n_lines, MARGIN_L + indent, p->y);
      emit_lines (p, num, 0, 1, MARGIN_L + TEXT_W - CONTENTS_NUMBER_W,
                  p->y + title->top[last] - title->top[0] + title->baseline[last] - title->top[last] -
                    num->baseline[0] + num->top[0]);
      item = add_item (p, ITEM_DOTS,
                       MARGIN_L + indent + title->x[last] + title->width[last] + 4,
                       p->y + title->top[last] - title->top[0] + title->baseline[last] - title->top[last],
                       0, 0);
      item->w = MARGIN_L + TEXT_W - CONTENTS_NUMBER_W + 2 * MM - item->x;
      item = add_item (p, ITEM_LINK, MARGIN_L, p->y, TEXT_W, h);
      item->name = g_steal_pointer (&dest);
      p->y += h + 3;
    }
  new_page (p);
}

static void
pass_free (Pass *p)
{
  g_ptr_array_unref (p->pages);
  g_array_unref (p->heading_pages);
  g_clear_object (&p->ctx);
  g_free (p);
}

static Shared *
shared_new (CairnDocument *doc)
{
  Shared *shared = g_new0 (Shared, 1);

  shared->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  shared->prepared = g_ptr_array_new_with_free_func ((GDestroyNotify) prepared_free);
  g_ptr_array_set_size (shared->prepared, doc->blocks->len);
  return shared;
}

static void
shared_free (Shared *shared)
{
  /* The prepared blocks point into the texts. */
  g_ptr_array_unref (shared->prepared);
  g_ptr_array_unref (shared->texts);
  g_free (shared);
}

static Pass *
run_pass (CairnDocument  *doc,
          PangoContext   *ctx,
          Shared         *shared,
          GArray         *known_pages,
          GCancellable   *cancellable,
          GError        **error)
{
  Pass *p = g_new0 (Pass, 1);

  p->doc = doc;
  p->ctx = g_object_ref (ctx);
  p->shared = shared;
  p->texts = shared->texts;
  p->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  p->prepared = shared->prepared;
  p->heading_pages = g_array_new (FALSE, FALSE, sizeof (int));
  p->known_pages = known_pages;
  new_page (p);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      CairnBlock *b = g_ptr_array_index (doc->blocks, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          pass_free (p);
          return NULL;
        }
      switch (b->kind)
        {
        case CAIRN_BLOCK_TITLE_PAGE:
          place_title_page (p, b);
          break;
        case CAIRN_BLOCK_CONTENTS:
          place_contents (p);
          break;
        case CAIRN_BLOCK_HEADING:
          place_heading (p, i);
          break;
        case CAIRN_BLOCK_PARAGRAPH:
          place_paragraph (p, b, prepare_block (p, i));
          break;
        case CAIRN_BLOCK_LIST:
          place_list (p, prepare_block (p, i));
          break;
        case CAIRN_BLOCK_TABLE:
          place_table (p, b->table, prepare_block (p, i));
          break;
        case CAIRN_BLOCK_FIGURE:
          place_figure (p, b, prepare_block (p, i));
          break;
        case CAIRN_BLOCK_PAGE_BREAK:
          if (b->orientation != CAIRN_ORIENTATION_UNCHANGED)
            p->landscape = b->orientation == CAIRN_ORIENTATION_LANDSCAPE;
          if (!page_is_empty (p))
            new_page (p);
          else
            p->page->landscape = p->landscape;
          break;
        default:
          break;
        }
    }
  /* A trailing empty page (after a title page, contents or break) is not printed. */
  if (p->pages->len > 1 && page_is_empty (p) && p->page->items->len == 0)
    g_ptr_array_remove_index (p->pages, p->pages->len - 1);
  return p;
}

/* ---- Rendering ---------------------------------------------------------- */

static const double accent[3] = { 0.10, 0.23, 0.42 };

static PangoLayout *
chrome_layout (PangoContext *ctx,
               const char   *text,
               double        size,
               gboolean      bold,
               double        width,
               PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (ctx);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  int h;

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
draw_chrome (CairnDocument *doc,
             cairo_t       *cr,
             PangoContext  *ctx,
             Page          *page,
             guint          page_no,
             guint          n_pages)
{
  Page *p = page; /* for the geometry macros */

  if (doc->marking != NULL)
    {
      g_autoptr (PangoLayout) top = chrome_layout (ctx, doc->marking, 9, TRUE, TEXT_W, PANGO_ALIGN_CENTER);
      g_autoptr (PangoLayout) bottom = chrome_layout (ctx, doc->marking, 9, TRUE, TEXT_W, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (cr, 0.62, 0.0, 0.0);
      show_layout (cr, top, MARGIN_L, 7 * MM);
      show_layout (cr, bottom, MARGIN_L, PAGE_H - 11 * MM);
    }

  if (!page->title_page)
    {
      const char *header = doc->header_text ? doc->header_text : doc->title;
      g_autoptr (PangoLayout) layout = chrome_layout (ctx, header, 8.5, FALSE, TEXT_W, PANGO_ALIGN_LEFT);
      double h;

      cairo_set_source_rgb (cr, 0.30, 0.30, 0.30);
      h = show_layout (cr, layout, MARGIN_L, 14 * MM);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_L, MIN (14 * MM + h + 3, BODY_TOP - 4));
      cairo_line_to (cr, MARGIN_L + TEXT_W, MIN (14 * MM + h + 3, BODY_TOP - 4));
      cairo_stroke (cr);
    }

  {
    g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page_no, n_pages);
    g_autoptr (PangoLayout) num = chrome_layout (ctx, number, 8.5, FALSE, 40 * MM, PANGO_ALIGN_RIGHT);
    double y = PAGE_H - 19 * MM;

    cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
    cairo_set_line_width (cr, 0.5);
    cairo_move_to (cr, MARGIN_L, y - 3);
    cairo_line_to (cr, MARGIN_L + TEXT_W, y - 3);
    cairo_stroke (cr);
    cairo_set_source_rgb (cr, 0.30, 0.30, 0.30);
    if (!cairn_str_empty (doc->footer_text))
      {
        g_autoptr (PangoLayout) left = chrome_layout (ctx, doc->footer_text, 8.5, FALSE,
                                                      TEXT_W - 45 * MM, PANGO_ALIGN_LEFT);
        show_layout (cr, left, MARGIN_L, y);
      }
    show_layout (cr, num, MARGIN_L + TEXT_W - 40 * MM, y);
  }
}

static void
draw_text_item (cairo_t *cr,
                Item    *item)
{
  Text *t = item->text;

  if (item->grey == NOTICE_COLOUR)
    cairo_set_source_rgb (cr, item->rgb[0], item->rgb[1], item->rgb[2]);
  else
    cairo_set_source_rgb (cr, 0.08, 0.08, 0.08);
  for (int j = item->first; j < item->first + item->n; j++)
    {
      cairo_move_to (cr, item->x + t->x[j], item->y + t->top[j] - t->top[item->first] + t->baseline[j] - t->top[j]);
      pango_cairo_show_layout_line (cr, t->lines[j]);
    }
}

static void
render_pages (CairnDocument   *doc,
              cairo_surface_t *surface,
              cairo_t         *cr,
              PangoContext    *ctx,
              Pass            *p)
{
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                     CAIRO_PDF_OUTLINE_ROOT };

  for (guint i = 0; i < p->pages->len; i++)
    {
      Page *page = g_ptr_array_index (p->pages, i);

      cairo_pdf_surface_set_size (surface, page_w (page->landscape), page_h (page->landscape));
      draw_chrome (doc, cr, ctx, page, i + 1, p->pages->len);
      for (guint j = 0; j < page->items->len; j++)
        {
          Item *item = g_ptr_array_index (page->items, j);

          switch (item->kind)
            {
            case ITEM_TEXT:
              draw_text_item (cr, item);
              break;
            case ITEM_FILL:
              if (item->grey == NOTICE_COLOUR)
                cairo_set_source_rgb (cr, item->rgb[0], item->rgb[1], item->rgb[2]);
              else if (item->grey < 0)
                cairo_set_source_rgb (cr, accent[0], accent[1], accent[2]);
              else
                cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);
              cairo_rectangle (cr, item->x, item->y, item->w, item->h);
              cairo_fill (cr);
              break;
            case ITEM_FRAME:
              if (item->grey == NOTICE_COLOUR)
                {
                  cairo_set_source_rgb (cr, item->rgb[0], item->rgb[1], item->rgb[2]);
                  cairo_set_line_width (cr, 1.0);
                }
              else
                {
                  cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);
                  cairo_set_line_width (cr, 0.5);
                }
              cairo_rectangle (cr, item->x, item->y, item->w, item->h);
              cairo_stroke (cr);
              break;
            case ITEM_RULE:
              cairo_set_source_rgb (cr, accent[0], accent[1], accent[2]);
              cairo_set_line_width (cr, 0.8);
              cairo_move_to (cr, item->x, item->y);
              cairo_line_to (cr, item->x + item->w, item->y);
              cairo_stroke (cr);
              break;
            case ITEM_DOTS:
              if (item->w > 6)
                {
                  const double dash[] = { 0.6, 3.0 };
                  cairo_save (cr);
                  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
                  cairo_set_line_width (cr, 0.9);
                  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
                  cairo_set_dash (cr, dash, 2, 0);
                  cairo_move_to (cr, item->x, item->y);
                  cairo_line_to (cr, item->x + item->w - 2 * MM - 4, item->y);
                  cairo_stroke (cr);
                  cairo_restore (cr);
                }
              break;
            case ITEM_CHART:
              cairn_chart_draw (item->chart, cr, item->x, item->y, item->w, item->h);
              break;
            case ITEM_DEST:
              {
                g_autofree char *attrs = g_strdup_printf ("name='%s' x=0 y=%.2f", item->name,
                                                          MAX (0, item->y - 6));
                cairo_tag_begin (cr, CAIRO_TAG_DEST, attrs);
                cairo_tag_end (cr, CAIRO_TAG_DEST);
              }
              break;
            case ITEM_LINK:
              {
                g_autofree char *attrs = g_strdup_printf ("rect=[%.2f %.2f %.2f %.2f] dest='%s'",
                                                          item->x, item->y, item->w, item->h,
                                                          item->name);
                cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
                cairo_tag_end (cr, CAIRO_TAG_LINK);
              }
              break;
            case ITEM_OUTLINE:
              {
                g_autofree char *attrs = g_strdup_printf ("page=%u pos=[0 %.2f]", i + 1,
                                                          MAX (0, item->y - 6));
                int level = CLAMP (item->level, 1, 3);
                int id = cairo_pdf_surface_add_outline (surface, parents[level - 1], item->name, attrs,
                                                        level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
                parents[level] = id;
                for (int l = level + 1; l < 4; l++)
                  parents[l] = id;
              }
              break;
            default:
              break;
            }
        }
      cairo_show_page (cr);
    }
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
same_pages (GArray *a,
            GArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  return memcmp (a->data, b->data, a->len * sizeof (int)) == 0;
}

static gboolean
has_contents (CairnDocument *doc)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    if (((CairnBlock *) g_ptr_array_index (doc->blocks, i))->kind == CAIRN_BLOCK_CONTENTS)
      return TRUE;
  return FALSE;
}

/**
 * cairn_document_render_pdf:
 * @n_pages: (out) (optional): the number of pages written
 *
 * Lays out and renders @doc as a PDF. When the document has a contents page
 * it is laid out again with the page numbers the first layout found, until
 * they agree. Safe to call from a worker thread (the document must not
 * change meanwhile).
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
cairn_document_render_pdf (CairnDocument  *doc,
                           guint          *n_pages,
                           GCancellable   *cancellable,
                           GError        **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *ctx;
  cairo_font_options_t *options;
  g_autoptr (GArray) known = NULL;
  Pass *pass = NULL;
  Shared *shared = shared_new (doc);
  cairo_status_t status;

  g_return_val_if_fail (doc != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_SHORT, A4_LONG);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  cr = cairo_create (surface);
  ctx = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (ctx, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (ctx, pango_language_from_string ("en-gb"));

  for (int attempt = 0; attempt < 4; attempt++)
    {
      g_clear_pointer (&pass, pass_free);
      pass = run_pass (doc, ctx, shared, known, cancellable, error);
      if (pass == NULL)
        break;
      if (!has_contents (doc) || same_pages (known, pass->heading_pages))
        break;
      g_clear_pointer (&known, g_array_unref);
      known = g_array_ref (pass->heading_pages);
    }

  if (pass != NULL)
    {
      g_autofree char *creator = g_strdup_printf ("Cairn %s", PACKAGE_VERSION);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
      if (doc->author)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, doc->author);
      if (doc->subject)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, doc->subject);
      if (doc->keywords)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, doc->keywords);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
      if (doc->creation_date != NULL)
        {
          g_autofree char *iso = g_date_time_format (doc->creation_date, "%Y-%m-%dT%H:%M:%S");
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
        }
      else
        {
          /* Cairo would otherwise stamp the wall clock, and no two files would be the same. */
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, NULL);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, NULL);
        }
      render_pages (doc, surface, cr, ctx, pass);
      if (n_pages)
        *n_pages = pass->pages->len;
    }

  g_object_unref (ctx);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (pass == NULL)
    {
      shared_free (shared);
      g_byte_array_unref (bytes);
      return NULL;
    }
  pass_free (pass);
  shared_free (shared);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

/**
 * cairn_document_write_pdf:
 *
 * Renders @doc and writes it to @path atomically (a temporary file renamed
 * into place), readable by its owner only.
 */
gboolean
cairn_document_write_pdf (CairnDocument  *doc,
                          const char     *path,
                          guint          *n_pages,
                          GError        **error)
{
  g_autoptr (GBytes) pdf = cairn_document_render_pdf (doc, n_pages, NULL, error);
  g_autoptr (GError) local = NULL;
  gsize len;
  const char *data;

  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &len);
  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, local->message);
      return FALSE;
    }
  return TRUE;
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *pdf = cairn_document_render_pdf (task_data, NULL, cancellable, &error);

  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

/* Renders @doc in a worker thread (for the live preview). */
void
cairn_document_render_pdf_async (CairnDocument       *doc,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cairn_document_render_pdf_async);
  g_task_set_task_data (task, cairn_document_ref (doc), (GDestroyNotify) cairn_document_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, render_thread);
}

GBytes *
cairn_document_render_pdf_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
