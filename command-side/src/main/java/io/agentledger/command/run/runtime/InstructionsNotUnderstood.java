package io.agentledger.command.run.runtime;

import java.util.Locale;

/** Instructions a runtime cannot carry out, and why. */
public class InstructionsNotUnderstood extends RuntimeException {

    InstructionsNotUnderstood(String message) {
        super(message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1));
    }
}
