/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-scr-workspace"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-anonymiser.h"
#include "cairn-autosave.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pdf-preview.h"
#include "cairn-pdf-writer.h"
#include "cairn-scr-action-plan.h"
#include "cairn-scr-leaks-dialog.h"
#include "cairn-scr-report.h"
#include "cairn-scr-store.h"
#include "cairn-scr-workspace-private.h"
#include "cairn-text-area.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"

/* The preview is laid out again this long after the last saved change. */
#define PREVIEW_DELAY_MS 300

/**
 * CairnScrWorkspace:
 *
 * Where a serious case review panel records and revises one review and
 * writes its executive summary (Annex B of "One Year On"): the trigger and
 * the decision, the three named officers and the statement of their
 * independence, the panel by job title and organisation, parallel
 * processes, the family's involvement, the five sections of the summary,
 * the recommendations and the action plan, the pseudonyms and how dates are
 * shown, and the numbered versions with their sign-off, Ofsted and
 * publication dates. Beside it, a live preview of the PDF.
 *
 * Every field is saved through the store on its own, as it is edited
 * (cairn-autosave.h), so each edit is one transaction; the text widgets
 * keep their own undo (Ctrl+Z). What the signed-in user may do comes from
 * the store: a user who may read the draft but not change it sees it read
 * only, with the reason; one who may not read it sees nothing of it.
 *
 *   CairnScrWorkspace *workspace = cairn_scr_workspace_new ();
 *   cairn_scr_workspace_set_store (workspace, store);
 *   if (!cairn_scr_workspace_open (workspace, 2012, 1, &error))
 *     … the workspace already says why …
 */
struct _CairnScrWorkspace
{
  GtkWidget parent_instance;

  CairnStore *store;
  CairnScr *scr;
  char *reference;
  gboolean may_edit;
  gboolean may_publish;
  CairnAutosave *autosave;
  guint preview_id;
  guint versions_idle_id;
  GPtrArray *panel_rows;
  GPtrArray *imr_rows;
  GPtrArray *pseudonym_rows;
  GPtrArray *release_rows;
  GPtrArray *version_rows;
  gboolean loading;
  gboolean flushing;
  int paned_max;                /* the panes' width when the split was last set */
  int paned_set;                /* the split set then */
  gboolean paned_user;          /* the user has moved the split */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  AdwStatusPage *denied_page;
  GtkLabel *ref_label;
  GtkLabel *subtitle_label;
  GtkWidget *readonly_box;
  GtkLabel *readonly_label;
  GtkToggleButton *preview_toggle;
  GtkPaned *paned;
  AdwViewStack *view_stack;
  CairnScrPreview *preview;
  CairnScrActionPlan *action_plan;

  GtkWidget *title_row;
  GtkWidget *stage_row;
  GtkWidget *criterion_row;
  GtkWidget *incident_row;
  GtkWidget *notified_row;
  GtkWidget *decision_row;
  GtkWidget *decision_on_row;
  GtkWidget *scope_from_row;
  GtkWidget *scope_to_row;
  GtkWidget *completed_row;
  GtkWidget *trigger_view;
  GtkWidget *lscb_chair_row;
  GtkWidget *panel_chair_row;
  GtkWidget *author_row;
  GtkWidget *independence_view;
  AdwPreferencesGroup *panel_group;
  GtkWidget *add_member_button;
  GtkPopover *add_member_popover;
  GtkEntry *new_member_name;
  GtkEntry *new_member_title;
  GtkEntry *new_member_organisation;
  GtkWidget *parallel_view;
  GtkWidget *family_view;
  AdwPreferencesGroup *imr_group;
  GtkWidget *section_introduction;
  GtkWidget *section_facts;
  GtkWidget *section_key_issues;
  GtkWidget *section_learning;
  GtkWidget *section_recommendations;
  AdwActionRow *dates_month_row;
  AdwActionRow *dates_age_row;
  GtkCheckButton *dates_month_check;
  GtkCheckButton *dates_age_check;
  AdwPreferencesGroup *pseudonym_group;
  AdwPreferencesGroup *release_group;
  AdwPreferencesGroup *versions_group;
};

