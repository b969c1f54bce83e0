package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run} through the real command line against the simulator started with an API key (what
 * {@code simulate --api-key} serves): a wrong key is the one-line "refused the key" usage error, the right
 * key measures.
 */
@QuarkusMainTest
class SimulatorApiKeyEndToEndTest {

    private static final String KEY = "sk-sim-Zx9-test-only";

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture(
            SimulatorConfig.fast().withStepBaseMs(1).withStepPerSeqMs(0).withApiKey(KEY));

    @TempDir
    Path dir;

    private LaunchResult run(QuarkusMainLauncher launcher, Path out, String key) {
        return launcher.launch(CliArgs.run(simulator.baseUrl())
                .with("--backend", "vllm")
                .lengths(32, 4)
                .maxDuration("1")
                .maxQueries(4)
                .outputFile(out)
                .with("--api-key", key)
                .build());
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
