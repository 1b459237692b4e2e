/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows the process view for a look (and screenshots under Xvfb); not a test.
 *
 *   pathway-view-demo [--case] [--dark] [--high-contrast] [--zoom Z] [--focus NODE] [--select NODE]
 *                     [--edition ID] [--db FILE --case-ref C-000123/2]
 *
 * Without --edition, the pathway exactly as working-together-2010.md §11
 * tabulates it (and --case puts a synthetic case on it); with --db and
 * --case-ref, a case of a board without accounts, on its own edition.
 */
#include "config.h"

#include <adwaita.h>

#include "cairn-flowchart-edition.h"
#include "cairn-pathway.h"
#include "cairn-pathway-view.h"
#include "cairn-ref.h"
#include "cairn-test-flowchart.h"

static gboolean with_case, dark, contrast;
static double zoom = 1.0;
static char *focus_id, *select_id, *edition_id, *db_path, *case_ref;

static void
activate (GtkApplication *app)
{
  g_autoptr (CairnFlowchart) chart = NULL;
  g_autoptr (CairnFlowCase) kase = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *view = cairn_pathway_view_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (db_path && case_ref)
    {
      g_autoptr (CairnStore) store = cairn_store_open (db_path, 0, &error);
      g_autoptr (CairnEdition) edition = NULL;
      CairnRef ref;
      if (store == NULL || !cairn_ref_parse ("--case-ref", case_ref, CAIRN_REF_CASE, &ref, &error) ||
          (kase = cairn_flow_case_new_from_store (store, NULL, ref.number, ref.case_number, &edition, &error)) == NULL ||
          (chart = cairn_flowchart_new_from_edition (edition, &error)) == NULL)
        g_error ("%s", error->message);
    }
  else if (edition_id)
    {
      g_autoptr (CairnPathway) pathway = cairn_pathway_get_default (&error);
      CairnEdition *edition = pathway ? cairn_pathway_lookup_edition (pathway, edition_id) : NULL;
      if (edition == NULL || (chart = cairn_flowchart_new_from_edition (edition, &error)) == NULL)
        g_error ("%s: no such edition %s", edition_id, error ? error->message : "");
    }
  else
    {
      chart = cairn_test_wt2010_chart ();
      kase = with_case ? cairn_test_wt2010_case () : NULL;
    }
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
    { "edition", 0, 0, G_OPTION_ARG_STRING, &edition_id, "A guidance edition's map", "ID" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "A board without accounts", "FILE" },
    { "case-ref", 0, 0, G_OPTION_ARG_STRING, &case_ref, "A case of that board", "C-000123/2" },
    { NULL }
  };
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.cairn.PathwayViewDemo", G_APPLICATION_NON_UNIQUE);

  g_application_add_main_option_entries (G_APPLICATION (app), entries);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
