/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-event-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-case-pathway.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-event-dialog.h"
#include "cairn-user-store.h"

/**
 * CairnEventDialog:
 *
 * Records one event in a case's chronology. The event list offers the next
 * steps the pathway allows; an explicit switch offers every kind, and then
 * asks why the step is out of order. A step that completes a timescale
 * late asks for the reason for the delay, but never blocks recording. Bad
 * values are refused with a message naming the field, and nothing is
 * written. Emits #CairnEventDialog::recorded with the new event's id.
 */
struct _CairnEventDialog
{
  AdwWindow parent_instance;

  CairnStore *store;
  gint64 child_number;
  int case_number;
  GPtrArray *kinds;        /* codes offered, in the combo row's order */

  GtkLabel *error_label;
  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  AdwEntryRow *time_row;
  GtkSwitch *planned_switch;
  AdwEntryRow *recorded_by_row;
  AdwComboRow *seen_row;
  AdwEntryRow *not_alone_row;
  AdwEntryRow *outcome_row;
  AdwEntryRow *notes_row;
  AdwEntryRow *late_row;
  GtkSwitch *exception_switch;
  AdwEntryRow *exception_row;
};

G_DEFINE_FINAL_TYPE (CairnEventDialog, cairn_event_dialog, ADW_TYPE_WINDOW)

enum
{
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (CairnEventDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Fills the event list: the allowed next steps, or every kind with the exception switch on. */
static void
fill_kinds (CairnEventDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;
  gboolean all = gtk_switch_get_active (self->exception_switch);
  GDate today;

  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  cairn_store_get_today (self->store, &today);
  if (!all)
    self->kinds = cairn_pathway_allowed_kinds (self->store, self->child_number, self->case_number,
                                               &today, &error);
  if (self->kinds == NULL)
    {
      gsize n;
      const CairnCode *codes = cairn_codes_get (CAIRN_CODES_EVENT_KIND, &n);
      if (error != NULL)
        show_error (self, error->message);
      self->kinds = g_ptr_array_new_with_free_func (g_free);
      for (gsize i = 0; i < n; i++)
        g_ptr_array_add (self->kinds, g_strdup (codes[i].code));
    }
  for (guint i = 0; i < self->kinds->len; i++)
    gtk_string_list_append (labels, cairn_codes_label (CAIRN_CODES_EVENT_KIND,
                                                       g_ptr_array_index (self->kinds, i)));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
}

static void
exception_toggled (CairnEventDialog *self)
{
  gboolean on = gtk_switch_get_active (self->exception_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->exception_row), on);
  fill_kinds (self);
}

static char *
text_of (AdwEntryRow *row)
{
  const char *t = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *copy = g_strdup (t);

  g_strstrip (copy);
  return *copy ? g_steal_pointer (&copy) : NULL;
}

/* Reads the form into an event; a bad date or time is refused naming the field. */
static CairnEvent *
read_form (CairnEventDialog  *self,
           GError           **error)
{
  g_autoptr (CairnEvent) event = cairn_event_new ();
  g_autofree char *date = text_of (self->date_row);
  g_autofree char *time = text_of (self->time_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint seen = adw_combo_row_get_selected (self->seen_row);

  if (kind == GTK_INVALID_LIST_POSITION || kind >= self->kinds->len)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Event: choose what happened"));
      return NULL;
    }
  event->kind = g_strdup (g_ptr_array_index (self->kinds, kind));
  if (!cairn_date_parse (_("Date"), date, &event->date, error))
    return NULL;
  if (time != NULL)
    {
      g_autofree char *stamp = g_strdup_printf ("%sT%s", date, time);
      GDate d;
      if (!cairn_timestamp_parse (_("Time"), stamp, &d, &event->minute, NULL))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Time: \"%s\" is not a time (HH:MM)"), time);
          return NULL;
        }
    }
  event->planned = gtk_switch_get_active (self->planned_switch);
  event->recorded_by = text_of (self->recorded_by_row);
  /* 0 not recorded, 1 seen alone, 2 seen with others, 3 not seen */
  event->child_seen = seen == 0 ? -1 : seen == 3 ? 0 : 1;
  event->seen_alone = seen == 0 ? -1 : seen == 1 ? 1 : 0;
  event->not_seen_alone_reason = text_of (self->not_alone_row);
  event->outcome = text_of (self->outcome_row);
  event->notes = text_of (self->notes_row);
  event->late_reason = text_of (self->late_row);
  if (gtk_switch_get_active (self->exception_switch))
    {
      event->exception_reason = text_of (self->exception_row);
      if (event->exception_reason == NULL)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Why this step is recorded out of order: a reason is required"));
          return NULL;
        }
    }
  return g_steal_pointer (&event);
}

static void
save_clicked (CairnEventDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnEvent) event = read_form (self, &error);
  g_autoptr (GPtrArray) late = NULL;

  if (event == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (!cairn_pathway_check_event (self->store, self->child_number, self->case_number, event, &late,
                                  &error))
    {
      show_error (self, error->message);
      if (g_error_matches (error, CAIRN_ERROR, CAIRN_ERROR_OUT_OF_ORDER))
        gtk_widget_set_visible (GTK_WIDGET (self->exception_row), TRUE);
      return;
    }
  /* A late step is recorded all the same; ask once for the reason. */
  if (late != NULL && late->len > 0 && event->late_reason == NULL &&
      !gtk_widget_get_visible (GTK_WIDGET (self->late_row)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->late_row), TRUE);
      show_error (self, _("This step completes a timescale late. Give the reason for the delay, "
                          "or record it without one."));
      gtk_widget_grab_focus (GTK_WIDGET (self->late_row));
      return;
    }
  if (!cairn_pathway_record_event (self->store, self->child_number, self->case_number, event, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0, event->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cairn_event_dialog_dispose (GObject *object)
{
  CairnEventDialog *self = CAIRN_EVENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_EVENT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  G_OBJECT_CLASS (cairn_event_dialog_parent_class)->dispose (object);
}

static void
cairn_event_dialog_class_init (CairnEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_event_dialog_dispose;

  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, planned_switch);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, recorded_by_row);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, seen_row);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, not_alone_row);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, late_row);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, exception_switch);
  gtk_widget_class_bind_template_child (widget_class, CairnEventDialog, exception_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, exception_toggled);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cairn_event_dialog_init (CairnEventDialog *self)
{
  const char *seen[] = { N_("Not recorded"), N_("Seen alone"), N_("Seen, not alone"), N_("Not seen"), NULL };
  g_autoptr (GtkStringList) seen_list = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (int i = 0; seen[i]; i++)
    gtk_string_list_append (seen_list, _(seen[i]));
  adw_combo_row_set_model (self->seen_row, G_LIST_MODEL (seen_list));
}

CairnEventDialog *
cairn_event_dialog_new (GtkWindow  *parent,
                        CairnStore *store,
                        gint64      child_number,
                        int         case_number)
{
  CairnEventDialog *self = g_object_new (CAIRN_TYPE_EVENT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *today_text = NULL;
  GDate today;

  self->store = g_object_ref (store);
  self->child_number = child_number;
  self->case_number = case_number;
  cairn_store_get_today (store, &today);
  today_text = cairn_date_to_string (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  if (cairn_store_get_user_display_name (store) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->recorded_by_row), cairn_store_get_user_display_name (store));
  fill_kinds (self);
  return self;
}
