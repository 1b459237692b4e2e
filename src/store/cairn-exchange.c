/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-agency-store.h"
#include "cairn-audit-store.h"
#include "cairn-case.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-exchange.h"
#include "cairn-person-store.h"
#include "cairn-ref.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

/*
 * One child's whole record as JSON, and back.
 *
 * The document:
 *
 *   format, version
 *   agencies        every agency the record names: code, name, kind (by code)
 *   professionals   every professional it names: name, agency, role, team,
 *                   qualified_social_worker (by agency, then name)
 *   child           every column of children but the id; "reference" is C-000123;
 *                   disabilities
 *   household       relationships, each with its person
 *   links           other children: other_child {reference, given_name,
 *                   family_name, date_of_birth}, relationship
 *   conferences     the conferences the child was a subject of, by reference,
 *                   with their attendees (the issued versions of their
 *                   minutes and who received them stay with the board that
 *                   issued them)
 *   cases           by number, each with referrals, assessments (factors),
 *                   cin_plans, strategy_discussions, s47_enquiries,
 *                   conference_subjects (categories, core_group,
 *                   plan_actions), cp_plans (categories,
 *                   reviews, core_group_members, core_group_meetings),
 *                   legal_orders, events
 *
 * No row id appears. Agencies are named by code, professionals by
 * {"name", "agency"}, conferences by reference, a section 47 enquiry's
 * strategy discussion by its index in the case's strategy_discussions.
 * Members and arrays come in a fixed order (arrays by date, ties by the
 * order of entry), so that export, import into an empty database and
 * export again gives the same bytes.
 *
 * Import checks every member (strict dates, code lists, required members,
 * unknown members refused) and the core validators (cairn_child_validate,
 * cairn_person_validate, cairn_referral_validate, cairn_event_validate),
 * naming the member by its path: cases[0].referrals[0].received_at. It
 * writes in one transaction: on any error nothing is written. Matching on
 * import:
 *
 * - the child: a child stored with the same reference, NHS number or LA
 *   child ID is "already in the database" (CAIRN_ERROR_EXISTS). With
 *   CAIRN_IMPORT_REPLACE its row is updated in place (so SCRs and other
 *   children's links to it stay) and everything else of its record is
 *   replaced; conferences and people that were only this child's go with
 *   it. A file that matches two stored children is refused.
 * - agencies by code, professionals by name and agency code: matched, or
 *   added with the file's details. A stored one keeps its own details.
 * - people by given name, family name and date of birth; a person without
 *   a date of birth is never matched (two people who share a name must not
 *   be merged), except, on replace, someone the child was linked to before.
 * - conferences by reference; a stored conference must have the same kind
 *   and date and time, keeps its record and attendees, and gains this
 *   child's subject rows (a sibling group).
 * - links: to the stored child with the same reference, given name, family
 *   name and date of birth; otherwise the link is kept in
 *   external_child_links with the reference and name the file gives, and
 *   becomes a link when that child is imported. Either way it is exported
 *   the same, so a record reads the same on any database.
 *
 * A document must name every agency, professional and conference it lists
 * (as an exported one does), so that a valid document imported into an
 * empty database exports as itself.
 *
 * Most tables are described once, below, as a list of fields: the same
 * description reads a row for export and checks and writes it on import.
 */

#define MAX_FIELDS 32

typedef enum
{
  F_TEXT,           /* text or null; "" is stored as NULL */
  F_STRING,         /* text of a NOT NULL column */
  F_CODE,           /* a code of Field.codes */
  F_DATE,           /* "YYYY-MM-DD" */
  F_TIME,           /* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" */
  F_BOOL,           /* true or false */
  F_TRISTATE,       /* true, false or null (not recorded) */
  F_INT,            /* a whole number */
  F_CHILD_REF,      /* "C-000123" ↔ children.number */
  F_CONFERENCE_REF, /* "CF-2011-0042" ↔ conferences.year and number */
  F_AGENCY,         /* an agency code of the document's agencies ↔ agencies.id */
  F_PROFESSIONAL,   /* {"name", "agency"} of the document's professionals ↔ professionals.id */
  F_CONFERENCE,     /* a reference of the document's conferences ↔ conferences.id */
  F_STRATEGY,       /* an index into the case's strategy_discussions ↔ strategy_discussions.id */
  F_PERSON,         /* a person ↔ people.id */
} FieldType;

enum
{
  REQUIRED = 1 << 0, /* present, not null, not blank */
  NOT_NULL = 1 << 1, /* missing or null takes Field.fallback (false, 0) */
  UNIQUE = 1 << 2,   /* no two rows of one array share the value */
  SPECIFIC = 1 << 3, /* a category other than MUL */
  POSITIVE = 1 << 4, /* a number above zero */
};

typedef struct
{
  const char *name;
  FieldType type;
  guint flags;
  int codes;            /* CairnCodeList for F_CODE */
  const char *fallback; /* for NOT_NULL text fields */
} Field;

#define TEXT(n) { n, F_TEXT, 0, -1, NULL }
#define STRING(n) { n, F_STRING, NOT_NULL, -1, "" }
#define STRING_OR(n, d) { n, F_STRING, NOT_NULL, -1, d }
#define REQUIRED_STRING(n) { n, F_STRING, REQUIRED | NOT_NULL, -1, NULL }
#define CODE(n, l) { n, F_CODE, 0, l, NULL }
#define CODE_OR(n, l, d) { n, F_CODE, NOT_NULL, l, d }
#define REQUIRED_CODE(n, l) { n, F_CODE, REQUIRED | NOT_NULL, l, NULL }
#define DATE(n) { n, F_DATE, 0, -1, NULL }
#define REQUIRED_DATE(n) { n, F_DATE, REQUIRED | NOT_NULL, -1, NULL }
#define TIME(n) { n, F_TIME, 0, -1, NULL }
#define REQUIRED_TIME(n) { n, F_TIME, REQUIRED | NOT_NULL, -1, NULL }
#define BOOL(n) { n, F_BOOL, NOT_NULL, -1, NULL }
#define TRISTATE(n) { n, F_TRISTATE, 0, -1, NULL }
#define AGENCY(n) { n, F_AGENCY, 0, -1, NULL }
#define PROFESSIONAL(n) { n, F_PROFESSIONAL, 0, -1, NULL }

/* One column's value: SQL NULL, an integer or text. */
typedef struct
{
  gboolean is_null;
  gboolean is_int;
  gint64 num;
  char *text;
} Value;

typedef struct _Ctx Ctx;
typedef struct _Table Table;

/* Called for each imported row after its fields are read and checked. A
 * table without insert_sql is stored by its hook, which sets *id. */
typedef gboolean (*RowHook) (Ctx         *ctx,
                             const Table *table,
                             const char  *path,
                             JsonNode    *node,
                             Value       *values,
                             gint64      *id,
                             GError     **error);

enum
{
  T_SCALAR = 1 << 0,   /* an array of values, not of objects (one field) */
  T_CASE = 1 << 1,     /* starts a case: strategy discussion indexes restart */
  T_STRATEGY = 1 << 2, /* strategy discussions: their indexes are recorded */
};

struct _Table
{
  const char *member;        /* the array's member name in its parent object */
  const char *name;          /* the SQL table */
  const Field *fields;
  guint n_fields;
  const char *select_sql;    /* ?1 = parent id; the fields' columns in order, then id */
  const char *insert_sql;    /* ?1 = parent id, ?2… the fields in order */
  RowHook hook;
  guint flags;
  const Table *const *children;
};

struct _Ctx
{
  CairnStore *store;
  GDate today;
  gboolean dry;                 /* import: check rows without writing them */
  CairnChild *child;            /* import: the child, validated */
  GArray *previous_people;      /* import with replace: people linked before */
  GHashTable *agency_ids;       /* import: code → id */
  GHashTable *professional_ids; /* import: "code\nname" → id */
  GHashTable *conference_ids;   /* import: reference → id */
  GHashTable *conferences_named;/* import: references named by subject rows */
  GHashTable *agencies;         /* export: ids named */
  GHashTable *professionals;    /* export: ids named */
  GHashTable *conferences;      /* export: ids named */
  GArray *strategies;           /* the current case's strategy discussion ids, in order */
  GHashTable *counts;           /* import: SQL table → rows written */
};

/* Tables ------------------------------------------------------------------ */

static gboolean child_hook (Ctx *, const Table *, const char *, JsonNode *, Value *, gint64 *, GError **);
static gboolean person_hook (Ctx *, const Table *, const char *, JsonNode *, Value *, gint64 *, GError **);
static gboolean agency_hook (Ctx *, const Table *, const char *, JsonNode *, Value *, gint64 *, GError **);
static gboolean professional_hook (Ctx *, const Table *, const char *, JsonNode *, Value *, gint64 *, GError **);
static gboolean conference_hook (Ctx *, const Table *, const char *, JsonNode *, Value *, gint64 *, GError **);
static gboolean referral_hook (Ctx *, const Table *, const char *, JsonNode *, Value *, gint64 *, GError **);
static gboolean event_hook (Ctx *, const Table *, const char *, JsonNode *, Value *, gint64 *, GError **);

#define FIELDS(f) f, G_N_ELEMENTS (f)

static const Field agency_fields[] = {
  { "code", F_STRING, REQUIRED | NOT_NULL | UNIQUE, -1, NULL },
  REQUIRED_STRING ("name"),
  STRING_OR ("kind", "other"),
};

static const Table agencies_table = {
  "agencies", "agencies", FIELDS (agency_fields),
  "SELECT code, name, kind, id FROM agencies WHERE id = ?1",
  NULL, agency_hook, 0, NULL
};

static const Field professional_fields[] = {
  REQUIRED_STRING ("name"),
  { "agency", F_AGENCY, REQUIRED | NOT_NULL, -1, NULL },
  STRING ("role"),
  STRING ("team"),
  BOOL ("qualified_social_worker"),
};

static const Table professionals_table = {
  "professionals", "professionals", FIELDS (professional_fields),
  "SELECT name, agency_id, role, team, qualified_social_worker, id FROM professionals WHERE id = ?1",
  NULL, professional_hook, 0, NULL
};

static const Field disability_fields[] = {
  { "code", F_CODE, REQUIRED | NOT_NULL | UNIQUE, CAIRN_CODES_DISABILITY, NULL },
};

static const Table disabilities_table = {
  "disabilities", "child_disabilities", FIELDS (disability_fields),
  "SELECT code, id FROM child_disabilities WHERE child_id = ?1 ORDER BY id",
  "INSERT INTO child_disabilities (child_id, code) VALUES (?1, ?2)",
  NULL, T_SCALAR, NULL
};

static const Table *const child_children[] = { &disabilities_table, NULL };

static const Field child_fields[] = {
  { "reference", F_CHILD_REF, REQUIRED | NOT_NULL, -1, NULL },
  STRING ("given_name"),
  REQUIRED_STRING ("family_name"),
  STRING ("other_names"),
  STRING ("aliases"),
  DATE ("date_of_birth"),
  DATE ("expected_birth_date"),
  DATE ("date_of_death"),
  CODE_OR ("sex", CAIRN_CODES_SEX, "U"),
  TEXT ("gender_current"),
  CODE ("ethnicity", CAIRN_CODES_ETHNICITY),
  TEXT ("religion"),
  TEXT ("first_language"),
  BOOL ("interpreter_needed"),
  TEXT ("nhs_number"),
  TEXT ("la_child_id"),
  TEXT ("upn"),
  TEXT ("former_upn"),
  CODE ("upn_unknown", CAIRN_CODES_UPN_UNKNOWN),
  TEXT ("address"),
  TEXT ("postcode"),
  TEXT ("school"),
  TEXT ("gp"),
  TEXT ("legal_status"),
  BOOL ("looked_after"),
  BOOL ("transferred_in"),
};

