-- The service instances sharing this database, kept by their heartbeats (database time).
CREATE TABLE cluster_node (
    node_id      VARCHAR(80) PRIMARY KEY,
    instance     UUID        NOT NULL,
    address      VARCHAR(300),
    started_at   TIMESTAMPTZ NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL
);

-- Bucket4j's token buckets shared by every node (state: Bucket4j's own serialised form).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(300) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expiry ON rate_limit_bucket (expires_at);
