/* aims-entity.c — the field tables of every entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "aims-assessment-entity.h"
#include "aims-date.h"
#include "aims-db.h"
#include "aims-entity.h"
#include "aims-nc-entity.h"
#include "aims-number.h"
#include "aims-objective-entity.h"
#include "aims-review-entity.h"
#include "aims-soa-entity.h"

/* ── AI system ─────────────────────────────────────────────────────────── */

static const AimsChoice model_type_choices[] = {
  { "classification",  N_("Classification") },
  { "regression",      N_("Regression or scoring") },
  { "recommendation",  N_("Ranking or recommendation") },
  { "forecasting",     N_("Forecasting") },
  { "anomaly",         N_("Anomaly detection") },
  { "vision",          N_("Computer vision") },
  { "language",        N_("Natural language processing") },
  { "generative",      N_("Generative AI or large language model") },
  { "optimisation",    N_("Optimisation or planning") },
  { "other",           N_("Other") },
  { NULL, NULL }
};

static const AimsChoice criticality_choices[] = {
  { "low",      N_("Low") },
  { "medium",   N_("Medium") },
  { "high",     N_("High") },
  { "critical", N_("Critical") },
  { NULL, NULL }
};

static const AimsChoice lifecycle_choices[] = {
  { "inception",               N_("Inception") },
  { "design_development",      N_("Design and development") },
  { "verification_validation", N_("Verification and validation") },
  { "deployment",              N_("Deployment") },
  { "operation",               N_("Operation and monitoring") },
  { "re_evaluation",           N_("Re-evaluation") },
  { AIMS_LIFECYCLE_RETIRED,    N_("Retired") },
  { NULL, NULL }
};

static const AimsChoice sourcing_choices[] = {
  { "in_house",    N_("In-house") },
  { "third_party", N_("Third-party") },
  { "hybrid",      N_("Hybrid") },
  { NULL, NULL }
};

static const AimsChoice personal_data_choices[] = {
  { "none",             N_("No personal data") },
  { "personal",         N_("Personal data") },
  { "special_category", N_("Special category data") },
  { NULL, NULL }
};

static const AimsChoice oversight_choices[] = {
  { "human_in_the_loop", N_("Human in the loop") },
  { "human_on_the_loop", N_("Human on the loop") },
  { "human_in_command",  N_("Human in command") },
  { "automated",         N_("Fully automated") },
  { NULL, NULL }
};

static const AimsChoice eu_class_choices[] = {
  { "prohibited",   N_("Prohibited") },
  { "high",         N_("High risk") },
  { "limited",      N_("Limited risk") },
  { "minimal",      N_("Minimal risk") },
  { "not_assessed", N_("Not assessed") },
  { NULL, NULL }
};

static const AimsChoice eu_role_choices[] = {
  { "provider",                  N_("Provider") },
  { "deployer",                  N_("Deployer") },
  { "importer",                  N_("Importer") },
  { "distributor",               N_("Distributor") },
  { "product_manufacturer",      N_("Product manufacturer") },
  { "authorised_representative", N_("Authorised representative") },
  { NULL, NULL }
};

static const AimsFieldGroup system_groups[] = {
  { "purpose",    N_("What it is and why") },
  { "ownership",  N_("Who owns it") },
  { "lifecycle",  N_("Life cycle") },
  { "data",       N_("Data and provenance") },
  { "people",     N_("People affected and human oversight") },
  { "suppliers",  N_("Suppliers") },
  { "regulation", N_("Regulation") },
  { NULL, NULL }
};

