/* aimsctl-columns.c — which columns `aimsctl list` shows, and their values
 *
 * Each column is declared once, with the function that gives its value, so
 * that a header and its cells cannot drift apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aimsctl-columns.h"

typedef struct _Column Column;

typedef char *(*ColumnValueFunc) (AimsRecord               *record,
                                  const Column             *column,
                                  const AimsctlListContext *context);

/* What a risk shows beside its fields. */
typedef enum
{
  RISK_INHERENT_SCORE,
  RISK_INHERENT_BAND,
  RISK_RESIDUAL_SCORE,
  RISK_RESIDUAL_BAND,
  RISK_ABOVE_APPETITE,
  RISK_REVIEW_OVERDUE,
  RISK_ACCEPTANCE_EXPIRED,
  RISK_INHERENT_RATING,   /* "20 Critical" */
  RISK_RESIDUAL_RATING,
  RISK_ATTENTION,         /* what makes it stand out, in words */
} RiskValue;

/* What an objective shows beside its fields: for scripts, then for people. */
typedef enum
{
  OBJECTIVE_STATUS,          /* "at_risk" */
  OBJECTIVE_LATEST_VALUE,    /* "89" */
  OBJECTIVE_LATEST_ON,
  OBJECTIVE_TREND,           /* "up" */
  OBJECTIVE_NEXT_DUE,
  OBJECTIVE_DAYS_OVERDUE,
  OBJECTIVE_STATUS_LABEL,    /* "At risk" */
  OBJECTIVE_LATEST_SHOWN,    /* "89 %" */
  OBJECTIVE_TARGET_SHOWN,    /* "100 %" */
  OBJECTIVE_TREND_SHOWN,     /* "Rising, improving" */
  OBJECTIVE_NEXT_DUE_MARKED, /* "2025-07-01 (overdue)" */
} ObjectiveValue;

struct _Column
{
  char             *name;
  AimsctlValueKind  kind;
  const AimsField  *field;
  ColumnValueFunc   value;
  /* For the record's own columns: the core's getter. */
  const char     *(*get_text)   (AimsRecord *record);
  gint64          (*get_number) (AimsRecord *record);
  /* For value_risk. */
  RiskValue         risk_value;
  /* For value_objective. */
  ObjectiveValue    objective_value;
  /* For value_computed. */
  const AimsctlComputedColumn *computed;
};

static void
column_clear (Column *column)
{
  g_free (column->name);
}

static GArray *
columns_new (void)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (Column));

  g_array_set_clear_func (columns, (GDestroyNotify) column_clear);
  return columns;
}

static Column *
columns_add (GArray           *columns,
             const char       *name,
             AimsctlValueKind  kind,
             const AimsField  *field,
             ColumnValueFunc   value)
{
  Column column = { g_strdup (name), kind, field, value, NULL, NULL, 0 };

  g_array_append_val (columns, column);
  return &g_array_index (columns, Column, columns->len - 1);
}

static AimsctlGrid *
grid_from_columns (GArray                   *columns,
                   GPtrArray                *records,
                   const AimsctlListContext *context)
{
  AimsctlGrid *grid = aimsctl_grid_new ();

  for (guint c = 0; c < columns->len; c++)
    {
      Column *column = &g_array_index (columns, Column, c);

      aimsctl_grid_add_column (grid, column->name, column->kind);
    }
  for (guint r = 0; r < records->len; r++)
    {
      AimsRecord *record = g_ptr_array_index (records, r);

      aimsctl_grid_begin_row (grid);
      for (guint c = 0; c < columns->len; c++)
        {
          Column *column = &g_array_index (columns, Column, c);

          aimsctl_grid_take_cell (grid, column->value (record, column, context));
        }
    }
  return grid;
}

/* ── Values ────────────────────────────────────────────────────────────── */

static char *
boolean_text (gboolean value)
{
  return g_strdup (value ? "true" : "false");
}

static char *
value_meta_number (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, column->get_number (record));
}

static char *
value_meta_text (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  return g_strdup (column->get_text (record));
}

static char *
value_stored (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  return g_strdup (aims_record_get (record, column->field->name));
}

