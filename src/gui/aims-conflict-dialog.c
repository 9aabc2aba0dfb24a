/* aims-conflict-dialog.c — someone else changed the record being edited
 *
 * Two steps in two message dialogs: this one shows both values of every field
 * that differs and offers Keep Mine, Take Theirs, or Choose Field by Field;
 * the last opens a second dialog with a Mine/Theirs choice per field and
 * Apply (Back returns here). This one hides rather than closes in between,
 * and is destroyed once the user has decided.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-conflict-dialog.h"
#include "aims-record-filter.h"

/* Long texts are shown up to this many characters. */
#define PREVIEW_CHARS 280

struct _AimsConflictDialog
{
  AdwMessageDialog    parent_instance;

  AimsRecord         *theirs;
  AimsRecord         *mine;
  GPtrArray          *fields;
  GHashTable         *values;
  GHashTable         *mine_buttons;   /* field → GtkCheckButton "Mine" */
  AimsConflictChoice  choice;
  gboolean            resolved;
  gboolean            in_close_request;

  GtkWidget          *chooser;        /* the field-by-field dialog, when open */

  /* Template widgets */
  GtkBox             *summary_box;
};

G_DEFINE_FINAL_TYPE (AimsConflictDialog, aims_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_label (AimsConflictDialog *self,
             const char         *name)
{
  const AimsField *field = aims_entity_find_field (aims_record_get_entity (self->theirs), name);

  return field != NULL ? _(field->label) : name;
}

/* What a person reads for a value: "Not set", or the text cut short. */
static char *
value_for_display (AimsRecord *record,
                   const char *field)
{
  const char *text = aims_record_cell_text (record, field);

  if (*text == '\0')
    return g_strdup (_("Not set"));
  if (g_utf8_strlen (text, -1) > PREVIEW_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, PREVIEW_CHARS);

      return g_strconcat (cut, "…", NULL);
    }
  return g_strdup (text);
}

static const char *
stored_value (AimsRecord *record,
              const char *field)
{
  const char *value = aims_record_get (record, field);

  return value != NULL ? value : "";
}

static GtkWidget *
value_label (const char *text,
             gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), !dim);
  gtk_widget_set_hexpand (label, !dim);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
build_summary (AimsConflictDialog *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      const char *name = g_ptr_array_index (self->fields, i);
      g_autofree char *theirs = value_for_display (self->theirs, name);
      g_autofree char *mine = value_for_display (self->mine, name);
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *title = gtk_label_new (field_label (self, name));

      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 2, 1);
      /* Translators: the value another user stored, in the conflict dialog */
      gtk_grid_attach (GTK_GRID (grid), value_label (C_("conflict", "Theirs"), TRUE), 0, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value_label (theirs, FALSE), 1, 1, 1, 1);
      /* Translators: the value this user typed, in the conflict dialog */
      gtk_grid_attach (GTK_GRID (grid), value_label (C_("conflict", "Mine"), TRUE), 0, 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value_label (mine, FALSE), 1, 2, 1, 1);
      gtk_box_append (self->summary_box, grid);
    }
}

static const char *
heading_for (const AimsEntity *entity)
{
  if (entity == aims_entity_systems ())
    return _("Someone Else Changed This AI System");
  if (entity == aims_entity_people ())
    return _("Someone Else Changed This Person");
  return _("Someone Else Changed This Record");
}

static char *
body_for (AimsRecord *theirs)
{
  const char *who = aims_record_get_updated_by (theirs);
  const char *when_text = aims_record_get_updated_at (theirs);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *when_local = NULL;
  const char *title = aims_record_get_title (theirs);

  if (when_text != NULL)
    when = g_date_time_new_from_iso8601 (when_text, NULL);
  if (when != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (when);

      /* Translators: a date and time, see g_date_time_format() */
      when_local = g_date_time_format (local, _("%Y-%m-%d %H:%M"));
    }

  if (who != NULL && *who != '\0' && when_local != NULL)
    return g_strdup_printf (_("%s changed “%s” at %s, while you were editing it. "
                              "Nothing has been saved over their change. "
                              "Choose which values to keep."),
                            who, title, when_local);
  return g_strdup_printf (_("“%s” was changed by someone else while you were editing it. "
                            "Nothing has been saved over their change. "
                            "Choose which values to keep."),
                          title);
}

