/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-store.h"

G_BEGIN_DECLS

/* Bulk writing of a generated board (cairn-demo.c) into a fresh database:
 * one insert function per table, each with its statement prepared once,
 * all inside one transaction. Records are plain structs whose fields match
 * the columns of src/store/cairn-migrations.c.
 *
 * Conventions: a day is a GDate Julian day number (g_date_get_julian()),
 * 0 for none (NULL); a minute is minutes after midnight or CAIRN_NO_TIME
 * for a plain date; a tristate is -1 (NULL, not recorded), 0 or 1; an id of
 * 0 and a NULL string are NULL. Strings are borrowed for the call.
 *
 * The insert functions do not return errors one by one: the first failure
 * is kept by the writer, later inserts do nothing and return 0, and
 * cairn_demo_writer_check() reports it. */

typedef guint32 CairnDemoDay;

typedef struct _CairnDemoWriter CairnDemoWriter;

typedef struct
{
  const char *name;
  const char *area;
  const char *la_code;
  gint64 child_population;
  int conference_quorum;
} CairnDemoBoard;

typedef struct
{
  const char *name;
  const char *role;
  gint64 agency_id;
  const char *team;
  gboolean qualified_social_worker;
} CairnDemoProfessional;

typedef struct
{
  const char *name;
  const char *role;
  gint64 agency_id;
  gboolean lay_member;
  CairnDemoDay joined_on;
  CairnDemoDay left_on;
} CairnDemoBoardMember;

typedef struct
{
  gint64 number;
  const char *given_name;
  const char *family_name;
  const char *other_names;
  const char *aliases;
  CairnDemoDay date_of_birth;
  CairnDemoDay expected_birth_date;
  CairnDemoDay date_of_death;
  const char *sex;
  const char *ethnicity;
  const char *religion;
  const char *first_language;
  gboolean interpreter_needed;
  const char *nhs_number;
  const char *la_child_id;
  const char *upn;
  const char *former_upn;
  const char *upn_unknown;
  const char *address;
  const char *postcode;
  const char *school;
  const char *gp;
  const char *legal_status;
  gboolean looked_after;
  gboolean transferred_in;
} CairnDemoChild;

typedef struct
{
  const char *given_name;
  const char *family_name;
  const char *aliases;
  CairnDemoDay date_of_birth;
  const char *sex;
  const char *address;
  const char *postcode;
  const char *phone;
} CairnDemoPerson;

typedef struct
{
  gint64 child_id;
  gint64 person_id;
  const char *relationship;
  gboolean parental_responsibility;
  gboolean lives_with_child;
  gboolean poses_risk;
  const char *notes;
} CairnDemoRelationship;

typedef struct
{
  gint64 child_id;
  int number;
  CairnDemoDay opened_on;
  CairnDemoDay closed_on;
  const char *closure_reason;
  gint64 lead_worker_id;
  const char *team;
  CairnDemoDay initial_cpc_on;
} CairnDemoCase;

typedef struct
{
  gint64 case_id;
  CairnDemoDay received_on;
  int received_minute;
  const char *channel;
  const char *source_code;
  gint64 source_agency_id;
  const char *referrer_name;
  const char *concern;
  const char *primary_need_code;
  const char *decision;
  CairnDemoDay decided_on;
  int decided_minute;
  gboolean nfa;
} CairnDemoReferral;

typedef struct
{
  gint64 case_id;
  const char *kind;
  CairnDemoDay started_on;
  CairnDemoDay internal_review_on;
  CairnDemoDay authorised_on;
  gint64 social_worker_id;
  int child_seen;
  const char *outcome;
} CairnDemoAssessment;

typedef struct
{
  gint64 case_id;
  CairnDemoDay held_on;
  int held_minute;
  const char *format;
  const char *s47_decision;
  gboolean criminal_investigation;
  const char *notes;
} CairnDemoStrategy;

typedef struct
{
  gint64 case_id;
  gint64 strategy_discussion_id;
  CairnDemoDay started_on;
  CairnDemoDay completed_on;
  CairnDemoDay icpc_target_on;
  CairnDemoDay icpc_on;
  gboolean icpc_not_required;
  const char *outcome;
} CairnDemoS47;

typedef struct
{
  gint64 case_id;
  const char *kind;
  CairnDemoDay started_on;
  int started_minute;
  CairnDemoDay ended_on;
  int ended_minute;
  const char *court;
} CairnDemoLegalOrder;

