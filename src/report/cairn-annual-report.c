/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-annual-report"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cairn-annual-report.h"
#include "cairn-annual-stats.h"
#include "cairn-anonymiser.h"
#include "cairn-case-pathway.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pdf-writer.h"
#include "cairn-ref.h"
#include "cairn-scr-store.h"
#include "cairn-utils.h"

/* Charts show the year and up to four before it. */
#define TREND_YEARS 5

/* ---- The sections each edition requires ----------------------------------- */

/* Working Together 2010 §3.5 (working-together-2010.md): AR1–AR13 in order,
 * AR14 being the SCR sub-committee's input to AR10–AR12. Budget and partner
 * contributions are a recommended extra (ES l.129), not required. */
static const CairnAnnualSection sections_2010[] = {
  { "recipients", "GR R53", N_("About this report"),
    N_("The Board publishes an annual report on the effectiveness of safeguarding in the local area "
       "and reports to the Children's Trust Board."),
    "GR R53; Children Act 2004 s14A", FALSE },
  { "ar1", "AR1", N_("The effectiveness of local arrangements"),
    N_("An assessment of the effectiveness of local arrangements to safeguard and promote the welfare "
       "of children."),
    "GR 3.16", TRUE },
  { "ar2", "AR2", N_("The local safeguarding context"),
    N_("The assessment set against a comprehensive analysis of the local safeguarding context."),
    "GR 3.16", TRUE },
  { "ar3", "AR3", N_("Achievements and progress"),
    N_("The achievements and the progress made in the local authority area."), "GR 3.16", TRUE },
  { "ar4", "AR4", N_("The challenges that remain"),
    N_("A realistic assessment of the challenges that still remain."), "GR 3.16", TRUE },
  { "ar5", "AR5", N_("How the Board's functions are discharged"),
    N_("The extent to which the functions of the LSCB are being effectively discharged."), "GR 3.17",
    TRUE },
  { "ar6", "AR6", N_("Policies and procedures, including safe recruitment"),
    N_("An assessment of policies and procedures to keep children safe, including those for the safe "
       "recruitment of frontline staff."),
    "GR 3.17", TRUE },
  { "ar7", "AR7", N_("Single and inter-agency training"),
    N_("An assessment of single and inter-agency training against local needs."), "GR 3.17", TRUE },
  { "ar8", "AR8", N_("Lessons from child death reviews"),
    N_("The lessons learnt from the child death overview panel about preventing future child "
       "deaths."),
    "GR 3.17", TRUE },
  { "ar9", "AR9", N_("Progress on priority issues"),
    N_("Progress on the Board's priority issues, such as child trafficking, sexual exploitation and "
       "domestic violence."),
    "GR 3.17", TRUE },
  { "ar10", "AR10", N_("Serious case reviews completed during the year"),
    N_("Progress in implementing the actions from serious case reviews completed during the year."),
    "GR 3.18", FALSE },
  { "ar11", "AR11", N_("Actions outstanding from earlier serious case reviews"),
    N_("Progress on actions still outstanding at the start of the year from serious case reviews "
       "commissioned in previous years."),
    "GR 3.18", FALSE },
  { "ar12", "AR12", N_("Serious case reviews not yet completed"),
    N_("For serious case reviews commissioned but not completed, the action already taken to learn "
       "their lessons."),
    "GR 3.18", FALSE },
  { "ar13", "AR13", N_("Challenge to the Children's Trust Board"),
    N_("The Board's robust challenge to the Children's Trust Board in driving improvement."),
    "GR 3.19; GR R53", TRUE },
  { "budget", "ES l.129", N_("Budget and partner contributions"),
    N_("the Board's budget and each member's contribution, agreed locally (not required)."),
    "ES l.129", FALSE },
};

/* Working Together 2013 ch.3 ¶16 and ch.4 (minutes-and-working-together-2013.md
 * §4.1): AR1–AR13 still, with weaknesses and their causes, lessons from
 * reviews, partner contributions and spending, and four more recipients. */
static const CairnAnnualSection sections_2013[] = {
  { "recipients", "A1–A3", N_("About this report"),
    N_("The Chair publishes an annual report on the effectiveness of child safeguarding and "
       "promoting the welfare of children in the local area, covering the preceding financial year, "
       "and submits it to the Chief Executive, the Leader of the Council, the local Police and Crime "
       "Commissioner and the Chair of the Health and Wellbeing Board."),
    "WT2013 ch.3 ¶16 (L2382); Children Act 2004 s14A", FALSE },
  { "ar1", "AR1, A4", N_("The effectiveness of local arrangements"),
    N_("A rigorous and transparent assessment of the performance and effectiveness of local "
       "services."),
    "WT2013 ch.3 ¶16 (L2383); GR 3.16", TRUE },
  { "ar2", "AR2", N_("The local safeguarding context"),
    N_("The assessment set against a comprehensive analysis of the local safeguarding context."),
    "GR 3.16; WT2013 L2323-2327", TRUE },
  { "ar3", "AR3", N_("Achievements and progress"),
    N_("The achievements and the progress made in the local authority area."), "GR 3.16", TRUE },
  { "ar4", "AR4", N_("The challenges that remain"),
    N_("A realistic assessment of the challenges that still remain."), "GR 3.16", TRUE },
  { "weaknesses", "A5", N_("Weaknesses, their causes and the action taken"),
    N_("Areas of weakness, the causes of those weaknesses and the action being taken to address "
       "them, as well as other proposals for action."),
    "WT2013 ch.3 ¶16 (L2383)", TRUE },
  { "ar5", "AR5", N_("How the Board's functions are discharged"),
    N_("The extent to which the functions of the LSCB are being effectively discharged."),
    "GR 3.17; WT2013 L2297-2317", TRUE },
  { "ar6", "AR6", N_("Policies and procedures, including safe recruitment"),
    N_("An assessment of policies and procedures to keep children safe, including those for the safe "
       "recruitment of frontline staff."),
    "GR 3.17", TRUE },
  { "ar7", "AR7", N_("Single and inter-agency training"),
    N_("The effectiveness of training, including multi-agency training, against local needs."),
    "GR 3.17; WT2013 L2327", TRUE },
  { "ar8", "AR8", N_("Lessons from child death reviews"),
    N_("The child death overview panel's annual report of relevant information, and the lessons "
       "about preventing future child deaths."),
    "GR 3.17; WT2013 L2606", TRUE },
  { "ar9", "AR9", N_("Progress on priority issues"),
    N_("Progress on the Board's priority issues, such as child trafficking, sexual exploitation and "
       "domestic violence."),
    "GR 3.17", TRUE },
  { "ar10", "AR10", N_("Serious case reviews completed during the year"),
    N_("Progress in implementing the actions from serious case reviews completed during the year."),
    "GR 3.18; WT2013 L2440", FALSE },
  { "ar11", "AR11", N_("Actions outstanding from earlier serious case reviews"),
    N_("Progress on actions still outstanding at the start of the year from serious case reviews "
       "commissioned in previous years."),
    "GR 3.18", FALSE },
  { "ar12", "AR12", N_("Serious case reviews not yet completed"),
    N_("For serious case reviews commissioned but not completed, the action already taken to learn "
       "their lessons."),
    "GR 3.18", FALSE },
  { "lessons", "A6, A9, A10", N_("Lessons from reviews"),
    N_("Lessons from reviews undertaken within the reporting period (serious case reviews, other "
       "reviews and child deaths), their impact on services and progress on their actions."),
    "WT2013 ch.3 ¶16 (L2383); ch.4 (L2440, L2473)", TRUE },
  { "ar13", "AR13", N_("Challenge to the Children's Trust Board"),
    N_("The Board's robust challenge to the Children's Trust Board, and its partners, in driving "
       "improvement."),
    "GR 3.19; GR R53", TRUE },
  { "contributions", "A7", N_("Contributions from partner agencies"),
    N_("The contributions made to the LSCB by partner agencies, shared so that a disproportionate "
       "burden does not fall on a small number of them."),
    "WT2013 ch.3 ¶16 (L2384)", FALSE },
  { "spending", "A8", N_("What the Board spent"),
    N_("What the LSCB has spent, including on child death reviews, serious case reviews and other "
       "specific expenditure such as learning events or training."),
    "WT2013 ch.3 ¶16 (L2384)", FALSE },
};

static const CairnRecipient recipients_2010[] = { CAIRN_RECIPIENT_CHILDRENS_TRUST_BOARD };
static const CairnRecipient recipients_2013[] = {
  CAIRN_RECIPIENT_CHILDRENS_TRUST_BOARD, CAIRN_RECIPIENT_CHIEF_EXECUTIVE,
  CAIRN_RECIPIENT_COUNCIL_LEADER, CAIRN_RECIPIENT_POLICE_CRIME_COMMISSIONER,
  CAIRN_RECIPIENT_HEALTH_WELLBEING_BOARD_CHAIR,
};

/**
 * cairn_annual_sections_for_edition:
 * @edition_id: "wt2010" or "wt2013"
 *
 * Returns: (array length=n_sections): the sections the edition's annual
 *   report has, in order; Working Together 2010's for an edition Cairn does
 *   not know
 */
const CairnAnnualSection *
cairn_annual_sections_for_edition (const char *edition_id,
                                   guint      *n_sections)
{
  if (g_strcmp0 (edition_id, "wt2013") == 0)
    {
      *n_sections = G_N_ELEMENTS (sections_2013);
      return sections_2013;
    }
  *n_sections = G_N_ELEMENTS (sections_2010);
  return sections_2010;
}

/* ---- Figures --------------------------------------------------------------- */

typedef enum
{
  FIG_COUNT,     /* a count from the case records */
  FIG_ENTERED,   /* a count the board entered; -1 when it did not */
  FIG_SHARE,     /* num / den, as a percentage */
  FIG_RATE,      /* num per 10,000 children */
  FIG_MONEY,     /* pence; -1 when nothing was entered */
  FIG_POPULATION,
} FigureKind;

typedef struct
{
  CairnAnnualFigureInfo info;
  FigureKind kind;
  gsize num;
  gsize den;
  gboolean in_glossary;
} Figure;

#define Y(field) G_STRUCT_OFFSET (CairnAnnualYear, field)
#define T(field, part) (G_STRUCT_OFFSET (CairnAnnualYear, field) + G_STRUCT_OFFSET (CairnAnnualTimely, part))
#define C(field, cat) (G_STRUCT_OFFSET (CairnAnnualYear, field) + (cat) * sizeof (gint64))
#define A(state) (G_STRUCT_OFFSET (CairnAnnualYear, scr_actions) + (state) * sizeof (gint64))

