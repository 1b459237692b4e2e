/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-conference-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-autosave.h"
#include "cairn-codes.h"
#include "cairn-conference-editor.h"
#include "cairn-conference-pathway.h"
#include "cairn-conference-store.h"
#include "cairn-date.h"
#include "cairn-document-preview.h"
#include "cairn-editor-private.h"
#include "cairn-error.h"
#include "cairn-minutes-report.h"
#include "cairn-utils.h"

/* Refresh the computed parts (quorum, dates, problems) and the preview this
 * long after the last save. */
#define REFRESH_MS 250

static const char *const category_codes[] = { "NEG", "PHY", "EMO", "SAB" };
static const char *const category_mnemonics[] = { N_("_Neglect"), N_("Ph_ysical abuse"), N_("E_motional abuse"),
                                                  N_("Se_xual abuse") };
static const char *const attendance_codes[] = { "invited", "present", "apologies", "report", "absent" };

typedef struct
{
  gint64 subject_id;
  GtkWidget *page;
  GtkDropDown *harm;
  GtkDropDown *decision;
  const char *const *decision_codes;   /* by position in @decision */
  guint n_decisions;
  GtkCheckButton *categories[G_N_ELEMENTS (category_codes)];
  GtkEntry *lead;
  GtkEntry *lead_body;
  GtkEntry *first_core_group;
  GtkEntry *next_review;
  GtkLabel *dates;
  GtkLabel *problem;
  GtkGrid *core_group;
  GtkGrid *actions;
  GtkTextView *outline;
  GtkTextView *contingency;
  GtkTextView *dissent;
  GtkEntry *dissent_by;
  GtkWidget *plan_only;                 /* parts shown only for a plan */
  GtkWidget *plan_rows[6];              /* rows of the grid shown only for a plan */
} ChildPage;

struct _CairnConferenceEditor
{
  AdwBin parent_instance;

  CairnStore *store;
  CairnConference *conference;
  CairnRef ref;
  char *ref_text;
  GPtrArray *agencies;
  CairnAutosave *autosave;
  GPtrArray *pages;          /* ChildPage */
  guint refresh_id;
  gboolean loading;
  char *save_state;

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
  GtkEntry *venue_entry;
  GtkEntry *chair_entry;
  GtkEntry *minute_taker_entry;
  GtkLabel *quorum_label;
  GtkEntry *quorum_reason_entry;
  GtkGrid *attendees_grid;
  GtkLabel *child_views_label;
  GtkTextView *parents_view;
  GtkTextView *child_view;
  GtkTextView *strengths_view;
  GtkTextView *risks_view;
  GtkNotebook *children_notebook;
  GtkDropDown *document_dropdown;
  CairnDocumentPreview *preview;
};

G_DEFINE_FINAL_TYPE (CairnConferenceEditor, cairn_conference_editor, ADW_TYPE_BIN)

enum
{
  SAVED,
  STATUS_CHANGED,
  ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (CairnConferenceEditor *self);
static void schedule_refresh (CairnConferenceEditor *self);

static void
child_page_free (gpointer data)
{
  g_free (data);
}

static void
toast (CairnConferenceEditor *self,
       const char            *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toasts, t);
}

