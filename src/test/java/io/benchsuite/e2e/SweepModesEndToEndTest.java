package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.ApiError;
import io.benchsuite.simulator.FaultPolicy;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two sweeps through the real command line: {@code --sweep grid} runs every level of parallel-requests as the
 * original tool did, and an adaptive sweep interrupted by a failing server resumes from the levels it measured.
 * The adaptive {@code --simulate --quick} suite itself is {@link SuiteEndToEndTest} and {@link QuickA100EndToEndTest}
 * (adaptive being the default).
 */
@QuarkusMainTest
class SweepModesEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theGridSweepRunsEveryLevel(QuarkusMainLauncher launcher) throws Exception {
        Path run = dir.resolve("grid");
        LaunchResult result = launcher.launch(
                "--simulate",
                "--quick",
                "--sweep",
                "grid",
                "--output-lengths",
                "16",
                // the grid's levels are what is checked: ingestion and KV-cache profile kept short
                "--max-duration-prompt-ingestion",
                "0.5",
                "--max-duration-kv-cache-profile",
                "0.5",
                "--run-folder",
                run.toString(),
                "--dataset-folder",
                "datasets");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        Path report = run.resolve("report");
        List<String> csv = Files.readAllLines(report.resolve("thresholds.csv"));
        assertEquals(2, csv.size() - 1, csv.toString());
        int levelsColumn = Arrays.asList(csv.get(0).split(",")).indexOf("levels_run");
        for (String row : csv.subList(1, csv.size())) {
            assertEquals("1;4;10;16", row.split(",")[levelsColumn], "every quick level: " + row);
        }
        JsonNode parameters = JSON.readTree(report.resolve("parameters.json").toFile());
        assertEquals("grid", parameters.get("sweep").asText(), parameters.toString());
        JsonNode pair = parameters.get("sweep_levels").get("input 32, output 16");
        assertEquals(4, pair.size(), pair.toString());
        pair.forEach(level -> assertEquals("grid", level.get("reason").asText()));
        // No level of the grid stops on its precision: the original stop rule alone.
        try (ZipFile zip = new ZipFile(run.resolve("raw_results.zip").toFile())) {
            JsonNode level = JSON.readTree(
                            zip.getInputStream(zip.getEntry("generation_speed_input_32_output_16_nb_requests_4.json")))
                    .get("parameters");
            assertFalse(level.has("precision_stop"), level.toString());
            assertFalse(level.has("sweep_reason"), level.toString());
        }
    }

    @Test
    void anInterruptedAdaptiveSweepResumesFromTheLevelsItMeasured(QuarkusMainLauncher launcher) throws Exception {
        Path run = dir.resolve("adaptive");
        Path raw = run.resolve("raw_results");
        AtomicBoolean serverBroken = new AtomicBoolean(true);
        // The server fails every request once the sweep's second level (10, the headline) is written.
        BooleanSupplier armed = () -> serverBroken.get()
                && Files.exists(raw.resolve("generation_speed_input_32_output_16_nb_requests_10.json"));
        ApiError refused = new ApiError(500, "server_error", "refused by the test", 0);
        FaultPolicy.RequestFaults refuse = new FaultPolicy.RequestFaults() {
            @Override
            public Optional<ApiError> rejection() {
                return Optional.of(refused);
            }
        };
        FaultPolicy policy = (request, headers) -> armed.getAsBoolean() ? refuse : FaultPolicy.RequestFaults.NONE;
        // fast: a batch of 4, so that per-request speed falls once more than 4 are in flight; 200 t/s is crossed
        // between level 1 (about 400 t/s) and level 10 (requests queue), so the search bisects below 10.
        try (RunningSimulator simulator = Simulator.start(SimulatorConfig.fast(), "127.0.0.1", 0, policy)) {
            List<String> args = List.of(
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
                    "--speed-threshold",
                    "200",
                    "--max-duration-prompt-ingestion",
                    "0.5",
                    "--max-duration-kv-cache-profile",
                    "0.5");
            LaunchResult stopped = launcher.launch(args.toArray(String[]::new));
            assertEquals(1, stopped.exitCode(), "the failed warm-up stops the suite: " + stopped.getErrorOutput());
            List<String> before = speedFiles(raw);
            assertEquals(
                    List.of(
                            "generation_speed_input_32_output_16_nb_requests_1.json",
                            "generation_speed_input_32_output_16_nb_requests_10.json"),
                    before);

            serverBroken.set(false);
            LaunchResult resumed =
                    launcher.launch("--resume", "--run-folder", run.toString(), "--base-url", simulator.baseUrl());
            String log = resumed.getOutput() + resumed.getErrorOutput();
            assertEquals(0, resumed.exitCode(), log);
            for (String done : before) {
                assertTrue(log.contains("already done, skipped: " + done), log);
            }
        }
        JsonNode parameters =
                JSON.readTree(run.resolve("report/parameters.json").toFile());
        assertEquals("adaptive", parameters.get("sweep").asText());
        List<Integer> levels = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        parameters.get("sweep_levels").get("input 32, output 16").forEach(level -> {
            levels.add(level.get("parallel_requests").asInt());
            reasons.add(level.get("reason").asText());
        });
        assertTrue(levels.size() >= 3, levels.toString());
        assertEquals(1, levels.get(0));
        assertTrue(levels.contains(10), levels.toString());
        assertEquals("bracket: lowest level", reasons.get(0), reasons.toString());
        assertTrue(reasons.contains("required: the model card's headline level"), reasons.toString());
        // The search went on where it stopped, and found the crossing to the level: the threshold's level held,
        // the next whole number ran and failed.
        List<String> csv = Files.readAllLines(run.resolve("report/thresholds.csv"));
        String[] header = csv.get(0).split(",");
        String[] row = csv.get(1).split(",");
        int speedThreshold = Integer.parseInt(row[0]);
        String status = row[Arrays.asList(header).indexOf("speed_threshold_status")];
        if (status.equals("measured")) {
            assertTrue(
                    levels.contains(speedThreshold) && levels.contains(speedThreshold + 1),
                    "crossing between " + speedThreshold + " and the next level: " + levels);
            assertTrue(
                    reasons.stream().anyMatch(r -> r.startsWith("bisect speed_threshold between ")),
                    reasons.toString());
        }
        try (ZipFile zip = new ZipFile(run.resolve("raw_results.zip").toFile())) {
            JsonNode first = JSON.readTree(
                            zip.getInputStream(zip.getEntry("generation_speed_input_32_output_16_nb_requests_1.json")))
                    .get("parameters");
            assertEquals("bracket: lowest level", first.get("sweep_reason").asText());
            assertTrue(first.get("precision_stop").has("reached"), first.toString());
        }
    }

    private static List<String> speedFiles(Path raw) throws Exception {
        try (var files = Files.list(raw)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("generation_speed_"))
                    .sorted()
                    .toList();
        }
    }
}
