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
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run --exact-input-lengths} against the simulator: every request's usage.prompt_tokens is
 * the nominal length, while without the flag the datasets' lengths are only near it.
 */
@QuarkusMainTest
class ExactInputLengthsTest {

    @RegisterExtension
    static final SimulatorFixture simulator =
            new SimulatorFixture(SimulatorConfig.a100Model7b().withStepBaseMs(5).withStepPerSeqMs(0));

    @TempDir
    Path dir;

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
        LaunchResult result = launcher.launch(CliArgs.run(simulator.baseUrl())
                .lengths(32, 4)
                .maxDuration("1")
                .with("--exact-input-lengths", "--tokenize-endpoint", "/no-such-route")
                .outputFile(dir.resolve("none.json"))
                .build());
        assertTrue(result.exitCode() != 0);
        assertTrue(
                result.getErrorOutput()
                        .contains("the server has no tokenize endpoint at " + simulator.baseUrl()
                                + "/no-such-route; drop --exact-input-lengths or set --tokenize-endpoint"),
                result.getErrorOutput());
    }

    private JsonNode run(QuarkusMainLauncher launcher, int length, boolean exact) throws Exception {
        Path out = dir.resolve("length-" + length + "-" + exact + ".json");
        CliArgs args = CliArgs.run(simulator.baseUrl())
                .lengths(length, 4)
                .workers(2)
                .maxDuration("1")
                .maxQueries(20)
                .queryMetrics()
                .outputFile(out);
        if (exact) {
            args.with("--exact-input-lengths");
        }
        LaunchResult result = launcher.launch(args.build());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        return new ObjectMapper().readTree(out.toFile());
    }
}
