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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run} with and without {@code --keep-generated-text}: the raw JSON always has the original
 * tool's {@code generated_text} field, empty unless the setting asks for the text.
 */
@QuarkusMainTest
class KeepGeneratedTextEndToEndTest {

    private static RunningSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        simulator = Simulator.start(SimulatorConfig.fast(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private List<String> generatedTexts(QuarkusMainLauncher launcher, String name, String... extra) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--base-url",
                simulator.baseUrl(),
                "--dataset-folder",
                "datasets",
                "--prompt-length",
                "32",
                "--output-length",
                "8",
                "--n-workers",
                "4",
                "--max-queries",
                "8",
                "--output-file",
                out.toString(),
                "--query-metrics"));
        args.addAll(List.of(extra));
        LaunchResult result = launcher.launch(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        JsonNode queries = new ObjectMapper().readTree(out.toFile()).get("individual_query");
        assertEquals(8, queries.size());
        List<String> texts = new ArrayList<>();
        for (JsonNode query : queries) {
            assertTrue(query.has("generated_text"), "the field stays, for readers of the original format");
            texts.add(query.get("generated_text").asText());
        }
        return texts;
    }

    @Test
    void theTextIsEmptyByDefault(QuarkusMainLauncher launcher) throws Exception {
        assertEquals(List.of("", "", "", "", "", "", "", ""), generatedTexts(launcher, "default.json"));
    }

    @Test
    void theTextIsWrittenWhenAsked(QuarkusMainLauncher launcher) throws Exception {
        for (String text : generatedTexts(launcher, "kept.json", "--keep-generated-text", "true")) {
            assertFalse(text.isBlank(), "an 8-token answer: '" + text + "'");
        }
    }
}
