/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-edition"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-edition.h"
#include "cairn-error.h"

/*
 * A guidance edition read from JSON (data/pathways/<id>.json). The format
 * is described in README.md ("Guidance editions"); every member is checked
 * on load and an error names the file, the item and the problem, for
 * example "wt2010.json: edges[12] (N05 → N99): to: \"N99\" is not a node".
 */

struct _CairnEdition
{
  GObject parent_instance;

  char *path;
  char *id;
  char *title;
  char *short_title;
  char *reference;
  char *in_force_evidence;
  GDate in_force_from;
  CairnIcpcClock icpc_clock;
  CairnStartDay start_day;

  GPtrArray *nodes;        /* CairnNode */
  GPtrArray *edges;        /* CairnEdge */
  GPtrArray *rules;        /* CairnRule */
  GHashTable *node_index;  /* id → CairnNode */
  GHashTable *rule_index;  /* id → CairnRule */
  GHashTable *event_nodes; /* event kind → GPtrArray of CairnNode */
  GPtrArray *out_edges;    /* per node index: GArray of guint (target node index) */
  int *distance;           /* n × n: fewest edges from i to j through passable nodes, or -1 */
};

G_DEFINE_FINAL_TYPE (CairnEdition, cairn_edition, G_TYPE_OBJECT)

static const char *unit_names[] = {
  [CAIRN_UNIT_NONE] = "none",
  [CAIRN_UNIT_WORKING_DAYS] = "working_days",
  [CAIRN_UNIT_HOURS] = "hours",
  [CAIRN_UNIT_CALENDAR_DAYS] = "calendar_days",
  [CAIRN_UNIT_CALENDAR_MONTHS] = "calendar_months",
  [CAIRN_UNIT_DAYS_BEGINNING_WITH] = "days_beginning_with",
};

const char *
cairn_unit_to_string (CairnUnit unit)
{
  g_return_val_if_fail (unit <= CAIRN_UNIT_DAYS_BEGINNING_WITH, "none");
  return unit_names[unit];
}

/* Accepts the units a limit may have; "none" is not one of them. */
gboolean
cairn_unit_from_string (const char *text,
                        CairnUnit  *out)
{
  for (guint i = CAIRN_UNIT_WORKING_DAYS; i < G_N_ELEMENTS (unit_names); i++)
    if (g_strcmp0 (text, unit_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* "10 working days", "72 hours", "3 months", "7 days beginning with the start day". */
char *
cairn_unit_describe (CairnUnit unit,
                     int       limit)
{
  switch (unit)
    {
    case CAIRN_UNIT_WORKING_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", limit),
                              limit);
    case CAIRN_UNIT_HOURS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", limit), limit);
    case CAIRN_UNIT_CALENDAR_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", limit), limit);
    case CAIRN_UNIT_CALENDAR_MONTHS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", limit), limit);
    case CAIRN_UNIT_DAYS_BEGINNING_WITH:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day beginning with the start day",
                                           "%d days beginning with the start day", limit),
                              limit);
    case CAIRN_UNIT_NONE:
    default:
      return g_strdup (_("no limit"));
    }
}

const char *
cairn_rule_status_to_string (CairnRuleStatus status)
{
  switch (status)
    {
    case CAIRN_RULE_VERIFIED:
      return "VERIFIED";
    case CAIRN_RULE_PLAUSIBLE:
      return "PLAUSIBLE";
    case CAIRN_RULE_NOT_FOUND:
    default:
      return "NOT FOUND";
    }
}

static const char *icpc_clock_names[] = {
  [CAIRN_ICPC_CLOCK_FIRST_S47_STRATEGY_DISCUSSION] = "first_s47_strategy_discussion",
  [CAIRN_ICPC_CLOCK_LAST_STRATEGY_DISCUSSION] = "last_strategy_discussion",
};

const char *
cairn_icpc_clock_to_string (CairnIcpcClock clock)
{
  g_return_val_if_fail (clock < G_N_ELEMENTS (icpc_clock_names), NULL);
  return icpc_clock_names[clock];
}

