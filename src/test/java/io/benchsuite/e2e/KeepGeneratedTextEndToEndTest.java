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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite run} with and without {@code --keep-generated-text}: the raw JSON always has the original
 * tool's {@code generated_text} field, empty unless the setting asks for the text.
 */
@QuarkusMainTest
class KeepGeneratedTextEndToEndTest {

    @RegisterExtension
    static final SimulatorFixture simulator = new SimulatorFixture(SimulatorConfig.fast());

    @TempDir
    Path dir;

    private List<String> generatedTexts(QuarkusMainLauncher launcher, String name, String... extra) throws Exception {
        Path out = dir.resolve(name);
        String[] args = CliArgs.run(simulator.baseUrl())
                .lengths(32, 8)
                .workers(4)
                .maxQueries(8)
                .outputFile(out)
                .queryMetrics()
                .with(extra)
                .build();
        LaunchResult result = launcher.launch(args);
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
