package io.benchsuite.prometheus;

import io.benchsuite.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Scrapes the server's metrics page on its own daemon thread and keeps the gauges of every successful scrape.
 *
 * <p>One scrape at most is in flight: the next starts {@code step} after the previous one started, or as
 * soon as it ends when it took longer than the step, so a slow endpoint is scraped less often instead of
 * piling up requests (the original tool fired one task per step whatever the state of the previous ones).
 * Failures of any kind are counted and the poller goes on; each kind is logged once.
 */
public final class MetricsPoller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MetricsPoller.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(2);

    private final MetricsFetcher fetcher;
    private final long stepNanos;
    private final ServerGaugeMapper mapper;
    private final OnceReporter reporter;
    private final Ticker clock;
    private final Thread thread;
    private volatile boolean closed;

    private final Object lock = new Object();
    /** In send order; since sends are sequential on one thread, sentNanos only grows. */
    private final List<GaugeSample> samples = new ArrayList<>();

    /**
     * The families the gauges are read from, once a whole page gave all three gauges without a note or a
     * malformed line; from then on only those families are parsed (poller thread only). A vLLM page is mostly
     * histogram buckets: at a 10 ms step, parsing all of it was most of the poller's CPU (docs/fidelity.md).
     * Any later page that does not give all three gauges that way is parsed whole again.
     */
    private List<String> gaugeFamilies;

    private final Map<ScrapeFailure.Kind, Long> failedByKind = new EnumMap<>(ScrapeFailure.Kind.class);
    private long succeeded;
    private long failed;
    private ScrapeFailure lastFailure;

    private MetricsPoller(
            MetricsFetcher fetcher, long stepNanos, ServerGaugeMapper mapper, OnceReporter reporter, Ticker clock) {
        this.fetcher = fetcher;
        this.stepNanos = stepNanos;
        this.mapper = mapper;
        this.reporter = reporter;
        this.clock = clock;
        this.thread = new Thread(this::pollUntilClosed, "metrics-poller");
        this.thread.setDaemon(true);
    }

    /** Starts polling {@code settings.metricsUri()} over HTTP; warnings go to the log. */
    public static MetricsPoller start(PollerSettings settings) {
        return start(settings, LOG::warn);
    }

    /** Starts polling over HTTP with warnings (missing families, failures) sent to {@code warnings}. */
    public static MetricsPoller start(PollerSettings settings, Consumer<String> warnings) {
        return start(
                new HttpMetricsFetcher(settings),
                settings.step(),
                new ServerGaugeMapper(settings.servedModelName()),
                warnings,
                Ticker.SYSTEM);
    }

    /** The seam: any fetcher and clock. */
    static MetricsPoller start(
            MetricsFetcher fetcher, Duration step, ServerGaugeMapper mapper, Consumer<String> warnings, Ticker clock) {
        MetricsPoller poller = new MetricsPoller(fetcher, step.toNanos(), mapper, new OnceReporter(warnings), clock);
        poller.thread.start();
        return poller;
    }

    private void pollUntilClosed() {
        long planned = clock.nanoTime();
        try {
            while (!closed) {
                long sent = clock.nanoTime();
                FetchResult result = fetchSafely();
                long latency = clock.nanoTime() - sent;
                record(sent, latency, result);
                planned += stepNanos;
                long now = clock.nanoTime();
                if (planned <= now) {
                    planned = now; // late: start right away, and count the next step from here (no burst)
                } else {
                    clock.sleepUntil(planned);
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts a sleep or a scrape in flight: that is the way out.
        }
    }

    private FetchResult fetchSafely() throws InterruptedException {
        try {
            return fetcher.fetch();
        } catch (RuntimeException e) {
            return new FetchResult.Failed(ScrapeFailure.of(ScrapeFailure.Kind.OTHER, e.toString()));
        }
    }

    private void record(long sent, long latency, FetchResult result) {
        if (result instanceof FetchResult.Failed failedFetch) {
            recordFailure(failedFetch.failure());
            return;
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        if (gaugeFamilies != null) {
            MetricsPage part = PrometheusTextParser.parse(fetched.body(), fetched.format(), gaugeFamilies);
            GaugeReading reading = mapper.read(part);
            if (complete(part, reading)) {
                addSample(sent, latency, reading.gauges());
                return;
            }
            gaugeFamilies = null; // the page changed: read it whole, as at the start
        }
        MetricsPage page = PrometheusTextParser.parse(fetched.body(), fetched.format());
        if (page.sampleCount() == 0 && !page.warnings().isEmpty()) {
            recordFailure(ScrapeFailure.of(
                    ScrapeFailure.Kind.UNPARSABLE,
                    "no readable metric sample, " + page.warnings().get(0)));
            return;
        }
        if (page.sampleCount() == 0) {
            // The server answered, with nothing to say yet (vLLM 0.6 answers an empty 200 before its first
            // request; families without samples likewise): no values, which is not a failure of the scrape.
            reporter.report(new MappingNote(
                    "no-samples",
                    "the metrics page answered with no metric sample"
                            + " (empty body or families without samples): no values until it has some"));
            synchronized (lock) {
                samples.add(new GaugeSample(sent, latency, ServerGauges.NONE));
                succeeded++;
            }
            return;
        }
        if (!page.warnings().isEmpty()) {
            reporter.report(new MappingNote(
                    "parse-warnings",
                    "the metrics page has unreadable lines, which are" + " skipped (reported once): "
                            + page.warnings().get(0)));
        }
        GaugeReading reading = mapper.read(page);
        reading.notes().forEach(reporter::report);
        if (complete(page, reading)) {
            MetricsDialect dialect = MetricsDialect.of(page).orElseThrow();
            gaugeFamilies = Arrays.stream(ServerGauge.values())
                    .flatMap(gauge -> dialect.sources(gauge).stream())
                    .map(GaugeSource::familyName)
                    .distinct()
                    .toList();
        }
        addSample(sent, latency, reading.gauges());
    }

    /** True when the page gave all three gauges, with no note and no malformed line. */
    private static boolean complete(MetricsPage page, GaugeReading reading) {
        ServerGauges gauges = reading.gauges();
        return page.sampleCount() > 0
                && page.warnings().isEmpty()
                && reading.notes().isEmpty()
                && gauges.runningRequests().isPresent()
                && gauges.waitingRequests().isPresent()
                && gauges.kvCacheUsage().isPresent();
    }

    private void addSample(long sent, long latency, ServerGauges measured) {
        ServerGauges gauges = measured;
        synchronized (lock) {
            // Between 10 ms scrapes the gauges rarely change: sharing the previous instance keeps an
            // hour of samples at a few megabytes instead of tens.
            if (!samples.isEmpty() && samples.get(samples.size() - 1).gauges().equals(gauges)) {
                gauges = samples.get(samples.size() - 1).gauges();
            }
            samples.add(new GaugeSample(sent, latency, gauges));
            succeeded++;
        }
    }

    private void recordFailure(ScrapeFailure failure) {
        synchronized (lock) {
            failed++;
            failedByKind.merge(failure.kind(), 1L, Long::sum);
            lastFailure = failure;
        }
        reporter.report(new MappingNote(
                "failure:" + failure.kind(),
                "metrics scrape failed (" + failure
                        + "); the poller keeps trying and counts further failures of this kind without logging them"));
    }

    /** Every sample so far, in send order. */
    public List<GaugeSample> samples() {
        synchronized (lock) {
            return List.copyOf(samples);
        }
    }

    /** The newest sample, for live displays that must not copy the whole history at each look. */
    public Optional<GaugeSample> latest() {
        synchronized (lock) {
            return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
        }
    }

    /** The samples sent within {@code [fromNanos, toNanos]} (System.nanoTime() values), in send order. */
    public List<GaugeSample> samplesBetween(long fromNanos, long toNanos) {
        synchronized (lock) {
            int from = firstSentAtOrAfter(fromNanos);
            int to = from;
            while (to < samples.size() && samples.get(to).sentNanos() - toNanos <= 0) {
                to++;
            }
            return List.copyOf(samples.subList(from, to));
        }
    }

    /** Binary search on the sorted send times (compared by difference, as nanoTime values must be). */
    private int firstSentAtOrAfter(long nanos) {
        int low = 0;
        int high = samples.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (samples.get(middle).sentNanos() - nanos < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    public ScrapeCounts counts() {
        synchronized (lock) {
            return new ScrapeCounts(succeeded, failed, failedByKind, Optional.ofNullable(lastFailure));
        }
    }

    /** Stops polling: interrupts a sleep or a scrape in flight and waits briefly for the thread to end. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            fetcher.close();
        }
    }

    boolean isPolling() {
        return thread.isAlive();
    }
}
