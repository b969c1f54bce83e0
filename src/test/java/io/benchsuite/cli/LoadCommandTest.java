package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/**
 * The load command's argument checks through the real command line. The benchmark itself is not run here: it
 * starts a second process and thousands of connections (ManyStreamsTest covers hundreds in-process).
 */
@QuarkusMainTest
class LoadCommandTest {

    @Test
    void zeroStreamsIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("load", "--streams", "0");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("--streams"), result.getErrorOutput());
    }

    @Test
    void aZeroTokenIntervalIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("load", "--inter-token-ms", "0");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("--inter-token-ms"), result.getErrorOutput());
    }

    @Test
    void helpStatesTheDefaultLoad(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("load", "--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.getOutput().contains("default: 2000"), result.getOutput());
    }
}
