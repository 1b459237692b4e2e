/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-scr-action-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-autosave.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-scr-action-plan.h"
#include "cairn-scr-store.h"
#include "cairn-text-area.h"
#include "cairn-utils.h"

/**
 * CairnScrActionPlan:
 *
 * The recommendations of a serious case review and its action plan: under
 * each recommendation, its actions, each a card of fields (the action, the
 * agencies it concerns, who is responsible, how it is monitored and by
 * whom, when it is due, its status and the date it was completed, the
 * progress so far and how its impact will be evaluated), completed actions
 * included. The cards fit the pane, so no column hides off to the side.
 * Every field is saved on its own through the store as it is edited; a
 * change of status or progress also records the action as it stood that
 * day. Tab moves from field to field, card to card.
 */
struct _CairnScrActionPlan
{
  GtkWidget parent_instance;

  CairnStore *store;
  CairnScr *scr;                /* borrowed from the workspace */
  gboolean editable;
  CairnAutosave *autosave;

  GtkWidget *scroller;
  GtkMenuButton *add_recommendation_button;
  GtkPopover *add_recommendation_popover;
  GtkEntry *new_recommendation_entry;
  GtkLabel *empty_label;
  GtkBox *recommendations_box;
};

G_DEFINE_FINAL_TYPE (CairnScrActionPlan, cairn_scr_action_plan, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  COL_ACTION,
  COL_AGENCIES,
  COL_RESPONSIBLE,
  COL_MONITORED,
  COL_DUE,
  COL_STATUS,
  COL_COMPLETED,
  COL_PROGRESS,
  COL_EVALUATION,
  N_COLUMNS
} Column;

/* Where each field sits in an action's card: a grid of six equal columns,
 * each field under its label (row and column of the label; the field is
 * on the row below). */
static const struct
{
  const char *title;
  int row;
  int column;
  int span;
} columns[N_COLUMNS] = {
  [COL_ACTION] = { N_("Action"), 0, 0, 4 },
  [COL_AGENCIES] = { N_("Agencies"), 0, 4, 2 },
  [COL_RESPONSIBLE] = { N_("Who is responsible"), 2, 0, 2 },
  [COL_MONITORED] = { N_("How monitored and by whom"), 2, 2, 2 },
  [COL_DUE] = { N_("Due"), 2, 4, 1 },
  [COL_STATUS] = { N_("Status"), 2, 5, 1 },
  [COL_PROGRESS] = { N_("Progress"), 4, 0, 3 },
  [COL_EVALUATION] = { N_("Evaluation of impact"), 4, 3, 2 },
  [COL_COMPLETED] = { N_("Completed on"), 4, 5, 1 },
};

/* Which action and column a cell edits. */
typedef struct
{
  gint64 action_id;
  Column column;
} Cell;

CairnScrActionPlan *
cairn_scr_action_plan_new (void)
{
  return g_object_new (CAIRN_TYPE_SCR_ACTION_PLAN, NULL);
}

static CairnScrRecommendation *
find_recommendation (CairnScrActionPlan *self,
                     gint64              id)
{
  for (guint i = 0; self->scr && i < self->scr->recommendations->len; i++)
    {
      CairnScrRecommendation *rec = g_ptr_array_index (self->scr->recommendations, i);
      if (rec->id == id)
        return rec;
    }
  return NULL;
}

static CairnScrAction *
find_action (CairnScrActionPlan      *self,
             gint64                   id,
             CairnScrRecommendation **rec_out,
             guint                   *index_out)
{
  for (guint i = 0; self->scr && i < self->scr->recommendations->len; i++)
    {
      CairnScrRecommendation *rec = g_ptr_array_index (self->scr->recommendations, i);
      for (guint j = 0; j < rec->actions->len; j++)
        {
          CairnScrAction *a = g_ptr_array_index (rec->actions, j);
          if (a->id == id)
            {
              *rec_out = rec;
              *index_out = j;
              return a;
            }
        }
    }
  return NULL;
}

