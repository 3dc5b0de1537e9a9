package io.agentledger.kernel.credential;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Both live in one store: credentials (seed 003) belong to a user, secrets (seed 004) to a tenant by name. */
public enum CredentialKind {
    @JsonProperty("credential")
    CREDENTIAL,
    @JsonProperty("secret")
    SECRET
}
