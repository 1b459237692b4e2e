/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Sealed files: encrypted and authenticated containers for backups and
 * child exports. The key comes from a passphrase through Argon2id; the
 * content is a libsodium secretstream (XChaCha20-Poly1305) of chunks, the
 * last one tagged final, so truncation, reordering and any changed byte
 * are detected. A key check in the header tells a wrong passphrase
 * (%CAIRN_ERROR_NOT_ALLOWED) from a damaged file (%CAIRN_ERROR_CORRUPT).
 */

typedef struct _CairnSealWriter CairnSealWriter;
typedef struct _CairnSealReader CairnSealReader;

gboolean          cairn_seal_file_is_sealed (const char       *path);

CairnSealWriter  *cairn_seal_writer_new     (const char       *path,
                                             const char       *kind,
                                             const char       *passphrase,
                                             GError          **error);
gboolean          cairn_seal_writer_write   (CairnSealWriter  *writer,
                                             const void       *data,
                                             gsize             length,
                                             GError          **error);
gboolean          cairn_seal_writer_flush_message (CairnSealWriter *writer,
                                                   GError         **error);
gboolean          cairn_seal_writer_finish  (CairnSealWriter  *writer,
                                             GError          **error);
void              cairn_seal_writer_free    (CairnSealWriter  *writer);

CairnSealReader  *cairn_seal_reader_open    (const char       *path,
                                             const char       *kind,
                                             const char       *passphrase,
                                             GError          **error);
GBytes           *cairn_seal_reader_next    (CairnSealReader  *reader,
                                             gboolean         *done,
                                             GError          **error);
void              cairn_seal_reader_free    (CairnSealReader  *reader);

GBytes           *cairn_seal_read_all       (const char       *path,
                                             const char       *kind,
                                             const char       *passphrase,
                                             GError          **error);
gboolean          cairn_seal_write_all      (const char       *path,
                                             const char       *kind,
                                             const char       *passphrase,
                                             const void       *data,
                                             gsize             length,
                                             GError          **error);
gboolean          cairn_passphrase_check    (const char       *passphrase,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnSealWriter, cairn_seal_writer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnSealReader, cairn_seal_reader_free)

G_END_DECLS
