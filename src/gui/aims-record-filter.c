/* aims-record-filter.c — which records a list shows, and in which order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-record-filter.h"

char *
aims_record_filter_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) plain = NULL;

  if (text == NULL)
    return g_strdup ("");

  /* NFKD splits "é" into "e" and a combining accent, which is then dropped:
   * "Régie" is found by typing "regie". */
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  plain = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (plain, c);
    }

  return g_utf8_casefold (plain->str, -1);
}

const char *
aims_record_cell_text (AimsRecord *record,
                       const char *field)
{
  const char *text;

  g_return_val_if_fail (AIMS_IS_RECORD (record), "");

  if (field == NULL || g_str_equal (field, "reference"))
    {
      text = aims_record_get_reference (record);
      return text != NULL ? text : "";
    }

  text = aims_record_get_display (record, field);
  if (text == NULL || *text == '\0')
    text = aims_record_get (record, field);
  return text != NULL ? text : "";
}

static gboolean
entity_has_field (const AimsEntity *entity,
                  const char       *name)
{
  return aims_entity_find_field (entity, name) != NULL;
}

static gboolean
choice_matches (AimsRecord *record,
                const char *field,
                const char *wanted)
{
  if (wanted == NULL || *wanted == '\0')
    return TRUE;
  if (!entity_has_field (aims_record_get_entity (record), field))
    return TRUE;
  return g_strcmp0 (aims_record_get (record, field), wanted) == 0;
}

static char *
record_haystack (AimsRecord *record)
{
  const AimsEntity *entity = aims_record_get_entity (record);
  g_autoptr(GString) all = g_string_new (aims_record_cell_text (record, NULL));

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *text = aims_record_cell_text (record, entity->fields[i].name);

      if (*text != '\0')
        {
          /* A newline between fields, so a search never matches across two. */
          g_string_append_c (all, '\n');
          g_string_append (all, text);
        }
    }

  return aims_record_filter_fold (all->str);
}

static gboolean
search_matches (AimsRecord *record,
                const char *search_text)
{
  g_autofree char *folded = NULL;
  g_autofree char *haystack = NULL;
  g_auto(GStrv) words = NULL;

  if (search_text == NULL)
    return TRUE;

  folded = aims_record_filter_fold (search_text);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (haystack == NULL)
        haystack = record_haystack (record);
      if (strstr (haystack, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_retired (AimsRecord *record)
{
  return aims_record_get_entity (record) == aims_entity_systems () &&
         aims_system_is_retired (record);
}

gboolean
aims_record_filter_matches (const AimsRecordFilter *filter,
                            AimsRecord             *record)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (AIMS_IS_RECORD (record), FALSE);

  if (is_retired (record) && !filter->show_retired &&
      g_strcmp0 (filter->lifecycle_stage, AIMS_LIFECYCLE_RETIRED) != 0)
    return FALSE;

  if (!choice_matches (record, "lifecycle_stage", filter->lifecycle_stage))
    return FALSE;
  if (!choice_matches (record, "eu_ai_act_class", filter->eu_ai_act_class))
    return FALSE;

  return search_matches (record, filter->search_text);
}

gboolean
aims_record_filter_is_active (const AimsRecordFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  if (filter->search_text != NULL &&
      filter->search_text[strspn (filter->search_text, " \t\n")] != '\0')
    return TRUE;
  if (filter->lifecycle_stage != NULL && *filter->lifecycle_stage != '\0')
    return TRUE;
  if (filter->eu_ai_act_class != NULL && *filter->eu_ai_act_class != '\0')
    return TRUE;
  return !filter->show_retired;
}

/* "AIS-014" → prefix "AIS", number 14; a reference without a number sorts
 * after those with one of the same prefix. */
static void
split_reference (const char  *reference,
                 char       **prefix,
                 gint64      *number)
{
  const char *digits;

  if (reference == NULL)
    reference = "";

  digits = reference + strcspn (reference, "0123456789");
  *prefix = g_strndup (reference, digits - reference);
  *number = *digits != '\0' ? g_ascii_strtoll (digits, NULL, 10) : G_MAXINT64;
}

static int
compare_references (AimsRecord *a,
                    AimsRecord *b)
{
  g_autofree char *prefix_a = NULL;
  g_autofree char *prefix_b = NULL;
  gint64 number_a, number_b;
  int cmp;

  split_reference (aims_record_get_reference (a), &prefix_a, &number_a);
  split_reference (aims_record_get_reference (b), &prefix_b, &number_b);

  cmp = g_strcmp0 (prefix_a, prefix_b);
  if (cmp != 0)
    return cmp;
  if (number_a != number_b)
    return number_a < number_b ? -1 : 1;

  cmp = g_strcmp0 (aims_record_get_reference (a), aims_record_get_reference (b));
  if (cmp != 0)
    return cmp;
  if (aims_record_get_id (a) != aims_record_get_id (b))
    return aims_record_get_id (a) < aims_record_get_id (b) ? -1 : 1;
  return 0;
}

static int
choice_index (const AimsField *field,
              const char      *key)
{
  int i = 0;

  for (const AimsChoice *c = field->choices; c != NULL && c->key != NULL; c++, i++)
    if (g_strcmp0 (c->key, key) == 0)
      return i;
  return G_MAXINT;
}

static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *fold_a = g_utf8_casefold (a, -1);
  g_autofree char *fold_b = g_utf8_casefold (b, -1);

  return g_utf8_collate (fold_a, fold_b);
}

static int
compare_field_values (AimsRecord      *a,
                      AimsRecord      *b,
                      const AimsField *field)
{
  const char *value_a = aims_record_get (a, field->name);
  const char *value_b = aims_record_get (b, field->name);
  gboolean unset_a = value_a == NULL || *value_a == '\0';
  gboolean unset_b = value_b == NULL || *value_b == '\0';

  if (unset_a || unset_b)
    return unset_a == unset_b ? 0 : (unset_a ? 1 : -1);

  switch (field->type)
    {
    case AIMS_FIELD_CHOICE:
      {
        int ia = choice_index (field, value_a);
        int ib = choice_index (field, value_b);

        return ia == ib ? 0 : (ia < ib ? -1 : 1);
      }

    case AIMS_FIELD_DATE:
    case AIMS_FIELD_BOOLEAN:
      /* ISO dates sort as text. */
      return g_strcmp0 (value_a, value_b);

    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_LONG_TEXT:
    case AIMS_FIELD_PERSON:
    case AIMS_FIELD_EMAIL:
    default:
      return compare_text (aims_record_cell_text (a, field->name),
                           aims_record_cell_text (b, field->name));
    }
}

int
aims_record_compare (AimsRecord *a,
                     AimsRecord *b,
                     const char *field)
{
  const AimsField *f;
  int cmp;

  g_return_val_if_fail (AIMS_IS_RECORD (a), 0);
  g_return_val_if_fail (AIMS_IS_RECORD (b), 0);

  if (field == NULL || g_str_equal (field, "reference"))
    return compare_references (a, b);

  f = aims_entity_find_field (aims_record_get_entity (a), field);
  g_return_val_if_fail (f != NULL, 0);

  cmp = compare_field_values (a, b, f);
  if (cmp != 0)
    return cmp;
  return compare_references (a, b);
}
