/* aims-dashboard.c — the figures of the AIMS at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "aims-assessment.h"
#include "aims-chart.h"
#include "aims-dashboard.h"
#include "aims-date.h"
#include "aims-nc.h"
#include "aims-objective.h"
#include "aims-risk.h"
#include "aims-risk-matrix-db.h"
#include "aims-soa.h"
#include "aims-store.h"

/* Grey for what is not set, not assessed or no longer in use. */
#define COLOUR_NOT_SET "#c0bfbc"
#define COLOUR_RETIRED "#77767b"

/* ── Breakdowns ────────────────────────────────────────────────────────── */

static void
count_clear (AimsDashboardCount *count)
{
  g_free (count->key);
  g_free (count->label);
  g_free (count->colour);
}

static void
breakdown_init (AimsDashboardBreakdown *breakdown,
                const char             *field)
{
  breakdown->field = field;
  breakdown->counts = g_array_new (FALSE, TRUE, sizeof (AimsDashboardCount));
  g_array_set_clear_func (breakdown->counts, (GDestroyNotify) count_clear);
  breakdown->total = 0;
}

static void
breakdown_clear (AimsDashboardBreakdown *breakdown)
{
  g_clear_pointer (&breakdown->counts, g_array_unref);
}

static void
breakdown_add (AimsDashboardBreakdown *breakdown,
               const char             *key,
               const char             *label,
               const char             *colour)
{
  AimsDashboardCount count = { g_strdup (key), g_strdup (label), g_strdup (colour), 0 };

  g_array_append_val (breakdown->counts, count);
}

const AimsDashboardCount *
aims_dashboard_breakdown_find (const AimsDashboardBreakdown *breakdown,
                               const char                   *key)
{
  g_return_val_if_fail (breakdown != NULL && breakdown->counts != NULL, NULL);

  for (guint i = 0; i < breakdown->counts->len; i++)
    {
      const AimsDashboardCount *count = &g_array_index (breakdown->counts, AimsDashboardCount, i);

      if (g_strcmp0 (count->key, key) == 0)
        return count;
    }
  return NULL;
}

static void
breakdown_count (AimsDashboardBreakdown *breakdown,
                 const char             *key)
{
  AimsDashboardCount *count = (AimsDashboardCount *) aims_dashboard_breakdown_find (breakdown, key);

  /* A key no category has (written behind the program's back) counts as
   * not set, so that the total still adds up. */
  if (count == NULL)
    count = (AimsDashboardCount *) aims_dashboard_breakdown_find (breakdown, NULL);
  count->count++;
  breakdown->total++;
}

/* One category per choice of the field, in the table's order, then "Not
 * set"; colour gives each choice's colour. */
static void
breakdown_init_choices (AimsDashboardBreakdown *breakdown,
                        const AimsEntity       *entity,
                        const char             *field_name,
                        const char *          (*colour) (const char *key, guint index))
{
  const AimsField *field = aims_entity_find_field (entity, field_name);
  guint i = 0;

  breakdown_init (breakdown, field->name);
  for (const AimsChoice *c = field->choices; c->key != NULL; c++, i++)
    breakdown_add (breakdown, c->key, _(c->label), colour (c->key, i));
  breakdown_add (breakdown, NULL, _("Not set"), COLOUR_NOT_SET);
}

/* ── AI systems ────────────────────────────────────────────────────────── */

static const char *
stage_colour (const char *key,
              guint       index)
{
  return g_str_equal (key, AIMS_LIFECYCLE_RETIRED) ? COLOUR_RETIRED : aims_chart_palette_colour (index);
}

