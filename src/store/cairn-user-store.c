/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-user-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-audit-store.h"
#include "cairn-error.h"
#include "cairn-password.h"
#include "cairn-ref.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

/*
 * Accounts and permissions.
 *
 * A database with no accounts is in its first-run state: anything may be
 * done, as when Cairn creates a new board, and the first account made must
 * be a chair's. Once an account exists, every reading or changing function
 * of the library calls cairn_store_require*() first, so the command line
 * obeys the same rules as the app.
 */

gint64
cairn_store_count_users (CairnStore *self)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "SELECT count(*) FROM users WHERE disabled = 0", NULL);
  gint64 n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

static gboolean
validate_user (CairnStore  *self,
               const char  *name,
               CairnRole    role,
               const char  *team,
               GError     **error)
{
  if (!cairn_validate_required (_("User name"), name, error) ||
      !cairn_validate_max_length (_("User name"), name, 64, error))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      {
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                     _("User name: \"%s\" may hold only letters, digits, '.', '-' and '_'"), name);
        return FALSE;
      }
  if (role == CAIRN_ROLE_PRACTITIONER && cairn_str_empty (team))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Team: a practitioner's account needs a team"));
      return FALSE;
    }
  if (cairn_store_count_users (self) == 0 && role != CAIRN_ROLE_CHAIR)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Role: the first account must be the LSCB chair's, not a %s's"),
                   cairn_role_label (role));
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_store_add_user_hashed:
 * @password_hash: an Argon2id hash from cairn_password_hash()
 *
 * Adds an account. Needs the right to manage accounts, except for the
 * first account of a new board, which must be a chair's.
 */
gboolean
cairn_store_add_user_hashed (CairnStore  *self,
                             const char  *name,
                             const char  *display_name,
                             CairnRole    role,
                             const char  *team,
                             const char  *password_hash,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *details = NULL;

  if (!cairn_store_require (self, CAIRN_ACTION_MANAGE_USERS, error) ||
      !validate_user (self, name, role, team, error))
    return FALSE;
  if (!cairn_store_begin (self, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self,
    "INSERT INTO users (name, display_name, role, team, password_hash) VALUES (?1, ?2, ?3, ?4, ?5)",
    error);
  if (stmt == NULL)
    goto fail;
  cairn_bind_text (stmt, 1, name);
  cairn_bind_text (stmt, 2, display_name ? display_name : name);
  cairn_bind_text (stmt, 3, cairn_role_to_string (role));
  cairn_bind_text (stmt, 4, team);
  cairn_bind_text (stmt, 5, password_hash);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (cairn_store_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS, _("User name: \"%s\" is already taken"),
                     name);
      else
        cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  details = g_strdup_printf ("{\"role\": \"%s\", \"team\": \"%s\"}", cairn_role_to_string (role),
                             team ? team : "");
  if (!cairn_store_audit_record (self, "user_added", "users", name, 0, details, error))
    goto fail;
  return cairn_store_commit (self, error);

fail:
  cairn_store_rollback (self);
  return FALSE;
}

gboolean
cairn_store_add_user (CairnStore  *self,
                      const char  *name,
                      const char  *display_name,
                      CairnRole    role,
                      const char  *team,
                      const char  *password,
                      GError     **error)
{
  g_autofree char *hash = NULL;

  if (!cairn_store_require (self, CAIRN_ACTION_MANAGE_USERS, error) ||
      !validate_user (self, name, role, team, error) ||
      !cairn_password_check_strength (password, error))
    return FALSE;
  hash = cairn_password_hash (password, error);
  if (hash == NULL)
    return FALSE;
  return cairn_store_add_user_hashed (self, name, display_name, role, team, hash, error);
}

/* Sets a password: one's own, or anyone's with the right to manage accounts. */
gboolean
cairn_store_set_password (CairnStore  *self,
                          const char  *name,
                          const char  *password,
                          GError     **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  if (g_strcmp0 (name, cairn_store_get_user_name (self)) != 0 &&
      !cairn_store_require (self, CAIRN_ACTION_MANAGE_USERS, error))
    return FALSE;
  if (!cairn_password_check_strength (password, error) ||
      (hash = cairn_password_hash (password, error)) == NULL)
    return FALSE;
  stmt = cairn_store_prepare (
    self, "UPDATE users SET password_hash = ?2, failed_attempts = 0, locked_until = NULL WHERE name = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, name);
  cairn_bind_text (stmt, 2, hash);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (cairn_store_get_db (self)) == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("User name: \"%s\" has no account"), name);
      return FALSE;
    }
  return cairn_store_audit_record (self, "password_changed", "users", name, 0, NULL, error);
}

