package io.benchsuite.suite;

import io.benchsuite.client.RequestBodies;
import io.benchsuite.client.ServerUnavailableException;
import io.benchsuite.health.ClientHealth;
import io.benchsuite.health.ClientHealthJudge;
import io.benchsuite.health.ClientHealthMonitor;
import io.benchsuite.prometheus.GaugeSample;
import io.benchsuite.prometheus.MetricsPoller;
import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.results.KvProfileSample;
import io.benchsuite.results.RawResult;
import io.benchsuite.schedule.Dispatcher;
import io.benchsuite.schedule.Progress;
import io.benchsuite.stats.PromptCacheCheck;
import io.benchsuite.stats.QueryStats;
import io.benchsuite.stats.QueryStatsCalculator;
import io.benchsuite.stats.RunMetrics;
import io.benchsuite.stats.ServerPeaks;
import io.benchsuite.time.Ticker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs one benchmark end to end: a warm-up request, an idle window of server metrics, the requests as the
 * profile dictates, another idle window, then the statistics and the raw result. Stoppable from another
 * thread (Ctrl-C): sending stops, requests in flight are cancelled, and the result holds what was measured,
 * marked incomplete. It stops the same way on its own when the run's {@link ConsecutiveFailures} reaches
 * its limit, since every request sent after that would fail too.
 */
public final class BenchmarkRunner {

    private static final Logger LOG = Logger.getLogger(BenchmarkRunner.class);
    static final String WARM_UP_PROMPT = "Hey";

    private final RunContext context;
    private final ConsecutiveFailures failures;
    private final StartRetry startRetry;
    private volatile Dispatcher current;
    private volatile boolean stopped;
    private volatile ConsecutiveFailures.Streak gaveUp;
    private volatile StartGate startGate = () -> {};

    /** Waited on right before the first measured request, after the warm-up and the idle metrics window. */
    @FunctionalInterface
    public interface StartGate {
        void await() throws InterruptedException;
    }

    /** @param failures the run's count of requests failed in a row, shared by all its benchmarks */
    public BenchmarkRunner(RunContext context, ConsecutiveFailures failures) {
        this(context, failures, StartRetry.Sleeper.SYSTEM);
    }

    /** @param sleeper waits between the warm-up's retries (see {@link StartRetry}) */
    BenchmarkRunner(RunContext context, ConsecutiveFailures failures, StartRetry.Sleeper sleeper) {
        this.context = context;
        this.failures = failures;
        this.startRetry = new StartRetry(sleeper);
    }

    /** Stops the benchmark in progress; safe to call from a signal handler thread. */
    public void stop() {
        stopped = true;
        Dispatcher d = current;
        if (d != null) {
            d.requestStop();
        }
        context.client().cancelAll();
    }

    /**
     * Makes the requests of the next {@link #run} wait for {@code gate}: the shards of a sharded run start
     * each benchmark together, once every one has warmed up.
     */
    public void startAfter(StartGate gate) {
        this.startGate = gate;
    }

    public RawResult run(BenchmarkSpec spec, List<String> planned) throws InterruptedException {
        List<String> prompts = exactLengths(spec, planned);
        warmUp(spec.outputLength());
        Map<String, Object> warmUp = warmConnections(Math.max(1, spec.requestsInFlight()));
        Optional<MetricsPoller> poller = context.poller();
        long windowStart = System.nanoTime();
        idle(poller);
        if (!stopped) {
            startGate.await();
        }

        ValidSpeeds speeds = new ValidSpeeds(spec.precision().isPresent());
        Dispatcher dispatcher = new Dispatcher(
                this::send, Ticker.SYSTEM, new WatchedProgress(context.progress(), speeds), spec.outputLength());
        AtomicBoolean knownWellEnough = new AtomicBoolean();
        spec.precision()
                .ifPresent(precision -> dispatcher.stopOnceKnownWellEnough(() -> {
                    boolean precise = precision.precise(speeds.values());
                    if (precise) {
                        knownWellEnough.set(true);
                    }
                    return precise;
                }));
        current = dispatcher;
        if (stopped) {
            dispatcher.requestStop();
        }
        ClientHealthMonitor health = ClientHealthMonitor.start(context.client().eventLoops());
        long start = System.nanoTime();
        List<RequestRecord> records = switch (spec.profile()) {
            case CONSTANT_NUMBER_OF_QUERIES ->
                dispatcher.constantConcurrency(prompts, spec.requestsInFlight(), spec.stopRule());
            case GROWING_REQUESTS ->
                dispatcher.growingBursts(prompts, spec.stopRule(), Dispatcher.DEFAULT_BURST_PAUSE_SECONDS);
            case REQUEST_RATE ->
                dispatcher.poissonArrivals(prompts, spec.requestRate(), context.seed(), spec.stopRule());
        };
        long end = System.nanoTime();
        ClientHealth clientHealth = ClientHealthJudge.judge(health.stop(), records);
        if (clientHealth.degraded()) {
            LOG.warnf(
                    "The client itself stalled during this benchmark, so some timings may be inflated: %s",
                    clientHealth.reason());
        }
        current = null;
        if (!stopped) {
            idle(poller);
        }
        long windowEnd = System.nanoTime();

        List<GaugeSample> samples =
                poller.map(p -> p.samplesBetween(windowStart, windowEnd)).orElse(List.of());
        List<QueryStats> queries = records.stream()
                .map(r -> QueryStatsCalculator.compute(r, context.anchor(), context.lengthForced()))
                .toList();
        RunMetrics metrics = RunMetrics.of(queries, peaks(poller.isPresent(), samples), (end - start) / 1e9);
        int cachedPrompts = PromptCacheCheck.cachedPromptRequests(queries);
        PromptCacheCheck.warning(cachedPrompts, queries.size()).ifPresent(w -> LOG.warn(describe(spec) + ": " + w));
        Map<String, Object> parameters = parameters(spec);
        parameters.put("warm_up", warmUp);
        spec.precision().ifPresent(precision -> {
            Map<String, Object> stop = new LinkedHashMap<>();
            stop.put("min_valid_requests", precision.minValidRequests());
            stop.put("relative_half_width", precision.relativeHalfWidth());
            stop.put("reached", knownWellEnough.get());
            parameters.put("precision_stop", stop);
        });
        return new RawResult(
                parameters,
                metrics.general(),
                metrics.aggregated(),
                queries.stream().filter(q -> !q.isValid()).toList(),
                spec.queryMetrics()
                        ? Optional.of(
                                queries.stream().filter(QueryStats::isValid).toList())
                        : Optional.empty(),
                spec.withKvCacheProfile() && poller.isPresent()
                        ? Optional.of(samples.stream().map(this::kvSample).toList())
                        : Optional.empty(),
                poller.map(p -> (int) p.counts().failed()).orElse(0),
                !stopped,
                cachedPrompts,
                Optional.of(clientHealth));
    }

