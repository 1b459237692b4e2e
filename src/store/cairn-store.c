/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-audit-store.h"
#include "cairn-migrations.h"
#include "cairn-user-store.h"
#include "cairn-store-private.h"

/* "CAIR": written to PRAGMA application_id so that other SQLite files are refused. */
#define CAIRN_APPLICATION_ID 0x43414952

struct _CairnStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements; /* const char *sql (static) → sqlite3_stmt * */
  guint transaction_depth;

  /* The signed-in user; id 0 when nobody is signed in. */
  CairnStoreSession session;

  /* Audit trail state (cairn-audit-store.c). */
  gboolean audit_capture;
  char *audit_time_override;
  gint64 sidecar_head_id;
  char *sidecar_head_hash;
  CairnStoreNowFunc now_func;

  char *warning;

  /* Whether the case table's index follows every change (off during bulk work). */
  gboolean index_live;
};

G_DEFINE_FINAL_TYPE (CairnStore, cairn_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cairn_store_finalize (GObject *object)
{
  CairnStore *self = CAIRN_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  cairn_store_session_clear (&self->session);
  g_clear_pointer (&self->audit_time_override, g_free);
  g_clear_pointer (&self->sidecar_head_hash, g_free);
  g_clear_pointer (&self->warning, g_free);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cairn_store_parent_class)->finalize (object);
}

static void
cairn_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CairnStore *self = CAIRN_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cairn_store_class_init (CairnStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cairn_store_finalize;
  object_class->get_property = cairn_store_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
cairn_store_init (CairnStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->audit_capture = TRUE;
  self->index_live = TRUE;
  self->sidecar_head_id = -1;
}

gboolean
cairn_store_get_index_live (CairnStore *self)
{
  return self->index_live;
}

void
cairn_store_set_index_live (CairnStore *self,
                            gboolean    live)
{
  self->index_live = live;
}

CairnStoreSession *
cairn_store_get_session (CairnStore *self)
{
  return &self->session;
}

void
cairn_store_session_clear (CairnStoreSession *session)
{
  g_clear_pointer (&session->name, g_free);
  g_clear_pointer (&session->display_name, g_free);
  g_clear_pointer (&session->team, g_free);
  session->id = 0;
  session->role = CAIRN_ROLE_CHAIR;
}

gboolean
cairn_store_get_audit_capture (CairnStore *self)
{
  return self->audit_capture;
}

void
cairn_store_set_audit_capture (CairnStore *self,
                               gboolean    capture)
{
  self->audit_capture = capture;
}

const char *
cairn_store_get_audit_time_override (CairnStore *self)
{
  return self->audit_time_override;
}

void
cairn_store_set_audit_time_override (CairnStore *self,
                                     const char *timestamp)
{
  g_free (self->audit_time_override);
  self->audit_time_override = g_strdup (timestamp);
}

void
cairn_store_get_sidecar_cache (CairnStore  *self,
                               gint64      *head_id,
                               const char **head_hash)
{
  *head_id = self->sidecar_head_id;
  *head_hash = self->sidecar_head_hash;
}

void
cairn_store_set_sidecar_cache (CairnStore *self,
                               gint64      head_id,
                               const char *head_hash)
{
  self->sidecar_head_id = head_id;
  g_free (self->sidecar_head_hash);
  self->sidecar_head_hash = g_strdup (head_hash);
}

/**
 * cairn_store_now:
 *
 * Microseconds since the epoch: the real time, unless a test set a clock
 * with cairn_store_set_now_func().
 */
gint64
cairn_store_now (CairnStore *self)
{
  return self->now_func ? self->now_func () : g_get_real_time ();
}

void
cairn_store_set_now_func (CairnStore       *self,
                          CairnStoreNowFunc func)
{
  self->now_func = func;
}

/* After a write outside any transaction, or the outermost commit. */
static void
after_write (CairnStore *self)
{
  if (self->transaction_depth == 0)
    cairn_store_audit_sync_sidecar (self, NULL);
}

sqlite3 *
cairn_store_get_db (CairnStore *self)
{
  g_return_val_if_fail (CAIRN_IS_STORE (self), NULL);
  return self->db;
}

const char *
cairn_store_get_path (CairnStore *self)
{
  g_return_val_if_fail (CAIRN_IS_STORE (self), NULL);
  return self->path;
}

void
cairn_store_set_db_error (CairnStore  *self,
                          GError     **error,
                          const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);
  const char *msg = sqlite3_errmsg (self->db);

  if ((code & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, "%s: %s", what, msg);
  else if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, "%s: %s", what, msg);
  else
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_DATABASE, "%s: %s", what, msg);
}

