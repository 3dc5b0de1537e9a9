package io.agentledger.kernel.memory;

import java.util.List;

public record MemoryPage<T>(List<T> items, long total, int page, int size, int pages) {
}
