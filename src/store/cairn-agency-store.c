/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-agency-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-agency-store.h"
#include "cairn-error.h"
#include "cairn-store-private.h"

/* Steps a one-row, one-integer query; *id is 0 when there is no row. */
static gboolean
step_id (CairnStore    *self,
         sqlite3_stmt  *stmt,
         gint64        *id,
         GError       **error)
{
  int rc = sqlite3_step (stmt);

  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * cairn_store_find_agency:
 * @id: (out): the agency's row id, or 0 when no agency has @code
 *
 * Returns: %FALSE only when the database could not be read.
 */
gboolean
cairn_store_find_agency (CairnStore  *self,
                         const char  *code,
                         gint64      *id,
                         GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (self, "SELECT id FROM agencies WHERE code = ?1", error);

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, code);
  return step_id (self, stmt, id, error);
}

/**
 * cairn_store_ensure_agency:
 * @created: (out) (optional): whether the agency was added
 *
 * Validates @agency and returns the id of the agency with its code,
 * adding it when there is none. An agency already stored keeps its own
 * name and kind.
 */
gboolean
cairn_store_ensure_agency (CairnStore   *self,
                           CairnAgency  *agency,
                           gint64       *id,
                           gboolean     *created,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  if (created)
    *created = FALSE;

  if (!cairn_agency_validate (agency, error) || !cairn_store_find_agency (self, agency->code, id, error))
    return FALSE;
  if (*id != 0)
    return TRUE;
  stmt = cairn_store_prepare (self, "INSERT INTO agencies (code, name, kind) VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, agency->code);
  cairn_bind_text (stmt, 2, agency->name);
  cairn_bind_text (stmt, 3, agency->kind);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  if (created)
    *created = TRUE;
  return TRUE;
}

/**
 * cairn_store_find_professional:
 * @id: (out): the professional's row id, or 0 when there is none
 */
gboolean
cairn_store_find_professional (CairnStore  *self,
                               const char  *name,
                               const char  *agency_code,
                               gint64      *id,
                               GError     **error)
{
  sqlite3_stmt *stmt = cairn_store_prepare (
    self, "SELECT professionals.id FROM professionals JOIN agencies ON agencies.id = professionals.agency_id"
          " WHERE professionals.name = ?1 AND agencies.code = ?2", error);

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, name);
  cairn_bind_text (stmt, 2, agency_code);
  return step_id (self, stmt, id, error);
}

/**
 * cairn_store_ensure_professional:
 * @created: (out) (optional): whether the professional was added
 *
 * Validates @professional and returns the id of the professional with its
 * name and agency, adding them when there is none. The agency must exist.
 * A professional already stored keeps their own role, team and
 * qualification.
 */
gboolean
cairn_store_ensure_professional (CairnStore         *self,
                                 CairnProfessional  *professional,
                                 gint64             *id,
                                 gboolean           *created,
                                 GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 agency_id;

  if (created)
    *created = FALSE;

  if (!cairn_professional_validate (professional, error) ||
      !cairn_store_find_professional (self, professional->name, professional->agency_code, id, error))
    return FALSE;
  if (*id != 0)
    return TRUE;
  if (!cairn_store_find_agency (self, professional->agency_code, &agency_id, error))
    return FALSE;
  if (agency_id == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("Agency code: \"%s\" is not known"),
                   professional->agency_code);
      return FALSE;
    }
  stmt = cairn_store_prepare (
    self,
    "INSERT INTO professionals (name, role, agency_id, team, qualified_social_worker)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
    error);
  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, professional->name);
  cairn_bind_text (stmt, 2, professional->role);
  sqlite3_bind_int64 (stmt, 3, agency_id);
  cairn_bind_text (stmt, 4, professional->team);
  sqlite3_bind_int (stmt, 5, professional->qualified_social_worker ? 1 : 0);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  if (created)
    *created = TRUE;
  return TRUE;
}
