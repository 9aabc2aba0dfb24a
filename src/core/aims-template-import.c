/* aims-template-import.c — template files: reading one, and storing it
 *
 * The form is that of data/assessment/default-template.ini (described at
 * its top): a [template] group, then [section.KEY] and
 * [question.SECTION.KEY] groups in the order the wizard shows them.
 * Anything the form does not know — a group, a key, a type — is refused
 * with its name, so that a typing mistake never silently drops a question.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "aims-audit.h"
#include "aims-core-resources.h"
#include "aims-date.h"
#include "aims-json.h"
#include "aims-statement.h"
#include "aims-store.h"
#include "aims-template-private.h"

#define DEFAULT_TEMPLATE_RESOURCE "/io/github/aimsdesk/AimsDesk/assessment/default-template.ini"

static const char *const template_keys[] = { "family", "name", "version", "description", NULL };
static const char *const section_keys[] = { "title", "description", "step", "step_title", NULL };
static const char *const question_keys[] = { "type", "prompt", "help", "required", "when", NULL };

static gboolean
refuse_file (GError    **error,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse_file (GError    **error,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, _("Template file: %s"), message);
  return FALSE;
}

/* Every key of group is one of known (or, with choices, "choice.K"). */
static gboolean
check_keys (GKeyFile          *keyfile,
            const char        *group,
            const char *const *known,
            gboolean           choices,
            GError           **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (keyfile, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (known, keys[i]) && !(choices && g_str_has_prefix (keys[i], "choice.")))
      return refuse_file (error, _("[%s] has the unknown key “%s”"), group, keys[i]);
  return TRUE;
}

static char *
get_text (GKeyFile   *keyfile,
          const char *group,
          const char *key)
{
  char *value = g_key_file_get_string (keyfile, group, key, NULL);

  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
read_header (GKeyFile      *keyfile,
             AimsTemplate  *self,
             GError       **error)
{
  g_autofree char *version = NULL;
  guint64 number = 0;

  if (!g_key_file_has_group (keyfile, "template"))
    return refuse_file (error, _("the group [template] is missing"));
  if (!check_keys (keyfile, "template", template_keys, FALSE, error))
    return FALSE;
  self->family = get_text (keyfile, "template", "family");
  self->name = get_text (keyfile, "template", "name");
  self->description = get_text (keyfile, "template", "description");
  version = get_text (keyfile, "template", "version");
  if (version == NULL || !g_ascii_string_to_unsigned (version, 10, 1, G_MAXINT, &number, NULL))
    return refuse_file (error, _("[template] needs a version: a whole number, 1 or more"));
  self->version = (gint64) number;
  return TRUE;
}

static gboolean
read_section (GKeyFile      *keyfile,
              const char    *group,
              AimsTemplate  *self,
              GError       **error)
{
  AimsTemplateSection *section;

  if (!check_keys (keyfile, group, section_keys, FALSE, error))
    return FALSE;
  section = aims_template_add_section (self, group + strlen ("section."));
  section->title = get_text (keyfile, group, "title");
  section->description = get_text (keyfile, group, "description");
  section->step_key = get_text (keyfile, group, "step");
  section->step_title = get_text (keyfile, group, "step_title");
  return TRUE;
}

static gboolean
read_question (GKeyFile      *keyfile,
               const char    *group,
               AimsTemplate  *self,
               GError       **error)
{
  const char *path = group + strlen ("question.");
  const char *dot = strchr (path, '.');
  g_autofree char *section_key = dot != NULL ? g_strndup (path, dot - path) : NULL;
  AimsTemplateSection *section;
  AimsQuestion *question;
  g_autofree char *type = NULL;
  g_autofree char *required = NULL;
  g_autofree char *when = NULL;
  g_auto(GStrv) keys = NULL;

  if (dot == NULL)
    return refuse_file (error, _("[%s] must be named question.PAGE.KEY"), group);
  section = (AimsTemplateSection *) aims_template_find_section (self, section_key);
  if (section == NULL)
    return refuse_file (error, _("[%s] comes before its page [section.%s], or that page does not exist"),
                        group, section_key);
  if (!check_keys (keyfile, group, question_keys, TRUE, error))
    return FALSE;

  question = aims_question_new (section, dot + 1);
  question->prompt = get_text (keyfile, group, "prompt");
  question->help = get_text (keyfile, group, "help");
  type = get_text (keyfile, group, "type");
  required = get_text (keyfile, group, "required");
  if (required != NULL && !g_str_equal (required, "true") && !g_str_equal (required, "false"))
    return refuse_file (error, _("[%s]: required is true or false, not “%s”"), group, required);
  question->required = g_strcmp0 (required, "true") == 0;
  when = get_text (keyfile, group, "when");
  if (!aims_question_set_type (self, question, type, error) ||
      !aims_question_set_condition (self, question, when, error))
    return FALSE;

  keys = g_key_file_get_keys (keyfile, group, NULL, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], "choice."))
      {
        g_autofree char *label = get_text (keyfile, group, keys[i]);

        aims_question_add_choice (question, keys[i] + strlen ("choice."), label);
      }
  return TRUE;
}

