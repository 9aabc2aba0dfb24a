/* aimsctl-import.c — import from CSV, import batches and their undo, and
 * export csv
 *
 * The same core calls as the import assistant, in the same order; the
 * report printed is the assistant's check step as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aimsctl.h"

/* Rows named after a grouped warning before "…". */
#define ROWS_NAMED 10

/* ── Options ───────────────────────────────────────────────────────────── */

/* "TEXT=VALUE" cut at its last '=': headers and cells may hold one, field
 * names and keys do not. */
static gboolean
split_at_last_equals (const char  *text,
                      char       **left,
                      char       **right)
{
  const char *equals = strrchr (text, '=');

  if (equals == NULL || equals == text)
    return FALSE;
  *left = g_strndup (text, equals - text);
  *right = g_strdup (equals + 1);
  return TRUE;
}

/* Usage errors, before any file is read. */
static int
check_options (AimsctlInvocation     *inv,
               AimsImportDuplicates  *on_duplicate)
{
  AimsctlOptions *o = inv->options;

  *on_duplicate = AIMS_IMPORT_DUPLICATES_SKIP;
  if (o->on_duplicate != NULL)
    {
      if (g_str_equal (o->on_duplicate, "update"))
        *on_duplicate = AIMS_IMPORT_DUPLICATES_UPDATE;
      else if (!g_str_equal (o->on_duplicate, "skip"))
        return aimsctl_usage_error (inv->command, _("--on-duplicate wants skip or update, not “%s”"),
                                    o->on_duplicate);
    }
  if (o->header_row != AIMSCTL_NOT_GIVEN && (o->header_row < 1 || o->header_row > G_MAXINT))
    return aimsctl_usage_error (inv->command, _("--header-row wants a row number, 1 or more"));
  for (guint i = 0; o->map != NULL && o->map[i] != NULL; i++)
    if (strchr (o->map[i], '=') == NULL || o->map[i][0] == '=')
      return aimsctl_usage_error (inv->command, _("--map wants COLUMN=FIELD, not “%s”"), o->map[i]);
  for (guint i = 0; o->value != NULL && o->value[i] != NULL; i++)
    {
      const char *colon = strchr (o->value[i], ':');

      if (colon == NULL || colon == o->value[i] || strchr (colon, '=') == NULL || colon[1] == '=')
        return aimsctl_usage_error (inv->command, _("--value wants FIELD:TEXT=VALUE, not “%s”"), o->value[i]);
    }
  return AIMSCTL_EXIT_OK;
}

