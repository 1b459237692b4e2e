/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-seal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cairn-error.h"
#include "cairn-seal.h"

#define MAGIC "CAIRNSL1"
#define MAGIC_LEN 8
#define CHUNK 65536
#define KEY_CHECK_BYTES 16
#define SALT_BYTES crypto_pwhash_SALTBYTES
#define SS_HEADER_BYTES crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define MIN_PASSPHRASE 12

/* Argon2id "moderate": about 256 MiB and a second on a laptop. */
#define OPSLIMIT crypto_pwhash_OPSLIMIT_MODERATE
#define MEMLIMIT crypto_pwhash_MEMLIMIT_MODERATE

struct _CairnSealWriter
{
  char *path;
  char *tmp_path;
  FILE *file;
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 *buffer;
  gsize used;
  gboolean first;
  guint8 header_ad[128];
  gsize header_ad_len;
};

struct _CairnSealReader
{
  FILE *file;
  crypto_secretstream_xchacha20poly1305_state state;
  gboolean first;
  gboolean done;
  guint8 header_ad[128];
  gsize header_ad_len;
  char *path;
};

static void
put_u64 (guint8 *p,
         guint64 v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (guint8) (v >> (8 * i));
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static void
key_check (const guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES],
           guint8       out[KEY_CHECK_BYTES])
{
  crypto_generichash (out, KEY_CHECK_BYTES, (const guint8 *) "cairn-seal-key-check", 20, key,
                      crypto_secretstream_xchacha20poly1305_KEYBYTES);
}

gboolean
cairn_passphrase_check (const char  *passphrase,
                        GError     **error)
{
  if (passphrase == NULL || g_utf8_strlen (passphrase, -1) < MIN_PASSPHRASE)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Passphrase: must be at least %d characters long"), MIN_PASSPHRASE);
      return FALSE;
    }
  return TRUE;
}

gboolean
cairn_seal_file_is_sealed (const char *path)
{
  char magic[MAGIC_LEN];
  FILE *f = g_fopen (path, "rb");
  gboolean sealed;

  if (f == NULL)
    return FALSE;
  sealed = fread (magic, 1, MAGIC_LEN, f) == MAGIC_LEN && memcmp (magic, MAGIC, MAGIC_LEN) == 0;
  fclose (f);
  return sealed;
}

void
cairn_seal_writer_free (CairnSealWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->file != NULL)
    fclose (writer->file);
  if (writer->tmp_path != NULL)
    g_unlink (writer->tmp_path);
  if (writer->buffer != NULL)
    sodium_free (writer->buffer);
  sodium_memzero (&writer->state, sizeof writer->state);
  g_free (writer->path);
  g_free (writer->tmp_path);
  g_free (writer);
}

/**
 * cairn_seal_writer_new:
 * @kind: what the file holds ("backup", "child-json"); a reader asking for
 *   another kind refuses the file
 *
 * Starts a sealed file. Nothing appears at @path until
 * cairn_seal_writer_finish() succeeds.
 */
CairnSealWriter *
cairn_seal_writer_new (const char  *path,
                       const char  *kind,
                       const char  *passphrase,
                       GError     **error)
{
  g_autoptr (CairnSealWriter) w = g_new0 (CairnSealWriter, 1);
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guint8 salt[SALT_BYTES], check[KEY_CHECK_BYTES], ss_header[SS_HEADER_BYTES], limits[16];
  gsize kind_len = strlen (kind);
  int fd;

  g_return_val_if_fail (kind_len < 32, NULL);
  if (!cairn_passphrase_check (passphrase, error))
    return NULL;
  if (sodium_init () < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("libsodium: could not be initialised"));
      return NULL;
    }

  w->path = g_strdup (path);
  w->tmp_path = g_strdup_printf ("%s.part-XXXXXX", path);
  fd = g_mkstemp_full (w->tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_clear_pointer (&w->tmp_path, g_free);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, g_strerror (saved));
      return NULL;
    }
  w->file = fdopen (fd, "wb");
  w->buffer = sodium_malloc (CHUNK);
  w->first = TRUE;

  randombytes_buf (salt, sizeof salt);
  if (crypto_pwhash (key, sizeof key, passphrase, strlen (passphrase), salt, OPSLIMIT, MEMLIMIT,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("Passphrase: key derivation ran out of memory"));
      return NULL;
    }
  key_check (key, check);
  crypto_secretstream_xchacha20poly1305_init_push (&w->state, ss_header, key);
  sodium_memzero (key, sizeof key);
  put_u64 (limits, OPSLIMIT);
  put_u64 (limits + 8, MEMLIMIT);

  /* The header, authenticated as the first chunk's additional data. */
  memcpy (w->header_ad, MAGIC, MAGIC_LEN);
  w->header_ad_len = MAGIC_LEN;
  w->header_ad[w->header_ad_len++] = (guint8) kind_len;
  memcpy (w->header_ad + w->header_ad_len, kind, kind_len);
  w->header_ad_len += kind_len;
  memcpy (w->header_ad + w->header_ad_len, salt, sizeof salt);
  w->header_ad_len += sizeof salt;
  memcpy (w->header_ad + w->header_ad_len, limits, sizeof limits);
  w->header_ad_len += sizeof limits;
  memcpy (w->header_ad + w->header_ad_len, check, sizeof check);
  w->header_ad_len += sizeof check;
  memcpy (w->header_ad + w->header_ad_len, ss_header, sizeof ss_header);
  w->header_ad_len += sizeof ss_header;

  if (fwrite (w->header_ad, 1, w->header_ad_len, w->file) != w->header_ad_len)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, g_strerror (errno));
      return NULL;
    }
  return g_steal_pointer (&w);
}

