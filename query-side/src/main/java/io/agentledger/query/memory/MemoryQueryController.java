package io.agentledger.query.memory;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.memory.DocumentView;
import io.agentledger.kernel.memory.EntityMention;
import io.agentledger.kernel.memory.EntityView;
import io.agentledger.kernel.memory.Episode;
import io.agentledger.kernel.memory.EpisodeView;
import io.agentledger.kernel.memory.MemoryPage;
import io.agentledger.kernel.memory.Sensitivity;
import io.agentledger.projection.memory.MemoryListings;
import io.agentledger.query.web.PageParams;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Seed 000's memory search and the lists of documents, episodes and entities. */
@RestController
@RequestMapping("/api/v1/memory")
@PreAuthorize("hasAuthority('read:memory')")
public class MemoryQueryController {

    static final int MAX_QUERY = 500;
    static final int MAX_LIMIT = 100;
    private static final List<String> TYPES = List.of("document", "episode", "entity");

    private final MemorySearch search;
    private final MemoryListings listings;

    public MemoryQueryController(MemorySearch search, MemoryListings listings) {
        this.search = search;
        this.listings = listings;
    }

    @GetMapping("/search")
    public Map<String, Object> search(@RequestParam(required = false) String q,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(name = "date_from", required = false) String dateFrom,
                                      @RequestParam(name = "date_to", required = false) String dateTo,
                                      @RequestParam(required = false) String sensitivity,
                                      @RequestParam(required = false) String tags,
                                      @RequestParam(required = false) String owner,
                                      @RequestParam(required = false) Integer limit,
                                      @AuthenticationPrincipal Caller caller) {
        if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
            throw DomainException.invalid("q must hold 1 to " + MAX_QUERY + " characters");
        }
        if (type != null && !TYPES.contains(type)) {
            throw DomainException.invalid("type must be one of " + TYPES);
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw DomainException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        Sensitivity level = Sensitivity.parse(sensitivity);
        Instant from = instant("date_from", dateFrom, false);
        Instant to = instant("date_to", dateTo, true);
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.invalid("date_from must not be after date_to");
        }
        return search.search(caller, new MemorySearchRequest(q.strip(), type, from, to,
                level == null ? null : level.wireName(), list(tags), blankToNull(owner), limit == null ? 10 : limit));
    }

    @GetMapping("/documents")
    public MemoryPage<DocumentView> documents(@RequestParam(required = false) String app,
                                              @RequestParam(required = false) String sensitivity,
                                              @RequestParam(name = "is_indexed", required = false) Boolean indexed,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size,
                                              @AuthenticationPrincipal Caller caller) {
        Sensitivity level = Sensitivity.parse(sensitivity);
        return listings.documents(viewer(caller), blankToNull(app), level == null ? null : level.wireName(), indexed,
                PageParams.of(page, size));
    }

    @GetMapping("/episodes")
    public MemoryPage<EpisodeView> episodes(@RequestParam(required = false) String type,
                                            @RequestParam(required = false) String participants,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size,
                                            @AuthenticationPrincipal Caller caller) {
        if (type != null && !Episode.TYPES.contains(type)) {
            throw DomainException.invalid("type must be one of " + Episode.TYPES);
        }
        return listings.episodes(viewer(caller), type, list(participants).stream().map(String::toLowerCase).toList(),
                PageParams.of(page, size));
    }

    @GetMapping("/entities")
    public MemoryPage<EntityView> entities(@RequestParam(required = false) String type,
                                           @RequestParam(name = "is_active", required = false) Boolean active,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size,
                                           @AuthenticationPrincipal Caller caller) {
        if (type != null && !EntityMention.TYPES.contains(type)) {
            throw DomainException.invalid("type must be one of " + EntityMention.TYPES);
        }
        return listings.entities(viewer(caller), type, active, PageParams.of(page, size));
    }

    static MemoryListings.Viewer viewer(Caller caller) {
        return new MemoryListings.Viewer(caller.tenantId(), caller.userId(), Sensitivity.readableBy(caller));
    }

    /** An instant, or a date (the start of the day, or its end for {@code date_to}). */
    static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? (endOfDay ? LocalDate.parse(value).plusDays(1)
                    .atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                    : LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name + " must be a date (2024-01-21) or an instant (2024-01-21T14:00:00Z)");
        }
    }

    static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        List<String> values = Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (values.size() > 20 || values.stream().anyMatch(v -> v.length() > 320)) {
            throw DomainException.invalid("At most 20 comma-separated values of at most 320 characters");
        }
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
