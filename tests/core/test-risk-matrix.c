/* test-risk-matrix.c — scores and bands of every cell, refused matrices,
 * saving the matrix and re-scoring the register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core-fixtures.h"

/* The band holding score, found the slow way. */
static int
band_by_table (const AimsRiskMatrix *m,
               guint                 score)
{
  int found = -1;

  for (guint b = 0; b < m->bands->len; b++)
    {
      const AimsRiskBand *band = &g_array_index (m->bands, AimsRiskBand, b);

      if (score >= band->min_score && score <= band->max_score)
        {
          g_assert_cmpint (found, ==, -1);  /* in one band only */
          found = (int) b;
        }
    }
  return found;
}

static void
assert_valid (const AimsRiskMatrix *m)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_risk_matrix_validate (m, &error));
  g_assert_no_error (error);
}

/* m is refused with a reason that contains part. */
static void
assert_refused (const AimsRiskMatrix *m,
                const char           *part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (aims_risk_matrix_validate (m, &error));
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  if (!fixture_contains_nocase (error->message, part))
    g_error ("“%s” does not say “%s”", error->message, part);
}

static void
test_default (void)
{
  g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_default ();
  g_autoptr(AimsRiskMatrix) copy = NULL;
  const char *const likelihood[] = { "Rare", "Unlikely", "Possible", "Likely", "Almost certain", NULL };
  const char *const impact[] = { "Negligible", "Minor", "Moderate", "Major", "Severe", NULL };
  const char *const bands[] = { "Low", "Medium", "High", "Critical" };

  assert_valid (m);
  g_assert_cmpuint (m->size, ==, 5);
  g_assert_true (g_strv_equal ((const char *const *) m->likelihood_labels, likelihood));
  g_assert_true (g_strv_equal ((const char *const *) m->impact_labels, impact));
  g_assert_cmpuint (m->bands->len, ==, G_N_ELEMENTS (bands));
  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    {
      const AimsRiskBand *band = aims_risk_matrix_get_band (m, (int) b);

      g_assert_cmpstr (band->name, ==, bands[b]);
      g_assert_true (aims_risk_colour_parse (band->colour, NULL, NULL, NULL));
    }
  g_assert_cmpstr (m->appetite_band, ==, "Medium");
  g_assert_cmpint (aims_risk_matrix_appetite_index (m), ==, 1);

  copy = aims_risk_matrix_copy (m);
  g_assert_true (aims_risk_matrix_equal (m, copy));
  g_free (copy->impact_labels[2]);
  copy->impact_labels[2] = g_strdup ("Medium");
  g_assert_false (aims_risk_matrix_equal (m, copy));
}

/* A new database holds the default matrix (data/schema/0002-risk-matrix.sql). */
static void
test_new_database (FixtureDb     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRiskMatrix) stored = aims_risk_matrix_load (f->db, &error);
  g_autoptr(AimsRiskMatrix) fallback = aims_risk_matrix_new_default ();

  g_assert_no_error (error);
  g_assert_cmpint (fixture_count_rows (f->db, "risk_matrix"), ==, 1);
  g_assert_cmpint (stored->row_version, ==, 1);
  g_assert_true (aims_risk_matrix_equal (stored, fallback));
}

