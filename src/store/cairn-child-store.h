/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-case.h"
#include "cairn-child.h"
#include "cairn-store.h"

G_BEGIN_DECLS

gboolean    cairn_store_add_child      (CairnStore          *self,
                                        CairnChild          *child,
                                        GError             **error);
CairnChild *cairn_store_get_child      (CairnStore          *self,
                                        gint64               number,
                                        GError             **error);
gint64      cairn_store_count_children (CairnStore          *self);

int         cairn_store_open_case      (CairnStore          *self,
                                        gint64               child_number,
                                        CairnReferral       *referral,
                                        GError             **error);
gboolean    cairn_store_assign_case    (CairnStore          *self,
                                        gint64               child_number,
                                        int                  case_number,
                                        const char          *team,
                                        GError             **error);
gboolean    cairn_store_add_event      (CairnStore          *self,
                                        gint64               child_number,
                                        int                  case_number,
                                        CairnEvent          *event,
                                        GError             **error);
gboolean    cairn_store_delete_event   (CairnStore          *self,
                                        gint64               child_number,
                                        int                  case_number,
                                        gint64               event_id,
                                        GError             **error);
GPtrArray  *cairn_store_list_events    (CairnStore          *self,
                                        gint64               child_number,
                                        int                  case_number,
                                        GError             **error);

/**
 * CairnListKind:
 *
 * The record kinds `cairn-cli list` names (../shared/CLI.md).
 */
typedef enum
{
  CAIRN_LIST_CHILDREN,
  CAIRN_LIST_CASES,
  CAIRN_LIST_CONFERENCES,
  CAIRN_LIST_SCRS,
  CAIRN_LIST_MEETINGS,
} CairnListKind;

typedef gboolean (*CairnListFunc) (const char *ref,
                                   const char *title,
                                   gpointer    user_data);

gboolean    cairn_store_list_refs      (CairnStore          *self,
                                        CairnListKind        kind,
                                        CairnListFunc        func,
                                        gpointer             user_data,
                                        GError             **error);

gboolean    cairn_store_list_recent_refs (CairnStore        *self,
                                          CairnListKind      kind,
                                          guint              limit,
                                          CairnListFunc      func,
                                          gpointer           user_data,
                                          GError           **error);

G_END_DECLS
