/* aims-template.h — the questions of an impact assessment, as data
 *
 * A template is a list of sections (the pages of the wizard), grouped into
 * steps (the wizard's step indicator: the nine impact areas are nine pages
 * of the one step "impacts"), each with its questions in order. Templates
 * live in the database (assessment_template, assessment_section,
 * assessment_question) and are versioned: a template row never changes once
 * an assessment uses it, and an assessment keeps the template it was started
 * with. The default template is data/assessment/default-template.ini; an
 * organisation's own is a file of the same form (aims_template_import()).
 *
 * Loading or importing a template checks every question, and refuses the
 * whole template with the reason when one is wrong: a type that is not one
 * of AimsQuestionType, a choice question without choices, a condition
 * naming a question that does not exist, a key used twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_QUESTION_TEXT,             /* one line */
  AIMS_QUESTION_LONG_TEXT,        /* paragraphs */
  AIMS_QUESTION_SINGLE_CHOICE,    /* one key of choices */
  AIMS_QUESTION_MULTIPLE_CHOICE,  /* keys of choices, stored "a,b" in the choices' order */
  AIMS_QUESTION_YES_NO,           /* "yes" or "no" */
  AIMS_QUESTION_SCALE,            /* a point "1".."n"; choices label every point */
  AIMS_QUESTION_DATE,             /* YYYY-MM-DD, not before the AI system existed */
  AIMS_QUESTION_PERSON,           /* the id of a person, as text */
  AIMS_QUESTION_LIKELIHOOD,       /* a likelihood level of the risk matrix, stored "level/size" */
  AIMS_QUESTION_IMPACT,           /* an impact (severity) level, stored "level/size" */
  AIMS_QUESTION_N_TYPES
} AimsQuestionType;

/* The stored name of a type ("single_choice"), and back; FALSE when key
 * names no type. */
const char *aims_question_type_key       (AimsQuestionType  type);
gboolean    aims_question_type_from_key  (const char       *key,
                                          AimsQuestionType *type);
/* "single_choice, multiple_choice, …": for messages naming what is allowed. */
char       *aims_question_type_list      (void);

/* The key of a choice that excludes every other one in a multiple choice. */
#define AIMS_CHOICE_NONE "none"

typedef struct
{
  char *key;    /* stored; for a scale the point, "1".."n" */
  char *label;
} AimsQuestionChoice;

typedef struct _AimsTemplateSection AimsTemplateSection;

typedef struct
{
  gint64                id;         /* 0 in a template not stored yet */
  char                 *key;        /* unique in its section: "relevant" */
  char                 *path;       /* unique in the template: "fairness.relevant" */
  char                 *prompt;
  char                 *help;       /* NULL when none */
  AimsQuestionType      type;
  GPtrArray            *choices;    /* AimsQuestionChoice; empty for other types */
  gboolean              required;   /* must be answered, when it applies */
  /* It applies only when the question at condition_path has (or, with
   * condition_negated, has not) the answer condition_value; NULL: always. */
  char                 *condition_path;
  char                 *condition_value;
  gboolean              condition_negated;
  AimsTemplateSection  *section;    /* the page it is on; not owned */
} AimsQuestion;

struct _AimsTemplateSection
{
  gint64     id;
  char      *key;          /* "fairness" */
  char      *title;
  char      *description;  /* NULL when none */
  char      *step_key;     /* "impacts" */
  char      *step_title;   /* "Impacts" */
  GPtrArray *questions;    /* AimsQuestion, in order */
};

/* Pages of the wizard that share a step_key, which are consecutive. */
typedef struct
{
  char  *key;
  char  *title;
  guint  first_section;    /* index into sections */
  guint  n_sections;
} AimsTemplateStep;

typedef struct
{
  gint64     id;           /* 0 when not stored yet */
  char      *reference;    /* "TPL-001"; NULL when not stored yet */
  char      *family;       /* "aimsdesk.default": the versions of one template */
  char      *name;
  gint64     version;
  char      *description;
  GPtrArray *sections;     /* AimsTemplateSection, in order */
  GPtrArray *steps;        /* AimsTemplateStep, in order */
} AimsTemplate;

#define AIMS_TEMPLATE_DEFAULT_FAMILY "aimsdesk.default"

void                       aims_template_free            (AimsTemplate       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsTemplate, aims_template_free)

/* A stored template with every question, checked; NULL with
 * AIMS_DB_ERROR_INVALID naming the template and the question when one is
 * wrong (an unknown type, …), AIMS_DB_ERROR_MISSING when there is none. */
AimsTemplate              *aims_template_load            (AimsDb             *db,
                                                          gint64              id,
                                                          GError            **error);
/* A template file (the form of data/assessment/default-template.ini),
 * checked as aims_template_load() does, not stored. */
AimsTemplate              *aims_template_parse           (GBytes             *bytes,
                                                          GError            **error);
/* The default template as bundled with the program, not stored. */
AimsTemplate              *aims_template_new_default     (GError            **error);
/* Stores a template file as one audited write and returns its id; refused
 * (AIMS_DB_ERROR_INVALID) when the file is wrong or its family already has
 * that version. */
gint64                     aims_template_import          (AimsDb             *db,
                                                          GBytes             *bytes,
                                                          const char         *author,
                                                          GError            **error);

const AimsTemplateSection *aims_template_find_section    (const AimsTemplate *self,
                                                          const char         *key);
/* Its index in sections, or -1. */
int                        aims_template_section_index   (const AimsTemplate *self,
                                                          const char         *key);
/* By path ("fairness.relevant"), or NULL. */
const AimsQuestion        *aims_template_find_question   (const AimsTemplate *self,
                                                          const char         *path);
const AimsQuestion        *aims_template_question_by_id  (const AimsTemplate *self,
                                                          gint64              id);
/* The step a section belongs to. */
const AimsTemplateStep    *aims_template_step_of         (const AimsTemplate *self,
                                                          const AimsTemplateSection *section);
/* The label of a choice key of question, or NULL. */
const char                *aims_question_choice_label    (const AimsQuestion *question,
                                                          const char         *key);

G_END_DECLS
