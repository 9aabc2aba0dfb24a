/* test-risk-filter.c — the Risks page's filter against SQL over the same
 * file, and the heatmap's counts against the table it filters
 *
 * Every case names a filter and the SQL that selects the same risks from
 * the demo organisation plus a few risks made for the edges (closed in a
 * cell, half a residual rating, no rating, an acceptance that ran out).
 * The band a risk stands in comes from a temporary table of the matrix's
 * cells (aims_risk_matrix_cell()), so the SQL owns the rule "residual when
 * assessed, else inherent" on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

typedef struct
{
  AimsDb         *db;
  AimsRiskMatrix *matrix;
  GPtrArray      *risks;
} Fixture;

/* What SQL needs beside the risk table: the band of each cell, and today. */
#define OPEN "coalesce(status, '') <> 'closed'"
#define RESIDUAL_ASSESSED "(residual_likelihood IS NOT NULL AND residual_impact IS NOT NULL)"
#define CURRENT_CELL(column) \
  "(SELECT " column " FROM temp.cell_band WHERE " \
  "(" RESIDUAL_ASSESSED " AND l = residual_likelihood AND i = residual_impact) OR " \
  "(NOT " RESIDUAL_ASSESSED " AND l = inherent_likelihood AND i = inherent_impact))"
/* A band filter counts open risks: a closed one stands in no band. */
#define CURRENT_BAND  OPEN " AND " CURRENT_CELL ("band")
#define CURRENT_ABOVE CURRENT_CELL ("above")
#define TODAY "(SELECT day FROM temp.today)"
#define SYSTEM(name) "ai_system_id = (SELECT id FROM ai_system WHERE name = '" name "')"
#define OWNER(name) "owner_id = (SELECT id FROM person WHERE name = '" name "')"

#define CREDIT "Consumer credit scoring model"
#define OWNER_NAME "Elena Varga"

