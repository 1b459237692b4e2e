/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cairn-audit-store.h"
#include "cairn-annual-report-editor.h"
#include "cairn-case-page.h"
#include "cairn-case-pathway.h"
#include "cairn-case-table.h"
#include "cairn-cin-import-dialog.h"
#include "cairn-conference-editor.h"
#include "cairn-meeting-editor.h"
#include "cairn-record-list.h"
#include "cairn-scr-list.h"
#include "cairn-scr-workspace.h"
#include "cairn-pathway.h"
#include "cairn-backup.h"
#include "cairn-password.h"
#include "cairn-progress-dialog.h"
#include "cairn-seal.h"
#include "cairn-child-store.h"
#include "cairn-login-dialog.h"
#include "cairn-user-store.h"
#include "cairn-view-store.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-ref.h"
#include "cairn-window.h"

struct _CairnWindow
{
  AdwApplicationWindow parent_instance;

  CairnStore *store;
  CairnPathway *pathway;   /* the guidance editions, for stage names */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  AdwViewStack *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget *back_button;
  GtkWidget *account_button;
  GtkLabel *account_label;
  GtkLabel *account_detail_label;
  AdwLeaflet *conference_leaflet;
  AdwLeaflet *meeting_leaflet;
  AdwLeaflet *review_leaflet;
  AdwBin *conference_list_bin;
  AdwBin *meeting_list_bin;
  CairnRecordList *conference_list;
  CairnRecordList *meeting_list;
  CairnConferenceEditor *conference_editor;
  CairnMeetingEditor *meeting_editor;
  CairnScrList *scr_list;
  CairnScrWorkspace *scr_workspace;
  CairnAnnualReportEditor *annual_editor;
  CairnCaseTable *case_table;
  CairnCasePage *case_page;

  GCancellable *check_cancellable;
};

G_DEFINE_FINAL_TYPE (CairnWindow, cairn_window, ADW_TYPE_APPLICATION_WINDOW)

CairnWindow *
cairn_window_new (CairnApplication *application)
{
  return g_object_new (CAIRN_TYPE_WINDOW, "application", application, NULL);
}

CairnStore *
cairn_window_get_store (CairnWindow *self)
{
  g_return_val_if_fail (CAIRN_IS_WINDOW (self), NULL);
  return self->store;
}

void
cairn_window_show_toast (CairnWindow *self,
                         const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GSettings *
get_settings (CairnWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app ? cairn_application_get_settings (CAIRN_APPLICATION (app)) : NULL;
}


static void sign_in (CairnWindow *self);
static void case_activated (CairnWindow *self, gint64 child_number, int case_number);
static void start_quick_check (CairnWindow *self);
static void navigation_changed (CairnWindow *self);

/* Shows what fits the state: no database, a locked board, or the board's cases. */
static void
show_board (CairnWindow *self)
{
  g_autofree char *board = NULL;
  g_autofree char *subtitle = NULL;
  gboolean locked;

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      return;
    }
  locked = !cairn_store_is_signed_in (self->store) && cairn_store_count_users (self->store) > 0;
  if (locked)
    {
      cairn_case_table_set_store (self->case_table, NULL);
      cairn_record_list_set_store (self->conference_list, NULL);
      cairn_record_list_set_store (self->meeting_list, NULL);
      cairn_annual_report_editor_set_store (self->annual_editor, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "locked");
      return;
    }
  /* A later day than the summaries were written: overdue flags move on. */
  cairn_pathway_restamp_summaries (self->store, NULL);
  board = cairn_store_dup_board_name (self->store);
  if (cairn_store_is_signed_in (self->store))
    subtitle = g_strdup_printf (_("Signed in as %s (%s)"),
                                cairn_store_get_user_display_name (self->store),
                                cairn_role_label (cairn_store_get_user_role (self->store)));
  adw_view_switcher_title_set_title (self->switcher_title, board ? board : _("Cairn"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : "");
  gtk_widget_set_visible (self->account_button, subtitle != NULL);
  if (subtitle != NULL)
    {
      gtk_label_set_label (self->account_label, cairn_store_get_user_display_name (self->store));
      gtk_label_set_label (self->account_detail_label, subtitle);
      gtk_widget_set_tooltip_text (self->account_button, subtitle);
    }
  cairn_case_table_set_store (self->case_table, self->store);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->case_table));
  cairn_record_list_set_store (self->conference_list, self->store);
  cairn_record_list_set_store (self->meeting_list, self->store);
  cairn_conference_editor_set_store (self->conference_editor, self->store);
  cairn_meeting_editor_set_store (self->meeting_editor, self->store);
  cairn_scr_list_set_store (self->scr_list, self->store);
  cairn_scr_workspace_set_store (self->scr_workspace, self->store);
  /* The annual report counts its figures when its page is first shown. */
  if (cairn_annual_report_editor_get_store (self->annual_editor) != self->store)
    cairn_annual_report_editor_set_store (self->annual_editor, NULL);
  adw_leaflet_set_visible_child (self->conference_leaflet, GTK_WIDGET (self->conference_list_bin));
  adw_leaflet_set_visible_child (self->meeting_leaflet, GTK_WIDGET (self->meeting_list_bin));
  adw_leaflet_set_visible_child (self->review_leaflet, GTK_WIDGET (self->scr_list));
  gtk_stack_set_visible_child_name (self->main_stack, "board");

  /* The last view, case and all. */
  {
    g_autofree char *case_ref = NULL;
    g_autoptr (CairnCaseFilter) last = cairn_store_get_last_view (self->store, &case_ref);
    CairnRef ref;

    if (case_ref != NULL && cairn_ref_parse ("case", case_ref, CAIRN_REF_CASE, &ref, NULL) &&
        ref.case_number > 0)
      case_activated (self, ref.number, ref.case_number);
  }
  navigation_changed (self);
}

