/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): lays out and draws the pathway to PDF and PNG with
 * Cairn's layered layout, writes the same graph as DOT, runs Graphviz's
 * `dot -Tpdf` and `dot -Tpng` on it in the same run, and prints the time
 * ratio, both layouts' edge crossings (Cairn's routed polylines; dot's
 * splines from `dot -Tplain`, sampled) and how many labels each clips.
 *
 *   bench-flowchart [--repeat N] [--out DIR]
 *
 * Graphs: the pathway exactly as working-together-2010.md §11 tabulates it
 * (grouped edges expanded), the same with a synthetic case, and every
 * guidance edition in data/pathways/.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cairn-flowchart-layout.h"
#include "cairn-flowchart-render.h"
#include "cairn-flowchart-edition.h"
#include "cairn-pathway.h"
#include "cairn-test-flowchart.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v,
        int     n)
{
  qsort (v, (size_t) n, sizeof (double), compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time: the machine may be shared, and wall time then measures the
 * neighbours too. */
static double
cpu_self_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
cpu_children_ms (void)
{
  struct rusage ru;

  getrusage (RUSAGE_CHILDREN, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
}

/* Runs dot; returns its wall time in ms, or -1. */
static double
run_dot (const char *format,
         const char *dot_path,
         const char *out_path,
         char      **stdout_text)
{
  const char *argv[] = { "dot", format, dot_path, "-o", out_path, NULL };
  const char *argv_out[] = { "dot", format, dot_path, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;
  double t0 = now_ms ();

  if (!g_spawn_sync (NULL, (char **) (stdout_text ? argv_out : argv), NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, stdout_text, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "bench-flowchart: dot %s: %s\n", format, error->message);
      return -1;
    }
  return now_ms () - t0;
}

/* dot -Tplain tokens: words, or "quoted strings" with backslash escapes. */
static GPtrArray *
plain_tokens (const char *line)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = line;

  while (*p)
    {
      GString *tok;
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0' || *p == '\n')
        break;
      tok = g_string_new (NULL);
      if (*p == '"')
        {
          for (p++; *p && *p != '"'; p++)
            {
              if (*p == '\\' && p[1])
                p++;
              g_string_append_c (tok, *p);
            }
          if (*p == '"')
            p++;
        }
      else
        while (*p && *p != ' ' && *p != '\n')
          g_string_append_c (tok, *p++);
      g_ptr_array_add (tokens, g_string_free (tok, FALSE));
    }
  return tokens;
}

typedef struct
{
  GPtrArray *lines;    /* CairnFlowPoint arrays (GArray) */
  GArray *boxes;       /* CairnFlowRect of nodes */
  GPtrArray *names;
  GArray *ends;        /* per edge: tail and head node indices */
  double width;
  double height;
} DotLayout;

static void
dot_layout_clear (DotLayout *d)
{
  g_clear_pointer (&d->lines, g_ptr_array_unref);
  g_clear_pointer (&d->boxes, g_array_unref);
  g_clear_pointer (&d->names, g_ptr_array_unref);
  g_clear_pointer (&d->ends, g_array_unref);
}

static CairnFlowPoint
bezier (const CairnFlowPoint *p,
        double                t)
{
  double u = 1 - t;
  CairnFlowPoint r = {
    u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x,
    u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y,
  };
  return r;
}

static int
name_index (DotLayout  *d,
            const char *name)
{
  for (guint i = 0; i < d->names->len; i++)
    if (strcmp (g_ptr_array_index (d->names, i), name) == 0)
      return (int) i;
  return -1;
}

static gboolean
parse_plain (const char *text,
             DotLayout  *d)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  d->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  d->boxes = g_array_new (FALSE, FALSE, sizeof (CairnFlowRect));
  d->names = g_ptr_array_new_with_free_func (g_free);
  d->ends = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr (GPtrArray) t = plain_tokens (lines[i]);
      const char *kind = t->len ? g_ptr_array_index (t, 0) : "";

      /* Points: inches to points, y up to y down. */
      if (strcmp (kind, "graph") == 0 && t->len >= 4)
        {
          d->width = g_ascii_strtod (g_ptr_array_index (t, 2), NULL) * 72;
          d->height = g_ascii_strtod (g_ptr_array_index (t, 3), NULL) * 72;
        }
      else if (strcmp (kind, "node") == 0 && t->len >= 6)
        {
          double x = g_ascii_strtod (g_ptr_array_index (t, 2), NULL) * 72;
          double y = d->height - g_ascii_strtod (g_ptr_array_index (t, 3), NULL) * 72;
          double w = g_ascii_strtod (g_ptr_array_index (t, 4), NULL) * 72;
          double h = g_ascii_strtod (g_ptr_array_index (t, 5), NULL) * 72;
          CairnFlowRect r = { x - w / 2, y - h / 2, w, h };
          g_array_append_val (d->boxes, r);
          g_ptr_array_add (d->names, g_strdup (g_ptr_array_index (t, 1)));
        }
      else if (strcmp (kind, "edge") == 0 && t->len >= 4)
        {
          int n = atoi (g_ptr_array_index (t, 3));
          g_autofree CairnFlowPoint *ctrl = g_new (CairnFlowPoint, MAX (n, 1));
          GArray *pts = g_array_new (FALSE, FALSE, sizeof (CairnFlowPoint));
          int ends[2] = { name_index (d, g_ptr_array_index (t, 1)), name_index (d, g_ptr_array_index (t, 2)) };

          if ((int) t->len < 4 + 2 * n)
            return FALSE;
          for (int k = 0; k < n; k++)
            {
              ctrl[k].x = g_ascii_strtod (g_ptr_array_index (t, 4 + 2 * k), NULL) * 72;
              ctrl[k].y = d->height - g_ascii_strtod (g_ptr_array_index (t, 5 + 2 * k), NULL) * 72;
            }
          g_array_append_val (pts, ctrl[0]);
          for (int k = 0; k + 3 < n; k += 3)
            for (int s = 1; s <= 16; s++)
              {
                CairnFlowPoint q = bezier (&ctrl[k], s / 16.0);
                g_array_append_val (pts, q);
              }
          g_ptr_array_add (d->lines, pts);
          g_array_append_vals (d->ends, ends, 2);
        }
    }
  return d->lines->len > 0;
}

static guint
dot_crossings (DotLayout *d)
{
  g_autofree const CairnFlowPoint **lines = g_new (const CairnFlowPoint *, d->lines->len);
  g_autofree guint *n = g_new (guint, d->lines->len);

  for (guint i = 0; i < d->lines->len; i++)
    {
      GArray *a = g_ptr_array_index (d->lines, i);
      lines[i] = (const CairnFlowPoint *) a->data;
      n[i] = a->len;
    }
  return cairn_flow_count_crossings (lines, n, d->lines->len);
}

/* Does the segment enter the rectangle (shrunk by @inset)? */
static gboolean
segment_hits_rect (const CairnFlowPoint *a,
                   const CairnFlowPoint *b,
                   const CairnFlowRect  *r,
                   double                inset)
{
  double x0 = r->x + inset, y0 = r->y + inset, x1 = r->x + r->width - inset, y1 = r->y + r->height - inset;
  double t0 = 0, t1 = 1, dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy }, q[4] = { a->x - x0, x1 - a->x, a->y - y0, y1 - a->y };

  if (x1 <= x0 || y1 <= y0)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/* Edges of dot's layout that pass through a node other than their own ends. */
static guint
dot_edges_through_nodes (DotLayout *d)
{
  guint n = 0;

  for (guint i = 0; i < d->lines->len; i++)
    {
      GArray *pts = g_ptr_array_index (d->lines, i);
      int tail = g_array_index (d->ends, int, 2 * i), head = g_array_index (d->ends, int, 2 * i + 1);
      gboolean hit = FALSE;
      for (guint b = 0; b < d->boxes->len && !hit; b++)
        {
          if ((int) b == tail || (int) b == head)
            continue;
          for (guint k = 0; k + 1 < pts->len && !hit; k++)
            hit = segment_hits_rect (&g_array_index (pts, CairnFlowPoint, k), &g_array_index (pts, CairnFlowPoint, k + 1),
                                     &g_array_index (d->boxes, CairnFlowRect, b), 4);
        }
      n += hit;
    }
  return n;
}

static guint
cairn_edges_through_nodes (const CairnFlowLayout *l,
                           CairnFlowchart        *chart)
{
  guint n = 0;

  for (guint i = 0; i < l->n_routes; i++)
    {
      const CairnFlowEdge *e = cairn_flowchart_get_edge (chart, i);
      gboolean hit = FALSE;
      for (guint b = 0; b < l->n_nodes && !hit; b++)
        {
          if (b == e->from || b == e->to)
            continue;
          for (guint k = 0; k + 1 < l->routes[i].n_points && !hit; k++)
            hit = segment_hits_rect (&l->routes[i].points[k], &l->routes[i].points[k + 1], &l->nodes[b].box, 0.5);
        }
      n += hit;
    }
  return n;
}

/* Texts whose ink leaves their rectangle, or node labels outside their shape. */
static guint
cairn_clipped (CairnFlowPainter      *painter,
               const CairnFlowLayout *l)
{
  guint n = 0;

  for (guint i = 0; i < l->n_texts; i++)
    {
      const CairnFlowText *t = &l->texts[i];
      gboolean ok = cairn_flow_painter_ink_fits (painter, l, i, 0.5);
      if (ok && t->node >= 0)
        {
          const CairnFlowNodeBox *b = &l->nodes[t->node];
          double xs[2] = { t->rect.x, t->rect.x + t->rect.width }, ys[2] = { t->rect.y, t->rect.y + t->rect.height };
          for (int a = 0; a < 2; a++)
            for (int c = 0; c < 2; c++)
              ok = ok && cairn_flow_shape_contains (b->kind, &b->box, xs[a], ys[c]);
        }
      n += !ok;
    }
  return n;
}

static int
bench_chart (const char     *name,
             CairnFlowchart *chart,
             CairnFlowCase  *kase,
             int             repeat,
             const char     *dir)
{
  g_autoptr (CairnFlowPainter) painter = NULL;
  g_autoptr (CairnFlowLayout) layout = NULL;
  g_autofree double *t_layout = g_new (double, repeat);
  g_autofree double *t_pdf = g_new (double, repeat);
  g_autofree double *t_png = g_new (double, repeat);
  g_autofree double *t_total = g_new (double, repeat);
  g_autofree double *d_pdf = g_new (double, repeat);
  g_autofree double *d_png = g_new (double, repeat);
  g_autofree double *d_total = g_new (double, repeat);
  g_autofree double *c_total = g_new (double, repeat);
  g_autofree double *dc_total = g_new (double, repeat);
  g_autofree char *dot_text = cairn_flowchart_to_dot (chart);
  g_autofree char *base = g_build_filename (dir, name, NULL);
  g_autofree char *dot_path = g_strconcat (base, ".dot", NULL);
  g_autofree char *pdf_path = g_strconcat (base, "-cairn.pdf", NULL);
  g_autofree char *png_path = g_strconcat (base, "-cairn.png", NULL);
  g_autofree char *dot_pdf = g_strconcat (base, "-dot.pdf", NULL);
  g_autofree char *dot_png = g_strconcat (base, "-dot.png", NULL);
  g_autofree char *plain = NULL;
  g_autoptr (GError) error = NULL;
  DotLayout d = { 0 };
  double ours, theirs, our_cpu, their_cpu;
  guint our_cross, dot_cross;

  g_assert_true (g_file_set_contents (dot_path, dot_text, -1, NULL));

  /* Cairn and dot take turns, so both meet the same load. */
  for (int i = 0; i < repeat; i++)
    {
      g_autoptr (GBytes) pdf = NULL;
      g_autoptr (GBytes) png = NULL;
      double t0, t1, t2, t3, c0, c1, d0;

      /* A fresh painter each time: nothing shaped or laid out is reused. */
      g_clear_object (&painter);
      g_clear_pointer (&layout, cairn_flow_layout_unref);
      c0 = cpu_self_ms ();
      t0 = now_ms ();
      painter = cairn_flow_painter_new ();
      layout = cairn_flow_painter_layout (painter, chart, kase);
      t1 = now_ms ();
      pdf = cairn_flow_painter_export (painter, layout, CAIRN_FLOW_FORMAT_PDF, 1, &error);
      g_assert_no_error (error);
      t2 = now_ms ();
      png = cairn_flow_painter_export (painter, layout, CAIRN_FLOW_FORMAT_PNG, 1, &error);
      g_assert_no_error (error);
      t3 = now_ms ();
      c1 = cpu_self_ms ();
      t_layout[i] = t1 - t0;
      t_pdf[i] = t2 - t1;
      t_png[i] = t3 - t2;
      t_total[i] = t3 - t0;
      c_total[i] = c1 - c0;
      if (i == 0)
        {
          g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), NULL);
          g_file_set_contents (png_path, g_bytes_get_data (png, NULL), (gssize) g_bytes_get_size (png), NULL);
        }

      d0 = cpu_children_ms ();
      d_pdf[i] = run_dot ("-Tpdf", dot_path, dot_pdf, NULL);
      d_png[i] = run_dot ("-Tpng", dot_path, dot_png, NULL);
      if (d_pdf[i] < 0 || d_png[i] < 0)
        return 1;
      d_total[i] = d_pdf[i] + d_png[i];
      dc_total[i] = cpu_children_ms () - d0;
    }
  if (run_dot ("-Tplain", dot_path, NULL, &plain) < 0 || !parse_plain (plain, &d))
    {
      fprintf (stderr, "bench-flowchart: cannot read dot -Tplain output\n");
      return 1;
    }

  ours = median (t_total, repeat);
  theirs = median (d_total, repeat);
  our_cpu = median (c_total, repeat);
  their_cpu = median (dc_total, repeat);
  our_cross = cairn_flow_layout_count_crossings (layout);
  dot_cross = dot_crossings (&d);
  printf ("%s: %u nodes, %u edges (%u point back up), %u ranks\n", name, cairn_flowchart_get_n_nodes (chart),
          cairn_flowchart_get_n_edges (chart), layout->n_reversed, layout->n_ranks);
  printf ("  cairn: layout %.1f ms + PDF %.1f ms + PNG %.1f ms = %.1f ms (median of %d)\n",
          median (t_layout, repeat), median (t_pdf, repeat), median (t_png, repeat), ours, repeat);
  printf ("  dot:   -Tpdf %.1f ms + -Tpng %.1f ms = %.1f ms (median of %d)\n", median (d_pdf, repeat),
          median (d_png, repeat), theirs, repeat);
  printf ("  CPU:   cairn %.1f ms, dot %.1f ms (median of %d)\n", our_cpu, their_cpu, repeat);
  printf ("  speed: cairn is %.1f× faster than dot in CPU time, %.1f× in wall time\n", their_cpu / our_cpu,
          theirs / ours);
  printf ("  edge crossings: cairn %u, dot %u\n", our_cross, dot_cross);
  printf ("  edges through other nodes: cairn %u, dot %u\n", cairn_edges_through_nodes (layout, chart),
          dot_edges_through_nodes (&d));
  printf ("  clipped labels: cairn %u\n", cairn_clipped (painter, layout));
  printf ("  files: %s-{cairn,dot}.{pdf,png}, %s\n", base, dot_path);
  dot_layout_clear (&d);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  int repeat = 10;
  g_autofree char *out = NULL;
  const GOptionEntry entries[] = {
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs of each side (the median counts)", "N" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, "Where to write the charts", "DIR" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnPathway) pathway = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-flowchart: %s\n", error->message);
      return 2;
    }
  repeat = CLAMP (repeat, 1, 1000);
  if (out == NULL)
    out = g_dir_make_tmp ("bench-flowchart-XXXXXX", NULL);
  g_mkdir_with_parents (out, 0700);
  if (g_getenv ("CAIRN_DATA_DIR") == NULL)
    g_setenv ("CAIRN_DATA_DIR", CAIRN_SOURCE_DATADIR, TRUE);

  {
    g_autoptr (CairnFlowchart) chart = cairn_test_wt2010_chart ();
    g_autoptr (CairnFlowCase) kase = cairn_test_wt2010_case ();
    status |= bench_chart ("wt2010-section11", chart, NULL, repeat, out);
    status |= bench_chart ("wt2010-section11-case", chart, kase, repeat, out);
  }
  if ((pathway = cairn_pathway_get_default (&error)) == NULL)
    {
      fprintf (stderr, "bench-flowchart: %s\n", error->message);
      return 2;
    }
  for (guint i = 0; i < cairn_pathway_get_n_editions (pathway); i++)
    {
      CairnEdition *edition = cairn_pathway_get_edition (pathway, i);
      g_autoptr (CairnFlowchart) chart = cairn_flowchart_new_from_edition (edition, &error);
      if (chart == NULL)
        {
          fprintf (stderr, "bench-flowchart: %s\n", error->message);
          return 2;
        }
      status |= bench_chart (cairn_edition_get_id (edition), chart, NULL, repeat, out);
    }
  return status;
}
