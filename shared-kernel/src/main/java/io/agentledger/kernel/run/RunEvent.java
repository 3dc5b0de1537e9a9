package io.agentledger.kernel.run;

import org.axonframework.serialization.Revision;

public sealed interface RunEvent permits RunEvent.RunCreated {

    String runId();

    String tenantId();

    @Revision("1")
    record RunCreated(String runId, String goalId, String tenantId, String createdBy, String graphVersion,
                      RunStatus status) implements RunEvent {
    }
}