G_DEFINE_FINAL_TYPE (CairnScrWorkspace, cairn_scr_workspace, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_REFERENCE,
  PROP_TITLE,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The review's own fields that the Review page edits. */
typedef enum
{
  F_TITLE,
  F_STAGE,
  F_CRITERION,
  F_DECISION,
  F_TRIGGER,
  F_LSCB_CHAIR,
  F_PANEL_CHAIR,
  F_AUTHOR,
  F_INDEPENDENCE,
  F_PARALLEL,
  F_FAMILY,
  F_INCIDENT,     /* dates from here on */
  F_NOTIFIED,
  F_DECISION_ON,
  F_SCOPE_FROM,
  F_SCOPE_TO,
  F_COMPLETED,
  N_FIELDS
} ScrField;

#define FIRST_DATE_FIELD F_INCIDENT

static const char *date_field_names[] = {
  [F_INCIDENT] = N_("Incident on"),
  [F_NOTIFIED] = N_("Notified on"),
  [F_DECISION_ON] = N_("Decision on"),
  [F_SCOPE_FROM] = N_("Scope from"),
  [F_SCOPE_TO] = N_("Scope to"),
  [F_COMPLETED] = N_("Completed on"),
};

static char **
text_slot (CairnScr *scr,
           ScrField  field)
{
  switch (field)
    {
    case F_TITLE: return &scr->title;
    case F_STAGE: return &scr->stage;
    case F_CRITERION: return &scr->criterion;
    case F_DECISION: return &scr->decision;
    case F_TRIGGER: return &scr->trigger_summary;
    case F_LSCB_CHAIR: return &scr->lscb_chair;
    case F_PANEL_CHAIR: return &scr->panel_chair;
    case F_AUTHOR: return &scr->overview_author;
    case F_INDEPENDENCE: return &scr->independence_statement;
    case F_PARALLEL: return &scr->parallel_processes;
    case F_FAMILY: return &scr->family_involvement;
    default: g_assert_not_reached ();
    }
}

static GDate *
date_slot (CairnScr *scr,
           ScrField  field)
{
  switch (field)
    {
    case F_INCIDENT: return &scr->incident_on;
    case F_NOTIFIED: return &scr->notified_on;
    case F_DECISION_ON: return &scr->decision_on;
    case F_SCOPE_FROM: return &scr->scope_from;
    case F_SCOPE_TO: return &scr->scope_to;
    case F_COMPLETED: return &scr->completed_on;
    default: g_assert_not_reached ();
    }
}

static GtkWidget *
field_widget (CairnScrWorkspace *self,
              ScrField           field)
{
  GtkWidget *widgets[N_FIELDS] = {
    [F_TITLE] = self->title_row,
    [F_STAGE] = self->stage_row,
    [F_CRITERION] = self->criterion_row,
    [F_DECISION] = self->decision_row,
    [F_TRIGGER] = self->trigger_view,
    [F_LSCB_CHAIR] = self->lscb_chair_row,
    [F_PANEL_CHAIR] = self->panel_chair_row,
    [F_AUTHOR] = self->author_row,
    [F_INDEPENDENCE] = self->independence_view,
    [F_PARALLEL] = self->parallel_view,
    [F_FAMILY] = self->family_view,
    [F_INCIDENT] = self->incident_row,
    [F_NOTIFIED] = self->notified_row,
    [F_DECISION_ON] = self->decision_on_row,
    [F_SCOPE_FROM] = self->scope_from_row,
    [F_SCOPE_TO] = self->scope_to_row,
    [F_COMPLETED] = self->completed_row,
  };

  return widgets[field];
}

static GtkWidget *
section_widget (CairnScrWorkspace *self,
                CairnScrSection    section)
{
  GtkWidget *widgets[CAIRN_SCR_N_SECTIONS] = {
    [CAIRN_SCR_SECTION_INTRODUCTION] = self->section_introduction,
    [CAIRN_SCR_SECTION_FACTS] = self->section_facts,
    [CAIRN_SCR_SECTION_KEY_ISSUES] = self->section_key_issues,
    [CAIRN_SCR_SECTION_LEARNING] = self->section_learning,
    [CAIRN_SCR_SECTION_RECOMMENDATIONS] = self->section_recommendations,
  };

  return widgets[section];
}

CairnScrWorkspace *
cairn_scr_workspace_new (void)
{
  return g_object_new (CAIRN_TYPE_SCR_WORKSPACE, NULL);
}

static void
toast (CairnScrWorkspace *self,
       const char        *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static GtkWindow *
parent_window (CairnScrWorkspace *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The store's refusal without the name of the action in front ("change a serious case review: "). */
static const char *
refusal_reason (const char  *message,
                CairnAction  action)
{
  const char *label = cairn_action_label (action);
  gsize n = strlen (label);

  if (message != NULL && strncmp (message, label, n) == 0 && strncmp (message + n, ": ", 2) == 0)
    return message + n + 2;
  return message;
}

static void
message_dialog (CairnScrWorkspace *self,
                const char        *heading,
                const char        *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The preview -------------------------------------------------------- */

static CairnDocument *
build_document (CairnScrWorkspace *self)
{
  g_autoptr (CairnAnonymiser) anon = cairn_anonymiser_new (self->scr);
  CairnScrReportOptions options = { .publishable = FALSE, .version = 0, .creation_date = NULL };

  return cairn_scr_report_build (self->scr, anon, &options);
}

static gboolean
preview_timeout (gpointer data)
{
  CairnScrWorkspace *self = data;
  g_autoptr (CairnDocument) doc = NULL;

  self->preview_id = 0;
  if (self->scr == NULL)
    return G_SOURCE_REMOVE;
  doc = build_document (self);
  cairn_scr_preview_set_document (self->preview, doc);
  return G_SOURCE_REMOVE;
}

/* Lays the preview out again once the changes settle; stale renders are cancelled by the pane. */
static void
queue_preview (CairnScrWorkspace *self)
{
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout, self);
}

static void
saved (CairnScrWorkspace *self)
{
  queue_preview (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- Reloading what the store derives ----------------------------------- */

/* Reads again what other parts of the record decide: everyone linked to
 * the case (panel names are identifiers), pseudonyms, releases, versions
 * and the dates versions set. The fields being edited are left alone. */
static gboolean
refresh_derived (CairnScrWorkspace *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) fresh = cairn_store_get_scr (self->store, self->scr->year, self->scr->number, &error);
  GPtrArray *tmp;

  if (fresh == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
#define SWAP(field) (tmp = self->scr->field, self->scr->field = fresh->field, fresh->field = tmp)
  SWAP (people);
  SWAP (pseudonyms);
  SWAP (releases);
  SWAP (versions);
#undef SWAP
  self->scr->sent_to_ofsted_on = fresh->sent_to_ofsted_on;
  self->scr->published_on = fresh->published_on;
  return TRUE;
}

/* ---- The Review and Summary pages --------------------------------------- */

static void
update_header (CairnScrWorkspace *self)
{
  g_autofree char *subtitle = NULL;

  if (self->scr == NULL)
    return;
  gtk_label_set_label (self->ref_label, self->reference);
  subtitle = cairn_str_empty (self->scr->stage)
               ? g_strdup (self->scr->title ? self->scr->title : "")
               : g_strdup_printf (_("%s · %s"), cairn_str_empty (self->scr->title) ? _("Untitled review")
                                                                                 : self->scr->title,
                                  self->scr->stage);
  gtk_label_set_label (self->subtitle_label, subtitle);
}

static gboolean
save_review_field (GtkWidget   *widget,
                   const char  *text,
                   gpointer     user_data,
                   GError     **error)
{
  CairnScrWorkspace *self = user_data;
  ScrField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "cairn-scr-field"));

  g_return_val_if_fail (self->scr != NULL, FALSE);
  if (field >= FIRST_DATE_FIELD)
    {
      GDate *slot = date_slot (self->scr, field);
      GDate old = *slot;
      g_autofree char *trimmed = g_strstrip (g_strdup (text));

      if (!cairn_date_parse_optional (_(date_field_names[field]), trimmed, slot, error))
        {
          *slot = old;
          return FALSE;
        }
      if (!cairn_store_update_scr (self->store, self->scr, error))
        {
          *slot = old;
          return FALSE;
        }
    }
  else
    {
      char **slot = text_slot (self->scr, field);
      char *old = g_steal_pointer (slot);

      *slot = g_strdup (text);
      if (!cairn_store_update_scr (self->store, self->scr, error))
        {
          g_free (*slot);
          *slot = old;
          return FALSE;
        }
      g_free (old);
    }
  if (field == F_TITLE || field == F_STAGE)
    {
      update_header (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  /* The named officers are not identifiers; everyone else on the panel is. */
  if (field == F_LSCB_CHAIR || field == F_PANEL_CHAIR || field == F_AUTHOR)
    refresh_derived (self);
  saved (self);
  return TRUE;
}

static gboolean
save_section (GtkWidget   *widget,
              const char  *text,
              gpointer     user_data,
              GError     **error)
{
  CairnScrWorkspace *self = user_data;
  CairnScrSection section = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "cairn-scr-section"));

  g_return_val_if_fail (self->scr != NULL, FALSE);
  if (!cairn_store_set_scr_section (self->store, self->scr->id, section, text, error))
    return FALSE;
  cairn_set_str (&self->scr->sections[section], text);
  saved (self);
  return TRUE;
}

static void
load_fields (CairnScrWorkspace *self)
{
  for (int f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *widget = field_widget (self, f);
      if (f >= FIRST_DATE_FIELD)
        {
          g_autofree char *text = cairn_date_to_string (date_slot (self->scr, f));
          cairn_autosave_set_text (self->autosave, widget, text);
        }
      else
        cairn_autosave_set_text (self->autosave, widget, *text_slot (self->scr, f));
    }
  for (int s = 0; s < CAIRN_SCR_N_SECTIONS; s++)
    cairn_autosave_set_text (self->autosave, section_widget (self, s), self->scr->sections[s]);
}

/* Rows added to a preferences group in code, removed before they are made again. */
static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static gboolean
save_member (GtkWidget   *widget,
             const char  *text,
             gpointer     user_data,
             GError     **error)
{
  CairnScrWorkspace *self = user_data;
  gint64 *id = g_object_get_data (G_OBJECT (widget), "cairn-member");
  int part = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "cairn-member-part"));
  CairnScrPanelMember *member = (CairnScrPanelMember *) cairn_scr_find_panel_member (self->scr, *id);
  g_autoptr (CairnScrPanelMember) update = cairn_scr_panel_member_new ();

  g_return_val_if_fail (member != NULL, FALSE);
  update->id = member->id;
  update->name = g_strdup (part == 0 ? text : member->name);
  update->job_title = g_strdup (part == 1 ? text : member->job_title);
  update->organisation = g_strdup (part == 2 ? text : member->organisation);
  if (!cairn_store_update_scr_panel_member (self->store, update, error))
    return FALSE;
  cairn_set_str (&member->name, update->name);
  cairn_set_str (&member->job_title, update->job_title);
  cairn_set_str (&member->organisation, update->organisation);
  if (part == 0)
    refresh_derived (self);
  saved (self);
  return TRUE;
}

static GtkWidget *
member_entry (CairnScrWorkspace         *self,
              const CairnScrPanelMember *member,
              int                        part,
              const char                *label,
              const char                *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_hexpand (entry, TRUE);
  g_object_set_data_full (G_OBJECT (entry), "cairn-member", g_memdup2 (&member->id, sizeof member->id), g_free);
  g_object_set_data (G_OBJECT (entry), "cairn-member-part", GINT_TO_POINTER (part));
  cairn_autosave_bind (self->autosave, entry, NULL, save_member, self, NULL);
  cairn_autosave_set_text (self->autosave, entry, text);
  cairn_autosave_set_field_editable (self->autosave, entry, self->may_edit);
  return entry;
}

/* The heads of the three columns of entries. */
static GtkWidget *
panel_header_row (void)
{
  const char *heads[] = { N_("Name"), N_("Job title"), N_("Employing organisation") };
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (gsize i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      GtkWidget *label = gtk_label_new (_(heads[i]));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 2);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Panel members"));
  return row;
}

static void
build_panel_rows (CairnScrWorkspace *self)
{
  clear_rows (self->panel_group, self->panel_rows);
  if (self->scr->panel->len > 0)
    add_row (self->panel_group, self->panel_rows, panel_header_row ());
  for (guint i = 0; i < self->scr->panel->len; i++)
    {
      const CairnScrPanelMember *m = g_ptr_array_index (self->scr->panel, i);
      /* A preferences row, so that the group puts it in its list. */
      GtkWidget *row = adw_preferences_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->job_title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
      gtk_box_append (GTK_BOX (box), member_entry (self, m, 0, _("Name"), m->name));
      gtk_box_append (GTK_BOX (box), member_entry (self, m, 1, _("Job title"), m->job_title));
      gtk_box_append (GTK_BOX (box), member_entry (self, m, 2, _("Employing organisation"), m->organisation));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      add_row (self->panel_group, self->panel_rows, row);
    }
  if (self->scr->panel->len == 0)
    add_row (self->panel_group, self->panel_rows, placeholder_row (_("No panel members recorded")));
}

static void
add_member (CairnScrWorkspace *self)
{
  g_autoptr (CairnScrPanelMember) member = cairn_scr_panel_member_new ();
  g_autoptr (GError) error = NULL;

  g_return_if_fail (self->scr != NULL);
  member->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_member_name))));
  member->job_title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_member_title))));
  member->organisation =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_member_organisation))));
  if (!cairn_store_add_scr_panel_member (self->store, self->scr->id, member, &error))
    {
      toast (self, error->message);
      return;
    }
  g_ptr_array_add (self->scr->panel, g_steal_pointer (&member));
  gtk_editable_set_text (GTK_EDITABLE (self->new_member_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_member_title), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_member_organisation), "");
  gtk_popover_popdown (self->add_member_popover);
  build_panel_rows (self);
  refresh_derived (self);
  saved (self);
}

