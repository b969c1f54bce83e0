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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run} through the real command line against the simulator started with an API key (what
 * {@code simulate --api-key} serves): a wrong key is the one-line "refused the key" usage error, the right
 * key measures.
 */
@QuarkusMainTest
class SimulatorApiKeyEndToEndTest {

    private static final String KEY = "sk-sim-Zx9-test-only";
    private static RunningSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        simulator = Simulator.start(
                SimulatorConfig.fast().withStepBaseMs(1).withStepPerSeqMs(0).withApiKey(KEY), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private LaunchResult run(QuarkusMainLauncher launcher, Path out, String key) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--backend",
                "vllm",
                "--base-url",
                simulator.baseUrl(),
                "--dataset-folder",
                "datasets",
                "--prompt-length",
                "32",
                "--output-length",
                "4",
                "--max-duration",
                "1",
                "--max-queries",
                "4",
                "--output-file",
                out.toString(),
                "--api-key",
                key));
        return launcher.launch(args.toArray(String[]::new));
    }

    @Test
    void aWrongKeyIsTheOneLineRefusedKeyError(QuarkusMainLauncher launcher) {
        Path out = dir.resolve("never.json");
        LaunchResult result = run(launcher, out, "sk-wrong-key-123");
        String err = result.getErrorOutput().strip();
        assertEquals(2, result.exitCode(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("answered HTTP 401: the server refused the API key given with --api-key"), err);
        assertFalse(err.contains("sk-wrong-key-123"), "the key is never printed: " + err);
        assertFalse(Files.exists(out));
    }

    @Test
    void theRightKeyMeasures(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("measured.json");
        LaunchResult result = run(launcher, out, KEY);
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        JsonNode general = new ObjectMapper().readTree(out.toFile()).get("general_metrics");
        assertTrue(general.get("total_number_of_queries").asInt() >= 1, general.toString());
        assertEquals(0, general.get("nb_errored_queries").asInt(), general.toString());
        assertFalse(Files.readString(out).contains(KEY), "the key is never written out");
    }
}
