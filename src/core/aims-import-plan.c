/* aims-import-plan.c — every row read, turned into field values and
 * checked, before anything is written
 *
 * A cell that does not fit its field leaves the field unset with a
 * warning; only a row without a title cannot be a record. Values the store
 * must look up (a person by name, a choice, a date) are worked out once
 * per distinct text, since inventories repeat them on every row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-import-private.h"
#include "aims-json.h"
#include "aims-statement.h"
#include "aims-store.h"
#include "aims-store-private.h"

#define PROGRESS_EVERY 256

typedef struct
{
  char                  *value;
  gboolean               problem;
  AimsImportProblemKind  kind;
  char                  *message;
} Converted;

typedef struct
{
  AimsDb             *db;
  AimsImportFile     *file;
  AimsImportMapping  *mapping;
  const AimsEntity   *entity;
  GArray            **columns;        /* per field: the columns mapped to it */
  GHashTable         *cache;          /* field name \x1f text → Converted */
  GHashTable         *excluded;       /* row numbers */
  GHashTable         *first_by_key;   /* key → PlanRow of its first row */
  AimsImportPlan     *plan;
  const AimsImportOptions *options;
  int                 title_index;
  int                 unit_index;     /* business_unit, or -1 */
} Builder;

static void
converted_free (Converted *converted)
{
  g_free (converted->value);
  g_free (converted->message);
  g_free (converted);
}

static void
plan_row_free (PlanRow *row)
{
  for (guint i = 0; row->values != NULL && i < row->n_values; i++)
    g_free (row->values[i]);
  g_free (row->values);
  g_free (row->key);
  g_clear_pointer (&row->changes, g_hash_table_unref);
  g_free (row->before_json);
  g_free (row);
}

void
aims_import_plan_free (AimsImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->rows);
  g_clear_pointer (&plan->report, aims_import_report_free);
  g_free (plan);
}

/* ── One cell ──────────────────────────────────────────────────────────── */

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0xFEFF;
}

