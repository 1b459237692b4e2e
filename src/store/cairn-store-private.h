/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For src/store only: the SQLite handle and statement helpers. Nothing
 * outside src/store includes this file or writes SQL. */

#include <sqlite3.h>

#include "cairn-roles.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* The signed-in user of a store (cairn-user-store.c). */
typedef struct
{
  gint64 id;            /* 0: nobody signed in */
  char *name;
  char *display_name;
  CairnRole role;
  char *team;
} CairnStoreSession;

typedef gint64 (*CairnStoreNowFunc) (void);

CairnStoreSession *cairn_store_get_session   (CairnStore        *self);
void          cairn_store_session_clear      (CairnStoreSession *session);
gboolean      cairn_store_get_audit_capture  (CairnStore   *self);
void          cairn_store_set_audit_capture  (CairnStore   *self,
                                              gboolean      capture);
const char   *cairn_store_get_audit_time_override (CairnStore *self);
void          cairn_store_set_audit_time_override (CairnStore *self,
                                                   const char *timestamp);
void          cairn_store_get_sidecar_cache  (CairnStore   *self,
                                              gint64       *head_id,
                                              const char  **head_hash);
void          cairn_store_set_sidecar_cache  (CairnStore   *self,
                                              gint64        head_id,
                                              const char   *head_hash);
gint64        cairn_store_now                (CairnStore   *self);
gboolean      cairn_store_get_index_live     (CairnStore   *self);
void          cairn_store_set_index_live     (CairnStore   *self,
                                              gboolean      live);
gboolean      cairn_store_index_register_functions (CairnStore *self,
                                                    GError    **error);
gboolean      cairn_store_index_install_triggers (CairnStore  *self,
                                                  GError     **error);
gboolean      cairn_store_annual_install_triggers (CairnStore *self,
                                                   GError    **error);
gboolean      cairn_store_drop_row_triggers (CairnStore *self,
                                             GError    **error);
gboolean      cairn_store_restore_row_triggers (CairnStore *self,
                                                GError    **error);
void          cairn_store_set_now_func       (CairnStore   *self,
                                              CairnStoreNowFunc func);

sqlite3      *cairn_store_get_db        (CairnStore   *self);
sqlite3_stmt *cairn_store_prepare       (CairnStore   *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      cairn_store_exec          (CairnStore   *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      cairn_store_step_done     (CairnStore   *self,
                                         sqlite3_stmt *stmt,
                                         GError      **error);
void          cairn_store_set_db_error  (CairnStore   *self,
                                         GError      **error,
                                         const char   *what);
gboolean      cairn_store_lookup_id     (CairnStore   *self,
                                         const char   *sql,
                                         gint64        key,
                                         gint64       *id,
                                         GError      **error);
gint64        cairn_store_row_owner     (CairnStore   *self,
                                         const char   *sql,
                                         gint64        row_id,
                                         const char   *what,
                                         GError      **error);
/* The row of the child numbered @number (cairn-child-store.c); 0 with
 * "C-000123: no such child" when there is none. */
gint64        cairn_store_child_id      (CairnStore   *self,
                                         gint64        number,
                                         GError      **error);

void          cairn_bind_text           (sqlite3_stmt *stmt,
                                         int           idx,
                                         const char   *value);
void          cairn_bind_text_or_null   (sqlite3_stmt *stmt,
                                         int           idx,
                                         const char   *value);
void          cairn_bind_date           (sqlite3_stmt *stmt,
                                         int           idx,
                                         const GDate  *date);
void          cairn_bind_timestamp      (sqlite3_stmt *stmt,
                                         int           idx,
                                         const GDate  *date,
                                         int           minute_of_day);
void          cairn_bind_tristate       (sqlite3_stmt *stmt,
                                         int           idx,
                                         int           value);
char         *cairn_column_dup_text     (sqlite3_stmt *stmt,
                                         int           col);
const char   *cairn_column_text         (sqlite3_stmt *stmt,
                                         int           col);
void          cairn_column_date         (sqlite3_stmt *stmt,
                                         int           col,
                                         GDate        *out);
void          cairn_column_timestamp    (sqlite3_stmt *stmt,
                                         int           col,
                                         GDate        *out,
                                         int          *minute_of_day);
int           cairn_column_tristate     (sqlite3_stmt *stmt,
                                         int           col);

G_END_DECLS
