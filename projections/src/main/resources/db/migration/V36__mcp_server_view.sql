CREATE TABLE mcp_server_view (
    id             VARCHAR(40)  PRIMARY KEY,
    tenant_id      VARCHAR(40)  NOT NULL,
    registered_by  VARCHAR(40)  NOT NULL,
    name           TEXT         NOT NULL,
    description    TEXT,
    command        TEXT,
    args           JSONB        NOT NULL,
    url            TEXT,
    env            JSONB        NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    status_message TEXT,
    tools          JSONB        NOT NULL,
    connected_at   TIMESTAMPTZ,
    deleted        BOOLEAN      NOT NULL DEFAULT false,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX mcp_server_view_tenant ON mcp_server_view (tenant_id, created_at) WHERE NOT deleted;
