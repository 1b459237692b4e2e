/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-codes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-codes.h"
#include "cairn-error.h"

static const CairnCode referral_sources[] = {
  { "1A", N_("Individual: family member, relative or carer") },
  { "1B", N_("Individual: acquaintance") },
  { "1C", N_("Individual: self") },
  { "1D", N_("Individual: other") },
  { "2A", N_("Schools") },
  { "2B", N_("Education services") },
  { "3A", N_("Health services: GP") },
  { "3B", N_("Health services: health visitor") },
  { "3C", N_("Health services: school nurse") },
  { "3D", N_("Health services: other primary health services") },
  { "3E", N_("Health services: A&E") },
  { "3F", N_("Health services: other") },
  { "4", N_("Housing") },
  { "5A", N_("LA services: social care") },
  { "5B", N_("LA services: other internal") },
  { "5C", N_("LA services: external") },
  { "5D", N_("LA services: early help") },
  { "6", N_("Police") },
  { "7", N_("Other legal agency") },
  { "8", N_("Other") },
  { "9", N_("Anonymous") },
  { "10", N_("Unknown") },
};

static const CairnCode primary_needs[] = {
  { "N0", N_("Not stated") },
  { "N1", N_("Abuse or neglect") },
  { "N2", N_("Child's disability or illness") },
  { "N3", N_("Parental disability or illness") },
  { "N4", N_("Family in acute stress") },
  { "N5", N_("Family dysfunction") },
  { "N6", N_("Socially unacceptable behaviour") },
  { "N7", N_("Low income") },
  { "N8", N_("Absent parenting") },
  { "N9", N_("Cases other than children in need") },
};

static const CairnCode closure_reasons[] = {
  { "RC1", N_("Adopted") },
  { "RC2", N_("Died") },
  { "RC3", N_("Child arrangements order") },
  { "RC4", N_("Special guardianship order") },
  { "RC5", N_("Transferred to another local authority") },
  { "RC6", N_("Transferred to adult social care") },
  { "RC7", N_("Services ceased for any other reason") },
  { "RC8", N_("Closed after assessment, no further action") },
  { "RC9", N_("Closed after assessment, referred to early help") },
};

static const CairnCode ethnicities[] = {
  { "WBRI", N_("White British") },
  { "WIRI", N_("White Irish") },
  { "WIRT", N_("Traveller of Irish heritage") },
  { "WROM", N_("Gypsy/Roma") },
  { "WOTH", N_("Any other White background") },
  { "MWBC", N_("White and Black Caribbean") },
  { "MWBA", N_("White and Black African") },
  { "MWAS", N_("White and Asian") },
  { "MOTH", N_("Any other mixed background") },
  { "AIND", N_("Indian") },
  { "APKN", N_("Pakistani") },
  { "ABAN", N_("Bangladeshi") },
  { "AOTH", N_("Any other Asian background") },
  { "BCRB", N_("Black Caribbean") },
  { "BAFR", N_("Black African") },
  { "BOTH", N_("Any other Black background") },
  { "CHNE", N_("Chinese") },
  { "OOTH", N_("Any other ethnic group") },
  { "REFU", N_("Refused") },
  { "NOBT", N_("Information not yet obtained") },
};

static const CairnCode disabilities[] = {
  { "NONE", N_("No disability") },
  { "MOB", N_("Mobility") },
  { "HAND", N_("Hand function") },
  { "PC", N_("Personal care") },
  { "INC", N_("Incontinence") },
  { "COMM", N_("Communication") },
  { "LD", N_("Learning") },
  { "HEAR", N_("Hearing") },
  { "VIS", N_("Vision") },
  { "BEH", N_("Behaviour") },
  { "CON", N_("Consciousness") },
  { "AUT", N_("Autism or Asperger syndrome") },
  { "DDA", N_("Other disability") },
};