/* text without white space (no-break spaces too) at either end. */
static char *
trim_space (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static void
set_problem (Converted             *out,
             AimsImportProblemKind  kind,
             char                  *message)
{
  out->problem = TRUE;
  out->kind = kind;
  g_free (out->message);
  out->message = message;
}

/* Text cut to the field's length, and one line for a one-line field. */
static char *
fit_text (const AimsField *field,
          const char      *raw,
          Converted       *out)
{
  char *text = trim_space (raw);
  guint max = aims_field_max_length (field);

  if (field->type != AIMS_FIELD_LONG_TEXT && strpbrk (text, "\r\n") != NULL)
    {
      char *line = aims_csv_text_one_line (text);

      g_free (text);
      text = line;
      set_problem (out, AIMS_IMPORT_PROBLEM_ADJUSTED,
                   g_strdup_printf (_("%s holds line breaks: joined into one line"), _(field->label)));
    }
  if ((guint) g_utf8_strlen (text, -1) > max)
    {
      g_autofree char *head = g_utf8_substring (text, 0, max - 1);

      g_free (text);
      text = g_strconcat (head, "…", NULL);
      set_problem (out, AIMS_IMPORT_PROBLEM_ADJUSTED,
                   g_strdup_printf (_("%s was cut to its %u characters"), _(field->label), max));
    }
  return text;
}

static char *
choices_list (const AimsField *field)
{
  GString *allowed = g_string_new (NULL);

  for (const AimsChoice *c = field->choices; c->key != NULL; c++)
    g_string_append_printf (allowed, "%s%s", allowed->len ? ", " : "", c->key);
  return g_string_free (allowed, FALSE);
}

/* A cell of a choice, date or link field, into what the store takes. */
static void
convert_lookup (Builder         *b,
                const AimsField *field,
                guint            column,
                const char      *raw,
                Converted       *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (field->type == AIMS_FIELD_CHOICE)
    {
      const char *set = aims_import_mapping_get_value (b->mapping, field->name, raw);
      const char *key = aims_import_mapping_resolve_value (b->mapping, field, raw);
      g_autofree char *line = NULL;
      g_autofree char *allowed = NULL;

      if (key != NULL || (set != NULL && *set == '\0'))
        {
          out->value = g_strdup (key);
          return;
        }
      line = aims_csv_text_one_line (raw);
      allowed = choices_list (field);
      set_problem (out, AIMS_IMPORT_PROBLEM_UNFIT_VALUE,
                   /* Translators: "“Pilot-ish” is none of the choices of Lifecycle stage (inception, …): left unset" */
                   g_strdup_printf (_("“%s” is none of the choices of %s (%s): left unset"),
                                    line, _(field->label), allowed));
      return;
    }

  if (field->type == AIMS_FIELD_DATE)
    {
      const AimsImportColumn *info = aims_import_file_get_column (b->file, column);
      gboolean month_only, ambiguous;
      g_autofree char *line = aims_csv_text_one_line (raw);

      out->value = aims_import_parse_date (raw, info->date_order, &month_only, &ambiguous);
      if (month_only)
        set_problem (out, AIMS_IMPORT_PROBLEM_ADJUSTED,
                     g_strdup_printf (_("“%s” names a month: %s set to its first day, %s"),
                                      line, _(field->label), out->value));
      else if (ambiguous)
        set_problem (out, AIMS_IMPORT_PROBLEM_UNFIT_VALUE,
                     g_strdup_printf (_("“%s” could be either of two days, and the column does not say which: "
                                        "%s left unset (write it YYYY-MM-DD)"), line, _(field->label)));
      else if (out->value == NULL)
        set_problem (out, AIMS_IMPORT_PROBLEM_UNFIT_VALUE,
                     g_strdup_printf (_("“%s” is not a date: %s left unset"), line, _(field->label)));
      return;
    }

  text = aims_csv_text_one_line (raw);
  out->value = aims_store_normalize_value (b->db, field, text, &error);
  if (out->value == NULL)
    set_problem (out, AIMS_IMPORT_PROBLEM_UNFIT_VALUE,
                 g_strdup_printf (_("%s: left unset"), error->message));
  else if (*out->value == '\0')
    g_clear_pointer (&out->value, g_free);
}

/* The value for field from raw (the cell, or the paragraphs of several),
 * with its problem when there is one. The result belongs to b's cache for
 * lookup fields, to the caller otherwise (*owned set). */
static const Converted *
convert (Builder         *b,
         const AimsField *field,
         guint            column,
         const char      *raw,
         Converted       *scratch)
{
  g_autofree char *cache_key = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Converted *cached;

  if (field->type == AIMS_FIELD_TEXT || field->type == AIMS_FIELD_LONG_TEXT)
    {
      text = fit_text (field, raw, scratch);
      if (*text == '\0')
        return scratch;
      if ((scratch->value = aims_store_normalize_value (b->db, field, text, &error)) == NULL)
        set_problem (scratch, AIMS_IMPORT_PROBLEM_UNFIT_VALUE, g_strdup_printf (_("%s: left unset"), error->message));
      return scratch;
    }

  if (aims_import_is_blank (raw))
    {
      if (field->type == AIMS_FIELD_CHOICE)
        set_problem (scratch, AIMS_IMPORT_PROBLEM_BLANK_CHOICE,
                     g_strdup_printf (_("Blank: %s left unset"), _(field->label)));
      return scratch;
    }

  cache_key = g_strconcat (field->name, "\x1f", raw, NULL);
  if ((cached = g_hash_table_lookup (b->cache, cache_key)) == NULL)
    {
      cached = g_new0 (Converted, 1);
      convert_lookup (b, field, column, raw, cached);
      g_hash_table_insert (b->cache, g_steal_pointer (&cache_key), cached);
    }
  return cached;
}

/* Several columns in one long text: a paragraph each, named by its header. */
static char *
compose_paragraphs (Builder       *b,
                    GArray        *columns,
                    AimsCsvReader *reader)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    {
      guint column = g_array_index (columns, guint, i);
      const char *cell = aims_csv_reader_get_cell (reader, column);
      g_autofree char *trimmed = NULL;

      if (aims_import_is_blank (cell))
        continue;
      trimmed = trim_space (cell);
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append_printf (text, "%s: %s", aims_import_mapping_get_header (b->mapping, column), trimmed);
    }
  return g_string_free (text, FALSE);
}

/* ── One row ───────────────────────────────────────────────────────────── */

static char *
row_key (Builder *b,
         PlanRow *row)
{
  g_autofree char *title = aims_import_value_key (row->values[b->title_index]);
  g_autofree char *unit = NULL;

  if (b->unit_index >= 0 && row->values[b->unit_index] != NULL)
    unit = aims_import_value_key (row->values[b->unit_index]);
  return g_strconcat (title, "\x1f", unit != NULL ? unit : "", NULL);
}

