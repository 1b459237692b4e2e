/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Saves each text field of an editor on its own: when focus leaves the
 * field, and after a short pause in typing, each save its own transaction
 * through the function the field was bound with. A crash or a power cut
 * then loses at most the field being typed. A refused value stays in the
 * field, marked, with the store's message ("Review conference: … is not a
 * date") until it is changed. */

#define CAIRN_TYPE_AUTOSAVE (cairn_autosave_get_type ())

G_DECLARE_FINAL_TYPE (CairnAutosave, cairn_autosave, CAIRN, AUTOSAVE, GObject)

/* Default pause after typing before a field is saved (milliseconds). */
#define CAIRN_AUTOSAVE_IDLE_MS 800

/**
 * CairnAutosaveFunc:
 * @value: the field's text
 *
 * Stores one field. Returns %FALSE with @error set when the value is refused.
 */
typedef gboolean (*CairnAutosaveFunc) (gpointer     user_data,
                                       const char  *value,
                                       GError     **error);

CairnAutosave *cairn_autosave_new            (guint              idle_ms);
void           cairn_autosave_set_delay      (CairnAutosave     *self,
                                              guint              idle_ms);
void           cairn_autosave_bind_editable  (CairnAutosave     *self,
                                              GtkEditable       *editable,
                                              const char        *field,
                                              CairnAutosaveFunc  func,
                                              gpointer           user_data,
                                              GDestroyNotify     destroy);
void           cairn_autosave_bind_text_view (CairnAutosave     *self,
                                              GtkTextView       *view,
                                              const char        *field,
                                              CairnAutosaveFunc  func,
                                              gpointer           user_data,
                                              GDestroyNotify     destroy);
void           cairn_autosave_set_text       (CairnAutosave     *self,
                                              GtkWidget         *widget,
                                              const char        *text);
gboolean       cairn_autosave_flush          (CairnAutosave     *self);
guint          cairn_autosave_get_n_pending  (CairnAutosave     *self);

G_END_DECLS
