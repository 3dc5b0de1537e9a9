package io.agentledger.query.live;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as live readers see it: where it stands in the global order, and its payload as
 * the kernel type it was stored as ({@code payload}) and as the JSON it was stored as ({@code json}).
 * {@code tenantId} is the acting tenant from the metadata, else the one the payload names.
 */
public record FeedEvent(long position, Instant timestamp, String eventId, String aggregateType, String aggregateId,
                        long sequence, String type, Object payload, JsonNode json, JsonNode metadata,
                        String tenantId) {

    public String userId() {
        JsonNode user = metadata.path("user_id");
        return user.isTextual() ? user.asText() : null;
    }
}
