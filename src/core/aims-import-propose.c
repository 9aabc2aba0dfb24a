/* aims-import-propose.c — which column is which field, and which choice a
 * cell means, as a person would read them
 *
 * Headers are compared in one plain form: case folded, punctuation and
 * underscores as spaces, question numbers dropped ("16_dev_stage" → "dev
 * stage"). A header that is a field's name or label is that field; beyond
 * that, the phrases below are what real inventories call the fields of an
 * AI system (the US federal inventories among them), each with how sure
 * it makes us. Cells are read the same way after list markers ("c) ") and
 * explanations (" – The use case is…") are cut off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "aims-import-private.h"

/* Below this a header is not proposed for a field. */
#define MIN_SCORE 50

typedef enum
{
  EXACT,     /* the plain header is the phrase */
  CONTAINS,  /* the plain header holds the phrase as whole words */
} Match;

typedef struct
{
  const char *field;
  const char *phrase;  /* in plain form */
  guint       score;
  Match       match;
} HeaderRule;

static const HeaderRule system_rules[] = {
  { "name", "use case name", 100, EXACT },
  { "name", "use case", 90, EXACT },
  { "name", "use case title", 95, EXACT },
  { "name", "ai system", 90, EXACT },
  { "name", "ai system name", 95, EXACT },
  { "name", "system", 70, EXACT },
  { "name", "title", 80, EXACT },
  { "name", "project name", 80, EXACT },
  { "name", "application name", 80, EXACT },
  { "name", "model name", 70, EXACT },
  { "name", "system name", 60, EXACT },
  { "name", "use case name", 90, CONTAINS },

  { "business_unit", "business unit", 100, CONTAINS },
  { "business_unit", "bureau", 90, EXACT },
  { "business_unit", "bureau component", 90, EXACT },
  { "business_unit", "bureau", 85, CONTAINS },
  { "business_unit", "component", 80, EXACT },
  { "business_unit", "department", 80, EXACT },
  { "business_unit", "division", 80, EXACT },
  { "business_unit", "agency", 70, EXACT },
  { "business_unit", "unit", 70, EXACT },
  { "business_unit", "office", 60, EXACT },
  { "business_unit", "team", 60, EXACT },
  { "business_unit", "organisation", 60, EXACT },
  { "business_unit", "organization", 60, EXACT },

  { "lifecycle_stage", "lifecycle stage", 100, EXACT },
  { "lifecycle_stage", "life cycle stage", 100, EXACT },
  { "lifecycle_stage", "dev stage", 95, EXACT },
  { "lifecycle_stage", "development stage", 95, EXACT },
  { "lifecycle_stage", "stage of development", 95, EXACT },
  { "lifecycle_stage", "stage", 90, EXACT },
  { "lifecycle_stage", "lifecycle", 85, CONTAINS },
  { "lifecycle_stage", "stage", 80, CONTAINS },
  { "lifecycle_stage", "phase", 70, EXACT },
  { "lifecycle_stage", "status", 60, EXACT },

  { "description", "system description", 95, EXACT },
  { "description", "use case description", 95, EXACT },
  { "description", "output description", 85, EXACT },
  { "description", "outputs", 80, EXACT },
  { "description", "summary", 80, EXACT },
  { "description", "outputs", 70, CONTAINS },

  { "purpose", "purpose benefits", 95, EXACT },
  { "purpose", "problem description", 90, EXACT },
  { "purpose", "business need", 90, EXACT },
  { "purpose", "benefit description", 85, EXACT },
  { "purpose", "purpose", 80, CONTAINS },
  { "purpose", "problem", 70, CONTAINS },
  { "purpose", "expected benefits", 70, CONTAINS },

  { "intended_use", "intended use", 90, CONTAINS },

  { "model_type", "model type", 100, EXACT },
  { "model_type", "ai classification", 85, EXACT },
  { "model_type", "ai type", 85, EXACT },
  { "model_type", "type of ai", 85, EXACT },
  { "model_type", "ai technique", 80, EXACT },
  { "model_type", "technique", 70, EXACT },

  { "criticality", "criticality", 100, CONTAINS },

  { "owner_id", "system owner", 95, EXACT },
  { "owner_id", "owner name", 95, EXACT },
  { "owner_id", "business owner", 90, EXACT },
  { "owner_id", "owner", 70, CONTAINS },
  { "owner_id", "accountable", 70, EXACT },
  { "owner_id", "responsible", 70, EXACT },

  { "approver_id", "approver", 100, EXACT },
  { "approver_id", "approved by", 90, EXACT },

  { "start_date", "date initiated", 95, EXACT },
  { "start_date", "date started", 95, EXACT },
  { "start_date", "start date", 95, EXACT },
  { "start_date", "date initiated", 90, CONTAINS },
  { "start_date", "initiated", 70, EXACT },

  { "deployed_date", "date implemented", 95, EXACT },
  { "deployed_date", "deployment date", 95, EXACT },
  { "deployed_date", "deployed date", 95, EXACT },
  { "deployed_date", "operation date", 90, EXACT },
  { "deployed_date", "go live date", 90, EXACT },
  { "deployed_date", "became operational", 90, CONTAINS },

  { "retired_date", "date retired", 95, EXACT },
  { "retired_date", "retirement date", 95, EXACT },

  { "last_review_date", "last reviewed", 95, EXACT },
  { "last_review_date", "last review date", 100, EXACT },

  { "next_review_date", "next review date", 100, EXACT },
  { "next_review_date", "review date", 80, EXACT },

  { "data_sources", "training data description", 90, EXACT },
  { "data_sources", "training data", 90, CONTAINS },
  { "data_sources", "data used to train", 85, CONTAINS },
  { "data_sources", "agency data", 70, EXACT },
  { "data_sources", "data", 60, EXACT },

  { "data_provenance", "provenance", 90, CONTAINS },
  { "data_provenance", "data documentation", 85, EXACT },
  { "data_provenance", "data docs", 80, EXACT },

  { "personal_data", "pii indicator", 95, EXACT },
  { "personal_data", "contains pii", 95, EXACT },
  { "personal_data", "pii", 90, EXACT },
  { "personal_data", "personally identifiable", 90, CONTAINS },
  { "personal_data", "personal data", 90, CONTAINS },
  { "personal_data", "pii", 80, CONTAINS },

  { "affected_stakeholders", "affected stakeholders", 100, CONTAINS },
  { "affected_stakeholders", "affected groups", 85, EXACT },
  { "affected_stakeholders", "stakeholders", 80, EXACT },

  { "human_oversight", "oversight", 80, EXACT },

  { "sourcing", "dev method", 90, EXACT },
  { "sourcing", "development method", 90, EXACT },
  { "sourcing", "build or buy", 85, EXACT },
  { "sourcing", "contractor indicator", 85, EXACT },
  { "sourcing", "purchased from a vendor", 85, CONTAINS },
  { "sourcing", "in house", 70, CONTAINS },

  { "provider", "vendor", 95, EXACT },
  { "provider", "vendor name", 95, EXACT },
  { "provider", "vendor s name", 95, EXACT },
  { "provider", "vendors", 90, EXACT },
  { "provider", "supplier", 90, EXACT },
  { "provider", "supplier name", 90, EXACT },
  { "provider", "vendor", 80, CONTAINS },

  { "contract_reference", "contract number", 95, EXACT },
  { "contract_reference", "contract piids", 90, EXACT },
  { "contract_reference", "piid", 85, EXACT },
  { "contract_reference", "contract", 80, EXACT },

  { "eu_ai_act_class", "eu ai act class", 100, EXACT },
  { "eu_ai_act_class", "ai act risk class", 95, EXACT },
  { "eu_ai_act_class", "eu ai act risk", 90, CONTAINS },
  { "eu_ai_act_class", "risk class", 80, EXACT },

  { "eu_ai_act_role", "operator role", 85, EXACT },

  { "regulatory_notes", "regulation", 80, EXACT },
  { "regulatory_notes", "legal basis", 80, EXACT },
};

