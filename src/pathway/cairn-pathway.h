/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cairn-calendar.h"
#include "cairn-case.h"
#include "cairn-edition.h"
#include "cairn-rule-override.h"

G_BEGIN_DECLS

/* The guidance editions and the working-day calendar together, plus the
 * board's choices (which edition applies, edition settings, rule
 * overrides). Everything here is pure: the functions that read and write a
 * board's database are in cairn-case-pathway.h. */

#define CAIRN_TYPE_PATHWAY (cairn_pathway_get_type ())

G_DECLARE_FINAL_TYPE (CairnPathway, cairn_pathway, CAIRN, PATHWAY, GObject)

CairnPathway  *cairn_pathway_new                  (const char      *pathways_dir,
                                                   const char      *calendar_path,
                                                   GError         **error);
CairnPathway  *cairn_pathway_get_default          (GError         **error);

CairnCalendar *cairn_pathway_get_calendar         (CairnPathway    *self);
guint          cairn_pathway_get_n_editions       (CairnPathway    *self);
CairnEdition  *cairn_pathway_get_edition          (CairnPathway    *self,
                                                   guint            i);
CairnEdition  *cairn_pathway_lookup_edition       (CairnPathway    *self,
                                                   const char      *id);
CairnEdition  *cairn_pathway_get_edition_in_force (CairnPathway    *self,
                                                   const GDate     *date);

/**
 * CairnEditionChoice:
 * @CAIRN_EDITION_BY_CLOCK_START: each clock uses the edition in force on the
 *   day it starts (timescales-verified.md §3.5; the default)
 * @CAIRN_EDITION_BY_REFERRAL: every clock of a case uses the edition in
 *   force on the day of its referral
 * @CAIRN_EDITION_FIXED: one edition for everything
 */
typedef enum
{
  CAIRN_EDITION_BY_CLOCK_START,
  CAIRN_EDITION_BY_REFERRAL,
  CAIRN_EDITION_FIXED,
} CairnEditionChoice;

/* Board settings keys (settings table). */
#define CAIRN_SETTING_EDITION_CHOICE "pathway.edition_choice"

typedef struct _CairnPathwayConfig CairnPathwayConfig;

CairnPathwayConfig *cairn_pathway_config_new          (void);
void                cairn_pathway_config_free         (CairnPathwayConfig       *config);
gboolean            cairn_pathway_config_set_choice   (CairnPathwayConfig       *config,
                                                       CairnPathway             *pathway,
                                                       const char               *value,
                                                       GError                  **error);
gboolean            cairn_pathway_config_set_edition_setting (CairnPathwayConfig *config,
                                                       CairnPathway             *pathway,
                                                       const char               *edition,
                                                       const char               *name,
                                                       const char               *value,
                                                       GError                  **error);
void                cairn_pathway_config_add_override (CairnPathwayConfig       *config,
                                                       const CairnRuleOverride  *override);
CairnEditionChoice  cairn_pathway_config_get_choice  (const CairnPathwayConfig *config,
                                                       const char              **fixed_edition);
CairnIcpcClock      cairn_pathway_config_get_icpc_clock (const CairnPathwayConfig *config,
                                                       CairnEdition             *edition);
CairnStartDay       cairn_pathway_config_get_start_day  (const CairnPathwayConfig *config,
                                                       CairnEdition             *edition);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnPathwayConfig, cairn_pathway_config_free)

/**
 * CairnPathwayCase:
 * @opened_on: the referral date
 * @closed_on: the closure date, or unset
 * @edition: (nullable): the case's own edition (cases.edition), or %NULL
 */
typedef struct
{
  GDate opened_on;
  GDate closed_on;
  const char *edition;
} CairnPathwayCase;

CairnEdition  *cairn_pathway_choose_edition       (CairnPathway             *self,
                                                   const CairnPathwayConfig *config,
                                                   const CairnPathwayCase   *kase,
                                                   const GDate              *clock_start);

/**
 * CairnRuleVariant:
 *
 * One rule as it applies over a period: the edition's own rule, or a
 * board's override of it from its effective date.
 */
typedef struct
{
  const char *id;
  const char *title;
  const CairnRule *rule;              /* the edition's rule, or NULL for a board's own rule */
  const CairnRuleOverride *override;  /* the board's override, or NULL */
  GDate from;                         /* unset: from the beginning */
  GDate until;                        /* exclusive; unset: no end */
  const char * const *start;
  const char * const *stop;
  const char * const *cancel;
  const char * const *requires;
  CairnAnchor anchor;
  const char *node;
} CairnRuleVariant;

GArray        *cairn_pathway_rule_variants        (CairnPathway             *self,
                                                   const CairnPathwayConfig *config,
                                                   CairnEdition             *edition,
                                                   const char               *rule_id);
GPtrArray     *cairn_pathway_timer_rule_ids       (CairnPathway             *self,
                                                   const CairnPathwayConfig *config,
                                                   CairnEdition             *edition);
gboolean       cairn_pathway_variant_limit        (const CairnRuleVariant   *variant,
                                                   const GDate              *clock_start,
                                                   int                      *limit,
                                                   CairnUnit                *unit);
char          *cairn_pathway_variant_source       (CairnEdition             *edition,
                                                   const CairnRuleVariant   *variant);

gboolean       cairn_pathway_compute_due          (CairnPathway             *self,
                                                   CairnStartDay             start_day,
                                                   int                       limit,
                                                   CairnUnit                 unit,
                                                   const GDate              *start,
                                                   int                       start_minute,
                                                   GDate                    *due,
                                                   int                      *due_minute,
                                                   GError                  **error);
gboolean       cairn_pathway_due_date             (CairnPathway             *self,
                                                   const CairnPathwayConfig *config,
                                                   const char               *edition_id,
                                                   const char               *rule_id,
                                                   const GDate              *from,
                                                   int                       from_minute,
                                                   GDate                    *due,
                                                   int                      *due_minute,
                                                   char                    **source,
                                                   GError                  **error);

const CairnNode *cairn_pathway_locate             (CairnEdition             *edition,
                                                   GPtrArray                *events,
                                                   guint                     n_events);
gboolean       cairn_pathway_check_transition     (CairnEdition             *edition,
                                                   GPtrArray                *events,
                                                   const CairnEvent         *event,
                                                   GError                  **error);

G_END_DECLS
