package io.agentledger.command.run.engine;

/** The run no longer accepts the engine's steps (paused, cancelled, finished, or claimed elsewhere). */
final class RunStopped extends RuntimeException {

    RunStopped(String message) {
        super(message, null, false, false);
    }
}