static gboolean
push_chunk (CairnSealWriter *w,
            guint8           tag,
            GError         **error)
{
  g_autofree guint8 *cipher = g_malloc (w->used + ABYTES);
  unsigned long long clen = 0;
  guint8 len[4];

  crypto_secretstream_xchacha20poly1305_push (&w->state, cipher, &clen, w->buffer, w->used,
                                              w->first ? w->header_ad : NULL,
                                              w->first ? w->header_ad_len : 0, tag);
  w->first = FALSE;
  sodium_memzero (w->buffer, w->used);
  w->used = 0;
  len[0] = (guint8) clen;
  len[1] = (guint8) (clen >> 8);
  len[2] = (guint8) (clen >> 16);
  len[3] = (guint8) (clen >> 24);
  if (fwrite (len, 1, 4, w->file) != 4 || fwrite (cipher, 1, clen, w->file) != clen)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", w->path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
cairn_seal_writer_write (CairnSealWriter  *w,
                         const void       *data,
                         gsize             length,
                         GError          **error)
{
  const guint8 *p = data;

  while (length > 0)
    {
      gsize n = MIN (length, CHUNK - w->used);
      memcpy (w->buffer + w->used, p, n);
      w->used += n;
      p += n;
      length -= n;
      if (w->used == CHUNK && !push_chunk (w, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, error))
        return FALSE;
    }
  return TRUE;
}

/* Ends the current message: what was written so far is read back as one chunk. */
gboolean
cairn_seal_writer_flush_message (CairnSealWriter  *w,
                                 GError          **error)
{
  return push_chunk (w, crypto_secretstream_xchacha20poly1305_TAG_PUSH, error);
}

gboolean
cairn_seal_writer_finish (CairnSealWriter  *w,
                          GError          **error)
{
  if (!push_chunk (w, crypto_secretstream_xchacha20poly1305_TAG_FINAL, error))
    return FALSE;
  if (fflush (w->file) != 0 || fsync (fileno (w->file)) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", w->path, g_strerror (errno));
      return FALSE;
    }
  fclose (w->file);
  w->file = NULL;
  if (g_rename (w->tmp_path, w->path) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", w->path, g_strerror (errno));
      return FALSE;
    }
  g_clear_pointer (&w->tmp_path, g_free);
  return TRUE;
}

void
cairn_seal_reader_free (CairnSealReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->file != NULL)
    fclose (reader->file);
  sodium_memzero (&reader->state, sizeof reader->state);
  g_free (reader->path);
  g_free (reader);
}

static gboolean
damaged (CairnSealReader *r,
         const char      *why,
         GError         **error)
{
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, _("%s: the file is damaged (%s)"), r->path, why);
  return FALSE;
}

/**
 * cairn_seal_reader_open:
 *
 * Opens a sealed file and checks the passphrase: a wrong one fails with
 * %CAIRN_ERROR_NOT_ALLOWED; a file that is not sealed, of another kind, or
 * damaged fails with %CAIRN_ERROR_CORRUPT.
 */
