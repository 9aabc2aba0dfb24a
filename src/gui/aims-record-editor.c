/* aims-record-editor.c — one record of any entity, edited field by field
 *
 * Each field row remembers the value it was read at (base_value) and the
 * row_version of that read (base_version). A field is "pending" when what
 * its widget holds, normalised, differs from base_value; saving it is one
 * aims_store_update() of that field alone, expecting base_version.
 *
 * The rule for other users' changes (aims_record_editor_refresh()):
 *
 *   - A field that is neither focused nor pending takes the stored value
 *     and the new row_version.
 *   - A field being edited (focused, or pending) keeps what the user sees.
 *     If the stored value of that very field is still its base_value,
 *     nobody else touched it: it moves on to the new row_version, so the
 *     user's save goes through. If another user changed that very field,
 *     it keeps its stale row_version, so that its save is refused with
 *     AIMS_DB_ERROR_CONFLICT and the user sees both values in the conflict
 *     dialog; a focused field that the user had not changed takes the
 *     stored value when it loses focus.
 *
 * After a write, every field read at the version written over moves on to
 * the new version (the write changed only its own field).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-conflict-dialog.h"
#include "aims-link-chooser.h"
#include "aims-record-editor.h"
#include "aims-record-filter.h"

/* Text is written after this long without typing. */
#define DEBOUNCE_MS        800
/* A busy database is tried again this often. */
#define BUSY_RETRY_MS      500
/* How long a flush keeps trying a busy database before giving up. */
#define FLUSH_BUSY_WAIT_US (5 * G_USEC_PER_SEC)

typedef enum
{
  SAVE_OK,
  SAVE_INVALID,
  SAVE_CONFLICT,
  SAVE_BUSY,
  SAVE_FAILED,
} SaveResult;

typedef struct
{
  AimsRecordEditor   *editor;
  const AimsField    *field;

  GtkWidget          *row;          /* the row in its group */
  GtkWidget          *error_row;    /* shown under it when a value is refused */
  GtkWidget          *error_label;
  GtkEventController *focus;
  GtkTextBuffer      *buffer;       /* long text */
  GtkWidget          *toggle;       /* boolean */
  GtkWidget          *calendar;     /* date */
  GtkWidget          *calendar_button;
  char               *level_labels;  /* level: the labels its list was made of */
  GtkWidget          *value_label;  /* read-only: the value, shown and never edited */

  char               *base_value;   /* "" when unset */
  gint64              base_version;
  char               *error;        /* the message shown, or NULL */
  guint               debounce_id;
  guint               updating;     /* > 0 while the editor sets the widget */
  gboolean            stale;        /* focused, untouched, changed by someone else */
} FieldRow;

struct _AimsRecordEditor
{
  GtkWidget           parent_instance;

  AimsContext        *context;
  const AimsEntity   *entity;
  AimsRecord         *record;
  GPtrArray          *rows;         /* FieldRow */
  GHashTable         *groups;       /* group key → AdwPreferencesGroup */

  GtkWidget          *stack;
  GtkWidget          *placeholder;
  GtkWidget          *banner;
  GtkWidget          *banner_label;
  GtkWidget          *content;
  GtkWidget          *title_label;
  GtkWidget          *meta_label;

  char               *status;
  char               *read_only_reason;
  gboolean            waiting;
  guint               retry_id;
  AimsConflictDialog *conflict;
  gboolean            flushing;
};

G_DEFINE_FINAL_TYPE (AimsRecordEditor, aims_record_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RECORD,
  PROP_STATUS,
  N_PROPS
};

enum {
  SAVED,
  FIELD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void level_row_update_labels (FieldRow *f);
static void save_now       (AimsRecordEditor *self,
                            FieldRow         *f);
static gboolean open_conflict (AimsRecordEditor *self,
                            gboolean          wait);

/* ── Style ───────────────────────────────────────────────────────────── */

void
aims_records_ensure_style (void)
{
  static GdkDisplay *styled;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == styled)
    return;