/* The --map options over a mapping with no column mapped. */
static AimsImportMapping *
mapping_from_options (AimsctlInvocation *inv,
                      const AimsEntity  *entity,
                      AimsImportFile    *file,
                      int               *status)
{
  const AimsCsvSniff *sniff = aims_import_file_get_sniff (file);
  g_autoptr(AimsImportMapping) mapping = aims_import_mapping_new (entity, (const char *const *) sniff->headers);
  char **map = inv->options->map;

  for (guint i = 0; map[i] != NULL; i++)
    {
      g_autofree char *column_text = NULL;
      g_autofree char *field = NULL;
      g_autoptr(GError) error = NULL;
      int column;

      split_at_last_equals (map[i], &column_text, &field);
      if ((column = aims_import_mapping_find_column (mapping, column_text)) < 0)
        {
          *status = aimsctl_usage_error (inv->command, _("--map: %s has no column “%s”"),
                                         aims_import_file_get_path (file), column_text);
          return NULL;
        }
      if (!aims_import_mapping_set_field (mapping, column, field, &error))
        {
          *status = aimsctl_usage_error (inv->command, "--map: %s", error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&mapping);
}

static gboolean
apply_values (AimsctlInvocation *inv,
              AimsImportMapping *mapping,
              int               *status)
{
  char **values = inv->options->value;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const char *colon = strchr (values[i], ':');
      g_autofree char *field = g_strndup (values[i], colon - values[i]);
      g_autofree char *text = NULL;
      g_autofree char *key = NULL;
      g_autoptr(GError) error = NULL;

      split_at_last_equals (colon + 1, &text, &key);
      if (!aims_import_mapping_set_value (mapping, field, text, key, &error))
        {
          *status = aimsctl_usage_error (inv->command, "--value: %s", error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* ── Printing ──────────────────────────────────────────────────────────── */

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case ',': return _("comma-separated");
    case ';': return _("semicolon-separated");
    case '\t': return _("tab-separated");
    case '|': return _("bar-separated");
    default: return _("separated");
    }
}

static void
print_file (GString        *out,
            AimsImportFile *file)
{
  const AimsCsvSniff *sniff = aims_import_file_get_sniff (file);

  g_string_append_printf (out, _("%s: %s%s, %s, header in row %u; %u rows, %u columns\n"),
                          aims_import_file_get_path (file), sniff->encoding,
                          sniff->bom ? _(" with a byte-order mark") : "",
                          delimiter_name (sniff->delimiter), sniff->header_row,
                          aims_import_file_get_n_rows (file), sniff->n_columns);
}

/* A column as --map names it: by header, or by number when the header
 * would not come back the same from the command line. */
static char *
column_argument (AimsImportMapping *mapping,
                 guint              column)
{
  const char *header = aims_import_mapping_get_header (mapping, column);

  if (aims_import_mapping_find_column (mapping, header) == (int) column)
    return g_strdup (header);
  return g_strdup_printf ("%u", column + 1);
}

/* The mapping as options a user can copy and change: one a line, each
 * line but the last continued with a backslash. */
static void
print_mapping (GString           *out,
               AimsImportFile    *file,
               AimsImportMapping *mapping,
               const char        *origin)
{
  const AimsEntity *entity = aims_import_mapping_get_entity (mapping);
  g_autoptr(GPtrArray) arguments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) left_out = g_string_new (NULL);
  g_autoptr(GString) no_choice = g_string_new (NULL);
  guint n = aims_import_mapping_get_n_columns (mapping);

  for (guint i = 0; i < n; i++)
    {
      const AimsField *field = aims_import_mapping_get_field (mapping, i);
      g_autofree char *column = column_argument (mapping, i);
      g_autofree char *argument = NULL;
      g_autofree char *quoted = NULL;

      if (field == NULL)
        {
          g_string_append_printf (left_out, "%s“%s”", left_out->len > 0 ? ", " : "", column);
          continue;
        }
      argument = g_strdup_printf ("%s=%s", column, field->name);
      quoted = g_shell_quote (argument);
      g_ptr_array_add (arguments, g_strdup_printf ("--map %s", quoted));
    }
  for (guint i = 0; i < entity->n_fields; i++)
    {
      g_autoptr(GPtrArray) values = NULL;

      if (entity->fields[i].type != AIMS_FIELD_CHOICE ||
          (values = aims_import_list_choice_values (file, mapping, entity->fields[i].name, NULL)) == NULL)
        continue;
      for (guint j = 0; j < values->len; j++)
        {
          AimsImportChoiceValue *value = g_ptr_array_index (values, j);
          g_autofree char *argument = NULL;
          g_autofree char *quoted = NULL;

          if (value->key == NULL)
            {
              g_string_append_printf (no_choice, "  %s: “%s” (%u)\n", entity->fields[i].name, value->text, value->count);
              continue;
            }
          argument = g_strdup_printf ("%s:%s=%s", entity->fields[i].name, value->text, value->key);
          quoted = g_shell_quote (argument);
          g_ptr_array_add (arguments, g_strdup_printf ("--value %s", quoted));
        }
    }

  g_string_append_printf (out, "%s\n", origin);
  for (guint i = 0; i < arguments->len; i++)
    g_string_append_printf (out, "  %s%s\n", (const char *) g_ptr_array_index (arguments, i),
                            i + 1 < arguments->len ? " \\" : "");
  if (left_out->len > 0)
    g_string_append_printf (out, _("Columns not imported: %s\n"), left_out->str);
  if (no_choice->len > 0)
    g_string_append_printf (out, _("Values no choice fits, left unset unless given with --value FIELD:TEXT=VALUE:\n%s"),
                            no_choice->str);
}

/* Where a problem is: "row 12, “Stage”" or "row 12". */
static char *
problem_place (AimsImportMapping *mapping,
               guint              row,
               int                column)
{
  if (column >= 0 && (guint) column < aims_import_mapping_get_n_columns (mapping))
    return g_strdup_printf (_("row %u, “%s”"), row, aims_import_mapping_get_header (mapping, column));
  return g_strdup_printf (_("row %u"), row);
}

/* Blank choice cells are many in a real inventory: one line per column. */
static void
print_blank_choices (GString           *out,
                     AimsImportReport  *report,
                     AimsImportMapping *mapping)
{
  g_autoptr(GHashTable) by_column = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  guint n = aims_import_mapping_get_n_columns (mapping);

  for (guint i = 0; i < report->problems->len; i++)
    {
      AimsImportProblem *problem = g_ptr_array_index (report->problems, i);
      GArray *rows;

      if (problem->kind != AIMS_IMPORT_PROBLEM_BLANK_CHOICE)
        continue;
      if ((rows = g_hash_table_lookup (by_column, GINT_TO_POINTER (problem->column))) == NULL)
        g_hash_table_insert (by_column, GINT_TO_POINTER (problem->column),
                             rows = g_array_new (FALSE, FALSE, sizeof (guint)));
      g_array_append_val (rows, problem->row);
    }
  for (guint column = 0; column < n; column++)
    {
      GArray *rows = g_hash_table_lookup (by_column, GINT_TO_POINTER (column));
      g_autoptr(GString) list = g_string_new (NULL);

      if (rows == NULL)
        continue;
      for (guint i = 0; i < rows->len && i < ROWS_NAMED; i++)
        g_string_append_printf (list, "%s%u", i > 0 ? ", " : "", g_array_index (rows, guint, i));
      if (rows->len > ROWS_NAMED)
        g_string_append (list, ", …");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "“%s”: %u row blank or N/A, %s left unset (row %s)\n",
                                           "“%s”: %u rows blank or N/A, %s left unset (rows %s)\n",
                                           rows->len),
                              aims_import_mapping_get_header (mapping, column), rows->len,
                              _(aims_import_mapping_get_field (mapping, column)->label), list->str);
    }
}