gboolean
cairn_icpc_clock_from_string (const char     *text,
                              CairnIcpcClock *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (icpc_clock_names); i++)
    if (g_strcmp0 (text, icpc_clock_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static const char *start_day_names[] = {
  [CAIRN_START_DAY_0] = "day_0",
  [CAIRN_START_DAY_1] = "day_1",
};

const char *
cairn_start_day_to_string (CairnStartDay start_day)
{
  g_return_val_if_fail (start_day < G_N_ELEMENTS (start_day_names), NULL);
  return start_day_names[start_day];
}

gboolean
cairn_start_day_from_string (const char    *text,
                             CairnStartDay *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (start_day_names); i++)
    if (g_strcmp0 (text, start_day_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* The limit that applies to a clock starting on @clock_start: the last one
 * whose from date is on or before it. %NULL when none does. */
const CairnRuleLimit *
cairn_rule_get_limit (const CairnRule *rule,
                      const GDate     *clock_start)
{
  const CairnRuleLimit *found = NULL;

  for (guint i = 0; rule->limits != NULL && i < rule->limits->len; i++)
    {
      const CairnRuleLimit *l = &g_array_index (rule->limits, CairnRuleLimit, i);
      if (!cairn_date_is_set (&l->from) || g_date_compare (&l->from, clock_start) <= 0)
        found = l;
    }
  return found;
}

static void
node_free (gpointer data)
{
  CairnNode *n = data;

  g_free (n->id);
  g_free (n->label);
  g_free (n->guidance);
  g_free (n->source);
  g_strfreev (n->events);
  g_free (n);
}

static void
edge_free (gpointer data)
{
  CairnEdge *e = data;

  g_free (e->from);
  g_free (e->to);
  g_free (e->condition);
  g_free (e->note);
  g_free (e->source);
  g_free (e);
}

static void
limit_clear (gpointer data)
{
  g_free (((CairnRuleLimit *) data)->note);
}

static void
rule_free (gpointer data)
{
  CairnRule *r = data;

  g_free (r->id);
  g_free (r->title);
  g_free (r->clock_start);
  g_strfreev (r->start);
  g_strfreev (r->stop);
  g_strfreev (r->cancel);
  g_strfreev (r->requires);
  g_clear_pointer (&r->limits, g_array_unref);
  g_free (r->limit_text);
  g_free (r->not_computed_reason);
  g_free (r->reference);
  g_free (r->status_note);
  g_free (r->evidence);
  g_free (r->notes);
  g_free (r->node);
  g_free (r);
}

static void
cairn_edition_finalize (GObject *object)
{
  CairnEdition *self = CAIRN_EDITION (object);

  g_free (self->path);
  g_free (self->id);
  g_free (self->title);
  g_free (self->short_title);
  g_free (self->reference);
  g_free (self->in_force_evidence);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  g_clear_pointer (&self->rule_index, g_hash_table_unref);
  g_clear_pointer (&self->event_nodes, g_hash_table_unref);
  g_clear_pointer (&self->out_edges, g_ptr_array_unref);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->distance, g_free);
  g_clear_pointer (&self->edges, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);

  G_OBJECT_CLASS (cairn_edition_parent_class)->finalize (object);
}

static void
cairn_edition_class_init (CairnEditionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cairn_edition_finalize;
}

static void
cairn_edition_init (CairnEdition *self)
{
  self->nodes = g_ptr_array_new_with_free_func (node_free);
  self->edges = g_ptr_array_new_with_free_func (edge_free);
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->rule_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_nodes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  self->out_edges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  cairn_date_clear (&self->in_force_from);
}

/* ---- reading ---------------------------------------------------------- */

static void compute_distances (CairnEdition *self);

typedef struct
{
  const char *file;
  GError **error;
} Reader;

static gboolean
fail (Reader     *r,
      const char *item,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader     *r,
      const char *item,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *problem = NULL;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (r->error, CAIRN_ERROR, CAIRN_ERROR_INVALID, "%s: %s: %s", r->file, item, problem);
  return FALSE;
}

/* Refuses members not in @allowed (NULL-terminated), so that a typo such as
 * "stpo" is an error rather than a silently missing rule. */
static gboolean
check_members (Reader      *r,
               const char  *item,
               JsonObject  *obj,
               const char **allowed)
{
  g_autoptr (GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return fail (r, item, _("unknown member \"%s\""), (const char *) l->data);
  return TRUE;
}

static gboolean
get_string (Reader      *r,
            const char  *item,
            JsonObject  *obj,
            const char  *member,
            gboolean     required,
            char       **out)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (r, item, _("%s: is required"), member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (r, item, _("%s: is not a string"), member);
  if (required && *json_node_get_string (node) == '\0')
    return fail (r, item, _("%s: is empty"), member);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_bool (Reader     *r,
          const char *item,
          JsonObject *obj,
          const char *member,
          gboolean    fallback,
          gboolean   *out)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = fallback;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (r, item, _("%s: is not true or false"), member);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_date (Reader     *r,
          const char *item,
          JsonObject *obj,
          const char *member,
          gboolean    required,
          GDate      *out)
{
  g_autofree char *text = NULL;

  cairn_date_clear (out);
  if (!get_string (r, item, obj, member, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!cairn_date_parse (member, text, out, NULL))
    return fail (r, item, _("%s: \"%s\" is not a date (YYYY-MM-DD)"), member, text);
  return TRUE;
}

/* A list of event kinds: every one must be in the event kind code list. */
static gboolean
get_kinds (Reader      *r,
           const char  *item,
           JsonObject  *obj,
           const char  *member,
           GStrv       *out)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (r, item, _("%s: is not a list of event kinds"), member);
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);
          const char *kind;

          if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
            return fail (r, item, _("%s[%u]: is not a string"), member, i);
          kind = json_node_get_string (e);
          if (!cairn_codes_contains (CAIRN_CODES_EVENT_KIND, kind))
            return fail (r, item, _("%s: \"%s\" is not an event kind (src/core/cairn-codes.c)"),
                         member, kind);
          g_strv_builder_add (builder, kind);
        }
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static JsonArray *
get_array (Reader     *r,
           JsonObject *obj,
           const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (r, member, _("is required and must be a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (Reader     *r,
                JsonArray  *array,
                guint       i,
                const char *what)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", what, i);
      fail (r, item, _("is not an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_settings (CairnEdition *self,
               Reader       *r,
               JsonObject   *root)
{
  static const char *allowed[] = { "icpc_clock_start", "icpc_clock_start_note", "start_day",
                                   "start_day_note", NULL };
  JsonNode *node = json_object_get_member (root, "settings");
  JsonObject *settings;
  g_autofree char *icpc = NULL;
  g_autofree char *start_day = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, "settings", _("is required and must be an object"));
  settings = json_node_get_object (node);
  if (!check_members (r, "settings", settings, allowed) ||
      !get_string (r, "settings", settings, "icpc_clock_start", TRUE, &icpc) ||
      !get_string (r, "settings", settings, "start_day", TRUE, &start_day))
    return FALSE;
  if (!cairn_icpc_clock_from_string (icpc, &self->icpc_clock))
    return fail (r, "settings", _("icpc_clock_start: \"%s\" is not %s or %s"), icpc,
                 icpc_clock_names[0], icpc_clock_names[1]);
  if (!cairn_start_day_from_string (start_day, &self->start_day))
    return fail (r, "settings", _("start_day: \"%s\" is not %s or %s"), start_day,
                 start_day_names[0], start_day_names[1]);
  return TRUE;
}

static gboolean
read_nodes (CairnEdition *self,
            Reader       *r,
            JsonObject   *root)
{
  static const char *allowed[] = { "id", "label", "kind", "guidance", "source", "events",
                                   "any_time", "parallel", "note", NULL };
  static const char *kinds[] = { "start", "step", "decision", "end", NULL };
  JsonArray *array = get_array (r, root, "nodes");

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = element_object (r, array, i, "nodes");
      g_autofree char *item = NULL;
      g_autofree char *kind = NULL;
      CairnNode *node;
      CairnNode *other;

      if (obj == NULL)
        return FALSE;
      node = g_new0 (CairnNode, 1);
      g_ptr_array_add (self->nodes, node);
      item = g_strdup_printf ("nodes[%u]", i);
      if (!get_string (r, item, obj, "id", TRUE, &node->id))
        return FALSE;
      g_free (item);
      item = g_strdup_printf ("nodes[%s]", node->id);
      if (!check_members (r, item, obj, allowed) ||
          !get_string (r, item, obj, "label", TRUE, &node->label) ||
          !get_string (r, item, obj, "kind", TRUE, &kind) ||
          !get_string (r, item, obj, "guidance", FALSE, &node->guidance) ||
          !get_string (r, item, obj, "source", TRUE, &node->source) ||
          !get_kinds (r, item, obj, "events", &node->events) ||
          !get_bool (r, item, obj, "any_time", FALSE, &node->any_time) ||
          !get_bool (r, item, obj, "parallel", FALSE, &node->parallel))
        return FALSE;
      for (guint k = 0; kinds[k] != NULL; k++)
        if (strcmp (kind, kinds[k]) == 0)
          node->kind = k;
      if (!g_strv_contains (kinds, kind))
        return fail (r, item, _("kind: \"%s\" is not start, step, decision or end"), kind);
      if ((other = g_hash_table_lookup (self->node_index, node->id)) != NULL)
        return fail (r, item, _("duplicate id (another node has the id \"%s\")"), node->id);
      g_hash_table_insert (self->node_index, node->id, node);
      node->index = i;
      g_ptr_array_add (self->out_edges, g_array_new (FALSE, FALSE, sizeof (guint)));
      for (guint k = 0; node->events[k] != NULL; k++)
        {
          GPtrArray *list = g_hash_table_lookup (self->event_nodes, node->events[k]);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (self->event_nodes, node->events[k], list);
            }
          g_ptr_array_add (list, node);
        }
    }
  if (self->nodes->len == 0)
    return fail (r, "nodes", _("no nodes"));
  return TRUE;
}

static guint
node_position (CairnEdition *self,
               const CairnNode *node)
{
  guint i;

  if (node != NULL && g_ptr_array_find (self->nodes, node, &i))
    return i;
  return G_MAXUINT;
}

static gboolean
read_edges (CairnEdition *self,
            Reader       *r,
            JsonObject   *root)
{
  static const char *allowed[] = { "from", "to", "condition", "note", "source", NULL };
  JsonArray *array = get_array (r, root, "edges");

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = element_object (r, array, i, "edges");
      g_autofree char *item = NULL;
      CairnEdge *edge;
      CairnNode *from, *to;
      guint target;

      if (obj == NULL)
        return FALSE;
      edge = g_new0 (CairnEdge, 1);
      g_ptr_array_add (self->edges, edge);
      item = g_strdup_printf ("edges[%u]", i);
      if (!check_members (r, item, obj, allowed) ||
          !get_string (r, item, obj, "from", TRUE, &edge->from) ||
          !get_string (r, item, obj, "to", TRUE, &edge->to))
        return FALSE;
      g_free (item);
      item = g_strdup_printf ("edges[%u] (%s → %s)", i, edge->from, edge->to);
      if (!get_string (r, item, obj, "condition", TRUE, &edge->condition) ||
          !get_string (r, item, obj, "note", FALSE, &edge->note) ||
          !get_string (r, item, obj, "source", FALSE, &edge->source))
        return FALSE;
      from = g_hash_table_lookup (self->node_index, edge->from);
      to = g_hash_table_lookup (self->node_index, edge->to);
      if (from == NULL)
        return fail (r, item, _("from: \"%s\" is not a node"), edge->from);
      if (to == NULL)
        return fail (r, item, _("to: \"%s\" is not a node"), edge->to);
      if (from->kind == CAIRN_NODE_END)
        return fail (r, item, _("from: \"%s\" is an end node"), edge->from);
      target = node_position (self, to);
      g_array_append_val (g_ptr_array_index (self->out_edges, node_position (self, from)), target);
    }
  return TRUE;
}

/* Every node can be reached from a start node. */
static gboolean
check_reachable (CairnEdition *self,
                 Reader       *r)
{
  g_autofree gboolean *seen = g_new0 (gboolean, self->nodes->len);
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean have_start = FALSE;

  for (guint i = 0; i < self->nodes->len; i++)
    if (((CairnNode *) g_ptr_array_index (self->nodes, i))->kind == CAIRN_NODE_START)
      {
        have_start = TRUE;
        seen[i] = TRUE;
        g_array_append_val (queue, i);
      }
  if (!have_start)
    return fail (r, "nodes", _("no start node (a node with \"kind\": \"start\")"));
  for (guint q = 0; q < queue->len; q++)
    {
      GArray *out = g_ptr_array_index (self->out_edges, g_array_index (queue, guint, q));
      for (guint k = 0; k < out->len; k++)
        {
          guint t = g_array_index (out, guint, k);
          if (!seen[t])
            {
              seen[t] = TRUE;
              g_array_append_val (queue, t);
            }
        }
    }
  for (guint i = 0; i < self->nodes->len; i++)
    if (!seen[i])
      {
        CairnNode *n = g_ptr_array_index (self->nodes, i);
        g_autofree char *item = g_strdup_printf ("nodes[%s]", n->id);
        return fail (r, item, _("unreachable: no path leads to it from a start node"));
      }
  return TRUE;
}

static gboolean
read_limits (Reader     *r,
             const char *item,
             JsonObject *obj,
             CairnRule  *rule)
{
  static const char *allowed[] = { "from", "limit", "unit", "note", NULL };
  JsonNode *node = json_object_get_member (obj, "limits");
  JsonArray *array;

  rule->limits = g_array_new (FALSE, TRUE, sizeof (CairnRuleLimit));
  g_array_set_clear_func (rule->limits, limit_clear);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, item, _("limits: is not a list"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      JsonObject *lo;
      JsonNode *value;
      g_autofree char *sub = g_strdup_printf ("%s.limits[%u]", item, i);
      g_autofree char *unit = NULL;
      CairnRuleLimit limit = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (e))
        return fail (r, sub, _("is not an object"));
      lo = json_node_get_object (e);
      if (!check_members (r, sub, lo, allowed) ||
          !get_date (r, sub, lo, "from", i > 0, &limit.from) ||
          !get_string (r, sub, lo, "unit", TRUE, &unit) ||
          !get_string (r, sub, lo, "note", FALSE, &limit.note))
        {
          g_free (limit.note);
          return FALSE;
        }
      g_array_append_val (rule->limits, limit);
      if (!cairn_unit_from_string (unit, &g_array_index (rule->limits, CairnRuleLimit, i).unit))
        return fail (r, sub,
                     _("unit: \"%s\" is not a unit (working_days, hours, calendar_days, "
                       "calendar_months, days_beginning_with)"),
                     unit);
      value = json_object_get_member (lo, "limit");
      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
          json_node_get_value_type (value) != G_TYPE_INT64)
        return fail (r, sub, _("limit: is required and must be a whole number"));
      if (json_node_get_int (value) < 1 || json_node_get_int (value) > 10000)
        return fail (r, sub, _("limit: %" G_GINT64_FORMAT " is not between 1 and 10000"),
                     json_node_get_int (value));
      g_array_index (rule->limits, CairnRuleLimit, i).limit = (int) json_node_get_int (value);
      if (i > 0 && cairn_date_is_set (&g_array_index (rule->limits, CairnRuleLimit, i - 1).from) &&
          g_date_compare (&g_array_index (rule->limits, CairnRuleLimit, i).from,
                          &g_array_index (rule->limits, CairnRuleLimit, i - 1).from) <= 0)
        return fail (r, sub, _("from: limits must be in date order"));
    }
  return TRUE;
}

static gboolean
read_rules (CairnEdition *self,
            Reader       *r,
            JsonObject   *root)
{
  static const char *allowed[] = { "id", "title", "type", "clock_start", "start", "stop",
                                   "cancel", "requires", "anchor", "limits", "limit_text",
                                   "computed", "not_computed_reason", "reference", "status",
                                   "status_note", "evidence", "notes", "node", NULL };
  static const char *types[] = { "timer", "local", "reference", NULL };
  static const char *anchors[] = { "first", "each", "icpc_clock_start", NULL };
  static const char *statuses[] = { "VERIFIED", "PLAUSIBLE", "NOT FOUND", NULL };
  JsonArray *array = get_array (r, root, "rules");

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = element_object (r, array, i, "rules");
      g_autofree char *item = NULL;
      g_autofree char *type = NULL;
      g_autofree char *anchor = NULL;
      g_autofree char *status = NULL;
      CairnRule *rule;

      if (obj == NULL)
        return FALSE;
      rule = g_new0 (CairnRule, 1);
      g_ptr_array_add (self->rules, rule);
      item = g_strdup_printf ("rules[%u]", i);
      if (!get_string (r, item, obj, "id", TRUE, &rule->id))
        return FALSE;
      g_free (item);
      item = g_strdup_printf ("rules[%s]", rule->id);
      if (!check_members (r, item, obj, allowed) ||
          !get_string (r, item, obj, "title", TRUE, &rule->title) ||
          !get_string (r, item, obj, "type", TRUE, &type) ||
          !get_string (r, item, obj, "clock_start", FALSE, &rule->clock_start) ||
          !get_kinds (r, item, obj, "start", &rule->start) ||
          !get_kinds (r, item, obj, "stop", &rule->stop) ||
          !get_kinds (r, item, obj, "cancel", &rule->cancel) ||
          !get_kinds (r, item, obj, "requires", &rule->requires) ||
          !get_string (r, item, obj, "anchor", FALSE, &anchor) ||
          !read_limits (r, item, obj, rule) ||
          !get_string (r, item, obj, "limit_text", TRUE, &rule->limit_text) ||
          !get_bool (r, item, obj, "computed", TRUE, &rule->computed) ||
          !get_string (r, item, obj, "not_computed_reason", FALSE, &rule->not_computed_reason) ||
          !get_string (r, item, obj, "reference", TRUE, &rule->reference) ||
          !get_string (r, item, obj, "status", TRUE, &status) ||
          !get_string (r, item, obj, "status_note", FALSE, &rule->status_note) ||
          !get_string (r, item, obj, "evidence", TRUE, &rule->evidence) ||
          !get_string (r, item, obj, "notes", FALSE, &rule->notes) ||
          !get_string (r, item, obj, "node", FALSE, &rule->node))
        return FALSE;

      if (g_hash_table_contains (self->rule_index, rule->id))
        return fail (r, item, _("duplicate id (another rule has the id \"%s\")"), rule->id);
      g_hash_table_insert (self->rule_index, rule->id, rule);

      if (!g_strv_contains (types, type))
        return fail (r, item, _("type: \"%s\" is not timer, local or reference"), type);
      rule->type = strcmp (type, "timer") == 0   ? CAIRN_RULE_TIMER
                   : strcmp (type, "local") == 0 ? CAIRN_RULE_LOCAL
                                                 : CAIRN_RULE_REFERENCE;
      if (anchor != NULL && !g_strv_contains (anchors, anchor))
        return fail (r, item, _("anchor: \"%s\" is not first, each or icpc_clock_start"), anchor);
      rule->anchor = anchor == NULL || strcmp (anchor, "first") == 0 ? CAIRN_ANCHOR_FIRST
                     : strcmp (anchor, "each") == 0                  ? CAIRN_ANCHOR_EACH
                                                                     : CAIRN_ANCHOR_ICPC_CLOCK;
      if (!g_strv_contains (statuses, status))
        return fail (r, item, _("status: \"%s\" is not VERIFIED, PLAUSIBLE or NOT FOUND"), status);
      rule->status = strcmp (status, "VERIFIED") == 0    ? CAIRN_RULE_VERIFIED
                     : strcmp (status, "PLAUSIBLE") == 0 ? CAIRN_RULE_PLAUSIBLE
                                                         : CAIRN_RULE_NOT_FOUND;
      if (rule->node != NULL && !g_hash_table_contains (self->node_index, rule->node))
        return fail (r, item, _("node: \"%s\" is not a node"), rule->node);

      switch (rule->type)
        {
        case CAIRN_RULE_TIMER:
          if (rule->limits->len == 0)
            return fail (r, item, _("limits: a timer needs at least one limit"));
          if (g_strv_length (rule->start) == 0)
            return fail (r, item, _("start: a timer needs at least one start event"));
          if (g_strv_length (rule->stop) == 0)
            return fail (r, item, _("stop: a timer needs at least one stop event"));
          if (!rule->computed && rule->not_computed_reason == NULL)
            return fail (r, item, _("not_computed_reason: is required when computed is false"));
          if (rule->anchor == CAIRN_ANCHOR_ICPC_CLOCK && g_strv_length (rule->requires) == 0)
            return fail (r, item,
                         _("requires: an icpc_clock_start anchor needs the event that "
                           "initiates section 47 enquiries"));
          break;
        case CAIRN_RULE_LOCAL:
        case CAIRN_RULE_REFERENCE:
        default:
          if (rule->limits->len > 0)
            return fail (r, item,
                         _("limits: a %s rule has no national limit (make it a timer, or "
                           "leave the limit to a board's local setting)"),
                         type);
          break;
        }
    }
  return TRUE;
}

