/* aims-nc-timeline.h — the history of one nonconformity, read from the
 * audit log: when it was reported, each step of its workflow, each edit,
 * and each change to its corrective actions, with who and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-db.h"
#include "aims-nc-workflow.h"

G_BEGIN_DECLS

typedef enum
{
  AIMS_NC_EVENT_REPORTED,        /* the record was made */
  AIMS_NC_EVENT_TRANSITION,      /* a step of the workflow */
  AIMS_NC_EVENT_EDITED,          /* fields changed, the state not */
  AIMS_NC_EVENT_ACTION_ADDED,    /* a corrective action was added */
  AIMS_NC_EVENT_ACTION_CHANGED,  /* a corrective action was changed */
} AimsNcEventKind;

typedef struct
{
  AimsNcEventKind  kind;
  gint64           audit_id;   /* the row of audit_log: the order of events */
  char            *at;         /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
  char            *actor;
  AimsNcState      from;       /* TRANSITION: the state it left; else == to */
  AimsNcState      to;         /* the nonconformity's state after the event
                                  (for action events: as last known) */
  char            *reference;  /* the nonconformity's, or the action's */
  char            *fields;     /* labels of the fields changed besides the
                                  state, "Root cause, Cause category"; NULL
                                  when none */
  char            *note;       /* TRANSITION into rejected or reopened: the
                                  reason; ACTION_ADDED: the action's
                                  description; ACTION_CHANGED: its new
                                  status's label when the status changed;
                                  else NULL */
} AimsNcEvent;

void        aims_nc_event_free        (AimsNcEvent  *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsNcEvent, aims_nc_event_free)

/* The events of nonconformity id, oldest first (in the order of the audit
 * log). A GPtrArray of AimsNcEvent that frees them. */
GPtrArray  *aims_nc_timeline          (AimsDb       *db,
                                       gint64        id,
                                       GError      **error);

/* One line a person reads for event, translated: "Correction taken → Root
 * cause analysed", "Edited: Title, Severity", "CA-004 added: Retrain …". */
char       *aims_nc_event_describe    (const AimsNcEvent *event);

G_END_DECLS
