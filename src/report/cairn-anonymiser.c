/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-anonymiser"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cairn-anonymiser.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-pdf-text.h"
#include "cairn-utils.h"
#include "cairn-validate.h"

#define CONTEXT_CHARS 40

/* ---- Normalised text ----------------------------------------------------
 *
 * Text is compared in a normal form: compatibility-decomposed without
 * accents, case-folded, every run of white space one space, curly
 * apostrophes straight, dashes plain hyphens, soft hyphens and zero-width
 * characters gone. Each byte of the normal form remembers which character
 * of the original it came from, so that a match can be shown in context
 * and replaced. */

typedef struct
{
  GString *text;
  GArray *src_start; /* int, per byte of text */
  GArray *src_end;
} Norm;

static void
norm_push (Norm       *n,
           const char *bytes,
           gsize       len,
           int         start,
           int         end)
{
  g_string_append_len (n->text, bytes, (gssize) len);
  for (gsize i = 0; i < len; i++)
    {
      g_array_append_val (n->src_start, start);
      g_array_append_val (n->src_end, end);
    }
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F;
}

static void
norm_init (Norm       *n,
           const char *text)
{
  gboolean prev_space = TRUE;

  n->text = g_string_new (NULL);
  n->src_start = g_array_new (FALSE, FALSE, sizeof (int));
  n->src_end = g_array_new (FALSE, FALSE, sizeof (int));
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int start = (int) (p - text), end = (int) (g_utf8_next_char (p) - text);

      if (is_space (c))
        {
          if (!prev_space)
            norm_push (n, " ", 1, start, end);
          prev_space = TRUE;
          continue;
        }
      if (c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF)
        continue;
      prev_space = FALSE;
      if (c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x02BC || c == 0x0060 || c == 0x00B4 ||
          c == 0x2032)
        c = '\'';
      else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D)
        c = '-';
      if (c < 0x80)
        {
          char b = g_ascii_tolower ((char) c);
          norm_push (n, &b, 1, start, end);
        }
      else
        {
          char buf[8];
          int len = g_unichar_to_utf8 (c, buf);
          g_autofree char *decomposed = g_utf8_normalize (buf, len, G_NORMALIZE_ALL);
          GString *kept = g_string_new (NULL);
          g_autofree char *folded = NULL;

          for (const char *q = decomposed; q && *q; q = g_utf8_next_char (q))
            {
              gunichar d = g_utf8_get_char (q);
              GUnicodeType t = g_unichar_type (d);
              if (t != G_UNICODE_NON_SPACING_MARK && t != G_UNICODE_SPACING_MARK &&
                  t != G_UNICODE_ENCLOSING_MARK)
                g_string_append_unichar (kept, d);
            }
          folded = g_utf8_casefold (kept->str, (gssize) kept->len);
          norm_push (n, folded, strlen (folded), start, end);
          g_string_free (kept, TRUE);
        }
    }
  /* No trailing space. */
  if (n->text->len > 0 && n->text->str[n->text->len - 1] == ' ')
    {
      g_string_truncate (n->text, n->text->len - 1);
      g_array_set_size (n->src_start, n->text->len);
      g_array_set_size (n->src_end, n->text->len);
    }
}

static void
norm_clear (Norm *n)
{
  g_string_free (n->text, TRUE);
  g_array_unref (n->src_start);
  g_array_unref (n->src_end);
}

/* The normal form of @text alone, trimmed of anything but letters and digits at its ends. */
static char *
normalise (const char *text)
{
  Norm n;
  char *s, *start, *end;

  norm_init (&n, text);
  s = g_string_free (n.text, FALSE);
  g_array_unref (n.src_start);
  g_array_unref (n.src_end);
  start = s;
  while (*start && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);
      if (g_unichar_isalnum (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  *end = '\0';
  memmove (s, start, strlen (start) + 1);
  return s;
}

static gboolean
alnum_before (const char *text,
              gsize       pos)
{
  if (pos == 0)
    return FALSE;
  return g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (text + pos)));
}

static gboolean
alnum_at (const char *text,
          gsize       pos)
{
  return text[pos] != '\0' && g_unichar_isalnum (g_utf8_get_char (text + pos));
}

/* ---- Identifiers --------------------------------------------------------- */

typedef enum
{
  MATCH_WORDS,  /* whole words, in the normal form */
  MATCH_DIGITS, /* the digits, whatever spaces or hyphens sit between them */
} MatchKind;

typedef struct
{
  char *norm;
  char *what;
  MatchKind match;
  gboolean released;
  /* For rewriting narrative text; NULL when the identifier is only checked. */
  char *replacement;
  gboolean needs_capital;
} Identifier;

static void
identifier_free (Identifier *id)
{
  g_free (id->norm);
  g_free (id->what);
  g_free (id->replacement);
  g_free (id);
}

struct _CairnAnonymiser
{
  GPtrArray *mapping;         /* CairnPseudonymEntry */
  GHashTable *by_key;         /* key → CairnPseudonymEntry */
  GPtrArray *identifiers;     /* Identifier */
  GPtrArray *rewrites;        /* Identifier (borrowed), longest first */
  GPtrArray *by_length;       /* Identifier (borrowed), longest first */
  GHashTable *released;       /* normalised words */
  GPtrArray *officers;        /* normal forms of the named officers' full names */
  GDate subject_dob;
  char *subject_pseudonym;
  CairnScrDateDisplay dates;
  GRegex *re_dmy, *re_mdy, *re_iso, *re_numeric, *re_month_year;
  GRegex *re_postcode, *re_nhs, *re_upn;
};

void
cairn_leak_free (CairnLeak *leak)
{
  if (leak == NULL)
    return;
  g_free (leak->found);
  g_free (leak->identifier);
  g_free (leak->what);
  g_free (leak->where);
  g_free (leak->context);
  g_free (leak);
}

static void
entry_free (CairnPseudonymEntry *e)
{
  g_free (e->key);
  g_free (e->role);
  g_free (e->real_name);
  g_free (e->pseudonym);
  g_free (e);
}

static const char *months[] = { NULL, "january", "february", "march", "april", "may", "june",
                                "july", "august", "september", "october", "november", "december" };
static const char *month_abbr[] = { NULL, "jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec" };

static gboolean
is_month_name (const char *norm)
{
  for (int m = 1; m <= 12; m++)
    if (g_strcmp0 (norm, months[m]) == 0)
      return TRUE;
  return FALSE;
}

static Identifier *
add_identifier (CairnAnonymiser *self,
                const char      *text,
                MatchKind        match,
                const char      *what,
                const char      *replacement,
                gboolean         needs_capital)
{
  g_autofree char *norm = NULL;
  Identifier *id;

  if (cairn_str_empty (text))
    return NULL;
  if (match == MATCH_DIGITS)
    {
      GString *digits = g_string_new (NULL);
      for (const char *p = text; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      norm = g_string_free (digits, FALSE);
      /* Short numbers are everywhere (ages, counts): only long ones identify. */
      if (strlen (norm) < 6)
        return NULL;
    }
  else
    {
      norm = normalise (text);
      /* One letter is an initial, not an identifier. */
      if (g_utf8_strlen (norm, -1) < 2)
        return NULL;
    }
  for (guint i = 0; i < self->identifiers->len; i++)
    {
      Identifier *other = g_ptr_array_index (self->identifiers, i);
      if (other->match == match && strcmp (other->norm, norm) == 0)
        return other; /* Shared (a family name): the first description stands. */
    }
  id = g_new0 (Identifier, 1);
  id->norm = g_steal_pointer (&norm);
  id->what = g_strdup (what);
  id->match = match;
  id->replacement = g_strdup (replacement);
  id->needs_capital = needs_capital;
  g_ptr_array_add (self->identifiers, id);
  return id;
}

/* Each word of @text, and for hyphenated words each part and the word without its hyphen. */
static void
add_name_words (CairnAnonymiser *self,
                const char      *text,
                const char      *what,
                const char      *replacement)
{
  g_auto (GStrv) words = g_regex_split_simple ("[\\s,;/()]+", text ? text : "", 0, 0);

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      add_identifier (self, words[i], MATCH_WORDS, what, replacement, TRUE);
      if (strchr (words[i], '-') != NULL)
        {
          g_auto (GStrv) parts = g_strsplit (words[i], "-", -1);
          g_autofree char *joined = g_strjoinv ("", parts);
          for (guint j = 0; parts[j]; j++)
            if (g_utf8_strlen (parts[j], -1) >= 3)
              add_identifier (self, parts[j], MATCH_WORDS, what, replacement, TRUE);
          add_identifier (self, joined, MATCH_WORDS, what, replacement, TRUE);
        }
    }
}

