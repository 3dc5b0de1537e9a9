package io.agentledger.query.live;

import io.agentledger.kernel.run.RunEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runs one subscription follows, each folded from its events. A run first met part-way is folded
 * from the store up to there; the least recently seen runs are dropped past {@code capacity}.
 */
final class RunLines {

    private final StoredEvents store;
    private final Map<String, RunLine> lines;

    RunLines(StoredEvents store, int capacity) {
        this.store = store;
        this.lines = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RunLine> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The run as it stands after {@code event}, which is applied. */
    RunLine apply(FeedEvent event, RunEvent run) {
        RunLine line = lines.get(run.runId());
        if (line == null) {
            line = foldedUpTo(run.runId(), event.position() - 1);
        }
        line.apply(run, event.timestamp());
        return line;
    }

    /** Starts following the run as it stood at {@code position}. */
    RunLine preload(String runId, long position) {
        return foldedUpTo(runId, position);
    }

    private RunLine foldedUpTo(String runId, long position) {
        RunLine line = new RunLine(runId);
        for (FeedEvent prior : store.ofAggregate(runId, position)) {
            if (prior.payload() instanceof RunEvent earlier) {
                line.apply(earlier, prior.timestamp());
            }
        }
        lines.put(runId, line);
        return line;
    }
}
