/* aims-controls-page.c — the Statement of Applicability, its completeness
 * and the clause checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-controls-filter.h"
#include "aims-controls-page.h"
#include "aims-pages.h"
#include "aims-progress-tile.h"

struct _AimsControlsPage
{
  AimsRecordPage       parent_instance;

  /* Template widgets */
  AdwHeaderBar        *header_bar;
  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  GtkStack            *view_stack;
  AimsRecordList      *controls_list;
  AimsRecordList      *clauses_list;
  AimsSoaFindingsView *findings_view;
  GtkDropDown         *applicable_dropdown;
  GtkDropDown         *status_dropdown;
  GtkToggleButton     *gaps_toggle;
  GtkDropDown         *clause_status_dropdown;
  GtkFlowBox          *group_tiles;
  GtkFlowBox          *chapter_tiles;

  GHashTable          *tiles;             /* static key → AimsProgressTile */
  AimsControlsFilter   filter;
  gboolean             updating_filters;

  /* The last completeness check: its findings, and those about each
   * control by the control's id (gint64 * → GPtrArray of borrowed
   * AimsSoaFinding). NULL until the first check is done. */
  GPtrArray           *findings;
  GHashTable          *control_findings;
  GCancellable        *checking;
  gboolean             check_again;

  guint                retry_idle_id;
  guint                n_decided;
  guint                n_implemented;
  guint                n_in_place;

  GtkWidget           *open_points_row;
  GtkWidget           *unlink_row;
};

G_DEFINE_FINAL_TYPE (AimsControlsPage, aims_controls_page, AIMS_TYPE_RECORD_PAGE)

static void run_check (AimsControlsPage *self);

static AimsContext *
get_context (AimsControlsPage *self)
{
  return aims_record_page_get_context (AIMS_RECORD_PAGE (self));
}

static AimsDb *
get_db (AimsControlsPage *self)
{
  return aims_context_get_db (get_context (self));
}

static const AimsField *
control_field (const char *name)
{
  return aims_entity_find_field (aims_entity_controls (), name);
}

static const AimsField *
clause_field (const char *name)
{
  return aims_entity_find_field (aims_entity_clauses (), name);
}

/* Records of a list, as the core's counting functions take them. */
static GPtrArray *
list_records (AimsRecordList *list)
{
  GListModel *records = aims_record_list_get_records (list);
  guint n = g_list_model_get_n_items (records);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (records, i));
  return array;
}

/* ── The tables' computed cells ──────────────────────────────────────── */

static GPtrArray *
findings_of (AimsControlsPage *self,
             AimsRecord       *control)
{
  gint64 id = aims_record_get_id (control);

  return self->control_findings != NULL ? g_hash_table_lookup (self->control_findings, &id) : NULL;
}

/* The messages of the control's findings of the kinds in mask (one bit
 * per AimsSoaFindingKind), one a line; NULL when there are none. */
static char *
findings_text (AimsControlsPage *self,
               AimsRecord       *control,
               guint             mask)
{
  GPtrArray *findings = findings_of (self, control);
  g_autoptr(GString) text = NULL;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      AimsSoaFinding *finding = g_ptr_array_index (findings, i);

      if ((mask & (1u << finding->kind)) == 0)
        continue;
      if (text == NULL)
        text = g_string_new (finding->message);
      else
        g_string_append_printf (text, "\n%s", finding->message);
    }
  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

#define KIND(k) (1u << AIMS_SOA_FINDING_##k)

static char *
decision_warning (AimsRecord *control,
                  gpointer    data)
{
  return findings_text (data, control, KIND (UNDECIDED) | KIND (NO_JUSTIFICATION) | KIND (EXCLUDED_RELIED_ON));
}

static char *
implementation_warning (AimsRecord *control,
                        gpointer    data)
{
  return findings_text (data, control, KIND (NO_EVIDENCE));
}

static char *
owner_warning (AimsRecord *control,
               gpointer    data)
{
  return findings_text (data, control, KIND (NO_OWNER));
}

static char *
review_warning (AimsRecord *control,
                gpointer    data)
{
  return findings_text (data, control, KIND (EVIDENCE_STALE));
}

static gboolean
is_applicable (AimsRecord *control)
{
  return g_strcmp0 (aims_record_get (control, "applicable"), AIMS_SOA_APPLICABLE_YES) == 0;
}