static gboolean
read_edition (CairnEdition *self,
              Reader       *r,
              JsonObject   *root)
{
  static const char *allowed[] = { "format", "version", "id", "title", "short_title", "reference",
                                   "in_force_from", "in_force_evidence", "register", "settings",
                                   "nodes", "edges", "rules", NULL };
  g_autofree char *format = NULL;
  JsonNode *version;

  if (!check_members (r, "edition", root, allowed) ||
      !get_string (r, "edition", root, "format", TRUE, &format))
    return FALSE;
  if (strcmp (format, "cairn-pathway") != 0)
    return fail (r, "format", _("\"%s\" is not \"cairn-pathway\""), format);
  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) != 1)
    return fail (r, "version", _("this version of Cairn reads version 1"));
  if (!get_string (r, "edition", root, "id", TRUE, &self->id) ||
      !get_string (r, "edition", root, "title", TRUE, &self->title) ||
      !get_string (r, "edition", root, "short_title", TRUE, &self->short_title) ||
      !get_string (r, "edition", root, "reference", TRUE, &self->reference) ||
      !get_string (r, "edition", root, "in_force_evidence", FALSE, &self->in_force_evidence) ||
      !get_date (r, "edition", root, "in_force_from", TRUE, &self->in_force_from) ||
      !read_settings (self, r, root) || !read_nodes (self, r, root) ||
      !read_edges (self, r, root) || !check_reachable (self, r) || !read_rules (self, r, root))
    return FALSE;
  compute_distances (self);
  return TRUE;
}

