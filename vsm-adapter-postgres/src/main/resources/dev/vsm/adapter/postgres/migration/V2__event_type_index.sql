-- vsm tasks folds a few kinds of entries: read them through an index when they are few.
CREATE INDEX execution_log_event_type ON vsm.execution_log (event_type, seq);
