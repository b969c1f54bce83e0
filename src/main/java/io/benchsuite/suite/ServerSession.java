package io.benchsuite.suite;

import io.benchsuite.client.ClientOptions;
import io.benchsuite.client.KeyRefusedException;
import io.benchsuite.client.LengthFields;
import io.benchsuite.client.OpenFileLimit;
import io.benchsuite.client.RequestBodies;
import io.benchsuite.client.ServerApi;
import io.benchsuite.client.ServerDiscovery;
import io.benchsuite.client.ServerInfo;
import io.benchsuite.client.ServerTokenCounter;
import io.benchsuite.client.ServerUnavailableException;
import io.benchsuite.client.StreamingClient;
import io.benchsuite.config.Api;
import io.benchsuite.config.ApiKeys;
import io.benchsuite.config.Backend;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.config.SettingsValidator;
import io.benchsuite.config.UsageException;
import io.benchsuite.prometheus.CacheConfig;
import io.benchsuite.prometheus.FetchResult;
import io.benchsuite.prometheus.HttpMetricsFetcher;
import io.benchsuite.prometheus.MetricsDialect;
import io.benchsuite.prometheus.MetricsPage;
import io.benchsuite.prometheus.MetricsPoller;
import io.benchsuite.prometheus.PollerSettings;
import io.benchsuite.prometheus.PrometheusTextParser;
import io.benchsuite.prometheus.ServerGaugeMapper;
import io.benchsuite.record.CompletionRequest;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.record.TimeAnchor;
import io.benchsuite.schedule.Progress;
import io.benchsuite.tls.TlsSettings;
import io.benchsuite.tls.TlsTrust;
import io.benchsuite.workload.ExactPromptLengths;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Everything a run needs from the server, opened once: the model and server description, the streaming
 * client with its pool sized for the run's largest concurrency, the metrics poller when the backend has
 * metrics, and the parameters every raw result shares.
 */
