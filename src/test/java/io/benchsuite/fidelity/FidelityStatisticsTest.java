package io.benchsuite.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.health.ClientHealth;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic on hand-computed fixtures; no clock, no server. */
class FidelityStatisticsTest {

    private static final long MS = 1_000_000L;

    private static RequestRecord success(long startMs, double... chunkMs) {
        long[] nanos = new long[chunkMs.length];
        for (int i = 0; i < chunkMs.length; i++) {
            nanos[i] = Math.round(chunkMs[i] * MS);
        }
        return RequestRecord.withoutServerDetails(
                0,
                "p",
                chunkMs.length,
                startMs * MS,
                startMs * MS,
                nanos[nanos.length - 1],
                nanos,
                new int[chunkMs.length],
                5,
                chunkMs.length,
                Outcome.SUCCESS,
                ErrorKind.NONE,
                200,
                "",
                null);
    }

    /** Schedule 50 ms then every 10 ms. A: TTFT +1, gaps 10, 10.5, 0.1 (a burst); B: TTFT +3, gap 10. */
    private static List<RequestRecord> fixture() {
        RequestRecord a = success(0, 51, 61, 71.5, 71.6);
        RequestRecord b = success(1000, 1053, 1063);
        RequestRecord failed = RequestRecord.withoutServerDetails(
                2,
                "p",
                4,
                2000 * MS,
                2000 * MS,
                2060 * MS,
                new long[] {2051 * MS},
                new int[] {1},
                -1,
                -1,
                Outcome.ERROR,
                ErrorKind.CONNECTION_RESET,
                null,
                "reset",
                null);
        return List.of(a, b, failed);
    }

    @Test
    void ttftErrorsAreMeasuredMinusScheduledOverCompleteRequests() {
        TimingErrors errors = TimingErrors.of(fixture(), 50, 10);
        assertEquals(2, errors.ttft().count());
        assertEquals(2.0, errors.ttft().meanMs(), 1e-9); // (1 + 3) / 2
        assertEquals(2.98, errors.ttft().p99Ms(), 1e-9); // 1 + 0.99 x (3 - 1)
        assertEquals(1.0, errors.ttft().stdMs(), 1e-9); // population deviation of {1, 3}
    }

    @Test
    void interTokenErrorsAndBurstsComeFromConsecutiveChunks() {
        TimingErrors errors = TimingErrors.of(fixture(), 50, 10);
        // errors {0, 0.5, -9.9, 0}: mean -2.35, squares of deviations sum to 76.17
        assertEquals(4, errors.interToken().count());
        assertEquals(-2.35, errors.interToken().meanMs(), 1e-9);
        assertEquals(Math.sqrt(76.17 / 4), errors.interToken().stdMs(), 1e-9);
        assertEquals(0.485, errors.interToken().p99Ms(), 1e-9); // sorted -9.9, 0, 0, 0.5: 0 + 0.97 x 0.5
        assertEquals(0.25, errors.burstShare(), 1e-12); // 0.1 ms < 10 / 4
        assertEquals(7, errors.events()); // chunks of every record, the failed one too
        assertEquals(1, errors.failedRequests());
    }

    @Test
    void noCompleteRequestGivesEmptyStatistics() {
        TimingErrors errors = TimingErrors.of(List.of(fixture().get(2)), 50, 10);
        assertEquals(ErrorStats.EMPTY, errors.ttft());
        assertEquals(0, errors.burstShare());
    }

    private static ScenarioResult run(double ttftMean, long cpuMs, int failed) {
        TimingErrors timing = new TimingErrors(
                new ErrorStats(10, ttftMean, 2 * ttftMean, 0.1),
                new ErrorStats(100, 0.01, 0.2, 0.05),
                0.01,
                10_000,
                failed);
        ResourceUsage usage = new ResourceUsage(cpuMs * MS, cpuMs * MS / 2, 100L << 20, 200L << 20, true, Map.of());
        return new ScenarioResult(
                timing,
                usage,
                2.0,
                190,
                50 * MS,
                new ClientHealth(0, 0, 0, 0.2, 1.5, 0.5, 1.0, 0, 100, ClientHealth.OK, ""));
    }

    @Test
    void summaryTakesTheMedianOfEachFigureAndSumsFailures() {
        Scenario scenario = new Scenario(100, 400, 50, 10, 64);
        ScenarioSummary s =
                ScenarioSummary.medianOf(scenario, List.of(run(0.9, 40, 0), run(0.2, 20, 1), run(0.3, 30, 0)));
        assertEquals(0.3, s.ttftErrorMeanMs(), 1e-12);
        assertEquals(0.6, s.ttftErrorP99Ms(), 1e-12);
        assertEquals(3.0, s.cpuMsPer1000Events(), 1e-12); // 30 ms over 10,000 events
        assertEquals(1.5, s.kernelCpuMsPer1000Events(), 1e-12); // half of it in the kernel
        assertEquals(200, s.rssPeakMiB(), 1e-12);
        assertEquals(95, s.scrapesPerSecond(), 1e-12);
        assertEquals(5.0, s.serverCpuMsPer1000Events(), 1e-12); // 50 ms over 10,000 events
        assertEquals(1, s.failedRequests());
    }

    @Test
    void targetsPassOnlyWithinTheLimitAndWithoutFailedRequests() {
        Scenario hundred = new Scenario(100, 400, 50, 10, 64);
        ScenarioSummary good = ScenarioSummary.medianOf(hundred, List.of(run(0.3, 30, 0)));
        TargetCheck ttft = TargetCheck.evaluate(List.of(good)).get(0);
        assertEquals("TTFT error mean", ttft.figure());
        assertTrue(ttft.pass());
        assertEquals(4.9, ttft.originalTool());

        ScenarioSummary slow = ScenarioSummary.medianOf(hundred, List.of(run(0.6, 30, 0)));
        assertFalse(TargetCheck.evaluate(List.of(slow)).get(0).pass());
        ScenarioSummary failing = ScenarioSummary.medianOf(hundred, List.of(run(0.3, 30, 2)));
        assertFalse(TargetCheck.evaluate(List.of(failing)).get(0).pass());
        // only the 100-stream targets apply when only that scenario ran: mean, p99, std, CPU
        assertEquals(4, TargetCheck.evaluate(List.of(good)).size());
    }

    @Test
    void procStatusAndThreadNamesAreRead() {
        assertEquals(123_456L * 1024, ResourceMeter.vmHwmBytes("Name:\tjava\nVmPeak:\t 999 kB\nVmHWM:\t  123456 kB\n"));
        assertEquals(-1, ResourceMeter.vmHwmBytes("Name:\tjava\n"));
        // A command name with a blank and a parenthesis; utime 1500, stime 723 (fields 14 and 15).
        assertEquals(
                723,
                ResourceMeter.systemTicks(
                        "4242 (my (java) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1500 723 0 0 20 0 30 0 100 1 1"));
        assertEquals("vert.x-eventloop-thread", ResourceMeter.threadKind("vert.x-eventloop-thread-3"));
        assertEquals("C1 CompilerThread", ResourceMeter.threadKind("C1 CompilerThread0"));
        assertEquals("main", ResourceMeter.threadKind("main"));
    }
}
