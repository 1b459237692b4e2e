/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cairn-agency-store.h"
#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-conference-store.h"
#include "cairn-date.h"
#include "cairn-test-minutes.h"
#include "cairn-test-utils.h"

static void
add_agency (CairnStore *store,
            const char *code,
            const char *name,
            const char *kind)
{
  g_autoptr (CairnAgency) agency = cairn_agency_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  agency->code = g_strdup (code);
  agency->name = g_strdup (name);
  g_free (agency->kind);
  agency->kind = g_strdup (kind);
  g_assert_true (cairn_store_ensure_agency (store, agency, &id, NULL, &error));
  g_assert_no_error (error);
}

static gint64
add_child (CairnStore *store,
           const char *given,
           const char *dob)
{
  g_autoptr (CairnChild) child = cairn_child_new ();
  g_autoptr (CairnReferral) referral = cairn_referral_new ();
  g_autoptr (GError) error = NULL;
  const char *kinds[] = { "strategy_discussion", "s47_start" };

  child->given_name = g_strdup (given);
  child->family_name = g_strdup ("Testperson");
  g_assert_true (cairn_date_parse ("dob", dob, &child->date_of_birth, NULL));
  g_assert_true (cairn_store_add_child (store, child, &error));
  g_assert_no_error (error);
  g_assert_true (cairn_date_parse ("d", "2011-03-01", &referral->received_on, NULL));
  referral->received_minute = CAIRN_NO_TIME;
  g_assert_cmpint (cairn_store_open_case (store, child->number, referral, &error), ==, 1);
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr (CairnEvent) e = cairn_event_new ();
      e->kind = g_strdup (kinds[i]);
      g_assert_true (cairn_date_parse ("d", "2011-04-01", &e->date, NULL));
      e->minute = CAIRN_NO_TIME;
      g_assert_true (cairn_pathway_record_event (store, child->number, 1, e, &error));
      g_assert_no_error (error);
    }
  return child->number;
}

/**
 * cairn_test_minutes_board:
 *
 * Creates the board's database (no accounts: every action is allowed, as
 * on a new board) and returns it open.
 */
CairnStore *
cairn_test_minutes_board (const char       *name,
                          CairnTestMinutes *fix)
{
  g_autoptr (GError) error = NULL;
  CairnStore *store;

  memset (fix, 0, sizeof *fix);
  fix->db_path = cairn_test_scratch_path (name);
  store = cairn_store_open (fix->db_path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_assert_no_error (error);
  g_assert_true (cairn_store_set_board (store, FIX_BOARD, "Testshire", &error));
  add_agency (store, "CSC", "Testshire Children's Social Care", "social_care");
  add_agency (store, "POL", "Testshire Police", "police");
  add_agency (store, "HV", "Testshire Community Health", "health");
  add_agency (store, "SCH", "Oakfield Primary School", "education");
  fix->amelia = add_child (store, "Amelia", "2008-05-14");
  fix->ben = add_child (store, "Ben", "2010-02-03");
  return store;
}

static gint64
attend (CairnStore *store,
        gint64      conference_id,
        const char *name,
        const char *role,
        const char *agency,
        const char *attendance,
        const char *contribution)
{
  g_autoptr (CairnAttendee) a = cairn_attendee_new ();
  g_autoptr (GError) error = NULL;

  a->name = g_strdup (name);
  a->role = g_strdup (role);
  a->agency_code = g_strdup (agency);
  a->attendance = g_strdup (attendance);
  a->contribution = g_strdup (contribution);
  g_assert_true (cairn_store_add_conference_attendee (store, conference_id, a, &error));
  g_assert_no_error (error);
  return a->id;
}

#define SET(call)                                                                                  \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autoptr (GError) e_ = NULL;                                                                  \
    gboolean ok_ = (call);                                                                         \
    g_assert_no_error (e_);                                                                        \
    g_assert_true (ok_);                                                                           \
  }                                                                                                \
  G_STMT_END

/**
 * cairn_test_minutes_conference:
 * @decided: also record the decisions (Amelia: a plan for neglect and
 *   emotional abuse, with core group, actions, contingency and dissent;
 *   Ben: no plan)
 *
 * The siblings' initial conference on 20 April 2011 at 10:00, with its
 * attendance (quorate: social care, police and health present), views,
 * strengths and risks.
 */
