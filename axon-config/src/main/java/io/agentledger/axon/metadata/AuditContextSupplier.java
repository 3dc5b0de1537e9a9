package io.agentledger.axon.metadata;

import java.util.Map;

/**
 * The audit metadata of whatever the current thread is doing on behalf of a client (an HTTP
 * request, say): user, tenant, client IP, user agent, request and correlation ids.
 * Empty when the thread acts for nobody.
 */
@FunctionalInterface
public interface AuditContextSupplier {

    Map<String, String> current();
}
