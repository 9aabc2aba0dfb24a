/* aims-demo-assessments.c — the demo organisation's impact assessments
 *
 * data/demo/demo-assessments.ini says what each assessment holds and how
 * far it got; this file takes it there through the core functions of
 * aims-assessment.h and aims-assessment-workflow.h, so the demo can hold
 * nothing a user could not have made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-assessment-mitigation.h"
#include "aims-assessment-workflow.h"
#include "aims-demo.h"
#include "aims-demo-assessments.h"
#include "aims-eu-ai-act.h"
#include "aims-store.h"

#define DEMO_ASSESSMENTS_RESOURCE "/io/github/aimsdesk/AimsDesk/demo/demo-assessments.ini"
#define SHARED_GROUP "shared"

typedef struct
{
  AimsDb     *db;
  GKeyFile   *keyfile;
  const char *group;      /* "assessment.credit" or "assessment.credit.v2" */
  char       *assessor;   /* names: the authors of the steps */
  char       *approver;
  gint64      approver_id;
} DemoLine;

static void
demo_line_clear (DemoLine *line)
{
  g_clear_pointer (&line->assessor, g_free);
  g_clear_pointer (&line->approver, g_free);
}

/* The id of the record named by a person's or system's name, as a link
 * field of assessments resolves it. */
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoLine, demo_line_clear)

static gint64
resolve (AimsDb      *db,
         const char  *field_name,
         const char  *name,
         GError     **error)
{
  const AimsField *field = aims_entity_find_field (aims_entity_assessments (), field_name);
  g_autofree char *id = aims_store_normalize_value (db, field, name, error);

  return id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
}

