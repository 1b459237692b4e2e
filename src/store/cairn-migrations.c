/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-migrations"

#include "config.h"

#include "cairn-migrations.h"

/* Version 1: the board, people, children and their cases, the pathway
 * records, conferences and plans, serious case reviews, board meetings and
 * annual report narratives. Dates are TEXT "YYYY-MM-DD", times
 * "YYYY-MM-DDTHH:MM"; booleans are 0/1, NULL when not recorded; codes are
 * those of the CIN census where one exists. */
static const char migration_1[] =
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE board ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL,"
  "  area TEXT NOT NULL DEFAULT '',"
  "  la_code TEXT,"
  "  child_population INTEGER,"
  "  conference_quorum INTEGER NOT NULL DEFAULT 3"
  ");"

  "CREATE TABLE agencies ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'other'"
  ");"

  "CREATE TABLE professionals ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  agency_id INTEGER NOT NULL REFERENCES agencies (id),"
  "  team TEXT NOT NULL DEFAULT '',"
  "  qualified_social_worker INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (name, agency_id)"
  ");"

  "CREATE TABLE board_members ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  agency_id INTEGER REFERENCES agencies (id),"
  "  lay_member INTEGER NOT NULL DEFAULT 0,"
  "  joined_on TEXT,"
  "  left_on TEXT"
  ");"

  "CREATE TABLE children ("
  "  id INTEGER PRIMARY KEY,"
  "  number INTEGER NOT NULL UNIQUE CHECK (number > 0),"
  "  given_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL,"
  "  other_names TEXT NOT NULL DEFAULT '',"
  "  aliases TEXT NOT NULL DEFAULT '',"
  "  date_of_birth TEXT,"
  "  expected_birth_date TEXT,"
  "  date_of_death TEXT,"
  "  sex TEXT NOT NULL DEFAULT 'U' CHECK (sex IN ('M', 'F', 'U')),"
  "  gender_current TEXT,"
  "  ethnicity TEXT,"
  "  religion TEXT,"
  "  first_language TEXT,"
  "  interpreter_needed INTEGER NOT NULL DEFAULT 0,"
  "  nhs_number TEXT UNIQUE,"
  "  la_child_id TEXT UNIQUE,"
  "  upn TEXT,"
  "  former_upn TEXT,"
  "  upn_unknown TEXT,"
  "  address TEXT,"
  "  postcode TEXT,"
  "  school TEXT,"
  "  gp TEXT,"
  "  legal_status TEXT,"
  "  looked_after INTEGER NOT NULL DEFAULT 0,"
  "  transferred_in INTEGER NOT NULL DEFAULT 0,"
  "  CHECK (date_of_birth IS NOT NULL OR expected_birth_date IS NOT NULL)"
  ");"

  "CREATE TABLE child_disabilities ("
  "  id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL,"
  "  UNIQUE (child_id, code)"
  ");"

  /* Adults and others linked to a child: parents, carers, household members. */
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  given_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL,"
  "  aliases TEXT NOT NULL DEFAULT '',"
  "  date_of_birth TEXT,"
  "  sex TEXT NOT NULL DEFAULT 'U' CHECK (sex IN ('M', 'F', 'U')),"
  "  address TEXT,"
  "  postcode TEXT,"
  "  phone TEXT"
  ");"

  "CREATE TABLE relationships ("
  "  id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES people (id),"
  "  relationship TEXT NOT NULL,"
  "  parental_responsibility INTEGER NOT NULL DEFAULT 0,"
  "  lives_with_child INTEGER NOT NULL DEFAULT 0,"
  "  poses_risk INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT,"
  "  UNIQUE (child_id, person_id)"
  ");"

  /* Siblings and other children who are themselves on the board's records. */
  "CREATE TABLE child_links ("
  "  id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
  "  other_child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
  "  relationship TEXT NOT NULL DEFAULT 'sibling',"
  "  UNIQUE (child_id, other_child_id)"
  ");"

  /* One episode of need, referral to closure (census CINdetails). */
  "CREATE TABLE cases ("
  "  id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  opened_on TEXT NOT NULL,"
  "  closed_on TEXT,"
  "  closure_reason TEXT,"
  "  edition TEXT,"
  "  edition_reason TEXT,"
  "  lead_worker_id INTEGER REFERENCES professionals (id),"
  "  team TEXT NOT NULL DEFAULT '',"
  "  initial_cpc_on TEXT,"
  "  UNIQUE (child_id, number)"
  ");"
  "CREATE INDEX cases_lead_worker ON cases (lead_worker_id);"

  "CREATE TABLE referrals ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  received_at TEXT NOT NULL,"
  "  channel TEXT,"
  "  source_code TEXT,"
  "  source_agency_id INTEGER REFERENCES agencies (id),"
  "  referrer_name TEXT,"
  "  concern TEXT,"
  "  primary_need_code TEXT,"
  "  decision TEXT,"
  "  decided_at TEXT,"
  "  nfa INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX referrals_case ON referrals (case_id);"
  "CREATE INDEX referrals_received ON referrals (received_at);"

  "CREATE TABLE assessments ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('initial', 'core', 'single')),"
  "  started_on TEXT NOT NULL,"
  "  internal_review_on TEXT,"
  "  authorised_on TEXT,"
  "  social_worker_id INTEGER REFERENCES professionals (id),"
  "  child_seen INTEGER,"
  "  outcome TEXT"
  ");"
  "CREATE INDEX assessments_case ON assessments (case_id);"

  "CREATE TABLE assessment_factors ("
  "  id INTEGER PRIMARY KEY,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL,"
  "  UNIQUE (assessment_id, code)"
  ");"

  "CREATE TABLE cin_plans ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  started_on TEXT NOT NULL,"
  "  ended_on TEXT"
  ");"
  "CREATE INDEX cin_plans_case ON cin_plans (case_id);"

  "CREATE TABLE strategy_discussions ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  held_at TEXT NOT NULL,"
  "  format TEXT NOT NULL DEFAULT 'meeting',"
  "  s47_decision TEXT NOT NULL DEFAULT 'none' CHECK (s47_decision IN ('none', 'single', 'joint')),"
  "  criminal_investigation INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT"
  ");"
  "CREATE INDEX strategy_discussions_case ON strategy_discussions (case_id);"

  "CREATE TABLE s47_enquiries ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  strategy_discussion_id INTEGER REFERENCES strategy_discussions (id) ON DELETE SET NULL,"
  "  started_on TEXT NOT NULL,"
  "  completed_on TEXT,"
  "  icpc_target_on TEXT,"
  "  icpc_on TEXT,"
  "  icpc_not_required INTEGER NOT NULL DEFAULT 0,"
  "  outcome TEXT"
  ");"
  "CREATE INDEX s47_enquiries_case ON s47_enquiries (case_id);"

  "CREATE TABLE legal_orders ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  started_at TEXT NOT NULL,"
  "  ended_at TEXT,"
  "  court TEXT"
  ");"

  /* Conferences may cover a sibling group: shared attendance, one decision per child. */
  "CREATE TABLE conferences ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('initial', 'pre_birth', 'review', 'transfer_in')),"
  "  held_at TEXT NOT NULL,"
  "  venue TEXT,"
  "  chair_id INTEGER REFERENCES professionals (id),"
  "  minute_taker TEXT,"
  "  quorate INTEGER,"
  "  quorate_reason TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'issued')),"
  "  parents_views TEXT,"
  "  child_views TEXT,"
  "  strengths TEXT,"
  "  risks TEXT,"
  "  UNIQUE (year, number)"
  ");"

  "CREATE TABLE conference_subjects ("
  "  id INTEGER PRIMARY KEY,"
  "  conference_id INTEGER NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  likely_significant_harm INTEGER,"
  "  plan_decision TEXT CHECK (plan_decision IN ('start', 'continue', 'end', 'none')),"
  "  lead_worker_id INTEGER REFERENCES professionals (id),"
  "  outline_plan TEXT,"
  "  contingency_plan TEXT,"
  "  dissent TEXT,"
  "  next_review_on TEXT,"
  "  UNIQUE (conference_id, case_id)"
  ");"
  "CREATE INDEX conference_subjects_case ON conference_subjects (case_id);"

  "CREATE TABLE conference_subject_categories ("
  "  id INTEGER PRIMARY KEY,"
  "  subject_id INTEGER NOT NULL REFERENCES conference_subjects (id) ON DELETE CASCADE,"
  "  category TEXT NOT NULL CHECK (category IN ('NEG', 'PHY', 'EMO', 'SAB')),"
  "  UNIQUE (subject_id, category)"
  ");"

  "CREATE TABLE conference_attendees ("
  "  id INTEGER PRIMARY KEY,"
  "  conference_id INTEGER NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  agency_id INTEGER REFERENCES agencies (id),"
  "  attendance TEXT NOT NULL DEFAULT 'invited',"
  "  contribution TEXT"
  ");"

  "CREATE TABLE cp_plans ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  started_on TEXT NOT NULL,"
  "  ended_on TEXT,"
  "  end_reason TEXT,"
  "  initial_category TEXT NOT NULL CHECK (initial_category IN ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),"
  "  latest_category TEXT NOT NULL CHECK (latest_category IN ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),"
  "  previous_plans INTEGER NOT NULL DEFAULT 0,"
  "  lead_worker_id INTEGER REFERENCES professionals (id),"
  "  contingency_plan TEXT"
  ");"
  "CREATE INDEX cp_plans_case ON cp_plans (case_id);"

  /* The specific categories behind a plan; a plan received only as MUL has none. */
  "CREATE TABLE cp_plan_categories ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES cp_plans (id) ON DELETE CASCADE,"
  "  category TEXT NOT NULL CHECK (category IN ('NEG', 'PHY', 'EMO', 'SAB')),"
  "  UNIQUE (plan_id, category)"
  ");"

  "CREATE TABLE cp_reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES cp_plans (id) ON DELETE CASCADE,"
  "  review_on TEXT NOT NULL"
  ");"

  "CREATE TABLE core_group_members ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES cp_plans (id) ON DELETE CASCADE,"
  "  professional_id INTEGER NOT NULL REFERENCES professionals (id),"
  "  UNIQUE (plan_id, professional_id)"
  ");"

  "CREATE TABLE core_group_meetings ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES cp_plans (id) ON DELETE CASCADE,"
  "  held_on TEXT NOT NULL,"
  "  notes TEXT"
  ");"

  /* The chronology: every significant event, what the timers run on. */
  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  occurred_at TEXT NOT NULL,"
  "  planned INTEGER NOT NULL DEFAULT 0,"
  "  outcome TEXT,"
  "  recorded_by TEXT,"
  "  child_seen INTEGER,"
  "  seen_alone INTEGER,"
  "  not_seen_alone_reason TEXT,"
  "  notes TEXT,"
  "  exception_reason TEXT,"
  "  late_reason TEXT"
  ");"
  "CREATE INDEX events_case ON events (case_id, occurred_at);"

  "CREATE TABLE scrs ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  child_id INTEGER REFERENCES children (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  criterion TEXT,"
  "  trigger_summary TEXT,"
  "  incident_on TEXT,"
  "  notified_on TEXT,"
  "  decision TEXT,"
  "  decision_on TEXT,"
  "  stage TEXT NOT NULL DEFAULT 'considered',"
  "  lscb_chair TEXT,"
  "  panel_chair TEXT,"
  "  overview_author TEXT,"
  "  independence_statement TEXT,"
  "  parallel_processes TEXT,"
  "  family_involvement TEXT,"
  "  scope_from TEXT,"
  "  scope_to TEXT,"
  "  completed_on TEXT,"
  "  sent_to_ofsted_on TEXT,"
  "  published_on TEXT,"
  "  UNIQUE (year, number)"
  ");"

  "CREATE TABLE scr_panel_members ("
  "  id INTEGER PRIMARY KEY,"
  "  scr_id INTEGER NOT NULL REFERENCES scrs (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  job_title TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TABLE scr_imrs ("
  "  id INTEGER PRIMARY KEY,"
  "  scr_id INTEGER NOT NULL REFERENCES scrs (id) ON DELETE CASCADE,"
  "  agency_id INTEGER REFERENCES agencies (id),"
  "  author TEXT,"
  "  received_on TEXT"
  ");"

  /* Narrative sections of the executive summary (Annex B), keyed by section id. */
  "CREATE TABLE scr_sections ("
  "  id INTEGER PRIMARY KEY,"
  "  scr_id INTEGER NOT NULL REFERENCES scrs (id) ON DELETE CASCADE,"
  "  section TEXT NOT NULL,"
  "  body TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (scr_id, section)"
  ");"

  "CREATE TABLE scr_recommendations ("
  "  id INTEGER PRIMARY KEY,"
  "  scr_id INTEGER NOT NULL REFERENCES scrs (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL,"
  "  body TEXT NOT NULL,"
  "  source TEXT NOT NULL DEFAULT 'overview',"
  "  UNIQUE (scr_id, number)"
  ");"

  "CREATE TABLE scr_actions ("
  "  id INTEGER PRIMARY KEY,"
  "  recommendation_id INTEGER NOT NULL REFERENCES scr_recommendations (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL,"
  "  agencies TEXT NOT NULL DEFAULT '',"
  "  responsible TEXT NOT NULL DEFAULT '',"
  "  monitored_by TEXT NOT NULL DEFAULT '',"
  "  due_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'not_started'"
  "    CHECK (status IN ('not_started', 'in_progress', 'complete')),"
  "  progress TEXT NOT NULL DEFAULT '',"
  "  completed_on TEXT,"
  "  evaluation TEXT NOT NULL DEFAULT ''"
  ");"

  /* Each action's status as it stood on a date (AR10–AR12 need the status at 31 March). */
  "CREATE TABLE scr_action_history ("
  "  id INTEGER PRIMARY KEY,"
  "  action_id INTEGER NOT NULL REFERENCES scr_actions (id) ON DELETE CASCADE,"
  "  as_of TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  progress TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TABLE board_meetings ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  held_on TEXT NOT NULL,"
  "  venue TEXT,"
  "  chair TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft',"
  "  UNIQUE (year, number)"
  ");"

  "CREATE TABLE meeting_attendance ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES board_meetings (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  agency TEXT NOT NULL DEFAULT '',"
  "  attendance TEXT NOT NULL DEFAULT 'present'"
  ");"

  "CREATE TABLE agenda_items ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES board_meetings (id) ON DELETE CASCADE,"
  "  item INTEGER NOT NULL,"
  "  sub_item INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL,"
  "  presenter TEXT NOT NULL DEFAULT '',"
  "  purpose TEXT NOT NULL DEFAULT '',"
  "  pages TEXT NOT NULL DEFAULT '',"
  "  minute_number INTEGER,"
  "  minutes TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (meeting_id, item, sub_item)"
  ");"

  "CREATE TABLE resolutions ("
  "  id INTEGER PRIMARY KEY,"
  "  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,"
  "  body TEXT NOT NULL"
  ");"

  "CREATE TABLE action_points ("
  "  id INTEGER PRIMARY KEY,"
  "  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL,"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  due_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open',"
  "  closed_on TEXT"
  ");"

  "CREATE TABLE annual_narratives ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL,"
  "  section TEXT NOT NULL,"
  "  body TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (year, section)"
  ");";