public final class ServerSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerSession.class);
    /** The original tool's suite_id format, kept so reports compare. */
    private static final DateTimeFormatter SUITE_ID = DateTimeFormatter.ofPattern("yyyy-MM-dd, HH:mm:ss");

    /**
     * Launch arguments whose name says they hold a secret (api_key, hf_token, ssl_keyfile, password...) are
     * written as this, never as their value. Whole name parts are matched, so max_num_batched_tokens or
     * tokenizer stay readable.
     */
    static final String REDACTED = "<redacted>";

    static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "(?i)(^|[_-])(api[_-]?key|key|keyfile|keys|secret|secrets|password|passwd|token|credentials?)($|[_-])");

    private final ServerInfo info;
    private final StreamingClient client;
    private final Optional<MetricsPoller> poller;
    private final Optional<ServerTokenCounter> tokenCounter;
    private final RunContext context;
    private final java.util.function.Supplier<ServerTokenCounter> openCounter;
    private ServerTokenCounter countingCounter;

    private ServerSession(
            ServerInfo info,
            StreamingClient client,
            Optional<MetricsPoller> poller,
            Optional<ServerTokenCounter> tokenCounter,
            RunContext context,
            java.util.function.Supplier<ServerTokenCounter> openCounter) {
        this.info = info;
        this.client = client;
        this.poller = poller;
        this.tokenCounter = tokenCounter;
        this.context = context;
        this.openCounter = openCounter;
    }

    /** The original tool's idle window around each benchmark's requests. */
    public static final double DEFAULT_IDLE_METRICS_SECONDS = 1.0;

    public static ServerSession open(BenchSettings settings, Vertx vertx, int maxConcurrency, Progress progress) {
        return open(settings, vertx, maxConcurrency, progress, DEFAULT_IDLE_METRICS_SECONDS);
    }

    /** @param idleMetricsSeconds metrics sampled before and after each benchmark's requests */
    public static ServerSession open(
            BenchSettings settings, Vertx vertx, int maxConcurrency, Progress progress, double idleMetricsSeconds) {
        return open(settings, vertx, maxConcurrency, progress, idleMetricsSeconds, false);
    }

    /**
     * Opens the session, one step per job: find out what the server serves, open the tokenize client when
     * asked, open the streaming client and probe the completions endpoint with it, gather the parameters every
     * raw result shares, and start the metrics poller when the backend has metrics. What was opened before a
     * failing step is closed again.
     *
     * @param exactInputLengths fit prompts to their nominal length with the server's tokenize endpoint, which is
     *                          asked once here so that a server without one fails the run before it starts
     * @throws UsageException             when the completions endpoint answers 404 (a wrong setting)
     * @throws ServerUnavailableException when the server cannot be reached or fails the first request
     */
    public static ServerSession open(
            BenchSettings settings,
            Vertx vertx,
            int maxConcurrency,
            Progress progress,
            double idleMetricsSeconds,
            boolean exactInputLengths) {
        return open(
                settings,
                vertx,
                maxConcurrency,
                progress,
                idleMetricsSeconds,
                exactInputLengths,
                resolveBackend(settings));
    }

    /**
     * The backend of the run: the one set, or, with {@code backend=auto}, the one found by probing the server
     * (see {@link BackendDetector}); logged in one line. The TLS trust is read here, once for the run (the
     * ca-cert file, the warning of an insecure run), and travels with the result to {@link #open}.
     */
    public static DetectedBackend resolveBackend(BenchSettings settings) {
        URI baseUrl = SettingsValidator.baseUrl(settings);
        Optional<String> apiKey = ApiKeys.resolve(settings);
        TlsTrust tls = TlsSettings.resolve(settings);
        return BackendDetector.resolve(settings, new ServerApi(baseUrl, apiKey, tls), apiKey, tls);
    }

    /** @param detected the backend from {@link #resolveBackend}, when the caller needed it before opening */
    public static ServerSession open(
            BenchSettings settings,
            Vertx vertx,
            int maxConcurrency,
            Progress progress,
            double idleMetricsSeconds,
            boolean exactInputLengths,
            DetectedBackend detected) {
        Target target = Target.of(settings, detected);
        ServerInfo info = discover(settings, target, detected);
        Optional<ServerTokenCounter> tokenCounter =
                exactInputLengths ? Optional.of(openTokenCounter(settings, target, info)) : Optional.empty();
        StreamingClient client;
        try {
            client = openStreamingClient(settings, vertx, maxConcurrency, target, info);
        } catch (RuntimeException e) {
            tokenCounter.ifPresent(ServerTokenCounter::close);
            throw e;
        }
        Map<String, Object> parameters = commonParameters(settings, detected, info);
        parameters.put("api", target.api().id());
        // Said once per run rather than flagged on every request: see LengthFields.forcesLength.
        boolean lengthForced = LengthFields.of(target.backend(), target.api()).forcesLength();
        parameters.put("output_length_forced", lengthForced);
        if (!lengthForced) {
            LOG.warnf(
                    "The %s backend cannot make the server generate exactly the output length asked for (no "
                            + "min_tokens or ignore_eos): answers may be shorter, and requests are not flagged one by one "
                            + "as output_length_mismatch",
                    target.backend().id());
        }
        // Which request shape the tokenize endpoint understood (vllm or llamacpp), for whoever checks the counts;
        // whatever the backend (a merge had put it under the warning above, so vLLM runs never recorded it).
        tokenCounter
                .flatMap(ServerTokenCounter::shape)
                .ifPresent(shape -> parameters.put("tokenize_shape", shape.id()));
        Optional<MetricsPoller> poller;
        try {
            poller = target.backend().hasServerMetrics()
                    ? Optional.of(startPoller(settings, target, info, parameters))
                    : Optional.empty();
        } catch (RuntimeException e) {
            client.close();
            tokenCounter.ifPresent(ServerTokenCounter::close);
            throw withKeyOrigin(e, settings);
        }
        RunContext context = new RunContext(
                client,
                target.backend(),
                info.model(),
                poller,
                TimeAnchor.capture(),
                parameters,
                idleMetricsSeconds,
                settings.seed(),
                progress,
                tokenCounter.map(ExactPromptLengths::new),
                target.api());
        return new ServerSession(
                info, client, poller, tokenCounter, context, () -> tokenizeClient(settings, target, info));
    }

    /** {@code scheme://host:port/path} of a URL: no user name, password, query or fragment. */
    static String withoutCredentials(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    /**
     * Where the server is and how every client reaches it: URL, backend, API (and so the completions path), API
     * key and TLS trust.
     */
    private record Target(
            URI baseUrl, Backend backend, Api api, String completionsPath, Optional<String> apiKey, TlsTrust tls) {
        static Target of(BenchSettings settings, DetectedBackend detected) {
            return new Target(
                    SettingsValidator.baseUrl(settings),
                    detected.backend(),
                    Api.of(settings),
                    Api.completionsPath(settings),
                    ApiKeys.resolve(settings),
                    detected.tls());
        }
    }

    /**
     * The model served, the versions and the launch arguments, through the set-up REST clients; happy_vllm's
     * info document is not fetched again when the backend detection already read it.
     */
    private static ServerInfo discover(BenchSettings settings, Target target, DetectedBackend detected) {
        ServerInfo info;
        try {
            info = ServerDiscovery.discover(
                    new ServerApi(target.baseUrl(), target.apiKey(), target.tls()),
                    target.backend(),
                    settings.model(),
                    settings.infoEndpoint(),
                    settings.launchArgumentsEndpoint(),
                    detected.info());
        } catch (KeyRefusedException e) {
            throw withKeyOrigin(e, settings);
        }
        LOG.infof(
                "Server %s serves %s%s",
                target.baseUrl(),
                info.model(),
                info.maxModelLen().isPresent()
                        ? " (context " + info.maxModelLen().getAsInt() + " tokens)"
                        : "");
        return info;
    }

    /** A client of the server's tokenize endpoint, not asked anything yet. */
    private static ServerTokenCounter tokenizeClient(BenchSettings settings, Target target, ServerInfo info) {
        return new ServerTokenCounter(
                target.baseUrl(), settings.tokenizeEndpoint(), info.model(), target.apiKey(), target.tls());
    }

    /** The tokenize client, asked once so that a server without the endpoint fails before the run starts. */
    private static ServerTokenCounter openTokenCounter(BenchSettings settings, Target target, ServerInfo info) {
        ServerTokenCounter counter = tokenizeClient(settings, target, info);
        try {
            counter.count(BenchmarkRunner.WARM_UP_PROMPT);
            return counter;
        } catch (RuntimeException e) {
            counter.close();
            throw withKeyOrigin(e, settings);
        }
    }

    /** The streaming client with its pool sized for the run's largest concurrency, probed once; closed on failure. */
    private static StreamingClient openStreamingClient(
            BenchSettings settings, Vertx vertx, int maxConcurrency, Target target, ServerInfo info) {
        OpenFileLimit.check(maxConcurrency).ifPresent(LOG::warn);
        StreamingClient client = new StreamingClient(
                vertx,
                new ClientOptions(
                        target.baseUrl(),
                        target.completionsPath(),
                        target.apiKey(),
                        maxConcurrency,
                        Duration.ofMillis((long) (settings.requestTimeout() * 1000)),
                        ClientOptions.connectTimeoutFor(maxConcurrency),
                        settings.keepGeneratedText(),
                        target.tls()));
        try {
            probeCompletions(
                    client, target.backend(), target.api(), info.model(), target.baseUrl() + target.completionsPath());
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw withKeyOrigin(e, settings);
        }
    }

    /** Adds the engine settings the metrics page publishes to {@code parameters}, then starts polling. */
    private static MetricsPoller startPoller(
            BenchSettings settings, Target target, ServerInfo info, Map<String, Object> parameters) {
        PollerSettings pollerSettings = PollerSettings.of(
                        MetricsLocation.of(settings, target.backend()),
                        settings.stepLiveMetrics(),
                        target.apiKey(),
                        Optional.of(info.model()))
                .withTls(target.tls());
        engineSettings(pollerSettings, settings, target.backend()).forEach(parameters::putIfAbsent);
        return MetricsPoller.start(pollerSettings, LOG::warn);
    }

    /**
     * The parameters of the original tool that do not depend on the benchmark, then the server's: versions
     * and launch arguments, which overwrite same-named keys as in the original. The launch arguments' model
     * path is dropped (the served name is what matters), and so is their model_name when the user gave one.
     */
    static Map<String, Object> commonParameters(BenchSettings settings, DetectedBackend backend, ServerInfo info) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("step_live_metrics", settings.stepLiveMetrics());
        parameters.put("max_queries", settings.maxQueries());
        // As asked (auto by default), and the one used: found by probing with auto, else the same.
        parameters.put("backend", backend.asked().id());
        parameters.put("backend_detected", backend.backend().id());
        parameters.put("suite_id", LocalDateTime.now().format(SUITE_ID));
        parameters.put("model_name", settings.modelName().orElse(info.model()));
        parameters.put("seed", settings.seed());
        // Where the numbers come from, without what must not be written down (user info, query).
        parameters.put("base_url", withoutCredentials(SettingsValidator.baseUrl(settings)));
        // Recorded so that a later "bench-suite report" redraws with the thresholds the run was made with.
        parameters.put("speed_threshold", settings.speedThreshold());
        parameters.put("kv_cache_threshold", settings.kvCacheThreshold());
        parameters.put("min_number_of_valid_queries", settings.minNumberOfValidQueries());
        // Read back by the report, which marks the benchmarks whose failed share is above it.
        parameters.put("max_failed_share", settings.maxFailedShare());
        settings.gpuName().ifPresent(gpu -> parameters.put("gpu_name", gpu));
        // As given, so that a later "bench-suite report" or "compare" reads the capacity with the same objectives.
        settings.slo().filter(slo -> !slo.isBlank()).ifPresent(slo -> parameters.put("slo", slo));
        // Only when true: a run whose server identity was not checked must say so wherever its numbers go.
        if (settings.insecure()) {
            parameters.put("insecure", true);
        }
        info.happyVllmVersion().ifPresent(v -> parameters.put("happy_vllm_version", v));
        info.vllmVersion().ifPresent(v -> parameters.put("vllm_version", v));
        info.maxModelLen().ifPresent(v -> parameters.put("max_model_len", v));
        Map<String, Object> launch = new LinkedHashMap<>(info.launchArguments());
        launch.remove("model");
        launch.replaceAll((name, value) -> SECRET_NAME.matcher(name).find() && value != null ? REDACTED : value);
        if (settings.modelName().isPresent()) {
            launch.remove("model_name");
        }
        parameters.putAll(launch);
        return parameters;
    }

    /**
     * One 1-token request before anything is written, so that a wrong completions endpoint (404) is a usage
     * error naming the setting, not a failed warm-up after the run folder was made. A transient failure is
     * retried (see {@link StartRetry}).
     */
    private static void probeCompletions(StreamingClient client, Backend backend, Api api, String model, String url) {
        RequestRecord probe;
        try {
            probe = new StartRetry(StartRetry.Sleeper.SYSTEM)
                    .send(
                            () -> client.send(
                                            new CompletionRequest(
                                                    -1, BenchmarkRunner.WARM_UP_PROMPT, 1, System.nanoTime()),
                                            RequestBodies.request(
                                                    backend, api, model, BenchmarkRunner.WARM_UP_PROMPT, 1))
                                    .join(),
                            "the first request to " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnavailableException("interrupted during the first request to " + url, e);
        }
        if (probe.errorKind() == ErrorKind.HTTP_STATUS && probe.httpStatus() == 404) {
            throw new UsageException("POST " + url + " answered 404 (" + probe.errorMessage() + "); set "
                    + SettingsCatalog.get("completions-endpoint").spellings() + " to the server's completions path");
        }
        if (probe.errorKind() == ErrorKind.HTTP_STATUS && KeyRefusedException.refusesKey(probe.httpStatus())) {
            throw new KeyRefusedException("POST " + url, probe.httpStatus());
        }
        if (probe.outcome() != Outcome.SUCCESS) {
            throw new ServerUnavailableException(
                    "a first request to " + url + " failed (" + probe.errorKind() + ": " + probe.errorMessage() + ")",
                    null);
        }
    }

    /**
     * The engine settings vLLM publishes as labels of {@code vllm:cache_config_info} (block size, number of
     * GPU blocks, memory utilisation, prefix caching...), read once: the only source of them for plain vLLM,
     * and the exact KV capacity in tokens (blocks x block size) for every vLLM. When the page gives none, says once
     * what the report will lack ({@link #kvCapacityNote}).
     */
    private static Map<String, Object> engineSettings(
            PollerSettings pollerSettings, BenchSettings settings, Backend backend) {
        Map<String, Object> engine = new LinkedHashMap<>();
        // Closed at once: the fetcher owns a Vert.x instance, whose threads would otherwise outlive the session.
        try (HttpMetricsFetcher fetcher = new HttpMetricsFetcher(pollerSettings)) {
            FetchResult first = fetcher.fetch();
            if (first instanceof FetchResult.Failed failed
                    && failed.failure().httpStatus().isPresent()
                    && KeyRefusedException.refusesKey(
                            failed.failure().httpStatus().getAsInt())) {
                LOG.warn(new KeyRefusedException(
                                        "GET " + pollerSettings.metricsUri(),
                                        failed.failure().httpStatus().getAsInt())
                                .withOrigin(
                                        ApiKeys.describeOrigin(settings, System.getenv(), Path.of(".env")),
                                        ApiKeys.howToSet())
                                .getMessage()
                        + "; the run goes on without the server's metrics (no KV-cache usage in the report)");
            }
            // A page that could not be fetched says nothing about its families: the poller warns of the failure.
            if (first instanceof FetchResult.Fetched fetched) {
                MetricsPage page = PrometheusTextParser.parse(fetched.body(), fetched.format());
                CacheConfig.from(page).ifPresent(config -> {
                    engine.putAll(config.settings());
                    config.kvCapacityTokens().ifPresent(tokens -> engine.put("kv_cache_capacity_tokens", tokens));
                });
                kvCapacityNote(backend, page).ifPresent(LOG::info);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return engine;
    }

    /**
     * What the log says once, at start, when the metrics page gives no exact KV capacity; empty when there is
     * nothing to tell. vLLM (happy_vllm included) publishes it in {@value CacheConfig#FAMILY}, so its absence is
     * news for a vLLM backend: the report lacks the engine's cache settings and has at best an estimate of the
     * capacity. Other servers never publish that family, so naming it would be noise: for them the line says, in
     * the server's name, that the capacity will be an estimate from their KV-cache usage, and nothing when they
     * publish no usage either (the poller already warns that KV-cache usage will be left empty, as for TGI).
     *
     * @param backend the backend of the run (detected or set)
     * @param page    the metrics page read at start
     */
    static Optional<String> kvCapacityNote(Backend backend, MetricsPage page) {
        if (CacheConfig.from(page).isPresent()) {
            return Optional.empty();
        }
        boolean kvUsage = new ServerGaugeMapper(Optional.empty())
                .read(page)
                .gauges()
                .kvCacheUsage()
                .isPresent();
        if (backend == Backend.VLLM || backend == Backend.HAPPY_VLLM) {
            return Optional.of("The metrics endpoint gives no " + CacheConfig.FAMILY + ": the report will lack the "
                    + "engine's cache settings (block size, GPU blocks) and "
                    + (kvUsage
                            ? "give the KV capacity only as an estimate from the KV-cache usage"
                            : "the KV capacity"));
        }
        if (!kvUsage) {
            return Optional.empty();
        }
        String server = MetricsDialect.of(page).map(MetricsDialect::displayName).orElse(backend.id());
        return Optional.of("The report's KV capacity will be an estimate from the KV-cache usage on the " + server
                + " metrics page, which gives no cache size in tokens that bench-suite reads");
    }

    /**
     * A refused key, explained with where the key came from and how to set it; any other failure unchanged.
     * The environment and the .env file of the working directory are those {@code SettingsLoader} read.
     */
    private static RuntimeException withKeyOrigin(RuntimeException failure, BenchSettings settings) {
        if (failure instanceof KeyRefusedException refused) {
            return refused.withOrigin(
                    ApiKeys.describeOrigin(settings, System.getenv(), Path.of(".env")), ApiKeys.howToSet());
        }
        return failure;
    }

    public ServerInfo info() {
        return info;
    }

    public RunContext context() {
        return context;
    }

    /**
     * A counter of prompt tokens by the server's tokenize endpoint, to cut prompt ingestion to the context: the
     * --exact-input-lengths one when open, else one opened on the first call (not asked yet: its first count
     * fails when the server has no such endpoint, and the caller then estimates). Closed with the session.
     */
    public synchronized Optional<io.benchsuite.workload.TokenCounter> promptTokenCounter() {
        if (tokenCounter.isPresent()) {
            return Optional.of(tokenCounter.get());
        }
        if (countingCounter == null) {
            countingCounter = openCounter.get();
        }
        return Optional.of(countingCounter);
    }

    @Override
    public void close() {
        poller.ifPresent(MetricsPoller::close);
        tokenCounter.ifPresent(ServerTokenCounter::close);
        synchronized (this) {
            if (countingCounter != null) {
                countingCounter.close();
            }
        }
        client.close();
    }
}