static void
add_date_of_birth (CairnAnonymiser *self,
                   const GDate     *dob,
                   const char      *what)
{
  static const char *ordinals[] = { "th", "st", "nd", "rd" };
  int d, m, y;
  const char *ord;
  g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);

  if (!cairn_date_is_set (dob))
    return;
  d = g_date_get_day (dob);
  m = g_date_get_month (dob);
  y = g_date_get_year (dob);
  ord = (d % 10 <= 3 && (d < 11 || d > 13)) ? ordinals[d % 10] : "th";
  if (d % 10 == 0)
    ord = "th";
  g_ptr_array_add (forms, g_strdup_printf ("%04d-%02d-%02d", y, m, d));
  for (const char *sep = "/.-"; *sep; sep++)
    {
      g_ptr_array_add (forms, g_strdup_printf ("%d%c%d%c%d", d, *sep, m, *sep, y));
      g_ptr_array_add (forms, g_strdup_printf ("%02d%c%02d%c%d", d, *sep, m, *sep, y));
      g_ptr_array_add (forms, g_strdup_printf ("%02d%c%02d%c%02d", d, *sep, m, *sep, y % 100));
      g_ptr_array_add (forms, g_strdup_printf ("%d%c%d%c%02d", d, *sep, m, *sep, y % 100));
    }
  g_ptr_array_add (forms, g_strdup_printf ("%d %s %d", d, months[m], y));
  g_ptr_array_add (forms, g_strdup_printf ("%d%s %s %d", d, ord, months[m], y));
  g_ptr_array_add (forms, g_strdup_printf ("%d%s of %s %d", d, ord, months[m], y));
  g_ptr_array_add (forms, g_strdup_printf ("%d %s %d", d, month_abbr[m], y));
  g_ptr_array_add (forms, g_strdup_printf ("%d-%s-%d", d, month_abbr[m], y));
  g_ptr_array_add (forms, g_strdup_printf ("%s %d, %d", months[m], d, y));
  g_ptr_array_add (forms, g_strdup_printf ("%s %d %d", months[m], d, y));
  g_ptr_array_add (forms, g_strdup_printf ("%s %d%s, %d", months[m], d, ord, y));
  g_ptr_array_add (forms, g_strdup_printf ("%s %d, %d", month_abbr[m], d, y));
  for (guint i = 0; i < forms->len; i++)
    add_identifier (self, g_ptr_array_index (forms, i), MATCH_WORDS, what, NULL, FALSE);
}

static const char *generic_address_words[] = { "flat", "apartment", "unit", "room", "house", NULL };

static void
add_address (CairnAnonymiser *self,
             const char      *address,
             const char      *postcode,
             const char      *what,
             const char      *postcode_what,
             const char      *replacement)
{
  if (!cairn_str_empty (address))
    {
      g_auto (GStrv) parts = g_regex_split_simple ("\\s*[,\\n;]\\s*", address, 0, 0);
      gboolean first = TRUE;

      add_identifier (self, address, MATCH_WORDS, what, replacement, FALSE);
      for (guint i = 0; parts[i]; i++)
        {
          char *part = g_strstrip (parts[i]);
          gboolean has_digit = strpbrk (part, "0123456789") != NULL;

          if (*part == '\0')
            continue;
          /* The street line (number and street) and the street without its number;
           * a town alone names no one. */
          if (first || has_digit)
            {
              g_autofree char *folded = g_ascii_strdown (part, -1);
              gboolean generic = FALSE;
              for (guint g = 0; generic_address_words[g]; g++)
                if (g_str_has_prefix (folded, generic_address_words[g]))
                  generic = TRUE;
              if (!generic || strlen (part) > 12)
                add_identifier (self, part, MATCH_WORDS, what, replacement, FALSE);
              if (has_digit)
                {
                  const char *street = part;
                  while (*street && (g_ascii_isdigit (*street) || g_ascii_isalpha (street[0]) == 0))
                    street++;
                  /* "12a Acacia Avenue" → "Acacia Avenue" */
                  if (street > part && g_ascii_isalpha (*street) && street[1] == ' ')
                    street += 2;
                  if (strchr (street, ' ') != NULL && street != part)
                    add_identifier (self, street, MATCH_WORDS, what, replacement, TRUE);
                }
              first = FALSE;
            }
        }
    }
  if (!cairn_str_empty (postcode))
    {
      {
        GString *s = g_string_new (NULL);
        for (const char *p = postcode; *p; p++)
          if (*p != ' ')
            g_string_append_c (s, *p);
        add_identifier (self, postcode, MATCH_WORDS, postcode_what, "", FALSE);
        add_identifier (self, s->str, MATCH_WORDS, postcode_what, "", FALSE);
        /* "AB1 2CD" typed as "AB12CD" has a canonical spaced form too. */
        if (s->len >= 5)
          {
            g_autofree char *spaced = g_strdup_printf ("%.*s %s", (int) s->len - 3, s->str,
                                                       s->str + s->len - 3);
            add_identifier (self, spaced, MATCH_WORDS, postcode_what, "", FALSE);
          }
        g_string_free (s, TRUE);
      }
    }
}

static const char *school_suffixes[] = {
  "primary school", "junior school", "infant school", "infants school", "nursery school",
  "secondary school", "high school", "first school", "middle school", "community school",
  "school", "primary", "academy", "college", "nursery", "infants", "juniors", NULL
};

static void
add_school (CairnAnonymiser *self,
            const char      *school,
            const char      *what,
            const char      *replacement)
{
  g_autofree char *lower = NULL;

  if (cairn_str_empty (school))
    return;
  add_identifier (self, school, MATCH_WORDS, what, replacement, FALSE);
  lower = g_ascii_strdown (school, -1);
  for (guint i = 0; school_suffixes[i]; i++)
    if (g_str_has_suffix (lower, school_suffixes[i]))
      {
        g_autofree char *stem = g_strndup (school, strlen (school) - strlen (school_suffixes[i]));
        g_strstrip (stem);
        if (g_utf8_strlen (stem, -1) >= 4)
          add_identifier (self, stem, MATCH_WORDS, what, replacement, TRUE);
        break;
      }
}

/* ---- Pseudonyms ---------------------------------------------------------- */

static CairnPseudonymEntry *
add_entry (CairnAnonymiser      *self,
           const CairnScrPerson *p,
           const char           *role,
           char                 *pseudonym)
{
  CairnPseudonymEntry *e = g_new0 (CairnPseudonymEntry, 1);

  e->key = g_strdup (p->key);
  e->role = g_strdup (role);
  e->real_name = cairn_scr_person_dup_name (p);
  e->pseudonym = pseudonym;
  g_ptr_array_add (self->mapping, e);
  g_hash_table_insert (self->by_key, e->key, e);
  return e;
}

