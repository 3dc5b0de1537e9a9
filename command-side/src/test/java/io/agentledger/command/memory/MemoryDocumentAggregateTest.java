package io.agentledger.command.memory;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.memory.DocumentContent;
import io.agentledger.kernel.memory.EntityMention;
import io.agentledger.kernel.memory.Episode;
import io.agentledger.kernel.memory.Extraction;
import io.agentledger.kernel.memory.MemoryCommands.DeleteDocument;
import io.agentledger.kernel.memory.MemoryCommands.UpsertDocument;
import io.agentledger.kernel.memory.MemoryCommands.Upserted;
import io.agentledger.kernel.memory.MemoryEvent.DocumentDeleted;
import io.agentledger.kernel.memory.MemoryEvent.DocumentExpired;
import io.agentledger.kernel.memory.MemoryEvent.DocumentUpserted;
import io.agentledger.kernel.memory.Sensitivity;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

class MemoryDocumentAggregateTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofDays(2));
    private static final Extraction EXTRACTION = new Extraction(new Episode("note", "T", List.of(), NOW, "c"),
            List.of(new EntityMention("topic", "ops")), "heuristic");

    private static final List<String> ALL = List.of("public", "internal", "private", "confidential");
    private static final List<String> PUBLIC_ONLY = List.of("public");

    private AggregateTestFixture<MemoryDocumentAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemoryDocumentAggregate.class);
    }

    private static DocumentContent content(String hash) {
        return new DocumentContent("notes://1", null, null, "T", "content", null, null, hash, null,
                Sensitivity.INTERNAL, 2, List.of("ops"));
    }

    private static DocumentUpserted upserted(String hash) {
        return new DocumentUpserted("doc_1", "tenant_1", "user_1", content(hash), EXTRACTION, EXPIRY);
    }

    @Test
    void anUpsertStoresTheDocumentAndSchedulesItsExpiry() {
        fixture.givenCurrentTime(NOW)
                .when(new UpsertDocument("doc_1", "tenant_1", "user_1", ALL, content("h1"), EXTRACTION, EXPIRY))
                .expectEvents(upserted("h1"))
                .expectResultMessagePayload(new Upserted(0, true))
                .expectScheduledDeadlineWithName(Duration.ofDays(2), MemoryDocumentAggregate.EXPIRY);
    }

    @Test
    void theSameHashIsANoOpAndAnotherHashUpdates() {
        fixture.given(upserted("h1"))
                .when(new UpsertDocument("doc_1", "tenant_1", "user_2", ALL, content("h1"), EXTRACTION, EXPIRY))
                .expectNoEvents()
                .expectResultMessagePayload(new Upserted(0, false));
        fixture.given(upserted("h1"))
                .when(new UpsertDocument("doc_1", "tenant_1", "user_1", ALL, content("h2"), EXTRACTION, EXPIRY))
                .expectEvents(upserted("h2"))
                .expectResultMessagePayload(new Upserted(1, true));
    }

    @Test
    void anotherTenantCannotReachTheDocumentAndADeletedOneIsGone() {
        fixture.given(upserted("h1"))
                .when(new DeleteDocument("doc_1", "tenant_2", "user_9", ALL))
                .expectExceptionMessage("Document doc_1 not found");
        fixture.given(upserted("h1"))
                .when(new DeleteDocument("doc_1", "tenant_1", "user_1", ALL))
                .expectEvents(new DocumentDeleted("doc_1", "tenant_1", "user_1"))
                .expectNoScheduledDeadlines();
        fixture.given(upserted("h1"), new DocumentDeleted("doc_1", "tenant_1", "user_1"))
                .when(new DeleteDocument("doc_1", "tenant_1", "user_1", ALL))
                .expectExceptionMessage("Document doc_1 not found");
        fixture.given(upserted("h1"), new DocumentDeleted("doc_1", "tenant_1", "user_1"))
                .when(new UpsertDocument("doc_1", "tenant_1", "user_1", ALL, content("h1"), EXTRACTION, EXPIRY))
                .expectEvents(upserted("h1"));
    }

    @Test
    void pastItsTtlTheDocumentExpires() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new UpsertDocument("doc_1", "tenant_1", "user_1", ALL, content("h1"), EXTRACTION, EXPIRY))
                .whenTimeElapses(Duration.ofDays(2).plusSeconds(1))
                .expectEvents(new DocumentExpired("doc_1", "tenant_1", EXPIRY));
    }

    /** The decision lives here, not in a read model that a replay empties. */
    @Test
    void onlyTheUploaderOrARoleThatMayReadItsSensitivityChangesOrDeletesADocument() {
        fixture.given(upserted("h1"))
                .when(new UpsertDocument("doc_1", "tenant_1", "user_2", PUBLIC_ONLY, content("h2"), EXTRACTION, EXPIRY))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(upserted("h1"))
                .when(new DeleteDocument("doc_1", "tenant_1", "user_2", PUBLIC_ONLY))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not found")).expectNoEvents();
        fixture.given(upserted("h1"))
                .when(new DeleteDocument("doc_1", "tenant_1", "user_1", PUBLIC_ONLY))
                .expectSuccessfulHandlerExecution();
    }
}
