/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-store.h"

G_BEGIN_DECLS

/* The annual LSCB report's data: the figures that are not case events
 * (child population, contacts, child deaths reviewed, private fostering,
 * training, partner contributions and spending), the board's AR9 priority
 * issues, the report's recipients, the chair's narratives, and the
 * statistics computed in SQL from the case records for a run of reporting
 * years. Years are reporting years by the year they start in (2011 is
 * 2011-12: 1 April 2011 to 31 March 2012, both days included).
 *
 * Reading needs %CAIRN_ACTION_VIEW_CASES; changing needs
 * %CAIRN_ACTION_EDIT_ANNUAL_REPORT. A refused or failed change leaves the
 * database unchanged. */

/* ---- Figures entered by the board -------------------------------------- */

/**
 * CairnSpendingCategory:
 *
 * What the board spent money on (WT2013: "including on Child Death Reviews,
 * Serious Case Reviews and other specific expenditure such as learning
 * events or training"). Ids as in board_spending.category.
 */
typedef enum
{
  CAIRN_SPENDING_CHILD_DEATH_REVIEWS,
  CAIRN_SPENDING_CASE_REVIEWS,
  CAIRN_SPENDING_TRAINING,
  CAIRN_SPENDING_STAFFING,
  CAIRN_SPENDING_OTHER,
  CAIRN_SPENDING_N_CATEGORIES
} CairnSpendingCategory;

const char *cairn_spending_category_id    (CairnSpendingCategory category);
const char *cairn_spending_category_label (CairnSpendingCategory category);
gboolean    cairn_spending_category_from_id (const char           *id,
                                             CairnSpendingCategory *out);

/**
 * CairnRecipient:
 *
 * Who the annual report goes to. WT2010: the Children's Trust Board
 * (GR R53). WT2013 (L2382): the Chief Executive, the Leader of the Council,
 * the local Police and Crime Commissioner and the Chair of the Health and
 * Wellbeing Board. Ids as in report_recipients.recipient.
 */
typedef enum
{
  CAIRN_RECIPIENT_CHILDRENS_TRUST_BOARD,
  CAIRN_RECIPIENT_CHIEF_EXECUTIVE,
  CAIRN_RECIPIENT_COUNCIL_LEADER,
  CAIRN_RECIPIENT_POLICE_CRIME_COMMISSIONER,
  CAIRN_RECIPIENT_HEALTH_WELLBEING_BOARD_CHAIR,
  CAIRN_N_RECIPIENTS
} CairnRecipient;

const char *cairn_recipient_id       (CairnRecipient  recipient);
const char *cairn_recipient_label    (CairnRecipient  recipient);
gboolean    cairn_recipient_from_id  (const char     *id,
                                      CairnRecipient *out);

typedef struct
{
  CairnRecipient recipient;
  char *name;                   /* the person or body, as the board records it */
  GDate sent_on;                /* unset: not sent yet */
} CairnRecipientRecord;

typedef struct
{
  gint64 id;
  int position;
  char *title;
  char *progress;
} CairnPriorityIssue;

typedef struct
{
  gint64 id;
  char *title;
  gboolean multi_agency;
  int sessions;
  int attendees;
} CairnTrainingCourse;

typedef struct
{
  char *agency_code;
  char *agency_name;
  gint64 amount_pence;
  char *in_kind;
} CairnContribution;

typedef struct
{
  CairnSpendingCategory category;
  gint64 amount_pence;
  char *notes;
} CairnSpending;

void cairn_recipient_record_free (CairnRecipientRecord *record);
void cairn_priority_issue_free   (CairnPriorityIssue   *issue);
void cairn_training_course_free  (CairnTrainingCourse  *course);
void cairn_contribution_free     (CairnContribution    *contribution);
void cairn_spending_free         (CairnSpending        *spending);

gboolean   cairn_store_set_child_population   (CairnStore   *self,
                                               int           year,
                                               gint64        children,
                                               const char   *source,
                                               GError      **error);
