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
import java.io.IOException;
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
 * The adaptive {@code --simulate --quick} suite itself is {@link SuiteEndToEndTest} (its demo and a100-7b suites,
 * adaptive being the default). Also the capacity under service-level objectives, which the adaptive sweep searches
 * for (below).
 */
@QuarkusMainTest
class SweepModesEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theGridSweepRunsEveryLevel(QuarkusMainLauncher launcher) throws Exception {
        Path run = dir.resolve("grid");
        LaunchResult result = launcher.launch(CliArgs.simulatedQuickSuite(run)
                .with("--sweep", "grid", "--output-lengths", "16")
                // the grid's levels are what is checked: ingestion and KV-cache profile kept short
                .ingestionAndKvProfile("0.5", "0.5")
                .build());
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
            LaunchResult stopped = launcher.launch(CliArgs.quickSuite(simulator.baseUrl(), run)
                    .pairs("32", "16")
                    .with("--speed-threshold", "200")
                    .ingestionAndKvProfile("0.5", "0.5")
                    .build());
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
                    reasons.stream().anyMatch(r -> r.matches("(bisect|interpolate|extrapolate) speed_threshold .*")),
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

    // Formerly SloEndToEndTest, moved here so that it shares this class's application build (each
    // @QuarkusMainTest class builds the application once, 15-25 s on the shared machine): --slo through the
    // command line. A bad objective stops everything with one line and exit code 2, and a short simulated run
    // finds the capacity the simulator's engine model predicts.

    @Test
    void aBadObjectiveIsOneLineAndExitCode2WithNothingWritten(QuarkusMainLauncher launcher) {
        for (List<String> bad : List.of(
                List.of("ttft_p90=0.5", "has no unit"),
                List.of("ttft_p90=1s,tpot_p50=20ms", "'tpot' in 'tpot_p50' is not a known quantity"),
                List.of("speed_p150=20", "must be above 0 and at most 100"))) {
            Path run = dir.resolve("run");
            LaunchResult result =
                    launcher.launch("--simulate", "--quick", "--run-folder", run.toString(), "--slo", bad.get(0));
            assertEquals(2, result.exitCode(), result.getErrorOutput());
            List<String> lines = result.getErrorOutput().lines().toList();
            assertEquals(1, lines.size(), result.getErrorOutput());
            assertTrue(lines.get(0).contains("Invalid slo") && lines.get(0).contains(bad.get(1)), lines.get(0));
            assertTrue(lines.get(0).contains("e.g. ttft_p90=0.5s"), lines.get(0));
            assertFalse(Files.exists(run), "nothing written");
        }
    }

    /**
     * The demo preset's engine takes 3 + 0.25 N ms per decoding step with N sequences running, and every running
     * sequence gets one token a step: a median inter-token latency of about 3.25 ms at 1 request, 5.75 ms at 11,
     * 6 ms at 12 and 11 ms at 32 while the batch is full (answers of 128 tokens keep it full most of the time). A
     * 6 ms objective therefore breaks at about 12. The adaptive sweep bisects on "every objective holds", so it
     * finds the capacity to the level: the capacity and the level above it both ran. A busy machine adds to the
     * measured latencies, so the capacity is asked to lie between 6 (4.5 ms by the model) and 13.
     */
    @Test
    void theCapacityUnderAnItlObjectiveIsWhereTheEngineModelPutsIt(QuarkusMainLauncher launcher) throws IOException {
        Path run = dir.resolve("slo-run");
        LaunchResult result = launcher.launch(CliArgs.simulatedQuickSuite(run)
                .pairs("32", "128")
                // a range that holds the capacity and levels above it, below where the cache fills (about 27
                // here): the search bisects on the objective only
                .levels("1,2,16")
                .with("--sweep", "adaptive")
                // quick's 30 s per pair could end the search before the bisection does on a slow machine
                .with("--max-duration-speed-generation", "120")
                // the capacity is read from the sweep's levels alone: ingestion and KV-cache profile kept short
                .ingestionAndKvProfile("0.5", "0.5")
                .with("--slo", "itl_p50=6ms")
                .build());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        Path report = run.resolve("report");
        List<String> csv = Files.readAllLines(report.resolve("thresholds.csv"));
        assertTrue(csv.get(0).endsWith(",levels_run,slo_capacity,slo_goodput_rps"), csv.get(0));
        String[] row = csv.get(1).split(",", -1);
        int capacity = Integer.parseInt(row[row.length - 2]);
        assertTrue(capacity >= 6 && capacity <= 13, csv.toString());
        List<String> levelsRun = List.of(row[row.length - 3].split(";"));
        assertTrue(
                levelsRun.contains(String.valueOf(capacity)) && levelsRun.contains(String.valueOf(capacity + 1)),
                "the capacity was found to the level: " + csv);
        double goodput = Double.parseDouble(row[row.length - 1]);
        assertTrue(goodput > 0, csv.toString());

        JsonNode parameters =
                new ObjectMapper().readTree(report.resolve("parameters.json").toFile());
        assertEquals("itl_p50=6ms", parameters.path("slo").asText(), parameters.toString());
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("Service-level objectives: itl_p50=6ms"), "index.html names the objectives");
        assertTrue(html.contains("Objectives itl_p50=6ms: largest N"), "index.html has the capacity column");
        String card = Files.readString(report.resolve("README.md"));
        assertTrue(card.contains("Objectives itl_p50=6ms: largest N"), "the model card has the capacity column");

        // Redrawn with a stricter objective, from the same per-request records: no level holds.
        LaunchResult redraw =
                launcher.launch("report", "--output-folder", run.toString(), "--slo", "itl_p50=1ms,ttft_p90=10s");
        assertEquals(0, redraw.exitCode(), redraw.getErrorOutput());
        String[] strict =
                Files.readAllLines(report.resolve("thresholds.csv")).get(1).split(",", -1);
        assertEquals("0", strict[strict.length - 2]);
        assertEquals("", strict[strict.length - 1]);
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
