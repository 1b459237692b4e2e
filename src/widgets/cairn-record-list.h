/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-child-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_RECORD_LIST (cairn_record_list_get_type ())

G_DECLARE_FINAL_TYPE (CairnRecordList, cairn_record_list, CAIRN, RECORD_LIST, GtkWidget)

CairnRecordList *cairn_record_list_new      (CairnListKind  kind);
void             cairn_record_list_set_store (CairnRecordList *self,
                                              CairnStore      *store);
void             cairn_record_list_reload   (CairnRecordList *self);

G_END_DECLS
