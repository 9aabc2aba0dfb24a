/* aims-link-chooser.c — a row that chooses a linked record: a person, from
 * a list the user can extend, or an AI system
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-link-chooser.h"
#include "aims-record-filter.h"

struct _AimsLinkChooser
{
  AdwActionRow  parent_instance;

  AimsContext      *context;
  const AimsEntity *entity;
  char             *unset_label;
  char             *record_id;
  char             *record_title;

  GtkWidget    *button;
  GtkWidget    *button_label;
  GtkWidget    *popover;
  GtkWidget    *search_entry;
  GtkWidget    *list;
  GtkWidget    *add_box;      /* separator and "Add Person…": people only */
  GtkWidget    *add_button;
};

G_DEFINE_FINAL_TYPE (AimsLinkChooser, aims_link_chooser, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
id_to_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
update_button (AimsLinkChooser *self)
{
  const char *shown = self->record_title != NULL ? self->record_title : self->unset_label;
  g_autofree char *label = NULL;

  gtk_label_set_label (GTK_LABEL (self->button_label), shown);
  /* What a screen reader says for the button: the row's title and the
   * record chosen. */
  /* Translators: a chooser as a screen reader says it, "Owner: Elena Varga" */
  label = g_strdup_printf (_("%s: %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (self->record_id == NULL)
    gtk_widget_add_css_class (self->button_label, "dim-label");
  else
    gtk_widget_remove_css_class (self->button_label, "dim-label");
}

/* The records on file, or NULL when there is no database (or it failed). */
static GPtrArray *
load_records (AimsLinkChooser *self)
{
  AimsDb *db = self->context != NULL ? aims_context_get_db (self->context) : NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  if (db == NULL)
    return NULL;

  records = aims_store_list (db, self->entity, &error);
  if (records == NULL)
    g_debug ("Could not list %s: %s", self->entity->name, error->message);
  return records;
}

static char *
lookup_title (AimsLinkChooser *self,
              const char    *record_id)
{
  g_autoptr(GPtrArray) records = load_records (self);

  if (records == NULL)
    return NULL;

  for (guint i = 0; i < records->len; i++)
    {
      AimsRecord *record = g_ptr_array_index (records, i);
      g_autofree char *id = id_to_text (aims_record_get_id (record));

      if (g_str_equal (id, record_id))
        return g_strdup (aims_record_get_title (record));
    }
  return NULL;
}

static gboolean
is_people (AimsLinkChooser *self)
{
  return self->entity == aims_entity_people ();
}

/* The second line of a record in the list: what tells two apart. */
static const char *
record_subtitle (AimsLinkChooser *self,
                 AimsRecord    *record)
{
  if (is_people (self))
    return aims_record_get (record, "role");
  return aims_record_get_reference (record);
}

static GtkWidget *
record_row (const char *id,
            const char *name,
            const char *role,
            gboolean    chosen)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  g_autofree char *both = NULL;
  g_autofree char *search = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), label);
  if (role != NULL && *role != '\0')
    {
      label = gtk_label_new (role);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (labels), label);
    }
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_opacity (check, chosen ? 1.0 : 0.0);
  gtk_box_append (GTK_BOX (box), check);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  both = g_strconcat (name, "\n", role != NULL ? role : "", NULL);
  search = aims_record_filter_fold (both);
  g_object_set_data_full (G_OBJECT (row), "record-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (row), "record-title", g_strdup (name), g_free);
  g_object_set_data_full (G_OBJECT (row), "search", g_steal_pointer (&search), g_free);
  return row;
}

