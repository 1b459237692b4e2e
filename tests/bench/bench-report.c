/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders a report of about 40 pages with Cairn's engine and, in the same run,
 * the same content as HTML through WeasyPrint (a peer from Debian), and
 * prints both times and their ratio. Not a pass/fail test: the goal for Cairn
 * is under one second.
 *
 *   meson compile -C _build && _build/tests/bench/bench-report [--runs N] [--peer-runs N] [--keep DIR]
 */
#include "config.h"

#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cairn-document.h"
#include "cairn-pdf-writer.h"

#define N_SECTIONS 16

static const char *sentences[] = {
  "Agencies met to share what they knew about the family and agreed a plan of visits.",
  "The school reported the child's absences to the education welfare service each week.",
  "The health visitor saw the child at home and noted that the home was cold and bare.",
  "A strategy discussion was held by telephone between the police and children's social care.",
  "The core group met within ten working days of the conference and reviewed the plan.",
  "With hindsight, the referral in the spring could have led to an assessment sooner.",
  "Managers did not always check that the child had been seen alone at each visit.",
  "Good practice: the hospital's paediatric team acted quickly and recorded their concerns.",
};

typedef struct
{
  char *title;
  CairnChartKind kind;
} ChartSpec;

static char *
paragraph_text (int section,
                int n)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < 5; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "",
                            sentences[(section * 3 + n * 5 + i) % G_N_ELEMENTS (sentences)]);
  return g_string_free (s, FALSE);
}

static CairnChart *
make_chart (int k)
{
  static const char *years[] = { "2009-10", "2010-11", "2011-12", "2012-13", "2013-14", NULL };
  const CairnChartKind kinds[] = { CAIRN_CHART_BAR, CAIRN_CHART_STACKED_BAR, CAIRN_CHART_LINE };
  g_autofree char *title = g_strdup_printf ("Figure data set %d", k + 1);
  CairnChart *chart = cairn_chart_new (kinds[k % 3], title);
  double a[5], b[5], c[5];

  for (int i = 0; i < 5; i++)
    {
      a[i] = 400 + 37 * i + 11 * k;
      b[i] = 120 + 9 * ((i + k) % 4);
      c[i] = 60 + 5 * i;
    }
  cairn_chart_set_categories (chart, years);
  cairn_chart_set_axis_labels (chart, "Reporting year", "Number of children");
  cairn_chart_add_series (chart, "Referrals", a, 5);
  cairn_chart_add_series (chart, "Assessments", b, 5);
  cairn_chart_add_series (chart, "Plans", c, 5);
  return chart;
}

