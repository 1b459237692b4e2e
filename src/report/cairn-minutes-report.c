/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-minutes-report"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cairn-codes.h"
#include "cairn-conference-pathway.h"
#include "cairn-conference-store.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-meeting-store.h"
#include "cairn-minutes-report.h"
#include "cairn-pdf-writer.h"
#include "cairn-utils.h"

/* ---- Small helpers ------------------------------------------------------- */

static const char *const weekdays[] = { NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"),
                                        N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday") };

/* "Wednesday 20 April 2011" */
static char *
long_date (const GDate *date)
{
  g_autofree char *day = NULL;

  if (!cairn_date_is_set (date))
    return g_strdup (_("date not recorded"));
  day = cairn_date_to_display (date);
  return g_strdup_printf ("%s %s", _(weekdays[g_date_get_weekday (date)]), day);
}

static char *
short_date (const GDate *date)
{
  return cairn_date_is_set (date) ? cairn_date_to_display (date) : g_strdup ("");
}

/* "2.00 pm" from minutes after midnight, as council minutes write times. */
static char *
clock_time (int minute)
{
  int h = minute / 60, m = minute % 60;

  if (minute < 0)
    return NULL;
  return g_strdup_printf ("%d.%02d %s", h % 12 == 0 ? 12 : h % 12, m, h < 12 ? _("am") : _("pm"));
}

static int
parse_hhmm (const char *text)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':')
    return -1;
  return (int) g_ascii_strtoll (text, NULL, 10) * 60 + (int) g_ascii_strtoll (text + 3, NULL, 10);
}

static GDateTime *
datetime_of (const GDate *date)
{
  if (!cairn_date_is_set (date))
    return NULL;
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                              0, 0, 0);
}

static void
add_note (CairnDocument *doc,
          const char    *text)
{
  CairnParagraph *p = cairn_document_add_styled_paragraph (doc, CAIRN_PARAGRAPH_SMALL);

  cairn_paragraph_add_run (p, CAIRN_RUN_ITALIC, text);
}

/* Narrative text, or a note that none was recorded. */
static void
add_narrative (CairnDocument *doc,
               const char    *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));

  if (*clean == '\0')
    add_note (doc, _("Not recorded."));
  else
    cairn_document_add_text (doc, clean);
}

/* A two-column table of labels (bold) and values. */
static CairnTable *
add_facts_table (CairnDocument *doc)
{
  static const double widths[] = { 1.1, 2.9 };

  return cairn_document_add_table (doc, 2, widths, 0);
}

static void
add_fact (CairnTable *table,
          const char *label,
          const char *value)
{
  guint row = cairn_table_add_row (table, NULL);

  cairn_paragraph_add_run (cairn_table_get_cell (table, row, 0), CAIRN_RUN_BOLD, label);
  if (cairn_str_empty (value))
    cairn_paragraph_add_run (cairn_table_get_cell (table, row, 1), CAIRN_RUN_ITALIC, _("not recorded"));
  else
    cairn_paragraph_add_run (cairn_table_get_cell (table, row, 1), CAIRN_RUN_PLAIN, value);
}

static void
add_labelled (CairnDocument *doc,
              const char    *label,
              const char    *value)
{
  CairnParagraph *p = cairn_document_add_paragraph (doc);

  cairn_paragraph_add_run (p, CAIRN_RUN_BOLD, label);
  cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, " ");
  cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, value);
}

/* ---- Conferences --------------------------------------------------------- */

static const char *
kind_label (const CairnConference *c)
{
  const char *label = cairn_codes_label (CAIRN_CODES_CONFERENCE_KIND, c->kind);

  return label ? label : _("Child protection conference");
}

static char *
when_text (const CairnConference *c)
{
  g_autofree char *day = long_date (&c->held_on);
  g_autofree char *time = clock_time (c->held_minute);

  return time ? g_strdup_printf ("%s, %s", day, time) : g_steal_pointer (&day);
}

static char *
born_text (const CairnConferenceSubject *s)
{
  g_autofree char *day = NULL;

  if (cairn_date_is_set (&s->date_of_birth))
    {
      day = cairn_date_to_display (&s->date_of_birth);
      return g_strdup_printf (_("born %s"), day);
    }
  if (cairn_date_is_set (&s->expected_birth_date))
    {
      day = cairn_date_to_display (&s->expected_birth_date);
      return g_strdup_printf (_("unborn, expected %s"), day);
    }
  return g_strdup ("");
}

static char *
quorum_text (const CairnConference *c)
{
  guint n = 0;
  gboolean social_care = FALSE;
  gboolean computed = cairn_conference_is_quorate (c, &n, &social_care);
  gboolean quorate = c->quorate >= 0 ? c->quorate == 1 : computed;
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agency present",
                                                         "%u agencies present", n),
                                            n);

  if (quorate)
    return g_strdup_printf (_("Yes: %s, children's social care among them (the board's quorum is %d)"),
                            count, c->board_quorum);
  if (cairn_str_empty (c->quorate_reason))
    return g_strdup_printf (_("No: %s%s (the board's quorum is %d, children's social care among them)"),
                            count, social_care ? "" : _(", not children's social care"), c->board_quorum);
  return g_strdup_printf (_("No: %s (the board's quorum is %d). The chair went ahead because: %s"), count,
                          c->board_quorum, c->quorate_reason);
}

static char *
attendee_agency (const CairnAttendee *a)
{
  return g_strdup (a->agency_name ? a->agency_name : "");
}

