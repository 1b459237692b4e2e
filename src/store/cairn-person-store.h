/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-child.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* People linked to children (parents, carers, household members). A person
 * is matched on given name, family name and date of birth; a person whose
 * date of birth is not known is never matched, so that two different
 * people who share a name are not merged. Row ids are for src/store only. */

gboolean     cairn_store_find_person      (CairnStore        *self,
                                           const CairnPerson *person,
                                           gint64            *id,
                                           GError           **error);
gboolean     cairn_store_ensure_person    (CairnStore        *self,
                                           CairnPerson       *person,
                                           gint64            *id,
                                           gboolean          *created,
                                           GError           **error);

G_END_DECLS