/* The same content twice: as a Cairn document and as HTML for WeasyPrint. */
static CairnDocument *
build (GString    *html,
       const char *dir)
{
  CairnDocument *doc = cairn_document_new ("Benchmark: Annual Report of the Board");
  const char *lines[] = { "Northbridge Local Safeguarding Children Board", "2011-12", NULL };
  const double widths[] = { 1.2, 2.5, 1.0, 1.0, 1.3 };
  int figure = 0;

  cairn_document_set_author (doc, "Northbridge LSCB");
  cairn_document_set_footer_text (doc, "Northbridge LSCB annual report 2011-12");
  cairn_document_add_title_page (doc, NULL, lines);
  cairn_document_add_contents (doc);

  g_string_append (html,
                   "<!DOCTYPE html><html><head><meta charset='utf-8'>"
                   "<title>Benchmark: Annual Report of the Board</title><style>"
                   "@page { size: A4; margin: 30mm 22mm 25mm 22mm;"
                   " @top-left { content: 'Benchmark: Annual Report of the Board'; font: 8.5pt 'DejaVu Sans'; }"
                   " @bottom-left { content: 'Northbridge LSCB annual report 2011-12'; font: 8.5pt 'DejaVu Sans'; }"
                   " @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font: 8.5pt 'DejaVu Sans'; } }"
                   "body { font: 10pt 'DejaVu Sans'; } h1 { font-size: 15pt; border-bottom: 1px solid #1a3a6b;"
                   " page-break-after: avoid; } h2 { font-size: 12pt; page-break-after: avoid; }"
                   "table { border-collapse: collapse; width: 100%; font-size: 8pt; }"
                   "th, td { border: 0.5pt solid #888; padding: 3pt; vertical-align: top; overflow-wrap: anywhere; }"
                   "th { background: #e0e0e0; } thead { display: table-header-group; } tr { page-break-inside: avoid; }"
                   ".title { page-break-after: always; padding-top: 70mm; font-size: 24pt; font-weight: bold; }"
                   ".toc { page-break-after: always; } .toc a::after { content: leader('.') target-counter(attr(href), page); }"
                   "figure { page-break-inside: avoid; text-align: center; } figcaption { font-style: italic; font-size: 8.5pt; }"
                   "</style></head><body>"
                   "<div class='title'>Benchmark: Annual Report of the Board"
                   "<p style='font-size:11pt;font-weight:normal'>Northbridge Local Safeguarding Children Board<br>2011-12</p></div>"
                   "<div class='toc'><h1>Contents</h1>");
  for (int s = 0; s < N_SECTIONS; s++)
    g_string_append_printf (html, "<p><a href='#s%d'>Section %d: what the Board found</a></p>", s, s + 1);
  g_string_append (html, "</div>");

  for (int s = 0; s < N_SECTIONS; s++)
    {
      g_autofree char *heading = g_strdup_printf ("Section %d: what the Board found", s + 1);
      CairnTable *table;
      CairnList *list;
      const char *header[] = { "Recommendation", "Action", "Due", "Status", "Progress", NULL };

      cairn_document_add_heading (doc, 1, heading);
      g_string_append_printf (html, "<h1 id='s%d'>%s</h1>", s, heading);
      for (int p = 0; p < 9; p++)
        {
          g_autofree char *text = paragraph_text (s, p);
          if (p == 4)
            {
              cairn_document_add_heading (doc, 2, "Learning for agencies");
              g_string_append (html, "<h2>Learning for agencies</h2>");
            }
          cairn_document_add_text (doc, text);
          g_string_append_printf (html, "<p>%s</p>", text);
        }
      list = cairn_document_add_list (doc, s % 2);
      g_string_append (html, s % 2 ? "<ol>" : "<ul>");
      for (int i = 0; i < 4; i++)
        {
          cairn_list_add_text_item (list, sentences[(s + i) % G_N_ELEMENTS (sentences)]);
          g_string_append_printf (html, "<li>%s</li>", sentences[(s + i) % G_N_ELEMENTS (sentences)]);
        }
      g_string_append (html, s % 2 ? "</ol>" : "</ul>");

      table = cairn_document_add_table (doc, 5, widths, 1);
      cairn_table_add_row (table, header);
      g_string_append (html, "<table><thead><tr><th>Recommendation</th><th>Action</th><th>Due</th>"
                             "<th>Status</th><th>Progress</th></tr></thead><tbody>");
      for (int r = 0; r < 14; r++)
        {
          g_autofree char *rec = g_strdup_printf ("%d.%d Agencies should share information at referral.", s + 1, r + 1);
          const char *action = sentences[(s + r) % G_N_ELEMENTS (sentences)];
          const char *row[] = { rec, action, "March 2013", r % 3 ? "In progress" : "Complete",
                                "Protocol agreed; training under way.", NULL };
          cairn_table_add_row (table, row);
          g_string_append_printf (html, "<tr><td>%s</td><td>%s</td><td>March 2013</td><td>%s</td>"
                                        "<td>Protocol agreed; training under way.</td></tr>",
                                  rec, action, row[3]);
        }
      g_string_append (html, "</tbody></table>");

      if (s % 3 != 2)
        {
          g_autoptr (CairnChart) chart = make_chart (figure);
          g_autofree char *svg = g_strdup_printf ("%s/figure-%d.svg", dir, figure);
          cairo_surface_t *surface = cairo_svg_surface_create (svg, 466, 198);
          cairo_t *cr = cairo_create (surface);

          /* The same chart, drawn by the same code, as SVG for the HTML. */
          cairn_chart_draw (chart, cr, 0, 0, 466, 198);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          cairn_document_add_figure (doc, chart, 70, "Activity over five years");
          figure++;
          g_string_append_printf (html, "<figure><img src='figure-%d.svg' style='width:100%%'>"
                                        "<figcaption>Figure %d: Activity over five years</figcaption></figure>",
                                  figure - 1, figure);
        }
    }
  g_string_append (html, "</body></html>");
  return doc;
}

static int
count_pages (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  int n = doc ? poppler_document_get_n_pages (doc) : -1;

  g_clear_object (&doc);
  return n;
}

