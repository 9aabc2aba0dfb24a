/* aims-question-row.c — one question, answered and saved as it is given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-question-input.h"
#include "aims-question-row.h"

/* How long typing must pause before the text is saved. */
#define SAVE_DELAY_MS 500

struct _AimsQuestionRow
{
  GtkWidget           parent_instance;

  AimsContext        *context;
  gint64              assessment_id;
  const AimsQuestion *question;
  AimsQuestionInput  *input;
  GtkWidget          *problem_label;

  gint64              answer_version;  /* as read: 0 when never answered */
  char               *saved_value;     /* what the store holds, as given */
  gboolean            pending;         /* changed since saved_value */
  guint               save_source;
  gboolean            editable;
};

G_DEFINE_FINAL_TYPE (AimsQuestionRow, aims_question_row, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
aims_question_row_show_problem (AimsQuestionRow *self,
                                const char      *message)
{
  g_return_if_fail (AIMS_IS_QUESTION_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->problem_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->problem_label, message != NULL);
}

gboolean
aims_question_row_flush (AimsQuestionRow *self)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autofree char *value = NULL;
  g_autoptr(AimsAnswer) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AIMS_IS_QUESTION_ROW (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->pending || !self->editable || db == NULL)
    return TRUE;
  self->pending = FALSE;
  value = aims_question_input_dup_value (self->input);
  if (g_strcmp0 (value, self->saved_value) == 0)
    return TRUE;

  stored = aims_assessment_save_answer (db, self->assessment_id, self->question->id, value,
                                        self->answer_version, aims_context_get_author (self->context), &error);
  if (stored == NULL)
    {
      if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT))
        {
          g_autofree char *message =
            g_strdup_printf (_("Someone else answered this question meanwhile; their answer is shown. "
                               "Yours was: %s"), value != NULL ? value : _("(none)"));

          /* Theirs is read again by the wizard; the user's words stay here. */
          g_signal_emit (self, signals[SIGNAL_SAVED], 0);
          aims_question_row_show_problem (self, message);
        }
      else
        aims_question_row_show_problem (self, error->message);
      return FALSE;
    }
  self->answer_version = stored->row_version;
  g_free (self->saved_value);
  self->saved_value = g_steal_pointer (&value);
  aims_question_row_show_problem (self, NULL);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  AimsQuestionRow *self = data;

  self->save_source = 0;
  aims_question_row_flush (self);
  return G_SOURCE_REMOVE;
}

static void
input_changed_cb (gpointer data)
{
  AimsQuestionRow *self = data;

  if (!self->editable)
    return;
  self->pending = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (aims_question_input_is_typed (self->input))
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  else
    aims_question_row_flush (self);
}

static void
focus_leave_cb (AimsQuestionRow *self)
{
  aims_question_row_flush (self);
}

void
aims_question_row_set_answer (AimsQuestionRow  *self,
                              const AimsAnswer *answer)
{
  const char *value = answer != NULL ? answer->value : NULL;

  g_return_if_fail (AIMS_IS_QUESTION_ROW (self));

  self->answer_version = answer != NULL ? answer->row_version : 0;
  /* A level comes back "3/5", a choice as its key: compare as given. */
  g_free (self->saved_value);
  if (self->pending)
    {
      self->saved_value = g_strdup (value);
      return;
    }
  aims_question_input_set_value (self->input, value);
  self->saved_value = aims_question_input_dup_value (self->input);
}

gint64
aims_question_row_get_answer_version (AimsQuestionRow *self)
{
  g_return_val_if_fail (AIMS_IS_QUESTION_ROW (self), 0);
  return self->answer_version;
}

void
aims_question_row_set_editable (AimsQuestionRow *self,
                                gboolean         editable)
{
  g_return_if_fail (AIMS_IS_QUESTION_ROW (self));

  self->editable = editable;
  aims_question_input_set_editable (self->input, editable);
}

const AimsQuestion *
aims_question_row_get_question (AimsQuestionRow *self)
{
  g_return_val_if_fail (AIMS_IS_QUESTION_ROW (self), NULL);
  return self->question;
}

void
aims_question_row_focus (AimsQuestionRow *self)
{
  g_return_if_fail (AIMS_IS_QUESTION_ROW (self));
  gtk_widget_grab_focus (aims_question_input_get_focus (self->input));
}

GtkWidget *
aims_question_row_get_input (AimsQuestionRow *self)
{
  g_return_val_if_fail (AIMS_IS_QUESTION_ROW (self), NULL);
  return aims_question_input_get_focus (self->input);
}

static void
aims_question_row_dispose (GObject *object)
{
  AimsQuestionRow *self = AIMS_QUESTION_ROW (object);
  GtkWidget *child;

  /* Words typed in the last half second are not lost with the window. */
  if (self->save_source != 0)
    aims_question_row_flush (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->input, aims_question_input_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (aims_question_row_parent_class)->dispose (object);
}

static void
aims_question_row_finalize (GObject *object)
{
  AimsQuestionRow *self = AIMS_QUESTION_ROW (object);

  g_free (self->saved_value);
  G_OBJECT_CLASS (aims_question_row_parent_class)->finalize (object);
}

static void
aims_question_row_class_init (AimsQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_question_row_dispose;
  object_class->finalize = aims_question_row_finalize;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "aims-question");
}

static void
aims_question_row_init (AimsQuestionRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->editable = TRUE;
}

static GtkWidget *
add_label (AimsQuestionRow *self,
           const char      *text,
           const char      *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

GtkWidget *
aims_question_row_new (AimsContext          *context,
                       gint64                assessment_id,
                       const AimsQuestion   *question,
                       const AimsRiskMatrix *matrix)
{
  AimsQuestionRow *self;
  GtkWidget *prompt, *input;
  GtkEventController *focus;
  g_autofree char *title = NULL;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (AIMS_TYPE_QUESTION_ROW, NULL);
  self->context = g_object_ref (context);
  self->assessment_id = assessment_id;
  self->question = question;
  self->input = aims_question_input_new (context, question, matrix, G_CALLBACK (input_changed_cb), self);

  /* Translators: an optional question's prompt, "How long is the data kept? (optional)" */
  title = question->required ? g_strdup (question->prompt) : g_strdup_printf (_("%s (optional)"), question->prompt);
  prompt = add_label (self, title, "heading");
  if (question->help != NULL)
    add_label (self, question->help, "dim-label");
  input = aims_question_input_get_widget (self->input);
  gtk_widget_set_parent (input, GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (aims_question_input_get_focus (self->input)),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, prompt, NULL, -1);
  self->problem_label = add_label (self, NULL, "error");
  gtk_widget_set_visible (self->problem_label, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (aims_question_input_get_focus (self->input)),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->problem_label, NULL, -1);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  return GTK_WIDGET (self);
}
