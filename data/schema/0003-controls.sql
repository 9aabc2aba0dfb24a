-- AIMS Desk schema, version 3: the Annex A catalogue, the Statement of
-- Applicability (one entry per control, "not decided" until someone decides)
-- and the checklist of clauses 4 to 10. Applied by src/core/aims-migrate.c.
--
-- The catalogue rows below (control, soa_entry as first made, and
-- clause_requirement) are seed data that comes with the schema, like the
-- tables themselves, so they are not in the audit log. Every decision people
-- make on them afterwards goes through the audited store (src/core/aims-soa.c).
--
-- The explanations are our own words for what each control and requirement
-- asks in practice; they are not the text of ISO/IEC 42001.
--
-- Ids of control and soa_entry are equal (1..38, in the order of Annex A), so
-- that "the control with id N" means the same row in control, soa_entry,
-- soa and risk_control. The entity field tables in src/core/aims-soa-entity.c
-- list the groups (A.2 … A.10) and chapters (4 … 10) with their titles;
-- tests/core/test-soa.c holds both in step with this file.

INSERT INTO control (id, reference, group_ref, title, guidance, created_at, created_by, updated_at, updated_by)
SELECT column1, column2, column3, column4, column5,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'AIMS Desk',
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'AIMS Desk'
FROM (VALUES
  (1, 'A.2.2', 'A.2', 'AI policy',
   'Write down how the organisation builds, buys and uses AI and what it commits to; have it approved at the top and make it known to everyone it concerns.'),
  (2, 'A.2.3', 'A.2', 'Alignment with other organizational policies',
   'Find where other policies (security, privacy, quality, purchasing, HR) touch AI, and make them consistent with the AI policy or say which one prevails.'),
  (3, 'A.2.4', 'A.2', 'Review of the AI policy',
   'Look at the AI policy again on a schedule and whenever something important changes, decide what to change, and keep a record of the outcome.'),

  (4, 'A.3.2', 'A.3', 'AI roles and responsibilities',
   'Name who is accountable for what across the life of each AI system (owners, approvers, reviewers, operators) and make sure they know it.'),
  (5, 'A.3.3', 'A.3', 'Reporting of concerns',
   'Give staff and contractors a safe, confidential way to raise concerns about an AI system, protect them from reprisal, and follow every concern up.'),

  (6, 'A.4.2', 'A.4', 'Resource documentation',
   'For each AI system, keep a record of what it depends on: its data, tools, computing and the people who build and run it.'),
  (7, 'A.4.3', 'A.4', 'Data resources',
   'Describe the data each AI system uses: where it comes from, what it covers and leaves out, its known weaknesses, and how it is stored and kept.'),
  (8, 'A.4.4', 'A.4', 'Tooling resources',
   'Record the libraries, platforms, services and methods used to build, test and run each AI system, with their versions.'),
  (9, 'A.4.5', 'A.4', 'System and computing resources',
   'Record the computing, storage and network capacity each AI system needs, including cloud services and where they run.'),
  (10, 'A.4.6', 'A.4', 'Human resources',
   'Know which skills each AI system needs at every stage, who brings them, and how gaps are closed by hiring, training or outside help.'),

  (11, 'A.5.2', 'A.5', 'AI system impact assessment process',
   'Have a set way to assess how an AI system may affect people and society: when it is done, by whom, with which criteria, and how the results are used.'),
  (12, 'A.5.3', 'A.5', 'Documentation of AI system impact assessments',
   'Keep each impact assessment as a record, and keep it for as long as the system is in use and a set time after.'),
  (13, 'A.5.4', 'A.5', 'Assessing AI system impact on individuals or groups of individuals',
   'Look at what the system can do to the people and groups it touches (fairness, safety, privacy, access to services) before it is used and while it is.'),
  (14, 'A.5.5', 'A.5', 'Assessing societal impacts of AI systems',
   'Where relevant, look beyond the people directly affected: effects on the environment, on work, on public trust and on democratic life.'),

  (15, 'A.6.1.2', 'A.6', 'Objectives for responsible development of AI system',
   'Set goals for building AI responsibly (fairness, transparency, robustness, safety), record them, and build them into the way systems are made.'),
  (16, 'A.6.1.3', 'A.6', 'Processes for responsible AI system design and development',
   'Define the stages, checks and approvals a system passes through from idea to release, including the points where a person must sign off.'),
  (17, 'A.6.2.2', 'A.6', 'AI system requirements and specification',
   'Write down what each new system or major change must and must not do: its intended use, its limits and how it will be accepted.'),
  (18, 'A.6.2.3', 'A.6', 'Documentation of AI system design and development',
   'Record design choices, model and data decisions and the trade-offs made, so that others can follow and repeat how the system was built.'),
  (19, 'A.6.2.4', 'A.6', 'AI system verification and validation',
   'Test each system against its requirements and in conditions like real use before release, with criteria set in advance, and keep the results.'),
  (20, 'A.6.2.5', 'A.6', 'AI system deployment',
   'Plan each release: what must be true before it goes live, who approves it, how users are prepared, and how to roll it back.'),
  (21, 'A.6.2.6', 'A.6', 'AI system operation and monitoring',
   'Watch systems in use (performance, drift, errors, misuse), act on what is seen, and manage repairs, updates and retraining.'),
  (22, 'A.6.2.7', 'A.6', 'AI system technical documentation',
   'Keep technical documentation up to date that operators, users and, where needed, authorities can rely on.'),
  (23, 'A.6.2.8', 'A.6', 'AI system recording of event logs',
   'Decide which events each system records, keep the logs for a set time, and use them to trace and explain what the system did.'),

  (24, 'A.7.2', 'A.7', 'Data for development and enhancement of AI system',
   'Decide how data for building and improving AI systems is chosen, managed and protected, and write it down.'),
  (25, 'A.7.3', 'A.7', 'Acquisition of data',
   'Record where data is obtained, on which terms and with which rights, and check that it is fit for purpose before taking it on.'),
  (26, 'A.7.4', 'A.7', 'Quality of data for AI systems',
   'Set requirements for the data (accurate, complete, representative, current enough) and check the data against them.'),
  (27, 'A.7.5', 'A.7', 'Data provenance',
   'Be able to trace data from its origin through every change made to it until it is used by a model.'),
  (28, 'A.7.6', 'A.7', 'Data preparation',
   'Describe how data is cleaned, labelled, enriched and split, with the criteria used, so that the preparation can be repeated and checked.'),

  (29, 'A.8.2', 'A.8', 'System documentation and information for users',
   'Tell users what they need to use the system well: its purpose and limits, how to read its outputs, and when to stop or escalate.'),
  (30, 'A.8.3', 'A.8', 'External reporting',
   'Give people outside the organisation a way to report harm or problems caused by an AI system, and deal with what they report.'),
  (31, 'A.8.4', 'A.8', 'Communication of incidents',
   'Plan how AI incidents are told to users, affected people and authorities: who tells whom, what, and how quickly.'),
  (32, 'A.8.5', 'A.8', 'Information for interested parties',
   'Decide what the organisation owes interested parties about its AI systems, by law, contract or its own choice, and provide it.'),

  (33, 'A.9.2', 'A.9', 'Processes for responsible use of AI systems',
   'Define how AI systems may be used in the organisation: who approves a use, on which conditions, and who checks that they are kept.'),
  (34, 'A.9.3', 'A.9', 'Objectives for responsible use of AI system',
   'Set goals for using AI responsibly (human oversight, accuracy, fairness) and check the actual use against them.'),
  (35, 'A.9.4', 'A.9', 'Intended use of the AI system',
   'Use each system only for what it was meant and documented for; notice use outside that and stop it.'),

  (36, 'A.10.2', 'A.10', 'Allocating responsibilities',
   'Agree in writing who does what between the organisation, its suppliers, partners and customers across the life of each AI system.'),
  (37, 'A.10.3', 'A.10', 'Suppliers',
   'Choose and manage suppliers of AI systems, models, data and services so that what they deliver meets the organisation''s own standards.'),
  (38, 'A.10.4', 'A.10', 'Customers',
   'When the organisation provides AI to customers, take their needs and expectations into account and give them what they need to use it responsibly.')
);