  styled = display;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/aimsdesk/AimsDesk/aims-records.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* ── A text view that grows with its text ────────────────────────────── */

/* GTK 4.8's GtkTextView learns its height while it is being allocated, and
 * the resize it asks for then is lost: outside a scrolled window it stays 0
 * pixels high until something else resizes it. This one asks again once the
 * allocation is over. */
#define AIMS_TYPE_LONG_TEXT_VIEW (aims_long_text_view_get_type ())
G_DECLARE_FINAL_TYPE (AimsLongTextView, aims_long_text_view, AIMS, LONG_TEXT_VIEW, GtkTextView)

struct _AimsLongTextView
{
  GtkTextView parent_instance;
  guint       resize_id;
  int         asked_height;  /* the height last asked for again */
};

G_DEFINE_FINAL_TYPE (AimsLongTextView, aims_long_text_view, GTK_TYPE_TEXT_VIEW)

static gboolean
long_text_view_resize_cb (gpointer user_data)
{
  AimsLongTextView *self = user_data;

  self->resize_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
aims_long_text_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  AimsLongTextView *self = AIMS_LONG_TEXT_VIEW (widget);
  int wanted;

  GTK_WIDGET_CLASS (aims_long_text_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* Asked once per height it learns: a parent that allocates another
   * height on purpose (a transition, a stack) must not cause a loop. */
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &wanted, NULL, NULL, NULL);
  if (wanted != height && wanted != self->asked_height && self->resize_id == 0)
    {
      self->asked_height = wanted;
      self->resize_id = g_idle_add (long_text_view_resize_cb, self);
    }
}

static void
aims_long_text_view_dispose (GObject *object)
{
  AimsLongTextView *self = AIMS_LONG_TEXT_VIEW (object);

  g_clear_handle_id (&self->resize_id, g_source_remove);

  G_OBJECT_CLASS (aims_long_text_view_parent_class)->dispose (object);
}

static void
aims_long_text_view_class_init (AimsLongTextViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_long_text_view_dispose;
  GTK_WIDGET_CLASS (klass)->size_allocate = aims_long_text_view_size_allocate;
}

static void
aims_long_text_view_init (AimsLongTextView *self)
{
  self->asked_height = -1;
}

/* ── Small helpers ───────────────────────────────────────────────────── */

static AimsDb *
get_db (AimsRecordEditor *self)
{
  return self->context != NULL ? aims_context_get_db (self->context) : NULL;
}

static const char *
get_author (AimsRecordEditor *self)
{
  const char *author = self->context != NULL ? aims_context_get_author (self->context) : NULL;

  return author != NULL ? author : aims_default_author ();
}

static const char *
stored_value (AimsRecord *record,
              const char *field)
{
  const char *value = record != NULL ? aims_record_get (record, field) : NULL;

  return value != NULL ? value : "";
}

static gboolean
values_equal (FieldRow   *f,
              const char *a,
              const char *b)
{
  if (f->field->type == AIMS_FIELD_BOOLEAN)
    {
      gboolean on_a = g_strcmp0 (a, "1") == 0;
      gboolean on_b = g_strcmp0 (b, "1") == 0;

      return on_a == on_b;
    }
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static GtkWindow *
get_window (AimsRecordEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
update_status (AimsRecordEditor *self)
{
  const char *status = NULL;

  if (self->read_only_reason != NULL)
    status = self->read_only_reason;
  else if (self->waiting)
    status = _("Waiting for the database… Another user is saving. Your changes are kept and will be saved.");

  gtk_label_set_label (GTK_LABEL (self->banner_label), status != NULL ? status : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->banner), status != NULL);
  gtk_widget_set_sensitive (self->content, self->read_only_reason == NULL);

  if (g_strcmp0 (status, self->status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

static void
set_read_only (AimsRecordEditor *self,
               const char       *reason)
{
  g_free (self->read_only_reason);
  self->read_only_reason = NULL;
  if (reason != NULL)
    self->read_only_reason = g_strdup_printf (_("This database is open read-only, so nothing can be changed. %s"),
                                              reason);
  update_status (self);
}

static void
update_header (AimsRecordEditor *self)
{
  g_autoptr(GString) meta = NULL;
  const char *updated_at, *updated_by;
  g_autoptr(GDateTime) when = NULL;

  if (self->record == NULL)
    return;

  gtk_label_set_label (GTK_LABEL (self->title_label), aims_record_get_title (self->record));

  meta = g_string_new (aims_record_get_reference (self->record));
  updated_at = aims_record_get_updated_at (self->record);
  updated_by = aims_record_get_updated_by (self->record);
  if (updated_at != NULL)
    when = g_date_time_new_from_iso8601 (updated_at, NULL);
  if (when != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (when);
      /* Translators: a date and time, see g_date_time_format() */
      g_autofree char *text = g_date_time_format (local, _("%Y-%m-%d %H:%M"));

      g_string_append (meta, " · ");
      if (updated_by != NULL && *updated_by != '\0')
        /* Translators: "Changed 2025-03-04 14:05 by Priya Raman" */
        g_string_append_printf (meta, _("Changed %s by %s"), text, updated_by);
      else
        g_string_append_printf (meta, _("Changed %s"), text);
    }
  gtk_label_set_label (GTK_LABEL (self->meta_label), meta->str);
}

/* ── Reading and showing a field's value ─────────────────────────────── */

static int
choice_position (FieldRow   *f,
                 const char *key)
{
  int offset = f->field->required ? 0 : 1;
  int i = 0;

  if (key == NULL || *key == '\0')
    return 0;
  for (const AimsChoice *c = f->field->choices; c->key != NULL; c++, i++)
    if (g_str_equal (c->key, key))
      return i + offset;
  return 0;
}

/* What the widget holds, as text (transfer full). */
static char *
field_row_get_text (FieldRow *f)
{
  /* A read-only field holds what was read: it is never pending. */
  if (f->field->read_only)
    return g_strdup (f->base_value);

  switch (f->field->type)
    {
    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_EMAIL:
    case AIMS_FIELD_DATE:
    case AIMS_FIELD_NUMBER:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->row)));

    case AIMS_FIELD_LONG_TEXT:
      {
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (f->buffer, &start, &end);
        return gtk_text_buffer_get_text (f->buffer, &start, &end, FALSE);
      }

    case AIMS_FIELD_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (f->row));
        int offset = f->field->required ? 0 : 1;
        guint i = 0;

        if (selected == GTK_INVALID_LIST_POSITION || (int) selected < offset)
          return g_strdup ("");
        for (const AimsChoice *c = f->field->choices; c->key != NULL; c++, i++)
          if (i + offset == selected)
            return g_strdup (c->key);
        return g_strdup ("");
      }

    case AIMS_FIELD_PERSON:
    case AIMS_FIELD_LINK:
      {
        const char *id = aims_link_chooser_get_record_id (AIMS_LINK_CHOOSER (f->row));

        return g_strdup (id != NULL ? id : "");
      }

    case AIMS_FIELD_LEVEL:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (f->row));

        /* The first entry is "Not set"; then level 1, 2, … */
        if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
          return g_strdup ("");
        return g_strdup_printf ("%u", selected);
      }

    case AIMS_FIELD_BOOLEAN:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (f->toggle)) ? "1" : "0");

    default:
      g_assert_not_reached ();
    }
}

/* The normalised value, or NULL with error when the field refuses it. */
static char *
field_row_get_value (FieldRow  *f,
                     GError   **error)
{
  g_autofree char *text = field_row_get_text (f);

  return aims_field_normalize (f->field, text, error);
}

static gboolean
field_row_is_pending (FieldRow *f)
{
  g_autofree char *value = NULL;

  if (f->field->read_only)
    return FALSE;
  value = field_row_get_value (f, NULL);

  return value == NULL || !values_equal (f, value, f->base_value);
}

static gboolean
field_row_has_focus (FieldRow *f)
{
  return f->focus != NULL &&
         gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (f->focus));
}

/* Puts value in the widget, touching it only when it differs, so a cursor
 * stays where it is. */
