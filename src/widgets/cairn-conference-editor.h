/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-store.h"

G_BEGIN_DECLS

/* The chair's editor for a child protection conference, used during the
 * meeting: details and quorum, attendance with each agency's contribution,
 * the family's views, strengths and risks, and for each child the decision,
 * categories, lead social worker, computed first core group and review
 * dates, core group, outline plan with actions, contingency and dissent.
 * Keyboard first (tab order follows the form, mnemonics on every field,
 * Ctrl+Return approves, Ctrl+Shift+O and Ctrl+Shift+M issue, Ctrl+P prints,
 * F9 shows the preview); every field is saved on its own when focus leaves
 * it and after a short pause in typing; the PDF preview follows. */

#define CAIRN_TYPE_CONFERENCE_EDITOR (cairn_conference_editor_get_type ())

G_DECLARE_FINAL_TYPE (CairnConferenceEditor, cairn_conference_editor, CAIRN, CONFERENCE_EDITOR, AdwBin)

CairnConferenceEditor *cairn_conference_editor_new         (void);
void                   cairn_conference_editor_set_store   (CairnConferenceEditor *self,
                                                            CairnStore            *store);
CairnStore            *cairn_conference_editor_get_store   (CairnConferenceEditor *self);
gboolean               cairn_conference_editor_open        (CairnConferenceEditor *self,
                                                            const char            *ref,
                                                            GError               **error);
const char            *cairn_conference_editor_get_ref     (CairnConferenceEditor *self);
gboolean               cairn_conference_editor_flush       (CairnConferenceEditor *self);
void                   cairn_conference_editor_set_autosave_delay (CairnConferenceEditor *self,
                                                            guint                  milliseconds);

G_END_DECLS
