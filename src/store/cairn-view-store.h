/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-case-list.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* Each user's saved filters and last view, kept in the board's database:
 * a search may hold a child's name, which must not reach desktop settings. */

gboolean         cairn_store_save_filter       (CairnStore             *self,
                                                const char             *name,
                                                const CairnCaseFilter  *filter,
                                                GError                **error);
GPtrArray       *cairn_store_list_saved_filters (CairnStore            *self,
                                                 GError               **error);
CairnCaseFilter *cairn_store_load_saved_filter (CairnStore             *self,
                                                const char             *name,
                                                GError                **error);
gboolean         cairn_store_delete_saved_filter (CairnStore           *self,
                                                  const char           *name,
                                                  GError              **error);
gboolean         cairn_store_set_last_view     (CairnStore             *self,
                                                const CairnCaseFilter  *filter,
                                                const char             *case_ref,
                                                GError                **error);
CairnCaseFilter *cairn_store_get_last_view     (CairnStore             *self,
                                                char                  **case_ref);

void             cairn_store_begin_bulk        (CairnStore             *self,
                                                const char             *timestamp);
gboolean         cairn_store_end_bulk          (CairnStore             *self,
                                                const char             *action,
                                                const char             *details,
                                                GError                **error);

G_END_DECLS
