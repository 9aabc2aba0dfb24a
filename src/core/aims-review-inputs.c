/* aims-review-inputs.c — the headline figures of every area, compiled as
 * of a day, and their frozen JSON form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment.h"
#include "aims-dashboard.h"
#include "aims-date.h"
#include "aims-json.h"
#include "aims-nc.h"
#include "aims-review-inputs.h"
#include "aims-store.h"

static const struct
{
  const char *area;
  const char *title;  /* N_() */
} areas[] = {
  { "systems",         N_("AI systems") },
  { "risks",           N_("Risks") },
  { "assessments",     N_("Impact assessments") },
  { "objectives",      N_("Objectives") },
  { "nonconformities", N_("Nonconformities") },
  { "actions",         N_("Actions") },
  { "soa",             N_("Statement of Applicability") },
};

const char *
aims_review_area_title (const char *area)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i].area, area) == 0)
      return _(areas[i].title);
  return area;
}

static void
figure_clear (AimsReviewFigure *figure)
{
  g_free (figure->key);
  g_free (figure->area);
  g_free (figure->label);
}

static AimsReviewInputs *
inputs_new (const char *as_of)
{
  AimsReviewInputs *inputs = g_new0 (AimsReviewInputs, 1);

  inputs->as_of = g_strdup (as_of);
  inputs->figures = g_array_new (FALSE, TRUE, sizeof (AimsReviewFigure));
  g_array_set_clear_func (inputs->figures, (GDestroyNotify) figure_clear);
  return inputs;
}

void
aims_review_inputs_free (AimsReviewInputs *inputs)
{
  if (inputs == NULL)
    return;
  g_free (inputs->as_of);
  g_array_unref (inputs->figures);
  g_free (inputs);
}

static void
add (AimsReviewInputs *inputs,
     const char       *area,
     const char       *key,
     const char       *label,
     gint64            value)
{
  AimsReviewFigure figure = { g_strconcat (area, ".", key, NULL), g_strdup (area), g_strdup (label), value };

  g_array_append_val (inputs->figures, figure);
}

const AimsReviewFigure *
aims_review_inputs_find (const AimsReviewInputs *inputs,
                         const char             *key)
{
  g_return_val_if_fail (inputs != NULL, NULL);

  for (guint i = 0; i < inputs->figures->len; i++)
    if (g_strcmp0 (g_array_index (inputs->figures, AimsReviewFigure, i).key, key) == 0)
      return &g_array_index (inputs->figures, AimsReviewFigure, i);
  return NULL;
}

/* Each category of a breakdown as "area.prefix.KEY" ("none" for not set). */
static void
add_breakdown (AimsReviewInputs             *inputs,
               const char                   *area,
               const char                   *prefix,
               const char                   *what,
               const AimsDashboardBreakdown *breakdown)
{
  for (guint i = 0; i < breakdown->counts->len; i++)
    {
      const AimsDashboardCount *count = &g_array_index (breakdown->counts, AimsDashboardCount, i);
      g_autofree char *key = g_strconcat (prefix, ".", count->key != NULL ? count->key : "none", NULL);
      /* Translators: a row of the review's inputs, "Lifecycle stage: Deployment" */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), what, count->label);

      add (inputs, area, key, label, count->count);
    }
}

static void
add_dashboard (AimsReviewInputs    *inputs,
               const AimsDashboard *dashboard)
{

  add (inputs, "systems", "in_use", _("AI systems in use (not retired)"), dashboard->systems.in_use);
  add_breakdown (inputs, "systems", "stage", _("Lifecycle stage"), &dashboard->systems.by_stage);
  add_breakdown (inputs, "systems", "eu_class", _("EU AI Act class (in use)"), &dashboard->systems.by_eu_class);
  add (inputs, "systems", "review_overdue", _("AI systems whose review is overdue"), dashboard->systems.review_overdue);

  add (inputs, "risks", "open", _("Open risks"), dashboard->risks.open);
  add_breakdown (inputs, "risks", "band", _("Open risks in band"), &dashboard->risks.by_band);
  add (inputs, "risks", "above_appetite", _("Open risks above the risk appetite"), dashboard->risks.above_appetite);
  add (inputs, "risks", "review_overdue", _("Open risks whose review is overdue"), dashboard->risks.review_overdue);
  add (inputs, "risks", "acceptance_expired", _("Accepted risks whose acceptance has expired"),
       dashboard->risks.acceptance_expired);

  add (inputs, "objectives", "total", _("Objectives"), dashboard->objectives.total);
  add_breakdown (inputs, "objectives", "state", _("Objectives"), &dashboard->objectives.by_state);
}

