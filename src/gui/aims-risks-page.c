/* aims-risks-page.c — the AI risk register
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-control-links-row.h"
#include "aims-link-chooser.h"
#include "aims-risk-rating-row.h"
#include "aims-risks-page.h"

struct _AimsRisksPage
{
  AimsRecordPage   parent_instance;

  /* Template widgets */
  AdwHeaderBar    *header_bar;
  AdwWindowTitle  *window_title;
  GtkWidget       *back_button;
  AimsRecordList  *record_list;
  GtkDropDown     *system_dropdown;
  GtkDropDown     *owner_dropdown;
  GtkDropDown     *category_dropdown;
  GtkDropDown     *band_dropdown;
  GtkDropDown     *treatment_dropdown;
  GtkDropDown     *status_dropdown;
  GtkDropDown     *attention_dropdown;
  AimsRiskHeatmap *heatmap;
  GtkToggleButton *inherent_toggle;
  GtkToggleButton *residual_toggle;
  GtkToggleButton *both_toggle;
  GtkWidget       *heatmap_hint;
  GtkWidget       *clear_cell_button;

  GArray          *system_ids;      /* gint64 per system_dropdown item */
  GArray          *owner_ids;       /* gint64 per owner_dropdown item */
  char            *band_names;      /* the bands band_dropdown was made of */
  AimsRiskFilter   filter;
  guint            heatmap_idle_id;
  gboolean         updating_filters;

  GtkWidget       *inherent_rating;
  GtkWidget       *residual_rating;
  GtkWidget       *control_links;
};

G_DEFINE_FINAL_TYPE (AimsRisksPage, aims_risks_page, AIMS_TYPE_RECORD_PAGE)

static const AimsField *
risks_field (const char *name)
{
  return aims_entity_find_field (aims_entity_risks (), name);
}

static AimsContext *
get_context (AimsRisksPage *self)
{
  return aims_record_page_get_context (AIMS_RECORD_PAGE (self));
}

static const AimsRiskMatrix *
get_matrix (AimsRisksPage *self)
{
  return aims_context_get_risk_matrix (get_context (self));
}

/* ── The table's computed columns ────────────────────────────────────── */

static void
scores_of (AimsRisksPage  *self,
           AimsRecord     *risk,
           AimsRiskScores *scores)
{
  g_autoptr(GDate) today = aims_date_today ();

  aims_risk_compute (get_matrix (self), risk, today, scores);
}

static char *
rating_text (const AimsRiskRating *rating)
{
  if (!rating->assessed)
    return g_strdup ("");
  /* Translators: a score and its band in the risk table, "12 High" */
  return g_strdup_printf (_("%u %s"), rating->score, rating->band_name);
}

static char *
inherent_text (AimsRecord *risk,
               gpointer    data)
{
  AimsRiskScores scores;

  scores_of (data, risk, &scores);
  return rating_text (&scores.inherent);
}

static const char *
inherent_colour (AimsRecord *risk,
                 gpointer    data)
{
  AimsRiskScores scores;

  scores_of (data, risk, &scores);
  return scores.inherent.assessed ? scores.inherent.colour : NULL;
}

static char *
residual_text (AimsRecord *risk,
               gpointer    data)
{
  AimsRiskScores scores;

  scores_of (data, risk, &scores);
  return rating_text (&scores.residual);
}

static const char *
residual_colour (AimsRecord *risk,
                 gpointer    data)
{
  AimsRiskScores scores;

  scores_of (data, risk, &scores);
  return scores.residual.assessed ? scores.residual.colour : NULL;
}

/* Where the risk stands now (residual once assessed) is what the appetite
 * is about; the warning sits on that column. */
static char *
inherent_warning (AimsRecord *risk,
                  gpointer    data)
{
  AimsRiskScores scores;

  scores_of (data, risk, &scores);
  if (scores.current == &scores.inherent && scores.above_appetite && !aims_risk_is_closed (risk))
    return g_strdup (_("Above the risk appetite, and no residual risk assessed"));
  return NULL;
}

static char *
residual_warning (AimsRecord *risk,
                  gpointer    data)
{
  AimsRiskScores scores;

  scores_of (data, risk, &scores);
  if (scores.current == &scores.residual && scores.above_appetite && !aims_risk_is_closed (risk))
    return g_strdup (_("Above the risk appetite"));
  return NULL;
}

