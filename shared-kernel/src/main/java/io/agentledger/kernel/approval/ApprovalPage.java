package io.agentledger.kernel.approval;

import java.util.List;

public record ApprovalPage(List<ApprovalView> items, long total, int page, int size, int pages) {
}
