/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the CIN census reader and every rule set, on any bytes a
 * council's system (or anyone) might hand Cairn as a census file. */
#include "config.h"

#include <glib.h>

#include "cairn-cin-rules.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnCinCensus) census = NULL;

  /* A GLib critical (a date pushed off GDate's range, say) is a bug here. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  census = cairn_cin_census_read_data ((const char *) data, size, "fuzz.xml", &error);

  if (census == NULL)
    {
      /* Refused input always says why, naming the file. */
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xml: "));
      return 0;
    }
  for (int year = CAIRN_CIN_FIRST_YEAR; year <= CAIRN_CIN_LAST_YEAR; year++)
    {
      g_autoptr (CairnCinReport) report = cairn_cin_validate (census, year, NULL, NULL);

      g_assert_nonnull (report);
      for (guint i = 0; i < report->n_findings; i++)
        {
          const CairnCinFinding *f = &report->findings[i];

          g_assert_true (cairn_cin_rule_in_set (f->rule, year));
          g_assert_nonnull (f->fields[0]);
          g_assert_true (f->child == NULL ||
                         (f->child >= census->children && f->child < census->children + census->n_children));
        }
    }
  return 0;
}