static void
add_conference_details (CairnDocument         *doc,
                        const CairnConference *c)
{
  g_autofree char *ref = cairn_conference_dup_ref (c);
  g_autofree char *when = when_text (c);
  g_autofree char *quorum = quorum_text (c);
  g_autofree char *chair = NULL;
  GString *children = g_string_new (NULL);
  CairnTable *t;

  for (guint i = 0; i < c->subjects->len; i++)
    {
      const CairnConferenceSubject *s = g_ptr_array_index (c->subjects, i);
      g_autofree char *name = cairn_conference_subject_dup_name (s);
      g_autofree char *born = born_text (s);
      g_string_append_printf (children, "%s%s%s%s", i ? "\n" : "", name, *born ? ", " : "", born);
    }
  chair = cairn_str_empty (c->chair_agency) || cairn_str_empty (c->chair)
            ? g_strdup (c->chair)
            : g_strdup_printf ("%s (%s)", c->chair, c->chair_agency);

  t = add_facts_table (doc);
  add_fact (t, _("Conference"), kind_label (c));
  add_fact (t, _("Reference"), ref);
  add_fact (t, _("Date and time"), when);
  add_fact (t, _("Venue"), c->venue);
  add_fact (t, _("Chair"), chair);
  add_fact (t, _("Minute taker"), c->minute_taker);
  add_fact (t, c->subjects->len > 1 ? _("Children") : _("Child"), children->str);
  add_fact (t, _("Quorate"), quorum);
  g_string_free (children, TRUE);
}

static char *
dated_limit (const GDate *set,
             const GDate *due,
             const char  *rule,
             const char  *edition,
             const char  *limit)
{
  g_autofree char *set_text = short_date (set);
  g_autofree char *due_text = short_date (due);
  g_autofree char *source = rule ? g_strdup_printf ("%s %s: %s", edition ? edition : "", rule, limit)
                                 : g_strdup (limit);

  if (cairn_date_is_set (set) && cairn_date_is_set (due))
    return g_strdup_printf (_("%s (due by %s; %s)"), set_text, due_text, source);
  if (cairn_date_is_set (set))
    return g_steal_pointer (&set_text);
  if (cairn_date_is_set (due))
    return g_strdup_printf (_("by %s (%s)"), due_text, source);
  return g_strdup ("");
}

static void
add_decision (CairnDocument                *doc,
              const CairnConference        *c,
              const CairnConferenceSubject *s)
{
  g_autofree char *name = cairn_conference_subject_dup_name (s);
  g_autofree char *categories = cairn_conference_subject_dup_categories_text (s);
  g_autofree char *lead = NULL;
  const char *decision = s->plan_decision ? cairn_codes_label (CAIRN_CODES_PLAN_DECISION, s->plan_decision)
                                          : NULL;
  gboolean plan = cairn_conference_subject_has_plan (s);
  gboolean review = g_strcmp0 (c->kind, "review") == 0;
  CairnTable *t;

  cairn_document_add_heading (doc, 2, name);
  lead = cairn_str_empty (s->lead_worker_agency) || cairn_str_empty (s->lead_worker)
           ? g_strdup (s->lead_worker)
           : g_strdup_printf ("%s (%s)", s->lead_worker, s->lead_worker_agency);
  t = add_facts_table (doc);
  add_fact (t, _("Likely to suffer significant harm"),
            s->likely_significant_harm == 1 ? _("Yes") : s->likely_significant_harm == 0 ? _("No") : NULL);
  add_fact (t, _("Decision"), decision);
  if (plan || s->categories->len > 0)
    add_fact (t, _("Category"), categories);
  if (plan)
    {
      g_autofree char *core = dated_limit (&s->first_core_group_on, &s->core_group_due, s->core_group_rule,
                                           s->edition, _("within 10 working days"));
      g_autofree char *next = dated_limit (&s->next_review_on, &s->review_due, s->review_rule, s->edition,
                                           review ? _("within 6 months") : _("within 3 months"));
      add_fact (t, _("Lead statutory body"), s->lead_body);
      add_fact (t, _("Lead social worker"), lead);
      if (!review)
        add_fact (t, _("First core group"), core);
      add_fact (t, _("Review conference"), next);
    }
  else if (!cairn_str_empty (s->lead_worker))
    add_fact (t, _("Social worker"), lead);

  if (plan && s->core_group->len > 0)
    {
      CairnList *list;
      cairn_document_add_heading (doc, 3, _("Core group"));
      list = cairn_document_add_list (doc, FALSE);
      if (!cairn_str_empty (s->lead_worker))
        {
          g_autofree char *item = g_strdup_printf (_("%s, lead social worker"), lead);
          cairn_list_add_text_item (list, item);
        }
      for (guint i = 0; i < s->core_group->len; i++)
        {
          const CairnCoreGroupMember *m = g_ptr_array_index (s->core_group, i);
          GString *item = g_string_new (m->name);
          if (!cairn_str_empty (m->role))
            g_string_append_printf (item, ", %s", m->role);
          if (!cairn_str_empty (m->agency))
            g_string_append_printf (item, " (%s)", m->agency);
          cairn_list_add_text_item (list, item->str);
          g_string_free (item, TRUE);
        }
    }

  cairn_document_add_heading (doc, 3, plan ? _("Outline child protection plan") : _("Plan and services"));
  add_narrative (doc, s->outline_plan);
  if (s->actions->len > 0)
    {
      static const double widths[] = { 3.0, 1.6, 1.3 };
      const char *header[] = { _("Action"), _("Who"), _("By when"), NULL };
      CairnTable *actions = cairn_document_add_table (doc, 3, widths, 1);

      cairn_table_add_row (actions, header);
      for (guint i = 0; i < s->actions->len; i++)
        {
          const CairnPlanAction *a = g_ptr_array_index (s->actions, i);
          g_autofree char *day = short_date (&a->due_on);
          g_autofree char *when = cairn_str_empty (a->due_text) ? g_strdup (day)
                                  : *day ? g_strdup_printf ("%s (%s)", day, a->due_text)
                                         : g_strdup (a->due_text);
          const char *row[] = { a->action, a->owner, when, NULL };
          cairn_table_add_row (actions, row);
        }
    }
  if (plan)
    {
      cairn_document_add_heading (doc, 3, _("Contingency plan"));
      add_narrative (doc, s->contingency_plan);
    }
  if (!cairn_str_empty (s->dissent))
    {
      CairnParagraph *p;
      g_autofree char *who = g_strdup_printf (_("%s dissented from the decision:"),
                                              cairn_str_empty (s->dissent_by) ? _("A member") : s->dissent_by);
      cairn_document_add_heading (doc, 3, _("Dissent"));
      p = cairn_document_add_paragraph (doc);
      cairn_paragraph_add_run (p, CAIRN_RUN_BOLD, who);
      cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, " ");
      cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, s->dissent);
      cairn_document_add_text (doc, _("The decision recorded is the chair's."));
    }
}

