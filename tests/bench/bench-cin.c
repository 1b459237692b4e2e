/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "cairn-cin-rules.h"
#include "cairn-validate.h"

/* Benchmark: read and validate a synthetic CIN census of 100,000 children
 * (goal: under 5 s), beside `xmllint --noout` parsing the same file in the
 * same run. Not a test: timings never decide pass or fail.
 *
 *   _build/tests/bench/bench-cin [--children N] [--keep FILE]
 *
 * The census is generated here, deterministically (a fixed seed); every
 * child is made up. */

/* CPU seconds (user + system) of this process, or of its waited-for children. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
         usage.ru_stime.tv_usec / 1e6;
}

static void
append_date (GString *s,
             const char *element,
             const GDate *date)
{
  g_string_append_printf (s, "<%s>%04u-%02u-%02u</%s>", element, (unsigned) g_date_get_year (date),
                          (unsigned) g_date_get_month (date), (unsigned) g_date_get_day (date), element);
}

static void
day (GDate *out,
     const GDate *from,
     int days)
{
  *out = *from;
  if (days >= 0)
    g_date_add_days (out, (guint) days);
  else
    g_date_subtract_days (out, (guint) -days);
}

static const char *ethnicities[] = { "WBRI", "WIRI", "WOTH", "MWBC", "MWBA", "AIND", "APKN", "BAFR", "CHNE", "OOTH", "NOBT" };
static const char *disabilities[] = { "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA" };
static const char *sources[] = { "1A", "1B", "2A", "2B", "3A", "3B", "3E", "4", "5A", "5D", "6", "7", "8", "9", "10" };
static const char *factors[] = { "1B", "2B", "3A", "3B", "4B", "5A", "6B", "10A", "11A", "16A", "17A", "18B", "19C", "22A", "24A" };
static const char *categories[] = { "NEG", "PHY", "SAB", "EMO", "MUL" };
static const char *reasons[] = { "RC1", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9" };

#define PICK(r, a) (a)[g_rand_int_range ((r), 0, G_N_ELEMENTS (a))]

static char *
generate (guint children)
{
  GString *s = g_string_sized_new ((gsize) children * 2200);
  g_autoptr (GRand) r = g_rand_new_with_seed (20240331);
  GDate start, ref;

  g_date_clear (&start, 1);
  g_date_clear (&ref, 1);
  g_date_set_dmy (&start, 1, G_DATE_APRIL, 2023);
  g_date_set_dmy (&ref, 31, G_DATE_MARCH, 2024);

  g_string_append (s, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message>\n  <Header>\n"
                      "    <CollectionDetails><Collection>CIN</Collection><Year>2024</Year>"
                      "<ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails>\n"
                      "    <Source><SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>bench-cin</SoftwareCode>"
                      "<Release>1</Release><SerialNo>1</SerialNo><DateTime>2024-05-01T09:00:00</DateTime></Source>\n"
                      "  </Header>\n  <Children>\n");
  for (guint i = 0; i < children; i++)
    {
      GDate birth, referral, d, icpc, cpp_end;
      int n_episodes = g_rand_int_range (r, 1, 4);
      gboolean nfa;

      day (&birth, &ref, -g_rand_int_range (r, 30, 17 * 365));
      g_string_append_printf (s, "    <Child>\n      <ChildIdentifiers>\n        <LAchildID>B%07u</LAchildID>\n", i);
      if (g_rand_int_range (r, 0, 4) > 0)
        {
          char upn[14];

          g_snprintf (upn, sizeof upn, "A%03u%08u%u", 201 + i % 13, i, i % 10);
          upn[0] = cairn_upn_check_letter (upn);
          g_string_append_printf (s, "        <UPN>%s</UPN>\n", upn);
        }
      else
        g_string_append (s, "        <UPNunknown>UN3</UPNunknown>\n");
      g_string_append (s, "        ");
      append_date (s, "PersonBirthDate", &birth);
      g_string_append_printf (s, "\n        <GenderCurrent>%c</GenderCurrent>\n      </ChildIdentifiers>\n",
                              "1229"[g_rand_int_range (r, 0, 4)]);
      g_string_append_printf (s, "      <ChildCharacteristics>\n        <Ethnicity>%s</Ethnicity>\n"
                                 "        <Disabilities>", PICK (r, ethnicities));
      if (g_rand_int_range (r, 0, 5) == 0)
        g_string_append_printf (s, "<Disability>%s</Disability><Disability>%s</Disability>",
                                PICK (r, disabilities), PICK (r, disabilities));
      else
        g_string_append (s, "<Disability>NONE</Disability>");
      g_string_append (s, "</Disabilities>\n      </ChildCharacteristics>\n");

      day (&referral, &start, g_rand_int_range (r, -400, 200));
      for (int e = 0; e < n_episodes; e++)
        {
          gboolean last = e == n_episodes - 1;

          nfa = g_rand_int_range (r, 0, 5) == 0;
          g_string_append (s, "      <CINdetails>\n        ");
          append_date (s, "CINreferralDate", &referral);
          g_string_append_printf (s, "\n        <ReferralSource>%s</ReferralSource>\n"
                                     "        <PrimaryNeedCode>N%d</PrimaryNeedCode>\n",
                                  PICK (r, sources), g_rand_int_range (r, 1, 10));
          if (!last || g_rand_boolean (r))
            {
              day (&d, &referral, g_rand_int_range (r, 20, 120));
              g_string_append (s, "        ");
              append_date (s, "CINclosureDate", &d);
              g_string_append_printf (s, "\n        <ReasonForClosure>%s</ReasonForClosure>\n", PICK (r, reasons));
            }
          g_string_append_printf (s, "        <ReferralNFA>%s</ReferralNFA>\n", nfa ? "true" : "false");
          if (!nfa)
            {
              day (&d, &referral, g_rand_int_range (r, 0, 5));
              g_string_append (s, "        <Assessments>\n          ");
              append_date (s, "AssessmentActualStartDate", &d);
              day (&d, &d, g_rand_int_range (r, 5, 45));
              g_string_append (s, "\n          ");
              append_date (s, "AssessmentAuthorisationDate", &d);
              g_string_append_printf (s, "\n          <FactorsIdentifiedAtAssessment><AssessmentFactors>%s</AssessmentFactors>"
                                         "<AssessmentFactors>%s</AssessmentFactors></FactorsIdentifiedAtAssessment>\n"
                                         "        </Assessments>\n",
                                      PICK (r, factors), PICK (r, factors));
              if (g_rand_int_range (r, 0, 3) == 0)
                {
                  day (&d, &referral, g_rand_int_range (r, 1, 10));
                  day (&icpc, &d, 14);
                  g_string_append (s, "        <Section47>\n          ");
                  append_date (s, "S47ActualStartDate", &d);
                  g_string_append (s, "\n          ");
                  append_date (s, "InitialCPCtarget", &icpc);
                  g_string_append (s, "\n          ");
                  append_date (s, "DateOfInitialCPC", &icpc);
                  g_string_append (s, "\n          <ICPCnotRequired>false</ICPCnotRequired>\n        </Section47>\n");
                  g_string_append (s, "        <ChildProtectionPlans>\n          ");
                  append_date (s, "CPPstartDate", &icpc);
                  day (&cpp_end, &icpc, g_rand_int_range (r, 90, 300));
                  g_string_append (s, "\n          ");
                  append_date (s, "CPPendDate", &cpp_end);
                  g_string_append_printf (s, "\n          <InitialCategoryOfAbuse>%s</InitialCategoryOfAbuse>"
                                             "<LatestCategoryOfAbuse>%s</LatestCategoryOfAbuse>"
                                             "<NumberOfPreviousCPP>%d</NumberOfPreviousCPP>\n",
                                          PICK (r, categories), PICK (r, categories), g_rand_int_range (r, 0, 3));
                  day (&d, &icpc, 90);
                  g_string_append (s, "          <Reviews>");
                  append_date (s, "CPPreviewDate", &d);
                  g_string_append (s, "</Reviews>\n        </ChildProtectionPlans>\n");
                }
              else
                {
                  day (&d, &referral, g_rand_int_range (r, 10, 60));
                  g_string_append (s, "        <CINPlanDates>");
                  append_date (s, "CINPlanStartDate", &d);
                  day (&d, &d, g_rand_int_range (r, 30, 200));
                  append_date (s, "CINPlanEndDate", &d);
                  g_string_append (s, "</CINPlanDates>\n");
                }
            }
          g_string_append (s, "      </CINdetails>\n");
          day (&referral, &referral, g_rand_int_range (r, 130, 300));
        }
      g_string_append (s, "    </Child>\n");
    }
  g_string_append (s, "  </Children>\n</Message>\n");
  return g_string_free (s, FALSE);
}

int
main (int    argc,
      char **argv)
{
  int children = 100000;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "children", 0, 0, G_OPTION_ARG_INT, &children, "Children in the census (100000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the census here and keep it", "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— read and validate a synthetic CIN census");
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmpdir = NULL;
  g_autoptr (CairnCinCensus) census = NULL;
  g_autoptr (CairnCinReport) report = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  gint64 t0, t1, t2;
  double read_s, validate_s, peer_s = -1, stream_s = -1;
  double c0, c1, c2, read_cpu, validate_cpu, peer_cpu = -1, stream_cpu = -1;
  gsize length;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-cin: %s\n", error->message);
      return 2;
    }

  xml = generate ((guint) children);
  length = strlen (xml);
  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      tmpdir = g_dir_make_tmp ("bench-cin-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (tmpdir, "census.xml", NULL);
    }
  if (!g_file_set_contents (path, xml, (gssize) length, &error))
    {
      fprintf (stderr, "bench-cin: %s\n", error->message);
      return 2;
    }
  g_clear_pointer (&xml, g_free);

  c0 = cpu_seconds (RUSAGE_SELF);
  t0 = g_get_monotonic_time ();
  census = cairn_cin_census_read_file (path, NULL, NULL, NULL, &error);
  t1 = g_get_monotonic_time ();
  c1 = cpu_seconds (RUSAGE_SELF);
  if (census == NULL)
    {
      fprintf (stderr, "bench-cin: %s\n", error->message);
      return 1;
    }
  report = cairn_cin_validate (census, 0, NULL, &error);
  t2 = g_get_monotonic_time ();
  c2 = cpu_seconds (RUSAGE_SELF);
  g_assert_no_error (error);
  read_s = (t1 - t0) / 1e6;
  validate_s = (t2 - t1) / 1e6;
  read_cpu = c1 - c0;
  validate_cpu = c2 - c1;

  /* The peers, on the same file in the same run: libxml2 building its tree
   * (xmllint --noout), and its streaming reader (--stream). */
  if (xmllint != NULL)
    {
      for (int mode = 0; mode < 2; mode++)
        {
          const char *tree[] = { xmllint, "--noout", "--huge", path, NULL };
          const char *stream[] = { xmllint, "--noout", "--huge", "--stream", path, NULL };
          int status = 0;
          double cpu = cpu_seconds (RUSAGE_CHILDREN);
          gint64 p0 = g_get_monotonic_time ();

          if (g_spawn_sync (NULL, (char **) (mode == 0 ? tree : stream), NULL,
                            G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) &&
              g_spawn_check_wait_status (status, NULL))
            {
              double wall = (g_get_monotonic_time () - p0) / 1e6;

              cpu = cpu_seconds (RUSAGE_CHILDREN) - cpu;
              if (mode == 0)
                peer_s = wall, peer_cpu = cpu;
              else
                stream_s = wall, stream_cpu = cpu;
            }
          g_clear_error (&error);
        }
    }

  printf ("CIN census: %u children, %.1f MB, %u findings (%u errors, %u queries) under the 2023-24 rules\n",
          census->n_children, length / 1e6, report->n_findings, report->n_errors, report->n_queries);
  printf ("                          wall      cpu\n");
  printf ("cairn read              %6.2f s  %6.2f s\n", read_s, read_cpu);
  printf ("cairn validate          %6.2f s  %6.2f s\n", validate_s, validate_cpu);
  printf ("cairn read+validate     %6.2f s  %6.2f s   (goal: under 5 s)\n", read_s + validate_s,
          read_cpu + validate_cpu);
  if (peer_s >= 0)
    {
      printf ("xmllint --noout         %6.2f s  %6.2f s   (libxml2 tree, parse only)\n", peer_s, peer_cpu);
      printf ("xmllint --noout --stream%6.2f s  %6.2f s   (libxml2 reader, parse only)\n", stream_s, stream_cpu);
      printf ("ratio cairn read+validate / xmllint --noout: %.2f wall, %.2f cpu\n",
              (read_s + validate_s) / peer_s, (read_cpu + validate_cpu) / peer_cpu);
      printf ("ratio cairn read+validate / xmllint --stream: %.2f wall, %.2f cpu\n",
              (read_s + validate_s) / stream_s, (read_cpu + validate_cpu) / stream_cpu);
    }
  else
    printf ("xmllint                 not run (install libxml2-utils)\n");

  if (keep == NULL)
    {
      g_unlink (path);
      g_rmdir (tmpdir);
    }
  return 0;
}
