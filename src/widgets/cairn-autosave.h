/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Saving as the user types, for editors whose every field is its own
 * change in the store. A field (a GtkEditable such as GtkEntry or
 * AdwEntryRow, or a GtkTextView) is saved a short while after the last
 * keystroke and at once when the focus leaves it; each save is one call to
 * the field's save function, so one transaction. A refused save marks the
 * field (the "error" style, its message as the tooltip) and reports it; the
 * text stays as typed so that it can be corrected. Undo is the widgets' own
 * (GtkText and GtkTextBuffer keep an undo stack); loading a value with
 * cairn_autosave_set_text() is neither saved nor undoable. */

typedef struct _CairnAutosave CairnAutosave;

/**
 * CairnAutosaveFunc:
 * @field: the widget being saved
 * @text: its text
 *
 * Saves @text; returns %FALSE with @error when the store refuses it.
 */
typedef gboolean (*CairnAutosaveFunc) (GtkWidget   *field,
                                       const char  *text,
                                       gpointer     user_data,
                                       GError     **error);

typedef void (*CairnAutosaveErrorFunc) (GtkWidget    *field,
                                        const GError *error,
                                        gpointer      user_data);

CairnAutosave *cairn_autosave_new         (guint                   delay_ms,
                                           CairnAutosaveErrorFunc  on_error,
                                           gpointer                user_data);
void           cairn_autosave_free        (CairnAutosave          *self);
void           cairn_autosave_add         (CairnAutosave          *self,
                                           GtkWidget              *field,
                                           CairnAutosaveFunc       save,
                                           gpointer                user_data);
gboolean       cairn_autosave_flush       (CairnAutosave          *self,
                                           GError                **error);
gboolean       cairn_autosave_is_pending  (CairnAutosave          *self);
void           cairn_autosave_set_all_editable (CairnAutosave     *self,
                                                gboolean           editable);

void           cairn_autosave_set_text    (GtkWidget              *field,
                                           const char             *text);
char          *cairn_autosave_dup_text    (GtkWidget              *field);
void           cairn_autosave_set_editable (GtkWidget             *field,
                                            gboolean                editable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnAutosave, cairn_autosave_free)

G_END_DECLS
