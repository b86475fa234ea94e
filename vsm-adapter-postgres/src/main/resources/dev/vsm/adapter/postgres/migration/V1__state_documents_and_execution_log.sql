-- The state documents, one row each, created here so that every read-modify-write can lock its
-- row (SELECT ... FOR UPDATE) even before the document first exists; NULL means absent.
CREATE TABLE vsm.state_document (
  name       text PRIMARY KEY,
  document   jsonb,
  updated_at timestamptz
);
INSERT INTO vsm.state_document (name) VALUES
  ('current-task'), ('viability-metrics'), ('agent-registry'),
  ('s3-allocations'), ('s4-environment'), ('coordination-plan');

-- A document of the wrong shape is moved here, never silently replaced.
CREATE TABLE vsm.state_document_aside (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name     text NOT NULL,
  document jsonb NOT NULL,
  reason   text NOT NULL,
  moved_at timestamptz NOT NULL DEFAULT now()
);

-- The execution log: each entry as the JSON object of a log line, exactly as the file has it (json,
-- not jsonb: jsonb reorders an entry's data keys, and vsm log shows them in the order written).
-- The columns queries select on are derived from it by the database, so they cannot disagree with
-- the entry; entry::jsonb serves ad-hoc queries.
CREATE TABLE vsm.execution_log (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry      json NOT NULL,
  task_id    text GENERATED ALWAYS AS (entry ->> 'task_id') STORED,
  session_id text GENERATED ALWAYS AS (entry ->> 'session_id') STORED,
  event_type text GENERATED ALWAYS AS (entry ->> 'event_type') STORED
);
CREATE INDEX execution_log_task ON vsm.execution_log (task_id, seq);
CREATE INDEX execution_log_session ON vsm.execution_log (session_id, seq);
