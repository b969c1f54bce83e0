package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key never reaches an output, and bad input found at the server is a usage error before any file. */
@QuarkusMainTest
class SecretsAndBadInputTest {

    private static final String KEY = "sk-test-Zq8w3Lk-not-a-real-key";
    private static RunningSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        simulator = Simulator.start(SimulatorConfig.demo().withLaunchArguments(true), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static void assertNoFileContains(Path folder, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(
                        new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                                .contains(secret),
                        "the key leaked into " + file);
            }
        }
    }

    @Test
    void theApiKeyIsSentButNeverWritten(QuarkusMainLauncher launcher) throws IOException {
        Path out = dir.resolve("out").resolve("run.json");
        Files.createDirectories(out.getParent());
        LaunchResult result = launcher.launch(
                "run",
                "--base-url",
                simulator.baseUrl(),
                "--dataset-folder",
                "datasets",
                "--api-key",
                KEY,
                "--prompt-length",
                "32",
                "--output-length",
                "4",
                "--n-workers",
                "2",
                "--max-duration",
                "1",
                "--output-file",
                out.toString(),
                "--query-metrics",
                "--with-kv-cache-profile",
                "--verbose");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(Files.size(out) > 1000);
        assertNoFileContains(dir, KEY);
        assertFalse(result.getOutput().contains(KEY));
        assertFalse(result.getErrorOutput().contains(KEY));
    }

    @Test
    void theApiKeyCanComeFromAFileAsKubernetesMountsSecrets(QuarkusMainLauncher launcher) throws IOException {
        Path keyFile = Files.writeString(dir.resolve("api-key"), KEY + "\n");
        Path out = dir.resolve("out").resolve("run.json");
        Files.createDirectories(out.getParent());
        LaunchResult result = launcher.launch(
                "run",
                "--base-url",
                simulator.baseUrl(),
                "--dataset-folder",
                "datasets",
                "--api-key-file",
                keyFile.toString(),
                "--prompt-length",
                "32",
                "--output-length",
                "4",
                "--max-duration",
                "0.5",
                "--output-file",
                out.toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertNoFileContains(out.getParent(), KEY);

        LaunchResult missing = launcher.launch(
                "run",
                "--base-url",
                simulator.baseUrl(),
                "--dataset-folder",
                "datasets",
                "--api-key-file",
                dir.resolve("nope").toString(),
                "--output-length",
                "4",
                "--output-file",
                dir.resolve("x.json").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.getErrorOutput().contains("--api-key-file"), missing.getErrorOutput());
    }

    @Test
    void aWrongCompletionsEndpointIsAUsageErrorBeforeAnyFile(QuarkusMainLauncher launcher) {
        Path out = dir.resolve("never.json");
        LaunchResult result = launcher.launch(
                "run",
                "--base-url",
                simulator.baseUrl(),
                "--dataset-folder",
                "datasets",
                "--completions-endpoint",
                "/v1/no-such-route",
                "--output-length",
                "4",
                "--output-file",
                out.toString());
        assertEquals(2, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("--completions-endpoint"), result.getErrorOutput());
        assertFalse(Files.exists(out));
    }

    @Test
    void aPairLongerThanTheContextIsSkippedWithANote(QuarkusMainLauncher launcher) throws IOException {
        Path run = dir.resolve("run");
        LaunchResult result = launcher.launch(
                "--simulate",
                "--quick",
                "--run-folder",
                run.toString(),
                "--dataset-folder",
                "datasets",
                "--input-lengths",
                "32,4096",
                "--output-lengths",
                "512",
                "--parallel-requests",
                "1",
                "--max-duration-prompt-ingestion",
                "0.5",
                "--max-duration-kv-cache-profile",
                "1",
                "--max-duration-speed-generation",
                "1",
                "--min-duration-speed-generation",
                "0.5");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        String log = result.getOutput() + result.getErrorOutput();
        assertTrue(log.contains("pair input 4096, output 512 skipped"), log);
        assertTrue(Files.exists(run.resolve("report/index.html")));
        try (var zip = new java.util.zip.ZipFile(run.resolve("raw_results.zip").toFile())) {
            assertTrue(zip.stream().noneMatch(e -> e.getName().contains("input_4096")), "no request sent for it");
            assertTrue(zip.stream().anyMatch(e -> e.getName().contains("input_32_output_512")));
        }
    }
}
