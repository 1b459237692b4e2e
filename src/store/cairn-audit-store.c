/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-audit-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cairn-audit-store.h"
#include "cairn-error.h"
#include "cairn-ref.h"
#include "cairn-store-private.h"

/*
 * The audit trail.
 *
 * Every change to a record is captured by triggers generated from the
 * schema (one per table and operation), which write the row's values
 * before and after as JSON into audit_log. Openings of a child's record,
 * logins and bulk operations are written by the functions below. Each
 * entry is sealed by a trigger on audit_log with a SHA-256 hash that
 * covers its contents and the previous entry's hash, so altering,
 * removing or reordering an entry breaks the chain. The newest entry's id
 * and hash are also kept in a sidecar file beside the database, so that
 * removing the newest entries, or rewriting every hash consistently, is
 * still detected. Sealed entries cannot be updated or deleted through
 * SQLite either (guard triggers).
 */

#define HASH_DOMAIN "cairn-audit-v1\n"

void
cairn_audit_entry_free (CairnAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user_name);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->entity_key);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry->details);
  g_free (entry);
}

static void
hash_field (GChecksum  *sum,
            const char *value)
{
  if (value == NULL)
    g_checksum_update (sum, (const guchar *) "N", 1);
  else
    {
      g_autofree char *len = g_strdup_printf ("T%zu:", strlen (value));
      g_checksum_update (sum, (const guchar *) len, -1);
      g_checksum_update (sum, (const guchar *) value, strlen (value));
    }
}

/* The hash of one entry: its id, contents and the previous entry's hash. */
static char *
entry_hash (const char * const fields[11])
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) HASH_DOMAIN, -1);
  for (int i = 0; i < 11; i++)
    hash_field (sum, fields[i]);
  return g_strdup (g_checksum_get_string (sum));
}

static void
sql_hash (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  const char *fields[11];
  g_autofree char *hash = NULL;

  for (int i = 0; i < 11; i++)
    fields[i] = (const char *) sqlite3_value_text (argv[i]);
  hash = entry_hash (fields);
  sqlite3_result_text (ctx, hash, -1, SQLITE_TRANSIENT);
}

static void
sql_capture (sqlite3_context *ctx,
             int              argc,
             sqlite3_value  **argv)
{
  CairnStore *self = sqlite3_user_data (ctx);

  sqlite3_result_int (ctx, cairn_store_get_audit_capture (self) ? 1 : 0);
}