static void
field_row_show (FieldRow   *f,
                const char *value,
                const char *display)
{
  if (f->field->read_only)
    {
      const char *text = display != NULL && *display != '\0' ? display : value;

      /* Translators: a read-only field with no value */
      gtk_label_set_label (GTK_LABEL (f->value_label), *text != '\0' ? text : _("None"));
      return;
    }

  f->updating++;

  switch (f->field->type)
    {
    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_EMAIL:
    case AIMS_FIELD_DATE:
    case AIMS_FIELD_NUMBER:
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (f->row)), value) != 0)
        gtk_editable_set_text (GTK_EDITABLE (f->row), value);
      break;

    case AIMS_FIELD_LONG_TEXT:
      {
        g_autofree char *current = field_row_get_text (f);

        if (g_strcmp0 (current, value) != 0)
          gtk_text_buffer_set_text (f->buffer, value, -1);
      }
      break;

    case AIMS_FIELD_CHOICE:
      adw_combo_row_set_selected (ADW_COMBO_ROW (f->row), choice_position (f, value));
      break;

    case AIMS_FIELD_PERSON:
    case AIMS_FIELD_LINK:
      aims_link_chooser_set_record (AIMS_LINK_CHOOSER (f->row), value, display);
      break;

    case AIMS_FIELD_LEVEL:
      {
        guint64 level = 0;

        level_row_update_labels (f);
        if (*value != '\0' && g_ascii_string_to_unsigned (value, 10, 1, AIMS_RISK_MATRIX_MAX_SIZE,
                                                           &level, NULL))
          {
            GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (f->row));

            /* A level outside the matrix (another user shrank it) shows
             * as not set rather than as another level. */
            if (level >= g_list_model_get_n_items (model))
              level = 0;
          }
        adw_combo_row_set_selected (ADW_COMBO_ROW (f->row), (guint) level);
      }
      break;

    case AIMS_FIELD_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (f->toggle), g_strcmp0 (value, "1") == 0);
      break;

    default:
      g_assert_not_reached ();
    }

  f->updating--;
}

static void
field_row_set_error (FieldRow   *f,
                     const char *message)
{
  if (g_strcmp0 (message, f->error) == 0)
    return;

  g_free (f->error);
  f->error = g_strdup (message);

  if (message != NULL)
    {
      gtk_label_set_label (GTK_LABEL (f->error_label), message);
      gtk_widget_add_css_class (f->row, "error");
      gtk_widget_set_tooltip_text (f->row, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (f->row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (f->row, "error");
      gtk_widget_set_tooltip_text (f->row, f->field->hint != NULL ? _(f->field->hint) : NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (f->row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  gtk_widget_set_visible (f->error_row, message != NULL);
}

/* Takes the stored value and version of record into the field. */
static void
field_row_take (FieldRow   *f,
                AimsRecord *record)
{
  const char *value = stored_value (record, f->field->name);

  g_clear_handle_id (&f->debounce_id, g_source_remove);
  g_free (f->base_value);
  f->base_value = g_strdup (value);
  f->base_version = aims_record_get_row_version (record);
  f->stale = FALSE;
  field_row_show (f, value, aims_record_get_display (record, f->field->name));
  field_row_set_error (f, NULL);
}

/* ── Saving ──────────────────────────────────────────────────────────── */

static FieldRow *
find_row (AimsRecordEditor *self,
          const char       *name)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *f = g_ptr_array_index (self->rows, i);

      if (g_str_equal (f->field->name, name))
        return f;
    }
  return NULL;
}

/* f was written: stored is the row now. */
static void
record_saved (AimsRecordEditor *self,
              FieldRow         *f,
              AimsRecord       *stored)
{
  gint64 old_version = aims_record_get_row_version (self->record);
  gint64 new_version = aims_record_get_row_version (stored);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *g = g_ptr_array_index (self->rows, i);

      if (g->base_version == old_version)
        g->base_version = new_version;
    }
  g_free (f->base_value);
  f->base_value = g_strdup (stored_value (stored, f->field->name));
  f->base_version = new_version;

  g_set_object (&self->record, stored);
  update_header (self);
  g_signal_emit (self, signals[SAVED], 0, stored);
}

/* One attempt to write f; reports the outcome without asking anyone. */
static SaveResult
save_field (AimsRecordEditor *self,
            FieldRow         *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(AimsRecord) stored = NULL;
  g_autofree char *value = NULL;
  AimsDb *db = get_db (self);

  g_clear_handle_id (&f->debounce_id, g_source_remove);

  if (self->record == NULL || db == NULL || f->field->read_only)
    return SAVE_OK;
  /* While the user decides about a conflict, nothing else is written. */
  if (self->conflict != NULL)
    return SAVE_CONFLICT;

  value = field_row_get_value (f, &error);
  if (value == NULL)
    {
      field_row_set_error (f, error->message);
      return SAVE_INVALID;
    }
  if (values_equal (f, value, f->base_value))
    {
      field_row_set_error (f, NULL);
      return SAVE_OK;
    }

  changes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (changes, (gpointer) f->field->name, value);
  stored = aims_store_update (db, self->entity, aims_record_get_id (self->record),
                              f->base_version, changes, get_author (self), &error);
  if (stored != NULL)
    {
      field_row_set_error (f, NULL);
      record_saved (self, f, stored);
      return SAVE_OK;
    }

  if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_CONFLICT))
    return SAVE_CONFLICT;
  if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_BUSY))
    return SAVE_BUSY;
  if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_READ_ONLY))
    {
      set_read_only (self, error->message);
      return SAVE_FAILED;
    }

  field_row_set_error (f, error->message);
  return g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID) ? SAVE_INVALID : SAVE_FAILED;
}

static gboolean
retry_cb (gpointer user_data)
{
  AimsRecordEditor *self = user_data;

  self->retry_id = 0;
  self->waiting = FALSE;
  aims_record_editor_save_pending (self);
  update_status (self);
  return G_SOURCE_REMOVE;
}

static void
set_waiting (AimsRecordEditor *self,
             gboolean          waiting)
{
  self->waiting = waiting;
  if (waiting && self->retry_id == 0)
    self->retry_id = g_timeout_add (BUSY_RETRY_MS, retry_cb, self);
  update_status (self);
}

/* Writes f now, and deals with what comes back as the user expects. */
static void
save_now (AimsRecordEditor *self,
          FieldRow         *f)
{
  switch (save_field (self, f))
    {
    case SAVE_CONFLICT:
      if (self->conflict == NULL)
        open_conflict (self, FALSE);
      break;

    case SAVE_BUSY:
      set_waiting (self, TRUE);
      break;

    case SAVE_OK:
    case SAVE_INVALID:
    case SAVE_FAILED:
    default:
      break;
    }
}

/* ── Conflicts ───────────────────────────────────────────────────────── */

