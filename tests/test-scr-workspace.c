/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pdf-text.h"
#include "cairn-pdf-writer.h"
#include "cairn-scr-leaks-dialog.h"
#include "cairn-scr-list.h"
#include "cairn-scr-store.h"
#include "cairn-scr-workspace-private.h"
#include "cairn-test-gui.h"
#include "cairn-test-scr.h"
#include "cairn-test-utils.h"
#include "cairn-user-store.h"

/* Waits are failsafes, not measurements: a broken wait fails the test. */
#define WAIT_MS 20000

static gboolean
wait_until (gboolean (*condition) (gpointer data),
            gpointer   data)
{
  return cairn_test_gui_wait_for (condition, data, WAIT_MS);
}

/* Lets pending idles, saves and frames run. */
static void
wait_idle (void)
{
  cairn_test_gui_wait (100);
}

/* ---- Finding widgets as a user sees them -------------------------------- */

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, type, out);
  return out;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Replaces the text as typing does (gtk_text_buffer_set_text() is not undoable). */
static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

/* The text view showing text that starts with @prefix. */
static GtkTextView *
find_text_view (GtkWidget  *root,
                const char *prefix)
{
  g_autoptr (GPtrArray) views = find_all (root, GTK_TYPE_TEXT_VIEW);

  for (guint i = 0; i < views->len; i++)
    {
      g_autofree char *text = buffer_text (g_ptr_array_index (views, i));
      if (g_str_has_prefix (text, prefix))
        return g_ptr_array_index (views, i);
    }
  return NULL;
}

static GtkWidget *
find_editable (GtkWidget  *root,
               const char *text)
{
  g_autoptr (GPtrArray) all = find_all (root, GTK_TYPE_EDITABLE);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_editable_get_text (g_ptr_array_index (all, i)), text) == 0)
      return g_ptr_array_index (all, i);
  return NULL;
}

/* A label whose text contains @text, visible with all its ancestors: unlike
 * cairn_test_gui_find_label_containing(), also on a page of a stack not
 * shown, or in a dialog Xvfb has not mapped yet. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr (GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      if (strstr (gtk_label_get_label (label), text) != NULL && gtk_widget_is_visible (GTK_WIDGET (label)))
        return label;
    }
  return NULL;
}

typedef struct
{
  GtkWidget *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *w = data;

  return find_label (w->root, w->text) != NULL;
}

/* Asserts that a label with @text shows under @root, once idles and frames have run. */
#define expect_label(root, text) \
  G_STMT_START { \
    LabelWait w_ = { (root), (text) }; \
    if (!wait_until (label_shown, &w_)) \
      g_error ("no label shows “%s”", (text)); \
  } G_STMT_END

#define find_button cairn_test_gui_find_button

/* A menu button (its label is not a GtkButton's) showing @label, visible. */
static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *label)
{
  g_autoptr (GPtrArray) buttons = find_all (root, GTK_TYPE_MENU_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_menu_button_get_label (g_ptr_array_index (buttons, i)), label) == 0 &&
        gtk_widget_is_visible (g_ptr_array_index (buttons, i)))
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return GTK_WINDOW (w);
    }
  return NULL;
}

/* With CAIRN_TEST_SHOTS=DIR, writes what @widget shows to DIR/NAME.png, to look at. */
static void
shot (GtkWidget  *widget,
      const char *name)
{
  const char *dir = g_getenv ("CAIRN_TEST_SHOTS");
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;
  int width = 0, height = 0;

  if (dir == NULL)
    return;
  /* Transitions (a stack's crossfade, the preview drawing) settle first. */
  cairn_test_gui_wait (1000);
  /* What the widget drew last: once the frame clock has laid out and drawn
   * what changed (a stack's transition too), it has a picture to give. */
  for (int attempt = 0; attempt < 50 && node == NULL; attempt++)
    {
      g_autoptr (GdkPaintable) paintable = NULL;
      g_autoptr (GtkSnapshot) snapshot = NULL;

      gtk_widget_queue_draw (widget);
      cairn_test_gui_wait (100);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      paintable = gtk_widget_paintable_new (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    g_error ("%s: nothing drawn (mapped %d, %dx%d)", name, gtk_widget_get_mapped (widget), width, height);
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, &bounds);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  /* And what the X server shows, for comparison. */
  if (g_getenv ("CAIRN_TEST_SHOTS_ROOT"))
    {
      g_autofree char *root = g_strdup_printf ("%s/root-%s", dir, name);
      const char *argv[] = { "/usr/bin/import", "-window", "root", root, NULL };
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL, NULL);
    }
}

/* ---- The workspace in a window ------------------------------------------- */

typedef struct
{
  CairnTestScr fx;
  CairnStore *store;
  GtkWindow *window;
  CairnScrWorkspace *workspace;
  int rendered;
  int exported_version;
  gboolean exported_publishable;
} Fixture;

