/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cairn-chart.h"

G_BEGIN_DECLS

/* The document model every Cairn report is built in: a title page,
 * headings, paragraphs of bold and italic runs, lists, tables, figures
 * (charts) and page breaks, with the metadata the PDF carries. The PDF
 * writer (cairn-pdf-writer.h) lays it out; nothing here knows about pages.
 *
 *   g_autoptr (CairnDocument) doc = cairn_document_new ("Annual report 2011-12");
 *   cairn_document_set_author (doc, "Anytown LSCB");
 *   cairn_document_add_title_page (doc, "Annual report", lines);
 *   cairn_document_add_contents (doc);
 *   cairn_document_add_heading (doc, 1, "Introduction");
 *   cairn_document_add_text (doc, "First paragraph.\n\nSecond paragraph.");
 *   CairnParagraph *p = cairn_document_add_paragraph (doc);
 *   cairn_paragraph_add_run (p, CAIRN_RUN_BOLD, "Bold ");
 *   cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, "and plain.");
 *   cairn_document_write_pdf (doc, "out.pdf", &error);
 *
 * A document is reference counted and not thread-safe while it is being
 * built; once built it can be rendered from any one thread. */

typedef struct _CairnDocument CairnDocument;
typedef struct _CairnParagraph CairnParagraph;
typedef struct _CairnList CairnList;
typedef struct _CairnTable CairnTable;

typedef enum
{
  CAIRN_RUN_PLAIN = 0,
  CAIRN_RUN_BOLD = 1 << 0,
  CAIRN_RUN_ITALIC = 1 << 1,
} CairnRunStyle;

/**
 * CairnParagraphStyle:
 * @CAIRN_PARAGRAPH_BODY: body text
 * @CAIRN_PARAGRAPH_SMALL: smaller text (notes, sources)
 * @CAIRN_PARAGRAPH_QUOTE: indented, italic (a quotation or statement)
 * @CAIRN_PARAGRAPH_NOTICE: bold dark red text in a red-framed box, for
 *   what the reader must not miss (a draft section, a missing figure)
 */
typedef enum
{
  CAIRN_PARAGRAPH_BODY,
  CAIRN_PARAGRAPH_SMALL,
  CAIRN_PARAGRAPH_QUOTE,
  CAIRN_PARAGRAPH_NOTICE,
} CairnParagraphStyle;

/**
 * CairnPageOrientation:
 * @CAIRN_ORIENTATION_UNCHANGED: as the pages before
 * @CAIRN_ORIENTATION_PORTRAIT: A4 portrait (the default)
 * @CAIRN_ORIENTATION_LANDSCAPE: A4 landscape, for wide tables
 */
typedef enum
{
  CAIRN_ORIENTATION_UNCHANGED,
  CAIRN_ORIENTATION_PORTRAIT,
  CAIRN_ORIENTATION_LANDSCAPE,
} CairnPageOrientation;

CairnDocument  *cairn_document_new                   (const char          *title);
CairnDocument  *cairn_document_ref                   (CairnDocument       *self);
void            cairn_document_unref                 (CairnDocument       *self);

const char     *cairn_document_get_title             (CairnDocument       *self);
void            cairn_document_set_subtitle          (CairnDocument       *self,
                                                      const char          *subtitle);
void            cairn_document_set_author            (CairnDocument       *self,
                                                      const char          *author);
void            cairn_document_set_subject           (CairnDocument       *self,
                                                      const char          *subject);
void            cairn_document_set_keywords          (CairnDocument       *self,
                                                      const char          *keywords);
void            cairn_document_set_creation_date     (CairnDocument       *self,
                                                      GDateTime           *date);
void            cairn_document_set_header_text       (CairnDocument       *self,
                                                      const char          *text);
void            cairn_document_set_footer_text       (CairnDocument       *self,
                                                      const char          *text);
void            cairn_document_set_protective_marking (CairnDocument      *self,
                                                       const char         *marking);
const char     *cairn_document_get_protective_marking (CairnDocument      *self);

void            cairn_document_add_title_page        (CairnDocument       *self,
                                                      const char          *heading,
                                                      const char * const  *lines);
void            cairn_document_add_contents          (CairnDocument       *self);
void            cairn_document_add_heading           (CairnDocument       *self,
                                                      int                  level,
                                                      const char          *text);
CairnParagraph *cairn_document_add_paragraph         (CairnDocument       *self);
CairnParagraph *cairn_document_add_styled_paragraph  (CairnDocument       *self,
                                                      CairnParagraphStyle  style);
void            cairn_document_add_text              (CairnDocument       *self,
                                                      const char          *text);
void            cairn_paragraph_add_run              (CairnParagraph      *paragraph,
                                                      CairnRunStyle        style,
                                                      const char          *text);

CairnList      *cairn_document_add_list              (CairnDocument       *self,
                                                      gboolean             numbered);
CairnParagraph *cairn_list_add_item                  (CairnList           *list);
void            cairn_list_add_text_item             (CairnList           *list,
                                                      const char          *text);

CairnTable     *cairn_document_add_table             (CairnDocument       *self,
                                                      guint                n_columns,
                                                      const double        *widths,
                                                      guint                header_rows);
guint           cairn_table_add_row                  (CairnTable          *table,
                                                      const char * const  *cells);
CairnParagraph *cairn_table_get_cell                 (CairnTable          *table,
                                                      guint                row,
                                                      guint                column);
guint           cairn_table_get_n_rows               (CairnTable          *table);

void            cairn_document_add_figure            (CairnDocument       *self,
                                                      CairnChart          *chart,
                                                      double               height_mm,
                                                      const char          *caption);
void            cairn_document_add_page_break        (CairnDocument       *self);
void            cairn_document_add_orientation_break (CairnDocument       *self,
                                                      CairnPageOrientation orientation);

/**
 * CairnDocumentTextFunc:
 * @text: one piece of text the document holds
 * @where: a description of where it is (for a person to find it)
 *
 * Called for every text in a document: metadata, header, footer, marking,
 * headings, paragraphs, list items, table cells, figure captions and chart
 * labels.
 */
typedef void (*CairnDocumentTextFunc) (const char *text,
                                       const char *where,
                                       gpointer    user_data);

void            cairn_document_foreach_text          (CairnDocument        *self,
                                                      CairnDocumentTextFunc func,
                                                      gpointer              user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnDocument, cairn_document_unref)

G_END_DECLS