static char *
now_string (CairnStore *self)
{
  const char *override = cairn_store_get_audit_time_override (self);
  g_autoptr (GDateTime) now = NULL;

  if (override != NULL)
    return g_strdup (override);
  now = g_date_time_new_from_unix_utc (cairn_store_now (self) / G_USEC_PER_SEC);
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
sql_now (sqlite3_context *ctx,
         int              argc,
         sqlite3_value  **argv)
{
  g_autofree char *now = now_string (sqlite3_user_data (ctx));

  sqlite3_result_text (ctx, now, -1, SQLITE_TRANSIENT);
}

static const char *
session_user (CairnStore *self)
{
  CairnStoreSession *session = cairn_store_get_session (self);

  return session->id != 0 ? session->name : "system";
}

static void
sql_user (sqlite3_context *ctx,
          int              argc,
          sqlite3_value  **argv)
{
  sqlite3_result_text (ctx, session_user (sqlite3_user_data (ctx)), -1, SQLITE_TRANSIENT);
}

gboolean
cairn_store_audit_register_functions (CairnStore  *self,
                                      GError     **error)
{
  sqlite3 *db = cairn_store_get_db (self);
  int flags = SQLITE_UTF8 | SQLITE_INNOCUOUS;

  if (sqlite3_create_function_v2 (db, "cairn_audit_hash", 11, flags | SQLITE_DETERMINISTIC, self,
                                  sql_hash, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function_v2 (db, "cairn_audit_capture", 0, flags, self, sql_capture, NULL,
                                  NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function_v2 (db, "cairn_audit_now", 0, flags, self, sql_now, NULL, NULL,
                                  NULL) != SQLITE_OK ||
      sqlite3_create_function_v2 (db, "cairn_audit_user", 0, flags, self, sql_user, NULL, NULL,
                                  NULL) != SQLITE_OK)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

/* Columns of @table, in order. */
static GPtrArray *
table_columns (sqlite3    *db,
               const char *table,
               GPtrArray **pk_columns)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
  sqlite3_stmt *stmt = NULL;
  GPtrArray *cols = g_ptr_array_new_with_free_func (g_free);

  *pk_columns = g_ptr_array_new_with_free_func (g_free);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return cols;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (cols, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      if (sqlite3_column_int (stmt, 5) > 0)
        g_ptr_array_add (*pk_columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  return cols;
}

/* An SQL expression giving the children.id a row of @table belongs to,
 * where @ref is how the row's columns are named (e.g. "NEW." or "t1.").
 * Follows foreign keys up to three levels; NULL when the table has none. */
static char *
child_expression (sqlite3    *db,
                  const char *table,
                  const char *ref,
                  int         depth)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *found = NULL;

  if (strcmp (table, "children") == 0)
    return g_strdup_printf ("%sid", ref);
  if (depth > 3)
    return NULL;

  sql = g_strdup_printf ("PRAGMA foreign_key_list(\"%s\")", table);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  /* A direct child_id first, then any path through another table. */
  while (found == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *target = (const char *) sqlite3_column_text (stmt, 2);
      const char *from = (const char *) sqlite3_column_text (stmt, 3);
      if (strcmp (target, "children") == 0 && strcmp (from, "child_id") == 0)
        found = g_strdup_printf ("%schild_id", ref);
    }
  sqlite3_reset (stmt);
  while (found == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *target = (const char *) sqlite3_column_text (stmt, 2);
      const char *from = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *alias = g_strdup_printf ("a%d", depth);
      g_autofree char *alias_ref = g_strdup_printf ("%s.", alias);
      g_autofree char *inner = NULL;

      if (strcmp (target, "children") == 0 || strcmp (target, table) == 0)
        continue;
      inner = child_expression (db, target, alias_ref, depth + 1);
      if (inner != NULL)
        found = g_strdup_printf ("(SELECT %s FROM \"%s\" AS %s WHERE %s.id = %s%s)", inner, target,
                                 alias, alias, ref, from);
    }
  sqlite3_finalize (stmt);
  return found;
}

static char *
json_of_row (GPtrArray  *cols,
             const char *ref)
{
  GString *s = g_string_new ("json_object(");

  for (guint i = 0; i < cols->len; i++)
    g_string_append_printf (s, "%s'%s', %s\"%s\"", i ? ", " : "",
                            (const char *) g_ptr_array_index (cols, i), ref,
                            (const char *) g_ptr_array_index (cols, i));
  g_string_append_c (s, ')');
  return g_string_free (s, FALSE);
}

static char *
key_of_row (GPtrArray  *cols,
            GPtrArray  *pk,
            const char *ref)
{
  if (g_ptr_array_find_with_equal_func (cols, "id", g_str_equal, NULL))
    return g_strdup_printf ("%sid", ref);
  if (pk->len > 0)
    {
      GString *s = g_string_new ("");
      for (guint i = 0; i < pk->len; i++)
        g_string_append_printf (s, "%s%s\"%s\"", i ? " || '/' || " : "", ref,
                                (const char *) g_ptr_array_index (pk, i));
      return g_string_free (s, FALSE);
    }
  return g_strdup_printf ("%srowid", ref);
}

static gboolean
is_audited_table (const char *name,
                  const char *sql,
                  GPtrArray  *virtual_tables)
{
  /* The audit trail itself, accounts (audited by their own entries), and
   * derived or per-user view state that holds nothing of its own. */
  if (g_str_has_prefix (name, "sqlite_") || strcmp (name, "audit_log") == 0 ||
      strcmp (name, "users") == 0 || strcmp (name, "case_index") == 0 ||
      strcmp (name, "user_views") == 0 || strcmp (name, "annual_stats_cache") == 0 ||
      strcmp (name, "annual_stats_state") == 0)
    return FALSE;
  if (sql != NULL && g_ascii_strncasecmp (sql, "CREATE VIRTUAL", 14) == 0)
    return FALSE;
  for (guint i = 0; i < virtual_tables->len; i++)
    {
      g_autofree char *prefix = g_strconcat (g_ptr_array_index (virtual_tables, i), "_", NULL);
      if (g_str_has_prefix (name, prefix))
        return FALSE;
    }
  return TRUE;
}

/**
 * cairn_store_audit_install_triggers:
 *
 * (Re)creates the capture triggers for every table from the current schema,
 * and the sealing and guard triggers on audit_log. Runs inside the
 * migration transaction.
 */
gboolean
cairn_store_audit_install_triggers (CairnStore  *self,
                                    GError     **error)
{
  sqlite3 *db = cairn_store_get_db (self);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) virtuals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) old_triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) script = g_string_new ("");
  sqlite3_stmt *stmt = NULL;
  gboolean has_audit_log = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema ORDER BY name", -1,
                          &stmt, NULL) != SQLITE_OK)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      if (strcmp (type, "trigger") == 0 && g_str_has_prefix (name, "cairn_audit_"))
        g_ptr_array_add (old_triggers, g_strdup (name));
      else if (strcmp (type, "table") == 0)
        {
          if (sql != NULL && g_ascii_strncasecmp (sql, "CREATE VIRTUAL", 14) == 0)
            g_ptr_array_add (virtuals, g_strdup (name));
          if (strcmp (name, "audit_log") == 0)
            has_audit_log = TRUE;
          g_ptr_array_add (tables, g_strdup_printf ("%s\n%s", name, sql ? sql : ""));
        }
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < old_triggers->len; i++)
    g_string_append_printf (script, "DROP TRIGGER \"%s\";\n",
                            (const char *) g_ptr_array_index (old_triggers, i));
  if (!has_audit_log)
    return old_triggers->len == 0 || cairn_store_exec (self, script->str, error);

  for (guint i = 0; i < tables->len; i++)
    {
      g_auto (GStrv) parts = g_strsplit (g_ptr_array_index (tables, i), "\n", 2);
      const char *name = parts[0];
      g_autoptr (GPtrArray) pk = NULL;
      g_autoptr (GPtrArray) cols = NULL;
      static const char *ops[] = { "INSERT", "UPDATE", "DELETE" };

      if (!is_audited_table (name, parts[1], virtuals))
        continue;
      cols = table_columns (db, name, &pk);

      for (int op = 0; op < 3; op++)
        {
          const char *row = op == 2 ? "OLD." : "NEW.";
          g_autofree char *child = child_expression (db, name, row, 0);
          g_autofree char *key = key_of_row (cols, pk, row);
          g_autofree char *before = op == 0 ? g_strdup ("NULL") : json_of_row (cols, "OLD.");
          g_autofree char *after = op == 2 ? g_strdup ("NULL") : json_of_row (cols, "NEW.");
          g_autofree char *lower = g_ascii_strdown (ops[op], -1);

          g_string_append_printf (
            script,
            "CREATE TRIGGER \"cairn_audit_%s_%s\" AFTER %s ON \"%s\" WHEN cairn_audit_capture()\n"
            "BEGIN\n"
            "  INSERT INTO audit_log (at, user_name, action, entity, entity_key, child_id, before, after)\n"
            "  VALUES (cairn_audit_now(), cairn_audit_user(), '%s', '%s', %s, %s, %s, %s);\n"
            "END;\n",
            name, lower, ops[op], name, lower, name, key, child ? child : "NULL", before, after);
        }
    }

  g_string_append (
    script,
    "CREATE TRIGGER cairn_audit_seal AFTER INSERT ON audit_log\n"
    "BEGIN\n"
    "  UPDATE audit_log SET\n"
    "    prev_hash = coalesce((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), ''),\n"
    "    hash = cairn_audit_hash(NEW.id, NEW.at, NEW.user_name, NEW.action, NEW.entity,\n"
    "                            NEW.entity_key, NEW.child_id, NEW.before, NEW.after, NEW.details,\n"
    "                            coalesce((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), ''))\n"
    "  WHERE id = NEW.id;\n"
    "END;\n"
    "CREATE TRIGGER cairn_audit_guard_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL\n"
    "BEGIN\n"
    "  SELECT RAISE(ABORT, 'the audit trail cannot be changed');\n"
    "END;\n"
    "CREATE TRIGGER cairn_audit_guard_delete BEFORE DELETE ON audit_log\n"
    "BEGIN\n"
    "  SELECT RAISE(ABORT, 'the audit trail cannot be changed');\n"
    "END;\n");

  return cairn_store_exec (self, script->str, error);
}