static char *
stage_label (const char *edition,
             const char *stage,
             gpointer    user_data)
{
  CairnWindow *self = user_data;
  CairnEdition *ed = self->pathway && edition ? cairn_pathway_lookup_edition (self->pathway, edition) : NULL;
  const CairnNode *node = ed ? cairn_edition_lookup_node (ed, stage) : NULL;

  return g_strdup (node ? node->label : stage);
}

static void
remember_view (CairnWindow *self,
               const char  *case_ref)
{
  CairnCaseList *model = cairn_case_table_get_model (self->case_table);

  if (model != NULL)
    cairn_store_set_last_view (self->store, cairn_case_list_get_filter (model), case_ref, NULL);
}

static void
case_activated (CairnWindow *self,
                gint64       child_number,
                int          case_number)
{
  g_autoptr (GError) error = NULL;

  if (!cairn_case_page_show_case (self->case_page, self->store, child_number, case_number, &error))
    {
      cairn_window_show_toast (self, error->message);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "cases");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->case_page));
  remember_view (self, cairn_case_page_get_ref (self->case_page));
}

/* A change on the case page: say so (with Undo when there is one) and refresh the table. */
static void
case_changed (CairnWindow *self,
              const char  *message,
              gboolean     can_undo)
{
  AdwToast *toast = adw_toast_new (message);

  if (can_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  cairn_case_table_reload (self->case_table);
}

/* The leaflet of the page shown (cases, conferences, meetings, reviews). */
static AdwLeaflet *
current_leaflet (CairnWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);

  return ADW_IS_LEAFLET (child) ? ADW_LEAFLET (child) : NULL;
}

/* Back is offered when the page shown has gone into one record. */
static void
navigation_changed (CairnWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "annual") == 0 &&
      self->store != NULL && cairn_store_is_signed_in (self->store) &&
      cairn_annual_report_editor_get_store (self->annual_editor) != self->store)
    cairn_annual_report_editor_set_store (self->annual_editor, self->store);

  AdwLeaflet *leaflet = current_leaflet (self);
  gboolean inside = leaflet != NULL &&
                    adw_leaflet_get_adjacent_child (leaflet, ADW_NAVIGATION_DIRECTION_BACK) != NULL;

  gtk_widget_set_visible (self->back_button, inside);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", inside);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CairnWindow *self = CAIRN_WINDOW (widget);
  AdwLeaflet *leaflet = current_leaflet (self);

  if (leaflet == NULL)
    return;
  if (leaflet == self->conference_leaflet)
    cairn_conference_editor_flush (self->conference_editor);
  else if (leaflet == self->meeting_leaflet)
    cairn_meeting_editor_flush (self->meeting_editor);
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  if (leaflet == self->leaflet)
    remember_view (self, NULL);
  else if (leaflet == self->conference_leaflet)
    cairn_record_list_reload (self->conference_list);
  else if (leaflet == self->meeting_leaflet)
    cairn_record_list_reload (self->meeting_list);
  else if (leaflet == self->review_leaflet)
    cairn_scr_list_reload (self->scr_list, NULL);
}

