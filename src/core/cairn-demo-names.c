/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-demo-names"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cairn-demo-names.h"

static const char *const english_girls[] = {
  "Amelia", "Olivia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Mia", "Poppy", "Ella",
  "Lily", "Evie", "Jessica", "Chloe", "Ruby", "Freya", "Daisy", "Holly", "Megan", "Phoebe",
  "Lucy", "Erin", "Katie", "Bethany", "Abigail", "Millie", "Scarlett", "Imogen", "Lacey",
  "Courtney", "Paige", "Kayleigh", "Demi", "Tia", "Leah", "Niamh", "Molly", "Maisie", "Caitlin",
  "Jade", "Summer", "Skye", "Rosie", "Hannah", "Zara", "Eleanor", "Esme", "Harriet",
};

static const char *const english_boys[] = {
  "Oliver", "Jack", "Harry", "Charlie", "Thomas", "Joshua", "Alfie", "William", "James",
  "Daniel", "George", "Ethan", "Samuel", "Joseph", "Dylan", "Lewis", "Callum", "Tyler",
  "Kieran", "Liam", "Connor", "Jordan", "Reece", "Bradley", "Kyle", "Luke", "Ryan", "Jake",
  "Max", "Oscar", "Leo", "Archie", "Finley", "Riley", "Mason", "Logan", "Harvey", "Alex",
  "Noah", "Ben", "Jamie", "Owen", "Rhys", "Toby", "Aaron", "Nathan", "Declan", "Frankie",
};

static const char *const south_asian_girls[] = {
  "Aisha", "Fatima", "Zainab", "Maryam", "Amira", "Hafsa", "Inaya", "Priya", "Anika", "Simran",
  "Nadia", "Sana", "Ayesha", "Layla", "Khadija", "Noor", "Riya", "Jasmin", "Alisha", "Safa",
};

static const char *const south_asian_boys[] = {
  "Mohammed", "Ibrahim", "Yusuf", "Zayn", "Aryan", "Hamza", "Bilal", "Imran", "Arjun",
  "Rohan", "Adam", "Zakariya", "Ayaan", "Harun", "Kabir", "Samir", "Tariq", "Rayan", "Dev",
  "Ishaan",
};

static const char *const african_girls[] = {
  "Amara", "Zawadi", "Nia", "Adaeze", "Imani", "Abena", "Folake", "Chioma", "Ayo", "Efua",
  "Kemi", "Nala", "Ama", "Ifeoma", "Zuri", "Tendai", "Makena", "Sade", "Kesi", "Esi",
};

static const char *const african_boys[] = {
  "Kwame", "Tobi", "Kofi", "Chidi", "Jabari", "Tunde", "Emeka", "Kojo", "Sefu", "Ade",
  "Femi", "Obi", "Malik", "Kayode", "Jomo", "Bayo", "Nnamdi", "Kato", "Zola", "Idris",
};

static const struct
{
  const char *const *girls;
  gsize n_girls;
  const char *const *boys;
  gsize n_boys;
} pools[CAIRN_DEMO_N_NAME_POOLS] = {
  { english_girls, G_N_ELEMENTS (english_girls), english_boys, G_N_ELEMENTS (english_boys) },
  { south_asian_girls, G_N_ELEMENTS (south_asian_girls), south_asian_boys,
    G_N_ELEMENTS (south_asian_boys) },
  { african_girls, G_N_ELEMENTS (african_girls), african_boys, G_N_ELEMENTS (african_boys) },
};

/* Family names: an invented first half and an English place-name ending. */
static const char *const family_heads[] = {
  "Ash", "Brack", "Cold", "Dun", "Elder", "Fern", "Gar", "Hal", "Kest", "Lang", "Mar", "Nor",
  "Oak", "Pell", "Quarr", "Rook", "Sel", "Thorn", "Wex", "Yarn", "Brem", "Cal", "Dray", "Fal",
  "Grim", "Hobb", "Lud", "Mott", "Pask", "Rad", "Stap", "Tull", "Umber", "Vell", "Wim",
};

static const char *const family_tails[] = {
  "by", "combe", "dale", "field", "ford", "gate", "holt", "hurst", "ley", "lock", "mere",
  "more", "ridge", "stead", "thwaite", "ton", "well", "wick", "worth", "wood", "den", "shaw",
  "croft", "bourne",
};