static char *
letter_name (const char *word,
             int        *letter)
{
  int n = (*letter)++;

  if (n < 26)
    return g_strdup_printf ("%s %c", word, 'A' + n);
  return g_strdup_printf ("%s %d", word, n + 1);
}

static char *
professional_label (const CairnScrPerson *p)
{
  if (cairn_str_empty (p->role) && cairn_str_empty (p->agency))
    return g_strdup (_("a professional"));
  if (cairn_str_empty (p->role))
    return g_strdup_printf (_("a professional (%s)"), p->agency);
  if (cairn_str_empty (p->agency))
    return g_strdup_printf (_("the %s"), p->role);
  return g_strdup_printf (_("the %s (%s)"), p->role, p->agency);
}

static gboolean
pseudonym_taken (CairnAnonymiser *self,
                 const char      *pseudonym,
                 const char      *except_key)
{
  g_autofree char *norm = normalise (pseudonym);

  for (guint i = 0; i < self->mapping->len; i++)
    {
      CairnPseudonymEntry *e = g_ptr_array_index (self->mapping, i);
      g_autofree char *other = NULL;
      if (g_strcmp0 (e->key, except_key) == 0)
        continue;
      other = normalise (e->pseudonym);
      if (strcmp (norm, other) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
assign_pseudonyms (CairnAnonymiser *self,
                   const CairnScr  *scr)
{
  int letter = 0;
  GHashTable *used_roles = g_hash_table_new (g_str_hash, g_str_equal);

  /* The subject takes A, then siblings and other adults the following letters. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < scr->people->len; i++)
      {
        const CairnScrPerson *p = g_ptr_array_index (scr->people, i);

        if ((pass == 0) != (p->kind == CAIRN_SCR_PERSON_SUBJECT))
          continue;
        switch (p->kind)
          {
          case CAIRN_SCR_PERSON_SUBJECT:
            add_entry (self, p, _("Subject child"), letter_name (_("Child"), &letter));
            break;
          case CAIRN_SCR_PERSON_SIBLING:
            add_entry (self, p, _("Sibling"), letter_name (_("Sibling"), &letter));
            break;
          case CAIRN_SCR_PERSON_ADULT:
            {
              const char *rel = p->relationship ? p->relationship : "";
              const char *label = NULL;
              const char *role = cairn_codes_label (CAIRN_CODES_RELATIONSHIP, rel);

              if (g_strcmp0 (rel, "mother") == 0)
                label = _("Mother");
              else if (g_strcmp0 (rel, "father") == 0)
                label = _("Father");
              else if (g_strcmp0 (rel, "stepmother") == 0)
                label = _("Stepmother");
              else if (g_strcmp0 (rel, "stepfather") == 0)
                label = _("Stepfather");
              else if (g_strcmp0 (rel, "grandparent") == 0)
                label = g_strcmp0 (p->sex, "F") == 0 ? _("Grandmother")
                        : g_strcmp0 (p->sex, "M") == 0 ? _("Grandfather") : _("Grandparent");
              else if (g_strcmp0 (rel, "aunt_uncle") == 0)
                label = g_strcmp0 (p->sex, "F") == 0 ? _("Aunt")
                        : g_strcmp0 (p->sex, "M") == 0 ? _("Uncle") : NULL;
              if (label != NULL && !g_hash_table_contains (used_roles, label))
                {
                  g_hash_table_add (used_roles, (gpointer) label);
                  add_entry (self, p, role ? role : label, g_strdup (label));
                }
              else
                add_entry (self, p, role ? role : _("Other adult"), letter_name (_("Adult"), &letter));
            }
            break;
          case CAIRN_SCR_PERSON_PROFESSIONAL:
          case CAIRN_SCR_PERSON_PANEL:
          default:
            {
              g_autofree char *label = professional_label (p);
              char *pseudonym = g_strdup (label);
              g_autofree char *role = NULL;
              for (int n = 2; pseudonym_taken (self, pseudonym, NULL); n++)
                {
                  g_free (pseudonym);
                  pseudonym = cairn_str_empty (p->role)
                                ? g_strdup_printf ("%s %d", label, n)
                                : cairn_str_empty (p->agency)
                                    ? g_strdup_printf (_("the %s %d"), p->role, n)
                                    : g_strdup_printf (_("the %s %d (%s)"), p->role, n, p->agency);
                }
              role = p->kind == CAIRN_SCR_PERSON_PANEL ? g_strdup (_("Panel member"))
                                                       : g_strdup (_("Professional"));
              add_entry (self, p, role, pseudonym);
            }
            break;
          }
      }
  g_hash_table_unref (used_roles);

  /* The panel's adjustments. */
  for (guint i = 0; i < scr->pseudonyms->len; i++)
    {
      const CairnScrPseudonym *ps = g_ptr_array_index (scr->pseudonyms, i);
      CairnPseudonymEntry *e = g_hash_table_lookup (self->by_key, ps->subject_key);
      if (e != NULL && !cairn_str_empty (ps->pseudonym))
        {
          cairn_set_str (&e->pseudonym, ps->pseudonym);
          e->adjusted = TRUE;
        }
    }
  /* A default that now clashes with an adjusted one takes a fresh letter. */
  for (guint i = 0; i < self->mapping->len; i++)
    {
      CairnPseudonymEntry *e = g_ptr_array_index (self->mapping, i);
      while (!e->adjusted && pseudonym_taken (self, e->pseudonym, e->key))
        {
          g_free (e->pseudonym);
          e->pseudonym = letter_name (_("Adult"), &letter);
        }
    }
}

/* ---- Building -------------------------------------------------------------- */

static void
add_person_identifiers (CairnAnonymiser      *self,
                        const CairnScrPerson *p,
                        const char           *pseudonym,
                        gboolean              shared_family_name)
{
  g_autofree char *full = cairn_scr_person_dup_name (p);
  g_autofree char *short_name = NULL;
  g_autofree char *name_what = g_strdup_printf (_("name of %s"), pseudonym);
  g_autofree char *given_what = g_strdup_printf (_("given name of %s"), pseudonym);
  g_autofree char *family_what = g_strdup_printf (_("family name of %s"), pseudonym);
  gboolean family = p->kind == CAIRN_SCR_PERSON_SUBJECT || p->kind == CAIRN_SCR_PERSON_SIBLING ||
                    p->kind == CAIRN_SCR_PERSON_ADULT;

  /* Full names first, so that rewriting replaces "Amelia Smith" with one pseudonym. */
  add_identifier (self, full, MATCH_WORDS, name_what, pseudonym, TRUE);
  if (!cairn_str_empty (p->given_name) && !cairn_str_empty (p->family_name))
    {
      short_name = g_strdup_printf ("%s %s", p->given_name, p->family_name);
      add_identifier (self, short_name, MATCH_WORDS, name_what, pseudonym, TRUE);
    }
  if (!cairn_str_empty (p->family_name) && p->kind != CAIRN_SCR_PERSON_SUBJECT &&
      p->kind != CAIRN_SCR_PERSON_SIBLING)
    {
      const char *titles_m[] = { "Mr", "Mr.", "Master", NULL };
      const char *titles_f[] = { "Mrs", "Mrs.", "Ms", "Ms.", "Miss", NULL };
      const char *titles_any[] = { "Dr", "Dr.", NULL };
      const char **sets[] = { g_strcmp0 (p->sex, "F") == 0 ? NULL : titles_m,
                              g_strcmp0 (p->sex, "M") == 0 ? NULL : titles_f, titles_any };
      for (gsize s = 0; s < G_N_ELEMENTS (sets); s++)
        for (guint t = 0; sets[s] && sets[s][t]; t++)
          {
            g_autofree char *titled = g_strdup_printf ("%s %s", sets[s][t], p->family_name);
            add_identifier (self, titled, MATCH_WORDS, name_what, pseudonym, TRUE);
          }
    }
  if (!cairn_str_empty (p->family_name))
    {
      if (family)
        {
          g_autofree char *the_family = g_strdup_printf ("the %s family", p->family_name);
          g_autofree char *fam = g_strdup_printf ("%s family", p->family_name);
          add_identifier (self, the_family, MATCH_WORDS, family_what, _("the family"), FALSE);
          add_identifier (self, fam, MATCH_WORDS, family_what, _("the family"), TRUE);
        }
    }
  add_name_words (self, p->given_name, given_what, pseudonym);
  add_name_words (self, p->other_names, given_what, pseudonym);
  if (!cairn_str_empty (p->aliases))
    {
      g_auto (GStrv) lines = g_strsplit (p->aliases, "\n", -1);
      g_autofree char *alias_what = g_strdup_printf (_("alias of %s"), pseudonym);
      for (guint i = 0; lines[i]; i++)
        {
          g_strstrip (lines[i]);
          add_identifier (self, lines[i], MATCH_WORDS, alias_what, pseudonym, TRUE);
          add_name_words (self, lines[i], alias_what, pseudonym);
        }
    }
  /* A family name alone, when several of the family share it, is the family. */
  add_name_words (self, p->family_name, family_what,
                  family && shared_family_name ? _("the family") : pseudonym);

  {
    g_autofree char *dob_what = g_strdup_printf (_("date of birth of %s"), pseudonym);
    g_autofree char *address_what = g_strdup_printf (_("address of %s"), pseudonym);
    g_autofree char *postcode_what = g_strdup_printf (_("postcode of %s"), pseudonym);
    g_autofree char *school_what = g_strdup_printf (_("school of %s"), pseudonym);
    g_autofree char *school_repl = g_strdup_printf (_("%s's school"), pseudonym);
    g_autofree char *nhs_what = g_strdup_printf (_("NHS number of %s"), pseudonym);
    g_autofree char *upn_what = g_strdup_printf (_("UPN of %s"), pseudonym);
    g_autofree char *id_what = g_strdup_printf (_("local authority ID of %s"), pseudonym);
    g_autofree char *phone_what = g_strdup_printf (_("telephone number of %s"), pseudonym);
    g_autofree char *gp_what = g_strdup_printf (_("GP of %s"), pseudonym);

    add_date_of_birth (self, &p->date_of_birth, dob_what);
    add_address (self, p->address, p->postcode, address_what, postcode_what,
                 p->lives_with_child ? _("the family home") : _("an address"));
    add_school (self, p->school, school_what, school_repl);
    add_identifier (self, p->nhs_number, MATCH_DIGITS, nhs_what, "[removed]", FALSE);
    add_identifier (self, p->upn, MATCH_WORDS, upn_what, "[removed]", FALSE);
    add_identifier (self, p->former_upn, MATCH_WORDS, upn_what, "[removed]", FALSE);
    add_identifier (self, p->la_child_id, MATCH_WORDS, id_what, "[removed]", FALSE);
    add_identifier (self, p->phone, MATCH_DIGITS, phone_what, "[removed]", FALSE);
    add_identifier (self, p->gp, MATCH_WORDS, gp_what, _("the GP practice"), FALSE);
  }
}

static int
by_length_desc (gconstpointer a,
                gconstpointer b)
{
  const Identifier *ia = *(const Identifier **) a;
  const Identifier *ib = *(const Identifier **) b;
  gsize la = strlen (ia->norm), lb = strlen (ib->norm);

  return la < lb ? 1 : la > lb ? -1 : 0;
}

#define MONTHS_RE \
  "(January|February|March|April|May|June|July|August|September|October|November|December|" \
  "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"

static GRegex *
regex (const char *pattern)
{
  g_autoptr (GError) error = NULL;
  GRegex *re = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);

  g_assert_no_error (error);
  return re;
}

/**
 * cairn_anonymiser_new:
 *
 * Builds the pseudonym mapping and the list of identifiers of everyone
 * linked to @scr (cairn_store_get_scr() fills CairnScr.people). The
 * anonymiser keeps what it needs; @scr may be freed afterwards.
 */
CairnAnonymiser *
cairn_anonymiser_new (const CairnScr *scr)
{
  CairnAnonymiser *self = g_new0 (CairnAnonymiser, 1);
  const CairnScrPerson *subject = cairn_scr_get_subject (scr);

  self->mapping = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->identifiers = g_ptr_array_new_with_free_func ((GDestroyNotify) identifier_free);
  self->released = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dates = scr->date_display;
  cairn_date_clear (&self->subject_dob);
  if (subject != NULL)
    self->subject_dob = subject->date_of_birth;

  assign_pseudonyms (self, scr);
  /* A review not linked to a child's record still calls the child Child A. */
  self->subject_pseudonym =
    g_strdup (subject ? cairn_anonymiser_get_pseudonym (self, subject->key) : _("Child A"));

  {
    g_autoptr (GHashTable) family_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < scr->people->len; i++)
      {
        const CairnScrPerson *p = g_ptr_array_index (scr->people, i);
        if (p->kind <= CAIRN_SCR_PERSON_ADULT && !cairn_str_empty (p->family_name))
          {
            char *norm = normalise (p->family_name);
            guint n = GPOINTER_TO_UINT (g_hash_table_lookup (family_names, norm));
            g_hash_table_replace (family_names, norm, GUINT_TO_POINTER (n + 1));
          }
      }
    for (guint i = 0; i < scr->people->len; i++)
      {
        const CairnScrPerson *p = g_ptr_array_index (scr->people, i);
        g_autofree char *norm = normalise (p->family_name ? p->family_name : "");
        gboolean shared = GPOINTER_TO_UINT (g_hash_table_lookup (family_names, norm)) > 1;
        add_person_identifiers (self, p, cairn_anonymiser_get_pseudonym (self, p->key), shared);
      }
  }

  for (guint i = 0; i < scr->releases->len; i++)
    {
      const CairnScrRelease *r = g_ptr_array_index (scr->releases, i);
      g_hash_table_add (self->released, normalise (r->word));
    }
  /* The three officers Annex B names are named in full: their full names are not
   * leaks, even where a word of one is also someone's name in the case. */
  self->officers = g_ptr_array_new_with_free_func (g_free);
  {
    const char *officers[] = { scr->lscb_chair, scr->panel_chair, scr->overview_author };
    for (gsize i = 0; i < G_N_ELEMENTS (officers); i++)
      if (!cairn_str_empty (officers[i]))
        {
          char *norm = normalise (officers[i]);
          if (strchr (norm, ' ') != NULL)
            g_ptr_array_add (self->officers, norm);
          else
            g_free (norm);
        }
  }
  self->rewrites = g_ptr_array_new ();
  for (guint i = 0; i < self->identifiers->len; i++)
    {
      Identifier *id = g_ptr_array_index (self->identifiers, i);
      id->released = g_hash_table_contains (self->released, id->norm);
      if (id->replacement != NULL)
        g_ptr_array_add (self->rewrites, id);
    }
  g_ptr_array_sort (self->rewrites, by_length_desc);
  /* (g_ptr_array_copy() would copy the free function too.) */
  self->by_length = g_ptr_array_sized_new (self->identifiers->len);
  for (guint i = 0; i < self->identifiers->len; i++)
    g_ptr_array_add (self->by_length, g_ptr_array_index (self->identifiers, i));
  g_ptr_array_sort (self->by_length, by_length_desc);

  self->re_dmy = regex ("(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" MONTHS_RE "\\.?,?\\s+(\\d{4})");
  self->re_mdy = regex (MONTHS_RE "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
  self->re_iso = regex ("(\\d{4})-(\\d{2})-(\\d{2})(?:T\\d{2}:\\d{2}(?::\\d{2})?)?");
  self->re_numeric = regex ("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})");
  self->re_month_year = regex (MONTHS_RE "\\s+(\\d{4})");
  self->re_postcode = regex ("[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}");
  self->re_nhs = regex ("\\d{3}[ -]?\\d{3}[ -]?\\d{4}");
  self->re_upn = regex ("[A-Z]\\d{11}[A-Z\\d]");
  return self;
}

void
cairn_anonymiser_free (CairnAnonymiser *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rewrites);
  g_ptr_array_unref (self->by_length);
  g_ptr_array_unref (self->identifiers);
  g_hash_table_unref (self->by_key);
  g_ptr_array_unref (self->mapping);
  g_hash_table_unref (self->released);
  g_ptr_array_unref (self->officers);
  g_free (self->subject_pseudonym);
  g_regex_unref (self->re_dmy);
  g_regex_unref (self->re_mdy);
  g_regex_unref (self->re_iso);
  g_regex_unref (self->re_numeric);
  g_regex_unref (self->re_month_year);
  g_regex_unref (self->re_postcode);
  g_regex_unref (self->re_nhs);
  g_regex_unref (self->re_upn);
  g_free (self);
}

/* The pseudonym of the person with @key, or %NULL. */
const char *
cairn_anonymiser_get_pseudonym (CairnAnonymiser *self,
                                const char      *key)
{
  CairnPseudonymEntry *e = g_hash_table_lookup (self->by_key, key);

  return e ? e->pseudonym : NULL;
}

const char *
cairn_anonymiser_get_subject_pseudonym (CairnAnonymiser *self)
{
  return self->subject_pseudonym;
}

/* Returns: (transfer none) (element-type CairnPseudonymEntry): everyone's pseudonym, for the panel */
GPtrArray *
cairn_anonymiser_get_mapping (CairnAnonymiser *self)
{
  return self->mapping;
}

guint
cairn_anonymiser_get_n_identifiers (CairnAnonymiser *self)
{
  return self->identifiers->len;
}

/* ---- Matching --------------------------------------------------------------- */

/* The digits of the run of digits (with spaces, hyphens or dots between) at @pos. */
static GString *
digit_run (const char *h,
           gsize       pos,
           gsize      *end)
{
  GString *digits = g_string_new (NULL);
  const char *q = h + pos, *last = q;

  while (*q)
    {
      if (g_ascii_isdigit (*q))
        {
          g_string_append_c (digits, *q);
          last = q;
          q++;
        }
      else if ((*q == ' ' || *q == '-' || *q == '.') && g_ascii_isdigit (q[1]))
        q++;
      else
        break;
    }
  *end = (gsize) (last - h) + 1;
  return digits;
}

/* Whether @id starts exactly at @pos of the normal form @h (for rewriting). */
static gboolean
identifier_at (const Identifier *id,
               const char       *h,
               gsize             pos,
               gsize            *end)
{
  if (id->match == MATCH_DIGITS)
    {
      g_autoptr (GString) digits = NULL;
      if (!g_ascii_isdigit (h[pos]) || (pos > 0 && g_ascii_isdigit (h[pos - 1])))
        return FALSE;
      digits = digit_run (h, pos, end);
      return strstr (digits->str, id->norm) != NULL;
    }
  else
    {
      gsize len = strlen (id->norm);
      if (strncmp (h + pos, id->norm, len) != 0 || alnum_before (h, pos) || alnum_at (h, pos + len))
        return FALSE;
      *end = pos + len;
      return TRUE;
    }
}

/* Bytes of a text whose lines were joined: where a line started, where one ended. */
#define LINE_START 1
#define LINE_END 2

/* A word starts at @s: after a letter or digit only where a line used to start. */
static gboolean
boundary_before (const Norm   *n,
                 const guint8 *bounds,
                 gsize         s)
{
  if (!alnum_before (n->text->str, s))
    return TRUE;
  return bounds != NULL && (bounds[g_array_index (n->src_start, int, s)] & LINE_START);
}

/* A word ends before @e: before a letter or digit only where a line used to end. */
static gboolean
boundary_after (const Norm   *n,
                const guint8 *bounds,
                gsize         e)
{
  if (!alnum_at (n->text->str, e))
    return TRUE;
  return bounds != NULL && (bounds[g_array_index (n->src_end, int, e - 1) - 1] & LINE_END);
}

/* Finds @id in the normal form @n from byte @from; sets the match's bounds. */
static gboolean
find_identifier (const Identifier *id,
                 const Norm       *n,
                 const guint8     *bounds,
                 gsize             from,
                 gsize            *start,
                 gsize            *end)
{
  const char *h = n->text->str;

  if (id->match == MATCH_DIGITS)
    {
      const char *p = h + from;
      while (*p)
        {
          if (g_ascii_isdigit (*p) && (p == h || !g_ascii_isdigit (p[-1])))
            {
              gsize run_end;
              g_autoptr (GString) digits = digit_run (h, (gsize) (p - h), &run_end);
              if (strstr (digits->str, id->norm) != NULL)
                {
                  *start = (gsize) (p - h);
                  *end = run_end;
                  return TRUE;
                }
              p = h + run_end;
            }
          else
            p++;
        }
      return FALSE;
    }
  else
    {
      gsize len = strlen (id->norm);
      const char *p = h + from;
      while ((p = strstr (p, id->norm)) != NULL)
        {
          gsize s = (gsize) (p - h);
          if (boundary_before (n, bounds, s) && boundary_after (n, bounds, s + len))
            {
              *start = s;
              *end = s + len;
              return TRUE;
            }
          p = g_utf8_next_char (p);
        }
      return FALSE;
    }
}

static char *
context_of (const char *text,
            int         start,
            int         end)
{
  const char *s = text + start, *e = text + end;
  GString *out = g_string_new (NULL);
  g_autofree char *mid = NULL;

  for (int i = 0; i < CONTEXT_CHARS && s > text; i++)
    s = g_utf8_prev_char (s);
  for (int i = 0; i < CONTEXT_CHARS && *e; i++)
    e = g_utf8_next_char (e);
  if (s > text)
    g_string_append (out, "…");
  g_string_append_len (out, s, e - s);
  if (*e)
    g_string_append (out, "…");
  mid = g_string_free (out, FALSE);
  g_strdelimit (mid, "\n\r\t", ' ');
  return g_steal_pointer (&mid);
}

typedef struct
{
  GPtrArray *leaks;
  GHashTable *seen; /* "identifier-index\x1fwhere" → CairnLeak */
} Findings;

typedef struct
{
  gsize start, end;
} Span;

/* Checks one text; a match inside a longer one at the same place ("Stanton" in
 * "Mr Stanton") is not reported again. */
static void
scan (CairnAnonymiser *self,
      Findings        *f,
      const char      *text,
      const guint8    *bounds,
      const char      *where,
      int              page)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  Norm n;

  norm_init (&n, text);
  /* A named officer's full name is allowed, words and all. */
  for (guint i = 0; i < self->officers->len; i++)
    {
      Identifier officer = { .norm = g_ptr_array_index (self->officers, i), .match = MATCH_WORDS };
      gsize from = 0, s, e;
      while (from < n.text->len && find_identifier (&officer, &n, bounds, from, &s, &e))
        {
          Span span = { s, e };
          g_array_append_val (spans, span);
          from = e;
        }
    }
  for (guint i = 0; i < self->by_length->len; i++)
    {
      Identifier *id = g_ptr_array_index (self->by_length, i);
      g_autofree char *key = NULL;
      gsize from = 0, s, e;
      CairnLeak *leak;

      if (id->released)
        continue;
      key = g_strdup_printf ("%p\x1f%s", (void *) id, where);
      while (from < n.text->len && find_identifier (id, &n, bounds, from, &s, &e))
        {
          int os = g_array_index (n.src_start, int, s);
          int oe = g_array_index (n.src_end, int, e - 1);
          gboolean inside = FALSE;
          Span span = { s, e };

          from = e;
          for (guint k = 0; k < spans->len && !inside; k++)
            {
              Span *other = &g_array_index (spans, Span, k);
              inside = s >= other->start && e <= other->end;
            }
          if (inside)
            continue;
          g_array_append_val (spans, span);
          leak = g_hash_table_lookup (f->seen, key);
          if (leak == NULL)
            {
              leak = g_new0 (CairnLeak, 1);
              leak->found = g_strndup (text + os, (gsize) (oe - os));
              g_strdelimit (leak->found, "\n\r\t", ' ');
              leak->identifier = g_strdup (id->norm);
              leak->what = g_strdup (id->what);
              leak->where = g_strdup (where);
              leak->page = page;
              leak->context = context_of (text, os, oe);
              leak->offset = (guint) os;
              g_ptr_array_add (f->leaks, leak);
              g_hash_table_insert (f->seen, g_strdup (key), leak);
            }
          leak->count++;
        }
    }
  norm_clear (&n);
}