static void
fill_list (AimsLinkChooser *self)
{
  g_autoptr(GPtrArray) records = load_records (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  gtk_list_box_append (GTK_LIST_BOX (self->list),
                       record_row ("", self->unset_label, NULL, self->record_id == NULL));
  if (records == NULL)
    return;

  for (guint i = 0; i < records->len; i++)
    {
      AimsRecord *record = g_ptr_array_index (records, i);
      g_autofree char *id = id_to_text (aims_record_get_id (record));

      gtk_list_box_append (GTK_LIST_BOX (self->list),
                           record_row (id, aims_record_get_title (record),
                                       record_subtitle (self, record),
                                       g_strcmp0 (id, self->record_id) == 0));
    }
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  AimsLinkChooser *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  const char *haystack;

  if (text == NULL || *text == '\0')
    return TRUE;
  /* The unset entry is always offered. */
  if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "record-id"), "") == 0)
    return TRUE;

  haystack = g_object_get_data (G_OBJECT (row), "search");
  folded = aims_record_filter_fold (text);
  words = g_strsplit_set (folded, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
choose (AimsLinkChooser *self,
        const char      *id,
        const char      *name)
{
  aims_link_chooser_set_record (self, (id != NULL && *id != '\0') ? id : NULL, name);
}

static void
row_activated_cb (AimsLinkChooser *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  const char *id = g_object_get_data (G_OBJECT (row), "record-id");
  const char *name = g_object_get_data (G_OBJECT (row), "record-title");

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  choose (self, id, (id != NULL && *id != '\0') ? name : NULL);
}

static void
search_changed_cb (AimsLinkChooser *self,
                   GtkSearchEntry  *entry)
{
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->list));
}

/* Enter in the search chooses the first record it finds. */
static void
search_activate_cb (AimsLinkChooser *self,
                    GtkSearchEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  for (GtkWidget *row = gtk_widget_get_first_child (self->list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *id = g_object_get_data (G_OBJECT (row), "record-id");

      if (!gtk_widget_get_child_visible (row))
        continue;
      /* With a search, skip the unset entry, which always stays. */
      if (text != NULL && *text != '\0' && g_strcmp0 (id, "") == 0)
        continue;
      row_activated_cb (self, GTK_LIST_BOX_ROW (row), GTK_LIST_BOX (self->list));
      return;
    }
}

static void
popover_show_cb (AimsLinkChooser *self,
                 GtkPopover      *popover)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  fill_list (self);
  gtk_widget_grab_focus (self->search_entry);
}

/* ── Add Person… ─────────────────────────────────────────────────────── */

typedef struct
{
  AimsLinkChooser *chooser;
  GtkWidget         *dialog;
  GtkWidget         *rows[3];   /* name, role, email: fields of the person entity */
} AddPerson;

static void
add_person_free (gpointer  data,
                 GClosure *closure)
{
  AddPerson *add = data;

  g_clear_object (&add->chooser);
  g_free (add);
}

/* Checks every row as it is typed; Add is enabled when all are valid. */
static void
add_person_validate (AddPerson *add)
{
  const AimsEntity *people = aims_entity_people ();
  gboolean all_valid = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (add->rows); i++)
    {
      const AimsField *field = &people->fields[i];
      const char *text = gtk_editable_get_text (GTK_EDITABLE (add->rows[i]));
      g_autoptr(GError) error = NULL;
      g_autofree char *value = aims_field_normalize (field, text, &error);

      if (value == NULL)
        {
          all_valid = FALSE;
          /* An empty name is not an error until it has been typed in. */
          if (*text != '\0')
            {
              gtk_widget_add_css_class (add->rows[i], "error");
              gtk_widget_set_tooltip_text (add->rows[i], error->message);
              continue;
            }
        }
      gtk_widget_remove_css_class (add->rows[i], "error");
      gtk_widget_set_tooltip_text (add->rows[i], NULL);
    }

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (add->dialog), "add", all_valid);
}

static void
show_error (GtkWidget  *widget,
            const char *heading,
            const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_person_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AddPerson        *add)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") == 0 &&
      !aims_link_chooser_add_person (add->chooser,
                                       gtk_editable_get_text (GTK_EDITABLE (add->rows[0])),
                                       gtk_editable_get_text (GTK_EDITABLE (add->rows[1])),
                                       gtk_editable_get_text (GTK_EDITABLE (add->rows[2])),
                                       &error))
    show_error (GTK_WIDGET (add->chooser), _("Could Not Add the Person"), error->message);
}

