package io.agentledger.app.observe;

import io.agentledger.app.processing.ProcessorProgress;
import io.agentledger.projection.spend.AiSpend;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of {@code /metrics} and {@code /system/performance} that come from the store and the
 * read models: process-wide (event store, projection lag) or of one tenant (goals, runs, AI spend).
 * The process-wide ones are Micrometer gauges as well.
 */
@Component
public class SystemFigures {

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final AiSpend spend;
    private final Clock clock;
    private final MeterRegistry meters;

    public SystemFigures(JdbcTemplate jdbc, EventProcessingConfiguration processing, AiSpend spend, Clock clock,
                         MeterRegistry meters) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.spend = spend;
        this.clock = clock;
        this.meters = meters;
    }

    /** Once the processors exist. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        Gauge.builder("agentledger.event_store.head", this, figures -> ProcessorProgress.head(figures.jdbc))
                .description("Global index of the newest stored event").register(meters);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("agentledger.projection.lag", streaming, this::lagOf).tag("processor", name)
                        .description("Events stored but not yet handled by the processor").register(meters);
            }
        });
    }

    /** events (newest global index) and size_bytes (table and indices) of the store. */
    public Map<String, Object> eventStore() {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("events", ProcessorProgress.head(jdbc));
        store.put("size_bytes", jdbc.queryForObject("SELECT pg_total_relation_size('domain_event_entry')", Long.class));
        return store;
    }

    /** max (events) and, per streaming processor, how many stored events it has yet to handle. */
    public Map<String, Object> projectionLag() {
        long head = ProcessorProgress.head(jdbc);
        Map<String, Object> processors = new LinkedHashMap<>();
        long max = 0;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                long lag = lag(head, streaming);
                processors.put(entry.getKey(), lag);
                max = Math.max(max, lag);
            }
        }
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("max_events", max);
        lag.put("processors", processors);
        return lag;
    }

    public long totalGoals(String tenantId) {
        return count("SELECT count(*) FROM goal_view WHERE tenant_id = ? AND NOT deleted", tenantId);
    }

    public long totalRuns(String tenantId) {
        return count("SELECT count(*) FROM run_view WHERE tenant_id = ?", tenantId);
    }

    /** Runs by status (lower case), every status present. */
    public Map<String, Long> runsByStatus(String tenantId) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String status : new String[]{"pending", "running", "paused", "completed", "failed", "cancelled"}) {
            byStatus.put(status, 0L);
        }
        jdbc.query("SELECT lower(status), count(*) FROM run_view WHERE tenant_id = ? GROUP BY status",
                row -> { byStatus.put(row.getString(1), row.getLong(2)); }, tenantId);
        return byStatus;
    }

    public BigDecimal aiCostToday(String tenantId) {
        return spend.on(tenantId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private double lagOf(StreamingEventProcessor processor) {
        return lag(ProcessorProgress.head(jdbc), processor);
    }

    private static long lag(long head, StreamingEventProcessor processor) {
        return Math.max(0, head - ProcessorProgress.of(processor).position());
    }

    private long count(String sql, String tenantId) {
        Long count = jdbc.queryForObject(sql, Long.class, tenantId);
        return count == null ? 0 : count;
    }
}
