/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-field-saver"

#include "config.h"


#include "cairn-field-saver.h"
#include "cairn-error.h"

#define FIELD_KEY "cairn-field-saver-field"

struct _CairnFieldSaver
{
  guint delay_ms;
  CairnFieldSaverErrorFunc on_error;
  gpointer user_data;
  GPtrArray *fields; /* Field *, not owned: each belongs to its widget */
};

typedef struct
{
  CairnFieldSaver *group;
  GtkWidget *widget; /* not owned: the field is the widget's data */
  CairnFieldSaverFunc save;
  gpointer user_data;
  guint timeout_id;
  gboolean dirty;
  gboolean loading;
  char *problem;     /* the message of a refused save, until the next good one */
  char *tooltip;     /* the widget's own tooltip, put back after a problem */
} Field;

static Field *
get_field (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), FIELD_KEY);
}

static void
field_free (Field *f)
{
  g_clear_handle_id (&f->timeout_id, g_source_remove);
  if (f->group != NULL)
    g_ptr_array_remove_fast (f->group->fields, f);
  g_free (f->problem);
  g_free (f->tooltip);
  g_free (f);
}

CairnFieldSaver *
cairn_field_saver_new (guint                   delay_ms,
                    CairnFieldSaverErrorFunc  on_error,
                    gpointer                user_data)
{
  CairnFieldSaver *self = g_new0 (CairnFieldSaver, 1);

  self->delay_ms = delay_ms;
  self->on_error = on_error;
  self->user_data = user_data;
  self->fields = g_ptr_array_new ();
  return self;
}

/* Forgets the fields (their widgets may outlive the group); pending edits
 * are not saved: flush first. */
void
cairn_field_saver_free (CairnFieldSaver *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = g_ptr_array_index (self->fields, i);
      g_clear_handle_id (&f->timeout_id, g_source_remove);
      f->group = NULL;
    }
  g_ptr_array_unref (self->fields);
  g_free (self);
}

char *
cairn_field_saver_dup_text (GtkWidget *field)
{
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  g_return_val_if_fail (GTK_IS_EDITABLE (field), NULL);
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
}

