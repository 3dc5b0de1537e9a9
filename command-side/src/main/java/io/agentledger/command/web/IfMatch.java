package io.agentledger.command.web;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;

/** Reads the version a client expects from {@code If-Match} ({@code "3"}, {@code W/"3"}) or the body. */
public final class IfMatch {

    private IfMatch() {
    }

    public static Long expectedVersion(String ifMatch, Long fromBody) {
        Long fromHeader = parse(ifMatch);
        if (fromHeader != null && fromBody != null && !fromHeader.equals(fromBody)) {
            throw new DomainException(ErrorCode.BAD_REQUEST, "If-Match and expected_version disagree");
        }
        return fromHeader != null ? fromHeader : fromBody;
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static Long parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorCode.BAD_REQUEST, "If-Match must be a version, such as \"3\"");
        }
    }
}