/* @text with its line breaks taken out: all of them (a hyphen at a break goes too), or
 * with @only_hyphens only those after a hyphen (which stays: "Anne-Marie"). @bounds
 * receives, per byte, where lines started and ended. */
static char *
join_lines (const char  *text,
            gboolean     only_hyphens,
            guint8     **bounds)
{
  GString *out = g_string_new (NULL);
  GByteArray *marks = g_byte_array_new ();
  gboolean line_start = FALSE;

  for (const char *p = text; *p;)
    {
      const char *q = p;
      gboolean hyphen = *q == '-';
      guint8 mark;

      if (hyphen)
        q++;
      while (*q == ' ' || *q == '\t')
        q++;
      if (*q == '\n' && (hyphen || !only_hyphens))
        {
          q++;
          while (*q == ' ' || *q == '\t')
            q++;
          if (only_hyphens)
            {
              mark = 0;
              g_string_append_c (out, '-');
              g_byte_array_append (marks, &mark, 1);
            }
          else if (marks->len > 0)
            marks->data[marks->len - 1] |= LINE_END;
          line_start = !only_hyphens;
          p = q;
          continue;
        }
      mark = line_start ? LINE_START : 0;
      line_start = FALSE;
      g_string_append_c (out, *p);
      g_byte_array_append (marks, &mark, 1);
      p++;
    }
  *bounds = g_byte_array_free (marks, FALSE);
  return g_string_free (out, FALSE);
}

