package io.agentledger.projection.search;

import io.agentledger.projection.memory.MemorySearchProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Moves the memory alias onto a rebuilt index once the replay that fills it has caught up with the store.
 * Axon tells no handler that a replay ended (and reports "replaying" until an event past the reset point
 * arrives), so this looks at whether the processor reached the head.
 */
@Component
public class SearchRebuildWatcher {

    private static final Logger log = LoggerFactory.getLogger(SearchRebuildWatcher.class);

    private final EventProcessingConfiguration processing;
    private final SearchIndex index;

    public SearchRebuildWatcher(EventProcessingConfiguration processing, @Qualifier("memoryIndex") SearchIndex index) {
        this.processing = processing;
        this.index = index;
    }

    @Scheduled(fixedDelayString = "${agentledger.search.rebuild-check-interval:PT1S}")
    public void switchWhenRebuilt() {
        try {
            String rebuilt = index.rebuilding();
            if (rebuilt == null || !replayDone()) {
                return;
            }
            index.finishRebuild();
            log.info("Search alias {} now reads the rebuilt index {}", index.alias(), rebuilt);
        } catch (Exception e) {
            log.warn("Search rebuild of {} not switched yet: {}", index.alias(), e.toString());
        }
    }

    private boolean replayDone() {
        return processing.eventProcessor(MemorySearchProjection.GROUP, StreamingEventProcessor.class)
                .filter(StreamingEventProcessor::isRunning)
                .map(processor -> {
                    Collection<EventTrackerStatus> segments = processor.processingStatus().values();
                    return !segments.isEmpty() && segments.stream()
                            .allMatch(s -> s.isCaughtUp() && !s.isErrorState());
                })
                .orElse(false);
    }
}
