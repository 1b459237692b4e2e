/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "cairn-audit-store.h"
#include "cairn-backup.h"
#include "cairn-error.h"
#include "cairn-seal.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"

/*
 * Encrypted backups.
 *
 * A backup is a sealed file (cairn-seal.h) holding a manifest (schema
 * version, size and SHA-256 of the database, and the audit sidecar) and
 * then the database itself, copied with SQLite's online backup API so that
 * the board can keep working while it runs. Restoring decrypts into a
 * private temporary file beside the target, checks all of it (every part
 * authenticated, the SHA-256, SQLite's integrity check, the audit chain
 * against the backed-up sidecar) and only then replaces the database.
 */

#define BACKUP_KIND "backup"
#define PAGES_PER_STEP 256

static char *
private_temp (const char  *near,
              const char  *suffix,
              GError     **error)
{
  char *path = g_strdup_printf ("%s.%s-XXXXXX", near, suffix);
  int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", near, g_strerror (saved));
      g_free (path);
      return NULL;
    }
  close (fd);
  return path;
}

static void
remove_db_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *side = g_strconcat (path, ".audit-head", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (side);
}

static char *
file_sha256 (const char  *path,
             goffset     *size,
             GError     **error)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buf[65536];
  gsize n;
  FILE *f = g_fopen (path, "rb");

  *size = 0;
  if (f == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, g_strerror (errno));
      return NULL;
    }
  while ((n = fread (buf, 1, sizeof buf, f)) > 0)
    {
      g_checksum_update (sum, buf, n);
      *size += n;
    }
  fclose (f);
  return g_strdup (g_checksum_get_string (sum));
}

/* Copies the live database page by page into @copy_path. */
static gboolean
copy_database (CairnStore        *self,
               const char        *copy_path,
               CairnProgressFunc  progress,
               gpointer           progress_data,
               GCancellable      *cancellable,
               GError           **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (sqlite3_open_v2 (copy_path, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", copy_path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", cairn_store_get_db (self), "main");
  if (backup == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_DATABASE, "%s: %s", copy_path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_backup_finish (backup);
          sqlite3_close (dest);
          return FALSE;
        }
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (progress != NULL && sqlite3_backup_pagecount (backup) > 0)
        progress (0.9 * (1.0 - (double) sqlite3_backup_remaining (backup) /
                                   sqlite3_backup_pagecount (backup)),
                  progress_data);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (10000);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_DATABASE, "%s: %s", copy_path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }
  /* One self-contained file: no WAL beside the copy. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);
  return TRUE;
}

/**
 * cairn_store_backup:
 * @passphrase: at least 12 characters; the key is derived with Argon2id
 *
 * Writes an encrypted backup of the database and its audit sidecar. The
 * plain copy needed on the way is made beside the live database (where the
 * plain data already is), readable by the owner only, and removed.
 */
gboolean
cairn_store_backup (CairnStore        *self,
                    const char        *backup_path,
                    const char        *passphrase,
                    CairnProgressFunc  progress,
                    gpointer           progress_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sidecar = NULL;
  g_autofree char *sidecar_path = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *base = NULL;
  g_autoptr (CairnSealWriter) writer = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  goffset size = 0;
  gboolean ok = FALSE;
  FILE *f = NULL;

  if (!cairn_store_require (self, CAIRN_ACTION_BACKUP, error) ||
      !cairn_passphrase_check (passphrase, error))
    return FALSE;
  /* Everything committed is in the copy; make the sidecar match it. */
  if (!cairn_store_audit_sync_sidecar (self, error))
    return FALSE;
  copy = private_temp (cairn_store_get_path (self), "backup", error);
  if (copy == NULL)
    return FALSE;
  if (!copy_database (self, copy, progress, progress_data, cancellable, error) ||
      (sha = file_sha256 (copy, &size, error)) == NULL)
    goto out;

  sidecar_path = cairn_store_dup_sidecar_path (self);
  if (!g_file_get_contents (sidecar_path, &sidecar, NULL, NULL))
    sidecar = NULL;
  base = g_path_get_basename (cairn_store_get_path (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "cairn-backup");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "database");
  json_builder_add_string_value (builder, base);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, cairn_store_get_schema_version (self));
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, size);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha);
  json_builder_set_member_name (builder, "audit_sidecar");
  if (sidecar != NULL)
    json_builder_add_string_value (builder, sidecar);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  manifest = json_generator_to_data (gen, NULL);

  writer = cairn_seal_writer_new (backup_path, BACKUP_KIND, passphrase, error);
  if (writer == NULL || !cairn_seal_writer_write (writer, manifest, strlen (manifest), error) ||
      !cairn_seal_writer_flush_message (writer, error))
    goto out;

  f = g_fopen (copy, "rb");
  if (f == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", copy, g_strerror (errno));
      goto out;
    }
  {
    guint8 buf[65536];
    gsize n;
    goffset done = 0;
    while ((n = fread (buf, 1, sizeof buf, f)) > 0)
      {
        if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
            !cairn_seal_writer_write (writer, buf, n, error))
          goto out;
        done += n;
        if (progress != NULL && size > 0)
          progress (0.9 + 0.1 * (double) done / size, progress_data);
      }
  }
  ok = cairn_seal_writer_finish (writer, error);

