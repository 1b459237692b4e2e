/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cairn-store.h"

G_BEGIN_DECLS

/* The demo board: a deterministic synthetic board written into a new
 * database (`cairn-cli demo`). Same options, same database, byte for byte. */

#define CAIRN_DEMO_DEFAULT_CHILDREN 2000
#define CAIRN_DEMO_MAX_CHILDREN     10000000
#define CAIRN_DEMO_DEFAULT_SEED     G_GUINT64_CONSTANT (20100401)
#define CAIRN_DEMO_DEFAULT_YEARS    "2009-10..2013-14"
/* The reporting years the demo can cover: the bank holiday list Cairn
 * carries runs from 2000 to 2030, and cases start up to six months before
 * the first year. */
#define CAIRN_DEMO_EARLIEST_YEAR    2001
#define CAIRN_DEMO_LATEST_YEAR      2029

typedef struct
{
  guint n_children;
  guint64 seed;
  int first_year;   /* reporting years by their start year: 2009 is 2009-10 */
  int last_year;
} CairnDemoOptions;

typedef struct
{
  gint64 children;
  gint64 cases;
  gint64 open_cases;
  gint64 assessments;
  gint64 s47_enquiries;
  gint64 conferences;
  gint64 plans;
  gint64 open_plans;
  gint64 scrs;
  gint64 meetings;
  gint64 events;
} CairnDemoSummary;

/**
 * CairnDemoFinishFunc:
 *
 * Called inside the demo's transaction once every record is written, for
 * work that layers above the store do on the result (the pathway's case
 * summaries). Returning %FALSE rolls the whole demo back.
 */
typedef gboolean (*CairnDemoFinishFunc) (CairnStore  *store,
                                         gpointer     user_data,
                                         GError     **error);

void      cairn_demo_options_init      (CairnDemoOptions        *options);
gboolean  cairn_demo_options_set_years (CairnDemoOptions        *options,
                                        const char              *field,
                                        const char              *text,
                                        GError                 **error);
void      cairn_demo_get_as_of         (const CairnDemoOptions  *options,
                                        GDate                   *as_of);
gboolean  cairn_demo_write             (CairnStore              *store,
                                        const CairnDemoOptions  *options,
                                        CairnDemoFinishFunc      finish,
                                        gpointer                 user_data,
                                        CairnDemoSummary        *summary,
                                        GError                 **error);

G_END_DECLS