static const char *
display_for (FieldRow   *f,
             const char *value)
{
  if (*value == '\0')
    return NULL;
  if (f->field->type == AIMS_FIELD_CHOICE)
    return aims_field_choice_label (f->field, value);
  if (f->field->type == AIMS_FIELD_PERSON || f->field->type == AIMS_FIELD_LINK)
    return aims_link_chooser_get_record_title (AIMS_LINK_CHOOSER (f->row));
  if (f->field->type == AIMS_FIELD_LEVEL)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (f->row));
      GObject *item = g_list_model_get_item (adw_combo_row_get_model (ADW_COMBO_ROW (f->row)), selected);
      const char *label = item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : value;

      /* The model holds the string object as long as the row lives. */
      g_clear_object (&item);
      return label;
    }
  return value;
}

/* Theirs is the truth now: every field takes it, whatever it held. */
static void
take_record (AimsRecordEditor *self,
             AimsRecord       *record)
{
  g_set_object (&self->record, record);
  for (guint i = 0; i < self->rows->len; i++)
    field_row_take (g_ptr_array_index (self->rows, i), record);
  update_header (self);
}

static void
conflict_resolved_cb (AimsRecordEditor   *self,
                      AimsConflictDialog *dialog)
{
  AimsConflictChoice choice = aims_conflict_dialog_get_choice (dialog);
  GHashTable *values = aims_conflict_dialog_get_values (dialog);
  AimsRecord *theirs = aims_conflict_dialog_get_theirs (dialog);
  AimsRecord *mine = aims_conflict_dialog_get_mine (dialog);
  g_autoptr(GHashTable) refused = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_signal_handlers_disconnect_by_data (dialog, self);
  self->conflict = NULL;

  /* Closed without a choice: while editing, the user's values stay in their
   * fields, still pending (the next save asks again); when the window is
   * closing, nothing may stay pending, and theirs stays. */
  if (choice == AIMS_CONFLICT_CANCELLED && self->flushing)
    choice = AIMS_CONFLICT_TAKE_THEIRS;

  if (self->record == NULL || aims_record_get_id (self->record) != aims_record_get_id (theirs))
    {
      /* The editor moved on to another record meanwhile: write the choice
       * directly. */
      g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(AimsRecord) stored = NULL;
      g_autoptr(GError) error = NULL;

      if (choice == AIMS_CONFLICT_CANCELLED || get_db (self) == NULL)
        return;
      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_strcmp0 (value, stored_value (theirs, key)) != 0)
          g_hash_table_insert (changes, key, value);
      if (g_hash_table_size (changes) == 0)
        return;
      stored = aims_store_update (get_db (self), self->entity, aims_record_get_id (theirs),
                                  aims_record_get_row_version (theirs), changes,
                                  get_author (self), &error);
      if (stored == NULL)
        g_message ("Could not save %s after a conflict: %s",
                   aims_record_get_reference (theirs), error->message);
      else
        g_signal_emit (self, signals[SAVED], 0, stored);
      return;
    }

  if (choice == AIMS_CONFLICT_CANCELLED)
    {
      aims_record_editor_refresh (self, theirs);
      return;
    }

  /* Every field now starts from theirs; the fields where the user kept
   * their own value are pending again and are written over theirs, with
   * theirs' row_version. Text the fields refused stays where it was, still
   * refused. */
  refused = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *f = g_ptr_array_index (self->rows, i);
      g_autofree char *valid = field_row_get_value (f, NULL);

      if (valid == NULL)
        g_hash_table_insert (refused, f, field_row_get_text (f));
    }
  g_object_ref (theirs);
  take_record (self, theirs);
  g_hash_table_iter_init (&iter, refused);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      field_row_show (key, value, NULL);
      normalized = field_row_get_value (key, &error);
      field_row_set_error (key, error != NULL ? error->message : NULL);
    }
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FieldRow *f = find_row (self, key);

      if (f == NULL)
        continue;
      if (g_strcmp0 (value, stored_value (mine, key)) == 0)
        field_row_show (f, value, aims_record_get_display (mine, key));
      else
        field_row_show (f, value, aims_record_get_display (theirs, key));
    }
  g_object_unref (theirs);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *f = g_ptr_array_index (self->rows, i);

      if (field_row_is_pending (f))
        save_now (self, f);
    }
}

/* Someone else changed the record: compare theirs with the user's values
 * and let the user choose. With wait, returns once they have. FALSE when
 * the stored record could not be read, so nothing was decided. */
static gboolean
open_conflict (AimsRecordEditor *self,
               gboolean          wait)
{
  g_autoptr(AimsRecord) theirs = NULL;
  g_autoptr(AimsRecord) mine = NULL;
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (self->record == NULL || get_db (self) == NULL || self->conflict != NULL)
    return FALSE;

  theirs = aims_store_load (get_db (self), self->entity, aims_record_get_id (self->record), &error);
  if (theirs == NULL)
    {
      if (g_error_matches (error, AIMS_DB_ERROR, AIMS_DB_ERROR_BUSY))
        set_waiting (self, TRUE);
      else
        g_message ("Could not read %s: %s", aims_record_get_reference (self->record), error->message);
      return FALSE;
    }

  mine = aims_record_copy (theirs);
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *f = g_ptr_array_index (self->rows, i);
      g_autofree char *value = NULL;

      if (!field_row_is_pending (f) || (value = field_row_get_value (f, NULL)) == NULL)
        continue;
      aims_record_set (mine, f->field->name, *value != '\0' ? value : NULL);
      aims_record_set_display (mine, f->field->name, display_for (f, value));
    }

  diff = aims_record_diff (theirs, mine);
  if (diff->len == 0)
    {
      /* They stored what the user typed: nothing to choose. */
      take_record (self, theirs);
      return TRUE;
    }

  window = get_window (self);
  if (window == NULL)
    {
      /* Nobody to ask (the editor is not in a window): theirs stays. */
      g_message ("%s changed meanwhile; %u edited fields were not saved",
                 aims_record_get_reference (theirs), diff->len);
      take_record (self, theirs);
      return TRUE;
    }

  self->conflict = aims_conflict_dialog_new (window, theirs, mine);
  g_signal_connect_object (self->conflict, "resolved", G_CALLBACK (conflict_resolved_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->conflict));

  if (wait)
    while (self->conflict != NULL)
      g_main_context_iteration (NULL, TRUE);
  return TRUE;
}

/* ── Field signals ───────────────────────────────────────────────────── */