static char *
decision_text (AimsRecord *control,
               gpointer    data)
{
  if (aims_record_get (control, "applicable") == NULL)
    return g_strdup (_(aims_field_choice_label (control_field ("soa_status"), AIMS_SOA_STATUS_UNDECIDED)));
  return NULL;
}

/* Only an applicable control is implemented or not. */
static char *
implementation_text (AimsRecord *control,
                     gpointer    data)
{
  if (!is_applicable (control))
    return g_strdup ("");
  return NULL;
}

/* Colours that read on a light and a dark table alike. */
static const char *
implementation_colour (AimsRecord *control,
                       gpointer    data)
{
  const char *status = aims_record_get (control, "soa_status");

  if (!is_applicable (control))
    return NULL;
  if (g_strcmp0 (status, AIMS_SOA_STATUS_IMPLEMENTED) == 0)
    return "#2ec27e";
  if (g_strcmp0 (status, AIMS_SOA_STATUS_PARTIAL) == 0)
    return "#e5a50a";
  if (g_strcmp0 (status, AIMS_SOA_STATUS_PLANNED) == 0)
    return "#3584e4";
  return "#9a9996";
}

static const char *
clause_colour (AimsRecord *requirement,
               gpointer    data)
{
  const char *status = aims_record_get (requirement, "status");

  if (g_strcmp0 (status, AIMS_CLAUSE_STATUS_IN_PLACE) == 0)
    return "#2ec27e";
  if (g_strcmp0 (status, AIMS_CLAUSE_STATUS_PARTIAL) == 0)
    return "#e5a50a";
  return "#e66100";
}

/* "RSK-011 RSK-035" → "RSK-011, RSK-035" */
static char *
risks_text (AimsRecord *control,
            gpointer    data)
{
  const char *risks = aims_record_get (control, "linked_risks");
  g_auto(GStrv) references = g_strsplit (risks != NULL ? risks : "", " ", -1);

  return g_strjoinv (", ", references);
}

/* The catalogue's order is the standard's: A.6.2.10 would follow A.6.2.9. */
static int
compare_catalogue (AimsRecord *a,
                   AimsRecord *b,
                   gpointer    data)
{
  gint64 ia = aims_record_get_id (a), ib = aims_record_get_id (b);

  return (ia > ib) - (ia < ib);
}

static void
add_control_columns (AimsControlsPage *self)
{
  static const AimsRecordColumnFuncs reference = { .compare = compare_catalogue };
  static const AimsRecordColumnFuncs decision = { .text = decision_text, .warning = decision_warning };
  static const AimsRecordColumnFuncs implementation = {
    .text = implementation_text, .swatch = implementation_colour, .warning = implementation_warning,
  };
  static const AimsRecordColumnFuncs owner = { .warning = owner_warning };
  static const AimsRecordColumnFuncs review = { .warning = review_warning };
  static const AimsRecordColumnFuncs risks = { .text = risks_text };
  AimsRecordList *list = self->controls_list;

  aims_record_list_add_custom_column (list, NULL, _("Reference"), 95, AIMS_RECORD_COLUMN_DEFAULT,
                                      &reference, self);
  aims_record_list_add_column (list, "title", _("Control"), 190, AIMS_RECORD_COLUMN_EXPAND);
  aims_record_list_add_custom_column (list, "applicable", _("Applicability"), 130, AIMS_RECORD_COLUMN_DEFAULT,
                                      &decision, self);
  aims_record_list_add_custom_column (list, "soa_status", _("Implementation"), 165, AIMS_RECORD_COLUMN_DEFAULT,
                                      &implementation, self);
  aims_record_list_add_custom_column (list, "owner_id", _("Owner"), 145, AIMS_RECORD_COLUMN_DEFAULT,
                                      &owner, self);
  aims_record_list_add_custom_column (list, "review_date", _("Last reviewed"), 125, AIMS_RECORD_COLUMN_DEFAULT,
                                      &review, self);
  aims_record_list_add_custom_column (list, "linked_risks", _("Linked risks"), 130, AIMS_RECORD_COLUMN_DEFAULT,
                                      &risks, self);
  aims_record_list_add_column (list, "justification", _("Justification"), 240, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "evidence", _("Evidence"), 240, AIMS_RECORD_COLUMN_DEFAULT);
}

