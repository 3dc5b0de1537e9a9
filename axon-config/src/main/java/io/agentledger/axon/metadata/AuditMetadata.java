package io.agentledger.axon.metadata;

import java.util.List;

/** The metadata keys every stored event carries: who, from where, and in answer to what. */
public final class AuditMetadata {

    public static final String USER_ID = "user_id";
    public static final String TENANT_ID = "tenant_id";
    public static final String CLIENT_IP = "client_ip";
    public static final String USER_AGENT = "user_agent";
    public static final String REQUEST_ID = "request_id";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";

    /** Copied unchanged from a message to every message it causes. */
    public static final List<String> PROPAGATED = List.of(USER_ID, TENANT_ID, CLIENT_IP, USER_AGENT, REQUEST_ID);

    private AuditMetadata() {
    }
}
