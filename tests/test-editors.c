/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <gio/gunixinputstream.h>
#include <poll.h>
#include <signal.h>
#include <string.h>

#include "cairn-conference-editor.h"
#include "cairn-conference-store.h"
#include "cairn-date.h"
#include "cairn-document-preview.h"
#include "cairn-meeting-editor.h"
#include "cairn-meeting-store.h"
#include "cairn-pdf-text.h"
#include "cairn-test-minutes.h"
#include "cairn-test-utils.h"

/* The conference and meeting editors under Xvfb. The autosave tests run the
 * real editor in its own process (tests/cairn-editor-harness.c), type into
 * it with xdotool as a person would, tab from field to field, kill it with
 * SIGKILL while a field is still being typed, and reopen the database: every
 * field completed before the last focus change is there. The autosave pause
 * is set to ten minutes, so what is saved was saved when focus left it. */

#define TODAY "2014-06-30"
#define WINDOW_TITLE "Cairn editor harness"

typedef struct
{
  GSubprocess *process;
  int fd;
  GString *pending;
  GPtrArray *lines;
} Harness;

static Harness *
harness_start (const char *db,
               const char *kind_flag,
               const char *ref,
               const char *focus)
{
  const char *path = g_getenv ("CAIRN_EDITOR_HARNESS");
  g_autoptr (GError) error = NULL;
  Harness *h = g_new0 (Harness, 1);

  g_assert_nonnull (path);
  h->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, path, "--db", db, kind_flag, ref,
                                 "--focus", focus, "--delay", "600000", "--size", "1200x800", NULL);
  g_assert_no_error (error);
  h->fd = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (g_subprocess_get_stdout_pipe (h->process)));
  h->pending = g_string_new (NULL);
  h->lines = g_ptr_array_new_with_free_func (g_free);
  return h;
}

/* Reads what the editor printed until @line has come (TRUE), or @timeout_ms pass. */
static gboolean
harness_wait (Harness    *h,
              const char *line,
              int         timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  for (;;)
    {
      struct pollfd pfd = { h->fd, POLLIN, 0 };
      char buf[512];
      char *nl;
      ssize_t n;

      for (guint i = 0; i < h->lines->len; i++)
        if (g_strcmp0 (g_ptr_array_index (h->lines, i), line) == 0)
          return TRUE;
      if (g_get_monotonic_time () >= end)
        return FALSE;
      if (poll (&pfd, 1, 100) <= 0)
        continue;
      n = read (h->fd, buf, sizeof buf);
      if (n <= 0)
        return FALSE;
      g_string_append_len (h->pending, buf, n);
      while ((nl = strchr (h->pending->str, '\n')) != NULL)
        {
          g_ptr_array_add (h->lines, g_strndup (h->pending->str, nl - h->pending->str));
          g_string_erase (h->pending, 0, nl - h->pending->str + 1);
        }
    }
}

static void
harness_kill (Harness *h)
{
  g_subprocess_send_signal (h->process, SIGKILL);
  g_subprocess_wait (h->process, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (h->process));
  g_assert_cmpint (g_subprocess_get_term_sig (h->process), ==, SIGKILL);
  g_object_unref (h->process);
  g_string_free (h->pending, TRUE);
  g_ptr_array_unref (h->lines);
  g_free (h);
}

static void
xdotool (const char *first,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first);
  for (arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool %s failed: %s", first, err);
}

static void
focus_window (void)
{
  xdotool ("search", "--sync", "--name", WINDOW_TITLE, "windowfocus", "--sync", NULL);
}

static void
type_text (const char *text)
{
  xdotool ("type", "--delay", "15", text, NULL);
}

static void
tab (void)
{
  xdotool ("key", "Tab", NULL);
}

static void
expect_saved (Harness    *h,
              const char *field)
{
  g_autofree char *line = g_strdup_printf ("saved %s", field);

  if (!harness_wait (h, line, 30000))
    g_error ("the editor did not save %s", field);
}

