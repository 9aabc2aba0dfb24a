/* aims-entity.h — what each kind of record holds, described once
 *
 * The field tables here drive validation, storage, the command line's
 * --set and CSV/JSON columns, and the GUI's editors, so that a field is
 * declared in one place only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "aims-risk-matrix.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_FIELD_TEXT,       /* one line */
  AIMS_FIELD_LONG_TEXT,  /* paragraphs */
  AIMS_FIELD_CHOICE,     /* one key out of choices[] */
  AIMS_FIELD_DATE,       /* ISO 8601 calendar date, YYYY-MM-DD */
  AIMS_FIELD_PERSON,     /* id of a row of person: a link to "people" */
  AIMS_FIELD_BOOLEAN,    /* "1" or "0" */
  AIMS_FIELD_EMAIL,
  AIMS_FIELD_LINK,       /* id of a record of the entity named by link_entity */
  AIMS_FIELD_LEVEL,      /* a level 1..size of the risk matrix on level_axis,
                            shown by the matrix's label of it */
  AIMS_FIELD_NUMBER,     /* a decimal number, stored in the C locale: "12.5"
                            (aims-number.h) */
} AimsFieldType;

typedef struct
{
  const char *key;    /* stored value, stable across versions and languages */
  const char *label;  /* N_() marked, translate with _() when shown */
} AimsChoice;

typedef struct
{
  const char *key;
  const char *title;  /* N_() marked */
} AimsFieldGroup;

typedef struct
{
  const char       *name;        /* column name, and the name in --set and CSV */
  const char       *label;       /* N_() marked */
  const char       *group;       /* key of an AimsFieldGroup */
  AimsFieldType     type;
  gboolean          required;
  guint             max_length;  /* in characters; 0 means the type's default */
  const AimsChoice *choices;     /* for AIMS_FIELD_CHOICE: terminated by { NULL } */
  const char       *hint;        /* N_() marked, a short explanation or NULL */
  const char       *link_entity; /* for AIMS_FIELD_LINK: the entity's name, "systems" */
  AimsRiskAxis      level_axis;  /* for AIMS_FIELD_LEVEL */
  /* Shown but never written by the store: catalogue text that comes with
   * the schema (a control's title), or a value the database computes. */
  gboolean          read_only;
} AimsField;

typedef struct
{
  const char           *name;           /* the command line's ENTITY: "systems" */
  const char           *table;          /* "ai_system" */
  const char           *ref_prefix;     /* "AIS"; NULL for a fixed catalogue that comes
                                           with the schema (controls, clauses):
                                           no record can be added to it */
  const char           *singular;       /* N_() "AI system" */
  const char           *plural;         /* N_() "AI systems" */
  const char           *title_field;    /* the field that names a record: "name" */
  const AimsField      *fields;
  guint                 n_fields;
  const AimsFieldGroup *groups;         /* terminated by { NULL } */
} AimsEntity;

#define AIMS_TEXT_MAX_LENGTH      200
#define AIMS_LONG_TEXT_MAX_LENGTH 20000

const AimsEntity *aims_entity_systems       (void);
const AimsEntity *aims_entity_people        (void);
const AimsEntity *aims_entity_risks         (void);
/* The Statement of Applicability and the clause checklist: see aims-soa.h. */
const AimsEntity *aims_entity_controls      (void);
const AimsEntity *aims_entity_clauses       (void);
/* AI objectives and their KPI measurements: see aims-objective-entity.h. */
const AimsEntity *aims_entity_objectives    (void);
const AimsEntity *aims_entity_measurements  (void);
/* Nonconformities and their corrective actions: see aims-nc-entity.h. */
const AimsEntity *aims_entity_nonconformities (void);
const AimsEntity *aims_entity_actions       (void);
/* Impact assessments: see aims-assessment-entity.h and aims-assessment.h. */
const AimsEntity *aims_entity_assessments   (void);
/* Management reviews: see aims-review-entity.h and aims-review-record.h. */
const AimsEntity *aims_entity_reviews       (void);
/* By command-line name ("systems", "risks", "people"); NULL when unknown. */
const AimsEntity *aims_entity_lookup        (const char       *name);
/* The names aims_entity_lookup() knows, NULL-terminated. */
const char *const *aims_entity_names        (void);

const AimsField  *aims_entity_find_field    (const AimsEntity *entity,
                                             const char       *name);
const char       *aims_field_choice_label   (const AimsField  *field,
                                             const char       *key);
/* Accepts a key, or a label in any case ("Third party" → "third_party"). */
const char       *aims_field_choice_from_text (const AimsField *field,
                                               const char      *text);
guint             aims_field_max_length     (const AimsField  *field);
/* The entity whose records a link field holds the id of: people for
 * AIMS_FIELD_PERSON, link_entity for AIMS_FIELD_LINK; NULL for any other
 * field. Link values are stored as integer ids and shown by the linked
 * record's title. */
const AimsEntity *aims_field_get_link_entity (const AimsField *field);

/* Checks one value as a user typed it and returns it normalised (trimmed,
 * choice key, ISO date), or NULL with AIMS_DB_ERROR_INVALID and a message
 * naming the field. An empty value returns "" for optional fields.
 * Links (a person, an AI system) are resolved and levels checked against the
 * current risk matrix by the store: aims_store_normalize_value(). */
char             *aims_field_normalize      (const AimsField  *field,
                                             const char       *value,
                                             GError          **error);

/* Choices of the AI system inventory that other code refers to by key. */
#define AIMS_LIFECYCLE_RETIRED "retired"
/* …and of the risk register. */
#define AIMS_RISK_TREATMENT_ACCEPT "accept"
#define AIMS_RISK_STATUS_ACCEPTED  "accepted"
#define AIMS_RISK_STATUS_CLOSED    "closed"

G_END_DECLS
