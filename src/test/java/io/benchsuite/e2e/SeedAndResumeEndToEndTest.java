package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.ApiError;
import io.benchsuite.simulator.FaultPolicy;
import io.benchsuite.simulator.GenerationRequest;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.benchsuite.suite.RunSettings;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds and resume through the real command line against the simulator: a run draws its own seed (so two runs
 * do not send the same prefixes to a prompt cache), records it, and --seed sends the same prompts again; a
 * suite resumed with a bare --resume keeps the settings it was started with, and refuses contradicting ones; and a
 * server restart in the middle of a run or of a suite (below).
 */
@QuarkusMainTest
class SeedAndResumeEndToEndTest {

    private static final SimulatorConfig QUICK =
            SimulatorConfig.exact().withFirstTokenMs(5).withInterTokenMs(2);
    private static final ApiError REFUSED = new ApiError(500, "server_error", "refused by the test", 0);

    /** A request refused with {@link #REFUSED}. */
    private static final FaultPolicy.RequestFaults REFUSE = new FaultPolicy.RequestFaults() {
        @Override
        public Optional<ApiError> rejection() {
            return Optional.of(REFUSED);
        }
    };

    @TempDir
    Path dir;

    /**
     * Answers the set-up probe and the warm-up, then refuses every request with HTTP 500 so that the raw result
     * keeps each prompt sent in errored_queries (a successful request's prompt is not written).
     */
    private static FaultPolicy refuseAfterWarmUp() {
        AtomicInteger seen = new AtomicInteger();
        return (GenerationRequest request, UnaryOperator<String> headers) ->
                seen.incrementAndGet() > 2 ? REFUSE : FaultPolicy.RequestFaults.NONE;
    }

