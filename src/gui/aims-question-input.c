/* aims-question-input.c — the input of one question, by its type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-link-chooser.h"
#include "aims-question-input.h"

typedef enum
{
  INPUT_LINE,      /* text */
  INPUT_PARAGRAPH, /* long text */
  INPUT_OPTIONS,   /* one of: single choice, yes/no, scale, likelihood, impact */
  INPUT_CHECKS,    /* several of: multiple choice */
  INPUT_DATE,
  INPUT_PERSON,
} InputKind;

struct _AimsQuestionInput
{
  InputKind           kind;
  const AimsQuestion *question;
  GtkWidget          *widget;
  GtkWidget          *focus;
  GtkWidget          *entry;      /* line, date */
  GtkTextBuffer      *buffer;     /* paragraph */
  GtkWidget          *text_view;
  GtkWidget          *calendar_button;
  GtkWidget          *chooser;    /* person */
  GPtrArray          *buttons;    /* options, checks: GtkCheckButton */
  GPtrArray          *keys;       /* char *, the stored key of each button */
  GCallback           changed;
  gpointer            data;
  gboolean            setting;
};

static void
emit_changed (AimsQuestionInput *self)
{
  if (!self->setting && self->changed != NULL)
    ((void (*) (gpointer)) self->changed) (self->data);
}

static InputKind
kind_of (AimsQuestionType type)
{
  switch (type)
    {
    case AIMS_QUESTION_TEXT:
      return INPUT_LINE;
    case AIMS_QUESTION_LONG_TEXT:
      return INPUT_PARAGRAPH;
    case AIMS_QUESTION_MULTIPLE_CHOICE:
      return INPUT_CHECKS;
    case AIMS_QUESTION_DATE:
      return INPUT_DATE;
    case AIMS_QUESTION_PERSON:
      return INPUT_PERSON;
    case AIMS_QUESTION_SINGLE_CHOICE:
    case AIMS_QUESTION_YES_NO:
    case AIMS_QUESTION_SCALE:
    case AIMS_QUESTION_LIKELIHOOD:
    case AIMS_QUESTION_IMPACT:
    case AIMS_QUESTION_N_TYPES:
    default:
      return INPUT_OPTIONS;
    }
}

static void
label_control (GtkWidget          *widget,
               const AimsQuestion *question)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, question->prompt, -1);
}

/* ── Buttons: options and checks ─────────────────────────────────────── */

/* The keys and labels offered: the template's choices, Yes and No, or the
 * levels of the matrix as it labels them. */
static void
collect_options (const AimsQuestion   *question,
                 const AimsRiskMatrix *matrix,
                 GPtrArray            *keys,
                 GPtrArray            *labels)
{
  char **levels = NULL;

  if (question->type == AIMS_QUESTION_YES_NO)
    {
      g_ptr_array_add (keys, g_strdup ("yes"));
      g_ptr_array_add (labels, g_strdup (_("Yes")));
      g_ptr_array_add (keys, g_strdup ("no"));
      g_ptr_array_add (labels, g_strdup (_("No")));
      return;
    }
  if (matrix != NULL && question->type == AIMS_QUESTION_LIKELIHOOD)
    levels = matrix->likelihood_labels;
  else if (matrix != NULL && question->type == AIMS_QUESTION_IMPACT)
    levels = matrix->impact_labels;
  if (levels != NULL)
    {
      for (guint i = 0; levels[i] != NULL; i++)
        {
          g_ptr_array_add (keys, g_strdup_printf ("%u", i + 1));
          /* Translators: a level of the risk matrix, "3 · Possible" */
          g_ptr_array_add (labels, g_strdup_printf (_("%u · %s"), i + 1, levels[i]));
        }
      return;
    }
  for (guint i = 0; question->choices != NULL && i < question->choices->len; i++)
    {
      const AimsQuestionChoice *choice = question->choices->pdata[i];

      g_ptr_array_add (keys, g_strdup (choice->key));
      if (question->type == AIMS_QUESTION_SCALE)
        g_ptr_array_add (labels, g_strdup_printf (_("%s · %s"), choice->key, choice->label));
      else
        g_ptr_array_add (labels, g_strdup (choice->label));
    }
}

