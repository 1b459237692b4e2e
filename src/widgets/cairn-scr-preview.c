/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-scr-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cairn-pdf-preview.h"
#include "cairn-pdf-writer.h"
#include "cairn-scr-preview.h"

/* The page image is made again when the pane's width changes by more than this. */
#define RESIZE_SLACK_PX 16
#define RESIZE_DELAY_MS 150

/**
 * CairnScrPreview:
 *
 * A live preview of a document as the PDF it becomes: the document is laid
 * out as a PDF in a worker thread (cairn_document_render_pdf_async()), and
 * the page shown is drawn by Poppler in another (cairn_pdf_render_page_async()),
 * as large as the whole page fits the pane. A newer document cancels the work for an older
 * one, so a stale page never replaces a fresh one. Shows page N of M with
 * previous and next.
 */
struct _CairnScrPreview
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkStack *stack;
  AdwStatusPage *status_page;
  GtkScrolledWindow *scroller;
  GtkPicture *picture;
  GtkSpinner *spinner;
  GtkLabel *page_label;

  GCancellable *document_cancellable; /* the PDF being laid out, and its page */
  GCancellable *page_cancellable;     /* the page being drawn */
  GBytes *pdf;
  int n_pages;
  int page;                           /* from 1; 0 when there is no PDF */
  int rendered_width;                 /* the width the shown image was drawn for */
  guint resize_id;
  gboolean laying_out;
  gboolean drawing;
};

G_DEFINE_FINAL_TYPE (CairnScrPreview, cairn_scr_preview, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  RENDERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

CairnScrPreview *
cairn_scr_preview_new (void)
{
  return g_object_new (CAIRN_TYPE_SCR_PREVIEW, NULL);
}

static void
update_busy (CairnScrPreview *self)
{
  gboolean busy = self->laying_out || self->drawing;

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_navigation (CairnScrPreview *self)
{
  g_autofree char *text = NULL;

  if (self->n_pages > 0)
    text = g_strdup_printf (_("Page %d of %d"), self->page, self->n_pages);
  gtk_label_set_label (self->page_label, text ? text : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page < self->n_pages);
}

/* The width in device pixels the page is drawn at: the whole page fits the
 * pane, less the margins (the picture shows it at that size, not scaled). */
static int
target_width (CairnScrPreview *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  int height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  double page_width = 595, page_height = 842; /* A4 until a page says otherwise */
  double scale;

  if (width <= 0 || height <= 0)
    {
      width = 600;
      height = 800;
    }
  if (self->pdf != NULL && self->page > 0)
    cairn_pdf_get_page_size (self->pdf, self->page - 1, &page_width, &page_height, NULL);
  scale = MIN (MAX (width - 24, 100) / page_width, MAX (height - 24, 100) / page_height);
  return (int) (page_width * scale) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr (GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  /* Cairo's ARGB32 is GDK's default memory format: the pixels are shared, not copied. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
show_message (CairnScrPreview *self,
              const char      *title,
              const char      *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
page_drawn (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (CairnScrPreview) self = user_data;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface = cairn_pdf_render_page_finish (result, &error);
  g_autoptr (GdkTexture) texture = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* a newer page or document is on its way */
  self->drawing = FALSE;
  update_busy (self);
  if (surface == NULL)
    {
      show_message (self, _("The Preview Failed"), error->message);
      return;
    }
  texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->stack, "page");
  update_navigation (self);
  g_signal_emit (self, signals[RENDERED], 0);
}

static void
draw_page (CairnScrPreview *self)
{
  g_autoptr (GError) error = NULL;
  double width = 0, height = 0;

  if (self->pdf == NULL || self->page < 1)
    return;
  if (!cairn_pdf_get_page_size (self->pdf, self->page - 1, &width, &height, &error))
    {
      show_message (self, _("The Preview Failed"), error->message);
      return;
    }
  if (self->page_cancellable != NULL)
    g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_cancellable = g_cancellable_new ();
  self->rendered_width = target_width (self);
  self->drawing = TRUE;
  update_busy (self);
  cairn_pdf_render_page_async (self->pdf, self->page - 1, self->rendered_width / width,
                               self->page_cancellable, page_drawn, g_object_ref (self));
}

static void
pdf_laid_out (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (CairnScrPreview) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = cairn_document_render_pdf_finish (result, &error);
  int n_pages;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* a newer document replaced this one */
  self->laying_out = FALSE;
  update_busy (self);
  if (pdf == NULL || (n_pages = cairn_pdf_count_pages (pdf, &error)) < 1)
    {
      show_message (self, _("The Preview Failed"), error ? error->message : NULL);
      return;
    }
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = g_steal_pointer (&pdf);
  self->n_pages = n_pages;
  self->page = CLAMP (self->page, 1, n_pages);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  draw_page (self);
}

static void
cancel_all (CairnScrPreview *self)
{
  if (self->document_cancellable != NULL)
    g_cancellable_cancel (self->document_cancellable);
  if (self->page_cancellable != NULL)
    g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->document_cancellable);
  g_clear_object (&self->page_cancellable);
  self->laying_out = FALSE;
  self->drawing = FALSE;
}

/**
 * cairn_scr_preview_set_document:
 *
 * Shows @doc: lays it out and draws the current page (the same page
 * number as before, or the last page when there are fewer), off the main
 * thread. Work for an earlier document is cancelled.
 */
void
cairn_scr_preview_set_document (CairnScrPreview *self,
                                CairnDocument   *doc)
{
  g_return_if_fail (CAIRN_IS_SCR_PREVIEW (self));
  g_return_if_fail (doc != NULL);

  cancel_all (self);
  self->document_cancellable = g_cancellable_new ();
  self->laying_out = TRUE;
  update_busy (self);
  cairn_document_render_pdf_async (doc, self->document_cancellable, pdf_laid_out, g_object_ref (self));
}

/* Shows nothing (and @message, when given); cancels any work underway. */
void
cairn_scr_preview_clear (CairnScrPreview *self,
                         const char      *message)
{
  g_return_if_fail (CAIRN_IS_SCR_PREVIEW (self));

  cancel_all (self);
  update_busy (self);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->n_pages = 0;
  self->page = 0;
  gtk_picture_set_paintable (self->picture, NULL);
  update_navigation (self);
  show_message (self, message ? message : _("No Preview"), NULL);
}

/* The PDF of the page shown (borrowed), or %NULL. */
GBytes *
cairn_scr_preview_get_pdf (CairnScrPreview *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_PREVIEW (self), NULL);
  return self->pdf;
}

