/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-scr-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-scr-list.h"
#include "cairn-codes.h"
#include "cairn-scr-store.h"

/* ---- One review in the list --------------------------------------------- */

#define CAIRN_TYPE_SCR_LIST_ITEM (cairn_scr_list_item_get_type ())
G_DECLARE_FINAL_TYPE (CairnScrListItem, cairn_scr_list_item, CAIRN, SCR_LIST_ITEM, GObject)

struct _CairnScrListItem
{
  GObject parent_instance;
  int year;
  int number;
  char *reference;
  char *title;
  char *stage;
  gboolean readable;
};

G_DEFINE_FINAL_TYPE (CairnScrListItem, cairn_scr_list_item, G_TYPE_OBJECT)

static void
cairn_scr_list_item_finalize (GObject *object)
{
  CairnScrListItem *self = CAIRN_SCR_LIST_ITEM (object);

  g_free (self->reference);
  g_free (self->title);
  g_free (self->stage);
  G_OBJECT_CLASS (cairn_scr_list_item_parent_class)->finalize (object);
}

static void
cairn_scr_list_item_class_init (CairnScrListItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cairn_scr_list_item_finalize;
}

static void
cairn_scr_list_item_init (CairnScrListItem *self)
{
}

static CairnScrListItem *
item_new (const CairnScrSummary *summary)
{
  CairnScrListItem *item = g_object_new (CAIRN_TYPE_SCR_LIST_ITEM, NULL);

  item->year = summary->year;
  item->number = summary->number;
  item->reference = g_strdup_printf ("SCR-%04d-%02d", summary->year, summary->number);
  item->title = g_strdup (summary->title);
  item->stage = g_strdup (summary->stage);
  item->readable = summary->readable;
  return item;
}

/* ---- The list ----------------------------------------------------------- */

/**
 * CairnScrList:
 *
 * The board's serious case reviews: reference, title and stage, from
 * cairn_store_list_scrs(). A review whose drafts the signed-in user may
 * not read shows a lock (the workspace would refuse to open it). Activating
 * a row (double click, Enter) emits #CairnScrList::review-activated with
 * the review's year and number, for cairn_scr_workspace_open().
 */
struct _CairnScrList
{
  GtkWidget parent_instance;

  CairnStore *store;
  GListStore *reviews;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkColumnView *view;
  GtkColumnViewColumn *ref_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *stage_column;
};

G_DEFINE_FINAL_TYPE (CairnScrList, cairn_scr_list, GTK_TYPE_WIDGET)

enum
{
  REVIEW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_REFERENCE,
  COLUMN_TITLE,
  COLUMN_STAGE,
} ListColumn;

CairnScrList *
cairn_scr_list_new (void)
{
  return g_object_new (CAIRN_TYPE_SCR_LIST, NULL);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  ListColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_REFERENCE)
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
      gtk_box_append (GTK_BOX (box), lock);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  ListColumn column = GPOINTER_TO_INT (user_data);
  CairnScrListItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_last_child (box);

  switch (column)
    {
    case COLUMN_REFERENCE:
      gtk_label_set_label (GTK_LABEL (label), item->reference);
      /* Shown or not, the lock keeps its place, so that the references line up. */
      gtk_widget_set_opacity (gtk_widget_get_first_child (box), item->readable ? 0 : 1);
      gtk_widget_set_tooltip_text (gtk_widget_get_first_child (box),
                                   item->readable ? NULL : _("Only the review's panel may read its drafts"));
      break;
    case COLUMN_TITLE:
      gtk_label_set_label (GTK_LABEL (label), item->title);
      break;
    case COLUMN_STAGE:
      gtk_label_set_label (GTK_LABEL (label), item->stage ? cairn_codes_label (CAIRN_CODES_SCR_STAGE, item->stage) : "");
      break;
    }
}

static void
set_factory (GtkColumnViewColumn *column,
             ListColumn           which)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (which));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (which));
  gtk_column_view_column_set_factory (column, factory);
}

/* Emits ::review-activated for the review at @position. */
void
cairn_scr_list_activate (CairnScrList *self,
                         guint         position)
{
  g_autoptr (CairnScrListItem) item = NULL;

  g_return_if_fail (CAIRN_IS_SCR_LIST (self));
  item = g_list_model_get_item (G_LIST_MODEL (self->reviews), position);
  if (item != NULL)
    g_signal_emit (self, signals[REVIEW_ACTIVATED], 0, item->year, item->number);
}

static void
row_activated (CairnScrList *self,
               guint         position)
{
  cairn_scr_list_activate (self, position);
}

/**
 * cairn_scr_list_reload:
 *
 * Reads the list again (after a review was added or its title or stage
 * changed). On failure the list is emptied and @error says why.
 */
gboolean
cairn_scr_list_reload (CairnScrList  *self,
                       GError       **error)
{
  g_autoptr (GPtrArray) reviews = NULL;

  g_return_val_if_fail (CAIRN_IS_SCR_LIST (self), FALSE);
  g_list_store_remove_all (self->reviews);
  if (self->store != NULL && (reviews = cairn_store_list_scrs (self->store, error)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return FALSE;
    }
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      g_autoptr (CairnScrListItem) item = item_new (g_ptr_array_index (reviews, i));
      g_list_store_append (self->reviews, item);
    }
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (G_LIST_MODEL (self->reviews)) > 0
                                                   ? "list" : "empty");
  return TRUE;
}

guint
cairn_scr_list_get_n_reviews (CairnScrList *self)
{
  g_return_val_if_fail (CAIRN_IS_SCR_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->reviews));
}

/* The board's database, signed in; the list is read from it at once (errors leave it empty). */
void
cairn_scr_list_set_store (CairnScrList *self,
                          CairnStore   *store)
{
  g_return_if_fail (CAIRN_IS_SCR_LIST (self));

  g_set_object (&self->store, store);
  cairn_scr_list_reload (self, NULL);
}

static void
cairn_scr_list_dispose (GObject *object)
{
  CairnScrList *self = CAIRN_SCR_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_SCR_LIST);
  g_clear_object (&self->store);
  g_clear_object (&self->reviews);
  G_OBJECT_CLASS (cairn_scr_list_parent_class)->dispose (object);
}

static void
cairn_scr_list_class_init (CairnScrListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_scr_list_dispose;

  /**
   * CairnScrList::review-activated:
   * @year: the review's year
   * @number: its number in the year
   */
  signals[REVIEW_ACTIVATED] = g_signal_new ("review-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-scr-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnScrList, stack);
  gtk_widget_class_bind_template_child (widget_class, CairnScrList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CairnScrList, view);
  gtk_widget_class_bind_template_child (widget_class, CairnScrList, ref_column);
  gtk_widget_class_bind_template_child (widget_class, CairnScrList, title_column);
  gtk_widget_class_bind_template_child (widget_class, CairnScrList, stage_column);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
cairn_scr_list_init (CairnScrList *self)
{
  g_autoptr (GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->reviews = g_list_store_new (CAIRN_TYPE_SCR_LIST_ITEM);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->reviews)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  set_factory (self->ref_column, COLUMN_REFERENCE);
  set_factory (self->title_column, COLUMN_TITLE);
  set_factory (self->stage_column, COLUMN_STAGE);
}
