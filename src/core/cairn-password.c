/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-password"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cairn-error.h"
#include "cairn-password.h"

/* Interactive limits: about 64 MiB and a fraction of a second per hash. */
#define OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE
#define MAX_PASSWORD_BYTES 1024

gboolean
cairn_password_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("libsodium: could not be initialised"));
      return FALSE;
    }
  return TRUE;
}

char *
cairn_password_hash (const char  *password,
                     GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (!cairn_password_init (error))
    return NULL;
  if (crypto_pwhash_str (out, password, strlen (password), OPSLIMIT, MEMLIMIT) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("Password: hashing ran out of memory"));
      return NULL;
    }
  return g_strdup (out);
}

/**
 * cairn_password_hash_with_salt:
 *
 * As cairn_password_hash(), with a given salt, in the same encoded form
 * ("$argon2id$v=19$m=…,t=…,p=1$salt$hash") that cairn_password_verify()
 * reads. Only for generated demo accounts, whose database must be the same
 * on every run; real accounts use a random salt.
 */
char *
cairn_password_hash_with_salt (const char   *password,
                               const guint8  salt[16],
                               GError      **error)
{
  guint8 key[32];
  char salt64[64], key64[64];

  G_STATIC_ASSERT (crypto_pwhash_SALTBYTES == 16);
  if (!cairn_password_init (error))
    return NULL;
  if (crypto_pwhash (key, sizeof key, password, strlen (password), salt, OPSLIMIT, MEMLIMIT,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("Password: hashing ran out of memory"));
      return NULL;
    }
  sodium_bin2base64 (salt64, sizeof salt64, salt, 16, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  sodium_bin2base64 (key64, sizeof key64, key, sizeof key,
                     sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
  sodium_memzero (key, sizeof key);
  return g_strdup_printf ("$argon2id$v=19$m=%u,t=%u,p=1$%s$%s", (unsigned) (MEMLIMIT / 1024),
                          (unsigned) OPSLIMIT, salt64, key64);
}

gboolean
cairn_password_verify (const char *hash,
                       const char *password)
{
  if (hash == NULL || password == NULL || sodium_init () < 0)
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

gboolean
cairn_password_check_strength (const char  *password,
                               GError     **error)
{
  if (password == NULL || g_utf8_strlen (password, -1) < CAIRN_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Password: must be at least %d characters long"), CAIRN_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  if (!g_utf8_validate (password, -1, NULL))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Password: is not valid UTF-8"));
      return FALSE;
    }
  return TRUE;
}

/* Wipes and frees a password. */
void
cairn_password_free (char *password)
{
  if (password == NULL)
    return;
  sodium_memzero (password, strlen (password));
  g_free (password);
}

static void
strip_newline (char *s)
{
  gsize n = strlen (s);

  while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
    s[--n] = '\0';
}

/**
 * cairn_password_read_fd:
 *
 * Reads one line (the password) from file descriptor @fd, as
 * `--password-fd N` passes it. The descriptor is not closed.
 */
char *
cairn_password_read_fd (int      fd,
                        GError **error)
{
  char buf[MAX_PASSWORD_BYTES + 2];
  gsize len = 0;

  while (len < sizeof buf - 1)
    {
      ssize_t n = read (fd, buf + len, 1);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          sodium_memzero (buf, sizeof buf);
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("--password-fd: %d: %s"), fd,
                       g_strerror (saved));
          return NULL;
        }
      if (n == 0 || buf[len] == '\n')
        break;
      len++;
    }
  buf[len] = '\0';
  if (len > MAX_PASSWORD_BYTES)
    {
      sodium_memzero (buf, sizeof buf);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("--password-fd: the password is too long"));
      return NULL;
    }
  strip_newline (buf);
  {
    char *password = g_strdup (buf);
    sodium_memzero (buf, sizeof buf);
    return password;
  }
}

/* Prompts on the terminal with echo off. */
char *
cairn_password_read_terminal (const char  *prompt,
                              GError     **error)
{
  struct termios old, noecho;
  FILE *tty = fopen ("/dev/tty", "r+");
  char buf[MAX_PASSWORD_BYTES + 2];
  char *password;

  if (tty == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED,
                   _("--password-fd: no terminal to ask for the password; pass it with --password-fd N"));
      return NULL;
    }
  fputs (prompt, tty);
  fflush (tty);
  tcgetattr (fileno (tty), &old);
  noecho = old;
  noecho.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &noecho);
  if (fgets (buf, sizeof buf, tty) == NULL)
    buf[0] = '\0';
  tcsetattr (fileno (tty), TCSAFLUSH, &old);
  fputs ("\n", tty);
  fclose (tty);
  strip_newline (buf);
  password = g_strdup (buf);
  sodium_memzero (buf, sizeof buf);
  return password;
}
