package io.benchsuite.fidelity;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One load level of the fidelity benchmark: {@code streams} requests kept in flight against an exact
 * schedule, {@code requests} sent in all (more than {@code streams} for small levels, so that a p99 rests on
 * enough first tokens).
 *
 * @param streams         requests in flight at once
 * @param requests        requests sent in all (constant concurrency: a new one starts when one ends)
 * @param firstTokenMs    the simulator's delay from arrival to the first token
 * @param interTokenMs    the simulator's delay between tokens
 * @param outputTokens    tokens per answer
 */
@RegisterForReflection
public record Scenario(int streams, int requests, double firstTokenMs, double interTokenMs, int outputTokens) {

    public Scenario {
        if (streams < 1 || requests < streams || outputTokens < 2 || !(firstTokenMs > 0) || !(interTokenMs > 0)) {
            throw new IllegalArgumentException("invalid scenario: " + streams + " streams, " + requests + " requests, "
                    + outputTokens + " tokens, " + firstTokenMs + "/" + interTokenMs + " ms");
        }
    }

    /**
     * The three levels with 64-token answers: 1 and 100 streams at a first token after 50 ms then one
     * every 10 ms; 1,000 streams with one every 50 ms so that a 2-core machine can serve them (20,000 tokens/s).
     * Request counts keep each level to a few seconds while giving at least 10 first tokens to the single
     * stream and several hundred to the others.
     */
    public static java.util.List<Scenario> standard() {
        return java.util.List.of(
                new Scenario(1, 10, 50, 10, 64),
                new Scenario(100, 400, 50, 10, 64),
                new Scenario(1000, 2000, 50, 50, 64));
    }

    /** The time the schedule itself takes for one request, from send to last token. */
    public double scheduledRequestMs() {
        return firstTokenMs + (outputTokens - 1) * interTokenMs;
    }
}