static void
add_distribution (CairnDocument         *doc,
                  const CairnConference *c,
                  const char            *what)
{
  static const double widths[] = { 1.4, 1.4, 1.8 };
  const char *header[] = { _("Name"), _("Role"), _("Agency"), NULL };
  g_autoptr (GPtrArray) list = cairn_conference_list_distribution (c);
  g_autofree char *intro = g_strdup_printf (_("This %s is sent to:"), what);
  CairnTable *t;

  cairn_document_add_heading (doc, 1, _("Distribution"));
  if (list->len == 0)
    {
      add_note (doc, _("No one is on the distribution list."));
      return;
    }
  cairn_document_add_text (doc, intro);
  t = cairn_document_add_table (doc, 3, widths, 1);
  cairn_table_add_row (t, header);
  for (guint i = 0; i < list->len; i++)
    {
      const CairnAttendee *a = g_ptr_array_index (list, i);
      g_autofree char *agency = attendee_agency (a);
      const char *row[] = { a->name, a->role, *agency ? agency : _("Family"), NULL };
      cairn_table_add_row (t, row);
    }
}

static void
add_confidentiality (CairnDocument *doc)
{
  CairnParagraph *p = cairn_document_add_styled_paragraph (doc, CAIRN_PARAGRAPH_SMALL);

  cairn_paragraph_add_run (p, CAIRN_RUN_BOLD, _("Confidentiality. "));
  cairn_paragraph_add_run (
    p, CAIRN_RUN_PLAIN,
    _("This record is confidential to those who attended or were invited to the conference and to "
      "the child and family. It must not be passed to anyone else without the consent of the "
      "conference chair or the lead social worker, except that the police may tell the Crown "
      "Prosecution Service that it exists. Keep it securely and destroy copies you no longer need."));
  p = cairn_document_add_styled_paragraph (doc, CAIRN_PARAGRAPH_SMALL);
  cairn_paragraph_add_run (p, CAIRN_RUN_BOLD, _("Complaints. "));
  cairn_paragraph_add_run (
    p, CAIRN_RUN_PLAIN,
    _("A parent, carer or child who wishes to complain about the conference's process or its "
      "decision may do so through the Board's child protection conference complaints procedure; "
      "the lead social worker will explain how."));
}

static char *
version_line (const CairnMinutesOptions *options)
{
  g_autofree char *day = NULL;

  if (options == NULL || options->version <= 0)
    return NULL;
  if (options->issued_on == NULL || !cairn_date_is_set (options->issued_on))
    return g_strdup_printf (_("version %d"), options->version);
  day = cairn_date_to_display (options->issued_on);
  return g_strdup_printf (_("version %d, issued %s"), options->version, day);
}

static CairnDocument *
conference_document (const CairnConference     *c,
                     const CairnMinutesOptions *options,
                     const char                *what,
                     gboolean                   draft)
{
  g_autofree char *ref = cairn_conference_dup_ref (c);
  g_autofree char *title = g_strdup_printf ("%s %s: %s", kind_label (c), ref, what);
  const char *board = cairn_str_empty (c->board_name) ? _("Local Safeguarding Children Board") : c->board_name;
  g_autofree char *header = g_strdup_printf ("%s — %s: %s", board, ref, what);
  g_autofree char *version = version_line (options);
  g_autofree char *footer = version ? g_strdup_printf ("%s · %s, %s", ref, what, version)
                                    : g_strdup_printf (_("%s · %s (copy, not an issued version)"), ref, what);
  g_autofree char *keywords = g_strdup_printf (_("child protection conference; %s; %s"), ref, board);
  g_autoptr (GDateTime) created = options && options->creation_date ? g_date_time_ref (options->creation_date)
                                                                     : datetime_of (&c->held_on);
  CairnDocument *doc = cairn_document_new (title);

  cairn_document_set_author (doc, board);
  cairn_document_set_subject (doc, what);
  cairn_document_set_keywords (doc, keywords);
  cairn_document_set_header_text (doc, header);
  cairn_document_set_footer_text (doc, footer);
  cairn_document_set_creation_date (doc, created);
  cairn_document_set_protective_marking (doc, draft ? _(CAIRN_CONFERENCE_DRAFT_MARKING)
                                                    : _(CAIRN_CONFERENCE_MARKING));
  return doc;
}

/**
 * cairn_conference_outcome_build:
 *
 * The outcome summary, issued on the day: each child's decision with its
 * category, lead social worker, core group, the dates of the first core
 * group and the review (with the latest dates the guidance allows), the
 * outline plan and its actions, the contingency plan and any dissent; then
 * the distribution list. Confidential on every page.
 *
 * Returns: (transfer full): the document
 */
CairnDocument *
cairn_conference_outcome_build (const CairnConference     *c,
                                const CairnMinutesOptions *options)
{
  CairnDocument *doc = conference_document (c, options, _("Outcome summary"), FALSE);
  g_autofree char *heading = g_strdup_printf (_("%s: outcome"), kind_label (c));

  cairn_document_add_heading (doc, 1, heading);
  add_conference_details (doc, c);
  cairn_document_add_text (doc, _("The decisions below were made at the conference. The full minutes "
                                  "follow once the chair has approved them."));
  cairn_document_add_heading (doc, 1, c->subjects->len > 1 ? _("Decisions") : _("Decision"));
  for (guint i = 0; i < c->subjects->len; i++)
    add_decision (doc, c, g_ptr_array_index (c->subjects, i));
  add_distribution (doc, c, _("outcome summary"));
  add_confidentiality (doc);
  return doc;
}

