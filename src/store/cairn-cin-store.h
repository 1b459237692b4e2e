/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cairn-cin-census.h"
#include "cairn-store.h"

G_BEGIN_DECLS

/* The DfE Children in Need census in and out of Cairn's tables
 * (../shared/domain/cin-census.md §10). The census model
 * (cairn-cin-census.h) is plain data; reading and writing its XML and
 * validating it live in src/cin/.
 *
 * Keys: a child is its LAchildID (children.la_child_id); an episode is its
 * child and referral date (cases.opened_on; the k-th episode with the same
 * date matches the k-th case); an assessment, CIN plan, Section 47 enquiry
 * and child protection plan is its episode and start date the same way; a
 * review is its plan and date. Importing adds what is new and updates what
 * changed; it deletes nothing but codes that a set replaces (disabilities,
 * assessment factors, and a plan's specific categories when its latest
 * category is one of the four). A category received only as MUL stays
 * "multiple, unspecified": no specific category is invented. */

/**
 * CairnCinSkip:
 * @line: the line of the element in the file
 * @la_child_id: (nullable): the child's LAchildID
 * @child_skipped: the whole child was left out (otherwise one part of it)
 * @message: what was left out and why ("CPPstartDate: missing; the plan was not kept")
 */
typedef struct
{
  guint line;
  char *la_child_id;
  gboolean child_skipped;
  char *message;
} CairnCinSkip;

/**
 * CairnCinImportSummary:
 *
 * What one import did, child by child: added (not in the database before),
 * updated (something of theirs changed), unchanged, skipped (could not be
 * stored: no LAchildID, the same LAchildID twice, no date of birth nor
 * expected date of birth). @skips lists the skipped children and the parts
 * of imported children that could not be kept.
 */
typedef struct
{
  guint total;
  guint added;
  guint updated;
  guint unchanged;
  guint skipped;
  guint cases_added;
  guint cases_updated;
  GPtrArray *skips; /* CairnCinSkip */
} CairnCinImportSummary;

void cairn_cin_import_summary_free (CairnCinImportSummary *summary);

/* Called after each child; return FALSE to stop (the import is then
 * cancelled and rolled back). */
typedef gboolean (*CairnCinImportProgressFunc) (guint    done,
                                                guint    total,
                                                gpointer user_data);

CairnCinImportSummary *cairn_store_import_cin_census (CairnStore                 *self,
                                                      const CairnCinCensus       *census,
                                                      const char                 *sha256,
                                                      CairnCinImportProgressFunc  progress,
                                                      gpointer                    user_data,
                                                      GCancellable               *cancellable,
                                                      GError                    **error);

CairnCinCensus *cairn_store_export_cin_census (CairnStore    *self,
                                               int            year,
                                               GCancellable  *cancellable,
                                               GError       **error);

char *cairn_store_dup_cin_case_ref (CairnStore  *self,
                                    const char  *la_child_id,
                                    const GDate *referral_date,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnCinImportSummary, cairn_cin_import_summary_free)

G_END_DECLS
