package io.benchsuite.prometheus;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One sample line: its full name (e.g. {@code x_bucket}, not the family name), its labels, its value and
 * the optional exposition timestamp in epoch milliseconds (OpenMetrics seconds are converted).
 */
public record Sample(String name, Map<String, String> labels, double value, OptionalLong timestampMs) {

    public Sample {
        labels = Map.copyOf(labels);
    }

    public Sample(String name, Map<String, String> labels, double value) {
        this(name, labels, value, OptionalLong.empty());
    }

    public Optional<String> label(String labelName) {
        return Optional.ofNullable(labels.get(labelName));
    }
}
