/* aims-people-page.c — the people of the organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-people-page.h"

struct _AimsPeoplePage
{
  AimsRecordPage   parent_instance;

  /* Template widgets */
  AdwHeaderBar    *header_bar;
  AdwWindowTitle  *window_title;
  GtkWidget       *back_button;
  AimsRecordList  *record_list;
};

G_DEFINE_FINAL_TYPE (AimsPeoplePage, aims_people_page, AIMS_TYPE_RECORD_PAGE)

static char *
format_count (AimsRecordPage *page,
              guint           shown,
              guint           total)
{
  if (shown == total)
    return g_strdup_printf (ngettext ("%u person", "%u people", total), total);
  /* Translators: "3 of 12 people", when a search hides some */
  return g_strdup_printf (ngettext ("%u of %u person", "%u of %u people", total), shown, total);
}

static void
update_actions (AimsPeoplePage *self)
{
  AimsDb *db = aims_context_get_db (aims_record_page_get_context (AIMS_RECORD_PAGE (self)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add", db != NULL && !aims_db_is_read_only (db));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AimsPeoplePage *self = AIMS_PEOPLE_PAGE (widget);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AimsRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (values, (gpointer) "name", (gpointer) _("New person"));

  aims_record_list_clear_search (self->record_list);
  record = aims_record_list_insert (self->record_list, values, &error);
  if (record == NULL)
    aims_record_list_show_error (self->record_list, _("Could Not Add a Person"), error->message);
  else
    aims_record_page_toast (AIMS_RECORD_PAGE (self), _("Added %s"), aims_record_get_reference (record));
}

static void
aims_people_page_constructed (GObject *object)
{
  AimsPeoplePage *self = AIMS_PEOPLE_PAGE (object);
  AimsRecordList *list = self->record_list;
  AimsContext *context = aims_record_page_get_context (AIMS_RECORD_PAGE (self));

  G_OBJECT_CLASS (aims_people_page_parent_class)->constructed (object);

  aims_record_list_setup (list, context, aims_entity_people ());
  /* Roles are the long texts here: they take the width left over. */
  aims_record_list_add_column (list, NULL, _("Reference"), 90, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "name", _("Name"), 150, AIMS_RECORD_COLUMN_DEFAULT);
  aims_record_list_add_column (list, "role", _("Role"), 220, AIMS_RECORD_COLUMN_EXPAND);
  aims_record_list_add_column (list, "email", _("Email"), 235, AIMS_RECORD_COLUMN_DEFAULT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (aims_record_list_get_column_view (list)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"),
                                  -1);
  aims_record_list_set_empty_texts (list, "system-users-symbolic",
                                    _("No People"),
                                    _("Add the people who own, approve and review AI systems."),
                                    _("Nobody matches the search."));
  aims_record_editor_set_placeholder (aims_record_list_get_editor (list),
                                      _("Nobody Selected"),
                                      _("Choose a person in the list to see and edit them."));

  g_signal_connect_object (context, "notify::db", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  aims_record_page_setup (AIMS_RECORD_PAGE (self), list, self->window_title, self->back_button);
  update_actions (self);
}

static void
aims_people_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_PEOPLE_PAGE);

  G_OBJECT_CLASS (aims_people_page_parent_class)->dispose (object);
}

static void
aims_people_page_class_init (AimsPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_people_page_constructed;
  object_class->dispose = aims_people_page_dispose;
  AIMS_RECORD_PAGE_CLASS (klass)->format_count = format_count;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsPeoplePage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsPeoplePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsPeoplePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AimsPeoplePage, record_list);

  gtk_widget_class_install_action (widget_class, "page.add", NULL, add_action);
}

static void
aims_people_page_init (AimsPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
aims_people_page_new (AimsContext *context)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_PEOPLE_PAGE,
                       "context", context,
                       NULL);
}