static char *
history_text (const CairnScrAction *action)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < action->history->len; i++)
    {
      const CairnScrActionHistory *h = g_ptr_array_index (action->history, i);
      g_autofree char *when = cairn_date_to_display (&h->as_of);
      const char *status = cairn_codes_label (CAIRN_CODES_SCR_ACTION_STATUS, h->status);

      g_string_append_printf (text, "%s%s: %s%s%s", text->len ? "\n" : "", when, status ? status : h->status,
                              cairn_str_empty (h->progress) ? "" : ". ", h->progress ? h->progress : "");
    }
  if (text->len == 0)
    g_string_append (text, _("No progress has been recorded against a date yet."));
  return g_string_free (text, FALSE);
}

/* Saves @copy in place of the action at @index of @rec; with @dated, records the day's status too. */
static gboolean
commit_action (CairnScrActionPlan      *self,
               CairnScrRecommendation  *rec,
               guint                    index,
               CairnScrAction          *copy,
               gboolean                 dated,
               GError                 **error)
{
  g_autoptr (CairnScrAction) owned = copy;
  GDate today;

  cairn_store_get_today (self->store, &today);
  if (!cairn_store_update_scr_action (self->store, owned, dated ? &today : NULL, error))
    return FALSE;
  if (dated)
    {
      CairnScrActionHistory *h = cairn_scr_action_history_new ();

      for (guint i = owned->history->len; i > 0; i--)
        if (g_date_compare (&((CairnScrActionHistory *) g_ptr_array_index (owned->history, i - 1))->as_of,
                            &today) == 0)
          g_ptr_array_remove_index (owned->history, i - 1);
      h->as_of = today;
      h->status = g_strdup (owned->status);
      h->progress = g_strdup (owned->progress);
      g_ptr_array_add (owned->history, h);
    }
  cairn_scr_action_free (g_ptr_array_index (rec->actions, index));
  g_ptr_array_index (rec->actions, index) = g_steal_pointer (&owned);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
save_cell (GtkWidget   *field,
           const char  *text,
           gpointer     user_data,
           GError     **error)
{
  CairnScrActionPlan *self = user_data;
  Cell *cell = g_object_get_data (G_OBJECT (field), "cairn-cell");
  CairnScrRecommendation *rec = NULL;
  guint index = 0;
  CairnScrAction *current = find_action (self, cell->action_id, &rec, &index);
  g_autoptr (CairnScrAction) copy = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  g_return_val_if_fail (current != NULL, FALSE);
  copy = cairn_scr_action_copy (current);
  switch (cell->column)
    {
    case COL_ACTION:
      cairn_set_str (&copy->action, text);
      break;
    case COL_AGENCIES:
      cairn_set_str (&copy->agencies, text);
      break;
    case COL_RESPONSIBLE:
      cairn_set_str (&copy->responsible, text);
      break;
    case COL_MONITORED:
      cairn_set_str (&copy->monitored_by, text);
      break;
    case COL_PROGRESS:
      cairn_set_str (&copy->progress, text);
      break;
    case COL_EVALUATION:
      cairn_set_str (&copy->evaluation, text);
      break;
    case COL_DUE:
      if (!cairn_date_parse_optional (_("Due"), trimmed, &copy->due_on, error))
        return FALSE;
      break;
    case COL_COMPLETED:
      if (!cairn_date_parse_optional (_("Completed on"), trimmed, &copy->completed_on, error))
        return FALSE;
      break;
    case COL_STATUS:
    case N_COLUMNS:
      g_assert_not_reached ();
    }
  return commit_action (self, rec, index, g_steal_pointer (&copy), cell->column == COL_PROGRESS, error);
}

static gboolean
save_recommendation (GtkWidget   *field,
                     const char  *text,
                     gpointer     user_data,
                     GError     **error)
{
  CairnScrActionPlan *self = user_data;
  gint64 *id = g_object_get_data (G_OBJECT (field), "cairn-recommendation");
  CairnScrRecommendation *rec = find_recommendation (self, *id);
  g_autoptr (CairnScrRecommendation) update = cairn_scr_recommendation_new ();

  g_return_val_if_fail (rec != NULL, FALSE);
  update->id = rec->id;
  update->number = rec->number;
  update->body = g_strdup (text);
  cairn_set_str (&update->source, rec->source);
  if (!cairn_store_update_scr_recommendation (self->store, update, error))
    return FALSE;
  cairn_set_str (&rec->body, text);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
autosave_failed (CairnScrActionPlan *self,
                 GtkWidget          *widget,
                 const char         *field,
                 const char         *message)
{
  g_signal_emit (self, signals[PROBLEM], 0, message);
}

static GtkTextView *
text_area_new (const char *label,
               GtkWidget **frame)
{
  GtkWidget *view = cairn_text_area_new ();

  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  *frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (*frame), view);
  gtk_widget_add_css_class (*frame, "scr-text");
  return GTK_TEXT_VIEW (view);
}

static GtkWidget *
text_cell (CairnScrActionPlan   *self,
           const CairnScrAction *action,
           Column                column,
           const char           *text)
{
  g_autofree char *label = g_strdup_printf ("%s: %s", _(columns[column].title), action->action);
  GtkWidget *frame;
  GtkTextView *view = text_area_new (label, &frame);
  Cell *cell = g_new0 (Cell, 1);

  cell->action_id = action->id;
  cell->column = column;
  g_object_set_data_full (G_OBJECT (view), "cairn-cell", cell, g_free);
  gtk_widget_add_css_class (frame, "scr-cell");
  gtk_widget_set_hexpand (frame, TRUE);
  cairn_autosave_bind (self->autosave, GTK_WIDGET (view), NULL, save_cell, self, NULL);
  cairn_autosave_set_text (self->autosave, GTK_WIDGET (view), text);
  cairn_autosave_set_field_editable (self->autosave, GTK_WIDGET (view), self->editable);
  return frame;
}

static GtkWidget *
date_cell (CairnScrActionPlan   *self,
           const CairnScrAction *action,
           Column                column,
           const GDate          *date)
{
  g_autofree char *label = g_strdup_printf ("%s: %s", _(columns[column].title), action->action);
  g_autofree char *text = cairn_date_to_string (date);
  GtkWidget *entry = gtk_entry_new ();
  Cell *cell = g_new0 (Cell, 1);

  cell->action_id = action->id;
  cell->column = column;
  g_object_set_data_full (G_OBJECT (entry), "cairn-cell", cell, g_free);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  cairn_autosave_bind (self->autosave, entry, NULL, save_cell, self, NULL);
  cairn_autosave_set_text (self->autosave, entry, text);
  cairn_autosave_set_field_editable (self->autosave, entry, self->editable);
  g_object_set_data (G_OBJECT (entry), "cairn-column", GINT_TO_POINTER (column));
  return entry;
}

static int
status_index (const char *status)
{
  gsize n = 0;
  const CairnCode *codes = cairn_codes_get (CAIRN_CODES_SCR_ACTION_STATUS, &n);

  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (codes[i].code, status) == 0)
      return (int) i;
  return 0;
}

