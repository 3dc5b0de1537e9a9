-- Agent builds and executions waiting for a worker or being worked on: kept by a subscribing processor
-- in the same transaction as their events, leased by agent workers (a dead worker's entry is taken
-- up again when its lease ends).
CREATE TABLE agent_work (
    id          VARCHAR(40) PRIMARY KEY,
    kind        VARCHAR(16) NOT NULL,
    tenant_id   VARCHAR(40) NOT NULL,
    agent_id    VARCHAR(40) NOT NULL,
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_by  VARCHAR(80),
    lease_until TIMESTAMPTZ
);
CREATE INDEX agent_work_waiting ON agent_work (enqueued_at);
