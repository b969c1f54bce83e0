package io.benchsuite.stats;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable {@code List<Double>} kept as a {@code double[]}: 8 bytes an element instead of a boxed
 * {@code Double} and its reference (about 20). A request's token arrival times are two such lists of one
 * element per token, and a 1000-stream run holds thousands of requests when it writes its raw result, so the
 * boxed lists were the largest thing in the heap at that moment (about 20 MiB of a 210 MiB peak, measured
 * with {@code jcmd GC.class_histogram}). Elements are boxed only when read, one at a time.
 *
 * <p>Equal to any list with the same elements in the same order ({@link AbstractList#equals}).
 */
public final class DoubleList extends AbstractList<Double> implements RandomAccess {

    private static final DoubleList EMPTY = new DoubleList(new double[0]);

    private final double[] values;

    private DoubleList(double[] values) {
        this.values = values;
    }

    /** The list of {@code values}, which the caller hands over and must not change afterwards. */
    public static DoubleList wrap(double[] values) {
        return values.length == 0 ? EMPTY : new DoubleList(values);
    }

    /**
     * {@code list} itself when it is a DoubleList, else a copy.
     *
     * @throws NullPointerException when the list or one of its elements is null
     */
    public static DoubleList copyOf(List<Double> list) {
        if (list instanceof DoubleList doubles) {
            return doubles;
        }
        double[] values = new double[list.size()];
        int i = 0;
        for (Double value : list) {
            values[i++] = value;
        }
        return wrap(values);
    }

    @Override
    public Double get(int index) {
        return values[index];
    }

    /** The element at {@code index} without boxing it. */
    public double getDouble(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
