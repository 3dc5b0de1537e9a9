package io.agentledger.command.stepup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/** {@code agentledger.step-up.*}: the WebAuthn relying party, and how long a step-up holds. */
@ConfigurationProperties("agentledger.step-up")
public record StepUpProperties(@DefaultValue("localhost") String rpId, @DefaultValue("AgentLedger") String rpName,
                               @DefaultValue("http://localhost:8000") List<String> origins,
                               @DefaultValue("PT5M") Duration validity, @DefaultValue("PT5M") Duration challengeTtl,
                               @DefaultValue("10") int backupCodes) {
}
