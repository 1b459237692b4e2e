/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-audit-store.h"
#include "cairn-case-pathway.h"
#include "cairn-case-page.h"
#include "cairn-child-store.h"
#include "cairn-chronology-report.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-event-dialog.h"
#include "cairn-flowchart-edition.h"
#include "cairn-pathway-view.h"
#include "cairn-ref.h"
#include "cairn-user-store.h"

/**
 * CairnCasePage:
 *
 * One case: the child, what is due under the timescales, where the case
 * stands on the pathway, the chronology of significant events (filterable
 * by kind), and, for those allowed, the record's history. Adding an event
 * goes through #CairnEventDialog; the last event added can be undone.
 * Emits #CairnCasePage::changed after any change, so that the case table
 * can refresh.
 */
struct _CairnCasePage
{
  GtkWidget parent_instance;

  CairnStore *store;
  gint64 child_number;
  int case_number;
  char *title;
  char *ref;
  GPtrArray *events;
  GPtrArray *event_kinds;   /* codes in the kind filter, after "All" */
  gint64 last_added_id;     /* for undo; 0 when nothing to undo */
  CairnEdition *edition;    /* the edition the process view shows */
  GStrv stage_kinds;        /* with a stage chosen in the process view: its event kinds */
  CairnPathwayView *pathway_view;
  char *current_node;
  guint select_source;

  GtkWidget *scrolled;
  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkBox *flags_box;
  GtkListBox *timers_list;
  GtkBox *process_box;
  GtkDropDown *kind_filter;
  GtkWidget *stage_filter_box;
  GtkLabel *stage_filter_label;
  GtkListBox *chronology_list;
  GtkWidget *history_box;
  GtkListBox *history_list;
};

G_DEFINE_FINAL_TYPE (CairnCasePage, cairn_case_page, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *w;

  while ((w = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, w);
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
add_flag (CairnCasePage *self,
          const char    *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "case-flag");
  gtk_box_append (self->flags_box, label);
}

/* ---- what is due ---- */

static char *
timer_status_text (const CairnTimer *t,
                   const char      **css)
{
  g_autofree char *due = cairn_date_to_display (&t->due);

  *css = NULL;
  switch (t->status)
    {
    case CAIRN_TIMER_MET:
      return g_strdup_printf (_("Met: due %s"), due);
    case CAIRN_TIMER_NOT_APPLICABLE:
      return g_strdup (_("Not needed"));
    case CAIRN_TIMER_RUNNING:
      if (t->has_days && t->days <= 2)
        *css = "due-soon";
      if (t->has_days)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due %s: %d working day left",
                                             "Due %s: %d working days left", t->days),
                                due, t->days);
      return g_strdup_printf (_("Due %s"), due);
    case CAIRN_TIMER_MISSED:
    default:
      *css = "overdue";
      if (t->open && t->has_days)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "OVERDUE: due %s, %d working day late",
                                             "OVERDUE: due %s, %d working days late", -t->days),
                                due, -t->days);
      if (t->has_days)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Missed: due %s, done %d working day late",
                                             "Missed: due %s, done %d working days late", -t->days),
                                due, -t->days);
      return g_strdup_printf (_("Missed: due %s"), due);
    }
}