static void
on_rendered (CairnScrPreview *preview,
             Fixture         *f)
{
  f->rendered++;
}

static void
on_exported (CairnScrWorkspace *workspace,
             int                version,
             gboolean           publishable,
             Fixture           *f)
{
  f->exported_version = version;
  f->exported_publishable = publishable;
}

static void
fixture_open (Fixture    *f,
              const char *name,
              const char *mother,
              const char *user)
{
  memset (f, 0, sizeof *f);
  f->store = cairn_test_scr_fixture (name, mother, &f->fx);
  if (user != NULL)
    {
      cairn_test_scr_add_accounts (f->store);
      cairn_test_scr_login (f->store, user);
    }
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1400, 900);
  f->workspace = cairn_scr_workspace_new ();
  gtk_window_set_child (f->window, GTK_WIDGET (f->workspace));
  g_signal_connect (cairn_scr_workspace_get_preview (f->workspace), "rendered", G_CALLBACK (on_rendered), f);
  g_signal_connect (f->workspace, "exported", G_CALLBACK (on_exported), f);
  cairn_scr_workspace_set_store (f->workspace, f->store);
  gtk_window_present (f->window);
  wait_idle ();
}

static void
show_page (Fixture    *f,
           const char *name)
{
  g_autoptr (GPtrArray) stacks = find_all (GTK_WIDGET (f->workspace), ADW_TYPE_VIEW_STACK);

  g_assert_cmpuint (stacks->len, ==, 1);
  adw_view_stack_set_visible_child_name (g_ptr_array_index (stacks, 0), name);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (f->window);
  wait_idle ();
  g_clear_object (&f->store);
  cairn_test_scr_clear (&f->fx);
}

typedef struct
{
  Fixture *f;
  int before;
} RenderWait;

static gboolean
rendered_since (gpointer data)
{
  RenderWait *w = data;

  return w->f->rendered > w->before;
}

/* Waits for the preview to show a page drawn after @before pages were. */
static void
wait_rendered (Fixture *f,
               int      before)
{
  RenderWait w = { f, before };

  g_assert_true (wait_until (rendered_since, &w));
}

typedef struct
{
  Fixture *f;
  CairnScrSection section;
  const char *expected;
} SectionWait;

static gboolean
section_saved (gpointer data)
{
  SectionWait *w = data;
  g_autoptr (CairnScr) scr = cairn_store_get_scr (w->f->store, w->f->fx.year, w->f->fx.number, NULL);

  return scr != NULL && g_strcmp0 (scr->sections[w->section], w->expected) == 0;
}

static char *
pdf_text (GBytes *pdf)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnPdfText) text = cairn_pdf_text_extract (pdf, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < text->pages->len; i++)
    g_string_append_printf (all, "%s\n", (const char *) g_ptr_array_index (text->pages, i));
  return g_string_free (all, FALSE);
}

static char *
file_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnPdfText) text = cairn_pdf_text_extract_file (path, &error);
  GString *all = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < text->pages->len; i++)
    g_string_append_printf (all, "%s\n", (const char *) g_ptr_array_index (text->pages, i));
  return g_string_free (all, FALSE);
}

