/* aims-systems-page.c — the inventory of AI systems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-system-assessment-row.h"
#include "aims-systems-page.h"

struct _AimsSystemsPage
{
  AimsRecordPage  parent_instance;

  /* Template widgets */
  AdwHeaderBar   *header_bar;
  AdwWindowTitle *window_title;
  GtkWidget      *back_button;
  AimsRecordList *record_list;
  GtkDropDown    *stage_dropdown;
  GtkDropDown    *class_dropdown;
  GtkCheckButton *retired_check;
};

G_DEFINE_FINAL_TYPE (AimsSystemsPage, aims_systems_page, AIMS_TYPE_RECORD_PAGE)

/* ── Filters ─────────────────────────────────────────────────────────── */

static const AimsField *
systems_field (const char *name)
{
  return aims_entity_find_field (aims_entity_systems (), name);
}

static void
filter_changed_cb (AimsSystemsPage *self)
{
  aims_record_list_set_filter (self->record_list,
                               aims_choice_filter_key (self->stage_dropdown, systems_field ("lifecycle_stage")),
                               aims_choice_filter_key (self->class_dropdown, systems_field ("eu_ai_act_class")),
                               gtk_check_button_get_active (self->retired_check));
}

/* So that a record just added or duplicated is in view. */
static void
reset_filters (AimsSystemsPage *self)
{
  aims_record_list_clear_search (self->record_list);
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_drop_down_set_selected (self->class_dropdown, 0);
  filter_changed_cb (self);
}

/* "page.filter": lifecycle_stage=KEY, eu_ai_act_class=KEY, retired=1. */
static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimsSystemsPage *self = AIMS_SYSTEMS_PAGE (widget);
  g_auto(GStrv) terms = g_strsplit (g_variant_get_string (parameter, NULL), ";", -1);
  guint stage = 0, eu_class = 0;
  gboolean retired = FALSE;

  for (guint t = 0; terms[t] != NULL; t++)
    {
      g_auto(GStrv) pair = g_strsplit (terms[t], "=", 2);
      const AimsField *field;
      guint i = 1;

      if (pair[0] == NULL || pair[1] == NULL)
        continue;
      if (g_str_equal (pair[0], "retired"))
        retired = g_str_equal (pair[1], "1");
      if ((field = systems_field (pair[0])) == NULL || field->choices == NULL)
        continue;
      for (const AimsChoice *c = field->choices; c->key != NULL; c++, i++)
        if (g_str_equal (c->key, pair[1]))
          {
            if (g_str_equal (pair[0], "lifecycle_stage"))
              stage = i;
            else if (g_str_equal (pair[0], "eu_ai_act_class"))
              eu_class = i;
          }
    }

  aims_record_list_clear_search (self->record_list);
  gtk_drop_down_set_selected (self->stage_dropdown, stage);
  gtk_drop_down_set_selected (self->class_dropdown, eu_class);
  /* Retired systems are a stage too: asking for it shows them. */
  gtk_check_button_set_active (self->retired_check,
                               retired || g_strcmp0 (aims_choice_filter_key (self->stage_dropdown,
                                                                             systems_field ("lifecycle_stage")),
                                                     AIMS_LIFECYCLE_RETIRED) == 0);
  filter_changed_cb (self);
}

/* ── Header ──────────────────────────────────────────────────────────── */

static char *
format_count (AimsRecordPage *page,
              guint           shown,
              guint           total)
{
  if (shown == total)
    return g_strdup_printf (ngettext ("%u system", "%u systems", total), total);
  /* Translators: "3 of 12 systems", when a search or a filter hides some */
  return g_strdup_printf (ngettext ("%u of %u system", "%u of %u systems", total), shown, total);
}

static void
update_actions (AimsSystemsPage *self)
{
  AimsDb *db = aims_context_get_db (aims_record_page_get_context (AIMS_RECORD_PAGE (self)));
  gboolean writable = db != NULL && !aims_db_is_read_only (db);
  AimsRecord *selected = aims_record_list_get_selected (self->record_list);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.duplicate", writable && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-risk", writable && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.retire",
                                 writable && selected != NULL && !aims_system_is_retired (selected));
}