static void
build_imr_rows (CairnScrWorkspace *self)
{
  clear_rows (self->imr_group, self->imr_rows);
  for (guint i = 0; i < self->scr->imrs->len; i++)
    {
      const CairnScrImr *imr = g_ptr_array_index (self->scr->imrs, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *received = cairn_date_to_display (&imr->received_on);
      g_autofree char *subtitle = NULL;

      if (!cairn_str_empty (imr->author) && cairn_date_is_set (&imr->received_on))
        subtitle = g_strdup_printf (_("Written by %s; received on %s"), imr->author, received);
      else if (!cairn_str_empty (imr->author))
        subtitle = g_strdup_printf (_("Written by %s"), imr->author);
      else if (cairn_date_is_set (&imr->received_on))
        subtitle = g_strdup_printf (_("Received on %s"), received);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     imr->agency_name ? imr->agency_name : imr->agency_code);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_row (self->imr_group, self->imr_rows, row);
    }
  if (self->scr->imrs->len == 0)
    add_row (self->imr_group, self->imr_rows, placeholder_row (_("None recorded")));
}

/* ---- The Anonymisation page --------------------------------------------- */

static void
update_date_examples (CairnScrWorkspace *self)
{
  CairnScrDateDisplay chosen = self->scr->date_display;
  GDate example = self->scr->incident_on;

  if (!cairn_date_is_set (&example))
    example = self->scr->decision_on;
  for (int mode = CAIRN_SCR_DATES_MONTH_YEAR; mode <= CAIRN_SCR_DATES_AGE; mode++)
    {
      g_autoptr (CairnAnonymiser) anon = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *real = cairn_date_to_display (&example);
      g_autofree char *subtitle = NULL;

      self->scr->date_display = mode;
      anon = cairn_anonymiser_new (self->scr);
      shown = cairn_anonymiser_format_date (anon, &example);
      if (cairn_date_is_set (&example))
        subtitle = g_strdup_printf (_("%s is shown as “%s”"), real, shown);
      adw_action_row_set_subtitle (mode == CAIRN_SCR_DATES_AGE ? self->dates_age_row : self->dates_month_row,
                                   subtitle);
    }
  self->scr->date_display = chosen;
}

static void
date_display_toggled (CairnScrWorkspace *self)
{
  CairnScrDateDisplay display = gtk_check_button_get_active (self->dates_age_check) ? CAIRN_SCR_DATES_AGE
                                                                                     : CAIRN_SCR_DATES_MONTH_YEAR;
  g_autoptr (GError) error = NULL;

  if (self->loading || self->scr == NULL || display == self->scr->date_display)
    return;
  if (!cairn_store_set_scr_date_display (self->store, self->scr->id, display, &error))
    {
      toast (self, error->message);
      self->loading = TRUE;
      gtk_check_button_set_active (self->scr->date_display == CAIRN_SCR_DATES_AGE ? self->dates_age_check
                                                                                  : self->dates_month_check,
                                   TRUE);
      self->loading = FALSE;
      return;
    }
  self->scr->date_display = display;
  saved (self);
}

