package io.benchsuite.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The per-request counters llama.cpp's server adds to its stream chunks as {@code timings} (the last one
 * seen is kept). Absent values are -1 (counts) or NaN (speed). In a raw result it is written under llama.cpp's
 * own names, an absent value as null.
 *
 * @param predictedN         {@code timings.predicted_n}: tokens the server generated so far
 * @param predictedPerSecond {@code timings.predicted_per_second}: the server's own decode speed, tokens/s
 * @param promptN            {@code timings.prompt_n}: prompt tokens the server evaluated (cached ones excluded)
 */
@RegisterForReflection
@JsonPropertyOrder({"predicted_n", "predicted_per_second", "prompt_n"})
public record ServerTimings(
        @JsonIgnore int predictedN,
        @JsonIgnore double predictedPerSecond,
        @JsonIgnore int promptN) {

    /** No timings were sent. */
    public static final ServerTimings NONE = new ServerTimings(-1, Double.NaN, -1);

    /** From a raw result: null members are absent ones. */
    @JsonCreator
    static ServerTimings fromJson(
            @JsonProperty("predicted_n") Integer predictedN,
            @JsonProperty("predicted_per_second") Double predictedPerSecond,
            @JsonProperty("prompt_n") Integer promptN) {
        return new ServerTimings(
                predictedN == null ? -1 : predictedN,
                predictedPerSecond == null ? Double.NaN : predictedPerSecond,
                promptN == null ? -1 : promptN);
    }

    @JsonIgnore
    public boolean present() {
        return predictedN >= 0 || promptN >= 0 || !Double.isNaN(predictedPerSecond);
    }

    @JsonProperty("predicted_n")
    Integer predictedNOrNull() {
        return predictedN >= 0 ? predictedN : null;
    }

    @JsonProperty("predicted_per_second")
    Double predictedPerSecondOrNull() {
        return Double.isNaN(predictedPerSecond) ? null : predictedPerSecond;
    }

    @JsonProperty("prompt_n")
    Integer promptNOrNull() {
        return promptN >= 0 ? promptN : null;
    }
}
