package io.benchsuite.load;

import io.benchsuite.client.ClientOptions;
import java.time.Duration;

/**
 * What the load benchmark sends: {@code streams} requests kept in flight (a new one starts as soon as one
 * ends) until {@code streams x requestsPerStream} were sent, against a simulator that answers each with
 * {@code outputTokens} tokens, the first after {@code firstTokenMs} and then one every {@code interTokenMs}.
 *
 * @param keepGeneratedText whether records keep the generated text, to measure what it costs in memory
 */
public record LoadPlan(
        int streams,
        int requestsPerStream,
        int outputTokens,
        double firstTokenMs,
        double interTokenMs,
        boolean keepGeneratedText) {

    public LoadPlan {
        if (streams < 1 || requestsPerStream < 1 || outputTokens < 1 || !(firstTokenMs > 0) || !(interTokenMs > 0)) {
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
        return requestsPerStream * scheduledRequestMs() / 1000.0;
    }

    /**
     * Time allowed to one request: the time to connect amid the burst of connections, plus ten times its own
     * schedule. Far beyond the slowest request of a run that works, yet short enough that a request stuck
     * behind a server that stopped answering (a simulator out of file descriptors leaves connections in its
     * accept queue, where the client sees them open and waits) ends as a TIMEOUT and the run gives its
     * verdict, instead of waiting out a benchmark's 30-minute timeout.
     */
    public Duration requestTimeout() {
        return ClientOptions.connectTimeoutFor(streams).plusMillis(Math.round(10 * scheduledRequestMs()));
    }

    private double scheduledRequestMs() {
        return firstTokenMs + (outputTokens - 1) * interTokenMs;
    }
}