/* Accounts, roles, SCR panel access and the hash-chained audit trail.
 * Audit triggers on the other tables are generated from the schema after
 * every migration (cairn-audit-store.c), so they always cover every column. */
static const char migration_accounts[] =
  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  display_name TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL CHECK (role IN ('chair', 'business_manager', 'conference_chair',"
  "                                     'scr_panel', 'practitioner', 'auditor')),"
  "  team TEXT NOT NULL DEFAULT '',"
  "  password_hash TEXT NOT NULL,"
  "  failed_attempts INTEGER NOT NULL DEFAULT 0,"
  "  locked_until TEXT,"
  "  disabled INTEGER NOT NULL DEFAULT 0"
  ");"

  /* Which SCR panel members may see which review's drafts. */
  "CREATE TABLE scr_access ("
  "  id INTEGER PRIMARY KEY,"
  "  scr_id INTEGER NOT NULL REFERENCES scrs (id) ON DELETE CASCADE,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  UNIQUE (scr_id, user_id)"
  ");"

  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  user_name TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  entity TEXT NOT NULL DEFAULT '',"
  "  entity_key TEXT,"
  "  child_id INTEGER,"
  "  before TEXT,"
  "  after TEXT,"
  "  details TEXT,"
  "  prev_hash TEXT,"
  "  hash TEXT"
  ");"
  "CREATE INDEX audit_log_child ON audit_log (child_id) WHERE child_id IS NOT NULL;";

/* Version 3: links to children who are not on this board's database. A
 * child's record imported from another database may name a sibling who was
 * not imported with it; the link keeps the reference and name the other
 * database gave that child, and becomes a row of child_links when a child
 * with that reference, name and date of birth is imported (cairn-exchange.c). */
static const char migration_external_links[] =
  "CREATE TABLE external_child_links ("
  "  id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
  "  other_reference TEXT NOT NULL,"
  "  other_given_name TEXT NOT NULL DEFAULT '',"
  "  other_family_name TEXT NOT NULL,"
  "  other_date_of_birth TEXT,"
  "  relationship TEXT NOT NULL DEFAULT 'sibling',"
  "  UNIQUE (child_id, other_reference)"
  ");"
  "CREATE INDEX external_child_links_other ON external_child_links (other_reference);";
/* Version 4: the pathway. Per-board rule overrides (a board's correction of
 * a national timescale, or a local rule of its own, each with its source and
 * the date from which it applies), and per-case summary columns that the
 * case navigator sorts and filters a large table by without computing every
 * timer: the stage a case stands on (a node id of current_edition), its
 * earliest open due date and that rule, and whether an open timer is
 * overdue as of summary_on (see src/pathway/cairn-case-pathway.c). */
static const char migration_pathway[] =
  "CREATE TABLE rule_overrides ("
  "  id INTEGER PRIMARY KEY,"
  "  edition TEXT NOT NULL,"
  "  rule_id TEXT NOT NULL,"
  "  effective_from TEXT NOT NULL,"
  "  title TEXT,"
  "  limit_value INTEGER NOT NULL DEFAULT 0 CHECK (limit_value >= 0),"
  "  unit TEXT CHECK (unit IN ('working_days', 'hours', 'calendar_days', 'calendar_months',"
  "                            'days_beginning_with')),"
  "  start_kinds TEXT,"
  "  stop_kinds TEXT,"
  "  source TEXT NOT NULL CHECK (source <> ''),"
  "  recorded_on TEXT NOT NULL,"
  "  recorded_by TEXT,"
  "  notes TEXT,"
  "  CHECK ((limit_value = 0) = (unit IS NULL)),"
  "  UNIQUE (edition, rule_id, effective_from)"
  ");"

  "ALTER TABLE cases ADD COLUMN current_stage TEXT;"
  "ALTER TABLE cases ADD COLUMN current_edition TEXT;"
  "ALTER TABLE cases ADD COLUMN next_due_on TEXT;"
  "ALTER TABLE cases ADD COLUMN next_rule TEXT;"
  "ALTER TABLE cases ADD COLUMN timer_status TEXT"
  "  CHECK (timer_status IN ('running', 'overdue'));"
  "ALTER TABLE cases ADD COLUMN summary_on TEXT;"
  "CREATE INDEX cases_next_due ON cases (next_due_on);"
  "CREATE INDEX cases_timer_status ON cases (timer_status, next_due_on);"
  "CREATE INDEX cases_stage ON cases (current_edition, current_stage, next_due_on);";

/* Version 5 (issue 6): what the SCR executive summary needs beyond version 1.
 * - scrs.date_display: the panel's choice of dates as the child's age or as
 *   month and year in the anonymised summary;
 * - scr_versions: each export of the summary is a numbered version, with
 *   whether it passed the publication check, the SHA-256 of the file, who
 *   signed it off and when, and when it went to Ofsted and was published
 *   (only a signed-off publishable version can be published);
 * - scr_pseudonyms: the panel's adjustments to the role-based pseudonyms
 *   (subject keys as in CairnScrPerson: child:N, person:N, professional:N, …);
 * - scr_releases: words the leak check found that a named panel member
 *   released as false positives, with the reason and the date. */
static const char migration_scr_exports[] =
  "ALTER TABLE scrs ADD COLUMN date_display TEXT NOT NULL DEFAULT 'month_year'"
  "  CHECK (date_display IN ('age', 'month_year'));"

  "CREATE TABLE scr_versions ("
  "  id INTEGER PRIMARY KEY,"
  "  scr_id INTEGER NOT NULL REFERENCES scrs (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  created_on TEXT NOT NULL,"
  "  publishable INTEGER NOT NULL DEFAULT 0 CHECK (publishable IN (0, 1)),"
  "  file_name TEXT NOT NULL DEFAULT '',"
  "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  n_pages INTEGER NOT NULL DEFAULT 0,"
  "  signed_off_by TEXT,"
  "  signed_off_on TEXT,"
  "  sent_to_ofsted_on TEXT,"
  "  published_on TEXT,"
  "  CHECK ((signed_off_by IS NULL) = (signed_off_on IS NULL)),"
  "  CHECK (published_on IS NULL OR (publishable = 1 AND signed_off_on IS NOT NULL)),"
  "  UNIQUE (scr_id, version)"
  ");"

  "CREATE TABLE scr_pseudonyms ("
  "  id INTEGER PRIMARY KEY,"
  "  scr_id INTEGER NOT NULL REFERENCES scrs (id) ON DELETE CASCADE,"
  "  subject_key TEXT NOT NULL,"
  "  pseudonym TEXT NOT NULL CHECK (pseudonym <> ''),"
  "  UNIQUE (scr_id, subject_key),"
  "  UNIQUE (scr_id, pseudonym)"
  ");"

  "CREATE TABLE scr_releases ("
  "  id INTEGER PRIMARY KEY,"
  "  scr_id INTEGER NOT NULL REFERENCES scrs (id) ON DELETE CASCADE,"
  "  word TEXT NOT NULL CHECK (word <> ''),"
  "  panel_member_id INTEGER NOT NULL REFERENCES scr_panel_members (id),"
  "  reason TEXT NOT NULL CHECK (reason <> ''),"
  "  released_on TEXT NOT NULL,"
  "  UNIQUE (scr_id, word)"
  ");"
  "CREATE INDEX scr_releases_member ON scr_releases (panel_member_id);";
/* The case navigator: a derived table of what the case table shows and
 * sorts by (one row per case, one index per sortable column, kept up to
 * date by triggers and rebuilt after bulk work), full-text search with
 * FTS5 over names, references, identifiers and event notes, and each
 * user's saved filters and last view. case_index and case_search hold
 * nothing that is not elsewhere: they are not audited and can be rebuilt
 * (cairn_store_rebuild_case_index()). */
static const char migration_navigator[] =
  "CREATE TABLE case_index ("
  "  case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,"
  "  child_number INTEGER NOT NULL,"
  "  case_number INTEGER NOT NULL,"
  "  ref_key INTEGER NOT NULL,"
  "  name_key TEXT NOT NULL,"
  "  display_name TEXT NOT NULL,"
  "  birth_key TEXT NOT NULL,"
  "  unborn INTEGER NOT NULL,"
  "  stage_key TEXT NOT NULL,"
  "  edition TEXT NOT NULL,"
  "  due_key TEXT NOT NULL,"
  "  next_rule TEXT,"
  "  category_key TEXT NOT NULL,"
  "  worker_key TEXT NOT NULL,"
  "  team_key TEXT NOT NULL,"
  "  is_open INTEGER NOT NULL"
  ");"
  "CREATE INDEX case_index_name ON case_index (name_key, case_id);"
  "CREATE INDEX case_index_birth ON case_index (birth_key, case_id);"
  "CREATE INDEX case_index_stage ON case_index (stage_key, case_id);"
  "CREATE INDEX case_index_due ON case_index (due_key, case_id);"
  "CREATE INDEX case_index_category ON case_index (category_key, case_id);"
  "CREATE INDEX case_index_worker ON case_index (worker_key, case_id);"
  "CREATE INDEX case_index_team ON case_index (team_key, case_id);"
  "CREATE INDEX case_index_ref ON case_index (ref_key, case_id);"

  "CREATE VIRTUAL TABLE case_search USING fts5 ("
  "  names, ids, notes, tokenize = 'unicode61 remove_diacritics 2'"
  ");"

  "CREATE TABLE saved_filters ("
  "  id INTEGER PRIMARY KEY,"
  "  user_name TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  filter TEXT NOT NULL,"
  "  UNIQUE (user_name, name)"
  ");"

  "CREATE TABLE user_views ("
  "  user_name TEXT PRIMARY KEY,"
  "  filter TEXT NOT NULL,"
  "  case_ref TEXT"
  ") WITHOUT ROWID;";

/* Version 7 (issue 8): conferences recorded as they happen and their
 * minutes issued; the board's own meetings.
 * - conferences.correction_reason: set while an issued record is corrected
 *   (the next issue is a new version with this reason);
 * - conference_subjects: the lead statutory body, who dissented, and the
 *   date set for the first core group;
 * - conference_attendees.withhold_copy: left off the distribution list
 *   (everyone invited receives the outcome and the minutes unless the chair
 *   withholds a copy);
 * - conference_core_group: the core group named for a child (professionals
 *   and family members, by name);
 * - conference_plan_actions: the outline plan's actions: what, who, by when;
 * - board_meetings: start and end times, and a correction in progress;
 * - agenda_items.standing: the standing items (apologies, the previous
 *   minutes with matters arising, any other business …);
 * - action_point_updates: what a later meeting heard of an action carried
 *   forward into its matters arising;
 * - document_versions and document_receipts: each issue of an outcome
 *   summary, minutes, agenda or board minutes is a numbered version (a
 *   correction after issue is the next version, with what it corrected),
 *   and who received which version, when and how.
 * When minute numbers restart is the board setting
 * meetings.minutes_restart_month (cairn-meeting.h). */
static const char migration_minutes[] =
  "ALTER TABLE conferences ADD COLUMN correction_reason TEXT;"
  "ALTER TABLE conference_subjects ADD COLUMN lead_body TEXT;"
  "ALTER TABLE conference_subjects ADD COLUMN dissent_by TEXT;"
  "ALTER TABLE conference_subjects ADD COLUMN first_core_group_on TEXT;"
  "ALTER TABLE conference_attendees ADD COLUMN withhold_copy INTEGER NOT NULL DEFAULT 0"
  "  CHECK (withhold_copy IN (0, 1));"
  "CREATE INDEX conference_attendees_conference ON conference_attendees (conference_id);"

  "CREATE TABLE conference_core_group ("
  "  id INTEGER PRIMARY KEY,"
  "  subject_id INTEGER NOT NULL REFERENCES conference_subjects (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL DEFAULT '',"
  "  agency TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX conference_core_group_subject ON conference_core_group (subject_id);"

  "CREATE TABLE conference_plan_actions ("
  "  id INTEGER PRIMARY KEY,"
  "  subject_id INTEGER NOT NULL REFERENCES conference_subjects (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL DEFAULT '',"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  due_on TEXT,"
  "  due_text TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX conference_plan_actions_subject ON conference_plan_actions (subject_id);"

  "ALTER TABLE board_meetings ADD COLUMN starts_at TEXT;"
  "ALTER TABLE board_meetings ADD COLUMN ends_at TEXT;"
  "ALTER TABLE board_meetings ADD COLUMN correction_reason TEXT;"
  "CREATE INDEX board_meetings_held ON board_meetings (held_on);"
  "ALTER TABLE agenda_items ADD COLUMN standing TEXT"
  "  CHECK (standing IN ('apologies', 'previous_minutes', 'aob', 'information', 'next_meeting'));"
  "CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, item, sub_item);"
  "CREATE INDEX meeting_attendance_meeting ON meeting_attendance (meeting_id);"
  "CREATE INDEX resolutions_item ON resolutions (agenda_item_id);"
  "CREATE INDEX action_points_item ON action_points (agenda_item_id);"

  "CREATE TABLE action_point_updates ("
  "  id INTEGER PRIMARY KEY,"
  "  action_id INTEGER NOT NULL REFERENCES action_points (id) ON DELETE CASCADE,"
  "  meeting_id INTEGER NOT NULL REFERENCES board_meetings (id) ON DELETE CASCADE,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (action_id, meeting_id)"
  ");"
  "CREATE INDEX action_point_updates_meeting ON action_point_updates (meeting_id);"

  "CREATE TABLE document_versions ("
  "  id INTEGER PRIMARY KEY,"
  "  conference_id INTEGER REFERENCES conferences (id) ON DELETE CASCADE,"
  "  meeting_id INTEGER REFERENCES board_meetings (id) ON DELETE CASCADE,"
  "  document TEXT NOT NULL CHECK (document IN ('outcome', 'minutes', 'agenda', 'board_minutes')),"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  issued_on TEXT NOT NULL,"
  "  issued_by TEXT NOT NULL CHECK (issued_by <> ''),"
  "  correction TEXT,"
  "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  n_pages INTEGER NOT NULL DEFAULT 0,"
  "  CHECK ((conference_id IS NULL) <> (meeting_id IS NULL)),"
  "  CHECK ((document IN ('outcome', 'minutes')) = (conference_id IS NOT NULL)),"
  "  CHECK (version = 1 OR coalesce(correction, '') <> '')"
  ");"
  "CREATE UNIQUE INDEX document_versions_conference"
  "  ON document_versions (conference_id, document, version) WHERE conference_id IS NOT NULL;"
  "CREATE UNIQUE INDEX document_versions_meeting"
  "  ON document_versions (meeting_id, document, version) WHERE meeting_id IS NOT NULL;"

  "CREATE TABLE document_receipts ("
  "  id INTEGER PRIMARY KEY,"
  "  version_id INTEGER NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  role TEXT NOT NULL DEFAULT '',"
  "  agency TEXT NOT NULL DEFAULT '',"
  "  sent_on TEXT NOT NULL,"
  "  method TEXT NOT NULL DEFAULT 'secure_email'"
  "    CHECK (method IN ('secure_email', 'email', 'post', 'by_hand')),"
  "  UNIQUE (version_id, name, role, agency)"
  ");";

/* The app's list of recent conferences, newest first (board meetings have
 * theirs from the minutes migration). */
static const char migration_recent[] =
  "CREATE INDEX conferences_held ON conferences (held_at);";

/* Version 9 (issue 11):
 * the DfE Children in Need census imported and exported.
 * - cin_imports: one row per census file imported: its header (year,
 *   ReferenceDate, Source), SHA-256 and what the import did;
 * - cases.cin_details_id and cases.cin_year: the episode's CINdetailsID
 *   (its position under its child, census-md §4) in the latest census that
 *   carried it, so that a validation finding (LAchildID, episode) leads to
 *   the case. The census keys themselves are children.la_child_id and the
 *   episode's referral date (cases.opened_on);
 * - s47_enquiries.cin_year: the latest census that reported the enquiry. An
 *   enquiry that ended without a conference has no end date in the census;
 *   it belongs to the returns that reported it;
 * - cin_pre_proceedings: PreProceedingsandFGDM blocks (2025-26), kept as
 *   read (no rule uses them);
 * - an index on cp_reviews (plan_id), which the import and export walk. */
static const char migration_cin[] =
  "CREATE TABLE cin_imports ("
  "  id INTEGER PRIMARY KEY,"
  "  imported_at TEXT NOT NULL,"
  "  imported_by TEXT NOT NULL DEFAULT '',"
  "  file_name TEXT NOT NULL DEFAULT '',"
  "  sha256 TEXT NOT NULL DEFAULT '',"
  "  year INTEGER,"
  "  reference_date TEXT,"
  "  lea TEXT,"
  "  software_code TEXT,"
  "  release TEXT,"
  "  serial_no TEXT,"
  "  date_time TEXT,"
  "  children_added INTEGER NOT NULL DEFAULT 0,"
  "  children_updated INTEGER NOT NULL DEFAULT 0,"
  "  children_unchanged INTEGER NOT NULL DEFAULT 0,"
  "  children_skipped INTEGER NOT NULL DEFAULT 0"
  ");"

  "ALTER TABLE cases ADD COLUMN cin_details_id INTEGER;"
  "ALTER TABLE cases ADD COLUMN cin_year INTEGER;"
  "ALTER TABLE s47_enquiries ADD COLUMN cin_year INTEGER;"

  "CREATE TABLE cin_pre_proceedings ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  started_on TEXT,"
  "  letter_before_proceedings_on TEXT,"
  "  fgdm_meeting_offer TEXT,"
  "  fgdm_meeting_facilitated TEXT,"
  "  initial_meeting_on TEXT,"
  "  review_meetings TEXT,"
  "  step_decision_on TEXT,"
  "  outcome TEXT,"
  "  court_application_on TEXT,"
  "  letter_initial_cp_on TEXT"
  ");"
  "CREATE INDEX cin_pre_proceedings_case ON cin_pre_proceedings (case_id);"
  "CREATE INDEX cp_reviews_plan ON cp_reviews (plan_id);";

/* Version 10 (issue 7): what the annual report needs that is not a case
 * event, each per reporting year (year = the year it starts in: 2011 is
 * 2011-12), entered in the app and generated by the demo:
 * - child_population: the board's child population (0–17) for the rates
 *   per 10,000 children, with where the figure comes from;
 * - contacts: contacts received by children's social care, by source
 *   (census ReferralSource codes, as referrals);
 * - child_death_reviews: deaths of children notified to and reviewed by the
 *   child death overview panel (AR8);
 * - private_fostering: notifications received, arrangements at 31 March;
 * - training_courses: single and inter-agency training delivered (AR7);
 * - partner_contributions and board_spending: money in pence (WT2013: each
 *   partner's contributions and the board's spending on child death reviews,
 *   case reviews, training and other);
 * - priority_issues: the board's own list of priority issues for AR9, with
 *   the progress made on each;
 * - report_recipients: to whom the report went and when (WT2010: the
 *   Children's Trust Board; from 2013-14 also the Chief Executive, the
 *   Leader of the Council, the Police and Crime Commissioner and the Chair
 *   of the Health and Wellbeing Board).
 * Indexes serve the annual statistics, which select case records by date. */
static const char migration_annual[] =
  "CREATE TABLE child_population ("
  "  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),"
  "  children INTEGER NOT NULL CHECK (children > 0),"
  "  source TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
  "  source_code TEXT NOT NULL,"
  "  contacts INTEGER NOT NULL CHECK (contacts >= 0),"
  "  UNIQUE (year, source_code)"
  ");"

  "CREATE TABLE child_death_reviews ("
  "  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),"
  "  notified INTEGER CHECK (notified >= 0),"
  "  reviewed INTEGER NOT NULL CHECK (reviewed >= 0),"
  "  unexpected INTEGER CHECK (unexpected >= 0),"
  "  modifiable INTEGER CHECK (modifiable >= 0 AND modifiable <= reviewed)"
  ");"

  "CREATE TABLE private_fostering ("
  "  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),"
  "  notifications INTEGER NOT NULL CHECK (notifications >= 0),"
  "  arrangements INTEGER CHECK (arrangements >= 0)"
  ");"

  "CREATE TABLE training_courses ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  multi_agency INTEGER NOT NULL DEFAULT 1 CHECK (multi_agency IN (0, 1)),"
  "  sessions INTEGER NOT NULL DEFAULT 1 CHECK (sessions >= 0),"
  "  attendees INTEGER NOT NULL DEFAULT 0 CHECK (attendees >= 0),"
  "  UNIQUE (year, title)"
  ");"

  "CREATE TABLE partner_contributions ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
  "  agency_id INTEGER NOT NULL REFERENCES agencies (id),"
  "  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),"
  "  in_kind TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (year, agency_id)"
  ");"
  "CREATE INDEX partner_contributions_agency ON partner_contributions (agency_id);"

  "CREATE TABLE board_spending ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
  "  category TEXT NOT NULL CHECK (category IN ('child_death_reviews', 'case_reviews', 'training',"
  "                                            'staffing', 'other')),"
  "  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (year, category)"
  ");"

  "CREATE TABLE priority_issues ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
  "  position INTEGER NOT NULL CHECK (position > 0),"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  progress TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (year, position),"
  "  UNIQUE (year, title)"
  ");"

  "CREATE TABLE report_recipients ("
  "  id INTEGER PRIMARY KEY,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
  "  recipient TEXT NOT NULL CHECK (recipient IN ('childrens_trust_board', 'chief_executive',"
  "                                              'council_leader', 'police_crime_commissioner',"
  "                                              'health_wellbeing_board_chair')),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  sent_on TEXT,"
  "  UNIQUE (year, recipient)"
  ");"

  "CREATE INDEX assessments_authorised ON assessments (authorised_on) WHERE authorised_on IS NOT NULL;"
  "CREATE INDEX s47_enquiries_started ON s47_enquiries (started_on);"
  "CREATE INDEX s47_enquiries_icpc ON s47_enquiries (icpc_on) WHERE icpc_on IS NOT NULL;"
  "CREATE INDEX cases_initial_cpc ON cases (initial_cpc_on) WHERE initial_cpc_on IS NOT NULL;"
  "CREATE INDEX cp_plans_started ON cp_plans (started_on);"
  "CREATE INDEX cp_plans_ended ON cp_plans (ended_on) WHERE ended_on IS NOT NULL;"
  /* Version 9's cp_reviews_plan is on plan_id alone. */
  "CREATE INDEX cp_reviews_plan_review ON cp_reviews (plan_id, review_on);"
  /* conferences (held_at) has its index from version 8. */
  "CREATE INDEX events_seen ON events (occurred_at, case_id, seen_alone) WHERE child_seen = 1;"
  "CREATE INDEX referrals_received_source ON referrals (received_at, source_code, case_id);"

  /* The statistics of each year as last computed (cairn-annual-store.c), with
   * the rules they were counted against, and the first year that a change
   * since then may have touched: a change to a record dated in year Y can
   * alter the statistics of Y and of later years only. Triggers installed
   * with the schema (cairn_store_annual_install_triggers()) keep it. Derived
   * data: not audited, rebuilt whenever it is not known to be current. */
  "CREATE TABLE annual_stats_cache ("
  "  year INTEGER PRIMARY KEY,"
  "  rules_hash TEXT NOT NULL,"
  "  stats BLOB NOT NULL"
  ");"
  "CREATE TABLE annual_stats_state ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  dirty_from INTEGER NOT NULL"
  ");"
  "INSERT INTO annual_stats_state (id, dirty_from) VALUES (1, 0);";

static const CairnMigration migrations[] = {
  { "Initial schema", migration_1 },
  { "Accounts and audit trail", migration_accounts },
  { "Links to children on other databases", migration_external_links },
  { "Pathway rule overrides and case summaries", migration_pathway },
  { "SCR export versions, pseudonyms, date display and released words", migration_scr_exports },
  { "Case navigator index, search and saved views", migration_navigator },
  { "Conference and board minutes: versions, receipts, core groups, plan actions", migration_minutes },
  { "Index for recent conferences", migration_recent },
  { "CIN census imports, episode keys and pre-proceedings", migration_cin },
  { "Annual report figures, priorities, recipients and statistics indexes", migration_annual },
};

const CairnMigration *
cairn_migrations_get (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
