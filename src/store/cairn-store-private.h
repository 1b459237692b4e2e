/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For src/store only: the SQLite handle and statement helpers. Nothing
 * outside src/store includes this file or writes SQL. */

#include <sqlite3.h>

#include "cairn-store.h"

G_BEGIN_DECLS

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
