/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-meeting.h"
#include "cairn-ref.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* The board's own meetings, kept by the business manager: agenda,
 * attendance, numbered minutes, resolutions and action points. As with
 * conferences, every setter changes one field in its own transaction (an
 * editor saves each field as it is typed), a refused change leaves the
 * database unchanged, and only a draft meeting can be changed. Minute
 * numbers run on from the previous meeting and start again at 1 as the
 * board sets (%CAIRN_SETTING_MINUTES_RESTART); every change to an agenda
 * renumbers the draft meetings. Changes need the right to change board
 * meetings; reading needs the right to view cases. */

typedef enum
{
  CAIRN_MEETING_FIELD_HELD_ON,     /* "YYYY-MM-DD" */
  CAIRN_MEETING_FIELD_STARTS_AT,   /* "HH:MM" or "" */
  CAIRN_MEETING_FIELD_ENDS_AT,     /* "HH:MM" or "" */
  CAIRN_MEETING_FIELD_VENUE,
  CAIRN_MEETING_FIELD_CHAIR,
  CAIRN_MEETING_N_FIELDS
} CairnMeetingField;

typedef enum
{
  CAIRN_MEETING_ATTENDEE_FIELD_NAME,
  CAIRN_MEETING_ATTENDEE_FIELD_ROLE,
  CAIRN_MEETING_ATTENDEE_FIELD_AGENCY,
  CAIRN_MEETING_ATTENDEE_FIELD_ATTENDANCE,  /* present, apologies, in_attendance, absent */
  CAIRN_MEETING_ATTENDEE_N_FIELDS
} CairnMeetingAttendeeField;

typedef enum
{
  CAIRN_AGENDA_FIELD_TITLE,
  CAIRN_AGENDA_FIELD_PRESENTER,
  CAIRN_AGENDA_FIELD_PURPOSE,
  CAIRN_AGENDA_FIELD_PAGES,
  CAIRN_AGENDA_FIELD_MINUTES,
  CAIRN_AGENDA_N_FIELDS
} CairnAgendaField;

typedef enum
{
  CAIRN_ACTION_POINT_FIELD_ACTION,
  CAIRN_ACTION_POINT_FIELD_OWNER,
  CAIRN_ACTION_POINT_FIELD_DUE_ON,          /* "YYYY-MM-DD" or "" */
  CAIRN_ACTION_POINT_FIELD_STATUS,          /* open, in_progress, closed */
  CAIRN_ACTION_POINT_N_FIELDS
} CairnActionPointField;

const char   *cairn_meeting_field_label   (CairnMeetingField field);
const char   *cairn_agenda_field_label    (CairnAgendaField  field);

gboolean      cairn_store_create_meeting  (CairnStore       *self,
                                           const GDate      *held_on,
                                           CairnRef         *out,
                                           GError          **error);
CairnMeeting *cairn_store_get_meeting     (CairnStore       *self,
                                           int               year,
                                           int               number,
                                           GError          **error);
gint64        cairn_store_find_meeting    (CairnStore       *self,
                                           int               year,
                                           int               number,
                                           GError          **error);

gboolean cairn_store_set_meeting_field           (CairnStore            *self,
                                                  gint64                 meeting_id,
                                                  CairnMeetingField      field,
                                                  const char            *value,
                                                  GError               **error);
gboolean cairn_store_add_meeting_attendee        (CairnStore            *self,
                                                  gint64                 meeting_id,
                                                  CairnMeetingAttendee  *attendee,
                                                  GError               **error);
gboolean cairn_store_set_meeting_attendee_field  (CairnStore            *self,
                                                  gint64                 attendee_id,
                                                  CairnMeetingAttendeeField field,
                                                  const char            *value,
                                                  GError               **error);
gboolean cairn_store_remove_meeting_attendee     (CairnStore            *self,
                                                  gint64                 attendee_id,
                                                  GError               **error);

gboolean cairn_store_add_agenda_item     (CairnStore       *self,
                                          gint64            meeting_id,
                                          gint64            after_item_id,
                                          gboolean          sub_item,
                                          CairnAgendaItem  *item,
                                          GError          **error);
gboolean cairn_store_set_agenda_field    (CairnStore       *self,
                                          gint64            item_id,
                                          CairnAgendaField  field,
                                          const char       *value,
                                          GError          **error);
gboolean cairn_store_move_agenda_item    (CairnStore       *self,
                                          gint64            item_id,
                                          int               direction,
                                          GError          **error);
gboolean cairn_store_remove_agenda_item  (CairnStore       *self,
                                          gint64            item_id,
                                          GError          **error);

gboolean cairn_store_add_resolution      (CairnStore       *self,
                                          gint64            item_id,
                                          CairnResolution  *resolution,
                                          GError          **error);
gboolean cairn_store_set_resolution      (CairnStore       *self,
                                          gint64            resolution_id,
                                          const char       *body,
                                          GError          **error);
gboolean cairn_store_remove_resolution   (CairnStore       *self,
                                          gint64            resolution_id,
                                          GError          **error);

gboolean cairn_store_add_action_point    (CairnStore       *self,
                                          gint64            item_id,
                                          CairnActionPoint *action,
                                          GError          **error);
gboolean cairn_store_set_action_point_field (CairnStore    *self,
                                             gint64         action_id,
                                             CairnActionPointField field,
                                             const char    *value,
                                             GError       **error);
gboolean cairn_store_remove_action_point (CairnStore       *self,
                                          gint64            action_id,
                                          GError          **error);

/* An action carried forward: what the later meeting heard, and its status
 * (closed there: closed on that meeting's date). */
gboolean cairn_store_set_carried_action_status (CairnStore  *self,
                                                gint64       meeting_id,
                                                gint64       action_id,
                                                const char  *status,
                                                GError     **error);
gboolean cairn_store_set_carried_action_note   (CairnStore  *self,
                                                gint64       meeting_id,
                                                gint64       action_id,
                                                const char  *note,
                                                GError     **error);

gboolean cairn_store_approve_meeting     (CairnStore       *self,
                                          gint64            meeting_id,
                                          GError          **error);
gboolean cairn_store_reopen_meeting      (CairnStore       *self,
                                          gint64            meeting_id,
                                          const char       *correction,
                                          GError          **error);
gboolean cairn_store_add_meeting_version (CairnStore       *self,
                                          gint64            meeting_id,
                                          CairnDocVersion  *version,
                                          GError          **error);

int      cairn_store_get_minutes_restart (CairnStore       *self);
gboolean cairn_store_set_minutes_restart (CairnStore       *self,
                                          int               month,
                                          GError          **error);

G_END_DECLS