/* Score and band of every cell of every size, and cells outside. */
static void
test_every_cell (void)
{
  for (guint size = AIMS_RISK_MATRIX_MIN_SIZE; size <= AIMS_RISK_MATRIX_MAX_SIZE; size++)
    {
      g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_for_size (size);
      int appetite = aims_risk_matrix_appetite_index (m);
      guint score;
      int band;

      assert_valid (m);
      g_assert_cmpuint (m->size, ==, size);
      g_assert_cmpuint (g_strv_length (m->likelihood_labels), ==, size);
      g_assert_cmpint (appetite, >=, 0);

      for (guint l = 1; l <= size; l++)
        for (guint i = 1; i <= size; i++)
          {
            g_assert_true (aims_risk_matrix_cell (m, l, i, &score, &band));
            g_assert_cmpuint (score, ==, l * i);
            g_assert_cmpuint (aims_risk_matrix_score (m, l, i), ==, l * i);
            g_assert_cmpint (band, >=, 0);
            g_assert_cmpint (band, ==, band_by_table (m, score));
            g_assert_cmpint (band, ==, aims_risk_matrix_band_for_score (m, score));
            g_assert_cmpint (aims_risk_matrix_above_appetite (m, l, i), ==, band > appetite);
          }
      /* The corners are the lowest and highest bands. */
      aims_risk_matrix_cell (m, 1, 1, NULL, &band);
      g_assert_cmpint (band, ==, 0);
      aims_risk_matrix_cell (m, size, size, NULL, &band);
      g_assert_cmpint (band, ==, (int) m->bands->len - 1);

      g_assert_false (aims_risk_matrix_cell (m, 0, 1, &score, &band));
      g_assert_cmpuint (score, ==, 0);
      g_assert_cmpint (band, ==, -1);
      g_assert_false (aims_risk_matrix_cell (m, size + 1, 1, &score, &band));
      g_assert_false (aims_risk_matrix_cell (m, 1, size + 1, &score, &band));
      g_assert_false (aims_risk_matrix_above_appetite (m, size + 1, size + 1));
      g_assert_cmpint (aims_risk_matrix_band_for_score (m, 0), ==, -1);
      g_assert_cmpint (aims_risk_matrix_band_for_score (m, size * size + 1), ==, -1);
    }
}

/* A hand-made band table on the default 5×5 labels. */
static AimsRiskMatrix *
matrix_with_bands (guint        size,
                   const guint *bounds,  /* min, max pairs, 0-terminated */
                   const char  *appetite)
{
  AimsRiskMatrix *m = aims_risk_matrix_new_for_size (size);
  const char *const names[] = { "One", "Two", "Three", "Four", "Five", "Six" };

  g_array_set_size (m->bands, 0);
  for (guint b = 0; bounds[2 * b] != 0; b++)
    aims_risk_matrix_add_band (m, names[b], bounds[2 * b], bounds[2 * b + 1], "#336699");
  g_free (m->appetite_band);
  m->appetite_band = g_strdup (appetite);
  return m;
}

static void
test_refused_bands (void)
{
  const guint good[] = { 1, 4, 5, 9, 10, 25, 0 };
  const guint gap[] = { 1, 4, 6, 9, 10, 25, 0 };
  const guint overlap[] = { 1, 5, 5, 9, 10, 25, 0 };
  const guint low_start[] = { 2, 9, 10, 25, 0 };
  const guint short_top[] = { 1, 9, 10, 24, 0 };
  const guint beyond[] = { 1, 9, 10, 26, 0 };
  const guint backwards[] = { 1, 9, 12, 10, 13, 25, 0 };
  const guint unordered[] = { 10, 25, 1, 9, 0 };
  const guint none[] = { 0 };
  g_autoptr(AimsRiskMatrix) m = matrix_with_bands (5, good, "Two");
  g_autoptr(AimsRiskMatrix) m_gap = matrix_with_bands (5, gap, "Two");
  g_autoptr(AimsRiskMatrix) m_overlap = matrix_with_bands (5, overlap, "Two");
  g_autoptr(AimsRiskMatrix) m_low = matrix_with_bands (5, low_start, "One");
  g_autoptr(AimsRiskMatrix) m_short = matrix_with_bands (5, short_top, "One");
  g_autoptr(AimsRiskMatrix) m_beyond = matrix_with_bands (5, beyond, "One");
  g_autoptr(AimsRiskMatrix) m_backwards = matrix_with_bands (5, backwards, "One");
  g_autoptr(AimsRiskMatrix) m_unordered = matrix_with_bands (5, unordered, "One");
  g_autoptr(AimsRiskMatrix) m_none = matrix_with_bands (5, none, "One");
  g_autoptr(AimsRiskMatrix) m_appetite = matrix_with_bands (5, good, "Huge");

  assert_valid (m);
  assert_refused (m_gap, "Scores 5 to 5 are in no band");
  assert_refused (m_overlap, "Scores 5 to 5 are in both “One” and “Two”");
  assert_refused (m_low, "Scores 1 to 1 are in no band");
  assert_refused (m_short, "Scores 25 to 25 are in no band");
  assert_refused (m_beyond, "highest score");
  assert_refused (m_backwards, "runs from 12 to 10");
  assert_refused (m_unordered, "from the lowest scores");
  assert_refused (m_none, "no score bands");
  assert_refused (m_appetite, "“Huge” is not one of the bands (One, Two, Three)");

  /* Names and colours. */
  g_free (g_array_index (m->bands, AimsRiskBand, 1).colour);
  g_array_index (m->bands, AimsRiskBand, 1).colour = g_strdup ("orange");
  assert_refused (m, "“orange” is not a colour");
  g_free (g_array_index (m->bands, AimsRiskBand, 1).colour);
  g_array_index (m->bands, AimsRiskBand, 1).colour = g_strdup ("#AbCdEf");
  assert_valid (m);
  g_free (g_array_index (m->bands, AimsRiskBand, 2).name);
  g_array_index (m->bands, AimsRiskBand, 2).name = g_strdup ("two");
  assert_refused (m, "Two score bands are named");
  g_free (g_array_index (m->bands, AimsRiskBand, 2).name);
  g_array_index (m->bands, AimsRiskBand, 2).name = g_strdup ("  ");
  assert_refused (m, "Score band 3 has no name");
}

