/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-annual-figures"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cairn-annual-figures.h"
#include "cairn-codes.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-utils.h"

void
cairn_annual_figure_free (CairnAnnualFigure *figure)
{
  if (figure == NULL)
    return;
  g_free (figure->field);
  g_free (figure->group);
  g_free (figure->label);
  g_free (figure->value);
  g_free (figure);
}

static void
add (GPtrArray       *out,
     const char      *group,
     CairnFigureKind  kind,
     char            *field,
     const char      *label,
     char            *value)
{
  CairnAnnualFigure *f = g_new0 (CairnAnnualFigure, 1);

  f->field = field;
  f->group = g_strdup (group);
  f->label = g_strdup (label);
  f->kind = kind;
  f->value = value;
  g_ptr_array_add (out, f);
}

static char *
count_text (gint64 value)
{
  return value < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
money_text (gint64 pence)
{
  if (pence < 0)
    return g_strdup ("");
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", pence / 100, (int) (pence % 100));
}

static char *
date_text (const GDate *date)
{
  return cairn_date_is_set (date) ? cairn_date_to_string (date) : g_strdup ("");
}

/**
 * cairn_annual_figures_list:
 *
 * Returns: (transfer full) (element-type CairnAnnualFigure): every figure
 *   the board can enter for @year, with its value, in the order shown
 */
GPtrArray *
cairn_annual_figures_list (CairnStore  *store,
                           int          year,
                           GError     **error)
{
  g_autoptr (CairnAnnualFigures) f = cairn_store_get_annual_figures (store, year, error);
  g_autoptr (GPtrArray) out = NULL;
  const CairnCode *codes;
  gsize n_codes;

  if (f == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) cairn_annual_figure_free);

  add (out, _("Children"), CAIRN_FIGURE_COUNT, g_strdup ("population"), _("Child population (aged 0–17)"),
       f->child_population > 0 ? count_text (f->child_population) : g_strdup (""));

  add (out, _("Child deaths"), CAIRN_FIGURE_COUNT, g_strdup ("child-deaths"), _("Deaths reviewed"),
       count_text (f->deaths_reviewed));
  add (out, _("Child deaths"), CAIRN_FIGURE_COUNT, g_strdup ("child-deaths-notified"), _("Deaths notified"),
       count_text (f->deaths_notified));
  add (out, _("Child deaths"), CAIRN_FIGURE_COUNT, g_strdup ("child-deaths-unexpected"),
       _("Unexpected deaths (of those reviewed)"), count_text (f->deaths_unexpected));
  add (out, _("Child deaths"), CAIRN_FIGURE_COUNT, g_strdup ("child-deaths-modifiable"),
       _("Deaths with modifiable factors (of those reviewed)"), count_text (f->deaths_modifiable));

  add (out, _("Private fostering"), CAIRN_FIGURE_COUNT, g_strdup ("private-fostering"),
       _("Notifications received"), count_text (f->fostering_notifications));
  add (out, _("Private fostering"), CAIRN_FIGURE_COUNT, g_strdup ("private-fostering-arrangements"),
       _("Arrangements known at 31 March"), count_text (f->fostering_arrangements));

  codes = cairn_codes_get (CAIRN_CODES_REFERRAL_SOURCE, &n_codes);
  for (gsize i = 0; i < n_codes; i++)
    {
      gint64 count = -1;
      g_autofree char *label = g_strdup_printf ("%s (%s)", cairn_codes_label (CAIRN_CODES_REFERRAL_SOURCE, codes[i].code), codes[i].code);

      for (guint j = 0; j < f->contacts->len; j++)
        {
          CairnAnnualSourceCount *c = g_ptr_array_index (f->contacts, j);
          if (g_strcmp0 (c->code, codes[i].code) == 0)
            count = c->count;
        }
      add (out, _("Contacts by source"), CAIRN_FIGURE_COUNT, g_strdup_printf ("contacts-%s", codes[i].code),
           label, count_text (count));
    }

  for (int i = 0; i < CAIRN_SPENDING_N_CATEGORIES; i++)
    add (out, _("Spending (£)"), CAIRN_FIGURE_MONEY,
         g_strdup_printf ("spending-%s", cairn_spending_category_id (i)), cairn_spending_category_label (i),
         money_text (f->spending[i]));

  for (guint i = 0; i < f->contributions->len; i++)
    {
      CairnContribution *c = g_ptr_array_index (f->contributions, i);
      add (out, _("Partner contributions (£)"), CAIRN_FIGURE_MONEY,
           g_strdup_printf ("contribution-%s", c->agency_code), c->agency_name, money_text (c->amount_pence));
    }

  for (int i = 0; i < CAIRN_N_RECIPIENTS; i++)
    add (out, _("Report sent on"), CAIRN_FIGURE_DATE, g_strdup_printf ("sent-%s", cairn_recipient_id (i)),
         cairn_recipient_label (i), date_text (&f->recipients[i]));

  return g_steal_pointer (&out);
}

/* ---- Parsing ------------------------------------------------------------- */

