/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-case-table"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-calendar.h"
#include "cairn-case-table.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-key-sorter.h"
#include "cairn-view-store.h"

/**
 * CairnCaseTable:
 *
 * Every case of the board in a table: search as you type, filters, sort by
 * any column, saved filters. The rows come from a #CairnCaseList, which
 * fetches them by page from SQLite as the view scrolls. Emits
 * #CairnCaseTable::case-activated when a case is opened.
 */
struct _CairnCaseTable
{
  GtkWidget parent_instance;

  CairnStore *store;
  CairnCaseList *model;
  GtkSingleSelection *selection;
  CairnCalendar *calendar;   /* for working days; calendar days without one */
  CairnStageLabelFunc stage_label;
  gpointer stage_label_data;
  gboolean applying;
  GDate today;

  GtkWidget *box;
  GtkSearchEntry *search_entry;
  GtkToggleButton *overdue_button;
  GtkMenuButton *filter_button;
  GtkGrid *filter_grid;
  GtkListBox *saved_list;
  GtkEntry *save_name_entry;
  GtkPopover *saved_popover;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkColumnView *view;
  AdwStatusPage *empty_page;

  GtkDropDown *open_dropdown;
  GtkDropDown *stage_dropdown;
  GtkDropDown *category_dropdown;
  GtkDropDown *worker_dropdown;
  GtkDropDown *team_dropdown;
  GtkDropDown *edition_dropdown;
  GPtrArray *stage_values;
  GPtrArray *category_values;
  GPtrArray *worker_values;
  GPtrArray *team_values;
  GPtrArray *edition_values;
};

G_DEFINE_FINAL_TYPE (CairnCaseTable, cairn_case_table, GTK_TYPE_WIDGET)

enum
{
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- cells ---- */

typedef char *(*CellText) (CairnCaseTable *self, CairnCaseRow *row, const char **css_class);

static char *
cell_name (CairnCaseTable *self, CairnCaseRow *row, const char **css)
{
  return g_strdup (cairn_case_row_get_name (row));
}

static char *
cell_age (CairnCaseTable *self, CairnCaseRow *row, const char **css)
{
  GDate birth;

  if (!cairn_date_parse ("birth", cairn_case_row_get_birth_date (row), &birth, NULL))
    return g_strdup ("");
  if (cairn_case_row_get_unborn (row))
    {
      g_autofree char *due = cairn_date_to_display (&birth);
      return g_strdup_printf (_("unborn (due %s)"), due);
    }
  return g_strdup_printf ("%d", MAX (0, cairn_date_age_years (&birth, &self->today)));
}

static char *
cell_stage (CairnCaseTable *self, CairnCaseRow *row, const char **css)
{
  const char *stage = cairn_case_row_get_stage (row);

  if (stage == NULL)
    return g_strdup (cairn_case_row_get_open (row) ? _("not recorded") : _("closed"));
  if (self->stage_label != NULL)
    return self->stage_label (cairn_case_row_get_edition (row), stage, self->stage_label_data);
  return g_strdup (stage);
}

/* The next deadline and its status, in words (never colour alone):
 * working days by the board's calendar. */
static char *
cell_due (CairnCaseTable *self, CairnCaseRow *row, const char **css)
{
  const char *due_text = cairn_case_row_get_next_due (row);
  g_autofree char *display = NULL;
  GDate due;
  int days;
  gboolean working = FALSE;

  if (due_text == NULL || !cairn_date_parse ("due", due_text, &due, NULL))
    return g_strdup (cairn_case_row_get_open (row) ? _("nothing due") : "");
  display = cairn_date_to_display (&due);
  if (self->calendar != NULL &&
      cairn_calendar_count_working_days (self->calendar, &self->today, &due, &days, NULL))
    working = TRUE;
  else
    days = g_date_days_between (&self->today, &due);
  if (days < 0)
    {
      *css = "overdue";
      if (working)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d working day late",
                                             "%s · %d working days late", -days),
                                display, -days);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d day late",
                                           "%s · %d days late", -days),
                              display, -days);
    }
  if (days == 0)
    {
      *css = "due-soon";
      return g_strdup_printf (_("%s · due today"), display);
    }
  if (days <= 3)
    *css = "due-soon";
  if (working)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d working day left",
                                         "%s · %d working days left", days),
                            display, days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · in %d day", "%s · in %d days", days),
                          display, days);
}

static char *
cell_category (CairnCaseTable *self, CairnCaseRow *row, const char **css)
{
  const char *cat = cairn_case_row_get_category (row);

  return g_strdup (cat ? cairn_codes_label (CAIRN_CODES_CATEGORY, cat) : "");
}

