package io.agentledger.command.agent.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code agentledger.agents.sandbox.*}: the interpreter, the default and largest wall-clock timeout, the
 * address-space and file-size caps of a sandboxed process, and how much of its output is kept.
 */
@ConfigurationProperties("agentledger.agents.sandbox")
public record SandboxLimits(@DefaultValue("python3") String python,
                            @DefaultValue("PT30S") Duration defaultTimeout,
                            @DefaultValue("PT5M") Duration maxTimeout,
                            @DefaultValue("512MB") DataSize memory,
                            @DefaultValue("64MB") DataSize fileSize,
                            @DefaultValue("256KB") DataSize output,
                            @DefaultValue("500") int maxLogLines) {
}
