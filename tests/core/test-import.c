/* test-import.c — importing AI systems from CSV: the mapping proposed, the
 * values of choices, the check, all-or-nothing, duplicates, batches and
 * their undo, saved mappings, export and import back, and the real
 * inventories of ../shared/data when they are there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-store-private.h"
#include "core-fixtures.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static AimsImportFile *
load_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  AimsImportFile *file = aims_import_file_load (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static const char *
field_of (AimsImportMapping *mapping,
          const char        *header)
{
  int column = aims_import_mapping_find_column (mapping, header);
  const AimsField *field;

  g_assert_cmpint (column, >=, 0);
  field = aims_import_mapping_get_field (mapping, column);
  return field != NULL ? field->name : NULL;
}

/* The system of that name; NULL when there is none. */
static AimsRecord *
find_system (AimsDb     *db,
             const char *name)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, "SELECT id FROM ai_system WHERE name = ?", NULL);

  aims_statement_bind_text (stmt, 1, name);
  if (aims_statement_step (stmt, NULL) != AIMS_STEP_ROW)
    return NULL;
  return aims_store_load (db, aims_entity_systems (), aims_statement_column_int64 (stmt, 0), NULL);
}

static AimsRecord *
get_system (AimsDb     *db,
            const char *name)
{
  AimsRecord *record = find_system (db, name);

  if (record == NULL)
    g_error ("no system named “%s”", name);
  return record;
}

static gboolean
has_problem (AimsImportReport      *report,
             guint                  row,
             AimsImportProblemKind  kind,
             const char            *message_part)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      AimsImportProblem *problem = g_ptr_array_index (report->problems, i);

      if (problem->row == row && problem->kind == kind &&
          (message_part == NULL || strstr (problem->message, message_part) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* What a write could have touched, as one string. */
static char *
snapshot (AimsDb *db)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " systems, %" G_GINT64_FORMAT " audit rows, %" G_GINT64_FORMAT
                          " batches, %" G_GINT64_FORMAT " items",
                          fixture_count_rows (db, "ai_system"), fixture_count_rows (db, "audit_log"),
                          fixture_count_rows (db, "import_batch"), fixture_count_rows (db, "import_batch_item"));
}

/* ── The hand-made inventory ───────────────────────────────────────────── */

static void
test_import_proposal (void)
{
  g_autofree char *path = data_path ("inventory.csv");
  g_autoptr(AimsImportFile) file = load_file (path);
  g_autoptr(AimsImportMapping) mapping = aims_import_mapping_propose (aims_entity_systems (), file);
  g_autoptr(GArray) purpose = aims_import_mapping_get_columns (mapping, "purpose");
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  const AimsImportColumn *date;

  g_assert_cmpuint (aims_import_file_get_n_rows (file), ==, 6);
  g_assert_cmpstr (field_of (mapping, "Use Case Name"), ==, "name");
  g_assert_cmpstr (field_of (mapping, "Bureau"), ==, "business_unit");
  g_assert_null (field_of (mapping, "Agency"));
  g_assert_cmpstr (field_of (mapping, "Stage"), ==, "lifecycle_stage");
  g_assert_cmpstr (field_of (mapping, "Vendor Name"), ==, "provider");
  g_assert_cmpstr (field_of (mapping, "Date Initiated"), ==, "start_date");
  g_assert_cmpstr (field_of (mapping, "PII Indicator"), ==, "personal_data");
  g_assert_cmpstr (field_of (mapping, "System Owner"), ==, "owner_id");
  g_assert_cmpuint (purpose->len, ==, 2);

  /* 7/25/2024 in the column says the month comes first. */
  date = aims_import_file_get_column (file, aims_import_mapping_find_column (mapping, "Date Initiated"));
  g_assert_cmpint (date->date_order, ==, AIMS_DATE_ORDER_MONTH_FIRST);

  stages = aims_import_list_choice_values (file, mapping, "lifecycle_stage", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stages->len; i++)
    {
      AimsImportChoiceValue *value = g_ptr_array_index (stages, i);

      if (g_str_equal (value->text, "Deployed"))
        {
          g_assert_cmpuint (value->count, ==, 2);
          g_assert_cmpstr (value->key, ==, "operation");
        }
      else if (g_str_equal (value->text, "Operation and Maintenance"))
        g_assert_cmpstr (value->key, ==, "operation");
      else if (g_str_has_prefix (value->text, "c) Pilot"))
        g_assert_cmpstr (value->key, ==, "verification_validation");
      else
        {
          g_assert_cmpstr (value->text, ==, "Somewhere between");
          g_assert_null (value->key);
        }
    }
  g_assert_cmpuint (stages->len, ==, 4);
}

