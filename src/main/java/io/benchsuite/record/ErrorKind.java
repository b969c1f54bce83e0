package io.benchsuite.record;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Why a request did not succeed, classified by the client from what it saw rather than from exception text
 * (the original tool matched traceback text, which broke with library versions).
 */
@RegisterForReflection
public enum ErrorKind {
    /** The request succeeded. */
    NONE,
    /** The server answered with a status other than 200; the status is in the record. */
    HTTP_STATUS,
    /** The per-request timeout fired. The only kind allowed with {@link Outcome#TIMEOUT}. */
    TIMEOUT,
    CONNECTION_REFUSED,
    CONNECTION_RESET,
    /** The body ended without the {@code [DONE]} event. */
    STREAM_TRUNCATED,
    /** The server sent an error object inside the event stream. */
    STREAM_ERROR_EVENT,
    /** A {@code data:} event that is not valid JSON or lacks the expected fields. */
    MALFORMED_CHUNK,
    /** The run stopped (Ctrl-C, end of benchmark) while the request was in flight. */
    CANCELLED,
    OTHER;

    /** The outcome this kind implies: each kind belongs to exactly one outcome. */
    public Outcome outcome() {
        return switch (this) {
            case NONE -> Outcome.SUCCESS;
            case TIMEOUT -> Outcome.TIMEOUT;
            default -> Outcome.ERROR;
        };
    }
}
