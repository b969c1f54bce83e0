package io.benchsuite.prometheus;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why a scrape gave no gauges.
 *
 * @param kind       what went wrong
 * @param reason     one line for the user: what was asked and what came back
 * @param httpStatus the status of the answer, present exactly when {@code kind} is {@link Kind#HTTP_STATUS}, so
 *                   that callers decide on the number (a refused key is 401 or 403) rather than on the text
 */
public record ScrapeFailure(Kind kind, String reason, OptionalInt httpStatus) {

    public enum Kind {
        /** The server answered with a status other than 200 (after redirects). */
        HTTP_STATUS,
        /** Connection refused, reset or closed early. */
        CONNECTION,
        /** No complete answer within the scrape timeout. */
        TIMEOUT,
        /** A 200 answer whose lines are not the text format (an HTML page...); an empty page is not a failure. */
        UNPARSABLE,
        /** Anything else, e.g. a TLS error; the poller keeps going. */
        OTHER
    }

    public ScrapeFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(httpStatus, "httpStatus");
        if ((kind == Kind.HTTP_STATUS) != httpStatus.isPresent()) {
            throw new IllegalArgumentException("an HTTP status goes with kind HTTP_STATUS only: " + kind);
        }
    }

    /** A failure that got no HTTP answer, or a 200 that could not be used: any kind but {@link Kind#HTTP_STATUS}. */
    public static ScrapeFailure of(Kind kind, String reason) {
        return new ScrapeFailure(kind, reason, OptionalInt.empty());
    }

    /** An answer with a status other than 200. */
    public static ScrapeFailure status(int status, String reason) {
        return new ScrapeFailure(Kind.HTTP_STATUS, reason, OptionalInt.of(status));
    }

    @Override
    public String toString() {
        return kind + ": " + reason;
    }
}