/**
 * cairn_store_prepare:
 * @sql: a statement with static storage: it is the key of the cache
 *
 * Returns the cached statement for @sql, reset and with its bindings
 * cleared, preparing it on first use. The store owns it.
 */
sqlite3_stmt *
cairn_store_prepare (CairnStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_DATABASE, "SQL: %s (in \"%.80s\")",
                   sqlite3_errmsg (self->db), sql);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
cairn_store_exec (CairnStore  *self,
                  const char  *sql,
                  GError     **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      int code = sqlite3_extended_errcode (self->db) & 0xff;
      g_set_error (error, CAIRN_ERROR,
                   code == SQLITE_CONSTRAINT ? CAIRN_ERROR_INVALID
                   : code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? CAIRN_ERROR_CORRUPT
                                                                    : CAIRN_ERROR_DATABASE,
                   "%s: %s", self->path, errmsg ? errmsg : "error");
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

/* Steps a statement that returns no rows, then resets it. */
gboolean
cairn_store_step_done (CairnStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cairn_store_set_db_error (self, error, self->path);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (!sqlite3_stmt_readonly (stmt))
    after_write (self);
  return TRUE;
}

/**
 * cairn_store_lookup_id:
 * @sql: a query of one integer column, with @key bound as ?1
 * @id: (out): the integer of its first row, or 0 when it gives none
 *
 * Returns: %FALSE with @error only when the query cannot be run
 */
gboolean
cairn_store_lookup_id (CairnStore   *self,
                       const char   *sql,
                       gint64        key,
                       gint64       *id,
                       GError      **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, sql, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, self->path);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * cairn_store_row_owner:
 * @sql: a query of the id of the record that owns row ?1 (a conference, a
 *   meeting, a review)
 * @what: the kind of row, for the message
 *
 * Returns: the owner's id, or 0 with "WHAT: no record with id N"
 */
gint64
cairn_store_row_owner (CairnStore  *self,
                       const char  *sql,
                       gint64       row_id,
                       const char  *what,
                       GError     **error)
{
  gint64 id;

  if (!cairn_store_lookup_id (self, sql, row_id, &id, error))
    return 0;
  if (id == 0)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no record with id %" G_GINT64_FORMAT),
                 what, row_id);
  return id;
}

void
cairn_bind_text (sqlite3_stmt *stmt,
                 int           idx,
                 const char   *value)
{
  sqlite3_bind_text (stmt, idx, value ? value : "", -1, SQLITE_TRANSIENT);
}

/* Binds NULL for NULL or "". */
void
cairn_bind_text_or_null (sqlite3_stmt *stmt,
                         int           idx,
                         const char   *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, value, -1, SQLITE_TRANSIENT);
}

void
cairn_bind_date (sqlite3_stmt *stmt,
                 int           idx,
                 const GDate  *date)
{
  char buf[11];

  if (!cairn_date_is_set (date))
    {
      sqlite3_bind_null (stmt, idx);
      return;
    }
  cairn_date_format_into (date, buf);
  sqlite3_bind_text (stmt, idx, buf, 10, SQLITE_TRANSIENT);
}

