/* aims-review-inputs-view.c — a management review's inputs, readable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-review-inputs-view.h"

struct _AimsReviewInputsView
{
  GtkWidget    parent_instance;

  AimsContext *context;
  GtkWidget   *box;
  GtkWidget   *about;      /* what the figures are and what they compare with */
  GtkWidget   *areas;      /* a heading and a boxed list per area */
  GHashTable  *shown;      /* key → "12 (+2)" */
  /* A draft's preview being compiled in a thread, and what it is shown with. */
  GCancellable     *cancellable;
  AimsReviewInputs *before_inputs;
  char             *compared;
  gboolean          compiling;
};

G_DEFINE_FINAL_TYPE (AimsReviewInputsView, aims_review_inputs_view, GTK_TYPE_WIDGET)

/* "+2", "−1", "±0": the change since the review before. */
static char *
change_text (gint64 now,
             gint64 then)
{
  if (now > then)
    return g_strdup_printf ("+%" G_GINT64_FORMAT, now - then);
  if (now < then)
    return g_strdup_printf ("−%" G_GINT64_FORMAT, then - now);
  return g_strdup ("±0");
}

static GtkWidget *
figure_row (AimsReviewInputsView   *self,
            const AimsReviewFigure *figure,
            const AimsReviewFigure *before)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, figure->value);
  GtkWidget *value_label = gtk_label_new (value);
  g_autofree char *change = before != NULL ? change_text (figure->value, before->value) : NULL;
  g_autofree char *shown = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), figure->label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_widget_add_css_class (value_label, "heading");
  if (change != NULL)
    {
      GtkWidget *change_label = gtk_label_new (change);
      /* Translators: the tooltip of a figure's change, "2 at the review before" */
      g_autofree char *tooltip = g_strdup_printf (_("%lld at the review before"), (long long) before->value);

      gtk_widget_add_css_class (change_label, "dim-label");
      gtk_widget_add_css_class (change_label, "numeric");
      gtk_widget_set_tooltip_text (change_label, tooltip);
      gtk_widget_set_size_request (change_label, 48, -1);
      gtk_label_set_xalign (GTK_LABEL (change_label), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), change_label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label);
  shown = change != NULL ? g_strdup_printf ("%s (%s)", value, change) : g_strdup (value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown, -1);
  g_hash_table_replace (self->shown, g_strdup (figure->key), g_steal_pointer (&shown));
  return row;
}

static void
clear (AimsReviewInputsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->areas)) != NULL)
    gtk_box_remove (GTK_BOX (self->areas), child);
  g_hash_table_remove_all (self->shown);
}

static void
show_inputs (AimsReviewInputsView   *self,
             const AimsReviewInputs *inputs,
             const AimsReviewInputs *before)
{
  GtkWidget *list = NULL;
  const char *area = NULL;

  for (guint i = 0; i < inputs->figures->len; i++)
    {
      const AimsReviewFigure *figure = &g_array_index (inputs->figures, AimsReviewFigure, i);
      const AimsReviewFigure *was = before != NULL ? aims_review_inputs_find (before, figure->key) : NULL;

      /* Noughts now and then say nothing; left out as in the workbook. */
      if (figure->value == 0 && (was == NULL || was->value == 0))
        continue;
      if (g_strcmp0 (area, figure->area) != 0)
        {
          GtkWidget *heading = gtk_label_new (aims_review_area_title (figure->area));

          area = figure->area;
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_widget_set_margin_top (heading, 12);
          gtk_box_append (GTK_BOX (self->areas), heading);
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          aims_review_area_title (figure->area), -1);
          gtk_box_append (GTK_BOX (self->areas), list);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), figure_row (self, figure, was));
    }
}

static void
show_about (AimsReviewInputsView   *self,
            gboolean                closed,
            const AimsReviewInputs *inputs)
{
  g_autofree char *about = NULL;

  if (closed)
    /* Translators: "Frozen when the review was closed, as of 2026-09-14. The change is counted from …" */
    about = g_strdup_printf (_("Frozen when the review was closed, as of %s. %s"), inputs->as_of, self->compared);
  else
    /* Translators: "A preview as of 2026-09-14: closing the review freezes these figures. The change …" */
    about = g_strdup_printf (_("A preview as of %s: closing the review freezes these figures. %s"),
                             inputs->as_of, self->compared);
  gtk_label_set_text (GTK_LABEL (self->about), about);
}

