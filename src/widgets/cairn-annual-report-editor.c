/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-annual-report-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-annual-report-editor.h"
#include "cairn-annual-report.h"
#include "cairn-annual-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pdf-preview.h"
#include "cairn-pdf-text.h"
#include "cairn-pdf-writer.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"

/* Typing is saved this long after the last key, and the preview redrawn. */
#define SAVE_DELAY_MS 600
#define PREVIEW_DELAY_MS 700
#define PREVIEW_SCALE 1.25

/**
 * CairnAnnualReportEditor:
 *
 * The annual report for one reporting year: its sections in the order of
 * the year's edition of the guidance, each flagged while a required
 * narrative is missing; the chosen section's narrative, saved to the
 * database as the chair types (cairn_store_set_annual_narrative(), which
 * writes nothing when the text has not changed); and a preview of the PDF,
 * laid out and rendered in worker threads (cairn_pdf_render_page_async()),
 * which turns to the chosen section's page. The year's figures are read
 * once per year, on a second connection in a worker thread.
 */
struct _CairnAnnualReportEditor
{
  GtkWidget parent_instance;

  GtkWidget *content;
  GtkDropDown *year_picker;
  GtkLabel *edition_label;
  GtkLabel *status_label;
  GtkLabel *draft_label;
  GtkListBox *sections_list;
  GtkLabel *section_title;
  GtkLabel *section_asks;
  GtkTextView *narrative_view;
  GtkLabel *page_label;
  GtkSpinner *spinner;
  GtkPicture *preview;

  CairnStore *store;
  CairnPathway *pathway;
  GtkStringList *years;
  int first_year;
  int year;
  gboolean editable;

  CairnAnnualReport *report;
  GPtrArray *row_flags;         /* GtkLabel per section */
  int section;                  /* index of the section shown, or -1 */
  gboolean setting_text;
  gboolean dirty;
  guint save_source;
  guint preview_source;

  GCancellable *load_cancellable;
  GCancellable *render_cancellable;
  GCancellable *page_cancellable;
  guint n_busy;

  GBytes *pdf;
  int n_pages;
  int page;
  GArray *section_pages;        /* int per section: its page, or -1 */
  GtkFileChooserNative *chooser; /* while Export asks where */
  CairnAnnualFiguresDialog *figures_dialog; /* while Board Figures is open */
  gboolean turn_to_section;     /* the next preview opens on the section's page */
};