#define CATEGORY_FIGURES(prefix, label, field)                                                   \
  { { prefix "_neglect", N_(label ": neglect"), NULL }, FIG_COUNT, C (field, CAIRN_ANNUAL_NEGLECT), 0, FALSE }, \
  { { prefix "_physical", N_(label ": physical abuse"), NULL }, FIG_COUNT, C (field, CAIRN_ANNUAL_PHYSICAL), 0, FALSE }, \
  { { prefix "_emotional", N_(label ": emotional abuse"), NULL }, FIG_COUNT, C (field, CAIRN_ANNUAL_EMOTIONAL), 0, FALSE }, \
  { { prefix "_sexual", N_(label ": sexual abuse"), NULL }, FIG_COUNT, C (field, CAIRN_ANNUAL_SEXUAL), 0, FALSE }, \
  { { prefix "_multiple", N_(label ": multiple"), NULL }, FIG_COUNT, C (field, CAIRN_ANNUAL_MULTIPLE), 0, FALSE }, \
  { { prefix "_multiple_unspecified", N_(label ": multiple, unspecified"), NULL }, FIG_COUNT,        \
    C (field, CAIRN_ANNUAL_MULTIPLE_UNSPECIFIED), 0, FALSE }

static const Figure figures[] = {
  { { "child_population", N_("Children aged 0 to 17 in the area"),
      N_("The number of children aged 0 to 17 living in the Board's area, as the Board recorded it "
         "for the year with its source. When no figure is recorded for a year, the Board's current "
         "figure is used and the table says so. Rates per 10,000 children are worked out from it.") },
    FIG_POPULATION, Y (child_population), 0, TRUE },
  { { "contacts", N_("Contacts"),
      N_("Contacts received by children's social care in the year, as the Board recorded them by "
         "source: requests for help or information about a child that may or may not become a "
         "referral.") },
    FIG_ENTERED, Y (contacts), 0, TRUE },
  { { "contacts_rate", N_("Contacts per 10,000 children"),
      N_("Contacts divided by the child population, times 10,000.") },
    FIG_RATE, Y (contacts), 0, TRUE },
  { { "referrals", N_("Referrals"),
      N_("Referrals to children's social care received between 1 April and 31 March, both days "
         "included (the day a referral was received decides its year), one for each referral "
         "recorded, whatever happened next. By source: the source of referral as the Children in "
         "Need census codes it.") },
    FIG_COUNT, Y (referrals), 0, TRUE },
  { { "referrals_rate", N_("Referrals per 10,000 children"),
      N_("Referrals divided by the child population, times 10,000.") },
    FIG_RATE, Y (referrals), 0, TRUE },
  { { "re_referrals", N_("Re-referrals within 12 months"),
      N_("Referrals in the year of a child who had been referred before, on an earlier day no more "
         "than 12 calendar months before.") },
    FIG_COUNT, Y (re_referrals), 0, TRUE },
  { { "re_referrals_share", N_("Re-referrals within 12 months (% of referrals)"),
      N_("Re-referrals as a share of all referrals in the year.") },
    FIG_SHARE, Y (re_referrals), Y (referrals), TRUE },
  { { "initial_assessments", N_("Initial assessments completed"),
      N_("Initial assessments (Working Together 2010) authorised in the year.") },
    FIG_COUNT, T (initial_assessments, total), 0, TRUE },
  { { "initial_within_share", N_("Initial assessments within 10 working days (%)"),
      N_("Of the initial assessments completed in the year, the share completed within their "
         "timescale from the referral: 10 working days, or 7 for referrals before 1 April 2010 "
         "(W10-04), or the Board's own limit from the date it set it.") },
    FIG_SHARE, T (initial_assessments, within), T (initial_assessments, with_limit), TRUE },
  { { "core_assessments", N_("Core assessments completed"),
      N_("Core assessments (Working Together 2010) authorised in the year.") },
    FIG_COUNT, T (core_assessments, total), 0, TRUE },
  { { "core_within_share", N_("Core assessments within 35 working days (%)"),
      N_("Of the core assessments completed in the year, the share completed within 35 working days "
         "of the day the core assessment started (W10-05).") },
    FIG_SHARE, T (core_assessments, within), T (core_assessments, with_limit), TRUE },
  { { "single_assessments", N_("Assessments completed (single assessment)"),
      N_("Assessments under Working Together 2013 (one assessment in place of the initial and core "
         "assessments) authorised in the year.") },
    FIG_COUNT, T (single_assessments, total), 0, TRUE },
  { { "single_within_share", N_("Assessments within 45 working days (%)"),
      N_("Of those assessments, the share completed within 45 working days of the referral "
         "(W13-02).") },
    FIG_SHARE, T (single_assessments, within), T (single_assessments, with_limit), TRUE },
  { { "s47_enquiries", N_("Section 47 enquiries started"),
      N_("Section 47 enquiries (Children Act 1989) started in the year.") },
    FIG_COUNT, Y (s47_enquiries), 0, TRUE },
  { { "icpcs", N_("Initial child protection conferences"),
      N_("Initial child protection conferences held in the year, one for each child (a conference "
         "about two children counts twice), wherever they were recorded; a transfer-in conference "
         "recorded as a case's initial conference is included.") },
    FIG_COUNT, T (icpcs, total), 0, TRUE },
  { { "icpc_within_share", N_("Initial conferences within 15 working days (%)"),
      N_("Of the initial conferences with a clock, the share held within 15 working days of the "
         "strategy discussion (W10-07, W13-05): under Working Together 2013 the discussion at which "
         "the section 47 enquiries were initiated; under 2010 as the Board's edition setting says "
         "(by default the last discussion before the conference). Where no strategy discussion is "
         "recorded (returns from the census), the clock starts when the section 47 enquiry "
         "started. A conference with neither (a transfer-in) has no clock.") },
    FIG_SHARE, T (icpcs, within), T (icpcs, with_limit), TRUE },
  { { "plans_started", N_("Child protection plans started"),
      N_("Child protection plans that started in the year, one for each plan. By category: the "
         "category at the start. A plan with more than one category counts once, as multiple; a "
         "plan received only as multiple (census code MUL) without its categories is multiple, "
         "unspecified, and is never guessed into one of the four.") },
    FIG_COUNT, Y (plans_started), 0, TRUE },
  CATEGORY_FIGURES ("plans_started", "Plans started", plans_started_by),
  { { "plans_second", N_("Plans started for the second or a later time"),
      N_("Plans started in the year for a child who had been the subject of a plan before: the "
         "number of previous plans recorded with the plan, or an earlier plan in the Board's "
         "records.") },
    FIG_COUNT, Y (plans_second_or_later), 0, TRUE },
  { { "plans_second_share", N_("Second or later plans (% of plans started)"),
      N_("Second or later plans as a share of the plans started in the year.") },
    FIG_SHARE, Y (plans_second_or_later), Y (plans_started), TRUE },
  { { "plans_ended", N_("Child protection plans ended"),
      N_("Plans that ended in the year. By category: the latest category, counted as for plans "
         "started.") },
    FIG_COUNT, Y (plans_ended), 0, TRUE },
  CATEGORY_FIGURES ("plans_ended", "Plans ended", plans_ended_by),
  { { "plans_two_years", N_("Plans ended after two years or more"),
      N_("Plans that ended in the year on or after the day two years after they started.") },
    FIG_COUNT, Y (plans_ended_two_years), 0, TRUE },
  { { "plans_two_years_share", N_("Plans ended after two years or more (%)"),
      N_("Those plans as a share of the plans that ended in the year.") },
    FIG_SHARE, Y (plans_ended_two_years), Y (plans_ended), TRUE },
  { { "children_on_plans", N_("Children on a plan at 31 March"),
      N_("Children who were the subject of a child protection plan on 31 March: the plan started "
         "on or before that day and had not ended by it. A child counts once: a child whose plans "
         "have more than one category counts as multiple.") },
    FIG_COUNT, Y (children_on_plans), 0, TRUE },
  CATEGORY_FIGURES ("children_on_plans", "Children on a plan at 31 March", children_on_plans_by),
  { { "children_on_plans_rate", N_("Children on a plan per 10,000 children"),
      N_("Children on a plan at 31 March divided by the child population, times 10,000.") },
    FIG_RATE, Y (children_on_plans), 0, TRUE },
  { { "reviews_due", N_("Children on a plan whose first review was due"),
      N_("Children on a plan at 31 March whose first review conference was due by then (three "
         "months from the plan's start, W10-09, W13-07).") },
    FIG_COUNT, Y (reviews_due), 0, TRUE },
  { { "reviews_on_time_share", N_("Reviews held on time (% of those children)"),
      N_("Of those children, the share whose every review conference was on time: the first within "
         "three months of the plan's start, each later one within six months of the one before "
         "(W10-10, W13-08), and none overdue on 31 March. Months are calendar months; a day that a "
         "shorter month lacks becomes its last day (31 August + 3 months = 30 November).") },
    FIG_SHARE, Y (reviews_on_time), Y (reviews_due), TRUE },
  { { "children_seen", N_("Children seen by a practitioner"),
      N_("Children seen during the year on a visit or other recorded contact.") },
    FIG_COUNT, Y (children_seen), 0, TRUE },
  { { "children_seen_alone", N_("Children seen alone"),
      N_("Of the children seen, those seen alone at least once in the year.") },
    FIG_COUNT, Y (children_seen_alone), 0, TRUE },
  { { "seen_alone_share", N_("Children seen alone (% of children seen)"),
      N_("Children seen alone as a share of the children seen.") },
    FIG_SHARE, Y (children_seen_alone), Y (children_seen), TRUE },
  { { "scrs_considered", N_("Cases considered for a serious case review"),
      N_("Cases notified to the Board in the year as possibly meeting the criteria for a serious "
         "case review (by the day of notification, or of the decision when none is recorded).") },
    FIG_COUNT, Y (scrs_considered), 0, TRUE },
  { { "scrs_started", N_("Serious case reviews started"),
      N_("Serious case reviews the Chair decided in the year to hold.") },
    FIG_COUNT, Y (scrs_started), 0, TRUE },
  { { "scrs_completed", N_("Serious case reviews completed"),
      N_("Serious case reviews completed in the year.") },
    FIG_COUNT, T (scrs_completed, total), 0, TRUE },
  { { "scrs_completed_within_share", N_("Reviews completed within six months (%)"),
      N_("Of those, the share completed within six months of the decision to hold the review "
         "(W10-16: four months for decisions before 18 December 2009; W13-14).") },
    FIG_SHARE, T (scrs_completed, within), T (scrs_completed, with_limit), TRUE },
  { { "scr_actions_complete", N_("Review actions complete at 31 March"),
      N_("The actions of the reviews the report covers (AR10 to AR12) as they stood on 31 March, "
         "from each action's dated history: complete; overdue (not complete and due before "
         "31 March); in progress; not started.") },
    FIG_COUNT, A (CAIRN_ANNUAL_ACTION_COMPLETE), 0, TRUE },
  { { "scr_actions_in_progress", N_("Review actions in progress at 31 March"), NULL },
    FIG_COUNT, A (CAIRN_ANNUAL_ACTION_IN_PROGRESS), 0, FALSE },
  { { "scr_actions_not_started", N_("Review actions not started at 31 March"), NULL },
    FIG_COUNT, A (CAIRN_ANNUAL_ACTION_NOT_STARTED), 0, FALSE },
  { { "scr_actions_overdue", N_("Review actions overdue at 31 March"), NULL },
    FIG_COUNT, A (CAIRN_ANNUAL_ACTION_OVERDUE), 0, FALSE },
  { { "child_deaths_notified", N_("Child deaths notified"),
      N_("Deaths of children normally resident in the area notified to the child death overview "
         "panel in the year, as the Board recorded them.") },
    FIG_ENTERED, Y (child_deaths_notified), 0, TRUE },
  { { "child_deaths_reviewed", N_("Child deaths reviewed"),
      N_("Deaths whose review the child death overview panel completed in the year, as the Board "
         "recorded them; of them, unexpected deaths and deaths in which modifiable factors were "
         "identified.") },
    FIG_ENTERED, Y (child_deaths_reviewed), 0, TRUE },
  { { "child_deaths_unexpected", N_("Reviewed deaths that were unexpected"), NULL },
    FIG_ENTERED, Y (child_deaths_unexpected), 0, FALSE },
  { { "child_deaths_modifiable", N_("Reviewed deaths with modifiable factors"), NULL },
    FIG_ENTERED, Y (child_deaths_modifiable), 0, FALSE },
  { { "private_fostering_notifications", N_("Private fostering notifications"),
      N_("Notifications of private fostering arrangements received in the year, and the "
         "arrangements known on 31 March, as the Board recorded them.") },
    FIG_ENTERED, Y (private_fostering_notifications), 0, TRUE },
  { { "private_fostering_arrangements", N_("Private fostering arrangements at 31 March"), NULL },
    FIG_ENTERED, Y (private_fostering_arrangements), 0, FALSE },
  { { "training_courses", N_("Training courses delivered"),
      N_("Single and inter-agency courses the Board delivered or commissioned in the year, their "
         "sessions and attendees, as the Board recorded them.") },
    FIG_ENTERED, Y (training_courses), 0, TRUE },
  { { "training_sessions", N_("Training sessions"), NULL }, FIG_ENTERED, Y (training_sessions), 0, FALSE },
  { { "training_attendees", N_("Training attendees"), NULL }, FIG_ENTERED, Y (training_attendees), 0, FALSE },
  { { "contributions", N_("Contributions from partner agencies"),
      N_("Money contributed to the Board by its partner agencies for the year, as the Board "
         "recorded it.") },
    FIG_MONEY, Y (contributions_pence), 0, TRUE },
  { { "spending", N_("The Board's spending"),
      N_("What the Board spent in the year, by what it was spent on, as the Board recorded it.") },
    FIG_MONEY, Y (spending_pence), 0, TRUE },
  { { "board_meetings", N_("Board meetings held"), N_("Meetings of the Board held in the year.") },
    FIG_COUNT, Y (board_meetings), 0, TRUE },
};

