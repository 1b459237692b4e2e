/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cin"

#include "config.h"

#include <string.h>

#include "cairn-cin-codes.h"
#include "cairn-cin-rules-private.h"
#include "cairn-validate.h"

/* The DfE CIN census rules, one function per rule, and the rule table at the
 * end of this file (cin-census.md §7, §8).
 *
 * Each function follows the DfE wording of the rule as §8 gives it. Where
 * the open-source validator departs from that wording (§9), Cairn follows
 * the wording, and the function says so: 2886Q, 2887Q, 8540, 8565, 8614,
 * 8832, 8869, 8870Q, 8897Q, 8898, 8935, 8940, 8945Q and 8950Q are reported
 * as the DfE describes them; 8740 and 2885 read "false"/"true" like "0"/"1";
 * 2884 and 4003 compare within one episode, as the DfE text says. The 8569Q,
 * 8670Q and 8675Q cut-offs use the validator's n − 1 working-day offset (§6).
 *
 * The DfE messages are kept exactly as the DfE writes them (they are what
 * authorities search for), so they are not translated. */

#define N_ELEMS(a) G_N_ELEMENTS (a)

static gboolean
is_set (const GDate *date)
{
  return g_date_valid (date);
}

/* @a is before @b, both given. */
static gboolean
before (const GDate *a,
        const GDate *b)
{
  return is_set (a) && is_set (b) && g_date_compare (a, b) < 0;
}

static gboolean
same_day (const GDate *a,
          const GDate *b)
{
  return is_set (a) && is_set (b) && g_date_compare (a, b) == 0;
}

/* Inside the census period, both ends included. */
static gboolean
in_period (const CairnCinCheck *check,
           const GDate         *date)
{
  return is_set (date) && g_date_compare (date, &check->period_start) >= 0 &&
         g_date_compare (date, &check->period_end) <= 0;
}

/* @date lies from @from up to @to, with @to included or not. */
static gboolean
within (const GDate *date,
        const GDate *from,
        const GDate *to,
        gboolean     to_included)
{
  int c;

  if (!is_set (date) || !is_set (from) || !is_set (to) || g_date_compare (date, from) < 0)
    return FALSE;
  c = g_date_compare (date, to);
  return to_included ? c <= 0 : c < 0;
}

static gboolean
is_weekend (const GDate *date)
{
  return is_set (date) && g_date_get_weekday (date) >= G_DATE_SATURDAY;
}

static gboolean
nfa_true (const CairnCinEpisode *episode)
{
  return episode->referral_nfa_flag == CAIRN_CIN_FLAG_TRUE;
}

static gboolean
nfa_false (const CairnCinEpisode *episode)
{
  return episode->referral_nfa_flag == CAIRN_CIN_FLAG_FALSE;
}

static gboolean
closed_after_assessment (const CairnCinEpisode *episode)
{
  return g_strcmp0 (episode->closure_reason, "RC8") == 0 ||
         g_strcmp0 (episode->closure_reason, "RC9") == 0;
}

static gboolean
has_code (const char * const *codes,
          guint               n,
          const char         *code)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (codes[i], code) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_repeated_code (const char * const *codes,
                   guint               n)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (strcmp (codes[i], codes[j]) == 0)
        return TRUE;
  return FALSE;
}

static gboolean
any_episode_nfa_false (const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    if (nfa_false (&child->episodes[e]))
      return TRUE;
  return FALSE;
}

static gboolean
is_unborn (const CairnCinChild *child)
{
  return is_set (&child->expected_birth_date) && !is_set (&child->birth_date);
}

#define REPORT(check, child, episode, line) cairn_cin_check_report (check, child, episode, line, NULL)

/* ---- Header and return level ------------------------------------------ */

/* 100: ReferenceDate must be present and be 31 March of the census year. */
static void
rule_100 (CairnCinCheck *check)
{
  GDate expected;

  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 31, G_DATE_MARCH, (GDateYear) check->year);
  if (!is_set (&check->census->reference_date) ||
      g_date_compare (&check->census->reference_date, &expected) != 0)
    REPORT (check, NULL, 0, 0);
}

/* 2883: the CP plans starting in the period must not outnumber the initial
 * conferences held in it (episode level plus Section 47). */
static void
rule_2883 (CairnCinCheck *check)
{
  const CairnCinCensus *census = check->census;
  guint64 plans = 0, conferences = 0;

  for (guint i = 0; i < census->n_children; i++)
    {
      const CairnCinChild *child = &census->children[i];

      for (guint e = 0; e < child->n_episodes; e++)
        {
          const CairnCinEpisode *ep = &child->episodes[e];

          if (in_period (check, &ep->initial_cpc_date))
            conferences++;
          for (guint s = 0; s < ep->n_section47s; s++)
            if (in_period (check, &ep->section47s[s].initial_cpc_date))
              conferences++;
          for (guint p = 0; p < ep->n_protection_plans; p++)
            if (in_period (check, &ep->protection_plans[p].start_date))
              plans++;
        }
    }
  if (plans > conferences)
    REPORT (check, NULL, 0, 0);
}

/* 2886Q: children (not unborn) with no gender, or gender 0 "not known", must
 * be at most 2% of the child records. The validator's version never fires
 * (§9); this one does. */
static void
rule_2886Q_gender (CairnCinCheck *check)
{
  const CairnCinCensus *census = check->census;
  guint64 missing = 0;

  for (guint i = 0; i < census->n_children; i++)
    {
      const CairnCinChild *child = &census->children[i];

      if (!is_set (&child->expected_birth_date) &&
          (child->gender_current == NULL || strcmp (child->gender_current, "0") == 0))
        missing++;
    }
  if (missing * 50 > census->n_children)
    REPORT (check, NULL, 0, 0);
}

/* 2886Q from 2024-25: the same with Sex missing or U. */
static void
rule_2886Q_sex (CairnCinCheck *check)
{
  const CairnCinCensus *census = check->census;
  guint64 missing = 0;

  for (guint i = 0; i < census->n_children; i++)
    {
      const CairnCinChild *child = &census->children[i];

      if (!is_set (&child->expected_birth_date) &&
          (child->sex == NULL || strcmp (child->sex, "U") == 0))
        missing++;
    }
  if (missing * 50 > census->n_children)
    REPORT (check, NULL, 0, 0);
}

/* 2887Q: leaving NONE aside, more than 7 different disability codes should
 * be used in the return. (The validator counts NONE entries instead, §9.) */
static void
rule_2887Q (CairnCinCheck *check)
{
  const CairnCinCensus *census = check->census;
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < census->n_children; i++)
    {
      const CairnCinChild *child = &census->children[i];

      for (guint d = 0; d < child->n_disabilities; d++)
        if (strcmp (child->disabilities[d], "NONE") != 0 &&
            cairn_cin_codes_contains (CAIRN_CIN_CODES_DISABILITY, check->year, child->disabilities[d]))
          g_hash_table_add (used, (gpointer) child->disabilities[d]);
    }
  if (g_hash_table_size (used) <= 7)
    REPORT (check, NULL, 0, 0);
}

/* 2888Q: leaving NONE aside, at least one child should have more than one
 * disability code recorded. */
static void
rule_2888Q (CairnCinCheck *check)
{
  const CairnCinCensus *census = check->census;

  for (guint i = 0; i < census->n_children; i++)
    {
      const CairnCinChild *child = &census->children[i];
      const char *first = NULL;

      for (guint d = 0; d < child->n_disabilities; d++)
        {
          const char *code = child->disabilities[d];

          if (strcmp (code, "NONE") == 0)
            continue;
          if (first == NULL)
            first = code;
          else if (strcmp (first, code) != 0)
            return;
        }
    }
  REPORT (check, NULL, 0, 0);
}

/* ---- ChildIdentifiers and ChildCharacteristics ------------------------- */

static gboolean
digits_only (const char *s,
             gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* 1510: in a 13-character UPN whose characters 2–13 are digits, character 1
 * must be the check letter (§5.11). */
static void
rule_1510 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  const char *upn = child->upn;

  if (upn != NULL && strlen (upn) == 13 && digits_only (upn + 1, 12) &&
      cairn_upn_check_letter (upn) != upn[0])
    REPORT (check, child, 0, child->line);
}

/* 1520: a UPN must not be given for two children. */
static void
rule_1520 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  if (child->upn != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (check->upns, child->upn)) > 1)
    REPORT (check, child, 0, child->line);
}

/* 1530: characters 2–4 of a 13-character UPN must be an LA code of the year. */
static void
rule_1530 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  char la[4];

  if (child->upn == NULL || strlen (child->upn) != 13)
    return;
  memcpy (la, child->upn + 1, 3);
  la[3] = '\0';
  if (!cairn_cin_codes_contains (CAIRN_CIN_CODES_LA, check->year, la))
    REPORT (check, child, 0, child->line);
}

/* 1540: characters 5–12 of a UPN must be digits; a UPN too short to have
 * them all fails too. */
static void
rule_1540 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  if (child->upn != NULL && (strlen (child->upn) < 12 || !digits_only (child->upn + 4, 8)))
    REPORT (check, child, 0, child->line);
}

/* 1550: character 13 of a 13-character UPN must be a digit or a capital
 * letter other than I, O and S. */
static void
rule_1550 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  char last;

  if (child->upn == NULL || strlen (child->upn) != 13)
    return;
  last = child->upn[12];
  if (!(g_ascii_isdigit (last) || (last >= 'A' && last <= 'Z' && strchr ("IOS", last) == NULL)))
    REPORT (check, child, 0, child->line);
}

