-- The run engine's durable state, outside the event store but in step with it.

-- Runs that have work to do: kept by a subscribing processor in the same transaction as the run's
-- events, leased by engine workers (so a crashed worker's run is picked up again when its lease ends).
CREATE TABLE run_work (
    run_id      VARCHAR(40) PRIMARY KEY,
    tenant_id   VARCHAR(40) NOT NULL,
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_by  VARCHAR(80),
    lease_until TIMESTAMPTZ
);

-- Every tool execution under its idempotency key: a step done again returns the recorded result.
CREATE TABLE tool_invocation (
    idempotency_key VARCHAR(120) PRIMARY KEY,
    run_id          VARCHAR(40)  NOT NULL,
    tool            VARCHAR(100) NOT NULL,
    result          JSONB        NOT NULL,
    executed_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The effects of the built-in side-effecting and external tools (documents, calendar events,
-- emails to send), written in the same transaction as their tool_invocation row.
CREATE TABLE tool_outbox (
    idempotency_key VARCHAR(120) PRIMARY KEY,
    run_id          VARCHAR(40)  NOT NULL,
    channel         VARCHAR(40)  NOT NULL,
    payload         JSONB        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX tool_outbox_run ON tool_outbox (run_id);