#undef Y
#undef T
#undef C
#undef A

static const Figure *
lookup_figure (const char *id)
{
  for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
    if (strcmp (figures[i].info.id, id) == 0)
      return &figures[i];
  g_critical ("no annual report figure %s", id);
  return NULL;
}

static gint64
field (const CairnAnnualYear *y,
       gsize                  offset)
{
  return G_STRUCT_MEMBER (gint64, y, offset);
}

static gboolean
figure_value (const Figure          *f,
              const CairnAnnualYear *y,
              double                *out)
{
  gint64 num, den;

  if (y == NULL)
    return FALSE;
  num = field (y, f->num);
  switch (f->kind)
    {
    case FIG_COUNT:
      *out = (double) num;
      return TRUE;
    case FIG_ENTERED:
    case FIG_MONEY:
      if (num < 0)
        return FALSE;
      *out = (double) num;
      return TRUE;
    case FIG_POPULATION:
      if (num <= 0)
        return FALSE;
      *out = (double) num;
      return TRUE;
    case FIG_SHARE:
      den = field (y, f->den);
      if (den <= 0)
        return FALSE;
      *out = 100.0 * (double) num / (double) den;
      return TRUE;
    case FIG_RATE:
      if (num < 0 || y->child_population <= 0)
        return FALSE;
      *out = 10000.0 * (double) num / (double) y->child_population;
      return TRUE;
    default:
      return FALSE;
    }
}

/* 1234567 → "1,234,567". */
static char *
group_digits (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n < 0 ? -n : n);
  GString *s = g_string_new (n < 0 ? "−" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

/* One decimal, thousands grouped: 1139.94 → "1,139.9". */
static char *
format_decimal (double value)
{
  gint64 tenths = (gint64) llround (fabs (value) * 10.0);
  g_autofree char *whole = group_digits (tenths / 10);

  return g_strdup_printf ("%s%s.%d", value < 0 && tenths > 0 ? "−" : "", whole, (int) (tenths % 10));
}

static char *
format_money (gint64 pence)
{
  g_autofree char *pounds = group_digits ((pence + 50) / 100);

  return g_strdup_printf ("£%s", pounds);
}

static char *
format_value (const Figure *f,
              double        value)
{
  switch (f->kind)
    {
    case FIG_SHARE:
      {
        g_autofree char *d = format_decimal (value);
        return g_strdup_printf ("%s%%", d);
      }
    case FIG_RATE:
      return format_decimal (value);
    case FIG_MONEY:
      return format_money ((gint64) value);
    case FIG_COUNT:
    case FIG_ENTERED:
    case FIG_POPULATION:
    default:
      return group_digits ((gint64) value);
    }
}

#define NOT_KNOWN "—"

/**
 * cairn_annual_figures:
 *
 * Returns: (array length=n_figures): every figure of the report, in the
 *   order of the glossary
 */
const CairnAnnualFigureInfo *
cairn_annual_figures (guint *n_figures)
{
  static CairnAnnualFigureInfo *infos;

  if (g_once_init_enter (&infos))
    {
      CairnAnnualFigureInfo *list = g_new0 (CairnAnnualFigureInfo, G_N_ELEMENTS (figures));
      for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
        list[i] = figures[i].info;
      g_once_init_leave (&infos, list);
    }
  *n_figures = G_N_ELEMENTS (figures);
  return infos;
}

/**
 * cairn_annual_figure_value:
 *
 * Returns: %FALSE when the figure is not known for the year (nothing
 *   entered, or no denominator)
 */
gboolean
cairn_annual_figure_value (const char            *figure_id,
                           const CairnAnnualYear *stats,
                           double                *value)
{
  const Figure *f = lookup_figure (figure_id);

  return f != NULL && figure_value (f, stats, value);
}

/**
 * cairn_annual_figure_format:
 *
 * Returns: (transfer full): the figure as the report prints it ("1,234",
 *   "87.5%", "£60,000"), or "—" when it is not known
 */
char *
cairn_annual_figure_format (const char            *figure_id,
                            const CairnAnnualYear *stats)
{
  const Figure *f = lookup_figure (figure_id);
  double value;

  if (f == NULL || !figure_value (f, stats, &value))
    return g_strdup (NOT_KNOWN);
  return format_value (f, value);
}

/* ---- The report's data ------------------------------------------------------ */

struct _CairnAnnualReport
{
  gatomicrefcount ref_count;
  int year;
  int first_year;
  char *edition_id;
  char *edition_title;
  const CairnAnnualSection *sections;
  guint n_sections;
  const CairnRecipient *recipients;
  guint n_recipients;
  char *board_name;
  char *area;
  GDate today;
  GPtrArray *stats;             /* CairnAnnualYear, first_year .. year */
  GHashTable *narratives;       /* section id → body */
  GPtrArray *recorded_recipients; /* CairnRecipientRecord */
  GPtrArray *priorities;        /* CairnPriorityIssue */
  GPtrArray *courses;           /* CairnTrainingCourse */
  GPtrArray *contributions;     /* CairnContribution */
  GPtrArray *spending;          /* CairnSpending */
  GPtrArray *previous_contributions;
  GPtrArray *previous_spending;
  GPtrArray *scr_actions;       /* CairnAnnualScrAction, anonymised */
  gboolean scr_text_withheld;   /* the user may not read the reviews' drafts */
  GPtrArray *members;           /* CairnAnnualMember */
  GPtrArray *meetings;          /* CairnAnnualMeeting */
};

CairnAnnualReport *
cairn_annual_report_ref (CairnAnnualReport *report)
{
  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

void
cairn_annual_report_unref (CairnAnnualReport *report)
{
  if (report == NULL || !g_atomic_ref_count_dec (&report->ref_count))
    return;
  g_free (report->edition_id);
  g_free (report->edition_title);
  g_free (report->board_name);
  g_free (report->area);
  g_clear_pointer (&report->stats, g_ptr_array_unref);
  g_clear_pointer (&report->narratives, g_hash_table_unref);
  g_clear_pointer (&report->recorded_recipients, g_ptr_array_unref);
  g_clear_pointer (&report->priorities, g_ptr_array_unref);
  g_clear_pointer (&report->courses, g_ptr_array_unref);
  g_clear_pointer (&report->contributions, g_ptr_array_unref);
  g_clear_pointer (&report->spending, g_ptr_array_unref);
  g_clear_pointer (&report->previous_contributions, g_ptr_array_unref);
  g_clear_pointer (&report->previous_spending, g_ptr_array_unref);
  g_clear_pointer (&report->scr_actions, g_ptr_array_unref);
  g_clear_pointer (&report->members, g_ptr_array_unref);
  g_clear_pointer (&report->meetings, g_ptr_array_unref);
  g_free (report);
}

/* The reviews' action texts, through each review's anonymiser (as its
 * executive summary shows them); withheld when the signed-in user may not
 * read the reviews' drafts. */
static gboolean
anonymise_scr_actions (CairnAnnualReport  *report,
                       CairnStore         *store,
                       GError            **error)
{
  g_autoptr (GHashTable) anons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) cairn_anonymiser_free);

  for (guint i = 0; i < report->scr_actions->len; i++)
    {
      CairnAnnualScrAction *a = g_ptr_array_index (report->scr_actions, i);
      g_autofree char *key = g_strdup_printf ("%d-%d", a->scr_year, a->scr_number);
      CairnAnonymiser *anon = g_hash_table_lookup (anons, key);

      if (report->scr_text_withheld)
        goto withhold;
      if (anon == NULL)
        {
          g_autoptr (GError) local = NULL;
          g_autoptr (CairnScr) scr = cairn_store_get_scr (store, a->scr_year, a->scr_number, &local);

          if (scr == NULL)
            {
              if (!g_error_matches (local, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED))
                {
                  g_propagate_error (error, g_steal_pointer (&local));
                  return FALSE;
                }
              report->scr_text_withheld = TRUE;
              goto withhold;
            }
          anon = cairn_anonymiser_new (scr);
          g_hash_table_insert (anons, g_strdup (key), anon);
        }
      {
        char *s;
        s = cairn_anonymiser_apply (anon, a->action);
        g_free (a->action), a->action = s;
        s = cairn_anonymiser_apply (anon, a->responsible);
        g_free (a->responsible), a->responsible = s;
        s = cairn_anonymiser_apply (anon, a->progress);
        g_free (a->progress), a->progress = s;
      }
      continue;
    withhold:
      g_clear_pointer (&a->action, g_free);
      g_clear_pointer (&a->responsible, g_free);
      g_clear_pointer (&a->progress, g_free);
    }
  return TRUE;
}