static void
preview_compiled_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AimsReviewInputsView) self = user_data;
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(GError) error = NULL;

  inputs = aims_review_inputs_compile_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->compiling = FALSE;
  if (inputs == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->about), error->message);
      return;
    }
  show_about (self, FALSE, inputs);
  show_inputs (self, inputs, self->before_inputs);
}

gboolean
aims_review_inputs_view_is_busy (AimsReviewInputsView *self)
{
  g_return_val_if_fail (AIMS_IS_REVIEW_INPUTS_VIEW (self), FALSE);

  return self->compiling;
}

void
aims_review_inputs_view_set_review (AimsReviewInputsView *self,
                                    AimsRecord           *review)
{
  AimsDb *db;
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(AimsRecord) before = NULL;
  g_autoptr(GError) error = NULL;
  gboolean closed;

  g_return_if_fail (AIMS_IS_REVIEW_INPUTS_VIEW (self));

  clear (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->before_inputs, aims_review_inputs_free);
  g_clear_pointer (&self->compared, g_free);
  self->compiling = FALSE;
  db = aims_context_get_db (self->context);
  if (review == NULL || db == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->about), "");
      return;
    }

  closed = aims_review_is_closed (review);
  before = aims_review_find_last_closed (db, aims_record_get (review, "held_on"), FALSE,
                                         aims_record_get_id (review), &error);
  if (before != NULL)
    self->before_inputs = aims_review_get_inputs (before, &error);
  if (closed && error == NULL)
    inputs = aims_review_get_inputs (review, &error);
  if (error != NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->about), error->message);
      return;
    }

  if (before != NULL)
    /* Translators: "The change is counted from MR-001, held on 2026-06-01." */
    self->compared = g_strdup_printf (_("The change is counted from %s, held on %s."),
                                      aims_record_get_reference (before), aims_record_get (before, "held_on"));
  else
    self->compared = g_strdup (_("No review was closed before this one, so there is no change to show."));

  if (closed)
    {
      show_about (self, TRUE, inputs);
      show_inputs (self, inputs, self->before_inputs);
      return;
    }
  /* A draft's preview reads every record: in a thread, on a connection of its own. */
  gtk_label_set_text (GTK_LABEL (self->about), _("Compiling the figures…"));
  self->cancellable = g_cancellable_new ();
  self->compiling = TRUE;
  aims_review_inputs_compile_async (aims_db_get_path (db), aims_record_get (review, "held_on"),
                                    self->cancellable, preview_compiled_cb, g_object_ref (self));
}

char *
aims_review_inputs_view_dup_shown (AimsReviewInputsView *self,
                                   const char           *key)
{
  g_return_val_if_fail (AIMS_IS_REVIEW_INPUTS_VIEW (self), NULL);

  return g_strdup (g_hash_table_lookup (self->shown, key));
}

static void
aims_review_inputs_view_dispose (GObject *object)
{
  AimsReviewInputsView *self = AIMS_REVIEW_INPUTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (aims_review_inputs_view_parent_class)->dispose (object);
}

static void
aims_review_inputs_view_finalize (GObject *object)
{
  AimsReviewInputsView *self = AIMS_REVIEW_INPUTS_VIEW (object);

  g_hash_table_unref (self->shown);
  g_clear_pointer (&self->before_inputs, aims_review_inputs_free);
  g_free (self->compared);
  G_OBJECT_CLASS (aims_review_inputs_view_parent_class)->finalize (object);
}

static void
aims_review_inputs_view_class_init (AimsReviewInputsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_review_inputs_view_dispose;
  G_OBJECT_CLASS (klass)->finalize = aims_review_inputs_view_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
aims_review_inputs_view_init (AimsReviewInputsView *self)
{
  GtkWidget *heading = gtk_label_new (_("Inputs"));

  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (self->box), heading);
  self->about = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->about), 0);
  gtk_label_set_wrap (GTK_LABEL (self->about), TRUE);
  gtk_widget_add_css_class (self->about, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->about);
  self->areas = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->box), self->areas);
}

GtkWidget *
aims_review_inputs_view_new (AimsContext *context)
{
  AimsReviewInputsView *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_REVIEW_INPUTS_VIEW, NULL);
  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