/* unit_index: of business_unit, or -1 when the entity has none. */
static void
add_duplicate (AimsImportReport *report,
               PlanRow          *row,
               int               title_index,
               int               unit_index,
               const char       *existing_reference,
               guint             earlier_row,
               gboolean          updated)
{
  AimsImportDuplicate *duplicate = g_new0 (AimsImportDuplicate, 1);

  duplicate->row = row->row;
  duplicate->title = g_strdup (row->values[title_index]);
  duplicate->business_unit = unit_index >= 0 ? g_strdup (row->values[unit_index]) : NULL;
  duplicate->existing_reference = g_strdup (existing_reference);
  duplicate->earlier_row = earlier_row;
  duplicate->updated = updated;
  g_ptr_array_add (report->duplicates, duplicate);
}

/* A later row of the file with the title and business unit of an earlier
 * one: skipped, or its values laid over the earlier row's. */
static void
merge_duplicate (Builder *b,
                 PlanRow *row,
                 PlanRow *first)
{
  gboolean update = b->options->on_duplicate == AIMS_IMPORT_DUPLICATES_UPDATE;

  add_duplicate (b->plan->report, row, b->title_index, b->unit_index, NULL, first->row, update);
  aims_import_report_add (b->plan->report, row->row, g_array_index (b->columns[b->title_index], guint, 0),
                          AIMS_IMPORT_WARNING, AIMS_IMPORT_PROBLEM_DUPLICATE, NULL,
                          g_strdup_printf (update
                                           ? _("The same %s and business unit as row %u: merged into it")
                                           : _("The same %s and business unit as row %u: skipped"),
                                           _(aims_entity_find_field (b->entity, b->entity->title_field)->label),
                                           first->row));
  if (update)
    for (guint i = 0; i < b->entity->n_fields; i++)
      if (row->values[i] != NULL)
        {
          g_free (first->values[i]);
          first->values[i] = g_steal_pointer (&row->values[i]);
        }
  row->action = PLAN_SKIP;
}

static void
read_row (Builder       *b,
          AimsCsvReader *reader)
{
  const AimsEntity *entity = b->entity;
  AimsImportReport *report = b->plan->report;
  PlanRow *row = g_new0 (PlanRow, 1);
  guint n_cells = aims_csv_reader_get_n_cells (reader);
  guint n_columns = aims_import_mapping_get_n_columns (b->mapping);
  PlanRow *first;

  row->row = aims_csv_reader_get_row (reader);
  row->values = g_new0 (char *, entity->n_fields + 1);
  row->n_values = entity->n_fields;
  g_ptr_array_add (b->plan->rows, row);
  report->rows_read++;

  if (g_hash_table_contains (b->excluded, GUINT_TO_POINTER (row->row)))
    {
      row->action = PLAN_SKIP;
      return;
    }

  if (n_cells > n_columns)
    {
      guint extra = 0;

      for (guint i = n_columns; i < n_cells; i++)
        extra += !aims_import_is_blank (aims_csv_reader_get_cell (reader, i));
      if (extra > 0)
        aims_import_report_add (report, row->row, -1, AIMS_IMPORT_WARNING, AIMS_IMPORT_PROBLEM_EXTRA_CELLS, NULL,
                                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u cell right of the last column is ignored",
                                                              "%u cells right of the last column are ignored",
                                                              extra), extra));
    }

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const AimsField *field = &entity->fields[i];
      GArray *columns = b->columns[i];
      g_autofree char *paragraphs = NULL;
      Converted scratch = { NULL, FALSE, 0, NULL };
      const Converted *converted;
      guint column;

      if (columns->len == 0)
        continue;
      column = g_array_index (columns, guint, 0);
      converted = convert (b, field, column,
                           columns->len > 1
                           ? (paragraphs = compose_paragraphs (b, columns, reader))
                           : aims_csv_reader_get_cell (reader, column),
                           &scratch);
      row->values[i] = converted == &scratch ? g_steal_pointer (&scratch.value) : g_strdup (converted->value);
      if (converted->problem)
        aims_import_report_add (report, row->row, (int) column, AIMS_IMPORT_WARNING, converted->kind, field,
                                converted == &scratch ? g_steal_pointer (&scratch.message)
                                                      : g_strdup (converted->message));
      g_free (scratch.value);
      g_free (scratch.message);
    }

  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].required && row->values[i] == NULL)
      {
        GArray *columns = b->columns[i];

        row->error = TRUE;
        row->action = PLAN_SKIP;
        aims_import_report_add (report, row->row, columns->len > 0 ? (int) g_array_index (columns, guint, 0) : -1,
                                AIMS_IMPORT_ERROR, AIMS_IMPORT_PROBLEM_NO_TITLE, &entity->fields[i],
                                /* Translators: "No Name: the row cannot be imported" */
                                g_strdup_printf (_("No %s: the row cannot be imported"), _(entity->fields[i].label)));
      }
  if (row->error)
    return;

  row->key = row_key (b, row);
  row->action = PLAN_INSERT;
  if ((first = g_hash_table_lookup (b->first_by_key, row->key)) != NULL)
    merge_duplicate (b, row, first);
  else
    g_hash_table_insert (b->first_by_key, row->key, row);
}

