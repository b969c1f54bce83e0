package io.benchsuite.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of server the tool knows how to talk to and read metrics from. */
public enum Backend {
    /** Not a server kind: find it by probing the server before the run (see the suite's BackendDetector). */
    AUTO("auto", false, "/metrics"),
    /** happy_vllm: vLLM plus /v1/info and /v1/launch_arguments; metrics at /metrics/. */
    HAPPY_VLLM("happy_vllm", true, "/metrics/"),
    /** vLLM's own OpenAI-compatible server: model from /v1/models, engine settings from /metrics. */
    VLLM("vllm", true, "/metrics"),
    /** SGLang's OpenAI-compatible server (metrics with --enable-metrics); takes vLLM's min_tokens and ignore_eos. */
    SGLANG("sglang", true, "/metrics"),
    /** Hugging Face TGI's OpenAI-compatible routes; no KV-cache usage in its metrics. */
    TGI("tgi", true, "/metrics"),
    /** llama.cpp's llama-server (metrics with --metrics); takes ignore_eos and ignores unknown fields. */
    LLAMACPP("llamacpp", true, "/metrics"),
    /** TensorRT-LLM behind Triton's OpenAI-compatible front end; metrics on Triton's own port (metrics-url). */
    TRTLLM("trtllm", true, "/metrics"),
    /** Any OpenAI-compatible completions server; no metrics endpoint needed. */
    /** Any OpenAI-compatible completions server; no metrics endpoint needed. */
    OPENAI("openai", false, "/metrics"),
    /**
     * The original tool's second backend: chat requests with {@code min_tokens = max_tokens}, a model that
     * must be given, no metrics endpoint and so no KV-cache profile.
     */
    MISTRAL("mistral", false, "/metrics");

    private final String id;
    private final boolean serverMetrics;
    private final String metricsEndpoint;

    Backend(String id, boolean serverMetrics, String metricsEndpoint) {
        this.id = id;
        this.serverMetrics = serverMetrics;
        this.metricsEndpoint = metricsEndpoint;
    }

    public String id() {
        return id;
    }

    /** Whether the backend publishes Prometheus metrics with running/waiting requests (and KV usage for most). */
    public boolean hasServerMetrics() {
        return serverMetrics;
    }

    /** The metrics path when metrics-endpoint is not set: happy_vllm's /metrics/, /metrics for the others. */
    public String defaultMetricsEndpoint() {
        return metricsEndpoint;
    }

    public static Backend parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(b -> b.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new UsageException("Unknown backend '" + text + "'; set "
                        + SettingsCatalog.get("backend").spellings() + " to one of " + choices()));
    }

    public static String choices() {
        return Arrays.stream(values()).map(Backend::id).collect(Collectors.joining(", "));
    }
}