/* Text extracted from a PDF breaks lines where the layout did: compare words. */
static gboolean
has_words (const char *haystack,
           const char *words)
{
  g_autofree char *flat = g_strdup (haystack);

  for (char *p = flat; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return strstr (flat, words) != NULL;
}

typedef struct
{
  Fixture *f;
  const char *words;
  int seen;
} PreviewWait;

static gboolean
preview_shows (gpointer data)
{
  PreviewWait *w = data;
  CairnScrPreview *preview = cairn_scr_workspace_get_preview (w->f->workspace);
  g_autofree char *text = NULL;

  /* Read the PDF again only when a page was drawn since. */
  if (w->f->rendered == w->seen || cairn_scr_preview_is_busy (preview))
    return FALSE;
  w->seen = w->f->rendered;
  text = pdf_text (cairn_scr_preview_get_pdf (preview));
  return has_words (text, w->words);
}

/* Waits for the preview to show a document with @words in it (laid out after an edit). */
static void
wait_preview_text (Fixture    *f,
                   const char *words)
{
  PreviewWait w = { f, words, -1 };

  g_assert_true (wait_until (preview_shows, &w));
}

/* Open, edit a section, see it saved through the store and in the preview. */
static void
test_edit_section (void)
{
  Fixture f;
  const char *edited = "Agencies worked alone. Nobody held the whole picture of Amelia's life.";
  g_autoptr (GError) error = NULL;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  CairnScrPreview *preview;
  g_autofree char *text = NULL;
  SectionWait wait;
  int before;

  fixture_open (&f, "edit.cairn", NULL, NULL);
  g_assert_true (cairn_scr_workspace_open (f.workspace, 2012, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cairn_scr_workspace_get_reference (f.workspace), ==, "SCR-2012-01");
  g_assert_true (cairn_scr_workspace_get_editable (f.workspace));
  expect_label (GTK_WIDGET (f.workspace), "SCR-2012-01");
  expect_label (GTK_WIDGET (f.workspace), "Review after serious injury · completed");

  /* The first page of the preview comes up on its own. */
  preview = cairn_scr_workspace_get_preview (f.workspace);
  wait_rendered (&f, 0);
  g_assert_cmpint (cairn_scr_preview_get_page (preview), ==, 1);
  g_assert_cmpint (cairn_scr_preview_get_n_pages (preview), >, 3);
  g_assert_nonnull (cairn_scr_preview_get_paintable (preview));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (cairn_scr_preview_get_paintable (preview)), >, 100);
  expect_label (GTK_WIDGET (preview), "Page 1 of ");
  shot (GTK_WIDGET (f.window), "workspace-review.png");
  /* The panel: by job title and organisation; the name is kept for the record. */
  {
    GtkWidget *member = find_editable (GTK_WIDGET (f.workspace), FIX_MEMBER);
    g_assert_nonnull (member);
    g_assert_nonnull (find_editable (GTK_WIDGET (f.workspace), FIX_MEMBER_TITLE));
    gtk_widget_grab_focus (member);
    shot (GTK_WIDGET (f.window), "workspace-panel.png");
  }

  /* Loaded text is not an undoable change; typing is. */
  view = find_text_view (GTK_WIDGET (f.workspace), "Agencies did not share");
  g_assert_nonnull (view);
  g_assert_true (gtk_text_view_get_editable (view));
  buffer = gtk_text_view_get_buffer (view);
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  before = f.rendered;
  type_text (view, edited);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));

  /* Saved through the store a moment after typing stops. */
  wait = (SectionWait) { &f, CAIRN_SCR_SECTION_KEY_ISSUES, edited };
  g_assert_true (wait_until (section_saved, &wait));

  /* The preview is laid out again with the new text, anonymised. */
  wait_preview_text (&f, "Nobody held the whole picture of Child A's life.");
  text = pdf_text (cairn_scr_preview_get_pdf (preview));
  g_assert_false (has_words (text, "Amelia"));

  /* Next page. */
  before = f.rendered;
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL);
  wait_rendered (&f, before);
  g_assert_cmpint (cairn_scr_preview_get_page (preview), ==, 2);
  expect_label (GTK_WIDGET (preview), "Page 2 of ");

  /* Undo (Ctrl+Z) takes the text back, and that is saved too. */
  gtk_text_buffer_undo (buffer);
  wait = (SectionWait) { &f, CAIRN_SCR_SECTION_KEY_ISSUES, NULL };
  {
    g_autofree char *original = buffer_text (view);
    g_assert_true (g_str_has_prefix (original, "Agencies did not share"));
    wait.expected = original;
    g_assert_true (wait_until (section_saved, &wait));
  }

  show_page (&f, "summary");
  shot (GTK_WIDGET (f.window), "workspace-summary.png");
  fixture_close (&f);
}

typedef struct
{
  CairnScrWorkspace *workspace;
  GAsyncResult *result;
} ExportWait;

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportWait *w = user_data;

  w->result = g_object_ref (result);
}

static gboolean
export_finished (gpointer data)
{
  return ((ExportWait *) data)->result != NULL;
}

static int
export (Fixture     *f,
        gboolean     publishable,
        const char  *path,
        GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  ExportWait w = { f->workspace, NULL };
  int version;

  cairn_scr_workspace_export_async (f->workspace, publishable, file, NULL, export_done, &w);
  g_assert_true (wait_until (export_finished, &w));
  version = cairn_scr_workspace_export_finish (f->workspace, w.result, error);
  g_object_unref (w.result);
  wait_idle ();
  return version;
}