/* ── The whole file ────────────────────────────────────────────────────── */

static void
builder_clear (Builder *b)
{
  for (guint i = 0; b->columns != NULL && i < b->entity->n_fields; i++)
    g_array_unref (b->columns[i]);
  g_free (b->columns);
  g_clear_pointer (&b->cache, g_hash_table_unref);
  g_clear_pointer (&b->excluded, g_hash_table_unref);
  g_clear_pointer (&b->first_by_key, g_hash_table_unref);
  g_clear_pointer (&b->plan, aims_import_plan_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

AimsImportPlan *
aims_import_plan_build (AimsDb                  *db,
                        AimsImportFile          *file,
                        AimsImportMapping       *mapping,
                        const AimsImportOptions *options,
                        AimsProgressFunc         progress,
                        gpointer                 progress_data,
                        double                   share,
                        GCancellable            *cancellable,
                        GError                 **error)
{
  const AimsEntity *entity = aims_import_mapping_get_entity (mapping);
  g_auto(Builder) b = { db, file, mapping, entity, NULL, NULL, NULL, NULL, NULL, options, -1, -1 };
  g_autoptr(AimsCsvReader) reader = NULL;
  guint n_rows = MAX (aims_import_file_get_n_rows (file), 1);
  const AimsField *unit;
  AimsCsvStep step;

  if (!aims_import_mapping_check (mapping, error))
    return NULL;

  b.columns = g_new0 (GArray *, entity->n_fields);
  for (guint i = 0; i < entity->n_fields; i++)
    b.columns[i] = aims_import_mapping_get_columns (mapping, entity->fields[i].name);
  b.title_index = aims_entity_find_field (entity, entity->title_field) - entity->fields;
  unit = aims_entity_find_field (entity, "business_unit");
  b.unit_index = unit != NULL ? unit - entity->fields : -1;
  b.cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) converted_free);
  b.excluded = g_hash_table_new (NULL, NULL);
  for (guint i = 0; options->excluded_rows != NULL && i < options->excluded_rows->len; i++)
    g_hash_table_add (b.excluded, GUINT_TO_POINTER (g_array_index (options->excluded_rows, guint, i)));
  b.first_by_key = g_hash_table_new (g_str_hash, g_str_equal);

  b.plan = g_new0 (AimsImportPlan, 1);
  b.plan->entity = entity;
  b.plan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_row_free);
  b.plan->report = aims_import_report_new (file);

  if ((reader = aims_import_file_open_rows (file, cancellable, error)) == NULL)
    return NULL;
  while ((step = aims_csv_reader_step (reader, error)) == AIMS_CSV_STEP_ROW)
    {
      if (aims_import_row_is_blank (reader))
        continue;
      read_row (&b, reader);
      if (b.plan->rows->len % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (progress != NULL)
            progress (share * MIN (1.0, (double) b.plan->rows->len / n_rows), _("Checking the rows"), progress_data);
        }
    }
  if (step == AIMS_CSV_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&b.plan);
}

/* ── Against what is stored ────────────────────────────────────────────── */

typedef struct
{
  gint64  id;
  char   *reference;
} Existing;

static void
existing_free (Existing *existing)
{
  g_free (existing->reference);
  g_free (existing);
}

/* key (title and business unit) → the first record that has it. */
static GHashTable *
load_existing (AimsDb            *db,
               const AimsEntity  *entity,
               GError           **error)
{
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) existing_free);
  gboolean has_unit = aims_entity_find_field (entity, "business_unit") != NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id, reference, %s, %s FROM %s ORDER BY id",
                                          entity->title_field, has_unit ? "business_unit" : "NULL",
                                          entity->table);
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);
  AimsStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      const char *title = aims_statement_column_text (stmt, 2);
      const char *unit = aims_statement_column_text (stmt, 3);
      g_autofree char *title_key = aims_import_value_key (title != NULL ? title : "");
      g_autofree char *unit_key = aims_import_value_key (unit != NULL ? unit : "");
      char *key = g_strconcat (title_key, "\x1f", unit_key, NULL);
      Existing *record;

      if (g_hash_table_contains (existing, key))
        {
          g_free (key);
          continue;
        }
      record = g_new0 (Existing, 1);
      record->id = aims_statement_column_int64 (stmt, 0);
      record->reference = g_strdup (aims_statement_column_text (stmt, 1));
      g_hash_table_insert (existing, key, record);
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&existing);
}

