/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-store.h"

/*
 * How fast the case summaries (stage, next due date, timer status) are
 * refreshed for a whole board, against its peer, refreshing the same cases
 * one at a time as the app does after each event.
 *
 *   bench-summaries [N-CASES] [--keep FILE]
 *   bench-summaries --db FILE
 *
 * Builds a synthetic board of N cases (default 20000) with a realistic mix
 * of events (or opens one kept from an earlier run, with --db), times
 * cairn_pathway_refresh_all_summaries(), then times
 * cairn_pathway_refresh_case_summary() over the first 2000 cases, and
 * prints both rates and their ratio. Timings are printed, never asserted.
 */

static const char *const plan[] = {
  "referral_decision", "referral_acknowledged", "strategy_discussion", "s47_start",
  "s47_complete", "icpc", "cp_plan_start", "core_group", "core_group", "review_conference",
  "review_conference", "cp_plan_end", "case_closed", NULL
};
static const int plan_days[] = { 0, 1, 2, 2, 12, 16, 16, 25, 60, 100, 280, 300, 310 };

static const char *const assessed[] = {
  "referral_decision", "referral_acknowledged", "initial_assessment_start",
  "initial_assessment_complete", "cin_plan_start", "cin_plan_end", "case_closed", NULL
};
static const int assessed_days[] = { 0, 0, 1, 9, 12, 150, 151 };

/* CPU seconds used by this process: the figure to compare when the
 * machine is shared and wall-clock time is noisy. */
static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static void
add_event (CairnStore *store,
           gint64      child,
           int         case_number,
           const char *kind,
           const GDate *start,
           int         days)
{
  g_autoptr (CairnEvent) e = cairn_event_new ();
  g_autoptr (GError) error = NULL;

  e->kind = g_strdup (kind);
  e->date = *start;
  g_date_add_days (&e->date, days);
  if (!cairn_store_add_event (store, child, case_number, e, &error))
    g_error ("%s", error->message);
}

static void
build (CairnStore *store,
       guint       n_cases)
{
  g_autoptr (GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (42);
  gint64 child = 0;

  if (!cairn_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr (CairnReferral) referral = cairn_referral_new ();
      GDate start;
      int case_number, shape = g_rand_int_range (rand, 0, 10);

      if (i % 3 == 0)
        {
          g_autoptr (CairnChild) c = cairn_child_new ();
          c->given_name = g_strdup ("Sam");
          c->family_name = g_strdup ("Benchmark");
          cairn_date_set_ymd (&c->date_of_birth, 2004, 1 + i % 12, 1 + i % 28);
          if (!cairn_store_add_child (store, c, &error))
            g_error ("%s", error->message);
          child = c->number;
        }
      cairn_date_set_ymd (&start, 2009, 4, 1);
      g_date_add_days (&start, g_rand_int_range (rand, 0, 5 * 365 - 320));
      referral->received_on = start;
      case_number = cairn_store_open_case (store, child, referral, &error);
      if (case_number == 0)
        g_error ("%s", error->message);
      /* Three cases in ten follow the child protection route, most of them
       * to the end; the rest are assessed; some are still open. */
      if (shape < 3)
        for (int k = 0; plan[k] != NULL && (shape > 0 || k < 9); k++)
          add_event (store, child, case_number, plan[k], &start, plan_days[k]);
      else
        for (int k = 0; assessed[k] != NULL && (shape > 4 || k < 4); k++)
          add_event (store, child, case_number, assessed[k], &start, assessed_days[k]);
    }
  if (!cairn_store_commit (store, &error))
    g_error ("%s", error->message);
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *keep = NULL;
  const char *existing = NULL;
  guint n_cases = 20000, n_done = 0, n_failed = 0, n_single;
  gint64 t0, t_bulk, t_single;
  double bulk_rate, single_rate, c0, c_bulk, c_single;

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--keep") == 0 && i + 1 < argc)
        keep = argv[++i];
      else if (g_strcmp0 (argv[i], "--db") == 0 && i + 1 < argc)
        existing = keep = argv[++i];
      else
        n_cases = (guint) strtoul (argv[i], NULL, 10);
    }
  g_setenv ("CAIRN_TODAY", "2014-03-31", TRUE);
  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("cairn-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bench.cairn", NULL);
    }

  if (existing != NULL)
    {
      store = cairn_store_open (path, CAIRN_STORE_OPEN_EXISTING, &error);
      g_assert_no_error (error);
      n_cases = (guint) cairn_store_get_max_case_id (store, NULL);
    }
  else
    {
      store = cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
      g_assert_no_error (error);
      t0 = g_get_monotonic_time ();
      build (store, n_cases);
      printf ("built %u cases in %.1f s\n", n_cases, (g_get_monotonic_time () - t0) / 1e6);
    }

  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  if (!cairn_pathway_refresh_all_summaries (store, &n_done, &n_failed, &error))
    g_error ("%s", error->message);
  t_bulk = g_get_monotonic_time () - t0;
  c_bulk = cpu_seconds () - c0;
  g_assert_cmpuint (n_done, ==, n_cases);
  g_assert_cmpuint (n_failed, ==, 0);

  n_single = MIN (n_cases, 2000);
  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  for (guint i = 0; i < n_single; i++)
    if (!cairn_pathway_refresh_case_summary (store, 1 + i / 3, 1 + i % 3, &error))
      g_error ("%s", error->message);
  t_single = g_get_monotonic_time () - t0;
  c_single = cpu_seconds () - c0;

  bulk_rate = n_cases / c_bulk;
  single_rate = n_single / c_single;
  printf ("bulk refresh: %u cases in %.2f s wall, %.2f s CPU (%.0f cases per CPU second)\n",
          n_cases, t_bulk / 1e6, c_bulk, bulk_rate);
  printf ("one at a time (peer): %u cases in %.2f s wall, %.2f s CPU (%.0f cases per CPU second)\n",
          n_single, t_single / 1e6, c_single, single_rate);
  printf ("ratio bulk/peer (CPU): %.1f\n", bulk_rate / single_rate);

  g_clear_object (&store);
  if (keep == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
