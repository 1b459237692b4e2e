/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cairn-store.h"

G_BEGIN_DECLS

/* A small synthetic serious case review, written through the store's own
 * functions: a child with a sibling, mother, father and mother's partner,
 * a social worker and a health visitor who referred, and review SCR-2012-01
 * whose narrative names them all (for the anonymiser to rewrite). Every name,
 * address and number here is made up; NHS numbers are from the 999 range. */

typedef struct
{
  char *db_path;
  gint64 child_number;
  gint64 sibling_number;
  gint64 scr_id;
  int year;
  int number;
  gint64 member_id;      /* a panel member (not a named officer) */
  char *child_nhs;       /* ten digits */
  char *child_upn;
} CairnTestScr;

/* Names the fixture uses, for tests to look for. */
#define FIX_CHILD_GIVEN "Amelia"
#define FIX_CHILD_FAMILY "Rosewood"
#define FIX_CHILD_ALIAS "Millie"
#define FIX_CHILD_DOB "2006-03-14"
#define FIX_SIBLING_GIVEN "Jayden"
#define FIX_FATHER_GIVEN "Darren"
#define FIX_FATHER_FAMILY "Pike"
#define FIX_FATHER_ALIAS "Daz"
#define FIX_PARTNER_GIVEN "Lee"
#define FIX_PARTNER_FAMILY "Stanton"
#define FIX_SCHOOL "Oakfield Primary School"
#define FIX_ADDRESS "14 Larch Close, Northbridge"
#define FIX_POSTCODE "NB3 7QT"
#define FIX_SOCIAL_WORKER "Priya Natarajan"
#define FIX_HEALTH_VISITOR "Gwen Tallis"
#define FIX_LSCB_CHAIR "Margaret Oyelaran"
#define FIX_PANEL_CHAIR "Howard Blenkinsop"
#define FIX_AUTHOR "Sian Carrow"
#define FIX_MEMBER "Tom Ferris"
#define FIX_MEMBER_TITLE "Head of Safeguarding"
#define FIX_BOARD "Northbridge Local Safeguarding Children Board"

/* Accounts added by cairn_test_scr_add_accounts(), all with this password:
 * "chair" (LSCB chair), "panel" (on SCR-2012-01's panel), "outsider" (a panel
 * member of no review), "auditor" and "practitioner" (team East). */
#define FIX_PASSWORD "correct horse battery"

void        cairn_test_scr_add_accounts (CairnStore   *store);
void        cairn_test_scr_login        (CairnStore   *store,
                                         const char   *name);

CairnStore *cairn_test_scr_fixture      (const char   *name,
                                         const char   *mother_given,
                                         CairnTestScr *out);
void        cairn_test_scr_clear        (CairnTestScr *fixture);
char       *cairn_test_nhs_number       (const char   *nine_digits);

G_END_DECLS
