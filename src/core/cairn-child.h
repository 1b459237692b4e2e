/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CairnChild:
 *
 * A child known to the board: identity, characteristics and the census
 * identifiers. Dates are unset (see cairn_date_clear()) when unknown; an
 * unborn child has an expected birth date and no date of birth.
 */
typedef struct
{
  gint64 number;               /* the 123 of C-000123; 0 until stored */
  char *given_name;
  char *family_name;
  char *other_names;
  char *aliases;               /* other names the child is known by, one per line */
  GDate date_of_birth;
  GDate expected_birth_date;
  GDate date_of_death;
  char *sex;                   /* M, F, U */
  char *gender_current;        /* census 2022-24: 0, 1, 2, 9 */
  char *ethnicity;             /* census code */
  char *religion;
  char *first_language;
  gboolean interpreter_needed;
  char *nhs_number;
  char *la_child_id;
  char *upn;
  char *former_upn;
  char *upn_unknown;
  char *address;
  char *postcode;
  char *school;
  char *gp;
  char *legal_status;
  gboolean looked_after;
  gboolean transferred_in;
  GPtrArray *disabilities;     /* census codes */
} CairnChild;

CairnChild *cairn_child_new       (void);
void        cairn_child_free      (CairnChild  *child);
gboolean    cairn_child_validate  (CairnChild  *child,
                                   const GDate *today,
                                   GError     **error);
gboolean    cairn_child_is_unborn (const CairnChild *child);
const GDate *cairn_child_get_birth_or_expected (const CairnChild *child);
char       *cairn_child_dup_display_name (const CairnChild *child);

/**
 * CairnPerson:
 *
 * An adult or another child linked to a child's record (parent, carer,
 * sibling not known as a case in their own right).
 */
typedef struct
{
  char *given_name;
  char *family_name;
  char *aliases;
  GDate date_of_birth;
  char *sex;
  char *address;
  char *postcode;
  char *phone;
} CairnPerson;

CairnPerson *cairn_person_new      (void);
void         cairn_person_free     (CairnPerson *person);
gboolean     cairn_person_validate (CairnPerson *person,
                                    const GDate *today,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnChild, cairn_child_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnPerson, cairn_person_free)

G_END_DECLS
