CREATE TABLE approval_view (
    id             VARCHAR(40)    PRIMARY KEY,
    tenant_id      VARCHAR(40)    NOT NULL,
    run_id         VARCHAR(40)    NOT NULL,
    goal_id        VARCHAR(40)    NOT NULL,
    node           VARCHAR(64)    NOT NULL,
    action         VARCHAR(100)   NOT NULL,
    payload        JSONB          NOT NULL,
    reason         TEXT,
    estimated_cost NUMERIC(14, 4),
    state          VARCHAR(16)    NOT NULL,
    decided_by     VARCHAR(40),
    comments       TEXT,
    changes        JSONB          NOT NULL DEFAULT '{}',
    deadline       TIMESTAMPTZ    NOT NULL,
    decided_at     TIMESTAMPTZ,
    version        BIGINT         NOT NULL,
    created_at     TIMESTAMPTZ    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL
);
CREATE INDEX approval_view_tenant_created ON approval_view (tenant_id, created_at DESC);
CREATE INDEX approval_view_run ON approval_view (run_id, created_at);
