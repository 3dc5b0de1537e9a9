-- Live readers wait for new events instead of polling the table: every transaction that stores
-- events sends one notification, delivered only once it commits (identical notifications collapse).
CREATE FUNCTION domain_event_entry_notify() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('agentledger_events', '');
    RETURN NULL;
END $$;

CREATE TRIGGER domain_event_entry_notify AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION domain_event_entry_notify();
