/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-child"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-child.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

CairnChild *
cairn_child_new (void)
{
  CairnChild *child = g_new0 (CairnChild, 1);

  cairn_date_clear (&child->date_of_birth);
  cairn_date_clear (&child->expected_birth_date);
  cairn_date_clear (&child->date_of_death);
  child->sex = g_strdup ("U");
  child->disabilities = g_ptr_array_new_with_free_func (g_free);
  return child;
}

void
cairn_child_free (CairnChild *child)
{
  if (child == NULL)
    return;
  g_free (child->given_name);
  g_free (child->family_name);
  g_free (child->other_names);
  g_free (child->aliases);
  g_free (child->sex);
  g_free (child->gender_current);
  g_free (child->ethnicity);
  g_free (child->religion);
  g_free (child->first_language);
  g_free (child->nhs_number);
  g_free (child->la_child_id);
  g_free (child->upn);
  g_free (child->former_upn);
  g_free (child->upn_unknown);
  g_free (child->address);
  g_free (child->postcode);
  g_free (child->school);
  g_free (child->gp);
  g_free (child->legal_status);
  g_clear_pointer (&child->disabilities, g_ptr_array_unref);
  g_free (child);
}

gboolean
cairn_child_is_unborn (const CairnChild *child)
{
  return !cairn_date_is_set (&child->date_of_birth) && cairn_date_is_set (&child->expected_birth_date);
}

/* The date of birth, or for an unborn child the expected date; NULL when neither is known. */
const GDate *
cairn_child_get_birth_or_expected (const CairnChild *child)
{
  if (cairn_date_is_set (&child->date_of_birth))
    return &child->date_of_birth;
  if (cairn_date_is_set (&child->expected_birth_date))
    return &child->expected_birth_date;
  return NULL;
}

char *
cairn_child_dup_display_name (const CairnChild *child)
{
  gboolean has_given = child->given_name != NULL && *child->given_name != '\0';
  gboolean has_family = child->family_name != NULL && *child->family_name != '\0';

  /* A census return carries no names: the council's identifier stands in. */
  if (!has_given && !has_family)
    return child->la_child_id != NULL && *child->la_child_id != '\0'
             ? g_strdup_printf (_("Child %s (no name recorded)"), child->la_child_id)
             : g_strdup (_("No name recorded"));
  if (!has_given)
    return cairn_child_is_unborn (child) ? g_strdup_printf (_("Unborn %s"), child->family_name)
                                         : g_strdup (child->family_name);
  return g_strdup_printf ("%s %s", child->given_name, child->family_name ? child->family_name : "");
}

/**
 * cairn_child_validate:
 * @today: today's date (see cairn_today()); dates after it are refused
 *
 * Checks every field of @child and normalises the NHS number to ten digits.
 */
