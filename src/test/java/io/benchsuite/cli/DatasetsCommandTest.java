package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.datasets.DatasetGenerator;
import io.benchsuite.datasets.LengthStats;
import io.benchsuite.datasets.PromptJson;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusMainTest
@TestProfile(DatasetsCommandTest.NoHttpServer.class)
class DatasetsCommandTest {

    /**
     * As in production, the command opens no port: in the test profile Quarkus would otherwise bind the fixed
     * test port 8081, which fails when another build on the machine holds it.
     */
    public static class NoHttpServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host-enabled", "false");
        }
    }

    private static final Pattern LOG_RECORD = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d (TRACE|DEBUG|INFO|WARN|ERROR) ");

    @TempDir
    Path dir;

    @Test
    void writesTheRequestedFilesAndOneSummaryLinePerFile(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("new-folder");
        LaunchResult result = launcher.launch(
                "datasets",
                "--output",
                out.toString(),
                "--lengths",
                "16,40",
                "--count",
                "7",
                "--seed",
                "5",
                "--no-growing");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        List<String> lines = printed(result);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(
                lines.get(0)
                        .matches("prompts_length_16\\.json: 7 prompts, tokens median \\d+(\\.5)? min 16 max " + "\\d+"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("prompts_length_40.json: 7 prompts"), lines.get(1));
        assertFalse(Files.exists(out.resolve("growing_prompts.json")));
        byte[] expected = PromptJson.write(
                        new DatasetGenerator(5).fixedLength(40, 7).prompts())
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, Files.readAllBytes(out.resolve("prompts_length_40.json")));
        assertTrue(result.getErrorOutput().contains("seed 5"), result.getErrorOutput());
    }

    @Test
    void writesTheGrowingSetByDefault(QuarkusMainLauncher launcher) {
        LaunchResult result =
                launcher.launch("datasets", "--output", dir.toString(), "--lengths", "12", "--count", "1");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        DatasetGenerator generator = new DatasetGenerator(DatasetGenerator.DEFAULT_SEED);
        assertEquals(
                List.of(
                        "prompts_length_12.json: "
                                + LengthStats.of(generator.fixedLength(12, 1).prompts())
                                        .summary(),
                        "growing_prompts.json: "
                                + LengthStats.of(generator.growing().prompts()).summary()),
                printed(result));
        assertTrue(Files.exists(dir.resolve("growing_prompts.json")));
    }

    @Test
    void badArgumentsGiveOneLineAndExitCodeTwo(QuarkusMainLauncher launcher) throws Exception {
        assertUsage(launcher.launch("datasets", "--output", dir.toString(), "--lengths", "3"), "--lengths: 3 is out");
        assertUsage(launcher.launch("datasets", "--output", dir.toString(), "--count", "0"), "--count: 0 is out");
        assertUsage(launcher.launch("datasets", "--output", dir.toString(), "--lengths", "32,32"), "twice");
        assertUsage(launcher.launch("datasets", "--output", dir.toString(), "--lengths", "many"), "'many' is not");
        assertUsage(launcher.launch("datasets"), "Missing required option: '--output");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertUsage(launcher.launch("datasets", "--output", file.toString()), "is a file, not a folder");
    }

    private static void assertUsage(LaunchResult result, String expected) {
        assertEquals(2, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains(expected), result.getErrorOutput());
        assertEquals(1, result.getErrorStream().size(), result.getErrorOutput());
        assertEquals(List.of(), printed(result));
    }

    /**
     * The command's stdout lines. In test mode the launcher also captures Quarkus log records with stdout
     * (in production they go to stderr), and relaunching in one JVM logs a micrometer warning once, in
     * whichever test runs second; log records (and the empty line of an empty output) are left out here.
     */
    private static List<String> printed(LaunchResult result) {
        return result.getOutputStream().stream()
                .filter(line -> !line.isEmpty() && !LOG_RECORD.matcher(line).find())
                .toList();
    }
}
