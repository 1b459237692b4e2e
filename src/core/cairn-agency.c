/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-agency"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-agency.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

CairnAgency *
cairn_agency_new (void)
{
  CairnAgency *agency = g_new0 (CairnAgency, 1);

  agency->kind = g_strdup ("other");
  return agency;
}

void
cairn_agency_free (CairnAgency *agency)
{
  if (agency == NULL)
    return;
  g_free (agency->code);
  g_free (agency->name);
  g_free (agency->kind);
  g_free (agency);
}

/* An agency needs a code and a name; an empty kind becomes "other". */
gboolean
cairn_agency_validate (CairnAgency *agency,
                       GError     **error)
{
  if (cairn_str_empty (agency->kind))
    cairn_set_str (&agency->kind, "other");
  return cairn_validate_required (_("Agency code"), agency->code, error) &&
         cairn_validate_max_length (_("Agency code"), agency->code, 50, error) &&
         cairn_validate_required (_("Agency name"), agency->name, error) &&
         cairn_validate_max_length (_("Agency name"), agency->name, 200, error) &&
         cairn_validate_max_length (_("Agency kind"), agency->kind, 50, error);
}

CairnProfessional *
cairn_professional_new (void)
{
  return g_new0 (CairnProfessional, 1);
}

void
cairn_professional_free (CairnProfessional *professional)
{
  if (professional == NULL)
    return;
  g_free (professional->name);
  g_free (professional->agency_code);
  g_free (professional->role);
  g_free (professional->team);
  g_free (professional);
}

/* A professional needs a name and the code of the agency they work for. */
gboolean
cairn_professional_validate (CairnProfessional *professional,
                             GError           **error)
{
  return cairn_validate_required (_("Name"), professional->name, error) &&
         cairn_validate_max_length (_("Name"), professional->name, 200, error) &&
         cairn_validate_required (_("Agency code"), professional->agency_code, error) &&
         cairn_validate_max_length (_("Role"), professional->role, 200, error) &&
         cairn_validate_max_length (_("Team"), professional->team, 200, error);
}
