/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the files a board may edit, the bank holiday calendar and a
 * guidance edition. A file either loads or is refused with an error; one
 * that loads behaves: working days add up and every event kind finds its
 * place or none. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cairn-calendar.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-edition.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_calendar (CairnCalendar *calendar)
{
  GDate from, out;
  int counted;

  cairn_date_set_ymd (&from, cairn_calendar_get_first_year (calendar), 1, 1);
  for (int n = 0; n < 30; n++)
    {
      gboolean working = FALSE;

      if (!cairn_calendar_add_working_days (calendar, &from, n, &out, NULL))
        break;
      /* The result is a working day, and n of them lie after the start. */
      g_assert_true (cairn_calendar_is_working_day (calendar, &out, &working, NULL));
      g_assert_true (working);
      g_assert_true (cairn_calendar_count_working_days (calendar, &from, &out, &counted, NULL));
      if (n > 0)
        g_assert_cmpint (counted, ==, n);
    }
}

static void
check_edition (CairnEdition *edition)
{
  gsize n_kinds;
  const CairnCode *kinds = cairn_codes_get (CAIRN_CODES_EVENT_KIND, &n_kinds);
  g_autofree gboolean *visited = g_new0 (gboolean, cairn_edition_get_n_nodes (edition));
  const CairnNode *current = NULL;

  for (gsize i = 0; i < n_kinds; i++)
    {
      gboolean in_order;
      const CairnNode *node = cairn_edition_place_event (edition, current, visited, kinds[i].code,
                                                         &in_order);
      if (node != NULL)
        {
          g_assert_true (node->index < cairn_edition_get_n_nodes (edition));
          visited[node->index] = TRUE;
          current = node;
        }
    }
  for (guint i = 0; i < cairn_edition_get_n_rules (edition); i++)
    {
      const CairnRule *rule = cairn_edition_get_rule (edition, i);
      GDate d;

      /* A timer has a limit for every clock after its last from date. */
      cairn_date_set_ymd (&d, 9999, 12, 31);
      if (rule->type == CAIRN_RULE_TIMER)
        g_assert_nonnull (cairn_rule_get_limit (rule, &d));
      else
        g_assert_cmpuint (rule->limits->len, ==, 0);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnCalendar) calendar = cairn_calendar_new_from_data ("fuzz.txt", text, &error);
  g_autoptr (CairnEdition) edition = NULL;

  if (calendar != NULL)
    check_calendar (calendar);
  else
    g_assert_true (g_str_has_prefix (error->message, "fuzz.txt"));
  g_clear_error (&error);

  edition = cairn_edition_new_from_data ("fuzz.json", (const char *) data, size, &error);
  if (edition != NULL)
    check_edition (edition);
  else
    g_assert_true (g_str_has_prefix (error->message, "fuzz.json"));
  return 0;
}
