package io.agentledger.command.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agentledger.axon.cluster.ClusterSignals;
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
 * an ended session or a deactivated user fails its very next request. Other nodes forget it when the
 * change's cluster signal reaches them, sent in the same transaction (milliseconds after the commit).
 */
@Component
public class IdentityStatusCache {

    private static final Duration SAFETY_NET = Duration.ofMinutes(10);

    private final IdentityLookup lookup;
    private final Cache<String, UserEntry> users = cache();
    private final Cache<String, String> openSessionOwners = cache();
    private final Cache<String, ApiKeyEntry> apiKeys = cache();

    private final ClusterSignals signals;

    public IdentityStatusCache(IdentityLookup lookup, ClusterSignals signals) {
        this.lookup = lookup;
        this.signals = signals;
        signals.on("user", users::invalidate);
        signals.on("session", openSessionOwners::invalidate);
        signals.on("apikey", apiKeys::invalidate);
        signals.onResync(() -> {
            users.invalidateAll();
            openSessionOwners.invalidateAll();
            apiKeys.invalidateAll();
        });
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
        signals.send("user", userId);
    }

    void forgetSession(String sessionId) {
        afterCommit(() -> openSessionOwners.invalidate(sessionId));
        signals.send("session", sessionId);
    }

    void forgetApiKey(String apiKeyId) {
        afterCommit(() -> apiKeys.invalidate(apiKeyId));
        signals.send("apikey", apiKeyId);
    }

    /** Forgotten at once and again once the change is committed, so no read of the old state outlives it. */
    private static void afterCommit(Runnable forget) {
        forget.run();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> forget.run());
        }
    }
}
