/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-autosave.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-document-preview.h"
#include "cairn-editor-private.h"
#include "cairn-error.h"
#include "cairn-meeting-editor.h"
#include "cairn-meeting-store.h"
#include "cairn-minutes-report.h"
#include "cairn-utils.h"

#define REFRESH_MS 250
#define ITEM_KEY "cairn-agenda-item-id"

static const char *const attendance_codes[] = { "present", "apologies", "in_attendance", "absent" };
static const char *const status_codes[] = { "open", "in_progress", "closed" };

struct _CairnMeetingEditor
{
  AdwBin parent_instance;

  CairnStore *store;
  CairnMeeting *meeting;
  CairnRef ref;
  char *ref_text;
  CairnAutosave *autosave;
  guint refresh_id;
  gboolean loading;
  char *save_state;
  GHashTable *item_labels;     /* item id → GtkLabel (its number and minute) */

  AdwToastOverlay *toasts;
  GtkLabel *title_label;
  GtkLabel *status_label;
  GtkLabel *problem_label;
  GtkButton *reopen_button;
  GtkButton *approve_button;
  GtkToggleButton *preview_toggle;
  GtkWidget *form;
  GtkWidget *preview_box;
  GtkEntry *held_entry;
  GtkEntry *starts_entry;
  GtkEntry *ends_entry;
  GtkEntry *venue_entry;
  GtkEntry *chair_entry;
  GtkLabel *numbering_label;
  GtkDropDown *restart_dropdown;
  GtkGrid *attendance_grid;
  GtkGrid *carried_grid;
  GtkBox *items_box;
  GtkDropDown *document_dropdown;
  CairnDocumentPreview *preview;
};

G_DEFINE_FINAL_TYPE (CairnMeetingEditor, cairn_meeting_editor, ADW_TYPE_BIN)

enum
{
  SAVED,
  STATUS_CHANGED,
  ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (CairnMeetingEditor *self);
static void schedule_refresh (CairnMeetingEditor *self);

static void
toast (CairnMeetingEditor *self,
       const char         *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toasts, t);
}

static void
show_problem (CairnMeetingEditor *self,
              const char         *message)
{
  gtk_label_set_label (self->problem_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static gboolean
is_draft (CairnMeetingEditor *self)
{
  return self->meeting != NULL && g_strcmp0 (self->meeting->status, "draft") == 0;
}

/* ---- Saving ------------------------------------------------------------- */

typedef enum
{
  SCOPE_MEETING,
  SCOPE_ATTENDEE,
  SCOPE_ITEM,
  SCOPE_RESOLUTION,
  SCOPE_ACTION,
  SCOPE_CARRIED,
} Scope;

typedef struct
{
  CairnMeetingEditor *self;
  Scope scope;
  gint64 id;
  int field;
} FieldSave;

static gboolean
save_field (GtkWidget   *widget,
            const char  *value,
            gpointer     user_data,
            GError     **error)
{
  FieldSave *fs = user_data;
  CairnMeetingEditor *self = fs->self;
  gboolean ok = FALSE;

  if (self->store == NULL || self->meeting == NULL)
    return TRUE;
  switch (fs->scope)
    {
    case SCOPE_MEETING:
      ok = cairn_store_set_meeting_field (self->store, self->meeting->id, fs->field, value, error);
      break;
    case SCOPE_ATTENDEE:
      ok = cairn_store_set_meeting_attendee_field (self->store, fs->id, fs->field, value, error);
      break;
    case SCOPE_ITEM:
      ok = cairn_store_set_agenda_field (self->store, fs->id, fs->field, value, error);
      break;
    case SCOPE_RESOLUTION:
      ok = cairn_store_set_resolution (self->store, fs->id, value, error);
      break;
    case SCOPE_ACTION:
      ok = cairn_store_set_action_point_field (self->store, fs->id, fs->field, value, error);
      break;
    case SCOPE_CARRIED:
      ok = cairn_store_set_carried_action_note (self->store, self->meeting->id, fs->id, value, error);
      break;
    }
  if (ok)
    schedule_refresh (self);
  return ok;
}

static void
bind_field (CairnMeetingEditor *self,
            GtkWidget          *widget,
            const char         *name,
            Scope               scope,
            gint64              id,
            int                 field,
            const char         *value)
{
  FieldSave *fs = g_new0 (FieldSave, 1);

  fs->self = self;
  fs->scope = scope;
  fs->id = id;
  fs->field = field;
  cairn_autosave_bind (self->autosave, widget, name, save_field, fs, g_free);
  cairn_autosave_set_text (self->autosave, widget, value);
}

static void
saved_cb (CairnMeetingEditor *self,
          const char         *field)
{
  g_free (self->save_state);
  self->save_state = g_strdup (_("All changes saved"));
  show_problem (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, field);
}

/* A field typed in was stored. */
static void
field_saved_cb (CairnMeetingEditor *self,
                GtkWidget          *widget,
                const char         *field)
{
  saved_cb (self, field);
}

static void
failed_cb (CairnMeetingEditor *self,
           GtkWidget          *widget,
           const char         *field,
           const char         *message)
{
  g_free (self->save_state);
  self->save_state = g_strdup (_("Not saved: a value was refused"));
  show_problem (self, message);
}

/* A change that reshapes the form (a row added, removed or moved): saved,
 * then everything shown again. */
static void
structural (CairnMeetingEditor *self,
            gboolean            ok,
            GError             *error,
            const char         *what)
{
  if (!ok)
    show_problem (self, error ? error->message : _("The change was not saved"));
  else
    {
      show_problem (self, NULL);
      g_signal_emit (self, signals[SAVED], 0, what);
    }
  rebuild (self);
}

static void
immediate (CairnMeetingEditor *self,
           gboolean            ok,
           GError             *error,
           const char         *field)
{
  if (!ok)
    {
      show_problem (self, error ? error->message : _("The change was not saved"));
      rebuild (self);
      return;
    }
  saved_cb (self, field);
  schedule_refresh (self);
}

/* ---- Computed parts and the preview -------------------------------------- */

static void
update_preview (CairnMeetingEditor *self)
{
  g_autoptr (CairnDocument) doc = NULL;

  if (self->meeting == NULL || !gtk_widget_get_visible (self->preview_box))
    return;
  doc = gtk_drop_down_get_selected (self->document_dropdown) == 1 ? cairn_meeting_minutes_build (self->meeting, NULL)
                                                                  : cairn_meeting_agenda_build (self->meeting, NULL);
  cairn_document_preview_set_document (self->preview, doc);
}

static gboolean
load (CairnMeetingEditor  *self,
      GError             **error)
{
  CairnMeeting *m = cairn_store_get_meeting (self->store, self->ref.year, (int) self->ref.number, error);

  if (m == NULL)
    return FALSE;
  g_clear_pointer (&self->meeting, cairn_meeting_free);
  self->meeting = m;
  return TRUE;
}

static char *
item_heading (const CairnAgendaItem *item)
{
  g_autofree char *label = cairn_agenda_item_dup_label (item);

  if (item->minute_number > 0)
    return g_strdup_printf (_("Item %s · minute %d"), label, item->minute_number);
  return g_strdup_printf (_("Item %s"), label);
}

static void
update_computed (CairnMeetingEditor *self)
{
  const CairnMeeting *m = self->meeting;
  g_autofree char *ref = cairn_meeting_dup_ref (m);
  g_autofree char *day = cairn_date_to_display (&m->held_on);
  g_autofree char *title = g_strdup_printf (_("Board meeting %s: %s"), ref, day);
  const char *state = g_strcmp0 (m->status, "approved") == 0 ? _("Minutes approved")
                      : g_strcmp0 (m->status, "issued") == 0 ? _("Minutes issued")
                                                              : _("Draft");
  g_autofree char *status = g_strdup_printf ("%s · %s", state,
                                             self->save_state ? self->save_state : _("All changes saved"));
  int restart = cairn_store_get_minutes_restart (self->store);
  g_autofree char *numbering = NULL;
  gboolean draft = is_draft (self);
  int first = 0, last = 0;

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->status_label, status);
  for (guint i = 0; i < m->items->len; i++)
    {
      const CairnAgendaItem *item = g_ptr_array_index (m->items, i);
      GtkLabel *label = g_hash_table_lookup (self->item_labels, &item->id);
      if (item->minute_number > 0)
        {
          first = first ? MIN (first, item->minute_number) : item->minute_number;
          last = MAX (last, item->minute_number);
        }
      if (label != NULL)
        {
          g_autofree char *heading = item_heading (item);
          gtk_label_set_label (label, heading);
        }
    }
  {
    GDate month;
    g_autofree char *month_name = NULL;
    g_autofree char *range = first > 0 ? g_strdup_printf (_("Minutes %d to %d."), first, last) : g_strdup ("");

    if (restart > 0)
      {
        g_autofree char *full = NULL;
        cairn_date_set_ymd (&month, 2000, restart, 1);
        full = cairn_date_to_display (&month);
        month_name = g_strdup (strchr (full, ' ') + 1);
        *strrchr (month_name, ' ') = '\0';
      }
    numbering = restart > 0
                  ? g_strdup_printf (_("%s Numbers run on from the previous meeting and start again at 1 each %s."),
                                     range, month_name)
                  : g_strdup_printf (_("%s Numbers run on from the previous meeting and never start again."),
                                     range);
    gtk_label_set_label (self->numbering_label, g_strstrip (numbering));
  }

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->restart_dropdown, (guint) restart);
  self->loading = FALSE;
  gtk_widget_set_sensitive (self->form, draft);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), !draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.approve", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reopen", !draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.issue-agenda", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.issue-minutes", g_strcmp0 (m->status, "approved") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-item", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-person", draft);
  update_preview (self);
}

