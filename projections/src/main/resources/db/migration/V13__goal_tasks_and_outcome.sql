CREATE TABLE goal_task_view (
    goal_id         VARCHAR(40)    NOT NULL,
    id              VARCHAR(40)    NOT NULL,
    run_id          VARCHAR(40)    NOT NULL,
    position        INT            NOT NULL,
    title           TEXT           NOT NULL,
    description     TEXT,
    status          VARCHAR(16)    NOT NULL,
    assignee        VARCHAR(40),
    due_date        TIMESTAMPTZ,
    priority        VARCHAR(16)    NOT NULL,
    estimated_hours NUMERIC(12, 2),
    actual_hours    NUMERIC(12, 2),
    dependencies    JSONB          NOT NULL,
    tool_refs       JSONB          NOT NULL,
    metadata        JSONB          NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (goal_id, id)
);
CREATE INDEX goal_task_view_run ON goal_task_view (run_id, id);

ALTER TABLE goal_view
    ADD COLUMN summary   TEXT,
    ADD COLUMN artifacts JSONB NOT NULL DEFAULT '{}';
