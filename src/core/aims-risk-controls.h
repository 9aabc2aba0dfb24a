/* aims-risk-controls.h — which Annex A controls a risk relies on
 *
 * A risk treated by mitigation names the controls that carry its treatment;
 * the Statement of Applicability shows, for each control, the risks that
 * rely on it. Control ids are those of aims_entity_controls() records.
 *
 * Every change is one BEGIN IMMEDIATE transaction with one audit row per risk
 * whose links changed (entity "risk", action "link_controls", before and
 * after naming the controls by reference). Links carry no row_version: a
 * change says what it adds and removes, so two people linking different
 * controls to one risk at the same time both keep theirs. Changing links
 * leaves the risk's own row_version alone, so an editor open on the risk
 * stays valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* The ids (gint64) of the controls risk_id relies on, in Annex A order.
 * A risk that does not exist gives AIMS_DB_ERROR_MISSING. */
GArray   *aims_risk_controls_get    (AimsDb        *db,
                                     gint64         risk_id,
                                     GError       **error);

/* The ids (gint64) of the risks that rely on control_id, oldest first. */
GArray   *aims_control_risks_get    (AimsDb        *db,
                                     gint64         control_id,
                                     GError       **error);

/* Makes the controls of risk_id exactly control_ids (duplicates ignored):
 * what a list of check boxes in the risk's editor gives. Refused with
 * AIMS_DB_ERROR_INVALID, nothing written, when an id is not a control or when
 * a control to be added is excluded from the SoA. Writing the same set
 * again writes and logs nothing. */
gboolean  aims_risk_controls_set    (AimsDb        *db,
                                     gint64         risk_id,
                                     const gint64  *control_ids,
                                     guint          n_control_ids,
                                     const char    *author,
                                     GError       **error);

/* Adds and removes links of risk_id, leaving its other links as they are
 * (whatever someone else changed meanwhile). Adding a link that exists, or
 * removing one that does not, is no change. Same refusals as
 * aims_risk_controls_set(). */
gboolean  aims_risk_controls_change (AimsDb        *db,
                                     gint64         risk_id,
                                     const gint64  *add,
                                     guint          n_add,
                                     const gint64  *remove,
                                     guint          n_remove,
                                     const char    *author,
                                     GError       **error);

G_END_DECLS
