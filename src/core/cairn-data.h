/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where Cairn's data files live: guidance editions (pathways/), the bank
 * holiday calendar, and anything else under data/ that is read at run time. */

char *cairn_data_find_file (const char  *relative_path,
                            GError     **error);

G_END_DECLS