static char *
format_time (gint64 usec)
{
  g_autoptr (GDateTime) t = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

static gint64
parse_time (const char *text)
{
  g_autoptr (GDateTime) t = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return t ? g_date_time_to_unix (t) * G_USEC_PER_SEC : 0;
}

static gint64
lock_seconds (int failures)
{
  gint64 seconds = CAIRN_LOCK_FIRST_SECONDS;

  if (failures < CAIRN_LOCK_AFTER_FAILURES)
    return 0;
  for (int i = CAIRN_LOCK_AFTER_FAILURES; i < failures && seconds < CAIRN_LOCK_MAX_SECONDS; i++)
    seconds *= 2;
  return MIN (seconds, CAIRN_LOCK_MAX_SECONDS);
}

/**
 * cairn_store_login:
 *
 * Signs a user in. After %CAIRN_LOCK_AFTER_FAILURES failures in a row the
 * account is locked for a delay that doubles with each further failure;
 * while locked, even the right password is refused. Every attempt is
 * written to the audit trail; the password never is.
 */
gboolean
cairn_store_login (CairnStore  *self,
                   const char  *name,
                   const char  *password,
                   GError     **error)
{
  CairnStoreSession *session = cairn_store_get_session (self);
  sqlite3_stmt *stmt;
  gint64 id = 0, now = cairn_store_now (self), locked_until = 0;
  g_autofree char *hash = NULL, *display = NULL, *role = NULL, *team = NULL;
  int failures = 0;
  gboolean disabled = FALSE;
  CairnRole parsed_role;

  cairn_store_logout (self);
  stmt = cairn_store_prepare (
    self,
    "SELECT id, password_hash, display_name, role, team, failed_attempts, locked_until, disabled"
    " FROM users WHERE name = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      hash = cairn_column_dup_text (stmt, 1);
      display = cairn_column_dup_text (stmt, 2);
      role = cairn_column_dup_text (stmt, 3);
      team = cairn_column_dup_text (stmt, 4);
      failures = sqlite3_column_int (stmt, 5);
      locked_until = parse_time (cairn_column_text (stmt, 6));
      disabled = sqlite3_column_int (stmt, 7);
    }
  sqlite3_reset (stmt);

  if (id == 0 || disabled)
    {
      /* Spend the same effort as a real check, and say nothing about which part was wrong. */
      cairn_password_verify ("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                             "ZmFrZWZha2VmYWtlZmFrZWZha2VmYWtlZmFrZWZha2U",
                             password ? password : "");
      cairn_store_audit_record (self, "login_failed", "users", name, 0, "{\"reason\": \"unknown\"}", NULL);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED,
                   _("login: the user name or password is wrong"));
      return FALSE;
    }

  if (locked_until > now)
    {
      g_autofree char *until = format_time (locked_until);
      cairn_store_audit_record (self, "login_refused", "users", name, 0, "{\"reason\": \"locked\"}", NULL);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED,
                   _("login: the account %s is locked until %s after %d failed attempts"), name,
                   until, failures);
      return FALSE;
    }

  if (!cairn_password_verify (hash, password))
    {
      gint64 delay;
      g_autofree char *until = NULL;
      g_autofree char *details = NULL;

      failures++;
      delay = lock_seconds (failures);
      until = delay > 0 ? format_time (now + delay * G_USEC_PER_SEC) : NULL;
      stmt = cairn_store_prepare (self, "UPDATE users SET failed_attempts = ?2, locked_until = ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, failures);
      cairn_bind_text_or_null (stmt, 3, until);
      cairn_store_step_done (self, stmt, NULL);
      details = g_strdup_printf ("{\"failures\": %d%s%s%s}", failures, until ? ", \"locked_until\": \"" : "",
                                 until ? until : "", until ? "\"" : "");
      cairn_store_audit_record (self, "login_failed", "users", name, 0, details, NULL);
      if (until != NULL)
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED,
                     _("login: the user name or password is wrong; the account %s is locked until "
                       "%s"),
                     name, until);
      else
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED,
                     _("login: the user name or password is wrong"));
      return FALSE;
    }

  if (!cairn_role_from_string (role, &parsed_role, error))
    return FALSE;
  session->id = id;
  session->name = g_strdup (name);
  session->display_name = g_strdup (display);
  session->role = parsed_role;
  session->team = g_strdup (team);

  if (failures > 0 || locked_until != 0)
    {
      stmt = cairn_store_prepare (self, "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      cairn_store_step_done (self, stmt, NULL);
    }
  return cairn_store_audit_record (self, "login", "users", name, 0, NULL, error);
}

