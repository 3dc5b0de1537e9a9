package io.agentledger.command.system;

import io.agentledger.command.identity.IdentityLookup;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may change the platform-wide configuration: tenant admins whose e-mail the deployment lists in
 * {@code agentledger.platform.admins} ({@code PLATFORM_ADMINS}, comma-separated). None by default.
 */
@Component
public class PlatformAdmins {

    private final IdentityLookup identities;
    private final Set<String> emails;

    public PlatformAdmins(IdentityLookup identities, @Value("${agentledger.platform.admins:}") String emails) {
        this.identities = identities;
        this.emails = Arrays.stream(emails.split(",")).map(String::trim).filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public void require(Caller caller) {
        boolean listed = caller.role() == Role.ADMIN && identities.findUser(caller.userId())
                .map(user -> emails.contains(user.email().toLowerCase(Locale.ROOT))).orElse(false);
        if (!listed) {
            throw DomainException.forbidden("Only platform admins change the platform configuration");
        }
    }
}
