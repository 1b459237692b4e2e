/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-child-store.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-ref.h"
#include "cairn-window.h"

/* The sidebar shows at most this many cases until the navigator's paged model replaces it. */
#define SIDEBAR_LIMIT 500

struct _CairnWindow
{
  AdwApplicationWindow parent_instance;

  CairnStore *store;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkStack *content_stack;
  GtkListView *case_list;
  GtkLabel *case_count_label;
  AdwWindowTitle *content_title;
  GtkLabel *child_name_label;
  GtkLabel *child_details_label;
  GtkListBox *chronology_list;
  GtkButton *back_button;
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
cairn_window_show_error (CairnWindow *self,
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

static gboolean
add_case_row (const char *ref,
              const char *title,
              gpointer    user_data)
{
  GtkStringList *list = user_data;
  g_autofree char *line = g_strdup_printf ("%s\t%s", ref, title ? title : "");

  gtk_string_list_append (list, line);
  return g_list_model_get_n_items (G_LIST_MODEL (list)) < SIDEBAR_LIMIT;
}

static void
reload_cases (CairnWindow *self)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;
  GtkSingleSelection *selection;
  gint64 n_children = 0;
  g_autofree char *count = NULL;

  if (self->store != NULL)
    {
      if (!cairn_store_list_refs (self->store, CAIRN_LIST_CASES, add_case_row, list, &error))
        cairn_window_show_error (self, error->message);
      n_children = cairn_store_count_children (self->store);
    }
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&list)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->case_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " child",
                                        "%" G_GINT64_FORMAT " children", n_children),
                           n_children);
  gtk_label_set_label (self->case_count_label, count);
  gtk_stack_set_visible_child_name (self->content_stack, self->store ? "empty" : "welcome");
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
      cairn_window_show_error (self, _("Only local files can be opened"));
      return FALSE;
    }
  store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    {
      cairn_window_show_error (self, error->message);
      return FALSE;
    }
  g_set_object (&self->store, store);
  g_object_unref (store);

  board = cairn_store_dup_board_name (store);
  gtk_window_set_title (GTK_WINDOW (self), board ? board : _("Cairn"));
  if ((settings = get_settings (self)) != NULL)
    g_settings_set_string (settings, "last-database", path);
  reload_cases (self);
  return TRUE;
}

static GtkWidget *
make_event_row (const CairnEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = cairn_timestamp_to_string (&event->date, event->minute);
  g_autofree char *subtitle = NULL;
  const char *seen;

  if (event->seen_alone == 1)
    seen = _("child seen alone");
  else if (event->child_seen == 1)
    seen = _("child seen, not alone");
  else if (event->child_seen == 0)
    seen = _("child not seen");
  else
    seen = NULL;

  {
    g_autoptr (GPtrArray) parts = g_ptr_array_new ();
    g_ptr_array_add (parts, when);
    if (event->recorded_by != NULL && *event->recorded_by != '\0')
      g_ptr_array_add (parts, event->recorded_by);
    if (seen != NULL)
      g_ptr_array_add (parts, (gpointer) seen);
    g_ptr_array_add (parts, NULL);
    subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 cairn_codes_label (CAIRN_CODES_EVENT_KIND, event->kind));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show_case (CairnWindow *self,
           const char  *ref_text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnChild) child = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dob = NULL;
  g_autofree char *details = NULL;
  CairnRef ref;
  GtkWidget *w;

  if (!cairn_ref_parse ("case", ref_text, CAIRN_REF_CASE, &ref, &error) ||
      (child = cairn_store_get_child (self->store, ref.number, &error)) == NULL ||
      (events = cairn_store_list_events (self->store, ref.number, ref.case_number, &error)) == NULL)
    {
      cairn_window_show_error (self, error->message);
      return;
    }

  name = cairn_child_dup_display_name (child);
  dob = cairn_date_to_display (cairn_child_get_birth_or_expected (child));
  details = g_strdup_printf (_("%s · %s %s · sex: %s"), ref_text,
                             cairn_child_is_unborn (child) ? _("due") : _("born"), dob,
                             cairn_codes_label (CAIRN_CODES_SEX, child->sex));
  gtk_label_set_label (self->child_name_label, name);
  gtk_label_set_label (self->child_details_label, details);
  adw_window_title_set_title (self->content_title, name);
  adw_window_title_set_subtitle (self->content_title, ref_text);

  while ((w = gtk_widget_get_first_child (GTK_WIDGET (self->chronology_list))) != NULL)
    gtk_list_box_remove (self->chronology_list, w);
  for (guint i = 0; i < events->len; i++)
    gtk_list_box_append (self->chronology_list, make_event_row (g_ptr_array_index (events, i)));

  gtk_stack_set_visible_child_name (self->content_stack, "case");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_case_activated (GtkListView *view,
                   guint        position,
                   CairnWindow *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr (GtkStringObject) item = g_list_model_get_item (model, position);
  const char *line = gtk_string_object_get_string (item);
  g_autofree char *ref = g_strndup (line, strcspn (line, "\t"));

  show_case (self, ref);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      CairnWindow       *self)
{
  guint selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));

  if (selected != GTK_INVALID_LIST_POSITION)
    on_case_activated (self->case_list, selected, self);
}

static void
on_model_notify (GtkListView *view,
                 GParamSpec  *pspec,
                 CairnWindow *self)
{
  GtkSelectionModel *model = gtk_list_view_get_model (view);

  if (model != NULL)
    g_signal_connect_object (model, "selection-changed", G_CALLBACK (on_selection_changed), self, 0);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *line = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *tab = strchr (line, '\t');
  g_autofree char *ref = g_strndup (line, tab ? (gsize) (tab - line) : strlen (line));

  gtk_label_set_label (GTK_LABEL (title), tab ? tab + 1 : line);
  gtk_label_set_label (GTK_LABEL (subtitle), ref);
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
              cairn_window_show_error (self, error->message);
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
back_clicked (CairnWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
cairn_window_dispose (GObject *object)
{
  CairnWindow *self = CAIRN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_WINDOW);
  g_clear_object (&self->store);
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
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, case_list);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, case_count_label);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, child_name_label);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, child_details_label);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, chronology_list);
  gtk_widget_class_bind_template_child (widget_class, CairnWindow, back_button);
  gtk_widget_class_bind_template_callback (widget_class, on_case_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_model_notify);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
}

static void
cairn_window_init (CairnWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reload_cases (self);
}