int
cairn_scr_preview_get_n_pages (CairnScrPreview *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_PREVIEW (self), 0);
  return self->n_pages;
}

/* The page shown, from 1; 0 when there is none. */
int
cairn_scr_preview_get_page (CairnScrPreview *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_PREVIEW (self), 0);
  return self->page;
}

void
cairn_scr_preview_set_page (CairnScrPreview *self,
                            int              page)
{
  g_return_if_fail (CAIRN_IS_SCR_PREVIEW (self));

  if (self->n_pages == 0)
    return;
  page = CLAMP (page, 1, self->n_pages);
  if (page == self->page)
    return;
  self->page = page;
  update_navigation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  draw_page (self);
}

/* Whether a layout or a page drawing is underway. */
gboolean
cairn_scr_preview_is_busy (CairnScrPreview *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_PREVIEW (self), FALSE);
  return self->laying_out || self->drawing;
}

/* The image of the page shown (borrowed), or %NULL. */
GdkPaintable *
cairn_scr_preview_get_paintable (CairnScrPreview *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_PREVIEW (self), NULL);
  return gtk_picture_get_paintable (self->picture);
}

static void
previous_page (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  CairnScrPreview *self = CAIRN_SCR_PREVIEW (widget);

  cairn_scr_preview_set_page (self, self->page - 1);
}

static void
next_page (GtkWidget  *widget,
           const char *action,
           GVariant   *param)
{
  CairnScrPreview *self = CAIRN_SCR_PREVIEW (widget);

  cairn_scr_preview_set_page (self, self->page + 1);
}

static gboolean
resize_timeout (gpointer data)
{
  CairnScrPreview *self = data;

  self->resize_id = 0;
  if (self->pdf != NULL && !self->drawing && abs (target_width (self) - self->rendered_width) > RESIZE_SLACK_PX)
    draw_page (self);
  return G_SOURCE_REMOVE;
}

/* The pane was resized: draw the page again at its new width, once it settles. */
static void
viewport_changed (CairnScrPreview *self)
{
  if (self->pdf == NULL || abs (target_width (self) - self->rendered_width) <= RESIZE_SLACK_PX)
    return;
  g_clear_handle_id (&self->resize_id, g_source_remove);
  self->resize_id = g_timeout_add (RESIZE_DELAY_MS, resize_timeout, self);
}

static void
cairn_scr_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CairnScrPreview *self = CAIRN_SCR_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_int (value, self->n_pages);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, cairn_scr_preview_is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cairn_scr_preview_dispose (GObject *object)
{
  CairnScrPreview *self = CAIRN_SCR_PREVIEW (object);

  cancel_all (self);
  g_clear_handle_id (&self->resize_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_SCR_PREVIEW);
  G_OBJECT_CLASS (cairn_scr_preview_parent_class)->dispose (object);
}

static void
cairn_scr_preview_finalize (GObject *object)
{
  CairnScrPreview *self = CAIRN_SCR_PREVIEW (object);

  g_clear_pointer (&self->pdf, g_bytes_unref);
  G_OBJECT_CLASS (cairn_scr_preview_parent_class)->finalize (object);
}

static void
cairn_scr_preview_class_init (CairnScrPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cairn_scr_preview_get_property;
  object_class->dispose = cairn_scr_preview_dispose;
  object_class->finalize = cairn_scr_preview_finalize;

  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PAGES] = g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                 G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                  G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CairnScrPreview::rendered:
   *
   * A page of the latest document is on screen.
   */
  signals[RENDERED] = g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                    NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-scr-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnScrPreview, box);
  gtk_widget_class_bind_template_child (widget_class, CairnScrPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, CairnScrPreview, status_page);
  gtk_widget_class_bind_template_child (widget_class, CairnScrPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, CairnScrPreview, picture);
  gtk_widget_class_bind_template_child (widget_class, CairnScrPreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, CairnScrPreview, page_label);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, previous_page);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, next_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "preview.next", NULL);
  gtk_widget_class_set_css_name (widget_class, "scrpreview");
}

static void
cairn_scr_preview_init (CairnScrPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                            G_CALLBACK (viewport_changed), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                            G_CALLBACK (viewport_changed), self);
  update_navigation (self);
  update_busy (self);
}
