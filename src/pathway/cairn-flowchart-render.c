/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-flowchart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <zlib.h>

#include "cairn-error.h"
#include "cairn-flowchart-render.h"

#define RESOLUTION 96.0
#define PX_TO_PT (72.0 / RESOLUTION)
#define ARROW_LEN 9.0
#define ARROW_HALF 4.5
#define CORNER 6.0

#define HEX(h) { (((h) >> 16) & 0xff) / 255.0, (((h) >> 8) & 0xff) / 255.0, ((h) & 0xff) / 255.0, 1.0 }

/* GNOME's palette (the colours libadwaita names), so the chart sits well
 * beside the rest of the app. Red is never the only sign of lateness: late
 * nodes also say how late in words. */
static const CairnFlowPalette palettes[] = {
  [CAIRN_FLOW_PALETTE_LIGHT] = {
    .background = HEX (0xffffff), .text = HEX (0x241f31), .muted = HEX (0x5e5c64),
    .step_fill = HEX (0xf6f5f4), .step_stroke = HEX (0x77767b),
    .decision_fill = HEX (0xfff4d6), .decision_stroke = HEX (0xb5835a),
    .terminal_fill = HEX (0xe4eefb), .terminal_stroke = HEX (0x1c71d8),
    .edge = HEX (0x5e5c64), .back_edge = HEX (0x1a5fb4),
    .condition = HEX (0x241f31), .timescale = HEX (0x613583),
    .passed_fill = HEX (0xd5f2df), .passed_stroke = HEX (0x26a269), .passed_text = HEX (0x1d6b3f),
    .current_fill = HEX (0xc7dcf7), .current_stroke = HEX (0x1a5fb4), .current_text = HEX (0x0f3e7a),
    .due_stroke = HEX (0xc64600), .due_text = HEX (0x8a3b00),
    .late_fill = HEX (0xfbe3e3), .late_stroke = HEX (0xc01c28), .late_text = HEX (0xa51d2d),
    .focus = HEX (0x3584e4), .selected = HEX (0x1c71d8),
    .line_width = 1.25,
  },
  [CAIRN_FLOW_PALETTE_DARK] = {
    .background = HEX (0x242424), .text = HEX (0xffffff), .muted = HEX (0xc0bfbc),
    .step_fill = HEX (0x363636), .step_stroke = HEX (0x9a9996),
    .decision_fill = HEX (0x3f3420), .decision_stroke = HEX (0xcda869),
    .terminal_fill = HEX (0x1d2f4a), .terminal_stroke = HEX (0x78aeed),
    .edge = HEX (0xc0bfbc), .back_edge = HEX (0x99c1f1),
    .condition = HEX (0xf6f5f4), .timescale = HEX (0xdcc4f0),
    .passed_fill = HEX (0x1e3d2b), .passed_stroke = HEX (0x57e389), .passed_text = HEX (0x8ff0a4),
    .current_fill = HEX (0x1b3a66), .current_stroke = HEX (0x99c1f1), .current_text = HEX (0xcfe1fa),
    .due_stroke = HEX (0xffa348), .due_text = HEX (0xffbe6f),
    .late_fill = HEX (0x4d1a1f), .late_stroke = HEX (0xff7b63), .late_text = HEX (0xff9c8a),
    .focus = HEX (0x78aeed), .selected = HEX (0x99c1f1),
    .line_width = 1.25,
  },
  [CAIRN_FLOW_PALETTE_HIGH_CONTRAST] = {
    .background = HEX (0xffffff), .text = HEX (0x000000), .muted = HEX (0x000000),
    .step_fill = HEX (0xffffff), .step_stroke = HEX (0x000000),
    .decision_fill = HEX (0xffffff), .decision_stroke = HEX (0x000000),
    .terminal_fill = HEX (0xffffff), .terminal_stroke = HEX (0x000000),
    .edge = HEX (0x000000), .back_edge = HEX (0x000000),
    .condition = HEX (0x000000), .timescale = HEX (0x000000),
    .passed_fill = HEX (0xe0e0e0), .passed_stroke = HEX (0x000000), .passed_text = HEX (0x000000),
    .current_fill = HEX (0xffffff), .current_stroke = HEX (0x000000), .current_text = HEX (0x000000),
    .due_stroke = HEX (0x000000), .due_text = HEX (0x000000),
    .late_fill = HEX (0xffffff), .late_stroke = HEX (0x9e0000), .late_text = HEX (0x9e0000),
    .focus = HEX (0x0000c0), .selected = HEX (0x000000),
    .line_width = 2.0,
  },
  [CAIRN_FLOW_PALETTE_HIGH_CONTRAST_DARK] = {
    .background = HEX (0x000000), .text = HEX (0xffffff), .muted = HEX (0xffffff),
    .step_fill = HEX (0x000000), .step_stroke = HEX (0xffffff),
    .decision_fill = HEX (0x000000), .decision_stroke = HEX (0xffffff),
    .terminal_fill = HEX (0x000000), .terminal_stroke = HEX (0xffffff),
    .edge = HEX (0xffffff), .back_edge = HEX (0xffffff),
    .condition = HEX (0xffffff), .timescale = HEX (0xffffff),
    .passed_fill = HEX (0x3a3a3a), .passed_stroke = HEX (0xffffff), .passed_text = HEX (0xffffff),
    .current_fill = HEX (0x000000), .current_stroke = HEX (0xffffff), .current_text = HEX (0xffffff),
    .due_stroke = HEX (0xffffff), .due_text = HEX (0xffffff),
    .late_fill = HEX (0x000000), .late_stroke = HEX (0xff8080), .late_text = HEX (0xff8080),
    .focus = HEX (0xffff00), .selected = HEX (0xffffff),
    .line_width = 2.0,
  },
};

const CairnFlowPalette *
cairn_flow_palette_get (CairnFlowPaletteKind kind)
{
  g_return_val_if_fail (kind <= CAIRN_FLOW_PALETTE_HIGH_CONTRAST_DARK, &palettes[0]);
  return &palettes[kind];
}

