package io.benchsuite.suite;

import io.benchsuite.client.ClientOptions;
import io.benchsuite.client.CompletionRequest;
import io.benchsuite.client.OpenFileLimit;
import io.benchsuite.client.RequestBodies;
import io.benchsuite.client.ServerUnavailableException;
import io.benchsuite.config.ApiKeys;
import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.config.UsageException;
import io.benchsuite.record.ErrorKind;
import io.benchsuite.record.Outcome;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.client.ServerApi;
import io.benchsuite.client.ServerDiscovery;
import io.benchsuite.client.ServerInfo;
import io.benchsuite.client.ServerTokenCounter;
import io.benchsuite.client.StreamingClient;
import io.benchsuite.config.Backend;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsValidator;
import io.benchsuite.prometheus.CacheConfig;
import io.benchsuite.prometheus.FetchResult;
import io.benchsuite.prometheus.HttpMetricsFetcher;
import io.benchsuite.prometheus.MetricsPoller;
import io.benchsuite.prometheus.PrometheusTextParser;
import io.benchsuite.prometheus.PollerSettings;
import io.benchsuite.record.TimeAnchor;
import io.benchsuite.schedule.Progress;
import io.benchsuite.tls.TlsSettings;
import io.benchsuite.tls.TlsTrust;
import io.benchsuite.workload.ExactPromptLengths;
import io.vertx.core.Vertx;
import java.net.URI;
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

    private ServerSession(ServerInfo info, StreamingClient client, Optional<MetricsPoller> poller,
            Optional<ServerTokenCounter> tokenCounter, RunContext context) {
        this.info = info;
        this.client = client;
        this.poller = poller;
        this.tokenCounter = tokenCounter;
        this.context = context;
    }

    /** The original tool's idle window around each benchmark's requests. */
    public static final double DEFAULT_IDLE_METRICS_SECONDS = 1.0;

    public static ServerSession open(BenchSettings settings, Vertx vertx, int maxConcurrency, Progress progress) {
        return open(settings, vertx, maxConcurrency, progress, DEFAULT_IDLE_METRICS_SECONDS);
    }

    /** @param idleMetricsSeconds metrics sampled before and after each benchmark's requests */
    public static ServerSession open(BenchSettings settings, Vertx vertx, int maxConcurrency, Progress progress,
            double idleMetricsSeconds) {
        return open(settings, vertx, maxConcurrency, progress, idleMetricsSeconds, false);
    }

    /**
     * @param exactInputLengths fit prompts to their nominal length with the server's tokenize endpoint, which is
     *                          asked once here so that a server without one fails the run before it starts
     */
    public static ServerSession open(BenchSettings settings, Vertx vertx, int maxConcurrency, Progress progress,
            double idleMetricsSeconds, boolean exactInputLengths) {
        URI baseUrl = SettingsValidator.baseUrl(settings);
        Backend backend = Backend.parse(settings.backend());
        Optional<String> apiKey = ApiKeys.resolve(settings);
        TlsTrust tls = TlsSettings.resolve(settings);
        ServerInfo info = ServerDiscovery.discover(new ServerApi(baseUrl, apiKey, tls), backend,
                settings.model(), settings.infoEndpoint(), settings.launchArgumentsEndpoint());
        LOG.infof("Server %s serves %s%s", baseUrl, info.model(),
                info.maxModelLen().isPresent() ? " (context " + info.maxModelLen().getAsInt() + " tokens)" : "");

        Optional<ServerTokenCounter> tokenCounter = Optional.empty();
        if (exactInputLengths) {
            tokenCounter = Optional.of(new ServerTokenCounter(baseUrl, settings.tokenizeEndpoint(), info.model(),
                    apiKey, tls));
            try {
                tokenCounter.get().count(BenchmarkRunner.WARM_UP_PROMPT);
            } catch (RuntimeException e) {
                tokenCounter.get().close();
                throw e;
            }
        }
        OpenFileLimit.check(maxConcurrency).ifPresent(LOG::warn);
        StreamingClient client = new StreamingClient(vertx, new ClientOptions(baseUrl, settings.completionsEndpoint(),
                apiKey, maxConcurrency, Duration.ofMillis((long) (settings.requestTimeout() * 1000)),
                ClientOptions.connectTimeoutFor(maxConcurrency), settings.keepGeneratedText(), tls));
        try {
            probeCompletions(client, backend, info.model(), baseUrl + settings.completionsEndpoint());
        } catch (RuntimeException e) {
            client.close();
            tokenCounter.ifPresent(ServerTokenCounter::close);
            throw e;
        }
        Map<String, Object> parameters = commonParameters(settings, backend, info);
        // Which request shape the tokenize endpoint understood (vllm or llamacpp), for whoever checks the counts.
        tokenCounter.flatMap(ServerTokenCounter::shape).ifPresent(shape -> parameters.put("tokenize_shape", shape.id()));
        Optional<MetricsPoller> poller = Optional.empty();
        if (backend.hasServerMetrics()) {
            PollerSettings pollerSettings = PollerSettings.of(baseUrl.toString(), settings.metricsEndpoint(),
                    settings.stepLiveMetrics(), apiKey, Optional.of(info.model())).withTls(tls);
            engineSettings(pollerSettings).forEach(parameters::putIfAbsent);
            poller = Optional.of(MetricsPoller.start(pollerSettings, LOG::warn));
        }
        RunContext context = new RunContext(client, backend, info.model(), poller, TimeAnchor.capture(),
                parameters, idleMetricsSeconds, settings.seed(), progress, tokenCounter.map(ExactPromptLengths::new));
        return new ServerSession(info, client, poller, tokenCounter, context);
    }

    /**
     * The parameters of the original tool that do not depend on the benchmark, then the server's: versions
     * and launch arguments, which overwrite same-named keys as in the original. The launch arguments' model
     * path is dropped (the served name is what matters), and so is their model_name when the user gave one.
     */
    static Map<String, Object> commonParameters(BenchSettings settings, Backend backend, ServerInfo info) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("step_live_metrics", settings.stepLiveMetrics());
        parameters.put("max_queries", settings.maxQueries());
        parameters.put("backend", backend.id());
        parameters.put("suite_id", LocalDateTime.now().format(SUITE_ID));
        parameters.put("model_name", settings.modelName().orElse(info.model()));
        parameters.put("seed", settings.seed());
        // Recorded so that a later "bench-suite report" redraws with the thresholds the run was made with.
        parameters.put("speed_threshold", settings.speedThreshold());
        parameters.put("kv_cache_threshold", settings.kvCacheThreshold());
        parameters.put("min_number_of_valid_queries", settings.minNumberOfValidQueries());
        // Read back by the report, which marks the benchmarks whose failed share is above it.
        parameters.put("max_failed_share", settings.maxFailedShare());
        settings.gpuName().ifPresent(gpu -> parameters.put("gpu_name", gpu));
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
    private static void probeCompletions(StreamingClient client, Backend backend, String model, String url) {
        RequestRecord probe;
        try {
            probe = new StartRetry(StartRetry.Sleeper.SYSTEM).send(() -> client.send(
                    new CompletionRequest(-1, BenchmarkRunner.WARM_UP_PROMPT, 1, System.nanoTime()),
                    RequestBodies.completion(backend, model, BenchmarkRunner.WARM_UP_PROMPT, 1)).join(),
                    "the first request to " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnavailableException("interrupted during the first request to " + url, e);
        }
        if (probe.errorKind() == ErrorKind.HTTP_STATUS && probe.httpStatus() == 404) {
            throw new UsageException("POST " + url + " answered 404 (" + probe.errorMessage() + "); set "
                    + SettingsCatalog.get("completions-endpoint").spellings() + " to the server's completions path");
        }
        if (probe.outcome() != Outcome.SUCCESS) {
            throw new ServerUnavailableException("a first request to " + url + " failed (" + probe.errorKind() + ": "
                    + probe.errorMessage() + ")", null);
        }
    }

    /**
     * The engine settings vLLM publishes as labels of {@code vllm:cache_config_info} (block size, number of
     * GPU blocks, memory utilisation, prefix caching...), read once: the only source of them for plain vLLM,
     * and the exact KV capacity in tokens (blocks x block size) for every vLLM.
     */
    private static Map<String, Object> engineSettings(PollerSettings pollerSettings) {
        Map<String, Object> engine = new LinkedHashMap<>();
        // Closed at once: the fetcher owns a Vert.x instance, whose threads would otherwise outlive the session.
        try (HttpMetricsFetcher fetcher = new HttpMetricsFetcher(pollerSettings)) {
            if (fetcher.fetch() instanceof FetchResult.Fetched page) {
                CacheConfig.from(PrometheusTextParser.parse(page.body(), page.format())).ifPresent(config -> {
                    engine.putAll(config.settings());
                    config.kvCapacityTokens().ifPresent(tokens -> engine.put("kv_cache_capacity_tokens", tokens));
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (engine.isEmpty()) {
            LOG.info("The metrics endpoint gives no vllm:cache_config_info; the report will lack the KV capacity");
        }
        return engine;
    }

    public ServerInfo info() {
        return info;
    }

    public RunContext context() {
        return context;
    }

    @Override
    public void close() {
        poller.ifPresent(MetricsPoller::close);
        tokenCounter.ifPresent(ServerTokenCounter::close);
        client.close();
    }
}
