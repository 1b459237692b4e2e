/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-document-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-document-preview.h"
#include "cairn-pdf-preview.h"
#include "cairn-pdf-writer.h"

/* Points to pixels: an A4 page is rendered about 950 pixels wide. */
#define PREVIEW_SCALE 1.6

/**
 * CairnDocumentPreview:
 *
 * Emits #CairnDocumentPreview::rendered when a page is on screen.
 */
struct _CairnDocumentPreview
{
  GtkBox parent_instance;

  GtkPicture *picture;
  GtkLabel *page_label;
  GtkButton *previous_button;
  GtkButton *next_button;

  GCancellable *cancellable;
  GBytes *pdf;
  int n_pages;
  int page;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (CairnDocumentPreview, cairn_document_preview, GTK_TYPE_BOX)

enum
{
  RENDERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_controls (CairnDocumentPreview *self)
{
  g_autofree char *text = NULL;

  if (self->n_pages > 0)
    text = g_strdup_printf (_("Page %d of %d"), self->page + 1, self->n_pages);
  gtk_label_set_label (self->page_label, text ? text : _("No preview yet"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), self->page > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->page + 1 < self->n_pages);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr (GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy, cairo_surface_reference (surface));
  /* GDK_MEMORY_DEFAULT is Cairo's ARGB32: premultiplied, native endian. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
page_rendered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface = cairn_pdf_render_page_finish (result, &error);
  CairnDocumentPreview *self;
  g_autoptr (GdkTexture) texture = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CAIRN_DOCUMENT_PREVIEW (user_data);
  self->busy = FALSE;
  if (surface == NULL)
    {
      gtk_label_set_label (self->page_label, error->message);
      return;
    }
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  update_controls (self);
  g_signal_emit (self, signals[RENDERED], 0);
}

/* Pixels per point: the page is rendered at about the width of a wide
 * preview and GtkPicture scales it to the width it has. */
static double
preview_scale (CairnDocumentPreview *self)
{
  return PREVIEW_SCALE * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
render_page (CairnDocumentPreview *self)
{
  if (self->pdf == NULL || self->n_pages == 0)
    return;
  self->busy = TRUE;
  cairn_pdf_render_page_async (self->pdf, self->page, preview_scale (self), self->cancellable, page_rendered,
                               self);
}

static void
pdf_rendered (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  GBytes *pdf = cairn_document_render_pdf_finish (result, &error);
  CairnDocumentPreview *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CAIRN_DOCUMENT_PREVIEW (user_data);
  if (pdf == NULL)
    {
      self->busy = FALSE;
      gtk_label_set_label (self->page_label, error->message);
      return;
    }
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = pdf;
  self->n_pages = MAX (cairn_pdf_count_pages (pdf, NULL), 0);
  self->page = CLAMP (self->page, 0, MAX (self->n_pages - 1, 0));
  render_page (self);
}

/**
 * cairn_document_preview_set_document:
 * @document: (nullable): the document to show; its page stays where it was
 *   when it still has one
 */
void
cairn_document_preview_set_document (CairnDocumentPreview *self,
                                     CairnDocument        *document)
{
  g_return_if_fail (CAIRN_IS_DOCUMENT_PREVIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (document == NULL)
    {
      g_clear_pointer (&self->pdf, g_bytes_unref);
      self->n_pages = 0;
      self->busy = FALSE;
      gtk_picture_set_paintable (self->picture, NULL);
      update_controls (self);
      return;
    }
  self->busy = TRUE;
  cairn_document_render_pdf_async (document, self->cancellable, pdf_rendered, self);
}

/**
 * cairn_document_preview_get_pdf:
 *
 * Returns: (nullable) (transfer none): the PDF last shown
 */
GBytes *
cairn_document_preview_get_pdf (CairnDocumentPreview *self)
{
  return self->pdf;
}

int
cairn_document_preview_get_n_pages (CairnDocumentPreview *self)
{
  return self->n_pages;
}

int
cairn_document_preview_get_page (CairnDocumentPreview *self)
{
  return self->page;
}

void
cairn_document_preview_set_page (CairnDocumentPreview *self,
                                 int                   page)
{
  page = CLAMP (page, 0, MAX (self->n_pages - 1, 0));
  if (page == self->page)
    return;
  self->page = page;
  update_controls (self);
  render_page (self);
}

/* Whether a document is still being laid out or a page rendered. */
gboolean
cairn_document_preview_is_busy (CairnDocumentPreview *self)
{
  return self->busy;
}

static void
previous_clicked (CairnDocumentPreview *self)
{
  cairn_document_preview_set_page (self, self->page - 1);
}

static void
next_clicked (CairnDocumentPreview *self)
{
  cairn_document_preview_set_page (self, self->page + 1);
}

static void
draw_page (GtkPrintOperation    *operation,
           GtkPrintContext      *context,
           int                   page_nr,
           CairnDocumentPreview *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairn_pdf_render_page_to_cairo (self->pdf, page_nr, cr, NULL);
}

/**
 * cairn_document_preview_print:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to ask the user, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_filename
 *
 * Prints the PDF shown, page by page at full size, through GtkPrintOperation.
 */
GtkPrintOperationResult
cairn_document_preview_print (CairnDocumentPreview    *self,
                              GtkWindow               *parent,
                              GtkPrintOperationAction  action,
                              const char              *export_filename,
                              GError                 **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  if (self->pdf == NULL || self->n_pages == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("Print: the document is not ready yet"));
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, self->n_pages);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), self);
  return gtk_print_operation_run (operation, action, parent, error);
}

static void
cairn_document_preview_dispose (GObject *object)
{
  CairnDocumentPreview *self = CAIRN_DOCUMENT_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_DOCUMENT_PREVIEW);
  G_OBJECT_CLASS (cairn_document_preview_parent_class)->dispose (object);
}

static void
cairn_document_preview_class_init (CairnDocumentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_document_preview_dispose;

  /**
   * CairnDocumentPreview::rendered:
   *
   * A page of the newest document is on screen.
   */
  signals[RENDERED] = g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-document-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnDocumentPreview, picture);
  gtk_widget_class_bind_template_child (widget_class, CairnDocumentPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, CairnDocumentPreview, previous_button);
  gtk_widget_class_bind_template_child (widget_class, CairnDocumentPreview, next_button);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked);
}

static void
cairn_document_preview_init (CairnDocumentPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_controls (self);
}

CairnDocumentPreview *
cairn_document_preview_new (void)
{
  return g_object_new (CAIRN_TYPE_DOCUMENT_PREVIEW, NULL);
}