static void
add_attendance_table (CairnDocument         *doc,
                      const CairnConference *c,
                      const char            *heading,
                      const char * const    *attendances,
                      gboolean               note_reports)
{
  static const double widths[] = { 1.4, 1.4, 1.8 };
  const char *header[] = { _("Name"), _("Role"), _("Agency"), NULL };
  CairnTable *t = NULL;

  for (guint i = 0; i < c->attendees->len; i++)
    {
      const CairnAttendee *a = g_ptr_array_index (c->attendees, i);
      g_autofree char *agency = NULL;
      g_autofree char *role = NULL;

      if (!g_strv_contains (attendances, a->attendance ? a->attendance : ""))
        continue;
      if (t == NULL)
        {
          cairn_document_add_heading (doc, 2, heading);
          t = cairn_document_add_table (doc, 3, widths, 1);
          cairn_table_add_row (t, header);
        }
      agency = attendee_agency (a);
      role = note_reports && g_strcmp0 (a->attendance, "report") == 0
               ? g_strdup_printf (_("%s (written report received)"), a->role)
               : g_strdup (a->role);
      {
        const char *row[] = { a->name, role, *agency ? agency : _("Family"), NULL };
        cairn_table_add_row (t, row);
      }
    }
}

static const char *
purpose_text (const CairnConference *c)
{
  if (g_strcmp0 (c->kind, "review") == 0)
    return _("To review the safety, health and development of each child against the outcomes of the "
             "child protection plan, to consider whether each child continues to be likely to suffer "
             "significant harm, and to decide whether the plan should continue, change or end.");
  if (g_strcmp0 (c->kind, "transfer_in") == 0)
    return _("To consider the child protection plan of a child who has moved into this area, and to "
             "decide whether a plan is needed here.");
  return _("To bring together and analyse the information about each child's needs and the parents' "
           "capacity to keep them safe, to decide whether each child is likely to suffer significant "
           "harm, and if so to agree an outline child protection plan.");
}

/**
 * cairn_conference_minutes_build:
 *
 * The full minutes: details and quorum; purpose; attendance (present;
 * apologies, with written reports received; invited but not present);
 * each agency's contribution; the parents' and the child's views; strengths
 * and protective factors against risks and vulnerabilities; each child's
 * decision (as in the outcome summary); the version history; the
 * distribution list. Marked draft until the chair approves.
 *
 * Returns: (transfer full): the document
 */
CairnDocument *
cairn_conference_minutes_build (const CairnConference     *c,
                                const CairnMinutesOptions *options)
{
  gboolean draft = g_strcmp0 (c->status, "draft") == 0;
  CairnDocument *doc = conference_document (c, options, _("Minutes"), draft);
  g_autofree char *heading = g_strdup_printf (_("%s: minutes"), kind_label (c));
  static const char *const present[] = { "present", NULL };
  static const char *const apologies[] = { "apologies", "report", NULL };
  static const char *const absent[] = { "invited", "absent", NULL };
  gboolean any_contribution = FALSE;

  cairn_document_add_heading (doc, 1, heading);
  add_conference_details (doc, c);
  cairn_document_add_heading (doc, 2, _("Purpose of the conference"));
  cairn_document_add_text (doc, purpose_text (c));

  cairn_document_add_heading (doc, 1, _("Attendance"));
  add_attendance_table (doc, c, _("Present"), present, FALSE);
  add_attendance_table (doc, c, _("Apologies"), apologies, TRUE);
  add_attendance_table (doc, c, _("Invited, not present"), absent, FALSE);
  if (c->attendees->len == 0)
    add_note (doc, _("No attendance is recorded."));

  cairn_document_add_heading (doc, 1, _("Information shared"));
  for (guint i = 0; i < c->attendees->len; i++)
    {
      const CairnAttendee *a = g_ptr_array_index (c->attendees, i);
      g_autofree char *agency = attendee_agency (a);
      g_autofree char *who = NULL;
      CairnParagraph *p;

      if (cairn_str_empty (a->contribution))
        continue;
      any_contribution = TRUE;
      who = *agency ? g_strdup_printf ("%s (%s, %s)%s", a->name, a->role, agency,
                                       g_strcmp0 (a->attendance, "report") == 0 ? _(", written report") : "")
                    : g_strdup_printf ("%s (%s)", a->name, a->role);
      p = cairn_document_add_paragraph (doc);
      cairn_paragraph_add_run (p, CAIRN_RUN_BOLD, who);
      cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, ": ");
      cairn_paragraph_add_run (p, CAIRN_RUN_PLAIN, a->contribution);
    }
  if (!any_contribution)
    add_note (doc, _("No contributions are recorded."));

  cairn_document_add_heading (doc, 1, _("The family's views"));
  cairn_document_add_heading (doc, 2, _("The parents' and carers' views"));
  add_narrative (doc, c->parents_views);
  cairn_document_add_heading (doc, 2, c->subjects->len > 1 ? _("The children's views")
                                                          : _("The child's views"));
  add_narrative (doc, c->child_views);

  cairn_document_add_heading (doc, 1, _("Strengths and risks"));
  cairn_document_add_heading (doc, 2, _("Strengths and protective factors"));
  add_narrative (doc, c->strengths);
  cairn_document_add_heading (doc, 2, _("Risks and vulnerabilities"));
  add_narrative (doc, c->risks);

  cairn_document_add_heading (doc, 1, c->subjects->len > 1 ? _("Decisions") : _("Decision"));
  for (guint i = 0; i < c->subjects->len; i++)
    add_decision (doc, c, g_ptr_array_index (c->subjects, i));

  {
    gboolean any = FALSE;
    static const double widths[] = { 0.7, 1.1, 1.4, 2.6 };
    const char *header[] = { _("Version"), _("Issued"), _("By"), _("What it corrected"), NULL };
    CairnTable *t = NULL;

    for (guint i = 0; i < c->versions->len; i++)
      {
        const CairnDocVersion *v = g_ptr_array_index (c->versions, i);
        g_autofree char *number = NULL;
        g_autofree char *day = NULL;

        if (v->document != CAIRN_DOCUMENT_MINUTES)
          continue;
        if (!any)
          {
            cairn_document_add_heading (doc, 1, _("Versions"));
            t = cairn_document_add_table (doc, 4, widths, 1);
            cairn_table_add_row (t, header);
            any = TRUE;
          }
        number = g_strdup_printf ("%d", v->version);
        day = short_date (&v->issued_on);
        {
          const char *row[] = { number, day, v->issued_by, v->correction ? v->correction : "", NULL };
          cairn_table_add_row (t, row);
        }
      }
    if (!cairn_str_empty (c->correction_reason))
      {
        g_autofree char *note = g_strdup_printf (_("Being corrected: %s"), c->correction_reason);
        if (!any)
          cairn_document_add_heading (doc, 1, _("Versions"));
        add_note (doc, note);
      }
  }

  add_distribution (doc, c, _("record"));
  add_confidentiality (doc);
  return doc;
}

