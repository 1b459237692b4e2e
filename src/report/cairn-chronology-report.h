/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-document.h"
#include "cairn-store.h"

G_BEGIN_DECLS

CairnDocument *cairn_chronology_report_build (CairnStore  *store,
                                              gint64       child_number,
                                              int          case_number,
                                              GError     **error);
gboolean       cairn_chronology_report_write (CairnStore  *store,
                                              gint64       child_number,
                                              int          case_number,
                                              const char  *path,
                                              guint       *n_pages,
                                              GError     **error);

G_END_DECLS
