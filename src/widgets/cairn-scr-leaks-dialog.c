/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-scr-leaks-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-anonymiser.h"
#include "cairn-scr-leaks-dialog.h"
#include "cairn-scr-store.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"

/**
 * CairnScrLeaksDialog:
 *
 * Says why a version for publication was refused: every identifying detail
 * the check found in the written file, with where it is (the page, the
 * bookmarks, the metadata) and the words around it. To someone who may
 * sign the review off, it offers to release a one-word false positive (a
 * mother called May, the verb "may") in the name of a member of the
 * review's panel, with a reason; the store records the release. "Export
 * Again" asks for the version to be written again
 * (#CairnScrLeaksDialog::export-again).
 */
struct _CairnScrLeaksDialog
{
  AdwWindow parent_instance;

  CairnStore *store;
  gint64 scr_id;
  GArray *member_ids;           /* gint64, in the order of the drop-downs */
  GtkStringList *member_names;
  guint default_member;
  GPtrArray *rows;              /* GtkWidget *: the leak rows */

  GtkLabel *intro_label;
  GtkListBox *leak_list;
  GtkLabel *note_label;
  GtkButton *again_button;
};

G_DEFINE_FINAL_TYPE (CairnScrLeaksDialog, cairn_scr_leaks_dialog, ADW_TYPE_WINDOW)

enum
{
  RELEASED,
  EXPORT_AGAIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a leak row keeps: the word and the widgets that change when it is released. */
typedef struct
{
  char *word;                   /* the identifier, normalised; NULL when it is several words */
  GtkWidget *form;
  GtkDropDown *member;
  GtkEntry *reason;
  GtkButton *release;
  GtkLabel *state;
} LeakRow;

static void
leak_row_free (LeakRow *row)
{
  g_free (row->word);
  g_free (row);
}

static LeakRow *
get_leak_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cairn-leak-row");
}

static void
close_clicked (CairnScrLeaksDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
again_clicked (CairnScrLeaksDialog *self)
{
  g_signal_emit (self, signals[EXPORT_AGAIN], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
show_state (LeakRow    *row,
            const char *text,
            gboolean    problem)
{
  gtk_label_set_label (row->state, text);
  gtk_widget_set_visible (GTK_WIDGET (row->state), text != NULL);
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (row->state), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->state), "error");
}

static void
reason_changed (LeakRow *row)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->reason))));

  gtk_widget_set_sensitive (GTK_WIDGET (row->release), *reason != '\0');
}

static void
release_clicked (GtkButton *button,
                 gpointer   user_data)
{
  CairnScrLeaksDialog *self = user_data;
  LeakRow *row = g_object_get_data (G_OBJECT (button), "cairn-leak-row");
  g_autoptr (GError) error = NULL;
  guint index = gtk_drop_down_get_selected (row->member);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (row->reason));
  const char *name;
  g_autofree char *done = NULL;
  GDate today;

  if (index == GTK_INVALID_LIST_POSITION || index >= self->member_ids->len)
    return;
  cairn_store_get_today (self->store, &today);
  if (!cairn_store_release_scr_word (self->store, self->scr_id, row->word,
                                     g_array_index (self->member_ids, gint64, index), reason, &today, &error))
    {
      show_state (row, error->message, TRUE);
      return;
    }
  name = gtk_string_list_get_string (self->member_names, index);
  done = g_strdup_printf (_("Released by %s: %s"), name, reason);
  /* The release covers the word wherever it was found. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      LeakRow *other = get_leak_row (g_ptr_array_index (self->rows, i));
      if (g_strcmp0 (other->word, row->word) == 0)
        {
          gtk_widget_set_visible (other->form, FALSE);
          show_state (other, done, FALSE);
          gtk_widget_add_css_class (GTK_WIDGET (other->state), "success");
        }
    }
  g_signal_emit (self, signals[RELEASED], 0, row->word);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The words around the leak, with the leak in bold. */
