/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-scr-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-agency-store.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-person-store.h"
#include "cairn-ref.h"
#include "cairn-scr-store.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

#define MAX_PSEUDONYM_CHARS 60

static char *
scr_ref (int year,
         int number)
{
  CairnRef ref = { .kind = CAIRN_REF_SCR, .year = year, .number = number };

  return cairn_ref_format (&ref);
}

/* Whether the signed-in user may do @action to the review with row id @scr_id
 * (cairn_store_require_scr()); %CAIRN_ERROR_NOT_FOUND when there is none. */
static gboolean
require_scr_id (CairnStore   *self,
                CairnAction   action,
                gint64        scr_id,
                GError      **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "SELECT year, number FROM scrs WHERE id = ?", error);
  int year = 0, number = 0;
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      year = sqlite3_column_int (stmt, 0);
      number = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                   _("Serious case review: no review with id %" G_GINT64_FORMAT), scr_id);
      return FALSE;
    }
  return cairn_store_require_scr (self, action, year, number, error);
}

/* The review a row of @sql (a query of one scr_id by row id) belongs to, checked for @action. */
static gboolean
require_scr_of (CairnStore   *self,
                CairnAction   action,
                const char   *sql,
                gint64        row_id,
                const char   *what,
                GError      **error)
{
  gint64 scr_id = cairn_store_row_owner (self, sql, row_id, what, error);

  return scr_id != 0 && require_scr_id (self, action, scr_id, error);
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

/* Steps an INSERT; a UNIQUE constraint failure becomes CAIRN_ERROR_EXISTS with @message. */
static gboolean
step_or_exists (CairnStore    *self,
                sqlite3_stmt  *stmt,
                char          *message,
                GError       **error)
{
  g_autofree char *msg = message;
  g_autoptr (GError) local = NULL;

  if (cairn_store_step_done (self, stmt, &local))
    return TRUE;
  if (g_error_matches (local, CAIRN_ERROR, CAIRN_ERROR_INVALID) && strstr (local->message, "UNIQUE"))
    g_set_error_literal (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS, msg);
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* ---- Reading a review -------------------------------------------------- */

static void
split_name (const char *name,
            char      **given,
            char      **family)
{
  static const char *titles[] = { "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "rev", "sir" };
  g_auto (GStrv) words = g_strsplit_set (name ? name : "", " \t\n", -1);
  GString *g = g_string_new (NULL);
  guint n = 0, first = 0;

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      words[n++] = words[i];
    else
      g_free (words[i]);
  words[n] = NULL;
  if (n > 1)
    {
      g_autofree char *w = g_ascii_strdown (words[0], -1);
      if (g_str_has_suffix (w, "."))
        w[strlen (w) - 1] = '\0';
      for (gsize t = 0; t < G_N_ELEMENTS (titles); t++)
        if (strcmp (w, titles[t]) == 0)
          first = 1;
    }
  for (guint i = first; i + 1 < n; i++)
    g_string_append_printf (g, "%s%s", g->len ? " " : "", words[i]);
  *given = g_string_free (g, FALSE);
  *family = g_strdup (n > 0 ? words[n - 1] : "");
}

static const char child_person_sql[] =
  "SELECT number, given_name, family_name, other_names, aliases, date_of_birth, sex, address,"
  " postcode, school, nhs_number, upn, former_upn, la_child_id, gp FROM children WHERE id = ?";

static CairnScrPerson *
load_child_person (CairnStore         *self,
                   gint64              child_id,
                   CairnScrPersonKind  kind,
                   const char         *relationship,
                   GError            **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, child_person_sql, error);
  CairnScrPerson *p = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      p = cairn_scr_person_new (kind);
      p->key = g_strdup_printf ("child:%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
      p->relationship = g_strdup (relationship);
      p->given_name = cairn_column_dup_text (stmt, 1);
      p->family_name = cairn_column_dup_text (stmt, 2);
      p->other_names = cairn_column_dup_text (stmt, 3);
      p->aliases = cairn_column_dup_text (stmt, 4);
      cairn_column_date (stmt, 5, &p->date_of_birth);
      p->sex = cairn_column_dup_text (stmt, 6);
      p->address = cairn_column_dup_text (stmt, 7);
      p->postcode = cairn_column_dup_text (stmt, 8);
      p->school = cairn_column_dup_text (stmt, 9);
      p->nhs_number = cairn_column_dup_text (stmt, 10);
      p->upn = cairn_column_dup_text (stmt, 11);
      p->former_upn = cairn_column_dup_text (stmt, 12);
      p->la_child_id = cairn_column_dup_text (stmt, 13);
      p->gp = cairn_column_dup_text (stmt, 14);
      p->lives_with_child = TRUE;
    }
  sqlite3_reset (stmt);
  if (p == NULL)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("Child: no child with id %" G_GINT64_FORMAT),
                 child_id);
  return p;
}

static gboolean
has_person (GPtrArray  *people,
            const char *key)
{
  for (guint i = 0; i < people->len; i++)
    if (g_strcmp0 (((CairnScrPerson *) g_ptr_array_index (people, i))->key, key) == 0)
      return TRUE;
  return FALSE;
}

/* TRUE when someone already listed has this full name (a parent who attended a conference). */
static gboolean
has_name (GPtrArray  *people,
          const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < people->len; i++)
    {
      CairnScrPerson *p = g_ptr_array_index (people, i);
      g_autofree char *full = cairn_scr_person_dup_name (p);
      g_autofree char *short_name = g_strdup_printf ("%s %s", p->given_name ? p->given_name : "",
                                                     p->family_name ? p->family_name : "");
      g_autofree char *f1 = g_utf8_casefold (full, -1);
      g_autofree char *f2 = g_utf8_casefold (short_name, -1);
      if (strcmp (folded, f1) == 0 || strcmp (folded, f2) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
load_people (CairnStore  *self,
             CairnScr    *scr,
             gint64       subject_id,
             GError     **error)
{
  g_autoptr (GArray) child_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) link_rels = g_ptr_array_new_with_free_func (g_free);
  CairnScrPerson *subject;
  sqlite3_stmt *stmt;

  subject = load_child_person (self, subject_id, CAIRN_SCR_PERSON_SUBJECT, "", error);
  if (subject == NULL)
    return FALSE;
  g_ptr_array_add (scr->people, subject);
  g_array_append_val (child_ids, subject_id);

  /* Siblings and other children on the board's records, linked either way. */
  stmt = cairn_store_prepare (
    self, "SELECT other_child_id, relationship FROM child_links WHERE child_id = ?1"
          " UNION SELECT child_id, relationship FROM child_links WHERE other_child_id = ?1"
          " ORDER BY 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (child_ids, id);
      g_ptr_array_add (link_rels, cairn_column_dup_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  for (guint i = 1; i < child_ids->len; i++)
    {
      CairnScrPerson *p = load_child_person (self, g_array_index (child_ids, gint64, i),
                                             CAIRN_SCR_PERSON_SIBLING,
                                             g_ptr_array_index (link_rels, i - 1), error);
      if (p == NULL)
        return FALSE;
      if (!has_person (scr->people, p->key))
        g_ptr_array_add (scr->people, p);
      else
        cairn_scr_person_free (p);
    }

  /* Relatives of the child and of each sibling. */
  for (guint i = 0; i < child_ids->len; i++)
    {
      stmt = cairn_store_prepare (
        self,
        "SELECT p.id, r.relationship, p.given_name, p.family_name, p.aliases, p.date_of_birth,"
        " p.sex, p.address, p.postcode, p.phone, r.lives_with_child FROM relationships r"
        " JOIN people p ON p.id = r.person_id WHERE r.child_id = ? ORDER BY r.id",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (child_ids, gint64, i));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *key =
            g_strdup_printf ("person:%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
          const char *rel = cairn_column_text (stmt, 1);
          CairnScrPerson *p;

          if (has_person (scr->people, key))
            continue;
          p = cairn_scr_person_new (g_strcmp0 (rel, "sibling") == 0 ? CAIRN_SCR_PERSON_SIBLING
                                                                    : CAIRN_SCR_PERSON_ADULT);
          p->key = g_steal_pointer (&key);
          /* A relative of a sibling only: their relationship is not to the subject. */
          p->relationship = g_strdup (i == 0 || g_strcmp0 (rel, "sibling") == 0 ? rel : "other_adult");
          p->given_name = cairn_column_dup_text (stmt, 2);
          p->family_name = cairn_column_dup_text (stmt, 3);
          p->aliases = cairn_column_dup_text (stmt, 4);
          cairn_column_date (stmt, 5, &p->date_of_birth);
          p->sex = cairn_column_dup_text (stmt, 6);
          p->address = cairn_column_dup_text (stmt, 7);
          p->postcode = cairn_column_dup_text (stmt, 8);
          p->phone = cairn_column_dup_text (stmt, 9);
          p->lives_with_child = i == 0 && sqlite3_column_int (stmt, 10);
          g_ptr_array_add (scr->people, p);
        }
      sqlite3_reset (stmt);
    }

  /* Professionals recorded against the children's cases. */
  for (guint i = 0; i < child_ids->len; i++)
    {
      stmt = cairn_store_prepare (
        self,
        "SELECT p.id, p.name, p.role, a.name FROM professionals p"
        " JOIN agencies a ON a.id = p.agency_id WHERE p.id IN ("
        "  SELECT lead_worker_id FROM cases WHERE child_id = ?1"
        "  UNION SELECT s.social_worker_id FROM assessments s JOIN cases c ON c.id = s.case_id"
        "   WHERE c.child_id = ?1"
        "  UNION SELECT pl.lead_worker_id FROM cp_plans pl JOIN cases c ON c.id = pl.case_id"
        "   WHERE c.child_id = ?1"
        "  UNION SELECT m.professional_id FROM core_group_members m"
        "   JOIN cp_plans pl ON pl.id = m.plan_id JOIN cases c ON c.id = pl.case_id"
        "   WHERE c.child_id = ?1"
        "  UNION SELECT cs.lead_worker_id FROM conference_subjects cs"
        "   JOIN cases c ON c.id = cs.case_id WHERE c.child_id = ?1"
        "  UNION SELECT cf.chair_id FROM conferences cf"
        "   JOIN conference_subjects cs ON cs.conference_id = cf.id"
        "   JOIN cases c ON c.id = cs.case_id WHERE c.child_id = ?1)"
        " ORDER BY p.id",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (child_ids, gint64, i));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *key =
            g_strdup_printf ("professional:%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
          CairnScrPerson *p;

          if (has_person (scr->people, key))
            continue;
          p = cairn_scr_person_new (CAIRN_SCR_PERSON_PROFESSIONAL);
          p->key = g_steal_pointer (&key);
          split_name (cairn_column_text (stmt, 1), &p->given_name, &p->family_name);
          p->role = cairn_column_dup_text (stmt, 2);
          p->agency = cairn_column_dup_text (stmt, 3);
          g_ptr_array_add (scr->people, p);
        }
      sqlite3_reset (stmt);
    }

  /* Names typed as text: referrers, who recorded events, conference attendees. */
  for (guint i = 0; i < child_ids->len; i++)
    {
      stmt = cairn_store_prepare (
        self,
        "SELECT r.referrer_name, '', coalesce(a.name, '') FROM referrals r"
        " JOIN cases c ON c.id = r.case_id LEFT JOIN agencies a ON a.id = r.source_agency_id"
        " WHERE c.child_id = ?1 AND coalesce(r.referrer_name, '') <> ''"
        " UNION ALL SELECT e.recorded_by, '', '' FROM events e JOIN cases c ON c.id = e.case_id"
        " WHERE c.child_id = ?1 AND coalesce(e.recorded_by, '') <> ''"
        " UNION ALL SELECT t.name, t.role, coalesce(a.name, '') FROM conference_attendees t"
        " JOIN conference_subjects cs ON cs.conference_id = t.conference_id"
        " JOIN cases c ON c.id = cs.case_id LEFT JOIN agencies a ON a.id = t.agency_id"
        " WHERE c.child_id = ?1",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (child_ids, gint64, i));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *name = g_strstrip (cairn_column_dup_text (stmt, 0));
          g_autofree char *folded = g_utf8_casefold (name, -1);
          g_autofree char *key = g_strdup_printf ("name:%s", folded);
          CairnScrPerson *p;

          if (*name == '\0' || has_person (scr->people, key) || has_name (scr->people, name) ||
              cairn_scr_is_named_officer (scr, name))
            continue;
          p = cairn_scr_person_new (CAIRN_SCR_PERSON_PROFESSIONAL);
          p->key = g_steal_pointer (&key);
          split_name (name, &p->given_name, &p->family_name);
          p->role = cairn_column_dup_text (stmt, 1);
          p->agency = cairn_column_dup_text (stmt, 2);
          g_ptr_array_add (scr->people, p);
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
load_events (CairnStore  *self,
             CairnScr    *scr,
             gint64       subject_id,
             GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT e.occurred_at, e.kind, e.outcome, e.notes FROM events e"
    " JOIN cases c ON c.id = e.case_id WHERE c.child_id = ?1 AND e.planned = 0"
    " AND (?2 IS NULL OR substr(e.occurred_at, 1, 10) >= ?2)"
    " AND (?3 IS NULL OR substr(e.occurred_at, 1, 10) <= ?3)"
    " ORDER BY e.occurred_at, e.id",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, subject_id);
  cairn_bind_date (stmt, 2, &scr->scope_from);
  cairn_bind_date (stmt, 3, &scr->scope_to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnScrEvent *e = cairn_scr_event_new ();
      cairn_column_date (stmt, 0, &e->date);
      e->kind = cairn_column_dup_text (stmt, 1);
      e->outcome = cairn_column_dup_text (stmt, 2);
      e->notes = cairn_column_dup_text (stmt, 3);
      g_ptr_array_add (scr->events, e);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_details (CairnStore  *self,
              CairnScr    *scr,
              GError     **error)
{
  g_autoptr (GHashTable) recs = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) actions = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;

  stmt = cairn_store_prepare (self, "SELECT section, body FROM scr_sections WHERE scr_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnScrSection section;
      if (cairn_scr_section_from_id (cairn_column_text (stmt, 0), &section))
        cairn_set_str (&scr->sections[section], cairn_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self, "SELECT id, name, job_title, organisation FROM scr_panel_members WHERE scr_id = ? ORDER BY id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnScrPanelMember *m = cairn_scr_panel_member_new ();
      m->id = sqlite3_column_int64 (stmt, 0);
      m->name = cairn_column_dup_text (stmt, 1);
      m->job_title = cairn_column_dup_text (stmt, 2);
      m->organisation = cairn_column_dup_text (stmt, 3);
      g_ptr_array_add (scr->panel, m);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "SELECT i.id, a.code, a.name, i.author, i.received_on FROM scr_imrs i"
    " LEFT JOIN agencies a ON a.id = i.agency_id WHERE i.scr_id = ? ORDER BY a.name, i.id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnScrImr *imr = cairn_scr_imr_new ();
      imr->id = sqlite3_column_int64 (stmt, 0);
      imr->agency_code = cairn_column_dup_text (stmt, 1);
      imr->agency_name = cairn_column_dup_text (stmt, 2);
      imr->author = cairn_column_dup_text (stmt, 3);
      cairn_column_date (stmt, 4, &imr->received_on);
      g_ptr_array_add (scr->imrs, imr);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self, "SELECT id, number, body, source FROM scr_recommendations WHERE scr_id = ? ORDER BY number",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnScrRecommendation *rec = cairn_scr_recommendation_new ();
      rec->id = sqlite3_column_int64 (stmt, 0);
      rec->number = sqlite3_column_int (stmt, 1);
      rec->body = cairn_column_dup_text (stmt, 2);
      cairn_set_str (&rec->source, cairn_column_text (stmt, 3));
      g_ptr_array_add (scr->recommendations, rec);
      g_hash_table_insert (recs, &rec->id, rec);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "SELECT a.id, a.recommendation_id, a.action, a.agencies, a.responsible, a.monitored_by,"
    " a.due_on, a.status, a.progress, a.completed_on, a.evaluation FROM scr_actions a"
    " JOIN scr_recommendations r ON r.id = a.recommendation_id WHERE r.scr_id = ?"
    " ORDER BY r.number, a.id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rec_id = sqlite3_column_int64 (stmt, 1);
      CairnScrRecommendation *rec = g_hash_table_lookup (recs, &rec_id);
      CairnScrAction *a = cairn_scr_action_new ();

      a->id = sqlite3_column_int64 (stmt, 0);
      a->action = cairn_column_dup_text (stmt, 2);
      a->agencies = cairn_column_dup_text (stmt, 3);
      a->responsible = cairn_column_dup_text (stmt, 4);
      a->monitored_by = cairn_column_dup_text (stmt, 5);
      cairn_column_date (stmt, 6, &a->due_on);
      cairn_set_str (&a->status, cairn_column_text (stmt, 7));
      a->progress = cairn_column_dup_text (stmt, 8);
      cairn_column_date (stmt, 9, &a->completed_on);
      a->evaluation = cairn_column_dup_text (stmt, 10);
      g_ptr_array_add (rec->actions, a);
      g_hash_table_insert (actions, &a->id, a);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "SELECT h.action_id, h.as_of, h.status, h.progress FROM scr_action_history h"
    " JOIN scr_actions a ON a.id = h.action_id"
    " JOIN scr_recommendations r ON r.id = a.recommendation_id WHERE r.scr_id = ?"
    " ORDER BY h.as_of, h.id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 action_id = sqlite3_column_int64 (stmt, 0);
      CairnScrAction *a = g_hash_table_lookup (actions, &action_id);
      CairnScrActionHistory *h = cairn_scr_action_history_new ();

      cairn_column_date (stmt, 1, &h->as_of);
      h->status = cairn_column_dup_text (stmt, 2);
      h->progress = cairn_column_dup_text (stmt, 3);
      g_ptr_array_add (a->history, h);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self, "SELECT id, subject_key, pseudonym FROM scr_pseudonyms WHERE scr_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnScrPseudonym *p = cairn_scr_pseudonym_new ();
      p->id = sqlite3_column_int64 (stmt, 0);
      p->subject_key = cairn_column_dup_text (stmt, 1);
      p->pseudonym = cairn_column_dup_text (stmt, 2);
      g_ptr_array_add (scr->pseudonyms, p);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "SELECT r.id, r.word, r.panel_member_id, m.name, r.reason, r.released_on FROM scr_releases r"
    " JOIN scr_panel_members m ON m.id = r.panel_member_id WHERE r.scr_id = ? ORDER BY r.id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnScrRelease *r = cairn_scr_release_new ();
      r->id = sqlite3_column_int64 (stmt, 0);
      r->word = cairn_column_dup_text (stmt, 1);
      r->panel_member_id = sqlite3_column_int64 (stmt, 2);
      r->released_by = cairn_column_dup_text (stmt, 3);
      r->reason = cairn_column_dup_text (stmt, 4);
      cairn_column_date (stmt, 5, &r->released_on);
      g_ptr_array_add (scr->releases, r);
    }
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "SELECT id, version, publishable, created_on, file_name, sha256, n_pages, signed_off_by,"
    " signed_off_on, sent_to_ofsted_on, published_on FROM scr_versions WHERE scr_id = ?"
    " ORDER BY version",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnScrVersion *v = cairn_scr_version_new ();
      v->id = sqlite3_column_int64 (stmt, 0);
      v->version = sqlite3_column_int (stmt, 1);
      v->publishable = sqlite3_column_int (stmt, 2);
      cairn_column_date (stmt, 3, &v->created_on);
      v->file_name = cairn_column_dup_text (stmt, 4);
      v->sha256 = cairn_column_dup_text (stmt, 5);
      v->n_pages = sqlite3_column_int (stmt, 6);
      v->signed_off_by = cairn_column_dup_text (stmt, 7);
      cairn_column_date (stmt, 8, &v->signed_off_on);
      cairn_column_date (stmt, 9, &v->sent_to_ofsted_on);
      cairn_column_date (stmt, 10, &v->published_on);
      g_ptr_array_add (scr->versions, v);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * cairn_store_list_scrs:
 *
 * Every review of the board, by reference, with its title and stage, and
 * whether the signed-in user may read its drafts (a panel member only their
 * own panel's). Anyone who may view the board's records sees the list.
 *
 * Returns: (transfer full) (element-type CairnScrSummary): the reviews, or %NULL
 */
GPtrArray *
cairn_store_list_scrs (CairnStore  *self,
                       GError     **error)
{
  g_autoptr (GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!cairn_store_require (self, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  stmt = cairn_store_prepare (self, "SELECT year, number, title, stage FROM scrs ORDER BY year, number",
                              error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_scr_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CairnScrSummary *s = g_new0 (CairnScrSummary, 1);
      s->year = sqlite3_column_int (stmt, 0);
      s->number = sqlite3_column_int (stmt, 1);
      s->title = cairn_column_dup_text (stmt, 2);
      s->stage = cairn_column_dup_text (stmt, 3);
      g_ptr_array_add (list, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    {
      CairnScrSummary *s = g_ptr_array_index (list, i);
      s->readable = cairn_store_require_scr (self, CAIRN_ACTION_VIEW_SCR_DRAFT, s->year, s->number, NULL);
    }
  return g_steal_pointer (&list);
}

/**
 * cairn_store_get_scr:
 *
 * Reads the review SCR-@year-@number with its panel, IMRs, narrative
 * sections, recommendations and actions (with their history), the
 * panel's pseudonyms and released words, its export versions, and
 * everyone linked to the case: the child, siblings (child_links either
 * way), relatives of each, the professionals recorded against their cases
 * and the names typed in referrals, events and conference attendance.
 */
CairnScr *
cairn_store_get_scr (CairnStore  *self,
                     int          year,
                     int          number,
                     GError     **error)
{
  g_autoptr (CairnScr) scr = NULL;
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT s.id, s.child_id, coalesce(c.number, 0), s.title, s.criterion, s.trigger_summary,"
    " s.incident_on, s.notified_on, s.decision, s.decision_on, s.stage, s.lscb_chair,"
    " s.panel_chair, s.overview_author, s.independence_statement, s.parallel_processes,"
    " s.family_involvement, s.scope_from, s.scope_to, s.completed_on, s.sent_to_ofsted_on,"
    " s.published_on, s.date_display, (SELECT name FROM board WHERE id = 1)"
    " FROM scrs s LEFT JOIN children c ON c.id = s.child_id WHERE s.year = ?1 AND s.number = ?2",
    error);
  gint64 child_id = 0;
  CairnScrDateDisplay display = CAIRN_SCR_DATES_MONTH_YEAR;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *ref = scr_ref (year, number);
      sqlite3_reset (stmt);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such serious case review"),
                   ref);
      return NULL;
    }
  if (!cairn_store_require_scr (self, CAIRN_ACTION_VIEW_SCR_DRAFT, year, number, error))
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  scr = cairn_scr_new ();
  scr->id = sqlite3_column_int64 (stmt, 0);
  scr->year = year;
  scr->number = number;
  child_id = sqlite3_column_int64 (stmt, 1);
  scr->child_number = sqlite3_column_int64 (stmt, 2);
  scr->title = cairn_column_dup_text (stmt, 3);
  scr->criterion = cairn_column_dup_text (stmt, 4);
  scr->trigger_summary = cairn_column_dup_text (stmt, 5);
  cairn_column_date (stmt, 6, &scr->incident_on);
  cairn_column_date (stmt, 7, &scr->notified_on);
  scr->decision = cairn_column_dup_text (stmt, 8);
  cairn_column_date (stmt, 9, &scr->decision_on);
  scr->stage = cairn_column_dup_text (stmt, 10);
  scr->lscb_chair = cairn_column_dup_text (stmt, 11);
  scr->panel_chair = cairn_column_dup_text (stmt, 12);
  scr->overview_author = cairn_column_dup_text (stmt, 13);
  scr->independence_statement = cairn_column_dup_text (stmt, 14);
  scr->parallel_processes = cairn_column_dup_text (stmt, 15);
  scr->family_involvement = cairn_column_dup_text (stmt, 16);
  cairn_column_date (stmt, 17, &scr->scope_from);
  cairn_column_date (stmt, 18, &scr->scope_to);
  cairn_column_date (stmt, 19, &scr->completed_on);
  cairn_column_date (stmt, 20, &scr->sent_to_ofsted_on);
  cairn_column_date (stmt, 21, &scr->published_on);
  cairn_scr_date_display_parse ("date_display", cairn_column_text (stmt, 22), &display, NULL);
  scr->date_display = display;
  scr->board_name = cairn_column_dup_text (stmt, 23);
  sqlite3_reset (stmt);

  if (!load_details (self, scr, error))
    return NULL;
  if (child_id != 0 && (!load_people (self, scr, child_id, error) ||
                        !load_events (self, scr, child_id, error)))
    return NULL;

  /* Panel members other than the three named officers appear by job title and
   * organisation only, so their names are identifiers too. */
  for (guint i = 0; i < scr->panel->len; i++)
    {
      CairnScrPanelMember *m = g_ptr_array_index (scr->panel, i);
      CairnScrPerson *p;

      if (cairn_scr_is_named_officer (scr, m->name))
        continue;
      p = cairn_scr_person_new (CAIRN_SCR_PERSON_PANEL);
      p->key = g_strdup_printf ("panel:%" G_GINT64_FORMAT, m->id);
      split_name (m->name, &p->given_name, &p->family_name);
      p->role = g_strdup (m->job_title);
      p->agency = g_strdup (m->organisation);
      g_ptr_array_add (scr->people, p);
    }
  return g_steal_pointer (&scr);
}

/* ---- Writing a review --------------------------------------------------- */

static gboolean
validate_scr (CairnScr  *scr,
              GError   **error)
{
  if (scr->year < 1990 || scr->year > 2100)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Year: %d is not a plausible year"),
                   scr->year);
      return FALSE;
    }
  if (scr->number < 0 || scr->number > 99)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Number: %d is not between 1 and 99"), scr->number);
      return FALSE;
    }
  if (!cairn_validate_max_length (_("Title"), scr->title, 200, error) ||
      !cairn_validate_text (_("Trigger"), scr->trigger_summary, error) ||
      !cairn_validate_max_length (_("LSCB Chair"), scr->lscb_chair, 200, error) ||
      !cairn_validate_max_length (_("SCR Panel Chair"), scr->panel_chair, 200, error) ||
      !cairn_validate_max_length (_("Overview author"), scr->overview_author, 200, error) ||
      !cairn_validate_text (_("Independence statement"), scr->independence_statement, error) ||
      !cairn_validate_text (_("Parallel processes"), scr->parallel_processes, error) ||
      !cairn_validate_text (_("Family involvement"), scr->family_involvement, error))
    return FALSE;
  for (int i = 0; i < CAIRN_SCR_N_SECTIONS; i++)
    if (!cairn_validate_text (cairn_scr_section_title (i), scr->sections[i], error))
      return FALSE;
  if (cairn_date_is_set (&scr->scope_from) && cairn_date_is_set (&scr->scope_to) &&
      g_date_compare (&scr->scope_from, &scr->scope_to) > 0)
    {
      g_autofree char *a = cairn_date_to_string (&scr->scope_from);
      g_autofree char *b = cairn_date_to_string (&scr->scope_to);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Scope from: %s is after the end of the scope (%s)"), a, b);
      return FALSE;
    }
  if (cairn_date_is_set (&scr->decision_on) && cairn_date_is_set (&scr->completed_on) &&
      g_date_compare (&scr->completed_on, &scr->decision_on) < 0)
    {
      g_autofree char *a = cairn_date_to_string (&scr->completed_on);
      g_autofree char *b = cairn_date_to_string (&scr->decision_on);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Completed on: %s is before the decision to hold the review (%s)"), a, b);
      return FALSE;
    }
  return TRUE;
}

static void
bind_scr_fields (sqlite3_stmt   *stmt,
                 const CairnScr *scr)
{
  /* ?4 … ?22 in the order of the INSERT and UPDATE below. */
  cairn_bind_text (stmt, 4, scr->title);
  cairn_bind_text_or_null (stmt, 5, scr->criterion);
  cairn_bind_text_or_null (stmt, 6, scr->trigger_summary);
  cairn_bind_date (stmt, 7, &scr->incident_on);
  cairn_bind_date (stmt, 8, &scr->notified_on);
  cairn_bind_text_or_null (stmt, 9, scr->decision);
  cairn_bind_date (stmt, 10, &scr->decision_on);
  cairn_bind_text (stmt, 11, cairn_str_empty (scr->stage) ? "considered" : scr->stage);
  cairn_bind_text_or_null (stmt, 12, scr->lscb_chair);
  cairn_bind_text_or_null (stmt, 13, scr->panel_chair);
  cairn_bind_text_or_null (stmt, 14, scr->overview_author);
  cairn_bind_text_or_null (stmt, 15, scr->independence_statement);
  cairn_bind_text_or_null (stmt, 16, scr->parallel_processes);
  cairn_bind_text_or_null (stmt, 17, scr->family_involvement);
  cairn_bind_date (stmt, 18, &scr->scope_from);
  cairn_bind_date (stmt, 19, &scr->scope_to);
  cairn_bind_date (stmt, 20, &scr->completed_on);
  cairn_bind_date (stmt, 21, &scr->sent_to_ofsted_on);
  cairn_bind_date (stmt, 22, &scr->published_on);
  cairn_bind_text (stmt, 23, cairn_scr_date_display_id (scr->date_display));
}

static gboolean
validate_panel_member (CairnScrPanelMember  *m,
                       GError              **error)
{
  return cairn_validate_required (_("Panel member name"), m->name, error) &&
         cairn_validate_max_length (_("Panel member name"), m->name, 200, error) &&
         cairn_validate_required (_("Job title"), m->job_title, error) &&
         cairn_validate_max_length (_("Job title"), m->job_title, 200, error) &&
         cairn_validate_required (_("Organisation"), m->organisation, error) &&
         cairn_validate_max_length (_("Organisation"), m->organisation, 200, error);
}

static gboolean
insert_panel_member (CairnStore           *self,
                     gint64                scr_id,
                     CairnScrPanelMember  *m,
                     GError              **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "INSERT INTO scr_panel_members (scr_id, name, job_title, organisation)"
          " VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  cairn_bind_text (stmt, 2, g_strstrip (m->name));
  cairn_bind_text (stmt, 3, m->job_title);
  cairn_bind_text (stmt, 4, m->organisation);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  m->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  return TRUE;
}

static gboolean
insert_action (CairnStore      *self,
               gint64           rec_id,
               CairnScrAction  *a,
               GError         **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "INSERT INTO scr_actions (recommendation_id, action, agencies, responsible, monitored_by,"
    " due_on, status, progress, completed_on, evaluation)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rec_id);
  cairn_bind_text (stmt, 2, a->action);
  cairn_bind_text (stmt, 3, a->agencies);
  cairn_bind_text (stmt, 4, a->responsible);
  cairn_bind_text (stmt, 5, a->monitored_by);
  cairn_bind_date (stmt, 6, &a->due_on);
  cairn_bind_text (stmt, 7, a->status);
  cairn_bind_text (stmt, 8, a->progress);
  cairn_bind_date (stmt, 9, &a->completed_on);
  cairn_bind_text (stmt, 10, a->evaluation);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  a->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));

  for (guint i = 0; i < a->history->len; i++)
    {
      CairnScrActionHistory *h = g_ptr_array_index (a->history, i);
      stmt = cairn_store_prepare (
        self, "INSERT INTO scr_action_history (action_id, as_of, status, progress)"
              " VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->id);
      cairn_bind_date (stmt, 2, &h->as_of);
      cairn_bind_text (stmt, 3, h->status);
      cairn_bind_text (stmt, 4, h->progress);
      if (!cairn_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_recommendation (CairnScrRecommendation  *rec,
                         GError                 **error)
{
  if (!cairn_validate_required (_("Recommendation"), rec->body, error))
    return FALSE;
  for (guint i = 0; i < rec->actions->len; i++)
    if (!cairn_scr_action_validate (g_ptr_array_index (rec->actions, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
insert_recommendation (CairnStore              *self,
                       gint64                   scr_id,
                       CairnScrRecommendation  *rec,
                       GError                 **error)
{
  sqlite3_stmt *stmt;

  if (rec->number <= 0)
    {
      stmt = cairn_store_prepare (
        self, "SELECT coalesce(max(number), 0) + 1 FROM scr_recommendations WHERE scr_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, scr_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        rec->number = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  stmt = cairn_store_prepare (
    self, "INSERT INTO scr_recommendations (scr_id, number, body, source) VALUES (?1, ?2, ?3, ?4)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  sqlite3_bind_int (stmt, 2, rec->number);
  cairn_bind_text (stmt, 3, rec->body);
  cairn_bind_text (stmt, 4, cairn_str_empty (rec->source) ? "overview" : rec->source);
  if (!step_or_exists (self, stmt,
                       g_strdup_printf (_("Recommendation: number %d is already used in this review"),
                                        rec->number),
                       error))
    return FALSE;
  rec->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  for (guint i = 0; i < rec->actions->len; i++)
    if (!insert_action (self, rec->id, g_ptr_array_index (rec->actions, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
write_section (CairnStore       *self,
               gint64            scr_id,
               CairnScrSection   section,
               const char       *body,
               GError          **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "INSERT INTO scr_sections (scr_id, section, body) VALUES (?1, ?2, ?3)"
          " ON CONFLICT (scr_id, section) DO UPDATE SET body = excluded.body", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  cairn_bind_text (stmt, 2, cairn_scr_section_id (section));
  cairn_bind_text (stmt, 3, body);
  return cairn_store_step_done (self, stmt, error);
}

/**
 * cairn_store_add_scr:
 *
 * Stores a new review with its narrative sections, panel members and
 * recommendations (with their actions) in one transaction. A review with
 * number 0 gets the next free number in its year; the numbers and ids are
 * written back into @scr. On failure the database is unchanged.
 */
gboolean
cairn_store_add_scr (CairnStore  *self,
                     CairnScr    *scr,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  if (!cairn_store_require (self, CAIRN_ACTION_EDIT_SCR, error) || !validate_scr (scr, error))
    return FALSE;
  for (guint i = 0; i < scr->panel->len; i++)
    if (!validate_panel_member (g_ptr_array_index (scr->panel, i), error))
      return FALSE;
  for (guint i = 0; i < scr->recommendations->len; i++)
    if (!validate_recommendation (g_ptr_array_index (scr->recommendations, i), error))
      return FALSE;
  if (scr->child_number > 0 && cairn_store_child_id (self, scr->child_number, error) == 0)
    return FALSE;

  if (!cairn_store_begin (self, error))
    return FALSE;
  if (scr->number == 0)
    {
      stmt = cairn_store_prepare (self, "SELECT coalesce(max(number), 0) + 1 FROM scrs WHERE year = ?",
                                  error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int (stmt, 1, scr->year);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        scr->number = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }

  stmt = cairn_store_prepare (
    self,
    "INSERT INTO scrs (year, number, child_id, title, criterion, trigger_summary, incident_on,"
    " notified_on, decision, decision_on, stage, lscb_chair, panel_chair, overview_author,"
    " independence_statement, parallel_processes, family_involvement, scope_from, scope_to,"
    " completed_on, sent_to_ofsted_on, published_on, date_display)"
    " VALUES (?1, ?2, (SELECT id FROM children WHERE number = ?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
    " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, scr->year);
  sqlite3_bind_int (stmt, 2, scr->number);
  sqlite3_bind_int64 (stmt, 3, scr->child_number);
  bind_scr_fields (stmt, scr);
  {
    g_autofree char *ref = scr_ref (scr->year, scr->number);
    if (!step_or_exists (self, stmt, g_strdup_printf (_("%s: the review already exists"), ref), error))
      goto fail;
  }
  scr->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));

  for (int i = 0; i < CAIRN_SCR_N_SECTIONS; i++)
    if (scr->sections[i] != NULL && !write_section (self, scr->id, i, scr->sections[i], error))
      goto fail;
  for (guint i = 0; i < scr->panel->len; i++)
    if (!insert_panel_member (self, scr->id, g_ptr_array_index (scr->panel, i), error))
      goto fail;
  for (guint i = 0; i < scr->recommendations->len; i++)
    if (!insert_recommendation (self, scr->id, g_ptr_array_index (scr->recommendations, i), error))
      goto fail;

  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

/* Updates the review's own fields (not its sections, panel or recommendations). */
gboolean
cairn_store_update_scr (CairnStore      *self,
                        const CairnScr  *scr,
                        GError         **error)
{
  sqlite3_stmt *stmt;

  if (!validate_scr ((CairnScr *) scr, error) ||
      !require_scr_id (self, CAIRN_ACTION_EDIT_SCR, scr->id, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self,
    "UPDATE scrs SET title = ?4, criterion = ?5, trigger_summary = ?6, incident_on = ?7,"
    " notified_on = ?8, decision = ?9, decision_on = ?10, stage = ?11, lscb_chair = ?12,"
    " panel_chair = ?13, overview_author = ?14, independence_statement = ?15,"
    " parallel_processes = ?16, family_involvement = ?17, scope_from = ?18, scope_to = ?19,"
    " completed_on = ?20, sent_to_ofsted_on = ?21, published_on = ?22, date_display = ?23"
    " WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr->id);
  bind_scr_fields (stmt, scr);
  return cairn_store_step_done (self, stmt, error);
}

gboolean
cairn_store_set_scr_section (CairnStore       *self,
                             gint64            scr_id,
                             CairnScrSection   section,
                             const char       *body,
                             GError          **error)
{
  g_return_val_if_fail (section < CAIRN_SCR_N_SECTIONS, FALSE);

  if (!cairn_validate_text (cairn_scr_section_title (section), body, error) ||
      !require_scr_id (self, CAIRN_ACTION_EDIT_SCR, scr_id, error))
    return FALSE;
  return write_section (self, scr_id, section, body ? body : "", error);
}

gboolean
cairn_store_set_scr_date_display (CairnStore           *self,
                                  gint64                scr_id,
                                  CairnScrDateDisplay   display,
                                  GError              **error)
{
  sqlite3_stmt *stmt;

  if (!require_scr_id (self, CAIRN_ACTION_EDIT_SCR, scr_id, error))
    return FALSE;
  stmt = cairn_store_prepare (self, "UPDATE scrs SET date_display = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  cairn_bind_text (stmt, 2, cairn_scr_date_display_id (display));
  return cairn_store_step_done (self, stmt, error);
}

gboolean
cairn_store_add_scr_panel_member (CairnStore           *self,
                                  gint64                scr_id,
                                  CairnScrPanelMember  *member,
                                  GError              **error)
{
  if (!validate_panel_member (member, error) ||
      !require_scr_id (self, CAIRN_ACTION_EDIT_SCR, scr_id, error))
    return FALSE;
  return insert_panel_member (self, scr_id, member, error);
}

gboolean
cairn_store_update_scr_panel_member (CairnStore                 *self,
                                     const CairnScrPanelMember  *member,
                                     GError                    **error)
{
  sqlite3_stmt *stmt;

  if (!validate_panel_member ((CairnScrPanelMember *) member, error) ||
      !require_scr_of (self, CAIRN_ACTION_EDIT_SCR, "SELECT scr_id FROM scr_panel_members WHERE id = ?",
                       member->id, _("Panel member"), error))
    return FALSE;
  stmt = cairn_store_prepare (
    self, "UPDATE scr_panel_members SET name = ?2, job_title = ?3, organisation = ?4 WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member->id);
  cairn_bind_text (stmt, 2, member->name);
  cairn_bind_text (stmt, 3, member->job_title);
  cairn_bind_text (stmt, 4, member->organisation);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (cairn_store_get_db (self)) == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                   _("Panel member: no member with id %" G_GINT64_FORMAT), member->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cairn_store_add_scr_imr (CairnStore   *self,
                         gint64        scr_id,
                         const char   *agency_code,
                         const char   *author,
                         const GDate  *received_on,
                         GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 agency_id;

  if (!cairn_validate_max_length (_("IMR author"), author, 200, error) ||
      !require_scr_id (self, CAIRN_ACTION_EDIT_SCR, scr_id, error))
    return FALSE;
  agency_id = agency_id_for_code (self, _("IMR agency"), agency_code, error);
  if (agency_id == 0)
    return FALSE;
  stmt = cairn_store_prepare (
    self, "INSERT INTO scr_imrs (scr_id, agency_id, author, received_on) VALUES (?1, ?2, ?3, ?4)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  sqlite3_bind_int64 (stmt, 2, agency_id);
  cairn_bind_text_or_null (stmt, 3, author);
  cairn_bind_date (stmt, 4, received_on);
  return cairn_store_step_done (self, stmt, error);
}

/* Adds a recommendation with its actions in one transaction; number 0 takes the next. */
gboolean
cairn_store_add_scr_recommendation (CairnStore              *self,
                                    gint64                   scr_id,
                                    CairnScrRecommendation  *rec,
                                    GError                 **error)
{
  if (!validate_recommendation (rec, error) ||
      !require_scr_id (self, CAIRN_ACTION_EDIT_SCR, scr_id, error) || !cairn_store_begin (self, error))
    return FALSE;
  if (!insert_recommendation (self, scr_id, rec, error))
    {
      cairn_store_rollback (self);
      return FALSE;
    }
  return cairn_store_commit (self, error);
}

gboolean
cairn_store_update_scr_recommendation (CairnStore                    *self,
                                       const CairnScrRecommendation  *rec,
                                       GError                       **error)
{
  sqlite3_stmt *stmt;

  if (!cairn_validate_required (_("Recommendation"), rec->body, error) ||
      !require_scr_of (self, CAIRN_ACTION_EDIT_SCR, "SELECT scr_id FROM scr_recommendations WHERE id = ?",
                       rec->id, _("Recommendation"), error))
    return FALSE;
  stmt = cairn_store_prepare (
    self, "UPDATE scr_recommendations SET body = ?2, source = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rec->id);
  cairn_bind_text (stmt, 2, rec->body);
  cairn_bind_text (stmt, 3, cairn_str_empty (rec->source) ? "overview" : rec->source);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (cairn_store_get_db (self)) == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                   _("Recommendation: no recommendation with id %" G_GINT64_FORMAT), rec->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cairn_store_add_scr_action (CairnStore      *self,
                            gint64           recommendation_id,
                            CairnScrAction  *action,
                            GError         **error)
{
  if (!cairn_scr_action_validate (action, error) ||
      !require_scr_of (self, CAIRN_ACTION_EDIT_SCR, "SELECT scr_id FROM scr_recommendations WHERE id = ?",
                       recommendation_id, _("Recommendation"), error))
    return FALSE;
  if (!cairn_store_begin (self, error))
    return FALSE;
  if (!insert_action (self, recommendation_id, action, error))
    {
      cairn_store_rollback (self);
      return FALSE;
    }
  return cairn_store_commit (self, error);
}

/**
 * cairn_store_update_scr_action:
 * @as_of: (nullable): the date the new status and progress were reported
 *
 * Updates an action; with @as_of, also records its status and progress as
 * they stood on that date (the annual report reads the status at 31 March).
 * A later update on the same date replaces that date's entry, so the
 * history holds one entry a day however often the panel saves. One
 * transaction.
 */
gboolean
cairn_store_update_scr_action (CairnStore      *self,
                               CairnScrAction  *action,
                               const GDate     *as_of,
                               GError         **error)
{
  sqlite3_stmt *stmt;

  if (!cairn_scr_action_validate (action, error) ||
      !require_scr_of (self, CAIRN_ACTION_EDIT_SCR,
                       "SELECT r.scr_id FROM scr_actions a"
                       " JOIN scr_recommendations r ON r.id = a.recommendation_id WHERE a.id = ?",
                       action->id, _("Action"), error) ||
      !cairn_store_begin (self, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self,
    "UPDATE scr_actions SET action = ?2, agencies = ?3, responsible = ?4, monitored_by = ?5,"
    " due_on = ?6, status = ?7, progress = ?8, completed_on = ?9, evaluation = ?10 WHERE id = ?1",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, action->id);
  cairn_bind_text (stmt, 2, action->action);
  cairn_bind_text (stmt, 3, action->agencies);
  cairn_bind_text (stmt, 4, action->responsible);
  cairn_bind_text (stmt, 5, action->monitored_by);
  cairn_bind_date (stmt, 6, &action->due_on);
  cairn_bind_text (stmt, 7, action->status);
  cairn_bind_text (stmt, 8, action->progress);
  cairn_bind_date (stmt, 9, &action->completed_on);
  cairn_bind_text (stmt, 10, action->evaluation);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (cairn_store_get_db (self)) == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                   _("Action: no action with id %" G_GINT64_FORMAT), action->id);
      goto fail;
    }
  if (as_of != NULL && cairn_date_is_set (as_of))
    {
      stmt = cairn_store_prepare (
        self, "DELETE FROM scr_action_history WHERE action_id = ?1 AND as_of = ?2", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, action->id);
      cairn_bind_date (stmt, 2, as_of);
      if (!cairn_store_step_done (self, stmt, error))
        goto fail;
      stmt = cairn_store_prepare (
        self, "INSERT INTO scr_action_history (action_id, as_of, status, progress)"
              " VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, action->id);
      cairn_bind_date (stmt, 2, as_of);
      cairn_bind_text (stmt, 3, action->status);
      cairn_bind_text (stmt, 4, action->progress);
      if (!cairn_store_step_done (self, stmt, error))
        goto fail;
    }
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

/**
 * cairn_store_set_scr_pseudonym:
 * @pseudonym: (nullable): the panel's pseudonym, or %NULL to go back to the default
 *
 * Records the panel's adjustment to the pseudonym of one person linked to
 * the case. The anonymiser refuses a pseudonym that holds an identifier
 * (cairn_anonymiser_check_pseudonym()); this refuses an empty one or one
 * already used in the review.
 */
gboolean
cairn_store_set_scr_pseudonym (CairnStore  *self,
                               gint64       scr_id,
                               const char  *subject_key,
                               const char  *pseudonym,
                               GError     **error)
{
  g_autofree char *value = pseudonym ? g_strstrip (g_strdup (pseudonym)) : NULL;
  sqlite3_stmt *stmt;

  if (!cairn_validate_required (_("Subject"), subject_key, error) ||
      !require_scr_id (self, CAIRN_ACTION_EDIT_SCR, scr_id, error))
    return FALSE;
  if (value == NULL)
    {
      stmt = cairn_store_prepare (
        self, "DELETE FROM scr_pseudonyms WHERE scr_id = ?1 AND subject_key = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, scr_id);
      cairn_bind_text (stmt, 2, subject_key);
      return cairn_store_step_done (self, stmt, error);
    }
  if (!cairn_validate_required (_("Pseudonym"), value, error) ||
      !cairn_validate_max_length (_("Pseudonym"), value, MAX_PSEUDONYM_CHARS, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self, "INSERT INTO scr_pseudonyms (scr_id, subject_key, pseudonym) VALUES (?1, ?2, ?3)"
          " ON CONFLICT (scr_id, subject_key) DO UPDATE SET pseudonym = excluded.pseudonym",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  cairn_bind_text (stmt, 2, subject_key);
  cairn_bind_text (stmt, 3, value);
  return step_or_exists (self, stmt,
                         g_strdup_printf (_("Pseudonym: \"%s\" is already used in this review"), value),
                         error);
}

/**
 * cairn_store_release_scr_word:
 * @word: one word the leak check found, as it appears
 * @panel_member_id: the panel member who releases it
 * @reason: why the word does not identify anyone (required)
 *
 * Records that a named panel member released one word as a false positive
 * of the publication check. Only a member of this review's panel may, one
 * word at a time, with a reason.
 */
gboolean
cairn_store_release_scr_word (CairnStore   *self,
                              gint64        scr_id,
                              const char   *word,
                              gint64        panel_member_id,
                              const char   *reason,
                              const GDate  *released_on,
                              GError      **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (word ? word : ""));
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  gboolean member;

  if (!cairn_validate_required (_("Word"), trimmed, error) ||
      !cairn_validate_max_length (_("Word"), trimmed, 100, error))
    return FALSE;
  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      {
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                     _("Word: \"%s\" is more than one word; release each word on its own"), trimmed);
        return FALSE;
      }
  if (!cairn_validate_required (_("Reason"), reason, error) ||
      !cairn_validate_text (_("Reason"), reason, error))
    return FALSE;
  if (released_on == NULL || !cairn_date_is_set (released_on))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Released on: a date is required"));
      return FALSE;
    }
  /* Releasing a word lets a summary through the publication check. */
  if (!require_scr_id (self, CAIRN_ACTION_PUBLISH_SCR, scr_id, error))
    return FALSE;

  stmt = cairn_store_prepare (self, "SELECT 1 FROM scr_panel_members WHERE id = ?1 AND scr_id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, panel_member_id);
  sqlite3_bind_int64 (stmt, 2, scr_id);
  member = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!member)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED,
                   _("Released by: panel member %" G_GINT64_FORMAT " is not on this review's panel"),
                   panel_member_id);
      return FALSE;
    }

  normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_ALL_COMPOSE);
  folded = g_utf8_casefold (normal, -1);
  stmt = cairn_store_prepare (
    self, "INSERT INTO scr_releases (scr_id, word, panel_member_id, reason, released_on)"
          " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  cairn_bind_text (stmt, 2, folded);
  sqlite3_bind_int64 (stmt, 3, panel_member_id);
  cairn_bind_text (stmt, 4, reason);
  cairn_bind_date (stmt, 5, released_on);
  return step_or_exists (self, stmt,
                         g_strdup_printf (_("Word: \"%s\" has already been released for this review"),
                                          trimmed),
                         error);
}

int
cairn_store_next_scr_version (CairnStore  *self,
                              gint64       scr_id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  int next = 0;

  if (!require_scr_id (self, CAIRN_ACTION_VIEW_SCR_DRAFT, scr_id, error))
    return 0;
  stmt = cairn_store_prepare (
    self, "SELECT coalesce(max(version), 0) + 1 FROM scr_versions WHERE scr_id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return next;
}

/* Records one export; version 0 takes the next number (written back). */
gboolean
cairn_store_add_scr_version (CairnStore       *self,
                             gint64            scr_id,
                             CairnScrVersion  *version,
                             GError          **error)
{
  sqlite3_stmt *stmt;

  if (version->sha256 == NULL || strlen (version->sha256) != 64)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("SHA-256: \"%s\" is not a SHA-256 digest"), version->sha256 ? version->sha256 : "");
      return FALSE;
    }
  if (!cairn_date_is_set (&version->created_on))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Created on: a date is required"));
      return FALSE;
    }
  /* A draft is for whoever may read drafts; a publishable version for who may sign off. */
  if (!require_scr_id (self, version->publishable ? CAIRN_ACTION_PUBLISH_SCR : CAIRN_ACTION_VIEW_SCR_DRAFT,
                       scr_id, error))
    return FALSE;
  if (version->version <= 0 && (version->version = cairn_store_next_scr_version (self, scr_id, error)) == 0)
    return FALSE;
  stmt = cairn_store_prepare (
    self,
    "INSERT INTO scr_versions (scr_id, version, created_on, publishable, file_name, sha256, n_pages)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  sqlite3_bind_int (stmt, 2, version->version);
  cairn_bind_date (stmt, 3, &version->created_on);
  sqlite3_bind_int (stmt, 4, version->publishable ? 1 : 0);
  cairn_bind_text (stmt, 5, version->file_name);
  cairn_bind_text (stmt, 6, version->sha256);
  sqlite3_bind_int (stmt, 7, version->n_pages);
  if (!step_or_exists (self, stmt,
                       g_strdup_printf (_("Version: %d already exists for this review"),
                                        version->version),
                       error))
    return FALSE;
  version->id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  return TRUE;
}

typedef struct
{
  gboolean found;
  gboolean publishable;
  gboolean signed_off;
} VersionState;

static gboolean
version_state (CairnStore    *self,
               gint64         scr_id,
               int            version,
               VersionState  *state,
               GError       **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT publishable, signed_off_on IS NOT NULL FROM scr_versions"
          " WHERE scr_id = ?1 AND version = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  sqlite3_bind_int (stmt, 2, version);
  state->found = sqlite3_step (stmt) == SQLITE_ROW;
  if (state->found)
    {
      state->publishable = sqlite3_column_int (stmt, 0);
      state->signed_off = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!state->found)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("Version: %d does not exist"), version);
  return state->found;
}

/* The panel signs off one version; a version is signed off once. */
gboolean
cairn_store_sign_off_scr_version (CairnStore   *self,
                                  gint64        scr_id,
                                  int           version,
                                  const char   *signed_off_by,
                                  const GDate  *signed_off_on,
                                  GError      **error)
{
  VersionState state;
  sqlite3_stmt *stmt;

  if (!cairn_validate_required (_("Signed off by"), signed_off_by, error) ||
      !cairn_validate_max_length (_("Signed off by"), signed_off_by, 200, error))
    return FALSE;
  if (signed_off_on == NULL || !cairn_date_is_set (signed_off_on))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Signed off on: a date is required"));
      return FALSE;
    }
  if (!require_scr_id (self, CAIRN_ACTION_PUBLISH_SCR, scr_id, error) ||
      !version_state (self, scr_id, version, &state, error))
    return FALSE;
  if (state.signed_off)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Version: %d has already been signed off"), version);
      return FALSE;
    }
  stmt = cairn_store_prepare (
    self, "UPDATE scr_versions SET signed_off_by = ?3, signed_off_on = ?4"
          " WHERE scr_id = ?1 AND version = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  sqlite3_bind_int (stmt, 2, version);
  cairn_bind_text (stmt, 3, signed_off_by);
  cairn_bind_date (stmt, 4, signed_off_on);
  return cairn_store_step_done (self, stmt, error);
}

static gboolean
record_version_date (CairnStore   *self,
                     gint64        scr_id,
                     int           version,
                     const GDate  *on,
                     gboolean      published,
                     GError      **error)
{
  VersionState state;
  sqlite3_stmt *stmt;

  if (on == NULL || !cairn_date_is_set (on))
    {
      g_set_error_literal (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                           published ? _("Published on: a date is required")
                                     : _("Sent to Ofsted on: a date is required"));
      return FALSE;
    }
  if (!require_scr_id (self, CAIRN_ACTION_PUBLISH_SCR, scr_id, error) ||
      !version_state (self, scr_id, version, &state, error))
    return FALSE;
  if (published && !state.publishable)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_PUBLICATION_REFUSED,
                   _("Version: %d did not pass the publication check and cannot be published"),
                   version);
      return FALSE;
    }
  if (!state.signed_off)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Version: %d has not been signed off by the panel"), version);
      return FALSE;
    }
  if (!cairn_store_begin (self, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self, published ? "UPDATE scr_versions SET published_on = ?3 WHERE scr_id = ?1 AND version = ?2"
                    : "UPDATE scr_versions SET sent_to_ofsted_on = ?3 WHERE scr_id = ?1 AND version = ?2",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  sqlite3_bind_int (stmt, 2, version);
  cairn_bind_date (stmt, 3, on);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  /* The review's own dates are those of the first version that went. */
  stmt = cairn_store_prepare (
    self, published ? "UPDATE scrs SET published_on = coalesce(published_on, ?2) WHERE id = ?1"
                    : "UPDATE scrs SET sent_to_ofsted_on = coalesce(sent_to_ofsted_on, ?2) WHERE id = ?1",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, scr_id);
  cairn_bind_date (stmt, 2, on);
  if (!cairn_store_step_done (self, stmt, error))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

gboolean
cairn_store_record_scr_version_sent_to_ofsted (CairnStore   *self,
                                               gint64        scr_id,
                                               int           version,
                                               const GDate  *sent_on,
                                               GError      **error)
{
  return record_version_date (self, scr_id, version, sent_on, FALSE, error);
}

/* Only a signed-off version that passed the publication check can be published. */
gboolean
cairn_store_record_scr_version_published (CairnStore   *self,
                                          gint64        scr_id,
                                          int           version,
                                          const GDate  *published_on,
                                          GError      **error)
{
  return record_version_date (self, scr_id, version, published_on, TRUE, error);
}

/* ---- People around a child ---------------------------------------------- */

/* Makes the professional @name of @agency_code (who must be stored) the case's lead worker. */
gboolean
cairn_store_set_case_lead_worker (CairnStore  *self,
                                  gint64       child_number,
                                  int          case_number,
                                  const char  *name,
                                  const char  *agency_code,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 professional = 0;

  if (!cairn_store_require_case (self, CAIRN_ACTION_EDIT_CASE, child_number, case_number, error) ||
      !cairn_store_find_professional (self, name, agency_code, &professional, error))
    return FALSE;
  if (professional == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                   _("Lead worker: \"%s\" of %s is not a known professional"), name ? name : "",
                   agency_code ? agency_code : "");
      return FALSE;
    }
  stmt = cairn_store_prepare (
    self,
    "UPDATE cases SET lead_worker_id = ?3 WHERE number = ?2"
    " AND child_id = (SELECT id FROM children WHERE number = ?1)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, child_number);
  sqlite3_bind_int (stmt, 2, case_number);
  sqlite3_bind_int64 (stmt, 3, professional);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (cairn_store_get_db (self)) == 0)
    {
      g_autofree char *ref = cairn_case_ref_format (child_number, case_number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such case"), ref);
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_store_add_relative:
 *
 * Links an adult (or a sibling not on the board's records) to a child, as
 * @relationship (%CAIRN_CODES_RELATIONSHIP). The person is matched as
 * cairn_store_ensure_person() does, so a parent of two children is stored
 * once. One transaction.
 */
gboolean
cairn_store_add_relative (CairnStore   *self,
                          gint64        child_number,
                          CairnPerson  *person,
                          const char   *relationship,
                          gboolean      lives_with_child,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 child_id, person_id = 0;

  if (!cairn_store_require_case (self, CAIRN_ACTION_EDIT_CASE, child_number, 0, error) ||
      !cairn_codes_check (CAIRN_CODES_RELATIONSHIP, _("Relationship"), relationship, error))
    return FALSE;
  child_id = cairn_store_child_id (self, child_number, error);
  if (child_id == 0 || !cairn_store_begin (self, error))
    return FALSE;
  if (!cairn_store_ensure_person (self, person, &person_id, NULL, error))
    goto fail;
  stmt = cairn_store_prepare (
    self, "INSERT INTO relationships (child_id, person_id, relationship, lives_with_child)"
          " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  cairn_bind_text (stmt, 3, relationship);
  sqlite3_bind_int (stmt, 4, lives_with_child ? 1 : 0);
  if (!step_or_exists (self, stmt,
                       g_strdup_printf (_("Relative: %s %s is already linked to this child"),
                                        person->given_name ? person->given_name : "",
                                        person->family_name ? person->family_name : ""),
                       error))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

/* Links two children on the board's records (siblings, by default). */
gboolean
cairn_store_add_child_link (CairnStore  *self,
                            gint64       child_number,
                            gint64       other_child_number,
                            const char  *relationship,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 a, b;

  if (child_number == other_child_number)
    {
      g_autofree char *ref = cairn_child_ref_format (child_number);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Linked child: %s is the same child"),
                   ref);
      return FALSE;
    }
  if (!cairn_store_require_case (self, CAIRN_ACTION_EDIT_CASE, child_number, 0, error) ||
      (a = cairn_store_child_id (self, child_number, error)) == 0 ||
      (b = cairn_store_child_id (self, other_child_number, error)) == 0)
    return FALSE;
  stmt = cairn_store_prepare (
    self, "INSERT INTO child_links (child_id, other_child_id, relationship) VALUES (?1, ?2, ?3)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  cairn_bind_text (stmt, 3, cairn_str_empty (relationship) ? "sibling" : relationship);
  return cairn_store_step_done (self, stmt, error);
}
