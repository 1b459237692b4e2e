/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cairn-child-store.h"
#include "cairn-cli-commands.h"
#include "cairn-cli-common.h"
#include "cairn-error.h"

/* cairn-cli check --db FILE: integrity, foreign keys and schema version. */
int
cairn_cli_check (int    argc,
                 char **argv)
{
  g_autofree char *db = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cairn_cli_context_new ("check", NULL, _("Checks a database: SQLite integrity, foreign keys "
                                            "and schema version. Exits 1 naming each problem."),
                           entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  int status = CAIRN_EXIT_OK;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cairn_cli_usage_error (argv[1], _("unexpected argument"));
  if ((store = cairn_cli_open_store (db, &status)) == NULL)
    return status;
  if (!cairn_store_check (store, problems, &error))
    return cairn_cli_fail (error);

  for (guint i = 0; i < problems->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return CAIRN_EXIT_FINDINGS;
  printf (_("%s: ok (schema %u)\n"), db, cairn_store_get_schema_version (store));
  return CAIRN_EXIT_OK;
}

typedef struct
{
  JsonBuilder *builder;
} ListData;

static gboolean
print_row (const char *ref,
           const char *title,
           gpointer    user_data)
{
  ListData *data = user_data;

  if (data->builder != NULL)
    {
      json_builder_begin_object (data->builder);
      json_builder_set_member_name (data->builder, "ref");
      json_builder_add_string_value (data->builder, ref);
      json_builder_set_member_name (data->builder, "title");
      json_builder_add_string_value (data->builder, title ? title : "");
      json_builder_end_object (data->builder);
    }
  else
    printf ("%s\t%s\n", ref, title ? title : "");
  return TRUE;
}

/* cairn-cli list children|cases|conferences|scrs|meetings --db FILE [--json] */
int
cairn_cli_list (int    argc,
                char **argv)
{
  static const char *kinds[] = { "children", "cases", "conferences", "scrs", "meetings" };
  g_autofree char *db = NULL;
  gboolean json = FALSE;
  g_auto (CairnCliLogin) login = CAIRN_CLI_LOGIN_INIT;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The board's database"), "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON array"), NULL },
    CAIRN_CLI_LOGIN_ENTRIES (login),
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    cairn_cli_context_new ("list", "children|cases|conferences|scrs|meetings",
                           _("Lists records as REF<TAB>TITLE, one line each."), entries);
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  ListData data = { NULL };
  int status = CAIRN_EXIT_OK;
  int kind = -1;

  if (!cairn_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cairn_cli_usage_error ("list", _("name one of children, cases, conferences, scrs, meetings"));
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (argv[1], kinds[i]) == 0)
      kind = (int) i;
  if (kind < 0)
    return cairn_cli_usage_error (argv[1], _("not a kind of record (children, cases, conferences, "
                                             "scrs, meetings)"));
  if ((store = cairn_cli_open_store_as (db, &login, &status)) == NULL)
    return status;

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
      data.builder = builder;
    }
  if (!cairn_store_list_refs (store, (CairnListKind) kind, print_row, &data, &error))
    return cairn_cli_fail (error);
  if (json)
    {
      g_autoptr (JsonGenerator) gen = json_generator_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      text = json_generator_to_data (gen, NULL);
      printf ("%s\n", text);
    }
  return CAIRN_EXIT_OK;
}
