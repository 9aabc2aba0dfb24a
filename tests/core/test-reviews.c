/* test-reviews.c — management review records: closing freezes the inputs
 * (in the core and in SQL), the baseline gives exact changes, and the
 * actions decided at a review are tracked corrective actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "core-fixtures.h"

static char *
today_iso (int days)
{
  g_autoptr(GDate) date = aims_date_today ();

  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  return aims_date_format_iso (date);
}

static char *
id_text (AimsRecord *record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (record));
}

static AimsRecord *
add_review (AimsDb     *db,
            const char *title,
            const char *held_on)
{
  g_autoptr(GHashTable) values = fixture_values ("title", title, "held_on", held_on, NULL);

  return fixture_insert (db, aims_entity_reviews (), values);
}

static AimsRecord *
add_review_action (AimsDb     *db,
                   AimsRecord *review,
                   AimsRecord *owner,
                   const char *due)
{
  g_autofree char *review_id = id_text (review);
  g_autoptr(GHashTable) values = fixture_values ("review_id", review_id, "description", "Fund a monitoring role",
                                                 "owner_id", aims_record_get_reference (owner),
                                                 "due_date", due, NULL);

  return fixture_insert (db, aims_entity_actions (), values);
}

static AimsRecord *
close_review (AimsDb     *db,
              AimsRecord *review)
{
  g_autoptr(GError) error = NULL;
  AimsRecord *closed = aims_review_close (db, aims_record_get_id (review), aims_record_get_row_version (review),
                                          FIXTURE_AUTHOR, &error);

  g_assert_no_error (error);
  g_assert_true (aims_review_is_closed (closed));
  return closed;
}

static gint64
figure (AimsReviewInputs *inputs,
        const char       *key)
{
  const AimsReviewFigure *found = aims_review_inputs_find (inputs, key);

  g_assert_nonnull (found);
  return found->value;
}

static void
assert_says (const char *message,
             const char *says)
{
  if (strstr (message, says) == NULL)
    g_error ("“%s” does not say “%s”", message, says);
}

static void
test_entity (void)
{
  const AimsEntity *reviews = aims_entity_reviews ();
  const AimsEntity *actions = aims_entity_actions ();

  g_assert_true (aims_entity_lookup ("reviews") == reviews);
  g_assert_cmpstr (reviews->table, ==, "management_review");
  g_assert_cmpstr (reviews->ref_prefix, ==, "MR");
  g_assert_true (aims_entity_find_field (reviews, "status")->read_only);
  g_assert_true (aims_entity_find_field (reviews, "inputs")->read_only);
  g_assert_true (aims_field_get_link_entity (aims_entity_find_field (actions, "review_id")) == reviews);
}

/* Closing compiles the inputs as of the review's day and freezes them: a
 * risk changed, a system added, an action done afterwards leave them as
 * they were, and nothing of the record can be changed any more. */
