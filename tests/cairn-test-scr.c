/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cairn-agency-store.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-scr-store.h"
#include "cairn-test-scr.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"
#include "cairn-validate.h"

/* A valid NHS number from nine digits (999… is reserved for testing). */
char *
cairn_test_nhs_number (const char *nine_digits)
{
  char check = cairn_nhs_number_check_digit (nine_digits);

  g_assert_cmpint (check, !=, 'X');
  return g_strdup_printf ("%s%c", nine_digits, check);
}

static void
date (GDate      *out,
      const char *text)
{
  g_assert_true (cairn_date_parse ("date", text, out, NULL));
}

static gint64
add_child (CairnStore *store,
           const char *given,
           const char *dob,
           const char *nhs,
           const char *upn,
           const char *school)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnChild) child = cairn_child_new ();

  child->given_name = g_strdup (given);
  child->family_name = g_strdup (FIX_CHILD_FAMILY);
  g_free (child->sex);
  child->sex = g_strdup (g_str_equal (given, FIX_CHILD_GIVEN) ? "F" : "M");
  date (&child->date_of_birth, dob);
  child->nhs_number = g_strdup (nhs);
  child->upn = g_strdup (upn);
  child->school = g_strdup (school);
  child->address = g_strdup (FIX_ADDRESS);
  child->postcode = g_strdup (FIX_POSTCODE);
  if (g_str_equal (given, FIX_CHILD_GIVEN))
    child->aliases = g_strdup (FIX_CHILD_ALIAS);
  g_assert_true (cairn_store_add_child (store, child, &error));
  g_assert_no_error (error);
  return child->number;
}

static void
add_relative (CairnStore *store,
              gint64      child,
              const char *given,
              const char *family,
              const char *aliases,
              const char *sex,
              const char *dob,
              const char *address,
              const char *relationship,
              gboolean    lives_with)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnPerson) person = cairn_person_new ();

  person->given_name = g_strdup (given);
  person->family_name = g_strdup (family);
  person->aliases = g_strdup (aliases ? aliases : "");
  g_free (person->sex);
  person->sex = g_strdup (sex);
  date (&person->date_of_birth, dob);
  person->address = g_strdup (address);
  g_assert_true (cairn_store_add_relative (store, child, person, relationship, lives_with, &error));
  g_assert_no_error (error);
}

static void
add_agency (CairnStore *store,
            const char *code,
            const char *name,
            const char *kind)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnAgency) agency = cairn_agency_new ();
  gint64 id = 0;

  agency->code = g_strdup (code);
  agency->name = g_strdup (name);
  g_free (agency->kind);
  agency->kind = g_strdup (kind);
  g_assert_true (cairn_store_ensure_agency (store, agency, &id, NULL, &error));
  g_assert_no_error (error);
}

static CairnScrAction *
action (const char *text,
        const char *agencies,
        const char *responsible,
        const char *monitored,
        const char *due,
        const char *status,
        const char *completed,
        const char *progress,
        const char *evaluation)
{
  CairnScrAction *a = cairn_scr_action_new ();

  a->action = g_strdup (text);
  a->agencies = g_strdup (agencies);
  a->responsible = g_strdup (responsible);
  a->monitored_by = g_strdup (monitored);
  date (&a->due_on, due);
  g_free (a->status);
  a->status = g_strdup (status);
  if (completed)
    date (&a->completed_on, completed);
  a->progress = g_strdup (progress);
  a->evaluation = g_strdup (evaluation);
  return a;
}

static CairnScrPanelMember *
member (const char *name,
        const char *title,
        const char *organisation)
{
  CairnScrPanelMember *m = cairn_scr_panel_member_new ();

  m->name = g_strdup (name);
  m->job_title = g_strdup (title);
  m->organisation = g_strdup (organisation);
  return m;
}

/**
 * cairn_test_scr_fixture:
 * @mother_given: the mother's given name (a test may want "May")
 */