static void
check_toggled_cb (GtkCheckButton    *button,
                  AimsQuestionInput *self)
{
  if (self->setting)
    return;
  if (self->kind == INPUT_OPTIONS && !gtk_check_button_get_active (button))
    return; /* the one turned off as another is chosen: one change, not two */
  if (self->kind == INPUT_CHECKS && gtk_check_button_get_active (button))
    {
      guint index = 0;
      gboolean none;

      g_ptr_array_find (self->buttons, button, &index);
      none = g_str_equal (self->keys->pdata[index], AIMS_CHOICE_NONE);
      /* "None of these" and a choice exclude each other. */
      self->setting = TRUE;
      for (guint i = 0; i < self->buttons->len; i++)
        if (i != index && (none || g_str_equal (self->keys->pdata[i], AIMS_CHOICE_NONE)))
          gtk_check_button_set_active (self->buttons->pdata[i], FALSE);
      self->setting = FALSE;
    }
  emit_changed (self);
}

static GtkWidget *
build_buttons (AimsQuestionInput    *self,
               const AimsRiskMatrix *matrix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkCheckButton *group = NULL;

  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->buttons = g_ptr_array_new ();
  collect_options (self->question, matrix, self->keys, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (labels->pdata[i]);

      /* Long choices wrap instead of widening the page. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, labels->pdata[i], -1);
      if (self->kind == INPUT_OPTIONS)
        {
          if (group != NULL)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
          else
            group = GTK_CHECK_BUTTON (button);
        }
      g_signal_connect (button, "toggled", G_CALLBACK (check_toggled_cb), self);
      g_ptr_array_add (self->buttons, button);
      gtk_box_append (GTK_BOX (box), button);
    }
  if (self->buttons->len > 0)
    self->focus = self->buttons->pdata[0];
  label_control (box, self->question);
  return box;
}

static char *
buttons_value (AimsQuestionInput *self)
{
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  for (guint i = 0; i < self->buttons->len; i++)
    if (gtk_check_button_get_active (self->buttons->pdata[i]))
      g_strv_builder_add (chosen, self->keys->pdata[i]);
  keys = g_strv_builder_end (chosen);
  return keys[0] != NULL ? g_strjoinv (",", keys) : NULL;
}

static void
buttons_set (AimsQuestionInput *self,
             const char        *stored)
{
  g_auto(GStrv) keys = NULL;

  /* A level is stored "level/size": the level is the key. */
  if (stored != NULL && (self->question->type == AIMS_QUESTION_LIKELIHOOD ||
                         self->question->type == AIMS_QUESTION_IMPACT))
    {
      keys = g_strsplit (stored, "/", 2);
      g_clear_pointer (&keys[1], g_free);
    }
  else
    keys = g_strsplit (stored != NULL ? stored : "", ",", -1);
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_check_button_set_active (self->buttons->pdata[i],
                                 g_strv_contains ((const char * const *) keys, self->keys->pdata[i]));
}

/* ── Typed values: line, paragraph, date ─────────────────────────────── */

static GtkWidget *
build_paragraph (AimsQuestionInput *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->text_view = gtk_text_view_new ();
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_widget_add_css_class (self->text_view, "aims-question-paragraph");
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (emit_changed), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 84);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->text_view);
  gtk_widget_add_css_class (scrolled, "card");
  label_control (self->text_view, self->question);
  self->focus = self->text_view;
  return scrolled;
}

static void
calendar_day_selected_cb (GtkCalendar       *calendar,
                          AimsQuestionInput *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->calendar_button));
}

static GtkWidget *
build_date (AimsQuestionInput *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  self->entry = gtk_entry_new ();
  /* Translators: the form a date is typed in */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 14);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (emit_changed), self);
  label_control (self->entry, self->question);
  gtk_box_append (GTK_BOX (box), self->entry);

  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  self->calendar_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->calendar_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->calendar_button), popover);
  gtk_widget_set_tooltip_text (self->calendar_button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Date"), -1);
  gtk_box_append (GTK_BOX (box), self->calendar_button);
  self->focus = self->entry;
  return box;
}

/* ── Person ──────────────────────────────────────────────────────────── */