/**
 * cairn_edition_new_from_data:
 * @name: the file name, used in error messages
 *
 * Reads and validates an edition. Errors (%CAIRN_ERROR_INVALID) name the
 * file, the item and the problem: an unknown node in an edge, an
 * unreachable node, no start node, an unknown unit or event kind, a
 * duplicate id, a bad date, an unknown member.
 */
CairnEdition *
cairn_edition_new_from_data (const char  *name,
                             const char  *json,
                             gssize       length,
                             GError     **error)
{
  g_autoptr (CairnEdition) self = g_object_new (CAIRN_TYPE_EDITION, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local_error = NULL;
  Reader r = { name, error };
  JsonNode *root;

  self->path = g_strdup (name);
  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, "%s: %s", name, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: is not a JSON object"), name);
      return NULL;
    }
  if (!read_edition (self, &r, json_node_get_object (root)))
    return NULL;
  return g_steal_pointer (&self);
}

CairnEdition *
cairn_edition_new_from_file (const char  *path,
                             GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr (GError) local_error = NULL;

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, local_error->message);
      return NULL;
    }
  return cairn_edition_new_from_data (path, text, length, error);
}

/* ---- accessors -------------------------------------------------------- */

const char *
cairn_edition_get_id (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  return self->id;
}

const char *
cairn_edition_get_title (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  return self->title;
}

