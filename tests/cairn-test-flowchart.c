/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cairn-date.h"
#include "cairn-test-flowchart.h"

static const struct
{
  const char *id;
  const char *label;
  const char *kind;
  const char *notes;
} nodes[] = {
  { "N01", "Concern about a child's welfare", "start", "any person or agency; includes children living away from home" },
  { "N02", "Early help / CAF considered; check LSCB thresholds", "step", "CAF is not a referral form (LCC 4.2)" },
  { "N03", "Meets threshold for referral to children's social care?", "decision", "LSCB threshold document" },
  { "N04", "Single-agency / CAF support", "end", "leaves pathway; may re-enter at N01" },
  { "N05", "Referral to LA children's social care (or police/NSPCC)", "step", "referrer can speak to a qualified SW (ES l.181)" },
  { "N06", "Decide type of response", "decision", "≤ 1 WD [GK]" },
  { "N07", "NFA / advice / signposting; feedback to referrer", "end", "" },
  { "N08", "Initial assessment", "step", "≤ 10 WD from referral (SEED)" },
  { "N09", "Initial assessment outcome", "decision", "" },
  { "N10", "CIN services / CIN plan (s17)", "step", "" },
  { "N11", "Core assessment under s17", "step", "≤ 35 WD [GK]" },
  { "N12", "Risk to life or likely serious immediate harm?", "decision", "can be asked at any point" },
  { "N13", "Emergency action (police protection / EPO / exclusion / s20)", "step", "PP ≤ 72 h; EPO ≤ 8 days (+7) [GK]" },
  { "N14", "Strategy discussion", "step", "social care + police + health + referrer [GK]" },
  { "N15", "Start s47 enquiries?", "decision", "" },
  { "N16", "s47 enquiries + core assessment; child seen (alone where appropriate, recorded)", "step", "core ≤ 35 WD [GK]; GR 3.26" },
  { "N17", "s47 outcome", "decision", "" },
  { "N18", "Concerns not substantiated: CIN services or NFA", "end", "or loop to N10" },
  { "N19", "Substantiated, not at continuing risk: CIN plan", "step", "→ N10" },
  { "N20", "Initial child protection conference", "step", "≤ 15 WD of last strategy discussion [GK]" },
  { "N21", "Likely to suffer significant harm? (plan test)", "decision", "" },
  { "N22", "No CP plan: CIN plan / services", "end", "may loop to N10" },
  { "N23", "CP plan made: category, lead SW, core group, outline plan, contingency, review date", "step", "" },
  { "N24", "Looked after? Integrate CP plan into care plan (IRO)", "decision", "ES l.183; GR 3.33" },
  { "N25", "First core group; detailed plan", "step", "≤ 10 WD of ICPC [GK]" },
  { "N26", "Implement plan; core groups; child seen; monitor", "step", "regular core groups; written views of absentees (GR R19)" },
  { "N27", "Review child protection conference", "step", "1st ≤ 3 mo of ICPC, then ≤ 6 mo [GK]" },
  { "N28", "Still likely to suffer significant harm?", "decision", "" },
  { "N29", "Other ending event? (moved, 18, died, left UK)", "decision", "any time" },
  { "N30", "Transfer-in conference by receiving LA", "step", "≤ 15 WD of notification [GK]" },
  { "N31", "CP plan discontinued; notify ICPC invitees; CIN support if needed", "end", "" },
  { "N32", "Disagreement between professionals", "step", "escalation (GR R19); can attach to N06, N09, N17, N21, N28" },
  { "N33", "Pre-birth concern (unborn child)", "start", "→ N05; pre-birth ICPC timing LOCAL" },
  { "N34", "Care proceedings (s31 / ICO)", "step", "parallel legal track from N13, N16, N26" },
  { "N35", "CIN case closed / stepped down to universal or CAF services", "end", "" },
};

