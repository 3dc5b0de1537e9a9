package io.agentledger.kernel.connector;

import java.util.List;

public record ConnectorPage(List<ConnectorView> items, long total, int page, int size, int pages) {
}
