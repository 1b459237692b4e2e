/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "cairn-annual-report.h"
#include "cairn-annual-stats.h"
#include "cairn-pdf-writer.h"
#include "cairn-store-private.h"
#include "cairn-store.h"
#include "cairn-user-store.h"
#include "cairn-date.h"
#include "cairn-demo.h"

/*
 * How fast the annual report's statistics and the whole PDF are, on a large
 * board, beside the sqlite3 shell running the same statements.
 *
 *   bench-annual [--children N] [--synthetic] [--keep FILE] [--runs N]
 *   bench-annual --db FILE [--year 2013-14] [--runs N] [--script FILE.sql]
 *
 * Without --db it writes the demo board of N children (default 1,000,000;
 * cairn_demo_write(), as `cairn-cli demo` does, without the pathway's case
 * summaries, which the statistics do not read), or with --synthetic a
 * quicker board of its own SQL (cases, referrals, assessments, strategy
 * discussions, enquiries, conferences, plans with categories, reviews,
 * visits; the row triggers dropped for the bulk write); --keep keeps it for
 * later runs. With --db it opens a board that exists.
 *
 * It then times cairn_annual_compute_stats() for the five years to the
 * report's year, counted afresh (every year marked changed first) and read
 * from the statistics cache (goal: under 1 s), and the whole PDF: loading
 * the report, laying it out and writing it (goal: under 3 s). The
 * statements a fresh count ran, with their values bound
 * (sqlite3_expanded_sql), are written to a script and run through the
 * sqlite3 shell in the same run; the ratio is Cairn's time over the
 * shell's. Wall-clock and CPU seconds are
 * both printed (the machine is shared). Timings are printed, never asserted.
 */