static void
show_problem (CairnConferenceEditor *self,
              const char            *message)
{
  gtk_label_set_label (self->problem_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static gboolean
is_draft (CairnConferenceEditor *self)
{
  return self->conference != NULL && g_strcmp0 (self->conference->status, "draft") == 0;
}

/* ---- Saving ------------------------------------------------------------- */

typedef enum
{
  SCOPE_CONFERENCE,
  SCOPE_SUBJECT,
  SCOPE_ATTENDEE,
  SCOPE_CORE_GROUP,
  SCOPE_ACTION,
} Scope;

typedef struct
{
  CairnConferenceEditor *self;
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
  CairnConferenceEditor *self = fs->self;
  gboolean ok = FALSE;

  if (self->store == NULL)
    return TRUE;
  switch (fs->scope)
    {
    case SCOPE_CONFERENCE:
      if (self->conference == NULL)
        return TRUE;
      ok = cairn_store_set_conference_field (self->store, self->conference->id, fs->field, value, error);
      break;
    case SCOPE_SUBJECT:
      ok = cairn_store_set_subject_field (self->store, fs->id, fs->field, value, error);
      break;
    case SCOPE_ATTENDEE:
      ok = cairn_store_set_attendee_field (self->store, fs->id, fs->field, value, error);
      break;
    case SCOPE_CORE_GROUP:
      ok = cairn_store_set_core_group_field (self->store, fs->id, fs->field, value, error);
      break;
    case SCOPE_ACTION:
      ok = cairn_store_set_plan_action_field (self->store, fs->id, fs->field, value, error);
      break;
    }
  if (ok)
    schedule_refresh (self);
  return ok;
}

static void
bind_field (CairnConferenceEditor *self,
            GtkWidget             *widget,
            const char            *name,
            Scope                  scope,
            gint64                 id,
            int                    field,
            const char            *value)
{
  FieldSave *fs = g_new0 (FieldSave, 1);

  fs->self = self;
  fs->scope = scope;
  fs->id = id;
  fs->field = field;
  cairn_autosave_bind (self->autosave, widget, name, save_field, fs, g_free);
  cairn_autosave_set_text (self->autosave, widget, value);
}

/* A bound field of the fixed part of the form: its value shown again. */
static void
show_field (CairnConferenceEditor *self,
            GtkWidget             *widget,
            const char            *value)
{
  cairn_autosave_set_text (self->autosave, widget, value);
}

static void
saved_cb (CairnConferenceEditor *self,
          const char            *field)
{
  g_free (self->save_state);
  self->save_state = g_strdup (_("All changes saved"));
  show_problem (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, field);
}

/* A field typed in was stored. */
static void
field_saved_cb (CairnConferenceEditor *self,
                GtkWidget             *widget,
                const char            *field)
{
  saved_cb (self, field);
}

static void
failed_cb (CairnConferenceEditor *self,
           GtkWidget             *widget,
           const char            *field,
           const char            *message)
{
  g_free (self->save_state);
  self->save_state = g_strdup (_("Not saved: a value was refused"));
  show_problem (self, message);
}

/* A change made at once (a choice, a tick box), in its own transaction. */
static void
immediate (CairnConferenceEditor *self,
           gboolean               ok,
           GError                *error,
           const char            *field)
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

static char *
date_text (const GDate *date)
{
  return cairn_date_is_set (date) ? cairn_date_to_display (date) : NULL;
}

static void
update_child_page (CairnConferenceEditor        *self,
                   ChildPage                    *page,
                   const CairnConferenceSubject *s)
{
  g_autofree char *core = date_text (&s->core_group_due);
  g_autofree char *review = date_text (&s->review_due);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  gboolean plan = cairn_conference_subject_has_plan (s);

  if (core != NULL)
    g_string_append_printf (text, _("First core group by %s (%s %s, within 10 working days). "), core,
                            s->edition ? s->edition : "", s->core_group_rule ? s->core_group_rule : "");
  if (review != NULL)
    g_string_append_printf (text, _("Review conference by %s (%s %s)."), review, s->edition ? s->edition : "",
                            s->review_rule ? s->review_rule : "");
  gtk_label_set_label (page->dates, text->str);
  if (core != NULL)
    {
      g_autofree char *hint = g_strdup_printf (_("by %s"), core);
      gtk_entry_set_placeholder_text (page->first_core_group, hint);
    }
  if (review != NULL)
    {
      g_autofree char *hint = g_strdup_printf (_("by %s"), review);
      gtk_entry_set_placeholder_text (page->next_review, hint);
    }
  gtk_widget_set_visible (page->plan_only, plan || s->plan_decision == NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (page->plan_rows); i++)
    if (page->plan_rows[i] != NULL)
      gtk_widget_set_visible (page->plan_rows[i], plan || s->plan_decision == NULL);
  if (s->plan_decision != NULL && !cairn_conference_validate_subject (self->conference, s, &error))
    {
      gtk_label_set_label (page->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (page->problem), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (page->problem), FALSE);
}

static CairnDocumentKind
shown_document (CairnConferenceEditor *self)
{
  return gtk_drop_down_get_selected (self->document_dropdown) == 1 ? CAIRN_DOCUMENT_MINUTES
                                                                   : CAIRN_DOCUMENT_OUTCOME;
}

static void
update_preview (CairnConferenceEditor *self)
{
  g_autoptr (CairnDocument) doc = NULL;

  if (self->conference == NULL || !gtk_widget_get_visible (self->preview_box))
    return;
  doc = shown_document (self) == CAIRN_DOCUMENT_MINUTES ? cairn_conference_minutes_build (self->conference, NULL)
                                                        : cairn_conference_outcome_build (self->conference, NULL);
  cairn_document_preview_set_document (self->preview, doc);
}

static gboolean
load (CairnConferenceEditor  *self,
      GError                **error)
{
  g_autoptr (CairnConference) c = cairn_store_get_conference (self->store, self->ref.year, (int) self->ref.number,
                                                              error);

  if (c == NULL || !cairn_conference_compute_dates (self->store, c, error))
    return FALSE;
  g_clear_pointer (&self->conference, cairn_conference_free);
  self->conference = g_steal_pointer (&c);
  return TRUE;
}

static void
update_computed (CairnConferenceEditor *self)
{
  const CairnConference *c = self->conference;
  g_autofree char *ref = cairn_conference_dup_ref (c);
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autoptr (GError) error = NULL;
  GString *names = g_string_new (NULL);
  guint n = 0;
  gboolean social_care = FALSE;
  gboolean quorate = cairn_conference_is_quorate (c, &n, &social_care);
  gboolean draft = is_draft (self);
  gboolean decided = cairn_conference_validate_decisions (c, &error);

  for (guint i = 0; i < c->subjects->len; i++)
    {
      const CairnConferenceSubject *s = g_ptr_array_index (c->subjects, i);
      g_string_append_printf (names, "%s%s", i ? ", " : "", s->child_name);
    }
  title = g_strdup_printf ("%s %s: %s", cairn_codes_label (CAIRN_CODES_CONFERENCE_KIND, c->kind), ref,
                           names->str);
  g_string_free (names, TRUE);
  gtk_label_set_label (self->title_label, title);
  {
    GString *issued = g_string_new (NULL);
    const CairnDocumentKind kinds[] = { CAIRN_DOCUMENT_OUTCOME, CAIRN_DOCUMENT_MINUTES };

    for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        const CairnDocVersion *v = cairn_conference_latest_version (c, kinds[k]);
        g_autofree char *day = NULL;
        if (v == NULL)
          continue;
        day = cairn_date_to_display (&v->issued_on);
        g_string_append_printf (issued, g_dngettext (GETTEXT_PACKAGE, " · %s version %d issued %s to %u person",
                                                     " · %s version %d issued %s to %u people", v->receipts->len),
                                cairn_document_kind_label (kinds[k]), v->version, day, v->receipts->len);
      }
    status = g_strdup_printf ("%s%s · %s", cairn_codes_label (CAIRN_CODES_CONFERENCE_STATUS, c->status), issued->str,
                              self->save_state ? self->save_state : _("All changes saved"));
    g_string_free (issued, TRUE);
  }
  gtk_label_set_label (self->status_label, status);

  {
    g_autofree char *q = quorate
                           ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Quorate: %u agency present, children's social care among them (the board's quorum is %d).",
                                                           "Quorate: %u agencies present, children's social care among them (the board's quorum is %d).",
                                                           n),
                                              n, c->board_quorum)
                           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Not quorate: %u agency present%s; the board's quorum is %d, children's social care among them. Record why the conference went ahead.",
                                                           "Not quorate: %u agencies present%s; the board's quorum is %d, children's social care among them. Record why the conference went ahead.",
                                                           n),
                                              n, social_care ? "" : _(", not children's social care"),
                                              c->board_quorum);
    gtk_label_set_label (self->quorum_label, q);
    if (quorate)
      gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_label), "warning");
    else
      gtk_widget_add_css_class (GTK_WIDGET (self->quorum_label), "warning");
  }
  gtk_label_set_label (self->child_views_label, c->subjects->len > 1 ? _("The _children's views")
                                                                     : _("The _child's views"));

  for (guint i = 0; i < self->pages->len && i < c->subjects->len; i++)
    update_child_page (self, g_ptr_array_index (self->pages, i), g_ptr_array_index (c->subjects, i));

  gtk_widget_set_sensitive (self->form, draft);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), !draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.approve", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reopen", !draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.issue-outcome", decided);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.issue-minutes",
                                 g_strcmp0 (c->status, "approved") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-attendee", draft);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->approve_button),
                               decided ? _("The chair approves the minutes (Ctrl+Return)") : error->message);
  update_preview (self);
}

static gboolean
refresh_cb (gpointer data)
{
  CairnConferenceEditor *self = data;
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
schedule_refresh (CairnConferenceEditor *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_MS, refresh_cb, self);
}

/* ---- Attendance ---------------------------------------------------------- */

