/* aims-assessments-page.c — the Impact Assessments page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-answers.h"
#include "aims-assessment-compare.h"
#include "aims-assessment-wizard.h"
#include "aims-assessments-page.h"
#include "aims-link-chooser.h"
#include "aims-pages.h"

struct _AimsAssessmentsPage
{
  AimsRecordPage  parent_instance;

  /* Template widgets */
  AdwHeaderBar   *header_bar;
  AdwWindowTitle *window_title;
  GtkWidget      *back_button;
  GtkWidget      *filter_box;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *system_dropdown;
  AimsRecordList *record_list;

  GtkWidget      *actions_box;
  GtkWidget      *answers;
  GArray         *system_ids;     /* gint64 per system_dropdown item */
  gboolean        updating_filters;
};

G_DEFINE_FINAL_TYPE (AimsAssessmentsPage, aims_assessments_page, AIMS_TYPE_RECORD_PAGE)

static const AimsField *
assessment_field (const char *name)
{
  return aims_entity_find_field (aims_entity_assessments (), name);
}

static AimsContext *
get_context (AimsAssessmentsPage *self)
{
  return aims_record_page_get_context (AIMS_RECORD_PAGE (self));
}

static GtkWindow *
parent_window (AimsAssessmentsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (AimsAssessmentsPage *self,
              const char          *heading,
              const char          *body)
{
  aims_record_list_show_error (self->record_list, heading, body);
}

static gint64
field_id (AimsRecord *record,
          const char *field)
{
  const char *value = aims_record_get (record, field);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

/* ── Filters ─────────────────────────────────────────────────────────── */

static gint64
system_filter (AimsAssessmentsPage *self)
{
  return aims_system_filter_get (self->system_dropdown, self->system_ids);
}

static gboolean
match_cb (AimsRecord *assessment,
          gpointer    data)
{
  AimsAssessmentsPage *self = data;
  const char *status = aims_choice_filter_key (self->status_dropdown, assessment_field ("status"));
  gint64 system = system_filter (self);

  if (status != NULL && g_strcmp0 (status, aims_record_get (assessment, "status")) != 0)
    return FALSE;
  return system <= 0 || field_id (assessment, "ai_system_id") == system;
}

static void
filter_changed_cb (AimsAssessmentsPage *self)
{
  if (!self->updating_filters)
    aims_record_list_refilter (self->record_list);
}

static void
fill_system_dropdown (AimsAssessmentsPage *self)
{
  self->updating_filters = TRUE;
  aims_system_filter_fill (self->system_dropdown, self->system_ids, aims_context_get_db (get_context (self)),
                           system_filter (self));
  self->updating_filters = FALSE;
}

static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimsAssessmentsPage *self = AIMS_ASSESSMENTS_PAGE (widget);
  g_auto(GStrv) terms = g_strsplit (g_variant_get_string (parameter, NULL), ";", -1);

  self->updating_filters = TRUE;
  aims_record_list_clear_search (self->record_list);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->system_dropdown, 0);
  for (guint t = 0; terms[t] != NULL; t++)
    {
      g_auto(GStrv) pair = g_strsplit (terms[t], "=", 2);

      if (pair[1] == NULL)
        continue;
      if (g_str_equal (pair[0], "status"))
        {
          guint i = 1;

          for (const AimsChoice *c = assessment_field ("status")->choices; c->key != NULL; c++, i++)
            if (g_str_equal (c->key, pair[1]))
              gtk_drop_down_set_selected (self->status_dropdown, i);
        }
      else if (g_str_equal (pair[0], "system"))
        {
          gint64 id = g_ascii_strtoll (pair[1], NULL, 10);

          for (guint i = 0; i < self->system_ids->len; i++)
            if (g_array_index (self->system_ids, gint64, i) == id)
              gtk_drop_down_set_selected (self->system_dropdown, i);
        }
    }
  self->updating_filters = FALSE;
  aims_record_list_refilter (self->record_list);
}

gboolean
aims_assessments_page_select (AimsAssessmentsPage *self,
                              gint64               id)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENTS_PAGE (self), FALSE);

  if (aims_record_list_select_id (self->record_list, id))
    return TRUE;
  /* Hidden by a filter: show everything, then choose it. */
  filter_action (GTK_WIDGET (self), "page.filter", g_variant_new_string (""));
  return aims_record_list_select_id (self->record_list, id);
}

