package io.benchsuite.workload;

import java.util.List;

/**
 * The prompts of one benchmark run, in the order they will be sent, with the seed and the random prefix that
 * produced them: recording the seed is enough to rebuild the same plan from the same dataset.
 */
public record PromptPlan(long seed, String prefix, List<PlannedPrompt> prompts) {

    public PromptPlan {
        prompts = List.copyOf(prompts);
    }

    public int size() {
        return prompts.size();
    }
}