const char *
cairn_edition_get_short_title (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  return self->short_title;
}

const char *
cairn_edition_get_reference (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  return self->reference;
}

const char *
cairn_edition_get_path (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  return self->path;
}

const GDate *
cairn_edition_get_in_force_from (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  return &self->in_force_from;
}

CairnIcpcClock
cairn_edition_get_icpc_clock (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), 0);
  return self->icpc_clock;
}

CairnStartDay
cairn_edition_get_start_day (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), 0);
  return self->start_day;
}

guint
cairn_edition_get_n_nodes (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), 0);
  return self->nodes->len;
}

const CairnNode *
cairn_edition_get_node (CairnEdition *self,
                        guint         i)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  g_return_val_if_fail (i < self->nodes->len, NULL);
  return g_ptr_array_index (self->nodes, i);
}

const CairnNode *
cairn_edition_lookup_node (CairnEdition *self,
                           const char   *id)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  return id ? g_hash_table_lookup (self->node_index, id) : NULL;
}

guint
cairn_edition_get_n_edges (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), 0);
  return self->edges->len;
}

const CairnEdge *
cairn_edition_get_edge (CairnEdition *self,
                        guint         i)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  g_return_val_if_fail (i < self->edges->len, NULL);
  return g_ptr_array_index (self->edges, i);
}

