package io.agentledger.kernel.credential;

import io.agentledger.kernel.page.PageSpec;

public final class CredentialQueries {

    private CredentialQueries() {
    }

    /** Credentials of their owner; secrets of the whole tenant ({@code ownerId} ignored). */
    public record ListCredentials(String tenantId, String ownerId, CredentialKind kind, PageSpec pageSpec) {
    }

    public record FindCredential(String credentialId, String tenantId) {
    }

    public record FindCredentialVersion(String credentialId) {
    }
}
