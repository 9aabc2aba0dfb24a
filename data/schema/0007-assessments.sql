-- AIMS Desk schema, version 7: AI system impact assessments (ISO/IEC 42001
-- clause 6.1.4, Annex A.5). Applied by src/core/aims-migrate.c.
--
-- The tables of version 1 hold templates, assessments and answers; this adds
-- what the wizard, the approval workflow and the EU AI Act screening record,
-- the links from an assessed impact to the risks that treat it, and the
-- triggers that keep an approved assessment frozen against every writer,
-- the program's own connection included (src/core/aims-assessment*.c check
-- the same rules first, with better words).
--
-- Templates are data (src/core/aims-template.c): the default one is
-- data/assessment/default-template.ini, written into a database the first
-- time an assessment is started with it.

-- A template belongs to a family ("aimsdesk.default") and has a version in
-- it; an assessment keeps the template row it was started with.
ALTER TABLE assessment_template ADD COLUMN family TEXT;
CREATE UNIQUE INDEX assessment_template_family_version ON assessment_template(family, version);

-- The wizard's steps group its pages: the nine impact areas are nine pages
-- of the one step "impacts".
ALTER TABLE assessment_section ADD COLUMN step_key TEXT;
ALTER TABLE assessment_section ADD COLUMN step_title TEXT;

-- A question that applies only when another one has a given answer:
-- "relevant=yes" (same page) or "eu_ai_act.annex_iii=none" (another page).
ALTER TABLE assessment_question ADD COLUMN condition TEXT;

ALTER TABLE impact_assessment ADD COLUMN title TEXT;
ALTER TABLE impact_assessment ADD COLUMN submitted_by TEXT;
ALTER TABLE impact_assessment ADD COLUMN submitted_at TEXT;
ALTER TABLE impact_assessment ADD COLUMN approved_by TEXT;
-- The approver's comments when they sent it back to draft.
ALTER TABLE impact_assessment ADD COLUMN review_comments TEXT;
-- The EU AI Act screening: what the answers proposed, what the user
-- confirmed, and why when the two differ.
ALTER TABLE impact_assessment ADD COLUMN eu_proposed_class TEXT;
ALTER TABLE impact_assessment ADD COLUMN eu_proposed_role TEXT;
ALTER TABLE impact_assessment ADD COLUMN eu_class TEXT;
ALTER TABLE impact_assessment ADD COLUMN eu_role TEXT;
ALTER TABLE impact_assessment ADD COLUMN eu_reason TEXT;

CREATE INDEX impact_assessment_system ON impact_assessment(ai_system_id, version);
CREATE INDEX impact_assessment_supersedes ON impact_assessment(supersedes_id);

-- Risks that treat an impact assessed on one page (an impact area).
CREATE TABLE assessment_risk (
  assessment_id INTEGER NOT NULL REFERENCES impact_assessment(id) ON DELETE CASCADE,
  section_id    INTEGER NOT NULL REFERENCES assessment_section(id),
  risk_id       INTEGER NOT NULL REFERENCES risk(id) ON DELETE CASCADE,
  PRIMARY KEY (assessment_id, section_id, risk_id)
);
CREATE INDEX assessment_risk_by_risk ON assessment_risk(risk_id);

-- ── The workflow ──────────────────────────────────────────────────────────
--
--   draft → in_review (submitted) → approved → superseded (by a newer
--   approved version);  in_review → draft (sent back).

CREATE TRIGGER impact_assessment_starts_as_draft
BEFORE INSERT ON impact_assessment
WHEN NEW.status IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, 'an impact assessment starts as a draft');
END;

CREATE TRIGGER impact_assessment_status_step
BEFORE UPDATE OF status ON impact_assessment
WHEN NEW.status IS NOT OLD.status
 AND NOT ((OLD.status = 'draft' AND NEW.status = 'in_review')
       OR (OLD.status = 'in_review' AND NEW.status IN ('draft', 'approved'))
       OR (OLD.status = 'approved' AND NEW.status = 'superseded'))
BEGIN
  SELECT RAISE(ABORT, 'impact assessment status: not a step of the workflow');
END;

CREATE TRIGGER impact_assessment_approval_recorded
BEFORE UPDATE OF status ON impact_assessment
WHEN NEW.status = 'approved' AND OLD.status = 'in_review'
 AND (NEW.approver_id IS NULL OR NEW.approved_by IS NULL OR NEW.approved_at IS NULL)
BEGIN
  SELECT RAISE(ABORT, 'an approval records the approver, who approved and when');
END;

-- Approved is frozen: the one change left is being superseded, which
-- touches nothing but the status and the row's bookkeeping. (A column added
-- to impact_assessment later must be added to this list.)
CREATE TRIGGER impact_assessment_approved_frozen
BEFORE UPDATE ON impact_assessment
WHEN OLD.status = 'approved'
 AND NOT (NEW.status = 'superseded'
      AND NEW.id IS OLD.id AND NEW.reference IS OLD.reference
      AND NEW.created_at IS OLD.created_at AND NEW.created_by IS OLD.created_by
      AND NEW.ai_system_id IS OLD.ai_system_id AND NEW.template_id IS OLD.template_id
      AND NEW.version IS OLD.version AND NEW.supersedes_id IS OLD.supersedes_id
      AND NEW.current_step IS OLD.current_step AND NEW.assessor_id IS OLD.assessor_id
      AND NEW.approver_id IS OLD.approver_id AND NEW.approved_at IS OLD.approved_at
      AND NEW.overall_level IS OLD.overall_level AND NEW.next_review_date IS OLD.next_review_date
      AND NEW.title IS OLD.title AND NEW.submitted_by IS OLD.submitted_by
      AND NEW.submitted_at IS OLD.submitted_at AND NEW.approved_by IS OLD.approved_by
      AND NEW.review_comments IS OLD.review_comments
      AND NEW.eu_proposed_class IS OLD.eu_proposed_class AND NEW.eu_proposed_role IS OLD.eu_proposed_role
      AND NEW.eu_class IS OLD.eu_class AND NEW.eu_role IS OLD.eu_role AND NEW.eu_reason IS OLD.eu_reason)
