package io.agentledger.axon.processing.inline;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Objects;

/** Every {@link InlineReadModel}'s processing group is a subscribing processor with contained failures. */
@Configuration(proxyBeanMethods = false)
public class InlineReadModelConfiguration {

    @Bean
    public ConfigurerModule inlineReadModelProcessors(ConfigurableListableBeanFactory beans) {
        return configurer -> Arrays.stream(beans.getBeanNamesForAnnotation(InlineReadModel.class))
                .map(name -> beans.getType(name, false))
                .filter(Objects::nonNull)
                .map(type -> type.getAnnotation(ProcessingGroup.class))
                .filter(Objects::nonNull)
                .map(ProcessingGroup::value)
                .distinct()
                .forEach(group -> configurer.eventProcessing().registerSubscribingEventProcessor(group));
    }

    @Bean
    public InlineFailureContainment inlineFailureContainment(DataSource dataSource) {
        return new InlineFailureContainment(dataSource);
    }
}
