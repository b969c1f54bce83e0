package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --slo} through the command line: a bad objective stops everything with one line and exit code 2, and
 * a short simulated run finds the capacity the simulator's engine model predicts.
 */
@QuarkusMainTest
class SloEndToEndTest {

    @TempDir
    Path dir;

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
        LaunchResult result = launcher.launch(
                "--simulate",
                "--quick",
                "--run-folder",
                run.toString(),
                "--dataset-folder",
                "datasets",
                "--input-lengths",
                "32",
                "--output-lengths",
                "128",
                // a range that holds the capacity and levels above it, below where the cache fills (about 27
                // here): the search bisects on the objective only
                "--parallel-requests",
                "1,2,16",
                "--sweep",
                "adaptive",
                // quick's 30 s per pair could end the search before the bisection does on a slow machine
                "--max-duration-speed-generation",
                "120",
                // the capacity is read from the sweep's levels alone: ingestion and KV-cache profile kept short
                "--max-duration-prompt-ingestion",
                "0.5",
                "--max-duration-kv-cache-profile",
                "0.5",
                "--slo",
                "itl_p50=6ms");
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
}
