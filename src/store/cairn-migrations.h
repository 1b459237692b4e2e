/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Schema migrations, applied in order from PRAGMA user_version. Migration i
 * takes a database from version i to version i + 1. Append, never edit. */

typedef struct
{
  const char *summary;
  const char *sql;
} CairnMigration;

const CairnMigration *cairn_migrations_get (guint *n_migrations);

G_END_DECLS
