/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "cairn-case-pathway.h"
#include "cairn-child-store.h"
#include "cairn-date.h"
#include "cairn-pdf-text.h"
#include "cairn-store.h"
#include "cairn-test-utils.h"

static char *
make_case (void)
{
  char *path = cairn_test_scratch_path ("chronology.cairn");
  g_autoptr (GError) error = NULL;
  g_autoptr (CairnStore) store =
    cairn_store_open (path, CAIRN_STORE_OPEN_CREATE | CAIRN_STORE_OPEN_FORCE, &error);
  g_autoptr (CairnChild) child = cairn_child_new ();
  g_autoptr (CairnReferral) referral = cairn_referral_new ();
  struct
  {
    const char *kind, *date;
    int seen, alone;
    const char *why, *notes, *late;
  } events[] = {
    { "referral_decision", "2012-05-03", -1, -1, NULL, "Decided: assessment", "Duty manager on leave" },
    { "home_visit", "2012-05-08", 1, 1, NULL, "Bedroom seen; food in the cupboards", NULL },
    { "home_visit", "2012-05-15", 1, 0, "Child asked for her grandmother to stay", NULL, NULL },
  };

  g_assert_no_error (error);
  g_assert_true (cairn_store_set_board (store, "Testshire Safeguarding Children Board", "Testshire", NULL));
  child->given_name = g_strdup ("Amelia");
  child->family_name = g_strdup ("Testperson");
  cairn_date_parse ("dob", "2008-05-14", &child->date_of_birth, NULL);
  g_assert_true (cairn_store_add_child (store, child, &error));
  cairn_date_parse ("d", "2012-05-01", &referral->received_on, NULL);
  referral->concern = g_strdup ("School reports bruising");
  g_assert_cmpint (cairn_store_open_case (store, 1, referral, &error), ==, 1);
  for (gsize i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr (CairnEvent) e = cairn_event_new ();
      e->kind = g_strdup (events[i].kind);
      cairn_date_parse ("d", events[i].date, &e->date, NULL);
      e->child_seen = events[i].seen;
      e->seen_alone = events[i].alone;
      e->not_seen_alone_reason = g_strdup (events[i].why);
      e->notes = g_strdup (events[i].notes);
      e->late_reason = g_strdup (events[i].late);
      e->recorded_by = g_strdup ("Sam Worker");
      g_assert_true (cairn_pathway_record_event (store, 1, 1, e, &error));
      g_assert_no_error (error);
    }
  return path;
}

static void
test_chronology_pdf (void)
{
  g_autofree char *db = make_case ();
  g_autofree char *pdf = cairn_test_scratch_path ("chronology.pdf");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (CairnPdfText) text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) all = g_string_new ("");
  const char *order[] = { "Referral received", "Decision on referral", "Home visit", "Home visit", NULL };
  const char *at;

  g_assert_cmpint (cairn_test_run_cli (&out, &err, "report", "chronology", "--db", db, "--case",
                                       "C-000001/1", "-o", pdf, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "C-000001/1: chronology, "));
  text = cairn_pdf_text_extract_file (pdf, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < text->pages->len; i++)
    {
      const char *page = g_ptr_array_index (text->pages, i);
      /* Every page is marked. */
      g_assert_nonnull (strstr (page, "OFFICIAL-SENSITIVE"));
      g_string_append_printf (all, "%s ", page);
    }
  /* Table cells wrap: compare the words, not the lines. */
  g_strdelimit (all->str, "\n\t", ' ');
  while (strstr (all->str, "  ") != NULL)
    g_string_replace (all, "  ", " ", 0);
  g_assert_cmpstr (text->title, ==, "Chronology of significant events");
  g_assert_cmpstr (text->subject, ==, "C-000001/1");
  g_assert_cmpstr (text->author, ==, "Testshire Safeguarding Children Board");
  g_assert_nonnull (strstr (all->str, "Amelia Testperson"));
  g_assert_nonnull (strstr (all->str, "Born 14 May 2008"));
  /* The events in date order, with who, seen alone or why not, and reasons. */
  at = strstr (all->str, "Events");
  g_assert_nonnull (at);
  for (int i = 0; order[i]; i++)
    {
      at = strstr (at, order[i]);
      g_assert_nonnull (at);
      at += strlen (order[i]);
    }
  g_assert_nonnull (strstr (all->str, "2012-05-08"));
  g_assert_nonnull (strstr (all->str, "Seen alone"));
  g_assert_nonnull (strstr (all->str, "Not seen alone because: Child asked for her grandmother to stay"));
  g_assert_nonnull (strstr (all->str, "Reason for delay: Duty manager on leave"));
  g_assert_nonnull (strstr (all->str, "Sam Worker"));
  /* The timescales, by rule. */
  g_assert_nonnull (strstr (all->str, "Timescales"));
  g_assert_nonnull (strstr (all->str, "W10-01"));
  g_assert_nonnull (strstr (all->str, "W10-04"));
}

static void
test_chronology_errors (void)
{
  g_autofree char *db = make_case ();
  g_autofree char *err1 = NULL, *err2 = NULL;

  g_assert_cmpint (cairn_test_run_cli (NULL, &err1, "report", "chronology", "--db", db, "--case",
                                       "C-000001/9", "-o", "/dev/null", NULL), ==, 2);
  g_assert_cmpstr (err1, ==, "cairn-cli: C-000001/9: no such case\n");
  g_assert_cmpint (cairn_test_run_cli (NULL, &err2, "report", "chronology", "--db", db, "--case",
                                       "C-000001", "-o", "/dev/null", NULL), ==, 2);
  g_assert_cmpstr (err2, ==, "cairn-cli: --case: \"C-000001\" names a child, not a case (e.g. C-000001/1)\n");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("CAIRN_TODAY", "2012-06-01", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cairn/report/chronology/pdf", test_chronology_pdf);
  g_test_add_func ("/cairn/report/chronology/errors", test_chronology_errors);

  return g_test_run ();
}
