package io.agentledger.kernel.audit;

import org.axonframework.serialization.Revision;

/**
 * A change someone asked for and was refused (authorization, validation or a business rule),
 * on record like any other event. Never carries the request body.
 */
@Revision("1")
public record RequestRejected(String tenantId, String userId, String method, String path, int status, String code,
                              String detail) {
}