static void
add_clause_columns (AimsControlsPage *self)
{
  static const AimsRecordColumnFuncs reference = { .compare = compare_catalogue };
  static const AimsRecordColumnFuncs status = { .swatch = clause_colour };
  AimsRecordList *list = self->clauses_list;

  aims_record_list_add_custom_column (list, NULL, _("Clause"), 70, AIMS_RECORD_COLUMN_DEFAULT,
                                      &reference, self);
  aims_record_list_add_column (list, "title", _("Requirement"), 220, AIMS_RECORD_COLUMN_EXPAND);
  aims_record_list_add_custom_column (list, "status", _("Status"), 120, AIMS_RECORD_COLUMN_DEFAULT,
                                      &status, self);
  aims_record_list_add_column (list, "notes", _("Notes"), 240, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "evidence", _("Evidence"), 240, AIMS_RECORD_COLUMN_DEFAULT);
}

/* ── Filters and tiles ───────────────────────────────────────────────── */

static gboolean
controls_match_cb (AimsRecord *control,
                   gpointer    data)
{
  AimsControlsPage *self = data;

  return aims_controls_filter_matches (&self->filter, control, self->control_findings);
}

static gboolean
clauses_match_cb (AimsRecord *requirement,
                  gpointer    data)
{
  AimsControlsPage *self = data;

  return aims_controls_filter_matches_clause (&self->filter, requirement);
}

/* The widgets show the filter. */
static void
show_filter (AimsControlsPage *self)
{
  GHashTableIter iter;
  gpointer key, tile;

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->applicable_dropdown, self->filter.applicable);
  aims_choice_filter_select (self->status_dropdown, control_field ("implementation_status"), self->filter.status);
  gtk_toggle_button_set_active (self->gaps_toggle, self->filter.gaps);
  aims_choice_filter_select (self->clause_status_dropdown, clause_field ("status"), self->filter.clause_status);
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, &tile))
    gtk_toggle_button_set_active (tile, g_strcmp0 (key, self->filter.group) == 0 ||
                                        g_strcmp0 (key, self->filter.clause) == 0);
  self->updating_filters = FALSE;
}

static void
refilter (AimsControlsPage *self)
{
  aims_record_list_refilter (self->controls_list);
  aims_record_list_refilter (self->clauses_list);
}

static void
filter_changed_cb (AimsControlsPage *self)
{
  guint applicable;

  if (self->updating_filters)
    return;

  applicable = gtk_drop_down_get_selected (self->applicable_dropdown);
  self->filter.applicable = applicable <= AIMS_CONTROLS_APPLICABLE_UNDECIDED
                            ? (AimsControlsApplicable) applicable : AIMS_CONTROLS_APPLICABLE_ANY;
  self->filter.status = aims_choice_filter_key (self->status_dropdown, control_field ("implementation_status"));
  self->filter.gaps = gtk_toggle_button_get_active (self->gaps_toggle);
  self->filter.clause_status = aims_choice_filter_key (self->clause_status_dropdown, clause_field ("status"));
  refilter (self);
}

/* One tile at a time filters: choosing one leaves the other, choosing it
 * again shows every group. */
static void
tile_toggled_cb (AimsProgressTile *tile,
                 AimsControlsPage *self)
{
  gboolean chapter = gtk_widget_get_ancestor (GTK_WIDGET (tile), GTK_TYPE_FLOW_BOX) == GTK_WIDGET (self->chapter_tiles);
  const char **chosen = chapter ? &self->filter.clause : &self->filter.group;
  const char *key = aims_progress_tile_get_key (tile);

  if (self->updating_filters)
    return;
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tile)))
    *chosen = key;
  else if (g_strcmp0 (*chosen, key) == 0)
    *chosen = NULL;
  show_filter (self);
  refilter (self);
}

static void
add_tiles (AimsControlsPage *self,
           GtkFlowBox       *box,
           const AimsChoice *choices)
{
  for (const AimsChoice *c = choices; c->key != NULL; c++)
    {
      GtkWidget *tile = aims_progress_tile_new (c->key);

      g_signal_connect (tile, "toggled", G_CALLBACK (tile_toggled_cb), self);
      gtk_flow_box_append (box, tile);
      g_hash_table_insert (self->tiles, (gpointer) c->key, tile);
    }
}

/* "A.6 AI system life cycle" → "AI system life cycle" */
static const char *
after_number (const char *label)
{
  const char *space = strchr (label, ' ');

  return space != NULL ? space + 1 : label;
}

