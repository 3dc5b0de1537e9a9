-- Workflow executions that have work to do: kept by a subscribing processor in the same transaction
-- as their events, leased by workflow workers (a dead worker's execution is taken up again when its
-- lease ends).
CREATE TABLE workflow_work (
    execution_id VARCHAR(40) PRIMARY KEY,
    tenant_id    VARCHAR(40) NOT NULL,
    enqueued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_by   VARCHAR(80),
    lease_until  TIMESTAMPTZ
);
