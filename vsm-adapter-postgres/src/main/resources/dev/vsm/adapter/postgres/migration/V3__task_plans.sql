-- Each task's saved plan (what S4, S3 and S2 decided, what each S1 agent did), for vsm plan --agents,
-- vsm apply and vsm resume, keyed by the task's id; the same document a task-<id>.json file holds.
CREATE TABLE vsm.task_plan (
  task_id    text PRIMARY KEY,
  document   jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