/* ── Plain forms ───────────────────────────────────────────────────────── */

/* Case folded, every run of anything but letters and digits one space. */
static char *
plain_form (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autoptr(GString) spaced = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (spaced, g_unichar_isalnum (c) ? c : ' ');
    }
  return aims_csv_text_one_line (spaced->str);
}

/* A header's plain form without question numbers: "16_dev_stage" → "dev stage". */
static char *
plain_header (const char *header)
{
  g_autofree char *plain = plain_form (header);
  const char *p = plain;

  while (g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if (*q != ' ')
        break;
      p = q + 1;
    }
  return g_strdup (p);
}

static gboolean
contains_words (const char *plain,
                const char *phrase)
{
  g_autofree char *padded = g_strconcat (" ", plain, " ", NULL);
  g_autofree char *needle = g_strconcat (" ", phrase, " ", NULL);

  return strstr (padded, needle) != NULL;
}

guint
aims_import_header_score (const AimsEntity *entity,
                          const AimsField  *field,
                          const char       *header)
{
  g_autofree char *plain = plain_header (header);
  g_autofree char *name = plain_form (field->name);
  g_autofree char *label = plain_form (field->label);
  g_autofree char *translated = plain_form (g_dgettext (GETTEXT_PACKAGE, field->label));
  guint best = 0;

  if (g_str_equal (plain, name) || g_str_equal (plain, label) || g_str_equal (plain, translated))
    return 100;
  if (entity != aims_entity_systems ())
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (system_rules); i++)
    {
      const HeaderRule *rule = &system_rules[i];

      if (!g_str_equal (rule->field, field->name) || rule->score <= best)
        continue;
      if (rule->match == EXACT ? g_str_equal (plain, rule->phrase) : contains_words (plain, rule->phrase))
        best = rule->score;
    }
  return best;
}