/* Streets, schools and surgeries share these invented stems. */
static const char *const place_heads[] = {
  "Alder", "Birch", "Chantry", "Dove", "Elm", "Foxglove", "Glebe", "Heron", "Juniper", "Kiln",
  "Larch", "Meadow", "Nettle", "Orchard", "Pinfold", "Quarry", "Rowan", "Sorrel", "Tanner",
  "Willow", "Bramble", "Cobble", "Dyer", "Furze", "Hazel", "Linnet", "Mill", "Plover", "Rush",
  "Sedge", "Teasel", "Wren",
};

static const char *const place_tails[] = {
  "bank", "brook", "cote", "field", "green", "hill", "holme", "lea", "moor", "side", "thorpe",
  "wood",
};

static const char *const street_kinds[] = {
  "Road", "Street", "Lane", "Close", "Avenue", "Drive", "Way", "Crescent", "Court", "Grove",
  "Terrace", "Walk",
};

static const char *const localities[] = {
  "Cairnside", "Cairnside", "Cairnside", "North Cairnside", "Westholme", "Millbrook",
  "Eastgate", "Southmoor", "Cairnside Vale",
};

const char *
cairn_demo_pick (CairnRandom       *rng,
                 const char *const *list,
                 gsize              n)
{
  return list[cairn_random_below (rng, n)];
}

const char *
cairn_demo_given_name (CairnRandom       *rng,
                       CairnDemoNamePool  pool,
                       char               sex)
{
  g_return_val_if_fail (pool < CAIRN_DEMO_N_NAME_POOLS, NULL);
  if (sex == 'U')
    sex = cairn_random_chance (rng, 0.5) ? 'F' : 'M';
  if (sex == 'F')
    return cairn_demo_pick (rng, pools[pool].girls, pools[pool].n_girls);
  return cairn_demo_pick (rng, pools[pool].boys, pools[pool].n_boys);
}

void
cairn_demo_family_name (CairnRandom *rng,
                        char         buf[CAIRN_DEMO_NAME_MAX])
{
  g_snprintf (buf, CAIRN_DEMO_NAME_MAX, "%s%s", CAIRN_DEMO_PICK (rng, family_heads),
              CAIRN_DEMO_PICK (rng, family_tails));
}

guint
cairn_demo_n_place_stems (void)
{
  return G_N_ELEMENTS (place_heads) * G_N_ELEMENTS (place_tails);
}

/* The @index-th stem ("Alderbank", "Alderbrook", …); wraps around. */
void
cairn_demo_place_stem_nth (guint index,
                           char  buf[CAIRN_DEMO_NAME_MAX])
{
  guint n_tails = G_N_ELEMENTS (place_tails);

  index %= cairn_demo_n_place_stems ();
  g_snprintf (buf, CAIRN_DEMO_NAME_MAX, "%s%s", place_heads[index / n_tails],
              place_tails[index % n_tails]);
}

void
cairn_demo_place_stem (CairnRandom *rng,
                       char         buf[CAIRN_DEMO_NAME_MAX])
{
  cairn_demo_place_stem_nth ((guint) cairn_random_below (rng, cairn_demo_n_place_stems ()), buf);
}

/* "Heronbrook Close" */
void
cairn_demo_street (CairnRandom *rng,
                   char         buf[CAIRN_DEMO_NAME_MAX])
{
  char stem[CAIRN_DEMO_NAME_MAX];

  cairn_demo_place_stem (rng, stem);
  g_snprintf (buf, CAIRN_DEMO_NAME_MAX, "%s %s", stem, CAIRN_DEMO_PICK (rng, street_kinds));
}

const char *
cairn_demo_locality (CairnRandom *rng)
{
  return CAIRN_DEMO_PICK (rng, localities);
}

/* Postcodes in the area "XC", which no real postcode area uses. */
void
cairn_demo_postcode (CairnRandom *rng,
                     char         buf[16])
{
  static const char letters[] = "ABDEFGHJLNPQRSTUWXYZ"; /* the inward-code letters */

  g_snprintf (buf, 16, "XC%d %d%c%c", cairn_random_range (rng, 1, 9), cairn_random_range (rng, 1, 9),
              letters[cairn_random_below (rng, sizeof letters - 1)],
              letters[cairn_random_below (rng, sizeof letters - 1)]);
}

/* Ofcom reserves 07700 900000 to 900999 for drama: no real subscriber has one. */
void
cairn_demo_phone (CairnRandom *rng,
                  char         buf[16])
{
  g_snprintf (buf, 16, "07700 900%03d", cairn_random_range (rng, 0, 999));
}
