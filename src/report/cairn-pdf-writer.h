/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cairn-document.h"

G_BEGIN_DECLS

/* Lays a CairnDocument out with Pango on a Cairo PDF surface: A4 with
 * margins, fonts embedded (subsets), a running header with the title and a
 * footer with "Page N of M", the protective marking on every page when the
 * document has one, a contents page with real page numbers (laid out twice),
 * the PDF outline and internal links, and the metadata (title, author,
 * subject, keywords, creation date from the document, never the clock).
 * The same document always gives the same bytes. */

GBytes   *cairn_document_render_pdf        (CairnDocument        *doc,
                                            guint                *n_pages,
                                            GCancellable         *cancellable,
                                            GError              **error);
gboolean  cairn_document_write_pdf         (CairnDocument        *doc,
                                            const char           *path,
                                            guint                *n_pages,
                                            GError              **error);
void      cairn_document_render_pdf_async  (CairnDocument        *doc,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GBytes   *cairn_document_render_pdf_finish (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
