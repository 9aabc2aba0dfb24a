/* aims-review-changes.c — the workbook's "Changes in the period": who
 * changed what, from the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-json.h"
#include "aims-review-sheet.h"
#include "aims-statement.h"

static const AimsEntity *
entity_for_table (const char *table)
{
  const char *const *names = aims_entity_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const AimsEntity *entity = aims_entity_lookup (names[i]);

      if (g_str_equal (entity->table, table))
        return entity;
    }
  return NULL;
}

/* "person" → "Person", as a column of names reads. */
static char *
capitalised (const char *text)
{
  g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static GVariant *
parse_or_null (const char *json)
{
  if (json == NULL || *json == '\0')
    return NULL;
  return aims_json_parse (json, NULL);
}

/* A value of a{sv} as text for comparing, "" when missing or null. */
static char *
member_text (GVariant   *object,
             const char *key)
{
  g_autoptr(GVariant) value = NULL;

  if (object == NULL || (value = g_variant_lookup_value (object, key, NULL)) == NULL)
    return g_strdup ("");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_MAYBE))
    return g_strdup ("");
  return g_variant_print (value, FALSE);
}

/* "Title, Owner": the labels of the fields that differ. */
static char *
changed_fields (const AimsEntity *entity,
                GVariant         *before,
                GVariant         *after)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (before == NULL || after == NULL)
    return NULL;
  for (guint f = 0; entity != NULL && f < entity->n_fields; f++)
    {
      g_autofree char *a = member_text (before, entity->fields[f].name);
      g_autofree char *b = member_text (after, entity->fields[f].name);

      if (g_strcmp0 (a, b) == 0)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, _(entity->fields[f].label));
    }
  return list->len > 0 ? g_strdup (list->str) : NULL;
}

static const char *
action_label (const char *action)
{
  if (g_str_equal (action, "insert"))
    return _("Added");
  if (g_str_equal (action, "update"))
    return _("Changed");
  if (g_str_equal (action, "delete"))
    return _("Removed");
  /* A nonconformity's step through its workflow (aims_nc_transition()). */
  if (g_str_equal (action, "transition"))
    return _("Workflow step");
  return action;
}

gboolean
aims_review_sheet_changes (AimsReviewExport  *export,
                           GError           **error)
{
  static const char *const sql =
    "SELECT at, actor, entity, entity_id, action, before_json, after_json FROM audit_log"
    " WHERE substr(at, 1, 10) BETWEEN ? AND ? ORDER BY id";
  const AimsXlsxColumn columns[] = {
    { _("When"), 17 }, { _("Who"), 24 }, { _("What"), 16 }, { _("Reference"), 11 },
    { _("Record"), 40 }, { _("Change"), 10 }, { _("Fields changed"), 50 },
  };
  lxw_worksheet *sheet = aims_xlsx_add_data_sheet (export->xlsx, _("Changes"));
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  AimsStep step;
  lxw_row_t first = 2;

  stmt = aims_db_prepare (export->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_text (stmt, 1, export->from);
  aims_statement_bind_text (stmt, 2, export->to);

  /* Read first: the table's size goes before its rows. */
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      const AimsEntity *entity = entity_for_table (aims_statement_column_text (stmt, 2));
      g_autoptr(GVariant) before = parse_or_null (aims_statement_column_text (stmt, 5));
      g_autoptr(GVariant) after = parse_or_null (aims_statement_column_text (stmt, 6));
      GVariant *either = after != NULL ? after : before;
      char **row = g_new0 (char *, 8);

      row[0] = g_strdup (aims_statement_column_text (stmt, 0));
      row[1] = g_strdup (aims_statement_column_text (stmt, 1));
      row[2] = capitalised (entity != NULL ? _(entity->singular) : aims_statement_column_text (stmt, 2));
      row[3] = member_text (either, "reference");
      row[4] = entity != NULL ? member_text (either, entity->title_field) : g_strdup ("");
      row[5] = g_strdup (action_label (aims_statement_column_text (stmt, 4)));
      row[6] = changed_fields (entity, before, after);
      g_ptr_array_add (rows, row);
    }
  if (step == AIMS_STEP_ERROR)
    return FALSE;

  aims_xlsx_write_text (export->xlsx, sheet, 0, 0, _("Changes in the period"),
                        aims_xlsx_format (export->xlsx, AIMS_XLSX_TITLE));
  aims_xlsx_add_table (export->xlsx, sheet, first, rows->len, columns, G_N_ELEMENTS (columns), TRUE);
  worksheet_repeat_rows (sheet, first, first);
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      aims_xlsx_write_date (export->xlsx, sheet, first + 1 + r, 0, row[0], NULL);
      for (guint c = 1; c < 7; c++)
        aims_xlsx_write_text (export->xlsx, sheet, first + 1 + r, c, row[c], NULL);
    }
  return TRUE;
}