/* Whether a saved answer to path may change which questions apply. */
static gboolean
is_condition (AimsTemplate *template,
              const char   *path)
{
  for (guint s = 0; s < template->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (template->sections, s);

      for (guint q = 0; q < section->questions->len; q++)
        if (g_strcmp0 (((AimsQuestion *) g_ptr_array_index (section->questions, q))->condition_path, path) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Answers in the template's order, as the wizard asks them, each question
 * only when it applies to the answers before it. */
static gboolean
answer (DemoLine  *line,
        gint64     id,
        gboolean   shared,
        GError   **error)
{
  g_autofree char *answers_group = g_strconcat (line->group, ".answers", NULL);
  /* outline gives the questions; assessment, read again when an answer
   * may change what applies, the answers so far. */
  g_autoptr(AimsAssessment) outline = NULL;
  g_autoptr(AimsAssessment) assessment = NULL;
  gboolean stale = TRUE;

  if ((outline = aims_assessment_load (line->db, id, error)) == NULL)
    return FALSE;
  for (guint s = 0; s < outline->template->sections->len; s++)
    {
      AimsTemplateSection *section = g_ptr_array_index (outline->template->sections, s);

      for (guint q = 0; q < section->questions->len; q++)
        {
          const AimsQuestion *question = g_ptr_array_index (section->questions, q);
          g_autofree char *given = g_key_file_get_string (line->keyfile, answers_group, question->path, NULL);
          g_autofree char *value = NULL;
          g_autoptr(AimsAnswer) saved = NULL;

          if (given == NULL && shared)
            given = g_key_file_get_string (line->keyfile, SHARED_GROUP, question->path, NULL);
          if (given == NULL)
            continue;
          if (question->condition_path != NULL)
            {
              if (stale)
                {
                  g_clear_pointer (&assessment, aims_assessment_free);
                  if ((assessment = aims_assessment_load (line->db, id, error)) == NULL)
                    return FALSE;
                  stale = FALSE;
                }
              if (!aims_assessment_question_applies (assessment, question))
                continue;
            }
          value = aims_demo_resolve_date (given);
          saved = aims_assessment_save_answer (line->db, id, question->id, value, -1, line->assessor, error);
          if (saved == NULL)
            {
              g_prefix_error (error, "demo [%s] %s: ", answers_group, question->path);
              return FALSE;
            }
          stale = stale || is_condition (outline->template, question->path);
        }
    }
  return TRUE;
}

/* control.AREA=A.5.4 A.7.4: the controls linked to that impact area. */
static gboolean
link_controls (DemoLine    *line,
               gint64       id,
               const char  *key,
               GError     **error)
{
  g_autofree char *value = g_key_file_get_string (line->keyfile, line->group, key, error);
  g_auto(GStrv) references = NULL;

  if (value == NULL)
    return FALSE;
  references = g_strsplit (value, " ", -1);
  for (guint i = 0; references[i] != NULL; i++)
    if (*references[i] != '\0' &&
        !aims_assessment_link_control (line->db, id, key + strlen ("control."), references[i], line->assessor, error))
      return FALSE;
  return TRUE;
}

/* The screening confirmed as the answers propose it, then the risks and
 * controls linked. */
static gboolean
confirm_and_link (DemoLine  *line,
                  gint64     id,
                  GError   **error)
{
  g_autoptr(AimsAssessment) assessment = aims_assessment_load (line->db, id, error);
  g_auto(AimsEuScreening) proposal = { 0 };
  g_autoptr(AimsRecord) confirmed = NULL;
  g_auto(GStrv) keys = NULL;

  if (assessment == NULL)
    return FALSE;
  aims_assessment_screen_eu_ai_act (assessment, &proposal);
  confirmed = aims_assessment_confirm_eu_ai_act (line->db, id, proposal.eu_class, proposal.role, NULL,
                                                 line->assessor, error);
  if (confirmed == NULL)
    return FALSE;

  keys = g_key_file_get_keys (line->keyfile, line->group, NULL, NULL);
  for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
    {
      g_autofree char *risk = NULL;

      if (g_str_has_prefix (keys[k], "control.") && !link_controls (line, id, keys[k], error))
        return FALSE;
      if (!g_str_has_prefix (keys[k], "link."))
        continue;
      risk = g_key_file_get_string (line->keyfile, line->group, keys[k], error);
      if (risk == NULL ||
          !aims_assessment_link_risk (line->db, id, keys[k] + 5, risk, line->assessor, error))
        return FALSE;
    }
  return TRUE;
}

/* Submits and approves as steps= says. */
static gboolean
take_steps (DemoLine  *line,
            gint64     id,
            GError   **error)
{
  g_autofree char *steps = g_key_file_get_string (line->keyfile, line->group, "steps", NULL);
  g_auto(GStrv) names = g_strsplit (steps != NULL ? steps : "", " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(AimsRecord) record = NULL;

      if (g_str_equal (names[i], "submit"))
        record = aims_assessment_submit (line->db, id, -1, line->approver_id, line->assessor, error);
      else if (g_str_equal (names[i], "approve"))
        record = aims_assessment_approve (line->db, id, -1, line->approver, error);
      else if (*names[i] == '\0')
        continue;
      else
        g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID, "unknown step “%s”", names[i]);
      if (record == NULL)
        {
          g_prefix_error (error, "demo [%s] %s: ", line->group, names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
populate_line (AimsDb      *db,
               GKeyFile    *keyfile,
               const char  *group,
               GError     **error)
{
  g_auto(DemoLine) line = { db, keyfile, group, NULL, NULL, 0 };
  g_autofree char *system = g_key_file_get_string (keyfile, group, "system", error);
  g_autofree char *page = g_key_file_get_string (keyfile, group, "page", NULL);
  g_autofree char *v2 = g_strconcat (group, ".v2", NULL);
  g_autoptr(GError) no_key = NULL;
  g_autoptr(AimsRecord) record = NULL;
  gboolean shared = g_key_file_get_boolean (keyfile, group, "shared", &no_key) || no_key != NULL;
  gint64 system_id, assessor_id;

  if (system == NULL || (line.assessor = g_key_file_get_string (keyfile, group, "assessor", error)) == NULL)
    return FALSE;
  line.approver = g_key_file_get_string (keyfile, group, "approver", NULL);
  if ((system_id = resolve (db, "ai_system_id", system, error)) == 0 ||
      (assessor_id = resolve (db, "assessor_id", line.assessor, error)) == 0 ||
      (line.approver != NULL && (line.approver_id = resolve (db, "assessor_id", line.approver, error)) == 0))
    return FALSE;

  if ((record = aims_assessment_create (db, system_id, 0, assessor_id, line.assessor, error)) == NULL ||
      !answer (&line, aims_record_get_id (record), shared, error))
    return FALSE;
  if (page != NULL)
    {
      g_autoptr(AimsRecord) moved = aims_assessment_set_current_step (db, aims_record_get_id (record), page,
                                                                     line.assessor, error);

      if (moved == NULL)
        return FALSE;
    }
  if (shared && !confirm_and_link (&line, aims_record_get_id (record), error))
    return FALSE;
  if (!take_steps (&line, aims_record_get_id (record), error))
    return FALSE;

  if (g_key_file_has_group (keyfile, v2))
    {
      g_autoptr(AimsRecord) next = aims_assessment_new_version (db, aims_record_get_id (record), line.assessor, error);

      line.group = v2;
      if (next == NULL ||
          !answer (&line, aims_record_get_id (next), FALSE, error) ||
          !confirm_and_link (&line, aims_record_get_id (next), error) ||
          !take_steps (&line, aims_record_get_id (next), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
aims_demo_assessments_populate (AimsDb  *db,
                                GError **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), FALSE);

  if ((keyfile = aims_demo_load_file (DEMO_ASSESSMENTS_RESOURCE, error)) == NULL)
    return FALSE;
  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      /* "assessment.NAME" only: its .answers and .v2 groups are read with it. */
      if (!g_str_has_prefix (groups[i], "assessment.") || strchr (groups[i] + 11, '.') != NULL)
        continue;
      if (!populate_line (db, keyfile, groups[i], error))
        return FALSE;
    }
  return TRUE;
}
