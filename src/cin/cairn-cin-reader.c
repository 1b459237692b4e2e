/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cin"

#include "config.h"

#include <glib/gi18n.h>
#include <stddef.h>
#include <string.h>

#include "cairn-cin-census.h"
#include "cairn-date.h"
#include "cairn-error.h"

/* The census reader: GMarkup, fed block by block.
 *
 * GMarkup knows only the five predefined entities and character references:
 * it never loads a DTD, never expands a declared entity and never fetches an
 * external one, so XXE and entity-expansion bombs cannot happen. On top of
 * that the reader refuses any DOCTYPE or other <!…> declaration outright, so
 * a census that carries one is reported, not half-read.
 *
 * What is read follows cin-census.md §2 and §10: elements are found by name
 * under their parent, whatever the order of siblings; an element expected
 * once is read from its first occurrence (later ones are noted and skipped);
 * empty elements read as missing; text between child elements and unknown
 * elements are ignored; one review per Reviews element; child protection
 * plans (and reviews) written directly under Child go to the child's last
 * episode. */

#define BLOCK_SIZE (64 * 1024)
#define MAX_DEPTH 64
#define MAX_FIELD_BYTES (64 * 1024)
#define MAX_TEXT_RUN (1024 * 1024) /* bytes without any markup */

typedef enum
{
  CTX_DOCUMENT,
  CTX_MESSAGE,
  CTX_HEADER,
  CTX_COLLECTION_DETAILS,
  CTX_SOURCE,
  CTX_CHILDREN,
  CTX_CHILD,
  CTX_IDENTIFIERS,
  CTX_CHARACTERISTICS,
  CTX_DISABILITIES,
  CTX_EPISODE,
  CTX_ASSESSMENT,
  CTX_FACTORS,
  CTX_CIN_PLAN,
  CTX_SECTION47,
  CTX_PLAN,
  CTX_REVIEWS,
  CTX_PRE_PROCEEDINGS,
  CTX_FIELD,   /* a value element whose text is kept */
  CTX_IGNORED, /* unknown, or a repeat of a single element: skipped with its content */
} Ctx;

typedef struct
{
  Ctx parent;
  const char *name;
  Ctx ctx;
  gboolean repeated;
} Container;

