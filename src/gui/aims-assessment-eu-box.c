/* aims-assessment-eu-box.c — the EU AI Act screening, confirmed or corrected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-eu-box.h"

struct _AimsAssessmentEuBox
{
  GtkWidget       parent_instance;

  AimsContext    *context;
  gint64          assessment_id;
  AimsEuClass     proposed_class;
  AimsEuRole      proposed_role;

  GtkWidget      *class_row;
  GtkWidget      *role_row;
  GtkWidget      *reasons_row;
  GtkWidget      *missing_row;
  GtkWidget      *result_row;
  GtkWidget      *confirm_button;
  GtkWidget      *correct_group;
  GtkWidget      *class_combo;
  GtkWidget      *role_combo;
  GtkWidget      *reason_row;
  GtkWidget      *correct_button;
  GtkWidget      *problem_label;
};

G_DEFINE_FINAL_TYPE (AimsAssessmentEuBox, aims_assessment_eu_box, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The classes and roles a person may settle on, in the combos' order. */
static const AimsEuClass classes[] = {
  AIMS_EU_CLASS_PROHIBITED, AIMS_EU_CLASS_HIGH, AIMS_EU_CLASS_LIMITED, AIMS_EU_CLASS_MINIMAL,
};
static const AimsEuRole roles[] = {
  AIMS_EU_ROLE_PROVIDER, AIMS_EU_ROLE_DEPLOYER, AIMS_EU_ROLE_IMPORTER, AIMS_EU_ROLE_DISTRIBUTOR,
};

gboolean
aims_assessment_eu_is_confirmed (AimsAssessment  *assessment,
                                 GError         **error)
{
  g_auto(AimsEuScreening) now = { 0 };

  g_return_val_if_fail (assessment != NULL, FALSE);

  if (aims_record_get (assessment->record, "eu_class") == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("Confirm or correct the class and role the EU AI Act screening proposes"));
      return FALSE;
    }
  aims_assessment_screen_eu_ai_act (assessment, &now);
  if (g_strcmp0 (aims_record_get (assessment->record, "eu_proposed_class"), aims_eu_class_key (now.eu_class)) != 0 ||
      g_strcmp0 (aims_record_get (assessment->record, "eu_proposed_role"), aims_eu_role_key (now.role)) != 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("The answers of the screening changed since its result was confirmed: it now proposes "
                     "%s as %s; confirm the result again"),
                   aims_eu_class_label (now.eu_class), aims_eu_role_label (now.role));
      return FALSE;
    }
  return TRUE;
}

static void
show_problem (AimsAssessmentEuBox *self,
              const char          *message)
{
  gtk_label_set_text (GTK_LABEL (self->problem_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->problem_label, message != NULL);
}

static gboolean
confirm (AimsAssessmentEuBox  *self,
         AimsEuClass           eu_class,
         AimsEuRole            role,
         const char           *reason,
         GError              **error)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autoptr(AimsRecord) record = NULL;

  if (db == NULL)
    return FALSE;
  record = aims_assessment_confirm_eu_ai_act (db, self->assessment_id, eu_class, role, reason,
                                              aims_context_get_author (self->context), error);
  if (record == NULL)
    return FALSE;
  show_problem (self, NULL);
  g_signal_emit (self, signals[SIGNAL_CONFIRMED], 0);
  return TRUE;
}

gboolean
aims_assessment_eu_box_confirm (AimsAssessmentEuBox  *self,
                                GError              **error)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_EU_BOX (self), FALSE);
  return confirm (self, self->proposed_class, self->proposed_role, NULL, error);
}

static void
confirm_clicked_cb (AimsAssessmentEuBox *self)
{
  g_autoptr(GError) error = NULL;

  if (!aims_assessment_eu_box_confirm (self, &error) && error != NULL)
    show_problem (self, error->message);
}

static void
correct_clicked_cb (AimsAssessmentEuBox *self)
{
  guint c = adw_combo_row_get_selected (ADW_COMBO_ROW (self->class_combo));
  guint r = adw_combo_row_get_selected (ADW_COMBO_ROW (self->role_combo));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  g_autoptr(GError) error = NULL;

  if (c >= G_N_ELEMENTS (classes) || r >= G_N_ELEMENTS (roles))
    return;
  if (!confirm (self, classes[c], roles[r], *reason != '\0' ? reason : NULL, &error) && error != NULL)
    show_problem (self, error->message);
}

static const char *
question_prompt (AimsAssessment *assessment,
                 const char     *path)
{
  const AimsQuestion *question = aims_template_find_question (assessment->template, path);

  return question != NULL ? question->prompt : path;
}