/**
 * cairn_annual_report_load:
 * @year: the reporting year, by its start year (2011 is 2011-12)
 *
 * Reads everything the report for @year shows: the statistics of the year
 * and of up to four years before it (from the first year with a referral),
 * the narratives, the Board's entries, the serious case review actions as
 * they stood on 31 March, membership and attendance. Needs
 * %CAIRN_ACTION_VIEW_CASES. May run in a worker thread on its own
 * connection (cairn_store_open_worker()).
 *
 * Returns: (transfer full): the report's data, or %NULL with @error set
 */
CairnAnnualReport *
cairn_annual_report_load (CairnStore     *store,
                          CairnPathway   *pathway,
                          int             year,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr (CairnAnnualReport) report = g_new0 (CairnAnnualReport, 1);
  g_autoptr (CairnPathwayConfig) config = NULL;
  g_autoptr (CairnAnnualRules) rules = NULL;
  CairnEdition *edition;
  int first;

  g_atomic_ref_count_init (&report->ref_count);
  report->year = year;
  if ((config = cairn_pathway_config_load (pathway, store, error)) == NULL)
    return NULL;
  first = cairn_store_first_activity_year (store, error);
  if (error != NULL && *error != NULL)
    return NULL;
  report->first_year = first < 0 || first > year ? year : MAX (first, year - (TREND_YEARS - 1));
  if (report->first_year < 1990)
    report->first_year = year;

  edition = cairn_annual_year_edition (pathway, config, year);
  report->edition_id = g_strdup (cairn_edition_get_id (edition));
  report->edition_title = g_strdup (cairn_edition_get_title (edition));
  report->sections = cairn_annual_sections_for_edition (report->edition_id, &report->n_sections);
  if (g_strcmp0 (report->edition_id, "wt2013") == 0)
    {
      report->recipients = recipients_2013;
      report->n_recipients = G_N_ELEMENTS (recipients_2013);
    }
  else
    {
      report->recipients = recipients_2010;
      report->n_recipients = G_N_ELEMENTS (recipients_2010);
    }
  report->board_name = cairn_store_dup_board_name (store);
  if (!cairn_store_get_today_checked (store, &report->today, error) ||
      (rules = cairn_annual_rules_new (pathway, config, error)) == NULL ||
      (report->stats = cairn_store_compute_annual_stats (store, rules, report->first_year, year,
                                                         cancellable, error)) == NULL ||
      (report->narratives = cairn_store_get_annual_narratives (store, year, error)) == NULL ||
      (report->recorded_recipients = cairn_store_list_recipients (store, year, error)) == NULL ||
      (report->priorities = cairn_store_list_priority_issues (store, year, error)) == NULL ||
      (report->courses = cairn_store_list_training_courses (store, year, error)) == NULL ||
      (report->contributions = cairn_store_list_contributions (store, year, error)) == NULL ||
      (report->spending = cairn_store_list_spending (store, year, error)) == NULL ||
      (report->previous_contributions = cairn_store_list_contributions (store, year - 1, error)) == NULL ||
      (report->previous_spending = cairn_store_list_spending (store, year - 1, error)) == NULL ||
      (report->scr_actions = cairn_store_list_annual_scr_actions (store, year, error)) == NULL ||
      !anonymise_scr_actions (report, store, error) ||
      (report->members = cairn_store_list_annual_members (store, year, error)) == NULL ||
      (report->meetings = cairn_store_list_annual_meetings (store, year, error)) == NULL)
    return NULL;
  return g_steal_pointer (&report);
}

int
cairn_annual_report_get_year (CairnAnnualReport *report)
{
  return report->year;
}

int
cairn_annual_report_get_first_year (CairnAnnualReport *report)
{
  return report->first_year;
}

const char *
cairn_annual_report_get_edition_id (CairnAnnualReport *report)
{
  return report->edition_id;
}

const char *
cairn_annual_report_get_edition_title (CairnAnnualReport *report)
{
  return report->edition_title;
}

/**
 * cairn_annual_report_get_stats:
 *
 * Returns: (nullable): the statistics of @year, or %NULL when the report
 *   does not show that year
 */
const CairnAnnualYear *
cairn_annual_report_get_stats (CairnAnnualReport *report,
                               int                year)
{
  if (year < report->first_year || year > report->year)
    return NULL;
  return g_ptr_array_index (report->stats, year - report->first_year);
}

guint
cairn_annual_report_get_n_sections (CairnAnnualReport *report)
{
  return report->n_sections;
}

const CairnAnnualSection *
cairn_annual_report_get_section (CairnAnnualReport *report,
                                 guint              i)
{
  g_return_val_if_fail (i < report->n_sections, NULL);
  return &report->sections[i];
}

/**
 * cairn_annual_report_get_narrative:
 *
 * Returns: the section's narrative, "" when none is written
 */
const char *
cairn_annual_report_get_narrative (CairnAnnualReport *report,
                                   const char        *section_id)
{
  const char *body = g_hash_table_lookup (report->narratives, section_id);

  return body ? body : "";
}

/* For the live preview: the text being edited, before or after it is saved. */
void
cairn_annual_report_set_narrative (CairnAnnualReport *report,
                                   const char        *section_id,
                                   const char        *body)
{
  g_hash_table_insert (report->narratives, g_strdup (section_id), g_strdup (body ? body : ""));
}

static gboolean
has_narrative (CairnAnnualReport *report,
               const char        *section_id)
{
  const char *body = cairn_annual_report_get_narrative (report, section_id);

  for (const char *c = body; *c; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      return TRUE;
  return FALSE;
}

/**
 * cairn_annual_report_list_missing:
 *
 * Returns: (transfer container) (element-type CairnAnnualSection): the
 *   required sections that have no narrative, in order
 */
GPtrArray *
cairn_annual_report_list_missing (CairnAnnualReport *report)
{
  GPtrArray *missing = g_ptr_array_new ();

  for (guint i = 0; i < report->n_sections; i++)
    if (report->sections[i].narrative_required && !has_narrative (report, report->sections[i].id))
      g_ptr_array_add (missing, (gpointer) &report->sections[i]);
  return missing;
}

/* ---- Building the document ---------------------------------------------------- */

typedef struct
{
  CairnAnnualReport *report;
  CairnDocument *doc;
  const CairnAnnualYear *now;
  const CairnAnnualYear *before;   /* NULL when the report shows one year */
  char *now_label;
  char *before_label;
} Build;

static void
add_small (CairnDocument *doc,
           const char    *text)
{
  CairnParagraph *p = cairn_document_add_styled_paragraph (doc, CAIRN_PARAGRAPH_SMALL);

  cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, text);
}

static void
add_notice (CairnDocument *doc,
            const char    *text)
{
  CairnParagraph *p = cairn_document_add_styled_paragraph (doc, CAIRN_PARAGRAPH_NOTICE);

  cairn_paragraph_add_run (p, CAIRN_RUN_BOLD, text);
}

/* The difference between two values of a figure: "+12", "−3", "+2.5 pts". */
static char *
format_change (const Figure *f,
               double        now,
               double        before)
{
  double d = now - before;
  const char *sign = d > 0 ? "+" : d < 0 ? "−" : "";

  switch (f->kind)
    {
    case FIG_SHARE:
      {
        g_autofree char *v = format_decimal (fabs (d));
        return fabs (d) < 0.05 ? g_strdup (_("no change")) : g_strdup_printf (_("%s%s pts"), sign, v);
      }
    case FIG_RATE:
      {
        g_autofree char *v = format_decimal (fabs (d));
        return fabs (d) < 0.05 ? g_strdup (_("no change")) : g_strdup_printf ("%s%s", sign, v);
      }
    case FIG_MONEY:
      {
        g_autofree char *v = format_money ((gint64) fabs (d));
        return d == 0 ? g_strdup (_("no change")) : g_strdup_printf ("%s%s", sign, v);
      }
    case FIG_COUNT:
    case FIG_ENTERED:
    case FIG_POPULATION:
    default:
      {
        g_autofree char *v = group_digits ((gint64) fabs (d));
        return d == 0 ? g_strdup (_("no change")) : g_strdup_printf ("%s%s", sign, v);
      }
    }
}

/* A table of figures: the year beside the year before, with the change. */
static void
add_figure_table (Build              *b,
                  const char * const *ids)
{
  static const double widths2[] = { 2.6, 1.0, 1.0, 1.0 };
  static const double widths1[] = { 3.0, 1.0 };
  const char *header[] = { _("Figure"), b->before_label, b->now_label, _("Change"), NULL };
  const char *header1[] = { _("Figure"), b->now_label, NULL };
  CairnTable *table;

  if (b->before != NULL)
    {
      table = cairn_document_add_table (b->doc, 4, widths2, 1);
      cairn_table_add_row (table, header);
    }
  else
    {
      table = cairn_document_add_table (b->doc, 2, widths1, 1);
      cairn_table_add_row (table, header1);
    }
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const Figure *f = lookup_figure (ids[i]);
      double now = 0, before = 0;
      gboolean has_now, has_before;
      g_autofree char *now_text = NULL;
      g_autofree char *before_text = NULL;
      g_autofree char *change = NULL;
      g_autofree char *label = NULL;

      if (f == NULL)
        continue;
      has_now = figure_value (f, b->now, &now);
      has_before = figure_value (f, b->before, &before);
      now_text = has_now ? format_value (f, now) : g_strdup (NOT_KNOWN);
      before_text = has_before ? format_value (f, before) : g_strdup (NOT_KNOWN);
      change = has_now && has_before ? format_change (f, now, before) : g_strdup (NOT_KNOWN);
      label = g_strdup (_(f->info.label));
      if (b->before != NULL)
        {
          const char *row[] = { label, before_text, now_text, change, NULL };
          cairn_table_add_row (table, row);
        }
      else
        {
          const char *row[] = { label, now_text, NULL };
          cairn_table_add_row (table, row);
        }
    }
}

static char *
year_label (int year)
{
  return cairn_year_to_string (year);
}

static const char *
source_label (const char *code)
{
  const char *label;

  if (cairn_str_empty (code))
    return _("Not recorded");
  label = cairn_codes_label (CAIRN_CODES_REFERRAL_SOURCE, code);
  return label ? label : code;
}

static gint64
source_count (GPtrArray  *list,
              const char *code)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      CairnAnnualSourceCount *c = g_ptr_array_index (list, i);
      if (g_strcmp0 (c->code, code) == 0)
        return c->count;
    }
  return 0;
}