static void
test_refused_sizes_and_labels (void)
{
  g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_default ();
  g_autofree char *long_label = g_strnfill (AIMS_RISK_MATRIX_LABEL_MAX_LENGTH + 1, 'x');
  char *saved;

  /* Sizes 2 and 7 are refused whatever the rest says. */
  for (guint size = 0; size <= 9; size++)
    {
      g_autoptr(AimsRiskMatrix) sized = aims_risk_matrix_copy (m);
      g_autofree char *expected = g_strdup_printf ("not %u×%u", size, size);

      sized->size = size;
      if (size == m->size)
        assert_valid (sized);
      else if (size >= AIMS_RISK_MATRIX_MIN_SIZE && size <= AIMS_RISK_MATRIX_MAX_SIZE)
        assert_refused (sized, "labels");  /* 5 labels for another size */
      else
        assert_refused (sized, expected);
    }

  /* Labels: count, empty, too long, repeated. */
  saved = m->impact_labels[4];
  m->impact_labels[4] = NULL;
  assert_refused (m, "5 levels of Impact but 4 labels");
  m->impact_labels[4] = saved;
  assert_valid (m);

  saved = m->likelihood_labels[2];
  m->likelihood_labels[2] = g_strdup (" ");
  assert_refused (m, "Likelihood level 3 has no name");
  g_free (m->likelihood_labels[2]);
  m->likelihood_labels[2] = g_strdup (long_label);
  assert_refused (m, "too long");
  g_free (m->likelihood_labels[2]);
  m->likelihood_labels[2] = g_strdup ("rare");
  assert_refused (m, "Likelihood levels 1 and 3 are both labelled");
  g_free (m->likelihood_labels[2]);
  m->likelihood_labels[2] = g_strdup ("Two\nlines");
  assert_refused (m, "one line");
  g_free (m->likelihood_labels[2]);
  m->likelihood_labels[2] = saved;
  assert_valid (m);
}

static void
test_set_size (void)
{
  for (guint from = AIMS_RISK_MATRIX_MIN_SIZE; from <= AIMS_RISK_MATRIX_MAX_SIZE; from++)
    for (guint to = AIMS_RISK_MATRIX_MIN_SIZE; to <= AIMS_RISK_MATRIX_MAX_SIZE; to++)
      {
        g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_for_size (from);

        aims_risk_matrix_set_size (m, to);
        assert_valid (m);
        g_assert_cmpuint (m->size, ==, to);
        g_assert_cmpuint (m->bands->len, ==, 4);
        g_assert_cmpstr (m->appetite_band, ==, "Medium");
      }
}