static void
show_timers (CairnCasePage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) timers = cairn_pathway_case_timers (self->store, self->child_number,
                                                             self->case_number, &error);
  guint shown = 0;

  clear_list (self->timers_list);
  if (timers == NULL)
    {
      gtk_list_box_append (self->timers_list, row_new (_("Timescales could not be worked out"), error->message));
      return;
    }
  /* Open timers first (overdue, then running), then the record of met and missed ones. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < timers->len; i++)
      {
        CairnTimer *t = g_ptr_array_index (timers, i);
        const char *css;
        g_autofree char *status = NULL;
        g_autofree char *subtitle = NULL;
        GtkWidget *row, *label;

        if ((pass == 0) != t->open || t->status == CAIRN_TIMER_NOT_APPLICABLE)
          continue;
        status = timer_status_text (t, &css);
        subtitle = g_strdup_printf (_("%s · %s%s%s"), t->rule_id, t->source ? t->source : t->edition,
                                    t->late_reason ? _(" · reason: ") : "",
                                    t->late_reason ? t->late_reason : "");
        row = row_new (t->title ? t->title : t->rule_id, subtitle);
        label = gtk_label_new (status);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_width_chars (GTK_LABEL (label), 28);
        gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
        gtk_label_set_xalign (GTK_LABEL (label), 1);
        gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
        if (css != NULL)
          gtk_widget_add_css_class (label, css);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        gtk_list_box_append (self->timers_list, row);
        shown++;
      }
  if (shown == 0)
    gtk_list_box_append (self->timers_list, row_new (_("Nothing is due on this case"), NULL));
}

/* ---- chronology ---- */

static GtkWidget *
event_row (const CairnEvent *e)
{
  g_autofree char *when = cairn_timestamp_to_string (&e->date, e->minute);
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  const char *seen = NULL;

  if (e->seen_alone == 1)
    seen = _("child seen alone");
  else if (e->child_seen == 1)
    seen = e->not_seen_alone_reason ? NULL : _("child seen, not alone");
  else if (e->child_seen == 0)
    seen = _("child not seen");

  g_ptr_array_add (parts, when);
  if (e->recorded_by)
    g_ptr_array_add (parts, e->recorded_by);
  if (seen)
    g_ptr_array_add (parts, (gpointer) seen);
  if (e->child_seen == 1 && e->seen_alone == 0 && e->not_seen_alone_reason)
    g_ptr_array_add (parts, g_strdup_printf (_("seen, not alone: %s"), e->not_seen_alone_reason));
  if (e->outcome)
    g_ptr_array_add (parts, e->outcome);
  if (e->notes)
    g_ptr_array_add (parts, e->notes);
  if (e->late_reason)
    g_ptr_array_add (parts, g_strdup_printf (_("late: %s"), e->late_reason));
  if (e->exception_reason)
    g_ptr_array_add (parts, g_strdup_printf (_("out of order: %s"), e->exception_reason));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  title = e->planned ? g_strdup_printf (_("%s (planned)"), cairn_codes_label (CAIRN_CODES_EVENT_KIND, e->kind))
                     : g_strdup (cairn_codes_label (CAIRN_CODES_EVENT_KIND, e->kind));
  return row_new (title, subtitle);
}

static void
show_chronology (CairnCasePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_filter);
  const char *kind = selected > 0 && self->event_kinds && selected <= self->event_kinds->len
                       ? g_ptr_array_index (self->event_kinds, selected - 1)
                       : NULL;

  clear_list (self->chronology_list);
  for (guint i = 0; self->events && i < self->events->len; i++)
    {
      CairnEvent *e = g_ptr_array_index (self->events, i);
      if ((kind == NULL || g_strcmp0 (kind, e->kind) == 0) &&
          (self->stage_kinds == NULL || g_strv_contains ((const char * const *) self->stage_kinds, e->kind)))
        gtk_list_box_append (self->chronology_list, event_row (e));
    }
}

static void
kind_filter_changed (CairnCasePage *self)
{
  show_chronology (self);
}

static void
fill_kind_filter (CairnCasePage *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->event_kinds, g_ptr_array_unref);
  self->event_kinds = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, _("All events"));
  for (guint i = 0; i < self->events->len; i++)
    {
      CairnEvent *e = g_ptr_array_index (self->events, i);
      if (!g_ptr_array_find_with_equal_func (self->event_kinds, e->kind, g_str_equal, NULL))
        {
          g_ptr_array_add (self->event_kinds, g_strdup (e->kind));
          gtk_string_list_append (labels, cairn_codes_label (CAIRN_CODES_EVENT_KIND, e->kind));
        }
    }
  g_signal_handlers_block_by_func (self->kind_filter, kind_filter_changed, self);
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->kind_filter, 0);
  g_signal_handlers_unblock_by_func (self->kind_filter, kind_filter_changed, self);
}