/* ── Actions ─────────────────────────────────────────────────────────── */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AimsSystemsPage *self = AIMS_SYSTEMS_PAGE (widget);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (values, (gpointer) "name", (gpointer) _("New AI system"));
  g_hash_table_insert (values, (gpointer) "lifecycle_stage", (gpointer) "inception");

  reset_filters (self);
  record = aims_record_list_insert (self->record_list, values, &error);
  if (record == NULL)
    aims_record_list_show_error (self->record_list, _("Could Not Add an AI System"), error->message);
  else
    aims_record_page_toast (AIMS_RECORD_PAGE (self), _("Added %s"), aims_record_get_reference (record));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AimsSystemsPage *self = AIMS_SYSTEMS_PAGE (widget);
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  AimsRecord *selected;

  record = aims_record_list_duplicate_selected (self->record_list, &error);
  if (record == NULL)
    {
      aims_record_list_show_error (self->record_list, _("Could Not Duplicate the AI System"),
                                   error->message);
      return;
    }

  selected = aims_record_list_get_selected (self->record_list);
  if (selected == NULL || aims_record_get_id (selected) != aims_record_get_id (record))
    {
      /* The copy does not match the search: show it anyway. */
      reset_filters (self);
      gtk_check_button_set_active (self->retired_check, TRUE);
      if (aims_record_list_select_id (self->record_list, aims_record_get_id (record)))
        aims_record_editor_focus_field (aims_record_list_get_editor (self->record_list), "name");
    }
  aims_record_page_toast (AIMS_RECORD_PAGE (self), _("Duplicated as %s"), aims_record_get_reference (record));
}

/* The risk is made on the Risks page, with this system chosen. */
static void
add_risk_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AimsSystemsPage *self = AIMS_SYSTEMS_PAGE (widget);
  AimsRecord *selected = aims_record_list_get_selected (self->record_list);

  if (selected == NULL)
    return;
  aims_record_editor_save_pending (aims_record_list_get_editor (self->record_list));
  gtk_widget_activate_action (widget, "win.new-risk", "x", aims_record_get_id (selected));
}

