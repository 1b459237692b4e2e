/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "cairn-flowchart-layout.h"

G_BEGIN_DECLS

/* Drawing a laid-out flowchart: one routine on a cairo_t draws the widget,
 * the PDF, the SVG and the PNG. A #CairnFlowPainter measures text with
 * Pango for the layout and draws with the very same Pango layouts, so text
 * always fits its box. */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CairnFlowColor;

typedef enum
{
  CAIRN_FLOW_PALETTE_LIGHT,
  CAIRN_FLOW_PALETTE_DARK,
  CAIRN_FLOW_PALETTE_HIGH_CONTRAST,
  CAIRN_FLOW_PALETTE_HIGH_CONTRAST_DARK,
} CairnFlowPaletteKind;

typedef struct
{
  CairnFlowColor background;
  CairnFlowColor text;
  CairnFlowColor muted;
  CairnFlowColor step_fill;
  CairnFlowColor step_stroke;
  CairnFlowColor decision_fill;
  CairnFlowColor decision_stroke;
  CairnFlowColor terminal_fill;
  CairnFlowColor terminal_stroke;
  CairnFlowColor edge;
  CairnFlowColor back_edge;
  CairnFlowColor condition;
  CairnFlowColor timescale;
  CairnFlowColor passed_fill;
  CairnFlowColor passed_stroke;
  CairnFlowColor passed_text;
  CairnFlowColor current_fill;
  CairnFlowColor current_stroke;
  CairnFlowColor current_text;
  CairnFlowColor due_stroke;
  CairnFlowColor due_text;
  CairnFlowColor late_fill;
  CairnFlowColor late_stroke;
  CairnFlowColor late_text;
  CairnFlowColor focus;
  CairnFlowColor selected;
  double line_width;
} CairnFlowPalette;

const CairnFlowPalette *cairn_flow_palette_get (CairnFlowPaletteKind kind);

/**
 * CairnFlowDrawOptions:
 * @palette: (nullable): colours; %NULL for the light palette
 * @focus: the node with keyboard focus (drawn with a focus ring), or -1
 * @selected: the selected node, or -1
 * @hover: the node under the pointer, or -1
 * @clip: (nullable): the part of the layout that needs drawing, in layout
 *   coordinates; %NULL for all
 */
typedef struct
{
  const CairnFlowPalette *palette;
  int focus;
  int selected;
  int hover;
  const CairnFlowRect *clip;
} CairnFlowDrawOptions;

#define CAIRN_FLOW_DRAW_OPTIONS_INIT { NULL, -1, -1, -1, NULL }

typedef enum
{
  CAIRN_FLOW_FORMAT_PDF,
  CAIRN_FLOW_FORMAT_SVG,
  CAIRN_FLOW_FORMAT_PNG,
} CairnFlowFormat;

gboolean    cairn_flow_format_from_string (const char       *text,
                                           CairnFlowFormat  *out);

#define CAIRN_TYPE_FLOW_PAINTER (cairn_flow_painter_get_type ())

G_DECLARE_FINAL_TYPE (CairnFlowPainter, cairn_flow_painter, CAIRN, FLOW_PAINTER, GObject)

CairnFlowPainter *cairn_flow_painter_new        (void);
CairnFlowLayout  *cairn_flow_painter_layout     (CairnFlowPainter            *self,
                                                 CairnFlowchart              *chart,
                                                 CairnFlowCase               *kase);
void              cairn_flow_painter_draw       (CairnFlowPainter            *self,
                                                 cairo_t                     *cr,
                                                 const CairnFlowLayout       *layout,
                                                 const CairnFlowDrawOptions  *options);
gboolean          cairn_flow_painter_ink_fits   (CairnFlowPainter            *self,
                                                 const CairnFlowLayout       *layout,
                                                 guint                        text,
                                                 double                       tolerance);
GBytes           *cairn_flow_painter_export     (CairnFlowPainter            *self,
                                                 const CairnFlowLayout       *layout,
                                                 CairnFlowFormat              format,
                                                 double                       scale,
                                                 GError                     **error);
gboolean          cairn_flow_painter_export_to_file (CairnFlowPainter        *self,
                                                 const CairnFlowLayout       *layout,
                                                 CairnFlowFormat              format,
                                                 double                       scale,
                                                 const char                  *path,
                                                 GError                     **error);

G_END_DECLS