static char *
context_markup (const CairnLeak *leak)
{
  const char *context = leak->context ? leak->context : "";
  const char *at = leak->found ? strstr (context, leak->found) : NULL;
  g_autofree char *before = NULL;
  g_autofree char *found = NULL;
  g_autofree char *after = NULL;

  if (at == NULL)
    return g_markup_printf_escaped ("<span alpha=\"70%%\">%s</span>", context);
  before = g_strndup (context, at - context);
  found = g_strdup (leak->found);
  after = g_strdup (at + strlen (leak->found));
  return g_markup_printf_escaped ("<span alpha=\"70%%\">%s</span><b>%s</b><span alpha=\"70%%\">%s</span>",
                                  before, found, after);
}

static GtkWidget *
make_row (CairnScrLeaksDialog *self,
          const CairnLeak     *leak,
          gboolean             may_release)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  LeakRow *data = g_new0 (LeakRow, 1);
  g_autofree char *title = g_strdup_printf (_("“%s”, the %s"), leak->found, leak->what);
  g_autofree char *where = leak->count > 1 ? g_strdup_printf (_("%s, %u times"), leak->where, leak->count)
                                           : g_strdup (leak->where);
  g_autofree char *context = context_markup (leak);
  GtkWidget *label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "cairn-leak-row", data, (GDestroyNotify) leak_row_free);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  label = make_label (title, "heading");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (head), label);
  label = make_label (where, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (head), label);
  gtk_box_append (GTK_BOX (box), head);
  label = make_label (NULL, NULL);
  gtk_label_set_markup (GTK_LABEL (label), context);
  gtk_box_append (GTK_BOX (box), label);

  if (leak->identifier != NULL && strchr (leak->identifier, ' ') == NULL)
    data->word = g_strdup (leak->identifier);

  data->state = GTK_LABEL (make_label (NULL, NULL));
  gtk_widget_set_visible (GTK_WIDGET (data->state), FALSE);

  data->form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (data->word != NULL && may_release && self->member_ids->len > 0)
    {
      GtkWidget *by = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *why = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *by_label = gtk_label_new (_("Released by"));
      g_autofree char *accessible = g_strdup_printf (_("Why “%s” does not identify anyone"), leak->found);
      GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      data->member = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->member_names)),
                                                       expression));
      gtk_drop_down_set_selected (data->member, self->default_member);
      gtk_widget_set_tooltip_text (GTK_WIDGET (data->member), _("The panel member who releases the word"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (data->member), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Released by"), -1);
      data->reason = GTK_ENTRY (gtk_entry_new ());
      gtk_widget_set_hexpand (GTK_WIDGET (data->reason), TRUE);
      gtk_entry_set_placeholder_text (data->reason, _("Why this word does not identify anyone"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (data->reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      data->release = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Release")));
      gtk_widget_set_tooltip_text (GTK_WIDGET (data->release),
                                   _("Release this word as a false positive; the release is recorded"));
      gtk_widget_set_sensitive (GTK_WIDGET (data->release), FALSE);
      g_object_set_data (G_OBJECT (data->release), "cairn-leak-row", data);
      g_signal_connect_swapped (data->reason, "changed", G_CALLBACK (reason_changed), data);
      g_signal_connect_swapped (data->reason, "activate", G_CALLBACK (gtk_widget_activate), data->release);
      g_signal_connect (data->release, "clicked", G_CALLBACK (release_clicked), self);
      gtk_widget_set_margin_top (data->form, 6);
      gtk_box_append (GTK_BOX (by), by_label);
      gtk_box_append (GTK_BOX (by), GTK_WIDGET (data->member));
      gtk_box_append (GTK_BOX (why), GTK_WIDGET (data->reason));
      gtk_box_append (GTK_BOX (why), GTK_WIDGET (data->release));
      gtk_box_append (GTK_BOX (data->form), by);
      gtk_box_append (GTK_BOX (data->form), why);
      gtk_box_append (GTK_BOX (box), data->form);
    }
  else if (data->word == NULL)
    show_state (data, _("This names someone: change the text where it appears."), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->state));
  return row;
}

static void
cairn_scr_leaks_dialog_dispose (GObject *object)
{
  CairnScrLeaksDialog *self = CAIRN_SCR_LEAKS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_SCR_LEAKS_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->member_names);
  g_clear_pointer (&self->member_ids, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (cairn_scr_leaks_dialog_parent_class)->dispose (object);
}

static void
cairn_scr_leaks_dialog_class_init (CairnScrLeaksDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_scr_leaks_dialog_dispose;

  /**
   * CairnScrLeaksDialog::released:
   * @word: the word released
   *
   * A panel member released @word; the store has recorded it.
   */
  signals[RELEASED] = g_signal_new ("released", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CairnScrLeaksDialog::export-again:
   *
   * The user asked for the version for publication to be written again.
   */
  signals[EXPORT_AGAIN] = g_signal_new ("export-again", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cairn/Cairn/cairn-scr-leaks-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnScrLeaksDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CairnScrLeaksDialog, leak_list);
  gtk_widget_class_bind_template_child (widget_class, CairnScrLeaksDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, CairnScrLeaksDialog, again_button);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, again_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cairn_scr_leaks_dialog_init (CairnScrLeaksDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->member_names = gtk_string_list_new (NULL);
  self->rows = g_ptr_array_new ();
}

/**
 * cairn_scr_leaks_dialog_new:
 * @leaks: (element-type CairnLeak): what the publication check found
 * @may_release: whether the signed-in user may release words (who may sign the review off)
 */
CairnScrLeaksDialog *
cairn_scr_leaks_dialog_new (GtkWindow      *parent,
                            CairnStore     *store,
                            const CairnScr *scr,
                            GPtrArray      *leaks,
                            gboolean        may_release)
{
  CairnScrLeaksDialog *self = g_object_new (CAIRN_TYPE_SCR_LEAKS_DIALOG, "transient-for", parent, NULL);
  const char *user = cairn_store_get_user_display_name (store);
  g_autofree char *ref = cairn_scr_dup_ref (scr);
  g_autofree char *intro = NULL;
  gboolean any_word = FALSE;

  self->store = g_object_ref (store);
  self->scr_id = scr->id;
  for (guint i = 0; i < scr->panel->len; i++)
    {
      const CairnScrPanelMember *m = g_ptr_array_index (scr->panel, i);
      g_autofree char *name = g_strdup_printf ("%s, %s", m->name, m->job_title);
      g_autofree char *a = user ? g_utf8_casefold (user, -1) : NULL;
      g_autofree char *b = g_utf8_casefold (m->name, -1);

      if (a != NULL && g_strcmp0 (a, b) == 0)
        self->default_member = i;
      g_array_append_val (self->member_ids, m->id);
      gtk_string_list_append (self->member_names, name);
    }

  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "The executive summary of %s was not written for publication: "
                                        "%u identifying detail remains in it. Change the text where it "
                                        "appears, or release a word that does not identify anyone.",
                                        "The executive summary of %s was not written for publication: "
                                        "%u identifying details remain in it. Change the text where they "
                                        "appear, or release a word that does not identify anyone.",
                                        leaks->len),
                           ref, leaks->len);
  gtk_label_set_label (self->intro_label, intro);
  for (guint i = 0; i < leaks->len; i++)
    {
      const CairnLeak *leak = g_ptr_array_index (leaks, i);
      GtkWidget *row = make_row (self, leak, may_release);
      any_word |= get_leak_row (row)->word != NULL;
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->leak_list, row);
    }

  if (!any_word)
    gtk_label_set_label (self->note_label, NULL);
  else if (!may_release)
    gtk_label_set_label (self->note_label, _("Only a member of this review's panel, or the LSCB Chair, can "
                                             "release a word as a false positive."));
  else if (scr->panel->len == 0)
    gtk_label_set_label (self->note_label, _("No panel members are recorded for this review, so no word "
                                             "can be released."));
  else
    gtk_label_set_label (self->note_label, _("A word is released for this review only, one word at a "
                                             "time, in the name of a panel member and with a reason. "
                                             "The release is recorded."));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), any_word);
  return self;
}
