-- Runs as seed 000 shows them: checkpoints per node, artifacts, cost and metrics.
ALTER TABLE run_view
    ADD COLUMN checkpoints     JSONB   NOT NULL DEFAULT '{}',
    ADD COLUMN artifacts       JSONB   NOT NULL DEFAULT '{}',
    ADD COLUMN tokens_used     BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN api_calls       BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN execution_ms    BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN error_message   TEXT,
    ADD COLUMN version         BIGINT  NOT NULL DEFAULT 0;
CREATE INDEX run_view_tenant_created ON run_view (tenant_id, created_at DESC);