void
cairn_bind_timestamp (sqlite3_stmt *stmt,
                      int           idx,
                      const GDate  *date,
                      int           minute_of_day)
{
  g_autofree char *text = cairn_timestamp_to_string (date, minute_of_day);

  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

/* -1 binds NULL (not recorded). */
void
cairn_bind_tristate (sqlite3_stmt *stmt,
                     int           idx,
                     int           value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int (stmt, idx, value ? 1 : 0);
}

const char *
cairn_column_text (sqlite3_stmt *stmt,
                   int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

char *
cairn_column_dup_text (sqlite3_stmt *stmt,
                       int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

void
cairn_column_date (sqlite3_stmt *stmt,
                   int           col,
                   GDate        *out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  cairn_date_clear (out);
  if (text != NULL && strlen (text) >= 10)
    {
      char buf[11];
      memcpy (buf, text, 10);
      buf[10] = '\0';
      cairn_date_parse ("date", buf, out, NULL);
    }
}

void
cairn_column_timestamp (sqlite3_stmt *stmt,
                        int           col,
                        GDate        *out,
                        int          *minute_of_day)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  cairn_date_clear (out);
  *minute_of_day = CAIRN_NO_TIME;
  if (text != NULL && !cairn_timestamp_parse ("time", text, out, minute_of_day, NULL))
    cairn_date_clear (out);
}

int
cairn_column_tristate (sqlite3_stmt *stmt,
                       int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int (stmt, col) ? 1 : 0;
}

static int
pragma_int (CairnStore *self,
            const char *sql,
            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cairn_store_set_db_error (self, error, self->path);
      return -1;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  else
    cairn_store_set_db_error (self, error, self->path);
  sqlite3_finalize (stmt);
  return value;
}

guint
cairn_store_get_latest_version (void)
{
  guint n;

  cairn_migrations_get (&n);
  return n;
}

guint
cairn_store_get_schema_version (CairnStore *self)
{
  int v = pragma_int (self, "PRAGMA user_version", NULL);

  return v < 0 ? 0 : (guint) v;
}

static gboolean
migrate (CairnStore *self,
         guint       from,
         GError    **error)
{
  guint n;
  const CairnMigration *m = cairn_migrations_get (&n);
  g_autofree char *set_version = NULL;

  if (from == n)
    return TRUE;
  if (!cairn_store_begin (self, error))
    return FALSE;
  for (guint i = from; i < n; i++)
    {
      g_debug ("Applying migration %u: %s", i + 1, m[i].summary);
      if (!cairn_store_exec (self, m[i].sql, error))
        {
          cairn_store_rollback (self);
          g_prefix_error (error, _("Migration to schema %u: "), i + 1);
          return FALSE;
        }
    }
  set_version = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = %d;", n,
                                 CAIRN_APPLICATION_ID);
  /* The audit triggers follow the schema: regenerate them for the new one. */
  if (!cairn_store_audit_install_triggers (self, error) ||
      !cairn_store_index_install_triggers (self, error) ||
      !cairn_store_annual_install_triggers (self, error) ||
      !cairn_store_exec (self, set_version, error))
    {
      cairn_store_rollback (self);
      return FALSE;
    }
  return cairn_store_commit (self, error);
}

/* Creates @path readable and writable by its owner only; SQLite gives the
 * -wal and -shm files the same mode. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CAIRN_ERROR, saved == EEXIST ? CAIRN_ERROR_EXISTS : CAIRN_ERROR_IO,
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
remove_database_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  /* A rollback journal left by a process killed in a transaction (the demo
   * writer uses one): it belongs to the file being replaced. */
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

/**
 * cairn_store_open_worker:
 *
 * Opens a second connection to the same database, signed in as the same
 * user, for long work in another thread (a connection is not shared
 * between threads).
 */
CairnStore *
cairn_store_open_worker (CairnStore  *self,
                         GError     **error)
{
  CairnStore *worker = cairn_store_open (self->path, CAIRN_STORE_OPEN_EXISTING, error);

  if (worker == NULL)
    return NULL;
  worker->session.id = self->session.id;
  worker->session.name = g_strdup (self->session.name);
  worker->session.display_name = g_strdup (self->session.display_name);
  worker->session.role = self->session.role;
  worker->session.team = g_strdup (self->session.team);
  return worker;
}

/* Children's records must not be readable by other users of the computer. */
static void
check_permissions (CairnStore *self)
{
  const char *suffixes[] = { "", "-wal", "-shm", ".audit-head" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0 && (st.st_mode & 077) != 0)
        {
          g_free (self->warning);
          self->warning = g_strdup_printf (
            _("%s can be read by other users of this computer (mode %04o); make it private with "
              "chmod 600 %s"),
            path, (unsigned) (st.st_mode & 07777), path);
          return;
        }
    }
}

/**
 * cairn_store_get_warning:
 *
 * Returns: (nullable): a warning found when the database was opened (files
 *   readable by other users), for the app and the command line to show
 */
const char *
cairn_store_get_warning (CairnStore *self)
{
  g_return_val_if_fail (CAIRN_IS_STORE (self), NULL);
  return self->warning;
}

/**
 * cairn_store_open:
 *
 * Opens (or with %CAIRN_STORE_OPEN_CREATE creates) a board's database and
 * brings its schema up to date in one transaction. A database written by a
 * newer Cairn is refused before anything in it is changed.
 */
