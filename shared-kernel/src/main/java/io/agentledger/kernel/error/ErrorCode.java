package io.agentledger.kernel.error;

/** The error codes clients see in the {@code code} field of every problem response. */
public enum ErrorCode {
    BAD_REQUEST(400),
    MALFORMED_JSON(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    STEP_UP_REQUIRED(403),
    CREDENTIAL_EXPIRED(409),
    UPSTREAM_ERROR(502),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    VERSION_CONFLICT(409),
    DUPLICATE(409),
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    VALIDATION_ERROR(422),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
