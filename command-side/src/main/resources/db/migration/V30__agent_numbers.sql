-- each tenant's last agent number (seed 003's agent_number), handed out before registration
CREATE TABLE agent_number (
    tenant_id VARCHAR(64) PRIMARY KEY,
    last      BIGINT      NOT NULL
);