static const AimsField system_fields[] = {
  { "name", N_("Name"), "purpose", AIMS_FIELD_TEXT, TRUE, 0, NULL, NULL },
  { "description", N_("Description"), "purpose", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL,
    N_("What the system does, in a few sentences") },
  { "purpose", N_("Purpose"), "purpose", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL,
    N_("The business need it serves") },
  { "intended_use", N_("Intended use"), "purpose", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL,
    N_("Who uses it, where, and for which decisions") },
  { "model_type", N_("Model type"), "purpose", AIMS_FIELD_CHOICE, FALSE, 0, model_type_choices, NULL },
  { "criticality", N_("Criticality"), "purpose", AIMS_FIELD_CHOICE, FALSE, 0, criticality_choices, NULL },

  { "owner_id", N_("Owner"), "ownership", AIMS_FIELD_PERSON, FALSE, 0, NULL,
    N_("Accountable for the system") },
  { "approver_id", N_("Approver"), "ownership", AIMS_FIELD_PERSON, FALSE, 0, NULL,
    N_("Approves its use and changes") },
  { "business_unit", N_("Business unit"), "ownership", AIMS_FIELD_TEXT, FALSE, 0, NULL, NULL },

  { "lifecycle_stage", N_("Lifecycle stage"), "lifecycle", AIMS_FIELD_CHOICE, FALSE, 0, lifecycle_choices, NULL },
  { "start_date", N_("Started"), "lifecycle", AIMS_FIELD_DATE, FALSE, 0, NULL, NULL },
  { "deployed_date", N_("In service since"), "lifecycle", AIMS_FIELD_DATE, FALSE, 0, NULL, NULL },
  { "retired_date", N_("Retired on"), "lifecycle", AIMS_FIELD_DATE, FALSE, 0, NULL, NULL },
  { "last_review_date", N_("Last review"), "lifecycle", AIMS_FIELD_DATE, FALSE, 0, NULL, NULL },
  { "next_review_date", N_("Next review"), "lifecycle", AIMS_FIELD_DATE, FALSE, 0, NULL, NULL },

  { "data_sources", N_("Data sources"), "data", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL,
    N_("Training, validation and input data") },
  { "data_provenance", N_("Data provenance"), "data", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL,
    N_("Where the data comes from and how it is documented") },
  { "personal_data", N_("Personal data"), "data", AIMS_FIELD_CHOICE, FALSE, 0, personal_data_choices, NULL },

  { "affected_stakeholders", N_("Affected stakeholders"), "people", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL,
    N_("Individuals and groups its outputs affect") },
  { "human_oversight", N_("Human oversight"), "people", AIMS_FIELD_CHOICE, FALSE, 0, oversight_choices, NULL },
  { "oversight_notes", N_("How oversight works"), "people", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL,
    N_("Who can intervene, override or switch it off") },

  { "sourcing", N_("Sourcing"), "suppliers", AIMS_FIELD_CHOICE, FALSE, 0, sourcing_choices, NULL },
  { "provider", N_("Provider"), "suppliers", AIMS_FIELD_TEXT, FALSE, 0, NULL,
    N_("Vendor or team that supplies the model") },
  { "contract_reference", N_("Contract reference"), "suppliers", AIMS_FIELD_TEXT, FALSE, 0, NULL, NULL },

  { "eu_ai_act_class", N_("EU AI Act class"), "regulation", AIMS_FIELD_CHOICE, FALSE, 0, eu_class_choices, NULL },
  { "eu_ai_act_role", N_("EU AI Act role"), "regulation", AIMS_FIELD_CHOICE, FALSE, 0, eu_role_choices, NULL },
  { "regulatory_notes", N_("Regulatory notes"), "regulation", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL, NULL },
};

static const AimsEntity systems_entity = {
  "systems", "ai_system", "AIS",
  N_("AI system"), N_("AI systems"), "name",
  system_fields, G_N_ELEMENTS (system_fields), system_groups,
};

/* ── Person ────────────────────────────────────────────────────────────── */

static const AimsFieldGroup person_groups[] = {
  { "person", N_("Person") },
  { NULL, NULL }
};

static const AimsField person_fields[] = {
  { "name", N_("Name"), "person", AIMS_FIELD_TEXT, TRUE, 0, NULL, NULL },
  { "role", N_("Role"), "person", AIMS_FIELD_TEXT, FALSE, 0, NULL, NULL },
  { "email", N_("Email"), "person", AIMS_FIELD_EMAIL, FALSE, 0, NULL, NULL },
};

