/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CairnRole:
 *
 * What a user does for the board. Permissions follow from the role and,
 * for practitioners and SCR panel members, from their team or panel.
 */
typedef enum
{
  CAIRN_ROLE_CHAIR,
  CAIRN_ROLE_BUSINESS_MANAGER,
  CAIRN_ROLE_CONFERENCE_CHAIR,
  CAIRN_ROLE_SCR_PANEL,
  CAIRN_ROLE_PRACTITIONER,
  CAIRN_ROLE_AUDITOR,
  CAIRN_N_ROLES
} CairnRole;

/**
 * CairnAction:
 *
 * Everything the library checks before it reads or changes a record.
 */
typedef enum
{
  CAIRN_ACTION_VIEW_CASES,
  CAIRN_ACTION_EDIT_CASE,
  CAIRN_ACTION_MANAGE_CONFERENCES,
  CAIRN_ACTION_VIEW_SCR_DRAFT,
  CAIRN_ACTION_EDIT_SCR,
  CAIRN_ACTION_PUBLISH_SCR,
  CAIRN_ACTION_EDIT_MEETINGS,
  CAIRN_ACTION_EDIT_ANNUAL_REPORT,
  CAIRN_ACTION_MANAGE_USERS,
  CAIRN_ACTION_IMPORT,
  CAIRN_ACTION_EXPORT,
  CAIRN_ACTION_VIEW_AUDIT,
  CAIRN_ACTION_EDIT_SETTINGS,
  CAIRN_ACTION_BACKUP,
  CAIRN_N_ACTIONS
} CairnAction;

/**
 * CairnScope:
 * @CAIRN_SCOPE_NONE: the role may not do this at all
 * @CAIRN_SCOPE_OWN: only within the user's team (cases) or panel (SCRs)
 * @CAIRN_SCOPE_ALL: everywhere
 */
typedef enum
{
  CAIRN_SCOPE_NONE,
  CAIRN_SCOPE_OWN,
  CAIRN_SCOPE_ALL,
} CairnScope;

const char *cairn_role_to_string   (CairnRole    role);
const char *cairn_role_label       (CairnRole    role);
gboolean    cairn_role_from_string (const char  *text,
                                    CairnRole   *role,
                                    GError     **error);
const char *cairn_action_label     (CairnAction  action);
CairnScope  cairn_role_scope       (CairnRole    role,
                                    CairnAction  action);

G_END_DECLS
