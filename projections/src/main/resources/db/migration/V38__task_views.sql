-- Seed 002: sessions, their tasks (the plan with each step's status), and what the tasks produced.
CREATE TABLE task_session_view (
    id                VARCHAR(40) PRIMARY KEY,
    tenant_id         VARCHAR(40) NOT NULL,
    created_by        VARCHAR(40) NOT NULL,
    name              TEXT        NOT NULL,
    working_directory TEXT,
    deleted           BOOLEAN     NOT NULL DEFAULT false,
    task_count        INT         NOT NULL DEFAULT 0,
    version           BIGINT      NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX task_session_view_tenant ON task_session_view (tenant_id, created_at DESC) WHERE NOT deleted;

CREATE TABLE task_view (
    id           VARCHAR(40) PRIMARY KEY,
    tenant_id    VARCHAR(40) NOT NULL,
    session_id   VARCHAR(40) NOT NULL,
    created_by   VARCHAR(40) NOT NULL,
    description  TEXT        NOT NULL,
    model        TEXT,
    provider     TEXT,
    status       VARCHAR(16) NOT NULL,
    iterations   INT         NOT NULL DEFAULT 0,
    plan         JSONB       NOT NULL DEFAULT '[]',
    summary      TEXT,
    error        TEXT,
    error_code   VARCHAR(40),
    version      BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX task_view_session ON task_view (session_id, created_at);

CREATE TABLE task_artifact_view (
    id           VARCHAR(40) PRIMARY KEY,
    task_id      VARCHAR(40) NOT NULL,
    tenant_id    VARCHAR(40) NOT NULL,
    step_id      VARCHAR(40),
    name         TEXT        NOT NULL,
    type         VARCHAR(16) NOT NULL,
    content_type TEXT        NOT NULL,
    size         BIGINT      NOT NULL,
    sha256       CHAR(64)    NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX task_artifact_view_task ON task_artifact_view (task_id, created_at);
