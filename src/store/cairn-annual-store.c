/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-annual-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cairn-annual-store.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

#define MAX_TITLE_CHARS 200
#define MAX_NARRATIVE_CHARS 60000
#define MAX_COUNT G_GINT64_CONSTANT (100000000)
#define MAX_PENCE G_GINT64_CONSTANT (100000000000) /* £1,000 million */

/* ---- Code lists ------------------------------------------------------- */

static const struct
{
  const char *id;
  const char *label;
} spending_categories[CAIRN_SPENDING_N_CATEGORIES] = {
  [CAIRN_SPENDING_CHILD_DEATH_REVIEWS] = { "child_death_reviews", N_("Child death reviews") },
  [CAIRN_SPENDING_CASE_REVIEWS] = { "case_reviews", N_("Serious case reviews and other case reviews") },
  [CAIRN_SPENDING_TRAINING] = { "training", N_("Training and learning events") },
  [CAIRN_SPENDING_STAFFING] = { "staffing", N_("Board staff and business unit") },
  [CAIRN_SPENDING_OTHER] = { "other", N_("Other") },
};

static const struct
{
  const char *id;
  const char *label;
} recipients[CAIRN_N_RECIPIENTS] = {
  [CAIRN_RECIPIENT_CHILDRENS_TRUST_BOARD] = { "childrens_trust_board", N_("Children's Trust Board") },
  [CAIRN_RECIPIENT_CHIEF_EXECUTIVE] = { "chief_executive", N_("Chief Executive of the council") },
  [CAIRN_RECIPIENT_COUNCIL_LEADER] = { "council_leader", N_("Leader of the Council") },
  [CAIRN_RECIPIENT_POLICE_CRIME_COMMISSIONER] = { "police_crime_commissioner",
                                                  N_("Police and Crime Commissioner") },
  [CAIRN_RECIPIENT_HEALTH_WELLBEING_BOARD_CHAIR] = { "health_wellbeing_board_chair",
                                                     N_("Chair of the Health and Wellbeing Board") },
};

static const char *category_labels[CAIRN_ANNUAL_N_CATEGORIES] = {
  [CAIRN_ANNUAL_NEGLECT] = N_("Neglect"),
  [CAIRN_ANNUAL_PHYSICAL] = N_("Physical abuse"),
  [CAIRN_ANNUAL_EMOTIONAL] = N_("Emotional abuse"),
  [CAIRN_ANNUAL_SEXUAL] = N_("Sexual abuse"),
  [CAIRN_ANNUAL_MULTIPLE] = N_("Multiple"),
  [CAIRN_ANNUAL_MULTIPLE_UNSPECIFIED] = N_("Multiple, unspecified"),
};

const char *
cairn_spending_category_id (CairnSpendingCategory category)
{
  g_return_val_if_fail (category < CAIRN_SPENDING_N_CATEGORIES, NULL);
  return spending_categories[category].id;
}

const char *
cairn_spending_category_label (CairnSpendingCategory category)
{
  g_return_val_if_fail (category < CAIRN_SPENDING_N_CATEGORIES, NULL);
  return _(spending_categories[category].label);
}

gboolean
cairn_spending_category_from_id (const char            *id,
                                 CairnSpendingCategory *out)
{
  for (int i = 0; i < CAIRN_SPENDING_N_CATEGORIES; i++)
    if (g_strcmp0 (id, spending_categories[i].id) == 0)
      {
        *out = (CairnSpendingCategory) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cairn_recipient_id (CairnRecipient recipient)
{
  g_return_val_if_fail (recipient < CAIRN_N_RECIPIENTS, NULL);
  return recipients[recipient].id;
}

const char *
cairn_recipient_label (CairnRecipient recipient)
{
  g_return_val_if_fail (recipient < CAIRN_N_RECIPIENTS, NULL);
  return _(recipients[recipient].label);
}

gboolean
cairn_recipient_from_id (const char     *id,
                         CairnRecipient *out)
{
  for (int i = 0; i < CAIRN_N_RECIPIENTS; i++)
    if (g_strcmp0 (id, recipients[i].id) == 0)
      {
        *out = (CairnRecipient) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cairn_annual_category_label (CairnAnnualCategory category)
{
  g_return_val_if_fail (category < CAIRN_ANNUAL_N_CATEGORIES, NULL);
  return _(category_labels[category]);
}

/* ---- Freeing ----------------------------------------------------------- */

void
cairn_recipient_record_free (CairnRecipientRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->name);
  g_free (record);
}

void
cairn_priority_issue_free (CairnPriorityIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->title);
  g_free (issue->progress);
  g_free (issue);
}

void
cairn_training_course_free (CairnTrainingCourse *course)
{
  if (course == NULL)
    return;
  g_free (course->title);
  g_free (course);
}

void
cairn_contribution_free (CairnContribution *contribution)
{
  if (contribution == NULL)
    return;
  g_free (contribution->agency_code);
  g_free (contribution->agency_name);
  g_free (contribution->in_kind);
  g_free (contribution);
}

void
cairn_spending_free (CairnSpending *spending)
{
  if (spending == NULL)
    return;
  g_free (spending->notes);
  g_free (spending);
}

static void
source_count_free (CairnAnnualSourceCount *count)
{
  g_free (count->code);
  g_free (count);
}

void
cairn_annual_year_free (CairnAnnualYear *year)
{
  if (year == NULL)
    return;
  g_clear_pointer (&year->contacts_by_source, g_ptr_array_unref);
  g_clear_pointer (&year->referrals_by_source, g_ptr_array_unref);
  g_free (year);
}

void
cairn_annual_scr_action_free (CairnAnnualScrAction *action)
{
  if (action == NULL)
    return;
  g_free (action->scr_title);
  g_free (action->action);
  g_free (action->responsible);
  g_free (action->status);
  g_free (action->start_status);
  g_free (action->progress);
  g_free (action);
}

void
cairn_annual_member_free (CairnAnnualMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->role);
  g_free (member->agency);
  g_free (member);
}

CairnAnnualRules *
cairn_annual_rules_alloc (void)
{
  CairnAnnualRules *rules = g_new0 (CairnAnnualRules, 1);

  cairn_date_clear (&rules->first_day);
  rules->working = g_array_new (FALSE, TRUE, sizeof (guint8));
  rules->editions = g_array_new (FALSE, TRUE, sizeof (CairnAnnualEdition));
  rules->limits = g_array_new (FALSE, TRUE, sizeof (CairnAnnualLimit));
  return rules;
}

void
cairn_annual_rules_free (CairnAnnualRules *rules)
{
  if (rules == NULL)
    return;
  for (guint i = 0; i < rules->editions->len; i++)
    g_free (g_array_index (rules->editions, CairnAnnualEdition, i).id);
  for (guint i = 0; i < rules->limits->len; i++)
    {
      CairnAnnualLimit *l = &g_array_index (rules->limits, CairnAnnualLimit, i);
      g_free (l->edition);
      g_free (l->rule_id);
    }
  g_array_unref (rules->working);
  g_array_unref (rules->editions);
  g_array_unref (rules->limits);
  g_free (rules->fixed_edition);
  g_free (rules);
}

/* ---- Helpers ------------------------------------------------------------ */

static gboolean
check_year (int      year,
            GError **error)
{
  if (year < 1990 || year > 2100)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Year: %d is not a reporting year Cairn can hold (1990-91 to 2100-01)"), year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_count (const char  *field,
             gint64       value,
             gint64       max,
             GError     **error)
{
  if (value < 0 || value > max)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: %" G_GINT64_FORMAT " is not a number from 0 to %" G_GINT64_FORMAT), field,
                   value, max);
      return FALSE;
    }
  return TRUE;
}

/* -1 means "not recorded": bound as NULL. */
static void
bind_optional_count (sqlite3_stmt *stmt,
                     int           idx,
                     gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, value);
}

static gint64
column_optional_count (sqlite3_stmt *stmt,
                       int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, col);
}

static gint64
agency_id_for_code (CairnStore  *self,
                    const char  *field,
                    const char  *code,
                    GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "SELECT id FROM agencies WHERE code = ?", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  cairn_bind_text (stmt, 1, code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: \"%s\" is not a known agency"),
                 field, code ? code : "");
  return id;
}

/* Runs one prepared change with the annual report permission already checked. */
static gboolean
run_change (CairnStore    *self,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  return cairn_store_step_done (self, stmt, error);
}

/* ---- Figures entered by the board ---------------------------------------- */

/**
 * cairn_store_set_child_population:
 * @children: the number of children aged 0–17, or 0 to remove the figure
 * @source: (nullable): where the figure comes from (e.g. "ONS mid-2011 estimate")
 */
gboolean
cairn_store_set_child_population (CairnStore  *self,
                                  int          year,
                                  gint64       children,
                                  const char  *source,
                                  GError     **error)
{
  sqlite3_stmt *stmt;

  if (!check_year (year, error) ||
      !check_count (_("Child population"), children, MAX_COUNT, error) ||
      !cairn_validate_max_length (_("Source"), source, MAX_TITLE_CHARS, error) ||
      !cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error))
    return FALSE;
  if (children == 0)
    stmt = cairn_store_prepare (self, "DELETE FROM child_population WHERE year = ?1", error);
  else
    stmt = cairn_store_prepare (
      self, "INSERT INTO child_population (year, children, source) VALUES (?1, ?2, ?3)"
            " ON CONFLICT (year) DO UPDATE SET children = excluded.children, source = excluded.source",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if (children > 0)
    {
      sqlite3_bind_int64 (stmt, 2, children);
      cairn_bind_text (stmt, 3, source ? source : "");
    }
  return run_change (self, stmt, error);
}

/**
 * cairn_store_set_contacts:
 * @source_code: a census ReferralSource code (cairn-codes.h)
 * @contacts: the number of contacts, or -1 to remove the entry
 */
gboolean
cairn_store_set_contacts (CairnStore  *self,
                          int          year,
                          const char  *source_code,
                          gint64       contacts,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  if (!check_year (year, error) ||
      !cairn_codes_check (CAIRN_CODES_REFERRAL_SOURCE, _("Source of contact"), source_code, error) ||
      (contacts >= 0 && !check_count (_("Contacts"), contacts, MAX_COUNT, error)) ||
      !cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error))
    return FALSE;
  if (contacts < 0)
    stmt = cairn_store_prepare (self, "DELETE FROM contacts WHERE year = ?1 AND source_code = ?2", error);
  else
    stmt = cairn_store_prepare (
      self, "INSERT INTO contacts (year, source_code, contacts) VALUES (?1, ?2, ?3)"
            " ON CONFLICT (year, source_code) DO UPDATE SET contacts = excluded.contacts",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  cairn_bind_text (stmt, 2, source_code);
  if (contacts >= 0)
    sqlite3_bind_int64 (stmt, 3, contacts);
  return run_change (self, stmt, error);
}

/**
 * cairn_store_set_child_death_reviews:
 * @notified: (optional) deaths notified in the year, or -1
 * @reviewed: deaths whose review the panel completed in the year, or -1 to
 *   remove the year's entry
 * @unexpected: (optional) of those reviewed, unexpected deaths, or -1
 * @modifiable: (optional) of those reviewed, deaths with modifiable
 *   factors, or -1
 */
gboolean
cairn_store_set_child_death_reviews (CairnStore  *self,
                                     int          year,
                                     gint64       notified,
                                     gint64       reviewed,
                                     gint64       unexpected,
                                     gint64       modifiable,
                                     GError     **error)
{
  sqlite3_stmt *stmt;

  if (!check_year (year, error) ||
      (notified >= 0 && !check_count (_("Deaths notified"), notified, MAX_COUNT, error)) ||
      (reviewed >= 0 && !check_count (_("Deaths reviewed"), reviewed, MAX_COUNT, error)) ||
      (unexpected >= 0 && !check_count (_("Unexpected deaths"), unexpected, MAX(reviewed, 0), error)) ||
      (modifiable >= 0 && !check_count (_("Deaths with modifiable factors"), modifiable, MAX(reviewed, 0),
                                        error)) ||
      !cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error))
    return FALSE;
  if (reviewed < 0)
    stmt = cairn_store_prepare (self, "DELETE FROM child_death_reviews WHERE year = ?1", error);
  else
    stmt = cairn_store_prepare (
      self, "INSERT INTO child_death_reviews (year, notified, reviewed, unexpected, modifiable)"
            " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (year) DO UPDATE SET notified = excluded.notified,"
            " reviewed = excluded.reviewed, unexpected = excluded.unexpected,"
            " modifiable = excluded.modifiable",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if (reviewed >= 0)
    {
      bind_optional_count (stmt, 2, notified);
      sqlite3_bind_int64 (stmt, 3, reviewed);
      bind_optional_count (stmt, 4, unexpected);
      bind_optional_count (stmt, 5, modifiable);
    }
  return run_change (self, stmt, error);
}