static const CairnCode assessment_factors[] = {
  { "1A", N_("Alcohol misuse: child") },
  { "1B", N_("Alcohol misuse: parent or carer") },
  { "1C", N_("Alcohol misuse: other person in the household") },
  { "2A", N_("Drug misuse: child") },
  { "2B", N_("Drug misuse: parent or carer") },
  { "2C", N_("Drug misuse: other person in the household") },
  { "3A", N_("Domestic abuse: child") },
  { "3B", N_("Domestic abuse: parent or carer") },
  { "3C", N_("Domestic abuse: other person in the household") },
  { "4A", N_("Mental health: child") },
  { "4B", N_("Mental health: parent or carer") },
  { "4C", N_("Mental health: other person in the household") },
  { "5A", N_("Learning disability: child") },
  { "5B", N_("Learning disability: parent or carer") },
  { "5C", N_("Learning disability: other person in the household") },
  { "6A", N_("Physical disability or illness: child") },
  { "6B", N_("Physical disability or illness: parent or carer") },
  { "6C", N_("Physical disability or illness: other person in the household") },
  { "7A", N_("Young carer") },
  { "8B", N_("Privately fostered: overseas, intending to return") },
  { "8C", N_("Privately fostered: overseas, intending to stay") },
  { "8D", N_("Privately fostered: UK, parents abroad") },
  { "8E", N_("Privately fostered: UK, education") },
  { "8F", N_("Privately fostered: UK, other") },
  { "9A", N_("Unaccompanied asylum-seeking child") },
  { "10A", N_("Going or being missing") },
  { "11A", N_("Child sexual exploitation") },
  { "12A", N_("Trafficking") },
  { "13A", N_("Gangs") },
  { "14A", N_("Socially unacceptable behaviour") },
  { "15A", N_("Self-harm") },
  { "16A", N_("Neglect") },
  { "17A", N_("Emotional abuse") },
  { "18A", N_("Physical abuse") },
  { "18B", N_("Physical abuse by another child") },
  { "18C", N_("Physical abuse by an adult") },
  { "19A", N_("Sexual abuse") },
  { "19B", N_("Sexual abuse by another child") },
  { "19C", N_("Sexual abuse by an adult") },
  { "20", N_("Other") },
  { "21", N_("No factors identified") },
  { "22A", N_("Female genital mutilation") },
  { "23A", N_("Abuse linked to faith or belief") },
  { "24A", N_("Child criminal exploitation") },
};

static const CairnCode categories[] = {
  { "NEG", N_("Neglect") },
  { "PHY", N_("Physical abuse") },
  { "EMO", N_("Emotional abuse") },
  { "SAB", N_("Sexual abuse") },
  { "MUL", N_("Multiple") },
};

static const CairnCode upn_unknown[] = {
  { "UN1", N_("Under school age, no UPN yet") },
  { "UN2", N_("Never attended school in England") },
  { "UN3", N_("Educated outside England") },
  { "UN4", N_("New arrival, UPN not yet issued") },
  { "UN5", N_("Source record lacks UPN") },
  { "UN6", N_("UPN not yet obtained") },
  { "UN7", N_("Referral with no further action") },
};

static const CairnCode sexes[] = {
  { "M", N_("Male") },
  { "F", N_("Female") },
  { "U", N_("Not known") },
};

static const CairnCode conference_kinds[] = {
  { "initial", N_("Initial child protection conference") },
  { "pre_birth", N_("Pre-birth child protection conference") },
  { "review", N_("Review child protection conference") },
  { "transfer_in", N_("Transfer-in child protection conference") },
};

static const CairnCode assessment_kinds[] = {
  { "initial", N_("Initial assessment") },
  { "core", N_("Core assessment") },
  { "single", N_("Assessment") },
};

static const CairnCode relationships[] = {
  { "mother", N_("Mother") },
  { "father", N_("Father") },
  { "stepmother", N_("Stepmother") },
  { "stepfather", N_("Stepfather") },
  { "parent_partner", N_("Parent's partner") },
  { "sibling", N_("Sibling") },
  { "grandparent", N_("Grandparent") },
  { "aunt_uncle", N_("Aunt or uncle") },
  { "carer", N_("Carer") },
  { "other_adult", N_("Other adult") },
};

static const CairnCode attendances[] = {
  { "invited", N_("Invited") },
  { "present", N_("Present") },
  { "apologies", N_("Apologies") },
  { "report", N_("Apologies, written report received") },
  { "absent", N_("Absent") },
  { "in_attendance", N_("In attendance") },
};

static const CairnCode referral_decisions[] = {
  { "nfa", N_("No further action") },
  { "advice", N_("Advice or signposting") },
  { "assessment", N_("Assessment") },
  { "strategy", N_("Strategy discussion") },
  { "services", N_("Services") },
};

