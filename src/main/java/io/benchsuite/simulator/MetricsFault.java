package io.benchsuite.simulator;

/**
 * How one {@code /metrics} scrape is answered.
 *
 * @param kind    what goes wrong
 * @param delayMs for {@link Kind#SLOW}: how long before the (correct) page is sent
 */
public record MetricsFault(Kind kind, long delayMs) {

    public static final MetricsFault NONE = new MetricsFault(Kind.NONE, 0);

    public enum Kind {
        NONE,
        /** The real page, after a delay. */
        SLOW,
        /** 404 with FastAPI's {@code {"detail":"Not Found"}}, as a server without the route. */
        NOT_FOUND,
        /** 200 with a body that is not Prometheus text at all. */
        GARBAGE
    }

    public MetricsFault {
        java.util.Objects.requireNonNull(kind, "kind");
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs is negative: " + delayMs);
        }
    }
}