/* A whole number, 0 or more; "" is -1 (nothing entered). */
gboolean
cairn_annual_parse_count (const char  *label,
                          const char  *text,
                          gint64      *out,
                          GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *digits = NULL;
  gint64 value;
  GString *s;

  if (*t == '\0')
    {
      *out = -1;
      return TRUE;
    }
  /* "52,000" as people write it. */
  s = g_string_new (NULL);
  for (const char *p = t; *p; p++)
    if (*p != ',')
      g_string_append_c (s, *p);
  digits = g_string_free (s, FALSE);
  if (!g_ascii_string_to_signed (digits, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: \"%s\" is not a whole number"), label, t);
      return FALSE;
    }
  if (value < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: %s is not a number of 0 or more"), label, t);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* Pounds, with or without pence; "" is -1. */
static gboolean
parse_money (const char  *label,
             const char  *text,
             gint64      *out,
             GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  const char *p = t;
  gint64 pounds = 0, pence = 0;
  int n_digits = 0, n_decimals = -1;

  if (*t == '\0')
    {
      *out = -1;
      return TRUE;
    }
  if (g_str_has_prefix (p, "£"))
    p += strlen ("£");
  for (; *p; p++)
    {
      if (*p == ',' && n_decimals < 0 && n_digits > 0)
        continue;
      if (*p == '.' && n_decimals < 0 && n_digits > 0)
        {
          n_decimals = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p) || n_digits >= 12 || n_decimals >= 2)
        goto bad;
      if (n_decimals < 0)
        {
          pounds = pounds * 10 + (*p - '0');
          n_digits++;
        }
      else
        {
          pence = pence * 10 + (*p - '0');
          n_decimals++;
        }
    }
  if (n_digits == 0 || n_decimals == 0)
    goto bad;
  if (n_decimals == 1)
    pence *= 10;
  *out = pounds * 100 + pence;
  return TRUE;

bad:
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: \"%s\" is not an amount in pounds (e.g. 12500.00)"),
               label, t);
  return FALSE;
}

/* ---- Storing ------------------------------------------------------------- */

static gboolean
set_deaths (CairnStore         *store,
            int                 year,
            CairnAnnualFigures *f,
            const char         *which,
            gint64              value,
            GError            **error)
{
  gint64 notified = f->deaths_notified, reviewed = f->deaths_reviewed;
  gint64 unexpected = f->deaths_unexpected, modifiable = f->deaths_modifiable;

  if (*which == '\0')
    {
      if (value < 0 && (notified >= 0 || unexpected >= 0 || modifiable >= 0))
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Deaths reviewed: cannot be left empty while other child death figures are entered"));
          return FALSE;
        }
      reviewed = value;
    }
  else
    {
      if (reviewed < 0)
        {
          g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                       _("Deaths reviewed: enter the deaths reviewed before the other child death figures"));
          return FALSE;
        }
      if (strcmp (which, "-notified") == 0)
        notified = value;
      else if (strcmp (which, "-unexpected") == 0)
        unexpected = value;
      else
        modifiable = value;
    }
  return cairn_store_set_child_death_reviews (store, year, notified, reviewed, unexpected, modifiable, error);
}

static gboolean
set_fostering (CairnStore         *store,
               int                 year,
               CairnAnnualFigures *f,
               gboolean            arrangements,
               gint64              value,
               GError            **error)
{
  if (!arrangements && value < 0 && f->fostering_arrangements >= 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Private fostering notifications: cannot be left empty while the arrangements are entered"));
      return FALSE;
    }
  if (arrangements && f->fostering_notifications < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID,
                   _("Private fostering notifications: enter the notifications before the arrangements"));
      return FALSE;
    }
  return cairn_store_set_private_fostering (store, year, arrangements ? f->fostering_notifications : value,
                                            arrangements ? value : f->fostering_arrangements, error);
}

/**
 * cairn_annual_figure_set:
 * @field: a figure's name (#CairnAnnualFigure.field)
 * @text: its new value; "" removes it
 *
 * Parses and stores one figure. A refused value leaves the database
 * unchanged; the message names the field ("Child population: …").
 */