static const Table child_table = {
  "child", "children", FIELDS (child_fields),
  "SELECT number, given_name, family_name, other_names, aliases, date_of_birth,"
  " expected_birth_date, date_of_death, sex, gender_current, ethnicity, religion, first_language,"
  " interpreter_needed, nhs_number, la_child_id, upn, former_upn, upn_unknown, address, postcode,"
  " school, gp, legal_status, looked_after, transferred_in, id FROM children WHERE id = ?1",
  NULL, child_hook, 0, child_children
};

static const char child_insert_sql[] =
  "INSERT INTO children (number, given_name, family_name, other_names, aliases, date_of_birth,"
  " expected_birth_date, date_of_death, sex, gender_current, ethnicity, religion, first_language,"
  " interpreter_needed, nhs_number, la_child_id, upn, former_upn, upn_unknown, address, postcode,"
  " school, gp, legal_status, looked_after, transferred_in)"
  " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
  " ?21, ?22, ?23, ?24, ?25, ?26, ?27)";

static const char child_update_sql[] =
  "UPDATE children SET number = ?2, given_name = ?3, family_name = ?4, other_names = ?5,"
  " aliases = ?6, date_of_birth = ?7, expected_birth_date = ?8, date_of_death = ?9, sex = ?10,"
  " gender_current = ?11, ethnicity = ?12, religion = ?13, first_language = ?14,"
  " interpreter_needed = ?15, nhs_number = ?16, la_child_id = ?17, upn = ?18, former_upn = ?19,"
  " upn_unknown = ?20, address = ?21, postcode = ?22, school = ?23, gp = ?24, legal_status = ?25,"
  " looked_after = ?26, transferred_in = ?27 WHERE id = ?1";

static const Field person_fields[] = {
  STRING ("given_name"),
  REQUIRED_STRING ("family_name"),
  STRING ("aliases"),
  DATE ("date_of_birth"),
  CODE_OR ("sex", CAIRN_CODES_SEX, "U"),
  TEXT ("address"),
  TEXT ("postcode"),
  TEXT ("phone"),
};

static const Table people_table = {
  "person", "people", FIELDS (person_fields),
  "SELECT given_name, family_name, aliases, date_of_birth, sex, address, postcode, phone, id"
  " FROM people WHERE id = ?1",
  NULL, person_hook, 0, NULL
};

static const Field relationship_fields[] = {
  { "person", F_PERSON, REQUIRED | NOT_NULL | UNIQUE, -1, NULL },
  REQUIRED_CODE ("relationship", CAIRN_CODES_RELATIONSHIP),
  BOOL ("parental_responsibility"),
  BOOL ("lives_with_child"),
  BOOL ("poses_risk"),
  TEXT ("notes"),
};

static const Table household_table = {
  "household", "relationships", FIELDS (relationship_fields),
  "SELECT person_id, relationship, parental_responsibility, lives_with_child, poses_risk, notes, id"
  " FROM relationships WHERE child_id = ?1 ORDER BY id",
  "INSERT INTO relationships (child_id, person_id, relationship, parental_responsibility,"
  " lives_with_child, poses_risk, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  NULL, 0, NULL
};

/* The other child of a link, as the exporting database knew them. */
static const Field other_child_fields[] = {
  { "reference", F_CHILD_REF, REQUIRED | NOT_NULL, -1, NULL },
  STRING ("given_name"),
  REQUIRED_STRING ("family_name"),
  DATE ("date_of_birth"),
};

static const Table other_child_table = { "other_child", "children", FIELDS (other_child_fields), NULL, NULL, NULL, 0, NULL };

static const Field link_fields[] = {
  CODE_OR ("relationship", CAIRN_CODES_RELATIONSHIP, "sibling"),
};

static const Table *const link_children[] = { &other_child_table, NULL };

static const Table links_table = { "links", "child_links", FIELDS (link_fields), NULL, NULL, NULL, 0, link_children };

static const Field attendee_fields[] = {
  REQUIRED_STRING ("name"),
  STRING ("role"),
  AGENCY ("agency"),
  CODE_OR ("attendance", CAIRN_CODES_ATTENDANCE, "invited"),
  TEXT ("contribution"),
  BOOL ("withhold_copy"),
};

static const Table attendees_table = {
  "attendees", "conference_attendees", FIELDS (attendee_fields),
  "SELECT name, role, agency_id, attendance, contribution, withhold_copy, id FROM conference_attendees"
  " WHERE conference_id = ?1 ORDER BY id",
  "INSERT INTO conference_attendees (conference_id, name, role, agency_id, attendance, contribution,"
  " withhold_copy) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  NULL, 0, NULL
};

static const Table *const conference_children[] = { &attendees_table, NULL };

static const Field conference_fields[] = {
  { "reference", F_CONFERENCE_REF, REQUIRED | NOT_NULL | UNIQUE, -1, NULL },
  REQUIRED_CODE ("kind", CAIRN_CODES_CONFERENCE_KIND),
  REQUIRED_TIME ("held_at"),
  TEXT ("venue"),
  PROFESSIONAL ("chair"),
  TEXT ("minute_taker"),
  TRISTATE ("quorate"),
  TEXT ("quorate_reason"),
  CODE_OR ("status", CAIRN_CODES_CONFERENCE_STATUS, "draft"),
  TEXT ("parents_views"),
  TEXT ("child_views"),
  TEXT ("strengths"),
  TEXT ("risks"),
  TEXT ("correction_reason"),
};

static const Table conferences_table = {
  "conferences", "conferences", FIELDS (conference_fields),
  "SELECT printf('CF-%04d-%04d', year, number), kind, held_at, venue, chair_id, minute_taker,"
  " quorate, quorate_reason, status, parents_views, child_views, strengths, risks,"
  " correction_reason, id FROM conferences WHERE id = ?1",
  NULL, conference_hook, 0, conference_children
};

static const char conference_insert_sql[] =
  "INSERT INTO conferences (year, number, kind, held_at, venue, chair_id, minute_taker, quorate,"
  " quorate_reason, status, parents_views, child_views, strengths, risks, correction_reason)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

static const Field referral_fields[] = {
  REQUIRED_TIME ("received_at"),
  TEXT ("channel"),
  CODE ("source_code", CAIRN_CODES_REFERRAL_SOURCE),
  AGENCY ("source_agency"),
  TEXT ("referrer_name"),
  TEXT ("concern"),
  CODE ("primary_need_code", CAIRN_CODES_PRIMARY_NEED),
  CODE ("decision", CAIRN_CODES_REFERRAL_DECISION),
  TIME ("decided_at"),
  BOOL ("nfa"),
};

static const Table referrals_table = {
  "referrals", "referrals", FIELDS (referral_fields),
  "SELECT received_at, channel, source_code, source_agency_id, referrer_name, concern,"
  " primary_need_code, decision, decided_at, nfa, id FROM referrals WHERE case_id = ?1"
  " ORDER BY received_at, id",
  "INSERT INTO referrals (case_id, received_at, channel, source_code, source_agency_id,"
  " referrer_name, concern, primary_need_code, decision, decided_at, nfa)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  referral_hook, 0, NULL
};

static const Field factor_fields[] = {
  { "code", F_CODE, REQUIRED | NOT_NULL | UNIQUE, CAIRN_CODES_ASSESSMENT_FACTOR, NULL },
};

static const Table factors_table = {
  "factors", "assessment_factors", FIELDS (factor_fields),
  "SELECT code, id FROM assessment_factors WHERE assessment_id = ?1 ORDER BY id",
  "INSERT INTO assessment_factors (assessment_id, code) VALUES (?1, ?2)",
  NULL, T_SCALAR, NULL
};

static const Table *const assessment_children[] = { &factors_table, NULL };

static const Field assessment_fields[] = {
  REQUIRED_CODE ("kind", CAIRN_CODES_ASSESSMENT_KIND),
  REQUIRED_DATE ("started_on"),
  DATE ("internal_review_on"),
  DATE ("authorised_on"),
  PROFESSIONAL ("social_worker"),
  TRISTATE ("child_seen"),
  TEXT ("outcome"),
};

static const Table assessments_table = {
  "assessments", "assessments", FIELDS (assessment_fields),
  "SELECT kind, started_on, internal_review_on, authorised_on, social_worker_id, child_seen,"
  " outcome, id FROM assessments WHERE case_id = ?1 ORDER BY started_on, id",
  "INSERT INTO assessments (case_id, kind, started_on, internal_review_on, authorised_on,"
  " social_worker_id, child_seen, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  NULL, 0, assessment_children
};

static const Field cin_plan_fields[] = {
  REQUIRED_DATE ("started_on"),
  DATE ("ended_on"),
};

static const Table cin_plans_table = {
  "cin_plans", "cin_plans", FIELDS (cin_plan_fields),
  "SELECT started_on, ended_on, id FROM cin_plans WHERE case_id = ?1 ORDER BY started_on, id",
  "INSERT INTO cin_plans (case_id, started_on, ended_on) VALUES (?1, ?2, ?3)",
  NULL, 0, NULL
};

static const Field strategy_fields[] = {
  REQUIRED_TIME ("held_at"),
  STRING_OR ("format", "meeting"),
  CODE_OR ("s47_decision", CAIRN_CODES_S47_DECISION, "none"),
  BOOL ("criminal_investigation"),
  TEXT ("notes"),
};

static const Table strategy_table = {
  "strategy_discussions", "strategy_discussions", FIELDS (strategy_fields),
  "SELECT held_at, format, s47_decision, criminal_investigation, notes, id"
  " FROM strategy_discussions WHERE case_id = ?1 ORDER BY held_at, id",
  "INSERT INTO strategy_discussions (case_id, held_at, format, s47_decision,"
  " criminal_investigation, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  NULL, T_STRATEGY, NULL
};

static const Field s47_fields[] = {
  { "strategy_discussion", F_STRATEGY, 0, -1, NULL },
  REQUIRED_DATE ("started_on"),
  DATE ("completed_on"),
  DATE ("icpc_target_on"),
  DATE ("icpc_on"),
  BOOL ("icpc_not_required"),
  TEXT ("outcome"),
};

static const Table s47_table = {
  "s47_enquiries", "s47_enquiries", FIELDS (s47_fields),
  "SELECT strategy_discussion_id, started_on, completed_on, icpc_target_on, icpc_on,"
  " icpc_not_required, outcome, id FROM s47_enquiries WHERE case_id = ?1 ORDER BY started_on, id",
  "INSERT INTO s47_enquiries (case_id, strategy_discussion_id, started_on, completed_on,"
  " icpc_target_on, icpc_on, icpc_not_required, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  NULL, 0, NULL
};

static const Field legal_order_fields[] = {
  REQUIRED_STRING ("kind"),
  REQUIRED_TIME ("started_at"),
  TIME ("ended_at"),
  TEXT ("court"),
};

static const Table legal_orders_table = {
  "legal_orders", "legal_orders", FIELDS (legal_order_fields),
  "SELECT kind, started_at, ended_at, court, id FROM legal_orders WHERE case_id = ?1"
  " ORDER BY started_at, id",
  "INSERT INTO legal_orders (case_id, kind, started_at, ended_at, court) VALUES (?1, ?2, ?3, ?4, ?5)",
  NULL, 0, NULL
};

static const Field category_fields[] = {
  { "category", F_CODE, REQUIRED | NOT_NULL | UNIQUE | SPECIFIC, CAIRN_CODES_CATEGORY, NULL },
};

static const Table subject_categories_table = {
  "categories", "conference_subject_categories", FIELDS (category_fields),
  "SELECT category, id FROM conference_subject_categories WHERE subject_id = ?1 ORDER BY id",
  "INSERT INTO conference_subject_categories (subject_id, category) VALUES (?1, ?2)",
  NULL, T_SCALAR, NULL
};

/* The core group the conference named for the child, by name (professionals
 * and family members). */
static const Field core_group_fields[] = {
  STRING ("name"),
  STRING ("role"),
  STRING ("agency"),
};

static const Table subject_core_group_table = {
  "core_group", "conference_core_group", FIELDS (core_group_fields),
  "SELECT name, role, agency, id FROM conference_core_group WHERE subject_id = ?1 ORDER BY id",
  "INSERT INTO conference_core_group (subject_id, name, role, agency) VALUES (?1, ?2, ?3, ?4)",
  NULL, 0, NULL
};

