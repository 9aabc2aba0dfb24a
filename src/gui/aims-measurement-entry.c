/* aims-measurement-entry.c — a new value of an objective's KPI in one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-measurement-entry.h"

struct _AimsMeasurementEntry
{
  GtkWidget       parent_instance;

  AimsContext    *context;
  gint64          objective_id;
  char           *error;
  guint           updating;

  /* Template widgets */
  GtkWidget      *fields;
  GtkWidget      *date_field;
  GtkWidget      *calendar_button;
  GtkWidget      *calendar;
  GtkWidget      *value_field;
  GtkWidget      *unit_label;
  GtkWidget      *note_field;
  GtkWidget      *add_button;
  GtkWidget      *error_revealer;
  GtkWidget      *error_label;
};

G_DEFINE_FINAL_TYPE (AimsMeasurementEntry, aims_measurement_entry, GTK_TYPE_WIDGET)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AimsDb *
get_db (AimsMeasurementEntry *self)
{
  return self->context != NULL ? aims_context_get_db (self->context) : NULL;
}

static void
set_today (AimsMeasurementEntry *self)
{
  g_autoptr(GDate) today = aims_date_today ();
  g_autofree char *text = aims_date_format_iso (today);

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->date_field), text);
  self->updating--;
}

static void
mark_field (GtkWidget *field,
            gboolean   invalid)
{
  if (invalid)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Shows why a value was refused under the line, the field concerned
 * marked and described by the message; NULL clears it. */
static void
show_error (AimsMeasurementEntry *self,
            GtkWidget            *field,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  /* The last message stays in the label while the revealer closes: an
   * empty wrapping label measures a pixel taller when wide than when
   * narrow, which GTK reports as a critical. */
  if (message != NULL)
    gtk_label_set_label (GTK_LABEL (self->error_label), message);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), message != NULL);
  mark_field (self->date_field, field == self->date_field);
  mark_field (self->value_field, field == self->value_field);
  if (field != NULL)
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                      -1);
      gtk_widget_grab_focus (field);
    }
}

static void
update_sensitive (AimsMeasurementEntry *self)
{
  AimsDb *db = get_db (self);

  gtk_widget_set_sensitive (self->fields, db != NULL && !aims_db_is_read_only (db) && self->objective_id > 0);
}

/* ── Template callbacks ──────────────────────────────────────────────── */

/* Typing again in a refused field is the correction: the mark goes. */
static void
field_changed_cb (AimsMeasurementEntry *self)
{
  if (self->updating == 0 && self->error != NULL)
    show_error (self, NULL, NULL);
}

static void
add_clicked_cb (AimsMeasurementEntry *self)
{
  AimsRecord *measurement = aims_measurement_entry_submit (self);

  g_clear_object (&measurement);
}

static void
calendar_show_cb (AimsMeasurementEntry *self)
{
  g_autoptr(GDate) date = aims_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_field)));
  g_autoptr(GDateTime) day = NULL;

  if (date == NULL)
    date = aims_date_today ();
  day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  self->updating++;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), day);
  self->updating--;
}

static void
day_selected_cb (AimsMeasurementEntry *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->updating > 0)
    return;
  day = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_field), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->calendar_button));
  gtk_widget_grab_focus (self->value_field);
}

/* ── Adding ──────────────────────────────────────────────────────────── */

/* The field's text normalised, or NULL after showing why it is refused. */
static char *
check_field (AimsMeasurementEntry *self,
             const char           *name,
             GtkWidget            *widget)
{
  const AimsField *field = aims_entity_find_field (aims_entity_measurements (), name);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (widget));
  char *value;

  if (*text == '\0')
    {
      g_autofree char *message = NULL;

      /* Translators: "Value: enter a number" */
      message = g_strdup_printf (field->type == AIMS_FIELD_NUMBER ? _("%s: enter a number")
                                                                  : _("%s: enter a date"),
                                 _(field->label));
      show_error (self, widget, message);
      return NULL;
    }
  if ((value = aims_field_normalize (field, text, &error)) == NULL)
    show_error (self, widget, error->message);
  return value;
}

