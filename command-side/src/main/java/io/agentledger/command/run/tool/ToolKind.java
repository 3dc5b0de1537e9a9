package io.agentledger.command.run.tool;

/** What a tool does to the world, which decides when it needs a human's approval. */
public enum ToolKind {
    /** Only reads. */
    READ_ONLY,
    /** Changes something of ours (a document, a calendar). */
    SIDE_EFFECTING,
    /** Reaches people or systems outside (an email). */
    EXTERNAL_COMMUNICATION
}
