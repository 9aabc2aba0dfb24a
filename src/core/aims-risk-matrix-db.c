/* aims-risk-matrix-db.c — the organisation's risk matrix as stored, and
 * re-scoring the register when it changes
 *
 * The matrix is the one row of risk_matrix; its labels and bands are JSON
 * arrays (see data/schema/0002-risk-matrix.sql for the form). Saving follows
 * the write rules of every record: BEGIN IMMEDIATE, row_version, audit row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-audit.h"
#include "aims-date.h"
#include "aims-json.h"
#include "aims-risk-matrix-db.h"
#include "aims-statement.h"
#include "aims-store-private.h"

#define AUDIT_TABLE "risk_matrix"
#define MATRIX_ID 1

/* The level fields of a risk, in the order of RiskLevels.levels. */
static const struct
{
  const char   *field;
  AimsRiskAxis  axis;
} level_fields[] = {
  { "inherent_likelihood", AIMS_RISK_AXIS_LIKELIHOOD },
  { "inherent_impact",     AIMS_RISK_AXIS_IMPACT },
  { "residual_likelihood", AIMS_RISK_AXIS_LIKELIHOOD },
  { "residual_impact",     AIMS_RISK_AXIS_IMPACT },
};

/* ── JSON ──────────────────────────────────────────────────────────────── */

static void
append_labels (GString  *json,
               char    **labels)
{
  g_string_append_c (json, '[');
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      aims_json_append_string (json, labels[i]);
    }
  g_string_append_c (json, ']');
}

static char *
labels_to_json (char **labels)
{
  GString *json = g_string_new (NULL);

  append_labels (json, labels);
  return g_string_free (json, FALSE);
}

static void
append_bands (GString      *json,
              const GArray *bands)
{
  g_string_append_c (json, '[');
  for (guint b = 0; b < bands->len; b++)
    {
      const AimsRiskBand *band = &g_array_index (bands, AimsRiskBand, b);

      g_string_append (json, b > 0 ? ",{\"name\":" : "{\"name\":");
      aims_json_append_string (json, band->name);
      g_string_append_printf (json, ",\"min_score\":%u,\"max_score\":%u,\"colour\":",
                              band->min_score, band->max_score);
      aims_json_append_string (json, band->colour);
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');
}

static char *
bands_to_json (const GArray *bands)
{
  GString *json = g_string_new (NULL);

  append_bands (json, bands);
  return g_string_free (json, FALSE);
}

/* The whole matrix as one object, for the audit log. */
static char *
matrix_to_json (const AimsRiskMatrix *matrix)
{
  GString *json = g_string_new (NULL);

  g_string_append_printf (json, "{\"row_version\":%" G_GINT64_FORMAT ",\"size\":%u,\"likelihood_labels\":",
                          matrix->row_version, matrix->size);
  append_labels (json, matrix->likelihood_labels);
  g_string_append (json, ",\"impact_labels\":");
  append_labels (json, matrix->impact_labels);
  g_string_append (json, ",\"bands\":");
  append_bands (json, matrix->bands);
  g_string_append (json, ",\"appetite_band\":");
  aims_json_append_string (json, matrix->appetite_band);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static char **
labels_from_json (const char  *text,
                  GError     **error)
{
  g_autoptr(GVariant) array = aims_json_parse (text != NULL ? text : "", error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  GVariantIter iter;
  GVariant *item;

  if (array == NULL)
    return NULL;
  if (!g_variant_is_of_type (array, G_VARIANT_TYPE ("av")))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, _("labels are not a list"));
      return NULL;
    }
  g_variant_iter_init (&iter, array);
  while ((item = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) boxed = item;
      g_autoptr(GVariant) label = g_variant_get_variant (boxed);

      if (!g_variant_is_of_type (label, G_VARIANT_TYPE_STRING))
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, _("a label is not text"));
          return NULL;
        }
      g_ptr_array_add (labels, g_variant_dup_string (label, NULL));
    }
  return (char **) g_ptr_array_steal (labels, NULL);
}

static gboolean
lookup_score (GVariant   *object,
              const char *name,
              guint      *score)
{
  gint64 value;

  if (!g_variant_lookup (object, name, "x", &value) || value < 0 || value > G_MAXINT)
    return FALSE;
  *score = (guint) value;
  return TRUE;
}

