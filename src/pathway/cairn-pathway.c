/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-pathway"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cairn-codes.h"
#include "cairn-data.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pathway.h"
#include "cairn-utils.h"

struct _CairnPathway
{
  GObject parent_instance;

  CairnCalendar *calendar;
  GPtrArray *editions; /* CairnEdition, by in_force_from */
};

G_DEFINE_FINAL_TYPE (CairnPathway, cairn_pathway, G_TYPE_OBJECT)

static const char *const no_kinds[] = { NULL };

static void
cairn_pathway_finalize (GObject *object)
{
  CairnPathway *self = CAIRN_PATHWAY (object);

  g_clear_object (&self->calendar);
  g_clear_pointer (&self->editions, g_ptr_array_unref);

  G_OBJECT_CLASS (cairn_pathway_parent_class)->finalize (object);
}

static void
cairn_pathway_class_init (CairnPathwayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cairn_pathway_finalize;
}

static void
cairn_pathway_init (CairnPathway *self)
{
  self->editions = g_ptr_array_new_with_free_func (g_object_unref);
}

static int
compare_editions (gconstpointer a,
                  gconstpointer b)
{
  CairnEdition *ea = *(CairnEdition **) a;
  CairnEdition *eb = *(CairnEdition **) b;

  return g_date_compare (cairn_edition_get_in_force_from (ea), cairn_edition_get_in_force_from (eb));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * cairn_pathway_new:
 * @pathways_dir: a directory of edition files (`*.json`)
 * @calendar_path: the bank holiday file
 *
 * Loads and validates every edition and the calendar. Two editions may not
 * share an id or an in-force date.
 */
CairnPathway *
cairn_pathway_new (const char  *pathways_dir,
                   const char  *calendar_path,
                   GError     **error)
{
  g_autoptr (CairnPathway) self = g_object_new (CAIRN_TYPE_PATHWAY, NULL);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  const char *name;

  self->calendar = cairn_calendar_new_from_file (calendar_path, error);
  if (self->calendar == NULL)
    return NULL;

  dir = g_dir_open (pathways_dir, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", pathways_dir, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  if (names->len == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, _("%s: no guidance editions (*.json)"),
                   pathways_dir);
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (pathways_dir, g_ptr_array_index (names, i), NULL);
      CairnEdition *edition = cairn_edition_new_from_file (path, error);

      if (edition == NULL)
        return NULL;
      for (guint k = 0; k < self->editions->len; k++)
        {
          CairnEdition *other = g_ptr_array_index (self->editions, k);
          if (strcmp (cairn_edition_get_id (other), cairn_edition_get_id (edition)) == 0 ||
              g_date_compare (cairn_edition_get_in_force_from (other),
                              cairn_edition_get_in_force_from (edition)) == 0)
            {
              g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                           _("%s: id: \"%s\" or its in-force date is also that of %s"), path,
                           cairn_edition_get_id (edition), cairn_edition_get_path (other));
              g_object_unref (edition);
              return NULL;
            }
        }
      g_ptr_array_add (self->editions, edition);
    }
  g_ptr_array_sort (self->editions, compare_editions);
  return g_steal_pointer (&self);
}

/* "path:mtime" of every file the default pathway reads, so that an edited
 * file is read again. */
static char *
data_key (const char *pathways_dir,
          const char *calendar_path)
{
  GString *key = g_string_new (NULL);
  g_autoptr (GDir) dir = g_dir_open (pathways_dir, 0, NULL);
  GStatBuf st;
  const char *name;

  if (g_stat (calendar_path, &st) == 0)
    g_string_append_printf (key, "%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";", calendar_path,
                            (gint64) st.st_mtime, (gint64) st.st_size);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (pathways_dir, name, NULL);
      if (g_stat (path, &st) == 0)
        g_string_append_printf (key, "%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";", path,
                                (gint64) st.st_mtime, (gint64) st.st_size);
    }
  return g_string_free (key, FALSE);
}

