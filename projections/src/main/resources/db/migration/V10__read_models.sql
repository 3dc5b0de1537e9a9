-- Read models: written only by event handlers, dropped and rebuilt by replay.
CREATE TABLE goal_view (
    id              VARCHAR(40)   PRIMARY KEY,
    tenant_id       VARCHAR(40)   NOT NULL,
    created_by      VARCHAR(40)   NOT NULL,
    text            TEXT          NOT NULL,
    autonomy_level  VARCHAR(2)    NOT NULL,
    constraints     JSONB         NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    priority        VARCHAR(16)   NOT NULL,
    due_date        TIMESTAMPTZ,
    estimated_hours NUMERIC(12, 2),
    actual_hours    NUMERIC(12, 2),
    metadata        JSONB         NOT NULL,
    version         BIGINT        NOT NULL,
    deleted         BOOLEAN       NOT NULL DEFAULT false,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX goal_view_tenant_created ON goal_view (tenant_id, created_at DESC) WHERE NOT deleted;

CREATE TABLE run_view (
    id            VARCHAR(40)    PRIMARY KEY,
    tenant_id     VARCHAR(40)    NOT NULL,
    goal_id       VARCHAR(40)    NOT NULL,
    created_by    VARCHAR(40)    NOT NULL,
    graph_version VARCHAR(20)    NOT NULL,
    status        VARCHAR(16)    NOT NULL,
    current_node  VARCHAR(64),
    cost          NUMERIC(14, 4) NOT NULL DEFAULT 0,
    started_at    TIMESTAMPTZ,
    completed_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ    NOT NULL,
    updated_at    TIMESTAMPTZ    NOT NULL
);
CREATE INDEX run_view_goal ON run_view (goal_id, created_at);

CREATE TABLE user_view (
    id          VARCHAR(40)  PRIMARY KEY,
    tenant_id   VARCHAR(40)  NOT NULL,
    email       VARCHAR(320) NOT NULL,
    username    VARCHAR(64)  NOT NULL,
    full_name   VARCHAR(200) NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    settings    JSONB        NOT NULL DEFAULT '{}',
    is_active   BOOLEAN      NOT NULL,
    is_verified BOOLEAN      NOT NULL DEFAULT false,
    last_login  TIMESTAMPTZ,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX user_view_tenant ON user_view (tenant_id, created_at);

CREATE TABLE api_key_view (
    id           VARCHAR(40)  PRIMARY KEY,
    user_id      VARCHAR(40)  NOT NULL,
    tenant_id    VARCHAR(40)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    key_prefix   VARCHAR(20)  NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX api_key_view_user ON api_key_view (user_id, created_at);