-- Every control has its entry from the start, not decided yet (applicable
-- NULL), so that the Statement of Applicability always lists all 38.
INSERT INTO soa_entry (id, reference, control_id, created_at, created_by, updated_at, updated_by)
SELECT id, reference, id, created_at, created_by, updated_at, updated_by FROM control ORDER BY id;

-- The Statement of Applicability as people and the store see it: one row per
-- control, with the catalogue beside the decision, the decision as a choice
-- (applicable 'yes', 'no', or NULL when not decided), what it amounts to
-- (soa_status) and the risks that rely on it. Written through soa_update.
CREATE VIEW soa AS
SELECT s.id, c.reference, s.created_at, s.created_by, s.updated_at, s.updated_by, s.row_version,
       c.title, c.group_ref, c.guidance,
       CASE s.applicable WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END AS applicable,
       s.justification, s.implementation_status, s.owner_id, s.evidence, s.review_date,
       CASE WHEN s.applicable IS NULL THEN 'undecided'
            WHEN s.applicable = 0 THEN 'excluded'
            ELSE coalesce(s.implementation_status, 'not_started') END AS soa_status,
       (SELECT group_concat(reference, ' ')
          FROM (SELECT r.reference FROM risk_control rc JOIN risk r ON r.id = rc.risk_id
                 WHERE rc.control_id = s.control_id ORDER BY r.id)) AS linked_risks