out:
  if (f != NULL)
    fclose (f);
  remove_db_files (copy);
  return ok;
}

static gboolean
read_manifest (GBytes      *bytes,
               char       **sha256,
               gint64      *size,
               char       **sidecar,
               const char  *path,
               GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o;
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);

  if (!json_parser_load_from_data (parser, data, (gssize) n, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto bad;
  o = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (o, "format", ""), "cairn-backup") != 0 ||
      json_object_get_int_member_with_default (o, "version", 0) != 1)
    goto bad;
  *sha256 = g_strdup (json_object_get_string_member_with_default (o, "sha256", ""));
  *size = json_object_get_int_member_with_default (o, "size", -1);
  *sidecar = json_object_has_member (o, "audit_sidecar") &&
                 !json_object_get_null_member (o, "audit_sidecar")
               ? g_strdup (json_object_get_string_member (o, "audit_sidecar"))
               : NULL;
  return TRUE;

bad:
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, _("%s: is not a Cairn backup (no manifest)"), path);
  return FALSE;
}

/**
 * cairn_backup_restore:
 *
 * Replaces @db_path (and its audit sidecar) with the database in a
 * backup, after checking all of the backup. Nothing is replaced when any
 * check fails: a wrong passphrase is %CAIRN_ERROR_NOT_ALLOWED, a damaged
 * or incomplete backup %CAIRN_ERROR_CORRUPT, a backup from a newer Cairn
 * %CAIRN_ERROR_NEWER_VERSION.
 */
gboolean
cairn_backup_restore (const char  *backup_path,
                      const char  *db_path,
                      const char  *passphrase,
                      GError     **error)
{
  g_autoptr (CairnSealReader) reader = cairn_seal_reader_open (backup_path, BACKUP_KIND, passphrase, error);
  g_autoptr (GBytes) manifest = NULL;
  g_autofree char *tmp = NULL, *tmp_side = NULL, *want_sha = NULL, *sidecar = NULL, *got_sha = NULL;
  g_autofree char *db_side = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 want_size = -1;
  goffset got_size = 0;
  gboolean done = FALSE, ok = FALSE;
  FILE *f = NULL;

  if (reader == NULL)
    return FALSE;
  manifest = cairn_seal_reader_next (reader, &done, error);
  if (manifest == NULL || !read_manifest (manifest, &want_sha, &want_size, &sidecar, backup_path, error))
    return FALSE;
  if (done)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, _("%s: the backup holds no database"), backup_path);
      return FALSE;
    }

  tmp = private_temp (db_path, "restore", error);
  if (tmp == NULL)
    return FALSE;
  f = g_fopen (tmp, "wb");
  if (f == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", tmp, g_strerror (errno));
      goto out;
    }
  while (!done)
    {
      g_autoptr (GBytes) chunk = cairn_seal_reader_next (reader, &done, error);
      gsize n;
      const guint8 *d;
      if (chunk == NULL)
        goto out;
      d = g_bytes_get_data (chunk, &n);
      if (fwrite (d, 1, n, f) != n)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", tmp, g_strerror (errno));
          goto out;
        }
    }
  if (fflush (f) != 0 || fsync (fileno (f)) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", tmp, g_strerror (errno));
      goto out;
    }
  fclose (f);
  f = NULL;

  got_sha = file_sha256 (tmp, &got_size, error);
  if (got_sha == NULL)
    goto out;
  if (got_size != want_size || g_strcmp0 (got_sha, want_sha) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT,
                   _("%s: the database in the backup does not match its SHA-256"), backup_path);
      goto out;
    }

  /* Check the restored database and its audit trail before using it. */
  tmp_side = g_strconcat (tmp, ".audit-head", NULL);
  if (sidecar != NULL &&
      !g_file_set_contents_full (tmp_side, sidecar, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    goto out;
  {
    g_autoptr (CairnStore) check = cairn_store_open (tmp, CAIRN_STORE_OPEN_READ_ONLY, error);
    if (check == NULL || !cairn_store_check (check, problems, error))
      {
        if (error != NULL && *error != NULL)
          g_prefix_error (error, _("%s: "), backup_path);
        goto out;
      }
  }
  if (problems->len > 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, _("%s: the backed-up database fails its check: %s"),
                   backup_path, (const char *) g_ptr_array_index (problems, 0));
      goto out;
    }

  /* Everything checked: replace. A stale -wal beside the target would be
   * applied to the restored file, so it goes first. */
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_autofree char *twal = g_strconcat (tmp, "-wal", NULL);
    g_autofree char *tshm = g_strconcat (tmp, "-shm", NULL);
    g_unlink (twal);
    g_unlink (tshm);
    g_unlink (wal);
    g_unlink (shm);
  }
  db_side = g_strconcat (db_path, ".audit-head", NULL);
  if (g_rename (tmp, db_path) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", db_path, g_strerror (errno));
      goto out;
    }
  if (sidecar != NULL)
    g_rename (tmp_side, db_side);
  else
    g_unlink (db_side);
  ok = TRUE;

out:
  if (f != NULL)
    fclose (f);
  if (!ok && tmp != NULL)
    remove_db_files (tmp);
  return ok;
}