/* A draft is a numbered version, marked not for publication, read back with Poppler. */
static void
test_export_draft (void)
{
  Fixture f;
  g_autofree char *path = cairn_test_scratch_path ("draft.pdf");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (CairnScr) scr = NULL;

  fixture_open (&f, "draft.cairn", NULL, NULL);
  g_assert_true (cairn_scr_workspace_open (f.workspace, 2012, 1, &error));
  {
    int version = export (&f, FALSE, path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (version, ==, 1);
  }
  g_assert_cmpint (f.exported_version, ==, 1);
  g_assert_false (f.exported_publishable);

  text = file_text (path);
  g_assert_true (has_words (text, "NOT FOR PUBLICATION"));
  g_assert_true (has_words (text, "Key issues or themes arising from the case"));
  g_assert_true (has_words (text, "Version 1, draft"));
  g_assert_true (has_words (text, "Child A"));
  g_assert_false (has_words (text, "Rosewood"));

  scr = cairn_store_get_scr (f.store, 2012, 1, &error);
  g_assert_cmpuint (scr->versions->len, ==, 1);
  g_assert_false (((CairnScrVersion *) g_ptr_array_index (scr->versions, 0))->publishable);
  /* The Versions page lists it. */
  expect_label (GTK_WIDGET (f.workspace), "Version 1, draft");
  fixture_close (&f);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_toplevel (CAIRN_TYPE_SCR_LEAKS_DIALOG) != NULL;
}

static gboolean
exported_publishable (gpointer data)
{
  return ((Fixture *) data)->exported_publishable;
}

/* A planted name refuses publication and lists where it is; a panel member
 * releases it with a reason; the next export is publishable. */
static void
test_publication_refused_then_released (void)
{
  Fixture f;
  const char *planted = "Practitioners may need support to see the child alone.";
  g_autofree char *path = cairn_test_scratch_path ("published.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;
  GtkTextView *view;
  GtkWidget *reason, *release, *again;
  GtkDropDown *member;
  SectionWait wait;
  const CairnScrRelease *r;

  fixture_open (&f, "refused.cairn", "May", "panel");
  g_assert_true (cairn_scr_workspace_open (f.workspace, 2012, 1, &error));
  g_assert_no_error (error);

  view = find_text_view (GTK_WIDGET (f.workspace), "Practitioners must see the child alone.");
  g_assert_nonnull (view);
  type_text (view, planted);
  /* Export saves what is pending first. */
  g_assert_cmpint (export (&f, TRUE, path, &error), ==, 0);
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_PUBLICATION_REFUSED);
  g_clear_error (&error);
  wait = (SectionWait) { &f, CAIRN_SCR_SECTION_LEARNING, planted };
  g_assert_true (section_saved (&wait));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The refusal lists the word, whose it is and where. */
  g_assert_true (wait_until (dialog_shown, NULL));
  dialog = find_toplevel (CAIRN_TYPE_SCR_LEAKS_DIALOG);
  expect_label (GTK_WIDGET (dialog), "“may”, the given name of Mother");
  expect_label (GTK_WIDGET (dialog), "page ");
  expect_label (GTK_WIDGET (dialog), "<b>may</b>");
  expect_label (GTK_WIDGET (dialog), "need support");
  shot (GTK_WIDGET (dialog), "leaks-dialog.png");

  /* Released by a named panel member, with a reason. */
  member = GTK_DROP_DOWN (g_ptr_array_index (find_all (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN), 0));
  g_assert_nonnull (member);
  gtk_drop_down_set_selected (member, 1);
  reason = GTK_WIDGET (g_ptr_array_index (find_all (GTK_WIDGET (dialog), GTK_TYPE_ENTRY), 0));
  release = find_button (GTK_WIDGET (dialog), "_Release");
  g_assert_false (gtk_widget_get_sensitive (release));
  gtk_editable_set_text (GTK_EDITABLE (reason), "The verb “may”, not the mother's name");
  g_assert_true (gtk_widget_get_sensitive (release));
  g_signal_emit_by_name (release, "clicked");
  wait_idle ();
  expect_label (GTK_WIDGET (dialog), "Released by Tom Ferris, Head of Safeguarding: The verb");
  shot (GTK_WIDGET (dialog), "leaks-dialog-released.png");

  scr = cairn_store_get_scr (f.store, 2012, 1, &error);
  g_assert_cmpuint (scr->releases->len, ==, 1);
  r = g_ptr_array_index (scr->releases, 0);
  g_assert_cmpstr (r->word, ==, "may");
  g_assert_cmpstr (r->released_by, ==, FIX_MEMBER);
  g_assert_cmpstr (r->reason, ==, "The verb “may”, not the mother's name");

  /* Export again: publishable now, with the verb in it. */
  again = find_button (GTK_WIDGET (dialog), "_Export Again");
  g_signal_emit_by_name (again, "clicked");
  g_assert_true (wait_until (exported_publishable, &f));
  g_assert_cmpint (f.exported_version, ==, 1);
  g_assert_null (find_toplevel (CAIRN_TYPE_SCR_LEAKS_DIALOG));
  text = file_text (path);
  g_assert_true (has_words (text, "may need support"));
  g_assert_false (has_words (text, "NOT FOR PUBLICATION"));
  g_assert_true (has_words (text, "Version 1, for publication"));

  /* The Anonymisation page lists the release; the version can be signed off. */
  wait_idle ();
  expect_label (GTK_WIDGET (f.workspace), "Released by Tom Ferris on 31 March 2013");
  expect_label (GTK_WIDGET (f.workspace), "Version 1, for publication");
  g_assert_nonnull (find_menu_button (GTK_WIDGET (f.workspace), "Sign Off…"));
  fixture_close (&f);
}

/* Sign-off, Ofsted and publication dates through the Versions page. */
static void
test_version_dates (void)
{
  Fixture f;
  g_autofree char *path = cairn_test_scratch_path ("dated.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = NULL;
  GtkWidget *button;
  CairnScrVersion *v;

  fixture_open (&f, "dated.cairn", NULL, "chair");
  g_assert_true (cairn_scr_workspace_open (f.workspace, 2012, 1, &error));
  {
    int version = export (&f, TRUE, path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (version, ==, 1);
  }

  button = find_menu_button (GTK_WIDGET (f.workspace), "Sign Off…");
  g_assert_nonnull (button);
  {
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    GtkWidget *name = find_editable (GTK_WIDGET (popover), FIX_PANEL_CHAIR);
    GtkWidget *on = find_editable (GTK_WIDGET (popover), "2013-03-31");
    g_assert_nonnull (name);
    g_assert_nonnull (on);
    gtk_editable_set_text (GTK_EDITABLE (on), "2013-04-02");
    g_signal_emit_by_name (find_button (GTK_WIDGET (popover), "_Sign Off"), "clicked");
  }
  wait_idle ();
  expect_label (GTK_WIDGET (f.workspace), "Signed off by Howard Blenkinsop on 2 April 2013");

  button = find_menu_button (GTK_WIDGET (f.workspace), "Published…");
  g_assert_nonnull (button);
  {
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    gtk_editable_set_text (GTK_EDITABLE (find_editable (GTK_WIDGET (popover), "2013-03-31")), "2013-04-15");
    g_signal_emit_by_name (find_button (GTK_WIDGET (popover), "_Record"), "clicked");
  }
  wait_idle ();
  expect_label (GTK_WIDGET (f.workspace), "Published on 15 April 2013");
  g_assert_null (find_menu_button (GTK_WIDGET (f.workspace), "Published…"));
  g_assert_nonnull (find_menu_button (GTK_WIDGET (f.workspace), "Sent to Ofsted…"));

  scr = cairn_store_get_scr (f.store, 2012, 1, &error);
  v = g_ptr_array_index (scr->versions, 0);
  g_assert_cmpstr (v->signed_off_by, ==, FIX_PANEL_CHAIR);
  g_assert_cmpint (g_date_get_day (&v->signed_off_on), ==, 2);
  g_assert_true (cairn_date_is_set (&v->published_on));
  g_assert_true (cairn_date_is_set (&scr->published_on));

  show_page (&f, "versions");
  shot (GTK_WIDGET (f.window), "workspace-versions.png");
  fixture_close (&f);
}

typedef struct
{
  Fixture *f;
  const char *progress;
} ActionWait;

static CairnScrAction *
action_of (CairnScr *scr,
           guint     rec,
           guint     index)
{
  return g_ptr_array_index (((CairnScrRecommendation *) g_ptr_array_index (scr->recommendations, rec))->actions,
                            index);
}

static gboolean
progress_saved (gpointer data)
{
  ActionWait *w = data;
  g_autoptr (CairnScr) scr = cairn_store_get_scr (w->f->store, 2012, 1, NULL);

  return g_strcmp0 (action_of (scr, 0, 1)->progress, w->progress) == 0;
}

/* The action plan table: a progress cell saved with the day's history; a status change. */
static void
test_action_plan (void)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = NULL;
  GtkTextView *cell;
  g_autoptr (GPtrArray) dropdowns = NULL;
  GtkWidget *completed;
  CairnScrAction *a;
  CairnScrActionHistory *h;
  ActionWait wait = { &f, "Five of six sessions delivered." };

  fixture_open (&f, "actions.cairn", NULL, NULL);
  g_assert_true (cairn_scr_workspace_open (f.workspace, 2012, 1, &error));

  cell = find_text_view (GTK_WIDGET (f.workspace), "Four of six sessions delivered.");
  g_assert_nonnull (cell);
  type_text (cell, wait.progress);
  g_assert_true (wait_until (progress_saved, &wait));
  scr = cairn_store_get_scr (f.store, 2012, 1, &error);
  a = action_of (scr, 0, 1);
  g_assert_cmpuint (a->history->len, ==, 1);
  h = g_ptr_array_index (a->history, 0);
  g_assert_cmpstr (h->progress, ==, wait.progress);
  g_assert_cmpint (g_date_get_year (&h->as_of), ==, 2013);
  g_clear_pointer (&scr, cairn_scr_free);

  /* Recommendation 2's action is not started; marked complete, it gets today's date. */
  dropdowns = find_all (GTK_WIDGET (f.workspace), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (dropdowns->len, ==, 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (dropdowns, 2)), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (dropdowns, 2)));
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 2), 2);
  wait_idle ();
  scr = cairn_store_get_scr (f.store, 2012, 1, &error);
  a = action_of (scr, 1, 0);
  g_assert_cmpstr (a->status, ==, "complete");
  g_assert_true (cairn_date_is_set (&a->completed_on));
  g_assert_cmpint (g_date_get_month (&a->completed_on), ==, 3);
  completed = GTK_WIDGET (g_object_get_data (g_ptr_array_index (dropdowns, 2), "cairn-completed"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (completed)), ==, "2013-03-31");

  /* A due date that is not a date is refused and marked; nothing changes. */
  {
    GtkWidget *due = find_editable (GTK_WIDGET (f.workspace), "2013-03-31");
    g_assert_nonnull (due);
    g_assert_true (due != completed);
    gtk_editable_set_text (GTK_EDITABLE (due), "2013-02-30");
    g_assert_false (cairn_scr_workspace_save (f.workspace, &error));
    g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Due: \"2013-02-30\""));
    g_clear_error (&error);
    g_assert_true (gtk_widget_has_css_class (due, "error"));
    gtk_editable_set_text (GTK_EDITABLE (due), "2013-03-31");
    g_assert_true (cairn_scr_workspace_save (f.workspace, &error));
    g_assert_false (gtk_widget_has_css_class (due, "error"));
  }

  show_page (&f, "actions");
  shot (GTK_WIDGET (f.window), "workspace-action-plan.png");
  if (g_getenv ("CAIRN_TEST_SHOTS_AGAIN"))
    {
      g_usleep (1000);
      shot (GTK_WIDGET (f.window), "workspace-action-plan-2.png");
      shot (GTK_WIDGET (f.window), "workspace-action-plan-3.png");
    }
  fixture_close (&f);
}