static void
show_problem (Field      *f,
              const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (f->widget, "error");
      gtk_widget_set_tooltip_text (f->widget, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (f->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (f->widget, "error");
      gtk_widget_set_tooltip_text (f->widget, f->tooltip);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (f->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Saves the field if it changed since its last save. */
static gboolean
save_field (Field   *f,
            GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *text = NULL;

  if (!f->dirty)
    {
      if (f->problem != NULL)
        {
          g_set_error_literal (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, f->problem);
          return FALSE;
        }
      return TRUE;
    }
  g_clear_handle_id (&f->timeout_id, g_source_remove);
  f->dirty = FALSE;
  text = cairn_field_saver_dup_text (f->widget);
  if (f->save (f->widget, text, f->user_data, &local))
    {
      if (f->problem != NULL)
        {
          g_clear_pointer (&f->problem, g_free);
          show_problem (f, NULL);
        }
      return TRUE;
    }
  g_free (f->problem);
  f->problem = g_strdup (local->message);
  show_problem (f, f->problem);
  if (f->group != NULL && f->group->on_error != NULL)
    f->group->on_error (f->widget, local, f->group->user_data);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
save_timeout (gpointer data)
{
  Field *f = data;

  f->timeout_id = 0;
  save_field (f, NULL);
  return G_SOURCE_REMOVE;
}

static void
field_changed (Field *f)
{
  if (f->loading || f->group == NULL)
    return;
  f->dirty = TRUE;
  g_clear_handle_id (&f->timeout_id, g_source_remove);
  f->timeout_id = g_timeout_add (f->group->delay_ms, save_timeout, f);
}

static void
focus_left (GtkEventControllerFocus *controller,
            Field                   *f)
{
  if (f->dirty)
    save_field (f, NULL);
}

/**
 * cairn_field_saver_add:
 *
 * Saves @field (a GtkEditable or a GtkTextView) with @save as it is edited.
 * The field stays registered until it is finalized.
 */
void
cairn_field_saver_add (CairnFieldSaver     *self,
                    GtkWidget         *field,
                    CairnFieldSaverFunc  save,
                    gpointer           user_data)
{
  Field *f = g_new0 (Field, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_return_if_fail (GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));
  g_return_if_fail (get_field (field) == NULL);

  f->group = self;
  f->widget = field;
  f->save = save;
  f->user_data = user_data;
  f->tooltip = gtk_widget_get_tooltip_text (field) ? g_strdup (gtk_widget_get_tooltip_text (field)) : NULL;
  g_object_set_data_full (G_OBJECT (field), FIELD_KEY, f, (GDestroyNotify) field_free);
  g_ptr_array_add (self->fields, f);

  if (GTK_IS_TEXT_VIEW (field))
    g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "changed",
                              G_CALLBACK (field_changed), f);
  else
    g_signal_connect_swapped (field, "changed", G_CALLBACK (field_changed), f);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_left), f);
  gtk_widget_add_controller (field, focus);
}

/**
 * cairn_field_saver_flush:
 *
 * Saves every field with unsaved changes now. Returns %FALSE with the
 * first problem when a field could not be saved (now or before), so that
 * nothing is exported that differs from what the user sees.
 */
gboolean
cairn_field_saver_flush (CairnFieldSaver  *self,
                      GError        **error)
{
  g_autoptr (GPtrArray) widgets = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = TRUE;

  /* A save may rebuild other fields: work on a list of the widgets, held. */
  for (guint i = 0; i < self->fields->len; i++)
    g_ptr_array_add (widgets, g_object_ref (((Field *) g_ptr_array_index (self->fields, i))->widget));
  for (guint i = 0; i < widgets->len; i++)
    {
      Field *f = get_field (g_ptr_array_index (widgets, i));
      if (f != NULL && f->group == self && !save_field (f, ok ? error : NULL))
        ok = FALSE;
    }
  return ok;
}

gboolean
cairn_field_saver_is_pending (CairnFieldSaver *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (((Field *) g_ptr_array_index (self->fields, i))->dirty)
      return TRUE;
  return FALSE;
}

/* Makes every field of the group editable or read-only. */
void
cairn_field_saver_set_all_editable (CairnFieldSaver *self,
                                 gboolean       editable)
{
  for (guint i = 0; i < self->fields->len; i++)
    cairn_field_saver_set_editable (((Field *) g_ptr_array_index (self->fields, i))->widget, editable);
}

/* Shows @text in @field as loaded from the store: not saved, not undoable. */
void
cairn_field_saver_set_text (GtkWidget  *field,
                         const char *text)
{
  Field *f = get_field (field);

  if (f != NULL)
    {
      f->loading = TRUE;
      g_clear_handle_id (&f->timeout_id, g_source_remove);
    }
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, text ? text : "", -1);
      gtk_text_buffer_end_irreversible_action (buffer);
    }
  else
    {
      gboolean undo = gtk_editable_get_enable_undo (GTK_EDITABLE (field));
      gtk_editable_set_enable_undo (GTK_EDITABLE (field), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (field), text ? text : "");
      gtk_editable_set_enable_undo (GTK_EDITABLE (field), undo);
    }
  if (f != NULL)
    {
      f->loading = FALSE;
      f->dirty = FALSE;
      if (f->problem != NULL)
        {
          g_clear_pointer (&f->problem, g_free);
          show_problem (f, NULL);
        }
    }
}

/* A read-only field can still be selected and copied, unlike an insensitive one. */
void
cairn_field_saver_set_editable (GtkWidget *field,
                             gboolean   editable)
{
  if (GTK_IS_TEXT_VIEW (field))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (field), editable);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (field), editable);
    }
  else if (GTK_IS_EDITABLE (field))
    gtk_editable_set_editable (GTK_EDITABLE (field), editable);
}