static void
update_group_tiles (AimsControlsPage *self)
{
  g_autoptr(GPtrArray) controls = list_records (self->controls_list);
  g_autoptr(GArray) groups = aims_soa_group_progress (controls);

  self->n_decided = self->n_implemented = 0;
  for (guint i = 0; i < groups->len; i++)
    {
      const AimsSoaGroupProgress *group = &g_array_index (groups, AimsSoaGroupProgress, i);
      AimsProgressTile *tile = g_hash_table_lookup (self->tiles, group->group_ref);
      g_autofree char *caption = NULL;
      double total = MAX (group->n_controls, 1);

      self->n_decided += group->n_decided;
      self->n_implemented += group->n_implemented;
      /* Translators: how far a group of Annex A has come, "7 of 9 decided · 3 implemented" */
      caption = g_strdup_printf (_("%u of %u decided · %u implemented"),
                                 group->n_decided, group->n_controls, group->n_implemented);
      aims_progress_tile_set (tile, group->group_ref, after_number (group->title), NULL, caption,
                              group->n_decided / total, group->n_implemented / total);
    }
}

static void
update_chapter_tiles (AimsControlsPage *self)
{
  g_autoptr(GPtrArray) requirements = list_records (self->clauses_list);
  g_autoptr(GArray) chapters = aims_clause_progress (requirements);

  self->n_in_place = 0;
  for (guint i = 0; i < chapters->len; i++)
    {
      const AimsClauseProgress *chapter = &g_array_index (chapters, AimsClauseProgress, i);
      AimsProgressTile *tile = g_hash_table_lookup (self->tiles, chapter->clause);
      g_autofree char *caption = NULL;
      g_autofree char *percent = NULL;
      double total = MAX (chapter->n_requirements, 1);

      self->n_in_place += chapter->n_in_place;
      /* Translators: how far a clause has come, "2 of 6 in place · 3 partial" */
      caption = g_strdup_printf (_("%u of %u in place · %u partial"),
                                 chapter->n_in_place, chapter->n_requirements, chapter->n_partial);
      /* Translators: the share of a clause's requirements in place, "33 %" */
      percent = g_strdup_printf (_("%u %%"), chapter->percent);
      aims_progress_tile_set (tile, chapter->clause, after_number (chapter->title), percent, caption,
                              (chapter->n_in_place + chapter->n_partial) / total,
                              chapter->n_in_place / total);
    }
}

/* The subtitle follows the view and the counts. */
static void
update_subtitle (AimsControlsPage *self)
{
  g_signal_emit_by_name (self->controls_list, "counts-changed");
}

/* At once: the catalogues are small, and a tile never shows a count the
 * table does not. */
static void
update_progress (AimsControlsPage *self)
{
  update_group_tiles (self);
  update_chapter_tiles (self);
  update_subtitle (self);
}

/* ── The editor's own rows ───────────────────────────────────────────── */

static AimsRecordEditor *
controls_editor (AimsControlsPage *self)
{
  return aims_record_list_get_editor (self->controls_list);
}

/* The open points of the control shown, and the way out of a refused
 * exclusion: shown only when the editor holds "Excluded" for a control
 * risks rely on. */
static void
update_editor_rows (AimsControlsPage *self)
{
  AimsRecordEditor *editor = controls_editor (self);
  AimsRecord *control = aims_record_editor_get_record (editor);
  g_autofree char *points = NULL;
  g_autofree char *applicable = NULL;
  g_autofree char *risks = NULL;
  gboolean unlink = FALSE;

  if (control != NULL)
    {
      points = findings_text (self, control, G_MAXUINT);
      applicable = aims_record_editor_dup_field_text (editor, "applicable");
      risks = risks_text (control, self);
      unlink = g_str_equal (applicable, AIMS_SOA_APPLICABLE_NO) && *risks != '\0' &&
               g_strcmp0 (aims_record_get (control, "applicable"), AIMS_SOA_APPLICABLE_NO) != 0;
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->open_points_row), points != NULL ? points : "");
  gtk_widget_set_visible (self->open_points_row, points != NULL);

  if (unlink)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: in a control's editor, "RSK-011, RSK-035 rely on it: excluding it removes these links" */
      subtitle = g_strdup_printf (_("%s rely on it: excluding it removes these links from the risks"), risks);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->unlink_row), subtitle);
    }
  gtk_widget_set_visible (self->unlink_row, unlink);
}