G_DEFINE_FINAL_TYPE (CairnAnnualReportEditor, cairn_annual_report_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_YEAR,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void render_preview_now (CairnAnnualReportEditor *self);
static void show_section       (CairnAnnualReportEditor *self,
                                int                      index);

/* ---- Busy state ------------------------------------------------------------ */

static void
busy_push (CairnAnnualReportEditor *self)
{
  if (self->n_busy++ == 0 && self->spinner != NULL)
    {
      gtk_spinner_start (self->spinner);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
busy_pop (CairnAnnualReportEditor *self)
{
  g_return_if_fail (self->n_busy > 0);
  if (--self->n_busy == 0 && self->spinner != NULL)
    {
      gtk_spinner_stop (self->spinner);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
set_status (CairnAnnualReportEditor *self,
            const char              *text)
{
  if (self->status_label != NULL)
    gtk_label_set_label (self->status_label, text ? text : "");
}

/* ---- Flags ------------------------------------------------------------------- */

static gboolean
section_written (CairnAnnualReportEditor  *self,
                 const CairnAnnualSection *s)
{
  const char *body = cairn_annual_report_get_narrative (self->report, s->id);

  for (const char *c = body; *c; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      return TRUE;
  return FALSE;
}

static void
update_flags (CairnAnnualReportEditor *self)
{
  g_autoptr (GPtrArray) missing = NULL;

  if (self->report == NULL)
    {
      gtk_label_set_label (self->draft_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->draft_label), FALSE);
      return;
    }
  for (guint i = 0; i < self->row_flags->len; i++)
    {
      const CairnAnnualSection *s = cairn_annual_report_get_section (self->report, i);
      GtkLabel *flag = g_ptr_array_index (self->row_flags, i);
      gboolean written = section_written (self, s);

      gtk_widget_remove_css_class (GTK_WIDGET (flag), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (flag), "dim-label");
      if (written)
        {
          gtk_label_set_label (flag, _("Written"));
          gtk_widget_add_css_class (GTK_WIDGET (flag), "dim-label");
        }
      else if (s->narrative_required)
        {
          gtk_label_set_label (flag, _("Needs narrative"));
          gtk_widget_add_css_class (GTK_WIDGET (flag), "error");
        }
      else
        {
          gtk_label_set_label (flag, _("Optional"));
          gtk_widget_add_css_class (GTK_WIDGET (flag), "dim-label");
        }
    }
  missing = cairn_annual_report_list_missing (self->report);
  if (missing->len > 0)
    {
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "Draft: %u required section has no narrative; it is exported as a flagged draft.",
                     "Draft: %u required sections have no narrative; they are exported as flagged drafts.",
                     missing->len),
        missing->len);
      gtk_label_set_label (self->draft_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->draft_label), TRUE);
    }
  else
    {
      gtk_label_set_label (self->draft_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->draft_label), FALSE);
    }
}

/* ---- Saving ------------------------------------------------------------------ */

static char *
buffer_text (CairnAnnualReportEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->narrative_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * cairn_annual_report_editor_save:
 *
 * Saves the narrative being edited now, rather than when typing pauses.
 *
 * Returns: %FALSE with @error set when the database refused it
 */
gboolean
cairn_annual_report_editor_save (CairnAnnualReportEditor  *self,
                                 GError                  **error)
{
  g_autofree char *text = NULL;
  const CairnAnnualSection *s;

  g_return_val_if_fail (CAIRN_IS_ANNUAL_REPORT_EDITOR (self), FALSE);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->report == NULL || self->section < 0 || self->store == NULL)
    return TRUE;
  s = cairn_annual_report_get_section (self->report, (guint) self->section);
  text = buffer_text (self);
  if (!cairn_store_set_annual_narrative (self->store, self->year, s->id, text, error))
    return FALSE;
  self->dirty = FALSE;
  return TRUE;
}

static gboolean
save_timeout (gpointer data)
{
  CairnAnnualReportEditor *self = data;
  g_autoptr (GError) error = NULL;

  self->save_source = 0;
  if (cairn_annual_report_editor_save (self, &error))
    set_status (self, _("Saved"));
  else
    set_status (self, error->message);
  return G_SOURCE_REMOVE;
}

/* Saves what is pending, saying so when it fails. */
static void
flush (CairnAnnualReportEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (!cairn_annual_report_editor_save (self, &error))
    set_status (self, error->message);
}

static gboolean
preview_timeout (gpointer data)
{
  CairnAnnualReportEditor *self = data;

  self->preview_source = 0;
  render_preview_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (CairnAnnualReportEditor *self,
                  guint                    delay_ms)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (delay_ms, preview_timeout, self);
}

static void
buffer_changed (CairnAnnualReportEditor *self)
{
  g_autofree char *text = NULL;

  if (self->setting_text || self->report == NULL || self->section < 0)
    return;
  text = buffer_text (self);
  cairn_annual_report_set_narrative (self->report,
                                     cairn_annual_report_get_section (self->report, (guint) self->section)->id,
                                     text);
  self->dirty = TRUE;
  update_flags (self);
  set_status (self, _("Editing…"));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
  schedule_preview (self, PREVIEW_DELAY_MS);
}

/* ---- Preview ----------------------------------------------------------------- */

static void
update_page_controls (CairnAnnualReportEditor *self)
{
  if (self->n_pages > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Page %d of %d"), self->page + 1, self->n_pages);
      gtk_label_set_label (self->page_label, text);
    }
  else
    gtk_label_set_label (self->page_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annual.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annual.next-page", self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annual.export", self->report != NULL);
}

static void
page_rendered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (CairnAnnualReportEditor) self = user_data;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface = cairn_pdf_render_page_finish (result, &error);

  busy_pop (self);
  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, error->message);
      return;
    }
  {
    int width = cairo_image_surface_get_width (surface);
    int height = cairo_image_surface_get_height (surface);
    int stride = cairo_image_surface_get_stride (surface);
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GdkTexture) texture = NULL;

    cairo_surface_flush (surface);
    bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * (gsize) height);
    /* Cairo's ARGB32 is GDK's default memory format. */
    texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, (gsize) stride);
    gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  }
  cairo_surface_destroy (surface);
}