static void
test_frozen_after_edits (FixtureDb     *f,
                         gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Margit Ellison");
  g_autoptr(AimsRecord) system = fixture_add_system (f->db, "Credit scoring", owner);
  g_autoptr(AimsRecord) risk = fixture_add_risk (f->db, owner, 5, 5, 0, 0);
  g_autoptr(AimsRecord) other = fixture_add_risk (f->db, owner, 1, 1, 0, 0);
  g_autofree char *today = today_iso (0);
  g_autofree char *due = today_iso (30);
  g_autoptr(AimsRecord) review = add_review (f->db, "Review H1", today);
  g_autoptr(AimsRecord) action = add_review_action (f->db, review, owner, due);
  g_autoptr(AimsRecord) closed = NULL;
  g_autoptr(AimsRecord) later = NULL;
  g_autoptr(AimsRecord) reloaded = NULL;
  g_autoptr(AimsReviewInputs) frozen = NULL;
  g_autoptr(AimsReviewInputs) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *review_id = id_text (review);
  g_autoptr(GHashTable) notes = fixture_values ("notes", "Changed afterwards", NULL);
  g_autoptr(GHashTable) new_action = fixture_values ("review_id", review_id, "description", "Late idea",
                                                     "owner_id", "Margit Ellison", NULL);
  g_autoptr(GHashTable) reword = fixture_values ("description", "Something else", NULL);
  g_autoptr(GHashTable) done = fixture_values ("status", "done", "completed_date", today, NULL);
  gint64 person = aims_record_get_id (owner);

  g_assert_true (aims_review_attendees_set (f->db, aims_record_get_id (review), &person, 1, FIXTURE_AUTHOR, &error));
  g_assert_no_error (error);
  g_assert_null (aims_review_get_inputs (review, &error));
  g_assert_no_error (error);

  closed = close_review (f->db, review);
  json = g_strdup (aims_record_get (closed, "inputs"));
  frozen = aims_review_get_inputs (closed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (frozen->as_of, ==, today);
  g_assert_cmpint (figure (frozen, "risks.open"), ==, 2);
  g_assert_cmpint (figure (frozen, "systems.in_use"), ==, 1);
  g_assert_cmpint (figure (frozen, "actions.review_open"), ==, 1);
  g_assert_cmpstr (aims_record_get (closed, "closed_by"), ==, FIXTURE_AUTHOR);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'management_review'"
                                              " AND action = 'close' AND after_json LIKE '%risks.open%'"), ==, 1);

  /* Later edits to the data. */
  g_clear_object (&later);
  later = fixture_update_field (f->db, risk, "status", "closed");
  g_clear_object (&later);
  later = fixture_add_system (f->db, "Claims triage", owner);
  g_clear_object (&later);
  later = aims_store_update (f->db, aims_entity_actions (), aims_record_get_id (action), -1, done,
                             FIXTURE_AUTHOR, &error);
  g_assert_no_error (error);

  reloaded = fixture_reload (f->db, closed);
  g_assert_cmpstr (aims_record_get (reloaded, "inputs"), ==, json);
  g_clear_pointer (&frozen, aims_review_inputs_free);
  frozen = aims_review_get_inputs (reloaded, &error);
  g_assert_cmpint (figure (frozen, "risks.open"), ==, 2);
  g_assert_cmpint (figure (frozen, "systems.in_use"), ==, 1);
  now = aims_review_inputs_compile (f->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (figure (now, "risks.open"), ==, 1);
  g_assert_cmpint (figure (now, "systems.in_use"), ==, 2);
  g_assert_cmpint (figure (now, "actions.review_open"), ==, 0);

  /* The record stays as it was. */
  g_clear_error (&error);
  g_assert_null (aims_store_update (f->db, aims_entity_reviews (), aims_record_get_id (reloaded), -1, notes,
                                    FIXTURE_AUTHOR, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  assert_says (error->message, "is closed");
  g_clear_error (&error);
  g_assert_false (aims_review_attendees_set (f->db, aims_record_get_id (review), NULL, 0, FIXTURE_AUTHOR, &error));
  assert_says (error->message, "is closed");
  g_clear_error (&error);
  g_assert_null (aims_store_insert (f->db, aims_entity_actions (), new_action, FIXTURE_AUTHOR, &error));
  assert_says (error->message, "stay as decided");
  g_clear_error (&error);
  g_assert_null (aims_store_update (f->db, aims_entity_actions (), aims_record_get_id (action), -1, reword,
                                    FIXTURE_AUTHOR, &error));
  assert_says (error->message, "stay as decided");
  g_clear_error (&error);
  g_assert_null (aims_review_close (f->db, aims_record_get_id (review), -1, FIXTURE_AUTHOR, &error));
  assert_says (error->message, "is closed");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM management_review_attendee"), ==, 1);
  (void) system;
  (void) other;
}

/* The triggers hold the freeze against any writer. */
static void
test_sql_freeze (FixtureDb     *f,
                 gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Tomasz Brennan");
  g_autofree char *today = today_iso (0);
  g_autoptr(AimsRecord) review = add_review (f->db, "Review", today);
  g_autoptr(AimsRecord) draft = add_review (f->db, "Next review", today);
  g_autoptr(AimsRecord) action = add_review_action (f->db, review, owner, today);
  g_autoptr(AimsRecord) closed = close_review (f->db, review);
  g_autofree char *before = fixture_query_text (f->db, "SELECT group_concat(quote(inputs) || notes || row_version)"
                                                        " FROM management_review");
  g_autofree char *after = NULL;
  const struct { const char *sql; const char *says; } refused[] = {
    { "UPDATE management_review SET notes = 'x' WHERE id = 1", "closed management review is frozen" },
    { "UPDATE management_review SET inputs = '{}' WHERE id = 1", "closed management review is frozen" },
    { "UPDATE management_review SET status = 'draft' WHERE id = 1", "closed management review is frozen" },
    { "UPDATE management_review SET status = 'retired' WHERE id = 2", "a draft can only be closed" },
    { "DELETE FROM management_review WHERE id = 1", "closed management review is frozen" },
    { "INSERT INTO management_review_attendee VALUES (1, 1)", "attendees of a closed" },
    { "DELETE FROM corrective_action WHERE review_id = 1", "stay as decided" },
    { "UPDATE corrective_action SET description = 'x' WHERE review_id = 1", "stay as decided" },
    { "INSERT INTO corrective_action (reference, created_at, created_by, updated_at, updated_by, review_id,"
      " description) VALUES ('CA-900', 'x', 'x', 'x', 'x', 1, 'd')", "takes no new actions" },
    { "INSERT INTO corrective_action (reference, created_at, created_by, updated_at, updated_by,"
      " description) VALUES ('CA-901', 'x', 'x', 'x', 'x', 'd')", "one nonconformity or to one management review" },
    { "UPDATE management_review SET inputs = '{}' WHERE id = 2", "gets its inputs when it is closed" },
    { "UPDATE management_review SET status = 'closed' WHERE id = 2", "records its inputs" },
    { "INSERT INTO management_review (reference, created_at, created_by, updated_at, updated_by, held_on,"
      " status) VALUES ('MR-900', 'x', 'x', 'x', 'x', '2026-01-01', 'closed')", "starts as a draft" },
  };
  sqlite3 *raw = fixture_raw_open (aims_db_get_path (f->db));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      char *message = NULL;

      if (sqlite3_exec (raw, refused[i].sql, NULL, NULL, &message) == SQLITE_OK)
        g_error ("not refused: %s", refused[i].sql);
      assert_says (message, refused[i].says);
      sqlite3_free (message);
    }
  /* The tracking goes on. */
  fixture_raw_exec (raw, "UPDATE corrective_action SET status = 'done', completed_date = '2026-01-01'"
                         " WHERE review_id = 1");
  sqlite3_close (raw);
  after = fixture_query_text (f->db, "SELECT group_concat(quote(inputs) || notes || row_version)"
                                     " FROM management_review");
  g_assert_cmpstr (after, ==, before);
  (void) draft;
  (void) action;
  (void) closed;
}

/* The next review's figures against the last one's frozen ones: the change
 * is exactly what happened between them. */
static void
test_baseline_deltas (FixtureDb     *f,
                      gconstpointer  data)
{
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Priya Raman");
  g_autofree char *earlier = today_iso (-60);
  g_autofree char *today = today_iso (0);
  g_autoptr(AimsRecord) first = NULL;
  g_autoptr(AimsRecord) second = NULL;
  g_autoptr(AimsRecord) last = NULL;
  g_autoptr(AimsReviewInputs) then = NULL;
  g_autoptr(AimsReviewInputs) now = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *risks = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (risks, fixture_add_risk (f->db, owner, 5, 5, 0, 0));
  g_ptr_array_add (risks, fixture_add_risk (f->db, owner, 1, 1, 0, 0));
  g_ptr_array_add (risks, fixture_add_risk (f->db, owner, 3, 3, 0, 0));
  {
    g_autoptr(AimsRecord) draft = add_review (f->db, "First", earlier);

    first = close_review (f->db, draft);
  }
  /* Two risks more, one closed, one made worse. */
  g_ptr_array_add (risks, fixture_add_risk (f->db, owner, 5, 5, 0, 0));
  g_ptr_array_add (risks, fixture_add_risk (f->db, owner, 4, 5, 0, 0));
  g_object_unref (fixture_update_field (f->db, risks->pdata[1], "status", "closed"));
  g_object_unref (fixture_update_field (f->db, risks->pdata[2], "inherent_likelihood", "5"));
  {
    g_autoptr(AimsRecord) draft = add_review (f->db, "Second", today);

    second = close_review (f->db, draft);
  }

  last = aims_review_find_last_closed (f->db, today, FALSE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_record_get_id (last), ==, aims_record_get_id (first));
  g_clear_object (&last);
  last = aims_review_find_last_closed (f->db, today, TRUE, 0, &error);
  g_assert_cmpint (aims_record_get_id (last), ==, aims_record_get_id (second));

  then = aims_review_get_inputs (first, &error);
  now = aims_review_get_inputs (second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (figure (now, "risks.open") - figure (then, "risks.open"), ==, 4 - 3);
  /* Bands of a new database's matrix: 25 and 15 and 20 are in the top band. */
  for (guint i = 0; i < then->figures->len; i++)
    {
      const AimsReviewFigure *was = &g_array_index (then->figures, AimsReviewFigure, i);

      g_assert_nonnull (aims_review_inputs_find (now, was->key));
    }
  {
    gint64 sum_then = 0, sum_now = 0;

    for (guint i = 0; i < then->figures->len; i++)
      if (g_str_has_prefix (g_array_index (then->figures, AimsReviewFigure, i).key, "risks.band."))
        sum_then += g_array_index (then->figures, AimsReviewFigure, i).value;
    for (guint i = 0; i < now->figures->len; i++)
      if (g_str_has_prefix (g_array_index (now->figures, AimsReviewFigure, i).key, "risks.band."))
        sum_now += g_array_index (now->figures, AimsReviewFigure, i).value;
    g_assert_cmpint (sum_then, ==, 3);
    g_assert_cmpint (sum_now, ==, 4);
  }
  g_ptr_array_unref (risks);
}

static void
test_close_rules (FixtureDb     *f,
                  gconstpointer  data)
{
  g_autofree char *future = today_iso (10);
  g_autofree char *today = today_iso (0);
  g_autofree char *before_review = today_iso (-1);
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Elena Varga");
  g_autoptr(AimsRecord) planned = add_review (f->db, "Planned", future);
  g_autoptr(AimsRecord) held = add_review (f->db, "Held", today);
  g_autofree char *held_id = id_text (held);
  g_autofree char *owner_id = id_text (owner);
  g_autoptr(GHashTable) neither = fixture_values ("description", "Do it", "owner_id", owner_id, NULL);
  g_autoptr(GHashTable) early = fixture_values ("review_id", held_id, "description", "Do it",
                                                "owner_id", owner_id, "due_date", before_review, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) stale = NULL;

  g_assert_null (aims_review_close (f->db, aims_record_get_id (planned), -1, FIXTURE_AUTHOR, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  assert_says (error->message, "can be closed from that day on");
  g_clear_error (&error);

  stale = fixture_update_field (f->db, held, "notes", "Typed meanwhile");
  g_assert_null (aims_review_close (f->db, aims_record_get_id (held), aims_record_get_row_version (held),
                                    FIXTURE_AUTHOR, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_null (aims_store_insert (f->db, aims_entity_actions (), neither, FIXTURE_AUTHOR, &error));
  assert_says (error->message, "Nonconformity is required, or the Management review");
  g_clear_error (&error);
  g_assert_null (aims_store_insert (f->db, aims_entity_actions (), early, FIXTURE_AUTHOR, &error));
  assert_says (error->message, "is before MR-002 was held");
  g_assert_cmpint (fixture_count_rows (f->db, "corrective_action"), ==, 0);
  g_clear_object (&stale);
  stale = fixture_reload (f->db, held);
  g_assert_cmpstr (aims_record_get (stale, "status"), ==, "draft");
}

/* Version 8 adds the status and the freeze; a database of the version
 * before keeps its reviews (as drafts) and its corrective actions. */
static void
test_migration (void)
{
  g_autofree char *path = fixture_path ("before-8.aims");
  g_autoptr(GPtrArray) scripts = aims_migrate_dup_scripts (NULL);
  g_autofree char *header = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 7;", AIMS_APPLICATION_ID);
  g_autoptr(AimsRecord) review = NULL;
  g_autoptr(AimsRecord) closed = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = fixture_raw_open (path);
  AimsDb *db;

  g_assert_nonnull (strstr (g_ptr_array_index (scripts, 7), "management_review_closed_frozen"));
  for (guint i = 0; i < 7; i++)
    fixture_raw_exec (raw, g_ptr_array_index (scripts, i));
  fixture_raw_exec (raw, header);
  fixture_raw_exec (raw, "INSERT INTO nonconformity (reference, created_at, created_by, updated_at, updated_by,"
                         " title, source, severity, found_date) VALUES ('NC-001', '2025-01-01T00:00:00Z', 'x',"
                         " '2025-01-01T00:00:00Z', 'x', 'Old finding', 'internal_audit', 'minor', '2025-01-01');"
                         "INSERT INTO corrective_action (reference, created_at, created_by, updated_at, updated_by,"
                         " nonconformity_id, description) VALUES ('CA-001', '2025-01-01T00:00:00Z', 'x',"
                         " '2025-01-01T00:00:00Z', 'x', 1, 'Fix it');"
                         "INSERT INTO management_review (reference, created_at, created_by, updated_at, updated_by,"
                         " held_on, notes) VALUES ('MR-001', '2025-01-01T00:00:00Z', 'x', '2025-01-01T00:00:00Z',"
                         " 'x', '2025-01-01', 'Held before version 8')");
  sqlite3_close (raw);

  db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_assert_cmpint (aims_db_get_schema_version (db), ==, aims_migrate_latest_version ());
  review = aims_store_find (db, aims_entity_reviews (), "MR-001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_record_get (review, "status"), ==, "draft");
  g_assert_cmpstr (aims_record_get (review, "notes"), ==, "Held before version 8");
  actions = aims_store_list (db, aims_entity_actions (), &error);
  g_assert_cmpuint (actions->len, ==, 1);
  closed = close_review (db, review);
  g_assert_nonnull (aims_record_get (closed, "inputs"));
  fixture_close_db (&db);
}

/* An export that fails after reading the register (here: no folder to
 * write in) stops the heatmap picture's thread before freeing what it
 * draws from, reports the reason, and leaves no file. Repeated, so that a
 * thread still drawing while the export is cleared would be caught (and
 * under AddressSanitizer, always). */
static void
test_export_fails_cleanly (FixtureDb     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("aims-test-review-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "no-such-folder", "review.xlsx", NULL);

  g_assert_true (aims_demo_populate (f->db, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      g_assert_false (aims_review_workbook_write (f->db, target, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/reviews/entity", test_entity);
  g_test_add_func ("/reviews/migration", test_migration);
  FIXTURE_ADD_DB_TEST ("/reviews/frozen-after-edits", test_frozen_after_edits);
  FIXTURE_ADD_DB_TEST ("/reviews/sql-freeze", test_sql_freeze);
  FIXTURE_ADD_DB_TEST ("/reviews/baseline-deltas", test_baseline_deltas);
  FIXTURE_ADD_DB_TEST ("/reviews/close-rules", test_close_rules);
  FIXTURE_ADD_DB_TEST ("/reviews/export-fails-cleanly", test_export_fails_cleanly);
  return g_test_run ();
}