gboolean
aims_controls_page_unlink_and_exclude (AimsControlsPage  *self,
                                       GError           **error)
{
  AimsRecordEditor *editor;
  AimsRecord *control;
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(AimsRecord) stored = NULL;
  g_autofree char *reference = NULL;
  g_auto(GStrv) risks = NULL;
  guint n_risks;

  g_return_val_if_fail (AIMS_IS_CONTROLS_PAGE (self), FALSE);

  editor = controls_editor (self);
  /* What else was typed is written first, so that only the exclusion is
   * left to write. */
  aims_record_editor_save_pending (editor);
  control = aims_record_editor_get_record (editor);
  g_return_val_if_fail (control != NULL && get_db (self) != NULL, FALSE);

  reference = g_strdup (aims_record_get_reference (control));
  risks = g_strsplit (aims_record_get (control, "linked_risks") != NULL
                      ? aims_record_get (control, "linked_risks") : "", " ", -1);
  n_risks = g_strv_length (risks);

  changes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (changes, (gpointer) "applicable", (gpointer) AIMS_SOA_APPLICABLE_NO);
  stored = aims_soa_update (get_db (self), aims_record_get_id (control), aims_record_get_row_version (control),
                            changes, TRUE, aims_context_get_author (get_context (self)), error);
  if (stored == NULL)
    return FALSE;

  /* The exclusion the editor still holds is what is stored now: saving it
   * finds nothing left to write, and the editor takes the stored control. */
  aims_record_editor_save_pending (editor);
  aims_record_list_changed_here (self->controls_list);
  aims_record_page_toast (AIMS_RECORD_PAGE (self),
                          g_dngettext (GETTEXT_PACKAGE, "Excluded %s and unlinked %u risk",
                                       "Excluded %s and unlinked %u risks", n_risks),
                          reference, n_risks);
  return TRUE;
}

static void
unlink_clicked_cb (AimsControlsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!aims_controls_page_unlink_and_exclude (self, &error))
    aims_record_list_show_error (self->controls_list, _("Could Not Exclude the Control"), error->message);
}

/* A value refused because of another field (an exclusion without a
 * justification) is written once that field is: the editor tries what is
 * still pending after each save. */
static gboolean
retry_pending_cb (gpointer data)
{
  AimsControlsPage *self = data;
  AimsRecordEditor *editor = controls_editor (self);

  self->retry_idle_id = 0;
  if (aims_record_editor_has_pending (editor))
    aims_record_editor_save_pending (editor);
  update_editor_rows (self);
  return G_SOURCE_REMOVE;
}

static void
editor_saved_cb (AimsControlsPage *self)
{
  if (self->retry_idle_id == 0)
    self->retry_idle_id = g_idle_add (retry_pending_cb, self);
}

