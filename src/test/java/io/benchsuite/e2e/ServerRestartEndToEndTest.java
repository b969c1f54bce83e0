package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.FaultPolicy;
import io.benchsuite.simulator.GenerationRequest;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server restart in the middle of a run, through the real command line against the simulator on loopback.
 * The restart is started by the simulator itself on a chosen request (a fault policy counting arrivals), so
 * that it falls among a benchmark's measured requests whatever the machine's speed, never on a warm-up.
 */
@QuarkusMainTest
class ServerRestartEndToEndTest {

    /** 5 ms to the first token, then 2 ms per token. */
    private static final SimulatorConfig QUICK =
            SimulatorConfig.exact().withFirstTokenMs(5).withInterTokenMs(2);

    @TempDir
    Path dir;

    /**
     * Goes down for {@code down} when the {@code nth} completion request arrives once {@code armed} says so;
     * that request's own connection closes with the socket.
     */
    private static FaultPolicy restartAt(BooleanSupplier armed, int nth, Duration down) {
        AtomicInteger seen = new AtomicInteger();
        AtomicBoolean fired = new AtomicBoolean();
        FaultPolicy.RequestFaults restart = new FaultPolicy.RequestFaults() {
            @Override
            public Optional<Duration> restart() {
                return Optional.of(down);
            }
        };
        return (GenerationRequest request, UnaryOperator<String> headers) ->
                armed.getAsBoolean() && seen.incrementAndGet() == nth && !fired.getAndSet(true)
                        ? restart
                        : FaultPolicy.RequestFaults.NONE;
    }

    @Test
    void aRunGoesOnThroughARestartAndCountsTheRefusedRequests(QuarkusMainLauncher launcher) throws Exception {
        // Request 1 is the set-up probe, 2 the warm-up: the 10th is the 8th measured one, early in a 2.5 s run
        // so that most of it comes after the 300 ms window even on a loaded machine.
        try (RunningSimulator simulator =
                Simulator.start(QUICK, "127.0.0.1", 0, restartAt(() -> true, 10, Duration.ofMillis(300)))) {
            Path out = dir.resolve("raw.json");
            LaunchResult result = launcher.launch(
                    "run",
                    "--base-url",
                    simulator.baseUrl(),
                    "--dataset-folder",
                    "datasets",
                    "--prompt-length",
                    "0",
                    "--output-length",
                    "8",
                    "--n-workers",
                    "2",
                    "--max-duration",
                    "2.5",
                    "--max-queries",
                    "2000",
                    "--max-consecutive-failures",
                    "1000000",
                    "--max-failed-share",
                    "0.9",
                    "--output-file",
                    out.toString());
            assertEquals(0, result.exitCode(), result.getErrorOutput());

            JsonNode json = new ObjectMapper().readTree(out.toFile());
            assertTrue(json.get("complete").asBoolean());
            JsonNode general = json.get("general_metrics");
            JsonNode byKind = general.get("errors_by_kind");
            int refused = byKind.path("CONNECTION_REFUSED").asInt();
            int reset = byKind.path("CONNECTION_RESET").asInt();
            int errored = general.get("nb_errored_queries").asInt();
            assertTrue(refused > 0, "requests sent while down are refused: " + general);
            assertEquals(errored, refused + reset, "the restart is the only failure: " + general);
            assertEquals(errored, json.get("errored_queries").size());
            // 7 measured requests succeeded before the restart (the 8th was cut by it); the run went on and more
            // succeeded after it (about 100 on an idle machine, 20 ms per request with 2 workers on a loaded one).
            int succeeded = general.get("total_number_of_queries").asInt() - errored;
            assertTrue(succeeded >= 7 + 10, "requests succeed after the restart: " + general);
            assertFalse(result.getErrorOutput().contains("in a row failed"), result.getErrorOutput());
        }
    }

