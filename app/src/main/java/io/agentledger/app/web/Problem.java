package io.agentledger.app.web;

import io.agentledger.kernel.error.ErrorCode;
import org.springframework.http.HttpStatus;

import java.util.List;

/** RFC 9457 problem details, the one error body of the API. */
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
                      String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors, String requestId) {
        HttpStatus status = HttpStatus.valueOf(code.httpStatus());
        return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, code.name(), errors,
                requestId);
    }

    public record FieldError(String field, String message) {
    }
}