static gboolean
is_adjusted (CairnScrWorkspace *self,
             const char        *key)
{
  for (guint i = 0; i < self->scr->pseudonyms->len; i++)
    if (g_strcmp0 (((CairnScrPseudonym *) g_ptr_array_index (self->scr->pseudonyms, i))->subject_key, key) == 0)
      return TRUE;
  return FALSE;
}

static void
update_pseudonym_row (CairnScrWorkspace *self,
                      GtkWidget         *row,
                      gboolean           reload_text)
{
  const char *key = g_object_get_data (G_OBJECT (row), "cairn-key");
  GtkWidget *reset = g_object_get_data (G_OBJECT (row), "cairn-reset");

  gtk_widget_set_visible (reset, self->may_edit && is_adjusted (self, key));
  if (reload_text)
    {
      g_autoptr (CairnAnonymiser) anon = cairn_anonymiser_new (self->scr);
      cairn_autosave_set_text (self->autosave, row, cairn_anonymiser_get_pseudonym (anon, key));
    }
}

static gboolean
save_pseudonym (GtkWidget   *row,
                const char  *text,
                gpointer     user_data,
                GError     **error)
{
  CairnScrWorkspace *self = user_data;
  const char *key = g_object_get_data (G_OBJECT (row), "cairn-key");
  g_autofree char *value = g_strstrip (g_strdup (text));

  if (*value != '\0')
    {
      g_autoptr (CairnAnonymiser) anon = cairn_anonymiser_new (self->scr);
      if (!cairn_anonymiser_check_pseudonym (anon, key, value, error))
        return FALSE;
    }
  if (!cairn_store_set_scr_pseudonym (self->store, self->scr->id, key, *value ? value : NULL, error))
    return FALSE;
  refresh_derived (self);
  update_pseudonym_row (self, row, *value == '\0');
  saved (self);
  return TRUE;
}

static void
reset_pseudonym (GtkButton *button,
                 gpointer   user_data)
{
  CairnScrWorkspace *self = user_data;
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "cairn-row");
  const char *key = g_object_get_data (G_OBJECT (row), "cairn-key");
  g_autoptr (GError) error = NULL;

  if (!cairn_store_set_scr_pseudonym (self->store, self->scr->id, key, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  refresh_derived (self);
  update_pseudonym_row (self, row, TRUE);
  saved (self);
}

static void
build_pseudonym_rows (CairnScrWorkspace *self)
{
  g_autoptr (CairnAnonymiser) anon = cairn_anonymiser_new (self->scr);
  GPtrArray *mapping = cairn_anonymiser_get_mapping (anon);

  clear_rows (self->pseudonym_group, self->pseudonym_rows);
  for (guint i = 0; i < mapping->len; i++)
    {
      const CairnPseudonymEntry *entry = g_ptr_array_index (mapping, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      g_autofree char *title = cairn_str_empty (entry->real_name)
                                 ? g_strdup (entry->role)
                                 : g_strdup_printf (_("%s, %s"), entry->real_name, entry->role);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_object_set_data_full (G_OBJECT (row), "cairn-key", g_strdup (entry->key), g_free);
      g_object_set_data (G_OBJECT (row), "cairn-reset", reset);
      gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (reset, _("Go back to the pseudonym Cairn gives"));
      gtk_widget_add_css_class (reset, "flat");
      g_object_set_data (G_OBJECT (reset), "cairn-row", row);
      g_signal_connect (reset, "clicked", G_CALLBACK (reset_pseudonym), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), reset);
      cairn_autosave_bind (self->autosave, row, NULL, save_pseudonym, self, NULL);
      cairn_autosave_set_text (self->autosave, row, entry->pseudonym);
      cairn_autosave_set_field_editable (self->autosave, row, self->may_edit);
      update_pseudonym_row (self, row, FALSE);
      add_row (self->pseudonym_group, self->pseudonym_rows, row);
    }
  if (mapping->len == 0)
    add_row (self->pseudonym_group, self->pseudonym_rows,
             placeholder_row (_("Nobody is linked to this review: link it to the child's record")));
}

static void
build_release_rows (CairnScrWorkspace *self)
{
  clear_rows (self->release_group, self->release_rows);
  for (guint i = 0; i < self->scr->releases->len; i++)
    {
      const CairnScrRelease *r = g_ptr_array_index (self->scr->releases, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *on = cairn_date_to_display (&r->released_on);
      g_autofree char *subtitle = g_strdup_printf (_("Released by %s on %s: %s"), r->released_by, on, r->reason);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->word);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      add_row (self->release_group, self->release_rows, row);
    }
  if (self->scr->releases->len == 0)
    add_row (self->release_group, self->release_rows, placeholder_row (_("None")));
}

/* ---- The Versions page -------------------------------------------------- */

typedef enum
{
  STEP_SIGN_OFF,
  STEP_OFSTED,
  STEP_PUBLISHED,
} VersionStep;

typedef struct
{
  CairnScrWorkspace *self;
  int version;
  VersionStep step;
  GtkPopover *popover;
  GtkEntry *name;
  GtkEntry *date;
  GtkLabel *problem;
} StepForm;

static void build_version_rows (CairnScrWorkspace *self);

static gboolean
rebuild_versions_idle (gpointer data)
{
  CairnScrWorkspace *self = data;

  self->versions_idle_id = 0;
  if (self->scr != NULL)
    {
      build_version_rows (self);
      build_release_rows (self);
    }
  return G_SOURCE_REMOVE;
}

/* The version rows hold the button that asked for this: make them again once it has returned. */
static void
queue_versions_rebuild (CairnScrWorkspace *self)
{
  if (self->versions_idle_id == 0)
    self->versions_idle_id = g_idle_add (rebuild_versions_idle, self);
}

static void
record_step (GtkButton *button,
             StepForm  *form)
{
  CairnScrWorkspace *self = form->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->date))));
  GDate on;
  gboolean ok = FALSE;

  if (cairn_date_parse (_("On"), text, &on, &error))
    switch (form->step)
      {
      case STEP_SIGN_OFF:
        ok = cairn_store_sign_off_scr_version (self->store, self->scr->id, form->version,
                                               gtk_editable_get_text (GTK_EDITABLE (form->name)), &on, &error);
        break;
      case STEP_OFSTED:
        ok = cairn_store_record_scr_version_sent_to_ofsted (self->store, self->scr->id, form->version, &on,
                                                            &error);
        break;
      case STEP_PUBLISHED:
        ok = cairn_store_record_scr_version_published (self->store, self->scr->id, form->version, &on, &error);
        break;
      }
  if (!ok)
    {
      gtk_label_set_label (form->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (form->problem), TRUE);
      return;
    }
  gtk_popover_popdown (form->popover);
  refresh_derived (self);
  queue_versions_rebuild (self);
  saved (self);
}

