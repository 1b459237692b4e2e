/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Code lists shared by the domain model, the store and the census reader.
 * Codes are those of the DfE Children in Need census (../shared/domain/cin-census.md §5);
 * labels are for people. */

typedef struct
{
  const char *code;
  const char *label;
} CairnCode;

typedef enum
{
  CAIRN_CODES_REFERRAL_SOURCE,
  CAIRN_CODES_PRIMARY_NEED,
  CAIRN_CODES_CLOSURE_REASON,
  CAIRN_CODES_ETHNICITY,
  CAIRN_CODES_DISABILITY,
  CAIRN_CODES_ASSESSMENT_FACTOR,
  CAIRN_CODES_CATEGORY,
  CAIRN_CODES_UPN_UNKNOWN,
  CAIRN_CODES_SEX,
  CAIRN_CODES_CONFERENCE_KIND,
  CAIRN_CODES_ASSESSMENT_KIND,
  CAIRN_CODES_RELATIONSHIP,
  CAIRN_CODES_ATTENDANCE,
  CAIRN_CODES_REFERRAL_DECISION,
  CAIRN_CODES_SCR_ACTION_STATUS,
  CAIRN_CODES_EVENT_KIND,
  CAIRN_CODES_S47_DECISION,
  CAIRN_CODES_CONFERENCE_STATUS,
  CAIRN_CODES_PLAN_DECISION,
  CAIRN_CODES_ACTION_STATUS,
  CAIRN_CODES_SEND_METHOD,
  CAIRN_CODES_SCR_STAGE,
  CAIRN_N_CODE_LISTS
} CairnCodeList;

const CairnCode *cairn_codes_get          (CairnCodeList  list,
                                           gsize         *n_codes);
const char      *cairn_codes_label        (CairnCodeList  list,
                                           const char    *code);
gboolean         cairn_codes_contains     (CairnCodeList  list,
                                           const char    *code);
gboolean         cairn_codes_check        (CairnCodeList  list,
                                           const char    *field,
                                           const char    *code,
                                           GError       **error);

G_END_DECLS
