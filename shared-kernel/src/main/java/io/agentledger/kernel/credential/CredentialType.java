package io.agentledger.kernel.credential;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum CredentialType {
    @JsonProperty("api_key")
    API_KEY,
    @JsonProperty("password")
    PASSWORD,
    @JsonProperty("oauth_token")
    OAUTH_TOKEN,
    @JsonProperty("certificate")
    CERTIFICATE
}