static GtkWidget *
build_person (AimsQuestionInput *self,
              AimsContext       *context)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  self->chooser = aims_link_chooser_new (context, aims_entity_people (), NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chooser), _("Person"));
  label_control (self->chooser, self->question);
  g_signal_connect_swapped (self->chooser, "notify::record-id", G_CALLBACK (emit_changed), self);
  gtk_list_box_append (GTK_LIST_BOX (list), self->chooser);
  self->focus = self->chooser;
  return list;
}

/* ── The input ───────────────────────────────────────────────────────── */

AimsQuestionInput *
aims_question_input_new (AimsContext          *context,
                         const AimsQuestion   *question,
                         const AimsRiskMatrix *matrix,
                         GCallback             changed,
                         gpointer              data)
{
  AimsQuestionInput *self;

  g_return_val_if_fail (question != NULL, NULL);

  self = g_new0 (AimsQuestionInput, 1);
  self->kind = kind_of (question->type);
  self->question = question;
  self->changed = changed;
  self->data = data;
  switch (self->kind)
    {
    case INPUT_LINE:
      self->entry = self->focus = self->widget = gtk_entry_new ();
      g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (emit_changed), self);
      label_control (self->entry, question);
      break;
    case INPUT_PARAGRAPH:
      self->widget = build_paragraph (self);
      break;
    case INPUT_OPTIONS:
    case INPUT_CHECKS:
      self->widget = build_buttons (self, matrix);
      break;
    case INPUT_DATE:
      self->widget = build_date (self);
      break;
    case INPUT_PERSON:
    default:
      self->widget = build_person (self, context);
      break;
    }
  g_object_ref_sink (self->widget);
  return self;
}

void
aims_question_input_free (AimsQuestionInput *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_object (&self->widget);
  g_free (self);
}

GtkWidget *
aims_question_input_get_widget (AimsQuestionInput *self)
{
  return self->widget;
}

GtkWidget *
aims_question_input_get_focus (AimsQuestionInput *self)
{
  return self->focus;
}

gboolean
aims_question_input_is_typed (AimsQuestionInput *self)
{
  return self->kind == INPUT_LINE || self->kind == INPUT_PARAGRAPH || self->kind == INPUT_DATE;
}

char *
aims_question_input_dup_value (AimsQuestionInput *self)
{
  g_autofree char *text = NULL;

  switch (self->kind)
    {
    case INPUT_LINE:
    case INPUT_DATE:
      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
      break;
    case INPUT_PARAGRAPH:
      {
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (self->buffer, &start, &end);
        text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
      }
      break;
    case INPUT_OPTIONS:
    case INPUT_CHECKS:
      return buttons_value (self);
    case INPUT_PERSON:
    default:
      return g_strdup (aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (self->chooser)));
    }
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

void
aims_question_input_set_value (AimsQuestionInput *self,
                               const char        *stored)
{
  self->setting = TRUE;
  switch (self->kind)
    {
    case INPUT_LINE:
    case INPUT_DATE:
      gtk_editable_set_text (GTK_EDITABLE (self->entry), stored != NULL ? stored : "");
      break;
    case INPUT_PARAGRAPH:
      gtk_text_buffer_set_text (self->buffer, stored != NULL ? stored : "", -1);
      break;
    case INPUT_OPTIONS:
    case INPUT_CHECKS:
      buttons_set (self, stored);
      break;
    case INPUT_PERSON:
    default:
      aims_link_chooser_set_record (AIMS_LINK_CHOOSER (self->chooser), stored, NULL);
      break;
    }
  self->setting = FALSE;
}

void
aims_question_input_set_editable (AimsQuestionInput *self,
                                  gboolean           editable)
{
  /* Frozen text stays selectable, to be copied; choices just stop changing. */
  if (self->entry != NULL)
    gtk_editable_set_editable (GTK_EDITABLE (self->entry), editable);
  if (self->text_view != NULL)
    gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), editable);
  if (self->calendar_button != NULL)
    gtk_widget_set_visible (self->calendar_button, editable);
  if (self->chooser != NULL)
    gtk_widget_set_sensitive (self->chooser, editable);
  for (guint i = 0; self->buttons != NULL && i < self->buttons->len; i++)
    gtk_widget_set_sensitive (self->buttons->pdata[i], editable);
}