/* What an update of record with row would change, and those fields before. */
static void
diff_update (AimsImportPlan *plan,
             PlanRow        *row,
             AimsRecord     *record)
{
  const AimsEntity *entity = plan->entity;
  GString *before = g_string_new ("{");

  row->changes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *name = entity->fields[i].name;
      const char *old = aims_record_get (record, name);

      if (row->values[i] == NULL || g_strcmp0 (old, row->values[i]) == 0)
        continue;
      g_hash_table_insert (row->changes, (gpointer) name, g_strdup (row->values[i]));
      if (before->len > 1)
        g_string_append_c (before, ',');
      aims_json_append_string (before, name);
      g_string_append_c (before, ':');
      aims_json_append_string (before, old);
    }
  g_string_append_c (before, '}');
  row->before_json = g_string_free (before, FALSE);
  row->existing_id = aims_record_get_id (record);
  row->existing_version = aims_record_get_row_version (record);
  row->action = g_hash_table_size (row->changes) > 0 ? PLAN_UPDATE : PLAN_UNCHANGED;
}

static int
compare_by_row (gconstpointer a,
                gconstpointer b)
{
  guint ra = (*(AimsImportProblem **) a)->row;
  guint rb = (*(AimsImportProblem **) b)->row;

  return ra < rb ? -1 : ra > rb;
}

static int
compare_duplicates (gconstpointer a,
                    gconstpointer b)
{
  guint ra = (*(AimsImportDuplicate **) a)->row;
  guint rb = (*(AimsImportDuplicate **) b)->row;

  return ra < rb ? -1 : ra > rb;
}

gboolean
aims_import_plan_decide (AimsImportPlan          *plan,
                         AimsDb                  *db,
                         const AimsImportOptions *options,
                         GError                 **error)
{
  const AimsEntity *entity = plan->entity;
  AimsImportReport *report = plan->report;
  g_autoptr(GHashTable) existing = load_existing (db, entity, error);
  gboolean update = options->on_duplicate == AIMS_IMPORT_DUPLICATES_UPDATE;
  const AimsField *unit = aims_entity_find_field (entity, "business_unit");
  int title_index = aims_entity_find_field (entity, entity->title_field) - entity->fields;
  int unit_index = unit != NULL ? unit - entity->fields : -1;

  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < plan->rows->len; i++)
    {
      PlanRow *row = g_ptr_array_index (plan->rows, i);
      Existing *match;

      if (row->action == PLAN_INSERT && (match = g_hash_table_lookup (existing, row->key)) != NULL)
        {
          add_duplicate (report, row, title_index, unit_index, match->reference, 0, update);
          if (update)
            {
              g_autoptr(AimsRecord) record = aims_store_load (db, entity, match->id, error);

              if (record == NULL)
                return FALSE;
              diff_update (plan, row, record);
            }
          else
            row->action = PLAN_SKIP;
          aims_import_report_add (report, row->row, -1, AIMS_IMPORT_WARNING, AIMS_IMPORT_PROBLEM_DUPLICATE, NULL,
                                  g_strdup_printf (!update ? _("“%s” is %s already: skipped")
                                                   : row->action == PLAN_UPDATE ? _("“%s” is %s already: updated")
                                                   : _("“%s” is %s already, with the same values"),
                                                   row->values[title_index], match->reference));
        }

      switch (row->action)
        {
        case PLAN_INSERT: report->inserted++; break;
        case PLAN_UPDATE: report->updated++; break;
        case PLAN_UNCHANGED: report->unchanged++; break;
        case PLAN_SKIP: report->skipped++; break;
        default: g_assert_not_reached ();
        }
    }
  g_ptr_array_sort (report->problems, compare_by_row);
  g_ptr_array_sort (report->duplicates, compare_duplicates);
  return TRUE;
}

GHashTable *
aims_import_plan_row_values (AimsImportPlan *plan,
                             PlanRow        *row)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < plan->entity->n_fields; i++)
    if (row->values[i] != NULL)
      g_hash_table_insert (values, (gpointer) plan->entity->fields[i].name, row->values[i]);
  return values;
}