static char *
cell_worker (CairnCaseTable *self, CairnCaseRow *row, const char **css)
{
  return g_strdup (cairn_case_row_get_worker (row) ? cairn_case_row_get_worker (row) : "");
}

static char *
cell_team (CairnCaseTable *self, CairnCaseRow *row, const char **css)
{
  return g_strdup (cairn_case_row_get_team (row) ? cairn_case_row_get_team (row) : "");
}

static char *
cell_ref (CairnCaseTable *self, CairnCaseRow *row, const char **css)
{
  return g_strdup (cairn_case_row_get_ref (row));
}

static const struct
{
  const char *title;
  CairnCaseSort sort;
  CellText text;
  int width;
  gboolean expand;
} columns[] = {
  { N_("Child"), CAIRN_CASE_SORT_NAME, cell_name, 170, TRUE },
  { N_("Age"), CAIRN_CASE_SORT_AGE, cell_age, 55, FALSE },
  { N_("Stage"), CAIRN_CASE_SORT_STAGE, cell_stage, 190, TRUE },
  { N_("Next deadline"), CAIRN_CASE_SORT_NEXT_DUE, cell_due, 280, FALSE },
  { N_("Plan category"), CAIRN_CASE_SORT_CATEGORY, cell_category, 115, FALSE },
  { N_("Lead social worker"), CAIRN_CASE_SORT_WORKER, cell_worker, 145, FALSE },
  { N_("Team"), CAIRN_CASE_SORT_TEAM, cell_team, 95, FALSE },
  { N_("Case"), CAIRN_CASE_SORT_REF, cell_ref, 105, FALSE },
};

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  CairnCaseTable *self = g_object_get_data (G_OBJECT (factory), "table");
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  CairnCaseRow *row = gtk_list_item_get_item (item);
  const char *css = NULL;
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (label, "overdue");
  gtk_widget_remove_css_class (label, "due-soon");
  gtk_widget_remove_css_class (label, "dim-label");
  if (!cairn_case_row_is_loaded (row))
    {
      gtk_label_set_label (GTK_LABEL (label), column == 0 ? _("Loading…") : "");
      gtk_widget_add_css_class (label, "dim-label");
      return;
    }
  text = columns[column].text (self, row, &css);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
}

static void
build_columns (CairnCaseTable *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      g_autoptr (CairnKeySorter) sorter = cairn_key_sorter_new (columns[i].sort);

      g_object_set_data (G_OBJECT (factory), "table", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_append_column (self->view, column);
      g_object_unref (column);
    }
}

/* ---- filters ---- */

static const char *
dropdown_value (GtkDropDown *dropdown,
                GPtrArray   *values)
{
  guint i;

  if (dropdown == NULL || values == NULL)
    return NULL;
  i = gtk_drop_down_get_selected (dropdown);
  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i > values->len)
    return NULL;
  return g_ptr_array_index (values, i - 1);
}

static CairnCaseFilter *
filter_from_widgets (CairnCaseTable *self)
{
  CairnCaseFilter *f = cairn_case_filter_new ();
  const CairnCaseFilter *old = self->model ? cairn_case_list_get_filter (self->model) : NULL;
  guint open = self->open_dropdown ? gtk_drop_down_get_selected (self->open_dropdown) : 0;

  f->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  f->overdue_only = gtk_toggle_button_get_active (self->overdue_button);
  f->open_state = open == 1 ? 1 : open == 2 ? 0 : -1;
  f->stage = g_strdup (dropdown_value (self->stage_dropdown, self->stage_values));
  f->category = g_strdup (dropdown_value (self->category_dropdown, self->category_values));
  f->worker = g_strdup (dropdown_value (self->worker_dropdown, self->worker_values));
  f->team = g_strdup (dropdown_value (self->team_dropdown, self->team_values));
  f->edition = g_strdup (dropdown_value (self->edition_dropdown, self->edition_values));
  if (old != NULL)
    {
      f->sort = old->sort;
      f->descending = old->descending;
    }
  return f;
}