CairnStore *
cairn_test_scr_fixture (const char   *name,
                        const char   *mother_given,
                        CairnTestScr *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnReferral) referral = cairn_referral_new ();
  g_autoptr (CairnScr) scr = cairn_scr_new ();
  g_autofree char *sibling_nhs = cairn_test_nhs_number ("999000002");
  CairnStore *store;
  CairnScrRecommendation *rec;
  char upn[14] = "X201234567890";
  const char *mother = mother_given ? mother_given : "Karen";

  memset (out, 0, sizeof *out);
  out->db_path = cairn_test_scratch_path (name);
  store = cairn_store_open (out->db_path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_assert_no_error (error);
  g_assert_true (cairn_store_set_setting (store, "as_of", "2013-03-31", &error));
  g_assert_true (cairn_store_set_board (store, FIX_BOARD, "Northbridge", &error));

  add_agency (store, "CSC", "Northbridge Children's Social Care", "la");
  add_agency (store, "POL", "Northbridge Police", "police");
  add_agency (store, "HEA", "Northbridge Community Health", "health");
  add_agency (store, "EDU", "Northbridge Education Service", "education");

  out->child_nhs = cairn_test_nhs_number ("999000001");
  upn[0] = cairn_upn_check_letter (upn);
  out->child_upn = g_strdup (upn);
  out->child_number = add_child (store, FIX_CHILD_GIVEN, FIX_CHILD_DOB, out->child_nhs, upn, FIX_SCHOOL);
  out->sibling_number = add_child (store, FIX_SIBLING_GIVEN, "2009-11-20", sibling_nhs, NULL,
                                   "Larchfield Nursery");
  g_assert_true (cairn_store_add_child_link (store, out->sibling_number, out->child_number, "sibling", &error));
  add_relative (store, out->child_number, mother, FIX_CHILD_FAMILY, "", "F", "1984-07-02", FIX_ADDRESS,
                "mother", TRUE);
  add_relative (store, out->child_number, FIX_FATHER_GIVEN, FIX_FATHER_FAMILY, FIX_FATHER_ALIAS, "M",
                "1981-01-09", "7 Quarry Lane, Eastmoor", "father", FALSE);
  add_relative (store, out->child_number, FIX_PARTNER_GIVEN, FIX_PARTNER_FAMILY, "", "M", "1979-05-30",
                FIX_ADDRESS, "parent_partner", TRUE);

  date (&referral->received_on, "2011-03-03");
  referral->received_minute = CAIRN_NO_TIME;
  referral->source_agency = g_strdup ("HEA");
  referral->referrer_name = g_strdup (FIX_HEALTH_VISITOR);
  referral->concern = g_strdup ("Bruising noticed at a health visit.");
  g_assert_cmpint (cairn_store_open_case (store, out->child_number, referral, &error), ==, 1);
  g_assert_no_error (error);
  {
    g_autoptr (CairnProfessional) worker = cairn_professional_new ();
    gint64 id = 0;
    worker->name = g_strdup (FIX_SOCIAL_WORKER);
    worker->role = g_strdup ("Social Worker");
    worker->agency_code = g_strdup ("CSC");
    g_assert_true (cairn_store_ensure_professional (store, worker, &id, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (cairn_store_set_case_lead_worker (store, out->child_number, 1, FIX_SOCIAL_WORKER, "CSC",
                                                   &error));
  {
    g_autoptr (CairnEvent) visit = cairn_event_new ();
    visit->kind = g_strdup ("home_visit");
    date (&visit->date, "2011-03-10");
    visit->minute = CAIRN_NO_TIME;
    visit->outcome = g_strdup ("Amelia seen with her mother; the home was cold.");
    visit->recorded_by = g_strdup (FIX_SOCIAL_WORKER);
    g_assert_true (cairn_store_add_event (store, out->child_number, 1, visit, &error));
    g_assert_no_error (error);
  }
  {
    /* A worker who shares a given name with the overview author. */
    g_autoptr (CairnEvent) call = cairn_event_new ();
    call->kind = g_strdup ("note");
    date (&call->date, "2011-04-02");
    call->minute = CAIRN_NO_TIME;
    call->recorded_by = g_strdup ("Sian Hollis");
    g_assert_true (cairn_store_add_event (store, out->child_number, 1, call, &error));
    g_assert_no_error (error);
  }

  scr->year = 2012;
  scr->child_number = out->child_number;
  scr->title = g_strdup ("Review after serious injury");
  scr->criterion = g_strdup ("serious_harm");
  scr->trigger_summary = g_strdup (
    "Amelia Rosewood was admitted to hospital on 2 February 2012 with serious injuries. "
    "Abuse was suspected and there were concerns about how agencies had worked together.");
  date (&scr->notified_on, "2012-02-06");
  scr->decision = g_strdup ("hold");
  date (&scr->decision_on, "2012-02-20");
  scr->stage = g_strdup ("completed");
  scr->lscb_chair = g_strdup (FIX_LSCB_CHAIR);
  scr->panel_chair = g_strdup (FIX_PANEL_CHAIR);
  scr->overview_author = g_strdup (FIX_AUTHOR);
  scr->independence_statement = g_strdup (
    "The SCR Panel Chair and the overview report author are independent of the Board and of "
    "every agency involved with the family.");
  scr->parallel_processes = g_strdup (
    "A criminal investigation by Northbridge Police ran alongside the review; the panel agreed "
    "with the police when family members could be interviewed.");
  scr->family_involvement = g_strdup (
    "Mrs Rosewood met the overview author twice. Mr Pike declined to take part.");
  date (&scr->scope_from, "2010-01-01");
  date (&scr->scope_to, "2012-02-02");
  date (&scr->completed_on, "2012-08-10");
  scr->sections[CAIRN_SCR_SECTION_INTRODUCTION] = g_strdup (
    "The review followed Working Together 2010 chapter 8. Each agency wrote an individual "
    "management review, and the overview author met the practitioners.");
  scr->sections[CAIRN_SCR_SECTION_FACTS] = g_strdup_printf (
    "Amelia Rosewood was born on 14 March 2006. She lived with her mother, %s Rosewood, her "
    "brother Jayden and her mother's partner Lee Stanton at 14 Larch Close, Northbridge NB3 7QT. "
    "Amelia's father, Darren Pike (known as Daz), lived elsewhere.\n\n"
    "Amelia, known to her friends as Millie, attended Oakfield Primary School. Her NHS number "
    "%.3s %.3s %.4s and UPN %s were on every agency's record.\n\n"
    "On 3 March 2011 the health visitor, Gwen Tallis, referred Amelia to children's social care. "
    "The social worker, Priya Natarajan, visited the Rosewood family on 10 March 2011. "
    "Mr Stanton was present.",
    mother, out->child_nhs, out->child_nhs + 3, out->child_nhs + 6, upn);
  scr->sections[CAIRN_SCR_SECTION_KEY_ISSUES] = g_strdup (
    "Agencies did not share what they knew. The school's concerns about Amelia's attendance were "
    "not passed to the social worker. With hindsight a strategy discussion should have been held "
    "in March 2011.");
  scr->sections[CAIRN_SCR_SECTION_LEARNING] = g_strdup (
    "Practitioners must see the child alone.\n\n"
    "- Health and children's social care should share information at referral.\n"
    "- Schools should report patterns of absence.\n\n"
    "Good practice: the hospital's paediatric team acted quickly and well.");
  scr->sections[CAIRN_SCR_SECTION_RECOMMENDATIONS] = g_strdup (
    "The overview report made three recommendations, which the Board accepted in full.");

  g_ptr_array_add (scr->panel, member (FIX_PANEL_CHAIR, "Independent Chair", "Independent"));
  g_ptr_array_add (scr->panel, member (FIX_MEMBER, FIX_MEMBER_TITLE, "Northbridge Community Health"));
  g_ptr_array_add (scr->panel, member ("Julia Wren", "Detective Inspector", "Northbridge Police"));
  g_ptr_array_add (scr->panel, member ("Alan Moss", "Service Manager", "Northbridge Children's Social Care"));

  rec = cairn_scr_recommendation_new ();
  rec->body = g_strdup ("Children's social care and health should agree how information is shared at referral.");
  g_ptr_array_add (rec->actions, action ("Write a joint information-sharing protocol.", "CSC, Health",
                                         "Head of Service, CSC", "SCR sub-committee, quarterly report",
                                         "2012-12-31", "complete", "2012-11-30",
                                         "Protocol agreed and issued to all teams.",
                                         "Audit of 30 referrals in 2013."));
  g_ptr_array_add (rec->actions, action ("Train front-line staff on the protocol.", "CSC, Health",
                                         "Training Manager, LSCB", "LSCB training sub-group",
                                         "2013-06-30", "in_progress", NULL,
                                         "Four of six sessions delivered.",
                                         "Feedback survey six months after training."));
  g_ptr_array_add (scr->recommendations, rec);
  rec = cairn_scr_recommendation_new ();
  rec->body = g_strdup ("Schools should report patterns of absence to the child's social worker.");
  g_ptr_array_add (rec->actions, action ("Issue guidance to schools on reporting absence.", "Education",
                                         "Head of Education Welfare", "Education sub-group",
                                         "2013-03-31", "not_started", NULL, "",
                                         "Absence referrals counted each term."));
  g_ptr_array_add (scr->recommendations, rec);
  rec = cairn_scr_recommendation_new ();
  rec->body = g_strdup ("Practitioners should see the child alone at every statutory visit.");
  g_ptr_array_add (rec->actions, action ("Add a 'seen alone' field to visit records.", "CSC",
                                         "Principal Social Worker", "Performance reports to the Board",
                                         "2012-10-31", "complete", "2012-10-15",
                                         "Field added; recorded on 94% of visits.",
                                         "Case file audit twice a year."));
  g_ptr_array_add (scr->recommendations, rec);

  g_assert_true (cairn_store_add_scr (store, scr, &error));
  g_assert_no_error (error);
  g_assert_true (cairn_store_add_scr_imr (store, scr->id, "CSC", "Alan Moss", NULL, &error));
  g_assert_true (cairn_store_add_scr_imr (store, scr->id, "HEA", "Tom Ferris", NULL, &error));
  g_assert_true (cairn_store_add_scr_imr (store, scr->id, "POL", "Julia Wren", NULL, &error));
  g_assert_no_error (error);
  out->scr_id = scr->id;
  out->year = scr->year;
  out->number = scr->number;
  out->member_id = ((CairnScrPanelMember *) g_ptr_array_index (scr->panel, 1))->id;
  return store;
}

void
cairn_test_scr_clear (CairnTestScr *fixture)
{
  g_free (fixture->db_path);
  g_free (fixture->child_nhs);
  g_free (fixture->child_upn);
  memset (fixture, 0, sizeof *fixture);
}

void
cairn_test_scr_login (CairnStore *store,
                      const char *name)
{
  g_autoptr (GError) error = NULL;

  cairn_store_logout (store);
  g_assert_true (cairn_store_login (store, name, FIX_PASSWORD, &error));
  g_assert_no_error (error);
}

/* Adds the accounts of FIX_PASSWORD's comment and leaves nobody signed in. */
void
cairn_test_scr_add_accounts (CairnStore *store)
{
  g_autoptr (GError) error = NULL;
  static const struct
  {
    const char *name;
    CairnRole role;
    const char *team;
  } users[] = {
    { "panel", CAIRN_ROLE_SCR_PANEL, "" },
    { "outsider", CAIRN_ROLE_SCR_PANEL, "" },
    { "auditor", CAIRN_ROLE_AUDITOR, "" },
    { "practitioner", CAIRN_ROLE_PRACTITIONER, "East" },
  };

  g_assert_true (cairn_store_add_user (store, "chair", NULL, CAIRN_ROLE_CHAIR, "", FIX_PASSWORD, &error));
  g_assert_no_error (error);
  cairn_test_scr_login (store, "chair");
  for (gsize i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_assert_true (cairn_store_add_user (store, users[i].name, NULL, users[i].role, users[i].team,
                                           FIX_PASSWORD, &error));
      g_assert_no_error (error);
    }
  g_assert_true (cairn_store_grant_scr_access (store, 2012, 1, "panel", &error));
  g_assert_no_error (error);
  cairn_store_logout (store);
}
