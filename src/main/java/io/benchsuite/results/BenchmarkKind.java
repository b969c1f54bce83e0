package io.benchsuite.results;

/**
 * The three benchmarks of the suite, each writing raw results under its own file-name pattern (see
 * {@link RawFileName}). The one type for "which benchmark" in the suite's plan, its progress and the report.
 */
public enum BenchmarkKind {
    PROMPT_INGESTION("prompt ingestion"),
    KV_CACHE_PROFILE("KV-cache profile"),
    GENERATION_SPEED("generation speed");

    private final String label;

    BenchmarkKind(String label) {
        this.label = label;
    }

    /** Lower-case words for people: console progress and the self-metrics' {@code phase} label. */
    public String label() {
        return label;
    }
}
