package io.benchsuite.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real-time shell with a fake clock: token times follow the step durations, no sleeping. */
class EngineDriverTest {

    /** Time only moves when the driver sleeps. */
    static final class FakeClock implements EngineClock {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadlineNanos) {
            now = Math.max(now, deadlineNanos);
        }
    }

    private static final long MS = 1_000_000;

    private final FakeClock clock = new FakeClock();
    // batch 2, 64 blocks of 16, prefill 1,000 tokens/s, step 10 ms + 1 ms per sequence
    private final SimulatorConfig config = SimulatorConfig.fast()
            .withMaxNumSeqs(2)
            .withKvBlocks(64)
            .withBlockSize(16)
            .withPrefillTokensPerSecond(1000)
            .withStepBaseMs(10)
            .withStepPerSeqMs(1);
    private final EngineDriver driver = new EngineDriver(config, 0, clock);

    private static GenerationRequest request(String id, int prompt, int max) {
        return new GenerationRequest(id, prompt, max, 0, true, List.of(), 1);
    }

    @Test
    void tokensArriveAtPrefillPlusStepThenEveryStep() throws InterruptedException {
        List<Long> times = new ArrayList<>();
        driver.submit(request("a", 20, 3), clock.now, (delta, at) -> times.add(at));
        while (driver.runOnce()) {
            // run until idle
        }
        // first token: 20 tokens / 1,000 per s = 20 ms of prefill + 10 + 1 = 31 ms; then 11 ms per step
        assertEquals(List.of(31 * MS, 42 * MS, 53 * MS), times);
        EngineMetrics.Snapshot metrics = driver.metrics().get(0);
        assertEquals(0.031, metrics.timeToFirstToken().sum(), 1e-9);
        assertEquals(0.022, metrics.interToken().sum(), 1e-9);
        assertEquals(0.053, metrics.endToEnd().sum(), 1e-9);
        assertEquals(20, metrics.promptTokens());
        assertEquals(3, metrics.generationTokens());
        assertEquals(0, metrics.running());
    }

    @Test
    void aThirdRequestWaitsForABatchSlotAndItsTtftIncludesTheWait() throws InterruptedException {
        List<Long> third = new ArrayList<>();
        driver.submit(request("a", 10, 2), 0, (delta, at) -> {});
        driver.submit(request("b", 10, 2), 0, (delta, at) -> {});
        driver.submit(request("c", 10, 1), 0, (delta, at) -> third.add(at));
        driver.runOnce(); // a and b: 20 ms prefill + 10 + 2 = 32 ms
        assertEquals(2, driver.metrics().get(0).running());
        assertEquals(1, driver.metrics().get(0).waiting());
        driver.runOnce(); // a and b finish at 32 + 12 = 44 ms
        driver.runOnce(); // c: 10 ms prefill + 10 + 1 = 21 ms -> 65 ms
        assertEquals(List.of(65 * MS), third);
        assertFalse(driver.runOnce());
        assertEquals(0, driver.metrics().get(0).waiting());
    }
}