static gboolean
refresh_cb (gpointer data)
{
  CairnMeetingEditor *self = data;
  g_autoptr (GError) error = NULL;

  self->refresh_id = 0;
  if (self->store == NULL || self->ref_text == NULL)
    return G_SOURCE_REMOVE;
  if (!load (self, &error))
    {
      show_problem (self, error->message);
      return G_SOURCE_REMOVE;
    }
  update_computed (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (CairnMeetingEditor *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_MS, refresh_cb, self);
}

/* ---- Rows ---------------------------------------------------------------- */

typedef gboolean (*RemoveFunc) (CairnStore *store, gint64 id, GError **error);

static void
remove_clicked (GtkButton          *button,
                CairnMeetingEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "row-id"));
  RemoveFunc func = g_object_get_data (G_OBJECT (button), "remove-func");
  g_autoptr (GError) error = NULL;

  cairn_autosave_flush (self->autosave, NULL);
  structural (self, func (self->store, id, &error), error, "removed");
}

static GtkWidget *
icon_button (CairnMeetingEditor *self,
             const char         *icon,
             const char         *what)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  return button;
}

static GtkWidget *
remove_button (CairnMeetingEditor *self,
               gint64              id,
               RemoveFunc          func,
               const char         *what)
{
  GtkWidget *button = icon_button (self, "list-remove-symbolic", what);

  g_object_set_data (G_OBJECT (button), "row-id", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (button), "remove-func", func);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked), self);
  return button;
}

static void
attendance_changed (GtkDropDown        *dropdown,
                    GParamSpec         *pspec,
                    CairnMeetingEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "row-id"));
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;

  if (self->loading || i >= G_N_ELEMENTS (attendance_codes))
    return;
  immediate (self,
             cairn_store_set_meeting_attendee_field (self->store, id, CAIRN_MEETING_ATTENDEE_FIELD_ATTENDANCE,
                                                     attendance_codes[i], &error),
             error, "attendance");
}

