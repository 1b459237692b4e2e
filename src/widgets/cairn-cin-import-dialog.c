/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cin-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-cin-import-dialog.h"
#include "cairn-cin-rules.h"
#include "cairn-cin-store.h"
#include "cairn-date.h"

/* The census is read, validated and imported in a GTask thread on a second
 * connection (cairn_store_open_worker()); progress reaches the bar through
 * idles. Reading is the first 40 % of the bar, validating the next 10 %,
 * importing the rest. A failure row is held as one string of four fields
 * separated by U+001F: rule code, LAchildID, referral date, the text shown. */

#define SEP "\x1f"

struct _CairnCinImportDialog
{
  AdwWindow parent_instance;

  GtkLabel *status_label;
  GtkProgressBar *bar;
  GtkLabel *summary_label;
  GtkWidget *failures_box;
  GtkDropDown *rule_filter;
  GtkListView *failures_view;
  GtkButton *close_button;

  CairnStore *store;
  GFile *file;
  GCancellable *cancellable;
  GtkStringList *failures;
  GtkCustomFilter *filter;
  double fraction;
  gboolean done;
};

G_DEFINE_FINAL_TYPE (CairnCinImportDialog, cairn_cin_import_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CairnStore *worker;
  char *path;
  CairnCinCensus *census;
  CairnCinReport *report;
  CairnCinImportSummary *summary;
  CairnCinImportDialog *dialog; /* a reference, for progress */
  double last;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->worker);
  g_free (job->path);
  g_clear_pointer (&job->report, cairn_cin_report_free);
  g_clear_pointer (&job->summary, cairn_cin_import_summary_free);
  g_clear_pointer (&job->census, cairn_cin_census_free);
  g_clear_object (&job->dialog);
  g_free (job);
}

typedef struct
{
  CairnCinImportDialog *dialog;
  double fraction;
} Progress;

static gboolean
progress_idle (gpointer data)
{
  Progress *p = data;

  if (!p->dialog->done)
    gtk_progress_bar_set_fraction (p->dialog->bar, p->fraction);
  g_object_unref (p->dialog);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static void
post_progress (Job    *job,
               double  fraction)
{
  Progress *p;

  if (fraction - job->last < 0.01 && fraction < 1.0)
    return;
  job->last = fraction;
  p = g_new0 (Progress, 1);
  p->dialog = g_object_ref (job->dialog);
  p->fraction = fraction;
  g_idle_add (progress_idle, p);
}

static gboolean
read_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  if (total > 0)
    post_progress (user_data, 0.4 * (double) done / (double) total);
  return TRUE;
}

