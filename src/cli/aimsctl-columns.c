/* aimsctl-columns.c — which columns `aimsctl list` shows, and their values
 *
 * Each column is declared once, with the function that gives its value, so
 * that a header and its cells cannot drift apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aimsctl-columns.h"

typedef struct _Column Column;

typedef char *(*ColumnValueFunc) (AimsRecord   *record,
                                  const Column *column,
                                  GDate        *today);

struct _Column
{
  char             *name;
  AimsctlValueKind  kind;
  const AimsField  *field;
  ColumnValueFunc   value;
  /* For the record's own columns: the core's getter. */
  const char     *(*get_text)   (AimsRecord *record);
  gint64          (*get_number) (AimsRecord *record);
};

static void
column_clear (Column *column)
{
  g_free (column->name);
}

static GArray *
columns_new (void)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (Column));

  g_array_set_clear_func (columns, (GDestroyNotify) column_clear);
  return columns;
}

static Column *
columns_add (GArray           *columns,
             const char       *name,
             AimsctlValueKind  kind,
             const AimsField  *field,
             ColumnValueFunc   value)
{
  Column column = { g_strdup (name), kind, field, value, NULL, NULL };

  g_array_append_val (columns, column);
  return &g_array_index (columns, Column, columns->len - 1);
}

static AimsctlGrid *
grid_from_columns (GArray    *columns,
                   GPtrArray *records,
                   GDate     *today)
{
  AimsctlGrid *grid = aimsctl_grid_new ();

  for (guint c = 0; c < columns->len; c++)
    {
      Column *column = &g_array_index (columns, Column, c);

      aimsctl_grid_add_column (grid, column->name, column->kind);
    }
  for (guint r = 0; r < records->len; r++)
    {
      AimsRecord *record = g_ptr_array_index (records, r);

      aimsctl_grid_begin_row (grid);
      for (guint c = 0; c < columns->len; c++)
        {
          Column *column = &g_array_index (columns, Column, c);

          aimsctl_grid_take_cell (grid, column->value (record, column, today));
        }
    }
  return grid;
}

/* ── Values ────────────────────────────────────────────────────────────── */

static char *
boolean_text (gboolean value)
{
  return g_strdup (value ? "true" : "false");
}

static char *
value_meta_number (AimsRecord *record, const Column *column, GDate *today)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, column->get_number (record));
}

static char *
value_meta_text (AimsRecord *record, const Column *column, GDate *today)
{
  return g_strdup (column->get_text (record));
}

static char *
value_stored (AimsRecord *record, const Column *column, GDate *today)
{
  return g_strdup (aims_record_get (record, column->field->name));
}

/* What a person reads: a person's name, a choice's label, else the value. */
static char *
value_display (AimsRecord *record, const Column *column, GDate *today)
{
  const AimsField *field = column->field;
  const char *stored = aims_record_get (record, field->name);
  const char *shown = NULL;

  if (stored == NULL || *stored == '\0')
    return NULL;
  if (field->type == AIMS_FIELD_PERSON)
    shown = aims_record_get_display (record, field->name);
  else if (field->type == AIMS_FIELD_CHOICE)
    shown = aims_field_choice_label (field, stored);
  return g_strdup (shown != NULL ? shown : stored);
}

static char *
value_retired (AimsRecord *record, const Column *column, GDate *today)
{
  return boolean_text (aims_system_is_retired (record));
}

static char *
value_review_overdue (AimsRecord *record, const Column *column, GDate *today)
{
  return boolean_text (aims_system_is_review_overdue (record, today));
}

/* The next review date, marked when overdue. */
static char *
value_review_marked (AimsRecord *record, const Column *column, GDate *today)
{
  g_autofree char *date = value_stored (record, column, today);

  if (date != NULL && aims_system_is_review_overdue (record, today))
    /* Translators: a date in a table, e.g. "2024-03-01 (overdue)" */
    return g_strdup_printf (_("%s (overdue)"), date);
  return g_steal_pointer (&date);
}

/* ── Column sets ───────────────────────────────────────────────────────── */

