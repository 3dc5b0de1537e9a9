package io.agentledger.query.live;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which events a subscription wants, said twice: as a predicate over events in memory and as the SQL
 * condition that selects the same rows from the event store. The two must agree.
 */
public record FeedFilter(Predicate<FeedEvent> test, String sql, List<Object> parameters) {

    static final String PAYLOAD = "convert_from(payload, 'UTF8')::jsonb";
    /** The event store's tenant column (V25): the metadata's tenant, else the payload's, through an index. */
    static final String TENANT_SQL = "tenant_id";

    public static FeedFilter all() {
        return new FeedFilter(e -> true, "TRUE", List.of());
    }

    public static FeedFilter tenant(String tenantId) {
        return new FeedFilter(e -> tenantId.equals(e.tenantId()), TENANT_SQL + " = ?", List.of(tenantId));
    }

    public static FeedFilter aggregate(String aggregateId) {
        return new FeedFilter(e -> aggregateId.equals(e.aggregateId()), "aggregate_identifier = ?",
                List.of(aggregateId));
    }

    /** Events of the aggregate type ({@code RunAggregate}, say); non-domain events have none. */
    public static FeedFilter aggregateType(String type) {
        return new FeedFilter(e -> type.equals(e.aggregateType()), "type = ?", List.of(type));
    }

    /** Events of {@code aggregateType} whose payload has {@code field} equal to {@code value}. */
    public static FeedFilter payloadField(String aggregateType, String field, String value) {
        return new FeedFilter(e -> aggregateType.equals(e.aggregateType()) && value.equals(e.json().path(field)
                .asText(null)), "(type = ? AND " + PAYLOAD + " ->> '" + field + "' = ?)",
                List.of(aggregateType, value));
    }

    public FeedFilter and(FeedFilter other) {
        return new FeedFilter(test.and(other.test), "(" + sql + ") AND (" + other.sql + ")",
                concat(parameters, other.parameters));
    }

    public FeedFilter or(FeedFilter other) {
        return new FeedFilter(test.or(other.test), "(" + sql + ") OR (" + other.sql + ")",
                concat(parameters, other.parameters));
    }

    private static List<Object> concat(List<Object> first, List<Object> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