AimsTemplate *
aims_template_parse (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(AimsTemplate) self = aims_template_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, &local_error))
    {
      refuse_file (error, "%s", local_error->message);
      return NULL;
    }
  if (!read_header (keyfile, self, error))
    return NULL;

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      gboolean ok;

      if (g_str_equal (groups[i], "template"))
        continue;
      if (g_str_has_prefix (groups[i], "section."))
        ok = read_section (keyfile, groups[i], self, error);
      else if (g_str_has_prefix (groups[i], "question."))
        ok = read_question (keyfile, groups[i], self, error);
      else
        ok = refuse_file (error, _("the group [%s] is neither [section.KEY] nor [question.PAGE.KEY]"), groups[i]);
      if (!ok)
        return NULL;
    }
  if (!aims_template_check (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

AimsTemplate *
aims_template_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (aims_core_get_resource (), DEFAULT_TEMPLATE_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return aims_template_parse (bytes, error);
}

/* ── Storing ───────────────────────────────────────────────────────────── */

static gboolean
insert_section (AimsDb               *db,
                gint64                template_id,
                guint                 position,
                AimsTemplateSection  *section,
                GError              **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "INSERT INTO assessment_section (template_id, position, key, title, description,"
                         " step_key, step_title) VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_int64 (stmt, 1, template_id);
  aims_statement_bind_int64 (stmt, 2, position);
  aims_statement_bind_text (stmt, 3, section->key);
  aims_statement_bind_text (stmt, 4, section->title);
  aims_statement_bind_text (stmt, 5, section->description);
  aims_statement_bind_text (stmt, 6, section->step_key);
  aims_statement_bind_text (stmt, 7, section->step_title);
  if (!aims_statement_run (stmt, error))
    return FALSE;
  section->id = aims_db_last_insert_rowid (db);
  return TRUE;
}

static gboolean
insert_question (AimsDb        *db,
                 gint64         section_id,
                 guint          position,
                 AimsQuestion  *question,
                 GError       **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "INSERT INTO assessment_question (section_id, position, key, prompt, help,"
                         " answer_type, choices, required, condition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autofree char *choices = aims_question_choices_to_json (question);
  g_autofree char *condition = NULL;

  if (stmt == NULL)
    return FALSE;
  /* Stored as written, relative to its own page where it was. */
  if (question->condition_path != NULL)
    {
      g_autofree char *own = g_strconcat (question->section->key, ".", NULL);
      const char *path = g_str_has_prefix (question->condition_path, own)
                         ? question->condition_path + strlen (own) : question->condition_path;

      condition = g_strdup_printf ("%s%s%s", path, question->condition_negated ? "!=" : "=",
                                   question->condition_value);
    }
  aims_statement_bind_int64 (stmt, 1, section_id);
  aims_statement_bind_int64 (stmt, 2, position);
  aims_statement_bind_text (stmt, 3, question->key);
  aims_statement_bind_text (stmt, 4, question->prompt);
  aims_statement_bind_text (stmt, 5, question->help);
  aims_statement_bind_text (stmt, 6, aims_question_type_key (question->type));
  aims_statement_bind_text (stmt, 7, choices);
  aims_statement_bind_int64 (stmt, 8, question->required ? 1 : 0);
  aims_statement_bind_text (stmt, 9, condition);
  if (!aims_statement_run (stmt, error))
    return FALSE;
  question->id = aims_db_last_insert_rowid (db);
  return TRUE;
}

static gboolean
version_exists (AimsDb       *db,
                AimsTemplate *self,
                gboolean     *exists,
                GError      **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "SELECT 1 FROM assessment_template WHERE family = ? AND version = ?", error);
  AimsStep step;

  if (stmt == NULL)
    return FALSE;
  aims_statement_bind_text (stmt, 1, self->family);
  aims_statement_bind_int64 (stmt, 2, self->version);
  step = aims_statement_step (stmt, error);
  *exists = step == AIMS_STEP_ROW;
  return step != AIMS_STEP_ERROR;
}

/* The next free "TPL-007". */
static char *
next_reference (AimsDb  *db,
                GError **error)
{
  g_autoptr(AimsStatement) stmt =
    aims_db_prepare (db, "SELECT COALESCE(MAX(id), 0) + 1 FROM assessment_template", error);

  if (stmt == NULL || aims_statement_step (stmt, error) != AIMS_STEP_ROW)
    return NULL;
  return g_strdup_printf ("TPL-%03" G_GINT64_FORMAT, aims_statement_column_int64 (stmt, 0));
}

/* Stores self inside the caller's write transaction, with its audit row. */
static gint64
store_in_transaction (AimsDb        *db,
                      AimsTemplate  *self,
                      const char    *author,
                      GError       **error)
{
  g_autoptr(AimsStatement) stmt = NULL;
  g_autofree char *now = aims_timestamp_now ();
  g_autoptr(GString) after = g_string_new ("{\"reference\":");
  guint n_questions = 0;
  gboolean exists = FALSE;

  if (!version_exists (db, self, &exists, error))
    return 0;
  if (exists)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("Template “%s” version %lld is stored already: a changed template needs a new version"),
                   self->name, (long long) self->version);
      return 0;
    }
  g_free (self->reference);
  if ((self->reference = next_reference (db, error)) == NULL)
    return 0;
  stmt = aims_db_prepare (db, "INSERT INTO assessment_template (reference, created_at, created_by, updated_at,"
                              " updated_by, family, name, version, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          error);
  if (stmt == NULL)
    return 0;
  aims_statement_bind_text (stmt, 1, self->reference);
  aims_statement_bind_text (stmt, 2, now);
  aims_statement_bind_text (stmt, 3, author);
  aims_statement_bind_text (stmt, 4, now);
  aims_statement_bind_text (stmt, 5, author);
  aims_statement_bind_text (stmt, 6, self->family);
  aims_statement_bind_text (stmt, 7, self->name);
  aims_statement_bind_int64 (stmt, 8, self->version);
  aims_statement_bind_text (stmt, 9, self->description);
  if (!aims_statement_run (stmt, error))
    return 0;
  self->id = aims_db_last_insert_rowid (db);

  for (guint s = 0; s < self->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (self->sections, s);

      if (!insert_section (db, self->id, s + 1, section, error))
        return 0;
      for (guint q = 0; q < section->questions->len; q++, n_questions++)
        if (!insert_question (db, section->id, q + 1, g_ptr_array_index (section->questions, q), error))
          return 0;
    }

  aims_json_append_string (after, self->reference);
  g_string_append (after, ",\"family\":");
  aims_json_append_string (after, self->family);
  g_string_append (after, ",\"name\":");
  aims_json_append_string (after, self->name);
  g_string_append_printf (after, ",\"version\":%" G_GINT64_FORMAT ",\"pages\":%u,\"questions\":%u}",
                          self->version, self->sections->len, n_questions);
  if (!aims_audit_append (db, author, "assessment_template", self->id, "insert", NULL, after->str, error))
    return 0;
  return self->id;
}

