/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-autosave"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-autosave.h"
#include "cairn-utils.h"

#define BINDING_KEY "cairn-autosave-binding"

/**
 * CairnAutosave:
 *
 * Emits #CairnAutosave::saved after each field is stored and
 * #CairnAutosave::failed when the store refuses one.
 */
struct _CairnAutosave
{
  GObject parent_instance;

  guint idle_ms;
  GPtrArray *bindings; /* Binding *, not owned: each belongs to its widget */
};

G_DEFINE_FINAL_TYPE (CairnAutosave, cairn_autosave, G_TYPE_OBJECT)

enum
{
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CairnAutosave *owner;  /* cleared when the owner is disposed */
  GtkWidget *widget;     /* the widget the binding is data of */
  GtkTextBuffer *buffer; /* for a text view (a reference) */
  gulong buffer_handler;
  char *field;
  CairnAutosaveFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
  guint timeout_id;
  gboolean dirty;        /* changed since the last save, or refused */
  gboolean loading;
  char *saved;           /* the text as stored */
  char *problem;         /* why the store refused the text shown, until it is saved */
  char *tooltip;         /* the widget's own tooltip, put back after a problem */
} Binding;

static Binding *
get_binding (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), BINDING_KEY);
}

static char *
binding_text (Binding *b)
{
  GtkTextIter start, end;

  if (b->buffer == NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (b->widget)));
  gtk_text_buffer_get_bounds (b->buffer, &start, &end);
  return gtk_text_buffer_get_text (b->buffer, &start, &end, FALSE);
}

static void
binding_free (gpointer data)
{
  Binding *b = data;

  g_clear_handle_id (&b->timeout_id, g_source_remove);
  if (b->buffer != NULL)
    {
      g_clear_signal_handler (&b->buffer_handler, b->buffer);
      g_clear_object (&b->buffer);
    }
  if (b->owner != NULL)
    g_ptr_array_remove_fast (b->owner->bindings, b);
  if (b->destroy != NULL)
    b->destroy (b->user_data);
  g_free (b->field);
  g_free (b->saved);
  g_free (b->problem);
  g_free (b->tooltip);
  g_free (b);
}