/* ── Proposing a mapping ───────────────────────────────────────────────── */

typedef struct
{
  guint            column;
  const AimsField *field;
  guint            score;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;
  return ca->column < cb->column ? -1 : ca->column > cb->column;
}

AimsImportMapping *
aims_import_mapping_propose (const AimsEntity *entity,
                             AimsImportFile   *file)
{
  const AimsCsvSniff *sniff;
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  sniff = aims_import_file_get_sniff (file);
  mapping = aims_import_mapping_new (entity, (const char *const *) sniff->headers);
  for (guint column = 0; column < sniff->n_columns; column++)
    for (guint i = 0; i < entity->n_fields; i++)
      {
        Candidate candidate = { column, &entity->fields[i], 0 };

        if (entity->fields[i].read_only)
          continue;
        candidate.score = aims_import_header_score (entity, candidate.field, sniff->headers[column]);
        if (candidate.score >= MIN_SCORE)
          g_array_append_val (candidates, candidate);
      }

  /* The surest pairs first; a single-value field goes to the column that
   * fits it best, and that column is then taken. */
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (aims_import_mapping_get_field (mapping, candidate->column) == NULL)
        aims_import_mapping_set_field (mapping, candidate->column, candidate->field->name, NULL);
    }
  return g_steal_pointer (&mapping);
}

/* ── Proposing choices ─────────────────────────────────────────────────── */

typedef struct
{
  const char *field;
  const char *phrase;  /* plain form of the cell once cut */
  const char *key;
} ChoiceRule;

static const ChoiceRule choice_rules[] = {
  { "lifecycle_stage", "initiated", "inception" },
  { "lifecycle_stage", "planned", "inception" },
  { "lifecycle_stage", "planning", "inception" },
  { "lifecycle_stage", "proposed", "inception" },
  { "lifecycle_stage", "idea", "inception" },
  { "lifecycle_stage", "concept", "inception" },
  { "lifecycle_stage", "ideation", "inception" },
  { "lifecycle_stage", "development", "design_development" },
  { "lifecycle_stage", "in development", "design_development" },
  { "lifecycle_stage", "acquisition and or development", "design_development" },
  { "lifecycle_stage", "acquisition", "design_development" },
  { "lifecycle_stage", "pre deployment", "design_development" },
  { "lifecycle_stage", "predeployment", "design_development" },
  { "lifecycle_stage", "design", "design_development" },
  { "lifecycle_stage", "build", "design_development" },
  { "lifecycle_stage", "prototype", "design_development" },
  { "lifecycle_stage", "pilot", "verification_validation" },
  { "lifecycle_stage", "testing", "verification_validation" },
  { "lifecycle_stage", "in testing", "verification_validation" },
  { "lifecycle_stage", "validation", "verification_validation" },
  { "lifecycle_stage", "evaluation", "verification_validation" },
  { "lifecycle_stage", "proof of concept", "verification_validation" },
  { "lifecycle_stage", "implementation and assessment", "verification_validation" },
  { "lifecycle_stage", "implementation", "deployment" },
  { "lifecycle_stage", "deploying", "deployment" },
  { "lifecycle_stage", "rollout", "deployment" },
  { "lifecycle_stage", "roll out", "deployment" },
  { "lifecycle_stage", "deployed", "operation" },
  { "lifecycle_stage", "in production", "operation" },
  { "lifecycle_stage", "production", "operation" },
  { "lifecycle_stage", "operation and maintenance", "operation" },
  { "lifecycle_stage", "operations and maintenance", "operation" },
  { "lifecycle_stage", "operational", "operation" },
  { "lifecycle_stage", "in operation", "operation" },
  { "lifecycle_stage", "in use", "operation" },
  { "lifecycle_stage", "in service", "operation" },
  { "lifecycle_stage", "in mission", "operation" },
  { "lifecycle_stage", "live", "operation" },
  { "lifecycle_stage", "active", "operation" },
  { "lifecycle_stage", "under review", "re_evaluation" },
  { "lifecycle_stage", "decommissioned", AIMS_LIFECYCLE_RETIRED },
  { "lifecycle_stage", "discontinued", AIMS_LIFECYCLE_RETIRED },
  { "lifecycle_stage", "sunset", AIMS_LIFECYCLE_RETIRED },
  { "lifecycle_stage", "inactive", AIMS_LIFECYCLE_RETIRED },

  { "personal_data", "yes", "personal" },
  { "personal_data", "y", "personal" },
  { "personal_data", "true", "personal" },
  { "personal_data", "no", "none" },
  { "personal_data", "n", "none" },
  { "personal_data", "false", "none" },

  { "model_type", "generative ai", "generative" },
  { "model_type", "genai", "generative" },
  { "model_type", "large language model", "generative" },
  { "model_type", "llm", "generative" },
  { "model_type", "nlp", "language" },
  { "model_type", "computer vision", "vision" },
  { "model_type", "image recognition", "vision" },
  { "model_type", "optimization", "optimisation" },

  { "human_oversight", "human in the loop", "human_in_the_loop" },
  { "human_oversight", "human on the loop", "human_on_the_loop" },

  { "eu_ai_act_class", "high risk", "high" },
  { "eu_ai_act_class", "limited risk", "limited" },
  { "eu_ai_act_class", "minimal risk", "minimal" },
};

