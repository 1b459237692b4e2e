/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-autosave"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-autosave.h"

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
  GList *bindings;   /* Binding *, not owned: each belongs to its widget */
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
  CairnAutosave *owner;     /* weak: cleared when the owner goes */
  GtkWidget *widget;        /* the widget the binding is data of */
  GtkTextBuffer *buffer;    /* for a text view (a reference) */
  gulong buffer_handler;
  char *field;
  CairnAutosaveFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
  guint timeout_id;
  gboolean dirty;
  gboolean loading;
  char *saved;
} Binding;

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
    {
      b->owner->bindings = g_list_remove (b->owner->bindings, b);
      g_object_remove_weak_pointer (G_OBJECT (b->owner), (gpointer *) &b->owner);
    }
  if (b->destroy != NULL)
    b->destroy (b->user_data);
  g_free (b->field);
  g_free (b->saved);
  g_free (b);
}

/* Saves the field if it changed. Returns FALSE when the store refused it. */
static gboolean
save_now (Binding *b)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  CairnAutosave *owner = b->owner;

  g_clear_handle_id (&b->timeout_id, g_source_remove);
  if (!b->dirty)
    return TRUE;
  text = binding_text (b);
  if (g_strcmp0 (text, b->saved) == 0)
    {
      b->dirty = FALSE;
      return TRUE;
    }
  if (!b->func (b->user_data, text, &error))
    {
      gtk_widget_add_css_class (b->widget, "error");
      gtk_widget_set_tooltip_text (b->widget, error->message);
      if (owner != NULL)
        g_signal_emit (owner, signals[FAILED], 0, b->field, error->message);
      return FALSE;
    }
  g_free (b->saved);
  b->saved = g_steal_pointer (&text);
  b->dirty = FALSE;
  gtk_widget_remove_css_class (b->widget, "error");
  gtk_widget_set_tooltip_text (b->widget, NULL);
  if (owner != NULL)
    g_signal_emit (owner, signals[SAVED], 0, b->field);
  return TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  Binding *b = data;

  b->timeout_id = 0;
  save_now (b);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (Binding *b)
{
  if (b->loading)
    return;
  b->dirty = TRUE;
  g_clear_handle_id (&b->timeout_id, g_source_remove);
  if (b->owner != NULL)
    b->timeout_id = g_timeout_add (b->owner->idle_ms, timeout_cb, b);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                Binding                 *b)
{
  save_now (b);
}

static void
cairn_autosave_dispose (GObject *object)
{
  CairnAutosave *self = CAIRN_AUTOSAVE (object);

  /* Bindings live on with their widgets; they stop saving on a timer. */
  for (GList *l = self->bindings; l; l = l->next)
    {
      Binding *b = l->data;
      g_clear_handle_id (&b->timeout_id, g_source_remove);
      g_object_remove_weak_pointer (G_OBJECT (self), (gpointer *) &b->owner);
      b->owner = NULL;
    }
  g_clear_pointer (&self->bindings, g_list_free);
  G_OBJECT_CLASS (cairn_autosave_parent_class)->dispose (object);
}

static void
cairn_autosave_class_init (CairnAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cairn_autosave_dispose;

  /**
   * CairnAutosave::saved:
   * @field: the name the field was bound with
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CairnAutosave::failed:
   * @field: the name the field was bound with
   * @message: why the store refused the value
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cairn_autosave_init (CairnAutosave *self)
{
  self->idle_ms = CAIRN_AUTOSAVE_IDLE_MS;
}

/**
 * cairn_autosave_new:
 * @idle_ms: the pause after typing before a field is saved; 0 for the default
 */
CairnAutosave *
cairn_autosave_new (guint idle_ms)
{
  CairnAutosave *self = g_object_new (CAIRN_TYPE_AUTOSAVE, NULL);

  if (idle_ms > 0)
    self->idle_ms = idle_ms;
  return self;
}

/* The pause after typing before a field is saved, for fields changed from now on. */
void
cairn_autosave_set_delay (CairnAutosave *self,
                          guint          idle_ms)
{
  self->idle_ms = idle_ms > 0 ? idle_ms : CAIRN_AUTOSAVE_IDLE_MS;
}

static Binding *
bind (CairnAutosave     *self,
      GtkWidget         *widget,
      GtkTextBuffer     *buffer,
      const char        *field,
      CairnAutosaveFunc  func,
      gpointer           user_data,
      GDestroyNotify     destroy)
{
  Binding *b = g_new0 (Binding, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  b->owner = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &b->owner);
  b->widget = widget;
  b->buffer = buffer ? g_object_ref (buffer) : NULL;
  b->field = g_strdup (field);
  b->func = func;
  b->user_data = user_data;
  b->destroy = destroy;
  b->saved = binding_text (b);
  self->bindings = g_list_prepend (self->bindings, b);
  g_object_set_data_full (G_OBJECT (widget), BINDING_KEY, b, binding_free);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), b);
  gtk_widget_add_controller (widget, focus);
  return b;
}

/**
 * cairn_autosave_bind_editable:
 * @field: a name for the field, passed with the signals
 * @func: stores the field's text
 *
 * Saves @editable through @func when focus leaves it and after a pause in
 * typing. The binding lives as long as the widget.
 */
void
cairn_autosave_bind_editable (CairnAutosave     *self,
                              GtkEditable       *editable,
                              const char        *field,
                              CairnAutosaveFunc  func,
                              gpointer           user_data,
                              GDestroyNotify     destroy)
{
  Binding *b = bind (self, GTK_WIDGET (editable), NULL, field, func, user_data, destroy);

  g_signal_connect_swapped (editable, "changed", G_CALLBACK (changed_cb), b);
}

void
cairn_autosave_bind_text_view (CairnAutosave     *self,
                               GtkTextView       *view,
                               const char        *field,
                               CairnAutosaveFunc  func,
                               gpointer           user_data,
                               GDestroyNotify     destroy)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  Binding *b = bind (self, GTK_WIDGET (view), buffer, field, func, user_data, destroy);

  b->buffer_handler = g_signal_connect_swapped (buffer, "changed", G_CALLBACK (changed_cb), b);
}

/**
 * cairn_autosave_set_text:
 *
 * Shows @text in a bound field as what is stored (no save follows).
 */
void
cairn_autosave_set_text (CairnAutosave *self,
                         GtkWidget     *widget,
                         const char    *text)
{
  Binding *b = g_object_get_data (G_OBJECT (widget), BINDING_KEY);

  g_return_if_fail (b != NULL);
  b->loading = TRUE;
  if (b->buffer != NULL)
    gtk_text_buffer_set_text (b->buffer, text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
  b->loading = FALSE;
  g_clear_handle_id (&b->timeout_id, g_source_remove);
  b->dirty = FALSE;
  g_free (b->saved);
  b->saved = binding_text (b);
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, NULL);
}

/**
 * cairn_autosave_flush:
 *
 * Saves every field changed since it was last saved, now.
 *
 * Returns: %FALSE when a value was refused (it stays marked in its field)
 */
gboolean
cairn_autosave_flush (CairnAutosave *self)
{
  gboolean ok = TRUE;
  g_autoptr (GList) copy = g_list_copy (self->bindings);

  for (GList *l = copy; l; l = l->next)
    ok &= save_now (l->data);
  return ok;
}

/* How many fields have changes not yet saved. */
guint
cairn_autosave_get_n_pending (CairnAutosave *self)
{
  guint n = 0;

  for (GList *l = self->bindings; l; l = l->next)
    n += ((Binding *) l->data)->dirty;
  return n;
}
