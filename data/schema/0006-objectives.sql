-- AIMS Desk schema, version 6: AI objectives and their measurements hold
-- numbers. Applied by src/core/aims-migrate.c.
--
-- The columns are REAL since version 1, but SQLite keeps any text that does
-- not look like a number as text in a REAL column. The program refuses such
-- a value before it writes (AIMS_FIELD_NUMBER); these triggers refuse it from
-- any other writer too, so that a status or a chart never meets "n/a".

CREATE TRIGGER measurement_value_number_insert
BEFORE INSERT ON measurement
WHEN typeof(NEW.value) NOT IN ('real', 'integer')
BEGIN
  SELECT RAISE(ABORT, 'measurement.value must be a number');
END;

CREATE TRIGGER measurement_value_number_update
BEFORE UPDATE OF value ON measurement
WHEN typeof(NEW.value) NOT IN ('real', 'integer')
BEGIN
  SELECT RAISE(ABORT, 'measurement.value must be a number');
END;

CREATE TRIGGER objective_numbers_insert
BEFORE INSERT ON objective
WHEN typeof(NEW.baseline) NOT IN ('real', 'integer', 'null')
  OR typeof(NEW.target) NOT IN ('real', 'integer', 'null')
  OR typeof(NEW.at_risk_threshold) NOT IN ('real', 'integer', 'null')
BEGIN
  SELECT RAISE(ABORT, 'objective baseline, target and at_risk_threshold must be numbers');
END;

CREATE TRIGGER objective_numbers_update
BEFORE UPDATE OF baseline, target, at_risk_threshold ON objective
WHEN typeof(NEW.baseline) NOT IN ('real', 'integer', 'null')
  OR typeof(NEW.target) NOT IN ('real', 'integer', 'null')
  OR typeof(NEW.at_risk_threshold) NOT IN ('real', 'integer', 'null')
BEGIN
  SELECT RAISE(ABORT, 'objective baseline, target and at_risk_threshold must be numbers');
END;

-- The objectives of one AI system, for its page and the dashboard.
CREATE INDEX objective_system_by_system ON objective_system(ai_system_id);
