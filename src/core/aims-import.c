/* aims-import.c — checking an import, and running it in one transaction
 *
 * The rows are read and validated before the transaction begins (the
 * long part, with no lock held); then one BEGIN IMMEDIATE transaction
 * decides duplicates against what is stored at that moment, writes every
 * chosen row through the store's audited insert and update, records the
 * batch and what it did, and commits — or, on any failure or a cancel,
 * writes nothing at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-audit.h"
#include "aims-date.h"
#include "aims-import-private.h"
#include "aims-json.h"
#include "aims-statement.h"
#include "aims-store.h"
#include "aims-store-private.h"

#define PROGRESS_EVERY 256
/* Share of the progress bar for reading and checking the rows. */
#define CHECK_SHARE 0.4

/* ── Reports ───────────────────────────────────────────────────────────── */

static void
problem_free (AimsImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
duplicate_free (AimsImportDuplicate *duplicate)
{
  g_free (duplicate->title);
  g_free (duplicate->business_unit);
  g_free (duplicate->existing_reference);
  g_free (duplicate);
}

AimsImportReport *
aims_import_report_new (AimsImportFile *file)
{
  AimsImportReport *report = g_new0 (AimsImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  report->duplicates = g_ptr_array_new_with_free_func ((GDestroyNotify) duplicate_free);
  report->file_name = g_path_get_basename (aims_import_file_get_path (file));
  report->sha256 = g_strdup (aims_import_file_get_sha256 (file));
  return report;
}

void
aims_import_report_free (AimsImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->file_name);
  g_free (report->sha256);
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->duplicates);
  g_free (report);
}

void
aims_import_report_add (AimsImportReport      *report,
                        guint                  row,
                        int                    column,
                        AimsImportSeverity     severity,
                        AimsImportProblemKind  kind,
                        const AimsField       *field,
                        char                  *message)
{
  AimsImportProblem *problem = g_new0 (AimsImportProblem, 1);

  problem->row = row;
  problem->column = column;
  problem->severity = severity;
  problem->kind = kind;
  problem->field = field;
  problem->message = message;
  g_ptr_array_add (report->problems, problem);
  if (severity == AIMS_IMPORT_ERROR)
    report->n_errors++;
  else
    report->n_warnings++;
}

static AimsImportReport *
steal_report (AimsImportPlan *plan)
{
  return g_steal_pointer (&plan->report);
}

/* ── Checking ──────────────────────────────────────────────────────────── */

static const AimsImportOptions *
options_or_default (const AimsImportOptions *options)
{
  static const AimsImportOptions defaults = { AIMS_IMPORT_DUPLICATES_SKIP, FALSE, NULL, NULL };

  return options != NULL ? options : &defaults;
}

AimsImportReport *
aims_import_check (AimsDb                  *db,
                   AimsImportFile          *file,
                   AimsImportMapping       *mapping,
                   const AimsImportOptions *options,
                   AimsProgressFunc         progress,
                   gpointer                 progress_data,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  g_autoptr(AimsImportPlan) plan = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (file != NULL && mapping != NULL, NULL);

  options = options_or_default (options);
  plan = aims_import_plan_build (db, file, mapping, options, progress, progress_data, 1.0, cancellable, error);
  if (plan == NULL || !aims_import_plan_decide (plan, db, options, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, _("Checked"), progress_data);
  return steal_report (plan);
}

/* ── Writing ───────────────────────────────────────────────────────────── */

typedef struct
{
  AimsDb            *db;
  AimsImportPlan    *plan;
  const char        *author;
  gint64             batch_id;
  AimsStatement     *item;       /* INSERT INTO import_batch_item */
  AimsStatement     *set_batch;  /* UPDATE … SET import_batch_id, or NULL */
} Writer;

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->item, aims_statement_free);
  g_clear_pointer (&w->set_batch, aims_statement_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static gboolean
has_batch_column (AimsDb            *db,
                  const AimsEntity  *entity,
                  gboolean          *has,
                  GError           **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "SELECT 1 FROM pragma_table_info(?) WHERE name = 'import_batch_id'", error);
  AimsStep step;

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_text (stmt, 1, entity->table);
  step = aims_statement_step (stmt, error);
  *has = step == AIMS_STEP_ROW;
  return step != AIMS_STEP_ERROR;
}

