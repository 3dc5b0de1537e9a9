package io.agentledger.command.system;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.platform.PlatformCommands;
import io.agentledger.kernel.platform.PlatformCommands.ClaimPlatformOwnership;
import io.agentledger.kernel.platform.PlatformEvent.PlatformOwnershipClaimed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who administers the whole platform: the users named by id in {@code agentledger.platform.admins}
 * ({@code PLATFORM_ADMINS}, comma-separated), or, when none is named, the installation's owner (the
 * first account registered). Names are user ids, never e-mail text that anyone could register first.
 */
@Component
@ProcessingGroup(PlatformAdmins.GROUP)
public class PlatformAdmins {

    public static final String GROUP = "platform-owner-lookup";
    private static final Logger log = LoggerFactory.getLogger(PlatformAdmins.class);

    private final Set<String> named;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private volatile String owner;

    public PlatformAdmins(@Value("${agentledger.platform.admins:}") String named, JdbcTemplate jdbc,
                          CommandGateway commands) {
        this.named = Arrays.stream(named.split(",")).map(String::trim).filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.named.stream().filter(id -> id.contains("@")).findAny().ifPresent(id -> {
            throw new IllegalStateException("PLATFORM_ADMINS names user ids (user_…), not e-mail addresses: " + id);
        });
        this.jdbc = jdbc;
        this.commands = commands;
    }

    public boolean isPlatformAdmin(String userId) {
        if (!named.isEmpty()) {
            return named.contains(userId);
        }
        return userId.equals(owner());
    }

    public void require(Caller caller) {
        if (!caller.platformAdmin()) {
            throw DomainException.forbidden("Only platform admins may do this");
        }
    }

    /** Makes the founder of a new tenant the owner if the installation has none and names no admins. */
    public void claimIfUnowned(String userId, String tenantId) {
        if (!named.isEmpty() || owner() != null) {
            return;
        }
        try {
            commands.sendAndWait(new ClaimPlatformOwnership(PlatformCommands.PLATFORM_ID, userId, tenantId));
            log.info("User {} is the owner of this installation (platform admin)", userId);
        } catch (RuntimeException alreadyClaimed) {
            log.debug("Platform ownership already claimed: {}", alreadyClaimed.getMessage());
        }
    }

    private String owner() {
        String known = owner;
        if (known == null) {
            known = jdbc.queryForList("SELECT user_id FROM platform_owner", String.class).stream().findFirst()
                    .orElse(null);
            owner = known;
        }
        return known;
    }

    @EventHandler
    void on(PlatformOwnershipClaimed event) {
        jdbc.update("INSERT INTO platform_owner (id, user_id) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
                event.userId());
        owner = null;
    }
}