/* 1560Q: a former UPN should be a letter followed by 12 digits. */
static void
rule_1560Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  const char *former = child->former_upn;

  if (former != NULL &&
      !(strlen (former) == 13 && g_ascii_isalpha (former[0]) && digits_only (former + 1, 12)))
    REPORT (check, child, 0, child->line);
}

/* 1570: LAchildID at most 20 characters. */
static void
rule_1570 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  if (child->la_child_id != NULL && g_utf8_strlen (child->la_child_id, -1) > 20)
    REPORT (check, child, 0, child->line);
}

/* 1580: LAchildID letters and digits only. */
static void
rule_1580 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  const char *id = child->la_child_id;

  if (id == NULL)
    return;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      {
        REPORT (check, child, 0, child->line);
        return;
      }
}

/* 4180 (2022-23, 2023-24): GenderCurrent must be 0, 1, 2 or 9. */
static void
rule_4180_gender (CairnCinCheck       *check,
                  const CairnCinChild *child)
{
  if (!cairn_cin_codes_contains (CAIRN_CIN_CODES_GENDER, check->year, child->gender_current))
    REPORT (check, child, 0, child->line);
}

/* 4180 (from 2024-25): Sex must be M, F or U. */
static void
rule_4180_sex (CairnCinCheck       *check,
               const CairnCinChild *child)
{
  if (!cairn_cin_codes_contains (CAIRN_CIN_CODES_SEX, check->year, child->sex))
    REPORT (check, child, 0, child->line);
}

/* 4220: Ethnicity must be given and be a listed code. */
static void
rule_4220 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  if (!cairn_cin_codes_contains (CAIRN_CIN_CODES_ETHNICITY, check->year, child->ethnicity))
    REPORT (check, child, 0, child->line);
}

/* 8500: LAchildID must be given. */
static void
rule_8500 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  if (child->la_child_id == NULL)
    REPORT (check, child, 0, child->line);
}

/* 8510: LAchildID must be unique in the return (each record is reported). */
static void
rule_8510 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  if (child->la_child_id != NULL &&
      GPOINTER_TO_UINT (g_hash_table_lookup (check->child_ids, child->la_child_id)) > 1)
    REPORT (check, child, 0, child->line);
}

/* 8520: the date of birth must be on or before ReferenceDate. */
static void
rule_8520 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  if (before (&check->reference_date, &child->birth_date))
    REPORT (check, child, 0, child->line);
}

/* 8525Q: exactly one of date of birth and expected date of birth. */
static void
rule_8525Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  if (is_set (&child->birth_date) == is_set (&child->expected_birth_date))
    REPORT (check, child, 0, child->line);
}

/* 8530Q: an expected date of birth should lie strictly between
 * ReferenceDate − 30 days and ReferenceDate + 9 months. */
static void
rule_8530Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  GDate lo = check->reference_date, hi = check->reference_date;

  if (!is_set (&child->expected_birth_date))
    return;
  g_date_subtract_days (&lo, 30);
  g_date_add_months (&hi, 9);
  if (g_date_compare (&child->expected_birth_date, &lo) <= 0 ||
      g_date_compare (&child->expected_birth_date, &hi) >= 0)
    REPORT (check, child, 0, child->line);
}

/* 8535Q: with a date of death, a date of birth should be given and not be
 * after it. */
static void
rule_8535Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  if (is_set (&child->death_date) &&
      (!is_set (&child->birth_date) || before (&child->death_date, &child->birth_date)))
    REPORT (check, child, 0, child->line);
}

/* 8540: a born child with at least one referral going on to further action
 * must have at least one disability code, all valid. (Never reported by the
 * validator, §9.) */
static void
rule_8540 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  gboolean ok;

  if (!is_set (&child->birth_date) || !any_episode_nfa_false (child))
    return;
  ok = child->n_disabilities > 0;
  for (guint d = 0; ok && d < child->n_disabilities; d++)
    ok = cairn_cin_codes_contains (CAIRN_CIN_CODES_DISABILITY, check->year, child->disabilities[d]);
  if (!ok)
    REPORT (check, child, 0, child->line);
}

/* 8545Q: a date of death should fall within the census year. */
static void
rule_8545Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  if (is_set (&child->death_date) && !in_period (check, &child->death_date))
    REPORT (check, child, 0, child->line);
}

/* 8590: every child must have at least one CINdetails. */
static void
rule_8590 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  if (child->n_episodes == 0)
    REPORT (check, child, 0, child->line);
}

/* 8750 (2022-23, 2023-24): an unborn child must have GenderCurrent 0. */
static void
rule_8750_gender (CairnCinCheck       *check,
                  const CairnCinChild *child)
{
  if (is_unborn (child) && g_strcmp0 (child->gender_current, "0") != 0)
    REPORT (check, child, 0, child->line);
}

/* 8750 (from 2024-25): an unborn child must have Sex U. */
static void
rule_8750_sex (CairnCinCheck       *check,
               const CairnCinChild *child)
{
  if (is_unborn (child) && g_strcmp0 (child->sex, "U") != 0)
    REPORT (check, child, 0, child->line);
}

/* 8770Q: a school-age child with a referral going on to further action
 * should have a UPN or a reason UN2–UN7 for not having one. School age is
 * fixed by @born_by (§6). */
static void
check_8770Q (CairnCinCheck       *check,
             const CairnCinChild *child,
             const GDate         *born_by)
{
  static const char * const reasons[] = { "UN2", "UN3", "UN4", "UN5", "UN6", "UN7" };

  if (!is_set (&child->birth_date) || g_date_compare (&child->birth_date, born_by) > 0 ||
      !any_episode_nfa_false (child) || child->upn != NULL)
    return;
  if (child->upn_unknown == NULL || !has_code (reasons, N_ELEMS (reasons), child->upn_unknown))
    REPORT (check, child, 0, child->line);
}

/* 2022-23 rules: born on or before ReferenceDate − 6 years. */
static void
rule_8770Q_2023 (CairnCinCheck       *check,
                 const CairnCinChild *child)
{
  GDate born_by = check->reference_date;

  g_date_subtract_years (&born_by, 6);
  check_8770Q (check, child, &born_by);
}

/* 2024-25 rules: born on or before (ReferenceDate + 4 months + 31 days) − 6
 * years, the 31 August six years before the next school year. */
static void
rule_8770Q_2025 (CairnCinCheck       *check,
                 const CairnCinChild *child)
{
  GDate born_by = check->reference_date;

  g_date_add_months (&born_by, 4);
  g_date_add_days (&born_by, 31);
  g_date_subtract_years (&born_by, 6);
  check_8770Q (check, child, &born_by);
}

/* 8772: UPNunknown UN7 (referral with no further action) needs every
 * episode to be a referral with no further action. */
static void
rule_8772 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  if (g_strcmp0 (child->upn_unknown, "UN7") != 0)
    return;
  for (guint e = 0; e < child->n_episodes; e++)
    if (!nfa_true (&child->episodes[e]))
      {
        REPORT (check, child, 0, child->line);
        return;
      }
}

/* 8775Q: a child more than 25 years old at ReferenceDate should not have an
 * episode open, or closed after the 25th birthday. */
static void
rule_8775Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  GDate limit = check->reference_date, birthday;

  if (!is_set (&child->birth_date))
    return;
  g_date_subtract_years (&limit, 25);
  if (g_date_compare (&child->birth_date, &limit) >= 0)
    return;
  birthday = child->birth_date;
  g_date_add_years (&birthday, 25);
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const GDate *closure = &child->episodes[e].closure_date;

      if (!is_set (closure) || g_date_compare (closure, &birthday) > 0)
        {
          REPORT (check, child, e + 1, child->episodes[e].line);
          return;
        }
    }
}

/* 8790: NONE must not be combined with other disability codes. */
static void
rule_8790 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  gboolean none = FALSE, other = FALSE;

  for (guint d = 0; d < child->n_disabilities; d++)
    {
      if (strcmp (child->disabilities[d], "NONE") == 0)
        none = TRUE;
      else
        other = TRUE;
    }
  if (none && other)
    REPORT (check, child, 0, child->line);
}

/* 8794: a disability code must not be repeated. */
static void
rule_8794 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  if (has_repeated_code (child->disabilities, child->n_disabilities))
    REPORT (check, child, 0, child->line);
}

/* ---- CINdetails ---------------------------------------------------------- */

/* 2990: an episode closed RC8 or RC9 (closed after assessment) must have no
 * Section 47, CP plan, CIN plan or episode-level initial conference. */
static void
rule_2990 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      if (closed_after_assessment (ep) &&
          (ep->n_section47s > 0 || ep->n_protection_plans > 0 || ep->n_cin_plans > 0 ||
           is_set (&ep->initial_cpc_date)))
        REPORT (check, child, e + 1, ep->line);
    }
}

/* 2991Q: an episode with a Section 47 should have an assessment. */
static void
rule_2991Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      if (ep->n_section47s > 0 && ep->n_assessments == 0)
        REPORT (check, child, e + 1, ep->line);
    }
}

/* 8555Q: a referral must not be dated after the child's death. */
static void
rule_8555Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    if (before (&child->death_date, &child->episodes[e].referral_date))
      REPORT (check, child, e + 1, child->episodes[e].line);
}

/* 8565: a closed episode's closure date must be on or after every date of
 * activity in it: initial conferences (episode and Section 47), assessment
 * start and authorisation, Section 47 start, CP plan end, CIN plan start and
 * end. One finding per record with a later date. (The validator never checks
 * CP plan ends and can fail outright, §9.) */