static CairnConference *
reopen_conference (CairnTestMinutes *fix)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store = cairn_store_open (fix->db_path, CAIRN_STORE_OPEN_EXISTING, &error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  CairnConference *c;

  g_assert_no_error (error);
  g_assert_true (cairn_store_check (store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  c = cairn_store_get_conference (store, fix->conference.year, (int) fix->conference.number, &error);
  g_assert_no_error (error);
  return c;
}

/* Single-line fields: type over the venue, tab, the chair, tab, the minute
 * taker, tab, then start the quorum reason and pull the plug. */
static void
test_conference_autosave_killed (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("killed.cairn", &fix);
  g_autoptr (CairnConference) after = NULL;
  Harness *h;

  cairn_test_minutes_conference (store, &fix, FALSE);
  g_clear_object (&store);

  h = harness_start (fix.db_path, "--conference", "CF-2011-0001", "venue_entry");
  g_assert_true (harness_wait (h, "ready", 30000));
  focus_window ();
  type_text ("Committee Room 4");
  tab ();
  type_text ("Robin Chairwood");
  tab ();
  type_text ("Alex Notetaker");
  tab ();
  type_text ("Half a reason");
  expect_saved (h, "venue");
  expect_saved (h, "chair");
  expect_saved (h, "minute-taker");
  harness_kill (h);

  after = reopen_conference (&fix);
  g_assert_cmpstr (after->venue, ==, "Committee Room 4");
  g_assert_cmpstr (after->chair, ==, "Robin Chairwood");
  g_assert_cmpstr (after->minute_taker, ==, "Alex Notetaker");
  /* The field being typed when the process died is the one that is lost. */
  g_assert_null (after->quorate_reason);
  cairn_test_minutes_clear (&fix);
}

/* Multi-line fields: Tab leaves a text area as it leaves an entry. */
static void
test_conference_views_killed (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("killed-views.cairn", &fix);
  g_autoptr (CairnConference) after = NULL;
  Harness *h;

  cairn_test_minutes_conference (store, &fix, FALSE);
  g_clear_object (&store);

  h = harness_start (fix.db_path, "--conference", "CF-2011-0001", "strengths_view");
  g_assert_true (harness_wait (h, "ready", 30000));
  focus_window ();
  /* The text area keeps its text: add to its end. */
  xdotool ("key", "ctrl+End", NULL);
  type_text (" Grandmother visits daily.");
  tab ();
  xdotool ("key", "ctrl+End", NULL);
  type_text (" Dean has not engaged.");
  tab ();
  expect_saved (h, "strengths");
  expect_saved (h, "risks");
  harness_kill (h);

  after = reopen_conference (&fix);
  g_assert_cmpstr (after->strengths, ==,
                   "Kerry is warm towards the children; good school attendance. Grandmother visits daily.");
  g_assert_cmpstr (after->risks, ==, "Domestic abuse; Ben's weight loss; no food in the home. Dean has not engaged.");
  cairn_test_minutes_clear (&fix);
}

static void
test_meeting_autosave_killed (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("killed-meeting.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnMeeting) after = NULL;
  CairnRef ref;
  GDate day;
  Harness *h;

  g_assert_true (cairn_date_parse ("d", "2013-04-17", &day, NULL));
  g_assert_true (cairn_store_create_meeting (store, &day, &ref, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  h = harness_start (fix.db_path, "--meeting", "BM-2013-01", "starts_entry");
  g_assert_true (harness_wait (h, "ready", 30000));
  focus_window ();
  type_text ("14:00");
  tab ();
  type_text ("16:40");
  tab ();
  type_text ("The Showroom, Testshire");
  tab ();
  type_text ("Debra Barn");
  expect_saved (h, "starts-at");
  expect_saved (h, "ends-at");
  expect_saved (h, "venue");
  harness_kill (h);

  store = cairn_store_open (fix.db_path, CAIRN_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  after = cairn_store_get_meeting (store, ref.year, (int) ref.number, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->starts_at, ==, "14:00");
  g_assert_cmpstr (after->ends_at, ==, "16:40");
  g_assert_cmpstr (after->venue, ==, "The Showroom, Testshire");
  g_assert_null (after->chair);
  cairn_test_minutes_clear (&fix);
}

static void
wait_for (gboolean (*done) (gpointer),
          gpointer   data,
          int        timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

/* The preview shows the record as it now stands: the new venue is in it. */
static gboolean
preview_ready (gpointer data)
{
  CairnDocumentPreview *preview = data;
  GBytes *pdf = cairn_document_preview_get_pdf (preview);
  g_autoptr (CairnPdfText) text = NULL;

  if (cairn_document_preview_is_busy (preview) || pdf == NULL)
    return FALSE;
  text = cairn_pdf_text_extract (pdf, NULL);
  return text != NULL && text->pages->len > 0 && strstr (g_ptr_array_index (text->pages, 0), "Room 5") != NULL;
}

/* In the test process: the editor shows the conference, a value typed in and
 * flushed is stored, a refused one is marked with the store's message and
 * stays unsaved, and the document shown prints (exported through
 * GtkPrintOperation) with its confidentiality marking on every page. */
static void
test_conference_editor_prints (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("in-process.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = cairn_test_scratch_path ("printed.pdf");
  g_autoptr (CairnPdfText) text = NULL;
  g_autoptr (CairnConference) after = NULL;
  GtkWidget *window = gtk_window_new ();
  CairnConferenceEditor *editor = cairn_conference_editor_new ();
  GType type = CAIRN_TYPE_CONFERENCE_EDITOR;
  GtkEditable *venue, *held;
  GtkLabel *title;
  CairnDocumentPreview *preview;

  cairn_test_minutes_conference (store, &fix, TRUE);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  cairn_conference_editor_set_store (editor, store);
  g_assert_true (cairn_conference_editor_open (editor, "CF-2011-0001", &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));

  title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (editor), type, "title_label"));
  g_assert_cmpstr (gtk_label_get_label (title), ==,
                   "Initial child protection conference CF-2011-0001: Amelia Testperson, Ben Testperson");
  venue = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), type, "venue_entry"));
  held = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), type, "held_entry"));
  g_assert_cmpstr (gtk_editable_get_text (venue), ==, "Testshire Civic Centre, Room 2");
  gtk_editable_set_text (venue, "Room 5");
  gtk_editable_set_text (held, "2011-04-31T10:00");
  g_assert_false (cairn_conference_editor_flush (editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (held), "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (held)), ==,
                   "Date and time: \"2011-04-31T10:00\" is not a date and time (YYYY-MM-DDTHH:MM)");
  after = cairn_store_get_conference (store, 2011, 1, &error);
  g_assert_cmpstr (after->venue, ==, "Room 5");
  {
    g_autofree char *when = cairn_timestamp_to_string (&after->held_on, after->held_minute);
    g_assert_cmpstr (when, ==, "2011-04-20T10:00");
  }
  gtk_editable_set_text (held, "2011-04-20T10:00");
  g_assert_true (cairn_conference_editor_flush (editor));

  preview = CAIRN_DOCUMENT_PREVIEW (gtk_widget_get_template_child (GTK_WIDGET (editor), type, "preview"));
  wait_for (preview_ready, preview, 30000);
  g_assert_cmpint (cairn_document_preview_print (preview, GTK_WINDOW (window), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                                 pdf, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  text = cairn_pdf_text_extract_file (pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (text->pages->len, ==, (guint) cairn_document_preview_get_n_pages (preview));
  for (guint i = 0; i < text->pages->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (text->pages, i), "CONFIDENTIAL"));
  g_assert_nonnull (strstr (g_ptr_array_index (text->pages, 0), "Room 5"));

  gtk_window_destroy (GTK_WINDOW (window));
  cairn_test_minutes_clear (&fix);
}

/* Approving from the editor (Ctrl+Return) with a plan but no category
 * names the field and the child, and the record stays a draft. */
static void
test_conference_editor_refuses (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("refuses.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnConference) after = NULL;
  GtkWidget *window = gtk_window_new ();
  CairnConferenceEditor *editor = cairn_conference_editor_new ();
  GtkLabel *problem;

  cairn_test_minutes_conference (store, &fix, TRUE);
  g_assert_true (cairn_store_set_subject_category (store, fix.amelia_subject, "NEG", FALSE, &error));
  g_assert_true (cairn_store_set_subject_category (store, fix.amelia_subject, "EMO", FALSE, &error));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  cairn_conference_editor_set_store (editor, store);
  g_assert_true (cairn_conference_editor_open (editor, "CF-2011-0001", &error));
  gtk_window_present (GTK_WINDOW (window));

  problem = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (editor), CAIRN_TYPE_CONFERENCE_EDITOR,
                                                      "problem_label"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.approve", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpstr (gtk_label_get_label (problem), ==,
                   "Category: a child protection plan for Amelia Testperson (C-000001/1) needs at least one "
                   "category of abuse (neglect, physical, emotional or sexual abuse)");
  after = cairn_store_get_conference (store, 2011, 1, &error);
  g_assert_cmpstr (after->status, ==, "draft");
  gtk_window_destroy (GTK_WINDOW (window));
  cairn_test_minutes_clear (&fix);
}

static char *
item_titles (CairnStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnMeeting) m = cairn_store_get_meeting (store, 2013, 1, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < m->items->len; i++)
    {
      const CairnAgendaItem *item = g_ptr_array_index (m->items, i);
      g_string_append_printf (s, "%s%d %s", i ? "; " : "", item->minute_number, item->title);
    }
  return g_string_free (s, FALSE);
}

/* Adding an item puts it before any other business with the focus in its
 * title; moving it up (Alt+Up) renumbers the minutes. */
static void
test_meeting_editor_items (void)
{
  CairnTestMinutes fix;
  g_autoptr (CairnStore) store = cairn_test_minutes_board ("items.cairn", &fix);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *added = NULL;
  g_autofree char *moved = NULL;
  GtkWidget *window = gtk_window_new ();
  CairnMeetingEditor *editor = cairn_meeting_editor_new ();
  GtkWidget *focus;
  CairnRef ref;
  GDate day;

  g_assert_true (cairn_date_parse ("d", "2013-04-17", &day, NULL));
  g_assert_true (cairn_store_create_meeting (store, &day, &ref, &error));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  cairn_meeting_editor_set_store (editor, store);
  g_assert_true (cairn_meeting_editor_open (editor, "BM-2013-01", &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));

  before = item_titles (store);
  g_assert_cmpstr (before, ==, "1 Apologies for absence; 2 Any other business");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-item", NULL));
  added = item_titles (store);
  g_assert_cmpstr (added, ==, "1 Apologies for absence; 2 New item; 3 Any other business");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT (focus));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_parent (focus)), "Business plan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-up", NULL));
  moved = item_titles (store);
  g_assert_cmpstr (moved, ==, "1 Business plan; 2 Apologies for absence; 3 Any other business");

  /* The board's choice of when minute numbers restart: April by default, here never. */
  {
    GtkDropDown *restart = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (editor), CAIRN_TYPE_MEETING_EDITOR,
                                                                        "restart_dropdown"));
    g_autofree char *setting = NULL;

    g_assert_cmpuint (gtk_drop_down_get_selected (restart), ==, 4);
    gtk_drop_down_set_selected (restart, 0);
    setting = cairn_store_dup_setting (store, "meetings.minutes_restart_month");
    g_assert_cmpstr (setting, ==, "never");
    g_assert_cmpint (cairn_store_get_minutes_restart (store), ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  cairn_test_minutes_clear (&fix);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("CAIRN_TODAY", TODAY, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cairn/minutes/editor/conference-killed", test_conference_autosave_killed);
  g_test_add_func ("/cairn/minutes/editor/conference-views-killed", test_conference_views_killed);
  g_test_add_func ("/cairn/minutes/editor/meeting-killed", test_meeting_autosave_killed);
  g_test_add_func ("/cairn/minutes/editor/conference-prints", test_conference_editor_prints);
  g_test_add_func ("/cairn/minutes/editor/conference-refuses", test_conference_editor_refuses);
  g_test_add_func ("/cairn/minutes/editor/meeting-items", test_meeting_editor_items);
  return g_test_run ();
}
