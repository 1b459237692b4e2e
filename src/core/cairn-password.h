/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Passwords are hashed with Argon2id (libsodium crypto_pwhash) and never
 * logged, printed or kept longer than needed: callers wipe them with
 * cairn_password_free(). */

#define CAIRN_PASSWORD_MIN_LENGTH 10

gboolean  cairn_password_init            (GError     **error);
char     *cairn_password_hash            (const char  *password,
                                          GError     **error);
char     *cairn_password_hash_with_salt  (const char  *password,
                                          const guint8 salt[16],
                                          GError     **error);
gboolean  cairn_password_verify          (const char  *hash,
                                          const char  *password);
gboolean  cairn_password_check_strength  (const char  *password,
                                          GError     **error);
void      cairn_password_free            (char        *password);
char     *cairn_password_read_fd         (int          fd,
                                          GError     **error);
char     *cairn_password_read_terminal   (const char  *prompt,
                                          GError     **error);

G_END_DECLS