    @Test
    void aSuiteStopsWhenTheServerStaysDownAndResumeFinishesIt(QuarkusMainLauncher launcher) throws Exception {
        Path run = dir.resolve("run");
        Path raw = run.resolve("raw_results");
        Path first = raw.resolve("prompt_ingestion_0.json");
        // Down for 2.5 s at the 3rd request after the first benchmark was written: the 1st is the second
        // benchmark's warm-up, the 2nd its first measured request. Its 0.8 s leave time for 3 failures.
        try (RunningSimulator simulator = Simulator.start(
                QUICK, "127.0.0.1", 0, restartAt(() -> Files.exists(first), 3, Duration.ofMillis(2500)))) {
            List<String> args = new ArrayList<>(List.of(
                    "--quick",
                    "--base-url",
                    simulator.baseUrl(),
                    "--run-folder",
                    run.toString(),
                    "--dataset-folder",
                    "datasets",
                    "--input-lengths",
                    "32",
                    "--output-lengths",
                    "16",
                    "--parallel-requests",
                    "1,4",
                    "--max-duration-prompt-ingestion",
                    "0.8",
                    "--max-duration-kv-cache-profile",
                    "0.5",
                    "--max-duration-speed-generation",
                    "0.6",
                    "--min-duration-speed-generation",
                    "0.3",
                    "--min-number-of-valid-queries",
                    "1",
                    "--max-consecutive-failures",
                    "3"));
            LaunchResult stopped = launcher.launch(args.toArray(String[]::new));
            String message = stopped.getErrorOutput();
            assertEquals(1, stopped.exitCode(), message);
            List<String> stopLines =
                    message.lines().filter(l -> l.contains("in a row failed")).toList();
            assertEquals(1, stopLines.size(), message);
            String stop = stopLines.get(0);
            assertTrue(
                    stop.contains("3 requests in a row failed (max-consecutive-failures), the last with CONNECTION_"),
                    stop);
            assertTrue(stop.contains(" on " + simulator.baseUrl()), "names the server: " + stop);
            assertTrue(
                    stop.endsWith("finish with: bench-suite --quick --base-url " + simulator.baseUrl()
                            + " --dataset-folder datasets --input-lengths 32 --output-lengths 16 --parallel-requests 1,4"
                            + " --max-duration-prompt-ingestion 0.8 --max-duration-kv-cache-profile 0.5"
                            + " --max-duration-speed-generation 0.6 --min-duration-speed-generation 0.3"
                            + " --min-number-of-valid-queries 1 --max-consecutive-failures 3 --resume --run-folder "
                            + run),
                    "the exact resume command: " + stop);

            ObjectMapper json = new ObjectMapper();
            JsonNode finished = json.readTree(first.toFile());
            assertTrue(finished.get("complete").asBoolean());
            JsonNode cut = json.readTree(raw.resolve("prompt_ingestion_1.json").toFile());
            assertFalse(cut.get("complete").asBoolean(), "the benchmark the failures stopped is kept, incomplete");
            JsonNode cutErrors = cut.get("general_metrics").get("errors_by_kind");
            assertTrue(cutErrors.path("CONNECTION_REFUSED").asInt() > 0, cutErrors.toString());
            try (var files = Files.list(raw)) {
                assertEquals(2, files.count(), "nothing ran after the stop");
            }
            assertTrue(Files.isRegularFile(run.resolve("report/index.html")), "the report is drawn from what exists");
            assertFalse(Files.exists(run.resolve(".suite-complete")));
            byte[] firstBytes = Files.readAllBytes(first);

            waitUntil(simulator::isListening, Duration.ofSeconds(10));
            args.add("--resume");
            LaunchResult resumed = launcher.launch(args.toArray(String[]::new));
            assertEquals(0, resumed.exitCode(), resumed.getErrorOutput());
            String log = resumed.getOutput() + resumed.getErrorOutput();
            assertTrue(log.contains("already done, skipped: prompt_ingestion_0.json"), log);
            assertTrue(Files.isRegularFile(run.resolve(".suite-complete")));
            assertTrue(Files.isRegularFile(run.resolve("report/index.html")));
            // 4 ingestion runs, 1 KV-cache profile, 1 level; the finished one byte for byte as first written.
            try (ZipFile zip = new ZipFile(run.resolve("raw_results.zip").toFile())) {
                List<String> names =
                        zip.stream().map(ZipEntry::getName).sorted().toList();
                // The sweep's 0.6 s budget is spent by its first level, so the second one never runs.
                assertEquals(6, names.size(), names.toString());
                for (String name : names) {
                    JsonNode entry = json.readTree(zip.getInputStream(zip.getEntry(name)));
                    assertTrue(entry.get("complete").asBoolean(), name);
                }
                ZipEntry kept = zip.getEntry("prompt_ingestion_0.json");
                assertNotNull(kept);
                assertArrayEquals(firstBytes, zip.getInputStream(kept).readAllBytes(), "not rerun nor rewritten");
                JsonNode rerun = json.readTree(zip.getInputStream(zip.getEntry("prompt_ingestion_1.json")));
                assertEquals(
                        0,
                        rerun.get("general_metrics").get("nb_errored_queries").asInt(),
                        "the cut benchmark was run again, whole, once the server was back");
            }
        }
    }

    @Test
    void aNegativeLimitIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--max-consecutive-failures=-1", "--dataset-folder", "datasets");
        assertEquals(2, result.exitCode(), result.getErrorOutput());
        List<String> lines =
                result.getErrorOutput().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), result.getErrorOutput());
        assertTrue(lines.get(0).contains("Invalid max-consecutive-failures: -1 must be 0 or more"), lines.get(0));
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within " + timeout);
            Thread.sleep(20);
        }
    }
}
