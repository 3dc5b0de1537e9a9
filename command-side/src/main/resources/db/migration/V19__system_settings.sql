-- Each tenant's current settings (only those set; the rest have their defaults), kept in the transaction
-- of the configuration's events so every command sees the newest values.
CREATE TABLE system_setting (
    tenant_id  VARCHAR(64)  NOT NULL,
    key        VARCHAR(100) NOT NULL,
    value      JSONB        NOT NULL,
    PRIMARY KEY (tenant_id, key)
);
