/* aims-nc-workflow-view.c — steps, similar nonconformities and the
 * timeline in a nonconformity's detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-nc-workflow-view.h"

struct _AimsNcWorkflowView
{
  GtkWidget    parent_instance;

  AimsContext *context;
  GtkWidget   *box;
  GtkWidget   *steps;      /* GtkListBox */
  GtkWidget   *similar;
  GtkWidget   *timeline;
  gint64       nc_id;
  guint        n_allowed, n_refused, n_similar, n_events;
};

G_DEFINE_FINAL_TYPE (AimsNcWorkflowView, aims_nc_workflow_view, GTK_TYPE_WIDGET)

enum { MOVE_REQUESTED, NC_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static GtkWidget *
section_new (AimsNcWorkflowView *self,
             const char         *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (self->box), heading);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (self->box), list);
  return list;
}

static GtkWidget *
info_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
step_clicked_cb (GtkButton          *button,
                 AimsNcWorkflowView *self)
{
  guint target = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "target"));

  g_signal_emit (self, signals[MOVE_REQUESTED], 0, self->nc_id, target);
}

/* Steps into the states that may follow this one; the allowed ones first. */
static void
fill_steps (AimsNcWorkflowView *self,
            AimsRecord         *nc,
            GPtrArray          *actions)
{
  g_autoptr(GArray) moves = aims_nc_workflow_moves (nc, actions);
  AimsNcState from = aims_nc_get_state (nc);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < moves->len; i++)
      {
        AimsNcMove *move = &g_array_index (moves, AimsNcMove, i);
        g_autofree char *title = NULL;
        GtkWidget *row, *button;

        if (!aims_nc_state_can_follow (from, move->target) || move->allowed != (pass == 0))
          continue;
        /* Translators: a step of the workflow, "Move to Root cause analysed" */
        title = g_strdup_printf (_("Move to %s"), aims_nc_state_label (move->target));
        row = info_row_new (title, move->allowed
                                   ? (move->reason_field != NULL ? _("Asks for the reason") : NULL)
                                   : move->refusal);
        button = gtk_button_new_with_label (move->reason_field != NULL ? _("Move…") : _("Move"));
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_set_sensitive (button, move->allowed);
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
        if (move->allowed)
          gtk_widget_add_css_class (button, "suggested-action");
        else
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          move->refusal, -1);
        g_object_set_data (G_OBJECT (button), "target", GUINT_TO_POINTER (move->target));
        g_signal_connect (button, "clicked", G_CALLBACK (step_clicked_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        gtk_list_box_append (GTK_LIST_BOX (self->steps), row);
        if (move->allowed)
          self->n_allowed++;
        else
          self->n_refused++;
      }
  if (self->n_allowed + self->n_refused == 0)
    gtk_list_box_append (GTK_LIST_BOX (self->steps), info_row_new (_("No further step"), NULL));
}

static void
similar_activated_cb (GtkListBox         *list,
                      GtkListBoxRow      *row,
                      AimsNcWorkflowView *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "nc-id");

  if (id != NULL)
    g_signal_emit (self, signals[NC_ACTIVATED], 0, *id);
}

static void
fill_similar (AimsNcWorkflowView *self,
              AimsDb             *db,
              AimsRecord         *nc)
{
  g_autoptr(GPtrArray) similar = aims_nc_list_similar (db, aims_record_get_id (nc), NULL);

  for (guint i = 0; similar != NULL && i < similar->len; i++)
    {
      AimsRecord *other = similar->pdata[i];
      AimsNcSimilarity what = aims_nc_similarity (nc, other);
      g_autoptr(GString) why = g_string_new (aims_nc_state_label (aims_nc_get_state (other)));
      g_autofree char *title = g_strdup_printf ("%s · %s", aims_record_get_reference (other),
                                                aims_record_get_title (other));
      gint64 id = aims_record_get_id (other);
      GtkWidget *row;

      if (what & AIMS_NC_SIMILAR_SYSTEM)
        g_string_append_printf (why, " · %s", _("same AI system"));
      if (what & AIMS_NC_SIMILAR_CONTROL)
        g_string_append_printf (why, " · %s", _("same control"));
      if (what & AIMS_NC_SIMILAR_CAUSE)
        g_string_append_printf (why, " · %s", _("same cause category"));
      row = info_row_new (title, why->str);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "nc-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->similar), row);
      self->n_similar++;
    }
  if (self->n_similar == 0)
    gtk_list_box_append (GTK_LIST_BOX (self->similar),
                         info_row_new (_("None with the same AI system, control or cause category"), NULL));
}

