/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-application.h"
#include "cairn-window.h"

struct _CairnApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *db_path;   /* from --db, for the first window */
};

G_DEFINE_FINAL_TYPE (CairnApplication, cairn_application, ADW_TYPE_APPLICATION)

CairnApplication *
cairn_application_new (void)
{
  return g_object_new (CAIRN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/cairn/Cairn",
                       NULL);
}

/**
 * cairn_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the app's settings, or %NULL when
 *   the schema is not installed (then nothing is remembered)
 */
GSettings *
cairn_application_get_settings (CairnApplication *self)
{
  g_return_val_if_fail (CAIRN_IS_APPLICATION (self), NULL);
  return self->settings;
}

static CairnWindow *
get_window (CairnApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (cairn_window_new (self));
  return CAIRN_WINDOW (window);
}

static void
cairn_application_activate (GApplication *app)
{
  CairnApplication *self = CAIRN_APPLICATION (app);
  CairnWindow *window = get_window (self);
  g_autofree char *path = NULL;

  if (cairn_window_get_store (window) == NULL)
    {
      if (self->db_path != NULL)
        path = g_strdup (self->db_path);
      else if (self->settings != NULL)
        path = g_settings_get_string (self->settings, "last-database");
      if (path != NULL && *path != '\0')
        {
          g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
          cairn_window_open_file (window, file);
        }
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
cairn_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  CairnWindow *window = get_window (CAIRN_APPLICATION (app));

  if (n_files > 0)
    cairn_window_open_file (window, files[0]);
  gtk_window_present (GTK_WINDOW (window));
}

static int
cairn_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  CairnApplication *self = CAIRN_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->db_path = g_strdup (db);
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  CairnApplication *self = user_data;
  static const char *developers[] = { "The Cairn developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Cairn"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Cairn developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Case navigation, the child protection pathway and "
                                       "statutory reports for Local Safeguarding Children Boards."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
cairn_application_startup (GApplication *app)
{
  CairnApplication *self = CAIRN_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };

  G_APPLICATION_CLASS (cairn_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
}

static void
cairn_application_finalize (GObject *object)
{
  CairnApplication *self = CAIRN_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);
  G_OBJECT_CLASS (cairn_application_parent_class)->finalize (object);
}

static void
cairn_application_class_init (CairnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cairn_application_finalize;
  app_class->activate = cairn_application_activate;
  app_class->open = cairn_application_open;
  app_class->startup = cairn_application_startup;
  app_class->handle_local_options = cairn_application_handle_local_options;
}

static void
cairn_application_init (CairnApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this board database"), "FILE" },
    { NULL }
  };

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_message ("GSettings schema %s is not installed; settings will not be remembered", APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}