CairnStore *
cairn_store_open (const char           *path,
                  CairnStoreOpenFlags   flags,
                  GError              **error)
{
  g_autoptr (CairnStore) self = NULL;
  int open_flags = SQLITE_OPEN_NOMUTEX;
  int version, app_id, n_tables;
  guint latest = cairn_store_get_latest_version ();

  g_return_val_if_fail (path != NULL, NULL);

  if (flags & CAIRN_STORE_OPEN_CREATE)
    {
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          if (!(flags & CAIRN_STORE_OPEN_FORCE))
            {
              g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS,
                           _("%s: the file already exists (use --force to replace it)"), path);
              return NULL;
            }
          remove_database_files (path);
        }
      if (!create_private_file (path, error))
        return NULL;
      open_flags |= SQLITE_OPEN_READWRITE;
    }
  else
    {
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("%s: no such database file"),
                       path);
          return NULL;
        }
      open_flags |= (flags & CAIRN_STORE_OPEN_READ_ONLY) ? SQLITE_OPEN_READONLY
                                                         : SQLITE_OPEN_READWRITE;
    }

  self = g_object_new (CAIRN_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  check_permissions (self);

  if (sqlite3_open_v2 (path, &self->db, open_flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path,
                   self->db ? sqlite3_errmsg (self->db) : "cannot open");
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Read what the file is before changing anything in it. */
  version = pragma_int (self, "PRAGMA user_version", NULL);
  if (version < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, _("%s: is not a Cairn database"), path);
      return NULL;
    }
  app_id = pragma_int (self, "PRAGMA application_id", error);
  n_tables = pragma_int (self, "SELECT count(*) FROM sqlite_schema", error);
  if (app_id < 0 || n_tables < 0)
    return NULL;
  if ((app_id != 0 && app_id != CAIRN_APPLICATION_ID) || (app_id == 0 && n_tables > 0))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, _("%s: is not a Cairn database"), path);
      return NULL;
    }
  if ((guint) version > latest)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NEWER_VERSION,
                   _("%s: was written by a newer version of Cairn (schema %d; this version reads "
                     "schemas up to %u). Open it with that version."),
                   path, version, latest);
      return NULL;
    }

  if (!cairn_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !cairn_store_audit_register_functions (self, error) ||
      !cairn_store_index_register_functions (self, error))
    return NULL;
  if (!(flags & CAIRN_STORE_OPEN_READ_ONLY))
    {
      if (!cairn_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error) ||
          !migrate (self, (guint) version, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * cairn_store_begin:
 *
 * Starts a transaction (BEGIN IMMEDIATE), or a savepoint inside one.
 * Every multi-row change runs between this and cairn_store_commit().
 */
gboolean
cairn_store_begin (CairnStore  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT cairn_%u", self->transaction_depth);
  if (!cairn_store_exec (self, sql, error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

/**
 * cairn_store_begin_read:
 *
 * Starts a read transaction (a deferred BEGIN: no write lock is taken), so
 * that several queries see the database as it stood at one moment. End it
 * with cairn_store_rollback() or cairn_store_commit().
 */
gboolean
cairn_store_begin_read (CairnStore  *self,
                        GError     **error)
{
  if (self->transaction_depth > 0)
    return cairn_store_begin (self, error);
  if (!cairn_store_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
cairn_store_commit (CairnStore  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->transaction_depth > 0, FALSE);
  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE cairn_%u", self->transaction_depth - 1);
  if (!cairn_store_exec (self, sql, error))
    {
      cairn_store_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  after_write (self);
  return TRUE;
}

void
cairn_store_rollback (CairnStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->transaction_depth > 0);
  if (self->transaction_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO cairn_%u; RELEASE cairn_%u", self->transaction_depth - 1,
                           self->transaction_depth - 1);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->transaction_depth--;
}

/**
 * cairn_store_set_durable:
 * @durable: %TRUE: every commit is on the disk before it returns
 *
 * The store runs with synchronous=NORMAL, which survives a crash of the
 * program but may lose the last commits in a power cut. An editor that
 * saves each field as it is typed asks for synchronous=FULL, so that a
 * power cut loses at most the field being typed.
 */
gboolean
cairn_store_set_durable (CairnStore  *self,
                         gboolean     durable,
                         GError     **error)
{
  return cairn_store_exec (self, durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL",
                           error);
}

char *
cairn_store_dup_setting (CairnStore *self,
                         const char *key)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  cairn_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = cairn_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Sets (or with %NULL removes) a board-wide setting. */
gboolean
cairn_store_set_setting (CairnStore  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    stmt = cairn_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = cairn_store_prepare (
      self, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, key);
  if (value != NULL)
    cairn_bind_text (stmt, 2, value);
  return cairn_store_step_done (self, stmt, error);
}

/**
 * cairn_store_get_today_checked:
 *
 * Today for this database: `CAIRN_TODAY` when set, else the date a demo
 * database is "as of", else the real date (../shared/CLI.md).
 */
gboolean
cairn_store_get_today_checked (CairnStore  *self,
                               GDate       *today,
                               GError     **error)
{
  g_autofree char *as_of = NULL;
  const char *env = g_getenv ("CAIRN_TODAY");

  if (env != NULL && *env != '\0')
    return cairn_today_from_env (today, error);
  as_of = cairn_store_dup_setting (self, "as_of");
  if (as_of != NULL && cairn_date_parse ("as_of", as_of, today, NULL))
    return TRUE;
  return cairn_today_from_env (today, error);
}

void
cairn_store_get_today (CairnStore *self,
                       GDate      *today)
{
  if (!cairn_store_get_today_checked (self, today, NULL))
    cairn_today (today);
}

static gboolean
collect_rows (CairnStore  *self,
              const char  *sql,
              GPtrArray   *problems,
              const char  *prefix,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cairn_store_set_db_error (self, error, self->path);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *row = g_string_new (prefix);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (row, "%s%s", i ? " " : "", v ? v : "NULL");
        }
      if (g_strcmp0 (row->str + strlen (prefix), "ok") == 0)
        g_string_free (row, TRUE);
      else
        g_ptr_array_add (problems, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, self->path);
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_store_check:
 * @problems: (element-type utf8): receives one line per problem found
 *
 * Runs SQLite's integrity check and the foreign key check, and checks the
 * schema version. Returns %FALSE only when the check itself could not run.
 */
gboolean
cairn_store_check (CairnStore  *self,
                   GPtrArray   *problems,
                   GError     **error)
{
  guint version = cairn_store_get_schema_version (self);

  /* An older schema opened read-only is not a problem: it is upgraded when opened for writing. */
  if (version > cairn_store_get_latest_version ())
    g_ptr_array_add (problems, g_strdup_printf (_("schema: version %u, expected %u"), version,
                                                cairn_store_get_latest_version ()));
  return collect_rows (self, "PRAGMA integrity_check", problems, "integrity: ", error) &&
         collect_rows (self, "PRAGMA foreign_key_check", problems, "foreign key: ", error) &&
         cairn_store_audit_verify (self, 0, problems, error);
}

/**
 * cairn_store_quick_check:
 * @audit_from_id: the first audit entry not yet verified (entries before it
 *   were verified by an earlier check)
 * @audit_head_id: (out): the newest entry now verified
 *
 * The check run when a database is opened: SQLite's quick_check and the
 * audit chain from @audit_from_id on, with the sidecar. The full check is
 * cairn_store_check().
 */
gboolean
cairn_store_quick_check (CairnStore  *self,
                         gint64       audit_from_id,
                         gint64      *audit_head_id,
                         GPtrArray   *problems,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  if (!collect_rows (self, "PRAGMA quick_check", problems, "integrity: ", error) ||
      !cairn_store_audit_verify (self, audit_from_id, problems, error))
    return FALSE;
  *audit_head_id = 0;
  stmt = cairn_store_prepare (self, "SELECT coalesce(max(id), 0) FROM audit_log", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    *audit_head_id = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cairn_store_set_board (CairnStore  *self,
                       const char  *name,
                       const char  *area,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  if (!cairn_store_require (self, CAIRN_ACTION_EDIT_SETTINGS, error))
    return FALSE;
  stmt = cairn_store_prepare (
    self, "INSERT INTO board (id, name, area) VALUES (1, ?1, ?2) "
          "ON CONFLICT (id) DO UPDATE SET name = excluded.name, area = excluded.area", error);

  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, name);
  cairn_bind_text (stmt, 2, area);
  return cairn_store_step_done (self, stmt, error);
}

char *
cairn_store_dup_board_name (CairnStore *self)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "SELECT name FROM board WHERE id = 1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = cairn_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}
