/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cairn-conference.h"
#include "cairn-document.h"
#include "cairn-meeting.h"
#include "cairn-ref.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* The documents of conferences and board meetings:
 * - a conference's outcome summary (issued the same day: each child's
 *   decision, category, lead social worker, core group, dates, outline plan,
 *   contingency and dissent) and its full minutes (attendance, contributions,
 *   views, strengths and risks, and the decisions), each marked confidential
 *   on every page and ending with its distribution list
 *   (working-together-2010.md §2.3);
 * - a board meeting's agenda and its numbered minutes, with RESOLVED blocks,
 *   action points, and the actions carried forward from earlier meetings
 *   (minutes-and-working-together-2013.md §1). */

#define CAIRN_CONFERENCE_MARKING N_("CONFIDENTIAL — not to be passed on without the consent of the chair or the lead social worker")
#define CAIRN_CONFERENCE_DRAFT_MARKING N_("DRAFT, NOT YET APPROVED BY THE CHAIR — CONFIDENTIAL — not to be passed on")
#define CAIRN_BOARD_DRAFT_MARKING N_("DRAFT — subject to approval by the Board")

/**
 * CairnMinutesOptions:
 * @version: the version printed on the document (0: none, as for a copy
 *   that is not being issued)
 * @issued_on: (nullable): the date of issue printed with the version
 * @creation_date: (nullable): the PDF's creation date; when %NULL, the day
 *   of the conference or meeting
 */
typedef struct
{
  int version;
  const GDate *issued_on;
  GDateTime *creation_date;
} CairnMinutesOptions;

CairnDocument *cairn_conference_outcome_build  (const CairnConference     *conference,
                                                const CairnMinutesOptions *options);
CairnDocument *cairn_conference_minutes_build  (const CairnConference     *conference,
                                                const CairnMinutesOptions *options);
CairnDocument *cairn_meeting_agenda_build      (const CairnMeeting        *meeting,
                                                const CairnMinutesOptions *options);
CairnDocument *cairn_meeting_minutes_build     (const CairnMeeting        *meeting,
                                                const CairnMinutesOptions *options);

CairnDocument *cairn_minutes_report_load       (CairnStore               *store,
                                                CairnDocumentKind         kind,
                                                const CairnRef           *ref,
                                                GError                  **error);
gboolean       cairn_minutes_report_write      (CairnStore               *store,
                                                CairnDocumentKind         kind,
                                                const CairnRef           *ref,
                                                const char               *path,
                                                guint                    *n_pages,
                                                GError                  **error);
CairnDocVersion *cairn_minutes_report_issue    (CairnStore               *store,
                                                CairnDocumentKind         kind,
                                                const CairnRef           *ref,
                                                const GDate              *issued_on,
                                                const char               *correction,
                                                const char               *path,
                                                GError                  **error);

G_END_DECLS