static gboolean
debounce_cb (gpointer user_data)
{
  FieldRow *f = user_data;

  f->debounce_id = 0;
  save_now (f->editor, f);
  return G_SOURCE_REMOVE;
}

/* Text: saved after a pause in typing. Dates wait for Enter, the calendar
 * or leaving the field, so a date half typed is not refused. */
static void
text_changed_cb (FieldRow *f)
{
  if (f->updating > 0 || f->editor->record == NULL)
    return;

  g_signal_emit (f->editor, signals[FIELD_CHANGED], 0, f->field->name);
  g_clear_handle_id (&f->debounce_id, g_source_remove);
  if (f->field->type != AIMS_FIELD_DATE)
    f->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, f);
}

static void
value_changed_cb (FieldRow *f)
{
  if (f->updating > 0 || f->editor->record == NULL)
    return;

  g_signal_emit (f->editor, signals[FIELD_CHANGED], 0, f->field->name);
  save_now (f->editor, f);
}

static void
entry_activated_cb (FieldRow *f)
{
  if (f->editor->record != NULL)
    save_now (f->editor, f);
}

static void
focus_leave_cb (FieldRow *f)
{
  AimsRecordEditor *self = f->editor;

  if (self->record == NULL)
    return;

  if (field_row_is_pending (f))
    save_now (self, f);
  else if (f->stale)
    field_row_take (f, self->record);
}

static void
calendar_popover_show_cb (FieldRow *f)
{
  g_autoptr(GDate) date = aims_date_parse (gtk_editable_get_text (GTK_EDITABLE (f->row)));
  g_autoptr(GDateTime) day = NULL;

  if (date == NULL)
    date = aims_date_today ();
  day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                               g_date_get_day (date), 0, 0, 0);
  f->updating++;
  gtk_calendar_select_day (GTK_CALENDAR (f->calendar), day);
  f->updating--;
}

static void
calendar_day_selected_cb (FieldRow *f)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (f->updating > 0 || f->editor->record == NULL)
    return;

  day = gtk_calendar_get_date (GTK_CALENDAR (f->calendar));
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (f->row), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (f->calendar_button));
  save_now (f->editor, f);
}

/* ── Building the rows ───────────────────────────────────────────────── */

static void
field_row_free (FieldRow *f)
{
  g_clear_handle_id (&f->debounce_id, g_source_remove);
  g_free (f->base_value);
  g_free (f->error);
  g_free (f->level_labels);
  g_free (f);
}

static void
add_focus_controller (FieldRow  *f,
                      GtkWidget *widget)
{
  f->focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (f->focus, "leave", G_CALLBACK (focus_leave_cb), f);
  gtk_widget_add_controller (widget, f->focus);
}

static GtkWidget *
make_entry_row (FieldRow *f)
{
  GtkWidget *row = adw_entry_row_new ();

  if (f->field->type == AIMS_FIELD_EMAIL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
  else if (f->field->type == AIMS_FIELD_NUMBER)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (text_changed_cb), f);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (entry_activated_cb), f);
  add_focus_controller (f, row);

  if (f->field->type == AIMS_FIELD_DATE)
    {
      GtkWidget *popover = gtk_popover_new ();
      g_autofree char *label = NULL;

      f->calendar = gtk_calendar_new ();
      g_signal_connect_swapped (f->calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), f);
      gtk_popover_set_child (GTK_POPOVER (popover), f->calendar);
      g_signal_connect_swapped (popover, "show", G_CALLBACK (calendar_popover_show_cb), f);

      f->calendar_button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (f->calendar_button), "x-office-calendar-symbolic");
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (f->calendar_button), popover);
      gtk_widget_set_tooltip_text (f->calendar_button, _("Choose a Date"));
      /* Translators: what a screen reader says for the calendar button
       * of a date field, "Choose a Date for Next review" */
      label = g_strdup_printf (_("Choose a Date for %s"), _(f->field->label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (f->calendar_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_widget_set_valign (f->calendar_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (f->calendar_button, "flat");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), f->calendar_button);
    }
  return row;
}

static GtkWidget *
make_long_text_row (FieldRow *f)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (_(f->field->label));
  GtkWidget *view = g_object_new (AIMS_TYPE_LONG_TEXT_VIEW, NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "aims-field-title");
  gtk_box_append (GTK_BOX (box), title);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 2);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 2);
  gtk_widget_add_css_class (view, "aims-long-text");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), view);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(f->field->label));

  f->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect_swapped (f->buffer, "changed", G_CALLBACK (text_changed_cb), f);
  add_focus_controller (f, view);

  /* A click anywhere in the row edits the text. */
  g_object_set_data (G_OBJECT (row), "aims-text-view", view);
  return row;
}

static GtkWidget *
make_choice_row (FieldRow *f)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (!f->field->required)
    gtk_string_list_append (labels, _("Not set"));
  for (const AimsChoice *c = f->field->choices; c->key != NULL; c++)
    gtk_string_list_append (labels, _(c->label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (value_changed_cb), f);
  return row;
}

static GtkWidget *
make_link_row (AimsRecordEditor *self,
               FieldRow         *f)
{
  const AimsEntity *linked = aims_field_get_link_entity (f->field);
  /* A risk with no AI system is a risk to the whole organisation. */
  const char *unset = linked == aims_entity_systems () ? _("Organisation-wide") : NULL;
  GtkWidget *row = aims_link_chooser_new (self->context, linked, unset);

  g_signal_connect_swapped (row, "notify::record-id", G_CALLBACK (value_changed_cb), f);
  return row;
}

/* "Not set", then "1 · Rare" … in the matrix's order. Made again when the
 * matrix's labels changed (Preferences, or another user). */
static void
level_row_update_labels (FieldRow *f)
{
  const AimsRiskMatrix *matrix = aims_context_get_risk_matrix (f->editor->context);
  char **labels = f->field->level_axis == AIMS_RISK_AXIS_LIKELIHOOD
                  ? matrix->likelihood_labels : matrix->impact_labels;
  g_autofree char *joined = g_strjoinv ("\n", labels);
  g_autoptr(GtkStringList) list = NULL;

  if (g_strcmp0 (joined, f->level_labels) == 0)
    return;

  list = gtk_string_list_new (NULL);
  gtk_string_list_append (list, _("Not set"));
  for (guint level = 1; labels[level - 1] != NULL; level++)
    {
      /* Translators: a likelihood or impact level, "4 · Likely" */
      g_autofree char *item = g_strdup_printf (_("%u · %s"), level, labels[level - 1]);

      gtk_string_list_append (list, item);
    }
  f->updating++;
  adw_combo_row_set_model (ADW_COMBO_ROW (f->row), G_LIST_MODEL (list));
  f->updating--;
  g_free (f->level_labels);
  f->level_labels = g_steal_pointer (&joined);
}

