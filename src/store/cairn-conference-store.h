/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-agency.h"
#include "cairn-conference.h"
#include "cairn-ref.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* Child protection conferences as the chair records them during the
 * meeting. Every setter changes one field in its own transaction, so that
 * an editor can save each field as it is typed (a crash loses at most the
 * field being typed); a refused value leaves the database unchanged and the
 * error names the field and the value. Only a draft can be changed:
 * approved and issued records are fixed until the chair reopens them (an
 * issued record reopens only as a correction, with its reason). Needs the
 * right to record conferences; reading needs the right to view cases. */

typedef enum
{
  CAIRN_CONFERENCE_FIELD_HELD_AT,          /* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" */
  CAIRN_CONFERENCE_FIELD_VENUE,
  CAIRN_CONFERENCE_FIELD_CHAIR,            /* a professional's name */
  CAIRN_CONFERENCE_FIELD_MINUTE_TAKER,
  CAIRN_CONFERENCE_FIELD_QUORATE_REASON,
  CAIRN_CONFERENCE_FIELD_PARENTS_VIEWS,
  CAIRN_CONFERENCE_FIELD_CHILD_VIEWS,
  CAIRN_CONFERENCE_FIELD_STRENGTHS,
  CAIRN_CONFERENCE_FIELD_RISKS,
  CAIRN_CONFERENCE_N_FIELDS
} CairnConferenceField;

typedef enum
{
  CAIRN_SUBJECT_FIELD_LIKELY_SIGNIFICANT_HARM,  /* "yes", "no" or "" */
  CAIRN_SUBJECT_FIELD_PLAN_DECISION,            /* start, continue, end, none or "" */
  CAIRN_SUBJECT_FIELD_LEAD_WORKER,              /* a professional's name */
  CAIRN_SUBJECT_FIELD_LEAD_BODY,
  CAIRN_SUBJECT_FIELD_OUTLINE_PLAN,
  CAIRN_SUBJECT_FIELD_CONTINGENCY_PLAN,
  CAIRN_SUBJECT_FIELD_DISSENT,
  CAIRN_SUBJECT_FIELD_DISSENT_BY,
  CAIRN_SUBJECT_FIELD_FIRST_CORE_GROUP_ON,      /* "YYYY-MM-DD" or "" */
  CAIRN_SUBJECT_FIELD_NEXT_REVIEW_ON,           /* "YYYY-MM-DD" or "" */
  CAIRN_SUBJECT_N_FIELDS
} CairnSubjectField;

typedef enum
{
  CAIRN_ATTENDEE_FIELD_NAME,
  CAIRN_ATTENDEE_FIELD_ROLE,
  CAIRN_ATTENDEE_FIELD_AGENCY,                  /* an agency code, or "" for none */
  CAIRN_ATTENDEE_FIELD_ATTENDANCE,              /* a code of CAIRN_CODES_ATTENDANCE */
  CAIRN_ATTENDEE_FIELD_CONTRIBUTION,
  CAIRN_ATTENDEE_FIELD_COPY,                    /* "yes" or "no" */
  CAIRN_ATTENDEE_N_FIELDS
} CairnAttendeeField;

typedef enum
{
  CAIRN_CORE_GROUP_FIELD_NAME,
  CAIRN_CORE_GROUP_FIELD_ROLE,
  CAIRN_CORE_GROUP_FIELD_AGENCY,
  CAIRN_CORE_GROUP_N_FIELDS
} CairnCoreGroupField;

typedef enum
{
  CAIRN_PLAN_ACTION_FIELD_ACTION,
  CAIRN_PLAN_ACTION_FIELD_OWNER,
  CAIRN_PLAN_ACTION_FIELD_DUE_ON,               /* "YYYY-MM-DD" or "" */
  CAIRN_PLAN_ACTION_FIELD_DUE_TEXT,
  CAIRN_PLAN_ACTION_N_FIELDS
} CairnPlanActionField;

const char *cairn_conference_field_label  (CairnConferenceField field);
const char *cairn_subject_field_label     (CairnSubjectField    field);
const char *cairn_attendee_field_label    (CairnAttendeeField   field);