gboolean   cairn_store_set_contacts           (CairnStore   *self,
                                               int           year,
                                               const char   *source_code,
                                               gint64        contacts,
                                               GError      **error);
gboolean   cairn_store_set_child_death_reviews (CairnStore  *self,
                                                int          year,
                                                gint64       notified,
                                                gint64       reviewed,
                                                gint64       unexpected,
                                                gint64       modifiable,
                                                GError     **error);
gboolean   cairn_store_set_private_fostering  (CairnStore   *self,
                                               int           year,
                                               gint64        notifications,
                                               gint64        arrangements,
                                               GError      **error);
gboolean   cairn_store_add_training_course    (CairnStore   *self,
                                               int           year,
                                               CairnTrainingCourse *course,
                                               GError      **error);
gboolean   cairn_store_set_contribution       (CairnStore   *self,
                                               int           year,
                                               const char   *agency_code,
                                               gint64        amount_pence,
                                               const char   *in_kind,
                                               GError      **error);
gboolean   cairn_store_set_spending           (CairnStore   *self,
                                               int           year,
                                               CairnSpendingCategory category,
                                               gint64        amount_pence,
                                               const char   *notes,
                                               GError      **error);
gboolean   cairn_store_set_priority_issues    (CairnStore   *self,
                                               int           year,
                                               GPtrArray    *issues,
                                               GError      **error);
gboolean   cairn_store_set_recipient          (CairnStore   *self,
                                               int           year,
                                               CairnRecipient recipient,
                                               const char   *name,
                                               const GDate  *sent_on,
                                               GError      **error);

GPtrArray *cairn_store_list_training_courses  (CairnStore   *self,
                                               int           year,
                                               GError      **error);
GPtrArray *cairn_store_list_contributions     (CairnStore   *self,
                                               int           year,
                                               GError      **error);
GPtrArray *cairn_store_list_spending          (CairnStore   *self,
                                               int           year,
                                               GError      **error);
GPtrArray *cairn_store_list_priority_issues   (CairnStore   *self,
                                               int           year,
                                               GError      **error);
GPtrArray *cairn_store_list_recipients        (CairnStore   *self,
                                               int           year,
                                               GError      **error);

/* ---- Narratives ------------------------------------------------------- */

char      *cairn_store_dup_annual_narrative   (CairnStore   *self,
                                               int           year,
                                               const char   *section,
                                               GError      **error);
GHashTable *cairn_store_get_annual_narratives (CairnStore   *self,
                                               int           year,
                                               GError      **error);
gboolean   cairn_store_set_annual_narrative   (CairnStore   *self,
                                               int           year,
                                               const char   *section,
                                               const char   *body,
                                               GError      **error);

/* ---- The rules the statistics count against ---------------------------- */

/**
 * CairnAnnualClock:
 *
 * The clocks whose timeliness the report measures. Working-day clocks:
 * initial assessment (from the referral; W10-04), core assessment (from its
 * start; W10-05), single assessment (from the referral; W13-02), initial
 * child protection conference (from the strategy discussion; W10-07,
 * W13-05). Month clocks: first review conference (from the plan's start;
 * W10-09, W13-07), later reviews (from the previous review; W10-10,
 * W13-08), SCR completion (from the decision; W10-16, W13-14).
 */
typedef enum
{
  CAIRN_ANNUAL_CLOCK_INITIAL_ASSESSMENT,
  CAIRN_ANNUAL_CLOCK_CORE_ASSESSMENT,
  CAIRN_ANNUAL_CLOCK_SINGLE_ASSESSMENT,
  CAIRN_ANNUAL_CLOCK_ICPC,
  CAIRN_ANNUAL_CLOCK_FIRST_REVIEW,
  CAIRN_ANNUAL_CLOCK_LATER_REVIEW,
  CAIRN_ANNUAL_CLOCK_SCR_COMPLETION,
  CAIRN_ANNUAL_N_CLOCKS
} CairnAnnualClock;

