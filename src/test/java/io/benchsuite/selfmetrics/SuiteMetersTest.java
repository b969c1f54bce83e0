package io.benchsuite.selfmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.TestRecords;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The meters on a registry of their own, fed with hand-made records whose latencies are known. */
class SuiteMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SuiteMeters meters = new SuiteMeters(registry);

    @Test
    void ttftAndInterTokenGapsComeFromTheChunkTimes() {
        meters.requestSent();
        // Sent at 0 ms, chunks at 100 ms (1 token), 130 ms (1 token), 190 ms (2 tokens: 30 ms each).
        meters.requestFinished(TestRecords.request()
                .startMs(0)
                .chunksMs(100, 130, 190)
                .chunkTokens(1, 1, 2)
                .endMs(200)
                .build());

        Timer ttft = registry.get("bench_suite_client_ttft").timer();
        assertEquals(1, ttft.count());
        assertEquals(100, ttft.totalTime(TimeUnit.MILLISECONDS), 1e-9);
        Timer gaps = registry.get("bench_suite_client_inter_token_latency").timer();
        assertEquals(3, gaps.count());
        assertEquals(30 + 30 + 30, gaps.totalTime(TimeUnit.MILLISECONDS), 1e-9);
        assertEquals(0, registry.get("bench_suite_requests_in_flight").gauge().value());
        assertEquals(1, registry.get("bench_suite_requests_done").counter().count());
    }

    @Test
    void failuresAreCountedByKindAndLeaveTheLatenciesAlone() {
        meters.requestSent();
        meters.requestSent();
        assertEquals(2, registry.get("bench_suite_requests_in_flight").gauge().value());
        meters.requestFinished(
                TestRecords.request().failed(ErrorKind.HTTP_STATUS, 500, "boom").build());

        assertEquals(1, registry.get("bench_suite_requests_in_flight").gauge().value());
        assertEquals(
                1,
                registry.get("bench_suite_requests_failed")
                        .tag("kind", "http_status")
                        .counter()
                        .count());
        assertEquals(1, registry.get("bench_suite_requests_done").counter().count());
        assertEquals(0, registry.get("bench_suite_client_ttft").timer().count());
    }

    @Test
    void onlyTheCurrentBenchmarkHasAnInfoSeries() {
        meters.planned(3);
        meters.benchmarkStarted("generation speed", "input 32, output 16", 4, 2);
        meters.benchmarkEnded();
        meters.benchmarkStarted("generation speed", "input 32, output 16", 8, 3);

        String page = registry.scrape();
        assertTrue(page.contains("level=\"8\""), page);
        assertFalse(page.contains("level=\"4\""), page);
        assertEquals(1, registry.find("bench_suite_benchmark_info").gauges().size());
        assertEquals(1, registry.get("bench_suite_benchmarks_done").gauge().value());
        assertEquals(3, registry.get("bench_suite_benchmarks_planned").gauge().value());
    }

    @Test
    void kvCacheUsageIsReadFromTheSourceAtEachScrapeAndNanBeforeAny() {
        assertTrue(Double.isNaN(
                registry.get("bench_suite_server_kv_cache_usage").gauge().value()));
        meters.kvCacheUsageFrom(() -> OptionalDouble.of(0.42));
        assertEquals(
                0.42, registry.get("bench_suite_server_kv_cache_usage").gauge().value());
    }

    @Test
    void closeRemovesEveryMeterSoALaterRunStartsClean() {
        meters.benchmarkStarted("run", "input 32, output 16", 1, 1);
        meters.requestFinished(
                TestRecords.request().failed(ErrorKind.TIMEOUT, null, "slow").build());
        meters.close();

        assertTrue(registry.getMeters().isEmpty(), registry.getMeters().toString());
        SuiteMeters again = new SuiteMeters(registry);
        assertEquals(0, registry.get("bench_suite_requests_done").counter().count());
        again.close();
    }
}