static gboolean
import_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  if (total > 0)
    post_progress (user_data, 0.5 + 0.5 * (double) done / (double) total);
  return TRUE;
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  job->census = cairn_cin_census_read_file (job->path, read_progress, job, cancellable, &error);
  if (job->census == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!cairn_cin_rule_set_exists (job->census->year))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("%s: Year \"%s\" is not a census year Cairn has rules for (2022-23 to 2025-26)"),
                               job->census->name, job->census->year_text ? job->census->year_text : "");
      return;
    }
  job->report = cairn_cin_validate (job->census, 0, cancellable, &error);
  if (job->report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  post_progress (job, 0.5);
  job->summary = cairn_store_import_cin_census (job->worker, job->census, NULL, import_progress, job,
                                                cancellable, &error);
  if (job->summary == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
fill_failures (CairnCinImportDialog *self,
               Job                  *job)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) code_list = g_ptr_array_new ();
  g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);

  for (guint i = 0; i < job->report->n_findings; i++)
    {
      const CairnCinFinding *f = &job->report->findings[i];
      const char *child = f->child && f->child->la_child_id ? f->child->la_child_id : "";
      char day[11] = "";

      if (f->child != NULL && f->episode > 0 && f->episode <= f->child->n_episodes &&
          cairn_date_is_set (&f->child->episodes[f->episode - 1].referral_date))
        cairn_date_format_into (&f->child->episodes[f->episode - 1].referral_date, day);
      g_ptr_array_add (rows, g_strdup_printf ("%s" SEP "%s" SEP "%s" SEP "%s %s%s%s — %s", f->rule->code, child, day,
                                              f->rule->code,
                                              f->rule->type == CAIRN_CIN_RULE_QUERY ? _("query") : _("error"),
                                              *child ? ", " : "", child, f->rule->message));
      if (!g_hash_table_contains (codes, f->rule->code))
        {
          g_hash_table_add (codes, (gpointer) f->rule->code);
          g_ptr_array_add (code_list, (gpointer) f->rule->code);
        }
    }
  g_ptr_array_add (rows, NULL);
  gtk_string_list_splice (self->failures, 0, g_list_model_get_n_items (G_LIST_MODEL (self->failures)),
                          (const char * const *) rows->pdata);
  gtk_string_list_append (choices, _("All rules"));
  for (guint i = 0; i < code_list->len; i++)
    gtk_string_list_append (choices, code_list->pdata[i]);
  gtk_drop_down_set_model (self->rule_filter, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->rule_filter, 0);
  gtk_widget_set_visible (self->failures_box, job->report->n_findings > 0);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (CairnCinImportDialog) self = user_data;
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  self->done = TRUE;
  gtk_button_set_label (self->close_button, _("_Close"));
  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->status_label, _("Import cancelled: nothing was changed."));
      else
        {
          g_autofree char *message = g_strdup_printf (_("Not imported: %s. Nothing was changed."), error->message);
          gtk_label_set_text (self->status_label, message);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->bar), FALSE);
      return;
    }
  gtk_progress_bar_set_fraction (self->bar, 1.0);
  {
    g_autofree char *year = cairn_cin_year_name (job->census->year);
    g_autofree char *status = g_strdup_printf (_("%s census imported"), year);

    gtk_label_set_text (self->status_label, status);
  }
  g_string_append_printf (text, _("%u children: %u added, %u updated, %u unchanged, %u skipped."),
                          job->summary->total, job->summary->added, job->summary->updated,
                          job->summary->unchanged, job->summary->skipped);
  g_string_append_printf (text, "\n");
  g_string_append_printf (text, _("%u errors and %u queries under the DfE rules."), job->report->n_errors,
                          job->report->n_queries);
  for (guint i = 0; i < job->summary->skips->len; i++)
    {
      const CairnCinSkip *skip = job->summary->skips->pdata[i];

      g_string_append_printf (text, _("\nLine %u: %s%s%s"), skip->line,
                              skip->la_child_id ? skip->la_child_id : "", skip->la_child_id ? ": " : "",
                              skip->message);
    }
  gtk_label_set_text (self->summary_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
  fill_failures (self, job);
}

static char *
field (const char *row,
       guint       index)
{
  g_auto (GStrv) parts = g_strsplit (row, SEP, 4);

  return g_strv_length (parts) > index ? g_strdup (parts[index]) : g_strdup ("");
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  CairnCinImportDialog *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->rule_filter);
  GObject *choice;
  const char *row = gtk_string_object_get_string (item);
  const char *code;
  gsize len;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return TRUE;
  choice = gtk_drop_down_get_selected_item (self->rule_filter);
  code = choice ? gtk_string_object_get_string (GTK_STRING_OBJECT (choice)) : NULL;
  if (code == NULL)
    return TRUE;
  len = strlen (code);
  return strncmp (row, code, len) == 0 && strncmp (row + len, SEP, 1) == 0;
}

static void
rule_selected (CairnCinImportDialog *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkStringObject *row = gtk_list_item_get_item (item);
  g_autofree char *text = field (gtk_string_object_get_string (row), 3);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
failure_activated (CairnCinImportDialog *self,
                   guint                 position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->failures_view));
  g_autoptr (GtkStringObject) row = g_list_model_get_item (model, position);
  g_autofree char *child = NULL;
  g_autofree char *day = NULL;
  g_autofree char *ref = NULL;
  g_autoptr (GError) error = NULL;
  GDate date;

  if (row == NULL)
    return;
  child = field (gtk_string_object_get_string (row), 1);
  day = field (gtk_string_object_get_string (row), 2);
  if (*child == '\0')
    return; /* a rule about the whole return */
  cairn_date_clear (&date);
  if (*day != '\0')
    cairn_date_parse ("CINreferralDate", day, &date, NULL);
  ref = cairn_store_dup_cin_case_ref (self->store, child, &date, &error);
  if (ref == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CASE_ACTIVATED], 0, ref);
}

