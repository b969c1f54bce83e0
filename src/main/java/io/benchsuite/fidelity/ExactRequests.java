package io.benchsuite.fidelity;

import io.benchsuite.client.RequestBodies;
import io.benchsuite.client.StreamingClient;
import io.benchsuite.config.Backend;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.schedule.Dispatcher;
import io.benchsuite.schedule.Progress;
import io.benchsuite.schedule.StopRule;
import io.benchsuite.time.Ticker;
import java.util.Collections;
import java.util.List;

/**
 * The requests the by-hand benchmarks (fidelity, load) send to the exact-schedule simulator: all the same, so
 * one body serves them all and the prompt is not part of the cost, kept in flight by the dispatcher's
 * constant-concurrency profile as {@code bench-suite run} does.
 */
public final class ExactRequests {

    /** The model the simulator serves by default. */
    public static final String MODEL = "sim-model";

    static final String PROMPT = "Count slowly from one to one hundred.";
    /** Far beyond any schedule these benchmarks use: a run ends when every request was answered. */
    private static final double NO_TIME_LIMIT_SECONDS = 3600;

    private ExactRequests() {}

    /** The request body asking for exactly {@code tokens} tokens. */
    public static byte[] body(int tokens) {
        return RequestBodies.completion(Backend.HAPPY_VLLM, MODEL, PROMPT, tokens);
    }

    /** Sends {@code requests} requests, {@code concurrency} at a time, and returns their records. */
    public static List<RequestRecord> sendAll(StreamingClient client, int requests, int concurrency, int tokens)
            throws InterruptedException {
        byte[] body = body(tokens);
        Dispatcher dispatcher = new Dispatcher(r -> client.send(r, body), Ticker.SYSTEM, Progress.NONE, tokens);
        return dispatcher.constantConcurrency(
                Collections.nCopies(requests, PROMPT), concurrency, StopRule.maxDurationOnly(NO_TIME_LIMIT_SECONDS));
    }
}