static GtkWidget *
labelled_entry (GtkBox     *box,
                const char *label,
                const char *text)
{
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (box, title);
  gtk_box_append (box, entry);
  return entry;
}

static GtkWidget *
step_button (CairnScrWorkspace *self,
             int                version,
             VersionStep        step)
{
  static const char *labels[] = { N_("Sign Off…"), N_("Sent to Ofsted…"), N_("Published…") };
  static const char *actions[] = { N_("_Sign Off"), N_("_Record"), N_("_Record") };
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *record = gtk_button_new_with_mnemonic (_(actions[step]));
  GtkWidget *problem = gtk_label_new (NULL);
  StepForm *form = g_new0 (StepForm, 1);
  g_autofree char *today_text = NULL;
  GDate today;

  cairn_store_get_today (self->store, &today);
  today_text = cairn_date_to_string (&today);
  form->self = self;
  form->version = version;
  form->step = step;
  form->popover = GTK_POPOVER (popover);
  if (step == STEP_SIGN_OFF)
    form->name = GTK_ENTRY (labelled_entry (GTK_BOX (box), _("Signed off by"),
                                            cairn_str_empty (self->scr->panel_chair)
                                              ? cairn_store_get_user_display_name (self->store)
                                              : self->scr->panel_chair));
  form->date = GTK_ENTRY (labelled_entry (GTK_BOX (box), _("On (YYYY-MM-DD)"), today_text));
  form->problem = GTK_LABEL (problem);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (problem), 36);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  gtk_box_append (GTK_BOX (box), problem);
  gtk_widget_set_halign (record, GTK_ALIGN_END);
  gtk_widget_add_css_class (record, "suggested-action");
  gtk_box_append (GTK_BOX (box), record);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data_full (G_OBJECT (record), "cairn-step", form, g_free);
  g_signal_connect (record, "clicked", G_CALLBACK (record_step), form);
  g_signal_connect_swapped (form->date, "activate", G_CALLBACK (gtk_widget_activate), record);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _(labels[step]));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
build_version_rows (CairnScrWorkspace *self)
{
  clear_rows (self->versions_group, self->version_rows);
  for (guint i = self->scr->versions->len; i > 0; i--)
    {
      const CairnScrVersion *v = g_ptr_array_index (self->scr->versions, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = v->publishable ? g_strdup_printf (_("Version %d, for publication"), v->version)
                                              : g_strdup_printf (_("Version %d, draft"), v->version);
      g_autofree char *created = cairn_date_to_display (&v->created_on);
      GString *subtitle = g_string_new (NULL);

      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "Written on %s, %d page, %s",
                                                     "Written on %s, %d pages, %s", v->n_pages),
                              created, v->n_pages, v->file_name);
      if (cairn_date_is_set (&v->signed_off_on))
        {
          g_autofree char *on = cairn_date_to_display (&v->signed_off_on);
          g_string_append (subtitle, "\n");
          g_string_append_printf (subtitle, _("Signed off by %s on %s"), v->signed_off_by, on);
        }
      if (cairn_date_is_set (&v->sent_to_ofsted_on))
        {
          g_autofree char *on = cairn_date_to_display (&v->sent_to_ofsted_on);
          g_string_append (subtitle, "\n");
          g_string_append_printf (subtitle, _("Sent to Ofsted on %s"), on);
        }
      if (cairn_date_is_set (&v->published_on))
        {
          g_autofree char *on = cairn_date_to_display (&v->published_on);
          g_string_append (subtitle, "\n");
          g_string_append_printf (subtitle, _("Published on %s"), on);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      g_string_free (subtitle, TRUE);
      if (self->may_publish)
        {
          if (!cairn_date_is_set (&v->signed_off_on))
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), step_button (self, v->version, STEP_SIGN_OFF));
          else
            {
              if (!cairn_date_is_set (&v->sent_to_ofsted_on))
                adw_action_row_add_suffix (ADW_ACTION_ROW (row), step_button (self, v->version, STEP_OFSTED));
              if (v->publishable && !cairn_date_is_set (&v->published_on))
                adw_action_row_add_suffix (ADW_ACTION_ROW (row), step_button (self, v->version, STEP_PUBLISHED));
            }
        }
      add_row (self->versions_group, self->version_rows, row);
    }
  if (self->scr->versions->len == 0)
    add_row (self->versions_group, self->version_rows, placeholder_row (_("No version has been exported yet")));
}

/* ---- Opening and permissions -------------------------------------------- */

static void
update_actions (CairnScrWorkspace *self)
{
  gboolean open = self->scr != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scr.export-draft", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scr.export-publishable", open && self->may_publish);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scr.print", open);
}

static void
apply_editable (CairnScrWorkspace *self,
                const char        *reason)
{
  cairn_autosave_set_editable (self->autosave, self->may_edit);
  gtk_widget_set_visible (self->add_member_button, self->may_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dates_month_row), self->may_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dates_age_row), self->may_edit);
  gtk_widget_set_visible (self->readonly_box, !self->may_edit);
  if (!self->may_edit)
    {
      g_autofree char *text = g_strdup_printf (_("Read only: %s."),
                                               reason ? refusal_reason (reason, CAIRN_ACTION_EDIT_SCR) : "");
      gtk_label_set_label (self->readonly_label, text);
    }
  update_actions (self);
}

/* Empties every field and list, so that nothing of a review stays behind the page. */
static void
clear_fields (CairnScrWorkspace *self)
{
  for (int f = 0; f < N_FIELDS; f++)
    cairn_autosave_set_text (self->autosave, field_widget (self, f), NULL);
  for (int s = 0; s < CAIRN_SCR_N_SECTIONS; s++)
    cairn_autosave_set_text (self->autosave, section_widget (self, s), NULL);
  clear_rows (self->panel_group, self->panel_rows);
  clear_rows (self->imr_group, self->imr_rows);
  clear_rows (self->pseudonym_group, self->pseudonym_rows);
  clear_rows (self->release_group, self->release_rows);
  clear_rows (self->versions_group, self->version_rows);
  gtk_label_set_label (self->ref_label, NULL);
  gtk_label_set_label (self->subtitle_label, NULL);
}

