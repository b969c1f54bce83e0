package io.benchsuite.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.client.ClientOptions;
import io.benchsuite.client.RequestBodies;
import io.benchsuite.client.StreamingClient;
import io.benchsuite.config.Backend;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.schedule.Dispatcher;
import io.benchsuite.schedule.Progress;
import io.benchsuite.schedule.StopRule;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.benchsuite.time.Ticker;
import io.netty.util.concurrent.EventExecutor;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The self-check against real streams: 100 parallel streams from the exact-schedule simulator, once as they
 * are and once with one event loop of the client blocked for 20 ms in the middle.
 */
class ClientHealthMonitorTest {

    private static final int STREAMS = 100;
    private static final int TOKENS = 16;
    private static final String PROMPT = "Count slowly from one to one hundred.";
    private static final long STALL_MS = 20;
    private static RunningSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = Simulator.start(SimulatorConfig.exact().withFirstTokenMs(50).withInterTokenMs(10), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private record Measured(ClientHealth health, List<RequestRecord> records, long stallNanos) {
    }

    /** A warm-up round, then three rounds of 100 streams under the monitor; with a stall after 300 ms if asked. */
    private static Measured measure(boolean stall) throws Exception {
        ClientOptions options = new ClientOptions(URI.create(simulator.baseUrl()), "/v1/completions",
                Optional.empty(), STREAMS, ClientOptions.DEFAULT_REQUEST_TIMEOUT,
                ClientOptions.connectTimeoutFor(STREAMS), false);
        byte[] body = RequestBodies.completion(Backend.HAPPY_VLLM, "sim-model", PROMPT, TOKENS);
        try (StreamingClient client = StreamingClient.standalone(options)) {
            Dispatcher dispatcher = new Dispatcher(r -> client.send(r, body), Ticker.SYSTEM, Progress.NONE, TOKENS);
            dispatcher.constantConcurrency(Collections.nCopies(STREAMS * 2, PROMPT), STREAMS,
                    StopRule.maxDurationOnly(60));
            long[] stalledAt = {-1};
            ClientHealthMonitor monitor = ClientHealthMonitor.start(client.eventLoops());
            if (stall) {
                EventExecutor loop = client.eventLoops().iterator().next();
                loop.schedule(() -> {
                    stalledAt[0] = System.nanoTime();
                    sleep(STALL_MS);
                }, 300, TimeUnit.MILLISECONDS);
            }
            List<RequestRecord> records = new Dispatcher(r -> client.send(r, body), Ticker.SYSTEM, Progress.NONE,
                    TOKENS).constantConcurrency(Collections.nCopies(STREAMS * 3, PROMPT), STREAMS,
                    StopRule.maxDurationOnly(60));
            ClientHealth health = ClientHealthJudge.judge(monitor.stop(), records);
            assertEquals(STREAMS * 3, records.stream().filter(r -> r.outcome() == Outcome.SUCCESS).count());
            return new Measured(health, records, stalledAt[0]);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aTwentyMillisecondStallOnAnEventLoopDegradesTheBenchmark() throws Exception {
        Measured measured = measure(true);
        ClientHealth health = measured.health();

        long inFlight = measured.records().stream()
                .filter(r -> r.startNanos() <= measured.stallNanos() && r.endNanos() >= measured.stallNanos())
                .count();
        assertTrue(inFlight > STREAMS / 2, "the stall fell in the middle of the run: " + inFlight + " in flight");
        assertEquals(ClientHealth.DEGRADED, health.verdict(), health.toString());
        assertTrue(health.requestsAffected() >= inFlight, health + " vs " + inFlight + " in flight");
        assertTrue(health.eventLoopLagMaxMs() >= STALL_MS - 1, health.toString());
        assertTrue(health.reason().contains("event-loop lags"), health.reason());
    }

    /**
     * Up to three tries: on a shared machine another process can really stall this one, and the self-check is
     * right to say so then; a client that stalled by itself would be degraded every time.
     */
    @Test
    void theSameRunWithoutTheStallIsOk() throws Exception {
        ClientHealth health = measure(false).health();
        for (int attempt = 2; attempt <= 3 && health.degraded(); attempt++) {
            System.err.println("attempt " + (attempt - 1) + " degraded by a stall from outside: " + health.reason());
            health = measure(false).health();
        }

        assertEquals(ClientHealth.OK, health.verdict(), health.toString());
        assertEquals(STREAMS * 3, health.requests());
        assertTrue(health.clientCpuSeconds() > 0, health.toString());
    }
}