/* The text as read back, and joined where a word was broken at a line end. */
static void
scan_variants (CairnAnonymiser *self,
               Findings        *f,
               const char      *text,
               const char      *where,
               int              page)
{
  g_autofree char *joined = NULL;
  g_autofree char *hyphened = NULL;
  g_autofree guint8 *joined_bounds = NULL;
  g_autofree guint8 *hyphened_bounds = NULL;
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);

  scan (self, f, text, NULL, where, page);
  if (strchr (text, '\n') == NULL)
    return;
  /* Occurrences are counted in the text as it reads; the joined forms only add new finds. */
  g_hash_table_iter_init (&iter, f->seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (counts, value, GUINT_TO_POINTER (((CairnLeak *) value)->count));
  joined = join_lines (text, FALSE, &joined_bounds);
  hyphened = join_lines (text, TRUE, &hyphened_bounds);
  scan (self, f, joined, joined_bounds, where, page);
  scan (self, f, hyphened, NULL, where, page);
  g_hash_table_iter_init (&iter, f->seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CairnLeak *leak = value;
      gpointer before;
      if (g_hash_table_lookup_extended (counts, leak, NULL, &before))
        leak->count = GPOINTER_TO_UINT (before);
      else if (g_str_equal (leak->where, where))
        leak->count = 1;
    }
}