static const Container containers[] = {
  { CTX_DOCUMENT, "Message", CTX_MESSAGE, FALSE },
  { CTX_MESSAGE, "Header", CTX_HEADER, FALSE },
  { CTX_MESSAGE, "Children", CTX_CHILDREN, FALSE },
  { CTX_HEADER, "CollectionDetails", CTX_COLLECTION_DETAILS, FALSE },
  { CTX_HEADER, "Source", CTX_SOURCE, FALSE },
  { CTX_CHILDREN, "Child", CTX_CHILD, TRUE },
  { CTX_CHILD, "ChildIdentifiers", CTX_IDENTIFIERS, FALSE },
  { CTX_CHILD, "ChildCharacteristics", CTX_CHARACTERISTICS, FALSE },
  { CTX_CHILD, "CINdetails", CTX_EPISODE, TRUE },
  { CTX_CHILD, "ChildProtectionPlans", CTX_PLAN, TRUE },
  { CTX_CHILD, "Reviews", CTX_REVIEWS, TRUE },
  { CTX_CHARACTERISTICS, "Disabilities", CTX_DISABILITIES, FALSE },
  { CTX_EPISODE, "Assessments", CTX_ASSESSMENT, TRUE },
  { CTX_EPISODE, "CINPlanDates", CTX_CIN_PLAN, TRUE },
  { CTX_EPISODE, "Section47", CTX_SECTION47, TRUE },
  { CTX_EPISODE, "ChildProtectionPlans", CTX_PLAN, TRUE },
  { CTX_EPISODE, "PreProceedingsandFGDM", CTX_PRE_PROCEEDINGS, TRUE },
  { CTX_ASSESSMENT, "FactorsIdentifiedAtAssessment", CTX_FACTORS, FALSE },
  { CTX_PLAN, "Reviews", CTX_REVIEWS, TRUE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (containers) <= 32);

typedef enum
{
  F_TEXT, /* const char * */
  F_DATE, /* GDate */
  F_LIST, /* appended to the list of the parent (Disability, AssessmentFactors) */
} FieldKind;

typedef struct
{
  Ctx parent;
  const char *name;
  FieldKind kind;
  gsize offset;
} Field;

#define CENSUS(f) offsetof (CairnCinCensus, f)
#define CHILD(f) offsetof (CairnCinChild, f)
#define EPISODE(f) offsetof (CairnCinEpisode, f)
#define ASSESSMENT(f) offsetof (CairnCinAssessment, f)
#define CIN_PLAN(f) offsetof (CairnCinPlan, f)
#define S47(f) offsetof (CairnCinSection47, f)
#define PLAN(f) offsetof (CairnCinProtectionPlan, f)
#define REVIEW(f) offsetof (CairnCinReview, f)
#define PP(f) offsetof (CairnCinPreProceedings, f)

static const Field fields[] = {
  { CTX_COLLECTION_DETAILS, "Collection", F_TEXT, CENSUS (collection) },
  { CTX_COLLECTION_DETAILS, "Year", F_TEXT, CENSUS (year_text) },
  { CTX_COLLECTION_DETAILS, "ReferenceDate", F_DATE, CENSUS (reference_date) },
  { CTX_SOURCE, "SourceLevel", F_TEXT, CENSUS (source_level) },
  { CTX_SOURCE, "LEA", F_TEXT, CENSUS (lea) },
  { CTX_SOURCE, "SoftwareCode", F_TEXT, CENSUS (software_code) },
  { CTX_SOURCE, "Release", F_TEXT, CENSUS (release) },
  { CTX_SOURCE, "SerialNo", F_TEXT, CENSUS (serial_no) },
  { CTX_SOURCE, "DateTime", F_TEXT, CENSUS (date_time) },

  { CTX_IDENTIFIERS, "LAchildID", F_TEXT, CHILD (la_child_id) },
  { CTX_IDENTIFIERS, "UPN", F_TEXT, CHILD (upn) },
  { CTX_IDENTIFIERS, "FormerUPN", F_TEXT, CHILD (former_upn) },
  { CTX_IDENTIFIERS, "UPNunknown", F_TEXT, CHILD (upn_unknown) },
  { CTX_IDENTIFIERS, "PersonBirthDate", F_DATE, CHILD (birth_date) },
  { CTX_IDENTIFIERS, "ExpectedPersonBirthDate", F_DATE, CHILD (expected_birth_date) },
  { CTX_IDENTIFIERS, "GenderCurrent", F_TEXT, CHILD (gender_current) },
  { CTX_IDENTIFIERS, "Sex", F_TEXT, CHILD (sex) },
  { CTX_IDENTIFIERS, "PersonDeathDate", F_DATE, CHILD (death_date) },
  { CTX_CHARACTERISTICS, "Ethnicity", F_TEXT, CHILD (ethnicity) },
  { CTX_DISABILITIES, "Disability", F_LIST, 0 },

  { CTX_EPISODE, "CINreferralDate", F_DATE, EPISODE (referral_date) },
  { CTX_EPISODE, "ReferralSource", F_TEXT, EPISODE (referral_source) },
  { CTX_EPISODE, "PrimaryNeedCode", F_TEXT, EPISODE (primary_need) },
  { CTX_EPISODE, "CINclosureDate", F_DATE, EPISODE (closure_date) },
  { CTX_EPISODE, "ReasonForClosure", F_TEXT, EPISODE (closure_reason) },
  { CTX_EPISODE, "DateOfInitialCPC", F_DATE, EPISODE (initial_cpc_date) },
  { CTX_EPISODE, "ReferralNFA", F_TEXT, EPISODE (referral_nfa) },

  { CTX_ASSESSMENT, "AssessmentActualStartDate", F_DATE, ASSESSMENT (start_date) },
  { CTX_ASSESSMENT, "AssessmentInternalReviewDate", F_DATE, ASSESSMENT (internal_review_date) },
  { CTX_ASSESSMENT, "AssessmentAuthorisationDate", F_DATE, ASSESSMENT (authorisation_date) },
  { CTX_FACTORS, "AssessmentFactors", F_LIST, 0 },

  { CTX_CIN_PLAN, "CINPlanStartDate", F_DATE, CIN_PLAN (start_date) },
  { CTX_CIN_PLAN, "CINPlanEndDate", F_DATE, CIN_PLAN (end_date) },

  { CTX_SECTION47, "S47ActualStartDate", F_DATE, S47 (start_date) },
  { CTX_SECTION47, "InitialCPCtarget", F_DATE, S47 (initial_cpc_target) },
  { CTX_SECTION47, "DateOfInitialCPC", F_DATE, S47 (initial_cpc_date) },
  { CTX_SECTION47, "ICPCnotRequired", F_TEXT, S47 (icpc_not_required) },

  { CTX_PLAN, "CPPstartDate", F_DATE, PLAN (start_date) },
  { CTX_PLAN, "CPPendDate", F_DATE, PLAN (end_date) },
  { CTX_PLAN, "InitialCategoryOfAbuse", F_TEXT, PLAN (initial_category) },
  { CTX_PLAN, "LatestCategoryOfAbuse", F_TEXT, PLAN (latest_category) },
  { CTX_PLAN, "NumberOfPreviousCPP", F_TEXT, PLAN (previous_plans) },
  { CTX_REVIEWS, "CPPreviewDate", F_DATE, REVIEW (date) },

  { CTX_PRE_PROCEEDINGS, "PPStartDate", F_DATE, PP (start_date) },
  { CTX_PRE_PROCEEDINGS, "LBPSentDate", F_DATE, PP (letter_before_proceedings) },
  { CTX_PRE_PROCEEDINGS, "FGDMMeetingOffer", F_TEXT, PP (fgdm_meeting_offer) },
  { CTX_PRE_PROCEEDINGS, "FGDMMeetingFac", F_TEXT, PP (fgdm_meeting_facilitated) },
  { CTX_PRE_PROCEEDINGS, "InitialPPMeetingDate", F_DATE, PP (initial_meeting_date) },
  { CTX_PRE_PROCEEDINGS, "ReviewMeetingsCount", F_TEXT, PP (review_meetings) },
  { CTX_PRE_PROCEEDINGS, "StepDecisionDate", F_DATE, PP (step_decision_date) },
  { CTX_PRE_PROCEEDINGS, "PPOutcome", F_TEXT, PP (outcome) },
  { CTX_PRE_PROCEEDINGS, "CourtAppDate", F_DATE, PP (court_application_date) },
  { CTX_PRE_PROCEEDINGS, "LetterInitCPDate", F_DATE, PP (letter_initial_cp_date) },
};
G_STATIC_ASSERT (G_N_ELEMENTS (fields) <= 64);

typedef struct
{
  Ctx ctx;
  guint32 seen_containers; /* bit i: containers[i] already met inside this element */
  guint64 seen_fields;     /* bit i: fields[i] already met inside this element */
  const Field *field;      /* for CTX_FIELD */
  guint line;
} Frame;

typedef struct
{
  CairnCinCensus *census;
  GMarkupParseContext *context;
  Frame stack[MAX_DEPTH];
  guint depth;
  gboolean seen_root;
  gboolean seen_header;
  GString *text;

  /* The records being read; each is appended to its parent when it ends. */
  CairnCinChild child;
  CairnCinEpisode episode;
  CairnCinAssessment assessment;
  CairnCinPlan cin_plan;
  CairnCinSection47 section47;
  CairnCinProtectionPlan plan;
  CairnCinReview review;
  CairnCinPreProceedings pre_proceedings;

  GArray *children;
  GArray *notes;
  GArray *episodes;
  GPtrArray *disabilities;
  GArray *loose_plans;
  GArray *loose_reviews;
  GArray *assessments;
  GPtrArray *factors;
  GArray *cin_plans;
  GArray *section47s;
  GArray *plans;
  GArray *reviews;
  GArray *pre_proceedings_list;
} Reader;

static guint
current_line (Reader *reader)
{
  int line = 0;

  g_markup_parse_context_get_position (reader->context, &line, NULL);
  return (guint) MAX (line, 1);
}

/* The line of the start tag just read. GMarkup reports a start tag once it
 * has looked at the character after '>': when that was a line break, the
 * position is already on the next line (at its first character). */
static guint
start_tag_line (Reader *reader)
{
  int line = 0, column = 0;

  g_markup_parse_context_get_position (reader->context, &line, &column);
  if (column <= 1 && line > 1)
    line--;
  return (guint) MAX (line, 1);
}

static void
add_note (Reader     *reader,
          guint       line,
          const char *element,
          const char *text,
          const char *problem)
{
  CairnCinNote note = { line, element, NULL, problem };

  if (text != NULL)
    note.text = g_string_chunk_insert (reader->census->strings, text);
  g_array_append_val (reader->notes, note);
}

/* Moves the contents of a temporary array into a plain array and its length. */
static gpointer
steal_array (GArray *array,
             guint  *n)
{
  gpointer data;

  *n = array->len;
  if (array->len == 0)
    return NULL;
  data = g_memdup2 (array->data, (gsize) array->len * g_array_get_element_size (array));
  g_array_set_size (array, 0);
  return data;
}

static const char **
steal_strings (GPtrArray *array,
               guint     *n)
{
  const char **data;

  *n = array->len;
  if (array->len == 0)
    return NULL;
  data = g_memdup2 (array->pdata, array->len * sizeof (char *));
  g_ptr_array_set_size (array, 0);
  return data;
}

/* The years a census date may have: anything outside is no real date of a
 * child's life, and keeping it out spares the rules' date arithmetic the
 * edges of GDate's range. */
#define FIRST_YEAR 1000
#define LAST_YEAR 9000

typedef enum
{
  DATE_OK,
  DATE_NOT_A_DATE,
  DATE_OUT_OF_RANGE,
} DateResult;

/* xs:date: YYYY-MM-DD, optionally followed by a time zone (Z or ±HH:MM). */
static DateResult
parse_date (const char *text,
            GDate      *out)
{
  char ymd[11];
  gsize len = strlen (text);

  if (len < 10)
    return DATE_NOT_A_DATE;
  if (len > 10)
    {
      const char *tz = text + 10;
      gboolean ok = (strcmp (tz, "Z") == 0) ||
                    (strlen (tz) == 6 && (tz[0] == '+' || tz[0] == '-') && g_ascii_isdigit (tz[1]) &&
                     g_ascii_isdigit (tz[2]) && tz[3] == ':' && g_ascii_isdigit (tz[4]) &&
                     g_ascii_isdigit (tz[5]));
      if (!ok)
        return DATE_NOT_A_DATE;
    }
  memcpy (ymd, text, 10);
  ymd[10] = '\0';
  if (!cairn_date_parse ("date", ymd, out, NULL))
    return DATE_NOT_A_DATE;
  if (g_date_get_year (out) < FIRST_YEAR || g_date_get_year (out) > LAST_YEAR)
    {
      g_date_clear (out, 1);
      return DATE_OUT_OF_RANGE;
    }
  /* Fill in the Julian day now, so that comparing dates later never writes
   * into the census (validation only reads it). */
  (void) g_date_get_julian (out);
  return DATE_OK;
}

static gpointer
record_for (Reader *reader,
            Ctx     ctx)
{
  switch (ctx)
    {
    case CTX_COLLECTION_DETAILS:
    case CTX_SOURCE:
      return reader->census;
    case CTX_IDENTIFIERS:
    case CTX_CHARACTERISTICS:
      return &reader->child;
    case CTX_EPISODE:
      return &reader->episode;
    case CTX_ASSESSMENT:
      return &reader->assessment;
    case CTX_CIN_PLAN:
      return &reader->cin_plan;
    case CTX_SECTION47:
      return &reader->section47;
    case CTX_PLAN:
      return &reader->plan;
    case CTX_REVIEWS:
      return &reader->review;
    case CTX_PRE_PROCEEDINGS:
      return &reader->pre_proceedings;
    case CTX_DOCUMENT:
    case CTX_MESSAGE:
    case CTX_HEADER:
    case CTX_CHILDREN:
    case CTX_CHILD:
    case CTX_DISABILITIES:
    case CTX_FACTORS:
    case CTX_FIELD:
    case CTX_IGNORED:
    default:
      return NULL;
    }
}

static void
begin_container (Reader *reader,
                 Ctx     ctx,
                 guint   line)
{
  switch (ctx)
    {
    case CTX_HEADER:
      reader->seen_header = TRUE;
      break;
    case CTX_CHILD:
      memset (&reader->child, 0, sizeof reader->child);
      reader->child.line = line;
      break;
    case CTX_DISABILITIES:
      reader->child.has_disabilities_element = TRUE;
      break;
    case CTX_EPISODE:
      memset (&reader->episode, 0, sizeof reader->episode);
      reader->episode.line = line;
      break;
    case CTX_ASSESSMENT:
      memset (&reader->assessment, 0, sizeof reader->assessment);
      reader->assessment.line = line;
      break;
    case CTX_FACTORS:
      reader->assessment.has_factors_element = TRUE;
      break;
    case CTX_CIN_PLAN:
      memset (&reader->cin_plan, 0, sizeof reader->cin_plan);
      reader->cin_plan.line = line;
      break;
    case CTX_SECTION47:
      memset (&reader->section47, 0, sizeof reader->section47);
      reader->section47.line = line;
      break;
    case CTX_PLAN:
      memset (&reader->plan, 0, sizeof reader->plan);
      reader->plan.line = line;
      break;
    case CTX_REVIEWS:
      memset (&reader->review, 0, sizeof reader->review);
      reader->review.line = line;
      break;
    case CTX_PRE_PROCEEDINGS:
      memset (&reader->pre_proceedings, 0, sizeof reader->pre_proceedings);
      reader->pre_proceedings.line = line;
      break;
    case CTX_DOCUMENT:
    case CTX_MESSAGE:
    case CTX_COLLECTION_DETAILS:
    case CTX_SOURCE:
    case CTX_CHILDREN:
    case CTX_IDENTIFIERS:
    case CTX_CHARACTERISTICS:
    case CTX_FIELD:
    case CTX_IGNORED:
    default:
      break;
    }
}

static int
parse_count (const char *text)
{
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, -1000000, 1000000, &value, NULL))
    return -1;
  return value < 0 ? -1 : (int) value;
}