static void
render_page (CairnAnnualReportEditor *self)
{
  if (self->pdf == NULL || self->n_pages == 0)
    return;
  self->page = CLAMP (self->page, 0, self->n_pages - 1);
  update_page_controls (self);
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_cancellable = g_cancellable_new ();
  busy_push (self);
  cairn_pdf_render_page_async (self->pdf, self->page, PREVIEW_SCALE, self->page_cancellable, page_rendered,
                               g_object_ref (self));
}

typedef struct
{
  CairnDocument *doc;
  GPtrArray *headings;          /* char *: each section's heading */
  GBytes *pdf;
  guint n_pages;
  GArray *pages;                /* int per heading */
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_clear_pointer (&job->doc, cairn_document_unref);
  g_clear_pointer (&job->headings, g_ptr_array_unref);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_clear_pointer (&job->pages, g_array_unref);
  g_free (job);
}

/* In a worker thread: lays the report out, and finds each section's page
 * (the last page on which its numbered heading begins a line: the
 * contents pages list it first). */
static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  RenderJob *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnPdfText) text = NULL;

  job->pdf = cairn_document_render_pdf (job->doc, &job->n_pages, cancellable, &error);
  if (job->pdf == NULL || (text = cairn_pdf_text_extract (job->pdf, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->pages = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint h = 0; h < job->headings->len; h++)
    {
      const char *heading = g_ptr_array_index (job->headings, h);
      int found = -1;

      for (guint p = 0; p < text->pages->len; p++)
        {
          const char *page = g_ptr_array_index (text->pages, p);
          const char *at = strstr (page, heading);
          if (at != NULL && (at == page || at[-1] == '\n'))
            found = (int) p;
        }
      g_array_append_val (job->pages, found);
    }
  g_task_return_boolean (task, TRUE);
}

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CairnAnnualReportEditor *self = CAIRN_ANNUAL_REPORT_EDITOR (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  busy_pop (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, error->message);
      return;
    }
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = g_bytes_ref (job->pdf);
  self->n_pages = (int) job->n_pages;
  g_clear_pointer (&self->section_pages, g_array_unref);
  self->section_pages = g_array_ref (job->pages);
  if (self->turn_to_section && self->section >= 0 && (guint) self->section < self->section_pages->len &&
      g_array_index (self->section_pages, int, self->section) >= 0)
    self->page = g_array_index (self->section_pages, int, self->section);
  self->turn_to_section = FALSE;
  render_page (self);
}

static void
render_preview_now (CairnAnnualReportEditor *self)
{
  g_autoptr (GTask) task = NULL;
  RenderJob *job;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->report == NULL)
    return;
  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  self->render_cancellable = g_cancellable_new ();
  job = g_new0 (RenderJob, 1);
  job->doc = cairn_annual_report_build (self->report);
  job->headings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < cairn_annual_report_get_n_sections (self->report); i++)
    g_ptr_array_add (job->headings,
                     g_strdup_printf ("%u. %s", i + 1, _(cairn_annual_report_get_section (self->report, i)->title)));
  task = g_task_new (self, self->render_cancellable, render_done, NULL);
  g_task_set_source_tag (task, render_preview_now);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  busy_push (self);
  g_task_run_in_thread (task, render_thread);
}

