package io.agentledger.kernel.connector;

/** {@code ERROR}: its tokens could not be refreshed; it needs connecting again. */
public enum ConnectorStatus {
    ACTIVE,
    ERROR
}
