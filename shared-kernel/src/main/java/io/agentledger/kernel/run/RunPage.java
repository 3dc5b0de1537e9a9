package io.agentledger.kernel.run;

import java.util.List;

public record RunPage(List<RunView> items, long total, int page, int size, int pages) {
}