gboolean
cairn_annual_figure_set (CairnStore  *store,
                         int          year,
                         const char  *field,
                         const char  *text,
                         GError     **error)
{
  g_autoptr (CairnAnnualFigures) f = NULL;
  gint64 value;
  const char *rest;

  if (field == NULL || (f = cairn_store_get_annual_figures (store, year, error)) == NULL)
    return field == NULL ? (g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Field: none given")), FALSE)
                         : FALSE;

  if (strcmp (field, "population") == 0)
    return cairn_annual_parse_count (_("Child population"), text, &value, error) &&
           cairn_store_set_child_population (store, year, MAX (value, 0), f->population_source, error);
  if (g_str_has_prefix (field, "child-deaths"))
    {
      rest = field + strlen ("child-deaths");
      if (*rest != '\0' && strcmp (rest, "-notified") != 0 && strcmp (rest, "-unexpected") != 0 &&
          strcmp (rest, "-modifiable") != 0)
        goto unknown;
      return cairn_annual_parse_count (strcmp (rest, "-notified") == 0 ? _("Deaths notified")
                          : strcmp (rest, "-unexpected") == 0 ? _("Unexpected deaths")
                          : strcmp (rest, "-modifiable") == 0 ? _("Deaths with modifiable factors")
                          : _("Deaths reviewed"),
                          text, &value, error) &&
             set_deaths (store, year, f, rest, value, error);
    }
  if (strcmp (field, "private-fostering") == 0)
    return cairn_annual_parse_count (_("Private fostering notifications"), text, &value, error) &&
           set_fostering (store, year, f, FALSE, value, error);
  if (strcmp (field, "private-fostering-arrangements") == 0)
    return cairn_annual_parse_count (_("Private fostering arrangements"), text, &value, error) &&
           set_fostering (store, year, f, TRUE, value, error);
  if (g_str_has_prefix (field, "contacts-"))
    {
      rest = field + strlen ("contacts-");
      if (!cairn_codes_contains (CAIRN_CODES_REFERRAL_SOURCE, rest))
        goto unknown;
      return cairn_annual_parse_count (_("Contacts"), text, &value, error) &&
             cairn_store_set_contacts (store, year, rest, value, error);
    }
  if (g_str_has_prefix (field, "spending-"))
    {
      CairnSpendingCategory category;
      g_autoptr (GPtrArray) spending = NULL;
      const char *notes = NULL;

      if (!cairn_spending_category_from_id (field + strlen ("spending-"), &category))
        goto unknown;
      if (!parse_money (_("Spending"), text, &value, error) ||
          (spending = cairn_store_list_spending (store, year, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < spending->len; i++)
        {
          CairnSpending *s = g_ptr_array_index (spending, i);
          if (s->category == category)
            notes = s->notes;
        }
      return cairn_store_set_spending (store, year, category, value, notes, error);
    }
  if (g_str_has_prefix (field, "contribution-"))
    {
      rest = field + strlen ("contribution-");
      for (guint i = 0; i < f->contributions->len; i++)
        {
          CairnContribution *c = g_ptr_array_index (f->contributions, i);
          if (strcmp (c->agency_code, rest) == 0)
            return parse_money (_("Contribution"), text, &value, error) &&
                   cairn_store_set_contribution (store, year, rest, value, c->in_kind, error);
        }
      /* Another agency: the store knows whether it exists. */
      return parse_money (_("Contribution"), text, &value, error) &&
             cairn_store_set_contribution (store, year, rest, value, NULL, error);
    }
  if (g_str_has_prefix (field, "sent-"))
    {
      CairnRecipient recipient;
      g_autoptr (GPtrArray) recipients = NULL;
      const char *name = NULL;
      GDate date;

      if (!cairn_recipient_from_id (field + strlen ("sent-"), &recipient))
        goto unknown;
      if (!cairn_date_parse_optional (_("Sent on"), text, &date, error) ||
          (recipients = cairn_store_list_recipients (store, year, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < recipients->len; i++)
        {
          CairnRecipientRecord *r = g_ptr_array_index (recipients, i);
          if (r->recipient == recipient)
            name = r->name;
        }
      return cairn_store_set_recipient (store, year, recipient, name, cairn_date_is_set (&date) ? &date : NULL,
                                        error);
    }

unknown:
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: not a figure the board enters (see cairn-cli annual show)"),
               field);
  return FALSE;
}

/**
 * cairn_annual_training_add:
 * @title: the course
 * @sessions_text: how many sessions, as typed
 * @attendees_text: how many attended, as typed
 * @multi_agency: whether it was a multi-agency course
 * @id: (out) (optional): the course's id
 *
 * Records a course delivered in @year from what a user typed; a refused
 * value names its field and changes nothing.
 */
gboolean
cairn_annual_training_add (CairnStore  *store,
                           int          year,
                           const char  *title,
                           const char  *sessions_text,
                           const char  *attendees_text,
                           gboolean     multi_agency,
                           gint64      *id,
                           GError     **error)
{
  CairnTrainingCourse course = { 0 };
  gint64 sessions, attendees;

  if (!cairn_annual_parse_count (_("Sessions"), sessions_text, &sessions, error) ||
      !cairn_annual_parse_count (_("Attendees"), attendees_text, &attendees, error))
    return FALSE;
  if (sessions < 0 || attendees < 0)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: a number is required"),
                   sessions < 0 ? _("Sessions") : _("Attendees"));
      return FALSE;
    }
  if (sessions > G_MAXINT || attendees > G_MAXINT)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("%s: too large"),
                   sessions > G_MAXINT ? _("Sessions") : _("Attendees"));
      return FALSE;
    }
  course.title = (char *) title;
  course.multi_agency = multi_agency;
  course.sessions = (int) sessions;
  course.attendees = (int) attendees;
  if (!cairn_store_add_training_course (store, year, &course, error))
    return FALSE;
  if (id != NULL)
    *id = course.id;
  return TRUE;
}
