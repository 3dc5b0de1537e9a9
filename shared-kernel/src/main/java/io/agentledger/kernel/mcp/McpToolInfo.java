package io.agentledger.kernel.mcp;

import java.util.Map;

/** A tool an MCP server offers, as its {@code tools/list} describes it. */
public record McpToolInfo(String name, String description, Map<String, Object> inputSchema) {
}