/* The position of a source in the census code list ("" and unknown codes last). */
static gsize
source_rank (const char *code)
{
  gsize n;
  const CairnCode *codes = cairn_codes_get (CAIRN_CODES_REFERRAL_SOURCE, &n);

  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (codes[i].code, code) == 0)
      return i;
  return n + (cairn_str_empty (code) ? 1 : 0);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  const char *x = *(const char **) a, *y = *(const char **) b;
  gsize rx = source_rank (x), ry = source_rank (y);

  return rx != ry ? (rx < ry ? -1 : 1) : g_strcmp0 (x, y);
}

/* Counts by source, the year beside the year before, in census code order. */
static void
add_source_table (Build      *b,
                  const char *what,
                  gsize       offset,
                  gboolean    entered)
{
  static const double widths[] = { 3.0, 1.0, 1.0 };
  GPtrArray *now = G_STRUCT_MEMBER (GPtrArray *, b->now, offset);
  GPtrArray *before = b->before ? G_STRUCT_MEMBER (GPtrArray *, b->before, offset) : NULL;
  gboolean before_known = before != NULL && !(entered && b->before->contacts < 0);
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  const char *header[] = { _("Source"), b->before_label ? b->before_label : "", b->now_label, NULL };
  CairnTable *table;
  gint64 total_now = 0, total_before = 0;

  for (int pass = 0; pass < 2; pass++)
    {
      GPtrArray *list = pass == 0 ? now : before;
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          const char *code = ((CairnAnnualSourceCount *) g_ptr_array_index (list, i))->code;
          gboolean seen = FALSE;
          for (guint k = 0; k < codes->len && !seen; k++)
            seen = g_strcmp0 (g_ptr_array_index (codes, k), code) == 0;
          if (!seen)
            g_ptr_array_add (codes, (gpointer) code);
        }
    }
  if (codes->len == 0)
    return;
  g_ptr_array_sort (codes, compare_codes);
  {
    g_autofree char *caption = g_strdup_printf (_("%s by source"), what);
    cairn_document_add_heading (b->doc, 3, caption);
  }
  table = cairn_document_add_table (b->doc, 3, widths, 1);
  cairn_table_add_row (table, header);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      gint64 n_now = source_count (now, code), n_before = source_count (before, code);
      g_autofree char *a = group_digits (n_before);
      g_autofree char *c = group_digits (n_now);
      g_autofree char *label = cairn_str_empty (code) ? g_strdup (source_label (code))
                                                      : g_strdup_printf ("%s (%s)", source_label (code), code);
      const char *row[] = { label, before_known ? a : NOT_KNOWN, c, NULL };
      cairn_table_add_row (table, row);
      total_now += n_now;
      total_before += n_before;
    }
  {
    g_autofree char *a = group_digits (total_before);
    g_autofree char *c = group_digits (total_now);
    const char *row[] = { _("Total"), before_known ? a : NOT_KNOWN, c, NULL };
    cairn_table_add_row (table, row);
  }
}

/* Plans by category: started and at 31 March, the year beside the year before. */
static void
add_category_table (Build *b)
{
  static const double widths[] = { 2.2, 1.0, 1.0, 1.0, 1.0 };
  const char *header[] = { _("Category"), NULL, NULL, NULL, NULL, NULL };
  g_autofree char *h1 = g_strdup_printf (_("Started %s"), b->before_label ? b->before_label : "");
  g_autofree char *h2 = g_strdup_printf (_("Started %s"), b->now_label);
  g_autofree char *h3 = g_strdup_printf (_("At 31 March, %s"), b->before_label ? b->before_label : "");
  g_autofree char *h4 = g_strdup_printf (_("At 31 March, %s"), b->now_label);
  CairnTable *table;

  header[1] = h1;
  header[2] = h2;
  header[3] = h3;
  header[4] = h4;
  table = cairn_document_add_table (b->doc, 5, widths, 1);
  cairn_table_add_row (table, header);
  for (int c = 0; c <= CAIRN_ANNUAL_N_CATEGORIES; c++)
    {
      gboolean total = c == CAIRN_ANNUAL_N_CATEGORIES;
      gint64 v[4];
      char *cells[4];
      const char *row[6];

      v[0] = b->before ? (total ? b->before->plans_started : b->before->plans_started_by[c]) : -1;
      v[1] = total ? b->now->plans_started : b->now->plans_started_by[c];
      v[2] = b->before ? (total ? b->before->children_on_plans : b->before->children_on_plans_by[c]) : -1;
      v[3] = total ? b->now->children_on_plans : b->now->children_on_plans_by[c];
      row[0] = total ? _("Total") : cairn_annual_category_label (c);
      for (int k = 0; k < 4; k++)
        {
          cells[k] = v[k] < 0 ? g_strdup (NOT_KNOWN) : group_digits (v[k]);
          row[k + 1] = cells[k];
        }
      row[5] = NULL;
      cairn_table_add_row (table, row);
      for (int k = 0; k < 4; k++)
        g_free (cells[k]);
    }
}

/* A chart of figures over the years the report shows. */
static void
add_trend_chart (Build              *b,
                 CairnChartKind      kind,
                 const char         *title,
                 const char         *y_label,
                 const char * const *ids,
                 const char * const *names,
                 const char         *caption)
{
  CairnAnnualReport *r = b->report;
  guint n = (guint) (r->year - r->first_year + 1);
  g_autoptr (CairnChart) chart = cairn_chart_new (kind, title);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = g_new0 (double, n);
  gboolean any = FALSE;

  for (int y = r->first_year; y <= r->year; y++)
    g_ptr_array_add (labels, year_label (y));
  g_ptr_array_add (labels, NULL);
  cairn_chart_set_categories (chart, (const char * const *) labels->pdata);
  cairn_chart_set_axis_labels (chart, _("Year"), y_label);
  for (guint s = 0; ids[s] != NULL; s++)
    {
      const Figure *f = lookup_figure (ids[s]);
      gboolean series_any = FALSE;

      for (guint i = 0; i < n; i++)
        {
          double v;
          if (f != NULL && figure_value (f, cairn_annual_report_get_stats (r, r->first_year + (int) i), &v))
            {
              values[i] = v;
              series_any = TRUE;
            }
          else
            values[i] = kind == CAIRN_CHART_LINE ? NAN : 0;
        }
      if (!series_any)
        continue;
      cairn_chart_add_series (chart, names ? _(names[s]) : _(f->info.label), values, n);
      any = TRUE;
    }
  if (any)
    cairn_document_add_figure (b->doc, chart, 70, caption);
}

static void
add_category_chart (Build *b)
{
  CairnAnnualReport *r = b->report;
  guint n = (guint) (r->year - r->first_year + 1);
  g_autoptr (CairnChart) chart = cairn_chart_new (CAIRN_CHART_STACKED_BAR,
                                                  _("Children on a plan at 31 March, by category"));
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = g_new0 (double, n);
  gint64 total = 0;

  for (int y = r->first_year; y <= r->year; y++)
    {
      g_ptr_array_add (labels, year_label (y));
      total += cairn_annual_report_get_stats (r, y)->children_on_plans;
    }
  if (total == 0)
    return;
  g_ptr_array_add (labels, NULL);
  cairn_chart_set_categories (chart, (const char * const *) labels->pdata);
  cairn_chart_set_axis_labels (chart, _("Year"), _("Children"));
  for (int c = 0; c < CAIRN_ANNUAL_N_CATEGORIES; c++)
    {
      for (guint i = 0; i < n; i++)
        values[i] = (double) cairn_annual_report_get_stats (r, r->first_year + (int) i)->children_on_plans_by[c];
      cairn_chart_add_series (chart, cairn_annual_category_label (c), values, n);
    }
  cairn_document_add_figure (b->doc, chart, 75, _("Children on a child protection plan at 31 March, by category"));
}

static gboolean
year_has (const CairnAnnualYear *y,
          const char            *id)
{
  double v;

  return y != NULL && cairn_annual_figure_value (id, y, &v) && v != 0;
}

/* The ids of @ids whose figure is non-zero in the year or the year before
 * (all of them when none is). */
static GPtrArray *
figures_present (Build              *b,
                 const char * const *ids)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (year_has (b->now, ids[i]) || year_has (b->before, ids[i]))
      g_ptr_array_add (out, (gpointer) ids[i]);
  if (out->len == 0)
    for (guint i = 0; ids[i] != NULL; i++)
      g_ptr_array_add (out, (gpointer) ids[i]);
  g_ptr_array_add (out, NULL);
  return out;
}

static void
add_assessments (Build *b)
{
  /* Show the assessments of the editions the two years had. */
  static const char *const groups[][3] = {
    { "initial_assessments", "initial_within_share", NULL },
    { "core_assessments", "core_within_share", NULL },
    { "single_assessments", "single_within_share", NULL },
  };
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  static const char *const trend[] = { "initial_within_share", "core_within_share", "single_within_share",
                                       "icpc_within_share", "reviews_on_time_share", NULL };

  for (gsize g = 0; g < G_N_ELEMENTS (groups); g++)
    if (year_has (b->now, groups[g][0]) || year_has (b->before, groups[g][0]))
      {
        g_ptr_array_add (ids, (gpointer) groups[g][0]);
        g_ptr_array_add (ids, (gpointer) groups[g][1]);
      }
  if (ids->len == 0)
    {
      g_ptr_array_add (ids, (gpointer) (g_strcmp0 (b->report->edition_id, "wt2013") == 0
                                          ? "single_assessments" : "initial_assessments"));
    }
  g_ptr_array_add (ids, NULL);
  add_figure_table (b, (const char * const *) ids->pdata);
  add_trend_chart (b, CAIRN_CHART_LINE, _("Timeliness"), _("% within timescale"), trend, NULL,
                   _("Assessments, initial conferences and reviews within their timescales (%)"));
}

