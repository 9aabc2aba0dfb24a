/* aims-assessment-compare.c — two versions, answer by answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-compare.h"

struct _AimsAssessmentCompare
{
  AdwWindow    parent_instance;

  AimsContext *context;
  GPtrArray   *versions;      /* AimsRecord, of the AI system, newest first */
  GtkWidget   *a_dropdown;
  GtkWidget   *b_dropdown;
  GtkWidget   *same_switch;
  GtkWidget   *changes_box;
  GtkWidget   *empty_label;
  guint        n_rows;
};

G_DEFINE_FINAL_TYPE (AimsAssessmentCompare, aims_assessment_compare, ADW_TYPE_WINDOW)

static const char *
kind_label (AimsAnswerChangeKind kind)
{
  switch (kind)
    {
    case AIMS_ANSWER_CHANGED:
      return _("Changed");
    case AIMS_ANSWER_ADDED:
      return _("Added");
    case AIMS_ANSWER_REMOVED:
      return _("Removed");
    case AIMS_ANSWER_SAME:
    default:
      return _("Unchanged");
    }
}

static GtkWidget *
value_label (const char *text,
             const char *css_class,
             gboolean    struck)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : _("Not answered"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (text == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  else if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (struck && text != NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
    }
  return label;
}

static GtkWidget *
change_row (AimsAnswerChange *change)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *values = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *prompt = gtk_label_new (change->prompt);
  GtkWidget *kind = gtk_label_new (kind_label (change->kind));
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkWidget *row = gtk_list_box_row_new ();
  gboolean same = change->kind == AIMS_ANSWER_SAME;
  g_autofree char *name = NULL;

  gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
  gtk_label_set_xalign (GTK_LABEL (prompt), 0.0);
  gtk_widget_set_hexpand (prompt, TRUE);
  gtk_widget_add_css_class (prompt, "heading");
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, same ? "dim-label" : change->kind == AIMS_ANSWER_REMOVED ? "error"
                                                    : change->kind == AIMS_ANSWER_ADDED ? "success" : "accent");
  gtk_widget_set_valign (kind, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), prompt);
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (box), top);

  if (same)
    gtk_box_append (GTK_BOX (values), value_label (change->after, NULL, FALSE));
  else
    {
      GtkWidget *before = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      /* Before and after in columns of the same width. */
      gtk_box_set_homogeneous (GTK_BOX (values), TRUE);
      gtk_box_append (GTK_BOX (before), value_label (change->before, "error", TRUE));
      gtk_widget_set_valign (arrow, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (before), arrow);
      gtk_box_append (GTK_BOX (values), before);
      gtk_box_append (GTK_BOX (values), value_label (change->after, "success", FALSE));
    }
  gtk_box_append (GTK_BOX (box), values);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Translators: a row of the comparison read aloud, "Changed: Where is it used?" */
  name = g_strdup_printf (_("%s: %s"), kind_label (change->kind), change->prompt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static gint64
chosen_id (AimsAssessmentCompare *self,
           GtkWidget             *dropdown)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  if (selected >= self->versions->len)
    return 0;
  return aims_record_get_id (self->versions->pdata[selected]);
}

static void
refresh (AimsAssessmentCompare *self)
{
  AimsDb *db = aims_context_get_db (self->context);
  g_autoptr(AimsAssessment) a = NULL;
  g_autoptr(AimsAssessment) b = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child, *list = NULL;
  const char *section = NULL;

  while ((child = gtk_widget_get_first_child (self->changes_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->changes_box), child);
  self->n_rows = 0;
  if (db == NULL ||
      (a = aims_assessment_load (db, chosen_id (self, self->a_dropdown), &error)) == NULL ||
      (b = aims_assessment_load (db, chosen_id (self, self->b_dropdown), &error)) == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->empty_label), error != NULL ? error->message : "");
      gtk_widget_set_visible (self->empty_label, TRUE);
      return;
    }
  changes = aims_assessment_compare (a, b, gtk_switch_get_active (GTK_SWITCH (self->same_switch)));
  for (guint i = 0; i < changes->len; i++)
    {
      AimsAnswerChange *change = changes->pdata[i];

      if (list == NULL || g_strcmp0 (section, change->section_title) != 0)
        {
          GtkWidget *title = gtk_label_new (change->section_title);

          section = change->section_title;
          gtk_label_set_xalign (GTK_LABEL (title), 0.0);
          gtk_widget_add_css_class (title, "heading");
          gtk_widget_set_margin_top (title, self->n_rows > 0 ? 12 : 0);
          gtk_box_append (GTK_BOX (self->changes_box), title);
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, section, -1);
          gtk_box_append (GTK_BOX (self->changes_box), list);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), change_row (change));
      self->n_rows++;
    }
  gtk_label_set_text (GTK_LABEL (self->empty_label), _("No answer differs between these two versions."));
  gtk_widget_set_visible (self->empty_label, self->n_rows == 0);
}