/* The panel adjusts a pseudonym and the date display; the preview follows. */
static void
test_anonymisation (void)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = NULL;
  CairnScrPreview *preview;
  GtkWidget *row;
  g_autofree char *text = NULL;

  fixture_open (&f, "anon.cairn", NULL, NULL);
  g_assert_true (cairn_scr_workspace_open (f.workspace, 2012, 1, &error));
  preview = cairn_scr_workspace_get_preview (f.workspace);
  wait_rendered (&f, 0);

  row = find_editable (GTK_WIDGET (f.workspace), "Sibling B");
  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Jayden Rosewood, Sibling");

  /* A pseudonym that names someone is refused. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Jayden");
  g_assert_false (cairn_scr_workspace_save (f.workspace, &error));
  g_assert_nonnull (strstr (error->message, "Pseudonym: \"Jayden\" contains the"));
  g_clear_error (&error);

  gtk_editable_set_text (GTK_EDITABLE (row), "Brother");
  g_assert_true (cairn_scr_workspace_save (f.workspace, &error));
  g_assert_no_error (error);
  scr = cairn_store_get_scr (f.store, 2012, 1, &error);
  g_assert_cmpuint (scr->pseudonyms->len, ==, 1);
  g_assert_cmpstr (((CairnScrPseudonym *) g_ptr_array_index (scr->pseudonyms, 0))->pseudonym, ==, "Brother");

  wait_preview_text (&f, "her brother Brother");
  text = pdf_text (cairn_scr_preview_get_pdf (preview));
  g_assert_false (has_words (text, "Sibling B"));

  /* Dates as the child's age. */
  {
    g_autoptr (GPtrArray) rows = find_all (GTK_WIDGET (f.workspace), ADW_TYPE_ACTION_ROW);
    GtkWidget *age = NULL;
    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), "The child's age") == 0)
        age = adw_action_row_get_activatable_widget (g_ptr_array_index (rows, i));
    g_assert_nonnull (age);
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (age)));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (age), TRUE);
  }
  g_clear_pointer (&scr, cairn_scr_free);
  scr = cairn_store_get_scr (f.store, 2012, 1, &error);
  g_assert_cmpint (scr->date_display, ==, CAIRN_SCR_DATES_AGE);
  expect_label (GTK_WIDGET (f.workspace), "is shown as “aged ");

  show_page (&f, "anonymisation");
  shot (GTK_WIDGET (f.window), "workspace-anonymisation.png");
  fixture_close (&f);
}

