/* aims-nc-workflow.h — the clause 10.2 loop of a nonconformity as a state
 * machine: which step may follow which, and what must be on record first
 *
 *   reported → correction_taken → root_cause_analysed → actions_planned
 *            → actions_implemented → effectiveness_verified → closed
 *
 * and beside the loop:
 *   rejected  (from reported or correction_taken: it is not a
 *              nonconformity; needs the reason)
 *   reopened  (from actions_implemented, effectiveness_verified or closed:
 *              the effectiveness check failed or it happened again; from
 *              rejected: the rejection was wrong; needs the reason).
 *              A reopened nonconformity goes back into the loop at
 *              correction_taken, root_cause_analysed or actions_planned;
 *              reopening clears the effectiveness check, which must be
 *              done again for the new actions.
 *
 * What must be on record before a step (the guards):
 *   correction_taken        the correction;
 *   root_cause_analysed     the root cause;
 *   actions_planned         at least one corrective action, not cancelled,
 *                           with an owner and a due date (after a
 *                           reopening: one that is not done yet);
 *   actions_implemented     no action open or in progress, at least one done;
 *   effectiveness_verified, closed
 *                           the effectiveness check complete (who, when,
 *                           evidence, result) and its result "effective";
 *   rejected, reopened      the reason, given with the step.
 *
 * Everything here is pure: it reads a nonconformity's record and its
 * actions and writes nothing. The one writer of the state is
 * aims_nc_transition() (aims-nc.h), which runs these same checks inside its
 * write transaction; the GUI's board asks aims_nc_workflow_moves() which
 * cards may move where and shows the refusal of the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aims-record.h"

G_BEGIN_DECLS

/* In the order of the board's columns. */
typedef enum
{
  AIMS_NC_STATE_REPORTED,
  AIMS_NC_STATE_CORRECTION_TAKEN,
  AIMS_NC_STATE_ROOT_CAUSE_ANALYSED,
  AIMS_NC_STATE_ACTIONS_PLANNED,
  AIMS_NC_STATE_ACTIONS_IMPLEMENTED,
  AIMS_NC_STATE_EFFECTIVENESS_VERIFIED,
  AIMS_NC_STATE_CLOSED,
  AIMS_NC_STATE_REJECTED,
  AIMS_NC_STATE_REOPENED,
  AIMS_NC_N_STATES
} AimsNcState;

/* The stored key ("root_cause_analysed") and the label a person reads
 * ("Root cause analysed", translated). */
const char  *aims_nc_state_key            (AimsNcState  state);
const char  *aims_nc_state_label          (AimsNcState  state);
/* A key or a label in any case ("Root cause analysed", "root-cause-analysed");
 * FALSE when text names no state. */
gboolean     aims_nc_state_from_text      (const char  *text,
                                           AimsNcState *state);
/* The state stored in a nonconformity's record; reported when unset. */
AimsNcState  aims_nc_get_state            (AimsRecord  *nc);
/* Neither closed nor rejected: still to be dealt with. */
gboolean     aims_nc_state_is_open        (AimsNcState  state);

/* The step from → to exists in the state machine (guards aside). */
gboolean     aims_nc_state_can_follow     (AimsNcState  from,
                                           AimsNcState  to);
/* The field a step into state needs a new value of, given with the step
 * itself: "rejection_reason" for rejected, "reopen_reason" for reopened,
 * NULL for the others. */
const char  *aims_nc_state_reason_field   (AimsNcState  state);

/* Whether nc (a record of aims_entity_nonconformities(), as it would be
 * after the step, reason included) may go to target, given its corrective
 * actions (records of aims_entity_actions(); NULL for none). When not,
 * refusal (may be NULL) gets what is missing, in words a person can act on,
 * e.g. "Record the root cause first". */
gboolean     aims_nc_workflow_check       (AimsRecord  *nc,
                                           GPtrArray   *actions,
                                           AimsNcState  target,
                                           char       **refusal);

/* One possible move of a card on the board. */
typedef struct
{
  AimsNcState  target;
  gboolean     allowed;
  char        *refusal;       /* why not, in words; NULL when allowed */
  const char  *reason_field;  /* aims_nc_state_reason_field (target): the
                                 move needs a reason the user gives with it */
} AimsNcMove;

/* For every state other than nc's own, in board order: whether nc may move
 * there now, and why not. The reason a move into rejected or reopened needs
 * is not counted as missing here (it is given with the move); the move is
 * refused when it is not. A GArray of AimsNcMove that frees the refusals. */
GArray      *aims_nc_workflow_moves       (AimsRecord  *nc,
                                           GPtrArray   *actions);

/* For the store: whether nc's fields still hold what its current state
 * required (its correction, root cause, effectiveness check, reason), so
 * that a plain update cannot empty them behind the workflow's back. */
gboolean     aims_nc_workflow_check_fields (AimsRecord *nc,
                                            char      **problem);

/* A corrective action is open while its status is open or in progress
 * (or unset: new actions are open). */
gboolean     aims_action_is_open          (AimsRecord  *action);
/* Open, with a due date before today. */
gboolean     aims_action_is_overdue       (AimsRecord  *action,
                                           const GDate *today);
/* How many of actions are open, and how many of those are overdue. */
void         aims_actions_count           (GPtrArray   *actions,
                                           const GDate *today,
                                           guint       *n_open,
                                           guint       *n_overdue);

G_END_DECLS
