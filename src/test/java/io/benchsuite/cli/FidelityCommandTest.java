package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/**
 * The fidelity command's argument checks through the real command line. The benchmark itself is not run
 * here: it starts a second process and takes a minute, and its numbers depend on the machine.
 */
@QuarkusMainTest
class FidelityCommandTest {

    @Test
    void zeroRepetitionsIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("fidelity", "--repeat", "0");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("--repeat"), result.getErrorOutput());
    }

    @Test
    void anUnknownScenarioIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("fidelity", "--streams", "7");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("1, 100 and 1000"), result.getErrorOutput());
    }

    @Test
    void aDurationBelowOneSecondIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("fidelity", "--max-duration", "0.5");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("--max-duration"), result.getErrorOutput());
    }

    @Test
    void helpNamesTheScenarios(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("fidelity", "--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.getOutput().contains("1, 100 and 1000"), result.getOutput());
        assertTrue(result.getOutput().contains("--no-plain-java"), result.getOutput());
    }
}
