/* aims-record.c — one stored record of any entity, as read at one row_version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-date.h"
#include "aims-record.h"

struct _AimsRecord
{
  GObject           parent_instance;

  const AimsEntity *entity;
  gint64            id;
  char             *reference;
  gint64            row_version;
  char             *created_at;
  char             *created_by;
  char             *updated_at;
  char             *updated_by;
  /* By the field's index in the entity, so that reading a register of
   * 100,000 risks costs one allocation per record for its values rather
   * than a hash table: stored text, NULL when unset. */
  char            **values;
  /* Text a person reads where it differs from the value (a link's title),
   * by field index; allocated when the first is set. */
  char            **display;
};

G_DEFINE_FINAL_TYPE (AimsRecord, aims_record, G_TYPE_OBJECT)

static void
aims_record_finalize (GObject *object)
{
  AimsRecord *self = (AimsRecord *) object;

  g_free (self->reference);
  g_free (self->created_at);
  g_free (self->created_by);
  g_free (self->updated_at);
  g_free (self->updated_by);
  for (guint i = 0; self->entity != NULL && i < self->entity->n_fields; i++)
    {
      g_free (self->values[i]);
      if (self->display != NULL)
        g_free (self->display[i]);
    }
  g_free (self->values);
  g_free (self->display);

  G_OBJECT_CLASS (aims_record_parent_class)->finalize (object);
}

static void
aims_record_class_init (AimsRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aims_record_finalize;
}

static void
aims_record_init (AimsRecord *self)
{
}

AimsRecord *
aims_record_new (const AimsEntity *entity)
{
  AimsRecord *self;

  g_return_val_if_fail (entity != NULL, NULL);

  self = g_object_new (AIMS_TYPE_RECORD, NULL);
  self->entity = entity;
  self->values = g_new0 (char *, entity->n_fields);
  return self;
}

AimsRecord *
aims_record_copy (AimsRecord *self)
{
  AimsRecord *copy;

  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);

  copy = aims_record_new (self->entity);
  aims_record_set_meta (copy, self->id, self->reference, self->row_version,
                        self->created_at, self->created_by,
                        self->updated_at, self->updated_by);
  for (guint i = 0; i < self->entity->n_fields; i++)
    {
      copy->values[i] = g_strdup (self->values[i]);
      if (self->display != NULL)
        aims_record_set_nth_display (copy, i, self->display[i]);
    }
  return copy;
}

AimsRecord *
aims_record_new_with_changes (const AimsEntity *entity,
                              AimsRecord       *before,
                              GHashTable       *changes)
{
  AimsRecord *after;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (before == NULL || AIMS_IS_RECORD (before), NULL);

  after = before != NULL ? aims_record_copy (before) : aims_record_new (entity);
  if (changes == NULL)
    return after;
  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    aims_record_set (after, key, value);
  return after;
}

void
aims_record_set_meta (AimsRecord *self,
                      gint64      id,
                      const char *reference,
                      gint64      row_version,
                      const char *created_at,
                      const char *created_by,
                      const char *updated_at,
                      const char *updated_by)
{
  g_return_if_fail (AIMS_IS_RECORD (self));

  self->id = id;
  self->row_version = row_version;
#define REPLACE(member, value) G_STMT_START { g_free (self->member); self->member = g_strdup (value); } G_STMT_END
  REPLACE (reference, reference);
  REPLACE (created_at, created_at);
  REPLACE (created_by, created_by);
  REPLACE (updated_at, updated_at);
  REPLACE (updated_by, updated_by);
#undef REPLACE
}

const AimsEntity *
aims_record_get_entity (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);
  return self->entity;
}

gint64
aims_record_get_id (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), 0);
  return self->id;
}

const char *
aims_record_get_reference (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);
  return self->reference;
}

gint64
aims_record_get_row_version (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), 0);
  return self->row_version;
}

const char *
aims_record_get_created_at (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);
  return self->created_at;
}

const char *
aims_record_get_created_by (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);
  return self->created_by;
}

const char *
aims_record_get_updated_at (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);
  return self->updated_at;
}

const char *
aims_record_get_updated_by (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);
  return self->updated_by;
}

/* The field's index in the entity, or -1 (with a warning) when it has none
 * of that name. */
