/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cairn-child.h"

G_BEGIN_DECLS

/* How far a referral may precede the date of birth or expected date of birth. */
#define CAIRN_MAX_PRE_BIRTH_REFERRAL_DAYS 280

/**
 * CairnReferral:
 *
 * The referral that opens a case (one episode of need).
 */
typedef struct
{
  GDate received_on;
  int received_minute;          /* CAIRN_NO_TIME when only the date is known */
  char *channel;                /* phone, written, online, in_person */
  char *source_code;            /* census ReferralSource */
  char *source_agency;          /* agency code */
  char *referrer_name;
  char *concern;
  char *primary_need_code;      /* census PrimaryNeedCode */
  char *decision;               /* CAIRN_CODES_REFERRAL_DECISION */
  gboolean nfa;
} CairnReferral;

CairnReferral *cairn_referral_new      (void);
void           cairn_referral_free     (CairnReferral    *referral);
gboolean       cairn_referral_validate (CairnReferral    *referral,
                                        const CairnChild *child,
                                        const GDate      *today,
                                        GError          **error);

/**
 * CairnEvent:
 *
 * One significant event in a case's chronology: what happened (a kind from
 * %CAIRN_CODES_EVENT_KIND), when, who recorded it, and whether the child
 * was seen, and seen alone.
 */
typedef struct
{
  gint64 id;                    /* 0 until stored */
  char *kind;
  GDate date;
  int minute;                   /* CAIRN_NO_TIME when only the date is known */
  gboolean planned;             /* a future appointment, not yet happened */
  char *outcome;
  char *recorded_by;            /* professional's name */
  int child_seen;               /* -1 not recorded, 0 no, 1 yes */
  int seen_alone;               /* -1 not recorded, 0 no, 1 yes */
  char *not_seen_alone_reason;
  char *notes;
  char *exception_reason;       /* why an out-of-order step was recorded */
  char *late_reason;            /* why a timescale was missed */
} CairnEvent;

CairnEvent *cairn_event_new      (void);
CairnEvent *cairn_event_copy     (const CairnEvent *event);
void        cairn_event_free     (CairnEvent       *event);
gboolean    cairn_event_validate (CairnEvent       *event,
                                  const GDate      *today,
                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnReferral, cairn_referral_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnEvent, cairn_event_free)

G_END_DECLS
