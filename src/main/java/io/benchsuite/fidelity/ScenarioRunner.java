package io.benchsuite.fidelity;

import io.benchsuite.client.ClientOptions;
import io.benchsuite.client.StreamingClient;
import io.benchsuite.health.ClientHealth;
import io.benchsuite.health.ClientHealthJudge;
import io.benchsuite.health.ClientHealthMonitor;
import io.benchsuite.prometheus.MetricsPoller;
import io.benchsuite.prometheus.PollerSettings;
import io.benchsuite.record.RequestRecord;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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

    /** What a scenario measured: the streaming client's repetitions, then the bare reader's. */
    record Runs(List<ScenarioResult> client, List<ScenarioResult> floor) {}

    /**
     * One warm-up round (not measured: it pays for class loading, JIT and connection set-up), then N runs of
     * the streaming client with the metrics poller, then the same for the bare reader, alone, as the floor.
     */
    Runs run(int repetitions) throws InterruptedException, IOException {
        ClientOptions options = new ClientOptions(
                URI.create(baseUrl),
                "/v1/completions",
                Optional.empty(),
                scenario.streams(),
                ClientOptions.DEFAULT_REQUEST_TIMEOUT,
                ClientOptions.connectTimeoutFor(scenario.streams()),
                false);
        PollerSettings pollerSettings = PollerSettings.of(
                baseUrl, "/metrics", METRICS_STEP.toNanos() / 1e9, Optional.empty(), Optional.of(ExactRequests.MODEL));
        List<ScenarioResult> client = new ArrayList<>();
        try (StreamingClient streamingClient = new StreamingClient(vertx, options);
                MetricsPoller poller = MetricsPoller.start(pollerSettings, LOG::warn)) {
            sendAll(streamingClient, scenario.streams() * 2, WARM_UP_TOKENS);
            for (int i = 0; i < repetitions; i++) {
                System.gc(); // start each repetition from a clean heap, so peaks do not carry over
                client.add(measure(
                        streamingClient.eventLoops(),
                        () -> sendAll(streamingClient, scenario.requests(), scenario.outputTokens()),
                        () -> (int) poller.counts().succeeded()));
            }
        }
        URI uri = URI.create(baseUrl);
        new BareStreamReader(uri, "/v1/completions", ExactRequests.body(WARM_UP_TOKENS), WARM_UP_TOKENS)
                .run(scenario.streams(), scenario.streams() * 2);
        BareStreamReader bare = new BareStreamReader(
                uri, "/v1/completions", ExactRequests.body(scenario.outputTokens()), scenario.outputTokens());
        List<ScenarioResult> floor = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            System.gc();
            floor.add(measure(List.of(), () -> bare.run(scenario.streams(), scenario.requests()), () -> 0));
        }
        return new Runs(client, floor);
    }

    /** One measured exchange of all the scenario's requests. */
    @FunctionalInterface
    private interface Exchange {
        List<RequestRecord> run() throws InterruptedException, IOException;
    }

    /**
     * @param eventLoops the loops reading the streams, probed by the client's self-check as in a benchmark
     *                   (none for the bare reader, whose self-check then sees only GC pauses)
     */
    private ScenarioResult measure(
            Iterable<io.netty.util.concurrent.EventExecutor> eventLoops,
            Exchange exchange,
            java.util.function.IntSupplier scrapesSoFar)
            throws InterruptedException, IOException {
        long serverCpuBefore = serverCpuNanos.getAsLong();
        int scrapesBefore = scrapesSoFar.getAsInt();
        ResourceMeter meter = ResourceMeter.start();
        ClientHealthMonitor health = ClientHealthMonitor.start(eventLoops);
        long start = System.nanoTime();
        List<RequestRecord> records = exchange.run();
        long end = System.nanoTime();
        ClientHealth clientHealth = ClientHealthJudge.judge(health.stop(), records);
        ResourceUsage usage = meter.stop();
        long serverCpuAfter = serverCpuNanos.getAsLong();
        long serverCpu = serverCpuBefore < 0 || serverCpuAfter < 0 ? -1 : serverCpuAfter - serverCpuBefore;
        int scrapes = scrapesSoFar.getAsInt() - scrapesBefore;
        TimingErrors timing = TimingErrors.of(records, scenario.firstTokenMs(), scenario.interTokenMs());
        return new ScenarioResult(timing, usage, (end - start) / 1e9, scrapes, serverCpu, clientHealth);
    }

    private List<RequestRecord> sendAll(StreamingClient client, int requests, int tokens) throws InterruptedException {
        return ExactRequests.sendAll(client, requests, scenario.streams(), tokens);
    }
}