static const CairnCode scr_action_statuses[] = {
  { "not_started", N_("Not started") },
  { "in_progress", N_("In progress") },
  { "complete", N_("Complete") },
};

/* Event kinds: what happened on the pathway. Guidance editions map their
 * stages and timescale rules onto these (data/pathways/): a node lists the
 * kinds that place a case on it, a rule the kinds that start and stop its
 * clock. Keep the codes stable: they are stored in events.kind and named in
 * the edition files. */
static const CairnCode event_kinds[] = {
  { "concern", N_("Concern raised") },
  { "referral", N_("Referral received") },
  { "referral_by_phone", N_("Telephone referral, to be confirmed in writing") },
  { "referral_confirmed_in_writing", N_("Telephone referral confirmed in writing") },
  { "referral_acknowledged", N_("Referral acknowledged to the referrer") },
  { "referral_decision", N_("Decision on referral") },
  { "nfa", N_("No further action") },
  { "initial_assessment_start", N_("Initial assessment started") },
  { "initial_assessment_complete", N_("Initial assessment completed") },
  { "core_assessment_start", N_("Core assessment started") },
  { "core_assessment_complete", N_("Core assessment completed") },
  { "assessment_start", N_("Assessment started") },
  { "assessment_complete", N_("Assessment completed") },
  { "cin_plan_start", N_("Child in need plan started") },
  { "cin_plan_end", N_("Child in need plan ended") },
  { "emergency_action", N_("Emergency action") },
  { "police_protection", N_("Police protection") },
  { "police_protection_end", N_("Police protection ended") },
  { "epo", N_("Emergency protection order") },
  { "epo_end", N_("Emergency protection order ended") },
  { "child_assessment_order", N_("Child assessment order: assessment period began") },
  { "child_assessment_order_end", N_("Child assessment order ended") },
  { "strategy_discussion", N_("Strategy discussion") },
  { "s47_start", N_("Section 47 enquiries started") },
  { "s47_complete", N_("Section 47 enquiries completed") },
  { "icpc", N_("Initial child protection conference") },
  { "pre_birth_conference", N_("Pre-birth conference") },
  { "cp_plan_start", N_("Child protection plan started") },
  { "core_group", N_("Core group meeting") },
  { "home_visit", N_("Home visit") },
  { "review_conference", N_("Review child protection conference") },
  { "transfer_notified", N_("Notified of a move into the area") },
  { "transfer_in_conference", N_("Transfer-in conference") },
  { "cp_plan_end", N_("Child protection plan ended") },
  { "care_proceedings", N_("Care proceedings") },
  { "case_closed", N_("Case closed") },
  { "allegation", N_("Allegation against a person working with children reached the employer") },
  { "lado_informed", N_("Designated officer (LADO) informed of an allegation") },
  { "scr_notification", N_("Serious incident notified to the LSCB") },
  { "scr_decision", N_("Decision whether to hold a serious case review") },
  { "scr_initiated", N_("Serious case review initiated (decision to proceed)") },
  { "scr_completed", N_("Serious case review completed") },
  { "note", N_("Note") },
};

/* What a strategy discussion decided about section 47 enquiries. */
static const CairnCode s47_decisions[] = {
  { "none", N_("No section 47 enquiries") },
  { "single", N_("Single-agency section 47 enquiries") },
  { "joint", N_("Joint section 47 enquiries with the police") },
};

/* Where a conference's record stands. */
static const CairnCode conference_statuses[] = {
  { "draft", N_("Draft") },
  { "approved", N_("Approved by the chair") },
  { "issued", N_("Issued") },
};

/* A conference's decision about a child's protection plan. */
static const CairnCode plan_decisions[] = {
  { "start", N_("Child protection plan started") },
  { "continue", N_("Child protection plan continues") },
  { "end", N_("Child protection plan ended") },
  { "none", N_("No child protection plan") },
};

/* Where a serious case review is. */
static const CairnCode scr_stages[] = {
  { "considered", N_("Being considered") },
  { "in_progress", N_("In progress") },
  { "completed", N_("Completed") },
  { "published", N_("Published") },
};

/* A board action point's status. */
static const CairnCode action_statuses[] = {
  { "open", N_("Open") },
  { "in_progress", N_("In progress") },
  { "closed", N_("Done") },
};

/* How a copy of minutes reached someone. */
static const CairnCode send_methods[] = {
  { "secure_email", N_("Secure email") },
  { "email", N_("Email") },
  { "post", N_("Post") },
  { "by_hand", N_("By hand") },
};