FROM soa_entry s JOIN control c ON c.id = s.control_id;

-- Only the decision can change; the catalogue and the computed columns are
-- refused here too, behind the store's own check of read-only fields.
CREATE TRIGGER soa_update INSTEAD OF UPDATE ON soa
BEGIN
  SELECT RAISE(ABORT, 'the Annex A catalogue cannot be changed')
   WHERE NEW.id IS NOT OLD.id OR NEW.reference IS NOT OLD.reference
      OR NEW.title IS NOT OLD.title OR NEW.group_ref IS NOT OLD.group_ref
      OR NEW.guidance IS NOT OLD.guidance OR NEW.soa_status IS NOT OLD.soa_status
      OR NEW.linked_risks IS NOT OLD.linked_risks
      OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by;
  SELECT RAISE(ABORT, 'applicable must be yes, no or empty')
   WHERE NEW.applicable IS NOT NULL AND NEW.applicable NOT IN ('yes', 'no');
  SELECT RAISE(ABORT, 'implementation_status must be not_started, planned, partial or implemented')
   WHERE NEW.implementation_status IS NOT NULL
     AND NEW.implementation_status NOT IN ('not_started', 'planned', 'partial', 'implemented');
  UPDATE soa_entry
     SET updated_at = NEW.updated_at,
         updated_by = NEW.updated_by,
         row_version = NEW.row_version,
         applicable = CASE NEW.applicable WHEN 'yes' THEN 1 WHEN 'no' THEN 0 END,
         justification = NEW.justification,
         implementation_status = NEW.implementation_status,
         owner_id = NEW.owner_id,
         evidence = NEW.evidence,
         review_date = NEW.review_date
   WHERE id = OLD.id;
END;

CREATE INDEX risk_control_control ON risk_control(control_id);

-- The gap assessment against clauses 4 to 10: one row per requirement, by
-- clause number. clause is the chapter ("6" for 6.1.2).
CREATE TABLE clause_requirement (
  id          INTEGER PRIMARY KEY,
  reference   TEXT NOT NULL UNIQUE,   -- "6.1.2"
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1,
  clause      TEXT NOT NULL,
  title       TEXT NOT NULL,
  guidance    TEXT,
  status      TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','partial','in_place')),
  notes       TEXT,
  evidence    TEXT
);

CREATE TRIGGER clause_requirement_catalogue BEFORE UPDATE ON clause_requirement
WHEN NEW.reference IS NOT OLD.reference OR NEW.clause IS NOT OLD.clause
  OR NEW.title IS NOT OLD.title OR NEW.guidance IS NOT OLD.guidance
BEGIN
  SELECT RAISE(ABORT, 'the clause catalogue cannot be changed');
END;