/**
 * cairn_pathway_get_default:
 *
 * The editions in `pathways/` and the calendar, from the data directory
 * that cairn_data_find_file() chooses (`CAIRN_DATA_DIR`, else the installed
 * files, else the source tree). Loaded once and read again only when a file
 * changes.
 *
 * Returns: (transfer full): the pathway, or %NULL when a file is missing or invalid
 */
CairnPathway *
cairn_pathway_get_default (GError **error)
{
  static GMutex lock;
  static CairnPathway *cached;
  static char *cached_key;
  g_autofree char *pathways_dir = NULL;
  g_autofree char *calendar_path = NULL;
  g_autofree char *key = NULL;
  CairnPathway *pathway;

  pathways_dir = cairn_data_find_file ("pathways", error);
  if (pathways_dir == NULL)
    return NULL;
  calendar_path = cairn_data_find_file (CAIRN_CALENDAR_FILE, error);
  if (calendar_path == NULL)
    return NULL;
  key = data_key (pathways_dir, calendar_path);

  g_mutex_lock (&lock);
  if (cached != NULL && g_strcmp0 (cached_key, key) == 0)
    {
      pathway = g_object_ref (cached);
      g_mutex_unlock (&lock);
      return pathway;
    }
  g_mutex_unlock (&lock);

  pathway = cairn_pathway_new (pathways_dir, calendar_path, error);
  if (pathway == NULL)
    return NULL;

  g_mutex_lock (&lock);
  g_clear_object (&cached);
  g_free (cached_key);
  cached = g_object_ref (pathway);
  cached_key = g_steal_pointer (&key);
  g_mutex_unlock (&lock);
  return pathway;
}

CairnCalendar *
cairn_pathway_get_calendar (CairnPathway *self)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY (self), NULL);
  return self->calendar;
}

guint
cairn_pathway_get_n_editions (CairnPathway *self)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY (self), 0);
  return self->editions->len;
}

/* The @i-th edition in order of coming into force. */
CairnEdition *
cairn_pathway_get_edition (CairnPathway *self,
                           guint         i)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY (self), NULL);
  g_return_val_if_fail (i < self->editions->len, NULL);
  return g_ptr_array_index (self->editions, i);
}

CairnEdition *
cairn_pathway_lookup_edition (CairnPathway *self,
                              const char   *id)
{
  g_return_val_if_fail (CAIRN_IS_PATHWAY (self), NULL);
  for (guint i = 0; id != NULL && i < self->editions->len; i++)
    if (strcmp (cairn_edition_get_id (g_ptr_array_index (self->editions, i)), id) == 0)
      return g_ptr_array_index (self->editions, i);
  return NULL;
}

/**
 * cairn_pathway_get_edition_in_force:
 *
 * The edition in force on @date: the latest to come into force on or before
 * it. Before the earliest edition, the earliest, whose rules carry the
 * limits that applied before it (W10-04: 7 working days for referrals
 * before 1 April 2010).
 */
CairnEdition *
cairn_pathway_get_edition_in_force (CairnPathway *self,
                                    const GDate  *date)
{
  CairnEdition *found;

  g_return_val_if_fail (CAIRN_IS_PATHWAY (self), NULL);
  found = g_ptr_array_index (self->editions, 0);
  for (guint i = 1; i < self->editions->len; i++)
    {
      CairnEdition *e = g_ptr_array_index (self->editions, i);
      if (g_date_compare (cairn_edition_get_in_force_from (e), date) <= 0)
        found = e;
    }
  return found;
}

/* ---- the board's configuration ---------------------------------------- */

struct _CairnPathwayConfig
{
  CairnEditionChoice choice;
  char *fixed_edition;
  GHashTable *edition_settings; /* "edition/name" → GINT_TO_POINTER (value + 1) */
  GPtrArray *overrides;         /* CairnRuleOverride */
};

/* The national defaults: editions by clock start, no overrides. */
CairnPathwayConfig *
cairn_pathway_config_new (void)
{
  CairnPathwayConfig *config = g_new0 (CairnPathwayConfig, 1);

  config->choice = CAIRN_EDITION_BY_CLOCK_START;
  config->edition_settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  config->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_rule_override_free);
  return config;
}