static int
compare_ratings (const AimsRiskRating *a,
                 const AimsRiskRating *b)
{
  /* Unassessed risks last, as unset fields are elsewhere. */
  if (a->assessed != b->assessed)
    return a->assessed ? -1 : 1;
  return (a->score > b->score) - (a->score < b->score);
}

/* Sorting compares often: the levels alone, without the dates. */
static int
compare_view (AimsRisksPage *self,
              AimsRecord    *a,
              AimsRecord    *b,
              gboolean       residual)
{
  const AimsRiskMatrix *matrix = get_matrix (self);
  AimsRiskRating ra, rb;

  aims_risk_rate (matrix, a, residual, &ra);
  aims_risk_rate (matrix, b, residual, &rb);
  return compare_ratings (&ra, &rb);
}

static int
compare_inherent (AimsRecord *a,
                  AimsRecord *b,
                  gpointer    data)
{
  return compare_view (data, a, b, FALSE);
}

static int
compare_residual (AimsRecord *a,
                  AimsRecord *b,
                  gpointer    data)
{
  return compare_view (data, a, b, TRUE);
}

static char *
system_text (AimsRecord *risk,
             gpointer    data)
{
  if (aims_record_get (risk, "ai_system_id") == NULL)
    return g_strdup (_("Organisation-wide"));
  return NULL;
}

static char *
status_warning (AimsRecord *risk,
                gpointer    data)
{
  AimsRiskScores scores;

  scores_of (data, risk, &scores);
  if (scores.acceptance_expired)
    return g_strdup (_("The acceptance has expired: decide again"));
  return NULL;
}

static char *
review_warning (AimsRecord *risk,
                gpointer    data)
{
  AimsRiskScores scores;

  scores_of (data, risk, &scores);
  if (scores.review_overdue)
    return g_strdup (_("Review overdue"));
  return NULL;
}

static void
add_columns (AimsRisksPage *self)
{
  static const AimsRecordColumnFuncs system = { .text = system_text };
  static const AimsRecordColumnFuncs inherent = {
    .text = inherent_text, .swatch = inherent_colour, .warning = inherent_warning,
    .compare = compare_inherent,
  };
  static const AimsRecordColumnFuncs residual = {
    .text = residual_text, .swatch = residual_colour, .warning = residual_warning,
    .compare = compare_residual,
  };
  static const AimsRecordColumnFuncs status = { .warning = status_warning };
  static const AimsRecordColumnFuncs review = { .warning = review_warning };
  AimsRecordList *list = self->record_list;

  /* What a risk owner scans for comes first; the rest scrolls. */
  aims_record_list_add_column (list, NULL, _("Reference"), 80, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "title", _("Title"), 170, AIMS_RECORD_COLUMN_EXPAND);
  aims_record_list_add_custom_column (list, "ai_system_id", _("AI system"), 140,
                                      AIMS_RECORD_COLUMN_DEFAULT, &system, self);
  aims_record_list_add_custom_column (list, NULL, _("Inherent"), 125,
                                      AIMS_RECORD_COLUMN_DEFAULT, &inherent, self);
  aims_record_list_add_column (list, "treatment", _("Treatment"), 90, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_custom_column (list, NULL, _("Residual"), 125,
                                      AIMS_RECORD_COLUMN_DEFAULT, &residual, self);
  aims_record_list_add_custom_column (list, "status", _("Status"), 130,
                                      AIMS_RECORD_COLUMN_DEFAULT, &status, self);
  aims_record_list_add_custom_column (list, "next_review_date", _("Next review"), 120,
                                      AIMS_RECORD_COLUMN_DEFAULT, &review, self);
  aims_record_list_add_column (list, "owner_id", _("Owner"), 140, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "source_category", _("Source"), 130, AIMS_RECORD_COLUMN_DEFAULT);
}

/* ── Filters and the heatmap ─────────────────────────────────────────── */

static gboolean
match_cb (AimsRecord *risk,
          gpointer    data)
{
  AimsRisksPage *self = data;

  return aims_risk_filter_matches (&self->filter, get_matrix (self), risk);
}

static GPtrArray *
all_risks (AimsRisksPage *self)
{
  GListModel *records = aims_record_list_get_records (self->record_list);
  guint n = g_list_model_get_n_items (records);
  GPtrArray *risks = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (risks, g_list_model_get_item (records, i));
  return risks;
}

static gboolean
update_heatmap_cb (gpointer data)
{
  AimsRisksPage *self = data;
  g_autoptr(GPtrArray) risks = all_risks (self);

  self->heatmap_idle_id = 0;
  /* The heatmap follows the table's system, owner and source. */
  aims_risk_heatmap_set_risks (self->heatmap, get_matrix (self), risks, &self->filter.scope);
  aims_risk_heatmap_set_selected (self->heatmap, self->filter.cell_residual,
                                  self->filter.cell_likelihood, self->filter.cell_impact);
  return G_SOURCE_REMOVE;
}

/* Once per burst of changes: a reload replaces many records at once. */
static void
queue_heatmap_update (AimsRisksPage *self)
{
  if (self->heatmap_idle_id == 0)
    self->heatmap_idle_id = g_idle_add (update_heatmap_cb, self);
}

static gint64
dropdown_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

static void
update_cell_hint (AimsRisksPage *self)
{
  gboolean cell = self->filter.cell_likelihood != 0;

  gtk_widget_set_visible (self->clear_cell_button, cell);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.clear-cell", cell);
  if (cell)
    {
      const AimsRiskMatrix *matrix = get_matrix (self);
      g_autofree char *hint = NULL;

      /* Translators: above the heatmap while the table shows one cell,
       * "Residual risk: likelihood Likely, impact Severe" */
      hint = g_strdup_printf (_("%s: likelihood %s, impact %s"),
                              self->filter.cell_residual ? _("Residual risk") : _("Inherent risk"),
                              aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_LIKELIHOOD,
                                                            self->filter.cell_likelihood),
                              aims_risk_matrix_level_label (matrix, AIMS_RISK_AXIS_IMPACT,
                                                            self->filter.cell_impact));
      gtk_label_set_label (GTK_LABEL (self->heatmap_hint), hint);
    }
  else
    gtk_label_set_label (GTK_LABEL (self->heatmap_hint), _("Click a cell to list its risks"));
}