gboolean
cairn_child_validate (CairnChild  *child,
                      const GDate *today,
                      GError     **error)
{
  if (!cairn_validate_required (_("Family name"), child->family_name, error) ||
      !cairn_validate_max_length (_("Family name"), child->family_name, 200, error) ||
      !cairn_validate_max_length (_("Given name"), child->given_name, 200, error) ||
      !cairn_validate_text (_("Other names"), child->other_names, error) ||
      !cairn_validate_text (_("Known as"), child->aliases, error) ||
      !cairn_validate_text (_("Address"), child->address, error) ||
      !cairn_validate_text (_("School"), child->school, error))
    return FALSE;

  if (!cairn_date_is_set (&child->date_of_birth) && !cairn_date_is_set (&child->expected_birth_date))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Date of birth: a date of birth or an expected date of birth is required"));
      return FALSE;
    }
  if (!cairn_date_check_not_after (_("Date of birth"), &child->date_of_birth, today, error) ||
      !cairn_date_check_not_after (_("Date of death"), &child->date_of_death, today, error))
    return FALSE;

  if (cairn_date_is_set (&child->date_of_death))
    {
      const GDate *birth = cairn_child_get_birth_or_expected (child);
      if (cairn_date_is_set (&child->date_of_birth) && g_date_compare (&child->date_of_death, birth) < 0)
        {
          g_autofree char *d = cairn_date_to_string (&child->date_of_death);
          g_autofree char *b = cairn_date_to_string (birth);
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Date of death: %s is before the date of birth (%s)"), d, b);
          return FALSE;
        }
    }

  if (child->sex == NULL || *child->sex == '\0')
    cairn_set_str (&child->sex, "U");
  if (!cairn_codes_check (CAIRN_CODES_SEX, _("Sex"), child->sex, error))
    return FALSE;
  if (child->gender_current != NULL && *child->gender_current != '\0' &&
      strcmp (child->gender_current, "0") != 0 && strcmp (child->gender_current, "1") != 0 &&
      strcmp (child->gender_current, "2") != 0 && strcmp (child->gender_current, "9") != 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Gender: \"%s\" is not a known code (0, 1, 2 or 9)"), child->gender_current);
      return FALSE;
    }
  if (child->ethnicity != NULL && *child->ethnicity != '\0' &&
      !cairn_codes_check (CAIRN_CODES_ETHNICITY, _("Ethnicity"), child->ethnicity, error))
    return FALSE;

  if (child->nhs_number != NULL && *child->nhs_number != '\0')
    {
      if (!cairn_nhs_number_validate (_("NHS number"), child->nhs_number, error))
        return FALSE;
      g_autofree char *digits = cairn_nhs_number_normalize (child->nhs_number);
      cairn_set_str (&child->nhs_number, digits);
    }

  if (child->upn != NULL && *child->upn != '\0' &&
      !cairn_upn_validate (_("UPN"), child->upn, error))
    return FALSE;
  if (child->former_upn != NULL && *child->former_upn != '\0' &&
      (strlen (child->former_upn) != 13 || !g_ascii_isupper (child->former_upn[0]) ||
       strspn (child->former_upn + 1, "0123456789") != 12))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Former UPN: \"%s\" is not a letter followed by 12 digits"), child->former_upn);
      return FALSE;
    }
  if (child->upn_unknown != NULL && *child->upn_unknown != '\0' &&
      !cairn_codes_check (CAIRN_CODES_UPN_UNKNOWN, _("UPN unknown reason"), child->upn_unknown, error))
    return FALSE;
  if (child->la_child_id != NULL && *child->la_child_id != '\0' &&
      !cairn_validate_max_length (_("LA child ID"), child->la_child_id, 100, error))
    return FALSE;

  for (guint i = 0; i < child->disabilities->len; i++)
    {
      const char *code = g_ptr_array_index (child->disabilities, i);
      if (!cairn_codes_check (CAIRN_CODES_DISABILITY, _("Disability"), code, error))
        return FALSE;
      if (strcmp (code, "NONE") == 0 && child->disabilities->len > 1)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Disability: \"NONE\" cannot be recorded with other disabilities"));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (strcmp (code, g_ptr_array_index (child->disabilities, j)) == 0)
          {
            g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                         _("Disability: \"%s\" is recorded twice"), code);
            return FALSE;
          }
    }
  return TRUE;
}

CairnPerson *
cairn_person_new (void)
{
  CairnPerson *person = g_new0 (CairnPerson, 1);

  cairn_date_clear (&person->date_of_birth);
  person->sex = g_strdup ("U");
  return person;
}

void
cairn_person_free (CairnPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->given_name);
  g_free (person->family_name);
  g_free (person->aliases);
  g_free (person->sex);
  g_free (person->address);
  g_free (person->postcode);
  g_free (person->phone);
  g_free (person);
}

gboolean
cairn_person_validate (CairnPerson *person,
                       const GDate *today,
                       GError     **error)
{
  if (!cairn_validate_required (_("Family name"), person->family_name, error) ||
      !cairn_validate_max_length (_("Family name"), person->family_name, 200, error) ||
      !cairn_validate_max_length (_("Given name"), person->given_name, 200, error) ||
      !cairn_validate_text (_("Known as"), person->aliases, error) ||
      !cairn_validate_text (_("Address"), person->address, error) ||
      !cairn_date_check_not_after (_("Date of birth"), &person->date_of_birth, today, error))
    return FALSE;
  if (person->sex == NULL || *person->sex == '\0')
    cairn_set_str (&person->sex, "U");
  return cairn_codes_check (CAIRN_CODES_SEX, _("Sex"), person->sex, error);
}