static const AimsEntity people_entity = {
  "people", "person", "PER",
  N_("person"), N_("people"), "name",
  person_fields, G_N_ELEMENTS (person_fields), person_groups,
};

/* ── Risk ──────────────────────────────────────────────────────────────── */

/* Keys as in the CHECK constraints of data/schema/0001-initial.sql. */
static const AimsChoice risk_source_choices[] = {
  { "data",             N_("Data") },
  { "model",            N_("Model") },
  { "operational",      N_("Operational") },
  { "societal_ethical", N_("Societal and ethical") },
  { "legal_compliance", N_("Legal and compliance") },
  { "security",         N_("Security") },
  { "third_party",      N_("Third-party") },
  { NULL, NULL }
};

static const AimsChoice risk_treatment_choices[] = {
  { "mitigate",                  N_("Mitigate") },
  { AIMS_RISK_TREATMENT_ACCEPT,  N_("Accept") },
  { "avoid",                     N_("Avoid") },
  { "transfer",                  N_("Transfer") },
  { NULL, NULL }
};

/* In the order a risk usually moves through them. */
static const AimsChoice risk_status_choices[] = {
  { "identified",               N_("Identified") },
  { "assessed",                 N_("Assessed") },
  { "treatment_planned",        N_("Treatment planned") },
  { "treated",                  N_("Treated") },
  { AIMS_RISK_STATUS_ACCEPTED,  N_("Accepted") },
  { AIMS_RISK_STATUS_CLOSED,    N_("Closed") },
  { NULL, NULL }
};

static const AimsFieldGroup risk_groups[] = {
  { "risk",       N_("The risk") },
  { "inherent",   N_("Inherent risk") },
  { "treatment",  N_("Treatment") },
  { "residual",   N_("Residual risk") },
  { "acceptance", N_("Acceptance") },
  { "review",     N_("Status and review") },
  { NULL, NULL }
};

static const AimsField risk_fields[] = {
  { "title", N_("Title"), "risk", AIMS_FIELD_TEXT, TRUE, 0, NULL, NULL },
  { "description", N_("Description"), "risk", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL,
    N_("What could happen, in a few sentences") },
  { "ai_system_id", N_("AI system"), "risk", AIMS_FIELD_LINK, FALSE, 0, NULL,
    N_("Leave empty for a risk to the whole organisation"), "systems" },
  { "source_category", N_("Source"), "risk", AIMS_FIELD_CHOICE, FALSE, 0, risk_source_choices, NULL },
  { "causes", N_("Causes"), "risk", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL, NULL },
  { "consequences", N_("Consequences"), "risk", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL,
    N_("For the people affected and for the organisation") },
  { "owner_id", N_("Owner"), "risk", AIMS_FIELD_PERSON, TRUE, 0, NULL,
    N_("Accountable for the risk and its treatment") },

  { "inherent_likelihood", N_("Inherent likelihood"), "inherent", AIMS_FIELD_LEVEL, FALSE, 0, NULL,
    N_("Before the treatment"), NULL, AIMS_RISK_AXIS_LIKELIHOOD },
  { "inherent_impact", N_("Inherent impact"), "inherent", AIMS_FIELD_LEVEL, FALSE, 0, NULL,
    N_("Before the treatment"), NULL, AIMS_RISK_AXIS_IMPACT },
  { "existing_controls", N_("Existing controls"), "inherent", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL, NULL },

  { "treatment", N_("Treatment"), "treatment", AIMS_FIELD_CHOICE, FALSE, 0, risk_treatment_choices, NULL },
  { "treatment_plan", N_("Treatment plan"), "treatment", AIMS_FIELD_LONG_TEXT, FALSE, 0, NULL,
    N_("The actions, who takes them, and what they change") },
  { "treatment_due_date", N_("Target date"), "treatment", AIMS_FIELD_DATE, FALSE, 0, NULL,
    N_("When the plan is to be done") },

  { "residual_likelihood", N_("Residual likelihood"), "residual", AIMS_FIELD_LEVEL, FALSE, 0, NULL,
    N_("After the treatment"), NULL, AIMS_RISK_AXIS_LIKELIHOOD },
  { "residual_impact", N_("Residual impact"), "residual", AIMS_FIELD_LEVEL, FALSE, 0, NULL,
    N_("After the treatment"), NULL, AIMS_RISK_AXIS_IMPACT },

  { "accepted_by_id", N_("Accepted by"), "acceptance", AIMS_FIELD_PERSON, FALSE, 0, NULL,
    N_("Needed to accept a risk above the appetite") },
  { "accepted_until", N_("Accepted until"), "acceptance", AIMS_FIELD_DATE, FALSE, 0, NULL,
    N_("After this date the acceptance must be renewed") },

  { "status", N_("Status"), "review", AIMS_FIELD_CHOICE, FALSE, 0, risk_status_choices, NULL },
  { "next_review_date", N_("Next review"), "review", AIMS_FIELD_DATE, FALSE, 0, NULL, NULL },
};

