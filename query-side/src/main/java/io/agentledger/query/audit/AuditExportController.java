package io.agentledger.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.axon.eventstore.chain.ChainReader;
import io.agentledger.axon.eventstore.chain.ChainReader.TenantSlice;
import io.agentledger.axon.eventstore.chain.EventChain.StoredEvent;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The tenant's events as NDJSON, streamed from a cursor over the event store's tenant index (never
 * held in memory, never reading another tenant's rows). Each line has the fields the chain link is
 * computed over, exactly as stored, with its link and the link before it, so each event can be
 * checked offline with SHA-256 alone.
 */
@RestController
@PreAuthorize("hasAuthority('read:audit')")
public class AuditExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    /** Per tenant and node; a stalled client is cut off by the container's write timeout. */
    static final int MAX_CONCURRENT_EXPORTS = 2;
    private final Map<String, Semaphore> exportsRunning = new ConcurrentHashMap<>();

    private final ChainReader reader;
    private final ObjectMapper json = new ObjectMapper();

    public AuditExportController(ChainReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/v1/audit/export")
    public ResponseEntity<StreamingResponseBody> export(
            @RequestParam(name = "date_from", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dateFrom,
            @RequestParam(name = "date_to", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dateTo,
            @RequestParam(name = "resource_type", required = false) String resourceType,
            @AuthenticationPrincipal Caller caller) {
        if (resourceType != null && !EventRecords.AGGREGATES.containsKey(resourceType)) {
            throw DomainException.invalid("resource_type must be one of "
                    + String.join(", ", EventRecords.AGGREGATES.keySet().stream().sorted().toList()));
        }
        if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
            throw DomainException.invalid("date_from must not be after date_to");
        }
        Semaphore running = exportsRunning.computeIfAbsent(caller.tenantId(), tenant -> new Semaphore(
                MAX_CONCURRENT_EXPORTS));
        if (!running.tryAcquire()) {
            throw DomainException.limited("At most " + MAX_CONCURRENT_EXPORTS + " exports of a tenant run at once; "
                    + "retry when one has finished");
        }
        TenantSlice slice = new TenantSlice(caller.tenantId(), null, null,
                resourceType == null ? null : EventRecords.AGGREGATES.get(resourceType), dateFrom, dateTo);
        StreamingResponseBody body = out -> {
            try {
                JsonGenerator generator = json.getFactory().createGenerator(out);
                generator.setRootValueSeparator(null);
                reader.forEachOfTenant(slice, (event, linkBefore) -> write(generator, event, linkBefore));
                generator.flush();
            } finally {
                running.release();
            }
        };
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"agentledger-events.ndjson\"").body(body);
    }

    private void write(JsonGenerator out, StoredEvent e, byte[] previousLink) {
        try {
            out.writeStartObject();
            out.writeNumberField("position", e.globalIndex());
            out.writeStringField("event_id", e.eventIdentifier());
            out.writeStringField("aggregate_type", e.type());
            out.writeStringField("aggregate_id", e.aggregateIdentifier());
            out.writeNumberField("sequence", e.sequenceNumber());
            out.writeStringField("timestamp", e.timeStamp());
            out.writeStringField("payload_type", e.payloadType());
            out.writeStringField("payload_revision", e.payloadRevision());
            out.writeStringField("payload", text(e.payload()));
            out.writeStringField("metadata", text(e.metaData()));
            out.writeStringField("previous_link", HexFormat.of().formatHex(previousLink));
            out.writeStringField("chain_link", e.chainLink() == null ? null : HexFormat.of().formatHex(e.chainLink()));
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
