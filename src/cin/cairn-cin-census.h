/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The DfE Children in Need census return, as read from its XML
 * (../shared/domain/cin-census.md §2–§4). Plain structs: every element the
 * validator reads has a field here, so an importer can map each one into
 * Cairn's tables.
 *
 * Conventions:
 * - Text is borrowed from the census (it lives in census->strings) and is
 *   NULL when the element is absent or empty. Values are stripped of
 *   surrounding white space.
 * - Dates are GDates, unset (g_date_valid() FALSE, see cairn_date_is_set())
 *   when the element is absent, empty or not a date; an unreadable date is
 *   also listed in census->notes with its line and text.
 * - Arrays come with their length (n_…) and are NULL when empty.
 * - `line` is the line of the element's start tag, for messages.
 * - Episodes, assessments and plans are in document order; their 1-based
 *   position is the CINdetailsID / AssessmentID / CPPID of §4. */

typedef enum
{
  CAIRN_CIN_FLAG_MISSING = 0,   /* absent or empty */
  CAIRN_CIN_FLAG_TRUE,          /* "true" or "1", in any case */
  CAIRN_CIN_FLAG_FALSE,         /* "false" or "0", in any case */
  CAIRN_CIN_FLAG_INVALID,       /* anything else (the text is kept) */
} CairnCinFlag;

CairnCinFlag cairn_cin_flag_parse (const char *text);

typedef struct
{
  guint line;
  GDate start_date;              /* AssessmentActualStartDate */
  GDate internal_review_date;    /* AssessmentInternalReviewDate (read, not validated) */
  GDate authorisation_date;      /* AssessmentAuthorisationDate: unset while ongoing */
  gboolean has_factors_element;  /* FactorsIdentifiedAtAssessment present, even empty */
  const char **factors;          /* AssessmentFactors codes */
  guint n_factors;
} CairnCinAssessment;

typedef struct
{
  guint line;
  GDate start_date;              /* CINPlanStartDate */
  GDate end_date;                /* CINPlanEndDate: unset while open */
} CairnCinPlan;

typedef struct
{
  guint line;
  GDate start_date;              /* S47ActualStartDate */
  GDate initial_cpc_target;      /* InitialCPCtarget */
  GDate initial_cpc_date;        /* DateOfInitialCPC */
  const char *icpc_not_required; /* ICPCnotRequired as written */
  CairnCinFlag icpc_not_required_flag;
} CairnCinSection47;

typedef struct
{
  guint line;
  GDate date;                    /* CPPreviewDate: unset when missing (rule 8842Q) */
} CairnCinReview;

typedef struct
{
  guint line;
  GDate start_date;              /* CPPstartDate */
  GDate end_date;                /* CPPendDate: unset while open */
  const char *initial_category;  /* InitialCategoryOfAbuse: NEG PHY SAB EMO MUL */
  const char *latest_category;   /* LatestCategoryOfAbuse */
  const char *previous_plans;    /* NumberOfPreviousCPP as written */
  int n_previous_plans;          /* its value, or -1 when missing or not a whole number */
  CairnCinReview *reviews;       /* one per Reviews element */
  guint n_reviews;
} CairnCinProtectionPlan;

/* PreProceedingsandFGDM (2025-26 sample): read and kept, never validated. */
typedef struct
{
  guint line;
  GDate start_date;                /* PPStartDate */
  GDate letter_before_proceedings; /* LBPSentDate */
  const char *fgdm_meeting_offer;  /* FGDMMeetingOffer */
  const char *fgdm_meeting_facilitated; /* FGDMMeetingFac */
  GDate initial_meeting_date;      /* InitialPPMeetingDate */
  const char *review_meetings;     /* ReviewMeetingsCount */
  GDate step_decision_date;        /* StepDecisionDate */
  const char *outcome;             /* PPOutcome */
  GDate court_application_date;    /* CourtAppDate */
  GDate letter_initial_cp_date;    /* LetterInitCPDate */
} CairnCinPreProceedings;

typedef struct
{
  guint line;
  GDate referral_date;           /* CINreferralDate */
  const char *referral_source;   /* ReferralSource */
  const char *primary_need;      /* PrimaryNeedCode */
  GDate closure_date;            /* CINclosureDate: unset while open */
  const char *closure_reason;    /* ReasonForClosure */
  GDate initial_cpc_date;        /* DateOfInitialCPC at episode level */
  const char *referral_nfa;      /* ReferralNFA as written */
  CairnCinFlag referral_nfa_flag;
  CairnCinAssessment *assessments;
  guint n_assessments;
  CairnCinPlan *cin_plans;       /* CINPlanDates */
  guint n_cin_plans;
  CairnCinSection47 *section47s;
  guint n_section47s;
  CairnCinProtectionPlan *protection_plans; /* ChildProtectionPlans */
  guint n_protection_plans;
  CairnCinPreProceedings *pre_proceedings;
  guint n_pre_proceedings;
} CairnCinEpisode;

