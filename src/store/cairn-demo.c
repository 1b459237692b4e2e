/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-audit-store.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-demo-names.h"
#include "cairn-demo-store.h"
#include "cairn-demo.h"
#include "cairn-error.h"
#include "cairn-random.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"
#include "cairn-view-store.h"
#include "cairn-validate.h"

/* The demo board generator.
 *
 * It lives in src/store because it writes through the store (core may not
 * depend on the store), but it holds no SQL: every row goes through the
 * insert functions of cairn-demo-store.c. Randomness comes only from
 * CairnRandom seeded with --seed, and nothing reads the clock, so the same
 * options always give the same database.
 *
 * A family is planned first (children, adults, and each episode of need as
 * a skeleton of dates, possibly running past the "as of" date), then
 * written: only what had happened by the as-of date is recorded, so cases,
 * assessments, enquiries and plans that straddle it are open, and those
 * whose timescale has already passed are overdue.
 *
 * Working days here are Monday to Friday, less Christmas Day, Boxing Day
 * and New Year's Day (so that nobody visits on Christmas Day). That is an
 * approximation: the real calendar, with every England and Wales bank
 * holiday and substitute day, is in src/pathway, and the timers are
 * computed later from the recorded events.
 * So that a bank holiday cannot turn a step the generator meant to be on
 * time into a late one, on-time steps keep a margin of 3 to 5 working days
 * below the limit; late steps exceed it by at least one weekday, which a
 * bank holiday only makes later. */

/* The as-of date is 31 March of the year the range ends (the census
 * reference date). Cases open up to this many days before the first year. */
#define LEAD_IN_DAYS 182

#define MAX_KIDS 6
#define MAX_EPISODES 4
#define MAX_REVIEWS 16
#define MAX_CORE_GROUPS 64
#define MAX_ORDERS 4
#define MAX_FACTORS 6

/* Pathway levels: how far an episode goes. */
typedef enum
{
  LEVEL_NFA,          /* no further action at referral */
  LEVEL_ASSESSED,     /* assessment, then closed (RC8/RC9) */
  LEVEL_CIN,          /* assessment, then child in need services */
  LEVEL_STRATEGY,     /* strategy discussion, no section 47 */
  LEVEL_S47,          /* section 47 enquiries, no conference needed */
  LEVEL_ICPC,         /* conference, no plan */
  LEVEL_PLAN,         /* conference and a child protection plan */
  N_LEVELS
} Level;

/* The national picture, roughly (DfE, Characteristics of children in need,
 * 2010-11 to 2013-14): about one referral in ten ends without action, most
 * end at or after assessment, about one in five leads to section 47
 * enquiries, fewer than one in ten to a conference and a plan. Per mille. */
static const guint level_weights[N_LEVELS] = { 90, 420, 250, 20, 120, 15, 85 };
/* After a plan, a re-referral is far more likely to end in another one. */
static const guint level_weights_after_plan[N_LEVELS] = { 40, 200, 200, 20, 150, 40, 350 };

/* Category of the plan: neglect > emotional > physical > sexual, with about
 * one in ten multiple. */
static const char *const categories[] = { "NEG", "EMO", "PHY", "SAB", "MUL" };
static const guint category_weights[] = { 45, 28, 12, 5, 10 };

typedef struct
{
  gint64 id;
  gint64 agency_id;
  const char *role;
  const char *team;
  char name[2 * CAIRN_DEMO_NAME_MAX];
} Staff;

typedef struct
{
  gint64 agency_id;
  char name[2 * CAIRN_DEMO_NAME_MAX];
  Staff *staff;  /* designated safeguarding lead, or the GP */
  gboolean secondary;
} Place;

typedef struct
{
  const char *kind;
  CairnDemoDay start;
  int start_minute;
  CairnDemoDay end;
  int end_minute;
  const char *court;
} Order;

typedef struct
{
  Level level;
  gboolean wt2013;
  gboolean transfer_in;
  gboolean immediate;
  const char *category;           /* the concern behind the episode (levels ≥ strategy) */

  CairnDemoDay referral;
  int referral_minute;
  CairnDemoDay decided;
  int decided_minute;
  const char *decision_late;
  CairnDemoDay acknowledged;      /* receipt acknowledged to the referrer */
  int acknowledged_minute;
  const char *acknowledged_late;
  const char *decision;
  const char *channel;
  const char *source_code;
  gint64 source_agency;
  char referrer[2 * CAIRN_DEMO_NAME_MAX];
  const char *need;
  const char *concern;

  Staff *duty;
  Staff *lead;
  Staff *manager;
  Staff *chair;
  Staff *police;

  const char *a1_kind;            /* "initial" or "single" */
  CairnDemoDay a1_start, a1_end;
  const char *a1_late;
  CairnDemoDay core_start, core_end;
  const char *core_late;
  const char *factors[MAX_FACTORS];
  int n_factors;

  CairnDemoDay strategy;
  int strategy_minute;
  const char *strategy_format;
  const char *s47_decision;
  gboolean criminal;
  CairnDemoDay s47_start, s47_end, icpc_target;
  CairnDemoDay icpc;
  int icpc_minute;
  const char *icpc_late;
  const char *s47_outcome;

  const char *initial_category;
  const char *initial_specific[3];
  int n_initial_specific;
  const char *latest_category;
  const char *latest_specific[3];
  int n_latest_specific;
  int category_change_review;     /* index of the review that changed it, -1 none */
  gboolean mul_unspecified;       /* received only as MUL (transfer-in) */
  CairnDemoDay plan_start, plan_end;
  const char *plan_end_reason;
  CairnDemoDay reviews[MAX_REVIEWS];
  int review_minute[MAX_REVIEWS];
  const char *review_late[MAX_REVIEWS];
  int n_reviews;                  /* the last one may be after the as-of date */
  CairnDemoDay core_groups[MAX_CORE_GROUPS];
  int n_core_groups;
  const char *first_core_group_late;
  gboolean dissent;

  CairnDemoDay cin_start, cin_end;
  Order orders[MAX_ORDERS];
  int n_orders;
  CairnDemoDay care_order;        /* looked after from this day */

  CairnDemoDay closed;
  const char *closure_reason;
} Episode;

typedef struct
{
  gint64 id;
  gint64 number;
  char given[CAIRN_DEMO_NAME_MAX];
  char other_names[CAIRN_DEMO_NAME_MAX];
  char sex;
  CairnDemoDay dob;               /* may be after the as-of date: unborn then */
  CairnDemoDay death;
  CairnDemoDay turns18;
  Place *school;
  int plans;                      /* plans so far, including any before the demo */
  int cases;
  gint64 case_id;                 /* in the episode being written */
  gint64 plan_id;
  gboolean in_episode;
  const char *disabilities[3];
  int n_disabilities;
} Kid;

typedef struct
{
  gint64 id;
  char given[CAIRN_DEMO_NAME_MAX];
  char family[CAIRN_DEMO_NAME_MAX];
  char full[2 * CAIRN_DEMO_NAME_MAX];
  CairnDemoDay dob;
  gboolean present;
} Adult;

typedef struct
{
  int n;
  Kid kid[MAX_KIDS];
  CairnDemoNamePool pool;
  const char *ethnicity;
  const char *religion;
  const char *language;
  gboolean interpreter;
  char family_name[CAIRN_DEMO_NAME_MAX];
  char address[128];
  char postcode[16];
  Place *practice;
  Adult mother, father, partner, grandparent;
  gboolean father_lives_in, partner_risk;
  gboolean dv, substance, mental_health;
  gboolean transfer_in;
  int n_episodes;
  Episode ep[MAX_EPISODES];
  int scenario;                   /* a Scenario */
} Family;

/* Forced choices for the families behind the serious case reviews. */
typedef enum
{
  SCENARIO_NONE,
  SCENARIO_DEATH,       /* a baby on a plan, then a CIN plan, dies: SCR published */
  SCENARIO_EXPLOITED,   /* a 14-year-old on a plan is seriously harmed: SCR in progress */
  SCENARIO_INJURY,      /* a toddler with a serious injury: SCR being considered */
  N_SCENARIOS
} Scenario;

typedef struct
{
  gboolean done;
  gint64 child_id;
  char child_name[CAIRN_DEMO_NAME_MAX];
  char family_name[CAIRN_DEMO_NAME_MAX];
  char mother[2 * CAIRN_DEMO_NAME_MAX];
  char partner[2 * CAIRN_DEMO_NAME_MAX];
  gint64 mother_id, partner_id;
  char sex;
  CairnDemoDay dob, referral, icpc, plan_end, cin_start, incident, strategy;
  const char *category;
  const char *source_code;
  /* The review, once written. */
  char scr_ref[16];
  CairnDemoDay notified, decided, completed, published;
} ScenarioFacts;

typedef struct
{
  char name[2 * CAIRN_DEMO_NAME_MAX];
  const char *role;
  const char *agency;
  gint64 agency_id;
  gboolean lay;
  gboolean independent_chair;
  gboolean adviser;            /* in attendance, not a member */
  CairnDemoDay joined, left;
} Member;

typedef struct
{
  CairnDemoWriter *w;
  CairnRandom rng;
  const CairnDemoOptions *options;
  CairnDemoSummary *summary;

  CairnDemoDay lead_in, window_start, as_of, ia_ten_days_from, wt2013_from;

  gint64 ag_csc, ag_council, ag_education, ag_police, ag_pct, ag_ccg, ag_hospital, ag_community,
    ag_mental_health, ag_probation, ag_yos, ag_housing, ag_cafcass, ag_cvs, ag_college,
    ag_substance, ag_womens_aid;

  GArray *duty, *cp_workers, *cin_workers, *managers, *chairs, *police, *health_visitors,
    *school_nurses, *midwives, *paediatricians, *probation, *mental_health, *substance,
    *primaries, *secondaries, *practices;
  GHashTable *professional_names;
  GArray *members;
  const char *minute_takers[3];
  char minute_taker_names[3][2 * CAIRN_DEMO_NAME_MAX];

  gint64 next_child_number;
  guint64 nhs_index, nhs_offset;
  guint64 upn_index, upn_offset;

  /* Per quarter from the lead-in: what the board's performance reports quote. */
  int n_quarters;
  int base_quarter;
  gint64 *q_referrals, *q_plans, *q_icpcs, *q_icpcs_on_time;

  Scenario next_scenario;
  gint64 scenario_at[N_SCENARIOS];
  ScenarioFacts facts[N_SCENARIOS];
  Scenario scenario;              /* of the family being planned */
  int scr_numbers[64];

  /* The latest event written so far for the case being written. */
  gint64 last_case;
  CairnDemoDay last_day;
  int last_minute;
} Gen;

/* ------------------------------------------------------------------ */
/* Days                                                                */

static CairnDemoDay
day_ymd (int year,
         int month,
         int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
day_to_date (CairnDemoDay day,
             GDate       *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, day);
}

static int
year_of (CairnDemoDay day)
{
  GDate date;

  day_to_date (day, &date);
  return g_date_get_year (&date);
}

static int
month_of (CairnDemoDay day)
{
  GDate date;

  day_to_date (day, &date);
  return g_date_get_month (&date);
}

/* 0 Monday … 6 Sunday: Julian day 1, 1 January of year 1, was a Monday. */
static inline int
weekday (CairnDemoDay day)
{
  return (int) ((day - 1) % 7);
}

/* Not a working day for the generator: a weekend, 25 or 26 December or 1
 * January (see the top of the file). */
static gboolean
is_day_off (CairnDemoDay day)
{
  GDate date;
  int m, d;

  if (weekday (day) >= 5)
    return TRUE;
  day_to_date (day, &date);
  m = g_date_get_month (&date);
  d = g_date_get_day (&date);
  return (m == 12 && (d == 25 || d == 26)) || (m == 1 && d == 1);
}

static CairnDemoDay
weekday_on_or_after (CairnDemoDay day)
{
  while (is_day_off (day))
    day++;
  return day;
}

static CairnDemoDay
weekday_on_or_before (CairnDemoDay day)
{
  while (is_day_off (day))
    day--;
  return day;
}

/* @n working days after @day (day 0), weekdays only (see the top of the file). */
static CairnDemoDay
add_wd (CairnDemoDay day,
        int          n)
{
  while (n > 0)
    {
      day++;
      if (!is_day_off (day))
        n--;
    }
  return day;
}

/* Weekdays after @from up to and including @to. */
static int
wd_between (CairnDemoDay from,
            CairnDemoDay to)
{
  int n = 0;

  for (CairnDemoDay d = from + 1; d <= to; d++)
    if (!is_day_off (d))
      n++;
  return n;
}

