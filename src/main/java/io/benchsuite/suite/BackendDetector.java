package io.benchsuite.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.client.ServerApi;
import io.benchsuite.config.Backend;
import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsCatalog;
import io.benchsuite.prometheus.FetchResult;
import io.benchsuite.prometheus.HttpMetricsFetcher;
import io.benchsuite.prometheus.MetricsDialect;
import io.benchsuite.prometheus.PollerSettings;
import io.benchsuite.prometheus.PrometheusTextParser;
import io.benchsuite.tls.TlsTrust;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code backend=auto}: finds the server kind before the run by probing, in this order, and stops at the first
 * answer that names it:
 * <ol>
 *   <li>happy_vllm's info endpoint ({@code /v1/info}) with a {@code vllm_version} or an {@code application}
 *       naming happy_vllm: happy_vllm, first so that the original tool's default still wins where it applies;</li>
 *   <li>vLLM's {@code GET /version} answering {@code {"version": ...}}: vllm;</li>
 *   <li>the metric family names of the metrics page (metrics-url, or base URL + metrics-endpoint, /metrics by
 *       default): {@code vllm:} and {@code ray_vllm:} vllm, {@code sglang:}, {@code tgi_}, {@code llamacpp:},
 *       {@code nv_trt_llm_};</li>
 *   <li>{@code owned_by} of the first model in {@code /v1/models} (vllm, sglang, llamacpp, tgi, Triton or
 *       tensorrt);</li>
 * </ol>
 * and falls back to openai (standard fields, no server metrics) with a warning. A probe that fails or answers
 * something else just passes to the next one; a server that cannot be reached at all is reported by the
 * discovery that follows, as before.
 */
public final class BackendDetector {

    private static final Logger LOG = Logger.getLogger(BackendDetector.class);
    static final String VERSION_PATH = "/version";
    static final String MODELS_PATH = "/v1/models";

    private BackendDetector() {}

    /** The backend to use: the one set, or the one found by probing when the setting is auto. Logs one line. */
    public static DetectedBackend resolve(
            BenchSettings settings, ServerApi api, Optional<String> apiKey, TlsTrust tls) {
        Backend asked = Backend.parse(settings.backend());
        if (asked != Backend.AUTO) {
            return DetectedBackend.asked(asked, tls);
        }
        DetectedBackend detected = detect(settings, api, apiKey, tls);
        if (detected.backend() == Backend.OPENAI) {
            LOG.warnf(
                    "Backend auto: %s; set %s to the server kind (%s) to read its metrics",
                    detected.evidence(), SettingsCatalog.get("backend").option(), Backend.choices());
        } else {
            LOG.infof("Backend auto: %s (%s)", detected.backend().id(), detected.evidence());
        }
        return detected;
    }

    static DetectedBackend detect(BenchSettings settings, ServerApi api, Optional<String> apiKey, TlsTrust tls) {
        Probes probes = new Probes();
        Optional<JsonNode> info = probes.json(api, settings.infoEndpoint());
        if (info.isPresent()
                && (info.get().hasNonNull("vllm_version")
                        || info.get()
                                .path("application")
                                .asText("")
                                .toLowerCase(Locale.ROOT)
                                .contains("happy_vllm"))) {
            // The document is handed on: the discovery reads the model and versions from it, without a second GET.
            return new DetectedBackend(
                    Backend.AUTO,
                    Backend.HAPPY_VLLM,
                    "GET " + settings.infoEndpoint() + " answered as happy_vllm "
                            + info.get().path("version").asText("?"),
                    tls,
                    info);
        }
        Optional<JsonNode> version = probes.json(api, VERSION_PATH);
        if (version.isPresent()
                && version.get().path("version").isTextual()
                && version.get().size() == 1) {
            return found(
                    Backend.VLLM,
                    "GET " + VERSION_PATH + " answered vLLM "
                            + version.get().get("version").asText(),
                    tls);
        }
        URI metrics = MetricsLocation.of(settings, Backend.AUTO);
        Optional<MetricsDialect> dialect = dialectOf(metrics, apiKey, tls);
        if (dialect.isPresent()) {
            return found(
                    backendOf(dialect.get()),
                    "metric families of " + dialect.get().displayName() + " at " + metrics,
                    tls);
        }
        Optional<JsonNode> models = probes.json(api, MODELS_PATH);
        if (models.isPresent()) {
            String owner = models.get().path("data").path(0).path("owned_by").asText("");
            Optional<Backend> byOwner = byOwner(owner);
            if (byOwner.isPresent()) {
                return found(byOwner.get(), "owned_by \"" + owner + "\" in " + MODELS_PATH, tls);
            }
        }
        if (!probes.answered && probes.firstFailure != null) {
            // Not one HTTP answer: the server is not there, which the user must hear as such, not as "openai".
            throw probes.firstFailure;
        }
        return new DetectedBackend(
                Backend.AUTO,
                Backend.OPENAI,
                "no probe named the server (" + settings.infoEndpoint()
                        + ", " + VERSION_PATH + ", metric families at " + metrics + ", owned_by in " + MODELS_PATH
                        + "), so openai: standard request fields, no server metrics",
                tls,
                Optional.empty());
    }