static double
own_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
children_cpu (void)
{
  struct rusage ru;

  getrusage (RUSAGE_CHILDREN, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *keep = NULL;
  int runs = 5, peer_runs = 1;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How many times Cairn renders (median reported)", "N" },
    { "peer-runs", 0, 0, G_OPTION_ARG_INT, &peer_runs, "How many times WeasyPrint converts", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the PDFs and HTML into DIR", "DIR" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— Cairn's PDF writer against WeasyPrint");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *cairn_pdf = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *peer_pdf = NULL;
  g_autoptr (GString) html = g_string_new (NULL);
  g_autoptr (CairnDocument) doc = NULL;
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) our_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) their_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *weasyprint = g_find_program_in_path ("weasyprint");
  guint n_pages = 0;
  double our_median, their_median = -1;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-report: %s\n", error->message);
      return 2;
    }
  runs = MAX (1, runs);
  if (keep)
    {
      g_mkdir_with_parents (keep, 0700);
      dir = g_strdup (keep);
    }
  else
    dir = g_dir_make_tmp ("cairn-bench-XXXXXX", NULL);
  cairn_pdf = g_build_filename (dir, "cairn.pdf", NULL);
  html_path = g_build_filename (dir, "report.html", NULL);
  peer_pdf = g_build_filename (dir, "weasyprint.pdf", NULL);

  doc = build (html, dir);
  g_file_set_contents (html_path, html->str, (gssize) html->len, NULL);

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = own_cpu ();
      if (!cairn_document_write_pdf (doc, cairn_pdf, &n_pages, &error))
        {
          fprintf (stderr, "bench-report: %s\n", error->message);
          return 1;
        }
      double t = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (ours, t);
      cpu = own_cpu () - cpu;
      g_array_append_val (our_cpu, cpu);
    }
  g_array_sort (ours, compare_double);
  our_median = g_array_index (ours, double, ours->len / 2);

  if (weasyprint != NULL)
    for (int i = 0; i < MAX (1, peer_runs); i++)
      {
        const char *args[] = { weasyprint, "--quiet", html_path, peer_pdf, NULL };
        int status = 0;
        gint64 start = g_get_monotonic_time ();
        double cpu = children_cpu ();
        if (!g_spawn_sync (dir, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                           &error) ||
            !g_spawn_check_wait_status (status, &error))
          {
            fprintf (stderr, "bench-report: weasyprint: %s\n", error->message);
            g_clear_error (&error);
            break;
          }
        double t = (g_get_monotonic_time () - start) / 1e6;
        g_array_append_val (theirs, t);
        cpu = children_cpu () - cpu;
        g_array_append_val (their_cpu, cpu);
      }
  if (theirs->len > 0)
    {
      g_array_sort (theirs, compare_double);
      their_median = g_array_index (theirs, double, theirs->len / 2);
    }

  {
    double our_cpu_median;
    g_array_sort (our_cpu, compare_double);
    our_cpu_median = g_array_index (our_cpu, double, our_cpu->len / 2);
    printf ("cairn-pdf-writer: %u pages, %.3f s wall, %.3f s CPU (medians of %d; best wall %.3f s)%s\n",
            n_pages, our_median, our_cpu_median, runs, g_array_index (ours, double, 0),
            our_median < 1.0 ? "" : "  [over the 1 s goal]");
    if (their_median >= 0)
      {
        double their_cpu_median;
        g_array_sort (their_cpu, compare_double);
        their_cpu_median = g_array_index (their_cpu, double, their_cpu->len / 2);
        printf ("weasyprint:       %d pages, %.3f s wall, %.3f s CPU (median of %u; same content as HTML)\n",
                count_pages (peer_pdf), their_median, their_cpu_median, theirs->len);
        printf ("ratio:            Cairn is %.0f× faster than WeasyPrint (wall), %.0f× (CPU)\n",
                their_median / our_median, their_cpu_median / our_cpu_median);
      }
    else
      printf ("weasyprint:       not run (install the weasyprint package)\n");
  }
  if (keep)
    printf ("files:            %s\n", dir);
  else
    {
      GDir *d = g_dir_open (dir, 0, NULL);
      const char *name;
      while (d && (name = g_dir_read_name (d)))
        {
          g_autofree char *p = g_build_filename (dir, name, NULL);
          g_unlink (p);
        }
      if (d)
        g_dir_close (d);
      g_rmdir (dir);
    }
  return 0;
}
