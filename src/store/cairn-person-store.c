/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-person-store"

#include "config.h"

#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-person-store.h"
#include "cairn-store-private.h"

/**
 * cairn_store_find_person:
 * @id: (out): the person's row id, or 0 when no stored person matches
 *
 * Finds the person with the same given name, family name and date of
 * birth (the lowest id when several match). A person without a date of
 * birth matches nobody.
 */
gboolean
cairn_store_find_person (CairnStore         *self,
                         const CairnPerson  *person,
                         gint64             *id,
                         GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  if (!cairn_date_is_set (&person->date_of_birth))
    return TRUE;
  stmt = cairn_store_prepare (
    self,
    "SELECT min(id) FROM people WHERE given_name = ?1 AND family_name = ?2 AND date_of_birth = ?3",
    error);
  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, person->given_name);
  cairn_bind_text (stmt, 2, person->family_name);
  cairn_bind_date (stmt, 3, &person->date_of_birth);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_store_ensure_person:
 * @created: (out) (optional): whether a new person was added
 *
 * Validates @person and returns the id of the stored person who matches
 * (see cairn_store_find_person()), adding them when nobody does. A person
 * already stored keeps their own details.
 */
gboolean
cairn_store_ensure_person (CairnStore   *self,
                           CairnPerson  *person,
                           gint64       *id,
                           gboolean     *created,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  GDate today;

  if (created)
    *created = FALSE;
  if (!cairn_store_get_today_checked (self, &today, error) ||
      !cairn_person_validate (person, &today, error) ||
      !cairn_store_find_person (self, person, id, error))
    return FALSE;
  if (*id != 0)
    return TRUE;
  stmt = cairn_store_prepare (
    self,
    "INSERT INTO people (given_name, family_name, aliases, date_of_birth, sex, address, postcode,"
    " phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    error);
  if (stmt == NULL)
    return FALSE;
  cairn_bind_text (stmt, 1, person->given_name);
  cairn_bind_text (stmt, 2, person->family_name);
  cairn_bind_text (stmt, 3, person->aliases);
  cairn_bind_date (stmt, 4, &person->date_of_birth);
  cairn_bind_text (stmt, 5, person->sex);
  cairn_bind_text_or_null (stmt, 6, person->address);
  cairn_bind_text_or_null (stmt, 7, person->postcode);
  cairn_bind_text_or_null (stmt, 8, person->phone);
  if (!cairn_store_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (cairn_store_get_db (self));
  if (created)
    *created = TRUE;
  return TRUE;
}
