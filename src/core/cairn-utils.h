/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Replaces *@str with a copy of @value (GLib 2.76's g_set_str is newer than 2.74). */
static inline gboolean
cairn_set_str (char       **str,
               const char  *value)
{
  char *copy;

  if (*str == value || (*str && value && strcmp (*str, value) == 0))
    return FALSE;
  copy = g_strdup (value);
  g_free (*str);
  *str = copy;
  return TRUE;
}

static inline gboolean
cairn_str_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

G_END_DECLS
