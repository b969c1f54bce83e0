package io.benchsuite.suite;

import java.util.Map;

/**
 * --quick: a suite scaled down to two or three minutes, for a first try or a smoke test of a real server. Its
 * values replace the defaults only; anything the user sets still wins.
 *
 * <p>Sized against the simulator's {@code a100-7b} preset, which answers like a 7B model on one A100: a
 * request of 128 output tokens takes about 2 s there, so the 8 requests of level 1 take about 16 s, levels 4,
 * 10 and 16 a few seconds each. A 30 s budget per sweep lets every pair run its four levels (a new level
 * starts only while the pair's budget is not spent) and the whole suite ends in about two and a half minutes.
 * Level 10 is the model card's headline level ({@code KeyNumbers.REFERENCE_LEVEL}), so a quick run has a
 * headline figure. With the adaptive sweep (the default) these levels are the range searched, 1 to 16: each pair
 * runs 1, 10 (the headline, always run) and 16 (doubling, capped), then bisects where a threshold is crossed,
 * at least three levels in all; with {@code --sweep grid} exactly these four. Against the built-in simulator's demo preset it still shows every phenomenon the full
 * suite looks for (the KV cache filling, requests waiting).
 */
public final class QuickMode {

    public static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("max-queries", "200"),
            Map.entry("max-duration-prompt-ingestion", "3"),
            Map.entry("max-duration-kv-cache-profile", "8"),
            Map.entry("max-duration-speed-generation", "30"),
            Map.entry("min-duration-speed-generation", "1"),
            Map.entry("target-queries-nb-speed-generation", "8"),
            Map.entry("min-number-of-valid-queries", "5"),
            Map.entry("input-lengths", "32,1024"),
            Map.entry("output-lengths", "16,128"),
            Map.entry("parallel-requests", "1,4,10,16"));

    /** Seconds of metrics sampled before and after each benchmark's requests (1 s in a full suite). */
    public static final double IDLE_METRICS_SECONDS = 0.3;

    private QuickMode() {}
}