/**
 * CairnAnnualLimit:
 * @edition: the edition whose rule this is ("wt2010")
 * @rule_id: the rule ("W10-04")
 * @from: clocks starting on or after this day; unset: from the beginning
 * @until: clocks starting before this day; unset: no end
 * @limit: the limit, in working days or (@months) calendar months
 * @start_day_1: the clock's first day counts as day 1 when it is a working
 *   day (the edition setting start_day = day_1); else it is day 0
 */
typedef struct
{
  CairnAnnualClock clock;
  char *edition;
  char *rule_id;
  GDate from;
  GDate until;
  int limit;
  gboolean months;
  gboolean start_day_1;
} CairnAnnualLimit;

/**
 * CairnAnnualEdition:
 * @in_force_from: clocks starting on or after this day use it (the first
 *   edition also covers every earlier day)
 * @icpc_last_discussion: the ICPC clock starts at the last strategy
 *   discussion before the conference; else at the one at which the section
 *   47 enquiries were initiated
 */
typedef struct
{
  char *id;
  GDate in_force_from;
  gboolean icpc_last_discussion;
} CairnAnnualEdition;

/**
 * CairnAnnualRules:
 * @first_day: the first day @working covers
 * @working: (element-type guint8): 1 for a working day, 0 otherwise, one per
 *   day from @first_day (the pathway's England and Wales calendar)
 * @editions: (element-type CairnAnnualEdition): by @in_force_from
 * @limits: (element-type CairnAnnualLimit)
 * @fixed_edition: (nullable): the board uses one edition for every clock
 * @by_referral: each clock uses the edition in force on its case's referral
 *   day (else on the day the clock starts)
 *
 * What the statistics count working days and timeliness against; built
 * from the guidance editions, the calendar and the board's settings by
 * cairn_annual_rules_new() (src/report/cairn-annual-stats.h). A case's own
 * edition (cases.edition) overrides the board's choice.
 */
typedef struct
{
  GDate first_day;
  GArray *working;
  GArray *editions;
  GArray *limits;
  char *fixed_edition;
  gboolean by_referral;
} CairnAnnualRules;

CairnAnnualRules *cairn_annual_rules_alloc (void);
void              cairn_annual_rules_free  (CairnAnnualRules *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnAnnualRules, cairn_annual_rules_free)

/* ---- Statistics --------------------------------------------------------- */

/**
 * CairnAnnualCategory:
 *
 * The category a plan or a child is counted under. A plan with more than
 * one category, or recorded as MUL, counts once as multiple; a plan
 * received only as MUL, with no specific categories recorded, is multiple,
 * unspecified (never guessed into the four).
 */
typedef enum
{
  CAIRN_ANNUAL_NEGLECT,
  CAIRN_ANNUAL_PHYSICAL,
  CAIRN_ANNUAL_EMOTIONAL,
  CAIRN_ANNUAL_SEXUAL,
  CAIRN_ANNUAL_MULTIPLE,
  CAIRN_ANNUAL_MULTIPLE_UNSPECIFIED,
  CAIRN_ANNUAL_N_CATEGORIES
} CairnAnnualCategory;

const char *cairn_annual_category_label (CairnAnnualCategory category);

/**
 * CairnAnnualTimely:
 * @total: how many
 * @with_limit: of them, how many had a timescale (a limit applied to the
 *   clock: an edition rule, or the board's own)
 * @within: of those, how many were done within it
 */
typedef struct
{
  gint64 total;
  gint64 with_limit;
  gint64 within;
} CairnAnnualTimely;

typedef struct
{
  char *code;                   /* census ReferralSource code, or "" when not recorded */
  gint64 count;
} CairnAnnualSourceCount;

/**
 * CairnAnnualActionState:
 *
 * Where an SCR action stood on 31 March: complete; overdue (not complete and
 * its due date passed); in progress; not started.
 */