/* The completed-on entry in the same row as @dropdown. */
static GtkWidget *
completed_entry_for (GtkWidget *dropdown)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dropdown), "cairn-completed");

  return entry;
}

static void
status_changed (GtkDropDown        *dropdown,
                GParamSpec         *pspec,
                CairnScrActionPlan *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dropdown), "cairn-action");
  CairnScrRecommendation *rec = NULL;
  guint index = 0;
  CairnScrAction *current;
  g_autoptr (CairnScrAction) copy = NULL;
  g_autoptr (GError) error = NULL;
  gsize n = 0;
  const CairnCode *codes = cairn_codes_get (CAIRN_CODES_SCR_ACTION_STATUS, &n);
  guint selected = gtk_drop_down_get_selected (dropdown);
  GtkWidget *completed = completed_entry_for (GTK_WIDGET (dropdown));
  g_autofree char *completed_text = NULL;

  if (g_object_get_data (G_OBJECT (dropdown), "cairn-loading") != NULL || selected >= n ||
      (current = find_action (self, *id, &rec, &index)) == NULL ||
      g_strcmp0 (current->status, codes[selected].code) == 0)
    return;

  /* The completed-on date follows the status: a complete action has one, no other does. */
  cairn_autosave_flush (self->autosave, NULL);
  current = find_action (self, *id, &rec, &index);
  copy = cairn_scr_action_copy (current);
  cairn_set_str (&copy->status, codes[selected].code);
  if (g_strcmp0 (copy->status, "complete") == 0 && !cairn_date_is_set (&copy->completed_on))
    cairn_store_get_today (self->store, &copy->completed_on);
  else if (g_strcmp0 (copy->status, "complete") != 0)
    cairn_date_clear (&copy->completed_on);
  completed_text = cairn_date_to_string (&copy->completed_on);

  if (!commit_action (self, rec, index, g_steal_pointer (&copy), TRUE, &error))
    {
      /* Back to what is stored. */
      g_object_set_data (G_OBJECT (dropdown), "cairn-loading", GINT_TO_POINTER (1));
      gtk_drop_down_set_selected (dropdown, status_index (current->status));
      g_object_set_data (G_OBJECT (dropdown), "cairn-loading", NULL);
      g_signal_emit (self, signals[PROBLEM], 0, error->message);
      return;
    }
  if (completed != NULL)
    cairn_autosave_set_text (self->autosave, completed, completed_text);
  {
    g_autofree char *history = history_text (find_action (self, *id, &rec, &index));
    gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), history);
  }
}

