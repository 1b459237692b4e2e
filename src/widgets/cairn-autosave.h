/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Saving as the user types, for editors whose every field is its own
 * change in the store. A bound field (a GtkEditable such as GtkEntry or
 * AdwEntryRow, or a GtkTextView) is saved a short pause after the last
 * keystroke and at once when the focus leaves it; each save is one call to
 * the field's save function, so one transaction, and a crash or a power cut
 * loses at most the field being typed.
 *
 * A refused value stays in the field as typed, marked (the "error" style,
 * the store's message, "Review conference: … is not a date", as its tooltip
 * and accessible description), and is tried again when the field is left
 * or the editor is flushed, until it is changed or accepted.
 *
 * Undo is the widgets' own (GtkText and GtkTextBuffer keep an undo stack):
 * typing is undoable and an undo is saved like any other change; a value
 * shown with cairn_autosave_set_text() is neither saved nor undoable. */

#define CAIRN_TYPE_AUTOSAVE (cairn_autosave_get_type ())

G_DECLARE_FINAL_TYPE (CairnAutosave, cairn_autosave, CAIRN, AUTOSAVE, GObject)

/* Default pause after typing before a field is saved (milliseconds). */
#define CAIRN_AUTOSAVE_IDLE_MS 800

/**
 * CairnAutosaveFunc:
 * @widget: the bound field being saved
 * @text: its text
 * @user_data: the data the field was bound with
 *
 * Stores one field. Returns %FALSE with @error set when the value is refused.
 */
typedef gboolean (*CairnAutosaveFunc) (GtkWidget   *widget,
                                       const char  *text,
                                       gpointer     user_data,
                                       GError     **error);

CairnAutosave *cairn_autosave_new                (guint              idle_ms);
void           cairn_autosave_set_delay          (CairnAutosave     *self,
                                                  guint              idle_ms);
void           cairn_autosave_bind               (CairnAutosave     *self,
                                                  GtkWidget         *widget,
                                                  const char        *field,
                                                  CairnAutosaveFunc  func,
                                                  gpointer           user_data,
                                                  GDestroyNotify     destroy);
void           cairn_autosave_set_text           (CairnAutosave     *self,
                                                  GtkWidget         *widget,
                                                  const char        *text);
gboolean       cairn_autosave_flush              (CairnAutosave     *self,
                                                  GError           **error);
void           cairn_autosave_set_editable       (CairnAutosave     *self,
                                                  gboolean           editable);
void           cairn_autosave_set_field_editable (CairnAutosave     *self,
                                                  GtkWidget         *widget,
                                                  gboolean           editable);

G_END_DECLS
