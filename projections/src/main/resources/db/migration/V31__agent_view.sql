CREATE TABLE agent_view (
    id                 VARCHAR(40)  PRIMARY KEY,
    tenant_id          VARCHAR(40)  NOT NULL,
    created_by         VARCHAR(40)  NOT NULL,
    agent_number       BIGINT       NOT NULL,
    name               TEXT         NOT NULL,
    description        TEXT,
    status             VARCHAR(16)  NOT NULL,
    current_version_id VARCHAR(40),
    config             JSONB        NOT NULL,
    is_active          BOOLEAN      NOT NULL,
    voice_enabled      BOOLEAN      NOT NULL,
    version            BIGINT       NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX agent_view_tenant_created ON agent_view (tenant_id, created_at DESC);
