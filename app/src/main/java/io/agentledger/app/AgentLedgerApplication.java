package io.agentledger.app;

import io.agentledger.axon.startup.UpdateCheckerDisabler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "io.agentledger", exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan("io.agentledger")
public class AgentLedgerApplication {

    public static void main(String[] args) {
        UpdateCheckerDisabler.disableUnlessDecided();
        SpringApplication.run(AgentLedgerApplication.class, args);
    }
}
