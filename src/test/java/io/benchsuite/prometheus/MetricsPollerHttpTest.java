package io.benchsuite.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller against a real HTTP server on loopback. */
class MetricsPollerHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private LoopbackMetricsServer server;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackMetricsServer();
        server.body.set(Fixtures.text(Fixtures.V1));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private MetricsPoller poll(double stepSeconds, Duration timeout, String token) {
        PollerSettings settings = PollerSettings.of(
                        server.baseUrl(), "/metrics", stepSeconds, Optional.ofNullable(token), Optional.of("llama-8b"))
                .withScrapeTimeout(timeout);
        return MetricsPoller.start(settings, warnings::add);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static boolean anyRunning(MetricsPoller poller, double running) {
        return poller.samples().stream()
                .anyMatch(s -> s.gauges().runningRequests().orElse(-1) == running);
    }

    @Test
    void followsValueChangesAndStampsEachSampleAtSendTime() throws Exception {
        try (MetricsPoller poller = poll(0.02, Duration.ofSeconds(2), null)) {
            await("three samples", () -> poller.samples().size() >= 3);
            assertEquals(
                    new ServerGauges(
                            java.util.OptionalDouble.of(8),
                            java.util.OptionalDouble.of(6),
                            java.util.OptionalDouble.of(0.4375)),
                    poller.samples().get(0).gauges());

            server.body.set(Fixtures.text(Fixtures.V1)
                    .replace(
                            "vllm:num_requests_running{engine=\"0\",model_name=\"llama-8b\"} 3.0",
                            "vllm:num_requests_running{engine=\"0\",model_name=\"llama-8b\"} 6.0"));
            await("the new running count 6 + 5", () -> anyRunning(poller, 11));
            poller.close();

            List<GaugeSample> samples = poller.samples();
            List<Long> arrivals = List.copyOf(server.arrivalNanos);
            assertEquals(0, poller.counts().failed());
            assertEquals(samples.size(), poller.counts().succeeded());
            // Scrapes are sequential and all succeeded, so request i is sample i: the send stamp precedes the
            // server's arrival stamp, and the arrival falls within the measured latency (same JVM clock).
            for (int i = 0; i < samples.size(); i++) {
                GaugeSample sample = samples.get(i);
                assertTrue(sample.sentNanos() <= arrivals.get(i), "sample " + i + " stamped after arrival");
                assertTrue(arrivals.get(i) <= sample.sentNanos() + sample.latencyNanos(), "sample " + i);
            }
            assertEquals(1, server.maxInFlight.get());
            assertEquals(List.of(), warnings);
        }
    }

    @Test
    void aScrapeSlowerThanTheStepDelaysTheNextOneAndNeverOverlaps() throws Exception {
        server.delayMillis.set(120);
        try (MetricsPoller poller = poll(0.01, Duration.ofSeconds(2), null)) {
            await("four samples", () -> poller.samples().size() >= 4);
            poller.close();

            List<GaugeSample> samples = poller.samples();
            assertEquals(1, server.maxInFlight.get());
            for (int i = 1; i < samples.size(); i++) {
                long gapMillis =
                        (samples.get(i).sentNanos() - samples.get(i - 1).sentNanos()) / 1_000_000;
                assertTrue(gapMillis >= 120, "gap " + gapMillis + " ms between sends " + (i - 1) + " and " + i);
            }
            samples.forEach(s -> assertTrue(s.latencyNanos() >= 120_000_000L, "latency " + s.latencyNanos()));
            assertEquals(0, poller.counts().failed());
        }
    }

    @Test
    void timeoutsAreCountedAndThePollerRecoversWhenTheServerSpeedsUp() throws Exception {
        server.delayMillis.set(1000);
        try (MetricsPoller poller = poll(0.01, Duration.ofMillis(100), null)) {
            await("two timeouts", () -> poller.counts().failed(ScrapeFailure.Kind.TIMEOUT) >= 2);
            assertEquals(0, poller.counts().succeeded());
            assertTrue(poller.counts().lastFailure().orElseThrow().reason().contains("100 ms"));

            server.delayMillis.set(0);
            await("a sample after recovery", () -> poller.counts().succeeded() >= 1);
            assertEquals(1, warnings.stream().filter(w -> w.contains("TIMEOUT")).count(), warnings.toString());
        }
    }

    @Test
    void notFoundIsAnHttpStatusFailureUntilThePageComesBack() throws Exception {
        server.status.set(404);
        server.body.set("{\"detail\":\"Not Found\"}");
        try (MetricsPoller poller = poll(0.01, Duration.ofSeconds(2), null)) {
            await("two 404s", () -> poller.counts().failed(ScrapeFailure.Kind.HTTP_STATUS) >= 2);
            String reason = poller.counts().lastFailure().orElseThrow().reason();
            assertTrue(reason.startsWith("HTTP 404 from " + server.baseUrl() + "/metrics"), reason);
            assertTrue(reason.endsWith("{\"detail\":\"Not Found\"}"), reason);

            server.status.set(200);
            server.body.set(Fixtures.text(Fixtures.V0));
            await("a V0 sample", () -> poller.counts().succeeded() >= 1);
            assertEquals(0.123, poller.samples().get(0).gauges().kvCacheUsage().getAsDouble());
        }
    }

    @Test
    void garbageIsAnUnparsableFailureButAnEmptyPageIsNoValuesAndOneNote() throws Exception {
        server.body.set("<html><body>Welcome</body></html>\n");
        try (MetricsPoller poller = poll(0.01, Duration.ofSeconds(2), null)) {
            await("an unparsable page", () -> poller.counts().failed(ScrapeFailure.Kind.UNPARSABLE) >= 1);
            assertTrue(poller.counts().lastFailure().orElseThrow().reason().contains("<html>"));

            server.body.set("# HELP vllm:num_requests_running Number of requests.\n"
                    + "# TYPE vllm:num_requests_running gauge\n");
            await("pages of families without samples", () -> poller.counts().succeeded() >= 2);
            server.body.set("");
            long before = poller.counts().succeeded();
            await("empty pages", () -> poller.counts().succeeded() > before + 1);

            assertEquals(ServerGauges.NONE, poller.latest().orElseThrow().gauges());
            assertEquals(
                    1,
                    warnings.stream()
                            .filter(w -> w.contains("no metric sample"))
                            .count(),
                    warnings.toString());
        }
    }

    @Test
    void aNotFoundOnMetricsWithASlashTriesMetricsOnceAndKeepsIt() throws Exception {
        server.notFoundWithSlash = true;
        server.body.set(Fixtures.text(Fixtures.V0));
        PollerSettings settings =
                PollerSettings.of(server.baseUrl(), "/metrics/", 0.01, Optional.empty(), Optional.empty());
        try (MetricsPoller poller = MetricsPoller.start(settings, warnings::add)) {
            await("three samples", () -> poller.counts().succeeded() >= 3);
            assertEquals(0, poller.counts().failed());
            assertEquals(
                    0.123, poller.latest().orElseThrow().gauges().kvCacheUsage().getAsDouble());
        }
    }

    @Test
    void aNotFoundOnBothPathsIsCountedAndMetricsIsTriedOnlyOnce() throws Exception {
        server.status.set(404);
        PollerSettings settings =
                PollerSettings.of(server.baseUrl(), "/metrics/", 0.01, Optional.empty(), Optional.empty());
        try (MetricsPoller poller = MetricsPoller.start(settings, warnings::add)) {
            await("three 404s", () -> poller.counts().failed(ScrapeFailure.Kind.HTTP_STATUS) >= 3);
            // One scrape for each failure, plus the single try of /metrics.
            assertEquals(poller.counts().failed() + 1, server.arrivalNanos.size(), 1);
            assertTrue(poller.counts().lastFailure().orElseThrow().reason().contains("/metrics/"));
        }
    }

    @Test
    void aHalfBrokenPageStillGivesItsGaugesAndOneWarning() throws Exception {
        server.body.set("vllm:num_requests_running{engine=\"0\"} 2\nvllm:num_requests_waiting{engine=\"0\" 1\n"
                + "vllm:kv_cache_usage_perc 0.5\n");
        try (MetricsPoller poller = poll(0.01, Duration.ofSeconds(2), null)) {
            await("three samples", () -> poller.samples().size() >= 3);

            ServerGauges gauges = poller.samples().get(0).gauges();
            assertEquals(2.0, gauges.runningRequests().getAsDouble());
            assertTrue(gauges.waitingRequests().isEmpty());
            assertEquals(0.5, gauges.kvCacheUsage().getAsDouble());
            assertEquals(
                    1,
                    warnings.stream()
                            .filter(w -> w.contains("unreadable lines"))
                            .count(),
                    warnings.toString());
            assertEquals(
                    1,
                    warnings.stream()
                            .filter(w -> w.contains("no usable vllm:num_requests_waiting"))
                            .count());
        }
    }

    @Test
    void connectionRefusedIsCountedAndThePollerKeepsRunning() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PollerSettings settings = PollerSettings.of(
                "http://127.0.0.1:" + closedPort, "metrics", 0.01, Optional.empty(), Optional.empty());
        try (MetricsPoller poller = MetricsPoller.start(settings, warnings::add)) {
            await("three refused connections", () -> poller.counts().failed(ScrapeFailure.Kind.CONNECTION) >= 3);
            assertTrue(poller.isPolling());
            assertTrue(
                    poller.counts().lastFailure().orElseThrow().reason().startsWith("connection refused"),
                    poller.counts().lastFailure().toString());
        }
    }

    @Test
    void followsTheOldRedirectToMetricsSlashAndSendsTheBearerToken() throws Exception {
        server.redirectToSlash = true;
        server.requiredToken = "s3cret";
        try (MetricsPoller poller = poll(0.01, Duration.ofSeconds(2), "s3cret")) {
            await("a sample through the redirect", () -> poller.counts().succeeded() >= 1);
            assertEquals(0, poller.counts().failed());
        }
    }

    @Test
    void aWrongTokenIsAnHttpStatusFailure() throws Exception {
        server.requiredToken = "s3cret";
        try (MetricsPoller poller = poll(0.01, Duration.ofSeconds(2), "wrong")) {
            await("a 401", () -> poller.counts().failed(ScrapeFailure.Kind.HTTP_STATUS) >= 1);
            assertTrue(poller.counts().lastFailure().orElseThrow().reason().startsWith("HTTP 401"));
            assertEquals(
                    java.util.OptionalInt.of(401),
                    poller.counts().lastFailure().orElseThrow().httpStatus());
        }
    }

    @Test
    void openMetricsContentTypeSelectsTheOpenMetricsDialect() throws Exception {
        server.contentType.set("application/openmetrics-text; version=1.0.0; charset=utf-8");
        server.body.set(Fixtures.text(Fixtures.OPENMETRICS));
        try (MetricsPoller poller = poll(0.01, Duration.ofSeconds(2), null)) {
            await("a sample", () -> poller.counts().succeeded() >= 1);
            // The page's running gauge has a float-seconds timestamp, only valid in OpenMetrics.
            assertEquals(2.0, poller.samples().get(0).gauges().runningRequests().getAsDouble());
            assertTrue(warnings.stream().noneMatch(w -> w.contains("unreadable")), warnings.toString());
        }
    }
}