/**
 * cairn_store_set_private_fostering:
 * @notifications: notifications of private fostering arrangements received
 *   in the year, or -1 to remove the year's entry
 * @arrangements: (optional) arrangements known at 31 March, or -1
 */
gboolean
cairn_store_set_private_fostering (CairnStore  *self,
                                   int          year,
                                   gint64       notifications,
                                   gint64       arrangements,
                                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (!check_year (year, error) ||
      (notifications >= 0 &&
       !check_count (_("Private fostering notifications"), notifications, MAX_COUNT, error)) ||
      (arrangements >= 0 &&
       !check_count (_("Private fostering arrangements"), arrangements, MAX_COUNT, error)) ||
      !cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error))
    return FALSE;
  if (notifications < 0)
    stmt = cairn_store_prepare (self, "DELETE FROM private_fostering WHERE year = ?1", error);
  else
    stmt = cairn_store_prepare (
      self, "INSERT INTO private_fostering (year, notifications, arrangements) VALUES (?1, ?2, ?3)"
            " ON CONFLICT (year) DO UPDATE SET notifications = excluded.notifications,"
            " arrangements = excluded.arrangements",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if (notifications >= 0)
    {
      sqlite3_bind_int64 (stmt, 2, notifications);
      bind_optional_count (stmt, 3, arrangements);
    }
  return run_change (self, stmt, error);
}

/**
 * cairn_store_add_training_course:
 *
 * Records a course delivered in the year; sets @course->id.
 */