static void
add_clicked_cb (AimsLinkChooser *self,
                GtkButton       *button)
{
  const AimsEntity *people = aims_entity_people ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *group = gtk_list_box_new ();
  AddPerson *add = g_new0 (AddPerson, 1);

  gtk_popover_popdown (GTK_POPOVER (self->popover));

  add->chooser = g_object_ref (self);
  add->dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        _("Add Person"),
                                        _("People on file can be chosen as owners, approvers and reviewers."));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (add->rows); i++)
    {
      const AimsField *field = &people->fields[i];

      add->rows[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add->rows[i]), _(field->label));
      if (field->type == AIMS_FIELD_EMAIL)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (add->rows[i]), GTK_INPUT_PURPOSE_EMAIL);
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (add->rows[i]), TRUE);
      g_signal_connect_swapped (add->rows[i], "changed", G_CALLBACK (add_person_validate), add);
      gtk_list_box_append (GTK_LIST_BOX (group), add->rows[i]);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (add->dialog), group);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (add->dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (add->dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (add->dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (add->dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (add->dialog), "cancel");
  g_signal_connect_data (add->dialog, "response", G_CALLBACK (add_person_response_cb),
                         add, add_person_free, 0);

  gtk_window_present (GTK_WINDOW (add->dialog));
  gtk_widget_grab_focus (add->rows[0]);
}

/* ── GObject ─────────────────────────────────────────────────────────── */

static void
aims_link_chooser_dispose (GObject *object)
{
  AimsLinkChooser *self = AIMS_LINK_CHOOSER (object);

  if (self->popover != NULL)
    {
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), NULL);
      self->popover = NULL;
    }
  g_clear_object (&self->context);

  G_OBJECT_CLASS (aims_link_chooser_parent_class)->dispose (object);
}

static void
aims_link_chooser_finalize (GObject *object)
{
  AimsLinkChooser *self = AIMS_LINK_CHOOSER (object);

  g_free (self->record_id);
  g_free (self->record_title);
  g_free (self->unset_label);

  G_OBJECT_CLASS (aims_link_chooser_parent_class)->finalize (object);
}

static void
aims_link_chooser_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AimsLinkChooser *self = AIMS_LINK_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_RECORD_ID:
      g_value_set_string (value, self->record_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_link_chooser_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AimsLinkChooser *self = AIMS_LINK_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      aims_link_chooser_set_context (self, g_value_get_object (value));
      break;

    case PROP_RECORD_ID:
      aims_link_chooser_set_record (self, g_value_get_string (value), NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_link_chooser_class_init (AimsLinkChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_link_chooser_dispose;
  object_class->finalize = aims_link_chooser_finalize;
  object_class->get_property = aims_link_chooser_get_property;
  object_class->set_property = aims_link_chooser_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         AIMS_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECORD_ID] =
    g_param_spec_string ("record-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aims_link_chooser_init (AimsLinkChooser *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->button_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->button_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->button_label), 24);
  /* A long hint beside it must not squeeze the choice to "E…". */
  gtk_label_set_width_chars (GTK_LABEL (self->button_label), 12);
  gtk_box_append (GTK_BOX (content), self->button_label);
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("pan-down-symbolic"));

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), content);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->button);

  /* People until aims_link_chooser_new() says otherwise. */
  self->entity = aims_entity_people ();
  self->unset_label = g_strdup (_("Not set"));

  self->search_entry = gtk_search_entry_new ();
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  gtk_box_append (GTK_BOX (box), self->search_entry);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->list), TRUE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->list), filter_row, self, NULL);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->add_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->add_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->add_button = gtk_button_new_with_mnemonic (_("_Add Person…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Person…"),
                                  -1);
  gtk_widget_add_css_class (self->add_button, "flat");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->add_box), self->add_button);
  gtk_box_append (GTK_BOX (box), self->add_box);

  gtk_widget_set_size_request (box, 300, -1);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);

  g_signal_connect (self, "notify::title", G_CALLBACK (update_button), NULL);
  update_button (self);
}

