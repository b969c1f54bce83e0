package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code simulate} command through the production command line. A successful start blocks until a
 * signal, so only the failure paths run here; the server itself is tested in-process in the simulator
 * package.
 */
@QuarkusMainTest
class SimulateCommandTest {

    @Test
    void aPortInUseIsAUsageErrorOnOneLine(QuarkusMainLauncher launcher) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = String.valueOf(taken.getLocalPort());
            LaunchResult result = launcher.launch("simulate", "--preset", "fast", "--port", port);
            assertEquals(2, result.exitCode());
            List<String> lines = withoutLogLines(result.getErrorStream());
            assertEquals(1, lines.size(), result.getErrorOutput());
            String line = lines.get(0);
            assertTrue(line.startsWith("bench-suite: cannot listen on 127.0.0.1:" + port), line);
            assertTrue(line.contains("--port"), line);
            assertEquals(List.of(), withoutLogLines(result.getOutputStream()), "nothing on stdout");
        }
    }

    @Test
    void aTlsCertificateWithoutItsKeyIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch(
                "simulate", "--preset", "fast", "--port", "0", "--tls-cert", "src/test/resources/tls/server.pem");
        assertEquals(2, result.exitCode());
        assertEquals(
                List.of("bench-suite: --tls-cert and --tls-key go together; give both PEM files to serve HTTPS, "
                        + "or neither for HTTP"),
                withoutLogLines(result.getErrorStream()));
    }

    @Test
    void aKeyThatIsNotAPrivateKeyIsAUsageErrorNamingBothFiles(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch(
                "simulate",
                "--preset",
                "fast",
                "--port",
                "0",
                "--tls-cert",
                "src/test/resources/tls/server.pem",
                "--tls-key",
                "src/test/resources/tls/ca.pem");
        assertEquals(2, result.exitCode(), result.getErrorOutput());
        List<String> lines = withoutLogLines(result.getErrorStream());
        assertEquals(1, lines.size(), result.getErrorOutput());
        assertTrue(
                lines.get(0)
                        .startsWith("bench-suite: cannot serve HTTPS with --tls-cert src/test/resources/tls/"
                                + "server.pem and --tls-key src/test/resources/tls/ca.pem"),
                lines.get(0));
    }

    @Test
    void anUnknownPresetIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("simulate", "--preset", "h100", "--port", "0");
        assertEquals(2, result.exitCode());
        assertEquals(1, result.getErrorStream().size(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("unknown preset 'h100'"), result.getErrorOutput());
    }

    @Test
    void anInconsistentOverrideIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("simulate", "--preset", "fast", "--kv-blocks", "2", "--port", "0");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("cannot hold one sequence"), result.getErrorOutput());
    }

    @Test
    void aBadFaultValueIsAUsageErrorNamingTheFlag(QuarkusMainLauncher launcher) {
        LaunchResult result =
                launcher.launch("simulate", "--preset", "fast", "--port", "0", "--fault", "status:200@0.1");
        assertEquals(2, result.exitCode());
        List<String> lines = withoutLogLines(result.getErrorStream());
        assertEquals(
                List.of("bench-suite: --fault: bad fault value in 'status:200': expected a status from 400 to 599"),
                lines);
    }

    @Test
    void faultFractionsAboveOneAndABadRestartAreUsageErrors(QuarkusMainLauncher launcher) {
        LaunchResult sum =
                launcher.launch("simulate", "--port", "0", "--fault", "status:500@0.7", "--fault", "drop:1@0.7");
        assertEquals(2, sum.exitCode());
        assertTrue(sum.getErrorOutput().contains("must add up to 1 or less"), sum.getErrorOutput());
        LaunchResult restart = launcher.launch("simulate", "--port", "0", "--fault-restart", "10");
        assertEquals(2, restart.exitCode());
        assertTrue(restart.getErrorOutput().contains("--fault-restart expects UP:DOWN"), restart.getErrorOutput());
    }

    /**
     * Relaunching Quarkus several times in one JVM makes its Micrometer binder warn that Vert.x gauges are
     * already registered; that log line belongs to the test harness, not to the command (a packaged run
     * prints only the error line), so log-formatted lines are set aside.
     */
    private static List<String> withoutLogLines(List<String> stderr) {
        // In a shared test JVM, the harness's own log lines (and the blank line some of them end with) land in
        // the captured streams; a packaged run prints only the error line.
        return stderr.stream()
                .filter(l -> !l.isBlank() && !l.matches("\\d\\d:\\d\\d:\\d\\d (WARN|INFO|DEBUG) .*"))
                .toList();
    }
}