static void
build_attendance (CairnMeetingEditor *self)
{
  const char *labels[G_N_ELEMENTS (attendance_codes)];
  const char *headers[] = { _("Name"), _("Role"), _("Organisation"), _("Attendance") };

  cairn_editor_clear_grid (self->attendance_grid);
  for (gsize i = 0; i < G_N_ELEMENTS (attendance_codes); i++)
    labels[i] = cairn_codes_label (CAIRN_CODES_ATTENDANCE, attendance_codes[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (headers); i++)
    gtk_grid_attach (self->attendance_grid, cairn_editor_header_label (headers[i]), (int) i, 0, 1, 1);
  for (guint r = 0; r < self->meeting->attendance->len; r++)
    {
      const CairnMeetingAttendee *a = g_ptr_array_index (self->meeting->attendance, r);
      GtkEntry *name = cairn_editor_row_entry (_("Name"), 14, TRUE);
      GtkEntry *role = cairn_editor_row_entry (_("Role"), 14, TRUE);
      GtkEntry *agency = cairn_editor_row_entry (_("Organisation"), 14, TRUE);
      GtkDropDown *attendance;
      guint index = 0;
      g_autofree char *what = g_strdup_printf (_("Remove %s"), a->name);

      for (gsize i = 0; i < G_N_ELEMENTS (attendance_codes); i++)
        if (g_strcmp0 (attendance_codes[i], a->attendance) == 0)
          index = (guint) i;
      attendance = cairn_editor_dropdown (labels, G_N_ELEMENTS (labels), index, _("Attendance"));
      g_object_set_data (G_OBJECT (attendance), "row-id", GSIZE_TO_POINTER (a->id));
      g_signal_connect (attendance, "notify::selected", G_CALLBACK (attendance_changed), self);
      bind_field (self, GTK_WIDGET (name), "person-name", SCOPE_ATTENDEE, a->id, CAIRN_MEETING_ATTENDEE_FIELD_NAME,
                  a->name);
      bind_field (self, GTK_WIDGET (role), "person-role", SCOPE_ATTENDEE, a->id, CAIRN_MEETING_ATTENDEE_FIELD_ROLE,
                  a->role);
      bind_field (self, GTK_WIDGET (agency), "person-organisation", SCOPE_ATTENDEE, a->id,
                  CAIRN_MEETING_ATTENDEE_FIELD_AGENCY, a->agency);
      gtk_grid_attach (self->attendance_grid, GTK_WIDGET (name), 0, (int) r + 1, 1, 1);
      gtk_grid_attach (self->attendance_grid, GTK_WIDGET (role), 1, (int) r + 1, 1, 1);
      gtk_grid_attach (self->attendance_grid, GTK_WIDGET (agency), 2, (int) r + 1, 1, 1);
      gtk_grid_attach (self->attendance_grid, GTK_WIDGET (attendance), 3, (int) r + 1, 1, 1);
      gtk_grid_attach (self->attendance_grid, remove_button (self, a->id, cairn_store_remove_meeting_attendee, what),
                       4, (int) r + 1, 1, 1);
    }
}

static void
carried_status_changed (GtkDropDown        *dropdown,
                        GParamSpec         *pspec,
                        CairnMeetingEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "row-id"));
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;

  if (self->loading || i >= G_N_ELEMENTS (status_codes))
    return;
  immediate (self, cairn_store_set_carried_action_status (self->store, self->meeting->id, id, status_codes[i], &error),
             error, "carried-status");
}

static const char **
status_labels (void)
{
  static const char *labels[G_N_ELEMENTS (status_codes)];

  for (gsize i = 0; i < G_N_ELEMENTS (status_codes); i++)
    labels[i] = cairn_codes_label (CAIRN_CODES_ACTION_STATUS, status_codes[i]);
  return labels;
}

static guint
status_index (const char *status)
{
  for (gsize i = 0; i < G_N_ELEMENTS (status_codes); i++)
    if (g_strcmp0 (status_codes[i], status) == 0)
      return (guint) i;
  return 0;
}

static void
build_carried (CairnMeetingEditor *self)
{
  const char *headers[] = { _("From"), _("Action"), _("Owner, due"), _("Status"), _("Update") };

  cairn_editor_clear_grid (self->carried_grid);
  if (self->meeting->carried->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No action points were open at earlier meetings."));
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_grid_attach (self->carried_grid, none, 0, 0, 1, 1);
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (headers); i++)
    gtk_grid_attach (self->carried_grid, cairn_editor_header_label (headers[i]), (int) i, 0, 1, 1);
  for (guint r = 0; r < self->meeting->carried->len; r++)
    {
      const CairnActionPoint *a = g_ptr_array_index (self->meeting->carried, r);
      g_autofree char *from = g_strdup_printf (_("Minute %d, %s"), a->from_minute, a->from_ref);
      g_autofree char *due = cairn_date_is_set (&a->due_on) ? cairn_date_to_display (&a->due_on) : g_strdup ("");
      g_autofree char *owner = *due ? g_strdup_printf (_("%s, by %s"), a->owner, due) : g_strdup (a->owner);
      GtkWidget *from_label = gtk_label_new (from);
      GtkWidget *action_label = gtk_label_new (a->action);
      GtkWidget *owner_label = gtk_label_new (owner);
      GtkDropDown *status = cairn_editor_dropdown (status_labels (), G_N_ELEMENTS (status_codes),
                                                   status_index (a->status), _("Status"));
      GtkEntry *update = cairn_editor_row_entry (_("Update"), 16, TRUE);

      gtk_label_set_xalign (GTK_LABEL (from_label), 0);
      gtk_label_set_xalign (GTK_LABEL (action_label), 0);
      gtk_label_set_wrap (GTK_LABEL (action_label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (action_label), 16);
      gtk_widget_set_hexpand (action_label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (owner_label), 0);
      gtk_label_set_wrap (GTK_LABEL (owner_label), TRUE);
      g_object_set_data (G_OBJECT (status), "row-id", GSIZE_TO_POINTER (a->id));
      g_signal_connect (status, "notify::selected", G_CALLBACK (carried_status_changed), self);
      bind_field (self, GTK_WIDGET (update), "carried-update", SCOPE_CARRIED, a->id, 0, a->update);
      gtk_grid_attach (self->carried_grid, from_label, 0, (int) r + 1, 1, 1);
      gtk_grid_attach (self->carried_grid, action_label, 1, (int) r + 1, 1, 1);
      gtk_grid_attach (self->carried_grid, owner_label, 2, (int) r + 1, 1, 1);
      gtk_grid_attach (self->carried_grid, GTK_WIDGET (status), 3, (int) r + 1, 1, 1);
      gtk_grid_attach (self->carried_grid, GTK_WIDGET (update), 4, (int) r + 1, 1, 1);
    }
}

/* ---- Agenda items -------------------------------------------------------- */

static gint64
item_of (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w; w = gtk_widget_get_parent (w))
    {
      gpointer id = g_object_get_data (G_OBJECT (w), ITEM_KEY);
      if (id != NULL)
        return (gint64) GPOINTER_TO_SIZE (id);
    }
  return 0;
}

