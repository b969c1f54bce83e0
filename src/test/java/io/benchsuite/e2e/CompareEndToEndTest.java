package io.benchsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-suite compare} on two real runs against the simulator: the demo preset (a 3 ms decoding step)
 * and the a100-7b preset (15 ms), each a short suite of one pair and two levels. The slower run judged against
 * the faster one is worse (exit 1, the table says where); the faster judged against the slower is not (exit 0).
 * compare reads the thresholds and the levels' speeds and TTFTs, so the prompt-ingestion runs and the KV-cache
 * profile are cut to half a second each.
 */
@QuarkusMainTest
class CompareEndToEndTest {

    @TempDir
    Path dir;

    private static LaunchResult suite(QuarkusMainLauncher launcher, Path run, String preset) {
        return launcher.launch(
                "--simulate",
                "--simulator-preset",
                preset,
                "--quick",
                "--run-folder",
                run.toString(),
                "--dataset-folder",
                "datasets",
                "--input-lengths",
                "32",
                "--output-lengths",
                "16",
                "--parallel-requests",
                "1,4",
                // compare reads the speed sweep only: the ingestion runs and KV-cache profile need not be long
                "--max-duration-prompt-ingestion",
                "0.5",
                "--max-duration-kv-cache-profile",
                "0.5");
    }

    @Test
    void aSlowerBuildIsWorseAndAFasterOneIsNot(QuarkusMainLauncher launcher) throws IOException {
        Path fast = dir.resolve("fast");
        Path slow = dir.resolve("slow");
        LaunchResult a = suite(launcher, fast, "demo");
        assertEquals(0, a.exitCode(), a.getErrorOutput());
        LaunchResult b = suite(launcher, slow, "a100-7b");
        assertEquals(0, b.exitCode(), b.getErrorOutput());

        LaunchResult regression = launcher.launch("compare", fast.toString(), slow.toString());
        assertEquals(1, regression.exitCode(), regression.getOutput() + regression.getErrorOutput());
        String table = regression.getOutput();
        assertTrue(table.contains("is worse than A"), table);
        assertTrue(table.contains("| 32 | 16 | median speed at N=1 (tokens/s) |"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("median speed at N=4") && l.endsWith("**worse** |")), table);
        String page = Files.readString(slow.resolve("report/compare.html"));
        assertTrue(page.contains("is worse than A") && page.contains("data:image/png;base64,"), "compare.html");

        Path elsewhere = dir.resolve("elsewhere");
        LaunchResult improvement = launcher.launch(
                "compare", slow.toString(), fast.toString(), "--tolerance", "10%", "--output", elsewhere.toString());
        assertEquals(0, improvement.exitCode(), improvement.getOutput() + improvement.getErrorOutput());
        assertTrue(improvement.getOutput().contains("is not worse than A"), improvement.getOutput());
        assertTrue(Files.isRegularFile(elsewhere.resolve("compare.html")));
        assertFalse(Files.exists(fast.resolve("report/compare.html")), "--output is where the page goes");

        // Usage errors: one line, exit 2.
        LaunchResult notARun = launcher.launch("compare", fast.toString(), dir.toString());
        assertEquals(2, notARun.exitCode());
        List<String> lines = notARun.getErrorOutput().lines().toList();
        assertEquals(1, lines.size(), notARun.getErrorOutput());
        assertTrue(lines.get(0).contains("RUN_B " + dir + " is not a run"), lines.get(0));

        LaunchResult badTolerance = launcher.launch("compare", fast.toString(), slow.toString(), "--tolerance", "x");
        assertEquals(2, badTolerance.exitCode());
        assertTrue(badTolerance.getErrorOutput().contains("--tolerance 5%"), badTolerance.getErrorOutput());
    }
}