typedef enum
{
  CAIRN_ANNUAL_ACTION_COMPLETE,
  CAIRN_ANNUAL_ACTION_IN_PROGRESS,
  CAIRN_ANNUAL_ACTION_NOT_STARTED,
  CAIRN_ANNUAL_ACTION_OVERDUE,
  CAIRN_ANNUAL_N_ACTION_STATES
} CairnAnnualActionState;

/**
 * CairnAnnualYear:
 *
 * The statistics of one reporting year. Counts from the board's own
 * entries are -1 when nothing was entered for the year; counts from case
 * records are never negative. Definitions: the glossary of the report
 * (cairn_annual_figure_definition()).
 */
typedef struct
{
  int year;
  gint64 child_population;          /* 0: not set */
  gboolean population_is_board_figure; /* the board's current figure, none for the year */

  gint64 contacts;                  /* -1: not entered */
  GPtrArray *contacts_by_source;    /* CairnAnnualSourceCount, by code */
  gint64 referrals;
  GPtrArray *referrals_by_source;   /* CairnAnnualSourceCount, by code */
  gint64 re_referrals;

  CairnAnnualTimely initial_assessments;
  CairnAnnualTimely core_assessments;
  CairnAnnualTimely single_assessments;
  gint64 s47_enquiries;
  CairnAnnualTimely icpcs;

  gint64 plans_started;
  gint64 plans_started_by[CAIRN_ANNUAL_N_CATEGORIES];
  gint64 plans_second_or_later;
  gint64 plans_ended;
  gint64 plans_ended_by[CAIRN_ANNUAL_N_CATEGORIES];
  gint64 plans_ended_two_years;
  gint64 children_on_plans;
  gint64 children_on_plans_by[CAIRN_ANNUAL_N_CATEGORIES];
  gint64 reviews_due;               /* children on a plan for 3 months or more at 31 March */
  gint64 reviews_on_time;           /* of them, every review on time */
  gint64 children_seen;
  gint64 children_seen_alone;

  gint64 scrs_considered;
  gint64 scrs_started;
  CairnAnnualTimely scrs_completed;
  gint64 scr_actions[CAIRN_ANNUAL_N_ACTION_STATES];

  gint64 child_deaths_notified;     /* -1: not entered */
  gint64 child_deaths_reviewed;     /* -1: not entered */
  gint64 child_deaths_unexpected;   /* -1: not entered */
  gint64 child_deaths_modifiable;   /* -1: not entered */
  gint64 private_fostering_notifications; /* -1: not entered */
  gint64 private_fostering_arrangements;  /* -1: not entered */
  gint64 training_courses;          /* -1: none entered */
  gint64 training_sessions;         /* -1: none entered */
  gint64 training_attendees;        /* -1: none entered */
  gint64 contributions_pence;       /* -1: none entered */
  gint64 spending_pence;            /* -1: none entered */
  gint64 board_meetings;
} CairnAnnualYear;

void       cairn_annual_year_free           (CairnAnnualYear        *year);

GPtrArray *cairn_store_compute_annual_stats (CairnStore             *self,
                                             const CairnAnnualRules *rules,
                                             int                     first_year,
                                             int                     last_year,
                                             GCancellable           *cancellable,
                                             GError                **error);
int        cairn_store_first_activity_year  (CairnStore             *self,
                                             GError                **error);
gboolean   cairn_store_annual_invalidate    (CairnStore             *self,
                                             GError                **error);

/* ---- Serious case review actions (AR10–AR12) ---------------------------- */

/**
 * CairnAnnualScrGroup:
 * @CAIRN_ANNUAL_SCR_COMPLETED: AR10, reviews completed during the year
 * @CAIRN_ANNUAL_SCR_EARLIER: AR11, reviews completed in earlier years with
 *   actions outstanding at the start of the year
 * @CAIRN_ANNUAL_SCR_IN_PROGRESS: AR12, reviews commissioned by 31 March and
 *   not completed by then
 */
