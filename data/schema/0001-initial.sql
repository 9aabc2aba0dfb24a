-- AIMS Desk schema, version 1: every entity of DESIGN.md.
-- Applied by src/core/aims-migrate.c inside one BEGIN EXCLUSIVE transaction.
-- Each record table has id, reference, created_at/by, updated_at/by, row_version.
-- Dates are ISO 8601 text (YYYY-MM-DD), timestamps UTC (YYYY-MM-DDTHH:MM:SSZ).

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT
);

CREATE TABLE person (
  id          INTEGER PRIMARY KEY,
  reference   TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role        TEXT,
  email       TEXT
);

CREATE TABLE ai_system (
  id                    INTEGER PRIMARY KEY,
  reference             TEXT NOT NULL UNIQUE,
  created_at            TEXT NOT NULL,
  created_by            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  updated_by            TEXT NOT NULL,
  row_version           INTEGER NOT NULL DEFAULT 1,
  name                  TEXT NOT NULL CHECK (length(trim(name)) > 0),
  description           TEXT,
  purpose               TEXT,
  intended_use          TEXT,
  model_type            TEXT,
  criticality           TEXT CHECK (criticality IN ('low','medium','high','critical')),
  owner_id              INTEGER REFERENCES person(id),
  approver_id           INTEGER REFERENCES person(id),
  business_unit         TEXT,
  lifecycle_stage       TEXT CHECK (lifecycle_stage IN ('inception','design_development',
                          'verification_validation','deployment','operation','re_evaluation','retired')),
  start_date            TEXT,
  deployed_date         TEXT,
  retired_date          TEXT,
  last_review_date      TEXT,
  next_review_date      TEXT,
  data_sources          TEXT,
  data_provenance       TEXT,
  personal_data         TEXT CHECK (personal_data IN ('none','personal','special_category')),
  affected_stakeholders TEXT,
  human_oversight       TEXT,
  oversight_notes       TEXT,
  sourcing              TEXT CHECK (sourcing IN ('in_house','third_party','hybrid')),
  provider              TEXT,
  contract_reference    TEXT,
  eu_ai_act_class       TEXT CHECK (eu_ai_act_class IN ('prohibited','high','limited','minimal','not_assessed')),
  eu_ai_act_role        TEXT,
  regulatory_notes      TEXT,
  import_batch_id       INTEGER REFERENCES import_batch(id)
);
CREATE INDEX ai_system_owner ON ai_system(owner_id);

-- One row: the matrix that computes every score, band and heatmap colour.
CREATE TABLE risk_matrix (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  updated_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL,
  row_version       INTEGER NOT NULL DEFAULT 1,
  size              INTEGER NOT NULL DEFAULT 5 CHECK (size BETWEEN 3 AND 6),
  likelihood_labels TEXT NOT NULL,   -- JSON array, lowest first
  impact_labels     TEXT NOT NULL,   -- JSON array, lowest first
  bands             TEXT NOT NULL,   -- JSON array of {name, min_score, colour}
  appetite_band     TEXT NOT NULL
);

CREATE TABLE control (
  id          INTEGER PRIMARY KEY,
  reference   TEXT NOT NULL UNIQUE,   -- "A.6.2.4"
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1,
  group_ref   TEXT NOT NULL,          -- "A.6"
  title       TEXT NOT NULL,
  guidance    TEXT
);

CREATE TABLE soa_entry (
  id                    INTEGER PRIMARY KEY,
  reference             TEXT NOT NULL UNIQUE,
  created_at            TEXT NOT NULL,
  created_by            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  updated_by            TEXT NOT NULL,
  row_version           INTEGER NOT NULL DEFAULT 1,
  control_id            INTEGER NOT NULL UNIQUE REFERENCES control(id),
  applicable            INTEGER CHECK (applicable IN (0, 1)),
  justification         TEXT,
  implementation_status TEXT,
  owner_id              INTEGER REFERENCES person(id),
  evidence              TEXT,
  review_date           TEXT
);

CREATE TABLE risk (
  id                   INTEGER PRIMARY KEY,
  reference            TEXT NOT NULL UNIQUE,
  created_at           TEXT NOT NULL,
  created_by           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  updated_by           TEXT NOT NULL,
  row_version          INTEGER NOT NULL DEFAULT 1,
  title                TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description          TEXT,
  ai_system_id         INTEGER REFERENCES ai_system(id),  -- NULL: organisation-wide
  source_category      TEXT CHECK (source_category IN ('data','model','operational','societal_ethical',
                          'legal_compliance','security','third_party')),
  causes               TEXT,
  consequences         TEXT,
  owner_id             INTEGER REFERENCES person(id),
  inherent_likelihood  INTEGER CHECK (inherent_likelihood BETWEEN 1 AND 6),
  inherent_impact      INTEGER CHECK (inherent_impact BETWEEN 1 AND 6),
  existing_controls    TEXT,
  treatment            TEXT CHECK (treatment IN ('mitigate','accept','avoid','transfer')),
  treatment_plan       TEXT,
  treatment_due_date   TEXT,
  residual_likelihood  INTEGER CHECK (residual_likelihood BETWEEN 1 AND 6),
  residual_impact      INTEGER CHECK (residual_impact BETWEEN 1 AND 6),
  status               TEXT,
  accepted_by_id       INTEGER REFERENCES person(id),
  accepted_until       TEXT,
  next_review_date     TEXT
);
CREATE INDEX risk_system ON risk(ai_system_id);

CREATE TABLE risk_control (
  risk_id    INTEGER NOT NULL REFERENCES risk(id) ON DELETE CASCADE,
  control_id INTEGER NOT NULL REFERENCES control(id),
  PRIMARY KEY (risk_id, control_id)
);

