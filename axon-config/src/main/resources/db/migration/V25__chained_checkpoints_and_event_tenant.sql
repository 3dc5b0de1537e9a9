-- Each checkpoint also signs the one before it, so checkpoints cannot be dropped from the middle or
-- the end unnoticed. Rows from before this version have no predecessor and are checked alone.
ALTER TABLE event_chain_checkpoint ADD COLUMN previous_position BIGINT, ADD COLUMN previous_signature BYTEA;

-- The tenant an event belongs to, derived from its metadata (or payload) as it is stored, so that a
-- tenant's history is read through an index instead of by parsing every event.
ALTER TABLE domain_event_entry ADD COLUMN tenant_id VARCHAR(64);

-- JSON that jsonb refuses (an escaped NUL) falls back to a plain match on the metadata's text.
CREATE FUNCTION event_tenant(meta_data BYTEA, payload BYTEA) RETURNS VARCHAR LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN left(coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'tenant_id',
                         convert_from(payload, 'UTF8')::jsonb ->> 'tenant_id'), 64);
EXCEPTION WHEN others THEN
    RETURN left(substring(convert_from(meta_data, 'UTF8') FROM '"tenant_id"\s*:\s*"([^"\\]*)"'), 64);
END $$;

UPDATE domain_event_entry SET tenant_id = event_tenant(meta_data, payload);

CREATE INDEX domain_event_entry_tenant ON domain_event_entry (tenant_id, global_index);

CREATE OR REPLACE FUNCTION domain_event_entry_chain() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    head event_chain_head%ROWTYPE;
BEGIN
    SELECT * INTO head FROM event_chain_head WHERE id = 1 FOR UPDATE;
    NEW.global_index := nextval('domain_event_entry_global_index_seq');
    NEW.tenant_id := event_tenant(NEW.meta_data, NEW.payload);
    NEW.chain_link := event_chain_link(head.link, NEW);
    UPDATE event_chain_head SET position = NEW.global_index, link = NEW.chain_link WHERE id = 1;
    RETURN NEW;
END $$;
