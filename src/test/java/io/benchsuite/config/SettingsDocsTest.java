package io.benchsuite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README settings table and .env.example are generated from the code. Run with
 * {@code -Ddocs.update=true} to rewrite them after adding or changing a setting.
 */
class SettingsDocsTest {

    private static final Path README = Path.of("README.md");
    private static final Path ENV_EXAMPLE = Path.of(".env.example");
    private static final String BEGIN = "<!-- settings:begin";
    private static final String END = "<!-- settings:end -->";

    private static final boolean UPDATE = Boolean.getBoolean("docs.update");

    @Test
    void readmeTableMatchesTheSettings() throws IOException {
        String readme = Files.readString(README);
        int begin = readme.indexOf('\n', readme.indexOf(BEGIN)) + 1;
        int end = readme.indexOf(END);
        assertTrue(begin > 0 && end >= begin, "README.md has the settings markers");
        String expected = SettingsDocs.markdownTable();
        if (UPDATE) {
            Files.writeString(README, readme.substring(0, begin) + expected + readme.substring(end));
        } else {
            assertEquals(
                    expected,
                    readme.substring(begin, end),
                    "README settings table is stale: run ./mvnw test -Dtest=SettingsDocsTest -Ddocs.update=true");
        }
    }

    @Test
    void dotEnvExampleMatchesTheSettings() throws IOException {
        String expected = SettingsDocs.dotEnvExample();
        if (UPDATE) {
            Files.writeString(ENV_EXAMPLE, expected);
        } else {
            assertEquals(
                    expected,
                    Files.readString(ENV_EXAMPLE),
                    ".env.example is stale: run ./mvnw test -Dtest=SettingsDocsTest -Ddocs.update=true");
        }
    }

    @Test
    void dotEnvExampleIsReadBackAsTheDefaults() throws IOException {
        // Uncommenting every line of .env.example must give exactly the defaults: the file documents them.
        Path uncommented = Files.createTempFile("env", ".env");
        try {
            Files.writeString(uncommented, SettingsDocs.dotEnvExample().replaceAll("(?m)^#([A-Z_]+=)", "$1"));
            BenchSettings fromFile = SettingsLoader.load(java.util.Map.of(), java.util.Map.of(), uncommented);
            BenchSettings defaults = SettingsLoader.load(java.util.Map.of(), java.util.Map.of(), Path.of("absent"));
            assertEquals(defaults.port(), fromFile.port());
            assertEquals(defaults.maxDurationSpeedGeneration(), fromFile.maxDurationSpeedGeneration());
            assertEquals(defaults.metricsEndpoint(), fromFile.metricsEndpoint());
            assertEquals(defaults.backend(), fromFile.backend());
        } finally {
            Files.deleteIfExists(uncommented);
        }
    }
}
