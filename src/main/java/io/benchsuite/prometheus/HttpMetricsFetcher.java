package io.benchsuite.prometheus;

import io.benchsuite.tls.TlsFailures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs the metrics page with the JDK HTTP client. It owns its client, so scrapes never share connections or
 * threads with the streaming requests being measured.
 */
public final class HttpMetricsFetcher implements MetricsFetcher {

    /** The classic format first: it is smaller than OpenMetrics and every vLLM version serves it. */
    static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,application/openmetrics-text;q=0.5,*/*;q=0.1";
    private static final int MAX_QUOTED_BODY = 120;

    private final HttpClient client;
    private final HttpRequest request;
    private final Duration timeout;

    public HttpMetricsFetcher(PollerSettings settings) {
        this.timeout = settings.scrapeTimeout();
        this.client = settings.tls().applyTo(HttpClient.newBuilder())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                // Old vLLM servers answer /metrics with 307 to /metrics/.
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.metricsUri())
                .GET()
                .timeout(timeout)
                .header("Accept", ACCEPT);
        settings.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        this.request = builder.build();
    }

    @Override
    public FetchResult fetch() throws InterruptedException {
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            // The request timeout only covers the wait for headers; this bound also covers a body that trickles.
            response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(ScrapeFailure.Kind.TIMEOUT, "no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return classify(e.getCause());
        }
        if (response.statusCode() != 200) {
            return failed(ScrapeFailure.Kind.HTTP_STATUS, "HTTP " + response.statusCode() + " from "
                    + response.uri() + quoteBody(response.body()));
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        return new FetchResult.Fetched(response.body(), ExpositionFormat.fromContentType(contentType));
    }

    private FetchResult classify(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
            return failed(ScrapeFailure.Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        }
        if (cause instanceof ConnectException) {
            return failed(ScrapeFailure.Kind.CONNECTION, "connection refused by " + request.uri());
        }
        if (cause instanceof IOException) {
            return failed(ScrapeFailure.Kind.CONNECTION, TlsFailures.explain(cause).orElseGet(() -> describe(cause)));
        }
        return failed(ScrapeFailure.Kind.OTHER, describe(cause));
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String quoteBody(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        int newline = trimmed.indexOf('\n');
        String firstLine = newline < 0 ? trimmed : trimmed.substring(0, newline);
        return ": " + (firstLine.length() > MAX_QUOTED_BODY ? firstLine.substring(0, MAX_QUOTED_BODY) + "..."
                : firstLine);
    }

    private static FetchResult failed(ScrapeFailure.Kind kind, String reason) {
        return new FetchResult.Failed(new ScrapeFailure(kind, reason));
    }
}
