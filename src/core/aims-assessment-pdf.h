/* aims-assessment-pdf.h — an impact assessment printed for a reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* Writes assessment_id as a PDF at path (laid out by aims-pdf.h): its title,
 * AI system, version, status and approval (who and when, or that it is a
 * draft and not approved), the impact ratings as a heatmap of the
 * organisation's risk matrix with a table of the areas, the EU AI Act
 * result with its reasons, every page of questions with the answers given
 * (questions that do not apply left out, unanswered ones said so), and
 * the risks linked as mitigations. Nothing appears at path on failure;
 * AIMS_DB_ERROR_MISSING when there is no such assessment. */
gboolean aims_assessment_pdf_write (AimsDb      *db,
                                    gint64       assessment_id,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
