package io.agentledger.app.support;

import io.agentledger.app.processing.ProcessorProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Waiting for a streaming processor to have handled everything stored so far. */
public final class Processors {

    private Processors() {
    }

    public static void awaitCaughtUp(ApplicationContext context, String group) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Sealing.awaitSealed(jdbc);
        long head = ProcessorProgress.head(jdbc);
        StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            ProcessorProgress progress = ProcessorProgress.of(processor);
            return progress.caughtUp() && progress.position() >= head;
        });
    }
}
