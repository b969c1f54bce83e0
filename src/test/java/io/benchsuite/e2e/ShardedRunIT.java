package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sharded run as an Indexed Job runs it: three packaged bench-suite processes (shard-index 0, 1, 2) load
 * one simulator on loopback through a temporary shared folder. Processes, not threads, so that a shard can
 * be killed with SIGKILL as Kubernetes kills a pod. Needs the packaged application
 * ({@code ./mvnw package -DskipTests}).
 */
class ShardedRunIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * At most 6 in parallel on an engine that runs 3 at once: the higher levels wait, so speed falls. A long
     * context, so that the growing prompts of prompt ingestion all fit.
     */
    private static RunningSimulator simulator() {
        return Simulator.start(
                SimulatorConfig.fast().withMaxNumSeqs(3).withKvBlocks(1024).withMaxModelLen(8192), "127.0.0.1", 0);
    }

    private Process start(String name, RunningSimulator sim, List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(extra);
        command.addAll(List.of(
                "--quick",
                "--base-url",
                sim.baseUrl(),
                "--backend",
                "vllm",
                "--dataset-folder",
                Path.of("datasets").toAbsolutePath().toString(),
                "--input-lengths",
                "32",
                "--output-lengths",
                "16",
                "--parallel-requests",
                "2,4,6",
                // Every level of the list: the test is about how shards share a level and merge it, not about
                // which levels the adaptive search (the default) picks.
                "--sweep",
                "grid",
                "--max-queries",
                "60",
                "--max-duration-prompt-ingestion",
                "1",
                // Short: its growing bursts must not hold more requests at once than the highest level.
                "--max-duration-kv-cache-profile",
                "0.5",
                "--max-duration-speed-generation",
                "60",
                "--min-duration-speed-generation",
                "2",
                "--target-queries-nb-speed-generation",
                "12",
                "--min-number-of-valid-queries",
                "1",
                "--speed-threshold",
                "60",
                "--seed",
                "7"));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
    }

    private List<Process> shards(RunningSimulator sim, Path shared, Path run, String timeout) throws IOException {
        List<Process> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> args = new ArrayList<>(List.of(
                    "--shard-count",
                    "3",
                    "--shard-index",
                    Integer.toString(i),
                    "--shard-folder",
                    shared.toString(),
                    "--shard-timeout",
                    timeout));
            if (i == 0) {
                args.addAll(List.of("--run-folder", run.toString()));
            }
            shards.add(start("shard-" + i, sim, args));
        }
        return shards;
    }

    private String log(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".log"));
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void threeShardsLoadTheServerWithEachLevelAndMergeExactly() throws Exception {
        Path shared = dir.resolve("shared");
        Path run = dir.resolve("sharded");
        Map<String, JsonNode> merged;
        try (RunningSimulator sim = simulator()) {
            List<Process> shards = shards(sim, shared, run, "20");
            for (int i = 0; i < 3; i++) {
                assertTrue(shards.get(i).waitFor(150, TimeUnit.SECONDS), "shard " + i + " ends");
                assertEquals(0, shards.get(i).exitValue(), log("shard-" + i));
            }
            // The shards together held exactly the highest level at once, never more (warm-ups included).
            assertEquals(6, sim.peakRequests(), "most requests the server held at once");
        }
        merged = rawResults(run);
        Map<String, Integer> shardRecords = shardRecords(shared);
        for (String level : List.of("2", "4", "6")) {
            String file = "generation_speed_input_32_output_16_nb_requests_" + level + ".json";
            JsonNode result = merged.get(file);
            assertTrue(result != null, file + " in " + merged.keySet());
            int total = result.path("general_metrics")
                    .path("total_number_of_queries")
                    .asInt();
            assertEquals(shardRecords.get(file), total, file + ": merged records = sum of the shards'");
            assertTrue(total > 0, file);
            JsonNode shardsInfo = result.path("parameters").path("shards");
            assertEquals(
                    Integer.parseInt(level),
                    result.path("parameters").path("n_workers").asInt());
            assertEquals(0, shardsInfo.path("missing").size(), file + ": " + shardsInfo);
            assertTrue(result.path("complete").asBoolean(), file);
            assertTrue(shardsInfo.path("start_spread_seconds").asDouble() < 1.0, shardsInfo.toString());
        }
        // Level 2 has one request per shard for shards 0 and 1 only.
        assertEquals(
                2,
                merged.get("generation_speed_input_32_output_16_nb_requests_2.json")
                        .path("parameters")
                        .path("shards")
                        .path("merged")
                        .size());

        // The same suite from one process against a fresh server: the same thresholds, within one level.
        Path single = dir.resolve("single");
        try (RunningSimulator sim = simulator()) {
            Process alone = start("single", sim, List.of("--run-folder", single.toString()));
            assertTrue(alone.waitFor(120, TimeUnit.SECONDS), "the single run ends");
            assertEquals(0, alone.exitValue(), log("single"));
        }
        int shardedThreshold = speedThreshold(run);
        int singleThreshold = speedThreshold(single);
        List<Integer> levels = List.of(0, 2, 4, 6);
        assertTrue(
                Math.abs(levels.indexOf(shardedThreshold) - levels.indexOf(singleThreshold)) <= 1,
                "sharded " + shardedThreshold + " vs single " + singleThreshold);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aShardKilledInTheMiddleIsNamedAndNothingMeasuredIsLost() throws Exception {
        Path shared = dir.resolve("shared");
        Path run = dir.resolve("sharded");
        try (RunningSimulator sim = simulator()) {
            List<Process> shards = shards(sim, shared, run, "5");
            // Kill shard 2 (SIGKILL, as a lost node) one second into the first generation-speed benchmark it runs.
            Path firstSpeedStart = awaitSpeedStart(shared, 150);
            Thread.sleep(1000);
            shards.get(2).destroyForcibly();
            assertTrue(shards.get(0).waitFor(150, TimeUnit.SECONDS), "shard 0 finishes");
            assertTrue(shards.get(1).waitFor(30, TimeUnit.SECONDS), "shard 1 finishes");
            assertEquals(0, shards.get(1).exitValue(), log("shard-1"));
            assertTrue(Files.isRegularFile(run.resolve("report/index.html")), log("shard-0"));

            Map<String, JsonNode> merged = rawResults(run);
            Map<String, Integer> shardRecords = shardRecords(shared);
            String killedIn = JSON.readTree(
                            firstSpeedStart.resolveSibling("benchmark.json").toFile())
                    .path("file_name")
                    .asText();
            JsonNode result = merged.get(killedIn);
            JsonNode missing = result.path("parameters").path("shards").path("missing");
            assertTrue(
                    missing.has("2"),
                    killedIn + ": " + result.path("parameters").path("shards"));
            assertFalse(result.path("complete").asBoolean(), "a level without one of its shards is incomplete");
            // Nothing measured is lost: every request of the shards that finished is in the merge.
            assertEquals(
                    shardRecords.get(killedIn),
                    result.path("general_metrics")
                            .path("total_number_of_queries")
                            .asInt());
            assertTrue(shardRecords.get(killedIn) > 0);

            // The merge command rebuilds the same from the shared folder and names the missing shard.
            Path again = dir.resolve("merged");
            Process merge = new ProcessBuilder(
                            "java",
                            "-jar",
                            JAR.toAbsolutePath().toString(),
                            "merge",
                            "--shard-folder",
                            shared.toString(),
                            "--output-folder",
                            again.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("merge.log").toFile())
                    .start();
            assertTrue(merge.waitFor(60, TimeUnit.SECONDS));
            String mergeLog = log("merge");
            assertEquals(0, merge.exitValue(), mergeLog);
            assertTrue(mergeLog.contains("missing: shard 2 in " + killedIn), mergeLog);
            assertTrue(Files.isRegularFile(again.resolve("report/index.html")), mergeLog);
            assertEquals(
                    shardRecords.get(killedIn),
                    rawResults(again)
                            .get(killedIn)
                            .path("general_metrics")
                            .path("total_number_of_queries")
                            .asInt());
        }
    }

    /** The start file of the first generation-speed benchmark in which shard 2 takes part. */
    private static Path awaitSpeedStart(Path shared, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Path benchmarks = shared.resolve("benchmarks");
            if (Files.isDirectory(benchmarks)) {
                try (Stream<Path> list = Files.list(benchmarks)) {
                    for (Path b : list.sorted().toList()) {
                        Path start = b.resolve("start.json");
                        if (Files.isRegularFile(start)
                                && JSON.readTree(start.toFile())
                                        .path("shards")
                                        .toString()
                                        .contains("2")) {
                            return start;
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no generation-speed benchmark started with shard 2");
    }

    /** Raw file name to the number of requests all shards recorded for it (errored plus individual). */
    private static Map<String, Integer> shardRecords(Path shared) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(shared.resolve("benchmarks"))) {
            for (Path file : walk.filter(p -> p.getFileName().toString().matches("shard-\\d+\\.json"))
                    .toList()) {
                String name = JSON.readTree(
                                file.resolveSibling("benchmark.json").toFile())
                        .path("file_name")
                        .asText();
                JsonNode raw = JSON.readTree(file.toFile()).path("raw");
                counts.merge(
                        name,
                        raw.path("errored_queries").size()
                                + raw.path("individual_query").size(),
                        Integer::sum);
            }
        }
        return counts;
    }

    /** The run's raw results by file name, from raw_results/ or, once the run is complete, its zip. */
    private static Map<String, JsonNode> rawResults(Path run) throws IOException {
        Map<String, JsonNode> found = new TreeMap<>();
        Path folder = run.resolve("raw_results");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                for (Path p : list.filter(p -> p.toString().endsWith(".json")).toList()) {
                    found.put(p.getFileName().toString(), JSON.readTree(p.toFile()));
                }
            }
            return found;
        }
        try (ZipFile zip = new ZipFile(run.resolve("raw_results.zip").toFile())) {
            for (var entry : zip.stream().toList()) {
                found.put(Path.of(entry.getName()).getFileName().toString(), JSON.readTree(zip.getInputStream(entry)));
            }
        }
        return found;
    }

    /** The speed threshold of the one pair in report/thresholds.csv. */
    private static int speedThreshold(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("report/thresholds.csv"));
        return Integer.parseInt(lines.get(1).split(",")[0]);
    }
}
