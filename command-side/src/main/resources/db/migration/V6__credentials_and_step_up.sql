-- Command-side state for credentials and step-up: kept beside the event store, never in it.

-- One data key per credential, wrapped (AES-256-GCM) by a master key. Destroying the wrapped key
-- (crypto-shredding) leaves the credential's events in history, unreadable.
CREATE TABLE credential_data_key (
    key_id        VARCHAR(64) PRIMARY KEY,
    credential_id VARCHAR(64) NOT NULL,
    master_key_id VARCHAR(64),
    wrapped_key   BYTEA,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    destroyed_at  TIMESTAMPTZ
);

-- Secret names are unique in a tenant; kept in the transaction that stores the secret's event.
CREATE TABLE secret_name (
    tenant_id     VARCHAR(64)  NOT NULL,
    name          VARCHAR(128) NOT NULL,
    credential_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

-- WebAuthn authenticators (public keys and signature counters), from the step-up events.
CREATE TABLE webauthn_authenticator (
    authenticator_id         VARCHAR(64) PRIMARY KEY,
    user_id                  VARCHAR(64) NOT NULL,
    credential_id            TEXT        NOT NULL UNIQUE,
    attested_credential_data BYTEA       NOT NULL,
    sign_count               BIGINT      NOT NULL
);
CREATE INDEX webauthn_authenticator_user ON webauthn_authenticator (user_id);

-- The challenge of a registration or an assertion in progress: one per user and purpose, single use.
CREATE TABLE webauthn_challenge (
    user_id    VARCHAR(64) NOT NULL,
    purpose    VARCHAR(16) NOT NULL,
    challenge  BYTEA       NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, purpose)
);

-- One-time backup codes, as SHA-256 digests.
CREATE TABLE backup_code (
    user_id VARCHAR(64) NOT NULL,
    digest  BYTEA       NOT NULL,
    used_at TIMESTAMPTZ,
    PRIMARY KEY (user_id, digest)
);

-- Step-ups in force, per session or API key, from the step-up events.
CREATE TABLE step_up_grant (
    principal   VARCHAR(64) PRIMARY KEY,
    user_id     VARCHAR(64) NOT NULL,
    valid_until TIMESTAMPTZ NOT NULL
);