static void
rule_8565 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  static const char * const episode_fields[] = { "CINclosureDate", "DateOfInitialCPC", NULL };
  static const char * const assessment_fields[] = { "CINclosureDate", "AssessmentActualStartDate",
                                                     "AssessmentAuthorisationDate", NULL };
  static const char * const s47_fields[] = { "CINclosureDate", "S47ActualStartDate",
                                              "DateOfInitialCPC", NULL };
  static const char * const cpp_fields[] = { "CINclosureDate", "CPPendDate", NULL };
  static const char * const plan_fields[] = { "CINclosureDate", "CINPlanStartDate", "CINPlanEndDate",
                                               NULL };

  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];
      const GDate *closure = &ep->closure_date;

      if (!is_set (closure))
        continue;
      if (before (closure, &ep->initial_cpc_date))
        cairn_cin_check_report (check, child, e + 1, ep->line, episode_fields);
      for (guint i = 0; i < ep->n_assessments; i++)
        if (before (closure, &ep->assessments[i].start_date) ||
            before (closure, &ep->assessments[i].authorisation_date))
          cairn_cin_check_report (check, child, e + 1, ep->assessments[i].line, assessment_fields);
      for (guint i = 0; i < ep->n_section47s; i++)
        if (before (closure, &ep->section47s[i].start_date) ||
            before (closure, &ep->section47s[i].initial_cpc_date))
          cairn_cin_check_report (check, child, e + 1, ep->section47s[i].line, s47_fields);
      for (guint i = 0; i < ep->n_protection_plans; i++)
        if (before (closure, &ep->protection_plans[i].end_date))
          cairn_cin_check_report (check, child, e + 1, ep->protection_plans[i].line, cpp_fields);
      for (guint i = 0; i < ep->n_cin_plans; i++)
        if (before (closure, &ep->cin_plans[i].start_date) ||
            before (closure, &ep->cin_plans[i].end_date))
          cairn_cin_check_report (check, child, e + 1, ep->cin_plans[i].line, plan_fields);
    }
}

/* 8568: ReferralNFA must be 1, 0, true or false. */
static void
rule_8568 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      CairnCinFlag flag = child->episodes[e].referral_nfa_flag;

      if (flag == CAIRN_CIN_FLAG_MISSING || flag == CAIRN_CIN_FLAG_INVALID)
        REPORT (check, child, e + 1, child->episodes[e].line);
    }
}

/* 8569Q: a referral dated before the cut-off one working day before the
 * census year should not be a referral with no further action. As in the
 * validator, the cut-off is the first working day on or after the period
 * start (§6, §9). */
static void
rule_8569Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      if (nfa_true (ep) && before (&ep->referral_date, &check->cutoff_8569))
        REPORT (check, child, e + 1, ep->line);
    }
}

/* 8585Q: closure reason RC2 (died) needs a date of death. */
static void
rule_8585Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    if (g_strcmp0 (child->episodes[e].closure_reason, "RC2") == 0 && !is_set (&child->death_date))
      REPORT (check, child, e + 1, child->episodes[e].line);
}

/* 8600: a referral date must be given and be on or before ReferenceDate. */
static void
rule_8600 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const GDate *referral = &child->episodes[e].referral_date;

      if (!is_set (referral) || before (&check->reference_date, referral))
        REPORT (check, child, e + 1, child->episodes[e].line);
    }
}

/* 8606: a referral must not be more than 280 days before the date of birth
 * or the expected date of birth. */
static void
rule_8606 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  GDate born = child->birth_date, expected = child->expected_birth_date;

  if (is_set (&born))
    g_date_subtract_days (&born, 280);
  if (is_set (&expected))
    g_date_subtract_days (&expected, 280);
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const GDate *referral = &child->episodes[e].referral_date;

      if (before (referral, &born) || before (referral, &expected))
        REPORT (check, child, e + 1, child->episodes[e].line);
    }
}

/* 8610: a referral going on to further action needs a primary need code. */
static void
rule_8610 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    if (nfa_false (&child->episodes[e]) && child->episodes[e].primary_need == NULL)
      REPORT (check, child, e + 1, child->episodes[e].line);
}

/* 8620: a closure date must fall within the census year. */
static void
rule_8620 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const GDate *closure = &child->episodes[e].closure_date;

      if (is_set (closure) && !in_period (check, closure))
        REPORT (check, child, e + 1, child->episodes[e].line);
    }
}

/* 8630: a closure date must not be before the referral date. */
static void
rule_8630 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    if (before (&child->episodes[e].closure_date, &child->episodes[e].referral_date))
      REPORT (check, child, e + 1, child->episodes[e].line);
}

/* 8640: a reason for closure, where given, must be RC1–RC9. */
static void
rule_8640 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const char *reason = child->episodes[e].closure_reason;

      if (reason != NULL && !cairn_cin_codes_contains (CAIRN_CIN_CODES_CLOSURE_REASON, check->year, reason))
        REPORT (check, child, e + 1, child->episodes[e].line);
    }
}

/* 8650: a primary need code, where given, must be N0–N9. */
static void
rule_8650 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const char *need = child->episodes[e].primary_need;

      if (need != NULL && !cairn_cin_codes_contains (CAIRN_CIN_CODES_PRIMARY_NEED, check->year, need))
        REPORT (check, child, e + 1, child->episodes[e].line);
    }
}

/* 8805: a closure date needs a reason for closure. */
static void
rule_8805 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    if (is_set (&child->episodes[e].closure_date) && child->episodes[e].closure_reason == NULL)
      REPORT (check, child, e + 1, child->episodes[e].line);
}

/* 8810: a reason for closure needs a closure date. */
static void
rule_8810 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    if (!is_set (&child->episodes[e].closure_date) && child->episodes[e].closure_reason != NULL)
      REPORT (check, child, e + 1, child->episodes[e].line);
}

/* 8815: at most one open episode that is not a referral with no further
 * action (reported once, at the second). */
static void
rule_8815 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  guint open = 0;

  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      if (!is_set (&ep->closure_date) && nfa_false (ep) && ++open == 2)
        {
          REPORT (check, child, e + 1, ep->line);
          return;
        }
    }
}

/* 8816: an open episode that is not a referral with no further action must
 * be the child's latest episode (no other referral after it). */
static void
rule_8816 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      if (is_set (&ep->closure_date) || !nfa_false (ep) || !is_set (&ep->referral_date))
        continue;
      for (guint o = 0; o < child->n_episodes; o++)
        if (o != e && before (&ep->referral_date, &child->episodes[o].referral_date))
          {
            REPORT (check, child, e + 1, ep->line);
            break;
          }
    }
}

/* 8820: no episode may start inside another of the same child: from its
 * referral up to (not including) its closure, or up to (not including)
 * ReferenceDate when it is open and not a referral with no further action. */
static void
rule_8820 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint a = 0; a < child->n_episodes; a++)
    {
      const GDate *start = &child->episodes[a].referral_date;

      for (guint b = 0; b < child->n_episodes; b++)
        {
          const CairnCinEpisode *other = &child->episodes[b];
          const GDate *end;

          if (a == b)
            continue;
          if (is_set (&other->closure_date))
            end = &other->closure_date;
          else if (nfa_false (other))
            end = &check->reference_date;
          else
            continue;
          if (within (start, &other->referral_date, end, FALSE))
            {
              REPORT (check, child, a + 1, child->episodes[a].line);
              break;
            }
        }
    }
}

/* 8825Q: an episode closed RC8 or RC9 should have an assessment. */
static void
rule_8825Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    if (closed_after_assessment (&child->episodes[e]) && child->episodes[e].n_assessments == 0)
      REPORT (check, child, e + 1, child->episodes[e].line);
}

/* 8831: a referral with no further action must have no assessment dates, no
 * Section 47 start and no episode-level initial conference. */
static void
rule_8831 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];
      gboolean activity = is_set (&ep->initial_cpc_date);

      if (!nfa_true (ep))
        continue;
      for (guint i = 0; !activity && i < ep->n_assessments; i++)
        activity = is_set (&ep->assessments[i].start_date) ||
                   is_set (&ep->assessments[i].authorisation_date);
      for (guint i = 0; !activity && i < ep->n_section47s; i++)
        activity = is_set (&ep->section47s[i].start_date);
      if (activity)
        REPORT (check, child, e + 1, ep->line);
    }
}

/* 8866: a referral on or after 1 April 2013 needs a valid referral source. */
static void
rule_8866 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  GDate from;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_APRIL, 2013);
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      if (is_set (&ep->referral_date) && g_date_compare (&ep->referral_date, &from) >= 0 &&
          !cairn_cin_codes_contains (CAIRN_CIN_CODES_REFERRAL_SOURCE, check->year, ep->referral_source))
        REPORT (check, child, e + 1, ep->line);
    }
}

/* 8867: in a closed episode every assessment must be authorised. */
static void
rule_8867 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      if (!is_set (&ep->closure_date))
        continue;
      for (guint i = 0; i < ep->n_assessments; i++)
        if (!is_set (&ep->assessments[i].authorisation_date))
          {
            REPORT (check, child, e + 1, ep->line);
            break;
          }
    }
}

/* 8868: in a closed episode every Section 47 must end either with an
 * initial conference date or with ICPCnotRequired true, not both. */
static void
rule_8868 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      if (!is_set (&ep->closure_date))
        continue;
      for (guint i = 0; i < ep->n_section47s; i++)
        {
          const CairnCinSection47 *s = &ep->section47s[i];

          if (is_set (&s->initial_cpc_date) == (s->icpc_not_required_flag == CAIRN_CIN_FLAG_TRUE))
            {
              REPORT (check, child, e + 1, ep->line);
              break;
            }
        }
    }
}

/* 8873Q: when an episode's only assessment found no factors (code 21), the
 * reason for closure should be RC8 or RC9; an open episode is queried too. */