/* Calendar months, clamped to the end of a shorter month. */
static CairnDemoDay
add_months (CairnDemoDay day,
            int          months)
{
  GDate date;

  day_to_date (day, &date);
  if (months >= 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  return g_date_get_julian (&date);
}

static CairnDemoDay
add_years (CairnDemoDay day,
           int          years)
{
  GDate date;

  day_to_date (day, &date);
  g_date_add_years (&date, years);
  return g_date_get_julian (&date);
}

static int
age_on (CairnDemoDay birth,
        CairnDemoDay on)
{
  GDate b, o;

  day_to_date (birth, &b);
  day_to_date (on, &o);
  return cairn_date_age_years (&b, &o);
}

static void
format_display (CairnDemoDay day,
                char        *buf,
                gsize        size)
{
  GDate date;
  g_autofree char *text = NULL;

  day_to_date (day, &date);
  text = cairn_date_to_display (&date);
  g_strlcpy (buf, text, size);
}

static void
format_iso (CairnDemoDay day,
            char         buf[11])
{
  GDate date;

  day_to_date (day, &date);
  cairn_date_format_into (&date, buf);
}

/* ------------------------------------------------------------------ */
/* Random choices                                                      */

/* Functions, not MIN/MAX: their arguments often draw a random number,
 * which the macros would evaluate twice. */
static inline int
imin (int a,
      int b)
{
  return a < b ? a : b;
}

static inline int
imax (int a,
      int b)
{
  return a > b ? a : b;
}

static inline CairnDemoDay
dmin (CairnDemoDay a,
      CairnDemoDay b)
{
  return a < b ? a : b;
}

static inline CairnDemoDay
dmax (CairnDemoDay a,
      CairnDemoDay b)
{
  return a > b ? a : b;
}

static inline int
rnd (Gen *g,
     int  lo,
     int  hi)
{
  return cairn_random_range (&g->rng, lo, hi);
}

static inline gboolean
chance (Gen   *g,
        double p)
{
  return cairn_random_chance (&g->rng, p);
}

#define PICK(g, array) CAIRN_DEMO_PICK (&(g)->rng, array)
#define WEIGHTED(g, weights) cairn_random_weighted (&(g)->rng, weights, G_N_ELEMENTS (weights))

static Staff *
pick_staff (Gen    *g,
            GArray *list)
{
  return &g_array_index (list, Staff, cairn_random_below (&g->rng, list->len));
}

static Place *
pick_place (Gen    *g,
            GArray *list)
{
  return &g_array_index (list, Place, cairn_random_below (&g->rng, list->len));
}

/* Office hours, 09:00 to 16:55. */
static int
office_minute (Gen *g)
{
  return 9 * 60 + 5 * rnd (g, 0, 95);
}

/* A time on @day after @ref_minute when @day is @ref_day (the same day's
 * earlier step), else in office hours. */
static int
minute_after (Gen         *g,
              CairnDemoDay day,
              CairnDemoDay ref_day,
              int          ref_minute)
{
  int m = office_minute (g);

  if (day == ref_day && ref_minute != CAIRN_NO_TIME && m <= ref_minute)
    m = imin (ref_minute + 5 * rnd (g, 1, 12), 23 * 60 + 55);
  return m;
}

static int
conference_minute (Gen *g)
{
  static const int minutes[] = { 9 * 60 + 30, 10 * 60, 11 * 60, 13 * 60 + 30, 14 * 60 };

  return minutes[cairn_random_below (&g->rng, G_N_ELEMENTS (minutes))];
}

static gboolean
happened (Gen         *g,
          CairnDemoDay day)
{
  return day != 0 && day <= g->as_of;
}

static void
quarter_count (Gen         *g,
               gint64      *counts,
               CairnDemoDay day)
{
  int q = (year_of (day) * 12 + month_of (day) - 1) / 3 - g->base_quarter;

  if (q >= 0 && q < g->n_quarters)
    counts[q]++;
}

/* ------------------------------------------------------------------ */
/* The board, its agencies and staff                                   */

static CairnDemoNamePool
pick_pool (Gen *g)
{
  static const guint weights[CAIRN_DEMO_N_NAME_POOLS] = { 82, 11, 7 };

  return (CairnDemoNamePool) WEIGHTED (g, weights);
}

/* A made-up name, unique within the agency (professionals are matched on
 * name and agency). */
static void
unique_professional_name (Gen        *g,
                          gint64      agency_id,
                          char        sex,
                          char        buf[2 * CAIRN_DEMO_NAME_MAX])
{
  for (int attempt = 0;; attempt++)
    {
      char family[CAIRN_DEMO_NAME_MAX];
      const char *given = cairn_demo_given_name (&g->rng, pick_pool (g), sex);
      char *key;

      cairn_demo_family_name (&g->rng, family);
      if (attempt < 8)
        g_snprintf (buf, 2 * CAIRN_DEMO_NAME_MAX, "%s %s", given, family);
      else
        g_snprintf (buf, 2 * CAIRN_DEMO_NAME_MAX, "%s %c %s", given, 'A' + rnd (g, 0, 25), family);
      key = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s", agency_id, buf);
      if (!g_hash_table_contains (g->professional_names, key))
        {
          g_hash_table_add (g->professional_names, key);
          return;
        }
      g_free (key);
    }
}

static void
make_staff (Gen        *g,
            Staff      *s,
            gint64      agency_id,
            const char *role,
            const char *team,
            gboolean    social_worker,
            double      p_female)
{
  CairnDemoProfessional r = { 0 };

  s->agency_id = agency_id;
  s->role = role;
  s->team = team;
  unique_professional_name (g, agency_id, chance (g, p_female) ? 'F' : 'M', s->name);
  r.name = s->name;
  r.role = role;
  r.agency_id = agency_id;
  r.team = team;
  r.qualified_social_worker = social_worker;
  s->id = cairn_demo_add_professional (g->w, &r);
}

static GArray *
staff_list (Gen        *g,
            guint       n,
            gint64      agency_id,
            const char *role,
            const char *const *teams,
            guint       n_teams,
            gboolean    social_worker,
            double      p_female)
{
  GArray *list = g_array_sized_new (FALSE, TRUE, sizeof (Staff), n);

  g_array_set_size (list, n);
  for (guint i = 0; i < n; i++)
    make_staff (g, &g_array_index (list, Staff, i), agency_id, role,
                n_teams ? teams[i % n_teams] : "", social_worker, p_female);
  return list;
}

static guint
scaled (const Gen *g,
        guint      per,
        guint      minimum)
{
  return MAX (minimum, g->options->n_children / per);
}

/* Social work teams of about eight, each with its team manager. */
static GArray *
social_work_teams (Gen        *g,
                   guint       n_workers,
                   const char *team_stem,
                   const char *role)
{
  GArray *list = g_array_sized_new (FALSE, TRUE, sizeof (Staff), n_workers);
  guint n_teams = MAX (1, (n_workers + 7) / 8);

  g_array_set_size (list, n_workers);
  for (guint t = 0; t < n_teams; t++)
    {
      /* Team names are interned: Staff keeps a pointer to them. */
      g_autofree char *team = n_teams == 1 ? g_strdup (team_stem)
                                           : g_strdup_printf ("%s %u", team_stem, t + 1);
      const char *interned = g_intern_string (team);
      Staff manager = { 0 };

      make_staff (g, &manager, g->ag_csc, "Team Manager", interned, TRUE, 0.7);
      g_array_append_val (g->managers, manager);
      for (guint i = t * 8; i < MIN (n_workers, t * 8 + 8); i++)
        make_staff (g, &g_array_index (list, Staff, i), g->ag_csc, role, interned, TRUE, 0.8);
    }
  return list;
}

static GArray *
places (Gen        *g,
        guint       n,
        const char *code_prefix,
        const char *kind,
        const char *const *suffixes,
        guint       n_suffixes,
        const char *staff_role,
        guint       stem_offset,
        gboolean    secondary)
{
  GArray *list = g_array_sized_new (FALSE, TRUE, sizeof (Place), n);

  g_array_set_size (list, n);
  for (guint i = 0; i < n; i++)
    {
      Place *p = &g_array_index (list, Place, i);
      char stem[CAIRN_DEMO_NAME_MAX];
      char code[32];
      guint k = i * 7 + stem_offset;

      cairn_demo_place_stem_nth (k, stem);
      g_snprintf (p->name, sizeof p->name, "%s %s", stem,
                  suffixes[(k / cairn_demo_n_place_stems ()) % n_suffixes]);
      g_snprintf (code, sizeof code, "%s%04u", code_prefix, i + 1);
      p->agency_id = cairn_demo_add_agency (g->w, code, p->name, kind);
      p->secondary = secondary;
      p->staff = g_new0 (Staff, 1);
      make_staff (g, p->staff, p->agency_id, staff_role, "", FALSE, 0.7);
    }
  return list;
}

static void
free_places (GArray *list)
{
  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    g_free (g_array_index (list, Place, i).staff);
  g_array_unref (list);
}

static void
write_board_and_staff (Gen *g)
{
  static const char *const locality_teams[] = { "North", "South", "East", "West", "Central" };
  static const char *const primary_kinds[] = { "Primary School", "Infant and Junior School",
                                               "Primary Academy", "C of E Primary School" };
  static const char *const secondary_kinds[] = { "Academy", "High School", "Community College" };
  static const char *const practice_kinds[] = { "Medical Practice", "Surgery", "Health Centre" };
  static const char *const hv_teams[] = { "Health Visiting North", "Health Visiting South",
                                          "Health Visiting East", "Health Visiting West" };
  CairnDemoBoard board = { 0 };
  guint n = g->options->n_children;

  board.name = "Cairnside Local Safeguarding Children Board";
  board.area = "Cairnside";
  /* From the pseudo-LA range the census UPN rule accepts (cin-census.md §5.11). */
  board.la_code = "001";
  /* About five children in the area for every child on the records, so
   * rates per 10,000 children read like an English authority's. */
  board.child_population = MAX (1000, ((gint64) n * 5 + 50) / 100 * 100);
  board.conference_quorum = 3;
  cairn_demo_add_board (g->w, &board);

  g->ag_csc = cairn_demo_add_agency (g->w, "CSC", "Cairnside Children's Social Care", "social_care");
  g->ag_council = cairn_demo_add_agency (g->w, "CBC", "Cairnside Borough Council", "local_authority");
  g->ag_education = cairn_demo_add_agency (g->w, "EDU", "Cairnside Education Services", "education");
  g->ag_police = cairn_demo_add_agency (g->w, "POL", "Cairnshire Constabulary", "police");
  g->ag_pct = cairn_demo_add_agency (g->w, "PCT", "NHS Cairnside (Primary Care Trust)", "health_pct");
  g->ag_ccg = cairn_demo_add_agency (g->w, "CCG", "NHS Cairnside Clinical Commissioning Group",
                                     "health_ccg");
  g->ag_hospital = cairn_demo_add_agency (g->w, "HOSP", "Cairnside Hospitals NHS Foundation Trust",
                                          "nhs_trust");
  g->ag_community = cairn_demo_add_agency (g->w, "CHS", "Cairnside Community Health Services",
                                           "nhs_trust");
  g->ag_mental_health = cairn_demo_add_agency (g->w, "MHT",
                                               "Cairnshire Partnership NHS Foundation Trust",
                                               "adult_mental_health");
  g->ag_probation = cairn_demo_add_agency (g->w, "PROB", "Cairnshire Probation Trust", "probation");
  g->ag_yos = cairn_demo_add_agency (g->w, "YOS", "Cairnside Youth Offending Service", "yot");
  g->ag_housing = cairn_demo_add_agency (g->w, "HOUS", "Cairnside Homes", "housing");
  g->ag_cafcass = cairn_demo_add_agency (g->w, "CAFCASS", "Cafcass", "cafcass");
  g->ag_cvs = cairn_demo_add_agency (g->w, "CVS", "Cairnside Council for Voluntary Service",
                                     "voluntary");
  g->ag_college = cairn_demo_add_agency (g->w, "COLL", "Cairnside College", "education");
  g->ag_substance = cairn_demo_add_agency (g->w, "DAS", "Cairnside Drug and Alcohol Service",
                                           "adult_substance");
  g->ag_womens_aid = cairn_demo_add_agency (g->w, "WA", "Cairnside Women's Aid", "voluntary");

  g->managers = g_array_new (FALSE, TRUE, sizeof (Staff));
  g->duty = social_work_teams (g, scaled (g, 200, 6), "Referral and Assessment Team",
                               "Social Worker");
  g->cp_workers = social_work_teams (g, scaled (g, 100, 8), "Safeguarding Team",
                                     "Senior Social Worker");
  g->cin_workers = social_work_teams (g, scaled (g, 150, 6), "Children in Need Team",
                                      "Social Worker");
  g->chairs = staff_list (g, scaled (g, 600, 3), g->ag_csc, "Conference Chair",
                          (const char *const[]) { "Safeguarding and Quality Assurance Unit" }, 1,
                          TRUE, 0.6);
  g->police = staff_list (g, scaled (g, 150, 6), g->ag_police, "Detective Constable",
                          (const char *const[]) { "Child Abuse Investigation Unit" }, 1, FALSE,
                          0.45);
  g->health_visitors = staff_list (g, scaled (g, 150, 6), g->ag_community, "Health Visitor",
                                   hv_teams, G_N_ELEMENTS (hv_teams), FALSE, 0.95);
  g->school_nurses = staff_list (g, scaled (g, 300, 3), g->ag_community, "School Nurse",
                                 locality_teams, G_N_ELEMENTS (locality_teams), FALSE, 0.95);
  g->midwives = staff_list (g, scaled (g, 400, 3), g->ag_hospital, "Community Midwife",
                            (const char *const[]) { "Community Midwifery" }, 1, FALSE, 0.97);
  g->paediatricians = staff_list (g, scaled (g, 1000, 2), g->ag_hospital,
                                  "Consultant Paediatrician",
                                  (const char *const[]) { "Child Health" }, 1, FALSE, 0.55);
  g->probation = staff_list (g, scaled (g, 500, 2), g->ag_probation, "Probation Officer",
                             locality_teams, G_N_ELEMENTS (locality_teams), FALSE, 0.6);
  g->mental_health = staff_list (g, scaled (g, 500, 2), g->ag_mental_health,
                                 "Community Psychiatric Nurse",
                                 (const char *const[]) { "Adult Community Mental Health" }, 1,
                                 FALSE, 0.7);
  g->substance = staff_list (g, scaled (g, 600, 2), g->ag_substance, "Drug and Alcohol Worker",
                             (const char *const[]) { "Family Recovery Team" }, 1, FALSE, 0.6);

  g->primaries = places (g, scaled (g, 120, 6), "SCH", "school", primary_kinds,
                         G_N_ELEMENTS (primary_kinds), "Designated Safeguarding Lead", 0, FALSE);
  g->secondaries = places (g, scaled (g, 500, 3), "SEC", "school", secondary_kinds,
                           G_N_ELEMENTS (secondary_kinds), "Designated Safeguarding Lead", 3, TRUE);
  g->practices = places (g, scaled (g, 300, 4), "GP", "gp", practice_kinds,
                         G_N_ELEMENTS (practice_kinds), "General Practitioner", 5, FALSE);

  /* Business support staff who take conference and board minutes. */
  for (guint i = 0; i < G_N_ELEMENTS (g->minute_takers); i++)
    {
      char family[CAIRN_DEMO_NAME_MAX];

      cairn_demo_family_name (&g->rng, family);
      g_snprintf (g->minute_taker_names[i], sizeof g->minute_taker_names[i], "%s %s",
                  cairn_demo_given_name (&g->rng, CAIRN_DEMO_NAMES_ENGLISH, 'F'), family);
      g->minute_takers[i] = g->minute_taker_names[i];
    }
}

static Member *
add_member_full (Gen          *g,
                 const char   *role,
                 const char   *agency,
                 gint64        agency_id,
                 CairnDemoDay  joined,
                 CairnDemoDay  left,
                 gboolean      lay)
{
  Member m = { 0 };
  CairnDemoBoardMember r = { 0 };
  char family[CAIRN_DEMO_NAME_MAX];

  cairn_demo_family_name (&g->rng, family);
  g_snprintf (m.name, sizeof m.name, "%s %s",
              cairn_demo_given_name (&g->rng, pick_pool (g), chance (g, 0.55) ? 'F' : 'M'),
              family);
  m.role = role;
  m.agency = agency;
  m.agency_id = agency_id;
  m.joined = joined;
  m.left = left;
  m.lay = lay;
  r.name = m.name;
  r.lay_member = lay;
  r.role = role;
  r.agency_id = agency_id;
  r.joined_on = joined;
  r.left_on = left;
  cairn_demo_add_board_member (g->w, &r);
  g_array_append_val (g->members, m);
  return &g_array_index (g->members, Member, g->members->len - 1);
}

static Member *
add_member (Gen          *g,
            const char   *role,
            const char   *agency,
            gint64        agency_id,
            CairnDemoDay  joined,
            CairnDemoDay  left)
{
  return add_member_full (g, role, agency, agency_id, joined, left, FALSE);
}

/* The board's members: the statutory partners of WT2010 chapter 3, two lay
 * members, and a few changes of post-holder over the years. */
static void
write_board_members (Gen *g)
{
  CairnDemoDay start = g->lead_in - 365;
  CairnDemoDay span = g->as_of - g->lead_in;
  CairnDemoDay chair_change = weekday_on_or_after (g->lead_in + span * 3 / 5);
  CairnDemoDay dcs_change = weekday_on_or_after (g->lead_in + span * 2 / 5);
  CairnDemoDay police_change = weekday_on_or_after (g->lead_in + span / 4);
  CairnDemoDay lay_join = weekday_on_or_after (g->lead_in + span / 6);
  CairnDemoDay ccg_from = MAX (g->lead_in, day_ymd (2013, 4, 1));
  Member *m;

  g->members = g_array_sized_new (FALSE, TRUE, sizeof (Member), 32);

  m = add_member (g, "Independent Chair", "", 0, start, chair_change);
  m->independent_chair = TRUE;
  m = add_member (g, "Independent Chair", "", 0, chair_change, 0);
  m->independent_chair = TRUE;
  add_member (g, "Director of Children's Services", "Cairnside Borough Council", g->ag_council,
              start, dcs_change);
  add_member (g, "Director of Children's Services", "Cairnside Borough Council", g->ag_council,
              dcs_change, 0);
  add_member (g, "Head of Safeguarding", "Cairnside Children's Social Care", g->ag_csc, start, 0);
  add_member (g, "Lead Member for Children's Services (participating observer)",
              "Cairnside Borough Council", g->ag_council, start, 0);
  add_member (g, "Detective Superintendent, Public Protection", "Cairnshire Constabulary",
              g->ag_police, start, police_change);
  add_member (g, "Detective Superintendent, Public Protection", "Cairnshire Constabulary",
              g->ag_police, police_change, 0);
  if (ccg_from > g->lead_in)
    add_member (g, "Designated Nurse for Safeguarding Children",
                "NHS Cairnside (Primary Care Trust)", g->ag_pct, start, ccg_from);
  if (ccg_from < g->as_of)
    add_member (g, "Designated Nurse for Safeguarding Children",
                "NHS Cairnside Clinical Commissioning Group", g->ag_ccg, ccg_from, 0);
  add_member (g, "Designated Doctor for Safeguarding Children",
              "Cairnside Hospitals NHS Foundation Trust", g->ag_hospital, start, 0);
  add_member (g, "Chief Nurse", "Cairnside Hospitals NHS Foundation Trust", g->ag_hospital, start,
              0);
  add_member (g, "Director of Nursing", "Cairnshire Partnership NHS Foundation Trust",
              g->ag_mental_health, start, 0);
  add_member (g, "Head of Children's Community Services", "Cairnside Community Health Services",
              g->ag_community, start, 0);
  add_member (g, "Assistant Chief Officer", "Cairnshire Probation Trust", g->ag_probation, start, 0);
  add_member (g, "Head of Youth Offending Service", "Cairnside Youth Offending Service", g->ag_yos,
              start, 0);
  add_member (g, "Head of Housing Needs", "Cairnside Homes", g->ag_housing, start, 0);
  add_member (g, "Head of Education Services", "Cairnside Education Services", g->ag_education,
              start, 0);
  add_member (g, "Head Teacher (primary schools)", "Cairnside Education Services",
              g->ag_education, start, 0);
  add_member (g, "Head Teacher (secondary schools)", "Cairnside Education Services",
              g->ag_education, start, 0);
  add_member (g, "Principal", "Cairnside College", g->ag_college, start, 0);
  add_member (g, "Service Manager", "Cafcass", g->ag_cafcass, start, 0);
  add_member (g, "Chief Officer", "Cairnside Council for Voluntary Service", g->ag_cvs, start, 0);
  add_member_full (g, "Lay Member", "", 0, lay_join, 0, TRUE);
  add_member_full (g, "Lay Member", "", 0, lay_join, 0, TRUE);
  m = add_member (g, "LSCB Business Manager", "Cairnside Borough Council", g->ag_council, start, 0);
  m->adviser = TRUE;
}

static const Member *
member_on (Gen          *g,
           const char   *role,
           CairnDemoDay  day)
{
  for (guint i = 0; i < g->members->len; i++)
    {
      const Member *m = &g_array_index (g->members, Member, i);
      if (strcmp (m->role, role) == 0 && m->joined <= day && (m->left == 0 || day < m->left))
        return m;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Texts                                                               */

static const char *const late_assessment[] = {
  "Delay in obtaining information from health and the school",
  "Social worker absent; case reallocated within the team",
  "Family did not engage; several visits were needed before the child was seen",
  "Awaiting a specialist assessment",
  "High caseloads in the team; assessment authorised late",
};

static const char *const late_decision[] = {
  "Referral information incomplete; referrer contacted for more detail",
  "Referral received out of hours; decision made on the next working day with the duty manager",
};

static const char *const late_icpc[] = {
  "Conference rescheduled: police and health could not attend the first date",
  "Delay in police disclosure checks",
  "No conference chair available within the timescale",
  "Parents asked for time to obtain legal advice",
};

static const char *const late_core_group[] = {
  "Core group rescheduled: key professionals unavailable",
  "Family unable to attend on the first date offered",
};

static const char *const late_review[] = {
  "Review rescheduled so that the parenting assessment could be completed",
  "Chair unavailable; conference rebooked",
  "Venue unavailable; conference moved to the next available date",
};

static const char *const not_alone_reasons[] = {
  "Child did not wish to be seen alone",
  "Parent present throughout and did not agree to the child being seen alone",
  "Seen at school with a teacher present",
  "Interpreter present",
};

static const char *const not_seen_reasons[] = {
  "No access: nobody at home",
  "Child at school; parent seen",
  "Visit cancelled by the family",
};

static const char *
concern_for (Gen        *g,
             const char *category,
             const char *need,
             gboolean    domestic_abuse,
             gboolean    unborn)
{
  static const char *const neglect[] = {
    "Home conditions reported as very poor; children not attending school regularly",
    "Repeated missed health appointments and concerns about supervision",
    "Child presenting as hungry and unkempt; reported by school for the third time this term",
    "Parent found intoxicated while caring for the children",
  };
  static const char *const emotional[] = {
    "Police called to a domestic incident at the home; children present",
    "Mother disclosed domestic abuse by her partner",
    "Child described as withdrawn and frightened of going home",
    "Persistent hostility towards the child reported by relatives",
  };
  static const char *const physical[] = {
    "Bruising noticed with an explanation that does not fit the injury",
    "Child disclosed being hit by a parent",
    "Unexplained injury seen at the Emergency Department",
  };
  static const char *const sexual[] = {
    "Child disclosed sexual abuse to a teacher",
    "Concerns about an older adult associated with the young person",
    "Sexualised behaviour reported by the school",
  };
  static const char *const pre_birth[] = {
    "Pregnant mother misusing substances; previous children not in her care",
    "Domestic abuse during pregnancy reported by the midwife",
    "Late booking for antenatal care; concerns about the mother's capacity to care for a baby",
  };
  static const char *const by_need[] = {
    [0] = "Request for advice about a child's behaviour",
    [1] = "Concerns about the care of the children at home",
    [2] = "Parent requesting support with the child's complex disability",
    [3] = "Parent's mental health deteriorating; limited support network",
    [4] = "Family in acute housing crisis following eviction",
    [5] = "Parental conflict and the child's behaviour at home",
    [6] = "Young person involved in offending and going missing",
    [7] = "Family without income following a change in benefits",
    [8] = "Relative caring for the children after a parent's imprisonment",
    [9] = "Request for information from another local authority",
  };

  if (unborn)
    return PICK (g, pre_birth);
  if (category == NULL)
    {
      int n = need && need[0] == 'N' ? need[1] - '0' : 0;
      return by_need[CLAMP (n, 0, 9)];
    }
  if (domestic_abuse && chance (g, 0.5))
    return emotional[chance (g, 0.5) ? 0 : 1];
  switch (category[0])
    {
    case 'N':
      return PICK (g, neglect);
    case 'E':
      return PICK (g, emotional);
    case 'P':
      return PICK (g, physical);
    case 'S':
      return PICK (g, sexual);
    default:
      return chance (g, 0.5) ? PICK (g, neglect) : PICK (g, emotional);
    }
}

static const char *
category_label (const char *code)
{
  switch (code ? code[0] : 0)
    {
    case 'N':
      return "Neglect";
    case 'E':
      return "Emotional abuse";
    case 'P':
      return "Physical abuse";
    case 'S':
      return "Sexual abuse";
    case 'M':
      return "Multiple";
    default:
      return "";
    }
}

static const char *
outline_plan_for (const char *category)
{
  switch (category[0])
    {
    case 'N':
      return "Parents to ensure the children's basic care needs are met, with daily routines, "
             "school attendance above 95% and all health appointments kept. Health visitor to "
             "monitor growth and development. Family support worker to help with home conditions.";
    case 'E':
      return "Mother to attend the domestic abuse programme and keep the safety plan. Children "
             "to be offered direct work about their experiences. No contact with the alleged "
             "perpetrator at the family home.";
    case 'P':
      return "No physical chastisement. Parents to complete a parenting programme. School and "
             "health to report any injury the same day. Social worker to see the child alone at "
             "every statutory visit.";
    case 'S':
      return "The alleged abuser is to have no contact with the child while police enquiries "
             "continue. Child to be offered therapeutic support. Protective parent to attend "
             "the safeguarding programme.";
    default:
      return "Parents to engage with substance misuse and domestic abuse services; home "
             "conditions and supervision to improve; children to be seen alone at every visit; "
             "school attendance and health appointments to be monitored.";
    }
}

static const char *
risks_for (const char *category)
{
  switch (category[0])
    {
    case 'N':
      return "Chronic neglect of basic care; poor home conditions; missed health appointments.";
    case 'E':
      return "Exposure to domestic abuse; parental conflict; children frightened at home.";
    case 'P':
      return "Unexplained injuries; harsh physical chastisement; parental stress.";
    case 'S':
      return "Disclosure of sexual abuse; contact with an adult who poses a risk.";
    default:
      return "Several concerns together: neglect of basic care, exposure to domestic abuse and "
             "parental substance misuse.";
    }
}

/* ------------------------------------------------------------------ */
/* Planning a family                                                   */

static const char *
pick_ethnicity (Gen               *g,
                CairnDemoNamePool  pool)
{
  static const char *const english[] = { "WBRI", "WIRI", "WIRT", "WROM", "WOTH", "MWBC",
                                         "MWBA", "MWAS", "MOTH", "OOTH", "REFU", "NOBT" };
  static const guint english_w[] = { 780, 10, 8, 8, 60, 40, 10, 20, 30, 10, 8, 16 };
  static const char *const asian[] = { "APKN", "AIND", "ABAN", "AOTH", "MWAS" };
  static const guint asian_w[] = { 40, 25, 20, 10, 5 };
  static const char *const african[] = { "BAFR", "BCRB", "BOTH", "MWBA", "MWBC" };
  static const guint african_w[] = { 55, 20, 10, 10, 5 };

  switch (pool)
    {
    case CAIRN_DEMO_NAMES_SOUTH_ASIAN:
      return asian[WEIGHTED (g, asian_w)];
    case CAIRN_DEMO_NAMES_AFRICAN:
      return african[WEIGHTED (g, african_w)];
    default:
      return english[WEIGHTED (g, english_w)];
    }
}

static void
pick_culture (Gen    *g,
              Family *f)
{
  const char *e = f->ethnicity;

  f->language = "English";
  if (strcmp (e, "WOTH") == 0 && chance (g, 0.5))
    f->language = PICK (g, ((const char *const[]) { "Polish", "Lithuanian", "Romanian" }));
  else if (strcmp (e, "WROM") == 0 && chance (g, 0.6))
    f->language = "Romanian";
  else if (strcmp (e, "APKN") == 0 && chance (g, 0.3))
    f->language = PICK (g, ((const char *const[]) { "Urdu", "Punjabi" }));
  else if (strcmp (e, "ABAN") == 0 && chance (g, 0.4))
    f->language = "Bengali";
  else if (strcmp (e, "AIND") == 0 && chance (g, 0.25))
    f->language = PICK (g, ((const char *const[]) { "Gujarati", "Punjabi" }));
  else if (strcmp (e, "BAFR") == 0 && chance (g, 0.3))
    f->language = PICK (g, ((const char *const[]) { "Somali", "Yoruba", "Tigrinya" }));
  f->interpreter = strcmp (f->language, "English") != 0 && chance (g, 0.4);

  switch (f->pool)
    {
    case CAIRN_DEMO_NAMES_SOUTH_ASIAN:
      f->religion = PICK (g, ((const char *const[]) { "Muslim", "Muslim", "Muslim", "Muslim",
                                                      "Muslim", "Hindu", "Sikh", NULL }));
      break;
    case CAIRN_DEMO_NAMES_AFRICAN:
      f->religion = PICK (g, ((const char *const[]) { "Christian", "Christian", "Muslim", NULL }));
      break;
    default:
      f->religion = PICK (g, ((const char *const[]) { "Christian", "No religion", "No religion",
                                                      NULL, NULL }));
    }
}

static void
make_adult (Gen          *g,
            Family       *f,
            Adult        *a,
            char          sex,
            gboolean      own_family_name,
            CairnDemoDay  dob)
{
  g_strlcpy (a->given, cairn_demo_given_name (&g->rng, f->pool, sex), sizeof a->given);
  if (own_family_name)
    cairn_demo_family_name (&g->rng, a->family);
  else
    g_strlcpy (a->family, f->family_name, sizeof a->family);
  g_snprintf (a->full, sizeof a->full, "%s %s", a->given, a->family);
  a->dob = dob;
  a->present = TRUE;
}

static void
pick_disabilities (Gen *g,
                   Kid *k)
{
  static const char *const codes[] = { "LD", "BEH", "COMM", "AUT", "MOB", "HAND", "PC", "INC",
                                       "HEAR", "VIS", "CON", "DDA" };
  static const guint weights[] = { 25, 20, 18, 15, 6, 3, 3, 2, 3, 3, 2, 5 };

  k->n_disabilities = 0;
  if (chance (g, 0.86))
    {
      k->disabilities[k->n_disabilities++] = "NONE";
      return;
    }
  for (int want = chance (g, 0.35) ? (chance (g, 0.3) ? 3 : 2) : 1; k->n_disabilities < want;)
    {
      const char *code = codes[WEIGHTED (g, weights)];
      gboolean dup = FALSE;
      for (int i = 0; i < k->n_disabilities; i++)
        dup |= strcmp (k->disabilities[i], code) == 0;
      if (!dup)
        k->disabilities[k->n_disabilities++] = code;
    }
}

static void
add_factor (Episode    *ep,
            const char *code)
{
  for (int i = 0; i < ep->n_factors; i++)
    if (strcmp (ep->factors[i], code) == 0)
      return;
  if (ep->n_factors < MAX_FACTORS)
    ep->factors[ep->n_factors++] = code;
}

static void
pick_factors (Gen    *g,
              Family *f,
              Episode *ep)
{
  ep->n_factors = 0;
  if (ep->level == LEVEL_ASSESSED && chance (g, 0.35))
    {
      ep->factors[ep->n_factors++] = "21"; /* no factors identified: alone (rule 8869) */
      return;
    }
  if (f->dv)
    add_factor (ep, chance (g, 0.8) ? "3B" : "3C");
  if (f->substance)
    add_factor (ep, chance (g, 0.5) ? "1B" : "2B");
  if (f->mental_health)
    add_factor (ep, "4B");
  if (ep->category != NULL)
    switch (ep->category[0])
      {
      case 'N':
        add_factor (ep, "16A");
        break;
      case 'E':
        add_factor (ep, "17A");
        break;
      case 'P':
        add_factor (ep, "18C");
        break;
      case 'S':
        add_factor (ep, chance (g, 0.7) ? "19C" : "19B");
        break;
      default:
        add_factor (ep, "16A");
        add_factor (ep, "17A");
      }
  if (g->scenario == SCENARIO_EXPLOITED)
    {
      add_factor (ep, "11A");
      add_factor (ep, "10A");
    }
  if (ep->n_factors == 0)
    {
      static const char *const others[] = { "4A", "5A", "6A", "7A", "10A", "14A", "15A", "20" };
      add_factor (ep, PICK (g, others));
    }
}

/* Who referred, by census source code, with the agency and person behind it. */
static void
pick_source (Gen     *g,
             Family  *f,
             Episode *ep,
             gboolean unborn)
{
  static const char *const sources[] = { "6", "2A", "3A", "3B", "3C", "3D", "3E", "3F", "1A",
                                         "1B", "1C", "1D", "4", "5A", "5B", "5C", "5D", "7", "8",
                                         "9", "10" };
  static const guint weights[] = { 250, 150, 30, 40, 10, 30, 30, 20, 60, 20, 10, 10, 20, 50, 30,
                                   20, 40, 30, 20, 20, 10 };
  const char *code = unborn && chance (g, 0.7) ? "3D" : sources[WEIGHTED (g, weights)];
  const Staff *who = NULL;
  const Kid *oldest = &f->kid[0];

  if (g->scenario == SCENARIO_DEATH)
    code = "3D";
  else if (g->scenario == SCENARIO_EXPLOITED)
    code = "6";
  else if (g->scenario == SCENARIO_INJURY)
    code = "3E";
  else if (ep->transfer_in)
    code = "5C";

  ep->source_code = code;
  ep->source_agency = 0;
  ep->referrer[0] = '\0';
  switch (code[0])
    {
    case '6':
      who = pick_staff (g, g->police);
      break;
    case '2':
      if (code[1] == 'A')
        {
          Place *school = oldest->school ? oldest->school : pick_place (g, g->primaries);
          who = school->staff;
        }
      else
        ep->source_agency = g->ag_education;
      break;
    case '3':
      switch (code[1])
        {
        case 'A':
          who = f->practice->staff;
          break;
        case 'B':
          who = pick_staff (g, g->health_visitors);
          break;
        case 'C':
          who = pick_staff (g, g->school_nurses);
          break;
        case 'D':
          who = pick_staff (g, g->midwives);
          break;
        case 'E':
          who = pick_staff (g, g->paediatricians);
          break;
        default:
          who = pick_staff (g, g->mental_health);
        }
      break;
    case '4':
      ep->source_agency = g->ag_housing;
      g_strlcpy (ep->referrer, "Housing officer, Cairnside Homes", sizeof ep->referrer);
      break;
    case '5':
      if (code[1] == 'A')
        who = pick_staff (g, g->cin_workers);
      else if (code[1] == 'B')
        ep->source_agency = g->ag_education;
      else if (code[1] == 'C')
        g_strlcpy (ep->referrer, "Duty team, another local authority", sizeof ep->referrer);
      else
        {
          ep->source_agency = g->ag_council;
          g_strlcpy (ep->referrer, "Early help coordinator", sizeof ep->referrer);
        }
      break;
    case '7':
      who = pick_staff (g, g->probation);
      break;
    case '1':
      if (strcmp (code, "10") == 0)
        break;
      if (code[1] == 'A')
        g_strlcpy (ep->referrer, f->grandparent.present ? f->grandparent.full : "A relative",
                   sizeof ep->referrer);
      else if (code[1] == 'B')
        g_strlcpy (ep->referrer, "A neighbour", sizeof ep->referrer);
      else if (code[1] == 'C')
        g_strlcpy (ep->referrer, "The young person", sizeof ep->referrer);
      else
        g_strlcpy (ep->referrer, "A member of the public", sizeof ep->referrer);
      break;
    case '9':
      g_strlcpy (ep->referrer, "Anonymous", sizeof ep->referrer);
      break;
    default:
      break;
    }
  if (who != NULL)
    {
      ep->source_agency = who->agency_id;
      g_strlcpy (ep->referrer, who->name, sizeof ep->referrer);
    }
  if (strcmp (code, "9") == 0 || code[0] == '1')
    ep->channel = "phone";
  else
    ep->channel = PICK (g, ((const char *const[]) { "phone", "phone", "phone", "phone", "phone",
                                                    "written", "written", "written", "online",
                                                    "in_person" }));
}

static const char *
pick_need (Gen  *g,
           Level level)
{
  static const char *const needs[] = { "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9" };
  static const guint weights[] = { 35, 8, 6, 12, 22, 5, 2, 4, 6 };

  if (level >= LEVEL_STRATEGY)
    return chance (g, 0.92) ? "N1" : "N5";
  if (level == LEVEL_NFA && chance (g, 0.3))
    return "N0";
  return needs[WEIGHTED (g, weights)];
}

static void
pick_specific (Gen        *g,
               const char *category,
               const char *out[3],
               int        *n)
{
  static const char *const four[] = { "NEG", "EMO", "PHY", "SAB" };
  static const guint weights[] = { 40, 40, 14, 6 };
  int want;

  *n = 0;
  if (strcmp (category, "MUL") != 0)
    {
      out[(*n)++] = category;
      return;
    }
  want = chance (g, 0.8) ? 2 : 3;
  while (*n < want)
    {
      const char *c = four[WEIGHTED (g, weights)];
      gboolean dup = FALSE;
      for (int i = 0; i < *n; i++)
        dup |= out[i] == c;
      if (!dup)
        out[(*n)++] = c;
    }
  /* Keep them in a stable order: NEG, EMO, PHY, SAB. */
  for (int i = 0; i < *n; i++)
    for (int j = i + 1; j < *n; j++)
      {
        int a = 0, b = 0;
        for (int k = 0; k < 4; k++)
          {
            if (four[k] == out[i])
              a = k;
            if (four[k] == out[j])
              b = k;
          }
        if (b < a)
          {
            const char *t = out[i];
            out[i] = out[j];
            out[j] = t;
          }
      }
}

static gboolean
any_unborn_on (const Family *f,
               CairnDemoDay  day)
{
  for (int i = 0; i < f->n; i++)
    if (f->kid[i].dob > day)
      return TRUE;
  return FALSE;
}

static CairnDemoDay
last_assessment_end (const Episode *ep)
{
  return MAX (ep->a1_end, ep->core_end);
}

/* The plan's reviews, core groups, and how and when it ends. */
static void
plan_protection (Gen     *g,
                 Family  *f,
                 Episode *ep)
{
  /* How many review conferences until the plan ends: at the first (about
   * 3 months), second (9), third (15), fourth (21), or later (over two
   * years, about one plan in twenty). */
  static const guint reviews_weights[] = { 28, 33, 17, 12, 6, 4 };
  int reviews_to_end = (int) WEIGHTED (g, reviews_weights) + 1;
  CairnDemoDay target = 0, prev, day;
  const char *special = NULL;

  ep->plan_start = ep->icpc;
  if (ep->initial_category == NULL)
    ep->initial_category = ep->category;
  pick_specific (g, ep->initial_category, ep->initial_specific, &ep->n_initial_specific);
  if (g->scenario == SCENARIO_EXPLOITED)
    {
      ep->initial_specific[0] = "EMO";
      ep->initial_specific[1] = "SAB";
      ep->n_initial_specific = 2;
    }
  ep->mul_unspecified = ep->transfer_in && strcmp (ep->initial_category, "MUL") == 0;
  ep->latest_category = ep->initial_category;
  memcpy (ep->latest_specific, ep->initial_specific, sizeof ep->initial_specific);
  ep->n_latest_specific = ep->n_initial_specific;
  ep->category_change_review = -1;

  switch (g->scenario)
    {
    case SCENARIO_DEATH:
      reviews_to_end = 2;
      break;
    case SCENARIO_EXPLOITED:
    case SCENARIO_INJURY:
      target = add_months (g->as_of, 12); /* still open */
      break;
    default:
      if (chance (g, 0.10) && reviews_to_end >= 2)
        {
          /* Care proceedings: interim care order, then a care order about
           * 26 weeks later; the plan ends at the next review after it. */
          CairnDemoDay ico = weekday_on_or_after (ep->plan_start + rnd (g, 60, 200));
          CairnDemoDay order = add_wd (ico, rnd (g, 110, 140));
          const char *court = year_of (ico) < 2014 ? "Cairnside County Court"
                                                   : "Family Court at Cairnside";
          ep->orders[ep->n_orders++] = (Order) { "interim_care_order", ico, CAIRN_NO_TIME, order,
                                                 CAIRN_NO_TIME, court };
          ep->orders[ep->n_orders++] = (Order) { "care_order", order, CAIRN_NO_TIME, 0,
                                                 CAIRN_NO_TIME, court };
          ep->care_order = ico;
          target = add_months (order, 1);
        }
      else if (chance (g, 0.04))
        special = "moved_area";
      else if (chance (g, 0.005))
        special = "left_uk";
      else if (chance (g, 0.03))
        {
          CairnDemoDay s20 = weekday_on_or_after (ep->plan_start + rnd (g, 10, 100));
          ep->orders[ep->n_orders++] = (Order) { "s20", s20, CAIRN_NO_TIME,
                                                 s20 + rnd (g, 30, 200), CAIRN_NO_TIME, NULL };
        }
    }

  /* Reviews: the first within 3 months, then at most every 6 months. */
  ep->n_reviews = 0;
  prev = ep->plan_start;
  while (ep->n_reviews < MAX_REVIEWS)
    {
      int i = ep->n_reviews;
      CairnDemoDay due = add_months (prev, i == 0 ? 3 : 6);

      if (chance (g, i == 0 ? 0.12 : 0.08))
        {
          day = add_wd (due, rnd (g, 1, 15));
          ep->review_late[i] = PICK (g, late_review);
        }
      else if (i > 0 && i + 1 == reviews_to_end && target == 0 && chance (g, 0.4))
        {
          /* Brought forward: progress was good enough to end the plan early. */
          day = weekday_on_or_before (prev + rnd (g, 45, 120));
          ep->review_late[i] = NULL;
        }
      else
        {
          day = weekday_on_or_before (due - rnd (g, 0, i == 0 ? 14 : 30));
          ep->review_late[i] = NULL;
        }
      day = MAX (day, add_wd (prev, 10));
      ep->review_minute[ep->n_reviews] = conference_minute (g);
      ep->reviews[ep->n_reviews++] = day;
      prev = day;
      if (i >= 1 && ep->category_change_review < 0 && chance (g, 0.04))
        {
          ep->category_change_review = i;
          if (strcmp (ep->initial_category, "MUL") != 0)
            {
              ep->latest_category = "MUL";
              pick_specific (g, "MUL", ep->latest_specific, &ep->n_latest_specific);
            }
          else
            {
              ep->latest_category = ep->initial_specific[0];
              ep->latest_specific[0] = ep->latest_category;
              ep->n_latest_specific = 1;
            }
        }
      if (target ? day >= target : ep->n_reviews >= reviews_to_end)
        break;
    }
  ep->plan_end = ep->reviews[ep->n_reviews - 1];
  ep->plan_end_reason = "no_longer_at_risk";
  if (special != NULL)
    {
      CairnDemoDay end = weekday_on_or_after (ep->plan_start + rnd (g, 40, 400));
      if (end < ep->plan_end)
        {
          while (ep->n_reviews > 0 && ep->reviews[ep->n_reviews - 1] >= end)
            ep->n_reviews--;
          ep->plan_end = end;
          ep->plan_end_reason = special;
        }
    }
  if (ep->category_change_review >= ep->n_reviews)
    {
      ep->category_change_review = -1;
      ep->latest_category = ep->initial_category;
      memcpy (ep->latest_specific, ep->initial_specific, sizeof ep->initial_specific);
      ep->n_latest_specific = ep->n_initial_specific;
    }

  /* Core groups: the first within 10 working days, then every 4 to 6 weeks. */
  ep->n_core_groups = 0;
  if (chance (g, 0.12))
    {
      day = add_wd (ep->plan_start, rnd (g, 11, 18));
      ep->first_core_group_late = PICK (g, late_core_group);
    }
  else
    {
      day = add_wd (ep->plan_start, rnd (g, 3, 7));
      ep->first_core_group_late = NULL;
    }
  while (day < ep->plan_end && ep->n_core_groups < MAX_CORE_GROUPS)
    {
      ep->core_groups[ep->n_core_groups++] = day;
      day = add_wd (day, rnd (g, 18, 30));
    }

  ep->dissent = chance (g, 0.05);

  /* After the plan: often a child in need plan, from the day it ends (a CIN
   * plan may start on the day a CP plan ends: rule 4016). */
  if (ep->care_order)
    {
      /* Looked after: the case stays open until the child leaves care. */
      CairnDemoDay leave = ep->orders[1].start + rnd (g, 540, 1100);
      static const char *const reasons[] = { "RC4", "RC1", "RC3" };
      static const char *const orders[] = { "special_guardianship_order", "adoption_order",
                                            "child_arrangements_order" };
      guint r = cairn_random_below (&g->rng, 3);

      ep->orders[1].end = leave;
      if (ep->n_orders < MAX_ORDERS)
        ep->orders[ep->n_orders++] = (Order) { orders[r], leave, CAIRN_NO_TIME, 0, CAIRN_NO_TIME,
                                               ep->orders[1].court };
      ep->closed = leave;
      ep->closure_reason = reasons[r];
      return;
    }
  if (strcmp (ep->plan_end_reason, "no_longer_at_risk") == 0 &&
      g->scenario != SCENARIO_DEATH && chance (g, 0.6))
    {
      ep->cin_start = ep->plan_end;
      ep->cin_end = ep->plan_end + rnd (g, 90, 270);
    }
  if (g->scenario == SCENARIO_DEATH)
    {
      ep->cin_start = ep->plan_end;
      ep->cin_end = ep->plan_end + 400;
    }
  ep->closed = MAX (ep->plan_end, ep->cin_end) + rnd (g, 0, 20);
  ep->closure_reason = strcmp (ep->plan_end_reason, "moved_area") == 0 ? "RC5" : "RC7";
}

static void
plan_episode (Gen         *g,
              Family      *f,
              Episode     *ep,
              CairnDemoDay referral,
              gboolean     after_plan,
              gboolean     first)
{
  gboolean unborn = any_unborn_on (f, referral);
  int limit, margin;

  memset (ep, 0, sizeof *ep);
  ep->referral = referral;
  ep->referral_minute = chance (g, 0.05) ? rnd (g, 17 * 60, 22 * 60) : office_minute (g);
  ep->wt2013 = referral >= g->wt2013_from;
  ep->transfer_in = first && f->transfer_in;
  ep->level = (Level) (after_plan ? WEIGHTED (g, level_weights_after_plan)
                                  : WEIGHTED (g, level_weights));
  if (ep->transfer_in || g->scenario != SCENARIO_NONE)
    ep->level = LEVEL_PLAN;
  if (ep->level >= LEVEL_STRATEGY)
    {
      ep->category = categories[WEIGHTED (g, category_weights)];
      if (f->dv && chance (g, 0.15))
        ep->category = "EMO";
    }
  switch (g->scenario)
    {
    case SCENARIO_DEATH:
      ep->category = "NEG";
      break;
    case SCENARIO_EXPLOITED:
      ep->category = "MUL";
      ep->initial_category = "MUL";
      break;
    case SCENARIO_INJURY:
      ep->category = "PHY";
      break;
    default:
      break;
    }
  ep->need = pick_need (g, ep->level);
  pick_source (g, f, ep, unborn);
  ep->concern = concern_for (g, ep->category, ep->need, f->dv, unborn);

  ep->duty = pick_staff (g, g->duty);
  ep->manager = &g_array_index (g->managers, Staff,
                                cairn_random_below (&g->rng, g->managers->len));
  ep->chair = pick_staff (g, g->chairs);
  ep->police = pick_staff (g, g->police);
  ep->lead = ep->level >= LEVEL_S47 ? pick_staff (g, g->cp_workers)
             : ep->level >= LEVEL_CIN ? pick_staff (g, g->cin_workers)
                                      : ep->duty;

  /* The decision on the referral: within one working day, mostly the same day. */
  if (chance (g, 0.05))
    {
      ep->decided = add_wd (referral, rnd (g, 2, 4));
      ep->decision_late = PICK (g, late_decision);
    }
  else if (ep->referral_minute >= 16 * 60 || is_day_off (referral) || chance (g, 0.25))
    ep->decided = add_wd (referral, 1);
  else
    ep->decided = referral;
  ep->decided_minute = ep->decided == referral ? imin (ep->referral_minute + rnd (g, 30, 120),
                                                      17 * 60 + 30)
                                               : office_minute (g);

  /* Receipt acknowledged to the referrer within one working day. */
  if (chance (g, 0.04))
    {
      ep->acknowledged = add_wd (referral, rnd (g, 2, 3));
      ep->acknowledged_late = "Acknowledgement delayed by an administrative backlog";
    }
  else if (ep->referral_minute >= 16 * 60 || is_day_off (referral) || chance (g, 0.3))
    ep->acknowledged = add_wd (referral, 1);
  else
    ep->acknowledged = referral;
  ep->acknowledged_minute = minute_after (g, ep->acknowledged, referral, ep->referral_minute);

  if (ep->level == LEVEL_NFA)
    {
      ep->decision = chance (g, 0.6) ? "nfa" : "advice";
      /* Closed when decided (and acknowledged); not RC8/RC9, which need an
       * assessment (8825Q). */
      ep->closed = MAX (ep->decided, ep->acknowledged);
      ep->closure_reason = "RC7";
      return;
    }

  ep->immediate = ep->level >= LEVEL_STRATEGY && !ep->transfer_in &&
                  (chance (g, 0.35) || g->scenario == SCENARIO_INJURY);
  ep->decision = ep->immediate ? "strategy" : ep->transfer_in ? "services" : "assessment";

  /* The assessment: WT2010 an initial assessment within 10 working days of
   * the referral (7 before 1 April 2010); WT2013 one assessment within 45. */
  ep->a1_kind = ep->wt2013 ? "single" : "initial";
  limit = ep->wt2013 ? 45 : referral < g->ia_ten_days_from ? 7 : 10;
  margin = ep->wt2013 ? 5 : 3;
  ep->a1_start = ep->decided;
  if (chance (g, ep->wt2013 ? 0.18 : 0.16))
    {
      ep->a1_end = add_wd (referral, rnd (g, limit + 1, limit + (ep->wt2013 ? 30 : 12)));
      ep->a1_late = PICK (g, late_assessment);
    }
  else
    ep->a1_end = add_wd (referral, rnd (g, ep->wt2013 ? 10 : 1, limit - margin));
  ep->a1_end = MAX (ep->a1_end, ep->a1_start);

  if (ep->level >= LEVEL_STRATEGY && !ep->transfer_in)
    {
      if (ep->immediate)
        {
          ep->strategy = chance (g, 0.6) && ep->referral_minute < 16 * 60 && !is_day_off (referral)
                           ? referral
                           : add_wd (referral, 1);
          ep->strategy_minute = ep->strategy == referral
                                  ? imin (ep->referral_minute + rnd (g, 60, 180), 19 * 60)
                                  : office_minute (g);
        }
      else
        {
          /* Within the initial assessment's time limit, which ends in the
           * strategy decision when it comes first. */
          int room = limit - margin - wd_between (referral, ep->a1_start);
          ep->strategy = add_wd (ep->a1_start, rnd (g, 1, imax (1, imin (6, room))));
          ep->strategy_minute = office_minute (g);
          if (!ep->wt2013 && ep->a1_end < ep->strategy)
            ep->a1_end = ep->strategy;
        }
      ep->strategy_format = chance (g, 0.55) ? "meeting" : "phone";
      ep->s47_decision = ep->level == LEVEL_STRATEGY ? "none" : chance (g, 0.45) ? "joint"
                                                                                : "single";
      ep->criminal = strcmp (ep->s47_decision, "joint") == 0 && chance (g, 0.6);
      /* Emergency protection brings section 47 enquiries with it (CA89 s47(1)(a)). */
      if (ep->immediate && ep->level >= LEVEL_S47 && chance (g, 0.12))
        {
          /* Police protection ends within its 72 hours. */
          int hours = rnd (g, 6, 71);
          int end = ep->referral_minute + hours * 60;
          ep->orders[ep->n_orders++] = (Order) { "police_protection", referral,
                                                 ep->referral_minute, referral + end / (24 * 60),
                                                 end % (24 * 60), NULL };
        }
      else if (ep->immediate && ep->level >= LEVEL_S47 && chance (g, 0.08))
        ep->orders[ep->n_orders++] = (Order) { "epo", ep->strategy, CAIRN_NO_TIME,
                                               ep->strategy + 8, CAIRN_NO_TIME,
                                               "Cairnside Family Proceedings Court" };
    }

  if (ep->level >= LEVEL_S47 && !ep->transfer_in)
    {
      ep->s47_start = ep->strategy;
      ep->icpc_target = add_wd (ep->strategy, 15);
      if (!ep->wt2013)
        {
          /* WT2010: the core assessment is part of the section 47 enquiries. */
          ep->core_start = ep->s47_start;
          if (chance (g, 0.15))
            {
              ep->core_end = add_wd (ep->core_start, rnd (g, 36, 55));
              ep->core_late = PICK (g, late_assessment);
            }
          else
            ep->core_end = add_wd (ep->core_start, rnd (g, 12, 31));
        }
      if (ep->level == LEVEL_S47)
        {
          ep->s47_end = add_wd (ep->s47_start, rnd (g, 4, 11));
          ep->s47_outcome = chance (g, 0.55)
                              ? "Concerns not substantiated"
                              : "Concerns substantiated; child not judged to be at continuing "
                                "risk of significant harm";
        }
      else
        {
          if (chance (g, 0.2) && g->scenario == SCENARIO_NONE)
            {
              ep->icpc = add_wd (ep->strategy, rnd (g, 16, 28));
              ep->icpc_late = PICK (g, late_icpc);
            }
          else
            ep->icpc = add_wd (ep->strategy, rnd (g, 7, 12));
          ep->icpc_minute = conference_minute (g);
          ep->s47_end = add_wd (ep->s47_start,
                                rnd (g, 2, MAX (2, wd_between (ep->s47_start, ep->icpc) - 1)));
          ep->s47_outcome = "Concerns substantiated; child likely to suffer significant harm: "
                            "initial child protection conference";
        }
    }
  if (ep->transfer_in)
    {
      /* Transfer-in conference within 15 working days of the notification. */
      ep->icpc = add_wd (referral, chance (g, 0.85) ? rnd (g, 6, 12) : rnd (g, 16, 22));
      if (wd_between (referral, ep->icpc) > 15)
        ep->icpc_late = PICK (g, late_icpc);
      ep->icpc_minute = conference_minute (g);
    }

  pick_factors (g, f, ep);

  switch (ep->level)
    {
    case LEVEL_ASSESSED:
      if (!ep->wt2013 && chance (g, 0.1))
        {
          ep->core_start = add_wd (ep->a1_end, rnd (g, 0, 2));
          ep->core_end = add_wd (ep->core_start, rnd (g, 10, 31));
        }
      ep->closed = last_assessment_end (ep) + rnd (g, 0, 10);
      ep->closure_reason = chance (g, 0.65) ? "RC8" : "RC9";
      break;

    case LEVEL_CIN:
    case LEVEL_STRATEGY:
    case LEVEL_S47:
      if (ep->level == LEVEL_CIN && !ep->wt2013 && chance (g, 0.35))
        {
          ep->core_start = add_wd (ep->a1_end, rnd (g, 0, 2));
          if (chance (g, 0.15))
            {
              ep->core_end = add_wd (ep->core_start, rnd (g, 36, 50));
              ep->core_late = PICK (g, late_assessment);
            }
          else
            ep->core_end = add_wd (ep->core_start, rnd (g, 10, 31));
        }
      if (chance (g, ep->level == LEVEL_CIN ? 0.85 : 0.55))
        {
          /* After section 47 enquiries the plan follows them at once (it
           * settles the conference question); otherwise the assessment. */
          ep->cin_start = ep->level == LEVEL_S47 ? add_wd (ep->s47_end, rnd (g, 0, 2))
                                                 : MAX (ep->a1_end, ep->strategy) + rnd (g, 0, 10);
          ep->cin_end = ep->cin_start + rnd (g, 60, 365);
          ep->closed = MAX (ep->cin_end, last_assessment_end (ep)) + rnd (g, 0, 20);
          {
            static const char *const reasons[] = { "RC7", "RC5", "RC3", "RC4" };
            static const guint weights[] = { 92, 6, 1, 1 };
            ep->closure_reason = reasons[WEIGHTED (g, weights)];
          }
        }
      else
        {
          ep->closed = MAX (last_assessment_end (ep), ep->s47_end) + rnd (g, 0, 15);
          /* RC8/RC9 only without section 47, CIN or CP plans (rule 2990). */
          ep->closure_reason = ep->level == LEVEL_S47 ? "RC7" : chance (g, 0.6) ? "RC8" : "RC9";
        }
      break;

    case LEVEL_ICPC:
      ep->cin_start = ep->icpc + rnd (g, 0, 5);
      ep->cin_end = ep->cin_start + rnd (g, 90, 300);
      ep->closed = MAX (ep->cin_end, last_assessment_end (ep)) + rnd (g, 0, 15);
      ep->closure_reason = "RC7";
      break;

    case LEVEL_PLAN:
      plan_protection (g, f, ep);
      ep->closed = MAX (ep->closed, last_assessment_end (ep));
      break;

    default:
      g_assert_not_reached ();
    }

  /* Plans start and end, and cases close, on working days. */
  if (ep->cin_start)
    {
      ep->cin_start = weekday_on_or_after (ep->cin_start);
      ep->cin_end = weekday_on_or_after (MAX (ep->cin_end, ep->cin_start + 1));
    }
  ep->closed = weekday_on_or_after (MAX (MAX (ep->closed, ep->cin_end), ep->acknowledged));
}

static const int youngest_age_weights_len = 18;
static const guint youngest_age_weights[18] = { 12, 8, 8, 7, 7, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5,
                                                3, 2 };

static void
plan_family (Gen    *g,
             Family *f,
             guint   max_kids)
{
  static const guint size_weights[] = { 45, 30, 15, 7, 3 };
  CairnDemoDay r1, next;
  gboolean unborn, after_plan = FALSE;
  int youngest_age;
  char street[CAIRN_DEMO_NAME_MAX];

  memset (f, 0, sizeof *f);
  f->scenario = g->scenario;
  f->n = (int) WEIGHTED (g, size_weights) + 1;
  f->pool = pick_pool (g);
  r1 = g->lead_in + (CairnDemoDay) cairn_random_below (&g->rng, g->as_of - g->lead_in + 1);
  if (is_day_off (r1) && chance (g, 0.85))
    r1 = weekday_on_or_after (r1);
  r1 = MIN (r1, g->as_of);
  unborn = chance (g, 0.07);
  youngest_age = (int) cairn_random_weighted (&g->rng, youngest_age_weights,
                                              youngest_age_weights_len);
  f->dv = chance (g, 0.3);
  f->substance = chance (g, 0.2);
  f->mental_health = chance (g, 0.25);
  f->transfer_in = chance (g, 0.01);

  switch (g->scenario)
    {
    case SCENARIO_DEATH:
      /* Referred before birth, early enough for the review to be published. */
      f->n = 1;
      unborn = TRUE;
      f->substance = f->dv = TRUE;
      r1 = weekday_on_or_after (g->lead_in + 40);
      break;
    case SCENARIO_EXPLOITED:
      f->n = 1;
      unborn = FALSE;
      youngest_age = 13;
      f->mental_health = TRUE;
      r1 = weekday_on_or_after (MAX (g->lead_in, add_months (g->as_of, -20)));
      break;
    case SCENARIO_INJURY:
      f->n = 2;
      unborn = FALSE;
      youngest_age = 1;
      r1 = weekday_on_or_after (g->as_of - 45);
      break;
    default:
      break;
    }
  if (g->scenario != SCENARIO_NONE)
    f->transfer_in = FALSE;
  f->n = MIN (f->n, (int) max_kids);
  if (f->n > 3)
    unborn = FALSE;
  if (unborn)
    f->transfer_in = FALSE;

  f->ethnicity = pick_ethnicity (g, f->pool);
  pick_culture (g, f);
  cairn_demo_family_name (&g->rng, f->family_name);
  cairn_demo_street (&g->rng, street);
  g_snprintf (f->address, sizeof f->address, "%d %s, %s", rnd (g, 1, 180), street,
              cairn_demo_locality (&g->rng));
  cairn_demo_postcode (&g->rng, f->postcode);
  f->practice = pick_place (g, g->practices);

  /* Children: the youngest first in age order, each older one 1 to 4 years
   * apart; a family has no more children than fit below 18. */
  {
    int oldest = youngest_age + (unborn ? 1 : 0);
    for (int i = 1; i < f->n; i++)
      oldest += 2;
    while (f->n > 1 && oldest > 17)
      {
        f->n--;
        oldest -= 2;
      }
  }
  for (int i = f->n - 1, age = youngest_age; i >= 0; i--)
    {
      Kid *k = &f->kid[i];

      if (i == f->n - 1 && unborn)
        {
          k->dob = r1 + (g->scenario == SCENARIO_DEATH ? rnd (g, 110, 150) : rnd (g, 30, 250));
          age = MAX (age, 1);
        }
      else
        {
          k->dob = r1 - (CairnDemoDay) (age * 365 + rnd (g, 0, 364)) - 1;
          age = imin (17, age + rnd (g, 1, 3));
        }
      k->turns18 = add_years (k->dob, 18);
      k->sex = chance (g, 0.003) ? 'U' : chance (g, 0.5) ? 'F' : 'M';
      if (g->scenario == SCENARIO_EXPLOITED)
        k->sex = 'F';
      for (int attempt = 0;; attempt++)
        {
          gboolean dup = FALSE;
          g_strlcpy (k->given, cairn_demo_given_name (&g->rng, f->pool, k->sex), sizeof k->given);
          for (int j = f->n - 1; j > i; j--)
            dup |= strcmp (f->kid[j].given, k->given) == 0;
          if (!dup || attempt > 10)
            break;
        }
      if (chance (g, 0.3))
        g_strlcpy (k->other_names, cairn_demo_given_name (&g->rng, f->pool, k->sex),
                   sizeof k->other_names);
      pick_disabilities (g, k);
      /* Some were on a plan before these records begin (here or elsewhere). */
      k->plans = k->dob + 730 < r1 && g->scenario == SCENARIO_NONE && chance (g, 0.1) ? 1 : 0;
    }
  for (int i = 0; i < f->n; i++)
    {
      Kid *k = &f->kid[i];
      int age = age_on (k->dob, g->as_of);

      if (k->dob > g->as_of || age < 4 || age > 17)
        k->school = NULL;
      else if (age <= 10)
        k->school = pick_place (g, g->primaries);
      else if (age <= 15 || chance (g, 0.5))
        k->school = pick_place (g, g->secondaries);
    }

  /* Adults. */
  {
    CairnDemoDay eldest = f->kid[0].dob;
    make_adult (g, f, &f->mother, 'F', chance (g, 0.25),
                eldest - (CairnDemoDay) (rnd (g, 17, 38) * 365 + rnd (g, 0, 364)));
    if (chance (g, 0.75))
      {
        make_adult (g, f, &f->father, 'M', chance (g, 0.4),
                    eldest - (CairnDemoDay) (rnd (g, 18, 45) * 365 + rnd (g, 0, 364)));
        f->father_lives_in = chance (g, 0.5);
      }
    if (chance (g, g->scenario == SCENARIO_DEATH ? 1.0 : 0.2))
      {
        make_adult (g, f, &f->partner, 'M', TRUE,
                    eldest - (CairnDemoDay) (rnd (g, 16, 40) * 365 + rnd (g, 0, 364)));
        f->partner_risk = f->dv || chance (g, 0.3);
      }
    if (chance (g, 0.15))
      make_adult (g, f, &f->grandparent, 'F', chance (g, 0.5),
                  f->mother.dob - (CairnDemoDay) (rnd (g, 18, 30) * 365 + rnd (g, 0, 364)));
    if (g->scenario == SCENARIO_DEATH)
      {
        f->father.present = FALSE;
        f->father_lives_in = FALSE;
        f->partner_risk = TRUE;
      }
  }

  /* Episodes of need: a re-referral follows some closures. */
  next = r1;
  for (int e = 0; e < MAX_EPISODES && next <= g->as_of; e++)
    {
      Episode *ep = &f->ep[e];
      gboolean someone_young = FALSE;

      for (int i = 0; i < f->n; i++)
        someone_young |= f->kid[i].turns18 > next && f->kid[i].dob <= next + 280;
      if (!someone_young)
        break;
      plan_episode (g, f, ep, next, after_plan, e == 0);
      f->n_episodes++;
      after_plan |= ep->level == LEVEL_PLAN;

      /* A few children die: in a single-child family, during an episode. */
      if (f->n == 1 && ep->level >= LEVEL_CIN && g->scenario == SCENARIO_NONE &&
          chance (g, 0.004))
        {
          CairnDemoDay from = MAX (ep->referral + 20, f->kid[0].dob + 1);
          CairnDemoDay to = MIN (ep->closed, g->as_of);
          if (to > from)
            {
              f->kid[0].death = from + (CairnDemoDay) cairn_random_below (&g->rng, to - from);
              break;
            }
        }
      if (g->scenario == SCENARIO_DEATH)
        {
          /* The baby dies during the child in need plan that followed. */
          f->kid[0].death = dmin (ep->cin_start + rnd (g, 60, 120), f->kid[0].dob + 330);
          f->kid[0].death = MAX (f->kid[0].death, ep->cin_start + 30);
          break;
        }
      if (g->scenario != SCENARIO_NONE || ep->closed >= g->as_of)
        break;
      if (!chance (g, after_plan ? 0.45 : 0.25))
        break;
      next = ep->closed + rnd (g, 30, 900);
      if (is_day_off (next) && chance (g, 0.85))
        next = weekday_on_or_after (next);
    }
}

/* ------------------------------------------------------------------ */
/* Writing a family                                                    */

/* The untranslated label of a code: stored text must not depend on the locale. */
static const char *
code_label (CairnCodeList list,
            const char   *code)
{
  gsize n;
  const CairnCode *codes = cairn_codes_get (list, &n);

  for (gsize i = 0; i < n; i++)
    if (strcmp (codes[i].code, code) == 0)
      return codes[i].label;
  return code;
}

static const char *
end_reason_label (const char *reason)
{
  if (strcmp (reason, "moved_area") == 0)
    return "Plan ended: the family moved to another local authority";
  if (strcmp (reason, "left_uk") == 0)
    return "Plan ended: the family left the United Kingdom";
  if (strcmp (reason, "age_18") == 0)
    return "Plan ended: the young person reached 18";
  if (strcmp (reason, "died") == 0)
    return "Plan ended: the child died";
  return "Plan ended: no longer at continuing risk of significant harm";
}

static CairnDemoDay
kid_end (const Kid *k)
{
  return k->death != 0 && k->death < k->turns18 ? k->death : k->turns18;
}

static gboolean
kid_in (const Kid   *k,
        CairnDemoDay referral)
{
  return k->turns18 > referral && k->dob <= referral + 280 && (k->death == 0 || k->death > referral);
}

static gboolean
kid_active (const Kid   *k,
            CairnDemoDay day)
{
  return k->in_episode && day < kid_end (k);
}

static CairnDemoDay
upto (CairnDemoDay day,
      CairnDemoDay limit)
{
  return day != 0 && day > limit ? limit : day;
}

static gboolean
next_nhs_number (Gen  *g,
                 char  buf[11])
{
  /* Walk a fixed permutation of the million numbers 999 000 000x to
   * 999 999 999x (the range reserved for testing), skipping those with no
   * valid check digit: about 909,000 in all; later children get none. */
  while (g->nhs_index < 1000000)
    {
      guint64 p = (g->nhs_index++ * G_GUINT64_CONSTANT (738917) + g->nhs_offset) % 1000000;
      char nine[10];
      char check;

      g_snprintf (nine, sizeof nine, "999%06" G_GUINT64_FORMAT, p);
      check = cairn_nhs_number_check_digit (nine);
      if (check == 'X')
        continue;
      g_snprintf (buf, 11, "%s%c", nine, check);
      return TRUE;
    }
  return FALSE;
}

/* A UPN: check letter, this board's LA code, nine digits (cin-census.md §5.11). */
static void
make_upn (guint64 serial,
          char    buf[14])
{
  g_snprintf (buf, 14, "A001%09" G_GUINT64_FORMAT, serial % G_GUINT64_CONSTANT (1000000000));
  buf[0] = cairn_upn_check_letter (buf);
}

static gint64
write_person (Gen        *g,
              Family     *f,
              Adult      *a,
              char        sex,
              gboolean    lives_in)
{
  CairnDemoPerson p = { 0 };
  char street[CAIRN_DEMO_NAME_MAX], address[128], postcode[16], phone[16];

  if (!a->present)
    return 0;
  p.given_name = a->given;
  p.family_name = a->family;
  p.date_of_birth = a->dob;
  p.sex = sex == 'F' ? "F" : "M";
  if (lives_in)
    {
      p.address = f->address;
      p.postcode = f->postcode;
    }
  else
    {
      cairn_demo_street (&g->rng, street);
      g_snprintf (address, sizeof address, "%d %s, %s", rnd (g, 1, 180), street,
                  cairn_demo_locality (&g->rng));
      cairn_demo_postcode (&g->rng, postcode);
      p.address = address;
      p.postcode = postcode;
    }
  if (chance (g, 0.8))
    {
      cairn_demo_phone (&g->rng, phone);
      p.phone = phone;
    }
  a->id = cairn_demo_add_person (g->w, &p);
  return a->id;
}

static void
write_children (Gen    *g,
                Family *f)
{
  static const char *const upn_reasons[] = { "UN2", "UN3", "UN4", "UN5", "UN6" };
  static const guint upn_reason_weights[] = { 2, 1, 2, 3, 4 };

  for (int i = 0; i < f->n; i++)
    {
      Kid *k = &f->kid[i];
      CairnDemoChild c = { 0 };
      gboolean born = k->dob <= g->as_of;
      gboolean any_action = FALSE;
      CairnDemoDay on = k->death && k->death <= g->as_of ? k->death : g->as_of;
      int age = born ? age_on (k->dob, on) : -1;
      char nhs[11], upn[14], former[14], la_id[32], sex[2] = { born ? k->sex : 'U', 0 };

      for (int e = 0; e < f->n_episodes; e++)
        {
          const Episode *ep = &f->ep[e];
          if (!kid_in (k, ep->referral))
            continue;
          /* An NFA referral not yet decided is not yet NFA. */
          any_action |= ep->level != LEVEL_NFA || !happened (g, ep->decided);
          for (int o = 0; o < ep->n_orders; o++)
            {
              const Order *order = &ep->orders[o];
              gboolean care = strcmp (order->kind, "care_order") == 0;
              gboolean ico = strcmp (order->kind, "interim_care_order") == 0;
              gboolean s20 = strcmp (order->kind, "s20") == 0;

              if ((care || ico || s20) && happened (g, order->start) &&
                  (order->end == 0 || order->end > g->as_of) && g->as_of < kid_end (k))
                {
                  c.looked_after = TRUE;
                  c.legal_status = care ? "Looked after: care order (s31)"
                                   : ico ? "Looked after: interim care order (s38)"
                                         : "Looked after: accommodated (s20)";
                }
            }
        }

      k->number = g->next_child_number++;
      c.number = k->number;
      c.given_name = born ? k->given : "";
      c.family_name = f->family_name;
      c.other_names = born ? k->other_names : "";
      if (born)
        c.date_of_birth = k->dob;
      else
        c.expected_birth_date = k->dob;
      c.date_of_death = happened (g, k->death) ? k->death : 0;
      c.sex = sex;
      c.ethnicity = f->ethnicity;
      c.religion = f->religion;
      c.first_language = born && age >= 2 ? f->language : NULL;
      c.interpreter_needed = born && age >= 2 && f->interpreter;
      if (born && chance (g, 0.97) && next_nhs_number (g, nhs))
        c.nhs_number = nhs;
      g_snprintf (la_id, sizeof la_id, "CS%07" G_GINT64_FORMAT, k->number);
      c.la_child_id = la_id;
      if (!born || age < 5)
        c.upn_unknown = "UN1";
      else if (chance (g, 0.88))
        {
          make_upn (g->upn_index++ * G_GUINT64_CONSTANT (387420489) + g->upn_offset, upn);
          c.upn = upn;
          if (chance (g, 0.03))
            {
              make_upn (cairn_random_next (&g->rng), former);
              c.former_upn = former;
            }
        }
      else
        c.upn_unknown = any_action ? upn_reasons[WEIGHTED (g, upn_reason_weights)] : "UN7";
      c.address = f->address;
      c.postcode = f->postcode;
      c.school = k->school ? k->school->name : born && age >= 16 && age < 18 ? "Cairnside College"
                                                                           : NULL;
      c.gp = f->practice->name;
      c.transferred_in = f->transfer_in;
      k->id = cairn_demo_add_child (g->w, &c);
      g->summary->children++;
      if (born)
        for (int d = 0; d < k->n_disabilities; d++)
          cairn_demo_add_disability (g->w, k->id, k->disabilities[d]);
    }
}

static void
write_household (Gen    *g,
                 Family *f)
{
  gboolean father_pr = chance (g, 0.85);
  gboolean mother_lives_in = !(f->grandparent.present && chance (g, 0.1));

  write_person (g, f, &f->mother, 'F', TRUE);
  write_person (g, f, &f->father, 'M', f->father_lives_in);
  write_person (g, f, &f->partner, 'M', TRUE);
  write_person (g, f, &f->grandparent, 'F', chance (g, 0.2));

  for (int i = 0; i < f->n; i++)
    {
      Kid *k = &f->kid[i];
      CairnDemoRelationship r = { 0 };

      r.child_id = k->id;
      r.person_id = f->mother.id;
      r.relationship = "mother";
      r.parental_responsibility = TRUE;
      r.lives_with_child = mother_lives_in;
      r.notes = mother_lives_in ? NULL : "Child lives with the maternal grandmother";
      cairn_demo_add_relationship (g->w, &r);
      if (f->father.present)
        {
          r = (CairnDemoRelationship) { 0 };
          r.child_id = k->id;
          r.person_id = f->father.id;
          r.relationship = "father";
          r.parental_responsibility = father_pr;
          r.lives_with_child = f->father_lives_in;
          r.poses_risk = f->dv && !f->partner.present;
          r.notes = r.poses_risk ? "Perpetrator of domestic abuse; bail conditions in place" : NULL;
          cairn_demo_add_relationship (g->w, &r);
        }
      if (f->partner.present)
        {
          r = (CairnDemoRelationship) { 0 };
          r.child_id = k->id;
          r.person_id = f->partner.id;
          r.relationship = chance (g, 0.4) ? "stepfather" : "parent_partner";
          r.lives_with_child = TRUE;
          r.poses_risk = f->partner_risk;
          r.notes = f->partner_risk ? "Known to police for violence; previous partner's "
                                      "children subject to plans"
                                    : NULL;
          cairn_demo_add_relationship (g->w, &r);
        }
      if (f->grandparent.present)
        {
          r = (CairnDemoRelationship) { 0 };
          r.child_id = k->id;
          r.person_id = f->grandparent.id;
          r.relationship = "grandparent";
          r.lives_with_child = !mother_lives_in;
          r.notes = "Maternal grandmother; provides regular respite care";
          cairn_demo_add_relationship (g->w, &r);
        }
      for (int j = 0; j < f->n; j++)
        if (j != i)
          cairn_demo_add_child_link (g->w, k->id, f->kid[j].id, "sibling");
    }

  /* A family that moved here may have left an older half-sibling, with
   * their father, on the records of the authority they came from: a link
   * to a child on another database, by that database's reference. */
  if (f->transfer_in && chance (g, 0.5))
    {
      char given[CAIRN_DEMO_NAME_MAX], family[CAIRN_DEMO_NAME_MAX], reference[16];
      CairnDemoDay dob = f->kid[0].dob - (CairnDemoDay) rnd (g, 400, 1100);

      g_strlcpy (given, cairn_demo_given_name (&g->rng, f->pool, chance (g, 0.5) ? 'F' : 'M'),
                 sizeof given);
      cairn_demo_family_name (&g->rng, family);
      g_snprintf (reference, sizeof reference, "C-%06d", rnd (g, 1, 999999));
      for (int i = 0; i < f->n; i++)
        cairn_demo_add_external_link (g->w, f->kid[i].id, reference, given, family, dob,
                                      "sibling");
    }
}

/* Events --------------------------------------------------------------- */

static CairnDemoEvent
ev_new (gint64        case_id,
        const char   *kind,
        CairnDemoDay  day,
        int           minute,
        const Staff  *by)
{
  CairnDemoEvent e = { 0 };

  e.case_id = case_id;
  e.kind = kind;
  e.day = day;
  e.minute = minute;
  e.recorded_by = by ? by->name : NULL;
  e.child_seen = -1;
  e.seen_alone = -1;
  return e;
}

static void
ev_add (Gen            *g,
        CairnDemoEvent *e)
{
  cairn_demo_add_event (g->w, e);
  g->summary->events++;
  if (e->case_id == g->last_case && !e->planned &&
      (e->day > g->last_day || (e->day == g->last_day && e->minute > g->last_minute)))
    {
      g->last_day = e->day;
      g->last_minute = e->minute;
    }
}

/* Whether the child was seen, and seen alone (recorded at every visit:
 * WT2010 GR 3.26). An unborn child is neither. */
static void
ev_seen (Gen            *g,
         CairnDemoEvent *e,
         const Kid      *k)
{
  int age;

  if (k->dob > e->day)
    return;
  if (chance (g, 0.07))
    {
      e->child_seen = 0;
      e->notes = PICK (g, not_seen_reasons);
      return;
    }
  e->child_seen = 1;
  age = age_on (k->dob, e->day);
  if (age < 4)
    {
      e->seen_alone = 0;
      e->not_seen_alone_reason = "Child too young to be seen alone";
    }
  else if (chance (g, MIN (0.85, 0.35 + 0.04 * age)))
    e->seen_alone = 1;
  else
    {
      e->seen_alone = 0;
      e->not_seen_alone_reason = PICK (g, not_alone_reasons);
    }
}

static void
visits (Gen         *g,
        const Kid   *k,
        gint64       case_id,
        const Staff *by,
        CairnDemoDay from,
        CairnDemoDay to,
        int          min_wd,
        int          max_wd)
{
  to = MIN (to, kid_end (k));
  for (CairnDemoDay d = add_wd (from, rnd (g, min_wd, max_wd)); d < to && happened (g, d);
       d = add_wd (d, rnd (g, min_wd, max_wd)))
    {
      CairnDemoEvent e = ev_new (case_id, "home_visit", d, office_minute (g), by);
      ev_seen (g, &e, k);
      ev_add (g, &e);
    }
}

/* When the plan ended on @day: after the review conference that ended it. */
static int
plan_end_minute (Gen           *g,
                 const Episode *ep,
                 CairnDemoDay   day)
{
  if (ep->n_reviews > 0 && day == ep->reviews[ep->n_reviews - 1])
    return MIN (ep->review_minute[ep->n_reviews - 1] + 90, 23 * 60 + 55);
  return office_minute (g);
}

static gint64
write_assessment (Gen           *g,
                  const Episode *ep,
                  const Kid     *k,
                  const char    *kind,
                  CairnDemoDay   start,
                  CairnDemoDay   end,
                  const char    *late,
                  CairnDemoDay   closed,
                  CairnDemoDay   ref_day,
                  int            ref_minute)
{
  static const char *const start_kinds[] = { "initial_assessment_start", "core_assessment_start",
                                             "assessment_start" };
  static const char *const end_kinds[] = { "initial_assessment_complete",
                                           "core_assessment_complete", "assessment_complete" };
  int which = kind[0] == 'i' ? 0 : kind[0] == 'c' ? 1 : 2;
  CairnDemoAssessment a = { 0 };
  CairnDemoEvent e;
  gint64 id;
  const char *outcome;
  int start_minute;

  if (!happened (g, start) || start >= kid_end (k))
    return 0;
  end = upto (end, closed);
  end = happened (g, end) ? end : 0;
  switch (ep->level)
    {
    case LEVEL_ASSESSED:
      outcome = strcmp (ep->closure_reason, "RC9") == 0 ? "No further action: referred to early help"
                                                        : "No further action";
      break;
    case LEVEL_CIN:
      outcome = "Child in need: services and a child in need plan";
      break;
    case LEVEL_STRATEGY:
    case LEVEL_S47:
    case LEVEL_ICPC:
    case LEVEL_PLAN:
      if (which == 0)
        outcome = "Reasonable cause to suspect significant harm: strategy discussion";
      else if (ep->icpc && end > ep->icpc)
        outcome = "Assessment completed; findings shared with the core group";
      else if (ep->level >= LEVEL_ICPC)
        outcome = "Child's needs and risks assessed; report to the conference";
      else
        outcome = "Child's needs and risks assessed; child in need services";
      break;
    default:
      outcome = NULL;
    }
  a.case_id = k->case_id;
  a.kind = kind;
  a.started_on = start;
  a.authorised_on = end;
  a.internal_review_on = end && strcmp (kind, "single") == 0 && chance (g, 0.3)
                           ? add_wd (start, MAX (1, wd_between (start, end) / 2))
                           : 0;
  a.social_worker_id = which == 0 && ep->level < LEVEL_CIN ? ep->duty->id : ep->lead->id;
  a.child_seen = k->dob > start ? -1 : chance (g, 0.95) ? 1 : 0;
  a.outcome = end ? outcome : NULL;
  id = cairn_demo_add_assessment (g->w, &a);
  g->summary->assessments++;
  if (end)
    for (int i = 0; i < ep->n_factors; i++)
      cairn_demo_add_assessment_factor (g->w, id, ep->factors[i]);

  start_minute = minute_after (g, start, ref_day, ref_minute);
  e = ev_new (k->case_id, start_kinds[which], start, start_minute, ep->lead);
  ev_add (g, &e);
  if (end)
    {
      e = ev_new (k->case_id, end_kinds[which], end, minute_after (g, end, start, start_minute),
                  ep->lead);
      e.outcome = outcome;
      e.late_reason = late;
      ev_seen (g, &e, k);
      ev_add (g, &e);
    }
  return id;
}

static void
write_case (Gen     *g,
            Family  *f,
            Episode *ep,
            Kid     *k)
{
  CairnDemoCase c = { 0 };
  CairnDemoReferral r = { 0 };
  CairnDemoEvent e;
  CairnDemoDay kend = kid_end (k);
  CairnDemoDay closed = ep->closed;
  const char *reason = ep->closure_reason;
  gboolean is_closed;

  if (kend <= closed)
    {
      closed = kend;
      reason = k->death == kend ? "RC2" : chance (g, 0.5) ? "RC6" : "RC7";
    }
  is_closed = happened (g, closed);

  c.child_id = k->id;
  c.number = ++k->cases;
  c.opened_on = ep->referral;
  c.closed_on = is_closed ? closed : 0;
  c.closure_reason = is_closed ? reason : NULL;
  c.lead_worker_id = ep->lead->id;
  c.team = ep->lead->team;
  /* The census records a conference at episode level only when no section 47 holds it. */
  if (ep->transfer_in && happened (g, ep->icpc) && kid_active (k, ep->icpc))
    c.initial_cpc_on = ep->icpc;
  k->case_id = cairn_demo_add_case (g->w, &c);
  k->plan_id = 0;
  g->last_case = k->case_id;
  g->last_day = 0;
  g->last_minute = 0;
  g->summary->cases++;
  if (!is_closed)
    g->summary->open_cases++;
  quarter_count (g, g->q_referrals, ep->referral);

  r.case_id = k->case_id;
  r.received_on = ep->referral;
  r.received_minute = ep->referral_minute;
  r.channel = ep->channel;
  r.source_code = ep->source_code;
  r.source_agency_id = ep->source_agency;
  r.referrer_name = ep->referrer[0] ? ep->referrer : NULL;
  r.concern = ep->concern;
  r.primary_need_code = ep->need;
  if (happened (g, ep->decided))
    {
      r.decision = ep->decision;
      r.decided_on = ep->decided;
      r.decided_minute = ep->decided_minute;
      r.nfa = ep->level == LEVEL_NFA;
    }
  cairn_demo_add_referral (g->w, &r);

  e = ev_new (k->case_id, "referral", ep->referral, ep->referral_minute, ep->duty);
  e.notes = ep->concern;
  ev_add (g, &e);
  if (ep->transfer_in)
    {
      e = ev_new (k->case_id, "transfer_notified", ep->referral, ep->referral_minute, ep->duty);
      e.notes = "Family moved into the area; child subject to a plan in the previous authority";
      ev_add (g, &e);
    }
  if (happened (g, ep->acknowledged))
    {
      e = ev_new (k->case_id, "referral_acknowledged", ep->acknowledged, ep->acknowledged_minute,
                  ep->duty);
      e.notes = strcmp (ep->source_code, "9") == 0 ? "Anonymous referral: nobody to acknowledge"
                                                   : NULL;
      e.late_reason = ep->acknowledged_late;
      ev_add (g, &e);
    }
  if (happened (g, ep->decided))
    {
      e = ev_new (k->case_id, "referral_decision", ep->decided, ep->decided_minute, ep->manager);
      e.outcome = code_label (CAIRN_CODES_REFERRAL_DECISION, ep->decision);
      e.late_reason = ep->decision_late;
      ev_add (g, &e);
      if (ep->level == LEVEL_NFA)
        {
          e = ev_new (k->case_id, "nfa", ep->decided, ep->decided_minute, ep->manager);
          e.outcome = strcmp (ep->decision, "advice") == 0
                        ? "No further action: advice and signposting to the referrer"
                        : "No further action";
          ev_add (g, &e);
        }
    }

  /* Emergency action. */
  for (int o = 0; o < ep->n_orders; o++)
    {
      const Order *order = &ep->orders[o];
      CairnDemoLegalOrder lo = { 0 };
      const char *kind = NULL;

      if (!happened (g, order->start) || order->start >= kend)
        continue;
      lo.case_id = k->case_id;
      lo.kind = order->kind;
      lo.started_on = order->start;
      lo.started_minute = order->start_minute;
      lo.ended_on = happened (g, order->end) ? order->end : 0;
      lo.ended_minute = order->end_minute;
      lo.court = order->court;
      cairn_demo_add_legal_order (g->w, &lo);
      if (strcmp (order->kind, "police_protection") == 0)
        kind = "police_protection";
      else if (strcmp (order->kind, "epo") == 0)
        kind = "epo";
      else if (strcmp (order->kind, "interim_care_order") == 0)
        kind = "care_proceedings";
      if (kind != NULL)
        {
          e = ev_new (k->case_id, kind, order->start,
                      order->start_minute == CAIRN_NO_TIME
                        ? minute_after (g, order->start, ep->strategy, ep->strategy_minute)
                        : order->start_minute,
                      ep->lead);
          e.outcome = strcmp (kind, "care_proceedings") == 0
                        ? "Interim care order made"
                        : "Child removed to a place of safety";
          ev_add (g, &e);
        }
      /* Police protection (72 hours) and an EPO (8 days) run on a clock
       * that their end stops. */
      if ((strcmp (order->kind, "police_protection") == 0 || strcmp (order->kind, "epo") == 0) &&
          happened (g, order->end) && order->end < kend)
        {
          gboolean pp = order->kind[0] == 'p';
          e = ev_new (k->case_id, pp ? "police_protection_end" : "epo_end", order->end,
                      order->end_minute == CAIRN_NO_TIME ? office_minute (g) : order->end_minute,
                      ep->lead);
          e.outcome = pp ? "Police protection ended; child placed with a relative under a "
                           "safety plan"
                         : "Emergency protection order ended";
          ev_add (g, &e);
        }
    }

  write_assessment (g, ep, k, ep->a1_kind ? ep->a1_kind : "initial", ep->a1_start, ep->a1_end,
                    ep->a1_late, closed, ep->decided, ep->decided_minute);
  if (ep->core_start)
    write_assessment (g, ep, k, "core", ep->core_start, ep->core_end, ep->core_late, closed,
                      ep->core_start == ep->strategy ? ep->strategy : ep->a1_end,
                      ep->core_start == ep->strategy ? ep->strategy_minute : 17 * 60);

  if (happened (g, ep->strategy) && ep->strategy < kend)
    {
      CairnDemoStrategy s = { 0 };
      gint64 sd;

      s.case_id = k->case_id;
      s.held_on = ep->strategy;
      s.held_minute = ep->strategy_minute;
      s.format = ep->strategy_format;
      s.s47_decision = ep->s47_decision;
      s.criminal_investigation = ep->criminal;
      s.notes = ep->level == LEVEL_STRATEGY
                  ? "Threshold for section 47 enquiries not met; assessment to continue"
                  : ep->criminal ? "Joint enquiries; police to investigate possible offences"
                                 : "Section 47 enquiries by children's social care";
      sd = cairn_demo_add_strategy (g->w, &s);
      e = ev_new (k->case_id, "strategy_discussion", ep->strategy, ep->strategy_minute,
                  ep->manager);
      e.outcome = ep->level == LEVEL_STRATEGY ? "No section 47 enquiries"
                  : strcmp (ep->s47_decision, "joint") == 0 ? "Section 47 enquiries: joint with police"
                                                              : "Section 47 enquiries: single agency";
      ev_add (g, &e);

      if (ep->s47_start && happened (g, ep->s47_start))
        {
          CairnDemoS47 q = { 0 };
          CairnDemoDay end = upto (ep->s47_end, closed);
          gboolean conference = ep->icpc && happened (g, ep->icpc) && kid_active (k, ep->icpc);

          q.case_id = k->case_id;
          q.strategy_discussion_id = sd;
          q.started_on = ep->s47_start;
          q.completed_on = happened (g, end) ? end : 0;
          q.icpc_target_on = ep->level >= LEVEL_ICPC ? ep->icpc_target : 0;
          q.icpc_on = conference ? ep->icpc : 0;
          /* A closed episode's enquiry has a conference or needs none (rule 8868). */
          q.icpc_not_required = !conference && (ep->level == LEVEL_S47 ? q.completed_on != 0
                                                                       : is_closed);
          q.outcome = q.completed_on ? ep->s47_outcome : NULL;
          cairn_demo_add_s47 (g->w, &q);
          g->summary->s47_enquiries++;
          int s47_minute = minute_after (g, ep->s47_start, ep->strategy, ep->strategy_minute);
          e = ev_new (k->case_id, "s47_start", ep->s47_start, s47_minute, ep->lead);
          ev_add (g, &e);
          visits (g, k, k->case_id, ep->lead, ep->s47_start, q.completed_on ? end : g->as_of + 1,
                  3, 6);
          if (q.completed_on)
            {
              int end_minute = minute_after (g, end, ep->s47_start, s47_minute);

              e = ev_new (k->case_id, "s47_complete", end, end_minute, ep->lead);
              e.outcome = ep->s47_outcome;
              ev_seen (g, &e, k);
              ev_add (g, &e);
              /* No conference and no child in need plan: the enquiries end the
               * case's protection work (and the conference clock with it). */
              if (ep->level == LEVEL_S47 && ep->cin_start == 0 && end == ep->s47_end)
                {
                  e = ev_new (k->case_id, "nfa", end, imin (end_minute + 5, 23 * 60 + 55),
                              ep->manager);
                  e.outcome = "No further action after section 47 enquiries";
                  ev_add (g, &e);
                }
            }
        }
    }

  if (ep->cin_start && happened (g, ep->cin_start) && ep->cin_start < closed)
    {
      CairnDemoDay end = upto (ep->cin_end, closed);

      if (end <= ep->cin_start)
        end = ep->cin_start + 1;
      end = happened (g, end) ? end : 0;
      int cin_minute = ep->cin_start == ep->plan_end ? plan_end_minute (g, ep, ep->plan_end) + 5
                                                     : office_minute (g);
      cairn_demo_add_cin_plan (g->w, k->case_id, ep->cin_start, end);
      e = ev_new (k->case_id, "cin_plan_start", ep->cin_start, MIN (cin_minute, 23 * 60 + 55),
                  ep->lead);
      ev_add (g, &e);
      visits (g, k, k->case_id, ep->lead, ep->cin_start, end ? end : g->as_of + 1, 20, 35);
      if (end)
        {
          e = ev_new (k->case_id, "cin_plan_end", end, office_minute (g), ep->lead);
          ev_add (g, &e);
        }
    }

  if (k->death && k->death == kend && kend <= ep->closed && happened (g, k->death))
    {
      e = ev_new (k->case_id, "note", k->death, office_minute (g), ep->lead);
      e.notes = "Notified by the hospital of the child's death; police investigating";
      ev_add (g, &e);
    }
  if (is_closed)
    {
      /* Signed off at the end of the day, after anything else that day. */
      e = ev_new (k->case_id, "case_closed", closed,
                  imax (17 * 60 + 5 * rnd (g, 0, 11),
                        closed == g->last_day ? imin (g->last_minute + 5, 23 * 60 + 59) : 0),
                  ep->manager);
      e.outcome = code_label (CAIRN_CODES_CLOSURE_REASON, reason);
      ev_add (g, &e);
    }
}

/* Conferences and plans ------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *role;
  gint64 agency_id;
  const char *attendance;
  const char *contribution;
} Attendee;

#define MAX_ATTENDEES 24

typedef struct
{
  Attendee a[MAX_ATTENDEES];
  int n;
} Attendance;

static void
attend (Gen        *g,
        Attendance *list,
        const char *name,
        const char *role,
        gint64      agency_id,
        double      p_present,
        double      p_report)
{
  Attendee *a;
  double x = cairn_random_double (&g->rng);

  if (list->n >= MAX_ATTENDEES || name == NULL)
    return;
  a = &list->a[list->n++];
  a->name = name;
  a->role = role;
  a->agency_id = agency_id;
  if (x < p_present)
    {
      a->attendance = "present";
      a->contribution = agency_id == 0 ? NULL
                        : chance (g, 0.6) ? "Written report, shared with the family before the "
                                            "conference"
                                          : "Verbal report";
    }
  else if (x < p_present + p_report)
    {
      a->attendance = "report";
      a->contribution = "Written report received";
    }
  else if (agency_id == 0 && chance (g, 0.6))
    a->attendance = "absent";
  else
    a->attendance = "apologies";
}

static const char *
child_views_for (Gen *g,
                 int  age)
{
  static const char *const views[] = {
    "Said that things are better at home when there is no shouting",
    "Would like to see their father more often",
    "Said they feel safe at school and want to stay at the same school",
    "Did not want to talk about home; drew a picture with their worker",
    "Wants their mum to get help and said they worry about her",
  };

  return age >= 8 ? PICK (g, views) : NULL;
}

static CairnDemoDay
review_scheduled (const Episode *ep,
                  int            i)
{
  CairnDemoDay prev = i == 0 ? ep->plan_start : ep->reviews[i - 1];

  if (ep->review_late[i] == NULL)
    return ep->reviews[i];
  return weekday_on_or_before (add_months (prev, i == 0 ? 3 : 6) - 3);
}

/* The kid's plan ends when the episode's does, or earlier at 18 or death. */
static CairnDemoDay
kid_plan_end (const Episode *ep,
              const Kid     *k,
              const char   **reason)
{
  CairnDemoDay end = kid_end (k);

  if (end < ep->plan_end)
    {
      if (reason)
        *reason = k->death == end ? "died" : "age_18";
      return end;
    }
  if (reason)
    *reason = ep->plan_end_reason;
  return ep->plan_end;
}

static gint64
write_conference (Gen          *g,
                  Family       *f,
                  Episode      *ep,
                  const char   *kind,
                  CairnDemoDay  day,
                  int           minute,
                  const char   *category)
{
  static const char *const venues[] = {
    "Cairnside Civic Centre, Committee Room 2",
    "Millbrook Children's Centre",
    "Westholme Family Centre",
    "Cairnside Civic Centre, Committee Room 4",
  };
  static const char *const parents_views[] = {
    "Mother accepted the concerns and wants to work with the plan",
    "Parents disagreed with the level of concern but agreed to work with professionals",
    "Mother said she had already made changes and felt the conference was not needed",
    "Father did not accept the concerns; mother agreed with the plan",
  };
  CairnDemoConference c = { 0 };
  Attendance list = { 0 };
  gboolean young = FALSE, school_age = FALSE, unborn = FALSE;
  int oldest_age = -1;
  GHashTable *present_agencies;
  gint64 conf;
  char child_name[3 * CAIRN_DEMO_NAME_MAX] = "";

  for (int i = 0; i < f->n; i++)
    {
      const Kid *k = &f->kid[i];
      if (!kid_active (k, day))
        continue;
      if (k->dob > day)
        unborn = TRUE;
      else
        {
          int age = age_on (k->dob, day);
          young |= age < 5;
          school_age |= age >= 5;
          oldest_age = MAX (oldest_age, age);
        }
    }

  /* Professionals, then the family. */
  attend (g, &list, ep->lead->name, "Lead social worker", g->ag_csc, 0.97, 0.0);
  if (chance (g, 0.4))
    attend (g, &list, ep->manager->name, "Team manager", g->ag_csc, 1.0, 0.0);
  attend (g, &list, ep->police->name, "Police, Child Abuse Investigation Unit", g->ag_police, 0.8,
          0.15);
  if (unborn)
    {
      const Staff *mw = pick_staff (g, g->midwives);
      attend (g, &list, mw->name, "Community midwife", mw->agency_id, 0.8, 0.15);
    }
  if (young)
    {
      const Staff *hv = pick_staff (g, g->health_visitors);
      attend (g, &list, hv->name, "Health visitor", hv->agency_id, 0.75, 0.2);
    }
  if (school_age)
    {
      const Staff *sn = pick_staff (g, g->school_nurses);
      attend (g, &list, sn->name, "School nurse", sn->agency_id, 0.45, 0.45);
    }
  for (int i = 0; i < f->n; i++)
    {
      const Kid *k = &f->kid[i];
      gboolean seen = FALSE;
      if (!kid_active (k, day) || k->school == NULL)
        continue;
      for (int j = 0; j < i; j++)
        seen |= f->kid[j].school == k->school && kid_active (&f->kid[j], day);
      if (!seen)
        attend (g, &list, k->school->staff->name, "Designated safeguarding lead",
                k->school->agency_id, 0.7, 0.25);
    }
  attend (g, &list, f->practice->staff->name, "General practitioner", f->practice->agency_id, 0.1,
          0.55);
  if (f->partner_risk && chance (g, 0.6))
    {
      const Staff *p = pick_staff (g, g->probation);
      attend (g, &list, p->name, "Probation officer", p->agency_id, 0.5, 0.3);
    }
  if (f->mental_health)
    {
      const Staff *p = pick_staff (g, g->mental_health);
      attend (g, &list, p->name, "Community psychiatric nurse (mother)", p->agency_id, 0.4, 0.3);
    }
  if (f->substance)
    {
      const Staff *p = pick_staff (g, g->substance);
      attend (g, &list, p->name, "Drug and alcohol worker", p->agency_id, 0.5, 0.3);
    }
  attend (g, &list, f->mother.full, "Mother", 0, 0.85, 0.0);
  if (f->father.present)
    attend (g, &list, f->father.full, "Father", 0, f->father_lives_in ? 0.7 : 0.35, 0.0);
  if (f->partner.present)
    attend (g, &list, f->partner.full, "Mother's partner", 0, f->partner_risk ? 0.2 : 0.5, 0.0);
  if (oldest_age >= 12 && chance (g, 0.3))
    for (int i = 0; i < f->n; i++)
      if (kid_active (&f->kid[i], day) && f->kid[i].dob <= day &&
          age_on (f->kid[i].dob, day) == oldest_age)
        {
          g_snprintf (child_name, sizeof child_name, "%s %s", f->kid[i].given, f->family_name);
          attend (g, &list, child_name, "Child", 0, 1.0, 0.0);
          break;
        }
  if (f->interpreter)
    attend (g, &list, "Interpreter (booked through Cairnside Language Services)", "Interpreter",
            0, 1.0, 0.0);

  /* Quorum: children's social care and at least two other agencies present.
   * Chairs usually rebook a conference that would not be quorate, so most
   * are; when one is short, someone who sent a report often comes after all. */
  present_agencies = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (int pass = 0; pass < 2; pass++)
    {
      g_hash_table_remove_all (present_agencies);
      for (int i = 0; i < list.n; i++)
        if (list.a[i].agency_id != 0 && list.a[i].agency_id != g->ag_csc &&
            strcmp (list.a[i].attendance, "present") == 0)
          g_hash_table_add (present_agencies, &list.a[i].agency_id);
      if (pass == 1 || g_hash_table_size (present_agencies) >= 2 || !chance (g, 0.7))
        break;
      for (int i = 0; i < list.n; i++)
        if (list.a[i].agency_id != 0 && list.a[i].agency_id != g->ag_csc &&
            strcmp (list.a[i].attendance, "present") != 0)
          {
            list.a[i].attendance = "present";
            list.a[i].contribution = "Verbal report";
            break;
          }
    }

  c.year = year_of (day);
  c.kind = kind;
  c.held_on = day;
  c.held_minute = minute;
  c.venue = PICK (g, venues);
  c.chair_id = ep->chair->id;
  c.minute_taker = g->minute_takers[cairn_random_below (&g->rng, G_N_ELEMENTS (g->minute_takers))];
  c.quorate = g_hash_table_size (present_agencies) >= 2;
  if (!c.quorate)
    c.quorate_reason = unborn ? "Fewer than two agencies besides children's social care present; "
                                "the chair proceeded as the baby is due soon and written reports "
                                "were received"
                              : "Fewer than two agencies besides children's social care present; "
                                "the chair proceeded because written reports were received and "
                                "a delay would leave the child at risk";
  g_hash_table_unref (present_agencies);
  c.status = g->as_of - day < 10 ? "draft" : g->as_of - day < 30 ? "approved" : "issued";
  c.parents_views = PICK (g, parents_views);
  c.child_views = child_views_for (g, oldest_age);
  c.strengths = PICK (g, ((const char *const[]) {
    "Mother is warm towards the children and has engaged with the health visitor",
    "Good school attendance; the children have a supportive grandmother",
    "Parents have kept most appointments and accept the need for change",
  }));
  c.risks = risks_for (category);
  conf = cairn_demo_add_conference (g->w, &c);
  g->summary->conferences++;

  for (int i = 0; i < list.n; i++)
    {
      CairnDemoAttendee a = { 0 };

      a.conference_id = conf;
      a.name = list.a[i].name;
      a.role = list.a[i].role;
      a.agency_id = list.a[i].agency_id;
      a.attendance = list.a[i].attendance;
      a.contribution = list.a[i].contribution;
      cairn_demo_add_attendee (g->w, &a);
    }
  return conf;
}

static void
add_subject_categories (Gen         *g,
                        gint64       subject,
                        const char  *const *specific,
                        int          n)
{
  for (int i = 0; i < n; i++)
    cairn_demo_add_subject_category (g->w, subject, specific[i]);
}

/* The outline plan's first actions (what, who, by when), from the category:
 * no randomness, so the rest of the board is as it was. */
static void
write_plan_actions (Gen     *g,
                    Episode *ep,
                    gint64   subject)
{
  const char *first, *second, *second_owner;

  switch (ep->initial_category[0])
    {
    case 'N':
      first = "Agree a daily routine with the parents and check it at each visit";
      second = "Weigh the children and review their development";
      second_owner = "Health visitor";
      break;
    case 'P':
      first = "Refer the parents to the parenting programme";
      second = "Report any injury to the social worker the same day";
      second_owner = "School and health staff";
      break;
    case 'S':
      first = "Agree the safety plan with the protective parent";
      second = "Offer the child therapeutic support";
      second_owner = "Child and adolescent mental health service";
      break;
    default:
      first = "Refer the mother to the domestic abuse programme";
      second = "Direct work with the children about their experiences";
      second_owner = "Family support worker";
      break;
    }
  cairn_demo_add_plan_action (g->w, subject, first, ep->lead->name, ep->plan_start + 14, NULL);
  cairn_demo_add_plan_action (g->w, subject, second, second_owner, 0, "Weekly, from the first core group");
  cairn_demo_add_plan_action (g->w, subject, "See the children, alone where appropriate", ep->lead->name, 0,
                              "At every statutory visit");
}

/* The plan's core group, and the same people as the conference named them
 * for the child (@subject; the lead social worker is named apart). */
static void
write_core_group (Gen     *g,
                  Family  *f,
                  Episode *ep,
                  Kid     *k,
                  gint64   plan,
                  gint64   subject)
{
  gint64 members[12] = { 0 };
  int n = 0;

#define ADD_MEMBER(id_)                       \
  G_STMT_START                                \
  {                                           \
    gint64 id = (id_);                        \
    gboolean dup = FALSE;                     \
    for (int m_ = 0; m_ < n; m_++)            \
      dup |= members[m_] == id;               \
    if (!dup && n < 12)                       \
      members[n++] = id;                      \
  }                                           \
  G_STMT_END

  ADD_MEMBER (ep->lead->id);
  if (k->dob > ep->plan_start)
    ADD_MEMBER (pick_staff (g, g->midwives)->id);
  if (k->dob > ep->plan_start || age_on (k->dob, ep->plan_start) < 5)
    ADD_MEMBER (pick_staff (g, g->health_visitors)->id);
  else
    ADD_MEMBER (pick_staff (g, g->school_nurses)->id);
  if (k->school != NULL)
    ADD_MEMBER (k->school->staff->id);
  ADD_MEMBER (f->practice->staff->id);
  if (chance (g, 0.2))
    ADD_MEMBER (ep->police->id);
  if (f->partner_risk)
    ADD_MEMBER (pick_staff (g, g->probation)->id);
  if (f->mental_health)
    ADD_MEMBER (pick_staff (g, g->mental_health)->id);
  if (f->substance)
    ADD_MEMBER (pick_staff (g, g->substance)->id);
#undef ADD_MEMBER

  for (int i = 0; i < n; i++)
    {
      cairn_demo_add_core_group_member (g->w, plan, members[i]);
      if (members[i] != ep->lead->id)
        cairn_demo_add_conference_core_group (g->w, subject, members[i]);
    }
}

static void
write_protection (Gen     *g,
                  Family  *f,
                  Episode *ep)
{
  gboolean unborn = FALSE;
  const char *kind;
  gint64 conf;
  gboolean on_time = ep->transfer_in ? wd_between (ep->referral, ep->icpc) <= 15
                                     : wd_between (ep->strategy, ep->icpc) <= 15;

  for (int i = 0; i < f->n; i++)
    unborn |= kid_active (&f->kid[i], ep->icpc) && f->kid[i].dob > ep->icpc;
  kind = ep->transfer_in ? "transfer_in" : unborn ? "pre_birth" : "initial";

  conf = write_conference (g, f, ep, kind, ep->icpc, ep->icpc_minute, ep->category);
  for (int i = 0; i < f->n; i++)
    {
      Kid *k = &f->kid[i];
      CairnDemoConferenceSubject s = { 0 };
      CairnDemoEvent e;
      /* No plan for a young person about to turn 18: adult services take over. */
      gboolean plan = ep->level == LEVEL_PLAN && k->turns18 > ep->icpc + 90;
      gint64 subject;

      if (!kid_active (k, ep->icpc))
        continue;
      s.conference_id = conf;
      s.case_id = k->case_id;
      s.likely_significant_harm = plan;
      s.plan_decision = plan ? "start" : "none";
      s.lead_worker_id = ep->lead->id;
      if (plan)
        {
          s.outline_plan = outline_plan_for (ep->initial_category);
          s.contingency_plan = "If the plan is not followed or the risks increase, the lead "
                               "social worker will seek legal advice about care proceedings.";
          s.next_review_on = ep->n_reviews > 0 ? review_scheduled (ep, 0) : 0;
          if (ep->dissent && i == 0)
            s.dissent = "The police representative did not agree with the category and would "
                        "have recorded physical abuse; the chair's decision stands.";
        }
      else
        s.outline_plan = "No child protection plan: a child in need plan will be agreed with the "
                         "family within 10 working days.";
      subject = cairn_demo_add_conference_subject (g->w, &s);
      if (plan && !ep->mul_unspecified)
        add_subject_categories (g, subject, ep->initial_specific, ep->n_initial_specific);

      e = ev_new (k->case_id,
                  ep->transfer_in ? "transfer_in_conference"
                  : k->dob > ep->icpc ? "pre_birth_conference"
                                      : "icpc",
                  ep->icpc, ep->icpc_minute, ep->chair);
      e.outcome = plan ? "Child protection plan" : "No child protection plan; child in need plan";
      e.late_reason = ep->icpc_late;
      ev_add (g, &e);
      quarter_count (g, g->q_icpcs, ep->icpc);
      if (on_time)
        quarter_count (g, g->q_icpcs_on_time, ep->icpc);

      if (plan)
        {
          CairnDemoPlan p = { 0 };
          const char *reason = NULL;
          CairnDemoDay end = kid_plan_end (ep, k, &reason);
          gboolean ended = happened (g, end);
          gboolean changed = ep->category_change_review >= 0 &&
                             happened (g, ep->reviews[ep->category_change_review]) &&
                             ep->reviews[ep->category_change_review] <= end;
          char label[64];

          p.case_id = k->case_id;
          p.started_on = ep->plan_start;
          p.ended_on = ended ? end : 0;
          p.end_reason = ended ? reason : NULL;
          p.initial_category = ep->initial_category;
          p.latest_category = changed ? ep->latest_category : ep->initial_category;
          p.previous_plans = k->plans;
          p.lead_worker_id = ep->lead->id;
          p.contingency_plan = s.contingency_plan;
          k->plan_id = cairn_demo_add_plan (g->w, &p);
          k->plans++;
          g->summary->plans++;
          if (!ended)
            g->summary->open_plans++;
          quarter_count (g, g->q_plans, ep->plan_start);
          if (!ep->mul_unspecified)
            {
              const char *const *spec = changed ? ep->latest_specific : ep->initial_specific;
              int n = changed ? ep->n_latest_specific : ep->n_initial_specific;
              for (int c = 0; c < n; c++)
                cairn_demo_add_plan_category (g->w, k->plan_id, spec[c]);
            }
          write_core_group (g, f, ep, k, k->plan_id, subject);
          write_plan_actions (g, ep, subject);

          g_snprintf (label, sizeof label, "Category: %s", category_label (ep->initial_category));
          e = ev_new (k->case_id, "cp_plan_start", ep->plan_start, ep->icpc_minute + 90, ep->chair);
          e.outcome = label;
          ev_add (g, &e);

          for (int c = 0; c < ep->n_core_groups; c++)
            {
              CairnDemoDay day = ep->core_groups[c];
              if (day >= end || !happened (g, day))
                break;
              cairn_demo_add_core_group_meeting (g->w, k->plan_id, day,
                                                 c == 0 ? "First core group: outline plan made "
                                                          "into a detailed plan"
                                                        : NULL);
              e = ev_new (k->case_id, "core_group", day, office_minute (g), ep->lead);
              e.late_reason = c == 0 ? ep->first_core_group_late : NULL;
              ev_add (g, &e);
            }
          visits (g, k, k->case_id, ep->lead, ep->plan_start, end, 8, 12);
          if (ended)
            {
              e = ev_new (k->case_id, "cp_plan_end", end, plan_end_minute (g, ep, end), ep->chair);
              e.outcome = end_reason_label (reason);
              ev_add (g, &e);
            }
        }
    }

  if (ep->level != LEVEL_PLAN)
    return;

  /* Review conferences, shared by the siblings whose plans are still open. */
  for (int r = 0; r < ep->n_reviews; r++)
    {
      CairnDemoDay day = ep->reviews[r];
      gboolean any = FALSE;
      gboolean changes = r == ep->category_change_review;
      const char *category = r >= ep->category_change_review && ep->category_change_review >= 0
                               ? ep->latest_category
                               : ep->initial_category;
      int minute = ep->review_minute[r];

      for (int i = 0; i < f->n; i++)
        any |= f->kid[i].plan_id != 0 && day <= kid_plan_end (ep, &f->kid[i], NULL) &&
               kid_active (&f->kid[i], day);
      if (!any)
        break;
      if (!happened (g, day))
        {
          /* The next review, booked: the timers count down to it. */
          for (int i = 0; i < f->n; i++)
            {
              Kid *k = &f->kid[i];
              CairnDemoEvent e;
              if (k->plan_id == 0 || day > kid_plan_end (ep, k, NULL))
                continue;
              e = ev_new (k->case_id, "review_conference", review_scheduled (ep, r), minute,
                          ep->chair);
              e.planned = TRUE;
              e.notes = "Review child protection conference booked";
              ev_add (g, &e);
            }
          break;
        }

      conf = write_conference (g, f, ep, "review", day, minute, category);
      for (int i = 0; i < f->n; i++)
        {
          Kid *k = &f->kid[i];
          CairnDemoConferenceSubject s = { 0 };
          CairnDemoEvent e;
          CairnDemoDay end;
          gboolean ends;
          gint64 subject;

          if (k->plan_id == 0 || !kid_active (k, day))
            continue;
          end = kid_plan_end (ep, k, NULL);
          if (day > end)
            continue;
          ends = day == end;
          s.conference_id = conf;
          s.case_id = k->case_id;
          s.likely_significant_harm = !ends;
          s.plan_decision = ends ? "end" : "continue";
          s.lead_worker_id = ep->lead->id;
          if (!ends)
            {
              s.outline_plan = outline_plan_for (category);
              s.contingency_plan = "If the plan is not followed or the risks increase, legal "
                                   "advice will be sought about care proceedings.";
              s.next_review_on = r + 1 < ep->n_reviews ? review_scheduled (ep, r + 1) : 0;
            }
          subject = cairn_demo_add_conference_subject (g->w, &s);
          if (!ends && !ep->mul_unspecified)
            {
              if (r >= ep->category_change_review && ep->category_change_review >= 0)
                add_subject_categories (g, subject, ep->latest_specific, ep->n_latest_specific);
              else
                add_subject_categories (g, subject, ep->initial_specific,
                                        ep->n_initial_specific);
            }
          cairn_demo_add_plan_review (g->w, k->plan_id, day);
          e = ev_new (k->case_id, "review_conference", day, minute, ep->chair);
          e.outcome = ends ? "Plan ended" : changes ? "Plan continues; category changed"
                                                    : "Plan continues";
          e.late_reason = ep->review_late[r];
          ev_add (g, &e);
        }
    }
}

static void
write_episode (Gen     *g,
               Family  *f,
               Episode *ep)
{
  for (int i = 0; i < f->n; i++)
    {
      Kid *k = &f->kid[i];
      k->in_episode = kid_in (k, ep->referral);
      k->case_id = 0;
      k->plan_id = 0;
    }
  for (int i = 0; i < f->n; i++)
    if (f->kid[i].in_episode)
      write_case (g, f, ep, &f->kid[i]);
  if (ep->icpc != 0 && happened (g, ep->icpc))
    {
      gboolean any = FALSE;
      for (int i = 0; i < f->n; i++)
        any |= kid_active (&f->kid[i], ep->icpc);
      if (any)
        write_protection (g, f, ep);
    }
}

static void
write_family (Gen    *g,
              Family *f)
{
  write_children (g, f);
  write_household (g, f);
  for (int e = 0; e < f->n_episodes; e++)
    write_episode (g, f, &f->ep[e]);

  if (f->scenario != SCENARIO_NONE)
    {
      ScenarioFacts *x = &g->facts[f->scenario];
      Kid *k = f->scenario == SCENARIO_INJURY ? &f->kid[f->n - 1] : &f->kid[0];
      Episode *ep = &f->ep[0];

      x->done = TRUE;
      x->child_id = k->id;
      g_strlcpy (x->child_name, k->given, sizeof x->child_name);
      g_strlcpy (x->family_name, f->family_name, sizeof x->family_name);
      g_strlcpy (x->mother, f->mother.full, sizeof x->mother);
      g_strlcpy (x->partner, f->partner.present ? f->partner.full : "", sizeof x->partner);
      x->mother_id = f->mother.id;
      x->partner_id = f->partner.present ? f->partner.id : 0;
      x->sex = k->sex;
      x->dob = k->dob;
      x->referral = ep->referral;
      x->strategy = ep->strategy;
      x->icpc = ep->icpc;
      x->plan_end = ep->plan_end;
      x->cin_start = ep->cin_start;
      x->category = ep->initial_category;
      x->source_code = ep->source_code;
      switch (f->scenario)
        {
        case SCENARIO_DEATH:
          x->incident = k->death;
          break;
        case SCENARIO_EXPLOITED:
          x->incident = weekday_on_or_after (MAX (ep->plan_start + 40, add_months (g->as_of, -8)));
          if (x->incident + 40 > g->as_of || k->case_id == 0)
            x->incident = 0;
          else
            {
              CairnDemoEvent e = ev_new (k->case_id, "note", x->incident, office_minute (g),
                                         ep->lead);
              e.notes = "Admitted to hospital after a serious sexual assault by an adult she met "
                        "through older friends; police investigating. Serious incident notified "
                        "to Ofsted.";
              ev_add (g, &e);
            }
          break;
        case SCENARIO_INJURY:
          x->incident = ep->referral;
          break;
        default:
          break;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Serious case reviews                                                */

static void
person_name (Gen  *g,
             char  buf[2 * CAIRN_DEMO_NAME_MAX])
{
  char family[CAIRN_DEMO_NAME_MAX];

  cairn_demo_family_name (&g->rng, family);
  g_snprintf (buf, 2 * CAIRN_DEMO_NAME_MAX, "%s %s",
              cairn_demo_given_name (&g->rng, pick_pool (g), chance (g, 0.5) ? 'F' : 'M'), family);
}

static const char *
nurse_organisation (Gen         *g,
                    CairnDemoDay day)
{
  return day >= day_ymd (2013, 4, 1) ? "NHS Cairnside Clinical Commissioning Group"
                                     : "NHS Cairnside (Primary Care Trust)";
}

/* The panel, by job title and organisation; returns the business
 * manager's row (who releases words at the publication check). */
static gint64
write_panel (Gen          *g,
             gint64        scr,
             CairnDemoDay  day)
{
  gint64 manager = 0;

  static const char *const titles[][2] = {
    { "Head of Safeguarding", "Cairnside Children's Social Care" },
    { "Detective Inspector, Public Protection Unit", "Cairnshire Constabulary" },
    { "Designated Nurse for Safeguarding Children", NULL },
    { "Named Doctor for Safeguarding Children", "Cairnside Hospitals NHS Foundation Trust" },
    { "Senior Probation Officer", "Cairnshire Probation Trust" },
    { "Head of Education Safeguarding", "Cairnside Education Services" },
    { "LSCB Business Manager", "Cairnside Local Safeguarding Children Board" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      char name[2 * CAIRN_DEMO_NAME_MAX];
      const Member *m = member_on (g, titles[i][0], day);

      if (m != NULL)
        g_strlcpy (name, m->name, sizeof name);
      else
        person_name (g, name);
      gint64 id = cairn_demo_add_scr_panel_member (g->w, scr, name, titles[i][0],
                                                   titles[i][1] ? titles[i][1]
                                                                : nurse_organisation (g, day));
      if (strcmp (titles[i][0], "LSCB Business Manager") == 0)
        manager = id;
    }
  return manager;
}

/* SCR-YYYY-NN: numbered within the calendar year of the decision. */
static int
next_scr_number (Gen *g,
                 int  year)
{
  return ++g->scr_numbers[CLAMP (year - 1990, 0, (int) G_N_ELEMENTS (g->scr_numbers) - 1)];
}

static const char *
independent_chair_on (Gen         *g,
                      CairnDemoDay day)
{
  const Member *m = member_on (g, "Independent Chair", day);

  return m ? m->name : "";
}

static void
remember_scr (Gen                *g,
              Scenario            scenario,
              const CairnDemoScr *s)
{
  ScenarioFacts *x = &g->facts[scenario];

  g_snprintf (x->scr_ref, sizeof x->scr_ref, "SCR-%04d-%02d", s->year, s->number);
  x->notified = s->notified_on;
  x->decided = s->decision_on;
  x->completed = s->completed_on;
  x->published = s->published_on;
}

/* The edition of Working Together in force on @day, as a citation. */
static const char *
guidance_on (Gen         *g,
             CairnDemoDay day)
{
  if (day >= g->wt2013_from)
    return "chapter 4 of Working Together to Safeguard Children (2013)";
  if (day >= g->ia_ten_days_from)
    return "chapter 8 of Working Together to Safeguard Children (2010)";
  return "chapter 8 of Working Together to Safeguard Children (2006, as revised in 2009)";
}

typedef struct
{
  int source_imr;
  const char *body;
  const char *actions[2];
  const char *agencies[2];
  const char *responsible[2];
} Recommendation;

static void
write_scr_death (Gen *g)
{
  const ScenarioFacts *x = &g->facts[SCENARIO_DEATH];
  static const Recommendation recs[] = {
    { 0, "The Board should seek assurance that child protection plans are not ended while the "
         "factors that led to them remain, and that conference chairs record how each risk has "
         "reduced.",
      { "Revise the review conference guidance and the chairs' recording template",
        "Audit thirty plans ended at review conferences and report the findings to the Board" },
      { "CSC", "CSC, POL, CHS" },
      { "Head of Safeguarding", "Chair, Quality Assurance and Performance sub-group" } },
    { 0, "Agencies should share what they know about adults who join a household where a child "
         "is, or has recently been, the subject of a plan.",
      { "Agree a protocol for police and probation checks on new adults in the household",
        NULL },
      { "POL, PROB, CSC", NULL },
      { "Detective Superintendent, Public Protection", NULL } },
    { 1, "The health visiting service should make sure that an experienced health visitor sees "
         "every baby whose plan has ended within the last six months.",
      { "Change the health visiting caseload weighting and supervision policy", NULL },
      { "CHS", NULL },
      { "Head of Children's Community Services", NULL } },
    { 0, "The Board should provide multi-agency training on the risks to babies from adults "
         "with a history of violence.",
      { "Deliver the 'Babies at risk' course to at least 200 practitioners",
        "Evaluate the course's effect on practice through a case file audit" },
      { "LSCB", "LSCB" },
      { "Chair, Learning and Development sub-group", "LSCB Business Manager" } },
    { 1, "Children's social care managers should make sure that the child's daily lived "
         "experience is recorded at every statutory visit.",
      { "Add the child's lived experience to the visit recording form and audit its use", NULL },
      { "CSC", NULL },
      { "Head of Safeguarding", NULL } },
    { 0, "General practitioners should be invited to every child protection conference and "
         "core group, and the practice should record the child's plan on the records of every "
         "member of the household.",
      { "Issue guidance to GP practices and check compliance through the annual section 11 audit",
        NULL },
      { "CCG", NULL },
      { "Designated Nurse for Safeguarding Children", NULL } },
  };
  CairnDemoScr s = { 0 };
  char title[64], trigger[512], child[CAIRN_DEMO_NAME_MAX], panel_chair[2 * CAIRN_DEMO_NAME_MAX],
    author[2 * CAIRN_DEMO_NAME_MAX];
  char d_ref[40], d_icpc[40], d_dob[40], d_end[40], d_death[40], d_decision[40];
  const char *pronoun = x->sex == 'M' ? "he" : "she";
  const char *possessive = x->sex == 'M' ? "his" : "her";
  CairnDemoDay plan_date;
  gint64 scr, panel_manager;
  GString *text;

  if (!x->done || x->incident == 0)
    return;
  g_strlcpy (child, x->child_name, sizeof child);
  s.notified_on = add_wd (x->incident, 1);
  s.decision_on = add_wd (s.notified_on, rnd (g, 12, 18));
  if (!happened (g, s.notified_on))
    return;
  person_name (g, panel_chair);
  person_name (g, author);
  format_display (x->referral, d_ref, sizeof d_ref);
  format_display (x->icpc, d_icpc, sizeof d_icpc);
  format_display (x->dob, d_dob, sizeof d_dob);
  format_display (x->plan_end, d_end, sizeof d_end);
  format_display (x->incident, d_death, sizeof d_death);
  format_display (s.decision_on, d_decision, sizeof d_decision);

  s.year = year_of (happened (g, s.decision_on) ? s.decision_on : s.notified_on);
  s.number = next_scr_number (g, s.year);
  g_snprintf (title, sizeof title, "Child A");
  s.title = title;
  s.child_id = x->child_id;
  s.criterion = "M1";
  /* Dates, not ages: the summary shows them as the child's age (date_display). */
  g_snprintf (trigger, sizeof trigger,
              "%s died from head injuries on %s. %s had been the subject of a child protection "
              "plan (neglect) from before birth; the plan ended on %s.",
              child, d_death, child, d_end);
  s.trigger_summary = trigger;
  s.incident_on = x->incident;
  s.lscb_chair = independent_chair_on (g, s.decision_on);
  s.scope_from = x->referral - 90;
  s.scope_to = x->incident;
  s.parallel_processes = "Criminal proceedings: the mother's partner was charged with murder; the "
                         "review's publication waited for the end of the trial. The coroner "
                         "opened and adjourned an inquest.";
  s.family_involvement = "The mother met the panel chair and the overview author twice and her "
                         "views are reflected in the report. The mother's partner declined to "
                         "take part.";
  s.independence_statement = "The panel chair and the overview author are independent of the "
                             "Board's agencies and had no involvement in the case or in the "
                             "line management of the staff concerned.";
  /* A baby's summary gives ages rather than months and years. */
  s.date_display = "age";
  if (happened (g, s.decision_on))
    {
      s.decision = "initiate";
      s.panel_chair = panel_chair;
      s.overview_author = author;
      s.stage = "in_progress";
      /* Six months from the decision (T02), a few weeks late: the trial. */
      s.completed_on = weekday_on_or_after (add_months (s.decision_on, 6) + rnd (g, 10, 30));
      s.sent_to_ofsted_on = add_wd (s.completed_on, 3);
      s.published_on = weekday_on_or_after (s.sent_to_ofsted_on + rnd (g, 50, 80));
      if (!happened (g, s.completed_on))
        s.completed_on = s.sent_to_ofsted_on = s.published_on = 0;
      else
        s.stage = "completed";
      if (!happened (g, s.sent_to_ofsted_on))
        s.sent_to_ofsted_on = s.published_on = 0;
      if (!happened (g, s.published_on))
        s.published_on = 0;
      else
        s.stage = "published";
    }
  else
    {
      s.decision_on = 0;
      s.stage = "considered";
    }
  scr = cairn_demo_add_scr (g->w, &s);
  g->summary->scrs++;
  remember_scr (g, SCENARIO_DEATH, &s);
  if (s.decision == NULL)
    return;

  panel_manager = write_panel (g, scr, s.decision_on);
  {
    static const struct
    {
      int agency;
      int weeks;
    } imrs[] = { { 0, 8 }, { 1, 9 }, { 2, 8 }, { 3, 10 }, { 4, 9 }, { 5, 11 } };
    gint64 agencies[] = { g->ag_csc, g->ag_police, g->ag_hospital, g->ag_community,
                          g->ag_substance, g->ag_probation };
    for (gsize i = 0; i < G_N_ELEMENTS (imrs); i++)
      {
        char name[2 * CAIRN_DEMO_NAME_MAX];
        CairnDemoDay received = s.decision_on + imrs[i].weeks * 7;
        person_name (g, name);
        cairn_demo_add_scr_imr (g->w, scr, agencies[imrs[i].agency], name,
                                happened (g, received) ? received : 0);
      }
  }

  text = g_string_new (NULL);
  g_string_printf (text,
                   "This serious case review was commissioned by the Chair of the Cairnside Local "
                   "Safeguarding Children Board, %s, on %s, after the death of %s. The Board's "
                   "Serious Case Review sub-group advised that the criteria in %s were met: %s "
                   "died and abuse or neglect was suspected to be a factor in %s death.\n\n"
                   "The review was overseen by a panel chaired by %s, an independent "
                   "safeguarding consultant. The overview report was written by %s, an "
                   "independent social work consultant. Neither has worked for any of the "
                   "Board's agencies or had any involvement with the family. The other members "
                   "of the panel are listed by job title and organisation at the end of this "
                   "summary.\n\n"
                   "Individual management reviews were received from children's social care, "
                   "the police, the hospital trust (midwifery and the Emergency Department), "
                   "community health services (health visiting), the drug and alcohol service "
                   "and the probation trust. %s's mother, %s, met the panel chair and the "
                   "overview author twice; her views are reflected in the report. The mother's "
                   "partner, %s, declined to take part. Criminal proceedings against him delayed "
                   "the completion of the review.",
                   s.lscb_chair, d_decision, child, guidance_on (g, s.decision_on), child,
                   possessive, panel_chair, author, child, x->mother, x->partner);
  cairn_demo_add_scr_section (g->w, scr, "introduction", text->str);

  g_string_printf (text,
                   "%s's mother was referred to children's social care by the community "
                   "midwife on %s because of her drug use and because she had disclosed "
                   "domestic abuse by her partner, %s. Police records showed two previous "
                   "call-outs to the couple's flat.\n\n"
                   "A pre-birth child protection conference on %s decided that the baby would "
                   "be likely to suffer significant harm, and %s became the subject of a child "
                   "protection plan under the category of neglect. %s was born on %s. The "
                   "mother engaged well with the drug and alcohol service and the health "
                   "visitor in the first months, and the first review conference found good "
                   "progress.\n\n"
                   "At the second review conference, on %s, the plan was ended and a child in "
                   "need plan agreed. The police and the probation trust knew that %s had "
                   "returned to live with the mother but this was not shared with the "
                   "conference. Over the following weeks the health visitor's visits were "
                   "cancelled twice and %s was not seen by any professional for five weeks.\n\n"
                   "On %s %s was taken to the Emergency Department by ambulance with head "
                   "injuries and died the next day.",
                   child, d_ref, x->partner, d_icpc, child, child, d_dob, d_end, x->partner,
                   child, d_death, child);
  cairn_demo_add_scr_section (g->w, scr, "facts", text->str);

  g_string_printf (text,
                   "1. The decision to end the plan. The second review conference ended %s's "
                   "plan on the strength of the mother's progress with her drug use. The risk "
                   "from domestic abuse, one of the two reasons for the plan, had not been "
                   "reassessed.\n\n"
                   "2. Information about the household. The police and probation both knew "
                   "that %s was living at the address again. Neither agency was asked, and "
                   "neither told the social worker.\n\n"
                   "3. Seeing the baby. After the plan ended, nobody saw %s for five weeks. "
                   "Missed visits were not followed up, and the child in need plan did not say "
                   "how often %s should be seen.\n\n"
                   "4. Opportunities for early intervention. With hindsight, a different "
                   "decision at the second review conference, or a check on who was living in "
                   "the household, could have led to a different outcome. The panel did not "
                   "find that %s's death could have been predicted.",
                   child, x->partner, child, pronoun, child);
  cairn_demo_add_scr_section (g->w, scr, "key_issues", text->str);

  cairn_demo_add_scr_section (
    g->w, scr, "learning",
    "Plans should not end while the factors that led to them remain; progress on one concern "
    "does not reduce the risk from another. Professionals must know who lives in a baby's home, "
    "and agencies must share what they know about adults joining the household. Babies cannot "
    "speak for themselves: when they are not seen, that absence is itself a concern. Child in "
    "need plans after a child protection plan need the same clarity about visits as the plan "
    "they follow.");

  g_string_assign (text, "The review makes six recommendations. The Board accepted them all "
                         "and its action plan is monitored by the Serious Case Review "
                         "sub-group.\n\n");
  for (gsize i = 0; i < G_N_ELEMENTS (recs); i++)
    g_string_append_printf (text, "%zu. %s\n", i + 1, recs[i].body);
  cairn_demo_add_scr_section (g->w, scr, "recommendations", text->str);
  g_string_free (text, TRUE);

  /* The panel's choices for the anonymised summary: its pseudonyms, and a
   * word the leak check flags that does not identify anyone. */
  {
    g_autofree char *child_key = g_strdup_printf ("child:%" G_GINT64_FORMAT, x->child_id);
    g_autofree char *mother_key = g_strdup_printf ("person:%" G_GINT64_FORMAT, x->mother_id);
    g_autofree char *partner_key = g_strdup_printf ("person:%" G_GINT64_FORMAT, x->partner_id);

    cairn_demo_add_scr_pseudonym (g->w, scr, child_key, "Baby A");
    cairn_demo_add_scr_pseudonym (g->w, scr, mother_key, "Ms A");
    if (x->partner_id != 0)
      cairn_demo_add_scr_pseudonym (g->w, scr, partner_key, "Mr B");
    if (s.completed_on != 0 && panel_manager != 0)
      cairn_demo_add_scr_release (g->w, scr, "Cairnside", panel_manager,
                                  "The name of the Board's area, which the summary gives",
                                  s.completed_on);
  }

  /* The action plan, agreed when the review was completed, and each
   * action's status at each 31 March since (AR10–AR12). */
  plan_date = s.completed_on;
  if (plan_date == 0)
    return;
  for (gsize i = 0, n_action = 0; i < G_N_ELEMENTS (recs); i++)
    {
      gint64 rec = cairn_demo_add_scr_recommendation (g->w, scr, (int) i + 1, recs[i].body,
                                                      recs[i].source_imr ? "imr" : "overview");
      for (int a = 0; a < 2 && recs[i].actions[a] != NULL; a++, n_action++)
        {
          CairnDemoScrAction act = { 0 };
          CairnDemoDay due = plan_date + rnd (g, 90, 365);
          CairnDemoDay begun = plan_date + rnd (g, 14, 120);
          /* The first action done quickly; the last never finished; the rest vary. */
          CairnDemoDay done = n_action == 0 ? plan_date + rnd (g, 30, 90)
                              : i == G_N_ELEMENTS (recs) - 1 ? 0
                              : chance (g, 0.75) ? due + rnd (g, -60, 200)
                                                  : 0;
          gint64 action;
          const char *status;

          if (i == G_N_ELEMENTS (recs) - 1)
            begun = 0; /* not started */
          status = done && happened (g, done) ? "complete"
                   : begun && happened (g, begun) ? "in_progress"
                                                  : "not_started";
          act.recommendation_id = rec;
          act.action = recs[i].actions[a];
          act.agencies = recs[i].agencies[a];
          act.responsible = recs[i].responsible[a];
          act.monitored_by = "Serious Case Review sub-group";
          act.due_on = due;
          act.status = status;
          act.progress = strcmp (status, "complete") == 0 ? "Completed; evidence seen by the "
                                                            "sub-group"
                         : strcmp (status, "in_progress") == 0 ? "Work under way; an update is "
                                                                 "due at the next sub-group"
                                                               : "";
          act.completed_on = strcmp (status, "complete") == 0 ? done : 0;
          act.evaluation = strcmp (status, "complete") == 0 && done + 120 <= g->as_of
                             ? "A follow-up audit found the change embedded in practice"
                             : "";
          action = cairn_demo_add_scr_action (g->w, &act);

          cairn_demo_add_scr_action_history (g->w, action, plan_date, "not_started",
                                             "Action agreed");
          for (int y = year_of (plan_date); ; y++)
            {
              CairnDemoDay march = day_ymd (y, 3, 31);
              const char *then;
              if (march <= plan_date)
                continue;
              if (march > g->as_of)
                break;
              then = done && done <= march ? "complete" : begun && begun <= march ? "in_progress"
                                                                                 : "not_started";
              cairn_demo_add_scr_action_history (
                g->w, action, march, then,
                strcmp (then, "complete") == 0 ? "Completed"
                : strcmp (then, "in_progress") == 0 ? "In progress at the year end"
                                                     : "Not yet started");
            }
        }
    }
}

static void
write_scr_exploited (Gen *g)
{
  const ScenarioFacts *x = &g->facts[SCENARIO_EXPLOITED];
  CairnDemoScr s = { 0 };
  char trigger[512], panel_chair[2 * CAIRN_DEMO_NAME_MAX], author[2 * CAIRN_DEMO_NAME_MAX];
  char d_ref[40], d_icpc[40], d_incident[40], d_decision[40];
  const char *child = x->child_name;
  gint64 scr;
  GString *text;

  if (!x->done || x->incident == 0)
    return;
  s.notified_on = add_wd (x->incident, 2);
  s.decision_on = add_wd (s.notified_on, rnd (g, 15, 20));
  if (!happened (g, s.decision_on))
    return;
  person_name (g, panel_chair);
  person_name (g, author);
  format_display (x->referral, d_ref, sizeof d_ref);
  format_display (x->icpc, d_icpc, sizeof d_icpc);
  format_display (x->incident, d_incident, sizeof d_incident);
  format_display (s.decision_on, d_decision, sizeof d_decision);

  s.year = year_of (s.decision_on);
  s.number = next_scr_number (g, s.year);
  s.title = "Child B";
  s.child_id = x->child_id;
  s.criterion = "consider_sexual_abuse";
  g_snprintf (trigger, sizeof trigger,
              "%s, aged %d and the subject of a child protection plan, was seriously harmed "
              "through sexual abuse and exploitation by adults on %s.",
              child, age_on (x->dob, x->incident), d_incident);
  s.trigger_summary = trigger;
  s.incident_on = x->incident;
  s.decision = "initiate";
  s.stage = "in_progress";
  s.lscb_chair = independent_chair_on (g, s.decision_on);
  s.panel_chair = panel_chair;
  s.overview_author = author;
  s.independence_statement = "The panel chair and the overview author are independent of the "
                             "Board's agencies and had no involvement in the case.";
  s.parallel_processes = "A police investigation into several adults is continuing; the review "
                         "will not interview witnesses in the criminal case.";
  s.family_involvement = "The young person and her mother have agreed to meet the overview "
                         "author once the police investigation allows.";
  s.scope_from = add_months (x->referral, -12);
  s.scope_to = x->incident;
  scr = cairn_demo_add_scr (g->w, &s);
  g->summary->scrs++;
  remember_scr (g, SCENARIO_EXPLOITED, &s);
  write_panel (g, scr, s.decision_on);
  {
    gint64 agencies[] = { g->ag_csc, g->ag_police, g->ag_education, g->ag_hospital, g->ag_yos };
    int weeks[] = { 8, 9, 10, 12, 14 };
    for (gsize i = 0; i < G_N_ELEMENTS (agencies); i++)
      {
        char name[2 * CAIRN_DEMO_NAME_MAX];
        CairnDemoDay received = s.decision_on + weeks[i] * 7;
        person_name (g, name);
        cairn_demo_add_scr_imr (g->w, scr, agencies[i], name,
                                happened (g, received) ? received : 0);
      }
  }

  text = g_string_new (NULL);
  g_string_printf (text,
                   "DRAFT. This serious case review was commissioned by the Chair of the "
                   "Cairnside Local Safeguarding Children Board, %s, on %s. %s was seriously "
                   "harmed through sexual abuse, and there were concerns about how agencies had "
                   "worked together, so the Board considered the case under %s and decided "
                   "that a review should be held.\n\n"
                   "The panel is chaired by %s, and the overview author is %s; both are "
                   "independent of the Board's agencies. Individual management reviews have "
                   "been requested from children's social care, the police, the school, the "
                   "hospital trust and the youth offending service.",
                   s.lscb_chair, d_decision, child, guidance_on (g, s.decision_on), panel_chair,
                   author);
  cairn_demo_add_scr_section (g->w, scr, "introduction", text->str);
  g_string_printf (text,
                   "DRAFT. %s was referred by the police on %s after she was found in the early "
                   "hours in a car with two adult men. She had been reported missing from home "
                   "six times in the previous three months. An initial child protection "
                   "conference on %s made her the subject of a plan under the categories of "
                   "emotional and sexual abuse. %s's mother asked for help repeatedly and said "
                   "that %s was being given alcohol and a mobile phone by older 'friends'. "
                   "On %s %s was admitted to hospital after a serious sexual assault.",
                   child, d_ref, d_icpc, child, child, d_incident, child);
  cairn_demo_add_scr_section (g->w, scr, "facts", text->str);
  cairn_demo_add_scr_section (
    g->w, scr, "key_issues",
    "DRAFT (emerging themes for the panel). Whether the missing episodes were treated as a "
    "sign of exploitation; how information about the adults involved was shared between the "
    "police, the school and children's social care; whether the plan's actions matched the "
    "risk outside the home.");
  g_string_free (text, TRUE);
}

static void
write_scr_injury (Gen *g)
{
  const ScenarioFacts *x = &g->facts[SCENARIO_INJURY];
  CairnDemoScr s = { 0 };
  char trigger[512], d_incident[40];
  int months;

  if (!x->done || x->incident == 0)
    return;
  s.notified_on = add_wd (x->incident, 1);
  if (!happened (g, s.notified_on))
    return;
  format_display (x->incident, d_incident, sizeof d_incident);
  months = (int) (x->incident - x->dob) / 30;
  s.year = year_of (s.notified_on);
  s.number = next_scr_number (g, s.year);
  s.title = "Child C";
  s.child_id = x->child_id;
  s.criterion = "consider_life_threatening_injury";
  g_snprintf (trigger, sizeof trigger,
              "%s, aged %d months, was admitted to hospital on %s with a fractured skull and "
              "bleeding behind the eyes; the injuries are thought to be non-accidental. The "
              "family had been known to children's social care.",
              x->child_name, months, d_incident);
  s.trigger_summary = trigger;
  s.incident_on = x->incident;
  s.stage = "considered";
  s.lscb_chair = independent_chair_on (g, s.notified_on);
  s.scope_from = add_months (x->dob, -9);
  s.scope_to = x->incident;
  cairn_demo_add_scr (g->w, &s);
  g->summary->scrs++;
  remember_scr (g, SCENARIO_INJURY, &s);
}

/* ------------------------------------------------------------------ */
/* Board meetings                                                      */

static CairnDemoDay
meeting_day (int year,
             int month,
             int day)
{
  CairnDemoDay d = day_ymd (year, month, day);

  while (weekday (d) < 1 || weekday (d) > 3) /* Tuesday to Thursday */
    d++;
  return d;
}

typedef struct
{
  gint64 meeting_id;
  int item;
  int minute;
  int page;
} Minutes;

static gint64
agenda (Gen        *g,
        Minutes    *m,
        int         sub_item,
        const char *title,
        const char *presenter,
        const char *purpose,
        int         pages,
        const char *minutes,
        const char *standing)
{
  CairnDemoAgendaItem a = { 0 };
  char page_range[32] = "";

  if (sub_item == 0)
    m->item++;
  if (pages > 0)
    {
      g_snprintf (page_range, sizeof page_range, "%d - %d", m->page, m->page + pages - 1);
      m->page += pages;
    }
  a.meeting_id = m->meeting_id;
  a.item = m->item;
  a.sub_item = sub_item;
  a.title = title;
  a.presenter = presenter;
  a.purpose = purpose;
  a.pages = page_range;
  a.minute_number = ++m->minute;
  a.minutes = minutes;
  a.standing = standing;
  return cairn_demo_add_agenda_item (g->w, &a);
}

/* An action point agreed at a meeting, still to be reported on at later ones. */
typedef struct
{
  gint64 id;
  CairnDemoDay closed_on;
} PendingAction;

static void
action_point (Gen          *g,
              GArray       *pending,
              gint64        item,
              const char   *action,
              const char   *owner,
              CairnDemoDay  held,
              CairnDemoDay  due)
{
  CairnDemoActionPoint a = { 0 };

  a.agenda_item_id = item;
  a.action = action;
  a.owner = owner;
  a.due_on = due;
  if (due + 14 <= g->as_of && (chance (g, 0.85) || due + 180 < g->as_of))
    {
      /* Most are done before the next meeting; about one in five is reported
       * done at it (the meeting is a week after the due date). */
      int r = rnd (g, 0, 20);
      a.status = "closed";
      a.closed_on = r >= 17 ? dmin (due + 7 * (r - 16), g->as_of) : dmax (held + 7, due - r);
    }
  else
    a.status = "open";
  {
    PendingAction p = { cairn_demo_add_action_point (g->w, &a), a.closed_on };
    g_array_append_val (pending, p);
  }
}

/* The matters arising at the meeting on @day: what it heard of each action
 * point of earlier meetings still open when it met (no randomness). */
static void
report_actions (Gen          *g,
                GArray       *pending,
                gint64        meeting_id,
                CairnDemoDay  day)
{
  for (guint a = 0; a < pending->len;)
    {
      const PendingAction *p = &g_array_index (pending, PendingAction, a);
      char when[40], note[96];

      if (p->closed_on != 0 && p->closed_on < day)
        {
          g_array_remove_index (pending, a);
          continue;
        }
      if (p->closed_on == day)
        {
          format_display (p->closed_on, when, sizeof when);
          g_snprintf (note, sizeof note, "Completed; closed at this meeting on %s.", when);
        }
      else
        g_snprintf (note, sizeof note, "In progress; to report to the next meeting.");
      cairn_demo_add_action_update (g->w, p->id, meeting_id, note);
      a++;
    }
}

static const char *
name_of (Gen         *g,
         const char  *role,
         CairnDemoDay day)
{
  const Member *m = member_on (g, role, day);

  return m ? m->name : "";
}

/* ------------------------------------------------------------------ */
/* The annual report's own figures                                     */

/* Referrals received in reporting year @year, from the quarterly counts. */
static gint64
referrals_in_year (Gen *g,
                   int  year)
{
  gint64 n = 0;

  for (int q = 4 * year + 1; q <= 4 * year + 4; q++)
    if (q - g->base_quarter >= 0 && q - g->base_quarter < g->n_quarters)
      n += g->q_referrals[q - g->base_quarter];
  return n;
}

/* The chair's narratives for the latest year: every section of either
 * edition, so that the year's report is complete (no draft flags). */
static const struct
{
  const char *section;
  const char *body;
} demo_narratives[] = {
  { "recipients", "The Board's annual report is published on its website and sent to the bodies "
                  "listed below. Partner agencies have each confirmed the figures they supplied." },
  { "ar1", "Local arrangements to safeguard children in Cairnside are effective overall, and every "
           "child on a plan had a named lead professional. The figures below show where practice "
           "improved on last year and where it did not. The Board is less assured about how quickly concerns "
           "about neglect are recognised, and about the timeliness of review conferences, which "
           "remain the main risks.\n\n"
           "The Board's judgement rests on the figures in this report, on two multi-agency case "
           "audits and on the findings of its serious case reviews." },
  { "ar2", "The tables below set Cairnside's children, contacts, referrals, assessments and plans "
           "beside the year before; the police and schools remain the largest sources of "
           "referrals.\n\n"
           "- The assessment teams were restructured during the year; their timeliness is shown "
           "below.\n"
           "- Neglect remains the most common category of child protection plan; where the "
           "category is emotional abuse, domestic abuse is often the underlying concern." },
  { "ar3", "The multi-agency safeguarding hub opened, bringing police, health and children's "
           "social care decisions on contacts into one place. The neglect toolkit recommended by "
           "the Board's review was launched and is now used in every early help assessment." },
  { "ar4", "Reviews of child protection plans are still too often late, and some families' "
           "circumstances do not change quickly enough while their children are on a plan. "
           "Health visiting capacity is stretched in the east of the borough." },
  { "weaknesses", "The main weakness is drift in long plans: core groups sometimes continue without "
                  "clear outcomes. Its causes are caseloads in two teams and a lack of challenge at "
                  "review. The Board has asked the independent reviewing service to escalate every "
                  "plan reaching 18 months, and will audit them in the coming year." },
  { "ar5", "The Board met every quarter and its sub-groups met as planned. Attendance by statutory "
           "partners was good; the Board wrote to one agency whose attendance fell below its "
           "expectations. Lay members took part in every meeting." },
  { "ar6", "Child protection procedures were updated for the current edition of Working Together. "
           "A safer recruitment audit of schools found all but two compliant; both have since "
           "corrected their records. Private fostering awareness work reached every primary school." },
  { "ar7", "Single and inter-agency courses were chosen from the training needs analysis, and "
           "evaluation three months after each course shows the learning is being used in "
           "practice." },
  { "ar8", "The child death overview panel reviewed the deaths notified in the year. Safe sleeping "
           "remains the most common modifiable factor; the panel's safe sleep campaign was "
           "repeated with midwives and health visitors." },
  { "ar9", "The Board's priorities for the year are listed below with the progress made on each." },
  { "ar10", "The action plans of the reviews completed during the year are monitored by the serious "
            "case review sub-group, which reports to each Board meeting." },
  { "ar11", "Actions outstanding at the start of the year were followed up by the sub-group; those "
            "still open are shown below with the progress recorded." },
  { "ar12", "Where a review is still under way, agencies have not waited for its report: learning "
            "briefings have been issued and immediate actions taken." },
  { "lessons", "The reviews of the year point to the same lessons: listen to what children say, "
               "look beyond the presenting incident, and share information about adults who join "
               "a household. These lessons are now part of every multi-agency course." },
  { "ar13", "The Board challenged the Children's Trust Board on the early help offer and on the "
            "capacity of child and adolescent mental health services; both are now priorities in "
            "the Children and Young People's Plan." },
  { "contributions", "Partner contributions were agreed at the start of the year and shared so that "
                     "no small agency carries a disproportionate share." },
  { "spending", "The Board spent within its budget; the cost of serious case reviews was met from "
                "the reserve agreed for them." },
  { "budget", "Partner contributions were agreed at the start of the year; the Board spent within "
              "its budget." },
};

static void
write_annual_figures (Gen *g)
{
  static const struct
  {
    const char *code;
    guint weight;
  } sources[] = {
    { "1A", 12 }, { "2A", 18 }, { "3A", 6 }, { "3B", 5 }, { "3E", 4 }, { "4", 3 },
    { "5A", 8 }, { "5D", 4 }, { "6", 28 }, { "8", 7 }, { "9", 5 },
  };
  static const char *const courses[][2] = {
    { "Working Together: roles and responsibilities", "1" },
    { "Recognising and responding to neglect", "1" },
    { "Domestic abuse and its impact on children", "1" },
    { "Child sexual exploitation: spotting the signs", "1" },
    { "Safer recruitment", "0" },
    { "Designated safeguarding leads in schools", "0" },
  };
  static const struct
  {
    const char *title;
    const char *progress;
  } priorities[] = {
    { "Child sexual exploitation", "A multi-agency exploitation panel meets monthly and every "
                                   "child identified as at risk has a plan. Awareness training "
                                   "reached taxi drivers and hotel staff." },
    { "Domestic abuse", "Referrals to the risk assessment conference rose after police and health "
                        "staff were trained; children's views are now recorded at every case." },
    { "Neglect", "The neglect toolkit is used in early help and in every core assessment; an audit "
                 "of thirty cases found it improved the clarity of plans." },
  };
  int first = g->options->first_year, last = g->options->last_year;
  gint64 population = MAX (1000, ((gint64) g->options->n_children * 5 + 50) / 100 * 100);

  for (int y = first; y <= last; y++)
    {
      gint64 children = population + (gint64) (y - first) * (population / 200);
      gint64 referrals = referrals_in_year (g, y);
      gint64 contacts = referrals * rnd (g, 210, 260) / 100;
      gint64 deaths = MAX (1, children * rnd (g, 28, 36) / 100000);
      gint64 reviewed = MAX (1, deaths * rnd (g, 80, 100) / 100);
      guint total_weight = 0;
      gint64 given = 0;
      int staff = MAX (20, (int) (g->options->n_children / 20));
      char source[64];

      g_snprintf (source, sizeof source, "ONS mid-%d estimate", y);
      cairn_demo_add_child_population (g->w, y, children, source);
      for (gsize i = 0; i < G_N_ELEMENTS (sources); i++)
        total_weight += sources[i].weight;
      for (gsize i = 0; i < G_N_ELEMENTS (sources); i++)
        {
          gint64 n = i + 1 < G_N_ELEMENTS (sources) ? contacts * sources[i].weight / total_weight
                                                     : contacts - given;
          given += n;
          cairn_demo_add_contacts (g->w, y, sources[i].code, n);
        }
      cairn_demo_add_child_deaths (g->w, y, deaths, reviewed, reviewed * rnd (g, 25, 40) / 100,
                                   reviewed * rnd (g, 15, 30) / 100);
      cairn_demo_add_private_fostering (g->w, y, MAX (1, children * rnd (g, 8, 16) / 100000),
                                        MAX (1, children * rnd (g, 5, 10) / 100000));
      for (gsize i = 0; i < G_N_ELEMENTS (courses); i++)
        {
          int sessions = rnd (g, 2, 8);
          cairn_demo_add_training (g->w, y, courses[i][0], courses[i][1][0] == '1', sessions,
                                   MIN (sessions * 30, staff * rnd (g, 20, 60) / 100 + sessions * 5));
        }
      {
        /* From 2013-14 the clinical commissioning group pays the NHS share. */
        gint64 scale = MAX (1, population / 10000);
        gint64 nhs = y >= 2013 ? g->ag_ccg : g->ag_pct;
        cairn_demo_add_contribution (g->w, y, g->ag_council, scale * rnd (g, 5200, 5600) * 100, NULL);
        cairn_demo_add_contribution (g->w, y, g->ag_police, scale * rnd (g, 1500, 1800) * 100, NULL);
        cairn_demo_add_contribution (g->w, y, nhs, scale * rnd (g, 1500, 1800) * 100,
                                     "Designated nurse, two days a week");
        cairn_demo_add_contribution (g->w, y, g->ag_probation, scale * rnd (g, 200, 300) * 100, NULL);
        cairn_demo_add_contribution (g->w, y, g->ag_education, scale * rnd (g, 300, 500) * 100,
                                     "Meeting rooms for training");
        cairn_demo_add_spending (g->w, y, "staffing", scale * rnd (g, 4800, 5200) * 100,
                                 "Business manager and training officer");
        cairn_demo_add_spending (g->w, y, "child_death_reviews", scale * rnd (g, 600, 800) * 100, NULL);
        cairn_demo_add_spending (g->w, y, "case_reviews", scale * rnd (g, 900, 2500) * 100,
                                 "Independent panel chairs and overview authors");
        cairn_demo_add_spending (g->w, y, "training", scale * rnd (g, 1000, 1400) * 100, NULL);
        cairn_demo_add_spending (g->w, y, "other", scale * rnd (g, 200, 400) * 100, "Website and printing");
      }
      for (gsize i = 0; i < G_N_ELEMENTS (priorities); i++)
        cairn_demo_add_priority (g->w, y, (int) i + 1, priorities[i].title,
                                 y == last ? priorities[i].progress : "Progress reported to the Board in the year.");
      /* Each year's report went out in the summer after it; the latest is not out yet. */
      if (y < last)
        {
          CairnDemoDay sent = day_ymd (y + 1, 6, 10 + rnd (g, 0, 15));
          cairn_demo_add_recipient (g->w, y, "childrens_trust_board", "Cairnside Children's Trust Board", sent);
          if (y >= 2013)
            {
              cairn_demo_add_recipient (g->w, y, "chief_executive", "Chief Executive, Cairnside Borough Council", sent);
              cairn_demo_add_recipient (g->w, y, "council_leader", "Leader of Cairnside Borough Council", sent);
              cairn_demo_add_recipient (g->w, y, "police_crime_commissioner", "Cairnshire Police and Crime Commissioner", sent);
              cairn_demo_add_recipient (g->w, y, "health_wellbeing_board_chair", "Chair, Cairnside Health and Wellbeing Board", sent);
            }
        }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (demo_narratives); i++)
    cairn_demo_add_narrative (g->w, last, demo_narratives[i].section, demo_narratives[i].body);
}

static void
write_meetings (Gen *g)
{
  static const int months[] = { 5, 7, 10, 12, 3 };
  static const int days[] = { 14, 16, 15, 9, 10 };
  static const char *const closing_times[] = { "16:10", "16:25", "15:55", "16:40", "16:05", "16:30" };
  CairnDemoDay dates[256];
  int n = 0;
  int numbers_by_year[64] = { 0 };
  int first_calendar = g->options->first_year;
  int minute_counter = 0, minute_year = -1;
  g_autoptr (GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingAction));

  for (int y = g->options->first_year; y <= g->options->last_year; y++)
    for (gsize i = 0; i < G_N_ELEMENTS (months); i++)
      {
        CairnDemoDay d = meeting_day (months[i] <= 3 ? y + 1 : y, months[i], days[i]);
        if (d <= g->as_of && n < (int) G_N_ELEMENTS (dates))
          dates[n++] = d;
      }

  for (int i = 0; i < n; i++)
    {
      CairnDemoDay day = dates[i];
      CairnDemoDay next = i + 1 < n ? dates[i + 1] : add_months (day, 2);
      int fy = month_of (day) >= 4 ? year_of (day) : year_of (day) - 1;
      const char *chair = independent_chair_on (g, day);
      const char *head = name_of (g, "Head of Safeguarding", day);
      const char *manager = name_of (g, "LSCB Business Manager", day);
      gboolean wt2013 = day >= g->wt2013_from;
      Minutes m = { 0 };
      GString *apologies = g_string_new (NULL);
      GString *text = g_string_new (NULL);
      char d_prev[40], d_next[40], fy_text[8], prev_fy[8], title[160];
      int number = ++numbers_by_year[CLAMP (year_of (day) - first_calendar, 0, 63)];
      gint64 item;

      if (fy != minute_year)
        {
          minute_year = fy;
          minute_counter = 0;
        }
      m.minute = minute_counter;
      m.page = 1;
      m.meeting_id = cairn_demo_add_meeting (g->w, year_of (day), number, day,
                                             "Committee Room 1, Cairnside Civic Centre", chair,
                                             i + 1 == n ? "draft" : "approved", "14:00",
                                             closing_times[i % G_N_ELEMENTS (closing_times)]);
      g->summary->meetings++;
      report_actions (g, pending, m.meeting_id, day);

      for (guint j = 0; j < g->members->len; j++)
        {
          const Member *mem = &g_array_index (g->members, Member, j);
          const char *attendance;
          if (mem->joined > day || (mem->left != 0 && mem->left <= day))
            continue;
          if (mem->independent_chair || mem->adviser)
            attendance = mem->adviser ? "in_attendance" : "present";
          else
            {
              double x = cairn_random_double (&g->rng);
              attendance = x < 0.78 ? "present" : x < 0.95 ? "apologies" : "absent";
            }
          if (strcmp (attendance, "apologies") == 0)
            g_string_append_printf (apologies, "%s%s (%s)", apologies->len ? ", " : "", mem->name,
                                    mem->agency[0] ? mem->agency : mem->role);
          cairn_demo_add_meeting_attendance (g->w, m.meeting_id, mem->name, mem->role,
                                             mem->agency, attendance);
        }
      cairn_demo_add_meeting_attendance (g->w, m.meeting_id, g->minute_takers[0],
                                         "Minute taker", "Cairnside Borough Council",
                                         "in_attendance");

      g_string_printf (text, "The Chair welcomed everyone to the meeting. %s%s%s",
                       apologies->len ? "Apologies for absence were received from " : "",
                       apologies->len ? apologies->str : "No apologies were received",
                       ".");
      agenda (g, &m, 0, "Welcome, introductions and apologies", chair, "", 0, text->str, "apologies");

      if (i > 0)
        {
          format_display (dates[i - 1], d_prev, sizeof d_prev);
          g_string_printf (text,
                           "The minutes of the meeting held on %s were agreed as a correct "
                           "record. The action log was reviewed: completed actions were closed "
                           "and open actions carried forward.", d_prev);
          item = agenda (g, &m, 0, "Minutes of the previous meeting and action points", chair,
                         "For decision", 6, text->str, "previous_minutes");
          g_string_printf (text, "That the minutes of the meeting held on %s be confirmed and "
                                 "agreed as a correct record.", d_prev);
          cairn_demo_add_resolution (g->w, item, text->str);
        }

      item = agenda (g, &m, 0, "Independent Chair's report", chair, "For information", 0,
                     "The Chair reported on meetings with the Director of Children's Services "
                     "and the Children's Trust Board, and on the challenge log.", NULL);
      cairn_demo_add_resolution (g->w, item, "That the report be noted.");

      /* The quarter before the meeting, from the board's own records. */
      {
        int q = (year_of (day) * 12 + month_of (day) - 1) / 3 - g->base_quarter - 1;
        if (q >= 0 && q < g->n_quarters)
          {
            int qy = (g->base_quarter + q) / 4, qm = (g->base_quarter + q) % 4 * 3 + 1;
            CairnDemoDay qend = add_months (day_ymd (qy, qm, 1), 3) - 1;
            char d_qend[40];
            gint64 icpcs = g->q_icpcs[q], on_time = g->q_icpcs_on_time[q];
            format_display (qend, d_qend, sizeof d_qend);
            g_string_printf (text,
                             "The Board received the performance report for the quarter to %s. "
                             "%" G_GINT64_FORMAT " children were referred to children's social "
                             "care and %" G_GINT64_FORMAT " became the subject of a child "
                             "protection plan. %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                             " initial child protection conferences were held within 15 working "
                             "days of the strategy discussion. During discussion, the following "
                             "points were noted: the proportion of repeat plans; the timeliness "
                             "of assessments.",
                             d_qend, g->q_referrals[q], g->q_plans[q], on_time, icpcs);
            g_snprintf (title, sizeof title, "Performance report: quarter to %s", d_qend);
            item = agenda (g, &m, 0, title, head, "For discussion", 12, text->str, NULL);
            cairn_demo_add_resolution (g->w, item, "That the performance report be noted.");
            action_point (g, pending, item, "Provide an analysis of children subject to a plan for the "
                                   "second or subsequent time", head, day, next - 7);
          }
      }

      item = agenda (g, &m, 0, "Sub-group reports", manager, "For information", 0, "", NULL);
      {
        GString *scr = g_string_new ("The Chair of the sub-group reported on serious case "
                                     "reviews. ");
        gsize empty = scr->len;
        for (int s = SCENARIO_DEATH; s < N_SCENARIOS; s++)
          {
            const ScenarioFacts *x = &g->facts[s];
            char child[16];
            g_snprintf (child, sizeof child, "Child %c", 'A' + s - SCENARIO_DEATH);
            if (!x->done || x->scr_ref[0] == '\0' || x->notified >= day)
              continue;
            if (x->decided == 0 || x->decided >= day)
              g_string_append_printf (scr, "The sub-group is considering the case of %s against "
                                           "the criteria for a serious case review. ", child);
            else if (x->completed == 0 || x->completed >= day)
              g_string_append_printf (scr, "%s (%s) is in progress: the panel has met and "
                                           "individual management reviews are being "
                                           "quality assured. ", x->scr_ref, child);
            else if (x->published == 0 || x->published >= day)
              g_string_append_printf (scr, "The overview report of %s (%s) has been completed "
                                           "and sent to Ofsted; publication is being "
                                           "planned. ", x->scr_ref, child);
            else if (x->published + 900 > day)
              g_string_append_printf (scr, "The executive summary of %s (%s) has been "
                                           "published; the sub-group is monitoring the action "
                                           "plan. ", x->scr_ref, child);
          }
        if (scr->len == empty)
          g_string_append (scr, "No new cases were referred to the sub-group in the period.");
        agenda (g, &m, 1, "Serious Case Review sub-group", head, "For information", 0, scr->str, NULL);
        g_string_free (scr, TRUE);
      }
      agenda (g, &m, 2, "Learning and Development sub-group", manager, "For information", 0,
              "The sub-group reported on multi-agency training delivered in the period and "
              "its evaluation.", NULL);
      agenda (g, &m, 3, "Child Death Overview Panel", name_of (g, "Designated Doctor for "
                                                                  "Safeguarding Children", day),
              "For information", 0,
              "The panel reviewed the deaths notified in the period. Safe sleeping remains a "
              "priority for the Board's campaigns.", NULL);
      agenda (g, &m, 4, "Quality Assurance and Performance sub-group", head, "For information", 0,
              "The sub-group reported on the multi-agency case file audit of neglect cases.", NULL);
      cairn_demo_add_resolution (g->w, item, "That the sub-group reports be noted.");

      /* The item of the season. */
      g_snprintf (fy_text, sizeof fy_text, "%04d-%02d", fy, (fy + 1) % 100);
      g_snprintf (prev_fy, sizeof prev_fy, "%04d-%02d", fy - 1, fy % 100);
      switch (month_of (day))
        {
        case 5:
          g_snprintf (title, sizeof title, "Business plan %s", fy_text);
          item = agenda (g, &m, 0, title, manager, "For decision", 14,
                         "The Board considered the business plan and its priorities: neglect, "
                         "domestic abuse and child sexual exploitation.", NULL);
          g_snprintf (title, sizeof title, "That the business plan %s be approved.", fy_text);
          cairn_demo_add_resolution (g->w, item, title);
          break;
        case 7:
          item = agenda (g, &m, 0, "Section 11 audit: findings", manager, "For discussion", 10,
                         "The Board received the findings of the section 11 audit. Most "
                         "agencies met the standards; safer recruitment checks need attention "
                         "in two agencies.", NULL);
          cairn_demo_add_resolution (g->w, item, "That the findings be noted and agencies "
                                                 "report back on their action plans.");
          action_point (g, pending, item, "Report on safer recruitment action plans", head, day,
                        next - 7);
          break;
        case 10:
          g_snprintf (title, sizeof title, "LSCB Annual Report %s", prev_fy);
          item = agenda (g, &m, 0, title, chair, "For decision", 40,
                         "The Chair presented the draft annual report on the effectiveness of "
                         "safeguarding in Cairnside.", NULL);
          g_string_printf (text,
                           "That the annual report %s be approved for publication and sent to "
                           "%s.",
                           prev_fy,
                           wt2013 ? "the Chief Executive, the Leader of the Council, the Police "
                                    "and Crime Commissioner and the Chair of the Health and "
                                    "Wellbeing Board"
                                  : "the Children's Trust Board");
          cairn_demo_add_resolution (g->w, item, text->str);
          action_point (g, pending, item, "Publish the annual report on the Board's website", manager, day,
                        day + 21);
          break;
        case 12:
          item = agenda (g, &m, 0,
                         fy % 2 ? "Child sexual exploitation strategy" : "Thresholds document",
                         head, "For decision", 16,
                         "The Board discussed the draft and the comments received from "
                         "partner agencies.", NULL);
          cairn_demo_add_resolution (g->w, item, "That the document be approved, subject to the "
                                                 "amendments agreed at the meeting.");
          break;
        default:
          g_snprintf (title, sizeof title, "Budget and partner contributions %04d-%02d", fy + 1,
                      (fy + 2) % 100);
          item = agenda (g, &m, 0, title, manager, "For decision", 4,
                         "The Board considered the budget and the contributions from partner "
                         "agencies for the coming year.", NULL);
          cairn_demo_add_resolution (g->w, item, "That the budget be approved.");
          if (day < g->wt2013_from && day + 120 > g->wt2013_from)
            {
              item = agenda (g, &m, 0, "Working Together to Safeguard Children 2013", head,
                             "For information", 0,
                             "The Board noted the new guidance, which comes into effect on 15 "
                             "April 2013, and the changes it brings to assessments and serious "
                             "case reviews.", NULL);
              cairn_demo_add_resolution (g->w, item, "That the local protocol for assessment be "
                                                     "brought to the next meeting.");
              action_point (g, pending, item, "Draft the local protocol for assessment", head, day,
                            next - 7);
            }
        }

      agenda (g, &m, 0, "Any other business", chair, "", 0,
              "No items of any other business were raised.", "aob");
      if (i + 1 < n)
        {
          format_display (dates[i + 1], d_next, sizeof d_next);
          g_string_printf (text, "The next meeting will be held on %s at 2.00 pm.", d_next);
          agenda (g, &m, 0, "Date of next meeting", chair, "", 0, text->str, "next_meeting");
        }
      minute_counter = m.minute;
      g_string_free (apologies, TRUE);
      g_string_free (text, TRUE);
    }
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */

void
cairn_demo_options_init (CairnDemoOptions *options)
{
  options->n_children = CAIRN_DEMO_DEFAULT_CHILDREN;
  options->seed = CAIRN_DEMO_DEFAULT_SEED;
  cairn_year_range_parse ("years", CAIRN_DEMO_DEFAULT_YEARS, &options->first_year,
                          &options->last_year, NULL);
}

gboolean
cairn_demo_options_set_years (CairnDemoOptions  *options,
                              const char        *field,
                              const char        *text,
                              GError           **error)
{
  int first, last;

  if (!cairn_year_range_parse (field, text, &first, &last, error))
    return FALSE;
  if (first < CAIRN_DEMO_EARLIEST_YEAR || last > CAIRN_DEMO_LATEST_YEAR)
    {
      g_autofree char *from = cairn_year_to_string (CAIRN_DEMO_EARLIEST_YEAR);
      g_autofree char *to = cairn_year_to_string (CAIRN_DEMO_LATEST_YEAR);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" is outside the years the demo covers (%s to %s)"), field, text,
                   from, to);
      return FALSE;
    }
  options->first_year = first;
  options->last_year = last;
  return TRUE;
}

/* 31 March of the year the range ends: the end of the last reporting year. */
void
cairn_demo_get_as_of (const CairnDemoOptions *options,
                      GDate                  *as_of)
{
  cairn_year_bounds (options->last_year, NULL, as_of);
}

/* Ends bulk work that was rolled back: nothing to index or record. */
static void
cancel_bulk (CairnStore *store)
{
  cairn_store_audit_cancel_bulk (store);
  cairn_store_set_index_live (store, TRUE);
}

static void
gen_clear (Gen *g)
{
  g_clear_pointer (&g->duty, g_array_unref);
  g_clear_pointer (&g->cp_workers, g_array_unref);
  g_clear_pointer (&g->cin_workers, g_array_unref);
  g_clear_pointer (&g->managers, g_array_unref);
  g_clear_pointer (&g->chairs, g_array_unref);
  g_clear_pointer (&g->police, g_array_unref);
  g_clear_pointer (&g->health_visitors, g_array_unref);
  g_clear_pointer (&g->school_nurses, g_array_unref);
  g_clear_pointer (&g->midwives, g_array_unref);
  g_clear_pointer (&g->paediatricians, g_array_unref);
  g_clear_pointer (&g->probation, g_array_unref);
  g_clear_pointer (&g->mental_health, g_array_unref);
  g_clear_pointer (&g->substance, g_array_unref);
  g_clear_pointer (&g->members, g_array_unref);
  free_places (g->primaries);
  free_places (g->secondaries);
  free_places (g->practices);
  g_clear_pointer (&g->professional_names, g_hash_table_unref);
  g_free (g->q_referrals);
  g_free (g->q_plans);
  g_free (g->q_icpcs);
  g_free (g->q_icpcs_on_time);
  g_clear_pointer (&g->w, cairn_demo_writer_free);
}

/**
 * cairn_demo_write:
 * @store: a new, empty database
 *
 * Writes the demo board into @store in one transaction: everything or, on
 * any error, nothing. The same @options always give the same database.
 *
 * It is a bulk operation for the audit trail: one entry, dated the board's
 * as-of date, records it with its counts, rather than one entry per row.
 * @finish (if not %NULL) runs once the records are written, and the demo
 * accounts (one per role, cairn-user-store.c) are added last, all in the
 * same transaction.
 */
gboolean
cairn_demo_write (CairnStore              *store,
                  const CairnDemoOptions  *options,
                  CairnDemoFinishFunc      finish,
                  gpointer                 user_data,
                  CairnDemoSummary        *summary,
                  GError                 **error)
{
  Gen gen = { 0 };
  Gen *g = &gen;
  CairnDemoSummary local = { 0 };
  GDate as_of;
  char as_of_text[11], description[128], stamp[32], details[256];
  g_autofree char *first = NULL, *last = NULL;
  guint placed = 0;
  gboolean ok;

  g_return_val_if_fail (CAIRN_IS_STORE (store), FALSE);
  if (options->n_children < 1 || options->n_children > CAIRN_DEMO_MAX_CHILDREN)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("children: %u is not between 1 and %u"), options->n_children,
                   CAIRN_DEMO_MAX_CHILDREN);
      return FALSE;
    }
  if (options->first_year < CAIRN_DEMO_EARLIEST_YEAR ||
      options->last_year > CAIRN_DEMO_LATEST_YEAR || options->last_year < options->first_year)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("years: %d to %d is not supported"),
                   options->first_year, options->last_year);
      return FALSE;
    }

  g->options = options;
  g->summary = summary ? summary : &local;
  memset (g->summary, 0, sizeof *g->summary);
  cairn_random_init (&g->rng, options->seed);

  cairn_demo_get_as_of (options, &as_of);
  g->as_of = g_date_get_julian (&as_of);
  g->window_start = day_ymd (options->first_year, 4, 1);
  g->lead_in = g->window_start - LEAD_IN_DAYS;
  g->ia_ten_days_from = day_ymd (2010, 4, 1);
  g->wt2013_from = day_ymd (2013, 4, 15);
  g->base_quarter = (year_of (g->lead_in) * 12 + month_of (g->lead_in) - 1) / 3;
  g->n_quarters = (year_of (g->as_of) * 12 + month_of (g->as_of) - 1) / 3 - g->base_quarter + 1;
  g->q_referrals = g_new0 (gint64, g->n_quarters);
  g->q_plans = g_new0 (gint64, g->n_quarters);
  g->q_icpcs = g_new0 (gint64, g->n_quarters);
  g->q_icpcs_on_time = g_new0 (gint64, g->n_quarters);
  g->professional_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->next_child_number = 1;
  g->nhs_offset = cairn_random_below (&g->rng, 1000000);
  g->upn_offset = cairn_random_below (&g->rng, G_GUINT64_CONSTANT (1000000000));
  /* Where the families behind the serious case reviews come in the sequence. */
  g->scenario_at[SCENARIO_DEATH] = (gint64) options->n_children * 13 / 100;
  g->scenario_at[SCENARIO_EXPLOITED] = (gint64) options->n_children * 41 / 100;
  g->scenario_at[SCENARIO_INJURY] = (gint64) options->n_children * 77 / 100;

  format_iso (g->as_of, as_of_text);
  first = cairn_year_to_string (options->first_year);
  last = cairn_year_to_string (options->last_year);
  g_snprintf (stamp, sizeof stamp, "%sT00:00:00Z", as_of_text);
  cairn_store_begin_bulk (store, stamp);

  g->w = cairn_demo_writer_new (store, error);
  if (g->w == NULL || !cairn_demo_writer_begin (g->w, error))
    {
      cancel_bulk (store);
      gen_clear (g);
      return FALSE;
    }

  g_snprintf (description, sizeof description,
              "children=%u seed=%" G_GUINT64_FORMAT " years=%s..%s", options->n_children,
              options->seed, first, last);
  cairn_demo_add_setting (g->w, "as_of", as_of_text);
  cairn_demo_add_setting (g->w, "demo_options", description);

  write_board_and_staff (g);
  write_board_members (g);

  while (placed < options->n_children && cairn_demo_writer_check (g->w, NULL))
    {
      Family family;

      g->scenario = SCENARIO_NONE;
      for (int s = SCENARIO_DEATH; s < N_SCENARIOS; s++)
        if (!g->facts[s].done && placed >= g->scenario_at[s])
          {
            g->scenario = (Scenario) s;
            break;
          }
      plan_family (g, &family, options->n_children - placed);
      write_family (g, &family);
      placed += family.n;
      g->facts[g->scenario].done = TRUE;
    }

  write_scr_death (g);
  write_scr_exploited (g);
  write_scr_injury (g);
  write_meetings (g);
  write_annual_figures (g);

  g_snprintf (details, sizeof details,
              "{\"children\": %" G_GINT64_FORMAT ", \"cases\": %" G_GINT64_FORMAT
              ", \"events\": %" G_GINT64_FORMAT ", \"seed\": %" G_GUINT64_FORMAT
              ", \"years\": \"%s..%s\", \"as_of\": \"%s\"}",
              g->summary->children, g->summary->cases, g->summary->events, options->seed, first,
              last, as_of_text);
  /* The bulk end rebuilds the case navigator's index (with the summaries
   * the finishing work computed) and writes the one audit entry. */
  ok = cairn_demo_writer_number_conferences (g->w, error) &&
       (finish == NULL || finish (store, user_data, error)) &&
       cairn_store_add_demo_accounts (store, error) &&
       cairn_demo_writer_restore_triggers (g->w, error) &&
       cairn_store_end_bulk (store, "demo", details, error) &&
       cairn_demo_writer_commit (g->w, error);
  if (!ok)
    {
      cairn_demo_writer_rollback (g->w);
      cancel_bulk (store);
    }
  gen_clear (g);
  return ok;
}