gboolean
cairn_flow_format_from_string (const char      *text,
                               CairnFlowFormat *out)
{
  static const char *names[] = { "pdf", "svg", "png" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out = (CairnFlowFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* Text styles: the font and alignment of each kind of text. */
static const struct
{
  const char *font;
  PangoAlignment align;
} styles[CAIRN_FLOW_N_TEXT_STYLES] = {
  [CAIRN_FLOW_TEXT_TITLE] = { "Sans Bold 15", PANGO_ALIGN_LEFT },
  [CAIRN_FLOW_TEXT_SUBTITLE] = { "Sans 10", PANGO_ALIGN_LEFT },
  [CAIRN_FLOW_TEXT_NODE] = { "Sans 10", PANGO_ALIGN_CENTER },
  [CAIRN_FLOW_TEXT_STATUS] = { "Sans Bold 8.5", PANGO_ALIGN_CENTER },
  [CAIRN_FLOW_TEXT_CONDITION] = { "Sans 8.5", PANGO_ALIGN_LEFT },
  [CAIRN_FLOW_TEXT_TIMESCALE] = { "Sans Italic 8", PANGO_ALIGN_LEFT },
  [CAIRN_FLOW_TEXT_LEGEND] = { "Sans 9", PANGO_ALIGN_LEFT },
};

typedef struct
{
  PangoLayout *layout;
  double ox;      /* from the text rectangle's corner to the layout's origin */
  double oy;
  double width;   /* ink and logical extents together */
  double height;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_object_unref (e->layout);
  g_free (e);
}

/**
 * CairnFlowPainter:
 *
 * Holds the Pango context and the shaped text of the layouts it has made
 * and drawn (the same #PangoLayout measures a text and draws it). Use from
 * one thread.
 */
struct _CairnFlowPainter
{
  GObject parent_instance;

  PangoContext *context;
  PangoFontDescription *fonts[CAIRN_FLOW_N_TEXT_STYLES];
  char *families[CAIRN_FLOW_N_TEXT_STYLES];
  GHashTable *entries;   /* "style|wrap|text" → Entry */
  GString *svg;          /* while exporting SVG: the text elements */
};

G_DEFINE_FINAL_TYPE (CairnFlowPainter, cairn_flow_painter, G_TYPE_OBJECT)

static void
cairn_flow_painter_finalize (GObject *object)
{
  CairnFlowPainter *self = CAIRN_FLOW_PAINTER (object);

  g_hash_table_unref (self->entries);
  for (int i = 0; i < CAIRN_FLOW_N_TEXT_STYLES; i++)
    {
      pango_font_description_free (self->fonts[i]);
      g_free (self->families[i]);
    }
  g_object_unref (self->context);
  G_OBJECT_CLASS (cairn_flow_painter_parent_class)->finalize (object);
}

static void
cairn_flow_painter_class_init (CairnFlowPainterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cairn_flow_painter_finalize;
}

static void
cairn_flow_painter_init (CairnFlowPainter *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: text measures the same at every zoom and in every
   * output, so what fits on screen fits in the PDF. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->context, RESOLUTION);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  for (int i = 0; i < CAIRN_FLOW_N_TEXT_STYLES; i++)
    {
      g_autoptr (PangoFont) font = NULL;
      self->fonts[i] = pango_font_description_from_string (styles[i].font);
      font = pango_context_load_font (self->context, self->fonts[i]);
      if (font)
        {
          PangoFontDescription *desc = pango_font_describe (font);
          self->families[i] = g_strdup (pango_font_description_get_family (desc));
          pango_font_description_free (desc);
        }
    }
}

CairnFlowPainter *
cairn_flow_painter_new (void)
{
  return g_object_new (CAIRN_TYPE_FLOW_PAINTER, NULL);
}

static Entry *
lookup_entry (CairnFlowPainter  *self,
              CairnFlowTextStyle style,
              const char        *text,
              double             wrap_width)
{
  g_autofree char *key = g_strdup_printf ("%d|%d|%s", style, (int) (wrap_width * 16), text);
  Entry *e = g_hash_table_lookup (self->entries, key);
  PangoAttrList *attrs;
  PangoRectangle ink, logical;
  double x0, y0, x1, y1;

  if (e)
    return e;
  e = g_new0 (Entry, 1);
  e->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (e->layout, self->fonts[style]);
  pango_layout_set_alignment (e->layout, styles[style].align);
  if (wrap_width > 0)
    {
      pango_layout_set_width (e->layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (e->layout, PANGO_WRAP_WORD_CHAR);
    }
  /* A word broken across lines gets no hyphen, so the text reads back as written. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (e->layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (e->layout, text, -1);

  pango_layout_get_extents (e->layout, &ink, &logical);
  x0 = MIN (ink.x, logical.x) / (double) PANGO_SCALE;
  y0 = MIN (ink.y, logical.y) / (double) PANGO_SCALE;
  x1 = MAX (ink.x + ink.width, logical.x + logical.width) / (double) PANGO_SCALE;
  y1 = MAX (ink.y + ink.height, logical.y + logical.height) / (double) PANGO_SCALE;
  /* An empty ink rectangle (white space) does not count. */
  if (ink.width == 0 || ink.height == 0)
    {
      x0 = logical.x / (double) PANGO_SCALE;
      y0 = logical.y / (double) PANGO_SCALE;
      x1 = (logical.x + logical.width) / (double) PANGO_SCALE;
      y1 = (logical.y + logical.height) / (double) PANGO_SCALE;
    }
  e->ox = -x0;
  e->oy = -y0;
  e->width = x1 - x0;
  e->height = y1 - y0;
  g_hash_table_insert (self->entries, g_steal_pointer (&key), e);
  return e;
}

static void
measure (CairnFlowTextStyle  style,
         const char         *text,
         double              wrap_width,
         double             *width,
         double             *height,
         gpointer            user_data)
{
  Entry *e = lookup_entry (user_data, style, text, wrap_width);

  *width = e->width;
  *height = e->height;
}

/**
 * cairn_flow_painter_layout:
 * @kase: (nullable): the case to show, or %NULL for the reference map
 *
 * Lays out @chart with text measured as this painter draws it.
 *
 * Returns: (transfer full): the layout
 */
CairnFlowLayout *
cairn_flow_painter_layout (CairnFlowPainter *self,
                           CairnFlowchart   *chart,
                           CairnFlowCase    *kase)
{
  g_return_val_if_fail (CAIRN_IS_FLOW_PAINTER (self), NULL);
  return cairn_flow_layout_compute (chart, kase, measure, self);
}

/**
 * cairn_flow_painter_ink_fits:
 * @text: index of a text in @layout
 *
 * Whether every drawn pixel of the text (its ink) lies inside the
 * rectangle the layout gave it, give or take @tolerance.
 */
gboolean
cairn_flow_painter_ink_fits (CairnFlowPainter      *self,
                             const CairnFlowLayout *layout,
                             guint                  text,
                             double                 tolerance)
{
  const CairnFlowText *t = &layout->texts[text];
  Entry *e = lookup_entry (self, t->style, t->text, t->wrap_width);
  PangoRectangle ink;
  double x, y;

  pango_layout_get_extents (e->layout, &ink, NULL);
  if (ink.width == 0)
    return TRUE;
  x = t->rect.x + e->ox + ink.x / (double) PANGO_SCALE;
  y = t->rect.y + e->oy + ink.y / (double) PANGO_SCALE;
  return x >= t->rect.x - tolerance && y >= t->rect.y - tolerance &&
         x + ink.width / (double) PANGO_SCALE <= t->rect.x + t->rect.width + tolerance &&
         y + ink.height / (double) PANGO_SCALE <= t->rect.y + t->rect.height + tolerance;
}

static void
set_color (cairo_t              *cr,
           const CairnFlowColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* SVG text: numbers in the C locale whatever the user's. */
static void
append_num (GString *out,
            double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static void
svg_text (CairnFlowPainter     *self,
          cairo_t              *cr,
          CairnFlowTextStyle    style,
          PangoLayout          *layout,
          double                x,
          double                y,
          const CairnFlowColor *color)
{
  const PangoFontDescription *desc = self->fonts[style];
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);
  double size = pango_font_description_get_size (desc) / (double) PANGO_SCALE * RESOLUTION / 72.0;
  double size_x = size, size_y = 0;

  cairo_user_to_device_distance (cr, &size_x, &size_y);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      g_autofree char *part = NULL;
      g_autofree char *escaped = NULL;
      double lx, by, w, h = 0;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      part = g_strndup (text + line->start_index, (gsize) line->length);
      g_strchomp (part);
      if (*part == '\0')
        continue;
      /* Where the line's text runs, without its trailing space. */
      {
        int x_start, x_end;
        pango_layout_line_index_to_x (line, line->start_index, FALSE, &x_start);
        pango_layout_line_index_to_x (line, line->start_index + (int) strlen (part), FALSE, &x_end);
        w = ABS (x_end - x_start) / (double) PANGO_SCALE;
        lx = x + (logical.x + MIN (x_start, x_end)) / (double) PANGO_SCALE;
      }
      by = y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      cairo_user_to_device (cr, &lx, &by);
      cairo_user_to_device_distance (cr, &w, &h);
      escaped = g_markup_escape_text (part, -1);
      g_string_append (self->svg, "<text x=\"");
      append_num (self->svg, lx);
      g_string_append (self->svg, "\" y=\"");
      append_num (self->svg, by);
      g_string_append_printf (self->svg, "\" font-family=\"%s, sans-serif\" font-size=\"",
                              self->families[style] ? self->families[style] : "sans-serif");
      append_num (self->svg, size_x);
      g_string_append_printf (self->svg, "\"%s%s fill=\"#%02x%02x%02x\" textLength=\"",
                              pango_font_description_get_weight (desc) >= PANGO_WEIGHT_BOLD
                                ? " font-weight=\"bold\""
                                : "",
                              pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC
                                ? " font-style=\"italic\""
                                : "",
                              (int) (color->red * 255 + 0.5), (int) (color->green * 255 + 0.5),
                              (int) (color->blue * 255 + 0.5));
      append_num (self->svg, w);
      g_string_append_printf (self->svg, "\" lengthAdjust=\"spacingAndGlyphs\">%s</text>\n", escaped);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_text (CairnFlowPainter     *self,
           cairo_t              *cr,
           const CairnFlowText  *t,
           const CairnFlowColor *color)
{
  Entry *e = lookup_entry (self, t->style, t->text, t->wrap_width);
  double x = t->rect.x + e->ox, y = t->rect.y + e->oy;

  if (self->svg)
    {
      svg_text (self, cr, t->style, e->layout, x, y, color);
      return;
    }
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, e->layout);
}

static void
shape_path (cairo_t             *cr,
            CairnFlowNodeKind    kind,
            const CairnFlowRect *r,
            double               grow)
{
  double x = r->x - grow, y = r->y - grow, w = r->width + 2 * grow, h = r->height + 2 * grow;

  cairo_new_sub_path (cr);
  switch (kind)
    {
    case CAIRN_FLOW_NODE_DECISION:
      {
        /* Grow along the normal so rings stay parallel to the sides. */
        double k = grow > 0 ? grow * sqrt (r->width * r->width + r->height * r->height) / r->height : 0;
        double kh = grow > 0 ? grow * sqrt (r->width * r->width + r->height * r->height) / r->width : 0;
        double cx = r->x + r->width / 2, cy = r->y + r->height / 2;
        cairo_move_to (cr, cx, r->y - kh);
        cairo_line_to (cr, r->x + r->width + k, cy);
        cairo_line_to (cr, cx, r->y + r->height + kh);
        cairo_line_to (cr, r->x - k, cy);
        cairo_close_path (cr);
      }
      break;
    case CAIRN_FLOW_NODE_START:
    case CAIRN_FLOW_NODE_END:
      {
        double rad = h / 2;
        cairo_arc (cr, x + w - rad, y + rad, rad, -G_PI / 2, G_PI / 2);
        cairo_arc (cr, x + rad, y + rad, rad, G_PI / 2, 3 * G_PI / 2);
        cairo_close_path (cr);
      }
      break;
    case CAIRN_FLOW_NODE_STEP:
    default:
      {
        double rad = 4 + grow;
        cairo_arc (cr, x + w - rad, y + rad, rad, -G_PI / 2, 0);
        cairo_arc (cr, x + w - rad, y + h - rad, rad, 0, G_PI / 2);
        cairo_arc (cr, x + rad, y + h - rad, rad, G_PI / 2, G_PI);
        cairo_arc (cr, x + rad, y + rad, rad, G_PI, 3 * G_PI / 2);
        cairo_close_path (cr);
      }
      break;
    }
}

static void
node_colors (const CairnFlowPalette  *p,
             const CairnFlowNodeBox  *b,
             const CairnFlowColor   **fill,
             const CairnFlowColor   **stroke,
             double                  *width)
{
  switch (b->kind)
    {
    case CAIRN_FLOW_NODE_DECISION:
      *fill = &p->decision_fill;
      *stroke = &p->decision_stroke;
      break;
    case CAIRN_FLOW_NODE_START:
    case CAIRN_FLOW_NODE_END:
      *fill = &p->terminal_fill;
      *stroke = &p->terminal_stroke;
      break;
    case CAIRN_FLOW_NODE_STEP:
    default:
      *fill = &p->step_fill;
      *stroke = &p->step_stroke;
      break;
    }
  *width = p->line_width;
  if (b->kind == CAIRN_FLOW_NODE_START)
    *width = p->line_width * 1.8;
  if (b->progress == CAIRN_FLOW_PROGRESS_PASSED)
    {
      *fill = &p->passed_fill;
      *stroke = &p->passed_stroke;
    }
  else if (b->progress == CAIRN_FLOW_PROGRESS_CURRENT)
    {
      *fill = &p->current_fill;
      *stroke = &p->current_stroke;
      *width = p->line_width * 2.6;
    }
  if (b->deadline == CAIRN_FLOW_DEADLINE_DUE)
    {
      *stroke = &p->due_stroke;
      *width = MAX (*width, p->line_width * 2);
    }
  else if (b->deadline == CAIRN_FLOW_DEADLINE_LATE)
    {
      *fill = &p->late_fill;
      *stroke = &p->late_stroke;
      *width = p->line_width * 2.6;
    }
}

static void
draw_shape (cairo_t                *cr,
            const CairnFlowPalette *p,
            const CairnFlowNodeBox *b)
{
  const CairnFlowColor *fill, *stroke;
  double width;

  node_colors (p, b, &fill, &stroke, &width);
  if (b->progress == CAIRN_FLOW_PROGRESS_CURRENT)
    {
      /* The current stage stands out with a halo, late or not. */
      shape_path (cr, b->kind, &b->box, 5);
      set_color (cr, &p->current_stroke);
      cairo_set_line_width (cr, p->line_width * 1.6);
      cairo_stroke (cr);
    }
  shape_path (cr, b->kind, &b->box, 0);
  set_color (cr, fill);
  cairo_fill_preserve (cr);
  set_color (cr, stroke);
  cairo_set_line_width (cr, width);
  if (b->deadline == CAIRN_FLOW_DEADLINE_DUE && b->progress != CAIRN_FLOW_PROGRESS_CURRENT)
    {
      static const double dash[] = { 6, 3 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (b->kind == CAIRN_FLOW_NODE_END)
    {
      /* An end is a terminator with a double outline. */
      CairnFlowRect inner = { b->box.x + 3.5, b->box.y + 3.5, b->box.width - 7, b->box.height - 7 };
      shape_path (cr, b->kind, &inner, 0);
      cairo_set_line_width (cr, p->line_width * 0.8);
      cairo_stroke (cr);
    }
}

static void
arrowhead (cairo_t              *cr,
           const CairnFlowPoint *from,
           const CairnFlowPoint *to)
{
  double dx = to->x - from->x, dy = to->y - from->y, len = hypot (dx, dy);

  if (len < 1e-9)
    return;
  dx /= len;
  dy /= len;
  cairo_move_to (cr, to->x, to->y);
  cairo_line_to (cr, to->x - dx * ARROW_LEN - dy * ARROW_HALF, to->y - dy * ARROW_LEN + dx * ARROW_HALF);
  cairo_line_to (cr, to->x - dx * ARROW_LEN + dy * ARROW_HALF, to->y - dy * ARROW_LEN - dx * ARROW_HALF);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* An orthogonal polyline with rounded corners, stopping short of its end by the arrowhead. */
static void
route_path (cairo_t              *cr,
            const CairnFlowPoint *pts,
            guint                 n)
{
  CairnFlowPoint end = pts[n - 1];
  double dx = pts[n - 1].x - pts[n - 2].x, dy = pts[n - 1].y - pts[n - 2].y, len = hypot (dx, dy);

  if (len > ARROW_LEN)
    {
      end.x -= dx / len * (ARROW_LEN - 1);
      end.y -= dy / len * (ARROW_LEN - 1);
    }
  cairo_move_to (cr, pts[0].x, pts[0].y);
  for (guint i = 1; i + 1 < n; i++)
    {
      const CairnFlowPoint *a = &pts[i - 1], *b = &pts[i], *c = &pts[i + 1];
      double l1 = hypot (b->x - a->x, b->y - a->y), l2 = hypot (c->x - b->x, c->y - b->y);
      double r = MIN (CORNER, MIN (l1, l2) / 2);
      if (r < 0.5)
        {
          cairo_line_to (cr, b->x, b->y);
          continue;
        }
      cairo_line_to (cr, b->x - (b->x - a->x) / l1 * r, b->y - (b->y - a->y) / l1 * r);
      cairo_curve_to (cr, b->x, b->y, b->x, b->y, b->x + (c->x - b->x) / l2 * r, b->y + (c->y - b->y) / l2 * r);
    }
  cairo_line_to (cr, end.x, end.y);
}

static gboolean
visible (const CairnFlowRect *clip,
         const CairnFlowRect *r,
         double               margin)
{
  return clip == NULL ||
         (r->x - margin < clip->x + clip->width && clip->x < r->x + r->width + margin &&
          r->y - margin < clip->y + clip->height && clip->y < r->y + r->height + margin);
}

static void
route_bounds (const CairnFlowRoute *route,
              CairnFlowRect        *out)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < route->n_points; i++)
    {
      x0 = MIN (x0, route->points[i].x);
      y0 = MIN (y0, route->points[i].y);
      x1 = MAX (x1, route->points[i].x);
      y1 = MAX (y1, route->points[i].y);
    }
  *out = (CairnFlowRect) { x0, y0, x1 - x0, y1 - y0 };
}

static void
draw_legend_swatch (cairo_t                   *cr,
                    const CairnFlowPalette    *p,
                    const CairnFlowLegendItem *item)
{
  CairnFlowNodeBox b = { 0 };
  const CairnFlowRect *r = &item->swatch;

  b.box = *r;
  b.kind = CAIRN_FLOW_NODE_STEP;
  switch (item->kind)
    {
    case CAIRN_FLOW_LEGEND_START:
      b.kind = CAIRN_FLOW_NODE_START;
      break;
    case CAIRN_FLOW_LEGEND_DECISION:
      b.kind = CAIRN_FLOW_NODE_DECISION;
      break;
    case CAIRN_FLOW_LEGEND_END:
      b.kind = CAIRN_FLOW_NODE_END;
      break;
    case CAIRN_FLOW_LEGEND_PASSED:
      b.progress = CAIRN_FLOW_PROGRESS_PASSED;
      break;
    case CAIRN_FLOW_LEGEND_CURRENT:
      b.progress = CAIRN_FLOW_PROGRESS_CURRENT;
      break;
    case CAIRN_FLOW_LEGEND_DUE:
      b.deadline = CAIRN_FLOW_DEADLINE_DUE;
      break;
    case CAIRN_FLOW_LEGEND_LATE:
      b.deadline = CAIRN_FLOW_DEADLINE_LATE;
      break;
    case CAIRN_FLOW_LEGEND_BACK_EDGE:
      {
        static const double dash[] = { 5, 3 };
        CairnFlowPoint a = { r->x + 2, r->y + r->height / 2 }, z = { r->x + r->width - 1, r->y + r->height / 2 };
        set_color (cr, &p->back_edge);
        cairo_set_line_width (cr, p->line_width);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_move_to (cr, a.x, a.y);
        cairo_line_to (cr, z.x - ARROW_LEN + 1, z.y);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        arrowhead (cr, &a, &z);
        return;
      }
    case CAIRN_FLOW_LEGEND_STEP:
    default:
      break;
    }
  draw_shape (cr, p, &b);
}

/**
 * cairn_flow_painter_draw:
 * @options: (nullable): palette, focus, selection; %NULL for the light
 *   palette with nothing selected
 *
 * Draws @layout on @cr in layout coordinates (the caller scales and
 * translates). The one drawing routine of the chart: the widget, the PDF,
 * the SVG and the PNG all come from here.
 */
void
cairn_flow_painter_draw (CairnFlowPainter           *self,
                         cairo_t                    *cr,
                         const CairnFlowLayout      *layout,
                         const CairnFlowDrawOptions *options)
{
  static const CairnFlowDrawOptions defaults = CAIRN_FLOW_DRAW_OPTIONS_INIT;
  const CairnFlowPalette *p;
  const CairnFlowRect *clip;

  g_return_if_fail (CAIRN_IS_FLOW_PAINTER (self));
  if (options == NULL)
    options = &defaults;
  p = options->palette ? options->palette : &palettes[CAIRN_FLOW_PALETTE_LIGHT];
  clip = options->clip;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  set_color (cr, &p->background);
  if (clip)
    cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
  else
    cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  /* Edges first, so arrowheads sit on the outlines. */
  for (guint i = 0; i < layout->n_routes; i++)
    {
      const CairnFlowRoute *route = &layout->routes[i];
      CairnFlowRect bounds;

      if (route->n_points < 2)
        continue;
      route_bounds (route, &bounds);
      if (!visible (clip, &bounds, ARROW_LEN))
        continue;
      set_color (cr, route->back ? &p->back_edge : &p->edge);
      cairo_set_line_width (cr, p->line_width);
      if (route->back)
        {
          static const double dash[] = { 6, 4 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      route_path (cr, route->points, route->n_points);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      arrowhead (cr, &route->points[route->n_points - 2], &route->points[route->n_points - 1]);
    }

  for (guint i = 0; i < layout->n_nodes; i++)
    if (visible (clip, &layout->nodes[i].box, 8))
      draw_shape (cr, p, &layout->nodes[i]);

  /* Hover, selection and focus rings around the shapes. */
  if (options->hover >= 0 && options->hover < (int) layout->n_nodes && options->hover != options->selected)
    {
      const CairnFlowNodeBox *b = &layout->nodes[options->hover];
      shape_path (cr, b->kind, &b->box, 2.5);
      cairo_set_source_rgba (cr, p->focus.red, p->focus.green, p->focus.blue, 0.55);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  if (options->selected >= 0 && options->selected < (int) layout->n_nodes)
    {
      const CairnFlowNodeBox *b = &layout->nodes[options->selected];
      shape_path (cr, b->kind, &b->box, 3);
      set_color (cr, &p->selected);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  if (options->focus >= 0 && options->focus < (int) layout->n_nodes)
    {
      static const double dash[] = { 4, 3 };
      const CairnFlowNodeBox *b = &layout->nodes[options->focus];
      shape_path (cr, b->kind, &b->box, 9);
      set_color (cr, &p->focus);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  for (guint i = 0; i < layout->n_legend; i++)
    draw_legend_swatch (cr, p, &layout->legend[i]);

  for (guint i = 0; i < layout->n_texts; i++)
    {
      const CairnFlowText *t = &layout->texts[i];
      const CairnFlowColor *color = &p->text;

      if (!visible (clip, &t->rect, 2))
        continue;
      switch (t->style)
        {
        case CAIRN_FLOW_TEXT_SUBTITLE:
        case CAIRN_FLOW_TEXT_LEGEND:
          color = &p->muted;
          break;
        case CAIRN_FLOW_TEXT_CONDITION:
          color = &p->condition;
          break;
        case CAIRN_FLOW_TEXT_TIMESCALE:
          color = &p->timescale;
          break;
        case CAIRN_FLOW_TEXT_STATUS:
          {
            const CairnFlowNodeBox *b = &layout->nodes[t->node];
            if (b->deadline == CAIRN_FLOW_DEADLINE_LATE)
              color = &p->late_text;
            else if (b->deadline == CAIRN_FLOW_DEADLINE_DUE)
              color = &p->due_text;
            else if (b->progress == CAIRN_FLOW_PROGRESS_CURRENT)
              color = &p->current_text;
            else if (b->progress == CAIRN_FLOW_PROGRESS_PASSED)
              color = &p->passed_text;
          }
          break;
        case CAIRN_FLOW_TEXT_TITLE:
        case CAIRN_FLOW_TEXT_NODE:
        default:
          break;
        }
      draw_text (self, cr, t, color);
    }
  cairo_restore (cr);
}

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* PNG, written here rather than with cairo_surface_write_to_png(): the
 * image is drawn in strips into one small surface, and each row is
 * filtered ("up": the difference from the row above) and compressed as it
 * comes, with deflate's fixed Huffman codes and run-length matches
 * (distance 1 or one pixel back). A chart is mostly runs: rows equal to the
 * row above become runs of zeros, flat colour runs of one pixel. That is
 * many times faster than zlib and the files are at most a few times bigger;
 * zlib only supplies the CRC. */

#define PNG_STRIP 64
#define ADLER_BASE 65521u

typedef struct
{
  guint8 *data;
  gsize len;
  gsize size;
  guint64 bits;
  int n_bits;
  guint32 a;          /* Adler-32 of the uncompressed stream */
  guint32 b;
  guint pending;      /* bytes added to a and b since the last reduction */
  guint8 hist[3];     /* the last three bytes of the stream */
  guint64 total;      /* bytes in the stream so far */
} Deflate;

static guint16 lit_code[288];
static guint8 lit_len[288];
static guint16 len_sym[259];
static guint8 len_extra_n[259];
static guint16 len_extra[259];

static guint16
reverse_bits (guint16 code,
              int     len)
{
  guint16 r = 0;

  for (int i = 0; i < len; i++)
    r |= ((code >> i) & 1) << (len - 1 - i);
  return r;
}

static void
deflate_tables_init (void)
{
  static const guint16 base[] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                  35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
  static const guint8 extra[] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };

  for (int s = 0; s < 288; s++)
    {
      guint16 code;
      int len;
      if (s < 144)
        code = 0x30 + s, len = 8;
      else if (s < 256)
        code = 0x190 + (s - 144), len = 9;
      else if (s < 280)
        code = s - 256, len = 7;
      else
        code = 0xc0 + (s - 280), len = 8;
      lit_code[s] = reverse_bits (code, len);
      lit_len[s] = (guint8) len;
    }
  for (int l = 3; l <= 258; l++)
    {
      int k = 28;
      while (base[k] > l)
        k--;
      len_sym[l] = (guint16) (257 + k);
      len_extra_n[l] = extra[k];
      len_extra[l] = (guint16) (l - base[k]);
    }
}

static void
put_bits (Deflate *d,
          guint32  value,
          int      len)
{
  d->bits |= (guint64) value << d->n_bits;
  d->n_bits += len;
  if (d->n_bits >= 32)
    {
      if (d->len + 4 > d->size)
        {
          d->size = d->size * 2 + 4096;
          d->data = g_realloc (d->data, d->size);
        }
      d->data[d->len++] = (guint8) d->bits;
      d->data[d->len++] = (guint8) (d->bits >> 8);
      d->data[d->len++] = (guint8) (d->bits >> 16);
      d->data[d->len++] = (guint8) (d->bits >> 24);
      d->bits >>= 32;
      d->n_bits -= 32;
    }
}

static void
adler_reduce (Deflate *d)
{
  d->a %= ADLER_BASE;
  d->b %= ADLER_BASE;
  d->pending = 0;
}

static void
put_literal (Deflate *d,
             guint8   v)
{
  put_bits (d, lit_code[v], lit_len[v]);
  d->a += v;
  d->b += d->a;
  if (++d->pending == 5000)
    adler_reduce (d);
}

/* A match of @len bytes at distance @dist (1 or 3), whose bytes repeat
 * @pattern (the last @dist bytes before it, oldest first). */
static void
put_match (Deflate      *d,
           int           len,
           int           dist,
           const guint8 *pattern)
{
  int l = len_sym[len];

  put_bits (d, lit_code[l], lit_len[l]);
  if (len_extra_n[len])
    put_bits (d, len_extra[len], len_extra_n[len]);
  put_bits (d, dist == 1 ? 0 : 8, 5);  /* distance codes 0 and 2, bit-reversed */
  if (dist == 1)
    {
      /* a += len v; b += len a + v len (len + 1) / 2 */
      guint64 v = pattern[0], n = (guint64) len;
      adler_reduce (d);
      d->b = (guint32) ((d->b + n * d->a + v * (n * (n + 1) / 2)) % ADLER_BASE);
      d->a = (guint32) ((d->a + n * v) % ADLER_BASE);
    }
  else
    for (int i = 0; i < len; i++)
      {
        d->a += pattern[i % 3];
        d->b += d->a;
        if (++d->pending == 5000)
          adler_reduce (d);
      }
}

static gsize
run_length (const guint8 *p,
            gsize         len,
            gsize         dist)
{
  gsize n = 0;

  while (n < len && p[n] == p[(gssize) n - (gssize) dist])
    n++;
  return n;
}

/* Appends @len bytes of the stream: runs become matches. */
static void
deflate_bytes (Deflate      *d,
               const guint8 *src,
               gsize         len)
{
  guint8 head[3 + 8];
  gsize i = 0;

  /* The first bytes may match back into the previous call's: encode them
   * from a copy that starts with the history. */
  memcpy (head, d->hist, 3);
  memcpy (head + 3, src, MIN (len, 8));
  while (i < len)
    {
      const guint8 *p;
      gsize avail = len - i, run1 = 0, run3 = 0, run;
      int dist;

      if (i < 3)
        {
          p = head + 3 + i;
          avail = MIN (avail, 8 - i);
        }
      else
        p = src + i;
      if (d->total + i >= 1)
        run1 = run_length (p, avail, 1);
      if (d->total + i >= 3 && run1 < 258)
        run3 = run_length (p, avail, 3);
      if (i < 3 && MAX (run1, run3) == avail && avail < len - i)
        {
          /* The run goes on past the copy: measure it in place. */
          gsize more_from = i + avail;
          if (run1 >= run3)
            run1 += run_length (src + more_from, len - more_from, 1);
          else
            run3 += run_length (src + more_from, len - more_from, 3);
        }
      run = MAX (run1, run3);
      dist = run1 >= run3 ? 1 : 3;
      if (run < 4)
        {
          put_literal (d, src[i]);
          i++;
          continue;
        }
      while (run >= 3)
        {
          int n = (int) MIN (run, 258);
          const guint8 *q = i < 3 ? head + 3 + i : src + i;
          guint8 pattern[3] = { q[-dist], dist == 3 ? q[-2] : 0, dist == 3 ? q[-1] : 0 };
          if (run - (gsize) n > 0 && run - (gsize) n < 3)
            n -= 3;  /* leave at least 3 for the last match */
          put_match (d, n, dist, pattern);
          i += (gsize) n;
          run -= (gsize) n;
          if (i >= 3 || i >= len)
            break;
        }
      /* A run that crossed out of the head copy continues here. */
      while (run >= 3)
        {
          int n = (int) MIN (run, 258);
          const guint8 *q = src + i;
          guint8 pattern[3] = { q[-dist], dist == 3 ? q[-2] : 0, dist == 3 ? q[-1] : 0 };
          if (run - (gsize) n > 0 && run - (gsize) n < 3)
            n -= 3;
          put_match (d, n, dist, pattern);
          i += (gsize) n;
          run -= (gsize) n;
        }
    }
  /* Keep the last three bytes. */
  if (len >= 3)
    memcpy (d->hist, src + len - 3, 3);
  else
    {
      memmove (d->hist, d->hist + len, 3 - len);
      memcpy (d->hist + 3 - len, src, len);
    }
  d->total += len;
}

/* Appends @n zero bytes: a literal (unless the stream already ends with
 * zero) and matches one byte back. */
static void
deflate_zeros (Deflate *d,
               gsize    n)
{
  static const guint8 zero[3] = { 0, 0, 0 };

  if (n < 8)
    {
      static const guint8 zeros[8] = { 0 };
      deflate_bytes (d, zeros, n);
      return;
    }
  if (d->total == 0 || d->hist[2] != 0)
    {
      put_literal (d, 0);
      d->total++;
      n--;
    }
  adler_reduce (d);
  d->b = (guint32) ((d->b + (guint64) n * d->a) % ADLER_BASE);
  d->total += n;
  while (n > 0)
    {
      int len = (int) MIN (n, 258);
      if (n - (gsize) len > 0 && n - (gsize) len < 3)
        len -= 3;
      if (len < 3)
        {
          /* Too short for a match (only when n was under 3): literals, adler already counted. */
          for (int k = 0; k < len; k++)
            put_bits (d, lit_code[0], lit_len[0]);
          break;
        }
      /* put_match without its checksum work: zeros leave a unchanged. */
      put_bits (d, lit_code[len_sym[len]], lit_len[len_sym[len]]);
      if (len_extra_n[len])
        put_bits (d, len_extra[len], len_extra_n[len]);
      put_bits (d, 0, 5);
      n -= (gsize) len;
    }
  memcpy (d->hist, zero, 3);
}

static void
png_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           guint32       len)
{
  guint8 be[4] = { len >> 24, len >> 16, len >> 8, len };
  uLong crc = crc32 (0, (const Bytef *) type, 4);

  /* crc32 () with no data returns the initial value, not @crc. */
  if (len > 0)
    crc = crc32 (crc, data, len);
  g_byte_array_append (out, be, 4);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (len > 0)
    g_byte_array_append (out, data, len);
  be[0] = (guint8) (crc >> 24);
  be[1] = (guint8) (crc >> 16);
  be[2] = (guint8) (crc >> 8);
  be[3] = (guint8) crc;
  g_byte_array_append (out, be, 4);
}

/* The first index from @x where @a and @b differ (or @n): sixteen pixels
 * at a time through memcmp (vectorised), then two at a time. */
static int
same_run_end (const guint32 *a,
              const guint32 *b,
              int            x,
              int            n)
{
  while (x + 16 <= n && memcmp (a + x, b + x, 64) == 0)
    x += 16;
  while (x + 2 <= n)
    {
      guint64 p, q;
      memcpy (&p, a + x, 8);
      memcpy (&q, b + x, 8);
      if (p != q)
        return a[x] != b[x] ? x : x + 1;
      x += 2;
    }
  return x < n && a[x] == b[x] ? n : x;
}

/* The chunks before the image data: signature, IHDR, pHYs, IDAT's header. */
#define PNG_PREFIX (8 + 12 + 13 + 12 + 9 + 8)

static GBytes *
write_png (CairnFlowPainter      *self,
           const CairnFlowLayout *layout,
           double                 scale,
           int                    width,
           int                    height,
           cairo_status_t        *status)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static gsize tables = 0;
  guint8 ihdr[13] = { width >> 24, width >> 16, width >> 8, width, height >> 24, height >> 16, height >> 8, height,
                      8, 2, 0, 0, 0 };
  /* pHYs: 96 dpi is 3780 pixels a metre, times the scale. */
  guint32 ppm = (guint32) (3779.5275 * scale + 0.5);
  guint8 phys[9] = { ppm >> 24, ppm >> 16, ppm >> 8, ppm, ppm >> 24, ppm >> 16, ppm >> 8, ppm, 1 };
  gsize row_len = (gsize) width * 3;
  g_autofree guint8 *row = g_malloc0 (row_len);
  g_autofree guint32 *prev = g_malloc0 ((gsize) width * 4);  /* the row above as drawn */
  g_autoptr (GByteArray) head = g_byte_array_new ();
  Deflate d = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, PNG_STRIP);
  CairnFlowDrawOptions options = CAIRN_FLOW_DRAW_OPTIONS_INIT;
  CairnFlowRect clip;
  static const guint8 zlib_header[2] = { 0x78, 0x01 };
  static const guint8 up = 2;
  guint32 adler, idat_len;
  uLong crc;

  *status = cairo_surface_status (surface);
  if (*status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  if (g_once_init_enter (&tables))
    {
      deflate_tables_init ();
      g_once_init_leave (&tables, 1);
    }
  d.a = 1;
  d.size = 1 << 20;
  d.data = g_malloc (d.size);
  memcpy (d.data + PNG_PREFIX, zlib_header, 2);
  d.len = PNG_PREFIX + 2;
  put_bits (&d, 1, 1);  /* the final block */
  put_bits (&d, 1, 2);  /* fixed Huffman codes */

  options.clip = &clip;
  for (int y0 = 0; y0 < height && *status == CAIRO_STATUS_SUCCESS; y0 += PNG_STRIP)
    {
      cairo_t *cr = cairo_create (surface);
      const guint8 *data;
      int stride, rows = MIN (PNG_STRIP, height - y0);

      clip = (CairnFlowRect) { 0, y0 / scale, width / scale, PNG_STRIP / scale };
      cairo_translate (cr, 0, -y0);
      cairo_scale (cr, scale, scale);
      cairn_flow_painter_draw (self, cr, layout, &options);
      *status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < rows; y++)
        {
          const guint32 *px = (const guint32 *) (data + (gsize) y * stride);
          int x = 0;

          deflate_bytes (&d, &up, 1);
          if (memcmp (px, prev, (gsize) width * 4) == 0)
            {
              /* The same as the row above: all zeros after filtering. */
              deflate_zeros (&d, row_len);
              continue;
            }
          /* Pixels equal to the pixel above filter to zeros: most of a chart.
           * (Pixels are compared whole; one that differs only in the unused
           * byte just costs three literal zeros.) */
          while (x < width)
            {
              int end = same_run_end (px, prev, x, width);
              if (end > x)
                deflate_zeros (&d, 3 * (gsize) (end - x));
              else
                {
                  while (end < width && px[end] != prev[end])
                    {
                      guint32 p = px[end], q = prev[end];
                      guint8 *o = row + 3 * (end - x);
                      o[0] = (guint8) ((p >> 16) - (q >> 16));
                      o[1] = (guint8) ((p >> 8) - (q >> 8));
                      o[2] = (guint8) (p - q);
                      end++;
                    }
                  deflate_bytes (&d, row, 3 * (gsize) (end - x));
                }
              x = end;
            }
          memcpy (prev, px, (gsize) width * 4);
        }
    }
  cairo_surface_destroy (surface);
  if (*status != CAIRO_STATUS_SUCCESS)
    {
      g_free (d.data);
      return NULL;
    }

  put_bits (&d, lit_code[256], lit_len[256]);
  /* The accumulator holds fewer than 32 bits: write them out, padded to a
   * byte; then the checksum, the IDAT CRC and IEND. */
  if (d.len + 4 + 4 + 4 + 12 > d.size)
    d.data = g_realloc (d.data, d.size = d.len + 24);
  while (d.n_bits > 0)
    {
      d.data[d.len++] = (guint8) d.bits;
      d.bits >>= 8;
      d.n_bits -= 8;
    }
  adler_reduce (&d);
  adler = (d.b << 16) | d.a;
  d.data[d.len++] = (guint8) (adler >> 24);
  d.data[d.len++] = (guint8) (adler >> 16);
  d.data[d.len++] = (guint8) (adler >> 8);
  d.data[d.len++] = (guint8) adler;

  idat_len = (guint32) (d.len - PNG_PREFIX);
  g_byte_array_append (head, signature, sizeof signature);
  png_chunk (head, "IHDR", ihdr, sizeof ihdr);
  png_chunk (head, "pHYs", phys, sizeof phys);
  g_assert (head->len + 8 == PNG_PREFIX);
  memcpy (d.data, head->data, head->len);
  d.data[head->len] = (guint8) (idat_len >> 24);
  d.data[head->len + 1] = (guint8) (idat_len >> 16);
  d.data[head->len + 2] = (guint8) (idat_len >> 8);
  d.data[head->len + 3] = (guint8) idat_len;
  memcpy (d.data + head->len + 4, "IDAT", 4);
  crc = crc32 (0, d.data + head->len + 4, 4 + idat_len);
  d.data[d.len++] = (guint8) (crc >> 24);
  d.data[d.len++] = (guint8) (crc >> 16);
  d.data[d.len++] = (guint8) (crc >> 8);
  d.data[d.len++] = (guint8) crc;
  {
    static const guint8 iend[12] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };
    memcpy (d.data + d.len, iend, sizeof iend);
    d.len += sizeof iend;
  }
  return g_bytes_new_take (d.data, d.len);
}

/**
 * cairn_flow_painter_export:
 * @scale: for PNG, pixels per layout unit (1 = 96 dpi); ignored for PDF and
 *   SVG, which are drawn at their physical size (96 layout units to the inch)
 *
 * Draws @layout in the light palette as one PDF page, an SVG document whose
 * labels are SVG text, or a PNG image.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
cairn_flow_painter_export (CairnFlowPainter       *self,
                           const CairnFlowLayout  *layout,
                           CairnFlowFormat         format,
                           double                  scale,
                           GError                **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  double s = format == CAIRN_FLOW_FORMAT_PNG ? (scale > 0 ? scale : 1) : PX_TO_PT;

  g_return_val_if_fail (CAIRN_IS_FLOW_PAINTER (self), NULL);

  switch (format)
    {
    case CAIRN_FLOW_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_bytes, bytes, layout->width * s, layout->height * s);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      layout->texts[layout->title].text);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cairn");
      break;
    case CAIRN_FLOW_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_bytes, bytes, layout->width * s, layout->height * s);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      self->svg = g_string_new ("<g id=\"cairn-text\">\n");
      break;
    case CAIRN_FLOW_FORMAT_PNG:
    default:
      {
        int w = (int) ceil (layout->width * s), h = (int) ceil (layout->height * s);
        if ((double) w * h > 400e6)
          {
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                         _("Scale: %g makes an image of %d × %d pixels; choose a smaller scale"), s, w, h);
            return NULL;
          }
        {
          GBytes *png = write_png (self, layout, s, w, h, &status);
          if (png == NULL)
            {
              g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("Chart: drawing failed: %s"),
                           cairo_status_to_string (status));
              return NULL;
            }
          return png;
        }
      }
    }

  cr = cairo_create (surface);
  cairo_scale (cr, s, s);
  cairn_flow_painter_draw (self, cr, layout, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (format == CAIRN_FLOW_FORMAT_SVG)
    {
      g_autoptr (GString) svg = g_string_new_len ((const char *) bytes->data, bytes->len);
      g_autoptr (GString) text = self->svg;
      const char *end;

      self->svg = NULL;
      g_string_append (text, "</g>\n");
      end = g_strrstr (svg->str, "</svg>");
      if (status == CAIRO_STATUS_SUCCESS && end == NULL)
        status = CAIRO_STATUS_WRITE_ERROR;
      if (status == CAIRO_STATUS_SUCCESS)
        {
          g_string_insert (svg, end - svg->str, text->str);
          g_byte_array_set_size (bytes, 0);
          g_byte_array_append (bytes, (const guint8 *) svg->str, (guint) svg->len);
        }
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("Chart: drawing failed: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * cairn_flow_painter_export_to_file:
 *
 * cairn_flow_painter_export() into @path (replaced atomically).
 */
gboolean
cairn_flow_painter_export_to_file (CairnFlowPainter       *self,
                                   const CairnFlowLayout  *layout,
                                   CairnFlowFormat         format,
                                   double                  scale,
                                   const char             *path,
                                   GError                **error)
{
  g_autoptr (GBytes) bytes = cairn_flow_painter_export (self, layout, format, scale, error);
  g_autoptr (GError) local = NULL;
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents (path, data, (gssize) size, &local))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("%s: cannot write: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