static void
add_context (Build *b)
{
  static const char *const population[] = { "child_population", NULL };
  static const char *const referrals[] = { "contacts", "contacts_rate", "referrals", "referrals_rate",
                                           "re_referrals", "re_referrals_share", NULL };
  static const char *const enquiries[] = { "s47_enquiries", "icpcs", "icpc_within_share", NULL };
  static const char *const plans[] = { "plans_started", "plans_second", "plans_second_share",
                                       "plans_ended", "plans_two_years", "plans_two_years_share",
                                       "children_on_plans", "children_on_plans_rate", "reviews_due",
                                       "reviews_on_time_share", NULL };
  static const char *const seen[] = { "children_seen", "children_seen_alone", "seen_alone_share", NULL };
  static const char *const trend_referrals[] = { "contacts", "referrals", NULL };
  static const char *const trend_rates[] = { "referrals_rate", "children_on_plans_rate", NULL };
  static const char *const trend_plans[] = { "plans_started", "plans_ended", "children_on_plans", NULL };
  static const char *const trend_plans_names[] = { N_("Started"), N_("Ended"), N_("At 31 March"), NULL };

  cairn_document_add_heading (b->doc, 2, _("Children in the area"));
  add_figure_table (b, population);
  if ((b->before != NULL && b->before->population_is_board_figure) || b->now->population_is_board_figure)
    {
      g_autofree char *which = b->now->population_is_board_figure && b->before != NULL &&
                                   b->before->population_is_board_figure
                                 ? g_strdup_printf (_("%s and %s"), b->before_label, b->now_label)
                                 : g_strdup (b->now->population_is_board_figure ? b->now_label : b->before_label);
      g_autofree char *note = g_strdup_printf (_("No child population is recorded for %s: the table "
                                                 "uses the Board's current figure."), which);
      add_small (b->doc, note);
    }

  cairn_document_add_heading (b->doc, 2, _("Contacts and referrals"));
  add_figure_table (b, referrals);
  add_trend_chart (b, CAIRN_CHART_BAR, _("Contacts and referrals"), _("Number"), trend_referrals, NULL,
                   _("Contacts and referrals received by children's social care"));
  add_source_table (b, _("Referrals"), G_STRUCT_OFFSET (CairnAnnualYear, referrals_by_source), FALSE);
  if (b->now->contacts >= 0)
    add_source_table (b, _("Contacts"), G_STRUCT_OFFSET (CairnAnnualYear, contacts_by_source), TRUE);
  add_trend_chart (b, CAIRN_CHART_LINE, _("Rates per 10,000 children"), _("Per 10,000 children"),
                   trend_rates, NULL, _("Referrals, and children on a plan at 31 March, per 10,000 children"));

  cairn_document_add_heading (b->doc, 2, _("Assessments"));
  add_assessments (b);

  cairn_document_add_heading (b->doc, 2, _("Section 47 enquiries and initial conferences"));
  add_figure_table (b, enquiries);

  cairn_document_add_heading (b->doc, 2, _("Child protection plans"));
  add_figure_table (b, plans);
  add_category_table (b);
  add_small (b->doc, _("A plan with more than one category, and a child with plans of different "
                       "categories, count once as multiple. Multiple, unspecified: plans received "
                       "as multiple without their categories (census code MUL)."));
  add_trend_chart (b, CAIRN_CHART_BAR, _("Child protection plans"), _("Number"), trend_plans,
                   trend_plans_names, _("Child protection plans started and ended in the year, and children on a plan at 31 March"));
  add_category_chart (b);

  cairn_document_add_heading (b->doc, 2, _("Children seen alone"));
  add_figure_table (b, seen);
}

static void
add_key_figures (Build *b)
{
  static const char *const candidates[] = {
    "referrals", "referrals_rate", "re_referrals_share", "initial_within_share", "core_within_share",
    "single_within_share", "icpc_within_share", "children_on_plans", "children_on_plans_rate",
    "plans_second_share", "reviews_on_time_share", "seen_alone_share", NULL
  };
  g_autoptr (GPtrArray) ids = figures_present (b, candidates);

  cairn_document_add_heading (b->doc, 2, _("Key figures"));
  add_figure_table (b, (const char * const *) ids->pdata);
  add_small (b->doc, _("How each figure is counted is set out in the glossary."));
}

static char *
date_text (const GDate *date)
{
  return cairn_date_is_set (date) ? cairn_date_to_display (date) : g_strdup (_("not yet"));
}

static void
add_recipients (Build *b)
{
  CairnAnnualReport *r = b->report;
  static const double widths[] = { 1.6, 1.6, 1.0 };
  const char *header[] = { _("Recipient"), _("Name"), _("Sent on"), NULL };
  g_autofree char *first = NULL, *last = NULL, *intro = NULL;
  CairnTable *table;
  GDate d1, d2;

  cairn_year_bounds (r->year, &d1, &d2);
  first = cairn_date_to_display (&d1);
  last = cairn_date_to_display (&d2);
  intro = g_strdup_printf (
    _("This is the annual report of %s for the year from %s to %s, on the effectiveness of "
      "safeguarding and promoting the welfare of children in its area. The Chair publishes it "
      "(Children Act 2004, section 14A). It follows %s, the guidance in force at the end of the "
      "year, and goes to:"),
    r->board_name ? r->board_name : _("the Board"), first, last, r->edition_title);
  cairn_document_add_text (b->doc, intro);
  table = cairn_document_add_table (b->doc, 3, widths, 1);
  cairn_table_add_row (table, header);
  for (guint i = 0; i < r->n_recipients; i++)
    {
      const CairnRecipientRecord *rec = NULL;
      g_autofree char *when = NULL;

      for (guint k = 0; k < r->recorded_recipients->len; k++)
        {
          const CairnRecipientRecord *x = g_ptr_array_index (r->recorded_recipients, k);
          if (x->recipient == r->recipients[i])
            rec = x;
        }
      when = rec ? date_text (&rec->sent_on) : g_strdup (_("not yet"));
      {
        const char *row[] = { cairn_recipient_label (r->recipients[i]),
                              rec && !cairn_str_empty (rec->name) ? rec->name : NOT_KNOWN, when, NULL };
        cairn_table_add_row (table, row);
      }
    }
  {
    g_autofree char *years = NULL;
    g_autofree char *from = year_label (r->first_year);
    g_autofree char *to = year_label (r->year);
    g_autofree char *today = cairn_date_to_display (&r->today);

    years = r->first_year < r->year
              ? g_strdup_printf (_("The figures are drawn from the Board's records as they stood on %s. "
                                   "Tables show the year beside the year before; charts show the "
                                   "years from %s to %s. A year runs from 1 April to 31 March, both "
                                   "days included. The glossary says how each figure is counted; "
                                   "“—” means not recorded or not applicable."),
                                 today, from, to)
              : g_strdup_printf (_("The figures are drawn from the Board's records as they stood on %s. "
                                   "A year runs from 1 April to 31 March, both days included. The "
                                   "glossary says how each figure is counted; “—” means not recorded "
                                   "or not applicable."),
                                 today);
    cairn_document_add_text (b->doc, years);
  }
}

static void
add_meetings_summary (Build *b)
{
  static const char *const ids[] = { "board_meetings", NULL };
  CairnAnnualReport *r = b->report;
  int members = 0, attended = 0, possible = 0;

  add_figure_table (b, ids);
  for (guint i = 0; i < r->members->len; i++)
    {
      CairnAnnualMember *m = g_ptr_array_index (r->members, i);
      members++;
      attended += m->attended;
      possible += m->meetings;
    }
  if (possible > 0)
    {
      g_autofree char *share = format_decimal (100.0 * attended / possible);
      g_autofree char *text = g_strdup_printf (
        _("%d members served on the Board during the year. Together they attended %d of the %d "
          "meetings they could have attended (%s%%). Membership and attendance are set out in the "
          "appendix."),
        members, attended, possible, share);
      cairn_document_add_text (b->doc, text);
    }
}

static void
add_training (Build *b)
{
  static const char *const ids[] = { "training_courses", "training_sessions", "training_attendees", NULL };
  static const double widths[] = { 3.0, 1.2, 0.8, 0.8 };
  const char *header[] = { _("Course"), _("Kind"), _("Sessions"), _("Attendees"), NULL };
  CairnAnnualReport *r = b->report;
  CairnTable *table;

  add_figure_table (b, ids);
  if (r->courses->len == 0)
    return;
  table = cairn_document_add_table (b->doc, 4, widths, 1);
  cairn_table_add_row (table, header);
  for (guint i = 0; i < r->courses->len; i++)
    {
      CairnTrainingCourse *c = g_ptr_array_index (r->courses, i);
      g_autofree char *s = g_strdup_printf ("%d", c->sessions);
      g_autofree char *a = group_digits (c->attendees);
      const char *row[] = { c->title, c->multi_agency ? _("Inter-agency") : _("Single agency"), s, a, NULL };
      cairn_table_add_row (table, row);
    }
}

static void
add_priorities (Build *b)
{
  CairnAnnualReport *r = b->report;

  if (r->priorities->len == 0)
    {
      add_small (b->doc, _("The Board has recorded no priority issues for this year."));
      return;
    }
  for (guint i = 0; i < r->priorities->len; i++)
    {
      CairnPriorityIssue *p = g_ptr_array_index (r->priorities, i);
      g_autofree char *title = g_strdup_printf ("%d. %s", p->position, p->title);

      cairn_document_add_heading (b->doc, 3, title);
      if (cairn_str_empty (p->progress))
        add_small (b->doc, _("No progress has been recorded for this priority."));
      else
        cairn_document_add_text (b->doc, p->progress);
    }
}

static const char *
status_label (const char *status)
{
  const char *label = cairn_codes_label (CAIRN_CODES_SCR_ACTION_STATUS, status);

  return label ? label : status ? status : "";
}

static char *
state_text (const CairnAnnualScrAction *a)
{
  if (a->state == CAIRN_ANNUAL_ACTION_OVERDUE)
    return g_strdup_printf (_("%s, overdue"), status_label (a->status));
  return g_strdup (status_label (a->status));
}

static char *
month_year (const GDate *date)
{
  g_autofree char *full = NULL;
  const char *space;

  if (!cairn_date_is_set (date))
    return g_strdup ("");
  full = cairn_date_to_display (date);
  space = strchr (full, ' ');
  return g_strdup (space ? space + 1 : full);
}

