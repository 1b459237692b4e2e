/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-chronology-report"

#include "config.h"

#include <glib/gi18n.h>

#include "cairn-audit-store.h"
#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-chronology-report.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-pdf-writer.h"
#include "cairn-ref.h"

/*
 * The chronology of significant events: the document every review and
 * serious case review starts from. One table of the case's events in date
 * order (what, when, who, whether the child was seen and seen alone, and
 * why not; outcomes, notes, reasons for delay and for steps out of order),
 * then the case's timescales. It names the child, so it carries a
 * protective marking on every page and is never for publication.
 */

static const char *
seen_text (const CairnEvent *e)
{
  if (e->seen_alone == 1)
    return _("Seen alone");
  if (e->child_seen == 1)
    return _("Seen, not alone");
  if (e->child_seen == 0)
    return _("Not seen");
  return "";
}

static char *
detail_text (const CairnEvent *e)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (e->planned)
    g_ptr_array_add (parts, g_strdup (_("Planned.")));
  if (e->outcome)
    g_ptr_array_add (parts, g_strdup_printf (_("Outcome: %s"), e->outcome));
  if (e->notes)
    g_ptr_array_add (parts, g_strdup (e->notes));
  if (e->child_seen == 1 && e->seen_alone == 0 && e->not_seen_alone_reason)
    g_ptr_array_add (parts, g_strdup_printf (_("Not seen alone because: %s"), e->not_seen_alone_reason));
  if (e->late_reason)
    g_ptr_array_add (parts, g_strdup_printf (_("Reason for delay: %s"), e->late_reason));
  if (e->exception_reason)
    g_ptr_array_add (parts, g_strdup_printf (_("Recorded out of order because: %s"), e->exception_reason));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

static const char *
timer_status (const CairnTimer *t)
{
  switch (t->status)
    {
    case CAIRN_TIMER_MET:
      return _("Met");
    case CAIRN_TIMER_RUNNING:
      return _("Running");
    case CAIRN_TIMER_MISSED:
      return t->open ? _("Overdue") : _("Missed");
    case CAIRN_TIMER_NOT_APPLICABLE:
    default:
      return _("Not needed");
    }
}

CairnDocument *
cairn_chronology_report_build (CairnStore  *store,
                               gint64       child_number,
                               int          case_number,
                               GError     **error)
{
  g_autoptr (CairnChild) child = cairn_store_get_child (store, child_number, error);
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) timers = NULL;
  g_autoptr (CairnDocument) doc = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *born = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *board = NULL;
  g_autofree char *line_child = NULL;
  g_autofree char *line_born = NULL;
  g_autofree char *line_date = NULL;
  g_autoptr (GDateTime) created = NULL;
  static const double event_widths[] = { 0.12, 0.2, 0.16, 0.12, 0.4 };
  static const double timer_widths[] = { 0.1, 0.38, 0.14, 0.14, 0.24 };
  CairnTable *table;
  GDate today;

  if (child == NULL ||
      (events = cairn_store_list_events (store, child_number, case_number, error)) == NULL ||
      (timers = cairn_pathway_case_timers (store, child_number, case_number, error)) == NULL)
    return NULL;

  cairn_store_get_today (store, &today);
  today_text = cairn_date_to_display (&today);
  name = cairn_child_dup_display_name (child);
  ref = cairn_case_ref_format (child_number, case_number);
  born = cairn_date_to_display (cairn_child_get_birth_or_expected (child));
  board = cairn_store_dup_board_name (store);

  doc = cairn_document_new (_("Chronology of significant events"));
  cairn_document_set_subtitle (doc, name);
  cairn_document_set_author (doc, board ? board : _("Cairn"));
  cairn_document_set_subject (doc, ref);
  /* Reproducible: dated by the board's today, not the wall clock. */
  created = g_date_time_new_utc (g_date_get_year (&today), g_date_get_month (&today),
                                 g_date_get_day (&today), 0, 0, 0);
  cairn_document_set_creation_date (doc, created);
  cairn_document_set_header_text (doc, ref);
  cairn_document_set_protective_marking (
    doc, _("OFFICIAL-SENSITIVE: contains personal information about a child. Not for publication."));

  line_child = g_strdup_printf (_("%s (%s)"), name, ref);
  line_born = g_strdup_printf (cairn_child_is_unborn (child) ? _("Expected %s") : _("Born %s"), born);
  line_date = g_strdup_printf (_("Prepared %s"), today_text);
  {
    const char *lines[] = { line_child, line_born, line_date, board, NULL };
    cairn_document_add_title_page (doc, _("Chronology of significant events"), lines);
  }

  cairn_document_add_heading (doc, 1, _("Events"));
  if (events->len == 0)
    cairn_document_add_text (doc, _("No events are recorded for this case."));
  else
    {
      const char *header[] = { _("Date"), _("Event"), _("Recorded by"), _("Child"), _("Detail"), NULL };
      table = cairn_document_add_table (doc, 5, event_widths, 1);
      cairn_table_add_row (table, header);
      for (guint i = 0; i < events->len; i++)
        {
          CairnEvent *e = g_ptr_array_index (events, i);
          g_autofree char *when = cairn_timestamp_to_string (&e->date, e->minute);
          g_autofree char *detail = detail_text (e);
          const char *row[] = { when, cairn_codes_label (CAIRN_CODES_EVENT_KIND, e->kind),
                                e->recorded_by ? e->recorded_by : "", seen_text (e), detail, NULL };
          cairn_table_add_row (table, row);
        }
    }

  cairn_document_add_heading (doc, 1, _("Timescales"));
  {
    const char *header[] = { _("Rule"), _("What"), _("Due"), _("Status"), _("Source"), NULL };
    guint shown = 0;
    table = cairn_document_add_table (doc, 5, timer_widths, 1);
    cairn_table_add_row (table, header);
    for (guint i = 0; i < timers->len; i++)
      {
        CairnTimer *t = g_ptr_array_index (timers, i);
        g_autofree char *due = cairn_timestamp_to_string (&t->due, t->due_minute);
        const char *row[] = { t->rule_id, t->title ? t->title : "", due ? due : "", timer_status (t),
                              t->source ? t->source : t->edition, NULL };
        if (t->status == CAIRN_TIMER_NOT_APPLICABLE)
          continue;
        cairn_table_add_row (table, row);
        shown++;
      }
    if (shown == 0)
      cairn_document_add_text (doc, _("No timescales apply to this case."));
  }
  return g_steal_pointer (&doc);
}

/**
 * cairn_chronology_report_write:
 *
 * Writes a case's chronology as PDF (readable by its owner only) and
 * records in the audit trail that the child's record was opened for it.
 */
gboolean
cairn_chronology_report_write (CairnStore  *store,
                               gint64       child_number,
                               int          case_number,
                               const char  *path,
                               guint       *n_pages,
                               GError     **error)
{
  g_autoptr (CairnDocument) doc = cairn_chronology_report_build (store, child_number, case_number, error);

  return doc != NULL && cairn_store_record_child_opened (store, child_number, error) &&
         cairn_document_write_pdf (doc, path, n_pages, error);
}
