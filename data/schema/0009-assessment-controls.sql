-- AIMS Desk schema, version 9: Annex A controls linked to the impacts of an
-- impact assessment (step 7 of the wizard, "Mitigations"), beside the risks
-- of version 7. Applied by src/core/aims-migrate.c.
--
-- Like assessment_risk, a link joins one impact area (a page of the
-- assessment's template) to one control, changes only while the assessment
-- is a draft, and is copied to a new version. src/core/aims-assessment-
-- control-link.c checks the same rules first, with better words.

CREATE TABLE assessment_control (
  assessment_id INTEGER NOT NULL REFERENCES impact_assessment(id) ON DELETE CASCADE,
  section_id    INTEGER NOT NULL REFERENCES assessment_section(id),
  control_id    INTEGER NOT NULL REFERENCES control(id),
  PRIMARY KEY (assessment_id, section_id, control_id)
);
CREATE INDEX assessment_control_by_control ON assessment_control(control_id);

-- Frozen with the assessment: no link is added or removed once it is
-- submitted. (The status is tested with IN, not "IS NOT 'draft'", so that
-- deleting a draft cascades to its links: by then the assessment row is
-- gone.)
CREATE TRIGGER assessment_control_insert_draft
BEFORE INSERT ON assessment_control
WHEN (SELECT status FROM impact_assessment WHERE id = NEW.assessment_id) IN ('in_review', 'approved', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'control links change only while the impact assessment is a draft');
END;

CREATE TRIGGER assessment_control_update_draft
BEFORE UPDATE ON assessment_control
WHEN (SELECT status FROM impact_assessment WHERE id = OLD.assessment_id) IN ('in_review', 'approved', 'superseded')
  OR (SELECT status FROM impact_assessment WHERE id = NEW.assessment_id) IN ('in_review', 'approved', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'control links change only while the impact assessment is a draft');
END;

CREATE TRIGGER assessment_control_delete_draft
BEFORE DELETE ON assessment_control
WHEN (SELECT status FROM impact_assessment WHERE id = OLD.assessment_id) IN ('in_review', 'approved', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'control links change only while the impact assessment is a draft');
END;