void
cairn_test_minutes_conference (CairnStore       *store,
                               CairnTestMinutes *fix,
                               gboolean          decided)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnConference) c = NULL;
  CairnRef cases[2] = { { CAIRN_REF_CASE, fix->amelia, 0, 1 }, { CAIRN_REF_CASE, fix->ben, 0, 1 } };
  GDate day;
  gint64 id;

  g_assert_true (cairn_date_parse ("d", FIX_CONFERENCE_DAY, &day, NULL));
  g_assert_true (cairn_store_create_conference (store, "initial", &day, 10 * 60, cases, 2,
                                                &fix->conference, &error));
  g_assert_no_error (error);
  c = cairn_store_get_conference (store, fix->conference.year, (int) fix->conference.number, &error);
  g_assert_no_error (error);
  id = fix->conference_id = c->id;
  g_assert_cmpuint (c->subjects->len, ==, 2);
  fix->amelia_subject = ((CairnConferenceSubject *) g_ptr_array_index (c->subjects, 0))->id;
  fix->ben_subject = ((CairnConferenceSubject *) g_ptr_array_index (c->subjects, 1))->id;

  SET (cairn_store_set_conference_field (store, id, CAIRN_CONFERENCE_FIELD_CHAIR, FIX_CHAIR, &e_));
  SET (cairn_store_set_conference_field (store, id, CAIRN_CONFERENCE_FIELD_VENUE,
                                         "Testshire Civic Centre, Room 2", &e_));
  SET (cairn_store_set_conference_field (store, id, CAIRN_CONFERENCE_FIELD_MINUTE_TAKER, "Robin Scribe",
                                         &e_));
  attend (store, id, FIX_SOCIAL_WORKER, "Social worker", "CSC", "present",
          "Presented the section 47 report, shared with the parents before the conference.");
  attend (store, id, FIX_POLICE, "Detective constable", "POL", "present",
          "Three domestic incidents since January.");
  attend (store, id, FIX_HEALTH_VISITOR, "Health visitor", "HV", "present",
          "Ben's weight has fallen from the 50th to the 9th centile.");
  attend (store, id, FIX_TEACHER, "Designated safeguarding lead", "SCH", "report",
          "Amelia often arrives hungry.");
  attend (store, id, FIX_MOTHER, "Mother", NULL, "present", NULL);
  attend (store, id, FIX_FATHER, "Father", NULL, "apologies", NULL);
  SET (cairn_store_set_conference_field (store, id, CAIRN_CONFERENCE_FIELD_PARENTS_VIEWS,
                                         "Kerry accepted the concerns and wants to work with the plan.", &e_));
  SET (cairn_store_set_conference_field (store, id, CAIRN_CONFERENCE_FIELD_CHILD_VIEWS,
                                         "Amelia told her teacher she likes school dinners best.", &e_));
  SET (cairn_store_set_conference_field (store, id, CAIRN_CONFERENCE_FIELD_STRENGTHS,
                                         "Kerry is warm towards the children; good school attendance.", &e_));
  SET (cairn_store_set_conference_field (store, id, CAIRN_CONFERENCE_FIELD_RISKS,
                                         "Domestic abuse; Ben's weight loss; no food in the home.", &e_));
  if (!decided)
    return;

  SET (cairn_store_set_subject_field (store, fix->amelia_subject,
                                      CAIRN_SUBJECT_FIELD_LIKELY_SIGNIFICANT_HARM, "yes", &e_));
  SET (cairn_store_set_subject_field (store, fix->amelia_subject, CAIRN_SUBJECT_FIELD_PLAN_DECISION,
                                      "start", &e_));
  SET (cairn_store_set_subject_category (store, fix->amelia_subject, "NEG", TRUE, &e_));
  SET (cairn_store_set_subject_category (store, fix->amelia_subject, "EMO", TRUE, &e_));
  SET (cairn_store_set_subject_field (store, fix->amelia_subject, CAIRN_SUBJECT_FIELD_LEAD_WORKER,
                                      FIX_SOCIAL_WORKER, &e_));
  SET (cairn_store_set_subject_field (store, fix->amelia_subject, CAIRN_SUBJECT_FIELD_LEAD_BODY,
                                      "Testshire Children's Social Care", &e_));
  SET (cairn_store_set_subject_field (store, fix->amelia_subject, CAIRN_SUBJECT_FIELD_OUTLINE_PLAN,
                                      "Keep Amelia safe from domestic abuse and make sure she is fed.", &e_));
  SET (cairn_store_set_subject_field (store, fix->amelia_subject, CAIRN_SUBJECT_FIELD_CONTINGENCY_PLAN,
                                      FIX_CONTINGENCY, &e_));
  SET (cairn_store_set_subject_field (store, fix->amelia_subject, CAIRN_SUBJECT_FIELD_DISSENT,
                                      FIX_DISSENT, &e_));
  SET (cairn_store_set_subject_field (store, fix->amelia_subject, CAIRN_SUBJECT_FIELD_DISSENT_BY,
                                      FIX_POLICE, &e_));
  {
    g_autoptr (CairnCoreGroupMember) m = cairn_core_group_member_new ();
    g_autoptr (CairnPlanAction) a = cairn_plan_action_new ();
    g_autoptr (CairnPlanAction) b = cairn_plan_action_new ();

    m->name = g_strdup (FIX_TEACHER);
    m->role = g_strdup ("Designated safeguarding lead");
    m->agency = g_strdup ("Oakfield Primary School");
    SET (cairn_store_add_core_group_member (store, fix->amelia_subject, m, &e_));
    a->action = g_strdup ("Refer Kerry to the domestic abuse service");
    a->owner = g_strdup (FIX_SOCIAL_WORKER);
    g_assert_true (cairn_date_parse ("d", "2011-04-29", &a->due_on, NULL));
    a->due_text = g_strdup ("");
    SET (cairn_store_add_plan_action (store, fix->amelia_subject, a, &e_));
    b->action = g_strdup ("Free school breakfast club place");
    b->owner = g_strdup (FIX_TEACHER);
    b->due_text = g_strdup ("From the start of next term");
    SET (cairn_store_add_plan_action (store, fix->amelia_subject, b, &e_));
  }
  SET (cairn_store_set_subject_field (store, fix->ben_subject, CAIRN_SUBJECT_FIELD_LIKELY_SIGNIFICANT_HARM,
                                      "no", &e_));
  SET (cairn_store_set_subject_field (store, fix->ben_subject, CAIRN_SUBJECT_FIELD_PLAN_DECISION, "none",
                                      &e_));
  SET (cairn_store_set_subject_field (store, fix->ben_subject, CAIRN_SUBJECT_FIELD_OUTLINE_PLAN,
                                      "A child in need plan: health visitor weekly to weigh Ben.", &e_));
}

void
cairn_test_minutes_clear (CairnTestMinutes *fix)
{
  g_clear_pointer (&fix->db_path, g_free);
}
