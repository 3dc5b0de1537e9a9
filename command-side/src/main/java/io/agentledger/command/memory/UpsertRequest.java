package io.agentledger.command.memory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** Seed 000's memory upsert. */
public record UpsertRequest(@NotBlank @Size(max = 2048) String sourceUri, @Size(max = 100) String app,
                            @Size(max = 320) String owner, @Size(max = 500) String title,
                            @NotBlank @Size(max = 200_000) String content, @Size(max = 200) String mimeType,
                            @PositiveOrZero Long fileSize, @Size(max = 200) String hash,
                            @Size(max = 50) Map<@Size(max = 100) String, Object> metadata,
                            @Size(max = 20) String sensitivity, @Min(1) @Max(3650) Integer ttlDays) {
}
