package io.agentledger.kernel.workflow;

import java.util.List;

public record WorkflowPage<T>(List<T> items, long total) {
}