void
cairn_store_logout (CairnStore *self)
{
  cairn_store_session_clear (cairn_store_get_session (self));
}

gboolean
cairn_store_is_signed_in (CairnStore *self)
{
  return cairn_store_get_session (self)->id != 0;
}

const char *
cairn_store_get_user_name (CairnStore *self)
{
  return cairn_store_get_session (self)->name;
}

const char *
cairn_store_get_user_display_name (CairnStore *self)
{
  return cairn_store_get_session (self)->display_name;
}

CairnRole
cairn_store_get_user_role (CairnStore *self)
{
  return cairn_store_get_session (self)->role;
}

const char *
cairn_store_get_user_team (CairnStore *self)
{
  return cairn_store_get_session (self)->team;
}

static gboolean
refuse (CairnStore  *self,
        CairnAction  action,
        const char  *what,
        GError     **error)
{
  CairnStoreSession *session = cairn_store_get_session (self);

  if (session->id == 0)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED,
                 _("%s: sign in first (--user NAME); this board's records need a login"),
                 cairn_action_label (action));
  else
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED, _("%s: %s (%s) may not %s%s"),
                 cairn_action_label (action), session->name, cairn_role_label (session->role),
                 cairn_action_label (action), what ? what : "");
  return FALSE;
}

/* Nobody has an account yet: the board is being set up. */
static gboolean
first_run (CairnStore *self)
{
  return cairn_store_count_users (self) == 0;
}

/**
 * cairn_store_require:
 *
 * Checks that the signed-in user's role allows @action everywhere (for
 * actions whose scope is a team or a panel use cairn_store_require_case()
 * or cairn_store_require_scr()). Sets a %CAIRN_ERROR_NOT_ALLOWED error
 * naming the role and the action otherwise.
 */
gboolean
cairn_store_require (CairnStore   *self,
                     CairnAction   action,
                     GError      **error)
{
  CairnStoreSession *session = cairn_store_get_session (self);

  if (session->id == 0)
    return first_run (self) || refuse (self, action, NULL, error);
  if (cairn_role_scope (session->role, action) == CAIRN_SCOPE_ALL)
    return TRUE;
  return refuse (self, action, NULL, error);
}

/**
 * cairn_store_require_case:
 *
 * As cairn_store_require(), for an action on one case: a practitioner
 * may change only their own team's cases.
 */