static const AimsEntity risks_entity = {
  "risks", "risk", "RSK",
  N_("risk"), N_("risks"), "title",
  risk_fields, G_N_ELEMENTS (risk_fields), risk_groups,
};

/* ── Lookup ────────────────────────────────────────────────────────────── */

const AimsEntity *
aims_entity_systems (void)
{
  return &systems_entity;
}

const AimsEntity *
aims_entity_people (void)
{
  return &people_entity;
}

const AimsEntity *
aims_entity_risks (void)
{
  return &risks_entity;
}

static const AimsEntity *const all_entities[] = { &systems_entity, &risks_entity, &people_entity,
                                                  &aims_controls_entity, &aims_clauses_entity,
                                                  &aims_objectives_entity, &aims_measurements_entity,
                                                  &aims_nonconformities_entity, &aims_actions_entity,
                                                  &aims_assessments_entity, &aims_reviews_entity };

const char *const *
aims_entity_names (void)
{
  static const char *names[G_N_ELEMENTS (all_entities) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (all_entities); i++)
      names[i] = all_entities[i]->name;
  return names;
}

const AimsEntity *
aims_entity_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_entities); i++)
    if (g_str_equal (all_entities[i]->name, name))
      return all_entities[i];
  return NULL;
}

const AimsField *
aims_entity_find_field (const AimsEntity *entity,
                        const char       *name)
{
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* Linear: an entity has a few dozen fields, and records look their
   * values up by name for every cell they show. */
  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].name[0] == name[0] && g_str_equal (entity->fields[i].name, name))
      return &entity->fields[i];
  return NULL;
}

const char *
aims_field_choice_label (const AimsField *field,
                         const char      *key)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->choices == NULL || key == NULL)
    return NULL;
  for (const AimsChoice *c = field->choices; c->key != NULL; c++)
    if (g_str_equal (c->key, key))
      return _(c->label);
  return NULL;
}

/* Compares ignoring case and treating spaces, hyphens and underscores alike,
 * so "third party", "Third-party" and "third_party" all match. */
static gboolean
loose_equal (const char *a,
             const char *b)
{
  for (;;)
    {
      gunichar ca, cb;

      while (*a == ' ' || *a == '-' || *a == '_')
        a++;
      while (*b == ' ' || *b == '-' || *b == '_')
        b++;
      if (*a == '\0' || *b == '\0')
        return *a == *b;
      ca = g_unichar_tolower (g_utf8_get_char (a));
      cb = g_unichar_tolower (g_utf8_get_char (b));
      if (ca != cb)
        return FALSE;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
}

const char *
aims_field_choice_from_text (const AimsField *field,
                             const char      *text)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->choices == NULL || text == NULL)
    return NULL;
  for (const AimsChoice *c = field->choices; c->key != NULL; c++)
    if (loose_equal (c->key, text) || loose_equal (c->label, text) || loose_equal (_(c->label), text))
      return c->key;
  return NULL;
}