static void
close_clicked (CairnCinImportDialog *self)
{
  if (!self->done)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_label_set_text (self->status_label, _("Cancelling…"));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request (GtkWindow *window)
{
  CairnCinImportDialog *self = CAIRN_CIN_IMPORT_DIALOG (window);

  if (!self->done)
    {
      close_clicked (self);
      return TRUE;
    }
  return FALSE;
}

static void
cairn_cin_import_dialog_dispose (GObject *object)
{
  CairnCinImportDialog *self = CAIRN_CIN_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_CIN_IMPORT_DIALOG);
  G_OBJECT_CLASS (cairn_cin_import_dialog_parent_class)->dispose (object);
}

static void
cairn_cin_import_dialog_finalize (GObject *object)
{
  CairnCinImportDialog *self = CAIRN_CIN_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->failures);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (cairn_cin_import_dialog_parent_class)->finalize (object);
}

static void
cairn_cin_import_dialog_class_init (CairnCinImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cairn_cin_import_dialog_dispose;
  object_class->finalize = cairn_cin_import_dialog_finalize;
  window_class->close_request = close_request;

  /**
   * CairnCinImportDialog::case-activated:
   * @ref: the case's reference (C-000123/2), or the child's when the
   *   finding names no stored case
   */
  signals[SIGNAL_CASE_ACTIVATED] =
    g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cairn/Cairn/cairn-cin-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnCinImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, CairnCinImportDialog, bar);
  gtk_widget_class_bind_template_child (widget_class, CairnCinImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CairnCinImportDialog, failures_box);
  gtk_widget_class_bind_template_child (widget_class, CairnCinImportDialog, rule_filter);
  gtk_widget_class_bind_template_child (widget_class, CairnCinImportDialog, failures_view);
  gtk_widget_class_bind_template_child (widget_class, CairnCinImportDialog, close_button);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, failure_activated);
}

static void
cairn_cin_import_dialog_init (CairnCinImportDialog *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  g_autoptr (GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->failures = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->failures)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_list_view_set_model (self->failures_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->failures_view, factory);
  g_signal_connect_swapped (self->rule_filter, "notify::selected", G_CALLBACK (rule_selected), self);
}

/**
 * cairn_cin_import_dialog_new:
 * @store: the board's database, signed in (the import needs
 *   %CAIRN_ACTION_IMPORT)
 * @file: the census file the user chose
 *
 * Returns: (transfer none): the dialog, shown, with the import under way
 */
CairnCinImportDialog *
cairn_cin_import_dialog_new (GtkWindow  *parent,
                             CairnStore *store,
                             GFile      *file)
{
  CairnCinImportDialog *self = g_object_new (CAIRN_TYPE_CIN_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *status = g_strdup_printf (_("Importing %s…"), basename);
  Job *job = g_new0 (Job, 1);

  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  gtk_label_set_text (self->status_label, status);
  gtk_window_present (GTK_WINDOW (self));

  job->path = g_file_get_path (file);
  job->dialog = g_object_ref (self);
  job->worker = cairn_store_open_worker (store, &error);
  task = g_task_new (NULL, self->cancellable, import_done, g_object_ref (self));
  g_task_set_task_data (task, job, job_free);
  if (job->worker == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return self;
    }
  g_task_run_in_thread (task, import_thread);
  return self;
}

gboolean
cairn_cin_import_dialog_is_done (CairnCinImportDialog *self)
{
  g_return_val_if_fail (CAIRN_IS_CIN_IMPORT_DIALOG (self), FALSE);
  return self->done;
}