    private JsonNode run(QuarkusMainLauncher launcher, String name, String... extra) throws Exception {
        Path out = dir.resolve(name + ".json");
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0, refuseAfterWarmUp())) {
            // No --dataset-folder: the built-in prompt datasets.
            LaunchResult result = launcher.launch(CliArgs.of("run", "--base-url", simulator.baseUrl())
                    .lengths(32, 4)
                    .workers(2)
                    .maxQueries(6)
                    .maxDuration("5")
                    .outputFile(out)
                    .with(extra)
                    .build());
            assertTrue(Files.isRegularFile(out), result.getErrorOutput());
        }
        return new ObjectMapper().readTree(out.toFile());
    }

    private static Set<String> prompts(JsonNode result) {
        Set<String> prompts = new TreeSet<>();
        result.get("errored_queries").forEach(q -> prompts.add(q.get("prompt").asText()));
        assertEquals(6, prompts.size(), result.toString());
        return prompts;
    }

    /** The random prefix in front of every prompt of a run (its first four letters, see PromptPlanner). */
    private static String prefix(Set<String> prompts) {
        Set<String> prefixes = new TreeSet<>();
        prompts.forEach(p -> prefixes.add(p.substring(0, 4)));
        assertEquals(1, prefixes.size(), "one prefix per run: " + prefixes);
        return prefixes.iterator().next();
    }

    @Test
    void twoDefaultRunsSendDifferentPrefixesAndRecordTheirSeeds(QuarkusMainLauncher launcher) throws Exception {
        JsonNode first = run(launcher, "first");
        JsonNode second = run(launcher, "second");
        long firstSeed = first.get("parameters").get("seed").asLong();
        long secondSeed = second.get("parameters").get("seed").asLong();
        assertNotEquals(firstSeed, secondSeed, "each run draws its own seed");
        assertNotEquals(prefix(prompts(first)), prefix(prompts(second)), "so the prefixes differ");

        JsonNode again = run(launcher, "again", "--seed", Long.toString(firstSeed));
        assertEquals(firstSeed, again.get("parameters").get("seed").asLong());
        assertEquals(prompts(first), prompts(again), "--seed sends exactly the same prompts");
    }

    /** Refuses every request once {@code armed} says so, which fails the next benchmark's warm-up. */
    private static FaultPolicy refuseOnceArmed(BooleanSupplier armed) {
        return (request, headers) -> armed.getAsBoolean() ? REFUSE : FaultPolicy.RequestFaults.NONE;
    }

    @Test
    void aQuickRunResumedWithABareResumeKeepsItsSettings(QuarkusMainLauncher launcher) throws Exception {
        Path run = dir.resolve("run");
        Path raw = run.resolve("raw_results");
        AtomicBoolean serverBroken = new AtomicBoolean(true);
        BooleanSupplier armed = () -> serverBroken.get() && Files.exists(raw.resolve("prompt_ingestion_0.json"));
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0, refuseOnceArmed(armed))) {
            // No --dataset-folder: the built-in prompt datasets.
            LaunchResult stopped = launcher.launch(
                    CliArgs.of("--quick", "--base-url", simulator.baseUrl(), "--run-folder", run.toString())
                            .pairs("32", "16")
                            .levels("1")
                            .ingestionAndKvProfile("0.5", "0.5")
                            .speedGeneration("0.6", "0.3")
                            .with("--min-number-of-valid-queries", "1")
                            .build());
            assertEquals(1, stopped.exitCode(), "the failed warm-up stops the suite: " + stopped.getErrorOutput());
            JsonNode firstResult = new ObjectMapper()
                    .readTree(raw.resolve("prompt_ingestion_0.json").toFile());
            long seed = firstResult.get("parameters").get("seed").asLong();
            assertTrue(Files.isRegularFile(run.resolve(RunSettings.FILE_NAME)));
            String storedBefore = Files.readString(run.resolve(RunSettings.FILE_NAME));

            // A setting that contradicts the stored ones: exit 2, one line naming it, nothing touched.
            LaunchResult refused = launcher.launch(
                    "--resume",
                    "--run-folder",
                    run.toString(),
                    "--base-url",
                    simulator.baseUrl(),
                    "--max-duration-speed-generation",
                    "900");
            assertEquals(2, refused.exitCode(), refused.getErrorOutput());
            List<String> lines =
                    refused.getErrorOutput().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), refused.getErrorOutput());
            assertTrue(
                    lines.get(0)
                            .contains("with max-duration-speed-generation = 900 (from command line): the run "
                                    + "was started with max-duration-speed-generation = 0.6"),
                    lines.get(0));
            assertEquals(storedBefore, Files.readString(run.resolve(RunSettings.FILE_NAME)));
            try (Stream<Path> files = Files.list(raw)) {
                assertEquals(
                        Set.of("prompt_ingestion_0.json"),
                        Set.copyOf(files.map(p -> p.getFileName().toString()).toList()),
                        "nothing ran");
            }

            // A bare --resume (the server's address only concerns this invocation): quick settings and seed kept.
            serverBroken.set(false);
            LaunchResult resumed =
                    launcher.launch("--resume", "--run-folder", run.toString(), "--base-url", simulator.baseUrl());
            String log = resumed.getOutput() + resumed.getErrorOutput();
            assertEquals(0, resumed.exitCode(), log);
            assertTrue(log.contains("with the settings it stored, --quick (seed " + seed + ")"), log);
            assertTrue(log.contains("already done, skipped: prompt_ingestion_0.json"), log);
            try (ZipFile zip = new ZipFile(run.resolve("raw_results.zip").toFile())) {
                List<String> names = zip.stream().map(e -> e.getName()).sorted().toList();
                // The stored grid (input 32, output 16, level 1), not the full one: 4 ingestion, 1 KV, 1 level.
                assertEquals(6, names.size(), names.toString());
                for (String name : names) {
                    JsonNode parameters = new ObjectMapper()
                            .readTree(zip.getInputStream(zip.getEntry(name)))
                            .get("parameters");
                    assertEquals(seed, parameters.get("seed").asLong(), name);
                    assertEquals(200, parameters.get("max_queries").asInt(), name + ": --quick's max-queries");
                }
                assertFalse(names.stream().anyMatch(n -> n.contains("1024")), names.toString());
            }
        }
    }

    // Formerly ServerRestartEndToEndTest, moved here so that it shares this class's application build (each
    // @QuarkusMainTest class builds the application once, 15-25 s on the shared machine): a server restart in the
    // middle of a run, through the real command line against the simulator on loopback. The restart is started
    // by the simulator itself on a chosen request (a fault policy counting arrivals), so that it falls among a
    // benchmark's measured requests whatever the machine's speed, never on a warm-up.

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
            LaunchResult result = launcher.launch(CliArgs.run(simulator.baseUrl())
                    .lengths(0, 8)
                    .workers(2)
                    .maxDuration("2.5")
                    .maxQueries(2000)
                    .with("--max-consecutive-failures", "1000000", "--max-failed-share", "0.9")
                    .outputFile(out)
                    .build());
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
            // In this order: the resume command checked below repeats them so.
            CliArgs args = CliArgs.quickSuite(simulator.baseUrl(), run)
                    .pairs("32", "16")
                    .levels("1,4")
                    .ingestionAndKvProfile("0.8", "0.5")
                    .speedGeneration("0.6", "0.3")
                    .with("--min-number-of-valid-queries", "1", "--max-consecutive-failures", "3");
            LaunchResult stopped = launcher.launch(args.build());
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
            LaunchResult resumed = launcher.launch(args.with("--resume").build());
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
