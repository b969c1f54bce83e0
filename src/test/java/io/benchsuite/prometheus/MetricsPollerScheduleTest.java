package io.benchsuite.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.time.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The poll loop on a fake clock: exact send times, no sleeping, no network. */
class MetricsPollerScheduleTest {

    private static final long MS = 1_000_000L;

    /** Time moves only when the poller sleeps or a scripted scrape "takes" some. */
    private static FakeClock clockAt1000Ms() {
        return new FakeClock(1000 * MS);
    }

    /** Plays a script of scrape durations and results, then blocks until the poller is closed. */
    private static final class ScriptedFetcher implements MetricsFetcher {
        final FakeClock clock;
        final long[] durationsMs;
        final List<FetchResult> results;
        final List<Long> sendTimesMs = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch scriptDone = new CountDownLatch(1);
        int index;

        ScriptedFetcher(FakeClock clock, long[] durationsMs, List<FetchResult> results) {
            this.clock = clock;
            this.durationsMs = durationsMs;
            this.results = results;
        }

        @Override
        public FetchResult fetch() throws InterruptedException {
            sendTimesMs.add(clock.nanoTime() / MS);
            if (index == durationsMs.length) {
                scriptDone.countDown();
                new CountDownLatch(1).await(); // until close() interrupts
            }
            clock.advance(durationsMs[index] * MS);
            return results.get(index++);
        }
    }

    private static FetchResult page(double running) {
        return new FetchResult.Fetched("vllm:num_requests_running " + running + "\n", ExpositionFormat.CLASSIC_TEXT);
    }

    @Test
    void slowScrapesDelayTheNextOneInsteadOfPilingUpAndEachSampleIsStampedAtSendTime() throws Exception {
        FakeClock clock = clockAt1000Ms();
        long[] durations = {2, 25, 3, 3, 12, 1};
        List<FetchResult> results = List.of(
                page(1),
                page(2),
                page(3),
                new FetchResult.Failed(ScrapeFailure.of(ScrapeFailure.Kind.TIMEOUT, "slow")),
                page(5),
                page(6));
        ScriptedFetcher fetcher = new ScriptedFetcher(clock, durations, results);
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());

        try (MetricsPoller poller = MetricsPoller.start(
                fetcher, Duration.ofMillis(10), new ServerGaugeMapper(Optional.empty()), warnings::add, clock)) {
            assertTrue(fetcher.scriptDone.await(5, TimeUnit.SECONDS));

            // Step 10 ms from 1000: the 25 ms scrape pushes the next start to its end (1035), not to 1020
            // plus a catch-up burst; the 12 ms one pushes 1065 to 1067.
            assertEquals(List.of(1000L, 1010L, 1035L, 1045L, 1055L, 1067L, 1077L), fetcher.sendTimesMs);
            assertEquals(
                    List.of(8L, 7L, 7L, 9L),
                    clock.sleeps().stream().map(nanos -> nanos / MS).toList());
            List<GaugeSample> samples = poller.samples();
            assertEquals(
                    List.of(1000L, 1010L, 1035L, 1055L, 1067L),
                    samples.stream().map(s -> s.sentNanos() / MS).toList());
            assertEquals(
                    List.of(2L, 25L, 3L, 12L, 1L),
                    samples.stream().map(s -> s.latencyNanos() / MS).toList());
            assertEquals(6.0, samples.get(4).gauges().runningRequests().getAsDouble());

            ScrapeCounts counts = poller.counts();
            assertEquals(5, counts.succeeded());
            assertEquals(1, counts.failed());
            assertEquals(1, counts.failed(ScrapeFailure.Kind.TIMEOUT));
            assertEquals("TIMEOUT: slow", counts.lastFailure().orElseThrow().toString());
        }
    }

    @Test
    void snapshotBetweenBoundsIsInclusiveAndOrdered() throws Exception {
        FakeClock clock = clockAt1000Ms();
        ScriptedFetcher fetcher =
                new ScriptedFetcher(clock, new long[] {1, 1, 1, 1}, List.of(page(1), page(2), page(3), page(4)));

        try (MetricsPoller poller = MetricsPoller.start(
                fetcher, Duration.ofMillis(10), new ServerGaugeMapper(Optional.empty()), w -> {}, clock)) {
            assertTrue(fetcher.scriptDone.await(5, TimeUnit.SECONDS));

            // Identical readings share one gauges instance (memory), different ones do not.
            List<GaugeSample> all = poller.samples();
            assertTrue(all.get(1).gauges() != all.get(2).gauges());

            // Sends at 1000, 1010, 1020, 1030 ms.
            assertEquals(
                    List.of(2.0, 3.0),
                    poller.samplesBetween(1010 * MS, 1020 * MS).stream()
                            .map(s -> s.gauges().runningRequests().getAsDouble())
                            .toList());
            assertEquals(
                    List.of(3.0, 4.0),
                    poller.samplesBetween(1011 * MS, 5000 * MS).stream()
                            .map(s -> s.gauges().runningRequests().getAsDouble())
                            .toList());
            assertEquals(List.of(), poller.samplesBetween(1031 * MS, 2000 * MS));
            assertEquals(List.of(), poller.samplesBetween(0, 999 * MS));
        }
    }

    @Test
    void unchangedGaugesAreSharedBetweenConsecutiveSamples() throws Exception {
        FakeClock clock = clockAt1000Ms();
        ScriptedFetcher fetcher = new ScriptedFetcher(clock, new long[] {1, 1, 1}, List.of(page(4), page(4), page(5)));

        try (MetricsPoller poller = MetricsPoller.start(
                fetcher, Duration.ofMillis(10), new ServerGaugeMapper(Optional.empty()), w -> {}, clock)) {
            assertTrue(fetcher.scriptDone.await(5, TimeUnit.SECONDS));

            List<GaugeSample> samples = poller.samples();
            assertTrue(samples.get(0).gauges() == samples.get(1).gauges());
            assertEquals(5.0, samples.get(2).gauges().runningRequests().getAsDouble());
        }
    }

    @Test
    void aMissingFamilyIsReportedOnceAndAFetcherBugDoesNotKillThePoller() throws Exception {
        FakeClock clock = clockAt1000Ms();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch fiveScrapes = new CountDownLatch(5);
        MetricsFetcher fetcher = () -> {
            fiveScrapes.countDown();
            if (fiveScrapes.getCount() == 2) {
                throw new IllegalStateException("bug in a fetcher");
            }
            if (fiveScrapes.getCount() == 0) {
                new CountDownLatch(1).await();
            }
            return page(1);
        };

        try (MetricsPoller poller = MetricsPoller.start(
                fetcher, Duration.ofMillis(10), new ServerGaugeMapper(Optional.empty()), warnings::add, clock)) {
            assertTrue(fiveScrapes.await(5, TimeUnit.SECONDS));

            assertEquals(3, poller.counts().succeeded());
            assertEquals(1, poller.counts().failed(ScrapeFailure.Kind.OTHER));
            // Waiting and KV families are absent from every page: one warning each, plus the one failure.
            assertEquals(3, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("vllm:num_requests_waiting"), warnings.get(0));
            assertTrue(warnings.get(2).contains("bug in a fetcher"), warnings.get(2));
            poller.close();
            assertFalse(poller.isPolling());
        }
    }
}
