package io.agentledger.command.agent.build;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code agentledger.agents.package.*}: what an uploaded package may be. A package over any unpacked
 * limit is a failed build, never a full disk.
 *
 * @param maxRatio the largest unpacked-to-packed size ratio (a higher one is a compression bomb)
 */
@ConfigurationProperties("agentledger.agents.package")
public record AgentPackageLimits(@DefaultValue("100MB") DataSize maxUpload,
                                 @DefaultValue("200MB") DataSize maxUnpacked,
                                 @DefaultValue("2000") int maxFiles,
                                 @DefaultValue("100") int maxRatio,
                                 @DefaultValue("64KB") DataSize maxManifest) {
}