static gboolean
add_assessments (AimsReviewInputs  *inputs,
                 AimsDb            *db,
                 GError           **error)
{
  g_autoptr(GPtrArray) records = aims_store_list (db, aims_entity_assessments (), error);
  guint counts[AIMS_ASSESSMENT_N_STATUSES] = { 0 };

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    counts[aims_assessment_record_get_status (g_ptr_array_index (records, i))]++;
  for (guint s = 0; s < AIMS_ASSESSMENT_N_STATUSES; s++)
    {
      g_autofree char *key = g_strconcat ("status.", aims_assessment_status_key (s), NULL);
      /* Translators: "Impact assessments: Approved" */
      g_autofree char *label = g_strdup_printf (_("Impact assessments: %s"), aims_assessment_status_label (s));

      add (inputs, "assessments", key, label, counts[s]);
    }
  return TRUE;
}

static gboolean
add_nonconformities (AimsReviewInputs  *inputs,
                     AimsDb            *db,
                     const GDate       *as_of,
                     GError           **error)
{
  const AimsField *severity = aims_entity_find_field (aims_entity_nonconformities (), "severity");
  g_autoptr(GPtrArray) ncs = aims_store_list (db, aims_entity_nonconformities (), error);
  g_autoptr(GPtrArray) actions = NULL;
  guint n_open = 0, nc_open = 0, nc_overdue = 0, mr_open = 0, mr_overdue = 0;

  if (ncs == NULL || (actions = aims_store_list (db, aims_entity_actions (), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < ncs->len; i++)
    n_open += aims_nc_state_is_open (aims_nc_get_state (g_ptr_array_index (ncs, i)));
  add (inputs, "nonconformities", "open", _("Open nonconformities"), n_open);
  for (const AimsChoice *c = severity->choices; c->key != NULL; c++)
    {
      g_autofree char *key = g_strconcat ("open.", c->key, NULL);
      /* Translators: "Open nonconformities: Major" */
      g_autofree char *label = g_strdup_printf (_("Open nonconformities: %s"), _(c->label));
      guint n = 0;

      for (guint i = 0; i < ncs->len; i++)
        {
          AimsRecord *nc = g_ptr_array_index (ncs, i);

          n += aims_nc_state_is_open (aims_nc_get_state (nc)) &&
               g_strcmp0 (aims_record_get (nc, "severity"), c->key) == 0;
        }
      add (inputs, "nonconformities", key, label, n);
    }

  for (guint i = 0; i < actions->len; i++)
    {
      AimsRecord *action = g_ptr_array_index (actions, i);
      gboolean from_review = aims_record_get (action, "review_id") != NULL;
      gboolean open = aims_action_is_open (action);
      gboolean overdue = aims_action_is_overdue (action, as_of);

      if (from_review)
        mr_open += open, mr_overdue += overdue;
      else
        nc_open += open, nc_overdue += overdue;
    }
  add (inputs, "actions", "corrective_open", _("Open corrective actions"), nc_open);
  add (inputs, "actions", "corrective_overdue", _("Overdue corrective actions"), nc_overdue);
  add (inputs, "actions", "review_open", _("Open actions from management reviews"), mr_open);
  add (inputs, "actions", "review_overdue", _("Overdue actions from management reviews"), mr_overdue);
  return TRUE;
}

/* Counted by the dashboard, which reads the controls already. */
static void
add_soa (AimsReviewInputs    *inputs,
         const AimsDashboard *dashboard)
{
  add (inputs, "soa", "controls", _("Annex A controls"), dashboard->soa.controls);
  add (inputs, "soa", "decided", _("Controls decided (applicable or excluded)"), dashboard->soa.decided);
  add (inputs, "soa", "applicable", _("Controls applicable"), dashboard->soa.applicable);
  add (inputs, "soa", "excluded", _("Controls excluded"), dashboard->soa.decided - dashboard->soa.applicable);
  add (inputs, "soa", "implemented", _("Applicable controls implemented"), dashboard->soa.implemented);
}

AimsReviewInputs *
aims_review_inputs_compile (AimsDb       *db,
                            const GDate  *as_of,
                            GError      **error)
{
  g_autoptr(AimsDashboard) dashboard = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  if ((dashboard = aims_dashboard_load (db, as_of, error)) == NULL)
    return NULL;
  return aims_review_inputs_compile_with (db, dashboard, error);
}

AimsReviewInputs *
aims_review_inputs_compile_with (AimsDb               *db,
                                 const AimsDashboard  *dashboard,
                                 GError              **error)
{
  g_autofree char *iso = NULL;
  g_autoptr(AimsReviewInputs) inputs = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (dashboard != NULL, NULL);

  iso = aims_date_format_iso (&dashboard->today);
  inputs = inputs_new (iso);
  add_dashboard (inputs, dashboard);
  if (!add_assessments (inputs, db, error) ||
      !add_nonconformities (inputs, db, &dashboard->today, error))
    return NULL;
  add_soa (inputs, dashboard);
  return g_steal_pointer (&inputs);
}

typedef struct
{
  char *path;
  char *as_of;
} CompileData;

static void
compile_data_free (CompileData *data)
{
  g_free (data->path);
  g_free (data->as_of);
  g_free (data);
}

static void
compile_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CompileData *data = task_data;
  g_autoptr(AimsDb) db = NULL;
  g_autoptr(GDate) as_of = data->as_of != NULL ? aims_date_parse (data->as_of) : NULL;
  AimsReviewInputs *inputs;
  GError *error = NULL;

  if ((db = aims_db_open (data->path, AIMS_DB_OPEN_READ_ONLY, &error)) == NULL ||
      (inputs = aims_review_inputs_compile (db, as_of, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, inputs, (GDestroyNotify) aims_review_inputs_free);
}

void
aims_review_inputs_compile_async (const char          *db_path,
                                  const char          *as_of,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CompileData *data;

  g_return_if_fail (db_path != NULL);

  data = g_new0 (CompileData, 1);
  data->path = g_strdup (db_path);
  data->as_of = g_strdup (as_of);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aims_review_inputs_compile_async);
  g_task_set_task_data (task, data, (GDestroyNotify) compile_data_free);
  g_task_run_in_thread (task, compile_thread);
}

AimsReviewInputs *
aims_review_inputs_compile_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ── The frozen form ─────────────────────────────────────────────────── */

char *
aims_review_inputs_to_json (const AimsReviewInputs *inputs)
{
  GString *json = g_string_new ("{\"as_of\":");

  g_return_val_if_fail (inputs != NULL, NULL);

  aims_json_append_string (json, inputs->as_of);
  g_string_append (json, ",\"figures\":[");
  for (guint i = 0; i < inputs->figures->len; i++)
    {
      const AimsReviewFigure *figure = &g_array_index (inputs->figures, AimsReviewFigure, i);

      g_string_append (json, i > 0 ? ",\n{\"key\":" : "\n{\"key\":");
      aims_json_append_string (json, figure->key);
      g_string_append (json, ",\"area\":");
      aims_json_append_string (json, figure->area);
      g_string_append (json, ",\"label\":");
      aims_json_append_string (json, figure->label);
      g_string_append_printf (json, ",\"value\":%" G_GINT64_FORMAT "}", figure->value);
    }
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

/* "&s": the string lives as long as object does. */
static const char *
lookup_string (GVariant   *object,
               const char *name)
{
  const char *text = NULL;

  return g_variant_lookup (object, name, "&s", &text) ? text : NULL;
}

AimsReviewInputs *
aims_review_inputs_from_json (const char  *json,
                              GError     **error)
{
  g_autoptr(GVariant) root = NULL;
  g_autoptr(GVariant) figures = NULL;
  g_autoptr(AimsReviewInputs) inputs = NULL;
  const char *as_of;

  g_return_val_if_fail (json != NULL, NULL);

  if ((root = aims_json_parse (json, error)) == NULL)
    return NULL;
  if (!g_variant_is_of_type (root, G_VARIANT_TYPE_VARDICT) ||
      (as_of = lookup_string (root, "as_of")) == NULL ||
      (figures = g_variant_lookup_value (root, "figures", G_VARIANT_TYPE ("av"))) == NULL)
    goto bad;
  inputs = inputs_new (as_of);
  for (gsize i = 0; i < g_variant_n_children (figures); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (figures, i);
      g_autoptr(GVariant) object = g_variant_get_variant (boxed);
      g_autoptr(GVariant) value = NULL;
      const char *key, *area, *label;
      AimsReviewFigure figure;

      if (!g_variant_is_of_type (object, G_VARIANT_TYPE_VARDICT) ||
          (key = lookup_string (object, "key")) == NULL ||
          (area = lookup_string (object, "area")) == NULL ||
          (label = lookup_string (object, "label")) == NULL ||
          (value = g_variant_lookup_value (object, "value", G_VARIANT_TYPE_INT64)) == NULL)
        goto bad;
      figure = (AimsReviewFigure) { g_strdup (key), g_strdup (area), g_strdup (label), g_variant_get_int64 (value) };
      g_array_append_val (inputs->figures, figure);
    }
  return g_steal_pointer (&inputs);

bad:
  g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("The inputs of the management review are not in the form they were frozen in"));
  return NULL;
}