static void
conference_activated (CairnWindow *self,
                      const char  *ref)
{
  g_autoptr (GError) error = NULL;

  if (!cairn_conference_editor_open (self->conference_editor, ref, &error))
    {
      cairn_window_show_toast (self, error->message);
      return;
    }
  adw_leaflet_set_visible_child (self->conference_leaflet, GTK_WIDGET (self->conference_editor));
}

static void
meeting_activated (CairnWindow *self,
                   const char  *ref)
{
  g_autoptr (GError) error = NULL;

  if (!cairn_meeting_editor_open (self->meeting_editor, ref, &error))
    {
      cairn_window_show_toast (self, error->message);
      return;
    }
  adw_leaflet_set_visible_child (self->meeting_leaflet, GTK_WIDGET (self->meeting_editor));
}

static void
review_activated (CairnWindow *self,
                  int          year,
                  int          number)
{
  g_autoptr (GError) error = NULL;

  if (!cairn_scr_workspace_open (self->scr_workspace, year, number, &error))
    {
      cairn_window_show_toast (self, error->message);
      return;
    }
  adw_leaflet_set_visible_child (self->review_leaflet, GTK_WIDGET (self->scr_workspace));
}

/* A record saved in an editor: the case table's figures may have moved. */
static void
record_saved (CairnWindow *self)
{
  cairn_case_table_reload (self->case_table);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CairnWindow *self = CAIRN_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "board") != 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "cases");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->case_table));
  cairn_case_table_focus_search (self->case_table);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CairnWindow *self = CAIRN_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!cairn_case_page_undo (self->case_page, &error))
    cairn_window_show_toast (self, error->message);
}



static void
on_signed_in (CairnLoginDialog *dialog,
              CairnWindow      *self)
{
  show_board (self);
}

/* Asks who the user is, or for a demo database signs in as the demo chair and says so. */
static void
sign_in (CairnWindow *self)
{
  g_autoptr (GError) error = NULL;
  CairnLoginDialog *dialog;

  if (self->store == NULL || cairn_store_is_signed_in (self->store))
    return;
  if (cairn_store_is_demo (self->store))
    {
      if (cairn_store_login_demo (self->store, &error))
        {
          g_autofree char *message = g_strdup_printf (
            _("Demo session: signed in as the demo chair (%s). The demo accounts are listed in the README."),
            CAIRN_DEMO_CHAIR);
          cairn_window_show_toast (self, message);
          show_board (self);
          return;
        }
      g_debug ("Demo sign-in failed: %s", error->message);
    }
  dialog = cairn_login_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (on_signed_in), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  sign_in (CAIRN_WINDOW (widget));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CairnWindow *self = CAIRN_WINDOW (widget);

  if (self->store == NULL)
    return;
  /* What was being typed is saved as the user who typed it. */
  cairn_conference_editor_flush (self->conference_editor);
  cairn_meeting_editor_flush (self->meeting_editor);
  cairn_annual_report_editor_set_store (self->annual_editor, NULL);
  cairn_store_logout (self->store);
  show_board (self);
}

/* The check run when a database opens: SQLite's quick check and the audit
 * chain since the last entry verified on this computer, in a thread with
 * its own connection. */
typedef struct
{
  char *path;
  gint64 from_id;
  gint64 head_id;
  GPtrArray *problems;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static char *
verified_cache_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "cairn", "audit-verified.ini", NULL);
}

static gint64
load_verified_id (const char *db_path)
{
  g_autofree char *path = verified_cache_path ();
  g_autoptr (GKeyFile) kf = g_key_file_new ();

  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, NULL))
    return 0;
  return g_key_file_get_int64 (kf, "verified", db_path, NULL);
}