/* ---- the process view ---- */

static void
clear_stage_filter (CairnCasePage *self)
{
  g_clear_pointer (&self->stage_kinds, g_strfreev);
  gtk_widget_set_visible (self->stage_filter_box, FALSE);
  show_chronology (self);
}

/* A stage chosen in the process view: the chronology shows the child's events there. */
static void
node_activated (CairnPathwayView *view,
                const char       *node_id,
                CairnCasePage    *self)
{
  const CairnNode *node = self->edition ? cairn_edition_lookup_node (self->edition, node_id) : NULL;
  g_autofree char *text = NULL;

  if (node == NULL)
    return;
  g_clear_pointer (&self->stage_kinds, g_strfreev);
  self->stage_kinds = g_strdupv (node->events ? node->events : (GStrv) (const char *[]) { NULL });
  text = g_strdup_printf (_("Events at the stage “%s”"), node->label);
  gtk_label_set_label (self->stage_filter_label, text);
  gtk_widget_set_visible (self->stage_filter_box, TRUE);
  show_chronology (self);
}

static gboolean
select_current_node (gpointer data)
{
  CairnCasePage *self = data;

  self->select_source = 0;
  if (self->current_node != NULL)
    cairn_pathway_view_select (self->pathway_view, self->current_node);
  return G_SOURCE_REMOVE;
}

static void
show_process (CairnCasePage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnFlowCase) state = NULL;
  g_autoptr (CairnFlowchart) chart = NULL;
  CairnEdition *used = NULL;

  state = cairn_flow_case_new_from_store (self->store, NULL, self->child_number, self->case_number,
                                          &used, &error);
  if (state == NULL || (chart = cairn_flowchart_new_from_edition (used, &error)) == NULL)
    {
      g_debug ("No process view for this case: %s", error ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->process_box), FALSE);
      g_clear_object (&used);
      return;
    }
  g_clear_object (&self->edition);
  self->edition = used;
  cairn_pathway_view_set_chart (self->pathway_view, chart);
  cairn_pathway_view_set_case (self->pathway_view, state);
  gtk_widget_set_visible (GTK_WIDGET (self->process_box), TRUE);

  /* Show where the case stands: its current stage, once the view has its size. */
  {
    g_autoptr (CairnEdition) stage_edition = NULL;
    const CairnNode *node = NULL;
    if (cairn_pathway_case_stage (self->store, self->child_number, self->case_number, &stage_edition,
                                  &node, NULL) &&
        node != NULL && g_strcmp0 (cairn_edition_get_id (stage_edition), cairn_edition_get_id (self->edition)) == 0)
      {
        g_free (self->current_node);
        self->current_node = g_strdup (node->id);
        g_clear_handle_id (&self->select_source, g_source_remove);
        self->select_source = g_timeout_add (150, select_current_node, self);
      }
  }
}

/* ---- history ---- */

static void
show_history (CairnCasePage *self)
{
  g_autoptr (GPtrArray) entries = NULL;

  clear_list (self->history_list);
  if (!cairn_store_require (self->store, CAIRN_ACTION_VIEW_AUDIT, NULL) ||
      (entries = cairn_store_list_child_audit (self->store, self->child_number, NULL)) == NULL)
    {
      gtk_widget_set_visible (self->history_box, FALSE);
      return;
    }
  for (guint i = entries->len; i > 0 && entries->len - i < 200; i--)
    {
      CairnAuditEntry *e = g_ptr_array_index (entries, i - 1);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", e->at, e->user_name);

      if (g_str_equal (e->action, "open"))
        title = g_strdup (_("Opened the record"));
      else if (g_str_equal (e->action, "insert"))
        title = g_strdup_printf (_("Added to %s"), e->entity);
      else if (g_str_equal (e->action, "update"))
        title = g_strdup_printf (_("Changed %s"), e->entity);
      else if (g_str_equal (e->action, "delete"))
        title = g_strdup_printf (_("Removed from %s"), e->entity);
      else
        title = g_strdup (e->action);
      gtk_list_box_append (self->history_list, row_new (title, subtitle));
    }
  gtk_widget_set_visible (self->history_box, TRUE);
}