static void
test_import_choice_proposals (void)
{
  const AimsEntity *systems = aims_entity_systems ();
  const AimsField *stage = aims_entity_find_field (systems, "lifecycle_stage");
  const AimsField *sourcing = aims_entity_find_field (systems, "sourcing");
  const AimsField *pii = aims_entity_find_field (systems, "personal_data");
  static const char *const stages[][2] = {
    { "Operation and Maintenance", "operation" },
    { "Deployed", "operation" },
    { "In production", "operation" },
    { "c)  Deployed – The use case is being actively authorized", "operation" },
    { "Pre-Deployment - The use case is in a development or acquisition status.", "design_development" },
    { "Acquisition and/or Development", "design_development" },
    { "Initiated", "inception" },
    { "Implementation and Assessment", "verification_validation" },
    { "d) Retired – The use case was reported in the agency’s prior year’s inventory", "retired" },
    { "Design and development", "design_development" },
    { "re_evaluation", "re_evaluation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    g_assert_cmpstr (aims_import_propose_choice (stage, stages[i][0]), ==, stages[i][1]);
  g_assert_null (aims_import_propose_choice (stage, "Somewhere between"));
  g_assert_null (aims_import_propose_choice (stage, "N/A"));
  g_assert_cmpstr (aims_import_propose_choice (sourcing, "Developed with both contracting and in-house resources."), ==, "hybrid");
  g_assert_cmpstr (aims_import_propose_choice (sourcing, "No contract/external resources used in development."), ==, "in_house");
  g_assert_cmpstr (aims_import_propose_choice (sourcing, "a)\u00a0Purchased from a vendor"), ==, "third_party");
  g_assert_cmpstr (aims_import_propose_choice (pii, " No"), ==, "none");
  g_assert_cmpstr (aims_import_propose_choice (pii, "Yes"), ==, "personal");
}

static void
test_import_mapping_rules (void)
{
  g_autofree char *path = data_path ("inventory.csv");
  g_autoptr(AimsImportFile) file = load_file (path);
  g_autoptr(AimsImportMapping) mapping = aims_import_mapping_propose (aims_entity_systems (), file);
  g_autoptr(AimsImportMapping) empty = NULL;
  g_autoptr(GError) error = NULL;
  int agency = aims_import_mapping_find_column (mapping, "agency");

  /* Two columns cannot go into a field of one value… */
  g_assert_false (aims_import_mapping_set_field (mapping, agency, "business_unit", &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Bureau”"));
  g_assert_nonnull (strstr (error->message, "“Agency”"));
  g_clear_error (&error);
  /* …but may into long text; an unknown field is refused. */
  g_assert_true (aims_import_mapping_set_field (mapping, agency, "description", &error));
  g_assert_false (aims_import_mapping_set_field (mapping, agency, "no_such_field", &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* By number too. */
  g_assert_cmpint (aims_import_mapping_find_column (mapping, "3"), ==, 2);
  g_assert_cmpint (aims_import_mapping_find_column (mapping, "  use case   NAME "), ==, 0);
  g_assert_cmpint (aims_import_mapping_find_column (mapping, "Nothing"), ==, -1);

  /* A value that is no choice is refused. */
  g_assert_false (aims_import_mapping_set_value (mapping, "lifecycle_stage", "Deployed", "launched", &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* Without a name column there is nothing to import. */
  empty = aims_import_mapping_new (aims_entity_systems (), (const char *const *) aims_import_file_get_sniff (file)->headers);
  g_assert_false (aims_import_mapping_check (empty, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name"));
}

typedef struct
{
  AimsDb            *db;
  char              *db_path;
  AimsImportFile    *file;
  AimsImportMapping *mapping;
} Inventory;

static void
inventory_set_up (Inventory     *f,
                  gconstpointer  data)
{
  g_autofree char *path = data_path ("inventory.csv");
  g_autoptr(AimsRecord) ada = NULL;

  f->db = fixture_create_db ("import.aims", 0, &f->db_path);
  ada = fixture_add_person (f->db, "Ada Lovelace");
  f->file = load_file (path);
  f->mapping = aims_import_mapping_propose (aims_entity_systems (), f->file);
}

static void
inventory_tear_down (Inventory     *f,
                     gconstpointer  data)
{
  aims_import_mapping_free (f->mapping);
  aims_import_file_free (f->file);
  fixture_close_db (&f->db);
  g_free (f->db_path);
}

static AimsImportReport *
run_import (Inventory               *f,
            const AimsImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  AimsImportReport *report = aims_import_run (f->db, f->file, f->mapping, options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const AimsImportOptions skip_invalid = { AIMS_IMPORT_DUPLICATES_SKIP, TRUE, NULL, FIXTURE_AUTHOR };

static void
test_import_check (Inventory     *f,
                   gconstpointer  data)
{
  g_autofree char *before = snapshot (f->db);
  g_autofree char *after = NULL;
  g_autoptr(AimsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = aims_import_check (f->db, f->file, f->mapping, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_read, ==, 6);
  g_assert_cmpuint (report->inserted, ==, 4);
  g_assert_cmpuint (report->skipped, ==, 2);
  g_assert_cmpuint (report->n_errors, ==, 1);
  g_assert_cmpint (report->batch_id, ==, 0);
  g_assert_true (has_problem (report, 6, AIMS_IMPORT_PROBLEM_NO_TITLE, "Name"));
  g_assert_true (has_problem (report, 4, AIMS_IMPORT_PROBLEM_BLANK_CHOICE, "Lifecycle stage"));
  g_assert_true (has_problem (report, 4, AIMS_IMPORT_PROBLEM_UNFIT_VALUE, "Nobody Known"));
  g_assert_true (has_problem (report, 5, AIMS_IMPORT_PROBLEM_DUPLICATE, "row 4"));
  g_assert_true (has_problem (report, 7, AIMS_IMPORT_PROBLEM_UNFIT_VALUE, "Somewhere between"));
  g_assert_cmpuint (report->duplicates->len, ==, 1);
  g_assert_cmpuint (((AimsImportDuplicate *) g_ptr_array_index (report->duplicates, 0))->earlier_row, ==, 4);

  after = snapshot (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* A row that cannot be a record stops the import: nothing is written. */
static void
test_import_refuses_invalid_rows (Inventory     *f,
                                  gconstpointer  data)
{
  g_autofree char *before = snapshot (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (aims_import_run (f->db, f->file, f->mapping, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "row 6"));
  after = snapshot (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_run (Inventory     *f,
                 gconstpointer  data)
{
  g_autoptr(AimsImportReport) report = run_import (f, &skip_invalid);
  g_autoptr(AimsRecord) invoice = get_system (f->db, "Invoice reader");
  g_autoptr(AimsRecord) chatbot = get_system (f->db, "Chatbot \"Ask HR\"");
  g_autoptr(AimsRecord) fraud = get_system (f->db, "Fraud scoring");
  g_autoptr(AimsRecord) forecast = get_system (f->db, "Forecast demand");
  g_autoptr(GError) error = NULL;
  gint64 first_broken = -1;

  g_assert_cmpuint (report->inserted, ==, 4);
  g_assert_cmpint (report->batch_id, >, 0);
  g_assert_cmpint (fixture_count_rows (f->db, "ai_system"), ==, 4);

  g_assert_cmpstr (aims_record_get (invoice, "business_unit"), ==, "Finance");
  g_assert_cmpstr (aims_record_get (invoice, "lifecycle_stage"), ==, "operation");
  g_assert_cmpstr (aims_record_get (invoice, "purpose"), ==,
                   "Problem Description: Invoices typed by hand\n\nBenefit Description: Faster, fewer errors");
  g_assert_cmpstr (aims_record_get (invoice, "provider"), ==, "Acme OCR");
  g_assert_cmpstr (aims_record_get (invoice, "start_date"), ==, "2024-07-25");
  g_assert_cmpstr (aims_record_get (invoice, "personal_data"), ==, "personal");
  g_assert_cmpstr (aims_record_get_display (invoice, "owner_id"), ==, "Ada Lovelace");

  g_assert_cmpstr (aims_record_get (chatbot, "lifecycle_stage"), ==, "verification_validation");
  g_assert_cmpstr (aims_record_get (chatbot, "purpose"), ==, "Problem Description: Questions about leave\nspan two lines");
  g_assert_cmpstr (aims_record_get (chatbot, "start_date"), ==, "2025-03-01");
  g_assert_cmpstr (aims_record_get (chatbot, "personal_data"), ==, "none");

  /* The blank and the unfit leave their fields unset; the duplicate row 5 was skipped. */
  g_assert_null (aims_record_get (fraud, "lifecycle_stage"));
  g_assert_null (aims_record_get (fraud, "owner_id"));
  g_assert_cmpstr (aims_record_get (fraud, "start_date"), ==, "2023-12-01");
  g_assert_null (aims_record_get (forecast, "lifecycle_stage"));

  /* Recorded: the batch, its items, each system and the batch audited. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ai_system WHERE import_batch_id IS NOT NULL"), ==, 4);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT row_count FROM import_batch"), ==, 4);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM import_batch_item"), ==, 4);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'ai_system' AND action = 'import'"), ==, 4);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'import_batch'"), ==, 1);
  {
    g_autofree char *sha = fixture_query_text (f->db, "SELECT file_sha256 FROM import_batch");
    g_autofree char *who = fixture_query_text (f->db, "SELECT created_by FROM import_batch");
    g_autofree char *name = fixture_query_text (f->db, "SELECT file_name FROM import_batch");

    g_assert_cmpstr (sha, ==, aims_import_file_get_sha256 (f->file));
    g_assert_cmpuint (strlen (sha), ==, 64);
    g_assert_cmpstr (who, ==, FIXTURE_AUTHOR);
    g_assert_cmpstr (name, ==, "inventory.csv");
  }
  g_assert_true (aims_audit_verify (f->db, &first_broken, NULL, &error));
  g_assert_no_error (error);
}

/* Values set by hand win over proposals; a row left out is not imported. */
static void
test_import_values_and_exclusions (Inventory     *f,
                                   gconstpointer  data)
{
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (guint));
  AimsImportOptions options = { AIMS_IMPORT_DUPLICATES_SKIP, TRUE, excluded, FIXTURE_AUTHOR };
  g_autoptr(AimsImportReport) report = NULL;
  g_autoptr(AimsRecord) forecast = NULL;
  g_autoptr(AimsRecord) invoice = NULL;
  g_autoptr(GError) error = NULL;
  guint chatbot_row = 3;

  g_assert_true (aims_import_mapping_set_value (f->mapping, "lifecycle_stage", "somewhere  BETWEEN", "Deployment", &error));
  g_assert_true (aims_import_mapping_set_value (f->mapping, "lifecycle_stage", "Deployed", "", &error));
  g_assert_no_error (error);
  g_array_append_val (excluded, chatbot_row);

  report = run_import (f, &options);
  g_assert_cmpuint (report->inserted, ==, 3);
  g_assert_false (has_problem (report, 7, AIMS_IMPORT_PROBLEM_UNFIT_VALUE, NULL));
  g_assert_null (find_system (f->db, "Chatbot \"Ask HR\""));
  forecast = get_system (f->db, "Forecast demand");
  g_assert_cmpstr (aims_record_get (forecast, "lifecycle_stage"), ==, "deployment");
  /* "" leaves the field unset, with no warning. */
  invoice = get_system (f->db, "Invoice reader");
  g_assert_null (aims_record_get (invoice, "lifecycle_stage"));
  g_assert_false (has_problem (report, 2, AIMS_IMPORT_PROBLEM_UNFIT_VALUE, NULL));
}

/* The same file again: every row a duplicate, skipped, no batch. */
static void
test_import_duplicates_skip (Inventory     *f,
                             gconstpointer  data)
{
  g_autoptr(AimsImportReport) first = run_import (f, &skip_invalid);
  g_autoptr(AimsImportReport) again = run_import (f, &skip_invalid);

  g_assert_cmpuint (again->inserted, ==, 0);
  g_assert_cmpint (again->batch_id, ==, 0);
  g_assert_cmpuint (again->duplicates->len, ==, 5);
  g_assert_true (has_problem (again, 2, AIMS_IMPORT_PROBLEM_DUPLICATE, "AIS-001"));
  g_assert_cmpint (fixture_count_rows (f->db, "ai_system"), ==, 4);
  g_assert_cmpint (fixture_count_rows (f->db, "import_batch"), ==, 1);
}

static void
test_import_duplicates_update_and_undo (Inventory     *f,
                                        gconstpointer  data)
{
  g_autoptr(AimsImportReport) first = run_import (f, &skip_invalid);
  g_autofree char *update_path = data_path ("inventory-update.csv");
  g_autoptr(AimsImportFile) update_file = load_file (update_path);
  g_autoptr(AimsImportMapping) update_mapping = aims_import_mapping_propose (aims_entity_systems (), update_file);
  AimsImportOptions options = { AIMS_IMPORT_DUPLICATES_UPDATE, FALSE, NULL, FIXTURE_AUTHOR };
  g_autoptr(AimsImportReport) second = NULL;
  g_autoptr(AimsRecord) invoice = NULL;
  g_autoptr(AimsRecord) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) changed = NULL;

  g_assert_cmpint (aims_import_file_get_sniff (update_file)->delimiter, ==, ';');
  second = aims_import_run (f->db, update_file, update_mapping, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->updated, ==, 2);
  g_assert_cmpuint (second->inserted, ==, 1);
  invoice = get_system (f->db, "Invoice reader");
  g_assert_cmpstr (aims_record_get (invoice, "lifecycle_stage"), ==, "retired");
  /* A blank cell of the row leaves what was there. */
  g_assert_cmpstr (aims_record_get (invoice, "provider"), ==, "Acme OCR");
  g_assert_cmpint (aims_record_get_row_version (invoice), ==, 2);

  /* The first batch changed since: it cannot be undone. */
  g_assert_false (aims_import_undo (f->db, first->batch_id, FIXTURE_AUTHOR, &changed, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, aims_record_get_reference (invoice)));
  g_assert_true (g_strv_contains ((const char *const *) changed, aims_record_get_reference (invoice)));
  g_clear_error (&error);

  /* The second gives the values back and removes what it added. */
  g_assert_true (aims_import_undo (f->db, second->batch_id, FIXTURE_AUTHOR, NULL, &error));
  g_assert_no_error (error);
  restored = get_system (f->db, "Invoice reader");
  g_assert_cmpstr (aims_record_get (restored, "lifecycle_stage"), ==, "operation");
  g_assert_null (find_system (f->db, "New one"));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE action = 'undo-import'"), ==, 3);
  g_assert_false (aims_import_undo (f->db, second->batch_id, FIXTURE_AUTHOR, NULL, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (aims_import_undo (f->db, 999, FIXTURE_AUTHOR, NULL, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_MISSING);
}

static void
test_import_undo (Inventory     *f,
                  gconstpointer  data)
{
  g_autoptr(AimsImportReport) report = run_import (f, &skip_invalid);
  g_autofree char *before_undo = NULL;
  g_autofree char *after_refusal = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Risk Owner");
  g_autoptr(AimsRecord) risk = NULL;
  g_autoptr(AimsRecord) invoice = get_system (f->db, "Invoice reader");
  g_autofree char *invoice_id = g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (invoice));
  g_auto(GStrv) changed = NULL;

  /* A risk on one of its systems holds the batch… */
  risk = fixture_insert (f->db, aims_entity_risks (),
                         fixture_values ("title", "Misread invoices", "owner_id", "Risk Owner",
                                         "ai_system_id", invoice_id, NULL));
  before_undo = snapshot (f->db);
  g_assert_false (aims_import_undo (f->db, report->batch_id, FIXTURE_AUTHOR, &changed, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, aims_record_get_reference (invoice)));
  g_clear_error (&error);
  after_refusal = snapshot (f->db);
  g_assert_cmpstr (after_refusal, ==, before_undo);

  /* …until it goes; then the whole batch is undone, audited. */
  fixture_raw_exec_file (f->db_path, "DELETE FROM risk");
  g_assert_true (aims_import_undo (f->db, report->batch_id, "Undoer", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count_rows (f->db, "ai_system"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE action = 'undo-import' AND before_json IS NOT NULL"), ==, 4);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'import_batch' AND action = 'undo'"), ==, 1);
  batches = aims_import_list_batches (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  g_assert_cmpstr (((AimsImportBatch *) g_ptr_array_index (batches, 0))->undone_by, ==, "Undoer");
  g_assert_true (((AimsImportBatch *) g_ptr_array_index (batches, 0))->entity == aims_entity_systems ());
}

/* A row the database refuses halfway: nothing of the import is left. */
static void
test_import_all_or_nothing (Inventory     *f,
                            gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  fixture_raw_exec_file (f->db_path,
                         "CREATE TRIGGER refuse_forecast BEFORE INSERT ON ai_system"
                         " WHEN NEW.name = 'Forecast demand' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
  before = snapshot (f->db);
  g_assert_null (aims_import_run (f->db, f->file, f->mapping, &skip_invalid, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Row 7"));
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  after = snapshot (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
cancel_at_once_cb (double      fraction,
                   const char *what,
                   gpointer    user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_import_changed_file_and_cancel (Inventory     *f,
                                     gconstpointer  data)
{
  g_autofree char *copy = fixture_path ("copy.csv");
  g_autofree char *before = snapshot (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GString) text = g_string_new ("name,business_unit\n");
  g_autoptr(AimsImportFile) file = NULL;
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "System %u,Unit\n", i);
  fixture_write_bytes (copy, text->str, text->len);
  file = load_file (copy);
  mapping = aims_import_mapping_propose (aims_entity_systems (), file);

  /* Cancelled while checking: nothing written. */
  g_assert_null (aims_import_run (f->db, file, mapping, NULL, cancel_at_once_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Changed since it was read: told, nothing written. */
  g_string_append (text, "One more,Unit\n");
  fixture_write_bytes (copy, text->str, text->len);
  g_assert_null (aims_import_run (f->db, file, mapping, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "copy.csv"));
  after = snapshot (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_saved_mapping (Inventory     *f,
                           gconstpointer  data)
{
  static const char *const reordered[] = {
    "Stage", "use case name", "Agency", "Bureau", "Problem Description", "Benefit Description",
    "Vendor Name", "Date Initiated", "PII Indicator", "System Owner", NULL
  };
  static const char *const other[] = { "Name", "Unit", NULL };
  g_autoptr(AimsImportMapping) loaded = NULL;
  g_autoptr(AimsImportMapping) none = NULL;
  g_autoptr(GError) error = NULL;
  int agency = aims_import_mapping_find_column (f->mapping, "Agency");

  g_assert_true (aims_import_mapping_set_field (f->mapping, agency, "description", &error));
  g_assert_true (aims_import_mapping_set_value (f->mapping, "lifecycle_stage", "Somewhere between", "deployment", &error));
  g_assert_true (aims_import_mapping_save (f->db, f->mapping, FIXTURE_AUTHOR, &error));
  g_assert_no_error (error);
  /* Saving again replaces it. */
  g_assert_true (aims_import_mapping_save (f->db, f->mapping, FIXTURE_AUTHOR, &error));
  g_assert_cmpint (fixture_count_rows (f->db, "import_mapping"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'import_mapping'"), ==, 2);

  loaded = aims_import_mapping_load (f->db, aims_entity_systems (), reordered, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (field_of (loaded, "Use Case Name"), ==, "name");
  g_assert_cmpstr (field_of (loaded, "Agency"), ==, "description");
  g_assert_cmpstr (field_of (loaded, "Stage"), ==, "lifecycle_stage");
  g_assert_cmpstr (aims_import_mapping_get_value (loaded, "lifecycle_stage", "somewhere between"), ==, "deployment");

  none = aims_import_mapping_load (f->db, aims_entity_systems (), other, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

/* ── Export and import back ────────────────────────────────────────────── */

static AimsImportReport *
import_path (AimsDb           *db,
             const AimsEntity *entity,
             const char       *path)
{
  g_autoptr(AimsImportFile) file = load_file (path);
  g_autoptr(AimsImportMapping) mapping = aims_import_mapping_propose (entity, file);
  g_autoptr(GError) error = NULL;
  AimsImportReport *report = aims_import_run (db, file, mapping, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return report;
}

static void
test_import_round_trip (void)
{
  g_autofree char *demo_path = fixture_create_demo_file ("demo.aims");
  g_autofree char *people_csv = fixture_path ("people.csv");
  g_autofree char *systems_csv = fixture_path ("systems.csv");
  g_autofree char *copy_path = NULL;
  g_autoptr(AimsDb) demo = fixture_open_db (demo_path, AIMS_DB_OPEN_DEFAULT);
  g_autoptr(AimsDb) copy = fixture_create_db ("copy.aims", 0, &copy_path);
  g_autoptr(GPtrArray) originals = aims_store_list (demo, aims_entity_systems (), NULL);
  g_autoptr(AimsImportReport) people = NULL;
  g_autoptr(AimsImportReport) systems = NULL;
  g_autoptr(GError) error = NULL;
  const AimsEntity *entity = aims_entity_systems ();

  g_assert_true (aims_export_csv (demo, aims_entity_people (), people_csv, &error));
  g_assert_true (aims_export_csv (demo, entity, systems_csv, &error));
  g_assert_no_error (error);

  people = import_path (copy, aims_entity_people (), people_csv);
  systems = import_path (copy, entity, systems_csv);
  g_assert_cmpuint (systems->inserted, ==, originals->len);
  g_assert_cmpuint (systems->n_errors, ==, 0);

  for (guint i = 0; i < originals->len; i++)
    {
      AimsRecord *original = g_ptr_array_index (originals, i);
      g_autoptr(AimsRecord) imported = get_system (copy, aims_record_get (original, "name"));

      for (guint j = 0; j < entity->n_fields; j++)
        {
          const char *name = entity->fields[j].name;

          /* Links hold ids of each database's own; they name the same person. */
          if (aims_field_get_link_entity (&entity->fields[j]) != NULL)
            g_assert_cmpstr (aims_record_get_display (imported, name), ==, aims_record_get_display (original, name));
          else
            g_assert_cmpstr (aims_record_get (imported, name), ==, aims_record_get (original, name));
        }
    }
  /* And once more: everything is there already. */
  {
    g_autoptr(AimsImportReport) again = import_path (copy, entity, systems_csv);

    g_assert_cmpuint (again->inserted, ==, 0);
    g_assert_cmpuint (again->skipped, ==, originals->len);
  }
  fixture_close_db (&copy);
  fixture_close_db (&demo);
}

/* Every entity there is, the later ones too, exports as a table. */
static void
test_export_every_entity (void)
{
  g_autofree char *demo_path = fixture_create_demo_file ("demo.aims");
  g_autoptr(AimsDb) demo = fixture_open_db (demo_path, AIMS_DB_OPEN_READ_ONLY);
  const char *const *names = aims_entity_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const AimsEntity *entity = aims_entity_lookup (names[i]);
      g_autofree char *name = g_strconcat (names[i], ".csv", NULL);
      g_autofree char *path = fixture_path (name);
      g_autoptr(AimsImportFile) file = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (aims_export_csv (demo, entity, path, &error));
      g_assert_no_error (error);
      file = load_file (path);
      g_assert_true (aims_import_file_get_sniff (file)->bom);
      g_assert_cmpstr (aims_import_file_get_sniff (file)->headers[0], ==, "reference");
      g_assert_cmpuint (aims_import_file_get_n_columns (file), ==, entity->n_fields + 6);
      g_assert_cmpint (aims_import_file_get_n_rows (file), ==, fixture_count_rows (demo, entity->table));
    }
  fixture_close_db (&demo);
}

/* ── Bad files ─────────────────────────────────────────────────────────── */

static void
test_import_bad_files (void)
{
  static const struct
  {
    const char *name;
    const char *bytes;
    gsize       len;
    int         code;
  } files[] = {
    { "empty.csv", "", 0, AIMS_CSV_ERROR_EMPTY },
    { "binary.csv", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, AIMS_CSV_ERROR_BINARY },
    { "numbers.csv", "1,2\n3,4\n", 8, AIMS_CSV_ERROR_NO_HEADER },
    { "quote.csv", "name,unit\n\"open,x\ny,z\n", 22, AIMS_CSV_ERROR_UNCLOSED_QUOTE },
    { "neither.csv", "name\n\x81\x8d\x8f\n", 9, AIMS_CSV_ERROR_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fixture_path (files[i].name);
      g_autoptr(GError) error = NULL;

      fixture_write_bytes (path, files[i].bytes, files[i].len);
      g_assert_null (aims_import_file_load (path, NULL, NULL, &error));
      g_assert_error (error, AIMS_CSV_ERROR, files[i].code);
    }
}

/* ── The schema ────────────────────────────────────────────────────────── */

/* A database of version 3 gets the import tables, keeps its batches. */
static void
test_import_migration (void)
{
  g_autofree char *path = fixture_path ("before-4.aims");
  g_autoptr(GPtrArray) scripts = aims_migrate_dup_scripts (NULL);
  g_autofree char *header = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 3;", AIMS_APPLICATION_ID);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = fixture_raw_open (path);
  AimsDb *db;

  for (guint i = 0; i < 3; i++)
    fixture_raw_exec (raw, g_ptr_array_index (scripts, i));
  fixture_raw_exec (raw, header);
  fixture_raw_exec (raw, "INSERT INTO import_batch (created_at, created_by, file_name, file_sha256, row_count)"
                         " VALUES ('2025-01-01T00:00:00Z', 'x', 'old.csv', 'abc', 0)");
  sqlite3_close (raw);

  db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (aims_db_get_schema_version (db), ==, aims_migrate_latest_version ());
  {
    g_autofree char *entity = fixture_query_text (db, "SELECT entity FROM import_batch");

    g_assert_cmpstr (entity, ==, "ai_system");
  }
  g_assert_cmpint (fixture_count_rows (db, "import_mapping"), ==, 0);
  g_assert_cmpint (fixture_count_rows (db, "import_batch_item"), ==, 0);
  g_assert_true (aims_check_database (db, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  fixture_close_db (&db);
}

/* ── The real inventories ──────────────────────────────────────────────── */

typedef struct
{
  const char *file;
  guint       header_row;
  const char *encoding;
  guint       rows;
  guint       systems;    /* rows less those with the name and unit of an earlier one */
} Shared;

static const Shared shared_files[] = {
  { "us-dot-ai-inventory-2025.csv", 1, "UTF-8", 70, 70 },
  { "us-federal-ai-inventory-2024.csv", 1, "UTF-8", 1757, 1742 },
  { "us-hhs-ai-inventory-2025.csv", 1, "WINDOWS-1252", 447, 446 },
  { "us-treasury-ai-inventory-2025.csv", 2, "UTF-8", 129, 125 },
};

static char *
shared_path (const char *file)
{
  const char *dir = g_getenv ("AIMS_SHARED_DATA_DIR");
  char *path = g_build_filename (dir != NULL ? dir : "", file, NULL);

  if (dir == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

static void
assert_system (AimsDb     *db,
               const char *name,
               const char *field,
               const char *expected)
{
  g_autoptr(AimsRecord) record = get_system (db, name);

  if (field != NULL)
    g_assert_cmpstr (aims_record_get (record, field), ==, expected);
}

static void
test_import_shared (gconstpointer data)
{
  const Shared *shared = data;
  g_autofree char *path = shared_path (shared->file);
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(AimsImportFile) file = NULL;
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(AimsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_test_skip ("../shared/data is not here");
      return;
    }
  db = fixture_create_db ("shared.aims", 0, NULL);
  file = load_file (path);
  g_assert_cmpuint (aims_import_file_get_sniff (file)->header_row, ==, shared->header_row);
  g_assert_cmpstr (aims_import_file_get_sniff (file)->encoding, ==, shared->encoding);
  g_assert_cmpuint (aims_import_file_get_n_rows (file), ==, shared->rows);
  mapping = aims_import_mapping_propose (aims_entity_systems (), file);
  report = aims_import_run (db, file, mapping, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_read, ==, shared->rows);
  g_assert_cmpuint (report->n_errors, ==, 0);
  g_assert_cmpuint (report->inserted, ==, shared->systems);
  g_assert_cmpint (fixture_count_rows (db, "ai_system"), ==, shared->systems);

  if (g_str_has_prefix (shared->file, "us-dot"))
    {
      assert_system (db, "Advanced Research and Testing (ART) Network", "business_unit", "CAIO, Volpe, OST-R");
      assert_system (db, "Advanced Research and Testing (ART) Network", "lifecycle_stage", "design_development");
      assert_system (db, "Advanced Research and Testing (ART) Network", "deployed_date", "2024-10-24");
    }
  else if (g_str_has_prefix (shared->file, "us-federal"))
    {
      assert_system (db, "LIDA: Instant Messaging System in the Family Commissioner's Office of Montería - Córdoba, Colombia",
                     "business_unit", "USAID/Colombia");
      assert_system (db, "Spending Analysis and Budget Execution Risk (SABER) Model", "purpose",
                     "Purpose: Predicts potential budget execution issues by analyzing historical spending patterns "
                     "across various Treasury accounts and classifications.\nBenefits: Early identification of "
                     "spending anomalies allows proactive budget management and reduces the risk of under/overspending.");
      assert_system (db, "Babel", "lifecycle_stage", "verification_validation");
    }
  else if (g_str_has_prefix (shared->file, "us-hhs"))
    {
      assert_system (db, "Using Generative AI for Stance Analysis of Public Comments on CDC’s Proposed Rules",
                     "business_unit", "HHS/CDC");
      assert_system (db, "Develop an empirical algorithm to automate negative control identification in Sentinel "
                         "System using the “Data-driven Automated Negative Control Estimation (DANCE)” algorithm",
                     "business_unit", "HHS/FDA/CDER");
      assert_system (db, "Discover Financial Business Intelligence System (FBIS) Report Analysis (Sub-CAN Line Items)",
                     "sourcing", "hybrid");
    }
  else
    {
      assert_system (db, "Accounts Management “Balance Due” Call Transcript Classification", NULL, NULL);
      assert_system (db, "OCC.Chat", "lifecycle_stage", "operation");
      assert_system (db, "OCC.Chat", "business_unit", "Office of the Comptroller of the Currency (OCC)");
    }
  fixture_close_db (&db);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/import/proposal", test_import_proposal);
  g_test_add_func ("/import/choice-proposals", test_import_choice_proposals);
  g_test_add_func ("/import/mapping-rules", test_import_mapping_rules);
#define ADD(path, func) g_test_add ((path), Inventory, NULL, inventory_set_up, (func), inventory_tear_down)
  ADD ("/import/check", test_import_check);
  ADD ("/import/refuses-invalid-rows", test_import_refuses_invalid_rows);
  ADD ("/import/run", test_import_run);
  ADD ("/import/values-and-exclusions", test_import_values_and_exclusions);
  ADD ("/import/duplicates-skip", test_import_duplicates_skip);
  ADD ("/import/duplicates-update-and-undo", test_import_duplicates_update_and_undo);
  ADD ("/import/undo", test_import_undo);
  ADD ("/import/all-or-nothing", test_import_all_or_nothing);
  ADD ("/import/changed-file-and-cancel", test_import_changed_file_and_cancel);
  ADD ("/import/saved-mapping", test_import_saved_mapping);
#undef ADD
  g_test_add_func ("/import/round-trip", test_import_round_trip);
  g_test_add_func ("/import/export-every-entity", test_export_every_entity);
  g_test_add_func ("/import/bad-files", test_import_bad_files);
  g_test_add_func ("/import/migration", test_import_migration);
  for (guint i = 0; i < G_N_ELEMENTS (shared_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/shared/%s", shared_files[i].file);

      g_test_add_data_func (name, &shared_files[i], test_import_shared);
    }

  return g_test_run ();
}