AimsRecord *
aims_measurement_entry_submit (AimsMeasurementEntry *self)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *day = NULL;
  g_autofree char *value = NULL;
  const char *note;
  AimsRecord *measurement;
  AimsDb *db;

  g_return_val_if_fail (AIMS_IS_MEASUREMENT_ENTRY (self), NULL);

  db = get_db (self);
  if (db == NULL || self->objective_id <= 0)
    return NULL;

  /* Each field first, to say which one is wrong; the store checks again,
   * with the rules across fields, and writes nothing it refuses. */
  if ((day = check_field (self, "measured_on", self->date_field)) == NULL ||
      (value = check_field (self, "value", self->value_field)) == NULL)
    return NULL;

  objective = g_strdup_printf ("%" G_GINT64_FORMAT, self->objective_id);
  values = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (values, (gpointer) "objective_id", objective);
  g_hash_table_insert (values, (gpointer) "measured_on", day);
  g_hash_table_insert (values, (gpointer) "value", value);
  note = gtk_editable_get_text (GTK_EDITABLE (self->note_field));
  if (*note != '\0')
    g_hash_table_insert (values, (gpointer) "note", (gpointer) note);

  measurement = aims_store_insert (db, aims_entity_measurements (), values,
                                   aims_context_get_author (self->context), &error);
  if (measurement == NULL)
    {
      /* The rules left are the day's (in the future, or taken). */
      show_error (self, g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID) ? self->date_field : NULL,
                  error->message);
      return NULL;
    }

  show_error (self, NULL, NULL);
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->value_field), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_field), "");
  self->updating--;
  set_today (self);
  g_signal_emit (self, signals[ADDED], 0, measurement);
  return measurement;
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_measurement_entry_dispose (GObject *object)
{
  AimsMeasurementEntry *self = AIMS_MEASUREMENT_ENTRY (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_MEASUREMENT_ENTRY);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (aims_measurement_entry_parent_class)->dispose (object);
}

static void
aims_measurement_entry_finalize (GObject *object)
{
  g_free (AIMS_MEASUREMENT_ENTRY (object)->error);

  G_OBJECT_CLASS (aims_measurement_entry_parent_class)->finalize (object);
}

static void
aims_measurement_entry_class_init (AimsMeasurementEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_measurement_entry_dispose;
  object_class->finalize = aims_measurement_entry_finalize;

  signals[ADDED] =
    g_signal_new ("added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AIMS_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-measurement-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsMeasurementEntry, fields);
  gtk_widget_class_bind_template_child (widget_class, AimsMeasurementEntry, date_field);
  gtk_widget_class_bind_template_child (widget_class, AimsMeasurementEntry, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, AimsMeasurementEntry, calendar);
  gtk_widget_class_bind_template_child (widget_class, AimsMeasurementEntry, value_field);
  gtk_widget_class_bind_template_child (widget_class, AimsMeasurementEntry, unit_label);
  gtk_widget_class_bind_template_child (widget_class, AimsMeasurementEntry, note_field);
  gtk_widget_class_bind_template_child (widget_class, AimsMeasurementEntry, add_button);
  gtk_widget_class_bind_template_child (widget_class, AimsMeasurementEntry, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AimsMeasurementEntry, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
aims_measurement_entry_init (AimsMeasurementEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  set_today (self);
  update_sensitive (self);
}

GtkWidget *
aims_measurement_entry_new (AimsContext *context)
{
  AimsMeasurementEntry *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_MEASUREMENT_ENTRY, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::db", G_CALLBACK (update_sensitive), self, G_CONNECT_SWAPPED);
  update_sensitive (self);
  return GTK_WIDGET (self);
}

void
aims_measurement_entry_set_objective (AimsMeasurementEntry *self,
                                      AimsRecord           *objective)
{
  gint64 id;
  const char *unit;

  g_return_if_fail (AIMS_IS_MEASUREMENT_ENTRY (self));
  g_return_if_fail (objective == NULL || AIMS_IS_RECORD (objective));

  id = objective != NULL ? aims_record_get_id (objective) : 0;
  unit = objective != NULL ? aims_record_get (objective, "kpi_unit") : NULL;
  gtk_label_set_label (GTK_LABEL (self->unit_label), unit != NULL ? unit : "");
  gtk_widget_set_visible (self->unit_label, unit != NULL && *unit != '\0');

  /* Another objective: what was typed for the one before goes. */
  if (id != self->objective_id)
    {
      self->objective_id = id;
      self->updating++;
      gtk_editable_set_text (GTK_EDITABLE (self->value_field), "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_field), "");
      self->updating--;
      set_today (self);
      show_error (self, NULL, NULL);
    }
  update_sensitive (self);
}

const char *
aims_measurement_entry_get_error (AimsMeasurementEntry *self)
{
  g_return_val_if_fail (AIMS_IS_MEASUREMENT_ENTRY (self), NULL);

  return self->error;
}

GtkEditable *
aims_measurement_entry_get_date_field (AimsMeasurementEntry *self)
{
  g_return_val_if_fail (AIMS_IS_MEASUREMENT_ENTRY (self), NULL);

  return GTK_EDITABLE (self->date_field);
}

GtkEditable *
aims_measurement_entry_get_value_field (AimsMeasurementEntry *self)
{
  g_return_val_if_fail (AIMS_IS_MEASUREMENT_ENTRY (self), NULL);

  return GTK_EDITABLE (self->value_field);
}

GtkEditable *
aims_measurement_entry_get_note_field (AimsMeasurementEntry *self)
{
  g_return_val_if_fail (AIMS_IS_MEASUREMENT_ENTRY (self), NULL);

  return GTK_EDITABLE (self->note_field);
}