CREATE TABLE assessment_template (
  id          INTEGER PRIMARY KEY,
  reference   TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1,
  name        TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  description TEXT
);

CREATE TABLE assessment_section (
  id          INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES assessment_template(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  key         TEXT NOT NULL,
  title       TEXT NOT NULL,
  description TEXT,
  UNIQUE (template_id, key)
);

CREATE TABLE assessment_question (
  id          INTEGER PRIMARY KEY,
  section_id  INTEGER NOT NULL REFERENCES assessment_section(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  key         TEXT NOT NULL,
  prompt      TEXT NOT NULL,
  help        TEXT,
  answer_type TEXT NOT NULL,          -- text, long_text, choice, boolean, likelihood, impact, number
  choices     TEXT,                   -- JSON array for choice questions
  required    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (section_id, key)
);

CREATE TABLE impact_assessment (
  id            INTEGER PRIMARY KEY,
  reference     TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  row_version   INTEGER NOT NULL DEFAULT 1,
  ai_system_id  INTEGER NOT NULL REFERENCES ai_system(id),
  template_id   INTEGER NOT NULL REFERENCES assessment_template(id),
  version       INTEGER NOT NULL DEFAULT 1,
  supersedes_id INTEGER REFERENCES impact_assessment(id),
  status        TEXT NOT NULL DEFAULT 'draft',   -- draft, in_review, approved, superseded
  current_step  TEXT,
  assessor_id   INTEGER REFERENCES person(id),
  approver_id   INTEGER REFERENCES person(id),
  approved_at   TEXT,
  overall_level TEXT,
  next_review_date TEXT
);

CREATE TABLE assessment_answer (
  id            INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES impact_assessment(id) ON DELETE CASCADE,
  question_id   INTEGER NOT NULL REFERENCES assessment_question(id),
  value         TEXT,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  row_version   INTEGER NOT NULL DEFAULT 1,
  UNIQUE (assessment_id, question_id)
);

CREATE TABLE objective (
  id                INTEGER PRIMARY KEY,
  reference         TEXT NOT NULL UNIQUE,
  created_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL,
  row_version       INTEGER NOT NULL DEFAULT 1,
  title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
  rationale         TEXT,
  clause_or_control TEXT,
  owner_id          INTEGER REFERENCES person(id),
  kpi_name          TEXT,
  kpi_unit          TEXT,
  kpi_method        TEXT,
  baseline          REAL,
  target            REAL,
  target_date       TEXT,
  direction         TEXT CHECK (direction IN ('higher','lower')),
  at_risk_threshold REAL,
  frequency         TEXT,
  status            TEXT
);

CREATE TABLE objective_system (
  objective_id INTEGER NOT NULL REFERENCES objective(id) ON DELETE CASCADE,
  ai_system_id INTEGER NOT NULL REFERENCES ai_system(id),
  PRIMARY KEY (objective_id, ai_system_id)
);

CREATE TABLE measurement (
  id           INTEGER PRIMARY KEY,
  reference    TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL,
  row_version  INTEGER NOT NULL DEFAULT 1,
  objective_id INTEGER NOT NULL REFERENCES objective(id) ON DELETE CASCADE,
  measured_on  TEXT NOT NULL,
  value        REAL NOT NULL,
  note         TEXT
);
CREATE INDEX measurement_objective ON measurement(objective_id, measured_on);

CREATE TABLE nonconformity (
  id                    INTEGER PRIMARY KEY,
  reference             TEXT NOT NULL UNIQUE,
  created_at            TEXT NOT NULL,
  created_by            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  updated_by            TEXT NOT NULL,
  row_version           INTEGER NOT NULL DEFAULT 1,
  title                 TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description           TEXT,
  source                TEXT,   -- internal_audit, external_audit, incident, monitoring, complaint, management_review
  severity              TEXT,   -- major, minor, observation, improvement
  found_date            TEXT,
  found_by_id           INTEGER REFERENCES person(id),
  ai_system_id          INTEGER REFERENCES ai_system(id),
  control_id            INTEGER REFERENCES control(id),
  clause                TEXT,
  risk_id               INTEGER REFERENCES risk(id),
  state                 TEXT NOT NULL DEFAULT 'reported',
  correction            TEXT,
  root_cause            TEXT,
  five_whys             TEXT,   -- JSON array
  cause_category        TEXT,
  effectiveness_by_id   INTEGER REFERENCES person(id),
  effectiveness_date    TEXT,
  effectiveness_evidence TEXT,
  effectiveness_result  TEXT,
  rejection_reason      TEXT
);

CREATE TABLE corrective_action (
  id               INTEGER PRIMARY KEY,
  reference        TEXT NOT NULL UNIQUE,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL,
  row_version      INTEGER NOT NULL DEFAULT 1,
  nonconformity_id INTEGER REFERENCES nonconformity(id),
  review_id        INTEGER REFERENCES management_review(id),
  description      TEXT NOT NULL,
  owner_id         INTEGER REFERENCES person(id),
  due_date         TEXT,
  status           TEXT NOT NULL DEFAULT 'open',
  completed_date   TEXT,
  evidence         TEXT
);

CREATE TABLE management_review (
  id          INTEGER PRIMARY KEY,
  reference   TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1,
  held_on     TEXT NOT NULL,
  attendees   TEXT,
  inputs      TEXT,   -- JSON, frozen when the record is made
  notes       TEXT,
  decisions   TEXT
);

CREATE TABLE import_batch (
  id          INTEGER PRIMARY KEY,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  row_count   INTEGER NOT NULL,
  undone_at   TEXT
);

-- Append-only. hash = SHA-256 of the previous row's hash and this row's fields
-- (src/core/aims-audit.c), so an edit made outside the program breaks the chain.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   INTEGER NOT NULL,
  action      TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