/* What a person reads: a person's name, a choice's label, else the value. */
static char *
value_display (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  const AimsField *field = column->field;
  const char *stored = aims_record_get (record, field->name);
  const char *shown = NULL;

  if (stored == NULL || *stored == '\0')
    return NULL;
  if (aims_field_get_link_entity (field) != NULL || field->type == AIMS_FIELD_LEVEL)
    shown = aims_record_get_display (record, field->name);
  else if (field->type == AIMS_FIELD_CHOICE)
    shown = aims_field_choice_label (field, stored);
  return g_strdup (shown != NULL ? shown : stored);
}

/* The AI system of a risk, or that it concerns the whole organisation. */
static char *
value_system_or_organisation (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  char *shown = value_display (record, column, context);

  return shown != NULL ? shown : g_strdup (_("Organisation-wide"));
}

static char *
value_retired (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  return boolean_text (aims_system_is_retired (record));
}

static char *
value_review_overdue (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  return boolean_text (aims_system_is_review_overdue (record, context->today));
}

static char *
rating_text (const AimsRiskRating *rating)
{
  if (!rating->assessed)
    return NULL;
  /* Translators: a risk's score and band in a table, e.g. "20 Critical" */
  return g_strdup_printf (_("%u %s"), rating->score, rating->band_name);
}

static char *
attention_text (const AimsRiskScores *scores)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_null_terminated (3, NULL, TRUE);

  if (scores->above_appetite)
    g_ptr_array_add (reasons, _("above appetite"));
  if (scores->acceptance_expired)
    g_ptr_array_add (reasons, _("acceptance expired"));
  if (scores->review_overdue)
    g_ptr_array_add (reasons, _("review overdue"));
  if (reasons->len == 0)
    return NULL;
  return g_strjoinv (", ", (char **) reasons->pdata);
}