void
cairn_pathway_config_free (CairnPathwayConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->fixed_edition);
  g_hash_table_unref (config->edition_settings);
  g_ptr_array_unref (config->overrides);
  g_free (config);
}

/**
 * cairn_pathway_config_set_choice:
 * @value: "clock_start", "referral", or an edition id to use one edition
 *
 * Which edition applies (the board setting %CAIRN_SETTING_EDITION_CHOICE).
 */
gboolean
cairn_pathway_config_set_choice (CairnPathwayConfig  *config,
                                 CairnPathway        *pathway,
                                 const char          *value,
                                 GError             **error)
{
  g_clear_pointer (&config->fixed_edition, g_free);
  if (value == NULL || strcmp (value, "clock_start") == 0)
    config->choice = CAIRN_EDITION_BY_CLOCK_START;
  else if (strcmp (value, "referral") == 0)
    config->choice = CAIRN_EDITION_BY_REFERRAL;
  else if (cairn_pathway_lookup_edition (pathway, value) != NULL)
    {
      config->choice = CAIRN_EDITION_FIXED;
      config->fixed_edition = g_strdup (value);
    }
  else
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("%s: \"%s\" is not clock_start, referral or a guidance edition"),
                   CAIRN_SETTING_EDITION_CHOICE, value);
      return FALSE;
    }
  return TRUE;
}

/**
 * cairn_pathway_config_set_edition_setting:
 * @name: "icpc_clock_start" or "start_day"
 *
 * A board's choice for an edition setting (settings key
 * `pathway.EDITION.NAME`), for example which strategy discussion starts the
 * WT2010 ICPC clock (timescales-verified.md note 3.3).
 */
gboolean
cairn_pathway_config_set_edition_setting (CairnPathwayConfig  *config,
                                          CairnPathway        *pathway,
                                          const char          *edition,
                                          const char          *name,
                                          const char          *value,
                                          GError             **error)
{
  int v;

  if (cairn_pathway_lookup_edition (pathway, edition) == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("pathway.%s.%s: \"%s\" is not a guidance edition"), edition, name, edition);
      return FALSE;
    }
  if (g_strcmp0 (name, "icpc_clock_start") == 0)
    {
      CairnIcpcClock clock;
      if (!cairn_icpc_clock_from_string (value, &clock))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("pathway.%s.%s: \"%s\" is not first_s47_strategy_discussion or "
                         "last_strategy_discussion"),
                       edition, name, value ? value : "");
          return FALSE;
        }
      v = clock;
    }
  else if (g_strcmp0 (name, "start_day") == 0)
    {
      CairnStartDay start_day;
      if (!cairn_start_day_from_string (value, &start_day))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("pathway.%s.%s: \"%s\" is not day_0 or day_1"), edition, name,
                       value ? value : "");
          return FALSE;
        }
      v = start_day;
    }
  else
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("pathway.%s.%s: not an edition setting (icpc_clock_start, start_day)"),
                   edition, name ? name : "");
      return FALSE;
    }
  g_hash_table_insert (config->edition_settings, g_strdup_printf ("%s/%s", edition, name),
                       GINT_TO_POINTER (v + 1));
  return TRUE;
}

void
cairn_pathway_config_add_override (CairnPathwayConfig      *config,
                                   const CairnRuleOverride *override)
{
  g_ptr_array_add (config->overrides, cairn_rule_override_copy (override));
}

static int
edition_setting (const CairnPathwayConfig *config,
                 CairnEdition             *edition,
                 const char               *name)
{
  g_autofree char *key = NULL;
  gpointer v;

  if (config == NULL)
    return -1;
  key = g_strdup_printf ("%s/%s", cairn_edition_get_id (edition), name);
  v = g_hash_table_lookup (config->edition_settings, key);
  return v ? GPOINTER_TO_INT (v) - 1 : -1;
}

