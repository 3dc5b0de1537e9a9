package io.agentledger.command.mcp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code agentledger.mcp.*}: the commands a stdio server may be started with (a bare name, found on the
 * child's {@code PATH}), the hosts an HTTP server may be at, and the timeouts of a start and a call.
 */
@ConfigurationProperties("agentledger.mcp")
public record McpProperties(@DefaultValue({"npx", "node", "uvx"}) List<String> allowedCommands,
                            @DefaultValue("") List<String> allowedHosts,
                            @DefaultValue("/usr/local/bin:/usr/bin:/bin") String path,
                            @DefaultValue("PT60S") Duration startTimeout,
                            @DefaultValue("PT60S") Duration callTimeout) {
}
