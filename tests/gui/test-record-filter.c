/* test-record-filter.c — which records the lists show, and in which order
 *
 * Pure functions: no display needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "aims-record-filter.h"

static AimsRecord *
make_system (gint64      id,
             const char *reference,
             const char *name,
             const char *stage,
             const char *eu_class)
{
  AimsRecord *record = aims_record_new (aims_entity_systems ());

  aims_record_set_meta (record, id, reference, 1,
                        "2025-01-01T00:00:00Z", "Test", "2025-01-01T00:00:00Z", "Test");
  aims_record_set (record, "name", name);
  aims_record_set (record, "lifecycle_stage", stage);
  aims_record_set (record, "eu_ai_act_class", eu_class);
  return record;
}

static void
test_search (void)
{
  g_autoptr(AimsRecord) credit = make_system (1, "AIS-001", "Credit scoring", "operation", "high");
  g_autoptr(AimsRecord) chatbot = make_system (2, "AIS-002", "Support chatbot", "deployment", "limited");
  AimsRecordFilter filter = { NULL, NULL, NULL, FALSE };

  aims_record_set (chatbot, "provider", "Régie Linguistique");
  aims_record_set (chatbot, "owner_id", "7");
  aims_record_set_display (chatbot, "owner_id", "Elena Varga");

  /* No search: everything not retired. */
  g_assert_true (aims_record_filter_matches (&filter, credit));
  g_assert_true (aims_record_filter_matches (&filter, chatbot));

  /* Case does not matter, and a word may be part of a longer one. */
  filter.search_text = "CREDIT";
  g_assert_true (aims_record_filter_matches (&filter, credit));
  g_assert_false (aims_record_filter_matches (&filter, chatbot));
  filter.search_text = "scor";
  g_assert_true (aims_record_filter_matches (&filter, credit));

  /* Every word must be found, in any field, in any order. */
  filter.search_text = "chatbot support";
  g_assert_true (aims_record_filter_matches (&filter, chatbot));
  filter.search_text = "chatbot credit";
  g_assert_false (aims_record_filter_matches (&filter, chatbot));

  /* Accents are ignored, both ways. */
  filter.search_text = "regie";
  g_assert_true (aims_record_filter_matches (&filter, chatbot));
  filter.search_text = "linguistiqué";
  g_assert_true (aims_record_filter_matches (&filter, chatbot));

  /* What a person reads: the owner's name, the reference, a choice label. */
  filter.search_text = "varga";
  g_assert_true (aims_record_filter_matches (&filter, chatbot));
  filter.search_text = "7";
  g_assert_false (aims_record_filter_matches (&filter, chatbot));
  filter.search_text = "ais-001";
  g_assert_true (aims_record_filter_matches (&filter, credit));
  filter.search_text = "high risk";
  g_assert_true (aims_record_filter_matches (&filter, credit));

  /* Blank search text is no search. */
  filter.search_text = "   ";
  g_assert_true (aims_record_filter_matches (&filter, credit));
  g_assert_false (aims_record_filter_is_active (&(AimsRecordFilter) { "  ", NULL, NULL, TRUE }));
  g_assert_true (aims_record_filter_is_active (&(AimsRecordFilter) { "x", NULL, NULL, TRUE }));
}

static void
test_choices (void)
{
  g_autoptr(AimsRecord) credit = make_system (1, "AIS-001", "Credit scoring", "operation", "high");
  g_autoptr(AimsRecord) chatbot = make_system (2, "AIS-002", "Support chatbot", "deployment", "limited");
  g_autoptr(AimsRecord) unset = make_system (3, "AIS-003", "Unclassified", NULL, NULL);
  g_autoptr(AimsRecord) person = aims_record_new (aims_entity_people ());
  AimsRecordFilter filter = { NULL, "operation", NULL, FALSE };

  g_assert_true (aims_record_filter_matches (&filter, credit));
  g_assert_false (aims_record_filter_matches (&filter, chatbot));
  g_assert_false (aims_record_filter_matches (&filter, unset));

  filter.lifecycle_stage = NULL;
  filter.eu_ai_act_class = "limited";
  g_assert_false (aims_record_filter_matches (&filter, credit));
  g_assert_true (aims_record_filter_matches (&filter, chatbot));

  /* Both at once. */
  filter.lifecycle_stage = "deployment";
  g_assert_true (aims_record_filter_matches (&filter, chatbot));
  filter.lifecycle_stage = "operation";
  g_assert_false (aims_record_filter_matches (&filter, chatbot));

  /* An entity without those fields is not filtered by them. */
  aims_record_set_meta (person, 1, "PER-001", 1, NULL, NULL, NULL, NULL);
  aims_record_set (person, "name", "Margit Ellison");
  g_assert_true (aims_record_filter_matches (&filter, person));
}

