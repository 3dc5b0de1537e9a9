package io.agentledger.axon.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps Axon's update checker from calling home, however the service is started (main, tests,
 * an embedding application), unless the operator explicitly decided otherwise.
 */
public class UpdateCheckerDisabler implements EnvironmentPostProcessor {

    static final String PROPERTY = "axoniq.update-checker.disabled";
    static final String VARIABLE = "AXONIQ_UPDATE_CHECKER_DISABLED";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        disableUnlessDecided();
    }

    public static void disableUnlessDecided() {
        if (System.getProperty(PROPERTY) == null && System.getenv(VARIABLE) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