typedef struct
{
  int year;
  const char *kind;
  CairnDemoDay held_on;
  int held_minute;
  const char *venue;
  gint64 chair_id;
  const char *minute_taker;
  int quorate;
  const char *quorate_reason;
  const char *status;
  const char *parents_views;
  const char *child_views;
  const char *strengths;
  const char *risks;
} CairnDemoConference;

typedef struct
{
  gint64 conference_id;
  gint64 case_id;
  int likely_significant_harm;
  const char *plan_decision;
  gint64 lead_worker_id;
  const char *outline_plan;
  const char *contingency_plan;
  const char *dissent;
  CairnDemoDay next_review_on;
} CairnDemoConferenceSubject;

typedef struct
{
  gint64 conference_id;
  const char *name;
  const char *role;
  gint64 agency_id;
  const char *attendance;
  const char *contribution;
} CairnDemoAttendee;

typedef struct
{
  gint64 case_id;
  CairnDemoDay started_on;
  CairnDemoDay ended_on;
  const char *end_reason;
  const char *initial_category;
  const char *latest_category;
  int previous_plans;
  gint64 lead_worker_id;
  const char *contingency_plan;
} CairnDemoPlan;

typedef struct
{
  gint64 case_id;
  const char *kind;
  CairnDemoDay day;
  int minute;
  gboolean planned;
  const char *outcome;
  const char *recorded_by;
  int child_seen;
  int seen_alone;
  const char *not_seen_alone_reason;
  const char *notes;
  const char *exception_reason;
  const char *late_reason;
} CairnDemoEvent;

typedef struct
{
  int year;
  int number;
  gint64 child_id;
  const char *title;
  const char *criterion;
  const char *trigger_summary;
  CairnDemoDay incident_on;
  CairnDemoDay notified_on;
  const char *decision;
  CairnDemoDay decision_on;
  const char *stage;
  const char *lscb_chair;
  const char *panel_chair;
  const char *overview_author;
  const char *independence_statement;
  const char *parallel_processes;
  const char *family_involvement;
  CairnDemoDay scope_from;
  CairnDemoDay scope_to;
  CairnDemoDay completed_on;
  CairnDemoDay sent_to_ofsted_on;
  CairnDemoDay published_on;
  const char *date_display;     /* "age" or "month_year" (NULL) */
} CairnDemoScr;

typedef struct
{
  gint64 recommendation_id;
  const char *action;
  const char *agencies;
  const char *responsible;
  const char *monitored_by;
  CairnDemoDay due_on;
  const char *status;
  const char *progress;
  CairnDemoDay completed_on;
  const char *evaluation;
} CairnDemoScrAction;

typedef struct
{
  gint64 meeting_id;
  int item;
  int sub_item;
  const char *title;
  const char *presenter;
  const char *purpose;
  const char *pages;
  int minute_number;
  const char *minutes;
  const char *standing;   /* apologies, previous_minutes, aob, next_meeting, or NULL */
} CairnDemoAgendaItem;

typedef struct
{
  gint64 agenda_item_id;
  const char *action;
  const char *owner;
  CairnDemoDay due_on;
  const char *status;
  CairnDemoDay closed_on;
} CairnDemoActionPoint;

CairnDemoWriter *cairn_demo_writer_new   (CairnStore       *store,
                                          GError          **error);
void      cairn_demo_writer_free         (CairnDemoWriter  *self);
gboolean  cairn_demo_writer_begin        (CairnDemoWriter  *self,
                                          GError          **error);
gboolean  cairn_demo_writer_number_conferences (CairnDemoWriter *self,
                                          GError          **error);
gboolean  cairn_demo_writer_restore_triggers (CairnDemoWriter *self,
                                          GError          **error);
gboolean  cairn_demo_writer_commit       (CairnDemoWriter  *self,
                                          GError          **error);
void      cairn_demo_writer_rollback     (CairnDemoWriter  *self);
gboolean  cairn_demo_writer_check        (CairnDemoWriter  *self,
                                          GError          **error);

void      cairn_demo_add_setting         (CairnDemoWriter  *self,
                                          const char       *key,
                                          const char       *value);
void      cairn_demo_add_board           (CairnDemoWriter  *self,
                                          const CairnDemoBoard *board);
