package io.agentledger.axon.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.kernel.error.BusinessError;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * A failure as RSocket clients receive it: the error frame's message is a JSON object with the same
 * {@code code}, {@code status} and {@code detail} a REST client would get for the same refusal.
 */
public final class LiveFailure extends RuntimeException {

    private static final Logger log = LoggerFactory.getLogger(LiveFailure.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ErrorCode code;
    private final String detail;

    public LiveFailure(ErrorCode code, String detail) {
        super(json(code, detail), null, false, false);
        this.code = code;
        this.detail = detail;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** The failure as the client should see it; what the service got wrong is logged, not shown. */
    public static LiveFailure of(Throwable failure) {
        if (failure instanceof LiveFailure live) {
            return live;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return new LiveFailure(domain.code(), domain.getMessage());
            }
            if (t instanceof CommandExecutionException execution
                    && execution.getDetails().orElse(null) instanceof BusinessError error) {
                return new LiveFailure(error.code(), error.detail());
            }
            if (t instanceof AggregateNotFoundException notFound) {
                return new LiveFailure(ErrorCode.NOT_FOUND, "Resource " + notFound.getAggregateIdentifier()
                        + " not found");
            }
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return new LiveFailure(ErrorCode.CONFLICT, "A concurrent change to the same resource won; retry");
            }
        }
        log.error("Unexpected failure serving an RSocket request", cause);
        return new LiveFailure(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side");
    }

    private static String json(ErrorCode code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.name());
        body.put("status", code.httpStatus());
        body.put("detail", detail);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            return code.name();
        }
    }
}