/* Marks the field with @message, or takes the mark away (NULL). */
static void
show_problem (Binding    *b,
              const char *message)
{
  cairn_set_str (&b->problem, message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (b->widget, "error");
      gtk_widget_set_tooltip_text (b->widget, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (b->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (b->widget, "error");
      gtk_widget_set_tooltip_text (b->widget, b->tooltip);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (b->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Saves the field if it differs from what is stored. A refused value stays
 * pending, so that it is tried again. */
static gboolean
save_now (Binding  *b,
          GError  **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GtkWidget) hold = NULL;
  CairnAutosave *owner = b->owner;

  g_clear_handle_id (&b->timeout_id, g_source_remove);
  /* Once the owner is gone, so may be what the save function works on. */
  if (!b->dirty || owner == NULL)
    return TRUE;
  /* The binding is the widget's: held, it outlives a save that rebuilds the form. */
  hold = g_object_ref (b->widget);
  text = binding_text (b);
  if (g_strcmp0 (text, b->saved) == 0)
    {
      /* Typed back to what is stored: nothing to save, nothing wrong. */
      b->dirty = FALSE;
      if (b->problem != NULL)
        show_problem (b, NULL);
      return TRUE;
    }
  if (!b->func (b->widget, text, b->user_data, &local))
    {
      show_problem (b, local->message);
      g_signal_emit (owner, signals[FAILED], 0, b->widget, b->field, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_free (b->saved);
  b->saved = g_steal_pointer (&text);
  b->dirty = FALSE;
  if (b->problem != NULL)
    show_problem (b, NULL);
  g_signal_emit (owner, signals[SAVED], 0, b->widget, b->field);
  return TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  Binding *b = data;

  b->timeout_id = 0;
  save_now (b, NULL);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (Binding *b)
{
  if (b->loading || b->owner == NULL)
    return;
  b->dirty = TRUE;
  g_clear_handle_id (&b->timeout_id, g_source_remove);
  b->timeout_id = g_timeout_add (b->owner->idle_ms, timeout_cb, b);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                Binding                 *b)
{
  save_now (b, NULL);
}

static void
cairn_autosave_dispose (GObject *object)
{
  CairnAutosave *self = CAIRN_AUTOSAVE (object);

  /* Bindings live on with their widgets; they stop saving. Pending edits
   * are not saved here: flush first. */
  if (self->bindings != NULL)
    {
      for (guint i = 0; i < self->bindings->len; i++)
        {
          Binding *b = g_ptr_array_index (self->bindings, i);
          g_clear_handle_id (&b->timeout_id, g_source_remove);
          b->owner = NULL;
        }
      g_clear_pointer (&self->bindings, g_ptr_array_unref);
    }
  G_OBJECT_CLASS (cairn_autosave_parent_class)->dispose (object);
}

static void
cairn_autosave_class_init (CairnAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cairn_autosave_dispose;

  /**
   * CairnAutosave::saved:
   * @widget: the field that was stored
   * @field: (nullable): the name the field was bound with
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 2, GTK_TYPE_WIDGET, G_TYPE_STRING);
  /**
   * CairnAutosave::failed:
   * @widget: the field whose value was refused
   * @field: (nullable): the name the field was bound with
   * @message: why the store refused the value, "FIELD: problem"
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 3, GTK_TYPE_WIDGET, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cairn_autosave_init (CairnAutosave *self)
{
  self->idle_ms = CAIRN_AUTOSAVE_IDLE_MS;
  self->bindings = g_ptr_array_new ();
}

/**
 * cairn_autosave_new:
 * @idle_ms: the pause after typing before a field is saved; 0 for the default
 */
CairnAutosave *
cairn_autosave_new (guint idle_ms)
{
  CairnAutosave *self = g_object_new (CAIRN_TYPE_AUTOSAVE, NULL);

  cairn_autosave_set_delay (self, idle_ms);
  return self;
}

/* The pause after typing before a field is saved, for fields changed from now on. */
void
cairn_autosave_set_delay (CairnAutosave *self,
                          guint          idle_ms)
{
  g_return_if_fail (CAIRN_IS_AUTOSAVE (self));
  self->idle_ms = idle_ms > 0 ? idle_ms : CAIRN_AUTOSAVE_IDLE_MS;
}

/**
 * cairn_autosave_bind:
 * @widget: a #GtkEditable or a #GtkTextView
 * @field: (nullable): a name for the field, passed with the signals
 * @func: stores the field's text
 * @destroy: (nullable): frees @user_data when the binding goes
 *
 * Saves @widget through @func when focus leaves it and after a pause in
 * typing. The binding lives as long as the widget; its text as it is now
 * counts as stored.
 */
void
cairn_autosave_bind (CairnAutosave     *self,
                     GtkWidget         *widget,
                     const char        *field,
                     CairnAutosaveFunc  func,
                     gpointer           user_data,
                     GDestroyNotify     destroy)
{
  Binding *b;
  GtkEventController *focus;

  g_return_if_fail (CAIRN_IS_AUTOSAVE (self));
  g_return_if_fail (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget));
  g_return_if_fail (get_binding (widget) == NULL);
  g_return_if_fail (func != NULL);

  b = g_new0 (Binding, 1);
  b->owner = self;
  b->widget = widget;
  if (GTK_IS_TEXT_VIEW (widget))
    b->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
  b->field = g_strdup (field);
  b->func = func;
  b->user_data = user_data;
  b->destroy = destroy;
  b->saved = binding_text (b);
  b->tooltip = g_strdup (gtk_widget_get_tooltip_text (widget));
  g_ptr_array_add (self->bindings, b);
  g_object_set_data_full (G_OBJECT (widget), BINDING_KEY, b, binding_free);

  if (b->buffer != NULL)
    b->buffer_handler = g_signal_connect_swapped (b->buffer, "changed", G_CALLBACK (changed_cb), b);
  else
    g_signal_connect_swapped (widget, "changed", G_CALLBACK (changed_cb), b);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), b);
  gtk_widget_add_controller (widget, focus);
}

/**
 * cairn_autosave_set_text:
 * @widget: a field bound to @self
 * @text: (nullable): the value as stored
 *
 * Shows @text in a bound field as what is stored: no save follows, the
 * change cannot be undone, and a refused value's mark goes.
 */
void
cairn_autosave_set_text (CairnAutosave *self,
                         GtkWidget     *widget,
                         const char    *text)
{
  Binding *b = get_binding (widget);

  g_return_if_fail (CAIRN_IS_AUTOSAVE (self));
  g_return_if_fail (b != NULL && b->owner == self);

  b->loading = TRUE;
  if (b->buffer != NULL)
    {
      gtk_text_buffer_begin_irreversible_action (b->buffer);
      gtk_text_buffer_set_text (b->buffer, text ? text : "", -1);
      gtk_text_buffer_end_irreversible_action (b->buffer);
    }
  else
    {
      gboolean undo = gtk_editable_get_enable_undo (GTK_EDITABLE (widget));
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), undo);
    }
  b->loading = FALSE;
  g_clear_handle_id (&b->timeout_id, g_source_remove);
  b->dirty = FALSE;
  g_free (b->saved);
  b->saved = binding_text (b);
  if (b->problem != NULL)
    show_problem (b, NULL);
}

/**
 * cairn_autosave_flush:
 *
 * Saves every field changed since it was last saved, now, so that nothing
 * is printed or exported that differs from what the user sees.
 *
 * Returns: %FALSE with the first refusal when a value was refused (each
 *   stays marked in its field)
 */
gboolean
cairn_autosave_flush (CairnAutosave  *self,
                      GError        **error)
{
  g_autoptr (GPtrArray) widgets = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CAIRN_IS_AUTOSAVE (self), FALSE);
  if (self->bindings == NULL)
    return TRUE;
  /* A save may rebuild other fields: work on a list of the widgets, held. */
  widgets = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->bindings->len; i++)
    g_ptr_array_add (widgets, g_object_ref (((Binding *) g_ptr_array_index (self->bindings, i))->widget));
  for (guint i = 0; i < widgets->len; i++)
    {
      Binding *b = get_binding (g_ptr_array_index (widgets, i));
      if (b != NULL && b->owner == self && !save_now (b, ok ? error : NULL))
        ok = FALSE;
    }
  return ok;
}

/**
 * cairn_autosave_set_field_editable:
 * @widget: a field bound to @self
 *
 * Makes @widget editable or read-only. A read-only field can still be
 * selected and copied, unlike an insensitive one.
 */
void
cairn_autosave_set_field_editable (CairnAutosave *self,
                                   GtkWidget     *widget,
                                   gboolean       editable)
{
  g_return_if_fail (CAIRN_IS_AUTOSAVE (self));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), editable);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (widget), editable);
    }
  else
    {
      g_return_if_fail (GTK_IS_EDITABLE (widget));
      gtk_editable_set_editable (GTK_EDITABLE (widget), editable);
    }
}

/* Makes every bound field editable or read-only. */
void
cairn_autosave_set_editable (CairnAutosave *self,
                             gboolean       editable)
{
  g_return_if_fail (CAIRN_IS_AUTOSAVE (self));
  if (self->bindings == NULL)
    return;
  for (guint i = 0; i < self->bindings->len; i++)
    cairn_autosave_set_field_editable (self, ((Binding *) g_ptr_array_index (self->bindings, i))->widget,
                                       editable);
}
