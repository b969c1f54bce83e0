package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.SettingsLoader;
import io.benchsuite.suite.QuickMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickOverridesTest {

    @TempDir
    Path dir;

    @Test
    void environmentAndDotEnvValuesThatReplaceQuicksAreNamedCommandLineOnesAreNot() throws Exception {
        Path dotEnv = dir.resolve(".env");
        Files.writeString(dotEnv, "BENCH_INPUT_LENGTHS=32,64,128\n");
        Optional<String> warning = QuickOverrides.warning(
                QuickMode.SETTINGS,
                SettingsLoader.given(
                        Map.of("output-lengths", "16"),
                        Map.of("BENCH_MAX_DURATION_SPEED_GENERATION", "900", "BENCH_MAX_QUERIES", "200"),
                        dotEnv));
        assertTrue(warning.isPresent());
        String w = warning.get();
        assertTrue(w.contains("BENCH_MAX_DURATION_SPEED_GENERATION=900 (environment, --quick sets 30)"), w);
        assertTrue(w.contains("BENCH_INPUT_LENGTHS=32,64,128 (.env file"), w);
        assertTrue(!w.contains("OUTPUT_LENGTHS") && !w.contains("MAX_QUERIES"), "command line and equal values: " + w);
    }

    @Test
    void nothingToSayWhenNothingReplacesQuick() {
        assertEquals(
                Optional.empty(),
                QuickOverrides.warning(
                        QuickMode.SETTINGS,
                        SettingsLoader.given(
                                Map.of(), Map.of("BENCH_BASE_URL", "http://x:8000"), dir.resolve(".env"))));
    }
}