/* ---- the page ---- */

static gboolean
reload (CairnCasePage  *self,
        GError        **error)
{
  g_autoptr (CairnChild) child = cairn_store_get_child (self->store, self->child_number, error);
  g_autofree char *born = NULL;
  g_autofree char *details = NULL;
  GtkWidget *w;
  GDate today;

  if (child == NULL)
    return FALSE;
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = cairn_store_list_events (self->store, self->child_number, self->case_number, error);
  if (self->events == NULL)
    return FALSE;

  cairn_store_get_today (self->store, &today);
  g_free (self->title);
  self->title = cairn_child_dup_display_name (child);
  g_free (self->ref);
  self->ref = cairn_case_ref_format (self->child_number, self->case_number);
  born = cairn_date_to_display (cairn_child_get_birth_or_expected (child));
  if (cairn_child_is_unborn (child))
    details = g_strdup_printf (_("%s · unborn, due %s · NHS number %s"), self->ref, born,
                               child->nhs_number ? child->nhs_number : _("not known"));
  else if (g_date_compare (&child->date_of_birth, &today) > 0)
    /* Born after this board's today (a census of later years read into an
     * older board): no age to give. */
    details = g_strdup_printf (_("%s · born %s · sex: %s · NHS number %s"), self->ref, born,
                               cairn_codes_label (CAIRN_CODES_SEX, child->sex),
                               child->nhs_number ? child->nhs_number : _("not known"));
  else
    details = g_strdup_printf (_("%s · born %s (age %d) · sex: %s · NHS number %s"), self->ref, born,
                               cairn_date_age_years (&child->date_of_birth, &today),
                               cairn_codes_label (CAIRN_CODES_SEX, child->sex),
                               child->nhs_number ? child->nhs_number : _("not known"));
  gtk_label_set_label (self->name_label, self->title);
  gtk_label_set_label (self->details_label, details);

  while ((w = gtk_widget_get_first_child (GTK_WIDGET (self->flags_box))) != NULL)
    gtk_box_remove (self->flags_box, w);
  for (guint i = 0; i < self->events->len; i++)
    {
      CairnEvent *e = g_ptr_array_index (self->events, i);
      if (g_str_equal (e->kind, "cp_plan_start"))
        add_flag (self, _("On a child protection plan"));
      else if (g_str_equal (e->kind, "cp_plan_end") && gtk_widget_get_last_child (GTK_WIDGET (self->flags_box)))
        gtk_box_remove (self->flags_box, gtk_widget_get_last_child (GTK_WIDGET (self->flags_box)));
    }
  if (child->looked_after)
    add_flag (self, _("Looked after"));
  if (cairn_child_is_unborn (child))
    add_flag (self, _("Unborn"));
  if (child->transferred_in)
    add_flag (self, _("Transferred in"));
  if (cairn_date_is_set (&child->date_of_death))
    add_flag (self, _("Died"));

  show_timers (self);
  show_process (self);
  g_clear_pointer (&self->stage_kinds, g_strfreev);
  gtk_widget_set_visible (self->stage_filter_box, FALSE);
  fill_kind_filter (self);
  show_chronology (self);
  show_history (self);
  return TRUE;
}

/**
 * cairn_case_page_show_case:
 *
 * Shows a case, and writes the opening of the child's record to the
 * audit trail.
 */
gboolean
cairn_case_page_show_case (CairnCasePage  *self,
                           CairnStore     *store,
                           gint64          child_number,
                           int             case_number,
                           GError        **error)
{
  g_set_object (&self->store, store);
  self->child_number = child_number;
  self->case_number = case_number;
  self->last_added_id = 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.undo", FALSE);
  if (!cairn_store_record_child_opened (store, child_number, error) || !reload (self, error))
    return FALSE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
  return TRUE;
}

