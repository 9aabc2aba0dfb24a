/* aims-review-frozen.c — a closed management review, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-core.h"
#include "aims-review-frozen.h"

typedef struct
{
  const AimsField *field;
  GtkWidget       *edit_row;    /* the editor's, not owned */
  GtkWidget       *shown_row;   /* ours, beside it in the same list */
  GtkWidget       *value;
} Frozen;

struct _AimsReviewFrozen
{
  AimsRecordEditor *editor;
  GArray           *rows;      /* Frozen */
  GtkWidget        *note;      /* AdwActionRow above the first field */
  char             *note_text;
};

/* A row like the editor's for read-only fields, hidden until a closed
 * review is shown. */
static GtkWidget *
make_row (Frozen *frozen)
{
  GtkWidget *row = aims_record_editor_new_text_row (_(frozen->field->label), &frozen->value);

  gtk_widget_set_visible (row, FALSE);
  return row;
}

/* Puts row into the list that holds beside (a row of a preferences group),
 * just after it, or at the top of that list. */
static gboolean
insert_beside (GtkWidget *row,
               GtkWidget *beside,
               gboolean   at_top)
{
  GtkWidget *list = gtk_widget_get_parent (beside);

  if (!GTK_IS_LIST_BOX (list) || !GTK_IS_LIST_BOX_ROW (beside))
    return FALSE;
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       at_top ? 0 : gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (beside)) + 1);
  return TRUE;
}

AimsReviewFrozen *
aims_review_frozen_new (AimsRecordEditor  *editor,
                        const char *const *fields)
{
  AimsReviewFrozen *self = g_new0 (AimsReviewFrozen, 1);
  const AimsEntity *entity = aims_record_editor_get_entity (editor);
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

  self->editor = editor;
  self->rows = g_array_new (FALSE, TRUE, sizeof (Frozen));

  self->note = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->note), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->note),
                               _("Its title, date, attendees, notes and decisions stay as they were when it "
                                 "was closed. The actions decided are still tracked."));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->note), icon);
  gtk_widget_add_css_class (self->note, "aims-review-frozen-note");
  gtk_widget_set_visible (self->note, FALSE);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      Frozen frozen = { aims_entity_find_field (entity, fields[i]),
                        aims_record_editor_get_field_row (editor, fields[i]) };

      if (frozen.field == NULL || frozen.edit_row == NULL)
        continue;
      frozen.shown_row = make_row (&frozen);
      if (!insert_beside (frozen.shown_row, frozen.edit_row, FALSE))
        aims_record_editor_add_row (editor, frozen.field->group, frozen.shown_row);
      if (self->rows->len == 0 && !insert_beside (self->note, frozen.edit_row, TRUE))
        aims_record_editor_add_row (editor, frozen.field->group, self->note);
      g_array_append_val (self->rows, frozen);
    }
  return self;
}

void
aims_review_frozen_free (AimsReviewFrozen *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rows);
  g_free (self->note_text);
  g_free (self);
}

/* "2026-11-28T13:31:04Z" → "2026-11-28": the day is what a reader wants. */
static char *
day_of (const char *timestamp)
{
  return timestamp != NULL ? g_strndup (timestamp, 10) : g_strdup ("?");
}

void
aims_review_frozen_show (AimsReviewFrozen *self,
                         AimsRecord       *review)
{
  gboolean closed = review != NULL && aims_review_is_closed (review);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->editor));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_clear_pointer (&self->note_text, g_free);
  if (closed)
    {
      g_autofree char *day = day_of (aims_record_get (review, "closed_at"));
      const char *by = aims_record_get (review, "closed_by");

      self->note_text = by != NULL
        /* Translators: above a closed review, "Closed on 2026-11-28 by Ada Lovelace — the record and inputs are frozen" */
        ? g_strdup_printf (_("Closed on %s by %s — the record and inputs are frozen"), day, by)
        /* Translators: above a closed review, "Closed on 2026-11-28 — the record and inputs are frozen" */
        : g_strdup_printf (_("Closed on %s — the record and inputs are frozen"), day);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note), self->note_text);
    }
  gtk_widget_set_visible (self->note, closed);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Frozen *frozen = &g_array_index (self->rows, Frozen, i);
      const char *value = closed ? aims_record_get (review, frozen->field->name) : NULL;
      gboolean empty = value == NULL || *value == '\0';

      /* A focused entry hidden never gets its focus-out. */
      if (closed && focus != NULL && (focus == frozen->edit_row || gtk_widget_is_ancestor (focus, frozen->edit_row)))
        gtk_root_set_focus (root, NULL);
      gtk_label_set_text (GTK_LABEL (frozen->value), empty ? _("Not recorded") : value);
      if (empty)
        gtk_widget_add_css_class (frozen->value, "dim-label");
      else
        gtk_widget_remove_css_class (frozen->value, "dim-label");
      gtk_widget_set_visible (frozen->edit_row, !closed);
      gtk_widget_set_visible (frozen->shown_row, closed);
    }
}

const char *
aims_review_frozen_get_note (AimsReviewFrozen *self)
{
  return self->note_text;
}