/* Attaches plans and reviews written directly under Child to its last episode. */
static void
attach_loose_records (Reader *reader)
{
  CairnCinChild *child = &reader->child;
  CairnCinEpisode *last = child->n_episodes > 0 ? &child->episodes[child->n_episodes - 1] : NULL;

  if (reader->loose_plans->len > 0)
    {
      if (last != NULL)
        {
          guint n = reader->loose_plans->len;
          last->protection_plans = g_renew (CairnCinProtectionPlan, last->protection_plans,
                                            last->n_protection_plans + n);
          memcpy (last->protection_plans + last->n_protection_plans, reader->loose_plans->data,
                  n * sizeof (CairnCinProtectionPlan));
          last->n_protection_plans += n;
          g_array_set_size (reader->loose_plans, 0);
        }
      else
        child->unattached_plans = steal_array (reader->loose_plans, &child->n_unattached_plans);
    }

  if (reader->loose_reviews->len > 0)
    {
      CairnCinProtectionPlan *plan = NULL;

      if (last != NULL && last->n_protection_plans > 0)
        plan = &last->protection_plans[last->n_protection_plans - 1];
      else if (child->n_unattached_plans > 0)
        plan = &child->unattached_plans[child->n_unattached_plans - 1];
      if (plan != NULL)
        {
          guint n = reader->loose_reviews->len;
          plan->reviews = g_renew (CairnCinReview, plan->reviews, plan->n_reviews + n);
          memcpy (plan->reviews + plan->n_reviews, reader->loose_reviews->data,
                  n * sizeof (CairnCinReview));
          plan->n_reviews += n;
        }
      else
        {
          for (guint i = 0; i < reader->loose_reviews->len; i++)
            add_note (reader, g_array_index (reader->loose_reviews, CairnCinReview, i).line,
                      "Reviews", NULL, N_("no child protection plan to attach it to; ignored"));
        }
      g_array_set_size (reader->loose_reviews, 0);
    }
}

