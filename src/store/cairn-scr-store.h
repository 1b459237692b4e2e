/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cairn-child.h"
#include "cairn-scr.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* Serious case reviews: the review with its panel, narrative, recommendations
 * and action plan, everyone linked to the case, the pseudonym mapping,
 * released false positives and the numbered export versions. */

GPtrArray *cairn_store_list_scrs             (CairnStore              *self,
                                              GError                 **error);
CairnScr *cairn_store_get_scr                (CairnStore              *self,
                                              int                      year,
                                              int                      number,
                                              GError                 **error);
gboolean  cairn_store_add_scr                (CairnStore              *self,
                                              CairnScr                *scr,
                                              GError                 **error);
gboolean  cairn_store_update_scr             (CairnStore              *self,
                                              const CairnScr          *scr,
                                              GError                 **error);
gboolean  cairn_store_set_scr_section        (CairnStore              *self,
                                              gint64                   scr_id,
                                              CairnScrSection          section,
                                              const char              *body,
                                              GError                 **error);
gboolean  cairn_store_set_scr_date_display   (CairnStore              *self,
                                              gint64                   scr_id,
                                              CairnScrDateDisplay      display,
                                              GError                 **error);

gboolean  cairn_store_add_scr_panel_member   (CairnStore              *self,
                                              gint64                   scr_id,
                                              CairnScrPanelMember     *member,
                                              GError                 **error);
gboolean  cairn_store_update_scr_panel_member (CairnStore             *self,
                                               const CairnScrPanelMember *member,
                                               GError                **error);
gboolean  cairn_store_add_scr_imr            (CairnStore              *self,
                                              gint64                   scr_id,
                                              const char              *agency_code,
                                              const char              *author,
                                              const GDate             *received_on,
                                              GError                 **error);

gboolean  cairn_store_add_scr_recommendation (CairnStore              *self,
                                              gint64                   scr_id,
                                              CairnScrRecommendation  *rec,
                                              GError                 **error);
gboolean  cairn_store_update_scr_recommendation (CairnStore           *self,
                                                 const CairnScrRecommendation *rec,
                                                 GError              **error);
gboolean  cairn_store_add_scr_action         (CairnStore              *self,
                                              gint64                   recommendation_id,
                                              CairnScrAction          *action,
                                              GError                 **error);
gboolean  cairn_store_update_scr_action      (CairnStore              *self,
                                              CairnScrAction          *action,
                                              const GDate             *as_of,
                                              GError                 **error);

gboolean  cairn_store_set_scr_pseudonym      (CairnStore              *self,
                                              gint64                   scr_id,
                                              const char              *subject_key,
                                              const char              *pseudonym,
                                              GError                 **error);
gboolean  cairn_store_release_scr_word       (CairnStore              *self,
                                              gint64                   scr_id,
                                              const char              *word,
                                              gint64                   panel_member_id,
                                              const char              *reason,
                                              const GDate             *released_on,
                                              GError                 **error);

int       cairn_store_next_scr_version       (CairnStore              *self,
                                              gint64                   scr_id,
                                              GError                 **error);
gboolean  cairn_store_add_scr_version        (CairnStore              *self,
                                              gint64                   scr_id,
                                              CairnScrVersion         *version,
                                              GError                 **error);
gboolean  cairn_store_sign_off_scr_version   (CairnStore              *self,
                                              gint64                   scr_id,
                                              int                      version,
                                              const char              *signed_off_by,
                                              const GDate             *signed_off_on,
                                              GError                 **error);
gboolean  cairn_store_record_scr_version_sent_to_ofsted (CairnStore   *self,
                                                         gint64        scr_id,
                                                         int           version,
                                                         const GDate  *sent_on,
                                                         GError      **error);
gboolean  cairn_store_record_scr_version_published (CairnStore        *self,
                                                    gint64             scr_id,
                                                    int                version,
                                                    const GDate       *published_on,
                                                    GError           **error);

/* The people around a child that a review reads: the lead worker of a case,
 * relatives and siblings. Agencies and professionals are added with
 * cairn_store_ensure_agency() and cairn_store_ensure_professional(). */
gboolean  cairn_store_set_case_lead_worker   (CairnStore              *self,
                                              gint64                   child_number,
                                              int                      case_number,
                                              const char              *name,
                                              const char              *agency_code,
                                              GError                 **error);
gboolean  cairn_store_add_relative           (CairnStore              *self,
                                              gint64                   child_number,
                                              CairnPerson             *person,
                                              const char              *relationship,
                                              gboolean                 lives_with_child,
                                              GError                 **error);
gboolean  cairn_store_add_child_link         (CairnStore              *self,
                                              gint64                   child_number,
                                              gint64                   other_child_number,
                                              const char              *relationship,
                                              GError                 **error);

G_END_DECLS
