/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cairn-chart.h"
#include "cairn-utils.h"

#define FONT_FAMILY "DejaVu Sans"
#define PAD 4.0

typedef struct
{
  char *name;
  double *values;
  guint n_values;
} Series;

struct _CairnChart
{
  gint ref_count;
  CairnChartKind kind;
  char *title;
  char *x_label;
  char *y_label;
  GPtrArray *categories; /* char * */
  GPtrArray *series;     /* Series */
};

/* Okabe–Ito: distinguishable with the common colour-vision deficiencies and in grey. */
static const double palette[][3] = {
  { 0.000, 0.447, 0.698 }, { 0.902, 0.624, 0.000 }, { 0.000, 0.620, 0.451 },
  { 0.800, 0.475, 0.655 }, { 0.337, 0.706, 0.914 }, { 0.835, 0.369, 0.000 },
  { 0.941, 0.894, 0.259 }, { 0.000, 0.000, 0.000 },
};

static void
series_free (Series *s)
{
  g_free (s->name);
  g_free (s->values);
  g_free (s);
}

CairnChart *
cairn_chart_new (CairnChartKind  kind,
                 const char     *title)
{
  CairnChart *chart = g_new0 (CairnChart, 1);

  chart->ref_count = 1;
  chart->kind = kind;
  chart->title = g_strdup (title);
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  return chart;
}

CairnChart *
cairn_chart_ref (CairnChart *chart)
{
  g_atomic_int_inc (&chart->ref_count);
  return chart;
}

void
cairn_chart_unref (CairnChart *chart)
{
  if (chart == NULL || !g_atomic_int_dec_and_test (&chart->ref_count))
    return;
  g_free (chart->title);
  g_free (chart->x_label);
  g_free (chart->y_label);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_free (chart);
}

CairnChartKind
cairn_chart_get_kind (CairnChart *chart)
{
  return chart->kind;
}

const char *
cairn_chart_get_title (CairnChart *chart)
{
  return chart->title;
}

void
cairn_chart_set_axis_labels (CairnChart *chart,
                             const char *x_label,
                             const char *y_label)
{
  cairn_set_str (&chart->x_label, x_label);
  cairn_set_str (&chart->y_label, y_label);
}

/* The labels along the x axis, one per value of each series. */
void
cairn_chart_set_categories (CairnChart         *chart,
                            const char * const *categories)
{
  g_ptr_array_set_size (chart->categories, 0);
  for (guint i = 0; categories && categories[i]; i++)
    g_ptr_array_add (chart->categories, g_strdup (categories[i]));
}

/* A series of values, one per category; missing values count as 0 (NAN leaves a gap in a line). */
void
cairn_chart_add_series (CairnChart   *chart,
                        const char   *name,
                        const double *values,
                        guint         n_values)
{
  Series *s = g_new0 (Series, 1);

  s->name = g_strdup (name ? name : "");
  s->values = g_memdup2 (values, sizeof (double) * n_values);
  s->n_values = n_values;
  g_ptr_array_add (chart->series, s);
}

guint
cairn_chart_get_n_series (CairnChart *chart)
{
  return chart->series->len;
}

void
cairn_chart_foreach_text (CairnChart         *chart,
                          CairnChartTextFunc  func,
                          gpointer            user_data)
{
  if (chart->title)
    func (chart->title, user_data);
  if (chart->x_label)
    func (chart->x_label, user_data);
  if (chart->y_label)
    func (chart->y_label, user_data);
  for (guint i = 0; i < chart->categories->len; i++)
    func (g_ptr_array_index (chart->categories, i), user_data);
  for (guint i = 0; i < chart->series->len; i++)
    func (((Series *) g_ptr_array_index (chart->series, i))->name, user_data);
}

static double
value_at (Series *s,
          guint   i)
{
  if (i >= s->n_values || isnan (s->values[i]))
    return 0;
  return s->values[i];
}

static guint
n_points (CairnChart *chart)
{
  guint n = chart->categories->len;

  for (guint i = 0; i < chart->series->len; i++)
    n = MAX (n, ((Series *) g_ptr_array_index (chart->series, i))->n_values);
  return n;
}