static void
add_scr_group (Build               *b,
               CairnAnnualScrGroup  group)
{
  CairnAnnualReport *r = b->report;
  /* Responsible wide enough for "Superintendent," on one line. */
  static const double widths[] = { 1.2, 2.5, 1.5, 1.0, 1.1, 1.5 };
  static const double widths_start[] = { 1.2, 2.0, 1.5, 1.0, 1.0, 1.0, 1.3 };
  g_autofree char *status_head = g_strdup_printf (_("Status at 31 March %d"), r->year + 1);
  g_autofree char *start_head = g_strdup_printf (_("At 1 April %d"), r->year);
  const char *header[] = { _("Review"), _("Action"), _("Responsible"), _("Due"), status_head,
                           _("Progress"), NULL };
  const char *header_start[] = { _("Review"), _("Action"), _("Responsible"), _("Due"), start_head,
                                 status_head, _("Progress"), NULL };
  CairnTable *table = NULL;
  gboolean with_start = group == CAIRN_ANNUAL_SCR_EARLIER;
  guint n = 0;

  for (guint i = 0; i < r->scr_actions->len; i++)
    {
      CairnAnnualScrAction *a = g_ptr_array_index (r->scr_actions, i);
      g_autofree char *review = NULL, *due = NULL, *state = NULL, *action = NULL;

      if (a->group != group)
        continue;
      if (table == NULL)
        {
          table = with_start ? cairn_document_add_table (b->doc, 7, widths_start, 1)
                             : cairn_document_add_table (b->doc, 6, widths, 1);
          cairn_table_add_row (table, with_start ? header_start : header);
        }
      n++;
      review = g_strdup_printf ("SCR-%04d-%02d%s%s", a->scr_year, a->scr_number,
                                cairn_str_empty (a->scr_title) ? "" : "\n", a->scr_title ? a->scr_title : "");
      if (a->action_id == 0)
        {
          const char *row[] = { review, _("No action recorded by 31 March"), "", "", "", "", "", NULL };
          if (!with_start)
            row[6] = NULL;
          cairn_table_add_row (table, row);
          continue;
        }
      due = month_year (&a->due_on);
      state = state_text (a);
      action = r->scr_text_withheld ? g_strdup_printf (_("Recommendation %d: action withheld"), a->recommendation)
                                    : g_strdup_printf ("%d. %s", a->recommendation, a->action ? a->action : "");
      if (with_start)
        {
          const char *row[] = { review, action, a->responsible ? a->responsible : "", due,
                                status_label (a->start_status), state, a->progress ? a->progress : "", NULL };
          cairn_table_add_row (table, row);
        }
      else
        {
          const char *row[] = { review, action, a->responsible ? a->responsible : "", due, state,
                                a->progress ? a->progress : "", NULL };
          cairn_table_add_row (table, row);
        }
    }
  if (n == 0)
    {
      const char *none = group == CAIRN_ANNUAL_SCR_COMPLETED
                           ? _("No serious case review was completed during the year.")
                         : group == CAIRN_ANNUAL_SCR_EARLIER
                           ? _("No action of a serious case review of an earlier year was outstanding at the start of the year.")
                           : _("No serious case review was under way at the end of the year.");
      add_small (b->doc, none);
    }
  else if (r->scr_text_withheld)
    add_small (b->doc, _("The text of the actions is shown only to those who may read the reviews."));
}

static void
add_scr_figures (Build *b)
{
  static const char *const ids[] = { "scrs_considered", "scrs_started", "scrs_completed",
                                     "scrs_completed_within_share", "scr_actions_complete",
                                     "scr_actions_in_progress", "scr_actions_not_started",
                                     "scr_actions_overdue", NULL };
  add_figure_table (b, ids);
}

static void
add_money_tables (Build    *b,
                  gboolean  contributions,
                  gboolean  spending)
{
  CairnAnnualReport *r = b->report;
  static const double widths[] = { 2.6, 1.0, 1.6 };

  if (contributions)
    {
      static const char *const ids[] = { "contributions", NULL };
      gint64 total = 0;

      add_figure_table (b, ids);
      if (r->contributions->len > 0)
        {
          const char *header[] = { _("Partner agency"), _("Contribution"), _("Share of the total"), NULL };
          CairnTable *table = cairn_document_add_table (b->doc, 3, widths, 1);

          cairn_table_add_row (table, header);
          for (guint i = 0; i < r->contributions->len; i++)
            total += ((CairnContribution *) g_ptr_array_index (r->contributions, i))->amount_pence;
          for (guint i = 0; i < r->contributions->len; i++)
            {
              CairnContribution *c = g_ptr_array_index (r->contributions, i);
              g_autofree char *money = format_money (c->amount_pence);
              g_autofree char *share = total > 0 ? format_decimal (100.0 * c->amount_pence / total) : g_strdup ("0.0");
              g_autofree char *pct = g_strdup_printf ("%s%%", share);
              g_autofree char *name = cairn_str_empty (c->in_kind)
                                        ? g_strdup (c->agency_name)
                                        : g_strdup_printf (_("%s (also in kind: %s)"), c->agency_name, c->in_kind);
              const char *row[] = { name, money, pct, NULL };
              cairn_table_add_row (table, row);
            }
        }
      else
        add_small (b->doc, _("No contributions have been recorded for this year."));
    }
  if (spending)
    {
      static const char *const ids[] = { "spending", NULL };

      add_figure_table (b, ids);
      if (r->spending->len > 0)
        {
          const char *header[] = { _("Spent on"), _("Amount"), _("Notes"), NULL };
          CairnTable *table = cairn_document_add_table (b->doc, 3, widths, 1);

          cairn_table_add_row (table, header);
          for (guint i = 0; i < r->spending->len; i++)
            {
              CairnSpending *s = g_ptr_array_index (r->spending, i);
              g_autofree char *money = format_money (s->amount_pence);
              const char *row[] = { cairn_spending_category_label (s->category), money, s->notes, NULL };
              cairn_table_add_row (table, row);
            }
        }
      else
        add_small (b->doc, _("No spending has been recorded for this year."));
    }
}

/* What each section shows besides its narrative. */
static void
add_section_figures (Build                    *b,
                     const CairnAnnualSection *s)
{
  if (strcmp (s->id, "recipients") == 0)
    add_recipients (b);
  else if (strcmp (s->id, "ar1") == 0)
    add_key_figures (b);
  else if (strcmp (s->id, "ar2") == 0)
    add_context (b);
  else if (strcmp (s->id, "ar5") == 0)
    add_meetings_summary (b);
  else if (strcmp (s->id, "ar6") == 0)
    {
      static const char *const ids[] = { "private_fostering_notifications",
                                         "private_fostering_arrangements", NULL };
      add_figure_table (b, ids);
    }
  else if (strcmp (s->id, "ar7") == 0)
    add_training (b);
  else if (strcmp (s->id, "ar8") == 0)
    {
      static const char *const ids[] = { "child_deaths_notified", "child_deaths_reviewed",
                                         "child_deaths_unexpected", "child_deaths_modifiable", NULL };
      add_figure_table (b, ids);
    }
  else if (strcmp (s->id, "ar9") == 0)
    add_priorities (b);
  else if (strcmp (s->id, "ar10") == 0)
    {
      add_scr_figures (b);
      add_scr_group (b, CAIRN_ANNUAL_SCR_COMPLETED);
    }
  else if (strcmp (s->id, "ar11") == 0)
    add_scr_group (b, CAIRN_ANNUAL_SCR_EARLIER);
  else if (strcmp (s->id, "ar12") == 0)
    add_scr_group (b, CAIRN_ANNUAL_SCR_IN_PROGRESS);
  else if (strcmp (s->id, "lessons") == 0)
    {
      static const char *const ids[] = { "scrs_completed", "child_deaths_reviewed",
                                         "child_deaths_modifiable", NULL };
      add_figure_table (b, ids);
    }
  else if (strcmp (s->id, "contributions") == 0)
    add_money_tables (b, TRUE, FALSE);
  else if (strcmp (s->id, "spending") == 0)
    add_money_tables (b, FALSE, TRUE);
  else if (strcmp (s->id, "budget") == 0)
    add_money_tables (b, TRUE, TRUE);
}

static void
add_section (Build                    *b,
             guint                     number,
             const CairnAnnualSection *s)
{
  g_autofree char *heading = g_strdup_printf ("%u. %s", number, _(s->title));
  g_autofree char *asks = g_strdup_printf (_("Required by %s: %s (%s)"), b->report->edition_title,
                                           _(s->asks), s->source);
  g_autofree char *extra = g_strdup_printf (_("Recommended: %s (%s)"), _(s->asks), s->source);
  const char *body = cairn_annual_report_get_narrative (b->report, s->id);
  CairnParagraph *p;

  cairn_document_add_heading (b->doc, 1, heading);
  p = cairn_document_add_styled_paragraph (b->doc, CAIRN_PARAGRAPH_SMALL);
  cairn_paragraph_add_run (p, CAIRN_RUN_ITALIC, strcmp (s->id, "budget") == 0 ? extra : asks);
  if (has_narrative (b->report, s->id))
    cairn_document_add_text (b->doc, body);
  else if (s->narrative_required)
    add_notice (b->doc, _("DRAFT: the Chair's assessment for this section has not been written. "
                          "The report cannot be published until it is."));
  add_section_figures (b, s);
}

static void
add_glossary (Build *b)
{
  cairn_document_add_heading (b->doc, 1, _("Glossary: how each figure is counted"));
  cairn_document_add_text (
    b->doc,
    _("Years run from 1 April to 31 March, both days included; a record falls in the year of its "
      "date. Working days are Monday to Friday less the bank holidays of England and Wales, "
      "substitute and one-off holidays included. A timescale of N working days from a day counts "
      "that day as day 0 and ends with the N-th working day after it (when it is not a working day, "
      "the first working day after it is day 1); something done on a weekend or holiday counts as "
      "done on the next working day. Each timescale is the one in force for the edition of the "
      "guidance in force when its clock started (Working Together 2010 from 1 April 2010, 2013 from "
      "15 April 2013), unless the Board chose otherwise, with any limit the Board set for itself "
      "from the date it set it."));
  for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      CairnParagraph *p;
      g_autofree char *label = NULL;

      if (!figures[i].in_glossary || figures[i].info.definition == NULL)
        continue;
      p = cairn_document_add_paragraph (b->doc);
      label = g_strdup_printf ("%s. ", _(figures[i].info.label));
      cairn_paragraph_add_run (p, CAIRN_RUN_BOLD, label);
      cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, _(figures[i].info.definition));
    }
}

static void
add_appendix (Build *b)
{
  CairnAnnualReport *r = b->report;
  static const double widths[] = { 1.5, 1.8, 1.5, 1.0 };
  const char *header[] = { _("Member"), _("Agency"), _("Role"), _("Meetings attended"), NULL };

  cairn_document_add_heading (b->doc, 1, _("Appendix: membership and attendance"));
  if (r->members->len == 0)
    add_small (b->doc, _("No board members are recorded for this year."));
  else
    {
      CairnTable *table = cairn_document_add_table (b->doc, 4, widths, 1);

      cairn_table_add_row (table, header);
      for (guint i = 0; i < r->members->len; i++)
        {
          CairnAnnualMember *m = g_ptr_array_index (r->members, i);
          g_autofree char *att = m->meetings == 0 ? g_strdup (NOT_KNOWN)
                                 : m->represented > 0
                                   ? g_strdup_printf (_("%d of %d (%d by written report)"), m->attended,
                                                      m->meetings, m->represented)
                                   : g_strdup_printf (_("%d of %d"), m->attended, m->meetings);
          g_autofree char *folded = g_utf8_casefold (m->role, -1);
          /* "Lay Member (lay member)" says it twice. */
          g_autofree char *role = m->lay_member && strstr (folded, "lay member") == NULL
                                    ? g_strdup_printf (_("%s (lay member)"), m->role)
                                    : g_strdup (m->role);
          const char *row[] = { m->name, m->agency, role, att, NULL };
          cairn_table_add_row (table, row);
        }
    }
  if (r->meetings->len > 0)
    {
      GString *s = g_string_new (_("Board meetings held in the year: "));
      for (guint i = 0; i < r->meetings->len; i++)
        {
          CairnAnnualMeeting *m = g_ptr_array_index (r->meetings, i);
          g_autofree char *when = cairn_date_to_display (&m->held_on);
          CairnRef ref = { .kind = CAIRN_REF_MEETING, .year = m->year, .number = m->number };
          g_autofree char *ref_text = cairn_ref_format (&ref);
          g_string_append_printf (s, "%s%s (%s, %d %s)", i ? "; " : "", ref_text, when, m->present,
                                  g_dngettext (GETTEXT_PACKAGE, "member present", "members present",
                                               m->present));
        }
      g_string_append_c (s, '.');
      cairn_document_add_text (b->doc, s->str);
      g_string_free (s, TRUE);
    }
}

