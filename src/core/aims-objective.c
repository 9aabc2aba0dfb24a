/* aims-objective.c — AI objectives and their measurements as stored, and
 * the rules across their fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "aims-date.h"
#include "aims-number.h"
#include "aims-objective.h"
#include "aims-statement.h"
#include "aims-store.h"

/* ── Reading ───────────────────────────────────────────────────────────── */

static gboolean
stored_number (AimsRecord *record,
               const char *field,
               double     *value)
{
  return aims_number_parse (aims_record_get (record, field), value);
}

void
aims_objective_kpi_from_record (AimsRecord       *objective,
                                AimsObjectiveKpi *kpi)
{
  g_autoptr(GDate) since = NULL;

  g_return_if_fail (AIMS_IS_RECORD (objective));
  g_return_if_fail (kpi != NULL);

  memset (kpi, 0, sizeof *kpi);
  kpi->direction = aims_direction_from_key (aims_record_get (objective, "direction"));
  kpi->frequency = aims_frequency_from_key (aims_record_get (objective, "frequency"));
  kpi->has_baseline = stored_number (objective, "baseline", &kpi->baseline);
  kpi->has_target = stored_number (objective, "target", &kpi->target);
  kpi->has_threshold = stored_number (objective, "at_risk_threshold", &kpi->threshold);
  g_date_clear (&kpi->since, 1);
  if ((since = aims_date_parse (aims_record_get_created_at (objective))) != NULL)
    kpi->since = *since;
}

/* Rows of objective_id, measured_on, value in that order, into the series
 * of their objective; a value that is not a number (written behind the
 * program's back) is left out. */
static gboolean
read_points (AimsStatement  *stmt,
             GHashTable     *by_objective,
             GArray        **only,
             GError        **error)
{
  AimsStep step;

  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      g_autoptr(GDate) date = aims_date_parse (aims_statement_column_text (stmt, 1));
      AimsMeasurementPoint point;
      GArray *series;

      if (date == NULL || !aims_number_parse (aims_statement_column_text (stmt, 2), &point.value))
        continue;
      point.date = *date;
      if (only != NULL)
        series = *only;
      else
        {
          gint64 id = aims_statement_column_int64 (stmt, 0);

          if ((series = g_hash_table_lookup (by_objective, &id)) == NULL)
            {
              series = g_array_new (FALSE, FALSE, sizeof (AimsMeasurementPoint));
              g_hash_table_insert (by_objective, g_memdup2 (&id, sizeof id), series);
            }
        }
      g_array_append_val (series, point);
    }
  return step != AIMS_STEP_ERROR;
}

/* Cast to text so that the REAL comes out in SQLite's 15 digits, which
 * aims_number_parse() reads back exactly. */
#define SERIES_SQL "SELECT objective_id, measured_on, CAST(value AS TEXT) FROM measurement "

GArray *
aims_objective_load_series (AimsDb  *db,
                            gint64   objective_id,
                            GError **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GArray) series = g_array_new (FALSE, FALSE, sizeof (AimsMeasurementPoint));

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  stmt = aims_db_prepare (db, SERIES_SQL "WHERE objective_id = ? ORDER BY measured_on, id", error);
  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, objective_id);
  if (!read_points (stmt, NULL, &series, error))
    return NULL;
  return g_steal_pointer (&series);
}

GHashTable *
aims_objective_load_all_series (AimsDb  *db,
                                GError **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     (GDestroyNotify) g_array_unref);

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  stmt = aims_db_prepare (db, SERIES_SQL "ORDER BY objective_id, measured_on, id", error);
  if (stmt == NULL || !read_points (stmt, all, NULL, error))
    return NULL;
  return g_steal_pointer (&all);
}

void
aims_objective_compute (AimsRecord          *objective,
                        GArray              *series,
                        const GDate         *today,
                        AimsObjectiveStatus *status)
{
  AimsObjectiveKpi kpi;

  g_return_if_fail (AIMS_IS_RECORD (objective));

  aims_objective_kpi_from_record (objective, &kpi);
  aims_objective_status_compute (&kpi,
                                 series != NULL ? (const AimsMeasurementPoint *) series->data : NULL,
                                 series != NULL ? series->len : 0,
                                 today, status);
}

static int
compare_measured_on (gconstpointer a,
                     gconstpointer b)
{
  AimsRecord *ra = *(AimsRecord **) a;
  AimsRecord *rb = *(AimsRecord **) b;
  int by_date = g_strcmp0 (aims_record_get (ra, "measured_on"), aims_record_get (rb, "measured_on"));
  gint64 ia = aims_record_get_id (ra), ib = aims_record_get_id (rb);

  if (by_date != 0)
    return by_date;
  return ia < ib ? -1 : ia > ib;
}

GPtrArray *
aims_objective_list_measurements (AimsDb  *db,
                                  gint64   objective_id,
                                  GError **error)
{
  GPtrArray *records;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  records = aims_store_list_linked (db, aims_entity_measurements (), "objective_id", objective_id, error);
  if (records != NULL)
    g_ptr_array_sort (records, compare_measured_on);
  return records;
}