static char *
value_risk (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  AimsRiskScores scores;

  aims_risk_compute (context->matrix, record, context->today, &scores);
  switch (column->risk_value)
    {
    case RISK_INHERENT_SCORE:
      return scores.inherent.assessed ? g_strdup_printf ("%u", scores.inherent.score) : NULL;
    case RISK_INHERENT_BAND:
      return g_strdup (scores.inherent.band_name);
    case RISK_RESIDUAL_SCORE:
      return scores.residual.assessed ? g_strdup_printf ("%u", scores.residual.score) : NULL;
    case RISK_RESIDUAL_BAND:
      return g_strdup (scores.residual.band_name);
    case RISK_ABOVE_APPETITE:
      return boolean_text (scores.above_appetite);
    case RISK_REVIEW_OVERDUE:
      return boolean_text (scores.review_overdue);
    case RISK_ACCEPTANCE_EXPIRED:
      return boolean_text (scores.acceptance_expired);
    case RISK_INHERENT_RATING:
      return rating_text (&scores.inherent);
    case RISK_RESIDUAL_RATING:
      return rating_text (&scores.residual);
    case RISK_ATTENTION:
      return attention_text (&scores);
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
trend_text (const AimsObjectiveStatus *status)
{
  const char *trend = aims_trend_label (status->trend);

  if (trend != NULL && status->improving)
    /* Translators: an objective's trend in a table, e.g. "Rising, improving" */
    return g_strdup_printf (_("%s, improving"), trend);
  if (trend != NULL && status->worsening)
    /* Translators: an objective's trend in a table, e.g. "Falling, worsening" */
    return g_strdup_printf (_("%s, worsening"), trend);
  return g_strdup (trend);
}

static char *
value_objective (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  gint64 id = aims_record_get_id (record);
  GArray *series = context->objective_series != NULL ? g_hash_table_lookup (context->objective_series, &id) : NULL;
  g_autofree char *due = NULL;
  AimsObjectiveStatus status;
  double target;

  aims_objective_compute (record, series, context->today, &status);
  if (g_date_valid (&status.next_due))
    due = aims_date_format_iso (&status.next_due);
  switch (column->objective_value)
    {
    case OBJECTIVE_STATUS:
      return g_strdup (aims_objective_state_key (status.state));
    case OBJECTIVE_LATEST_VALUE:
      return status.has_latest ? aims_number_format (status.latest) : NULL;
    case OBJECTIVE_LATEST_ON:
      return status.has_latest ? aims_date_format_iso (&status.latest_date) : NULL;
    case OBJECTIVE_TREND:
      return g_strdup (aims_trend_key (status.trend));
    case OBJECTIVE_NEXT_DUE:
      return g_steal_pointer (&due);
    case OBJECTIVE_DAYS_OVERDUE:
      return g_strdup_printf ("%u", status.days_overdue);
    case OBJECTIVE_STATUS_LABEL:
      return g_strdup (aims_objective_state_label (status.state));
    case OBJECTIVE_LATEST_SHOWN:
      return status.has_latest ? aims_objective_format_value (record, status.latest) : NULL;
    case OBJECTIVE_TARGET_SHOWN:
      return aims_number_parse (aims_record_get (record, "target"), &target)
             ? aims_objective_format_value (record, target) : NULL;
    case OBJECTIVE_TREND_SHOWN:
      return trend_text (&status);
    case OBJECTIVE_NEXT_DUE_MARKED:
      if (due != NULL && status.days_overdue > 0)
        return g_strdup_printf (_("%s (overdue)"), due);
      return g_steal_pointer (&due);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_objective_column (GArray           *columns,
                      const char       *name,
                      AimsctlValueKind  kind,
                      ObjectiveValue    value)
{
  columns_add (columns, name, kind, NULL, value_objective)->objective_value = value;
}

static char *
value_computed (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  return column->computed->value (record, context);
}

/* The computed columns an entity declares in its own file, or NULL. */
static const AimsctlComputedColumn *
computed_columns (const AimsEntity *entity)
{
  const AimsctlComputedColumn *columns = aimsctl_nc_computed_columns (entity);

  return columns != NULL ? columns : aimsctl_assessment_computed_columns (entity);
}

/* The computed column of entity named name ("+name" in a table), or NULL. */
static const AimsctlComputedColumn *
find_computed (const AimsEntity *entity,
               const char       *name)
{
  for (const AimsctlComputedColumn *c = computed_columns (entity); c != NULL && c->name != NULL; c++)
    if (g_str_equal (c->name, name))
      return c;
  return NULL;
}

static gboolean
is_systems (const AimsEntity *entity)
{
  return entity == aims_entity_systems ();
}

static gboolean
is_risks (const AimsEntity *entity)
{
  return entity == aims_entity_risks ();
}

static gboolean
review_overdue (AimsRecord               *record,
                const AimsctlListContext *context)
{
  AimsRiskScores scores;

  if (!is_risks (aims_record_get_entity (record)))
    return aims_system_is_review_overdue (record, context->today);
  aims_risk_compute (context->matrix, record, context->today, &scores);
  return scores.review_overdue;
}

/* The next review date, marked when overdue. */
static char *
value_review_marked (AimsRecord *record, const Column *column, const AimsctlListContext *context)
{
  g_autofree char *date = value_stored (record, column, context);

  if (date != NULL && review_overdue (record, context))
    /* Translators: a date in a table, e.g. "2024-03-01 (overdue)" */
    return g_strdup_printf (_("%s (overdue)"), date);
  return g_steal_pointer (&date);
}

/* ── Column sets ───────────────────────────────────────────────────────── */

/* The record's own columns, first in every script's output. */
static const struct
{
  const char *name;
  gint64    (*get) (AimsRecord *record);
} meta_numbers[] = {
  { "id", aims_record_get_id },
  { "row_version", aims_record_get_row_version },
};

static const struct
{
  const char  *name;
  const char *(*get) (AimsRecord *record);
} meta_texts[] = {
  { "reference", aims_record_get_reference },
  { "created_at", aims_record_get_created_at },
  { "created_by", aims_record_get_created_by },
  { "updated_at", aims_record_get_updated_at },
  { "updated_by", aims_record_get_updated_by },
};

static void
add_meta_text (GArray      *columns,
               const char  *name,
               const char *(*get) (AimsRecord *record))
{
  columns_add (columns, name, AIMSCTL_VALUE_TEXT, NULL, value_meta_text)->get_text = get;
}

/* owner_id → owner_name */
static char *
link_name_column (const AimsField *field)
{
  if (g_str_has_suffix (field->name, "_id"))
    return g_strdup_printf ("%.*s_name", (int) strlen (field->name) - 3, field->name);
  return g_strdup_printf ("%s_name", field->name);
}

static void
add_risk_column (GArray           *columns,
                 const char       *name,
                 AimsctlValueKind  kind,
                 RiskValue         value)
{
  columns_add (columns, name, kind, NULL, value_risk)->risk_value = value;
}

/* Stored type → how scripts read it. */
static AimsctlValueKind
field_kind (const AimsField *field)
{
  if (aims_field_get_link_entity (field) != NULL || field->type == AIMS_FIELD_LEVEL ||
      field->type == AIMS_FIELD_NUMBER)
    return AIMSCTL_VALUE_NUMBER;
  return AIMSCTL_VALUE_TEXT;
}

AimsctlGrid *
aimsctl_grid_for_scripts (const AimsEntity         *entity,
                          GPtrArray                *records,
                          const AimsctlListContext *context)
{
  g_autoptr(GArray) columns = columns_new ();

  for (guint i = 0; i < G_N_ELEMENTS (meta_numbers); i++)
    columns_add (columns, meta_numbers[i].name, AIMSCTL_VALUE_NUMBER, NULL,
                 value_meta_number)->get_number = meta_numbers[i].get;
  for (guint i = 0; i < G_N_ELEMENTS (meta_texts); i++)
    add_meta_text (columns, meta_texts[i].name, meta_texts[i].get);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const AimsField *field = &entity->fields[i];

      columns_add (columns, field->name, field_kind (field), field, value_stored);
    }

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const AimsField *field = &entity->fields[i];
      g_autofree char *name = NULL;

      if (aims_field_get_link_entity (field) != NULL)
        name = link_name_column (field);
      else if (field->type == AIMS_FIELD_CHOICE || field->type == AIMS_FIELD_LEVEL)
        name = g_strdup_printf ("%s_label", field->name);
      else
        continue;
      columns_add (columns, name, AIMSCTL_VALUE_TEXT, field, value_display);
    }

  if (is_systems (entity))
    {
      columns_add (columns, "retired", AIMSCTL_VALUE_BOOLEAN, NULL, value_retired);
      columns_add (columns, "review_overdue", AIMSCTL_VALUE_BOOLEAN, NULL, value_review_overdue);
    }
  if (is_risks (entity))
    {
      g_return_val_if_fail (context->matrix != NULL, NULL);
      add_risk_column (columns, "inherent_score", AIMSCTL_VALUE_NUMBER, RISK_INHERENT_SCORE);
      add_risk_column (columns, "inherent_band", AIMSCTL_VALUE_TEXT, RISK_INHERENT_BAND);
      add_risk_column (columns, "residual_score", AIMSCTL_VALUE_NUMBER, RISK_RESIDUAL_SCORE);
      add_risk_column (columns, "residual_band", AIMSCTL_VALUE_TEXT, RISK_RESIDUAL_BAND);
      add_risk_column (columns, "above_appetite", AIMSCTL_VALUE_BOOLEAN, RISK_ABOVE_APPETITE);
      add_risk_column (columns, "review_overdue", AIMSCTL_VALUE_BOOLEAN, RISK_REVIEW_OVERDUE);
      add_risk_column (columns, "acceptance_expired", AIMSCTL_VALUE_BOOLEAN, RISK_ACCEPTANCE_EXPIRED);
    }
  if (entity == aims_entity_objectives ())
    {
      add_objective_column (columns, "status", AIMSCTL_VALUE_TEXT, OBJECTIVE_STATUS);
      add_objective_column (columns, "latest_value", AIMSCTL_VALUE_NUMBER, OBJECTIVE_LATEST_VALUE);
      add_objective_column (columns, "latest_on", AIMSCTL_VALUE_TEXT, OBJECTIVE_LATEST_ON);
      add_objective_column (columns, "trend", AIMSCTL_VALUE_TEXT, OBJECTIVE_TREND);
      add_objective_column (columns, "next_due", AIMSCTL_VALUE_TEXT, OBJECTIVE_NEXT_DUE);
      add_objective_column (columns, "days_overdue", AIMSCTL_VALUE_NUMBER, OBJECTIVE_DAYS_OVERDUE);
    }
  for (const AimsctlComputedColumn *c = computed_columns (entity); c != NULL && c->name != NULL; c++)
    if (!c->people_only)
      columns_add (columns, c->name, c->kind, NULL, value_computed)->computed = c;

  return grid_from_columns (columns, records, context);
}

static const char *const systems_table[] = {
  "name", "owner_id", "lifecycle_stage", "sourcing", "eu_ai_act_class",
  "criticality", "next_review_date", NULL
};

static const char *const people_table[] = { "name", "role", "email", NULL };

static const char *const controls_table[] = {
  "title", "soa_status", "owner_id", "review_date", "linked_risks", NULL
};

static const char *const clauses_table[] = { "title", "status", NULL };

/* Computed columns of the objectives table start with "=objective.". */
static const char *const objectives_table[] = {
  "title", "owner_id", "=objective.status", "=objective.latest", "=objective.target",
  "=objective.trend", "=objective.next_due", NULL
};

static const char *const measurements_table[] = { "objective_id", "measured_on", "value", "note", NULL };
static const char *const reviews_table[] = { "title", "held_on", "status", "closed_by", NULL };

static void
add_objective_table_column (GArray     *columns,
                            const char *name)
{
  static const struct
  {
    const char     *name;
    const char     *title;  /* N_() */
    ObjectiveValue  value;
  } computed[] = {
    { "=objective.status", N_("Status"), OBJECTIVE_STATUS_LABEL },
    { "=objective.latest", N_("Latest"), OBJECTIVE_LATEST_SHOWN },
    { "=objective.target", N_("Target"), OBJECTIVE_TARGET_SHOWN },
    { "=objective.trend", N_("Trend"), OBJECTIVE_TREND_SHOWN },
    { "=objective.next_due", N_("Next due"), OBJECTIVE_NEXT_DUE_MARKED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (computed); i++)
    if (g_str_equal (computed[i].name, name))
      add_objective_column (columns, _(computed[i].title), AIMSCTL_VALUE_TEXT, computed[i].value);
}

/* Computed columns of the risks table have names of their own. */
static const char *const risks_table[] = {
  "title", "ai_system_id", "source_category", "owner_id", "=inherent", "treatment",
  "=residual", "status", "next_review_date", "=attention", NULL
};

static void
add_risk_table_column (GArray     *columns,
                       const char *name)
{
  if (g_str_equal (name, "=inherent"))
    add_risk_column (columns, _("Inherent"), AIMSCTL_VALUE_TEXT, RISK_INHERENT_RATING);
  else if (g_str_equal (name, "=residual"))
    add_risk_column (columns, _("Residual"), AIMSCTL_VALUE_TEXT, RISK_RESIDUAL_RATING);
  else
    add_risk_column (columns, _("Attention"), AIMSCTL_VALUE_TEXT, RISK_ATTENTION);
}

AimsctlGrid *
aimsctl_grid_for_people (const AimsEntity         *entity,
                         GPtrArray                *records,
                         const AimsctlListContext *context)
{
  g_autoptr(GArray) columns = columns_new ();
  const char *title_only[] = { entity->title_field, NULL };
  const char *const *names = title_only;

  if (is_systems (entity))
    names = systems_table;
  else if (is_risks (entity))
    names = risks_table;
  else if (entity == aims_entity_people ())
    names = people_table;
  else if (entity == aims_entity_controls ())
    names = controls_table;
  else if (entity == aims_entity_clauses ())
    names = clauses_table;
  else if (entity == aims_entity_objectives ())
    names = objectives_table;
  else if (entity == aims_entity_measurements ())
    names = measurements_table;
  else if (entity == aims_entity_reviews ())
    names = reviews_table;
  else if (aimsctl_nc_table_columns (entity) != NULL)
    names = aimsctl_nc_table_columns (entity);
  else if (aimsctl_assessment_table_columns (entity) != NULL)
    names = aimsctl_assessment_table_columns (entity);

  add_meta_text (columns, _("Reference"), aims_record_get_reference);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const AimsField *field;
      ColumnValueFunc value = value_display;

      if (g_str_has_prefix (names[i], "=objective."))
        {
          add_objective_table_column (columns, names[i]);
          continue;
        }
      if (names[i][0] == '=')
        {
          add_risk_table_column (columns, names[i]);
          continue;
        }
      if (names[i][0] == '+')
        {
          const AimsctlComputedColumn *computed = find_computed (entity, names[i] + 1);

          g_return_val_if_fail (computed != NULL, NULL);
          columns_add (columns, _(computed->label), computed->kind, NULL, value_computed)->computed = computed;
          continue;
        }
      field = aims_entity_find_field (entity, names[i]);
      g_return_val_if_fail (field != NULL, NULL);
      if (g_str_equal (names[i], "next_review_date"))
        value = value_review_marked;
      else if (g_str_equal (names[i], "ai_system_id"))
        value = value_system_or_organisation;
      columns_add (columns, _(field->label), AIMSCTL_VALUE_TEXT, field, value);
    }

  return grid_from_columns (columns, records, context);
}
