/* test-review-close-task.c — closing a management review in a worker
 * thread on a connection of its own: the inputs frozen as aims_review_close()
 * freezes them, and a review changed meanwhile refused as a conflict, with
 * nothing written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

typedef struct
{
  AimsRecord *closed;
  GError     *error;
  gboolean    done;
} Result;

static void
closed_cb (GObject      *source,
           GAsyncResult *async_result,
           gpointer      user_data)
{
  Result *result = user_data;

  result->closed = aims_review_close_finish (async_result, &result->error);
  result->done = TRUE;
}

static void
close_and_wait (const char *path,
                AimsRecord *review,
                gint64      expected_version,
                Result     *result)
{
  aims_review_close_async (path, AIMS_DB_OPEN_DEFAULT, aims_record_get_id (review), expected_version,
                           FIXTURE_AUTHOR, NULL, closed_cb, result);
  while (!result->done)
    g_main_context_iteration (NULL, TRUE);
}

static AimsRecord *
add_review (AimsDb *db)
{
  g_autoptr(GDate) today = aims_date_today ();
  g_autofree char *held_on = aims_date_format_iso (today);
  g_autoptr(GHashTable) values = fixture_values ("title", "Review in a thread", "held_on", held_on, NULL);

  return fixture_insert (db, aims_entity_reviews (), values);
}

static void
test_close_in_thread (void)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  g_autoptr(AimsDb) db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_autoptr(AimsRecord) review = add_review (db);
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(AimsReviewInputs) frozen = NULL;
  g_autoptr(AimsReviewInputs) compiled = NULL;
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(GError) error = NULL;
  Result result = { 0 };

  close_and_wait (path, review, aims_record_get_row_version (review), &result);
  g_assert_no_error (result.error);
  g_assert_true (aims_review_is_closed (result.closed));
  g_assert_cmpstr (aims_record_get (result.closed, "closed_by"), ==, FIXTURE_AUTHOR);

  /* The window's own connection reads what the thread wrote. */
  stored = aims_store_load (db, aims_entity_reviews (), aims_record_get_id (review), &error);
  g_assert_no_error (error);
  g_assert_true (aims_review_is_closed (stored));
  frozen = aims_review_get_inputs (stored, &error);
  g_assert_no_error (error);
  compiled = aims_review_inputs_compile (db, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (frozen->figures->len, ==, compiled->figures->len);
  for (guint i = 0; i < compiled->figures->len; i++)
    {
      const AimsReviewFigure *figure = &g_array_index (compiled->figures, AimsReviewFigure, i);

      g_assert_cmpint (aims_review_inputs_find (frozen, figure->key)->value, ==, figure->value);
    }
  g_object_unref (result.closed);
}

static void
test_conflict_in_thread (void)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  g_autoptr(AimsDb) db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_autoptr(AimsRecord) review = add_review (db);
  g_autoptr(AimsRecord) renamed = NULL;
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(GHashTable) changes = fixture_values ("title", "Renamed meanwhile", NULL);
  g_autoptr(GError) error = NULL;
  Result result = { 0 };

  renamed = aims_store_update (db, aims_entity_reviews (), aims_record_get_id (review),
                               aims_record_get_row_version (review), changes, "Someone Else", &error);
  g_assert_no_error (error);

  close_and_wait (path, review, aims_record_get_row_version (review), &result);
  g_assert_error (result.error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_assert_null (result.closed);
  g_clear_error (&result.error);

  stored = aims_store_load (db, aims_entity_reviews (), aims_record_get_id (review), &error);
  g_assert_no_error (error);
  g_assert_false (aims_review_is_closed (stored));
  g_assert_null (aims_record_get (stored, "inputs"));
  g_assert_cmpstr (aims_record_get_title (stored), ==, "Renamed meanwhile");
}

static void
test_missing_file (void)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  g_autofree char *missing = fixture_path ("nowhere/demo.aims");
  g_autoptr(AimsDb) db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  g_autoptr(AimsRecord) review = add_review (db);
  Result result = { 0 };

  /* Never created where the window's file is not. */
  close_and_wait (missing, review, -1, &result);
  g_assert_nonnull (result.error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&result.error);
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/review-close-task/close", test_close_in_thread);
  g_test_add_func ("/review-close-task/conflict", test_conflict_in_thread);
  g_test_add_func ("/review-close-task/missing-file", test_missing_file);

  return g_test_run ();
}