gint64
aims_template_import (AimsDb      *db,
                      GBytes      *bytes,
                      const char  *author,
                      GError     **error)
{
  g_autoptr(AimsTemplate) self = NULL;
  gint64 id;

  g_return_val_if_fail (AIMS_IS_DB (db), 0);

  if ((self = aims_template_parse (bytes, error)) == NULL)
    return 0;
  if (!aims_db_begin_write (db, error))
    return 0;
  id = store_in_transaction (db, self, author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, id > 0, error))
    return 0;
  return id;
}

gint64
aims_template_ensure_default_in_transaction (AimsDb      *db,
                                             const char  *author,
                                             GError     **error)
{
  g_autoptr(AimsTemplate) bundled = NULL;
  g_autoptr(AimsStatement) stmt = NULL;
  AimsStep step;

  if ((bundled = aims_template_new_default (error)) == NULL)
    return 0;
  stmt = aims_db_prepare (db, "SELECT id, version FROM assessment_template WHERE family = ?"
                              " ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  aims_statement_bind_text (stmt, 1, bundled->family);
  if ((step = aims_statement_step (stmt, error)) == AIMS_STEP_ERROR)
    return 0;
  /* A newer one, written by a newer program, stays the one in use. */
  if (step == AIMS_STEP_ROW && aims_statement_column_int64 (stmt, 1) >= bundled->version)
    return aims_statement_column_int64 (stmt, 0);
  return store_in_transaction (db, bundled, author, error);
}