/**
 * cairn_annual_report_build:
 *
 * Lays the report out as a document: title page, contents, the edition's
 * sections in order, the glossary and the appendix. A required section
 * without narrative carries a visible DRAFT notice, and the whole document
 * is then marked as a draft on every page.
 *
 * Returns: (transfer full)
 */
CairnDocument *
cairn_annual_report_build (CairnAnnualReport *report)
{
  g_autoptr (GPtrArray) missing = cairn_annual_report_list_missing (report);
  const char *board = report->board_name ? report->board_name : _("Local Safeguarding Children Board");
  g_autofree char *year = year_label (report->year);
  g_autofree char *title = g_strdup_printf (_("%s — Annual Report %s"), board, year);
  g_autofree char *heading = g_strdup_printf (_("Annual Report %s"), year);
  g_autofree char *subject = NULL, *keywords = NULL, *period = NULL, *edition_line = NULL;
  g_autofree char *footer = g_strdup_printf (_("Annual Report %s"), year);
  g_autofree char *draft_line = NULL, *marking = NULL;
  g_autoptr (GDateTime) created = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  CairnDocument *doc = cairn_document_new (title);
  Build b = { 0 };
  GDate d1, d2;

  cairn_year_bounds (report->year, &d1, &d2);
  {
    g_autofree char *a = cairn_date_to_display (&d1);
    g_autofree char *z = cairn_date_to_display (&d2);
    period = g_strdup_printf (_("%s to %s"), a, z);
  }
  subject = g_strdup_printf (_("Annual report on the effectiveness of safeguarding and promoting the "
                               "welfare of children, %s (Children Act 2004 s14A; %s)"),
                             year, report->edition_title);
  keywords = g_strdup_printf (_("LSCB annual report; %s; %s; safeguarding children; %s"), year,
                              report->edition_id, board);
  cairn_document_set_subtitle (doc, _("The effectiveness of safeguarding and promoting the welfare of children"));
  cairn_document_set_author (doc, board);
  cairn_document_set_subject (doc, subject);
  cairn_document_set_keywords (doc, keywords);
  cairn_document_set_header_text (doc, title);
  cairn_document_set_footer_text (doc, footer);
  created = g_date_time_new_utc (g_date_get_year (&report->today), g_date_get_month (&report->today),
                                 g_date_get_day (&report->today), 0, 0, 0);
  cairn_document_set_creation_date (doc, created);
  if (missing->len > 0)
    {
      marking = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "DRAFT — %u REQUIRED SECTION WITHOUT NARRATIVE — NOT FOR PUBLICATION",
                                              "DRAFT — %u REQUIRED SECTIONS WITHOUT NARRATIVE — NOT FOR PUBLICATION",
                                              missing->len),
                                 missing->len);
      cairn_document_set_protective_marking (doc, marking);
      draft_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Draft: %u required section has no narrative yet",
                                                 "Draft: %u required sections have no narrative yet",
                                                 missing->len),
                                    missing->len);
    }

  g_ptr_array_add (lines, (gpointer) board);
  g_ptr_array_add (lines, period);
  edition_line = g_strdup_printf (_("Published by the Chair under %s"), report->edition_title);
  g_ptr_array_add (lines, edition_line);
  if (draft_line != NULL)
    g_ptr_array_add (lines, draft_line);
  g_ptr_array_add (lines, NULL);
  cairn_document_add_title_page (doc, heading, (const char * const *) lines->pdata);
  cairn_document_add_contents (doc);

  b.report = report;
  b.doc = doc;
  b.now = cairn_annual_report_get_stats (report, report->year);
  b.before = cairn_annual_report_get_stats (report, report->year - 1);
  b.now_label = year_label (report->year);
  b.before_label = b.before ? year_label (report->year - 1) : NULL;
  for (guint i = 0; i < report->n_sections; i++)
    add_section (&b, i + 1, &report->sections[i]);
  add_glossary (&b);
  add_appendix (&b);
  g_free (b.now_label);
  g_free (b.before_label);
  return doc;
}

/* ---- CSV for analysts ------------------------------------------------------- */

static void
csv_field (GString    *s,
           const char *value)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\n\r") == NULL)
    g_string_append (s, value);
  else
    {
      g_string_append_c (s, '"');
      for (const char *c = value; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (s, '"');
          g_string_append_c (s, *c);
        }
      g_string_append_c (s, '"');
    }
}

static void
csv_row (GString            *s,
         const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      csv_field (s, fields[i]);
    }
  g_string_append (s, "\r\n");
}

/* Plain numbers for analysts: counts as integers, shares and rates to one
 * decimal, money in pounds and pence; empty when not known. */
static char *
csv_value (const Figure *f,
           double        value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (f->kind)
    {
    case FIG_SHARE:
    case FIG_RATE:
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", value));
    case FIG_MONEY:
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", value / 100.0));
    case FIG_COUNT:
    case FIG_ENTERED:
    case FIG_POPULATION:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
    }
}

static char *
figures_csv (CairnAnnualReport *report)
{
  GString *s = g_string_new (NULL);
  const char *header[] = { "year", "figure", "breakdown", "value", "label", NULL };

  csv_row (s, header);
  for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
    for (int y = report->first_year; y <= report->year; y++)
      {
        const CairnAnnualYear *stats = cairn_annual_report_get_stats (report, y);
        g_autofree char *ylabel = year_label (y);
        g_autofree char *value = NULL;
        double v;

        if (figure_value (&figures[i], stats, &v))
          value = csv_value (&figures[i], v);
        {
          const char *row[] = { ylabel, figures[i].info.id, "", value ? value : "", _(figures[i].info.label), NULL };
          csv_row (s, row);
        }
      }
  for (int pass = 0; pass < 2; pass++)
    for (int y = report->first_year; y <= report->year; y++)
      {
        const CairnAnnualYear *stats = cairn_annual_report_get_stats (report, y);
        GPtrArray *list = pass == 0 ? stats->referrals_by_source : stats->contacts_by_source;
        g_autofree char *ylabel = year_label (y);

        for (guint k = 0; k < list->len; k++)
          {
            CairnAnnualSourceCount *c = g_ptr_array_index (list, k);
            g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, c->count);
            const char *row[] = { ylabel, pass == 0 ? "referrals_by_source" : "contacts_by_source",
                                  c->code, n, source_label (c->code), NULL };
            csv_row (s, row);
          }
      }
  return g_string_free (s, FALSE);
}

static const char *
group_id (CairnAnnualScrGroup group)
{
  switch (group)
    {
    case CAIRN_ANNUAL_SCR_COMPLETED:
      return "AR10";
    case CAIRN_ANNUAL_SCR_EARLIER:
      return "AR11";
    case CAIRN_ANNUAL_SCR_IN_PROGRESS:
    case CAIRN_ANNUAL_N_SCR_GROUPS:
    default:
      return "AR12";
    }
}

static char *
actions_csv (CairnAnnualReport *report)
{
  static const char *const states[] = { "complete", "in_progress", "not_started", "overdue" };
  GString *s = g_string_new (NULL);
  const char *header[] = { "group", "review", "recommendation", "action", "responsible", "due",
                           "status_at_start", "status_at_31_march", "state", "progress", NULL };

  csv_row (s, header);
  for (guint i = 0; i < report->scr_actions->len; i++)
    {
      CairnAnnualScrAction *a = g_ptr_array_index (report->scr_actions, i);
      g_autofree char *review = g_strdup_printf ("SCR-%04d-%02d", a->scr_year, a->scr_number);
      g_autofree char *rec = a->action_id ? g_strdup_printf ("%d", a->recommendation) : g_strdup ("");
      g_autofree char *due = cairn_date_is_set (&a->due_on) ? cairn_date_to_string (&a->due_on) : g_strdup ("");
      const char *row[] = { group_id (a->group), review, rec, a->action, a->responsible, due,
                            a->start_status, a->action_id ? a->status : "",
                            a->action_id ? states[a->state] : "", a->progress, NULL };
      csv_row (s, row);
    }
  return g_string_free (s, FALSE);
}

/**
 * cairn_annual_report_write_csv:
 * @dir: a folder, created when missing
 *
 * Writes the figures for analysts: annual-YYYY-YY-figures.csv (one row per
 * figure and year, with the referrals and contacts by source) and
 * annual-YYYY-YY-scr-actions.csv (AR10–AR12). RFC 4180, UTF-8.
 */
gboolean
cairn_annual_report_write_csv (CairnAnnualReport  *report,
                               const char         *dir,
                               GError            **error)
{
  g_autofree char *year = year_label (report->year);
  g_autofree char *figures_name = g_strdup_printf ("annual-%s-figures.csv", year);
  g_autofree char *actions_name = g_strdup_printf ("annual-%s-scr-actions.csv", year);
  g_autofree char *figures_path = g_build_filename (dir, figures_name, NULL);
  g_autofree char *actions_path = g_build_filename (dir, actions_name, NULL);
  g_autofree char *a = figures_csv (report);
  g_autofree char *c = actions_csv (report);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  if (!g_file_set_contents_full (figures_path, a, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) ||
      !g_file_set_contents_full (actions_path, c, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      if (error != NULL && *error != NULL && (*error)->domain != CAIRN_ERROR)
        {
          GError *e = *error;
          *error = g_error_new (CAIRN_ERROR, CAIRN_ERROR_IO, "%s", e->message);
          g_error_free (e);
        }
      return FALSE;
    }
  return TRUE;
}

/* ---- Export ------------------------------------------------------------------ */

void
cairn_annual_export_clear (CairnAnnualExport *result)
{
  g_clear_pointer (&result->missing, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}

/**
 * cairn_annual_report_export:
 * @csv_dir: (nullable): also write the figures as CSV into this folder
 *
 * Writes the report as PDF to @path (and the CSV files). A required
 * section without narrative does not stop the export: it is written as a
 * flagged draft and listed in @result->missing.
 */
gboolean
cairn_annual_report_export (CairnAnnualReport  *report,
                            const char         *path,
                            const char         *csv_dir,
                            CairnAnnualExport  *result,
                            GError            **error)
{
  g_autoptr (CairnDocument) doc = cairn_annual_report_build (report);

  memset (result, 0, sizeof *result);
  if (!cairn_document_write_pdf (doc, path, &result->n_pages, error))
    return FALSE;
  if (csv_dir != NULL && !cairn_annual_report_write_csv (report, csv_dir, error))
    return FALSE;
  result->missing = cairn_annual_report_list_missing (report);
  return TRUE;
}
