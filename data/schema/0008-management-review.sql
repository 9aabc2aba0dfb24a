-- AIMS Desk schema, version 8: the management review record (ISO/IEC 42001
-- clause 9.3). Applied by src/core/aims-migrate.c.
--
-- A review is a draft while it is prepared and held; closing it writes its
-- inputs (9.3.2: the headline figures of every area, compiled from the data
-- as of the review's date, src/core/aims-review-inputs.c) once, as JSON in
-- the column "inputs" of version 1, and from then on the record, its
-- attendees and the set of its actions are frozen against every writer, the
-- program's own connection included (src/core/aims-review-record.c checks
-- the same rules first, with better words). The frozen inputs are also the
-- baseline that the next review's "since the last review" is counted from.
--
-- The decisions' actions (9.3.3) are rows of corrective_action with
-- review_id set (the column of version 1): one list of tracked actions with
-- owner, due date and status, whatever raised them. Their status and
-- completion stay open to updates after the review is closed: that is the
-- tracking the next review reports on.

ALTER TABLE management_review ADD COLUMN title TEXT;
ALTER TABLE management_review ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE management_review ADD COLUMN closed_at TEXT;
ALTER TABLE management_review ADD COLUMN closed_by TEXT;

CREATE INDEX management_review_by_date ON management_review(held_on);
CREATE INDEX corrective_action_by_review ON corrective_action(review_id);

-- The people who attended; attendees of version 1 holds the others, as text.
CREATE TABLE management_review_attendee (
  review_id INTEGER NOT NULL REFERENCES management_review(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  PRIMARY KEY (review_id, person_id)
);

-- ── The review itself ─────────────────────────────────────────────────────

CREATE TRIGGER management_review_starts_as_draft
BEFORE INSERT ON management_review
WHEN NEW.status IS NOT 'draft' OR NEW.inputs IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a management review starts as a draft without inputs');
END;

CREATE TRIGGER management_review_status_step
BEFORE UPDATE OF status ON management_review
WHEN NEW.status IS NOT OLD.status AND NOT (OLD.status = 'draft' AND NEW.status = 'closed')
BEGIN
  SELECT RAISE(ABORT, 'management review status: a draft can only be closed');
END;

-- Closing records the inputs, who closed it and when, all at once.
CREATE TRIGGER management_review_close_recorded
BEFORE UPDATE OF status ON management_review
WHEN NEW.status = 'closed' AND OLD.status = 'draft'
 AND (NEW.inputs IS NULL OR NEW.closed_at IS NULL OR NEW.closed_by IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'closing a management review records its inputs, who closed it and when');
END;

-- The inputs are written by the close only, never into a draft.
CREATE TRIGGER management_review_inputs_at_close
BEFORE UPDATE OF inputs, closed_at, closed_by ON management_review
WHEN OLD.status = 'draft' AND NEW.status IS NOT 'closed'
 AND (NEW.inputs IS NOT NULL OR NEW.closed_at IS NOT NULL OR NEW.closed_by IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'a management review gets its inputs when it is closed');
END;

CREATE TRIGGER management_review_closed_frozen
BEFORE UPDATE ON management_review
WHEN OLD.status = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'a closed management review is frozen');
END;

CREATE TRIGGER management_review_closed_kept
BEFORE DELETE ON management_review
WHEN OLD.status = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'a closed management review is frozen');
END;

-- ── Its attendees ─────────────────────────────────────────────────────────

CREATE TRIGGER management_review_attendee_insert_draft
BEFORE INSERT ON management_review_attendee
WHEN (SELECT status FROM management_review WHERE id = NEW.review_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'the attendees of a closed management review are frozen');
END;

CREATE TRIGGER management_review_attendee_update_draft
BEFORE UPDATE ON management_review_attendee
WHEN (SELECT count(*) FROM management_review
      WHERE id IN (OLD.review_id, NEW.review_id) AND status = 'closed') > 0
BEGIN
  SELECT RAISE(ABORT, 'the attendees of a closed management review are frozen');
END;

CREATE TRIGGER management_review_attendee_delete_draft
BEFORE DELETE ON management_review_attendee
WHEN (SELECT status FROM management_review WHERE id = OLD.review_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'the attendees of a closed management review are frozen');
END;

-- ── Its actions ───────────────────────────────────────────────────────────

-- A tracked action was raised by a nonconformity or by a review: one of the two.
CREATE TRIGGER corrective_action_raised_by_insert
BEFORE INSERT ON corrective_action
WHEN (NEW.nonconformity_id IS NULL) = (NEW.review_id IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'an action belongs to one nonconformity or to one management review');
END;

CREATE TRIGGER corrective_action_raised_by_update
BEFORE UPDATE OF nonconformity_id, review_id ON corrective_action
WHEN (NEW.nonconformity_id IS NULL) = (NEW.review_id IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'an action belongs to one nonconformity or to one management review');
END;

-- The decisions of a closed review are on record: no action joins or leaves it.
CREATE TRIGGER corrective_action_review_insert_draft
BEFORE INSERT ON corrective_action
WHEN NEW.review_id IS NOT NULL
 AND (SELECT status FROM management_review WHERE id = NEW.review_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'a closed management review takes no new actions');
END;

CREATE TRIGGER corrective_action_review_update_draft
BEFORE UPDATE OF review_id, description ON corrective_action
WHEN (NEW.review_id IS NOT OLD.review_id OR NEW.description IS NOT OLD.description)
 AND (SELECT count(*) FROM management_review
      WHERE id IN (OLD.review_id, NEW.review_id) AND status = 'closed') > 0
BEGIN
  SELECT RAISE(ABORT, 'the actions decided at a closed management review stay as decided');
END;

CREATE TRIGGER corrective_action_review_delete_draft
BEFORE DELETE ON corrective_action
WHEN (SELECT status FROM management_review WHERE id = OLD.review_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'the actions decided at a closed management review stay as decided');
END;