gboolean
cairn_store_require_case (CairnStore   *self,
                          CairnAction   action,
                          gint64        child_number,
                          int           case_number,
                          GError      **error)
{
  CairnStoreSession *session = cairn_store_get_session (self);
  CairnScope scope;
  sqlite3_stmt *stmt;
  g_autofree char *team = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *what = NULL;

  if (session->id == 0)
    return first_run (self) || refuse (self, action, NULL, error);
  scope = cairn_role_scope (session->role, action);
  if (scope == CAIRN_SCOPE_ALL)
    return TRUE;
  ref = case_number > 0 ? cairn_case_ref_format (child_number, case_number)
                        : cairn_child_ref_format (child_number);
  if (scope == CAIRN_SCOPE_OWN)
    {
      stmt = cairn_store_prepare (
        self,
        "SELECT cases.team FROM cases JOIN children ON children.id = cases.child_id"
        " WHERE children.number = ?1 AND (?2 = 0 OR cases.number = ?2)"
        " ORDER BY cases.number DESC LIMIT 1",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, child_number);
      sqlite3_bind_int (stmt, 2, case_number);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        team = cairn_column_dup_text (stmt, 0);
      sqlite3_reset (stmt);
      if (team != NULL && g_strcmp0 (team, session->team) == 0)
        return TRUE;
      what = g_strdup_printf (_(" %s: it belongs to team %s, not %s"), ref,
                              team && *team ? team : _("(none)"), session->team);
      return refuse (self, action, what, error);
    }
  what = g_strdup_printf (" %s", ref);
  return refuse (self, action, what, error);
}

/**
 * cairn_store_require_scr:
 *
 * As cairn_store_require(), for an action on one serious case review:
 * panel members may read and change only their own review's drafts.
 */
gboolean
cairn_store_require_scr (CairnStore   *self,
                         CairnAction   action,
                         int           year,
                         int           number,
                         GError      **error)
{
  CairnStoreSession *session = cairn_store_get_session (self);
  CairnScope scope;
  sqlite3_stmt *stmt;
  gboolean member = FALSE;
  g_autofree char *what = NULL;
  CairnRef ref = { CAIRN_REF_SCR, number, year, 0 };
  g_autofree char *ref_text = cairn_ref_format (&ref);

  if (session->id == 0)
    return first_run (self) || refuse (self, action, NULL, error);
  scope = cairn_role_scope (session->role, action);
  if (scope == CAIRN_SCOPE_ALL)
    return TRUE;
  if (scope == CAIRN_SCOPE_OWN)
    {
      stmt = cairn_store_prepare (
        self,
        "SELECT 1 FROM scr_access JOIN scrs ON scrs.id = scr_access.scr_id"
        " WHERE scrs.year = ?1 AND scrs.number = ?2 AND scr_access.user_id = ?3",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, year);
      sqlite3_bind_int (stmt, 2, number);
      sqlite3_bind_int64 (stmt, 3, session->id);
      member = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (member)
        return TRUE;
      what = g_strdup_printf (_(" %s: they are not on its panel"), ref_text);
      return refuse (self, action, what, error);
    }
  what = g_strdup_printf (" %s", ref_text);
  return refuse (self, action, what, error);
}

/* Puts a user on an SCR's panel, so that they can read and change its drafts. */
gboolean
cairn_store_grant_scr_access (CairnStore  *self,
                              int          year,
                              int          number,
                              const char  *user_name,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!cairn_store_require (self, CAIRN_ACTION_MANAGE_USERS, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self,
    "INSERT OR IGNORE INTO scr_access (scr_id, user_id)"
    " SELECT scrs.id, users.id FROM scrs, users"
    " WHERE scrs.year = ?1 AND scrs.number = ?2 AND users.name = ?3",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, number);
  cairn_bind_text (stmt, 3, user_name);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (cairn_store_get_db (self)) == 0)
    {
      CairnRef ref = { CAIRN_REF_SCR, number, year, 0 };
      g_autofree char *ref_text = cairn_ref_format (&ref);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                   _("%s: no such review, or no account named \"%s\""), ref_text, user_name);
      return FALSE;
    }
  return TRUE;
}