static void
test_map_level (void)
{
  const guint five_to_three[] = { 1, 2, 2, 3, 3 };
  const guint three_to_five[] = { 1, 3, 5 };
  const guint five_to_six[] = { 1, 2, 4, 5, 6 };

  for (guint level = 1; level <= 5; level++)
    {
      g_assert_cmpuint (aims_risk_matrix_map_level (5, 3, level), ==, five_to_three[level - 1]);
      g_assert_cmpuint (aims_risk_matrix_map_level (5, 6, level), ==, five_to_six[level - 1]);
    }
  for (guint level = 1; level <= 3; level++)
    g_assert_cmpuint (aims_risk_matrix_map_level (3, 5, level), ==, three_to_five[level - 1]);

  for (guint from = AIMS_RISK_MATRIX_MIN_SIZE; from <= AIMS_RISK_MATRIX_MAX_SIZE; from++)
    for (guint to = AIMS_RISK_MATRIX_MIN_SIZE; to <= AIMS_RISK_MATRIX_MAX_SIZE; to++)
      {
        guint previous = 0;

        g_assert_cmpuint (aims_risk_matrix_map_level (from, to, 0), ==, 0);
        g_assert_cmpuint (aims_risk_matrix_map_level (from, to, from + 1), ==, 0);
        g_assert_cmpuint (aims_risk_matrix_map_level (from, to, 1), ==, 1);
        g_assert_cmpuint (aims_risk_matrix_map_level (from, to, from), ==, to);
        for (guint level = 1; level <= from; level++)
          {
            guint mapped = aims_risk_matrix_map_level (from, to, level);

            g_assert_cmpuint (mapped, >=, previous);  /* order is kept */
            g_assert_cmpuint (mapped, <=, to);
            if (from == to)
              g_assert_cmpuint (mapped, ==, level);
            previous = mapped;
          }
      }
}

static void
test_levels_and_colours (void)
{
  g_autoptr(AimsRiskMatrix) m = aims_risk_matrix_new_default ();
  double r, g, b;

  g_assert_cmpuint (aims_risk_matrix_level_from_text (m, AIMS_RISK_AXIS_LIKELIHOOD, "4"), ==, 4);
  g_assert_cmpuint (aims_risk_matrix_level_from_text (m, AIMS_RISK_AXIS_LIKELIHOOD, " almost CERTAIN "), ==, 5);
  g_assert_cmpuint (aims_risk_matrix_level_from_text (m, AIMS_RISK_AXIS_IMPACT, "Severe"), ==, 5);
  g_assert_cmpuint (aims_risk_matrix_level_from_text (m, AIMS_RISK_AXIS_IMPACT, "Likely"), ==, 0);
  g_assert_cmpuint (aims_risk_matrix_level_from_text (m, AIMS_RISK_AXIS_IMPACT, "6"), ==, 0);
  g_assert_cmpuint (aims_risk_matrix_level_from_text (m, AIMS_RISK_AXIS_IMPACT, "0"), ==, 0);
  g_assert_cmpstr (aims_risk_matrix_level_label (m, AIMS_RISK_AXIS_IMPACT, 1), ==, "Negligible");
  g_assert_null (aims_risk_matrix_level_label (m, AIMS_RISK_AXIS_IMPACT, 6));

  g_assert_true (aims_risk_colour_parse ("#ff8000", &r, &g, &b));
  g_assert_cmpfloat (r, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (g, 128 / 255.0, 1e-9);
  g_assert_cmpfloat (b, ==, 0.0);
  g_assert_false (aims_risk_colour_parse ("ff8000", NULL, NULL, NULL));
  g_assert_false (aims_risk_colour_parse ("#ff800", NULL, NULL, NULL));
  g_assert_false (aims_risk_colour_parse ("#gg8000", NULL, NULL, NULL));
  g_assert_false (aims_risk_colour_parse (NULL, NULL, NULL, NULL));
}

/* ── Stored ────────────────────────────────────────────────────────────── */

static AimsRiskMatrix *
load (AimsDb *db)
{
  g_autoptr(GError) error = NULL;
  AimsRiskMatrix *m = aims_risk_matrix_load (db, &error);

  g_assert_no_error (error);
  return m;
}

static AimsRiskMatrix *
save (AimsDb               *db,
      const AimsRiskMatrix *m,
      gint64                expected)
{
  g_autoptr(GError) error = NULL;
  AimsRiskMatrix *saved = aims_risk_matrix_save_and_rescore (db, m, expected, FIXTURE_AUTHOR, &error);

  g_assert_no_error (error);
  g_assert_nonnull (saved);
  return saved;
}

static void
test_save_load (FixtureDb     *f,
                gconstpointer  data)
{
  g_autoptr(AimsRiskMatrix) m = load (f->db);
  g_autoptr(AimsRiskMatrix) saved = NULL;
  g_autoptr(AimsRiskMatrix) again = NULL;
  g_autoptr(AimsRiskMatrix) same = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 audit_rows = fixture_count_rows (f->db, "audit_log");

  g_free (m->likelihood_labels[0]);
  m->likelihood_labels[0] = g_strdup ("Very \"rare\" – 稀");
  g_free (g_array_index (m->bands, AimsRiskBand, 3).colour);
  g_array_index (m->bands, AimsRiskBand, 3).colour = g_strdup ("#a51d2d");
  g_free (m->appetite_band);
  m->appetite_band = g_strdup ("High");

  saved = save (f->db, m, 1);
  g_assert_cmpint (saved->row_version, ==, 2);
  g_assert_cmpstr (saved->updated_by, ==, FIXTURE_AUTHOR);
  g_assert_true (aims_risk_matrix_equal (saved, m));
  again = load (f->db);
  g_assert_true (aims_risk_matrix_equal (again, m));
  g_assert_cmpint (again->row_version, ==, 2);

  /* One audit row with the matrix before and after. */
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_rows + 1);
  before = fixture_query_text (f->db, "SELECT before_json FROM audit_log WHERE entity = 'risk_matrix'");
  after = fixture_query_text (f->db, "SELECT after_json FROM audit_log WHERE entity = 'risk_matrix'");
  g_assert_nonnull (strstr (before, "\"appetite_band\":\"Medium\""));
  g_assert_nonnull (strstr (after, "\"appetite_band\":\"High\""));
  g_assert_nonnull (strstr (after, "Very \\\"rare\\\""));

  /* Saving it unchanged writes nothing. */
  same = save (f->db, again, 2);
  g_assert_cmpint (same->row_version, ==, 2);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_rows + 1);
}