static void
save_verified_id (const char *db_path,
                  gint64      id)
{
  g_autofree char *path = verified_cache_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GKeyFile) kf = g_key_file_new ();

  g_mkdir_with_parents (dir, 0700);
  g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, NULL);
  g_key_file_set_int64 (kf, "verified", db_path, id);
  g_key_file_save_to_file (kf, path, NULL);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = cairn_store_open (data->path, CAIRN_STORE_OPEN_READ_ONLY, &error);
  gboolean ok;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->from_id == G_MAXINT64)
    ok = cairn_store_check (store, data->problems, &error);
  else
    ok = cairn_store_quick_check (store, data->from_id, &data->head_id, data->problems, &error);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_check_result (CairnWindow *self,
                   gboolean     full,
                   GPtrArray   *problems)
{
  GtkWidget *dialog;
  g_autoptr (GString) body = g_string_new ("");

  if (problems->len == 0 && !full)
    return;
  for (guint i = 0; i < problems->len && i < 10; i++)
    g_string_append_printf (body, "%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len == 0)
    g_string_append (body, _("The database, its audit trail and the audit sidecar are intact."));
  else
    g_string_append (body, _("\nDo not rely on this database until the board's administrator has "
                             "looked at it. Restore the latest good backup if the audit trail has "
                             "been tampered with."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   problems->len ? _("This Database Has Problems")
                                                 : _("No Problems Found"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CairnWindow *self = CAIRN_WINDOW (source);
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  gboolean full = data->from_id == G_MAXINT64;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cairn_window_show_toast (self, error->message);
      return;
    }
  if (!full && data->problems->len == 0)
    save_verified_id (data->path, data->head_id + 1);
  show_check_result (self, full, data->problems);
}

static void
run_check (CairnWindow *self,
           gboolean     full)
{
  g_autoptr (GTask) task = NULL;
  CheckData *data;

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();

  data = g_new0 (CheckData, 1);
  data->path = g_strdup (cairn_store_get_path (self->store));
  data->from_id = full ? G_MAXINT64 : load_verified_id (data->path);
  data->problems = g_ptr_array_new_with_free_func (g_free);
  task = g_task_new (self, self->check_cancellable, check_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

static void
start_quick_check (CairnWindow *self)
{
  run_check (self, FALSE);
}

static void
full_check_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CairnWindow *self = CAIRN_WINDOW (widget);

  cairn_window_show_toast (self, _("Checking the database and its audit trail…"));
  run_check (self, TRUE);
}

/* Backups: a file, a passphrase, then the copy in a thread with its own connection. */
typedef struct
{
  CairnStore *worker;
  char *path;
  char *passphrase;
  CairnProgressDialog *progress;
} BackupData;

static void
backup_data_free (BackupData *data)
{
  g_clear_object (&data->worker);
  g_free (data->path);
  cairn_password_free (data->passphrase);
  g_clear_object (&data->progress);
  g_free (data);
}

static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupData *data = task_data;
  g_autoptr (GError) error = NULL;

  if (cairn_store_backup (data->worker, data->path, data->passphrase,
                          cairn_progress_report_from_thread, data->progress, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
backup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CairnWindow *self = CAIRN_WINDOW (source);
  BackupData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_window_destroy (GTK_WINDOW (data->progress));
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cairn_window_show_toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Encrypted backup written to %s"), data->path);
  cairn_window_show_toast (self, message);
}

static void
passphrase_response (AdwMessageDialog *dialog,
                     const char       *response,
                     CairnWindow      *self)
{
  GtkEditable *first = g_object_get_data (G_OBJECT (dialog), "first");
  GtkEditable *second = g_object_get_data (G_OBJECT (dialog), "second");
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  BackupData *data;

  if (g_strcmp0 (response, "backup") != 0)
    goto out;
  if (g_strcmp0 (gtk_editable_get_text (first), gtk_editable_get_text (second)) != 0)
    {
      cairn_window_show_toast (self, _("Passphrase: the two passphrases differ; nothing was written"));
      goto out;
    }
  data = g_new0 (BackupData, 1);
  data->passphrase = g_strdup (gtk_editable_get_text (first));
  data->path = g_strdup (path);
  if (!cairn_store_require (self->store, CAIRN_ACTION_BACKUP, &error) ||
      !cairn_passphrase_check (data->passphrase, &error) ||
      (data->worker = cairn_store_open_worker (self->store, &error)) == NULL)
    {
      cairn_window_show_toast (self, error->message);
      backup_data_free (data);
      goto out;
    }
  data->progress = g_object_ref_sink (cairn_progress_dialog_new (GTK_WINDOW (self), _("Writing an Encrypted Backup")));
  gtk_window_present (GTK_WINDOW (data->progress));
  task = g_task_new (self, cairn_progress_dialog_get_cancellable (data->progress), backup_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) backup_data_free);
  g_task_run_in_thread (task, backup_thread);

out:
  gtk_editable_set_text (first, "");
  gtk_editable_set_text (second, "");
}

static void
backup_file_chosen (GtkNativeDialog *chooser,
                    int              response,
                    CairnWindow     *self)
{
  g_autoptr (GFile) file = NULL;
  GtkWidget *dialog, *box, *first, *second;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Choose a Passphrase"),
                                   _("The backup is encrypted with this passphrase (at least 12 "
                                     "characters). Keep it somewhere safe and apart from the "
                                     "backup: without it the backup cannot be restored."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  first = gtk_password_entry_new ();
  second = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (first), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Passphrase"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (second), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Passphrase again"), -1);
  g_object_set (first, "placeholder-text", _("Passphrase"), NULL);
  g_object_set (second, "placeholder-text", _("Passphrase again"), NULL);
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "backup",
                                    _("_Back Up"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "backup",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "backup");
  g_object_set_data (G_OBJECT (dialog), "first", first);
  g_object_set_data (G_OBJECT (dialog), "second", second);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_file_get_path (file), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (passphrase_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CairnWindow *self = CAIRN_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!cairn_store_require (self->store, CAIRN_ACTION_BACKUP, &error))
    {
      cairn_window_show_toast (self, error->message);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Back Up the Board Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Continue"), _("_Cancel"));
  base = g_path_get_basename (cairn_store_get_path (self->store));
  name = g_strconcat (base, "-backup", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * cairn_window_open_file:
 *
 * Opens a board database in this window; a failure shows a toast and
 * keeps whatever was open.
 */
gboolean
cairn_window_open_file (CairnWindow *self,
                        GFile       *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  CairnStore *store;
  GSettings *settings;
  g_autofree char *board = NULL;

  if (path == NULL)
    {
      cairn_window_show_toast (self, _("Only local files can be opened"));
      return FALSE;
    }
  store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      cairn_window_show_toast (self, error->message);
      return FALSE;
    }
  g_set_object (&self->store, store);
  g_object_unref (store);

  board = cairn_store_dup_board_name (store);
  gtk_window_set_title (GTK_WINDOW (self), board ? board : _("Cairn"));
  if ((settings = get_settings (self)) != NULL)
    g_settings_set_string (settings, "last-database", path);
  show_board (self);
  sign_in (self);
  start_quick_check (self);
  if (cairn_store_get_warning (store) != NULL)
    cairn_window_show_toast (self, cairn_store_get_warning (store));
  return TRUE;
}









static void
open_response (GtkNativeDialog *dialog,
               int              response,
               CairnWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "create"));

      if (create)
        {
          g_autoptr (GError) error = NULL;
          g_autofree char *path = g_file_get_path (file);
          g_autoptr (CairnStore) store =
            cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
          if (store == NULL || !cairn_store_set_board (store, _("New board"), "", &error))
            {
              cairn_window_show_toast (self, error->message);
              goto out;
            }
        }
      cairn_window_open_file (self, file);
    }
out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Cairn databases"));
  gtk_file_filter_add_pattern (filter, "*.cairn");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.db");
  return filter;
}

static void
choose_file (CairnWindow *self,
             gboolean     create)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (
    create ? _("New Board Database") : _("Open Board Database"), GTK_WINDOW (self),
    create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
    create ? _("_Create") : _("_Open"), _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = database_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("board.cairn"));
  g_object_set_data (G_OBJECT (dialog), "create", GINT_TO_POINTER (create));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A failure in an imported census names a child's case: show it. */
static void
census_case_activated (CairnWindow *self,
                       const char  *ref_text)
{
  g_autoptr (GError) error = NULL;
  CairnRef ref;

  if (!cairn_ref_parse (_("Case"), ref_text, CAIRN_REF_CASE, &ref, &error))
    {
      cairn_window_show_toast (self, error->message);
      return;
    }
  case_activated (self, ref.number, ref.case_number);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * cairn_window_import_census:
 * @file: a CIN census return the user chose
 *
 * Imports @file into the open board with the progress dialog (returned,
 * owned by GTK); a failure it lists opens the child's case here, and the
 * table shows what was imported when it closes.
 */
GtkWidget *
cairn_window_import_census (CairnWindow *self,
                            GFile       *file)
{
  CairnCinImportDialog *dialog;

  g_return_val_if_fail (CAIRN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  dialog = cairn_cin_import_dialog_new (GTK_WINDOW (self), self->store, file);
  g_signal_connect_object (dialog, "case-activated", G_CALLBACK (census_case_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (record_saved), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (dialog);
}

static void
import_census_response (GtkNativeDialog *chooser,
                        int              response,
                        CairnWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      cairn_window_import_census (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_census_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CairnWindow *self = CAIRN_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->store == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "board") != 0)
    return;
  chooser = gtk_file_chooser_native_new (_("Import a Children in Need Census"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Census returns (XML)"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.XML");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_census_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  choose_file (CAIRN_WINDOW (widget), FALSE);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  choose_file (CAIRN_WINDOW (widget), TRUE);
}


static void
cairn_window_dispose (GObject *object)
{
  CairnWindow *self = CAIRN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_WINDOW);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->pathway);
  G_OBJECT_CLASS (cairn_window_parent_class)->dispose (object);
}

static gboolean
cairn_window_close_request (GtkWindow *window)
{
  CairnWindow *self = CAIRN_WINDOW (window);
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    {
      int width, height;
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (cairn_window_parent_class)->close_request (window);
}

static void
cairn_window_constructed (GObject *object)
{
  CairnWindow *self = CAIRN_WINDOW (object);
  GSettings *settings;

  G_OBJECT_CLASS (cairn_window_parent_class)->constructed (object);

  /* The application property is set by now: restore the last size. */
  if ((settings = get_settings (self)) != NULL)
    {
      int width, height;
      g_settings_get (settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
cairn_window_class_init (CairnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cairn_window_dispose;
  object_class->constructed = cairn_window_constructed;
  window_class->close_request = cairn_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, account_detail_label);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, conference_leaflet);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, meeting_leaflet);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, review_leaflet);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, conference_list_bin);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, meeting_list_bin);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, conference_editor);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, meeting_editor);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, scr_list);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, scr_workspace);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, annual_editor);
  gtk_widget_class_bind_template_callback (widget_class, navigation_changed);
  gtk_widget_class_bind_template_callback (widget_class, review_activated);
  gtk_widget_class_bind_template_callback (widget_class, record_saved);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, case_table);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, case_page);
  gtk_widget_class_bind_template_callback (widget_class, case_activated);
  gtk_widget_class_bind_template_callback (widget_class, case_changed);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.full-check", NULL, full_check_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.import-census", NULL, import_census_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  g_type_ensure (CAIRN_TYPE_CASE_TABLE);
  g_type_ensure (CAIRN_TYPE_CASE_PAGE);
  g_type_ensure (CAIRN_TYPE_CONFERENCE_EDITOR);
  g_type_ensure (CAIRN_TYPE_MEETING_EDITOR);
  g_type_ensure (CAIRN_TYPE_SCR_LIST);
  g_type_ensure (CAIRN_TYPE_SCR_WORKSPACE);
  g_type_ensure (CAIRN_TYPE_ANNUAL_REPORT_EDITOR);
}

static void
cairn_window_init (CairnWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->conference_list = cairn_record_list_new (CAIRN_LIST_CONFERENCES);
  self->meeting_list = cairn_record_list_new (CAIRN_LIST_MEETINGS);
  adw_bin_set_child (self->conference_list_bin, GTK_WIDGET (self->conference_list));
  adw_bin_set_child (self->meeting_list_bin, GTK_WIDGET (self->meeting_list));
  g_signal_connect_swapped (self->conference_list, "record-activated", G_CALLBACK (conference_activated), self);
  g_signal_connect_swapped (self->meeting_list, "record-activated", G_CALLBACK (meeting_activated), self);
  self->pathway = cairn_pathway_get_default (NULL);
  cairn_case_table_set_stage_labels (self->case_table, stage_label, self);
  if (self->pathway != NULL)
    cairn_case_table_set_calendar (self->case_table, cairn_pathway_get_calendar (self->pathway));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", FALSE);
  show_board (self);
}
