package io.agentledger.app.startup;

import io.agentledger.app.database.DatabaseUrlEnvironmentPostProcessor;
import io.agentledger.axon.startup.AxonServerSwitch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentSwitchesTest {

    private final SpringApplication application = new SpringApplication();

    @Test
    void databaseUrlConfiguresTheDatasourceAndExplicitCredentialsWin() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DATABASE_URL", "postgres://url-user:url-pass@db:5432/ledger")
                .withProperty("DATABASE_PASSWORD", "explicit-pass");
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/ledger");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("url-user");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("explicit-pass");
    }

    @Test
    void withoutDatabaseUrlNothingIsConfiguredAndTheEmbeddedDatabaseIsUsed() {
        MockEnvironment environment = new MockEnvironment();
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, application);
        assertThat(environment.getProperty("spring.datasource.url")).isNull();
    }

    @Test
    void axonServerIsOffUnlessNamed() {
        MockEnvironment off = new MockEnvironment();
        new AxonServerSwitch().postProcessEnvironment(off, application);
        assertThat(off.getProperty("axon.axonserver.enabled")).isEqualTo("false");

        MockEnvironment on = new MockEnvironment().withProperty("AXON_SERVER", "axonserver:8124");
        new AxonServerSwitch().postProcessEnvironment(on, application);
        assertThat(on.getProperty("axon.axonserver.enabled")).isEqualTo("true");
        assertThat(on.getProperty("axon.axonserver.servers")).isEqualTo("axonserver:8124");
    }

    @Test
    void theUpdateCheckerIsDisabledInTests() {
        assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
    }
}