static GtkWidget *
find_item_card (CairnMeetingEditor *self,
                gint64              id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->items_box)); c; c = gtk_widget_get_next_sibling (c))
    if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (c), ITEM_KEY)) == id)
      return c;
  return NULL;
}

static void
focus_item (CairnMeetingEditor *self,
            gint64              id)
{
  GtkWidget *card = find_item_card (self, id);
  GtkWidget *title = card ? g_object_get_data (G_OBJECT (card), "title-entry") : NULL;

  if (title != NULL)
    {
      gtk_widget_grab_focus (title);
      gtk_editable_select_region (GTK_EDITABLE (title), 0, -1);
    }
}

static void
add_item (CairnMeetingEditor *self,
          gint64              after,
          gboolean            sub)
{
  g_autoptr (CairnAgendaItem) item = cairn_agenda_item_new ();
  g_autoptr (GError) error = NULL;

  if (self->meeting == NULL)
    return;
  cairn_autosave_flush (self->autosave, NULL);
  item->title = g_strdup (sub ? _("New sub-item") : _("New item"));
  structural (self, cairn_store_add_agenda_item (self->store, self->meeting->id, after, sub, item, &error), error,
              "item-added");
  if (item->id != 0)
    focus_item (self, item->id);
}

static void
add_sub_item_clicked (GtkButton          *button,
                      CairnMeetingEditor *self)
{
  add_item (self, item_of (GTK_WIDGET (button)), TRUE);
}

static void
move_item (CairnMeetingEditor *self,
           gint64              id,
           int                 direction)
{
  g_autoptr (GError) error = NULL;

  if (id == 0)
    return;
  cairn_autosave_flush (self->autosave, NULL);
  structural (self, cairn_store_move_agenda_item (self->store, id, direction, &error), error, "item-moved");
  focus_item (self, id);
}

static void
move_up_clicked (GtkButton          *button,
                 CairnMeetingEditor *self)
{
  move_item (self, item_of (GTK_WIDGET (button)), -1);
}

static void
move_down_clicked (GtkButton          *button,
                   CairnMeetingEditor *self)
{
  move_item (self, item_of (GTK_WIDGET (button)), 1);
}

static void
add_resolution_clicked (GtkButton          *button,
                        CairnMeetingEditor *self)
{
  g_autoptr (CairnResolution) r = cairn_resolution_new ();
  g_autoptr (GError) error = NULL;
  gint64 id = item_of (GTK_WIDGET (button));
  GtkWidget *card;

  cairn_autosave_flush (self->autosave, NULL);
  r->body = g_strdup (_("That the report be noted."));
  structural (self, cairn_store_add_resolution (self->store, id, r, &error), error, "resolution-added");
  if ((card = find_item_card (self, id)) != NULL)
    cairn_editor_focus_last_row (g_object_get_data (G_OBJECT (card), "resolutions-grid"));
}

static void
add_action_clicked (GtkButton          *button,
                    CairnMeetingEditor *self)
{
  g_autoptr (CairnActionPoint) a = cairn_action_point_new ();
  g_autoptr (GError) error = NULL;
  gint64 id = item_of (GTK_WIDGET (button));
  GtkWidget *card;

  cairn_autosave_flush (self->autosave, NULL);
  a->action = g_strdup ("");
  a->owner = g_strdup ("");
  structural (self, cairn_store_add_action_point (self->store, id, a, &error), error, "action-added");
  if ((card = find_item_card (self, id)) != NULL)
    cairn_editor_focus_last_row (g_object_get_data (G_OBJECT (card), "actions-grid"));
}

static void
action_status_changed (GtkDropDown        *dropdown,
                       GParamSpec         *pspec,
                       CairnMeetingEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "row-id"));
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;

  if (self->loading || i >= G_N_ELEMENTS (status_codes))
    return;
  immediate (self,
             cairn_store_set_action_point_field (self->store, id, CAIRN_ACTION_POINT_FIELD_STATUS, status_codes[i],
                                                 &error),
             error, "action-status");
}

static GtkWidget *
small_header (CairnMeetingEditor *self,
              const char         *title,
              const char         *button_label,
              GCallback           callback)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *button = gtk_button_new_with_label (button_label);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static GtkWidget *