static void
describe_empty (CairnCaseTable        *self,
                const CairnCaseFilter *f)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *description = NULL;

  if (f->search && *f->search)
    g_ptr_array_add (parts, g_strdup_printf (_("the search “%s”"), f->search));
  if (f->overdue_only)
    g_ptr_array_add (parts, g_strdup (_("overdue only")));
  if (f->open_state == 1)
    g_ptr_array_add (parts, g_strdup (_("open cases")));
  if (f->open_state == 0)
    g_ptr_array_add (parts, g_strdup (_("closed cases")));
  if (f->stage)
    g_ptr_array_add (parts, g_strdup_printf (_("stage %s"), f->stage));
  if (f->category)
    g_ptr_array_add (parts, g_strdup_printf (_("category %s"), cairn_codes_label (CAIRN_CODES_CATEGORY, f->category)));
  if (f->worker)
    g_ptr_array_add (parts, g_strdup_printf (_("worker %s"), f->worker));
  if (f->team)
    g_ptr_array_add (parts, g_strdup_printf (_("team %s"), f->team));
  if (f->edition)
    g_ptr_array_add (parts, g_strdup_printf (_("edition %s"), f->edition));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (_(", "), (char **) parts->pdata);
  if (parts->len > 1)
    description = g_strdup_printf (_("No case matches %s."), joined);
  else
    description = g_strdup (_("This board has no cases yet."));
  adw_status_page_set_description (self->empty_page, description);
}

static void
update_count (CairnCaseTable *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const CairnCaseFilter *f = self->model ? cairn_case_list_get_filter (self->model) : NULL;
  g_autofree char *text = NULL;

  if (f != NULL && !cairn_case_filter_is_default (f))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case matches", "%u cases match", n), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", n), n);
  gtk_label_set_label (self->count_label, text);
  if (n == 0 && f != NULL)
    {
      describe_empty (self, f);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
apply_filter (CairnCaseTable  *self,
              CairnCaseFilter *filter)
{
  g_autoptr (GError) error = NULL;

  if (self->model == NULL)
    return;
  if (!cairn_case_list_set_filter (self->model, filter, &error))
    {
      gtk_label_set_label (self->count_label, error->message);
      return;
    }
  update_count (self);
  /* Keep the case the window has open, if any: only the filter changed. */
  {
    g_autofree char *case_ref = NULL;
    g_autoptr (CairnCaseFilter) old = cairn_store_get_last_view (self->store, &case_ref);
    cairn_store_set_last_view (self->store, filter, case_ref, NULL);
  }
}

static void
filter_widget_changed (CairnCaseTable *self)
{
  g_autoptr (CairnCaseFilter) f = NULL;

  if (self->applying)
    return;
  f = filter_from_widgets (self);
  apply_filter (self, f);
}

static void
search_changed (CairnCaseTable *self)
{
  filter_widget_changed (self);
}

static void
stop_search (CairnCaseTable *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
sort_changed (GtkSorter      *sorter,
              GtkSorterChange change,
              CairnCaseTable *self)
{
  g_autoptr (CairnCaseFilter) f = NULL;
  CairnCaseSort key;
  gboolean desc;

  if (self->applying || self->model == NULL)
    return;
  f = filter_from_widgets (self);
  if (cairn_key_sorter_read_view_sort (sorter, &key, &desc))
    {
      f->sort = key;
      f->descending = desc;
    }
  else
    {
      f->sort = CAIRN_CASE_SORT_NEXT_DUE;
      f->descending = FALSE;
    }
  apply_filter (self, f);
}

static GtkDropDown *
add_filter_row (CairnCaseTable *self,
                int             row,
                const char     *title,
                GPtrArray      *values,
                const char     *(*label) (const char *))
{
  GtkWidget *caption = gtk_label_new (title);
  g_autoptr (GtkStringList) items = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (items, _("Any"));
  for (guint i = 0; values && i < values->len; i++)
    {
      const char *v = g_ptr_array_index (values, i);
      gtk_string_list_append (items, label ? label (v) : v);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (items)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), values && values->len > 12);
  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_grid_attach (self->filter_grid, caption, 0, row, 1, 1);
  gtk_grid_attach (self->filter_grid, dropdown, 1, row, 1, 1);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (filter_widget_changed), self);
  return GTK_DROP_DOWN (dropdown);
}

static const char *
category_label (const char *code)
{
  return cairn_codes_label (CAIRN_CODES_CATEGORY, code);
}

static GPtrArray *
values_of (CairnCaseTable *self,
           const char     *column)
{
  GPtrArray *values = cairn_store_list_case_values (self->store, column, NULL);

  return values ? values : g_ptr_array_new_with_free_func (g_free);
}