/* The outline plan's actions: what, who, by when. */
static const Field plan_action_fields[] = {
  STRING ("action"),
  STRING ("owner"),
  DATE ("due_on"),
  STRING ("due_text"),
};

static const Table subject_actions_table = {
  "plan_actions", "conference_plan_actions", FIELDS (plan_action_fields),
  "SELECT action, owner, due_on, due_text, id FROM conference_plan_actions WHERE subject_id = ?1"
  " ORDER BY id",
  "INSERT INTO conference_plan_actions (subject_id, action, owner, due_on, due_text)"
  " VALUES (?1, ?2, ?3, ?4, ?5)",
  NULL, 0, NULL
};

static const Table *const subject_children[] = { &subject_categories_table, &subject_core_group_table,
                                                 &subject_actions_table, NULL };

static const Field subject_fields[] = {
  { "conference", F_CONFERENCE, REQUIRED | NOT_NULL | UNIQUE, -1, NULL },
  TRISTATE ("likely_significant_harm"),
  CODE ("plan_decision", CAIRN_CODES_PLAN_DECISION),
  PROFESSIONAL ("lead_worker"),
  TEXT ("outline_plan"),
  TEXT ("contingency_plan"),
  TEXT ("dissent"),
  DATE ("next_review_on"),
  TEXT ("lead_body"),
  TEXT ("dissent_by"),
  DATE ("first_core_group_on"),
};

static const Table subjects_table = {
  "conference_subjects", "conference_subjects", FIELDS (subject_fields),
  "SELECT s.conference_id, s.likely_significant_harm, s.plan_decision, s.lead_worker_id,"
  " s.outline_plan, s.contingency_plan, s.dissent, s.next_review_on, s.lead_body, s.dissent_by,"
  " s.first_core_group_on, s.id"
  " FROM conference_subjects s JOIN conferences c ON c.id = s.conference_id"
  " WHERE s.case_id = ?1 ORDER BY c.held_at, c.year, c.number",
  "INSERT INTO conference_subjects (case_id, conference_id, likely_significant_harm,"
  " plan_decision, lead_worker_id, outline_plan, contingency_plan, dissent, next_review_on,"
  " lead_body, dissent_by, first_core_group_on)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  NULL, 0, subject_children
};

static const Table plan_categories_table = {
  "categories", "cp_plan_categories", FIELDS (category_fields),
  "SELECT category, id FROM cp_plan_categories WHERE plan_id = ?1 ORDER BY id",
  "INSERT INTO cp_plan_categories (plan_id, category) VALUES (?1, ?2)",
  NULL, T_SCALAR, NULL
};

static const Field review_fields[] = {
  REQUIRED_DATE ("review_on"),
};

static const Table reviews_table = {
  "reviews", "cp_reviews", FIELDS (review_fields),
  "SELECT review_on, id FROM cp_reviews WHERE plan_id = ?1 ORDER BY review_on, id",
  "INSERT INTO cp_reviews (plan_id, review_on) VALUES (?1, ?2)",
  NULL, 0, NULL
};

static const Field core_member_fields[] = {
  { "professional", F_PROFESSIONAL, REQUIRED | NOT_NULL | UNIQUE, -1, NULL },
};

static const Table core_members_table = {
  "core_group_members", "core_group_members", FIELDS (core_member_fields),
  "SELECT professional_id, id FROM core_group_members WHERE plan_id = ?1 ORDER BY id",
  "INSERT INTO core_group_members (plan_id, professional_id) VALUES (?1, ?2)",
  NULL, 0, NULL
};

static const Field core_meeting_fields[] = {
  REQUIRED_DATE ("held_on"),
  TEXT ("notes"),
};

static const Table core_meetings_table = {
  "core_group_meetings", "core_group_meetings", FIELDS (core_meeting_fields),
  "SELECT held_on, notes, id FROM core_group_meetings WHERE plan_id = ?1 ORDER BY held_on, id",
  "INSERT INTO core_group_meetings (plan_id, held_on, notes) VALUES (?1, ?2, ?3)",
  NULL, 0, NULL
};

static const Table *const plan_children[] = {
  &plan_categories_table, &reviews_table, &core_members_table, &core_meetings_table, NULL
};

static const Field plan_fields[] = {
  REQUIRED_DATE ("started_on"),
  DATE ("ended_on"),
  TEXT ("end_reason"),
  REQUIRED_CODE ("initial_category", CAIRN_CODES_CATEGORY),
  REQUIRED_CODE ("latest_category", CAIRN_CODES_CATEGORY),
  { "previous_plans", F_INT, NOT_NULL, -1, NULL },
  PROFESSIONAL ("lead_worker"),
  TEXT ("contingency_plan"),
};

static const Table plans_table = {
  "cp_plans", "cp_plans", FIELDS (plan_fields),
  "SELECT started_on, ended_on, end_reason, initial_category, latest_category, previous_plans,"
  " lead_worker_id, contingency_plan, id FROM cp_plans WHERE case_id = ?1 ORDER BY started_on, id",
  "INSERT INTO cp_plans (case_id, started_on, ended_on, end_reason, initial_category,"
  " latest_category, previous_plans, lead_worker_id, contingency_plan)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  NULL, 0, plan_children
};

static const Field event_fields[] = {
  REQUIRED_CODE ("kind", CAIRN_CODES_EVENT_KIND),
  REQUIRED_TIME ("occurred_at"),
  BOOL ("planned"),
  TEXT ("outcome"),
  TEXT ("recorded_by"),
  TRISTATE ("child_seen"),
  TRISTATE ("seen_alone"),
  TEXT ("not_seen_alone_reason"),
  TEXT ("notes"),
  TEXT ("exception_reason"),
  TEXT ("late_reason"),
};

static const Table events_table = {
  "events", "events", FIELDS (event_fields),
  "SELECT kind, occurred_at, planned, outcome, recorded_by, child_seen, seen_alone,"
  " not_seen_alone_reason, notes, exception_reason, late_reason, id FROM events"
  " WHERE case_id = ?1 ORDER BY occurred_at, id",
  "INSERT INTO events (case_id, kind, occurred_at, planned, outcome, recorded_by, child_seen,"
  " seen_alone, not_seen_alone_reason, notes, exception_reason, late_reason)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  event_hook, 0, NULL
};

/* The strategy discussions come before the enquiries that name them. */
static const Table *const case_children[] = {
  &referrals_table, &assessments_table, &cin_plans_table, &strategy_table, &s47_table,
  &subjects_table, &plans_table, &legal_orders_table, &events_table, NULL
};

static const Field case_fields[] = {
  { "number", F_INT, REQUIRED | NOT_NULL | UNIQUE | POSITIVE, -1, NULL },
  REQUIRED_DATE ("opened_on"),
  DATE ("closed_on"),
  CODE ("closure_reason", CAIRN_CODES_CLOSURE_REASON),
  TEXT ("edition"),
  TEXT ("edition_reason"),
  PROFESSIONAL ("lead_worker"),
  STRING ("team"),
  DATE ("initial_cpc_on"),
};

static const Table cases_table = {
  "cases", "cases", FIELDS (case_fields),
  "SELECT number, opened_on, closed_on, closure_reason, edition, edition_reason, lead_worker_id,"
  " team, initial_cpc_on, id FROM cases WHERE child_id = ?1 ORDER BY number",
  "INSERT INTO cases (child_id, number, opened_on, closed_on, closure_reason, edition,"
  " edition_reason, lead_worker_id, team, initial_cpc_on)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  NULL, T_CASE, case_children
};

static const char *const document_members[] = {
  "format", "version", "agencies", "professionals", "child", "household", "links", "conferences",
  "cases", NULL
};

/* Helpers ----------------------------------------------------------------- */

static void
values_clear (Value *values,
              guint  n)
{
  for (guint i = 0; i < n; i++)
    {
      g_free (values[i].text);
      memset (&values[i], 0, sizeof values[i]);
    }
}

static void
value_set_text (Value      *value,
                const char *text)
{
  g_free (value->text);
  value->text = g_strdup (text);
  value->is_null = text == NULL;
  value->is_int = FALSE;
}

static void
value_set_int (Value  *value,
               gint64  num)
{
  g_clear_pointer (&value->text, g_free);
  value->is_null = FALSE;
  value->is_int = TRUE;
  value->num = num;
}

static Value *
value_of (const Table *table,
          Value       *values,
          const char  *name)
{
  for (guint i = 0; i < table->n_fields; i++)
    if (strcmp (table->fields[i].name, name) == 0)
      return &values[i];
  g_assert_not_reached ();
}

static const char *
text_of (const Table *table,
         Value       *values,
         const char  *name)
{
  return value_of (table, values, name)->text;
}

static char *
member_path (const char *parent,
             const char *member)
{
  if (parent == NULL || *parent == '\0')
    return g_strdup (member);
  return g_strconcat (parent, ".", member, NULL);
}

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  if (!g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static GHashTable *
id_map_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
id_map_set (GHashTable *map,
            const char *key,
            gint64      id)
{
  g_hash_table_replace (map, g_strdup (key), g_memdup2 (&id, sizeof id));
}

static gint64
id_map_get (GHashTable *map,
            const char *key)
{
  gint64 *id = g_hash_table_lookup (map, key);

  return id ? *id : 0;
}

static char *
professional_key (const char *agency_code,
                  const char *name)
{
  return g_strconcat (agency_code, "\n", name, NULL);
}

static void
ctx_init (Ctx        *ctx,
          CairnStore *store)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->store = store;
  ctx->agency_ids = id_map_new ();
  ctx->professional_ids = id_map_new ();
  ctx->conference_ids = id_map_new ();
  ctx->conferences_named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->agencies = id_set_new ();
  ctx->professionals = id_set_new ();
  ctx->conferences = id_set_new ();
  ctx->strategies = g_array_new (FALSE, FALSE, sizeof (gint64));
  ctx->previous_people = g_array_new (FALSE, FALSE, sizeof (gint64));
  ctx->counts = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Counts a row written by the import, for its audit entry. */
static void
count_row (Ctx        *ctx,
           const char *table)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->counts, table));

  g_hash_table_insert (ctx->counts, (gpointer) table, GUINT_TO_POINTER (n + 1));
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->child, cairn_child_free);
  g_clear_pointer (&ctx->agency_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->professional_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->conference_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->conferences_named, g_hash_table_unref);
  g_clear_pointer (&ctx->agencies, g_hash_table_unref);
  g_clear_pointer (&ctx->professionals, g_hash_table_unref);
  g_clear_pointer (&ctx->conferences, g_hash_table_unref);
  g_clear_pointer (&ctx->strategies, g_array_unref);
  g_clear_pointer (&ctx->previous_people, g_array_unref);
  g_clear_pointer (&ctx->counts, g_hash_table_unref);
}

/* Runs a statement that takes one id and returns ids; appends them to @ids. */
static gboolean
collect_ids (Ctx         *ctx,
             const char  *sql,
             gint64       param,
             GArray      *ids,
             GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (ctx->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (ctx->store, error, cairn_store_get_path (ctx->store));
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement that takes one id and returns nothing. */
static gboolean
exec_with_id (Ctx         *ctx,
              const char  *sql,
              gint64       param,
              GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (ctx->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  return cairn_store_step_done (ctx->store, stmt, error);
}

/* Export ------------------------------------------------------------------ */

/* A text that a statement returns for one id, or NULL. */
static char *
lookup_text (Ctx         *ctx,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (ctx->store, sql, error);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = cairn_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (text == NULL)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, "%s: a row refers to a missing record",
                 cairn_store_get_path (ctx->store));
  return text;
}

static gboolean export_rows (Ctx         *ctx,
                             const Table *table,
                             gint64       parent_id,
                             JsonArray   *out,
                             GError     **error);

static JsonNode *
export_one (Ctx         *ctx,
            const Table *table,
            gint64       id,
            GError     **error)
{
  g_autoptr (JsonArray) rows = json_array_new ();

  if (!export_rows (ctx, table, id, rows, error))
    return NULL;
  if (json_array_get_length (rows) != 1)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, "%s: %s: a row refers to a missing record",
                   cairn_store_get_path (ctx->store), table->member);
      return NULL;
    }
  return json_array_dup_element (rows, 0);
}