build_item (CairnMeetingEditor    *self,
            const CairnAgendaItem *item)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *heading = item_heading (item);
  GtkWidget *heading_label = gtk_label_new (heading);
  GtkWidget *grid = gtk_grid_new ();
  GtkEntry *title = cairn_editor_row_entry (_("Title"), 24, TRUE);
  GtkEntry *presenter = cairn_editor_row_entry (_("Presenter"), 14, TRUE);
  GtkEntry *purpose = cairn_editor_row_entry (_("Purpose"), 12, TRUE);
  GtkEntry *pages = cairn_editor_row_entry (_("Pages"), 6, FALSE);
  GtkTextView *minutes = cairn_editor_text_area ();
  GtkGrid *resolutions = GTK_GRID (gtk_grid_new ());
  GtkGrid *actions = GTK_GRID (gtk_grid_new ());
  const char *headers[] = { _("Title"), _("Presenter"), _("Purpose"), _("Pages") };
  GtkWidget *button;
  g_autofree char *remove_what = g_strdup_printf (_("Remove item %s"), item->title);

  g_object_set_data (G_OBJECT (card), ITEM_KEY, GSIZE_TO_POINTER (item->id));
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_bottom (card, 2);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 6);
  gtk_widget_set_margin_top (header, 6);

  gtk_label_set_xalign (GTK_LABEL (heading_label), 0);
  gtk_widget_set_hexpand (heading_label, TRUE);
  gtk_widget_add_css_class (heading_label, "heading");
  g_hash_table_insert (self->item_labels, g_memdup2 (&item->id, sizeof item->id), heading_label);
  gtk_box_append (GTK_BOX (header), heading_label);
  button = icon_button (self, "go-up-symbolic", _("Move up (Alt+Up)"));
  g_signal_connect (button, "clicked", G_CALLBACK (move_up_clicked), self);
  gtk_box_append (GTK_BOX (header), button);
  button = icon_button (self, "go-down-symbolic", _("Move down (Alt+Down)"));
  g_signal_connect (button, "clicked", G_CALLBACK (move_down_clicked), self);
  gtk_box_append (GTK_BOX (header), button);
  button = icon_button (self, "list-add-symbolic", _("Add a sub-item"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_sub_item_clicked), self);
  gtk_box_append (GTK_BOX (header), button);
  gtk_box_append (GTK_BOX (header), remove_button (self, item->id, cairn_store_remove_agenda_item, remove_what));
  gtk_box_append (GTK_BOX (card), header);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  for (gsize i = 0; i < G_N_ELEMENTS (headers); i++)
    gtk_grid_attach (GTK_GRID (grid), cairn_editor_header_label (headers[i]), (int) i, 0, 1, 1);
  bind_field (self, GTK_WIDGET (title), "item-title", SCOPE_ITEM, item->id, CAIRN_AGENDA_FIELD_TITLE, item->title);
  bind_field (self, GTK_WIDGET (presenter), "item-presenter", SCOPE_ITEM, item->id, CAIRN_AGENDA_FIELD_PRESENTER,
              item->presenter);
  bind_field (self, GTK_WIDGET (purpose), "item-purpose", SCOPE_ITEM, item->id, CAIRN_AGENDA_FIELD_PURPOSE,
              item->purpose);
  bind_field (self, GTK_WIDGET (pages), "item-pages", SCOPE_ITEM, item->id, CAIRN_AGENDA_FIELD_PAGES, item->pages);
  gtk_entry_set_placeholder_text (purpose, _("For decision"));
  gtk_entry_set_placeholder_text (pages, _("1 - 8"));
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (title), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (presenter), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (purpose), 2, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (pages), 3, 1, 1, 1);
  gtk_box_append (GTK_BOX (card), grid);
  g_object_set_data (G_OBJECT (card), "title-entry", title);

  bind_field (self, GTK_WIDGET (minutes), "item-minutes", SCOPE_ITEM, item->id, CAIRN_AGENDA_FIELD_MINUTES,
              item->minutes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (minutes), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minutes"), -1);
  {
    GtkWidget *area = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
    GtkWidget *label = cairn_editor_header_label (g_strcmp0 (item->standing, "apologies") == 0
                                                    ? _("Minutes (left empty, the apologies are listed from the attendance)")
                                                  : g_strcmp0 (item->standing, "aob") == 0
                                                    ? _("Minutes (left empty: no other business was raised)")
                                                    : _("Minutes"));
    gtk_box_append (GTK_BOX (area), label);
    gtk_box_append (GTK_BOX (area), GTK_WIDGET (minutes));
    gtk_widget_set_margin_start (area, 12);
    gtk_widget_set_margin_end (area, 12);
    gtk_box_append (GTK_BOX (card), area);
  }

  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
    gtk_widget_set_margin_start (box, 12);
    gtk_widget_set_margin_end (box, 12);
    gtk_widget_set_margin_bottom (box, 12);
    gtk_box_append (GTK_BOX (box), small_header (self, _("RESOLVED"), _("Add Resolution"),
                                                 G_CALLBACK (add_resolution_clicked)));
    gtk_grid_set_row_spacing (resolutions, 4);
    gtk_grid_set_column_spacing (resolutions, 6);
    for (guint r = 0; r < item->resolutions->len; r++)
      {
        const CairnResolution *res = g_ptr_array_index (item->resolutions, r);
        GtkEntry *body = cairn_editor_row_entry (_("Resolved"), 30, TRUE);
        bind_field (self, GTK_WIDGET (body), "resolution", SCOPE_RESOLUTION, res->id, 0, res->body);
        gtk_grid_attach (resolutions, GTK_WIDGET (body), 0, (int) r + 1, 1, 1);
        gtk_grid_attach (resolutions, remove_button (self, res->id, cairn_store_remove_resolution,
                                                     _("Remove this resolution")),
                         1, (int) r + 1, 1, 1);
      }
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (resolutions));
    g_object_set_data (G_OBJECT (card), "resolutions-grid", resolutions);

    gtk_box_append (GTK_BOX (box), small_header (self, _("Action points"), _("Add Action"),
                                                 G_CALLBACK (add_action_clicked)));
    gtk_grid_set_row_spacing (actions, 4);
    gtk_grid_set_column_spacing (actions, 6);
    for (guint r = 0; r < item->actions->len; r++)
      {
        const CairnActionPoint *a = g_ptr_array_index (item->actions, r);
        GtkEntry *action = cairn_editor_row_entry (_("Action"), 18, TRUE);
        GtkEntry *owner = cairn_editor_row_entry (_("Owner"), 10, TRUE);
        GtkEntry *due = cairn_editor_row_entry (_("Due"), 10, FALSE);
        GtkDropDown *status = cairn_editor_dropdown (status_labels (), G_N_ELEMENTS (status_codes),
                                                     status_index (a->status), _("Status"));
        g_autofree char *due_text = cairn_date_is_set (&a->due_on) ? cairn_date_to_string (&a->due_on) : NULL;

        bind_field (self, GTK_WIDGET (action), "action", SCOPE_ACTION, a->id, CAIRN_ACTION_POINT_FIELD_ACTION,
                    a->action);
        bind_field (self, GTK_WIDGET (owner), "action-owner", SCOPE_ACTION, a->id, CAIRN_ACTION_POINT_FIELD_OWNER,
                    a->owner);
        bind_field (self, GTK_WIDGET (due), "action-due", SCOPE_ACTION, a->id, CAIRN_ACTION_POINT_FIELD_DUE_ON,
                    due_text);
        gtk_entry_set_placeholder_text (due, "YYYY-MM-DD");
        g_object_set_data (G_OBJECT (status), "row-id", GSIZE_TO_POINTER (a->id));
        g_signal_connect (status, "notify::selected", G_CALLBACK (action_status_changed), self);
        gtk_grid_attach (actions, GTK_WIDGET (action), 0, (int) r + 1, 1, 1);
        gtk_grid_attach (actions, GTK_WIDGET (owner), 1, (int) r + 1, 1, 1);
        gtk_grid_attach (actions, GTK_WIDGET (due), 2, (int) r + 1, 1, 1);
        gtk_grid_attach (actions, GTK_WIDGET (status), 3, (int) r + 1, 1, 1);
        gtk_grid_attach (actions, remove_button (self, a->id, cairn_store_remove_action_point,
                                                 _("Remove this action point")),
                         4, (int) r + 1, 1, 1);
      }
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (actions));
    g_object_set_data (G_OBJECT (card), "actions-grid", actions);
    gtk_box_append (GTK_BOX (card), box);
  }
  if (item->sub_item > 0)
    gtk_widget_set_margin_start (card, 24);
  return card;
}

