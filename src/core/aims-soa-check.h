/* aims-soa-check.h — what stands between the organisation and a defensible
 * Statement of Applicability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"

G_BEGIN_DECLS

/* In the order the findings are listed. */
typedef enum
{
  AIMS_SOA_FINDING_UNDECIDED,             /* a control not decided yet */
  AIMS_SOA_FINDING_NO_JUSTIFICATION,      /* decided (excluded or applicable) without a justification */
  AIMS_SOA_FINDING_EXCLUDED_RELIED_ON,    /* excluded while risks rely on it */
  AIMS_SOA_FINDING_RISK_WITHOUT_CONTROL,  /* an open risk to mitigate with no applicable control */
  AIMS_SOA_FINDING_NO_OWNER,              /* applicable without an owner */
  AIMS_SOA_FINDING_NO_EVIDENCE,           /* implemented without evidence */
  AIMS_SOA_FINDING_EVIDENCE_STALE,        /* evidence last reviewed over a year ago, or never */
  AIMS_SOA_FINDING_CLAUSE_GAP,            /* a clause requirement not in place */
  AIMS_SOA_N_FINDING_KINDS
} AimsSoaFindingKind;

typedef struct
{
  AimsSoaFindingKind  kind;
  /* The record it is about: a control (AIMS_SOA_FINDING_RISK_WITHOUT_CONTROL:
   * a risk; AIMS_SOA_FINDING_CLAUSE_GAP: a clause requirement), by id and by
   * reference ("A.6.2.4", "RSK-003", "6.1.2"). */
  gint64              id;
  char               *reference;
  char               *message;   /* one sentence for a person, translated */
} AimsSoaFinding;

void        aims_soa_finding_free       (AimsSoaFinding     *finding);
/* The stable name of a kind, for scripts: "undecided", "no_justification",
 * "excluded_relied_on", "risk_without_control", "no_owner", "no_evidence",
 * "evidence_stale", "clause_gap". */
const char *aims_soa_finding_kind_name  (AimsSoaFindingKind  kind);
/* The entity a finding of kind is about: controls, risks or clauses. */
const char *aims_soa_finding_kind_entity (AimsSoaFindingKind kind);

/* Every finding, as AimsSoaFinding, by kind in the order of the enum, then
 * in the order of the catalogue (risks by reference). Evidence is stale when
 * its review date is more than a year before today. Only reads; an empty
 * array means the SoA and the checklist are complete. */
GPtrArray  *aims_soa_check              (AimsDb             *db,
                                         GDate              *today,
                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsSoaFinding, aims_soa_finding_free)

G_END_DECLS
