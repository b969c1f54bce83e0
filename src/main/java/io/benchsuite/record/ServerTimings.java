package io.benchsuite.record;

/**
 * The per-request counters llama.cpp's server adds to its stream chunks as {@code timings} (the last one
 * seen is kept). Absent values are -1 (counts) or NaN (speed).
 *
 * @param predictedN         {@code timings.predicted_n}: tokens the server generated so far
 * @param predictedPerSecond {@code timings.predicted_per_second}: the server's own decode speed, tokens/s
 * @param promptN            {@code timings.prompt_n}: prompt tokens the server evaluated (cached ones excluded)
 */
public record ServerTimings(int predictedN, double predictedPerSecond, int promptN) {

    /** No timings were sent. */
    public static final ServerTimings NONE = new ServerTimings(-1, Double.NaN, -1);

    public boolean present() {
        return predictedN >= 0 || promptN >= 0 || !Double.isNaN(predictedPerSecond);
    }
}
