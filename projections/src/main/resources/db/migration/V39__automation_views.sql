-- Seed 000's automations and each of their firings (the event that fired it and what it started).
CREATE TABLE automation_view (
    id            VARCHAR(40) PRIMARY KEY,
    tenant_id     VARCHAR(40) NOT NULL,
    created_by    VARCHAR(40) NOT NULL,
    name          TEXT        NOT NULL,
    description   TEXT,
    trigger_type  VARCHAR(32) NOT NULL,
    trigger       JSONB       NOT NULL,
    workflow      JSONB       NOT NULL,
    is_active     BOOLEAN     NOT NULL,
    deleted       BOOLEAN     NOT NULL DEFAULT false,
    fire_count    BIGINT      NOT NULL DEFAULT 0,
    last_fired_at TIMESTAMPTZ,
    version       BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX automation_view_tenant ON automation_view (tenant_id, created_at DESC) WHERE NOT deleted;

CREATE TABLE automation_firing_view (
    id                 VARCHAR(40) PRIMARY KEY,
    automation_id      VARCHAR(40) NOT NULL,
    tenant_id          VARCHAR(40) NOT NULL,
    trigger_event_id   VARCHAR(100) NOT NULL,
    trigger_event_type VARCHAR(100) NOT NULL,
    trigger_item       TEXT,
    started_type       VARCHAR(32) NOT NULL,
    started_id         VARCHAR(60) NOT NULL,
    run_id             VARCHAR(60),
    fired_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX automation_firing_view_automation ON automation_firing_view (automation_id, fired_at DESC);