static void
attendee_agency_changed (GtkDropDown           *dropdown,
                         GParamSpec            *pspec,
                         CairnConferenceEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "row-id"));
  guint i = gtk_drop_down_get_selected (dropdown);
  const char *code = i == 0 || i > self->agencies->len ? ""
                                                       : ((CairnAgency *) g_ptr_array_index (self->agencies, i - 1))->code;
  g_autoptr (GError) error = NULL;

  if (self->loading)
    return;
  immediate (self, cairn_store_set_attendee_field (self->store, id, CAIRN_ATTENDEE_FIELD_AGENCY, code, &error),
             error, "attendee-agency");
}

static void
attendance_changed (GtkDropDown           *dropdown,
                    GParamSpec            *pspec,
                    CairnConferenceEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "row-id"));
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;

  if (self->loading || i >= G_N_ELEMENTS (attendance_codes))
    return;
  immediate (self,
             cairn_store_set_attendee_field (self->store, id, CAIRN_ATTENDEE_FIELD_ATTENDANCE, attendance_codes[i],
                                             &error),
             error, "attendance");
}

static void
copy_toggled (GtkCheckButton        *check,
              CairnConferenceEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "row-id"));
  g_autoptr (GError) error = NULL;

  if (self->loading)
    return;
  immediate (self,
             cairn_store_set_attendee_field (self->store, id, CAIRN_ATTENDEE_FIELD_COPY,
                                             gtk_check_button_get_active (check) ? "yes" : "no", &error),
             error, "copy");
}

typedef gboolean (*RemoveFunc) (CairnStore *store, gint64 id, GError **error);

static void
remove_clicked (GtkButton             *button,
                CairnConferenceEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "row-id"));
  RemoveFunc func = g_object_get_data (G_OBJECT (button), "remove-func");
  g_autoptr (GError) error = NULL;

  cairn_autosave_flush (self->autosave, NULL);
  if (!func (self->store, id, &error))
    show_problem (self, error->message);
  else
    g_signal_emit (self, signals[SAVED], 0, "removed");
  rebuild (self);
}

static GtkWidget *
remove_button (CairnConferenceEditor *self,
               gint64                 id,
               RemoveFunc             func,
               const char            *what)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  g_object_set_data (G_OBJECT (button), "row-id", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (button), "remove-func", func);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked), self);
  return button;
}

