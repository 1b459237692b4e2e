/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-roles"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-error.h"
#include "cairn-roles.h"

static const struct
{
  const char *id;
  const char *label;
} roles[CAIRN_N_ROLES] = {
  [CAIRN_ROLE_CHAIR] = { "chair", N_("LSCB chair") },
  [CAIRN_ROLE_BUSINESS_MANAGER] = { "business_manager", N_("business manager") },
  [CAIRN_ROLE_CONFERENCE_CHAIR] = { "conference_chair", N_("conference chair") },
  [CAIRN_ROLE_SCR_PANEL] = { "scr_panel", N_("SCR panel member") },
  [CAIRN_ROLE_PRACTITIONER] = { "practitioner", N_("practitioner") },
  [CAIRN_ROLE_AUDITOR] = { "auditor", N_("auditor") },
};

static const char *action_labels[CAIRN_N_ACTIONS] = {
  [CAIRN_ACTION_VIEW_CASES] = N_("view cases"),
  [CAIRN_ACTION_EDIT_CASE] = N_("change a case"),
  [CAIRN_ACTION_MANAGE_CONFERENCES] = N_("record conferences"),
  [CAIRN_ACTION_VIEW_SCR_DRAFT] = N_("read a serious case review draft"),
  [CAIRN_ACTION_EDIT_SCR] = N_("change a serious case review"),
  [CAIRN_ACTION_PUBLISH_SCR] = N_("sign off a serious case review"),
  [CAIRN_ACTION_EDIT_MEETINGS] = N_("change board meetings"),
  [CAIRN_ACTION_EDIT_ANNUAL_REPORT] = N_("change the annual report"),
  [CAIRN_ACTION_MANAGE_USERS] = N_("manage user accounts"),
  [CAIRN_ACTION_IMPORT] = N_("import records"),
  [CAIRN_ACTION_EXPORT] = N_("export records"),
  [CAIRN_ACTION_VIEW_AUDIT] = N_("read the audit trail"),
  [CAIRN_ACTION_EDIT_SETTINGS] = N_("change the board's settings"),
  [CAIRN_ACTION_BACKUP] = N_("back up or restore the database"),
};

#define N CAIRN_SCOPE_NONE
#define O CAIRN_SCOPE_OWN
#define A CAIRN_SCOPE_ALL

/* Who may do what. Practitioners change only their team's cases; SCR panel
 * members see and change only their own review's drafts; auditors read
 * everything and change nothing. */
static const CairnScope matrix[CAIRN_N_ROLES][CAIRN_N_ACTIONS] = {
  /*                               view edit conf scrR scrW pub  meet annu user imp  exp  audit set  bak */
  [CAIRN_ROLE_CHAIR] =            { A,   A,   A,   A,   A,   A,   A,   A,   A,   A,   A,   A,   A,   A },
  [CAIRN_ROLE_BUSINESS_MANAGER] = { A,   N,   N,   N,   N,   N,   A,   A,   A,   A,   A,   N,   A,   A },
  [CAIRN_ROLE_CONFERENCE_CHAIR] = { A,   A,   A,   N,   N,   N,   N,   N,   N,   N,   A,   N,   N,   N },
  [CAIRN_ROLE_SCR_PANEL] =        { A,   N,   N,   O,   O,   O,   N,   N,   N,   N,   N,   N,   N,   N },
  [CAIRN_ROLE_PRACTITIONER] =     { A,   O,   N,   N,   N,   N,   N,   N,   N,   N,   O,   N,   N,   N },
  [CAIRN_ROLE_AUDITOR] =          { A,   N,   N,   A,   N,   N,   N,   N,   N,   N,   N,   A,   N,   N },
};

#undef N
#undef O
#undef A

const char *
cairn_role_to_string (CairnRole role)
{
  g_return_val_if_fail (role < CAIRN_N_ROLES, NULL);
  return roles[role].id;
}

const char *
cairn_role_label (CairnRole role)
{
  g_return_val_if_fail (role < CAIRN_N_ROLES, NULL);
  return _(roles[role].label);
}

gboolean
cairn_role_from_string (const char  *text,
                        CairnRole   *role,
                        GError     **error)
{
  for (int i = 0; i < CAIRN_N_ROLES; i++)
    if (g_strcmp0 (text, roles[i].id) == 0)
      {
        *role = (CairnRole) i;
        return TRUE;
      }
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
               _("Role: \"%s\" is not a role (chair, business_manager, conference_chair, "
                 "scr_panel, practitioner, auditor)"),
               text ? text : "");
  return FALSE;
}

const char *
cairn_action_label (CairnAction action)
{
  g_return_val_if_fail (action < CAIRN_N_ACTIONS, NULL);
  return _(action_labels[action]);
}

CairnScope
cairn_role_scope (CairnRole   role,
                  CairnAction action)
{
  g_return_val_if_fail (role < CAIRN_N_ROLES && action < CAIRN_N_ACTIONS, CAIRN_SCOPE_NONE);
  return matrix[role][action];
}