static GtkWidget *
version_dropdown (AimsAssessmentCompare *self,
                  const char            *name)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (guint i = 0; i < self->versions->len; i++)
    {
      AimsRecord *record = self->versions->pdata[i];
      /* Translators: a version in the comparison's chooser, "AIA-003 · version 2 · Approved" */
      g_autofree char *label = g_strdup_printf (_("%s · version %s · %s"), aims_record_get_reference (record),
                                                aims_record_get (record, "version"),
                                                aims_assessment_status_label (aims_assessment_record_get_status (record)));

      gtk_string_list_append (labels, label);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_set_tooltip_text (dropdown, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (refresh), self);
  return dropdown;
}

static void
select_version (AimsAssessmentCompare *self,
                GtkWidget             *dropdown,
                gint64                 id)
{
  for (guint i = 0; i < self->versions->len; i++)
    if (aims_record_get_id (self->versions->pdata[i]) == id)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
}

static void
build (AimsAssessmentCompare *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *choosers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *same_label = gtk_label_new_with_mnemonic (_("Show _unchanged answers"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Compare Versions"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  self->a_dropdown = version_dropdown (self, _("Earlier version"));
  self->b_dropdown = version_dropdown (self, _("Later version"));
  self->same_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->same_switch, GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (same_label), self->same_switch);
  g_signal_connect_swapped (self->same_switch, "notify::active", G_CALLBACK (refresh), self);
  gtk_box_append (GTK_BOX (choosers), self->a_dropdown);
  gtk_box_append (GTK_BOX (choosers), arrow);
  gtk_box_append (GTK_BOX (choosers), self->b_dropdown);
  gtk_widget_set_hexpand (same_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (same_label), 1.0);
  gtk_box_append (GTK_BOX (choosers), same_label);
  gtk_box_append (GTK_BOX (choosers), self->same_switch);
  gtk_widget_set_margin_top (choosers, 12);
  gtk_widget_set_margin_bottom (choosers, 12);
  gtk_widget_set_margin_start (choosers, 12);
  gtk_widget_set_margin_end (choosers, 12);
  gtk_box_append (GTK_BOX (box), choosers);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->changes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (content), self->empty_label);
  gtk_box_append (GTK_BOX (content), self->changes_box);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
aims_assessment_compare_dispose (GObject *object)
{
  AimsAssessmentCompare *self = AIMS_ASSESSMENT_COMPARE (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  G_OBJECT_CLASS (aims_assessment_compare_parent_class)->dispose (object);
}

static void
aims_assessment_compare_class_init (AimsAssessmentCompareClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_assessment_compare_dispose;
}

static void
aims_assessment_compare_init (AimsAssessmentCompare *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 700);
  gtk_window_set_title (GTK_WINDOW (self), _("Compare Versions"));
}

GtkWidget *
aims_assessment_compare_new (GtkWindow    *parent,
                             AimsContext  *context,
                             gint64        a_id,
                             gint64        b_id,
                             GError      **error)
{
  AimsDb *db = aims_context_get_db (context);
  g_autoptr(AimsRecord) b = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  AimsAssessmentCompare *self;

  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  if (db == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, _("No database is open"));
      return NULL;
    }
  b = aims_store_load (db, aims_entity_assessments (), b_id, error);
  if (b == NULL)
    return NULL;
  versions = aims_assessment_list_for_system (db, g_ascii_strtoll (aims_record_get (b, "ai_system_id"), NULL, 10),
                                              error);
  if (versions == NULL)
    return NULL;

  self = g_object_new (AIMS_TYPE_ASSESSMENT_COMPARE, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->versions = g_steal_pointer (&versions);
  build (self);
  select_version (self, self->a_dropdown, a_id);
  select_version (self, self->b_dropdown, b_id);
  refresh (self);
  return GTK_WIDGET (self);
}

guint
aims_assessment_compare_get_n_rows (AimsAssessmentCompare *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_COMPARE (self), 0);
  return self->n_rows;
}

void
aims_assessment_compare_set_show_same (AimsAssessmentCompare *self,
                                       gboolean               show_same)
{
  g_return_if_fail (AIMS_IS_ASSESSMENT_COMPARE (self));
  gtk_switch_set_active (GTK_SWITCH (self->same_switch), show_same);
}