static void
print_report (GString           *out,
              AimsImportReport  *report,
              AimsImportMapping *mapping,
              gboolean           written)
{
  const AimsEntity *entity = aims_import_mapping_get_entity (mapping);

  g_string_append_printf (out, _("Rows read: %u\n"), report->rows_read);
  if (written)
    g_string_append_printf (out, _("Imported: %u new %s (import batch %lld)\n"), report->inserted,
                            _(entity->plural), (long long) report->batch_id);
  else
    g_string_append_printf (out, _("To import: %u new %s (nothing was written)\n"), report->inserted,
                            _(entity->plural));
  g_string_append_printf (out, _("Updated: %u\n"), report->updated);
  if (report->unchanged > 0)
    g_string_append_printf (out, _("Unchanged: %u\n"), report->unchanged);
  g_string_append_printf (out, _("Skipped: %u\n"), report->skipped);
  g_string_append_printf (out, _("Warnings: %u\n"), report->n_warnings);
  g_string_append_printf (out, _("Errors: %u\n"), report->n_errors);

  print_blank_choices (out, report, mapping);
  for (guint i = 0; i < report->problems->len; i++)
    {
      AimsImportProblem *problem = g_ptr_array_index (report->problems, i);
      g_autofree char *place = NULL;

      if (problem->kind == AIMS_IMPORT_PROBLEM_BLANK_CHOICE)
        continue;
      place = problem_place (mapping, problem->row, problem->column);
      g_string_append_printf (out, "%s%s: %s\n",
                              problem->severity == AIMS_IMPORT_ERROR ? _("error: ") : "",
                              place, problem->message);
    }
}

/* ── import ENTITY DB FILE ─────────────────────────────────────────────── */

static int
import_records (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  const char *csv_path = inv->args[2];
  AimsctlOptions *o = inv->options;
  AimsCsvSniffOptions sniff_options = { { o->encoding, 0, 0 }, 0, 0 };
  AimsImportOptions options = { AIMS_IMPORT_DUPLICATES_SKIP, o->skip_invalid, NULL, aimsctl_author (inv) };
  const AimsEntity *entity;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsImportFile) file = NULL;
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(AimsImportReport) report = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *origin = NULL;
  int status;

  if (inv->n_args != 3)
    return aimsctl_usage_error (inv->command, _("missing FILE"));
  if ((entity = aimsctl_entity (inv, inv->args[0], &status)) == NULL)
    return status;
  if (entity->ref_prefix == NULL)
    return aimsctl_usage_error (inv->command, _("the %s are a fixed catalogue: nothing can be imported into it"),
                                _(entity->plural));
  if ((status = check_options (inv, &options.on_duplicate)) != AIMSCTL_EXIT_OK)
    return status;
  if (o->header_row != AIMSCTL_NOT_GIVEN)
    sniff_options.header_row = (guint) o->header_row;

  db = o->dry_run ? aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)
                  : aimsctl_open_for_writing (inv, path, &status);
  if (db == NULL)
    return status;
  if ((file = aims_import_file_load (csv_path, &sniff_options, NULL, &error)) == NULL)
    return aimsctl_fail_error (csv_path, error);

  if (o->map != NULL)
    mapping = mapping_from_options (inv, entity, file, &status);
  else
    {
      const AimsCsvSniff *sniff = aims_import_file_get_sniff (file);

      if ((mapping = aims_import_mapping_load (db, entity, (const char *const *) sniff->headers, &error)) != NULL)
        origin = _("Columns mapped as saved for these headers; to map them otherwise, give these options changed:");
      else if (error != NULL)
        return aimsctl_fail_error (path, error);
      else
        {
          mapping = aims_import_mapping_propose (entity, file);
          origin = _("Columns mapped as proposed; to map them otherwise, give these options changed:");
        }
    }
  if (mapping == NULL || !apply_values (inv, mapping, &status))
    return status;
  if (!aims_import_mapping_check (mapping, &error))
    return aimsctl_usage_error (inv->command, "%s", error->message);

  print_file (out, file);
  if (origin != NULL)
    print_mapping (out, file, mapping, origin);

  if (o->dry_run)
    report = aims_import_check (db, file, mapping, &options, NULL, NULL, NULL, &error);
  else
    report = aims_import_run (db, file, mapping, &options, NULL, NULL, NULL, &error);
  if (report == NULL)
    {
      /* Rows with errors: the report says which, and nothing was written. */
      if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID) &&
          (report = aims_import_check (db, file, mapping, &options, NULL, NULL, NULL, NULL)) != NULL)
        {
          print_report (out, report, mapping, FALSE);
          aimsctl_write_out (out);
        }
      return aimsctl_fail_error (csv_path, error);
    }
  print_report (out, report, mapping, report->batch_id > 0);
  if ((status = aimsctl_write_out (out)) != AIMSCTL_EXIT_OK)
    return status;
  if (o->dry_run && report->n_errors > 0 && !o->skip_invalid)
    return aimsctl_fail (csv_path, g_dngettext (GETTEXT_PACKAGE,
                                                "%u row cannot be imported; give --skip-invalid to leave it out",
                                                "%u rows cannot be imported; give --skip-invalid to leave them out",
                                                report->n_errors), report->n_errors);
  if (o->save_mapping && !o->dry_run && !aims_import_mapping_save (db, mapping, aimsctl_author (inv), &error))
    return aimsctl_fail_error (path, error);
  return AIMSCTL_EXIT_OK;
}

