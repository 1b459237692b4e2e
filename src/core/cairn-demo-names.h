/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cairn-random.h"

G_BEGIN_DECLS

/* Made-up names and places for the demo board. Family names, streets and
 * institutions are built from invented syllables, so that no combination is
 * meant to name anybody real; given names are ordinary ones. */

typedef enum
{
  CAIRN_DEMO_NAMES_ENGLISH,
  CAIRN_DEMO_NAMES_SOUTH_ASIAN,
  CAIRN_DEMO_NAMES_AFRICAN,
  CAIRN_DEMO_N_NAME_POOLS
} CairnDemoNamePool;

#define CAIRN_DEMO_NAME_MAX 48

const char *cairn_demo_given_name     (CairnRandom       *rng,
                                       CairnDemoNamePool  pool,
                                       char               sex);
void        cairn_demo_family_name    (CairnRandom       *rng,
                                       char               buf[CAIRN_DEMO_NAME_MAX]);
void        cairn_demo_place_stem     (CairnRandom       *rng,
                                       char               buf[CAIRN_DEMO_NAME_MAX]);
void        cairn_demo_place_stem_nth (guint              index,
                                       char               buf[CAIRN_DEMO_NAME_MAX]);
guint       cairn_demo_n_place_stems  (void);
void        cairn_demo_street         (CairnRandom       *rng,
                                       char               buf[CAIRN_DEMO_NAME_MAX]);
const char *cairn_demo_locality       (CairnRandom       *rng);
void        cairn_demo_postcode       (CairnRandom       *rng,
                                       char               buf[16]);
void        cairn_demo_phone          (CairnRandom       *rng,
                                       char               buf[16]);
const char *cairn_demo_pick           (CairnRandom       *rng,
                                       const char *const *list,
                                       gsize              n);

#define CAIRN_DEMO_PICK(rng, array) cairn_demo_pick ((rng), (array), G_N_ELEMENTS (array))

G_END_DECLS