/**
 * cairn_pathway_config_get_choice:
 * @config: (nullable): the board's configuration, or %NULL for the default
 * @fixed_edition: (out) (optional): with %CAIRN_EDITION_FIXED, the edition's id
 *
 * Which edition applies to a clock (cairn_pathway_choose_edition()), for
 * code that applies the same choice to many clocks at once (the annual
 * statistics).
 */
CairnEditionChoice
cairn_pathway_config_get_choice (const CairnPathwayConfig  *config,
                                 const char               **fixed_edition)
{
  if (fixed_edition != NULL)
    *fixed_edition = config != NULL && config->choice == CAIRN_EDITION_FIXED ? config->fixed_edition
                                                                              : NULL;
  return config != NULL ? config->choice : CAIRN_EDITION_BY_CLOCK_START;
}

CairnIcpcClock
cairn_pathway_config_get_icpc_clock (const CairnPathwayConfig *config,
                                     CairnEdition             *edition)
{
  int v = edition_setting (config, edition, "icpc_clock_start");

  return v < 0 ? cairn_edition_get_icpc_clock (edition) : (CairnIcpcClock) v;
}

CairnStartDay
cairn_pathway_config_get_start_day (const CairnPathwayConfig *config,
                                    CairnEdition             *edition)
{
  int v = edition_setting (config, edition, "start_day");

  return v < 0 ? cairn_edition_get_start_day (edition) : (CairnStartDay) v;
}

/**
 * cairn_pathway_choose_edition:
 * @config: (nullable): the board's configuration
 * @kase: (nullable): the case, for its own edition and referral date
 * @clock_start: the day the clock starts
 *
 * The edition that sets a clock's limit: the case's own edition when one
 * was recorded (with its reason); else the board's fixed edition; else the
 * edition in force on the referral day (board choice "referral") or on the
 * day the clock starts (the default, timescales-verified.md §3.5).
 */
CairnEdition *
cairn_pathway_choose_edition (CairnPathway             *self,
                              const CairnPathwayConfig *config,
                              const CairnPathwayCase   *kase,
                              const GDate              *clock_start)
{
  CairnEdition *edition;

  if (kase != NULL && kase->edition != NULL &&
      (edition = cairn_pathway_lookup_edition (self, kase->edition)) != NULL)
    return edition;
  if (config != NULL && config->choice == CAIRN_EDITION_FIXED &&
      (edition = cairn_pathway_lookup_edition (self, config->fixed_edition)) != NULL)
    return edition;
  if (config != NULL && config->choice == CAIRN_EDITION_BY_REFERRAL && kase != NULL &&
      cairn_date_is_set (&kase->opened_on))
    return cairn_pathway_get_edition_in_force (self, &kase->opened_on);
  return cairn_pathway_get_edition_in_force (self, clock_start);
}

/* ---- rules as they apply ---------------------------------------------- */

static int
compare_overrides (gconstpointer a,
                   gconstpointer b)
{
  const CairnRuleOverride *oa = *(const CairnRuleOverride **) a;
  const CairnRuleOverride *ob = *(const CairnRuleOverride **) b;

  return g_date_compare (&oa->effective_from, &ob->effective_from);
}

/**
 * cairn_pathway_rule_variants:
 *
 * How one rule applies over time for this board: the edition's rule until
 * the board's first override of it, then each override from its effective
 * date. A board's own rule (not in the edition) has only its overrides.
 *
 * Returns: (transfer full) (element-type CairnRuleVariant): the variants in
 *   date order, borrowing from @edition and @config; empty when there is no
 *   such rule
 */
