/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-pdf-text"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "cairn-error.h"
#include "cairn-pdf-text.h"

/* poppler-glib 22.12 declares no g_autoptr for its types. */
typedef PopplerDocument CairnPopplerDocument;
typedef PopplerPage CairnPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CairnPopplerPage, g_object_unref)

void
cairn_pdf_text_free (CairnPdfText *text)
{
  if (text == NULL)
    return;
  g_ptr_array_unref (text->pages);
  g_ptr_array_unref (text->outline);
  g_free (text->title);
  g_free (text->author);
  g_free (text->subject);
  g_free (text->keywords);
  g_free (text->creator);
  g_free (text->producer);
  g_free (text);
}

static void
walk_outline (PopplerIndexIter *iter,
              GPtrArray        *out)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;

      if (action != NULL)
        {
          if (action->any.title != NULL)
            g_ptr_array_add (out, g_strdup (action->any.title));
          poppler_action_free (action);
        }
      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        {
          walk_outline (child, out);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

/**
 * cairn_pdf_text_extract:
 *
 * Returns: (transfer full): every text in @pdf, or %NULL when Poppler cannot read it
 */
CairnPdfText *
cairn_pdf_text_extract (GBytes  *pdf,
                        GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (CairnPopplerDocument) doc = poppler_document_new_from_bytes (pdf, NULL, &local);
  CairnPdfText *text;
  PopplerIndexIter *iter;
  int n;

  if (doc == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_CORRUPT, _("PDF: %s"), local->message);
      return NULL;
    }
  text = g_new0 (CairnPdfText, 1);
  text->pages = g_ptr_array_new_with_free_func (g_free);
  text->outline = g_ptr_array_new_with_free_func (g_free);
  n = poppler_document_get_n_pages (doc);
  for (int i = 0; i < n; i++)
    {
      g_autoptr (CairnPopplerPage) page = poppler_document_get_page (doc, i);
      char *page_text = page ? poppler_page_get_text (page) : NULL;
      g_ptr_array_add (text->pages, page_text ? page_text : g_strdup (""));
    }
  iter = poppler_index_iter_new (doc);
  if (iter != NULL)
    {
      walk_outline (iter, text->outline);
      poppler_index_iter_free (iter);
    }
  text->title = poppler_document_get_title (doc);
  text->author = poppler_document_get_author (doc);
  text->subject = poppler_document_get_subject (doc);
  text->keywords = poppler_document_get_keywords (doc);
  text->creator = poppler_document_get_creator (doc);
  text->producer = poppler_document_get_producer (doc);
  text->creation_date = poppler_document_get_creation_date (doc);
  return text;
}

CairnPdfText *
cairn_pdf_text_extract_file (const char  *path,
                             GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_IO, "%s: %s", path, local->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  return cairn_pdf_text_extract (bytes, error);
}
