package io.agentledger.command.run;

import io.agentledger.command.identity.TenantAggregate;
import io.agentledger.kernel.run.RunCommands.CreateRun;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunStatus;
import io.agentledger.kernel.tenant.TenantCommands.CreateTenant;
import io.agentledger.kernel.tenant.TenantEvent.TenantCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class RunAggregateTest {

    @Test
    void aNewRunIsPending() {
        new AggregateTestFixture<>(RunAggregate.class).givenNoPriorActivity()
                .when(new CreateRun("run_1", "goal_1", "tenant_1", "user_1", "1.0.0"))
                .expectEvents(new RunCreated("run_1", "goal_1", "tenant_1", "user_1", "1.0.0", RunStatus.PENDING));
    }

    @Test
    void aTenantIsCreatedWithItsOwner() {
        new AggregateTestFixture<>(TenantAggregate.class).givenNoPriorActivity()
                .when(new CreateTenant("tenant_1", "acme", "user_1"))
                .expectEvents(new TenantCreated("tenant_1", "acme", "user_1"));
    }
}