guint
cairn_edition_get_n_rules (CairnEdition *self)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), 0);
  return self->rules->len;
}

const CairnRule *
cairn_edition_get_rule (CairnEdition *self,
                        guint         i)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  g_return_val_if_fail (i < self->rules->len, NULL);
  return g_ptr_array_index (self->rules, i);
}

const CairnRule *
cairn_edition_lookup_rule (CairnEdition *self,
                           const char   *id)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  return id ? g_hash_table_lookup (self->rule_index, id) : NULL;
}

/**
 * cairn_edition_nodes_for_event:
 *
 * Returns: (transfer none) (nullable) (element-type CairnNode): the nodes an
 *   event of @kind places a case on, or %NULL when the kind has no stage
 *   (a note, a home visit, an acknowledgement)
 */
GPtrArray *
cairn_edition_nodes_for_event (CairnEdition *self,
                               const char   *kind)
{
  g_return_val_if_fail (CAIRN_IS_EDITION (self), NULL);
  return kind ? g_hash_table_lookup (self->event_nodes, kind) : NULL;
}

/* A case passes through a node without an event being recorded there when
 * the node is a decision or has no events: the step is implicit. */
static gboolean
passable (const CairnNode *node)
{
  return node->kind == CAIRN_NODE_DECISION || node->events == NULL || node->events[0] == NULL;
}