static void
retire_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AimsSystemsPage  *self)
{
  AimsRecordEditor *editor = aims_record_list_get_editor (self->record_list);
  g_autoptr(AimsRecord) retired = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "aims-id"));
  AimsContext *context = aims_record_page_get_context (AIMS_RECORD_PAGE (self));
  AimsDb *db = aims_context_get_db (context);
  AimsRecord *shown;

  if (g_strcmp0 (response, "retire") != 0 || db == NULL)
    return;

  /* Edits typed into the system are written first; if that needs the
   * user (a conflict), the retirement waits for them. */
  aims_record_editor_save_pending (editor);
  shown = aims_record_editor_get_record (editor);
  if (shown == NULL || aims_record_get_id (shown) != id || aims_record_editor_has_pending (editor))
    return;

  retired = aims_store_retire_system (db, id, aims_record_get_row_version (shown),
                                      aims_context_get_author (context), &error);
  if (retired == NULL)
    {
      if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT))
        {
          aims_record_list_reload (self->record_list);
          aims_record_list_show_error (self->record_list, _("Not Retired"),
                                       _("Someone else changed this AI system just now. "
                                         "Check their changes, then retire it again."));
        }
      else
        aims_record_list_show_error (self->record_list, _("Could Not Retire the AI System"),
                                     error->message);
      return;
    }

  aims_record_list_changed_here (self->record_list);
  /* Translators: a toast, "Retired AIS-004" */
  aims_record_page_toast (AIMS_RECORD_PAGE (self), _("Retired %s"), aims_record_get_reference (retired));
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimsSystemsPage *self = AIMS_SYSTEMS_PAGE (widget);
  AimsRecord *selected = aims_record_list_get_selected (self->record_list);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (selected == NULL)
    return;

  /* Translators: "Retire AIS-004?" */
  heading = g_strdup_printf (_("Retire %s?"), aims_record_get_reference (selected));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” stays on file with its history, its lifecycle stage "
                                    "becomes Retired, and the list shows it only with Show Retired."),
                                  aims_record_get_title (selected));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "retire", _("_Retire"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retire",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "aims-id", GSIZE_TO_POINTER (aims_record_get_id (selected)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (retire_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_systems_page_constructed (GObject *object)
{
  AimsSystemsPage *self = AIMS_SYSTEMS_PAGE (object);
  AimsRecordList *list = self->record_list;
  AimsContext *context = aims_record_page_get_context (AIMS_RECORD_PAGE (self));
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(GListModel) classes = NULL;

  G_OBJECT_CLASS (aims_systems_page_parent_class)->constructed (object);

  stages = aims_choice_filter_model (systems_field ("lifecycle_stage"), _("All stages"));
  gtk_drop_down_set_model (self->stage_dropdown, stages);
  classes = aims_choice_filter_model (systems_field ("eu_ai_act_class"), _("All classes"));
  gtk_drop_down_set_model (self->class_dropdown, classes);

  aims_record_list_setup (list, context, aims_entity_systems ());
  filter_changed_cb (self);
  /* What the inventory is read for comes first: at the default width every
   * column up to the next review fits beside the editor; Name takes what is
   * left over, the rest scrolls. */
  aims_record_list_add_column (list, NULL, _("Reference"), 90, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "name", _("Name"), 180, AIMS_RECORD_COLUMN_EXPAND);
  aims_record_list_add_column (list, "lifecycle_stage", _("Lifecycle stage"), 155, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "eu_ai_act_class", _("EU AI Act class"), 115, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "criticality", _("Criticality"), 85, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "next_review_date", _("Next review"), 120, AIMS_RECORD_COLUMN_REVIEW_DATE);
  aims_record_list_add_column (list, "owner_id", _("Owner"), 140, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "sourcing", _("Sourcing"), 95, AIMS_RECORD_COLUMN_DEFAULT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (aims_record_list_get_column_view (list)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("AI Systems"),
                                  -1);
  aims_record_list_set_empty_texts (list, "applications-science-symbolic",
                                    _("No AI Systems"),
                                    _("Add the AI systems the organisation develops, buys or uses."),
                                    _("No AI system matches the search and filters."));
  aims_record_editor_set_placeholder (aims_record_list_get_editor (list),
                                      _("No AI System Selected"),
                                      _("Choose an AI system in the list to see and edit it."));

  /* Where the system stands with its impact assessment. */
  aims_record_editor_add_row (aims_record_list_get_editor (list), "regulation",
                              aims_system_assessment_row_new (context, aims_record_list_get_editor (list)));

  g_signal_connect_object (list, "notify::selected", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::db", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  aims_record_page_setup (AIMS_RECORD_PAGE (self), list, self->window_title, self->back_button);
  update_actions (self);
}

static void
aims_systems_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_SYSTEMS_PAGE);

  G_OBJECT_CLASS (aims_systems_page_parent_class)->dispose (object);
}

static void
aims_systems_page_class_init (AimsSystemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_systems_page_constructed;
  object_class->dispose = aims_systems_page_dispose;
  AIMS_RECORD_PAGE_CLASS (klass)->format_count = format_count;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-systems-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsSystemsPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsSystemsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsSystemsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AimsSystemsPage, record_list);
  gtk_widget_class_bind_template_child (widget_class, AimsSystemsPage, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsSystemsPage, class_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsSystemsPage, retired_check);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "page.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "page.retire", NULL, retire_action);
  gtk_widget_class_install_action (widget_class, "page.add-risk", NULL, add_risk_action);
  gtk_widget_class_install_action (widget_class, "page.filter", "s", filter_action);
}

static void
aims_systems_page_init (AimsSystemsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
aims_systems_page_new (AimsContext *context)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_SYSTEMS_PAGE,
                       "context", context,
                       NULL);
}