GArray *
cairn_pathway_rule_variants (CairnPathway             *self,
                             const CairnPathwayConfig *config,
                             CairnEdition             *edition,
                             const char               *rule_id)
{
  GArray *variants = g_array_new (FALSE, TRUE, sizeof (CairnRuleVariant));
  const CairnRule *rule = cairn_edition_lookup_rule (edition, rule_id);
  g_autoptr (GPtrArray) overrides = g_ptr_array_new ();

  for (guint i = 0; config != NULL && i < config->overrides->len; i++)
    {
      const CairnRuleOverride *o = g_ptr_array_index (config->overrides, i);
      if (g_strcmp0 (o->edition, cairn_edition_get_id (edition)) == 0 &&
          g_strcmp0 (o->rule_id, rule_id) == 0)
        g_ptr_array_add (overrides, (gpointer) o);
    }
  g_ptr_array_sort (overrides, compare_overrides);

  if (rule != NULL)
    {
      CairnRuleVariant v = { 0 };

      v.id = rule->id;
      v.title = rule->title;
      v.rule = rule;
      cairn_date_clear (&v.from);
      cairn_date_clear (&v.until);
      if (overrides->len > 0)
        v.until = ((const CairnRuleOverride *) g_ptr_array_index (overrides, 0))->effective_from;
      v.start = (const char *const *) rule->start;
      v.stop = (const char *const *) rule->stop;
      v.cancel = (const char *const *) rule->cancel;
      v.requires = (const char *const *) rule->requires;
      v.anchor = rule->anchor;
      v.node = rule->node;
      g_array_append_val (variants, v);
    }
  for (guint i = 0; i < overrides->len; i++)
    {
      const CairnRuleOverride *o = g_ptr_array_index (overrides, i);
      CairnRuleVariant v = { 0 };

      v.id = o->rule_id;
      v.title = o->title ? o->title : rule ? rule->title : o->rule_id;
      v.rule = rule;
      v.override = o;
      v.from = o->effective_from;
      cairn_date_clear (&v.until);
      if (i + 1 < overrides->len)
        v.until = ((const CairnRuleOverride *) g_ptr_array_index (overrides, i + 1))->effective_from;
      v.start = (const char *const *) (o->start ? o->start : rule ? rule->start : NULL);
      v.stop = (const char *const *) (o->stop ? o->stop : rule ? rule->stop : NULL);
      v.cancel = rule ? (const char *const *) rule->cancel : no_kinds;
      v.requires = rule ? (const char *const *) rule->requires : no_kinds;
      v.anchor = rule ? rule->anchor : CAIRN_ANCHOR_FIRST;
      v.node = rule ? rule->node : NULL;
      if (v.start == NULL)
        v.start = no_kinds;
      if (v.stop == NULL)
        v.stop = no_kinds;
      g_array_append_val (variants, v);
    }
  return variants;
}

/**
 * cairn_pathway_timer_rule_ids:
 *
 * The ids of the rules that can start a clock in @edition for this board:
 * the edition's computed timers, rules the board has set a limit for, and
 * the board's own rules.
 *
 * Returns: (transfer container) (element-type utf8): borrowed ids
 */
GPtrArray *
cairn_pathway_timer_rule_ids (CairnPathway             *self,
                              const CairnPathwayConfig *config,
                              CairnEdition             *edition)
{
  GPtrArray *ids = g_ptr_array_new ();
  const char *edition_id = cairn_edition_get_id (edition);

  for (guint i = 0; i < cairn_edition_get_n_rules (edition); i++)
    {
      const CairnRule *rule = cairn_edition_get_rule (edition, i);
      gboolean board = FALSE;

      for (guint k = 0; config != NULL && k < config->overrides->len; k++)
        {
          const CairnRuleOverride *o = g_ptr_array_index (config->overrides, k);
          if (strcmp (o->edition, edition_id) == 0 && strcmp (o->rule_id, rule->id) == 0)
            board = TRUE;
        }
      if ((rule->type == CAIRN_RULE_TIMER && rule->computed) || board)
        g_ptr_array_add (ids, rule->id);
    }
  for (guint k = 0; config != NULL && k < config->overrides->len; k++)
    {
      const CairnRuleOverride *o = g_ptr_array_index (config->overrides, k);
      gboolean seen = FALSE;

      if (strcmp (o->edition, edition_id) != 0 || cairn_edition_lookup_rule (edition, o->rule_id))
        continue;
      for (guint i = 0; i < ids->len; i++)
        if (strcmp (g_ptr_array_index (ids, i), o->rule_id) == 0)
          seen = TRUE;
      if (!seen)
        g_ptr_array_add (ids, o->rule_id);
    }
  return ids;
}