void
aims_assessment_eu_box_set_assessment (AimsAssessmentEuBox *self,
                                       AimsAssessment      *assessment,
                                       gboolean             editable)
{
  g_auto(AimsEuScreening) proposal = { 0 };
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  const char *class_key, *role_key, *reason;
  AimsEuClass confirmed_class;
  AimsEuRole confirmed_role;

  g_return_if_fail (AIMS_IS_ASSESSMENT_EU_BOX (self));
  g_return_if_fail (assessment != NULL);

  self->assessment_id = aims_record_get_id (assessment->record);
  aims_assessment_screen_eu_ai_act (assessment, &proposal);
  self->proposed_class = proposal.eu_class;
  self->proposed_role = proposal.role;

  gtk_label_set_text (GTK_LABEL (self->class_row), aims_eu_class_label (proposal.eu_class));
  gtk_label_set_text (GTK_LABEL (self->role_row), aims_eu_role_label (proposal.role));
  for (guint i = 0; i < proposal.reasons->len; i++)
    g_string_append_printf (reasons, "%s%s", i > 0 ? "\n" : "", (char *) proposal.reasons->pdata[i]);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->reasons_row), reasons->str);
  gtk_widget_set_visible (self->reasons_row, reasons->len > 0);
  for (guint i = 0; i < proposal.missing->len; i++)
    g_string_append_printf (missing, "%s%s", i > 0 ? "\n" : "",
                            question_prompt (assessment, proposal.missing->pdata[i]));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->missing_row), missing->str);
  gtk_widget_set_visible (self->missing_row, missing->len > 0);

  class_key = aims_record_get (assessment->record, "eu_class");
  role_key = aims_record_get (assessment->record, "eu_role");
  reason = aims_record_get (assessment->record, "eu_reason");
  if (class_key != NULL && aims_eu_class_from_key (class_key, &confirmed_class))
    {
      g_autofree char *text = NULL;

      if (!aims_eu_role_from_key (role_key, &confirmed_role))
        confirmed_role = AIMS_EU_ROLE_UNKNOWN;
      /* Translators: the confirmed EU AI Act result, "High risk, as Deployer" */
      text = g_strdup_printf (_("%s, as %s"), aims_eu_class_label (confirmed_class),
                              aims_eu_role_label (confirmed_role));
      if (reason != NULL)
        {
          g_autofree char *with_reason = g_strdup_printf (_("%s — corrected: %s"), text, reason);

          g_free (text);
          text = g_steal_pointer (&with_reason);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->result_row), text);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->result_row), _("Not confirmed yet"));

  gtk_widget_set_sensitive (self->confirm_button, editable && proposal.eu_class != AIMS_EU_CLASS_NOT_ASSESSED);
  gtk_widget_set_visible (self->correct_group, editable);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (classes[i] == proposal.eu_class)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->class_combo), i);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i] == proposal.role)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->role_combo), i);
  show_problem (self, NULL);
}

/* ── Building ────────────────────────────────────────────────────────── */

static GtkWidget *
value_row (GtkWidget   *group,
           const char  *title,
           GtkWidget  **value_label)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *value_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (*value_label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *value_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
text_row (GtkWidget  *group,
          const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
combo_row (GtkWidget  *group,
           const char *title,
           const char *labels[],
           guint       n_labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (model, labels[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
button (const char *label,
        GCallback   callback,
        gpointer    data)
{
  GtkWidget *widget = gtk_button_new_with_label (label);

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (widget, "clicked", callback, data);
  return widget;
}

static void
build (AimsAssessmentEuBox *self)
{
  GtkWidget *proposed = adw_preferences_group_new ();
  GtkWidget *result = adw_preferences_group_new ();
  const char *class_labels[G_N_ELEMENTS (classes)];
  const char *role_labels[G_N_ELEMENTS (roles)];

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (proposed), _("Proposed by Your Answers"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (proposed),
                                         _("A first screening, not legal advice."));
  self->class_row = NULL;
  value_row (proposed, _("Risk class"), &self->class_row);
  value_row (proposed, _("Operator role"), &self->role_row);
  self->reasons_row = text_row (proposed, _("Why"));
  self->missing_row = text_row (proposed, _("Still to answer"));
  gtk_widget_add_css_class (self->missing_row, "warning");
  gtk_widget_set_parent (proposed, GTK_WIDGET (self));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (result), _("Your Result"));
  self->result_row = text_row (result, _("Confirmed result"));
  self->confirm_button = button (_("Confirm as Proposed"), G_CALLBACK (confirm_clicked_cb), self);
  gtk_widget_add_css_class (self->confirm_button, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->result_row), self->confirm_button);
  gtk_widget_set_parent (result, GTK_WIDGET (self));

  self->correct_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->correct_group), _("Correct the Result"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->correct_group),
                                         _("When you know better than the screening: choose the class and role, "
                                           "and say why. The reason is kept with the assessment."));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    class_labels[i] = aims_eu_class_label (classes[i]);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    role_labels[i] = aims_eu_role_label (roles[i]);
  self->class_combo = combo_row (self->correct_group, _("Risk class"), class_labels, G_N_ELEMENTS (classes));
  self->role_combo = combo_row (self->correct_group, _("Operator role"), role_labels, G_N_ELEMENTS (roles));
  self->reason_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("Reason for the correction"));
  /* libadwaita 1.2 does not name the text inside an entry row: a screen
   * reader would announce a nameless field. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->reason_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for the correction"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->correct_group), self->reason_row);
  self->correct_button = button (_("Confirm Correction"), G_CALLBACK (correct_clicked_cb), self);
  gtk_widget_set_halign (self->correct_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (self->correct_button, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->correct_group), self->correct_button);
  gtk_widget_set_parent (self->correct_group, GTK_WIDGET (self));

  self->problem_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->problem_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->problem_label), 0.0);
  gtk_widget_add_css_class (self->problem_label, "error");
  gtk_widget_set_visible (self->problem_label, FALSE);
  gtk_widget_set_parent (self->problem_label, GTK_WIDGET (self));
}

static void
aims_assessment_eu_box_dispose (GObject *object)
{
  AimsAssessmentEuBox *self = AIMS_ASSESSMENT_EU_BOX (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (aims_assessment_eu_box_parent_class)->dispose (object);
}

static void
aims_assessment_eu_box_class_init (AimsAssessmentEuBoxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_assessment_eu_box_dispose;
  signals[SIGNAL_CONFIRMED] = g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static void
aims_assessment_eu_box_init (AimsAssessmentEuBox *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
  build (self);
}

GtkWidget *
aims_assessment_eu_box_new (AimsContext *context)
{
  AimsAssessmentEuBox *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_ASSESSMENT_EU_BOX, NULL);
  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
