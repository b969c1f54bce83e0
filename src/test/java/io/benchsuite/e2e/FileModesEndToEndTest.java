package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real commands write follows the umask like any other program's files: under the usual 022 the
 * report, the zip, parameters.json, every raw JSON and {@code run}'s output file are readable by the group
 * and others (they were 0600 and the report folder 0700, from the temporary files of the atomic writes).
 * The expected modes are those of a file and a folder this JVM creates plainly, so the test holds under any
 * umask; under 022 (the usual one, and this machine's) they are rw-r--r-- and rwxr-xr-x.
 */
@QuarkusMainTest
class FileModesEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void everyFileASuiteAndARunWriteFollowsTheUmask(QuarkusMainLauncher launcher) throws IOException {
        Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
        Set<PosixFilePermission> folderMode =
                Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("probe-folder")));
        if (PosixFilePermissions.toString(fileMode).equals("rw-r--r--")) {
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(folderMode), "umask 022");
        }

        Path run = dir.resolve("suite");
        LaunchResult suite = launcher.launch(CliArgs.simulatedQuickSuite(run)
                .pairs("32", "16")
                .levels("1,2")
                .ingestionAndKvProfile("0.5", "0.5")
                .speedGeneration("0.5", "0.2")
                .build());
        assertEquals(0, suite.exitCode(), suite.getErrorOutput());
        assertTrue(Files.exists(run.resolve("raw_results.zip")));
        assertTrue(Files.exists(run.resolve("report/parameters.json")));

        Path output = dir.resolve("one").resolve("run.json");
        try (RunningSimulator simulator = Simulator.start(SimulatorConfig.demo(), "127.0.0.1", 0)) {
            LaunchResult one = launcher.launch(CliArgs.run(simulator.baseUrl())
                    .lengths(32, 4)
                    .maxDuration("0.5")
                    .outputFile(output)
                    .build());
            assertEquals(0, one.exitCode(), one.getErrorOutput());
        }
        assertTrue(Files.exists(output));

        List<String> wrong = new ArrayList<>();
        try (Stream<Path> written = Files.walk(dir)) {
            for (Path path : written.filter(p -> !p.equals(dir)).toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                Set<PosixFilePermission> expected = Files.isDirectory(path) ? folderMode : fileMode;
                if (!mode.equals(expected)) {
                    wrong.add(dir.relativize(path) + " " + PosixFilePermissions.toString(mode));
                }
            }
        }
        assertEquals(
                List.of(),
                wrong,
                "expected files " + PosixFilePermissions.toString(fileMode) + ", folders "
                        + PosixFilePermissions.toString(folderMode));
    }
}
