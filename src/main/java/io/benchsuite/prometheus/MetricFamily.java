package io.benchsuite.prometheus;

import java.util.List;

/**
 * A metric family: the samples grouped under one {@code # TYPE} name. {@code help} is empty when the page
 * has no {@code # HELP} line for it; {@code type} is {@link MetricType#UNTYPED} when it has no
 * {@code # TYPE} line.
 */
public record MetricFamily(String name, MetricType type, String help, List<Sample> samples) {

    public MetricFamily {
        samples = List.copyOf(samples);
    }

    /** Samples whose full name is exactly {@code sampleName} (e.g. the {@code x_bucket} lines of a histogram). */
    public List<Sample> samplesNamed(String sampleName) {
        return samples.stream().filter(s -> s.name().equals(sampleName)).toList();
    }

    /**
     * Whether this sample is an OpenMetrics {@code _created} sample (the family's creation time in epoch
     * seconds), which is metadata, not a measurement: summing it with the counter would be meaningless.
     */
    public boolean isCreatedSample(Sample sample) {
        return type.hasCreatedSamples()
                && sample.name().length() == name.length() + "_created".length()
                && sample.name().startsWith(name)
                && sample.name().endsWith("_created");
    }

    /** The samples that carry measurements: everything but the {@code _created} samples. */
    public List<Sample> measurementSamples() {
        return samples.stream().filter(s -> !isCreatedSample(s)).toList();
    }
}