static void
findings_init (Findings *f)
{
  f->leaks = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_leak_free);
  f->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Pages in order, then bookmarks and metadata; within each, in reading order. */
static int
leak_order (gconstpointer a,
            gconstpointer b)
{
  const CairnLeak *la = *(const CairnLeak **) a, *lb = *(const CairnLeak **) b;
  int pa = la->page > 0 ? la->page : G_MAXINT, pb = lb->page > 0 ? lb->page : G_MAXINT;
  int c;

  if (pa != pb)
    return pa < pb ? -1 : 1;
  if ((c = g_strcmp0 (la->where, lb->where)) != 0)
    return c;
  return la->offset < lb->offset ? -1 : la->offset > lb->offset ? 1 : 0;
}

static GPtrArray *
findings_finish (Findings *f)
{
  g_hash_table_unref (f->seen);
  g_ptr_array_sort (f->leaks, leak_order);
  return f->leaks;
}

/**
 * cairn_anonymiser_check_text:
 * @where: where the text is, for the report
 * @page: its page (from 1), or 0
 *
 * Returns: (transfer full) (element-type CairnLeak): every identifier of anyone linked to
 *   the case that @text holds, except released words
 */
GPtrArray *
cairn_anonymiser_check_text (CairnAnonymiser *self,
                             const char      *text,
                             const char      *where,
                             int              page)
{
  Findings f;

  findings_init (&f);
  scan_variants (self, &f, text ? text : "", where, page);
  return findings_finish (&f);
}

/**
 * cairn_anonymiser_check_pdf:
 *
 * Extracts every text of @pdf with Poppler (each page, the bookmarks, the
 * title, author, subject, keywords and creator) and checks it.
 *
 * Returns: (transfer full) (element-type CairnLeak): what was found (empty when clean),
 *   or %NULL when the PDF cannot be read
 */
GPtrArray *
cairn_anonymiser_check_pdf (CairnAnonymiser  *self,
                            GBytes           *pdf,
                            GError          **error)
{
  g_autoptr (CairnPdfText) text = cairn_pdf_text_extract (pdf, error);
  Findings f;
  const struct
  {
    const char *text;
    const char *where;
  } meta[] = {
    { text ? text->title : NULL, N_("PDF title") },
    { text ? text->author : NULL, N_("PDF author") },
    { text ? text->subject : NULL, N_("PDF subject") },
    { text ? text->keywords : NULL, N_("PDF keywords") },
    { text ? text->creator : NULL, N_("PDF creator") },
  };

  if (text == NULL)
    return NULL;
  findings_init (&f);
  for (guint i = 0; i < text->pages->len; i++)
    {
      g_autofree char *where = g_strdup_printf (_("page %u"), i + 1);
      scan_variants (self, &f, g_ptr_array_index (text->pages, i), where, (int) i + 1);
    }
  for (guint i = 0; i < text->outline->len; i++)
    scan_variants (self, &f, g_ptr_array_index (text->outline, i), _("bookmarks"), 0);
  for (gsize i = 0; i < G_N_ELEMENTS (meta); i++)
    if (meta[i].text != NULL)
      scan_variants (self, &f, meta[i].text, _(meta[i].where), 0);
  return findings_finish (&f);
}

