package io.agentledger.kernel.error;

/** A business rule refused a command; never used for programming errors. */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public static DomainException notFound(String detail) {
        return new DomainException(ErrorCode.NOT_FOUND, detail);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(ErrorCode.CONFLICT, detail);
    }

    public static DomainException invalid(String detail) {
        return new DomainException(ErrorCode.VALIDATION_ERROR, detail);
    }

    public static DomainException badRequest(String detail) {
        return new DomainException(ErrorCode.BAD_REQUEST, detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(ErrorCode.FORBIDDEN, detail);
    }

    public static DomainException limited(String detail) {
        return new DomainException(ErrorCode.RATE_LIMITED, detail);
    }

    public ErrorCode code() {
        return code;
    }

    public BusinessError toBusinessError() {
        return new BusinessError(code, getMessage());
    }
}
