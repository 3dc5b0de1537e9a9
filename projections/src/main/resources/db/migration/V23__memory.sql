-- memory-directory: documents, the episodes and entities derived from them
CREATE TABLE memory_document (
    id             VARCHAR(64) PRIMARY KEY,
    tenant_id      VARCHAR(64)  NOT NULL,
    source_uri     TEXT         NOT NULL,
    app            VARCHAR(100),
    owner          VARCHAR(320),
    title          TEXT,
    mime_type      VARCHAR(200),
    file_size      BIGINT,
    hash           VARCHAR(200) NOT NULL,
    metadata       JSONB,
    tags           JSONB        NOT NULL,
    sensitivity    VARCHAR(20)  NOT NULL,
    uploaded_by    VARCHAR(64)  NOT NULL,
    ttl_days       INTEGER,
    expires_at     TIMESTAMPTZ,
    content_length INTEGER      NOT NULL,
    extractor      VARCHAR(200) NOT NULL,
    version        BIGINT       NOT NULL,
    -- a deleted or expired document keeps its row (and version) so that writers can wait for the removal
    removed        BOOLEAN      NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX memory_document_by_tenant ON memory_document (tenant_id, created_at DESC, id DESC);

CREATE TABLE memory_episode (
    id           VARCHAR(64) PRIMARY KEY,
    tenant_id    VARCHAR(64) NOT NULL,
    document_id  VARCHAR(64) NOT NULL,
    type         VARCHAR(20) NOT NULL,
    title        TEXT,
    summary      TEXT,
    participants JSONB       NOT NULL,
    sensitivity  VARCHAR(20) NOT NULL,
    uploaded_by  VARCHAR(64) NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX memory_episode_by_tenant ON memory_episode (tenant_id, occurred_at DESC, id DESC);

CREATE TABLE memory_entity (
    id            VARCHAR(64) PRIMARY KEY,
    tenant_id     VARCHAR(64) NOT NULL,
    type          VARCHAR(20) NOT NULL,
    name          TEXT        NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX memory_entity_by_tenant ON memory_entity (tenant_id, last_seen_at DESC, id DESC);

CREATE TABLE memory_entity_mention (
    entity_id   VARCHAR(64) NOT NULL,
    document_id VARCHAR(64) NOT NULL,
    tenant_id   VARCHAR(64) NOT NULL,
    sensitivity VARCHAR(20) NOT NULL,
    uploaded_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (entity_id, document_id)
);
CREATE INDEX memory_entity_mention_by_document ON memory_entity_mention (document_id);

-- memory-search: what the Elasticsearch projection has written, and the index a rebuild writes into
CREATE TABLE memory_search_state (
    document_id VARCHAR(64) PRIMARY KEY,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE memory_search_mention (
    entity_id   VARCHAR(64) NOT NULL,
    document_id VARCHAR(64) NOT NULL,
    tenant_id   VARCHAR(64) NOT NULL,
    type        VARCHAR(20) NOT NULL,
    name        TEXT        NOT NULL,
    sensitivity VARCHAR(20) NOT NULL,
    uploaded_by VARCHAR(64) NOT NULL,
    seen_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (entity_id, document_id)
);
CREATE INDEX memory_search_mention_by_document ON memory_search_mention (document_id);

CREATE TABLE search_index_rebuild (
    alias      VARCHAR(200) PRIMARY KEY,
    index_name VARCHAR(200) NOT NULL
);

-- agent-memory: seed 003's per-agent memory
CREATE TABLE agent_memory (
    id          VARCHAR(64) PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    agent_id    VARCHAR(64)  NOT NULL,
    memory_type VARCHAR(100) NOT NULL,
    content     JSONB        NOT NULL,
    tags        JSONB        NOT NULL,
    stored_by   VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ
);
CREATE INDEX agent_memory_by_agent ON agent_memory (tenant_id, agent_id, created_at DESC, id DESC);
