/* aims-risk-controls.c — which Annex A controls a risk relies on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-audit.h"
#include "aims-json.h"
#include "aims-risk-controls-private.h"
#include "aims-soa.h"
#include "aims-statement.h"
#include "aims-store.h"

/* The first column of every row of sql, bound to id, as gint64s. */
static GArray *
query_ids (AimsDb      *db,
           const char  *sql,
           gint64       id,
           GError     **error)
{
  g_autoptr(AimsStatement) stmt = aims_db_prepare (db, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AimsStep step;

  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    {
      gint64 value = aims_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

#define CONTROLS_OF_RISK "SELECT control_id FROM risk_control WHERE risk_id = ? ORDER BY control_id"
#define RISKS_OF_CONTROL "SELECT risk_id FROM risk_control WHERE control_id = ? ORDER BY risk_id"

static GArray *
controls_of (AimsDb      *db,
             gint64       risk_id,
             GError     **error)
{
  return query_ids (db, CONTROLS_OF_RISK, risk_id, error);
}

/* query_ids() for a record of entity, which must exist. */
static GArray *
query_ids_of_record (AimsDb            *db,
                     const AimsEntity  *entity,
                     gint64             id,
                     const char        *sql,
                     GError           **error)
{
  g_autoptr(AimsRecord) record = aims_store_load (db, entity, id, error);

  if (record == NULL)
    return NULL;
  return query_ids (db, sql, id, error);
}

GArray *
aims_risk_controls_get (AimsDb  *db,
                        gint64   risk_id,
                        GError **error)
{
  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  return query_ids_of_record (db, aims_entity_risks (), risk_id, CONTROLS_OF_RISK, error);
}

GArray *
aims_control_risks_get (AimsDb  *db,
                        gint64   control_id,
                        GError **error)
{
  g_return_val_if_fail (AIMS_IS_DB (db), NULL);

  return query_ids_of_record (db, aims_entity_controls (), control_id, RISKS_OF_CONTROL, error);
}

static gboolean
contains_id_in (const gint64 *ids,
                guint         n_ids,
                gint64        id)
{
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  return contains_id_in ((const gint64 *) ids->data, ids->len, id);
}

/* The references of the risk's controls as stored now: "A.2.2 A.6.2.4". */
static char *
control_references (AimsDb      *db,
                    gint64       risk_id,
                    GError     **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autoptr(GString) refs = g_string_new (NULL);
  AimsStep step;

  stmt = aims_db_prepare (db, "SELECT c.reference FROM risk_control rc JOIN control c ON c.id = rc.control_id"
                              " WHERE rc.risk_id = ? ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;
  aims_statement_bind_int64 (stmt, 1, risk_id);
  while ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ROW)
    g_string_append_printf (refs, "%s%s", refs->len > 0 ? " " : "", aims_statement_column_text (stmt, 0));
  if (step == AIMS_STEP_ERROR)
    return NULL;
  return g_strdup (refs->str);
}

static char *
links_json (AimsRecord *risk,
            const char *references)
{
  GString *json = g_string_new ("{\"reference\":");

  aims_json_append_string (json, aims_record_get_reference (risk));
  g_string_append (json, ",\"title\":");
  aims_json_append_string (json, aims_record_get (risk, "title"));
  g_string_append (json, ",\"controls\":");
  aims_json_append_string (json, references);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/* A control that may be added to a risk: it exists and is not excluded. */
static gboolean
check_linkable (AimsDb      *db,
                gint64       control_id,
                GError     **error)
{
  g_autoptr(AimsRecord) control = aims_store_load (db, aims_entity_controls (), control_id, NULL);

  if (control == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("There is no Annex A control with id %lld"), (long long) control_id);
      return FALSE;
    }
  if (g_strcmp0 (aims_record_get (control, "applicable"), AIMS_SOA_APPLICABLE_NO) == 0)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s %s is excluded from the Statement of Applicability: make it applicable before a risk relies on it"),
                   aims_record_get_reference (control), aims_record_get_title (control));
      return FALSE;
    }
  return TRUE;
}

/* Inside the caller's write transaction: adds, then removes (an id in both
 * ends up removed), checking every addition before writing anything; one
 * audit row when something changed. */
static gboolean
change_in_transaction (AimsDb        *db,
                       AimsRecord    *risk,
                       const gint64  *add,
                       guint          n_add,
                       const gint64  *remove,
                       guint          n_remove,
                       const char    *author,
                       GError       **error)
{
  gint64 risk_id = aims_record_get_id (risk);
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) to_add = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) to_remove = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  if ((current = controls_of (db, risk_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_add; i++)
    if (!contains_id (current, add[i]) && !contains_id (to_add, add[i]) &&
        !contains_id_in (remove, n_remove, add[i]))
      {
        if (!check_linkable (db, add[i], error))
          return FALSE;
        g_array_append_val (to_add, add[i]);
      }
  for (guint i = 0; i < n_remove; i++)
    if (contains_id (current, remove[i]) && !contains_id (to_remove, remove[i]))
      g_array_append_val (to_remove, remove[i]);
  if (to_add->len == 0 && to_remove->len == 0)
    return TRUE;

  if ((before = control_references (db, risk_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < to_add->len; i++)
    if (!aims_db_run_with_ids (db, "INSERT INTO risk_control (risk_id, control_id) VALUES (?, ?)",
                               risk_id, g_array_index (to_add, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < to_remove->len; i++)
    if (!aims_db_run_with_ids (db, "DELETE FROM risk_control WHERE risk_id = ? AND control_id = ?",
                               risk_id, g_array_index (to_remove, gint64, i), error))
      return FALSE;
  if ((after = control_references (db, risk_id, error)) == NULL)
    return FALSE;

  before_json = links_json (risk, before);
  after_json = links_json (risk, after);
  return aims_audit_append (db, author, aims_entity_risks ()->table, risk_id, "link_controls",
                            before_json, after_json, error);
}

static gboolean
change_links (AimsDb        *db,
              gint64         risk_id,
              gboolean       replace,
              const gint64  *ids,
              guint          n_ids,
              const gint64  *remove,
              guint          n_remove,
              const char    *author,
              GError       **error)
{
  g_autoptr(AimsRecord) risk = NULL;
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) dropped = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean written;

  if (!aims_db_begin_write (db, error))
    return FALSE;
  risk = aims_store_load (db, aims_entity_risks (), risk_id, error);
  written = risk != NULL;
  /* Replacing: what is linked now and not wanted any more goes. */
  if (written && replace)
    {
      written = (current = controls_of (db, risk_id, error)) != NULL;
      for (guint i = 0; written && i < current->len; i++)
        if (!contains_id_in (ids, n_ids, g_array_index (current, gint64, i)))
          g_array_append_val (dropped, g_array_index (current, gint64, i));
      remove = (const gint64 *) dropped->data;
      n_remove = dropped->len;
    }
  if (written)
    written = change_in_transaction (db, risk, ids, n_ids, remove, n_remove,
                                     author != NULL ? author : aims_default_author (), error);
  return aims_db_end_write (db, written, error);
}

gboolean
aims_risk_controls_set (AimsDb        *db,
                        gint64         risk_id,
                        const gint64  *control_ids,
                        guint          n_control_ids,
                        const char    *author,
                        GError       **error)
{
  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (control_ids != NULL || n_control_ids == 0, FALSE);

  return change_links (db, risk_id, TRUE, control_ids, n_control_ids, NULL, 0, author, error);
}

gboolean
aims_risk_controls_change (AimsDb        *db,
                           gint64         risk_id,
                           const gint64  *add,
                           guint          n_add,
                           const gint64  *remove,
                           guint          n_remove,
                           const char    *author,
                           GError       **error)
{
  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);
  g_return_val_if_fail (add != NULL || n_add == 0, FALSE);
  g_return_val_if_fail (remove != NULL || n_remove == 0, FALSE);

  return change_links (db, risk_id, FALSE, add, n_add, remove, n_remove, author, error);
}

gboolean
aims_control_unlink_risks_in_transaction (AimsDb      *db,
                                          gint64       control_id,
                                          const char  *author,
                                          GError     **error)
{
  g_autoptr(GArray) risk_ids = NULL;

  risk_ids = query_ids (db, RISKS_OF_CONTROL, control_id, error);
  if (risk_ids == NULL)
    return FALSE;
  for (guint i = 0; i < risk_ids->len; i++)
    {
      g_autoptr(AimsRecord) risk = aims_store_load (db, aims_entity_risks (),
                                                    g_array_index (risk_ids, gint64, i), error);

      if (risk == NULL || !change_in_transaction (db, risk, NULL, 0, &control_id, 1, author, error))
        return FALSE;
    }
  return TRUE;
}

char *
aims_risks_describe (AimsDb   *db,
                     GArray   *risk_ids,
                     GError  **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < risk_ids->len; i++)
    {
      g_autoptr(AimsRecord) risk = aims_store_load (db, aims_entity_risks (),
                                                    g_array_index (risk_ids, gint64, i), error);

      if (risk == NULL)
        return NULL;
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a risk in a list, e.g. RSK-003 “Red-flag symptoms missed” */
      g_string_append_printf (text, _("%s “%s”"), aims_record_get_reference (risk),
                              aims_record_get_title (risk));
    }
  return g_strdup (text->str);
}
