/* aims-system-assessment-row.c — an AI system's impact assessment, in its
 * editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-system-assessment-row.h"

struct _AimsSystemAssessmentRow
{
  AdwActionRow  parent_instance;

  AimsContext  *context;
  GtkWidget    *start_button;
  GtkWidget    *open_button;
};

G_DEFINE_FINAL_TYPE (AimsSystemAssessmentRow, aims_system_assessment_row, ADW_TYPE_ACTION_ROW)

static char *
describe (AimsRecord *assessment)
{
  /* Translators: an assessment in the AI system's editor, "AIA-003, version 2: Approved" */
  return g_strdup_printf (_("%s, version %s: %s"), aims_record_get_reference (assessment),
                          aims_record_get (assessment, "version"),
                          aims_assessment_status_label (aims_assessment_record_get_status (assessment)));
}

void
aims_system_assessment_row_set_system (AimsSystemAssessmentRow *self,
                                       AimsRecord              *system)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autoptr(AimsSystemAssessment) status = NULL;
  g_autoptr(GDate) today = aims_date_today ();
  g_autoptr(GString) text = g_string_new (NULL);
  AimsRecord *shown = NULL;

  g_return_if_fail (AIMS_IS_SYSTEM_ASSESSMENT_ROW (self));

  if (system != NULL && db != NULL)
    status = aims_assessment_system_status (db, aims_record_get_id (system), today, NULL);
  if (status != NULL && status->current != NULL)
    {
      g_autofree char *current = describe (status->current);

      g_string_append (text, current);
      if (status->next_review_date != NULL)
        /* Translators: after the assessment in force, "; next reassessment 2027-05-01" */
        g_string_append_printf (text, status->review_overdue ? _("; reassessment overdue since %s")
                                                             : _("; next reassessment %s"),
                                status->next_review_date);
      shown = status->current;
    }
  if (status != NULL && status->in_progress != NULL)
    {
      g_autofree char *progress = describe (status->in_progress);

      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: a newer version under way, "In progress: AIA-004, version 3: Draft" */
      g_string_append_printf (text, _("In progress: %s"), progress);
      shown = status->in_progress;
    }
  if (text->len == 0)
    g_string_append (text, system != NULL ? _("Not assessed yet") : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text->str);
  if (status != NULL && status->review_overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");

  gtk_widget_set_visible (self->open_button, shown != NULL);
  if (shown != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "x", aims_record_get_id (shown));
  /* One line of versions at a time: a new one starts from the approved one. */
  gtk_widget_set_visible (self->start_button, system != NULL && status != NULL && status->current == NULL &&
                                              status->in_progress == NULL);
  if (system != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->start_button), "x", aims_record_get_id (system));
}

static void
record_changed_cb (AimsSystemAssessmentRow *self,
                   GParamSpec              *pspec,
                   AimsRecordEditor        *editor)
{
  aims_system_assessment_row_set_system (self, aims_record_editor_get_record (editor));
}

static void
aims_system_assessment_row_dispose (GObject *object)
{
  g_clear_object (&AIMS_SYSTEM_ASSESSMENT_ROW (object)->context);
  G_OBJECT_CLASS (aims_system_assessment_row_parent_class)->dispose (object);
}

static void
aims_system_assessment_row_class_init (AimsSystemAssessmentRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_system_assessment_row_dispose;
}

static GtkWidget *
suffix_button (AimsSystemAssessmentRow *self,
               const char              *label,
               const char              *action)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* A target from the start: the id comes with the record shown. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
  return button;
}

static void
aims_system_assessment_row_init (AimsSystemAssessmentRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Impact assessment"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  self->start_button = suffix_button (self, _("Start Impact Assessment…"), "win.start-assessment");
  self->open_button = suffix_button (self, _("Open"), "win.open-assessment");
}

GtkWidget *
aims_system_assessment_row_new (AimsContext      *context,
                                AimsRecordEditor *editor)
{
  AimsSystemAssessmentRow *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (AIMS_IS_RECORD_EDITOR (editor), NULL);

  self = g_object_new (AIMS_TYPE_SYSTEM_ASSESSMENT_ROW, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