static void
build_attendees (CairnConferenceEditor *self)
{
  const CairnConference *c = self->conference;
  g_autoptr (GPtrArray) agency_names = g_ptr_array_new ();
  const char *attendance_labels[G_N_ELEMENTS (attendance_codes)];
  const char *headers[] = { _("Name"), _("Role"), _("Agency"), _("Attendance"), _("Contribution"), _("Copy") };

  cairn_editor_clear_grid (self->attendees_grid);
  g_ptr_array_add (agency_names, (gpointer) _("Family or other (no agency)"));
  for (guint i = 0; i < self->agencies->len; i++)
    g_ptr_array_add (agency_names, ((CairnAgency *) g_ptr_array_index (self->agencies, i))->name);
  for (gsize i = 0; i < G_N_ELEMENTS (attendance_codes); i++)
    attendance_labels[i] = cairn_codes_label (CAIRN_CODES_ATTENDANCE, attendance_codes[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (headers); i++)
    gtk_grid_attach (self->attendees_grid, cairn_editor_header_label (headers[i]), (int) i, 0, 1, 1);

  for (guint r = 0; r < c->attendees->len; r++)
    {
      const CairnAttendee *a = g_ptr_array_index (c->attendees, r);
      GtkEntry *name = cairn_editor_row_entry (_("Name"), 12, FALSE);
      GtkEntry *role = cairn_editor_row_entry (_("Role"), 10, FALSE);
      GtkEntry *contribution = cairn_editor_row_entry (_("Contribution"), 12, TRUE);
      GtkDropDown *agency;
      GtkDropDown *attendance;
      GtkWidget *copy = gtk_check_button_new ();
      guint agency_index = 0, attendance_index = 0;
      g_autofree char *remove_text = g_strdup_printf (_("Remove %s"), a->name);
      int row = (int) r + 1;

      for (guint i = 0; i < self->agencies->len; i++)
        if (g_strcmp0 (((CairnAgency *) g_ptr_array_index (self->agencies, i))->code, a->agency_code) == 0)
          agency_index = i + 1;
      for (gsize i = 0; i < G_N_ELEMENTS (attendance_codes); i++)
        if (g_strcmp0 (attendance_codes[i], a->attendance) == 0)
          attendance_index = (guint) i;
      agency = cairn_editor_dropdown ((const char * const *) agency_names->pdata, agency_names->len, agency_index,
                                _("Agency"));
      attendance = cairn_editor_dropdown (attendance_labels, G_N_ELEMENTS (attendance_labels), attendance_index,
                                    _("Attendance"));
      g_object_set_data (G_OBJECT (agency), "row-id", GSIZE_TO_POINTER (a->id));
      g_object_set_data (G_OBJECT (attendance), "row-id", GSIZE_TO_POINTER (a->id));
      g_object_set_data (G_OBJECT (copy), "row-id", GSIZE_TO_POINTER (a->id));
      g_signal_connect (agency, "notify::selected", G_CALLBACK (attendee_agency_changed), self);
      g_signal_connect (attendance, "notify::selected", G_CALLBACK (attendance_changed), self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (copy), a->copy);
      gtk_widget_set_tooltip_text (copy, _("Receives the outcome summary and the minutes"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Copy of the minutes"), -1);
      g_signal_connect (copy, "toggled", G_CALLBACK (copy_toggled), self);

      bind_field (self, GTK_WIDGET (name), "attendee-name", SCOPE_ATTENDEE, a->id, CAIRN_ATTENDEE_FIELD_NAME,
                  a->name);
      bind_field (self, GTK_WIDGET (role), "attendee-role", SCOPE_ATTENDEE, a->id, CAIRN_ATTENDEE_FIELD_ROLE,
                  a->role);
      bind_field (self, GTK_WIDGET (contribution), "attendee-contribution", SCOPE_ATTENDEE, a->id,
                  CAIRN_ATTENDEE_FIELD_CONTRIBUTION, a->contribution);
      gtk_grid_attach (self->attendees_grid, GTK_WIDGET (name), 0, row, 1, 1);
      gtk_grid_attach (self->attendees_grid, GTK_WIDGET (role), 1, row, 1, 1);
      gtk_grid_attach (self->attendees_grid, GTK_WIDGET (agency), 2, row, 1, 1);
      gtk_grid_attach (self->attendees_grid, GTK_WIDGET (attendance), 3, row, 1, 1);
      gtk_grid_attach (self->attendees_grid, GTK_WIDGET (contribution), 4, row, 1, 1);
      gtk_grid_attach (self->attendees_grid, copy, 5, row, 1, 1);
      gtk_grid_attach (self->attendees_grid,
                       remove_button (self, a->id, cairn_store_remove_conference_attendee, remove_text), 6, row, 1,
                       1);
    }
}

/* ---- Each child ------------------------------------------------------------ */

static const char *const initial_decisions[] = { NULL, "start", "none" };
static const char *const review_decisions[] = { NULL, "continue", "end" };

static void
harm_changed (GtkDropDown           *dropdown,
              GParamSpec            *pspec,
              CairnConferenceEditor *self)
{
  ChildPage *page = g_object_get_data (G_OBJECT (dropdown), "page");
  static const char *const values[] = { "", "yes", "no" };
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;

  if (self->loading || i >= G_N_ELEMENTS (values))
    return;
  immediate (self,
             cairn_store_set_subject_field (self->store, page->subject_id,
                                            CAIRN_SUBJECT_FIELD_LIKELY_SIGNIFICANT_HARM, values[i], &error),
             error, "likely-significant-harm");
}

static void
decision_changed (GtkDropDown           *dropdown,
                  GParamSpec            *pspec,
                  CairnConferenceEditor *self)
{
  ChildPage *page = g_object_get_data (G_OBJECT (dropdown), "page");
  guint i = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;

  if (self->loading || i >= page->n_decisions)
    return;
  immediate (self,
             cairn_store_set_subject_field (self->store, page->subject_id, CAIRN_SUBJECT_FIELD_PLAN_DECISION,
                                            page->decision_codes[i] ? page->decision_codes[i] : "", &error),
             error, "decision");
}

static void
category_toggled (GtkCheckButton        *check,
                  CairnConferenceEditor *self)
{
  ChildPage *page = g_object_get_data (G_OBJECT (check), "page");
  const char *code = g_object_get_data (G_OBJECT (check), "code");
  g_autoptr (GError) error = NULL;

  if (self->loading)
    return;
  immediate (self,
             cairn_store_set_subject_category (self->store, page->subject_id, code,
                                               gtk_check_button_get_active (check), &error),
             error, "category");
}

static void add_core_group_clicked (GtkButton *button, CairnConferenceEditor *self);
static void add_action_clicked (GtkButton *button, CairnConferenceEditor *self);

static GtkWidget *
section_header (const char *title,
                const char *button_mnemonic,
                GCallback   callback,
                ChildPage  *page,
                gpointer    self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *button = gtk_button_new_with_mnemonic (button_mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "page", page);
  g_signal_connect (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
build_core_group (CairnConferenceEditor        *self,
                  ChildPage                    *page,
                  const CairnConferenceSubject *s)
{
  const char *headers[] = { _("Name"), _("Role"), _("Agency") };

  cairn_editor_clear_grid (page->core_group);
  for (gsize i = 0; i < G_N_ELEMENTS (headers) && s->core_group->len > 0; i++)
    gtk_grid_attach (page->core_group, cairn_editor_header_label (headers[i]), (int) i, 0, 1, 1);
  for (guint r = 0; r < s->core_group->len; r++)
    {
      const CairnCoreGroupMember *m = g_ptr_array_index (s->core_group, r);
      GtkEntry *name = cairn_editor_row_entry (_("Core group member"), 14, TRUE);
      GtkEntry *role = cairn_editor_row_entry (_("Role"), 14, TRUE);
      GtkEntry *agency = cairn_editor_row_entry (_("Agency"), 14, TRUE);
      g_autofree char *what = g_strdup_printf (_("Remove %s from the core group"), m->name);

      bind_field (self, GTK_WIDGET (name), "core-group-name", SCOPE_CORE_GROUP, m->id, CAIRN_CORE_GROUP_FIELD_NAME,
                  m->name);
      bind_field (self, GTK_WIDGET (role), "core-group-role", SCOPE_CORE_GROUP, m->id, CAIRN_CORE_GROUP_FIELD_ROLE,
                  m->role);
      bind_field (self, GTK_WIDGET (agency), "core-group-agency", SCOPE_CORE_GROUP, m->id,
                  CAIRN_CORE_GROUP_FIELD_AGENCY, m->agency);
      gtk_grid_attach (page->core_group, GTK_WIDGET (name), 0, (int) r + 1, 1, 1);
      gtk_grid_attach (page->core_group, GTK_WIDGET (role), 1, (int) r + 1, 1, 1);
      gtk_grid_attach (page->core_group, GTK_WIDGET (agency), 2, (int) r + 1, 1, 1);
      gtk_grid_attach (page->core_group,
                       remove_button (self, m->id, cairn_store_remove_core_group_member, what), 3, (int) r + 1, 1, 1);
    }
}

static void
build_actions (CairnConferenceEditor        *self,
               ChildPage                    *page,
               const CairnConferenceSubject *s)
{
  const char *headers[] = { _("Action"), _("Who"), _("By (YYYY-MM-DD)"), _("Or how often") };

  cairn_editor_clear_grid (page->actions);
  for (gsize i = 0; i < G_N_ELEMENTS (headers) && s->actions->len > 0; i++)
    gtk_grid_attach (page->actions, cairn_editor_header_label (headers[i]), (int) i, 0, 1, 1);
  for (guint r = 0; r < s->actions->len; r++)
    {
      const CairnPlanAction *a = g_ptr_array_index (s->actions, r);
      GtkEntry *action = cairn_editor_row_entry (_("Action"), 20, TRUE);
      GtkEntry *owner = cairn_editor_row_entry (_("Who"), 12, FALSE);
      GtkEntry *due = cairn_editor_row_entry (_("By when"), 10, FALSE);
      GtkEntry *how = cairn_editor_row_entry (_("How often"), 10, FALSE);
      g_autofree char *due_text = cairn_date_is_set (&a->due_on) ? cairn_date_to_string (&a->due_on) : NULL;

      bind_field (self, GTK_WIDGET (action), "action", SCOPE_ACTION, a->id, CAIRN_PLAN_ACTION_FIELD_ACTION, a->action);
      bind_field (self, GTK_WIDGET (owner), "action-owner", SCOPE_ACTION, a->id, CAIRN_PLAN_ACTION_FIELD_OWNER, a->owner);
      bind_field (self, GTK_WIDGET (due), "action-due", SCOPE_ACTION, a->id, CAIRN_PLAN_ACTION_FIELD_DUE_ON, due_text);
      bind_field (self, GTK_WIDGET (how), "action-how-often", SCOPE_ACTION, a->id, CAIRN_PLAN_ACTION_FIELD_DUE_TEXT,
                  a->due_text);
      gtk_grid_attach (page->actions, GTK_WIDGET (action), 0, (int) r + 1, 1, 1);
      gtk_grid_attach (page->actions, GTK_WIDGET (owner), 1, (int) r + 1, 1, 1);
      gtk_grid_attach (page->actions, GTK_WIDGET (due), 2, (int) r + 1, 1, 1);
      gtk_grid_attach (page->actions, GTK_WIDGET (how), 3, (int) r + 1, 1, 1);
      gtk_grid_attach (page->actions, remove_button (self, a->id, cairn_store_remove_plan_action, _("Remove this action")),
                       4, (int) r + 1, 1, 1);
    }
}

static ChildPage *
build_child_page (CairnConferenceEditor        *self,
                  const CairnConferenceSubject *s)
{
  ChildPage *page = g_new0 (ChildPage, 1);
  gboolean review = g_strcmp0 (self->conference->kind, "review") == 0;
  const char *harm_labels[] = { _("Not yet decided"), _("Yes"), _("No") };
  const char *decision_labels[3];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *categories = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *plan = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  g_autofree char *core_text = cairn_date_is_set (&s->first_core_group_on)
                                 ? cairn_date_to_string (&s->first_core_group_on) : NULL;
  g_autofree char *review_text = cairn_date_is_set (&s->next_review_on) ? cairn_date_to_string (&s->next_review_on)
                                                                        : NULL;
  guint harm_index = s->likely_significant_harm == 1 ? 1 : s->likely_significant_harm == 0 ? 2 : 0;
  guint decision_index = 0;
  int row = 0;

  page->subject_id = s->id;
  page->decision_codes = review ? review_decisions : initial_decisions;
  page->n_decisions = 3;
  decision_labels[0] = _("Not yet decided");
  decision_labels[1] = cairn_codes_label (CAIRN_CODES_PLAN_DECISION, page->decision_codes[1]);
  decision_labels[2] = cairn_codes_label (CAIRN_CODES_PLAN_DECISION, page->decision_codes[2]);
  for (guint i = 1; i < page->n_decisions; i++)
    if (g_strcmp0 (s->plan_decision, page->decision_codes[i]) == 0)
      decision_index = i;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  page->harm = cairn_editor_dropdown (harm_labels, G_N_ELEMENTS (harm_labels), harm_index,
                                _("Likely to suffer significant harm"));
  page->decision = cairn_editor_dropdown (decision_labels, page->n_decisions, decision_index, _("Decision"));
  g_object_set_data (G_OBJECT (page->harm), "page", page);
  g_object_set_data (G_OBJECT (page->decision), "page", page);
  g_signal_connect (page->harm, "notify::selected", G_CALLBACK (harm_changed), self);
  g_signal_connect (page->decision, "notify::selected", G_CALLBACK (decision_changed), self);
  gtk_grid_attach (GTK_GRID (grid), cairn_editor_field_label (_("Likely to suffer si_gnificant harm"), GTK_WIDGET (page->harm)), 0,
                   row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (page->harm), 1, row++, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cairn_editor_field_label (_("D_ecision"), GTK_WIDGET (page->decision)), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (page->decision), 1, row++, 1, 1);

  for (gsize i = 0; i < G_N_ELEMENTS (category_codes); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_mnemonic (_(category_mnemonics[i]));
      gboolean on = FALSE;
      for (guint k = 0; k < s->categories->len; k++)
        on |= g_strcmp0 (g_ptr_array_index (s->categories, k), category_codes[i]) == 0;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      g_object_set_data (G_OBJECT (check), "page", page);
      g_object_set_data (G_OBJECT (check), "code", (gpointer) category_codes[i]);
      g_signal_connect (check, "toggled", G_CALLBACK (category_toggled), self);
      page->categories[i] = GTK_CHECK_BUTTON (check);
      gtk_box_append (GTK_BOX (categories), check);
    }
  {
    GtkWidget *label = gtk_label_new (_("Category"));
    gtk_label_set_xalign (GTK_LABEL (label), 1);
    gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), categories, 1, row++, 1, 1);
  }

  page->lead = cairn_editor_row_entry (_("Lead social worker"), 20, TRUE);
  page->lead_body = cairn_editor_row_entry (_("Lead statutory body"), 20, TRUE);
  page->first_core_group = cairn_editor_row_entry (_("First core group"), 20, TRUE);
  page->next_review = cairn_editor_row_entry (_("Review conference"), 20, TRUE);
  bind_field (self, GTK_WIDGET (page->lead), "lead-social-worker", SCOPE_SUBJECT, s->id,
              CAIRN_SUBJECT_FIELD_LEAD_WORKER, s->lead_worker);
  bind_field (self, GTK_WIDGET (page->lead_body), "lead-body", SCOPE_SUBJECT, s->id, CAIRN_SUBJECT_FIELD_LEAD_BODY,
              s->lead_body);
  bind_field (self, GTK_WIDGET (page->first_core_group), "first-core-group", SCOPE_SUBJECT, s->id,
              CAIRN_SUBJECT_FIELD_FIRST_CORE_GROUP_ON, core_text);
  bind_field (self, GTK_WIDGET (page->next_review), "next-review", SCOPE_SUBJECT, s->id,
              CAIRN_SUBJECT_FIELD_NEXT_REVIEW_ON, review_text);
  gtk_grid_attach (GTK_GRID (grid), cairn_editor_field_label (_("Lead social _worker"), GTK_WIDGET (page->lead)), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (page->lead), 1, row++, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cairn_editor_field_label (_("Lead statutory _body"), GTK_WIDGET (page->lead_body)), 0, row, 1,
                   1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (page->lead_body), 1, row++, 1, 1);
  if (!review)
    {
      page->plan_rows[0] = cairn_editor_field_label (_("_First core group"), GTK_WIDGET (page->first_core_group));
      page->plan_rows[1] = GTK_WIDGET (page->first_core_group);
      gtk_grid_attach (GTK_GRID (grid), page->plan_rows[0], 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), page->plan_rows[1], 1, row++, 1, 1);
    }
  page->plan_rows[2] = cairn_editor_field_label (_("Review c_onference"), GTK_WIDGET (page->next_review));
  page->plan_rows[3] = GTK_WIDGET (page->next_review);
  gtk_grid_attach (GTK_GRID (grid), page->plan_rows[2], 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), page->plan_rows[3], 1, row++, 1, 1);
  page->dates = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (page->dates, 0);
  gtk_label_set_wrap (page->dates, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (page->dates), "dim-label");
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (page->dates), 1, row++, 1, 1);
  page->plan_rows[4] = GTK_WIDGET (page->dates);
  page->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (page->problem, 0);
  gtk_label_set_wrap (page->problem, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (page->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (page->problem), FALSE);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (page->problem), 1, row++, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);

  page->core_group = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (page->core_group, 4);
  gtk_grid_set_column_spacing (page->core_group, 6);
  gtk_box_append (GTK_BOX (plan), section_header (_("Core group"), _("Add Core Group _Member"),
                                                  G_CALLBACK (add_core_group_clicked), page, self));
  gtk_box_append (GTK_BOX (plan), GTK_WIDGET (page->core_group));
  build_core_group (self, page, s);
  page->plan_only = plan;
  gtk_box_append (GTK_BOX (box), plan);

  page->outline = cairn_editor_text_area ();
  bind_field (self, GTK_WIDGET (page->outline), "outline-plan", SCOPE_SUBJECT, s->id, CAIRN_SUBJECT_FIELD_OUTLINE_PLAN,
              s->outline_plan);
  gtk_box_append (GTK_BOX (box), cairn_editor_labelled_area (_("Outl_ine plan (or the services offered)"), page->outline));
  page->actions = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (page->actions, 4);
  gtk_grid_set_column_spacing (page->actions, 6);
  gtk_box_append (GTK_BOX (box), section_header (_("Actions: what, who, by when"), _("Add A_ction"),
                                                 G_CALLBACK (add_action_clicked), page, self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page->actions));
  build_actions (self, page, s);

  page->contingency = cairn_editor_text_area ();
  bind_field (self, GTK_WIDGET (page->contingency), "contingency-plan", SCOPE_SUBJECT, s->id,
              CAIRN_SUBJECT_FIELD_CONTINGENCY_PLAN, s->contingency_plan);
  page->plan_rows[5] = cairn_editor_labelled_area (_("Contin_gency plan"), page->contingency);
  gtk_box_append (GTK_BOX (box), page->plan_rows[5]);
  page->dissent = cairn_editor_text_area ();
  bind_field (self, GTK_WIDGET (page->dissent), "dissent", SCOPE_SUBJECT, s->id, CAIRN_SUBJECT_FIELD_DISSENT,
              s->dissent);
  gtk_box_append (GTK_BOX (box), cairn_editor_labelled_area (_("Dissent from the decision"), page->dissent));
  {
    GtkWidget *row_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    page->dissent_by = cairn_editor_row_entry (_("Who dissented"), 20, TRUE);
    bind_field (self, GTK_WIDGET (page->dissent_by), "dissent-by", SCOPE_SUBJECT, s->id,
                CAIRN_SUBJECT_FIELD_DISSENT_BY, s->dissent_by);
    gtk_box_append (GTK_BOX (row_box), cairn_editor_field_label (_("Who _dissented"), GTK_WIDGET (page->dissent_by)));
    gtk_box_append (GTK_BOX (row_box), GTK_WIDGET (page->dissent_by));
    gtk_box_append (GTK_BOX (box), row_box);
  }
  page->page = box;
  return page;
}

