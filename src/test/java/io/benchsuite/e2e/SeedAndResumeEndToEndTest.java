package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds and resume through the real command line against the simulator: a run draws its own seed (so two runs
 * do not send the same prefixes to a prompt cache), records it, and --seed sends the same prompts again; a
 * suite resumed with a bare --resume keeps the settings it was started with, and refuses contradicting ones.
 */
@QuarkusMainTest
class SeedAndResumeEndToEndTest {

    private static final SimulatorConfig QUICK =
            SimulatorConfig.exact().withFirstTokenMs(5).withInterTokenMs(2);
    private static final ApiError REFUSED = new ApiError(500, "server_error", "refused by the test", 0);

    @TempDir
    Path dir;

    /**
     * Answers the set-up probe and the warm-up, then refuses every request with HTTP 500 so that the raw result
     * keeps each prompt sent in errored_queries (a successful request's prompt is not written).
     */
    private static FaultPolicy refuseAfterWarmUp() {
        AtomicInteger seen = new AtomicInteger();
        FaultPolicy.RequestFaults refuse = new FaultPolicy.RequestFaults() {
            @Override
            public Optional<ApiError> rejection() {
                return Optional.of(REFUSED);
            }
        };
        return (GenerationRequest request, UnaryOperator<String> headers) ->
                seen.incrementAndGet() > 2 ? refuse : FaultPolicy.RequestFaults.NONE;
    }

    private JsonNode run(QuarkusMainLauncher launcher, String name, String... extra) throws Exception {
        Path out = dir.resolve(name + ".json");
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0, refuseAfterWarmUp())) {
            List<String> args = new ArrayList<>(List.of(
                    "run",
                    "--base-url",
                    simulator.baseUrl(),
                    "--prompt-length",
                    "32",
                    "--output-length",
                    "4",
                    "--n-workers",
                    "2",
                    "--max-queries",
                    "6",
                    "--max-duration",
                    "5",
                    "--output-file",
                    out.toString()));
            args.addAll(List.of(extra));
            LaunchResult result = launcher.launch(args.toArray(String[]::new));
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
        FaultPolicy.RequestFaults refuse = new FaultPolicy.RequestFaults() {
            @Override
            public Optional<ApiError> rejection() {
                return Optional.of(REFUSED);
            }
        };
        return (request, headers) -> armed.getAsBoolean() ? refuse : FaultPolicy.RequestFaults.NONE;
    }

    @Test
    void aQuickRunResumedWithABareResumeKeepsItsSettings(QuarkusMainLauncher launcher) throws Exception {
        Path run = dir.resolve("run");
        Path raw = run.resolve("raw_results");
        AtomicBoolean serverBroken = new AtomicBoolean(true);
        BooleanSupplier armed = () -> serverBroken.get() && Files.exists(raw.resolve("prompt_ingestion_0.json"));
        try (RunningSimulator simulator = Simulator.start(QUICK, "127.0.0.1", 0, refuseOnceArmed(armed))) {
            LaunchResult stopped = launcher.launch(
                    "--quick",
                    "--base-url",
                    simulator.baseUrl(),
                    "--run-folder",
                    run.toString(),
                    "--input-lengths",
                    "32",
                    "--output-lengths",
                    "16",
                    "--parallel-requests",
                    "1",
                    "--max-duration-prompt-ingestion",
                    "0.5",
                    "--max-duration-kv-cache-profile",
                    "0.5",
                    "--max-duration-speed-generation",
                    "0.6",
                    "--min-duration-speed-generation",
                    "0.3",
                    "--min-number-of-valid-queries",
                    "1");
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
}
