package io.agentledger.command.run.runtime;

/** The model answered, but not in the shape asked for; worth asking again. */
class MalformedReply extends RuntimeException {

    MalformedReply(String message) {
        super(message);
    }
}