char *
cairn_store_dup_sidecar_path (CairnStore *self)
{
  return g_strconcat (cairn_store_get_path (self), ".audit-head", NULL);
}

static gboolean
read_head (CairnStore  *self,
           gint64      *id,
           char       **hash,
           GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  int rc;

  *id = 0;
  *hash = NULL;
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *hash = cairn_column_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_store_audit_sync_sidecar:
 *
 * Writes the newest entry's id and hash to the sidecar beside the
 * database, when it changed since the last write. Called after every
 * committed change.
 */
gboolean
cairn_store_audit_sync_sidecar (CairnStore  *self,
                                GError     **error)
{
  gint64 cached_id, head_id;
  const char *cached_hash;
  g_autofree char *head_hash = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;

  if (!read_head (self, &head_id, &head_hash, NULL))
    return TRUE; /* no audit_log yet (before the accounts migration) */
  cairn_store_get_sidecar_cache (self, &cached_id, &cached_hash);
  if (head_id == cached_id && g_strcmp0 (head_hash, cached_hash) == 0)
    return TRUE;
  if (head_id == 0)
    {
      cairn_store_set_sidecar_cache (self, 0, NULL);
      return TRUE;
    }

  path = cairn_store_dup_sidecar_path (self);
  basename = g_path_get_basename (cairn_store_get_path (self));
  contents = g_strdup_printf ("# The newest entry of the audit trail of %s.\n"
                              "# Cairn checks the database against it; keep it beside the database.\n"
                              "[audit]\nhead-id=%" G_GINT64_FORMAT "\nhead-hash=%s\n",
                              basename, head_id, head_hash ? head_hash : "");
  if (!g_file_set_contents_full (path, contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 error))
    return FALSE;
  cairn_store_set_sidecar_cache (self, head_id, head_hash);
  return TRUE;
}

static gint64
child_id_of (CairnStore *self,
             gint64      child_number)
{
  return child_number > 0 ? cairn_store_child_id (self, child_number, NULL) : 0;
}

/**
 * cairn_store_audit_record:
 * @child_number: the child the entry is about, or 0
 *
 * Writes one entry that is not a row change: an opening, a login, a bulk
 * operation. The entry is sealed into the chain as it is written.
 */
gboolean
cairn_store_audit_record (CairnStore  *self,
                          const char  *action,
                          const char  *entity,
                          const char  *entity_key,
                          gint64       child_number,
                          const char  *details,
                          GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "INSERT INTO audit_log (at, user_name, action, entity, entity_key, child_id, details)"
    " VALUES (cairn_audit_now(), cairn_audit_user(), ?1, ?2, ?3, ?4, ?5)",
    error);
  gint64 child_id = child_id_of (self, child_number);

  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, action);
  cairn_bind_text (stmt, 2, entity ? entity : "");
  cairn_bind_text_or_null (stmt, 3, entity_key);
  if (child_id != 0)
    sqlite3_bind_int64 (stmt, 4, child_id);
  cairn_bind_text_or_null (stmt, 5, details);
  return cairn_store_step_done (self, stmt, error);
}