static void
build_children (CairnConferenceEditor *self)
{
  int current = gtk_notebook_get_current_page (self->children_notebook);

  while (gtk_notebook_get_n_pages (self->children_notebook) > 0)
    gtk_notebook_remove_page (self->children_notebook, -1);
  g_ptr_array_set_size (self->pages, 0);
  for (guint i = 0; i < self->conference->subjects->len; i++)
    {
      const CairnConferenceSubject *s = g_ptr_array_index (self->conference->subjects, i);
      ChildPage *page = build_child_page (self, s);
      g_autofree char *name = cairn_conference_subject_dup_name (s);

      g_ptr_array_add (self->pages, page);
      gtk_notebook_append_page (self->children_notebook, page->page, gtk_label_new (name));
    }
  gtk_notebook_set_show_tabs (self->children_notebook, self->conference->subjects->len > 1);
  if (current >= 0 && current < gtk_notebook_get_n_pages (self->children_notebook))
    gtk_notebook_set_current_page (self->children_notebook, current);
}

/* Everything from the store again: after a structural change or a refusal. */
static void
rebuild (CairnConferenceEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *held = NULL;
  const CairnConference *c;

  if (self->store == NULL || self->ref_text == NULL)
    return;
  cairn_autosave_flush (self->autosave, NULL);
  if (!load (self, &error))
    {
      show_problem (self, error->message);
      return;
    }
  c = self->conference;
  self->loading = TRUE;
  held = cairn_timestamp_to_string (&c->held_on, c->held_minute);
  show_field (self, GTK_WIDGET (self->held_entry), held);
  show_field (self, GTK_WIDGET (self->venue_entry), c->venue);
  show_field (self, GTK_WIDGET (self->chair_entry), c->chair);
  show_field (self, GTK_WIDGET (self->minute_taker_entry), c->minute_taker);
  show_field (self, GTK_WIDGET (self->quorum_reason_entry), c->quorate_reason);
  show_field (self, GTK_WIDGET (self->parents_view), c->parents_views);
  show_field (self, GTK_WIDGET (self->child_view), c->child_views);
  show_field (self, GTK_WIDGET (self->strengths_view), c->strengths);
  show_field (self, GTK_WIDGET (self->risks_view), c->risks);
  build_attendees (self);
  build_children (self);
  self->loading = FALSE;
  update_computed (self);
}

