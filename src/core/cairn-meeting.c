/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-meeting"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-meeting.h"
#include "cairn-ref.h"
#include "cairn-utils.h"

CairnMeetingAttendee *
cairn_meeting_attendee_new (void)
{
  return g_new0 (CairnMeetingAttendee, 1);
}

void
cairn_meeting_attendee_free (CairnMeetingAttendee *a)
{
  if (a == NULL)
    return;
  g_free (a->name);
  g_free (a->role);
  g_free (a->agency);
  g_free (a->attendance);
  g_free (a);
}

CairnResolution *
cairn_resolution_new (void)
{
  return g_new0 (CairnResolution, 1);
}

void
cairn_resolution_free (CairnResolution *r)
{
  if (r == NULL)
    return;
  g_free (r->body);
  g_free (r);
}

CairnActionPoint *
cairn_action_point_new (void)
{
  CairnActionPoint *a = g_new0 (CairnActionPoint, 1);

  cairn_date_clear (&a->due_on);
  cairn_date_clear (&a->closed_on);
  cairn_date_clear (&a->from_held_on);
  return a;
}

void
cairn_action_point_free (CairnActionPoint *a)
{
  if (a == NULL)
    return;
  g_free (a->action);
  g_free (a->owner);
  g_free (a->status);
  g_free (a->from_ref);
  g_free (a->update);
  g_free (a);
}

CairnAgendaItem *
cairn_agenda_item_new (void)
{
  CairnAgendaItem *i = g_new0 (CairnAgendaItem, 1);

  i->resolutions = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_resolution_free);
  i->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_action_point_free);
  return i;
}

void
cairn_agenda_item_free (CairnAgendaItem *i)
{
  if (i == NULL)
    return;
  g_free (i->title);
  g_free (i->presenter);
  g_free (i->purpose);
  g_free (i->pages);
  g_free (i->minutes);
  g_free (i->standing);
  g_ptr_array_unref (i->resolutions);
  g_ptr_array_unref (i->actions);
  g_free (i);
}

CairnMeeting *
cairn_meeting_new (void)
{
  CairnMeeting *m = g_new0 (CairnMeeting, 1);

  cairn_date_clear (&m->held_on);
  cairn_date_clear (&m->previous_held_on);
  m->attendance = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_meeting_attendee_free);
  m->items = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_agenda_item_free);
  m->carried = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_action_point_free);
  m->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_doc_version_free);
  return m;
}

void
cairn_meeting_free (CairnMeeting *m)
{
  if (m == NULL)
    return;
  g_free (m->starts_at);
  g_free (m->ends_at);
  g_free (m->venue);
  g_free (m->chair);
  g_free (m->status);
  g_free (m->board_name);
  g_free (m->previous_ref);
  g_ptr_array_unref (m->attendance);
  g_ptr_array_unref (m->items);
  g_ptr_array_unref (m->carried);
  g_ptr_array_unref (m->versions);
  g_free (m);
}

char *
cairn_meeting_dup_ref (const CairnMeeting *meeting)
{
  CairnRef ref = { .kind = CAIRN_REF_MEETING, .year = meeting->year, .number = meeting->number };

  return cairn_ref_format (&ref);
}

/* "5", or "5a" for the first sub-item of item 5. */
char *
cairn_agenda_item_dup_label (const CairnAgendaItem *item)
{
  if (item->sub_item <= 0)
    return g_strdup_printf ("%d", item->item);
  if (item->sub_item <= 26)
    return g_strdup_printf ("%d%c", item->item, 'a' + item->sub_item - 1);
  return g_strdup_printf ("%d.%d", item->item, item->sub_item);
}

/**
 * cairn_meeting_find_standing:
 *
 * Returns: (nullable): the first item of @meeting that is the standing item
 *   @standing ("previous_minutes" …)
 */
const CairnAgendaItem *
cairn_meeting_find_standing (const CairnMeeting *meeting,
                             const char         *standing)
{
  for (guint i = 0; i < meeting->items->len; i++)
    {
      const CairnAgendaItem *item = g_ptr_array_index (meeting->items, i);
      if (g_strcmp0 (item->standing, standing) == 0)
        return item;
    }
  return NULL;
}

gboolean
cairn_action_point_is_open (const CairnActionPoint *action)
{
  return g_strcmp0 (action->status, "closed") != 0;
}

/**
 * cairn_minutes_restart_parse:
 * @month: (out): 0 (never) or 1 to 12
 *
 * Reads the board's setting %CAIRN_SETTING_MINUTES_RESTART: "never", or the
 * month (1–12) in which numbering starts again each year.
 */
gboolean
cairn_minutes_restart_parse (const char  *field,
                             const char  *text,
                             int         *month,
                             GError     **error)
{
  char *end = NULL;
  long value;

  if (g_strcmp0 (text, "never") == 0 || g_strcmp0 (text, "0") == 0)
    {
      *month = 0;
      return TRUE;
    }
  value = text && *text ? strtol (text, &end, 10) : -1;
  if (end == NULL || *end != '\0' || value < 1 || value > 12)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" is neither \"never\" nor a month from 1 to 12"), field,
                   text ? text : "");
      return FALSE;
    }
  *month = (int) value;
  return TRUE;
}

/**
 * cairn_minutes_period_start:
 * @restart_month: 0 for never, else 1 to 12
 * @out: the first day of the numbering period @held_on falls in, or unset
 *   when numbering never restarts
 */
void
cairn_minutes_period_start (int          restart_month,
                            const GDate *held_on,
                            GDate       *out)
{
  int year;

  cairn_date_clear (out);
  if (restart_month < 1 || restart_month > 12 || !cairn_date_is_set (held_on))
    return;
  year = g_date_get_year (held_on);
  if ((int) g_date_get_month (held_on) < restart_month)
    year--;
  cairn_date_set_ymd (out, year, restart_month, 1);
}
