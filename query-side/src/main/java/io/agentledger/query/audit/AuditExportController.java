package io.agentledger.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.axon.eventstore.chain.ChainReader;
import io.agentledger.axon.eventstore.chain.EventChain;
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
import java.util.stream.Collectors;

/**
 * The tenant's events as NDJSON, streamed from a cursor (never held in memory). Each line has the
 * fields the chain link is computed over, exactly as stored, with its link and the link before it,
 * so each event can be checked offline with SHA-256 alone.
 */
@RestController
@PreAuthorize("hasAuthority('read:audit')")
public class AuditExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final Map<String, String> RESOURCE_OF_AGGREGATE = EventRecords.AGGREGATES.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

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
        String tenant = caller.tenantId();
        StreamingResponseBody body = out -> {
            JsonGenerator generator = json.getFactory().createGenerator(out);
            generator.setRootValueSeparator(null);
            byte[][] previous = {EventChain.GENESIS};
            reader.forEach(null, null, event -> {
                if (belongs(event, tenant, dateFrom, dateTo, resourceType)) {
                    write(generator, event, previous[0]);
                }
                previous[0] = event.chainLink() == null ? previous[0] : event.chainLink();
            });
            generator.flush();
        };
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"agentledger-events.ndjson\"").body(body);
    }

    private boolean belongs(StoredEvent event, String tenant, Instant from, Instant to, String resourceType) {
        if (resourceType != null && !resourceType.equals(RESOURCE_OF_AGGREGATE.get(event.type()))) {
            return false;
        }
        Instant at = Instant.parse(event.timeStamp());
        if (from != null && at.isBefore(from) || to != null && at.isAfter(to)) {
            return false;
        }
        return tenant.equals(tenantOf(event.metaData())) || tenant.equals(tenantOf(event.payload()));
    }

    private String tenantOf(byte[] document) {
        if (document == null) {
            return null;
        }
        try {
            return json.readTree(document).path("tenant_id").asText(null);
        } catch (IOException notJson) {
            return null;
        }
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
