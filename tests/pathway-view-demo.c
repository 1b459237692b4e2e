/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows the process view for a look (and screenshots under Xvfb); not a test.
 *
 *   pathway-view-demo [--case] [--dark] [--high-contrast] [--zoom Z] [--focus NODE] [--select NODE]
 */
#include "config.h"

#include <adwaita.h>

#include "cairn-pathway-view.h"
#include "cairn-test-flowchart.h"

static gboolean with_case, dark, contrast;
static double zoom = 1.0;
static char *focus_id, *select_id;

static void
activate (GtkApplication *app)
{
  g_autoptr (CairnFlowchart) chart = cairn_test_wt2010_chart ();
  g_autoptr (CairnFlowCase) kase = with_case ? cairn_test_wt2010_case () : NULL;
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *view = cairn_pathway_view_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (dark)
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  if (contrast)
    {
      /* Without the settings portal libadwaita reads the GNOME setting. */
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr (GSettingsSchema) schema =
        source ? g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface", TRUE) : NULL;
      if (schema)
        {
          g_autoptr (GSettings) settings = g_settings_new ("org.gnome.desktop.a11y.interface");
          g_settings_set_boolean (settings, "high-contrast", TRUE);
        }
      else
        g_printerr ("pathway-view-demo: no org.gnome.desktop.a11y.interface schema for high contrast\n");
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
  cairn_pathway_view_set_chart (CAIRN_PATHWAY_VIEW (view), chart);
  cairn_pathway_view_set_case (CAIRN_PATHWAY_VIEW (view), kase);
  cairn_pathway_view_set_zoom (CAIRN_PATHWAY_VIEW (view), zoom);
  if (select_id)
    cairn_pathway_view_select (CAIRN_PATHWAY_VIEW (view), select_id);
  gtk_window_present (GTK_WINDOW (window));
  if (focus_id)
    {
      /* Focus enters at the selection. */
      cairn_pathway_view_select (CAIRN_PATHWAY_VIEW (view), focus_id);
      gtk_widget_grab_focus (view);
      gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
      cairn_pathway_view_select (CAIRN_PATHWAY_VIEW (view), select_id);
    }
}

int
main (int    argc,
      char **argv)
{
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_NONE, &with_case, "Show a synthetic case", NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &contrast, "High contrast", NULL },
    { "zoom", 0, 0, G_OPTION_ARG_DOUBLE, &zoom, "Zoom", "Z" },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &focus_id, "Give this node keyboard focus", "NODE" },
    { "select", 0, 0, G_OPTION_ARG_STRING, &select_id, "Select this node", "NODE" },
    { NULL }
  };
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.cairn.PathwayViewDemo", G_APPLICATION_NON_UNIQUE);

  g_application_add_main_option_entries (G_APPLICATION (app), entries);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