/* Forgets the open review (after saving what is pending) and shows @page. */
static void
close_review (CairnScrWorkspace *self,
              const char        *page)
{
  if (self->scr != NULL)
    cairn_scr_workspace_save (self, NULL);
  clear_fields (self);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_clear_handle_id (&self->versions_idle_id, g_source_remove);
  cairn_scr_action_plan_set_review (self->action_plan, self->store, NULL, FALSE);
  g_clear_pointer (&self->scr, cairn_scr_free);
  g_clear_pointer (&self->reference, g_free);
  cairn_scr_preview_clear (self->preview, NULL);
  self->may_edit = self->may_publish = FALSE;
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/**
 * cairn_scr_workspace_open:
 *
 * Opens the review SCR-@year-@number, saving what was pending in the one
 * open before. When the signed-in user may not read its drafts, or there is
 * no such review, the workspace says so, shows nothing of it, and this
 * returns %FALSE with the store's error.
 */
gboolean
cairn_scr_workspace_open (CairnScrWorkspace  *self,
                          int                 year,
                          int                 number,
                          GError            **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GError) edit_error = NULL;
  CairnScr *scr;

  g_return_val_if_fail (CAIRN_IS_SCR_WORKSPACE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  close_review (self, "empty");
  if ((scr = cairn_store_get_scr (self->store, year, number, &local)) == NULL)
    {
      if (g_error_matches (local, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED))
        {
          g_autofree char *text = g_strdup_printf (
            _("The drafts of a serious case review are open only to its panel and to those whose role "
              "lets them read every review: %s."),
            refusal_reason (local->message, CAIRN_ACTION_VIEW_SCR_DRAFT));
          adw_status_page_set_title (self->denied_page, _("This Review Is Not Open to You"));
          adw_status_page_set_description (self->denied_page, text);
        }
      else
        {
          adw_status_page_set_title (self->denied_page, _("The Review Cannot Be Opened"));
          adw_status_page_set_description (self->denied_page, local->message);
        }
      gtk_stack_set_visible_child_name (self->stack, "denied");
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  self->scr = scr;
  self->reference = cairn_scr_dup_ref (scr);
  self->may_edit = cairn_store_require_scr (self->store, CAIRN_ACTION_EDIT_SCR, year, number, &edit_error);
  self->may_publish = cairn_store_require_scr (self->store, CAIRN_ACTION_PUBLISH_SCR, year, number, NULL);

  self->loading = TRUE;
  load_fields (self);
  gtk_check_button_set_active (scr->date_display == CAIRN_SCR_DATES_AGE ? self->dates_age_check
                                                                         : self->dates_month_check,
                               TRUE);
  self->loading = FALSE;
  build_panel_rows (self);
  build_imr_rows (self);
  build_pseudonym_rows (self);
  build_release_rows (self);
  build_version_rows (self);
  update_date_examples (self);
  cairn_scr_action_plan_set_review (self->action_plan, self->store, self->scr, self->may_edit);
  apply_editable (self, edit_error ? edit_error->message : NULL);
  update_header (self);
  gtk_stack_set_visible_child_name (self->stack, "review");

  cairn_scr_preview_clear (self->preview, _("Preparing the Preview"));
  preview_timeout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
  return TRUE;
}

/* Saves what is pending and shows no review. */
void
cairn_scr_workspace_close (CairnScrWorkspace *self)
{
  g_return_if_fail (CAIRN_IS_SCR_WORKSPACE (self));
  close_review (self, "empty");
}

/**
 * cairn_scr_workspace_save:
 *
 * Saves every field with unsaved changes now (they are saved anyway a
 * moment after typing stops). Returns %FALSE with the first problem when a
 * field holds something the store refused.
 */
gboolean
cairn_scr_workspace_save (CairnScrWorkspace  *self,
                          GError            **error)
{
  g_autoptr (GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (CAIRN_IS_SCR_WORKSPACE (self), FALSE);
  /* The caller says what went wrong, once. */
  self->flushing = TRUE;
  ok = cairn_autosave_flush (self->autosave, &local);
  if (!cairn_scr_action_plan_flush (self->action_plan, ok ? &local : NULL))
    ok = FALSE;
  self->flushing = FALSE;
  if (!ok)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("A change could not be saved (%s); correct the field marked in red first"),
                   local->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_scr_workspace_set_store:
 *
 * The board's database, signed in as the user whose permissions apply.
 * Closes the review that was open.
 */
void
cairn_scr_workspace_set_store (CairnScrWorkspace *self,
                               CairnStore        *store)
{
  g_return_if_fail (CAIRN_IS_SCR_WORKSPACE (self));
  g_return_if_fail (store == NULL || CAIRN_IS_STORE (store));

  if (self->store == store)
    return;
  close_review (self, "empty");
  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

CairnStore *
cairn_scr_workspace_get_store (CairnScrWorkspace *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_WORKSPACE (self), NULL);
  return self->store;
}

/* The open review's reference (SCR-2012-01), or %NULL. */
const char *
cairn_scr_workspace_get_reference (CairnScrWorkspace *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_WORKSPACE (self), NULL);
  return self->reference;
}

const char *
cairn_scr_workspace_get_title (CairnScrWorkspace *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_WORKSPACE (self), NULL);
  return self->scr ? self->scr->title : NULL;
}

/* Whether the signed-in user may change the open review. */
gboolean
cairn_scr_workspace_get_editable (CairnScrWorkspace *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_WORKSPACE (self), FALSE);
  return self->scr != NULL && self->may_edit;
}

CairnScrPreview *
cairn_scr_workspace_get_preview (CairnScrWorkspace *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_WORKSPACE (self), NULL);
  return self->preview;
}

/* ---- Export ------------------------------------------------------------- */

