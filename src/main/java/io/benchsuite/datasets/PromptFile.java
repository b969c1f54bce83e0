package io.benchsuite.datasets;

import java.util.List;

/** One generated prompt set: the prompt length it stands for (0 = growing), its file name and prompts. */
public record PromptFile(int promptLength, List<String> prompts) {

    public PromptFile {
        prompts = List.copyOf(prompts);
    }

    public String fileName() {
        return DatasetFiles.fileName(promptLength);
    }
}
