package io.benchsuite.datasets;

/**
 * File names of the prompt sets, as the seed names them: prompt length 0 stands for the growing set
 * ({@code growing_prompts.json}), any other length N for {@code prompts_length_N.json}.
 */
public final class DatasetFiles {

    public static final int GROWING = 0;

    private DatasetFiles() {}

    public static String fileName(int promptLength) {
        if (promptLength < 0) {
            throw new IllegalArgumentException("prompt length must be 0 (growing) or positive: " + promptLength);
        }
        return promptLength == GROWING ? "growing_prompts.json" : "prompts_length_" + promptLength + ".json";
    }
}
