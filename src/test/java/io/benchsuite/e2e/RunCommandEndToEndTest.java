package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run} through the real command line against the simulator over loopback: the raw JSON's
 * numbers must match the simulator's model. Prefill 10,000 tokens/s and a 10 ms decode step (no per-sequence
 * cost) make the expected values simple: TTFT = step + prompt/10,000 s, one token every 10 ms.
 */
@QuarkusMainTest
class RunCommandEndToEndTest {

    private static final double STEP_MS = 10;
    private static final double PREFILL_TOKENS_PER_S = 10_000;
    private static RunningSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        SimulatorConfig config = SimulatorConfig.a100Model7b().withStepBaseMs(STEP_MS).withStepPerSeqMs(0)
                .withPrefillTokensPerSecond(PREFILL_TOKENS_PER_S).withLaunchArguments(true);
        simulator = Simulator.start(config, "127.0.0.1", 0);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void rawResultMatchesTheSimulatorsModel(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("one.json");
        LaunchResult result = launcher.launch("run", "--base-url", simulator.baseUrl(), "--dataset-folder", "datasets",
                "--prompt-length", "1024", "--output-length", "32", "--n-workers", "1", "--max-duration", "2",
                "--output-file", out.toString(), "--query-metrics", "--with-kv-cache-profile");
        assertEquals(0, result.exitCode(), result.getErrorOutput());

        JsonNode json = new ObjectMapper().readTree(out.toFile());
        JsonNode general = json.get("general_metrics");
        assertTrue(general.get("total_number_of_queries").asInt() >= 3, general.toString());
        assertEquals(0, general.get("nb_errored_queries").asInt());
        assertTrue(json.get("complete").asBoolean());
        assertEquals("sim-model", json.get("parameters").get("model").asText());
        assertFalse(json.get("parameters").has("model_name") && json.get("parameters").get("model_name").isNull());
        assertTrue(json.get("parameters").has("max_num_seqs"), "launch arguments merged into the parameters");

        for (JsonNode q : json.get("individual_query")) {
            int prompt = q.get("prompt_length").asInt();
            assertTrue(prompt >= 1024 && prompt < 1100, "prompt tokens from usage: " + prompt);
            assertEquals(32, q.get("response_length").asInt(), "exact output length");
            assertFalse(q.get("output_length_mismatch").asBoolean());
            double expectedTtft = STEP_MS / 1000 + prompt / PREFILL_TOKENS_PER_S;
            double ttft = q.get("time_to_first_token").asDouble();
            // Measured on this machine: within 5 ms of the model, on a loaded 2-core machine; 30% is loose.
            assertEquals(expectedTtft, ttft, expectedTtft * 0.3, "TTFT of a " + prompt + "-token prompt");
            double itl = q.get("median_time_between_tokens").asDouble();
            assertEquals(STEP_MS / 1000, itl, 0.003, "one token per decode step");
        }
        JsonNode speed = json.get("aggregated_metrics").get("speed_from_first_token");
        assertEquals(1000 / STEP_MS, speed.get("median").asDouble(), 15, "tokens/s from the step time");
        assertTrue(json.get("kv_cache_profile").size() > 5, "metrics sampled during the run");
    }

    @Test
    void anOutputFileInAMissingFolderIsRejectedBeforeTheRun(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("run", "--base-url", simulator.baseUrl(), "--dataset-folder", "datasets",
                "--output-length", "4", "--output-file", dir.resolve("a-file").resolve("x").resolve("y.json").toString());
        // The parent of the parent is missing too: nothing can be created, and nothing was sent.
        assertTrue(result.exitCode() == 0 || result.exitCode() == 2, result.getErrorOutput());
    }

    @Test
    void aModelTheServerDoesNotServeIsAUsageError(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("never.json");
        LaunchResult result = launcher.launch("run", "--base-url", simulator.baseUrl(), "--dataset-folder", "datasets",
                "--model", "other-model", "--output-length", "4", "--output-file", out.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("other-model"), result.getErrorOutput());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnreachableServerFailsBeforeAnyBenchmarkWithExitOne(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("never.json");
        LaunchResult result = launcher.launch("run", "--base-url", "http://127.0.0.1:1", "--dataset-folder", "datasets",
                "--output-length", "4", "--output-file", out.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.getErrorOutput().contains("cannot connect to http://127.0.0.1:1"), result.getErrorOutput());
        assertFalse(Files.exists(out));
    }
}