static GtkWidget *
status_cell (CairnScrActionPlan   *self,
             const CairnScrAction *action)
{
  gsize n = 0;
  const CairnCode *codes = cairn_codes_get (CAIRN_CODES_SCR_ACTION_STATUS, &n);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *label = g_strdup_printf ("%s: %s", _(columns[COL_STATUS].title), action->action);
  g_autofree char *history = history_text (action);
  GtkWidget *dropdown;

  for (gsize i = 0; i < n; i++)
    gtk_string_list_append (labels, _(codes[i].label));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  g_object_set_data_full (G_OBJECT (dropdown), "cairn-action", g_memdup2 (&action->id, sizeof action->id),
                          g_free);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), status_index (action->status));
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_widget_set_tooltip_text (dropdown, history);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_sensitive (dropdown, self->editable);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (status_changed), self);
  return dropdown;
}

static void rebuild (CairnScrActionPlan *self);

static void
add_action_clicked (GtkWidget          *widget,
                    CairnScrActionPlan *self)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (widget), "cairn-entry");
  GtkPopover *popover = g_object_get_data (G_OBJECT (widget), "cairn-popover");
  gint64 *rec_id = g_object_get_data (G_OBJECT (widget), "cairn-recommendation");
  CairnScrRecommendation *rec = find_recommendation (self, *rec_id);
  g_autoptr (CairnScrAction) action = cairn_scr_action_new ();
  g_autoptr (GError) error = NULL;

  g_return_if_fail (rec != NULL);
  action->action = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (!cairn_store_add_scr_action (self->store, rec->id, action, &error))
    {
      g_signal_emit (self, signals[PROBLEM], 0, error->message);
      return;
    }
  g_ptr_array_add (rec->actions, g_steal_pointer (&action));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_popover_popdown (popover);
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
add_action_button (CairnScrActionPlan           *self,
                   const CairnScrRecommendation *rec)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("What is to be done"));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));
  g_autofree char *accessible = g_strdup_printf (_("Add an action to recommendation %d"), rec->number);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Add Action"));
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 40);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What is to be done"), -1);
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), add);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  for (GtkWidget *w = add;; w = entry)
    {
      g_object_set_data (G_OBJECT (w), "cairn-entry", entry);
      g_object_set_data (G_OBJECT (w), "cairn-popover", popover);
      g_object_set_data_full (G_OBJECT (w), "cairn-recommendation", g_memdup2 (&rec->id, sizeof rec->id),
                              g_free);
      if (w == entry)
        break;
    }
  g_signal_connect (add, "clicked", G_CALLBACK (add_action_clicked), self);
  g_signal_connect (entry, "activate", G_CALLBACK (add_action_clicked), self);
  gtk_widget_set_visible (button, self->editable);
  return button;
}

