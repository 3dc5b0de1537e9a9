CREATE TABLE workflow_view (
    id          VARCHAR(40)  PRIMARY KEY,
    tenant_id   VARCHAR(40)  NOT NULL,
    created_by  VARCHAR(40)  NOT NULL,
    name        TEXT         NOT NULL,
    description TEXT,
    definition  JSONB        NOT NULL,
    is_active   BOOLEAN      NOT NULL,
    deleted     BOOLEAN      NOT NULL DEFAULT false,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX workflow_view_tenant ON workflow_view (tenant_id, created_at DESC) WHERE NOT deleted;

-- every saved version of every workflow, for history and as_of
CREATE TABLE workflow_version_view (
    workflow_id VARCHAR(40)  NOT NULL,
    version     BIGINT       NOT NULL,
    tenant_id   VARCHAR(40)  NOT NULL,
    name        TEXT         NOT NULL,
    description TEXT,
    definition  JSONB        NOT NULL,
    is_active   BOOLEAN      NOT NULL,
    deleted     BOOLEAN      NOT NULL,
    saved_by    VARCHAR(40)  NOT NULL,
    saved_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (workflow_id, version)
);

CREATE TABLE workflow_execution_view (
    id               VARCHAR(40)  PRIMARY KEY,
    tenant_id        VARCHAR(40)  NOT NULL,
    workflow_id      VARCHAR(40)  NOT NULL,
    workflow_version BIGINT       NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    mode             VARCHAR(16)  NOT NULL,
    trigger_type     VARCHAR(32)  NOT NULL,
    trigger_id       VARCHAR(80),
    input            JSONB,
    output           JSONB,
    error            TEXT,
    failed_node      VARCHAR(100),
    paused_at        VARCHAR(100),
    started_by       VARCHAR(40)  NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ,
    duration_ms      BIGINT,
    version          BIGINT       NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX workflow_execution_view_tenant ON workflow_execution_view (tenant_id, started_at DESC);
CREATE INDEX workflow_execution_view_workflow ON workflow_execution_view (workflow_id, started_at DESC);

-- each node attempt (attempt 0: the node was skipped); seq is the execution event last applied to the row
CREATE TABLE workflow_node_log (
    execution_id VARCHAR(40)  NOT NULL,
    node_id      VARCHAR(100) NOT NULL,
    attempt      INT          NOT NULL,
    tenant_id    VARCHAR(40)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    input        JSONB,
    output       JSONB,
    error        TEXT,
    started_at   TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    duration_ms  BIGINT,
    seq          BIGINT       NOT NULL,
    PRIMARY KEY (execution_id, node_id, attempt)
);
