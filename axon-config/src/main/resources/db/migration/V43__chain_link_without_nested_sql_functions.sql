-- The same link as V5's (SHA-256 over the previous link and the event's fields, each as its length and
-- bytes), computed without nested SQL functions. Those could not be inlined (convert_to is only stable),
-- so each seal, a statement of its own, planned event_chain_link and its eight field functions afresh:
-- about a quarter of a one-event seal's time. PL/pgSQL keeps its plans for the session.
CREATE OR REPLACE FUNCTION event_chain_link(previous BYTEA, e domain_event_entry) RETURNS BYTEA
    LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    id BYTEA := convert_to(e.event_identifier, 'UTF8');
    kind BYTEA := convert_to(e.type, 'UTF8');
    aggregate BYTEA := convert_to(e.aggregate_identifier, 'UTF8');
    stamp BYTEA := convert_to(e.time_stamp, 'UTF8');
    payload_type BYTEA := convert_to(e.payload_type, 'UTF8');
    revision BYTEA := convert_to(e.payload_revision, 'UTF8');
BEGIN
    RETURN sha256(previous
        || int8send(e.global_index)
        || int4send(COALESCE(length(id), -1)) || COALESCE(id, ''::BYTEA)
        || int4send(COALESCE(length(kind), -1)) || COALESCE(kind, ''::BYTEA)
        || int4send(COALESCE(length(aggregate), -1)) || COALESCE(aggregate, ''::BYTEA)
        || int8send(e.sequence_number)
        || int4send(COALESCE(length(stamp), -1)) || COALESCE(stamp, ''::BYTEA)
        || int4send(COALESCE(length(payload_type), -1)) || COALESCE(payload_type, ''::BYTEA)
        || int4send(COALESCE(length(revision), -1)) || COALESCE(revision, ''::BYTEA)
        || int4send(COALESCE(length(e.payload), -1)) || COALESCE(e.payload, ''::BYTEA)
        || int4send(COALESCE(length(e.meta_data), -1)) || COALESCE(e.meta_data, ''::BYTEA));
END $$;

DROP FUNCTION event_chain_text(TEXT);
DROP FUNCTION event_chain_field(BYTEA);