static void
test_retired (void)
{
  g_autoptr(AimsRecord) retired = make_system (1, "AIS-011", "Demand forecasting", AIMS_LIFECYCLE_RETIRED, "minimal");
  AimsRecordFilter filter = { NULL, NULL, NULL, FALSE };

  g_assert_false (aims_record_filter_matches (&filter, retired));
  g_assert_true (aims_record_filter_is_active (&filter));

  filter.show_retired = TRUE;
  g_assert_true (aims_record_filter_matches (&filter, retired));

  /* Asking for the retired stage shows them without the switch. */
  filter.show_retired = FALSE;
  filter.lifecycle_stage = AIMS_LIFECYCLE_RETIRED;
  g_assert_true (aims_record_filter_matches (&filter, retired));

  /* A search still applies. */
  filter.search_text = "credit";
  g_assert_false (aims_record_filter_matches (&filter, retired));
}

static void
test_compare (void)
{
  g_autoptr(AimsRecord) a9 = make_system (9, "AIS-009", "beta", "operation", "high");
  g_autoptr(AimsRecord) a10 = make_system (10, "AIS-010", "Alpha", "inception", NULL);
  g_autoptr(AimsRecord) a2 = make_system (2, "AIS-2", "Émile", "retired", "minimal");

  /* References by number, not as text. */
  g_assert_cmpint (aims_record_compare (a9, a10, NULL), <, 0);
  g_assert_cmpint (aims_record_compare (a10, a9, "reference"), >, 0);
  g_assert_cmpint (aims_record_compare (a2, a9, NULL), <, 0);
  g_assert_cmpint (aims_record_compare (a9, a9, NULL), ==, 0);

  /* Text as people sort it: case does not decide. */
  g_assert_cmpint (aims_record_compare (a10, a9, "name"), <, 0);

  /* Choices in the order of the stages, not alphabetically. */
  g_assert_cmpint (aims_record_compare (a10, a9, "lifecycle_stage"), <, 0);
  g_assert_cmpint (aims_record_compare (a9, a2, "lifecycle_stage"), <, 0);

  /* Unset comes last. */
  g_assert_cmpint (aims_record_compare (a10, a9, "eu_ai_act_class"), >, 0);
  g_assert_cmpint (aims_record_compare (a9, a10, "eu_ai_act_class"), <, 0);

  /* Dates by date; unset last; ties broken by reference. */
  aims_record_set (a9, "next_review_date", "2025-12-01");
  aims_record_set (a10, "next_review_date", "2024-01-31");
  g_assert_cmpint (aims_record_compare (a10, a9, "next_review_date"), <, 0);
  g_assert_cmpint (aims_record_compare (a2, a9, "next_review_date"), >, 0);
  aims_record_set (a10, "next_review_date", "2025-12-01");
  g_assert_cmpint (aims_record_compare (a9, a10, "next_review_date"), <, 0);

  /* Criticality in its own order. */
  aims_record_set (a9, "criticality", "critical");
  aims_record_set (a10, "criticality", "low");
  g_assert_cmpint (aims_record_compare (a10, a9, "criticality"), <, 0);
}

static void
test_cell_text (void)
{
  g_autoptr(AimsRecord) record = make_system (1, "AIS-001", "Credit scoring", "operation", NULL);

  g_assert_cmpstr (aims_record_cell_text (record, NULL), ==, "AIS-001");
  g_assert_cmpstr (aims_record_cell_text (record, "name"), ==, "Credit scoring");
  g_assert_cmpstr (aims_record_cell_text (record, "lifecycle_stage"), ==, "Operation and monitoring");
  g_assert_cmpstr (aims_record_cell_text (record, "eu_ai_act_class"), ==, "");
}

static void
test_fold (void)
{
  g_autofree char *folded = aims_record_filter_fold ("Ça Écrit ÅNGSTRÖM");

  g_assert_cmpstr (folded, ==, "ca ecrit angstrom");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-filter/search", test_search);
  g_test_add_func ("/record-filter/choices", test_choices);
  g_test_add_func ("/record-filter/retired", test_retired);
  g_test_add_func ("/record-filter/compare", test_compare);
  g_test_add_func ("/record-filter/cell-text", test_cell_text);
  g_test_add_func ("/record-filter/fold", test_fold);

  return g_test_run ();
}
