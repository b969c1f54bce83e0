package io.benchsuite.suite;

/**
 * One benchmark of the suite, with the raw file it writes (the original tool's names) and, for the speed
 * sweep, the pair and level it belongs to.
 */
public record PlannedBenchmark(Phase phase, String fileName, BenchmarkSpec spec, int inputLength, int outputLength,
        int level) {

    public enum Phase {
        PROMPT_INGESTION("prompt ingestion"),
        KV_CACHE_PROFILE("KV-cache profile"),
        SPEED_GENERATION("generation speed");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The (input, output) pair, or "" for prompt ingestion. */
    public String pairLabel() {
        return phase == Phase.PROMPT_INGESTION ? "" : "input " + inputLength + ", output " + outputLength;
    }
}