static gboolean
bands_from_json (AimsRiskMatrix  *matrix,
                 const char      *text,
                 GError         **error)
{
  g_autoptr(GVariant) array = aims_json_parse (text != NULL ? text : "", error);
  GVariantIter iter;
  GVariant *item;

  if (array == NULL)
    return FALSE;
  if (!g_variant_is_of_type (array, G_VARIANT_TYPE ("av")))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, _("bands are not a list"));
      return FALSE;
    }
  g_variant_iter_init (&iter, array);
  while ((item = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) boxed = item;
      g_autoptr(GVariant) object = g_variant_get_variant (boxed);
      const char *name = NULL, *colour = NULL;
      guint min = 0, max = 0;

      if (!g_variant_is_of_type (object, G_VARIANT_TYPE_VARDICT) ||
          !g_variant_lookup (object, "name", "&s", &name) ||
          !g_variant_lookup (object, "colour", "&s", &colour) ||
          !lookup_score (object, "min_score", &min) ||
          !lookup_score (object, "max_score", &max))
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("a band lacks its name, min_score, max_score or colour"));
          return FALSE;
        }
      aims_risk_matrix_add_band (matrix, name, min, max, colour);
    }
  return TRUE;
}

/* ── Loading ───────────────────────────────────────────────────────────── */

static AimsRiskMatrix *
matrix_from_row (AimsStatement  *stmt,
                 GError        **error)
{
  g_autoptr(AimsRiskMatrix) matrix = aims_risk_matrix_new ((guint) CLAMP (aims_statement_column_int64 (stmt, 0), 0, G_MAXINT));
  g_autoptr(GError) local_error = NULL;

  matrix->appetite_band = g_strdup (aims_statement_column_text (stmt, 4));
  matrix->row_version = aims_statement_column_int64 (stmt, 5);
  matrix->updated_at = g_strdup (aims_statement_column_text (stmt, 6));
  matrix->updated_by = g_strdup (aims_statement_column_text (stmt, 7));

  if ((matrix->likelihood_labels = labels_from_json (aims_statement_column_text (stmt, 1), &local_error)) == NULL ||
      (matrix->impact_labels = labels_from_json (aims_statement_column_text (stmt, 2), &local_error)) == NULL ||
      !bands_from_json (matrix, aims_statement_column_text (stmt, 3), &local_error) ||
      !aims_risk_matrix_validate (matrix, &local_error))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CORRUPT,
                   _("The risk matrix stored in the database cannot be used: %s"), local_error->message);
      return NULL;
    }
  return g_steal_pointer (&matrix);
}

AimsRiskMatrix *
aims_risk_matrix_load (AimsDb  *db,
                       GError **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  AimsStep step;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  stmt = aims_db_prepare (db,
                          "SELECT size, likelihood_labels, impact_labels, bands, appetite_band,"
                          " row_version, updated_at, updated_by FROM risk_matrix WHERE id = 1",
                          error);
  if (stmt == NULL || (step = aims_statement_step (stmt, error)) == AIMS_STEP_ERROR)
    return NULL;
  if (step == AIMS_STEP_DONE)
    return aims_risk_matrix_new_default ();
  return matrix_from_row (stmt, error);
}

/* ── The levels of every risk ──────────────────────────────────────────── */

typedef struct
{
  gint64 id;
  gint64 row_version;
  guint  levels[G_N_ELEMENTS (level_fields)];  /* 0: unset */
} RiskLevels;

static GArray *
read_risk_levels (AimsDb  *db,
                  GError **error)
{
  g_autoptr(GArray) risks = g_array_new (FALSE, TRUE, sizeof (RiskLevels));
  g_autoptr(GString) sql = g_string_new ("SELECT id, row_version");
  g_autoptr(AimsStatement) stmt = NULL;
  AimsStep step;

  for (guint f = 0; f < G_N_ELEMENTS (level_fields); f++)
    g_string_append_printf (sql, ", %s", level_fields[f].field);
  g_string_append (sql, " FROM risk ORDER BY id");
  if ((stmt = aims_db_prepare (db, sql->str, error)) == NULL)
    return NULL;
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      RiskLevels risk = { aims_statement_column_int64 (stmt, 0), aims_statement_column_int64 (stmt, 1), { 0 } };

      for (guint f = 0; f < G_N_ELEMENTS (level_fields); f++)
        risk.levels[f] = (guint) CLAMP (aims_statement_column_int64 (stmt, 2 + f), 0, G_MAXINT);
      g_array_append_val (risks, risk);
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&risks);
}

/* risk's levels on a scale of new_size. TRUE when any changes. */
static gboolean
map_levels (const RiskLevels *risk,
            guint             old_size,
            guint             new_size,
            guint            *mapped)
{
  gboolean changed = FALSE;

  for (guint f = 0; f < G_N_ELEMENTS (level_fields); f++)
    {
      /* A level outside the old scale (written by another program) stays. */
      mapped[f] = aims_risk_matrix_map_level (old_size, new_size, risk->levels[f]);
      if (mapped[f] == 0)
        mapped[f] = risk->levels[f];
      changed |= mapped[f] != risk->levels[f];
    }
  return changed;
}

