-- AI spend per tenant, UTC day, provider and model, summed from the runs' cost events.
CREATE TABLE ai_spend_daily (
    tenant_id     VARCHAR(64)    NOT NULL,
    day           DATE           NOT NULL,
    provider      VARCHAR(32)    NOT NULL,
    model         VARCHAR(200)   NOT NULL,
    cost          NUMERIC(18, 8) NOT NULL,
    input_tokens  BIGINT         NOT NULL,
    output_tokens BIGINT         NOT NULL,
    api_calls     BIGINT         NOT NULL,
    PRIMARY KEY (tenant_id, day, provider, model)
);
