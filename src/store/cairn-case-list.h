/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cairn-store.h"

G_BEGIN_DECLS

/**
 * CairnCaseSort:
 *
 * The columns the case table sorts by. Each has an index in SQL, so that a
 * sort over a million cases is a walk of one index.
 */
typedef enum
{
  CAIRN_CASE_SORT_NAME,
  CAIRN_CASE_SORT_AGE,
  CAIRN_CASE_SORT_STAGE,
  CAIRN_CASE_SORT_NEXT_DUE,
  CAIRN_CASE_SORT_CATEGORY,
  CAIRN_CASE_SORT_WORKER,
  CAIRN_CASE_SORT_TEAM,
  CAIRN_CASE_SORT_REF,
  CAIRN_N_CASE_SORTS
} CairnCaseSort;

/**
 * CairnCaseFilter:
 * @search: (nullable): words to find in names, references, NHS numbers,
 *   census identifiers and event notes (every word, as a prefix)
 * @open_state: -1 any, 1 open cases, 0 closed cases
 *
 * What the case table shows and in which order. %NULL or "" means "any".
 */
typedef struct
{
  char *search;
  char *stage;
  char *edition;
  char *category;
  char *worker;
  char *team;
  gboolean overdue_only;
  int open_state;
  CairnCaseSort sort;
  gboolean descending;
} CairnCaseFilter;

CairnCaseFilter *cairn_case_filter_new        (void);
CairnCaseFilter *cairn_case_filter_copy       (const CairnCaseFilter *filter);
void             cairn_case_filter_free       (CairnCaseFilter       *filter);
gboolean         cairn_case_filter_is_default (const CairnCaseFilter *filter);
char            *cairn_case_filter_to_string  (const CairnCaseFilter *filter);
CairnCaseFilter *cairn_case_filter_from_string (const char           *text,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnCaseFilter, cairn_case_filter_free)

#define CAIRN_TYPE_CASE_ROW (cairn_case_row_get_type ())

G_DECLARE_FINAL_TYPE (CairnCaseRow, cairn_case_row, CAIRN, CASE_ROW, GObject)

gboolean    cairn_case_row_is_loaded        (CairnCaseRow *self);
gint64      cairn_case_row_get_child_number (CairnCaseRow *self);
int         cairn_case_row_get_case_number  (CairnCaseRow *self);
const char *cairn_case_row_get_ref          (CairnCaseRow *self);
const char *cairn_case_row_get_name         (CairnCaseRow *self);
const char *cairn_case_row_get_birth_date   (CairnCaseRow *self);
gboolean    cairn_case_row_get_unborn       (CairnCaseRow *self);
const char *cairn_case_row_get_stage        (CairnCaseRow *self);
const char *cairn_case_row_get_edition      (CairnCaseRow *self);
const char *cairn_case_row_get_next_due     (CairnCaseRow *self);
const char *cairn_case_row_get_next_rule    (CairnCaseRow *self);
const char *cairn_case_row_get_category     (CairnCaseRow *self);
const char *cairn_case_row_get_worker       (CairnCaseRow *self);
const char *cairn_case_row_get_team         (CairnCaseRow *self);
gboolean    cairn_case_row_get_open         (CairnCaseRow *self);

#define CAIRN_TYPE_CASE_LIST (cairn_case_list_get_type ())

G_DECLARE_FINAL_TYPE (CairnCaseList, cairn_case_list, CAIRN, CASE_LIST, GObject)

CairnCaseList         *cairn_case_list_new          (CairnStore            *store);
gboolean               cairn_case_list_set_filter   (CairnCaseList         *self,
                                                     const CairnCaseFilter *filter,
                                                     GError               **error);
const CairnCaseFilter *cairn_case_list_get_filter   (CairnCaseList         *self);
gboolean               cairn_case_list_ensure_anchors (CairnCaseList       *self,
                                                       GError             **error);
void                   cairn_case_list_prepare_anchors_async (CairnCaseList *self);
void                   cairn_case_list_reload       (CairnCaseList         *self);
guint                  cairn_case_list_find         (CairnCaseList         *self,
                                                     gint64                 child_number,
                                                     int                    case_number);

gboolean cairn_store_rebuild_case_index (CairnStore  *store,
                                         GError     **error);
gboolean cairn_store_index_cases        (CairnStore  *store,
                                         gint64       first_new_case,
                                         GArray      *child_ids,
                                         GError     **error);
GPtrArray *cairn_store_list_case_values (CairnStore  *store,
                                         const char  *column,
                                         GError     **error);

G_END_DECLS
