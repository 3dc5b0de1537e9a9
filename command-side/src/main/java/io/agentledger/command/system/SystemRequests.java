package io.agentledger.command.system;

import io.agentledger.kernel.system.ModificationType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

/** Request bodies of the system API (seed 003). */
public final class SystemRequests {

    private SystemRequests() {
    }

    public record ModifyRequest(@NotNull ModificationType type, @NotBlank @Size(max = 1000) String description,
                                @NotNull @Size(min = 1, max = 50) Map<@Size(max = 100) String, Object> changes,
                                @Size(max = 4000) String impactAssessment) {
    }

    public record PutConfigRequest(@NotNull @Size(min = 1, max = 50) Map<@Size(max = 100) String, Object> settings,
                                   @Size(max = 1000) String description) {
    }

    /** One of {@code modificationId} and {@code to}. */
    public record RollbackRequest(@Size(max = 64) String modificationId, Instant to,
                                  @NotBlank @Size(max = 1000) String reason, Boolean cascade, Boolean dryRun) {
    }
}
