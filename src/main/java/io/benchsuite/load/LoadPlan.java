package io.benchsuite.load;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the load benchmark sends: {@code streams} requests kept in flight (a new one starts as soon as one
 * ends) until {@code streams x requestsPerStream} were sent, against a simulator that answers each with
 * {@code outputTokens} tokens, the first after {@code firstTokenMs} and then one every {@code interTokenMs}.
 *
 * @param keepGeneratedText whether records keep the generated text, to measure what it costs in memory
 */
@RegisterForReflection
public record LoadPlan(int streams, int requestsPerStream, int outputTokens, double firstTokenMs,
        double interTokenMs, boolean keepGeneratedText) {

    public LoadPlan {
        if (streams < 1 || requestsPerStream < 1 || outputTokens < 1 || !(firstTokenMs > 0)
                || !(interTokenMs > 0)) {
            throw new IllegalArgumentException("invalid load plan: " + streams + " streams, " + requestsPerStream
                    + " requests each, " + outputTokens + " tokens, " + firstTokenMs + "/" + interTokenMs + " ms");
        }
    }

    public int requests() {
        return streams * requestsPerStream;
    }

    /** Tokens a second the simulator must write, and the client read, while every stream is generating. */
    public double tokensPerSecond() {
        return streams * 1000.0 / interTokenMs;
    }

    /** The shortest possible run: each stream's requests one after the other, on schedule. */
    public double scheduledSeconds() {
        return requestsPerStream * (firstTokenMs + (outputTokens - 1) * interTokenMs) / 1000.0;
    }
}