static void
add_editor_rows (AimsControlsPage *self)
{
  AimsRecordEditor *editor = controls_editor (self);
  GtkWidget *button;

  self->unlink_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unlink_row), _("Risks rely on this control"));
  button = gtk_button_new_with_mnemonic (_("_Unlink and Exclude"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_tooltip_text (button, _("Exclude the control, and remove it from the treatment of these risks"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unlink and Exclude"),
                                  -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (unlink_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->unlink_row), button);
  gtk_widget_set_visible (self->unlink_row, FALSE);
  aims_record_editor_add_row (editor, "decision", self->unlink_row);

  self->open_points_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->open_points_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->open_points_row), _("Open points"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->open_points_row),
                             gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (self->open_points_row, "aims-open-points");
  gtk_widget_set_visible (self->open_points_row, FALSE);
  aims_record_editor_add_row (editor, "standing", self->open_points_row);

  g_signal_connect_object (editor, "notify::record", G_CALLBACK (update_editor_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "field-changed", G_CALLBACK (update_editor_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
}

/* ── The completeness check ──────────────────────────────────────────── */

typedef struct
{
  char  *path;
  GDate *today;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->path);
  g_date_free (data->today);
  g_free (data);
}

/* On a connection of its own: a large register takes a while to read. */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr(AimsDb) db = NULL;
  GPtrArray *findings;
  GError *error = NULL;

  if ((db = aims_db_open (data->path, AIMS_DB_OPEN_READ_ONLY, &error)) == NULL ||
      (findings = aims_soa_check (db, data->today, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, findings, (GDestroyNotify) g_ptr_array_unref);
}

static void
take_findings (AimsControlsPage *self,
               GPtrArray        *findings)
{
  g_autofree char *title = NULL;

  g_clear_pointer (&self->control_findings, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings;
  self->control_findings = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                  (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < findings->len; i++)
    {
      AimsSoaFinding *finding = g_ptr_array_index (findings, i);
      GPtrArray *of_control;

      if (!g_str_equal (aims_soa_finding_kind_entity (finding->kind), "controls"))
        continue;
      if ((of_control = g_hash_table_lookup (self->control_findings, &finding->id)) == NULL)
        {
          of_control = g_ptr_array_new ();
          g_hash_table_insert (self->control_findings, &finding->id, of_control);
        }
      g_ptr_array_add (of_control, finding);
    }

  aims_soa_findings_view_set_findings (self->findings_view, findings);
  /* Translators: the view switcher, "Completeness (23)" */
  title = g_strdup_printf (_("Completeness (%u)"), findings->len);
  gtk_stack_page_set_title (gtk_stack_get_page (self->view_stack, GTK_WIDGET (self->findings_view)), title);

  /* The cells' warnings come from the check, which finishes after the
   * rows were drawn. */
  aims_record_list_redraw (self->controls_list);
  aims_record_list_refilter (self->controls_list);
  update_editor_rows (self);
  update_subtitle (self);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AimsControlsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->checking);

  if (findings == NULL)
    aims_soa_findings_view_set_error (self->findings_view, error->message);
  else
    take_findings (self, findings);

  if (self->check_again)
    {
      self->check_again = FALSE;
      run_check (self);
    }
}

static void
run_check (AimsControlsPage *self)
{
  AimsDb *db = get_db (self);
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  if (db == NULL)
    return;
  /* One check at a time; a change meanwhile checks again once it is done. */
  if (self->checking != NULL)
    {
      self->check_again = TRUE;
      return;
    }

  if (self->findings == NULL)
    aims_soa_findings_view_set_findings (self->findings_view, NULL);
  self->checking = g_cancellable_new ();
  data = g_new0 (CheckData, 1);
  data->path = g_strdup (aims_db_get_path (db));
  data->today = aims_date_today ();
  task = g_task_new (NULL, self->checking, check_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_check);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

static void
db_changed_cb (AimsControlsPage *self)
{
  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  self->check_again = FALSE;
  g_clear_pointer (&self->control_findings, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  aims_soa_findings_view_set_findings (self->findings_view, NULL);
  run_check (self);
}

/* ── Views ───────────────────────────────────────────────────────────── */

static AimsRecordList *
visible_list (AimsControlsPage *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "clauses") == 0)
    return self->clauses_list;
  if (g_strcmp0 (view, "soa") == 0)
    return self->controls_list;
  return NULL;
}

static void
view_changed_cb (AimsControlsPage *self)
{
  AimsRecordList *shown = visible_list (self);

  if (self->controls_list == NULL || self->clauses_list == NULL)
    return;
  /* Typing in the page searches the list in view. */
  gtk_search_entry_set_key_capture_widget (aims_record_list_get_search_entry (self->controls_list),
                                           shown == self->controls_list ? GTK_WIDGET (self) : NULL);
  gtk_search_entry_set_key_capture_widget (aims_record_list_get_search_entry (self->clauses_list),
                                           shown == self->clauses_list ? GTK_WIDGET (self) : NULL);
  update_subtitle (self);
}

const char *
aims_controls_page_get_view (AimsControlsPage *self)
{
  g_return_val_if_fail (AIMS_IS_CONTROLS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

void
aims_controls_page_set_view (AimsControlsPage *self,
                             const char       *view)
{
  g_return_if_fail (AIMS_IS_CONTROLS_PAGE (self));
  g_return_if_fail (gtk_stack_get_child_by_name (self->view_stack, view) != NULL);

  gtk_stack_set_visible_child_name (self->view_stack, view);
}

static char *
format_count (AimsRecordPage *page,
              guint           shown,
              guint           total)
{
  AimsControlsPage *self = AIMS_CONTROLS_PAGE (page);
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "completeness") == 0)
    {
      guint n = self->findings != NULL ? self->findings->len : 0;

      if (self->findings == NULL)
        return g_strdup (_("Checking…"));
      return g_strdup_printf (ngettext ("%u open point", "%u open points", n), n);
    }
  if (g_strcmp0 (view, "clauses") == 0)
    {
      shown = aims_record_list_get_n_shown (self->clauses_list);
      total = aims_record_list_get_n_total (self->clauses_list);
      if (shown == total)
        /* Translators: the clause checklist's subtitle, "32 requirements · 16 in place" */
        return g_strdup_printf (ngettext ("%u requirement · %u in place", "%u requirements · %u in place", total),
                                total, self->n_in_place);
      return g_strdup_printf (ngettext ("%u of %u requirement", "%u of %u requirements", total), shown, total);
    }
  if (shown == total)
    /* Translators: the SoA's subtitle, "38 controls · 35 decided · 12 implemented" */
    return g_strdup_printf (ngettext ("%u control · %u decided · %u implemented",
                                      "%u controls · %u decided · %u implemented", total),
                            total, self->n_decided, self->n_implemented);
  return g_strdup_printf (ngettext ("%u of %u control", "%u of %u controls", total), shown, total);
}

/* Shows record id of list, clearing what hides it. */
static void
show_record (AimsControlsPage *self,
             AimsRecordList   *list,
             const char       *view,
             gint64            id,
             const char       *field)
{
  gtk_stack_set_visible_child_name (self->view_stack, view);
  if (!aims_record_list_select_id (list, id))
    {
      aims_controls_filter_init (&self->filter);
      show_filter (self);
      aims_record_list_clear_search (list);
      refilter (self);
      aims_record_list_select_id (list, id);
    }
  if (field != NULL && aims_record_list_get_selected (list) != NULL)
    aims_record_editor_focus_field (aims_record_list_get_editor (list), field);
}

static void
finding_activated_cb (AimsControlsPage *self,
                      guint             kind,
                      gint64            id)
{
  /* The field that settles the finding, in the order of AimsSoaFindingKind. */
  static const char *const fields[AIMS_SOA_N_FINDING_KINDS] = {
    "applicable", "justification", "applicable", NULL, "owner_id", "evidence", "review_date", "status",
  };
  const char *entity = aims_soa_finding_kind_entity (kind);

  if (g_strcmp0 (entity, "controls") == 0)
    show_record (self, self->controls_list, "soa", id, fields[kind]);
  else if (g_strcmp0 (entity, "clauses") == 0)
    show_record (self, self->clauses_list, "clauses", id, fields[kind]);
  else
    /* The Risks page has no filter by reference: the risks to be
     * mitigated, where a control is linked in the risk's editor. */
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "(ss)", "risks", "treatment=mitigate");
}

/* ── Actions ─────────────────────────────────────────────────────────── */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimsControlsPage *self = AIMS_CONTROLS_PAGE (widget);
  AimsRecordList *list = visible_list (self);

  if (list == NULL)
    {
      gtk_stack_set_visible_child_name (self->view_stack, "soa");
      list = self->controls_list;
    }
  aims_record_list_focus_search (list);
}

static void
flush_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AimsControlsPage *self = AIMS_CONTROLS_PAGE (widget);

  aims_record_list_flush (self->controls_list);
  aims_record_list_flush (self->clauses_list);
}

/* "page.filter": the terms of aims-controls-filter.h; the view is the one
 * named, else the one the terms are about. */
static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimsControlsPage *self = AIMS_CONTROLS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *view;

  if (!aims_controls_filter_parse (&self->filter, g_variant_get_string (parameter, NULL), &error))
    aims_page_add_toast (widget, adw_toast_new (error->message));

  view = self->filter.view;
  if (view == NULL)
    view = self->filter.clause != NULL || self->filter.clause_status != NULL ? "clauses" : "soa";
  self->filter.view = NULL;

  aims_record_list_clear_search (self->controls_list);
  aims_record_list_clear_search (self->clauses_list);
  show_filter (self);
  refilter (self);
  gtk_stack_set_visible_child_name (self->view_stack, view);
}

