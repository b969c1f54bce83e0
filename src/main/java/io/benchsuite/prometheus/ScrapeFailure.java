package io.benchsuite.prometheus;

/** Why a scrape gave no gauges. */
public record ScrapeFailure(Kind kind, String reason) {

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

    @Override
    public String toString() {
        return kind + ": " + reason;
    }
}