static const struct
{
  const CairnCode *codes;
  gsize n;
} lists[CAIRN_N_CODE_LISTS] = {
  [CAIRN_CODES_REFERRAL_SOURCE] = { referral_sources, G_N_ELEMENTS (referral_sources) },
  [CAIRN_CODES_PRIMARY_NEED] = { primary_needs, G_N_ELEMENTS (primary_needs) },
  [CAIRN_CODES_CLOSURE_REASON] = { closure_reasons, G_N_ELEMENTS (closure_reasons) },
  [CAIRN_CODES_ETHNICITY] = { ethnicities, G_N_ELEMENTS (ethnicities) },
  [CAIRN_CODES_DISABILITY] = { disabilities, G_N_ELEMENTS (disabilities) },
  [CAIRN_CODES_ASSESSMENT_FACTOR] = { assessment_factors, G_N_ELEMENTS (assessment_factors) },
  [CAIRN_CODES_CATEGORY] = { categories, G_N_ELEMENTS (categories) },
  [CAIRN_CODES_UPN_UNKNOWN] = { upn_unknown, G_N_ELEMENTS (upn_unknown) },
  [CAIRN_CODES_SEX] = { sexes, G_N_ELEMENTS (sexes) },
  [CAIRN_CODES_CONFERENCE_KIND] = { conference_kinds, G_N_ELEMENTS (conference_kinds) },
  [CAIRN_CODES_ASSESSMENT_KIND] = { assessment_kinds, G_N_ELEMENTS (assessment_kinds) },
  [CAIRN_CODES_RELATIONSHIP] = { relationships, G_N_ELEMENTS (relationships) },
  [CAIRN_CODES_ATTENDANCE] = { attendances, G_N_ELEMENTS (attendances) },
  [CAIRN_CODES_REFERRAL_DECISION] = { referral_decisions, G_N_ELEMENTS (referral_decisions) },
  [CAIRN_CODES_SCR_ACTION_STATUS] = { scr_action_statuses, G_N_ELEMENTS (scr_action_statuses) },
  [CAIRN_CODES_EVENT_KIND] = { event_kinds, G_N_ELEMENTS (event_kinds) },
  [CAIRN_CODES_S47_DECISION] = { s47_decisions, G_N_ELEMENTS (s47_decisions) },
  [CAIRN_CODES_CONFERENCE_STATUS] = { conference_statuses, G_N_ELEMENTS (conference_statuses) },
  [CAIRN_CODES_PLAN_DECISION] = { plan_decisions, G_N_ELEMENTS (plan_decisions) },
  [CAIRN_CODES_ACTION_STATUS] = { action_statuses, G_N_ELEMENTS (action_statuses) },
  [CAIRN_CODES_SEND_METHOD] = { send_methods, G_N_ELEMENTS (send_methods) },
  [CAIRN_CODES_SCR_STAGE] = { scr_stages, G_N_ELEMENTS (scr_stages) },
};

const CairnCode *
cairn_codes_get (CairnCodeList  list,
                 gsize         *n_codes)
{
  g_return_val_if_fail (list < CAIRN_N_CODE_LISTS, NULL);
  *n_codes = lists[list].n;
  return lists[list].codes;
}

static const CairnCode *
find (CairnCodeList list,
      const char   *code)
{
  g_return_val_if_fail (list < CAIRN_N_CODE_LISTS, NULL);
  if (code == NULL)
    return NULL;
  for (gsize i = 0; i < lists[list].n; i++)
    if (strcmp (lists[list].codes[i].code, code) == 0)
      return &lists[list].codes[i];
  return NULL;
}

/* The translated label of @code, or @code itself when it is not in the list. */
const char *
cairn_codes_label (CairnCodeList list,
                   const char   *code)
{
  const CairnCode *c = find (list, code);

  return c ? _(c->label) : code;
}

gboolean
cairn_codes_contains (CairnCodeList list,
                      const char   *code)
{
  return find (list, code) != NULL;
}

gboolean
cairn_codes_check (CairnCodeList  list,
                   const char    *field,
                   const char    *code,
                   GError       **error)
{
  if (find (list, code) != NULL)
    return TRUE;
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: \"%s\" is not a known code"), field,
               code ? code : "");
  return FALSE;
}