    private static DetectedBackend found(Backend backend, String evidence, TlsTrust tls) {
        return new DetectedBackend(Backend.AUTO, backend, evidence, tls, Optional.empty());
    }

    /** vLLM through Ray Serve speaks vLLM: it is the vllm backend, with its metrics read in Ray's names. */
    static Backend backendOf(MetricsDialect dialect) {
        return switch (dialect) {
            case VLLM, RAY_VLLM -> Backend.VLLM;
            case SGLANG -> Backend.SGLANG;
            case TGI -> Backend.TGI;
            case LLAMACPP -> Backend.LLAMACPP;
            case TRTLLM -> Backend.TRTLLM;
        };
    }

    /** The owners servers write in /v1/models: vllm, sglang, llamacpp, tgi, "Triton Inference Server", tensorrt_llm. */
    static Optional<Backend> byOwner(String owner) {
        String o = owner.toLowerCase(Locale.ROOT);
        if (o.equals("vllm")) {
            return Optional.of(Backend.VLLM);
        }
        if (o.equals("sglang")) {
            return Optional.of(Backend.SGLANG);
        }
        if (o.equals("llamacpp") || o.equals("llama.cpp")) {
            return Optional.of(Backend.LLAMACPP);
        }
        if (o.equals("tgi") || o.contains("text-generation-inference")) {
            return Optional.of(Backend.TGI);
        }
        if (o.contains("triton") || o.contains("tensorrt")) {
            return Optional.of(Backend.TRTLLM);
        }
        return Optional.empty();
    }

    /** The probes' JSON answers, and whether any probe got an HTTP answer at all. */
    private static final class Probes {
        boolean answered;
        RuntimeException firstFailure;

        Optional<JsonNode> json(ServerApi api, String path) {
            try {
                ServerApi.Response response = api.get(path);
                answered = true;
                return response.ok() && response.body().isObject() ? Optional.of(response.body()) : Optional.empty();
            } catch (RuntimeException e) { // ServerUnavailableException included
                // Not this server's route, or not JSON: the next probe decides.
                if (firstFailure == null) {
                    firstFailure = e;
                }
                return Optional.empty();
            }
        }
    }

    private static Optional<MetricsDialect> dialectOf(URI metrics, Optional<String> apiKey, TlsTrust tls) {
        PollerSettings settings =
                PollerSettings.of(metrics, 1.0, apiKey, Optional.empty()).withTls(tls);
        try (HttpMetricsFetcher fetcher = new HttpMetricsFetcher(settings)) {
            if (fetcher.fetch() instanceof FetchResult.Fetched page) {
                return MetricsDialect.of(PrometheusTextParser.parse(page.body(), page.format()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // An unusable metrics URL is only one probe less.
        }
        return Optional.empty();
    }
}
