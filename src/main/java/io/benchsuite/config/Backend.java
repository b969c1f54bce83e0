package io.benchsuite.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of server the tool knows how to talk to and read metrics from. */
public enum Backend {
    /** happy_vllm: vLLM plus /v1/info and /v1/launch_arguments. */
    HAPPY_VLLM("happy_vllm", true),
    /** vLLM's own OpenAI-compatible server: model from /v1/models, engine settings from /metrics. */
    VLLM("vllm", true),
    /** Any OpenAI-compatible completions server; no metrics endpoint needed. */
    OPENAI("openai", false),
    /**
     * The original tool's second backend: chat requests with {@code min_tokens = max_tokens}, a model that
     * must be given, no metrics endpoint and so no KV-cache profile.
     */
    MISTRAL("mistral", false);

    private final String id;
    private final boolean serverMetrics;

    Backend(String id, boolean serverMetrics) {
        this.id = id;
        this.serverMetrics = serverMetrics;
    }

    public String id() {
        return id;
    }

    /** Whether the backend exposes vLLM's Prometheus metrics (needed by the KV-cache profile). */
    public boolean hasServerMetrics() {
        return serverMetrics;
    }

    public static Backend parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(b -> b.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new UsageException("Unknown backend '" + text + "'; set "
                        + SettingsCatalog.get("backend").spellings() + " to one of " + choices()));
    }

    public static String choices() {
        return Arrays.stream(values()).map(Backend::id).collect(Collectors.joining(", "));
    }
}