/* ── The wizard and the workflow ─────────────────────────────────────── */

static void
wizard_changed_cb (AimsAssessmentsPage *self)
{
  aims_record_list_changed_here (self->record_list);
}

GtkWidget *
aims_assessments_page_open (AimsAssessmentsPage *self,
                            gint64               id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *wizard;

  g_return_val_if_fail (AIMS_IS_ASSESSMENTS_PAGE (self), NULL);

  wizard = aims_assessment_wizard_new (parent_window (self), get_context (self), id, &error);
  if (wizard == NULL)
    {
      show_message (self, _("Could Not Open the Assessment"), error->message);
      return NULL;
    }
  g_signal_connect_object (wizard, "changed", G_CALLBACK (wizard_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));
  return wizard;
}

GtkWidget *
aims_assessments_page_start_with (AimsAssessmentsPage *self,
                                  gint64               system_id,
                                  gint64               assessor_id)
{
  AimsContext *context;
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AIMS_IS_ASSESSMENTS_PAGE (self), NULL);

  context = get_context (self);
  if (aims_context_get_db (context) == NULL)
    return NULL;
  record = aims_assessment_create (aims_context_get_db (context), system_id, 0, assessor_id,
                                   aims_context_get_author (context), &error);
  if (record == NULL)
    {
      show_message (self, _("Could Not Start the Assessment"), error->message);
      return NULL;
    }
  aims_record_list_changed_here (self->record_list);
  aims_assessments_page_select (self, aims_record_get_id (record));
  /* Translators: a toast, "Started AIA-004" */
  aims_record_page_toast (AIMS_RECORD_PAGE (self), _("Started %s"), aims_record_get_reference (record));
  return aims_assessments_page_open (self, aims_record_get_id (record));
}

typedef struct
{
  AimsAssessmentsPage *page;
  GtkWidget           *dialog;
  GtkWidget           *system;
  GtkWidget           *assessor;
} StartDialog;

static void
start_dialog_free (gpointer  data,
                   GClosure *closure)
{
  StartDialog *start = data;

  g_clear_object (&start->page);
  g_free (start);
}

static void
start_validate (GtkWidget   *chooser,
                GParamSpec  *pspec,
                StartDialog *start)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (start->dialog), "start",
                                           aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (start->system)) != NULL &&
                                           aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (start->assessor)) != NULL);
}

static void
start_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   StartDialog      *start)
{
  const char *system = aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (start->system));
  const char *assessor = aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (start->assessor));

  if (g_strcmp0 (response, "start") == 0 && system != NULL && assessor != NULL)
    aims_assessments_page_start_with (start->page, g_ascii_strtoll (system, NULL, 10),
                                      g_ascii_strtoll (assessor, NULL, 10));
}

/* The assessor proposed: the person named like the author, else the
 * system's owner. */
static char *
proposed_assessor (AimsAssessmentsPage *self,
                   gint64               system_id)
{
  AimsDb *db = aims_context_get_db (get_context (self));
  g_autoptr(GPtrArray) people = aims_store_list (db, aims_entity_people (), NULL);
  g_autoptr(AimsRecord) system = NULL;

  for (guint i = 0; people != NULL && i < people->len; i++)
    if (g_strcmp0 (aims_record_get_title (people->pdata[i]), aims_context_get_author (get_context (self))) == 0)
      return g_strdup_printf ("%" G_GINT64_FORMAT, aims_record_get_id (people->pdata[i]));
  if (system_id > 0)
    system = aims_store_load (db, aims_entity_systems (), system_id, NULL);
  return system != NULL ? g_strdup (aims_record_get (system, "owner_id")) : NULL;
}