static void
rule_8873Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      if (ep->n_assessments == 1 &&
          has_code (ep->assessments[0].factors, ep->assessments[0].n_factors, "21") &&
          !closed_after_assessment (ep))
        REPORT (check, child, e + 1, ep->line);
    }
}

/* 8890: within an episode no Section 47 may start inside another: from its
 * start to its conference (included), or to ReferenceDate when it has no
 * conference and is not marked ICPCnotRequired true. Exact duplicates are
 * left to other rules. */
static void
rule_8890 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      for (guint a = 0; a < ep->n_section47s; a++)
        {
          const CairnCinSection47 *s = &ep->section47s[a];

          for (guint b = 0; b < ep->n_section47s; b++)
            {
              const CairnCinSection47 *o = &ep->section47s[b];
              const GDate *end;

              if (a == b)
                continue;
              if (same_day (&s->start_date, &o->start_date) &&
                  (is_set (&s->initial_cpc_date) ? same_day (&s->initial_cpc_date, &o->initial_cpc_date)
                                                 : !is_set (&o->initial_cpc_date)) &&
                  s->icpc_not_required_flag == o->icpc_not_required_flag)
                continue;
              if (is_set (&o->initial_cpc_date))
                end = &o->initial_cpc_date;
              else if (o->icpc_not_required_flag != CAIRN_CIN_FLAG_TRUE)
                end = &check->reference_date;
              else
                continue;
              if (within (&s->start_date, &o->start_date, end, TRUE))
                {
                  REPORT (check, child, e + 1, s->line);
                  break;
                }
            }
        }
    }
}

/* ---- Assessments --------------------------------------------------------- */

#define FOR_EACH_ASSESSMENT(child, e, ep, i, a)                                                    \
  for (guint e = 0; e < (child)->n_episodes; e++)                                                   \
    for (const CairnCinEpisode *ep = &(child)->episodes[e]; ep != NULL; ep = NULL)                  \
      for (guint i = 0; i < ep->n_assessments; i++)                                                 \
        for (const CairnCinAssessment *a = &ep->assessments[i]; a != NULL; a = NULL)

/* 1103: an assessment must not start before its episode's referral. */
static void
rule_1103 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_ASSESSMENT (child, e, ep, i, a)
    if (before (&a->start_date, &ep->referral_date))
      REPORT (check, child, e + 1, a->line);
}

/* 8608: an assessment must not be authorised before it started. */
static void
rule_8608 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_ASSESSMENT (child, e, ep, i, a)
    if (before (&a->authorisation_date, &a->start_date))
      REPORT (check, child, e + 1, a->line);
}

/* 8614: factors belong to completed (authorised) assessments only. (The
 * validator fails outright when it finds one, §9.) */
static void
rule_8614 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_ASSESSMENT (child, e, ep, i, a)
    if (!is_set (&a->authorisation_date) && a->n_factors > 0)
      REPORT (check, child, e + 1, a->line);
}

/* 8670Q: an assessment not authorised should not have started before the
 * cut-off 45 working days before ReferenceDate (offset 44, §6). */
static void
rule_8670Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  FOR_EACH_ASSESSMENT (child, e, ep, i, a)
    if (!is_set (&a->authorisation_date) && before (&a->start_date, &check->cutoff_8670))
      REPORT (check, child, e + 1, a->line);
}

/* 8696: an authorisation date must fall within the census year. */
static void
rule_8696 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_ASSESSMENT (child, e, ep, i, a)
    if (is_set (&a->authorisation_date) && !in_period (check, &a->authorisation_date))
      REPORT (check, child, e + 1, a->line);
}

/* 8736: an assessment not authorised must have started within the census
 * year (a missing start date is not within it). */
static void
rule_8736 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_ASSESSMENT (child, e, ep, i, a)
    if (!is_set (&a->authorisation_date) && !in_period (check, &a->start_date))
      REPORT (check, child, e + 1, a->line);
}

/* 8863Q: within an episode no assessment should start inside another: from
 * its start to its authorisation (included), or to ReferenceDate while it
 * is open. Exact duplicates are left aside, as in the validator. */
static void
rule_8863Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];

      for (guint i = 0; i < ep->n_assessments; i++)
        {
          const CairnCinAssessment *a = &ep->assessments[i];

          for (guint j = 0; j < ep->n_assessments; j++)
            {
              const CairnCinAssessment *o = &ep->assessments[j];
              const GDate *end = is_set (&o->authorisation_date) ? &o->authorisation_date
                                                                 : &check->reference_date;

              if (i == j)
                continue;
              if (same_day (&a->start_date, &o->start_date) &&
                  (is_set (&a->authorisation_date)
                     ? same_day (&a->authorisation_date, &o->authorisation_date)
                     : !is_set (&o->authorisation_date)))
                continue;
              if (within (&a->start_date, &o->start_date, end, TRUE))
                {
                  REPORT (check, child, e + 1, a->line);
                  break;
                }
            }
        }
    }
}

/* 8869: factor 21 (no factors identified) must stand alone. (Never reported
 * by the validator for XML input, §9.) */
static void
rule_8869 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_ASSESSMENT (child, e, ep, i, a)
    {
      gboolean other = FALSE;

      for (guint f = 0; f < a->n_factors; f++)
        if (strcmp (a->factors[f], "21") != 0)
          other = TRUE;
      if (other && has_code (a->factors, a->n_factors, "21"))
        REPORT (check, child, e + 1, a->line);
    }
}

/* 8896: at most one assessment without authorisation per episode. */
static void
rule_8896 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];
      guint open = 0;

      for (guint i = 0; i < ep->n_assessments; i++)
        if (!is_set (&ep->assessments[i].authorisation_date) && ++open == 2)
          {
            REPORT (check, child, e + 1, ep->assessments[i].line);
            break;
          }
    }
}

/* 8897Q: an assessment authorised on or after the start of the census year
 * should have factors, all of them valid. (The validator fails outright on
 * an unknown code, §9.) */
static void
rule_8897Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  FOR_EACH_ASSESSMENT (child, e, ep, i, a)
    {
      gboolean ok = a->n_factors > 0;

      if (!is_set (&a->authorisation_date) ||
          g_date_compare (&a->authorisation_date, &check->period_start) < 0)
        continue;
      for (guint f = 0; ok && f < a->n_factors; f++)
        ok = cairn_cin_codes_contains (CAIRN_CIN_CODES_ASSESSMENT_FACTOR, check->year, a->factors[f]);
      if (!ok)
        REPORT (check, child, e + 1, a->line);
    }
}

/* 8898: a factor code must not be repeated within an assessment. */
static void
rule_8898 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_ASSESSMENT (child, e, ep, i, a)
    if (has_repeated_code (a->factors, a->n_factors))
      REPORT (check, child, e + 1, a->line);
}

/* 8945Q, 8950Q (from 2024-25): factors 18A and 19A should no longer be used. */
static void
report_factor (CairnCinCheck       *check,
               const CairnCinChild *child,
               const char          *code)
{
  FOR_EACH_ASSESSMENT (child, e, ep, i, a)
    if (has_code (a->factors, a->n_factors, code))
      REPORT (check, child, e + 1, a->line);
}

static void
rule_8945Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  report_factor (check, child, "18A");
}

static void
rule_8950Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  report_factor (check, child, "19A");
}

/* ---- Section 47 ---------------------------------------------------------- */

#define FOR_EACH_SECTION47(child, e, ep, i, s)                                                     \
  for (guint e = 0; e < (child)->n_episodes; e++)                                                   \
    for (const CairnCinEpisode *ep = &(child)->episodes[e]; ep != NULL; ep = NULL)                  \
      for (guint i = 0; i < ep->n_section47s; i++)                                                  \
        for (const CairnCinSection47 *s = &ep->section47s[i]; s != NULL; s = NULL)

/* 1104: a Section 47 conference must not be before the referral. */
static void
rule_1104 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_SECTION47 (child, e, ep, i, s)
    if (before (&s->initial_cpc_date, &ep->referral_date))
      REPORT (check, child, e + 1, s->line);
}

/* 2884: an initial conference must not be recorded both on the episode and
 * on one of its Section 47 records (the same date in both places). The
 * validator matches across the child's episodes (§9); the DfE wording, and
 * this, within the episode. */
static void
rule_2884 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_SECTION47 (child, e, ep, i, s)
    if (same_day (&ep->initial_cpc_date, &s->initial_cpc_date))
      REPORT (check, child, e + 1, s->line);
}

/* 2889: a Section 47 must not start before the referral. */
static void
rule_2889 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_SECTION47 (child, e, ep, i, s)
    if (before (&s->start_date, &ep->referral_date))
      REPORT (check, child, e + 1, s->line);
}

/* 8615: a Section 47 with a conference date must have a start date on or
 * before it. */
static void
rule_8615 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_SECTION47 (child, e, ep, i, s)
    if (is_set (&s->initial_cpc_date) &&
        (!is_set (&s->start_date) || before (&s->initial_cpc_date, &s->start_date)))
      REPORT (check, child, e + 1, s->line);
}

/* 8675Q: a Section 47 with no conference and ICPCnotRequired false should not
 * have started before the cut-off 15 working days before ReferenceDate
 * (offset 14, §6). */
static void
rule_8675Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  FOR_EACH_SECTION47 (child, e, ep, i, s)
    if (!is_set (&s->initial_cpc_date) && s->icpc_not_required_flag == CAIRN_CIN_FLAG_FALSE &&
        before (&s->start_date, &check->cutoff_8675))
      REPORT (check, child, e + 1, s->line);
}

/* 8715: a Section 47 conference date must fall within the census year. */
static void
rule_8715 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_SECTION47 (child, e, ep, i, s)
    if (is_set (&s->initial_cpc_date) && !in_period (check, &s->initial_cpc_date))
      REPORT (check, child, e + 1, s->line);
}

