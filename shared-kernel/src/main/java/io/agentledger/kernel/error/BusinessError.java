package io.agentledger.kernel.error;

/**
 * A refusal by a command handler, carried as the details of Axon's CommandExecutionException so
 * that it survives a trip through Axon Server as well as the local command bus.
 */
public record BusinessError(ErrorCode code, String detail) {
}
