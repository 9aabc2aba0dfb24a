-- AIMS Desk schema, version 5: the clause 10.2 workflow of nonconformities
-- and their corrective actions. Applied by src/core/aims-migrate.c.
--
-- The state moves only through aims_nc_transition() (src/core/aims-nc.c),
-- which checks each step's guards; the history of the steps is the audit
-- log. The triggers below refuse, from any writer, a state or status that
-- is not one of the workflow's, so that the board never meets one it
-- cannot place.

-- Why a nonconformity was reopened: its effectiveness check failed, or it
-- happened again. Given with the step, like rejection_reason.
ALTER TABLE nonconformity ADD COLUMN reopen_reason TEXT;

CREATE TRIGGER nonconformity_state_insert
BEFORE INSERT ON nonconformity
WHEN NEW.state NOT IN ('reported', 'correction_taken', 'root_cause_analysed', 'actions_planned',
                       'actions_implemented', 'effectiveness_verified', 'closed', 'rejected', 'reopened')
BEGIN
  SELECT RAISE(ABORT, 'nonconformity.state is not a state of the workflow');
END;

CREATE TRIGGER nonconformity_state_update
BEFORE UPDATE OF state ON nonconformity
WHEN NEW.state NOT IN ('reported', 'correction_taken', 'root_cause_analysed', 'actions_planned',
                       'actions_implemented', 'effectiveness_verified', 'closed', 'rejected', 'reopened')
BEGIN
  SELECT RAISE(ABORT, 'nonconformity.state is not a state of the workflow');
END;

CREATE TRIGGER corrective_action_status_insert
BEFORE INSERT ON corrective_action
WHEN NEW.status NOT IN ('open', 'in_progress', 'done', 'cancelled')
BEGIN
  SELECT RAISE(ABORT, 'corrective_action.status must be open, in_progress, done or cancelled');
END;

CREATE TRIGGER corrective_action_status_update
BEFORE UPDATE OF status ON corrective_action
WHEN NEW.status NOT IN ('open', 'in_progress', 'done', 'cancelled')
BEGIN
  SELECT RAISE(ABORT, 'corrective_action.status must be open, in_progress, done or cancelled');
END;

-- The actions of one nonconformity: its page, its guards, its timeline.
CREATE INDEX corrective_action_by_nonconformity ON corrective_action(nonconformity_id);