static void
exec (AimsDb     *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
add_risk (AimsDb     *db,
          GHashTable *values)
{
  g_autoptr(GHashTable) owned = values;
  g_autoptr(AimsRecord) risk = fixture_insert (db, aims_entity_risks (), owned);
}

/* Risks at the edges of the rules, beside the demo's. */
static void
add_edge_risks (AimsDb *db)
{
  g_autoptr(GDate) day = aims_date_today ();
  g_autofree char *yesterday = NULL;
  g_autofree char *tomorrow = NULL;

  g_date_subtract_days (day, 1);
  yesterday = aims_date_format_iso (day);
  g_date_add_days (day, 2);
  tomorrow = aims_date_format_iso (day);

  /* Closed, in the cells of the demo's RSK-001 (4/5 before, 2/4 after). */
  add_risk (db, fixture_values ("title", "Closed in a busy cell", "owner_id", OWNER_NAME,
                                "source_category", "security",
                                "inherent_likelihood", "4", "inherent_impact", "5",
                                "residual_likelihood", "2", "residual_impact", "4",
                                "treatment", "mitigate", "status", "closed", NULL));
  /* Half a residual rating: where it stands now is its inherent band. */
  add_risk (db, fixture_values ("title", "Half a residual rating", "owner_id", OWNER_NAME,
                                "ai_system_id", CREDIT, "source_category", "data",
                                "inherent_likelihood", "5", "inherent_impact", "5",
                                "residual_likelihood", "1",
                                "treatment", "transfer", "status", "assessed", NULL));
  /* A residual rating without an inherent one. */
  add_risk (db, fixture_values ("title", "Residual only", "owner_id", OWNER_NAME,
                                "residual_likelihood", "1", "residual_impact", "2",
                                "status", "identified", NULL));
  add_risk (db, fixture_values ("title", "Not rated yet", "owner_id", OWNER_NAME,
                                "ai_system_id", CREDIT, NULL));
  /* Accepted above the appetite until yesterday, and until tomorrow. */
  add_risk (db, fixture_values ("title", "Acceptance ran out", "owner_id", OWNER_NAME,
                                "ai_system_id", CREDIT, "source_category", "third_party",
                                "inherent_likelihood", "4", "inherent_impact", "4",
                                "treatment", "accept", "status", "accepted",
                                "accepted_by_id", OWNER_NAME, "accepted_until", yesterday,
                                "next_review_date", yesterday, NULL));
  add_risk (db, fixture_values ("title", "Acceptance still runs", "owner_id", OWNER_NAME,
                                "source_category", "third_party",
                                "inherent_likelihood", "4", "inherent_impact", "4",
                                "treatment", "accept", "status", "accepted",
                                "accepted_by_id", OWNER_NAME, "accepted_until", tomorrow,
                                "next_review_date", tomorrow, NULL));
}

/* temp.cell_band (l, i, band, above) from the matrix, temp.today (day). */
static void
make_sql_helpers (Fixture *f)
{
  g_autoptr(GString) sql = g_string_new ("CREATE TEMP TABLE cell_band (l INTEGER, i INTEGER, band TEXT, above INTEGER);");
  g_autoptr(GDate) day = aims_date_today ();
  g_autofree char *today = aims_date_format_iso (day);
  g_autofree char *today_sql = g_strdup_printf ("CREATE TEMP TABLE today (day TEXT); INSERT INTO temp.today VALUES ('%s');", today);

  for (guint l = 1; l <= f->matrix->size; l++)
    for (guint i = 1; i <= f->matrix->size; i++)
      {
        int band;

        g_assert_true (aims_risk_matrix_cell (f->matrix, l, i, NULL, &band));
        g_string_append_printf (sql, "INSERT INTO temp.cell_band VALUES (%u, %u, '%s', %d);", l, i,
                                aims_risk_matrix_get_band (f->matrix, band)->name,
                                aims_risk_matrix_band_above_appetite (f->matrix, band));
      }
  exec (f->db, sql->str);
  exec (f->db, today_sql);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fixture_create_demo_file ("demo.aims");
  g_autoptr(GError) error = NULL;

  f->db = fixture_open_db (path, AIMS_DB_OPEN_DEFAULT);
  add_edge_risks (f->db);
  f->matrix = aims_risk_matrix_load (f->db, &error);
  g_assert_no_error (error);
  f->risks = aims_store_list (f->db, aims_entity_risks (), &error);
  g_assert_no_error (error);
  make_sql_helpers (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->risks, g_ptr_array_unref);
  g_clear_pointer (&f->matrix, aims_risk_matrix_free);
  fixture_close_db (&f->db);
}

static gint64
id_of (Fixture    *f,
       const char *sql)
{
  gint64 id = fixture_query_int (f->db, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static AimsRecord *
risk_titled (Fixture    *f,
             const char *title)
{
  for (guint r = 0; r < f->risks->len; r++)
    if (g_strcmp0 (aims_record_get_title (f->risks->pdata[r]), title) == 0)
      return f->risks->pdata[r];
  g_error ("no risk titled “%s”", title);
}

/* The ids of the risks where holds, as SQL finds them. */
static GHashTable *
ids_where (Fixture    *f,
           const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM risk WHERE %s", where);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsStatement) statement = aims_db_prepare (f->db, sql, &error);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  AimsStep step;

  g_assert_no_error (error);
  while ((step = aims_statement_step (statement, &error)) == AIMS_STEP_ROW)
    g_hash_table_add (ids, g_memdup2 (&(gint64) { aims_statement_column_int64 (statement, 0) }, sizeof (gint64)));
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, AIMS_STEP_DONE);
  return ids;
}

/* The filter passes exactly the risks where holds; returns how many. */
static guint
assert_filter_is (Fixture              *f,
                  const char           *name,
                  const AimsRiskFilter *filter,
                  const char           *where)
{
  g_autoptr(GHashTable) expected = ids_where (f, where);
  guint n = 0;

  for (guint r = 0; r < f->risks->len; r++)
    {
      AimsRecord *risk = f->risks->pdata[r];
      gint64 id = aims_record_get_id (risk);
      gboolean passes = aims_risk_filter_matches (filter, f->matrix, risk);

      if (passes != g_hash_table_contains (expected, &id))
        g_error ("%s: %s (%s) %s the filter but SQL says %s", name, aims_record_get_reference (risk),
                 aims_record_get_title (risk), passes ? "passes" : "fails", where);
      n += passes;
    }
  g_assert_cmpuint (n, ==, g_hash_table_size (expected));
  return n;
}

/* ── The cases ──────────────────────────────────────────────────────── */

typedef struct
{
  const char        *name;
  const char        *system;      /* a system's name; "-": organisation-wide */
  const char        *owner;       /* a person's name */
  const char        *category;
  const char        *band;        /* a band's name */
  const char        *treatment;
  const char        *status;
  AimsRiskAttention  attention;
  guint              cell_likelihood;
  guint              cell_impact;
  gboolean           cell_residual;
  const char        *where;
  guint              at_least;    /* so that the case tests something */
  guint              at_most;     /* 0: fewer than all */
} Case;

static const Case cases[] = {
  { "every risk, closed ones too", .where = "1", .at_least = 40, .at_most = G_MAXUINT },
  { "one system", .system = CREDIT, .where = SYSTEM (CREDIT), .at_least = 5 },
  { "organisation-wide", .system = "-", .where = "ai_system_id IS NULL", .at_least = 4 },
  { "one owner", .owner = OWNER_NAME, .where = OWNER (OWNER_NAME), .at_least = 6 },
  { "one source", .category = "legal_compliance", .where = "source_category = 'legal_compliance'", .at_least = 2 },
  { "owner and source", .owner = OWNER_NAME, .category = "third_party",
    .where = OWNER (OWNER_NAME) " AND source_category = 'third_party'", .at_least = 2 },
  { "band Low", .band = "Low", .where = CURRENT_BAND " = 'Low'", .at_least = 3 },
  { "band Medium", .band = "Medium", .where = CURRENT_BAND " = 'Medium'", .at_least = 3 },
  { "band High", .band = "High", .where = CURRENT_BAND " = 'High'", .at_least = 3 },
  { "band Critical", .band = "Critical", .where = CURRENT_BAND " = 'Critical'", .at_least = 1 },
  { "band and system", .band = "Critical", .system = CREDIT,
    .where = CURRENT_BAND " = 'Critical' AND " SYSTEM (CREDIT), .at_least = 1 },
  { "treatment accept", .treatment = "accept", .where = "treatment = 'accept'", .at_least = 4 },
  { "treatment mitigate", .treatment = "mitigate", .where = "treatment = 'mitigate'", .at_least = 10 },
  { "treatment transfer", .treatment = "transfer", .where = "treatment = 'transfer'", .at_least = 2 },
  { "status closed, no cell", .status = "closed", .where = "status = 'closed'", .at_least = 3 },
  { "status accepted", .status = "accepted", .where = "status = 'accepted'", .at_least = 2 },
  { "status identified", .status = "identified", .where = "status = 'identified'", .at_least = 1 },
  { "owner, treatment and band", .owner = OWNER_NAME, .treatment = "accept", .band = "High",
    .where = OWNER (OWNER_NAME) " AND treatment = 'accept' AND " CURRENT_BAND " = 'High'", .at_least = 2 },
  { "above the appetite", .attention = AIMS_RISK_ATTENTION_ABOVE_APPETITE,
    .where = OPEN " AND " CURRENT_ABOVE " = 1", .at_least = 3 },
  { "review overdue", .attention = AIMS_RISK_ATTENTION_REVIEW_OVERDUE,
    .where = OPEN " AND next_review_date < " TODAY, .at_least = 3 },
  { "acceptance expired", .attention = AIMS_RISK_ATTENTION_ACCEPTANCE_EXPIRED,
    .where = OPEN " AND (treatment = 'accept' OR status = 'accepted') AND accepted_until < " TODAY,
    .at_least = 2 },
  { "inherent cell, the closed risk left out", .cell_likelihood = 4, .cell_impact = 5,
    .where = OPEN " AND inherent_likelihood = 4 AND inherent_impact = 5", .at_least = 1 },
  { "residual cell, the closed risk left out", .cell_residual = TRUE, .cell_likelihood = 2, .cell_impact = 4,
    .where = OPEN " AND residual_likelihood = 2 AND residual_impact = 4", .at_least = 1 },
  { "residual cell of one system", .system = CREDIT, .cell_residual = TRUE, .cell_likelihood = 2, .cell_impact = 3,
    .where = OPEN " AND " SYSTEM (CREDIT) " AND residual_likelihood = 2 AND residual_impact = 3", .at_least = 1 },
  { "inherent cell and source", .category = "data", .cell_likelihood = 5, .cell_impact = 5,
    .where = OPEN " AND source_category = 'data' AND inherent_likelihood = 5 AND inherent_impact = 5",
    .at_least = 1 },
  { "a cell and status closed: nothing", .status = "closed", .cell_likelihood = 4, .cell_impact = 5,
    .where = "0", .at_least = 0 },
};

static void
filter_from_case (Fixture        *f,
                  const Case     *c,
                  AimsRiskFilter *filter)
{
  aims_risk_filter_init (filter);
  if (g_strcmp0 (c->system, "-") == 0)
    filter->scope.ai_system_id = AIMS_HEATMAP_ORGANISATION_WIDE;
  else if (c->system != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM ai_system WHERE name = '%s'", c->system);

      filter->scope.ai_system_id = id_of (f, sql);
    }
  if (c->owner != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM person WHERE name = '%s'", c->owner);

      filter->scope.owner_id = id_of (f, sql);
    }
  filter->scope.source_category = c->category;
  if (c->band != NULL)
    for (guint b = 0; b < f->matrix->bands->len; b++)
      if (g_str_equal (aims_risk_matrix_get_band (f->matrix, b)->name, c->band))
        filter->band = (int) b;
  if (c->band != NULL)
    g_assert_cmpint (filter->band, >=, 0);
  filter->treatment = c->treatment;
  filter->status = c->status;
  filter->attention = c->attention;
  filter->cell_likelihood = c->cell_likelihood;
  filter->cell_impact = c->cell_impact;
  filter->cell_residual = c->cell_residual;
}

static void
test_cases (Fixture       *f,
            gconstpointer  data)
{
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      const Case *c = &cases[k];
      AimsRiskFilter filter;
      guint n;

      filter_from_case (f, c, &filter);
      n = assert_filter_is (f, c->name, &filter, c->where);
      g_test_message ("%s: %u of %u risks", c->name, n, f->risks->len);
      if (n < c->at_least || n > (c->at_most != 0 ? c->at_most : f->risks->len - 1))
        g_error ("%s: %u of %u risks pass, which tests too little", c->name, n, f->risks->len);
      /* Every case but the first hides something. */
      g_assert_cmpint (aims_risk_filter_is_active (&filter), ==, k != 0);
    }
}

/* Where a risk stands now: residual once both residual levels are set. */
static void
test_current_band (Fixture       *f,
                   gconstpointer  data)
{
  AimsRecord *half = risk_titled (f, "Half a residual rating");
  AimsRecord *residual_only = risk_titled (f, "Residual only");
  AimsRecord *unrated = risk_titled (f, "Not rated yet");
  AimsRecord *first = risk_titled (f, "Credit decisions disadvantage protected groups");
  AimsRiskFilter filter;
  int inherent_band, residual_band;

  g_assert_true (aims_risk_matrix_cell (f->matrix, 5, 5, NULL, &inherent_band));
  g_assert_true (aims_risk_matrix_cell (f->matrix, 2, 4, NULL, &residual_band));
  g_assert_cmpint (inherent_band, !=, residual_band);

  aims_risk_filter_init (&filter);
  filter.band = inherent_band;
  g_assert_true (aims_risk_filter_matches (&filter, f->matrix, half));
  /* RSK-001 stood in the top band before its treatment, not now. */
  g_assert_false (aims_risk_filter_matches (&filter, f->matrix, first));
  filter.band = residual_band;
  g_assert_true (aims_risk_filter_matches (&filter, f->matrix, first));

  /* Not rated: in no band, but in the table while no band is chosen. */
  for (guint b = 0; b < f->matrix->bands->len; b++)
    {
      filter.band = (int) b;
      g_assert_false (aims_risk_filter_matches (&filter, f->matrix, unrated));
    }
  filter.band = -1;
  g_assert_true (aims_risk_filter_matches (&filter, f->matrix, unrated));

  /* A residual rating alone is where the risk stands now. */
  g_assert_true (aims_risk_matrix_cell (f->matrix, 1, 2, NULL, &filter.band));
  g_assert_true (aims_risk_filter_matches (&filter, f->matrix, residual_only));
}

/* include_closed in the scope does not decide: the cell does. */
static void
test_closed (Fixture       *f,
             gconstpointer  data)
{
  AimsRecord *closed = risk_titled (f, "Closed in a busy cell");
  AimsRiskFilter filter;

  aims_risk_filter_init (&filter);
  filter.scope.include_closed = FALSE;
  g_assert_true (aims_risk_filter_matches (&filter, f->matrix, closed));
  filter.scope.include_closed = TRUE;
  filter.cell_likelihood = 4;
  filter.cell_impact = 5;
  g_assert_false (aims_risk_filter_matches (&filter, f->matrix, closed));
  filter.cell_residual = TRUE;
  filter.cell_likelihood = 2;
  filter.cell_impact = 4;
  g_assert_false (aims_risk_filter_matches (&filter, f->matrix, closed));
}

/* A click on a cell lists exactly the risks the cell counts, for every
 * cell, both views and every scope the heatmap follows. */
static void
test_counts_equal_table (Fixture       *f,
                         gconstpointer  data)
{
  gint64 system = id_of (f, "SELECT id FROM ai_system WHERE name = '" CREDIT "'");
  gint64 owner = id_of (f, "SELECT id FROM person WHERE name = '" OWNER_NAME "'");
  const AimsHeatmapFilter scopes[] = {
    { 0 },
    { .ai_system_id = system },
    { .ai_system_id = AIMS_HEATMAP_ORGANISATION_WIDE },
    { .owner_id = owner },
    { .source_category = "model" },
    { .owner_id = owner, .source_category = "operational" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    for (int residual = 0; residual <= 1; residual++)
      {
        AimsHeatmapCounts counts;
        AimsRiskFilter filter;
        guint placed = 0, in_scope = 0;

        aims_heatmap_counts_from_risks (f->matrix, f->risks, residual, &scopes[s], &counts);
        aims_risk_filter_init (&filter);
        filter.scope = scopes[s];
        filter.cell_residual = residual;
        for (guint l = 1; l <= f->matrix->size; l++)
          for (guint i = 1; i <= f->matrix->size; i++)
            {
              guint listed = 0;

              filter.cell_likelihood = l;
              filter.cell_impact = i;
              for (guint r = 0; r < f->risks->len; r++)
                listed += aims_risk_filter_matches (&filter, f->matrix, f->risks->pdata[r]);
              if (listed != aims_heatmap_counts_get (&counts, l, i))
                g_error ("scope %u, %s cell %u/%u: the table lists %u, the heatmap counts %u", s,
                         residual ? "residual" : "inherent", l, i, listed, aims_heatmap_counts_get (&counts, l, i));
              placed += listed;
            }
        g_assert_cmpuint (placed, ==, counts.n_placed);
        g_assert_cmpuint (placed, >, 0);

        /* The cells and the risks without this view's rating are the open
         * risks of the scope. */
        for (guint r = 0; r < f->risks->len; r++)
          in_scope += aims_heatmap_filter_matches (&scopes[s], f->risks->pdata[r]);
        g_assert_cmpuint (placed + counts.n_unplaced, ==, in_scope);
      }
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/risk-filter/cases", test_cases);
  ADD ("/risk-filter/current-band", test_current_band);
  ADD ("/risk-filter/closed", test_closed);
  ADD ("/risk-filter/counts-equal-table", test_counts_equal_table);

  return g_test_run ();
}