/* ---- Board meetings ------------------------------------------------------ */

static const char *
board_of (const CairnMeeting *m)
{
  return cairn_str_empty (m->board_name) ? _("Local Safeguarding Children Board") : m->board_name;
}

static CairnDocument *
meeting_document (const CairnMeeting        *m,
                  const CairnMinutesOptions *options,
                  const char                *what)
{
  g_autofree char *ref = cairn_meeting_dup_ref (m);
  g_autofree char *day = cairn_date_to_display (&m->held_on);
  g_autofree char *title = g_strdup_printf ("%s: %s, %s", board_of (m), what, day);
  g_autofree char *version = version_line (options);
  g_autofree char *footer = version ? g_strdup_printf ("%s · %s, %s", ref, what, version)
                                    : g_strdup_printf ("%s · %s", ref, what);
  g_autofree char *keywords = g_strdup_printf (_("board meeting; %s; %s"), ref, board_of (m));
  g_autoptr (GDateTime) created = options && options->creation_date ? g_date_time_ref (options->creation_date)
                                                                     : datetime_of (&m->held_on);
  CairnDocument *doc = cairn_document_new (title);

  cairn_document_set_author (doc, board_of (m));
  cairn_document_set_subject (doc, what);
  cairn_document_set_keywords (doc, keywords);
  cairn_document_set_footer_text (doc, footer);
  cairn_document_set_creation_date (doc, created);
  return doc;
}

/* "5a" */
static char *
item_label (const CairnAgendaItem *item)
{
  return cairn_agenda_item_dup_label (item);
}

/**
 * cairn_meeting_agenda_build:
 *
 * The agenda front sheet: the board, date, time and place, then the items
 * (number and sub-item, title with the presenter in brackets, purpose,
 * pages), and when it was distributed.
 *
 * Returns: (transfer full): the document
 */
CairnDocument *
cairn_meeting_agenda_build (const CairnMeeting        *m,
                            const CairnMinutesOptions *options)
{
  CairnDocument *doc = meeting_document (m, options, _("Agenda"));
  static const double widths[] = { 0.5, 3.4, 1.2, 0.8 };
  const char *header[] = { _("Item"), _("Title"), _("Purpose"), _("Pages"), NULL };
  g_autofree char *day = long_date (&m->held_on);
  g_autofree char *time = clock_time (parse_hhmm (m->starts_at));
  const CairnDocVersion *distributed = NULL;
  CairnTable *t;

  for (guint i = 0; i < m->versions->len; i++)
    {
      const CairnDocVersion *v = g_ptr_array_index (m->versions, i);
      if (v->document == CAIRN_DOCUMENT_AGENDA)
        distributed = v;
    }

  cairn_document_add_heading (doc, 1, board_of (m));
  add_labelled (doc, _("MEETING DATE:"), day);
  add_labelled (doc, _("MEETING TIME:"), time ? time : _("to be confirmed"));
  add_labelled (doc, _("LOCATION:"), cairn_str_empty (m->venue) ? _("to be confirmed") : m->venue);
  if (!cairn_str_empty (m->chair))
    add_labelled (doc, _("CHAIR:"), m->chair);

  cairn_document_add_heading (doc, 2, _("AGENDA"));
  t = cairn_document_add_table (doc, 4, widths, 1);
  cairn_table_add_row (t, header);
  for (guint i = 0; i < m->items->len; i++)
    {
      const CairnAgendaItem *item = g_ptr_array_index (m->items, i);
      g_autofree char *label = item_label (item);
      const char *row[] = { label, NULL };
      guint r = cairn_table_add_row (t, row);
      CairnParagraph *title = cairn_table_get_cell (t, r, 1);

      cairn_paragraph_add_run (title, CAIRN_RUN_BOLD, item->title);
      if (!cairn_str_empty (item->presenter))
        {
          g_autofree char *presenter = g_strdup_printf (" (%s)", item->presenter);
          cairn_paragraph_add_run (title, CAIRN_RUN_PLAIN, presenter);
        }
      cairn_paragraph_add_run (cairn_table_get_cell (t, r, 2), CAIRN_RUN_PLAIN,
                               item->purpose ? item->purpose : "");
      cairn_paragraph_add_run (cairn_table_get_cell (t, r, 3), CAIRN_RUN_PLAIN, item->pages ? item->pages : "");
    }
  if (m->items->len == 0)
    add_note (doc, _("No items yet."));
  {
    g_autofree char *when = NULL;
    const GDate *on = options && options->issued_on && cairn_date_is_set (options->issued_on)
                        ? options->issued_on
                        : distributed ? &distributed->issued_on : NULL;
    if (on != NULL)
      {
        g_autofree char *d = cairn_date_to_display (on);
        when = g_strdup_printf (_("Distributed on %s"), d);
      }
    else
      when = g_strdup (_("Not yet distributed"));
    add_note (doc, when);
  }
  return doc;
}