/* ── Saving ────────────────────────────────────────────────────────────── */

static gboolean
rescore_risks (AimsDb                *db,
               guint                  old_size,
               guint                  new_size,
               const char            *author,
               GError               **error)
{
  g_autoptr(GArray) risks = read_risk_levels (db, error);

  if (risks == NULL)
    return FALSE;
  for (guint r = 0; r < risks->len; r++)
    {
      const RiskLevels *risk = &g_array_index (risks, RiskLevels, r);
      g_autoptr(GHashTable) changes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(AimsRecord) updated = NULL;
      guint mapped[G_N_ELEMENTS (level_fields)];

      if (!map_levels (risk, old_size, new_size, mapped))
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (level_fields); f++)
        if (mapped[f] != risk->levels[f])
          g_hash_table_insert (changes, (gpointer) level_fields[f].field, g_strdup_printf ("%u", mapped[f]));
      updated = aims_store_update_in_transaction (db, aims_entity_risks (), risk->id, risk->row_version,
                                                  changes, author, "rescore", FALSE, error);
      if (updated == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_matrix (AimsDb                *db,
              const AimsRiskMatrix  *matrix,
              gboolean               exists,
              const char            *author,
              GError               **error)
{
  g_autofree char *now = aims_timestamp_now ();
  g_autofree char *likelihood = labels_to_json (matrix->likelihood_labels);
  g_autofree char *impact = labels_to_json (matrix->impact_labels);
  g_autofree char *bands = bands_to_json (matrix->bands);
  g_autoptr(AimsStatement) stmt = NULL;

  stmt = aims_db_prepare (db, exists
                          ? "UPDATE risk_matrix SET updated_at = ?1, updated_by = ?2, size = ?3,"
                            " likelihood_labels = ?4, impact_labels = ?5, bands = ?6, appetite_band = ?7,"
                            " row_version = row_version + 1 WHERE id = 1"
                          : "INSERT INTO risk_matrix (id, updated_at, updated_by, size, likelihood_labels,"
                            " impact_labels, bands, appetite_band, row_version)"
                            " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
                          error);
  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_text (stmt, 1, now);
  aims_statement_bind_text (stmt, 2, author);
  aims_statement_bind_int64 (stmt, 3, matrix->size);
  aims_statement_bind_text (stmt, 4, likelihood);
  aims_statement_bind_text (stmt, 5, impact);
  aims_statement_bind_text (stmt, 6, bands);
  aims_statement_bind_text (stmt, 7, matrix->appetite_band);
  return aims_statement_run (stmt, error);
}

static gboolean
matrix_stored (AimsDb    *db,
               gboolean  *exists,
               GError   **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, "SELECT 1 FROM risk_matrix WHERE id = 1", error);
  AimsStep step;

  if (stmt == NULL || (step = aims_statement_step (stmt, error)) == AIMS_STEP_ERROR)
    return FALSE;
  *exists = step == AIMS_STEP_ROW;
  return TRUE;
}

static AimsRiskMatrix *
save_in_transaction (AimsDb                *db,
                     const AimsRiskMatrix  *matrix,
                     gint64                 expected_version,
                     const char            *author,
                     GError               **error)
{
  g_autoptr(AimsRiskMatrix) before = NULL;
  g_autoptr(AimsRiskMatrix) after = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  gboolean exists = FALSE;

  if (!matrix_stored (db, &exists, error) || (before = aims_risk_matrix_load (db, error)) == NULL)
    return NULL;
  if (expected_version >= 0 && before->row_version != expected_version)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT,
                   _("The risk matrix was changed by %s at %s since it was read"
                     " (version %lld, now %lld): nothing was saved"),
                   before->updated_by != NULL ? before->updated_by : "?",
                   before->updated_at != NULL ? before->updated_at : "?",
                   (long long) expected_version, (long long) before->row_version);
      return NULL;
    }
  /* Saving what is already stored writes nothing and logs nothing. */
  if (exists && aims_risk_matrix_equal (before, matrix))
    return g_steal_pointer (&before);

  /* The matrix first, so that the risks' new levels are checked against it. */
  if (!write_matrix (db, matrix, exists, author, error))
    return NULL;
  if (before->size != matrix->size && !rescore_risks (db, before->size, matrix->size, author, error))
    return NULL;

  if ((after = aims_risk_matrix_load (db, error)) == NULL)
    return NULL;
  before_json = exists ? matrix_to_json (before) : NULL;
  after_json = matrix_to_json (after);
  if (!aims_audit_append (db, author, AUDIT_TABLE, MATRIX_ID, exists ? "update" : "insert",
                          before_json, after_json, error))
    return NULL;
  return g_steal_pointer (&after);
}

