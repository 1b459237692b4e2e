/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every text a finished PDF holds, read back with Poppler: the text of each
 * page, the outline (bookmarks) and the document metadata. The publication
 * check reads this, not the model the PDF was made from. */

typedef struct
{
  GPtrArray *pages;     /* char *: the text of each page, in order */
  GPtrArray *outline;   /* char *: every bookmark title, depth first */
  char *title;
  char *author;
  char *subject;
  char *keywords;
  char *creator;
  char *producer;
  gint64 creation_date; /* seconds since the epoch, -1 when absent */
} CairnPdfText;

CairnPdfText *cairn_pdf_text_extract      (GBytes       *pdf,
                                           GError      **error);
CairnPdfText *cairn_pdf_text_extract_file (const char   *path,
                                           GError      **error);
void          cairn_pdf_text_free         (CairnPdfText *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnPdfText, cairn_pdf_text_free)

G_END_DECLS