/* Records that the signed-in user opened a child's record. */
gboolean
cairn_store_record_child_opened (CairnStore  *self,
                                 gint64       child_number,
                                 GError     **error)
{
  g_autofree char *ref = cairn_child_ref_format (child_number);

  return cairn_store_audit_record (self, "open", "children", ref, child_number, NULL, error);
}

/**
 * cairn_store_audit_begin_bulk:
 * @timestamp: (nullable): the time to record for the bulk entry, or %NULL
 *   for now; a demo passes its as-of date so that its file is reproducible
 *
 * Stops capturing row changes: a bulk operation (demo generation, an
 * import) is recorded as one entry by cairn_store_audit_end_bulk().
 */
void
cairn_store_audit_begin_bulk (CairnStore *self,
                              const char *timestamp)
{
  cairn_store_set_audit_capture (self, FALSE);
  cairn_store_set_audit_time_override (self, timestamp);
}

/**
 * cairn_store_audit_end_bulk:
 * @details: a JSON object with the counts and the input's SHA-256
 *
 * Writes the one entry for a bulk operation and resumes capturing.
 */
gboolean
cairn_store_audit_end_bulk (CairnStore  *self,
                            const char  *action,
                            const char  *details,
                            GError     **error)
{
  gboolean ok = cairn_store_audit_record (self, action, "", NULL, 0, details, error);

  cairn_store_audit_cancel_bulk (self);
  return ok;
}

