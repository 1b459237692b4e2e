/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A serious case review (Working Together 2010 ch. 8) as the panel records it,
 * with everyone linked to the case: what the executive summary generator
 * (Annex B) and the anonymiser read. Plain structs, loaded by
 * cairn-scr-store.h and owned by the caller. */

/**
 * CairnScrSection:
 *
 * The narrative sections of the executive summary, in Annex B order. Their
 * ids in the database are those of cairn_scr_section_id().
 */
typedef enum
{
  CAIRN_SCR_SECTION_INTRODUCTION,
  CAIRN_SCR_SECTION_FACTS,
  CAIRN_SCR_SECTION_KEY_ISSUES,
  CAIRN_SCR_SECTION_LEARNING,
  CAIRN_SCR_SECTION_RECOMMENDATIONS,
  CAIRN_SCR_N_SECTIONS
} CairnScrSection;

const char *cairn_scr_section_id      (CairnScrSection section);
const char *cairn_scr_section_title   (CairnScrSection section);
gboolean    cairn_scr_section_from_id (const char      *id,
                                       CairnScrSection *out);

/**
 * CairnScrDateDisplay:
 * @CAIRN_SCR_DATES_MONTH_YEAR: dates in the summary show month and year only
 * @CAIRN_SCR_DATES_AGE: dates show the subject child's age at the time
 *
 * How the anonymised summary shows dates about the child and family; the
 * panel chooses.
 */
typedef enum
{
  CAIRN_SCR_DATES_MONTH_YEAR,
  CAIRN_SCR_DATES_AGE,
} CairnScrDateDisplay;

const char *cairn_scr_date_display_id    (CairnScrDateDisplay display);
gboolean    cairn_scr_date_display_parse (const char          *field,
                                          const char          *text,
                                          CairnScrDateDisplay *out,
                                          GError             **error);

typedef struct
{
  gint64 id;
  char *name;
  char *job_title;
  char *organisation;
} CairnScrPanelMember;

typedef struct
{
  gint64 id;
  char *agency_code;
  char *agency_name;
  char *author;
  GDate received_on;
} CairnScrImr;

typedef struct
{
  GDate as_of;
  char *status;
  char *progress;
} CairnScrActionHistory;

typedef struct
{
  gint64 id;
  char *action;
  char *agencies;               /* the agencies the action is relevant to */
  char *responsible;            /* who is responsible for taking it forward */
  char *monitored_by;           /* how it is monitored and by whom */
  GDate due_on;
  char *status;                 /* CAIRN_CODES_SCR_ACTION_STATUS */
  char *progress;
  GDate completed_on;
  char *evaluation;             /* how its impact is (to be) evaluated */
  GPtrArray *history;           /* CairnScrActionHistory, oldest first */
} CairnScrAction;

typedef struct
{
  gint64 id;
  int number;
  char *body;
  char *source;                 /* overview, imr, … */
  GPtrArray *actions;           /* CairnScrAction */
} CairnScrRecommendation;

/**
 * CairnScrPersonKind:
 *
 * How someone is linked to the case the review is about.
 */
typedef enum
{
  CAIRN_SCR_PERSON_SUBJECT,      /* the child the review is about */
  CAIRN_SCR_PERSON_SIBLING,      /* a child linked through child_links, or a person recorded as a sibling */
  CAIRN_SCR_PERSON_ADULT,        /* a parent, carer or other adult linked to the child */
  CAIRN_SCR_PERSON_PROFESSIONAL, /* a professional involved with the child's cases */
  CAIRN_SCR_PERSON_PANEL,        /* a panel member other than the three named officers */
} CairnScrPersonKind;

/**
 * CairnScrPerson:
 *
 * Everything that identifies one person linked to the case. @key is stable
 * ("child:12" by child number, "person:5", "professional:7", "referrer:NAME",
 * "panel:3") and keys the pseudonym mapping.
 */
typedef struct
{
  CairnScrPersonKind kind;
  char *key;
  char *relationship;           /* CAIRN_CODES_RELATIONSHIP for family; empty otherwise */
  char *given_name;
  char *family_name;
  char *other_names;
  char *aliases;                /* one per line */
  GDate date_of_birth;
  char *sex;
  char *address;
  char *postcode;
  char *school;
  char *nhs_number;
  char *upn;
  char *former_upn;
  char *la_child_id;
  char *phone;
  char *gp;
  gboolean lives_with_child;
  char *role;                   /* professionals and panel members: job title */
  char *agency;                 /* professionals and panel members: agency name */
} CairnScrPerson;

typedef struct
{
  GDate date;
  char *kind;                   /* CAIRN_CODES_EVENT_KIND */
  char *outcome;
  char *notes;
} CairnScrEvent;

typedef struct
{
  gint64 id;
  char *subject_key;
  char *pseudonym;
} CairnScrPseudonym;

/**
 * CairnScrRelease:
 *
 * A word the leak check found that a named panel member released as a
 * false positive (a mother called May, a child called Hope), with a reason.
 */