/* The limit a variant sets for a clock starting on @clock_start; %FALSE when
 * it sets none (no national limit, not computed, or switched off). */
gboolean
cairn_pathway_variant_limit (const CairnRuleVariant *variant,
                             const GDate            *clock_start,
                             int                    *limit,
                             CairnUnit              *unit)
{
  if (variant->override != NULL)
    {
      *limit = variant->override->limit;
      return *limit > 0 && cairn_unit_from_string (variant->override->unit, unit);
    }
  if (variant->rule != NULL && variant->rule->type == CAIRN_RULE_TIMER && variant->rule->computed)
    {
      const CairnRuleLimit *l = cairn_rule_get_limit (variant->rule, clock_start);
      if (l != NULL)
        {
          *limit = l->limit;
          *unit = l->unit;
          return TRUE;
        }
    }
  return FALSE;
}

/* Where a variant's limit comes from, for people: "WT2010 Ch.5; draft
 * ¶5.37 (VERIFIED)", or the board's source and date. */
char *
cairn_pathway_variant_source (CairnEdition           *edition,
                              const CairnRuleVariant *variant)
{
  if (variant->override != NULL)
    {
      char buf[11];
      cairn_date_format_into (&variant->override->effective_from, buf);
      return g_strdup_printf (_("%s (board setting from %s)"), variant->override->source, buf);
    }
  return g_strdup_printf ("%s %s (%s)", cairn_edition_get_short_title (edition),
                          variant->rule->reference, cairn_rule_status_to_string (variant->rule->status));
}

/**
 * cairn_pathway_compute_due:
 * @start_minute: minutes after midnight, or %CAIRN_NO_TIME
 * @due_minute: (out): the due time for hour limits, else %CAIRN_NO_TIME
 *
 * The due date of a limit counted from @start (timescales-verified.md
 * note 3.1):
 * - working days: the limit-th working day after @start (day X is day 0;
 *   with the board setting day_1, X is day 1 when it is a working day);
 * - calendar days: @start plus the limit (less one with day_1);
 * - days beginning with: @start is day 1, so @start plus the limit less one;
 * - calendar months: the same day of the month, or the last day of a
 *   shorter month;
 * - hours: elapsed UK civil time.
 */
gboolean
cairn_pathway_compute_due (CairnPathway   *self,
                           CairnStartDay   start_day,
                           int             limit,
                           CairnUnit       unit,
                           const GDate    *start,
                           int             start_minute,
                           GDate          *due,
                           int            *due_minute,
                           GError        **error)
{
  gboolean working;

  *due_minute = CAIRN_NO_TIME;
  switch (unit)
    {
    case CAIRN_UNIT_WORKING_DAYS:
      if (start_day == CAIRN_START_DAY_1 && limit > 0)
        {
          if (!cairn_calendar_is_working_day (self->calendar, start, &working, error))
            return FALSE;
          return cairn_calendar_add_working_days (self->calendar, start, working ? limit - 1 : limit,
                                                  due, error);
        }
      return cairn_calendar_add_working_days (self->calendar, start, limit, due, error);
    case CAIRN_UNIT_CALENDAR_DAYS:
      cairn_date_add_calendar_days (start, start_day == CAIRN_START_DAY_1 ? limit - 1 : limit, due);
      return TRUE;
    case CAIRN_UNIT_DAYS_BEGINNING_WITH:
      cairn_date_add_calendar_days (start, limit - 1, due);
      return TRUE;
    case CAIRN_UNIT_CALENDAR_MONTHS:
      cairn_date_add_calendar_months (start, limit, due);
      return TRUE;
    case CAIRN_UNIT_HOURS:
      cairn_time_add_hours_uk (start, start_minute, limit, due, due_minute);
      return TRUE;
    case CAIRN_UNIT_NONE:
    default:
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NO_LIMIT, _("Limit: there is no limit to count"));
      return FALSE;
    }
}