static void
end_container (Reader *reader,
               Ctx     ctx,
               Ctx     parent)
{
  switch (ctx)
    {
    case CTX_CHILD:
      reader->child.disabilities = steal_strings (reader->disabilities, &reader->child.n_disabilities);
      reader->child.episodes = steal_array (reader->episodes, &reader->child.n_episodes);
      attach_loose_records (reader);
      g_array_append_val (reader->children, reader->child);
      memset (&reader->child, 0, sizeof reader->child);
      break;
    case CTX_EPISODE:
      {
        CairnCinEpisode *e = &reader->episode;

        e->referral_nfa_flag = cairn_cin_flag_parse (e->referral_nfa);
        e->assessments = steal_array (reader->assessments, &e->n_assessments);
        e->cin_plans = steal_array (reader->cin_plans, &e->n_cin_plans);
        e->section47s = steal_array (reader->section47s, &e->n_section47s);
        e->protection_plans = steal_array (reader->plans, &e->n_protection_plans);
        e->pre_proceedings = steal_array (reader->pre_proceedings_list, &e->n_pre_proceedings);
        g_array_append_val (reader->episodes, *e);
        memset (e, 0, sizeof *e);
      }
      break;
    case CTX_ASSESSMENT:
      reader->assessment.factors = steal_strings (reader->factors, &reader->assessment.n_factors);
      g_array_append_val (reader->assessments, reader->assessment);
      memset (&reader->assessment, 0, sizeof reader->assessment);
      break;
    case CTX_CIN_PLAN:
      g_array_append_val (reader->cin_plans, reader->cin_plan);
      break;
    case CTX_SECTION47:
      reader->section47.icpc_not_required_flag =
        cairn_cin_flag_parse (reader->section47.icpc_not_required);
      g_array_append_val (reader->section47s, reader->section47);
      break;
    case CTX_PLAN:
      reader->plan.n_previous_plans = parse_count (reader->plan.previous_plans);
      reader->plan.reviews = steal_array (reader->reviews, &reader->plan.n_reviews);
      g_array_append_val (parent == CTX_CHILD ? reader->loose_plans : reader->plans, reader->plan);
      memset (&reader->plan, 0, sizeof reader->plan);
      break;
    case CTX_REVIEWS:
      g_array_append_val (parent == CTX_CHILD ? reader->loose_reviews : reader->reviews,
                          reader->review);
      break;
    case CTX_PRE_PROCEEDINGS:
      g_array_append_val (reader->pre_proceedings_list, reader->pre_proceedings);
      break;
    case CTX_DOCUMENT:
    case CTX_MESSAGE:
    case CTX_HEADER:
    case CTX_COLLECTION_DETAILS:
    case CTX_SOURCE:
    case CTX_CHILDREN:
    case CTX_IDENTIFIERS:
    case CTX_CHARACTERISTICS:
    case CTX_DISABILITIES:
    case CTX_FACTORS:
    case CTX_FIELD:
    case CTX_IGNORED:
    default:
      break;
    }
}