static void
test_save_refused (FixtureDb     *f,
                   gconstpointer  data)
{
  g_autoptr(AimsRiskMatrix) m = load (f->db);
  g_autoptr(AimsRiskMatrix) other = aims_risk_matrix_new_for_size (4);
  g_autoptr(AimsRiskMatrix) stored = NULL;
  g_autoptr(AimsRiskMatrix) saved = NULL;
  g_autoptr(GError) conflict = NULL;
  g_autoptr(GError) invalid = NULL;
  gint64 audit_rows;

  saved = save (f->db, other, 1);   /* now at version 2, 4×4 */
  audit_rows = fixture_count_rows (f->db, "audit_log");

  /* m was read at version 1. */
  g_assert_null (aims_risk_matrix_save_and_rescore (f->db, m, 1, FIXTURE_AUTHOR, &conflict));
  g_assert_error (conflict, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (conflict->message, FIXTURE_AUTHOR));

  m->size = 7;
  g_assert_null (aims_risk_matrix_save_and_rescore (f->db, m, -1, FIXTURE_AUTHOR, &invalid));
  g_assert_error (invalid, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);

  stored = load (f->db);
  g_assert_true (aims_risk_matrix_equal (stored, other));
  g_assert_cmpint (stored->row_version, ==, 2);
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_rows);
}