static void
build_items (CairnMeetingEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);
  g_hash_table_remove_all (self->item_labels);
  for (guint i = 0; i < self->meeting->items->len; i++)
    gtk_box_append (self->items_box, build_item (self, g_ptr_array_index (self->meeting->items, i)));
}

static void
rebuild (CairnMeetingEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *held = NULL;
  const CairnMeeting *m;

  if (self->store == NULL || self->ref_text == NULL)
    return;
  cairn_autosave_flush (self->autosave, NULL);
  if (!load (self, &error))
    {
      show_problem (self, error->message);
      return;
    }
  m = self->meeting;
  self->loading = TRUE;
  held = cairn_date_to_string (&m->held_on);
  cairn_autosave_set_text (self->autosave, GTK_WIDGET (self->held_entry), held);
  cairn_autosave_set_text (self->autosave, GTK_WIDGET (self->starts_entry), m->starts_at);
  cairn_autosave_set_text (self->autosave, GTK_WIDGET (self->ends_entry), m->ends_at);
  cairn_autosave_set_text (self->autosave, GTK_WIDGET (self->venue_entry), m->venue);
  cairn_autosave_set_text (self->autosave, GTK_WIDGET (self->chair_entry), m->chair);
  build_attendance (self);
  build_carried (self);
  build_items (self);
  self->loading = FALSE;
  update_computed (self);
}

/* ---- Actions ------------------------------------------------------------- */

static void
add_item_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  add_item (CAIRN_MEETING_EDITOR (widget), 0, FALSE);
}

static void
add_person_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  CairnMeetingEditor *self = CAIRN_MEETING_EDITOR (widget);
  g_autoptr (CairnMeetingAttendee) a = cairn_meeting_attendee_new ();
  g_autoptr (GError) error = NULL;

  if (self->meeting == NULL)
    return;
  cairn_autosave_flush (self->autosave, NULL);
  a->name = g_strdup (_("New member"));
  a->attendance = g_strdup ("present");
  structural (self, cairn_store_add_meeting_attendee (self->store, self->meeting->id, a, &error), error,
              "person-added");
  cairn_editor_focus_last_row (self->attendance_grid);
}

static void
move_focused (CairnMeetingEditor *self,
              int                 direction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && is_draft (self))
    move_item (self, item_of (focus), direction);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  move_focused (CAIRN_MEETING_EDITOR (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action,
                     GVariant   *parameter)
{
  move_focused (CAIRN_MEETING_EDITOR (widget), 1);
}

static void
approve_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  CairnMeetingEditor *self = CAIRN_MEETING_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (self->meeting == NULL || !cairn_autosave_flush (self->autosave, NULL))
    return;
  if (!cairn_store_approve_meeting (self->store, self->meeting->id, &error))
    {
      show_problem (self, error->message);
      return;
    }
  rebuild (self);
  toast (self, _("Minutes approved"));
  g_signal_emit (self, signals[STATUS_CHANGED], 0, self->meeting->status);
}

typedef struct
{
  CairnMeetingEditor *self;
  CairnDocumentKind kind;
  char *correction;
} IssueData;

static void
issue_to (CairnMeetingEditor *self,
          CairnDocumentKind   kind,
          const char         *correction,
          const char         *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnDocVersion) version = NULL;
  GDate today;

  cairn_store_get_today (self->store, &today);
  version = cairn_minutes_report_issue (self->store, kind, &self->ref, &today, correction, path, &error);
  if (version == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%s version %d issued to %u person", "%s version %d issued to %u people",
                   version->receipts->len),
      cairn_document_kind_label (kind), version->version, version->receipts->len);
    toast (self, message);
  }
  rebuild (self);
  g_signal_emit (self, signals[ISSUED], 0, (int) kind, version->version, path);
  g_signal_emit (self, signals[STATUS_CHANGED], 0, self->meeting->status);
}

static void
chooser_response (GtkNativeDialog *dialog,
                  int              response,
                  IssueData       *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      issue_to (data->self, data->kind, data->correction, path);
    }
  g_free (data->correction);
  g_free (data);
  g_object_unref (dialog);
}

