/* aims-template-private.h — building templates, for the readers of stored
 * templates and of template files, and the writers of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-template.h"

G_BEGIN_DECLS

AimsTemplate        *aims_template_new             (void);
AimsTemplateSection *aims_template_add_section     (AimsTemplate        *self,
                                                    const char          *key);
AimsQuestion        *aims_question_new             (AimsTemplateSection *section,
                                                    const char          *key);
void                 aims_question_add_choice      (AimsQuestion        *question,
                                                    const char          *key,
                                                    const char          *label);
/* FALSE with the reason (naming self and the question) when type_key or
 * condition is not one the template language knows. */
gboolean             aims_question_set_type        (const AimsTemplate  *self,
                                                    AimsQuestion        *question,
                                                    const char          *type_key,
                                                    GError             **error);
gboolean             aims_question_set_condition   (const AimsTemplate  *self,
                                                    AimsQuestion        *question,
                                                    const char          *condition,
                                                    GError             **error);
/* As stored: "relevant=yes", "eu_ai_act.annex_iii!=none"; NULL for none. */
char                *aims_question_condition_text  (const AimsQuestion  *question);
char                *aims_question_choices_to_json (const AimsQuestion  *question);
/* Every check of a template (see aims-template.h); builds its steps and
 * resolves the conditions' paths. */
gboolean             aims_template_check           (AimsTemplate        *self,
                                                    GError             **error);

/* Inside the caller's write transaction: the id of the newest stored
 * version of the default template, storing the bundled one first when the
 * database has none of its version (audited as by aims_template_import()). */
gint64               aims_template_ensure_default_in_transaction (AimsDb      *db,
                                                                  const char  *author,
                                                                  GError     **error);

G_END_DECLS