static JsonNode *
string_or_null (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_NULL);

  if (text != NULL)
    {
      json_node_init_string (node, text);
    }
  return node;
}

static JsonNode *
value_to_node (Ctx         *ctx,
               const Field *field,
               Value       *value,
               GError     **error)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  switch (field->type)
    {
    case F_TEXT:
    case F_CODE:
    case F_STRING:
    case F_DATE:
    case F_TIME:
    case F_CONFERENCE_REF:
      json_node_free (node);
      /* NOT NULL text is never null; elsewhere "" and NULL are both "not recorded". */
      if (field->flags & NOT_NULL)
        return string_or_null (value->text ? value->text : "");
      return string_or_null (cairn_str_empty (value->text) ? NULL : value->text);

    case F_BOOL:
      json_node_set_boolean (node, !value->is_null && value->num != 0);
      return node;

    case F_TRISTATE:
      if (value->is_null)
        {
          json_node_init_null (node);
          return node;
        }
      json_node_set_boolean (node, value->num != 0);
      return node;

    case F_INT:
      json_node_set_int (node, value->is_null ? 0 : value->num);
      return node;

    case F_CHILD_REF:
      {
        g_autofree char *ref = cairn_child_ref_format (value->num);
        json_node_set_string (node, ref);
        return node;
      }

    default:
      break;
    }

  if (value->is_null)
    {
      json_node_init_null (node);
      return node;
    }

  switch (field->type)
    {
    case F_AGENCY:
      {
        g_autofree char *code =
          lookup_text (ctx, "SELECT code FROM agencies WHERE id = ?1", value->num, error);
        if (code == NULL)
          break;
        id_set_add (ctx->agencies, value->num);
        json_node_set_string (node, code);
        return node;
      }

    case F_PROFESSIONAL:
      {
        g_autofree char *name =
          lookup_text (ctx, "SELECT name FROM professionals WHERE id = ?1", value->num, error);
        g_autofree char *code = NULL;
        JsonObject *object;

        if (name == NULL)
          break;
        code = lookup_text (ctx, "SELECT agencies.code FROM professionals JOIN agencies"
                                 " ON agencies.id = professionals.agency_id WHERE professionals.id = ?1",
                            value->num, error);
        if (code == NULL)
          break;
        id_set_add (ctx->professionals, value->num);
        object = json_object_new ();
        json_object_set_string_member (object, "name", name);
        json_object_set_string_member (object, "agency", code);
        json_node_init_object (node, object);
        json_object_unref (object);
        return node;
      }

    case F_CONFERENCE:
      {
        g_autofree char *ref = lookup_text (
          ctx, "SELECT printf('CF-%04d-%04d', year, number) FROM conferences WHERE id = ?1",
          value->num, error);
        if (ref == NULL)
          break;
        id_set_add (ctx->conferences, value->num);
        json_node_set_string (node, ref);
        return node;
      }

    case F_STRATEGY:
      for (guint i = 0; i < ctx->strategies->len; i++)
        if (g_array_index (ctx->strategies, gint64, i) == value->num)
          {
            json_node_set_int (node, i);
            return node;
          }
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT,
                   _("%s: a section 47 enquiry names a strategy discussion of another case"),
                   field->name);
      break;

    case F_PERSON:
      json_node_free (node);
      return export_one (ctx, &people_table, value->num, error);

    default:
      g_assert_not_reached ();
    }

  json_node_free (node);
  return NULL;
}

static void
read_column (sqlite3_stmt *stmt,
             int           col,
             Value        *value)
{
  switch (sqlite3_column_type (stmt, col))
    {
    case SQLITE_NULL:
      value_set_text (value, NULL);
      break;
    case SQLITE_INTEGER:
      value_set_int (value, sqlite3_column_int64 (stmt, col));
      break;
    default:
      value_set_text (value, cairn_column_text (stmt, col));
      break;
    }
}

typedef struct
{
  Value values[MAX_FIELDS];
  gint64 id;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  values_clear (row->values, MAX_FIELDS);
  g_free (row);
}

/* Appends the rows of @table under @parent_id to @out, each with its children. */
static gboolean
export_rows (Ctx         *ctx,
             const Table *table,
             gint64       parent_id,
             JsonArray   *out,
             GError     **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  sqlite3_stmt *stmt = cairn_store_prepare (ctx->store, table->select_sql, error);
  int rc;

  g_assert (table->n_fields <= MAX_FIELDS);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);
      for (guint i = 0; i < table->n_fields; i++)
        read_column (stmt, (int) i, &row->values[i]);
      row->id = sqlite3_column_int64 (stmt, (int) table->n_fields);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (ctx->store, error, cairn_store_get_path (ctx->store));
      return FALSE;
    }

  /* Read first, then recurse: the children's statements run on their own. */
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      JsonNode *node;

      if (table->flags & T_CASE)
        g_array_set_size (ctx->strategies, 0);
      if (table->flags & T_STRATEGY)
        g_array_append_val (ctx->strategies, row->id);

      if (table->flags & T_SCALAR)
        {
          node = value_to_node (ctx, &table->fields[0], &row->values[0], error);
          if (node == NULL)
            return FALSE;
        }
      else
        {
          g_autoptr (JsonObject) object = json_object_new ();

          for (guint i = 0; i < table->n_fields; i++)
            {
              JsonNode *member = value_to_node (ctx, &table->fields[i], &row->values[i], error);
              if (member == NULL)
                return FALSE;
              json_object_set_member (object, table->fields[i].name, member);
            }
          for (guint c = 0; table->children && table->children[c]; c++)
            {
              g_autoptr (JsonArray) array = json_array_new ();
              if (!export_rows (ctx, table->children[c], row->id, array, error))
                return FALSE;
              json_object_set_array_member (object, table->children[c]->member,
                                            g_steal_pointer (&array));
            }
          node = json_node_init_object (json_node_alloc (), object);
        }
      json_array_add_element (out, node);
    }
  return TRUE;
}

static gboolean
export_links (Ctx        *ctx,
              gint64      child_id,
              JsonArray  *out,
              GError    **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    ctx->store,
    "SELECT printf('C-%06d', other.number), other.given_name, other.family_name,"
    " other.date_of_birth, link.relationship"
    " FROM child_links link JOIN children other ON other.id = link.other_child_id"
    " WHERE link.child_id = ?1"
    " UNION ALL"
    " SELECT other_reference, other_given_name, other_family_name, other_date_of_birth, relationship"
    " FROM external_child_links WHERE child_id = ?1"
    " ORDER BY 1, 3, 2, 4",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, child_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *link = json_object_new ();
      JsonObject *other = json_object_new ();
      const char *dob = cairn_column_text (stmt, 3);

      json_object_set_string_member (other, "reference", cairn_column_text (stmt, 0));
      json_object_set_string_member (other, "given_name", cairn_column_text (stmt, 1));
      json_object_set_string_member (other, "family_name", cairn_column_text (stmt, 2));
      json_object_set_member (other, "date_of_birth", string_or_null (cairn_str_empty (dob) ? NULL : dob));
      json_object_set_object_member (link, "other_child", other);
      json_object_set_string_member (link, "relationship", cairn_column_text (stmt, 4));
      json_array_add_object_element (out, link);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (ctx->store, error, cairn_store_get_path (ctx->store));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char *key;
  JsonNode *node;
} Sorted;

static int
compare_sorted (gconstpointer a,
                gconstpointer b)
{
  const Sorted *x = a, *y = b;

  return strcmp (x->key, y->key);
}

/* Exports the rows with the ids of @set, one by one, sorted by the text of
 * the members @keys. */
static JsonArray *
export_set_sorted (Ctx                *ctx,
                   const Table        *table,
                   GHashTable         *set,
                   const char *const  *keys,
                   GError            **error)
{
  g_autoptr (GArray) sorted = g_array_new (FALSE, FALSE, sizeof (Sorted));
  GHashTableIter iter;
  gpointer key;
  JsonArray *out = NULL;
  gboolean ok = TRUE;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      JsonNode *node = export_one (ctx, table, *(gint64 *) key, error);
      GString *k;
      Sorted s;

      if (node == NULL)
        {
          ok = FALSE;
          break;
        }
      k = g_string_new (NULL);
      for (guint i = 0; keys[i]; i++)
        {
          g_string_append (k, json_object_get_string_member (json_node_get_object (node), keys[i]));
          g_string_append_c (k, '\n');
        }
      s.key = g_string_free (k, FALSE);
      s.node = node;
      g_array_append_val (sorted, s);
    }

  g_array_sort (sorted, compare_sorted);
  if (ok)
    out = json_array_new ();
  for (guint i = 0; i < sorted->len; i++)
    {
      Sorted *s = &g_array_index (sorted, Sorted, i);
      if (ok)
        json_array_add_element (out, s->node);
      else
        json_node_unref (s->node);
      g_free (s->key);
    }
  return out;
}

