/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-roles.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* Failed logins before an account locks, and the first lock's length;
 * each further failure doubles it, up to CAIRN_LOCK_MAX_SECONDS. */
#define CAIRN_LOCK_AFTER_FAILURES 3
#define CAIRN_LOCK_FIRST_SECONDS 30
#define CAIRN_LOCK_MAX_SECONDS 3600

gint64      cairn_store_count_users     (CairnStore   *self);
gboolean    cairn_store_add_user        (CairnStore   *self,
                                         const char   *name,
                                         const char   *display_name,
                                         CairnRole     role,
                                         const char   *team,
                                         const char   *password,
                                         GError      **error);
gboolean    cairn_store_add_user_hashed (CairnStore   *self,
                                         const char   *name,
                                         const char   *display_name,
                                         CairnRole     role,
                                         const char   *team,
                                         const char   *password_hash,
                                         GError      **error);
gboolean    cairn_store_set_password    (CairnStore   *self,
                                         const char   *name,
                                         const char   *password,
                                         GError      **error);
gboolean    cairn_store_login           (CairnStore   *self,
                                         const char   *name,
                                         const char   *password,
                                         GError      **error);
void        cairn_store_logout          (CairnStore   *self);
gboolean    cairn_store_is_signed_in    (CairnStore   *self);
const char *cairn_store_get_user_name   (CairnStore   *self);
const char *cairn_store_get_user_display_name (CairnStore *self);
CairnRole   cairn_store_get_user_role   (CairnStore   *self);
const char *cairn_store_get_user_team   (CairnStore   *self);

gboolean    cairn_store_require         (CairnStore   *self,
                                         CairnAction   action,
                                         GError      **error);
gboolean    cairn_store_require_case    (CairnStore   *self,
                                         CairnAction   action,
                                         gint64        child_number,
                                         int           case_number,
                                         GError      **error);
gboolean    cairn_store_require_scr     (CairnStore   *self,
                                         CairnAction   action,
                                         int           year,
                                         int           number,
                                         GError      **error);
gboolean    cairn_store_grant_scr_access (CairnStore  *self,
                                          int          year,
                                          int          number,
                                          const char  *user_name,
                                          GError     **error);

/* The documented accounts of a demo database (README.md). */
#define CAIRN_DEMO_PASSWORD "cairn-demo-password"
#define CAIRN_DEMO_CHAIR "demo-chair"

gboolean    cairn_store_add_demo_accounts (CairnStore  *self,
                                           GError     **error);
gboolean    cairn_store_is_demo          (CairnStore  *self);
gboolean    cairn_store_login_demo       (CairnStore  *self,
                                          GError     **error);

G_END_DECLS