/* The cell without a list marker ("c) ", "1. ") and without what explains
 * it (" – The use case is…", " (NLP)"). */
static char *
cut_cell (const char *text)
{
  static const char *const cuts[] = { " – ", " — ", " - ", ": ", " (", "; ", NULL };
  g_autofree char *line = aims_csv_text_one_line (text);
  const char *p = line;
  char *end;

  if (g_ascii_isalnum (p[0]) && (p[1] == ')' || p[1] == '.') && p[2] == ' ')
    p += 3;
  else if (g_ascii_isalnum (p[0]) && g_ascii_isalnum (p[1]) && (p[2] == ')' || p[2] == '.') && p[3] == ' ')
    p += 4;
  end = g_strdup (p);
  for (guint i = 0; cuts[i] != NULL; i++)
    {
      char *at = strstr (end, cuts[i]);

      if (at != NULL && at != end)
        *at = '\0';
    }
  return end;
}

/* Who made it, from words: in-house, outside (contract, vendor), or both. */
static const char *
propose_sourcing (const char *plain)
{
  gboolean inside = contains_words (plain, "in house") || contains_words (plain, "inhouse") ||
                    contains_words (plain, "internal") || contains_words (plain, "internally");
  gboolean outside = strstr (plain, "contract") != NULL || strstr (plain, "vendor") != NULL ||
                     strstr (plain, "external") != NULL || strstr (plain, "purchased") != NULL ||
                     strstr (plain, "commercial") != NULL || contains_words (plain, "third party");
  gboolean none_outside = strstr (plain, "no contract") != NULL || strstr (plain, "no external") != NULL;

  if (none_outside)
    return "in_house";
  if (inside && outside)
    return "hybrid";
  if (inside)
    return "in_house";
  if (outside)
    return "third_party";
  return NULL;
}

const char *
aims_import_propose_choice (const AimsField *field,
                            const char      *text)
{
  g_autofree char *cut = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *plain_all = NULL;
  const char *key;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (field->type != AIMS_FIELD_CHOICE || aims_import_is_blank (text))
    return NULL;
  if ((key = aims_field_choice_from_text (field, text)) != NULL)
    return key;
  cut = cut_cell (text);
  if ((key = aims_field_choice_from_text (field, cut)) != NULL)
    return key;
  plain = plain_form (cut);
  for (guint i = 0; i < G_N_ELEMENTS (choice_rules); i++)
    if (g_str_equal (choice_rules[i].field, field->name) && g_str_equal (choice_rules[i].phrase, plain))
      return choice_rules[i].key;
  if (g_str_equal (field->name, "sourcing"))
    {
      plain_all = plain_form (text);
      return propose_sourcing (plain_all);
    }
  return NULL;
}
