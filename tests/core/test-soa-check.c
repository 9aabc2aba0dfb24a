/* test-soa-check.c — the completeness check of the Statement of
 * Applicability, over a table of cases
 *
 * Each case starts from a complete SoA (every control applicable with a
 * justification and an owner, every clause requirement in place), changes
 * it with SQL behind the store's back (the check must also find gaps the
 * store would refuse today, as in files written before a rule existed), and
 * lists the findings it expects, exactly and in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

#define COMPLETE \
  "INSERT INTO person (id, reference, created_at, created_by, updated_at, updated_by, name)" \
  " VALUES (1, 'PER-001', 'x', 'x', 'x', 'x', 'Ada');" \
  "UPDATE soa_entry SET applicable = 1, justification = 'Risk treatment', owner_id = 1," \
  " implementation_status = 'planned';" \
  "UPDATE clause_requirement SET status = 'in_place';"

#define RISK(id, treatment, status) \
  "INSERT INTO risk (id, reference, created_at, created_by, updated_at, updated_by, title, treatment, status)" \
  " VALUES (" #id ", 'RSK-00" #id "', 'x', 'x', 'x', 'x', 'Risk " #id "', " treatment ", " status ");"

typedef struct
{
  const char *name;
  const char *sql;           /* "@-400" is the day 400 days before today */
  const char *expected[8];   /* "kind reference" in order */
} Case;

static const Case cases[] = {
  { "complete", "", { NULL } },
  { "not decided",
    "UPDATE soa_entry SET applicable = NULL WHERE reference IN ('A.7.6', 'A.2.3');",
    { "undecided A.2.3", "undecided A.7.6" } },
  { "excluded without justification",
    "UPDATE soa_entry SET applicable = 0, justification = NULL WHERE reference = 'A.10.4';",
    { "no_justification A.10.4" } },
  { "applicable without justification",
    "UPDATE soa_entry SET justification = '' WHERE reference = 'A.5.5';",
    { "no_justification A.5.5" } },
  { "not decided needs no justification yet",
    "UPDATE soa_entry SET applicable = NULL, justification = NULL WHERE reference = 'A.5.5';",
    { "undecided A.5.5" } },
  { "excluded although a risk relies on it",
    RISK (1, "'accept'", "'accepted'")
    "INSERT INTO risk_control VALUES (1, 30);"
    "UPDATE soa_entry SET applicable = 0, justification = 'No public AI' WHERE reference = 'A.8.3';",
    { "excluded_relied_on A.8.3" } },
  { "a risk to mitigate without any control",
    RISK (1, "'mitigate'", "'treatment_planned'"),
    { "risk_without_control RSK-001" } },
  { "a risk to mitigate relying only on an excluded control",
    RISK (1, "'mitigate'", "NULL")
    "INSERT INTO risk_control VALUES (1, 38);"
    "UPDATE soa_entry SET applicable = 0, justification = 'No customers' WHERE reference = 'A.10.4';",
    { "excluded_relied_on A.10.4", "risk_without_control RSK-001" } },
  { "risks that need no control",
    RISK (1, "'mitigate'", "'closed'")
    RISK (2, "'accept'", "'accepted'")
    RISK (3, "'mitigate'", "'treated'")
    "INSERT INTO risk_control VALUES (3, 19);",
    { NULL } },
  { "applicable without an owner",
    "UPDATE soa_entry SET owner_id = NULL WHERE reference IN ('A.4.5', 'A.10.4');"
    "UPDATE soa_entry SET applicable = 0 WHERE reference = 'A.10.4';",
    { "no_owner A.4.5" } },
  { "implemented without evidence",
    "UPDATE soa_entry SET implementation_status = 'implemented', evidence = NULL WHERE reference = 'A.6.2.4';",
    { "no_evidence A.6.2.4" } },
  { "evidence over a year old, or never reviewed",
    "UPDATE soa_entry SET evidence = 'Tool register', review_date = '@-400' WHERE reference = 'A.4.4';"
    "UPDATE soa_entry SET evidence = 'Data sheets', review_date = '@-300' WHERE reference = 'A.4.3';"
    "UPDATE soa_entry SET evidence = 'Inventory', review_date = NULL WHERE reference = 'A.4.2';"
    "UPDATE soa_entry SET evidence = 'Old', review_date = '@-900', applicable = 0 WHERE reference = 'A.10.4';",
    { "evidence_stale A.4.2", "evidence_stale A.4.4" } },
  { "implemented with current evidence",
    "UPDATE soa_entry SET implementation_status = 'implemented', evidence = 'Validation report',"
    " review_date = '@-10' WHERE reference = 'A.6.2.4';",
    { NULL } },
  { "clause requirements not in place",
    "UPDATE clause_requirement SET status = 'partial' WHERE reference = '6.1.3';"
    "UPDATE clause_requirement SET status = 'not_started' WHERE reference = '9.2.1';",
    { "clause_gap 6.1.3", "clause_gap 9.2.1" } },
  { "every kind, in the order of kinds",
    RISK (1, "'mitigate'", "NULL")
    "UPDATE clause_requirement SET status = 'partial' WHERE reference = '4.4';"
    "UPDATE soa_entry SET owner_id = NULL WHERE reference = 'A.2.2';"
    "UPDATE soa_entry SET applicable = NULL WHERE reference = 'A.9.3';"
    "UPDATE soa_entry SET justification = NULL WHERE reference = 'A.3.2';",
    { "undecided A.9.3", "no_justification A.3.2", "risk_without_control RSK-001", "no_owner A.2.2",
      "clause_gap 4.4" } },
};