/* ---- Actions ------------------------------------------------------------- */

static void
add_attendee_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  CairnConferenceEditor *self = CAIRN_CONFERENCE_EDITOR (widget);
  g_autoptr (CairnAttendee) a = cairn_attendee_new ();
  g_autoptr (GError) error = NULL;

  if (self->conference == NULL)
    return;
  cairn_autosave_flush (self->autosave, NULL);
  a->name = g_strdup (_("New attendee"));
  a->attendance = g_strdup ("present");
  if (!cairn_store_add_conference_attendee (self->store, self->conference->id, a, &error))
    {
      show_problem (self, error->message);
      return;
    }
  rebuild (self);
  cairn_editor_focus_last_row (self->attendees_grid);
}

static void
add_core_group_clicked (GtkButton             *button,
                        CairnConferenceEditor *self)
{
  ChildPage *page = g_object_get_data (G_OBJECT (button), "page");
  g_autoptr (CairnCoreGroupMember) m = cairn_core_group_member_new ();
  g_autoptr (GError) error = NULL;
  guint index;

  cairn_autosave_flush (self->autosave, NULL);
  if (!g_ptr_array_find (self->pages, page, &index))
    return;
  m->name = g_strdup ("");
  if (!cairn_store_add_core_group_member (self->store, page->subject_id, m, &error))
    {
      show_problem (self, error->message);
      return;
    }
  rebuild (self);
  cairn_editor_focus_last_row (((ChildPage *) g_ptr_array_index (self->pages, index))->core_group);
}