/**
 * cairn_store_audit_end_bulk_for_child:
 *
 * As cairn_store_audit_end_bulk(), for a bulk operation on one child's
 * record (an import): the entry is part of that child's record history.
 */
gboolean
cairn_store_audit_end_bulk_for_child (CairnStore  *self,
                                      const char  *action,
                                      gint64       child_number,
                                      const char  *details,
                                      GError     **error)
{
  g_autofree char *ref = cairn_child_ref_format (child_number);
  gboolean ok = cairn_store_audit_record (self, action, "children", ref, child_number, details, error);

  cairn_store_audit_cancel_bulk (self);
  return ok;
}

/* Resumes capturing without writing an entry: the bulk operation was
 * refused and rolled back. */
void
cairn_store_audit_cancel_bulk (CairnStore *self)
{
  cairn_store_set_audit_capture (self, TRUE);
  cairn_store_set_audit_time_override (self, NULL);
}

/**
 * cairn_store_list_child_audit:
 *
 * Returns: (transfer full) (element-type CairnAuditEntry): every entry about
 *   a child's record, oldest first: who opened it and who changed what
 */
GPtrArray *
cairn_store_list_child_audit (CairnStore  *self,
                              gint64       child_number,
                              GError     **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_audit_entry_free);
  sqlite3_stmt *stmt = cairn_store_prepare (
    self,
    "SELECT id, at, user_name, action, entity, entity_key, before, after, details FROM audit_log"
    " WHERE child_id = (SELECT id FROM children WHERE number = ?) ORDER BY id",
    error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_number);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CairnAuditEntry *e = g_new0 (CairnAuditEntry, 1);
      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = cairn_column_dup_text (stmt, 1);
      e->user_name = cairn_column_dup_text (stmt, 2);
      e->action = cairn_column_dup_text (stmt, 3);
      e->entity = cairn_column_dup_text (stmt, 4);
      e->entity_key = cairn_column_dup_text (stmt, 5);
      e->before = cairn_column_dup_text (stmt, 6);
      e->after = cairn_column_dup_text (stmt, 7);
      e->details = cairn_column_dup_text (stmt, 8);
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}

static gboolean
read_sidecar (CairnStore  *self,
              gint64      *id,
              char       **hash,
              gboolean    *present,
              GPtrArray   *problems)
{
  g_autofree char *path = cairn_store_dup_sidecar_path (self);
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) error = NULL;

  *present = FALSE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &error))
    {
      g_ptr_array_add (problems, g_strdup_printf (_("audit: the sidecar %s cannot be read: %s"),
                                                  path, error->message));
      return FALSE;
    }
  *id = g_key_file_get_int64 (kf, "audit", "head-id", NULL);
  *hash = g_key_file_get_string (kf, "audit", "head-hash", NULL);
  *present = TRUE;
  return TRUE;
}