static void
finish (AimsConflictDialog *self,
        AimsConflictChoice  choice)
{
  if (self->resolved)
    return;

  self->resolved = TRUE;
  self->choice = choice;
  g_hash_table_remove_all (self->values);

  if (choice != AIMS_CONFLICT_CANCELLED)
    {
      for (guint i = 0; i < self->fields->len; i++)
        {
          const char *name = g_ptr_array_index (self->fields, i);
          gboolean keep_mine;

          if (choice == AIMS_CONFLICT_FIELD_BY_FIELD)
            keep_mine = gtk_check_button_get_active (g_hash_table_lookup (self->mine_buttons, name));
          else
            keep_mine = choice == AIMS_CONFLICT_KEEP_MINE;

          g_hash_table_insert (self->values, g_strdup (name),
                               g_strdup (stored_value (keep_mine ? self->mine : self->theirs, name)));
        }
    }

  if (self->chooser != NULL)
    {
      GtkWidget *chooser = g_steal_pointer (&self->chooser);

      g_signal_handlers_disconnect_by_data (chooser, self);
      if (gtk_widget_get_visible (chooser))
        gtk_window_destroy (GTK_WINDOW (chooser));
    }

  g_object_ref (self);
  g_signal_emit (self, signals[RESOLVED], 0);
  /* Closed by the window manager or Escape: the close request ends by
   * destroying it (see close_request below). */
  if (!self->in_close_request)
    gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
chooser_response_cb (AdwMessageDialog   *chooser,
                     const char         *response,
                     AimsConflictDialog *self)
{
  if (g_strcmp0 (response, "apply") == 0)
    {
      finish (self, AIMS_CONFLICT_FIELD_BY_FIELD);
      return;
    }

  /* Back: the chooser goes (a button closes it already, a response given
   * in code does not), the summary comes back. */
  g_signal_handlers_disconnect_by_data (chooser, self);
  self->chooser = NULL;
  if (gtk_widget_get_visible (GTK_WIDGET (chooser)))
    gtk_window_destroy (GTK_WINDOW (chooser));
  g_hash_table_remove_all (self->mine_buttons);
  gtk_window_present (GTK_WINDOW (self));
}

static GtkWidget *
choice_button (const char *prefix,
               const char *value)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (prefix);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
  return button;
}

static void
show_chooser (AimsConflictDialog *self)
{
  GtkWidget *chooser;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  chooser = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                    _("Choose Field by Field"),
                                    _("For each field, keep your value or take theirs."));
  gtk_window_set_modal (GTK_WINDOW (chooser), TRUE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const char *name = g_ptr_array_index (self->fields, i);
      g_autofree char *theirs = value_for_display (self->theirs, name);
      g_autofree char *mine = value_for_display (self->mine, name);
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *title = gtk_label_new (field_label (self, name));
      GtkWidget *mine_button = choice_button (C_("conflict", "Mine"), mine);
      GtkWidget *theirs_button = choice_button (C_("conflict", "Theirs"), theirs);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_check_button_set_group (GTK_CHECK_BUTTON (theirs_button), GTK_CHECK_BUTTON (mine_button));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (mine_button), TRUE);
      gtk_box_append (GTK_BOX (group), title);
      gtk_box_append (GTK_BOX (group), mine_button);
      gtk_box_append (GTK_BOX (group), theirs_button);
      gtk_box_append (GTK_BOX (box), group);
      g_hash_table_insert (self->mine_buttons, g_strdup (name), mine_button);
    }

  /* A few fields fit as they are; more scroll, in a fixed height (wrapped
   * labels in check buttons make a natural height too small). */
  if (self->fields->len <= 3)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (chooser), box);
  else
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (chooser), scrolled);
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (chooser),
                                    "back", _("_Back"),
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (chooser), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (chooser), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (chooser), "back");
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);

  self->chooser = chooser;
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
aims_conflict_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  AimsConflictDialog *self = AIMS_CONFLICT_DIALOG (dialog);

  if (g_strcmp0 (response, "mine") == 0)
    finish (self, AIMS_CONFLICT_KEEP_MINE);
  else if (g_strcmp0 (response, "theirs") == 0)
    finish (self, AIMS_CONFLICT_TAKE_THEIRS);
  else if (g_strcmp0 (response, "field") == 0)
    {
      /* Hidden, not closed, while the user chooses (a button hides it
       * already, a response given in code does not). */
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      show_chooser (self);
    }
  else
    finish (self, AIMS_CONFLICT_CANCELLED);
}

/* The dialog hides on close (so that it can come back from the field by
 * field step); once the user has decided, or cancelled by closing it, it is
 * destroyed instead. */
