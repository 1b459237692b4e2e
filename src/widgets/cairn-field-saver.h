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
 * cairn_field_saver_set_text() is neither saved nor undoable. */

typedef struct _CairnFieldSaver CairnFieldSaver;

/**
 * CairnFieldSaverFunc:
 * @field: the widget being saved
 * @text: its text
 *
 * Saves @text; returns %FALSE with @error when the store refuses it.
 */
typedef gboolean (*CairnFieldSaverFunc) (GtkWidget   *field,
                                       const char  *text,
                                       gpointer     user_data,
                                       GError     **error);

typedef void (*CairnFieldSaverErrorFunc) (GtkWidget    *field,
                                        const GError *error,
                                        gpointer      user_data);

CairnFieldSaver *cairn_field_saver_new         (guint                   delay_ms,
                                           CairnFieldSaverErrorFunc  on_error,
                                           gpointer                user_data);
void           cairn_field_saver_free        (CairnFieldSaver          *self);
void           cairn_field_saver_add         (CairnFieldSaver          *self,
                                           GtkWidget              *field,
                                           CairnFieldSaverFunc       save,
                                           gpointer                user_data);
gboolean       cairn_field_saver_flush       (CairnFieldSaver          *self,
                                           GError                **error);
gboolean       cairn_field_saver_is_pending  (CairnFieldSaver          *self);
void           cairn_field_saver_set_all_editable (CairnFieldSaver     *self,
                                                gboolean           editable);

void           cairn_field_saver_set_text    (GtkWidget              *field,
                                           const char             *text);
char          *cairn_field_saver_dup_text    (GtkWidget              *field);
void           cairn_field_saver_set_editable (GtkWidget             *field,
                                            gboolean                editable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnFieldSaver, cairn_field_saver_free)

G_END_DECLS