    /**
     * "input 32, output 16, 4 in parallel", or "prompt ingestion (growing prompts, output 1)": which benchmark a
     * warning is about. A prompt-ingestion benchmark reads the growing-prompts dataset, whose nominal length 0
     * would read as empty prompts.
     */
    static String describe(BenchmarkSpec spec) {
        if (spec.promptLength() == SuitePlan.GROWING_PROMPTS) {
            return "prompt ingestion (growing prompts, output " + spec.outputLength() + ", " + spec.requestsInFlight()
                    + " in parallel)";
        }
        return "input " + spec.promptLength() + ", output " + spec.outputLength() + ", " + spec.requestsInFlight()
                + " in parallel";
    }

    /** With --exact-input-lengths, the prompts fitted to the benchmark's nominal length; else as planned. */
    private List<String> exactLengths(BenchmarkSpec spec, List<String> planned) {
        if (context.exactLengths().isEmpty() || stopped) {
            return planned;
        }
        int nominal = spec.promptLength();
        long started = System.nanoTime();
        List<String> fitted = context.exactLengths().get().fit(planned, nominal, context.seed() * 31 + nominal);
        if (nominal > 0) {
            LOG.infof(
                    "%d prompts fitted to exactly %d tokens by the server's count in %.1f s",
                    fitted.size(), nominal, (System.nanoTime() - started) / 1e9);
        }
        return fitted;
    }

    /** Present when this benchmark stopped because too many requests in a row failed. */
    public Optional<ConsecutiveFailures.Streak> gaveUp() {
        return Optional.ofNullable(gaveUp);
    }

    /**
     * Feeds every completed request to the failure count, and stops the benchmark, on the client's thread, on
     * the request that reaches the limit: stopping only sets flags and cancels the requests in flight.
     */
    private final class WatchedProgress implements Progress {

        private final Progress delegate;
        private final ValidSpeeds speeds;

        WatchedProgress(Progress delegate, ValidSpeeds speeds) {
            this.delegate = delegate;
            this.speeds = speeds;
        }

        @Override
        public void sent(int sentSoFar) {
            delegate.sent(sentSoFar);
        }

        @Override
        public void finished(RequestRecord record) {
            delegate.finished(record);
            speeds.add(record);
            failures.record(record).ifPresent(streak -> {
                gaveUp = streak;
                stop();
            });
        }
    }

    /**
     * The per-request speeds ({@code speed_from_beginning}, tokens per second) of the valid requests finished so
     * far, for the precision stop; fed on the client's threads, read on the dispatcher's.
     */
    private final class ValidSpeeds {

        private final List<Double> speeds = new java.util.ArrayList<>();
        private final boolean wanted;

        /** @param wanted false to keep nothing (a benchmark without precision stop) */
        ValidSpeeds(boolean wanted) {
            this.wanted = wanted;
        }

        synchronized void add(RequestRecord record) {
            if (!wanted) {
                return;
            }
            QueryStats stats = QueryStatsCalculator.compute(record, context.anchor(), context.lengthForced());
            if (stats.isValid()) {
                speeds.add(stats.speedFromBeginning());
            }
        }

