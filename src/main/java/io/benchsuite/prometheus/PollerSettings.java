package io.benchsuite.prometheus;

import io.benchsuite.tls.TlsTrust;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the metrics poller needs.
 *
 * @param metricsUri the page to scrape, e.g. {@code http://127.0.0.1:5000/metrics}
 * @param step the interval between scrape starts; a scrape slower than that delays the next one
 * @param scrapeTimeout the longest a scrape may take (connection to last byte) before it counts as failed
 * @param bearerToken sent as {@code Authorization: Bearer ...} when present
 * @param servedModelName the model whose series are read when the page has several (see ServerGaugeMapper)
 * @param tls which certificates an https metrics URI may present
 */
public record PollerSettings(
        URI metricsUri,
        Duration step,
        Duration scrapeTimeout,
        Optional<String> bearerToken,
        Optional<String> servedModelName,
        TlsTrust tls) {

    /**
     * Long enough for a loaded Python server to render its page, short enough that a hung endpoint is noticed
     * within a run; it is not tied to the step because a 10 ms step must not turn every scrape into a timeout.
     */
    public static final Duration DEFAULT_SCRAPE_TIMEOUT = Duration.ofSeconds(5);

    public PollerSettings {
        Objects.requireNonNull(metricsUri, "metricsUri");
        if (!"http".equals(metricsUri.getScheme()) && !"https".equals(metricsUri.getScheme())) {
            throw new IllegalArgumentException("metrics URI must be http or https: " + metricsUri);
        }
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("metrics step must be positive: " + step);
        }
        if (scrapeTimeout.isZero() || scrapeTimeout.isNegative()) {
            throw new IllegalArgumentException("scrape timeout must be positive: " + scrapeTimeout);
        }
        Objects.requireNonNull(bearerToken, "bearerToken");
        Objects.requireNonNull(servedModelName, "servedModelName");
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * Settings from the values the command line has: base URL and endpoint are joined with exactly one slash
     * (happy_vllm serves /metrics at the root whatever its API prefix, so the endpoint is given apart).
     */
    public static PollerSettings of(
            String baseUrl,
            String metricsEndpoint,
            double stepSeconds,
            Optional<String> bearerToken,
            Optional<String> servedModelName) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String endpoint = metricsEndpoint.startsWith("/") ? metricsEndpoint : "/" + metricsEndpoint;
        return of(URI.create(base + endpoint), stepSeconds, bearerToken, servedModelName);
    }

    /** Settings for a metrics page given as a full URL (Triton and Ray publish metrics on a port of their own). */
    public static PollerSettings of(
            URI metricsUri, double stepSeconds, Optional<String> bearerToken, Optional<String> servedModelName) {
        if (!(stepSeconds > 0) || Double.isInfinite(stepSeconds)) {
            throw new IllegalArgumentException("metrics step must be a positive number of seconds: " + stepSeconds);
        }
        return new PollerSettings(
                metricsUri,
                Duration.ofNanos(Math.round(stepSeconds * 1e9)),
                DEFAULT_SCRAPE_TIMEOUT,
                bearerToken,
                servedModelName,
                TlsTrust.jdkDefault());
    }

    public PollerSettings withScrapeTimeout(Duration timeout) {
        return new PollerSettings(metricsUri, step, timeout, bearerToken, servedModelName, tls);
    }

    public PollerSettings withTls(TlsTrust trust) {
        return new PollerSettings(metricsUri, step, scrapeTimeout, bearerToken, servedModelName, trust);
    }
}
