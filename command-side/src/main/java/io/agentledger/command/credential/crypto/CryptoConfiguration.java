package io.agentledger.command.credential.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.nio.file.Path;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CredentialProperties.class)
public class CryptoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    public MasterKeys masterKeys(CredentialProperties properties,
                                 @Value("${agentledger.data-dir:./data}") Path dataDir) {
        return MasterKeys.load(properties, dataDir);
    }

    /** A new current master key takes over every data key at startup. */
    @EventListener(ApplicationReadyEvent.class)
    public void rewrapDataKeys(ApplicationReadyEvent ready) {
        DataKeys keys = ready.getApplicationContext().getBean(DataKeys.class);
        int rewrapped = keys.rewrap();
        if (rewrapped > 0) {
            LOG.info("Re-wrapped {} data keys with master key {}", rewrapped,
                    ready.getApplicationContext().getBean(MasterKeys.class).currentId());
        }
    }
}