void
aims_assessments_page_start (AimsAssessmentsPage *self,
                             gint64               system_id)
{
  AimsContext *context;
  GtkWidget *dialog, *list;
  StartDialog *start;
  g_autofree char *system = NULL;
  g_autofree char *assessor = NULL;

  g_return_if_fail (AIMS_IS_ASSESSMENTS_PAGE (self));

  context = get_context (self);
  if (aims_context_get_db (context) == NULL)
    return;
  start = g_new0 (StartDialog, 1);
  start->page = g_object_ref (self);
  dialog = adw_message_dialog_new (parent_window (self), _("Start Impact Assessment"),
                                   _("The assessor answers the questions; the assessment starts as a draft, "
                                     "saved as it is answered."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "start", _("_Start"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  start->system = aims_link_chooser_new (context, aims_entity_systems (), _("Not chosen"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (start->system), _("AI system"));
  start->assessor = aims_link_chooser_new (context, aims_entity_people (), _("Not chosen"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (start->assessor), _("Assessor"));
  if (system_id > 0)
    {
      system = g_strdup_printf ("%" G_GINT64_FORMAT, system_id);
      aims_link_chooser_set_record (AIMS_LINK_CHOOSER (start->system), system, NULL);
    }
  assessor = proposed_assessor (self, system_id);
  if (assessor != NULL)
    aims_link_chooser_set_record (AIMS_LINK_CHOOSER (start->assessor), assessor, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), start->system);
  gtk_list_box_append (GTK_LIST_BOX (list), start->assessor);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_signal_connect (start->system, "notify::record-id", G_CALLBACK (start_validate), start);
  g_signal_connect (start->assessor, "notify::record-id", G_CALLBACK (start_validate), start);
  start->dialog = dialog;
  start_validate (NULL, NULL, start);
  g_signal_connect_data (dialog, "response", G_CALLBACK (start_response_cb), start, start_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static AimsRecord *
selected (AimsAssessmentsPage *self)
{
  return aims_record_list_get_selected (self->record_list);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AimsAssessmentsPage *self = AIMS_ASSESSMENTS_PAGE (widget);

  aims_assessments_page_start (self, system_filter (self));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AimsAssessmentsPage *self = AIMS_ASSESSMENTS_PAGE (widget);

  if (selected (self) != NULL)
    aims_assessments_page_open (self, aims_record_get_id (selected (self)));
}

/* One step of the workflow; the core says why when it refuses. */
static void
workflow_done (AimsAssessmentsPage *self,
               AimsRecord          *stored,
               GError              *error,
               const char          *heading,
               const char          *done)
{
  if (stored == NULL)
    {
      show_message (self, heading,
                    g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT)
                    ? _("Someone else changed this assessment meanwhile; it has been read again.")
                    : error->message);
      aims_record_list_changed_here (self->record_list);
      return;
    }
  aims_record_list_changed_here (self->record_list);
  aims_assessments_page_select (self, aims_record_get_id (stored));
  aims_page_add_toast (GTK_WIDGET (self), adw_toast_new (done));
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AimsAssessmentsPage *self = AIMS_ASSESSMENTS_PAGE (widget);
  AimsContext *context = get_context (self);
  AimsRecord *record = selected (self);
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (record == NULL || aims_context_get_db (context) == NULL)
    return;
  stored = aims_assessment_approve (aims_context_get_db (context), aims_record_get_id (record),
                                    aims_record_get_row_version (record), aims_context_get_author (context), &error);
  /* Translators: a toast, "Approved AIA-003" */
  done = stored != NULL ? g_strdup_printf (_("Approved %s"), aims_record_get_reference (stored)) : NULL;
  workflow_done (self, stored, error, _("Could Not Approve"), done);
}

static void
send_back_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       AimsAssessmentsPage *self)
{
  AimsContext *context = get_context (self);
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "aims-entry");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "aims-id"));
  gint64 version = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "aims-version"));
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (g_strcmp0 (response, "send-back") != 0 || aims_context_get_db (context) == NULL)
    return;
  stored = aims_assessment_send_back (aims_context_get_db (context), id, version,
                                      gtk_editable_get_text (GTK_EDITABLE (entry)),
                                      aims_context_get_author (context), &error);
  /* Translators: a toast, "Sent AIA-003 back to its assessor" */
  done = stored != NULL ? g_strdup_printf (_("Sent %s back to its assessor"), aims_record_get_reference (stored)) : NULL;
  workflow_done (self, stored, error, _("Could Not Send Back"), done);
}

static void
comments_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "send-back", *text != '\0');
}

