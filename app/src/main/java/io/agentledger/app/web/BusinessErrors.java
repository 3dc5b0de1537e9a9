package io.agentledger.app.web;

import io.agentledger.kernel.error.BusinessError;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;

/** The domain's refusal inside a failure, however the command bus wrapped it; null when there is none. */
public final class BusinessErrors {

    private BusinessErrors() {
    }

    public static BusinessError of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CommandExecutionException execution) {
                Object details = execution.getDetails().orElse(null);
                if (details instanceof BusinessError error) {
                    return error;
                }
            }
            if (t instanceof DomainException domain) {
                return domain.toBusinessError();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
