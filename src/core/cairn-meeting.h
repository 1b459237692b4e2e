/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cairn-conference.h"

G_BEGIN_DECLS

/* A meeting of the board itself, in the layout of a council's agendas and
 * minutes (minutes-and-working-together-2013.md §1): the agenda (item and
 * sub-item, title, presenter, purpose, pages), who was present, sent
 * apologies or was in attendance, numbered minutes that run on from the
 * previous meeting, RESOLVED blocks and action points; and the open action
 * points of earlier meetings, carried forward into this one's matters
 * arising. Plain structs, loaded by cairn-meeting-store.h. */

typedef struct
{
  gint64 id;
  char *name;
  char *role;
  char *agency;
  char *attendance;          /* present, apologies, in_attendance, absent */
} CairnMeetingAttendee;

typedef struct
{
  gint64 id;
  char *body;
} CairnResolution;

/**
 * CairnActionPoint:
 * @status: a code of %CAIRN_CODES_ACTION_STATUS
 * @from_ref: for an action carried forward, the meeting it was agreed at
 * @from_minute: and the minute it belongs to
 * @update: for an action carried forward, what this meeting heard of it
 */
typedef struct
{
  gint64 id;
  char *action;
  char *owner;
  GDate due_on;
  char *status;
  GDate closed_on;
  char *from_ref;
  GDate from_held_on;
  int from_minute;
  char *update;
} CairnActionPoint;

/**
 * CairnAgendaItem:
 * @sub_item: 0 for an item, 1… for its sub-items (5a, 5b)
 * @minute_number: the running minute number, or 0 before the minutes are numbered
 * @standing: (nullable): a standing item: apologies, previous_minutes, aob,
 *   information, next_meeting
 */
typedef struct
{
  gint64 id;
  int item;
  int sub_item;
  char *title;
  char *presenter;
  char *purpose;
  char *pages;
  int minute_number;
  char *minutes;
  char *standing;
  GPtrArray *resolutions;    /* CairnResolution */
  GPtrArray *actions;        /* CairnActionPoint */
} CairnAgendaItem;

/**
 * CairnMeeting:
 * @starts_at: (nullable): "HH:MM"
 * @carried: (element-type CairnActionPoint): action points of earlier
 *   meetings that were still open when this one was held
 * @previous_ref: (nullable): the meeting before this one
 */
typedef struct
{
  gint64 id;
  int year;
  int number;
  GDate held_on;
  char *starts_at;
  char *ends_at;
  char *venue;
  char *chair;
  char *status;
  char *board_name;
  char *previous_ref;
  GDate previous_held_on;
  GPtrArray *attendance;     /* CairnMeetingAttendee */
  GPtrArray *items;          /* CairnAgendaItem, in agenda order */
  GPtrArray *carried;        /* CairnActionPoint */
  GPtrArray *versions;       /* CairnDocVersion */
} CairnMeeting;

CairnMeetingAttendee *cairn_meeting_attendee_new  (void);
void                  cairn_meeting_attendee_free (CairnMeetingAttendee *attendee);
CairnResolution      *cairn_resolution_new        (void);
void                  cairn_resolution_free       (CairnResolution      *resolution);
CairnActionPoint     *cairn_action_point_new      (void);
void                  cairn_action_point_free     (CairnActionPoint     *action);
CairnAgendaItem      *cairn_agenda_item_new       (void);
void                  cairn_agenda_item_free      (CairnAgendaItem      *item);
CairnMeeting         *cairn_meeting_new           (void);
void                  cairn_meeting_free          (CairnMeeting         *meeting);

char       *cairn_meeting_dup_ref              (const CairnMeeting    *meeting);
char       *cairn_agenda_item_dup_label        (const CairnAgendaItem *item);
const CairnAgendaItem *cairn_meeting_find_standing (const CairnMeeting *meeting,
                                                    const char         *standing);
gboolean    cairn_action_point_is_open         (const CairnActionPoint *action);

/* The board's choice of when minute numbers start again at 1: never, or at
 * the first meeting on or after the 1st of a month each year (4: the
 * financial year; 5: the usual municipal year). */
#define CAIRN_SETTING_MINUTES_RESTART "meetings.minutes_restart_month"
#define CAIRN_MINUTES_RESTART_DEFAULT 4

gboolean    cairn_minutes_restart_parse        (const char  *field,
                                                const char  *text,
                                                int         *month,
                                                GError     **error);
void        cairn_minutes_period_start         (int          restart_month,
                                                const GDate *held_on,
                                                GDate       *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnMeetingAttendee, cairn_meeting_attendee_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnResolution, cairn_resolution_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnActionPoint, cairn_action_point_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnAgendaItem, cairn_agenda_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnMeeting, cairn_meeting_free)

G_END_DECLS
