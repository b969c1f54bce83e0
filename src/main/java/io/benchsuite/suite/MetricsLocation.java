package io.benchsuite.suite;

import io.benchsuite.config.Backend;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsValidator;
import java.net.URI;

/**
 * Where the server's Prometheus page is: {@code metrics-url} when given (Triton and Ray publish metrics on a
 * port of their own), else base URL + {@code metrics-endpoint}, whose default follows the backend
 * (happy_vllm's {@code /metrics/}, {@code /metrics} for the others).
 */
public final class MetricsLocation {

    private MetricsLocation() {}

    public static URI of(BenchSettings settings, Backend backend) {
        return SettingsValidator.metricsUrl(settings).orElseGet(() -> {
            String base = SettingsValidator.baseUrl(settings).toString();
            String endpoint = settings.metricsEndpoint()
                    .map(String::trim)
                    .filter(p -> !p.isEmpty())
                    .orElse(backend.defaultMetricsEndpoint());
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                    + (endpoint.startsWith("/") ? endpoint : "/" + endpoint));
        });
    }
}
