/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cairn-ref.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* A small synthetic board for the conference and board minutes tests,
 * written through the store's own functions: two siblings, Amelia and Ben
 * Testperson, each with a case referred on 1 March 2011 and section 47
 * enquiries from a strategy discussion on 1 April 2011; four agencies
 * (children's social care, police, community health, a school). Every name
 * here is made up. */

#define FIX_BOARD "Testshire Safeguarding Children Board"
#define FIX_CONFERENCE_DAY "2011-04-20"
#define FIX_CHAIR "Morgan Chairwell"
#define FIX_SOCIAL_WORKER "Sam Fieldworker"
#define FIX_POLICE "Pat Constable"
#define FIX_HEALTH_VISITOR "Hannah Visitor"
#define FIX_TEACHER "Olive Teacher"
#define FIX_MOTHER "Kerry Testperson"
#define FIX_FATHER "Dean Testperson"
#define FIX_DISSENT "The police representative would have recorded physical abuse as well."
#define FIX_CONTINGENCY "If Dean returns to the home, a legal planning meeting will be held."

typedef struct
{
  char *db_path;
  gint64 amelia;
  gint64 ben;
  CairnRef conference;    /* the siblings' initial conference, once made */
  gint64 conference_id;
  gint64 amelia_subject;
  gint64 ben_subject;
} CairnTestMinutes;

CairnStore *cairn_test_minutes_board      (const char       *name,
                                           CairnTestMinutes *fix);
void        cairn_test_minutes_conference (CairnStore       *store,
                                           CairnTestMinutes *fix,
                                           gboolean          decided);
void        cairn_test_minutes_clear      (CairnTestMinutes *fix);

G_END_DECLS