static gboolean
find_child_id (Ctx         *ctx,
               gint64       number,
               gint64      *id,
               GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (ctx->store, "SELECT id FROM children WHERE number = ?1",
                                            error);

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * cairn_store_export_child:
 * @child_number: the 123 of C-000123
 *
 * Needs %CAIRN_ACTION_EXPORT for the child's case (a practitioner: their
 * own team's); the audit trail records the export.
 *
 * Returns: (transfer full): the child's whole record as a cairn-child
 *   document, or %NULL with %CAIRN_ERROR_NOT_FOUND when there is no such child
 */
JsonNode *
cairn_store_export_child (CairnStore  *self,
                          gint64       child_number,
                          GError     **error)
{
  g_autoptr (JsonObject) root = json_object_new ();
  g_autoptr (JsonArray) household = json_array_new ();
  g_autoptr (JsonArray) links = json_array_new ();
  g_autoptr (JsonArray) cases = json_array_new ();
  g_autoptr (JsonArray) conferences = NULL;
  g_autoptr (JsonArray) professionals = NULL;
  g_autoptr (JsonArray) agencies = NULL;
  g_autoptr (JsonNode) child = NULL;
  static const char *const conference_keys[] = { "reference", NULL };
  static const char *const professional_keys[] = { "agency", "name", NULL };
  static const char *const agency_keys[] = { "code", NULL };
  gint64 child_id;
  Ctx ctx;
  gboolean ok;

  ctx_init (&ctx, self);
  if (!find_child_id (&ctx, child_number, &child_id, error))
    {
      ctx_clear (&ctx);
      return NULL;
    }
  if (child_id == 0)
    {
      g_autofree char *ref = cairn_child_ref_format (child_number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such child"), ref);
      ctx_clear (&ctx);
      return NULL;
    }
  /* One read transaction: the record is exported as it stood at one moment. */
  if (!cairn_store_require_case (self, CAIRN_ACTION_EXPORT, child_number, 0, error) ||
      !cairn_store_begin_read (self, error))
    {
      ctx_clear (&ctx);
      return NULL;
    }

  ok = (child = export_one (&ctx, &child_table, child_id, error)) != NULL &&
       export_rows (&ctx, &household_table, child_id, household, error) &&
       export_links (&ctx, child_id, links, error) &&
       export_rows (&ctx, &cases_table, child_id, cases, error) &&
       /* Conferences name chairs and agencies, professionals name agencies. */
       (conferences = export_set_sorted (&ctx, &conferences_table, ctx.conferences,
                                         conference_keys, error)) != NULL &&
       (professionals = export_set_sorted (&ctx, &professionals_table, ctx.professionals,
                                           professional_keys, error)) != NULL &&
       (agencies = export_set_sorted (&ctx, &agencies_table, ctx.agencies, agency_keys, error)) != NULL;
  cairn_store_rollback (self);
  ctx_clear (&ctx);
  /* Taking a child's record out of Cairn is recorded as opening it is. */
  if (!ok || !cairn_store_audit_record (self, "export", "children", json_object_get_string_member (
                                          json_node_get_object (child), "reference"),
                                        child_number, NULL, error))
    return NULL;

  json_object_set_string_member (root, "format", CAIRN_EXCHANGE_FORMAT);
  json_object_set_int_member (root, "version", CAIRN_EXCHANGE_VERSION);
  json_object_set_array_member (root, "agencies", g_steal_pointer (&agencies));
  json_object_set_array_member (root, "professionals", g_steal_pointer (&professionals));
  json_object_set_member (root, "child", g_steal_pointer (&child));
  json_object_set_array_member (root, "household", g_steal_pointer (&household));
  json_object_set_array_member (root, "links", g_steal_pointer (&links));
  json_object_set_array_member (root, "conferences", g_steal_pointer (&conferences));
  json_object_set_array_member (root, "cases", g_steal_pointer (&cases));
  return json_node_init_object (json_node_alloc (), root);
}

/**
 * cairn_exchange_to_data:
 *
 * Writes @document as pretty-printed JSON (two-space indent, members in
 * the order they were set) with a final newline.
 */
char *
cairn_exchange_to_data (JsonNode *document,
                        gsize    *length)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize n = 0;
  char *data;

  json_generator_set_root (generator, document);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  text = json_generator_to_data (generator, &n);
  data = g_strconcat (text, "\n", NULL);
  if (length)
    *length = n + 1;
  return data;
}

/* Import ------------------------------------------------------------------ */

/**
 * cairn_exchange_parse:
 * @name: what to call the data in an error (a file name)
 *
 * Returns: (transfer full): the parsed document, or %NULL when @data is not JSON
 */
JsonNode *
cairn_exchange_parse (const char  *name,
                      const char  *data,
                      gssize       length,
                      GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;
  JsonNode *root;

  if (length < 0)
    length = (gssize) strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: not valid JSON (not UTF-8 text)"),
                   name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: what". */
      g_autofree char *message = g_strdup (local->message);
      const char *what = message;
      guint64 line = 0, column = 0;
      char *end = NULL;

      g_strdelimit (message, "\n\r", ' ');
      if (g_str_has_prefix (message, "<data>:"))
        {
          line = g_ascii_strtoull (message + 7, &end, 10);
          if (end && *end == ':')
            column = g_ascii_strtoull (end + 1, &end, 10);
          if (end && g_str_has_prefix (end, ": "))
            what = end + 2;
          if (g_str_has_prefix (what, "Parse error: "))
            what += strlen ("Parse error: ");
        }
      if (line > 0 && what != message)
        {
          g_autofree char *at_line = g_strdup_printf ("%" G_GUINT64_FORMAT, line);
          g_autofree char *at_column = g_strdup_printf ("%" G_GUINT64_FORMAT, column);
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: not valid JSON (line %s, column %s: %s)"), name, at_line, at_column,
                       what);
        }
      else
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: not valid JSON (%s)"), name,
                     message);
      return NULL;
    }
  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: not valid JSON (the file is empty)"),
                   name);
      return NULL;
    }
  return root;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_bool (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
fail (GError    **error,
      const char *path,
      const char *problem)
{
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, "%s: %s", path, problem);
  return FALSE;
}

/* Refuses members of @object that are neither fields of @table, the
 * members of its children, nor in @extra. */
static gboolean
check_members (JsonObject         *object,
               const Table        *table,
               const char *const  *extra,
               const char         *path,
               GError            **error)
{
  g_autoptr (GList) names = json_object_get_members (object);

  for (GList *l = names; l; l = l->next)
    {
      const char *name = l->data;
      gboolean known = FALSE;

      for (guint i = 0; !known && table && i < table->n_fields; i++)
        known = strcmp (table->fields[i].name, name) == 0;
      for (guint c = 0; !known && table && table->children && table->children[c]; c++)
        known = strcmp (table->children[c]->member, name) == 0;
      for (guint e = 0; !known && extra && extra[e]; e++)
        known = strcmp (extra[e], name) == 0;
      if (!known)
        {
          g_autofree char *member = member_path (path, name);
          return fail (error, member, _("is not a member of this record (format cairn-child, version 1)"));
        }
    }
  return TRUE;
}

static gboolean
parse_child_ref (const char  *path,
                 const char  *text,
                 gint64      *number,
                 GError     **error)
{
  CairnRef ref;
  g_autofree char *canonical = NULL;

  if (!cairn_ref_parse (path, text, CAIRN_REF_CHILD, &ref, error))
    return FALSE;
  canonical = cairn_child_ref_format (ref.number);
  if (strcmp (canonical, text) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" is not a reference of the form %s"), path, text, "C-000123");
      return FALSE;
    }
  *number = ref.number;
  return TRUE;
}

static gboolean
parse_conference_ref (const char  *path,
                      const char  *text,
                      CairnRef    *ref,
                      GError     **error)
{
  g_autofree char *canonical = NULL;

  if (!cairn_ref_parse (path, text, CAIRN_REF_CONFERENCE, ref, error))
    return FALSE;
  canonical = cairn_ref_format (ref);
  if (strcmp (canonical, text) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" is not a reference of the form %s"), path, text, "CF-2011-0042");
      return FALSE;
    }
  return TRUE;
}

static gboolean parse_row (Ctx         *ctx,
                           const Table *table,
                           JsonNode    *node,
                           const char  *path,
                           const char *const *extra,
                           Value       *values,
                           GError     **error);

static gboolean
import_person (Ctx         *ctx,
               JsonNode    *node,
               const char  *path,
               gint64      *id,
               GError     **error)
{
  Value values[MAX_FIELDS] = { { 0 } };
  gboolean ok;

  ok = parse_row (ctx, &people_table, node, path, NULL, values, error) &&
       person_hook (ctx, &people_table, path, node, values, id, error);
  values_clear (values, MAX_FIELDS);
  return ok;
}

/* Reads one field of a row from @node (NULL when the member is missing),
 * checks it and sets @value to what the column will hold. */
static gboolean
parse_value (Ctx         *ctx,
             const Field *field,
             JsonNode    *node,
             const char  *path,
             Value       *value,
             GError     **error)
{
  const char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) ||
      (node_is_string (node) && *json_node_get_string (node) == '\0' && field->type != F_STRING))
    {
      if (field->flags & REQUIRED)
        return fail (error, path, _("is required"));
      if (field->type == F_BOOL || field->type == F_INT)
        value_set_int (value, 0);
      else if (field->flags & NOT_NULL)
        value_set_text (value, field->fallback ? field->fallback : "");
      else
        value_set_text (value, NULL);
      if (field->type == F_CODE && value->text != NULL)
        return cairn_codes_check (field->codes, path, value->text, error);
      return TRUE;
    }

  switch (field->type)
    {
    case F_TEXT:
    case F_STRING:
    case F_CODE:
    case F_DATE:
    case F_TIME:
    case F_CHILD_REF:
    case F_CONFERENCE_REF:
    case F_AGENCY:
    case F_CONFERENCE:
      if (!node_is_string (node))
        return fail (error, path, _("expected a string"));
      text = json_node_get_string (node);
      break;
    case F_BOOL:
    case F_TRISTATE:
      if (!node_is_bool (node))
        return fail (error, path, _("expected true or false"));
      value_set_int (value, json_node_get_boolean (node) ? 1 : 0);
      return TRUE;
    case F_INT:
    case F_STRATEGY:
      if (!node_is_int (node))
        return fail (error, path, _("expected a whole number"));
      break;
    case F_PROFESSIONAL:
    case F_PERSON:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, path, _("expected an object"));
      break;
    default:
      g_assert_not_reached ();
    }

  switch (field->type)
    {
    case F_TEXT:
    case F_STRING:
      if ((field->flags & REQUIRED) ? !cairn_validate_required (path, text, error)
                                    : !cairn_validate_text (path, text, error))
        return FALSE;
      value_set_text (value, text);
      return TRUE;

    case F_CODE:
      if (!cairn_codes_check (field->codes, path, text, error))
        return FALSE;
      if ((field->flags & SPECIFIC) && strcmp (text, "MUL") == 0)
        return fail (error, path, _("\"MUL\" is not a category here (name each category: NEG, PHY, EMO, SAB)"));
      value_set_text (value, text);
      return TRUE;

    case F_DATE:
      {
        GDate date;
        if (!cairn_date_parse (path, text, &date, error))
          return FALSE;
        value_set_text (value, text);
        return TRUE;
      }

    case F_TIME:
      {
        GDate date;
        int minute;
        if (!cairn_timestamp_parse (path, text, &date, &minute, error))
          return FALSE;
        value_set_text (value, text);
        return TRUE;
      }

    case F_INT:
      {
        gint64 n = json_node_get_int (node);
        if (n < 0 || n > G_MAXINT || ((field->flags & POSITIVE) && n == 0))
          {
            g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, n);
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                         (field->flags & POSITIVE) ? _("%s: %s is not a whole number above zero")
                                                   : _("%s: %s is not a whole number of zero or more"),
                         path, shown);
            return FALSE;
          }
        value_set_int (value, n);
        return TRUE;
      }

    case F_CHILD_REF:
      {
        gint64 number;
        if (!parse_child_ref (path, text, &number, error))
          return FALSE;
        value_set_int (value, number);
        return TRUE;
      }

    case F_CONFERENCE_REF:
      {
        CairnRef ref;
        if (!parse_conference_ref (path, text, &ref, error))
          return FALSE;
        value_set_text (value, text);
        return TRUE;
      }

    case F_AGENCY:
      {
        gint64 id = id_map_get (ctx->agency_ids, text);
        if (id == 0)
          {
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: \"%s\" is not one of the agencies"),
                         path, text);
            return FALSE;
          }
        id_set_add (ctx->agencies, id);
        value_set_int (value, id);
        return TRUE;
      }

    case F_CONFERENCE:
      {
        CairnRef ref;
        gint64 id;
        if (!parse_conference_ref (path, text, &ref, error))
          return FALSE;
        id = id_map_get (ctx->conference_ids, text);
        if (id == 0)
          {
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: %s is not one of the conferences"),
                         path, text);
            return FALSE;
          }
        g_hash_table_add (ctx->conferences_named, g_strdup (text));
        value_set_int (value, id);
        return TRUE;
      }

    case F_STRATEGY:
      {
        gint64 n = json_node_get_int (node);
        if (n < 0 || n >= (gint64) ctx->strategies->len)
          {
            g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, n);
            if (ctx->strategies->len == 0)
              g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                           _("%s: %s names a strategy discussion, but the case has none"), path,
                           shown);
            else
              g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                           _("%s: %s is not an index of the case's strategy_discussions (0 to %u)"),
                           path, shown, ctx->strategies->len - 1);
            return FALSE;
          }
        value_set_int (value, g_array_index (ctx->strategies, gint64, n));
        return TRUE;
      }

    case F_PROFESSIONAL:
      {
        JsonObject *object = json_node_get_object (node);
        static const char *const members[] = { "name", "agency", NULL };
        g_autofree char *name_path = member_path (path, "name");
        g_autofree char *agency_path = member_path (path, "agency");
        JsonNode *name = json_object_get_member (object, "name");
        JsonNode *agency = json_object_get_member (object, "agency");
        g_autofree char *key = NULL;
        gint64 id;

        if (!check_members (object, NULL, members, path, error))
          return FALSE;
        if (name == NULL || !node_is_string (name))
          return fail (error, name_path, name ? _("expected a string") : _("is required"));
        if (agency == NULL || !node_is_string (agency))
          return fail (error, agency_path, agency ? _("expected a string") : _("is required"));
        key = professional_key (json_node_get_string (agency), json_node_get_string (name));
        id = id_map_get (ctx->professional_ids, key);
        if (id == 0)
          {
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                         _("%s: \"%s\" of %s is not one of the professionals"), path,
                         json_node_get_string (name), json_node_get_string (agency));
            return FALSE;
          }
        id_set_add (ctx->professionals, id);
        value_set_int (value, id);
        return TRUE;
      }

    case F_PERSON:
      {
        gint64 id = 0;
        if (!import_person (ctx, node, path, &id, error))
          return FALSE;
        value_set_int (value, id);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_row (Ctx                *ctx,
           const Table        *table,
           JsonNode           *node,
           const char         *path,
           const char *const  *extra,
           Value              *values,
           GError            **error)
{
  JsonObject *object;

  g_assert (table->n_fields <= MAX_FIELDS);
  if (table->flags & T_SCALAR)
    return parse_value (ctx, &table->fields[0], node, path, &values[0], error);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, path, _("expected an object"));
  object = json_node_get_object (node);
  if (!check_members (object, table, extra, path, error))
    return FALSE;
  for (guint i = 0; i < table->n_fields; i++)
    {
      g_autofree char *field_path = member_path (path, table->fields[i].name);
      if (!parse_value (ctx, &table->fields[i], json_object_get_member (object, table->fields[i].name),
                        field_path, &values[i], error))
        return FALSE;
    }
  return TRUE;
}

