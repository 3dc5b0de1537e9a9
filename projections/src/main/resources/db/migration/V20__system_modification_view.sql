CREATE TABLE system_modification_view (
    id                VARCHAR(64)   PRIMARY KEY,
    tenant_id         VARCHAR(64)   NOT NULL,
    type              VARCHAR(32)   NOT NULL,
    description       TEXT          NOT NULL,
    before_state      JSONB         NOT NULL,
    after_state       JSONB         NOT NULL,
    applied_by        VARCHAR(64)   NOT NULL,
    applied_at        TIMESTAMPTZ   NOT NULL,
    impact_assessment TEXT,
    rolls_back        JSONB         NOT NULL,
    reason            TEXT,
    rolled_back_by    VARCHAR(64),
    version           BIGINT        NOT NULL
);
CREATE INDEX system_modification_view_tenant ON system_modification_view (tenant_id, applied_at DESC);
