package io.benchsuite.selfmetrics;

import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The tool's own meters (prefix {@code bench_suite_}) on one registry, fed with suite events. Every meter it
 * registers is removed again by {@link #close()}, so a registry that outlives the run (the application's, or a
 * test JVM running several launches) never keeps a stale series or a duplicate.
 *
 * <p>Only counts, durations and the benchmark's phase/pair/level are exported: never a prompt, a generated
 * text or the API key.
 */
public final class SuiteMeters implements AutoCloseable {

    static final String PREFIX = "bench_suite_";
    /** LLM requests may wait minutes in a full server queue; buckets reach past the usual request timeout. */
    private static final Duration LONGEST_TTFT = Duration.ofMinutes(30);

    private static final Duration SHORTEST_TTFT = Duration.ofMillis(1);
    /** A token every 50 us (speculative decoding, tiny models) up to a stalled stream. */
    private static final Duration SHORTEST_GAP = Duration.ofNanos(50_000);

    private static final Duration LONGEST_GAP = Duration.ofMinutes(5);

    private final MeterRegistry registry;
    private final List<Meter> owned = new CopyOnWriteArrayList<>();
    private final Map<ErrorKind, Counter> failedByKind = new ConcurrentHashMap<>();
    private final AtomicReference<Gauge> benchmarkInfo = new AtomicReference<>();
    // Gauges hold their state object weakly: these fields keep it alive as long as the meters.
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong benchmarksDone = new AtomicLong();
    private final AtomicLong benchmarksPlanned = new AtomicLong();
    private final AtomicReference<Supplier<OptionalDouble>> kvCacheUsage = new AtomicReference<>(OptionalDouble::empty);
    private final Counter requestsDone;
    private final Timer ttft;
    private final Timer interTokenLatency;

    public SuiteMeters(MeterRegistry registry) {
        this.registry = registry;
        own(Gauge.builder(PREFIX + "requests_in_flight", inFlight, AtomicLong::get)
                .description("Requests sent and not yet finished")
                .register(registry));
        own(Gauge.builder(PREFIX + "benchmarks_done", benchmarksDone, AtomicLong::get)
                .description("Benchmarks that ended in this process (complete or interrupted)")
                .register(registry));
        own(Gauge.builder(PREFIX + "benchmarks_planned", benchmarksPlanned, AtomicLong::get)
                .description("Benchmarks in the plan, including any already done by an earlier run")
                .register(registry));
        own(Gauge.builder(PREFIX + "server_kv_cache_usage", kvCacheUsage, SuiteMeters::lastKvCacheUsage)
                .description("Last KV-cache usage (0-1) read from the server's metrics; NaN before any")
                .register(registry));
        requestsDone = own(Counter.builder(PREFIX + "requests_done")
                .description("Requests finished, successful or not")
                .register(registry));
        ttft = own(Timer.builder(PREFIX + "client_ttft")
                .description("Time from sending a request to its first generated token, seen by the client")
                .publishPercentileHistogram()
                .minimumExpectedValue(SHORTEST_TTFT)
                .maximumExpectedValue(LONGEST_TTFT)
                .register(registry));
        interTokenLatency = own(Timer.builder(PREFIX + "client_inter_token_latency")
                .description("Time between two generated tokens, seen by the client (a chunk's gap is shared by "
                        + "the tokens it carries)")
                .publishPercentileHistogram()
                .minimumExpectedValue(SHORTEST_GAP)
                .maximumExpectedValue(LONGEST_GAP)
                .register(registry));
    }

    public void planned(int benchmarks) {
        benchmarksPlanned.set(benchmarks);
    }

    /**
     * The benchmark now running, as one series of value 1 whose labels say what it is; the previous series is
     * removed so that a query for the current benchmark finds exactly one.
     */
    public void benchmarkStarted(String phase, String pair, int level, int index) {
        inFlight.set(0);
        Gauge info = Gauge.builder(PREFIX + "benchmark_info", () -> 1)
                .description("The benchmark in progress (value 1; its labels say which)")
                .tags(Tags.of(
                        "phase",
                        phase,
                        "pair",
                        pair,
                        "level",
                        Integer.toString(level),
                        "index",
                        Integer.toString(index)))
                .register(registry);
        Gauge previous = benchmarkInfo.getAndSet(info);
        if (previous != null && !previous.getId().equals(info.getId())) {
            registry.remove(previous);
        }
    }

    public void benchmarkEnded() {
        benchmarksDone.incrementAndGet();
        removeBenchmarkInfo();
    }

    private void removeBenchmarkInfo() {
        Gauge previous = benchmarkInfo.getAndSet(null);
        if (previous != null) {
            registry.remove(previous);
        }
    }

    public void requestSent() {
        inFlight.incrementAndGet();
    }

    public void requestFinished(RequestRecord record) {
        inFlight.updateAndGet(n -> Math.max(0, n - 1));
        requestsDone.increment();
        if (record.outcome() != Outcome.SUCCESS) {
            failedByKind
                    .computeIfAbsent(
                            record.errorKind(),
                            kind -> own(Counter.builder(PREFIX + "requests_failed")
                                    .description("Requests that failed, by error kind")
                                    .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                                    .register(registry)))
                    .increment();
            return;
        }
        if (record.chunkCount() == 0) {
            return;
        }
        ttft.record(record.chunkNanosAt(0) - record.startNanos(), TimeUnit.NANOSECONDS);
        int[] tokens = record.chunkTokens();
        for (int i = 1; i < record.chunkCount(); i++) {
            if (tokens[i] == 0) {
                continue;
            }
            long gap = (record.chunkNanosAt(i) - record.chunkNanosAt(i - 1)) / tokens[i];
            for (int t = 0; t < tokens[i]; t++) {
                interTokenLatency.record(gap, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Where the last server KV-cache usage is read from at each scrape (the run's metrics poller). */
    public void kvCacheUsageFrom(Supplier<OptionalDouble> source) {
        kvCacheUsage.set(source);
    }

    private static double lastKvCacheUsage(AtomicReference<Supplier<OptionalDouble>> source) {
        return source.get().get().orElse(Double.NaN);
    }

    private <M extends Meter> M own(M meter) {
        owned.add(meter);
        return meter;
    }

    @Override
    public void close() {
        removeBenchmarkInfo();
        owned.forEach(registry::remove);
        owned.clear();
    }
}