static void
build_filters (CairnCaseTable *self)
{
  GtkWidget *w;
  g_autoptr (GtkStringList) open_items = gtk_string_list_new (NULL);
  const char *open_labels[] = { N_("Open and closed"), N_("Open"), N_("Closed") };

  /* The old menus go: forget them first, and ignore what they say on the way out. */
  self->applying = TRUE;
  self->open_dropdown = self->stage_dropdown = self->category_dropdown = NULL;
  self->worker_dropdown = self->team_dropdown = self->edition_dropdown = NULL;
  while ((w = gtk_widget_get_first_child (GTK_WIDGET (self->filter_grid))) != NULL)
    gtk_grid_remove (self->filter_grid, w);
  self->applying = FALSE;
  g_clear_pointer (&self->stage_values, g_ptr_array_unref);
  g_clear_pointer (&self->category_values, g_ptr_array_unref);
  g_clear_pointer (&self->worker_values, g_ptr_array_unref);
  g_clear_pointer (&self->team_values, g_ptr_array_unref);
  g_clear_pointer (&self->edition_values, g_ptr_array_unref);
  if (self->store == NULL)
    return;

  for (gsize i = 0; i < G_N_ELEMENTS (open_labels); i++)
    gtk_string_list_append (open_items, _(open_labels[i]));
  w = gtk_label_new (_("Cases"));
  gtk_label_set_xalign (GTK_LABEL (w), 1);
  gtk_grid_attach (self->filter_grid, w, 0, 0, 1, 1);
  self->open_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (open_items)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cases"), -1);
  gtk_grid_attach (self->filter_grid, GTK_WIDGET (self->open_dropdown), 1, 0, 1, 1);
  g_signal_connect_swapped (self->open_dropdown, "notify::selected", G_CALLBACK (filter_widget_changed), self);

  self->stage_values = values_of (self, "stage");
  self->category_values = values_of (self, "category");
  self->worker_values = values_of (self, "worker");
  self->team_values = values_of (self, "team");
  self->edition_values = values_of (self, "edition");
  self->stage_dropdown = add_filter_row (self, 1, _("Stage"), self->stage_values, NULL);
  self->category_dropdown = add_filter_row (self, 2, _("Plan category"), self->category_values, category_label);
  self->worker_dropdown = add_filter_row (self, 3, _("Lead social worker"), self->worker_values, NULL);
  self->team_dropdown = add_filter_row (self, 4, _("Team"), self->team_values, NULL);
  self->edition_dropdown = add_filter_row (self, 5, _("Guidance edition"), self->edition_values, NULL);
}

static void
select_value (GtkDropDown *dropdown,
              GPtrArray   *values,
              const char  *value)
{
  guint index = 0;

  if (value != NULL && values != NULL)
    for (guint i = 0; i < values->len; i++)
      if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
        index = i + 1;
  gtk_drop_down_set_selected (dropdown, index);
}

/* Shows @f in the widgets and applies it. */
static void
show_filter (CairnCaseTable        *self,
             const CairnCaseFilter *f)
{
  g_autoptr (CairnCaseFilter) copy = cairn_case_filter_copy (f);

  self->applying = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), f->search ? f->search : "");
  gtk_toggle_button_set_active (self->overdue_button, f->overdue_only);
  gtk_drop_down_set_selected (self->open_dropdown, f->open_state == 1 ? 1 : f->open_state == 0 ? 2 : 0);
  select_value (self->stage_dropdown, self->stage_values, f->stage);
  select_value (self->category_dropdown, self->category_values, f->category);
  select_value (self->worker_dropdown, self->worker_values, f->worker);
  select_value (self->team_dropdown, self->team_values, f->team);
  select_value (self->edition_dropdown, self->edition_values, f->edition);
  {
    GListModel *cols = gtk_column_view_get_columns (self->view);
    for (guint i = 0; i < g_list_model_get_n_items (cols); i++)
      if (columns[i].sort == f->sort)
        {
          g_autoptr (GtkColumnViewColumn) col = g_list_model_get_item (cols, i);
          gtk_column_view_sort_by_column (self->view, col,
                                          f->descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        }
  }
  self->applying = FALSE;
  apply_filter (self, copy);
}

static void
clear_clicked (CairnCaseTable *self)
{
  g_autoptr (CairnCaseFilter) f = cairn_case_filter_new ();
  const CairnCaseFilter *old = cairn_case_list_get_filter (self->model);

  f->sort = old->sort;
  f->descending = old->descending;
  show_filter (self, f);
}

/* ---- saved filters ---- */

static void
reload_saved (CairnCaseTable *self)
{
  g_autoptr (GPtrArray) names = NULL;
  GtkWidget *w;

  while ((w = gtk_widget_get_first_child (GTK_WIDGET (self->saved_list))) != NULL)
    gtk_list_box_remove (self->saved_list, w);
  if (self->store == NULL || (names = cairn_store_list_saved_filters (self->store, NULL)) == NULL)
    return;
  for (guint i = 0; i < names->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (names, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "name", g_strdup (g_ptr_array_index (names, i)), g_free);
      gtk_list_box_append (self->saved_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->saved_list), names->len > 0);
}

