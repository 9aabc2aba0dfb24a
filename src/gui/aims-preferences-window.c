/* aims-preferences-window.c — the user's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-core.h"
#include "aims-preferences-window.h"
#include "aims-risk-matrix-page.h"

struct _AimsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AimsContext          *context;

  /* Template widgets */
  AdwPreferencesGroup  *author_group;
  AdwEntryRow          *author_row;
};

G_DEFINE_FINAL_TYPE (AimsPreferencesWindow, aims_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aims_preferences_window_constructed (GObject *object)
{
  AimsPreferencesWindow *self = AIMS_PREFERENCES_WINDOW (object);
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (aims_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));

  /* Written as it is typed: the next save is recorded with it. */
  g_settings_bind (self->settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);

  /* Translators: %s is the name of the user's account, "Ada Lovelace" */
  description = g_strdup_printf (_("Recorded with every change you make, in each record and in "
                                   "the change history. Leave it empty to use your account’s "
                                   "name, “%s”."),
                                 aims_default_author ());
  adw_preferences_group_set_description (self->author_group, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->author_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  /* The organisation's settings live in its database: shown when one is open. */
  if (self->context != NULL && aims_context_get_db (self->context) != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (aims_risk_matrix_page_new (self->context)));
}

static void
aims_preferences_window_dispose (GObject *object)
{
  AimsPreferencesWindow *self = AIMS_PREFERENCES_WINDOW (object);

  if (self->author_row != NULL)
    g_settings_unbind (self->author_row, "text");
  gtk_widget_dispose_template (GTK_WIDGET (object), AIMS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (aims_preferences_window_parent_class)->dispose (object);
}

static void
aims_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AimsPreferencesWindow *self = AIMS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AimsPreferencesWindow *self = AIMS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_preferences_window_class_init (AimsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_preferences_window_constructed;
  object_class->dispose = aims_preferences_window_dispose;
  object_class->get_property = aims_preferences_window_get_property;
  object_class->set_property = aims_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         AIMS_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aimsdesk/AimsDesk/aims-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsPreferencesWindow, author_group);
  gtk_widget_class_bind_template_child (widget_class, AimsPreferencesWindow, author_row);
}

static void
aims_preferences_window_init (AimsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
aims_preferences_window_new (GtkWindow   *parent,
                             GSettings   *settings,
                             AimsContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (context == NULL || AIMS_IS_CONTEXT (context), NULL);

  return g_object_new (AIMS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       "context", context,
                       NULL);
}
