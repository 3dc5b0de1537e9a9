-- an agent's uploaded packages; seq is the agent event last applied to the row (replays and the
-- inline and tracking projections may offer an event twice: an older one never overwrites a newer)
CREATE TABLE agent_version_view (
    id           VARCHAR(40)  PRIMARY KEY,
    tenant_id    VARCHAR(40)  NOT NULL,
    agent_id     VARCHAR(40)  NOT NULL,
    version      VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    uploaded_by  VARCHAR(40)  NOT NULL,
    tarball_path TEXT         NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    entrypoint   TEXT,
    runtime      VARCHAR(16),
    config       TEXT,
    error        TEXT,
    seq          BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX agent_version_view_agent ON agent_version_view (agent_id, created_at DESC);

CREATE TABLE agent_execution_view (
    id               VARCHAR(40)  PRIMARY KEY,
    tenant_id        VARCHAR(40)  NOT NULL,
    agent_id         VARCHAR(40)  NOT NULL,
    agent_version_id VARCHAR(40),
    user_id          VARCHAR(40)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    input_data       JSONB,
    command          JSONB,
    output_data      JSONB,
    error_message    TEXT,
    timed_out        BOOLEAN      NOT NULL DEFAULT false,
    duration_ms      BIGINT,
    timeout_ms       BIGINT       NOT NULL,
    started_at       TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    version          BIGINT       NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX agent_execution_view_tenant ON agent_execution_view (tenant_id, created_at DESC);
CREATE INDEX agent_execution_view_agent ON agent_execution_view (agent_id, created_at DESC);

-- build and runtime lines, each from the event that carried it
CREATE TABLE agent_log (
    event_id     VARCHAR(64)  NOT NULL,
    line_no      INT          NOT NULL,
    tenant_id    VARCHAR(40)  NOT NULL,
    agent_id     VARCHAR(40)  NOT NULL,
    version_id   VARCHAR(40),
    execution_id VARCHAR(40),
    at           TIMESTAMPTZ  NOT NULL,
    level        VARCHAR(16)  NOT NULL,
    source       VARCHAR(16)  NOT NULL,
    message      TEXT         NOT NULL,
    PRIMARY KEY (event_id, line_no)
);
CREATE INDEX agent_log_agent ON agent_log (agent_id, at, event_id, line_no);
CREATE INDEX agent_log_execution ON agent_log (execution_id, at, event_id, line_no) WHERE execution_id IS NOT NULL;
