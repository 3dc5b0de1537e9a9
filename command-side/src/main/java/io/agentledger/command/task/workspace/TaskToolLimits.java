package io.agentledger.command.task.workspace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * What a task's tools may do: {@code commandsEnabled} (off unless an administrator turns it on: a command
 * runs as the service's user), the longest a command may run, the largest file written or read back, and
 * a workspace's size and file count.
 */
@ConfigurationProperties("agentledger.tasks.tools")
public record TaskToolLimits(Boolean commandsEnabled, Duration commandTimeout, Duration maxCommandTimeout,
                             DataSize maxFileSize, DataSize maxOutput, DataSize maxWorkspaceSize,
                             Integer maxWorkspaceFiles, DataSize commandMemory) {

    public TaskToolLimits {
        commandsEnabled = commandsEnabled != null && commandsEnabled;
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(30) : commandTimeout;
        maxCommandTimeout = maxCommandTimeout == null ? Duration.ofMinutes(5) : maxCommandTimeout;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(1) : maxFileSize;
        maxOutput = maxOutput == null ? DataSize.ofKilobytes(64) : maxOutput;
        maxWorkspaceSize = maxWorkspaceSize == null ? DataSize.ofMegabytes(50) : maxWorkspaceSize;
        maxWorkspaceFiles = maxWorkspaceFiles == null ? 1000 : maxWorkspaceFiles;
        commandMemory = commandMemory == null ? DataSize.ofMegabytes(1024) : commandMemory;
    }
}
