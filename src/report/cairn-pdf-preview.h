/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Renders pages of a PDF held in memory with Poppler, for the in-app live
 * preview (as Papers/Evince do). Every call opens its own Poppler document
 * from the bytes, so it is safe in a worker thread; the async variant runs
 * in a GTask thread and honours its GCancellable. */

int              cairn_pdf_count_pages        (GBytes              *pdf,
                                               GError             **error);
gboolean         cairn_pdf_get_page_size      (GBytes              *pdf,
                                               int                  page_index,
                                               double              *width,
                                               double              *height,
                                               GError             **error);
cairo_surface_t *cairn_pdf_render_page        (GBytes              *pdf,
                                               int                  page_index,
                                               double               scale,
                                               GCancellable        *cancellable,
                                               GError             **error);
void             cairn_pdf_render_page_async  (GBytes              *pdf,
                                               int                  page_index,
                                               double               scale,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
cairo_surface_t *cairn_pdf_render_page_finish (GAsyncResult        *result,
                                               GError             **error);
gboolean         cairn_pdf_render_page_to_cairo (GBytes            *pdf,
                                                 int                page_index,
                                                 cairo_t           *cr,
                                                 GError           **error);
gboolean         cairn_pdf_write_page_png     (GBytes              *pdf,
                                               int                  page_index,
                                               double               scale,
                                               const char          *path,
                                               GError             **error);

G_END_DECLS