typedef struct
{
  guint line;
  const char *la_child_id;       /* LAchildID */
  const char *upn;               /* UPN */
  const char *former_upn;        /* FormerUPN */
  const char *upn_unknown;       /* UPNunknown: UN1–UN7 */
  GDate birth_date;              /* PersonBirthDate */
  GDate expected_birth_date;     /* ExpectedPersonBirthDate */
  const char *gender_current;    /* GenderCurrent (2022-23, 2023-24 rule sets) */
  const char *sex;               /* Sex (from the 2024-25 rule set) */
  GDate death_date;              /* PersonDeathDate */
  const char *ethnicity;         /* Ethnicity */
  gboolean has_disabilities_element;
  const char **disabilities;     /* Disability codes */
  guint n_disabilities;
  CairnCinEpisode *episodes;     /* CINdetails */
  guint n_episodes;
  /* ChildProtectionPlans written directly under Child belong to the child's
   * last episode (§2) and are moved there; they stay here only when the
   * child has no CINdetails at all. */
  CairnCinProtectionPlan *unattached_plans;
  guint n_unattached_plans;
} CairnCinChild;

/* Something the reader could not take at face value (an unreadable date, a
 * repeated single element). Not a failure of any rule by itself. */
typedef struct
{
  guint line;
  const char *element;
  const char *text;              /* the value refused, or NULL */
  const char *problem;           /* static, untranslated: show it with _() */
} CairnCinNote;

typedef struct
{
  char *name;                    /* the file name used in messages */
  /* Header/CollectionDetails */
  const char *collection;        /* Collection: "CIN" */
  const char *year_text;         /* Year as written */
  int year;                      /* the collection year (2024 for 2023-24), 0 if missing or not a year */
  GDate reference_date;          /* ReferenceDate */
  /* Header/Source */
  const char *source_level;
  const char *lea;
  const char *software_code;
  const char *release;
  const char *serial_no;
  const char *date_time;
  CairnCinChild *children;
  guint n_children;
  CairnCinNote *notes;
  guint n_notes;
  GStringChunk *strings;
} CairnCinCensus;

void cairn_cin_census_free (CairnCinCensus *census);

/* Reading (cairn-cin-reader.c). */

/* Called after each block read; @done and @total are bytes (@total is 0
 * when unknown). Return FALSE to stop reading (the read then fails with
 * G_IO_ERROR_CANCELLED). */
typedef gboolean (*CairnCinProgressFunc) (guint64  done,
                                          guint64  total,
                                          gpointer user_data);

#define CAIRN_CIN_MAX_FILE_SIZE (G_GUINT64_CONSTANT (2) << 30) /* 2 GiB */

CairnCinCensus *cairn_cin_census_read_file   (const char            *path,
                                              CairnCinProgressFunc   progress,
                                              gpointer               user_data,
                                              GCancellable          *cancellable,
                                              GError               **error);
CairnCinCensus *cairn_cin_census_read_stream (GInputStream          *stream,
                                              const char            *name,
                                              guint64                total_size,
                                              guint64                max_size,
                                              CairnCinProgressFunc   progress,
                                              gpointer               user_data,
                                              GCancellable          *cancellable,
                                              GError               **error);
CairnCinCensus *cairn_cin_census_read_data   (const char            *data,
                                              gsize                  length,
                                              const char            *name,
                                              GError               **error);

/* Writing (cairn-cin-writer.c): the XML of §2, elements in the order the
 * sample files use, two-space indented, UTF-8. Writes @census as it is: a
 * field that is NULL or unset is left out. */
gboolean        cairn_cin_census_write       (const CairnCinCensus  *census,
                                              GOutputStream         *stream,
                                              GCancellable          *cancellable,
                                              GError               **error);
gboolean        cairn_cin_census_write_file  (const CairnCinCensus  *census,
                                              const char            *path,
                                              GCancellable          *cancellable,
                                              GError               **error);
char           *cairn_cin_census_to_data     (const CairnCinCensus  *census,
                                              gsize                 *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnCinCensus, cairn_cin_census_free)

G_END_DECLS