/* ── import batches DB, import undo DB BATCH ───────────────────────────── */

static int
list_batches (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  if (inv->n_args != 2)
    return aimsctl_usage_error (inv->command, _("import batches wants DB only"));
  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if ((batches = aims_import_list_batches (db, &error)) == NULL)
    return aimsctl_fail_error (path, error);
  for (guint i = 0; i < batches->len; i++)
    {
      AimsImportBatch *batch = g_ptr_array_index (batches, i);

      g_string_append_printf (out, _("%lld\t%s\t%s\t%u %s\t%s\tSHA-256 %s"),
                              (long long) batch->id, batch->created_at, batch->created_by, batch->row_count,
                              batch->entity != NULL ? batch->entity->name : "?",
                              batch->file_name, batch->file_sha256);
      if (batch->undone_at != NULL)
        g_string_append_printf (out, _("\tundone at %s by %s"), batch->undone_at, batch->undone_by);
      g_string_append_c (out, '\n');
    }
  return aimsctl_write_out (out);
}

static int
undo_batch (AimsctlInvocation *inv)
{
  const char *path = inv->args[1];
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  guint64 id;
  int status;

  if (inv->n_args != 3)
    return aimsctl_usage_error (inv->command, _("import undo wants DB BATCH"));
  if (!g_ascii_string_to_unsigned (inv->args[2], 10, 1, G_MAXINT64, &id, NULL))
    return aimsctl_usage_error (inv->command, _("BATCH is the number of an import batch, not “%s”"), inv->args[2]);
  if ((db = aimsctl_open_for_writing (inv, path, &status)) == NULL)
    return status;
  if (!aims_import_undo (db, (gint64) id, aimsctl_author (inv), NULL, &error))
    return aimsctl_fail_error (path, error);
  g_print (_("Undid import batch %llu\n"), (unsigned long long) id);
  return AIMSCTL_EXIT_OK;
}

int
aimsctl_cmd_import (AimsctlInvocation *inv)
{
  if (g_str_equal (inv->args[0], "batches"))
    return list_batches (inv);
  if (g_str_equal (inv->args[0], "undo"))
    return undo_batch (inv);
  return import_records (inv);
}

/* ── export csv ENTITY DB OUT.csv ──────────────────────────────────────── */

int
aimsctl_export_csv (AimsctlInvocation *inv)
{
  const char *path = inv->args[2];
  const char *out_path = inv->args[3];
  const AimsEntity *entity;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (inv->n_args != 4)
    return aimsctl_usage_error (inv->command, _("export csv wants ENTITY DB OUT.csv"));
  if ((entity = aimsctl_entity (inv, inv->args[1], &status)) == NULL)
    return status;
  if ((db = aimsctl_open (inv, path, AIMS_DB_OPEN_READ_ONLY, &status)) == NULL)
    return status;
  if (!aims_export_csv (db, entity, out_path, &error))
    return aimsctl_fail_error (out_path, error);
  g_print (_("Wrote the %s of %s to %s\n"), _(entity->plural), path, out_path);
  return AIMSCTL_EXIT_OK;
}