/* For each context, the containers and fields that may appear in it
 * (indices into containers[], or FIELD_BASE + indices into fields[]),
 * ended by END_OF_INDEX: a start tag is compared with a handful of names,
 * not all of them. */
#define N_CTX (CTX_IGNORED + 1)
#define FIELD_BASE 32
#define END_OF_INDEX (-1)
#define MAX_PER_CTX 16

static gpointer
build_index (gpointer data)
{
  static gint8 index[N_CTX][MAX_PER_CTX + 1];

  for (int c = 0; c < N_CTX; c++)
    {
      int n = 0;

      for (gsize i = 0; i < G_N_ELEMENTS (containers); i++)
        if ((int) containers[i].parent == c)
          index[c][n++] = (gint8) i;
      for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
        if ((int) fields[i].parent == c)
          index[c][n++] = (gint8) (FIELD_BASE + i);
      g_assert (n <= MAX_PER_CTX);
      index[c][n] = END_OF_INDEX;
    }
  return index;
}

static const gint8 (*element_index (void))[MAX_PER_CTX + 1]
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_index, NULL);
  return once.retval;
}

static void
on_start_element (GMarkupParseContext *context,
                  const char          *name,
                  const char         **attribute_names,
                  const char         **attribute_values,
                  gpointer             user_data,
                  GError             **error)
{
  Reader *reader = user_data;
  Frame *parent = &reader->stack[reader->depth];
  Frame *frame;
  guint line = start_tag_line (reader);

  if (reader->depth + 1 >= MAX_DEPTH)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: line %u: elements nested more than %d deep; this is not a CIN census"),
                   reader->census->name, line, MAX_DEPTH);
      return;
    }
  if (!reader->seen_root)
    {
      reader->seen_root = TRUE;
      if (strcmp (name, "Message") != 0)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: line %u: not a CIN census: the root element is <%s>, not <Message>"),
                       reader->census->name, line, name);
          return;
        }
    }

  frame = &reader->stack[++reader->depth];
  memset (frame, 0, sizeof *frame);
  frame->ctx = CTX_IGNORED;
  frame->line = line;

  if (parent->ctx == CTX_IGNORED || parent->ctx == CTX_FIELD)
    return;

  for (const gint8 *k = element_index ()[parent->ctx]; *k != END_OF_INDEX; k++)
    {
      if (*k < FIELD_BASE)
        {
          guint i = (guint) *k;

          if (strcmp (containers[i].name, name) != 0)
            continue;
          if (!containers[i].repeated)
            {
              if (parent->seen_containers & (1u << i))
                {
                  add_note (reader, line, containers[i].name, NULL,
                            N_("appears more than once; only the first is read"));
                  return;
                }
              parent->seen_containers |= 1u << i;
            }
          frame->ctx = containers[i].ctx;
          begin_container (reader, frame->ctx, line);
          return;
        }
      else
        {
          guint i = (guint) (*k - FIELD_BASE);

          if (strcmp (fields[i].name, name) != 0)
            continue;
          if (fields[i].kind != F_LIST)
            {
              if (parent->seen_fields & (G_GUINT64_CONSTANT (1) << i))
                {
                  add_note (reader, line, fields[i].name, NULL,
                            N_("appears more than once; only the first is read"));
                  return;
                }
              parent->seen_fields |= G_GUINT64_CONSTANT (1) << i;
            }
          frame->ctx = CTX_FIELD;
          frame->field = &fields[i];
          g_string_truncate (reader->text, 0);
          return;
        }
    }
}

