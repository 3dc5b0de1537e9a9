package io.agentledger.query.history;

import io.agentledger.kernel.error.DomainException;

import java.time.Instant;

/**
 * A past moment of one resource: a timestamp ({@code as_of}) or one of its versions ({@code version},
 * the sequence number of its event that made that version).
 */
public record PointInTime(Instant asOf, Long version) {

    /** The point the request asks for, or null when it asks for the present. */
    public static PointInTime of(Instant asOf, Long version) {
        if (asOf != null && version != null) {
            throw DomainException.invalid("Give as_of or version, not both");
        }
        if (version != null && version < 0) {
            throw DomainException.invalid("version must be 0 or more");
        }
        return asOf == null && version == null ? null : new PointInTime(asOf, version);
    }

    /** "did not exist at 2026-…" or "has no version 7", to follow a resource's name. */
    public String absence() {
        return asOf != null ? "did not exist at " + asOf : "has no version " + version;
    }
}