static void
filter_changed_cb (AimsRisksPage *self)
{
  guint band;

  if (self->updating_filters)
    return;

  self->filter.scope.ai_system_id = dropdown_id (self->system_dropdown, self->system_ids);
  self->filter.scope.owner_id = dropdown_id (self->owner_dropdown, self->owner_ids);
  self->filter.scope.source_category = aims_choice_filter_key (self->category_dropdown,
                                                               risks_field ("source_category"));
  self->filter.treatment = aims_choice_filter_key (self->treatment_dropdown, risks_field ("treatment"));
  self->filter.status = aims_choice_filter_key (self->status_dropdown, risks_field ("status"));
  /* The dropdown lists AimsRiskAttention in its order. */
  self->filter.attention = gtk_drop_down_get_selected (self->attention_dropdown) != GTK_INVALID_LIST_POSITION
                           ? (AimsRiskAttention) gtk_drop_down_get_selected (self->attention_dropdown)
                           : AIMS_RISK_ATTENTION_ANY;
  band = gtk_drop_down_get_selected (self->band_dropdown);
  self->filter.band = band == 0 || band == GTK_INVALID_LIST_POSITION ? -1 : (int) band - 1;

  update_cell_hint (self);
  aims_record_list_refilter (self->record_list);
  queue_heatmap_update (self);
}

/* "All …" then one entry per record, keeping the record chosen before when
 * it is still there. */
static void
fill_record_dropdown (AimsRisksPage    *self,
                      GtkDropDown      *dropdown,
                      GArray           *ids,
                      const AimsEntity *entity,
                      const char       *all_label,
                      const char       *extra_label,
                      gint64            extra_id)
{
  AimsDb *db = aims_context_get_db (get_context (self));
  gint64 chosen = dropdown_id (dropdown, ids);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  guint position = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (labels, all_label);
  g_array_append_val (ids, (gint64) { 0 });
  if (extra_label != NULL)
    {
      gtk_string_list_append (labels, extra_label);
      g_array_append_val (ids, extra_id);
    }

  if (db != NULL)
    records = aims_store_list (db, entity, NULL);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      AimsRecord *record = g_ptr_array_index (records, i);
      gint64 id = aims_record_get_id (record);

      gtk_string_list_append (labels, aims_record_get_title (record));
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == chosen)
      position = i;

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, position);
}