static void
store_field (Reader      *reader,
             const Field *field,
             Ctx          parent,
             guint        line,
             GError     **error)
{
  CairnCinCensus *census = reader->census;
  char *value = g_strstrip (reader->text->str);
  gpointer record;

  if (field->kind == F_LIST)
    {
      if (*value != '\0')
        g_ptr_array_add (parent == CTX_DISABILITIES ? reader->disabilities : reader->factors,
                         g_string_chunk_insert_const (census->strings, value));
      return;
    }

  record = record_for (reader, parent);
  g_return_if_fail (record != NULL);

  if (field->kind == F_DATE)
    {
      GDate *date = (GDate *) G_STRUCT_MEMBER_P (record, field->offset);

      DateResult result = *value != '\0' ? parse_date (value, date) : DATE_OK;

      if (result == DATE_NOT_A_DATE)
        {
          g_date_clear (date, 1);
          add_note (reader, line, field->name, value, N_("not a date (YYYY-MM-DD); read as missing"));
        }
      else if (result == DATE_OUT_OF_RANGE)
        add_note (reader, line, field->name, value,
                  N_("not a year between 1000 and 9000; read as missing"));
      return;
    }

  if (*value == '\0')
    return;
  /* Codes repeat in every child: short values are stored once. Identifiers
   * are unique, and hashing them would only cost time. */
  G_STRUCT_MEMBER (const char *, record, field->offset) =
    strlen (value) <= 6 ? g_string_chunk_insert_const (census->strings, value)
                        : g_string_chunk_insert (census->strings, value);

  if (parent == CTX_COLLECTION_DETAILS && strcmp (field->name, "Collection") == 0 &&
      g_ascii_strcasecmp (value, "CIN") != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: line %u: not a CIN census: Collection is \"%s\", not \"CIN\""),
                   census->name, line, value);
    }
  else if (parent == CTX_COLLECTION_DETAILS && strcmp (field->name, "Year") == 0)
    {
      guint64 year;

      if (strlen (value) == 4 && g_ascii_string_to_unsigned (value, 10, 1900, 9999, &year, NULL))
        census->year = (int) year;
    }
}

static void
on_end_element (GMarkupParseContext *context,
                const char          *name,
                gpointer             user_data,
                GError             **error)
{
  Reader *reader = user_data;
  Frame *frame = &reader->stack[reader->depth];
  Ctx parent = reader->stack[reader->depth - 1].ctx;

  if (frame->ctx == CTX_FIELD)
    store_field (reader, frame->field, parent, frame->line, error);
  else if (frame->ctx == CTX_MESSAGE && !reader->seen_header)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                 _("%s: line %u: not a CIN census: <Message> has no <Header>"),
                 reader->census->name, current_line (reader));
  else if (frame->ctx != CTX_IGNORED)
    end_container (reader, frame->ctx, parent);
  reader->depth--;
}

static void
on_text (GMarkupParseContext *context,
         const char          *text,
         gsize                text_len,
         gpointer             user_data,
         GError             **error)
{
  Reader *reader = user_data;

  /* Text outside value elements (indentation, stray words) is ignored. */
  if (reader->stack[reader->depth].ctx != CTX_FIELD)
    return;
  if (reader->text->len + text_len > MAX_FIELD_BYTES)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: line %u: <%s> holds more than %d bytes; reading stopped here"),
                   reader->census->name, current_line (reader),
                   reader->stack[reader->depth].field->name, MAX_FIELD_BYTES);
      return;
    }
  g_string_append_len (reader->text, text, text_len);
}

static void
on_passthrough (GMarkupParseContext *context,
                const char          *text,
                gsize                text_len,
                gpointer             user_data,
                GError             **error)
{
  Reader *reader = user_data;
  guint line = start_tag_line (reader);

  /* Comments and processing instructions (the XML declaration) pass; a
   * DOCTYPE, ENTITY or any other declaration is refused: a census has none,
   * and Cairn never expands entities. */
  if (text_len >= 2 && text[0] == '<' && text[1] == '!' &&
      !(text_len >= 4 && text[2] == '-' && text[3] == '-'))
    {
      g_autofree char *head = g_strndup (text, MIN (text_len, 40));

      /* The position is the end of the declaration; report where it starts. */
      for (gsize i = 0; i < text_len; i++)
        if (text[i] == '\n' && line > 1)
          line--;
      g_strdelimit (head, "\r\n\t", ' ');
      if (strchr (head, ' '))
        *strchr (head, ' ') = '\0';
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: line %u: a %s declaration is refused: a CIN census has no DTD, and "
                     "Cairn never expands entities"),
                   reader->census->name, line, head + 2);
    }
}

static const GMarkupParser parser = {
  on_start_element,
  on_end_element,
  on_text,
  on_passthrough,
  NULL,
};

static Reader *
reader_new (const char *name)
{
  Reader *reader = g_new0 (Reader, 1);

  reader->census = g_new0 (CairnCinCensus, 1);
  reader->census->name = g_strdup (name);
  reader->census->strings = g_string_chunk_new (64 * 1024);
  reader->context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, reader, NULL);
  reader->stack[0].ctx = CTX_DOCUMENT;
  reader->text = g_string_sized_new (64);
  reader->children = g_array_new (FALSE, FALSE, sizeof (CairnCinChild));
  reader->notes = g_array_new (FALSE, FALSE, sizeof (CairnCinNote));
  reader->episodes = g_array_new (FALSE, FALSE, sizeof (CairnCinEpisode));
  reader->disabilities = g_ptr_array_new ();
  reader->loose_plans = g_array_new (FALSE, FALSE, sizeof (CairnCinProtectionPlan));
  reader->loose_reviews = g_array_new (FALSE, FALSE, sizeof (CairnCinReview));
  reader->assessments = g_array_new (FALSE, FALSE, sizeof (CairnCinAssessment));
  reader->factors = g_ptr_array_new ();
  reader->cin_plans = g_array_new (FALSE, FALSE, sizeof (CairnCinPlan));
  reader->section47s = g_array_new (FALSE, FALSE, sizeof (CairnCinSection47));
  reader->plans = g_array_new (FALSE, FALSE, sizeof (CairnCinProtectionPlan));
  reader->reviews = g_array_new (FALSE, FALSE, sizeof (CairnCinReview));
  reader->pre_proceedings_list = g_array_new (FALSE, FALSE, sizeof (CairnCinPreProceedings));
  return reader;
}

