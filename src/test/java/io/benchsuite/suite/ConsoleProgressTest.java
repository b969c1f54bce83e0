package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.config.SettingsLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live line on a terminal: erased for good when the run stops, so that the stop warning stands alone. */
class ConsoleProgressTest {

    @Test
    void onStopTheLiveLineIsErasedAndNotDrawnAgain() throws InterruptedException {
        List<PlannedBenchmark> plan = SuitePlan.of(SettingsLoader.load(new HashMap<>(), QuickMode.SETTINGS), true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ConsoleProgress progress = new ConsoleProgress(plan, true, out)) {
            progress.benchmarkStarted(plan.get(0), 1, plan.size(), 8);
            Thread.sleep(1_200); // two ticks of 500 ms
            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("prompt ingestion |"), bytes.toString());
            progress.stopping();
            int atStop = bytes.size();
            Thread.sleep(1_200);
            String after = bytes.toString(StandardCharsets.UTF_8).substring(atStop);
            assertFalse(after.contains("|"), "no live line after the stop: " + after);
            assertTrue(
                    bytes.toString(StandardCharsets.UTF_8).substring(0, atStop).endsWith("\r\033[2K"),
                    "the line was erased when the run stopped");
        }
    }
}
