package io.benchsuite.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a refused key came from, told from the same inputs {@link SettingsLoader} reads, never the key. */
class ApiKeyOriginTest {

    @TempDir
    Path dir;

    private String origin(Map<String, String> commandLine, Map<String, String> environment, Path dotEnv) {
        return ApiKeys.describeOrigin(SettingsLoader.load(commandLine, environment, dotEnv), environment, dotEnv);
    }

    @Test
    void eachSourceIsNamed() throws IOException {
        Path none = dir.resolve("absent.env");
        assertEquals("the request without an API key (none is set)", origin(Map.of(), Map.of(), none));
        assertEquals("the API key given with --api-key", origin(Map.of("api-key", "k1"), Map.of(), none));
        assertEquals(
                "the API key in the environment variable BENCH_API_KEY",
                origin(Map.of(), Map.of("BENCH_API_KEY", "k2", "API_KEY", "k3"), none));
        assertEquals(
                "the API key in the environment variable API_KEY", origin(Map.of(), Map.of("API_KEY", "k3"), none));
        assertEquals(
                "the API key given with --api-key",
                origin(Map.of("api-key", "k1"), Map.of("API_KEY", "k3"), none),
                "the option wins");
        Path dotEnv = Files.writeString(dir.resolve(".env"), "API_KEY=k4\n");
        assertEquals("the API key in the .env file " + dotEnv + " (API_KEY)", origin(Map.of(), Map.of(), dotEnv));
        assertEquals(
                "the API key read from the file /run/secrets/key (--api-key-file)",
                origin(Map.of("api-key-file", "/run/secrets/key"), Map.of(), none));
    }
}