/* One action as a card: every field under its label, in reading (and Tab) order. */
static GtkWidget *
action_card (CairnScrActionPlan   *self,
             const CairnScrAction *a)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *fields[N_COLUMNS];
  g_autofree char *accessible = g_strdup_printf (_("Action: %s"), a->action);

  fields[COL_ACTION] = text_cell (self, a, COL_ACTION, a->action);
  fields[COL_AGENCIES] = text_cell (self, a, COL_AGENCIES, a->agencies);
  fields[COL_RESPONSIBLE] = text_cell (self, a, COL_RESPONSIBLE, a->responsible);
  fields[COL_MONITORED] = text_cell (self, a, COL_MONITORED, a->monitored_by);
  fields[COL_DUE] = date_cell (self, a, COL_DUE, &a->due_on);
  fields[COL_STATUS] = status_cell (self, a);
  fields[COL_COMPLETED] = date_cell (self, a, COL_COMPLETED, &a->completed_on);
  fields[COL_PROGRESS] = text_cell (self, a, COL_PROGRESS, a->progress);
  fields[COL_EVALUATION] = text_cell (self, a, COL_EVALUATION, a->evaluation);
  g_object_set_data (G_OBJECT (fields[COL_STATUS]), "cairn-completed", fields[COL_COMPLETED]);

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *heading = gtk_label_new (_(columns[c].title));

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (heading, _(columns[c].title));
      gtk_widget_add_css_class (heading, "caption-heading");
      gtk_widget_add_css_class (heading, "dim-label");
      if (columns[c].row > 0)
        gtk_widget_set_margin_top (heading, 8);
      gtk_grid_attach (GTK_GRID (grid), heading, columns[c].column, columns[c].row, columns[c].span, 1);
      gtk_widget_set_valign (fields[c], GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (grid), fields[c], columns[c].column, columns[c].row + 1, columns[c].span, 1);
    }
  gtk_box_append (GTK_BOX (card), grid);
  gtk_widget_add_css_class (card, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return card;
}

static GtkWidget *
recommendation_block (CairnScrActionPlan           *self,
                      const CairnScrRecommendation *rec)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *title = g_strdup_printf (_("Recommendation %d"), rec->number);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame;
  GtkTextView *body = text_area_new (title, &frame);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (head), label);
  gtk_box_append (GTK_BOX (head), add_action_button (self, rec));
  gtk_box_append (GTK_BOX (block), head);

  g_object_set_data_full (G_OBJECT (body), "cairn-recommendation", g_memdup2 (&rec->id, sizeof rec->id), g_free);
  cairn_autosave_bind (self->autosave, GTK_WIDGET (body), NULL, save_recommendation, self, NULL);
  cairn_autosave_set_text (self->autosave, GTK_WIDGET (body), rec->body);
  cairn_autosave_set_field_editable (self->autosave, GTK_WIDGET (body), self->editable);
  gtk_box_append (GTK_BOX (block), frame);

  if (rec->actions->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No action has been recorded for this recommendation yet."));
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (block), none);
      return block;
    }
  for (guint j = 0; j < rec->actions->len; j++)
    {
      GtkWidget *card = action_card (self, g_ptr_array_index (rec->actions, j));
      if (j == 0)
        gtk_widget_set_margin_top (card, 4);
      gtk_box_append (GTK_BOX (block), card);
    }
  return block;
}