AimsRiskMatrix *
aims_risk_matrix_save_and_rescore (AimsDb                *db,
                                   const AimsRiskMatrix  *matrix,
                                   gint64                 expected_version,
                                   const char            *author,
                                   GError               **error)
{
  g_autoptr(AimsRiskMatrix) saved = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (matrix != NULL, NULL);

  if (!aims_risk_matrix_validate (matrix, error))
    return NULL;
  if (!aims_db_begin_write (db, error))
    return NULL;
  saved = save_in_transaction (db, matrix, expected_version,
                               author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, saved != NULL, error))
    return NULL;
  return g_steal_pointer (&saved);
}

/* ── Preview ───────────────────────────────────────────────────────────── */

static const char *
band_name (const AimsRiskMatrix *matrix,
           guint                 likelihood,
           guint                 impact,
           int                  *band)
{
  const AimsRiskBand *found;

  aims_risk_matrix_cell (matrix, likelihood, impact, NULL, band);
  found = aims_risk_matrix_get_band (matrix, *band);
  return found != NULL ? found->name : NULL;
}

/* Counts one view (residual or not) of one risk into moves; TRUE when its
 * band is another one after. */
static gboolean
preview_view (const AimsRiskMatrix *old_matrix,
              const AimsRiskMatrix *new_matrix,
              const guint          *levels,
              const guint          *mapped,
              gboolean              residual,
              GArray               *moves)
{
  AimsRescoreMove move = { residual, levels[0], levels[1], mapped[0], mapped[1], -1, -1, 1 };
  const char *old_name, *new_name;

  if (levels[0] == 0 || levels[1] == 0)
    return FALSE;
  old_name = band_name (old_matrix, move.old_likelihood, move.old_impact, &move.old_band);
  new_name = band_name (new_matrix, move.new_likelihood, move.new_impact, &move.new_band);
  if (move.old_likelihood == move.new_likelihood && move.old_impact == move.new_impact &&
      g_strcmp0 (old_name, new_name) == 0)
    return FALSE;

  for (guint m = 0; m < moves->len; m++)
    {
      AimsRescoreMove *seen = &g_array_index (moves, AimsRescoreMove, m);

      if (seen->residual == residual && seen->old_likelihood == move.old_likelihood &&
          seen->old_impact == move.old_impact)
        {
          seen->n_risks++;
          return g_strcmp0 (old_name, new_name) != 0;
        }
    }
  g_array_append_val (moves, move);
  return g_strcmp0 (old_name, new_name) != 0;
}

static int
compare_moves (gconstpointer a,
               gconstpointer b)
{
  const AimsRescoreMove *x = a, *y = b;

  if (x->residual != y->residual)
    return x->residual ? 1 : -1;
  if (x->old_likelihood != y->old_likelihood)
    return x->old_likelihood < y->old_likelihood ? -1 : 1;
  return x->old_impact < y->old_impact ? -1 : x->old_impact > y->old_impact;
}

AimsRescorePreview *
aims_risk_matrix_preview_rescore (AimsDb                *db,
                                  const AimsRiskMatrix  *matrix,
                                  GError               **error)
{
  g_autoptr(AimsRescorePreview) preview = g_new0 (AimsRescorePreview, 1);
  g_autoptr(AimsRiskMatrix) stored = NULL;
  g_autoptr(GArray) risks = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (matrix != NULL, NULL);

  preview->moves = g_array_new (FALSE, TRUE, sizeof (AimsRescoreMove));
  if (!aims_risk_matrix_validate (matrix, error) ||
      (stored = aims_risk_matrix_load (db, error)) == NULL ||
      (risks = read_risk_levels (db, error)) == NULL)
    return NULL;

  preview->n_risks = risks->len;
  for (guint r = 0; r < risks->len; r++)
    {
      const RiskLevels *risk = &g_array_index (risks, RiskLevels, r);
      guint mapped[G_N_ELEMENTS (level_fields)];
      gboolean band_changed;

      preview->n_moved += map_levels (risk, stored->size, matrix->size, mapped);
      band_changed = preview_view (stored, matrix, &risk->levels[0], &mapped[0], FALSE, preview->moves);
      band_changed |= preview_view (stored, matrix, &risk->levels[2], &mapped[2], TRUE, preview->moves);
      preview->n_band_changed += band_changed;
    }
  g_array_sort (preview->moves, compare_moves);
  return g_steal_pointer (&preview);
}

void
aims_rescore_preview_free (AimsRescorePreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->moves, g_array_unref);
  g_free (preview);
}