static GtkWidget *
make_level_row (FieldRow *f)
{
  GtkWidget *row = adw_combo_row_new ();

  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (value_changed_cb), f);
  return row;
}

static GtkWidget *
make_boolean_row (FieldRow *f)
{
  GtkWidget *row = adw_action_row_new ();

  f->toggle = gtk_switch_new ();
  gtk_widget_set_valign (f->toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), f->toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), f->toggle);
  g_signal_connect_swapped (f->toggle, "notify::active", G_CALLBACK (value_changed_cb), f);
  return row;
}

GtkWidget *
aims_record_editor_new_text_row (const char  *title_text,
                                 GtkWidget  **value_label)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (title_text);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "aims-field-title");
  gtk_box_append (GTK_BOX (box), title);

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), value);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  *value_label = value;
  return row;
}

/* Catalogue text and computed values: shown, selectable, never edited. */
static GtkWidget *
make_read_only_row (FieldRow *f)
{
  return aims_record_editor_new_text_row (_(f->field->label), &f->value_label);
}

static GtkWidget *
make_error_row (FieldRow *f)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

  f->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (f->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (f->error_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (f->error_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (f->error_label, TRUE);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), f->error_label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (row, "aims-field-error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_visible (row, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (f->row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, f->error_label, NULL,
                                  -1);
  return row;
}

static void
build_rows (AimsRecordEditor *self,
            GtkWidget        *groups_box)
{
  for (const AimsFieldGroup *group = self->entity->groups; group->key != NULL; group++)
    {
      GtkWidget *prefs_group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs_group), _(group->title));

      for (guint i = 0; i < self->entity->n_fields; i++)
        {
          const AimsField *field = &self->entity->fields[i];
          FieldRow *f;

          if (g_strcmp0 (field->group, group->key) != 0)
            continue;

          f = g_new0 (FieldRow, 1);
          f->editor = self;
          f->field = field;
          f->base_value = g_strdup ("");

          if (field->read_only)
            f->row = make_read_only_row (f);
          else switch (field->type)
            {
            case AIMS_FIELD_TEXT:
            case AIMS_FIELD_EMAIL:
            case AIMS_FIELD_DATE:
            case AIMS_FIELD_NUMBER:
              f->row = make_entry_row (f);
              break;
            case AIMS_FIELD_LONG_TEXT:
              f->row = make_long_text_row (f);
              break;
            case AIMS_FIELD_CHOICE:
              f->row = make_choice_row (f);
              break;
            case AIMS_FIELD_PERSON:
            case AIMS_FIELD_LINK:
              f->row = make_link_row (self, f);
              break;
            case AIMS_FIELD_LEVEL:
              f->row = make_level_row (f);
              break;
            case AIMS_FIELD_BOOLEAN:
              f->row = make_boolean_row (f);
              break;
            default:
              g_assert_not_reached ();
            }

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), _(field->label));
          if (field->hint != NULL)
            {
              /* Rows with a subtitle show the hint there; every row has it as
               * its tooltip. */
              if (ADW_IS_ACTION_ROW (f->row))
                adw_action_row_set_subtitle (ADW_ACTION_ROW (f->row), _(field->hint));
              gtk_widget_set_tooltip_text (f->row, _(field->hint));
              gtk_accessible_update_property (GTK_ACCESSIBLE (f->row),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(field->hint),
                                              -1);
            }
          f->error_row = make_error_row (f);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs_group), f->row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs_group), f->error_row);
          g_ptr_array_add (self->rows, f);
        }

      gtk_box_append (GTK_BOX (groups_box), prefs_group);
      g_hash_table_insert (self->groups, (gpointer) group->key, prefs_group);
    }
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
db_changed_cb (AimsRecordEditor *self)
{
  AimsDb *db = get_db (self);

  /* The record shown belongs to the database that was open: its edits
   * cannot go to this one. The window flushes every page before it
   * changes databases, so nothing should be pending here. */
  if (self->record != NULL)
    {
      if (aims_record_editor_has_pending (self))
        g_message ("%s: edits not saved before the database changed",
                   aims_record_get_reference (self->record));
      for (guint i = 0; i < self->rows->len; i++)
        {
          FieldRow *f = g_ptr_array_index (self->rows, i);

          g_clear_handle_id (&f->debounce_id, g_source_remove);
          field_row_set_error (f, NULL);
        }
      g_clear_object (&self->record);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
    }
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->waiting = FALSE;

  set_read_only (self, db != NULL && aims_db_is_read_only (db)
                       ? aims_db_get_read_only_reason (db) : NULL);
}

static void
aims_record_editor_set_context (AimsRecordEditor *self,
                                AimsContext      *context)
{
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    {
      g_signal_connect_object (context, "notify::db", G_CALLBACK (db_changed_cb), self,
                               G_CONNECT_SWAPPED);
      db_changed_cb (self);
    }

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      FieldRow *f = g_ptr_array_index (self->rows, i);

      if (!f->field->read_only &&
          (f->field->type == AIMS_FIELD_PERSON || f->field->type == AIMS_FIELD_LINK))
        aims_link_chooser_set_context (AIMS_LINK_CHOOSER (f->row), context);
    }
}

static void
aims_record_editor_dispose (GObject *object)
{
  AimsRecordEditor *self = AIMS_RECORD_EDITOR (object);
  GtkWidget *child;

  /* Last chance for pending edits; nobody can be asked any more. */
  if (self->record != NULL && self->rows != NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        {
          FieldRow *f = g_ptr_array_index (self->rows, i);

          if (field_row_is_pending (f) && save_field (self, f) != SAVE_OK)
            g_message ("%s: %s was not saved", aims_record_get_reference (self->record),
                       f->field->name);
        }
    }

  if (self->conflict != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->conflict, self);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->conflict)));
    }
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->rows != NULL)
    for (guint i = 0; i < self->rows->len; i++)
      g_clear_handle_id (&((FieldRow *) g_ptr_array_index (self->rows, i))->debounce_id,
                         g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (aims_record_editor_parent_class)->dispose (object);
}

