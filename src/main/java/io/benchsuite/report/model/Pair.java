package io.benchsuite.report.model;

import java.util.Comparator;

/** An (input length, output length) pair of the suite, ordered by input then output. */
public record Pair(int inputLength, int outputLength) implements Comparable<Pair> {

    private static final Comparator<Pair> ORDER =
            Comparator.comparingInt(Pair::inputLength).thenComparingInt(Pair::outputLength);

    @Override
    public int compareTo(Pair other) {
        return ORDER.compare(this, other);
    }

    /** The suffix of the report's per-pair file names, {@code input_{in}_output_{out}}. */
    public String fileSuffix() {
        return "input_" + inputLength + "_output_" + outputLength;
    }

    @Override
    public String toString() {
        return "(" + inputLength + ", " + outputLength + ")";
    }
}
