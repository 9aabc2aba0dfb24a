/* aims-controls-filter.h — which controls and clause requirements the
 * Controls page shows
 *
 * A plain struct and pure functions, tested without a display: the
 * page's dropdowns, its group and chapter tiles and the "FIELD=VALUE;…"
 * terms of "page.filter" (what a dashboard tile opens) all set the same
 * struct. Terms:
 *
 *   view=soa|completeness|clauses    the view shown
 *   group=A.6                        a group of Annex A
 *   applicable=yes|no|undecided      the decision
 *   status=KEY                       the SoA status of applicable controls:
 *                                    not_started, planned, partial, implemented
 *   soa_status=KEY                   the SoA status column: undecided or
 *                                    excluded (the decision), or a status as
 *                                    above
 *   owner=ID                         the owner's person id
 *   gaps=1                           controls with an open point of the
 *                                    completeness check
 *   clause=6                         a chapter of the clause checklist
 *   clause_status=KEY                not_started, partial or in_place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_CONTROLS_APPLICABLE_ANY,
  AIMS_CONTROLS_APPLICABLE_YES,
  AIMS_CONTROLS_APPLICABLE_NO,
  AIMS_CONTROLS_APPLICABLE_UNDECIDED,
} AimsControlsApplicable;

typedef struct
{
  /* Every string is static: a key of the entities' choice tables. */
  const char             *view;           /* NULL: left as it is */
  const char             *group;          /* "A.6", NULL for all */
  AimsControlsApplicable  applicable;
  const char             *status;         /* implementation status key, NULL for all */
  gint64                  owner_id;       /* 0 for anyone */
  gboolean                gaps;
  const char             *clause;         /* "6", NULL for all */
  const char             *clause_status;  /* NULL for all */
} AimsControlsFilter;

/* Shows everything. */
void      aims_controls_filter_init            (AimsControlsFilter       *filter);

/* Clears filter, then sets the terms named in text ("group=A.6;gaps=1").
 * A term that is not understood is left out, and FALSE is returned with
 * AIMS_DB_ERROR_INVALID naming it; the other terms still apply. */
gboolean  aims_controls_filter_parse           (AimsControlsFilter       *filter,
                                                const char               *text,
                                                GError                  **error);

/* Whether control (a record of aims_entity_controls()) is shown.
 * gap_ids: the ids (gint64 *) of controls with an open point, or NULL when
 * not known yet (gaps then shows none). */
gboolean  aims_controls_filter_matches         (const AimsControlsFilter *filter,
                                                AimsRecord               *control,
                                                GHashTable               *gap_ids);

/* Whether requirement (a record of aims_entity_clauses()) is shown. */
gboolean  aims_controls_filter_matches_clause  (const AimsControlsFilter *filter,
                                                AimsRecord               *requirement);

G_END_DECLS