char *
aims_objective_format_value (AimsRecord *objective,
                             double      value)
{
  g_autofree char *number = aims_number_format_display (value, 2);
  const char *unit;

  g_return_val_if_fail (AIMS_IS_RECORD (objective), NULL);

  unit = aims_record_get (objective, "kpi_unit");
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  /* Translators: a KPI's value and its unit, e.g. "82 %" or "12.5 days" */
  return g_strdup_printf (_("%s %s"), number, unit);
}

/* ── Rules ─────────────────────────────────────────────────────────────── */

static const char *
field_label (const AimsEntity *entity,
             const char       *name)
{
  return _(aims_entity_find_field (entity, name)->label);
}

gboolean
aims_objective_check_rules (AimsDb      *db,
                            AimsRecord  *before,
                            GHashTable  *changes,
                            GError     **error)
{
  const AimsEntity *entity = aims_entity_objectives ();
  g_autoptr(AimsRecord) after = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *threshold_text = NULL;
  AimsObjectiveKpi kpi;
  AimsDirection direction;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  after = aims_record_new_with_changes (entity, before, changes);
  aims_objective_kpi_from_record (after, &kpi);
  direction = aims_objective_kpi_get_direction (&kpi);

  if (kpi.has_target && kpi.has_baseline && kpi.target == kpi.baseline && direction == AIMS_DIRECTION_NONE)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "The target equals the baseline: choose a Direction, so that
                    * it is clear whether higher or lower values are better" */
                   _("The target equals the baseline: choose a %s, so that it is clear whether higher or lower values are better"),
                   field_label (entity, "direction"));
      return FALSE;
    }
  if (!kpi.has_threshold)
    return TRUE;

  if (!kpi.has_target || direction == AIMS_DIRECTION_NONE)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "At risk from needs a Target and a Direction: which side
                    * of the target is worse" */
                   _("%s needs a %s and a %s: which side of the target is worse"),
                   field_label (entity, "at_risk_threshold"), field_label (entity, "target"),
                   field_label (entity, "direction"));
      return FALSE;
    }

  target_text = aims_number_format_display (kpi.target, 6);
  threshold_text = aims_number_format_display (kpi.threshold, 6);
  if (direction == AIMS_DIRECTION_HIGHER && kpi.threshold >= kpi.target)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "At risk from: 95 must be below the target 90, since higher
                    * values are better" */
                   _("%s: %s must be below the target %s, since higher values are better"),
                   field_label (entity, "at_risk_threshold"), threshold_text, target_text);
      return FALSE;
    }
  if (direction == AIMS_DIRECTION_LOWER && kpi.threshold <= kpi.target)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s: %s must be above the target %s, since lower values are better"),
                   field_label (entity, "at_risk_threshold"), threshold_text, target_text);
      return FALSE;
    }
  return TRUE;
}

/* The reference of another measurement of objective_id on day, or NULL. */
static gboolean
find_same_day (AimsDb       *db,
               const char   *objective_id,
               const char   *day,
               gint64        except_id,
               char        **reference,
               GError      **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  AimsStep step;

  *reference = NULL;
  stmt = aims_db_prepare (db, "SELECT reference FROM measurement"
                              " WHERE objective_id = ? AND measured_on = ? AND id <> ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, g_ascii_strtoll (objective_id, NULL, 10));
  aims_statement_bind_text (stmt, 2, day);
  aims_statement_bind_int64 (stmt, 3, except_id);
  if ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ERROR)
    return FALSE;
  if (step == AIMS_STEP_ROW)
    *reference = g_strdup (aims_statement_column_text (stmt, 0));
  return TRUE;
}

gboolean
aims_measurement_check_rules (AimsDb      *db,
                              AimsRecord  *before,
                              GHashTable  *changes,
                              GError     **error)
{
  const AimsEntity *entity = aims_entity_measurements ();
  g_autoptr(AimsRecord) after = NULL;
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(GDate) day = NULL;
  g_autofree char *other = NULL;
  const char *measured_on;
  const char *objective_id;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  after = aims_record_new_with_changes (entity, before, changes);
  measured_on = aims_record_get (after, "measured_on");
  objective_id = aims_record_get (after, "objective_id");

  /* Only a date being written is checked: a value entered yesterday is not
   * refused today. */
  if (g_hash_table_contains (changes, "measured_on") &&
      (day = aims_date_parse (measured_on)) != NULL && g_date_compare (day, today) > 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "Measured on: 2031-01-01 is in the future; a value is
                    * recorded once it has been measured" */
                   _("%s: %s is in the future; a value is recorded once it has been measured"),
                   field_label (entity, "measured_on"), measured_on);
      return FALSE;
    }

  if (objective_id == NULL || measured_on == NULL ||
      (!g_hash_table_contains (changes, "measured_on") && !g_hash_table_contains (changes, "objective_id")))
    return TRUE;
  if (!find_same_day (db, objective_id, measured_on, before != NULL ? aims_record_get_id (before) : 0,
                      &other, error))
    return FALSE;
  if (other != NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   /* Translators: "Measured on: this objective already has a value on
                    * 2025-03-31 (MEA-012); correct that one instead" */
                   _("%s: this objective already has a value on %s (%s); correct that one instead"),
                   field_label (entity, "measured_on"), measured_on, other);
      return FALSE;
    }
  return TRUE;
}