typedef struct
{
  CairnStore *worker;
  int year;
  int number;
  gboolean publishable;
  GFile *file;
  char *path;
  CairnScrExport result;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->worker);
  g_clear_object (&data->file);
  g_free (data->path);
  cairn_scr_export_clear (&data->result);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (cairn_scr_report_export (data->worker, data->year, data->number, data->publishable, data->path,
                               &data->result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void export_leaks_again (CairnScrWorkspace *self);

static void
leaks_released (CairnScrWorkspace *self,
                const char        *word)
{
  if (self->scr == NULL)
    return;
  refresh_derived (self);
  build_release_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CairnScrWorkspace *self = CAIRN_SCR_WORKSPACE (source);
  g_autoptr (GTask) outer = user_data;
  ExportData *data = g_task_get_task_data (outer);
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gboolean same_review = self->scr != NULL && self->scr->year == data->year &&
                             self->scr->number == data->number;

      /* Words are released for the review that was exported, so only while it is open. */
      if (g_error_matches (error, CAIRN_ERROR, CAIRN_ERROR_PUBLICATION_REFUSED) && data->result.leaks != NULL &&
          same_review)
        {
          CairnScrLeaksDialog *dialog = cairn_scr_leaks_dialog_new (parent_window (self), self->store, self->scr,
                                                                    data->result.leaks, self->may_publish);
          g_signal_connect_object (dialog, "released", G_CALLBACK (leaks_released), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (dialog, "export-again", G_CALLBACK (export_leaks_again), self,
                                   G_CONNECT_SWAPPED);
          g_object_set_data_full (G_OBJECT (self), "cairn-leaks-file", g_object_ref (data->file), g_object_unref);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else if (g_error_matches (error, CAIRN_ERROR, CAIRN_ERROR_INVALID))
        message_dialog (self, _("Not Ready for Publication"), error->message);
      else if (g_error_matches (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED))
        message_dialog (self, _("Not Allowed"), error->message);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (data->file);
    g_autofree char *message =
      data->result.publishable
        ? g_strdup_printf (_("Version %d written for publication: %s, %u pages"), data->result.version, name,
                           data->result.n_pages)
        : g_strdup_printf (_("Version %d written as a draft: %s, %u pages"), data->result.version, name,
                           data->result.n_pages);
    toast (self, message);
  }
  if (self->scr != NULL && self->scr->year == data->year && self->scr->number == data->number)
    {
      refresh_derived (self);
      build_version_rows (self);
    }
  g_signal_emit (self, signals[EXPORTED], 0, data->result.version, data->result.publishable);
  g_task_return_int (outer, data->result.version);
}

/**
 * cairn_scr_workspace_export_async:
 * @publishable: write a version for publication (checked for identifiers)
 *   rather than a draft
 * @file: where to write the PDF
 *
 * Saves what is pending, then writes the next numbered version of the
 * executive summary to @file in a worker thread (cairn_scr_report_export())
 * and records it. The workspace shows the outcome: a note of the version
 * written, the leaks when publication is refused (with the offer to release
 * false positives), or why the review is not ready.
 */
void
cairn_scr_workspace_export_async (CairnScrWorkspace   *self,
                                  gboolean             publishable,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) outer = NULL;
  g_autoptr (GTask) inner = NULL;
  g_autoptr (GError) error = NULL;
  ExportData *data;

  g_return_if_fail (CAIRN_IS_SCR_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cairn_scr_workspace_export_async);
  if (self->scr == NULL)
    {
      g_task_return_new_error (outer, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("Serious case review: none is open"));
      return;
    }
  if (g_file_peek_path (file) == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_task_return_new_error (outer, CAIRN_ERROR, CAIRN_ERROR_IO, _("%s: not a local file"), uri);
      return;
    }
  if (!cairn_scr_workspace_save (self, &error))
    {
      toast (self, error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  data = g_new0 (ExportData, 1);
  g_task_set_task_data (outer, data, (GDestroyNotify) export_data_free);
  data->year = self->scr->year;
  data->number = self->scr->number;
  data->publishable = publishable;
  data->file = g_object_ref (file);
  data->path = g_file_get_path (file);
  /* A connection of its own, signed in as the same user, for the worker thread. */
  if ((data->worker = cairn_store_open_worker (self->store, &error)) == NULL)
    {
      toast (self, error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  inner = g_task_new (self, cancellable, export_done, g_object_ref (outer));
  g_task_set_task_data (inner, data, NULL);
  g_task_run_in_thread (inner, export_thread);
}

/* Returns: the version written, or 0 with @error */
int
cairn_scr_workspace_export_finish (CairnScrWorkspace  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  gssize version;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  version = g_task_propagate_int (G_TASK (result), error);
  return version < 0 ? 0 : (int) version;
}

static void
export_leaks_again (CairnScrWorkspace *self)
{
  GFile *file = g_object_get_data (G_OBJECT (self), "cairn-leaks-file");

  if (file != NULL && self->scr != NULL)
    cairn_scr_workspace_export_async (self, TRUE, file, NULL, NULL, NULL);
}

static void
export_response (GtkNativeDialog   *native,
                 int                response,
                 CairnScrWorkspace *self)
{
  gboolean publishable = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "cairn-publishable"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      cairn_scr_workspace_export_async (self, publishable, file, NULL, NULL, NULL);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CairnScrWorkspace *self = CAIRN_SCR_WORKSPACE (widget);
  gboolean publishable = g_str_equal (action_name, "scr.export-publishable");
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  int next;

  if (self->scr == NULL)
    return;
  next = cairn_store_next_scr_version (self->store, self->scr->id, NULL);
  name = publishable ? g_strdup_printf (_("%s version %d.pdf"), self->reference, next)
                     : g_strdup_printf (_("%s version %d draft.pdf"), self->reference, next);
  native = gtk_file_chooser_native_new (publishable ? _("Export for Publication") : _("Export Draft"),
                                        parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "cairn-publishable", GINT_TO_POINTER (publishable));
  g_signal_connect_object (native, "response", G_CALLBACK (export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- Print -------------------------------------------------------------- */

static void
print_page_setup (GtkPrintOperation *operation,
                  GtkPrintContext   *context,
                  int                page_nr,
                  GtkPageSetup      *setup,
                  GBytes            *pdf)
{
  double width = 0, height = 0;

  if (cairn_pdf_get_page_size (pdf, page_nr, &width, &height, NULL))
    gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                          : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
print_draw_page (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 GBytes            *pdf)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = 0, height = 0, scale;

  if (!cairn_pdf_get_page_size (pdf, page_nr, &width, &height, NULL))
    return;
  /* The page as laid out, fitted to the paper (its margins are the PDF's). */
  scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairn_pdf_render_page_to_cairo (pdf, page_nr, cr, NULL);
  cairo_restore (cr);
}

/**
 * cairn_scr_workspace_print_full:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to ask, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT to write @export_path
 *
 * Prints the draft as the preview shows it (protective marking included):
 * the PDF laid out now, its pages drawn by Poppler, landscape pages printed
 * landscape.
 */
gboolean
cairn_scr_workspace_print_full (CairnScrWorkspace        *self,
                                GtkPrintOperationAction   action,
                                const char               *export_path,
                                GError                  **error)
{
  g_autoptr (CairnDocument) doc = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperationResult result;
  guint n_pages = 0;

  g_return_val_if_fail (CAIRN_IS_SCR_WORKSPACE (self), FALSE);
  if (self->scr == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("Serious case review: none is open"));
      return FALSE;
    }
  if (!cairn_scr_workspace_save (self, error))
    return FALSE;
  doc = build_document (self);
  if ((pdf = cairn_document_render_pdf (doc, &n_pages, NULL, error)) == NULL)
    return FALSE;

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, self->reference);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "cairn-pdf", g_bytes_ref (pdf), (GDestroyNotify) g_bytes_unref);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (print_page_setup), pdf);
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_draw_page), pdf);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  if (action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG)
    {
      /* The dialog runs on its own; the operation keeps itself (and the PDF) until it is done. */
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_signal_connect (operation, "done", G_CALLBACK (g_object_unref), NULL);
      result = gtk_print_operation_run (operation, action, parent_window (self), error);
      if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
        {
          g_steal_pointer (&operation);
          return TRUE;
        }
      g_signal_handlers_disconnect_by_func (operation, g_object_unref, NULL);
    }
  else
    result = gtk_print_operation_run (operation, action, parent_window (self), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Prints the draft through the print dialog. */
gboolean
cairn_scr_workspace_print (CairnScrWorkspace  *self,
                           GError            **error)
{
  return cairn_scr_workspace_print_full (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, error);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CairnScrWorkspace *self = CAIRN_SCR_WORKSPACE (widget);
  g_autoptr (GError) error = NULL;

  if (!cairn_scr_workspace_print (self, &error))
    toast (self, error->message);
}

static void
toggle_preview (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CairnScrWorkspace *self = CAIRN_SCR_WORKSPACE (widget);

  gtk_toggle_button_set_active (self->preview_toggle, !gtk_toggle_button_get_active (self->preview_toggle));
}

/* Until the user moves the split, the preview has a good share of the width,
 * whatever the window's size (and however often it is allocated first). */
static void
paned_sized (CairnScrWorkspace *self)
{
  int max = 0;

  int preview_min = 0;

  g_object_get (self->paned, "max-position", &max, NULL);
  if (self->paned_user || max < 600)
    return;
  /* The most the form can have leaves the preview its minimum: the whole is their sum. */
  gtk_widget_measure (GTK_WIDGET (self->preview), GTK_ORIENTATION_HORIZONTAL, -1, &preview_min, NULL, NULL, NULL);
  self->paned_max = max;
  self->paned_set = MIN (max, (max + preview_min) * 55 / 100);
  gtk_paned_set_position (self->paned, self->paned_set);
}

/* A move at the same width as the split was set is the user's. */
static void
paned_moved (CairnScrWorkspace *self)
{
  int max = 0;

  g_object_get (self->paned, "max-position", &max, NULL);
  if (self->paned_set > 0 && max == self->paned_max && gtk_paned_get_position (self->paned) != self->paned_set)
    self->paned_user = TRUE;
}

/* ---- Signals from the parts --------------------------------------------- */

static void
action_plan_changed (CairnScrWorkspace *self)
{
  saved (self);
}

static void
action_plan_problem (CairnScrWorkspace *self,
                     const char        *message)
{
  if (!self->flushing)
    toast (self, message);
}

static void
autosave_failed (CairnScrWorkspace *self,
                 GtkWidget         *field,
                 const char        *name,
                 const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (field);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* Said when the field is left, not while typing; the field stays marked until it is put right. */
  if (!self->flushing && (focus == NULL || (focus != field && !gtk_widget_is_ancestor (focus, field))))
    toast (self, message);
}

/* ---- GObject ------------------------------------------------------------ */

static void
cairn_scr_workspace_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CairnScrWorkspace *self = CAIRN_SCR_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_TITLE:
      g_value_set_string (value, cairn_scr_workspace_get_title (self));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, cairn_scr_workspace_get_editable (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cairn_scr_workspace_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CairnScrWorkspace *self = CAIRN_SCR_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cairn_scr_workspace_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cairn_scr_workspace_dispose (GObject *object)
{
  CairnScrWorkspace *self = CAIRN_SCR_WORKSPACE (object);

  /* What was typed in the last moment is saved, not lost. */
  if (self->scr != NULL && self->store != NULL)
    cairn_scr_workspace_save (self, NULL);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_clear_handle_id (&self->versions_idle_id, g_source_remove);
  g_clear_object (&self->autosave);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_SCR_WORKSPACE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->scr, cairn_scr_free);
  g_clear_pointer (&self->reference, g_free);
  G_OBJECT_CLASS (cairn_scr_workspace_parent_class)->dispose (object);
}

static void
cairn_scr_workspace_finalize (GObject *object)
{
  CairnScrWorkspace *self = CAIRN_SCR_WORKSPACE (object);

  g_ptr_array_unref (self->panel_rows);
  g_ptr_array_unref (self->imr_rows);
  g_ptr_array_unref (self->pseudonym_rows);
  g_ptr_array_unref (self->release_rows);
  g_ptr_array_unref (self->version_rows);
  G_OBJECT_CLASS (cairn_scr_workspace_parent_class)->finalize (object);
}

static void
cairn_scr_workspace_class_init (CairnScrWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cairn_scr_workspace_get_property;
  object_class->set_property = cairn_scr_workspace_set_property;
  object_class->dispose = cairn_scr_workspace_dispose;
  object_class->finalize = cairn_scr_workspace_finalize;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CAIRN_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                  G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                      G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                      G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CairnScrWorkspace::changed:
   *
   * A change to the open review was saved in the store (a field, a
   * section, the panel, the action plan, a pseudonym, a version's dates).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  /**
   * CairnScrWorkspace::exported:
   * @version: the version number written
   * @publishable: whether it passed the publication check
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_BOOLEAN);

  g_type_ensure (CAIRN_TYPE_SCR_PREVIEW);
  g_type_ensure (CAIRN_TYPE_SCR_ACTION_PLAN);
  g_type_ensure (CAIRN_TYPE_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-scr-workspace.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, stack);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, denied_page);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, ref_label);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, readonly_box);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, readonly_label);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, paned);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, preview);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, action_plan);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, title_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, stage_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, criterion_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, incident_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, notified_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, decision_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, decision_on_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, scope_from_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, scope_to_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, completed_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, trigger_view);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, lscb_chair_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, panel_chair_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, author_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, independence_view);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, panel_group);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, add_member_popover);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, new_member_name);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, new_member_title);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, new_member_organisation);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, parallel_view);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, family_view);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, imr_group);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, section_introduction);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, section_facts);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, section_key_issues);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, section_learning);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, section_recommendations);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, dates_month_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, dates_age_row);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, dates_month_check);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, dates_age_check);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, pseudonym_group);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, release_group);
  gtk_widget_class_bind_template_child (widget_class, CairnScrWorkspace, versions_group);
  gtk_widget_class_bind_template_callback (widget_class, add_member);
  gtk_widget_class_bind_template_callback (widget_class, date_display_toggled);
  gtk_widget_class_bind_template_callback (widget_class, action_plan_changed);
  gtk_widget_class_bind_template_callback (widget_class, action_plan_problem);

  gtk_widget_class_install_action (widget_class, "scr.export-draft", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "scr.export-publishable", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "scr.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "scr.toggle-preview", NULL, toggle_preview);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "scr.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "scr.export-draft", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "scr.export-publishable", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "scr.toggle-preview", NULL);
  gtk_widget_class_set_css_name (widget_class, "scrworkspace");
}

