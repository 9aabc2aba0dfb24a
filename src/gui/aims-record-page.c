/* aims-record-page.c — what every page that lists records has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-pages.h"
#include "aims-record-page.h"

typedef struct
{
  AimsContext    *context;
  AimsRecordList *list;
  AdwWindowTitle *title;
} AimsRecordPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AimsRecordPage, aims_record_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_count (AimsRecordPage *self)
{
  AimsRecordPagePrivate *priv = aims_record_page_get_instance_private (self);
  g_autofree char *text = NULL;

  if (aims_context_get_db (priv->context) != NULL && AIMS_RECORD_PAGE_GET_CLASS (self)->format_count != NULL)
    text = AIMS_RECORD_PAGE_GET_CLASS (self)->format_count (self,
                                                            aims_record_list_get_n_shown (priv->list),
                                                            aims_record_list_get_n_total (priv->list));
  adw_window_title_set_subtitle (priv->title, text);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AimsRecordPagePrivate *priv = aims_record_page_get_instance_private (AIMS_RECORD_PAGE (widget));

  if (priv->list != NULL)
    aims_record_list_focus_search (priv->list);
}

static void
flush_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AimsRecordPagePrivate *priv = aims_record_page_get_instance_private (AIMS_RECORD_PAGE (widget));

  if (priv->list != NULL)
    aims_record_list_flush (priv->list);
}

static void
aims_record_page_dispose (GObject *object)
{
  AimsRecordPage *self = AIMS_RECORD_PAGE (object);
  AimsRecordPagePrivate *priv = aims_record_page_get_instance_private (self);

  priv->list = NULL;
  priv->title = NULL;
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (aims_record_page_parent_class)->dispose (object);
}

static void
aims_record_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AimsRecordPage *self = AIMS_RECORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, aims_record_page_get_context (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AimsRecordPage *self = AIMS_RECORD_PAGE (object);
  AimsRecordPagePrivate *priv = aims_record_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_page_class_init (AimsRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_record_page_dispose;
  object_class->get_property = aims_record_page_get_property;
  object_class->set_property = aims_record_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         AIMS_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* See aims-pages.h: the window activates these on the visible page. */
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.flush", NULL, flush_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "page.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  g_type_ensure (AIMS_TYPE_RECORD_LIST);
}

static void
aims_record_page_init (AimsRecordPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

AimsContext *
aims_record_page_get_context (AimsRecordPage *self)
{
  AimsRecordPagePrivate *priv;

  g_return_val_if_fail (AIMS_IS_RECORD_PAGE (self), NULL);

  priv = aims_record_page_get_instance_private (self);
  return priv->context;
}

AimsRecordList *
aims_record_page_get_record_list (AimsRecordPage *self)
{
  AimsRecordPagePrivate *priv;

  g_return_val_if_fail (AIMS_IS_RECORD_PAGE (self), NULL);

  priv = aims_record_page_get_instance_private (self);
  return priv->list;
}

void
aims_record_page_setup (AimsRecordPage *self,
                        AimsRecordList *list,
                        AdwWindowTitle *title,
                        GtkWidget      *back_button)
{
  AimsRecordPagePrivate *priv;

  g_return_if_fail (AIMS_IS_RECORD_PAGE (self));
  g_return_if_fail (AIMS_IS_RECORD_LIST (list));
  g_return_if_fail (ADW_IS_WINDOW_TITLE (title));

  priv = aims_record_page_get_instance_private (self);
  g_return_if_fail (AIMS_IS_CONTEXT (priv->context));

  priv->list = list;
  priv->title = title;

  g_signal_connect_object (list, "counts-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->context, "notify::db", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if (back_button != NULL)
    g_object_bind_property (priv->context, "folded", back_button, "visible", G_BINDING_SYNC_CREATE);
  /* Typing anywhere in the page that does not take text starts a search. */
  gtk_search_entry_set_key_capture_widget (aims_record_list_get_search_entry (list), GTK_WIDGET (self));

  aims_record_list_reload (list);
  update_count (self);
}

void
aims_record_page_toast (AimsRecordPage *self,
                        const char     *format,
                        ...)
{
  g_autofree char *title = NULL;
  va_list args;

  g_return_if_fail (AIMS_IS_RECORD_PAGE (self));

  va_start (args, format);
  title = g_strdup_vprintf (format, args);
  va_end (args);

  aims_page_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

GListModel *
aims_choice_filter_model (const AimsField *field,
                          const char      *all_label)
{
  GtkStringList *labels;

  g_return_val_if_fail (field != NULL && field->choices != NULL, NULL);

  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, all_label);
  for (const AimsChoice *c = field->choices; c->key != NULL; c++)
    gtk_string_list_append (labels, _(c->label));
  return G_LIST_MODEL (labels);
}

const char *
aims_choice_filter_key (GtkDropDown     *dropdown,
                        const AimsField *field)
{
  guint selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);
  g_return_val_if_fail (field != NULL && field->choices != NULL, NULL);

  selected = gtk_drop_down_get_selected (dropdown);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return field->choices[selected - 1].key;
}

void
aims_choice_filter_select (GtkDropDown     *dropdown,
                           const AimsField *field,
                           const char      *key)
{
  guint position = 0, i = 1;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (field != NULL && field->choices != NULL);

  for (const AimsChoice *c = field->choices; c->key != NULL; c++, i++)
    if (g_strcmp0 (c->key, key) == 0)
      position = i;
  gtk_drop_down_set_selected (dropdown, position);
}

void
aims_system_filter_fill (GtkDropDown *dropdown,
                         GArray      *system_ids,
                         AimsDb      *db,
                         gint64       chosen)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) systems = NULL;
  guint position = 0;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  g_array_set_size (system_ids, 0);
  gtk_string_list_append (labels, _("All AI systems"));
  g_array_append_val (system_ids, (gint64) { 0 });
  if (db != NULL)
    systems = aims_store_list (db, aims_entity_systems (), NULL);
  for (guint i = 0; systems != NULL && i < systems->len; i++)
    {
      gint64 id = aims_record_get_id (systems->pdata[i]);

      gtk_string_list_append (labels, aims_record_get_title (systems->pdata[i]));
      g_array_append_val (system_ids, id);
      if (id == chosen)
        position = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, position);
}

gint64
aims_system_filter_get (GtkDropDown *dropdown,
                        GArray      *system_ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= system_ids->len)
    return 0;
  return g_array_index (system_ids, gint64, selected);
}
