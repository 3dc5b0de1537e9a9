-- Seed 003's voice: each user's settings and trained phrases, and every command with its transcript, intent
-- and answer (recordings stay files; their digest is here and in the events).
CREATE TABLE voice_profile_view (
    id        VARCHAR(60) PRIMARY KEY,
    tenant_id VARCHAR(40) NOT NULL,
    user_id   VARCHAR(40) NOT NULL,
    settings  JSONB       NOT NULL DEFAULT '{}',
    phrases   JSONB       NOT NULL DEFAULT '[]',
    version   BIGINT      NOT NULL
);

CREATE TABLE voice_command_view (
    id                       VARCHAR(40) PRIMARY KEY,
    tenant_id                VARCHAR(40) NOT NULL,
    user_id                  VARCHAR(40) NOT NULL,
    source                   VARCHAR(16) NOT NULL,
    transcript               TEXT        NOT NULL,
    transcription_confidence DOUBLE PRECISION NOT NULL,
    language                 VARCHAR(20),
    audio_sha256             CHAR(64),
    audio_bytes              BIGINT      NOT NULL,
    intent                   VARCHAR(64) NOT NULL,
    entities                 JSONB       NOT NULL,
    intent_confidence        DOUBLE PRECISION NOT NULL,
    agent_id                 VARCHAR(40),
    agent_number             BIGINT,
    execution_id             VARCHAR(40),
    response                 TEXT,
    understood               BOOLEAN     NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL
);
CREATE INDEX voice_command_view_user ON voice_command_view (tenant_id, user_id, created_at DESC);