static void
test_damaged (FixtureDb     *f,
              gconstpointer  data)
{
  const char *const damage[] = {
    "UPDATE risk_matrix SET bands = '[{\"name\":\"Low\",'",
    "UPDATE risk_matrix SET likelihood_labels = '{\"a\":1}'",
    "UPDATE risk_matrix SET bands = '[{\"name\":\"Low\",\"min_score\":1,\"colour\":\"#000000\"}]'",
    "UPDATE risk_matrix SET appetite_band = 'Nothing'",
  };

  for (guint d = 0; d < G_N_ELEMENTS (damage); d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AimsRiskMatrix) m = NULL;

      g_assert_true (aims_db_exec (f->db, "SAVEPOINT damage", NULL));
      g_assert_true (aims_db_exec (f->db, damage[d], NULL));
      m = aims_risk_matrix_load (f->db, &error);
      g_assert_null (m);
      g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CORRUPT);
      g_assert_true (aims_db_exec (f->db, "ROLLBACK TO damage; RELEASE damage", NULL));
    }
}

/* ── Re-scoring ────────────────────────────────────────────────────────── */

typedef struct
{
  guint levels[4];
} Levels;

static const Levels register_levels[] = {
  { { 5, 5, 3, 4 } },
  { { 4, 2, 2, 2 } },
  { { 3, 3, 0, 0 } },
  { { 1, 5, 1, 1 } },
  { { 2, 4, 2, 4 } },
};

static const char *const level_fields[] = {
  "inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"
};

static GPtrArray *
add_register (AimsDb *db)
{
  g_autoptr(AimsRecord) owner = fixture_add_person (db, "Risk Owner");
  GPtrArray *risks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint r = 0; r < G_N_ELEMENTS (register_levels); r++)
    {
      const guint *l = register_levels[r].levels;

      g_ptr_array_add (risks, fixture_add_risk (db, owner, l[0], l[1], l[2], l[3]));
    }
  return risks;
}

static guint
stored_level (AimsRecord *risk,
              const char *field)
{
  const char *value = aims_record_get (risk, field);

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : 0;
}

static void
test_rescore (FixtureDb     *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) risks = add_register (f->db);
  g_autoptr(AimsRiskMatrix) three = aims_risk_matrix_new_for_size (3);
  g_autoptr(AimsRiskMatrix) saved = NULL;
  g_autoptr(AimsRescorePreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_rows = fixture_count_rows (f->db, "audit_log");
  guint n_changed = 0, n_moves = 0;

  preview = aims_risk_matrix_preview_rescore (f->db, three, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_risks, ==, G_N_ELEMENTS (register_levels));
  /* Nothing is written by a preview. */
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_rows);

  saved = save (f->db, three, 1);
  g_assert_cmpuint (saved->size, ==, 3);

  for (guint r = 0; r < risks->len; r++)
    {
      AimsRecord *before = risks->pdata[r];
      g_autoptr(AimsRecord) after = fixture_reload (f->db, before);
      gboolean changed = FALSE;
      g_autofree char *sql = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (level_fields); k++)
        {
          guint old = register_levels[r].levels[k];
          guint expected = old > 0 ? aims_risk_matrix_map_level (5, 3, old) : 0;

          g_assert_cmpuint (stored_level (after, level_fields[k]), ==, expected);
          changed |= expected != old;
        }
      /* Each risk changed is audited as a re-scoring, at a new row_version. */
      sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'risk' AND entity_id = %"
                             G_GINT64_FORMAT " AND action = 'rescore'", aims_record_get_id (before));
      g_assert_cmpint (fixture_query_int (f->db, sql), ==, changed ? 1 : 0);
      g_assert_cmpint (aims_record_get_row_version (after), ==,
                       aims_record_get_row_version (before) + (changed ? 1 : 0));
      n_changed += changed;
    }
  g_assert_cmpuint (preview->n_moved, ==, n_changed);
  for (guint m = 0; m < preview->moves->len; m++)
    n_moves += g_array_index (preview->moves, AimsRescoreMove, m).n_risks;
  g_assert_cmpuint (n_moves, >=, n_changed);
  /* One row for the matrix, one per risk changed. */
  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_rows + 1 + n_changed);

  /* The moves the preview listed: risk 1 (5,5) went to (3,3), Critical to Critical. */
  {
    const AimsRescoreMove *first = &g_array_index (preview->moves, AimsRescoreMove, 0);
    gboolean found = FALSE;

    g_assert_false (first->residual);
    for (guint m = 0; m < preview->moves->len; m++)
      {
        const AimsRescoreMove *move = &g_array_index (preview->moves, AimsRescoreMove, m);

        if (!move->residual && move->old_likelihood == 5 && move->old_impact == 5)
          {
            g_assert_cmpuint (move->new_likelihood, ==, 3);
            g_assert_cmpuint (move->new_impact, ==, 3);
            g_assert_cmpuint (move->n_risks, ==, 1);
            g_assert_cmpint (move->new_band, ==, 3);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
}

/* A refused re-scoring changes no risk. */
static void
test_rescore_refused (FixtureDb     *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) risks = add_register (f->db);
  g_autoptr(AimsRiskMatrix) three = aims_risk_matrix_new_for_size (3);
  g_autoptr(AimsRiskMatrix) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_rows = fixture_count_rows (f->db, "audit_log");

  g_array_index (three->bands, AimsRiskBand, 1).min_score = 4;  /* a gap at 3 */
  saved = aims_risk_matrix_save_and_rescore (f->db, three, 1, FIXTURE_AUTHOR, &error);
  g_assert_null (saved);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_array_index (three->bands, AimsRiskBand, 1).min_score = 3;
  saved = aims_risk_matrix_save_and_rescore (f->db, three, 7, FIXTURE_AUTHOR, &error);
  g_assert_null (saved);
  g_assert_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT);

  g_assert_cmpint (fixture_count_rows (f->db, "audit_log"), ==, audit_rows);
  for (guint r = 0; r < risks->len; r++)
    {
      g_autoptr(AimsRecord) after = fixture_reload (f->db, risks->pdata[r]);

      fixture_assert_same_fields (risks->pdata[r], after);
      g_assert_cmpint (aims_record_get_row_version (after), ==, 1);
    }
}

