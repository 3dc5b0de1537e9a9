package io.agentledger.kernel.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Permission;

import java.util.Arrays;
import java.util.List;

/**
 * How far a memory item may travel inside its tenant. Public and internal items are for everyone who
 * reads memory; private and confidential ones for their uploader and for holders of the matching
 * permission.
 */
public enum Sensitivity {
    @JsonProperty("public") PUBLIC(Permission.READ_MEMORY),
    @JsonProperty("internal") INTERNAL(Permission.READ_MEMORY),
    @JsonProperty("private") PRIVATE(Permission.READ_PRIVATE_MEMORY),
    @JsonProperty("confidential") CONFIDENTIAL(Permission.READ_CONFIDENTIAL_MEMORY);

    private final String permission;

    Sensitivity(String permission) {
        this.permission = permission;
    }

    public String wireName() {
        return name().toLowerCase();
    }

    /** The levels this caller sees regardless of who uploaded the item. */
    public static List<String> readableBy(Caller caller) {
        return Arrays.stream(values()).filter(level -> caller.can(level.permission)).map(Sensitivity::wireName)
                .toList();
    }

    public static Sensitivity parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(level -> level.wireName().equals(value.trim())).findFirst()
                .orElseThrow(() -> DomainException.invalid("sensitivity must be one of public, internal, private, "
                        + "confidential"));
    }
}