static void
send_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AimsAssessmentsPage *self = AIMS_ASSESSMENTS_PAGE (widget);
  AimsRecord *record = selected (self);
  GtkWidget *dialog, *list, *entry;
  g_autofree char *heading = NULL;

  if (record == NULL)
    return;
  /* Translators: "Send AIA-003 Back?" */
  heading = g_strdup_printf (_("Send %s Back?"), aims_record_get_reference (record));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("It becomes a draft again, with your comments for the assessor."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "send-back", _("_Send Back"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send-back", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "send-back", FALSE);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Comments"));
  g_signal_connect (entry, "changed", G_CALLBACK (comments_changed_cb), dialog);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data (G_OBJECT (dialog), "aims-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "aims-id", GSIZE_TO_POINTER (aims_record_get_id (record)));
  g_object_set_data (G_OBJECT (dialog), "aims-version", GSIZE_TO_POINTER (aims_record_get_row_version (record)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (send_back_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AimsAssessmentsPage *self = AIMS_ASSESSMENTS_PAGE (widget);
  AimsContext *context = get_context (self);
  AimsRecord *record = selected (self);
  g_autoptr(AimsRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (record == NULL || aims_context_get_db (context) == NULL)
    return;
  stored = aims_assessment_new_version (aims_context_get_db (context), aims_record_get_id (record),
                                        aims_context_get_author (context), &error);
  /* Translators: a toast, "Started AIA-005, a new version" */
  done = stored != NULL ? g_strdup_printf (_("Started %s, a new version"), aims_record_get_reference (stored)) : NULL;
  workflow_done (self, stored, error, _("Could Not Start a New Version"), done);
  if (stored != NULL)
    aims_assessments_page_open (self, aims_record_get_id (stored));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AimsAssessmentsPage *self = AIMS_ASSESSMENTS_PAGE (widget);
  AimsRecord *record = selected (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  gint64 earlier;

  if (record == NULL)
    return;
  earlier = field_id (record, "supersedes_id");
  window = aims_assessment_compare_new (parent_window (self), get_context (self),
                                        earlier > 0 ? earlier : aims_record_get_id (record),
                                        aims_record_get_id (record), &error);
  if (window == NULL)
    {
      show_message (self, _("Could Not Compare"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

/* ── The detail ──────────────────────────────────────────────────────── */

static void
update_detail (AimsAssessmentsPage *self)
{
  AimsContext *context = get_context (self);
  AimsDb *db = aims_context_get_db (context);
  AimsRecord *record = aims_record_editor_get_record (aims_record_list_get_editor (self->record_list));
  gboolean writable = db != NULL && !aims_db_is_read_only (db);
  AimsAssessmentStatus status = record != NULL ? aims_assessment_record_get_status (record) : AIMS_ASSESSMENT_DRAFT;
  g_autoptr(AimsAssessment) assessment = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.start", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.approve",
                                 writable && record != NULL && status == AIMS_ASSESSMENT_IN_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.send-back",
                                 writable && record != NULL && status == AIMS_ASSESSMENT_IN_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-version",
                                 writable && record != NULL && status == AIMS_ASSESSMENT_APPROVED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.compare",
                                 record != NULL && field_id (record, "supersedes_id") > 0);
  /* An assessment stays with its system; only a draft's assessor changes. */
  if (aims_record_editor_get_field_row (aims_record_list_get_editor (self->record_list), "ai_system_id") != NULL)
    gtk_widget_set_sensitive (aims_record_editor_get_field_row (aims_record_list_get_editor (self->record_list),
                                                                "ai_system_id"), FALSE);
  if (aims_record_editor_get_field_row (aims_record_list_get_editor (self->record_list), "assessor_id") != NULL)
    gtk_widget_set_sensitive (aims_record_editor_get_field_row (aims_record_list_get_editor (self->record_list),
                                                                "assessor_id"),
                              writable && status == AIMS_ASSESSMENT_DRAFT);
  if (record != NULL && db != NULL)
    assessment = aims_assessment_load (db, aims_record_get_id (record), NULL);
  aims_assessment_answers_set_assessment (AIMS_ASSESSMENT_ANSWERS (self->answers), assessment);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
setup_detail (AimsAssessmentsPage *self)
{
  AimsRecordEditor *editor = aims_record_list_get_editor (self->record_list);
  GtkWidget *flow = gtk_flow_box_new ();

  aims_record_editor_set_placeholder (editor, _("No Impact Assessment Selected"),
                                      _("Choose an assessment in the list to see its answers and its approval."));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_widget_set_margin_top (flow, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Workflow"), -1);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), action_button (_("Approve"), "page.approve",
                                                           _("Approve it, as the approver chosen")));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), action_button (_("Send Back…"), "page.send-back",
                                                           _("Send it back to the assessor with comments")));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), action_button (_("New Version"), "page.new-version",
                                                           _("Start a new version, a copy of this one")));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), action_button (_("Compare…"), "page.compare",
                                                           _("Compare with the version before, answer by answer")));
  self->actions_box = flow;
  aims_record_editor_add_row (editor, "review", flow);
  self->answers = aims_assessment_answers_new ();
  gtk_widget_set_margin_top (self->answers, 12);
  aims_record_editor_add_row (editor, "eu", self->answers);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (update_detail), self, G_CONNECT_SWAPPED);
}

static void
add_columns (AimsAssessmentsPage *self)
{
  AimsRecordList *list = self->record_list;

  aims_record_list_add_column (list, NULL, _("Reference"), 80, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "ai_system_id", _("AI system"), 180, AIMS_RECORD_COLUMN_EXPAND);
  aims_record_list_add_column (list, "version", _("Version"), 70, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "status", _("Status"), 100, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "overall_level", _("Overall level"), 110, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "assessor_id", _("Assessor"), 130, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "approver_id", _("Approver"), 130, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "next_review_date", _("Next reassessment"), 130,
                               AIMS_RECORD_COLUMN_REVIEW_DATE);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static char *
format_count (AimsRecordPage *page,
              guint           shown,
              guint           total)
{
  if (shown == total)
    return g_strdup_printf (ngettext ("%u assessment", "%u assessments", total), total);
  /* Translators: "3 of 12 assessments", when a search or a filter hides some */
  return g_strdup_printf (ngettext ("%u of %u assessment", "%u of %u assessments", total), shown, total);
}

static void
aims_assessments_page_constructed (GObject *object)
{
  AimsAssessmentsPage *self = AIMS_ASSESSMENTS_PAGE (object);
  AimsRecordList *list = self->record_list;
  AimsContext *context = get_context (self);
  g_autoptr(GListModel) statuses = NULL;

  G_OBJECT_CLASS (aims_assessments_page_parent_class)->constructed (object);

  self->updating_filters = TRUE;
  statuses = aims_choice_filter_model (assessment_field ("status"), _("All statuses"));
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  self->updating_filters = FALSE;

  aims_record_list_setup (list, context, aims_entity_assessments ());
  aims_record_list_set_match_func (list, match_cb, self);
  add_columns (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (aims_record_list_get_column_view (list)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Impact Assessments"), -1);
  aims_record_list_set_empty_texts (list, "x-office-document-symbolic", _("No Impact Assessments"),
                                    _("Start one from an AI system, or with the button above: a wizard leads "
                                      "through what the system does, whom it affects and how much."),
                                    _("No assessment matches the search and filters."));
  setup_detail (self);

  g_signal_connect_object (context, "notify::db", G_CALLBACK (fill_system_dropdown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "data-changed", G_CALLBACK (fill_system_dropdown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::db", G_CALLBACK (update_detail), self, G_CONNECT_SWAPPED);
  aims_record_page_setup (AIMS_RECORD_PAGE (self), list, self->window_title, self->back_button);
  fill_system_dropdown (self);
  update_detail (self);
}

static void
aims_assessments_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_ASSESSMENTS_PAGE);
  G_OBJECT_CLASS (aims_assessments_page_parent_class)->dispose (object);
}

static void
aims_assessments_page_finalize (GObject *object)
{
  AimsAssessmentsPage *self = AIMS_ASSESSMENTS_PAGE (object);

  g_array_unref (self->system_ids);
  G_OBJECT_CLASS (aims_assessments_page_parent_class)->finalize (object);
}

static void
aims_assessments_page_class_init (AimsAssessmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_assessments_page_constructed;
  object_class->dispose = aims_assessments_page_dispose;
  object_class->finalize = aims_assessments_page_finalize;
  AIMS_RECORD_PAGE_CLASS (klass)->format_count = format_count;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-assessments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentsPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentsPage, system_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentsPage, record_list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "page.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "page.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "page.send-back", NULL, send_back_action);
  gtk_widget_class_install_action (widget_class, "page.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "page.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "page.filter", "s", filter_action);
}

static void
aims_assessments_page_init (AimsAssessmentsPage *self)
{
  self->system_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->updating_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating_filters = FALSE;
}

GtkWidget *
aims_assessments_page_new (AimsContext *context)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_ASSESSMENTS_PAGE, "context", context, NULL);
}