static gboolean
aims_conflict_dialog_close_request (GtkWindow *window)
{
  AimsConflictDialog *self = AIMS_CONFLICT_DIALOG (window);
  gboolean handled;

  self->in_close_request = TRUE;
  handled = GTK_WINDOW_CLASS (aims_conflict_dialog_parent_class)->close_request (window);
  self->in_close_request = FALSE;

  return self->resolved ? FALSE : handled;
}

static void
aims_conflict_dialog_dispose (GObject *object)
{
  AimsConflictDialog *self = AIMS_CONFLICT_DIALOG (object);

  if (self->chooser != NULL)
    {
      GtkWidget *chooser = g_steal_pointer (&self->chooser);

      g_signal_handlers_disconnect_by_data (chooser, self);
      gtk_window_destroy (GTK_WINDOW (chooser));
    }
  g_clear_object (&self->theirs);
  g_clear_object (&self->mine);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_CONFLICT_DIALOG);

  G_OBJECT_CLASS (aims_conflict_dialog_parent_class)->dispose (object);
}

static void
aims_conflict_dialog_finalize (GObject *object)
{
  AimsConflictDialog *self = AIMS_CONFLICT_DIALOG (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->mine_buttons, g_hash_table_unref);

  G_OBJECT_CLASS (aims_conflict_dialog_parent_class)->finalize (object);
}

static void
aims_conflict_dialog_class_init (AimsConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = aims_conflict_dialog_dispose;
  object_class->finalize = aims_conflict_dialog_finalize;
  dialog_class->response = aims_conflict_dialog_response;
  GTK_WINDOW_CLASS (klass)->close_request = aims_conflict_dialog_close_request;

  signals[RESOLVED] =
    g_signal_new ("resolved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsConflictDialog, summary_box);
}

static void
aims_conflict_dialog_init (AimsConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->mine_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * aims_conflict_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @theirs: the record as stored now
 * @mine: the record with the user's values
 *
 * Returns: (transfer none): the dialog, not yet presented. Like every
 * toplevel, it lives until it is destroyed, which it does itself after
 * ::resolved.
 */
AimsConflictDialog *
aims_conflict_dialog_new (GtkWindow  *parent,
                          AimsRecord *theirs,
                          AimsRecord *mine)
{
  AimsConflictDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AIMS_IS_RECORD (theirs), NULL);
  g_return_val_if_fail (AIMS_IS_RECORD (mine), NULL);

  self = g_object_new (AIMS_TYPE_CONFLICT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->theirs = g_object_ref (theirs);
  self->mine = g_object_ref (mine);
  self->fields = aims_record_diff (theirs, mine);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                  heading_for (aims_record_get_entity (theirs)));
  body = body_for (theirs);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  build_summary (self);

  return self;
}

AimsRecord *
aims_conflict_dialog_get_theirs (AimsConflictDialog *self)
{
  g_return_val_if_fail (AIMS_IS_CONFLICT_DIALOG (self), NULL);

  return self->theirs;
}

AimsRecord *
aims_conflict_dialog_get_mine (AimsConflictDialog *self)
{
  g_return_val_if_fail (AIMS_IS_CONFLICT_DIALOG (self), NULL);

  return self->mine;
}

GPtrArray *
aims_conflict_dialog_get_fields (AimsConflictDialog *self)
{
  g_return_val_if_fail (AIMS_IS_CONFLICT_DIALOG (self), NULL);

  return self->fields;
}

AimsConflictChoice
aims_conflict_dialog_get_choice (AimsConflictDialog *self)
{
  g_return_val_if_fail (AIMS_IS_CONFLICT_DIALOG (self), AIMS_CONFLICT_CANCELLED);

  return self->choice;
}

GHashTable *
aims_conflict_dialog_get_values (AimsConflictDialog *self)
{
  g_return_val_if_fail (AIMS_IS_CONFLICT_DIALOG (self), NULL);

  return self->values;
}

void
aims_conflict_dialog_set_keep_mine (AimsConflictDialog *self,
                                    const char         *field,
                                    gboolean            keep_mine)
{
  GtkWidget *mine_button;

  g_return_if_fail (AIMS_IS_CONFLICT_DIALOG (self));
  g_return_if_fail (field != NULL);

  mine_button = g_hash_table_lookup (self->mine_buttons, field);
  g_return_if_fail (mine_button != NULL);

  if (keep_mine)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (mine_button), TRUE);
  else /* the Theirs button, next in the field's box */
    gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_next_sibling (mine_button)), TRUE);
}
