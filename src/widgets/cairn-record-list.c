/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-record-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-record-list.h"
#include "cairn-ref.h"

/* How many recent records the list shows; older ones open by reference. */
#define RECENT 100

/**
 * CairnRecordList:
 *
 * The most recent conferences or board meetings, newest first, and an
 * entry to open any of them by its reference (CF-2011-0042, BM-2012-03).
 * Emits #CairnRecordList::record-activated with the reference.
 */
struct _CairnRecordList
{
  GtkWidget parent_instance;

  CairnListKind kind;
  CairnStore *store;

  GtkEntry *ref_entry;
  GtkLabel *error_label;
  GtkLabel *heading_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CairnRecordList, cairn_record_list, GTK_TYPE_WIDGET)

enum
{
  RECORD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
add_row (const char *ref,
         const char *title,
         gpointer    user_data)
{
  CairnRecordList *self = user_data;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ref);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title ? title : "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "ref", g_strdup (ref), g_free);
  gtk_list_box_append (self->list, row);
  return TRUE;
}

void
cairn_record_list_reload (CairnRecordList *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *w;

  while ((w = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, w);
  if (self->store == NULL)
    return;
  if (!cairn_store_list_recent_refs (self->store, self->kind, RECENT, add_row, self, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL);
}

void
cairn_record_list_set_store (CairnRecordList *self,
                             CairnStore      *store)
{
  g_set_object (&self->store, store);
  cairn_record_list_reload (self);
}

static void
row_activated (CairnRecordList *self,
               GtkListBoxRow   *row)
{
  g_signal_emit (self, signals[RECORD_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "ref"));
}

static void
open_clicked (CairnRecordList *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ref_entry))));
  CairnRef ref;

  if (!cairn_ref_parse (_("Reference"), text,
                        self->kind == CAIRN_LIST_CONFERENCES ? CAIRN_REF_CONFERENCE : CAIRN_REF_MEETING,
                        &ref, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[RECORD_ACTIVATED], 0, text);
}

static void
cairn_record_list_dispose (GObject *object)
{
  CairnRecordList *self = CAIRN_RECORD_LIST (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_RECORD_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cairn_record_list_parent_class)->dispose (object);
}

static void
cairn_record_list_class_init (CairnRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_record_list_dispose;
  signals[RECORD_ACTIVATED] = g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                            G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cairn/Cairn/cairn-record-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnRecordList, ref_entry);
  gtk_widget_class_bind_template_child (widget_class, CairnRecordList, error_label);
  gtk_widget_class_bind_template_child (widget_class, CairnRecordList, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CairnRecordList, list);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
cairn_record_list_init (CairnRecordList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CairnRecordList *
cairn_record_list_new (CairnListKind kind)
{
  CairnRecordList *self = g_object_new (CAIRN_TYPE_RECORD_LIST, NULL);
  gboolean conferences = kind == CAIRN_LIST_CONFERENCES;

  self->kind = kind;
  gtk_entry_set_placeholder_text (self->ref_entry, conferences ? _("Open a conference by reference, e.g. CF-2011-0042")
                                                              : _("Open a meeting by reference, e.g. BM-2012-03"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ref_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  conferences ? _("Conference reference") : _("Meeting reference"), -1);
  gtk_label_set_label (self->heading_label, conferences ? _("Recent Conferences") : _("Board Meetings"));
  return self;
}
