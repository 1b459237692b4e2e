/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-cin"

#include "config.h"

#include "cairn-cin-census.h"

/* Booleans are "true", "false", "1" or "0" (cin-census.md §5.10); rule 8568
 * accepts them in any case, so every rule reads them that way. */
CairnCinFlag
cairn_cin_flag_parse (const char *text)
{
  if (text == NULL || *text == '\0')
    return CAIRN_CIN_FLAG_MISSING;
  if (g_ascii_strcasecmp (text, "true") == 0 || g_strcmp0 (text, "1") == 0)
    return CAIRN_CIN_FLAG_TRUE;
  if (g_ascii_strcasecmp (text, "false") == 0 || g_strcmp0 (text, "0") == 0)
    return CAIRN_CIN_FLAG_FALSE;
  return CAIRN_CIN_FLAG_INVALID;
}

static void
protection_plans_free (CairnCinProtectionPlan *plans,
                       guint                   n)
{
  for (guint i = 0; i < n; i++)
    g_free (plans[i].reviews);
  g_free (plans);
}

static void
episode_clear (CairnCinEpisode *episode)
{
  for (guint i = 0; i < episode->n_assessments; i++)
    g_free (episode->assessments[i].factors);
  g_free (episode->assessments);
  g_free (episode->cin_plans);
  g_free (episode->section47s);
  protection_plans_free (episode->protection_plans, episode->n_protection_plans);
  g_free (episode->pre_proceedings);
}

void
cairn_cin_census_free (CairnCinCensus *census)
{
  if (census == NULL)
    return;
  for (guint i = 0; i < census->n_children; i++)
    {
      CairnCinChild *child = &census->children[i];

      for (guint e = 0; e < child->n_episodes; e++)
        episode_clear (&child->episodes[e]);
      g_free (child->episodes);
      g_free (child->disabilities);
      protection_plans_free (child->unattached_plans, child->n_unattached_plans);
    }
  g_free (census->children);
  g_free (census->notes);
  g_free (census->name);
  if (census->strings != NULL)
    g_string_chunk_free (census->strings);
  g_free (census);
}