/* Fills the distance table: for each node, a breadth-first search that
 * goes on only through passable nodes. distance[i][i] is the shortest
 * cycle back to i, or -1. */
static void
compute_distances (CairnEdition *self)
{
  guint n = self->nodes->len;
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));

  self->distance = g_new (int, (gsize) n * n);
  for (guint i = 0; i < n * n; i++)
    self->distance[i] = -1;
  for (guint from = 0; from < n; from++)
    {
      int *row = self->distance + (gsize) from * n;
      g_autofree int *seen = g_new (int, n);

      for (guint i = 0; i < n; i++)
        seen[i] = -1;
      g_array_set_size (queue, 0);
      seen[from] = 0;
      g_array_append_val (queue, from);
      for (guint q = 0; q < queue->len; q++)
        {
          guint at = g_array_index (queue, guint, q);
          GArray *out = g_ptr_array_index (self->out_edges, at);

          if (at != from && !passable (g_ptr_array_index (self->nodes, at)))
            continue;
          for (guint k = 0; k < out->len; k++)
            {
              guint t = g_array_index (out, guint, k);
              if (row[t] < 0)
                row[t] = seen[at] + 1;
              if (seen[t] < 0)
                {
                  seen[t] = seen[at] + 1;
                  g_array_append_val (queue, t);
                }
            }
        }
    }
}

