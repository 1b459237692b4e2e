/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The census code lists, per census year (cin-census.md §5, §10). Years are
 * collection years: the Year of the header, 2024 for the 2023-24 census.
 * Lists that never changed are the ones of cairn-codes.h; the rest are data
 * in cairn-cin-codes.c, one entry per list and span of years. */

typedef enum
{
  CAIRN_CIN_CODES_REFERRAL_SOURCE,   /* ReferralSource (5.1) */
  CAIRN_CIN_CODES_PRIMARY_NEED,      /* PrimaryNeedCode (5.2) */
  CAIRN_CIN_CODES_CLOSURE_REASON,    /* ReasonForClosure (5.3) */
  CAIRN_CIN_CODES_ETHNICITY,         /* Ethnicity (5.4) */
  CAIRN_CIN_CODES_DISABILITY,        /* Disability (5.5) */
  CAIRN_CIN_CODES_ASSESSMENT_FACTOR, /* AssessmentFactors (5.6) */
  CAIRN_CIN_CODES_CATEGORY,          /* Initial/LatestCategoryOfAbuse (5.7) */
  CAIRN_CIN_CODES_GENDER,            /* GenderCurrent (5.8), 2022-23 and 2023-24 */
  CAIRN_CIN_CODES_SEX,               /* Sex (5.8), from 2024-25 */
  CAIRN_CIN_CODES_UPN_UNKNOWN,       /* UPNunknown (5.9) */
  CAIRN_CIN_CODES_LA,                /* UPN characters 2–4 (5.11) */
  CAIRN_CIN_N_CODE_LISTS
} CairnCinCodeList;

gboolean cairn_cin_codes_in_force (CairnCinCodeList list,
                                   int              year);
gboolean cairn_cin_codes_contains (CairnCinCodeList list,
                                   int              year,
                                   const char      *code);

G_END_DECLS