static void
aims_record_editor_finalize (GObject *object)
{
  AimsRecordEditor *self = AIMS_RECORD_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_free (self->status);
  g_free (self->read_only_reason);

  G_OBJECT_CLASS (aims_record_editor_parent_class)->finalize (object);
}

static void
aims_record_editor_unmap (GtkWidget *widget)
{
  AimsRecordEditor *self = AIMS_RECORD_EDITOR (widget);

  /* Leaving the page writes what was typed, without waiting for the pause. */
  if (self->record != NULL && self->conflict == NULL)
    aims_record_editor_save_pending (self);

  GTK_WIDGET_CLASS (aims_record_editor_parent_class)->unmap (widget);
}

static void
aims_record_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AimsRecordEditor *self = AIMS_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AimsRecordEditor *self = AIMS_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      aims_record_editor_set_context (self, g_value_get_object (value));
      break;

    case PROP_RECORD:
      aims_record_editor_set_record (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_editor_class_init (AimsRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_record_editor_dispose;
  object_class->finalize = aims_record_editor_finalize;
  object_class->get_property = aims_record_editor_get_property;
  object_class->set_property = aims_record_editor_set_property;
  widget_class->unmap = aims_record_editor_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         AIMS_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         AIMS_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AIMS_TYPE_RECORD);
  signals[FIELD_CHANGED] =
    g_signal_new ("field-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "aimsrecordeditor");
}

static void
aims_record_editor_init (AimsRecordEditor *self)
{
  GtkWidget *scrolled, *clamp, *header, *banner_box, *icon;

  aims_records_ensure_style ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) field_row_free);
  self->groups = g_hash_table_new (g_str_hash, g_str_equal);

  /* The banner: waiting for the database, or read-only. */
  self->banner = gtk_revealer_new ();
  banner_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (banner_box, "aims-banner");
  icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (banner_box), icon);
  self->banner_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->banner_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->banner_label), 0);
  gtk_widget_set_hexpand (self->banner_label, TRUE);
  gtk_box_append (GTK_BOX (banner_box), self->banner_label);
  gtk_revealer_set_child (GTK_REVEALER (self->banner), banner_box);
  gtk_widget_set_parent (self->banner, GTK_WIDGET (self));

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->placeholder = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->placeholder), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->placeholder), _("Nothing Selected"));
  gtk_widget_add_css_class (self->placeholder, "compact");
  gtk_stack_add_named (GTK_STACK (self->stack), self->placeholder, "empty");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 480);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->content, 18);
  gtk_widget_set_margin_bottom (self->content, 24);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (self->title_label), TRUE);
  gtk_widget_add_css_class (self->title_label, "title-2");
  gtk_box_append (GTK_BOX (header), self->title_label);
  self->meta_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->meta_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->meta_label), TRUE);
  gtk_widget_add_css_class (self->meta_label, "dim-label");
  gtk_box_append (GTK_BOX (header), self->meta_label);
  gtk_box_append (GTK_BOX (self->content), header);

  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "record");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

GtkWidget *
aims_record_editor_new (AimsContext      *context,
                        const AimsEntity *entity)
{
  AimsRecordEditor *self;

  g_return_val_if_fail (context == NULL || AIMS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  self = g_object_new (AIMS_TYPE_RECORD_EDITOR,
                       "context", context,
                       NULL);
  self->entity = entity;
  build_rows (self, self->content);
  return GTK_WIDGET (self);
}

const AimsEntity *
aims_record_editor_get_entity (AimsRecordEditor *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_EDITOR (self), NULL);

  return self->entity;
}

AimsContext *
aims_record_editor_get_context (AimsRecordEditor *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_EDITOR (self), NULL);

  return self->context;
}

AimsRecord *
aims_record_editor_get_record (AimsRecordEditor *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_EDITOR (self), NULL);

  return self->record;
}

void
aims_record_editor_set_record (AimsRecordEditor *self,
                               AimsRecord       *record)
{
  g_return_if_fail (AIMS_IS_RECORD_EDITOR (self));
  g_return_if_fail (record == NULL || AIMS_IS_RECORD (record));
  g_return_if_fail (record == NULL || aims_record_get_entity (record) == self->entity);

  if (record != NULL && self->record != NULL &&
      aims_record_get_id (record) == aims_record_get_id (self->record))
    {
      aims_record_editor_refresh (self, record);
      return;
    }

  /* What was typed into the record shown until now is written first. */
  if (self->record != NULL && self->conflict == NULL)
    aims_record_editor_save_pending (self);

  g_clear_object (&self->record);
  if (record != NULL)
    {
      g_autoptr(AimsRecord) copy = aims_record_copy (record);

      take_record (self, copy);
    }
  else
    for (guint i = 0; i < self->rows->len; i++)
      {
        FieldRow *f = g_ptr_array_index (self->rows, i);

        g_clear_handle_id (&f->debounce_id, g_source_remove);
        field_row_set_error (f, NULL);
      }

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), record != NULL ? "record" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

void
aims_record_editor_refresh (AimsRecordEditor *self,
                            AimsRecord       *stored)
{
  g_autoptr(AimsRecord) copy = NULL;
  gint64 version;

  g_return_if_fail (AIMS_IS_RECORD_EDITOR (self));
  g_return_if_fail (AIMS_IS_RECORD (stored));

  if (self->record == NULL || aims_record_get_id (self->record) != aims_record_get_id (stored))
    {
      aims_record_editor_set_record (self, stored);
      return;
    }

  /* Only ever move forward: an older read (a list loaded before our own
   * write) must not undo what this editor knows. */
  version = aims_record_get_row_version (stored);
  if (version < aims_record_get_row_version (self->record))
    return;

  copy = aims_record_copy (stored);
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *f = g_ptr_array_index (self->rows, i);
      const char *value = stored_value (copy, f->field->name);
      gboolean pending = field_row_is_pending (f);

      if (!pending && !field_row_has_focus (f))
        field_row_take (f, copy);
      else if (values_equal (f, value, f->base_value))
        f->base_version = version;          /* nobody else touched this field */
      else if (!pending)
        f->stale = TRUE;                    /* taken when the focus leaves */
      /* else: pending over another user's change of the same field: the
       * stale base_version makes its save a conflict, and the user chooses. */
    }

  g_set_object (&self->record, copy);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