static void
saved_row_activated (CairnCaseTable *self,
                     GtkListBoxRow  *row)
{
  g_autoptr (CairnCaseFilter) f =
    cairn_store_load_saved_filter (self->store, g_object_get_data (G_OBJECT (row), "name"), NULL);

  gtk_popover_popdown (self->saved_popover);
  if (f != NULL)
    show_filter (self, f);
}

static void
save_filter_clicked (CairnCaseTable *self)
{
  g_autoptr (CairnCaseFilter) f = filter_from_widgets (self);
  g_autoptr (GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->save_name_entry));

  f->sort = cairn_case_list_get_filter (self->model)->sort;
  f->descending = cairn_case_list_get_filter (self->model)->descending;
  if (!cairn_store_save_filter (self->store, name, f, &error))
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_name_entry), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->save_name_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->save_name_entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->save_name_entry), "");
  reload_saved (self);
}

/* ---- public ---- */

static void
row_activated (CairnCaseTable *self,
               guint           position)
{
  g_autoptr (CairnCaseRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (row != NULL && cairn_case_row_is_loaded (row))
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, cairn_case_row_get_child_number (row),
                   cairn_case_row_get_case_number (row));
}

static void
on_items_changed (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  CairnCaseTable *self)
{
  if (removed != added)
    update_count (self);
}

/**
 * cairn_case_table_set_store:
 *
 * Shows a board's cases (the store's user must be signed in), restoring
 * the user's last view.
 */
void
cairn_case_table_set_store (CairnCaseTable *self,
                            CairnStore     *store)
{
  g_autoptr (CairnCaseFilter) last = NULL;

  g_set_object (&self->store, store);
  g_clear_object (&self->model);
  gtk_column_view_set_model (self->view, NULL);
  if (store == NULL)
    return;
  cairn_store_get_today (store, &self->today);
  self->model = cairn_case_list_new (store);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);

  build_filters (self);
  reload_saved (self);
  last = cairn_store_get_last_view (store, NULL);
  if (last == NULL)
    last = cairn_case_filter_new ();
  show_filter (self, last);
}

CairnCaseList *
cairn_case_table_get_model (CairnCaseTable *self)
{
  return self->model;
}

guint
cairn_case_table_get_n_cases (CairnCaseTable *self)
{
  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

void
cairn_case_table_set_stage_labels (CairnCaseTable      *self,
                                   CairnStageLabelFunc  func,
                                   gpointer             user_data)
{
  self->stage_label = func;
  self->stage_label_data = user_data;
}

/* Counts days to deadlines in working days by @calendar. */
void
cairn_case_table_set_calendar (CairnCaseTable *self,
                               CairnCalendar  *calendar)
{
  g_set_object (&self->calendar, calendar);
}

void
cairn_case_table_focus_search (CairnCaseTable *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* After a change to a case: the same view, fetched again. */
void
cairn_case_table_reload (CairnCaseTable *self)
{
  if (self->model == NULL)
    return;
  cairn_store_get_today (self->store, &self->today);
  cairn_case_list_reload (self->model);
  update_count (self);
}

static void
cairn_case_table_dispose (GObject *object)
{
  CairnCaseTable *self = CAIRN_CASE_TABLE (object);

  /* Widgets going away say things; nothing should be applied any more. */
  self->applying = TRUE;
  self->open_dropdown = self->stage_dropdown = self->category_dropdown = NULL;
  self->worker_dropdown = self->team_dropdown = self->edition_dropdown = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_CASE_TABLE);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->stage_values, g_ptr_array_unref);
  g_clear_pointer (&self->category_values, g_ptr_array_unref);
  g_clear_pointer (&self->worker_values, g_ptr_array_unref);
  g_clear_pointer (&self->team_values, g_ptr_array_unref);
  g_clear_pointer (&self->edition_values, g_ptr_array_unref);
  G_OBJECT_CLASS (cairn_case_table_parent_class)->dispose (object);
}

static void
cairn_case_table_class_init (CairnCaseTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_case_table_dispose;

  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          G_TYPE_INT64, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-case-table.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, box);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, saved_list);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, save_name_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, saved_popover);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, count_label);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, stack);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, view);
  gtk_widget_class_bind_template_child (widget_class, CairnCaseTable, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, stop_search);
  gtk_widget_class_bind_template_callback (widget_class, filter_widget_changed);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, saved_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, save_filter_clicked);
}

static void
cairn_case_table_init (CairnCaseTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_columns (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed",
                           G_CALLBACK (sort_changed), self, 0);
}