/* 8740: a Section 47 with no conference by the end of the year and
 * ICPCnotRequired false must have started within the census year. "false"
 * counts like "0" (the validator matches "0" only, §9). */
static void
rule_8740 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_SECTION47 (child, e, ep, i, s)
    if (!is_set (&s->initial_cpc_date) && s->icpc_not_required_flag == CAIRN_CIN_FLAG_FALSE &&
        !in_period (check, &s->start_date))
      REPORT (check, child, e + 1, s->line);
}

/* 8839: at most one Section 47 per episode that is still open: no
 * conference, and not marked ICPCnotRequired true. */
static void
rule_8839 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];
      guint open = 0;

      for (guint i = 0; i < ep->n_section47s; i++)
        {
          const CairnCinSection47 *s = &ep->section47s[i];

          if (!is_set (&s->initial_cpc_date) && s->icpc_not_required_flag != CAIRN_CIN_FLAG_TRUE &&
              ++open == 2)
            {
              REPORT (check, child, e + 1, s->line);
              break;
            }
        }
    }
}

/* 8870Q: the target date for the conference should not be a weekend. (Never
 * reported by the validator for ISO dates, §9.) */
static void
rule_8870Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  FOR_EACH_SECTION47 (child, e, ep, i, s)
    if (is_weekend (&s->initial_cpc_target))
      REPORT (check, child, e + 1, s->line);
}

/* 8875: a Section 47 conference must not be held at a weekend. */
static void
rule_8875 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_SECTION47 (child, e, ep, i, s)
    if (is_weekend (&s->initial_cpc_date))
      REPORT (check, child, e + 1, s->line);
}

/* ---- CIN plans ----------------------------------------------------------- */

#define FOR_EACH_CIN_PLAN(child, e, ep, i, p)                                                      \
  for (guint e = 0; e < (child)->n_episodes; e++)                                                   \
    for (const CairnCinEpisode *ep = &(child)->episodes[e]; ep != NULL; ep = NULL)                  \
      for (guint i = 0; i < ep->n_cin_plans; i++)                                                   \
        for (const CairnCinPlan *p = &ep->cin_plans[i]; p != NULL; p = NULL)

#define FOR_EACH_CP_PLAN(child, e, ep, i, p)                                                       \
  for (guint e = 0; e < (child)->n_episodes; e++)                                                   \
    for (const CairnCinEpisode *ep = &(child)->episodes[e]; ep != NULL; ep = NULL)                  \
      for (guint i = 0; i < ep->n_protection_plans; i++)                                            \
        for (const CairnCinProtectionPlan *p = &ep->protection_plans[i]; p != NULL; p = NULL)

/* 4000: a referral with no further action must have no CIN plan. */
static void
rule_4000 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    if (nfa_true (&child->episodes[e]) && child->episodes[e].n_cin_plans > 0)
      REPORT (check, child, e + 1, child->episodes[e].cin_plans[0].line);
}

/* 4001: an episode must not have an open CIN plan and an open CP plan. */
static void
rule_4001 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];
      const CairnCinPlan *open_plan = NULL;
      gboolean open_cpp = FALSE;

      for (guint i = 0; i < ep->n_cin_plans; i++)
        if (!is_set (&ep->cin_plans[i].end_date) && open_plan == NULL)
          open_plan = &ep->cin_plans[i];
      for (guint i = 0; i < ep->n_protection_plans; i++)
        if (!is_set (&ep->protection_plans[i].end_date))
          open_cpp = TRUE;
      if (open_plan != NULL && open_cpp)
        REPORT (check, child, e + 1, open_plan->line);
    }
}

/* 4003: within an episode, a CP review must not fall from a CIN plan's start
 * up to (not including) its end, unless it is the CP plan's end date. The
 * validator compares across episodes and only ended CP plans (§8); this
 * follows the DfE text ("within a CINDetails module"). */
static void
rule_4003 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    for (guint r = 0; r < p->n_reviews; r++)
      {
        const GDate *review = &p->reviews[r].date;

        if (same_day (review, &p->end_date))
          continue;
        for (guint c = 0; c < ep->n_cin_plans; c++)
          if (within (review, &ep->cin_plans[c].start_date, &ep->cin_plans[c].end_date, FALSE))
            {
              REPORT (check, child, e + 1, p->reviews[r].line);
              break;
            }
      }
}

/* 4004: at most one open CIN plan per episode. */
static void
rule_4004 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  for (guint e = 0; e < child->n_episodes; e++)
    {
      const CairnCinEpisode *ep = &child->episodes[e];
      guint open = 0;

      for (guint i = 0; i < ep->n_cin_plans; i++)
        if (!is_set (&ep->cin_plans[i].end_date) && ++open == 2)
          {
            REPORT (check, child, e + 1, ep->cin_plans[i].line);
            break;
          }
    }
}

/* 4008: a CIN plan must not start after the child's death. */
static void
rule_4008 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CIN_PLAN (child, e, ep, i, p)
    if (before (&child->death_date, &p->start_date))
      REPORT (check, child, e + 1, p->line);
}

/* 4009Q: a CIN plan should not end after the child's death. */
static void
rule_4009Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  FOR_EACH_CIN_PLAN (child, e, ep, i, p)
    if (before (&child->death_date, &p->end_date))
      REPORT (check, child, e + 1, p->line);
}

/* 4010: a CIN plan must have a start date on or before ReferenceDate. */
static void
rule_4010 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CIN_PLAN (child, e, ep, i, p)
    if (!is_set (&p->start_date) || before (&check->reference_date, &p->start_date))
      REPORT (check, child, e + 1, p->line);
}

/* 4011: a CIN plan must not end before it starts. */
static void
rule_4011 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CIN_PLAN (child, e, ep, i, p)
    if (before (&p->end_date, &p->start_date))
      REPORT (check, child, e + 1, p->line);
}

/* 4012Q: a CIN plan should not start and end on the same day. */
static void
rule_4012Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  FOR_EACH_CIN_PLAN (child, e, ep, i, p)
    if (same_day (&p->start_date, &p->end_date))
      REPORT (check, child, e + 1, p->line);
}

/* 4013: a CIN plan end date must fall within the census year. */
static void
rule_4013 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CIN_PLAN (child, e, ep, i, p)
    if (is_set (&p->end_date) && !in_period (check, &p->end_date))
      REPORT (check, child, e + 1, p->line);
}

/* 4014: no CIN plan of a child may start inside another of its CIN plans,
 * in any episode: from its start to its end (included), or to ReferenceDate
 * while it is open. */
static void
rule_4014 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CIN_PLAN (child, e, ep, i, p)
    {
      gboolean found = FALSE;

      for (guint e2 = 0; !found && e2 < child->n_episodes; e2++)
        for (guint j = 0; !found && j < child->episodes[e2].n_cin_plans; j++)
          {
            const CairnCinPlan *o = &child->episodes[e2].cin_plans[j];

            if (o == p)
              continue;
            found = within (&p->start_date, &o->start_date,
                            is_set (&o->end_date) ? &o->end_date : &check->reference_date, TRUE);
          }
      if (found)
        REPORT (check, child, e + 1, p->line);
    }
}

/* 4015: a CIN plan must not start before the referral. */
static void
rule_4015 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CIN_PLAN (child, e, ep, i, p)
    if (before (&p->start_date, &ep->referral_date))
      REPORT (check, child, e + 1, p->line);
}

/* 4016: a CIN plan must not start while one of the child's CP plans is open:
 * from the CP start up to (not including) its end, or up to ReferenceDate
 * (included) while it is open. Starting on the CP end day is allowed. */
static void
rule_4016 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CIN_PLAN (child, e, ep, i, p)
    {
      gboolean found = FALSE;

      FOR_EACH_CP_PLAN (child, e2, ep2, j, cp)
        if (!found)
          found = is_set (&cp->end_date) ? within (&p->start_date, &cp->start_date, &cp->end_date, FALSE)
                                         : within (&p->start_date, &cp->start_date,
                                                   &check->reference_date, TRUE);
      if (found)
        REPORT (check, child, e + 1, p->line);
    }
}

/* 4017: a CP plan must not start while one of the child's CIN plans is open:
 * from the CIN start up to (not including) its end, or up to ReferenceDate
 * (included) while it is open. */
static void
rule_4017 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, cp)
    {
      gboolean found = FALSE;

      FOR_EACH_CIN_PLAN (child, e2, ep2, j, p)
        if (!found)
          found = is_set (&p->end_date) ? within (&cp->start_date, &p->start_date, &p->end_date, FALSE)
                                        : within (&cp->start_date, &p->start_date,
                                                  &check->reference_date, TRUE);
      if (found)
        REPORT (check, child, e + 1, cp->line);
    }
}

/* ---- Child protection plans and reviews ---------------------------------- */

/* 1105: a CP plan must not start before the referral. */
static void
rule_1105 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (before (&p->start_date, &ep->referral_date))
      REPORT (check, child, e + 1, p->line);
}

/* 2885: a CP plan starting in the census year must start on the day of its
 * initial conference: one of the episode's Section 47 conference dates when
 * it has Section 47 records (other than ones marked ICPCnotRequired true),
 * else the episode's DateOfInitialCPC. "true" counts like "1" (§9). */