static void
page_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  CairnAnnualReportEditor *self = CAIRN_ANNUAL_REPORT_EDITOR (widget);

  self->page += g_str_equal (action, "annual.next-page") ? 1 : -1;
  render_page (self);
}

/* ---- Sections ----------------------------------------------------------------- */

static void
show_section (CairnAnnualReportEditor *self,
              int                      index)
{
  const CairnAnnualSection *s;
  g_autofree char *title = NULL;
  g_autofree char *asks = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->narrative_view);

  if (index == self->section || self->report == NULL)
    return;
  flush (self);
  self->section = index;
  s = cairn_annual_report_get_section (self->report, (guint) index);
  title = g_strdup_printf ("%d. %s", index + 1, _(s->title));
  asks = s->narrative_required
           ? g_strdup_printf (_("Required: %s (%s)"), _(s->asks), s->source)
           : g_strdup_printf (_("Narrative optional: %s (%s)"), _(s->asks), s->source);
  gtk_label_set_label (self->section_title, title);
  gtk_label_set_label (self->section_asks, asks);
  self->setting_text = TRUE;
  gtk_text_buffer_set_text (buffer, cairn_annual_report_get_narrative (self->report, s->id), -1);
  self->setting_text = FALSE;
  gtk_text_view_set_editable (self->narrative_view, self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->narrative_view), TRUE);
  if (self->section_pages != NULL && (guint) index < self->section_pages->len &&
      g_array_index (self->section_pages, int, index) >= 0)
    {
      self->page = g_array_index (self->section_pages, int, index);
      render_page (self);
    }
  else
    self->turn_to_section = TRUE;
}

static void
row_selected (CairnAnnualReportEditor *self,
              GtkListBoxRow           *row)
{
  if (row != NULL)
    show_section (self, gtk_list_box_row_get_index (row));
}

static void
fill_sections (CairnAnnualReportEditor *self)
{
  GtkWidget *child;
  int select = 0;
  g_autoptr (GPtrArray) missing = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_list))) != NULL)
    gtk_list_box_remove (self->sections_list, child);
  g_ptr_array_set_size (self->row_flags, 0);
  self->section = -1;
  if (self->report == NULL)
    return;
  missing = cairn_annual_report_list_missing (self->report);
  for (guint i = 0; i < cairn_annual_report_get_n_sections (self->report); i++)
    {
      const CairnAnnualSection *s = cairn_annual_report_get_section (self->report, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, _(s->title));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *flag = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (flag, "caption");
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 10);
      gtk_widget_set_margin_end (box, 10);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), flag);
      gtk_list_box_append (self->sections_list, box);
      g_ptr_array_add (self->row_flags, flag);
    }
  update_flags (self);
  /* Open the first section that still needs its narrative. */
  if (missing->len > 0)
    for (guint i = 0; i < cairn_annual_report_get_n_sections (self->report); i++)
      if (cairn_annual_report_get_section (self->report, i) == g_ptr_array_index (missing, 0))
        select = (int) i;
  gtk_list_box_select_row (self->sections_list, gtk_list_box_get_row_at_index (self->sections_list, select));
}

/**
 * cairn_annual_report_editor_select_section:
 * @section_id: a section's id ("ar1")
 *
 * Returns: %FALSE when the year's edition has no such section
 */
gboolean
cairn_annual_report_editor_select_section (CairnAnnualReportEditor *self,
                                           const char              *section_id)
{
  g_return_val_if_fail (CAIRN_IS_ANNUAL_REPORT_EDITOR (self), FALSE);
  for (guint i = 0; self->report != NULL && i < cairn_annual_report_get_n_sections (self->report); i++)
    if (g_strcmp0 (cairn_annual_report_get_section (self->report, i)->id, section_id) == 0)
      {
        gtk_list_box_select_row (self->sections_list,
                                 gtk_list_box_get_row_at_index (self->sections_list, (int) i));
        return TRUE;
      }
  return FALSE;
}

