/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cairn-document.h"
#include "cairn-scr.h"

G_BEGIN_DECLS

/* Anonymisation of a serious case review, and the check that nothing
 * identifying is left in the finished file.
 *
 * The anonymiser gives everyone linked to the case a consistent role-based
 * pseudonym (Child A, Sibling B, Mother, Father, Adult C, …; professionals
 * and panel members by role and agency), shows dates as the child's age or
 * as month and year as the panel chose, and removes addresses, schools, NHS
 * numbers, UPNs and other identifiers from narrative text. Only the LSCB
 * Chair, the SCR Panel Chair and the overview author keep their names.
 *
 * The leak check reads the text of a finished PDF back with Poppler (every
 * page, the bookmarks and the metadata) and looks for every name, alias,
 * date of birth, address, school and NHS number of everyone linked to the
 * case: whole words in any case, across line breaks and hyphenation, in
 * possessives, NHS numbers with or without spaces. Words a named panel
 * member released as false positives are not reported. */

typedef struct _CairnAnonymiser CairnAnonymiser;

/**
 * CairnPseudonymEntry:
 * @key: the person's key (CairnScrPerson.key)
 * @role: how they are linked ("Subject child", "Mother", "Professional", …)
 * @real_name: their name, for the panel's eyes only
 * @pseudonym: what the summary calls them
 * @adjusted: %TRUE when the panel chose the pseudonym
 */
typedef struct
{
  char *key;
  char *role;
  char *real_name;
  char *pseudonym;
  gboolean adjusted;
} CairnPseudonymEntry;

/**
 * CairnLeak:
 * @found: the text as it appears in the file
 * @identifier: the identifier it matched (normalised)
 * @what: whose identifier and what it is ("given name of Child A")
 * @where: where it was found ("page 3", "bookmarks", "PDF title", …)
 * @page: the page (from 1), or 0 outside the pages
 * @context: the words around it
 * @count: how many times it occurs there
 * @offset: where its first occurrence starts in that text (bytes)
 */
typedef struct
{
  char *found;
  char *identifier;
  char *what;
  char *where;
  int page;
  char *context;
  guint count;
  guint offset;
} CairnLeak;

CairnAnonymiser *cairn_anonymiser_new                  (const CairnScr     *scr);
void             cairn_anonymiser_free                 (CairnAnonymiser    *self);

const char      *cairn_anonymiser_get_pseudonym        (CairnAnonymiser    *self,
                                                        const char         *key);
const char      *cairn_anonymiser_get_subject_pseudonym (CairnAnonymiser   *self);
GPtrArray       *cairn_anonymiser_get_mapping          (CairnAnonymiser    *self);
gboolean         cairn_anonymiser_check_pseudonym      (CairnAnonymiser    *self,
                                                        const char         *key,
                                                        const char         *pseudonym,
                                                        GError            **error);
guint            cairn_anonymiser_get_n_identifiers    (CairnAnonymiser    *self);

char            *cairn_anonymiser_apply                (CairnAnonymiser    *self,
                                                        const char         *text);
char            *cairn_anonymiser_format_date          (CairnAnonymiser    *self,
                                                        const GDate        *date);

GPtrArray       *cairn_anonymiser_check_text           (CairnAnonymiser    *self,
                                                        const char         *text,
                                                        const char         *where,
                                                        int                 page);
GPtrArray       *cairn_anonymiser_check_pdf            (CairnAnonymiser    *self,
                                                        GBytes             *pdf,
                                                        GError            **error);
GPtrArray       *cairn_anonymiser_check_document       (CairnAnonymiser    *self,
                                                        CairnDocument      *doc);

char            *cairn_leak_to_string                  (const CairnLeak    *leak);
void             cairn_leak_free                       (CairnLeak          *leak);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnAnonymiser, cairn_anonymiser_free)

G_END_DECLS