gboolean         cairn_store_create_conference   (CairnStore         *self,
                                                  const char         *kind,
                                                  const GDate        *held_on,
                                                  int                 held_minute,
                                                  const CairnRef     *cases,
                                                  guint               n_cases,
                                                  CairnRef           *out,
                                                  GError            **error);
CairnConference *cairn_store_get_conference      (CairnStore         *self,
                                                  int                 year,
                                                  int                 number,
                                                  GError            **error);
gint64           cairn_store_find_conference     (CairnStore         *self,
                                                  int                 year,
                                                  int                 number,
                                                  GError            **error);

gboolean cairn_store_set_conference_field  (CairnStore            *self,
                                            gint64                 conference_id,
                                            CairnConferenceField   field,
                                            const char            *value,
                                            GError               **error);
gboolean cairn_store_set_subject_field     (CairnStore            *self,
                                            gint64                 subject_id,
                                            CairnSubjectField      field,
                                            const char            *value,
                                            GError               **error);
gboolean cairn_store_set_subject_category  (CairnStore            *self,
                                            gint64                 subject_id,
                                            const char            *category,
                                            gboolean               on,
                                            GError               **error);

gboolean cairn_store_add_conference_attendee    (CairnStore       *self,
                                                 gint64            conference_id,
                                                 CairnAttendee    *attendee,
                                                 GError          **error);
gboolean cairn_store_set_attendee_field         (CairnStore       *self,
                                                 gint64            attendee_id,
                                                 CairnAttendeeField field,
                                                 const char       *value,
                                                 GError          **error);
gboolean cairn_store_remove_conference_attendee (CairnStore       *self,
                                                 gint64            attendee_id,
                                                 GError          **error);

gboolean cairn_store_add_core_group_member      (CairnStore       *self,
                                                 gint64            subject_id,
                                                 CairnCoreGroupMember *member,
                                                 GError          **error);
gboolean cairn_store_set_core_group_field       (CairnStore       *self,
                                                 gint64            member_id,
                                                 CairnCoreGroupField field,
                                                 const char       *value,
                                                 GError          **error);
gboolean cairn_store_remove_core_group_member   (CairnStore       *self,
                                                 gint64            member_id,
                                                 GError          **error);

gboolean cairn_store_add_plan_action            (CairnStore       *self,
                                                 gint64            subject_id,
                                                 CairnPlanAction  *action,
                                                 GError          **error);
gboolean cairn_store_set_plan_action_field      (CairnStore       *self,
                                                 gint64            action_id,
                                                 CairnPlanActionField field,
                                                 const char       *value,
                                                 GError          **error);
gboolean cairn_store_remove_plan_action         (CairnStore       *self,
                                                 gint64            action_id,
                                                 GError          **error);

/* Status: draft → approved → issued. */
gboolean cairn_store_approve_conference   (CairnStore      *self,
                                           gint64           conference_id,
                                           GError         **error);
gboolean cairn_store_reopen_conference    (CairnStore      *self,
                                           gint64           conference_id,
                                           const char      *correction,
                                           GError         **error);
gboolean cairn_store_add_conference_version (CairnStore     *self,
                                             gint64          conference_id,
                                             CairnDocVersion *version,
                                             GError        **error);
gboolean cairn_store_add_document_receipt (CairnStore      *self,
                                           gint64           version_id,
                                           CairnReceipt    *receipt,
                                           GError         **error);
const char *cairn_store_get_issuer_name   (CairnStore      *self);

/* The conferences' children's plans, kept from the decisions when the chair
 * approves (cairn_conference_approve() in cairn-conference-pathway.h). */
gboolean cairn_store_apply_conference_plans (CairnStore     *self,
                                             gint64          conference_id,
                                             GError        **error);

/* The board's agencies (CairnAgency), for choosing an attendee's agency. */
GPtrArray *cairn_store_list_agencies      (CairnStore      *self,
                                           GError         **error);
gboolean   cairn_store_record_conference_read (CairnStore   *self,
                                               const CairnConference *conference,
                                               const char   *what,
                                               GError      **error);

G_END_DECLS