static void
append_people (GString            *s,
               const CairnMeeting *m,
               const char         *attendance,
               gboolean            mark_chair)
{
  guint n = 0;

  for (guint i = 0; i < m->attendance->len; i++)
    {
      const CairnMeetingAttendee *a = g_ptr_array_index (m->attendance, i);
      if (g_strcmp0 (a->attendance, attendance) != 0)
        continue;
      g_string_append (s, n++ ? ", " : "");
      g_string_append (s, a->name);
      if (mark_chair && g_strcmp0 (a->name, m->chair) == 0)
        g_string_append (s, _(" (Chairman)"));
      else if (!cairn_str_empty (a->agency))
        g_string_append_printf (s, " (%s)", a->agency);
      else if (!cairn_str_empty (a->role))
        g_string_append_printf (s, " (%s)", a->role);
    }
}

static gboolean
has_sub_items (const CairnMeeting *m,
               guint               index)
{
  const CairnAgendaItem *item = g_ptr_array_index (m->items, index);
  const CairnAgendaItem *next = index + 1 < m->items->len ? g_ptr_array_index (m->items, index + 1) : NULL;

  return item->sub_item == 0 && next != NULL && next->item == item->item && next->sub_item > 0;
}

static const char *
action_status (const CairnActionPoint *a)
{
  const char *label = cairn_codes_label (CAIRN_CODES_ACTION_STATUS, a->status);

  return label ? label : (a->status ? a->status : "");
}

static void
add_carried (CairnDocument      *doc,
             const CairnMeeting *m)
{
  static const double widths[] = { 1.5, 2.6, 1.3, 1.4, 0.9, 1.7 };
  const char *header[] = { _("Minute"), _("Action"), _("Owner"), _("Due"), _("Status"), _("Update"), NULL };
  CairnTable *t;

  if (m->carried->len == 0)
    {
      cairn_document_add_text (doc, _("No action points were outstanding from earlier meetings."));
      return;
    }
  cairn_document_add_text (doc, _("The action points still open from earlier meetings were reviewed:"));
  t = cairn_document_add_table (doc, G_N_ELEMENTS (widths), widths, 1);
  cairn_table_add_row (t, header);
  for (guint i = 0; i < m->carried->len; i++)
    {
      const CairnActionPoint *a = g_ptr_array_index (m->carried, i);
      g_autofree char *from = a->from_minute > 0 ? g_strdup_printf ("%d (%s)", a->from_minute, a->from_ref)
                                                 : g_strdup (a->from_ref);
      g_autofree char *due = short_date (&a->due_on);
      const char *row[] = { from, a->action, a->owner, due, action_status (a), a->update ? a->update : "", NULL };
      cairn_table_add_row (t, row);
    }
}

/**
 * cairn_meeting_minutes_build:
 *
 * The minutes: who was present (the chair marked), also in attendance and
 * apologies; then each item as a numbered minute ("55. TITLE") with its
 * minutes, the matters arising (action points carried forward) under the
 * previous minutes, RESOLVED blocks (numbered when more than one) and
 * action points; the closing time; and a table of this meeting's action
 * points. Marked draft until approved.
 *
 * Returns: (transfer full): the document
 */
