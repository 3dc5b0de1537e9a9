package io.agentledger.kernel.session;

import org.axonframework.serialization.Revision;

/**
 * A login attempt was refused. Published without an aggregate, since the identifier may name
 * nobody; {@code userId} and {@code tenantId} are set when it named a known user.
 */
@Revision("1")
public record LoginFailed(String identifier, String userId, String tenantId, String reason) {
}
