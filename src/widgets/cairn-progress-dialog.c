/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-progress-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-progress-dialog.h"

/**
 * CairnProgressDialog:
 *
 * Shows the progress of long work running in a thread (a backup, an
 * import), with a Cancel button that cancels its #GCancellable. The owner
 * destroys it when the work ends.
 */
struct _CairnProgressDialog
{
  AdwWindow parent_instance;

  GCancellable *cancellable;
  GtkLabel *title_label;
  GtkProgressBar *bar;
};

G_DEFINE_FINAL_TYPE (CairnProgressDialog, cairn_progress_dialog, ADW_TYPE_WINDOW)

static void
cancel_clicked (CairnProgressDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_progress_bar_set_text (self->bar, _("Cancelling…"));
}

static void
cairn_progress_dialog_dispose (GObject *object)
{
  CairnProgressDialog *self = CAIRN_PROGRESS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_PROGRESS_DIALOG);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cairn_progress_dialog_parent_class)->dispose (object);
}

static void
cairn_progress_dialog_class_init (CairnProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_progress_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cairn/Cairn/cairn-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnProgressDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, CairnProgressDialog, bar);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
}

static void
cairn_progress_dialog_init (CairnProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

CairnProgressDialog *
cairn_progress_dialog_new (GtkWindow  *parent,
                           const char *title)
{
  CairnProgressDialog *self = g_object_new (CAIRN_TYPE_PROGRESS_DIALOG, "transient-for", parent,
                                            "title", title, NULL);

  gtk_label_set_label (self->title_label, title);
  return self;
}

GCancellable *
cairn_progress_dialog_get_cancellable (CairnProgressDialog *self)
{
  return self->cancellable;
}

void
cairn_progress_dialog_set_fraction (CairnProgressDialog *self,
                                    double               fraction)
{
  g_autofree char *text = g_strdup_printf (_("%d%%"), (int) (fraction * 100 + 0.5));

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_progress_bar_set_fraction (self->bar, CLAMP (fraction, 0.0, 1.0));
  gtk_progress_bar_set_text (self->bar, text);
}

typedef struct
{
  CairnProgressDialog *dialog;
  double fraction;
} Report;

static gboolean
report_idle (gpointer data)
{
  Report *r = data;

  cairn_progress_dialog_set_fraction (r->dialog, r->fraction);
  g_object_unref (r->dialog);
  g_free (r);
  return G_SOURCE_REMOVE;
}

/* A CairnProgressFunc for work in another thread: passes @fraction to the main loop. */
void
cairn_progress_report_from_thread (double   fraction,
                                   gpointer dialog)
{
  Report *r = g_new (Report, 1);

  r->dialog = g_object_ref (dialog);
  r->fraction = fraction;
  g_idle_add (report_idle, r);
}
