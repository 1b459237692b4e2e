/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-key-sorter"

#include "config.h"

#include "cairn-key-sorter.h"

/**
 * CairnKeySorter:
 *
 * The sorter of one column of the case table. It never sorts anything: the
 * table is sorted in SQL. It lets the column headers show and change the
 * order, and lets the table read which column is primary and in which
 * direction (GTK 4.8 has no API for that; 4.10's
 * gtk_column_view_sorter_get_primary_sort_column() is too new): comparing
 * two probe items with the column view's sorter calls the primary column's
 * sorter first, which records its key.
 */
struct _CairnKeySorter
{
  GtkSorter parent_instance;

  CairnCaseSort key;
};

G_DEFINE_FINAL_TYPE (CairnKeySorter, cairn_key_sorter, GTK_TYPE_SORTER)

static int probe_key = -1;

static GtkOrdering
cairn_key_sorter_compare (GtkSorter *sorter,
                          gpointer   item1,
                          gpointer   item2)
{
  CairnKeySorter *self = CAIRN_KEY_SORTER (sorter);

  if (probe_key < 0)
    probe_key = (int) self->key;
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
cairn_key_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
cairn_key_sorter_class_init (CairnKeySorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = cairn_key_sorter_compare;
  sorter_class->get_order = cairn_key_sorter_get_order;
}

static void
cairn_key_sorter_init (CairnKeySorter *self)
{
}

CairnKeySorter *
cairn_key_sorter_new (CairnCaseSort key)
{
  CairnKeySorter *self = g_object_new (CAIRN_TYPE_KEY_SORTER, NULL);

  self->key = key;
  return self;
}

/**
 * cairn_key_sorter_read_view_sort:
 * @view_sorter: gtk_column_view_get_sorter()
 *
 * Returns: %TRUE when a column is sorted; then @key and @descending say how
 */
gboolean
cairn_key_sorter_read_view_sort (GtkSorter     *view_sorter,
                                 CairnCaseSort *key,
                                 gboolean      *descending)
{
  g_autoptr (GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering ordering;

  probe_key = -1;
  ordering = gtk_sorter_compare (view_sorter, a, b);
  if (probe_key < 0 || ordering == GTK_ORDERING_EQUAL)
    return FALSE;
  *key = (CairnCaseSort) probe_key;
  *descending = ordering == GTK_ORDERING_LARGER;
  probe_key = -1;
  return TRUE;
}
