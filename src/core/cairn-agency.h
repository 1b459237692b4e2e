/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CairnAgency:
 *
 * An agency that refers, attends conferences or employs professionals
 * (police, a school, a health trust, children's social care). Named by its
 * code, which is unique on a board.
 */
typedef struct
{
  char *code;
  char *name;
  char *kind;                  /* free text; "other" when not known */
} CairnAgency;

CairnAgency *cairn_agency_new      (void);
void         cairn_agency_free     (CairnAgency *agency);
gboolean     cairn_agency_validate (CairnAgency *agency,
                                    GError     **error);

/**
 * CairnProfessional:
 *
 * A named worker of an agency: social worker, conference chair, core group
 * member. Named by name and agency code, which together are unique.
 */
typedef struct
{
  char *name;
  char *agency_code;
  char *role;
  char *team;
  gboolean qualified_social_worker;
} CairnProfessional;

CairnProfessional *cairn_professional_new      (void);
void               cairn_professional_free     (CairnProfessional *professional);
gboolean           cairn_professional_validate (CairnProfessional *professional,
                                                GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnAgency, cairn_agency_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnProfessional, cairn_professional_free)

G_END_DECLS
