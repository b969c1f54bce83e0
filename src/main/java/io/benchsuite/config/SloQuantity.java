package io.benchsuite.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The per-request quantities a service-level objective of {@code --slo} can bound, by the key written before
 * the percentile ({@code ttft_p90}). Latencies are upper bounds written with a unit (s or ms) and kept in
 * seconds; the speed is a lower bound in tokens per second. docs/statistics.md says which field of each
 * request each quantity reads.
 */
public enum SloQuantity {
    /** Time to first token of each request, seconds. */
    TTFT("ttft", "time to first token", true),
    /** Time to first content of each request, seconds. */
    TTFC("ttfc", "time to first content", true),
    /** Each request's median inter-token latency, seconds. */
    ITL("itl", "inter-token latency", true),
    /** End-to-end latency of each request, seconds. */
    E2E("e2e", "end-to-end latency", true),
    /** Per-request generation speed ({@code speed_from_beginning}), tokens per second. */
    SPEED("speed", "per-request speed", false);

    private final String key;
    private final String label;
    private final boolean latency;

    SloQuantity(String key, String label, boolean latency) {
        this.key = key;
        this.label = label;
        this.latency = latency;
    }

    /** The key written in {@code --slo}, e.g. {@code ttft}. */
    public String key() {
        return key;
    }

    /** The field's term, e.g. "time to first token". */
    public String label() {
        return label;
    }

    /** True for latencies (upper bounds, seconds), false for the speed (a lower bound, tokens/s). */
    public boolean latency() {
        return latency;
    }

    public static Optional<SloQuantity> byKey(String key) {
        return Arrays.stream(values())
                .filter(q -> q.key.equals(key.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** "ttft, ttfc, itl, e2e or speed", for error messages. */
    public static String keys() {
        String all = Arrays.stream(values()).map(SloQuantity::key).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
