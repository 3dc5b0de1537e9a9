CREATE TABLE audit_log (
    id            VARCHAR(64)  PRIMARY KEY,
    position      BIGINT       NOT NULL,
    tenant_id     VARCHAR(40),
    user_id       VARCHAR(80),
    action        VARCHAR(80)  NOT NULL,
    resource_type VARCHAR(40)  NOT NULL,
    resource_id   VARCHAR(200),
    details       JSONB        NOT NULL,
    ip_address    VARCHAR(64),
    user_agent    VARCHAR(512),
    success       BOOLEAN      NOT NULL,
    error_message TEXT,
    created_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX audit_log_tenant_created ON audit_log (tenant_id, created_at DESC, position DESC);
CREATE INDEX audit_log_resource ON audit_log (resource_type, resource_id);
