/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cin"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cairn-cin-codes.h"
#include "cairn-codes.h"

/* One entry per code list and span of census years. Either `shared` names
 * a list of cairn-codes.h, or `codes` holds the codes, separated by spaces;
 * "201-213" stands for every three-digit code from 201 to 213. */
typedef struct
{
  CairnCinCodeList list;
  int first_year;  /* first collection year the entry applies to */
  int last_year;   /* last one, or 0 while in force */
  int shared;      /* a CairnCodeList, or -1 */
  const char *codes;
  const char *source;
} CodeListVersion;

#define LA_CODES_2023 \
  "001-005 201-213 301-320 330-336 340-344 350-359 370-373 380-384 390-394 420 660-681 " \
  "701-708 800-803 805-808 810-813 815 816 820-823 825 826 830 831 835-841 845 846 850-852 " \
  "855-857 860 861 865-896 908 909 916 919 921 925 926 928 929 931 933 935-938 940 941"

static const CodeListVersion versions[] = {
  { CAIRN_CIN_CODES_REFERRAL_SOURCE, 2023, 0, CAIRN_CODES_REFERRAL_SOURCE, NULL, "cin2022_23/rule_8866.py" },
  { CAIRN_CIN_CODES_PRIMARY_NEED, 2023, 0, CAIRN_CODES_PRIMARY_NEED, NULL, "cin2022_23/rule_8650.py" },
  { CAIRN_CIN_CODES_CLOSURE_REASON, 2023, 0, CAIRN_CODES_CLOSURE_REASON, NULL, "cin2022_23/rule_8640.py" },
  { CAIRN_CIN_CODES_ETHNICITY, 2023, 0, CAIRN_CODES_ETHNICITY, NULL, "cin2022_23/rule_4220.py" },
  { CAIRN_CIN_CODES_DISABILITY, 2023, 0, CAIRN_CODES_DISABILITY, NULL, "cin2022_23/rule_8540.py" },
  { CAIRN_CIN_CODES_ASSESSMENT_FACTOR, 2023, 0, CAIRN_CODES_ASSESSMENT_FACTOR, NULL, "cin2022_23/rule_8897Q.py" },
  { CAIRN_CIN_CODES_CATEGORY, 2023, 0, CAIRN_CODES_CATEGORY, NULL, "cin2022_23/rule_8905.py" },
  { CAIRN_CIN_CODES_GENDER, 2023, 2024, -1, "0 1 2 9", "cin2022_23/rule_4180.py" },
  { CAIRN_CIN_CODES_SEX, 2025, 0, CAIRN_CODES_SEX, NULL, "cin2024_25/rule_4180.py" },
  { CAIRN_CIN_CODES_UPN_UNKNOWN, 2023, 0, CAIRN_CODES_UPN_UNKNOWN, NULL, "cin2022_23/rule_8772.py" },
  { CAIRN_CIN_CODES_LA, 2023, 2023, -1, LA_CODES_2023, "cin2022_23/rule_1530.py" },
  { CAIRN_CIN_CODES_LA, 2024, 0, -1, LA_CODES_2023 " 942 943", "cin2023_24/rule_1530.py" },
};

static GHashTable *sets[G_N_ELEMENTS (versions)];

static void
add_token (GHashTable *set,
           const char *token)
{
  const char *dash = strchr (token, '-');

  if (dash != NULL)
    {
      int width = (int) (dash - token);
      int lo = atoi (token);
      int hi = atoi (dash + 1);

      for (int v = lo; v <= hi; v++)
        g_hash_table_add (set, g_strdup_printf ("%0*d", width, v));
    }
  else
    g_hash_table_add (set, g_strdup (token));
}

static gpointer
build_sets (gpointer data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      if (versions[i].shared >= 0)
        {
          gsize n;
          const CairnCode *codes = cairn_codes_get ((CairnCodeList) versions[i].shared, &n);

          for (gsize c = 0; c < n; c++)
            g_hash_table_add (set, g_strdup (codes[c].code));
        }
      else
        {
          g_auto (GStrv) tokens = g_strsplit (versions[i].codes, " ", -1);

          for (int t = 0; tokens[t] != NULL; t++)
            if (*tokens[t] != '\0')
              add_token (set, tokens[t]);
        }
      sets[i] = set;
    }
  return NULL;
}

static GHashTable *
set_for (CairnCinCodeList list,
         int              year)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_sets, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (versions); i++)
    if (versions[i].list == list && year >= versions[i].first_year &&
        (versions[i].last_year == 0 || year <= versions[i].last_year))
      return sets[i];
  return NULL;
}

/* Whether @list is part of the census of collection year @year at all
 * (GenderCurrent up to 2023-24, Sex from 2024-25). */
gboolean
cairn_cin_codes_in_force (CairnCinCodeList list,
                          int              year)
{
  return set_for (list, year) != NULL;
}

gboolean
cairn_cin_codes_contains (CairnCinCodeList list,
                          int              year,
                          const char      *code)
{
  GHashTable *set = set_for (list, year);

  return set != NULL && code != NULL && g_hash_table_contains (set, code);
}
