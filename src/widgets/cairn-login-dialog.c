/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-login-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-login-dialog.h"
#include "cairn-password.h"
#include "cairn-user-store.h"

/**
 * CairnLoginDialog:
 *
 * Asks who you are when a board database is opened. For a board with no
 * accounts yet (first run) it creates the chair's account instead. Emits
 * #CairnLoginDialog::signed-in once the store has a user, and closes;
 * closing it otherwise means the board stays locked.
 */
struct _CairnLoginDialog
{
  AdwWindow parent_instance;

  CairnStore *store;
  gboolean first_run;

  GtkLabel *intro_label;
  AdwEntryRow *name_row;
  AdwEntryRow *display_name_row;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLabel *error_label;
  GtkButton *accept_button;
};

G_DEFINE_FINAL_TYPE (CairnLoginDialog, cairn_login_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (CairnLoginDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
clear_password (AdwPasswordEntryRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
accept_clicked (CairnLoginDialog *self)
{
  g_autoptr (GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  gboolean ok;

  if (self->first_run)
    {
      const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
      const char *display = gtk_editable_get_text (GTK_EDITABLE (self->display_name_row));

      if (g_strcmp0 (password, confirm) != 0)
        {
          show_error (self, _("Password again: the two passwords differ"));
          clear_password (self->confirm_row);
          cairn_password_free (g_steal_pointer (&password));
          return;
        }
      ok = cairn_store_add_user (self->store, name, *display ? display : name, CAIRN_ROLE_CHAIR,
                                 "", password, &error) &&
           cairn_store_login (self->store, name, password, &error);
    }
  else
    ok = cairn_store_login (self->store, name, password, &error);
  cairn_password_free (g_steal_pointer (&password));

  if (!ok)
    {
      show_error (self, error->message);
      clear_password (self->password_row);
      clear_password (self->confirm_row);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  g_signal_emit (self, signals[SIGNED_IN], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked (CairnLoginDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
row_activated (CairnLoginDialog *self)
{
  accept_clicked (self);
}

static void
cairn_login_dialog_dispose (GObject *object)
{
  CairnLoginDialog *self = CAIRN_LOGIN_DIALOG (object);

  /* Never leave a password in an entry's buffer. */
  if (self->password_row != NULL)
    {
      clear_password (self->password_row);
      clear_password (self->confirm_row);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CAIRN_TYPE_LOGIN_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cairn_login_dialog_parent_class)->dispose (object);
}

static void
cairn_login_dialog_class_init (CairnLoginDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cairn_login_dialog_dispose;

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cairn/Cairn/cairn-login-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CairnLoginDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CairnLoginDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CairnLoginDialog, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, CairnLoginDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, CairnLoginDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, CairnLoginDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CairnLoginDialog, accept_button);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cairn_login_dialog_init (CairnLoginDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CairnLoginDialog *
cairn_login_dialog_new (GtkWindow  *parent,
                        CairnStore *store)
{
  CairnLoginDialog *self = g_object_new (CAIRN_TYPE_LOGIN_DIALOG, "transient-for", parent, NULL);
  g_autofree char *board = cairn_store_dup_board_name (store);
  g_autofree char *intro = NULL;

  self->store = g_object_ref (store);
  self->first_run = cairn_store_count_users (store) == 0;

  if (self->first_run)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Create the Chair's Account"));
      gtk_button_set_label (self->accept_button, _("_Create Account"));
      intro = g_strdup_printf (_("Nobody has an account on %s yet. Create the LSCB chair's account "
                                 "first; the chair then adds everyone else's. The password needs "
                                 "at least %d characters."),
                               board ? board : _("this board"), CAIRN_PASSWORD_MIN_LENGTH);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->display_name_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), FALSE);
      intro = g_strdup_printf (_("Sign in to open %s. Every record you open or change is written "
                                 "to the board's audit trail."),
                               board ? board : _("this board"));
    }
  gtk_label_set_label (self->intro_label, intro);
  return self;
}
