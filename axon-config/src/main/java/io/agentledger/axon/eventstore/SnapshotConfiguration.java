package io.agentledger.axon.eventstore;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Aggregates with long streams name {@value #TRIGGER} in their {@code @Aggregate} annotation. */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {

    public static final String TRIGGER = "eventCountSnapshotTrigger";

    @Bean(TRIGGER)
    public SnapshotTriggerDefinition eventCountSnapshotTrigger(
            Snapshotter snapshotter, @Value("${agentledger.snapshot.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