/**
 * cairn_store_audit_verify:
 * @from_id: verify from this entry on (0 for the whole chain); the entry
 *   before it is trusted
 * @problems: receives one line per problem, the first bad entry first
 *
 * Recomputes every entry's hash and link, then compares the newest entry
 * with the sidecar. Returns %FALSE only when the check could not run.
 */
gboolean
cairn_store_audit_verify (CairnStore  *self,
                          gint64       from_id,
                          GPtrArray   *problems,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *prev = NULL;
  g_autofree char *side_hash = NULL;
  gint64 side_id = 0, last_id = 0, n = 0;
  gboolean side_present;
  g_autofree char *last_hash = NULL;
  g_autofree char *sidecar_path = cairn_store_dup_sidecar_path (self);
  int rc;

  /* A database from before the audit trail existed has nothing to verify. */
  stmt = cairn_store_prepare (
    self, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return TRUE;

  stmt = cairn_store_prepare (
    self, "SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  prev = g_strdup (sqlite3_step (stmt) == SQLITE_ROW ? cairn_column_text (stmt, 0) : "");
  sqlite3_reset (stmt);

  stmt = cairn_store_prepare (
    self,
    "SELECT id, at, user_name, action, entity, entity_key, child_id, before, after, details,"
    " prev_hash, hash FROM audit_log WHERE id >= ? ORDER BY id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *fields[11];
      g_autofree char *expected = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *stored_prev = cairn_column_text (stmt, 10);
      const char *stored_hash = cairn_column_text (stmt, 11);

      for (int i = 0; i < 10; i++)
        fields[i] = cairn_column_text (stmt, i);
      fields[10] = stored_prev;
      n++;

      if (g_strcmp0 (stored_prev ? stored_prev : "", prev) != 0)
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("audit: entry #%" G_GINT64_FORMAT " does not follow "
                                              "the entry before it (an entry was removed, "
                                              "inserted or reordered)"),
                                            id));
          break;
        }
      expected = entry_hash (fields);
      if (g_strcmp0 (expected, stored_hash) != 0)
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("audit: entry #%" G_GINT64_FORMAT " (%s by %s at %s) "
                                              "does not match its seal (it was altered)"),
                                            id, fields[3] ? fields[3] : "", fields[2] ? fields[2] : "",
                                            fields[1] ? fields[1] : ""));
          break;
        }
      g_free (prev);
      prev = g_strdup (stored_hash);
      last_id = id;
      g_free (last_hash);
      last_hash = g_strdup (stored_hash);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  if (problems->len > 0)
    return TRUE;

  /* The newest entry against the sidecar. */
  if (last_id == 0 && from_id > 0)
    {
      gint64 head_id;
      if (!read_head (self, &head_id, &last_hash, error))
        return FALSE;
      last_id = head_id;
    }
  if (!read_sidecar (self, &side_id, &side_hash, &side_present, problems))
    return TRUE;
  if (!side_present)
    {
      if (last_id > 0)
        g_ptr_array_add (problems, g_strdup_printf (_("audit: the sidecar %s is missing (it holds "
                                                      "the newest entry of the audit trail)"),
                                                    sidecar_path));
      return TRUE;
    }
  if (side_id > last_id)
    {
      g_ptr_array_add (problems,
                       g_strdup_printf (_("audit: the newest entries were removed: the sidecar "
                                          "records entry #%" G_GINT64_FORMAT " but the database "
                                          "ends at #%" G_GINT64_FORMAT),
                                        side_id, last_id));
      return TRUE;
    }
  stmt = cairn_store_prepare (self, "SELECT hash FROM audit_log WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, side_id);
  if (sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 (cairn_column_text (stmt, 0), side_hash) != 0)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("audit: entry #%" G_GINT64_FORMAT " does not match the "
                                        "sidecar (the trail was rewritten)"),
                                      side_id));
  sqlite3_reset (stmt);
  (void) n;
  return TRUE;
}