/**
 * cairn_pathway_due_date:
 * @config: (nullable): the board's configuration, or %NULL for the national rules
 * @from_minute: a time of day for hour rules (required then), else %CAIRN_NO_TIME
 * @source: (out) (optional): where the limit comes from
 *
 * The due date of one rule of one edition for a clock starting on @from,
 * with the limit in force on that day (W10-04: 7 working days before
 * 1 April 2010, 10 from that day) or the board's override. A rule with no
 * national limit, or that Cairn does not compute, fails with
 * %CAIRN_ERROR_NO_LIMIT saying so; an unknown edition or rule with
 * %CAIRN_ERROR_NOT_FOUND.
 */
gboolean
cairn_pathway_due_date (CairnPathway             *self,
                        const CairnPathwayConfig *config,
                        const char               *edition_id,
                        const char               *rule_id,
                        const GDate              *from,
                        int                       from_minute,
                        GDate                    *due,
                        int                      *due_minute,
                        char                    **source,
                        GError                  **error)
{
  CairnEdition *edition = cairn_pathway_lookup_edition (self, edition_id);
  g_autoptr (GArray) variants = NULL;
  const CairnRuleVariant *v = NULL;
  char from_text[11];
  g_autofree char *unit_text = NULL;
  int limit = 0;
  CairnUnit unit = CAIRN_UNIT_NONE;

  if (edition == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                   _("Edition: \"%s\" is not a guidance edition"), edition_id ? edition_id : "");
      return FALSE;
    }
  variants = cairn_pathway_rule_variants (self, config, edition, rule_id);
  for (guint i = 0; i < variants->len; i++)
    {
      const CairnRuleVariant *c = &g_array_index (variants, CairnRuleVariant, i);
      if ((!cairn_date_is_set (&c->from) || g_date_compare (&c->from, from) <= 0) &&
          (!cairn_date_is_set (&c->until) || g_date_compare (from, &c->until) < 0))
        v = c;
    }
  if (variants->len == 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND, _("Rule: \"%s\" is not a rule of %s"),
                   rule_id ? rule_id : "", cairn_edition_get_short_title (edition));
      return FALSE;
    }
  cairn_date_format_into (from, from_text);
  if (v == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NO_LIMIT,
                   _("%s: no limit applies to a clock starting on %s"), rule_id, from_text);
      return FALSE;
    }
  if (v->override == NULL)
    {
      const CairnRule *rule = v->rule;

      if (rule->type == CAIRN_RULE_REFERENCE)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NO_LIMIT,
                       _("%s: is not a timescale (%s: %s)"), rule->id, rule->title, rule->limit_text);
          return FALSE;
        }
      if (rule->type == CAIRN_RULE_LOCAL)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NO_LIMIT,
                       _("%s: has no national limit (%s); it is a local setting for each board"),
                       rule->id, rule->limit_text);
          return FALSE;
        }
      if (!rule->computed)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NO_LIMIT,
                       _("%s: Cairn does not compute this due date: %s"), rule->id,
                       rule->not_computed_reason);
          return FALSE;
        }
    }
  if (!cairn_pathway_variant_limit (v, from, &limit, &unit))
    {
      if (v->override != NULL)
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NO_LIMIT,
                     _("%s: the board has set no limit for clocks starting on %s (%s)"), rule_id,
                     from_text, v->override->source);
      else
        g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NO_LIMIT,
                     _("%s: no limit applies to a clock starting on %s"), rule_id, from_text);
      return FALSE;
    }
  unit_text = cairn_unit_describe (unit, limit);
  if (unit == CAIRN_UNIT_HOURS && from_minute == CAIRN_NO_TIME)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("From: %s counts %s: a date and time is required (YYYY-MM-DDTHH:MM)"), rule_id,
                   unit_text);
      return FALSE;
    }
  if (unit != CAIRN_UNIT_HOURS && from_minute != CAIRN_NO_TIME)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("From: %s counts %s: a date without a time is required (YYYY-MM-DD)"),
                   rule_id, unit_text);
      return FALSE;
    }
  if (!cairn_pathway_compute_due (self, cairn_pathway_config_get_start_day (config, edition), limit,
                                  unit, from, from_minute, due, due_minute, error))
    return FALSE;
  if (source != NULL)
    *source = cairn_pathway_variant_source (edition, v);
  return TRUE;
}

