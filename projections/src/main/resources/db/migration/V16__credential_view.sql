CREATE TABLE credential_view (
    id              VARCHAR(64)  PRIMARY KEY,
    tenant_id       VARCHAR(64)  NOT NULL,
    owner_id        VARCHAR(64)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    name            VARCHAR(128) NOT NULL,
    credential_type VARCHAR(16),
    key_id          VARCHAR(64)  NOT NULL,
    description     TEXT,
    expires_at      TIMESTAMPTZ,
    last_used       TIMESTAMPTZ,
    usage_count     BIGINT       NOT NULL DEFAULT 0,
    auto_rotate     BOOLEAN      NOT NULL DEFAULT false,
    deleted         BOOLEAN      NOT NULL DEFAULT false,
    version         BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX credential_view_tenant ON credential_view (tenant_id, kind, created_at DESC) WHERE NOT deleted;