typedef struct
{
  CairnAnonymiser *self;
  Findings *f;
} DocScan;

static void
scan_document_text (const char *text,
                    const char *where,
                    gpointer    user_data)
{
  DocScan *d = user_data;

  scan_variants (d->self, d->f, text, where, 0);
}

/**
 * cairn_anonymiser_check_document:
 *
 * Checks every text of the document model (before layout): a second line of
 * defence that sees words whole even where the layout broke them in a
 * narrow table cell.
 *
 * Returns: (transfer full) (element-type CairnLeak): what was found
 */
GPtrArray *
cairn_anonymiser_check_document (CairnAnonymiser *self,
                                 CairnDocument   *doc)
{
  Findings f;
  DocScan d = { self, &f };

  findings_init (&f);
  cairn_document_foreach_text (doc, scan_document_text, &d);
  return findings_finish (&f);
}

/* One line for a person: where, what, and the words around it. */
char *
cairn_leak_to_string (const CairnLeak *leak)
{
  g_autofree char *times = leak->count > 1 ? g_strdup_printf (_(" (%u times)"), leak->count)
                                           : g_strdup ("");
  return g_strdup_printf (_("%s: “%s” (%s)%s in “%s”"), leak->where, leak->found, leak->what, times,
                          leak->context);
}

gboolean
cairn_anonymiser_check_pseudonym (CairnAnonymiser  *self,
                                  const char       *key,
                                  const char       *pseudonym,
                                  GError          **error)
{
  g_autoptr (GPtrArray) leaks = NULL;

  if (!cairn_validate_required (_("Pseudonym"), pseudonym, error))
    return FALSE;
  if (g_hash_table_lookup (self->by_key, key) == NULL)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_NOT_FOUND,
                   _("Subject: \"%s\" is not linked to this review"), key);
      return FALSE;
    }
  leaks = cairn_anonymiser_check_text (self, pseudonym, _("pseudonym"), 0);
  if (leaks->len > 0)
    {
      CairnLeak *leak = g_ptr_array_index (leaks, 0);
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Pseudonym: \"%s\" contains the %s"), pseudonym, leak->what);
      return FALSE;
    }
  if (pseudonym_taken (self, pseudonym, key))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_EXISTS,
                   _("Pseudonym: \"%s\" is already used in this review"), pseudonym);
      return FALSE;
    }
  return TRUE;
}

/* ---- Rewriting -------------------------------------------------------------- */

static char *
month_year (int month,
            int year)
{
  static const char *names[] = { NULL, N_("January"), N_("February"), N_("March"), N_("April"),
                                 N_("May"), N_("June"), N_("July"), N_("August"),
                                 N_("September"), N_("October"), N_("November"), N_("December") };

  return g_strdup_printf ("%s %d", _(names[month]), year);
}

/* Whole months from @from to @to (negative when @to is earlier). */
static int
months_between (const GDate *from,
                const GDate *to)
{
  int m = ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12 +
          ((int) g_date_get_month (to) - (int) g_date_get_month (from));

  if (m > 0 && g_date_get_day (to) < g_date_get_day (from))
    m--;
  else if (m < 0 && g_date_get_day (to) > g_date_get_day (from))
    m++;
  return m;
}

static char *
age_text (int days,
          int months)
{
  if (months < 1)
    {
      int weeks = days / 7;
      if (weeks < 1)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", weeks), weeks);
    }
  if (months < 24)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", months), months);
  if (months % 12 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", months / 12),
                            months / 12);
  {
    g_autofree char *y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years",
                                                       months / 12), months / 12);
    g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months",
                                                       months % 12), months % 12);
    return g_strdup_printf ("%s %s", y, m);
  }
}

/**
 * cairn_anonymiser_format_date:
 *
 * A date as the panel chose to show them: "March 2011", or the subject
 * child's age then ("aged 2 years 3 months", "3 months before birth").
 * Without the child's date of birth, ages fall back to month and year.
 */
char *
cairn_anonymiser_format_date (CairnAnonymiser *self,
                              const GDate     *date)
{
  int days, months;
  g_autofree char *age = NULL;

  if (!cairn_date_is_set (date))
    return g_strdup ("");
  if (self->dates == CAIRN_SCR_DATES_MONTH_YEAR || !cairn_date_is_set (&self->subject_dob))
    return month_year (g_date_get_month (date), g_date_get_year (date));
  days = g_date_days_between (&self->subject_dob, date);
  months = months_between (&self->subject_dob, date);
  if (days < 0)
    {
      age = age_text (-days, -months);
      return g_strdup_printf (_("%s before birth"), age);
    }
  age = age_text (days, months);
  return g_strdup_printf (_("aged %s"), age);
}

static char *
date_phrase (CairnAnonymiser *self,
             const GDate     *date,
             gboolean         after_on)
{
  int days, months;
  g_autofree char *age = NULL;

  if (self->dates == CAIRN_SCR_DATES_MONTH_YEAR || !cairn_date_is_set (&self->subject_dob))
    {
      g_autofree char *my = month_year (g_date_get_month (date), g_date_get_year (date));
      return after_on ? g_strdup_printf (_("in %s"), my) : g_steal_pointer (&my);
    }
  days = g_date_days_between (&self->subject_dob, date);
  months = months_between (&self->subject_dob, date);
  if (days < 0)
    {
      age = age_text (-days, -months);
      return g_strdup_printf (_("%s before %s was born"), age, self->subject_pseudonym);
    }
  age = age_text (days, months);
  return g_strdup_printf (_("when %s was aged %s"), self->subject_pseudonym, age);
}

static int
month_from_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (int m = 1; m <= 12; m++)
    if (g_str_has_prefix (months[m], lower) && strlen (lower) >= 3)
      return m;
  return 0;
}

static gboolean
match_here (GRegex      *re,
            const char  *text,
            gsize        pos,
            GMatchInfo **info)
{
  if (!g_regex_match_full (re, text, -1, (int) pos, G_REGEX_MATCH_ANCHORED, info, NULL))
    {
      g_clear_pointer (info, g_match_info_free);
      return FALSE;
    }
  return TRUE;
}

static int
group_int (GMatchInfo *info,
           int         n)
{
  g_autofree char *s = g_match_info_fetch (info, n);

  return s ? atoi (s) : 0;
}

/* A date at @pos: returns its end and sets @date. */
static gsize
date_at (CairnAnonymiser *self,
         const char      *text,
         gsize            pos,
         GDate           *date)
{
  GMatchInfo *info = NULL;
  int d = 0, m = 0, y = 0, end = 0;

  if (match_here (self->re_dmy, text, pos, &info))
    {
      g_autofree char *mon = g_match_info_fetch (info, 2);
      d = group_int (info, 1);
      m = month_from_name (mon);
      y = group_int (info, 3);
    }
  else if (match_here (self->re_mdy, text, pos, &info))
    {
      g_autofree char *mon = g_match_info_fetch (info, 1);
      m = month_from_name (mon);
      d = group_int (info, 2);
      y = group_int (info, 3);
    }
  else if (match_here (self->re_iso, text, pos, &info))
    {
      y = group_int (info, 1);
      m = group_int (info, 2);
      d = group_int (info, 3);
    }
  else if (match_here (self->re_numeric, text, pos, &info))
    {
      g_autofree char *ys = g_match_info_fetch (info, 3);
      d = group_int (info, 1);
      m = group_int (info, 2);
      y = atoi (ys);
      if (strlen (ys) == 2)
        y += y < 50 ? 2000 : 1900;
    }
  if (info == NULL)
    return 0;
  g_match_info_fetch_pos (info, 0, NULL, &end);
  g_match_info_free (info);
  if (alnum_at (text, (gsize) end) || !g_date_valid_dmy (d, m, y))
    return 0;
  cairn_date_set_ymd (date, y, m, d);
  return (gsize) end;
}

