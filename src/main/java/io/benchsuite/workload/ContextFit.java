package io.benchsuite.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * Which prompts of a dataset fit the server's context: a prompt is kept when its tokens, plus the tokens the
 * request adds around it, plus the output tokens asked for, are at most the context length (the rule vLLM
 * applies before refusing a request with a 400). Pure: the token counts come from the caller's counter, the
 * server's own or {@link #estimatedTokens}. The kept prompts stay in dataset order, so the same dataset and
 * counts always give the same list, and a seeded plan made from it is the same again (--seed, --resume).
 *
 * @param kept               the prompts that fit, in dataset order
 * @param total              prompts in the dataset
 * @param longestKeptTokens  tokens of the longest prompt kept (its count, without the allowance); 0 when none
 * @param contextTokens      the server's context length, in tokens
 * @param budgetTokens       the most tokens a prompt may have: context - output - allowance
 */
public record ContextFit(List<String> kept, int total, int longestKeptTokens, int contextTokens, int budgetTokens) {

    /**
     * Characters per token of the estimate used when the server cannot count: English prose runs at about 4
     * characters per token with the usual BPE tokenizers (and with the simulator's), so 3 over-counts most
     * prompts by a third, and a prompt is left out rather than refused.
     */
    public static final int ESTIMATE_CHARACTERS_PER_TOKEN = 3;

    public ContextFit {
        kept = List.copyOf(kept);
    }

    /**
     * @param prompts         the dataset, in file order; not empty
     * @param tokens          counts a prompt's tokens (the server's count or {@link #estimatedTokens}); may throw,
     *                        and then nothing is decided
     * @param contextTokens   the server's context length, in tokens (positive)
     * @param outputTokens    tokens each request asks the server to generate
     * @param allowanceTokens tokens the request adds around a dataset prompt (the plan's random prefix, the copy
     *                        marker, a chat template), counted against the context too
     */
    public static ContextFit of(
            List<String> prompts, TokenCounter tokens, int contextTokens, int outputTokens, int allowanceTokens) {
        int budget = contextTokens - outputTokens - allowanceTokens;
        List<String> kept = new ArrayList<>();
        int longest = 0;
        for (String prompt : prompts) {
            int count = tokens.count(prompt);
            if (count <= budget) {
                kept.add(prompt);
                longest = Math.max(longest, count);
            }
        }
        return new ContextFit(kept, prompts.size(), longest, contextTokens, budget);
    }

    /** A prompt's tokens estimated from its characters, rounded up: see {@link #ESTIMATE_CHARACTERS_PER_TOKEN}. */
    public static int estimatedTokens(String prompt) {
        return (prompt.length() + ESTIMATE_CHARACTERS_PER_TOKEN - 1) / ESTIMATE_CHARACTERS_PER_TOKEN;
    }

    /** Prompts of the dataset that do not fit. */
    public int leftOut() {
        return total - kept.size();
    }

    /** Whether no prompt fits: the benchmark would only collect refusals. */
    public boolean none() {
        return kept.isEmpty();
    }
}
