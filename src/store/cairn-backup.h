/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cairn-store.h"

G_BEGIN_DECLS

typedef void (*CairnProgressFunc) (double   fraction,
                                   gpointer user_data);

gboolean cairn_store_backup   (CairnStore        *self,
                               const char        *backup_path,
                               const char        *passphrase,
                               CairnProgressFunc  progress,
                               gpointer           progress_data,
                               GCancellable      *cancellable,
                               GError           **error);
gboolean cairn_backup_restore (const char        *backup_path,
                               const char        *db_path,
                               const char        *passphrase,
                               GError           **error);

G_END_DECLS
