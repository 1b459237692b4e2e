/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "cairn-cin-rules.h"
#include "cairn-cin-store.h"
#include "cairn-store.h"

/* Benchmark: import a CIN census of about 100,000 children into an empty
 * board (goal: under 10 s), beside the sqlite3 shell loading the same rows
 * from SQL and xmllint parsing the same file, in the same run. Not a test:
 * timings never decide pass or fail.
 *
 *   _build/tests/bench/bench-cin-import [--census FILE] [--children N] [--keep DIR]
 *
 * Without --census the file is made the way a board would make it: a demo
 * board of N children (default 166,000) over 2022-23..2023-24 written with
 * `cairn-cli demo`, and its 2023-24 return written with `cairn-cli cin
 * export` (about 60 % of the demo's children are in that year's return). */

#define DEMO_PASSWORD "cairn-demo-password\n"

static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
         usage.ru_stime.tv_usec / 1e6;
}

static gboolean
run (const char * const *argv,
     const char         *input_file,
     const char         *output_file,
     double             *wall,
     double             *cpu)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) proc = NULL;
  double c0 = cpu_seconds (RUSAGE_CHILDREN);
  gint64 t0 = g_get_monotonic_time ();

  if (input_file != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, input_file);
  if (output_file != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, output_file);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (proc == NULL || !g_subprocess_wait_check (proc, NULL, &error))
    {
      fprintf (stderr, "bench-cin-import: %s: %s\n", argv[0], error->message);
      return FALSE;
    }
  if (wall != NULL)
    *wall = (g_get_monotonic_time () - t0) / 1e6;
  if (cpu != NULL)
    *cpu = cpu_seconds (RUSAGE_CHILDREN) - c0;
  return TRUE;
}

static CairnStore *
empty_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  CairnStore *store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);

  if (store == NULL)
    {
      fprintf (stderr, "bench-cin-import: %s\n", error->message);
      exit (2);
    }
  return store;
}

/* The census tables' rows, as the SQL the sqlite3 shell loads. */
static const char *const tables[] = {
  "children", "child_disabilities", "cases", "referrals", "assessments", "assessment_factors",
  "cin_plans", "s47_enquiries", "cp_plans", "cp_plan_categories", "cp_reviews", "events",
};

