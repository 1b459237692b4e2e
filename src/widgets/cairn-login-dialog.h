/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-store.h"

G_BEGIN_DECLS

#define CAIRN_TYPE_LOGIN_DIALOG (cairn_login_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CairnLoginDialog, cairn_login_dialog, CAIRN, LOGIN_DIALOG, AdwWindow)

CairnLoginDialog *cairn_login_dialog_new (GtkWindow  *parent,
                                          CairnStore *store);

G_END_DECLS
