/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cairn-store.h"

G_BEGIN_DECLS

/* The business manager's editor for a board meeting: date, times, venue
 * and chair; who is present, sent apologies or is in attendance; the
 * action points carried forward from earlier meetings with their updates;
 * and the agenda, item by item, with the minute, RESOLVED blocks and action
 * points. Keyboard first (tab order follows the form, mnemonics, Alt+Up and
 * Alt+Down move the item being edited, Ctrl+Return approves, Ctrl+Shift+G
 * and Ctrl+Shift+M issue, Ctrl+P prints, F9 shows the preview); every field
 * is saved on its own as it is left and after a short pause in typing;
 * minute numbers follow the agenda as it changes; the PDF preview follows. */

#define CAIRN_TYPE_MEETING_EDITOR (cairn_meeting_editor_get_type ())

G_DECLARE_FINAL_TYPE (CairnMeetingEditor, cairn_meeting_editor, CAIRN, MEETING_EDITOR, AdwBin)

CairnMeetingEditor *cairn_meeting_editor_new       (void);
void                cairn_meeting_editor_set_store (CairnMeetingEditor *self,
                                                    CairnStore         *store);
CairnStore         *cairn_meeting_editor_get_store (CairnMeetingEditor *self);
gboolean            cairn_meeting_editor_open      (CairnMeetingEditor *self,
                                                    const char         *ref,
                                                    GError            **error);
const char         *cairn_meeting_editor_get_ref   (CairnMeetingEditor *self);
gboolean            cairn_meeting_editor_flush     (CairnMeetingEditor *self);
void                cairn_meeting_editor_set_autosave_delay (CairnMeetingEditor *self,
                                                    guint               milliseconds);

G_END_DECLS
