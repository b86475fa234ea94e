-- vsm tasks lists every task: when it started, what it was, how complex, how it ended, its S1
-- agents, cost and duration. Folding the log for that reads about half of a cycle's entries (the
-- agents' invocations), so the database keeps the fold itself: one row per task, brought up to date
-- by a trigger in the transaction that appends the entry, and vsm tasks reads these rows only.
--
-- The rules are those of the Java fold (dev.vsm.domain.log.TaskHistory); PostgresTaskHistoryTest
-- checks them against it on generated logs. Each value keeps the seq of the entry that gave it and
-- the first (or last) one wins by seq, so entries appended at once by several processes give the
-- same row in any commit order. Cost and duration are sums over the task's attempts (each end says
-- what its attempt spent): the whole milliseconds add up here (at most the longest bigint, in any
-- order the same), the costs are kept by seq and added up in log order by the reader, as adding
-- doubles in another order can give another last digit.
CREATE TABLE vsm.task_history (
  task_id         text PRIMARY KEY,
  first_seq       bigint NOT NULL,             -- its first entry of a kind folded: list order
  started_seq     bigint,                      -- the first task_started
  started_at      text,
  description_seq bigint,                      -- the last task_started with a description
  description     text,
  complexity_seq  bigint,                      -- the last task_started (but 'unknown') or
  complexity      text,                        -- allocation_made with a complexity
  status_seq      bigint,                      -- the last end (task_completed, task_failed,
  status          text,                        -- task_planned) or task_resumed; null status:
  ended_at        text,                        -- in progress
  costs           jsonb NOT NULL DEFAULT '{}', -- seq of an end -> the cost it gives
  duration_ms     bigint,                      -- the sum over the ends that give one (at most
                                               -- the longest bigint)
  agents          jsonb NOT NULL DEFAULT '{}'  -- S1 agent -> the seq of its first agent_invoked
);

-- Of two values, each with the seq of the entry that gave it (or none), the one given last.
CREATE FUNCTION vsm.given_last(a_seq bigint, a anyelement, b_seq bigint, b anyelement)
  RETURNS anyelement LANGUAGE sql IMMUTABLE AS
  'SELECT CASE WHEN b_seq > a_seq OR a_seq IS NULL THEN b ELSE a END';

CREATE FUNCTION vsm.task_history_fold(s bigint, e json) RETURNS void LANGUAGE plpgsql AS $fold$
DECLARE
  task text := e ->> 'task_id';
  kind text := e ->> 'event_type';
  d json := e -> 'data';
  s1_agent text := e ->> 'agent';
  is_end boolean := kind IN ('task_completed', 'task_failed', 'task_planned');
  new_status text;
  new_description text;
  new_complexity text;
  cost double precision;
  duration bigint;
  n numeric;