CairnDocument *
cairn_meeting_minutes_build (const CairnMeeting        *m,
                             const CairnMinutesOptions *options)
{
  CairnDocument *doc = meeting_document (m, options, _("Minutes"));
  g_autofree char *day = cairn_date_to_display (&m->held_on);
  g_autofree char *upper = g_utf8_strup (board_of (m), -1);
  g_autofree char *heading = g_strdup_printf ("%s — %s", upper, day);
  g_autofree char *start = clock_time (parse_hhmm (m->starts_at));
  g_autofree char *end = clock_time (parse_hhmm (m->ends_at));
  g_autofree char *where = NULL;
  GString *people = g_string_new (NULL);
  gboolean carried_shown = FALSE;
  guint n_actions = 0;

  if (g_strcmp0 (m->status, "draft") == 0)
    cairn_document_set_protective_marking (doc, _(CAIRN_BOARD_DRAFT_MARKING));
  cairn_document_add_heading (doc, 1, heading);
  where = g_strdup_printf (_("Minutes of the meeting held on %s%s%s%s%s."), day, start ? _(" at ") : "",
                           start ? start : "", cairn_str_empty (m->venue) ? "" : ", ",
                           m->venue ? m->venue : "");
  cairn_document_add_text (doc, where);

  append_people (people, m, "present", TRUE);
  add_labelled (doc, _("PRESENT:"), people->len ? people->str : _("not recorded"));
  g_string_truncate (people, 0);
  append_people (people, m, "in_attendance", FALSE);
  if (people->len)
    add_labelled (doc, _("Also in attendance:"), people->str);
  g_string_truncate (people, 0);
  append_people (people, m, "apologies", FALSE);
  add_labelled (doc, _("Apologies:"), people->len ? people->str : _("none"));

  if (m->items->len > 0 && cairn_meeting_find_standing (m, "previous_minutes") == NULL && m->carried->len > 0)
    {
      cairn_document_add_heading (doc, 2, _("ACTION POINTS CARRIED FORWARD"));
      add_carried (doc, m);
      carried_shown = TRUE;
    }

  for (guint i = 0; i < m->items->len; i++)
    {
      const CairnAgendaItem *item = g_ptr_array_index (m->items, i);
      g_autofree char *title = g_utf8_strup (item->title, -1);
      g_autofree char *minute = NULL;

      if (g_strcmp0 (item->standing, "previous_minutes") == 0 && cairn_date_is_set (&m->previous_held_on))
        {
          g_autofree char *prev = cairn_date_to_display (&m->previous_held_on);
          g_autofree char *prev_up = g_utf8_strup (prev, -1);
          g_autofree char *longer = g_strdup_printf (_("%s HELD ON %s"), title, prev_up);
          g_free (title);
          title = g_steal_pointer (&longer);
        }
      if (item->minute_number > 0 && item->sub_item > 0)
        {
          g_autofree char *label = item_label (item);
          minute = g_strdup_printf ("%d. (%s) %s", item->minute_number, label, title);
        }
      else if (item->minute_number > 0)
        minute = g_strdup_printf ("%d. %s", item->minute_number, title);
      else
        {
          g_autofree char *label = item_label (item);
          minute = g_strdup_printf ("%s. %s", label, title);
        }
      cairn_document_add_heading (doc, item->sub_item > 0 ? 3 : 2, minute);

      if (g_strcmp0 (item->standing, "apologies") == 0 && cairn_str_empty (item->minutes))
        {
          g_string_truncate (people, 0);
          append_people (people, m, "apologies", FALSE);
          if (people->len)
            {
              g_autofree char *text = g_strdup_printf (_("Apologies for absence were received from %s."),
                                                       people->str);
              cairn_document_add_text (doc, text);
            }
          else
            cairn_document_add_text (doc, _("No apologies for absence were received."));
        }
      else if (!cairn_str_empty (item->minutes))
        cairn_document_add_text (doc, item->minutes);
      else if (g_strcmp0 (item->standing, "aob") == 0)
        cairn_document_add_text (doc, _("No items of any other business were raised for consideration."));
      else if (item->resolutions->len == 0 && item->actions->len == 0 &&
               g_strcmp0 (item->standing, "previous_minutes") != 0 && !has_sub_items (m, i))
        add_note (doc, _("No minute recorded."));

      if (g_strcmp0 (item->standing, "previous_minutes") == 0 && !carried_shown)
        {
          add_carried (doc, m);
          carried_shown = TRUE;
        }

      if (item->resolutions->len > 0)
        {
          CairnParagraph *p = cairn_document_add_paragraph (doc);
          cairn_paragraph_add_run (p, CAIRN_RUN_BOLD, _("RESOLVED"));
          if (item->resolutions->len == 1)
            cairn_document_add_text (doc, ((CairnResolution *) g_ptr_array_index (item->resolutions, 0))->body);
          else
            {
              CairnList *list = cairn_document_add_list (doc, TRUE);
              for (guint r = 0; r < item->resolutions->len; r++)
                cairn_list_add_text_item (list, ((CairnResolution *) g_ptr_array_index (item->resolutions, r))->body);
            }
        }
      if (item->actions->len > 0)
        {
          static const double widths[] = { 3.2, 1.6, 1.1 };
          const char *header[] = { _("ACTION"), _("Owner"), _("Due"), NULL };
          CairnTable *t = cairn_document_add_table (doc, 3, widths, 1);

          cairn_table_add_row (t, header);
          for (guint a = 0; a < item->actions->len; a++)
            {
              const CairnActionPoint *ap = g_ptr_array_index (item->actions, a);
              g_autofree char *due = short_date (&ap->due_on);
              const char *row[] = { ap->action, ap->owner, due, NULL };
              cairn_table_add_row (t, row);
              n_actions++;
            }
        }
    }
  if (end != NULL)
    {
      g_autofree char *closed = g_strdup_printf (_("The meeting closed at %s."), end);
      cairn_document_add_text (doc, closed);
    }

  if (n_actions > 0)
    {
      static const double widths[] = { 0.8, 3.0, 1.4, 1.0, 0.9 };
      const char *header[] = { _("Minute"), _("Action"), _("Owner"), _("Due"), _("Status"), NULL };
      CairnTable *t;

      cairn_document_add_heading (doc, 1, _("Action points"));
      t = cairn_document_add_table (doc, G_N_ELEMENTS (widths), widths, 1);
      cairn_table_add_row (t, header);
      for (guint i = 0; i < m->items->len; i++)
        {
          const CairnAgendaItem *item = g_ptr_array_index (m->items, i);
          g_autofree char *minute = g_strdup_printf ("%d", item->minute_number);
          for (guint a = 0; a < item->actions->len; a++)
            {
              const CairnActionPoint *ap = g_ptr_array_index (item->actions, a);
              g_autofree char *due = short_date (&ap->due_on);
              const char *row[] = { minute, ap->action, ap->owner, due, action_status (ap), NULL };
              cairn_table_add_row (t, row);
            }
        }
    }
  g_string_free (people, TRUE);
  return doc;
}

/* ---- From the store ------------------------------------------------------ */

static gboolean
is_conference_document (CairnDocumentKind kind)
{
  return kind == CAIRN_DOCUMENT_OUTCOME || kind == CAIRN_DOCUMENT_MINUTES;
}

