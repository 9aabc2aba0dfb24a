/* test-record.c — a record as an object: values, display, copy, diff, and
 * the AI system rules computed from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core-fixtures.h"

static AimsRecord *
new_system (const char *stage,
            const char *next_review)
{
  AimsRecord *system = aims_record_new (aims_entity_systems ());

  aims_record_set_meta (system, 14, "AIS-014", 3, "2025-01-01T09:00:00Z", "Ada",
                        "2025-02-01T09:00:00Z", "Grace");
  aims_record_set (system, "name", "Medical triage");
  aims_record_set (system, "lifecycle_stage", stage);
  aims_record_set (system, "next_review_date", next_review);
  return system;
}

static void
test_record_values (void)
{
  g_autoptr(AimsRecord) system = new_system ("operation", NULL);

  g_assert_cmpint (aims_record_get_id (system), ==, 14);
  g_assert_cmpstr (aims_record_get_reference (system), ==, "AIS-014");
  g_assert_cmpint (aims_record_get_row_version (system), ==, 3);
  g_assert_cmpstr (aims_record_get_created_by (system), ==, "Ada");
  g_assert_cmpstr (aims_record_get_updated_by (system), ==, "Grace");
  g_assert_cmpstr (aims_record_get (system, "name"), ==, "Medical triage");
  g_assert_null (aims_record_get (system, "provider"));
  g_assert_null (aims_record_get (system, "next_review_date"));

  /* Choices show their label; people show the name the store filled in. */
  g_assert_cmpstr (aims_record_get_display (system, "lifecycle_stage"), ==, "Operation and monitoring");
  aims_record_set (system, "owner_id", "7");
  aims_record_set_display (system, "owner_id", "Ada Lovelace");
  g_assert_cmpstr (aims_record_get (system, "owner_id"), ==, "7");
  g_assert_cmpstr (aims_record_get_display (system, "owner_id"), ==, "Ada Lovelace");
  g_assert_cmpstr (aims_record_get_display (system, "name"), ==, "Medical triage");

  /* An empty value is no value. */
  aims_record_set (system, "name", "");
  g_assert_null (aims_record_get (system, "name"));
  g_assert_cmpstr (aims_record_get_title (system), ==, "AIS-014");
}

static void
test_record_copy_diff (void)
{
  g_autoptr(AimsRecord) system = new_system ("operation", "2030-01-01");
  g_autoptr(AimsRecord) copy = aims_record_copy (system);
  g_autoptr(GPtrArray) same = NULL;
  g_autoptr(GPtrArray) changed = NULL;

  g_assert_true (copy != system);
  g_assert_cmpint (aims_record_get_row_version (copy), ==, 3);
  g_assert_cmpstr (aims_record_get_reference (copy), ==, "AIS-014");
  same = aims_record_diff (system, copy);
  g_assert_cmpuint (same->len, ==, 0);

  aims_record_set (copy, "provider", "Acme");
  aims_record_set (copy, "next_review_date", NULL);
  g_assert_null (aims_record_get (system, "provider"));
  changed = aims_record_diff (system, copy);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (changed, "provider", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (changed, "next_review_date", g_str_equal, NULL));
}

static void
test_record_retired (void)
{
  g_autoptr(AimsRecord) running = new_system ("operation", NULL);
  g_autoptr(AimsRecord) retired = new_system (AIMS_LIFECYCLE_RETIRED, NULL);
  g_autoptr(AimsRecord) unknown = new_system (NULL, NULL);

  g_assert_false (aims_system_is_retired (running));
  g_assert_true (aims_system_is_retired (retired));
  g_assert_false (aims_system_is_retired (unknown));
}

static void
test_record_review_overdue (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JUNE, 2025);
  g_autoptr(AimsRecord) past = new_system ("operation", "2025-06-14");
  g_autoptr(AimsRecord) due_today = new_system ("operation", "2025-06-15");
  g_autoptr(AimsRecord) future = new_system ("operation", "2025-06-16");
  g_autoptr(AimsRecord) never = new_system ("operation", NULL);
  g_autoptr(AimsRecord) retired = new_system (AIMS_LIFECYCLE_RETIRED, "2020-01-01");

  g_assert_true (aims_system_is_review_overdue (past, today));
  g_assert_false (aims_system_is_review_overdue (due_today, today));
  g_assert_false (aims_system_is_review_overdue (future, today));
  g_assert_false (aims_system_is_review_overdue (never, today));
  g_assert_false (aims_system_is_review_overdue (retired, today));
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/record/values", test_record_values);
  g_test_add_func ("/core/record/copy-diff", test_record_copy_diff);
  g_test_add_func ("/core/record/retired", test_record_retired);
  g_test_add_func ("/core/record/review-overdue", test_record_review_overdue);

  return g_test_run ();
}