static gboolean
writer_begin (Writer            *w,
              AimsImportReport  *report,
              GError           **error)
{
  const AimsEntity *entity = w->plan->entity;
  g_autofree char *now = aims_timestamp_now ();
  g_autoptr(AimsStatement) batch = NULL;
  gboolean has_column;

  batch = aims_db_prepare (w->db,
                           "INSERT INTO import_batch (created_at, created_by, file_name, file_sha256, row_count, entity)"
                           " VALUES (?, ?, ?, ?, 0, ?)", error);
  if (batch == NULL)
    return FALSE;
  aims_statement_bind_text (batch, 1, now);
  aims_statement_bind_text (batch, 2, w->author);
  aims_statement_bind_text (batch, 3, report->file_name);
  aims_statement_bind_text (batch, 4, report->sha256);
  aims_statement_bind_text (batch, 5, entity->table);
  if (!aims_statement_run (batch, error))
    return FALSE;
  w->batch_id = aims_db_last_insert_rowid (w->db);

  w->item = aims_db_prepare (w->db,
                             "INSERT INTO import_batch_item (batch_id, entity_id, action, row_version, before_json)"
                             " VALUES (?, ?, ?, ?, ?)", error);
  if (w->item == NULL || !has_batch_column (w->db, entity, &has_column, error))
    return FALSE;
  if (has_column)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET import_batch_id = ? WHERE id = ?", entity->table);

      if ((w->set_batch = aims_db_prepare (w->db, sql, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
record_item (Writer      *w,
             gint64       id,
             const char  *action,
             gint64       row_version,
             const char  *before_json,
             GError     **error)
{
  aims_statement_reset (w->item);
  aims_statement_bind_int64 (w->item, 1, w->batch_id);
  aims_statement_bind_int64 (w->item, 2, id);
  aims_statement_bind_text (w->item, 3, action);
  aims_statement_bind_int64 (w->item, 4, row_version);
  aims_statement_bind_text (w->item, 5, before_json);
  if (!aims_statement_run (w->item, error))
    return FALSE;
  if (w->set_batch != NULL && g_str_equal (action, "insert"))
    {
      aims_statement_reset (w->set_batch);
      aims_statement_bind_int64 (w->set_batch, 1, w->batch_id);
      aims_statement_bind_int64 (w->set_batch, 2, id);
      return aims_statement_run (w->set_batch, error);
    }
  return TRUE;
}

static gboolean
write_row (Writer   *w,
           PlanRow  *row,
           GError  **error)
{
  const AimsEntity *entity = w->plan->entity;
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GHashTable) values = NULL;

  if (row->action == PLAN_INSERT)
    {
      values = aims_import_plan_row_values (w->plan, row);
      record = aims_store_insert_in_transaction (w->db, entity, values, w->author, "import", error);
      return record != NULL &&
             record_item (w, aims_record_get_id (record), "insert", aims_record_get_row_version (record), NULL, error);
    }
  record = aims_store_update_in_transaction (w->db, entity, row->existing_id, row->existing_version,
                                             row->changes, w->author, "import", TRUE, error);
  return record != NULL &&
         record_item (w, row->existing_id, "update", aims_record_get_row_version (record), row->before_json, error);
}

static gboolean
writer_finish (Writer            *w,
               AimsImportReport  *report,
               GError           **error)
{
  g_autoptr(AimsStatement) count = NULL;
  g_autoptr(GString) json = g_string_new ("{\"file_name\":");
  guint written = report->inserted + report->updated;

  count = aims_db_prepare (w->db, "UPDATE import_batch SET row_count = ? WHERE id = ?", error);
  if (count == NULL)
    return FALSE;
  aims_statement_bind_int64 (count, 1, written);
  aims_statement_bind_int64 (count, 2, w->batch_id);
  if (!aims_statement_run (count, error))
    return FALSE;

  aims_json_append_string (json, report->file_name);
  g_string_append (json, ",\"file_sha256\":");
  aims_json_append_string (json, report->sha256);
  g_string_append (json, ",\"entity\":");
  aims_json_append_string (json, w->plan->entity->table);
  g_string_append_printf (json, ",\"row_count\":%u,\"inserted\":%u,\"updated\":%u}",
                          written, report->inserted, report->updated);
  return aims_audit_append (w->db, w->author, "import_batch", w->batch_id, "import", NULL, json->str, error);
}

/* The rows, in the transaction the caller began. */
static gboolean
write_rows (Writer            *w,
            AimsProgressFunc   progress,
            gpointer           progress_data,
            GCancellable      *cancellable,
            GError           **error)
{
  AimsImportReport *report = w->plan->report;
  guint total = MAX (report->inserted + report->updated, 1);
  guint done = 0;

  if (!writer_begin (w, report, error))
    return FALSE;
  for (guint i = 0; i < w->plan->rows->len; i++)
    {
      PlanRow *row = g_ptr_array_index (w->plan->rows, i);
      g_autoptr(GError) row_error = NULL;

      if (row->action != PLAN_INSERT && row->action != PLAN_UPDATE)
        continue;
      if (!write_row (w, row, &row_error))
        {
          g_set_error (error, row_error->domain, row_error->code,
                       /* Translators: "Row 12: Name is required; nothing was imported" */
                       _("Row %u: %s; nothing was imported"), row->row, row_error->message);
          return FALSE;
        }
      if (++done % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (CHECK_SHARE + (1 - CHECK_SHARE) * done / total, _("Importing"), progress_data);
        }
    }
  return writer_finish (w, report, error);
}

/* The first rows with errors, for a message that names them. */
static char *
describe_errors (AimsImportReport *report)
{
  GString *text = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < report->problems->len && shown < 3; i++)
    {
      AimsImportProblem *problem = g_ptr_array_index (report->problems, i);

      if (problem->severity != AIMS_IMPORT_ERROR)
        continue;
      if (shown++ > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, _("row %u: %s"), problem->row, problem->message);
    }
  return g_string_free (text, FALSE);
}

AimsImportReport *
aims_import_run (AimsDb                  *db,
                 AimsImportFile          *file,
                 AimsImportMapping       *mapping,
                 const AimsImportOptions *options,
                 AimsProgressFunc         progress,
                 gpointer                 progress_data,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autoptr(AimsImportPlan) plan = NULL;
  g_autofree char *sha256 = NULL;
  g_auto(Writer) w = { db, NULL, NULL, 0, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (file != NULL && mapping != NULL, NULL);

  options = options_or_default (options);
  if ((sha256 = aims_import_hash_file (aims_import_file_get_path (file), cancellable, error)) == NULL)
    return NULL;
  if (!g_str_equal (sha256, aims_import_file_get_sha256 (file)))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT,
                   _("%s changed since it was read: look at it again before importing"),
                   aims_import_file_get_path (file));
      return NULL;
    }
  plan = aims_import_plan_build (db, file, mapping, options, progress, progress_data, CHECK_SHARE,
                                 cancellable, error);
  if (plan == NULL)
    return NULL;
  if (plan->report->n_errors > 0 && !options->skip_invalid)
    {
      g_autofree char *errors = describe_errors (plan->report);

      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row cannot be imported (%s): nothing was imported",
                                "%u rows cannot be imported (%s): nothing was imported",
                                plan->report->n_errors),
                   plan->report->n_errors, errors);
      return NULL;
    }

  if (!aims_db_begin_write (db, error))
    return NULL;
  w.plan = plan;
  w.author = options->author != NULL ? options->author : aims_default_author ();
  ok = aims_import_plan_decide (plan, db, options, error);
  /* Nothing to write is no batch: the transaction ends without a trace. */
  if (ok && plan->report->inserted + plan->report->updated == 0)
    {
      aims_db_rollback (db);
      return steal_report (plan);
    }
  ok = ok && write_rows (&w, progress, progress_data, cancellable, error);
  if (!aims_db_end_write (db, ok, error))
    return NULL;
  plan->report->batch_id = w.batch_id;
  if (progress != NULL)
    progress (1.0, _("Imported"), progress_data);
  return steal_report (plan);
}
