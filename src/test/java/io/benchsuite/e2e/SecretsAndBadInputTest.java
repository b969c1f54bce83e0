package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The API key never reaches an output, and bad input found at the server is a usage error before any file. */
@QuarkusMainTest
class SecretsAndBadInputTest {

    private static final String KEY = "sk-test-Zq8w3Lk-not-a-real-key";

    @RegisterExtension
    static final SimulatorFixture simulator =
            new SimulatorFixture(SimulatorConfig.demo().withLaunchArguments(true));

    @TempDir
    Path dir;

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
        LaunchResult result = launcher.launch(CliArgs.run(simulator.baseUrl())
                .with("--api-key", KEY)
                .lengths(32, 4)
                .workers(2)
                .maxDuration("1")
                .outputFile(out)
                .queryMetrics()
                .kvCacheProfile()
                .with("--verbose")
                .build());
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
        LaunchResult result = launcher.launch(CliArgs.run(simulator.baseUrl())
                .with("--api-key-file", keyFile.toString())
                .lengths(32, 4)
                .maxDuration("0.5")
                .outputFile(out)
                .build());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertNoFileContains(out.getParent(), KEY);

        LaunchResult missing = launcher.launch(CliArgs.run(simulator.baseUrl())
                .with("--api-key-file", dir.resolve("nope").toString())
                .outputLength(4)
                .outputFile(dir.resolve("x.json"))
                .build());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.getErrorOutput().contains("--api-key-file"), missing.getErrorOutput());
    }

    @Test
    void aWrongCompletionsEndpointIsAUsageErrorBeforeAnyFile(QuarkusMainLauncher launcher) {
        Path out = dir.resolve("never.json");
        LaunchResult result = launcher.launch(CliArgs.run(simulator.baseUrl())
                .with("--completions-endpoint", "/v1/no-such-route")
                .outputLength(4)
                .outputFile(out)
                .build());
        assertEquals(2, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("--completions-endpoint"), result.getErrorOutput());
        assertFalse(Files.exists(out));
    }

    @Test
    void aPairLongerThanTheContextIsSkippedWithANote(QuarkusMainLauncher launcher) throws IOException {
        Path run = dir.resolve("run");
        LaunchResult result = launcher.launch(CliArgs.simulatedQuickSuite(run)
                .pairs("32,4096", "512")
                .levels("1")
                .ingestionAndKvProfile("0.5", "1")
                .speedGeneration("1", "0.5")
                .build());
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
