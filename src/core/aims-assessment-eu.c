/* aims-assessment-eu.c — the EU AI Act screening of an assessment, and the
 * result the user confirms, written to the assessment and its AI system
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-private.h"
#include "aims-eu-ai-act.h"
#include "aims-store.h"
#include "aims-store-private.h"

/* An answer counts only when its question is asked. */
static const char *
asked_value (AimsAssessment *assessment,
             const char     *path)
{
  const AimsQuestion *question = aims_template_find_question (assessment->template, path);

  if (question == NULL || !aims_assessment_question_applies (assessment, question))
    return NULL;
  return aims_assessment_get_value (assessment, question);
}

void
aims_eu_screening_input_from_assessment (AimsAssessment       *assessment,
                                         AimsEuScreeningInput *input)
{
  g_return_if_fail (assessment != NULL && input != NULL);

  input->prohibited = asked_value (assessment, AIMS_EU_Q_PROHIBITED);
  input->safety_component = asked_value (assessment, AIMS_EU_Q_SAFETY_COMPONENT);
  input->annex_iii = asked_value (assessment, AIMS_EU_Q_ANNEX_III);
  input->exception = asked_value (assessment, AIMS_EU_Q_EXCEPTION);
  input->profiling = asked_value (assessment, AIMS_EU_Q_PROFILING);
  input->transparency = asked_value (assessment, AIMS_EU_Q_TRANSPARENCY);
  input->role = asked_value (assessment, AIMS_EU_Q_ROLE);
  input->modified = asked_value (assessment, AIMS_EU_Q_MODIFIED);
  input->sourcing = aims_record_get (assessment->system, "sourcing");
}

void
aims_assessment_screen_eu_ai_act (AimsAssessment  *assessment,
                                  AimsEuScreening *out)
{
  AimsEuScreeningInput input;

  aims_eu_screening_input_from_assessment (assessment, &input);
  aims_eu_ai_act_screen (&input, out);
}

static AimsRecord *
confirm_in_transaction (AimsDb       *db,
                        gint64        assessment_id,
                        AimsEuClass   eu_class,
                        AimsEuRole    role,
                        const char   *reason,
                        const char   *author,
                        GError      **error)
{
  g_autoptr(AimsRecord) draft = aims_assessment_load_draft (db, assessment_id, error);
  g_autoptr(AimsAssessment) assessment = NULL;
  g_autoptr(AimsRecord) system = NULL;
  g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_auto(AimsEuScreening) proposal = { 0 };
  gboolean corrected;

  if (draft == NULL || (assessment = aims_assessment_load (db, assessment_id, error)) == NULL)
    return NULL;
  aims_assessment_screen_eu_ai_act (assessment, &proposal);
  corrected = eu_class != proposal.eu_class || role != proposal.role;
  if (corrected && reason == NULL)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("The screening proposes %s as %s: give the reason for choosing %s as %s"),
                   aims_eu_class_label (proposal.eu_class), aims_eu_role_label (proposal.role),
                   aims_eu_class_label (eu_class), aims_eu_role_label (role));
      return NULL;
    }

  g_hash_table_insert (own, "eu_proposed_class", g_strdup (aims_eu_class_key (proposal.eu_class)));
  g_hash_table_insert (own, "eu_proposed_role", g_strdup (aims_eu_role_key (proposal.role)));
  g_hash_table_insert (own, "eu_class", g_strdup (aims_eu_class_key (eu_class)));
  g_hash_table_insert (own, "eu_role", g_strdup (aims_eu_role_key (role)));
  g_hash_table_insert (own, "eu_reason", corrected ? g_strdup (reason) : NULL);
  if (aims_store_update_in_transaction (db, aims_entity_assessments (), assessment_id, -1, own, author,
                                        "eu_ai_act", FALSE, error) == NULL)
    return NULL;

  g_hash_table_insert (fields, "eu_ai_act_class", g_strdup (aims_eu_class_key (eu_class)));
  g_hash_table_insert (fields, "eu_ai_act_role", g_strdup (aims_eu_role_key (role)));
  system = aims_store_update_in_transaction (db, aims_entity_systems (), aims_record_get_id (assessment->system),
                                             -1, fields, author, "eu_ai_act", TRUE, error);
  if (system == NULL)
    return NULL;
  return aims_store_load (db, aims_entity_assessments (), assessment_id, error);
}

AimsRecord *
aims_assessment_confirm_eu_ai_act (AimsDb       *db,
                                   gint64        assessment_id,
                                   AimsEuClass   eu_class,
                                   AimsEuRole    role,
                                   const char   *reason,
                                   const char   *author,
                                   GError      **error)
{
  g_autofree char *why = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;
  g_autoptr(AimsRecord) record = NULL;

  g_return_val_if_fail (AIMS_IS_DB (db), NULL);
  g_return_val_if_fail (eu_class < AIMS_EU_N_CLASSES && role < AIMS_EU_N_ROLES, NULL);

  if (eu_class == AIMS_EU_CLASS_NOT_ASSESSED || role == AIMS_EU_ROLE_UNKNOWN)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("Confirm a class (prohibited, high, limited or minimal) and a role (provider, deployer, "
                     "importer or distributor)"));
      return NULL;
    }
  if (why != NULL && *why == '\0')
    g_clear_pointer (&why, g_free);
  if (why != NULL && g_utf8_strlen (why, -1) > AIMS_LONG_TEXT_MAX_LENGTH)
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("The reason is too long: at most %u characters"), AIMS_LONG_TEXT_MAX_LENGTH);
      return NULL;
    }

  if (!aims_db_begin_write (db, error))
    return NULL;
  record = confirm_in_transaction (db, assessment_id, eu_class, role, why,
                                   author != NULL ? author : aims_default_author (), error);
  if (!aims_db_end_write (db, record != NULL, error))
    return NULL;
  return g_steal_pointer (&record);
}
