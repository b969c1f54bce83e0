package io.benchsuite.prometheus;

import io.benchsuite.tls.TlsFailures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.metrics.MetricsOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * GETs the metrics page over one kept-alive connection, with a Vert.x HTTP client on a Vert.x instance of its
 * own (one event-loop thread), so scrapes never share a connection or a thread with the streams being
 * measured.
 *
 * <p>Not the JDK {@code java.net.http} client, which this class used first: at a 10 ms step it cost about
 * 1.6 ms of CPU per scrape (its selector thread, its executor and a chain of futures per exchange), a
 * quarter of the whole client's CPU in the fidelity benchmark. This one costs a fraction of that, most of
 * it the parse that follows.
 */
public final class HttpMetricsFetcher implements MetricsFetcher {

    /** The classic format first: it is smaller than OpenMetrics and every vLLM version serves it. */
    static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,application/openmetrics-text;q=0.5,*/*;q=0.1";

    private static final int MAX_QUOTED_BODY = 120;
    /** Old vLLM servers answer /metrics with 307 to /metrics/; one hop is all that is needed. */
    private static final int MAX_REDIRECTS = 3;

    private static final Logger LOG = Logger.getLogger(HttpMetricsFetcher.class);
    /** happy_vllm's default path; servers other than happy_vllm (llama.cpp...) answer 404 on it. */
    static final String TRAILING_SLASH_PATH = "/metrics/";

    private final Vertx vertx;
    private final HttpClient client;
    private final PollerSettings settings;
    /** Changed once at most, by the fetching thread only, when /metrics/ gave way to /metrics. */
    private RequestOptions request;

    private volatile URI uri;
    private boolean fallbackTried;
    private final Duration timeout;

    public HttpMetricsFetcher(PollerSettings settings) {
        this.settings = settings;
        this.uri = settings.metricsUri();
        this.timeout = settings.scrapeTimeout();
        // Metrics off: inside the Quarkus application, Micrometer would try to register this second Vert.x's
        // gauges under names the application's own Vert.x already holds.
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setMetricsOptions(new MetricsOptions().setEnabled(false)));
        boolean tls = "https".equals(uri.getScheme());
        this.client = vertx.createHttpClient(
                settings.tls()
                        .applyTo(new HttpClientOptions()
                                .setKeepAlive(true)
                                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                                .setMaxRedirects(MAX_REDIRECTS))
                        .setSsl(tls),
                new PoolOptions().setHttp1MaxSize(1));
        this.request = requestFor(uri);
    }

    private RequestOptions requestFor(URI target) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(target.toString())
                .setFollowRedirects(true)
                .putHeader("Accept", ACCEPT);
        settings.bearerToken().ifPresent(token -> options.putHeader("Authorization", "Bearer " + token));
        return options;
    }

    /** The page scraped now: the configured one, or {@code /metrics} once {@code /metrics/} answered 404. */
    public URI uri() {
        return uri;
    }

    /**
     * GETs the page. The first 404 on a path ending in {@code /metrics/} (happy_vllm's path, the original
     * default) tries {@code /metrics} once; when that answers 200 it is scraped from then on.
     */
    @Override
    public FetchResult fetch() throws InterruptedException {
        FetchResult result = fetchOnce();
        if (result instanceof FetchResult.Failed failed
                && failed.failure().httpStatus().equals(OptionalInt.of(404))
                && !fallbackTried
                && uri.getPath() != null
                && uri.getPath().endsWith(TRAILING_SLASH_PATH)) {
            fallbackTried = true;
            URI original = uri;
            String path = uri.getPath();
            URI alternative = uri.resolve(path.substring(0, path.length() - 1));
            RequestOptions originalRequest = request;
            uri = alternative;
            request = requestFor(alternative);
            FetchResult second = fetchOnce();
            if (second instanceof FetchResult.Fetched) {
                LOG.infof("%s answered 404; %s answers, so it is scraped instead", original, alternative);
                return second;
            }
            uri = original;
            request = originalRequest;
        }
        return result;
    }

    private FetchResult fetchOnce() throws InterruptedException {
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        Future<FetchResult> exchange = client.request(request).compose(req -> {
            sent.set(req);
            return req.send().compose(this::read);
        });
        CompletableFuture<FetchResult> future = exchange.toCompletionStage().toCompletableFuture();
        try {
            // One bound for the whole exchange, connection to last byte, so a body that trickles counts too.
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort(sent.get());
            return failed(ScrapeFailure.Kind.TIMEOUT, "no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            abort(sent.get());
            throw e;
        } catch (ExecutionException e) {
            return classify(e.getCause());
        }
    }

    private Future<FetchResult> read(HttpClientResponse response) {
        return response.body().map(body -> {
            if (response.statusCode() != 200) {
                return new FetchResult.Failed(ScrapeFailure.status(
                        response.statusCode(), "HTTP " + response.statusCode() + " from " + uri + quoteBody(body)));
            }
            return new FetchResult.Fetched(
                    body.toString(StandardCharsets.UTF_8),
                    ExpositionFormat.fromContentType(response.getHeader("Content-Type")));
        });
    }

    /** Drops the connection of an exchange given up on, so the next scrape does not wait behind it. */
    private static void abort(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    private FetchResult classify(Throwable cause) {
        if (cause instanceof io.netty.channel.ConnectTimeoutException) {
            return failed(ScrapeFailure.Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        }
        if (cause instanceof ConnectException) {
            return failed(ScrapeFailure.Kind.CONNECTION, "connection refused by " + uri);
        }
        if (cause instanceof IOException || cause instanceof io.vertx.core.VertxException) {
            return failed(
                    ScrapeFailure.Kind.CONNECTION, TlsFailures.explain(cause).orElseGet(() -> describe(cause)));
        }
        return failed(ScrapeFailure.Kind.OTHER, describe(cause));
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String quoteBody(Buffer body) {
        String trimmed =
                body == null ? "" : body.toString(StandardCharsets.UTF_8).strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        int newline = trimmed.indexOf('\n');
        String firstLine = newline < 0 ? trimmed : trimmed.substring(0, newline);
        return ": "
                + (firstLine.length() > MAX_QUOTED_BODY ? firstLine.substring(0, MAX_QUOTED_BODY) + "..." : firstLine);
    }

    private static FetchResult failed(ScrapeFailure.Kind kind, String reason) {
        return new FetchResult.Failed(ScrapeFailure.of(kind, reason));
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