const char *
cairn_case_page_get_title (CairnCasePage *self)
{
  return self->title;
}

const char *
cairn_case_page_get_ref (CairnCasePage *self)
{
  return self->ref;
}

gint64
cairn_case_page_get_child_number (CairnCasePage *self)
{
  return self->child_number;
}

int
cairn_case_page_get_case_number (CairnCasePage *self)
{
  return self->case_number;
}


static void
on_recorded (CairnEventDialog *dialog,
             gint64            event_id,
             CairnCasePage    *self)
{
  g_autoptr (GError) error = NULL;

  self->last_added_id = event_id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.undo", TRUE);
  if (!reload (self, &error))
    g_warning ("%s", error->message);
  g_signal_emit (self, signals[CHANGED], 0, _("Event recorded"), TRUE);
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CairnCasePage *self = CAIRN_CASE_PAGE (widget);
  CairnEventDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = cairn_event_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                   self->child_number, self->case_number);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recorded), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
cairn_case_page_can_undo (CairnCasePage *self)
{
  return self->last_added_id != 0;
}

/* Removes the event added last; the audit trail keeps both steps. */
gboolean
cairn_case_page_undo (CairnCasePage  *self,
                      GError        **error)
{
  if (self->last_added_id == 0)
    return TRUE;
  if (!cairn_pathway_delete_event (self->store, self->child_number, self->case_number,
                                   self->last_added_id, error))
    return FALSE;
  self->last_added_id = 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.undo", FALSE);
  if (!reload (self, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, _("Event removed"), FALSE);
  return TRUE;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_autoptr (GError) error = NULL;

  if (!cairn_case_page_undo (CAIRN_CASE_PAGE (widget), &error))
    g_signal_emit (widget, signals[CHANGED], 0, error->message, FALSE);
}

static void
export_response (GtkNativeDialog *chooser,
                 int              response,
                 CairnCasePage   *self)
{
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      guint n_pages = 0;

      if (cairn_chronology_report_write (self->store, self->child_number, self->case_number, path,
                                         &n_pages, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Chronology written to %s"), path);
          g_signal_emit (self, signals[CHANGED], 0, message, FALSE);
        }
      else
        g_signal_emit (self, signals[CHANGED], 0, error->message, FALSE);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CairnCasePage *self = CAIRN_CASE_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Chronology"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf (_("chronology-C-%06" G_GINT64_FORMAT "-%d.pdf"), self->child_number,
                          self->case_number);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cairn_case_page_dispose (GObject *object)
{
  CairnCasePage *self = CAIRN_CASE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_CASE_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->event_kinds, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->stage_kinds, g_strfreev);
  g_clear_object (&self->edition);
  g_clear_handle_id (&self->select_source, g_source_remove);
  g_clear_pointer (&self->current_node, g_free);
  G_OBJECT_CLASS (cairn_case_page_parent_class)->dispose (object);
}

static void
cairn_case_page_class_init (CairnCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_case_page_dispose;

  /* (message, can_undo): for the window's toast */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, details_label);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, flags_box);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, timers_list);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, process_box);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, chronology_list);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, stage_filter_box);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, stage_filter_label);
  gtk_widget_class_bind_template_callback (widget_class, clear_stage_filter);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, history_box);
  gtk_widget_class_bind_template_child (widget_class, CairnCasePage, history_list);

  gtk_widget_class_install_action (widget_class, "case.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "case.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "case.export-chronology", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "case.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "case.add-event", NULL);
}

static void
cairn_case_page_init (CairnCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->kind_filter, "notify::selected", G_CALLBACK (kind_filter_changed), self);
  self->pathway_view = CAIRN_PATHWAY_VIEW (cairn_pathway_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->pathway_view), -1, 460);
  gtk_widget_add_css_class (GTK_WIDGET (self->pathway_view), "card");
  g_signal_connect (self->pathway_view, "node-activated", G_CALLBACK (node_activated), self);
  gtk_box_append (self->process_box, GTK_WIDGET (self->pathway_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.undo", FALSE);
}