GtkWidget *
aims_link_chooser_new (AimsContext      *context,
                       const AimsEntity *entity,
                       const char       *unset_label)
{
  AimsLinkChooser *self;
  g_autofree char *placeholder = NULL;

  g_return_val_if_fail (context == NULL || AIMS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  self = g_object_new (AIMS_TYPE_LINK_CHOOSER,
                       "context", context,
                       NULL);
  self->entity = entity;
  if (unset_label != NULL)
    {
      g_free (self->unset_label);
      self->unset_label = g_strdup (unset_label);
    }
  /* Translators: the search in a chooser, "Search AI systems" */
  placeholder = g_strdup_printf (_("Search %s"), _(entity->plural));
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_widget_set_visible (self->add_box, is_people (self));
  update_button (self);
  return GTK_WIDGET (self);
}

AimsContext *
aims_link_chooser_get_context (AimsLinkChooser *self)
{
  g_return_val_if_fail (AIMS_IS_LINK_CHOOSER (self), NULL);

  return self->context;
}

void
aims_link_chooser_set_context (AimsLinkChooser *self,
                               AimsContext   *context)
{
  g_return_if_fail (AIMS_IS_LINK_CHOOSER (self));
  g_return_if_fail (context == NULL || AIMS_IS_CONTEXT (context));

  if (g_set_object (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

const AimsEntity *
aims_link_chooser_get_entity (AimsLinkChooser *self)
{
  g_return_val_if_fail (AIMS_IS_LINK_CHOOSER (self), NULL);

  return self->entity;
}

const char *
aims_link_chooser_get_record_id (AimsLinkChooser *self)
{
  g_return_val_if_fail (AIMS_IS_LINK_CHOOSER (self), NULL);

  return self->record_id;
}

const char *
aims_link_chooser_get_record_title (AimsLinkChooser *self)
{
  g_return_val_if_fail (AIMS_IS_LINK_CHOOSER (self), NULL);

  return self->record_title;
}

void
aims_link_chooser_set_record (AimsLinkChooser *self,
                              const char    *record_id,
                              const char    *title)
{
  gboolean changed;

  g_return_if_fail (AIMS_IS_LINK_CHOOSER (self));

  if (record_id != NULL && *record_id == '\0')
    record_id = NULL;

  changed = g_strcmp0 (record_id, self->record_id) != 0;
  g_free (self->record_id);
  self->record_id = g_strdup (record_id);

  g_free (self->record_title);
  if (record_id == NULL)
    self->record_title = NULL;
  else if (title != NULL && *title != '\0')
    self->record_title = g_strdup (title);
  else
    self->record_title = lookup_title (self, record_id);

  /* A record missing from the list still shows as something: "AI system 12". */
  if (record_id != NULL && self->record_title == NULL)
    /* Translators: a record not found, "person 12", "AI system 12" */
    self->record_title = g_strdup_printf (_("%s %s"), _(self->entity->singular), record_id);

  update_button (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
}

gboolean
aims_link_chooser_add_person (AimsLinkChooser *self,
                                const char      *name,
                                const char      *role,
                                const char      *email,
                                GError         **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(AimsRecord) person = NULL;
  g_autofree char *id = NULL;
  AimsDb *db;

  g_return_val_if_fail (AIMS_IS_LINK_CHOOSER (self), FALSE);
  g_return_val_if_fail (is_people (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  db = self->context != NULL ? aims_context_get_db (self->context) : NULL;
  if (db == NULL)
    {
      g_set_error_literal (error, AIMS_DB_ERROR, AIMS_DB_ERROR_FAILED,
                           _("No database is open"));
      return FALSE;
    }

  values = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (values, (gpointer) "name", (gpointer) name);
  if (role != NULL && *role != '\0')
    g_hash_table_insert (values, (gpointer) "role", (gpointer) role);
  if (email != NULL && *email != '\0')
    g_hash_table_insert (values, (gpointer) "email", (gpointer) email);

  person = aims_store_insert (db, aims_entity_people (), values,
                              aims_context_get_author (self->context), error);
  if (person == NULL)
    return FALSE;

  id = id_to_text (aims_record_get_id (person));
  aims_link_chooser_set_record (self, id, aims_record_get_title (person));
  /* The people page, and other choosers, list the newcomer. */
  aims_context_emit_data_changed (self->context);
  return TRUE;
}