static void
data_changed_cb (AimsControlsPage *self)
{
  run_check (self);
  update_editor_rows (self);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_controls_page_constructed (GObject *object)
{
  AimsControlsPage *self = AIMS_CONTROLS_PAGE (object);
  AimsContext *context = get_context (self);
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(GListModel) clause_statuses = NULL;

  G_OBJECT_CLASS (aims_controls_page_parent_class)->constructed (object);

  self->updating_filters = TRUE;
  statuses = aims_choice_filter_model (control_field ("implementation_status"), _("Any status"));
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  clause_statuses = aims_choice_filter_model (clause_field ("status"), _("Any status"));
  gtk_drop_down_set_model (self->clause_status_dropdown, clause_statuses);
  add_tiles (self, self->group_tiles, aims_soa_groups ());
  add_tiles (self, self->chapter_tiles, aims_clause_chapters ());
  self->updating_filters = FALSE;

  aims_record_list_setup (self->controls_list, context, aims_entity_controls ());
  aims_record_list_set_match_func (self->controls_list, controls_match_cb, self);
  add_control_columns (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (aims_record_list_get_column_view (self->controls_list)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Controls"),
                                  -1);
  aims_record_list_set_empty_texts (self->controls_list, "emblem-documents-symbolic",
                                    _("No Controls"),
                                    _("Open a database to see its Statement of Applicability."),
                                    _("No control matches the search and filters."));
  aims_record_editor_set_placeholder (controls_editor (self), _("No Control Selected"),
                                      _("Choose a control in the list to decide whether it applies and how it is implemented."));
  add_editor_rows (self);

  aims_record_list_setup (self->clauses_list, context, aims_entity_clauses ());
  aims_record_list_set_match_func (self->clauses_list, clauses_match_cb, self);
  add_clause_columns (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (aims_record_list_get_column_view (self->clauses_list)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clause requirements"),
                                  -1);
  aims_record_list_set_empty_texts (self->clauses_list, "view-list-symbolic",
                                    _("No Requirements"),
                                    _("Open a database to see its clause checklist."),
                                    _("No requirement matches the search and filters."));
  aims_record_editor_set_placeholder (aims_record_list_get_editor (self->clauses_list),
                                      _("No Requirement Selected"),
                                      _("Choose a requirement in the list to record where the organisation stands."));

  g_signal_connect_object (aims_record_list_get_records (self->controls_list), "items-changed",
                           G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (aims_record_list_get_records (self->clauses_list), "items-changed",
                           G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clauses_list, "counts-changed", G_CALLBACK (update_subtitle), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::db", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "data-changed", G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);

  aims_record_page_setup (AIMS_RECORD_PAGE (self), self->controls_list, self->window_title, self->back_button);
  aims_record_list_reload (self->clauses_list);
  view_changed_cb (self);
  update_progress (self);
  run_check (self);
}

static void
aims_controls_page_dispose (GObject *object)
{
  AimsControlsPage *self = AIMS_CONTROLS_PAGE (object);

  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_clear_handle_id (&self->retry_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_CONTROLS_PAGE);
  self->controls_list = NULL;
  self->clauses_list = NULL;

  G_OBJECT_CLASS (aims_controls_page_parent_class)->dispose (object);
}

static void
aims_controls_page_finalize (GObject *object)
{
  AimsControlsPage *self = AIMS_CONTROLS_PAGE (object);

  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->control_findings, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (aims_controls_page_parent_class)->finalize (object);
}

static void
aims_controls_page_class_init (AimsControlsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_controls_page_constructed;
  object_class->dispose = aims_controls_page_dispose;
  object_class->finalize = aims_controls_page_finalize;
  AIMS_RECORD_PAGE_CLASS (klass)->format_count = format_count;

  g_type_ensure (AIMS_TYPE_SOA_FINDINGS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-controls-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, controls_list);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, clauses_list);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, findings_view);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, applicable_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, gaps_toggle);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, clause_status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, group_tiles);
  gtk_widget_class_bind_template_child (widget_class, AimsControlsPage, chapter_tiles);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);

  /* Both lists: these replace AimsRecordPage's, which know only one. */
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.flush", NULL, flush_action);
  gtk_widget_class_install_action (widget_class, "page.filter", "s", filter_action);
}