static void
cairn_scr_workspace_init (CairnScrWorkspace *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->autosave = cairn_autosave_new (0);
  g_signal_connect_swapped (self->autosave, "failed", G_CALLBACK (autosave_failed), self);
  self->panel_rows = g_ptr_array_new ();
  self->imr_rows = g_ptr_array_new ();
  self->pseudonym_rows = g_ptr_array_new ();
  self->release_rows = g_ptr_array_new ();
  self->version_rows = g_ptr_array_new ();

  for (int f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *widget = field_widget (self, f);
      g_object_set_data (G_OBJECT (widget), "cairn-scr-field", GINT_TO_POINTER (f));
      cairn_autosave_bind (self->autosave, widget, NULL, save_review_field, self, NULL);
    }
  for (int s = 0; s < CAIRN_SCR_N_SECTIONS; s++)
    {
      GtkWidget *widget = section_widget (self, s);
      g_object_set_data (G_OBJECT (widget), "cairn-scr-section", GINT_TO_POINTER (s));
      cairn_autosave_bind (self->autosave, widget, NULL, save_section, self, NULL);
    }
  g_signal_connect_swapped (self->paned, "notify::max-position", G_CALLBACK (paned_sized), self);
  g_signal_connect_swapped (self->paned, "notify::position", G_CALLBACK (paned_moved), self);
  update_actions (self);
}
