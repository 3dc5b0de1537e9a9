package io.agentledger.axon.processing.deadletter;

import io.agentledger.axon.processing.inline.InlineReadModel;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every read model's processing group parks what it can never apply in a sequenced dead-letter queue
 * in PostgreSQL: the failing aggregate's later events wait behind it, every other aggregate's flow on.
 * Read models are the event handlers in {@code agentledger.processing.read-model-package}, but for
 * the {@link InlineReadModel}s, which leave what they cannot apply to their tracking projection.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    public ReadModelGroups readModelGroups(ConfigurableListableBeanFactory beans,
                                           @Value("${agentledger.processing.read-model-package:io.agentledger.projection}")
                                           String readModelPackage) {
        Set<String> groups = new TreeSet<>();
        Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(name -> beans.getType(name, false))
                .filter(Objects::nonNull)
                .filter(type -> type.getPackageName().startsWith(readModelPackage))
                .filter(type -> !type.isAnnotationPresent(InlineReadModel.class))
                .map(type -> type.getAnnotation(ProcessingGroup.class))
                .filter(Objects::nonNull)
                .forEach(annotation -> groups.add(annotation.value()));
        return new ReadModelGroups(readModelPackage, Set.copyOf(groups));
    }

    @Bean
    public GuardedHandling guardedHandling(java.time.Clock clock) {
        return new GuardedHandling(clock);
    }

    @Bean
    public SavepointHandlerEnhancer readModelSavepoints(DataSource dataSource, ReadModelGroups groups,
                                                        GuardedHandling guarding) {
        return new SavepointHandlerEnhancer(dataSource, groups::groupOf, guarding);
    }

    @Bean
    public ConfigurerModule readModelDeadLetters(ReadModelGroups groups, DataSource dataSource,
                                                 GuardedHandling guarding) {
        return configurer -> groups.names().forEach(group -> configurer.eventProcessing()
                .registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                        .transactionManager(c.getComponent(TransactionManager.class))
                        .genericSerializer(c.serializer())
                        .eventSerializer(c.eventSerializer())
                        .build())
                .registerDeadLetterPolicy(group, c -> new ParkingPolicy(group, guarding))
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, invoker) -> invoker
                        // a replay rebuilds from scratch: what still fails is parked again
                        .allowReset(true)
                        .enableSequenceIdentifierCache()));
    }

    /** The processing groups of the read models, which park their poison events. */
    public record ReadModelGroups(String readModelPackage, Set<String> names) {

        /** The processing group of a read-model handler class, null for any other class. */
        String groupOf(Class<?> handlerType) {
            ProcessingGroup group = handlerType.getAnnotation(ProcessingGroup.class);
            return group != null && handlerType.getPackageName().startsWith(readModelPackage)
                    && names.contains(group.value()) ? group.value() : null;
        }
    }
}
