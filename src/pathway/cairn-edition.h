/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One edition of the statutory guidance (Working Together 2010, 2013, …) as
 * data: the pathway's nodes and edges and the timescale rules, read from
 * data/pathways/<id>.json and validated on load. */

typedef enum
{
  CAIRN_NODE_START,
  CAIRN_NODE_STEP,
  CAIRN_NODE_DECISION,
  CAIRN_NODE_END,
} CairnNodeKind;

typedef struct
{
  char *id;
  char *label;
  CairnNodeKind kind;
  char *guidance;
  char *source;
  GStrv events;          /* event kinds that place a case on this node */
  gboolean any_time;     /* a case may come here from any stage (emergency action, closure) */
  gboolean parallel;     /* a parallel track: entering it does not move the case off its stage */
  guint index;           /* position in the edition */
} CairnNode;

typedef struct
{
  char *from;
  char *to;
  char *condition;
  char *note;
  char *source;
} CairnEdge;

typedef enum
{
  CAIRN_UNIT_NONE,
  CAIRN_UNIT_WORKING_DAYS,
  CAIRN_UNIT_HOURS,
  CAIRN_UNIT_CALENDAR_DAYS,
  CAIRN_UNIT_CALENDAR_MONTHS,
  CAIRN_UNIT_DAYS_BEGINNING_WITH,
} CairnUnit;

const char *cairn_unit_to_string   (CairnUnit    unit);
gboolean    cairn_unit_from_string (const char  *text,
                                    CairnUnit   *out);
char       *cairn_unit_describe    (CairnUnit    unit,
                                    int          limit);

typedef enum
{
  CAIRN_RULE_TIMER,      /* a national limit Cairn computes a due date for */
  CAIRN_RULE_LOCAL,      /* no national limit: a local setting (a board may set one) */
  CAIRN_RULE_REFERENCE,  /* not a timescale (criteria, categories, quorum …) */
} CairnRuleType;

typedef enum
{
  CAIRN_ANCHOR_FIRST,       /* the first start event */
  CAIRN_ANCHOR_EACH,        /* every start event starts a clock (later reviews) */
  CAIRN_ANCHOR_ICPC_CLOCK,  /* chosen by the edition setting icpc_clock_start */
} CairnAnchor;

typedef enum
{
  CAIRN_RULE_VERIFIED,
  CAIRN_RULE_PLAUSIBLE,
  CAIRN_RULE_NOT_FOUND,
} CairnRuleStatus;

const char *cairn_rule_status_to_string (CairnRuleStatus status);

typedef struct
{
  GDate from;            /* clocks starting on or after this date; unset: from the beginning */
  int limit;
  CairnUnit unit;
  char *note;
} CairnRuleLimit;

typedef struct
{
  char *id;
  char *title;
  CairnRuleType type;
  char *clock_start;     /* the clock start as the guidance words it */
  GStrv start;           /* event kinds that start the clock */
  GStrv stop;            /* event kinds that stop it (the step is done) */
  GStrv cancel;          /* event kinds after which the step is no longer needed */
  GStrv requires;        /* the clock applies only when the case has one of these */
  CairnAnchor anchor;
  GArray *limits;        /* CairnRuleLimit, by from date */
  char *limit_text;      /* the limit as the register states it */
  gboolean computed;     /* FALSE: a limit exists but Cairn does not compute a date */
  char *not_computed_reason;
  char *reference;       /* where the guidance says so */
  CairnRuleStatus status;
  char *status_note;
  char *evidence;
  char *notes;
  char *node;            /* the node the rule belongs to, or NULL */
} CairnRule;

const CairnRuleLimit *cairn_rule_get_limit (const CairnRule *rule,
                                            const GDate     *clock_start);

typedef enum
{
  CAIRN_ICPC_CLOCK_FIRST_S47_STRATEGY_DISCUSSION,
  CAIRN_ICPC_CLOCK_LAST_STRATEGY_DISCUSSION,
} CairnIcpcClock;

typedef enum
{
  CAIRN_START_DAY_0,  /* day X is day 0 (timescales-verified.md note 3.1) */
  CAIRN_START_DAY_1,  /* day X is day 1 when it is a working day */
} CairnStartDay;

const char *cairn_icpc_clock_to_string   (CairnIcpcClock  clock);
gboolean    cairn_icpc_clock_from_string (const char     *text,
                                          CairnIcpcClock *out);
const char *cairn_start_day_to_string    (CairnStartDay   start_day);
gboolean    cairn_start_day_from_string  (const char     *text,
                                          CairnStartDay  *out);

#define CAIRN_TYPE_EDITION (cairn_edition_get_type ())

G_DECLARE_FINAL_TYPE (CairnEdition, cairn_edition, CAIRN, EDITION, GObject)

CairnEdition    *cairn_edition_new_from_file    (const char    *path,
                                                 GError       **error);
CairnEdition    *cairn_edition_new_from_data    (const char    *name,
                                                 const char    *json,
                                                 gssize         length,
                                                 GError       **error);

const char      *cairn_edition_get_id           (CairnEdition  *self);
const char      *cairn_edition_get_title        (CairnEdition  *self);
const char      *cairn_edition_get_short_title  (CairnEdition  *self);
const char      *cairn_edition_get_reference    (CairnEdition  *self);
const char      *cairn_edition_get_path         (CairnEdition  *self);
const GDate     *cairn_edition_get_in_force_from (CairnEdition *self);
CairnIcpcClock   cairn_edition_get_icpc_clock   (CairnEdition  *self);
CairnStartDay    cairn_edition_get_start_day    (CairnEdition  *self);

guint            cairn_edition_get_n_nodes      (CairnEdition  *self);
const CairnNode *cairn_edition_get_node         (CairnEdition  *self,
                                                 guint          i);
const CairnNode *cairn_edition_lookup_node      (CairnEdition  *self,
                                                 const char    *id);
guint            cairn_edition_get_n_edges      (CairnEdition  *self);
const CairnEdge *cairn_edition_get_edge         (CairnEdition  *self,
                                                 guint          i);
guint            cairn_edition_get_n_rules      (CairnEdition  *self);
const CairnRule *cairn_edition_get_rule         (CairnEdition  *self,
                                                 guint          i);
const CairnRule *cairn_edition_lookup_rule      (CairnEdition  *self,
                                                 const char    *id);
GPtrArray       *cairn_edition_nodes_for_event  (CairnEdition  *self,
                                                 const char    *kind);
const CairnNode *cairn_edition_place_event     (CairnEdition    *self,
                                                 const CairnNode *current,
                                                 const gboolean  *visited,
                                                 const char      *kind,
                                                 gboolean        *in_order);

G_END_DECLS
