package io.agentledger.kernel.apikey;

import java.util.List;

public record ApiKeyPage(List<ApiKeyView> items, long total, int page, int size, int pages) {
}