static const char *
event_icon (const AimsNcEvent *event)
{
  switch (event->kind)
    {
    case AIMS_NC_EVENT_REPORTED:       return "document-new-symbolic";
    case AIMS_NC_EVENT_TRANSITION:     return "go-next-symbolic";
    case AIMS_NC_EVENT_EDITED:         return "document-edit-symbolic";
    case AIMS_NC_EVENT_ACTION_ADDED:   return "list-add-symbolic";
    case AIMS_NC_EVENT_ACTION_CHANGED: return "object-select-symbolic";
    default:                           return "document-edit-symbolic";
    }
}

/* Newest first: what happened last is what a reader looks for. */
static void
fill_timeline (AimsNcWorkflowView *self,
               AimsDb             *db)
{
  g_autoptr(GPtrArray) events = aims_nc_timeline (db, self->nc_id, NULL);

  for (guint i = events != NULL ? events->len : 0; i > 0; i--)
    {
      const AimsNcEvent *event = events->pdata[i - 1];
      g_autofree char *text = aims_nc_event_describe (event);
      g_autofree char *at = aims_timestamp_format_display (event->at, NULL);
      /* Translators: under an event of the history, "1 Mar 2025, 11:00 · Priya Raman" */
      g_autofree char *when = g_strdup_printf (_("%s · %s"), at, event->actor != NULL ? event->actor : "");
      GtkWidget *row = info_row_new (text, when);
      GtkWidget *icon = gtk_image_new_from_icon_name (event_icon (event));

      if (event->kind == AIMS_NC_EVENT_TRANSITION)
        gtk_widget_add_css_class (icon, "accent");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (GTK_LIST_BOX (self->timeline), row);
      self->n_events++;
    }
}

void
aims_nc_workflow_view_set_nc (AimsNcWorkflowView *self,
                              AimsRecord         *nc)
{
  AimsDb *db;
  g_autoptr(GPtrArray) actions = NULL;

  g_return_if_fail (AIMS_IS_NC_WORKFLOW_VIEW (self));

  clear_list (self->steps);
  clear_list (self->similar);
  clear_list (self->timeline);
  self->n_allowed = self->n_refused = self->n_similar = self->n_events = 0;
  db = aims_context_get_db (self->context);
  self->nc_id = nc != NULL ? aims_record_get_id (nc) : 0;
  if (db == NULL || nc == NULL)
    return;

  actions = aims_nc_list_actions (db, self->nc_id, NULL);
  fill_steps (self, nc, actions);
  fill_similar (self, db, nc);
  fill_timeline (self, db);
}

guint
aims_nc_workflow_view_get_n_steps (AimsNcWorkflowView *self,
                                   gboolean            allowed)
{
  g_return_val_if_fail (AIMS_IS_NC_WORKFLOW_VIEW (self), 0);

  return allowed ? self->n_allowed : self->n_refused;
}

guint
aims_nc_workflow_view_get_n_similar (AimsNcWorkflowView *self)
{
  g_return_val_if_fail (AIMS_IS_NC_WORKFLOW_VIEW (self), 0);

  return self->n_similar;
}

guint
aims_nc_workflow_view_get_n_events (AimsNcWorkflowView *self)
{
  g_return_val_if_fail (AIMS_IS_NC_WORKFLOW_VIEW (self), 0);

  return self->n_events;
}

static void
aims_nc_workflow_view_dispose (GObject *object)
{
  AimsNcWorkflowView *self = AIMS_NC_WORKFLOW_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (aims_nc_workflow_view_parent_class)->dispose (object);
}

static void
aims_nc_workflow_view_class_init (AimsNcWorkflowViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_nc_workflow_view_dispose;
  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
  signals[NC_ACTIVATED] = g_signal_new ("nc-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
aims_nc_workflow_view_init (AimsNcWorkflowView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->steps = section_new (self, _("Next Steps"));
  self->similar = section_new (self, _("Similar Nonconformities"));
  g_signal_connect (self->similar, "row-activated", G_CALLBACK (similar_activated_cb), self);
  self->timeline = section_new (self, _("History"));
}

GtkWidget *
aims_nc_workflow_view_new (AimsContext *context)
{
  AimsNcWorkflowView *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  self = g_object_new (AIMS_TYPE_NC_WORKFLOW_VIEW, NULL);
  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