BEGIN
  SELECT RAISE(ABORT, 'an approved impact assessment is frozen: start a new version to change it');
END;

CREATE TRIGGER impact_assessment_superseded_frozen
BEFORE UPDATE ON impact_assessment
WHEN OLD.status = 'superseded'
BEGIN
  SELECT RAISE(ABORT, 'a superseded impact assessment is frozen');
END;

CREATE TRIGGER impact_assessment_kept
BEFORE DELETE ON impact_assessment
WHEN OLD.status IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, 'only a draft impact assessment can be deleted');
END;

-- Answers and links change only while their assessment is a draft. (The
-- status is tested with IN, not "IS NOT 'draft'", so that deleting a draft
-- cascades to its answers: by then the assessment row is gone.)
CREATE TRIGGER assessment_answer_insert_draft
BEFORE INSERT ON assessment_answer
WHEN (SELECT status FROM impact_assessment WHERE id = NEW.assessment_id) IN ('in_review', 'approved', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'answers change only while the impact assessment is a draft');
END;

CREATE TRIGGER assessment_answer_update_draft
BEFORE UPDATE ON assessment_answer
WHEN (SELECT status FROM impact_assessment WHERE id = OLD.assessment_id) IN ('in_review', 'approved', 'superseded')
  OR (SELECT status FROM impact_assessment WHERE id = NEW.assessment_id) IN ('in_review', 'approved', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'answers change only while the impact assessment is a draft');
END;

CREATE TRIGGER assessment_answer_delete_draft
BEFORE DELETE ON assessment_answer
WHEN (SELECT status FROM impact_assessment WHERE id = OLD.assessment_id) IN ('in_review', 'approved', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'answers change only while the impact assessment is a draft');
END;

CREATE TRIGGER assessment_risk_insert_draft
BEFORE INSERT ON assessment_risk
WHEN (SELECT status FROM impact_assessment WHERE id = NEW.assessment_id) IN ('in_review', 'approved', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'risk links change only while the impact assessment is a draft');
END;

CREATE TRIGGER assessment_risk_delete_draft
BEFORE DELETE ON assessment_risk
WHEN (SELECT status FROM impact_assessment WHERE id = OLD.assessment_id) IN ('in_review', 'approved', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'risk links change only while the impact assessment is a draft');
END;

-- ── Templates in use never change ────────────────────────────────────────
--
-- An assessment keeps the questions it was answered against; a changed
-- template is a new version (a new row of assessment_template).

CREATE TRIGGER assessment_template_in_use_update
BEFORE UPDATE OF family, name, version ON assessment_template
WHEN EXISTS (SELECT 1 FROM impact_assessment WHERE template_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'a template in use never changes: make a new version of it');
END;

CREATE TRIGGER assessment_template_in_use_delete
BEFORE DELETE ON assessment_template
WHEN EXISTS (SELECT 1 FROM impact_assessment WHERE template_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'a template in use never changes: make a new version of it');
END;

CREATE TRIGGER assessment_section_in_use_update
BEFORE UPDATE ON assessment_section
WHEN EXISTS (SELECT 1 FROM impact_assessment WHERE template_id IN (OLD.template_id, NEW.template_id))
BEGIN
  SELECT RAISE(ABORT, 'a template in use never changes: make a new version of it');
END;

CREATE TRIGGER assessment_section_in_use_insert
BEFORE INSERT ON assessment_section
WHEN EXISTS (SELECT 1 FROM impact_assessment WHERE template_id = NEW.template_id)
BEGIN
  SELECT RAISE(ABORT, 'a template in use never changes: make a new version of it');
END;

CREATE TRIGGER assessment_section_in_use_delete
BEFORE DELETE ON assessment_section
WHEN EXISTS (SELECT 1 FROM impact_assessment WHERE template_id = OLD.template_id)
BEGIN
  SELECT RAISE(ABORT, 'a template in use never changes: make a new version of it');
END;

CREATE TRIGGER assessment_question_in_use_update
BEFORE UPDATE ON assessment_question
WHEN EXISTS (SELECT 1 FROM impact_assessment a JOIN assessment_section s ON s.template_id = a.template_id
             WHERE s.id IN (OLD.section_id, NEW.section_id))
BEGIN
  SELECT RAISE(ABORT, 'a template in use never changes: make a new version of it');
END;

CREATE TRIGGER assessment_question_in_use_insert
BEFORE INSERT ON assessment_question
WHEN EXISTS (SELECT 1 FROM impact_assessment a JOIN assessment_section s ON s.template_id = a.template_id
             WHERE s.id = NEW.section_id)
BEGIN
  SELECT RAISE(ABORT, 'a template in use never changes: make a new version of it');
END;

CREATE TRIGGER assessment_question_in_use_delete
BEFORE DELETE ON assessment_question
WHEN EXISTS (SELECT 1 FROM impact_assessment a JOIN assessment_section s ON s.template_id = a.template_id
             WHERE s.id = OLD.section_id)
BEGIN
  SELECT RAISE(ABORT, 'a template in use never changes: make a new version of it');
END;