static void
rule_2885 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    {
      guint counted = 0;
      gboolean match = FALSE;

      if (!in_period (check, &p->start_date))
        continue;
      for (guint s = 0; s < ep->n_section47s; s++)
        {
          if (ep->section47s[s].icpc_not_required_flag == CAIRN_CIN_FLAG_TRUE)
            continue;
          counted++;
          if (same_day (&ep->section47s[s].initial_cpc_date, &p->start_date))
            match = TRUE;
        }
      if (counted == 0)
        match = same_day (&ep->initial_cpc_date, &p->start_date);
      if (!match)
        REPORT (check, child, e + 1, p->line);
    }
}

/* 8720: a CP plan must have a start date on or before ReferenceDate. */
static void
rule_8720 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (!is_set (&p->start_date) || before (&check->reference_date, &p->start_date))
      REPORT (check, child, e + 1, p->line);
}

/* 8730: NumberOfPreviousCPP must be given, a whole number not below 0. */
static void
rule_8730 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (p->n_previous_plans < 0)
      REPORT (check, child, e + 1, p->line);
}

/* 8832: a referral with no further action must have no CP plan. (Rarely
 * reported by the validator, §9.) */
static void
rule_8832 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (nfa_true (ep))
      REPORT (check, child, e + 1, p->line);
}

/* 8840: a CP plan must not start and end on the same day. */
static void
rule_8840 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (same_day (&p->start_date, &p->end_date))
      REPORT (check, child, e + 1, p->line);
}

/* 8841: each review must be after the plan's start. */
static void
rule_8841 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    for (guint r = 0; r < p->n_reviews; r++)
      if (is_set (&p->reviews[r].date) && is_set (&p->start_date) &&
          g_date_compare (&p->reviews[r].date, &p->start_date) <= 0)
        REPORT (check, child, e + 1, p->reviews[r].line);
}

/* 8842Q: a Reviews record should have a date. */
static void
rule_8842Q (CairnCinCheck       *check,
            const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    for (guint r = 0; r < p->n_reviews; r++)
      if (!is_set (&p->reviews[r].date))
        REPORT (check, child, e + 1, p->reviews[r].line);
}

/* 8905: InitialCategoryOfAbuse must be given and valid. */
static void
rule_8905 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (!cairn_cin_codes_contains (CAIRN_CIN_CODES_CATEGORY, check->year, p->initial_category))
      REPORT (check, child, e + 1, p->line);
}

/* 8910: LatestCategoryOfAbuse must be given and valid. */
static void
rule_8910 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (!cairn_cin_codes_contains (CAIRN_CIN_CODES_CATEGORY, check->year, p->latest_category))
      REPORT (check, child, e + 1, p->line);
}

/* 8915: a CP plan must not start after the child's death. */
static void
rule_8915 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (before (&child->death_date, &p->start_date))
      REPORT (check, child, e + 1, p->line);
}

/* 8920: a CP plan must not end after the child's death. */
static void
rule_8920 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (before (&child->death_date, &p->end_date))
      REPORT (check, child, e + 1, p->line);
}

/* 8925: a CP plan must not end before it starts. */
static void
rule_8925 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (before (&p->end_date, &p->start_date))
      REPORT (check, child, e + 1, p->line);
}

/* 8930: a CP plan end date must fall within the census year. */
static void
rule_8930 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (is_set (&p->end_date) && !in_period (check, &p->end_date))
      REPORT (check, child, e + 1, p->line);
}

/* 8935: a child may have at most one open CP plan, in any episode (reported
 * once, at the second; the validator compares only plans with the same
 * number in different episodes, §9). */
static void
rule_8935 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  guint open = 0;

  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    if (!is_set (&p->end_date) && ++open == 2)
      {
        REPORT (check, child, e + 1, p->line);
        return;
      }
}

/* 8940: no CP plan of a child may start inside another: from its start to
 * its end (included), or to ReferenceDate while it is open. Every pair is
 * compared (the validator skips plans with the same number, §9). */
static void
rule_8940 (CairnCinCheck       *check,
           const CairnCinChild *child)
{
  FOR_EACH_CP_PLAN (child, e, ep, i, p)
    {
      gboolean found = FALSE;

      FOR_EACH_CP_PLAN (child, e2, ep2, j, o)
        if (!found && o != p)
          found = within (&p->start_date, &o->start_date,
                          is_set (&o->end_date) ? &o->end_date : &check->reference_date, TRUE);
      if (found)
        REPORT (check, child, e + 1, p->line);
    }
}

/* ---- The rule table ------------------------------------------------------ */

/* One entry per rule version, in code order: code, first and last
 * collection year (0: still in force), type, DfE module, DfE message, the
 * elements involved, the function, and the validator file it follows. A rule
 * set is every entry whose years include it. */