/* Frees whatever the reader still holds; the census too, unless taken. */
static void
reader_free (Reader *reader)
{
  if (reader->census != NULL)
    {
      /* Reading stopped half-way. The records in progress own nothing yet
       * (their arrays are still in the temporary lists): give them those
       * lists and put them in the census, so that one free releases all. */
      CairnCinEpisode *e = &reader->episode;
      CairnCinChild *child = &reader->child;

      e->assessments = steal_array (reader->assessments, &e->n_assessments);
      e->cin_plans = steal_array (reader->cin_plans, &e->n_cin_plans);
      e->section47s = steal_array (reader->section47s, &e->n_section47s);
      e->protection_plans = steal_array (reader->plans, &e->n_protection_plans);
      e->pre_proceedings = steal_array (reader->pre_proceedings_list, &e->n_pre_proceedings);
      g_array_append_val (reader->episodes, *e);
      child->episodes = steal_array (reader->episodes, &child->n_episodes);
      child->unattached_plans = steal_array (reader->loose_plans, &child->n_unattached_plans);
      child->disabilities = steal_strings (reader->disabilities, &child->n_disabilities);
      g_array_append_val (reader->children, *child);
      reader->census->children = steal_array (reader->children, &reader->census->n_children);
    }
  cairn_cin_census_free (reader->census);
  g_markup_parse_context_free (reader->context);
  g_string_free (reader->text, TRUE);
  g_array_unref (reader->children);
  g_array_unref (reader->notes);
  g_array_unref (reader->episodes);
  g_ptr_array_unref (reader->disabilities);
  g_array_unref (reader->loose_plans);
  g_array_unref (reader->loose_reviews);
  g_array_unref (reader->assessments);
  g_ptr_array_unref (reader->factors);
  g_array_unref (reader->cin_plans);
  g_array_unref (reader->section47s);
  g_array_unref (reader->plans);
  g_array_unref (reader->reviews);
  g_array_unref (reader->pre_proceedings_list);
  g_free (reader);
}

/* Turns a GMarkup error into one line naming the file and the line where
 * reading stopped. Errors raised by the callbacks already have that form. */
static void
propagate_markup_error (Reader  *reader,
                        GError  *markup_error,
                        gboolean at_end,
                        GError **error)
{
  const char *name = reader->census->name;
  guint line = current_line (reader);
  const char *detail;

  if (markup_error->domain != G_MARKUP_ERROR)
    {
      g_propagate_error (error, markup_error);
      return;
    }

  /* GMarkup's messages start "Error on line N char M: "; the line is given our way. */
  detail = strstr (markup_error->message, ": ");
  detail = detail ? detail + 2 : markup_error->message;

  if (markup_error->code == G_MARKUP_ERROR_EMPTY)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: the file is empty, not a CIN census"),
                 name);
  else if (markup_error->code == G_MARKUP_ERROR_BAD_UTF8)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                 _("%s: line %u: not UTF-8 text (a CIN census is UTF-8 XML)"), name, line);
  else if (!reader->seen_root)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: line %u: not XML: %s"), name, line,
                 detail);
  else if (at_end && reader->depth > 0)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                 _("%s: line %u: the file ends inside <%s>: it is truncated"), name, line,
                 g_markup_parse_context_get_element (reader->context));
  else
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: line %u: not well-formed XML: %s"),
                 name, line, detail);
  g_error_free (markup_error);
}

/* Feeds one block; FALSE with @error set when reading must stop. */
static gboolean
reader_feed (Reader     *reader,
             const char *data,
             gsize       length,
             GError    **error)
{
  GError *markup_error = NULL;
  const char *end;

  /* Checked before GMarkup sees it: GLib 2.74's GMarkup, finding invalid
   * UTF-8 in a comment or processing instruction, sets its error and then
   * carries on parsing (gmarkup.c, STATE_INSIDE_PASSTHROUGH). The caller
   * keeps an incomplete character at the end of a block for the next one. */
  if (!g_utf8_validate (data, (gssize) length, &end))
    {
      guint line = current_line (reader);

      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: line %u: not UTF-8 text (a CIN census is UTF-8 XML)"), reader->census->name,
                   line);
      return FALSE;
    }
  if (!g_markup_parse_context_parse (reader->context, data, length, &markup_error) ||
      markup_error != NULL)
    {
      propagate_markup_error (reader, markup_error, FALSE, error);
      return FALSE;
    }
  return TRUE;
}

/* How many bytes at the end of @data start a UTF-8 character that the next
 * block completes (0 when @data ends on a character boundary). */
static gsize
incomplete_tail (const char *data,
                 gsize       length)
{
  for (gsize back = 1; back <= 3 && back <= length; back++)
    {
      guchar c = (guchar) data[length - back];

      if ((c & 0xC0) != 0x80)
        {
          gsize need = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;

          return need > back ? back : 0;
        }
    }
  return 0;
}

