package io.agentledger.kernel.memory;

import java.util.List;

/** The episode and entities derived from a document, and what derived them ({@code heuristic} or a model). */
public record Extraction(Episode episode, List<EntityMention> entities, String extractor) {
}