/* Printing draws the PDF's pages with Poppler: exported through the print operation. */
static void
test_print (void)
{
  Fixture f;
  g_autofree char *path = cairn_test_scratch_path ("printed.pdf");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  fixture_open (&f, "print.cairn", NULL, NULL);
  g_assert_true (cairn_scr_workspace_open (f.workspace, 2012, 1, &error));
  g_assert_true (cairn_scr_workspace_print_full (f.workspace, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error));
  g_assert_no_error (error);
  text = file_text (path);
  g_assert_true (has_words (text, "Priorities for learning and change"));
  g_assert_true (has_words (text, "NOT FOR PUBLICATION"));
  g_assert_false (has_words (text, "Rosewood"));
  fixture_close (&f);
}

/* Nothing is editable for a role that may only read; nothing shows for one that may not. */
static void
test_read_only (void)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) editables = NULL;
  g_autoptr (GPtrArray) views = NULL;
  g_autoptr (GPtrArray) dropdowns = NULL;
  g_autoptr (GPtrArray) checks = NULL;
  guint n_visible = 0;

  fixture_open (&f, "readonly.cairn", NULL, "auditor");
  g_assert_true (cairn_scr_workspace_open (f.workspace, 2012, 1, &error));
  g_assert_no_error (error);
  g_assert_false (cairn_scr_workspace_get_editable (f.workspace));
  expect_label (GTK_WIDGET (f.workspace), "Read only: ");
  expect_label (GTK_WIDGET (f.workspace), "auditor (auditor) may not change a serious case review");

  views = find_all (GTK_WIDGET (f.workspace), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpuint (views->len, >, 10);
  for (guint i = 0; i < views->len; i++)
    g_assert_false (gtk_text_view_get_editable (g_ptr_array_index (views, i)));
  editables = find_all (GTK_WIDGET (f.workspace), GTK_TYPE_EDITABLE);
  for (guint i = 0; i < editables->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (editables, i);
      /* GtkText inside an entry follows the entry. */
      if (!gtk_widget_is_visible (w) || GTK_IS_TEXT (w))
        continue;
      n_visible++;
      if (gtk_editable_get_editable (GTK_EDITABLE (w)))
        g_error ("an editable field shows “%s”", gtk_editable_get_text (GTK_EDITABLE (w)));
    }
  g_assert_cmpuint (n_visible, >, 20);
  dropdowns = find_all (GTK_WIDGET (f.workspace), GTK_TYPE_DROP_DOWN);
  for (guint i = 0; i < dropdowns->len; i++)
    g_assert_false (gtk_widget_is_sensitive (g_ptr_array_index (dropdowns, i)));
  checks = find_all (GTK_WIDGET (f.workspace), GTK_TYPE_CHECK_BUTTON);
  for (guint i = 0; i < checks->len; i++)
    g_assert_false (gtk_widget_is_sensitive (g_ptr_array_index (checks, i)));
  g_assert_null (find_menu_button (GTK_WIDGET (f.workspace), "Add _Member"));
  g_assert_null (find_menu_button (GTK_WIDGET (f.workspace), "Add Action"));
  g_assert_null (find_menu_button (GTK_WIDGET (f.workspace), "Sign Off…"));
  /* The auditor may still export a draft and print; not a version for publication. */
  {
    g_autoptr (GPtrArray) buttons = find_all (GTK_WIDGET (f.workspace), GTK_TYPE_BUTTON);
    for (guint i = 0; i < buttons->len; i++)
      {
        GtkButton *b = g_ptr_array_index (buttons, i);
        const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (b));
        if (g_strcmp0 (action, "scr.export-publishable") == 0)
          g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (b)));
        if (g_strcmp0 (action, "scr.export-draft") == 0 || g_strcmp0 (action, "scr.print") == 0)
          g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (b)));
      }
  }
  shot (GTK_WIDGET (f.window), "workspace-read-only.png");

  /* A practitioner may not read the draft: the workspace says so and shows nothing of it. */
  cairn_test_scr_login (f.store, "practitioner");
  g_assert_false (cairn_scr_workspace_open (f.workspace, 2012, 1, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  wait_idle ();
  g_assert_null (cairn_scr_workspace_get_reference (f.workspace));
  expect_label (GTK_WIDGET (f.workspace), "This Review Is Not Open to You");
  expect_label (GTK_WIDGET (f.workspace), "may not read a serious case review draft SCR-2012-01");
  g_assert_null (find_label (GTK_WIDGET (f.workspace), "Review after serious injury"));
  /* Not kept behind the page either. */
  g_assert_null (find_text_view (GTK_WIDGET (f.workspace), "Agencies did not share"));
  g_assert_null (find_editable (GTK_WIDGET (f.workspace), FIX_LSCB_CHAIR));
  g_assert_cmpint (cairn_scr_preview_get_n_pages (cairn_scr_workspace_get_preview (f.workspace)), ==, 0);
  shot (GTK_WIDGET (f.window), "workspace-denied.png");
  fixture_close (&f);
}

static gboolean
preview_idle (gpointer data)
{
  return !cairn_scr_preview_is_busy (data);
}

/* A document replaced before it was drawn is never shown: the newer one is. */
static void
test_preview_cancels_stale (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CairnScrPreview *preview = cairn_scr_preview_new ();
  g_autoptr (CairnDocument) first = cairn_document_new ("First document");
  g_autoptr (CairnDocument) second = cairn_document_new ("Second document");
  Fixture f = { 0 };
  g_autofree char *text = NULL;

  cairn_document_add_heading (first, 1, "The first heading");
  cairn_document_add_heading (second, 1, "The second heading");
  cairn_document_add_page_break (second);
  cairn_document_add_text (second, "Another page.");
  gtk_window_set_default_size (window, 600, 800);
  gtk_window_set_child (window, GTK_WIDGET (preview));
  g_signal_connect (preview, "rendered", G_CALLBACK (on_rendered), &f);
  gtk_window_present (window);

  cairn_scr_preview_set_document (preview, first);
  cairn_scr_preview_set_document (preview, second);
  g_assert_true (cairn_scr_preview_is_busy (preview));
  wait_rendered (&f, 0);
  /* The page is drawn after the layout, off the main thread too (and
   * again when the window gives the preview its size). */
  wait_idle ();
  g_assert_true (wait_until (preview_idle, preview));
  /* Drawn once, or again at the size the window gave it; never the first
   * document (its text is not in what is shown). */
  g_assert_cmpint (f.rendered, >=, 1);
  g_assert_cmpint (cairn_scr_preview_get_n_pages (preview), ==, 2);
  text = pdf_text (cairn_scr_preview_get_pdf (preview));
  g_assert_true (has_words (text, "The second heading"));
  g_assert_false (has_words (text, "The first heading"));

  /* Cleared: nothing shown, nothing to go back to. */
  cairn_scr_preview_clear (preview, "Nothing to show");
  g_assert_null (cairn_scr_preview_get_pdf (preview));
  g_assert_cmpint (cairn_scr_preview_get_page (preview), ==, 0);
  gtk_window_destroy (window);
  wait_idle ();
}

static void
on_review_activated (CairnScrList *list,
                     int           year,
                     int           number,
                     int          *out)
{
  out[0] = year;
  out[1] = number;
}

/* The list of reviews: reference, title, stage, a lock where the draft is not open to the user. */
static void
test_list (void)
{
  Fixture f;
  CairnScrList *list = cairn_scr_list_new ();
  g_autoptr (CairnScr) second = cairn_scr_new ();
  g_autoptr (GError) error = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr (GPtrArray) images = NULL;
  int activated[2] = { 0, 0 };
  guint locks = 0;

  fixture_open (&f, "list.cairn", NULL, NULL);
  second->year = 2013;
  second->title = g_strdup ("Review after a death in custody");
  g_assert_true (cairn_store_add_scr (f.store, second, &error));
  g_assert_no_error (error);
  cairn_test_scr_add_accounts (f.store);
  cairn_test_scr_login (f.store, "panel");

  gtk_window_set_default_size (window, 700, 400);
  gtk_window_set_child (window, GTK_WIDGET (list));
  g_signal_connect (list, "review-activated", G_CALLBACK (on_review_activated), activated);
  cairn_scr_list_set_store (list, f.store);
  gtk_window_present (window);
  wait_idle ();
  g_assert_cmpuint (cairn_scr_list_get_n_reviews (list), ==, 2);
  expect_label (GTK_WIDGET (list), "SCR-2012-01");
  expect_label (GTK_WIDGET (list), "Review after serious injury");
  expect_label (GTK_WIDGET (list), "SCR-2013-01");
  expect_label (GTK_WIDGET (list), "considered");
  images = find_all (GTK_WIDGET (list), GTK_TYPE_IMAGE);
  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (gtk_image_get_icon_name (g_ptr_array_index (images, i)), "changes-prevent-symbolic") == 0 &&
        gtk_widget_get_opacity (g_ptr_array_index (images, i)) > 0)
      locks++;
  g_assert_cmpuint (locks, ==, 1);
  shot (GTK_WIDGET (window), "scr-list.png");

  cairn_scr_list_activate (list, 1);
  g_assert_cmpint (activated[0], ==, 2013);
  g_assert_cmpint (activated[1], ==, 1);

  cairn_store_logout (f.store);
  g_assert_false (cairn_scr_list_reload (list, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_assert_cmpuint (cairn_scr_list_get_n_reviews (list), ==, 0);
  gtk_window_destroy (window);
  fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The application's style sheet, as the app loads it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/cairn/Cairn/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/cairn/gui/scr-workspace/edit-section", test_edit_section);
  g_test_add_func ("/cairn/gui/scr-workspace/export-draft", test_export_draft);
  g_test_add_func ("/cairn/gui/scr-workspace/publication-refused-then-released",
                   test_publication_refused_then_released);
  g_test_add_func ("/cairn/gui/scr-workspace/version-dates", test_version_dates);
  g_test_add_func ("/cairn/gui/scr-workspace/action-plan", test_action_plan);
  g_test_add_func ("/cairn/gui/scr-workspace/anonymisation", test_anonymisation);
  g_test_add_func ("/cairn/gui/scr-workspace/print", test_print);
  g_test_add_func ("/cairn/gui/scr-workspace/read-only", test_read_only);
  g_test_add_func ("/cairn/gui/scr-workspace/preview-cancels-stale", test_preview_cancels_stale);
  g_test_add_func ("/cairn/gui/scr-workspace/list", test_list);

  return g_test_run ();
}
