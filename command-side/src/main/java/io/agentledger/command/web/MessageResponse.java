package io.agentledger.command.web;

public record MessageResponse(String message) {
}