int
main (int    argc,
      char **argv)
{
  int children = 166000;
  g_autofree char *census_path = NULL;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "census", 0, 0, G_OPTION_ARG_FILENAME, &census_path, "Import this census file", "FILE" },
    { "children", 0, 0, G_OPTION_ARG_INT, &children, "Children in the demo board (166000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Work in this folder and keep its files", "DIR" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— import a CIN census of 100,000 children");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (CairnCinCensus) census = NULL;
  g_autoptr (CairnCinReport) report = NULL;
  g_autoptr (CairnCinImportSummary) summary = NULL;
  g_autoptr (CairnCinImportSummary) again = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *demo_db = NULL;
  g_autofree char *target = NULL;
  g_autofree char *peer_db = NULL;
  g_autofree char *sql = NULL;
  const char *cli = g_getenv ("CAIRN_CLI");
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *children_text = NULL;
  g_autofree char *year_name = NULL;
  double read_s, validate_s, import_s, again_s, demo_s = 0, export_s = 0;
  double read_c, validate_c, import_c, again_c;
  double peer_s = -1, peer_c = -1, lint_s = -1, lint_c = -1;
  double c0;
  gint64 t0;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-cin-import: %s\n", error->message);
      return 2;
    }
  g_autofree char *cli_guess = NULL;

  if (cli == NULL)
    {
      /* _build/tests/bench/bench-cin-import → _build/src/cli/cairn-cli */
      g_autofree char *here = g_path_get_dirname (argv[0]);
      cli_guess = g_build_filename (here, "..", "..", "src", "cli", "cairn-cli", NULL);
      cli = cli_guess;
    }
  if (keep != NULL)
    {
      g_mkdir_with_parents (keep, 0700);
      dir = g_strdup (keep);
    }
  else
    dir = g_dir_make_tmp ("bench-cin-import-XXXXXX", &error);
  g_assert_no_error (error);

  if (census_path == NULL)
    {
      g_autofree char *password = g_build_filename (dir, "password", NULL);
      const char *demo[] = { cli, "demo", "--db", NULL, "--force", "--years", "2022-23..2023-24", "--children",
                             NULL, NULL };
      const char *export[] = { cli, "cin", "export", "--db", NULL, "--year", "2023-24", "-o", NULL, "--user",
                               "demo-chair", "--password-fd", "0", NULL };

      demo_db = g_build_filename (dir, "demo.db", NULL);
      census_path = g_build_filename (dir, "census-2023-24.xml", NULL);
      children_text = g_strdup_printf ("%d", children);
      demo[3] = demo_db;
      demo[8] = children_text;
      export[4] = demo_db;
      export[8] = census_path;
      g_file_set_contents (password, DEMO_PASSWORD, -1, NULL);
      fprintf (stderr, "bench-cin-import: writing a demo board of %d children…\n", children);
      if (!run (demo, NULL, "/dev/null", &demo_s, NULL) || !run (export, password, NULL, &export_s, NULL))
        return 1;
    }

  /* Cairn: read, validate, import into an empty board (one transaction,
   * the case index rebuilt once, one audit entry). */
  target = g_build_filename (dir, "import.db", NULL);
  store = empty_store (target);
  c0 = cpu_seconds (RUSAGE_SELF);
  t0 = g_get_monotonic_time ();
  census = cairn_cin_census_read_file (census_path, NULL, NULL, NULL, &error);
  if (census == NULL)
    {
      fprintf (stderr, "bench-cin-import: %s\n", error->message);
      return 1;
    }
  read_s = (g_get_monotonic_time () - t0) / 1e6;
  read_c = cpu_seconds (RUSAGE_SELF) - c0;
  c0 = cpu_seconds (RUSAGE_SELF);
  t0 = g_get_monotonic_time ();
  report = cairn_cin_validate (census, 0, NULL, &error);
  g_assert_no_error (error);
  validate_s = (g_get_monotonic_time () - t0) / 1e6;
  validate_c = cpu_seconds (RUSAGE_SELF) - c0;
  c0 = cpu_seconds (RUSAGE_SELF);
  t0 = g_get_monotonic_time ();
  summary = cairn_store_import_cin_census (store, census, NULL, NULL, NULL, NULL, &error);
  import_s = (g_get_monotonic_time () - t0) / 1e6;
  import_c = cpu_seconds (RUSAGE_SELF) - c0;
  if (summary == NULL)
    {
      fprintf (stderr, "bench-cin-import: %s\n", error->message);
      return 1;
    }
  /* The same file again: everything is compared, nothing written. */
  c0 = cpu_seconds (RUSAGE_SELF);
  t0 = g_get_monotonic_time ();
  again = cairn_store_import_cin_census (store, census, NULL, NULL, NULL, NULL, &error);
  again_s = (g_get_monotonic_time () - t0) / 1e6;
  again_c = cpu_seconds (RUSAGE_SELF) - c0;
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Peer 1: the sqlite3 shell loading the same rows, from SQL INSERTs in one
   * transaction, into a fresh database with the same tables and indexes
   * (Cairn's triggers need its own SQL functions, so they are left out). */
  if (sqlite3 != NULL)
    {
      g_autoptr (GString) script = g_string_new (
        ".mode list\n.headers off\n"
        "SELECT sql || ';' FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL"
        " AND name NOT LIKE 'case_search%' AND name NOT LIKE 'sqlite_%';\n"
        ".print PRAGMA journal_mode=WAL;\n.print PRAGMA synchronous=NORMAL;\n"
        ".print PRAGMA foreign_keys=ON;\n.print BEGIN;\n");
      g_autofree char *script_path = g_build_filename (dir, "dump.sql", NULL);
      const char *dump[] = { sqlite3, target, NULL };
      const char *load[] = { sqlite3, NULL, NULL };

      for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
        g_string_append_printf (script, ".mode insert %s\nSELECT * FROM %s;\n", tables[i], tables[i]);
      g_string_append (script, ".print COMMIT;\n");
      g_file_set_contents (script_path, script->str, -1, NULL);
      sql = g_build_filename (dir, "rows.sql", NULL);
      peer_db = g_build_filename (dir, "peer.db", NULL);
      g_unlink (peer_db);
      load[1] = peer_db;
      if (run (dump, script_path, sql, NULL, NULL))
        run (load, sql, "/dev/null", &peer_s, &peer_c);
    }

  /* Peer 2: libxml2 parsing the file (no database). */
  if (xmllint != NULL)
    {
      const char *lint[] = { xmllint, "--noout", "--huge", census_path, NULL };

      run (lint, NULL, NULL, &lint_s, &lint_c);
    }

  g_stat (census_path, &st);
  year_name = cairn_cin_year_name (census->year);
  printf ("CIN census import: %u children, %.1f MB (%u errors, %u queries under the %s rules)\n",
          census->n_children, st.st_size / 1e6, report->n_errors, report->n_queries, year_name);
  if (demo_s > 0)
    printf ("made with cairn-cli demo (%d children, 2022-23..2023-24) in %.1f s and cairn-cli cin export in %.1f s\n",
            children, demo_s, export_s);
  printf ("first import: %u added, %u skipped, %u cases; again: %u unchanged, %u added, %u updated\n",
          summary->added, summary->skipped, summary->cases_added, again->unchanged, again->added,
          again->updated);
  printf ("                              wall      cpu\n");
  printf ("cairn read                  %6.2f s  %6.2f s\n", read_s, read_c);
  printf ("cairn validate              %6.2f s  %6.2f s\n", validate_s, validate_c);
  printf ("cairn import (empty board)  %6.2f s  %6.2f s\n", import_s, import_c);
  printf ("cairn read+import           %6.2f s  %6.2f s   (goal: under 10 s)\n", read_s + import_s,
          read_c + import_c);
  printf ("cairn import again          %6.2f s  %6.2f s   (nothing changes)\n", again_s, again_c);
  if (peer_s >= 0)
    {
      printf ("sqlite3 shell, same rows    %6.2f s  %6.2f s   (same schema, WAL, one transaction)\n", peer_s,
              peer_c);
      printf ("ratio cairn import / sqlite3 shell: %.2f wall, %.2f cpu\n", import_s / peer_s, import_c / peer_c);
    }
  else
    printf ("sqlite3 shell               not run (install sqlite3)\n");
  if (lint_s >= 0)
    {
      printf ("xmllint --noout             %6.2f s  %6.2f s   (libxml2 tree, parse only)\n", lint_s, lint_c);
      printf ("ratio cairn read / xmllint --noout: %.2f wall, %.2f cpu\n", read_s / lint_s, read_c / lint_c);
    }

  if (keep == NULL)
    {
      const char *names[] = { "demo.db", "demo.db-wal", "demo.db-shm", "demo.db.audit-head", "census-2023-24.xml",
                              "import.db", "import.db-wal", "import.db-shm", "import.db.audit-head", "peer.db",
                              "peer.db-wal", "peer.db-shm", "peer.db.audit-head", "rows.sql", "dump.sql", "password" };

      for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *p = g_build_filename (dir, names[i], NULL);
          g_unlink (p);
        }
      g_rmdir (dir);
    }
  return 0;
}
