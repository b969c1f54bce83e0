package io.benchsuite.fidelity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
                95,
                50 * MS,
                new ClientHealth(0, 0, 0, 0.2, 1.5, 0.5, 1.0, 0, 100, ClientHealth.OK, ""),
                cpuMs * MS);
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
        TargetCheck ttft =
                TargetCheck.evaluate(List.of(good), List.of(), List.of()).get(0);
        assertEquals("TTFT error mean", ttft.figure());
        assertEquals(0.6, ttft.limit());
        assertTrue(ttft.pass());
        assertEquals(4.40, ttft.originalTool());

        ScenarioSummary slow = ScenarioSummary.medianOf(hundred, List.of(run(0.7, 30, 0)));
        assertFalse(
                TargetCheck.evaluate(List.of(slow), List.of(), List.of()).get(0).pass());
        ScenarioSummary failing = ScenarioSummary.medianOf(hundred, List.of(run(0.3, 30, 2)));
        assertFalse(TargetCheck.evaluate(List.of(failing), List.of(), List.of())
                .get(0)
                .pass());
        // only the 100-stream targets apply when only that scenario ran: mean, p99, std, CPU per token
        assertEquals(
                4, TargetCheck.evaluate(List.of(good), List.of(), List.of()).size());
    }

    @Test
    void cpuPerTokenIsJudgedAgainstTheFloorAndAMissedTargetByTheFloorRule() {
        Scenario hundred = new Scenario(100, 400, 50, 10, 64);
        ScenarioSummary client = ScenarioSummary.medianOf(hundred, List.of(run(3, 30, 0))); // p99 6 ms, 3 ms CPU
        ScenarioSummary floor = ScenarioSummary.medianOf(hundred, List.of(run(2.5, 25, 0))); // p99 5 ms, 2.5 ms
        List<TargetCheck> checks = TargetCheck.evaluate(List.of(client), List.of(floor), List.of());
        TargetCheck cpu = checks.stream()
                .filter(c -> c.figure().equals("client CPU per 1000 tokens"))
                .findFirst()
                .orElseThrow();
        assertEquals(2.5 * 1.3, cpu.limit(), 1e-12);
        assertEquals(2.5, cpu.floor(), 1e-12);
        assertTrue(cpu.pass()); // 3.0 <= 3.25
        TargetCheck p99 = checks.stream()
                .filter(c -> c.figure().equals("TTFT error p99"))
                .findFirst()
                .orElseThrow();
        // the floor's 5 ms meets the 5 ms target: no relaxing, and the client's 6 ms fails
        assertEquals(5, p99.limit(), 1e-12);
        assertFalse(p99.pass());
        ScenarioSummary slowFloor = ScenarioSummary.medianOf(hundred, List.of(run(2.75, 25, 0))); // p99 5.5 ms
        TargetCheck relaxed = TargetCheck.evaluate(List.of(client), List.of(slowFloor), List.of()).stream()
                .filter(c -> c.figure().equals("TTFT error p99"))
                .findFirst()
                .orElseThrow();
        assertEquals(7.5, relaxed.limit(), 1e-12); // the floor + 2 ms
        assertTrue(relaxed.pass());
    }

    @Test
    void plainJavaFiguresMayBeAtMostTwiceTheLaunchers() {
        Scenario hundred = new Scenario(100, 400, 50, 10, 64);
        ScenarioSummary launcher = ScenarioSummary.medianOf(hundred, List.of(run(0.3, 30, 0)));
        ScenarioSummary plain = ScenarioSummary.medianOf(hundred, List.of(run(0.7, 30, 0)));
        List<TargetCheck> checks = TargetCheck.evaluate(List.of(launcher), List.of(), List.of(plain)).stream()
                .filter(c -> c.figure().startsWith("java -jar"))
                .toList();
        assertEquals(5, checks.size());
        TargetCheck mean = checks.get(0);
        assertEquals("java -jar: TTFT error mean", mean.figure());
        assertEquals(0.6, mean.limit(), 1e-12);
        assertFalse(mean.pass()); // 0.7 > 2 x 0.3
        assertTrue(checks.get(4).pass()); // the same RSS
    }

    @Test
    void rawResultGivesTheErrorsOfEveryRequestAndTheSelfCheck() throws Exception {
        // Schedule 50 ms then every 10 ms. A: TTFT 51 ms, gaps 10, 10.5 ms; B: TTFT 53 ms, gap 0.1 ms (a burst).
        String json = """
                {"individual_query": [
                  {"starting_timestamp": 100.0, "ending_timestamp": 100.0715, "time_to_first_token": 0.051,
                   "timestamp_of_tokens_arrival": [100.051, 100.061, 100.0715]},
                  {"starting_timestamp": 101.0, "ending_timestamp": 101.0532, "time_to_first_token": 0.053,
                   "timestamp_of_tokens_arrival": [101.053, 101.0531]}],
                 "errored_queries": [{"timestamp_of_tokens_arrival": [102.05]}],
                 "kv_cache_profile": [{"timestamp": 99.0}, {"timestamp": 100.5}, {"timestamp": 101.0}],
                 "client_health": {"gc_pause_count": 1, "gc_pause_total_ms": 3.0, "gc_pause_max_ms": 3.0,
                   "event_loop_lag_p99_ms": 0.4, "event_loop_lag_max_ms": 2.0, "cpu_load_max": 0.5,
                   "client_cpu_seconds": 0.25, "requests_affected": 0, "requests": 3, "verdict": "ok", "reason": ""}}
                """;
        RawRunFigures figures =
                RawRunFigures.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), 50, 10);
        assertEquals(2, figures.timing().ttft().count());
        assertEquals(2.0, figures.timing().ttft().meanMs(), 1e-6);
        assertEquals(3, figures.timing().interToken().count());
        assertEquals((0 + 0.5 - 9.9) / 3, figures.timing().interToken().meanMs(), 1e-6);
        assertEquals(1.0 / 3, figures.timing().burstShare(), 1e-12);
        assertEquals(6, figures.timing().events()); // the failed request's chunk too
        assertEquals(1, figures.timing().failedRequests());
        assertEquals(250_000_000L, figures.benchmarkCpuNanos());
        assertEquals(2 / 1.0532, figures.scrapesPerSecond(), 1e-9); // 2 samples from 100.0 to 101.0532
        assertEquals("ok", figures.clientHealth().verdict());
        assertEquals(3, figures.clientHealth().requests());
    }

    @Test
    void childRunArgumentsAskForEnoughPromptsAndTheRequestsStatistics() {
        List<String> args = ChildRun.arguments(
                "http://127.0.0.1:1", new Scenario(100, 400, 50, 10, 64), 30, java.nio.file.Path.of("r.json"));
        assertEquals("run", args.get(0));
        assertTrue(args.contains("--query-metrics"));
        assertEquals("0.01", args.get(args.indexOf("--step-live-metrics") + 1));
        // 100 streams of 0.68 s requests over 30 s: 100 x (30 / 0.68 + 1) x 1.2 = 5414.1
        assertEquals("5415", args.get(args.indexOf("--max-queries") + 1));
        assertArrayEquals(
                new long[] {1500, 723},
                ChildRun.userAndSystemTicks(
                        "4242 (my (java) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1500 723 0 0 20 0 30 0 100 1 1"));
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