/* The array member @name of @parent: missing or null is empty. */
static gboolean
get_array (JsonObject  *parent,
           const char  *name,
           const char  *path,
           JsonArray  **array,
           GError     **error)
{
  JsonNode *node = parent ? json_object_get_member (parent, name) : NULL;

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, path, _("expected an array"));
  *array = json_node_get_array (node);
  return TRUE;
}

static void
bind_values (sqlite3_stmt *stmt,
             int           first,
             const Value  *values,
             guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      if (values[i].is_int)
        sqlite3_bind_int64 (stmt, first + (int) i, values[i].num);
      else if (values[i].text == NULL)
        sqlite3_bind_null (stmt, first + (int) i);
      else
        sqlite3_bind_text (stmt, first + (int) i, values[i].text, -1, SQLITE_TRANSIENT);
    }
}

/* Runs an insert or update; a constraint the checks did not foresee is
 * reported against the record's path. */
static gboolean
step_write (Ctx           *ctx,
            sqlite3_stmt  *stmt,
            const char    *path,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (ctx->store, error, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean import_rows (Ctx         *ctx,
                             const Table *table,
                             gint64       parent_id,
                             JsonObject  *parent,
                             const char  *parent_path,
                             GError     **error);

static gboolean
import_children (Ctx         *ctx,
                 const Table *table,
                 gint64       id,
                 JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  for (guint c = 0; table->children && table->children[c]; c++)
    if (!import_rows (ctx, table->children[c], id, json_node_get_object (node), path, error))
      return FALSE;
  return TRUE;
}

/* Checks and writes the array @table->member of @parent, row by row, each
 * with its children. */
static gboolean
import_rows (Ctx         *ctx,
             const Table *table,
             gint64       parent_id,
             JsonObject  *parent,
             const char  *parent_path,
             GError     **error)
{
  g_autofree char *array_path = member_path (parent_path, table->member);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *array;
  Value values[MAX_FIELDS] = { { 0 } };
  guint n;

  if (!get_array (parent, table->member, array_path, &array, error))
    return FALSE;
  n = array ? json_array_get_length (array) : 0;
  for (guint r = 0; r < n; r++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", array_path, r);
      JsonNode *node = json_array_get_element (array, r);
      gboolean was_dry = ctx->dry;
      gint64 id = 0;
      gboolean ok;

      values_clear (values, MAX_FIELDS);
      if (!parse_row (ctx, table, node, path, NULL, values, error))
        goto fail;

      for (guint i = 0; i < table->n_fields; i++)
        {
          g_autofree char *key = NULL;
          const char *first;

          if (!(table->fields[i].flags & UNIQUE) || values[i].is_null)
            continue;
          key = values[i].is_int ? g_strdup_printf ("%u #%" G_GINT64_FORMAT, i, values[i].num)
                                 : g_strdup_printf ("%u %s", i, values[i].text);
          first = g_hash_table_lookup (seen, key);
          if (first != NULL)
            {
              g_autofree char *here = (table->flags & T_SCALAR)
                                        ? g_strdup (path)
                                        : member_path (path, table->fields[i].name);
              g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: the same as %s"), here, first);
              goto fail;
            }
          g_hash_table_insert (seen, g_steal_pointer (&key),
                               (table->flags & T_SCALAR) ? g_strdup (path)
                                                         : member_path (path, table->fields[i].name));
        }

      if (table->hook && !table->hook (ctx, table, path, node, values, &id, error))
        goto fail;

      if (table->insert_sql != NULL && !ctx->dry)
        {
          sqlite3_stmt *stmt = cairn_store_prepare (ctx->store, table->insert_sql, error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, parent_id);
          bind_values (stmt, 2, values, table->n_fields);
          if (!step_write (ctx, stmt, path, error))
            goto fail;
          id = sqlite3_last_insert_rowid (cairn_store_get_db (ctx->store));
          count_row (ctx, table->name);
        }

      if (table->flags & T_CASE)
        g_array_set_size (ctx->strategies, 0);
      if (table->flags & T_STRATEGY)
        g_array_append_val (ctx->strategies, id);

      ok = (table->flags & T_SCALAR) || import_children (ctx, table, id, node, path, error);
      ctx->dry = was_dry;
      if (!ok)
        goto fail;
    }
  values_clear (values, MAX_FIELDS);
  return TRUE;

fail:
  values_clear (values, MAX_FIELDS);
  return FALSE;
}

/* Hooks ------------------------------------------------------------------- */

static void
set_date (GDate      *date,
          const char *text)
{
  cairn_date_clear (date);
  if (text != NULL)
    cairn_date_parse ("date", text, date, NULL);
}

static gboolean
child_hook (Ctx         *ctx,
            const Table *table,
            const char  *path,
            JsonNode    *node,
            Value       *values,
            gint64      *id,
            GError     **error)
{
  g_autoptr (CairnChild) child = cairn_child_new ();
  g_autofree char *disabilities_path = member_path (path, "disabilities");
  g_autofree char *nhs_path = member_path (path, "nhs_number");
  g_autofree char *upn_path = member_path (path, "upn");
  JsonArray *disabilities;

  child->number = value_of (table, values, "reference")->num;
  child->given_name = g_strdup (text_of (table, values, "given_name"));
  child->family_name = g_strdup (text_of (table, values, "family_name"));
  child->other_names = g_strdup (text_of (table, values, "other_names"));
  child->aliases = g_strdup (text_of (table, values, "aliases"));
  set_date (&child->date_of_birth, text_of (table, values, "date_of_birth"));
  set_date (&child->expected_birth_date, text_of (table, values, "expected_birth_date"));
  set_date (&child->date_of_death, text_of (table, values, "date_of_death"));
  cairn_set_str (&child->sex, text_of (table, values, "sex"));
  child->gender_current = g_strdup (text_of (table, values, "gender_current"));
  child->ethnicity = g_strdup (text_of (table, values, "ethnicity"));
  child->religion = g_strdup (text_of (table, values, "religion"));
  child->first_language = g_strdup (text_of (table, values, "first_language"));
  child->interpreter_needed = value_of (table, values, "interpreter_needed")->num != 0;
  child->nhs_number = g_strdup (text_of (table, values, "nhs_number"));
  child->la_child_id = g_strdup (text_of (table, values, "la_child_id"));
  child->upn = g_strdup (text_of (table, values, "upn"));
  child->former_upn = g_strdup (text_of (table, values, "former_upn"));
  child->upn_unknown = g_strdup (text_of (table, values, "upn_unknown"));
  child->address = g_strdup (text_of (table, values, "address"));
  child->postcode = g_strdup (text_of (table, values, "postcode"));
  child->school = g_strdup (text_of (table, values, "school"));
  child->gp = g_strdup (text_of (table, values, "gp"));
  child->legal_status = g_strdup (text_of (table, values, "legal_status"));
  child->looked_after = value_of (table, values, "looked_after")->num != 0;
  child->transferred_in = value_of (table, values, "transferred_in")->num != 0;

  /* Field by field first, so that the message names the member. */
  if (child->nhs_number != NULL && !cairn_nhs_number_validate (nhs_path, child->nhs_number, error))
    return FALSE;
  if (child->upn != NULL && !cairn_upn_validate (upn_path, child->upn, error))
    return FALSE;
  if (!get_array (json_node_get_object (node), "disabilities", disabilities_path, &disabilities, error))
    return FALSE;
  for (guint i = 0; disabilities && i < json_array_get_length (disabilities); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", disabilities_path, i);
      JsonNode *item = json_array_get_element (disabilities, i);
      if (!node_is_string (item))
        return fail (error, item_path, _("expected a string"));
      if (!cairn_codes_check (CAIRN_CODES_DISABILITY, item_path, json_node_get_string (item), error))
        return FALSE;
      g_ptr_array_add (child->disabilities, g_strdup (json_node_get_string (item)));
    }

  if (!cairn_child_validate (child, &ctx->today, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  /* The validator writes NHS numbers as ten digits. */
  value_set_text (value_of (table, values, "nhs_number"), child->nhs_number);
  value_set_text (value_of (table, values, "sex"), child->sex);
  g_clear_pointer (&ctx->child, cairn_child_free);
  ctx->child = g_steal_pointer (&child);
  return TRUE;
}

static gboolean
person_hook (Ctx         *ctx,
             const Table *table,
             const char  *path,
             JsonNode    *node,
             Value       *values,
             gint64      *id,
             GError     **error)
{
  g_autoptr (CairnPerson) person = cairn_person_new ();
  gboolean created;

  person->given_name = g_strdup (text_of (table, values, "given_name"));
  person->family_name = g_strdup (text_of (table, values, "family_name"));
  person->aliases = g_strdup (text_of (table, values, "aliases"));
  set_date (&person->date_of_birth, text_of (table, values, "date_of_birth"));
  cairn_set_str (&person->sex, text_of (table, values, "sex"));
  person->address = g_strdup (text_of (table, values, "address"));
  person->postcode = g_strdup (text_of (table, values, "postcode"));
  person->phone = g_strdup (text_of (table, values, "phone"));

  if (!cairn_person_validate (person, &ctx->today, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  /* On --replace, someone the child was linked to before, still linked to
   * another child, is the same person when the name and date of birth
   * (or its absence) agree, even without a date of birth. */
  for (guint i = 0; i < ctx->previous_people->len; i++)
    {
      sqlite3_stmt *stmt = cairn_store_prepare (
        ctx->store,
        "SELECT id FROM people WHERE id = ?1 AND given_name = ?2 AND family_name = ?3"
        " AND date_of_birth IS ?4",
        error);
      gint64 previous = g_array_index (ctx->previous_people, gint64, i);
      gboolean same;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, previous);
      cairn_bind_text (stmt, 2, person->given_name);
      cairn_bind_text (stmt, 3, person->family_name);
      cairn_bind_date (stmt, 4, &person->date_of_birth);
      same = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (same)
        {
          *id = previous;
          return TRUE;
        }
    }

  if (!cairn_store_ensure_person (ctx->store, person, id, &created, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  if (created)
    count_row (ctx, table->name);
  return TRUE;
}

static gboolean
agency_hook (Ctx         *ctx,
             const Table *table,
             const char  *path,
             JsonNode    *node,
             Value       *values,
             gint64      *id,
             GError     **error)
{
  g_autoptr (CairnAgency) agency = cairn_agency_new ();
  gboolean created;

  agency->code = g_strdup (text_of (table, values, "code"));
  agency->name = g_strdup (text_of (table, values, "name"));
  cairn_set_str (&agency->kind, text_of (table, values, "kind"));
  if (!cairn_store_ensure_agency (ctx->store, agency, id, &created, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  if (created)
    count_row (ctx, table->name);
  id_map_set (ctx->agency_ids, agency->code, *id);
  return TRUE;
}

static gboolean
professional_hook (Ctx         *ctx,
                   const Table *table,
                   const char  *path,
                   JsonNode    *node,
                   Value       *values,
                   gint64      *id,
                   GError     **error)
{
  g_autoptr (CairnProfessional) professional = cairn_professional_new ();
  g_autofree char *key = NULL;
  gboolean created;

  professional->name = g_strdup (text_of (table, values, "name"));
  professional->agency_code =
    g_strdup (json_object_get_string_member (json_node_get_object (node), "agency"));
  professional->role = g_strdup (text_of (table, values, "role"));
  professional->team = g_strdup (text_of (table, values, "team"));
  professional->qualified_social_worker = value_of (table, values, "qualified_social_worker")->num != 0;

  key = professional_key (professional->agency_code, professional->name);
  if (id_map_get (ctx->professional_ids, key) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" of %s is listed twice"), path, professional->name,
                   professional->agency_code);
      return FALSE;
    }
  if (!cairn_store_ensure_professional (ctx->store, professional, id, &created, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  if (created)
    count_row (ctx, table->name);
  id_map_set (ctx->professional_ids, key, *id);
  return TRUE;
}

/* A conference already in the database (same reference) must be the same
 * conference: same kind, same date and time. It keeps its stored record and
 * attendees, which are checked but not written; the child's subject rows
 * are added to it. */
static gboolean
conference_hook (Ctx         *ctx,
                 const Table *table,
                 const char  *path,
                 JsonNode    *node,
                 Value       *values,
                 gint64      *id,
                 GError     **error)
{
  const char *reference = text_of (table, values, "reference");
  const char *kind = text_of (table, values, "kind");
  const char *held_at = text_of (table, values, "held_at");
  sqlite3_stmt *stmt;
  CairnRef ref;

  parse_conference_ref (path, reference, &ref, NULL);
  stmt = cairn_store_prepare (ctx->store,
                              "SELECT id, kind, held_at FROM conferences WHERE year = ?1 AND number = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, ref.year);
  sqlite3_bind_int64 (stmt, 2, ref.number);
  *id = 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean same = g_strcmp0 (cairn_column_text (stmt, 1), kind) == 0 &&
                      g_strcmp0 (cairn_column_text (stmt, 2), held_at) == 0;
      g_autofree char *stored_kind = cairn_column_dup_text (stmt, 1);
      g_autofree char *stored_held_at = cairn_column_dup_text (stmt, 2);

      *id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (!same)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("%s: %s is already in the database as a different conference (%s, %s)"),
                       path, reference, stored_kind, stored_held_at);
          return FALSE;
        }
      ctx->dry = TRUE;
    }
  else
    {
      sqlite3_reset (stmt);
      if (!ctx->dry)
        {
          stmt = cairn_store_prepare (ctx->store, conference_insert_sql, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int (stmt, 1, ref.year);
          sqlite3_bind_int64 (stmt, 2, ref.number);
          bind_values (stmt, 3, values + 1, table->n_fields - 1);
          if (!step_write (ctx, stmt, path, error))
            return FALSE;
          *id = sqlite3_last_insert_rowid (cairn_store_get_db (ctx->store));
          count_row (ctx, table->name);
        }
    }
  id_map_set (ctx->conference_ids, reference, *id);
  return TRUE;
}

static gboolean
referral_hook (Ctx         *ctx,
               const Table *table,
               const char  *path,
               JsonNode    *node,
               Value       *values,
               gint64      *id,
               GError     **error)
{
  g_autoptr (CairnReferral) referral = cairn_referral_new ();

  cairn_timestamp_parse ("received_at", text_of (table, values, "received_at"),
                         &referral->received_on, &referral->received_minute, NULL);
  referral->channel = g_strdup (text_of (table, values, "channel"));
  referral->source_code = g_strdup (text_of (table, values, "source_code"));
  referral->referrer_name = g_strdup (text_of (table, values, "referrer_name"));
  referral->concern = g_strdup (text_of (table, values, "concern"));
  referral->primary_need_code = g_strdup (text_of (table, values, "primary_need_code"));
  referral->decision = g_strdup (text_of (table, values, "decision"));
  referral->nfa = value_of (table, values, "nfa")->num != 0;
  if (!cairn_referral_validate (referral, ctx->child, &ctx->today, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

static int
tristate_of (Value *value)
{
  return value->is_null ? -1 : value->num != 0;
}

static gboolean
event_hook (Ctx         *ctx,
            const Table *table,
            const char  *path,
            JsonNode    *node,
            Value       *values,
            gint64      *id,
            GError     **error)
{
  g_autoptr (CairnEvent) event = cairn_event_new ();

  event->kind = g_strdup (text_of (table, values, "kind"));
  cairn_timestamp_parse ("occurred_at", text_of (table, values, "occurred_at"), &event->date,
                         &event->minute, NULL);
  event->planned = value_of (table, values, "planned")->num != 0;
  event->outcome = g_strdup (text_of (table, values, "outcome"));
  event->recorded_by = g_strdup (text_of (table, values, "recorded_by"));
  event->child_seen = tristate_of (value_of (table, values, "child_seen"));
  event->seen_alone = tristate_of (value_of (table, values, "seen_alone"));
  event->not_seen_alone_reason = g_strdup (text_of (table, values, "not_seen_alone_reason"));
  event->notes = g_strdup (text_of (table, values, "notes"));
  event->exception_reason = g_strdup (text_of (table, values, "exception_reason"));
  event->late_reason = g_strdup (text_of (table, values, "late_reason"));
  if (!cairn_event_validate (event, &ctx->today, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

/* The document -------------------------------------------------------------- */

static gboolean
check_document (JsonNode     *document,
                JsonObject  **root,
                GError      **error)
{
  JsonNode *format, *version;

  if (document == NULL || !JSON_NODE_HOLDS_OBJECT (document))
    return fail (error, "format", _("the document is not a JSON object, so not a cairn-child record"));
  *root = json_node_get_object (document);

  format = json_object_get_member (*root, "format");
  if (format == NULL)
    return fail (error, "format", _("is required (\"cairn-child\")"));
  if (!node_is_string (format) || strcmp (json_node_get_string (format), CAIRN_EXCHANGE_FORMAT) != 0)
    {
      g_autofree char *shown = node_is_string (format) ? g_strdup_printf ("\"%s\"", json_node_get_string (format))
                                                       : g_strdup (_("the value"));
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("format: %s is not \"%s\" (this is not a Cairn child record)"), shown,
                   CAIRN_EXCHANGE_FORMAT);
      return FALSE;
    }

  version = json_object_get_member (*root, "version");
  if (version == NULL)
    return fail (error, "version", _("is required"));
  if (!node_is_int (version))
    return fail (error, "version", _("expected a whole number"));
  if (json_node_get_int (version) != CAIRN_EXCHANGE_VERSION)
    {
      g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("version: %s is not supported (this Cairn reads version %d)"), shown,
                   CAIRN_EXCHANGE_VERSION);
      return FALSE;
    }

  return check_members (*root, NULL, document_members, "", error);
}

typedef struct
{
  gint64 id;
  gint64 number;
  const char *why;
} Match;

/* Finds the children already stored who are this child: same reference,
 * same NHS number or same LA child ID. */
static gboolean
find_matches (Ctx      *ctx,
              GArray   *matches,
              GError  **error)
{
  static const char *const queries[] = {
    "SELECT id, number FROM children WHERE number = ?1",
    "SELECT id, number FROM children WHERE nhs_number = ?1",
    "SELECT id, number FROM children WHERE la_child_id = ?1",
  };
  const char *whys[] = { "reference", "nhs_number", "la_child_id" };
  CairnChild *child = ctx->child;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt;
      const char *key = q == 1 ? child->nhs_number : q == 2 ? child->la_child_id : NULL;
      gboolean dup = FALSE;
      Match m = { 0, 0, whys[q] };

      if (q > 0 && cairn_str_empty (key))
        continue;
      stmt = cairn_store_prepare (ctx->store, queries[q], error);
      if (stmt == NULL)
        return FALSE;
      if (q == 0)
        sqlite3_bind_int64 (stmt, 1, child->number);
      else
        cairn_bind_text (stmt, 1, key);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          m.id = sqlite3_column_int64 (stmt, 0);
          m.number = sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_reset (stmt);
      for (guint i = 0; i < matches->len; i++)
        dup = dup || g_array_index (matches, Match, i).id == m.id;
      if (m.id != 0 && !dup)
        g_array_append_val (matches, m);
    }
  return TRUE;
}

/* Removes everything of the child's record but the children row itself,
 * which is updated in place so that links from other children and SCRs
 * that name the child keep pointing at it. Conferences and people that
 * were only this child's go too; those shared with other children stay. */
static gboolean
clear_record (Ctx         *ctx,
              gint64       child_id,
              GError     **error)
{
  static const char *const deletes[] = {
    "DELETE FROM cases WHERE child_id = ?1",
    "DELETE FROM relationships WHERE child_id = ?1",
    "DELETE FROM child_disabilities WHERE child_id = ?1",
    "DELETE FROM child_links WHERE child_id = ?1",
    "DELETE FROM external_child_links WHERE child_id = ?1",
  };
  g_autoptr (GArray) conferences = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!collect_ids (ctx,
                    "SELECT DISTINCT s.conference_id FROM conference_subjects s"
                    " JOIN cases c ON c.id = s.case_id WHERE c.child_id = ?1",
                    child_id, conferences, error) ||
      !collect_ids (ctx, "SELECT person_id FROM relationships WHERE child_id = ?1", child_id,
                    ctx->previous_people, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    if (!exec_with_id (ctx, deletes[i], child_id, error))
      return FALSE;
  for (guint i = 0; i < conferences->len; i++)
    if (!exec_with_id (ctx,
                       "DELETE FROM conferences WHERE id = ?1"
                       " AND NOT EXISTS (SELECT 1 FROM conference_subjects WHERE conference_id = ?1)",
                       g_array_index (conferences, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < ctx->previous_people->len; i++)
    if (!exec_with_id (ctx,
                       "DELETE FROM people WHERE id = ?1"
                       " AND NOT EXISTS (SELECT 1 FROM relationships WHERE person_id = ?1)",
                       g_array_index (ctx->previous_people, gint64, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
import_child_row (Ctx               *ctx,
                  JsonObject        *root,
                  CairnImportFlags   flags,
                  gint64            *child_id,
                  gboolean          *replaced,
                  GError           **error)
{
  JsonNode *node = json_object_get_member (root, "child");
  Value values[MAX_FIELDS] = { { 0 } };
  g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  *replaced = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return fail (error, "child", _("is required"));
  if (!parse_row (ctx, &child_table, node, "child", NULL, values, error) ||
      !child_hook (ctx, &child_table, "child", node, values, NULL, error) ||
      !find_matches (ctx, matches, error))
    goto out;

  if (matches->len > 1)
    {
      Match *a = &g_array_index (matches, Match, 0);
      Match *b = &g_array_index (matches, Match, 1);
      g_autofree char *ra = cairn_child_ref_format (a->number);
      g_autofree char *rb = cairn_child_ref_format (b->number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS,
                   _("child: matches two children already in the database, %s (by %s) and %s (by %s)"),
                   ra, a->why, rb, b->why);
      goto out;
    }
  if (matches->len == 1)
    {
      Match *m = &g_array_index (matches, Match, 0);
      g_autofree char *ref = cairn_child_ref_format (m->number);

      if (!(flags & CAIRN_IMPORT_REPLACE))
        {
          if (strcmp (m->why, "reference") == 0)
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS,
                         _("child.reference: %s is already in the database"), ref);
          else
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS,
                         _("child.%s: \"%s\" is already in the database as %s"), m->why,
                         strcmp (m->why, "nhs_number") == 0 ? ctx->child->nhs_number
                                                            : ctx->child->la_child_id,
                         ref);
          goto out;
        }
      /* What the record held before is kept in the audit trail, row by
       * row, as any deletion is; what replaces it is the file's. */
      *child_id = m->id;
      *replaced = TRUE;
      cairn_store_set_audit_capture (ctx->store, TRUE);
      ok = clear_record (ctx, m->id, error) &&
           (stmt = cairn_store_prepare (ctx->store, child_update_sql, error)) != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, *child_id);
          bind_values (stmt, 2, values, child_table.n_fields);
          ok = step_write (ctx, stmt, "child", error);
        }
      cairn_store_set_audit_capture (ctx->store, FALSE);
      if (!ok)
        goto out;
    }
  else
    {
      stmt = cairn_store_prepare (ctx->store, child_insert_sql, error);
      if (stmt == NULL)
        goto out;
      bind_values (stmt, 2, values, child_table.n_fields);
      if (!step_write (ctx, stmt, "child", error))
        goto out;
      *child_id = sqlite3_last_insert_rowid (cairn_store_get_db (ctx->store));
    }
  count_row (ctx, "children");
  ok = import_children (ctx, &child_table, *child_id, node, "child", error);

out:
  values_clear (values, MAX_FIELDS);
  return ok;
}

/* Links to other children: to the child stored with the same reference,
 * given name, family name and date of birth when there is one, otherwise
 * kept as an external link with the reference and name the file gives. */
static gboolean
import_links (Ctx         *ctx,
              gint64       child_id,
              JsonObject  *root,
              GError     **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Value link[MAX_FIELDS] = { { 0 } };
  Value other[MAX_FIELDS] = { { 0 } };
  JsonArray *array;
  gboolean ok = FALSE;

  if (!get_array (root, "links", "links", &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("links[%u]", i);
      g_autofree char *other_path = member_path (path, "other_child");
      g_autofree char *ref_path = member_path (other_path, "reference");
      JsonNode *node = json_array_get_element (array, i);
      const char *reference;
      sqlite3_stmt *stmt;
      gint64 other_id = 0;

      values_clear (link, MAX_FIELDS);
      values_clear (other, MAX_FIELDS);
      if (!parse_row (ctx, &links_table, node, path, NULL, link, error))
        goto out;
      node = json_object_get_member (json_node_get_object (node), "other_child");
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          fail (error, other_path, _("is required"));
          goto out;
        }
      if (!parse_row (ctx, &other_child_table, node, other_path, NULL, other, error))
        goto out;
      reference = json_object_get_string_member (json_node_get_object (node), "reference");
      if (other[0].num == ctx->child->number)
        {
          fail (error, ref_path, _("a child cannot be linked to themselves"));
          goto out;
        }
      if (g_hash_table_contains (seen, reference))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: the same as %s"), ref_path,
                       (const char *) g_hash_table_lookup (seen, reference));
          goto out;
        }
      g_hash_table_insert (seen, g_strdup (reference), g_strdup (ref_path));

      stmt = cairn_store_prepare (ctx->store,
                                  "SELECT id FROM children WHERE number = ?1 AND given_name = ?2"
                                  " AND family_name = ?3 AND date_of_birth IS ?4",
                                  error);
      if (stmt == NULL)
        goto out;
      bind_values (stmt, 1, other, other_child_table.n_fields);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        other_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (other_id != 0)
        {
          stmt = cairn_store_prepare (ctx->store,
                                      "INSERT INTO child_links (child_id, other_child_id, relationship)"
                                      " VALUES (?1, ?2, ?3)",
                                      error);
          if (stmt == NULL)
            goto out;
          sqlite3_bind_int64 (stmt, 1, child_id);
          sqlite3_bind_int64 (stmt, 2, other_id);
          bind_values (stmt, 3, link, links_table.n_fields);
        }
      else
        {
          stmt = cairn_store_prepare (
            ctx->store,
            "INSERT INTO external_child_links (child_id, other_reference, other_given_name,"
            " other_family_name, other_date_of_birth, relationship) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            error);
          if (stmt == NULL)
            goto out;
          sqlite3_bind_int64 (stmt, 1, child_id);
          cairn_bind_text (stmt, 2, reference);
          bind_values (stmt, 3, other + 1, other_child_table.n_fields - 1);
          bind_values (stmt, 6, link, links_table.n_fields);
        }
      if (!step_write (ctx, stmt, path, error))
        goto out;
      count_row (ctx, other_id != 0 ? "child_links" : "external_child_links");
    }
  ok = TRUE;

out:
  values_clear (link, MAX_FIELDS);
  values_clear (other, MAX_FIELDS);
  return ok;
}

/* Other children's external links that name this child become links. */
static gboolean
resolve_links_to (Ctx      *ctx,
                  gint64    child_id,
                  GError  **error)
{
  static const char *const sql[] = {
    "INSERT OR IGNORE INTO child_links (child_id, other_child_id, relationship)"
    " SELECT child_id, ?1, relationship FROM external_child_links"
    " WHERE other_reference = ?2 AND other_given_name = ?3 AND other_family_name = ?4"
    " AND other_date_of_birth IS ?5 AND child_id <> ?1",
    "DELETE FROM external_child_links"
    " WHERE other_reference = ?2 AND other_given_name = ?3 AND other_family_name = ?4"
    " AND other_date_of_birth IS ?5 AND child_id <> ?1",
  };
  g_autofree char *reference = cairn_child_ref_format (ctx->child->number);

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = cairn_store_prepare (ctx->store, sql[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, child_id);
      cairn_bind_text (stmt, 2, reference);
      cairn_bind_text (stmt, 3, ctx->child->given_name);
      cairn_bind_text (stmt, 4, ctx->child->family_name);
      cairn_bind_date (stmt, 5, &ctx->child->date_of_birth);
      if (!cairn_store_step_done (ctx->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Every agency, professional and conference in the document must be named
 * by the record (a professional names their agency), as in a document that
 * cairn_store_export_child() writes. */
static gboolean
check_all_named (Ctx         *ctx,
                 JsonObject  *root,
                 GError     **error)
{
  JsonArray *array;

  if (!get_array (root, "conferences", "conferences", &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *conference = json_array_get_object_element (array, i);
      const char *reference = json_object_get_string_member (conference, "reference");

      if (!g_hash_table_contains (ctx->conferences_named, reference))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("conferences[%u]: %s is not named by any of the cases' conference_subjects"),
                       i, reference);
          return FALSE;
        }
    }

  if (!get_array (root, "professionals", "professionals", &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *professional = json_array_get_object_element (array, i);
      const char *name = json_object_get_string_member (professional, "name");
      const char *agency = json_object_get_string_member (professional, "agency");
      g_autofree char *key = professional_key (agency, name);
      gint64 id = id_map_get (ctx->professional_ids, key);

      if (!g_hash_table_contains (ctx->professionals, &id))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("professionals[%u]: \"%s\" of %s is not named anywhere in the record"), i,
                       name, agency);
          return FALSE;
        }
    }

  if (!get_array (root, "agencies", "agencies", &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      const char *code = json_object_get_string_member (json_array_get_object_element (array, i), "code");
      gint64 id = id_map_get (ctx->agency_ids, code);

      if (!g_hash_table_contains (ctx->agencies, &id))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("agencies[%u]: \"%s\" is not named anywhere in the record"), i, code);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_document (Ctx               *ctx,
                 JsonObject        *root,
                 CairnImportFlags   flags,
                 gint64            *child_id,
                 gboolean          *replaced,
                 GError           **error)
{
  return import_rows (ctx, &agencies_table, 0, root, "", error) &&
         import_rows (ctx, &professionals_table, 0, root, "", error) &&
         import_child_row (ctx, root, flags, child_id, replaced, error) &&
         import_rows (ctx, &household_table, *child_id, root, "", error) &&
         import_links (ctx, *child_id, root, error) &&
         import_rows (ctx, &conferences_table, 0, root, "", error) &&
         import_rows (ctx, &cases_table, *child_id, root, "", error) &&
         check_all_named (ctx, root, error) &&
         resolve_links_to (ctx, *child_id, error);
}

/* The details of an import's audit entry: the child, whether a record was
 * replaced, the input's SHA-256 and the rows written, per table. */
static char *
import_details (Ctx        *ctx,
                gboolean    replaced,
                const char *sha256)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GList) tables = g_list_sort (g_hash_table_get_keys (ctx->counts), (GCompareFunc) strcmp);
  g_autofree char *ref = cairn_child_ref_format (ctx->child->number);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "child");
  json_builder_add_string_value (builder, ref);
  json_builder_set_member_name (builder, "replaced");
  json_builder_add_boolean_value (builder, replaced);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_object (builder);
  for (GList *l = tables; l; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_int_value (builder, GPOINTER_TO_UINT (g_hash_table_lookup (ctx->counts, l->data)));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
import_checked (CairnStore        *self,
                JsonNode          *document,
                const char        *sha256,
                CairnImportFlags   flags,
                gint64            *child_number,
                gboolean          *replaced,
                GError           **error)
{
  JsonObject *root;
  gint64 child_id = 0;
  gboolean was_replaced = FALSE;
  Ctx ctx;
  gboolean ok;

  if (!cairn_store_require (self, CAIRN_ACTION_IMPORT, error) ||
      !check_document (document, &root, error))
    return FALSE;
  ctx_init (&ctx, self);
  if (!cairn_store_get_today_checked (self, &ctx.today, error) || !cairn_store_begin (self, error))
    {
      ctx_clear (&ctx);
      return FALSE;
    }

  /* One audit entry for the whole import (README: the audit trail). */
  cairn_store_audit_begin_bulk (self, NULL);
  ok = import_document (&ctx, root, flags, &child_id, &was_replaced, error);
  if (ok)
    {
      g_autofree char *details = import_details (&ctx, was_replaced, sha256);
      ok = cairn_store_audit_end_bulk_for_child (self, "import", ctx.child->number, details, error);
    }
  else
    cairn_store_audit_cancel_bulk (self);
  if (ok)
    ok = cairn_store_commit (self, error);
  else
    cairn_store_rollback (self);

  if (ok && child_number)
    *child_number = ctx.child->number;
  if (ok && replaced)
    *replaced = was_replaced;
  ctx_clear (&ctx);
  return ok;
}

/**
 * cairn_store_import_child:
 * @document: a cairn-child document (see cairn_store_export_child())
 * @child_number: (out) (optional): the number of the child imported
 * @replaced: (out) (optional): whether a stored record was replaced
 *
 * Checks every member of @document with the core validators and writes the
 * child's whole record in one transaction. A child already in the database
 * (same reference, NHS number or LA child ID) is refused with
 * %CAIRN_ERROR_EXISTS unless @flags has %CAIRN_IMPORT_REPLACE, which
 * replaces that child's record. Errors name the member by its path in the
 * document (cases[0].referrals[0].received_at); on any error the database
 * is unchanged. Needs %CAIRN_ACTION_IMPORT. The audit trail gets one entry
 * for the import, with the rows written and the SHA-256 of the document as
 * cairn_exchange_to_data() writes it.
 */
gboolean
cairn_store_import_child (CairnStore        *self,
                          JsonNode          *document,
                          CairnImportFlags   flags,
                          gint64            *child_number,
                          gboolean          *replaced,
                          GError           **error)
{
  g_autofree char *data = NULL;
  g_autofree char *sha256 = NULL;
  gsize length;

  if (document == NULL)
    return check_document (document, NULL, error);
  data = cairn_exchange_to_data (document, &length);
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  return import_checked (self, document, sha256, flags, child_number, replaced, error);
}

/**
 * cairn_store_import_child_data:
 * @name: what to call @data in an error (the file's name)
 *
 * Parses @data (cairn_exchange_parse()) and imports it as
 * cairn_store_import_child() does; the audit entry records the SHA-256 of
 * @data itself.
 */
gboolean
cairn_store_import_child_data (CairnStore        *self,
                               const char        *name,
                               const char        *data,
                               gssize             length,
                               CairnImportFlags   flags,
                               gint64            *child_number,
                               gboolean          *replaced,
                               GError           **error)
{
  g_autoptr (JsonNode) document = NULL;
  g_autofree char *sha256 = NULL;

  if (length < 0)
    length = (gssize) strlen (data);
  if ((document = cairn_exchange_parse (name, data, length, error)) == NULL)
    return FALSE;
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, (gsize) length);
  return import_checked (self, document, sha256, flags, child_number, replaced, error);
}
