-- The installation's owner, kept in step with PlatformOwnershipClaimed (subscribing processor).
CREATE TABLE platform_owner (
    id      SMALLINT    PRIMARY KEY CHECK (id = 1),
    user_id VARCHAR(40) NOT NULL
);
