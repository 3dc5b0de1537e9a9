-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue, default schema; PostgreSQL folds the
-- names to lower case). Text columns throughout: a parked event must never fail to park for its length.
CREATE TABLE deadletterentry (
    deadletteridentifier TEXT   NOT NULL PRIMARY KEY,
    processinggroup      TEXT   NOT NULL,
    sequenceidentifier   TEXT   NOT NULL,
    sequenceindex        BIGINT NOT NULL,
    messagetype          TEXT   NOT NULL,
    eventidentifier      TEXT   NOT NULL,
    timestamp            TEXT   NOT NULL,
    payloadtype          TEXT   NOT NULL,
    payloadrevision      TEXT,
    payload              BYTEA  NOT NULL,
    metadata             BYTEA,
    type                 TEXT,
    aggregateidentifier  TEXT,
    sequencenumber       BIGINT,
    tokentype            TEXT,
    token                BYTEA,
    enqueuedat           TEXT   NOT NULL,
    lasttouched          TEXT,
    processingstarted    TEXT,
    causetype            TEXT,
    causemessage         TEXT,
    diagnostics          BYTEA,
    CONSTRAINT deadletterentry_sequence_index UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
CREATE INDEX deadletterentry_group ON deadletterentry (processinggroup);
CREATE INDEX deadletterentry_sequence ON deadletterentry (processinggroup, sequenceidentifier);