/* The band filter lists the matrix's bands; made again when they change. */
static void
fill_band_dropdown (AimsRisksPage *self)
{
  const AimsRiskMatrix *matrix = get_matrix (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->band_dropdown);

  gtk_string_list_append (labels, _("All bands"));
  for (guint i = 0; i < matrix->bands->len; i++)
    {
      const AimsRiskBand *band = aims_risk_matrix_get_band (matrix, i);

      gtk_string_list_append (labels, band->name);
      g_string_append_printf (names, "%s\n", band->name);
    }
  if (g_strcmp0 (names->str, self->band_names) == 0)
    return;

  g_free (self->band_names);
  self->band_names = g_strdup (names->str);
  gtk_drop_down_set_model (self->band_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->band_dropdown,
                              selected < g_list_model_get_n_items (G_LIST_MODEL (labels)) ? selected : 0);
}

static void
reload_filters (AimsRisksPage *self)
{
  self->updating_filters = TRUE;
  fill_record_dropdown (self, self->system_dropdown, self->system_ids, aims_entity_systems (),
                        _("All AI systems"), _("Organisation-wide"), AIMS_HEATMAP_ORGANISATION_WIDE);
  fill_record_dropdown (self, self->owner_dropdown, self->owner_ids, aims_entity_people (),
                        _("All owners"), NULL, 0);
  fill_band_dropdown (self);
  self->updating_filters = FALSE;
  filter_changed_cb (self);
}

void
aims_risks_page_toggle_cell (AimsRisksPage *self,
                             gboolean       residual,
                             guint          likelihood,
                             guint          impact)
{
  g_return_if_fail (AIMS_IS_RISKS_PAGE (self));

  if (self->filter.cell_likelihood == likelihood && self->filter.cell_impact == impact &&
      self->filter.cell_residual == !!residual)
    likelihood = impact = 0;

  self->filter.cell_residual = !!residual;
  self->filter.cell_likelihood = likelihood;
  self->filter.cell_impact = impact;
  filter_changed_cb (self);
}

static void
cell_activated_cb (AimsRisksPage *self,
                   gboolean       residual,
                   guint          likelihood,
                   guint          impact)
{
  aims_risks_page_toggle_cell (self, residual, likelihood, impact);
}

static void
clear_cell_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AimsRisksPage *self = AIMS_RISKS_PAGE (widget);

  aims_risks_page_toggle_cell (self, self->filter.cell_residual,
                               self->filter.cell_likelihood, self->filter.cell_impact);
}

static void
view_toggled_cb (AimsRisksPage *self)
{
  AimsHeatmapView view = AIMS_HEATMAP_INHERENT;

  if (gtk_toggle_button_get_active (self->residual_toggle))
    view = AIMS_HEATMAP_RESIDUAL;
  else if (gtk_toggle_button_get_active (self->both_toggle))
    view = AIMS_HEATMAP_BOTH;
  aims_risk_heatmap_set_view (self->heatmap, view);
  aims_risk_heatmap_set_selected (self->heatmap, self->filter.cell_residual,
                                  self->filter.cell_likelihood, self->filter.cell_impact);
}

/* ── The editor's score rows ─────────────────────────────────────────── */

static guint
editor_level (AimsRecordEditor *editor,
              const char       *field)
{
  g_autofree char *text = aims_record_editor_dup_field_text (editor, field);

  return (guint) g_ascii_strtoull (text, NULL, 10);
}

static void
update_control_links (AimsRisksPage *self)
{
  AimsRecord *risk = aims_record_editor_get_record (aims_record_list_get_editor (self->record_list));

  aims_control_links_row_set_risk (AIMS_CONTROL_LINKS_ROW (self->control_links),
                                   risk != NULL ? aims_record_get_id (risk) : 0);
}

static void
update_ratings (AimsRisksPage *self)
{
  AimsRecordEditor *editor = aims_record_list_get_editor (self->record_list);
  const AimsRiskMatrix *matrix = get_matrix (self);

  aims_risk_rating_row_update (self->inherent_rating, matrix,
                               editor_level (editor, "inherent_likelihood"),
                               editor_level (editor, "inherent_impact"));
  aims_risk_rating_row_update (self->residual_rating, matrix,
                               editor_level (editor, "residual_likelihood"),
                               editor_level (editor, "residual_impact"));
}

/* ── New risk ────────────────────────────────────────────────────────── */

typedef struct
{
  AimsRisksPage *page;
  GtkWidget     *dialog;
  GtkWidget     *title_row;
  GtkWidget     *system_row;
  GtkWidget     *owner_row;
} NewRisk;

