package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupts a suite with a real SIGINT, as Ctrl-C or Kubernetes would, then resumes it: the packaged
 * application runs as a separate process, since a signal cannot be sent to an in-process launch.
 */
class SuiteResumeIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path dir;

    private Process start(Path runFolder, boolean resume) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--simulate",
                "--quick",
                "--run-folder",
                runFolder.toString(),
                "--dataset-folder",
                Path.of("datasets").toAbsolutePath().toString(),
                "--input-lengths",
                "32",
                "--output-lengths",
                "16",
                "--parallel-requests",
                "1,4",
                // The grid's two levels (the adaptive sweep would add 2); its resume is SweepModesEndToEndTest's.
                "--sweep",
                "grid",
                "--max-duration-prompt-ingestion",
                "2"));
        if (resume) {
            command.add("--resume");
        }
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(resume ? "resume.log" : "first.log").toFile())
                .start();
    }

    private static Map<String, FileTime> rawFiles(Path raw) throws IOException {
        Map<String, FileTime> files = new HashMap<>();
        if (Files.isDirectory(raw)) {
            try (Stream<Path> list = Files.list(raw)) {
                for (Path p : list.filter(p -> p.toString().endsWith(".json")).toList()) {
                    files.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
                }
            }
        }
        return files;
    }

    @Test
    void anInterruptedSuiteKeepsWhatItMeasuredAndResumesWithoutRerunningFinishedBenchmarks() throws Exception {
        Path run = dir.resolve("run");
        Path raw = run.resolve("raw_results");
        Process first = start(run, false);
        // Interrupt once two benchmarks are finished, in the middle of the third.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rawFiles(raw).size() < 2 && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(100);
        }
        Thread.sleep(700);
        new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).start().waitFor();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the suite stops after a signal");
        String firstLog = Files.readString(dir.resolve("first.log"));
        assertEquals(1, first.exitValue(), firstLog);
        assertTrue(firstLog.contains("--resume"), "tells how to finish the run: " + firstLog);

        Map<String, FileTime> before = rawFiles(raw);
        ObjectMapper json = new ObjectMapper();
        List<String> finished = new ArrayList<>();
        for (String name : before.keySet()) {
            // Every file is complete JSON (written atomically); the one in progress is marked incomplete.
            boolean complete =
                    json.readTree(raw.resolve(name).toFile()).get("complete").asBoolean();
            if (complete) {
                finished.add(name);
            }
        }
        assertTrue(finished.size() >= 2, "finished benchmarks kept: " + before.keySet());
        assertFalse(
                Files.exists(run.resolve("report/README.md")) && before.size() == 7, "the run was really cut short");

        Process resumed = start(run, true);
        assertTrue(resumed.waitFor(300, TimeUnit.SECONDS), "the resumed suite ends");
        String resumeLog = Files.readString(dir.resolve("resume.log"));
        assertEquals(0, resumed.exitValue(), resumeLog);
        for (String name : finished) {
            assertTrue(resumeLog.contains("already done, skipped: " + name), name + " skipped: " + resumeLog);
            if (Files.exists(raw.resolve(name))) {
                assertEquals(before.get(name), Files.getLastModifiedTime(raw.resolve(name)), name + " not rewritten");
            }
        }
        assertTrue(resumeLog.contains("Suite finished"), resumeLog);

        // The report is complete: every planned benchmark is in the zip (4 ingestion + 1 KV profile + 2 levels).
        assertTrue(Files.isRegularFile(run.resolve("report/index.html")));
        assertTrue(Files.isRegularFile(run.resolve(".suite-complete")));
        try (java.util.zip.ZipFile zip =
                new java.util.zip.ZipFile(run.resolve("raw_results.zip").toFile())) {
            List<String> names =
                    zip.stream().map(java.util.zip.ZipEntry::getName).sorted().toList();
            assertEquals(7, names.size(), names.toString());
            for (String name : names) {
                assertTrue(
                        json.readTree(zip.getInputStream(zip.getEntry(name)))
                                .get("complete")
                                .asBoolean(),
                        name);
            }
        }
        String thresholds = Files.readString(run.resolve("report/thresholds.csv"));
        assertTrue(thresholds.contains(",32,16"), thresholds);
    }
}
