package io.benchsuite.datasets;

import io.benchsuite.tokenizer.SimpleTokenizer;
import java.util.Arrays;
import java.util.List;

/** Token-length summary of a prompt set, counted with {@link SimpleTokenizer}. */
public record LengthStats(int prompts, double median, int min, int max) {

    public static LengthStats of(List<String> prompts) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts to measure");
        }
        int[] lengths =
                prompts.stream().mapToInt(SimpleTokenizer::count).sorted().toArray();
        int mid = lengths.length / 2;
        double median = lengths.length % 2 == 1 ? lengths[mid] : (lengths[mid - 1] + lengths[mid]) / 2.0;
        return new LengthStats(lengths.length, median, lengths[0], lengths[lengths.length - 1]);
    }

    /** "1000 prompts, tokens median 33 min 32 max 41"; a median halfway between two counts shows ".5". */
    public String summary() {
        long whole = (long) Math.floor(median);
        String medianText = median == whole ? Long.toString(whole) : whole + ".5";
        return prompts + (prompts == 1 ? " prompt" : " prompts") + ", tokens median " + medianText + " min " + min
                + " max " + max;
    }

    /** Sorted token counts, for checks on the growing set's steps. */
    public static int[] sortedLengths(List<String> prompts) {
        int[] lengths = prompts.stream().mapToInt(SimpleTokenizer::count).toArray();
        Arrays.sort(lengths);
        return lengths;
    }
}