static const char *
eu_class_colour (const char *key,
                 guint       index)
{
  static const struct
  {
    const char *key;
    const char *colour;
  } colours[] = {
    { "prohibited",   "#a51d2d" },
    { "high",         "#ff7800" },
    { "limited",      "#f6d32d" },
    { "minimal",      "#33d17a" },
    { "not_assessed", "#9a9996" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    if (g_str_equal (colours[i].key, key))
      return colours[i].colour;
  return aims_chart_palette_colour (index);
}

static gboolean
fill_systems (AimsDashboard               *dashboard,
              AimsDb                      *db,
              const AimsDashboardRecords  *given,
              GError                     **error)
{
  AimsDashboardSystems *systems = &dashboard->systems;
  const AimsEntity *entity = aims_entity_systems ();
  g_autoptr(GPtrArray) records = NULL;

  breakdown_init_choices (&systems->by_stage, entity, "lifecycle_stage", stage_colour);
  breakdown_init_choices (&systems->by_eu_class, entity, "eu_ai_act_class", eu_class_colour);
  if (given->systems != NULL)
    records = g_ptr_array_ref (given->systems);
  else if ((records = aims_store_list (db, entity, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      AimsRecord *system = g_ptr_array_index (records, i);

      systems->total++;
      breakdown_count (&systems->by_stage, aims_record_get (system, "lifecycle_stage"));
      if (aims_system_is_retired (system))
        continue;
      systems->in_use++;
      breakdown_count (&systems->by_eu_class, aims_record_get (system, "eu_ai_act_class"));
      if (aims_system_is_review_overdue (system, &dashboard->today))
        systems->review_overdue++;
    }
  return TRUE;
}

/* ── Risks ─────────────────────────────────────────────────────────────── */

static gboolean
fill_risks (AimsDashboard               *dashboard,
            AimsDb                      *db,
            const AimsDashboardRecords  *given,
            GError                     **error)
{
  AimsDashboardRisks *risks = &dashboard->risks;
  g_autoptr(GPtrArray) records = NULL;

  breakdown_init (&risks->by_band, NULL);
  if ((risks->matrix = aims_risk_matrix_load (db, error)) == NULL)
    return FALSE;
  if (given->risks != NULL)
    records = g_ptr_array_ref (given->risks);
  else if ((records = aims_store_list (db, aims_entity_risks (), error)) == NULL)
    return FALSE;

  for (guint b = 0; b < risks->matrix->bands->len; b++)
    {
      const AimsRiskBand *band = aims_risk_matrix_get_band (risks->matrix, (int) b);

      breakdown_add (&risks->by_band, band->name, band->name, band->colour);
    }
  breakdown_add (&risks->by_band, NULL, _("Not assessed"), COLOUR_NOT_SET);

  for (guint i = 0; i < records->len; i++)
    {
      AimsRecord *risk = g_ptr_array_index (records, i);
      AimsRiskScores scores;

      if (aims_risk_is_closed (risk))
        continue;
      aims_risk_compute (risks->matrix, risk, &dashboard->today, &scores);
      risks->open++;
      breakdown_count (&risks->by_band, scores.current->band_name);
      risks->above_appetite += scores.above_appetite;
      risks->review_overdue += scores.review_overdue;
      risks->acceptance_expired += scores.acceptance_expired;
    }
  aims_heatmap_counts_from_risks (risks->matrix, records, FALSE, NULL, &risks->inherent);
  aims_heatmap_counts_from_risks (risks->matrix, records, TRUE, NULL, &risks->residual);
  return TRUE;
}

/* ── Objectives ────────────────────────────────────────────────────────── */

static gboolean
fill_objectives (AimsDashboard               *dashboard,
                 AimsDb                      *db,
                 const AimsDashboardRecords  *given,
                 GError                     **error)
{
  /* The order a manager reads them in: good news, then what needs action. */
  static const AimsObjectiveState order[] = {
    AIMS_OBJECTIVE_ON_TRACK, AIMS_OBJECTIVE_AT_RISK, AIMS_OBJECTIVE_OFF_TRACK,
    AIMS_OBJECTIVE_OVERDUE, AIMS_OBJECTIVE_NOT_MEASURED, AIMS_OBJECTIVE_NO_TARGET,
  };
  AimsDashboardObjectives *objectives = &dashboard->objectives;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) series = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (order) == AIMS_OBJECTIVE_N_STATES);

  breakdown_init (&objectives->by_state, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    breakdown_add (&objectives->by_state, aims_objective_state_key (order[i]),
                   aims_objective_state_label (order[i]), aims_objective_state_colour (order[i]));
  if ((records = aims_store_list (db, aims_entity_objectives (), error)) == NULL ||
      (series = aims_objective_load_all_series (db, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      AimsRecord *objective = g_ptr_array_index (records, i);
      gint64 id = aims_record_get_id (objective);
      AimsObjectiveStatus status;

      aims_objective_compute (objective, g_hash_table_lookup (series, &id), &dashboard->today, &status);
      objectives->total++;
      objectives->state_counts[status.state]++;
      breakdown_count (&objectives->by_state, aims_objective_state_key (status.state));
    }
  return TRUE;
}

/* ── Nonconformities ───────────────────────────────────────────────────── */

static const char *
severity_colour (const char *key,
                 guint       index)
{
  static const char *const colours[] = { "#e01b24", "#ff7800", "#f6d32d", "#3584e4" };

  return index < G_N_ELEMENTS (colours) ? colours[index] : aims_chart_palette_colour (index);
}

static gboolean
fill_nonconformities (AimsDashboard               *dashboard,
                      AimsDb                      *db,
                      const AimsDashboardRecords  *given,
                      GError                     **error)
{
  AimsDashboardNonconformities *ncs = &dashboard->nonconformities;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) actions_by_nc = NULL;

  breakdown_init_choices (&ncs->by_severity, aims_entity_nonconformities (), "severity", severity_colour);
  if ((records = aims_store_list (db, aims_entity_nonconformities (), error)) == NULL ||
      (actions_by_nc = aims_nc_load_actions_by_nc (db, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      AimsRecord *nc = g_ptr_array_index (records, i);
      GPtrArray *actions = aims_nc_actions_lookup (actions_by_nc, aims_record_get_id (nc));
      guint n_open = 0, n_overdue = 0;

      /* Actions of a closed nonconformity still count when open: they are
       * someone's work, late or not. */
      aims_actions_count (actions, &dashboard->today, &n_open, &n_overdue);
      ncs->actions_open += n_open;
      ncs->actions_overdue += n_overdue;
      if (n_overdue > 0)
        ncs->with_overdue++;
      if (!aims_nc_state_is_open (aims_nc_get_state (nc)))
        continue;
      ncs->open++;
      breakdown_count (&ncs->by_severity, aims_record_get (nc, "severity"));
    }
  return TRUE;
}

/* ── Impact assessments ────────────────────────────────────────────────── */

static gboolean
fill_assessments (AimsDashboard               *dashboard,
                  AimsDb                      *db,
                  const AimsDashboardRecords  *given,
                  GError                     **error)
{
  AimsDashboardAssessments *assessments = &dashboard->assessments;
  g_autoptr(GPtrArray) records = aims_store_list (db, aims_entity_assessments (), error);
  GDate soon = dashboard->today;

  if (records == NULL)
    return FALSE;
  g_date_add_days (&soon, AIMS_DASHBOARD_REASSESSMENT_DAYS);
  for (guint i = 0; i < records->len; i++)
    {
      AimsRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GDate) next = NULL;

      assessments->total++;
      switch (aims_assessment_record_get_status (record))
        {
        case AIMS_ASSESSMENT_DRAFT:
          assessments->drafts++;
          continue;
        case AIMS_ASSESSMENT_IN_REVIEW:
          assessments->in_review++;
          continue;
        case AIMS_ASSESSMENT_SUPERSEDED:
          assessments->superseded++;
          continue;
        case AIMS_ASSESSMENT_APPROVED:
        case AIMS_ASSESSMENT_N_STATUSES:
        default:
          assessments->approved++;
          break;
        }
      /* Only the assessment in force is due for reassessment. */
      if ((next = aims_date_parse (aims_record_get (record, "next_review_date"))) == NULL)
        continue;
      if (g_date_compare (next, &dashboard->today) < 0)
        assessments->overdue++;
      else if (g_date_compare (next, &soon) <= 0)
        assessments->due++;
    }
  return TRUE;
}

/* ── Statement of Applicability ────────────────────────────────────────── */

static gboolean
fill_soa (AimsDashboard               *dashboard,
          AimsDb                      *db,
          const AimsDashboardRecords  *given,
          GError                     **error)
{
  g_autoptr(GPtrArray) controls = aims_store_list (db, aims_entity_controls (), error);
  g_autoptr(GArray) groups = NULL;

  if (controls == NULL)
    return FALSE;
  groups = aims_soa_group_progress (controls);
  for (guint i = 0; i < groups->len; i++)
    {
      const AimsSoaGroupProgress *group = &g_array_index (groups, AimsSoaGroupProgress, i);

      dashboard->soa.controls += group->n_controls;
      dashboard->soa.decided += group->n_decided;
      dashboard->soa.applicable += group->n_applicable;
      dashboard->soa.implemented += group->n_implemented;
    }
  return TRUE;
}

/* ── Loading ───────────────────────────────────────────────────────────── */

/* Each area's figures; an area that lands adds its line. */
static gboolean (*const fillers[]) (AimsDashboard *dashboard, AimsDb *db,
                                    const AimsDashboardRecords *given, GError **error) = {
  fill_systems,
  fill_risks,
  fill_objectives,
  fill_nonconformities,
  fill_assessments,
  fill_soa,
};

void
aims_dashboard_free (AimsDashboard *dashboard)
{
  if (dashboard == NULL)
    return;
  breakdown_clear (&dashboard->systems.by_stage);
  breakdown_clear (&dashboard->systems.by_eu_class);
  breakdown_clear (&dashboard->risks.by_band);
  g_clear_pointer (&dashboard->risks.matrix, aims_risk_matrix_free);
  breakdown_clear (&dashboard->objectives.by_state);
  breakdown_clear (&dashboard->nonconformities.by_severity);
  g_free (dashboard);
}

AimsDashboard *
aims_dashboard_load (AimsDb       *db,
                     const GDate  *today,
                     GError      **error)
{
  return aims_dashboard_load_from (db, today, NULL, error);
}

AimsDashboard *
aims_dashboard_load_from (AimsDb                      *db,
                          const GDate                 *today,
                          const AimsDashboardRecords  *records,
                          GError                     **error)
{
  static const AimsDashboardRecords none = { NULL, NULL };
  g_autoptr(AimsDashboard) dashboard = g_new0 (AimsDashboard, 1);

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if (records == NULL)
    records = &none;

  if (today != NULL && g_date_valid (today))
    dashboard->today = *today;
  else
    {
      g_autoptr(GDate) now = aims_date_today ();

      dashboard->today = *now;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    if (!fillers[i] (dashboard, db, records, error))
      return NULL;
  return g_steal_pointer (&dashboard);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(AimsDb) db = NULL;
  AimsDashboard *dashboard;
  GError *error = NULL;

  if ((db = aims_db_open (task_data, AIMS_DB_OPEN_READ_ONLY, &error)) == NULL ||
      (dashboard = aims_dashboard_load (db, NULL, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, dashboard, (GDestroyNotify) aims_dashboard_free);
}

void
aims_dashboard_load_async (const char          *db_path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (db_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aims_dashboard_load_async);
  g_task_set_task_data (task, g_strdup (db_path), g_free);
  g_task_run_in_thread (task, load_thread);
}

AimsDashboard *
aims_dashboard_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
