package io.agentledger.axon.settings;

import io.agentledger.kernel.system.SettingDefaults;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Map;

/** {@code agentledger.settings.defaults[<key>]}: the deployment's defaults, checked against the schema at startup. */
@Configuration(proxyBeanMethods = false)
public class SettingDefaultsConfiguration {

    @Bean
    public SettingDefaults settingDefaults(Environment environment) {
        Map<String, String> configured = Binder.get(environment)
                .bind("agentledger.settings.defaults", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return SettingDefaults.configured(configured);
    }
}