/* ---- Loading a year ---------------------------------------------------------- */

typedef struct
{
  CairnStore *worker;
  CairnPathway *pathway;
  int year;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->worker);
  g_clear_object (&job->pathway);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  LoadJob *job = data;
  g_autoptr (GError) error = NULL;
  CairnAnnualReport *report = cairn_annual_report_load (job->worker, job->pathway, job->year, cancellable,
                                                        &error);

  /* The worker's connection closes in this thread, where it was used. */
  g_clear_object (&job->worker);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) cairn_annual_report_unref);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CairnAnnualReportEditor *self = CAIRN_ANNUAL_REPORT_EDITOR (source);
  g_autoptr (GError) error = NULL;
  CairnAnnualReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  busy_pop (self);
  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, error->message);
      return;
    }
  g_clear_pointer (&self->report, cairn_annual_report_unref);
  self->report = report;
  gtk_label_set_label (self->edition_label, cairn_annual_report_get_edition_title (report));
  set_status (self, self->editable ? "" : _("Read only: your role may not change the annual report"));
  g_clear_pointer (&self->section_pages, g_array_unref);
  fill_sections (self);
  update_page_controls (self);
  render_preview_now (self);
}

static void
load_year (CairnAnnualReportEditor *self)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  LoadJob *job;

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->render_cancellable);
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->report, cairn_annual_report_unref);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->section_pages, g_array_unref);
  self->n_pages = 0;
  self->page = 0;
  fill_sections (self);
  update_flags (self);
  gtk_picture_set_paintable (self->preview, NULL);
  self->setting_text = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->narrative_view), "", -1);
  self->setting_text = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->narrative_view), FALSE);
  gtk_label_set_label (self->section_title, "");
  gtk_label_set_label (self->section_asks, "");
  update_page_controls (self);
  if (self->store == NULL || self->pathway == NULL)
    return;

  job = g_new0 (LoadJob, 1);
  job->worker = cairn_store_open_worker (self->store, &error);
  if (job->worker == NULL)
    {
      load_job_free (job);
      set_status (self, error->message);
      return;
    }
  job->pathway = g_object_ref (self->pathway);
  job->year = self->year;
  self->load_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->load_cancellable, load_done, NULL);
  g_task_set_source_tag (task, load_year);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  {
    g_autofree char *label = cairn_year_to_string (self->year);
    g_autofree char *text = g_strdup_printf (_("Reading the figures for %s…"), label);
    set_status (self, text);
  }
  busy_push (self);
  g_task_run_in_thread (task, load_thread);
}

/* ---- Board Figures ----------------------------------------------------------- */

/* The figures were saved as they were typed; the triggers marked the
 * year's cached statistics stale, so reading the year again counts them
 * (nothing saved: the report shown is still current). The dialog has
 * flushed its fields by the time it is destroyed. */
static void
figures_closed (CairnAnnualReportEditor  *self,
                CairnAnnualFiguresDialog *dialog)
{
  self->figures_dialog = NULL;
  if (self->store != NULL && self->year != 0 && cairn_annual_figures_dialog_get_n_saved (dialog) > 0)
    load_year (self);
}

static void
figures_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CairnAnnualReportEditor *self = CAIRN_ANNUAL_REPORT_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL || self->year == 0)
    return;
  if (self->figures_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->figures_dialog));
      return;
    }
  self->figures_dialog = cairn_annual_figures_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                          self->store, self->year);
  g_signal_connect_swapped (self->figures_dialog, "destroy", G_CALLBACK (figures_closed), self);
  gtk_window_present (GTK_WINDOW (self->figures_dialog));
}

/**
 * cairn_annual_report_editor_get_figures_dialog:
 *
 * Returns: (nullable) (transfer none): the Board Figures dialog while it is open
 */
CairnAnnualFiguresDialog *
cairn_annual_report_editor_get_figures_dialog (CairnAnnualReportEditor *self)
{
  g_return_val_if_fail (CAIRN_IS_ANNUAL_REPORT_EDITOR (self), NULL);
  return self->figures_dialog;
}