/* The most common team among the board's cases, for the demo practitioner. */
static char *
busiest_team (CairnStore *self)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT team FROM cases WHERE team <> '' GROUP BY team ORDER BY count(*) DESC, team LIMIT 1",
    NULL);
  char *team = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    team = cairn_column_dup_text (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return team ? team : g_strdup ("Children's Social Care");
}

/**
 * cairn_store_add_demo_accounts:
 *
 * Adds one account for each role to a demo database, all with the
 * password %CAIRN_DEMO_PASSWORD (documented in README.md), and marks the
 * database as a demo so that the app signs in as the demo chair. The salts
 * come from the user names, so the demo database is the same on every
 * run; real accounts always get a random salt. The demo panel member sits
 * on the first SCR's panel.
 */
gboolean
cairn_store_add_demo_accounts (CairnStore  *self,
                               GError     **error)
{
  static const struct
  {
    const char *name;
    const char *display_name;
    CairnRole role;
  } accounts[] = {
    { CAIRN_DEMO_CHAIR, "Demo LSCB Chair", CAIRN_ROLE_CHAIR },
    { "demo-manager", "Demo Business Manager", CAIRN_ROLE_BUSINESS_MANAGER },
    { "demo-conference-chair", "Demo Conference Chair", CAIRN_ROLE_CONFERENCE_CHAIR },
    { "demo-panel", "Demo SCR Panel Member", CAIRN_ROLE_SCR_PANEL },
    { "demo-practitioner", "Demo Practitioner", CAIRN_ROLE_PRACTITIONER },
    { "demo-auditor", "Demo Auditor", CAIRN_ROLE_AUDITOR },
  };
  g_autofree char *team = busiest_team (self);
  sqlite3_stmt *stmt;

  for (gsize i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      guint8 digest[32];
      gsize len = sizeof digest;
      g_autofree char *hash = NULL;

      g_checksum_update (sum, (const guchar *) "cairn-demo-salt:", -1);
      g_checksum_update (sum, (const guchar *) accounts[i].name, -1);
      g_checksum_get_digest (sum, digest, &len);
      hash = cairn_password_hash_with_salt (CAIRN_DEMO_PASSWORD, digest, error);
      if (hash == NULL ||
          !cairn_store_add_user_hashed (self, accounts[i].name, accounts[i].display_name,
                                        accounts[i].role,
                                        accounts[i].role == CAIRN_ROLE_PRACTITIONER ? team : "",
                                        hash, error))
        return FALSE;
      /* Later accounts need the chair's rights. */
      if (i == 0 && !cairn_store_login (self, CAIRN_DEMO_CHAIR, CAIRN_DEMO_PASSWORD, error))
        return FALSE;
    }
  stmt = cairn_store_prepare (
    self,
    "INSERT OR IGNORE INTO scr_access (scr_id, user_id)"
    " SELECT (SELECT id FROM scrs ORDER BY year, number LIMIT 1), id FROM users"
    " WHERE name = 'demo-panel' AND EXISTS (SELECT 1 FROM scrs)",
    error);
  if (stmt == NULL || !cairn_store_step_done (self, stmt, error))
    return FALSE;
  cairn_store_logout (self);
  return cairn_store_set_setting (self, "demo", "1", error);
}

gboolean
cairn_store_is_demo (CairnStore *self)
{
  g_autofree char *demo = cairn_store_dup_setting (self, "demo");

  return g_strcmp0 (demo, "1") == 0;
}

/* Signs a demo database's newcomer in as the demo chair. */
gboolean
cairn_store_login_demo (CairnStore  *self,
                        GError     **error)
{
  if (!cairn_store_is_demo (self))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED, _("login: this is not a demo database"));
      return FALSE;
    }
  return cairn_store_login (self, CAIRN_DEMO_CHAIR, CAIRN_DEMO_PASSWORD, error);
}
