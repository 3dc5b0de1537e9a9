package io.agentledger.app.support;

import io.agentledger.command.identity.auth.AuthService;
import io.agentledger.command.identity.auth.AuthService.Registration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Registers the shared context's platform admin as the installation's first account, before any test
 * runs, so it becomes the owner (no test configures PLATFORM_ADMINS).
 */
@TestConfiguration(proxyBeanMethods = false)
public class PlatformOwnerFirst {

    static final String USERNAME = "platformadmin";

    @EventListener(ApplicationReadyEvent.class)
    public void registerOwner(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(AuthService.class).register(new Registration(
                IntegrationTest.PLATFORM_ADMIN_EMAIL, USERNAME, StepUps.PASSWORD, "Platform Admin", null));
    }
}
