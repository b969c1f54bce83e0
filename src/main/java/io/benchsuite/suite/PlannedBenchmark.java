package io.benchsuite.suite;

import io.benchsuite.results.BenchmarkKind;

/**
 * One benchmark of the suite, with the raw file it writes (the original tool's names) and, for the speed
 * sweep, the pair and level it belongs to.
 */
public record PlannedBenchmark(
        BenchmarkKind phase, String fileName, BenchmarkSpec spec, int inputLength, int outputLength, int level) {

    /** The (input, output) pair, or "" for prompt ingestion. */
    public String pairLabel() {
        return phase == BenchmarkKind.PROMPT_INGESTION ? "" : "input " + inputLength + ", output " + outputLength;
    }
}
