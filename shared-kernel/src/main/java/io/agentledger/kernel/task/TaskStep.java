package io.agentledger.kernel.task;

/** One step of a task's plan: what it does, with which tool. */
public record TaskStep(String id, String description, String tool) {
}