/* "from → to" as the table writes it, grouped forms and all. */
static const struct
{
  const char *spec;
  const char *condition;
  const char *timescale;
} edges[] = {
  { "N01 → N02", "concern raised", "" },
  { "N02 → N03", "threshold check", "" },
  { "N03 → N04", "below social care threshold", "" },
  { "N03 → N05", "meets threshold, or significant harm suspected", "\"as soon as possible\"; phone referral confirmed in writing ≤ 48 h [GK]" },
  { "N33 → N05", "concern about an unborn child", "" },
  { "N05 → N06", "referral received", "acknowledge ≤ 1 WD; referrer chases after 3 WD [GK]" },
  { "N06 → N07", "no further action / advice", "decision ≤ 1 WD [GK]; feedback to referrer (GR R19)" },
  { "N06 → N08", "possible child in need", "IA clock starts at referral date" },
  { "N06 → N12", "possible immediate danger", "same day" },
  { "N06 → N14", "reasonable cause to suspect significant harm", "immediate" },
  { "N08 → N09", "IA complete", "≤ 10 WD of referral (ES l.183)" },
  { "N08 → N14", "significant harm suspected during IA", "at any point; IA may be brief" },
  { "N09 → N07", "not a child in need", "inform family and referrer" },
  { "N09 → N10", "CIN, services only", "" },
  { "N09 → N11", "CIN, more assessment needed", "core ≤ 35 WD [GK]" },
  { "N09 → N14", "reasonable cause to suspect significant harm", "" },
  { "N10 → N35", "needs met / CIN plan ends", "" },
  { "N10 → N14", "significant harm suspected later", "re-enters s47 route" },
  { "N11 → N10", "CIN plan", "" },
  { "N11 → N14", "significant harm suspected", "" },
  { "N12 → N13", "yes", "police protection ≤ 72 h; EPO ≤ 8 d (+7) [GK]" },
  { "N12 → N14", "no, but significant harm suspected", "" },
  { "N13 → N14", "after emergency action", "strategy discussion ASAP; s47 is mandatory if EPO/police protection [GK]" },
  { "N14 → N15", "discussion held", "record decisions; circulate (≤ 1 WD? [GK])" },
  { "N15 → N16", "yes: single-agency or joint with police", "per LA–police protocol (ES l.68)" },
  { "N15 → N10", "no s47; CIN route", "" },
  { "N15 → N12", "immediate protection needed", "" },
  { "N16 → N17", "enquiries complete", "core assessment ≤ 35 WD [GK]" },
  { "N17 → N18", "not substantiated", "outcome to family and agencies" },
  { "N17 → N19", "substantiated, no continuing risk", "" },
  { "N17 → N20", "substantiated and likely to suffer significant harm", "ICPC ≤ 15 WD of last strategy discussion [GK]" },
  { "N19 → N10", "CIN plan", "" },
  { "N20 → N21", "conference decision", "quorum; chair independent [GK]" },
  { "N21 → N22", "no", "" },
  { "N21 → N23", "yes", "category set by chair" },
  { "N23 → N24", "plan made", "outline plan circulated (LOCAL ≤ 1 WD)" },
  { "N24 → N25", "not looked after", "first core group ≤ 10 WD of ICPC [GK]" },
  { "N24 → N25", "looked after: CP plan sits inside the care plan; IRO involved; reviews integrated", "same; LAC review timings (T23) also run" },
  { "N25 → N26", "detailed plan agreed", "" },
  { "N26 → N27", "review due", "first ≤ 3 months of ICPC; then ≤ 6 months [GK]; earlier if circumstances change" },
  { "N27 → N28", "review decision", "" },
  { "N28 → N26", "yes: continue (category may change)", "next review ≤ 6 months" },
  { "N28 → N31", "no longer likely to suffer significant harm", "notify all ICPC invitees [GK]" },
  { "N26 → N29", "ending event occurs", "any time" },
  { "N29 → N30", "moved permanently to another LA", "receiving LA conference ≤ 15 WD of notification [GK]" },
  { "N30 → N31", "receiving LA has held its conference", "only then may the original LA end its plan [GK]" },
  { "N29 → N31", "reached 18 / died / left UK permanently", "review around 18th birthday planned in advance [GK]" },
  { "N26 → N12", "new immediate danger", "" },
  { "N13 / N16 / N26 → N34", "legal threshold met", "parallel track" },
  { "(N06, N09, N17, N21, N28) → N32", "professional disagreement", "resolved under LSCB escalation procedure; outcome returns to the same node" },
};