INSERT INTO clause_requirement (id, reference, clause, title, guidance, created_at, created_by, updated_at, updated_by)
SELECT column1, column2, column3, column4, column5,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'AIMS Desk',
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'AIMS Desk'
FROM (VALUES
  (1, '4.1', '4', 'Context and our role in AI',
   'Know the issues inside and outside the organisation that shape how it uses or builds AI, and which role it plays: developer, provider, user or several.'),
  (2, '4.2', '4', 'Interested parties and their requirements',
   'List who has a stake in the AI systems and which of their requirements the management system will meet.'),
  (3, '4.3', '4', 'Scope of the management system',
   'Decide and write down which units, sites, AI systems and activities the management system covers, and why.'),
  (4, '4.4', '4', 'Setting up the management system',
   'Put the management system in place with its processes and how they connect, keep it running and keep improving it.'),
  (5, '5.1', '5', 'Commitment of top management',
   'Top management leads the management system: ties it to strategy, gives it resources, and stays involved in its results.'),
  (6, '5.2', '5', 'AI policy in place',
   'An approved AI policy that fits the organisation, frames its objectives, commits to meeting requirements and to improving.'),
  (7, '5.3', '5', 'Roles and authorities assigned',
   'Responsibilities and authorities for the management system are assigned, made known and understood, including who reports on its performance.'),
  (8, '6.1.1', '6', 'Planning for risks and opportunities',
   'Work out which risks and opportunities the management system must address and plan how to act on them and check the effect.'),
  (9, '6.1.2', '6', 'How AI risks are assessed',
   'A set, repeatable way to identify, analyse and evaluate AI risks, with criteria for what is acceptable.'),
  (10, '6.1.3', '6', 'How AI risks are treated, and the SoA',
   'Choose how each risk is treated, compare the controls chosen with Annex A, and keep a justified Statement of Applicability and treatment plan.'),
  (11, '6.1.4', '6', 'How impacts of AI systems are assessed',
   'A set process for assessing the consequences of AI systems for individuals, groups and society.'),
  (12, '6.2', '6', 'AI objectives and plans to reach them',
   'Measurable AI objectives where they matter, each with what will be done, by whom, with what, by when, and how results are judged.'),
  (13, '6.3', '6', 'Changes planned before they are made',
   'Changes to the management system are thought through and carried out in a controlled way.'),
  (14, '7.1', '7', 'Resources provided',
   'The people, time, money and tools the management system needs are there.'),
  (15, '7.2', '7', 'Competence',
   'Know the skills each role in the management system needs, make sure people have them, and keep evidence of it.'),
  (16, '7.3', '7', 'Awareness',
   'Everyone concerned knows the AI policy, how they contribute, and what follows when requirements are not met.'),
  (17, '7.4', '7', 'Communication',
   'Decide what is communicated about the management system, when, to whom, how and by whom.'),
  (18, '7.5.1', '7', 'Documents and records needed',
   'Keep the documents and records the standard asks for, and those the organisation itself finds necessary.'),
  (19, '7.5.2', '7', 'Writing and updating documents',
   'Documents are identified, in a suitable format, and reviewed and approved before use.'),
  (20, '7.5.3', '7', 'Keeping documents under control',
   'Documents are available where needed, protected, versioned, kept for as long as required and then disposed of.'),
  (21, '8.1', '8', 'Running and controlling operations',
   'Plan, run and control the processes that meet the requirements, including those done by others on the organisation''s behalf.'),
  (22, '8.2', '8', 'AI risk assessments carried out',
   'Assess AI risks at planned intervals and when something significant changes, and keep the results.'),
  (23, '8.3', '8', 'Risk treatment carried out',
   'Carry out the risk treatment plan, check that it works, and keep the results.'),
  (24, '8.4', '8', 'Impact assessments carried out',
   'Assess the impacts of AI systems at planned intervals and when something significant changes, and keep the results.'),
  (25, '9.1', '9', 'Monitoring and measuring',
   'Decide what is monitored and measured, how and when, and evaluate the results.'),
  (26, '9.2.1', '9', 'Internal audits held',
   'Audit the management system at planned intervals to see whether it meets the requirements and works.'),
  (27, '9.2.2', '9', 'An audit programme',
   'A programme that sets how often, how, by whom and against what audits are done, with results reported to management.'),
  (28, '9.3.1', '9', 'Management reviews held',
   'Top management reviews the management system at planned intervals.'),
  (29, '9.3.2', '9', 'What the review looks at',
   'The review covers its set inputs: earlier actions, changes, performance, audit results, risks and opportunities.'),
  (30, '9.3.3', '9', 'What the review decides',
   'The review ends in decisions on improvements and changes, kept as a record.'),
  (31, '10.1', '10', 'Continual improvement',
   'Keep making the management system more suitable, adequate and effective.'),
  (32, '10.2', '10', 'Nonconformities and corrective action',
   'React to each nonconformity, find its cause, act so it does not recur, check the action worked, and keep records.')
);
