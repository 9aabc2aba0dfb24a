/* aims-controls-filter.c — which controls and clause requirements the
 * Controls page shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-controls-filter.h"

static const char *const views[] = { "soa", "completeness", "clauses", NULL };

void
aims_controls_filter_init (AimsControlsFilter *filter)
{
  g_return_if_fail (filter != NULL);

  *filter = (AimsControlsFilter) { .applicable = AIMS_CONTROLS_APPLICABLE_ANY };
}

/* The static key of choices equal to value, or NULL. */
static const char *
choice_key (const AimsChoice *choices,
            const char       *value)
{
  for (const AimsChoice *c = choices; c->key != NULL; c++)
    if (g_str_equal (c->key, value))
      return c->key;
  return NULL;
}

static const AimsChoice *
field_choices (const AimsEntity *entity,
               const char       *name)
{
  return aims_entity_find_field (entity, name)->choices;
}

/* One term; FALSE when it is not understood. */
static gboolean
parse_term (AimsControlsFilter *filter,
            const char         *key,
            const char         *value)
{
  const char *found = NULL;

  if (g_str_equal (key, "view"))
    {
      for (guint i = 0; views[i] != NULL && found == NULL; i++)
        if (g_str_equal (views[i], value))
          found = views[i];
      filter->view = found;
    }
  else if (g_str_equal (key, "group"))
    found = filter->group = choice_key (aims_soa_groups (), value);
  else if (g_str_equal (key, "applicable") || g_str_equal (key, "soa_status"))
    {
      gboolean soa = g_str_equal (key, "soa_status");

      found = value;
      if (g_str_equal (value, soa ? AIMS_SOA_STATUS_EXCLUDED : AIMS_SOA_APPLICABLE_NO))
        filter->applicable = AIMS_CONTROLS_APPLICABLE_NO;
      else if (g_str_equal (value, AIMS_SOA_STATUS_UNDECIDED))
        filter->applicable = AIMS_CONTROLS_APPLICABLE_UNDECIDED;
      else if (!soa && g_str_equal (value, AIMS_SOA_APPLICABLE_YES))
        filter->applicable = AIMS_CONTROLS_APPLICABLE_YES;
      else if (soa && (found = choice_key (field_choices (aims_entity_controls (), "implementation_status"),
                                           value)) != NULL)
        {
          /* A status is what an applicable control has. */
          filter->applicable = AIMS_CONTROLS_APPLICABLE_YES;
          filter->status = found;
        }
      else
        found = NULL;
    }
  else if (g_str_equal (key, "status"))
    found = filter->status = choice_key (field_choices (aims_entity_controls (), "implementation_status"),
                                         value);
  else if (g_str_equal (key, "owner"))
    {
      guint64 id = 0;

      if (g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT64, &id, NULL))
        found = value;
      filter->owner_id = (gint64) id;
    }
  else if (g_str_equal (key, "gaps"))
    {
      if (g_str_equal (value, "1") || g_str_equal (value, "0"))
        found = value;
      filter->gaps = g_str_equal (value, "1");
    }
  else if (g_str_equal (key, "clause"))
    found = filter->clause = choice_key (aims_clause_chapters (), value);
  else if (g_str_equal (key, "clause_status"))
    found = filter->clause_status = choice_key (field_choices (aims_entity_clauses (), "status"), value);

  return found != NULL;
}

gboolean
aims_controls_filter_parse (AimsControlsFilter  *filter,
                            const char          *text,
                            GError             **error)
{
  g_auto(GStrv) terms = NULL;
  g_autoptr(GString) refused = NULL;

  g_return_val_if_fail (filter != NULL, FALSE);

  aims_controls_filter_init (filter);
  terms = g_strsplit (text != NULL ? text : "", ";", -1);
  for (guint t = 0; terms[t] != NULL; t++)
    {
      g_auto(GStrv) pair = NULL;
      g_autofree char *term = g_strstrip (g_strdup (terms[t]));

      if (*term == '\0')
        continue;
      pair = g_strsplit (term, "=", 2);
      if (pair[1] != NULL && parse_term (filter, g_strstrip (pair[0]), g_strstrip (pair[1])))
        continue;
      if (refused == NULL)
        refused = g_string_new (term);
      else
        g_string_append_printf (refused, ", %s", term);
    }

  if (refused != NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: a page was asked to show "group=A.99" */
                   _("Filter not understood: %s"), refused->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
aims_controls_filter_matches (const AimsControlsFilter *filter,
                              AimsRecord               *control,
                              GHashTable               *gap_ids)
{
  const char *applicable;

  g_return_val_if_fail (filter != NULL, TRUE);
  g_return_val_if_fail (AIMS_IS_RECORD (control), FALSE);

  applicable = aims_record_get (control, "applicable");
  switch (filter->applicable)
    {
    case AIMS_CONTROLS_APPLICABLE_YES:
      if (g_strcmp0 (applicable, AIMS_SOA_APPLICABLE_YES) != 0)
        return FALSE;
      break;
    case AIMS_CONTROLS_APPLICABLE_NO:
      if (g_strcmp0 (applicable, AIMS_SOA_APPLICABLE_NO) != 0)
        return FALSE;
      break;
    case AIMS_CONTROLS_APPLICABLE_UNDECIDED:
      if (applicable != NULL)
        return FALSE;
      break;
    case AIMS_CONTROLS_APPLICABLE_ANY:
    default:
      break;
    }

  if (filter->group != NULL && g_strcmp0 (aims_record_get (control, "group_ref"), filter->group) != 0)
    return FALSE;
  /* The SoA status, which only an applicable control has: an excluded
   * control "planned" before it was excluded is not planned. */
  if (filter->status != NULL && g_strcmp0 (aims_record_get (control, "soa_status"), filter->status) != 0)
    return FALSE;
  if (filter->owner_id != 0)
    {
      const char *owner = aims_record_get (control, "owner_id");

      if (owner == NULL || g_ascii_strtoll (owner, NULL, 10) != filter->owner_id)
        return FALSE;
    }
  if (filter->gaps)
    {
      gint64 id = aims_record_get_id (control);

      if (gap_ids == NULL || !g_hash_table_contains (gap_ids, &id))
        return FALSE;
    }
  return TRUE;
}

gboolean
aims_controls_filter_matches_clause (const AimsControlsFilter *filter,
                                     AimsRecord               *requirement)
{
  g_return_val_if_fail (filter != NULL, TRUE);
  g_return_val_if_fail (AIMS_IS_RECORD (requirement), FALSE);

  if (filter->clause != NULL && g_strcmp0 (aims_record_get (requirement, "clause"), filter->clause) != 0)
    return FALSE;
  if (filter->clause_status != NULL &&
      g_strcmp0 (aims_record_get (requirement, "status"), filter->clause_status) != 0)
    return FALSE;
  return TRUE;
}
