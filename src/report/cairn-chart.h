/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Charts drawn with Cairo from data: bar (grouped), stacked bar and line,
 * with a title, axis labels, category labels and a legend. The same
 * cairn_chart_draw() draws into a PDF page, a PNG or a widget's snapshot.
 *
 *   g_autoptr (CairnChart) chart = cairn_chart_new (CAIRN_CHART_BAR, "Referrals");
 *   const char *years[] = { "2009-10", "2010-11", "2011-12", NULL };
 *   const double values[] = { 812, 904, 951 };
 *   cairn_chart_set_categories (chart, years);
 *   cairn_chart_set_axis_labels (chart, "Year", "Referrals");
 *   cairn_chart_add_series (chart, "Referrals", values, 3);
 *   cairn_chart_draw (chart, cr, x, y, width, height);
 */

typedef enum
{
  CAIRN_CHART_BAR,
  CAIRN_CHART_STACKED_BAR,
  CAIRN_CHART_LINE,
} CairnChartKind;

typedef struct _CairnChart CairnChart;

CairnChart     *cairn_chart_new              (CairnChartKind       kind,
                                              const char          *title);
CairnChart     *cairn_chart_ref              (CairnChart          *chart);
void            cairn_chart_unref            (CairnChart          *chart);
CairnChartKind  cairn_chart_get_kind         (CairnChart          *chart);
const char     *cairn_chart_get_title        (CairnChart          *chart);
void            cairn_chart_set_axis_labels  (CairnChart          *chart,
                                              const char          *x_label,
                                              const char          *y_label);
void            cairn_chart_set_categories   (CairnChart          *chart,
                                              const char * const  *categories);
void            cairn_chart_add_series       (CairnChart          *chart,
                                              const char          *name,
                                              const double        *values,
                                              guint                n_values);
guint           cairn_chart_get_n_series     (CairnChart          *chart);
void            cairn_chart_draw             (CairnChart          *chart,
                                              cairo_t             *cr,
                                              double               x,
                                              double               y,
                                              double               width,
                                              double               height);

typedef void (*CairnChartTextFunc) (const char *text,
                                    gpointer    user_data);
void            cairn_chart_foreach_text     (CairnChart          *chart,
                                              CairnChartTextFunc   func,
                                              gpointer             user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnChart, cairn_chart_unref)

G_END_DECLS
