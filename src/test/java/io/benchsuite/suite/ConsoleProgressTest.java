package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void everyLogLineOfAnyLevelAndLoggerStartsOnACleanLine() throws InterruptedException {
        List<PlannedBenchmark> plan = SuitePlan.of(SettingsLoader.load(new HashMap<>(), QuickMode.SETTINGS), true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        java.util.List<String> seenBeforeEachRecord = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler recorder = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (String.valueOf(record.getMessage()).contains("client itself stalled")) {
                    seenBeforeEachRecord.add(bytes.toString(StandardCharsets.UTF_8));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(recorder);
        try (ConsoleProgress progress = new ConsoleProgress(plan, true, out)) {
            progress.benchmarkStarted(plan.get(0), 1, plan.size(), 8);
            Thread.sleep(1_500); // ticks of 500 ms draw the line
            org.jboss.logging.Logger.getLogger("io.benchsuite.client.Somewhere")
                    .warn("The client itself stalled (test)");
        } finally {
            root.removeHandler(recorder);
        }
        assertEquals(1, seenBeforeEachRecord.size(), "the warning reached the handler once");
        String before = seenBeforeEachRecord.get(0);
        assertTrue(before.contains("prompt ingestion |"), "the live line was drawn: " + before);
        assertTrue(before.endsWith("\r\033[2K"), "the live line was erased before the warning: " + before);
        assertTrue(
                java.util.Arrays.stream(root.getHandlers())
                        .noneMatch(h -> h.getClass().getName().contains("LineClearing")),
                "the handlers are restored when the progress closes");
    }
}
