package io.agentledger.app.live;

import io.agentledger.kernel.identity.Caller;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Supplier;

/** Runs work on the current thread as the caller, with their permissions, as a REST request would. */
final class AsCaller {

    private AsCaller() {
    }

    static <T> T run(Caller caller, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(caller, null,
                caller.role().permissions().stream().map(SimpleGrantedAuthority::new).toList()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