/* Growing the matrix, then the levels of new risks are checked against it. */
static void
test_rescore_grow (FixtureDb     *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) risks = add_register (f->db);
  g_autoptr(AimsRiskMatrix) six = aims_risk_matrix_new_for_size (6);
  g_autoptr(AimsRiskMatrix) saved = save (f->db, six, -1);
  g_autoptr(AimsRecord) first = fixture_reload (f->db, risks->pdata[0]);
  g_autoptr(AimsRecord) owner = fixture_add_person (f->db, "Another Owner");
  g_autoptr(AimsRecord) top = fixture_add_risk (f->db, owner, 6, 6, 0, 0);

  g_assert_cmpuint (stored_level (first, "inherent_likelihood"), ==, 6);
  g_assert_cmpstr (aims_record_get (top, "inherent_impact"), ==, "6");
  g_assert_cmpstr (aims_record_get_display (top, "inherent_impact"), ==, "Catastrophic");
}

int
main (int   argc,
      char *argv[])
{
  fixture_init (&argc, &argv);

  g_test_add_func ("/core/risk-matrix/default", test_default);
  FIXTURE_ADD_DB_TEST ("/core/risk-matrix/new-database", test_new_database);
  g_test_add_func ("/core/risk-matrix/every-cell", test_every_cell);
  g_test_add_func ("/core/risk-matrix/refused-bands", test_refused_bands);
  g_test_add_func ("/core/risk-matrix/refused-sizes-and-labels", test_refused_sizes_and_labels);
  g_test_add_func ("/core/risk-matrix/set-size", test_set_size);
  g_test_add_func ("/core/risk-matrix/map-level", test_map_level);
  g_test_add_func ("/core/risk-matrix/levels-and-colours", test_levels_and_colours);
  FIXTURE_ADD_DB_TEST ("/core/risk-matrix/save-load", test_save_load);
  FIXTURE_ADD_DB_TEST ("/core/risk-matrix/save-refused", test_save_refused);
  FIXTURE_ADD_DB_TEST ("/core/risk-matrix/damaged", test_damaged);
  FIXTURE_ADD_DB_TEST ("/core/risk-matrix/rescore", test_rescore);
  FIXTURE_ADD_DB_TEST ("/core/risk-matrix/rescore-refused", test_rescore_refused);
  FIXTURE_ADD_DB_TEST ("/core/risk-matrix/rescore-grow", test_rescore_grow);

  return g_test_run ();
}
