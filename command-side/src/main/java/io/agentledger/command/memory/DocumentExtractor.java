package io.agentledger.command.memory;

import io.agentledger.kernel.memory.DocumentContent;
import io.agentledger.kernel.memory.Extraction;

import java.time.Instant;

/** Derives a document's episode and entities; what it derives is recorded in the upsert event. */
public interface DocumentExtractor {

    Extraction extract(DocumentContent document, Instant receivedAt);
}