static CairnCinCensus *
reader_finish (Reader  *reader,
               GError **error)
{
  GError *markup_error = NULL;
  CairnCinCensus *census;

  if (!g_markup_parse_context_end_parse (reader->context, &markup_error))
    {
      propagate_markup_error (reader, markup_error, TRUE, error);
      return NULL;
    }
  census = reader->census;
  census->children = steal_array (reader->children, &census->n_children);
  census->notes = steal_array (reader->notes, &census->n_notes);
  reader->census = NULL;
  return census;
}

/* Checks the first bytes for encodings GMarkup would misread; returns how
 * many bytes to skip (a UTF-8 byte order mark). */
static gboolean
check_start (Reader      *reader,
             const guchar *data,
             gsize        length,
             gsize       *skip,
             GError     **error)
{
  *skip = 0;
  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    *skip = 3;
  else if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: line 1: the file is UTF-16; a CIN census is UTF-8 XML"),
                   reader->census->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_cin_census_read_stream:
 * @name: the name used in messages (usually the file's path)
 * @total_size: the stream's size for progress, or 0 when unknown
 * @max_size: refuse streams longer than this (0: %CAIRN_CIN_MAX_FILE_SIZE)
 *
 * Reads a census return block by block. Every failure is a %CAIRN_ERROR (or
 * a #GIOError for I/O and cancellation) whose message names @name and the
 * line where reading stopped.
 */
CairnCinCensus *
cairn_cin_census_read_stream (GInputStream          *stream,
                              const char            *name,
                              guint64                total_size,
                              guint64                max_size,
                              CairnCinProgressFunc   progress,
                              gpointer               user_data,
                              GCancellable          *cancellable,
                              GError               **error)
{
  Reader *reader = reader_new (name);
  g_autofree char *block = g_malloc (BLOCK_SIZE + 4);
  CairnCinCensus *census = NULL;
  guint64 done = 0;
  gsize run = 0;   /* bytes since the last '<' */
  gsize carry = 0; /* bytes of a character split between blocks, at block[0] */
  gboolean first = TRUE;

  if (max_size == 0)
    max_size = CAIRN_CIN_MAX_FILE_SIZE;

  for (;;)
    {
      gssize n = g_input_stream_read (stream, block + carry, BLOCK_SIZE, cancellable, error);
      const char *data = block;
      gsize length, tail;
      const char *lt;

      if (n < 0)
        goto out;
      if (n == 0)
        break;
      done += (guint64) n;
      length = carry + (gsize) n;
      if (first)
        {
          gsize skip;

          first = FALSE;
          if (!check_start (reader, (const guchar *) block, length, &skip, error))
            goto out;
          data += skip;
          length -= skip;
        }
      tail = incomplete_tail (data, length);
      if (!reader_feed (reader, data, length - tail, error))
        goto out;
      memmove (block, data + length - tail, tail);
      carry = tail;
      length -= tail;
      if (done > max_size)
        {
          g_autofree char *limit = NULL;

          if (max_size >= (G_GUINT64_CONSTANT (1) << 30))
            limit = g_strdup_printf ("%" G_GUINT64_FORMAT " GiB", max_size >> 30);
          else if (max_size >= (1u << 20))
            limit = g_strdup_printf ("%" G_GUINT64_FORMAT " MiB", max_size >> 20);
          else
            limit = g_strdup_printf ("%" G_GUINT64_FORMAT " bytes", max_size);
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: line %u: reading stopped: the file is larger than %s, more than "
                         "any CIN census"),
                       name, current_line (reader), limit);
          goto out;
        }
      lt = length > 0 ? memchr (data, '<', length) : NULL;
      if (lt == NULL)
        run += length;
      else
        {
          if (run + (gsize) (lt - data) <= MAX_TEXT_RUN)
            {
              gsize last = length - 1;

              while (data[last] != '<')
                last--;
              run = length - last - 1;
            }
          else
            run = MAX_TEXT_RUN + 1;
        }
      if (run > MAX_TEXT_RUN)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: line %u: reading stopped: more than %d bytes without any markup; "
                         "this is not a CIN census"),
                       name, current_line (reader), MAX_TEXT_RUN);
          goto out;
        }
      if (progress != NULL && !progress (done, total_size, user_data))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("%s: reading cancelled"), name);
          goto out;
        }
    }

  /* A character cut off by the end of the file. */
  if (carry > 0 && !reader_feed (reader, block, carry, error))
    goto out;

  census = reader_finish (reader, error);

out:
  reader_free (reader);
  return census;
}

CairnCinCensus *
cairn_cin_census_read_file (const char            *path,
                            CairnCinProgressFunc   progress,
                            gpointer               user_data,
                            GCancellable          *cancellable,
                            GError               **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  guint64 size = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such file"), path);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("%s: is a folder, not a census file"), path);
      else
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("%s: cannot be read: %s"), path,
                     local_error->message);
      return NULL;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    size = (guint64) g_file_info_get_size (info);
  return cairn_cin_census_read_stream (G_INPUT_STREAM (stream), path, size, 0, progress, user_data,
                                       cancellable, error);
}

CairnCinCensus *
cairn_cin_census_read_data (const char  *data,
                            gsize        length,
                            const char  *name,
                            GError     **error)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) length, NULL);

  return cairn_cin_census_read_stream (stream, name, length, 0, NULL, NULL, NULL, error);
}