static double
cpu_self (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static double
cpu_children (void)
{
  struct rusage ru;

  getrusage (RUSAGE_CHILDREN, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* The synthetic board, written straight into the tables (the benchmark
 * measures reading; how the rows got there does not matter). Every choice
 * is a function of the row id, so the same N gives the same board. */
static const char generate_sql[] =
  "INSERT INTO board (id, name, area, child_population) VALUES (1, 'Benchmark LSCB', 'Benchshire', 2400000);"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)"
  " INSERT INTO children (id, number, family_name, date_of_birth, sex)"
  " SELECT i, i, 'Bench' || i, date('1996-04-01', '+' || ((i * 7919) % 6200) || ' days'),"
  "   CASE i % 2 WHEN 0 THEN 'F' ELSE 'M' END FROM n;"
  /* One case each, a second for three children in ten. */
  "INSERT INTO cases (id, child_id, number, opened_on)"
  " SELECT id, id, 1, date('2008-04-01', '+' || ((id * 104729) % 1900) || ' days') FROM children;"
  "INSERT INTO cases (id, child_id, number, opened_on)"
  " SELECT c.id + ?1, c.child_id, 2, date(c.opened_on, '+' || (120 + c.id % 400) || ' days')"
  " FROM cases c WHERE c.id % 10 < 3;"
  "UPDATE cases SET closed_on = date(opened_on, '+' || (30 + id % 300) || ' days') WHERE id % 4 <> 0;"
  "INSERT INTO referrals (case_id, received_at, source_code, nfa)"
  " SELECT id, opened_on || 'T' || printf('%02d:%02d', 8 + id % 9, id % 60),"
  "   CASE id % 9 WHEN 0 THEN '2A' WHEN 1 THEN '6' WHEN 2 THEN '3A' WHEN 3 THEN '1A' WHEN 4 THEN '5A'"
  "     WHEN 5 THEN '3B' WHEN 6 THEN '8' WHEN 7 THEN '2B' ELSE '9' END,"
  "   id % 5 = 0 FROM cases;"
  /* Assessments for four cases in five: initial (or single from 15 April
   * 2013) from the referral, some late; a core assessment for some. */
  "INSERT INTO assessments (case_id, kind, started_on, authorised_on, child_seen)"
  " SELECT id, CASE WHEN opened_on < '2013-04-15' THEN 'initial' ELSE 'single' END, opened_on,"
  "   CASE WHEN id % 23 = 0 THEN NULL"
  "        WHEN opened_on < '2013-04-15' THEN date(opened_on, '+' || (2 + id % 18) || ' days')"
  "        ELSE date(opened_on, '+' || (20 + id % 60) || ' days') END, 1"
  " FROM cases WHERE id % 5 <> 0;"
  "INSERT INTO assessments (case_id, kind, started_on, authorised_on, child_seen)"
  " SELECT id, 'core', date(opened_on, '+12 days'), date(opened_on, '+' || (30 + id % 45) || ' days'), 1"
  " FROM cases WHERE id % 5 <> 0 AND opened_on < '2013-04-15' AND id % 10 IN (1, 2, 3);"
  /* Strategy discussions and section 47 enquiries for one case in seven;
   * an initial conference for half of them, a plan for most of those. */
  "INSERT INTO strategy_discussions (id, case_id, held_at, s47_decision)"
  " SELECT id, id, date(opened_on, '+1 day') || 'T10:00', 'joint' FROM cases WHERE id % 7 = 0;"
  "INSERT INTO s47_enquiries (case_id, strategy_discussion_id, started_on, completed_on, icpc_on,"
  " icpc_not_required)"
  " SELECT id, id, date(opened_on, '+1 day'), date(opened_on, '+' || (8 + id % 10) || ' days'),"
  "   CASE WHEN id % 14 = 0 THEN date(opened_on, '+' || (10 + id % 14) || ' days') END, id % 14 <> 0"
  " FROM cases WHERE id % 7 = 0;"
  "INSERT INTO cp_plans (id, case_id, started_on, ended_on, initial_category, latest_category, previous_plans)"
  " SELECT q.case_id, q.case_id, q.icpc_on,"
  "   CASE WHEN q.case_id % 3 = 0 THEN NULL ELSE date(q.icpc_on, '+' || (90 + q.case_id % 800) || ' days') END,"
  "   CASE q.case_id % 5 WHEN 0 THEN 'NEG' WHEN 1 THEN 'EMO' WHEN 2 THEN 'PHY' WHEN 3 THEN 'MUL' ELSE 'SAB' END,"
  "   CASE q.case_id % 5 WHEN 0 THEN 'NEG' WHEN 1 THEN 'EMO' WHEN 2 THEN 'PHY' WHEN 3 THEN 'MUL' ELSE 'SAB' END,"
  "   q.case_id % 4 = 0"
  " FROM s47_enquiries q WHERE q.icpc_on IS NOT NULL AND q.case_id % 28 <> 14;"
  "INSERT INTO cp_plan_categories (plan_id, category)"
  " SELECT id, CASE latest_category WHEN 'MUL' THEN 'NEG' ELSE latest_category END FROM cp_plans"
  " WHERE latest_category <> 'MUL' OR id % 2 = 0;"
  "INSERT INTO cp_plan_categories (plan_id, category)"
  " SELECT id, 'EMO' FROM cp_plans WHERE latest_category = 'MUL' AND id % 2 = 0;"
  "INSERT INTO cp_reviews (plan_id, review_on)"
  " SELECT id, date(started_on, '+3 months', '-' || (id % 12) || ' days') FROM cp_plans"
  " WHERE ended_on IS NULL OR ended_on > date(started_on, '+3 months');"
  "INSERT INTO cp_reviews (plan_id, review_on)"
  " SELECT id, date(started_on, '+9 months', '-' || (id % 20) || ' days') FROM cp_plans"
  " WHERE ended_on IS NULL OR ended_on > date(started_on, '+9 months');"
  /* Three visits a case. */
  "WITH RECURSIVE k (j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 3)"
  " INSERT INTO events (case_id, kind, occurred_at, child_seen, seen_alone)"
  " SELECT c.id, 'home_visit', date(c.opened_on, '+' || (k.j * 15 + c.id % 10) || ' days') || 'T11:00',"
  "   (c.id + k.j) % 10 <> 0, (c.id + k.j) % 3 = 0"
  " FROM cases c, k;"
  "INSERT INTO child_population (year, children, source) VALUES"
  " (2009, 2380000, 'bench'), (2010, 2390000, 'bench'), (2011, 2400000, 'bench'),"
  " (2012, 2410000, 'bench'), (2013, 2420000, 'bench');";

static void
generate (const char *path,
          guint       n_children)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  const char *sql = generate_sql;
  g_autoptr (GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  gint64 t0 = g_get_monotonic_time ();

  g_assert_no_error (error);
  db = cairn_store_get_db (store);
  /* The bulk write needs none of the audit or index triggers. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'trigger'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (drops, g_strdup_printf ("DROP TRIGGER \"%s\"", sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < drops->len; i++)
    g_assert_cmpint (sqlite3_exec (db, g_ptr_array_index (drops, i), NULL, NULL, NULL), ==, SQLITE_OK);
  while (*sql)
    {
      const char *tail = NULL;
      int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, &tail);
      if (rc != SQLITE_OK)
        g_error ("generate: %s", sqlite3_errmsg (db));
      if (stmt == NULL)
        break;
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_int64 (stmt, 1, n_children);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("generate: %s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      sql = tail;
    }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  printf ("generated %u children in %.1f s\n", n_children, (g_get_monotonic_time () - t0) / 1e6);
}

static void
generate_demo (const char *path,
               guint       n_children)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  CairnDemoOptions options;
  CairnDemoSummary summary;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_no_error (error);
  cairn_demo_options_init (&options);
  options.n_children = n_children;
  if (!cairn_demo_write (store, &options, NULL, NULL, &summary, &error))
    g_error ("demo: %s", error->message);
  printf ("demo board of %u children (%" G_GINT64_FORMAT " cases, %" G_GINT64_FORMAT " events) in %.1f s\n",
          n_children, summary.cases, summary.events, (g_get_monotonic_time () - t0) / 1e6);
}

static int
trace_statement (unsigned  type,
                 void     *data,
                 void     *p,
                 void     *x)
{
  GString *script = data;
  const char *text = x;
  char *expanded;

  if (type != SQLITE_TRACE_STMT || text == NULL || g_str_has_prefix (text, "--"))
    return 0;
  expanded = sqlite3_expanded_sql (p);
  if (expanded != NULL)
    {
      g_string_append (script, expanded);
      g_string_append (script, ";\n");
      sqlite3_free (expanded);
    }
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_of (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autoptr (CairnPathway) pathway = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *script_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autoptr (GString) script = g_string_new (NULL);
  g_autoptr (GArray) stats_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) stats_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) warm_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) warm_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) shell_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) shell_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) pdf_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) pdf_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  const char *keep = NULL, *existing = NULL, *year_text = "2013-14", *save_script = NULL;
  guint n_children = 1000000, runs = 3, n_pages = 0;
  gboolean synthetic = FALSE;
  int year;

  setvbuf (stdout, NULL, _IOLBF, 0);
  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--keep") == 0 && i + 1 < argc)
        keep = argv[++i];
      else if (g_strcmp0 (argv[i], "--db") == 0 && i + 1 < argc)
        existing = argv[++i];
      else if (g_strcmp0 (argv[i], "--children") == 0 && i + 1 < argc)
        n_children = (guint) strtoul (argv[++i], NULL, 10);
      else if (g_strcmp0 (argv[i], "--runs") == 0 && i + 1 < argc)
        {
          runs = (guint) strtoul (argv[++i], NULL, 10);
          runs = MAX (runs, 1);
        }
      else if (g_strcmp0 (argv[i], "--year") == 0 && i + 1 < argc)
        year_text = argv[++i];
      else if (g_strcmp0 (argv[i], "--synthetic") == 0)
        synthetic = TRUE;
      else if (g_strcmp0 (argv[i], "--script") == 0 && i + 1 < argc)
        save_script = argv[++i];
      else
        {
          fprintf (stderr, "usage: bench-annual [--children N] [--synthetic] [--keep FILE] [--runs N] | --db FILE [--year YYYY-YY]\n");
          return 2;
        }
    }
  if (!cairn_year_parse ("--year", year_text, &year, &error))
    {
      fprintf (stderr, "bench-annual: %s\n", error->message);
      return 2;
    }
  g_setenv ("CAIRN_TODAY", "2014-06-30", FALSE);
  dir = g_dir_make_tmp ("cairn-bench-annual-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_strdup (existing ? existing : keep ? keep : NULL);
  if (path == NULL)
    path = g_build_filename (dir, "bench.cairn", NULL);
  if (existing == NULL && synthetic)
    generate (path, n_children);
  else if (existing == NULL)
    generate_demo (path, n_children);

  store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  if (cairn_store_count_users (store) > 0 && !cairn_store_login_demo (store, &error))
    {
      fprintf (stderr, "bench-annual: %s: %s\n", path, error->message);
      return 2;
    }
  pathway = cairn_pathway_get_default (&error);
  g_assert_no_error (error);

  /* The statistics of the report's year and the four before it: counted
   * afresh (every year marked as changed first), then read from the
   * statistics cache as the app and the CLI read them until a record
   * changes. */
  for (guint r = 0; r < 2 * runs; r++)
    {
      g_autoptr (GPtrArray) years = NULL;
      gboolean cold = r < runs;
      gint64 t0;
      double c0, wall, cpu;

      if (cold && !cairn_store_annual_invalidate (store, &error))
        g_error ("%s", error->message);
      t0 = g_get_monotonic_time ();
      c0 = cpu_self ();
      if (r == 0)
        sqlite3_trace_v2 (cairn_store_get_db (store), SQLITE_TRACE_STMT, trace_statement, script);
      years = cairn_annual_compute_stats (store, pathway, year - 4, year, NULL, &error);
      if (r == 0)
        sqlite3_trace_v2 (cairn_store_get_db (store), 0, NULL, NULL);
      g_assert_no_error (error);
      wall = (g_get_monotonic_time () - t0) / 1e6;
      cpu = cpu_self () - c0;
      if (r == 0)
        {
          const CairnAnnualYear *y = g_ptr_array_index (years, years->len - 1);
          printf ("%s: %" G_GINT64_FORMAT " referrals, %" G_GINT64_FORMAT " assessments, %" G_GINT64_FORMAT
                  " initial conferences, %" G_GINT64_FORMAT " children on a plan at 31 March\n",
                  year_text, y->referrals,
                  y->initial_assessments.total + y->core_assessments.total + y->single_assessments.total,
                  y->icpcs.total, y->children_on_plans);
        }
      g_array_append_val (cold ? stats_wall : warm_wall, wall);
      g_array_append_val (cold ? stats_cpu : warm_cpu, cpu);
    }

  /* The same statements through the sqlite3 shell. */
  script_path = g_build_filename (dir, "stats.sql", NULL);
  g_assert_true (g_file_set_contents (script_path, script->str, -1, NULL));
  if (save_script != NULL)
    g_assert_true (g_file_set_contents (save_script, script->str, -1, NULL));
  for (guint r = 0; r < runs; r++)
    {
      g_autofree char *command = g_strdup_printf ("sqlite3 -bail '%s' < '%s' > /dev/null", path, script_path);
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_children (), wall, cpu;
      int status = system (command);

      if (status != 0)
        {
          fprintf (stderr, "bench-annual: the sqlite3 shell failed (%d) on %s\n", status, script_path);
          return 1;
        }
      wall = (g_get_monotonic_time () - t0) / 1e6;
      cpu = cpu_children () - c0;
      g_array_append_val (shell_wall, wall);
      g_array_append_val (shell_cpu, cpu);
    }

  /* The whole PDF: read everything the report shows, lay it out, write it. */
  pdf_path = g_build_filename (dir, "annual.pdf", NULL);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr (CairnAnnualReport) report = NULL;
      CairnAnnualExport result = { 0 };
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_self (), wall, cpu;

      report = cairn_annual_report_load (store, pathway, year, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (cairn_annual_report_export (report, pdf_path, NULL, &result, &error));
      g_assert_no_error (error);
      n_pages = result.n_pages;
      cairn_annual_export_clear (&result);
      wall = (g_get_monotonic_time () - t0) / 1e6;
      cpu = cpu_self () - c0;
      g_array_append_val (pdf_wall, wall);
      g_array_append_val (pdf_cpu, cpu);
    }

  {
    double sw = median_of (stats_wall), sc = median_of (stats_cpu);
    double ww = median_of (warm_wall), wc = median_of (warm_cpu);
    double hw = median_of (shell_wall), hc = median_of (shell_cpu);
    double pw = median_of (pdf_wall), pc = median_of (pdf_cpu);
    guint n_statements = 0;

    for (const char *c = script->str; *c; c++)
      n_statements += *c == '\n';
    printf ("statistics, 5 years, counted afresh (median of %u): %.3f s wall, %.3f s CPU\n", runs, sw, sc);
    printf ("sqlite3 shell, the same %u statements:           %.3f s wall, %.3f s CPU\n", n_statements, hw, hc);
    printf ("ratio Cairn / sqlite3 shell:                        %.2f wall, %.2f CPU\n", sw / hw, sc / hc);
    printf ("statistics, 5 years, from the cache (median of %u):  %.3f s wall, %.3f s CPU (goal < 1 s)\n", runs,
            ww, wc);
    printf ("whole PDF (%u pages, cache current, median of %u):  %.3f s wall, %.3f s CPU (goal < 3 s)\n", n_pages,
            runs, pw, pc);
  }

  /* Closed first, so that SQLite's -wal and -shm go with the file. */
  g_clear_object (&store);
  if (keep == NULL && existing == NULL)
    {
      const char *const companions[] = { "", "-wal", "-shm", "-journal", ".audit-head" };

      for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
        {
          g_autofree char *file = g_strconcat (path, companions[i], NULL);
          g_unlink (file);
        }
    }
  g_unlink (script_path);
  g_unlink (pdf_path);
  g_rmdir (dir);
  return 0;
}