CairnSealReader *
cairn_seal_reader_open (const char  *path,
                        const char  *kind,
                        const char  *passphrase,
                        GError     **error)
{
  g_autoptr (CairnSealReader) r = g_new0 (CairnSealReader, 1);
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guint8 check[KEY_CHECK_BYTES];
  guint8 *p;
  guint8 kind_len;
  guint64 opslimit, memlimit;
  gsize need;

  if (sodium_init () < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("libsodium: could not be initialised"));
      return NULL;
    }
  r->path = g_strdup (path);
  r->file = g_fopen (path, "rb");
  if (r->file == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, "%s: %s", path, g_strerror (errno));
      return NULL;
    }
  if (fread (r->header_ad, 1, MAGIC_LEN + 1, r->file) != MAGIC_LEN + 1 ||
      memcmp (r->header_ad, MAGIC, MAGIC_LEN) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, _("%s: is not a sealed Cairn file"), path);
      return NULL;
    }
  kind_len = r->header_ad[MAGIC_LEN];
  need = kind_len + SALT_BYTES + 16 + KEY_CHECK_BYTES + SS_HEADER_BYTES;
  if (kind_len >= 32 || fread (r->header_ad + MAGIC_LEN + 1, 1, need, r->file) != need)
    {
      damaged (r, _("the header is cut short"), error);
      return NULL;
    }
  r->header_ad_len = MAGIC_LEN + 1 + need;
  p = r->header_ad + MAGIC_LEN + 1;
  if (kind_len != strlen (kind) || memcmp (p, kind, kind_len) != 0)
    {
      g_autofree char *found = g_strndup ((const char *) p, kind_len);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, _("%s: holds a %s, not a %s"), path,
                   found, kind);
      return NULL;
    }
  p += kind_len;
  opslimit = get_u64 (p + SALT_BYTES);
  memlimit = get_u64 (p + SALT_BYTES + 8);
  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > 64 || memlimit < crypto_pwhash_MEMLIMIT_MIN ||
      memlimit > (G_GUINT64_CONSTANT (4) << 30))
    {
      damaged (r, _("its key parameters are out of range"), error);
      return NULL;
    }
  if (crypto_pwhash (key, sizeof key, passphrase, strlen (passphrase), p, opslimit, (gsize) memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("Passphrase: key derivation ran out of memory"));
      return NULL;
    }
  key_check (key, check);
  if (sodium_memcmp (check, p + SALT_BYTES + 16, KEY_CHECK_BYTES) != 0)
    {
      sodium_memzero (key, sizeof key);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED,
                   _("Passphrase: it is not the passphrase %s was sealed with"), path);
      return NULL;
    }
  if (crypto_secretstream_xchacha20poly1305_init_pull (&r->state, p + SALT_BYTES + 16 + KEY_CHECK_BYTES,
                                                       key) != 0)
    {
      sodium_memzero (key, sizeof key);
      damaged (r, _("the stream header is invalid"), error);
      return NULL;
    }
  sodium_memzero (key, sizeof key);
  r->first = TRUE;
  return g_steal_pointer (&r);
}

/**
 * cairn_seal_reader_next:
 * @done: (out): set when this was the final chunk
 *
 * Returns: (transfer full): the next chunk's plaintext, or %NULL on error
 *   (a changed, missing or extra byte anywhere is %CAIRN_ERROR_CORRUPT)
 */
GBytes *
cairn_seal_reader_next (CairnSealReader  *r,
                        gboolean         *done,
                        GError          **error)
{
  guint8 len[4];
  gsize clen;
  g_autofree guint8 *cipher = NULL;
  guint8 *plain;
  unsigned long long plen = 0;
  guint8 tag = 0;

  *done = FALSE;
  if (r->done)
    {
      damaged (r, _("it is read past its end"), error);
      return NULL;
    }
  if (fread (len, 1, 4, r->file) != 4)
    {
      damaged (r, _("it ends before its final part: it was cut short"), error);
      return NULL;
    }
  clen = (gsize) len[0] | (gsize) len[1] << 8 | (gsize) len[2] << 16 | (gsize) len[3] << 24;
  if (clen < ABYTES || clen > CHUNK + ABYTES)
    {
      damaged (r, _("a part has an impossible length"), error);
      return NULL;
    }
  cipher = g_malloc (clen);
  if (fread (cipher, 1, clen, r->file) != clen)
    {
      damaged (r, _("it ends in the middle of a part: it was cut short"), error);
      return NULL;
    }
  plain = g_malloc (clen);
  if (crypto_secretstream_xchacha20poly1305_pull (&r->state, plain, &plen, &tag, cipher, clen,
                                                  r->first ? r->header_ad : NULL,
                                                  r->first ? r->header_ad_len : 0) != 0)
    {
      g_free (plain);
      damaged (r, _("a part fails its authentication check"), error);
      return NULL;
    }
  r->first = FALSE;
  if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
    {
      int c = fgetc (r->file);
      r->done = TRUE;
      *done = TRUE;
      if (c != EOF)
        {
          g_free (plain);
          damaged (r, _("there are bytes after its final part"), error);
          return NULL;
        }
    }
  return g_bytes_new_take (plain, (gsize) plen);
}

GBytes *
cairn_seal_read_all (const char  *path,
                     const char  *kind,
                     const char  *passphrase,
                     GError     **error)
{
  g_autoptr (CairnSealReader) r = cairn_seal_reader_open (path, kind, passphrase, error);
  g_autoptr (GByteArray) all = g_byte_array_new ();
  gboolean done = FALSE;

  if (r == NULL)
    return NULL;
  while (!done)
    {
      g_autoptr (GBytes) chunk = cairn_seal_reader_next (r, &done, error);
      gsize n;
      const guint8 *d;
      if (chunk == NULL)
        return NULL;
      d = g_bytes_get_data (chunk, &n);
      g_byte_array_append (all, d, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&all));
}

gboolean
cairn_seal_write_all (const char  *path,
                      const char  *kind,
                      const char  *passphrase,
                      const void  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr (CairnSealWriter) w = cairn_seal_writer_new (path, kind, passphrase, error);

  return w != NULL && cairn_seal_writer_write (w, data, length, error) &&
         cairn_seal_writer_finish (w, error);
}
