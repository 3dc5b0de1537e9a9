package io.agentledger.command.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agentledger.command.identity.IdentityLookup.ApiKeyEntry;
import io.agentledger.command.identity.IdentityLookup.UserEntry;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * What authentication needs per request (a user's role and standing, a session's, an API key's),
 * read from the identity lookup once and then served from memory. The lookup's updater forgets an
 * entry when an event changes it, after the event's transaction commits; a read that raced with the
 * commit is discarded by the same removal (the cache computes atomically per key), so a revoked key,
 * an ended session or a deactivated user fails its very next request.
 */
@Component
public class IdentityStatusCache {

    private static final Duration SAFETY_NET = Duration.ofMinutes(10);

    private final IdentityLookup lookup;
    private final Cache<String, UserEntry> users = cache();
    private final Cache<String, String> openSessionOwners = cache();
    private final Cache<String, ApiKeyEntry> apiKeys = cache();

    public IdentityStatusCache(IdentityLookup lookup) {
        this.lookup = lookup;
    }

    private static <V> Cache<String, V> cache() {
        return Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(SAFETY_NET).build();
    }

    public Optional<UserEntry> user(String userId) {
        return Optional.ofNullable(users.get(userId, id -> lookup.findUser(id).orElse(null)));
    }

    public boolean sessionOpen(String sessionId, String userId) {
        return userId.equals(openSessionOwners.get(sessionId, id -> lookup.openSessionOwner(id).orElse(null)));
    }

    public Optional<ApiKeyEntry> apiKey(String apiKeyId) {
        return Optional.ofNullable(apiKeys.get(apiKeyId, id -> lookup.findApiKey(id).orElse(null)));
    }

    void forgetUser(String userId) {
        afterCommit(() -> users.invalidate(userId));
    }

    void forgetSession(String sessionId) {
        afterCommit(() -> openSessionOwners.invalidate(sessionId));
    }

    void forgetApiKey(String apiKeyId) {
        afterCommit(() -> apiKeys.invalidate(apiKeyId));
    }

    /** Forgotten at once and again once the change is committed, so no read of the old state outlives it. */
    private static void afterCommit(Runnable forget) {
        forget.run();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> forget.run());
        }
    }
}