static gboolean
is_systems (const AimsEntity *entity)
{
  return entity == aims_entity_systems ();
}

/* The record's own columns, first in every script's output. */
static const struct
{
  const char *name;
  gint64    (*get) (AimsRecord *record);
} meta_numbers[] = {
  { "id", aims_record_get_id },
  { "row_version", aims_record_get_row_version },
};

static const struct
{
  const char  *name;
  const char *(*get) (AimsRecord *record);
} meta_texts[] = {
  { "reference", aims_record_get_reference },
  { "created_at", aims_record_get_created_at },
  { "created_by", aims_record_get_created_by },
  { "updated_at", aims_record_get_updated_at },
  { "updated_by", aims_record_get_updated_by },
};

static void
add_meta_text (GArray      *columns,
               const char  *name,
               const char *(*get) (AimsRecord *record))
{
  columns_add (columns, name, AIMSCTL_VALUE_TEXT, NULL, value_meta_text)->get_text = get;
}

/* owner_id → owner_name */
static char *
person_name_column (const AimsField *field)
{
  if (g_str_has_suffix (field->name, "_id"))
    return g_strdup_printf ("%.*s_name", (int) strlen (field->name) - 3, field->name);
  return g_strdup_printf ("%s_name", field->name);
}

AimsctlGrid *
aimsctl_grid_for_scripts (const AimsEntity *entity,
                          GPtrArray        *records,
                          GDate            *today)
{
  g_autoptr(GArray) columns = columns_new ();

  for (guint i = 0; i < G_N_ELEMENTS (meta_numbers); i++)
    columns_add (columns, meta_numbers[i].name, AIMSCTL_VALUE_NUMBER, NULL,
                 value_meta_number)->get_number = meta_numbers[i].get;
  for (guint i = 0; i < G_N_ELEMENTS (meta_texts); i++)
    add_meta_text (columns, meta_texts[i].name, meta_texts[i].get);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const AimsField *field = &entity->fields[i];

      columns_add (columns, field->name,
                   field->type == AIMS_FIELD_PERSON ? AIMSCTL_VALUE_NUMBER : AIMSCTL_VALUE_TEXT,
                   field, value_stored);
    }

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const AimsField *field = &entity->fields[i];
      g_autofree char *name = NULL;

      if (field->type == AIMS_FIELD_PERSON)
        name = person_name_column (field);
      else if (field->type == AIMS_FIELD_CHOICE)
        name = g_strdup_printf ("%s_label", field->name);
      else
        continue;
      columns_add (columns, name, AIMSCTL_VALUE_TEXT, field, value_display);
    }

  if (is_systems (entity))
    {
      columns_add (columns, "retired", AIMSCTL_VALUE_BOOLEAN, NULL, value_retired);
      columns_add (columns, "review_overdue", AIMSCTL_VALUE_BOOLEAN, NULL, value_review_overdue);
    }

  return grid_from_columns (columns, records, today);
}

static const char *const systems_table[] = {
  "name", "owner_id", "lifecycle_stage", "sourcing", "eu_ai_act_class",
  "criticality", "next_review_date", NULL
};

static const char *const people_table[] = { "name", "role", "email", NULL };

AimsctlGrid *
aimsctl_grid_for_people (const AimsEntity *entity,
                         GPtrArray        *records,
                         GDate            *today)
{
  g_autoptr(GArray) columns = columns_new ();
  const char *title_only[] = { entity->title_field, NULL };
  const char *const *names = title_only;

  if (is_systems (entity))
    names = systems_table;
  else if (entity == aims_entity_people ())
    names = people_table;

  add_meta_text (columns, _("Reference"), aims_record_get_reference);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const AimsField *field = aims_entity_find_field (entity, names[i]);
      gboolean marks_overdue = is_systems (entity) && g_str_equal (names[i], "next_review_date");

      g_return_val_if_fail (field != NULL, NULL);
      columns_add (columns, _(field->label), AIMSCTL_VALUE_TEXT, field,
                   marks_overdue ? value_review_marked : value_display);
    }

  return grid_from_columns (columns, records, today);
}