static void
choose_file (CairnMeetingEditor *self,
             CairnDocumentKind   kind,
             const char         *correction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Issue"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Issue"), _("_Cancel"));
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf", self->ref_text, cairn_document_kind_id (kind));
  IssueData *data = g_new0 (IssueData, 1);

  data->self = self;
  data->kind = kind;
  data->correction = g_strdup (correction);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef void (*CorrectionFunc) (CairnMeetingEditor *self, CairnDocumentKind kind, const char *correction);

typedef struct
{
  CairnMeetingEditor *self;
  CairnDocumentKind kind;
  CorrectionFunc then;
  GtkEntry *entry;
} CorrectionData;

static void
correction_response (AdwMessageDialog *dialog,
                     const char       *response,
                     CorrectionData   *data)
{
  if (g_strcmp0 (response, "ok") == 0)
    data->then (data->self, data->kind, gtk_editable_get_text (GTK_EDITABLE (data->entry)));
  g_free (data);
}

static void
ask_correction (CairnMeetingEditor *self,
                CairnDocumentKind   kind,
                const char         *heading,
                CorrectionFunc      then)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                              _("The next version will say what it corrects."));
  CorrectionData *data = g_new0 (CorrectionData, 1);

  data->self = self;
  data->kind = kind;
  data->then = then;
  data->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (data->entry, TRUE);
  gtk_entry_set_placeholder_text (data->entry, _("What is being corrected"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (data->entry));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", _("_Continue"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (correction_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
has_version (CairnMeetingEditor *self,
             CairnDocumentKind   kind)
{
  for (guint i = 0; i < self->meeting->versions->len; i++)
    if (((CairnDocVersion *) g_ptr_array_index (self->meeting->versions, i))->document == kind)
      return TRUE;
  return FALSE;
}

static void
issue (CairnMeetingEditor *self,
       CairnDocumentKind   kind)
{
  if (self->meeting == NULL || !cairn_autosave_flush (self->autosave, NULL))
    return;
  if (kind == CAIRN_DOCUMENT_AGENDA && has_version (self, kind))
    ask_correction (self, kind, _("Distribute a revised agenda?"), choose_file);
  else
    choose_file (self, kind, NULL);
}

static void
issue_agenda_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  issue (CAIRN_MEETING_EDITOR (widget), CAIRN_DOCUMENT_AGENDA);
}

static void
issue_minutes_activated (GtkWidget  *widget,
                         const char *action,
                         GVariant   *parameter)
{
  issue (CAIRN_MEETING_EDITOR (widget), CAIRN_DOCUMENT_BOARD_MINUTES);
}

static void
reopen_with (CairnMeetingEditor *self,
             CairnDocumentKind   kind,
             const char         *correction)
{
  g_autoptr (GError) error = NULL;

  if (!cairn_store_reopen_meeting (self->store, self->meeting->id, correction, &error))
    {
      show_problem (self, error->message);
      return;
    }
  rebuild (self);
  g_signal_emit (self, signals[STATUS_CHANGED], 0, self->meeting->status);
}

