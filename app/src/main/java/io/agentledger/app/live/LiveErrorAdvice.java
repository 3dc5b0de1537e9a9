package io.agentledger.app.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.agentledger.axon.errors.LiveFailure;
import io.agentledger.kernel.error.ErrorCode;
import org.springframework.core.codec.CodecException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import reactor.core.publisher.Mono;

import java.util.stream.Collectors;

/**
 * What goes wrong before a live route runs (unreadable data, mostly), answered like every other refusal.
 * Registered with the RSocket handler by {@link LiveServerConfiguration}.
 */
class LiveErrorAdvice {

    @MessageExceptionHandler
    Mono<Void> failure(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof CodecException || t instanceof MessageConversionException
                    || t instanceof MethodArgumentResolutionException) {
                return Mono.error(new LiveFailure(ErrorCode.VALIDATION_ERROR, "The request data is not valid for "
                        + "this route: " + readable(t)));
            }
        }
        return Mono.error(LiveFailure.of(failure));
    }

    private static String readable(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException unknown) {
                return "unknown field " + field(unknown);
            }
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return "invalid value for " + field(mapping);
            }
            if (t instanceof JsonProcessingException) {
                return "not valid JSON";
            }
        }
        return "it cannot be read as JSON of the expected shape";
    }

    private static String field(JsonMappingException mapping) {
        return mapping.getPath().stream().map(reference -> reference.getFieldName() != null
                ? reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
    }
}