static void
add_action_clicked (GtkButton             *button,
                    CairnConferenceEditor *self)
{
  ChildPage *page = g_object_get_data (G_OBJECT (button), "page");
  g_autoptr (CairnPlanAction) a = cairn_plan_action_new ();
  g_autoptr (GError) error = NULL;
  guint index;

  cairn_autosave_flush (self->autosave, NULL);
  if (!g_ptr_array_find (self->pages, page, &index))
    return;
  if (!cairn_store_add_plan_action (self->store, page->subject_id, a, &error))
    {
      show_problem (self, error->message);
      return;
    }
  rebuild (self);
  cairn_editor_focus_last_row (((ChildPage *) g_ptr_array_index (self->pages, index))->actions);
}

static void
approve_activated (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  CairnConferenceEditor *self = CAIRN_CONFERENCE_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (self->conference == NULL)
    return;
  if (!cairn_autosave_flush (self->autosave, NULL))
    return;
  if (!cairn_conference_approve (self->store, self->ref.year, (int) self->ref.number, &error))
    {
      show_problem (self, error->message);
      toast (self, _("Not approved"));
      return;
    }
  show_problem (self, NULL);
  rebuild (self);
  toast (self, _("Approved by the chair; the plans and the chronology are updated"));
  g_signal_emit (self, signals[STATUS_CHANGED], 0, self->conference->status);
}

typedef struct
{
  CairnConferenceEditor *self;
  CairnDocumentKind kind;
  char *correction;
} IssueData;

static void
issue_data_free (IssueData *data)
{
  g_free (data->correction);
  g_free (data);
}

static void
issue_to (CairnConferenceEditor *self,
          CairnDocumentKind      kind,
          const char            *correction,
          const char            *path)
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
  g_signal_emit (self, signals[STATUS_CHANGED], 0, self->conference->status);
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
  issue_data_free (data);
  g_object_unref (dialog);
}

static void
choose_file (CairnConferenceEditor *self,
             CairnDocumentKind      kind,
             const char            *correction)
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

/* Asks what a correction corrects, then calls @then with it. */
typedef void (*CorrectionFunc) (CairnConferenceEditor *self, CairnDocumentKind kind, const char *correction);

typedef struct
{
  CairnConferenceEditor *self;
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
ask_correction (CairnConferenceEditor *self,
                CairnDocumentKind      kind,
                const char            *heading,
                CorrectionFunc         then)
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

static void
issue_with_correction (CairnConferenceEditor *self,
                       CairnDocumentKind      kind,
                       const char            *correction)
{
  choose_file (self, kind, correction);
}

static void
issue (CairnConferenceEditor *self,
       CairnDocumentKind      kind)
{
  if (self->conference == NULL || !cairn_autosave_flush (self->autosave, NULL))
    return;
  /* A second outcome summary says what it corrects. */
  if (kind == CAIRN_DOCUMENT_OUTCOME && cairn_conference_latest_version (self->conference, kind) != NULL &&
      cairn_str_empty (self->conference->correction_reason))
    ask_correction (self, kind, _("Issue a corrected outcome summary?"), issue_with_correction);
  else
    choose_file (self, kind, NULL);
}

static void
issue_outcome_activated (GtkWidget  *widget,
                         const char *action,
                         GVariant   *parameter)
{
  issue (CAIRN_CONFERENCE_EDITOR (widget), CAIRN_DOCUMENT_OUTCOME);
}

static void
issue_minutes_activated (GtkWidget  *widget,
                         const char *action,
                         GVariant   *parameter)
{
  issue (CAIRN_CONFERENCE_EDITOR (widget), CAIRN_DOCUMENT_MINUTES);
}

static void
reopen_with (CairnConferenceEditor *self,
             CairnDocumentKind      kind,
             const char            *correction)
{
  g_autoptr (GError) error = NULL;

  if (!cairn_store_reopen_conference (self->store, self->conference->id, correction, &error))
    {
      show_problem (self, error->message);
      return;
    }
  rebuild (self);
  g_signal_emit (self, signals[STATUS_CHANGED], 0, self->conference->status);
}

static void
reopen_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CairnConferenceEditor *self = CAIRN_CONFERENCE_EDITOR (widget);

  if (self->conference == NULL)
    return;
  if (g_strcmp0 (self->conference->status, "issued") == 0)
    ask_correction (self, CAIRN_DOCUMENT_MINUTES, _("Correct the issued minutes?"), reopen_with);
  else
    reopen_with (self, CAIRN_DOCUMENT_MINUTES, NULL);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  CairnConferenceEditor *self = CAIRN_CONFERENCE_EDITOR (widget);
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
  CairnConferenceEditor *self = CAIRN_CONFERENCE_EDITOR (widget);

  gtk_toggle_button_set_active (self->preview_toggle, !gtk_toggle_button_get_active (self->preview_toggle));
}

static void
preview_toggled (CairnConferenceEditor *self)
{
  gtk_widget_set_visible (self->preview_box, gtk_toggle_button_get_active (self->preview_toggle));
  update_preview (self);
}

static void
document_changed (CairnConferenceEditor *self)
{
  update_preview (self);
}

/* ---- Public API ---------------------------------------------------------- */

/**
 * cairn_conference_editor_set_store:
 * @store: (nullable): the board's database, signed in
 *
 * Edits go to @store, each field in its own transaction; the store is set
 * to commit durably (cairn_store_set_durable()) so that a power cut loses at
 * most the field being typed.
 */