static void
year_picked (CairnAnnualReportEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_picker);

  if (selected == GTK_INVALID_LIST_POSITION || self->store == NULL)
    return;
  cairn_annual_report_editor_set_year (self, self->first_year + (int) selected);
}

/**
 * cairn_annual_report_editor_set_year:
 * @year: the reporting year, by its start year (2011 is 2011-12)
 *
 * Saves what is being edited and shows @year. A year outside the years the
 * picker offers is added to it.
 */
void
cairn_annual_report_editor_set_year (CairnAnnualReportEditor *self,
                                     int                      year)
{
  g_return_if_fail (CAIRN_IS_ANNUAL_REPORT_EDITOR (self));
  if (year == self->year && (self->report != NULL || self->load_cancellable != NULL))
    return;
  flush (self);
  self->year = year;
  if (self->store != NULL && (year < self->first_year ||
                              year >= self->first_year + (int) g_list_model_get_n_items (G_LIST_MODEL (self->years))))
    {
      g_autofree char *label = cairn_year_to_string (year);
      if (year < self->first_year)
        {
          for (int y = self->first_year - 1; y >= year; y--)
            {
              g_autofree char *l = cairn_year_to_string (y);
              gtk_string_list_splice (self->years, 0, 0, (const char *const[]) { l, NULL });
            }
          self->first_year = year;
        }
      else
        for (int y = self->first_year + (int) g_list_model_get_n_items (G_LIST_MODEL (self->years)); y <= year; y++)
          {
            g_autofree char *l = cairn_year_to_string (y);
            gtk_string_list_append (self->years, l);
          }
    }
  g_signal_handlers_block_by_func (self->year_picker, year_picked, self);
  gtk_drop_down_set_selected (self->year_picker, (guint) (year - self->first_year));
  g_signal_handlers_unblock_by_func (self->year_picker, year_picked, self);
  load_year (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
cairn_annual_report_editor_get_year (CairnAnnualReportEditor *self)
{
  g_return_val_if_fail (CAIRN_IS_ANNUAL_REPORT_EDITOR (self), 0);
  return self->year;
}

/**
 * cairn_annual_report_editor_set_store:
 * @store: (nullable): the board's database, signed in
 *
 * Shows the annual report of @store: the years from its first case to the
 * current one, opening on the last complete year. A role that may not
 * change the annual report sees it read only.
 */
void
cairn_annual_report_editor_set_store (CairnAnnualReportEditor *self,
                                      CairnStore              *store)
{
  g_autoptr (GError) error = NULL;
  int first, current, year;
  GDate today;

  g_return_if_fail (CAIRN_IS_ANNUAL_REPORT_EDITOR (self));
  if (self->store == store)
    return;
  flush (self);
  g_set_object (&self->store, store);
  self->year = 0;
  g_signal_handlers_block_by_func (self->year_picker, year_picked, self);
  gtk_string_list_splice (self->years, 0, g_list_model_get_n_items (G_LIST_MODEL (self->years)), NULL);
  g_signal_handlers_unblock_by_func (self->year_picker, year_picked, self);
  if (store == NULL)
    {
      load_year (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
      return;
    }
  if (self->pathway == NULL && (self->pathway = cairn_pathway_get_default (&error)) == NULL)
    {
      set_status (self, error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
      return;
    }
  self->editable = cairn_store_require (store, CAIRN_ACTION_EDIT_ANNUAL_REPORT, NULL);
  cairn_store_get_today (store, &today);
  current = cairn_year_of_date (&today);
  first = cairn_store_first_activity_year (store, &error);
  if (error != NULL)
    set_status (self, error->message);
  if (first < 0 || first > current - 1)
    first = current - 1;
  self->first_year = first;
  g_signal_handlers_block_by_func (self->year_picker, year_picked, self);
  for (int y = first; y <= current; y++)
    {
      g_autofree char *label = cairn_year_to_string (y);
      gtk_string_list_append (self->years, label);
    }
  g_signal_handlers_unblock_by_func (self->year_picker, year_picked, self);
  /* The last year that has ended. */
  year = current - 1;
  cairn_annual_report_editor_set_year (self, year);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

CairnStore *
cairn_annual_report_editor_get_store (CairnAnnualReportEditor *self)
{
  g_return_val_if_fail (CAIRN_IS_ANNUAL_REPORT_EDITOR (self), NULL);
  return self->store;
}

gboolean
cairn_annual_report_editor_get_busy (CairnAnnualReportEditor *self)
{
  g_return_val_if_fail (CAIRN_IS_ANNUAL_REPORT_EDITOR (self), FALSE);
  return self->n_busy > 0 || self->preview_source != 0;
}

/* Required sections without narrative, 0 before the year is read. */
guint
cairn_annual_report_editor_get_n_missing (CairnAnnualReportEditor *self)
{
  g_autoptr (GPtrArray) missing = NULL;

  g_return_val_if_fail (CAIRN_IS_ANNUAL_REPORT_EDITOR (self), 0);
  if (self->report == NULL)
    return 0;
  missing = cairn_annual_report_list_missing (self->report);
  return missing->len;
}

/* Pages of the preview, 0 until it is laid out. */
int
cairn_annual_report_editor_get_n_pages (CairnAnnualReportEditor *self)
{
  g_return_val_if_fail (CAIRN_IS_ANNUAL_REPORT_EDITOR (self), 0);
  return self->n_pages;
}

/* ---- Export -------------------------------------------------------------------- */

typedef struct
{
  CairnDocument *doc;
  char *path;
  guint n_pages;
  guint n_missing;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->doc, cairn_document_unref);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr (GError) error = NULL;

  if (!cairn_document_write_pdf (job->doc, job->path, &job->n_pages, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * cairn_annual_report_editor_export_async:
 * @file: a local file to write the PDF to
 *
 * Saves the narrative being edited and writes the report as PDF in a
 * worker thread; a required section still without narrative is written as
 * a flagged draft. The status line says which.
 */
void
cairn_annual_report_editor_export_async (CairnAnnualReportEditor *self,
                                         GFile                   *file,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GError) error = NULL;
  ExportJob *job;

  g_task_set_source_tag (task, cairn_annual_report_editor_export_async);
  if (self->report == NULL)
    {
      g_task_return_new_error (task, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Annual report: no year is open"));
      return;
    }
  if (g_file_peek_path (file) == NULL)
    {
      g_task_return_new_error (task, CAIRN_ERROR, CAIRN_ERROR_IO, _("%s: not a local file"),
                               g_file_peek_path (file) ? g_file_peek_path (file) : "");
      return;
    }
  if (!cairn_annual_report_editor_save (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  missing = cairn_annual_report_list_missing (self->report);
  job = g_new0 (ExportJob, 1);
  job->doc = cairn_annual_report_build (self->report);
  job->path = g_file_get_path (file);
  job->n_missing = missing->len;
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  busy_push (self);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cairn_annual_report_editor_export_finish (CairnAnnualReportEditor  *self,
                                          GAsyncResult             *result,
                                          GError                  **error)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) local_error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &local_error);

  if (job != NULL)
    {
      busy_pop (self);
      if (ok)
        {
          g_autofree char *text =
            job->n_missing > 0
              ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Exported %u pages to %s as a draft: %u section has no narrative",
                                              "Exported %u pages to %s as a draft: %u sections have no narrative",
                                              job->n_missing),
                                 job->n_pages, job->path, job->n_missing)
              : g_strdup_printf (_("Exported %u pages to %s"), job->n_pages, job->path);
          set_status (self, text);
        }
    }
  /* A refusal is said on the status line even when the caller does not ask
   * for the error (the Export button). */
  if (!ok)
    {
      set_status (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}

static void
export_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  cairn_annual_report_editor_export_finish (CAIRN_ANNUAL_REPORT_EDITOR (source), result, NULL);
}

static void
export_response (GtkNativeDialog         *chooser,
                 int                      response,
                 CairnAnnualReportEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      cairn_annual_report_editor_export_async (self, file, NULL, export_written, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  CairnAnnualReportEditor *self = CAIRN_ANNUAL_REPORT_EDITOR (widget);
  g_autofree char *year = cairn_year_to_string (self->year);
  g_autofree char *name = g_strdup_printf ("annual-report-%s.pdf", year);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  /* Kept by the editor, and closed with it, so that its answer never
   * reaches an editor that is gone. */
  chooser = self->chooser = gtk_file_chooser_native_new (_("Export the Annual Report"),
                                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject --------------------------------------------------------------------- */

/* Leaving the window (closed, or the page replaced) saves what was typed
 * at once: a worker thread may keep the editor alive for a while after. */
static void
cairn_annual_report_editor_unroot (GtkWidget *widget)
{
  CairnAnnualReportEditor *self = CAIRN_ANNUAL_REPORT_EDITOR (widget);

  if (self->store != NULL)
    flush (self);
  GTK_WIDGET_CLASS (cairn_annual_report_editor_parent_class)->unroot (widget);
}

static void
cairn_annual_report_editor_dispose (GObject *object)
{
  CairnAnnualReportEditor *self = CAIRN_ANNUAL_REPORT_EDITOR (object);

  /* What was typed is not lost with the widget. */
  if (self->store != NULL)
    flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->figures_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->figures_dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->figures_dialog));
      self->figures_dialog = NULL;
    }
  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->render_cancellable);
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->render_cancellable);
  g_clear_object (&self->page_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_ANNUAL_REPORT_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->pathway);
  g_clear_object (&self->years);
  g_clear_pointer (&self->report, cairn_annual_report_unref);
  g_clear_pointer (&self->row_flags, g_ptr_array_unref);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->section_pages, g_array_unref);
  G_OBJECT_CLASS (cairn_annual_report_editor_parent_class)->dispose (object);
}

static void
cairn_annual_report_editor_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  CairnAnnualReportEditor *self = CAIRN_ANNUAL_REPORT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, cairn_annual_report_editor_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cairn_annual_report_editor_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  CairnAnnualReportEditor *self = CAIRN_ANNUAL_REPORT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cairn_annual_report_editor_set_store (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      cairn_annual_report_editor_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cairn_annual_report_editor_class_init (CairnAnnualReportEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_annual_report_editor_dispose;
  object_class->get_property = cairn_annual_report_editor_get_property;
  object_class->set_property = cairn_annual_report_editor_set_property;
  widget_class->unroot = cairn_annual_report_editor_unroot;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CAIRN_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                  G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 2100, 0,
                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                              G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                  G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cairn/Cairn/cairn-annual-report-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, content);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, year_picker);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, edition_label);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, sections_list);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, section_title);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, section_asks);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, narrative_view);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, page_label);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, CairnAnnualReportEditor, preview);
  gtk_widget_class_install_action (widget_class, "annual.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "annual.figures", NULL, figures_action);
  gtk_widget_class_install_action (widget_class, "annual.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "annual.next-page", NULL, page_action);
}

static void
cairn_annual_report_editor_init (CairnAnnualReportEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->section = -1;
  self->row_flags = g_ptr_array_new ();
  self->years = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->year_picker, G_LIST_MODEL (self->years));
  g_signal_connect_swapped (self->year_picker, "notify::selected", G_CALLBACK (year_picked), self);
  g_signal_connect_swapped (self->sections_list, "row-selected", G_CALLBACK (row_selected), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->narrative_view), "changed",
                            G_CALLBACK (buffer_changed), self);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->narrative_view), FALSE);
  update_page_controls (self);
}

GtkWidget *
cairn_annual_report_editor_new (void)
{
  return g_object_new (CAIRN_TYPE_ANNUAL_REPORT_EDITOR, NULL);
}
