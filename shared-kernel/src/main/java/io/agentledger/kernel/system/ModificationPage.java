package io.agentledger.kernel.system;

import java.util.List;

public record ModificationPage(List<ModificationView> items, long total, int page, int size, int pages) {
}