static void
rebuild (CairnScrActionPlan *self)
{
  GtkWidget *child;
  guint n = self->scr ? self->scr->recommendations->len : 0;

  cairn_autosave_flush (self->autosave, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recommendations_box))) != NULL)
    gtk_box_remove (self->recommendations_box, child);
  for (guint i = 0; i < n; i++)
    gtk_box_append (self->recommendations_box,
                    recommendation_block (self, g_ptr_array_index (self->scr->recommendations, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->scr != NULL && n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->add_recommendation_button), self->scr != NULL && self->editable);
}

static void
add_recommendation (CairnScrActionPlan *self)
{
  g_autoptr (CairnScrRecommendation) rec = cairn_scr_recommendation_new ();
  g_autoptr (GError) error = NULL;

  g_return_if_fail (self->scr != NULL);
  rec->body = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_recommendation_entry))));
  if (!cairn_store_add_scr_recommendation (self->store, self->scr->id, rec, &error))
    {
      g_signal_emit (self, signals[PROBLEM], 0, error->message);
      return;
    }
  g_ptr_array_add (self->scr->recommendations, g_steal_pointer (&rec));
  gtk_editable_set_text (GTK_EDITABLE (self->new_recommendation_entry), "");
  gtk_popover_popdown (self->add_recommendation_popover);
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cairn_scr_action_plan_set_review:
 * @scr: (nullable): the review, borrowed: the caller keeps it alive and
 *   sees the changes saved (the editor updates it as the store accepts them)
 * @editable: whether the signed-in user may change it
 */
void
cairn_scr_action_plan_set_review (CairnScrActionPlan *self,
                                  CairnStore         *store,
                                  CairnScr           *scr,
                                  gboolean            editable)
{
  g_return_if_fail (CAIRN_IS_SCR_ACTION_PLAN (self));

  cairn_autosave_flush (self->autosave, NULL);
  g_set_object (&self->store, store);
  self->scr = scr;
  self->editable = editable && scr != NULL;
  rebuild (self);
}

/* Saves every cell with unsaved changes; %FALSE with the first problem. */
gboolean
cairn_scr_action_plan_flush (CairnScrActionPlan  *self,
                             GError             **error)
{
  g_return_val_if_fail (CAIRN_IS_SCR_ACTION_PLAN (self), FALSE);
  return cairn_autosave_flush (self->autosave, error);
}

static void
cairn_scr_action_plan_dispose (GObject *object)
{
  CairnScrActionPlan *self = CAIRN_SCR_ACTION_PLAN (object);

  if (self->autosave != NULL && self->store != NULL)
    cairn_autosave_flush (self->autosave, NULL);
  g_clear_object (&self->autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_SCR_ACTION_PLAN);
  g_clear_object (&self->store);
  self->scr = NULL;
  G_OBJECT_CLASS (cairn_scr_action_plan_parent_class)->dispose (object);
}

static void
cairn_scr_action_plan_class_init (CairnScrActionPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_scr_action_plan_dispose;

  /**
   * CairnScrActionPlan::changed:
   *
   * A recommendation or an action was saved.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);
  /**
   * CairnScrActionPlan::problem:
   * @message: what the store refused, "FIELD: problem"
   */
  signals[PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cairn/Cairn/cairn-scr-action-plan.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnScrActionPlan, scroller);
  gtk_widget_class_bind_template_child (widget_class, CairnScrActionPlan, add_recommendation_button);
  gtk_widget_class_bind_template_child (widget_class, CairnScrActionPlan, add_recommendation_popover);
  gtk_widget_class_bind_template_child (widget_class, CairnScrActionPlan, new_recommendation_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnScrActionPlan, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CairnScrActionPlan, recommendations_box);
  gtk_widget_class_bind_template_callback (widget_class, add_recommendation);
}

static void
cairn_scr_action_plan_init (CairnScrActionPlan *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->autosave = cairn_autosave_new (0);
  g_signal_connect_swapped (self->autosave, "failed", G_CALLBACK (autosave_failed), self);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_recommendation_button), FALSE);
}
