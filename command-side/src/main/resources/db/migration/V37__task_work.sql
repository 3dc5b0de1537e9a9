-- Seed 002 tasks that have work to do: kept by a subscribing processor in the same transaction as their
-- events, leased by task workers (a dead worker's task is failed by the next claim, never run twice).
CREATE TABLE task_work (
    task_id     VARCHAR(40) PRIMARY KEY,
    tenant_id   VARCHAR(40) NOT NULL,
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_by  VARCHAR(80),
    lease_until TIMESTAMPTZ
);
