-- Command-side state kept in step with the events by a subscribing processor (same transaction):
-- set-based checks (unique email and username) and the per-request authentication checks.
CREATE TABLE identity_user_lookup (
    user_id   VARCHAR(40)  PRIMARY KEY,
    tenant_id VARCHAR(40)  NOT NULL,
    email     VARCHAR(320) NOT NULL,
    username  VARCHAR(64)  NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    role      VARCHAR(16)  NOT NULL,
    active    BOOLEAN      NOT NULL
);
CREATE UNIQUE INDEX identity_user_lookup_email ON identity_user_lookup (lower(email));
CREATE UNIQUE INDEX identity_user_lookup_username ON identity_user_lookup (lower(username));

CREATE TABLE identity_session_lookup (
    session_id VARCHAR(40) PRIMARY KEY,
    user_id    VARCHAR(40) NOT NULL,
    ended      BOOLEAN     NOT NULL
);

CREATE TABLE identity_api_key_lookup (
    api_key_id   VARCHAR(40) PRIMARY KEY,
    user_id      VARCHAR(40) NOT NULL,
    tenant_id    VARCHAR(40) NOT NULL,
    expires_at   TIMESTAMPTZ,
    revoked      BOOLEAN     NOT NULL,
    last_used_at TIMESTAMPTZ
);

-- Secret material that must never enter an event: password digests (bcrypt), API key and
-- invitation token digests (SHA-256 of high-entropy random values).
CREATE TABLE credential_vault (
    subject_id VARCHAR(40)  NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    digest     VARCHAR(100) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (subject_id, kind)
);
CREATE INDEX credential_vault_digest ON credential_vault (kind, digest);