gint64    cairn_demo_add_agency          (CairnDemoWriter  *self,
                                          const char       *code,
                                          const char       *name,
                                          const char       *kind);
gint64    cairn_demo_add_professional    (CairnDemoWriter  *self,
                                          const CairnDemoProfessional *r);
gint64    cairn_demo_add_board_member    (CairnDemoWriter  *self,
                                          const CairnDemoBoardMember *r);
gint64    cairn_demo_add_child           (CairnDemoWriter  *self,
                                          const CairnDemoChild *r);
void      cairn_demo_add_disability      (CairnDemoWriter  *self,
                                          gint64            child_id,
                                          const char       *code);
gint64    cairn_demo_add_person          (CairnDemoWriter  *self,
                                          const CairnDemoPerson *r);
void      cairn_demo_add_relationship    (CairnDemoWriter  *self,
                                          const CairnDemoRelationship *r);
void      cairn_demo_add_child_link      (CairnDemoWriter  *self,
                                          gint64            child_id,
                                          gint64            other_child_id,
                                          const char       *relationship);
void      cairn_demo_add_external_link   (CairnDemoWriter  *self,
                                          gint64            child_id,
                                          const char       *other_reference,
                                          const char       *other_given_name,
                                          const char       *other_family_name,
                                          CairnDemoDay      other_date_of_birth,
                                          const char       *relationship);
gint64    cairn_demo_add_case            (CairnDemoWriter  *self,
                                          const CairnDemoCase *r);
gint64    cairn_demo_add_referral        (CairnDemoWriter  *self,
                                          const CairnDemoReferral *r);
gint64    cairn_demo_add_assessment      (CairnDemoWriter  *self,
                                          const CairnDemoAssessment *r);
void      cairn_demo_add_assessment_factor (CairnDemoWriter *self,
                                          gint64            assessment_id,
                                          const char       *code);
gint64    cairn_demo_add_cin_plan        (CairnDemoWriter  *self,
                                          gint64            case_id,
                                          CairnDemoDay      started_on,
                                          CairnDemoDay      ended_on);
gint64    cairn_demo_add_strategy        (CairnDemoWriter  *self,
                                          const CairnDemoStrategy *r);
gint64    cairn_demo_add_s47             (CairnDemoWriter  *self,
                                          const CairnDemoS47 *r);
gint64    cairn_demo_add_legal_order     (CairnDemoWriter  *self,
                                          const CairnDemoLegalOrder *r);
gint64    cairn_demo_add_conference      (CairnDemoWriter  *self,
                                          const CairnDemoConference *r);
gint64    cairn_demo_add_conference_subject (CairnDemoWriter *self,
                                          const CairnDemoConferenceSubject *r);
void      cairn_demo_add_subject_category (CairnDemoWriter *self,
                                          gint64            subject_id,
                                          const char       *category);
void      cairn_demo_add_attendee        (CairnDemoWriter  *self,
                                          const CairnDemoAttendee *r);
gint64    cairn_demo_add_plan            (CairnDemoWriter  *self,
                                          const CairnDemoPlan *r);
void      cairn_demo_add_plan_category   (CairnDemoWriter  *self,
                                          gint64            plan_id,
                                          const char       *category);
void      cairn_demo_add_plan_review     (CairnDemoWriter  *self,
                                          gint64            plan_id,
                                          CairnDemoDay      review_on);
void      cairn_demo_add_core_group_member (CairnDemoWriter *self,
                                          gint64            plan_id,
                                          gint64            professional_id);
void      cairn_demo_add_core_group_meeting (CairnDemoWriter *self,
                                          gint64            plan_id,
                                          CairnDemoDay      held_on,
                                          const char       *notes);
void      cairn_demo_add_event           (CairnDemoWriter  *self,
                                          const CairnDemoEvent *r);
gint64    cairn_demo_add_scr             (CairnDemoWriter  *self,
                                          const CairnDemoScr *r);
gint64    cairn_demo_add_scr_panel_member (CairnDemoWriter *self,
                                          gint64            scr_id,
                                          const char       *name,
                                          const char       *job_title,
                                          const char       *organisation);
void      cairn_demo_add_scr_pseudonym   (CairnDemoWriter  *self,
                                          gint64            scr_id,
                                          const char       *subject_key,
                                          const char       *pseudonym);
void      cairn_demo_add_scr_release     (CairnDemoWriter  *self,
                                          gint64            scr_id,
                                          const char       *word,
                                          gint64            panel_member_id,
                                          const char       *reason,
                                          CairnDemoDay      released_on);