static int
distance (CairnEdition    *self,
          const CairnNode *from,
          const CairnNode *to)
{
  return self->distance[(gsize) from->index * self->nodes->len + to->index];
}

/**
 * cairn_edition_place_event:
 * @current: (nullable): the node the case stands on, or %NULL before its first event
 * @visited: (nullable): for each node (by its index), whether the case has
 *   stood on it; %NULL when it has stood only on @current
 * @in_order: (out): whether the event follows along the pathway
 *
 * The node an event of @kind places the case on, and whether that is in
 * order. An event is in order when its node follows from where the case
 * stands, or from a stage it has passed through (a further strategy
 * discussion during section 47 enquiries does not make the conference that
 * follows out of order), through decisions and steps that record nothing.
 * Among the nodes the kind maps to, the one reached in the fewest steps from
 * @current wins; then @current itself (a repeated step); then the nearest
 * from an earlier stage; then a node a case may reach from any stage. When
 * none follows, the event is out of order and the first node is returned:
 * with a recorded reason the case moves there anyway.
 *
 * Returns: (nullable): the node, or %NULL when @kind has no stage (then
 *   @in_order is %TRUE)
 */
const CairnNode *
cairn_edition_place_event (CairnEdition    *self,
                           const CairnNode *current,
                           const gboolean  *visited,
                           const char      *kind,
                           gboolean        *in_order)
{
  GPtrArray *candidates = cairn_edition_nodes_for_event (self, kind);
  const CairnNode *best = NULL;
  int best_distance = G_MAXINT;

  *in_order = TRUE;
  if (candidates == NULL || candidates->len == 0)
    return NULL;

  /* Forward from where the case stands (from a start node before its first event). */
  for (guint i = 0; i < candidates->len; i++)
    {
      const CairnNode *c = g_ptr_array_index (candidates, i);

      for (guint s = 0; s < self->nodes->len; s++)
        {
          const CairnNode *from = g_ptr_array_index (self->nodes, s);
          int d;

          if (current != NULL ? from != current : from->kind != CAIRN_NODE_START)
            continue;
          d = current == NULL && from == c ? 0 : distance (self, from, c);
          if (d >= 0 && d < best_distance)
            {
              best = c;
              best_distance = d;
            }
        }
    }
  if (best != NULL)
    return best;
  for (guint i = 0; i < candidates->len; i++)
    if (g_ptr_array_index (candidates, i) == current)
      return current;

  /* From a stage the case has passed through. */
  for (guint i = 0; visited != NULL && i < candidates->len; i++)
    {
      const CairnNode *c = g_ptr_array_index (candidates, i);

      for (guint v = 0; v < self->nodes->len; v++)
        {
          const CairnNode *from = g_ptr_array_index (self->nodes, v);
          int d;

          if (!visited[v])
            continue;
          d = from == c ? 0 : distance (self, from, c);
          if (d >= 0 && d < best_distance)
            {
              best = c;
              best_distance = d;
            }
        }
    }
  if (best != NULL)
    return best;

  for (guint i = 0; i < candidates->len; i++)
    if (((const CairnNode *) g_ptr_array_index (candidates, i))->any_time)
      return g_ptr_array_index (candidates, i);

  *in_order = FALSE;
  return g_ptr_array_index (candidates, 0);
}
