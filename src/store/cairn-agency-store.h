/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-agency.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* Agencies and professionals, matched on their natural keys: an agency by
 * its code, a professional by name and agency code. The row ids returned
 * here are for other files of src/store; nothing outside it sees them. */

gboolean           cairn_store_find_agency          (CairnStore         *self,
                                                     const char         *code,
                                                     gint64             *id,
                                                     GError            **error);
gboolean           cairn_store_ensure_agency        (CairnStore         *self,
                                                     CairnAgency        *agency,
                                                     gint64             *id,
                                                     gboolean           *created,
                                                     GError            **error);

gboolean           cairn_store_find_professional    (CairnStore         *self,
                                                     const char         *name,
                                                     const char         *agency_code,
                                                     gint64             *id,
                                                     GError            **error);
gboolean           cairn_store_ensure_professional  (CairnStore         *self,
                                                     CairnProfessional  *professional,
                                                     gint64             *id,
                                                     gboolean           *created,
                                                     GError            **error);

G_END_DECLS