void      cairn_demo_add_scr_imr         (CairnDemoWriter  *self,
                                          gint64            scr_id,
                                          gint64            agency_id,
                                          const char       *author,
                                          CairnDemoDay      received_on);
void      cairn_demo_add_scr_section     (CairnDemoWriter  *self,
                                          gint64            scr_id,
                                          const char       *section,
                                          const char       *body);
gint64    cairn_demo_add_scr_recommendation (CairnDemoWriter *self,
                                          gint64            scr_id,
                                          int               number,
                                          const char       *body,
                                          const char       *source);
gint64    cairn_demo_add_scr_action      (CairnDemoWriter  *self,
                                          const CairnDemoScrAction *r);
void      cairn_demo_add_scr_action_history (CairnDemoWriter *self,
                                          gint64            action_id,
                                          CairnDemoDay      as_of,
                                          const char       *status,
                                          const char       *progress);
gint64    cairn_demo_add_meeting         (CairnDemoWriter  *self,
                                          int               year,
                                          int               number,
                                          CairnDemoDay      held_on,
                                          const char       *venue,
                                          const char       *chair,
                                          const char       *status,
                                          const char       *starts_at,
                                          const char       *ends_at);
void      cairn_demo_add_meeting_attendance (CairnDemoWriter *self,
                                          gint64            meeting_id,
                                          const char       *name,
                                          const char       *role,
                                          const char       *agency,
                                          const char       *attendance);
gint64    cairn_demo_add_agenda_item     (CairnDemoWriter  *self,
                                          const CairnDemoAgendaItem *r);
void      cairn_demo_add_resolution      (CairnDemoWriter  *self,
                                          gint64            agenda_item_id,
                                          const char       *body);
gint64    cairn_demo_add_action_point    (CairnDemoWriter  *self,
                                          const CairnDemoActionPoint *r);
void      cairn_demo_add_action_update   (CairnDemoWriter  *self,
                                          gint64            action_id,
                                          gint64            meeting_id,
                                          const char       *note);
void      cairn_demo_add_conference_core_group (CairnDemoWriter *self,
                                          gint64            subject_id,
                                          gint64            professional_id);
void      cairn_demo_add_plan_action     (CairnDemoWriter  *self,
                                          gint64            subject_id,
                                          const char       *action,
                                          const char       *owner,
                                          CairnDemoDay      due_on,
                                          const char       *due_text);

/* The annual report's figures that are not case events (cairn-annual-store.h). */
void      cairn_demo_add_child_population (CairnDemoWriter *self,
                                           int              year,
                                           gint64           children,
                                           const char      *source);
void      cairn_demo_add_contacts        (CairnDemoWriter  *self,
                                          int               year,
                                          const char       *source_code,
                                          gint64            contacts);
void      cairn_demo_add_child_deaths    (CairnDemoWriter  *self,
                                          int               year,
                                          gint64            notified,
                                          gint64            reviewed,
                                          gint64            unexpected,
                                          gint64            modifiable);
void      cairn_demo_add_private_fostering (CairnDemoWriter *self,
                                            int              year,
                                            gint64           notifications,
                                            gint64           arrangements);
void      cairn_demo_add_training        (CairnDemoWriter  *self,
                                          int               year,
                                          const char       *title,
                                          gboolean          multi_agency,
                                          int               sessions,
                                          int               attendees);
void      cairn_demo_add_contribution    (CairnDemoWriter  *self,
                                          int               year,
                                          gint64            agency_id,
                                          gint64            amount_pence,
                                          const char       *in_kind);
void      cairn_demo_add_spending        (CairnDemoWriter  *self,
                                          int               year,
                                          const char       *category,
                                          gint64            amount_pence,
                                          const char       *notes);
void      cairn_demo_add_priority        (CairnDemoWriter  *self,
                                          int               year,
                                          int               position,
                                          const char       *title,
                                          const char       *progress);
void      cairn_demo_add_recipient       (CairnDemoWriter  *self,
                                          int               year,
                                          const char       *recipient,
                                          const char       *name,
                                          CairnDemoDay      sent_on);
void      cairn_demo_add_narrative       (CairnDemoWriter  *self,
                                          int               year,
                                          const char       *section,
                                          const char       *body);

G_END_DECLS
