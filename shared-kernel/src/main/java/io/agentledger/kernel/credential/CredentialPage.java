package io.agentledger.kernel.credential;

import java.util.List;

public record CredentialPage(List<CredentialView> items, long total, int page, int size, int pages) {
}
