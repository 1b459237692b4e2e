/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A child protection conference as the chair records it (Working Together
 * 2010 §2.3; 2013 §3.7): one child or a sibling group together, with shared
 * attendance and discussion, and for each child the decision, categories,
 * lead social worker, core group, outline plan, contingency and dissent.
 * Plain structs, loaded by cairn-conference-store.h and owned by the caller;
 * the computed dates come from cairn-conference-pathway.h. */

/**
 * CairnAttendee:
 * @agency_code: (nullable): the agency, or %NULL for the family, the child,
 *   an interpreter or an advocate
 * @attendance: a code of %CAIRN_CODES_ATTENDANCE
 * @copy: on the distribution list of the outcome and the minutes
 */
typedef struct
{
  gint64 id;
  char *name;
  char *role;
  char *agency_code;
  char *agency_name;
  char *agency_kind;
  char *attendance;
  char *contribution;
  gboolean copy;
} CairnAttendee;

typedef struct
{
  gint64 id;
  char *name;
  char *role;
  char *agency;
} CairnCoreGroupMember;

/**
 * CairnPlanAction:
 * @due_on: by when, as a date; or unset with @due_text ("weekly", "ongoing")
 *
 * One action of the outline child protection plan: what, who, by when.
 */
typedef struct
{
  gint64 id;
  char *action;
  char *owner;
  GDate due_on;
  char *due_text;
} CairnPlanAction;

/**
 * CairnConferenceSubject:
 * @likely_significant_harm: -1 not yet decided, 0 no, 1 yes
 * @plan_decision: (nullable): a code of %CAIRN_CODES_PLAN_DECISION, or %NULL
 *   while undecided
 * @categories: (element-type utf8): NEG, PHY, EMO, SAB
 * @first_core_group_on: the date the conference set for the first core group
 * @next_review_on: the date it set for the next review conference
 * @core_group_due: computed: the latest date for the first core group
 * @review_due: computed: the latest date for the next review
 *
 * One child of a conference: the decision about that child.
 */
typedef struct
{
  gint64 id;
  gint64 child_number;
  int case_number;
  char *child_name;
  GDate date_of_birth;
  GDate expected_birth_date;
  char *sex;
  int likely_significant_harm;
  char *plan_decision;
  GPtrArray *categories;
  char *lead_worker;
  char *lead_worker_agency;
  char *lead_body;
  char *outline_plan;
  char *contingency_plan;
  char *dissent;
  char *dissent_by;
  GDate first_core_group_on;
  GDate next_review_on;
  GPtrArray *core_group;     /* CairnCoreGroupMember */
  GPtrArray *actions;        /* CairnPlanAction */

  /* Computed by cairn_conference_compute_dates(). */
  char *edition;             /* short title of the edition that set the dates */
  GDate core_group_due;
  char *core_group_rule;     /* the rule's id ("W10-08") */
  char *core_group_source;   /* where its limit comes from */
  GDate review_due;
  char *review_rule;
  char *review_source;
} CairnConferenceSubject;

/**
 * CairnReceipt:
 *
 * Who received a version of a document, when and how.
 */
typedef struct
{
  gint64 id;
  char *name;
  char *role;
  char *agency;
  GDate sent_on;
  char *method;
} CairnReceipt;

/**
 * CairnDocumentKind:
 *
 * The documents issued from conferences and board meetings; each issue is a
 * numbered version.
 */
typedef enum
{
  CAIRN_DOCUMENT_OUTCOME,
  CAIRN_DOCUMENT_MINUTES,
  CAIRN_DOCUMENT_AGENDA,
  CAIRN_DOCUMENT_BOARD_MINUTES,
} CairnDocumentKind;

const char *cairn_document_kind_id    (CairnDocumentKind  kind);
const char *cairn_document_kind_label (CairnDocumentKind  kind);
gboolean    cairn_document_kind_from_id (const char       *id,
                                         CairnDocumentKind *out);

/**
 * CairnDocVersion:
 * @correction: (nullable): what a later version corrected
 * @receipts: (element-type CairnReceipt): who received this version
 */
typedef struct
{
  gint64 id;
  CairnDocumentKind document;
  int version;
  GDate issued_on;
  char *issued_by;
  char *correction;
  char *sha256;
  int n_pages;
  GPtrArray *receipts;
} CairnDocVersion;

/**
 * CairnConference:
 * @held_minute: the start time, or %CAIRN_NO_TIME
 * @quorate: -1 not recorded, 0 no, 1 yes (kept by the store from attendance)
 * @correction_reason: (nullable): set while an issued record is being corrected
 * @board_quorum: the board's quorum setting: agencies present, children's
 *   social care among them
 */
typedef struct
{
  gint64 id;
  int year;
  int number;
  char *kind;
  GDate held_on;
  int held_minute;
  char *venue;
  char *chair;
  char *chair_agency;
  char *minute_taker;
  int quorate;
  char *quorate_reason;
  char *status;
  char *parents_views;
  char *child_views;
  char *strengths;
  char *risks;
  char *correction_reason;
  char *board_name;
  int board_quorum;
  GPtrArray *attendees;      /* CairnAttendee */
  GPtrArray *subjects;       /* CairnConferenceSubject */
  GPtrArray *versions;       /* CairnDocVersion, oldest first */
} CairnConference;

CairnAttendee          *cairn_attendee_new              (void);
void                    cairn_attendee_free             (CairnAttendee          *attendee);
CairnCoreGroupMember   *cairn_core_group_member_new     (void);
void                    cairn_core_group_member_free    (CairnCoreGroupMember   *member);
CairnPlanAction        *cairn_plan_action_new           (void);
void                    cairn_plan_action_free          (CairnPlanAction        *action);
CairnConferenceSubject *cairn_conference_subject_new    (void);
void                    cairn_conference_subject_free   (CairnConferenceSubject *subject);
CairnReceipt           *cairn_receipt_new               (void);
void                    cairn_receipt_free              (CairnReceipt           *receipt);
CairnDocVersion        *cairn_doc_version_new           (void);
void                    cairn_doc_version_free          (CairnDocVersion        *version);
CairnConference        *cairn_conference_new            (void);
void                    cairn_conference_free           (CairnConference        *conference);

char       *cairn_conference_dup_ref          (const CairnConference        *conference);

gboolean    cairn_conference_subject_has_plan (const CairnConferenceSubject *subject);
char       *cairn_conference_subject_dup_name (const CairnConferenceSubject *subject);
char       *cairn_conference_subject_dup_categories_text (const CairnConferenceSubject *subject);
gboolean    cairn_conference_is_quorate       (const CairnConference        *conference,
                                               guint                        *n_agencies,
                                               gboolean                     *social_care_present);
gboolean    cairn_conference_validate_subject (const CairnConference        *conference,
                                               const CairnConferenceSubject *subject,
                                               GError                      **error);
gboolean    cairn_conference_validate_decisions (const CairnConference      *conference,
                                                 GError                    **error);
GPtrArray  *cairn_conference_list_distribution (const CairnConference       *conference);
const CairnDocVersion *cairn_conference_latest_version (const CairnConference *conference,
                                                        CairnDocumentKind      document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnAttendee, cairn_attendee_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnCoreGroupMember, cairn_core_group_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnPlanAction, cairn_plan_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnConferenceSubject, cairn_conference_subject_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnReceipt, cairn_receipt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnDocVersion, cairn_doc_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnConference, cairn_conference_free)

G_END_DECLS
