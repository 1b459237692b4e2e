/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAIRN_ERROR (cairn_error_quark ())

/**
 * CairnError:
 * @CAIRN_ERROR_INVALID: a value was refused (bad date, code, number, missing field)
 * @CAIRN_ERROR_NOT_FOUND: a reference names no record
 * @CAIRN_ERROR_EXISTS: the record or file already exists
 * @CAIRN_ERROR_IO: a file could not be read or written
 * @CAIRN_ERROR_DATABASE: SQLite reported an error
 * @CAIRN_ERROR_NEWER_VERSION: the database was written by a newer Cairn
 * @CAIRN_ERROR_CORRUPT: a file or database failed an integrity check
 * @CAIRN_ERROR_OUT_OF_ORDER: a pathway step does not follow from the previous one
 * @CAIRN_ERROR_PUBLICATION_REFUSED: a publishable document still holds an identifier
 * @CAIRN_ERROR_NOT_ALLOWED: the user may not do this
 * @CAIRN_ERROR_NO_LIMIT: a rule has no national limit
 *
 * Error codes in the %CAIRN_ERROR domain. Messages always name the field
 * and the refused value, in the form "FIELD: problem".
 */
typedef enum
{
  CAIRN_ERROR_INVALID,
  CAIRN_ERROR_NOT_FOUND,
  CAIRN_ERROR_EXISTS,
  CAIRN_ERROR_IO,
  CAIRN_ERROR_DATABASE,
  CAIRN_ERROR_NEWER_VERSION,
  CAIRN_ERROR_CORRUPT,
  CAIRN_ERROR_OUT_OF_ORDER,
  CAIRN_ERROR_PUBLICATION_REFUSED,
  CAIRN_ERROR_NOT_ALLOWED,
  CAIRN_ERROR_NO_LIMIT,
} CairnError;

GQuark cairn_error_quark (void);

G_END_DECLS
