/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cairn-anonymiser.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pdf-text.h"
#include "cairn-pdf-writer.h"
#include "cairn-scr-report.h"
#include "cairn-scr-store.h"
#include "cairn-test-scr.h"
#include "cairn-test-utils.h"

typedef struct
{
  CairnTestScr fx;
  CairnStore *store;
  CairnScr *scr;
  CairnAnonymiser *anon;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("anon-%p.cairn", (void *) f);

  f->store = cairn_test_scr_fixture (name, data, &f->fx);
  f->scr = cairn_store_get_scr (f->store, f->fx.year, f->fx.number, &error);
  g_assert_no_error (error);
  f->anon = cairn_anonymiser_new (f->scr);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cairn_anonymiser_free (f->anon);
  cairn_scr_free (f->scr);
  g_object_unref (f->store);
  cairn_test_scr_clear (&f->fx);
}

static void
reload (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  cairn_anonymiser_free (f->anon);
  cairn_scr_free (f->scr);
  f->scr = cairn_store_get_scr (f->store, f->fx.year, f->fx.number, &error);
  g_assert_no_error (error);
  f->anon = cairn_anonymiser_new (f->scr);
}

static const CairnPseudonymEntry *
entry_for_name (CairnAnonymiser *anon,
                const char      *real_name)
{
  GPtrArray *mapping = cairn_anonymiser_get_mapping (anon);

  for (guint i = 0; i < mapping->len; i++)
    {
      const CairnPseudonymEntry *e = g_ptr_array_index (mapping, i);
      if (g_strcmp0 (e->real_name, real_name) == 0)
        return e;
    }
  g_error ("%s is not in the mapping", real_name);
  return NULL;
}

/* Everyone linked to the case has a consistent, role-based pseudonym the panel can see. */
static void
test_pseudonyms (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpstr (cairn_anonymiser_get_subject_pseudonym (f->anon), ==, "Child A");
  g_assert_cmpstr (entry_for_name (f->anon, "Amelia Rosewood")->pseudonym, ==, "Child A");
  g_assert_cmpstr (entry_for_name (f->anon, "Amelia Rosewood")->role, ==, "Subject child");
  g_assert_cmpstr (entry_for_name (f->anon, "Jayden Rosewood")->pseudonym, ==, "Sibling B");
  g_assert_cmpstr (entry_for_name (f->anon, "Karen Rosewood")->pseudonym, ==, "Mother");
  g_assert_cmpstr (entry_for_name (f->anon, "Darren Pike")->pseudonym, ==, "Father");
  g_assert_cmpstr (entry_for_name (f->anon, "Lee Stanton")->pseudonym, ==, "Adult C");
  g_assert_cmpstr (entry_for_name (f->anon, "Priya Natarajan")->pseudonym, ==,
                   "the Social Worker (Northbridge Children's Social Care)");
  g_assert_cmpstr (entry_for_name (f->anon, "Tom Ferris")->pseudonym, ==,
                   "the Head of Safeguarding (Northbridge Community Health)");
  /* The named officers keep their names: they are not in the mapping. */
  for (guint i = 0; i < cairn_anonymiser_get_mapping (f->anon)->len; i++)
    {
      const CairnPseudonymEntry *e = g_ptr_array_index (cairn_anonymiser_get_mapping (f->anon), i);
      g_assert_cmpstr (e->real_name, !=, FIX_LSCB_CHAIR);
      g_assert_cmpstr (e->real_name, !=, FIX_PANEL_CHAIR);
      g_assert_cmpstr (e->real_name, !=, FIX_AUTHOR);
    }
}

