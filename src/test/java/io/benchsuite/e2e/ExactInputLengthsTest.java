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
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run --exact-input-lengths} against the simulator: every request's usage.prompt_tokens is
 * the nominal length, while without the flag the datasets' lengths are only near it.
 */
@QuarkusMainTest
class ExactInputLengthsTest {

    private static RunningSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        simulator =
                Simulator.start(SimulatorConfig.a100Model7b().withStepBaseMs(5).withStepPerSeqMs(0), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void everyPromptHasExactlyTheNominalLengthByTheServersCount(QuarkusMainLauncher launcher) throws Exception {
        for (int length : new int[] {32, 1024}) {
            JsonNode json = run(launcher, length, true);
            assertTrue(json.get("parameters").get("exact_input_lengths").asBoolean());
            JsonNode queries = json.get("individual_query");
            assertTrue(queries.size() >= 5, "requests measured: " + queries.size());
            for (JsonNode q : queries) {
                assertEquals(length, q.get("prompt_length").asInt(), "usage.prompt_tokens of " + q);
            }
        }
    }

    @Test
    void withoutTheFlagLengthsAreApproximateAndSaidToBe(QuarkusMainLauncher launcher) throws Exception {
        JsonNode json = run(launcher, 1024, false);
        assertFalse(json.get("parameters").get("exact_input_lengths").asBoolean());
        boolean someDiffer = false;
        for (JsonNode q : json.get("individual_query")) {
            someDiffer |= q.get("prompt_length").asInt() != 1024;
        }
        assertTrue(someDiffer, "the random prefix makes dataset prompts longer than nominal");
    }

    @Test
    void aServerWithoutTokenizeEndpointFailsWithOneClearLine(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch(
                "run",
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
                "--exact-input-lengths",
                "--tokenize-endpoint",
                "/no-such-route",
                "--output-file",
                dir.resolve("none.json").toString());
        assertTrue(result.exitCode() != 0);
        assertTrue(
                result.getErrorOutput()
                        .contains("the server has no tokenize endpoint at " + simulator.baseUrl()
                                + "/no-such-route; drop --exact-input-lengths or set --tokenize-endpoint"),
                result.getErrorOutput());
    }

    private JsonNode run(QuarkusMainLauncher launcher, int length, boolean exact) throws Exception {
        Path out = dir.resolve("length-" + length + "-" + exact + ".json");
        String[] base = {
            "run",
            "--base-url",
            simulator.baseUrl(),
            "--dataset-folder",
            "datasets",
            "--prompt-length",
            Integer.toString(length),
            "--output-length",
            "4",
            "--n-workers",
            "2",
            "--max-duration",
            "1",
            "--max-queries",
            "20",
            "--query-metrics",
            "--output-file",
            out.toString()
        };
        String[] args = exact ? append(base, "--exact-input-lengths") : base;
        LaunchResult result = launcher.launch(args);
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        return new ObjectMapper().readTree(out.toFile());
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }
}
