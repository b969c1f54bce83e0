package io.benchsuite.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.prometheus.FetchResult;
import io.benchsuite.prometheus.HttpMetricsFetcher;
import io.benchsuite.prometheus.MetricsPoller;
import io.benchsuite.prometheus.PollerSettings;
import io.benchsuite.prometheus.ScrapeCounts;
import io.benchsuite.prometheus.ScrapeFailure;
import io.benchsuite.simulator.ConfiguredFaultPolicy;
import io.benchsuite.simulator.FaultConfig;
import io.benchsuite.simulator.RunningSimulator;
import io.benchsuite.simulator.Simulator;
import io.benchsuite.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics poller against the simulator's /metrics faults: it goes on scraping, counts each failure by
 * kind, and keeps the samples of the scrapes that worked.
 */
class MetricsPollerUnderFaultsTest {

    private static final Duration STEP = Duration.ofMillis(20);
    private static final Duration SCRAPE_TIMEOUT = Duration.ofMillis(150);

    /**
     * The first scrape of a JVM loads the HTTP client's classes, which takes longer than the short scrape
     * timeout these tests use to stay fast; one scrape of a healthy server beforehand keeps that cost out.
     */
    @BeforeAll
    static void loadTheHttpClientClasses() throws InterruptedException {
        try (RunningSimulator simulator = Simulator.start(SimulatorConfig.fast(), "127.0.0.1", 0);
                HttpMetricsFetcher fetcher = new HttpMetricsFetcher(
                        PollerSettings.of(simulator.baseUrl(), "/metrics", 1, Optional.empty(), Optional.empty()))) {
            assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch());
        }
    }

    private static ScrapeCounts pollFor(String fault, Duration duration) throws InterruptedException {
        FaultConfig faults = FaultConfig.parse(List.of(fault), null, false, 42);
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (RunningSimulator simulator =
                Simulator.start(SimulatorConfig.fast(), "127.0.0.1", 0, new ConfiguredFaultPolicy(faults))) {
            PollerSettings settings = PollerSettings.of(
                            simulator.baseUrl(),
                            "/metrics",
                            STEP.toMillis() / 1000.0,
                            Optional.empty(),
                            Optional.of("sim-model"))
                    .withScrapeTimeout(SCRAPE_TIMEOUT);
            try (MetricsPoller poller = MetricsPoller.start(settings, warnings::add)) {
                Thread.sleep(duration.toMillis());
                ScrapeCounts counts = poller.counts();
                assertEquals(counts.succeeded(), poller.samples().size(), "one sample per successful scrape");
                return counts;
            }
        }
    }

    @Test
    void a404IsCountedAsAnHttpStatusFailureEveryTime() throws Exception {
        ScrapeCounts counts = pollFor("metrics-404", Duration.ofMillis(300));
        assertEquals(0, counts.succeeded());
        assertTrue(counts.failed(ScrapeFailure.Kind.HTTP_STATUS) >= 3, counts.toString());
        assertEquals(counts.failed(), counts.failed(ScrapeFailure.Kind.HTTP_STATUS));
    }

    @Test
    void garbageIsCountedAsUnparsable() throws Exception {
        ScrapeCounts counts = pollFor("metrics-garbage", Duration.ofMillis(300));
        assertEquals(0, counts.succeeded());
        assertTrue(counts.failed(ScrapeFailure.Kind.UNPARSABLE) >= 3, counts.toString());
    }

    @Test
    void aPageSlowerThanTheScrapeTimeoutIsATimeoutAndThePollerGoesOn() throws Exception {
        ScrapeCounts counts = pollFor("metrics-slow:1000", Duration.ofMillis(600));
        assertEquals(0, counts.succeeded());
        // One scrape at a time, each cut at 150 ms: about 4 in 600 ms.
        assertTrue(counts.failed(ScrapeFailure.Kind.TIMEOUT) >= 2, counts.toString());
    }

    @Test
    void halfTheScrapesFailingLeavesTheOtherHalfAsSamples() throws Exception {
        ScrapeCounts counts = pollFor("metrics-404@0.5", Duration.ofMillis(400));
        assertTrue(counts.succeeded() >= 2, counts.toString());
        assertTrue(counts.failed(ScrapeFailure.Kind.HTTP_STATUS) >= 2, counts.toString());
    }
}