static void
aims_controls_page_init (AimsControlsPage *self)
{
  self->tiles = g_hash_table_new (g_str_hash, g_str_equal);
  aims_controls_filter_init (&self->filter);
  self->updating_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating_filters = FALSE;
}

GtkWidget *
aims_controls_page_new (AimsContext *context)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_CONTROLS_PAGE,
                       "context", context,
                       NULL);
}

AimsRecordList *
aims_controls_page_get_clauses_list (AimsControlsPage *self)
{
  g_return_val_if_fail (AIMS_IS_CONTROLS_PAGE (self), NULL);

  return self->clauses_list;
}

AimsSoaFindingsView *
aims_controls_page_get_findings_view (AimsControlsPage *self)
{
  g_return_val_if_fail (AIMS_IS_CONTROLS_PAGE (self), NULL);

  return self->findings_view;
}

GtkWidget *
aims_controls_page_get_tile (AimsControlsPage *self,
                             const char       *key)
{
  g_return_val_if_fail (AIMS_IS_CONTROLS_PAGE (self), NULL);

  return g_hash_table_lookup (self->tiles, key);
}

gboolean
aims_controls_page_is_checking (AimsControlsPage *self)
{
  g_return_val_if_fail (AIMS_IS_CONTROLS_PAGE (self), FALSE);

  return self->checking != NULL;
}