void
cairn_conference_editor_set_store (CairnConferenceEditor *self,
                                   CairnStore            *store)
{
  g_return_if_fail (CAIRN_IS_CONFERENCE_EDITOR (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    cairn_autosave_flush (self->autosave, NULL);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->ref_text, g_free);
  g_clear_pointer (&self->conference, cairn_conference_free);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  if (store != NULL)
    {
      cairn_store_set_durable (store, TRUE, NULL);
      self->agencies = cairn_store_list_agencies (store, NULL);
    }
  if (self->agencies == NULL)
    self->agencies = g_ptr_array_new ();
}

CairnStore *
cairn_conference_editor_get_store (CairnConferenceEditor *self)
{
  return self->store;
}

/**
 * cairn_conference_editor_open:
 * @ref: a conference, CF-YYYY-NNNN
 *
 * Shows the conference for editing (saving what was being typed in the one
 * shown before). Opening a conference record is written to the audit trail
 * for each child.
 */
gboolean
cairn_conference_editor_open (CairnConferenceEditor  *self,
                              const char             *ref,
                              GError                **error)
{
  CairnRef parsed;
  CairnRef previous = self->ref;
  g_autofree char *previous_text = NULL;

  g_return_val_if_fail (CAIRN_IS_CONFERENCE_EDITOR (self), FALSE);
  if (self->store == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Conference: no board database is open"));
      return FALSE;
    }
  if (!cairn_ref_parse (_("Conference"), ref, CAIRN_REF_CONFERENCE, &parsed, error))
    return FALSE;
  cairn_autosave_flush (self->autosave, NULL);
  previous_text = g_steal_pointer (&self->ref_text);
  self->ref = parsed;
  if (!load (self, error))
    {
      self->ref = previous;
      self->ref_text = g_steal_pointer (&previous_text);
      return FALSE;
    }
  self->ref_text = cairn_conference_dup_ref (self->conference);
  cairn_store_record_conference_read (self->store, self->conference, _("opened in the conference editor"), NULL);
  show_problem (self, NULL);
  g_clear_pointer (&self->save_state, g_free);
  rebuild (self);
  return TRUE;
}

const char *
cairn_conference_editor_get_ref (CairnConferenceEditor *self)
{
  return self->ref_text;
}

/**
 * cairn_conference_editor_flush:
 *
 * Saves every field changed and not yet saved.
 *
 * Returns: %FALSE when a value was refused (it stays marked in its field)
 */
gboolean
cairn_conference_editor_flush (CairnConferenceEditor *self)
{
  return cairn_autosave_flush (self->autosave, NULL);
}

/* The pause after typing before a field is saved (focus leaving saves at once). */
void
cairn_conference_editor_set_autosave_delay (CairnConferenceEditor *self,
                                            guint                  milliseconds)
{
  cairn_autosave_set_delay (self->autosave, milliseconds);
}

static void
cairn_conference_editor_dispose (GObject *object)
{
  CairnConferenceEditor *self = CAIRN_CONFERENCE_EDITOR (object);

  if (self->autosave != NULL && self->store != NULL)
    cairn_autosave_flush (self->autosave, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* AdwBin 1.2 unparents its child itself: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_CONFERENCE_EDITOR);
  g_clear_object (&self->autosave);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->conference, cairn_conference_free);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cairn_conference_editor_parent_class)->dispose (object);
}

static void
cairn_conference_editor_finalize (GObject *object)
{
  CairnConferenceEditor *self = CAIRN_CONFERENCE_EDITOR (object);

  g_free (self->ref_text);
  g_free (self->save_state);
  G_OBJECT_CLASS (cairn_conference_editor_parent_class)->finalize (object);
}

static void
cairn_conference_editor_class_init (CairnConferenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_conference_editor_dispose;
  object_class->finalize = cairn_conference_editor_finalize;

  /**
   * CairnConferenceEditor::saved:
   * @field: what was saved ("venue", "attendance", …)
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CairnConferenceEditor::status-changed:
   * @status: draft, approved or issued
   */
  signals[STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CairnConferenceEditor::issued:
   * @document: a #CairnDocumentKind
   * @version: the version issued
   * @path: the file written
   */
  signals[ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_STRING);

  g_type_ensure (CAIRN_TYPE_DOCUMENT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-conference-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, approve_button);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, form);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, preview_box);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, held_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, venue_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, chair_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, minute_taker_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, quorum_reason_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, attendees_grid);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, child_views_label);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, parents_view);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, child_view);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, strengths_view);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, risks_view);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, children_notebook);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CairnConferenceEditor, preview);

  gtk_widget_class_install_action (widget_class, "editor.approve", NULL, approve_activated);
  gtk_widget_class_install_action (widget_class, "editor.reopen", NULL, reopen_activated);
  gtk_widget_class_install_action (widget_class, "editor.issue-outcome", NULL, issue_outcome_activated);
  gtk_widget_class_install_action (widget_class, "editor.issue-minutes", NULL, issue_minutes_activated);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-attendee", NULL, add_attendee_activated);
  gtk_widget_class_install_action (widget_class, "editor.toggle-preview", NULL, toggle_preview_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.approve", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.approve", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.issue-outcome", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.issue-minutes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "editor.toggle-preview", NULL);
}

static void
cairn_conference_editor_init (CairnConferenceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->autosave = cairn_autosave_new (0);
  self->pages = g_ptr_array_new_with_free_func (child_page_free);
  self->agencies = g_ptr_array_new ();
  g_signal_connect_swapped (self->autosave, "saved", G_CALLBACK (field_saved_cb), self);
  g_signal_connect_swapped (self->autosave, "failed", G_CALLBACK (failed_cb), self);
  g_signal_connect_swapped (self->preview_toggle, "toggled", G_CALLBACK (preview_toggled), self);
  g_signal_connect_swapped (self->document_dropdown, "notify::selected", G_CALLBACK (document_changed), self);

  bind_field (self, GTK_WIDGET (self->held_entry), "held-at", SCOPE_CONFERENCE, 0, CAIRN_CONFERENCE_FIELD_HELD_AT, NULL);
  bind_field (self, GTK_WIDGET (self->venue_entry), "venue", SCOPE_CONFERENCE, 0, CAIRN_CONFERENCE_FIELD_VENUE, NULL);
  bind_field (self, GTK_WIDGET (self->chair_entry), "chair", SCOPE_CONFERENCE, 0, CAIRN_CONFERENCE_FIELD_CHAIR, NULL);
  bind_field (self, GTK_WIDGET (self->minute_taker_entry), "minute-taker", SCOPE_CONFERENCE, 0,
              CAIRN_CONFERENCE_FIELD_MINUTE_TAKER, NULL);
  bind_field (self, GTK_WIDGET (self->quorum_reason_entry), "quorum-reason", SCOPE_CONFERENCE, 0,
              CAIRN_CONFERENCE_FIELD_QUORATE_REASON, NULL);
  bind_field (self, GTK_WIDGET (self->parents_view), "parents-views", SCOPE_CONFERENCE, 0,
              CAIRN_CONFERENCE_FIELD_PARENTS_VIEWS, NULL);
  bind_field (self, GTK_WIDGET (self->child_view), "child-views", SCOPE_CONFERENCE, 0,
              CAIRN_CONFERENCE_FIELD_CHILD_VIEWS, NULL);
  bind_field (self, GTK_WIDGET (self->strengths_view), "strengths", SCOPE_CONFERENCE, 0,
              CAIRN_CONFERENCE_FIELD_STRENGTHS, NULL);
  bind_field (self, GTK_WIDGET (self->risks_view), "risks", SCOPE_CONFERENCE, 0, CAIRN_CONFERENCE_FIELD_RISKS,
              NULL);
  for (const char *const *a = (const char *const[]) { "editor.approve", "editor.reopen", "editor.issue-outcome",
                                                       "editor.issue-minutes", "editor.add-attendee", NULL };
       *a; a++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *a, FALSE);
}

CairnConferenceEditor *
cairn_conference_editor_new (void)
{
  return g_object_new (CAIRN_TYPE_CONFERENCE_EDITOR, NULL);
}
