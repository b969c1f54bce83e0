package io.benchsuite.selfmetrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run --metrics-port} against the simulator: the tool's own metrics are scraped over HTTP
 * while the benchmark runs, the done count moves between two scrapes, and the port is closed afterwards.
 */
@QuarkusMainTest
class SelfMetricsEndpointTest {

    private static final Pattern DONE = Pattern.compile("(?m)^bench_suite_requests_done_total(?:\\{[^}]*})? (\\S+)$");
    /**
     * A launch first builds the application in the test JVM (about 20 s measured with other builds on the two
     * cores), then the run lasts a few seconds.
     */
    private static final long WAIT_SECONDS = 120;

    private static RunningSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        simulator =
                Simulator.start(SimulatorConfig.a100Model7b().withStepBaseMs(10).withStepPerSeqMs(0), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void servesTheToolsOwnMetricsDuringTheRunAndClosesThePortAfter(QuarkusMainLauncher launcher) throws Exception {
        int port = freePort();
        String secret = "sk-must-not-leak";
        CompletableFuture<LaunchResult> run = new CompletableFuture<>();
        // The launcher finds the application through the context class loader, which pool threads lack.
        ClassLoader testLoader = Thread.currentThread().getContextClassLoader();
        Thread launch = new Thread(
                () -> {
                    Thread.currentThread().setContextClassLoader(testLoader);
                    try {
                        run.complete(launcher.launch(
                                "run",
                                "--base-url",
                                simulator.baseUrl(),
                                "--dataset-folder",
                                "datasets",
                                "--api-key",
                                secret,
                                "--prompt-length",
                                "32",
                                "--output-length",
                                "20",
                                "--n-workers",
                                "2",
                                "--max-duration",
                                "3",
                                "--output-file",
                                dir.resolve("one.json").toString(),
                                "--metrics-port",
                                Integer.toString(port)));
                    } catch (Throwable e) {
                        run.completeExceptionally(e);
                    }
                },
                "bench-suite-launch");
        launch.start();

        long launched = System.nanoTime();
        String first = scrapeOnceRequestsAreDone(port, run, 1);
        System.err.printf(
                "first scrape with a request done %.1f s after the launch%n", (System.nanoTime() - launched) / 1e9);
        double doneFirst = done(first);
        for (String name : new String[] {
            "bench_suite_benchmark_info{",
            "bench_suite_requests_in_flight",
            "bench_suite_benchmarks_planned",
            "bench_suite_benchmarks_done",
            "bench_suite_server_kv_cache_usage",
            "bench_suite_client_ttft_seconds_bucket",
            "bench_suite_client_inter_token_latency_seconds_bucket"
        }) {
            assertTrue(first.contains(name), name + " missing from\n" + first);
        }
        assertTrue(first.contains("phase=\"run\""), first);
        assertTrue(first.contains("pair=\"input 32, output 20\""), first);
        assertTrue(!first.contains(secret), "the API key is never exported");
        String second = scrapeOnceRequestsAreDone(port, run, doneFirst + 1);
        assertTrue(done(second) > doneFirst, "done count moves: " + doneFirst + " then " + done(second));
        assertTrue(
                second.matches("(?s).*bench_suite_server_kv_cache_usage(\\{[^}]*})? [0-9.E-]+\\n.*"),
                "KV-cache usage read from the simulator's metrics");

        LaunchResult result = run.get(30, TimeUnit.SECONDS);
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "port closed after the run");
    }

    /** Scrapes until the endpoint answers with at least {@code minimumDone} finished requests. */
    private static String scrapeOnceRequestsAreDone(int port, CompletableFuture<LaunchResult> run, double minimumDone)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                throw new AssertionError("the run ended before the scrape saw " + minimumDone + " requests done: "
                        + run.handle((r, e) -> e != null ? e.toString() : r.getErrorOutput())
                                .join());
            }
            try {
                Response response = given().port(port).get("/q/metrics");
                last = response.statusCode() + "\n" + response.asString();
                if (response.statusCode() == 200 && done(response.asString()) >= minimumDone) {
                    assertTrue(response.contentType().startsWith("text/plain"), response.contentType());
                    return response.asString();
                }
            } catch (Exception notYetListening) {
                last = notYetListening.toString();
                // the run has not opened the port yet (rest-assured throws ConnectException undeclared)
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "no scrape with " + minimumDone + " requests done within " + WAIT_SECONDS + " s; last answer: " + last);
    }

    private static double done(String page) {
        Matcher m = DONE.matcher(page);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