/* sql with every "@-N" replaced by the ISO date N days before today. */
static char *
with_dates (const char *sql,
            GDate      *today)
{
  GString *out = g_string_new (NULL);

  for (const char *p = sql; *p != '\0'; p++)
    {
      g_autoptr(GDate) date = NULL;
      g_autofree char *iso = NULL;
      char *end;
      guint64 days;

      if (p[0] != '@' || p[1] != '-')
        {
          g_string_append_c (out, *p);
          continue;
        }
      days = g_ascii_strtoull (p + 2, &end, 10);
      date = g_date_copy (today);
      g_date_subtract_days (date, (guint) days);
      iso = aims_date_format_iso (date);
      g_string_append (out, iso);
      p = end - 1;
    }
  return g_string_free (out, FALSE);
}

static void
test_findings (void)
{
  g_autoptr(GDate) today = aims_date_today ();

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const Case *test_case = &cases[c];
      g_autofree char *name = g_strdup_printf ("case-%u.aims", c);
      g_autofree char *sql = with_dates (test_case->sql, today);
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GError) error = NULL;
      guint n_expected = 0;
      AimsDb *db = fixture_create_db (name, AIMS_DB_OPEN_DEFAULT, NULL);

      g_test_message ("%s", test_case->name);
      g_assert_true (aims_db_exec (db, COMPLETE, &error));
      g_assert_true (aims_db_exec (db, sql, &error));
      g_assert_no_error (error);

      findings = aims_soa_check (db, today, &error);
      g_assert_no_error (error);
      while (n_expected < G_N_ELEMENTS (test_case->expected) && test_case->expected[n_expected] != NULL)
        n_expected++;
      for (guint i = 0; i < MAX (findings->len, n_expected); i++)
        {
          AimsSoaFinding *finding = i < findings->len ? findings->pdata[i] : NULL;
          g_autofree char *got = finding != NULL
            ? g_strdup_printf ("%s %s", aims_soa_finding_kind_name (finding->kind), finding->reference)
            : g_strdup ("(nothing)");
          const char *expected = i < n_expected ? test_case->expected[i] : "(nothing)";

          if (!g_str_equal (got, expected))
            g_error ("%s: finding %u is “%s” (%s), expected “%s”", test_case->name, i, got,
                     finding != NULL ? finding->message : "", expected);
          /* A message a person can act on names what it is about. */
          g_assert_nonnull (strstr (finding->message, finding->reference));
        }
      fixture_close_db (&db);
    }
}

/* The kinds have stable names for scripts, and say what they are about. */
static void
test_kind_names (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (AimsSoaFindingKind kind = 0; kind < AIMS_SOA_N_FINDING_KINDS; kind++)
    {
      const char *name = aims_soa_finding_kind_name (kind);

      g_assert_nonnull (name);
      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, (gpointer) name);
      g_assert_nonnull (aims_entity_lookup (aims_soa_finding_kind_entity (kind)));
    }
  g_assert_cmpstr (aims_soa_finding_kind_name (AIMS_SOA_FINDING_UNDECIDED), ==, "undecided");
  g_assert_cmpstr (aims_soa_finding_kind_entity (AIMS_SOA_FINDING_RISK_WITHOUT_CONTROL), ==, "risks");
  g_assert_cmpstr (aims_soa_finding_kind_entity (AIMS_SOA_FINDING_CLAUSE_GAP), ==, "clauses");
}

int
main (int    argc,
      char **argv)
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/soa-check/findings", test_findings);
  g_test_add_func ("/soa-check/kind-names", test_kind_names);

  return g_test_run ();
}