/* The panel adjusts a pseudonym; one that carries an identifier or is taken is refused. */
static void
test_adjust_pseudonym (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *key = entry_for_name (f->anon, "Lee Stanton")->key;
  g_autofree char *saved_key = g_strdup (key);

  g_assert_false (cairn_anonymiser_check_pseudonym (f->anon, saved_key, "Mr Pike's friend", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Pseudonym: \"Mr Pike's friend\" contains the name of Father");
  g_clear_error (&error);
  g_assert_false (cairn_anonymiser_check_pseudonym (f->anon, saved_key, "Mother", &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (cairn_anonymiser_check_pseudonym (f->anon, saved_key, "Mother's partner", &error));
  g_assert_no_error (error);
  g_assert_true (cairn_store_set_scr_pseudonym (f->store, f->fx.scr_id, saved_key, "Mother's partner", &error));
  g_assert_no_error (error);
  reload (f);
  g_assert_cmpstr (entry_for_name (f->anon, "Lee Stanton")->pseudonym, ==, "Mother's partner");
  g_assert_true (entry_for_name (f->anon, "Lee Stanton")->adjusted);
  {
    g_autofree char *text = cairn_anonymiser_apply (f->anon, "Lee Stanton was present.");
    g_assert_cmpstr (text, ==, "Mother's partner was present.");
  }
  /* Back to the default. */
  g_assert_true (cairn_store_set_scr_pseudonym (f->store, f->fx.scr_id, saved_key, NULL, &error));
  reload (f);
  g_assert_cmpstr (entry_for_name (f->anon, "Lee Stanton")->pseudonym, ==, "Adult C");
}

static void
assert_apply (CairnAnonymiser *anon,
              const char      *in,
              const char      *expected)
{
  g_autofree char *out = cairn_anonymiser_apply (anon, in);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_rewrite (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *nhs = g_strdup_printf ("Her NHS number is %.3s %.3s %.4s.", f->fx.child_nhs,
                                          f->fx.child_nhs + 3, f->fx.child_nhs + 6);
  g_autofree char *upn = g_strdup_printf ("UPN %s on file.", f->fx.child_upn);

  assert_apply (f->anon, "Amelia Rosewood lived with Karen Rosewood.", "Child A lived with Mother.");
  assert_apply (f->anon, "Amelia's brother Jayden", "Child A's brother Sibling B");
  assert_apply (f->anon, "Mrs Rosewood and Mr Pike (Daz) argued.", "Mother and Father (Father) argued.");
  assert_apply (f->anon, "The Rosewood family moved.", "The family moved.");
  assert_apply (f->anon, "Millie went to Oakfield Primary School.", "Child A went to Child A's school.");
  assert_apply (f->anon, "They lived at 14 Larch Close, Northbridge NB3 7QT.", "They lived at the family home.");
  assert_apply (f->anon, "The social worker, Priya Natarajan, visited.",
                "The social worker, the Social Worker (Northbridge Children's Social Care), visited.");
  assert_apply (f->anon, "Tom Ferris agreed.", "The Head of Safeguarding (Northbridge Community Health) agreed.");
  assert_apply (f->anon, nhs, "Her NHS number is [removed].");
  assert_apply (f->anon, upn, "UPN [removed] on file.");
  /* A number shaped like an NHS number, or a postcode, of anyone at all. */
  assert_apply (f->anon, "Ref 943 476 5919 at SW1A 1AA today.", "Ref [removed] at today.");
  /* The named officers keep their names. */
  assert_apply (f->anon, "Margaret Oyelaran chaired.", "Margaret Oyelaran chaired.");
  /* A name is replaced where it is written as a name. */
  assert_apply (f->anon, "Signed by ROSEWOOD.", "Signed by the family.");
}

static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  GDate d;
  g_autoptr (GError) error = NULL;
  g_autofree char *month = NULL;

  assert_apply (f->anon, "On 3 March 2011 the health visitor called.", "In March 2011 the health visitor called.");
  assert_apply (f->anon, "Seen on 2011-03-10 and 14/04/2011.", "Seen in March 2011 and April 2011.");
  assert_apply (f->anon, "By March 2011 it had stopped.", "By March 2011 it had stopped.");
  cairn_date_set_ymd (&d, 2011, 3, 3);
  month = cairn_anonymiser_format_date (f->anon, &d);
  g_assert_cmpstr (month, ==, "March 2011");

  /* The panel chooses ages. */
  g_assert_true (cairn_store_set_scr_date_display (f->store, f->fx.scr_id, CAIRN_SCR_DATES_AGE, &error));
  g_assert_no_error (error);
  reload (f);
  assert_apply (f->anon, "On 3 March 2011 the health visitor called.",
                "When Child A was aged 4 years 11 months the health visitor called.");
  assert_apply (f->anon, "Mother was seen on 1 January 2006.",
                "Mother was seen 2 months before Child A was born.");
  {
    g_autofree char *age = cairn_anonymiser_format_date (f->anon, &d);
    g_assert_cmpstr (age, ==, "aged 4 years 11 months");
  }
}

/* The named officers' full names are allowed, though a word of one (Sian, the author)
 * is the given name of a worker in the case (Sian Hollis): alone, it is still found. */
static void
test_officer_names (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GPtrArray) allowed = cairn_anonymiser_check_text (f->anon, "Overview report author: Sian Carrow", "t", 1);
  g_autoptr (GPtrArray) alone = cairn_anonymiser_check_text (f->anon, "Sian called on Tuesday.", "t", 1);
  g_autoptr (GPtrArray) both = cairn_anonymiser_check_text (f->anon, "Sian Carrow met Sian Hollis.", "t", 1);

  g_assert_cmpuint (allowed->len, ==, 0);
  g_assert_cmpuint (alone->len, ==, 1);
  g_assert_cmpstr (((CairnLeak *) g_ptr_array_index (alone, 0))->identifier, ==, "sian");
  g_assert_cmpuint (both->len, ==, 1);
  g_assert_cmpstr (((CairnLeak *) g_ptr_array_index (both, 0))->identifier, ==, "sian hollis");
  assert_apply (f->anon, "Sian Carrow met Sian Hollis.", "Sian Carrow met a professional.");
}

/* ---- Planted identifiers, found in the text of the written file ----------- */

static GPtrArray *
check_written (Fixture       *f,
               CairnDocument *doc,
               const char    *name)
{
  g_autofree char *path = cairn_test_scratch_path (name);
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *leaks;
  gsize len;

  g_assert_true (cairn_document_write_pdf (doc, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  leaks = cairn_anonymiser_check_pdf (f->anon, bytes, &error);
  g_assert_no_error (error);
  return leaks;
}

static const CairnLeak *
find_leak (GPtrArray  *leaks,
           const char *identifier,
           const char *where)
{
  for (guint i = 0; i < leaks->len; i++)
    {
      const CairnLeak *leak = g_ptr_array_index (leaks, i);
      if (g_strcmp0 (leak->identifier, identifier) == 0 && (where == NULL || g_strcmp0 (leak->where, where) == 0))
        return leak;
    }
  return NULL;
}

static void
dump_leaks (GPtrArray *leaks)
{
  for (guint i = 0; i < leaks->len; i++)
    {
      g_autofree char *line = cairn_leak_to_string (g_ptr_array_index (leaks, i));
      g_test_message ("leak: %s", line);
    }
}

static CairnDocument *
clean_document (const char *title)
{
  CairnDocument *doc = cairn_document_new (title);

  cairn_document_add_heading (doc, 1, "Introduction");
  cairn_document_add_text (doc, "Child A lived with Mother and Sibling B. The family home was cold.");
  return doc;
}

static void
test_clean_document (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Serious Case Review: Child A");
  g_autoptr (GPtrArray) leaks = check_written (f, doc, "clean-doc.pdf");

  dump_leaks (leaks);
  g_assert_cmpuint (leaks->len, ==, 0);
}

static void
test_leak_narrative (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  g_autoptr (GPtrArray) leaks = NULL;
  const CairnLeak *leak;

  cairn_document_add_page_break (doc);
  cairn_document_add_text (doc, "On the second page, Jayden said that nobody came.");
  leaks = check_written (f, doc, "narrative.pdf");
  leak = find_leak (leaks, "jayden", NULL);
  g_assert_nonnull (leak);
  g_assert_cmpint (leak->page, ==, 2);
  g_assert_cmpstr (leak->where, ==, "page 2");
  g_assert_cmpstr (leak->what, ==, "given name of Sibling B");
  g_assert_nonnull (strstr (leak->context, "Jayden said that nobody came"));
}

static void
test_leak_table_cell (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  const double widths[] = { 1, 2, 1 };
  const char *header[] = { "Recommendation", "Action", "Who is responsible", NULL };
  const char *row[] = { "1. Share information", "Ask Natarajan to brief the team", "Head of Service", NULL };
  CairnTable *table = cairn_document_add_table (doc, 3, widths, 1);
  g_autoptr (GPtrArray) leaks = NULL;

  cairn_table_add_row (table, header);
  cairn_table_add_row (table, row);
  leaks = check_written (f, doc, "cell.pdf");
  g_assert_nonnull (find_leak (leaks, "natarajan", "page 1"));
}

static void
test_leak_header (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  g_autoptr (GPtrArray) leaks = NULL;
  const CairnLeak *leak;

  cairn_document_add_page_break (doc);
  cairn_document_add_text (doc, "Page two.");
  cairn_document_add_page_break (doc);
  cairn_document_add_text (doc, "Page three.");
  cairn_document_set_header_text (doc, "Review concerning the Pike household");
  leaks = check_written (f, doc, "header.pdf");
  leak = find_leak (leaks, "pike", "page 3");
  g_assert_nonnull (leak);
  g_assert_cmpstr (leak->what, ==, "family name of Father");
  g_assert_nonnull (find_leak (leaks, "pike", "page 1"));
}

static void
test_leak_chart (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  g_autoptr (CairnChart) chart = cairn_chart_new (CAIRN_CHART_BAR, "Contacts by agency");
  const char *cats[] = { "Health", "Police", "Education", NULL };
  const double values[] = { 4, 2, 7 };
  g_autoptr (GPtrArray) leaks = NULL;

  cairn_chart_set_categories (chart, cats);
  cairn_chart_set_axis_labels (chart, "Agency", "Contacts");
  cairn_chart_add_series (chart, "Contacts with Darren", values, 3);
  cairn_document_add_figure (doc, chart, 60, NULL);
  leaks = check_written (f, doc, "chart.pdf");
  g_assert_nonnull (find_leak (leaks, "darren", "page 1"));
}

static void
test_leak_metadata (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  g_autoptr (GPtrArray) leaks = NULL;

  cairn_document_set_author (doc, "Written for Karen");
  cairn_document_set_keywords (doc, "scr; oakfield");
  leaks = check_written (f, doc, "metadata.pdf");
  g_assert_nonnull (find_leak (leaks, "karen", "PDF author"));
  g_assert_nonnull (find_leak (leaks, "oakfield", "PDF keywords"));
  /* Nothing on the pages themselves. */
  g_assert_null (find_leak (leaks, "karen", "page 1"));
}

static void
test_leak_title_and_bookmark (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary about Millie");
  g_autoptr (GPtrArray) leaks = NULL;

  cairn_document_add_heading (doc, 1, "What happened to Stanton");
  leaks = check_written (f, doc, "title.pdf");
  g_assert_nonnull (find_leak (leaks, "millie", "PDF title"));
  g_assert_nonnull (find_leak (leaks, "stanton", "bookmarks"));
}

static void
test_leak_case (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  g_autoptr (GPtrArray) leaks = NULL;
  const CairnLeak *leak;

  cairn_document_add_text (doc, "The file said AMELIA in capitals and also rOsEwOoD.");
  leaks = check_written (f, doc, "case.pdf");
  leak = find_leak (leaks, "amelia", "page 1");
  g_assert_nonnull (leak);
  g_assert_cmpstr (leak->found, ==, "AMELIA");
  g_assert_nonnull (find_leak (leaks, "rosewood", "page 1"));
}

/* A name broken over two lines, with or without a hyphen, or over a line end in a narrow cell. */
static void
test_leak_line_break (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  const double widths[] = { 0.14, 1 };
  const char *row[] = { "Natarajanvisited", "A narrow column breaks the word across lines.", NULL };
  CairnTable *table;
  g_autoptr (GPtrArray) leaks = NULL;

  cairn_document_add_text (doc, "The father was Dar-\nren, as the notes said.");
  cairn_document_add_text (doc, "The family name was Rose\nwood in one letter.");
  cairn_document_add_text (doc, "The school was Oakfield\nPrimary School.");
  table = cairn_document_add_table (doc, 2, widths, 0);
  cairn_table_add_row (table, row);
  leaks = check_written (f, doc, "linebreak.pdf");
  dump_leaks (leaks);
  g_assert_nonnull (find_leak (leaks, "darren", "page 1"));
  g_assert_nonnull (find_leak (leaks, "rosewood", "page 1"));
  g_assert_nonnull (find_leak (leaks, "oakfield primary school", "page 1"));
}

/* In a narrow cell the layout breaks a name between letters; the file's text shows it split. */
static void
test_leak_char_wrapped (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  const double widths[] = { 0.05, 1 };
  const char *row[] = { "Seen by Natarajan", "The first column is too narrow for the name, which the "
                        "layout breaks between letters over several lines.", NULL };
  CairnTable *table = cairn_document_add_table (doc, 2, widths, 0);
  g_autoptr (GPtrArray) leaks = NULL;

  g_autofree char *path = cairn_test_scratch_path ("charwrap.pdf");
  g_autoptr (CairnPdfText) text = NULL;

  cairn_table_add_row (table, row);
  leaks = check_written (f, doc, "charwrap.pdf");
  dump_leaks (leaks);
  g_assert_nonnull (find_leak (leaks, "natarajan", "page 1"));
  /* The file's text really has the name in pieces. */
  text = cairn_pdf_text_extract_file (path, NULL);
  g_assert_null (strstr (g_ptr_array_index (text->pages, 0), "Natarajan"));
  g_assert_nonnull (strstr (g_ptr_array_index (text->pages, 0), "Na"));
}

static void
test_leak_possessive (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  g_autoptr (GPtrArray) leaks = NULL;
  const CairnLeak *leak;

  cairn_document_add_text (doc, "Child A went to Amelia’s room and Jayden's bed.");
  leaks = check_written (f, doc, "possessive.pdf");
  leak = find_leak (leaks, "amelia", "page 1");
  g_assert_nonnull (leak);
  g_assert_nonnull (find_leak (leaks, "jayden", "page 1"));
}

static void
test_leak_numbers_and_dates (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  g_autoptr (GPtrArray) leaks = NULL;
  g_autofree char *spaced = g_strdup_printf ("Number %.3s %.3s %.4s on a letter.", f->fx.child_nhs,
                                             f->fx.child_nhs + 3, f->fx.child_nhs + 6);
  g_autofree char *solid = g_strdup_printf ("Number %s on a form.", f->fx.child_nhs);
  const CairnLeak *leak;

  cairn_document_add_text (doc, spaced);
  cairn_document_add_page_break (doc);
  cairn_document_add_text (doc, solid);
  cairn_document_add_text (doc, "Born 14th March 2006; also written 14/03/2006 and 2006-03-14.");
  cairn_document_add_text (doc, "She lived at 14 Larch\nClose with postcode nb37qt.");
  leaks = check_written (f, doc, "numbers.pdf");
  dump_leaks (leaks);
  leak = find_leak (leaks, f->fx.child_nhs, "page 1");
  g_assert_nonnull (leak);
  g_assert_cmpstr (leak->what, ==, "NHS number of Child A");
  g_assert_nonnull (find_leak (leaks, f->fx.child_nhs, "page 2"));
  g_assert_nonnull (find_leak (leaks, "14th march 2006", "page 2"));
  g_assert_nonnull (find_leak (leaks, "14/03/2006", "page 2"));
  g_assert_nonnull (find_leak (leaks, "2006-03-14", "page 2"));
  g_assert_nonnull (find_leak (leaks, "14 larch close", "page 2"));
  g_assert_nonnull (find_leak (leaks, "nb37qt", "page 2"));
}

/* The model check sees every text of the document before layout, too. */
static void
test_check_document (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  g_autoptr (GPtrArray) leaks = NULL;

  cairn_document_set_footer_text (doc, "Prepared for Mr Stanton");
  leaks = cairn_anonymiser_check_document (f->anon, doc);
  g_assert_cmpuint (leaks->len, ==, 1);
  g_assert_cmpstr (((CairnLeak *) g_ptr_array_index (leaks, 0))->where, ==, "running footer");
  g_assert_cmpstr (((CairnLeak *) g_ptr_array_index (leaks, 0))->found, ==, "Mr Stanton");
}

/* ---- False positives: a mother called May ------------------------------------ */

static void
test_release (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = cairn_test_scratch_path ("may.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnScr) scr = NULL;
  CairnScrExport result = { 0 };
  const CairnScrRelease *release;
  GDate on;

  /* "may" the verb is not rewritten (lower case), and the check finds it. */
  g_assert_true (cairn_store_set_scr_section (
    f->store, f->fx.scr_id, CAIRN_SCR_SECTION_LEARNING,
    "Practitioners may need support to see the child alone. May Rosewood agreed.", &error));
  g_assert_no_error (error);
  g_assert_false (cairn_scr_report_export (f->store, f->fx.year, f->fx.number, TRUE, path, &result, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_PUBLICATION_REFUSED);
  g_clear_error (&error);
  g_assert_nonnull (result.leaks);
  g_assert_cmpuint (result.leaks->len, ==, 1);
  g_assert_cmpstr (((CairnLeak *) g_ptr_array_index (result.leaks, 0))->identifier, ==, "may");
  g_assert_cmpstr (((CairnLeak *) g_ptr_array_index (result.leaks, 0))->what, ==, "given name of Mother");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  cairn_scr_export_clear (&result);

  /* Only a member of this panel may release it, one word at a time, with a reason. */
  cairn_date_set_ymd (&on, 2012, 9, 3);
  g_assert_false (cairn_store_release_scr_word (f->store, f->fx.scr_id, "may", 9999, "A verb", &on, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (cairn_store_release_scr_word (f->store, f->fx.scr_id, "may", f->fx.member_id, "  ", &on, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Reason: is required");
  g_clear_error (&error);
  g_assert_false (cairn_store_release_scr_word (f->store, f->fx.scr_id, "may rosewood", f->fx.member_id,
                                                "A verb", &on, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cairn_store_release_scr_word (f->store, f->fx.scr_id, "May", f->fx.member_id,
                                               "Used as the verb “may”, not the mother's name", &on, &error));
  g_assert_no_error (error);

  /* Now it is accepted, and the release is on the record. */
  g_assert_true (cairn_scr_report_export (f->store, f->fx.year, f->fx.number, TRUE, path, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.publishable);
  cairn_scr_export_clear (&result);
  {
    g_autoptr (CairnPdfText) text = cairn_pdf_text_extract_file (path, &error);
    g_autoptr (GString) all = g_string_new (NULL);
    const char *joined;
    g_assert_no_error (error);
    for (guint i = 0; i < text->pages->len; i++)
      g_string_append_printf (all, "%s ", (const char *) g_ptr_array_index (text->pages, i));
    joined = all->str;
    g_assert_nonnull (strstr (joined, "may need support"));
    g_assert_nonnull (strstr (joined, "Mother agreed"));
  }
  scr = cairn_store_get_scr (f->store, f->fx.year, f->fx.number, &error);
  g_assert_cmpuint (scr->releases->len, ==, 1);
  release = g_ptr_array_index (scr->releases, 0);
  g_assert_cmpstr (release->word, ==, "may");
  g_assert_cmpstr (release->released_by, ==, FIX_MEMBER);
  g_assert_cmpint (release->panel_member_id, ==, f->fx.member_id);
  g_assert_cmpstr (release->reason, ==, "Used as the verb “may”, not the mother's name");
  g_assert_cmpint (g_date_get_year (&release->released_on), ==, 2012);

  /* A released word is released once. */
  g_assert_false (cairn_store_release_scr_word (f->store, f->fx.scr_id, "MAY", f->fx.member_id,
                                                "again", &on, &error));
  g_assert_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS);
}

/* A release covers that word only: the mother's family name is still found. */
static void
test_release_word_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnDocument) doc = clean_document ("Summary");
  g_autoptr (GPtrArray) leaks = NULL;
  GDate on;

  cairn_date_set_ymd (&on, 2012, 9, 3);
  g_assert_true (cairn_store_release_scr_word (f->store, f->fx.scr_id, "may", f->fx.member_id,
                                               "The verb", &on, &error));
  reload (f);
  cairn_document_add_text (doc, "They may visit; may rosewood did not.");
  leaks = check_written (f, doc, "word-only.pdf");
  g_assert_null (find_leak (leaks, "may", NULL));
  g_assert_nonnull (find_leak (leaks, "may rosewood", "page 1"));
  g_assert_cmpstr (find_leak (leaks, "may rosewood", "page 1")->what, ==, "name of Mother");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, mother) \
  g_test_add (path, Fixture, mother, fixture_set_up, func, fixture_tear_down)
  ADD ("/cairn/anonymiser/pseudonyms", test_pseudonyms, NULL);
  ADD ("/cairn/anonymiser/adjust-pseudonym", test_adjust_pseudonym, NULL);
  ADD ("/cairn/anonymiser/rewrite", test_rewrite, NULL);
  ADD ("/cairn/anonymiser/dates", test_dates, NULL);
  ADD ("/cairn/anonymiser/officer-names", test_officer_names, NULL);
  ADD ("/cairn/anonymiser/leak/clean", test_clean_document, NULL);
  ADD ("/cairn/anonymiser/leak/narrative", test_leak_narrative, NULL);
  ADD ("/cairn/anonymiser/leak/table-cell", test_leak_table_cell, NULL);
  ADD ("/cairn/anonymiser/leak/running-header", test_leak_header, NULL);
  ADD ("/cairn/anonymiser/leak/chart-label", test_leak_chart, NULL);
  ADD ("/cairn/anonymiser/leak/metadata", test_leak_metadata, NULL);
  ADD ("/cairn/anonymiser/leak/title-and-bookmark", test_leak_title_and_bookmark, NULL);
  ADD ("/cairn/anonymiser/leak/case", test_leak_case, NULL);
  ADD ("/cairn/anonymiser/leak/line-break", test_leak_line_break, NULL);
  ADD ("/cairn/anonymiser/leak/char-wrapped", test_leak_char_wrapped, NULL);
  ADD ("/cairn/anonymiser/leak/possessive", test_leak_possessive, NULL);
  ADD ("/cairn/anonymiser/leak/numbers-and-dates", test_leak_numbers_and_dates, NULL);
  ADD ("/cairn/anonymiser/leak/document-model", test_check_document, NULL);
  ADD ("/cairn/anonymiser/release", test_release, "May");
  ADD ("/cairn/anonymiser/release-word-only", test_release_word_only, "May");
#undef ADD

  return g_test_run ();
}
