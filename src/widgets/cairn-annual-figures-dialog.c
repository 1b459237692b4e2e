/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-annual-figures-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-annual-figures-dialog.h"
#include "cairn-annual-figures.h"
#include "cairn-autosave.h"
#include "cairn-date.h"
#include "cairn-roles.h"
#include "cairn-user-store.h"

struct _CairnAnnualFiguresDialog
{
  AdwPreferencesWindow parent_instance;

  AdwPreferencesPage *page;
  AdwPreferencesGroup *intro_group;

  CairnStore *store;
  int year;
  CairnAutosave *autosave;
  GHashTable *rows;             /* field → AdwEntryRow (borrowed) */
  guint n_saved;                /* figures changed while open */
};

G_DEFINE_FINAL_TYPE (CairnAnnualFiguresDialog, cairn_annual_figures_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
save_figure (GtkWidget   *widget,
             const char  *text,
             gpointer     user_data,
             GError     **error)
{
  CairnAnnualFiguresDialog *self = user_data;
  const char *field = g_object_get_data (G_OBJECT (widget), "cairn-figure");

  if (!cairn_annual_figure_set (self->store, self->year, field, text, error))
    return FALSE;
  self->n_saved++;
  return TRUE;
}

/* How many figures were saved while the dialog was open (none: the report
 * it was opened from is still current). */
guint
cairn_annual_figures_dialog_get_n_saved (CairnAnnualFiguresDialog *self)
{
  g_return_val_if_fail (CAIRN_IS_ANNUAL_FIGURES_DIALOG (self), 0);
  return self->n_saved;
}

static void
save_failed (CairnAnnualFiguresDialog *self,
             GtkWidget                *widget,
             const char               *field,
             const char               *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
fill (CairnAnnualFiguresDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) figures = cairn_annual_figures_list (self->store, self->year, &error);
  gboolean editable = cairn_store_require (self->store, CAIRN_ACTION_EDIT_ANNUAL_REPORT, NULL);
  AdwPreferencesGroup *group = NULL;
  const char *group_title = NULL;

  if (figures == NULL)
    {
      adw_preferences_group_set_description (self->intro_group, error->message);
      return;
    }
  if (!editable)
    adw_preferences_group_set_description (
      self->intro_group, _("Read only: your role may not change the annual report."));
  for (guint i = 0; i < figures->len; i++)
    {
      CairnAnnualFigure *f = g_ptr_array_index (figures, i);
      GtkWidget *row;

      if (group == NULL || g_strcmp0 (group_title, f->group) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, f->group);
          adw_preferences_page_add (self->page, group);
          group_title = adw_preferences_group_get_title (group);
        }
      row = adw_entry_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->label);
      gtk_widget_set_tooltip_text (row, f->kind == CAIRN_FIGURE_DATE    ? _("A day, YYYY-MM-DD")
                                        : f->kind == CAIRN_FIGURE_MONEY ? _("Pounds, e.g. 12500.00")
                                                                        : _("A whole number"));
      g_object_set_data_full (G_OBJECT (row), "cairn-figure", g_strdup (f->field), g_free);
      gtk_widget_set_name (row, f->field);
      adw_preferences_group_add (group, row);
      cairn_autosave_bind (self->autosave, row, f->field, save_figure, self, NULL);
      cairn_autosave_set_text (self->autosave, row, f->value);
      g_hash_table_insert (self->rows, g_strdup (f->field), row);
    }
  cairn_autosave_set_editable (self->autosave, editable);
}

/**
 * cairn_annual_figures_dialog_flush:
 *
 * Saves what is being typed now. Returns %FALSE with the first refusal.
 */
gboolean
cairn_annual_figures_dialog_flush (CairnAnnualFiguresDialog *self,
                                   GError                  **error)
{
  g_return_val_if_fail (CAIRN_IS_ANNUAL_FIGURES_DIALOG (self), FALSE);
  return self->autosave == NULL || cairn_autosave_flush (self->autosave, error);
}

/* The row of a figure by its name ("population"), for tests. */
GtkWidget *
cairn_annual_figures_dialog_get_row (CairnAnnualFiguresDialog *self,
                                     const char               *field)
{
  g_return_val_if_fail (CAIRN_IS_ANNUAL_FIGURES_DIALOG (self), NULL);
  return g_hash_table_lookup (self->rows, field);
}

static gboolean
cairn_annual_figures_dialog_close_request (GtkWindow *window)
{
  CairnAnnualFiguresDialog *self = CAIRN_ANNUAL_FIGURES_DIALOG (window);

  /* A refused value stays refused (and shown); the rest is saved. */
  cairn_annual_figures_dialog_flush (self, NULL);
  return GTK_WINDOW_CLASS (cairn_annual_figures_dialog_parent_class)->close_request (window);
}

static void
cairn_annual_figures_dialog_dispose (GObject *object)
{
  CairnAnnualFiguresDialog *self = CAIRN_ANNUAL_FIGURES_DIALOG (object);

  if (self->autosave != NULL)
    {
      cairn_autosave_flush (self->autosave, NULL);
      g_signal_handlers_disconnect_by_data (self->autosave, self);
    }
  g_clear_object (&self->autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_ANNUAL_FIGURES_DIALOG);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cairn_annual_figures_dialog_parent_class)->dispose (object);
}

static void
cairn_annual_figures_dialog_class_init (CairnAnnualFiguresDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cairn_annual_figures_dialog_dispose;
  window_class->close_request = cairn_annual_figures_dialog_close_request;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cairn/Cairn/cairn-annual-figures-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualFiguresDialog, page);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualFiguresDialog, intro_group);
}

static void
cairn_annual_figures_dialog_init (CairnAnnualFiguresDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->autosave = cairn_autosave_new (0);
  g_signal_connect_swapped (self->autosave, "failed", G_CALLBACK (save_failed), self);
}

/**
 * cairn_annual_figures_dialog_new:
 * @store: the board's database, signed in
 * @year: the reporting year, by its start year
 */
CairnAnnualFiguresDialog *
cairn_annual_figures_dialog_new (GtkWindow  *parent,
                                 CairnStore *store,
                                 int         year)
{
  CairnAnnualFiguresDialog *self = g_object_new (CAIRN_TYPE_ANNUAL_FIGURES_DIALOG, "transient-for", parent,
                                                 NULL);
  g_autofree char *label = cairn_year_to_string (year);
  g_autofree char *title = g_strdup_printf (_("Board Figures %s"), label);

  self->store = g_object_ref (store);
  self->year = year;
  gtk_window_set_title (GTK_WINDOW (self), title);
  fill (self);
  return self;
}
