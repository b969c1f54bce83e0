package io.benchsuite.suite;

import java.util.Map;

/**
 * --quick: a suite scaled down to about two minutes, for a first try or a smoke test of a real server. Its
 * values replace the defaults only; anything the user sets still wins. Against the built-in simulator's demo
 * preset it still shows every phenomenon the full suite looks for (the KV cache filling, requests waiting).
 */
public final class QuickMode {

    public static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("max-queries", "200"),
            Map.entry("max-duration-prompt-ingestion", "3"),
            Map.entry("max-duration-kv-cache-profile", "8"),
            Map.entry("max-duration-speed-generation", "15"),
            Map.entry("min-duration-speed-generation", "1"),
            Map.entry("target-queries-nb-speed-generation", "8"),
            Map.entry("min-number-of-valid-queries", "5"),
            Map.entry("input-lengths", "32,1024"),
            Map.entry("output-lengths", "16,128"),
            Map.entry("parallel-requests", "1,4,16"));

    /** Seconds of metrics sampled before and after each benchmark's requests (1 s in a full suite). */
    public static final double IDLE_METRICS_SECONDS = 0.3;

    private QuickMode() {
    }
}
