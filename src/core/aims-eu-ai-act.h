/* aims-eu-ai-act.h — screening an AI system against the EU AI Act
 *
 * A first screening, not legal advice: from the answers of the screening
 * page of an impact assessment it proposes a risk class and the
 * organisation's operator role, each with its reasons in words, which the
 * user confirms or corrects with a reason of their own. The confirmed
 * result is written to the assessment and to the AI system's fields
 * eu_ai_act_class and eu_ai_act_role.
 *
 * The class, in this order of precedence:
 *   prohibited  any practice of Article 5 chosen;
 *   high        a safety component of a product under EU product law that
 *               needs a third-party conformity check (Article 6(1)), or use
 *               in an area of Annex III, unless its task there is only one of
 *               the narrow ones of Article 6(3) and it does not profile
 *               people;
 *   limited     a transparency duty of Article 50 (talking with people,
 *               generating content, emotion recognition or biometric
 *               categorisation, deep fakes, text published to inform);
 *   minimal     none of these;
 *   not assessed  while an answer the class depends on is missing.
 * The role is the one answered, except that a deployer, importer or
 * distributor who puts their name on the system or changes it
 * substantially becomes its provider (Article 25); unanswered, it follows
 * the system's sourcing (in-house or hybrid: provider; third-party:
 * deployer).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-assessment.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_EU_CLASS_NOT_ASSESSED,
  AIMS_EU_CLASS_PROHIBITED,
  AIMS_EU_CLASS_HIGH,
  AIMS_EU_CLASS_LIMITED,
  AIMS_EU_CLASS_MINIMAL,
  AIMS_EU_N_CLASSES
} AimsEuClass;

typedef enum
{
  AIMS_EU_ROLE_UNKNOWN,
  AIMS_EU_ROLE_PROVIDER,
  AIMS_EU_ROLE_DEPLOYER,
  AIMS_EU_ROLE_IMPORTER,
  AIMS_EU_ROLE_DISTRIBUTOR,
  AIMS_EU_N_ROLES
} AimsEuRole;

/* The keys of the AI system's choices ("high", "deployer"; the role's is
 * NULL for unknown) and labels a person reads, translated. */
const char *aims_eu_class_key        (AimsEuClass  eu_class);
const char *aims_eu_class_label      (AimsEuClass  eu_class);
gboolean    aims_eu_class_from_key   (const char  *key,
                                      AimsEuClass *eu_class);
const char *aims_eu_role_key         (AimsEuRole   role);
const char *aims_eu_role_label       (AimsEuRole   role);
gboolean    aims_eu_role_from_key    (const char  *key,
                                      AimsEuRole  *role);

/* The paths of the screening questions in a template, and the keys of
 * their answers that the screening reads. */
#define AIMS_EU_Q_PROHIBITED       "eu_ai_act.prohibited"
#define AIMS_EU_Q_SAFETY_COMPONENT "eu_ai_act.safety_component"
#define AIMS_EU_Q_ANNEX_III        "eu_ai_act.annex_iii"
#define AIMS_EU_Q_EXCEPTION        "eu_ai_act.annex_iii_exception"
#define AIMS_EU_Q_PROFILING        "eu_ai_act.profiling"
#define AIMS_EU_Q_TRANSPARENCY     "eu_ai_act.transparency"
#define AIMS_EU_Q_ROLE             "eu_ai_act.role"
#define AIMS_EU_Q_MODIFIED         "eu_ai_act.modified"

/* The answers as stored (aims-template.h): several choices "a,b", "none"
 * for none of them, "yes"/"no"; NULL when not answered. */
typedef struct
{
  const char *prohibited;        /* Article 5 practices */
  const char *safety_component;  /* yes/no */
  const char *annex_iii;         /* Annex III areas */
  const char *exception;         /* Article 6(3) narrow tasks */
  const char *profiling;         /* yes/no */
  const char *transparency;      /* Article 50 duties */
  const char *role;              /* provider, deployer, importer, distributor */
  const char *modified;          /* yes/no: own name on it, or changed substantially */
  const char *sourcing;          /* the AI system's sourcing, for an unanswered role */
} AimsEuScreeningInput;

typedef struct
{
  AimsEuClass  eu_class;
  AimsEuRole   role;
  GPtrArray   *reasons;   /* char *, sentences in the order they decided */
  GPtrArray   *missing;   /* const char *, paths of the questions still needed */
} AimsEuScreening;

/* Pure: the proposal for input. Clear out with aims_eu_screening_clear(). */
void        aims_eu_ai_act_screen            (const AimsEuScreeningInput *input,
                                              AimsEuScreening            *out);
void        aims_eu_screening_clear          (AimsEuScreening            *screening);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AimsEuScreening, aims_eu_screening_clear)

/* The input from an assessment's answers and its AI system (strings owned
 * by assessment). */
void        aims_eu_screening_input_from_assessment (AimsAssessment       *assessment,
                                                     AimsEuScreeningInput *input);
/* aims_eu_ai_act_screen() of an assessment. */
void        aims_assessment_screen_eu_ai_act (AimsAssessment             *assessment,
                                              AimsEuScreening            *out);

/* Records the class and role the user settles on for a draft assessment,
 * and writes them to its AI system (eu_ai_act_class, eu_ai_act_role), in one
 * transaction with an audit row for each. reason is required when either
 * differs from the proposal the answers give now, which is recorded beside
 * them. Refused (AIMS_DB_ERROR_INVALID) for "not assessed", an unknown role,
 * a missing reason, or an assessment that is not a draft. Returns the
 * assessment's record. */
AimsRecord *aims_assessment_confirm_eu_ai_act (AimsDb                    *db,
                                               gint64                     assessment_id,
                                               AimsEuClass                eu_class,
                                               AimsEuRole                 role,
                                               const char                *reason,
                                               const char                *author,
                                               GError                   **error);

G_END_DECLS