guint
aims_field_max_length (const AimsField *field)
{
  if (field->max_length > 0)
    return field->max_length;
  return field->type == AIMS_FIELD_LONG_TEXT ? AIMS_LONG_TEXT_MAX_LENGTH : AIMS_TEXT_MAX_LENGTH;
}

const AimsEntity *
aims_field_get_link_entity (const AimsField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->type == AIMS_FIELD_PERSON)
    return aims_entity_people ();
  if (field->type == AIMS_FIELD_LINK)
    return aims_entity_lookup (field->link_entity);
  return NULL;
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '.') != NULL &&
         strchr (at + 1, '@') == NULL && strpbrk (text, " \t<>,;") == NULL &&
         at[strlen (at) - 1] != '.';
}

char *
aims_field_normalize (const AimsField  *field,
                      const char       *value,
                      GError          **error)
{
  g_autofree char *text = NULL;
  const char *label;

  g_return_val_if_fail (field != NULL, NULL);

  label = _(field->label);
  text = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8"), label);
      return NULL;
    }

  if (*text == '\0')
    {
      if (field->required)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("%s is required"), label);
          return NULL;
        }
      return g_strdup ("");
    }

  if (g_utf8_strlen (text, -1) > (glong) aims_field_max_length (field))
    {
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s is too long: at most %u characters"),
                   label, aims_field_max_length (field));
      return NULL;
    }

  switch (field->type)
    {
    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_PERSON:
    case AIMS_FIELD_LINK:
    case AIMS_FIELD_LEVEL:
      if (strpbrk (text, "\n\r") != NULL)
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("%s must fit on one line"), label);
          return NULL;
        }
      return g_steal_pointer (&text);

    case AIMS_FIELD_LONG_TEXT:
      return g_steal_pointer (&text);

    case AIMS_FIELD_EMAIL:
      if (!looks_like_email (text))
        {
          g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                       _("%s: “%s” is not an email address"), label, text);
          return NULL;
        }
      return g_steal_pointer (&text);

    case AIMS_FIELD_CHOICE:
      {
        const char *key = aims_field_choice_from_text (field, text);

        if (key == NULL)
          {
            g_autoptr(GString) allowed = g_string_new (NULL);

            for (const AimsChoice *c = field->choices; c->key != NULL; c++)
              g_string_append_printf (allowed, "%s%s", allowed->len ? ", " : "", c->key);
            g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                         _("%s: “%s” is not one of the choices (%s)"),
                         label, text, allowed->str);
            return NULL;
          }
        return g_strdup (key);
      }

    case AIMS_FIELD_DATE:
      {
        g_autoptr(GDate) date = NULL;

        /* Only the full ISO form: "3/4/2025" means different days to different readers. */
        if (strlen (text) != 10 || (date = aims_date_parse (text)) == NULL)
          {
            g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                         _("%s: “%s” is not a valid date (use YYYY-MM-DD)"), label, text);
            return NULL;
          }
        return aims_date_format_iso (date);
      }

    case AIMS_FIELD_NUMBER:
      {
        double number;

        if (!aims_number_parse_typed (text, &number))
          {
            g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                         _("%s: “%s” is not a number"), label, text);
            return NULL;
          }
        return aims_number_format (number);
      }

    case AIMS_FIELD_BOOLEAN:
      if (g_ascii_strcasecmp (text, "1") == 0 || g_ascii_strcasecmp (text, "yes") == 0 ||
          g_ascii_strcasecmp (text, "true") == 0)
        return g_strdup ("1");
      if (g_ascii_strcasecmp (text, "0") == 0 || g_ascii_strcasecmp (text, "no") == 0 ||
          g_ascii_strcasecmp (text, "false") == 0)
        return g_strdup ("0");
      g_set_error (error, AIMS_DB_ERROR, AIMS_DB_ERROR_INVALID,
                   _("%s: “%s” is not yes or no"), label, text);
      return NULL;

    default:
      g_assert_not_reached ();
    }
}
