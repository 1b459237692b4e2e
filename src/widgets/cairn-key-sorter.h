/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cairn-case-list.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_KEY_SORTER (cairn_key_sorter_get_type ())

G_DECLARE_FINAL_TYPE (CairnKeySorter, cairn_key_sorter, CAIRN, KEY_SORTER, GtkSorter)

CairnKeySorter *cairn_key_sorter_new            (CairnCaseSort  key);
gboolean        cairn_key_sorter_read_view_sort (GtkSorter     *view_sorter,
                                                 CairnCaseSort *key,
                                                 gboolean      *descending);

G_END_DECLS
