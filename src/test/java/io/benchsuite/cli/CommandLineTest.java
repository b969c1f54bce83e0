package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** Runs the real command line (argv through picocli and Quarkus) and checks exit codes and streams. */
@QuarkusMainTest
class CommandLineTest {

    @Test
    void helpListsEverySettingAndExitsZero(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--help");
        assertEquals(0, result.exitCode());
        String help = result.getOutput();
        for (io.benchsuite.config.Setting setting : io.benchsuite.config.SettingsCatalog.all()) {
            assertTrue(help.contains(setting.option()), "help lists " + setting.option());
        }
        assertTrue(help.contains("BENCH_MAX_DURATION_SPEED_GENERATION"), "help names the environment variables");
    }

    @Test
    void versionPrintsTheBuildVersion(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.getOutput().startsWith("bench-suite "), result.getOutput());
    }

    @Test
    void anUnknownOptionIsAUsageErrorOnOneLine(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--no-such-option");
        assertEquals(2, result.exitCode());
        assertEquals(1, result.getErrorOutput().strip().lines().count(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("--no-such-option"));
    }

    @Test
    void aBadValueIsExitTwoWithOneLineAndNoStackTrace(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--port", "not-a-number");
        assertEquals(2, result.exitCode());
        String err = result.getErrorOutput().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("--port, BENCH_PORT or PORT"), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void minDurationAboveMaxDurationIsExitTwo(QuarkusMainLauncher launcher) {
        LaunchResult result =
                launcher.launch("--min-duration-speed-generation", "100", "--max-duration-speed-generation", "10");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("min-duration-speed-generation"), result.getErrorOutput());
    }

    @Test
    void verboseAddsTheStackTrace(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--verbose", "--base-url", "ftp://nowhere");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("UsageException"), result.getErrorOutput());
    }

    @Test
    void theOriginalToolsMixedSeparatorFlagIsAccepted(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--target-queries-nb-speed_generation", "0");
        assertEquals(2, result.exitCode(), "the alias reaches validation, which rejects 0");
        assertTrue(result.getErrorOutput().contains("target-queries-nb-speed-generation"), result.getErrorOutput());
    }

    @Test
    void anOptionValueThatIsAlsoASubcommandNameIsAValue(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--dataset-folder", "datasets", "--port", "0");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("Invalid port"), "reached validation: " + result.getErrorOutput());
    }
}
