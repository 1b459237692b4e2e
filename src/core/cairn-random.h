/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CairnRandom:
 *
 * A small deterministic pseudo-random generator (xoshiro256**, seeded
 * through splitmix64). Cairn's own, so that what it generates from a seed
 * (the demo board) never depends on the C library or GLib version. Not for
 * anything secret.
 */
typedef struct
{
  guint64 s[4];
} CairnRandom;

void      cairn_random_init     (CairnRandom  *self,
                                 guint64       seed);
guint64   cairn_random_next     (CairnRandom  *self);
guint64   cairn_random_below    (CairnRandom  *self,
                                 guint64       n);
int       cairn_random_range    (CairnRandom  *self,
                                 int           lo,
                                 int           hi);
double    cairn_random_double   (CairnRandom  *self);
gboolean  cairn_random_chance   (CairnRandom  *self,
                                 double        p);
guint     cairn_random_weighted (CairnRandom  *self,
                                 const guint  *weights,
                                 guint         n_weights);
guint64   cairn_splitmix64      (guint64      *state);

G_END_DECLS
