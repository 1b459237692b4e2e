/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The case navigator on a board-sized or national-sized database, through
 * the same model code the table uses (CairnCaseList), beside the sqlite3
 * shell running the equivalent raw query in the same run (the floor).
 *
 *   bench-navigator --db FILE        (a demo database: cairn-cli demo --children 1000000)
 *
 * Goals (issue 5): first rows < 150 ms; row 900,000 < 150 ms; a search or
 * filter < 100 ms; sorting by any column < 200 ms; no page fetch (one
 * scroll step) over 16 ms; the process's resident size stays small.
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "cairn-case-list.h"
#include "cairn-store.h"
#include "cairn-user-store.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The sqlite3 shell's own time for @sql (".timer on", the "Run Time: real" line), in ms. */
static double
shell_ms (const char *db,
          const char *sql)
{
  g_autofree char *script = g_strdup_printf (".timer on\n%s\n", sql);
  g_autofree char *out = NULL;
  const char *argv[] = { "sqlite3", "-readonly", db, NULL };
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  const char *line;
  double best = -1;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                    G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, script, NULL, &out, NULL, &error))
    return -1;
  for (line = strstr (out, "Run Time: real "); line; line = strstr (line + 1, "Run Time: real "))
    best = g_ascii_strtod (line + strlen ("Run Time: real "), NULL) * 1000.0;
  return best;
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (p = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (p + 6, NULL, 10);
}

static void
line (const char *what,
      double      ours,
      double      floor_ms,
      double      goal)
{
  if (floor_ms > 0)
    printf ("%-44s %9.1f ms   sqlite3 %8.1f ms   ratio %5.2f   goal < %3.0f ms %s\n", what, ours,
            floor_ms, ours / floor_ms, goal, ours < goal ? "ok" : "MISSED");
  else
    printf ("%-44s %9.1f ms   %33s goal < %3.0f ms %s\n", what, ours, "", goal,
            ours < goal ? "ok" : "MISSED");
}

/* Applies @filter and reads the first page, as the table does when it shows. */
static double
show (CairnCaseList   *list,
      CairnCaseFilter *filter)
{
  double t0 = now_ms ();
  g_autoptr (GError) error = NULL;

  if (!cairn_case_list_set_filter (list, filter, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < 40 && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  return now_ms () - t0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *user = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "A demo database", "FILE" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, "Sign in as (default demo-chair)", "NAME" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— the case navigator's figures");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (CairnCaseList) list = NULL;
  g_autoptr (CairnCaseFilter) filter = cairn_case_filter_new ();
  static const char *sort_names[] = { "child", "age", "stage", "next deadline", "plan category",
                                      "lead social worker", "team", "reference" };
  static const char *sort_sql[] = { "name_key", "birth_key", "stage_key", "due_key", "category_key",
                                    "worker_key", "team_key", "ref_key" };
  double t, t0, worst_page = 0, floor_ms;
  guint n;
  long rss_before;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL)
    {
      fprintf (stderr, "bench-navigator: --db FILE is required (cairn-cli demo --db FILE --children 1000000)\n");
      return 2;
    }
  rss_before = rss_kib ();
  t0 = now_ms ();
  store = cairn_store_open (db, CAIRN_STORE_OPEN_EXISTING, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (cairn_store_count_users (store) > 0 &&
      !cairn_store_login (store, user ? user : CAIRN_DEMO_CHAIR, CAIRN_DEMO_PASSWORD, &error))
    g_error ("%s", error->message);
  printf ("open and sign in (Argon2id)                  %9.1f ms\n", now_ms () - t0);

  list = cairn_case_list_new (store);
  filter->sort = CAIRN_CASE_SORT_NEXT_DUE;
  t = show (list, filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  printf ("cases: %u\n", n);
  floor_ms = shell_ms (db, "SELECT count(*) FROM case_index;"
                           " SELECT * FROM case_index ORDER BY due_key, case_id LIMIT 100;");
  line ("first rows (count + first page)", t, floor_ms, 150);

  /* Scrolling: page after page, each fetched by key from the last. */
  for (guint i = 0; i < 50 * 100 && i < n; i += 100)
    {
      t0 = now_ms ();
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
      worst_page = MAX (worst_page, now_ms () - t0);
    }
  line ("worst page while scrolling (50 pages)", worst_page, -1, 16);

  /* Jumping: the anchors (one walk of the index, in the background in the
   * app), then the far row itself. */
  t0 = now_ms ();
  if (!cairn_case_list_ensure_anchors (list, &error))
    g_error ("%s", error->message);
  t = now_ms () - t0;
  floor_ms = shell_ms (db, "SELECT count(*) FROM (SELECT due_key, case_id FROM case_index ORDER BY due_key, case_id);");
  printf ("%-44s %9.1f ms   sqlite3 %8.1f ms   ratio %5.2f   (background)\n",
          "anchors: one walk of the index", t, floor_ms, t / floor_ms);
  if (n > 900000)
    {
      t0 = now_ms ();
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 900000));
      t = now_ms () - t0;
      floor_ms = shell_ms (db, "SELECT * FROM case_index ORDER BY due_key, case_id LIMIT 100 OFFSET 900000;");
      line ("jump to row 900,000 (anchors known)", t, floor_ms, 150);
    }

  /* Searching and filtering. */
  {
    static const struct
    {
      const char *what;
      const char *search;
      const char *team;
      gboolean overdue;
      const char *sql;
    } filters[] = {
      { "search a name prefix (\"Amel\")", "Amel", NULL, FALSE,
        "SELECT count(*) FROM case_search WHERE case_search MATCH '\"Amel\"*';" },
      { "search a case reference (\"C-000123\")", "C-000123", NULL, FALSE,
        "SELECT * FROM case_index WHERE ref_key BETWEEN 1230000 AND 1239999;" },
      { "search two words (\"ella smith\")", "ella smith", NULL, FALSE,
        "SELECT count(*) FROM case_search WHERE case_search MATCH '\"ella\"* \"smith\"*';" },
      { "filter overdue only", NULL, NULL, TRUE,
        "SELECT count(*) FROM case_index WHERE is_open = 1 AND due_key < '2014-03-31';" },
    };
    for (gsize i = 0; i < G_N_ELEMENTS (filters); i++)
      {
        g_autoptr (CairnCaseFilter) f = cairn_case_filter_new ();
        f->search = g_strdup (filters[i].search);
        f->team = g_strdup (filters[i].team);
        f->overdue_only = filters[i].overdue;
        t = show (list, f);
        floor_ms = shell_ms (db, filters[i].sql);
        line (filters[i].what, t, floor_ms, 100);
      }
  }

  /* Sorting by every column, both ways. */
  for (int s = 0; s < CAIRN_N_CASE_SORTS; s++)
    for (int desc = 0; desc < 2; desc++)
      {
        g_autoptr (CairnCaseFilter) f = cairn_case_filter_new ();
        g_autofree char *what = g_strdup_printf ("sort by %s%s", sort_names[s], desc ? ", descending" : "");
        g_autofree char *sql = g_strdup_printf ("SELECT * FROM case_index ORDER BY %s %s, case_id %s LIMIT 100;",
                                                sort_sql[s], desc ? "DESC" : "", desc ? "DESC" : "");
        f->sort = (CairnCaseSort) s;
        f->descending = desc;
        t = show (list, f);
        floor_ms = shell_ms (db, sql);
        line (what, t, floor_ms, 200);
      }

  printf ("resident size: %ld MiB (before opening: %ld MiB)\n", rss_kib () / 1024, rss_before / 1024);
  return 0;
}
