-- Command-side state for connectors, beside the event store.

-- OAuth `state` values handed out by /oauth/start: stored hashed, single-use, short-lived.
CREATE TABLE connector_oauth_state (
    state_hash  BYTEA        PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    provider    VARCHAR(64)  NOT NULL,
    name        VARCHAR(200),
    expires_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ
);

-- Which connectors' tokens to refresh and when, kept from the connector events (subscribing processor).
CREATE TABLE connector_token (
    connector_id     VARCHAR(64) PRIMARY KEY,
    tenant_id        VARCHAR(64) NOT NULL,
    owner_id         VARCHAR(64) NOT NULL,
    provider         VARCHAR(64) NOT NULL,
    credential_id    VARCHAR(64) NOT NULL,
    token_expires_at TIMESTAMPTZ,
    refreshable      BOOLEAN     NOT NULL,
    failed           BOOLEAN     NOT NULL DEFAULT false,
    lease_until      TIMESTAMPTZ
);
CREATE INDEX connector_token_due ON connector_token (token_expires_at) WHERE refreshable AND NOT failed;
