CREATE TABLE connector_view (
    id                VARCHAR(64)  PRIMARY KEY,
    tenant_id         VARCHAR(64)  NOT NULL,
    owner_id          VARCHAR(64)  NOT NULL,
    provider          VARCHAR(64)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    scopes            JSONB        NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    last_sync         TIMESTAMPTZ,
    sync_frequency    INT          NOT NULL,
    settings          JSONB        NOT NULL DEFAULT '{}',
    is_enabled        BOOLEAN      NOT NULL DEFAULT true,
    token_expires_at  TIMESTAMPTZ,
    error_message     TEXT,
    last_sync_id      VARCHAR(64),
    last_sync_status  VARCHAR(16),
    last_sync_items   INT,
    last_sync_errors  JSONB,
    removed           BOOLEAN      NOT NULL DEFAULT false,
    version           BIGINT       NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX connector_view_tenant ON connector_view (tenant_id, created_at DESC) WHERE NOT removed;
