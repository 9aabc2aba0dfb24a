/* aims-context.c — what every page needs, handed down instead of globals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "aims-context.h"

#define WATCH_INTERVAL_MS 1000

struct _AimsContext
{
  GObject      parent_instance;

  GSettings   *settings;
  AimsDb      *db;
  AimsDbWatch *watch;
  char        *author;
  gboolean     folded;
  /* Read when first asked for after the database or its data changed. */
  AimsRiskMatrix *matrix;
  gboolean     matrix_stale;
};

G_DEFINE_FINAL_TYPE (AimsContext, aims_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DB,
  PROP_AUTHOR,
  PROP_FOLDED,
  N_PROPS
};

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_author (AimsContext *self)
{
  g_autofree char *name = NULL;

  if (self->settings != NULL)
    name = g_strstrip (g_settings_get_string (self->settings, "author-name"));

  if (name == NULL || name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (aims_default_author ());
    }

  if (g_strcmp0 (name, self->author) == 0)
    return;

  g_free (self->author);
  self->author = g_steal_pointer (&name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

static void
author_name_changed_cb (AimsContext *self,
                        const char  *key,
                        GSettings   *settings)
{
  update_author (self);
}

static void
watch_changed_cb (AimsContext *self,
                  AimsDbWatch *watch)
{
  aims_context_emit_data_changed (self);
}

static void
aims_context_constructed (GObject *object)
{
  AimsContext *self = AIMS_CONTEXT (object);

  G_OBJECT_CLASS (aims_context_parent_class)->constructed (object);

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::author-name",
                             G_CALLBACK (author_name_changed_cb), self,
                             G_CONNECT_SWAPPED);
  update_author (self);
}

static void
aims_context_dispose (GObject *object)
{
  AimsContext *self = AIMS_CONTEXT (object);

  g_clear_object (&self->watch);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (aims_context_parent_class)->dispose (object);
}

static void
aims_context_finalize (GObject *object)
{
  AimsContext *self = AIMS_CONTEXT (object);

  g_free (self->author);
  g_clear_pointer (&self->matrix, aims_risk_matrix_free);

  G_OBJECT_CLASS (aims_context_parent_class)->finalize (object);
}

static void
aims_context_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AimsContext *self = AIMS_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_context_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AimsContext *self = AIMS_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DB:
      aims_context_set_db (self, g_value_get_object (value));
      break;

    case PROP_FOLDED:
      aims_context_set_folded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_context_class_init (AimsContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = aims_context_constructed;
  object_class->dispose = aims_context_dispose;
  object_class->finalize = aims_context_finalize;
  object_class->get_property = aims_context_get_property;
  object_class->set_property = aims_context_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         AIMS_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DATA_CHANGED] =
    g_signal_new ("data-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
aims_context_init (AimsContext *self)
{
}

/**
 * aims_context_new:
 * @settings: (nullable): the application's settings, or %NULL (tests)
 *
 * Returns: (transfer full): a context with no database open.
 */
AimsContext *
aims_context_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (AIMS_TYPE_CONTEXT,
                       "settings", settings,
                       NULL);
}

AimsDb *
aims_context_get_db (AimsContext *self)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (self), NULL);

  return self->db;
}

void
aims_context_set_db (AimsContext *self,
                     AimsDb      *db)
{
  g_return_if_fail (AIMS_IS_CONTEXT (self));
  g_return_if_fail (db == NULL || AIMS_IS_DB (db));

  if (self->db == db)
    return;

  /* The old watch polls the old connection: stop it before that goes. */
  g_clear_object (&self->watch);
  g_set_object (&self->db, db);
  g_clear_pointer (&self->matrix, aims_risk_matrix_free);

  if (db != NULL)
    {
      self->watch = aims_db_watch_new (db, WATCH_INTERVAL_MS);
      g_signal_connect_object (self->watch, "changed",
                               G_CALLBACK (watch_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

GSettings *
aims_context_get_settings (AimsContext *self)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (self), NULL);

  return self->settings;
}

const char *
aims_context_get_author (AimsContext *self)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (self), NULL);

  return self->author;
}

gboolean
aims_context_get_folded (AimsContext *self)
{
  g_return_val_if_fail (AIMS_IS_CONTEXT (self), FALSE);

  return self->folded;
}

void
aims_context_set_folded (AimsContext *self,
                         gboolean     folded)
{
  g_return_if_fail (AIMS_IS_CONTEXT (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

void
aims_context_emit_data_changed (AimsContext *self)
{
  g_return_if_fail (AIMS_IS_CONTEXT (self));

  /* The matrix may be what changed; it is read again when next asked for. */
  self->matrix_stale = TRUE;
  g_signal_emit (self, signals[DATA_CHANGED], 0);
}

const AimsRiskMatrix *
aims_context_get_risk_matrix (AimsContext *self)
{
  g_autoptr(GError) error = NULL;
  AimsRiskMatrix *loaded = NULL;

  g_return_val_if_fail (AIMS_IS_CONTEXT (self), NULL);

  if (self->matrix != NULL && !self->matrix_stale)
    return self->matrix;

  if (self->db != NULL)
    {
      loaded = aims_risk_matrix_load (self->db, &error);
      if (loaded == NULL)
        g_debug ("Could not read the risk matrix: %s", error->message);
    }
  if (loaded != NULL)
    {
      g_clear_pointer (&self->matrix, aims_risk_matrix_free);
      self->matrix = loaded;
      self->matrix_stale = FALSE;
    }
  /* A busy database keeps the matrix read before; with none at all, the
   * default one stands in until the file can be read. */
  if (self->matrix == NULL)
    self->matrix = aims_risk_matrix_new_default ();
  return self->matrix;
}