/* A step of 1, 2 or 5 × 10^k giving about five intervals up to @max. */
static double
nice_step (double max)
{
  double raw = max / 5.0;
  double mag = pow (10, floor (log10 (raw)));
  double f = raw / mag;

  if (f <= 1)
    return mag;
  if (f <= 2)
    return 2 * mag;
  if (f <= 5)
    return 5 * mag;
  return 10 * mag;
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_family (desc, FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *w,
             double      *h)
{
  int pw, ph;

  pango_layout_get_size (layout, &pw, &ph);
  if (w)
    *w = (double) pw / PANGO_SCALE;
  if (h)
    *h = (double) ph / PANGO_SCALE;
}

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static char *
format_tick (double value,
             double step)
{
  if (step >= 1 || fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  if (step >= 0.1)
    return g_strdup_printf ("%.1f", value);
  return g_strdup_printf ("%.2f", value);
}

/* Draws the legend in rows from (@x, @y) within @width; returns its height. */
static double
draw_legend (CairnChart *chart,
             cairo_t    *cr,
             double      x,
             double      y,
             double      width,
             gboolean    draw)
{
  double cx = x, cy = y, row_h = 0;
  const double swatch = 7;

  for (guint i = 0; i < chart->series->len; i++)
    {
      Series *s = g_ptr_array_index (chart->series, i);
      g_autoptr (PangoLayout) layout = make_layout (cr, s->name, 7.5, FALSE, width - swatch - 4);
      double w, h, item_w;

      layout_size (layout, &w, &h);
      item_w = swatch + 3 + w + 10;
      if (cx > x && cx + item_w > x + width)
        {
          cx = x;
          cy += row_h + 2;
          row_h = 0;
        }
      if (draw)
        {
          const double *c = palette[i % G_N_ELEMENTS (palette)];
          cairo_set_source_rgb (cr, c[0], c[1], c[2]);
          if (chart->kind == CAIRN_CHART_LINE)
            {
              cairo_set_line_width (cr, 1.5);
              cairo_move_to (cr, cx, cy + h / 2);
              cairo_line_to (cr, cx + swatch, cy + h / 2);
              cairo_stroke (cr);
            }
          else
            {
              cairo_rectangle (cr, cx, cy + (h - swatch) / 2, swatch, swatch);
              cairo_fill (cr);
            }
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          show_at (cr, layout, cx + swatch + 3, cy);
        }
      row_h = MAX (row_h, h);
      cx += item_w;
    }
  return cy + row_h - y;
}

/**
 * cairn_chart_draw:
 *
 * Draws the chart in the rectangle (@x, @y, @width, @height) of @cr, in
 * points (or pixels): title, legend, axes with ticks, category labels,
 * axis labels and the data.
 */
void
cairn_chart_draw (CairnChart *chart,
                  cairo_t    *cr,
                  double      x,
                  double      y,
                  double      width,
                  double      height)
{
  guint n = n_points (chart);
  double max = 0, min = 0, step, top, title_h = 0, legend_h, x_label_h = 0, y_label_w = 0;
  double tick_w = 0, cat_h = 0, plot_x, plot_y, plot_w, plot_h, slot;
  int n_ticks;

  cairo_save (cr);

  /* Title and legend. */
  if (!cairn_str_empty (chart->title))
    {
      g_autoptr (PangoLayout) t = make_layout (cr, chart->title, 9, TRUE, width);
      pango_layout_set_alignment (t, PANGO_ALIGN_CENTER);
      layout_size (t, NULL, &title_h);
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_at (cr, t, x, y);
      title_h += PAD;
    }
  legend_h = draw_legend (chart, cr, x, y + title_h, width, TRUE) + PAD;

  /* The scale. */
  for (guint i = 0; i < n; i++)
    {
      double stack_pos = 0, stack_neg = 0;
      for (guint s = 0; s < chart->series->len; s++)
        {
          double v = value_at (g_ptr_array_index (chart->series, s), i);
          if (chart->kind == CAIRN_CHART_STACKED_BAR)
            {
              if (v >= 0)
                stack_pos += v;
              else
                stack_neg += v;
            }
          else
            {
              max = MAX (max, v);
              min = MIN (min, v);
            }
        }
      max = MAX (max, stack_pos);
      min = MIN (min, stack_neg);
    }
  if (max - min <= 0)
    max = min + 1;
  step = nice_step (max - min);
  top = ceil (max / step) * step;
  min = floor (min / step) * step;
  n_ticks = (int) round ((top - min) / step);

  for (int t = 0; t <= n_ticks; t++)
    {
      g_autofree char *label = format_tick (min + t * step, step);
      g_autoptr (PangoLayout) l = make_layout (cr, label, 7, FALSE, 0);
      double w;
      layout_size (l, &w, NULL);
      tick_w = MAX (tick_w, w);
    }
  if (!cairn_str_empty (chart->y_label))
    {
      g_autoptr (PangoLayout) l = make_layout (cr, chart->y_label, 7.5, FALSE, 0);
      layout_size (l, NULL, &y_label_w);
      y_label_w += PAD;
    }
  if (!cairn_str_empty (chart->x_label))
    {
      g_autoptr (PangoLayout) l = make_layout (cr, chart->x_label, 7.5, FALSE, width);
      layout_size (l, NULL, &x_label_h);
      x_label_h += PAD;
    }

  plot_x = x + y_label_w + tick_w + PAD;
  plot_w = MAX (10, x + width - plot_x - PAD);
  slot = n > 0 ? plot_w / n : plot_w;
  for (guint i = 0; i < chart->categories->len; i++)
    {
      g_autoptr (PangoLayout) l = make_layout (cr, g_ptr_array_index (chart->categories, i), 7, FALSE,
                                               slot - 2);
      double h;
      layout_size (l, NULL, &h);
      cat_h = MAX (cat_h, h);
    }
  /* Leave room for half the top tick label above the plot. */
  plot_y = y + title_h + legend_h + 5;
  plot_h = MAX (10, y + height - plot_y - cat_h - PAD - x_label_h);

  /* Grid, ticks and axes. */
  cairo_set_line_width (cr, 0.4);
  for (int t = 0; t <= n_ticks; t++)
    {
      double v = min + t * step;
      double ty = plot_y + plot_h - (v - min) / (top - min) * plot_h;
      g_autofree char *label = format_tick (v, step);
      g_autoptr (PangoLayout) l = make_layout (cr, label, 7, FALSE, 0);
      double w, h;

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_move_to (cr, plot_x, ty);
      cairo_line_to (cr, plot_x + plot_w, ty);
      cairo_stroke (cr);
      layout_size (l, &w, &h);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      show_at (cr, l, plot_x - PAD - w, ty - h / 2);
    }
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, plot_x, plot_y);
  cairo_line_to (cr, plot_x, plot_y + plot_h);
  cairo_line_to (cr, plot_x + plot_w, plot_y + plot_h);
  cairo_stroke (cr);

  for (guint i = 0; i < chart->categories->len && i < n; i++)
    {
      g_autoptr (PangoLayout) l = make_layout (cr, g_ptr_array_index (chart->categories, i), 7, FALSE,
                                               slot - 2);
      pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
      show_at (cr, l, plot_x + i * slot + 1, plot_y + plot_h + PAD / 2);
    }
  if (!cairn_str_empty (chart->x_label))
    {
      g_autoptr (PangoLayout) l = make_layout (cr, chart->x_label, 7.5, FALSE, plot_w);
      pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
      show_at (cr, l, plot_x, plot_y + plot_h + cat_h + PAD);
    }
  if (!cairn_str_empty (chart->y_label))
    {
      g_autoptr (PangoLayout) l = make_layout (cr, chart->y_label, 7.5, FALSE, 0);
      double w, h;
      layout_size (l, &w, &h);
      cairo_save (cr);
      cairo_translate (cr, x, plot_y + plot_h / 2 + w / 2);
      cairo_rotate (cr, -G_PI / 2);
      cairo_move_to (cr, 0, 0);
      pango_cairo_update_layout (cr, l);
      pango_cairo_show_layout (cr, l);
      cairo_restore (cr);
    }

  /* The data. */
#define Y_OF(v) (plot_y + plot_h - ((v) - min) / (top - min) * plot_h)
  if (chart->kind == CAIRN_CHART_LINE)
    {
      for (guint s = 0; s < chart->series->len; s++)
        {
          Series *series = g_ptr_array_index (chart->series, s);
          const double *c = palette[s % G_N_ELEMENTS (palette)];
          gboolean pen_down = FALSE;

          cairo_set_source_rgb (cr, c[0], c[1], c[2]);
          cairo_set_line_width (cr, 1.5);
          for (guint i = 0; i < series->n_values && i < n; i++)
            {
              double px = plot_x + (i + 0.5) * slot;
              if (isnan (series->values[i]))
                {
                  pen_down = FALSE;
                  continue;
                }
              if (pen_down)
                cairo_line_to (cr, px, Y_OF (series->values[i]));
              else
                cairo_move_to (cr, px, Y_OF (series->values[i]));
              pen_down = TRUE;
            }
          cairo_stroke (cr);
          for (guint i = 0; i < series->n_values && i < n; i++)
            if (!isnan (series->values[i]))
              {
                cairo_arc (cr, plot_x + (i + 0.5) * slot, Y_OF (series->values[i]), 2.0, 0, 2 * G_PI);
                cairo_fill (cr);
              }
        }
    }
  else
    {
      guint n_series = MAX (1, chart->series->len);
      double group_w = slot * 0.7;
      double bar_w = chart->kind == CAIRN_CHART_STACKED_BAR ? group_w : group_w / n_series;

      for (guint i = 0; i < n; i++)
        {
          double gx = plot_x + i * slot + (slot - group_w) / 2;
          double pos = 0, neg = 0;

          for (guint s = 0; s < chart->series->len; s++)
            {
              const double *c = palette[s % G_N_ELEMENTS (palette)];
              double v = value_at (g_ptr_array_index (chart->series, s), i);
              double from, to, bx;

              if (chart->kind == CAIRN_CHART_STACKED_BAR)
                {
                  bx = gx;
                  if (v >= 0)
                    {
                      from = pos;
                      pos += v;
                      to = pos;
                    }
                  else
                    {
                      from = neg;
                      neg += v;
                      to = neg;
                    }
                }
              else
                {
                  bx = gx + s * bar_w;
                  from = 0;
                  to = v;
                }
              cairo_set_source_rgb (cr, c[0], c[1], c[2]);
              cairo_rectangle (cr, bx, MIN (Y_OF (from), Y_OF (to)), bar_w * 0.92,
                               fabs (Y_OF (to) - Y_OF (from)));
              cairo_fill (cr);
            }
        }
    }
#undef Y_OF

  cairo_restore (cr);
}