static void
new_risk_free (gpointer  data,
               GClosure *closure)
{
  NewRisk *add = data;

  g_clear_object (&add->page);
  g_free (add);
}

static void
new_risk_validate (NewRisk *add)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (add->title_row))));
  const char *owner = aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (add->owner_row));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (add->dialog), "add",
                                           *title != '\0' && owner != NULL);
}

/* The system's owner is the usual owner of its risks. */
static void
new_risk_system_changed_cb (NewRisk *add)
{
  AimsDb *db = aims_context_get_db (get_context (add->page));
  const char *system_id = aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (add->system_row));
  g_autoptr(AimsRecord) system = NULL;
  const char *owner;

  if (db != NULL && system_id != NULL)
    system = aims_store_load (db, aims_entity_systems (), g_ascii_strtoll (system_id, NULL, 10), NULL);
  owner = system != NULL ? aims_record_get (system, "owner_id") : NULL;
  if (owner != NULL && aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (add->owner_row)) == NULL)
    aims_link_chooser_set_record (AIMS_LINK_CHOOSER (add->owner_row), owner,
                                  aims_record_get_display (system, "owner_id"));
  new_risk_validate (add);
}

static void
new_risk_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      NewRisk          *add)
{
  AimsRisksPage *self = add->page;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *system_id;

  if (g_strcmp0 (response, "add") != 0)
    return;

  values = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (values, (gpointer) "title",
                       (gpointer) gtk_editable_get_text (GTK_EDITABLE (add->title_row)));
  g_hash_table_insert (values, (gpointer) "owner_id",
                       (gpointer) aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (add->owner_row)));
  g_hash_table_insert (values, (gpointer) "status", (gpointer) "identified");
  system_id = aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (add->system_row));
  if (system_id != NULL)
    g_hash_table_insert (values, (gpointer) "ai_system_id", (gpointer) system_id);

  /* So that the new risk is in view. */
  aims_record_list_clear_search (self->record_list);
  aims_risk_filter_init (&self->filter);
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->system_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->band_dropdown, 0);
  gtk_drop_down_set_selected (self->treatment_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->attention_dropdown, 0);
  self->updating_filters = FALSE;
  filter_changed_cb (self);

  record = aims_record_list_insert (self->record_list, values, &error);
  if (record == NULL)
    aims_record_list_show_error (self->record_list, _("Could Not Add the Risk"), error->message);
  else
    aims_record_page_toast (AIMS_RECORD_PAGE (self), _("Added %s"), aims_record_get_reference (record));
}

void
aims_risks_page_new_risk (AimsRisksPage *self,
                          gint64         system_id)
{
  AimsContext *context;
  GtkRoot *root;
  GtkWidget *group;
  NewRisk *add;

  g_return_if_fail (AIMS_IS_RISKS_PAGE (self));

  context = get_context (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  add = g_new0 (NewRisk, 1);
  add->page = g_object_ref (self);
  add->dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        _("New Risk"),
                                        _("Name the risk and who owns it; assess and treat it in the editor."));

  /* The responses first: choosing the system below enables Add. */
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (add->dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (add->dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (add->dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (add->dialog), "cancel");

  group = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");

  add->title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->title_row), _("Title"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (add->title_row), TRUE);
  g_signal_connect_swapped (add->title_row, "changed", G_CALLBACK (new_risk_validate), add);
  gtk_list_box_append (GTK_LIST_BOX (group), add->title_row);

  add->system_row = aims_link_chooser_new (context, aims_entity_systems (), _("Organisation-wide"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->system_row), _("AI system"));
  gtk_list_box_append (GTK_LIST_BOX (group), add->system_row);

  add->owner_row = aims_link_chooser_new (context, aims_entity_people (), NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->owner_row), _("Owner"));
  g_signal_connect_swapped (add->owner_row, "notify::record-id", G_CALLBACK (new_risk_validate), add);
  gtk_list_box_append (GTK_LIST_BOX (group), add->owner_row);

  if (system_id > 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, system_id);

      aims_link_chooser_set_record (AIMS_LINK_CHOOSER (add->system_row), id, NULL);
      new_risk_system_changed_cb (add);
    }
  g_signal_connect_swapped (add->system_row, "notify::record-id",
                            G_CALLBACK (new_risk_system_changed_cb), add);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (add->dialog), group);

  new_risk_validate (add);
  g_signal_connect_data (add->dialog, "response", G_CALLBACK (new_risk_response_cb),
                         add, new_risk_free, 0);
  gtk_window_present (GTK_WINDOW (add->dialog));
  gtk_widget_grab_focus (add->title_row);
}

