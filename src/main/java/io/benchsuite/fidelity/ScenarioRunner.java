package io.benchsuite.fidelity;

import io.benchsuite.client.ClientOptions;
import io.benchsuite.client.CompletionRequest;
import io.benchsuite.client.RequestBodies;
import io.benchsuite.client.StreamingClient;
import io.benchsuite.config.Backend;
import io.benchsuite.prometheus.MetricsPoller;
import io.benchsuite.prometheus.PollerSettings;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.schedule.Dispatcher;
import io.benchsuite.schedule.Progress;
import io.benchsuite.schedule.StopRule;
import io.benchsuite.schedule.Ticker;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Runs one scenario against a running exact-schedule simulator with the benchmark's own parts: the streaming
 * client, the dispatcher's constant-concurrency profile and the metrics poller scraping every 10 ms, so that
 * what is measured is what {@code bench-suite run} does.
 */
final class ScenarioRunner {

    private static final Logger LOG = Logger.getLogger(ScenarioRunner.class);
    static final Duration METRICS_STEP = Duration.ofMillis(10);
    private static final String MODEL = "sim-model";
    private static final String PROMPT = "Count slowly from one to one hundred.";
    /** Tokens of the warm-up answers: enough to run every code path many times, short enough to be quick. */
    private static final int WARM_UP_TOKENS = 16;

    private final Vertx vertx;
    private final String baseUrl;
    private final Scenario scenario;
    private final LongSupplier serverCpuNanos;

    /** @param serverCpuNanos the simulator process's CPU time so far (-1 when unknown) */
    ScenarioRunner(Vertx vertx, String baseUrl, Scenario scenario, LongSupplier serverCpuNanos) {
        this.vertx = vertx;
        this.baseUrl = baseUrl;
        this.scenario = scenario;
        this.serverCpuNanos = serverCpuNanos;
    }

    /** One warm-up round (not measured: it pays for class loading, JIT and connection set-up), then N runs. */
    List<ScenarioResult> run(int repetitions) throws InterruptedException {
        ClientOptions options = new ClientOptions(URI.create(baseUrl), "/v1/completions", Optional.empty(),
                scenario.streams(), ClientOptions.DEFAULT_REQUEST_TIMEOUT,
                ClientOptions.connectTimeoutFor(scenario.streams()), false);
        PollerSettings pollerSettings = PollerSettings.of(baseUrl, "/metrics", METRICS_STEP.toNanos() / 1e9,
                Optional.empty(), Optional.of(MODEL));
        try (StreamingClient client = new StreamingClient(vertx, options);
                MetricsPoller poller = MetricsPoller.start(pollerSettings, LOG::warn)) {
            sendAll(client, scenario.streams() * 2, WARM_UP_TOKENS);
            List<ScenarioResult> results = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                System.gc(); // start each repetition from a clean heap, so peaks do not carry over
                results.add(measure(client, poller));
            }
            return results;
        }
    }

    private ScenarioResult measure(StreamingClient client, MetricsPoller poller) throws InterruptedException {
        long serverCpuBefore = serverCpuNanos.getAsLong();
        ResourceMeter meter = ResourceMeter.start();
        long start = System.nanoTime();
        List<RequestRecord> records = sendAll(client, scenario.requests(), scenario.outputTokens());
        long end = System.nanoTime();
        ResourceUsage usage = meter.stop();
        long serverCpuAfter = serverCpuNanos.getAsLong();
        long serverCpu = serverCpuBefore < 0 || serverCpuAfter < 0 ? -1 : serverCpuAfter - serverCpuBefore;
        int scrapes = poller.samplesBetween(start, end).size();
        TimingErrors timing = TimingErrors.of(records, scenario.firstTokenMs(), scenario.interTokenMs());
        return new ScenarioResult(timing, usage, (end - start) / 1e9, scrapes, serverCpu);
    }

    private List<RequestRecord> sendAll(StreamingClient client, int requests, int tokens)
            throws InterruptedException {
        Dispatcher dispatcher = new Dispatcher(r -> client.send(r, body(r, tokens)), Ticker.SYSTEM, Progress.NONE,
                tokens);
        List<String> prompts = Collections.nCopies(requests, PROMPT);
        // No time limit worth the name: the run ends when every prompt was answered.
        return dispatcher.constantConcurrency(prompts, scenario.streams(), StopRule.maxDurationOnly(3600));
    }

    private static byte[] body(CompletionRequest request, int tokens) {
        return RequestBodies.completion(Backend.HAPPY_VLLM, MODEL, request.prompt(), tokens);
    }
}