static int
field_index (AimsRecord *self,
             const char *field)
{
  const AimsField *f = aims_entity_find_field (self->entity, field);

  g_return_val_if_fail (f != NULL, -1);
  return (int) (f - self->entity->fields);
}

const char *
aims_record_get (AimsRecord *self,
                 const char *field)
{
  const AimsField *f;

  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  /* An unknown name reads as unset, as a field never stored does. */
  f = aims_entity_find_field (self->entity, field);
  return f != NULL ? self->values[f - self->entity->fields] : NULL;
}

const char *
aims_record_get_nth (AimsRecord *self,
                     guint       index)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->entity->n_fields, NULL);

  return self->values[index];
}

void
aims_record_set_nth (AimsRecord *self,
                     guint       index,
                     const char *value)
{
  g_return_if_fail (AIMS_IS_RECORD (self));
  g_return_if_fail (index < self->entity->n_fields);

  aims_record_set_nth_display (self, index, NULL);
  g_free (self->values[index]);
  self->values[index] = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

void
aims_record_set (AimsRecord *self,
                 const char *field,
                 const char *value)
{
  int index;

  g_return_if_fail (AIMS_IS_RECORD (self));

  if ((index = field_index (self, field)) >= 0)
    aims_record_set_nth (self, (guint) index, value);
}

const char *
aims_record_get_nth_display (AimsRecord *self,
                             guint       index)
{
  const AimsField *f;
  const char *value;

  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->entity->n_fields, NULL);

  if (self->display != NULL && self->display[index] != NULL)
    return self->display[index];
  f = &self->entity->fields[index];
  value = self->values[index];
  if (f->type == AIMS_FIELD_CHOICE && value != NULL)
    {
      const char *label = aims_field_choice_label (f, value);
      return label != NULL ? label : value;
    }
  if (f->type == AIMS_FIELD_BOOLEAN && value != NULL)
    return g_str_equal (value, "1") ? _("Yes") : _("No");
  return value;
}

const char *
aims_record_get_display (AimsRecord *self,
                         const char *field)
{
  const AimsField *f;

  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);

  if ((f = aims_entity_find_field (self->entity, field)) == NULL)
    return NULL;
  return aims_record_get_nth_display (self, f - self->entity->fields);
}

void
aims_record_set_nth_display (AimsRecord *self,
                             guint       index,
                             const char *display)
{
  g_return_if_fail (AIMS_IS_RECORD (self));
  g_return_if_fail (index < self->entity->n_fields);

  if (self->display == NULL)
    {
      if (display == NULL)
        return;
      self->display = g_new0 (char *, self->entity->n_fields);
    }
  g_free (self->display[index]);
  self->display[index] = g_strdup (display);
}

void
aims_record_set_display (AimsRecord *self,
                         const char *field,
                         const char *display)
{
  int index;

  g_return_if_fail (AIMS_IS_RECORD (self));

  if ((index = field_index (self, field)) >= 0)
    aims_record_set_nth_display (self, (guint) index, display);
}

const char *
aims_record_get_title (AimsRecord *self)
{
  const char *title;

  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);

  title = aims_record_get (self, self->entity->title_field);
  return title != NULL ? title : self->reference;
}

GPtrArray *
aims_record_diff (AimsRecord *a,
                  AimsRecord *b)
{
  GPtrArray *names;

  g_return_val_if_fail (AIMS_IS_RECORD (a), NULL);
  g_return_val_if_fail (AIMS_IS_RECORD (b), NULL);
  g_return_val_if_fail (a->entity == b->entity, NULL);

  names = g_ptr_array_new ();
  for (guint i = 0; i < a->entity->n_fields; i++)
    if (g_strcmp0 (a->values[i], b->values[i]) != 0)
      g_ptr_array_add (names, (gpointer) a->entity->fields[i].name);
  return names;
}

gboolean
aims_system_is_retired (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), FALSE);

  return g_strcmp0 (aims_record_get (self, "lifecycle_stage"), AIMS_LIFECYCLE_RETIRED) == 0;
}

gboolean
aims_system_is_review_overdue (AimsRecord *self,
                               GDate      *today)
{
  g_autoptr(GDate) next = NULL;

  g_return_val_if_fail (AIMS_IS_RECORD (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (aims_system_is_retired (self))
    return FALSE;
  next = aims_date_parse (aims_record_get (self, "next_review_date"));
  return next != NULL && g_date_compare (next, today) < 0;
}
