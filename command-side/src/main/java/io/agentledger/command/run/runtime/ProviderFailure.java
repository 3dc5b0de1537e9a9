package io.agentledger.command.run.runtime;

/** A provider kept failing (or answered nonsense) after every retry. */
public class ProviderFailure extends RuntimeException {

    public ProviderFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