BEGIN
  IF task IS NULL OR task = '' OR kind IS NULL OR kind NOT IN
      ('task_started', 'task_completed', 'task_failed', 'agent_invoked', 'allocation_made',
       'task_planned', 'task_resumed') THEN
    RETURN;
  END IF;
  IF kind = 'task_planned' THEN
    new_status := 'planned';
  ELSIF kind = 'task_failed'
      OR (kind = 'task_completed' AND coalesce((d -> 'success')::jsonb = 'false'::jsonb, false)) THEN
    new_status := 'failed';
  ELSIF kind = 'task_completed' THEN
    new_status := 'completed';
  END IF;                                      -- task_resumed: null, in progress
  IF kind = 'task_started' AND json_typeof(d -> 'description') = 'string' THEN
    new_description := d ->> 'description';
  END IF;
  IF json_typeof(d -> 'complexity') = 'string'
      AND (kind = 'allocation_made' OR (kind = 'task_started' AND d ->> 'complexity' <> 'unknown'))
  THEN
    new_complexity := d ->> 'complexity';
  END IF;
  IF is_end AND json_typeof(d -> 'cost_usd') = 'number' THEN
    n := (d ->> 'cost_usd')::numeric;
    IF abs(n) <= 1.7976931348623157e308 THEN  -- beyond it the Java double is infinite: no cost
      cost := n::double precision;
    END IF;
  END IF;
  IF is_end AND json_typeof(d -> 'duration_ms') = 'number' THEN
    n := (d ->> 'duration_ms')::numeric;
    IF n >= 0 AND n <= 9223372036854775807 THEN
      duration := trunc(n)::bigint;
    END IF;
  END IF;
  IF kind <> 'agent_invoked' OR s1_agent IS NULL OR starts_with(s1_agent, 'system') THEN
    s1_agent := NULL;
  END IF;

  INSERT INTO vsm.task_history AS h (
    task_id, first_seq,
    started_seq, started_at, description_seq, description, complexity_seq, complexity,
    status_seq, status, ended_at, costs, duration_ms, agents)
  VALUES (
    task, s,
    CASE WHEN kind = 'task_started' THEN s END,
    CASE WHEN kind = 'task_started' THEN e ->> 'timestamp' END,
    CASE WHEN new_description IS NOT NULL THEN s END, new_description,
    CASE WHEN new_complexity IS NOT NULL THEN s END, new_complexity,
    CASE WHEN is_end OR kind = 'task_resumed' THEN s END, new_status,
    CASE WHEN kind IN ('task_completed', 'task_failed') THEN e ->> 'timestamp' END,
    CASE WHEN cost IS NOT NULL THEN jsonb_build_object(s::text, cost) ELSE '{}' END,
    duration,
    CASE WHEN s1_agent IS NOT NULL THEN jsonb_build_object(s1_agent, s) ELSE '{}' END)
  ON CONFLICT (task_id) DO UPDATE SET
    first_seq = least(h.first_seq, excluded.first_seq),
    started_seq = least(h.started_seq, excluded.started_seq),
    started_at = CASE
        WHEN excluded.started_seq < h.started_seq OR h.started_seq IS NULL
        THEN excluded.started_at ELSE h.started_at END,
    description_seq = greatest(h.description_seq, excluded.description_seq),
    description = vsm.given_last(
        h.description_seq, h.description, excluded.description_seq, excluded.description),
    complexity_seq = greatest(h.complexity_seq, excluded.complexity_seq),
    complexity = vsm.given_last(
        h.complexity_seq, h.complexity, excluded.complexity_seq, excluded.complexity),
    status_seq = greatest(h.status_seq, excluded.status_seq),
    status = vsm.given_last(h.status_seq, h.status, excluded.status_seq, excluded.status),
    ended_at = vsm.given_last(h.status_seq, h.ended_at, excluded.status_seq, excluded.ended_at),
    costs = h.costs || excluded.costs,
    duration_ms = CASE WHEN excluded.duration_ms IS NULL THEN h.duration_ms
        ELSE least(coalesce(h.duration_ms, 0)::numeric + excluded.duration_ms,
                   9223372036854775807)::bigint END,
    agents = CASE WHEN s1_agent IS NULL OR (h.agents ->> s1_agent)::bigint < s THEN h.agents
        ELSE h.agents || excluded.agents END;
END
$fold$;

CREATE FUNCTION vsm.task_history_append() RETURNS trigger LANGUAGE plpgsql AS $append$
BEGIN
  PERFORM vsm.task_history_fold(NEW.seq, NEW.entry);
  RETURN NULL;
END
$append$;

-- Creating the trigger locks the log against appends until this migration commits, so the back-fill
-- below sees every entry appended before, and the trigger every one after.
CREATE TRIGGER task_history AFTER INSERT ON vsm.execution_log FOR EACH ROW
  WHEN (NEW.task_id <> '' AND NEW.event_type IN
      ('task_started', 'task_completed', 'task_failed', 'agent_invoked', 'allocation_made',
       'task_planned', 'task_resumed'))
  EXECUTE FUNCTION vsm.task_history_append();

SELECT vsm.task_history_fold(seq, entry) FROM vsm.execution_log
  WHERE task_id <> '' AND event_type IN
      ('task_started', 'task_completed', 'task_failed', 'agent_invoked', 'allocation_made',
       'task_planned', 'task_resumed')
  ORDER BY seq;

-- vsm tasks no longer reads the log by event type; the index only cost every append.
DROP INDEX vsm.execution_log_event_type;