CairnFlowchart *
cairn_test_wt2010_chart (void)
{
  CairnFlowchart *chart = cairn_flowchart_new ("Working Together to Safeguard Children 2010: the child's pathway");
  GError *error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      CairnFlowNodeKind kind;
      g_assert_true (cairn_flow_node_kind_from_string (nodes[i].kind, &kind));
      g_assert_true (cairn_flowchart_add_node (chart, nodes[i].id, nodes[i].label, kind, nodes[i].notes,
                                               "working-together-2010.md §11.1", &error));
      g_assert_no_error (error);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      int n = cairn_flowchart_add_edges (chart, edges[i].spec, edges[i].condition, edges[i].timescale, &error);
      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
    }
  return chart;
}

static void
set (CairnFlowCase     *kase,
     const char        *id,
     CairnFlowProgress  progress,
     CairnFlowDeadline  deadline,
     const char        *due,
     int                working_days,
     gboolean           done)
{
  CairnFlowNodeState state = { 0 };
  GError *error = NULL;

  state.progress = progress;
  state.deadline = deadline;
  cairn_date_clear (&state.due);
  if (due)
    g_assert_true (cairn_date_parse ("due", due, &state.due, NULL));
  state.working_days = working_days;
  state.done = done;
  g_assert_true (cairn_flow_case_set_state (kase, id, &state, &error));
  g_assert_no_error (error);
}

/* A synthetic case: referred 1 March 2011, initial assessment done late,
 * strategy discussion and s47 enquiries done, the initial conference due. */
CairnFlowCase *
cairn_test_wt2010_case (void)
{
  GDate today;
  CairnFlowCase *kase;

  cairn_date_set_ymd (&today, 2011, 4, 4);
  kase = cairn_flow_case_new ("Case C-000042/1", &today);
  set (kase, "N01", CAIRN_FLOW_PROGRESS_PASSED, CAIRN_FLOW_DEADLINE_NONE, NULL, 0, FALSE);
  set (kase, "N05", CAIRN_FLOW_PROGRESS_PASSED, CAIRN_FLOW_DEADLINE_NONE, NULL, 0, FALSE);
  set (kase, "N06", CAIRN_FLOW_PROGRESS_PASSED, CAIRN_FLOW_DEADLINE_NONE, NULL, 0, FALSE);
  set (kase, "N08", CAIRN_FLOW_PROGRESS_PASSED, CAIRN_FLOW_DEADLINE_LATE, "2011-03-15", 12, TRUE);
  set (kase, "N09", CAIRN_FLOW_PROGRESS_PASSED, CAIRN_FLOW_DEADLINE_NONE, NULL, 0, FALSE);
  set (kase, "N14", CAIRN_FLOW_PROGRESS_PASSED, CAIRN_FLOW_DEADLINE_NONE, NULL, 0, FALSE);
  set (kase, "N15", CAIRN_FLOW_PROGRESS_PASSED, CAIRN_FLOW_DEADLINE_NONE, NULL, 0, FALSE);
  set (kase, "N16", CAIRN_FLOW_PROGRESS_CURRENT, CAIRN_FLOW_DEADLINE_LATE, "2011-03-29", 4, FALSE);
  set (kase, "N20", CAIRN_FLOW_PROGRESS_NONE, CAIRN_FLOW_DEADLINE_DUE, "2011-04-08", 4, FALSE);
  return kase;
}