/* ---- where a case stands ---------------------------------------------- */

static int
compare_event_time (const CairnEvent *a,
                    const CairnEvent *b)
{
  int c = g_date_compare (&a->date, &b->date);

  if (c != 0)
    return c;
  return (a->minute > b->minute) - (a->minute < b->minute);
}

/* Walks the first @n_events events; @visited (one per node) receives the
 * nodes the case stood on. */
static const CairnNode *
walk (CairnEdition *edition,
      GPtrArray    *events,
      guint         n_events,
      gboolean     *visited)
{
  const CairnNode *current = NULL;

  for (guint i = 0; i < n_events && i < events->len; i++)
    {
      const CairnEvent *e = g_ptr_array_index (events, i);
      const CairnNode *node;
      gboolean in_order;

      if (e->planned)
        continue;
      node = cairn_edition_place_event (edition, current, visited, e->kind, &in_order);
      if (node != NULL && !node->parallel)
        {
          current = node;
          visited[node->index] = TRUE;
        }
    }
  return current;
}

/**
 * cairn_pathway_locate:
 * @events: (element-type CairnEvent): a case's events in date order
 * @n_events: how many of them to take into account
 *
 * The node a case stands on after its first @n_events events in @edition's
 * graph: each event moves the case to the node its kind maps to (planned
 * events, events without a stage and parallel tracks leave it where it is).
 *
 * Returns: (nullable): the node, or %NULL before any event with a stage
 */
const CairnNode *
cairn_pathway_locate (CairnEdition *edition,
                      GPtrArray    *events,
                      guint         n_events)
{
  g_autofree gboolean *visited = g_new0 (gboolean, cairn_edition_get_n_nodes (edition));

  return walk (edition, events, n_events, visited);
}

/* A reason is more than white space. */
static gboolean
reason_given (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * cairn_pathway_check_transition:
 * @events: (element-type CairnEvent): the case's recorded events in date order
 * @event: the event about to be recorded
 *
 * Checks that @event follows from where the case stands on its date. An
 * out-of-order event is refused with %CAIRN_ERROR_OUT_OF_ORDER naming both
 * stages, unless it carries an exception reason: the pathway supports
 * professional judgement and never stops a step being recorded. Planned
 * events (appointments) are not checked.
 */
gboolean
cairn_pathway_check_transition (CairnEdition      *edition,
                                GPtrArray         *events,
                                const CairnEvent  *event,
                                GError           **error)
{
  const CairnNode *current, *node;
  g_autofree gboolean *visited = NULL;
  guint n = 0;
  gboolean in_order;
  const char *label;

  if (event->planned || reason_given (event->exception_reason))
    return TRUE;
  while (n < events->len && compare_event_time (g_ptr_array_index (events, n), event) <= 0)
    n++;
  visited = g_new0 (gboolean, cairn_edition_get_n_nodes (edition));
  current = walk (edition, events, n, visited);
  node = cairn_edition_place_event (edition, current, visited, event->kind, &in_order);
  if (in_order)
    return TRUE;

  label = cairn_codes_label (CAIRN_CODES_EVENT_KIND, event->kind);
  if (current == NULL)
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_OUT_OF_ORDER,
                 _("Event: \"%s\" (stage %s, %s) cannot start a case in %s; record a reason for "
                   "the exception to go ahead"),
                 label, node->id, node->label, cairn_edition_get_title (edition));
  else
    g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_OUT_OF_ORDER,
                 _("Event: \"%s\" (stage %s, %s) does not follow stage %s, %s, where the case "
                   "stands in %s; record a reason for the exception to go ahead"),
                 label, node->id, node->label, current->id, current->label,
                 cairn_edition_get_title (edition));
  return FALSE;
}