static CairnConference *
load_conference (CairnStore      *store,
                 const CairnRef  *ref,
                 GError         **error)
{
  g_autoptr (CairnConference) c = cairn_store_get_conference (store, ref->year, (int) ref->number, error);

  if (c == NULL || !cairn_conference_compute_dates (store, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

static CairnDocument *
build (CairnDocumentKind          kind,
       const CairnConference     *c,
       const CairnMeeting        *m,
       const CairnMinutesOptions *options)
{
  switch (kind)
    {
    case CAIRN_DOCUMENT_OUTCOME:
      return cairn_conference_outcome_build (c, options);
    case CAIRN_DOCUMENT_MINUTES:
      return cairn_conference_minutes_build (c, options);
    case CAIRN_DOCUMENT_AGENDA:
      return cairn_meeting_agenda_build (m, options);
    case CAIRN_DOCUMENT_BOARD_MINUTES:
      return cairn_meeting_minutes_build (m, options);
    default:
      g_assert_not_reached ();
    }
}

/**
 * cairn_minutes_report_load:
 * @ref: a conference (CF-…) for the outcome and minutes, a meeting (BM-…)
 *   for the agenda and board minutes
 *
 * Builds a document from the record as it stands, with the computed dates,
 * for a preview or a copy. Nothing is recorded.
 *
 * Returns: (transfer full): the document, or %NULL
 */
CairnDocument *
cairn_minutes_report_load (CairnStore         *store,
                           CairnDocumentKind   kind,
                           const CairnRef     *ref,
                           GError            **error)
{
  g_autoptr (CairnConference) c = NULL;
  g_autoptr (CairnMeeting) m = NULL;

  if (is_conference_document (kind))
    {
      g_return_val_if_fail (ref->kind == CAIRN_REF_CONFERENCE, NULL);
      if ((c = load_conference (store, ref, error)) == NULL)
        return NULL;
    }
  else
    {
      g_return_val_if_fail (ref->kind == CAIRN_REF_MEETING, NULL);
      if ((m = cairn_store_get_meeting (store, ref->year, (int) ref->number, error)) == NULL)
        return NULL;
    }
  return build (kind, c, m, NULL);
}

static gboolean
write_private (const char  *path,
               GBytes      *pdf,
               GError     **error)
{
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);
  g_autoptr (GError) local = NULL;

  if (g_file_set_contents_full (path, data, (gssize) len,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600, &local))
    return TRUE;
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, local->message);
  return FALSE;
}

static gboolean
audit_written (CairnStore             *store,
               const CairnConference  *c,
               CairnDocumentKind       kind,
               const char             *path,
               GError                **error)
{
  g_autofree char *base = NULL;
  g_autofree char *what = NULL;

  if (c == NULL)
    return TRUE;
  base = g_path_get_basename (path);
  what = g_strdup_printf (_("%s written to %s"), cairn_document_kind_label (kind), base);
  return cairn_store_record_conference_read (store, c, what, error);
}

/**
 * cairn_minutes_report_write:
 *
 * Writes a copy of a document (not an issued version) as PDF, readable by
 * its owner only. Writing a conference's outcome or minutes is recorded in
 * the audit trail for each child.
 */
gboolean
cairn_minutes_report_write (CairnStore         *store,
                            CairnDocumentKind   kind,
                            const CairnRef     *ref,
                            const char         *path,
                            guint              *n_pages,
                            GError            **error)
{
  g_autoptr (CairnConference) c = NULL;
  g_autoptr (CairnMeeting) m = NULL;
  g_autoptr (CairnDocument) doc = NULL;
  g_autoptr (GBytes) pdf = NULL;

  if (is_conference_document (kind))
    {
      if (ref->kind != CAIRN_REF_CONFERENCE)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Reference: a conference is needed (CF-YYYY-NNNN)"));
          return FALSE;
        }
      if ((c = load_conference (store, ref, error)) == NULL)
        return FALSE;
    }
  else
    {
      if (ref->kind != CAIRN_REF_MEETING)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Reference: a board meeting is needed (BM-YYYY-NN)"));
          return FALSE;
        }
      if ((m = cairn_store_get_meeting (store, ref->year, (int) ref->number, error)) == NULL)
        return FALSE;
    }
  doc = build (kind, c, m, NULL);
  if ((pdf = cairn_document_render_pdf (doc, n_pages, NULL, error)) == NULL ||
      !write_private (path, pdf, error))
    return FALSE;
  return audit_written (store, c, kind, path, error);
}

/**
 * cairn_minutes_report_issue:
 * @issued_on: the date of issue
 * @correction: (nullable): for a second or later version, what it corrects
 *   (else the reason the record was reopened with)
 *
 * Issues the next version of a document: writes it to @path with its
 * version number and date, and records the version, its SHA-256 and who it
 * was sent to (the distribution list) in one transaction. The outcome needs
 * complete decisions; the minutes need the chair's (or the board's)
 * approval. When the record refuses, the file is removed and nothing is
 * recorded.
 *
 * Returns: (transfer full): the version recorded, or %NULL
 */
CairnDocVersion *
cairn_minutes_report_issue (CairnStore         *store,
                            CairnDocumentKind   kind,
                            const CairnRef     *ref,
                            const GDate        *issued_on,
                            const char         *correction,
                            const char         *path,
                            GError            **error)
{
  g_autoptr (CairnConference) c = NULL;
  g_autoptr (CairnMeeting) m = NULL;
  g_autoptr (CairnDocument) doc = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (CairnDocVersion) version = cairn_doc_version_new ();
  CairnMinutesOptions options = { 0 };
  const CairnDocVersion *latest = NULL;
  GPtrArray *versions;
  guint n_pages = 0;
  gboolean written = FALSE;

  /* One write transaction from reading the record to recording the
   * version: nobody can issue another version meanwhile. */
  if (!cairn_store_begin (store, error))
    return NULL;
  if (is_conference_document (kind))
    {
      /* Refuse before anything is written. */
      if ((c = load_conference (store, ref, error)) == NULL || !cairn_conference_validate_decisions (c, error))
        goto fail;
      versions = c->versions;
    }
  else
    {
      if ((m = cairn_store_get_meeting (store, ref->year, (int) ref->number, error)) == NULL)
        goto fail;
      versions = m->versions;
    }
  for (guint i = 0; i < versions->len; i++)
    {
      const CairnDocVersion *v = g_ptr_array_index (versions, i);
      if (v->document == kind && (latest == NULL || v->version > latest->version))
        latest = v;
    }
  options.version = latest ? latest->version + 1 : 1;
  options.issued_on = issued_on;
  if (c != NULL && kind == CAIRN_DOCUMENT_MINUTES)
    {
      /* The version being issued is in its own version history. */
      CairnDocVersion *pending = cairn_doc_version_new ();
      pending->document = kind;
      pending->version = options.version;
      pending->issued_on = *issued_on;
      pending->issued_by = g_strdup (cairn_store_get_issuer_name (store));
      pending->correction = options.version > 1 ? g_strdup (!cairn_str_empty (correction) ? correction
                                                                                          : c->correction_reason)
                                                : NULL;
      g_ptr_array_add (c->versions, pending);
      g_clear_pointer (&c->correction_reason, g_free);
    }
  doc = build (kind, c, m, &options);
  if ((pdf = cairn_document_render_pdf (doc, &n_pages, NULL, error)) == NULL ||
      !(written = write_private (path, pdf, error)))
    goto fail;

  version->document = kind;
  version->issued_on = *issued_on;
  version->correction = g_strdup (correction);
  version->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  version->n_pages = (int) n_pages;
  if (!(c ? cairn_store_add_conference_version (store, c->id, version, error)
          : cairn_store_add_meeting_version (store, m->id, version, error)) ||
      !audit_written (store, c, kind, path, error))
    goto fail;
  g_warn_if_fail (version->version == options.version);
  if (!cairn_store_commit (store, error))
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&version);

fail:
  cairn_store_rollback (store);
  if (written)
    g_unlink (path);
  return NULL;
}