typedef struct
{
  gint64 id;
  char *word;
  gint64 panel_member_id;
  char *released_by;            /* the panel member's name */
  char *reason;
  GDate released_on;
} CairnScrRelease;

/**
 * CairnScrVersion:
 *
 * One numbered export of the executive summary.
 */
typedef struct
{
  gint64 id;
  int version;
  gboolean publishable;
  GDate created_on;
  char *file_name;
  char *sha256;
  int n_pages;
  char *signed_off_by;
  GDate signed_off_on;
  GDate sent_to_ofsted_on;
  GDate published_on;
} CairnScrVersion;

typedef struct
{
  gint64 id;
  int year;
  int number;
  char *title;
  char *criterion;
  char *trigger_summary;
  GDate incident_on;
  GDate notified_on;
  char *decision;
  GDate decision_on;
  char *stage;
  char *lscb_chair;
  char *panel_chair;
  char *overview_author;
  char *independence_statement;
  char *parallel_processes;
  char *family_involvement;
  GDate scope_from;
  GDate scope_to;
  GDate completed_on;
  GDate sent_to_ofsted_on;
  GDate published_on;
  CairnScrDateDisplay date_display;

  char *board_name;
  char *sections[CAIRN_SCR_N_SECTIONS];

  GPtrArray *panel;             /* CairnScrPanelMember */
  GPtrArray *imrs;              /* CairnScrImr */
  GPtrArray *recommendations;   /* CairnScrRecommendation, by number */

  gint64 child_number;          /* 0 when the review has no linked child */
  GPtrArray *people;            /* CairnScrPerson: the subject first, then siblings, adults, professionals, panel */
  GPtrArray *events;            /* CairnScrEvent: the subject's chronology, in date order */
  GPtrArray *pseudonyms;        /* CairnScrPseudonym: the panel's adjustments */
  GPtrArray *releases;          /* CairnScrRelease */
  GPtrArray *versions;          /* CairnScrVersion, oldest first */
} CairnScr;

/**
 * CairnScrSummary:
 * @readable: whether the signed-in user may read the review's drafts
 *
 * One line of the list of reviews (cairn_store_list_scrs()): what anyone
 * who may view the board's records may see of a review.
 */
typedef struct
{
  int year;
  int number;
  char *title;
  char *stage;
  gboolean readable;
} CairnScrSummary;

void                    cairn_scr_summary_free        (CairnScrSummary *summary);

CairnScr               *cairn_scr_new                 (void);
void                    cairn_scr_free                (CairnScr *scr);
char                   *cairn_scr_dup_ref             (const CairnScr *scr);
const CairnScrPerson   *cairn_scr_get_subject         (const CairnScr *scr);
void                    cairn_scr_get_as_of           (const CairnScr *scr,
                                                       GDate          *out);
gboolean                cairn_scr_is_named_officer    (const CairnScr *scr,
                                                       const char     *name);
const CairnScrPanelMember *cairn_scr_find_panel_member (const CairnScr *scr,
                                                        gint64          id);

CairnScrPanelMember    *cairn_scr_panel_member_new    (void);
void                    cairn_scr_panel_member_free   (CairnScrPanelMember *member);
CairnScrImr            *cairn_scr_imr_new             (void);
void                    cairn_scr_imr_free            (CairnScrImr *imr);
CairnScrRecommendation *cairn_scr_recommendation_new  (void);
void                    cairn_scr_recommendation_free (CairnScrRecommendation *rec);
CairnScrAction         *cairn_scr_action_new          (void);
CairnScrAction         *cairn_scr_action_copy         (const CairnScrAction *action);
void                    cairn_scr_action_free         (CairnScrAction *action);
gboolean                cairn_scr_action_validate     (CairnScrAction *action,
                                                       GError        **error);
CairnScrActionHistory  *cairn_scr_action_history_new  (void);
void                    cairn_scr_action_history_free (CairnScrActionHistory *entry);
CairnScrPerson         *cairn_scr_person_new          (CairnScrPersonKind kind);
void                    cairn_scr_person_free         (CairnScrPerson *person);
char                   *cairn_scr_person_dup_name     (const CairnScrPerson *person);
CairnScrEvent          *cairn_scr_event_new           (void);
void                    cairn_scr_event_free          (CairnScrEvent *event);
CairnScrPseudonym      *cairn_scr_pseudonym_new       (void);
void                    cairn_scr_pseudonym_free      (CairnScrPseudonym *pseudonym);
CairnScrRelease        *cairn_scr_release_new         (void);
void                    cairn_scr_release_free        (CairnScrRelease *release);
CairnScrVersion        *cairn_scr_version_new         (void);
void                    cairn_scr_version_free        (CairnScrVersion *version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnScr, cairn_scr_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnScrPanelMember, cairn_scr_panel_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnScrRecommendation, cairn_scr_recommendation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnScrAction, cairn_scr_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnScrPerson, cairn_scr_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnScrVersion, cairn_scr_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnScrSummary, cairn_scr_summary_free)

G_END_DECLS