static gsize
regex_at (GRegex     *re,
          const char *text,
          gsize       pos)
{
  GMatchInfo *info = NULL;
  int end = 0;

  if (!match_here (re, text, pos, &info))
    return 0;
  g_match_info_fetch_pos (info, 0, NULL, &end);
  g_match_info_free (info);
  if (alnum_at (text, (gsize) end))
    return 0;
  return (gsize) end;
}

static gboolean
sentence_start (GString *out)
{
  for (gssize i = (gssize) out->len - 1; i >= 0; i--)
    {
      char c = out->str[i];
      if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == '\'')
        continue;
      return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':';
    }
  return TRUE;
}

static void
append_replacement (GString    *out,
                    const char *replacement)
{
  if (*replacement == '\0')
    {
      /* A removal: no double space or dangling comma left behind. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      if (out->len > 0 && out->str[out->len - 1] == ',')
        g_string_truncate (out, out->len - 1);
      return;
    }
  if (sentence_start (out) && g_ascii_islower (*replacement))
    {
      g_string_append_c (out, g_ascii_toupper (*replacement));
      g_string_append (out, replacement + 1);
    }
  else
    g_string_append (out, replacement);
}

/* TRUE when the output ends with the word "on" (which a date phrase replaces). */
static gboolean
strip_on (GString *out)
{
  gsize n = out->len;

  if (n >= 3 && out->str[n - 1] == ' ' && (out->str[n - 2] == 'n') &&
      (out->str[n - 3] == 'o' || out->str[n - 3] == 'O') &&
      (n == 3 || !g_ascii_isalnum (out->str[n - 4])))
    {
      g_string_truncate (out, n - 3);
      return TRUE;
    }
  return FALSE;
}

static const char *preposition_words[] = { "in", "on", "of", "since", "until", "by", "during",
                                           "before", "after", "from", "to", "early", "late", "mid",
                                           "and", "or", "between", "through", NULL };

/* A name that is also a month ("May", "June") right after "in", "since"… is the month. */
static gboolean
month_context (const Identifier *id,
               GString          *out)
{
  gssize end, start;
  g_autofree char *word = NULL;

  if (!is_month_name (id->norm))
    return FALSE;
  end = (gssize) out->len;
  while (end > 0 && out->str[end - 1] == ' ')
    end--;
  start = end;
  while (start > 0 && g_ascii_isalpha (out->str[start - 1]))
    start--;
  word = g_ascii_strdown (out->str + start, end - start);
  return g_strv_contains (preposition_words, word);
}

/**
 * cairn_anonymiser_apply:
 *
 * Rewrites narrative text for the summary: names, aliases and titled names
 * of the family become their pseudonyms, professionals and panel members
 * their role and agency; dates become month and year or the child's age;
 * addresses, schools, postcodes, NHS numbers, UPNs and other identifiers
 * are replaced or removed. Names are replaced where they are written with a
 * capital (a mother called May, not the verb "may"); what is left is for
 * the leak check to find.
 */
char *
cairn_anonymiser_apply (CairnAnonymiser *self,
                        const char      *text)
{
  g_autofree char *nfc = NULL;
  GString *out;
  Norm n;
  gsize pos = 0, len;

  if (text == NULL)
    return g_strdup ("");
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (nfc == NULL)
    return g_strdup ("");
  len = strlen (nfc);
  norm_init (&n, nfc);
  out = g_string_sized_new (len);

  /* orig byte → first normal-form byte at or after it. */
  {
    g_autofree gssize *to_norm = g_new (gssize, len + 1);
    gsize k = 0;

    for (gsize i = 0; i <= len; i++)
      {
        while (k < n.text->len && (gsize) g_array_index (n.src_start, int, k) < i)
          k++;
        to_norm[i] = k < n.text->len && (gsize) g_array_index (n.src_start, int, k) == i ? (gssize) k : -1;
      }

    while (pos < len)
      {
        gboolean word_start = !alnum_before (nfc, pos) && alnum_at (nfc, pos);
        gsize end = 0;
        GDate date;

        if (word_start)
          {
            /* Dates. */
            if ((end = date_at (self, nfc, pos, &date)) > 0)
              {
                gboolean on = strip_on (out);
                g_autofree char *phrase = date_phrase (self, &date, on);
                append_replacement (out, phrase);
                pos = end;
                continue;
              }
            /* "March 2011" stays as it is, and its month is not a name. */
            if ((end = regex_at (self->re_month_year, nfc, pos)) > 0)
              {
                g_string_append_len (out, nfc + pos, (gssize) (end - pos));
                pos = end;
                continue;
              }
            /* A named officer's full name stays as it is. */
            if (to_norm[pos] >= 0)
              {
                gboolean officer = FALSE;
                for (guint i = 0; i < self->officers->len && !officer; i++)
                  {
                    Identifier id = { .norm = g_ptr_array_index (self->officers, i), .match = MATCH_WORDS };
                    gsize ne;
                    if (identifier_at (&id, n.text->str, (gsize) to_norm[pos], &ne))
                      {
                        end = (gsize) g_array_index (n.src_end, int, ne - 1);
                        g_string_append_len (out, nfc + pos, (gssize) (end - pos));
                        pos = end;
                        officer = TRUE;
                      }
                  }
                if (officer)
                  continue;
              }
            /* Names and other identifiers of the people in the case. */
            if (to_norm[pos] >= 0)
              {
                gsize npos = (gsize) to_norm[pos];
                gboolean capital = g_unichar_isupper (g_utf8_get_char (nfc + pos)) ||
                                   g_unichar_istitle (g_utf8_get_char (nfc + pos)) ||
                                   g_ascii_isdigit (nfc[pos]);
                Identifier *hit = NULL;
                gsize ne = 0;

                for (guint i = 0; i < self->rewrites->len && hit == NULL; i++)
                  {
                    Identifier *id = g_ptr_array_index (self->rewrites, i);
                    if (id->needs_capital && !capital)
                      continue;
                    if (identifier_at (id, n.text->str, npos, &ne) && !month_context (id, out))
                      hit = id;
                  }
                if (hit != NULL)
                  {
                    end = (gsize) g_array_index (n.src_end, int, ne - 1);
                    append_replacement (out, hit->replacement);
                    pos = end;
                    continue;
                  }
              }
            /* Identifiers of anyone: postcodes, NHS numbers, UPNs. */
            if ((end = regex_at (self->re_nhs, nfc, pos)) > 0 ||
                (end = regex_at (self->re_upn, nfc, pos)) > 0)
              {
                append_replacement (out, "[removed]");
                pos = end;
                continue;
              }
            if ((end = regex_at (self->re_postcode, nfc, pos)) > 0)
              {
                append_replacement (out, "");
                pos = end;
                continue;
              }
          }
        {
          const char *next = g_utf8_next_char (nfc + pos);
          gsize clen = (gsize) (next - (nfc + pos));
          /* After a removal, no space before punctuation. */
          if ((nfc[pos] == ',' || nfc[pos] == '.' || nfc[pos] == ';') && out->len > 0 &&
              out->str[out->len - 1] == ' ' && pos > 0 && nfc[pos - 1] != ' ')
            g_string_truncate (out, out->len - 1);
          g_string_append_len (out, nfc + pos, (gssize) clen);
          pos += clen;
        }
      }
  }
  norm_clear (&n);
  return g_string_free (out, FALSE);
}
