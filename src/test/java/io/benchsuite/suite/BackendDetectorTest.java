package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.benchsuite.config.Backend;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsLoader;
import io.benchsuite.prometheus.MetricsDialect;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure parts of backend detection and of where the metrics page is. */
class BackendDetectorTest {

    private static BenchSettings settings(Map<String, String> given) {
        return SettingsLoader.load(given, Map.of(), Path.of("absent.env"));
    }

    @Test
    void ownersOfModelListsNameTheirServers() {
        assertEquals(Optional.of(Backend.VLLM), BackendDetector.byOwner("vllm"));
        assertEquals(Optional.of(Backend.SGLANG), BackendDetector.byOwner("sglang"));
        assertEquals(Optional.of(Backend.LLAMACPP), BackendDetector.byOwner("llamacpp"));
        assertEquals(Optional.of(Backend.TGI), BackendDetector.byOwner("tgi"));
        assertEquals(Optional.of(Backend.TRTLLM), BackendDetector.byOwner("Triton Inference Server"));
        assertEquals(Optional.empty(), BackendDetector.byOwner("openai"));
        assertEquals(Optional.empty(), BackendDetector.byOwner(""));
    }

    @Test
    void everyMetricsDialectMapsToABackend() {
        for (MetricsDialect dialect : MetricsDialect.values()) {
            Backend backend = BackendDetector.backendOf(dialect);
            assertEquals(true, backend.hasServerMetrics(), dialect.name());
        }
        assertEquals(Backend.VLLM, BackendDetector.backendOf(MetricsDialect.RAY_VLLM));
    }

    @Test
    void metricsUrlWinsElseTheEndpointElseTheBackendsDefault() {
        BenchSettings plain = settings(Map.of("base-url", "http://h:5000/"));
        assertEquals(URI.create("http://h:5000/metrics/"), MetricsLocation.of(plain, Backend.HAPPY_VLLM));
        assertEquals(URI.create("http://h:5000/metrics"), MetricsLocation.of(plain, Backend.SGLANG));

        BenchSettings endpoint = settings(Map.of("base-url", "http://h:5000", "metrics-endpoint", "/prom"));
        assertEquals(URI.create("http://h:5000/prom"), MetricsLocation.of(endpoint, Backend.HAPPY_VLLM));

        BenchSettings url = settings(Map.of(
                "base-url", "http://h:9000", "metrics-endpoint", "/prom", "metrics-url", "http://h:8002/metrics"));
        assertEquals(URI.create("http://h:8002/metrics"), MetricsLocation.of(url, Backend.TRTLLM));
    }

    @Test
    void aMetricsUrlThatIsNotAnHttpUrlIsAUsageErrorNamingTheSetting() {
        BenchSettings bad = settings(Map.of("metrics-url", "triton-host:8002/metrics"));
        io.benchsuite.config.UsageException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.benchsuite.config.UsageException.class, () -> io.benchsuite.config.SettingsValidator.validate(bad));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("metrics-url"), e.getMessage());
    }
}