gboolean
cairn_store_add_training_course (CairnStore          *self,
                                 int                  year,
                                 CairnTrainingCourse *course,
                                 GError             **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *title = course->title ? g_strstrip (g_strdup (course->title)) : NULL;

  if (!check_year (year, error) ||
      !cairn_validate_required (_("Course"), title, error) ||
      !cairn_validate_max_length (_("Course"), title, MAX_TITLE_CHARS, error) ||
      !check_count (_("Sessions"), course->sessions, 10000, error) ||
      !check_count (_("Attendees"), course->attendees, 1000000, error) ||
      !cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self, "INSERT INTO training_courses (year, title, multi_agency, sessions, attendees)"
          " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  cairn_bind_text (stmt, 2, title);
  sqlite3_bind_int (stmt, 3, course->multi_agency ? 1 : 0);
  sqlite3_bind_int (stmt, 4, course->sessions);
  sqlite3_bind_int (stmt, 5, course->attendees);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_autofree char *y = cairn_year_to_string (year);
      if ((sqlite3_extended_errcode (cairn_store_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS,
                     _("Course: \"%s\" is already recorded for %s"), title, y);
      else
        cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  course->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  return TRUE;
}

/**
 * cairn_store_set_contribution:
 * @agency_code: the partner agency
 * @amount_pence: its contribution in pence, or -1 to remove the entry
 * @in_kind: (nullable): contributions in kind (staff, rooms …), in words
 */
gboolean
cairn_store_set_contribution (CairnStore  *self,
                              int          year,
                              const char  *agency_code,
                              gint64       amount_pence,
                              const char  *in_kind,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 agency;

  if (!check_year (year, error) ||
      (amount_pence >= 0 && !check_count (_("Contribution"), amount_pence, MAX_PENCE, error)) ||
      !cairn_validate_max_length (_("In kind"), in_kind, MAX_TITLE_CHARS, error) ||
      !cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error) ||
      (agency = agency_id_for_code (self, _("Agency"), agency_code, error)) == 0)
    return FALSE;
  if (amount_pence < 0)
    stmt = cairn_store_prepare (
      self, "DELETE FROM partner_contributions WHERE year = ?1 AND agency_id = ?2", error);
  else
    stmt = cairn_store_prepare (
      self, "INSERT INTO partner_contributions (year, agency_id, amount_pence, in_kind)"
            " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (year, agency_id) DO UPDATE SET"
            " amount_pence = excluded.amount_pence, in_kind = excluded.in_kind",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, agency);
  if (amount_pence >= 0)
    {
      sqlite3_bind_int64 (stmt, 3, amount_pence);
      cairn_bind_text (stmt, 4, in_kind ? in_kind : "");
    }
  return run_change (self, stmt, error);
}

/**
 * cairn_store_set_spending:
 * @amount_pence: what the board spent on @category in the year, in pence,
 *   or -1 to remove the entry
 */
gboolean
cairn_store_set_spending (CairnStore            *self,
                          int                    year,
                          CairnSpendingCategory  category,
                          gint64                 amount_pence,
                          const char            *notes,
                          GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (category < CAIRN_SPENDING_N_CATEGORIES, FALSE);
  if (!check_year (year, error) ||
      (amount_pence >= 0 && !check_count (_("Spending"), amount_pence, MAX_PENCE, error)) ||
      !cairn_validate_max_length (_("Notes"), notes, MAX_TITLE_CHARS, error) ||
      !cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error))
    return FALSE;
  if (amount_pence < 0)
    stmt = cairn_store_prepare (self, "DELETE FROM board_spending WHERE year = ?1 AND category = ?2",
                                error);
  else
    stmt = cairn_store_prepare (
      self, "INSERT INTO board_spending (year, category, amount_pence, notes) VALUES (?1, ?2, ?3, ?4)"
            " ON CONFLICT (year, category) DO UPDATE SET amount_pence = excluded.amount_pence,"
            " notes = excluded.notes",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  cairn_bind_text (stmt, 2, cairn_spending_category_id (category));
  if (amount_pence >= 0)
    {
      sqlite3_bind_int64 (stmt, 3, amount_pence);
      cairn_bind_text (stmt, 4, notes ? notes : "");
    }
  return run_change (self, stmt, error);
}

/**
 * cairn_store_set_priority_issues:
 * @issues: (element-type CairnPriorityIssue): the board's priority issues
 *   for the year, in order (positions are set from the order)
 *
 * Replaces the year's list of AR9 priority issues, in one transaction.
 */
gboolean
cairn_store_set_priority_issues (CairnStore  *self,
                                 int          year,
                                 GPtrArray   *issues,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  if (!check_year (year, error))
    return FALSE;
  for (guint i = 0; i < issues->len; i++)
    {
      CairnPriorityIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *title = issue->title ? g_strstrip (g_strdup (issue->title)) : NULL;

      if (!cairn_validate_required (_("Priority issue"), title, error) ||
          !cairn_validate_max_length (_("Priority issue"), title, MAX_TITLE_CHARS, error) ||
          !cairn_validate_max_length (_("Progress"), issue->progress, MAX_NARRATIVE_CHARS, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        {
          CairnPriorityIssue *other = g_ptr_array_index (issues, j);
          g_autofree char *t = g_strstrip (g_strdup (other->title));
          if (g_utf8_collate (t, title) == 0)
            {
              g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS,
                           _("Priority issue: \"%s\" is in the list twice"), title);
              return FALSE;
            }
        }
    }
  if (!cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error) ||
      !cairn_store_begin (self, error))
    return FALSE;
  stmt = cairn_store_prepare (self, "DELETE FROM priority_issues WHERE year = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  for (guint i = 0; i < issues->len; i++)
    {
      CairnPriorityIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *title = g_strstrip (g_strdup (issue->title));

      stmt = cairn_store_prepare (
        self, "INSERT INTO priority_issues (year, position, title, progress) VALUES (?1, ?2, ?3, ?4)",
        error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, year);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      cairn_bind_text (stmt, 3, title);
      cairn_bind_text (stmt, 4, issue->progress ? issue->progress : "");
      if (!cairn_store_step_done (self, stmt, error))
        goto fail;
      issue->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
      issue->position = (int) i + 1;
    }
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

/**
 * cairn_store_set_recipient:
 * @name: (nullable): the person or body it went to
 * @sent_on: (nullable): the day the report went, or %NULL / unset when it
 *   has not gone yet
 */
gboolean
cairn_store_set_recipient (CairnStore     *self,
                           int             year,
                           CairnRecipient  recipient,
                           const char     *name,
                           const GDate    *sent_on,
                           GError        **error)
{
  sqlite3_stmt *stmt;
  GDate last, today;

  g_return_val_if_fail (recipient < CAIRN_N_RECIPIENTS, FALSE);
  if (!check_year (year, error) ||
      !cairn_validate_max_length (_("Name"), name, MAX_TITLE_CHARS, error))
    return FALSE;
  cairn_year_bounds (year, NULL, &last);
  if (sent_on != NULL && cairn_date_is_set (sent_on) && g_date_compare (sent_on, &last) <= 0)
    {
      g_autofree char *text = cairn_date_to_string (sent_on);
      g_autofree char *y = cairn_year_to_string (year);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Sent on: %s is not after the end of the reporting year %s"), text, y);
      return FALSE;
    }
  cairn_store_get_today (self, &today);
  if (sent_on != NULL && !cairn_date_check_not_after (_("Sent on"), sent_on, &today, error))
    return FALSE;
  if (!cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self, "INSERT INTO report_recipients (year, recipient, name, sent_on) VALUES (?1, ?2, ?3, ?4)"
          " ON CONFLICT (year, recipient) DO UPDATE SET name = excluded.name, sent_on = excluded.sent_on",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  cairn_bind_text (stmt, 2, cairn_recipient_id (recipient));
  cairn_bind_text (stmt, 3, name ? name : "");
  if (sent_on != NULL)
    cairn_bind_date (stmt, 4, sent_on);
  else
    sqlite3_bind_null (stmt, 4);
  return run_change (self, stmt, error);
}

/* ---- Reading the entered figures ---------------------------------------- */

GPtrArray *
cairn_store_list_training_courses (CairnStore  *self,
                                   int          year,
                                   GError     **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_training_course_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  stmt = cairn_store_prepare (
    self, "SELECT id, title, multi_agency, sessions, attendees FROM training_courses WHERE year = ?1"
          " ORDER BY multi_agency DESC, title COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnTrainingCourse *c = g_new0 (CairnTrainingCourse, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->title = cairn_column_dup_text (stmt, 1);
      c->multi_agency = sqlite3_column_int (stmt, 2) != 0;
      c->sessions = sqlite3_column_int (stmt, 3);
      c->attendees = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (out, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
cairn_store_list_contributions (CairnStore  *self,
                                int          year,
                                GError     **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_contribution_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  stmt = cairn_store_prepare (
    self, "SELECT a.code, a.name, c.amount_pence, c.in_kind FROM partner_contributions c"
          " JOIN agencies a ON a.id = c.agency_id WHERE c.year = ?1"
          " ORDER BY c.amount_pence DESC, a.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnContribution *c = g_new0 (CairnContribution, 1);
      c->agency_code = cairn_column_dup_text (stmt, 0);
      c->agency_name = cairn_column_dup_text (stmt, 1);
      c->amount_pence = sqlite3_column_int64 (stmt, 2);
      c->in_kind = cairn_column_dup_text (stmt, 3);
      g_ptr_array_add (out, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
cairn_store_list_spending (CairnStore  *self,
                           int          year,
                           GError     **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_spending_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  stmt = cairn_store_prepare (
    self, "SELECT category, amount_pence, notes FROM board_spending WHERE year = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnSpending *s = g_new0 (CairnSpending, 1);
      if (!cairn_spending_category_from_id (cairn_column_text (stmt, 0), &s->category))
        s->category = CAIRN_SPENDING_OTHER;
      s->amount_pence = sqlite3_column_int64 (stmt, 1);
      s->notes = cairn_column_dup_text (stmt, 2);
      g_ptr_array_add (out, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  /* In the order of the categories. */
  for (guint i = 1; i < out->len; i++)
    for (guint j = i; j > 0; j--)
      {
        CairnSpending *a = g_ptr_array_index (out, j - 1), *b = g_ptr_array_index (out, j);
        if (a->category <= b->category)
          break;
        out->pdata[j - 1] = b;
        out->pdata[j] = a;
      }
  return g_steal_pointer (&out);
}

GPtrArray *
cairn_store_list_priority_issues (CairnStore  *self,
                                  int          year,
                                  GError     **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_priority_issue_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  stmt = cairn_store_prepare (
    self, "SELECT id, position, title, progress FROM priority_issues WHERE year = ?1 ORDER BY position",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnPriorityIssue *p = g_new0 (CairnPriorityIssue, 1);
      p->id = sqlite3_column_int64 (stmt, 0);
      p->position = sqlite3_column_int (stmt, 1);
      p->title = cairn_column_dup_text (stmt, 2);
      p->progress = cairn_column_dup_text (stmt, 3);
      g_ptr_array_add (out, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * cairn_store_list_recipients:
 *
 * Returns: (element-type CairnRecipientRecord): the recipients recorded
 *   for the year, in the order of #CairnRecipient
 */
GPtrArray *
cairn_store_list_recipients (CairnStore  *self,
                             int          year,
                             GError     **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_recipient_record_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  stmt = cairn_store_prepare (
    self, "SELECT recipient, name, sent_on FROM report_recipients WHERE year = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnRecipientRecord *r = g_new0 (CairnRecipientRecord, 1);
      if (!cairn_recipient_from_id (cairn_column_text (stmt, 0), &r->recipient))
        {
          g_free (r);
          continue;
        }
      r->name = cairn_column_dup_text (stmt, 1);
      cairn_column_date (stmt, 2, &r->sent_on);
      g_ptr_array_add (out, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  for (guint i = 1; i < out->len; i++)
    for (guint j = i; j > 0; j--)
      {
        CairnRecipientRecord *a = g_ptr_array_index (out, j - 1), *b = g_ptr_array_index (out, j);
        if (a->recipient <= b->recipient)
          break;
        out->pdata[j - 1] = b;
        out->pdata[j] = a;
      }
  return g_steal_pointer (&out);
}

void
cairn_annual_figures_free (CairnAnnualFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->population_source);
  g_clear_pointer (&figures->contacts, g_ptr_array_unref);
  g_clear_pointer (&figures->contributions, g_ptr_array_unref);
  g_free (figures);
}

/* Steps a statement to its end; FALSE with @error set on a database error. */
static gboolean
figures_done (CairnStore    *self,
              sqlite3_stmt  *stmt,
              int            rc,
              GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_store_get_annual_figures:
 *
 * Reads the figures the board entered for @year (not the statistics): what
 * the Board Figures dialog and `cairn-cli annual show` show. Needs
 * %CAIRN_ACTION_VIEW_CASES; read in one transaction.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
CairnAnnualFigures *
cairn_store_get_annual_figures (CairnStore  *self,
                                int          year,
                                GError     **error)
{
  g_autoptr (CairnAnnualFigures) f = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!check_year (year, error) || !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error) ||
      !cairn_store_begin_read (self, error))
    return NULL;
  f = g_new0 (CairnAnnualFigures, 1);
  f->population_source = g_strdup ("");
  f->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) source_count_free);
  f->contributions = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_contribution_free);
  f->deaths_notified = f->deaths_reviewed = f->deaths_unexpected = f->deaths_modifiable = -1;
  f->fostering_notifications = f->fostering_arrangements = -1;
  for (int i = 0; i < CAIRN_SPENDING_N_CATEGORIES; i++)
    f->spending[i] = -1;
  for (int i = 0; i < CAIRN_N_RECIPIENTS; i++)
    cairn_date_clear (&f->recipients[i]);

  if ((stmt = cairn_store_prepare (self, "SELECT children, source FROM child_population WHERE year = ?1",
                                   error)) == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      f->child_population = sqlite3_column_int64 (stmt, 0);
      cairn_set_str (&f->population_source, cairn_column_text (stmt, 1));
      rc = sqlite3_step (stmt);
    }
  if (!figures_done (self, stmt, rc, error))
    goto fail;

  if ((stmt = cairn_store_prepare (
         self, "SELECT source_code, contacts FROM contacts WHERE year = ?1 ORDER BY source_code", error)) == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualSourceCount *c = g_new0 (CairnAnnualSourceCount, 1);
      c->code = cairn_column_dup_text (stmt, 0);
      c->count = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (f->contacts, c);
    }
  if (!figures_done (self, stmt, rc, error))
    goto fail;

  if ((stmt = cairn_store_prepare (
         self, "SELECT notified, reviewed, unexpected, modifiable FROM child_death_reviews WHERE year = ?1",
         error)) == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      f->deaths_notified = column_optional_count (stmt, 0);
      f->deaths_reviewed = column_optional_count (stmt, 1);
      f->deaths_unexpected = column_optional_count (stmt, 2);
      f->deaths_modifiable = column_optional_count (stmt, 3);
      rc = sqlite3_step (stmt);
    }
  if (!figures_done (self, stmt, rc, error))
    goto fail;

  if ((stmt = cairn_store_prepare (
         self, "SELECT notifications, arrangements FROM private_fostering WHERE year = ?1", error)) == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      f->fostering_notifications = column_optional_count (stmt, 0);
      f->fostering_arrangements = column_optional_count (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  if (!figures_done (self, stmt, rc, error))
    goto fail;

  if ((stmt = cairn_store_prepare (
         self, "SELECT a.code, a.name, c.amount_pence, c.in_kind FROM agencies a"
               " LEFT JOIN partner_contributions c ON c.agency_id = a.id AND c.year = ?1"
               " WHERE c.agency_id IS NOT NULL"
               " OR a.id IN (SELECT agency_id FROM board_members WHERE agency_id IS NOT NULL)"
               " OR a.id IN (SELECT agency_id FROM partner_contributions)"
               " ORDER BY a.name COLLATE NOCASE, a.code", error)) == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnContribution *c = g_new0 (CairnContribution, 1);
      c->agency_code = cairn_column_dup_text (stmt, 0);
      c->agency_name = cairn_column_dup_text (stmt, 1);
      c->amount_pence = column_optional_count (stmt, 2);
      c->in_kind = cairn_column_dup_text (stmt, 3);
      g_ptr_array_add (f->contributions, c);
    }
  if (!figures_done (self, stmt, rc, error))
    goto fail;

  if ((stmt = cairn_store_prepare (
         self, "SELECT category, amount_pence FROM board_spending WHERE year = ?1", error)) == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnSpendingCategory category;
      if (cairn_spending_category_from_id (cairn_column_text (stmt, 0), &category))
        f->spending[category] = sqlite3_column_int64 (stmt, 1);
    }
  if (!figures_done (self, stmt, rc, error))
    goto fail;

  if ((stmt = cairn_store_prepare (
         self, "SELECT recipient, sent_on FROM report_recipients WHERE year = ?1", error)) == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnRecipient recipient;
      if (cairn_recipient_from_id (cairn_column_text (stmt, 0), &recipient))
        cairn_column_date (stmt, 1, &f->recipients[recipient]);
    }
  if (!figures_done (self, stmt, rc, error))
    goto fail;

  if (!cairn_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&f);

fail:
  cairn_store_rollback (self);
  return NULL;
}

/**
 * cairn_store_remove_training_course:
 * @course_id: the course's id (#CairnTrainingCourse.id)
 *
 * Removes a course recorded for @year.
 */
gboolean
cairn_store_remove_training_course (CairnStore  *self,
                                    int          year,
                                    gint64       course_id,
                                    GError     **error)
{
  sqlite3_stmt *stmt;

  if (!check_year (year, error) || !cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error))
    return FALSE;
  stmt = cairn_store_prepare (self, "DELETE FROM training_courses WHERE year = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, course_id);
  if (!run_change (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (cairn_store_get_db (self)) == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, 
                   _("Course: %" G_GINT64_FORMAT " is not a course of this year"), course_id);
      return FALSE;
    }
  return TRUE;
}

/* ---- Narratives ---------------------------------------------------------- */

static gboolean
check_section (const char  *section,
               GError     **error)
{
  if (cairn_str_empty (section) || strlen (section) > 40)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Section: \"%s\" is not a section"),
                   section ? section : "");
      return FALSE;
    }
  for (const char *c = section; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '_' && *c != '-')
      {
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Section: \"%s\" is not a section"),
                     section);
        return FALSE;
      }
  return TRUE;
}

/**
 * cairn_store_dup_annual_narrative:
 *
 * Returns: (transfer full): the narrative of one section, "" when none is written
 */
char *
cairn_store_dup_annual_narrative (CairnStore  *self,
                                  int          year,
                                  const char  *section,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  char *body = NULL;

  if (!check_year (year, error) || !check_section (section, error) ||
      !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  stmt = cairn_store_prepare (self, "SELECT body FROM annual_narratives WHERE year = ?1 AND section = ?2",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  cairn_bind_text (stmt, 2, section);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    body = cairn_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return body ? body : g_strdup ("");
}

/**
 * cairn_store_get_annual_narratives:
 *
 * Returns: (transfer full) (element-type utf8 utf8): every narrative of the
 *   year, section id → body
 */
GHashTable *
cairn_store_get_annual_narratives (CairnStore  *self,
                                   int          year,
                                   GError     **error)
{
  g_autoptr (GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!check_year (year, error) || !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  stmt = cairn_store_prepare (self, "SELECT section, body FROM annual_narratives WHERE year = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (out, cairn_column_dup_text (stmt, 0), cairn_column_dup_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * cairn_store_set_annual_narrative:
 * @body: the narrative; "" or %NULL removes it
 *
 * Saves one section's narrative for the year. Saving the text already
 * stored changes nothing (and adds nothing to the audit trail), so the
 * editor can save as often as it likes.
 */
gboolean
cairn_store_set_annual_narrative (CairnStore  *self,
                                  int          year,
                                  const char  *section,
                                  const char  *body,
                                  GError     **error)
{
  g_autofree char *current = NULL;
  sqlite3_stmt *stmt;
  gboolean empty = body == NULL || *body == '\0';

  if (!empty && !g_utf8_validate (body, -1, NULL))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Narrative: the text is not valid UTF-8"));
      return FALSE;
    }
  if (!check_year (year, error) || !check_section (section, error) ||
      !cairn_validate_max_length (_("Narrative"), body, MAX_NARRATIVE_CHARS, error) ||
      !cairn_store_require (self, CAIRN_ACTION_EDIT_ANNUAL_REPORT, error))
    return FALSE;
  stmt = cairn_store_prepare (self, "SELECT body FROM annual_narratives WHERE year = ?1 AND section = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  cairn_bind_text (stmt, 2, section);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    current = cairn_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if ((current == NULL && empty) || (current != NULL && g_strcmp0 (current, empty ? "" : body) == 0))
    return TRUE;

  if (empty)
    stmt = cairn_store_prepare (self, "DELETE FROM annual_narratives WHERE year = ?1 AND section = ?2",
                                error);
  else
    stmt = cairn_store_prepare (
      self, "INSERT INTO annual_narratives (year, section, body) VALUES (?1, ?2, ?3)"
            " ON CONFLICT (year, section) DO UPDATE SET body = excluded.body", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  cairn_bind_text (stmt, 2, section);
  if (!empty)
    cairn_bind_text (stmt, 3, body);
  return cairn_store_step_done (self, stmt, error);
}

/* ---- Statistics ----------------------------------------------------------- */

/*
 * Every statistic is computed by SQLite over the case records, for a run of
 * reporting years at once (grouped by year). Timeliness counts working days
 * with the pathway's England and Wales calendar and limits from the
 * guidance editions and the board's overrides, which the caller passes as
 * CairnAnnualRules and which are loaded into three TEMP tables of this
 * connection before the queries run:
 *
 *   ar_days (day, wd, working, edition): every day the calendar covers;
 *     wd = working days on or before the day; edition = the edition in
 *     force for a clock starting that day
 *   ar_editions (id, icpc_last): the editions and their ICPC clock setting
 *   ar_limits (clock, edition, from_day, until_day, lim, months, day1)
 *
 * A working-day clock starting on S with a limit of N is met by a step done
 * on D when wd(D) + (D is not a working day) <= wd(S) + N - (day1 and S is
 * a working day): the due date is the N-th working day after S (S is day 0;
 * when S is not a working day the first working day after it is day 1),
 * and a step on a non-working day counts as done on the next working day.
 * Month clocks are calendar months, the day of the month clamped to a
 * shorter month's last day (31 August + 3 months = 30 November), as
 * cairn_date_add_calendar_months() does.
 */

/* The reporting year (by its start year) of a date or timestamp column. */
#define FY(col) "(CAST(substr(" col ", 1, 4) AS INTEGER) - (substr(" col ", 6, 2) < '04'))"

/* @d plus @n calendar months (n >= 0), clamped to the end of a shorter month. */
#define ADD_MONTHS(d, n)                                                                 \
  "min(date(" d ", '+' || (" n ") || ' months'),"                                        \
  " date(" d ", 'start of month', '+' || ((" n ") + 1) || ' months', '-1 day'))"

/* The edition of a clock: the case's own edition when it names one; else the
 * board's fixed edition (?4); else the edition in force on the referral day
 * (?5 set) or on the day the clock starts. */
#define EDITION(own, referral, start)                                                    \
  "COALESCE((SELECT e.id FROM temp.ar_editions e WHERE e.id = " own "), ?4,"             \
  " (SELECT d.edition FROM temp.ar_days d WHERE d.day = CASE WHEN ?5 THEN " referral     \
  " ELSE " start " END))"

#define LIMIT_JOIN(clock)                                                                \
  " LEFT JOIN temp.ar_limits l ON l.clock = " clock " AND l.edition = y.edition"        \
  " AND y.start >= l.from_day AND y.start < l.until_day"                                 \
  " LEFT JOIN temp.ar_days ds ON ds.day = y.start"                                        \
  " LEFT JOIN temp.ar_days dd ON dd.day = y.done"

#define WITH_LIMIT                                                                       \
  "sum(CASE WHEN l.lim IS NULL OR y.start IS NULL THEN 0 WHEN l.months THEN 1"            \
  " WHEN ds.day IS NULL OR dd.day IS NULL THEN 0 ELSE 1 END)"

#define WITHIN                                                                           \
  "sum(CASE WHEN l.lim IS NULL OR y.start IS NULL THEN 0"                                 \
  " WHEN l.months THEN y.done <= " ADD_MONTHS ("y.start", "l.lim")                        \
  " WHEN ds.day IS NULL OR dd.day IS NULL THEN 0"                                         \
  " ELSE dd.wd + 1 - dd.working <= ds.wd + l.lim - (l.day1 AND ds.working) END)"

/* The category a plan counts under (CairnAnnualCategory) from its category
 * column @col: MUL, or more than one specific category, is multiple (4); MUL
 * with no specific category recorded is multiple, unspecified (5). The
 * specific categories are looked at only when @rows holds. */
#define CATEGORY(col, rows)                                                              \
  "(CASE WHEN " col " = 'MUL' THEN CASE WHEN EXISTS (SELECT 1 FROM cp_plan_categories k" \
  " WHERE k.plan_id = p.id) THEN 4 ELSE 5 END"                                            \
  " WHEN (" rows ") AND EXISTS (SELECT 1 FROM cp_plan_categories k WHERE k.plan_id = p.id" \
  " AND k.category <> " col ") THEN 4"                                                    \
  " WHEN " col " = 'NEG' THEN 0 WHEN " col " = 'PHY' THEN 1 WHEN " col " = 'EMO' THEN 2"  \
  " WHEN " col " = 'SAB' THEN 3 ELSE 4 END)"

/* The years ?6..?7 with their 31 March. */
#define YEAR_ENDS                                                                        \
  "WITH RECURSIVE years (y) AS (SELECT ?6 UNION ALL SELECT y + 1 FROM years WHERE y < ?7),"  \
  " ends AS (SELECT y, printf('%04d-03-31', y + 1) AS d FROM years),"

static const char referrals_sql[] =
  "SELECT " FY ("r.received_at") ", coalesce(r.source_code, ''), count(*),"
  " sum(EXISTS (SELECT 1 FROM cases c2 JOIN referrals r2 ON r2.case_id = c2.id"
  "   WHERE c2.child_id = c.child_id"
  "     AND substr(r2.received_at, 1, 10) < substr(r.received_at, 1, 10)"
  "     AND substr(r2.received_at, 1, 10) >= min(date(substr(r.received_at, 1, 10), '-12 months'),"
  "         date(substr(r.received_at, 1, 10), 'start of month', '-11 months', '-1 day'))))"
  " FROM referrals r JOIN cases c ON c.id = r.case_id"
  " WHERE r.received_at >= ?1 AND r.received_at < ?3"
  " GROUP BY 1, 2 ORDER BY 1, 2";

static const char assessments_sql[] =
  "WITH x AS (SELECT a.kind, a.authorised_on AS done,"
  "   CASE a.kind WHEN 'core' THEN a.started_on ELSE c.opened_on END AS start,"
  "   c.opened_on AS referral, c.edition AS own"
  "   FROM assessments a JOIN cases c ON c.id = a.case_id"
  "   WHERE a.authorised_on >= ?1 AND a.authorised_on <= ?2),"
  " y AS (SELECT x.*, " EDITION ("x.own", "x.referral", "x.start") " AS edition FROM x)"
  " SELECT " FY ("y.done") ", y.kind, count(*), " WITH_LIMIT ", " WITHIN
  " FROM y" LIMIT_JOIN ("CASE y.kind WHEN 'initial' THEN 0 WHEN 'core' THEN 1 ELSE 2 END")
  " GROUP BY 1, 2";

static const char s47_sql[] =
  "SELECT " FY ("started_on") ", count(*) FROM s47_enquiries"
  " WHERE started_on >= ?1 AND started_on <= ?2 GROUP BY 1";

/* Initial conferences: one per child's case and day, wherever it is
 * recorded (a section 47 enquiry's conference date, the case's own
 * conference date, or a conference the app recorded). The clock starts at
 * the strategy discussion at which the section 47 enquiries were initiated
 * (the one the enquiry names, else the last one before the enquiry
 * started), or, when the edition says so, the last strategy discussion
 * before the conference; with no strategy discussion recorded, at the start
 * of the enquiries. */
static const char icpc_sql[] =
  "WITH held AS ("
  "   SELECT case_id, icpc_on AS day FROM s47_enquiries WHERE icpc_on >= ?1 AND icpc_on <= ?2"
  "   UNION SELECT id, initial_cpc_on FROM cases WHERE initial_cpc_on >= ?1 AND initial_cpc_on <= ?2"
  "   UNION SELECT cs.case_id, substr(cf.held_at, 1, 10) FROM conferences cf"
  "     JOIN conference_subjects cs ON cs.conference_id = cf.id"
  "     WHERE cf.kind IN ('initial', 'pre_birth') AND cf.held_at >= ?1 AND cf.held_at < ?3),"
  " x AS (SELECT h.case_id, h.day AS done, c.opened_on AS referral, c.edition AS own,"
  "   (SELECT q.started_on FROM s47_enquiries q WHERE q.case_id = h.case_id AND q.started_on <= h.day"
  "      ORDER BY q.started_on DESC, q.id DESC LIMIT 1) AS s47_start,"
  "   (SELECT substr(sd.held_at, 1, 10) FROM s47_enquiries q"
  "      JOIN strategy_discussions sd ON sd.id = q.strategy_discussion_id"
  "      WHERE q.case_id = h.case_id AND q.started_on <= h.day"
  "      ORDER BY q.started_on DESC, q.id DESC LIMIT 1) AS s47_discussion,"
  "   (SELECT max(substr(sd.held_at, 1, 10)) FROM strategy_discussions sd"
  "      WHERE sd.case_id = h.case_id AND substr(sd.held_at, 1, 10) <= h.day) AS last_discussion"
  "   FROM held h JOIN cases c ON c.id = h.case_id),"
  " x2 AS (SELECT x.*, COALESCE(x.s47_discussion,"
  "     (SELECT max(substr(sd.held_at, 1, 10)) FROM strategy_discussions sd"
  "        WHERE sd.case_id = x.case_id AND substr(sd.held_at, 1, 10) <= x.s47_start),"
  "     x.s47_start, x.last_discussion) AS initiating FROM x),"
  " x3 AS (SELECT x2.*, " EDITION ("x2.own", "x2.referral", "x2.initiating") " AS edition FROM x2),"
  " y AS (SELECT x3.*, CASE WHEN (SELECT e.icpc_last FROM temp.ar_editions e WHERE e.id = x3.edition)"
  "   THEN COALESCE(x3.last_discussion, x3.initiating) ELSE x3.initiating END AS start FROM x3)"
  " SELECT " FY ("y.done") ", count(*), " WITH_LIMIT ", " WITHIN
  " FROM y" LIMIT_JOIN ("3")
  " GROUP BY 1";

static const char plans_started_sql[] =
  "SELECT " FY ("p.started_on") ", "
  CATEGORY ("p.initial_category", "p.initial_category = p.latest_category") ", count(*),"
  " sum(p.previous_plans > 0 OR EXISTS (SELECT 1 FROM cases c2 JOIN cp_plans p2 ON p2.case_id = c2.id"
  "   WHERE c2.child_id = c.child_id AND p2.started_on < p.started_on))"
  " FROM cp_plans p JOIN cases c ON c.id = p.case_id"
  " WHERE p.started_on >= ?1 AND p.started_on <= ?2 GROUP BY 1, 2";

static const char plans_ended_sql[] =
  "SELECT " FY ("p.ended_on") ", " CATEGORY ("p.latest_category", "1") ", count(*),"
  " sum(p.ended_on >= " ADD_MONTHS ("p.started_on", "24") ")"
  " FROM cp_plans p WHERE p.ended_on >= ?1 AND p.ended_on <= ?2 GROUP BY 1, 2";

/* Children on a plan at 31 March: a child with open plans of different
 * categories counts once, as multiple. */
static const char on_plans_sql[] =
  YEAR_ENDS
  " open AS (SELECT e.y, c.child_id, " CATEGORY ("p.latest_category", "1") " AS cat"
  "   FROM ends e JOIN cp_plans p ON p.started_on <= e.d AND (p.ended_on IS NULL OR p.ended_on > e.d)"
  "   JOIN cases c ON c.id = p.case_id),"
  " kids AS (SELECT y, child_id, CASE WHEN min(cat) = max(cat) THEN min(cat) ELSE 4 END AS cat"
  "   FROM open GROUP BY y, child_id)"
  " SELECT y, cat, count(*) FROM kids GROUP BY y, cat";

/* Review conferences on time: each clock of an open plan (the plan's start
 * to the first review, each review to the next, the last to 31 March)
 * against the first-review or later-review limit of its edition. A plan
 * counts when its first review was due by 31 March; a child counts as on
 * time when no clock of an open plan was missed (a review held after its
 * due date, or none held and the due date before 31 March). */
static const char reviews_sql[] =
  YEAR_ENDS
  " open AS (SELECT e.y, e.d, p.id AS plan_id, p.started_on, c.child_id, c.opened_on AS referral,"
  "   c.edition AS own"
  "   FROM ends e JOIN cp_plans p ON p.started_on <= e.d AND (p.ended_on IS NULL OR p.ended_on > e.d)"
  "   JOIN cases c ON c.id = p.case_id),"
  " clocks AS ("
  "   SELECT o.y, o.d, o.plan_id, o.child_id, o.own, o.referral, o.started_on AS start, 1 AS first,"
  "     (SELECT min(r.review_on) FROM cp_reviews r WHERE r.plan_id = o.plan_id"
  "        AND r.review_on >= o.started_on AND r.review_on <= o.d) AS done"
  "   FROM open o"
  "   UNION ALL"
  "   SELECT o.y, o.d, o.plan_id, o.child_id, o.own, o.referral, r.review_on, 0,"
  "     (SELECT min(r2.review_on) FROM cp_reviews r2 WHERE r2.plan_id = o.plan_id"
  "        AND r2.review_on > r.review_on AND r2.review_on <= o.d)"
  "   FROM open o JOIN cp_reviews r ON r.plan_id = o.plan_id AND r.review_on >= o.started_on"
  "     AND r.review_on <= o.d),"
  " y AS (SELECT clocks.*, " EDITION ("clocks.own", "clocks.referral", "clocks.start") " AS edition"
  "   FROM clocks),"
  " due AS (SELECT y.*, CASE WHEN l.lim IS NULL THEN NULL ELSE " ADD_MONTHS ("y.start", "l.lim") " END AS due"
  "   FROM y LEFT JOIN temp.ar_limits l ON l.clock = CASE WHEN y.first THEN 4 ELSE 5 END"
  "     AND l.edition = y.edition AND y.start >= l.from_day AND y.start < l.until_day),"
  " plans AS (SELECT y, plan_id, child_id,"
  "   max(first AND due IS NOT NULL AND due <= d) AS eligible,"
  "   max(due IS NOT NULL AND ((done IS NOT NULL AND done > due) OR (done IS NULL AND due < d))) AS late"
  "   FROM due GROUP BY y, plan_id),"
  " kids AS (SELECT y, child_id, max(late) AS late FROM plans WHERE eligible GROUP BY y, child_id)"
  " SELECT y, count(*), sum(NOT late) FROM kids GROUP BY y";

/* Children seen, and seen alone at least once: each case's visits are
 * folded first (from the partial index, no table row read), then its child. */
static const char seen_sql[] =
  "SELECT fy, count(*), sum(alone) FROM ("
  "   SELECT s.fy, c.child_id, max(s.alone) AS alone FROM ("
  "     SELECT " FY ("e.occurred_at") " AS fy, e.case_id, max(coalesce(e.seen_alone, 0) = 1) AS alone"
  "     FROM events e WHERE e.child_seen = 1 AND e.occurred_at >= ?1 AND e.occurred_at < ?3"
  "     GROUP BY 1, 2) s"
  "   JOIN cases c ON c.id = s.case_id GROUP BY 1, 2)"
  " GROUP BY fy";

static const char scrs_considered_sql[] =
  "SELECT " FY ("d") ", count(*) FROM (SELECT COALESCE(notified_on, decision_on, incident_on) AS d FROM scrs)"
  " WHERE d >= ?1 AND d <= ?2 GROUP BY 1";

static const char scrs_started_sql[] =
  "SELECT " FY ("decision_on") ", count(*) FROM scrs"
  " WHERE decision_on >= ?1 AND decision_on <= ?2 AND stage NOT IN ('considered', 'not_initiated')"
  " GROUP BY 1";

static const char scrs_completed_sql[] =
  "WITH x AS (SELECT completed_on AS done, decision_on AS start FROM scrs"
  "   WHERE completed_on >= ?1 AND completed_on <= ?2),"
  " y AS (SELECT x.*, " EDITION ("NULL", "x.start", "x.start") " AS edition FROM x)"
  " SELECT " FY ("y.done") ", count(*), " WITH_LIMIT ", " WITHIN
  " FROM y" LIMIT_JOIN ("6")
  " GROUP BY 1";

static const char meetings_sql[] =
  "SELECT " FY ("held_on") ", count(*) FROM board_meetings WHERE held_on >= ?1 AND held_on <= ?2 GROUP BY 1";

static const char population_sql[] =
  "WITH RECURSIVE years (y) AS (SELECT ?6 UNION ALL SELECT y + 1 FROM years WHERE y < ?7)"
  " SELECT years.y, cp.children, (SELECT b.child_population FROM board b WHERE b.id = 1)"
  " FROM years LEFT JOIN child_population cp ON cp.year = years.y";

static const char contacts_sql[] =
  "SELECT year, source_code, contacts FROM contacts WHERE year >= ?6 AND year <= ?7 ORDER BY year, source_code";

static const char deaths_sql[] =
  "SELECT year, notified, reviewed, unexpected, modifiable FROM child_death_reviews"
  " WHERE year >= ?6 AND year <= ?7";

static const char fostering_sql[] =
  "SELECT year, notifications, arrangements FROM private_fostering WHERE year >= ?6 AND year <= ?7";

static const char training_sql[] =
  "SELECT year, count(*), sum(sessions), sum(attendees) FROM training_courses"
  " WHERE year >= ?6 AND year <= ?7 GROUP BY year";

static const char money_sql[] =
  "SELECT 0, year, sum(amount_pence) FROM partner_contributions WHERE year >= ?6 AND year <= ?7 GROUP BY year"
  " UNION ALL SELECT 1, year, sum(amount_pence) FROM board_spending WHERE year >= ?6 AND year <= ?7"
  " GROUP BY year";

typedef struct
{
  CairnStore *store;
  int first_year;
  int last_year;
  GPtrArray *years;
  char first_day[11];
  char last_day[11];
  char after_last[11];
  const CairnAnnualRules *rules;
} Stats;

static CairnAnnualYear *
year_at (Stats *st,
         int    fy)
{
  if (fy < st->first_year || fy > st->last_year)
    return NULL;
  return g_ptr_array_index (st->years, fy - st->first_year);
}

/* Prepares one statistics query and binds the parameters every query may use. */
static sqlite3_stmt *
stats_prepare (Stats       *st,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (st->store, sql, error);

  if (stmt == NULL)
    return NULL;
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    {
      const char *name = sqlite3_bind_parameter_name (stmt, i);
      int n = name ? atoi (name + 1) : i;

      switch (n)
        {
        case 1:
          sqlite3_bind_text (stmt, i, st->first_day, 10, SQLITE_TRANSIENT);
          break;
        case 2:
          sqlite3_bind_text (stmt, i, st->last_day, 10, SQLITE_TRANSIENT);
          break;
        case 3:
          sqlite3_bind_text (stmt, i, st->after_last, 10, SQLITE_TRANSIENT);
          break;
        case 4:
          cairn_bind_text_or_null (stmt, i, st->rules->fixed_edition);
          break;
        case 5:
          sqlite3_bind_int (stmt, i, st->rules->by_referral ? 1 : 0);
          break;
        case 6:
          sqlite3_bind_int (stmt, i, st->first_year);
          break;
        case 7:
          sqlite3_bind_int (stmt, i, st->last_year);
          break;
        default:
          break;
        }
    }
  return stmt;
}

static gboolean
stats_finish (Stats         *st,
              sqlite3_stmt  *stmt,
              int            rc,
              GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (st->store, error, cairn_store_get_path (st->store));
      return FALSE;
    }
  return TRUE;
}

static void
add_source (GPtrArray  *list,
            const char *code,
            gint64      count)
{
  CairnAnnualSourceCount *c = g_new0 (CairnAnnualSourceCount, 1);

  c->code = g_strdup (code ? code : "");
  c->count = count;
  g_ptr_array_add (list, c);
}

static void
read_timely (sqlite3_stmt      *stmt,
             int                col,
             CairnAnnualTimely *out)
{
  out->total += sqlite3_column_int64 (stmt, col);
  out->with_limit += sqlite3_column_int64 (stmt, col + 1);
  out->within += sqlite3_column_int64 (stmt, col + 2);
}

static gboolean
load_rules (CairnStore              *self,
            const CairnAnnualRules  *rules,
            GError                 **error)
{
  sqlite3_stmt *stmt;
  GDate day;
  gint64 wd = 0;
  guint next_edition = 0;
  const char *edition = NULL;

  if (!cairn_store_exec (
        self,
        "CREATE TEMP TABLE IF NOT EXISTS ar_days (day TEXT PRIMARY KEY, wd INTEGER NOT NULL,"
        "  working INTEGER NOT NULL, edition TEXT) WITHOUT ROWID;"
        "CREATE TEMP TABLE IF NOT EXISTS ar_editions (id TEXT PRIMARY KEY,"
        "  icpc_last INTEGER NOT NULL) WITHOUT ROWID;"
        "CREATE TEMP TABLE IF NOT EXISTS ar_limits (clock INTEGER NOT NULL, edition TEXT NOT NULL,"
        "  from_day TEXT NOT NULL, until_day TEXT NOT NULL, lim INTEGER NOT NULL,"
        "  months INTEGER NOT NULL, day1 INTEGER NOT NULL);"
        "DELETE FROM temp.ar_days; DELETE FROM temp.ar_editions; DELETE FROM temp.ar_limits;",
        error))
    return FALSE;

  for (guint i = 0; i < rules->editions->len; i++)
    {
      const CairnAnnualEdition *e = &g_array_index (rules->editions, CairnAnnualEdition, i);
      stmt = cairn_store_prepare (self, "INSERT OR REPLACE INTO temp.ar_editions (id, icpc_last) VALUES (?1, ?2)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      cairn_bind_text (stmt, 1, e->id);
      sqlite3_bind_int (stmt, 2, e->icpc_last_discussion ? 1 : 0);
      if (!cairn_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < rules->limits->len; i++)
    {
      const CairnAnnualLimit *l = &g_array_index (rules->limits, CairnAnnualLimit, i);
      char from[11] = "0000-00-00", until[11] = "9999-99-99";

      if (l->limit <= 0)
        continue;
      if (cairn_date_is_set (&l->from))
        cairn_date_format_into (&l->from, from);
      if (cairn_date_is_set (&l->until))
        cairn_date_format_into (&l->until, until);
      stmt = cairn_store_prepare (
        self, "INSERT INTO temp.ar_limits (clock, edition, from_day, until_day, lim, months, day1)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, (int) l->clock);
      cairn_bind_text (stmt, 2, l->edition);
      sqlite3_bind_text (stmt, 3, from, 10, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, until, 10, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, l->limit);
      sqlite3_bind_int (stmt, 6, l->months ? 1 : 0);
      sqlite3_bind_int (stmt, 7, l->start_day_1 ? 1 : 0);
      if (!cairn_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (!cairn_date_is_set (&rules->first_day))
    return TRUE;
  day = rules->first_day;
  if (rules->editions->len > 0)
    edition = g_array_index (rules->editions, CairnAnnualEdition, 0).id;
  stmt = cairn_store_prepare (
    self, "INSERT INTO temp.ar_days (day, wd, working, edition) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < rules->working->len; i++)
    {
      guint8 working = g_array_index (rules->working, guint8, i);
      char buf[11];

      while (next_edition < rules->editions->len)
        {
          const CairnAnnualEdition *e = &g_array_index (rules->editions, CairnAnnualEdition, next_edition);
          if (cairn_date_is_set (&e->in_force_from) && g_date_compare (&e->in_force_from, &day) > 0)
            break;
          edition = e->id;
          next_edition++;
        }
      if (working)
        wd++;
      cairn_date_format_into (&day, buf);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, buf, 10, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, wd);
      sqlite3_bind_int (stmt, 3, working ? 1 : 0);
      cairn_bind_text_or_null (stmt, 4, edition);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          cairn_store_set_db_error (self, error, cairn_store_get_path (self));
          sqlite3_reset (stmt);
          return FALSE;
        }
      g_date_add_days (&day, 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
query_referrals (Stats   *st,
                 GError **error)
{
  sqlite3_stmt *stmt = stats_prepare (st, referrals_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (y == NULL)
        continue;
      y->referrals += n;
      y->re_referrals += sqlite3_column_int64 (stmt, 3);
      add_source (y->referrals_by_source, cairn_column_text (stmt, 1), n);
    }
  return stats_finish (st, stmt, rc, error);
}

static gboolean
query_assessments (Stats   *st,
                   GError **error)
{
  sqlite3_stmt *stmt = stats_prepare (st, assessments_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      const char *kind = cairn_column_text (stmt, 1);

      if (y == NULL)
        continue;
      if (g_strcmp0 (kind, "initial") == 0)
        read_timely (stmt, 2, &y->initial_assessments);
      else if (g_strcmp0 (kind, "core") == 0)
        read_timely (stmt, 2, &y->core_assessments);
      else
        read_timely (stmt, 2, &y->single_assessments);
    }
  return stats_finish (st, stmt, rc, error);
}

/* Runs @sql, whose rows are (year, count), into the field at @offset. */
static gboolean
query_counts (Stats       *st,
              const char  *sql,
              gsize        offset,
              GError     **error)
{
  sqlite3_stmt *stmt = stats_prepare (st, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      if (y != NULL)
        G_STRUCT_MEMBER (gint64, y, offset) += sqlite3_column_int64 (stmt, 1);
    }
  return stats_finish (st, stmt, rc, error);
}

/* Runs @sql, whose rows are (year, total, with_limit, within), into the field at @offset. */
static gboolean
query_timely (Stats       *st,
              const char  *sql,
              gsize        offset,
              GError     **error)
{
  sqlite3_stmt *stmt = stats_prepare (st, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      if (y != NULL)
        read_timely (stmt, 1, &G_STRUCT_MEMBER (CairnAnnualTimely, y, offset));
    }
  return stats_finish (st, stmt, rc, error);
}

static gboolean
query_plans (Stats   *st,
             GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = stats_prepare (st, plans_started_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      int cat = sqlite3_column_int (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (y == NULL || cat < 0 || cat >= CAIRN_ANNUAL_N_CATEGORIES)
        continue;
      y->plans_started += n;
      y->plans_started_by[cat] += n;
      y->plans_second_or_later += sqlite3_column_int64 (stmt, 3);
    }
  if (!stats_finish (st, stmt, rc, error))
    return FALSE;

  if ((stmt = stats_prepare (st, plans_ended_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      int cat = sqlite3_column_int (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (y == NULL || cat < 0 || cat >= CAIRN_ANNUAL_N_CATEGORIES)
        continue;
      y->plans_ended += n;
      y->plans_ended_by[cat] += n;
      y->plans_ended_two_years += sqlite3_column_int64 (stmt, 3);
    }
  if (!stats_finish (st, stmt, rc, error))
    return FALSE;

  if ((stmt = stats_prepare (st, on_plans_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      int cat = sqlite3_column_int (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (y == NULL || cat < 0 || cat >= CAIRN_ANNUAL_N_CATEGORIES)
        continue;
      y->children_on_plans += n;
      y->children_on_plans_by[cat] += n;
    }
  if (!stats_finish (st, stmt, rc, error))
    return FALSE;

  if ((stmt = stats_prepare (st, reviews_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      if (y == NULL)
        continue;
      y->reviews_due += sqlite3_column_int64 (stmt, 1);
      y->reviews_on_time += sqlite3_column_int64 (stmt, 2);
    }
  return stats_finish (st, stmt, rc, error);
}

static gboolean
query_seen (Stats   *st,
            GError **error)
{
  sqlite3_stmt *stmt = stats_prepare (st, seen_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      if (y == NULL)
        continue;
      y->children_seen += sqlite3_column_int64 (stmt, 1);
      y->children_seen_alone += sqlite3_column_int64 (stmt, 2);
    }
  return stats_finish (st, stmt, rc, error);
}

static gboolean
query_entered (Stats   *st,
               GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = stats_prepare (st, population_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      if (y == NULL)
        continue;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        y->child_population = sqlite3_column_int64 (stmt, 1);
      else if (sqlite3_column_int64 (stmt, 2) > 0)
        {
          y->child_population = sqlite3_column_int64 (stmt, 2);
          y->population_is_board_figure = TRUE;
        }
    }
  if (!stats_finish (st, stmt, rc, error))
    return FALSE;

  if ((stmt = stats_prepare (st, contacts_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      gint64 n = sqlite3_column_int64 (stmt, 2);
      if (y == NULL)
        continue;
      y->contacts = MAX (y->contacts, 0) + n;
      add_source (y->contacts_by_source, cairn_column_text (stmt, 1), n);
    }
  if (!stats_finish (st, stmt, rc, error))
    return FALSE;

  if ((stmt = stats_prepare (st, deaths_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      if (y == NULL)
        continue;
      y->child_deaths_notified = column_optional_count (stmt, 1);
      y->child_deaths_reviewed = column_optional_count (stmt, 2);
      y->child_deaths_unexpected = column_optional_count (stmt, 3);
      y->child_deaths_modifiable = column_optional_count (stmt, 4);
    }
  if (!stats_finish (st, stmt, rc, error))
    return FALSE;

  if ((stmt = stats_prepare (st, fostering_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      if (y == NULL)
        continue;
      y->private_fostering_notifications = column_optional_count (stmt, 1);
      y->private_fostering_arrangements = column_optional_count (stmt, 2);
    }
  if (!stats_finish (st, stmt, rc, error))
    return FALSE;

  if ((stmt = stats_prepare (st, training_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 0));
      if (y == NULL)
        continue;
      y->training_courses = sqlite3_column_int64 (stmt, 1);
      y->training_sessions = sqlite3_column_int64 (stmt, 2);
      y->training_attendees = sqlite3_column_int64 (stmt, 3);
    }
  if (!stats_finish (st, stmt, rc, error))
    return FALSE;

  if ((stmt = stats_prepare (st, money_sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualYear *y = year_at (st, sqlite3_column_int (stmt, 1));
      if (y == NULL)
        continue;
      if (sqlite3_column_int (stmt, 0) == 0)
        y->contributions_pence = sqlite3_column_int64 (stmt, 2);
      else
        y->spending_pence = sqlite3_column_int64 (stmt, 2);
    }
  return stats_finish (st, stmt, rc, error);
}

static gboolean
cancelled (GCancellable  *cancellable,
           GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

static GPtrArray *list_scr_actions (CairnStore *self, int year, GError **error);

/* ---- The statistics cache ------------------------------------------------- */

/* Every count of a year, by name, for the cache. */
#define YF(field) { #field, G_STRUCT_OFFSET (CairnAnnualYear, field) }
#define YT(field)                                                                            \
  { #field ".total", G_STRUCT_OFFSET (CairnAnnualYear, field) + G_STRUCT_OFFSET (CairnAnnualTimely, total) }, \
  { #field ".with_limit", G_STRUCT_OFFSET (CairnAnnualYear, field) + G_STRUCT_OFFSET (CairnAnnualTimely, with_limit) }, \
  { #field ".within", G_STRUCT_OFFSET (CairnAnnualYear, field) + G_STRUCT_OFFSET (CairnAnnualTimely, within) }
#define YA(field, i) { #field "." #i, G_STRUCT_OFFSET (CairnAnnualYear, field) + (i) * sizeof (gint64) }
#define YC(field) YA (field, 0), YA (field, 1), YA (field, 2), YA (field, 3), YA (field, 4), YA (field, 5)

static const struct
{
  const char *name;
  gsize offset;
} year_fields[] = {
  YF (child_population), YF (contacts), YF (referrals), YF (re_referrals), YT (initial_assessments),
  YT (core_assessments), YT (single_assessments), YF (s47_enquiries), YT (icpcs), YF (plans_started),
  YC (plans_started_by), YF (plans_second_or_later), YF (plans_ended), YC (plans_ended_by),
  YF (plans_ended_two_years), YF (children_on_plans), YC (children_on_plans_by), YF (reviews_due),
  YF (reviews_on_time), YF (children_seen), YF (children_seen_alone), YF (scrs_considered),
  YF (scrs_started), YT (scrs_completed), YA (scr_actions, 0), YA (scr_actions, 1), YA (scr_actions, 2),
  YA (scr_actions, 3), YF (child_deaths_notified), YF (child_deaths_reviewed), YF (child_deaths_unexpected),
  YF (child_deaths_modifiable), YF (private_fostering_notifications), YF (private_fostering_arrangements),
  YF (training_courses), YF (training_sessions), YF (training_attendees), YF (contributions_pence),
  YF (spending_pence), YF (board_meetings),
};

#undef YF
#undef YT
#undef YA
#undef YC

#define CACHE_FORMAT "(a{sx}ba(sx)a(sx))"

static GVariant *
sources_variant (GPtrArray *list)
{
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a(sx)"));
  for (guint i = 0; i < list->len; i++)
    {
      CairnAnnualSourceCount *c = g_ptr_array_index (list, i);
      g_variant_builder_add (&b, "(sx)", c->code, c->count);
    }
  return g_variant_builder_end (&b);
}

static GBytes *
encode_year (const CairnAnnualYear *y)
{
  GVariantBuilder fields;
  g_autoptr (GVariant) v = NULL;

  g_variant_builder_init (&fields, G_VARIANT_TYPE ("a{sx}"));
  for (gsize i = 0; i < G_N_ELEMENTS (year_fields); i++)
    g_variant_builder_add (&fields, "{sx}", year_fields[i].name,
                           G_STRUCT_MEMBER (gint64, y, year_fields[i].offset));
  v = g_variant_ref_sink (g_variant_new ("(@a{sx}b@a(sx)@a(sx))", g_variant_builder_end (&fields),
                                         y->population_is_board_figure,
                                         sources_variant (y->contacts_by_source),
                                         sources_variant (y->referrals_by_source)));
  return g_variant_get_data_as_bytes (v);
}

static CairnAnnualYear *
year_new (int y)
{
  CairnAnnualYear *year = g_new0 (CairnAnnualYear, 1);

  year->year = y;
  year->contacts = -1;
  year->child_deaths_notified = year->child_deaths_reviewed = -1;
  year->child_deaths_unexpected = year->child_deaths_modifiable = -1;
  year->private_fostering_notifications = year->private_fostering_arrangements = -1;
  year->training_courses = year->training_sessions = year->training_attendees = -1;
  year->contributions_pence = year->spending_pence = -1;
  year->contacts_by_source = g_ptr_array_new_with_free_func ((GDestroyNotify) source_count_free);
  year->referrals_by_source = g_ptr_array_new_with_free_func ((GDestroyNotify) source_count_free);
  return year;
}

/* A cached year, or %NULL when the blob is not one this version wrote. */
static CairnAnnualYear *
decode_year (int          y,
             const void  *data,
             gsize        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GVariant) v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_FORMAT), bytes,
                                                                         FALSE));
  g_autoptr (GVariant) fields = NULL;
  g_autoptr (GVariant) contacts = NULL;
  g_autoptr (GVariant) referrals = NULL;
  CairnAnnualYear *year;
  gboolean board_figure;
  GVariantIter iter;
  const char *code;
  gint64 n;

  if (!g_variant_is_normal_form (v))
    return NULL;
  g_variant_get (v, "(@a{sx}b@a(sx)@a(sx))", &fields, &board_figure, &contacts, &referrals);
  year = year_new (y);
  year->population_is_board_figure = board_figure;
  for (gsize i = 0; i < G_N_ELEMENTS (year_fields); i++)
    if (!g_variant_lookup (fields, year_fields[i].name, "x", &G_STRUCT_MEMBER (gint64, year, year_fields[i].offset)))
      {
        cairn_annual_year_free (year);
        return NULL;
      }
  g_variant_iter_init (&iter, contacts);
  while (g_variant_iter_next (&iter, "(&sx)", &code, &n))
    add_source (year->contacts_by_source, code, n);
  g_variant_iter_init (&iter, referrals);
  while (g_variant_iter_next (&iter, "(&sx)", &code, &n))
    add_source (year->referrals_by_source, code, n);
  return year;
}

/* What the statistics were counted against, as a hex digest. */
static char *
rules_hash (const CairnAnnualRules *rules)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char buf[64];

  g_checksum_update (sum, (const guchar *) "cairn-annual-v1\n", -1);
  if (cairn_date_is_set (&rules->first_day))
    {
      g_snprintf (buf, sizeof buf, "%u\n", g_date_get_julian (&rules->first_day));
      g_checksum_update (sum, (const guchar *) buf, -1);
    }
  g_checksum_update (sum, (const guchar *) rules->working->data, rules->working->len);
  for (guint i = 0; i < rules->editions->len; i++)
    {
      const CairnAnnualEdition *e = &g_array_index (rules->editions, CairnAnnualEdition, i);
      g_snprintf (buf, sizeof buf, "\ne%u,%d,", cairn_date_is_set (&e->in_force_from) ? g_date_get_julian (&e->in_force_from) : 0,
                  e->icpc_last_discussion);
      g_checksum_update (sum, (const guchar *) buf, -1);
      g_checksum_update (sum, (const guchar *) e->id, -1);
    }
  for (guint i = 0; i < rules->limits->len; i++)
    {
      const CairnAnnualLimit *l = &g_array_index (rules->limits, CairnAnnualLimit, i);
      g_snprintf (buf, sizeof buf, "\nl%d,%u,%u,%d,%d,%d,", (int) l->clock,
                  cairn_date_is_set (&l->from) ? g_date_get_julian (&l->from) : 0,
                  cairn_date_is_set (&l->until) ? g_date_get_julian (&l->until) : 0, l->limit, l->months,
                  l->start_day_1);
      g_checksum_update (sum, (const guchar *) buf, -1);
      g_checksum_update (sum, (const guchar *) l->edition, -1);
    }
  g_snprintf (buf, sizeof buf, "\nc%d,", rules->by_referral);
  g_checksum_update (sum, (const guchar *) buf, -1);
  if (rules->fixed_edition != NULL)
    g_checksum_update (sum, (const guchar *) rules->fixed_edition, -1);
  return g_strdup (g_checksum_get_string (sum));
}

static gint64
data_version (CairnStore *self)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "PRAGMA data_version", NULL);
  gint64 v = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return v;
}

/* Keeps the years just computed, when nothing else has been written since
 * they were read: the other cached years from @dirty_from on are dropped
 * and the database is marked clean. Failing to keep them is not an error
 * (a read-only database, a busy one). */
static void
keep_years (CairnStore  *self,
            GPtrArray   *years,
            const char  *hash,
            gint64       version,
            int          dirty_from,
            int          first,
            int          last)
{
  sqlite3_stmt *stmt;

  if (!cairn_store_begin (self, NULL))
    return;
  if (data_version (self) != version)
    goto done;
  stmt = cairn_store_prepare (self, "DELETE FROM annual_stats_cache WHERE year >= ?1 AND (year < ?2 OR year > ?3)",
                              NULL);
  if (stmt == NULL)
    goto done;
  sqlite3_bind_int (stmt, 1, dirty_from);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  if (!cairn_store_step_done (self, stmt, NULL))
    goto done;
  for (guint i = 0; i < years->len; i++)
    {
      CairnAnnualYear *y = g_ptr_array_index (years, i);
      g_autoptr (GBytes) blob = NULL;
      gsize size;
      const void *data;

      if (y->year < first || y->year > last)
        continue;
      blob = encode_year (y);
      data = g_bytes_get_data (blob, &size);
      stmt = cairn_store_prepare (self, "INSERT OR REPLACE INTO annual_stats_cache (year, rules_hash, stats)"
                                        " VALUES (?1, ?2, ?3)", NULL);
      if (stmt == NULL)
        goto done;
      sqlite3_bind_int (stmt, 1, y->year);
      cairn_bind_text (stmt, 2, hash);
      sqlite3_bind_blob (stmt, 3, data, (int) size, SQLITE_TRANSIENT);
      if (!cairn_store_step_done (self, stmt, NULL))
        goto done;
    }
  stmt = cairn_store_prepare (self, "UPDATE annual_stats_state SET dirty_from = 9999 WHERE id = 1", NULL);
  if (stmt == NULL || !cairn_store_step_done (self, stmt, NULL))
    goto done;
  if (cairn_store_commit (self, NULL))
    return;
done:
  cairn_store_rollback (self);
}

/* Triggers that lower annual_stats_state.dirty_from to the reporting year
 * of a changed row (of its old and new values), while the derived tables are
 * kept live (cairn_index_live(): bulk writes switch them off and
 * cairn_store_end_bulk() marks every year instead). */
#define ANNUAL_FY(x) "(CAST(substr(" x ", 1, 4) AS INTEGER) - (substr(" x ", 6, 2) < '04'))"
#define ANNUAL_MARK(y)                                                                          \
  " UPDATE annual_stats_state SET dirty_from = coalesce(" y ", 0)"                              \
  " WHERE dirty_from > coalesce(" y ", 0); END;"
#define ANNUAL_WATCH(table, y_new, y_old)                                                       \
  "CREATE TRIGGER cairn_annual_" table "_insert AFTER INSERT ON " table                         \
  " WHEN cairn_index_live() BEGIN" ANNUAL_MARK (y_new)                                          \
  "CREATE TRIGGER cairn_annual_" table "_update AFTER UPDATE ON " table                         \
  " WHEN cairn_index_live() BEGIN" ANNUAL_MARK ("min(coalesce(" y_new ", 0), coalesce(" y_old ", 0))") \
  "CREATE TRIGGER cairn_annual_" table "_delete AFTER DELETE ON " table                         \
  " WHEN cairn_index_live() BEGIN" ANNUAL_MARK (y_old)
#define ANNUAL_WATCH_DATE(table, col) ANNUAL_WATCH (table, ANNUAL_FY ("NEW." col), ANNUAL_FY ("OLD." col))
#define ANNUAL_WATCH_YEAR(table) ANNUAL_WATCH (table, "NEW.year", "OLD.year")
#define ANNUAL_WATCH_ALL(table) ANNUAL_WATCH (table, "0", "0")
#define ANNUAL_WATCH_PARENT(table, fk, parent, col)                                             \
  ANNUAL_WATCH (table, "(SELECT " ANNUAL_FY (col) " FROM " parent " WHERE id = NEW." fk ")",      \
                "(SELECT " ANNUAL_FY (col) " FROM " parent " WHERE id = OLD." fk ")")

static const char annual_triggers[] =
  ANNUAL_WATCH_DATE ("referrals", "received_at")
  ANNUAL_WATCH_DATE ("cases", "opened_on")
  ANNUAL_WATCH_DATE ("assessments", "started_on")
  ANNUAL_WATCH_DATE ("strategy_discussions", "held_at")
  ANNUAL_WATCH_DATE ("s47_enquiries", "started_on")
  ANNUAL_WATCH_DATE ("conferences", "held_at")
  ANNUAL_WATCH_PARENT ("conference_subjects", "conference_id", "conferences", "held_at")
  ANNUAL_WATCH_DATE ("cp_plans", "started_on")
  ANNUAL_WATCH_PARENT ("cp_plan_categories", "plan_id", "cp_plans", "started_on")
  ANNUAL_WATCH_PARENT ("cp_reviews", "plan_id", "cp_plans", "started_on")
  ANNUAL_WATCH_DATE ("events", "occurred_at")
  ANNUAL_WATCH_ALL ("scrs")
  ANNUAL_WATCH_ALL ("scr_recommendations")
  ANNUAL_WATCH_ALL ("scr_actions")
  ANNUAL_WATCH_ALL ("scr_action_history")
  ANNUAL_WATCH_ALL ("board_meetings")
  ANNUAL_WATCH_ALL ("board")
  ANNUAL_WATCH_YEAR ("child_population")
  ANNUAL_WATCH_YEAR ("contacts")
  ANNUAL_WATCH_YEAR ("child_death_reviews")
  ANNUAL_WATCH_YEAR ("private_fostering")
  ANNUAL_WATCH_YEAR ("training_courses")
  ANNUAL_WATCH_YEAR ("partner_contributions")
  ANNUAL_WATCH_YEAR ("board_spending");

/**
 * cairn_store_annual_install_triggers:
 *
 * (Re)creates the triggers that keep annual_stats_state.dirty_from (the
 * first year whose cached statistics a change may have touched), from the
 * tables of the current schema; a schema without the statistics cache gets
 * none. Runs after the migrations, and after a bulk write that dropped the
 * row triggers (the demo generator).
 */
gboolean
cairn_store_annual_install_triggers (CairnStore  *self,
                                     GError     **error)
{
  sqlite3 *db = cairn_store_get_db (self);
  g_autoptr (GString) script = g_string_new ("");
  sqlite3_stmt *stmt = NULL;
  gboolean has_cache;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'trigger'"
                              " AND name LIKE 'cairn\\_annual\\_%' ESCAPE '\\'", -1, &stmt, NULL) != SQLITE_OK)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (script, "DROP TRIGGER \"%s\";\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  stmt = NULL;
  sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'annual_stats_state'", -1,
                      &stmt, NULL);
  has_cache = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (has_cache)
    g_string_append (script, annual_triggers);
  return script->len == 0 || cairn_store_exec (self, script->str, error);
}

/**
 * cairn_store_annual_invalidate:
 *
 * Marks every year's statistics as to be counted again (after a bulk write
 * that ran with the derived tables switched off).
 */
gboolean
cairn_store_annual_invalidate (CairnStore  *self,
                               GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "UPDATE annual_stats_state SET dirty_from = 0 WHERE id = 1",
                                            error);

  return stmt != NULL && cairn_store_step_done (self, stmt, error);
}

/**
 * cairn_store_compute_annual_stats:
 * @rules: the calendar, editions and limits to count against
 * @first_year: the first reporting year (by its start year)
 * @last_year: the last, at most ten years after @first_year
 *
 * Computes every statistic of the annual report for each year from
 * @first_year to @last_year, in one read transaction, so that every figure
 * describes the database as it stood at one moment. Needs
 * %CAIRN_ACTION_VIEW_CASES.
 *
 * Years are kept in annual_stats_cache with a digest of @rules: a year is
 * read from there when it was counted against the same rules and no record
 * dated in it or an earlier year has changed since (triggers note the
 * earliest year a change touched); the others are counted afresh and kept,
 * unless the database changed while they were being counted.
 *
 * Returns: (transfer full) (element-type CairnAnnualYear): one per year, in
 *   order, or %NULL with @error set
 */
GPtrArray *
cairn_store_compute_annual_stats (CairnStore              *self,
                                  const CairnAnnualRules  *rules,
                                  int                      first_year,
                                  int                      last_year,
                                  GCancellable            *cancellable,
                                  GError                 **error)
{
  g_autoptr (GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_annual_year_free);
  g_autoptr (GPtrArray) fresh = NULL;
  g_autofree char *hash = NULL;
  Stats st = { 0 };
  sqlite3_stmt *stmt;
  int dirty_from = 0, missing_first = G_MAXINT, missing_last = G_MININT;
  gint64 version;
  GDate d;

  if (!check_year (first_year, error) || !check_year (last_year, error))
    return NULL;
  if (last_year < first_year || last_year - first_year > 10)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Years: %d to %d is not a run of one to eleven reporting years"), first_year,
                   last_year);
      return NULL;
    }
  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;

  hash = rules_hash (rules);
  /* The counts read most of the case tables once, in no useful order: memory
   * mapped pages save a system call for each (twice as fast on a large
   * board). Only this connection is affected. */
  cairn_store_exec (self, "PRAGMA mmap_size = 1073741824", NULL);
  version = data_version (self);
  if (!cairn_store_begin_read (self, error))
    return NULL;

  /* The years still current in the cache. */
  stmt = cairn_store_prepare (self, "SELECT dirty_from FROM annual_stats_state WHERE id = 1", error);
  if (stmt == NULL)
    goto fail;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    dirty_from = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  for (int y = first_year; y <= last_year; y++)
    {
      CairnAnnualYear *cached = NULL;

      if (y < dirty_from)
        {
          stmt = cairn_store_prepare (self, "SELECT stats FROM annual_stats_cache WHERE year = ?1 AND rules_hash = ?2",
                                      error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int (stmt, 1, y);
          cairn_bind_text (stmt, 2, hash);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            cached = decode_year (y, sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
          sqlite3_reset (stmt);
        }
      if (cached == NULL)
        {
          missing_first = MIN (missing_first, y);
          missing_last = MAX (missing_last, y);
          cached = year_new (y);
        }
      g_ptr_array_add (years, cached);
    }
  if (missing_first > missing_last)
    {
      cairn_store_rollback (self);
      return g_steal_pointer (&years);
    }

  /* Count the rest afresh. */
  fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_annual_year_free);
  for (int y = missing_first; y <= missing_last; y++)
    g_ptr_array_add (fresh, year_new (y));
  st.store = self;
  st.rules = rules;
  st.first_year = missing_first;
  st.last_year = missing_last;
  st.years = fresh;
  cairn_year_bounds (missing_first, &d, NULL);
  cairn_date_format_into (&d, st.first_day);
  cairn_year_bounds (missing_last, NULL, &d);
  cairn_date_format_into (&d, st.last_day);
  g_date_add_days (&d, 1);
  cairn_date_format_into (&d, st.after_last);

  if (!load_rules (self, rules, error) ||
      cancelled (cancellable, error) || !query_referrals (&st, error) ||
      cancelled (cancellable, error) || !query_assessments (&st, error) ||
      !query_counts (&st, s47_sql, G_STRUCT_OFFSET (CairnAnnualYear, s47_enquiries), error) ||
      cancelled (cancellable, error) ||
      !query_timely (&st, icpc_sql, G_STRUCT_OFFSET (CairnAnnualYear, icpcs), error) ||
      cancelled (cancellable, error) || !query_plans (&st, error) ||
      cancelled (cancellable, error) || !query_seen (&st, error) ||
      !query_counts (&st, scrs_considered_sql, G_STRUCT_OFFSET (CairnAnnualYear, scrs_considered), error) ||
      !query_counts (&st, scrs_started_sql, G_STRUCT_OFFSET (CairnAnnualYear, scrs_started), error) ||
      !query_timely (&st, scrs_completed_sql, G_STRUCT_OFFSET (CairnAnnualYear, scrs_completed), error) ||
      !query_counts (&st, meetings_sql, G_STRUCT_OFFSET (CairnAnnualYear, board_meetings), error) ||
      !query_entered (&st, error))
    goto fail;
  for (int y = missing_first; y <= missing_last; y++)
    {
      g_autoptr (GPtrArray) actions = list_scr_actions (self, y, error);
      CairnAnnualYear *year = year_at (&st, y);

      if (actions == NULL)
        goto fail;
      for (guint i = 0; i < actions->len; i++)
        {
          CairnAnnualScrAction *a = g_ptr_array_index (actions, i);
          if (a->action_id != 0)
            year->scr_actions[a->state]++;
        }
    }
  cairn_store_rollback (self);

  for (int y = missing_first; y <= missing_last; y++)
    {
      guint i = (guint) (y - first_year);
      cairn_annual_year_free (g_ptr_array_index (years, i));
      g_ptr_array_index (years, i) = g_ptr_array_steal_index (fresh, 0);
    }
  keep_years (self, years, hash, version, dirty_from, missing_first, missing_last);
  return g_steal_pointer (&years);

fail:
  cairn_store_rollback (self);
  return NULL;
}

/**
 * cairn_store_first_activity_year:
 *
 * Returns: the reporting year of the board's first referral or case, or
 *   -1 when there is none (or on error, with @error set)
 */
int
cairn_store_first_activity_year (CairnStore  *self,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  int year = -1;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return -1;
  stmt = cairn_store_prepare (
    self, "SELECT min(d) FROM (SELECT min(received_at) AS d FROM referrals"
          " UNION ALL SELECT min(opened_on) FROM cases)",
    error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      GDate d;
      cairn_column_date (stmt, 0, &d);
      if (cairn_date_is_set (&d))
        year = cairn_year_of_date (&d);
    }
  sqlite3_reset (stmt);
  return year;
}

/* ---- SCR actions (AR10–AR12) ------------------------------------------------ */

/* ?1: 1 April; ?2: 31 March; ?3: the 31 March before. The status on a day is
 * the latest dated entry on or before it; without one, complete when the
 * action was completed by then, else not started. */
#define STATUS_ON(day)                                                                     \
  "COALESCE((SELECT h.status FROM scr_action_history h WHERE h.action_id = ac.id"          \
  "   AND h.as_of <= " day " ORDER BY h.as_of DESC, h.id DESC LIMIT 1),"                    \
  " CASE WHEN ac.completed_on <= " day " THEN 'complete' ELSE 'not_started' END)"

static const char scr_actions_sql[] =
  "WITH s AS (SELECT id, year, number, title, decision_on, completed_on,"
  "   CASE WHEN completed_on >= ?1 AND completed_on <= ?2 THEN 0"
  "        WHEN completed_on < ?1 THEN 1"
  "        WHEN decision_on <= ?2 AND stage NOT IN ('considered', 'not_initiated') THEN 2 END AS grp"
  "   FROM scrs),"
  " a AS (SELECT s.*, ac.id AS action_id, rec.number AS rec_no, ac.action, ac.responsible, ac.due_on,"
  "   CASE WHEN ac.id IS NULL THEN NULL ELSE " STATUS_ON ("?2") " END AS status,"
  "   CASE WHEN ac.id IS NULL THEN NULL ELSE " STATUS_ON ("?3") " END AS start_status,"
  "   (SELECT h.progress FROM scr_action_history h WHERE h.action_id = ac.id AND h.as_of <= ?2"
  "      ORDER BY h.as_of DESC, h.id DESC LIMIT 1) AS progress"
  "   FROM s LEFT JOIN scr_recommendations rec ON rec.scr_id = s.id"
  "   LEFT JOIN scr_actions ac ON ac.recommendation_id = rec.id"
  "   WHERE s.grp IS NOT NULL)"
  " SELECT grp, year, number, title, decision_on, completed_on, coalesce(action_id, 0), coalesce(rec_no, 0),"
  "   action, responsible, due_on, status, start_status, progress"
  " FROM a"
  " WHERE grp <> 1 OR (action_id IS NOT NULL AND start_status <> 'complete')"
  " GROUP BY grp, year, number, coalesce(action_id, 0)"
  " ORDER BY grp, year, number, rec_no, action_id";

static GPtrArray *
list_scr_actions (CairnStore  *self,
                  int          year,
                  GError     **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_annual_scr_action_free);
  sqlite3_stmt *stmt = cairn_store_prepare (self, scr_actions_sql, error);
  GDate first, last, before;
  int rc;

  if (stmt == NULL)
    return NULL;
  cairn_year_bounds (year, &first, &last);
  before = first;
  g_date_subtract_days (&before, 1);
  cairn_bind_date (stmt, 1, &first);
  cairn_bind_date (stmt, 2, &last);
  cairn_bind_date (stmt, 3, &before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualScrAction *a = g_new0 (CairnAnnualScrAction, 1);
      gboolean complete;

      a->group = (CairnAnnualScrGroup) sqlite3_column_int (stmt, 0);
      a->scr_year = sqlite3_column_int (stmt, 1);
      a->scr_number = sqlite3_column_int (stmt, 2);
      a->scr_title = cairn_column_dup_text (stmt, 3);
      cairn_column_date (stmt, 4, &a->decision_on);
      cairn_column_date (stmt, 5, &a->completed_on);
      a->action_id = sqlite3_column_int64 (stmt, 6);
      a->recommendation = sqlite3_column_int (stmt, 7);
      a->action = cairn_column_dup_text (stmt, 8);
      a->responsible = cairn_column_dup_text (stmt, 9);
      cairn_column_date (stmt, 10, &a->due_on);
      a->status = cairn_column_dup_text (stmt, 11);
      a->start_status = sqlite3_column_type (stmt, 12) == SQLITE_NULL ? NULL
                                                                       : cairn_column_dup_text (stmt, 12);
      a->progress = cairn_column_dup_text (stmt, 13);
      complete = g_strcmp0 (a->status, "complete") == 0;
      if (complete)
        a->state = CAIRN_ANNUAL_ACTION_COMPLETE;
      else if (cairn_date_is_set (&a->due_on) && g_date_compare (&a->due_on, &last) < 0)
        a->state = CAIRN_ANNUAL_ACTION_OVERDUE;
      else if (g_strcmp0 (a->status, "in_progress") == 0)
        a->state = CAIRN_ANNUAL_ACTION_IN_PROGRESS;
      else
        a->state = CAIRN_ANNUAL_ACTION_NOT_STARTED;
      g_ptr_array_add (out, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * cairn_store_list_annual_scr_actions:
 *
 * The actions of the serious case reviews the report for @year covers,
 * with each action's status as it stood on 31 March: AR10, reviews
 * completed during the year (every action); AR11, reviews completed in
 * earlier years (the actions not complete at the start of the year); AR12,
 * reviews commissioned and not completed by 31 March (every action so far).
 * A review of AR10 or AR12 with no action yet has one entry with
 * @action_id 0. Ordered by group, review and recommendation.
 *
 * Returns: (transfer full) (element-type CairnAnnualScrAction)
 */
GPtrArray *
cairn_store_list_annual_scr_actions (CairnStore  *self,
                                     int          year,
                                     GError     **error)
{
  if (!check_year (year, error) || !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  return list_scr_actions (self, year, error);
}

/* ---- Membership and attendance --------------------------------------------- */

static const char members_sql[] =
  "SELECT m.name, m.role, coalesce(ag.name, ''), m.lay_member, m.joined_on, m.left_on,"
  " (SELECT count(*) FROM board_meetings bm WHERE bm.held_on >= ?1 AND bm.held_on <= ?2"
  "    AND (m.joined_on IS NULL OR bm.held_on >= m.joined_on)"
  "    AND (m.left_on IS NULL OR bm.held_on <= m.left_on)),"
  " (SELECT count(*) FROM board_meetings bm JOIN meeting_attendance a ON a.meeting_id = bm.id"
  "    WHERE bm.held_on >= ?1 AND bm.held_on <= ?2 AND a.name = m.name"
  "    AND a.attendance IN ('present', 'in_attendance')),"
  " (SELECT count(*) FROM board_meetings bm JOIN meeting_attendance a ON a.meeting_id = bm.id"
  "    WHERE bm.held_on >= ?1 AND bm.held_on <= ?2 AND a.name = m.name AND a.attendance = 'report')"
  " FROM board_members m LEFT JOIN agencies ag ON ag.id = m.agency_id"
  " WHERE (m.joined_on IS NULL OR m.joined_on <= ?2) AND (m.left_on IS NULL OR m.left_on >= ?1)"
  " ORDER BY m.lay_member, coalesce(ag.name, '') COLLATE NOCASE, m.name COLLATE NOCASE";

/**
 * cairn_store_list_annual_members:
 *
 * The board's members during the year (joined by 31 March and not left
 * before 1 April) with the board meetings held in the year while each was a
 * member and how many of them each attended (matched by name in the
 * meeting's attendance). Lay members last.
 *
 * Returns: (transfer full) (element-type CairnAnnualMember)
 */
GPtrArray *
cairn_store_list_annual_members (CairnStore  *self,
                                 int          year,
                                 GError     **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_annual_member_free);
  sqlite3_stmt *stmt;
  GDate first, last;
  int rc;

  if (!check_year (year, error) || !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error) ||
      (stmt = cairn_store_prepare (self, members_sql, error)) == NULL)
    return NULL;
  cairn_year_bounds (year, &first, &last);
  cairn_bind_date (stmt, 1, &first);
  cairn_bind_date (stmt, 2, &last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualMember *m = g_new0 (CairnAnnualMember, 1);
      m->name = cairn_column_dup_text (stmt, 0);
      m->role = cairn_column_dup_text (stmt, 1);
      m->agency = cairn_column_dup_text (stmt, 2);
      m->lay_member = sqlite3_column_int (stmt, 3) != 0;
      cairn_column_date (stmt, 4, &m->joined_on);
      cairn_column_date (stmt, 5, &m->left_on);
      m->meetings = sqlite3_column_int (stmt, 6);
      m->attended = sqlite3_column_int (stmt, 7);
      m->represented = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (out, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * cairn_store_list_annual_meetings:
 *
 * Returns: (transfer full) (element-type CairnAnnualMeeting): the board
 *   meetings held in the year, in date order, each with the number of
 *   board members present
 */
GPtrArray *
cairn_store_list_annual_meetings (CairnStore  *self,
                                  int          year,
                                  GError     **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  GDate first, last;
  int rc;

  if (!check_year (year, error) || !cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error) ||
      (stmt = cairn_store_prepare (
         self, "SELECT bm.year, bm.number, bm.held_on,"
               " (SELECT count(*) FROM meeting_attendance a JOIN board_members m ON m.name = a.name"
               "    WHERE a.meeting_id = bm.id AND a.attendance IN ('present', 'in_attendance'))"
               " FROM board_meetings bm WHERE bm.held_on >= ?1 AND bm.held_on <= ?2"
               " ORDER BY bm.held_on, bm.year, bm.number", error)) == NULL)
    return NULL;
  cairn_year_bounds (year, &first, &last);
  cairn_bind_date (stmt, 1, &first);
  cairn_bind_date (stmt, 2, &last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnAnnualMeeting *m = g_new0 (CairnAnnualMeeting, 1);
      m->year = sqlite3_column_int (stmt, 0);
      m->number = sqlite3_column_int (stmt, 1);
      cairn_column_date (stmt, 2, &m->held_on);
      m->present = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (out, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&out);
}
