/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For src/report only: the document model's insides, which the PDF writer
 * lays out. */

#include "cairn-document.h"

G_BEGIN_DECLS

typedef enum
{
  CAIRN_BLOCK_TITLE_PAGE,
  CAIRN_BLOCK_CONTENTS,
  CAIRN_BLOCK_HEADING,
  CAIRN_BLOCK_PARAGRAPH,
  CAIRN_BLOCK_LIST,
  CAIRN_BLOCK_TABLE,
  CAIRN_BLOCK_FIGURE,
  CAIRN_BLOCK_PAGE_BREAK,
} CairnBlockKind;

typedef struct
{
  CairnRunStyle style;
  char *text;
} CairnRun;

struct _CairnParagraph
{
  CairnParagraphStyle style;
  GArray *runs; /* CairnRun */
};

struct _CairnList
{
  gboolean numbered;
  GPtrArray *items; /* CairnParagraph */
};

struct _CairnTable
{
  guint n_columns;
  double *widths;     /* relative, n_columns */
  guint header_rows;
  GPtrArray *cells;   /* CairnParagraph, row-major */
};

typedef struct
{
  CairnBlockKind kind;
  int level;                  /* headings: 1–3 */
  char *text;                 /* headings, title page heading, figure caption */
  char **lines;               /* title page */
  CairnParagraph *paragraph;
  CairnList *list;
  CairnTable *table;
  CairnChart *chart;
  double height_mm;           /* figures */
  CairnPageOrientation orientation; /* page breaks */
} CairnBlock;

struct _CairnDocument
{
  gint ref_count;
  char *title;
  char *subtitle;
  char *author;
  char *subject;
  char *keywords;
  char *header_text;
  char *footer_text;
  char *marking;
  GDateTime *creation_date;
  GPtrArray *blocks; /* CairnBlock */
};

char *cairn_paragraph_dup_text (const CairnParagraph *paragraph);

G_END_DECLS
