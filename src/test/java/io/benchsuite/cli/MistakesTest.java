package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.simulator.FaultPolicy;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usual first mistakes, through the real command line: each answer names the fix in one line. */
@QuarkusMainTest
class MistakesTest {

    @TempDir
    Path dir;

    @Test
    void aMisspeltOptionGetsTheNearestOne(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--quikc");
        assertEquals(2, result.exitCode());
        String err = result.getErrorOutput().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("'--quikc'") && err.contains("did you mean --quick"), err);
    }

    @Test
    void aMisspeltOptionOfASubcommandGetsTheNearestOneOfThatSubcommand(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("run", "--output-lenght", "4");
        assertEquals(2, result.exitCode());
        String err = result.getErrorOutput().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("did you mean --output-length"), err);
    }

    @Test
    void aMisspeltSubcommandGetsTheNearestOne(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("rpeort");
        assertEquals(2, result.exitCode());
        String err = result.getErrorOutput().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("unknown command 'rpeort'; did you mean report?"), err);
    }

    @Test
    void httpsAgainstAPlainHttpServerSaysToUseHttp(QuarkusMainLauncher launcher) {
        try (RunningSimulator simulator = Simulator.start(SimulatorConfig.demo(), "127.0.0.1", 0)) {
            String err = oneLineFailure(launcher, simulator.baseUrl().replace("http://", "https://"));
            assertTrue(err.contains("the server speaks plain HTTP, not HTTPS; use http:// in --base-url"), err);
            assertFalse(err.contains("4854"), err);
        }
    }

    @Test
    void httpAgainstAnHttpsServerSaysToUseHttps(QuarkusMainLauncher launcher) throws Exception {
        try (RunningSimulator simulator = Simulator.start(
                SimulatorConfig.demo(),
                "127.0.0.1",
                0,
                FaultPolicy.NONE,
                Optional.of(io.benchsuite.tls.TestCertificates.SERVER))) {
            String err = oneLineFailure(launcher, simulator.baseUrl().replace("https://", "http://"));
            assertTrue(err.contains("if it speaks HTTPS, use https:// in --base-url"), err);
        }
    }

    /** Runs one benchmark against {@code baseUrl}, which must fail with exit 1, one line and no file written. */
    private String oneLineFailure(QuarkusMainLauncher launcher, String baseUrl) {
        Path out = dir.resolve("never.json");
        LaunchResult result = launcher.launch(
                "run",
                "--base-url",
                baseUrl,
                "--dataset-folder",
                "datasets",
                "--output-length",
                "4",
                "--output-file",
                out.toString());
        String err = result.getErrorOutput().strip();
        assertEquals(1, result.exitCode(), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(Files.exists(out));
        return err;
    }
}