typedef enum
{
  CAIRN_ANNUAL_SCR_COMPLETED,
  CAIRN_ANNUAL_SCR_EARLIER,
  CAIRN_ANNUAL_SCR_IN_PROGRESS,
  CAIRN_ANNUAL_N_SCR_GROUPS
} CairnAnnualScrGroup;

/**
 * CairnAnnualScrAction:
 * @action_id: 0 for a review with no action recorded by 31 March
 * @status: the status as it stood on 31 March (scr_action_history; without
 *   a dated entry by then, complete when completed by then, else
 *   not_started)
 * @state: @status with overdue actions told apart
 * @start_status: (nullable): AR11: the status on 31 March of the year before
 * @progress: the progress recorded with @status
 */
typedef struct
{
  CairnAnnualScrGroup group;
  int scr_year;
  int scr_number;
  char *scr_title;
  GDate decision_on;
  GDate completed_on;
  gint64 action_id;
  int recommendation;
  char *action;
  char *responsible;
  GDate due_on;
  char *status;
  CairnAnnualActionState state;
  char *start_status;
  char *progress;
} CairnAnnualScrAction;

void       cairn_annual_scr_action_free      (CairnAnnualScrAction *action);
GPtrArray *cairn_store_list_annual_scr_actions (CairnStore         *self,
                                                int                 year,
                                                GError            **error);

/* ---- Membership and attendance (appendix) ------------------------------- */

/**
 * CairnAnnualMember:
 * @meetings: board meetings held in the year while a member
 * @attended: of them, attended (present, or in attendance)
 * @represented: a deputy or a written report instead (attendance "report")
 */
typedef struct
{
  char *name;
  char *role;
  char *agency;
  gboolean lay_member;
  GDate joined_on;
  GDate left_on;
  int meetings;
  int attended;
  int represented;
} CairnAnnualMember;

typedef struct
{
  int year;
  int number;
  GDate held_on;
  int present;                  /* board members present */
} CairnAnnualMeeting;

void       cairn_annual_member_free          (CairnAnnualMember *member);
GPtrArray *cairn_store_list_annual_members   (CairnStore        *self,
                                              int                year,
                                              GError           **error);
GPtrArray *cairn_store_list_annual_meetings  (CairnStore        *self,
                                              int                year,
                                              GError           **error);

/* ---- The entered figures of one year, read back for editing ------------- */

/**
 * CairnAnnualFigures:
 * @child_population: the year's own figure; 0 when none is entered
 * @population_source: where it comes from ("" when not said)
 * @contacts: (element-type CairnAnnualSourceCount): the contacts entered,
 *   by source code
 * @contributions: (element-type CairnContribution): the partner agencies
 *   (those with a member on the board or a contribution in any year), by
 *   name, with their contribution (@amount_pence -1 when none is entered)
 * @spending: the amount per #CairnSpendingCategory, -1 when none
 * @recipients: the sent-on day per #CairnRecipient, unset when not sent
 *
 * Counts are -1 when nothing was entered.
 */
typedef struct
{
  gint64 child_population;
  char *population_source;
  GPtrArray *contacts;
  gint64 deaths_notified;
  gint64 deaths_reviewed;
  gint64 deaths_unexpected;
  gint64 deaths_modifiable;
  gint64 fostering_notifications;
  gint64 fostering_arrangements;
  GPtrArray *contributions;
  gint64 spending[CAIRN_SPENDING_N_CATEGORIES];
  GDate recipients[CAIRN_N_RECIPIENTS];
} CairnAnnualFigures;

void                cairn_annual_figures_free           (CairnAnnualFigures *figures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnAnnualFigures, cairn_annual_figures_free)

CairnAnnualFigures *cairn_store_get_annual_figures      (CairnStore         *self,
                                                         int                 year,
                                                         GError            **error);
gboolean            cairn_store_remove_training_course  (CairnStore         *self,
                                                         int                 year,
                                                         gint64              course_id,
                                                         GError            **error);

G_END_DECLS