static const CairnCinRule rules[] = {
  { "100", 2023, 0, CAIRN_CIN_RULE_ERROR, "Header",
    "Reference Date is incorrect",
    { "ReferenceDate", "Year" }, NULL, rule_100,
    "cin2022_23/rule_100.py" },
  { "1103", 2023, 0, CAIRN_CIN_RULE_ERROR, "Assessments",
    "The assessment start date cannot be before the referral date",
    { "CINreferralDate", "AssessmentActualStartDate" }, rule_1103, NULL,
    "cin2022_23/rule_1103.py" },
  { "1104", 2023, 0, CAIRN_CIN_RULE_ERROR, "Section47",
    "The date of the initial child protection conference cannot be before the referral date",
    { "CINreferralDate", "DateOfInitialCPC" }, rule_1104, NULL,
    "cin2022_23/rule_1104.py" },
  { "1105", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "The child protection plan start date cannot be before the referral date",
    { "CINreferralDate", "CPPstartDate" }, rule_1105, NULL,
    "cin2022_23/rule_1105.py" },
  { "1510", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "UPN invalid (wrong check letter at character 1)",
    { "UPN" }, rule_1510, NULL,
    "cin2022_23/rule_1510.py" },
  { "1520", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "More than one record with the same UPN.",
    { "UPN" }, rule_1520, NULL,
    "cin2022_23/rule_1520.py" },
  { "1530", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "UPN invalid (characters 2-4 not a recognised LA code)",
    { "UPN" }, rule_1530, NULL,
    "cin2022_23/rule_1530.py, cin2023_24/rule_1530.py" },
  { "1540", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "UPN invalid (characters 5-12 not all numeric)",
    { "UPN" }, rule_1540, NULL,
    "cin2022_23/rule_1540.py" },
  { "1550", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "UPN invalid (character 13 not a recognised value)",
    { "UPN" }, rule_1550, NULL,
    "cin2022_23/rule_1550.py" },
  { "1560Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "Please check and either amend or provide a reason: Former UPN wrongly formatted",
    { "FormerUPN" }, rule_1560Q, NULL,
    "cin2022_23/rule_1560Q.py" },
  { "1570", 2025, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "LA Child ID must not be longer than 20 characters",
    { "LAchildID" }, rule_1570, NULL,
    "cin2024_25/rule_1570.py" },
  { "1580", 2025, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "LA Child ID must not contain any non-alphanumeric characters",
    { "LAchildID" }, rule_1580, NULL,
    "cin2024_25/rule_1580.py" },
  { "2883", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "There are more child protection plans starting than initial conferences taking place",
    { "CPPstartDate", "DateOfInitialCPC" }, NULL, rule_2883,
    "cin2022_23/rule_2883.py" },
  { "2884", 2023, 0, CAIRN_CIN_RULE_ERROR, "Section47",
    "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one",
    { "DateOfInitialCPC" }, rule_2884, NULL,
    "cin2022_23/rule_2884.py" },
  { "2885", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Child protection plan shown as starting a different day to the initial child protection conference.",
    { "CPPstartDate", "DateOfInitialCPC", "ICPCnotRequired" }, rule_2885, NULL,
    "cin2022_23/rule_2885.py" },
  { "2886Q", 2023, 2024, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "Please check and either amend or provide a reason: Percentage of children with no gender recorded is more than 2% (excluding unborns)",
    { "GenderCurrent", "ExpectedPersonBirthDate" }, NULL, rule_2886Q_gender,
    "cin2022_23/rule_2886Q.py" },
  { "2886Q", 2025, 0, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)",
    { "Sex", "ExpectedPersonBirthDate" }, NULL, rule_2886Q_sex,
    "cin2024_25/rule_2886Q.py" },
  { "2887Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "Disabilities",
    "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return",
    { "Disability" }, NULL, rule_2887Q,
    "cin2022_23/rule_2887Q.py" },
  { "2888Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "Disabilities",
    "Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.",
    { "Disability" }, NULL, rule_2888Q,
    "cin2022_23/rule_2888Q.py" },
  { "2889", 2023, 0, CAIRN_CIN_RULE_ERROR, "Section47",
    "The S47 start date cannot be before the referral date.",
    { "CINreferralDate", "S47ActualStartDate" }, rule_2889, NULL,
    "cin2022_23/rule_2889.py" },
  { "2990", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "Activity is recorded against a case marked as 'Case closed after assessment, no further action' or 'case closed after assessment, referred to early help'.",
    { "ReasonForClosure", "DateOfInitialCPC", "Section47", "ChildProtectionPlans", "CINPlanDates" }, rule_2990, NULL,
    "cin2022_23/rule_2990.py" },
  { "2991Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "CINdetails",
    "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode",
    { "Section47", "Assessments" }, rule_2991Q, NULL,
    "cin2022_23/rule_2991Q.py" },
  { "4000", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINplanDates",
    "CIN Plan details provided for a referral with no further action",
    { "ReferralNFA", "CINPlanStartDate" }, rule_4000, NULL,
    "cin2022_23/rule_4000.py" },
  { "4001", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINplanDates",
    "A CIN Plan cannot run concurrently with a Child Protection Plan",
    { "CINPlanEndDate", "CPPendDate" }, rule_4001, NULL,
    "cin2022_23/rule_4001.py" },
  { "4003", 2023, 0, CAIRN_CIN_RULE_ERROR, "Reviews",
    "A CPP review date is shown as being held at the same time as an open CIN Plan.",
    { "CPPreviewDate", "CINPlanStartDate", "CINPlanEndDate", "CPPendDate" }, rule_4003, NULL,
    "cin2022_23/rule_4003.py" },
  { "4004", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINplanDates",
    "This child is showing more than one open CIN Plan, i.e. with no End Date",
    { "CINPlanEndDate" }, rule_4004, NULL,
    "cin2022_23/rule_4004.py" },
  { "4008", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "CIN Plan shown as starting after the child's Date of Death.",
    { "PersonDeathDate", "CINPlanStartDate" }, rule_4008, NULL,
    "cin2022_23/rule_4008.py" },
  { "4009Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "CIN Plan cannot end after the child's Date of Death",
    { "PersonDeathDate", "CINPlanEndDate" }, rule_4009Q, NULL,
    "cin2022_23/rule_4009Q.py" },
  { "4010", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINplanDates",
    "CIN Plan start date is missing or out of data collection period",
    { "CINPlanStartDate" }, rule_4010, NULL,
    "cin2022_23/rule_4010.py" },
  { "4011", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINplanDates",
    "CIN Plan End Date earlier than Start Date",
    { "CINPlanStartDate", "CINPlanEndDate" }, rule_4011, NULL,
    "cin2022_23/rule_4011.py" },
  { "4012Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "CINplanDates",
    "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day",
    { "CINPlanStartDate", "CINPlanEndDate" }, rule_4012Q, NULL,
    "cin2022_23/rule_4012Q.py" },
  { "4013", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINplanDates",
    "CIN Plan end date must fall within the census year",
    { "CINPlanEndDate" }, rule_4013, NULL,
    "cin2022_23/rule_4013.py" },
  { "4014", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINplanDates",
    "CIN Plan data contains overlapping dates",
    { "CINPlanStartDate", "CINPlanEndDate" }, rule_4014, NULL,
    "cin2022_23/rule_4014.py" },
  { "4015", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINplanDates",
    "The CIN Plan start date cannot be before the referral date",
    { "CINreferralDate", "CINPlanStartDate" }, rule_4015, NULL,
    "cin2022_23/rule_4015.py" },
  { "4016", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINplanDates",
    "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
    { "CINPlanStartDate", "CPPstartDate", "CPPendDate" }, rule_4016, NULL,
    "cin2022_23/rule_4016.py" },
  { "4017", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINplanDates",
    "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
    { "CPPstartDate", "CINPlanStartDate", "CINPlanEndDate" }, rule_4017, NULL,
    "cin2022_23/rule_4017.py" },
  { "4180", 2023, 2024, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "Gender is missing",
    { "GenderCurrent" }, rule_4180_gender, NULL,
    "cin2022_23/rule_4180.py" },
  { "4180", 2025, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "Sex must be provided and equal M, F, or U",
    { "Sex" }, rule_4180_sex, NULL,
    "cin2024_25/rule_4180.py" },
  { "4220", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildCharacteristics",
    "Ethnicity is missing or invalid (see Ethnicity table)",
    { "Ethnicity" }, rule_4220, NULL,
    "cin2022_23/rule_4220.py" },
  { "8500", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "LA Child ID missing",
    { "LAchildID" }, rule_8500, NULL,
    "cin2022_23/rule_8500.py" },
  { "8510", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "More than one child record with the same LA Child ID",
    { "LAchildID" }, rule_8510, NULL,
    "cin2022_23/rule_8510.py" },
  { "8520", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "Date of Birth is after data collection period (must be on or before the end of the census period)",
    { "PersonBirthDate" }, rule_8520, NULL,
    "cin2022_23/rule_8520.py" },
  { "8525Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
    { "PersonBirthDate", "ExpectedPersonBirthDate" }, rule_8525Q, NULL,
    "cin2022_23/rule_8525Q.py" },
  { "8530Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)",
    { "ExpectedPersonBirthDate" }, rule_8530Q, NULL,
    "cin2022_23/rule_8530Q.py" },
  { "8535Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "Please check and either amend data or provide a reason: Child's date of death should not be prior to the date of birth",
    { "PersonDeathDate", "PersonBirthDate" }, rule_8535Q, NULL,
    "cin2022_23/rule_8535Q.py" },
  { "8540", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildCharacteristics",
    "Child's disability is missing or invalid (see Disability table)",
    { "Disability", "PersonBirthDate", "ReferralNFA" }, rule_8540, NULL,
    "cin2022_23/rule_8540.py" },
  { "8545Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "Please check and either amend data or provide a reason: Child's date of death should be within the census year",
    { "PersonDeathDate" }, rule_8545Q, NULL,
    "cin2022_23/rule_8545Q.py" },
  { "8555Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "CINdetails",
    "Child cannot be referred after its recorded date of death",
    { "CINreferralDate", "PersonDeathDate" }, rule_8555Q, NULL,
    "cin2022_23/rule_8555Q.py" },
  { "8565", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Activity shown after a case has been closed",
    { "CINclosureDate" }, rule_8565, NULL,
    "cin2022_23/rule_8565.py" },
  { "8568", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "RNFA flag is missing or invalid",
    { "ReferralNFA" }, rule_8568, NULL,
    "cin2022_23/rule_8568.py" },
  { "8569Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "CINdetails",
    "A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case",
    { "CINreferralDate", "ReferralNFA" }, rule_8569Q, NULL,
    "cin2022_23/rule_8569Q.py" },
  { "8585Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "CINdetails",
    "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death",
    { "ReasonForClosure", "PersonDeathDate" }, rule_8585Q, NULL,
    "cin2022_23/rule_8585Q.py" },
  { "8590", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "Child does not have a recorded CIN episode.",
    { "CINdetails" }, rule_8590, NULL,
    "cin2022_23/rule_8590.py" },
  { "8600", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "Child referral date missing or after data collection period",
    { "CINreferralDate" }, rule_8600, NULL,
    "cin2022_23/rule_8600.py" },
  { "8606", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "Child referral date is more than 40 weeks before DOB or expected DOB",
    { "CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate" }, rule_8606, NULL,
    "cin2022_23/rule_8606.py" },
  { "8608", 2023, 0, CAIRN_CIN_RULE_ERROR, "Assessments",
    "Assessment Start Date cannot be later than its End Date",
    { "AssessmentActualStartDate", "AssessmentAuthorisationDate" }, rule_8608, NULL,
    "cin2022_23/rule_8608.py" },
  { "8610", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "Primary Need code is missing for a referral which led to further action.",
    { "PrimaryNeedCode", "ReferralNFA" }, rule_8610, NULL,
    "cin2022_23/rule_8610.py" },
  { "8614", 2023, 0, CAIRN_CIN_RULE_ERROR, "Assessments",
    "Parental or child factors at assessment should only be present for a completed assessment.",
    { "AssessmentFactors", "AssessmentAuthorisationDate" }, rule_8614, NULL,
    "cin2022_23/rule_8614.py" },
  { "8615", 2023, 0, CAIRN_CIN_RULE_ERROR, "Section47",
    "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference",
    { "S47ActualStartDate", "DateOfInitialCPC" }, rule_8615, NULL,
    "cin2022_23/rule_8615.py" },
  { "8620", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "CIN Closure Date present and does not fall within the Census year",
    { "CINclosureDate" }, rule_8620, NULL,
    "cin2022_23/rule_8620.py" },
  { "8630", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "CIN Closure Date is before CIN Referral Date for the same CIN episode",
    { "CINreferralDate", "CINclosureDate" }, rule_8630, NULL,
    "cin2022_23/rule_8630.py" },
  { "8640", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
    { "ReasonForClosure" }, rule_8640, NULL,
    "cin2022_23/rule_8640.py" },
  { "8650", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "Primary Need Code invalid (see Primary Need table in CIN census code set)",
    { "PrimaryNeedCode" }, rule_8650, NULL,
    "cin2022_23/rule_8650.py" },
  { "8670Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "Assessments",
    "Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.",
    { "AssessmentActualStartDate", "AssessmentAuthorisationDate" }, rule_8670Q, NULL,
    "cin2022_23/rule_8670Q.py" },
  { "8675Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "Section47",
    "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.",
    { "S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired" }, rule_8675Q, NULL,
    "cin2022_23/rule_8675Q.py" },
  { "8696", 2023, 0, CAIRN_CIN_RULE_ERROR, "Assessments",
    "Assessment end date must fall within the census year",
    { "AssessmentAuthorisationDate" }, rule_8696, NULL,
    "cin2022_23/rule_8696.py" },
  { "8715", 2023, 0, CAIRN_CIN_RULE_ERROR, "Section47",
    "Date of Initial Child Protection Conference must fall within the census year",
    { "DateOfInitialCPC" }, rule_8715, NULL,
    "cin2022_23/rule_8715.py" },
  { "8720", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Child Protection Plan Start Date missing or out of data collection period",
    { "CPPstartDate" }, rule_8720, NULL,
    "cin2022_23/rule_8720.py" },
  { "8730", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Total Number of previous Child Protection Plans missing",
    { "NumberOfPreviousCPP" }, rule_8730, NULL,
    "cin2022_23/rule_8730.py" },
  { "8736", 2023, 0, CAIRN_CIN_RULE_ERROR, "Assessments",
    "For an Assessment that has not been completed, the start date must fall within the census year",
    { "AssessmentActualStartDate", "AssessmentAuthorisationDate" }, rule_8736, NULL,
    "cin2022_23/rule_8736.py" },
  { "8740", 2023, 0, CAIRN_CIN_RULE_ERROR, "Section47",
    "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year",
    { "S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired" }, rule_8740, NULL,
    "cin2022_23/rule_8740.py" },
  { "8750", 2023, 2024, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "Gender must equal 0 for an unborn child",
    { "GenderCurrent", "ExpectedPersonBirthDate", "PersonBirthDate" }, rule_8750_gender, NULL,
    "cin2022_23/rule_8750.py" },
  { "8750", 2025, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "Sex must equal U for an unborn child",
    { "Sex", "ExpectedPersonBirthDate", "PersonBirthDate" }, rule_8750_sex, NULL,
    "cin2024_25/rule_8750.py" },
  { "8770Q", 2023, 2024, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "Please check and either amend data or provide a reason: UPN or reason UPN missing expected for a child who is more than 5 years old",
    { "UPN", "UPNunknown", "PersonBirthDate", "ReferralNFA" }, rule_8770Q_2023, NULL,
    "cin2022_23/rule_8770Q.py" },
  { "8770Q", 2025, 0, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.",
    { "UPN", "UPNunknown", "PersonBirthDate", "ReferralNFA" }, rule_8770Q_2025, NULL,
    "cin2024_25/rule_8770Q.py" },
  { "8772", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildIdentifiers",
    "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action",
    { "UPNunknown", "ReferralNFA" }, rule_8772, NULL,
    "cin2022_23/rule_8772.py" },
  { "8775Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "ChildIdentifiers",
    "Please check and either amend data or provide a reason: Child is over 25 years old",
    { "PersonBirthDate", "CINclosureDate" }, rule_8775Q, NULL,
    "cin2022_23/rule_8775Q.py" },
  { "8790", 2023, 0, CAIRN_CIN_RULE_ERROR, "Disabilities",
    "Disability information includes both None and other values",
    { "Disability" }, rule_8790, NULL,
    "cin2022_23/rule_8790.py" },
  { "8794", 2023, 0, CAIRN_CIN_RULE_ERROR, "Disabilities",
    "Child has two or more disabilities with the same code",
    { "Disability" }, rule_8794, NULL,
    "cin2022_23/rule_8794.py" },
  { "8805", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "A CIN case cannot have a CIN closure date without a Reason for Closure",
    { "CINclosureDate", "ReasonForClosure" }, rule_8805, NULL,
    "cin2022_23/rule_8805.py" },
  { "8810", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
    { "ReasonForClosure", "CINclosureDate" }, rule_8810, NULL,
    "cin2022_23/rule_8810.py" },
  { "8815", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.",
    { "CINclosureDate", "ReferralNFA" }, rule_8815, NULL,
    "cin2022_23/rule_8815.py" },
  { "8816", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.",
    { "CINclosureDate", "ReferralNFA", "CINreferralDate" }, rule_8816, NULL,
    "cin2022_23/rule_8816.py" },
  { "8820", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "The dates on the CIN episodes for this child overlap",
    { "CINreferralDate", "CINclosureDate" }, rule_8820, NULL,
    "cin2022_23/rule_8820.py" },
  { "8825Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "CINdetails",
    "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.",
    { "ReasonForClosure", "Assessments" }, rule_8825Q, NULL,
    "cin2022_23/rule_8825Q.py" },
  { "8831", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "Activity is recorded against a case marked as a referral with no further action",
    { "ReferralNFA", "AssessmentActualStartDate", "AssessmentAuthorisationDate", "S47ActualStartDate", "DateOfInitialCPC" }, rule_8831, NULL,
    "cin2022_23/rule_8831.py" },
  { "8832", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Child Protection details provided for a referral with no further action.",
    { "ReferralNFA", "ChildProtectionPlans" }, rule_8832, NULL,
    "cin2022_23/rule_8832.py" },
  { "8839", 2023, 0, CAIRN_CIN_RULE_ERROR, "Section47",
    "Within one CINDetails group there are 2 or more open S47 Assessments",
    { "DateOfInitialCPC", "ICPCnotRequired" }, rule_8839, NULL,
    "cin2022_23/rule_8839.py" },
  { "8840", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Child Protection Plan cannot start and end on the same day",
    { "CPPstartDate", "CPPendDate" }, rule_8840, NULL,
    "cin2022_23/rule_8840.py" },
  { "8841", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "The review date cannot be on the same day or before the Child protection Plan start date.",
    { "CPPreviewDate", "CPPstartDate" }, rule_8841, NULL,
    "cin2022_23/rule_8841.py" },
  { "8842Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "Reviews",
    "Please check and either amend or provide a reason: Review Record has a missing date",
    { "CPPreviewDate" }, rule_8842Q, NULL,
    "cin2022_23/rule_8842Q.py" },
  { "8863Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "Assessments",
    "An Assessment is shown as starting when there is another Assessment ongoing.",
    { "AssessmentActualStartDate", "AssessmentAuthorisationDate" }, rule_8863Q, NULL,
    "cin2022_23/rule_8863Q.py" },
  { "8866", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "Source of Referral is missing or an invalid code",
    { "ReferralSource", "CINreferralDate" }, rule_8866, NULL,
    "cin2022_23/rule_8866.py" },
  { "8867", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "CIN episode is shown as closed, however Assessment is not shown as completed",
    { "CINclosureDate", "AssessmentAuthorisationDate" }, rule_8867, NULL,
    "cin2022_23/rule_8867.py" },
  { "8868", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag",
    { "CINclosureDate", "DateOfInitialCPC", "ICPCnotRequired" }, rule_8868, NULL,
    "cin2022_23/rule_8868.py" },
  { "8869", 2023, 0, CAIRN_CIN_RULE_ERROR, "Assessments",
    "The assessment factors code \"21\" cannot be used in conjunction with any other assessment factors.",
    { "AssessmentFactors" }, rule_8869, NULL,
    "cin2022_23/rule_8869.py" },
  { "8870Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "Section47",
    "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend",
    { "InitialCPCtarget" }, rule_8870Q, NULL,
    "cin2022_23/rule_8870Q.py" },
  { "8873Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "Assessments",
    "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code \"21 No factors identified\" has been used for the completed assessment, the reason for closure 'RC8' or 'RC9' should be used.",
    { "AssessmentFactors", "ReasonForClosure" }, rule_8873Q, NULL,
    "cin2022_23/rule_8873Q.py" },
  { "8875", 2023, 0, CAIRN_CIN_RULE_ERROR, "Section47",
    "The Date of Initial Child Protection Conference cannot be a weekend",
    { "DateOfInitialCPC" }, rule_8875, NULL,
    "cin2022_23/rule_8875.py" },
  { "8890", 2023, 0, CAIRN_CIN_RULE_ERROR, "CINdetails",
    "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
    { "S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired" }, rule_8890, NULL,
    "cin2022_23/rule_8890.py" },
  { "8896", 2023, 0, CAIRN_CIN_RULE_ERROR, "Assessments",
    "Within one CINDetails group there are 2 or more open Assessments groups",
    { "AssessmentAuthorisationDate" }, rule_8896, NULL,
    "cin2022_23/rule_8896.py" },
  { "8897Q", 2023, 0, CAIRN_CIN_RULE_QUERY, "Assessments",
    "Parental or child factors at assessment information is missing from a completed assessment",
    { "AssessmentFactors", "AssessmentAuthorisationDate" }, rule_8897Q, NULL,
    "cin2022_23/rule_8897Q.py" },
  { "8898", 2023, 0, CAIRN_CIN_RULE_ERROR, "Assessments",
    "The assessment has more than one parental or child factors with the same code",
    { "AssessmentFactors" }, rule_8898, NULL,
    "cin2022_23/rule_8898.py" },
  { "8905", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
    { "InitialCategoryOfAbuse" }, rule_8905, NULL,
    "cin2022_23/rule_8905.py" },
  { "8910", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
    { "LatestCategoryOfAbuse" }, rule_8910, NULL,
    "cin2022_23/rule_8910.py" },
  { "8915", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Child Protection Plan shown as starting after the child's Date of Death",
    { "CPPstartDate", "PersonDeathDate" }, rule_8915, NULL,
    "cin2022_23/rule_8915.py" },
  { "8920", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Child Protection Plan cannot end after the child's Date of Death",
    { "CPPendDate", "PersonDeathDate" }, rule_8920, NULL,
    "cin2022_23/rule_8920.py" },
  { "8925", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Child Protection Plan End Date earlier than Start Date",
    { "CPPstartDate", "CPPendDate" }, rule_8925, NULL,
    "cin2022_23/rule_8925.py" },
  { "8930", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Child Protection Plan End Date must fall within the census year",
    { "CPPendDate" }, rule_8930, NULL,
    "cin2022_23/rule_8930.py" },
  { "8935", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "This child is showing more than one open Child Protection plan, i.e. with no End Date",
    { "CPPendDate" }, rule_8935, NULL,
    "cin2022_23/rule_8935.py" },
  { "8940", 2023, 0, CAIRN_CIN_RULE_ERROR, "ChildProtectionPlans",
    "Child Protection Plan data contains overlapping dates",
    { "CPPstartDate", "CPPendDate" }, rule_8940, NULL,
    "cin2022_23/rule_8940.py" },
  { "8945Q", 2025, 0, CAIRN_CIN_RULE_QUERY, "Assessments",
    "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)",
    { "AssessmentFactors" }, rule_8945Q, NULL,
    "cin2024_25/rule_8945Q.py" },
  { "8950Q", 2025, 0, CAIRN_CIN_RULE_QUERY, "Assessments",
    "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)",
    { "AssessmentFactors" }, rule_8950Q, NULL,
    "cin2024_25/rule_8950Q.py" },
};

const CairnCinRule *
cairn_cin_rules (guint *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}
