package io.agentledger.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

import java.util.List;

/**
 * Spring Security puts a filter before its chain that looks up the Spring MVC handler of every request
 * ({@code HandlerMappingIntrospector.createCacheFilter}), for request matchers that ask Spring MVC which
 * pattern a request matches. None of this service's matchers do (see {@link SecurityConfiguration}), and
 * the lookup walks every mapping with a path variable: it was about a quarter of an authenticated GET's
 * request CPU, nearly as much as the dispatcher's own lookup. This puts the plain filter chain back under
 * its name, once every registry post-processor (Spring Security's wrapping among them) has run; should
 * Spring Security's arrangement differ from the one expected, it leaves it as it is and says so.
 */
final class NoHandlerLookupCacheFilter implements BeanFactoryPostProcessor {

    private static final String FILTER_CHAIN = "springSecurityFilterChain";
    private static final String COMPOSITE = "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final Logger log = LoggerFactory.getLogger(NoHandlerLookupCacheFilter.class);

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(FILTER_CHAIN)) {
            return;
        }
        BeanDefinition wrapped = registry.getBeanDefinition(FILTER_CHAIN);
        if (wrapped.getBeanClassName() == null || !wrapped.getBeanClassName().endsWith(COMPOSITE)) {
            return;
        }
        ConstructorArgumentValues.ValueHolder argument = wrapped.getConstructorArgumentValues()
                .getIndexedArgumentValue(0, List.class);
        if (argument == null || !(argument.getValue() instanceof List<?> filters) || filters.size() != 2
                || !(filters.get(1) instanceof BeanDefinition chain)) {
            log.warn("Spring Security's filter chain is wrapped in an unexpected way; its handler lookup stays");
            return;
        }
        registry.removeBeanDefinition(FILTER_CHAIN);
        registry.registerBeanDefinition(FILTER_CHAIN, chain);
    }
}