static void
reopen_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CairnMeetingEditor *self = CAIRN_MEETING_EDITOR (widget);

  if (self->meeting == NULL)
    return;
  if (g_strcmp0 (self->meeting->status, "issued") == 0)
    ask_correction (self, CAIRN_DOCUMENT_BOARD_MINUTES, _("Correct the issued minutes?"), reopen_with);
  else
    reopen_with (self, CAIRN_DOCUMENT_BOARD_MINUTES, NULL);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  CairnMeetingEditor *self = CAIRN_MEETING_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GError) error = NULL;

  if (cairn_document_preview_is_busy (self->preview) || cairn_document_preview_get_pdf (self->preview) == NULL)
    {
      toast (self, _("The document is still being prepared; try again in a moment"));
      return;
    }
  if (cairn_document_preview_print (self->preview, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_problem (self, error->message);
}

static void
toggle_preview_activated (GtkWidget  *widget,
                          const char *action,
                          GVariant   *parameter)
{
  CairnMeetingEditor *self = CAIRN_MEETING_EDITOR (widget);

  gtk_toggle_button_set_active (self->preview_toggle, !gtk_toggle_button_get_active (self->preview_toggle));
}

static void
preview_toggled (CairnMeetingEditor *self)
{
  gtk_widget_set_visible (self->preview_box, gtk_toggle_button_get_active (self->preview_toggle));
  update_preview (self);
}

static void
restart_changed (CairnMeetingEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (self->loading || self->meeting == NULL)
    return;
  cairn_autosave_flush (self->autosave, NULL);
  structural (self,
              cairn_store_set_minutes_restart (self->store, (int) gtk_drop_down_get_selected (self->restart_dropdown),
                                               &error),
              error, "minute-numbering");
}

/* "Never", "Each January" … "Each December". */
static GListModel *
restart_choices (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Never"));
  for (int month = 1; month <= 12; month++)
    {
      GDate day;
      g_autofree char *full = NULL;
      g_autofree char *label = NULL;
      char *name;

      cairn_date_set_ymd (&day, 2000, month, 1);
      full = cairn_date_to_display (&day);
      name = strchr (full, ' ') + 1;
      *strrchr (name, ' ') = '\0';
      label = g_strdup_printf (_("Each %s"), name);
      gtk_string_list_append (list, label);
    }
  return G_LIST_MODEL (list);
}

/* ---- Public API ---------------------------------------------------------- */

/**
 * cairn_meeting_editor_set_store:
 * @store: (nullable): the board's database, signed in
 *
 * Edits go to @store, each field in its own transaction; the store commits
 * durably from now on (cairn_store_set_durable()).
 */
void
cairn_meeting_editor_set_store (CairnMeetingEditor *self,
                                CairnStore         *store)
{
  g_return_if_fail (CAIRN_IS_MEETING_EDITOR (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    cairn_autosave_flush (self->autosave, NULL);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->ref_text, g_free);
  g_clear_pointer (&self->meeting, cairn_meeting_free);
  if (store != NULL)
    cairn_store_set_durable (store, TRUE, NULL);
}

CairnStore *
cairn_meeting_editor_get_store (CairnMeetingEditor *self)
{
  return self->store;
}

/**
 * cairn_meeting_editor_open:
 * @ref: a board meeting, BM-YYYY-NN
 */
gboolean
cairn_meeting_editor_open (CairnMeetingEditor  *self,
                           const char          *ref,
                           GError             **error)
{
  CairnRef parsed, previous = self->ref;

  g_return_val_if_fail (CAIRN_IS_MEETING_EDITOR (self), FALSE);
  if (self->store == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Meeting: no board database is open"));
      return FALSE;
    }
  if (!cairn_ref_parse (_("Meeting"), ref, CAIRN_REF_MEETING, &parsed, error))
    return FALSE;
  cairn_autosave_flush (self->autosave, NULL);
  self->ref = parsed;
  if (!load (self, error))
    {
      self->ref = previous;
      return FALSE;
    }
  g_free (self->ref_text);
  self->ref_text = cairn_meeting_dup_ref (self->meeting);
  show_problem (self, NULL);
  g_clear_pointer (&self->save_state, g_free);
  rebuild (self);
  return TRUE;
}

const char *
cairn_meeting_editor_get_ref (CairnMeetingEditor *self)
{
  return self->ref_text;
}

gboolean
cairn_meeting_editor_flush (CairnMeetingEditor *self)
{
  return cairn_autosave_flush (self->autosave, NULL);
}

void
cairn_meeting_editor_set_autosave_delay (CairnMeetingEditor *self,
                                         guint               milliseconds)
{
  cairn_autosave_set_delay (self->autosave, milliseconds);
}

static void
cairn_meeting_editor_dispose (GObject *object)
{
  CairnMeetingEditor *self = CAIRN_MEETING_EDITOR (object);

  if (self->autosave != NULL && self->store != NULL)
    cairn_autosave_flush (self->autosave, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* AdwBin 1.2 unparents its child itself: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_MEETING_EDITOR);
  g_clear_object (&self->autosave);
  g_clear_pointer (&self->item_labels, g_hash_table_unref);
  g_clear_pointer (&self->meeting, cairn_meeting_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cairn_meeting_editor_parent_class)->dispose (object);
}

static void
cairn_meeting_editor_finalize (GObject *object)
{
  CairnMeetingEditor *self = CAIRN_MEETING_EDITOR (object);

  g_free (self->ref_text);
  g_free (self->save_state);
  G_OBJECT_CLASS (cairn_meeting_editor_parent_class)->finalize (object);
}

static void
cairn_meeting_editor_class_init (CairnMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_meeting_editor_dispose;
  object_class->finalize = cairn_meeting_editor_finalize;

  /**
   * CairnMeetingEditor::saved:
   * @field: what was saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CairnMeetingEditor::status-changed:
   * @status: draft, approved or issued
   */
  signals[STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CairnMeetingEditor::issued:
   * @document: a #CairnDocumentKind (agenda or board minutes)
   * @version: the version issued
   * @path: the file written
   */
  signals[ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_STRING);

  g_type_ensure (CAIRN_TYPE_DOCUMENT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, approve_button);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, form);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, preview_box);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, held_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, starts_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, ends_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, venue_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, chair_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, numbering_label);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, restart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, attendance_grid);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, carried_grid);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, items_box);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CairnMeetingEditor, preview);

  gtk_widget_class_install_action (widget_class, "editor.approve", NULL, approve_activated);
  gtk_widget_class_install_action (widget_class, "editor.reopen", NULL, reopen_activated);
  gtk_widget_class_install_action (widget_class, "editor.issue-agenda", NULL, issue_agenda_activated);
  gtk_widget_class_install_action (widget_class, "editor.issue-minutes", NULL, issue_minutes_activated);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-item", NULL, add_item_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-person", NULL, add_person_activated);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "editor.toggle-preview", NULL, toggle_preview_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.approve", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.issue-agenda", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.issue-minutes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "editor.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "editor.toggle-preview", NULL);
}

static void
cairn_meeting_editor_init (CairnMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->autosave = cairn_autosave_new (0);
  self->item_labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect_swapped (self->autosave, "saved", G_CALLBACK (field_saved_cb), self);
  g_signal_connect_swapped (self->autosave, "failed", G_CALLBACK (failed_cb), self);
  g_signal_connect_swapped (self->preview_toggle, "toggled", G_CALLBACK (preview_toggled), self);
  g_signal_connect_swapped (self->document_dropdown, "notify::selected", G_CALLBACK (update_preview), self);
  {
    g_autoptr (GListModel) choices = restart_choices ();
    gtk_drop_down_set_model (self->restart_dropdown, choices);
  }
  g_signal_connect_swapped (self->restart_dropdown, "notify::selected", G_CALLBACK (restart_changed), self);

  bind_field (self, GTK_WIDGET (self->held_entry), "held-on", SCOPE_MEETING, 0, CAIRN_MEETING_FIELD_HELD_ON, NULL);
  bind_field (self, GTK_WIDGET (self->starts_entry), "starts-at", SCOPE_MEETING, 0, CAIRN_MEETING_FIELD_STARTS_AT,
              NULL);
  bind_field (self, GTK_WIDGET (self->ends_entry), "ends-at", SCOPE_MEETING, 0, CAIRN_MEETING_FIELD_ENDS_AT, NULL);
  bind_field (self, GTK_WIDGET (self->venue_entry), "venue", SCOPE_MEETING, 0, CAIRN_MEETING_FIELD_VENUE, NULL);
  bind_field (self, GTK_WIDGET (self->chair_entry), "chair", SCOPE_MEETING, 0, CAIRN_MEETING_FIELD_CHAIR, NULL);
  for (const char *const *a = (const char *const[]) { "editor.approve", "editor.reopen", "editor.issue-agenda",
                                                       "editor.issue-minutes", "editor.add-item",
                                                       "editor.add-person", NULL };
       *a; a++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *a, FALSE);
}

CairnMeetingEditor *
cairn_meeting_editor_new (void)
{
  return g_object_new (CAIRN_TYPE_MEETING_EDITOR, NULL);
}
