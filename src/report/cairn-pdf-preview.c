/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-pdf-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "cairn-error.h"
#include "cairn-pdf-preview.h"

/* poppler-glib 22.12 declares no g_autoptr for its types. */
typedef PopplerDocument CairnPopplerDocument;
typedef PopplerPage CairnPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnPopplerPage, g_object_unref)

static PopplerDocument *
open_pdf (GBytes  *pdf,
          GError **error)
{
  g_autoptr (GError) local = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &local);

  if (doc == NULL)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, _("PDF: %s"), local->message);
  return doc;
}

static PopplerPage *
open_page (PopplerDocument  *doc,
           int               page_index,
           GError          **error)
{
  int n = poppler_document_get_n_pages (doc);

  if (page_index < 0 || page_index >= n)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Page: %d is not between 1 and %d"), page_index + 1, n);
      return NULL;
    }
  return poppler_document_get_page (doc, page_index);
}

int
cairn_pdf_count_pages (GBytes  *pdf,
                       GError **error)
{
  g_autoptr (CairnPopplerDocument) doc = open_pdf (pdf, error);

  return doc ? poppler_document_get_n_pages (doc) : -1;
}

/* The size of page @page_index (from 0) in points: landscape pages are wider than tall. */
gboolean
cairn_pdf_get_page_size (GBytes   *pdf,
                         int       page_index,
                         double   *width,
                         double   *height,
                         GError  **error)
{
  g_autoptr (CairnPopplerDocument) doc = open_pdf (pdf, error);
  g_autoptr (CairnPopplerPage) page = NULL;

  if (doc == NULL || (page = open_page (doc, page_index, error)) == NULL)
    return FALSE;
  poppler_page_get_size (page, width, height);
  return TRUE;
}

/* Draws page @page_index (from 0) on @cr at its current transformation, on white. */
gboolean
cairn_pdf_render_page_to_cairo (GBytes   *pdf,
                                int       page_index,
                                cairo_t  *cr,
                                GError  **error)
{
  g_autoptr (CairnPopplerDocument) doc = open_pdf (pdf, error);
  g_autoptr (CairnPopplerPage) page = NULL;
  double w, h;

  if (doc == NULL || (page = open_page (doc, page_index, error)) == NULL)
    return FALSE;
  poppler_page_get_size (page, &w, &h);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill (cr);
  poppler_page_render (page, cr);
  cairo_restore (cr);
  return TRUE;
}

/**
 * cairn_pdf_render_page:
 * @page_index: the page, from 0
 * @scale: pixels per point (1.0 is 72 dpi)
 *
 * Returns: (transfer full): an ARGB32 image of the page on white
 */
cairo_surface_t *
cairn_pdf_render_page (GBytes        *pdf,
                       int            page_index,
                       double         scale,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr (CairnPopplerDocument) doc = NULL;
  g_autoptr (CairnPopplerPage) page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if ((doc = open_pdf (pdf, error)) == NULL || (page = open_page (doc, page_index, error)) == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * scale),
                                        (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("Preview: %s"),
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

typedef struct
{
  GBytes *pdf;
  int page_index;
  double scale;
} RenderData;

static void
render_data_free (RenderData *data)
{
  g_bytes_unref (data->pdf);
  g_free (data);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *data = task_data;
  GError *error = NULL;
  cairo_surface_t *surface =
    cairn_pdf_render_page (data->pdf, data->page_index, data->scale, cancellable, &error);

  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

void
cairn_pdf_render_page_async (GBytes              *pdf,
                             int                  page_index,
                             double               scale,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderData *data = g_new0 (RenderData, 1);

  data->pdf = g_bytes_ref (pdf);
  data->page_index = page_index;
  data->scale = scale;
  g_task_set_source_tag (task, cairn_pdf_render_page_async);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, render_thread);
}

/* Returns: (transfer full): the page image, or %NULL (G_IO_ERROR_CANCELLED when cancelled) */
cairo_surface_t *
cairn_pdf_render_page_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
cairn_pdf_write_page_png (GBytes      *pdf,
                          int          page_index,
                          double       scale,
                          const char  *path,
                          GError     **error)
{
  cairo_surface_t *surface = cairn_pdf_render_page (pdf, page_index, scale, NULL, error);
  cairo_status_t status;

  if (surface == NULL)
    return FALSE;
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
