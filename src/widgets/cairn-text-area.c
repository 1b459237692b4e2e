/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-text-area"

#include "config.h"

#include "cairn-text-area.h"

/**
 * CairnTextArea:
 *
 * A wrapping GtkTextView that is as tall as its text at the width it is
 * given. GTK 4.8's text view reports the height of its text at the width
 * it had last, so in a grid or a box that narrows it after it was first
 * laid out, its last lines are cut off; this one measures its height for
 * the width asked (height-for-width). Tab moves the focus on, as in a form.
 */
struct _CairnTextArea
{
  GtkTextView parent_instance;
};

G_DEFINE_FINAL_TYPE (CairnTextArea, cairn_text_area, GTK_TYPE_TEXT_VIEW)

GtkWidget *
cairn_text_area_new (void)
{
  return g_object_new (CAIRN_TYPE_TEXT_AREA, NULL);
}

static GtkSizeRequestMode
cairn_text_area_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cairn_text_area_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  int width, height = 0;

  GTK_WIDGET_CLASS (cairn_text_area_parent_class)->measure (widget, orientation, for_size, minimum, natural,
                                                            minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_VERTICAL || for_size <= 0 ||
      gtk_text_view_get_wrap_mode (view) == GTK_WRAP_NONE)
    return;

  /* The text as the view wraps it, at the width asked for. */
  width = for_size - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  layout = gtk_widget_create_pango_layout (widget, *text ? text : " ");
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &height);
  height += gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
  /* GTK applies the height request on top of this. */
  *minimum = *natural = height;
}

static void
cairn_text_area_class_init (CairnTextAreaClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = cairn_text_area_get_request_mode;
  widget_class->measure = cairn_text_area_measure;
}

static void
cairn_text_area_init (CairnTextArea *self)
{
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
}