/* ── Header and actions ──────────────────────────────────────────────── */

static char *
format_count (AimsRecordPage *page,
              guint           shown,
              guint           total)
{
  if (shown == total)
    return g_strdup_printf (ngettext ("%u risk", "%u risks", total), total);
  /* Translators: "3 of 12 risks", when a search or a filter hides some */
  return g_strdup_printf (ngettext ("%u of %u risk", "%u of %u risks", total), shown, total);
}

static void
update_actions (AimsRisksPage *self)
{
  AimsDb *db = aims_context_get_db (get_context (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", db != NULL && !aims_db_is_read_only (db));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AimsRisksPage *self = AIMS_RISKS_PAGE (widget);
  gint64 system_id = self->filter.scope.ai_system_id;

  /* A register filtered to one system adds to that system. */
  aims_risks_page_new_risk (self, system_id > 0 ? system_id : 0);
}

static void
select_id (GtkDropDown *dropdown,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      gtk_drop_down_set_selected (dropdown, i);
}

/* "page.filter": what the dashboard's tiles open, "band=High;attention=review_overdue".
 * Every filter not named is cleared. */
static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const char *const attentions[] = { "", "above_appetite", "review_overdue", "acceptance_expired", NULL };
  AimsRisksPage *self = AIMS_RISKS_PAGE (widget);
  g_auto(GStrv) terms = g_strsplit (g_variant_get_string (parameter, NULL), ";", -1);
  const AimsRiskMatrix *matrix = get_matrix (self);

  self->updating_filters = TRUE;
  aims_record_list_clear_search (self->record_list);
  gtk_drop_down_set_selected (self->system_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->band_dropdown, 0);
  gtk_drop_down_set_selected (self->treatment_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->attention_dropdown, 0);
  self->filter.cell_likelihood = self->filter.cell_impact = 0;

  for (guint t = 0; terms[t] != NULL; t++)
    {
      g_auto(GStrv) pair = g_strsplit (terms[t], "=", 2);
      const char *key = pair[0], *value = pair[1];

      if (value == NULL)
        continue;
      if (g_str_equal (key, "system"))
        select_id (self->system_dropdown, self->system_ids,
                   g_str_equal (value, "organisation") ? AIMS_HEATMAP_ORGANISATION_WIDE
                                                       : g_ascii_strtoll (value, NULL, 10));
      else if (g_str_equal (key, "owner"))
        select_id (self->owner_dropdown, self->owner_ids, g_ascii_strtoll (value, NULL, 10));
      else if (g_str_equal (key, "source"))
        aims_choice_filter_select (self->category_dropdown, risks_field ("source_category"), value);
      else if (g_str_equal (key, "treatment"))
        aims_choice_filter_select (self->treatment_dropdown, risks_field ("treatment"), value);
      else if (g_str_equal (key, "status"))
        aims_choice_filter_select (self->status_dropdown, risks_field ("status"), value);
      else if (g_str_equal (key, "band"))
        for (guint b = 0; b < matrix->bands->len; b++)
          {
            if (g_str_equal (aims_risk_matrix_get_band (matrix, b)->name, value))
              gtk_drop_down_set_selected (self->band_dropdown, b + 1);
          }
      else if (g_str_equal (key, "attention"))
        for (guint a = 1; attentions[a] != NULL; a++)
          {
            if (g_str_equal (attentions[a], value))
              gtk_drop_down_set_selected (self->attention_dropdown, a);
          }
      else if (g_str_equal (key, "cell"))
        {
          g_auto(GStrv) cell = g_strsplit (value, ":", 3);

          if (g_strv_length (cell) == 3)
            {
              self->filter.cell_residual = g_str_equal (cell[0], "residual");
              self->filter.cell_likelihood = (guint) g_ascii_strtoull (cell[1], NULL, 10);
              self->filter.cell_impact = (guint) g_ascii_strtoull (cell[2], NULL, 10);
            }
        }
    }
  self->updating_filters = FALSE;
  filter_changed_cb (self);
}

static void
data_changed_cb (AimsRisksPage *self)
{
  reload_filters (self);
  update_ratings (self);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_risks_page_constructed (GObject *object)
{
  AimsRisksPage *self = AIMS_RISKS_PAGE (object);
  AimsRecordList *list = self->record_list;
  AimsContext *context = get_context (self);
  AimsRecordEditor *editor;
  g_autoptr(GListModel) categories = NULL;
  g_autoptr(GListModel) treatments = NULL;
  g_autoptr(GListModel) statuses = NULL;

  G_OBJECT_CLASS (aims_risks_page_parent_class)->constructed (object);

  self->updating_filters = TRUE;
  categories = aims_choice_filter_model (risks_field ("source_category"), _("All sources"));
  gtk_drop_down_set_model (self->category_dropdown, categories);
  treatments = aims_choice_filter_model (risks_field ("treatment"), _("All treatments"));
  gtk_drop_down_set_model (self->treatment_dropdown, treatments);
  statuses = aims_choice_filter_model (risks_field ("status"), _("All statuses"));
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  self->updating_filters = FALSE;

  aims_record_list_setup (list, context, aims_entity_risks ());
  aims_record_list_set_match_func (list, match_cb, self);
  add_columns (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (aims_record_list_get_column_view (list)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risks"),
                                  -1);
  aims_record_list_set_empty_texts (list, "dialog-warning-symbolic",
                                    _("No Risks"),
                                    _("Record what could go wrong with the AI systems, and how it is treated."),
                                    _("No risk matches the search and filters."));

  editor = aims_record_list_get_editor (list);
  aims_record_editor_set_placeholder (editor, _("No Risk Selected"),
                                      _("Choose a risk in the list to see and edit it."));
  self->inherent_rating = aims_risk_rating_row_new (_("Inherent score"));
  aims_record_editor_add_row (editor, "inherent", self->inherent_rating);
  self->residual_rating = aims_risk_rating_row_new (_("Residual score"));
  aims_record_editor_add_row (editor, "residual", self->residual_rating);
  self->control_links = aims_control_links_row_new (context);
  aims_record_editor_add_row (editor, "treatment", self->control_links);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (update_control_links), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "field-changed", G_CALLBACK (update_ratings), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (update_ratings), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (aims_record_list_get_records (list), "items-changed",
                           G_CALLBACK (queue_heatmap_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::db", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::db", G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "data-changed", G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
  aims_record_page_setup (AIMS_RECORD_PAGE (self), list, self->window_title, self->back_button);
  reload_filters (self);
  update_actions (self);
}

static void
aims_risks_page_dispose (GObject *object)
{
  AimsRisksPage *self = AIMS_RISKS_PAGE (object);

  g_clear_handle_id (&self->heatmap_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_RISKS_PAGE);

  G_OBJECT_CLASS (aims_risks_page_parent_class)->dispose (object);
}

static void
aims_risks_page_finalize (GObject *object)
{
  AimsRisksPage *self = AIMS_RISKS_PAGE (object);

  g_array_unref (self->system_ids);
  g_array_unref (self->owner_ids);
  g_free (self->band_names);

  G_OBJECT_CLASS (aims_risks_page_parent_class)->finalize (object);
}

static void
aims_risks_page_class_init (AimsRisksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_risks_page_constructed;
  object_class->dispose = aims_risks_page_dispose;
  object_class->finalize = aims_risks_page_finalize;
  AIMS_RECORD_PAGE_CLASS (klass)->format_count = format_count;

  g_type_ensure (AIMS_TYPE_RISK_HEATMAP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-risks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, record_list);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, system_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, band_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, treatment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, attention_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, heatmap);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, inherent_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, residual_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, both_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, heatmap_hint);
  gtk_widget_class_bind_template_child (widget_class, AimsRisksPage, clear_cell_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_activated_cb);

  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.clear-cell", NULL, clear_cell_action);
  gtk_widget_class_install_action (widget_class, "page.filter", "s", filter_action);
}

static void
aims_risks_page_init (AimsRisksPage *self)
{
  self->system_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->owner_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  aims_risk_filter_init (&self->filter);
  self->updating_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating_filters = FALSE;
}

GtkWidget *
aims_risks_page_new (AimsContext *context)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_RISKS_PAGE,
                       "context", context,
                       NULL);
}

AimsRiskHeatmap *
aims_risks_page_get_heatmap (AimsRisksPage *self)
{
  g_return_val_if_fail (AIMS_IS_RISKS_PAGE (self), NULL);

  return self->heatmap;
}