gboolean
aims_record_editor_has_pending (AimsRecordEditor *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_EDITOR (self), FALSE);

  if (self->record == NULL)
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    if (field_row_is_pending (g_ptr_array_index (self->rows, i)))
      return TRUE;
  return FALSE;
}

void
aims_record_editor_save_pending (AimsRecordEditor *self)
{
  g_return_if_fail (AIMS_IS_RECORD_EDITOR (self));

  if (self->record == NULL)
    return;

  for (guint i = 0; i < self->rows->len && self->record != NULL; i++)
    {
      FieldRow *f = g_ptr_array_index (self->rows, i);

      if (field_row_is_pending (f))
        save_now (self, f);
    }
}

/* A message dialog, waited for: used only while flushing, when the window
 * may be about to close. */
static void
tell_and_wait (AimsRecordEditor *self,
               const char       *heading,
               const char       *body)
{
  GtkWindow *window = get_window (self);
  GtkWidget *dialog;

  if (window == NULL)
    {
      g_message ("%s: %s", heading, body);
      return;
    }

  dialog = adw_message_dialog_new (window, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_nullify_pointer), &dialog);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_nullify_pointer), &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
}

void
aims_record_editor_flush (AimsRecordEditor *self)
{
  g_autoptr(GHashTable) given_up = NULL;   /* FieldRow → reason */
  g_autoptr(GString) lost = NULL;
  gint64 deadline;

  g_return_if_fail (AIMS_IS_RECORD_EDITOR (self));

  if (self->record == NULL)
    return;

  self->flushing = TRUE;
  given_up = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  deadline = g_get_monotonic_time () + FLUSH_BUSY_WAIT_US;

  for (;;)
    {
      FieldRow *f = NULL;

      /* A conflict already on screen is decided first. */
      while (self->conflict != NULL)
        g_main_context_iteration (NULL, TRUE);
      if (self->record == NULL)
        break;

      for (guint i = 0; i < self->rows->len && f == NULL; i++)
        {
          FieldRow *g = g_ptr_array_index (self->rows, i);

          if (!g_hash_table_contains (given_up, g) && field_row_is_pending (g))
            f = g;
        }
      if (f == NULL)
        break;

      switch (save_field (self, f))
        {
        case SAVE_OK:
          break;

        case SAVE_CONFLICT:
          if (!open_conflict (self, TRUE) && field_row_is_pending (f))
            g_hash_table_insert (given_up, f, g_strdup (_("someone else changed it, and their version could not be read")));
          break;

        case SAVE_BUSY:
          if (g_get_monotonic_time () < deadline)
            g_usleep (100 * 1000);
          else
            g_hash_table_insert (given_up, f, g_strdup (_("the database stayed busy")));
          break;

        case SAVE_INVALID:
        case SAVE_FAILED:
        default:
          g_hash_table_insert (given_up, f, g_strdup (f->error != NULL ? f->error
                                                      : self->read_only_reason != NULL
                                                        ? self->read_only_reason
                                                        : _("it could not be written")));
          break;
        }
    }

  /* What could not be written is told, then dropped: the field shows the
   * stored value again. */
  if (g_hash_table_size (given_up) > 0 && self->record != NULL)
    {
      lost = g_string_new (NULL);
      for (guint i = 0; i < self->rows->len; i++)
        {
          FieldRow *f = g_ptr_array_index (self->rows, i);
          const char *reason = g_hash_table_lookup (given_up, f);
          g_autofree char *text = NULL;

          if (reason == NULL)
            continue;
          text = field_row_get_text (f);
          if (lost->len > 0)
            g_string_append (lost, "\n\n");
          /* Translators: field label, what the user typed, and why it was not saved */
          g_string_append_printf (lost, _("%s: “%s” (%s)"), _(f->field->label), text, reason);
          field_row_take (f, self->record);
        }
      g_string_prepend (lost, "\n\n");
      g_string_prepend (lost, _("These values could not be saved and were not kept. Copy them now if you need them."));
      tell_and_wait (self, _("Some Changes Were Not Saved"), lost->str);
    }

  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->waiting = FALSE;
  update_status (self);
  self->flushing = FALSE;
}

void
aims_record_editor_focus_field (AimsRecordEditor *self,
                                const char       *field)
{
  FieldRow *f;
  GtkWidget *view;

  g_return_if_fail (AIMS_IS_RECORD_EDITOR (self));
  g_return_if_fail (field != NULL);

  f = find_row (self, field);
  g_return_if_fail (f != NULL);

  view = g_object_get_data (G_OBJECT (f->row), "aims-text-view");
  if (view != NULL)
    {
      gtk_widget_grab_focus (view);
      return;
    }

  gtk_widget_grab_focus (f->row);
  if (GTK_IS_EDITABLE (f->row))
    gtk_editable_select_region (GTK_EDITABLE (f->row), 0, -1);
}

GtkWidget *
aims_record_editor_get_field_row (AimsRecordEditor *self,
                                  const char       *field)
{
  FieldRow *f;

  g_return_val_if_fail (AIMS_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  f = find_row (self, field);
  return f != NULL ? f->row : NULL;
}

const char *
aims_record_editor_get_status (AimsRecordEditor *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_EDITOR (self), NULL);

  return self->status;
}

void
aims_record_editor_set_placeholder (AimsRecordEditor *self,
                                    const char       *title,
                                    const char       *description)
{
  g_return_if_fail (AIMS_IS_RECORD_EDITOR (self));

  adw_status_page_set_title (ADW_STATUS_PAGE (self->placeholder), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->placeholder), description);
}

char *
aims_record_editor_dup_field_text (AimsRecordEditor *self,
                                   const char       *field)
{
  FieldRow *f;

  g_return_val_if_fail (AIMS_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  f = find_row (self, field);
  g_return_val_if_fail (f != NULL, NULL);
  return field_row_get_text (f);
}

void
aims_record_editor_add_row (AimsRecordEditor *self,
                            const char       *group,
                            GtkWidget        *row)
{
  GtkWidget *prefs_group;

  g_return_if_fail (AIMS_IS_RECORD_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  prefs_group = g_hash_table_lookup (self->groups, group);
  g_return_if_fail (prefs_group != NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs_group), row);
}
