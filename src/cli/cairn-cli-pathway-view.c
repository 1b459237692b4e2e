/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-audit-store.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-flowchart-edition.h"
#include "cairn-flowchart-render.h"
#include "cairn-pathway.h"
#include "cairn-ref.h"

static char *
edition_list (CairnPathway *pathway)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cairn_pathway_get_n_editions (pathway); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", cairn_edition_get_id (cairn_pathway_get_edition (pathway, i)));
  return g_string_free (s, FALSE);
}

/* The format named by -o's extension, when --format is not given. */
static gboolean
format_from_path (const char      *path,
                  CairnFlowFormat *out)
{
  const char *dot = path ? strrchr (path, '.') : NULL;
  g_autofree char *ext = dot ? g_ascii_strdown (dot + 1, -1) : NULL;

  return ext && cairn_flow_format_from_string (ext, out);
}

/* cairn-cli pathway --edition ID [--db FILE --case REF] [--format pdf|svg|png] -o FILE */
int
cairn_cli_pathway (int    argc,
                   char **argv)
{
  g_autofree char *edition_id = NULL;
  g_autofree char *db = NULL;
  g_autofree char *case_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  double scale = 1.0;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "edition", 0, 0, G_OPTION_ARG_STRING, &edition_id,
      N_("The guidance edition (wt2010, wt2013); with --case, the case's own edition by default"), "ID" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database (with --case)"), "FILE" },
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_text, N_("Show where this case stands"), "C-000123/2" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("pdf, svg or png (else from -o's extension)"),
      "FORMAT" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("PNG pixels per point at 96 dpi (default 1)"), "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the chart (- for standard output)"),
      "FILE" },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context = cairn_cli_context_new (
    "pathway", NULL,
    _("Draws an edition's referral-to-review pathway as a flowchart: each stage a box, each decision "
      "a diamond, the arrows labelled with their conditions and timescales. Without --db it is the "
      "reference map and needs no login. With --db and --case it shows where the case stands: stages "
      "passed, the current one, the next deadlines with their dates and working days left, and late "
      "steps with how late (opening the case is recorded in the audit trail). PDF and SVG keep the "
      "labels as text."),
    entries);
  g_autoptr (CairnPathway) pathway = NULL;
  g_autoptr (CairnEdition) shown = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (CairnFlowchart) chart = NULL;
  g_autoptr (CairnFlowCase) kase = NULL;
  g_autoptr (CairnFlowPainter) painter = NULL;
  g_autoptr (CairnFlowLayout) layout = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  CairnEdition *edition = NULL;
  CairnFlowFormat format;
  CairnRef ref = { 0 };
  int status = CAIRN_EXIT_OK;
  gsize size;
  const char *data;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if (output == NULL)
    return cairn_cli_usage_error ("-o", _("name the file to write (or - for standard output)"));
  if (format_text != NULL ? !cairn_flow_format_from_string (format_text, &format)
                          : !format_from_path (output, &format))
    return format_text ? cairn_cli_usage_error ("--format", _("\"%s\" is not pdf, svg or png"), format_text)
                       : cairn_cli_usage_error ("--format", _("name one of pdf, svg, png"));
  if (!(scale >= 0.1 && scale <= 8))
    return cairn_cli_usage_error ("--scale", _("%g is not between 0.1 and 8"), scale);
  if (case_text != NULL && db == NULL)
    return cairn_cli_usage_error ("--case", _("needs --db"));
  if (db != NULL && case_text == NULL)
    return cairn_cli_usage_error ("--db", _("needs --case (the reference map needs no database)"));
  if (case_text == NULL && edition_id == NULL)
    return cairn_cli_usage_error ("--edition", _("name an edition (or a case with --db and --case)"));
  if (case_text != NULL && !cairn_ref_parse ("--case", case_text, CAIRN_REF_CASE, &ref, &error))
    return cairn_cli_fail (error);

  if ((pathway = cairn_pathway_get_default (&error)) == NULL)
    return cairn_cli_fail (error);
  if (edition_id != NULL && (edition = cairn_pathway_lookup_edition (pathway, edition_id)) == NULL)
    {
      g_autofree char *ids = edition_list (pathway);
      return cairn_cli_usage_error ("--edition", _("\"%s\" is not a guidance edition (%s)"), edition_id, ids);
    }

  if (case_text != NULL)
    {
      if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
        return status;
      kase = cairn_flow_case_new_from_store (store, edition, ref.number, ref.case_number, &shown, &error);
      if (kase == NULL || !cairn_store_record_child_opened (store, ref.number, &error))
        return cairn_cli_fail (error);
      edition = shown;
    }

  if ((chart = cairn_flowchart_new_from_edition (edition, &error)) == NULL)
    return cairn_cli_fail (error);
  painter = cairn_flow_painter_new ();
  layout = cairn_flow_painter_layout (painter, chart, kase);
  if ((bytes = cairn_flow_painter_export (painter, layout, format, scale, &error)) == NULL)
    return cairn_cli_fail (error);
  data = g_bytes_get_data (bytes, &size);
  if (!cairn_cli_write_file (output, data, size, &status))
    return status;
  return CAIRN_EXIT_OK;
}
