-- Appends no longer wait for each other. Until V27 every append locked the chain head until its commit,
-- so all writes of the system took turns behind one fsync at a time. Now an event is stored at a
-- provisional position (negative, increasing) without a link, and a sealer chains committed events in
-- the order it finds them: it gives each its global index (so the global index still follows the chain
-- and has no holes a reader must wait for) and its link, in one transaction per batch. Readers of the
-- global order (processors, the live feed, exports, verification) see an event once it is sealed.

CREATE SEQUENCE domain_event_entry_provisional_seq;

CREATE OR REPLACE FUNCTION domain_event_entry_chain() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    NEW.global_index := nextval('domain_event_entry_provisional_seq') - 4611686018427387904;
    NEW.tenant_id := event_tenant(NEW.meta_data, NEW.payload);
    NEW.chain_link := NULL;
    RETURN NEW;
END $$;

-- the sealer waits for this; readers of sealed events wait for agentledger_events, which sealing sends
CREATE OR REPLACE FUNCTION domain_event_entry_notify() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('agentledger_appended', '');
    RETURN NULL;
END $$;

-- Seals up to max_events committed events with a provisional position above after_provisional, oldest
-- first. The head row lock makes sealers (of any node) take turns; appends never take it.
CREATE FUNCTION event_chain_seal(after_provisional BIGINT, max_events INT)
    RETURNS TABLE (sealed BIGINT, last_provisional BIGINT) LANGUAGE plpgsql AS $$
DECLARE
    head event_chain_head%ROWTYPE;
    e domain_event_entry;
    provisional BIGINT;
BEGIN
    sealed := 0;
    SELECT * INTO head FROM event_chain_head WHERE id = 1 FOR UPDATE;
    FOR e IN SELECT * FROM domain_event_entry WHERE global_index < 0 AND global_index > after_provisional
             ORDER BY global_index LIMIT max_events LOOP
        provisional := e.global_index;
        e.global_index := nextval('domain_event_entry_global_index_seq');
        e.chain_link := event_chain_link(head.link, e);
        UPDATE domain_event_entry SET global_index = e.global_index, chain_link = e.chain_link
            WHERE global_index = provisional;
        head.position := e.global_index;
        head.link := e.chain_link;
        sealed := sealed + 1;
        last_provisional := provisional;
    END LOOP;
    IF sealed > 0 THEN
        UPDATE event_chain_head SET position = head.position, link = head.link WHERE id = 1;
        PERFORM pg_notify('agentledger_events', '');
    END IF;
    RETURN NEXT;
END $$;