        synchronized double[] values() {
            return speeds.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private java.util.concurrent.CompletableFuture<RequestRecord> send(CompletionRequest request) {
        return context.client()
                .send(
                        request,
                        RequestBodies.request(
                                context.backend(),
                                context.api(),
                                context.model(),
                                request.prompt(),
                                request.outputTokens()));
    }

    /**
     * One request before measuring, with the run's output length, whose outcome is checked: a server that
     * cannot answer it would fail every request of the benchmark. A transient failure (reset or dropped
     * connection, 5xx, 429) is retried, up to 3 times, by {@link StartRetry}.
     */
    private void warmUp(int outputLength) throws InterruptedException {
        if (stopped) {
            return;
        }
        RequestRecord record = startRetry.send(
                () -> {
                    try {
                        return send(new CompletionRequest(-1, WARM_UP_PROMPT, outputLength, System.nanoTime()))
                                .get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(
                                "the client failed a request instead of recording it", e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted during the warm-up request", e);
                    }
                },
                "the warm-up request");
        if (record.outcome() == Outcome.SUCCESS) {
            failures.record(record); // the server answers: an earlier benchmark's failures are no longer "in a row"
        } else if (!stopped) {
            throw new ServerUnavailableException(
                    "the warm-up request to " + context.model() + " failed (" + record.errorKind() + ": "
                            + record.errorMessage() + ")",
                    null);
        }
    }

    /**
     * Opens the connections the benchmark will use and runs the client's code path before anything is measured:
     * as many requests at once as the benchmark keeps in flight, each a short prompt asking for one token, so
     * that the first measured requests neither wait for a connection (TCP and TLS set-up) nor run cold code,
     * and the server does little work. Their outcomes are not judged (the warm-up request above already was).
     *
     * @param connections requests sent at once
     * @return what it did, for the raw result's parameters: {@code requests}, {@code output_tokens},
     *         {@code failed}, {@code seconds}
     */
    private Map<String, Object> warmConnections(int connections) throws InterruptedException {
        Map<String, Object> done = new LinkedHashMap<>();
        long started = System.nanoTime();
        int failed = 0;
        if (!stopped) {
            byte[] body = RequestBodies.completion(context.backend(), context.model(), WARM_UP_PROMPT, 1);
            List<java.util.concurrent.CompletableFuture<RequestRecord>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < connections; i++) {
                sent.add(context.client().send(new CompletionRequest(-1, WARM_UP_PROMPT, 1, System.nanoTime()), body));
            }
            for (java.util.concurrent.CompletableFuture<RequestRecord> future : sent) {
                try {
                    failed += future.get().outcome() == Outcome.SUCCESS ? 0 : 1;
                } catch (ExecutionException e) {
                    failed++;
                }
            }
        }
        done.put("requests", stopped ? 0 : connections);
        done.put("output_tokens", 1);
        done.put("failed", failed);
        done.put("seconds", Math.round((System.nanoTime() - started) / 1e6) / 1000.0);
        return done;
    }

    private void idle(Optional<MetricsPoller> poller) throws InterruptedException {
        if (poller.isPresent() && context.idleMetricsSeconds() > 0 && !stopped) {
            Thread.sleep((long) (context.idleMetricsSeconds() * 1000));
        }
    }

    private Map<String, Object> parameters(BenchmarkSpec spec) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model", context.model());
        // A string, as the original tool wrote it (it came from the dataset's file name): readers depend on it.
        parameters.put("prompt_length", Integer.toString(spec.promptLength()));
        parameters.put("n_workers", spec.requestsInFlight());
        parameters.put("query_profile", spec.profile().id());
        parameters.put("request_rate", spec.requestRate());
        parameters.put("output_length", spec.outputLength());
        parameters.put("max_duration", spec.stopRule().maxDurationSeconds());
        parameters.put("min_duration", spec.stopRule().minDurationSeconds());
        parameters.put("target_queries_nb", spec.stopRule().targetQueries());
        parameters.putAll(context.commonParameters());
        // Without it, prompt lengths are the datasets' approximate ones; the report says so.
        parameters.put("exact_input_lengths", context.exactLengths().isPresent());
        return parameters;
    }

    private KvProfileSample kvSample(GaugeSample s) {
        return new KvProfileSample(
                context.anchor().toEpochSeconds(s.sentNanos()),
                boxed(s.gauges().runningRequests()),
                boxed(s.gauges().waitingRequests()),
                boxed(s.gauges().kvCacheUsage()),
                s.latencyNanos() / 1e9);
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /** Maxima over the window; -1 for a gauge never seen (or no metrics at all), as the original wrote. */
    static ServerPeaks peaks(boolean hasMetrics, List<GaugeSample> samples) {
        if (!hasMetrics) {
            return ServerPeaks.UNAVAILABLE;
        }
        return new ServerPeaks(
                max(samples, s -> s.gauges().kvCacheUsage()),
                max(samples, s -> s.gauges().runningRequests()),
                max(samples, s -> s.gauges().waitingRequests()));
    }

    private static double max(List<GaugeSample> samples, Function<GaugeSample, OptionalDouble> gauge) {
        return samples.stream()
                .map(gauge)
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .max()
                .orElse(-1);
    }
}
