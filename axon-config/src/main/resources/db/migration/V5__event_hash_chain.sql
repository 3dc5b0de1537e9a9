-- Tamper evidence: every stored event carries a link, SHA-256 over the previous event's link and the
-- event's canonical bytes (see event_chain_link). The link is computed by the database in the
-- transaction that stores the event; appends are serialised on the chain head, which also makes
-- the global index follow commit order.

CREATE TABLE event_chain_head (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    position BIGINT   NOT NULL,
    link     BYTEA    NOT NULL
);
INSERT INTO event_chain_head (id, position, link) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

-- Signed snapshots of the head: HMAC-SHA256 with a key the database does not hold.
CREATE TABLE event_chain_checkpoint (
    position   BIGINT      PRIMARY KEY,
    link       BYTEA       NOT NULL,
    signature  BYTEA       NOT NULL,
    key_id     VARCHAR(16) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE domain_event_entry ADD COLUMN chain_link BYTEA;

-- A field as its length (4 bytes, big-endian; -1 for null) followed by its bytes.
CREATE FUNCTION event_chain_field(value BYTEA) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT int4send(COALESCE(length(value), -1)) || COALESCE(value, ''::bytea)
$$;

CREATE FUNCTION event_chain_text(value TEXT) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT event_chain_field(convert_to(value, 'UTF8'))
$$;

CREATE FUNCTION event_chain_link(previous BYTEA, e domain_event_entry) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(previous
        || int8send(e.global_index)
        || event_chain_text(e.event_identifier)
        || event_chain_text(e.type)
        || event_chain_text(e.aggregate_identifier)
        || int8send(e.sequence_number)
        || event_chain_text(e.time_stamp)
        || event_chain_text(e.payload_type)
        || event_chain_text(e.payload_revision)
        || event_chain_field(e.payload)
        || event_chain_field(e.meta_data))
$$;

-- Chain what a store upgraded to this version already holds, in order.
DO $$
DECLARE
    previous BYTEA := decode(repeat('00', 32), 'hex');
    last_position BIGINT := 0;
    e domain_event_entry;
BEGIN
    FOR e IN SELECT * FROM domain_event_entry ORDER BY global_index LOOP
        previous := event_chain_link(previous, e);
        last_position := e.global_index;
        UPDATE domain_event_entry SET chain_link = previous WHERE global_index = e.global_index;
    END LOOP;
    UPDATE event_chain_head SET position = last_position, link = previous WHERE id = 1;
END $$;

ALTER TABLE domain_event_entry ALTER COLUMN global_index DROP DEFAULT;

CREATE FUNCTION domain_event_entry_chain() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    head event_chain_head%ROWTYPE;
BEGIN
    SELECT * INTO head FROM event_chain_head WHERE id = 1 FOR UPDATE;
    NEW.global_index := nextval('domain_event_entry_global_index_seq');
    NEW.chain_link := event_chain_link(head.link, NEW);
    UPDATE event_chain_head SET position = NEW.global_index, link = NEW.chain_link WHERE id = 1;
    RETURN NEW;
END $$;

CREATE TRIGGER domain_event_entry_chain BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION domain_event_entry_chain();
