package io.agentledger.kernel.credential;

/**
 * A value as events carry it: AES-256-GCM ciphertext (base64 of nonce, ciphertext and tag) and the id of
 * the data key it was sealed with. The data key lives outside the event store, so destroying it
 * makes every event that carries this value unreadable.
 */
public record SealedValue(String ciphertext, String keyId) {
}
